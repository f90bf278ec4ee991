/* ticket.c — citizens' submissions and their handling (ticket.h, docs/citizens.md). */
#include "internal.h"
#include "ticket.h"
#include "pdata.h"
#include "challenge.h"
#include "kind.h"
#include "deadline.h"
#include "calendar.h"
#include "db/db.h"
#include "vn/calendar.h"
#include "render/sanitize.h"
#include "mail/mail.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"
#include "base/arena.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define DAY 86400
#define DUE_SOON_DAYS 2

static const struct kind_choice refusal_reasons[] = {
	{ "trung-lap", "Trùng với câu hỏi, phản ánh đã được trả lời" },
	{ "ngoai-tham-quyen", "Không thuộc thẩm quyền, lĩnh vực của cơ quan" },
	{ "xuc-pham", "Có nội dung xúc phạm, vi phạm pháp luật hoặc thuần phong mỹ tục" },
	{ "khong-ro", "Nội dung không rõ ràng, không đủ thông tin để trả lời" },
	{ "dang-giai-quyet", "Đang được giải quyết theo thủ tục khác (khiếu nại, tố cáo, tố tụng)" },
	{ "quang-cao", "Quảng cáo, thư rác" },
	{ NULL, NULL },
};

static const struct { const char *state, *label; } state_labels[] = {
	{ TICKET_RECEIVED, "Đã tiếp nhận" }, { TICKET_OPEN, "Đang xử lý" },       { TICKET_REFUSED, "Từ chối" },
	{ TICKET_ANSWERED, "Đã có trả lời, chờ duyệt đăng" },                   { TICKET_PUBLISHED, "Đã trả lời công khai" },
	{ TICKET_CLOSED, "Đã trả lời" },
};

static const struct { const char *action, *label; } event_labels[] = {
	{ "received", "Tiếp nhận" },           { "classified", "Phân loại" },         { "assigned", "Phân công xử lý" },
	{ "note", "Ghi chú nội bộ" },          { "forwarded", "Chuyển cơ quan có thẩm quyền" },
	{ "refused", "Từ chối" },              { "answered", "Đã soạn trả lời, chờ duyệt đăng" },
	{ "published", "Đăng trả lời công khai" }, { "replied", "Trả lời qua thư điện tử" },
	{ "accepted", "Duyệt đăng ý kiến" },    { "rejected", "Không đăng ý kiến" },
	{ "personal_purged", "Xoá thông tin cá nhân hết thời hạn lưu" },
};

/* The common actions' button labels (actions_for), by text key: "reject" reads "withdraw" on a
 * published comment. */
static const struct { const char *key, *label; } action_labels[] = {
	{ "assign", "Phân công" },
	{ "note", "Ghi chú nội bộ" },
	{ "accept", "Duyệt đăng" },
	{ "reject", "Không đăng" },
	{ "withdraw", "Gỡ, không đăng nữa" },
	{ "classify", "Phân loại" },
	{ "forward", "Chuyển cơ quan khác" },
	{ "refuse", "Từ chối" },
	{ "answer", "Soạn trả lời công khai" },
	{ "reply", "Trả lời qua thư" },
};

/* A kind's own state STATE (ticket_kind.states), or NULL. */
static const struct ticket_state *kind_state(const char *state)
{
	size_t n;
	const struct ticket_kind *const *tks = ticket_kinds(&n);
	for (size_t i = 0; state && i < n; i++)
		for (const struct ticket_state *s = tks[i]->states; s && s->state; s++)
			if (strcmp(s->state, state) == 0)
				return s;
	return NULL;
}

const char *ticket_state_label(const char *state)
{
	for (size_t i = 0; state && i < ARRAY_SIZE(state_labels); i++)
		if (strcmp(state, state_labels[i].state) == 0)
			return state_labels[i].label;
	const struct ticket_state *ks = kind_state(state);
	if (ks)
		return ks->label;
	return state ? state : "";
}

static const char *event_label(const char *action)
{
	for (size_t i = 0; action && i < ARRAY_SIZE(event_labels); i++)
		if (strcmp(action, event_labels[i].action) == 0)
			return event_labels[i].label;
	return ticket_state_label(action); /* a kind's steps are named after the states they reach */
}

json_t *ticket_refusal_reasons(void)
{
	json_t *a = json_array();
	for (const struct kind_choice *c = refusal_reasons; c->key; c++)
		json_array_append_new(a, json_pack("{ssss}", "key", c->key, "label", c->label));
	return a;
}

static const char *refusal_label(const char *key)
{
	for (const struct kind_choice *c = refusal_reasons; key && c->key; c++)
		if (strcmp(c->key, key) == 0)
			return c->label;
	return NULL;
}

/* ---- the texts in other languages (#16) ----
 * Vietnamese has one source, the tables above and the kinds' descriptors; ticket_locale_add gives
 * them keys in the loaded "vi" texts ("tk.kind.<name>", "tk.state.<state>", "tk.event.<action>",
 * "tk.action.<key>", "tk.reason.<key>"; the forms' fields' labels "kind.<form>.<field>"), and
 * locale/<lang>/admin2.json translates them. */

static void tk_add(json_t *all, const char *group, const char *code, const char *text)
{
	char key[96];
	snprintf(key, sizeof(key), "tk.%s.%s", group, code);
	json_object_set_new(all, key, json_string(text));
}

int ticket_locale_add(json_t *vi, char *err, size_t n)
{
	json_t *all = json_object();
	size_t nk;
	const struct ticket_kind *const *tks = ticket_kinds(&nk);
	for (size_t i = 0; i < nk; i++) {
		tk_add(all, "kind", tks[i]->name, tks[i]->label);
		/* the form's fields' labels ("kind.question_form.ho_ten"…) come with the forms'
		 * descriptors in kind_locale_load (model/kind.c) */
		for (const struct ticket_state *st = tks[i]->states; st && st->state; st++)
			tk_add(all, "state", st->state, st->label);
	}
	for (size_t i = 0; i < ARRAY_SIZE(state_labels); i++)
		tk_add(all, "state", state_labels[i].state, state_labels[i].label);
	for (size_t i = 0; i < ARRAY_SIZE(event_labels); i++)
		tk_add(all, "event", event_labels[i].action, event_labels[i].label);
	for (size_t i = 0; i < ARRAY_SIZE(action_labels); i++)
		tk_add(all, "action", action_labels[i].key, action_labels[i].label);
	for (const struct kind_choice *c = refusal_reasons; c->key; c++)
		tk_add(all, "reason", c->key, c->label);
	const char *k;
	json_t *v;
	json_object_foreach(all, k, v)
		if (json_object_get(vi, k)) {
			snprintf(err, n, "locale/vi: \"%s\" is the tickets' text (model/ticket.c), not a locale file's", k);
			json_decref(all);
			return -1;
		}
	json_object_update(vi, all);
	json_decref(all);
	return 0;
}

/* The text "tk.GROUP.CODE" of TEXTS, else VI (the model's Vietnamese). */
static const char *tk_text(json_t *texts, const char *group, const char *code, const char *vi)
{
	char key[96];
	snprintf(key, sizeof(key), "tk.%s.%s", group, code ? code : "");
	const char *s = json_string_value(json_object_get(texts, key));
	return s && *s ? s : vi;
}

const char *ticket_kind_text(json_t *texts, const struct ticket_kind *tk)
{
	return tk ? tk_text(texts, "kind", tk->name, tk->label) : "";
}

const char *ticket_state_text(json_t *texts, const char *state)
{
	return tk_text(texts, "state", state, ticket_state_label(state));
}

static const char *event_text(json_t *texts, const char *action)
{
	for (size_t i = 0; action && i < ARRAY_SIZE(event_labels); i++)
		if (strcmp(action, event_labels[i].action) == 0)
			return tk_text(texts, "event", action, event_labels[i].label);
	return ticket_state_text(texts, action); /* a kind's steps are named after the states they reach */
}

/* Relabels the array A's entries: LABEL from CODE's text in GROUP. */
static void relabel(json_t *texts, json_t *a, const char *group, const char *code_field)
{
	size_t i;
	json_t *x;
	json_array_foreach(a, i, x) {
		const char *code = json_string_value(json_object_get(x, code_field));
		if (!code)
			continue;
		const char *vi = json_string_value(json_object_get(x, "label"));
		const char *t = strcmp(group, "event") == 0 ? event_text(texts, code) : tk_text(texts, group, code, vi ? vi : code);
		json_object_set_new(x, "label", json_string(t));
	}
}

void ticket_texts_apply(json_t *texts, json_t *o)
{
	if (!o || !texts)
		return;
	if (json_is_array(o)) {
		size_t i;
		json_t *x;
		json_array_foreach(o, i, x) ticket_texts_apply(texts, x);
		return;
	}
	const char *kind = json_string_value(json_object_get(o, "kind")), *state = json_string_value(json_object_get(o, "state"));
	if (kind && json_object_get(o, "kind_label"))
		json_object_set_new(o, "kind_label", json_string(ticket_kind_text(texts, ticket_kind_find(kind))));
	if (state && json_object_get(o, "state_label"))
		json_object_set_new(o, "state_label", json_string(ticket_state_text(texts, state)));
	relabel(texts, json_object_get(o, "events"), "event", "action");
	relabel(texts, json_object_get(o, "actions"), "action", "text");
}

json_t *ticket_refusal_reasons_in(json_t *texts)
{
	json_t *a = ticket_refusal_reasons();
	relabel(texts, a, "reason", "key");
	return a;
}

static int is_closed(const char *state)
{
	if (strcmp(state, TICKET_REFUSED) == 0 || strcmp(state, TICKET_PUBLISHED) == 0 || strcmp(state, TICKET_CLOSED) == 0)
		return 1;
	const struct ticket_state *ks = kind_state(state);
	return ks && ks->closes;
}

/* ---- the retention period ---- */

static int retention_days(struct db *db, const struct ticket_kind *tk)
{
	char key[64];
	snprintf(key, sizeof(key), "retention_days.%s", tk->name);
	char *s = db_setting_get(db, key);
	int64_t days = 0;
	if (!s || parse_i64(s, TICKET_RETENTION_MIN, TICKET_RETENTION_MAX, &days))
		days = tk->retention_days; /* none, or out of range: the kind's */
	free(s);
	return days > 0 ? (int)days : 365;
}

json_t *ticket_retention_list(struct db *db)
{
	size_t n;
	const struct ticket_kind *const *tks = ticket_kinds(&n);
	json_t *out = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(out, json_pack("{sssssisi}", "kind", tks[i]->name, "label", tks[i]->label, "days",
						     retention_days(db, tks[i]), "default_days", tks[i]->retention_days));
	return out;
}

int ticket_retention_set(struct db *db, const struct actor *a, const char *kind, const char *days, struct errs *e)
{
	const struct ticket_kind *tk = ticket_kind_find(kind);
	char field[64], key[64];
	if (!tk)
		return M_NOTFOUND;
	if (!a->sysadmin)
		return M_DENIED;
	snprintf(field, sizeof(field), "days.%s", tk->name);
	snprintf(key, sizeof(key), "retention_days.%s", tk->name);
	int64_t v = 0;
	if (days && *days && parse_i64(days, TICKET_RETENTION_MIN, TICKET_RETENTION_MAX, &v)) {
		errs_add_copy(e, field, "ticket_retention_range");
		return M_INVALID;
	}
	char num[24] = "";
	if (v)
		snprintf(num, sizeof(num), "%lld", (long long)v);
	if (db_begin(db))
		return M_ERROR;
	if (db_setting_set(db, key, num) || audit_write(db, a, 0, "ticket.retention", tk->name, *num ? num : "default") ||
	    db_commit(db)) {
		db_rollback(db);
		return M_ERROR;
	}
	return M_OK;
}

/* ---- mail through the outbox ---- */

int ticket_optout_token(const char *code, char out[33])
{
	char tag[PDATA_TAG_LEN + 1];
	if (pdata_tag("optout", code, tag))
		return -1;
	memcpy(out, tag, 32);
	out[32] = '\0';
	return 0;
}

/* The citizen's mail about ticket ID (its personal data opened for the address), when the
 * ticket still has them and the citizen wants mail. 0, or -1 on a store error. */
static int mail_citizen(struct db *db, int64_t id, const char *subject_line, const char *note, int64_t now)
{
	struct db_stmt *st = db_stmt(db, "SELECT t.kind, t.code, t.personal, t.notify, t.base_url, t.site_id, t.title, s.name"
				       " FROM tickets t JOIN sites s ON s.id = t.site_id WHERE t.id = ?1");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	json_t *row = db_one_json(st);
	if (!row)
		return -1;
	int rc = 0;
	const struct ticket_kind *tk = ticket_kind_find(json_string_value(json_object_get(row, "kind")));
	const char *sealed = json_string_value(json_object_get(row, "personal"));
	if (tk && tk->email_field && sealed && json_integer_value(json_object_get(row, "notify"))) {
		json_t *p = pdata_open_json(sealed);
		const char *to = p ? kind_text(p, tk->email_field) : "";
		if (*to && mail_address_valid(to)) {
			const char *code = json_string_value(json_object_get(row, "code"));
			const char *base = json_string_value(json_object_get(row, "base_url"));
			char tok[33] = "";
			ticket_optout_token(code, tok);
			struct sb subj = SB_INIT, body = SB_INIT;
			sb_addf(&subj, "[%s] %s", code, subject_line);
			sb_addf(&body, "Kính gửi Ông/Bà,\n\n%s của Ông/Bà, mã theo dõi %s:\n%s\n\n%s.\n", tk->label, code,
				json_string_value(json_object_get(row, "title")), subject_line);
			if (note && *note)
				sb_addf(&body, "\n%s\n", note);
			sb_addf(&body, "\nTheo dõi tình trạng xử lý: %stheo-doi?ma=%s\n", base, code);
			sb_addf(&body, "\nNơi xử lý: %s.\nThư này được gửi tự động, xin đừng trả lời thư này.\n",
				json_string_value(json_object_get(row, "name")));
			sb_addf(&body, "Không muốn nhận thư về việc này nữa: %stheo-doi/ngung-nhan-thu?ma=%s&t=%s\n", base, code, tok);
			struct outbox_mail m = { .site_id = json_integer_value(json_object_get(row, "site_id")),
						 .ticket_id = id, .rcpt = to, .subject = subj.buf, .text = body.buf };
			rc = outbox_put(db, &m, now);
			sb_release(&subj);
			sb_release(&body);
		}
		json_decref(p);
	}
	json_decref(row);
	return rc;
}

/* ---- reading a ticket ---- */

static int ticket_load(struct db *db, int64_t id, struct ticket *t)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, kind, code, site_id, origin_site_id, state, fields, item_id, number,"
				       " number_year, deadline_kind, received_at, due_at, closed_at, assignee_id FROM tickets WHERE id = ?1");
	if (!st)
		return M_ERROR;
	db_bind_int(st, 1, id);
	json_t *row = db_one_json(st);
	if (!row)
		return M_NOTFOUND;
	memset(t, 0, sizeof(*t));
	t->id = id;
	t->kind = ticket_kind_find(json_string_value(json_object_get(row, "kind")));
	t->site_id = json_integer_value(json_object_get(row, "site_id"));
	t->origin_site_id = json_integer_value(json_object_get(row, "origin_site_id"));
	t->item_id = json_integer_value(json_object_get(row, "item_id"));
	t->number = json_integer_value(json_object_get(row, "number"));
	t->number_year = json_integer_value(json_object_get(row, "number_year"));
	t->received_at = json_integer_value(json_object_get(row, "received_at"));
	t->due_at = json_integer_value(json_object_get(row, "due_at"));
	t->closed_at = json_integer_value(json_object_get(row, "closed_at"));
	t->assignee_id = json_integer_value(json_object_get(row, "assignee_id"));
	snprintf(t->state, sizeof(t->state), "%s", json_string_value(json_object_get(row, "state")));
	snprintf(t->code, sizeof(t->code), "%s", json_string_value(json_object_get(row, "code")));
	snprintf(t->deadline_kind, sizeof(t->deadline_kind), "%s", json_string_value(json_object_get(row, "deadline_kind")));
	t->fields = json_loads(json_string_value(json_object_get(row, "fields")), 0, NULL);
	if (!t->fields)
		t->fields = json_object();
	json_decref(row);
	return t->kind ? M_OK : M_NOTFOUND;
}

static void ticket_release(struct ticket *t)
{
	json_decref(t->fields);
	t->fields = NULL;
}

/* ---- submitting ---- */

static void make_code(const char *prefix, char out[24])
{
	static const char alphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
	char r[9];
	for (int i = 0; i < 8; i++)
		r[i] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
	r[8] = '\0';
	snprintf(out, 24, "%s-%.4s-%.4s", prefix, r, r + 4);
}

static int64_t count_since(struct db *db, const char *sql_kind, const char *tag, int64_t since, int by_email)
{
	struct db_stmt *st = by_email ? db_stmt(db, "SELECT count(*) FROM tickets WHERE email_tag = ?1 AND kind = ?2 AND received_at >= ?3")
				    : db_stmt(db, "SELECT count(*) FROM tickets WHERE addr_tag = ?1 AND kind = ?2 AND received_at >= ?3");
	if (!st)
		return -1;
	db_bind_text(st, 1, tag);
	db_bind_text(st, 2, sql_kind);
	db_bind_int(st, 3, since);
	int64_t n = -1;
	db_one_int(st, &n);
	return n;
}

static int compute_due(struct db *db, int64_t site_id, const char *kind, int64_t received_at, int64_t *due)
{
	struct vn_calendar *cal = calendar_load(db);
	int rc = deadline_due(db, cal, site_id, kind, 1, received_at, 0, due, NULL);
	vn_calendar_free(cal);
	return rc;
}

/* Ticket ID of a numbered kind gets the next number of its site and year (Vietnam time) in the
 * register, inside the submission's transaction (one writer at a time: numbers do not repeat,
 * and the unique index says so if they would). 0 or -1. */
static int number_give(struct db *db, const struct ticket_kind *tk, int64_t site_id, int64_t id, int64_t now)
{
	int year = vn_days_to_date(vn_days_of_time(now)).y;
	struct db_stmt *st = db_stmt(db, "UPDATE tickets SET number_year = ?3, number = (SELECT coalesce(max(number), 0) + 1"
				       " FROM tickets WHERE site_id = ?2 AND kind = ?4 AND number_year = ?3) WHERE id = ?1");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, site_id);
	db_bind_int(st, 3, year);
	db_bind_text(st, 4, tk->name);
	return db_step_done(st);
}

int ticket_submit(struct db *db, const struct ticket_kind *tk, int64_t site_id, const struct ticket_input *in,
		  int64_t now, struct errs *e, char code[24], int64_t *id)
{
	json_t *clean = NULL, *personal = json_object();
	char etag[PDATA_TAG_LEN + 1] = "", atag[PDATA_TAG_LEN + 1] = "";
	int rc = M_INVALID;
	code[0] = '\0';
	kind_fields_clean(tk->form, in->raw, &clean, e);
	if (!e->n && tk->check)
		tk->check(db, tk, site_id, in->item_id, clean, e);
	if (e->n)
		goto out;
	/* what identifies a person leaves the public fields */
	for (size_t i = 0; i < tk->form->nfields; i++) {
		const struct kind_field *f = &tk->form->fields[i];
		json_t *v = json_object_get(clean, f->key);
		if ((f->flags & FF_PERSONAL) && v) {
			json_object_set(personal, f->key, v);
			json_object_del(clean, f->key);
		}
	}
	if (json_array_size(in->files) > (size_t)tk->attachments) {
		errs_add(e, "tep", "ticket_files_max");
		goto out;
	}
	const char *email = tk->email_field ? kind_text(personal, tk->email_field) : "";
	if (*email && !mail_address_valid(email)) {
		errs_add(e, tk->email_field, "email_invalid");
		goto out;
	}
	if (*email && pdata_tag("email", email, etag)) {
		rc = M_ERROR;
		goto out;
	}
	if (in->addr && *in->addr) {
		char day[64];
		snprintf(day, sizeof(day), "%s|%ld", in->addr, (long)(vn_days_of_time(now)));
		if (pdata_tag("addr", day, atag)) {
			rc = M_ERROR;
			goto out;
		}
	}
	if (db_begin(db)) {
		rc = M_ERROR;
		goto out;
	}
	if (*etag && count_since(db, tk->name, etag, now - DAY, 1) >= tk->per_email_day) {
		errs_add(e, "limit", "ticket_limit_email");
		db_rollback(db);
		goto out;
	}
	if (*atag && count_since(db, tk->name, atag, now - DAY, 0) >= tk->per_addr_day) {
		errs_add(e, "limit", "ticket_limit_addr");
		db_rollback(db);
		goto out;
	}
	int refused = challenge_take(db, in->challenge, now, e);
	if (refused) {
		db_rollback(db);
		rc = refused;
		goto out;
	}
	int64_t due = 0;
	int has_due = compute_due(db, site_id, tk->deadline_kind, now, &due) == 0;
	char *sealed = json_object_size(personal) ? pdata_seal_json(personal) : NULL;
	char *fields = json_dumps(clean, JSON_COMPACT | JSON_SORT_KEYS);
	char title[204];
	snprintf(title, sizeof(title), "%s", tk->title_field ? kind_text(clean, tk->title_field) : "");
	for (size_t n = strlen(title); n && ((unsigned char)title[n - 1] & 0x80); n--) {
		/* a cut inside a character leaves a lead byte without its continuation: drop it */
		unsigned char c = (unsigned char)title[n - 1];
		if (c >= 0xC0) {
			size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
			if (strlen(title) - (n - 1) < want)
				title[n - 1] = '\0';
			break;
		}
	}
	for (char *p = title; *p; p++) /* one line in the inbox */
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	int ok = 0;
	for (int attempt = 0; attempt < 5 && !ok; attempt++) {
		make_code(tk->code_prefix, code);
		struct db_stmt *st = db_stmt(db, "INSERT INTO tickets (kind, code, site_id, origin_site_id, state, title, fields, personal,"
					       " email_tag, addr_tag, show_name, notify, base_url, item_id, deadline_kind, received_at, due_at, updated_at)"
					       " VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?15)"
					       " ON CONFLICT (code) DO NOTHING");
		if (!st)
			break;
		db_bind_text(st, 1, tk->name);
		db_bind_text(st, 2, code);
		db_bind_int(st, 3, site_id);
		db_bind_text(st, 4, TICKET_RECEIVED);
		db_bind_text(st, 5, title);
		db_bind_text(st, 6, fields);
		db_bind_text(st, 7, sealed);
		db_bind_text(st, 8, *etag ? etag : NULL);
		db_bind_text(st, 9, *atag ? atag : NULL);
		db_bind_int(st, 10, in->show_name ? 1 : 0);
		db_bind_int(st, 11, in->notify ? 1 : 0);
		db_bind_text(st, 12, in->base_url ? in->base_url : "");
		if (in->item_id)
			db_bind_int(st, 13, in->item_id);
		db_bind_text(st, 14, tk->deadline_kind);
		db_bind_int(st, 15, now);
		if (has_due && !tk->moderated)
			db_bind_int(st, 16, due);
		if (db_step_done(st))
			break;
		ok = db_changes(db) == 1;
	}
	json_free_str(fields);
	free(sealed);
	if (!ok) {
		db_rollback(db);
		rc = M_ERROR;
		goto out;
	}
	*id = db_last_id(db);
	if (tk->numbered && number_give(db, tk, site_id, *id, now)) {
		db_rollback(db);
		rc = M_ERROR;
		goto out;
	}
	struct ticket t = { .id = *id, .site_id = site_id, .kind = tk };
	char subject[160];
	snprintf(subject, sizeof(subject), "Đã tiếp nhận %s", tk->label);
	char *first = subject + strlen("Đã tiếp nhận "); /* "câu hỏi", in the sentence */
	if (*first >= 'A' && *first <= 'Z')
		*first = (char)(*first - 'A' + 'a');
	snprintf(t.state, sizeof(t.state), "%s", TICKET_RECEIVED);
	snprintf(t.code, sizeof(t.code), "%s", code);
	int at_once = tk->moderated && !ticket_premoderated(db, tk, site_id); /* post-moderation: shown now */
	if (ticket_event(db, NULL, &t, "received", "", 1, tk->moderated ? NULL : subject, now) ||
	    (json_array_size(in->files) && ticket_files_attach(db, NULL, &t, ticket_last_event(db, &t), in->files, now)) ||
	    (at_once && (ticket_set_state(db, &t, TICKET_PUBLISHED, 1, now) ||
			 ticket_event(db, NULL, &t, "accepted", "", 1, NULL, now) || (in->item_id && cache_bump(db, site_id) < 0))) ||
	    audit_write(db, &(struct actor){ .address = "" }, site_id, "ticket.submit", code, tk->name) || db_commit(db)) {
		db_rollback(db);
		rc = M_ERROR;
		goto out;
	}
	rc = M_OK;
out:
	if (rc != M_OK)
		code[0] = '\0';
	json_decref(clean);
	json_decref(personal);
	return rc;
}

int ticket_event(struct db *db, const struct actor *a, const struct ticket *t, const char *action, const char *note,
		 int public, const char *mail_subject, int64_t now)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO ticket_events (ticket_id, at, user_id, site_id, action, note, public)"
				       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	if (!st)
		return -1;
	db_bind_int(st, 1, t->id);
	db_bind_int(st, 2, now);
	if (a && a->id > 0)
		db_bind_int(st, 3, a->id);
	db_bind_int(st, 4, t->site_id);
	db_bind_text(st, 5, action);
	db_bind_text(st, 6, note ? note : "");
	db_bind_int(st, 7, public ? 1 : 0);
	if (db_step_done(st))
		return -1;
	if (public && mail_subject)
		return mail_citizen(db, t->id, mail_subject, note, now);
	return 0;
}

int ticket_set_state(struct db *db, struct ticket *t, const char *state, int closes, int64_t now)
{
	int64_t purge = closes ? now + (int64_t)retention_days(db, t->kind) * DAY : 0;
	struct db_stmt *st = db_stmt(db, "UPDATE tickets SET state = ?2, updated_at = ?3,"
				       " closed_at = CASE WHEN ?4 = 1 THEN ?3 ELSE NULL END,"
				       " purge_after = CASE WHEN ?4 = 1 THEN ?5 ELSE NULL END WHERE id = ?1");
	if (!st)
		return -1;
	db_bind_int(st, 1, t->id);
	db_bind_text(st, 2, state);
	db_bind_int(st, 3, now);
	db_bind_int(st, 4, closes ? 1 : 0);
	db_bind_int(st, 5, purge);
	if (db_step_done(st))
		return -1;
	snprintf(t->state, sizeof(t->state), "%s", state);
	t->closed_at = closes ? now : 0;
	return 0;
}

/* ---- the tracking page ---- */

static void set_time(json_t *o, const char *key, int64_t t)
{
	char buf[40];
	if (!t) {
		json_object_set_new(o, key, json_null());
		return;
	}
	time_format_vn(t, buf, sizeof(buf));
	json_object_set_new(o, key, json_string(buf));
}

static json_t *status_row(struct db *db, const char *code)
{
	if (!code || !*code || strlen(code) > 23)
		return NULL;
	char up[24];
	size_t i = 0;
	for (; code[i]; i++) /* codes are shown in capitals; accept them typed in small letters */
		up[i] = code[i] >= 'a' && code[i] <= 'z' ? (char)(code[i] - 'a' + 'A') : code[i];
	up[i] = '\0';
	struct db_stmt *st = db_stmt(db, "SELECT t.id, t.kind, t.code, t.state, t.title, t.received_at, t.due_at, t.closed_at,"
				       " t.email_tag, t.personal, t.fields, t.item_id, t.site_id, s.name AS site_name, s.slug AS site_slug,"
				       " s.kind AS site_kind, i.slug AS item_slug, i.kind AS item_kind, i.published_at AS item_published"
				       " FROM tickets t JOIN sites s ON s.id = t.site_id LEFT JOIN items i ON i.id = t.item_id"
				       " WHERE t.code = ?1");
	if (!st)
		return NULL;
	db_bind_text(st, 1, up);
	return db_one_json(st);
}

/* INTERNAL: every event with who took it (the staff); else the public ones, a private reply's text
 * only for its OWNER. */
static json_t *status_view(struct db *db, json_t *row, int internal, int owner)
{
	const struct ticket_kind *tk = ticket_kind_find(json_string_value(json_object_get(row, "kind")));
	const char *state = json_string_value(json_object_get(row, "state"));
	json_t *o = json_pack("{sOsssOsOsssOsOsOsOsb}", "kind", json_object_get(row, "kind"), "kind_label", tk ? tk->label : "",
			      "code", json_object_get(row, "code"), "state", json_object_get(row, "state"), "state_label",
			      ticket_state_label(state), "title", json_object_get(row, "title"), "site_name",
			      json_object_get(row, "site_name"), "site_slug", json_object_get(row, "site_slug"), "site_kind",
			      json_object_get(row, "site_kind"), "closed", is_closed(state));
	int64_t due = json_integer_value(json_object_get(row, "due_at"));
	set_time(o, "received_at", json_integer_value(json_object_get(row, "received_at")));
	set_time(o, "due_at", is_closed(state) ? 0 : due);
	set_time(o, "closed_at", json_integer_value(json_object_get(row, "closed_at")));
	if (json_integer_value(json_object_get(row, "item_published")) && json_integer_value(json_object_get(row, "item_id")))
		json_object_set_new(o, "item", json_pack("{sOsOsO}", "id", json_object_get(row, "item_id"), "slug",
							 json_object_get(row, "item_slug"), "kind", json_object_get(row, "item_kind")));
	struct db_stmt *st = internal ? db_stmt(db, "SELECT e.at, e.action, e.note, e.public, u.display_name AS who, s.name AS site_name"
						  " FROM ticket_events e LEFT JOIN users u ON u.id = e.user_id JOIN sites s ON s.id = e.site_id"
						  " WHERE e.ticket_id = ?1 ORDER BY e.id")
				    : db_stmt(db, "SELECT e.at, e.action, e.note, e.public, '' AS who, s.name AS site_name"
						  " FROM ticket_events e JOIN sites s ON s.id = e.site_id"
						  " WHERE e.ticket_id = ?1 AND e.public = 1 ORDER BY e.id");
	json_t *events = json_array();
	if (st) {
		db_bind_int(st, 1, json_integer_value(json_object_get(row, "id")));
		json_t *rows = db_rows_json(st), *ev;
		size_t i;
		json_array_foreach(rows, i, ev) {
			const char *action = json_string_value(json_object_get(ev, "action"));
			const struct ticket_state *ks = kind_state(action);
			int hide = !internal && !owner && (strcmp(action, "replied") == 0 || (ks && ks->private_note));
			json_t *x = json_pack("{sssOsosOsb}", "label", event_label(action),
					      "action", json_object_get(ev, "action"), "note", hide ? json_string("") : json_incref(json_object_get(ev, "note")), "site_name",
					      json_object_get(ev, "site_name"), "public", json_integer_value(json_object_get(ev, "public")) != 0);
			json_object_set(x, "who", json_object_get(ev, "who"));
			set_time(x, "at", json_integer_value(json_object_get(ev, "at")));
			json_array_append_new(events, x);
		}
		json_decref(rows);
	}
	json_object_set_new(o, "events", events);
	return o;
}

json_t *ticket_status(struct db *db, const char *code)
{
	json_t *row = status_row(db, code);
	if (!row)
		return NULL;
	json_t *o = status_view(db, row, 0, 0);
	json_decref(row);
	return o;
}

json_t *ticket_status_owner(struct db *db, const char *code, const char *email)
{
	char tag[PDATA_TAG_LEN + 1];
	json_t *row = status_row(db, code);
	if (!row)
		return NULL;
	const char *have = json_string_value(json_object_get(row, "email_tag"));
	if (!email || !*email || !have || pdata_tag("email", email, tag) || sodium_memcmp(tag, have, PDATA_TAG_LEN) != 0) {
		json_decref(row);
		return NULL;
	}
	json_t *o = status_view(db, row, 0, 1);
	json_t *fields = json_loads(json_string_value(json_object_get(row, "fields")), 0, NULL);
	json_t *personal = pdata_open_json(json_string_value(json_object_get(row, "personal")));
	json_object_set_new(o, "fields", fields ? fields : json_object());
	json_object_set_new(o, "personal", personal ? personal : json_object());
	/* the files the staff sent, each with the token that fetches it */
	json_t *files = ticket_files(db, json_integer_value(json_object_get(row, "id"))), *f;
	size_t i;
	json_array_foreach(files, i, f) {
		char tok[33];
		if (ticket_file_token(json_string_value(json_object_get(row, "code")), json_integer_value(json_object_get(f, "id")), tok) == 0)
			json_object_set_new(f, "token", json_string(tok));
	}
	if (json_array_size(files)) {
		json_object_set_new(o, "files", files);
		json_object_set_new(o, "has_files", json_true());
	}
	else
		json_decref(files);
	json_decref(row);
	return o;
}

int ticket_optout(struct db *db, const char *code, const char *token)
{
	char want[33];
	json_t *row = status_row(db, code);
	if (!row)
		return M_NOTFOUND;
	const char *c = json_string_value(json_object_get(row, "code"));
	int ok = token && strlen(token) == 32 && ticket_optout_token(c, want) == 0 && sodium_memcmp(want, token, 32) == 0;
	int rc = M_NOTFOUND;
	if (ok && db_begin(db) == 0) {
		struct db_stmt *st = db_stmt(db, "UPDATE tickets SET notify = 0 WHERE id = ?1");
		if (st)
			db_bind_int(st, 1, json_integer_value(json_object_get(row, "id")));
		if (!st || db_step_done(st) ||
		    audit_write(db, &(struct actor){ .address = "" }, json_integer_value(json_object_get(row, "site_id")),
				"ticket.mail_optout", c, "") ||
		    db_commit(db)) {
			db_rollback(db);
			rc = M_ERROR;
		} else {
			rc = M_OK;
		}
	}
	json_decref(row);
	return rc;
}

/* ---- the staff's inbox ---- */

/* The end of the working day DUE_SOON_DAYS working days after NOW's day. */
static int64_t soon_limit(struct db *db, int64_t now)
{
	struct vn_calendar *cal = calendar_load(db);
	int32_t today = vn_days_of_time(now), end = today + DUE_SOON_DAYS;
	if (cal)
		vn_calendar_add(cal, today, DUE_SOON_DAYS, &end);
	vn_calendar_free(cal);
	return vn_time_of_days(end + 1) - 1;
}

static const char *box_where(const char *box)
{
	if (!box || strcmp(box, "open") == 0)
		return "open";
	static const char *const boxes[] = { "new", "mine", "open", "due", "overdue", "done", "forwarded" };
	for (size_t i = 0; i < ARRAY_SIZE(boxes); i++)
		if (strcmp(box, boxes[i]) == 0)
			return boxes[i];
	return "open";
}

/* One statement for every box: ?1 site, ?2 box, ?3 kind or '', ?4 actor, ?5 now, ?6 soon. */
#define INBOX_WHERE                                                                                                       \
	" WHERE ((?2 = 'forwarded' AND t.origin_site_id = ?1 AND t.site_id <> ?1) OR (?2 <> 'forwarded' AND t.site_id = ?1))" \
	" AND (?3 = '' OR t.kind = ?3)"                                                                                       \
	" AND (CASE ?2 WHEN 'new' THEN t.state = 'received'"                                                                  \
	" WHEN 'mine' THEN t.assignee_id = ?4 AND t.closed_at IS NULL"                                                        \
	" WHEN 'due' THEN t.closed_at IS NULL AND t.due_at IS NOT NULL AND t.due_at >= ?5 AND t.due_at <= ?6"                 \
	" WHEN 'overdue' THEN t.closed_at IS NULL AND t.due_at IS NOT NULL AND t.due_at < ?5"                                 \
	" WHEN 'done' THEN t.closed_at IS NOT NULL"                                                                           \
	" WHEN 'forwarded' THEN 1 = 1"                                                                                        \
	" ELSE t.closed_at IS NULL END)"

static void bind_inbox(struct db_stmt *st, int64_t site_id, const char *box, const char *kind, const struct actor *a,
		       int64_t now, int64_t soon)
{
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, box);
	db_bind_text(st, 3, kind ? kind : "");
	db_bind_int(st, 4, a->id);
	db_bind_int(st, 5, now);
	db_bind_int(st, 6, soon);
}

json_t *ticket_inbox(struct db *db, const struct actor *a, int64_t site_id, const char *box, const char *kind,
		     int64_t now, int limit, int offset, int64_t *total)
{
	if (actor_level(db, a, site_id) < LVL_REPORTER)
		return NULL;
	box = box_where(box);
	int64_t soon = soon_limit(db, now);
	if (total) {
		struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM tickets t" INBOX_WHERE);
		*total = 0;
		if (st) {
			bind_inbox(st, site_id, box, kind, a, now, soon);
			db_one_int(st, total);
		}
	}
	struct db_stmt *st = db_stmt(db, "SELECT t.id, t.code, t.kind, t.title, t.state, t.received_at, t.due_at, t.closed_at,"
				       " t.number, u.display_name AS assignee, s.name AS site_name FROM tickets t"
				       " JOIN sites s ON s.id = t.site_id LEFT JOIN users u ON u.id = t.assignee_id" INBOX_WHERE
				       " ORDER BY CASE WHEN ?2 IN ('due', 'overdue') THEN t.due_at ELSE 0 END, t.received_at DESC, t.id DESC"
				       " LIMIT ?7 OFFSET ?8");
	json_t *out = json_array();
	if (!st)
		return out;
	bind_inbox(st, site_id, box, kind, a, now, soon);
	db_bind_int(st, 7, limit);
	db_bind_int(st, 8, offset);
	json_t *rows = db_rows_json(st), *row;
	size_t i;
	json_array_foreach(rows, i, row) {
		const struct ticket_kind *tk = ticket_kind_find(json_string_value(json_object_get(row, "kind")));
		const char *state = json_string_value(json_object_get(row, "state"));
		int64_t due = json_integer_value(json_object_get(row, "due_at"));
		json_object_set_new(row, "kind_label", json_string(tk ? tk->label : ""));
		json_object_set_new(row, "state_label", json_string(ticket_state_label(state)));
		json_object_set_new(row, "overdue", json_boolean(due && !is_closed(state) && due < now));
		set_time(row, "received_at", json_integer_value(json_object_get(row, "received_at")));
		set_time(row, "due_at", due);
		json_array_append(out, row);
	}
	json_decref(rows);
	return out;
}

json_t *ticket_inbox_counts(struct db *db, const struct actor *a, int64_t site_id, int64_t now)
{
	static const char *const boxes[] = { "new", "mine", "open", "due", "overdue", "done", "forwarded" };
	if (actor_level(db, a, site_id) < LVL_REPORTER)
		return NULL;
	int64_t soon = soon_limit(db, now);
	json_t *o = json_object();
	struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM tickets t" INBOX_WHERE);
	for (size_t i = 0; st && i < ARRAY_SIZE(boxes); i++) {
		bind_inbox(st, site_id, boxes[i], NULL, a, now, soon);
		int64_t n = 0;
		db_one_int(st, &n);
		json_object_set_new(o, boxes[i], json_integer(n));
	}
	return o;
}

/* ---- one ticket ---- */

static const char *action_label(const char *key)
{
	for (size_t i = 0; i < ARRAY_SIZE(action_labels); i++)
		if (strcmp(action_labels[i].key, key) == 0)
			return action_labels[i].label;
	return key;
}

static json_t *actions_for(struct db *db, const struct actor *a, const struct ticket *t, int64_t site_id)
{
	json_t *acts = json_array();
	if (t->site_id != site_id || actor_level(db, a, site_id) < LVL_REPORTER)
		return acts; /* the site it came from reads it after forwarding, without acting */
	const char *s = t->state;
	int open = !is_closed(s) && strcmp(s, TICKET_ANSWERED) != 0;
#define ACT(k, l) json_array_append_new(acts, json_pack("{ssssss}", "action", k, "label", action_label(l), "text", l))
	if (!is_closed(s))
		ACT("assign", "assign");
	ACT("note", "note");
	if (t->kind->own_flow) {
		/* the kind's hook offers the rest */
	} else if (t->kind->moderated) {
		if (strcmp(s, TICKET_RECEIVED) == 0) {
			ACT("accept", "accept");
			ACT("reject", "reject");
		} else if (strcmp(s, TICKET_PUBLISHED) == 0) { /* shown at once (post-moderation), or accepted */
			ACT("reject", "withdraw");
		}
	} else if (open) {
		ACT("classify", "classify");
		if (t->kind->forwardable)
			ACT("forward", "forward");
		ACT("refuse", "refuse");
		if (t->kind->item_kind)
			ACT("answer", "answer");
		ACT("reply", "reply");
	}
#undef ACT
	if (t->kind->actions) {
		json_t *more = t->kind->actions(t->kind, t);
		json_array_extend(acts, more);
		json_decref(more);
	}
	return acts;
}

json_t *ticket_get(struct db *db, const struct actor *a, int64_t site_id, int64_t id, int with_personal)
{
	struct ticket t;
	if (ticket_load(db, id, &t) != M_OK)
		return NULL;
	json_t *out = NULL;
	if ((t.site_id != site_id && t.origin_site_id != site_id) || actor_level(db, a, site_id) < LVL_REPORTER)
		goto done;
	struct db_stmt *st = db_stmt(db, "SELECT t.id, t.kind, t.code, t.state, t.title, t.received_at, t.due_at, t.closed_at,"
				       " t.email_tag, t.personal, t.fields, t.item_id, t.site_id, t.number, t.show_name, t.notify,"
				       " t.deadline_kind, t.assignee_id, t.origin_site_id, s.name AS site_name, s.slug AS site_slug,"
				       " s.kind AS site_kind, i.slug AS item_slug, i.kind AS item_kind, i.published_at AS item_published,"
				       " i.state AS item_state, i.title AS item_title FROM tickets t JOIN sites s ON s.id = t.site_id"
				       " LEFT JOIN items i ON i.id = t.item_id WHERE t.id = ?1");
	if (!st)
		goto done;
	db_bind_int(st, 1, id);
	json_t *row = db_one_json(st);
	if (!row)
		goto done;
	out = status_view(db, row, 1, 1);
	json_object_set_new(out, "id", json_integer(id));
	json_object_set(out, "fields", t.fields);
	json_object_set_new(out, "has_personal", json_boolean(json_string_value(json_object_get(row, "personal")) != NULL));
	json_object_set(out, "show_name", json_object_get(row, "show_name"));
	json_object_set(out, "notify", json_object_get(row, "notify"));
	json_object_set(out, "number", json_object_get(row, "number"));
	if (t.number)
		json_object_set_new(out, "number_year", json_integer(t.number_year));
	json_object_set(out, "deadline_kind", json_object_get(row, "deadline_kind"));
	json_object_set(out, "assignee_id", json_object_get(row, "assignee_id"));
	json_object_set_new(out, "overdue", json_boolean(t.due_at && !is_closed(t.state) && t.due_at < time_now()));
	json_object_set_new(out, "here", json_boolean(t.site_id == site_id));
	if (t.item_id)
		json_object_set_new(out, "answer_item", json_pack("{sIsssOsO}", "id", (json_int_t)t.item_id, "state",
								  article_state_label(json_string_value(json_object_get(row, "item_state"))),
								  "title", json_object_get(row, "item_title"), "kind", json_object_get(row, "item_kind")));
	/* the staff handling it, not the site it was forwarded from */
	if (with_personal && t.site_id == site_id && json_string_value(json_object_get(row, "personal"))) {
		json_t *p = pdata_open_json(json_string_value(json_object_get(row, "personal")));
		json_object_set_new(out, "personal", p ? p : json_object());
		if (audit_write(db, a, site_id, "ticket.personal_view", t.code, t.kind->name)) {
			json_decref(out);
			out = NULL;
			json_decref(row);
			goto done;
		}
	}
	json_object_set_new(out, "actions", actions_for(db, a, &t, site_id));
	json_t *files = ticket_files(db, id);
	if (json_array_size(files)) {
		json_object_set_new(out, "files", files);
		json_object_set_new(out, "has_files", json_true());
	}
	else
		json_decref(files);
	json_decref(row);
done:
	ticket_release(&t);
	return out;
}

/* ---- acting ---- */

static const char *in_str(json_t *in, const char *key)
{
	const char *s = json_string_value(json_object_get(in, key));
	return s ? s : "";
}

char *ticket_initials(const char *name)
{
	struct sb b = SB_INIT;
	const char *s = name ? name : "";
	while (*s) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		size_t len = 1; /* a whole UTF-8 character (the text is NFC) */
		while (s[len] && ((unsigned char)s[len] & 0xC0) == 0x80)
			len++;
		sb_add(&b, s, len);
		sb_addc(&b, '.');
		while (*s && *s != ' ')
			s++;
	}
	return sb_detach(&b, NULL);
}

/* The name as published: the citizen's full name when they agreed, else its initials ("N.V.A."). */
static char *public_name(struct db *db, const struct ticket *t)
{
	struct db_stmt *st = db_stmt(db, "SELECT personal, show_name FROM tickets WHERE id = ?1");
	if (!st)
		return xstrdup("");
	db_bind_int(st, 1, t->id);
	json_t *row = db_one_json(st);
	json_t *p = row ? pdata_open_json(json_string_value(json_object_get(row, "personal"))) : NULL;
	const char *name = p && t->kind->name_field ? kind_text(p, t->kind->name_field) : "";
	struct sb b = SB_INIT;
	if (json_integer_value(json_object_get(row, "show_name"))) {
		sb_adds(&b, name);
	} else {
		char *ini = ticket_initials(name);
		sb_adds(&b, ini);
		free(ini);
	}
	json_decref(p);
	json_decref(row);
	return sb_detach(&b, NULL);
}

static int act_answer(struct db *db, const struct actor *a, struct ticket *t, json_t *in, int64_t now, struct errs *e)
{
	const char *body = in_str(in, "body"), *answerer = in_str(in, "answerer"), *agency = in_str(in, "agency");
	if (!*body)
		errs_add(e, "body", "required");
	if (!*agency)
		errs_add(e, "agency", "required");
	if (e->n)
		return M_INVALID;
	char asked[11], answered[11];
	vn_date_format(vn_days_to_date(vn_days_of_time(t->received_at)), asked);
	vn_date_format(vn_days_to_date(vn_days_of_time(now)), answered);
	char *name = public_name(db, t);
	json_t *fields = json_pack("{ssssssssss}", "nguoi_hoi", name, "ngay_hoi", asked, "co_quan_tra_loi", agency,
				   "nguoi_tra_loi", answerer, "ngay_tra_loi", answered);
	free(name);
	/* the ticket's public fields pass to the item where its kind has them (the question, the
	 * field, the regulation concerned) */
	const struct kind *ik = kind_find(t->kind->item_kind);
	const char *key;
	json_t *v;
	json_object_foreach(t->fields, key, v) {
		if (!json_object_get(fields, key) && ik && kind_field(ik, key)) {
			char *txt = kind_value_machine(kind_field(ik, key), v);
			json_object_set_new(fields, key, json_string(txt));
			free(txt);
		}
	}
	struct article_input ai = { .kind = t->kind->item_kind, .fields = fields, .title = kind_text(t->fields, t->kind->title_field),
				    .body = body, .intake_received_at = t->received_at,
				    .note = "Trả lời từ hộp thư tiếp nhận" };
	int64_t item_id = t->item_id;
	int rc = article_save_submit(db, a, t->site_id, t->item_id, &ai, e, &item_id);
	json_decref(fields);
	if (rc != M_OK)
		return rc;
	struct db_stmt *st = db_stmt(db, "UPDATE tickets SET item_id = ?2 WHERE id = ?1");
	if (!st)
		return M_ERROR;
	db_bind_int(st, 1, t->id);
	db_bind_int(st, 2, item_id);
	if (db_step_done(st) || ticket_set_state(db, t, TICKET_ANSWERED, 0, now) ||
	    ticket_event(db, a, t, "answered", "", 1, NULL, now))
		return M_ERROR;
	t->item_id = item_id;
	return M_OK;
}

static int act_forward(struct db *db, const struct actor *a, struct ticket *t, json_t *in, int64_t now, struct errs *e)
{
	int64_t to = strtoll(in_str(in, "site_id"), NULL, 10);
	const char *note = in_str(in, "note");
	json_t *site = to > 0 ? site_get(db, to) : NULL;
	if (!site || to == t->site_id)
		errs_add(e, "site_id", "ticket_forward_site");
	if (!*note)
		errs_add(e, "note", "required");
	if (e->n) {
		json_decref(site);
		return M_INVALID;
	}
	char msg[512];
	snprintf(msg, sizeof(msg), "Chuyển đến %s: %s", json_string_value(json_object_get(site, "name")), note);
	json_decref(site);
	/* the event is written on the site it leaves; the ticket moves with its deadline */
	if (ticket_event(db, a, t, "forwarded", msg, 1, "Đã chuyển đến cơ quan có thẩm quyền trả lời", now))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "UPDATE tickets SET site_id = ?2, assignee_id = NULL, state = ?3, updated_at = ?4 WHERE id = ?1");
	if (!st)
		return M_ERROR;
	db_bind_int(st, 1, t->id);
	db_bind_int(st, 2, to);
	db_bind_text(st, 3, TICKET_RECEIVED);
	db_bind_int(st, 4, now);
	if (db_step_done(st) || cache_bump(db, to) < 0)
		return M_ERROR;
	t->site_id = to;
	return M_OK;
}

static int act_classify(struct db *db, struct ticket *t, json_t *in, int64_t now, struct errs *e)
{
	const char *dk = in_str(in, "deadline_kind"), *field = in_str(in, "linh_vuc");
	int ok = !*dk || strcmp(dk, t->kind->deadline_kind) == 0;
	for (const char *const *c = t->kind->deadline_choices; !ok && c && *c; c++)
		ok = strcmp(dk, *c) == 0;
	if (!ok) {
		errs_add(e, "deadline_kind", "invalid");
		return M_INVALID;
	}
	if (!*dk)
		dk = t->deadline_kind;
	int64_t due = 0;
	int has_due = compute_due(db, t->site_id, dk, t->received_at, &due) == 0;
	if (*field) {
		const struct kind_field *f = kind_field(t->kind->form, "linh_vuc");
		if (f && f->type == F_ENUM && !kind_choice_known(f, field) && !(f->flags & FF_OPEN)) {
			errs_add(e, "linh_vuc", "invalid");
			return M_INVALID;
		}
		json_object_set_new(t->fields, "linh_vuc", json_string(field));
	}
	char *fields = json_dumps(t->fields, JSON_COMPACT | JSON_SORT_KEYS);
	struct db_stmt *st = db_stmt(db, "UPDATE tickets SET deadline_kind = ?2, due_at = ?3, fields = ?4, state = ?5, updated_at = ?6"
				       " WHERE id = ?1");
	int rc = M_ERROR;
	if (st) {
		db_bind_int(st, 1, t->id);
		db_bind_text(st, 2, dk);
		if (has_due)
			db_bind_int(st, 3, due);
		db_bind_text(st, 4, fields);
		db_bind_text(st, 5, TICKET_OPEN);
		db_bind_int(st, 6, now);
		rc = db_step_done(st) ? M_ERROR : M_OK;
	}
	json_free_str(fields);
	snprintf(t->state, sizeof(t->state), "%s", TICKET_OPEN);
	return rc;
}

static int act_assign(struct db *db, const struct actor *a, struct ticket *t, json_t *in, int64_t now, struct errs *e)
{
	const char *uid = in_str(in, "user_id");
	int64_t user = *uid ? strtoll(uid, NULL, 10) : 0;
	char note[200] = "";
	if (user) {
		struct actor who = { .id = user };
		json_t *u = NULL;
		struct db_stmt *st = db_stmt(db, "SELECT display_name, username FROM users WHERE id = ?1 AND disabled = 0");
		if (st) {
			db_bind_int(st, 1, user);
			u = db_one_json(st);
		}
		if (!u || actor_level(db, &who, t->site_id) < LVL_REPORTER) {
			json_decref(u);
			errs_add(e, "user_id", "ticket_assign_user");
			return M_INVALID;
		}
		snprintf(note, sizeof(note), "%s", json_string_value(json_object_get(u, "display_name")));
		json_decref(u);
	}
	/* a kind with its own life cycle moves only by its own steps */
	struct db_stmt *st = db_stmt(db, "UPDATE tickets SET assignee_id = ?2, updated_at = ?3,"
				       " state = CASE WHEN state = 'received' AND ?4 = 0 THEN 'processing' ELSE state END WHERE id = ?1");
	if (!st)
		return M_ERROR;
	db_bind_int(st, 1, t->id);
	db_bind_int(st, 4, t->kind->own_flow ? 1 : 0);
	if (user)
		db_bind_int(st, 2, user);
	db_bind_int(st, 3, now);
	if (db_step_done(st) || ticket_event(db, a, t, "assigned", note, 0, NULL, now))
		return M_ERROR;
	return M_OK;
}

int ticket_act(struct db *db, const struct actor *a, int64_t site_id, int64_t id, const char *action, json_t *in,
	       int64_t now, struct errs *e)
{
	struct ticket t;
	int rc = ticket_load(db, id, &t);
	if (rc != M_OK)
		return rc;
	if (t.site_id != site_id) {
		ticket_release(&t);
		return t.origin_site_id == site_id ? M_DENIED : M_NOTFOUND;
	}
	if (actor_level(db, a, site_id) < LVL_REPORTER) {
		ticket_release(&t);
		return M_DENIED;
	}
	if (db_begin(db)) {
		ticket_release(&t);
		return M_ERROR;
	}
	int closed = is_closed(t.state), answered = strcmp(t.state, TICKET_ANSWERED) == 0;
	const struct ticket_kind *tk = t.kind;
	rc = M_OK;
	if (strcmp(action, "note") == 0) {
		const char *note = in_str(in, "note");
		if (!*note) {
			errs_add(e, "note", "required");
			rc = M_INVALID;
		} else if (ticket_event(db, a, &t, "note", note, 0, NULL, now)) {
			rc = M_ERROR;
		}
	} else if (strcmp(action, "assign") == 0 && !closed) {
		rc = act_assign(db, a, &t, in, now, e);
	} else if (tk->own_flow) {
		rc = tk->act ? tk->act(db, a, &t, action, in, now, e) : M_NOTFOUND;
	} else if (tk->moderated && (strcmp(action, "accept") == 0 || strcmp(action, "reject") == 0)) {
		int accept = action[0] == 'a';
		const char *reason = in_str(in, "reason");
		if (strcmp(t.state, TICKET_RECEIVED) != 0 && (accept || strcmp(t.state, TICKET_PUBLISHED) != 0)) {
			errs_add(e, "action", "ticket_state_changed");
			rc = M_INVALID;
		} else if (!accept && *reason && !refusal_label(reason)) {
			errs_add(e, "reason", "invalid");
			rc = M_INVALID;
		} else if (ticket_set_state(db, &t, accept ? TICKET_PUBLISHED : TICKET_REFUSED, 1, now) ||
			   ticket_event(db, a, &t, accept ? "accepted" : "rejected", accept ? "" : (refusal_label(reason) ? refusal_label(reason) : ""),
					1, accept ? "Ý kiến của Ông/Bà đã được đăng" : "Ý kiến của Ông/Bà không được đăng", now) ||
			   (t.item_id && cache_bump(db, t.site_id) < 0)) {
			rc = M_ERROR;
		}
	} else if (tk->moderated || closed || answered) {
		if (tk->act && !closed) {
			rc = tk->act(db, a, &t, action, in, now, e);
		} else {
			errs_add(e, "action", "ticket_state_changed");
			rc = M_INVALID;
		}
	} else if (strcmp(action, "classify") == 0) {
		rc = act_classify(db, &t, in, now, e);
		if (rc == M_OK && ticket_event(db, a, &t, "classified", in_str(in, "deadline_kind"), 0, NULL, now))
			rc = M_ERROR;
	} else if (strcmp(action, "forward") == 0 && tk->forwardable) {
		rc = act_forward(db, a, &t, in, now, e);
	} else if (strcmp(action, "refuse") == 0) {
		const char *reason = refusal_label(in_str(in, "reason")), *note = in_str(in, "note");
		if (!reason) {
			errs_add(e, "reason", "required");
			rc = M_INVALID;
		} else {
			struct sb msg = SB_INIT;
			sb_adds(&msg, reason);
			if (*note)
				sb_addf(&msg, ". %s", note);
			if (ticket_set_state(db, &t, TICKET_REFUSED, 1, now) ||
			    ticket_event(db, a, &t, "refused", msg.buf, 1, "Không thể tiếp nhận, trả lời", now))
				rc = M_ERROR;
			sb_release(&msg);
		}
	} else if (strcmp(action, "answer") == 0 && tk->item_kind) {
		rc = act_answer(db, a, &t, in, now, e);
	} else if (strcmp(action, "reply") == 0) {
		char *body = text_clean(in_str(in, "body"), 1);
		if (!body || !*body) {
			errs_add(e, "body", "required");
			rc = M_INVALID;
		} else if (ticket_set_state(db, &t, TICKET_CLOSED, 1, now) ||
			   ticket_event(db, a, &t, "replied", body, 1, "Đã có trả lời", now)) {
			rc = M_ERROR;
		}
		free(body);
	} else if (tk->act) {
		rc = tk->act(db, a, &t, action, in, now, e);
	} else {
		rc = M_NOTFOUND;
	}
	if (rc == M_OK) {
		char detail[96];
		snprintf(detail, sizeof(detail), "%s %s", tk->name, action);
		if (audit_write(db, a, site_id, "ticket.act", t.code, detail))
			rc = M_ERROR;
	}
	if (rc != M_OK)
		db_rollback(db);
	else if (db_commit(db))
		rc = M_ERROR;
	ticket_release(&t);
	return rc;
}

/* ---- the scheduler's part ---- */

/* Runs STEP on each ticket ST names (its first column the id), each in its own transaction with
 * the scheduler's audit record ACTION; how many were done, -1 on a store error. */
static int each_ticket(struct db *db, struct db_stmt *st,
		       int (*step)(struct db *db, struct ticket *t, int64_t now, void *arg), void *arg, const char *action,
		       int64_t now)
{
	if (!st)
		return -1;
	json_t *rows = db_rows_json(st), *row;
	size_t i;
	int n = 0;
	json_array_foreach(rows, i, row) {
		struct ticket t;
		if (ticket_load(db, json_integer_value(json_object_get(row, "id")), &t) != M_OK)
			continue;
		if (db_begin(db) == 0) {
			if (step(db, &t, now, arg) || audit_write(db, &actor_cli, t.site_id, action, t.code, t.kind->name) ||
			    db_commit(db))
				db_rollback(db);
			else
				n++;
		}
		ticket_release(&t);
	}
	json_decref(rows);
	return n;
}

static int sync_one(struct db *db, struct ticket *t, int64_t now, void *arg)
{
	(void)arg;
	return ticket_set_state(db, t, TICKET_PUBLISHED, 1, now) ||
	       ticket_event(db, NULL, t, "published", "", 1, "Câu trả lời đã được đăng công khai", now);
}

int ticket_sync(struct db *db, int64_t now)
{
	return each_ticket(db, db_stmt(db, "SELECT t.id FROM tickets t JOIN items i ON i.id = t.item_id"
					  " WHERE t.state = 'answered' AND i.published_at IS NOT NULL LIMIT 200"),
			   sync_one, NULL, "ticket.published", now);
}

/* ARG: the files' sha256 whose bytes may go once the ticket's transaction is committed. */
static int purge_one(struct db *db, struct ticket *t, int64_t now, void *arg)
{
	struct db_stmt *up = db_stmt(db, "UPDATE tickets SET personal = NULL, email_tag = NULL, addr_tag = NULL, notify = 0"
				       " WHERE id = ?1");
	struct db_stmt *mail = db_stmt(db, "DELETE FROM mail_outbox WHERE ticket_id = ?1");
	if (!up || !mail)
		return -1;
	db_bind_int(up, 1, t->id);
	db_bind_int(mail, 1, t->id);
	return db_step_done(up) || db_step_done(mail) || ticket_files_drop(db, t, arg) ||
	       ticket_event(db, NULL, t, "personal_purged", "", 0, NULL, now);
}

int ticket_purge(struct db *db, const char *data_dir, int64_t now)
{
	struct db_stmt *st = db_stmt(db, "SELECT id FROM tickets WHERE purge_after IS NOT NULL AND purge_after <= ?1"
				       " AND (personal IS NOT NULL OR email_tag IS NOT NULL"
				       " OR EXISTS (SELECT 1 FROM ticket_files f WHERE f.ticket_id = tickets.id)) LIMIT 500");
	if (st)
		db_bind_int(st, 1, now);
	json_t *gone = json_array();
	int n = each_ticket(db, st, purge_one, gone, "ticket.personal_purged", now);
	/* a rolled-back ticket's files are still named by its rows: only unreferenced bytes go */
	size_t i;
	json_t *sha;
	json_array_foreach(gone, i, sha) {
		struct db_stmt *left = db_stmt(db, "SELECT count(*) FROM ticket_files WHERE sha256 = ?1");
		if (!left)
			break;
		db_bind_text(left, 1, json_string_value(sha));
		int64_t refs = 0;
		int none = db_one_int(left, &refs) == 1 && refs == 0;
		if (none)
			ticket_file_unlink(data_dir, json_string_value(sha));
	}
	json_decref(gone);
	return n;
}

int ticket_premoderated(struct db *db, const struct ticket_kind *tk, int64_t site_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT premoderate FROM ticket_moderation WHERE site_id = ?1 AND kind = ?2");
	if (!st)
		return 1; /* when in doubt, nothing shows unread */
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, tk->name);
	int64_t on = 1; /* no row (never set) or an error: on, as above */
	db_one_int(st, &on);
	return on != 0;
}

int ticket_premoderation_set(struct db *db, const struct actor *a, int64_t site_id, const char *kind, int on)
{
	const struct ticket_kind *tk = ticket_kind_find(kind);
	if (!tk || !tk->moderated)
		return M_NOTFOUND;
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	struct db_stmt *st = db_stmt(db, "INSERT INTO ticket_moderation (site_id, kind, premoderate) VALUES (?1, ?2, ?3)"
				       " ON CONFLICT (site_id, kind) DO UPDATE SET premoderate = excluded.premoderate");
	if (!st || db_begin(db))
		return M_ERROR;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, tk->name);
	db_bind_int(st, 3, on ? 1 : 0);
	if (db_step_done(st) || audit_write(db, a, site_id, "ticket.moderation", tk->name, on ? "pre" : "post") || db_commit(db)) {
		db_rollback(db);
		return M_ERROR;
	}
	return M_OK;
}
