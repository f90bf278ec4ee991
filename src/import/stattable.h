/* stattable.h — a statistics table uploaded as CSV or XLSX (the statistics kind, docs/statistics.md):
 * read, checked and normalised, or refused with one Vietnamese sentence that names the row and
 * the column ("Dòng 7, cột 'Dân số': '12a' không phải là số").
 *
 * CSV is read by the importers' reader (import/csv.h: libcsv, strict quoting, UTF-8 BOM, line
 * numbers) with the separator the first line uses (',' ';' or TAB). XLSX is read with libzip
 * (import/archive.h: size and entry limits, no zip bombs) and libxml2's streaming reader: the
 * workbook's first sheet and the shared strings; no DTD is accepted, nothing is fetched.
 *
 * The rules: the first row that is not blank is the header and names every column (no empty or
 * repeated name, no number but a year); every row has no more cells than the header; blank rows
 * are skipped; at least two columns and one data row. A column is numeric when more than half of
 * its non-empty cells are numbers; then every non-empty cell must be one. A text cell is a number
 * written the Vietnamese way ("1.234,5", "-12", "1 234") or the English way ("1234.5",
 * "1,234.5"): which one is decided per column (the one under which its cells read; Vietnamese
 * when both do). Numbers are kept in machine form ("1234.5": at most 15 digits each side of the
 * point), text trimmed and NFC, empty cells as null. */
#ifndef CONG_IMPORT_STATTABLE_H
#define CONG_IMPORT_STATTABLE_H

#include <stddef.h>
#include <jansson.h>

#define STAT_MAX_BYTES (4 * 1024 * 1024)   /* the uploaded file */
#define STAT_MAX_XML (32 * 1024 * 1024)    /* an XLSX's entries uncompressed, together */
#define STAT_MAX_COLUMNS 200
#define STAT_MAX_ROWS 20000                /* data rows */
#define STAT_MAX_CELLS 400000              /* rows × columns */
#define STAT_MAX_CELL_CHARS 1000
#define STAT_MAX_NAME_CHARS 200

enum stat_format { STAT_AUTO, STAT_CSV, STAT_XLSX };

/* Reads the LEN bytes of a table (STAT_AUTO: an XLSX when they start like a ZIP archive, else
 * CSV). Returns {format: "csv"|"xlsx", columns: [{name, numeric (bool)}], rows: [[string|null,
 * …], …]}, or NULL with a Vietnamese sentence in WHY. */
json_t *stat_table_parse(const void *bytes, size_t len, enum stat_format f, char *why, size_t whylen);

/* Reads S as a number written the Vietnamese way (VI: '.' groups thousands, ',' is the decimal
 * mark) or the English way (VI 0: ',' groups, '.' is the mark); spaces may group thousands too.
 * Writes its machine form to OUT: 0, or -1 when S is not such a number (or has more than 15
 * digits on either side). */
int stat_number(const char *s, int vi, char out[40]);

/* The machine form NUM ("-1234.5") written for people the Vietnamese way ("-1.234,5"). */
void stat_number_vi(const char *num, char out[64]);

#endif
