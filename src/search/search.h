/* search.h — full-text search of published items across sites: Vietnamese-aware matching
 * (with or without diacritics, đ = d, either tone placement, NFC or NFD), phrases, exclusions,
 * document numbers, filters, ranking, snippets and suggestions. SQLite FTS5 or PostgreSQL's
 * full-text search behind this interface, whichever engine the store is (docs/search.md). */
#ifndef CONG_SEARCH_H
#define CONG_SEARCH_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

struct db;

/* A parsed query. Terms and phrases are word lists; every word is kept as typed (normalised)
 * and folded. Nothing of the user's text reaches FTS5 syntax unquoted. */
#define SEARCH_MAX_PARTS 16
#define SEARCH_MAX_WORDS 32
struct search_part {
	int negated;
	int nwords;
	char *words[SEARCH_MAX_WORDS];  /* lower case, NFC, one tone placement */
	char *folded[SEARCH_MAX_WORDS]; /* no diacritics */
	int has_marks;                  /* some word carries diacritics */
};
struct search_query {
	int nparts;
	struct search_part parts[SEARCH_MAX_PARTS];
};

/* Parses Q (any bytes; at most the first 500 characters are read). Never fails: a query with
 * nothing searchable has no parts. */
void search_parse(const char *q, struct search_query *out);
void search_query_release(struct search_query *q);
/* The FTS5 MATCH expression of Q (malloc'd), or NULL when Q has no positive part. */
char *search_match_expr(const struct search_query *q);
/* Q as a PostgreSQL tsquery (malloc'd; its text, for CAST(? AS tsquery)), or NULL when Q has no
 * part of that kind; together, what search_match_expr means (migration 0004's two tsvectors):
 * MATCH, for the folded tsvector: the positive parts folded (an item with the spelling typed has
 * the folded one too, so FTS5's "folded OR as written" is the folded alone), AND NOT each
 * exclusion typed without diacritics; NULL when Q has no positive part. EXCLUDE, for the written
 * tsvector: the exclusions typed with diacritics, OR'ed. FOLDED and EXACT, for ts_rank: the
 * positive parts folded, and as written those with diacritics. */
enum search_tsq { SEARCH_TSQ_MATCH, SEARCH_TSQ_EXCLUDE, SEARCH_TSQ_FOLDED, SEARCH_TSQ_EXACT };
char *search_tsquery(const struct search_query *q, enum search_tsq what);

struct search_params {
	const char *q;
	int64_t site_id;     /* 0: every site */
	int64_t category_id; /* 0: any (subcategories included) */
	int64_t from, to;    /* published_at range, 0: open */
	const char *kind;    /* NULL: any */
	int64_t limit, offset;
};
/* {total, results: [{id, site_id, kind, ref, title, snippet_html, published_at, ...}], suggestions: [...]}.
 * snippet_html is escaped text with <mark> around matched words. */
json_t *search_run(struct db *db, const struct search_params *p);

/* Keeps the index in step: indexes article ID when it is published, removes it otherwise.
 * Call inside the transaction that changed it. 0 or -1. */
int search_index_article(struct db *db, int64_t id);
/* Rebuilds the whole index beside the live one, or goes on with a rebuild that was stopped;
 * PROGRESS (may be NULL) is called after every batch. 0, 1 when cancelled, or -1. */
int search_reindex(struct db *db, void (*progress)(int64_t done, int64_t total, void *arg), void *arg);
/* Makes a search_reindex running in another thread (or a signal handler) stop after its current
 * batch: it returns 1, and the next search_reindex goes on from there. Until a rebuild completes
 * the live index answers and follows every change; the rebuilt one replaces it in one
 * transaction. */
void search_reindex_cancel(void);
/* Items per transaction of a rebuild (tests; 0: the default, 2,000). */
void search_reindex_batch(int n);

/* The search of a language's pages (issue #16; search_lang.c, migration 0050): the published
 * items of site SITE_ID in language LANG (not Vietnamese) that match Q, best first, as rows {id,
 * site_id, kind, title, slug, summary, published_at, updated_at, category_id}; *TOTAL (may be
 * NULL) counts every match. Words stemmed for a language written with spaces, substrings for
 * one written without (search_lang_spaceless). Never fails: no match is an empty array. */
json_t *search_lang_run(struct db *db, int64_t site_id, const char *lang, const char *q, int64_t limit,
			int64_t offset, int64_t *total);
/* Keeps item ID's row of those tables in step (called by search_index_article). 0 or -1. */
int search_lang_index(struct db *db, int64_t id);
/* 1 for a language written without spaces between words (km, th, lo, my, zh, ja). */
int search_lang_spaceless(const char *lang);

#endif
