/* schedule.h — the leaders' weekly work schedules (kind "schedule", /lich-cong-tac) and the
 * citizen-reception schedule with its results (kind "reception", /lich-tiep-cong-dan):
 * their descriptors' hooks (kinds.c) and the reads of the week view and the calendar feed
 * (docs/schedules.md). */
#ifndef CONG_MODEL_SCHEDULE_H
#define CONG_MODEL_SCHEDULE_H

#include <stdint.h>
#include <jansson.h>

struct db;
struct kind;
struct errs;

/* The schedule's week ("tuan": any day of it, stored as its Monday); every entry's day inside that
 * week, its content given, its end after its start. */
void schedule_check(const struct kind *k, json_t *fields, struct errs *e);
/* SITE_ID's published schedules whose week (item_day, a Monday) is in FROM..TO, oldest first:
 * [{id, site_id, slug, title, item_day, published_at, updated_at, f (fields)}]; NULL on a store error. */
json_t *schedule_weeks(struct db *db, int64_t site_id, int32_t from, int32_t to);
/* The sites with published schedules or reception sessions from day FROM to TO: [{site_id}]
 * (the main portal's week view and feed read those sites only); NULL on a store error. */
json_t *schedule_sites_between(struct db *db, int32_t from, int32_t to);
/* The same for the published items of KIND ("reception": the sessions whose day is in FROM..TO). */
json_t *schedule_items(struct db *db, int64_t site_id, const char *kind, int32_t from, int32_t to);

#endif
