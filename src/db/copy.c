/* copy.c — `cong migrate`'s engine: SQLite's tables copied into PostgreSQL and checked; see
 * copy.h. */
#include "db/copy.h"
#include "base/sb.h"
#include "base/util.h"
#include "db/db.h"

#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

_Static_assert(COPY_HASH_BYTES == crypto_hash_sha256_BYTES, "copy.h's hash size is SHA-256's");

/* NAME as an SQL identifier: quoted, its quotes doubled. */
static void add_ident(struct sb *b, const char *name)
{
	sb_addc(b, '"');
	for (const char *p = name; *p; p++) {
		if (*p == '"')
			sb_addc(b, '"');
		sb_addc(b, *p);
	}
	sb_addc(b, '"');
}

/* ---- the tables ---- */

void copy_free(struct copy *m)
{
	for (size_t i = 0; i < m->n; i++) {
		struct copy_table *t = &m->t[i];
		for (int c = 0; c < t->ncols; c++)
			free(t->cols[c].name);
		for (int r = 0; r < t->nrefs; r++) {
			free(t->refs[r].table);
			free(t->refs[r].col);
		}
		free(t->cols);
		free(t->refs);
		free(t->name);
	}
	free(m->t);
	m->t = NULL;
	m->n = 0;
}

static struct copy_table *table_named(struct copy *m, const char *name)
{
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->t[i].name, name) == 0)
			return &m->t[i];
	return NULL;
}

/* Every string of column 0 of ST's rows, as a JSON array. */
static json_t *names_of(struct db_stmt *st)
{
	json_t *a = json_array();
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		const char *s = db_col_text(st, 0);
		json_array_append_new(a, json_string(s ? s : ""));
	}
	db_reset(st);
	if (rc != DB_DONE) {
		json_decref(a);
		return NULL;
	}
	return a;
}

/* The tables to copy: the source's ordinary tables but SQLite's own, the search index's (virtual
 * tables and their shadows, and search_*: rebuilt on the target instead) and schema_migrations
 * (the target has its own);
 * each with its columns (the target's types), its primary key and its foreign keys. 0, or -1
 * with a sentence in M->err. */
static int tables_load(struct copy *m)
{
	struct db_stmt *st = db_stmt(m->src, "SELECT name FROM sqlite_master WHERE type = 'table'"
					     " AND sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name");
	json_t *virt = st ? names_of(st) : NULL;
	st = db_stmt(m->src, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
			     " AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name");
	json_t *names = st ? names_of(st) : NULL;
	json_t *trig = NULL;
	if (db_is_pg(m->dst)) {
		st = db_stmt(m->dst, "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
				     " WHERE NOT t.tgisinternal AND pg_table_is_visible(c.oid)");
		trig = st ? names_of(st) : NULL;
	} else {
		trig = json_array();
	}
	int rc = -1;
	if (!virt || !names || !trig) {
		snprintf(m->err, sizeof(m->err), "không đọc được danh sách bảng (the tables cannot be listed): %s",
			 db_errmsg(!virt || !names ? m->src : m->dst));
		goto out;
	}
	m->t = xcalloc(json_array_size(names) + 1, sizeof(*m->t));
	size_t i, j;
	json_t *v, *w;
	json_array_foreach(names, i, v) {
		const char *name = json_string_value(v);
		/* the search index's own tables (search_doc, search_vocab, search_dict, a rebuild's
		 * search_new_*) go with it: the target makes its index from the items */
		int skip = strcmp(name, "schema_migrations") == 0 || strncmp(name, "search_", 7) == 0;
		json_array_foreach(virt, j, w) { /* a virtual table's shadow tables: NAME_data, NAME_idx… */
			size_t len = strlen(json_string_value(w));
			if (strncmp(name, json_string_value(w), len) == 0 && name[len] == '_')
				skip = 1;
		}
		if (skip)
			continue;
		struct copy_table *t = &m->t[m->n++];
		t->name = xstrdup(name);
		json_array_foreach(trig, j, w)
			if (strcmp(json_string_value(w), name) == 0)
				t->triggers = 1;
		/* the target's columns: their types and whether they may be NULL */
		st = db_stmt(m->dst, "SELECT column_name, data_type, is_nullable FROM information_schema.columns"
				     " WHERE table_schema = current_schema() AND table_name = ?");
		if (!st)
			goto dberr_dst;
		db_bind_text(st, 1, name);
		json_t *dcols = db_rows_json(st);
		st = db_stmt(m->src, "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid");
		if (!st) {
			json_decref(dcols);
			goto dberr_src;
		}
		db_bind_text(st, 1, name);
		json_t *scols = db_rows_json(st);
		if (!json_array_size(dcols)) {
			snprintf(m->err, sizeof(m->err),
				 "cơ sở dữ liệu đích không có bảng %s (the target has no table %s: is this cong older than"
				 " the one that wrote the data folder?)", name, name);
			json_decref(dcols);
			json_decref(scols);
			goto out;
		}
		t->cols = xcalloc(json_array_size(scols) + 1, sizeof(*t->cols));
		json_array_foreach(scols, j, w) {
			const char *cname = json_string_value(json_object_get(w, "name"));
			json_t *d = NULL, *x;
			size_t k;
			json_array_foreach(dcols, k, x)
				if (strcmp(json_string_value(json_object_get(x, "column_name")), cname) == 0)
					d = x;
			if (!d) {
				snprintf(m->err, sizeof(m->err),
					 "cơ sở dữ liệu đích không có cột %s.%s (the target has no column %s.%s: its values would"
					 " be lost)", name, cname, name, cname);
				json_decref(dcols);
				json_decref(scols);
				goto out;
			}
			const char *type = json_string_value(json_object_get(d, "data_type"));
			struct copy_col *c = &t->cols[t->ncols];
			if (strcmp(type, "bytea") == 0) {
				snprintf(m->err, sizeof(m->err), "cột %s.%s là bytea: chưa chép được (a bytea column cannot be copied"
								 " as text)", name, cname);
				json_decref(dcols);
				json_decref(scols);
				goto out;
			}
			c->name = xstrdup(cname);
			c->kind = strcmp(type, "bigint") == 0 || strcmp(type, "integer") == 0 || strcmp(type, "smallint") == 0 ? COPY_INT
				: strcmp(type, "double precision") == 0 || strcmp(type, "real") == 0 || strcmp(type, "numeric") == 0 ? COPY_REAL
				: COPY_TEXT;
			c->notnull = strcmp(json_string_value(json_object_get(d, "is_nullable")), "NO") == 0;
			json_int_t pk = json_integer_value(json_object_get(w, "pk"));
			if (pk > 0 && pk <= (json_int_t)ARRAY_SIZE(t->pk)) {
				t->pk[pk - 1] = t->ncols;
				t->npk = (int)pk > t->npk ? (int)pk : t->npk;
			}
			t->ncols++;
		}
		json_decref(dcols);
		json_decref(scols);
		if (!t->npk) {
			snprintf(m->err, sizeof(m->err), "bảng %s không có khoá chính (the table %s has no primary key: its rows"
							 " have no order to copy and check them in)", name, name);
			goto out;
		}
		/* its foreign keys: the tables that must be copied before it */
		st = db_stmt(m->src, "SELECT \"table\", \"from\" FROM pragma_foreign_key_list(?)");
		if (!st)
			goto dberr_src;
		db_bind_text(st, 1, name);
		json_t *fks = db_rows_json(st);
		t->refs = xcalloc(json_array_size(fks) + 1, sizeof(*t->refs));
		json_array_foreach(fks, j, w) {
			t->refs[t->nrefs].table = xstrdup(json_string_value(json_object_get(w, "table")));
			t->refs[t->nrefs].col = xstrdup(json_string_value(json_object_get(w, "from")));
			t->nrefs++;
		}
		json_decref(fks);
	}
	rc = 0;
	goto out;
dberr_src:
	snprintf(m->err, sizeof(m->err), "không đọc được SQLite (cannot read the source): %s", db_errmsg(m->src));
	goto out;
dberr_dst:
	snprintf(m->err, sizeof(m->err), "không đọc được PostgreSQL (cannot read the target): %s", db_errmsg(m->dst));
out:
	json_decref(virt);
	json_decref(names);
	json_decref(trig);
	return rc;
}

/* Marks the column COL of T late: copied as NULL, set once every row is in. */
static int make_late(struct copy *m, struct copy_table *t, const char *col, const char *why)
{
	for (int c = 0; c < t->ncols; c++) {
		if (strcmp(t->cols[c].name, col))
			continue;
		if (t->cols[c].notnull) {
			snprintf(m->err, sizeof(m->err),
				 "%s.%s: %s, và không được để trống (%s, and NOT NULL: the rows cannot be put in an order)",
				 t->name, col, why, why);
			return -1;
		}
		if (!t->cols[c].late)
			t->nlate++;
		t->cols[c].late = 1;
	}
	return 0;
}

/* The copy's order: a table after every table its foreign keys reference. A reference to
 * itself (a tree: sites, categories) and, in a cycle between tables, the references of one of
 * them to the others are copied late: NULL at first, set once every row is in. The tables are
 * reordered in place. */
static int tables_order(struct copy *m)
{
	struct copy_table *ordered = xcalloc(m->n + 1, sizeof(*ordered));
	size_t placed = 0;
	for (size_t i = 0; i < m->n; i++)
		for (int r = 0; r < m->t[i].nrefs; r++)
			if (strcmp(m->t[i].refs[r].table, m->t[i].name) == 0 &&
			    make_late(m, &m->t[i], m->t[i].refs[r].col, "tham chiếu chính bảng mình (a reference to its own table)")) {
				free(ordered);
				return -1;
			}
	while (placed < m->n) {
		int moved = 0;
		for (size_t i = 0; i < m->n; i++) {
			struct copy_table *t = &m->t[i];
			if (t->placed)
				continue;
			int ready = 1;
			for (int r = 0; r < t->nrefs && ready; r++) {
				struct copy_table *p = table_named(m, t->refs[r].table);
				if (p && p != t && !p->placed)
					ready = 0;
			}
			if (ready) {
				t->placed = 1;
				ordered[placed++] = *t;
				moved = 1;
			}
		}
		if (moved)
			continue;
		/* a cycle: the first table left takes its references to the others as late */
		for (size_t i = 0; i < m->n; i++) {
			struct copy_table *t = &m->t[i];
			if (t->placed)
				continue;
			for (int r = 0; r < t->nrefs; r++) {
				struct copy_table *p = table_named(m, t->refs[r].table);
				if (p && p != t && !p->placed &&
				    make_late(m, t, t->refs[r].col, "một vòng khoá ngoại (a cycle of foreign keys)")) {
					free(ordered);
					return -1;
				}
			}
			t->placed = 1;
			ordered[placed++] = *t;
			break;
		}
	}
	free(m->t);
	m->t = ordered;
	return 0;
}

int copy_plan(struct copy *m)
{
	return tables_load(m) || tables_order(m) ? -1 : 0;
}

/* ---- copying ---- */

/* Reads column C of ST's row as the text it is copied and hashed as (NULL for NULL): integers
 * and text as they are, numbers with every digit of a double. */
static const char *value_text(struct db_stmt *st, int c, int kind, char *buf, size_t n)
{
	if (db_col_null(st, c))
		return NULL;
	if (kind == COPY_REAL) {
		snprintf(buf, n, "%.17g", db_col_double(st, c));
		return buf;
	}
	const char *s = db_col_text(st, c);
	return s ? s : "";
}

static int batch_begin(struct copy *m, struct copy_table *t)
{
	if (db_begin(m->dst))
		return -1;
	if (t->triggers) {
		struct sb q = SB_INIT;
		sb_adds(&q, "ALTER TABLE ");
		add_ident(&q, t->name);
		sb_adds(&q, " DISABLE TRIGGER USER");
		int rc = db_exec(m->dst, q.buf);
		sb_release(&q);
		if (rc) {
			db_rollback(m->dst);
			return -1;
		}
	}
	return 0;
}

static int batch_commit(struct copy *m, struct copy_table *t)
{
	if (t->triggers) {
		struct sb q = SB_INIT;
		sb_adds(&q, "ALTER TABLE ");
		add_ident(&q, t->name);
		sb_adds(&q, " ENABLE TRIGGER USER");
		int rc = db_exec(m->dst, q.buf);
		sb_release(&q);
		if (rc) {
			db_rollback(m->dst);
			return -1;
		}
	}
	return db_commit(m->dst);
}

/* INSERT INTO t (cols) VALUES (?, …), … for ROWS rows. */
static struct db_stmt *insert_stmt(struct db *db, struct copy_table *t, int rows)
{
	struct sb q = SB_INIT;
	sb_adds(&q, "INSERT INTO ");
	add_ident(&q, t->name);
	sb_adds(&q, " (");
	for (int c = 0; c < t->ncols; c++) {
		if (c)
			sb_adds(&q, ", ");
		add_ident(&q, t->cols[c].name);
	}
	sb_adds(&q, ") VALUES ");
	for (int r = 0; r < rows; r++) {
		sb_adds(&q, r ? ", (" : "(");
		for (int c = 0; c < t->ncols; c++)
			sb_adds(&q, c ? ", ?" : "?");
		sb_addc(&q, ')');
	}
	struct db_stmt *st = db_prepare(db, q.buf);
	sb_release(&q);
	return st;
}

/* "SELECT c1, c2 … FROM t": the columns WHICH (all when NULL). */
static void select_sql(struct sb *q, struct copy_table *t, const int *which, int nwhich)
{
	sb_adds(q, "SELECT ");
	for (int i = 0; i < nwhich; i++) {
		if (i)
			sb_adds(q, ", ");
		add_ident(q, t->cols[which ? which[i] : i].name);
	}
	sb_adds(q, " FROM ");
	add_ident(q, t->name);
}

/* The key's columns in order: text compared byte by byte on both engines (PostgreSQL's "C"
 * collation, SQLite's BINARY: for UTF-8 the same order). */
static void key_list(struct sb *q, struct db *db, struct copy_table *t)
{
	for (int k = 0; k < t->npk; k++) {
		if (k)
			sb_adds(q, ", ");
		add_ident(q, t->cols[t->pk[k]].name);
		if (t->cols[t->pk[k]].kind == COPY_TEXT)
			sb_adds(q, db_is_pg(db) ? " COLLATE \"C\"" : " COLLATE BINARY");
	}
}

static int64_t count_rows(struct db *db, struct copy_table *t)
{
	struct sb q = SB_INIT;
	sb_adds(&q, "SELECT count(*) FROM ");
	add_ident(&q, t->name);
	struct db_stmt *st = db_prepare(db, q.buf);
	sb_release(&q);
	int64_t n = -1;
	db_one_int(st, &n);
	db_finalize(st);
	return n;
}

/* Every row of T, late columns as NULL: a multi-row INSERT of as many rows as the parameters
 * allow, a transaction every M->batch rows. */
int copy_rows(struct copy *m, struct copy_table *t, copy_progress_fn progress, void *arg, int64_t *copied)
{
	int per = 999 / t->ncols; /* pg.c takes at most 999 parameters */
	per = per < 1 ? 1 : per > 500 ? 500 : per;
	int64_t total = count_rows(m->src, t), done = 0, in_batch = 0;
	struct sb q = SB_INIT;
	select_sql(&q, t, NULL, t->ncols);
	sb_adds(&q, " ORDER BY ");
	key_list(&q, m->src, t);
	struct db_stmt *sel = db_prepare(m->src, q.buf);
	sb_release(&q);
	struct db_stmt *ins = insert_stmt(m->dst, t, per);
	char **vals = xcalloc((size_t)per * (size_t)t->ncols, sizeof(char *));
	int nrow = 0, rc = -1, step = DB_DONE, open = 0;
	char num[40];
	if (!sel || !ins || total < 0) {
		snprintf(m->err, sizeof(m->err), "%s: %s", t->name, db_errmsg(!sel || total < 0 ? m->src : m->dst));
		goto out;
	}
	for (;;) {
		step = db_step(sel);
		if (step != DB_ROW && step != DB_DONE) {
			snprintf(m->err, sizeof(m->err), "%s: đọc SQLite (reading the source): %s", t->name, db_errmsg(m->src));
			goto out;
		}
		if (step == DB_ROW) {
			for (int c = 0; c < t->ncols; c++) {
				const char *s = t->cols[c].late ? NULL : value_text(sel, c, t->cols[c].kind, num, sizeof(num));
				vals[nrow * t->ncols + c] = s ? xstrdup(s) : NULL;
			}
			nrow++;
		}
		/* a full statement, or the last rows */
		if (nrow == per || (step == DB_DONE && nrow > 0)) {
			struct db_stmt *st = ins;
			if (nrow < per)
				st = insert_stmt(m->dst, t, nrow);
			if (!open && batch_begin(m, t)) {
				snprintf(m->err, sizeof(m->err), "%s: %s", t->name, db_errmsg(m->dst));
				if (st != ins)
					db_finalize(st);
				goto out;
			}
			open = 1;
			for (int i = 0; st && i < nrow * t->ncols; i++)
				db_bind_text(st, i + 1, vals[i]);
			int ok = st && db_step_done(st) == 0;
			if (!ok)
				snprintf(m->err, sizeof(m->err), "%s: ghi PostgreSQL (writing the target, rows %lld–%lld): %s",
					 t->name, (long long)done + 1, (long long)(done + nrow), db_errmsg(m->dst));
			if (st != ins)
				db_finalize(st);
			for (int i = 0; i < nrow * t->ncols; i++) {
				free(vals[i]);
				vals[i] = NULL;
			}
			if (!ok) {
				db_rollback(m->dst);
				open = 0;
				goto out;
			}
			done += nrow;
			in_batch += nrow;
			nrow = 0;
		}
		if (open && (in_batch >= m->batch || step == DB_DONE)) {
			if (batch_commit(m, t)) {
				snprintf(m->err, sizeof(m->err), "%s: %s", t->name, db_errmsg(m->dst));
				open = 0;
				goto out;
			}
			open = 0;
			in_batch = 0;
			if (progress)
				progress(t->name, done, total, 0, arg);
		}
		if (step == DB_DONE)
			break;
	}
	if (progress)
		progress(t->name, done, total, 1, arg);
	*copied = done;
	rc = 0;
out:
	if (open)
		db_rollback(m->dst);
	for (int i = 0; i < per * t->ncols; i++)
		free(vals[i]);
	free(vals);
	db_finalize(sel);
	db_finalize(ins);
	return rc;
}

int copy_late(struct copy *m, struct copy_table *t)
{
	if (!t->nlate)
		return 0;
	int which[64], n = 0;
	for (int c = 0; c < t->ncols && n < (int)ARRAY_SIZE(which); c++)
		if (t->cols[c].late)
			which[n++] = c;
	for (int k = 0; k < t->npk && n < (int)ARRAY_SIZE(which); k++)
		which[n++] = t->pk[k];
	struct sb q = SB_INIT;
	select_sql(&q, t, which, n);
	sb_adds(&q, " WHERE ");
	for (int i = 0; i < t->nlate; i++) {
		if (i)
			sb_adds(&q, " OR ");
		add_ident(&q, t->cols[which[i]].name);
		sb_adds(&q, " IS NOT NULL");
	}
	sb_adds(&q, " ORDER BY ");
	key_list(&q, m->src, t);
	struct db_stmt *sel = db_prepare(m->src, q.buf);
	sb_reset(&q);
	sb_adds(&q, "UPDATE ");
	add_ident(&q, t->name);
	sb_adds(&q, " SET ");
	for (int i = 0; i < t->nlate; i++) {
		if (i)
			sb_adds(&q, ", ");
		add_ident(&q, t->cols[which[i]].name);
		sb_adds(&q, " = ?");
	}
	sb_adds(&q, " WHERE ");
	for (int k = 0; k < t->npk; k++) {
		if (k)
			sb_adds(&q, " AND ");
		add_ident(&q, t->cols[t->pk[k]].name);
		sb_adds(&q, " = ?");
	}
	struct db_stmt *up = db_prepare(m->dst, q.buf);
	sb_release(&q);
	int rc = -1, open = 0, step;
	int64_t in_batch = 0;
	char num[40];
	if (!sel || !up) {
		snprintf(m->err, sizeof(m->err), "%s: %s", t->name, db_errmsg(!sel ? m->src : m->dst));
		goto out;
	}
	while ((step = db_step(sel)) == DB_ROW) {
		if (!open && batch_begin(m, t))
			goto dst_err;
		open = 1;
		for (int i = 0; i < n; i++)
			db_bind_text(up, i + 1, value_text(sel, i, t->cols[which[i]].kind, num, sizeof(num)));
		if (db_step_done(up))
			goto dst_err;
		if (++in_batch >= m->batch) {
			open = 0;
			in_batch = 0;
			if (batch_commit(m, t))
				goto dst_err;
		}
	}
	if (step != DB_DONE) {
		snprintf(m->err, sizeof(m->err), "%s: %s", t->name, db_errmsg(m->src));
		goto out;
	}
	if (open) {
		open = 0;
		if (batch_commit(m, t))
			goto dst_err;
	}
	rc = 0;
	goto out;
dst_err:
	snprintf(m->err, sizeof(m->err), "%s: ghi PostgreSQL (writing the target): %s", t->name, db_errmsg(m->dst));
out:
	if (open)
		db_rollback(m->dst);
	db_finalize(sel);
	db_finalize(up);
	return rc;
}

/* ---- checking ---- */

/* Counts and hashes the rows of T on DB in key order, a page at a time (the key of the last row
 * read is where the next page starts): SHA-256 over each value of each row, in the column order
 * of T, as "-" for NULL or its length in bytes in decimal, ':' and its text (integers in decimal,
 * numbers as %.17g). The same code reads both engines. */
static int hash_table(struct copy *m, struct db *db, struct copy_table *t, int64_t *rows, unsigned char *out)
{
	const int page = 1000;
	struct sb q = SB_INIT, first = SB_INIT, next = SB_INIT;
	select_sql(&q, t, NULL, t->ncols);
	sb_adds(&first, q.buf);
	sb_adds(&next, q.buf);
	sb_adds(&next, t->npk > 1 ? " WHERE (" : " WHERE ");
	key_list(&next, db, t);
	sb_adds(&next, t->npk > 1 ? ") > (" : " > ");
	for (int k = 0; k < t->npk; k++)
		sb_adds(&next, k ? ", ?" : "?");
	if (t->npk > 1)
		sb_addc(&next, ')');
	sb_adds(&first, " ORDER BY ");
	key_list(&first, db, t);
	sb_addf(&first, " LIMIT %d", page);
	sb_adds(&next, " ORDER BY ");
	key_list(&next, db, t);
	sb_addf(&next, " LIMIT %d", page);
	struct db_stmt *s1 = db_prepare(db, first.buf), *s2 = db_prepare(db, next.buf);
	sb_release(&q);
	sb_release(&first);
	sb_release(&next);
	crypto_hash_sha256_state h;
	crypto_hash_sha256_init(&h);
	char *last[16] = { 0 };
	char num[40], len[32];
	int rc = -1;
	*rows = 0;
	if (!s1 || !s2)
		goto out;
	for (struct db_stmt *st = s1;; st = s2) {
		if (st == s2)
			for (int k = 0; k < t->npk; k++) {
				if (!last[k]) {
					snprintf(m->err, sizeof(m->err), "%s: NULL trong khoá chính (a NULL in the primary key)", t->name);
					goto out;
				}
				if (t->cols[t->pk[k]].kind == COPY_INT)
					db_bind_int(st, k + 1, strtoll(last[k], NULL, 10));
				else
					db_bind_text(st, k + 1, last[k]);
			}
		int got = 0, step;
		while ((step = db_step(st)) == DB_ROW) {
			for (int c = 0; c < t->ncols; c++) {
				const char *s = value_text(st, c, t->cols[c].kind, num, sizeof(num));
				if (!s) {
					crypto_hash_sha256_update(&h, (const unsigned char *)"-", 1);
					continue;
				}
				size_t n = strlen(s);
				int l = snprintf(len, sizeof(len), "%zu:", n);
				crypto_hash_sha256_update(&h, (const unsigned char *)len, (unsigned long long)l);
				crypto_hash_sha256_update(&h, (const unsigned char *)s, n);
			}
			got++;
			if (got == page)
				for (int k = 0; k < t->npk; k++) {
					const char *s = value_text(st, t->pk[k], t->cols[t->pk[k]].kind, num, sizeof(num));
					free(last[k]);
					last[k] = s ? xstrdup(s) : NULL;
				}
		}
		db_reset(st);
		if (step != DB_DONE)
			goto out;
		*rows += got;
		if (got < page)
			break;
	}
	crypto_hash_sha256_final(&h, out);
	rc = 0;
out:
	if (rc && !*m->err)
		snprintf(m->err, sizeof(m->err), "%s: %s", t->name, db_errmsg(db));
	for (int k = 0; k < 16; k++)
		free(last[k]);
	db_finalize(s1);
	db_finalize(s2);
	return rc;
}

int copy_check(struct copy *m, struct copy_table *t)
{
	if (hash_table(m, m->src, t, &t->src_rows, t->src_hash) || hash_table(m, m->dst, t, &t->dst_rows, t->dst_hash))
		return -1;
	return 0;
}

/* ---- the target ---- */

int copy_target_used(struct db *dst, char *what, size_t n)
{
	static const char *const sql[] = { "SELECT count(*) FROM sites", "SELECT count(*) FROM items",
					   "SELECT count(*) FROM users" };
	static const char *const names[] = { "sites", "items", "users" };
	for (size_t i = 0; i < ARRAY_SIZE(sql); i++) {
		int64_t c = -1;
		db_one_int(db_stmt(dst, sql[i]), &c);
		if (c != 0) {
			snprintf(what, n, "%s: %lld", names[i], (long long)c);
			return c < 0 ? -1 : 1;
		}
	}
	return 0;
}

/* One TRUNCATE of them all, whatever references what. */
int copy_clear_target(struct copy *m)
{
	struct sb q = SB_INIT;
	sb_adds(&q, "TRUNCATE ");
	for (size_t i = 0; i < m->n; i++) {
		if (i)
			sb_adds(&q, ", ");
		add_ident(&q, m->t[i].name);
	}
	int rc = db_begin(m->dst) || db_exec(m->dst, q.buf) || db_commit(m->dst) ? -1 : 0;
	if (rc) {
		snprintf(m->err, sizeof(m->err), "không làm trống được các bảng đích (cannot empty the target's tables): %s",
			 db_errmsg(m->dst));
		db_rollback(m->dst);
	}
	sb_release(&q);
	return rc;
}
