/* statistics.h — the demo province's statistics datasets, its list of information published under
 * the Law on Access to Information, and its contact point for information requests, as static
 * tables (demo/statistics.c); `cong demo` loads them (cmd/demo.c). */
#ifndef CONG_DEMO_STATISTICS_H
#define CONG_DEMO_STATISTICS_H

#include <stddef.h>

struct sb;

struct demo_stat {
	const char *site, *title, *summary, *body;
	const char *linh_vuc, *ky, *ngay_ky;          /* choice keys; "YYYY-MM-DD" */
	const char *nguon, *phuong_phap, *thoi_gian, *don_vi_tinh;
	const char *file_name;                         /* ".csv" or ".xlsx" */
	const char *table;                             /* the table as CSV (';'-separated, Vietnamese numbers) */
};
extern const struct demo_stat demo_stats[];
extern const size_t demo_nstats;
/* The bytes of dataset D's file: its CSV, or for an .xlsx name the same table written by the
 * project's own exporter (report/table.h). 0, or -1. */
int demo_stat_file(const struct demo_stat *d, struct sb *out);

struct demo_disclosure {
	const char *site, *title, *number, *group, *created, *form, *published, *period, *unit, *link, *body;
};
extern const struct demo_disclosure demo_disclosures[];
extern const size_t demo_ndisclosures;

/* The unit receiving information requests and its hours, per site (address, phone and e-mail are
 * the site's own). */
struct demo_access {
	const char *site, *unit, *hours, *guide;
};
extern const struct demo_access demo_access_points[];
extern const size_t demo_naccess_points;

#endif
