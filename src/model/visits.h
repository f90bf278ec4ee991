/* visits.h — visit statistics in the store (docs/visits.md): page views per site and day, per
 * item and day, and the external referrers' hosts per site and day, added in batches from the
 * counters the server keeps in memory (http/visits.h); the reports and the admin page read them;
 * each site's own settings (the public counter, the EMC tracker). No address, no visitor id and
 * no cookie is ever stored: only counts. */
#ifndef CONG_MODEL_VISITS_H
#define CONG_MODEL_VISITS_H

#include "model/model.h"

#include <stddef.h>
#include <stdint.h>

#define VISIT_HOST_MAX 96 /* a referrer's host longer than this is not kept */

/* One counter: views of SITE_ID on DAY (vn_days_of_time), of item ITEM_ID when nonzero, or from
 * the external host HOST when not empty; both empty: the site's total of the day. */
struct visit_count {
	int64_t site_id, item_id;
	int32_t day;
	char host[VISIT_HOST_MAX];
	int64_t n;
};

/* Adds the N counters of C to the store in one transaction. 0, or -1 (nothing added: the caller
 * keeps them for the next time). */
int visits_store(struct db *db, const struct visit_count *c, size_t n);

/* The views of SITE_ID (0: every site, the province) from day FROM_DAY to TO_DAY included:
 * {total, by_site: [{site_id, site_name, total}] (largest first; sites without views too),
 * by_day: [{day, total}] (every day of the range, zeros included)}. For an actor with a role on
 * the site (for 0: on the main portal) or the system administrator; NULL otherwise, or when the
 * range is empty or longer than 3,700 days. For the periodic reports. */
json_t *visits_report(struct db *db, const struct actor *a, int64_t site_id, int32_t from_day, int32_t to_day);
/* The LIMIT most viewed items of SITE_ID in the range: [{item_id, title, kind, slug, views}];
 * NULL when A may not see them (as visits_report). */
json_t *visits_top_items(struct db *db, const struct actor *a, int64_t site_id, int32_t from_day, int32_t to_day,
			 int limit);
/* The LIMIT hosts that sent the most readers: [{host, views}]; NULL as above. */
json_t *visits_top_referrers(struct db *db, const struct actor *a, int64_t site_id, int32_t from_day,
			     int32_t to_day, int limit);
/* Every view of SITE_ID ever stored (the public counter). -1 on error. */
int64_t visits_site_total(struct db *db, int64_t site_id);

/* A site's settings: whether its footer shows the public counter, and the EMC tracker (off
 * while EMC_SITE_ID is 0), with the tracker's origin (https://host[:port]). */
struct visit_settings {
	int public_counter;
	int64_t emc_site_id;
	char emc_origin[128];
};
#define VISITS_EMC_ORIGIN "https://f-emc.ngsp.gov.vn" /* the default: the national system's */
/* The settings of SITE_ID (the defaults when it has none). 0, or -1 on a store error. */
int visit_settings_get(struct db *db, int64_t site_id, struct visit_settings *s);
/* Saves them, for the site's administrators: one transaction, audited, the site's pages renewed
 * (its footer and CSP change). EMC_SITE_ID and EMC_ORIGIN as typed: "" turns the tracker off;
 * errors in E (fields emc_site_id, emc_origin). M_OK or an M_ code. */
int visit_settings_update(struct db *db, const struct actor *a, int64_t site_id, int public_counter,
			  const char *emc_site_id, const char *emc_origin, struct errs *e);

#endif
