/* consultation.c — public consultation on drafts and the comments on them (consultation.h). */
#include "internal.h"
#include "consultation.h"
#include "item.h"
#include "ticket.h"
#include "db/db.h"
#include "base/util.h"
#include "base/sb.h"
#include "mail/mail.h"
#include "vn/calendar.h"
#include "vn/draft.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define DAY 86400

const struct kind_choice consultation_terms[] = {
	{ "sap-lay-y-kien", "Sắp lấy ý kiến" },
	{ "dang-lay-y-kien", "Đang lấy ý kiến" },
	{ "het-han", "Đã hết hạn" },
	{ NULL, NULL },
};

int consultation_time_of(json_t *fields, int64_t now, struct consultation_time *out)
{
	memset(out, 0, sizeof(*out));
	out->open_day = kind_day(kind_text(fields, "ngay_bat_dau"));
	out->close_day = kind_day(kind_text(fields, "ngay_ket_thuc"));
	if (!out->open_day || !out->close_day)
		return -1;
	out->opens_at = vn_time_of_days(out->open_day);
	const char *hm = kind_text(fields, "gio_ket_thuc");
	int h, m;
	if (strlen(hm) == 5 && sscanf(hm, "%2d:%2d", &h, &m) == 2 && h >= 0 && h < 24 && m >= 0 && m < 60) {
		out->closes_at = vn_time_of_days(out->close_day) + h * 3600 + m * 60;
		out->has_close_time = 1;
		snprintf(out->close_hm, sizeof(out->close_hm), "%02d:%02d", h, m);
	} else {
		out->closes_at = vn_time_of_days(out->close_day + 1);
		snprintf(out->close_hm, sizeof(out->close_hm), "24:00");
	}
	out->phase = now < out->opens_at ? CONSULT_NOT_YET : now < out->closes_at ? CONSULT_OPEN : CONSULT_CLOSED;
	int32_t today = vn_days_of_time(now);
	out->days_left = out->close_day >= today ? (int)(out->close_day - today) : 0;
	return 0;
}

void consultation_close_text(const struct consultation_time *t, char *out, size_t n)
{
	char day[11];
	vn_day_dmy(t->close_day, day);
	if (t->has_close_time)
		snprintf(out, n, "%s ngày %s", t->close_hm, day);
	else
		snprintf(out, n, "hết ngày %s", day);
}

void consultation_check(const struct kind *k, json_t *fields, struct errs *e)
{
	(void)k;
	int32_t open = kind_day(kind_text(fields, "ngay_bat_dau")), close = kind_day(kind_text(fields, "ngay_ket_thuc"));
	struct consultation_time t;
	if (open && close && close < open)
		errs_add(e, "ngay_ket_thuc", "consultation_close_before_open");
	else if (consultation_time_of(fields, 0, &t) == 0 && t.closes_at <= t.opens_at) /* "00:00" of the open day */
		errs_add(e, "gio_ket_thuc", "consultation_close_before_open");
	const char *mail = kind_text(fields, "email_tiep_nhan");
	if (*mail && !mail_address_valid(mail))
		errs_add(e, "email_tiep_nhan", "email_invalid");
}

int consultation_derive(struct db *db, const struct kind *k, int64_t id, json_t *fields, int32_t today)
{
	(void)k;
	int32_t open = kind_day(kind_text(fields, "ngay_bat_dau")), close = kind_day(kind_text(fields, "ngay_ket_thuc"));
	if (!open || !close)
		return 0;
	/* by the day: the close day is still "open" in the lists (its exact time is the page's) */
	const char *term = today < open ? "sap-lay-y-kien" : today <= close ? "dang-lay-y-kien" : "het-han";
	int32_t next = today < open ? open : today <= close ? close + 1 : 0;
	if (item_term_set(db, id, CONSULTATION_TERM, term))
		return -1;
	return item_recheck_at(db, id, next);
}

json_t *consultation_articles(const char *body)
{
	json_t *out = json_array();
	if (!body || !*body)
		return out;
	struct draft_article *a = xcalloc(DRAFT_ARTICLES_MAX, sizeof(*a));
	size_t n = draft_articles(body, strlen(body), a, DRAFT_ARTICLES_MAX);
	for (size_t i = 0; i < n; i++) {
		struct sb l = SB_INIT;
		sb_addf(&l, "Điều %d", a[i].number);
		if (a[i].title[0])
			sb_addf(&l, ". %s", a[i].title);
		/* a title cut by bytes may not be valid text for a JSON string: then the number alone */
		json_t *label = json_string(l.buf), *title = json_string(a[i].title);
		if (!label || !title) {
			json_decref(label);
			json_decref(title);
			sb_reset(&l);
			sb_addf(&l, "Điều %d", a[i].number);
			label = json_string(l.buf);
			title = json_string("");
		}
		json_array_append_new(out, json_pack("{sisoso}", "number", a[i].number, "title", title, "label", label));
		sb_release(&l);
	}
	free(a);
	return out;
}

/* The published consultation ITEM_ID of SITE_ID (its own), or NULL. */
static json_t *consultation_row(struct db *db, int64_t site_id, int64_t item_id)
{
	if (item_id <= 0)
		return NULL;
	json_t *row = item_get_public(db, site_id, "consultation", item_id);
	if (row && json_integer_value(json_object_get(row, "site_id")) != site_id) {
		json_decref(row); /* one it only lists: comments go to the site that consults */
		row = NULL;
	}
	return row;
}

void comment_check(struct db *db, const struct ticket_kind *tk, int64_t site_id, int64_t item_id, json_t *fields,
		   struct errs *e)
{
	(void)tk;
	json_t *row = consultation_row(db, site_id, item_id);
	if (!row) {
		errs_add(e, "muc", "comment_draft_unknown");
		return;
	}
	json_t *f = item_row_fields(row);
	struct consultation_time t;
	if (consultation_time_of(f, time_now(), &t)) {
		errs_add(e, "muc", "comment_draft_unknown");
	} else if (t.phase == CONSULT_CLOSED) {
		char when[48], msg[200];
		consultation_close_text(&t, when, sizeof(when));
		snprintf(msg, sizeof(msg), "Dự thảo đã hết thời gian lấy ý kiến (kết thúc lúc %s); góp ý không được tiếp nhận.", when);
		errs_add_text(e, "muc", "consultation_closed", msg);
	} else if (t.phase == CONSULT_NOT_YET) {
		char day[11], msg[160];
		vn_day_dmy(t.open_day, day);
		snprintf(msg, sizeof(msg), "Dự thảo chưa đến thời gian lấy ý kiến (bắt đầu từ ngày %s).", day);
		errs_add_text(e, "muc", "consultation_not_open", msg);
	} else {
		json_t *dieu = json_object_get(fields, "dieu");
		if (json_is_integer(dieu)) {
			json_int_t n = json_integer_value(dieu);
			json_t *arts = consultation_articles(json_string_value(json_object_get(row, "body")));
			int found = 0;
			size_t i;
			json_t *a;
			json_array_foreach(arts, i, a)
				found |= json_integer_value(json_object_get(a, "number")) == n;
			if (!found) {
				char msg[200];
				if (json_array_size(arts))
					snprintf(msg, sizeof(msg), "Dự thảo không có Điều %lld; dự thảo có %zu điều, từ Điều %lld.",
						 (long long)n, json_array_size(arts),
						 (long long)json_integer_value(json_object_get(json_array_get(arts, 0), "number")));
				else
					snprintf(msg, sizeof(msg), "Dự thảo không chia thành các điều; để trống ô này để góp ý chung.");
				errs_add_text(e, "dieu", "comment_article_unknown", msg);
			}
			json_decref(arts);
		}
	}
	json_decref(row);
}

static const char *article_heading(json_t *articles, json_int_t n)
{
	size_t i;
	json_t *a;
	json_array_foreach(articles, i, a)
		if (json_integer_value(json_object_get(a, "number")) == n)
			return json_string_value(json_object_get(a, "label"));
	return NULL;
}

/* Comments' rows (each with "f" parsed) ordered by article (0 first), then time: stable. */
static int by_article(const void *x, const void *y)
{
	json_t *a = *(json_t *const *)x, *b = *(json_t *const *)y;
	json_int_t na = json_integer_value(json_object_get(json_object_get(a, "f"), "dieu"));
	json_int_t nb = json_integer_value(json_object_get(json_object_get(b, "f"), "dieu"));
	if (na != nb)
		return na < nb ? -1 : 1;
	json_int_t ta = json_integer_value(json_object_get(a, "received_at")), tb = json_integer_value(json_object_get(b, "received_at"));
	if (ta != tb)
		return ta < tb ? -1 : 1;
	json_int_t ia = json_integer_value(json_object_get(a, "id")), ib = json_integer_value(json_object_get(b, "id"));
	return ia < ib ? -1 : ia > ib;
}

/* ROWS (id, code, state, received_at, fields) sorted by article, each given "f". */
static void sort_rows(json_t *rows)
{
	size_t n = json_array_size(rows), i;
	if (!n)
		return;
	json_t **v = xcalloc(n, sizeof(*v));
	for (i = 0; i < n; i++) {
		json_t *r = json_array_get(rows, i);
		json_t *f = json_loads(json_string_value(json_object_get(r, "fields")), 0, NULL);
		json_object_set_new(r, "f", json_is_object(f) ? f : json_object());
		if (f && !json_is_object(f))
			json_decref(f);
		v[i] = json_incref(r);
	}
	qsort(v, n, sizeof(*v), by_article);
	json_array_clear(rows);
	for (i = 0; i < n; i++)
		json_array_append_new(rows, v[i]);
	free(v);
}

json_t *consultation_public_comments(struct db *db, int64_t item_id, json_t *articles, int *count)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, received_at, fields FROM tickets WHERE item_id = ?1 AND kind = 'comment'"
				       " AND state = 'published' ORDER BY received_at, id");
	json_t *groups = json_array();
	if (count)
		*count = 0;
	if (!st)
		return groups;
	db_bind_int(st, 1, item_id);
	json_t *rows = db_rows_json(st), *row, *group = NULL;
	sort_rows(rows);
	json_int_t cur = -1;
	size_t i;
	json_array_foreach(rows, i, row) {
		json_t *f = json_object_get(row, "f");
		json_int_t n = json_integer_value(json_object_get(f, "dieu"));
		if (!group || n != cur) {
			char h[200];
			const char *label = n ? article_heading(articles, n) : NULL;
			if (!n)
				snprintf(h, sizeof(h), "Góp ý chung cho toàn bộ dự thảo");
			else
				snprintf(h, sizeof(h), "%s", label ? label : "");
			if (n && !label)
				snprintf(h, sizeof(h), "Điều %lld", (long long)n);
			group = json_pack("{sIsss[]}", "number", n, "heading", h, "comments");
			json_array_append_new(groups, group);
			cur = n;
		}
		char at[11];
		vn_day_dmy(vn_days_of_time(json_integer_value(json_object_get(row, "received_at"))), at);
		json_array_append_new(json_object_get(group, "comments"),
				      json_pack("{sssOsO}", "at", at, "name", json_object_get(f, "ten_hien_thi"), "text",
						json_object_get(f, "noi_dung")));
		if (count)
			(*count)++;
	}
	json_decref(rows);
	return groups;
}

static const char *state_label(const char *s)
{
	return strcmp(s, TICKET_PUBLISHED) == 0 ? "Đã đăng" : strcmp(s, TICKET_REFUSED) == 0 ? "Không đăng" : "Chờ duyệt";
}

int consultation_comments_table(struct db *db, const struct actor *a, int64_t site_id, int64_t id, struct table *t,
				char *title, size_t n)
{
	if (actor_level(db, a, site_id) < LVL_REPORTER)
		return M_DENIED;
	struct db_stmt *st = db_stmt(db, "SELECT title, body FROM items WHERE id = ?1 AND site_id = ?2 AND kind = 'consultation'");
	if (!st)
		return M_ERROR;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, site_id);
	json_t *item = db_one_json(st);
	if (!item)
		return M_NOTFOUND;
	snprintf(title, n, "%s", json_string_value(json_object_get(item, "title")));
	json_t *arts = consultation_articles(json_string_value(json_object_get(item, "body")));
	json_decref(item);
	st = db_stmt(db, "SELECT id, code, state, received_at, fields FROM tickets WHERE item_id = ?1 AND kind = 'comment'"
			 " AND (site_id = ?2 OR origin_site_id = ?2) ORDER BY received_at, id");
	if (!st) {
		json_decref(arts);
		return M_ERROR;
	}
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, site_id);
	json_t *rows = db_rows_json(st), *row;
	sort_rows(rows);
	table_add_column(t, "Điều", TABLE_INTEGER);
	table_add_column(t, "Tên điều", TABLE_TEXT);
	table_add_column(t, "Mã góp ý", TABLE_TEXT);
	table_add_column(t, "Ngày gửi", TABLE_DATE);
	table_add_column(t, "Tên người góp ý (hiển thị)", TABLE_TEXT);
	table_add_column(t, "Nội dung góp ý", TABLE_TEXT);
	table_add_column(t, "Tình trạng", TABLE_TEXT);
	size_t i;
	json_array_foreach(rows, i, row) {
		json_t *f = json_object_get(row, "f");
		json_int_t num = json_integer_value(json_object_get(f, "dieu"));
		char nbuf[24], day[11];
		snprintf(nbuf, sizeof(nbuf), "%lld", (long long)num);
		vn_date_format(vn_days_to_date(vn_days_of_time(json_integer_value(json_object_get(row, "received_at")))), day);
		const char *heading = NULL;
		size_t j;
		json_t *x;
		json_array_foreach(arts, j, x)
			if (json_integer_value(json_object_get(x, "number")) == num)
				heading = json_string_value(json_object_get(x, "title"));
		const char *cells[7] = { num ? nbuf : NULL, num ? (heading ? heading : "") : "Góp ý chung",
					 json_string_value(json_object_get(row, "code")), day,
					 kind_text(f, "ten_hien_thi"), kind_text(f, "noi_dung"),
					 state_label(json_string_value(json_object_get(row, "state"))) };
		table_add_row(t, cells);
	}
	json_decref(rows);
	json_decref(arts);
	char detail[32];
	snprintf(detail, sizeof(detail), "%zu", t->nRow);
	char obj[32];
	snprintf(obj, sizeof(obj), "%lld", (long long)id);
	if (audit_write(db, a, site_id, "consultation.export", obj, detail))
		return M_ERROR;
	return M_OK;
}

json_t *consultation_staff_list(struct db *db, const struct actor *a, int64_t site_id)
{
	if (actor_level(db, a, site_id) < LVL_REPORTER)
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT i.id, i.title, i.state, i.fields,"
				       " (SELECT COUNT(*) FROM tickets t WHERE t.item_id = i.id AND t.kind = 'comment') AS total,"
				       " (SELECT COUNT(*) FROM tickets t WHERE t.item_id = i.id AND t.kind = 'comment'"
				       "   AND t.state = 'received') AS waiting,"
				       " (SELECT COUNT(*) FROM tickets t WHERE t.item_id = i.id AND t.kind = 'comment'"
				       "   AND t.state = 'published') AS published"
				       " FROM items i WHERE i.site_id = ?1 AND i.kind = 'consultation' AND i.state <> 'withdrawn'"
				       " ORDER BY i.id DESC LIMIT 200");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	json_t *rows = db_rows_json(st), *row;
	size_t i;
	json_array_foreach(rows, i, row) {
		json_t *f = json_loads(json_string_value(json_object_get(row, "fields")), 0, NULL);
		char o[11] = "", c[11] = "";
		int32_t od = kind_day(kind_text(f, "ngay_bat_dau")), cd = kind_day(kind_text(f, "ngay_ket_thuc"));
		if (od)
			vn_day_dmy(od, o);
		if (cd)
			vn_day_dmy(cd, c);
		json_object_set_new(row, "opens", json_string(o));
		json_object_set_new(row, "closes", json_string(c));
		json_object_del(row, "fields");
		json_decref(f);
	}
	return rows;
}
