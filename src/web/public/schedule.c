/* schedule.c — the leaders' weekly work schedule as a week view and as iCalendar (docs/schedules.md).
 * WEBPAGE: GET /lich-cong-tac          the week: ?tuan=YYYY-Www (default: this week),
 *                                      ?lanh-dao=<slug of a leader> (only that leader's entries);
 *                                      on the main portal every site's schedules together
 * WEBPAGE: GET /lich-cong-tac.ics      iCalendar (RFC 5545, libical) of the published weeks from 4
 *                                      weeks back to 8 ahead, ?lanh-dao= for one leader
 * The items themselves (one a week) have the generic pages: /lich-cong-tac/<slug>-<id>. */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"
#include "model/item.h"
#include "model/kind.h"
#include "model/schedule.h"
#include "model/site_texts.h"
#include "vn/calendar.h"
#include "vn/isoweek.h"
#include "vn/slug.h"

#include <libical/ical.h>
#include <pthread.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define ICS_WEEKS_BACK 4
#define ICS_WEEKS_AHEAD 8
#define RECENT_WEEKS 12

static int is_main_site(struct req *r)
{
	const char *k = json_string_value(json_object_get(r->site, "kind"));
	return k && strcmp(k, "main") == 0;
}

/* The sites whose schedules a page shows: the main portal every site's, a site its own. */
/* The sites whose schedules a page from day FROM to TO shows: the request's, or on the main
 * portal those with any published (every site's, found through the week's items, not by
 * asking each site). */
static json_t *schedule_sites(struct req *r, int32_t from, int32_t to)
{
	if (!is_main_site(r))
		return json_pack("[O]", r->site);
	json_t *ids = schedule_sites_between(r->db, from, to), *out = json_array(), *x;
	size_t i;
	json_array_foreach(ids, i, x) {
		json_t *kept = site_get_kept(r->db, json_integer_value(json_object_get(x, "site_id")));
		/* #16: a site's name in the page's language where its board gave one */
		json_t *site = kept ? site_in_lang(r->db, kept, r->lang) : NULL;
		json_decref(kept);
		if (site)
			json_array_append_new(out, site);
	}
	json_decref(ids);
	return out;
}

/* Every entry of ROWS (schedule_weeks) as {day, from, to (minutes, -1 none), row, item, site}
 * appended to OUT, those of leader LEADER (a slug, NULL: all); the leaders met go to LEADERS
 * (slug → name). */
static void entries_of(json_t *rows, json_t *site, const char *leader, json_t *out, json_t *leaders)
{
	size_t i, j;
	json_t *it, *row;
	json_array_foreach(rows, i, it) {
		json_array_foreach(json_object_get(json_object_get(it, "f"), "lich"), j, row) {
			const char *who = kind_text(row, "chu_tri");
			char *slug = *who ? vn_slug(who) : NULL;
			if (slug && *slug && leaders && !json_object_get(leaders, slug))
				json_object_set_new(leaders, slug, json_string(who));
			int keep = !leader || (slug && strcmp(slug, leader) == 0);
			free(slug);
			int32_t day = kind_day(kind_text(row, "ngay"));
			if (!keep || !day)
				continue;
			json_array_append_new(out, json_pack("{sIsisisOsOsOsi}", "day", (json_int_t)day, "from",
							     day_minutes_parse(kind_text(row, "gio_bat_dau")), "to",
							     day_minutes_parse(kind_text(row, "gio_ket_thuc")), "row", row, "item", it,
							     "site", site, "n", (int)j));
		}
	}
}

static int entry_cmp(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int64_t dx = json_integer_value(json_object_get(x, "day")), dy = json_integer_value(json_object_get(y, "day"));
	if (dx != dy)
		return dx < dy ? -1 : 1;
	int64_t fx = json_integer_value(json_object_get(x, "from")), fy = json_integer_value(json_object_get(y, "from"));
	fx = fx < 0 ? 100000 : fx; /* no time: after the timed ones */
	fy = fy < 0 ? 100000 : fy;
	if (fx != fy)
		return fx < fy ? -1 : 1;
	return 0;
}

/* ENTRIES sorted in place by day and time (a stable order: qsort on an index). */
static void entries_sort(json_t *entries)
{
	size_t n = json_array_size(entries);
	if (n < 2)
		return;
	json_t **v = xcalloc(n, sizeof(*v));
	for (size_t i = 0; i < n; i++) {
		v[i] = json_incref(json_array_get(entries, i));
		json_object_set_new(v[i], "pos", json_integer((json_int_t)i));
	}
	qsort(v, n, sizeof(*v), entry_cmp);
	/* qsort is not stable: equal keys keep their first order by position */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && entry_cmp(&v[j - 1], &v[j]) == 0 &&
				   json_integer_value(json_object_get(v[j - 1], "pos")) > json_integer_value(json_object_get(v[j], "pos"));
		     j--) {
			json_t *t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	json_array_clear(entries);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(entries, v[i]);
	free(v);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void time_text(int m, char out[8])
{
	snprintf(out, 8, "%02d:%02d", (m / 60) % 24, m % 60);
}

/* The address of the week view for week W with the leader filter kept. */
static char *week_url(struct iso_week w, const char *leader, int with_week)
{
	struct sb u = SB_INIT;
	char wk[12];
	iso_week_format(w, wk);
	sb_adds(&u, "/lich-cong-tac");
	char sep = '?';
	if (with_week) {
		sb_addf(&u, "?tuan=%s", wk);
		sep = '&';
	}
	if (leader) {
		sb_addf(&u, "%clanh-dao=", sep);
		sb_add_urlenc(&u, leader, strlen(leader));
	}
	return sb_detach(&u, NULL);
}

void page_schedule_week(struct req *r)
{
	int32_t today = vn_days_of_time(time_now());
	struct iso_week cur = iso_week_of(today), w = cur;
	const char *tuan = req_arg(r, "tuan");
	if (tuan && *tuan && iso_week_parse(tuan, &w)) {
		web_error(r, 404, rtr(r, "sched_no_week"), rtr(r, "sched_week_format"));
		return;
	}
	const char *leader = req_arg(r, "lanh-dao");
	if (leader && !*leader)
		leader = NULL;
	int32_t monday = iso_week_monday(w);
	int is_current = w.year == cur.year && w.week == cur.week;

	json_t *sites = schedule_sites(r, monday, monday + 6), *entries = json_array(), *leaders = json_object(),
	       *weeks = json_array();
	json_t *receptions = json_array();
	size_t i;
	json_t *site;
	int aggregate = is_main_site(r);
	json_array_foreach(sites, i, site) {
		/* the citizen-reception sessions of the week (VP Đ4.3 puts them with the schedule) */
		json_t *rec = schedule_items(r->db, json_integer_value(json_object_get(site, "id")), "reception", monday, monday + 6);
		size_t rj;
		json_t *rit;
		json_array_foreach(rec, rj, rit) {
			json_t *f = json_object_get(rit, "f");
			char *u = web_item_path("reception", kind_text(rit, "slug"), json_integer_value(json_object_get(rit, "id")));
			struct sb abs = SB_INIT;
			if (json_integer_value(json_object_get(site, "id")) != json_integer_value(json_object_get(r->site, "id"))) {
				web_add_site_url(&abs, r, site);
				sb_truncate(&abs, abs.len - 1);
			}
			sb_adds(&abs, u);
			char d[16];
			vn_day_dmy((int32_t)json_integer_value(json_object_get(rit, "item_day")), d);
			json_t *o = json_pack("{sOssssssssssssss}", "title", json_object_get(rit, "title"), "url", abs.buf, "date", d,
					      "time", kind_text(f, "gio"), "leader", kind_text(f, "lanh_dao"), "place", kind_text(f, "dia_diem"),
					      "site", aggregate ? kind_text(site, "name") : "", "iso", kind_text(f, "ngay"));
			json_object_set_new(o, "has_result", json_boolean(*kind_text(f, "ket_qua") != 0));
			json_array_append_new(receptions, o);
			sb_release(&abs);
			free(u);
		}
		json_decref(rec);
		json_t *rows = schedule_weeks(r->db, json_integer_value(json_object_get(site, "id")), monday, monday);
		entries_of(rows, site, leader, entries, leaders);
		size_t j;
		json_t *it;
		json_array_foreach(rows, j, it) {
			char *u = web_item_path("schedule", kind_text(it, "slug"), json_integer_value(json_object_get(it, "id")));
			struct sb abs = SB_INIT;
			if (json_integer_value(json_object_get(site, "id")) != json_integer_value(json_object_get(r->site, "id"))) {
				web_add_site_url(&abs, r, site);
				sb_truncate(&abs, abs.len - 1);
			}
			sb_adds(&abs, u);
			json_array_append_new(weeks, json_pack("{sOssss}", "title", json_object_get(it, "title"), "url", abs.buf,
							       "site", kind_text(site, "name")));
			sb_release(&abs);
			free(u);
		}
		json_decref(rows);
	}
	entries_sort(entries);

	/* the seven days, each with its entries */
	json_t *days = json_array();
	size_t e = 0;
	for (int d = 0; d < 7; d++) {
		char date[16], iso[11];
		vn_day_dmy(monday + d, date);
		vn_date_format(vn_days_to_date(monday + d), iso);
		json_t *list = json_array();
		for (; e < json_array_size(entries); e++) {
			json_t *en = json_array_get(entries, e);
			if (json_integer_value(json_object_get(en, "day")) != monday + d)
				break;
			json_t *row = json_object_get(en, "row");
			int from = (int)json_integer_value(json_object_get(en, "from")), to = (int)json_integer_value(json_object_get(en, "to"));
			char tf[8] = "", tt[8] = "";
			if (from >= 0)
				time_text(from, tf);
			if (to >= 0)
				time_text(to, tt);
			json_array_append_new(list, json_pack("{sssssssssssssssssssb}", "from", tf, "to", tt, "content",
							      kind_text(row, "noi_dung"), "leader", kind_text(row, "chu_tri"), "place",
							      kind_text(row, "dia_diem"), "unit", kind_text(row, "chuan_bi"), "participants",
							      kind_text(row, "thanh_phan"), "site", kind_text(json_object_get(en, "site"), "name"),
							      "iso", iso, "aggregate", aggregate));
			json_object_set_new(json_array_get(list, json_array_size(list) - 1), "has_to", json_boolean(to >= 0));
		}
		int wd = vn_weekday(monday + d);
		char wkey[16]; /* the day's name in the page's language: weekday_0 (Sunday) … weekday_6 */
		snprintf(wkey, sizeof(wkey), "weekday_%d", wd);
		json_array_append_new(days, json_pack("{sssssssosbsb}", "name", rtr(r, wkey), "date", date, "iso", iso,
						      "entries", list, "has_entries", json_array_size(list) > 0, "today",
						      monday + d == today));
	}

	/* the leaders of this week, for the filter: in the order of their slugs (their names without
	 * tone marks), the same on every page */
	json_t *lopts = json_array();
	size_t nl = json_object_size(leaders), li = 0;
	const char **keys = xcalloc(nl ? nl : 1, sizeof(*keys));
	const char *lk;
	json_t *lv;
	json_object_foreach(leaders, lk, lv)
		keys[li++] = lk;
	qsort(keys, nl, sizeof(*keys), str_cmp);
	for (li = 0; li < nl; li++)
		json_array_append_new(lopts, json_pack("{sssOsb}", "slug", keys[li], "name", json_object_get(leaders, keys[li]),
						       "selected", leader && strcmp(leader, keys[li]) == 0));
	free(keys);
	const char *leader_name = leader && json_object_get(leaders, leader) ? json_string_value(json_object_get(leaders, leader)) : leader;

	char from_t[16], to_t[16], wk[12];
	vn_day_dmy(monday, from_t);
	vn_day_dmy(monday + 6, to_t);
	iso_week_format(w, wk);
	struct sb title = SB_INIT;
	sb_addf(&title, "%s %d %s %d", rtr(r, "sched_title_week"), w.week, rtr(r, "sched_year"), w.year);
	if (leader_name)
		sb_addf(&title, " - %s", leader_name);
	char *canon = week_url(w, leader, !is_current || (tuan && *tuan));
	json_t *ctx = web_public_ctx(r, title.buf, canon);
	free(canon);
	web_crumb(ctx, rtr(r, "sched_title"), NULL);

	char *prev = week_url(iso_week_add(w, -1), leader, 1), *next = week_url(iso_week_add(w, 1), leader, 1);
	char *now = week_url(cur, leader, 0);
	struct sb ics = SB_INIT;
	sb_adds(&ics, "/lich-cong-tac.ics");
	if (leader) {
		sb_adds(&ics, "?lanh-dao=");
		sb_add_urlenc(&ics, leader, strlen(leader));
	}
	json_t *view = json_object();
	json_object_set_new(view, "title", json_string(title.buf));
	json_object_set_new(view, "week", json_integer(w.week));
	json_object_set_new(view, "year", json_integer(w.year));
	json_object_set_new(view, "iso", json_string(wk));
	json_object_set_new(view, "from", json_string(from_t));
	json_object_set_new(view, "to", json_string(to_t));
	json_object_set_new(view, "prev_url", json_string(prev));
	json_object_set_new(view, "next_url", json_string(next));
	json_object_set_new(view, "current_url", json_string(now));
	json_object_set_new(view, "is_current", json_boolean(is_current));
	json_object_set_new(view, "aggregate", json_boolean(aggregate));
	json_object_set_new(view, "days", days);
	json_object_set_new(view, "leaders", lopts);
	json_object_set_new(view, "leader_name", leader_name ? json_string(leader_name) : json_null());
	json_object_set_new(view, "has_entries", json_boolean(json_array_size(entries) > 0));
	json_object_set_new(view, "has_leaders", json_boolean(json_array_size(lopts) > 0));
	json_object_set_new(view, "ics_url", json_string(ics.buf));
	json_object_set_new(view, "weeks", weeks);
	json_object_set_new(view, "has_receptions", json_boolean(json_array_size(receptions) > 0));
	json_object_set_new(view, "receptions", receptions);
	json_object_set_new(view, "has_weeks", json_boolean(json_array_size(weeks) > 0));
	struct iso_week pw = iso_week_add(w, -1), nw = iso_week_add(w, 1);
	json_object_set_new(view, "prev_label", json_pack("{sisi}", "week", pw.week, "year", pw.year));
	json_object_set_new(view, "next_label", json_pack("{sisi}", "week", nw.week, "year", nw.year));
	/* the weeks published lately: each week's page (its corrections, its print view); kept with
	 * the connection until the database changes, shared by the page */
	struct sb rkey = SB_INIT;
	web_fragment_prefix(r, &rkey, 'K');
	sb_adds(&rkey, "recent");
	json_t *rl = web_kept_json(r, rkey.buf);
	if (rl) {
		json_incref(rl);
	} else {
		json_t *recent = item_list_public(r->db, json_integer_value(json_object_get(r->site, "id")), "schedule", 0, NULL,
						  0, RECENT_WEEKS, 0, NULL, 0);
		rl = json_array();
		json_t *it;
		json_array_foreach(recent, i, it) {
			char *u = web_item_path("schedule", kind_text(it, "slug"), json_integer_value(json_object_get(it, "id")));
			json_array_append_new(rl, json_pack("{sOss}", "title", json_object_get(it, "title"), "url", u));
			free(u);
		}
		json_decref(recent);
		web_keep_json(r, rkey.buf, rl);
	}
	sb_release(&rkey);
	json_object_set_new(view, "recent", rl);
	json_object_set_new(view, "has_recent", json_boolean(json_array_size(rl) > 0));
	/* on "/en/lich-cong-tac" the entries are as entered, in Vietnamese: said so (#16) */
	if (web_lang_page(r))
		json_object_set_new(view, "content_lang", json_string("vi"));
	json_object_set_new(ctx, "schedule", view);
	resp_render(r, 200, "public/schedule_week", ctx);
	free(prev);
	free(next);
	free(now);
	sb_release(&ics);
	sb_release(&title);
	json_decref(leaders);
	json_decref(entries);
	json_decref(sites);
}

/* ---- iCalendar ---- */

static pthread_once_t utc_once = PTHREAD_ONCE_INIT;
static icaltimezone *utc;

static void utc_init(void)
{
	utc = icaltimezone_get_utc_timezone();
}

static struct icaltimetype utc_time(int64_t t)
{
	return icaltime_from_timet_with_zone((time_t)t, 0, utc);
}

static void add_text(icalcomponent *ev, icalproperty *p)
{
	if (p)
		icalcomponent_add_property(ev, p);
}

void page_schedule_ics(struct req *r)
{
	pthread_once(&utc_once, utc_init);
	int32_t today = vn_days_of_time(time_now());
	int32_t monday = iso_monday_of(today);
	const char *leader = req_arg(r, "lanh-dao");
	if (leader && !*leader)
		leader = NULL;
	json_t *sites = schedule_sites(r, monday - 7 * ICS_WEEKS_BACK, monday + 7 * ICS_WEEKS_AHEAD), *entries = json_array();
	size_t i;
	json_t *site;
	json_t *leaders = json_object();
	json_array_foreach(sites, i, site) {
		json_t *rows = schedule_weeks(r->db, json_integer_value(json_object_get(site, "id")),
					      monday - 7 * ICS_WEEKS_BACK, monday + 7 * ICS_WEEKS_AHEAD);
		entries_of(rows, site, leader, entries, leaders);
		json_decref(rows);
	}
	entries_sort(entries);
	const char *leader_name = leader ? json_string_value(json_object_get(leaders, leader)) : NULL;
	if (leader && !leader_name) {
		json_decref(sites);
		json_decref(entries);
		json_decref(leaders);
		resp_error(r, 404, "not_found");
		return;
	}

	struct sb name = SB_INIT;
	sb_addf(&name, "%s - %s", rtr(r, "sched_title"), kind_text(r->site, "name"));
	if (leader_name)
		sb_addf(&name, " - %s", leader_name);
	icalcomponent *cal = icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT, icalproperty_new_version("2.0"),
						 icalproperty_new_prodid("-//Cong//Lich cong tac//VI"),
						 icalproperty_new_calscale("GREGORIAN"), icalproperty_new_method(ICAL_METHOD_PUBLISH),
						 (void *)0);
	icalproperty *xn = icalproperty_new_x(name.buf);
	icalproperty_set_x_name(xn, "X-WR-CALNAME");
	icalcomponent_add_property(cal, xn);
	icalproperty *xt = icalproperty_new_x("Asia/Ho_Chi_Minh");
	icalproperty_set_x_name(xt, "X-WR-TIMEZONE");
	icalcomponent_add_property(cal, xt);

	char host[256];
	snprintf(host, sizeof(host), "%s", r->host ? r->host : "cong");
	char *colon = strchr(host, ':');
	if (colon)
		*colon = 0;
	json_t *en;
	json_array_foreach(entries, i, en) {
		json_t *row = json_object_get(en, "row"), *it = json_object_get(en, "item"), *st = json_object_get(en, "site");
		int64_t id = json_integer_value(json_object_get(it, "id"));
		int32_t day = (int32_t)json_integer_value(json_object_get(en, "day"));
		int from = (int)json_integer_value(json_object_get(en, "from")), to = (int)json_integer_value(json_object_get(en, "to"));
		icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
		char uid[320];
		/* the item and the entry's place in it: the same event in every download */
		snprintf(uid, sizeof(uid), "lich-cong-tac-%lld-%lld@%s", (long long)id,
			 (long long)json_integer_value(json_object_get(en, "n")), host);
		icalcomponent_add_property(ev, icalproperty_new_uid(uid));
		int64_t stamp = json_integer_value(json_object_get(it, "updated_at"));
		if (!stamp)
			stamp = json_integer_value(json_object_get(it, "published_at"));
		icalcomponent_add_property(ev, icalproperty_new_dtstamp(utc_time(stamp)));
		if (from >= 0) {
			int64_t t0 = vn_time_of_days(day) + (int64_t)from * 60;
			icalcomponent_add_property(ev, icalproperty_new_dtstart(utc_time(t0)));
			if (to > from)
				icalcomponent_add_property(ev, icalproperty_new_dtend(utc_time(vn_time_of_days(day) + (int64_t)to * 60)));
		} else { /* no time: the whole day */
			vn_date d = vn_days_to_date(day);
			struct icaltimetype t = icaltime_null_date();
			t.year = d.y;
			t.month = d.m;
			t.day = d.d;
			icalcomponent_add_property(ev, icalproperty_new_dtstart(t));
			vn_date d2 = vn_days_to_date(day + 1);
			struct icaltimetype t2 = icaltime_null_date();
			t2.year = d2.y;
			t2.month = d2.m;
			t2.day = d2.d;
			icalcomponent_add_property(ev, icalproperty_new_dtend(t2));
		}
		icalcomponent_add_property(ev, icalproperty_new_summary(*kind_text(row, "noi_dung") ? kind_text(row, "noi_dung") : rtr(r, "sched_title")));
		if (*kind_text(row, "dia_diem"))
			add_text(ev, icalproperty_new_location(kind_text(row, "dia_diem")));
		struct sb desc = SB_INIT;
		if (*kind_text(row, "chu_tri"))
			sb_addf(&desc, "%s: %s\n", rtr(r, "sched_col_chair"), kind_text(row, "chu_tri"));
		if (*kind_text(row, "thanh_phan"))
			sb_addf(&desc, "%s: %s\n", rtr(r, "sched_col_participants"), kind_text(row, "thanh_phan"));
		if (*kind_text(row, "chuan_bi"))
			sb_addf(&desc, "%s: %s\n", rtr(r, "ics_prepared_by"), kind_text(row, "chuan_bi"));
		if (json_integer_value(json_object_get(st, "id")) != json_integer_value(json_object_get(r->site, "id")))
			sb_addf(&desc, "%s: %s\n", rtr(r, "ics_unit"), kind_text(st, "name"));
		if (desc.len) {
			sb_truncate(&desc, desc.len - 1);
			add_text(ev, icalproperty_new_description(desc.buf));
		}
		sb_release(&desc);
		struct sb u = SB_INIT;
		web_add_site_url(&u, r, st);
		sb_truncate(&u, u.len - 1);
		char *path = web_item_path("schedule", kind_text(it, "slug"), id);
		sb_adds(&u, path);
		free(path);
		add_text(ev, icalproperty_new_url(u.buf));
		sb_release(&u);
		icalcomponent_add_component(cal, ev);
	}
	char *text = icalcomponent_as_ical_string_r(cal);
	resp_header(r, "Content-Disposition", "inline; filename=\"lich-cong-tac.ics\"");
	resp_bytes(r, 200, "text/calendar; charset=utf-8", text ? text : "", text ? strlen(text) : 0);
	icalmemory_free_buffer(text);
	icalcomponent_free(cal);
	sb_release(&name);
	json_decref(sites);
	json_decref(entries);
	json_decref(leaders);
}
