/* category.c — each site's tree of categories (chuyên mục). */
#include "model.h"
#include "kind.h"
#include "db/db.h"
#include "base/util.h"
#include "base/arena.h"
#include "base/utf8.h"
#include "vn/slug.h"

#include <stdio.h>
#include <string.h>

#include "base/banned.h"

json_t *category_list(struct db *db, int64_t site_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, parent_id, name, slug, description, position, published_count, kind"
				       " FROM categories WHERE site_id = ? ORDER BY position, id");
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	return tree_order(db_rows_json(st));
}

static void memo_free(void *p)
{
	json_decref(p);
}

json_t *category_tree(struct db *db, int64_t site_id)
{
	/* {"<site id>": [categories]}: as many lists as sites, a few rows each */
	json_t *memo = db_memo_get(db, DB_MEMO_CATEGORIES);
	char key[24];
	snprintf(key, sizeof(key), "%lld", (long long)site_id);
	json_t *list = memo ? json_object_get(memo, key) : NULL;
	if (list)
		return json_incref(list);
	/* kept across requests: plain malloc, never the request's arena */
	struct arena *prev = arena_enter(NULL);
	if (!memo) {
		memo = json_object();
		db_memo_set(db, DB_MEMO_CATEGORIES, memo, memo_free);
	}
	list = category_list(db, site_id);
	json_object_set(memo, key, list);
	arena_leave(prev);
	return list;
}

json_t *category_in(json_t *cats, int64_t id)
{
	size_t i;
	json_t *c;
	json_array_foreach(cats, i, c)
		if (json_integer_value(json_object_get(c, "id")) == id)
			return c;
	return NULL;
}

size_t category_subtree(json_t *cats, int64_t id, int64_t **ids)
{
	size_t n = json_array_size(cats), first, end;
	*ids = NULL;
	for (first = 0; first < n; first++)
		if (json_integer_value(json_object_get(json_array_get(cats, first), "id")) == id)
			break;
	if (first == n)
		return 0;
	/* depth-first: the descendants are the rows after it that are deeper than it (tree_order
	 * lists 16 levels, more than any menu shows) */
	json_int_t depth = json_integer_value(json_object_get(json_array_get(cats, first), "depth"));
	for (end = first + 1; end < n; end++)
		if (json_integer_value(json_object_get(json_array_get(cats, end), "depth")) <= depth)
			break;
	*ids = xmalloc(st_mult(end - first, sizeof(**ids)));
	for (size_t i = first; i < end; i++)
		(*ids)[i - first] = json_integer_value(json_object_get(json_array_get(cats, i), "id"));
	return end - first;
}

json_t *category_get(struct db *db, int64_t site_id, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, parent_id, name, slug, description, position, kind FROM categories"
				       " WHERE site_id = ? AND id = ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, id);
	return db_one_json(st);
}

/* 1 when making PARENT the parent of ID would close a loop. */
static int category_would_loop(struct db *db, int64_t id, int64_t parent)
{
	struct db_stmt *st = db_stmt(db,
		"WITH RECURSIVE up(id, parent_id) AS ("
		"  SELECT id, parent_id FROM categories WHERE id = ?1"
		"  UNION ALL SELECT c.id, c.parent_id FROM categories c JOIN up ON c.id = up.parent_id)"
		" SELECT 1 FROM up WHERE id = ?2");
	if (!st)
		return 1;
	db_bind_int(st, 1, parent);
	db_bind_int(st, 2, id);
	int loop = db_step(st) == DB_ROW;
	db_reset(st);
	return loop;
}

int category_save(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
		  const struct category_input *in, struct errs *e, int64_t *out_id)
{
	const char *role = user_role_on(db, a, site_id);
	char *name = NULL, *desc = NULL, *slug = NULL;
	json_t *cur = NULL;
	int rc = M_INVALID;

	if (!role || strcmp(role, "reporter") == 0)
		return M_DENIED;
	if (id && !(cur = category_get(db, site_id, id)))
		return M_NOTFOUND;
	json_decref(cur);
	name = utf8_nfc(in->name ? in->name : "", in->name ? strlen(in->name) : 0);
	desc = utf8_nfc(in->description ? in->description : "", in->description ? strlen(in->description) : 0);
	if (!name || !desc) {
		errs_add(e, "name", "invalid_utf8");
		goto out;
	}
	if (!*name)
		errs_add(e, "name", "required");
	else if (utf8_length(name) > 120)
		errs_add(e, "name", "too_long");
	const char *kind = in->kind && *in->kind ? in->kind : NULL;
	if (kind && !kind_find(kind))
		errs_add(e, "kind", "kind_invalid");
	if (kind && id) {
		/* a category keeps the kind of what it holds */
		struct db_stmt *q = db_stmt(db, "SELECT 1 FROM items WHERE category_id = ? AND kind <> ? LIMIT 1");
		if (q) {
			db_bind_int(q, 1, id);
			db_bind_text(q, 2, kind);
			if (db_step(q) == DB_ROW)
				errs_add(e, "kind", "category_kind_in_use");
			db_reset(q);
		}
	}
	slug = vn_slug(in->slug && *in->slug ? in->slug : name);
	if (in->parent_id) {
		json_t *p = category_get(db, site_id, in->parent_id);
		if (!p)
			errs_add(e, "parent_id", "category_parent_invalid");
		else if (id && category_would_loop(db, id, in->parent_id))
			errs_add(e, "parent_id", "category_loop");
		json_decref(p);
	}
	if (!e->n) {
		struct db_stmt *st = db_stmt(db, "SELECT 1 FROM categories WHERE site_id = ? AND slug = ? AND id <> ?");
		if (!st) {
			rc = M_ERROR;
			goto out;
		}
		db_bind_int(st, 1, site_id);
		db_bind_text(st, 2, slug);
		db_bind_int(st, 3, id);
		if (db_step(st) == DB_ROW)
			errs_add(e, "slug", "category_slug_taken");
		db_reset(st);
	}
	if (e->n)
		goto out;

	rc = M_ERROR;
	if (db_begin(db))
		goto out;
	struct db_stmt *st = id
		? db_stmt(db, "UPDATE categories SET name = ?1, slug = ?2, description = ?3, parent_id = ?4,"
			      " position = ?5, kind = coalesce(?8, kind) WHERE id = ?6 AND site_id = ?7")
		: db_stmt(db, "INSERT INTO categories (name, slug, description, parent_id, position, site_id, kind)"
			      " VALUES (?1, ?2, ?3, ?4, ?5, ?7, coalesce(?8, 'article'))");
	if (!st) {
		db_rollback(db);
		goto out;
	}
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, slug);
	db_bind_text(st, 3, desc);
	if (in->parent_id)
		db_bind_int(st, 4, in->parent_id);
	db_bind_int(st, 5, in->position);
	if (id)
		db_bind_int(st, 6, id);
	db_bind_int(st, 7, site_id);
	db_bind_text(st, 8, kind);
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	if (!ok) {
		db_rollback(db);
		goto out;
	}
	if (!id)
		id = db_last_id(db);
	if (audit_write(db, a, site_id, "category.save", slug, name)) {
		db_rollback(db);
		goto out;
	}
	if (db_commit(db))
		goto out;
	if (out_id)
		*out_id = id;
	rc = M_OK;
out:
	free(name);
	free(desc);
	free(slug);
	return rc;
}

int64_t category_for_kind(struct db *db, int64_t site_id, const char *kind)
{
	const struct kind *k = kind_find(kind);
	if (!k)
		return 0;
	struct db_stmt *st = db_stmt(db, "SELECT id FROM categories WHERE site_id = ? AND kind = ? ORDER BY parent_id IS NOT NULL,"
				       " position, id LIMIT 1");
	if (!st)
		return 0;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, kind);
	int64_t id = 0;
	db_one_int(st, &id);
	if (id)
		return id;
	struct category_input in = { .name = k->label, .slug = k->segment, .position = 100, .kind = kind };
	struct errs e = { 0 };
	if (category_save(db, &actor_cli, site_id, 0, &in, &e, &id) != M_OK) {
		/* the segment is another category's slug: take a longer one */
		char slug[80];
		snprintf(slug, sizeof(slug), "%s-%lld", k->segment, (long long)site_id);
		in.slug = slug;
		e.n = 0;
		if (category_save(db, &actor_cli, site_id, 0, &in, &e, &id) != M_OK)
			return 0;
	}
	/* its items' update deadline follows the kind's rule (the board may change it) */
	st = k->deadline_kind ? db_stmt(db, "UPDATE categories SET deadline_kind = ? WHERE id = ?") : NULL;
	if (st) {
		db_bind_text(st, 1, k->deadline_kind);
		db_bind_int(st, 2, id);
		db_step(st);
		db_reset(st);
	}
	return id;
}
