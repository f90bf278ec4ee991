/* report.h — the periodic reports (VL Đ31, ĐT Đ24.7, TQ Đ12.8, VP Đ17; docs/reports.md): a
 * quarter's, a half-year's or a year's activity of one site or of the whole province, as a list
 * of sections, each a small table of numbers; frozen (signed off) once its period is closed and
 * compared with the previous period.
 *
 * A report is a table of sections (report_sections()): each has a key, a title (a locale key),
 * the reports it belongs to (a site's, the province's) and a function that fills its numbers
 * for a site and a period; adding a section is one function and one row of that table. The
 * report's JSON:
 *   {format: 1, site_id (0: the province), site_name, period "2026-q1", from "2026-01-01",
 *    to "2026-03-31", computed_at, sections: [SECTION]}
 *   SECTION = {key, title_key, chart: [column key stacked in its bar chart] (absent: no chart),
 *     columns: [{key, title_key, kind: "int" | "pct"}],
 *     rows: [{key, label and/or label_key (a locale key, preferred when the language has it),
 *             values: {column key: number}}],
 *     total: {column key: number} or absent}
 * Numbers are integers, "pct" ones reals (percentage points). Row and column keys are stable,
 * so that two periods' reports compare row by row (report_compare). */
#ifndef CONG_MODEL_REPORT_H
#define CONG_MODEL_REPORT_H

#include "model.h"

#define REPORT_FORMAT 1

enum report_span { REPORT_QUARTER, REPORT_HALF, REPORT_YEAR };

/* A period: its span, year and part (1..4 quarters, 1..2 halves, 1 for a year), its first and
 * last days (days since 1970-01-01, Vietnam time; inclusive) and its code ("2026-q3",
 * "2026-h1", "2026"). */
struct report_period {
	enum report_span span;
	int year, part;
	int32_t from_day, to_day;
	char code[24];
};

/* Reads CODE ("2026-q1".."2026-q4", "2026-h1", "2026-h2", "2026"; years 2000–2100): 0, or -1. */
int report_period_parse(const char *code, struct report_period *p);
/* The period of SPAN and PART of YEAR: 0, or -1 when out of range. */
int report_period_make(enum report_span span, int year, int part, struct report_period *p);
/* The period just before P, of the same span (Q1 → Q4 of the year before). */
void report_period_previous(const struct report_period *p, struct report_period *prev);
/* The last period of SPAN that is over on day TODAY. */
void report_period_last_closed(enum report_span span, int32_t today, struct report_period *p);

/* What a section's fill function is given. */
struct report_ctx {
	struct db *db;
	const struct actor *a;
	int64_t site_id;          /* 0: the province */
	int32_t from_day, to_day; /* inclusive */
	int64_t now;              /* what "late" and "overdue" are judged at */
};

enum { REPORT_SITE = 1, REPORT_PROVINCE = 2, REPORT_BOTH = 3 };

struct report_section {
	const char *key;       /* the section's name in the JSON, the CSV and the XLSX's sheets */
	const char *title_key; /* its title (locale/<lang>/reports.json) */
	unsigned scope;        /* REPORT_SITE, REPORT_PROVINCE or both: the reports it is part of */
	/* Its {columns, rows, total} (SECTION above without key, title_key and chart), or NULL on a
	 * store error. */
	json_t *(*fill)(const struct report_ctx *c);
	/* The column keys its bar chart stacks, NULL-terminated; NULL: no chart. */
	const char *const *chart;
};
const struct report_section *report_sections(size_t *n);

/* 1 when A may see and freeze SITE_ID's reports: the site's approvers (editors-in-chief) and
 * administrators; the province's (SITE_ID 0): the main portal's administrators and the system
 * administrator. */
int report_may_view(struct db *db, const struct actor *a, int64_t site_id);

/* SITE_ID's report of P computed now from the data (never stored); NULL when denied or on a
 * store error (*RC says which: M_DENIED, M_ERROR; RC may be NULL). */
json_t *report_compute(struct db *db, const struct actor *a, int64_t site_id, const struct report_period *p,
		       int64_t now, int *rc);

/* The report shown for SITE_ID and P: frozen VERSION (0: the newest frozen one, else the report
 * computed now, with frozen false). A frozen one carries {frozen: true, version, frozen_at
 * "dd/mm/yyyy HH:MM", frozen_by (display name), note} besides its stored JSON.
 * M_OK with *OUT, M_DENIED, M_NOTFOUND (no such version), M_ERROR. */
int report_get(struct db *db, const struct actor *a, int64_t site_id, const struct report_period *p, int version,
	       int64_t now, json_t **out);
/* The frozen versions of SITE_ID's report of P, newest first: [{version, frozen_at, frozen_by,
 * note}] (empty when none; NULL when denied). */
json_t *report_versions(struct db *db, const struct actor *a, int64_t site_id, const struct report_period *p);

/* Freezes SITE_ID's report of P as computed at NOW: the period must be over ("period":
 * "rep_err_period_open"); a new version after the first is a correction and says why ("note":
 * "rep_err_note_required"; at most 500 characters, "rep_err_note_long"). One transaction: the
 * report computed, stored, and an audit record "report.freeze". *VERSION (may be NULL) gets the
 * version made. M_OK, M_INVALID, M_DENIED, M_ERROR. */
int report_freeze(struct db *db, const struct actor *a, int64_t site_id, const struct report_period *p,
		  const char *note, int64_t now, struct errs *e, int *version);

/* Compares report CUR with PREV (the previous period's, frozen or computed): every row of CUR
 * gets {prev: {column: number}, delta: {column: number}} and every section with a total gets
 * total_prev and total_delta alike (a row or section PREV lacks counts as zeros); a row only
 * PREV has is added to CUR with zeros. CUR gets "compared_with": PREV's period code. */
void report_compare(json_t *cur, const json_t *prev);

#endif
