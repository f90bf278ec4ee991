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
#include "search/search_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <stdatomic.h>
#include <string.h>
#include <utf8proc.h>

#include "base/banned.h"

#define QUERY_MAX_CHARS 500

/* ---- words ---- */

static int is_word_char(utf8proc_int32_t c)
{
	utf8proc_category_t cat = utf8proc_category(c);
	return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) || cat == UTF8PROC_CATEGORY_MN ||
	       cat == UTF8PROC_CATEGORY_MC || (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

/* Lower case, NFC, one tone placement; malloc'd. */
char *search_word_normalize(const char *w)
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
void search_words_each(const char *text, void (*fn)(const char *w, size_t len, size_t off, void *arg), void *arg)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)text;
	utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(text), off = 0, start = -1;
	while (left > 0) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n;
		if (p[off] < 0x80) { /* ASCII: letters and digits are word characters, nothing else */
			c = p[off];
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
				if (start < 0)
					start = off;
			} else if (start >= 0) {
				fn(text + start, (size_t)(off - start), (size_t)start, arg);
				start = -1;
			}
			off++;
			left--;
			continue;
		}
		n = utf8proc_iterate(p + off, left, &c);
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
	char *x = search_word_normalize(raw);
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
		search_words_each(chunk, part_add_word, p);
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

/* WORDS (folded) as a phrase of bigram tokens for title_b and body_b: "a b c" ->
 * "a\u01c2b b\u01c2c" (search_index.c makes the same of an item's folded text), which FTS5
 * matches from the bigrams' own short doclists, instead of checking the positions of every item
 * that has all of a phrase's common words. */
static void add_bigrams(struct sb *b, char *const *words, int n)
{
	sb_addc(b, '"');
	for (int i = 0; i + 1 < n; i++) {
		if (i)
			sb_addc(b, ' ');
		for (int k = i; k <= i + 1; k++) {
			if (k > i)
				sb_adds(b, BIGRAM_SEP);
			for (const char *c = words[k]; *c; c++) {
				if (*c == '"')
					sb_addc(b, '"');
				sb_addc(b, *c);
			}
		}
	}
	sb_addc(b, '"');
}

/* The phrases of an FTS5 expression in their order (FTS5 numbers them so), each with what
 * cong_rank needs to know of it: the word whose number of items is its count (a one-word
 * phrase), the words of a phrase, or that it ranks nothing (an exclusion). */
struct phrase_info {
	const char *word;                /* a one-word phrase: the word */
	const struct search_part *words; /* a phrase of bigrams: its words */
	int ranks;                       /* 0: its count does not matter */
};
struct phrases {
	int n;
	struct phrase_info p[2 * SEARCH_MAX_PARTS + 2];
};

static void phrase_add(struct phrases *ph, const char *word, const struct search_part *words, int ranks)
{
	if (ph && ph->n < (int)ARRAY_SIZE(ph->p))
		ph->p[ph->n++] = (struct phrase_info){ ranks ? word : NULL, ranks ? words : NULL, ranks };
}

/* Every positive part is a group, AND'ed: a word is matched folded, OR as written when typed
 * with diacritics (the exact spelling then scores both); a phrase as folded bigrams. Exclusions
 * follow with NOT: "-bán" leaves out "bán" only, "-ban" every spelling. */
static char *match_expr(const struct search_query *q, struct phrases *ph)
{
	struct sb b = SB_INIT;
	int pos = 0;
	for (int i = 0; i < q->nparts; i++) {
		const struct search_part *p = &q->parts[i];
		if (p->negated)
			continue;
		sb_adds(&b, pos++ ? " AND (" : "(");
		if (p->nwords > 1) {
			sb_adds(&b, "{title_b body_b} : ");
			add_bigrams(&b, p->folded, p->nwords);
			phrase_add(ph, NULL, p, 1);
		} else {
			sb_adds(&b, "{title_f body_f} : ");
			add_phrase(&b, p->folded, 1);
			phrase_add(ph, p->folded[0], NULL, 1);
			if (p->has_marks) {
				sb_adds(&b, " OR {title_x body_x} : ");
				add_phrase(&b, p->words, 1);
				phrase_add(ph, p->words[0], NULL, 1);
			}
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
		if (p->has_marks) {
			sb_adds(&b, " NOT {title_x body_x} : ");
			add_phrase(&b, p->words, p->nwords);
		} else if (p->nwords > 1) {
			sb_adds(&b, " NOT {title_b body_b} : ");
			add_bigrams(&b, p->folded, p->nwords);
		} else {
			sb_adds(&b, " NOT {title_f body_f} : ");
			add_phrase(&b, p->folded, 1);
		}
		phrase_add(ph, NULL, NULL, 0);
	}
	return sb_detach(&b, NULL);
}

char *search_match_expr(const struct search_query *q)
{
	return match_expr(q, NULL);
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
	char *x = search_word_normalize(raw);
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
		search_words_each(text, find_first, &m);
		long total = m.word, hit = m.first_hit < 0 ? 0 : m.first_hit;
		m.from = hit > width / 3 ? hit - width / 3 : 0;
		m.to = m.from + width - 1;
		if (m.from > 0)
			sb_adds(&out, "… ");
		m.word = 0;
		m.copied = 0;
		search_words_each(text, mark_words, &m);
		if (m.to < total - 1)
			sb_adds(&out, " …");
		else if (m.copied < strlen(text))
			sb_add_html(&out, text + m.copied, strlen(text) - m.copied);
	} else {
		search_words_each(text, mark_words, &m);
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
	/* search_vocab: a table on both engines (0004_search.pg.sql, 0053_search_index.sql), read
	 * in term order, so that ties go to the same term; only its words of the right length */
	struct db_stmt *st = db_stmt(db, "SELECT term, doc FROM search_vocab WHERE term >= ? AND term < ?"
					 " AND length(term) BETWEEN ? AND ? ORDER BY term LIMIT 20000");
	if (!st)
		return NULL;
	db_bind_text(st, 1, lo);
	db_bind_text(st, 2, hi);
	db_bind_int(st, 3, (int64_t)len > cap ? (int64_t)len - cap : 1);
	db_bind_int(st, 4, (int64_t)len + cap);
	while (db_step(st) == DB_ROW) {
		const char *t = db_col_text(st, 0);
		int64_t docs = db_col_int(st, 1);
		int ascii = 1;
		for (const char *c = t; *c; c++)
			ascii &= (unsigned char)*c < 128;
		if (!ascii || strcmp(t, w) == 0 || strncmp(t, SITE_TOKEN, sizeof(SITE_TOKEN) - 1) == 0 ||
		    strncmp(t, KIND_TOKEN, sizeof(KIND_TOKEN) - 1) == 0)
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

/* Only the index is read while matching: the site and the kind are tokens of the index itself
 * (site_t, joined to the expression by filter_expr), the category is tested on the rowid against
 * the items table's indexes, the dates (when asked) on the item's row by its primary key. */
#define SEARCH_FILTERS                                                                         \
	" AND (?6 = 0 OR f.rowid IN (SELECT id FROM items WHERE category_id IN (WITH RECURSIVE"  \
	" sub(id) AS (SELECT ?6 UNION ALL SELECT x.id FROM categories x JOIN sub ON x.parent_id = sub.id)" \
	" SELECT id FROM sub)))"
#define SEARCH_WHERE                                                                           \
	" FROM search_fts f WHERE search_fts MATCH ?1 AND ((?3 = 0 AND ?4 = 0) OR EXISTS (SELECT 1"    \
	" FROM items a WHERE a.id = f.rowid AND (?3 = 0 OR a.published_at >= ?3) AND (?4 = 0 OR"        \
	" a.published_at < ?4)))" SEARCH_FILTERS
/* PostgreSQL (0004_search.pg.sql): the query's words against the folded tsvector (its GIN
 * index), the exclusions typed with diacritics against the written one, the site on its own
 * indexed column, the same filters. */
#define SEARCH_WHERE_PG                                                                             \
	" FROM search_fts f WHERE f.tsv_f @@ CAST(?1 AS tsquery)"                                      \
	" AND (?9 = '' OR NOT f.tsv_x @@ CAST(?9 AS tsquery)) AND (?2 = 0 OR f.site_id = ?2)"            \
	" AND (?3 = 0 OR f.published_at >= ?3) AND (?4 = 0 OR f.published_at < ?4)"                    \
	" AND (?5 = '' OR f.kind = ?5)" SEARCH_FILTERS

/* Counting stops here: "more than 10,000" is as useful as the exact number, and much cheaper. */
#define COUNT_CAP 10000

/* The weights of search_fts's columns for cong_rank (title_x, body_x, title_f, body_f, site_t,
 * title_b, body_b): the title as written 10, its text 3, folded 5 and 1, a phrase's bigrams as
 * the folded words; the filter tokens rank nothing. */
#define RANK_WEIGHTS "10 3 5 1 0 5 1"

/* EXPR limited to P's site and kind when it has them (the filter tokens of site_t); malloc'd. */
static char *filter_expr(const char *expr, const struct search_params *p)
{
	struct sb b = SB_INIT;
	sb_addf(&b, "(%s)", expr);
	if (p->site_id)
		sb_addf(&b, " AND site_t:" SITE_TOKEN "%lld", (long long)p->site_id);
	if (p->kind && *p->kind) {
		char *k = search_kind_token(p->kind);
		sb_addf(&b, " AND site_t:" KIND_TOKEN "%s", k);
		free(k);
	}
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
		db_bind_text(st, 5, p->kind ? p->kind : "");
	}
	db_bind_int(st, 3, p->from);
	db_bind_int(st, 4, p->to);
	db_bind_int(st, 6, p->category_id);
}

/* The number of items that have WORD (search_vocab, kept at index time); -1 when none has it. */
static int64_t vocab_items(struct db *db, const char *word)
{
	struct db_stmt *st = db_stmt(db, "SELECT doc FROM search_vocab WHERE term = ?");
	int64_t n = -1;
	if (!st)
		return -1;
	db_bind_text(st, 1, word);
	if (db_step(st) == DB_ROW)
		n = db_col_int(st, 0);
	db_reset(st);
	return n;
}

/* cong_rank's counts of PH's phrases: a word's number of items from search_vocab (kept at index
 * time), a phrase's that of its rarest word, -2 for one that ranks nothing (an exclusion; the
 * filter tokens come after the list); malloc'd. */
static char *phrase_counts(struct db *db, const struct phrases *ph)
{
	struct sb b = SB_INIT;
	for (int i = 0; i < ph->n; i++) {
		int64_t n = 0;
		if (i)
			sb_addc(&b, ' ');
		if (!ph->p[i].ranks) {
			sb_adds(&b, "-2");
			continue;
		}
		/* a phrase: as many items as its rarest word, at most (counting the phrase itself reads
		 * its doclist: "nhân dân", a bigram of a third of the items, 30 ms at a million) */
		const struct search_part *pp = ph->p[i].words;
		int nw = pp ? pp->nwords : 1;
		for (int k = 0; k < nw; k++) {
			int64_t c = vocab_items(db, pp ? pp->folded[k] : ph->p[i].word);
			if (c < 0)
				c = 0;
			if (k == 0 || c < n)
				n = c;
		}
		sb_addf(&b, "%lld", (long long)n);
	}
	return sb_detach(&b, NULL);
}

/* The ids of one page: ranked by bm25 (cong_rank: exact spellings weigh more) when the matches
 * are few enough to rank, newest first when they are more than COUNT_CAP (ranking half a million
 * rows cannot be quick, and for so broad a query the newest items serve the reader best). */
static json_t *result_ids(struct db *db, const char *expr, const struct phrases *ph, const struct search_params *p,
			  int broad)
{
	struct db_stmt *st = broad ? db_stmt(db, "SELECT f.rowid AS id" SEARCH_WHERE " ORDER BY f.rowid DESC LIMIT ?7 OFFSET ?8")
				 : db_stmt(db, "SELECT f.rowid AS id" SEARCH_WHERE
					   " ORDER BY cong_rank(search_fts, '" RANK_WEIGHTS "', ?9), f.rowid DESC LIMIT ?7 OFFSET ?8");
	if (!st)
		return json_array();
	bind_filters(db, st, expr, NULL, p);
	db_bind_int(st, 7, p->limit);
	db_bind_int(st, 8, p->offset);
	if (!broad) {
		char *counts = phrase_counts(db, ph);
		db_bind_text(st, 9, counts);
		free(counts);
	}
	return db_rows_json(st);
}

/* The number of items Q matches when it is one word searched on every site with no filter (read
 * from search_vocab), else -1. */
static int64_t one_word_items(struct db *db, const struct search_query *q, const struct search_params *p)
{
	if (q->nparts != 1 || q->parts[0].negated || q->parts[0].nwords != 1 || p->site_id || p->category_id ||
	    p->from || p->to || (p->kind && *p->kind))
		return -1;
	return vocab_items(db, q->parts[0].folded[0]);
}

struct scored {
	int64_t id;
	double score;
};

static int scored_cmp(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;
	if (x->score != y->score)
		return x->score < y->score ? -1 : 1;
	return x->id > y->id ? -1 : x->id < y->id; /* ties: the higher id first, as ORDER BY rowid DESC */
}

/* One site's page, SQLite: its matches are few (a site has a few thousand items), so they are
 * matched once, each with its rank, and sorted here, where counting them and then ranking them
 * intersected the site's token with the words twice. The page's ids in order ({"id": …}), *TOTAL
 * the matches; NULL when they are more than COUNT_CAP (*TOTAL then COUNT_CAP + 1: the caller
 * lists the newest) or on an error. The order is result_ids' (ORDER BY cong_rank, rowid DESC). */
static json_t *site_ranked(struct db *db, const char *expr, const struct phrases *ph, const struct search_params *p,
			   int64_t *total)
{
	struct db_stmt *st = db_stmt(db, "SELECT f.rowid, cong_rank(search_fts, '" RANK_WEIGHTS "', ?9)" SEARCH_WHERE
					 " LIMIT ?7");
	if (!st)
		return NULL;
	bind_filters(db, st, expr, NULL, p);
	db_bind_int(st, 7, COUNT_CAP + 1);
	char *counts = phrase_counts(db, ph);
	db_bind_text(st, 9, counts);
	free(counts);
	size_t n = 0, cap = 256;
	struct scored *v = xmalloc(cap * sizeof(*v));
	while (db_step(st) == DB_ROW) {
		if (n == cap)
			v = xrealloc(v, (cap *= 2) * sizeof(*v));
		v[n].id = db_col_int(st, 0);
		v[n].score = db_col_double(st, 1);
		n++;
	}
	db_reset(st);
	*total = (int64_t)n;
	if (n > COUNT_CAP) {
		free(v);
		return NULL;
	}
	qsort(v, n, sizeof(*v), scored_cmp);
	json_t *ids = json_array();
	int64_t off = p->offset > 0 ? p->offset : 0, lim = p->limit < 0 ? (int64_t)n : p->limit;
	for (int64_t i = off; i < (int64_t)n && i < off + lim; i++)
		json_array_append_new(ids, json_pack("{sI}", "id", (json_int_t)v[i].id));
	free(v);
	return ids;
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
	struct phrases ph = { 0 };
	search_parse(p->q, &q);
	char *expr, *exclude = NULL;
	if (pg) {
		expr = search_tsquery(&q, SEARCH_TSQ_MATCH);
		exclude = search_tsquery(&q, SEARCH_TSQ_EXCLUDE);
	} else {
		char *words = match_expr(&q, &ph);
		expr = words ? filter_expr(words, p) : NULL;
		free(words);
	}
	json_object_set_new(res, "searched", json_boolean(expr != NULL));
	json_t *ranked = NULL;
	int counted = 0;
	if (expr && !pg && p->site_id) {
		ranked = site_ranked(db, expr, &ph, p, &total);
		counted = ranked || total > COUNT_CAP;
	} else if (expr) {
		/* one word on every site, nothing left out: its number of items is in search_vocab
		 * (every item with its spelling has its folded form), so a common word is not counted
		 * row by row (PostgreSQL: 140 ms for "dang" at a million items) */
		int64_t n = one_word_items(db, &q, p);
		if (n > COUNT_CAP) {
			total = n;
			counted = 1;
		}
	}
	if (expr) {
		struct db_stmt *st = counted ? NULL
				   : pg ? db_stmt(db, "SELECT count(*) FROM (SELECT 1" SEARCH_WHERE_PG " LIMIT ?7) AS m")
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
		json_t *ids = !total ? json_array()
			    : ranked && !broad ? json_incref(ranked)
			    : pg ? result_ids_pg(db, expr, exclude, &q, p, broad)
				 : result_ids(db, expr, &ph, p, broad);
		json_decref(ranked);
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

