/* item.c — the public reads every kind shares: a kind's list with its filters, one item with its
 * fields, the relations on both ends, and the search by identifier (a document's number). The
 * saving and the workflow are article.c's and workflow.c's, for every kind. */
#include "internal.h"
#include "item.h"
#include "kind.h"
#include "db/db.h"
#include "base/util.h"
#include "base/sb.h"
#include "base/log.h"
#include "base/arena.h"
#include "vn/docnum.h"
#include "vn/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

/* Parses the fields column of ROW into "f" (an object) and drops the text. */
static void fields_parse(json_t *row);

json_t *item_rows_parse_fields(json_t *rows)
{
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row)
		fields_parse(row);
	return rows;
}

static void fields_parse(json_t *row)
{
	if (json_object_get(row, "f"))
		return;
	const char *t = json_string_value(json_object_get(row, "fields"));
	json_t *f = t ? json_loads(t, 0, NULL) : NULL;
	json_object_set_new(row, "f", json_is_object(f) ? f : json_object());
	if (f && !json_is_object(f))
		json_decref(f);
	json_object_del(row, "fields");
}

#define ITEM_COLS                                                                              \
	"a.id, a.site_id, a.kind, a.title, a.slug, a.summary, a.published_at, a.updated_at, a.fields," \
	" a.ref, a.ref_key, a.item_day, a.category_id, a.lang"
/* A list's rows: what the list shows of the fields (item_list_fields, kept by item_derive; the
 * whole fields of an item not derived since migration 0015, or when ?9 asks for them: the
 * exports), and the kind's list term (?8) as "badge" (null when it has none). Only columns that
 * come before the body in the row: the others make SQLite walk a long body's overflow pages. */
#define LIST_COLS                                                                              \
	"a.id, a.site_id, a.title, a.slug, a.summary, a.published_at, a.updated_at, CASE WHEN ?9 = 1 THEN a.fields ELSE" \
	" coalesce((SELECT lf.fields FROM item_list_fields lf WHERE lf.item_id = a.id), a.fields) END AS fields," \
	" (SELECT tb.value FROM item_terms tb WHERE tb.item_id = a.id AND tb.key = ?8) AS badge"

/* The filters as one clause over item_terms: every (key, value) must be among the item's
 * terms. Up to ITEM_FILTERS_MAX; the SQL text is fixed per count, so statements stay cached.
 * A site that lists other sites' items (item_listings) reads them too: a second set of
 * statements, since that OR cannot walk the site's index in date order (a site lists a few
 * hundred central documents; the main portal, with the most, lists none). */
#define T(n) " AND EXISTS (SELECT 1 FROM item_terms t" #n " WHERE t" #n ".item_id = a.id AND t" #n ".key = ?" \
	     #n "0 AND t" #n ".value = ?" #n "1)"
#define SITE_OWN " a.site_id = ?1"
#define SITE_LISTED " (a.site_id = ?1 OR a.id IN (SELECT item_id FROM item_listings WHERE site_id = ?1))"
/* every site's (site 0: a kind the main portal lists for the whole province, kind.province_list),
 * walking items_kind_all (kind, state, item_day, id) */
#define SITE_ALL " ?1 = 0"
/* Vietnamese items only: a translation is listed on its own language's pages (model/translation.h) */
#define WHERE(site) " FROM items a WHERE" site " AND a.kind = ?2 AND a.state = 'published' AND a.lang = 'vi'" \
		    " AND (?3 = 0 OR a.category_id = ?3)"
#define PAIR(site, filters)                                                                    \
	{ "SELECT count(*)" WHERE(site) filters,                                               \
	  "SELECT a.id" WHERE(site) filters " ORDER BY a.item_day DESC NULLS LAST, a.id DESC LIMIT ?4 OFFSET ?5" }
#define SET(site)                                                                              \
	{ PAIR(site, ""), PAIR(site, T(1)), PAIR(site, T(1) T(2)), PAIR(site, T(1) T(2) T(3)),    \
	  PAIR(site, T(1) T(2) T(3) T(4)), PAIR(site, T(1) T(2) T(3) T(4) T(5)),                 \
	  PAIR(site, T(1) T(2) T(3) T(4) T(5) T(6)) }
/* [site own, listed or every site][filters][count, ids] */
static const char *const filter_sql[3][ITEM_FILTERS_MAX + 1][2] = { SET(SITE_OWN), SET(SITE_LISTED), SET(SITE_ALL) };
#undef SET
#undef PAIR
#undef WHERE
#undef T

/* The answers of site_lists_others so far, kept with the connection until the database changes
 * (a home page asks it once per section: on PostgreSQL each question is a round trip). */
struct listing_memo {
	size_t n;
	struct {
		int64_t site_id;
		int yes;
	} v[64];
};

/* 1 when SITE_ID lists items of other sites. */
static int site_lists_others(struct db *db, int64_t site_id)
{
	struct listing_memo *m = db_memo_get(db, DB_MEMO_LISTINGS);
	for (size_t i = 0; m && i < m->n; i++)
		if (m->v[i].site_id == site_id)
			return m->v[i].yes;
	struct db_stmt *st = db_stmt(db, "SELECT 1 FROM item_listings WHERE site_id = ? LIMIT 1");
	if (!st)
		return 0;
	db_bind_int(st, 1, site_id);
	int rc = db_step(st), yes = rc == DB_ROW;
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return 0;
	if (!m) { /* plain malloc: kept across requests, never in a request's arena */
		m = xcalloc(1, sizeof(*m));
		db_memo_set(db, DB_MEMO_LISTINGS, m, free);
	}
	if (m->n == ARRAY_SIZE(m->v))
		m->n = 0; /* more sites than that asked between two changes: start again */
	m->v[m->n].site_id = site_id;
	m->v[m->n].yes = yes;
	m->n++;
	return yes;
}

/* The same with a year filter ("nam", the year of the item's own date) read as a range of
 * item_day, which the index on (site, kind, state, item_day, id) answers: a list of 2024's
 * documents walks 2024's entries only, not every document of the site from the newest down
 * (with up to ITEM_FILTERS_MAX - 1 other filters). */
#define YC(site, x) "SELECT count(*) FROM items a WHERE" site " AND a.kind = ?2 AND a.state = 'published' AND a.lang = 'vi'" \
	      " AND (?3 = 0 OR a.category_id = ?3) AND a.item_day BETWEEN ?6 AND ?7" x
#define YI(site, x) "SELECT a.id FROM items a WHERE" site " AND a.kind = ?2 AND a.state = 'published' AND a.lang = 'vi'" \
	      " AND (?3 = 0 OR a.category_id = ?3) AND a.item_day BETWEEN ?6 AND ?7" x                      \
	      " ORDER BY a.item_day DESC, a.id DESC LIMIT ?4 OFFSET ?5"
#define T(n) " AND EXISTS (SELECT 1 FROM item_terms t" #n " WHERE t" #n ".item_id = a.id AND t" #n ".key = ?" \
	     #n "0 AND t" #n ".value = ?" #n "1)"
#define YSET(site)                                                                             \
	{ { YC(site, ""), YI(site, "") },                                                      \
	  { YC(site, T(1)), YI(site, T(1)) },                                                  \
	  { YC(site, T(1) T(2)), YI(site, T(1) T(2)) },                                        \
	  { YC(site, T(1) T(2) T(3)), YI(site, T(1) T(2) T(3)) },                              \
	  { YC(site, T(1) T(2) T(3) T(4)), YI(site, T(1) T(2) T(3) T(4)) },                    \
	  { YC(site, T(1) T(2) T(3) T(4) T(5)), YI(site, T(1) T(2) T(3) T(4) T(5)) } }
/* [a site's own or every site's (index items_kind_all, 0023)][filters][count, ids] */
static const char *const filter_sql_year[2][ITEM_FILTERS_MAX][2] = { YSET(SITE_OWN), YSET(SITE_ALL) };
#undef YSET
#undef T
#undef YC
#undef YI

/* The year of a "nam" filter's value ("2024"), 0 when it is not a year the calendar knows. */
static int filter_year(const struct item_filter *f)
{
	const char *v = f->value;
	if (strcmp(f->key, "nam") != 0 || !v || strlen(v) != 4 || strspn(v, "0123456789") != 4)
		return 0;
	int y = atoi(v);
	return y >= VN_YEAR_MIN && y <= VN_YEAR_MAX ? y : 0;
}

static void bind_filters(struct db_stmt *st, const struct item_filter *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		db_bind_text(st, (int)((i + 1) * 10), f[i].key);
		db_bind_text(st, (int)((i + 1) * 10 + 1), f[i].value);
	}
}

/* ---- per-connection memo of list aggregates ----
 * A list page asks for the values of every filter (five on legal documents) and for its total,
 * and each is a walk over the site's matching documents (60,000 on the main portal of the
 * bench's 1,000,000-item set): kept with the connection until the database changes (db_memo),
 * as the sites and categories are; the first request after a change pays for them. */

static void terms_memo_free(void *p)
{
	json_decref(p);
}

/* Aggregates kept per connection at most; the memo starts again past it. */
#define TERMS_MEMO_MAX 2048

/* The memo, made (outside any request arena) when there is none or it is full. */
static json_t *aggregates_memo(struct db *db)
{
	json_t *memo = db_memo_get(db, DB_MEMO_TERMS);
	if (!memo || json_object_size(memo) >= TERMS_MEMO_MAX) {
		struct arena *prev = arena_enter(NULL);
		memo = json_object();
		db_memo_set(db, DB_MEMO_TERMS, memo, terms_memo_free);
		arena_leave(prev);
	}
	return memo;
}

/* The memo key of a list's total into BUF: 0, or -1 when it does not fit (not kept then). */
static int total_key(char *buf, size_t n, int64_t site_id, const char *kind, int64_t category_id,
		     const struct item_filter *f, size_t nf)
{
	int len = snprintf(buf, n, "n|%lld|%s|%lld", (long long)site_id, kind ? kind : "", (long long)category_id);
	for (size_t i = 0; i < nf && len >= 0 && (size_t)len < n; i++)
		len += snprintf(buf + len, n - (size_t)len, "\x1f%s=%s", f[i].key ? f[i].key : "",
				f[i].value ? f[i].value : "");
	return len >= 0 && (size_t)len < n ? 0 : -1;
}

/* The parameters a list's count and page statements share: the site (1), kind (2), category
 * (3), the year's range of days (6, 7) when YEAR, and the other filters. */
static void bind_list(struct db_stmt *st, int64_t site_id, const char *kind, int64_t category_id, int year, int32_t lo,
		      int32_t hi, const struct item_filter *rest, size_t nr)
{
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, kind);
	db_bind_int(st, 3, category_id);
	if (year) {
		db_bind_int(st, 6, lo);
		db_bind_int(st, 7, hi);
	}
	bind_filters(st, rest, nr);
}

/* The first column of every row of ST (bound): an array of integers. */
static json_t *ids_of(struct db_stmt *st)
{
	json_t *out = json_array();
	while (db_step(st) == DB_ROW)
		json_array_append_new(out, json_integer(db_col_int(st, 0)));
	db_reset(st);
	return out;
}

json_t *item_list_public(struct db *db, int64_t site_id, const char *kind, int64_t category_id,
			 const struct item_filter *f, size_t nf, int64_t limit, int64_t offset, int64_t *total,
			 unsigned how)
{
	json_t *ids = item_list_ids(db, site_id, kind, category_id, f, nf, limit, offset, total);
	json_t *rows = item_rows_by_ids(db, ids, kind, how);
	json_decref(ids);
	return rows;
}

json_t *item_list_ids(struct db *db, int64_t site_id, const char *kind, int64_t category_id,
		      const struct item_filter *f, size_t nf, int64_t limit, int64_t offset, int64_t *total)
{
	if (total)
		*total = 0;
	if (nf > ITEM_FILTERS_MAX)
		return json_array();
	/* a year filter becomes a range of days (on a site's own items: a site that lists others'
	 * items cannot walk its index in date order anyway); the other filters stay terms */
	/* site 0: every site's items (the main portal's list of a province-wide kind); its year
	 * stays a term, like a listing site's */
	int listed = site_id ? site_lists_others(db, site_id) : 2;
	struct item_filter rest[ITEM_FILTERS_MAX];
	size_t nr = 0;
	int year = 0;
	for (size_t i = 0; i < nf; i++) {
		if (listed != 1 && !year && (year = filter_year(&f[i])) != 0)
			continue;
		rest[nr++] = f[i];
	}
	const char *const *sql = year ? filter_sql_year[listed == 2][nr] : filter_sql[listed][nr];
	int32_t lo = year ? vn_date_to_days((vn_date){ year, 1, 1 }) : 0;
	int32_t hi = year ? vn_date_to_days((vn_date){ year, 12, 31 }) : 0;
	struct db_stmt *st;
	/* the total, kept with the connection until the database changes (aggregates_memo) */
	char mkey[512];
	int keep = total && total_key(mkey, sizeof(mkey), site_id, kind, category_id, f, nf) == 0;
	json_t *memo = keep ? db_memo_get(db, DB_MEMO_TERMS) : NULL;
	json_t *kept = memo ? json_object_get(memo, mkey) : NULL;
	if (kept) {
		*total = json_integer_value(kept);
	} else if (total && listed == 2 && !category_id && nf <= 1) {
		/* every site's: the sum of the sites' numbers (0020) */
		st = db_stmt(db, "SELECT coalesce(sum(n), 0) FROM item_term_counts WHERE kind = ?1 AND key = ?2 AND value = ?3");
		if (!st)
			return json_array();
		db_bind_text(st, 1, kind);
		db_bind_text(st, 2, nf ? f[0].key : "");
		db_bind_text(st, 3, nf ? f[0].value : "");
		*total = db_step(st) == DB_ROW ? db_col_int(st, 0) : 0;
		db_reset(st);
		if (keep) {
			struct arena *prev = arena_enter(NULL);
			json_object_set_new(aggregates_memo(db), mkey, json_integer(*total));
			arena_leave(prev);
		}
	} else if (total && !listed && !category_id && nf <= 1) {
		/* the site's items, or those with one term: kept by the database (0020) */
		st = db_stmt(db, "SELECT n FROM item_term_counts WHERE site_id = ?1 AND kind = ?2 AND key = ?3 AND value = ?4");
		if (!st)
			return json_array();
		db_bind_int(st, 1, site_id);
		db_bind_text(st, 2, kind);
		db_bind_text(st, 3, nf ? f[0].key : "");
		db_bind_text(st, 4, nf ? f[0].value : "");
		*total = db_step(st) == DB_ROW ? db_col_int(st, 0) : 0;
		db_reset(st);
	} else if (total) {
		st = db_stmt(db, sql[0]);
		if (!st)
			return json_array();
		bind_list(st, site_id, kind, category_id, year, lo, hi, rest, nr);
		int ok = db_step(st) == DB_ROW;
		*total = ok ? db_col_int(st, 0) : 0;
		db_reset(st);
		if (ok && keep) {
			struct arena *prev = arena_enter(NULL);
			json_object_set_new(aggregates_memo(db), mkey, json_integer(*total));
			arena_leave(prev);
		}
	}
	if (!listed && !category_id && nr == 1) {
		/* one term (and maybe a year): the first entries of its range in date order (0021) */
		st = year ? db_stmt(db, "SELECT d.item_id FROM item_term_days d WHERE d.site_id = ?1 AND d.kind = ?2"
					" AND d.key = ?3 AND d.value = ?4 AND d.item_day BETWEEN ?5 AND ?6"
					" ORDER BY d.item_day DESC, d.item_id DESC LIMIT ?7 OFFSET ?8")
			  : db_stmt(db, "SELECT d.item_id FROM item_term_days d WHERE d.site_id = ?1 AND d.kind = ?2"
					" AND d.key = ?3 AND d.value = ?4"
					" ORDER BY d.item_day DESC, d.item_id DESC LIMIT ?7 OFFSET ?8");
		if (!st)
			return json_array();
		db_bind_int(st, 1, site_id);
		db_bind_text(st, 2, kind);
		db_bind_text(st, 3, rest[0].key);
		db_bind_text(st, 4, rest[0].value);
		if (year) {
			db_bind_int(st, 5, lo);
			db_bind_int(st, 6, hi);
		}
		db_bind_int(st, 7, limit);
		db_bind_int(st, 8, offset);
		return ids_of(st);
	}
	st = db_stmt(db, sql[1]);
	if (!st)
		return json_array();
	bind_list(st, site_id, kind, category_id, year, lo, hi, rest, nr);
	db_bind_int(st, 4, limit);
	db_bind_int(st, 5, offset);
	return ids_of(st);
}

json_t *item_row_fields(json_t *row)
{
	fields_parse(row);
	return json_object_get(row, "f");
}

json_t *item_get_public_unparsed(struct db *db, int64_t site_id, const char *kind, int64_t id)
{
	/* its own, or one it lists (shown in its pages, its origin said by site_id) */
	struct db_stmt *st = db_stmt(db, "SELECT " ITEM_COLS ", a.body, a.created_at FROM items a"
				       " WHERE a.id = ?2 AND a.kind = ?3 AND a.state = 'published' AND (a.site_id = ?1"
				       " OR EXISTS (SELECT 1 FROM item_listings l WHERE l.site_id = ?1 AND l.item_id = a.id))");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, id);
	db_bind_text(st, 3, kind);
	return db_one_json(st);
}

json_t *item_get_public(struct db *db, int64_t site_id, const char *kind, int64_t id)
{
	json_t *row = item_get_public_unparsed(db, site_id, kind, id);
	if (row)
		fields_parse(row);
	return row;
}

/* Steps ST (bound) once: its first column's text written into BUF, or NULL when no row. */
static const char *one_text(struct db_stmt *st, char *buf, size_t n)
{
	const char *v = NULL;
	if (db_step(st) == DB_ROW) {
		snprintf(buf, n, "%s", db_col_text(st, 0));
		v = buf;
	}
	db_reset(st);
	return v;
}

const char *item_kind_of(struct db *db, int64_t site_id, int64_t id, char *buf, size_t n)
{
	struct db_stmt *st = db_stmt(db, "SELECT kind FROM items WHERE site_id = ? AND id = ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, id);
	return one_text(st, buf, n);
}

json_t *item_links_from(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT l.relation, l.to_ref, l.to_key, l.to_id, t.title AS to_title,"
				       " t.slug AS to_slug, t.site_id AS to_site_id, t.kind AS to_kind"
				       " FROM item_links l LEFT JOIN items t ON t.id = l.to_id AND t.state = 'published'"
				       " WHERE l.from_id = ? ORDER BY l.relation, l.position");
	if (!st)
		return json_array();
	db_bind_int(st, 1, id);
	return db_rows_json(st);
}

json_t *item_links_to(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT l.relation, l.from_id, f.ref AS from_ref, f.title AS from_title,"
				       " f.slug AS from_slug, f.site_id AS from_site_id, f.kind AS from_kind,"
				       " f.item_day AS from_day, (SELECT t.value FROM item_terms t WHERE t.item_id = f.id"
				       " AND t.key = 'hl') AS from_effective, CASE WHEN NOT EXISTS (SELECT 1 FROM item_terms t"
				       " WHERE t.item_id = f.id AND t.key = 'hl') THEN f.fields END AS from_fields"
				       " FROM item_links l JOIN items f ON f.id = l.from_id AND f.state = 'published'"
				       " WHERE l.to_id = ? ORDER BY l.relation, f.item_day NULLS FIRST, f.id");
	if (!st)
		return json_array();
	db_bind_int(st, 1, id);
	return db_rows_json(st);
}

/* Index entries one number search reads at most (a number typed without year or letters, "số 1",
 * is a range of every document numbered 1: a few thousand on a province's portal). */
#define ITEM_REF_SCAN_MAX 200000

/* 1 when item ID is published and SITE_ID's own or one it lists (SITE_ID 0: any site's). */
static int ref_visible(struct db *db, int64_t id, int64_t site_id)
{
	struct db_stmt *ck = db_stmt(db, "SELECT 1 FROM items a WHERE a.id = ?1 AND a.state = 'published'"
				       " AND (?2 = 0 OR a.site_id = ?2"
				       " OR EXISTS (SELECT 1 FROM item_listings l WHERE l.site_id = ?2 AND l.item_id = a.id))");
	if (!ck)
		return -1;
	db_bind_int(ck, 1, id);
	db_bind_int(ck, 2, site_id);
	int ok = db_step(ck) == DB_ROW;
	db_reset(ck);
	return ok;
}

json_t *item_find_by_ref(struct db *db, int64_t site_id, const char *kind, const char *query, int64_t limit)
{
	struct docnum_query q;
	char prefix[48];
	json_t *out = json_array();
	if (!docnum_query_parse(query, &q) || docnum_query_prefix(&q, prefix, sizeof(prefix)) < 0)
		return out;
	/* The keys that start with "12/2024/" (or "5/" when no year was typed) are a range of the
	 * index on (kind, ref_key), read without the rows: the letters are checked on each key here
	 * and only the keys that match are looked up (published, the site's own or listed by it).
	 * No cap on the range but ITEM_REF_SCAN_MAX entries: a cap on rows read before checking the
	 * letters ("LIMIT 500") missed every document past the 500th key of a common number ("kế
	 * hoạch số 5": the keys "5/2000/…" to "5/2026/…" sort before "5/kh-ubnd"), and reading each
	 * row cost a page. */
	size_t plen = strlen(prefix);
	char upper[48];
	snprintf(upper, sizeof(upper), "%.*s%c", (int)(plen - 1), prefix, prefix[plen - 1] + 1);
	struct db_stmt *st = db_stmt(db, "SELECT a.id, a.ref_key FROM items a INDEXED BY items_ref"
				       " WHERE a.kind = ?1 AND a.ref_key >= ?2 AND a.ref_key < ?3"
				       " AND a.ref_key IS NOT NULL ORDER BY a.ref_key");
	if (!st)
		return out;
	db_bind_text(st, 1, kind);
	db_bind_text(st, 2, prefix);
	db_bind_text(st, 3, upper);
	int64_t scanned = 0;
	while ((int64_t)json_array_size(out) < limit && scanned++ < ITEM_REF_SCAN_MAX && db_step(st) == DB_ROW) {
		if (!docnum_match(&q, db_col_text(st, 1)))
			continue;
		int64_t id = db_col_int(st, 0);
		int ok = ref_visible(db, id, site_id); /* published, and the site's own or one it lists */
		if (ok < 0)
			break;
		if (ok)
			json_array_append_new(out, json_integer(id));
	}
	db_reset(st);
	return out;
}

json_t *item_find_by_ident(struct db *db, int64_t site_id, const struct kind *k, const char *query, int64_t limit)
{
	json_t *out = json_array();
	char *key = kind_ident_key(k, query);
	if (!key || !*key) {
		free(key);
		return out;
	}
	/* the keys that start with the one typed: a range of the index on (kind, ref_key) */
	size_t n = strlen(key);
	char *upper = xstrdup(key);
	upper[n - 1] = (char)((unsigned char)upper[n - 1] + 1);
	struct db_stmt *st = db_stmt(db, "SELECT a.id FROM items a INDEXED BY items_ref"
				       " WHERE a.kind = ?1 AND a.ref_key >= ?2 AND a.ref_key < ?3"
				       " AND a.ref_key IS NOT NULL ORDER BY a.ref_key");
	if (st) {
		db_bind_text(st, 1, k->name);
		db_bind_text(st, 2, key);
		db_bind_text(st, 3, upper);
		int64_t scanned = 0;
		while ((int64_t)json_array_size(out) < limit && scanned++ < ITEM_REF_SCAN_MAX && db_step(st) == DB_ROW) {
			int ok = ref_visible(db, db_col_int(st, 0), site_id);
			if (ok < 0)
				break;
			if (ok)
				json_array_append_new(out, json_integer(db_col_int(st, 0)));
		}
		db_reset(st);
	}
	free(key);
	free(upper);
	return out;
}

json_t *item_rows_by_ids(struct db *db, json_t *ids, const char *kind, unsigned how)
{
	char *text = json_dumps(ids, JSON_COMPACT);
	struct db_stmt *st = db_stmt(db, "SELECT " LIST_COLS ", a.ref FROM json_each(?1) j CROSS JOIN items a ON a.id = j.value"
				       " WHERE a.state = 'published' ORDER BY j.key");
	const struct kind *k = kind ? kind_find(kind) : NULL;
	json_t *rows = json_array();
	if (st && text) {
		db_bind_text(st, 1, text);
		if (k && k->list_term)
			db_bind_text(st, 8, k->list_term);
		db_bind_int(st, 9, (how & ITEM_ROWS_FULL) != 0);
		json_decref(rows);
		rows = db_rows_json(st); /* fields parsed when asked for (item_row_fields) */
	}
	json_free_str(text);
	return rows;
}

json_t *item_term_values(struct db *db, int64_t site_id, const char *kind, const char *key)
{
	/* kept with the connection until the database changes (aggregates_memo) */
	json_t *memo = db_memo_get(db, DB_MEMO_TERMS);
	char mkey[160];
	snprintf(mkey, sizeof(mkey), "%lld|%s|%s", (long long)site_id, kind ? kind : "", key ? key : "");
	json_t *vals = memo ? json_object_get(memo, mkey) : NULL;
	if (vals)
		return json_incref(vals);
	/* kept by the database's triggers (migration 0020): no item read; site 0 sums the sites' */
	struct db_stmt *st = site_id ? db_stmt(db, "SELECT value, n FROM item_term_counts WHERE site_id = ?1 AND kind = ?2"
						 " AND key = ?3 AND n > 0 ORDER BY value")
				   : db_stmt(db, "SELECT value, sum(n) AS n FROM item_term_counts WHERE kind = ?2 AND key = ?3"
						 " AND ?1 = 0 GROUP BY value HAVING sum(n) > 0 ORDER BY value");
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, key);
	/* kept across requests: plain malloc, never the request's arena */
	struct arena *prev = arena_enter(NULL);
	vals = db_rows_json(st);
	json_object_set(aggregates_memo(db), mkey, vals);
	arena_leave(prev);
	return vals;
}

json_t *item_kind_sites(struct db *db, const char *kind)
{
	/* the items' own count per site (key '' of item_term_counts, kept by triggers) */
	struct db_stmt *st = db_stmt(db, "SELECT s.id, s.slug, s.name, c.n FROM item_term_counts c JOIN sites s ON s.id = c.site_id"
				       " WHERE c.kind = ? AND c.key = '' AND c.value = '' AND c.n > 0 ORDER BY s.kind = 'main' DESC,"
				       " s.name, s.id");
	if (!st)
		return json_array();
	db_bind_text(st, 1, kind);
	return db_rows_json(st);
}

/* ---- listing other sites' items ---- */

int item_listing_set(struct db *db, const struct actor *a, int64_t site_id, int64_t item_id, int on, struct errs *e)
{
	if (actor_level(db, a, site_id) < LVL_EDITOR)
		return M_DENIED;
	struct db_stmt *st = db_stmt(db, "SELECT site_id, kind, title FROM items WHERE id = ? AND state = 'published'");
	if (!st)
		return M_ERROR;
	db_bind_int(st, 1, item_id);
	json_t *it = db_one_json(st);
	const struct kind *k = it ? kind_find(json_string_value(json_object_get(it, "kind"))) : NULL;
	if (on && (!it || !k || !k->nfields || json_integer_value(json_object_get(it, "site_id")) == site_id)) {
		errs_add(e, "item", "listing_invalid");
		json_decref(it);
		return M_INVALID;
	}
	int rc = M_ERROR;
	if (db_begin(db))
		goto out;
	st = on ? db_stmt(db, "INSERT INTO item_listings (site_id, item_id, listed_by, listed_at) VALUES (?1, ?2, ?3, ?4)"
			      " ON CONFLICT DO NOTHING")
		: db_stmt(db, "DELETE FROM item_listings WHERE site_id = ?1 AND item_id = ?2");
	if (!st) {
		db_rollback(db);
		goto out;
	}
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, item_id);
	if (on) {
		if (a->id)
			db_bind_int(st, 3, a->id);
		db_bind_int(st, 4, time_now());
	}
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	char obj[48];
	snprintf(obj, sizeof(obj), "%s:%lld", k ? k->name : "item", (long long)item_id);
	if (!ok) {
		db_rollback(db);
		goto out;
	}
	if (audit_write(db, a, site_id, on ? "item.list" : "item.unlist", obj,
			it ? json_string_value(json_object_get(it, "title")) : "")) {
		db_rollback(db);
		goto out;
	}
	if (db_commit(db))
		goto out;
	rc = M_OK;
out:
	json_decref(it);
	return rc;
}

json_t *item_listing_candidates(struct db *db, const struct actor *a, int64_t site_id, const char *kind, const char *q,
				int64_t limit, int64_t offset, int64_t *total)
{
	if (total)
		*total = 0;
	if (!actor_level(db, a, site_id))
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT id FROM sites WHERE kind = 'main'");
	int64_t main_id = st && db_step(st) == DB_ROW ? db_col_int(st, 0) : 0;
	if (st)
		db_reset(st);
	json_t *ids = q && *q ? item_find_by_ref(db, main_id, kind, q, limit + offset) : json_array();
	json_t *rows;
	if (json_array_size(ids)) { /* a number: those documents */
		rows = item_rows_by_ids(db, ids, kind, 0);
		if (total)
			*total = (int64_t)json_array_size(rows);
	} else {
		struct sb like = SB_INIT;
		/* the words as typed: a '%' or '_' in them is not a wildcard (ESCAPE) */
		sb_addc(&like, '%');
		for (const char *p = q ? q : ""; *p; p++) {
			if (*p == '%' || *p == '_' || *p == '\\')
				sb_addc(&like, '\\');
			sb_addc(&like, *p);
		}
		sb_addc(&like, '%');
		/* the main portal's Vietnamese documents (a translation is listed on its language's pages) */
		st = db_stmt(db, "SELECT count(*) FROM items a WHERE a.site_id = ?1 AND a.kind = ?2 AND a.state = 'published'"
				 " AND a.lang = 'vi' AND (lower(a.title) LIKE lower(?3) ESCAPE '\\' OR lower(a.ref) LIKE lower(?3) ESCAPE '\\')");
		if (st && total) {
			db_bind_int(st, 1, main_id);
			db_bind_text(st, 2, kind);
			db_bind_text(st, 3, like.buf);
			*total = db_step(st) == DB_ROW ? db_col_int(st, 0) : 0;
			db_reset(st);
		}
		st = db_stmt(db, "SELECT " ITEM_COLS " FROM items a WHERE a.site_id = ?1 AND a.kind = ?2 AND a.state = 'published'"
				 " AND a.lang = 'vi' AND (lower(a.title) LIKE lower(?3) ESCAPE '\\' OR lower(a.ref) LIKE lower(?3) ESCAPE '\\')"
				 " ORDER BY a.item_day DESC NULLS LAST, a.id DESC LIMIT ?4 OFFSET ?5");
		rows = json_array();
		if (st) {
			db_bind_int(st, 1, main_id);
			db_bind_text(st, 2, kind);
			db_bind_text(st, 3, like.buf);
			db_bind_int(st, 4, limit);
			db_bind_int(st, 5, offset);
			json_decref(rows);
			rows = db_rows_json(st);
			size_t i;
			json_t *r;
			json_array_foreach(rows, i, r)
				fields_parse(r);
		}
		sb_release(&like);
	}
	json_decref(ids);
	st = db_stmt(db, "SELECT 1 FROM item_listings WHERE site_id = ? AND item_id = ?");
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r) {
		int listed = 0;
		if (st) {
			db_bind_int(st, 1, site_id);
			db_bind_int(st, 2, json_integer_value(json_object_get(r, "id")));
			listed = db_step(st) == DB_ROW;
			db_reset(st);
		}
		json_object_set_new(r, "listed", json_boolean(listed));
		json_object_set_new(r, "own", json_boolean(json_integer_value(json_object_get(r, "site_id")) == site_id));
	}
	return rows;
}

const char *item_term_get(struct db *db, int64_t id, const char *key, char *buf, size_t n)
{
	struct db_stmt *st = db_stmt(db, "SELECT value FROM item_terms WHERE item_id = ? AND key = ? ORDER BY value LIMIT 1");
	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, key);
	return one_text(st, buf, n);
}

/* ---- feeds and sitemaps ---- */

/* A feed's candidate: an item's publication time and id, read from a category's index. */
struct feed_pick {
	int64_t published_at, id;
};

static int feed_pick_newer(const void *a, const void *b)
{
	const struct feed_pick *x = a, *y = b;
	if (x->published_at != y->published_at)
		return x->published_at < y->published_at ? 1 : -1;
	return x->id < y->id ? 1 : x->id > y->id ? -1 : 0;
}

/* 1 when category C (a row of category_tree) holds items Q takes in. */
static int feed_takes(const struct item_query *q, json_t *c)
{
	const char *ck = json_string_value(json_object_get(c, "kind"));
	const char *kind = ck && *ck ? ck : "article";
	/* the count is of Vietnamese items (0036): a feed in another language reads every category */
	if (json_integer_value(json_object_get(c, "published_count")) <= 0 && (!q->lang || strcmp(q->lang, "vi") == 0))
		return 0;
	if (q->kind)
		return strcmp(kind, q->kind) == 0;
	const struct kind *k = kind_find(kind);
	return k && k->site_feed;
}

json_t *item_feed(struct db *db, const struct item_query *q, int64_t limit)
{
	json_t *tree = category_tree(db, q->site_id), *out = NULL;
	int64_t *cats = NULL;
	size_t ncats = 0;
	if (q->category_id) {
		ncats = category_subtree(tree, q->category_id, &cats);
	} else {
		size_t i;
		json_t *c;
		cats = xcalloc(json_array_size(tree) + 1, sizeof(*cats));
		json_array_foreach(tree, i, c)
			if (feed_takes(q, c))
				cats[ncats++] = json_integer_value(json_object_get(c, "id"));
	}
	/* each category's newest LIMIT through its index (articles_category), without a row read;
	 * the same statement as a category page's (article_in_category) */
	struct feed_pick *picks = NULL;
	size_t npicks = 0, cap = 0;
	for (size_t i = 0; i < ncats && limit > 0; i++) {
		struct db_stmt *st = db_stmt(db, "SELECT a.published_at, a.id FROM items a WHERE a.category_id = ?1"
					       " AND a.state = 'published' AND a.lang = ?3"
					       " ORDER BY a.published_at DESC, a.id DESC LIMIT ?2");
		if (!st)
			goto out;
		db_bind_int(st, 1, cats[i]);
		db_bind_int(st, 2, limit);
		db_bind_text(st, 3, q->lang ? q->lang : "vi");
		while (db_step(st) == DB_ROW) {
			if (npicks == cap) {
				cap = cap ? cap * 2 : 64;
				picks = xrealloc(picks, st_mult(cap, sizeof(*picks)));
			}
			picks[npicks++] = (struct feed_pick){ db_col_int(st, 0), db_col_int(st, 1) };
		}
		db_reset(st);
	}
	if (npicks)
		qsort(picks, npicks, sizeof(*picks), feed_pick_newer);
	json_t *ids = json_array();
	for (size_t i = 0; i < npicks && (int64_t)i < limit; i++)
		json_array_append_new(ids, json_integer(picks[i].id));
	if (json_array_size(ids)) {
		/* the rows in that order, in one statement; the cover is a file of the item's site */
		char *text = json_dumps(ids, JSON_COMPACT);
		struct db_stmt *st = db_stmt(db, "SELECT a.id, a.site_id, a.kind, a.category_id, a.title, a.slug, a.summary,"
					       " a.author, a.published_at, a.updated_at, a.created_at, m.sha256 AS cover_sha,"
					       " m.ext AS cover_ext, m.mime AS cover_mime, m.size AS cover_size, m.kind AS cover_kind"
					       " FROM json_each(?1) j CROSS JOIN items a ON a.id = j.value"
					       " LEFT JOIN media m ON m.id = a.cover_id AND m.site_id = a.site_id"
					       " WHERE a.state = 'published' AND a.site_id = ?2 ORDER BY j.key");
		if (st && text) {
			db_bind_text(st, 1, text);
			db_bind_int(st, 2, q->site_id);
			out = db_rows_json(st);
		}
		json_free_str(text);
	}
	json_decref(ids);
out:
	free(picks);
	free(cats);
	json_decref(tree);
	return out ? out : json_array();
}

int64_t item_count_public(struct db *db, int64_t site_id)
{
	json_t *tree = category_tree(db, site_id);
	int64_t n = 0;
	size_t i;
	json_t *c;
	json_array_foreach(tree, i, c)
		n += json_integer_value(json_object_get(c, "published_count"));
	json_decref(tree);
	return n;
}

int64_t item_each_public(struct db *db, int64_t site_id, int64_t offset, int64_t limit,
			 void (*fn)(const struct item_url *u, void *arg), void *arg)
{
	/* the site's published items in the order of its index (articles_public: site, state,
	 * publication, id), so that the OFFSET is skipped in the index */
	struct db_stmt *st = db_stmt(db, "SELECT a.id, a.kind, a.slug, a.published_at, a.updated_at FROM items a"
				       " WHERE a.site_id = ?1 AND a.state = 'published' AND a.lang = 'vi'"
				       " ORDER BY a.published_at, a.id LIMIT ?2 OFFSET ?3");
	if (!st)
		return -1;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, limit);
	db_bind_int(st, 3, offset);
	int64_t n = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t pub = db_col_int(st, 3), upd = db_col_int(st, 4);
		struct item_url u = { db_col_int(st, 0), db_col_text(st, 1), db_col_text(st, 2), upd > pub ? upd : pub };
		fn(&u, arg);
		n++;
	}
	db_reset(st);
	return rc == DB_DONE ? n : -1;
}

int64_t item_public_site(struct db *db, const char *kind, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT site_id FROM items WHERE id = ?1 AND kind = ?2 AND state = 'published'");
	int64_t site = 0;
	if (!st)
		return 0;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, kind);
	return db_one_int(st, &site) == 1 ? site : 0;
}
