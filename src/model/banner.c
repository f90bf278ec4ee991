/* banner.c — banners and advertising (banner.h). */
#include "internal.h"
#include "kind.h"
#include "model/banner.h"
#include "db/db.h"
#include "base/util.h"
#include "vn/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

/* The placements (the descriptor's choices) and the name a page's view gives each. */
static const struct {
	const char *key, *view;
} placements[] = { { "dau-trang", "header" }, { "cot-ben", "sidebar" }, { "chan-trang", "footer" } };

/* "HH:MM" or "HH:MM:SS" → seconds into the day; "" → DEF; -1 when neither. */
static int64_t time_of_day(const char *s, int64_t def)
{
	unsigned h, m, sec = 0;
	int n = 0;
	if (!s || !*s)
		return def;
	size_t len = strlen(s);
	if (len == 5 && sscanf(s, "%2u:%2u%n", &h, &m, &n) == 2 && n == 5)
		;
	else if (len == 8 && sscanf(s, "%2u:%2u:%2u%n", &h, &m, &sec, &n) == 3 && n == 8)
		;
	else
		return -1;
	for (size_t i = 0; i < len; i++)
		if (!(s[i] == ':' || (s[i] >= '0' && s[i] <= '9')))
			return -1;
	if (h > 23 || m > 59 || sec > 59)
		return -1;
	return (int64_t)h * 3600 + m * 60 + sec;
}

int banner_window(json_t *fields, int64_t *start, int64_t *end)
{
	int32_t d0 = kind_day(kind_text(fields, "bat_dau")), d1 = kind_day(kind_text(fields, "ket_thuc"));
	int64_t t0 = time_of_day(kind_text(fields, "gio_bat_dau"), 0);
	int64_t t1 = time_of_day(kind_text(fields, "gio_ket_thuc"), 86400); /* to the end of the day */
	if (!d0 || !d1 || t0 < 0 || t1 < 0)
		return -1;
	*start = vn_time_of_days(d0) + t0;
	*end = vn_time_of_days(d1) + t1;
	return 0;
}

void banner_check(const struct kind *k, json_t *fields, struct errs *e)
{
	(void)k;
	if (time_of_day(kind_text(fields, "gio_bat_dau"), 0) < 0)
		errs_add(e, "gio_bat_dau", "banner_time");
	if (time_of_day(kind_text(fields, "gio_ket_thuc"), 0) < 0)
		errs_add(e, "gio_ket_thuc", "banner_time");
	int64_t start, end;
	if (!e->n && banner_window(fields, &start, &end) == 0 && end <= start)
		errs_add(e, "ket_thuc", "banner_end_before_start");
	if (!*kind_text(fields, "chu_quang_cao") && !json_integer_value(json_object_get(fields, "anh")) &&
	    !json_is_object(json_object_get(fields, "anh")))
		errs_add(e, "chu_quang_cao", "banner_needs_content");
}

/* ---- the published banners, kept with the connection until the database changes ---- */

struct bn {
	int64_t id, site_id, start, end, media_id;
	int placement; /* index in placements */
	char *title, *text, *target, *advertiser;
};

struct banner_memo {
	struct bn *v;
	size_t n;
	int64_t epoch_site, epoch, epoch_next; /* the last banner_epoch answer and when it changes */
};

static void memo_free(void *p)
{
	struct banner_memo *m = p;
	for (size_t i = 0; i < m->n; i++) {
		free(m->v[i].title);
		free(m->v[i].text);
		free(m->v[i].target);
		free(m->v[i].advertiser);
	}
	free(m->v);
	free(m);
}

static int bn_order(const void *a, const void *b)
{
	const struct bn *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Every published banner of every site (a few dozen a site), read once per database version. */
static struct banner_memo *published(struct db *db)
{
	struct banner_memo *m = db_memo_get(db, DB_MEMO_BANNERS);
	if (m)
		return m;
	/* the Vietnamese pages' banners (a translation is listed on its language's pages) */
	struct db_stmt *st = db_stmt(db, "SELECT id, site_id, title, fields FROM items WHERE kind = 'banner' AND state = 'published'"
				       " AND lang = 'vi'");
	if (!st)
		return NULL;
	m = xcalloc(1, sizeof(*m)); /* plain malloc: kept across requests, never in a request's arena */
	m->epoch_site = -1;
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		json_t *f = json_loads(db_col_text(st, 3), 0, NULL);
		struct bn b = { 0 };
		b.placement = -1;
		for (size_t i = 0; i < ARRAY_SIZE(placements); i++)
			if (strcmp(kind_text(f, "vi_tri"), placements[i].key) == 0)
				b.placement = (int)i;
		if (json_is_object(f) && b.placement >= 0 && banner_window(f, &b.start, &b.end) == 0) {
			b.id = db_col_int(st, 0);
			b.site_id = db_col_int(st, 1);
			b.media_id = json_integer_value(json_object_get(f, "anh"));
			b.title = xstrdup(db_col_text(st, 2));
			b.text = xstrdup(kind_text(f, "chu_quang_cao"));
			b.target = xstrdup(kind_text(f, "lien_ket"));
			b.advertiser = xstrdup(kind_text(f, "don_vi"));
			if (m->n == cap) {
				cap = cap ? cap * 2 : 16;
				m->v = xrealloc(m->v, st_mult(cap, sizeof(*m->v)));
			}
			m->v[m->n++] = b;
		}
		json_decref(f);
	}
	db_reset(st);
	if (m->n)
		qsort(m->v, m->n, sizeof(*m->v), bn_order);
	db_memo_set(db, DB_MEMO_BANNERS, m, memo_free);
	return m;
}

json_t *banner_current(struct db *db, int64_t site_id, int64_t now)
{
	struct banner_memo *m = published(db);
	json_t *out = NULL;
	size_t shown[ARRAY_SIZE(placements)] = { 0 };
	/* the latest to start first, at most BANNERS_SHOWN a placement: a page is not a wall of
	 * advertising, and its cost does not grow with the banners a site has */
	for (size_t i = m ? m->n : 0; i-- > 0;) {
		const struct bn *b = &m->v[i];
		if (b->site_id != site_id || now < b->start || now >= b->end || shown[b->placement] >= BANNERS_SHOWN)
			continue;
		shown[b->placement]++;
		if (!out)
			out = json_object();
		json_t *list = json_object_get(out, placements[b->placement].view);
		if (!list) {
			list = json_array();
			json_object_set_new(out, placements[b->placement].view, list);
		}
		json_array_append_new(list, json_pack("{sIsssssIss}", "id", (json_int_t)b->id, "title", b->title, "text",
						      b->text, "media_id", (json_int_t)b->media_id, "advertiser", b->advertiser));
	}
	return out;
}

int64_t banner_epoch(struct db *db, int64_t site_id, int64_t now, int64_t *next_edge)
{
	struct banner_memo *m = published(db);
	if (!m)
		return -1;
	if (m->epoch_site == site_id && now < m->epoch_next) {
		if (next_edge)
			*next_edge = m->epoch_next;
		return m->epoch;
	}
	int64_t n = 0, next = INT64_MAX;
	for (size_t i = 0; i < m->n; i++) {
		const struct bn *b = &m->v[i];
		if (b->site_id != site_id)
			continue;
		n += (b->start <= now) + (b->end <= now);
		if (b->start > now && b->start < next)
			next = b->start;
		if (b->end > now && b->end < next)
			next = b->end;
	}
	m->epoch_site = site_id;
	m->epoch = n;
	m->epoch_next = next;
	if (next_edge)
		*next_edge = next;
	return n;
}

char *banner_click(struct db *db, int64_t site_id, int64_t id, int64_t now)
{
	struct banner_memo *m = published(db);
	const struct bn *b = NULL;
	for (size_t i = 0; m && i < m->n && !b; i++)
		if (m->v[i].id == id && m->v[i].site_id == site_id && now >= m->v[i].start && now < m->v[i].end)
			b = &m->v[i];
	if (!b || !*b->target)
		return NULL;
	char *target = xstrdup(b->target); /* the memo goes when the count below changes the database */
	struct db_stmt *st = db_stmt(db, "INSERT INTO banner_clicks (item_id, day, n) VALUES (?, ?, 1)"
				       " ON CONFLICT (item_id, day) DO UPDATE SET n = banner_clicks.n + 1");
	if (st) {
		db_bind_int(st, 1, id);
		db_bind_int(st, 2, vn_days_of_time(now));
		db_step_done(st); /* a count lost to a busy store still sends the reader on */
	}
	return target;
}

json_t *banner_stats(struct db *db, const struct actor *a, int64_t site_id, int64_t now)
{
	if (!user_role_on(db, a, site_id))
		return NULL;
	int32_t today = vn_days_of_time(now);
	struct db_stmt *st = db_stmt(db, "SELECT i.id, i.title, i.state, i.fields,"
				       " coalesce((SELECT sum(n) FROM banner_clicks c WHERE c.item_id = i.id), 0) AS total,"
				       " coalesce((SELECT sum(n) FROM banner_clicks c WHERE c.item_id = i.id AND c.day > ?2), 0) AS month,"
				       " coalesce((SELECT sum(n) FROM banner_clicks c WHERE c.item_id = i.id AND c.day = ?3), 0) AS today"
				       " FROM items i WHERE i.site_id = ?1 AND i.kind = 'banner' ORDER BY i.id DESC");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, today - 30);
	db_bind_int(st, 3, today);
	json_t *rows = db_rows_json(st);
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		json_t *f = json_loads(json_string_value(json_object_get(row, "fields")), 0, NULL);
		int64_t start = 0, end = 0;
		const char *place = kind_text(f, "vi_tri");
		for (size_t p = 0; p < ARRAY_SIZE(placements); p++)
			if (strcmp(place, placements[p].key) == 0)
				json_object_set_new(row, "placement", json_string(placements[p].view));
		json_object_set_new(row, "target", json_string(kind_text(f, "lien_ket")));
		if (banner_window(f, &start, &end) == 0) {
			char a1[32], a2[32];
			time_format_vn(start, a1, sizeof(a1));
			time_format_vn(end, a2, sizeof(a2));
			json_object_set_new(row, "starts", json_string(a1));
			json_object_set_new(row, "ends", json_string(a2));
			json_object_set_new(row, "showing", json_boolean(strcmp(json_string_value(json_object_get(row, "state")), "published") == 0 &&
									 now >= start && now < end));
		}
		json_object_del(row, "fields");
		json_decref(f);
	}
	return rows;
}
