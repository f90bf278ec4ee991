/* schedule.c — the leaders' weekly schedules and the citizen-reception schedule (schedule.h). */
#include "internal.h"
#include "schedule.h"
#include "item.h"
#include "kind.h"
#include "db/db.h"
#include "base/util.h"
#include "vn/calendar.h"
#include "vn/isoweek.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

void schedule_check(const struct kind *k, json_t *fields, struct errs *e)
{
	(void)k;
	int32_t any = kind_day(kind_text(fields, "tuan"));
	if (!any)
		return; /* its own message already */
	int32_t monday = iso_monday_of(any);
	if (monday != any) { /* any day of the week names it: stored as its Monday */
		vn_date d = vn_days_to_date(monday);
		char t[11];
		vn_date_format(d, t);
		json_object_set_new(fields, "tuan", json_string(t));
	}
	int before = e->n, marked = 0;
	for (int j = 0; j < e->n; j++)
		marked |= strcmp(e->e[j].field, "lich") == 0;
	size_t i;
	json_t *row;
	/* the table's own checks (required cells, dates, times) are the layer's: the week and the order of times here */
	json_array_foreach(json_object_get(fields, "lich"), i, row) {
		int32_t dn = kind_day(kind_text(row, "ngay"));
		if (dn && (dn < monday || dn > monday + 6))
			errs_add_cell(e, "lich", i, "ngay", "schedule_day_outside_week");
		int from = day_minutes_parse(kind_text(row, "gio_bat_dau")), to = day_minutes_parse(kind_text(row, "gio_ket_thuc"));
		if (to >= 0 && (from < 0 || to <= from))
			errs_add_cell(e, "lich", i, "gio_ket_thuc", "schedule_end_before_start");
	}
	if (e->n > before && !marked) /* the table's message, as the layer gives it for its own */
		errs_add(e, "lich", "rows_invalid");
}

json_t *schedule_weeks(struct db *db, int64_t site_id, int32_t from, int32_t to)
{
	return schedule_items(db, site_id, "schedule", from, to);
}

json_t *schedule_sites_between(struct db *db, int32_t from, int32_t to)
{
	/* two ranges of the index on (kind, state, item_day, id) (0023): the week's items, not the sites;
	 * Vietnamese ones, as the week view below (translations: model/translation.h) */
	struct db_stmt *st = db_stmt(db, "SELECT DISTINCT site_id FROM items WHERE kind IN ('schedule', 'reception')"
				       " AND state = 'published' AND lang = 'vi' AND item_day BETWEEN ? AND ? ORDER BY site_id");
	if (!st)
		return NULL;
	db_bind_int(st, 1, from);
	db_bind_int(st, 2, to);
	return db_rows_json(st);
}

json_t *schedule_items(struct db *db, int64_t site_id, const char *kind, int32_t from, int32_t to)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, site_id, slug, title, item_day, published_at, updated_at, fields"
				       " FROM items WHERE site_id = ? AND kind = ? AND state = 'published' AND lang = 'vi'"
				       " AND item_day BETWEEN ? AND ? ORDER BY item_day, id");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, kind);
	db_bind_int(st, 3, from);
	db_bind_int(st, 4, to);
	return item_rows_parse_fields(db_rows_json(st));
}
