/* csv.h — reads a whole CSV file (RFC 4180, as spreadsheets and old portals write it) into a
 * table of trimmed NFC cells addressed by header name, for the importers (`cong import van-ban`).
 * The quoting rules are libcsv's, in strict mode; this module adds physical line numbers, the
 * size limits, the header checks and the Vietnamese messages shown to administrators. */
#ifndef CONG_IMPORT_CSV_H
#define CONG_IMPORT_CSV_H

#include <stddef.h>

/* Limits; past any of them the whole file is refused. */
#define CSV_MAX_ROWS 50000          /* data rows, the header not counted */
#define CSV_MAX_COLUMNS 64          /* cells of the header row */
#define CSV_MAX_CELL (1024 * 1024)  /* bytes of one cell as written in the file, quotes removed */

enum csv_problem_kind {
	CSV_PROBLEM_NONE = 0,
	CSV_PROBLEM_NOT_UTF8,         /* a line is not UTF-8, or holds a NUL byte (a UTF-16 file) */
	CSV_PROBLEM_QUOTE,            /* a quote inside an unquoted cell, or text after a closing one */
	CSV_PROBLEM_UNCLOSED_QUOTE,   /* the file ends inside a quoted cell */
	CSV_PROBLEM_EMPTY,            /* no record at all: nothing, a BOM, blank lines */
	CSV_PROBLEM_NO_HEADER,        /* a cell of the first record is empty: it must name every column */
	CSV_PROBLEM_DUPLICATE_COLUMN, /* two header cells name the same column */
	CSV_PROBLEM_TOO_MANY_ROWS,    /* more than CSV_MAX_ROWS data rows */
	CSV_PROBLEM_TOO_MANY_COLUMNS, /* more than CSV_MAX_COLUMNS header cells */
	CSV_PROBLEM_CELL_TOO_BIG,     /* a cell longer than CSV_MAX_CELL */
	CSV_PROBLEM_CELL_COUNT,       /* of one row only: fewer or more cells than the header */
};

/* LINE is the physical line (1 is the file's first, quoted line breaks counted) the problem is
 * on — for a problem of a whole record, the line that record starts on; 0 for an empty file.
 * MESSAGE is one or two Vietnamese sentences that begin with the line ("Dòng 7: …"), ready to be
 * shown to an administrator as it is (plain text: escape it like any other). */
struct csv_problem {
	enum csv_problem_kind kind;
	size_t line;
	char message[320];
};

/* A parsed file: its header names, then its data rows. Blank records (lines of spaces, or
 * records whose every cell is empty, as ",,," that spreadsheets leave) are skipped. Header names
 * are trimmed, NFC, with A–Z lower-cased ("So_Ky_Hieu " → "so_ky_hieu"); cells are trimmed of
 * spaces, tabs, line breaks and no-break spaces at both ends, and are NFC with line breaks as LF.
 * A row may carry a problem (CSV_PROBLEM_CELL_COUNT): it is then padded with empty cells, or its
 * extra cells dropped, so that every row has one cell per column. */
struct csv_table;

/* Parses the LEN bytes of a whole file (a leading UTF-8 BOM is skipped; BYTES may be NULL when
 * LEN is 0). Returns the table, which the caller frees with csv_table_free, or NULL with *ERR
 * describing the first problem, in file order, that refuses the file. On success *ERR is
 * CSV_PROBLEM_NONE even when some rows are bad: see csv_table_bad_rows. ERR may be NULL. */
struct csv_table *csv_table_read(const char *bytes, size_t len, struct csv_problem *err);

/* How csv_table_read_with reads a file other than an import (a statistics table, import/stattable.h):
 * DELIM the separator (',' ';' or '\t'; 0: ','), KEEP_CASE keeps the header's names as written
 * (else A–Z are lower-cased), MAX_COLUMNS and MAX_ROWS the limits (0: CSV_MAX_COLUMNS,
 * CSV_MAX_ROWS). */
struct csv_options {
	char delim;
	int keep_case;
	size_t max_columns, max_rows;
};
struct csv_table *csv_table_read_with(const char *bytes, size_t len, const struct csv_options *o,
				      struct csv_problem *err);
/* The separator a file most likely uses: of ',', ';' and TAB, the one its first line (outside
 * quotes) holds most of; ',' when none. */
char csv_guess_delim(const char *bytes, size_t len);
void csv_table_free(struct csv_table *t); /* T may be NULL */

size_t csv_table_rows(const struct csv_table *t);    /* data rows, the header not counted */
size_t csv_table_columns(const struct csv_table *t); /* header cells, at least 1 */
/* The name of column COL, NULL when COL >= csv_table_columns. */
const char *csv_table_column(const struct csv_table *t, size_t col);
/* The index of the column named NAME (exactly as stored: lower-case), or -1 when absent. */
int csv_column_find(const struct csv_table *t, const char *name);

/* The line that data row ROW (0-based) starts on; 0 when ROW >= csv_table_rows. */
size_t csv_row_line(const struct csv_table *t, size_t row);
/* What is wrong with row ROW, or NULL when nothing is (or ROW >= csv_table_rows). */
const struct csv_problem *csv_row_problem(const struct csv_table *t, size_t row);
/* The number of rows that have a problem; an importer that imports nothing unless it is 0 lists
 * them by walking the rows with csv_row_problem. */
size_t csv_table_bad_rows(const struct csv_table *t);

/* The cell of row ROW in the column named COLUMN: never NULL for a present column (an empty
 * cell is ""); NULL when the file has no such column or ROW >= csv_table_rows. The string lives
 * as long as the table. */
const char *csv_cell(const struct csv_table *t, size_t row, const char *column);
/* The same by column index; NULL when ROW or COL is out of range. */
const char *csv_cell_at(const struct csv_table *t, size_t row, size_t col);

/* Splits a multi-value CELL (linh_vuc, can_cu…) on ';' into its trimmed non-empty parts
 * ("Thuế; ;Phí, lệ phí ;" → "Thuế", "Phí, lệ phí") and returns how many there are. *PARTS gets
 * one malloc'd block that one free(*parts) releases: a NULL-terminated array of the parts
 * followed by their text; it is allocated even for 0 parts (CELL NULL or blank). */
size_t csv_split(const char *cell, char ***parts);

/* csv_date's result for a NULL or empty cell — an absent date, which the caller may allow. */
#define CSV_DATE_EMPTY 1
/* Reads a Vietnamese dd/mm/yyyy date: day and month of one or two digits, year of four, nothing
 * else ("05/03/2024", "5/3/2024"). Returns 0 with *Y, *M, *D set when it names a real day of year
 * 1900 or later; CSV_DATE_EMPTY for an empty cell; -1 for anything else (31/02/2024, 1/1/1899,
 * 2024-03-05); the outputs are written only on success. */
int csv_date(const char *cell, int *y, int *m, int *d);

#endif
