/* search.c — search.h on both engines of the store: SQLite FTS5, and PostgreSQL's tsvector
 * (db_is_pg; docs/search.md, "PostgreSQL"). Every indexed item is stored twice in one row: as
 * written (NFC, lower case, one tone placement) and folded (vn_fold). A query word with
 * diacritics matches the folded columns OR the written ones, so that every spelling is found and
 * the exact one scores higher (bm25 sums both; on PostgreSQL a second ts_rank); a word without
 * diacritics matches the folded columns only. One parser (search_parse) feeds both expression
 * builders: search_match_expr (FTS5) and search_tsquery (PostgreSQL). The user's words only
 * ever reach FTS5 inside double quotes, and a tsquery inside single quotes. */
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

/* ---- the PostgreSQL expressions ---- */

/* The longest word (bytes) that PostgreSQL keeps in a tsvector or accepts in a tsquery; it
 * leaves longer words out of the index, and refuses them in a query. */
#define PG_WORD_MAX 2046

/* W as a tsquery lexeme: in single quotes, ' and \ doubled; cut to PG_WORD_MAX bytes (such a
 * word is in no index, and its cut matches nothing either). */
static void tsq_word(struct sb *b, const char *w)
{
	size_t n = strlen(w);
	if (n > PG_WORD_MAX) {
		n = PG_WORD_MAX;
		while (n && ((unsigned char)w[n] & 0xC0) == 0x80)
			n--;
	}
	sb_addc(b, '\'');
	for (size_t i = 0; i < n; i++) {
		if (w[i] == '\'' || w[i] == '\\')
			sb_addc(b, w[i]);
		sb_addc(b, w[i]);
	}
	sb_addc(b, '\'');
}

/* WORDS as a phrase ("'a':B <-> 'b':B"), every lexeme of weight W when W is not NULL. */
static void tsq_phrase(struct sb *b, char *const *words, int n, const char *w)
{
	for (int i = 0; i < n; i++) {
		if (i)
			sb_adds(b, " <-> ");
		tsq_word(b, words[i]);
		if (w)
			sb_addf(b, ":%s", w);
	}
}

/* WORDS in the title or the text of one tsvector (weights WT and WB): FTS5's
 * {title_f body_f} : "a b". A phrase is asked in each column on its own, so that it never runs
 * from the title's end into the text (a position has one weight); a lone word needs no weight
 * (the tsvector has these two only), so the GIN index answers it without reading the row. */
static void tsq_columns(struct sb *b, char *const *words, int n, const char *wt, const char *wb)
{
	if (n == 1) {
		tsq_word(b, words[0]);
		return;
	}
	sb_addc(b, '(');
	tsq_phrase(b, words, n, wt);
	sb_adds(b, ") | (");
	tsq_phrase(b, words, n, wb);
	sb_addc(b, ')');
}

char *search_tsquery(const struct search_query *q, enum search_tsq what)
{
	struct sb b = SB_INIT;
	int n = 0;
	for (int i = 0; i < q->nparts; i++) {
		const struct search_part *p = &q->parts[i];
		/* the weights of 0004_search.pg.sql: tsv_f title B, text D; tsv_x title A, text C */
		switch (what) {
		case SEARCH_TSQ_MATCH: /* every positive part, folded */
			if (p->negated)
				continue;
			sb_adds(&b, n++ ? " & (" : "(");
			tsq_columns(&b, p->folded, p->nwords, "B", "D");
			break;
		case SEARCH_TSQ_EXCLUDE: /* "-bán" leaves out "bán" only (as written) */
			if (!p->negated || !p->has_marks)
				continue;
			sb_adds(&b, n++ ? " | (" : "(");
			tsq_columns(&b, p->words, p->nwords, "A", "C");
			break;
		case SEARCH_TSQ_FOLDED: /* for ts_rank, which reads no weight: the words, their order */
		case SEARCH_TSQ_EXACT:
			if (p->negated || (what == SEARCH_TSQ_EXACT && !p->has_marks))
				continue;
			sb_adds(&b, n++ ? " & (" : "(");
			tsq_phrase(&b, what == SEARCH_TSQ_EXACT ? p->words : p->folded, p->nwords, NULL);
			break;
		}
		sb_addc(&b, ')');
	}
	for (int i = 0; n && what == SEARCH_TSQ_MATCH && i < q->nparts; i++) {
		const struct search_part *p = &q->parts[i];
		if (!p->negated || p->has_marks)
			continue;
		/* "-ban" leaves out every spelling of it */
		sb_adds(&b, " & !(");
		tsq_columns(&b, p->folded, p->nwords, "B", "D");
		sb_addc(&b, ')');
	}
	if (!n) {
		sb_release(&b);
		return NULL;
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
	/* PostgreSQL: search_vocab is a table (0004_search.pg.sql), read in term order as fts5vocab
	 * gives it, so that ties go to the same term */
	struct db_stmt *st = db_is_pg(db) ? db_stmt(db, "SELECT term, doc FROM search_vocab WHERE term >= ? AND term < ?"
							" ORDER BY term LIMIT 20000")
					  : db_stmt(db, "SELECT term, doc FROM search_vocab WHERE term >= ? AND term < ? LIMIT 20000");
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
#define SEARCH_FILTERS                                                                         \
	" AND (?3 = 0 OR f.published_at >= ?3) AND (?4 = 0 OR f.published_at < ?4)"               \
	" AND (?5 = '' OR f.kind = ?5)"                                                            \
	" AND (?6 = 0 OR f.rowid IN (SELECT id FROM items WHERE category_id IN (WITH RECURSIVE"  \
	" sub(id) AS (SELECT ?6 UNION ALL SELECT x.id FROM categories x JOIN sub ON x.parent_id = sub.id)" \
	" SELECT id FROM sub)))"
#define SEARCH_WHERE " FROM search_fts f WHERE search_fts MATCH ?1" SEARCH_FILTERS
/* PostgreSQL (0004_search.pg.sql): the query's words against the folded tsvector (its GIN
 * index), the exclusions typed with diacritics against the written one, the site on its own
 * indexed column, the same filters. */
#define SEARCH_WHERE_PG                                                                             \
	" FROM search_fts f WHERE f.tsv_f @@ CAST(?1 AS tsquery)"                                      \
	" AND (?9 = '' OR NOT f.tsv_x @@ CAST(?9 AS tsquery)) AND (?2 = 0 OR f.site_id = ?2)" SEARCH_FILTERS

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

/* EXCLUDE: PostgreSQL's SEARCH_TSQ_EXCLUDE (NULL: none). */
static void bind_filters(struct db *db, struct db_stmt *st, const char *expr, const char *exclude,
			 const struct search_params *p)
{
	db_bind_text(st, 1, expr);
	if (db_is_pg(db)) {
		db_bind_int(st, 2, p->site_id);
		db_bind_text(st, 9, exclude ? exclude : "");
	}
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
	bind_filters(db, st, expr, NULL, p);
	db_bind_int(st, 7, p->limit);
	db_bind_int(st, 8, p->offset);
	return db_rows_json(st);
}

/* The same on PostgreSQL. ts_rank reads no weight in the query, so the column filters of FTS5's
 * bm25 are two ranks: the folded words (FOLDED) in tsv_f, title 0.5 and text 0.1, and the words
 * as written (EXACT) in tsv_x, title 1.0 and text 0.3 (bm25's 5, 1, 10, 3). ts_rank has no IDF,
 * which in bm25 always favours the exact spelling (its matches are some of the folded one's), so
 * the exact rank counts twice: the exact spelling in the text ranks above a folded match in the
 * title, as on SQLite. LIMIT and OFFSET as SQLite reads them (a negative limit: none; a negative
 * offset: 0), where PostgreSQL would refuse them. */
static json_t *result_ids_pg(struct db *db, const char *expr, const char *exclude, const struct search_query *q,
			     const struct search_params *p, int broad)
{
	struct db_stmt *st =
		broad ? db_stmt(db, "SELECT f.rowid AS id" SEARCH_WHERE_PG " ORDER BY f.rowid DESC LIMIT ?7 OFFSET ?8")
		      : db_stmt(db, "SELECT f.rowid AS id" SEARCH_WHERE_PG
				    " ORDER BY ts_rank(CAST('{0.1,0,0.5,0}' AS real[]), f.tsv_f, CAST(?10 AS tsquery))"
				    " + CASE WHEN ?11 = '' THEN 0"
				    " ELSE 2 * ts_rank(CAST('{0,0.3,0,1}' AS real[]), f.tsv_x, CAST(?11 AS tsquery)) END DESC,"
				    " f.published_at DESC LIMIT ?7 OFFSET ?8");
	if (!st)
		return json_array();
	bind_filters(db, st, expr, exclude, p);
	if (p->limit < 0)
		db_bind_null(st, 7);
	else
		db_bind_int(st, 7, p->limit);
	db_bind_int(st, 8, p->offset > 0 ? p->offset : 0);
	if (!broad) {
		char *folded = search_tsquery(q, SEARCH_TSQ_FOLDED), *exact = search_tsquery(q, SEARCH_TSQ_EXACT);
		db_bind_text(st, 10, folded);
		db_bind_text(st, 11, exact ? exact : "");
		free(folded);
		free(exact);
	}
	return db_rows_json(st);
}

json_t *search_run(struct db *db, const struct search_params *p)
{
	struct search_query q;
	json_t *res = json_object(), *rows = json_array();
	int64_t total = 0;
	int pg = db_is_pg(db);
	search_parse(p->q, &q);
	char *expr, *exclude = NULL;
	if (pg) {
		expr = search_tsquery(&q, SEARCH_TSQ_MATCH);
		exclude = search_tsquery(&q, SEARCH_TSQ_EXCLUDE);
	} else {
		char *words = search_match_expr(&q);
		expr = words ? site_expr(words, p) : NULL;
		free(words);
	}
	json_object_set_new(res, "searched", json_boolean(expr != NULL));
	if (expr) {
		struct db_stmt *st = pg ? db_stmt(db, "SELECT count(*) FROM (SELECT 1" SEARCH_WHERE_PG " LIMIT ?7) AS m")
					: db_stmt(db, "SELECT count(*) FROM (SELECT 1" SEARCH_WHERE " LIMIT ?7)");
		if (st) {
			bind_filters(db, st, expr, exclude, p);
			db_bind_int(st, 7, COUNT_CAP + 1);
			if (db_step(st) == DB_ROW)
				total = db_col_int(st, 0);
			db_reset(st);
		}
		int broad = total > COUNT_CAP;
		json_object_set_new(res, "more", json_boolean(broad));
		if (broad)
			total = COUNT_CAP;
		json_t *ids = !total ? json_array() : pg ? result_ids_pg(db, expr, exclude, &q, p, broad) : result_ids(db, expr, p, broad);
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
	free(exclude);
	search_query_release(&q);
	return res;
}

/* ---- the index ---- */

/* PostgreSQL's text of an index column: the words of a text cut and normalised in C as a
 * query's words are (word_normalize), separated by spaces, and beside them their folded forms.
 * PostgreSQL's parser then only splits on the spaces: its own idea of a word ("12/2024/qđ-ubnd"
 * is a file path to it), of case and of letters in the database's locale never applies. */
struct pg_text {
	struct sb x, f;
	size_t max; /* X and F each stay under this many bytes; the words that follow are left out */
	int cut;
};

static void pg_text_word(const char *w, size_t len, size_t off, void *arg)
{
	struct pg_text *t = arg;
	(void)off;
	if (t->cut)
		return;
	char *raw = xstrndup(w, len);
	char *x = word_normalize(raw);
	char *f = vn_fold(x);
	free(raw);
	if (f && *x && *f) { /* as search_parse: a lone combining mark is not a word */
		size_t nx = strlen(x), nf = strlen(f);
		if (t->x.len + nx + 1 >= t->max || t->f.len + nf + 1 >= t->max) {
			t->cut = 1;
		} else {
			if (t->x.len)
				sb_addc(&t->x, ' ');
			sb_add(&t->x, x, nx);
			if (t->f.len)
				sb_addc(&t->f, ' ');
			sb_add(&t->f, f, nf);
		}
	}
	free(x);
	free(f);
}

/* A tsvector's words and positions take at most 1 MB. A word takes at most twice its bytes in
 * the text (itself aligned to 2 bytes, a count and a position of 2 bytes each; a word of the text
 * takes its length and a space), so below this many bytes of words (as written, or folded) a
 * tsvector is always accepted. A realistic text of 480 KB makes one of 10 KB (its words repeat);
 * 480 KB of distinct four-letter codes, 770 KB. */
#define PG_TEXT_SAFE 450000

static int pg_insert(struct db *db, int vocab, int64_t id, const struct pg_text *t, const struct pg_text *b, json_t *a,
		     const char *kind)
{
	/* with VOCAB, the item's folded words counted into search_vocab */
	struct db_stmt *st =
		vocab ? db_stmt(db, "WITH n AS (INSERT INTO search_fts (rowid, title_x, body_x, title_f, body_f, site_id,"
				    " category_id, published_at, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING tsv_f)"
				    " INSERT INTO search_vocab (term, doc) SELECT u.term, 1"
				    " FROM n, unnest(tsvector_to_array(n.tsv_f)) AS u(term)"
				    " ON CONFLICT (term) DO UPDATE SET doc = search_vocab.doc + 1")
		      : db_stmt(db, "INSERT INTO search_fts (rowid, title_x, body_x, title_f, body_f, site_id, category_id,"
				    " published_at, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, t->x.buf);
	db_bind_text(st, 3, b->x.buf);
	db_bind_text(st, 4, t->f.buf);
	db_bind_text(st, 5, b->f.buf);
	db_bind_int(st, 6, json_integer_value(json_object_get(a, "site_id")));
	db_bind_int(st, 7, json_integer_value(json_object_get(a, "category_id")));
	db_bind_int(st, 8, json_integer_value(json_object_get(a, "published_at")));
	db_bind_text(st, 9, kind);
	return db_step_done(st);
}

/* Indexes item ID (A, its row) on PostgreSQL. A text long enough that its tsvector might pass
 * 1 MB is tried whole inside a savepoint; when PostgreSQL refuses it, its first PG_TEXT_SAFE
 * bytes of words are indexed instead. */
static int index_pg(struct db *db, int vocab, int64_t id, const char *title, const char *body, json_t *a, const char *kind)
{
	struct pg_text t = { SB_INIT, SB_INIT, (size_t)-1, 0 }, b = { SB_INIT, SB_INIT, (size_t)-1, 0 };
	words_each(title, pg_text_word, &t);
	words_each(body, pg_text_word, &b);
	int rc;
	if (b.x.len < PG_TEXT_SAFE && b.f.len < PG_TEXT_SAFE) {
		rc = pg_insert(db, vocab, id, &t, &b, a, kind);
	} else if (db_begin(db)) {
		rc = -1;
	} else if (!pg_insert(db, vocab, id, &t, &b, a, kind)) {
		rc = db_commit(db);
	} else {
		db_rollback(db);
		log_warn("search: item %lld: its text is too long for PostgreSQL's tsvector, only its first %d KB are"
			 " searchable", (long long)id, PG_TEXT_SAFE / 1000);
		sb_release(&b.x);
		sb_release(&b.f);
		b.max = PG_TEXT_SAFE;
		words_each(body, pg_text_word, &b);
		rc = pg_insert(db, vocab, id, &t, &b, a, kind);
	}
	sb_release(&t.x);
	sb_release(&t.f);
	sb_release(&b.x);
	sb_release(&b.f);
	return rc;
}

/* search_index_article; VOCAB (PostgreSQL): keep search_vocab in step too (search_reindex
 * rebuilds it once at its end instead). */
static int index_item(struct db *db, int64_t id, int vocab)
{
	int pg = db_is_pg(db);
	struct db_stmt *st;
	if (pg && vocab) {
		/* the item's folded words leave the vocabulary with it; a word of no other item goes */
		st = db_stmt(db, "WITH o AS (DELETE FROM search_fts WHERE rowid = ?1 RETURNING tsv_f)"
				 " UPDATE search_vocab v SET doc = v.doc - 1"
				 " FROM o, unnest(tsvector_to_array(o.tsv_f)) AS u(term) WHERE v.term = u.term");
		if (!st)
			return -1;
		db_bind_int(st, 1, id);
		if (db_step_done(st) || db_step_done(db_stmt(db, "DELETE FROM search_vocab WHERE doc <= 0")))
			return -1;
	} else {
		st = db_stmt(db, "DELETE FROM search_fts WHERE rowid = ?");
		if (!st)
			return -1;
		db_bind_int(st, 1, id);
		int ok = db_step(st) == DB_DONE;
		db_reset(st);
		if (!ok)
			return -1;
	}
	/* Vietnamese items only: a translation is found by its own language's search, in the
	 * tables of search_lang.c (migration 0050) */
	if (search_lang_index(db, id))
		return -1;
	st = db_stmt(db, "SELECT title, summary, body, site_id, category_id, published_at, kind, fields, ref FROM items"
			 " WHERE id = ? AND state = 'published' AND lang = 'vi'");
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
	int rc = -1;
	if (pg) {
		rc = index_pg(db, vocab, id, title.buf, all.buf, a, k ? k->name : "article");
		if (rc)
			log_error("search: indexing article %lld: %s", (long long)id, db_errmsg(db));
		sb_release(&title);
		free(text);
		sb_release(&all);
		json_decref(a);
		return rc;
	}
	char *tx = vn_tone_normalize(title.buf);
	sb_release(&title);
	char *bx = vn_tone_normalize(all.buf);
	char *tf = tx ? vn_fold(tx) : NULL, *bf = bx ? vn_fold(bx) : NULL;
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

int search_index_article(struct db *db, int64_t id)
{
	return index_item(db, id, 1);
}

/* PostgreSQL: search_vocab made anew from the index, in one transaction (readers see the old
 * one until it commits). One pass over every tsvector: seconds on a large portal, so only at
 * the end of a rebuild, never per query. */
static int vocab_rebuild(struct db *db)
{
	if (db_begin(db) || db_exec(db, "DELETE FROM search_vocab") ||
	    db_exec(db, "INSERT INTO search_vocab (term, doc) SELECT word, ndoc"
			" FROM ts_stat('SELECT tsv_f FROM search_fts')")) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
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
	if (db_begin(db) || db_exec(db, "DELETE FROM search_fts") || db_exec(db, "DELETE FROM search_lang") ||
	    (!db_is_pg(db) && db_exec(db, "DELETE FROM search_grams"))) {
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
			if (index_item(db, last, 0)) {
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
		if (atomic_load(&reindex_cancelled)) /* what is done stays; the rest comes with the next full rebuild */
			return db_is_pg(db) && vocab_rebuild(db) ? -1 : 1;
		if (db_begin(db))
			return -1;
	}
	if (db_is_pg(db))
		return vocab_rebuild(db);
	return db_exec(db, "INSERT INTO search_fts (search_fts) VALUES ('optimize')");
fail:
	db_rollback(db);
	return -1;
}
