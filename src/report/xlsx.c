/* xlsx.c — a report table as an Excel workbook through libxlsxwriter. libxlsxwriter 1.1 can
 * only write to a named file, so the workbook goes to a private temporary file (mkstemp, 0600)
 * that is read back into memory and removed before returning. */
#include "report/table.h"

#include "base/utf8.h"
#include "base/util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "base/banned.h"

#define WIDTH_MIN 8
#define WIDTH_MAX 60
#define CELL_MAX_CHARS 16383 /* Excel: 32,767 UTF-16 units, so safe even outside the BMP */

struct formats {
	lxw_format *header, *integer, *number, *date, *percent;
};

char *table_sheet_name(const char *title)
{
	struct sb s = SB_INIT;
	/* Excel refuses []:*?/\ (libxlsxwriter checks) and we drop control characters */
	for (const char *p = title; *p; p++) {
		char c = *p == '[' ? '(' : *p == ']' ? ')' : *p == '/' || *p == '\\' ? '-' : *p;
		if (strchr(":*?", c) || (unsigned char)c < 0x20)
			continue;
		if (c == ' ' && s.len && s.buf[s.len - 1] == ' ')
			continue;
		sb_addc(&s, c);
	}
	char *cut = utf8_ellipsize(s.buf, LXW_SHEETNAME_MAX - 1); /* "…" is the 31st */
	sb_reset(&s);
	sb_adds(&s, cut);
	free(cut);
	/* no apostrophe at either end, and "History" is reserved */
	while (s.len && s.buf[s.len - 1] == '\'')
		sb_truncate(&s, s.len - 1);
	size_t lead = strspn(s.buf, "'");
	char *name = xstrdup(s.buf + lead);
	sb_release(&s);
	if (!*name || !strcasecmp(name, "History")) {
		free(name);
		name = xstrdup("Báo cáo");
	}
	return name;
}

/* Width in Excel's units (about one character each) for column C. */
static double column_width(const struct table *t, size_t c)
{
	size_t w = utf8_length(t->aCol[c].title);
	for (size_t r = 0; r < t->nRow; r++) {
		const char *v = table_cell(t, r, c);
		size_t n = v ? utf8_length(v) : 0;
		if (v && t->aCol[c].kind != TABLE_TEXT && table_cell_valid(t->aCol[c].kind, v))
			n += n / 3 + 1; /* thousands separators, "%" */
		if (n > w)
			w = n;
	}
	w += 2;
	return (double)(w < WIDTH_MIN ? WIDTH_MIN : w > WIDTH_MAX ? WIDTH_MAX : w);
}

static lxw_format *num_format(lxw_workbook *wb, const char *fmt)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_num_format(f, fmt);
	return f;
}

static void make_formats(lxw_workbook *wb, struct formats *f)
{
	f->header = workbook_add_format(wb);
	format_set_bold(f->header);
	format_set_bottom(f->header, LXW_BORDER_THIN);
	format_set_text_wrap(f->header);
	format_set_align(f->header, LXW_ALIGN_VERTICAL_TOP);
	f->integer = num_format(wb, "#,##0");
	f->number = num_format(wb, "#,##0.00");
	f->date = num_format(wb, "dd/mm/yyyy");
	f->percent = num_format(wb, "0.0%");
}

static lxw_error write_text(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *v,
			    lxw_format *fmt)
{
	if (utf8_length(v) <= CELL_MAX_CHARS)
		return worksheet_write_string(ws, r, c, v, fmt);
	char *cut = utf8_ellipsize(v, CELL_MAX_CHARS);
	lxw_error e = worksheet_write_string(ws, r, c, cut, fmt);
	free(cut);
	return e;
}

static lxw_error write_cell(lxw_worksheet *ws, const struct formats *f, lxw_row_t r,
			    lxw_col_t c, enum table_kind kind, const char *v)
{
	if (kind == TABLE_TEXT || !table_cell_valid(kind, v))
		return write_text(ws, r, c, v, NULL);
	if (kind == TABLE_DATE) {
		lxw_datetime d = { atoi(v), atoi(v + 5), atoi(v + 8), 0, 0, 0 };
		return worksheet_write_datetime(ws, r, c, &d, f->date);
	}
	double x = strtod(v, NULL); /* the syntax is checked: digits and '.' only */
	if (kind == TABLE_PERCENT)
		return worksheet_write_number(ws, r, c, x / 100, f->percent);
	return worksheet_write_number(ws, r, c, x, kind == TABLE_INTEGER ? f->integer : f->number);
}

/* Every string the table holds is UTF-8 (libxlsxwriter writes bytes as they come). */
static int table_utf8(const struct table *t)
{
	if (!utf8_valid(t->title, strlen(t->title)))
		return 0;
	for (size_t c = 0; c < t->nCol; c++)
		if (!utf8_valid(t->aCol[c].title, strlen(t->aCol[c].title)))
			return 0;
	for (size_t i = 0; i < t->nRow * t->nCol; i++)
		if (t->aCell[i] && !utf8_valid(t->aCell[i], strlen(t->aCell[i])))
			return 0;
	return 1;
}

static lxw_error fill_sheet(lxw_workbook *wb, const struct table *t)
{
	struct formats f;
	char *name = table_sheet_name(t->title);
	lxw_error ev = workbook_validate_sheet_name(wb, name);
	/* a book's sheets whose titles cut to the same 31 characters: "… (2)" */
	for (int k = 2; ev == LXW_ERROR_SHEETNAME_ALREADY_USED && k < 100; k++) {
		struct sb alt = SB_INIT;
		char *cut = utf8_ellipsize(name, LXW_SHEETNAME_MAX - 6);
		sb_addf(&alt, "%s (%d)", cut, k);
		free(cut);
		if (workbook_validate_sheet_name(wb, alt.buf) == LXW_NO_ERROR) {
			free(name);
			name = sb_detach(&alt, NULL);
			ev = LXW_NO_ERROR;
		}
		sb_release(&alt);
	}
	lxw_worksheet *ws = ev ? NULL : workbook_add_worksheet(wb, name);
	free(name);
	if (!ws)
		return ev ? ev : LXW_ERROR_PARAMETER_VALIDATION;
	make_formats(wb, &f);
	for (size_t c = 0; c < t->nCol; c++) {
		lxw_error e = write_text(ws, 0, (lxw_col_t)c, t->aCol[c].title, f.header);
		if (!e)
			e = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, column_width(t, c), NULL);
		if (e)
			return e;
	}
	for (size_t r = 0; r < t->nRow; r++)
		for (size_t c = 0; c < t->nCol; c++) {
			const char *v = table_cell(t, r, c);
			lxw_error e = v ? write_cell(ws, &f, (lxw_row_t)r + 1, (lxw_col_t)c,
						     t->aCol[c].kind, v)
					: LXW_NO_ERROR;
			if (e)
				return e;
		}
	worksheet_freeze_panes(ws, 1, 0);
	if (t->nCol)
		worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->nRow, (lxw_col_t)(t->nCol - 1));
	return LXW_NO_ERROR;
}

/* Appends the whole file at PATH to OUT; -1 with errno on failure. */
static int slurp(const char *path, struct sb *out)
{
	FILE *fp = fopen(path, "rb");
	char buf[65536];
	size_t n;
	if (!fp)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		sb_add(out, buf, n);
	int bad = ferror(fp);
	fclose(fp);
	return bad ? -1 : 0;
}

/* A copy of S with C0 controls as spaces (document properties are XML text). */
static char *without_controls(const char *s)
{
	char *r = xstrdup(s);
	for (char *p = r; *p; p++)
		if ((unsigned char)*p < 0x20)
			*p = ' ';
	return r;
}

/* Writes the workbook of the N tables of AT (a sheet each) titled TITLE to PATH; libxlsxwriter's
 * own temporary files go to TMPDIR. */
static lxw_error write_workbook(const struct table *const *at, size_t n, const char *book_title, const char *path,
				const char *tmpdir)
{
	char *dir = xstrdup(tmpdir);
	lxw_workbook_options opt = { .constant_memory = 0, .tmpdir = dir, .use_zip64 = 0 };
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	if (!wb) {
		free(dir);
		return LXW_ERROR_CREATING_XLSX_FILE;
	}
	char *title = without_controls(book_title);
	lxw_doc_properties props = { .title = title };
	workbook_set_properties(wb, &props);
	lxw_error e = LXW_NO_ERROR;
	for (size_t i = 0; i < n && !e; i++)
		e = fill_sheet(wb, at[i]);
	lxw_error e2 = workbook_close(wb); /* frees wb, even after an error */
	free(title);
	free(dir);
	return e ? e : e2;
}

/* Writes the workbook into a private temporary file in DIR, then into OUT. */
static int write_via_file(const struct table *const *at, size_t n, const char *title, const char *dir,
			  struct sb *out, char *err, size_t errlen)
{
	struct sb path = SB_INIT;
	int rc = -1;
	sb_addf(&path, "%s/cong-report-XXXXXX", dir);
	int fd = mkstemp(path.buf);
	if (fd < 0) {
		snprintf(err, errlen, "temporary file in %s: %s", dir, strerror(errno));
		sb_release(&path);
		return -1;
	}
	close(fd);
	lxw_error e = write_workbook(at, n, title, path.buf, dir);
	if (e)
		snprintf(err, errlen, "xlsx: %s", lxw_strerror(e));
	else if (slurp(path.buf, out))
		snprintf(err, errlen, "reading the workbook back: %s", strerror(errno));
	else
		rc = 0;
	unlink(path.buf);
	sb_release(&path);
	return rc;
}

int table_write_xlsx_book(const struct table *const *at, size_t n, const char *title, struct sb *out, char *err,
			  size_t errlen)
{
	const char *dir = getenv("TMPDIR");
	if (!utf8_valid(title, strlen(title))) {
		snprintf(err, errlen, "table text is not UTF-8");
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		const struct table *t = at[i];
		if (t->nRow >= LXW_ROW_MAX || t->nCol > LXW_COL_MAX) {
			snprintf(err, errlen, "table too large for Excel (%zu rows, %zu columns)", t->nRow,
				 t->nCol);
			return -1;
		}
		if (!table_utf8(t)) {
			snprintf(err, errlen, "table text is not UTF-8");
			return -1;
		}
	}
	return write_via_file(at, n, title, dir && *dir ? dir : "/tmp", out, err, errlen);
}

int table_write_xlsx(const struct table *t, struct sb *out, char *err, size_t errlen)
{
	return table_write_xlsx_book(&t, 1, t->title, out, err, errlen);
}
