/* fuzz_stattable.c — libFuzzer target for the statistics table reader (src/import/stattable.c):
 * any bytes, read as CSV, as XLSX and by their look. Invariants, abort() on failure:
 *   - a refusal has a non-empty UTF-8 sentence;
 *   - a table has 2..STAT_MAX_COLUMNS columns with non-empty UTF-8 names, 1..STAT_MAX_ROWS rows
 *     of exactly one value per column, each null or a non-empty UTF-8 string; every value of a
 *     numeric column is in machine form (what report/table.h takes as a number), and reads back
 *     the same written the Vietnamese way;
 *   - stat_number of the input itself, either way, is a machine-form number or -1. */
#include "base/utf8.h"
#include "base/util.h"
#include "import/stattable.h"
#include "report/table.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "invariant broken: %s\n", what);
		abort();
	}
}

static void check_table(json_t *t, const char *why)
{
	if (!t) {
		check(why[0] && utf8_valid(why, strlen(why)), "refusal sentence");
		return;
	}
	json_t *cols = json_object_get(t, "columns"), *rows = json_object_get(t, "rows");
	size_t nc = json_array_size(cols), nr = json_array_size(rows);
	check(nc >= 2 && nc <= STAT_MAX_COLUMNS, "columns");
	check(nr >= 1 && nr <= STAT_MAX_ROWS, "rows");
	for (size_t c = 0; c < nc; c++) {
		const char *name = json_string_value(json_object_get(json_array_get(cols, c), "name"));
		check(name && *name && utf8_valid(name, strlen(name)), "column name");
	}
	for (size_t r = 0; r < nr; r++) {
		json_t *row = json_array_get(rows, r);
		check(json_array_size(row) == nc, "row width");
		for (size_t c = 0; c < nc; c++) {
			json_t *v = json_array_get(row, c);
			if (json_is_null(v))
				continue;
			const char *s = json_string_value(v);
			check(s && *s && utf8_valid(s, strlen(s)), "cell");
			if (json_is_true(json_object_get(json_array_get(cols, c), "numeric"))) {
				check(table_cell_valid(TABLE_NUMBER, s), "numeric cell in machine form");
				char vi[64], back[40];
				stat_number_vi(s, vi);
				check(stat_number(vi, 1, back) == 0 && strcmp(back, s) == 0, "Vietnamese form reads back");
			}
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char why[320];
	static const enum stat_format formats[] = { STAT_AUTO, STAT_CSV, STAT_XLSX };
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		why[0] = '\0';
		json_t *t = stat_table_parse(data, size, formats[i], why, sizeof(why));
		check_table(t, why);
		json_decref(t);
	}
	if (size < 64) {
		char *s = xstrndup((const char *)data, size), out[40];
		for (int vi = 0; vi < 2; vi++)
			if (stat_number(s, vi, out) == 0)
				check(table_cell_valid(TABLE_NUMBER, out), "number in machine form");
		free(s);
	}
	return 0;
}
