/* fts5rank.c — cong_rank(), an FTS5 ranking function for SQLite connections: FTS5's own bm25
 * (same formula, k1 = 1.2, b = 0.75, same per-column weights), except that each phrase's number
 * of matching rows, from which bm25 takes its IDF, is given by the caller instead of counted by
 * reading the phrase's whole doclist at every query. The caller has the counts of single words
 * in a table (search_vocab, kept at index time; docs/search.md "Ranking"): for a common word
 * that read was most of a query's time (a word in half of a million items, searched on one
 * site: 100–300 ms for 2,000 matches ranked). A phrase the caller has no count for (-1) is
 * counted as bm25 counts it: a phrase of bigrams has a short doclist.
 *
 *   cong_rank(search_fts, 'W0 W1 …', 'N0 N1 …')
 *
 * Wi: the weight of column i (a missing one weighs 1); Ni: the number of rows phrase i of the
 * MATCH expression matches, -1 to count it here, -2 (or none given: the phrases after the list)
 * for a phrase that ranks nothing (an exclusion, a filter token), which is then not read. Smaller
 * is better, as bm25's. */
#include "db/fts5rank.h"

#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define K1 1.2
#define B 0.75
#define MAX_COLS 16

/* What one query's rows share: column weights, each phrase's IDF, the average row length. */
struct rank_data {
	int nphrase, ncol;
	double w[MAX_COLS];
	double avgdl;
	double *idf, *freq; /* idf 0: the phrase ranks nothing and is not read */
};

static int count_cb(const Fts5ExtensionApi *api, Fts5Context *fts, void *arg)
{
	(void)api;
	(void)fts;
	(*(sqlite3_int64 *)arg)++;
	return SQLITE_OK;
}

/* Reads up to MAX numbers separated by spaces from S into OUT; returns how many. */
static int numbers(const char *s, double *out, int max)
{
	int n = 0;
	while (s && *s && n < max) {
		char *end;
		double v = strtod(s, &end);
		if (end == s)
			break;
		out[n++] = v;
		s = end;
		while (*s == ' ')
			s++;
	}
	return n;
}

static struct rank_data *rank_data(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_value **argv, int argc,
				   int *rc)
{
	struct rank_data *d = api->xGetAuxdata(fts, 0);
	if (d)
		return d;
	int nphrase = api->xPhraseCount(fts);
	d = sqlite3_malloc64(sizeof(*d) + 2 * (size_t)(nphrase ? nphrase : 1) * sizeof(double));
	if (!d) {
		*rc = SQLITE_NOMEM;
		return NULL;
	}
	memset(d, 0, sizeof(*d));
	d->nphrase = nphrase;
	d->idf = (double *)(d + 1);
	d->freq = d->idf + (nphrase ? nphrase : 1);
	d->ncol = api->xColumnCount(fts);
	if (d->ncol > MAX_COLS)
		d->ncol = MAX_COLS;
	for (int i = 0; i < MAX_COLS; i++)
		d->w[i] = 1.0;
	if (argc > 0)
		numbers((const char *)sqlite3_value_text(argv[0]), d->w, MAX_COLS);
	double *given = sqlite3_malloc64((size_t)(nphrase ? nphrase : 1) * sizeof(double));
	if (!given) {
		sqlite3_free(d);
		*rc = SQLITE_NOMEM;
		return NULL;
	}
	int ngiven = argc > 1 ? numbers((const char *)sqlite3_value_text(argv[1]), given, nphrase) : 0;
	sqlite3_int64 nrow = 0, ntok = 0;
	*rc = api->xRowCount(fts, &nrow);
	if (*rc == SQLITE_OK)
		*rc = api->xColumnTotalSize(fts, -1, &ntok);
	d->avgdl = nrow ? (double)ntok / (double)nrow : 1.0;
	for (int i = 0; *rc == SQLITE_OK && i < nphrase; i++) {
		sqlite3_int64 hits = 0;
		if (i >= ngiven || given[i] < -1) { /* a filter or an exclusion: it ranks nothing */
			d->idf[i] = 0;
			continue;
		}
		if (given[i] >= 0)
			hits = (sqlite3_int64)given[i];
		else
			*rc = api->xQueryPhrase(fts, i, &hits, count_cb);
		double idf = log(((double)nrow - (double)hits + 0.5) / ((double)hits + 0.5));
		d->idf[i] = idf <= 0.0 ? 1e-6 : idf;
	}
	sqlite3_free(given);
	if (*rc == SQLITE_OK)
		*rc = api->xSetAuxdata(fts, d, sqlite3_free);
	if (*rc != SQLITE_OK) {
		sqlite3_free(d);
		return NULL;
	}
	return d;
}

static void cong_rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int argc,
		      sqlite3_value **argv)
{
	int rc = SQLITE_OK;
	struct rank_data *d = rank_data(api, fts, argv, argc, &rc);
	if (!d) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	/* each ranking phrase's matches in this row, by column; the others are not read */
	for (int i = 0; i < d->nphrase; i++) {
		Fts5PhraseIter it;
		int col = -1, off = 0;
		d->freq[i] = 0;
		if (d->idf[i] == 0)
			continue;
		rc = api->xPhraseFirst(fts, i, &it, &col, &off);
		for (; rc == SQLITE_OK && col >= 0; api->xPhraseNext(fts, &it, &col, &off))
			d->freq[i] += col < MAX_COLS ? d->w[col] : 1.0;
		if (rc != SQLITE_OK)
			break;
	}
	int ntok = 0;
	if (rc == SQLITE_OK)
		rc = api->xColumnSize(fts, -1, &ntok);
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	double score = 0, norm = K1 * (1 - B + B * (double)ntok / d->avgdl);
	for (int i = 0; i < d->nphrase; i++)
		score += d->idf[i] * (d->freq[i] * (K1 + 1.0)) / (d->freq[i] + norm);
	sqlite3_result_double(ctx, -1.0 * score);
}

int fts5rank_register(sqlite3 *h)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api || api->iVersion < 2)
		return -1;
	return api->xCreateFunction(api, "cong_rank", NULL, cong_rank, NULL) == SQLITE_OK ? 0 : -1;
}
