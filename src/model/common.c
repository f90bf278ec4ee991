/* common.c — field errors and the audit trail shared by every model file. */
#include "model.h"
#include "db/db.h"
#include "base/log.h"
#include "base/util.h"

#include "base/banned.h"

const struct actor actor_cli = { 0, 1, "cli" };

void errs_add(struct errs *e, const char *field, const char *key)
{
	if (e->n < ERRS_MAX) {
		e->e[e->n].field = field;
		e->e[e->n].key = key;
		e->n++;
	}
}

/* Written inside the caller's transaction, so the record and the change land together. */
void audit_write(struct db *db, const struct actor *a, int64_t site_id, const char *action,
		 const char *object, const char *detail)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO audit (at, user_id, site_id, action, object, detail, address) "
				       "VALUES (?, ?, ?, ?, ?, ?, ?)");
	if (!st)
		return;
	db_bind_int(st, 1, time_now());
	if (a && a->id)
		db_bind_int(st, 2, a->id);
	if (site_id)
		db_bind_int(st, 3, site_id);
	db_bind_text(st, 4, action);
	db_bind_text(st, 5, object ? object : "");
	db_bind_text(st, 6, detail ? detail : "");
	db_bind_text(st, 7, a && a->address ? a->address : "");
	if (sqlite3_step(st) != SQLITE_DONE)
		log_error("audit: %s", db_errmsg(db));
	sqlite3_reset(st);
}

static void tree_visit(json_t *rows, json_t *out, json_int_t parent, int depth)
{
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r) {
		json_t *p = json_object_get(r, "parent_id");
		if ((parent == 0 && json_is_null(p)) || (parent && json_integer_value(p) == parent)) {
			json_object_set_new(r, "depth", json_integer(depth));
			json_array_append(out, r);
			if (depth < 16)
				tree_visit(rows, out, json_integer_value(json_object_get(r, "id")), depth + 1);
		}
	}
}

/* Rows with id and parent_id, already in sibling order, put in depth-first order with "depth". */
json_t *tree_order(json_t *rows)
{
	json_t *out = json_array();
	tree_visit(rows, out, 0, 0);
	json_decref(rows);
	return out;
}
