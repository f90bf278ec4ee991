/* workflow.c — the editorial workflow of VL Đ11, TQ Đ12, ĐT Đ5.4, BT Đ4.4: who may move an
 * item from which state to which, with the timeline, the scheduler's publishing, withdrawal
 * (410 with the reason) and corrections. One table of rules; every exception is written below it.
 *
 *   draft ─submit→ submitted ─edited→ edited ─publish/schedule→ published ─withdraw→ withdrawn
 *     ↑               │ return/refuse    │ return/refuse              │ correct (a dated note)
 *   returned ←────────┴──────────────────┘
 *
 * On a one-step site the approver publishes from "submitted". A published item being changed
 * runs the same steps on its pending change (items.change_state); publishing the change
 * copies its revision over the public version. */
#include "internal.h"
#include "kind.h"
#include "webhook.h"
#include "db/db.h"
#include "base/log.h"
#include "base/util.h"
#include "search/search.h"
#include "vn/slug.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static const struct rule {
	const char *action;
	const char *label;   /* the button */
	const char *from[4]; /* workflow states it starts from */
	int level;           /* the least role level */
	const char *to;
	int needs_comment;
} rules[] = {
	{ "submit", "Gửi biên tập", { "draft", "returned" }, LVL_REPORTER, "submitted", 0 },
	{ "edited", "Biên tập xong, trình duyệt", { "submitted" }, LVL_EDITOR, "edited", 0 },
	{ "return", "Trả lại tác giả", { "submitted", "edited" }, LVL_EDITOR, "returned", 1 },
	{ "refuse", "Từ chối đăng", { "submitted", "edited" }, LVL_APPROVER, "refused", 1 },
	{ "publish", "Duyệt và xuất bản", { "submitted", "edited", "scheduled", "withdrawn" }, LVL_APPROVER, "published", 0 },
	{ "schedule", "Hẹn giờ xuất bản", { "submitted", "edited" }, LVL_APPROVER, "scheduled", 0 },
	{ "unschedule", "Hủy hẹn giờ", { "scheduled" }, LVL_APPROVER, "edited", 0 },
	{ "withdraw", "Gỡ bài", { "published" }, LVL_APPROVER, "withdrawn", 1 },
	{ "correct", "Đăng cải chính", { "published" }, LVL_APPROVER, "published", 1 },
};

size_t article_action_names(const char **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < ARRAY_SIZE(rules) && n < max; i++)
		out[n++] = rules[i].action;
	return n;
}

static const char *const state_labels[][2] = {
	{ "draft", "Bản nháp" }, { "submitted", "Chờ biên tập" }, { "edited", "Chờ duyệt" },
	{ "returned", "Trả lại tác giả" }, { "refused", "Từ chối đăng" }, { "scheduled", "Hẹn giờ xuất bản" },
	{ "published", "Đã xuất bản" }, { "withdrawn", "Đã gỡ" },
};

/* VL Đ11.3: the reasons information is refused. */
static const char *const refusal_reasons[][2] = {
	{ "a", "Nội dung không phù hợp với chủ trương, đường lối, chính sách của Đảng, pháp luật của Nhà nước" },
	{ "b", "Nội dung thuộc bí mật nhà nước hoặc chưa được phép phổ biến công khai" },
	{ "c", "Thông tin không đúng sự thật" },
	{ "d", "Thông tin không bảo đảm chất lượng" },
	{ "đ", "Thông tin khác theo quy định của pháp luật không được đăng tải" },
};

const char *article_state_label(const char *state)
{
	for (size_t i = 0; state && i < ARRAY_SIZE(state_labels); i++)
		if (strcmp(state, state_labels[i][0]) == 0)
			return state_labels[i][1];
	return state ? state : "";
}

json_t *article_refusal_reasons(json_t *texts)
{
	json_t *a = json_array();
	for (size_t i = 0; i < ARRAY_SIZE(refusal_reasons); i++) {
		char key[32];
		snprintf(key, sizeof(key), "wf.reason.%s", refusal_reasons[i][0]);
		const char *t = json_string_value(json_object_get(texts, key));
		json_array_append_new(a, json_pack("{ssss}", "code", refusal_reasons[i][0], "label", t && *t ? t : refusal_reasons[i][1]));
	}
	return a;
}

static const char *reason_label(const char *code);

/* ---- the workflow's texts in every language (#16) ----
 * Vietnamese has one source, the tables above; wf_locale_add gives them locale keys
 * ("wf.state.<state>", "wf.action.<action>", "wf.reason.<code>") in the loaded "vi" texts, and
 * locale/<lang>/admin.json translates them. */

static const char *wf_text(json_t *texts, const char *group, const char *code, const char *vi)
{
	char key[64];
	snprintf(key, sizeof(key), "wf.%s.%s", group, code ? code : "");
	const char *s = json_string_value(json_object_get(texts, key));
	return s && *s ? s : vi;
}

const char *article_state_text(json_t *texts, const char *state)
{
	return wf_text(texts, "state", state, article_state_label(state));
}

const char *article_action_text(json_t *texts, const char *action)
{
	for (size_t i = 0; action && i < ARRAY_SIZE(rules); i++)
		if (strcmp(rules[i].action, action) == 0)
			return wf_text(texts, "action", action, rules[i].label);
	return action ? action : "";
}

const char *article_reason_text(json_t *texts, const char *code)
{
	const char *vi = reason_label(code);
	return vi ? wf_text(texts, "reason", code, vi) : NULL;
}

int wf_locale_add(json_t *vi, char *err, size_t n)
{
	json_t *all = json_object();
	char key[64];
	for (size_t i = 0; i < ARRAY_SIZE(state_labels); i++) {
		snprintf(key, sizeof(key), "wf.state.%s", state_labels[i][0]);
		json_object_set_new(all, key, json_string(state_labels[i][1]));
	}
	for (size_t i = 0; i < ARRAY_SIZE(rules); i++) {
		snprintf(key, sizeof(key), "wf.action.%s", rules[i].action);
		json_object_set_new(all, key, json_string(rules[i].label));
	}
	for (size_t i = 0; i < ARRAY_SIZE(refusal_reasons); i++) {
		snprintf(key, sizeof(key), "wf.reason.%s", refusal_reasons[i][0]);
		json_object_set_new(all, key, json_string(refusal_reasons[i][1]));
	}
	const char *k;
	json_t *v;
	json_object_foreach(all, k, v)
		if (json_object_get(vi, k)) {
			snprintf(err, n, "locale/vi: \"%s\" is the workflow's text (model/workflow.c), not a locale file's", k);
			json_decref(all);
			return -1;
		}
	json_object_update(vi, all);
	json_decref(all);
	return 0;
}

static const char *reason_label(const char *code)
{
	for (size_t i = 0; code && i < ARRAY_SIZE(refusal_reasons); i++)
		if (strcmp(code, refusal_reasons[i][0]) == 0)
			return refusal_reasons[i][1];
	return NULL;
}

static const struct rule *rule_find(const char *action)
{
	for (size_t i = 0; action && i < ARRAY_SIZE(rules); i++)
		if (strcmp(rules[i].action, action) == 0)
			return &rules[i];
	return NULL;
}

static int from_ok(const struct rule *r, const char *state)
{
	for (size_t i = 0; i < ARRAY_SIZE(r->from) && r->from[i]; i++)
		if (strcmp(r->from[i], state) == 0)
			return 1;
	return 0;
}

/* Withdrawal and correction concern the public item, whatever change is pending on it. */
static const char *rule_state(const struct rule *r, json_t *art)
{
	if (strcmp(r->action, "withdraw") == 0 || strcmp(r->action, "correct") == 0)
		return json_string_value(json_object_get(art, "state"));
	return article_wstate(art);
}

/* The kind's rules for what is published (kind.publish_check) on the version of ID that would
 * become public: its pending change's, else its own. */
void item_publish_check(struct db *db, int64_t site_id, int64_t id, struct errs *e)
{
	struct db_stmt *st = db_stmt(db, "SELECT i.kind, coalesce(r.fields, i.fields) FROM items i"
				       " LEFT JOIN revisions r ON r.id = i.pending_rev_id WHERE i.id = ?");
	if (!st)
		return;
	db_bind_int(st, 1, id);
	const struct kind *k = NULL;
	json_t *fields = NULL;
	if (db_step(st) == DB_ROW) {
		k = kind_find(db_col_text(st, 0));
		const char *f = db_col_text(st, 1);
		fields = f ? json_loads(f, 0, NULL) : NULL;
	}
	db_reset(st);
	if (k && k->publish_check)
		k->publish_check(db, k, site_id, json_is_object(fields) ? fields : NULL, e);
	json_decref(fields);
}

/* Why A may not take action R on ART now (a message key), or NULL when it may. */
static const char *rule_refusal(struct db *db, const struct actor *a, int64_t site_id, json_t *art,
				const struct rule *r)
{
	int lvl = actor_level(db, a, site_id);
	const char *state = rule_state(r, art);
	int own = json_integer_value(json_object_get(art, "created_by")) == a->id && a->id;
	int pending = json_is_true(json_object_get(art, "has_pending_change"));

	if (lvl < r->level)
		return "wf_role";
	if (!from_ok(r, state))
		return "wf_state";
	if (lvl == LVL_REPORTER && !own)
		return "wf_role";
	json_t *site = site_get(db, site_id);
	int steps = (int)json_integer_value(json_object_get(site, "approval_steps"));
	int may_self = (int)json_integer_value(json_object_get(site, "approver_may_be_author"));
	json_decref(site);
	int publishing = strcmp(r->action, "publish") == 0 || strcmp(r->action, "schedule") == 0;
	if (publishing && steps != 1 && strcmp(state, "submitted") == 0)
		return "wf_needs_editing"; /* two steps: an editor first */
	if (publishing && own && !may_self && a->id)
		return "wf_approver_is_author";
	if (strcmp(r->action, "schedule") == 0 && pending)
		return "wf_state"; /* a change to a published item is published, not scheduled */
	return NULL;
}

json_t *article_actions(struct db *db, const struct actor *a, int64_t site_id, json_t *art)
{
	json_t *list = json_array();
	for (size_t i = 0; i < ARRAY_SIZE(rules); i++) {
		if (rule_refusal(db, a, site_id, art, &rules[i]))
			continue;
		json_array_append_new(list, json_pack("{sssssb}", "action", rules[i].action, "label", rules[i].label,
						      "needs_comment", rules[i].needs_comment));
	}
	return list;
}

/* Copies the pending change's revision over the public columns and clears it. */
static int apply_pending(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT r.title, r.fields, a.kind FROM items a JOIN revisions r ON r.id = a.pending_rev_id"
				       " WHERE a.id = ?");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	char *slug = NULL;
	if (db_step(st) == DB_ROW) {
		const struct kind *k = kind_find(db_col_text(st, 2));
		const char *title = db_col_text(st, 0);
		json_t *fields = json_loads(db_col_text(st, 1), 0, NULL);
		slug = k && k->slug ? k->slug(k, title, fields) : vn_slug(title);
		json_decref(fields);
	}
	db_reset(st);
	if (!slug)
		return 0; /* nothing pending */
	st = db_stmt(db, "UPDATE items SET (title, summary, body, author, category_id, cover_id, cover_alt, featured,"
			 " src_author, src_name, src_url, src_time, fields) = (SELECT title, summary, body, author, category_id,"
			 " cover_id, cover_alt, featured, src_author, src_name, src_url, src_time, fields FROM revisions"
			 " WHERE id = items.pending_rev_id), slug = ?, pending_rev_id = NULL, change_state = NULL"
			 " WHERE id = ?");
	if (!st) {
		free(slug);
		return -1;
	}
	db_bind_text(st, 1, slug);
	db_bind_int(st, 2, id);
	int rc = db_step(st) == DB_DONE ? 0 : -1;
	db_reset(st);
	free(slug);
	return rc ? rc : item_derive(db, id);
}

static int exec_update(struct db_stmt *st)
{
	return db_step_done(st);
}

/* Moves ID to TO_STATE (its pending change when there is one and the rule is about it). */
static int state_set(struct db *db, const struct actor *a, json_t *art, const struct rule *r,
		     const struct act_input *in, int64_t now)
{
	int64_t id = json_integer_value(json_object_get(art, "id"));
	int pending = json_is_true(json_object_get(art, "has_pending_change"));
	struct db_stmt *st;

	if (strcmp(r->action, "correct") == 0) {
		st = db_stmt(db, "INSERT INTO corrections (article_id, at, actor_id, text) VALUES (?, ?, ?, ?)");
		if (!st)
			return -1;
		db_bind_int(st, 1, id);
		db_bind_int(st, 2, now);
		if (a->id)
			db_bind_int(st, 3, a->id);
		db_bind_text(st, 4, in->comment);
		if (exec_update(st))
			return -1;
		st = db_stmt(db, "UPDATE items SET updated_at = ? WHERE id = ?");
		db_bind_int(st, 1, now);
		db_bind_int(st, 2, id);
		return exec_update(st);
	}
	if (strcmp(r->action, "withdraw") == 0) {
		st = db_stmt(db, "UPDATE items SET state = 'withdrawn', withdrawn_at = ?, withdrawn_reason = ?,"
				 " updated_at = ? WHERE id = ?");
		db_bind_int(st, 1, now);
		db_bind_text(st, 2, in->comment);
		db_bind_int(st, 3, now);
		db_bind_int(st, 4, id);
		return exec_update(st);
	}
	if (pending) {
		if (strcmp(r->action, "publish") == 0) {
			if (apply_pending(db, id))
				return -1;
			st = db_stmt(db, "UPDATE items SET updated_at = ? WHERE id = ?");
			db_bind_int(st, 1, now);
			db_bind_int(st, 2, id);
			return exec_update(st);
		}
		if (strcmp(r->action, "refuse") == 0) { /* the change is dropped; the public version stays */
			st = db_stmt(db, "UPDATE items SET change_state = NULL, pending_rev_id = NULL, updated_at = ? WHERE id = ?");
			db_bind_int(st, 1, now);
			db_bind_int(st, 2, id);
			return exec_update(st);
		}
		st = db_stmt(db, "UPDATE items SET change_state = ?, updated_at = ? WHERE id = ?");
		db_bind_text(st, 1, r->to);
		db_bind_int(st, 2, now);
		db_bind_int(st, 3, id);
		return exec_update(st);
	}
	if (strcmp(r->action, "publish") == 0) {
		/* a first publication gets its time; a republished (withdrawn) item keeps it */
		st = db_stmt(db, "UPDATE items SET state = 'published', published_at = coalesce(published_at, ?1),"
				 " scheduled_at = NULL, withdrawn_at = NULL, withdrawn_reason = '', updated_at = ?1 WHERE id = ?2");
		db_bind_int(st, 1, now);
		db_bind_int(st, 2, id);
		return exec_update(st);
	}
	if (strcmp(r->action, "schedule") == 0) {
		st = db_stmt(db, "UPDATE items SET state = 'scheduled', scheduled_at = ?, updated_at = ? WHERE id = ?");
		db_bind_int(st, 1, in->when);
		db_bind_int(st, 2, now);
		db_bind_int(st, 3, id);
		return exec_update(st);
	}
	st = db_stmt(db, "UPDATE items SET state = ?, scheduled_at = NULL, updated_at = ? WHERE id = ?");
	db_bind_text(st, 1, r->to);
	db_bind_int(st, 2, now);
	db_bind_int(st, 3, id);
	return exec_update(st);
}

/* The webhooks' event of ACTION on item ID (model/webhook.h), queued in the caller's transaction:
 * publishing a pending change, or a correction, updates what the public sees; any other
 * publication (a first one, a scheduled one, a withdrawn item put back) publishes it. */
static int hook_event(struct db *db, int64_t id, const char *action, int pending, int64_t now)
{
	const char *event = NULL;
	if (strcmp(action, "publish") == 0)
		event = pending ? "updated" : "published";
	else if (strcmp(action, "correct") == 0)
		event = "updated";
	else if (strcmp(action, "withdraw") == 0)
		event = "withdrawn";
	return event ? webhook_queue(db, id, event, now) : 0;
}

int article_act(struct db *db, const struct actor *a, int64_t site_id, int64_t id, const char *action,
		const struct act_input *in, struct errs *e)
{
	const struct rule *r = rule_find(action);
	struct act_input none = { 0 };
	char *comment = NULL;
	char obj[32];
	int64_t now = time_now();
	int rc = M_INVALID;

	if (!in)
		in = &none;
	if (!r) {
		errs_add(e, "action", "wf_unknown_action");
		return M_INVALID;
	}
	json_t *art = article_get_admin(db, a, site_id, id);
	if (!art)
		return actor_level(db, a, site_id) ? M_NOTFOUND : M_DENIED;
	const char *why = rule_refusal(db, a, site_id, art, r);
	if (why) {
		errs_add(e, "action", why);
		rc = strcmp(why, "wf_role") == 0 ? M_DENIED : M_INVALID;
		goto out;
	}
	comment = text_clean(in->comment, 1);
	if (!comment) {
		errs_add(e, "comment", "invalid_utf8");
		goto out;
	}
	if (r->needs_comment && !*comment)
		errs_add(e, "comment", strcmp(action, "withdraw") == 0 ? "wf_reason_required"
				      : strcmp(action, "correct") == 0 ? "wf_correction_required" : "wf_comment_required");
	if (strcmp(action, "refuse") == 0 && !reason_label(in->reason))
		errs_add(e, "reason", "wf_refusal_reason_required");
	if (strcmp(action, "schedule") == 0 && in->when <= now)
		errs_add(e, "when", "wf_schedule_future");
	if (strcmp(action, "publish") == 0 || strcmp(action, "schedule") == 0)
		item_publish_check(db, site_id, id, e);
	if (e->n)
		goto out;

	struct act_input clean = *in;
	clean.comment = comment;
	const char *from = rule_state(r, art);
	rc = M_ERROR;
	if (db_begin(db))
		goto out;
	/* the index changes in the same transaction: public at once, gone at once */
	if (state_set(db, a, art, r, &clean, now) ||
	    transition_write(db, a, id, r->action, from, r->to, comment, in->reason) ||
	    search_index_article(db, id) || item_derive(db, id) ||
	    hook_event(db, id, r->action, json_is_true(json_object_get(art, "has_pending_change")), now)) {
		db_rollback(db);
		goto out;
	}
	snprintf(obj, sizeof(obj), "%s:%lld", json_string_value(json_object_get(art, "kind")), (long long)id);
	if (audit_write(db, a, site_id, "article.transition", obj, r->action)) {
		db_rollback(db);
		goto out;
	}
	if (db_commit(db))
		goto out;
	rc = M_OK;
out:
	free(comment);
	json_decref(art);
	return rc;
}

int article_publish_now(struct db *db, const struct actor *a, int64_t id, const char *note)
{
	struct db_stmt *st = db_stmt(db, "SELECT state, change_state, pending_rev_id IS NOT NULL FROM items WHERE id = ?");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	if (db_step(st) != DB_ROW) {
		db_reset(st);
		return -1;
	}
	char from[24];
	int pending = (int)db_col_int(st, 2);
	const char *state = db_col_text(st, 0), *change = db_col_text(st, 1);
	snprintf(from, sizeof(from), "%s", pending && change ? change : state);
	int published = strcmp(state, "published") == 0;
	db_reset(st);
	int64_t now = time_now();
	if (pending) {
		if (apply_pending(db, id))
			return -1;
		st = db_stmt(db, "UPDATE items SET updated_at = ?1 WHERE id = ?2");
	} else if (!published) {
		st = db_stmt(db, "UPDATE items SET state = 'published', published_at = coalesce(published_at, ?1),"
				 " scheduled_at = NULL, withdrawn_at = NULL, withdrawn_reason = '', updated_at = ?1 WHERE id = ?2");
	} else {
		return 0; /* published, nothing pending: nothing to do */
	}
	if (!st)
		return -1;
	db_bind_int(st, 1, now);
	db_bind_int(st, 2, id);
	if (exec_update(st) || transition_write(db, a, id, "publish", from, "published", note ? note : "", "") ||
	    search_index_article(db, id) || item_derive(db, id) || hook_event(db, id, "publish", pending, now))
		return -1;
	return 0;
}

int article_publish_cli(struct db *db, int64_t site_id, int64_t id, int64_t when)
{
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "UPDATE items SET state = 'published', published_at = ?1, updated_at = ?1"
				       " WHERE id = ?2 AND site_id = ?3 AND state <> 'published'");
	if (!st) {
		db_rollback(db);
		return M_ERROR;
	}
	db_bind_int(st, 1, when ? when : time_now());
	db_bind_int(st, 2, id);
	db_bind_int(st, 3, site_id);
	if (exec_update(st) || db_changes(db) != 1 ||
	    transition_write(db, &actor_cli, id, "publish", "draft", "published", "", "") ||
	    search_index_article(db, id) || item_derive(db, id) || hook_event(db, id, "publish", 0, time_now())) {
		db_rollback(db);
		return M_NOTFOUND;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

int article_scheduled_waiting(struct db *db, int64_t *n, int64_t *oldest)
{
	struct db_stmt *st = db_stmt(db, "SELECT count(*), min(scheduled_at) FROM items WHERE state = 'scheduled'");
	*n = 0;
	*oldest = 0;
	if (!st)
		return -1;
	int rc = -1;
	if (db_step(st) == DB_ROW) {
		*n = db_col_int(st, 0);
		*oldest = db_col_null(st, 1) ? 0 : db_col_int(st, 1);
		rc = 0;
	}
	db_reset(st);
	return rc;
}

int article_publish_due(struct db *db, int64_t now)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, site_id FROM items WHERE state = 'scheduled' AND scheduled_at <= ?"
				       " ORDER BY scheduled_at, id LIMIT 100");
	int n = 0;
	if (!st)
		return -1;
	db_bind_int(st, 1, now);
	json_t *due = db_rows_json(st);
	size_t i;
	json_t *row;
	json_array_foreach(due, i, row) {
		int64_t id = json_integer_value(json_object_get(row, "id"));
		if (db_begin(db))
			break;
		/* published at the time it was promised, even when the server was down then */
		st = db_stmt(db, "UPDATE items SET state = 'published', published_at = coalesce(published_at, scheduled_at),"
				 " scheduled_at = NULL, updated_at = ? WHERE id = ? AND state = 'scheduled'");
		if (!st) {
			db_rollback(db);
			break;
		}
		db_bind_int(st, 1, now);
		db_bind_int(st, 2, id);
		char obj[32];
		snprintf(obj, sizeof(obj), "article:%lld", (long long)id);
		if (exec_update(st) || transition_write(db, NULL, id, "publish", "scheduled", "published",
							 "Xuất bản theo lịch hẹn giờ", "") ||
		    search_index_article(db, id) || item_derive(db, id) || hook_event(db, id, "publish", 0, now) ||
		    audit_write(db, NULL, json_integer_value(json_object_get(row, "site_id")), "article.scheduled_publish", obj,
				"")) {
			db_rollback(db);
			continue;
		}
		if (db_commit(db) == 0)
			n++;
	}
	json_decref(due);
	return n;
}

json_t *article_timeline(struct db *db, const struct actor *a, int64_t site_id, int64_t id)
{
	json_t *art = article_get_admin(db, a, site_id, id);
	if (!art)
		return NULL;
	json_decref(art);
	struct db_stmt *st = db_stmt(db, "SELECT t.id, t.at, t.action, t.from_state, t.to_state, t.comment, t.reason,"
				       " coalesce(u.display_name, 'Hệ thống') AS actor_name FROM transitions t"
				       " LEFT JOIN users u ON u.id = t.actor_id WHERE t.article_id = ? ORDER BY t.id DESC");
	if (!st)
		return json_array();
	db_bind_int(st, 1, id);
	json_t *rows = db_rows_json(st);
	size_t i;
	json_t *t;
	json_array_foreach(rows, i, t) {
		const struct rule *r = rule_find(json_string_value(json_object_get(t, "action")));
		json_object_set_new(t, "action_label", json_string(r ? r->label : json_string_value(json_object_get(t, "action"))));
		json_object_set_new(t, "to_label", json_string(article_state_label(json_string_value(json_object_get(t, "to_state")))));
		const char *rl = reason_label(json_string_value(json_object_get(t, "reason")));
		if (rl)
			json_object_set_new(t, "reason_label", json_string(rl));
	}
	return rows;
}

int article_save_submit(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
			const struct article_input *in, struct errs *e, int64_t *out_id)
{
	/* one transaction: save and submit are savepoints of it, so a refused or failed submit
	 * undoes the save as well (the form comes back with what was typed) */
	if (db_begin(db))
		return M_ERROR;
	int rc = article_save(db, a, site_id, id, in, e, out_id);
	if (rc == M_OK)
		rc = article_act(db, a, site_id, *out_id, "submit", NULL, e);
	if (rc != M_OK) {
		db_rollback(db);
		if (!id)
			*out_id = 0;
		return rc;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}
