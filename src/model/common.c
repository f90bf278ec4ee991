/* common.c — field errors and the audit trail shared by every model file. */
#include "internal.h"
#include "model/ops.h"
#include "model/banner.h"
#include "base/utf8.h"

#include <sodium.h>
#include <stdint.h>
#include <stdio.h>

#include <stdlib.h>
#include <string.h>
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

void errs_add_text(struct errs *e, const char *field, const char *key, const char *text)
{
	if (e->n >= ERRS_MAX)
		return;
	size_t room = sizeof(e->texts) - e->texts_used;
	int i = e->n;
	errs_add(e, field, key);
	if (room < 2)
		return; /* KEY's message still says it */
	char *to = e->texts + e->texts_used;
	size_t n = strlen(text);
	if (n >= room) { /* cut on a character's start */
		n = room - 1;
		while (n && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(to, text, n);
	to[n] = '\0';
	e->text[i] = to;
	e->texts_used += n + 1;
}

void errs_add_cell(struct errs *e, const char *field, size_t row, const char *sub, const char *key)
{
	size_t room = sizeof(e->names) - e->names_used;
	int n = snprintf(e->names + e->names_used, room, "%s.%zu.%s", field, row, sub);
	if (n < 0 || (size_t)n >= room)
		return; /* out of room: the field's own message still says it */
	errs_add(e, e->names + e->names_used, key);
	e->names_used += (size_t)n + 1;
}

void errs_add_copy(struct errs *e, const char *field, const char *key)
{
	size_t room = sizeof(e->names) - e->names_used, n = strlen(field);
	if (n >= room)
		return; /* out of room: the form's other messages still say it */
	memcpy(e->names + e->names_used, field, n + 1);
	errs_add(e, e->names + e->names_used, key);
	e->names_used += n + 1;
}

/* The record's hash: SHA-256 over the previous hash and every field, each length-prefixed so
 * that no two different records can be written as the same bytes. */
void audit_record_hash(const char *prev, int64_t at, int64_t user_id, int64_t site_id, const char *action,
		       const char *object, const char *detail, const char *address, char out[65])
{
	crypto_hash_sha256_state h;
	unsigned char d[crypto_hash_sha256_BYTES];
	char num[64];
	const char *fields[] = { prev, action, object, detail, address };
	crypto_hash_sha256_init(&h);
	snprintf(num, sizeof(num), "%lld|%lld|%lld|", (long long)at, (long long)user_id, (long long)site_id);
	crypto_hash_sha256_update(&h, (const unsigned char *)num, strlen(num));
	for (size_t i = 0; i < ARRAY_SIZE(fields); i++) {
		snprintf(num, sizeof(num), "%zu:", strlen(fields[i]));
		crypto_hash_sha256_update(&h, (const unsigned char *)num, strlen(num));
		crypto_hash_sha256_update(&h, (const unsigned char *)fields[i], strlen(fields[i]));
	}
	crypto_hash_sha256_final(&h, d);
	sodium_bin2hex(out, 65, d, sizeof(d));
}

/* Appends to the audit log. Inside the caller's transaction when there is one, so the record and
 * the change land together; else in its own, so that reading the last hash and appending the next
 * record cannot interleave with another writer. */
int audit_write(struct db *db, const struct actor *a, int64_t site_id, const char *action,
		const char *object, const char *detail)
{
	int own = !db_in_transaction(db);
	char prev[65] = "", hash[65];
	int64_t at = time_now(), uid = a && a->id ? a->id : 0;
	const char *addr = a && a->address ? a->address : "";
	const char *step = "begin a transaction";
	struct db_stmt *st;
	int rc, begun = 0;

	if (own && db_begin(db))
		goto fail;
	begun = own;
	step = "read the chain's last hash";
	st = db_stmt(db, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1");
	if (!st)
		goto fail;
	rc = db_step(st);
	if (rc == DB_ROW)
		snprintf(prev, sizeof(prev), "%s", db_col_text(st, 0));
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE) /* not "no record yet": the chain would restart */
		goto fail;
	object = object ? object : "";
	detail = detail ? detail : "";
	audit_record_hash(prev, at, uid, site_id, action, object, detail, addr, hash);
	step = "insert the record";
	st = db_stmt(db, "INSERT INTO audit (at, user_id, site_id, action, object, detail, address, prev_hash, hash)"
			 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (!st)
		goto fail;
	db_bind_int(st, 1, at);
	if (uid)
		db_bind_int(st, 2, uid);
	if (site_id)
		db_bind_int(st, 3, site_id);
	db_bind_text(st, 4, action);
	db_bind_text(st, 5, object);
	db_bind_text(st, 6, detail);
	db_bind_text(st, 7, addr);
	db_bind_text(st, 8, prev);
	db_bind_text(st, 9, hash);
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	if (!ok)
		goto fail;
	/* every recorded change of a site may change its public pages, and the main portal's
	 * (news from the sites, search across them): their cached pages are stale from now */
	step = "bump the page cache";
	if (site_id && cache_bump(db, site_id))
		goto fail;
	step = "commit";
	begun = 0; /* db_commit() rolls back itself when it fails */
	if (own && db_commit(db))
		goto fail;
	return 0;
fail:
	/* the action and the step only: object and detail may hold personal data */
	log_error("audit: a %s record not written: cannot %s: %s", action, step, db_errmsg(db));
	if (begun)
		db_rollback(db);
	return -1;
}

int audit_head(struct db *db, int64_t *count, int64_t *last_id, char hash[65])
{
	struct db_stmt *st = db_stmt(db, "SELECT (SELECT count(*) FROM audit), id, hash FROM audit ORDER BY id DESC LIMIT 1");
	int rc;
	*count = 0;
	*last_id = 0;
	hash[0] = 0;
	if (!st)
		return -1;
	rc = db_step(st);
	if (rc == DB_ROW) {
		*count = db_col_int(st, 0);
		*last_id = db_col_int(st, 1);
		snprintf(hash, 65, "%s", db_col_text(st, 2));
	}
	db_reset(st);
	return rc == DB_ROW || rc == DB_DONE ? 0 : -1;
}

int64_t audit_verify(struct db *db, int64_t *checked)
{
	/* the records archived (cong audit archive) are no longer in the table: the chain goes on
	 * from the last archived record's hash */
	char *base = db_setting_get(db, "audit_archived_hash");
	struct db_stmt *st = db_stmt(db, "SELECT id, at, coalesce(user_id, 0), coalesce(site_id, 0), action, object,"
				       " detail, address, prev_hash, hash FROM audit ORDER BY id");
	char prev[65] = "", want[65];
	int64_t bad = 0, n = 0;
	int rc = DB_DONE;
	snprintf(prev, sizeof(prev), "%s", base ? base : "");
	free(base);
	if (!st)
		return -1;
	while (!bad && (rc = db_step(st)) == DB_ROW) {
#define T(i) (db_col_text(st, i))
		audit_record_hash(T(8), db_col_int(st, 1), db_col_int(st, 2), db_col_int(st, 3),
				  T(4), T(5), T(6), T(7), want);
		if (strcmp(T(8), prev) != 0 || strcmp(T(9), want) != 0)
			bad = db_col_int(st, 0);
		snprintf(prev, sizeof(prev), "%s", T(9));
#undef T
		n++;
	}
	db_reset(st);
	if (checked)
		*checked = n;
	/* a page that cannot be read (SQLITE_CORRUPT, an I/O error) is not "the end of the log" */
	if (!bad && rc != DB_ROW && rc != DB_DONE)
		return -1;
	return bad;
}

json_t *audit_list(struct db *db, const struct actor *a, int64_t site_id, const struct audit_filter *f,
		   int64_t limit, int64_t offset, int64_t *total)
{
	int lvl = actor_level(db, a, site_id);
	*total = 0;
	if (lvl < LVL_SITEADMIN)
		return NULL;
	/* a site administrator reads the records of the site; the system administrator, all */
	int64_t only_site = lvl == LVL_SYSADMIN ? f->site_id : site_id;
	struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM audit a LEFT JOIN users u ON u.id = a.user_id"
				       " WHERE (?1 = 0 OR a.site_id = ?1) AND (?2 = '' OR u.username = ?2)"
				       " AND (?3 = '' OR a.action = ?3) AND (?4 = 0 OR a.at >= ?4) AND (?5 = 0 OR a.at < ?5)");
	if (!st)
		return json_array();
	for (int pass = 0; pass < 2; pass++) {
		db_bind_int(st, 1, only_site);
		db_bind_text(st, 2, f->username ? f->username : "");
		db_bind_text(st, 3, f->action ? f->action : "");
		db_bind_int(st, 4, f->from);
		db_bind_int(st, 5, f->to);
		if (pass == 0) {
			*total = db_step(st) == DB_ROW ? db_col_int(st, 0) : 0;
			db_reset(st);
			st = db_stmt(db, "SELECT a.id, a.at, a.action, a.object, a.detail, a.address, u.username,"
					 " u.display_name, s.name AS site_name FROM audit a LEFT JOIN users u ON u.id = a.user_id"
					 " LEFT JOIN sites s ON s.id = a.site_id"
					 " WHERE (?1 = 0 OR a.site_id = ?1) AND (?2 = '' OR u.username = ?2)"
					 " AND (?3 = '' OR a.action = ?3) AND (?4 = 0 OR a.at >= ?4) AND (?5 = 0 OR a.at < ?5)"
					 " ORDER BY a.id DESC LIMIT ?6 OFFSET ?7");
			if (!st)
				return json_array();
			db_bind_int(st, 6, limit);
			db_bind_int(st, 7, offset);
		}
	}
	return db_rows_json(st);
}

struct tree_node {
	json_int_t id, parent;
	size_t row, first_child, next_sibling, last_child; /* SIZE_MAX: none */
};

static int tree_by_id(const void *a, const void *b)
{
	const struct tree_node *x = *(struct tree_node *const *)a, *y = *(struct tree_node *const *)b;
	return x->id < y->id ? -1 : x->id > y->id;
}

static void tree_emit(json_t *rows, json_t *out, struct tree_node *n, size_t i, int depth)
{
	for (; i != SIZE_MAX; i = n[i].next_sibling) {
		json_t *r = json_array_get(rows, n[i].row);
		json_object_set_new(r, "depth", json_integer(depth));
		json_array_append(out, r);
		if (depth < 16)
			tree_emit(rows, out, n, n[i].first_child, depth + 1);
	}
}

/* Rows with id and parent_id, already in sibling order, put in depth-first order with "depth".
 * Linear after one sort by id (the main portal's list of 150 sites is on every home page);
 * rows whose parent is missing are dropped, as they cannot be placed. */
json_t *tree_order(json_t *rows)
{
	size_t n = json_array_size(rows), roots = SIZE_MAX, last_root = SIZE_MAX;
	struct tree_node *nodes = xcalloc(n ? n : 1, sizeof(*nodes));
	struct tree_node **byid = xcalloc(n ? n : 1, sizeof(*byid));
	json_t *out = json_array();

	for (size_t i = 0; i < n; i++) {
		json_t *r = json_array_get(rows, i);
		json_t *p = json_object_get(r, "parent_id");
		nodes[i] = (struct tree_node){ .id = json_integer_value(json_object_get(r, "id")),
					       .parent = json_is_integer(p) ? json_integer_value(p) : 0, .row = i,
					       .first_child = SIZE_MAX, .next_sibling = SIZE_MAX, .last_child = SIZE_MAX };
		byid[i] = &nodes[i];
	}
	qsort(byid, n, sizeof(*byid), tree_by_id);
	for (size_t i = 0; i < n; i++) {
		struct tree_node key = { .id = nodes[i].parent }, *kp = &key, **pp;
		size_t *head, *tail;
		if (!nodes[i].parent) {
			head = &roots;
			tail = &last_root;
		} else if ((pp = bsearch(&kp, byid, n, sizeof(*byid), tree_by_id)) && *pp != &nodes[i]) {
			head = &(*pp)->first_child;
			tail = &(*pp)->last_child;
		} else {
			continue;
		}
		if (*tail == SIZE_MAX)
			*head = i;
		else
			nodes[*tail].next_sibling = i;
		*tail = i;
	}
	tree_emit(rows, out, nodes, roots, 0);
	free(byid);
	free(nodes);
	json_decref(rows);
	return out;
}

int role_level(const char *role)
{
	static const char *const order[] = { "reporter", "editor", "approver", "siteadmin", "sysadmin" };
	for (size_t i = 0; role && i < ARRAY_SIZE(order); i++)
		if (strcmp(role, order[i]) == 0)
			return (int)i + 1;
	return LVL_NONE;
}

int actor_level(struct db *db, const struct actor *a, int64_t site_id)
{
	return role_level(user_role_on(db, a, site_id));
}

const char *article_wstate(json_t *art)
{
	const char *state = json_string_value(json_object_get(art, "state"));
	const char *change = json_string_value(json_object_get(art, "change_state"));
	if (state && strcmp(state, "published") == 0 && change)
		return change;
	return state ? state : "draft";
}

int transition_write(struct db *db, const struct actor *a, int64_t article_id, const char *action,
		     const char *from, const char *to, const char *comment, const char *reason)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO transitions (article_id, at, actor_id, action, from_state,"
				       " to_state, comment, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
	if (!st)
		return -1;
	db_bind_int(st, 1, article_id);
	db_bind_int(st, 2, time_now());
	if (a && a->id)
		db_bind_int(st, 3, a->id);
	db_bind_text(st, 4, action);
	db_bind_text(st, 5, from);
	db_bind_text(st, 6, to);
	db_bind_text(st, 7, comment ? comment : "");
	db_bind_text(st, 8, reason ? reason : "");
	int rc = db_step(st) == DB_DONE ? 0 : -1;
	db_reset(st);
	return rc;
}

char *text_clean(const char *s, int multiline)
{
	char *v = utf8_nfc(s ? s : "", s ? strlen(s) : 0);
	if (!v)
		return NULL;
	char *p = v, *end;
	while (*p == ' ' || *p == '\t' || (*p == '\n' && !multiline))
		p++;
	end = p + strlen(p);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n'))
		end--;
	char *r = xstrndup(p, (size_t)(end - p));
	free(v);
	return r;
}

int cache_bump(struct db *db, int64_t site_id)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO cache_gen (site_id, gen) SELECT id, 1 FROM sites"
				       " WHERE id = ?1 OR kind = 'main'"
				       " ON CONFLICT (site_id) DO UPDATE SET gen = cache_gen.gen + 1");
	if (!st)
		return -1;
	db_bind_int(st, 1, site_id);
	int rc = db_step(st) == DB_DONE ? 0 : -1;
	db_reset(st);
	db_changed(db, site_id);
	return rc;
}

int cache_bump_all(struct db *db)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO cache_gen (site_id, gen) SELECT id, 1 FROM sites WHERE true"
				       " ON CONFLICT (site_id) DO UPDATE SET gen = cache_gen.gen + 1");
	if (!st)
		return -1;
	int rc = db_step(st) == DB_DONE ? 0 : -1;
	db_reset(st);
	db_changed(db, -1);
	return rc;
}

int64_t cache_generation(struct db *db, int64_t site_id, int64_t *until)
{
	struct db_stmt *st = db_stmt(db, "SELECT gen FROM cache_gen WHERE site_id = ?");
	int64_t gen = 0;
	if (!st)
		return -1;
	db_bind_int(st, 1, site_id);
	if (db_step(st) == DB_ROW)
		gen = db_col_int(st, 0);
	db_reset(st);
	/* a maintenance notice appears and goes away with time alone, on every page: the edges
	 * passed so far are part of the generation (the site's number stays below 2^40) */
	int64_t now = time_now(), maint_next = INT64_MAX, banner_next = INT64_MAX;
	int64_t epoch = maint_epoch(db, now, &maint_next);
	if (epoch < 0)
		return -1;
	/* the same for the site's banners starting and ending (model/banner.h): with the site's
	 * number unchanged, both counts only grow with time, so their sum changes at every edge */
	int64_t banners = banner_epoch(db, site_id, now, &banner_next);
	if (banners < 0)
		return -1;
	epoch += banners;
	if (until)
		*until = maint_next < banner_next ? maint_next : banner_next;
	return (gen & (((int64_t)1 << 40) - 1)) | epoch << 40;
}
