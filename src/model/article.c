/* article.c — news articles (tin, bài): validation, saving, publishing, and the public reads.
 * The state column holds 'draft' or 'published' now and grows into the workflow's states. */
#include "model.h"
#include "db/db.h"
#include "base/util.h"
#include "base/utf8.h"
#include "vn/slug.h"

#include <string.h>
#include <strings.h>

#include "base/banned.h"

#define CARD_COLS                                                                              \
	"a.id, a.site_id, a.title, a.slug, a.summary, a.published_at, a.updated_at, a.cover_alt,"  \
	" a.featured, m.sha256 AS cover_sha, m.ext AS cover_ext, m.width AS cover_w,"               \
	" m.height AS cover_h, c.id AS category_id,"                                                \
	" c.name AS category_name, c.slug AS category_slug"
#define CARD_FROM                                                                              \
	" FROM articles a JOIN categories c ON c.id = a.category_id LEFT JOIN media m ON m.id = a.cover_id"

static const char *role_publishers[] = { "sysadmin", "siteadmin", "approver" };

static int can_publish(const char *role)
{
	for (size_t i = 0; i < ARRAY_SIZE(role_publishers); i++)
		if (role && strcmp(role, role_publishers[i]) == 0)
			return 1;
	return 0;
}

static int url_plausible(const char *u)
{
	return (strncasecmp(u, "http://", 7) == 0 && u[7]) || (strncasecmp(u, "https://", 8) == 0 && u[8]);
}

json_t *article_get_public(struct db *db, int64_t site_id, int64_t id)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " CARD_COLS ", a.body, a.author, a.src_author, a.src_name,"
				       " a.src_url, a.src_time"
				       CARD_FROM " WHERE a.site_id = ? AND a.id = ? AND a.state = 'published'");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, id);
	return db_one_json(st);
}

json_t *article_latest(struct db *db, int64_t site_id, int64_t limit)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " CARD_COLS CARD_FROM
				       " WHERE a.site_id = ? AND a.state = 'published'"
				       " ORDER BY a.published_at DESC, a.id DESC LIMIT ?");
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, limit);
	return db_rows_json(st);
}

json_t *article_featured(struct db *db, int64_t site_id, int64_t limit)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " CARD_COLS CARD_FROM
				       " WHERE a.site_id = ? AND a.state = 'published' AND a.featured = 1"
				       " ORDER BY a.published_at DESC, a.id DESC LIMIT ?");
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, limit);
	return db_rows_json(st);
}

#define SUBTREE                                                                                \
	"WITH RECURSIVE sub(id) AS (SELECT id FROM categories WHERE id = ?2 AND site_id = ?1"      \
	" UNION ALL SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id) "

json_t *article_in_category(struct db *db, int64_t site_id, int64_t category_id, int64_t limit,
			    int64_t offset, int64_t *total)
{
	sqlite3_stmt *st;
	if (total) {
		st = db_stmt(db, SUBTREE "SELECT count(*) FROM articles a WHERE a.site_id = ?1"
				 " AND a.state = 'published' AND a.category_id IN (SELECT id FROM sub)");
		if (!st)
			return json_array();
		db_bind_int(st, 1, site_id);
		db_bind_int(st, 2, category_id);
		*total = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		sqlite3_reset(st);
	}
	st = db_stmt(db, SUBTREE "SELECT " CARD_COLS CARD_FROM
			 " WHERE a.site_id = ?1 AND a.state = 'published' AND a.category_id IN (SELECT id FROM sub)"
			 " ORDER BY a.published_at DESC, a.id DESC LIMIT ?3 OFFSET ?4");
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, category_id);
	db_bind_int(st, 3, limit);
	db_bind_int(st, 4, offset);
	return db_rows_json(st);
}

json_t *article_related(struct db *db, int64_t site_id, int64_t category_id, int64_t except_id, int64_t limit)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " CARD_COLS CARD_FROM
				       " WHERE a.site_id = ? AND a.category_id = ? AND a.id <> ? AND a.state = 'published'"
				       " ORDER BY a.published_at DESC, a.id DESC LIMIT ?");
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, category_id);
	db_bind_int(st, 3, except_id);
	db_bind_int(st, 4, limit);
	return db_rows_json(st);
}

json_t *article_from_components(struct db *db, int64_t main_site_id, int64_t limit)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " CARD_COLS ", s.slug AS site_slug, s.name AS site_name,"
				       " s.kind AS site_kind" CARD_FROM " JOIN sites s ON s.id = a.site_id"
				       " WHERE a.site_id <> ? AND a.state = 'published'"
				       " ORDER BY a.published_at DESC, a.id DESC LIMIT ?");
	if (!st)
		return json_array();
	db_bind_int(st, 1, main_site_id);
	db_bind_int(st, 2, limit);
	return db_rows_json(st);
}

json_t *article_get_admin(struct db *db, const struct actor *a, int64_t site_id, int64_t id)
{
	if (!user_role_on(db, a, site_id))
		return NULL;
	sqlite3_stmt *st = db_stmt(db, "SELECT a.id, a.site_id, a.category_id, a.state, a.title, a.slug, a.summary,"
				       " a.body, a.author, a.cover_id, a.cover_alt, a.featured, a.src_author, a.src_name,"
				       " a.src_url, a.src_time, a.published_at, a.created_at, a.updated_at,"
				       " m.sha256 AS cover_sha, m.ext AS cover_ext"
				       " FROM articles a LEFT JOIN media m ON m.id = a.cover_id"
				       " WHERE a.site_id = ? AND a.id = ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, id);
	return db_one_json(st);
}

json_t *article_list_admin(struct db *db, const struct actor *a, int64_t site_id, int64_t limit,
			   int64_t offset, int64_t *total)
{
	*total = 0;
	if (!user_role_on(db, a, site_id))
		return json_array();
	sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM articles WHERE site_id = ?");
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	*total = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	st = db_stmt(db, "SELECT a.id, a.title, a.slug, a.state, a.featured, a.published_at, a.updated_at,"
			 " c.name AS category_name FROM articles a JOIN categories c ON c.id = a.category_id"
			 " WHERE a.site_id = ? ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?");
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, limit);
	db_bind_int(st, 3, offset);
	return db_rows_json(st);
}

enum { AF_TITLE, AF_SUMMARY, AF_BODY, AF_AUTHOR, AF_ALT, AF_SRC_AUTHOR, AF_SRC_NAME, AF_SRC_URL, AF_N };

static int article_validate(struct db *db, int64_t site_id, const struct article_input *in,
			    int64_t cover_id, char *v[AF_N], struct errs *e)
{
	static const char *names[AF_N] = { "title", "summary", "body", "author", "cover_alt",
					   "src_author", "src_name", "src_url" };
	static const size_t limits[AF_N] = { 300, 1000, 200000, 200, 300, 200, 200, 1000 };
	const char *src[AF_N] = { in->title, in->summary, in->body, in->author, in->cover_alt,
				  in->src_author, in->src_name, in->src_url };
	for (int i = 0; i < AF_N; i++) {
		v[i] = utf8_nfc(src[i] ? src[i] : "", src[i] ? strlen(src[i]) : 0);
		if (!v[i]) {
			errs_add(e, names[i], "invalid_utf8");
			v[i] = xstrdup("");
			continue;
		}
		/* single-line fields: trim surrounding spaces */
		if (i != AF_BODY && i != AF_SUMMARY) {
			char *p = v[i], *end;
			while (*p == ' ' || *p == '\t' || *p == '\n')
				p++;
			end = p + strlen(p);
			while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n'))
				end--;
			char *t = xstrndup(p, (size_t)(end - p));
			free(v[i]);
			v[i] = t;
		}
		if (utf8_length(v[i]) > limits[i])
			errs_add(e, names[i], "too_long");
	}
	if (!*v[AF_TITLE])
		errs_add(e, "title", "required");
	if (!*v[AF_BODY])
		errs_add(e, "body", "required");
	if (cover_id && !*v[AF_ALT])
		errs_add(e, "cover_alt", "cover_alt_required");
	if (*v[AF_SRC_URL] && !url_plausible(v[AF_SRC_URL]))
		errs_add(e, "src_url", "url_invalid");
	json_t *c = in->category_id ? category_get(db, site_id, in->category_id) : NULL;
	if (!c)
		errs_add(e, "category_id", in->category_id ? "category_invalid" : "required");
	json_decref(c);
	if (cover_id > 0) {
		json_t *m = media_get(db, cover_id);
		if (!m || json_integer_value(json_object_get(m, "site_id")) != site_id)
			errs_add(e, "cover", "media_invalid");
		json_decref(m);
	}
	return e->n ? -1 : 0;
}

int article_save(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
		 const struct article_input *in, struct errs *e, int64_t *out_id)
{
	char *v[AF_N] = { 0 };
	char *slug = NULL;
	int64_t cover_id = in->cover_id;
	int64_t now = time_now();
	int rc = M_INVALID;

	const char *role = user_role_on(db, a, site_id);
	if (!role)
		return M_DENIED;
	if (id) {
		json_t *cur = article_get_admin(db, a, site_id, id);
		if (!cur)
			return M_NOTFOUND;
		/* what the public reads changes only by the hand of someone who may publish */
		if (strcmp(json_string_value(json_object_get(cur, "state")), "published") == 0 && !can_publish(role)) {
			json_decref(cur);
			return M_DENIED;
		}
		if (cover_id < 0)
			cover_id = json_integer_value(json_object_get(cur, "cover_id"));
		json_decref(cur);
	} else if (cover_id < 0) {
		cover_id = 0;
	}
	if (article_validate(db, site_id, in, cover_id, v, e))
		goto out;
	slug = vn_slug(v[AF_TITLE]);

	rc = M_ERROR;
	if (db_begin(db))
		goto out;
	sqlite3_stmt *st = id
		? db_stmt(db, "UPDATE articles SET title = ?1, slug = ?2, summary = ?3, body = ?4, author = ?5,"
			      " cover_alt = ?6, src_author = ?7, src_name = ?8, src_url = ?9, src_time = ?10,"
			      " category_id = ?11, cover_id = ?12, featured = ?13, updated_at = ?14"
			      " WHERE id = ?15 AND site_id = ?16")
		: db_stmt(db, "INSERT INTO articles (title, slug, summary, body, author, cover_alt, src_author,"
			      " src_name, src_url, src_time, category_id, cover_id, featured, updated_at,"
			      " created_at, site_id, created_by, state)"
			      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?16, ?17, 'draft')");
	if (!st)
		goto rollback;
	db_bind_text(st, 1, v[AF_TITLE]);
	db_bind_text(st, 2, slug);
	db_bind_text(st, 3, v[AF_SUMMARY]);
	db_bind_text(st, 4, v[AF_BODY]);
	db_bind_text(st, 5, v[AF_AUTHOR]);
	db_bind_text(st, 6, v[AF_ALT]);
	db_bind_text(st, 7, v[AF_SRC_AUTHOR]);
	db_bind_text(st, 8, v[AF_SRC_NAME]);
	db_bind_text(st, 9, v[AF_SRC_URL]);
	if (in->src_time)
		db_bind_int(st, 10, in->src_time);
	db_bind_int(st, 11, in->category_id);
	if (cover_id > 0)
		db_bind_int(st, 12, cover_id);
	db_bind_int(st, 13, in->featured ? 1 : 0);
	db_bind_int(st, 14, now);
	if (id)
		db_bind_int(st, 15, id);
	db_bind_int(st, 16, site_id);
	if (!id && a->id)
		db_bind_int(st, 17, a->id);
	int ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_reset(st);
	if (!ok)
		goto rollback;
	if (!id)
		id = db_last_id(db);
	char obj[32];
	snprintf(obj, sizeof(obj), "article:%lld", (long long)id);
	audit_write(db, a, site_id, "article.save", obj, v[AF_TITLE]);
	if (db_commit(db))
		goto out;
	if (out_id)
		*out_id = id;
	rc = M_OK;
	goto out;
rollback:
	db_rollback(db);
out:
	for (int i = 0; i < AF_N; i++)
		free(v[i]);
	free(slug);
	return rc;
}

static int article_set_state(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
			     const char *state, int64_t when)
{
	const char *role = user_role_on(db, a, site_id);
	char obj[32];
	if (!role)
		return M_DENIED;
	if (!can_publish(role))
		return M_DENIED;
	if (db_begin(db))
		return M_ERROR;
	sqlite3_stmt *st = db_stmt(db, "UPDATE articles SET state = ?1, updated_at = ?2,"
				       " published_at = CASE WHEN ?1 = 'published' THEN coalesce(?3, published_at, ?2)"
				       " ELSE published_at END WHERE id = ?4 AND site_id = ?5");
	if (!st) {
		db_rollback(db);
		return M_ERROR;
	}
	db_bind_text(st, 1, state);
	db_bind_int(st, 2, time_now());
	if (when)
		db_bind_int(st, 3, when);
	db_bind_int(st, 4, id);
	db_bind_int(st, 5, site_id);
	int ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_reset(st);
	if (!ok) {
		db_rollback(db);
		return M_ERROR;
	}
	if (db_changes(db) == 0) {
		db_rollback(db);
		return M_NOTFOUND;
	}
	snprintf(obj, sizeof(obj), "article:%lld", (long long)id);
	audit_write(db, a, site_id, strcmp(state, "published") == 0 ? "article.publish" : "article.unpublish", obj, "");
	return db_commit(db) ? M_ERROR : M_OK;
}

int article_publish(struct db *db, const struct actor *a, int64_t site_id, int64_t id, int64_t when)
{
	return article_set_state(db, a, site_id, id, "published", when);
}

int article_unpublish(struct db *db, const struct actor *a, int64_t site_id, int64_t id)
{
	return article_set_state(db, a, site_id, id, "draft", 0);
}
