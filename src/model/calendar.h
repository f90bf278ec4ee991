/* calendar.h — the working-day calendar of the province: each year's officially announced table
 * of days off and swapped working days (table calendar_days), which the system administrator
 * edits, over the rules of Bộ luật Lao động 2019 that vn/calendar.h computes. */
#ifndef CONG_MODEL_CALENDAR_H
#define CONG_MODEL_CALENDAR_H

#include "model.h"
#include "vn/calendar.h"

/* A calendar holding every table of the store, for the vn_calendar_* functions; the caller frees
 * it with vn_calendar_free. NULL on a store error. Cheap (one query; the rules are computed once
 * per process), and read-only once returned: threads may share it. */
struct vn_calendar *calendar_load(struct db *db);

/* 1 when A may edit the tables: the system administrator (and the command line). */
int calendar_may_edit(const struct actor *a);

/* YEAR as the calendar applies it, for the admin page and `cong calendar`:
 *   {year, has_table, working_days, days: [DAY…] (what applies: the table when the year has one,
 *    else the rules), rules: [DAY…] (the rules, always), table_count}
 * DAY = {day "YYYY-MM-DD", date "dd/mm/yyyy", weekday "Thứ Sáu", lunar "30/12" (or "1/4 nhuận"),
 *        name, kind "off"|"work", kind_label, substitute (bool), source "rules"|"table",
 *        source_label, updated_by (table rows: username or null)}.
 * NULL when YEAR is outside VN_YEAR_MIN..VN_YEAR_MAX or on a store error. */
json_t *calendar_year(struct db *db, int year);

/* Puts DAY ("YYYY-MM-DD") into its year's table as KIND ("off", or "work": a Saturday or Sunday
 * worked in exchange) with NAME (may be empty), replacing the day's entry; one transaction with
 * an audit record. The first entry of a year makes the year follow its table alone. Field errors
 * on "day", "kind", "name"; M_DENIED unless calendar_may_edit. */
int calendar_set(struct db *db, const struct actor *a, const char *day, const char *kind, const char *name,
		 struct errs *e);
/* Removes DAY from its table (M_NOTFOUND when it is not there); a year whose last entry goes
 * follows the rules again. Field errors on "day". */
int calendar_unset(struct db *db, const struct actor *a, const char *day, struct errs *e);
/* Starts YEAR's table with the days off of the rules, to be edited into the announced ones.
 * Field errors on "year" (out of range, or the year has a table already). */
int calendar_seed(struct db *db, const struct actor *a, int year, struct errs *e);

#endif
