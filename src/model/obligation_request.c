/* obligation_request.c — the main board's requests for information to a unit's site: sent,
 * seen, answered, closed, overdue, with mail to the other side's board at every step
 * (obligation.h, docs/obligations.md). */
#include "obligation.h"
#include "outbox.h"
#include "internal.h"
#include "db/db.h"
#include "base/sb.h"
#include "base/util.h"
#include "base/utf8.h"
#include "mail/mail.h"
#include "vn/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"


static const char *text_of(json_t *texts, const char *key)
{
	const char *s = json_string_value(json_object_get(texts, key));
	return s ? s : key;
}

static int64_t main_site(struct db *db)
{
	json_t *m = site_main(db);
	int64_t id = m ? ival(m, "id") : 0;
	json_decref(m);
	return id;
}

int request_may_send(struct db *db, const struct actor *a, int64_t site_id)
{
	return site_id && site_id == main_site(db) && actor_level(db, a, site_id) >= LVL_EDITOR;
}

/* ---- mail ---- */

/* One line "LABEL VALUE" of the request's mail, in the text and, as a row of its table, in the
 * HTML (both escaped there: the request's words are the boards' own). */
static void mail_line(struct sb *text, struct sb *html, const char *label, const char *value)
{
	sb_addf(text, "%s %s\n", label, value);
	sb_adds(html, "<tr><th scope=\"row\" style=\"text-align:left;vertical-align:top;padding:4px 12px 4px 0\">");
	sb_add_html(html, label, strlen(label));
	sb_adds(html, "</th><td style=\"white-space:pre-line;padding:4px 0\">");
	sb_add_html(html, value, strlen(value));
	sb_adds(html, "</td></tr>\n");
}

/* Queues the mail of STEP ("sent", "seen", "answered", "closed", "overdue") about request ROW to
 * the board mailbox of site TO_SITE (sites.email: one or more addresses), inside the caller's
 * transaction: a plain text and its HTML alternative, as the subscriptions' mail, in Vietnamese
 * (TEXTS: the recipients are the boards' mailboxes, not a person with a language). A site
 * without a mailbox gets none. 0, or -1 on a store error. */
static int mail_board(struct db *db, json_t *texts, json_t *row, int64_t to_site, const char *step, int64_t now)
{
	struct db_stmt *st = db_stmt(db, "SELECT email FROM sites WHERE id = ?1");
	if (!st)
		return -1;
	db_bind_int(st, 1, to_site);
	char *list = NULL;
	if (db_step(st) == DB_ROW)
		list = xstrdup(db_col_text(st, 0));
	db_reset(st);
	if (!list)
		return 0;
	char *to[8], key[48], due[40];
	size_t bad = 0, n = mail_address_split(list, to, 8, &bad);
	struct sb subj = SB_INIT, body = SB_INIT, html = SB_INIT, url = SB_INIT;
	char *what = utf8_ellipsize(sval(row, "what"), 80);
	snprintf(key, sizeof(key), "req_mail_%s_subject", step);
	sb_addf(&subj, "%s: %s", text_of(texts, key), what ? what : "");
	free(what);
	snprintf(key, sizeof(key), "req_mail_%s_body", step);
	time_format_vn(ival(row, "due_at"), due, sizeof(due));
	/* the link opens the request in the recipient's own admin */
	sb_addf(&url, "%squan-tri/yeu-cau/%lld", sval(row, ival(row, "to_site") == to_site ? "to_url" : "from_url"),
		(long long)ival(row, "id"));
	const char *lead = text_of(texts, key);
	sb_addf(&body, "%s\n\n", lead);
	sb_adds(&html, "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>");
	sb_add_html(&html, subj.buf, subj.len);
	sb_adds(&html, "</title></head>\n<body>\n<p>");
	sb_add_html(&html, lead, strlen(lead));
	sb_adds(&html, "</p>\n<table role=\"presentation\" style=\"border-collapse:collapse\">\n");
	mail_line(&body, &html, text_of(texts, "req_mail_from"), sval(row, "from_name"));
	mail_line(&body, &html, text_of(texts, "req_mail_to"), sval(row, "to_name"));
	mail_line(&body, &html, text_of(texts, "req_mail_what"), sval(row, "what"));
	mail_line(&body, &html, text_of(texts, "req_mail_due"), due);
	if (*sval(row, "why"))
		mail_line(&body, &html, text_of(texts, "req_mail_why"), sval(row, "why"));
	if (strcmp(step, "answered") == 0 && *sval(row, "reply"))
		mail_line(&body, &html, text_of(texts, "req_mail_reply"), sval(row, "reply"));
	sb_addf(&body, "\n%s %s\n%s\n", text_of(texts, "req_mail_where"), url.buf, text_of(texts, "req_mail_auto"));
	sb_adds(&html, "</table>\n<p><a href=\"");
	sb_add_html(&html, url.buf, url.len);
	sb_adds(&html, "\">");
	sb_add_html(&html, text_of(texts, "req_mail_open"), strlen(text_of(texts, "req_mail_open")));
	sb_adds(&html, "</a></p>\n<hr>\n<p><small>");
	sb_add_html(&html, text_of(texts, "req_mail_auto"), strlen(text_of(texts, "req_mail_auto")));
	sb_adds(&html, "</small></p>\n</body>\n</html>\n");
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct outbox_mail m = { .site_id = to_site, .rcpt = to[i], .subject = subj.buf, .text = body.buf,
					 .html = html.buf };
		rc = outbox_put(db, &m, now) ? -1 : 0;
	}
	sb_release(&subj);
	sb_release(&body);
	sb_release(&html);
	sb_release(&url);
	free(list);
	return rc;
}

/* ---- reads ---- */

#define REQ_SELECT                                                                                     \
	"SELECT r.id, r.from_site, r.to_site, f.name AS from_name, t.name AS to_name, r.what, r.why, r.due_at," \
	" r.state, r.reply, r.created_at, r.seen_at, r.answered_at, r.closed_at, r.from_url, r.to_url FROM board_requests r"         \
	" JOIN sites f ON f.id = r.from_site JOIN sites t ON t.id = r.to_site"

static void set_time(json_t *o, const char *k, const char *from)
{
	char buf[40] = "";
	if (json_is_integer(json_object_get(o, from)))
		time_format_vn(ival(o, from), buf, sizeof(buf));
	json_object_set_new(o, k, json_string(buf));
}

/* ROW's labels for the view at NOW. */
static void request_view(json_t *row, int64_t now)
{
	const char *state = sval(row, "state");
	int open = strcmp(state, "sent") == 0 || strcmp(state, "seen") == 0;
	int overdue = open && ival(row, "due_at") < now;
	char key[40], iso[40];
	snprintf(key, sizeof(key), "req_state_%s", overdue ? "overdue" : state);
	json_object_set_new(row, "state_key", json_string(key));
	json_object_set_new(row, "overdue", json_boolean(overdue));
	set_time(row, "due", "due_at");
	time_format_iso(ival(row, "due_at"), iso, sizeof(iso));
	json_object_set_new(row, "due_iso", json_string(iso));
	set_time(row, "created", "created_at");
	set_time(row, "seen", "seen_at");
	set_time(row, "answered", "answered_at");
	set_time(row, "closed", "closed_at");
}

/* The rows of SQL (REQ_SELECT with conditions on ?1 = SITE_ID; a string literal: db_stmt caches
 * it by address) for the view at NOW. */
static json_t *request_rows(struct db *db, const char *sql, int64_t site_id, int64_t now)
{
	struct db_stmt *st = db_stmt(db, sql);
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	json_t *rows = db_rows_json(st), *row;
	size_t i;
	json_array_foreach(rows, i, row)
		request_view(row, now);
	return rows;
}

json_t *request_list(struct db *db, const struct actor *a, int64_t site_id, int64_t now)
{
	if (actor_level(db, a, site_id) < LVL_REPORTER)
		return NULL;
	/* a board sees what its own site sent and received: never another unit's */
	return json_pack("{soso}", "sent", request_rows(db, REQ_SELECT " WHERE r.from_site = ?1 ORDER BY r.state = 'closed', r.due_at, r.id", site_id, now), "received",
			 request_rows(db, REQ_SELECT " WHERE r.to_site = ?1 ORDER BY r.state = 'closed', r.due_at, r.id", site_id, now));
}

/* Request ID if SITE_ID sent or received it, else NULL. */
static json_t *request_row(struct db *db, int64_t site_id, int64_t id)
{
	struct db_stmt *st = db_stmt(db, REQ_SELECT " WHERE r.id = ?2 AND (r.from_site = ?1 OR r.to_site = ?1)");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, id);
	return db_one_json(st);
}

/* Moves request ROW to STATE (with its time column), audits ACTION and mails site MAIL_TO, inside
 * the caller's transaction. 0 or -1. */
static int request_step(struct db *db, const struct actor *a, json_t *row, const char *state, const char *action,
			int64_t site_id, int64_t mail_to, json_t *texts, int64_t now)
{
	char obj[40];
	/* one literal each: db_stmt caches statements by their text's address */
	struct db_stmt *st = strcmp(state, "seen") == 0 ? db_stmt(db, "UPDATE board_requests SET state = ?2, seen_at = ?3 WHERE id = ?1")
			     : strcmp(state, "answered") == 0 ? db_stmt(db, "UPDATE board_requests SET state = ?2, answered_at = ?3 WHERE id = ?1")
			     : db_stmt(db, "UPDATE board_requests SET state = ?2, closed_at = ?3 WHERE id = ?1");
	if (!st)
		return -1;
	db_bind_int(st, 1, ival(row, "id"));
	db_bind_text(st, 2, state);
	db_bind_int(st, 3, now);
	if (db_step_done(st))
		return -1;
	snprintf(obj, sizeof(obj), "request:%lld", (long long)ival(row, "id"));
	if (audit_write(db, a, site_id, action, obj, ""))
		return -1;
	return mail_board(db, texts, row, mail_to, state, now);
}

json_t *request_get(struct db *db, const struct actor *a, int64_t site_id, int64_t id, json_t *texts, int64_t now)
{
	int level = actor_level(db, a, site_id);
	if (level < LVL_REPORTER)
		return NULL;
	json_t *row = request_row(db, site_id, id);
	if (!row)
		return NULL;
	int receiver = ival(row, "to_site") == site_id;
	if (receiver && !a->sysadmin && strcmp(sval(row, "state"), "sent") == 0) {
		/* the unit's board has seen it: the sender is told */
		if (db_begin(db) == 0) {
			if (request_step(db, a, row, "seen", "request.seen", site_id, ival(row, "from_site"), texts, now) ||
			    db_commit(db))
				db_rollback(db);
			json_decref(row);
			row = request_row(db, site_id, id);
			if (!row)
				return NULL;
		}
	}
	request_view(row, now);
	struct db_stmt *st = db_stmt(db, "SELECT i.id, i.title, i.kind, i.site_id FROM board_request_items x"
				       " JOIN items i ON i.id = x.item_id WHERE x.request_id = ?1 ORDER BY i.id");
	json_t *items = json_array();
	if (st) {
		db_bind_int(st, 1, id);
		json_decref(items);
		items = db_rows_json(st);
	}
	json_object_set_new(row, "items", items);
	const char *state = sval(row, "state");
	json_object_set_new(row, "may_answer", json_boolean(receiver && level >= LVL_EDITOR && strcmp(state, "closed") != 0));
	json_object_set_new(row, "may_close", json_boolean(!receiver && level >= LVL_EDITOR && strcmp(state, "closed") != 0));
	json_object_set_new(row, "is_receiver", json_boolean(receiver));
	return row;
}

json_t *request_item_choices(struct db *db, int64_t site_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, title, kind FROM items WHERE site_id = ?1 AND state <> 'refused'"
				       " ORDER BY id DESC LIMIT 100");
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	return db_rows_json(st);
}

/* ---- changes ---- */

static void text_field(const char *in, size_t max, int required, const char *field, char **out, struct errs *e)
{
	*out = text_clean(in ? in : "", 1);
	if (!*out)
		errs_add(e, field, "invalid_utf8");
	else if (required && !**out)
		errs_add(e, field, "required");
	else if (utf8_length(*out) > max)
		errs_add(e, field, "too_long");
}

int request_send(struct db *db, const struct actor *a, int64_t site_id, const struct request_input *in,
		 json_t *texts, int64_t now, struct errs *e, int64_t *out_id)
{
	*out_id = 0;
	if (!request_may_send(db, a, site_id))
		return M_DENIED;
	int64_t to = 0;
	int32_t day = 0;
	char *what = NULL, *why = NULL;
	if (!in->to_site || !*in->to_site) {
		errs_add(e, "to_site", "required");
	} else {
		struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM sites WHERE id = ?1 AND id <> ?2");
		int64_t one = 0;
		if (parse_i64(in->to_site, 1, INT64_MAX, &to) == 0 && st) {
			db_bind_int(st, 1, to);
			db_bind_int(st, 2, site_id);
			if (db_one_int(st, &one) < 0)
				one = 0;
		}
		if (one != 1)
			errs_add(e, "to_site", "req_site_invalid");
	}
	text_field(in->what, REQ_TEXT_MAX, 1, "what", &what, e);
	text_field(in->why, REQ_TEXT_MAX, 1, "why", &why, e);
	if (!in->due || !*in->due)
		errs_add(e, "due", "required");
	else if (obligation_day_parse(in->due, &day))
		errs_add(e, "due", "obl_day_invalid");
	else if (day < vn_days_of_time(now))
		errs_add(e, "due", "req_due_past");
	int rc = M_INVALID;
	if (e->n)
		goto out;
	rc = M_ERROR;
	if (db_begin(db))
		goto out;
	struct db_stmt *st = db_stmt(db, "INSERT INTO board_requests (from_site, to_site, what, why, due_at, state,"
				       " created_by, created_at, from_url, to_url) VALUES (?1, ?2, ?3, ?4, ?5, 'sent', ?6, ?7, ?8, ?9)");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, to);
	db_bind_text(st, 3, what);
	db_bind_text(st, 4, why);
	db_bind_int(st, 5, vn_time_of_days(day + 1) - 1); /* to the end of the day */
	if (a->id)
		db_bind_int(st, 6, a->id);
	else
		db_bind_null(st, 6);
	db_bind_int(st, 7, now);
	db_bind_text(st, 8, in->from_url ? in->from_url : "/");
	db_bind_text(st, 9, in->to_url ? in->to_url : "/");
	if (db_step_done(st))
		goto rollback;
	int64_t id = db_last_id(db);
	char obj[40];
	snprintf(obj, sizeof(obj), "request:%lld", (long long)id);
	json_t *row = request_row(db, site_id, id);
	int bad = !row || audit_write(db, a, site_id, "request.send", obj, "") || mail_board(db, texts, row, to, "sent", now);
	json_decref(row);
	if (bad || db_commit(db))
		goto rollback;
	*out_id = id;
	rc = M_OK;
	goto out;
rollback:
	db_rollback(db);
out:
	free(what);
	free(why);
	return rc;
}

int request_answer(struct db *db, const struct actor *a, int64_t site_id, int64_t id, const char *reply,
		   const int64_t *items, size_t nitems, json_t *texts, int64_t now, struct errs *e)
{
	if (actor_level(db, a, site_id) < LVL_EDITOR)
		return M_DENIED;
	json_t *row = request_row(db, site_id, id);
	if (!row)
		return M_NOTFOUND;
	char *text = NULL;
	int rc = M_DENIED;
	if (ival(row, "to_site") != site_id || strcmp(sval(row, "state"), "closed") == 0)
		goto out;
	text_field(reply, REQ_TEXT_MAX, 0, "reply", &text, e);
	if (nitems > REQ_ITEMS_MAX)
		errs_add(e, "items", "too_long");
	for (size_t i = 0; i < nitems && i < REQ_ITEMS_MAX; i++) {
		struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM items WHERE id = ?1 AND site_id = ?2");
		int64_t one = 0;
		if (st) {
			db_bind_int(st, 1, items[i]);
			db_bind_int(st, 2, site_id);
			if (db_one_int(st, &one) < 0)
				one = 0;
		}
		if (one != 1) {
			errs_add(e, "items", "obl_item_invalid");
			break;
		}
	}
	if (!e->n && text && !*text && !nitems)
		errs_add(e, "reply", "req_reply_required");
	rc = M_INVALID;
	if (e->n)
		goto out;
	rc = M_ERROR;
	if (db_begin(db))
		goto out;
	/* an answer of items alone keeps the reply given before */
	struct db_stmt *st = db_stmt(db, "UPDATE board_requests SET reply = CASE WHEN ?2 = '' THEN reply ELSE ?2 END WHERE id = ?1");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, text);
	if (db_step_done(st))
		goto rollback;
	for (size_t i = 0; i < nitems; i++) {
		/* an answer given again adds to the items linked before */
		st = db_stmt(db, "INSERT INTO board_request_items (request_id, item_id) SELECT ?1, ?2"
				 " WHERE NOT EXISTS (SELECT 1 FROM board_request_items WHERE request_id = ?1 AND item_id = ?2)");
		if (!st)
			goto rollback;
		db_bind_int(st, 1, id);
		db_bind_int(st, 2, items[i]);
		if (db_step_done(st))
			goto rollback;
	}
	if (*text)
		json_object_set_new(row, "reply", json_string(text));
	if (request_step(db, a, row, "answered", "request.answer", site_id, ival(row, "from_site"), texts, now) ||
	    db_commit(db))
		goto rollback;
	rc = M_OK;
	goto out;
rollback:
	db_rollback(db);
out:
	free(text);
	json_decref(row);
	return rc;
}

int request_close(struct db *db, const struct actor *a, int64_t site_id, int64_t id, json_t *texts, int64_t now)
{
	if (actor_level(db, a, site_id) < LVL_EDITOR)
		return M_DENIED;
	json_t *row = request_row(db, site_id, id);
	if (!row)
		return M_NOTFOUND;
	int rc = M_DENIED;
	if (ival(row, "from_site") == site_id && strcmp(sval(row, "state"), "closed") != 0) {
		rc = M_ERROR;
		if (db_begin(db) == 0) {
			if (request_step(db, a, row, "closed", "request.close", site_id, ival(row, "to_site"), texts, now) ||
			    db_commit(db))
				db_rollback(db);
			else
				rc = M_OK;
		}
	}
	json_decref(row);
	return rc;
}

int request_overdue_run(struct db *db, json_t *texts, int64_t now)
{
	struct db_stmt *st = db_stmt(db, REQ_SELECT " WHERE r.state IN ('sent', 'seen') AND r.due_at < ?1"
						  " AND r.overdue_mail IS NULL ORDER BY r.id LIMIT 50");
	if (!st)
		return -1;
	db_bind_int(st, 1, now);
	json_t *rows = db_rows_json(st), *row;
	size_t i;
	int n = 0;
	json_array_foreach(rows, i, row) {
		if (db_begin(db))
			break;
		st = db_stmt(db, "UPDATE board_requests SET overdue_mail = ?2 WHERE id = ?1 AND overdue_mail IS NULL");
		if (!st || (db_bind_int(st, 1, ival(row, "id")), db_bind_int(st, 2, now), db_step_done(st)) ||
		    mail_board(db, texts, row, ival(row, "to_site"), "overdue", now) ||
		    mail_board(db, texts, row, ival(row, "from_site"), "overdue", now) || db_commit(db)) {
			db_rollback(db);
			continue;
		}
		n++;
	}
	json_decref(rows);
	return n;
}
