/* search_lang.c — the search of a language's pages ("/en/tim-kiem", "/km/tim-kiem"; issue #16,
 * docs/search.md "Other languages"). Translations are kept out of search_fts, whose folding and
 * tone placement are Vietnamese, and indexed here (migration 0050) by the same calls that keep
 * search_fts in step (search_index_article, search_reindex). Two ways of matching:
 * - languages written with spaces between words (English): words, case folded, stemmed (SQLite
 *   FTS5's porter tokenizer; PostgreSQL's 'english' configuration), ranked title first;
 * - languages written without (Khmer): every typed word must be a substring of the title or text
 *   (SQLite's trigram tokenizer answers LIKE from its index; PostgreSQL's strpos on the site's
 *   rows of that language, which are few), newest first.
 * The query is read by search_parse as on the Vietnamese pages: quotes make a phrase, a leading
 * minus excludes, and the user's words only reach FTS5 inside double quotes, a tsquery inside
 * single quotes, SQL as bound values. */
#include "search/search.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"
#include "db/db.h"
#include "render/sanitize.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/banned.h"

/* At most this many words of a query without spaces are matched (each is one condition). */
#define GRAM_WORDS_MAX 8

int search_lang_spaceless(const char *lang)
{
	/* scripts written without spaces between words: Khmer, Lao, Thai, Burmese, Chinese, Japanese */
	static const char *const spaceless[] = { "km", "lo", "th", "my", "zh", "ja" };
	for (size_t i = 0; i < sizeof(spaceless) / sizeof(*spaceless); i++)
		if (lang && strcmp(lang, spaceless[i]) == 0)
			return 1;
	return 0;
}

/* TEXT case folded and NFC, without zero-width spaces (Khmer text carries them as hints of
 * word boundaries, which a typed word never has); malloc'd. */
static char *gram_text(const char *text)
{
	utf8proc_uint8_t *low = NULL;
	if (utf8proc_map((const utf8proc_uint8_t *)text, 0, &low, UTF8PROC_NULLTERM | UTF8PROC_STABLE |
			 UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD) < 0)
		return xstrdup("");
	struct sb b = SB_INIT;
	for (const char *p = (const char *)low; *p; p++) {
		if (strncmp(p, "\xE2\x80\x8B", 3) == 0) { /* U+200B */
			p += 2;
			continue;
		}
		sb_addc(&b, *p);
	}
	free(low);
	return sb_detach(&b, NULL);
}

/* Removes item ID from the tables of migration 0050. */
static int unindex(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "DELETE FROM search_lang WHERE rowid = ?");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	if (db_step_done(st))
		return -1;
	if (db_is_pg(db))
		return 0;
	st = db_stmt(db, "DELETE FROM search_grams WHERE rowid = ?");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	return db_step_done(st);
}

int search_lang_index(struct db *db, int64_t id)
{
	if (unindex(db, id))
		return -1;
	struct db_stmt *st = db_stmt(db, "SELECT title, summary, body, site_id, lang FROM items"
				       " WHERE id = ? AND state = 'published' AND lang <> 'vi'");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	json_t *a = db_one_json(st);
	if (!a)
		return 0; /* Vietnamese, or not public */
	const char *lang = json_string_value(json_object_get(a, "lang"));
	const char *title = json_string_value(json_object_get(a, "title"));
	const char *body = json_string_value(json_object_get(a, "body"));
	char *text = html_to_text(body, strlen(body));
	struct sb all = SB_INIT;
	int spaceless = search_lang_spaceless(lang);
	/* without spaces, one text is matched: the title is in it */
	if (spaceless)
		sb_addf(&all, "%s\n", title);
	sb_addf(&all, "%s\n%s", json_string_value(json_object_get(a, "summary")), text);
	free(text);
	char *norm = spaceless ? gram_text(all.buf) : sb_detach(&all, NULL);
	if (spaceless)
		st = db_is_pg(db) ? db_stmt(db, "INSERT INTO search_lang (rowid, title, body, lang, site_id)"
					     " VALUES (?1, ?2, ?3, ?4, ?5)")
				  : db_stmt(db, "INSERT INTO search_grams (rowid, title, body, lang, site_id)"
					     " VALUES (?1, ?2, ?3, ?4, ?5)");
	else
		st = db_stmt(db, "INSERT INTO search_lang (rowid, title, body, lang, site_id) VALUES (?1, ?2, ?3, ?4, ?5)");
	int rc = -1;
	if (st) {
		db_bind_int(st, 1, id);
		db_bind_text(st, 2, title);
		db_bind_text(st, 3, norm);
		db_bind_text(st, 4, lang);
		db_bind_int(st, 5, json_integer_value(json_object_get(a, "site_id")));
		rc = db_step_done(st);
	}
	if (rc)
		log_error("search: indexing item %lld (%s): %s", (long long)id, lang, db_errmsg(db));
	free(norm);
	sb_release(&all);
	json_decref(a);
	return rc;
}

/* "w1 w2 …" as an FTS5 string (words hold no quote, but double any anyway). */
static void fts_phrase(struct sb *b, const struct search_part *p)
{
	sb_addc(b, '"');
	for (int i = 0; i < p->nwords; i++) {
		if (i)
			sb_addc(b, ' ');
		for (const char *c = p->words[i]; *c; c++) {
			if (*c == '"')
				sb_addc(b, '"');
			sb_addc(b, *c);
		}
	}
	sb_addc(b, '"');
}

/* Q as an FTS5 expression over search_lang's title and body: the positive parts AND'ed, then
 * NOT each exclusion; NULL without a positive part. The porter tokenizer stems the words inside
 * the quotes as it stemmed the text. */
static char *fts_expr(const struct search_query *q)
{
	struct sb b = SB_INIT;
	int pos = 0;
	for (int neg = 0; neg <= 1; neg++)
		for (int i = 0; i < q->nparts; i++) {
			const struct search_part *p = &q->parts[i];
			if (p->negated != neg || (neg && !pos))
				continue;
			sb_adds(&b, neg ? " NOT {title body} : " : pos ? " AND {title body} : " : "{title body} : ");
			fts_phrase(&b, p);
			pos += !neg;
		}
	if (!pos) {
		sb_release(&b);
		return NULL;
	}
	return sb_detach(&b, NULL);
}

/* W as a tsquery lexeme in single quotes (' and \ doubled): to_tsquery stems it with the
 * configuration as it would a bare word, and never reads it as syntax. */
static void tsq_lexeme(struct sb *b, const char *w)
{
	sb_addc(b, '\'');
	for (; *w; w++) {
		if (*w == '\'' || *w == '\\')
			sb_addc(b, *w);
		sb_addc(b, *w);
	}
	sb_addc(b, '\'');
}

/* Q as the text of to_tsquery('english', …): parts AND'ed, a phrase's words with <->, an
 * exclusion with !; NULL without a positive part. */
static char *tsq_text(const struct search_query *q)
{
	struct sb b = SB_INIT;
	int pos = 0;
	for (int i = 0; i < q->nparts; i++)
		pos += !q->parts[i].negated;
	if (!pos)
		return NULL;
	for (int i = 0; i < q->nparts; i++) {
		const struct search_part *p = &q->parts[i];
		if (i)
			sb_adds(&b, " & ");
		sb_adds(&b, p->negated ? "!(" : "(");
		for (int k = 0; k < p->nwords; k++) {
			if (k)
				sb_adds(&b, " <-> ");
			tsq_lexeme(&b, p->words[k]);
		}
		sb_addc(&b, ')');
	}
	return sb_detach(&b, NULL);
}

#define ROW_COLUMNS "i.id, i.site_id, i.kind, i.title, i.slug, i.summary, i.published_at, i.updated_at, i.category_id"

/* Words: the matching of a language written with spaces. */
static json_t *run_words(struct db *db, int64_t site_id, const char *lang, const struct search_query *q,
			 int64_t limit, int64_t offset, int64_t *total)
{
	int pg = db_is_pg(db);
	char *expr = pg ? tsq_text(q) : fts_expr(q);
	json_t *rows = NULL;
	struct db_stmt *st;
	if (!expr)
		return json_array();
	if (pg)
		st = db_stmt(db, "SELECT count(*) FROM search_lang f JOIN items i ON i.id = f.rowid"
				 " WHERE f.tsv @@ to_tsquery('english', ?1) AND f.site_id = ?2 AND f.lang = ?3"
				 " AND i.state = 'published'");
	else
		st = db_stmt(db, "SELECT count(*) FROM search_lang JOIN items i ON i.id = search_lang.rowid"
				 " WHERE search_lang MATCH ?1 AND search_lang.site_id = ?2 AND search_lang.lang = ?3"
				 " AND i.state = 'published'");
	if (!st)
		goto out;
	db_bind_text(st, 1, expr);
	db_bind_int(st, 2, site_id);
	db_bind_text(st, 3, lang);
	if (db_one_int(st, total) < 0)
		goto out;
	/* title weighs more than text (FTS5: bm25's column weights; PostgreSQL: the title's
	 * weight A against the text's C), then the newer item */
	if (pg)
		st = db_stmt(db, "SELECT " ROW_COLUMNS " FROM search_lang f JOIN items i ON i.id = f.rowid"
				 " WHERE f.tsv @@ to_tsquery('english', ?1) AND f.site_id = ?2 AND f.lang = ?3"
				 " AND i.state = 'published'"
				 " ORDER BY ts_rank(f.tsv, to_tsquery('english', ?1)) DESC, i.published_at DESC, i.id DESC"
				 " LIMIT ?4 OFFSET ?5");
	else
		st = db_stmt(db, "SELECT " ROW_COLUMNS " FROM search_lang JOIN items i ON i.id = search_lang.rowid"
				 " WHERE search_lang MATCH ?1 AND search_lang.site_id = ?2 AND search_lang.lang = ?3"
				 " AND i.state = 'published'"
				 " ORDER BY bm25(search_lang, 10, 3), i.published_at DESC, i.id DESC LIMIT ?4 OFFSET ?5");
	if (!st)
		goto out;
	db_bind_text(st, 1, expr);
	db_bind_int(st, 2, site_id);
	db_bind_text(st, 3, lang);
	db_bind_int(st, 4, limit);
	db_bind_int(st, 5, offset);
	rows = db_rows_json(st);
out:
	free(expr);
	return rows ? rows : json_array();
}

/* Substrings: the matching of a language written without spaces. Every positive word is in
 * the text, no excluded one is; on SQLite the trigram index answers the LIKE of a word of three
 * characters or more (a shorter one is read from the site's rows of the language). The words
 * hold no '%' nor '_' (they are runs of letters, marks and digits), so they need no escape. */
static json_t *run_grams(struct db *db, int64_t site_id, const char *lang, const struct search_query *q,
			 int64_t limit, int64_t offset, int64_t *total)
{
	int pg = db_is_pg(db), nbind = 0, npos = 0;
	char *words[2 * GRAM_WORDS_MAX];
	struct sb where = SB_INIT;
	for (int neg = 0; neg <= 1; neg++) {
		int n = 0;
		for (int i = 0; i < q->nparts; i++) {
			const struct search_part *p = &q->parts[i];
			if (p->negated != neg)
				continue;
			for (int k = 0; k < p->nwords && n < GRAM_WORDS_MAX; k++, n++) {
				/* PostgreSQL: the word; SQLite: its LIKE pattern, which the trigram index reads */
				struct sb w = SB_INIT;
				sb_addf(&w, pg ? "%s" : "%%%s%%", p->words[k]);
				words[nbind++] = sb_detach(&w, NULL);
				if (pg)
					sb_addf(&where, " AND strpos(f.body, ?%d) %s 0", nbind + 2, neg ? "=" : ">");
				else
					sb_addf(&where, " AND f.body %sLIKE ?%d", neg ? "NOT " : "", nbind + 2);
			}
		}
		if (!neg)
			npos = n;
	}
	json_t *rows = NULL;
	if (!npos)
		goto out;
	const char *from = pg ? "search_lang f" : "search_grams f";
	struct sb sql = SB_INIT;
	for (int pass = 0; pass < 2; pass++) {
		sb_release(&sql);
		sb_addf(&sql, "SELECT %s FROM %s JOIN items i ON i.id = f.rowid"
			      " WHERE f.site_id = ?1 AND f.lang = ?2 AND i.state = 'published'%s",
			pass ? ROW_COLUMNS : "count(*)", from, where.buf ? where.buf : "");
		if (pass)
			sb_addf(&sql, " ORDER BY i.published_at DESC, i.id DESC LIMIT ?%d OFFSET ?%d", nbind + 3, nbind + 4);
		/* built at run time: prepared for this call (db_stmt caches by the text's address) */
		struct db_stmt *st = db_prepare(db, sql.buf);
		if (!st)
			break;
		db_bind_int(st, 1, site_id);
		db_bind_text(st, 2, lang);
		for (int i = 0; i < nbind; i++)
			db_bind_text(st, i + 3, words[i]);
		int bad = 0;
		if (pass) {
			db_bind_int(st, nbind + 3, limit);
			db_bind_int(st, nbind + 4, offset);
			rows = db_rows_json(st);
		} else {
			bad = db_one_int(st, total) < 0;
		}
		db_finalize(st);
		if (bad)
			break;
	}
	sb_release(&sql);
out:
	for (int i = 0; i < nbind; i++)
		free(words[i]);
	sb_release(&where);
	return rows ? rows : json_array();
}

json_t *search_lang_run(struct db *db, int64_t site_id, const char *lang, const char *qtext, int64_t limit,
			int64_t offset, int64_t *total)
{
	struct search_query q;
	int64_t n = 0;
	search_parse(qtext, &q);
	json_t *rows = search_lang_spaceless(lang) ? run_grams(db, site_id, lang, &q, limit, offset, &n)
						   : run_words(db, site_id, lang, &q, limit, offset, &n);
	search_query_release(&q);
	if (total)
		*total = n;
	return rows;
}
