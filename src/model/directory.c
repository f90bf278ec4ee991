/* directory.c — units and officials (directory.h). */
#include "internal.h"
#include "directory.h"
#include "kind.h"
#include "item.h"
#include "db/db.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define DEPTH_MAX 1000 /* links followed up a chain of parents */

/* The key of the unit's parent (its first reference), malloc'd, or NULL. */
static char *parent_key(const struct kind *k, json_t *fields)
{
	const char *p = json_string_value(json_array_get(json_object_get(fields, "cap_tren"), 0));
	return p && *p ? kind_ident_key(k, p) : NULL;
}

void unit_check(const struct kind *k, json_t *fields, struct errs *e)
{
	const char *code = json_string_value(json_object_get(fields, "ma"));
	char *self = code && *code ? kind_ident_key(k, code) : NULL, *parent = parent_key(k, fields);
	if (self && parent && strcmp(self, parent) == 0)
		errs_add(e, "cap_tren", "unit_self_parent");
	free(self);
	free(parent);
}

int unit_check_store(struct db *db, const char *data_dir, int64_t site_id, int64_t item_id, const struct kind *k,
		     json_t *fields, struct errs *e)
{
	(void)data_dir;
	const char *code = json_string_value(json_object_get(fields, "ma"));
	char *self = code && *code ? kind_ident_key(k, code) : NULL, *key = parent_key(k, fields);
	if (!key || (self && strcmp(self, key) == 0)) { /* none, or unit_check's message */
		free(self);
		free(key);
		return 0;
	}
	struct db_stmt *st = db_stmt(db, "SELECT id, fields FROM items WHERE kind = ? AND ref_key = ? AND site_id = ?"
				       " AND state = 'published' AND lang = 'vi' ORDER BY id LIMIT 1");
	for (int depth = 0; st && key && depth < DEPTH_MAX; depth++) {
		if (self && strcmp(key, self) == 0) {
			errs_add(e, "cap_tren", "unit_ancestor_cycle");
			break;
		}
		db_bind_text(st, 1, k->name);
		db_bind_text(st, 2, key);
		db_bind_int(st, 3, site_id);
		json_t *row = db_one_json(st);
		free(key);
		key = NULL;
		if (!row)
			break;
		if (item_id && json_integer_value(json_object_get(row, "id")) == item_id) {
			errs_add(e, "cap_tren", "unit_ancestor_cycle");
			json_decref(row);
			break;
		}
		json_t *f = json_loads(json_string_value(json_object_get(row, "fields")) ? json_string_value(json_object_get(row, "fields")) : "{}", 0, NULL);
		key = f ? parent_key(k, f) : NULL;
		json_decref(f);
		json_decref(row);
	}
	free(key);
	free(self);
	return st ? 0 : -1;
}

/* Order within a level: "thu_tu" (absent last), then the title as stored. */
static int order_cmp(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	json_t *ox = json_object_get(json_object_get(x, "f"), "thu_tu"), *oy = json_object_get(json_object_get(y, "f"), "thu_tu");
	int64_t nx = json_is_integer(ox) ? json_integer_value(ox) : INT64_MAX;
	int64_t ny = json_is_integer(oy) ? json_integer_value(oy) : INT64_MAX;
	if (nx != ny)
		return nx < ny ? -1 : 1;
	int c = strcmp(json_string_value(json_object_get(x, "title")), json_string_value(json_object_get(y, "title")));
	if (c)
		return c;
	return json_integer_value(json_object_get(x, "id")) < json_integer_value(json_object_get(y, "id")) ? -1 : 1;
}

static json_t *sorted(json_t *arr)
{
	size_t n = json_array_size(arr);
	json_t **v = xcalloc(n ? n : 1, sizeof(*v));
	for (size_t i = 0; i < n; i++)
		v[i] = json_incref(json_array_get(arr, i));
	qsort(v, n, sizeof(*v), order_cmp);
	json_t *out = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(out, v[i]);
	free(v);
	return out;
}

/* Moves the children of NODE out of BYPARENT (key → array), depth first; a node met twice stays
 * where it was first met (a loop in data the checks did not see). */
static void attach(json_t *node, json_t *byparent, json_t *seen, int depth)
{
	const char *key = json_string_value(json_object_get(node, "key"));
	json_t *kids = key ? json_object_get(byparent, key) : NULL;
	json_t *out = json_array();
	if (kids && depth < DEPTH_MAX) {
		json_t *s = sorted(kids);
		json_object_del(byparent, key);
		size_t i;
		json_t *c;
		json_array_foreach(s, i, c) {
			char id[24];
			snprintf(id, sizeof(id), "%lld", (long long)json_integer_value(json_object_get(c, "id")));
			if (json_object_get(seen, id))
				continue;
			json_object_set_new(seen, id, json_true());
			attach(c, byparent, seen, depth + 1);
			json_array_append(out, c);
		}
		json_decref(s);
	}
	json_object_set_new(node, "children", out);
	json_object_set_new(node, "has_children", json_boolean(json_array_size(out) > 0));
}

json_t *directory_tree(struct db *db, int64_t site_id)
{
	/* the Vietnamese units (and officials, below): a translation is on its language's pages
	 * (model/translation.h) */
	const struct kind *k = kind_find("unit");
	struct db_stmt *st = db_stmt(db, "SELECT id, slug, title, ref, ref_key AS key, fields FROM items"
				       " WHERE site_id = ? AND kind = 'unit' AND state = 'published' AND lang = 'vi'");
	if (!st || !k)
		return NULL;
	db_bind_int(st, 1, site_id);
	json_t *rows = item_rows_parse_fields(db_rows_json(st));
	json_t *bykey = json_object(), *byparent = json_object(), *roots = json_array();
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		const char *key = json_string_value(json_object_get(row, "key"));
		if (key && !json_object_get(bykey, key))
			json_object_set(bykey, key, row);
	}
	json_array_foreach(rows, i, row) {
		char *p = parent_key(k, json_object_get(row, "f"));
		const char *key = json_string_value(json_object_get(row, "key"));
		if (p && json_object_get(bykey, p) && !(key && strcmp(key, p) == 0)) {
			json_t *list = json_object_get(byparent, p);
			if (!list) {
				list = json_array();
				json_object_set_new(byparent, p, list);
			}
			json_array_append(list, row);
		} else {
			json_array_append(roots, row);
		}
		free(p);
	}
	json_t *seen = json_object(), *forest = json_array();
	json_t *s = sorted(roots);
	json_array_foreach(s, i, row) {
		char id[24];
		snprintf(id, sizeof(id), "%lld", (long long)json_integer_value(json_object_get(row, "id")));
		json_object_set_new(seen, id, json_true());
		attach(row, byparent, seen, 0);
		json_array_append(forest, row);
	}
	/* what is left sits in a loop of parents: shown as roots, never lost */
	const char *pk;
	json_t *left;
	json_object_foreach(byparent, pk, left) {
		json_array_foreach(left, i, row) {
			char id[24];
			snprintf(id, sizeof(id), "%lld", (long long)json_integer_value(json_object_get(row, "id")));
			if (json_object_get(seen, id))
				continue;
			json_object_set_new(seen, id, json_true());
			json_object_set_new(row, "children", json_array());
			json_object_set_new(row, "has_children", json_false());
			json_array_append(forest, row);
		}
	}
	json_decref(s);
	json_decref(seen);
	json_decref(roots);
	json_decref(byparent);
	json_decref(bykey);
	json_decref(rows);
	return forest;
}

json_t *directory_officials(struct db *db, int64_t site_id, int64_t unit_id)
{
	struct db_stmt *st;
	if (unit_id > 0)
		st = db_stmt(db, "SELECT a.id, a.slug, a.title, a.fields FROM items a JOIN item_links l ON l.from_id = a.id"
				 " WHERE l.to_id = ? AND l.relation = 'don_vi' AND a.site_id = ? AND a.kind = 'official'"
				 " AND a.state = 'published' AND a.lang = 'vi'");
	else
		st = db_stmt(db, "SELECT a.id, a.slug, a.title, a.fields FROM items a WHERE ? = 0 AND a.site_id = ?"
				 " AND a.kind = 'official' AND a.state = 'published' AND a.lang = 'vi'");
	if (!st)
		return NULL;
	db_bind_int(st, 1, unit_id > 0 ? unit_id : 0);
	db_bind_int(st, 2, site_id);
	json_t *rows = item_rows_parse_fields(db_rows_json(st));
	if (unit_id < 0) { /* the spokespeople */
		json_t *only = json_array();
		size_t i;
		json_t *row;
		json_array_foreach(rows, i, row)
			if (strcmp(json_string_value(json_object_get(json_object_get(row, "f"), "phat_ngon")) ?
				   json_string_value(json_object_get(json_object_get(row, "f"), "phat_ngon")) : "", "co") == 0)
				json_array_append(only, row);
		json_decref(rows);
		rows = only;
	}
	json_t *out = sorted(rows);
	json_decref(rows);
	return out;
}

int official_mobile_public(json_t *f)
{
	const char *v = json_string_value(json_object_get(f, "cong_khai_di_dong"));
	return v && strcmp(v, "co") == 0;
}
