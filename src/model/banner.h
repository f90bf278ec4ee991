/* banner.h — banners and advertising (TQ Đ10, BT Đ9; docs/media.md): items of kind "banner"
 * shown in their placement on every public page of their site from their start to their end
 * (Vietnam time, to the second), once the approver has published them; clicks counted per day
 * by a redirect, with nothing about the reader. */
#ifndef CONG_MODEL_BANNER_H
#define CONG_MODEL_BANNER_H

#include <jansson.h>
#include <stdint.h>

struct db;
struct errs;
struct kind;
struct actor;

/* The kind's check hook: times "HH:MM" or "HH:MM:SS", the end after the start. */
void banner_check(const struct kind *k, json_t *fields, struct errs *e);

/* The start and end (Unix time; the end excluded) FIELDS give: 0, or -1 when they do not. */
int banner_window(json_t *fields, int64_t *start, int64_t *end);

/* The site's banners showing at NOW, by placement: {"header": [...], "sidebar": [...],
 * "footer": [...]} with {id, title, text, media_id, advertiser} each, the latest to start first,
 * at most BANNERS_SHOWN a placement; NULL when there are none. */
#define BANNERS_SHOWN 4
json_t *banner_current(struct db *db, int64_t site_id, int64_t now);

/* How many start and end times of the site's published banners are past at NOW: a number that
 * changes whenever what banner_current shows may have changed by time alone (the page cache's
 * generation includes it, as the maintenance notices' epoch). -1 on a store error. NEXT_EDGE (may
 * be NULL) gets the time it next changes (INT64_MAX: never, by time alone). */
int64_t banner_epoch(struct db *db, int64_t site_id, int64_t now, int64_t *next_edge);

/* A reader followed published banner ID of SITE_ID: its click of the day is counted and its
 * own target (malloc'd) returned; NULL when ID is not one of the site's published banners
 * showing at NOW (nothing is counted). */
char *banner_click(struct db *db, int64_t site_id, int64_t id, int64_t now);

/* The site's banners with their clicks (total, last 30 days, today) for its editors; NULL
 * without a role on the site. */
json_t *banner_stats(struct db *db, const struct actor *a, int64_t site_id, int64_t now);

#endif
