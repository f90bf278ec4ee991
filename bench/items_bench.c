/* items_bench.c — times the items layer's public reads (src/model/item.h, legal.h) in-process on
 * a corpus of bench/gen-corpus --legal: the number search (item_find_by_ref) over the
 * docnum_legal queries of DIR/queries.tsv, a site's filtered legal document list
 * (item_list_public with its total), the filter values (item_term_values) and what a document's
 * page reads (item_get_public, item_links_from, item_links_to, legal_validity). Each measure is
 * run once untimed, then timed (wall clock, or with --cpu the thread's CPU time: on a shared, busy
 * machine the CPU time is the cost, the wall clock also the wait); prints p50/p95/max as a
 * Markdown table. */
#include "base/util.h"
#include "db/db.h"
#include "model/item.h"
#include "model/legal.h"
#include "vn/calendar.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static clockid_t clock_used = CLOCK_MONOTONIC; /* --cpu: the thread's CPU time (user + system) */

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(clock_used, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double quantile(const double *v, size_t n, double p)
{
	size_t k = (size_t)(p * (double)n + 0.999999);
	return v[k ? k - 1 : 0];
}

static void row(const char *what, double *v, size_t n, const char *note)
{
	if (!n)
		return;
	qsort(v, n, sizeof(*v), cmp_double);
	printf("| %s | %zu | %.2f | %.2f | %.2f | %s |\n", what, n, quantile(v, n, 0.5), quantile(v, n, 0.95), v[n - 1],
	       note);
}

static int64_t one_int(struct db *db, const char *sql)
{
	struct db_stmt *st;
	int64_t v = -1;
	if (!(st = db_prepare(db, sql)))
		return -1;
	if (db_step(st) == DB_ROW)
		v = db_col_int(st, 0);
	db_finalize(st);
	return v;
}

/* A read transaction around each timed call, as a public request has. */
static void rd_begin(struct db *db)
{
	db_exec(db, "BEGIN");
}

static void rd_end(struct db *db)
{
	db_exec(db, "COMMIT");
}

struct listcase {
	const char *label;
	struct item_filter f[3];
	size_t nf;
	int64_t offset;
};

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "data", required_argument, NULL, 'd' }, { "rounds", required_argument, NULL, 'r' },
		{ "site", required_argument, NULL, 's' }, { "today", required_argument, NULL, 't' },
		{ "only", required_argument, NULL, 'o' }, { "cpu", no_argument, NULL, 'c' }, { 0 },
	};
	const char *data = NULL, *today_s = "2026-12-07", *only = "";
	int rounds = 20, c;
	int64_t site = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': data = optarg; break;
		case 'r': rounds = atoi(optarg); break;
		case 's': site = atoll(optarg); break;
		case 't': today_s = optarg; break;
		case 'o': only = optarg; break;
		case 'c': clock_used = CLOCK_THREAD_CPUTIME_ID; break;
		default: return 2;
		}
	}
	vn_date td;
	if (!data || rounds < 1 || vn_date_parse(today_s, &td)) {
		fprintf(stderr, "usage: items_bench --data DIR [--rounds N] [--site ID] [--today YYYY-MM-DD]"
				" [--only find|list|terms|page] [--cpu]\n");
		return 2;
	}
	int32_t today = vn_date_to_days(td);
	char path[4096], err[256];
	snprintf(path, sizeof(path), "%s/cong.db", data);
	struct db *db = db_open(path, err, sizeof(err));
	if (!db) {
		fprintf(stderr, "items_bench: %s\n", err);
		return 1;
	}
	if (!site)
		site = one_int(db, "SELECT id FROM sites WHERE kind = 'main'");
	int64_t nlegal = one_int(db, "SELECT count(*) FROM items WHERE kind = 'legal' AND state = 'published'");
	char sql[256];
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM items WHERE kind = 'legal' AND state = 'published' AND site_id = %lld",
		 (long long)site);
	int64_t nsite = one_int(db, sql);
	printf("Corpus %s: %lld published items, %lld legal documents (%lld on site %lld); times: %s\n\n", data,
	       (long long)one_int(db, "SELECT count(*) FROM items WHERE state = 'published'"), (long long)nlegal,
	       (long long)nsite, (long long)site,
	       clock_used == CLOCK_MONOTONIC ? "wall clock" : "the thread's CPU time (--cpu)");
	printf("| read | calls | p50 ms | p95 ms | max ms | note |\n|---|---:|---:|---:|---:|---|\n");

	/* 1. number search over the docnum_legal queries, every site (the portal search) */
	if (!*only || !strcmp(only, "find")) {
		char qpath[4096], line[1024];
		snprintf(qpath, sizeof(qpath), "%s/queries.tsv", data);
		FILE *f = fopen(qpath, "r");
		char **qs = NULL;
		size_t nq = 0, cap = 0;
		while (f && fgets(line, sizeof(line), f)) {
			line[strcspn(line, "\r\n")] = 0;
			if (strncmp(line, "docnum_legal\t", 13) != 0)
				continue;
			if (nq == cap)
				qs = xrealloc(qs, (cap = cap ? cap * 2 : 256) * sizeof(*qs));
			qs[nq++] = xstrdup(line + 13);
		}
		if (f)
			fclose(f);
		for (int pass = 0; pass < 2; pass++) {
			int64_t scope = pass ? site : 0;
			double *v = xmalloc((nq + 1) * sizeof(*v)), worst = -1;
			size_t hit = 0, zero = 0, full = 0;
			const char *worst_q = "";
			for (size_t i = 0; i < nq; i++) /* warm */
				json_decref(item_find_by_ref(db, scope, "legal", qs[i], 20));
			for (size_t i = 0; i < nq; i++) {
				rd_begin(db);
				double t0 = now_ms();
				json_t *r = item_find_by_ref(db, scope, "legal", qs[i], 20);
				v[i] = now_ms() - t0;
				rd_end(db);
				size_t n = json_array_size(r);
				hit += n > 0;
				zero += n == 0;
				full += n == 20;
				if (v[i] > worst) {
					worst = v[i];
					worst_q = qs[i];
				}
				json_decref(r);
			}
			char note[512];
			snprintf(note, sizeof(note), "%zu with hits, %zu none, %zu at the limit of 20; slowest `%s`", hit, zero,
				 full, worst_q);
			row(pass ? "item_find_by_ref, one site (main)" : "item_find_by_ref, every site", v, nq, note);
			free(v);
		}
	}

	/* 2. the main portal's filtered list, first page of 20 with its total */
	if (!*only || !strcmp(only, "list")) {
		static const struct listcase cases[] = {
			{ "list, no filter", { { 0 } }, 0, 0 },
			{ "list ?loai=Quyết định&nam=2024", { { "loai", "Quyết định" }, { "nam", "2024" } }, 2, 0 },
			{ "list ?loai=Quyết định", { { "loai", "Quyết định" } }, 1, 0 },
			{ "list ?nam=2024", { { "nam", "2024" } }, 1, 0 },
			{ "list ?hieu_luc=con_hieu_luc", { { "hieu_luc", "con_hieu_luc" } }, 1, 0 },
			{ "list ?loai=Nghị định&hieu_luc=het_hieu_luc_toan_bo", { { "loai", "Nghị định" }, { "hieu_luc", "het_hieu_luc_toan_bo" } }, 2, 0 },
			{ "list ?loai=Luật&nam=2005", { { "loai", "Luật" }, { "nam", "2005" } }, 2, 0 },
			{ "list ?loai=Quyết định&nam=2024, page 10", { { "loai", "Quyết định" }, { "nam", "2024" } }, 2, 180 },
		};
		for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
			double *v = xmalloc((size_t)rounds * sizeof(*v));
			int64_t total = 0;
			json_decref(item_list_public(db, site, "legal", 0, cases[k].f, cases[k].nf, 20, cases[k].offset, &total, 0));
			for (int i = 0; i < rounds; i++) {
				rd_begin(db);
				double t0 = now_ms();
				json_t *r = item_list_public(db, site, "legal", 0, cases[k].f, cases[k].nf, 20, cases[k].offset, &total, 0);
				v[i] = now_ms() - t0;
				rd_end(db);
				json_decref(r);
			}
			char note[64];
			snprintf(note, sizeof(note), "total %lld", (long long)total);
			row(cases[k].label, v, (size_t)rounds, note);
			free(v);
		}
	}

	/* 3. the filter form's values */
	if (!*only || !strcmp(only, "terms")) {
		static const char *const keys[] = { "loai", "nam", "co_quan_ban_hanh", "linh_vuc", "pham_vi", "hieu_luc" };
		double *all = xmalloc((size_t)rounds * sizeof(*all));
		for (int i = 0; i < rounds; i++)
			all[i] = 0;
		for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
			double *v = xmalloc((size_t)rounds * sizeof(*v));
			size_t nval = 0;
			json_decref(item_term_values(db, site, "legal", keys[k]));
			for (int i = 0; i < rounds; i++) {
				rd_begin(db);
				double t0 = now_ms();
				json_t *r = item_term_values(db, site, "legal", keys[k]);
				v[i] = now_ms() - t0;
				rd_end(db);
				all[i] += v[i];
				nval = json_array_size(r);
				json_decref(r);
			}
			char label[96], note[64];
			snprintf(label, sizeof(label), "item_term_values %s", keys[k]);
			snprintf(note, sizeof(note), "%zu values", nval);
			row(label, v, (size_t)rounds, note);
			free(v);
		}
		row("item_term_values, the six keys", all, (size_t)rounds, "sum per round");
		free(all);
	}

	/* 4. a document's page: the item, its relations both ways, its validity */
	if (!*only || !strcmp(only, "page")) {
		struct db_stmt *st;
		/* the documents most acted on first (the heaviest pages), then a spread of others */
		const char *pick = "SELECT id, site_id FROM (SELECT to_id AS id, count(*) AS n FROM item_links WHERE to_id IS NOT NULL"
				   " GROUP BY to_id ORDER BY n DESC LIMIT 50) JOIN items USING (id)"
				   " UNION ALL SELECT id, site_id FROM items WHERE kind = 'legal' AND id % 997 = 0";
		if ((st = db_prepare(db, pick))) {
			int64_t ids[400][2];
			size_t n = 0;
			while (n < 400 && db_step(st) == DB_ROW) {
				ids[n][0] = db_col_int(st, 0);
				ids[n][1] = db_col_int(st, 1);
				n++;
			}
			db_finalize(st);
			double *v = xmalloc((n + 1) * sizeof(*v)), *w = xmalloc((n + 1) * sizeof(*w));
			size_t links = 0;
			for (int pass = 0; pass < 2; pass++) {
				for (size_t i = 0; i < n; i++) {
					rd_begin(db);
					double t0 = now_ms();
					json_t *it = item_get_public(db, ids[i][1], "legal", ids[i][0]);
					json_t *from = item_links_from(db, ids[i][0]);
					json_t *to = item_links_to(db, ids[i][0]);
					double t1 = now_ms();
					json_t *val = legal_validity(db, ids[i][0], today);
					v[i] = now_ms() - t0;
					w[i] = now_ms() - t1;
					rd_end(db);
					if (pass)
						links += json_array_size(from) + json_array_size(to);
					json_decref(it);
					json_decref(from);
					json_decref(to);
					json_decref(val);
				}
			}
			char note[96];
			snprintf(note, sizeof(note), "%zu documents (the 50 most acted on first), %zu relations in all", n, links);
			row("document page reads (get + links both ways + validity)", v, n, note);
			row("  of which legal_validity", w, n, "");
			free(v);
			free(w);
		}
	}
	db_close(db);
	return 0;
}
