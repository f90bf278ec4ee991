/* share.c — sharing up (VL Đ14.1, ĐT Đ13.3–4): a component site's board proposes one of its
 * published items to the main portal; the main portal's approvers accept or decline it with a
 * reason. Accepted items appear in the main portal's news from the sites, linking to the
 * original, for as long as the original stays published. */
#include "internal.h"
#include "db/db.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

json_t *share_of(struct db *db, int64_t article_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, article_id, to_site_id, state, proposed_at, decided_at, reason"
				       " FROM shares WHERE article_id = ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, article_id);
	return db_one_json(st);
}

int share_propose(struct db *db, const struct actor *a, int64_t site_id, int64_t article_id, struct errs *e)
{
	json_t *main_site = site_main(db);
	json_t *art = NULL, *prev = NULL;
	int rc = M_INVALID;
	int64_t main_id = json_integer_value(json_object_get(main_site, "id"));

	if (actor_level(db, a, site_id) < LVL_APPROVER) {
		rc = M_DENIED;
		goto out;
	}
	if (!main_site || main_id == site_id) {
		errs_add(e, "share", "share_main_itself");
		goto out;
	}
	art = article_get_admin(db, a, site_id, article_id);
	if (!art) {
		rc = M_NOTFOUND;
		goto out;
	}
	if (strcmp(json_string_value(json_object_get(art, "state")), "published") != 0) {
		errs_add(e, "share", "share_not_published");
		goto out;
	}
	prev = share_of(db, article_id);
	if (prev && strcmp(json_string_value(json_object_get(prev, "state")), "declined") != 0) {
		errs_add(e, "share", "share_exists");
		goto out;
	}
	rc = M_ERROR;
	if (db_begin(db))
		goto out;
	/* a declined item may be proposed again, e.g. after a correction */
	struct db_stmt *st = db_stmt(db, "INSERT INTO shares (article_id, to_site_id, state, proposed_by, proposed_at)"
				       " VALUES (?1, ?2, 'proposed', ?3, ?4) ON CONFLICT (article_id) DO UPDATE SET"
				       " state = 'proposed', proposed_by = ?3, proposed_at = ?4, decided_by = NULL,"
				       " decided_at = NULL, reason = ''");
	if (!st) {
		db_rollback(db);
		goto out;
	}
	db_bind_int(st, 1, article_id);
	db_bind_int(st, 2, main_id);
	if (a->id)
		db_bind_int(st, 3, a->id);
	db_bind_int(st, 4, time_now());
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	char obj[32];
	snprintf(obj, sizeof(obj), "article:%lld", (long long)article_id);
	if (!ok || transition_write(db, a, article_id, "propose", "published", "published", "Đề xuất đăng trên Cổng chính", "") ||
	    audit_write(db, a, site_id, "share.propose", obj, "")) {
		db_rollback(db);
		goto out;
	}
	rc = db_commit(db) ? M_ERROR : M_OK;
out:
	json_decref(main_site);
	json_decref(art);
	json_decref(prev);
	return rc;
}

int share_decide(struct db *db, const struct actor *a, int64_t main_site_id, int64_t share_id, int accept,
		 const char *reason, struct errs *e)
{
	if (actor_level(db, a, main_site_id) < LVL_APPROVER)
		return M_DENIED;
	char *why = text_clean(reason, 1);
	int rc = M_INVALID;
	if (!why) {
		errs_add(e, "reason", "invalid_utf8");
		return M_INVALID;
	}
	if (!accept && !*why) {
		errs_add(e, "reason", "share_reason_required");
		goto out;
	}
	struct db_stmt *st = db_stmt(db, "SELECT s.article_id, a.site_id FROM shares s JOIN items a ON a.id = s.article_id"
				       " WHERE s.id = ? AND s.to_site_id = ? AND s.state = 'proposed'");
	if (!st) {
		rc = M_ERROR;
		goto out;
	}
	db_bind_int(st, 1, share_id);
	db_bind_int(st, 2, main_site_id);
	int64_t article_id = 0, from_site = 0;
	if (db_step(st) == DB_ROW) {
		article_id = db_col_int(st, 0);
		from_site = db_col_int(st, 1);
	}
	db_reset(st);
	if (!article_id) {
		rc = M_NOTFOUND;
		goto out;
	}
	rc = M_ERROR;
	if (db_begin(db))
		goto out;
	st = db_stmt(db, "UPDATE shares SET state = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ?");
	if (!st) {
		db_rollback(db);
		goto out;
	}
	db_bind_text(st, 1, accept ? "accepted" : "declined");
	if (a->id)
		db_bind_int(st, 2, a->id);
	db_bind_int(st, 3, time_now());
	db_bind_text(st, 4, why);
	db_bind_int(st, 5, share_id);
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	if (!ok || transition_write(db, a, article_id, accept ? "share_accept" : "share_decline", "published",
				    "published", why, "")) {
		db_rollback(db);
		goto out;
	}
	char obj[32];
	snprintf(obj, sizeof(obj), "article:%lld", (long long)article_id);
	if (audit_write(db, a, from_site, accept ? "share.accept" : "share.decline", obj, why)) {
		db_rollback(db);
		goto out;
	}
	rc = db_commit(db) ? M_ERROR : M_OK;
out:
	free(why);
	return rc;
}

json_t *share_list(struct db *db, const struct actor *a, int64_t main_site_id, const char *state)
{
	if (actor_level(db, a, main_site_id) < LVL_APPROVER)
		return json_array();
	struct db_stmt *st = db_stmt(db, "SELECT sh.id, sh.state, sh.proposed_at, sh.decided_at, sh.reason, a.id AS article_id,"
				       " a.title, a.slug, a.summary, a.state AS article_state, a.published_at, s.name AS site_name,"
				       " s.slug AS site_slug, s.kind AS site_kind FROM shares sh JOIN items a ON a.id = sh.article_id"
				       " JOIN sites s ON s.id = a.site_id WHERE sh.to_site_id = ? AND sh.state = ?"
				       " ORDER BY sh.proposed_at DESC, sh.id DESC LIMIT 200");
	if (!st)
		return json_array();
	db_bind_int(st, 1, main_site_id);
	db_bind_text(st, 2, state);
	return db_rows_json(st);
}
