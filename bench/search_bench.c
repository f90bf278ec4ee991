/* search_bench.c — times search_run in-process over a generated corpus (bench/gen-corpus): each
 * query class of DIR/queries.tsv once untimed (to warm the page cache, as on a running server),
 * then once timed; prints p50/p95/max per class and the index size as a Markdown table. */
#include "base/util.h"
#include "db/db.h"
#include "search/search.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_QUERIES 8192

struct query {
	char cls[16];
	char *q;
};

/* Query classes; SITE: each query searches one site only, as on a component site's page. */
static const struct {
	const char *cls, *label;
	int site;
} classes[] = {
	{ "single", "single word", 0 },
	{ "two", "two words", 0 },
	{ "phrase", "phrase (\"…\", 2–4 words)", 0 },
	{ "docnum", "document number", 0 },
	{ "docnum_legal", "legal document number, as typed (gen-corpus --legal)", 0 },
	{ "single", "single word, one site (component site page)", 1 },
	{ "two", "two words, one site", 1 },
	{ "phrase", "phrase, one site", 1 },
	{ "nohit", "no match (suggestions)", 0 },
};

struct timed {
	double ms;
	int64_t total;
	const char *q, *label;
};

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* The value at quantile P of sorted V[0..N) (nearest rank). */
static double quantile(const double *v, size_t n, double p)
{
	size_t k = (size_t)(p * (double)n + 0.999999);
	return v[k ? k - 1 : 0];
}

static void progress(int64_t done, int64_t total, void *arg)
{
	(void)arg;
	fprintf(stderr, "\rsearch_bench: reindexed %lld/%lld", (long long)done, (long long)total);
}

static int64_t one_int(struct db *db, const char *sql)
{
	struct db_stmt *st = db_prepare(db, sql);
	int64_t v = -1;
	if (!st)
		return -1;
	if (db_step(st) == DB_ROW)
		v = db_col_int(st, 0);
	db_finalize(st);
	return v;
}

static const char usage[] =
	"usage: search_bench --data DIR [--queries FILE] [--limit N] [--reindex] [--reindex-seconds S]\n"
	"                    [--warm N] [--budget S] [--articles N] [--gen-seconds S] [--db URL]\n"
	"Times search_run for each query of FILE (default DIR/queries.tsv, lines CLASS TAB QUERY):\n"
	"per class, the first N (10) queries once untimed, then each once, timed, until the class has\n"
	"taken S (120) seconds.\n"
	"--reindex only rebuilds the index with search_reindex (when `cong reindex` is not at hand);\n"
	"--reindex-seconds, --gen-seconds and --articles only go into the printed table.\n"
	"--db: the database to search instead of DIR/cong.db (the corpus moved to PostgreSQL).\n";

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "data", required_argument, NULL, 'd' },    { "queries", required_argument, NULL, 'q' },
		{ "limit", required_argument, NULL, 'l' },   { "reindex", no_argument, NULL, 'r' },
		{ "reindex-seconds", required_argument, NULL, 'R' }, { "gen-seconds", required_argument, NULL, 'G' },
		{ "articles", required_argument, NULL, 'a' }, { "warm", required_argument, NULL, 'w' },
		{ "budget", required_argument, NULL, 'b' },   { "help", no_argument, NULL, 'h' },
		{ "db", required_argument, NULL, 'D' },
		{ 0 },
	};
	const char *data = NULL, *dbspec = NULL, *qfile = NULL, *reindex_s = NULL, *gen_s = NULL, *articles = NULL;
	int limit = 10, reindex = 0, warm = 10, c;
	double budget = 120;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': data = optarg; break;
		case 'q': qfile = optarg; break;
		case 'l': limit = atoi(optarg); break;
		case 'r': reindex = 1; break;
		case 'R': reindex_s = optarg; break;
		case 'G': gen_s = optarg; break;
		case 'a': articles = optarg; break;
		case 'w': warm = atoi(optarg); break;
		case 'b': budget = atof(optarg); break;
		case 'D': dbspec = optarg; break;
		case 'h': fputs(usage, stdout); return 0;
		default: fputs(usage, stderr); return 2;
		}
	}
	if (!data) {
		fputs(usage, stderr);
		return 2;
	}
	char path[4096], qpath[4096], err[256];
	snprintf(path, sizeof(path), "%s/cong.db", data);
	if (dbspec) /* the same corpus moved to PostgreSQL (cong migrate): queries.tsv stays in DATA */
		snprintf(path, sizeof(path), "%s", dbspec);
	snprintf(qpath, sizeof(qpath), "%s", qfile ? qfile : "");
	if (!qfile)
		snprintf(qpath, sizeof(qpath), "%s/queries.tsv", data);
	struct db *db = db_open(path, err, sizeof(err));
	if (!db) {
		fprintf(stderr, "search_bench: %s\n", err);
		return 1;
	}
	if (reindex) {
		double t0 = now_ms();
		if (search_reindex(db, progress, NULL)) {
			fprintf(stderr, "\nsearch_bench: reindex failed\n");
			return 1;
		}
		fprintf(stderr, "\nsearch_bench: reindex took %.1f s\n", (now_ms() - t0) / 1e3);
		db_close(db);
		return 0;
	}

	FILE *f = fopen(qpath, "r");
	if (!f) {
		fprintf(stderr, "search_bench: cannot read %s\n", qpath);
		return 1;
	}
	static struct query qs[MAX_QUERIES];
	size_t nq = 0;
	char line[4096];
	while (nq < MAX_QUERIES && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = 0;
		char *tab = strchr(line, '\t');
		if (!tab || (size_t)(tab - line) >= sizeof(qs[0].cls))
			continue;
		*tab = 0;
		memcpy(qs[nq].cls, line, (size_t)(tab - line) + 1);
		qs[nq].q = xstrdup(tab + 1);
		nq++;
	}
	fclose(f);

	int64_t n_sites = one_int(db, "SELECT count(*) FROM sites");
	struct timed *all = xmalloc((nq * ARRAY_SIZE(classes) + 1) * sizeof(*all));
	size_t nall = 0;
	char rows[ARRAY_SIZE(classes)][256];
	/* per class: the first WARM queries once, untimed (the page cache then holds what a running
	 * server's would), then every query once, timed, until the class has used BUDGET seconds */
	for (size_t k = 0; k < ARRAY_SIZE(classes); k++) {
		size_t seen = 0, n = 0;
		double spent = 0, *v = xmalloc((nq + 1) * sizeof(*v));
		int64_t *hits = xmalloc((nq + 1) * sizeof(*hits));
		for (size_t i = 0; i < nq && seen < (size_t)warm; i++) {
			if (strcmp(qs[i].cls, classes[k].cls) != 0)
				continue;
			struct search_params p = { .q = qs[i].q, .limit = limit };
			p.site_id = classes[k].site ? 1 + (int64_t)(i % (size_t)n_sites) : 0;
			json_decref(search_run(db, &p));
			seen++;
		}
		for (size_t i = 0; i < nq && spent <= budget * 1e3; i++) {
			if (strcmp(qs[i].cls, classes[k].cls) != 0)
				continue;
			struct search_params p = { .q = qs[i].q, .limit = limit };
			p.site_id = classes[k].site ? 1 + (int64_t)(i % (size_t)n_sites) : 0;
			double t0 = now_ms();
			json_t *r = search_run(db, &p);
			double ms = now_ms() - t0;
			spent += ms;
			v[n] = ms;
			hits[n] = json_integer_value(json_object_get(r, "total"));
			all[nall++] = (struct timed){ ms, hits[n], qs[i].q, classes[k].label };
			n++;
			json_decref(r);
		}
		rows[k][0] = 0;
		if (n) {
			qsort(v, n, sizeof(*v), cmp_double);
			qsort(hits, n, sizeof(*hits), cmp_i64);
			snprintf(rows[k], sizeof(rows[k]), "| %s | %zu | %.1f | %.1f | %.1f | %lld | %lld–%lld |\n",
				 classes[k].label, n, quantile(v, n, 0.50), quantile(v, n, 0.95), v[n - 1],
				 (long long)hits[n / 2], (long long)hits[0], (long long)hits[n - 1]);
		}
		fprintf(stderr, "search_bench: %s: %zu queries in %.1f s\n", classes[k].label, n, spent / 1e3);
		free(v);
		free(hits);
	}

	int64_t n_art = one_int(db, "SELECT count(*) FROM items WHERE state = 'published'");
	int64_t idx = one_int(db, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search\\_fts%' ESCAPE '\\'"
				 " OR name IN ('search_doc', 'search_vocab', 'search_dict')");
	int64_t pages = one_int(db, "PRAGMA page_count"), psize = one_int(db, "PRAGMA page_size");
	int64_t art = one_int(db, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'articles%'");
	/* the text the index holds (search_doc.bytes: title and text as written), SQLite only */
	int64_t text = db_is_pg(db) ? -1 : one_int(db, "SELECT sum(bytes) FROM search_doc");

	printf("Corpus: %lld published articles%s%s%s, %lld sites; database %.2f GB",
	       (long long)n_art, articles ? " (generated: " : "", articles ? articles : "", articles ? ")" : "",
	       (long long)n_sites, (double)pages * (double)psize / 1e9);
	if (art > 0)
		printf(" (articles table and its indexes %.2f GB)", (double)art / 1e9);
	printf("\n\n");
	printf("| what | value |\n|---|---|\n");
	if (idx > 0)
		printf("| index size (search_fts*, dbstat) | %.2f GB (%.0f bytes per article) |\n", (double)idx / 1e9,
		       n_art > 0 ? (double)idx / (double)n_art : 0);
	else
		printf("| index size | dbstat unavailable |\n");
	if (idx > 0 && text > 0)
		printf("| text it holds (search_doc.bytes) | %.2f GB (%.0f bytes per article); index / text = %.2f |\n",
		       (double)text / 1e9, n_art > 0 ? (double)text / (double)n_art : 0, (double)idx / (double)text);
	if (reindex_s)
		printf("| full reindex (`cong reindex`) | %s s |\n", reindex_s);
	if (gen_s)
		printf("| corpus generation (bench/gen-corpus) | %s s |\n", gen_s);
	printf("\n| query class | queries | p50 ms | p95 ms | max ms | median hits | hits range |\n");
	printf("|---|---:|---:|---:|---:|---:|---|\n");
	for (size_t k = 0; k < ARRAY_SIZE(classes); k++)
		fputs(rows[k], stdout);
	/* the slowest queries, to see what costs */
	printf("\nSlowest queries:\n\n");
	for (int t = 0; t < 8 && nall; t++) {
		size_t best = 0;
		for (size_t i = 1; i < nall; i++)
			if (all[i].ms > all[best].ms)
				best = i;
		if (all[best].ms < 0)
			break;
		printf("- %.1f ms, %lld hits, %s: `%s`\n", all[best].ms, (long long)all[best].total, all[best].label,
		       all[best].q);
		all[best].ms = -1; /* listed */
	}
	free(all);
	for (size_t i = 0; i < nq; i++)
		free(qs[i].q);
	db_close(db);
	return 0;
}
