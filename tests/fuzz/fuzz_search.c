/* fuzz_search.c — libFuzzer target for the search query parser, its FTS5 expression and the
 * snippet highlighter. Input: a query, or (first byte odd) "query\ntext" where the text becomes
 * the title and body of an indexed article of a tiny in-memory corpus before searching. */
#include "base/utf8.h"
#include "base/util.h"
#include "db/db.h"
#include "render/sanitize.h"
#include "search/search.h"
#include "vn/slug.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_ID 1000

/* Invariants, abort() on failure: parts and words within their limits, words are runs of
 * letters/marks/digits (never FTS5 syntax), has_marks says whether a word differs from its folded
 * form; the MATCH expression, when not NULL, has balanced quotes and parentheses, holds nothing
 * outside double quotes but our own operators and column sets, and FTS5 accepts it; search_run
 * answers {total >= 0, results} and every snippet_html and title_html is escaped text whose only
 * tags are well-nested <mark></mark>. */

static struct db *db;

static void fail(const char *what, const char *q, const char *detail)
{
	fprintf(stderr, "fuzz_search: %s\n  query: %s\n  detail: %s\n", what, q ? q : "(null)", detail ? detail : "");
	abort();
}

static void setup(void)
{
	char err[256];
	db = db_open(":memory:", err, sizeof(err));
	if (!db || db_migrate(db, err, sizeof(err)) < 0)
		fail("cannot make the corpus", NULL, err);
	static const char *const arts[][2] = {
		{ "Hội nghị hoà giải ở cơ sở", "<p>Bàn giao, bán hàng &amp; bạn bè; ban chỉ đạo.</p>" },
		{ "Nghiệm thu công trình thủy lợi", "<p>Quyết định số 12/2024/QĐ-UBND về &lt;giá&gt; đất.</p>" },
		{ "Sơ kết qúy I", "<p>Đoàn công tác thăm Đà Nẵng, \"đường\" mới.</p>" },
		{ "THÔNG BÁO TUYỂN DỤNG", "<p>Ho\xcc\x80" "a gia\xcc\x89i viên; hồ sơ nộp trước ngày 30.</p>" },
		{ "Lễ hội văn hoá", "<p>Lễ hội ẩm thực đường phố, năm mươi gian hàng.</p>" },
	};
	int ok = db_exec(db, "INSERT INTO sites (id, slug, kind, name, created_at) VALUES (1, 'main', 'main', 'Cổng', 0)") == 0 &&
		 db_exec(db, "INSERT INTO categories (id, site_id, name, slug) VALUES (1, 1, 'Tin', 'tin')") == 0;
	struct db_stmt *st;
	const char *sql = "INSERT INTO items (id, site_id, category_id, state, title, slug, body, published_at,"
			  " created_at, updated_at) VALUES (?, 1, 1, 'published', ?, 'x', ?, ?, 0, 0)";
	for (int i = 0; ok && i <= (int)ARRAY_SIZE(arts); i++) {
		ok = (st = db_prepare(db, sql)) != NULL;
		if (!ok)
			break;
		db_bind_int(st, 1, i < (int)ARRAY_SIZE(arts) ? i + 1 : FUZZ_ID);
		db_bind_text(st, 2, i < (int)ARRAY_SIZE(arts) ? arts[i][0] : "tin");
		db_bind_text(st, 3, i < (int)ARRAY_SIZE(arts) ? arts[i][1] : "<p>tin</p>");
		db_bind_int(st, 4, 1700000000 + i);
		ok = db_step(st) == DB_DONE;
		db_finalize(st);
	}
	if (!ok || search_reindex(db, NULL, NULL))
		fail("cannot make the corpus", NULL, db_errmsg(db));
}

/* Outside double quotes the expression holds only these. */
static size_t our_token(const char *s)
{
	static const char *const toks[] = { "{title_f body_f} : ", "{title_x body_x} : ", "{title_b body_b} : ", " AND (",
					    " OR ", " NOT ", "(", ")" };
	for (size_t i = 0; i < ARRAY_SIZE(toks); i++)
		if (strncmp(s, toks[i], strlen(toks[i])) == 0)
			return strlen(toks[i]);
	return 0;
}

static void check_expr(const char *q, const char *e)
{
	int depth = 0;
	const char *c = e;
	while (*c) {
		if (*c == '"') { /* a string, to its closing quote ("" inside is a quote) */
			for (c++;; c++) {
				if (!*c)
					fail("unbalanced quotes", q, e);
				if (*c == '"' && c[1] == '"') {
					c++;
					continue;
				}
				if (*c == '"')
					break;
			}
			c++;
			continue;
		}
		size_t n = our_token(c);
		if (!n)
			fail("something of the user's outside double quotes", q, c);
		for (size_t i = 0; i < n; i++) {
			depth += c[i] == '(';
			depth -= c[i] == ')';
			if (depth < 0)
				fail("unbalanced parentheses", q, e);
		}
		c += n;
	}
	if (depth)
		fail("unbalanced parentheses", q, e);
	/* FTS5 parses it */
	struct db_stmt *st = db_prepare(db, "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?");
	if (!st)
		fail("prepare", q, db_errmsg(db));
	db_bind_text(st, 1, e);
	int rc = db_step(st);
	if (rc != DB_ROW) {
		char msg[512];
		snprintf(msg, sizeof(msg), "%s: %s", e, db_errmsg(db));
		db_finalize(st);
		fail("FTS5 refuses the expression", q, msg);
	}
	db_finalize(st);
}

static void check_query(const char *q, const struct search_query *sq)
{
	if (sq->nparts < 0 || sq->nparts > SEARCH_MAX_PARTS)
		fail("parts out of range", q, NULL);
	int positive = 0;
	for (int i = 0; i < sq->nparts; i++) {
		const struct search_part *p = &sq->parts[i];
		int marks = 0;
		positive |= !p->negated;
		if (p->nwords < 1 || p->nwords > SEARCH_MAX_WORDS)
			fail("words out of range", q, NULL);
		for (int k = 0; k < p->nwords; k++) {
			const char *w = p->words[k], *f = p->folded[k];
			if (!w || !f || !*w || !*f || !utf8_valid(w, strlen(w)) || !utf8_valid(f, strlen(f)))
				fail("empty or invalid word", q, w);
			for (const char *c = w; *c; c++)
				if ((unsigned char)*c < 128 && !(*c >= 'a' && *c <= 'z') && !(*c >= '0' && *c <= '9'))
					fail("a word holds ASCII other than lower-case letters and digits", q, w);
			for (const char *c = f; *c; c++)
				if ((unsigned char)*c < 128 && !(*c >= 'a' && *c <= 'z') && !(*c >= '0' && *c <= '9'))
					fail("a folded word holds ASCII other than lower-case letters and digits", q, f);
			marks |= strcmp(w, f) != 0;
		}
		if (marks != p->has_marks)
			fail("has_marks does not say whether a word has diacritics", q, p->words[0]);
	}
	char *e = search_match_expr(sq);
	if (!e != !positive)
		fail("an expression without a positive part, or none with one", q, e);
	if (e)
		check_expr(q, e);
	free(e);
}

/* Escaped text whose only tags are <mark> and </mark>, well nested. */
static void check_html(const char *q, const char *h)
{
	int open = 0;
	if (!h)
		fail("no snippet", q, NULL);
	for (const char *c = h; *c;) {
		if (*c == '<') {
			if (strncmp(c, "<mark>", 6) == 0 && !open) {
				open = 1;
				c += 6;
			} else if (strncmp(c, "</mark>", 7) == 0 && open) {
				open = 0;
				c += 7;
			} else {
				fail("a tag other than well-nested <mark>", q, h);
			}
		} else if (*c == '&') {
			static const char *const ents[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&#39;" };
			size_t n = 0;
			for (size_t i = 0; i < ARRAY_SIZE(ents) && !n; i++)
				if (strncmp(c, ents[i], strlen(ents[i])) == 0)
					n = strlen(ents[i]);
			if (!n)
				fail("a raw &", q, h);
			c += n;
		} else if (*c == '>' || *c == '"' || *c == '\'') {
			fail("a raw > \" or '", q, h);
		} else {
			c++;
		}
	}
	if (open)
		fail("an unclosed <mark>", q, h);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!db)
		setup();
	char *in = xstrndup((const char *)data, size); /* up to the first NUL */
	char *q = in, *text = NULL;
	if (size && (data[0] & 1) && (text = strchr(in, '\n')))
		*text++ = 0;

	struct search_query sq;
	search_parse(q, &sq);
	check_query(q, &sq);
	search_query_release(&sq);

	if (text) { /* the rest becomes the fuzzed article's title and body */
		char *nfc = utf8_nfc(text, strlen(text));
		if (nfc) {
			char *body = html_sanitize(nfc, strlen(nfc), NULL);
			char *title = utf8_ellipsize(nfc, 300);
			struct db_stmt *st = db_prepare(db, "UPDATE items SET title = ?, body = ? WHERE id = ?");
			if (st) {
				db_bind_text(st, 1, title);
				db_bind_text(st, 2, body);
				db_bind_int(st, 3, FUZZ_ID);
				if (db_step(st) != DB_DONE)
					fail("cannot update the fuzzed article", q, db_errmsg(db));
				db_finalize(st);
			}
			if (search_index_article(db, FUZZ_ID))
				fail("search_index_article failed", q, text);
			free(title);
			free(body);
			free(nfc);
		}
	}

	struct search_params p = { .q = q, .limit = 10 };
	json_t *r = search_run(db, &p), *row;
	if (!json_is_object(r) || !json_is_integer(json_object_get(r, "total")) ||
	    json_integer_value(json_object_get(r, "total")) < 0 || !json_is_array(json_object_get(r, "results")))
		fail("search_run's answer is not {total, results}", q, NULL);
	size_t i;
	json_array_foreach(json_object_get(r, "results"), i, row) {
		check_html(q, json_string_value(json_object_get(row, "snippet_html")));
		check_html(q, json_string_value(json_object_get(row, "title_html")));
	}
	json_decref(r);
	free(in);
	return 0;
}
