/* table.h — a small in-memory table for reports (compliance per site, per kind, per period)
 * and its two export formats: CSV for re-processing and XLSX (libxlsxwriter) for people.
 *
 * Cells are strings in machine form, whatever the column's kind:
 *   TABLE_TEXT     any UTF-8 text;
 *   TABLE_INTEGER  "-12", "1234" (at most 15 digits);
 *   TABLE_NUMBER   "3.5", "-0.25" (a '.' decimal point, at most 15 digits on each side);
 *   TABLE_DATE     "2026-11-22" (a real date, years 1900–9999);
 *   TABLE_PERCENT  percentage points as a NUMBER: "87.5" is 87.5 %.
 * A cell that does not match its column's kind is written as text (and protected as text is);
 * NULL or "" is an empty cell. The writers are thread-safe (no shared mutable state). */
#ifndef CONG_REPORT_TABLE_H
#define CONG_REPORT_TABLE_H

#include "base/sb.h"

#include <stddef.h>

enum table_kind { TABLE_TEXT, TABLE_INTEGER, TABLE_NUMBER, TABLE_DATE, TABLE_PERCENT };

struct table_column {
	char *title;
	enum table_kind kind;
};

struct table {
	char *title;               /* the sheet name (sanitised) and the document title */
	struct table_column *aCol;
	size_t nCol;
	char **aCell;              /* nRow × nCol, row-major; NULL for an empty cell */
	size_t nRow, nRowAlloc;
};

/* Lifecycle; the table copies every string it is given. */
void table_init(struct table *t, const char *title);
void table_release(struct table *t);
/* Adds a column; all columns come before the first row (BUG() otherwise). */
void table_add_column(struct table *t, const char *title, enum table_kind kind);
/* Appends a row of t->nCol cells; CELLS[i] may be NULL (empty). */
void table_add_row(struct table *t, const char *const *cells);
/* The cell at ROW, COL, or NULL when empty. */
const char *table_cell(const struct table *t, size_t row, size_t col);

/* 1 when S is a well-formed value of KIND (always 1 for TABLE_TEXT). */
int table_cell_valid(enum table_kind kind, const char *s);

/* Appends the table as CSV (RFC 4180): a UTF-8 byte-order mark so that Excel reads Vietnamese
   correctly, the header row, fields quoted when they hold , ; " CR or LF, CRLF line ends.
   Text cells starting with = + - @ TAB or CR (or their full-width forms) get a leading
   apostrophe so that a spreadsheet does not run them as formulas; well-formed numbers are
   written as they are, so "-5" in an integer column stays a number. The title is not written. */
void table_write_csv(const struct table *t, struct sb *out);

/* Appends the table as an .xlsx file: one sheet named after the title (Excel's rules: at most
   31 characters, none of []:*?/\ , no apostrophe at either end), a bold header row frozen and
   with an autofilter, column widths from the data, numbers as numbers ("#,##0", "#,##0.00"),
   dates as Excel dates shown dd/mm/yyyy, percentages as fractions shown "0.0%". libxlsxwriter
   writes to a temporary file in $TMPDIR (else /tmp), read back and removed. Returns 0, or -1
   with a message in ERR (text that is not UTF-8, more rows than Excel holds, I/O errors). */
int table_write_xlsx(const struct table *t, struct sb *out, char *err, size_t errlen);

/* The same for a workbook of N tables, one sheet each in order (their titles the sheets' names,
   made unique with " (2)"… when two cut to the same 31 characters), TITLE the document's. */
int table_write_xlsx_book(const struct table *const *at, size_t n, const char *title, struct sb *out, char *err,
			  size_t errlen);

/* The sheet name table_write_xlsx() uses for TITLE (malloc'd); exposed for the tests. */
char *table_sheet_name(const char *title);

#endif
