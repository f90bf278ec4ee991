/* sections.h — the kinds of information a site shows as sections of its main menu and home
 * page, in its order (site_sections, migration 0028): chosen by the site's administrators
 * (/quan-tri/cai-dat/muc); a site that never chose shows every declared kind (kind_all), so a
 * kind added to model/kinds.c appears by itself. A kind not chosen keeps its pages. */
#ifndef CONG_MODEL_SECTIONS_H
#define CONG_MODEL_SECTIONS_H

#include <stdint.h>
#include <stddef.h>
#include <jansson.h>

struct db;
struct actor;
struct errs;
struct kind;

/* SITE_ID's sections as kinds, in order, into OUT (at most MAX); returns how many. Names the
 * site chose that no kind has any more are skipped. *CHOSEN (may be NULL): 1 when the site chose. */
size_t site_sections(struct db *db, int64_t site_id, const struct kind **out, size_t max, int *chosen);
/* 1 when KIND is among SITE_ID's sections. */
int site_section_on(struct db *db, int64_t site_id, const char *kind);
/* The site's administrators choose the sections: NAMES (kind names, N of them, in order).
 * Unknown or repeated names are refused (errs "sections": sections_unknown). Audited; the
 * site's page cache bumped. M_OK, M_INVALID, M_DENIED, M_ERROR. */
int site_sections_set(struct db *db, const struct actor *a, int64_t site_id, const char *const *names, size_t n,
		      struct errs *e);

#endif
