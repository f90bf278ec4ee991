/* fuzz_csv.c — libFuzzer target for the importers' CSV reader (src/import/csv.c). Any bytes are
 * refused with one fatal problem or give a table whose every accessor stays in bounds.
 * Invariants, abort() on failure:
 *   - a refusal has a fatal kind, a UTF-8 message, and a line within the file (0 only when empty);
 *   - a table has 1..CSV_MAX_COLUMNS unique, non-empty, trimmed UTF-8 names without A–Z, each
 *     found again by csv_column_find; rows start on increasing lines within the file; the rows
 *     with a problem are counted by csv_table_bad_rows, each problem a cell count on its row's line;
 *   - every cell in range is trimmed UTF-8, the same by name and by index; out of range is NULL;
 *   - csv_split gives trimmed non-empty parts without ';'; csv_date's dates are real, from 1900. */
#include "base/utf8.h"
#include "base/util.h"
#include "import/csv.h"

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

/* The number of physical lines as the reader counts them (LF, CR LF and a lone CR end one). */
static size_t count_lines(const uint8_t *s, size_t n)
{
	size_t lines = 1;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n')))
			lines++;
	return lines;
}

static int is_space_end(const char *s)
{
	size_t n = strlen(s);
	if (!n)
		return 0;
	unsigned char a = (unsigned char)s[0], z = (unsigned char)s[n - 1];
	return a == ' ' || (a >= '\t' && a <= '\r') || !strncmp(s, "\xC2\xA0", 2) || z == ' ' ||
	       (z >= '\t' && z <= '\r') || (n >= 2 && !strcmp(s + n - 2, "\xC2\xA0"));
}

static void check_text(const char *s, const char *what)
{
	check(s != NULL, what);
	check(utf8_valid(s, strlen(s)), what);
	check(!is_space_end(s), what);
}

static void check_helpers(const char *cell)
{
	char **parts;
	size_t n = csv_split(cell, &parts);
	for (size_t i = 0; i < n; i++) {
		check(parts[i] && *parts[i] && !strchr(parts[i], ';'), "split part");
		check(!is_space_end(parts[i]), "split part trimmed");
	}
	check(parts[n] == NULL, "split ends with NULL");
	free(parts);

	int y = 0, m = 0, d = 0, rc = csv_date(cell, &y, &m, &d);
	check(rc == 0 || rc == -1 || rc == CSV_DATE_EMPTY, "date result");
	check((rc == CSV_DATE_EMPTY) == (!cell || !*cell), "empty date");
	if (rc == 0) {
		static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
		check(y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1], "date");
		check(m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)), "29 February");
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_problem err;
	size_t lines = count_lines(data, size);
	struct csv_table *t = csv_table_read((const char *)data, size, &err);

	char *whole = xstrndup((const char *)data, size); /* up to its first NUL */
	check_helpers(whole);
	free(whole);

	if (!t) {
		check(err.kind != CSV_PROBLEM_NONE && err.kind != CSV_PROBLEM_CELL_COUNT, "fatal kind");
		check(err.message[0] && utf8_valid(err.message, strlen(err.message)), "message");
		check(err.line <= lines, "problem line within the file");
		check((err.line == 0) == (err.kind == CSV_PROBLEM_EMPTY), "line 0 only when empty");
		return 0;
	}
	check(err.kind == CSV_PROBLEM_NONE, "no problem with a table");

	size_t ncol = csv_table_columns(t), nrow = csv_table_rows(t);
	check(ncol >= 1 && ncol <= CSV_MAX_COLUMNS && nrow <= CSV_MAX_ROWS, "table size");
	for (size_t c = 0; c < ncol; c++) {
		const char *name = csv_table_column(t, c);
		check_text(name, "column name");
		check(*name, "column name not empty");
		for (const char *p = name; *p; p++)
			check(*p < 'A' || *p > 'Z', "column name lower-case");
		check(csv_column_find(t, name) == (int)c, "column found again (and unique)");
	}
	check(csv_table_column(t, ncol) == NULL, "column past the end");

	size_t bad = 0, last = 0;
	for (size_t r = 0; r < nrow; r++) {
		size_t line = csv_row_line(t, r);
		check(line > last && line <= lines, "row lines increase within the file");
		last = line;
		const struct csv_problem *p = csv_row_problem(t, r);
		if (p) {
			bad++;
			check(p->kind == CSV_PROBLEM_CELL_COUNT && p->line == line, "row problem");
			check(p->message[0] && utf8_valid(p->message, strlen(p->message)), "row message");
		}
		int any = 0;
		for (size_t c = 0; c < ncol; c++) {
			const char *cell = csv_cell_at(t, r, c);
			check_text(cell, "cell");
			check(csv_cell(t, r, csv_table_column(t, c)) == cell, "cell by name");
			any |= *cell != '\0';
			check_helpers(cell);
		}
		check(any || p, "a kept row without a problem has text"); /* blank records are skipped */
		check(csv_cell_at(t, r, ncol) == NULL, "cell past the last column");
	}
	check(bad == csv_table_bad_rows(t), "bad rows counted");
	check(csv_row_line(t, nrow) == 0 && csv_row_problem(t, nrow) == NULL, "row past the end");
	check(csv_cell_at(t, nrow, 0) == NULL && csv_cell(t, nrow, csv_table_column(t, 0)) == NULL,
	      "cell past the last row");
	check(csv_cell(t, 0, "\x01no such column") == NULL, "absent column");
	csv_table_free(t);
	return 0;
}
