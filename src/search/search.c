/* search.c — the FTS5 backend of search.h. Every indexed item is stored twice in one row: as
 * written (NFC, lower case by the tokenizer, one tone placement) and folded (vn_fold). A query
 * word with diacritics matches the folded columns OR the written ones, so that every spelling is
 * found and the exact one scores higher (bm25 sums both); a word without diacritics matches the
 * folded columns only. The user's words only ever reach FTS5 inside double quotes. */
#include "search/search.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/utf8.h"
#include "base/util.h"
#include "db/db.h"
#include "render/sanitize.h"
#include "vn/slug.h"
#include "model/kind.h"

#include <stdio.h>
#include <stdlib.h>
#include <stdatomic.h>
#include <string.h>
#include <utf8proc.h>

#include "base/banned.h"

/* The token of a site in the index's site_t column (migration 0012): letters and digits, one
 * unicode61 token, never offered as a suggestion. */
#define SITE_TOKEN "zsite"

#define QUERY_MAX_CHARS 500

/* ---- words ---- */

static int is_word_char(utf8proc_int32_t c)
{
	utf8proc_category_t cat = utf8proc_category(c);
	return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) || cat == UTF8PROC_CATEGORY_MN ||
	       cat == UTF8PROC_CATEGORY_MC || (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

/* Lower case, NFC, one tone placement; malloc'd. */
static char *word_normalize(const char *w)
{
	utf8proc_uint8_t *low = NULL;
	if (utf8proc_map((const utf8proc_uint8_t *)w, 0, &low, UTF8PROC_NULLTERM | UTF8PROC_STABLE |
			 UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD) < 0)
		return xstrdup("");
	char *r = vn_tone_normalize((const char *)low);
	free(low);
	return r ? r : xstrdup("");
}

/* Calls FN for every word of TEXT (runs of letters, marks and digits) with its byte range. */
static void words_each(const char *text, void (*fn)(const char *w, size_t len, size_t off, void *arg), void *arg)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)text;
	utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(text), off = 0, start = -1;
	while (left > 0) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p + off, left, &c);
		if (n <= 0) {
			n = 1;
			c = ' ';
		}
		if (is_word_char(c)) {
			if (start < 0)
				start = off;
		} else if (start >= 0) {
			fn(text + start, (size_t)(off - start), (size_t)start, arg);
			start = -1;
		}
		off += n;
		left -= n;
	}
	if (start >= 0)
		fn(text + start, (size_t)(off - start), (size_t)start, arg);
}

/* ---- the query ---- */

static void part_add_word(const char *w, size_t len, size_t off, void *arg)
{
	struct search_part *p = arg;
	(void)off;
	if (p->nwords == SEARCH_MAX_WORDS)
		return;
	char *raw = xstrndup(w, len);
	char *x = word_normalize(raw);
	char *f = vn_fold(x);
	free(raw);
	if (!f || !*x || !*f) { /* a lone combining mark folds to nothing: not a word */
		free(x);
		free(f);
		return;
	}
	if (strcmp(x, f) != 0)
		p->has_marks = 1;
	p->words[p->nwords] = x;
	p->folded[p->nwords] = f;
	p->nwords++;
}

void search_parse(const char *q, struct search_query *out)
{
	memset(out, 0, sizeof(*out));
	char *nfc = q ? utf8_nfc(q, strlen(q)) : NULL;
	if (!nfc)
		return;
	char *text = utf8_ellipsize(nfc, QUERY_MAX_CHARS);
	free(nfc);
	const char *s = text;
	while (*s && out->nparts < SEARCH_MAX_PARTS) {
		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		if (!*s)
			break;
		int neg = 0;
		if (*s == '-' && s[1] && s[1] != ' ') {
			neg = 1;
			s++;
		}
		const char *start, *end;
		if (*s == '"') { /* a phrase, to the closing quote or the end */
			start = ++s;
			end = strchr(s, '"');
			if (!end)
				end = s + strlen(s);
			s = *end ? end + 1 : end;
		} else {
			start = s;
			while (*s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '"')
				s++;
			end = s;
		}
		struct search_part *p = &out->parts[out->nparts];
		char *chunk = xstrndup(start, (size_t)(end - start));
		p->negated = neg;
		words_each(chunk, part_add_word, p);
		free(chunk);
		if (p->nwords)
			out->nparts++;
	}
	free(text);
}

void search_query_release(struct search_query *q)
{
	for (int i = 0; i < q->nparts; i++)
		for (int k = 0; k < q->parts[i].nwords; k++) {
			free(q->parts[i].words[k]);
			free(q->parts[i].folded[k]);
		}
	q->nparts = 0;
}

/* "w1 w2 …" as an FTS5 string (words hold no quote, but double any anyway). */
static void add_phrase(struct sb *b, char *const *words, int n)
{
	sb_addc(b, '"');
	for (int i = 0; i < n; i++) {
		if (i)
			sb_addc(b, ' ');
		for (const char *c = words[i]; *c; c++) {
			if (*c == '"')
				sb_addc(b, '"');
			sb_addc(b, *c);
		}
	}
	sb_addc(b, '"');
}

char *search_match_expr(const struct search_query *q)
{
	struct sb b = SB_INIT;
	int pos = 0;
	for (int i = 0; i < q->nparts; i++) {
		const struct search_part *p = &q->parts[i];
		if (p->negated)
			continue;
		sb_adds(&b, pos++ ? " AND (" : "(");
		sb_adds(&b, "{title_f body_f} : ");
		add_phrase(&b, p->folded, p->nwords);
		if (p->has_marks) {
			sb_adds(&b, " OR {title_x body_x} : ");
			add_phrase(&b, p->words, p->nwords);
		}
		sb_addc(&b, ')');
	}
	if (!pos) {
		sb_release(&b);
		return NULL;
	}
	for (int i = 0; i < q->nparts; i++) {
		const struct search_part *p = &q->parts[i];
		if (!p->negated)
			continue;
		/* "-bán" leaves out "bán" only; "-ban" every spelling of it */
		sb_adds(&b, p->has_marks ? " NOT {title_x body_x} : " : " NOT {title_f body_f} : ");
		add_phrase(&b, p->has_marks ? p->words : p->folded, p->nwords);
	}
	return sb_detach(&b, NULL);
}

/* ---- snippets ---- */

struct marker {
	const struct search_query *q;
	const char *text;
	struct sb *out;
	size_t copied;      /* bytes of TEXT already written */
	long from, to;      /* word window; -1: whole text */
	long word;          /* current word number */
	long first_hit;     /* for the first pass */
	int escaped_any;
};

static int word_hits(const struct search_query *q, const char *w, size_t len)
{
	char *raw = xstrndup(w, len);
	char *x = word_normalize(raw);
	char *f = vn_fold(x);
	int hit = 0;
	for (int i = 0; !hit && i < q->nparts; i++) {
		const struct search_part *p = &q->parts[i];
		for (int k = 0; !p->negated && !hit && k < p->nwords; k++)
			hit = f && strcmp(f, p->folded[k]) == 0;
	}
	free(raw);
	free(x);
	free(f);
	return hit;
}

static void find_first(const char *w, size_t len, size_t off, void *arg)
{
	struct marker *m = arg;
	(void)off;
	if (m->first_hit < 0 && word_hits(m->q, w, len))
		m->first_hit = m->word;
	m->word++;
}

static void mark_words(const char *w, size_t len, size_t off, void *arg)
{
	struct marker *m = arg;
	long n = m->word++;
	if (m->from >= 0 && (n < m->from || n > m->to))
		return;
	if (m->copied < off) {
		/* the text between words, from the window's start */
		size_t start = m->copied;
		if (m->from >= 0 && n == m->from)
			start = off;
		sb_add_html(m->out, m->text + start, off - start);
	}
	int hit = word_hits(m->q, w, len);
	if (hit)
		sb_adds(m->out, "<mark>");
	sb_add_html(m->out, w, len);
	if (hit)
		sb_adds(m->out, "</mark>");
	m->copied = off + len;
}

/* TEXT escaped, the query's words in <mark>; WIDTH words around the first hit when WIDTH > 0. */
static char *highlight(const struct search_query *q, const char *text, long width)
{
	struct sb out = SB_INIT;
	struct marker m = { q, text, &out, 0, -1, -1, 0, -1, 0 };
	if (width > 0) {
		words_each(text, find_first, &m);
		long total = m.word, hit = m.first_hit < 0 ? 0 : m.first_hit;
		m.from = hit > width / 3 ? hit - width / 3 : 0;
		m.to = m.from + width - 1;
		if (m.from > 0)
			sb_adds(&out, "… ");
		m.word = 0;
		m.copied = 0;
		words_each(text, mark_words, &m);
		if (m.to < total - 1)
			sb_adds(&out, " …");
		else if (m.copied < strlen(text))
			sb_add_html(&out, text + m.copied, strlen(text) - m.copied);
	} else {
		words_each(text, mark_words, &m);
		sb_add_html(&out, text + m.copied, strlen(text) - m.copied);
	}
	return sb_detach(&out, NULL);
}

/* ---- suggestions ---- */

static int edit_distance(const char *a, const char *b, int cap)
{
	size_t la = strlen(a), lb = strlen(b);
	if ((la > lb ? la - lb : lb - la) > (size_t)cap || la > 40 || lb > 40)
		return cap + 1;
	int d[41][41];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= la; i++)
		for (size_t j = 1; j <= lb; j++) {
			int c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < c)
				c = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < c)
				c = d[i][j - 1] + 1;
			d[i][j] = c;
		}
	return d[la][lb];
}

static int term_known(struct db *db, const char *w)
{
	struct db_stmt *st = db_stmt(db, "SELECT 1 FROM search_vocab WHERE term = ?");
	if (!st)
		return 1;
	db_bind_text(st, 1, w);
	int known = db_step(st) == DB_ROW;
	db_reset(st);
	return known;
}

/* The closest indexed folded term to W (within 1 or 2 edits), or NULL when W is indexed, too
 * short or a number, or nothing is close. */
static char *closest_term(struct db *db, const char *w)
{
	size_t len = strlen(w);
	if (len < 3 || strspn(w, "0123456789") == len || term_known(db, w))
		return NULL;
	char lo[2] = { w[0], 0 }, hi[2] = { (char)(w[0] + 1), 0 };
	int cap = strlen(w) <= 4 ? 1 : 2, best = cap + 1;
	int64_t best_docs = 0;
	char *r = NULL;
	struct db_stmt *st = db_stmt(db, "SELECT term, doc FROM search_vocab WHERE term >= ? AND term < ? LIMIT 20000");
	if (!st)
		return NULL;
	db_bind_text(st, 1, lo);
	db_bind_text(st, 2, hi);
	while (db_step(st) == DB_ROW) {
		const char *t = db_col_text(st, 0);
		int64_t docs = db_col_int(st, 1);
		int ascii = 1;
		for (const char *c = t; *c; c++)
			ascii &= (unsigned char)*c < 128;
		if (!ascii || strcmp(t, w) == 0 || strncmp(t, SITE_TOKEN, sizeof(SITE_TOKEN) - 1) == 0)
			continue;
		int dist = edit_distance(w, t, cap);
		if (dist < best || (dist == best && dist <= cap && docs > best_docs)) {
			best = dist;
			best_docs = docs;
			free(r);
			r = xstrdup(t);
		}
	}
	db_reset(st);
	return best <= cap ? r : (free(r), NULL);
}

static json_t *suggestions(struct db *db, const struct search_query *q)
{
	json_t *list = json_array();
	struct sb alt = SB_INIT;
	int changed = 0;
	for (int i = 0; i < q->nparts; i++) {
		const struct search_part *p = &q->parts[i];
		if (p->negated)
			continue;
		if (alt.len)
			sb_addc(&alt, ' ');
		if (p->nwords > 1)
			sb_addc(&alt, '"');
		for (int k = 0; k < p->nwords; k++) {
			char *t = (unsigned char)p->folded[k][0] < 128 ? closest_term(db, p->folded[k]) : NULL;
			if (k)
				sb_addc(&alt, ' ');
			sb_adds(&alt, t ? t : p->folded[k]);
			changed |= t != NULL;
			free(t);
		}
		if (p->nwords > 1)
			sb_addc(&alt, '"');
	}
	if (changed)
		json_array_append_new(list, json_string(alt.buf));
	sb_release(&alt);
	return list;
}

/* ---- running a query ---- */

/* Only the index is read while matching: the site is a token of the index itself (site_t,
 * joined to the expression by site_expr), the category is tested on the rowid against the
 * articles table's indexes, never through FTS5's stored content rows (a 6 KB read per match on
 * a large portal: docs/search.md). */
#define SEARCH_WHERE                                                                           \
	" FROM search_fts f WHERE search_fts MATCH ?1"                                             \
	" AND (?3 = 0 OR f.published_at >= ?3) AND (?4 = 0 OR f.published_at < ?4)"               \
	" AND (?5 = '' OR f.kind = ?5)"                                                            \
	" AND (?6 = 0 OR f.rowid IN (SELECT id FROM items WHERE category_id IN (WITH RECURSIVE"  \
	" sub(id) AS (SELECT ?6 UNION ALL SELECT x.id FROM categories x JOIN sub ON x.parent_id = sub.id)" \
	" SELECT id FROM sub)))"

/* Counting stops here: "more than 10,000" is as useful as the exact number, and much cheaper. */
#define COUNT_CAP 10000

/* EXPR limited to P's site when it has one; malloc'd. */
static char *site_expr(const char *expr, const struct search_params *p)
{
	struct sb b = SB_INIT;
	if (p->site_id)
		sb_addf(&b, "(%s) AND site_t:" SITE_TOKEN "%lld", expr, (long long)p->site_id);
	else
		sb_adds(&b, expr);
	return sb_detach(&b, NULL);
}

static void bind_filters(struct db_stmt *st, const char *expr, const struct search_params *p)
{
	db_bind_text(st, 1, expr);
	db_bind_int(st, 3, p->from);
	db_bind_int(st, 4, p->to);
	db_bind_text(st, 5, p->kind ? p->kind : "");
	db_bind_int(st, 6, p->category_id);
}

/* The ids of one page: ranked by bm25 (exact spellings weigh more) when the matches are few
 * enough to rank, newest first when they are more than COUNT_CAP (ranking half a million rows
 * cannot be quick, and for so broad a query the newest items serve the reader best). */
static json_t *result_ids(struct db *db, const char *expr, const struct search_params *p, int broad)
{
	struct db_stmt *st = broad ? db_stmt(db, "SELECT f.rowid AS id" SEARCH_WHERE " ORDER BY f.rowid DESC LIMIT ?7 OFFSET ?8")
				 : db_stmt(db, "SELECT f.rowid AS id" SEARCH_WHERE
					   " ORDER BY bm25(search_fts, 10.0, 3.0, 5.0, 1.0, 0.0), f.published_at DESC LIMIT ?7 OFFSET ?8");
	if (!st)
		return json_array();
	bind_filters(st, expr, p);
	db_bind_int(st, 7, p->limit);
	db_bind_int(st, 8, p->offset);
	return db_rows_json(st);
}

json_t *search_run(struct db *db, const struct search_params *p)
{
	struct search_query q;
	json_t *res = json_object(), *rows = json_array();
	int64_t total = 0;
	search_parse(p->q, &q);
	char *words = search_match_expr(&q);
	char *expr = words ? site_expr(words, p) : NULL;
	free(words);
	json_object_set_new(res, "searched", json_boolean(expr != NULL));
	if (expr) {
		struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM (SELECT 1" SEARCH_WHERE " LIMIT ?7)");
		if (st) {
			bind_filters(st, expr, p);
			db_bind_int(st, 7, COUNT_CAP + 1);
			if (db_step(st) == DB_ROW)
				total = db_col_int(st, 0);
			db_reset(st);
		}
		int broad = total > COUNT_CAP;
		json_object_set_new(res, "more", json_boolean(broad));
		if (broad)
			total = COUNT_CAP;
		json_t *ids = total ? result_ids(db, expr, p, broad) : json_array();
		size_t k;
		json_t *idrow;
		/* then only the page's articles are read */
		json_array_foreach(ids, k, idrow) {
			st = db_stmt(db, "SELECT a.id, a.site_id, a.kind, a.ref, a.title, a.slug, a.summary, a.body, a.published_at,"
					 " s.slug AS site_slug, s.kind AS site_kind, s.name AS site_name, c.id AS category_id,"
					 " c.name AS category_name, c.slug AS category_slug FROM items a"
					 " JOIN sites s ON s.id = a.site_id JOIN categories c ON c.id = a.category_id WHERE a.id = ?");
			if (!st)
				break;
			db_bind_int(st, 1, json_integer_value(json_object_get(idrow, "id")));
			json_t *row = db_one_json(st);
			if (row)
				json_array_append_new(rows, row);
		}
		json_decref(ids);
		size_t i;
		json_t *r;
		json_array_foreach(rows, i, r) {
			/* the snippet comes from what was indexed: the summary, then the text */
			const char *body = json_string_value(json_object_get(r, "body"));
			char *plain = html_to_text(body, strlen(body));
			struct sb all = SB_INIT;
			sb_addf(&all, "%s\n%s", json_string_value(json_object_get(r, "summary")), plain);
			free(plain);
			char *text = sb_detach(&all, NULL);
			char *snip = highlight(&q, text, 40);
			char *title = highlight(&q, json_string_value(json_object_get(r, "title")), 0);
			json_object_set_new(r, "snippet_html", json_string(snip));
			json_object_set_new(r, "title_html", json_string(title));
			json_object_del(r, "body");
			free(text);
			free(snip);
			free(title);
		}
		if (!total)
			json_object_set_new(res, "suggestions", suggestions(db, &q));
	}
	json_object_set_new(res, "total", json_integer(total));
	json_object_set_new(res, "results", rows);
	free(expr);
	search_query_release(&q);
	return res;
}

/* ---- the index ---- */

int search_index_article(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "DELETE FROM search_fts WHERE rowid = ?");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	if (!ok)
		return -1;
	st = db_stmt(db, "SELECT title, summary, body, site_id, category_id, published_at, kind, fields, ref FROM items"
			 " WHERE id = ? AND state = 'published'");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	json_t *a = db_one_json(st);
	if (!a)
		return 0; /* not public: not in the index */
	const char *body = json_string_value(json_object_get(a, "body"));
	char *text = html_to_text(body, strlen(body));
	struct sb all = SB_INIT;
	sb_addf(&all, "%s\n%s", json_string_value(json_object_get(a, "summary")), text);
	/* a kind's searchable fields (a document's number, issuing body, signer…) are searched with
	 * its text; its identifier also with its title, which ranks first */
	const struct kind *k = kind_find(json_string_value(json_object_get(a, "kind")));
	json_t *fields = json_loads(json_string_value(json_object_get(a, "fields")), 0, NULL);
	struct sb title = SB_INIT;
	sb_adds(&title, json_string_value(json_object_get(a, "title")));
	if (k && fields) {
		char *extra = kind_search_text(k, fields);
		if (*extra)
			sb_addf(&all, "\n%s", extra);
		free(extra);
	}
	if (json_string_value(json_object_get(a, "ref")))
		sb_addf(&title, " %s", json_string_value(json_object_get(a, "ref")));
	json_decref(fields);
	char *tx = vn_tone_normalize(title.buf);
	sb_release(&title);
	char *bx = vn_tone_normalize(all.buf);
	char *tf = tx ? vn_fold(tx) : NULL, *bf = bx ? vn_fold(bx) : NULL;
	int rc = -1;
	st = db_stmt(db, "INSERT INTO search_fts (rowid, title_x, body_x, title_f, body_f, site_t, site_id, category_id,"
			 " published_at, kind) VALUES (?1, ?2, ?3, ?4, ?5, '" SITE_TOKEN "' || ?6, ?6, ?7, ?8, ?9)");
	if (st && tx && bx && tf && bf) {
		db_bind_int(st, 1, id);
		db_bind_text(st, 2, tx);
		db_bind_text(st, 3, bx);
		db_bind_text(st, 4, tf);
		db_bind_text(st, 5, bf);
		db_bind_int(st, 6, json_integer_value(json_object_get(a, "site_id")));
		db_bind_int(st, 7, json_integer_value(json_object_get(a, "category_id")));
		db_bind_int(st, 8, json_integer_value(json_object_get(a, "published_at")));
		db_bind_text(st, 9, k ? k->name : "article");
		rc = db_step(st) == DB_DONE ? 0 : -1;
		db_reset(st);
	}
	if (rc)
		log_error("search: indexing article %lld: %s", (long long)id, db_errmsg(db));
	free(tx);
	free(bx);
	free(tf);
	free(bf);
	free(text);
	sb_release(&all);
	json_decref(a);
	return rc;
}

static atomic_int reindex_cancelled;

void search_reindex_cancel(void)
{
	atomic_store(&reindex_cancelled, 1);
}

int search_reindex(struct db *db, void (*progress)(int64_t done, int64_t total, void *arg), void *arg)
{
	atomic_store(&reindex_cancelled, 0);
	struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM items WHERE state = 'published'");
	int64_t total = 0, done = 0, last = 0;
	if (!st)
		return -1;
	if (db_step(st) == DB_ROW)
		total = db_col_int(st, 0);
	db_reset(st);
	if (db_begin(db) || db_exec(db, "DELETE FROM search_fts")) {
		db_rollback(db);
		return -1;
	}
	/* in id order, a batch per transaction, so a large site does not hold one huge one */
	for (;;) {
		st = db_stmt(db, "SELECT id FROM items WHERE state = 'published' AND id > ? ORDER BY id LIMIT 500");
		if (!st)
			goto fail;
		db_bind_int(st, 1, last);
		json_t *ids = db_rows_json(st);
		size_t i, n = json_array_size(ids);
		json_t *row;
		json_array_foreach(ids, i, row) {
			last = json_integer_value(json_object_get(row, "id"));
			if (search_index_article(db, last)) {
				json_decref(ids);
				goto fail;
			}
			done++;
		}
		json_decref(ids);
		if (db_commit(db))
			return -1;
		if (progress)
			progress(done, total, arg);
		if (!n)
			break;
		if (atomic_load(&reindex_cancelled))
			return 1; /* what is done stays; the rest comes with the next full rebuild */
		if (db_begin(db))
			return -1;
	}
	return db_exec(db, "INSERT INTO search_fts (search_fts) VALUES ('optimize')");
fail:
	db_rollback(db);
	return -1;
}
