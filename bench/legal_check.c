/* legal_check.c — checks what bench/gen-corpus writes for legal documents against the model.
 *   legal_check --keys            one number a line on stdin: "KEY" (docnum_key) or "-" when it is
 *                                 no number, then a tab and what docnum_query_parse reads from the
 *                                 same text as a query ("12/2024/ + groups" or "-")
 *   legal_check --data DIR --today YYYY-MM-DD [--every K]
 *                                 for every K-th legal item: its ref, ref_key, item_day, terms,
 *                                 links and recheck_day as stored, then item_derive_at (the model's
 *                                 own derivation) in a transaction that is rolled back, and the
 *                                 differences printed; exit 1 when any. */
#include "base/util.h"
#include "db/db.h"
#include "model/kind.h"
#include "vn/calendar.h"
#include "vn/docnum.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *snapshot(struct db *db, int64_t id)
{
	static const char *const sql[] = {
		"SELECT coalesce(ref, '-') || ' ' || coalesce(ref_key, '-') || ' ' || coalesce(item_day, '-') || ' '"
		" || coalesce(recheck_day, '-') FROM items WHERE id = ?",
		"SELECT key || '=' || value FROM item_terms WHERE item_id = ? ORDER BY key, value",
		"SELECT relation || ':' || position || ':' || to_key || ':' || to_ref || ':' || coalesce(to_id, 'NULL')"
		" FROM item_links WHERE from_id = ? ORDER BY relation, position",
	};
	size_t cap = 4096, len = 0;
	char *out = xmalloc(cap);
	out[0] = 0;
	for (size_t i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
		struct db_stmt *st = db_stmt(db, sql[i]);
		if (!st)
			continue;
		db_bind_int(st, 1, id);
		while (db_step(st) == DB_ROW) {
			const char *t = db_col_text(st, 0);
			size_t n = strlen(t ? t : "");
			while (len + n + 3 > cap)
				out = xrealloc(out, cap *= 2);
			memcpy(out + len, t ? t : "", n);
			len += n;
			out[len++] = '\n';
			out[len] = 0;
		}
		db_reset(st);
	}
	return out;
}

static int keys(void)
{
	char line[4096];
	while (fgets(line, sizeof(line), stdin)) {
		line[strcspn(line, "\r\n")] = 0;
		char *k = docnum_key(line);
		struct docnum_query q;
		printf("%s\t", k ? k : "-");
		free(k);
		if (docnum_query_parse(line, &q)) {
			char p[32];
			docnum_query_prefix(&q, p, sizeof(p));
			printf("%s", p);
			for (size_t i = 0; i < q.n_group; i++)
				printf("%s%s", i ? "-" : "", q.group[i]);
		} else {
			printf("-");
		}
		printf("\n");
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "keys", no_argument, NULL, 'k' }, { "data", required_argument, NULL, 'd' },
		{ "today", required_argument, NULL, 't' }, { "every", required_argument, NULL, 'e' },
		{ 0 },
	};
	const char *data = NULL, *today_s = "2026-12-07";
	int every = 100, c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'k': return keys();
		case 'd': data = optarg; break;
		case 't': today_s = optarg; break;
		case 'e': every = atoi(optarg); break;
		default: return 2;
		}
	}
	vn_date td;
	if (!data || every < 1 || vn_date_parse(today_s, &td)) {
		fprintf(stderr, "usage: legal_check --keys | --data DIR [--today YYYY-MM-DD] [--every K]\n");
		return 2;
	}
	int32_t today = vn_date_to_days(td);
	char path[4096], err[256];
	snprintf(path, sizeof(path), "%s/cong.db", data);
	struct db *db = db_open(path, err, sizeof(err));
	if (!db) {
		fprintf(stderr, "legal_check: %s\n", err);
		return 1;
	}
	struct db_stmt *st;
	if (!(st = db_prepare(db, "SELECT id FROM items WHERE kind = 'legal' ORDER BY id"))) {
		fprintf(stderr, "legal_check: %s\n", db_errmsg(db));
		return 1;
	}
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	while (db_step(st) == DB_ROW) {
		if (n == cap)
			ids = xrealloc(ids, (cap = cap ? cap * 2 : 1024) * sizeof(*ids));
		ids[n++] = db_col_int(st, 0);
	}
	db_finalize(st);
	size_t checked = 0, differ = 0;
	for (size_t i = 0; i < n; i += (size_t)every) {
		char *before = snapshot(db, ids[i]);
		if (db_begin(db))
			return 1;
		if (item_derive_at(db, ids[i], today)) {
			fprintf(stderr, "legal_check: item %lld: item_derive_at failed\n", (long long)ids[i]);
			db_rollback(db);
			return 1;
		}
		char *after = snapshot(db, ids[i]);
		db_rollback(db);
		checked++;
		if (strcmp(before, after) != 0) {
			differ++;
			if (differ <= 10)
				printf("item %lld differs\n-- generated:\n%s-- item_derive_at:\n%s\n", (long long)ids[i], before,
				       after);
		}
		free(before);
		free(after);
	}
	printf("legal_check: %zu of %zu legal items checked against item_derive_at (as of %s): %zu differ\n", checked, n,
	       today_s, differ);
	db_close(db);
	return differ ? 1 : 0;
}
