/* csv.c — the importers' CSV reader: libcsv splits records and cells (strict RFC 4180 quoting),
 * this file feeds it one physical line at a time so that every record and every problem has its
 * line number, checks UTF-8 and the limits as it goes, and keeps cells as trimmed NFC strings. */
#include "import/csv.h"
#include "base/utf8.h"
#include "base/util.h"
#include "vn/calendar.h"
#include "vn/money.h"

#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

struct csv_row {
	size_t line;
	char **aCell;                 /* nColumn cells, each malloc'd */
	struct csv_problem *pProblem; /* NULL for a good row */
};

struct csv_table {
	char **azColumn;
	size_t nColumn;
	struct csv_row *aRow;
	size_t nRow, nRowAlloc;
	size_t nBad;
};

/* The parse in progress, shared by libcsv's two callbacks. */
struct reader {
	struct csv_table *t;
	struct csv_problem problem; /* the first fatal one; kind NONE while all is well */
	int have_header;
	int in_record;      /* a record has begun and its end has not been seen */
	size_t line;        /* the physical line being fed */
	size_t record_line; /* the line the current record starts on */
	/* the current record: its first max_columns (header) or nColumn (data) cells are kept,
	   the others only counted */
	char **aField;
	size_t nField, nFieldSeen;
	size_t max_columns, max_rows;
	int keep_case;
	int nonblank; /* some cell of the record has text */
};

__attribute__((format(printf, 4, 5))) static void problem_set(struct csv_problem *p,
							      enum csv_problem_kind kind, size_t line,
							      const char *fmt, ...)
{
	va_list ap;
	p->kind = kind;
	p->line = line;
	va_start(ap, fmt);
	vsnprintf(p->message, sizeof(p->message), fmt, ap);
	va_end(ap);
}

/* The reader's first fatal problem; later ones are not looked at. */
__attribute__((format(printf, 4, 5))) static void reader_fail(struct reader *r, enum csv_problem_kind kind,
							      size_t line, const char *fmt, ...)
{
	va_list ap;
	if (r->problem.kind != CSV_PROBLEM_NONE)
		return;
	r->problem.kind = kind;
	r->problem.line = line;
	va_start(ap, fmt);
	vsnprintf(r->problem.message, sizeof(r->problem.message), fmt, ap);
	va_end(ap);
}

/* Bytes of the trimmable character at S[0..N): ASCII white space or U+00A0; 0 for another. */
static size_t space_len(const unsigned char *s, size_t n)
{
	if (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		return 1;
	return n >= 2 && s[0] == 0xC2 && s[1] == 0xA0 ? 2 : 0;
}

/* The start and length of S[0..LEN) without trimmable characters at either end. */
static size_t trim_span(const char *s, size_t len, size_t *start)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t b = 0, e = len, k;
	while (b < e && (k = space_len(u + b, e - b)) != 0)
		b += k;
	while (e > b) {
		if (u[e - 1] == ' ' || (u[e - 1] >= '\t' && u[e - 1] <= '\r'))
			e--;
		else if (e - b >= 2 && u[e - 2] == 0xC2 && u[e - 1] == 0xA0) /* 0xC2 is never a tail byte */
			e -= 2;
		else
			break;
	}
	*start = b;
	return e - b;
}

/* A malloc'd trimmed NFC copy of the cell RAW[0..LEN), or NULL when it is not UTF-8. */
static char *cell_text(const char *raw, size_t len)
{
	char *s = utf8_nfc(len ? raw : "", len);
	size_t start, n;
	if (!s)
		return NULL;
	n = trim_span(s, strlen(s), &start);
	memmove(s, s + start, n);
	s[n] = '\0';
	return s;
}

static void record_clear(struct reader *r)
{
	for (size_t i = 0; i < r->nField; i++)
		free(r->aField[i]);
	r->nField = r->nFieldSeen = 0;
	r->nonblank = 0;
	r->in_record = 0;
}

/* libcsv: one cell of the current record has ended. */
static void on_cell(void *raw, size_t len, void *data)
{
	struct reader *r = data;
	size_t keep = r->have_header ? r->t->nColumn : r->max_columns;
	size_t start;

	if (r->problem.kind != CSV_PROBLEM_NONE)
		return;
	if (len > CSV_MAX_CELL) {
		reader_fail(r, CSV_PROBLEM_CELL_TOO_BIG, r->record_line, "Dòng %zu: có ô dài quá %d MiB.",
			    r->record_line, CSV_MAX_CELL / (1024 * 1024));
		return;
	}
	r->nFieldSeen++;
	if (r->nField >= keep) {
		if (trim_span(raw, len, &start))
			r->nonblank = 1;
		return;
	}
	char *s = cell_text(raw, len);
	if (!s) { /* cannot happen: every line was checked before it was fed */
		reader_fail(r, CSV_PROBLEM_NOT_UTF8, r->record_line, "Tệp không phải UTF-8 (dòng %zu).",
			    r->record_line);
		return;
	}
	if (*s)
		r->nonblank = 1;
	r->aField[r->nField++] = s;
}

/* The current record, complete and not blank, becomes the header. */
static void header_take(struct reader *r)
{
	struct csv_table *t = r->t;
	if (r->nFieldSeen > r->max_columns) {
		reader_fail(r, CSV_PROBLEM_TOO_MANY_COLUMNS, r->record_line,
			    "Dòng %zu: tệp có %zu cột, nhiều nhất là %zu.", r->record_line, r->nFieldSeen,
			    r->max_columns);
		return;
	}
	for (size_t i = 0; i < r->nField; i++) {
		for (char *c = r->aField[i]; *c && !r->keep_case; c++)
			if (*c >= 'A' && *c <= 'Z')
				*c = (char)(*c - 'A' + 'a');
		if (!*r->aField[i]) {
			reader_fail(r, CSV_PROBLEM_NO_HEADER, r->record_line,
				    "Dòng %zu: cột %zu không có tên; dòng đầu tiên của tệp phải ghi tên mọi cột.",
				    r->record_line, i + 1);
			return;
		}
		for (size_t j = 0; j < i; j++) {
			if (strcmp(r->aField[i], r->aField[j]))
				continue;
			char *name = utf8_ellipsize(r->aField[i], 40);
			reader_fail(r, CSV_PROBLEM_DUPLICATE_COLUMN, r->record_line,
				    "Dòng %zu: tên cột “%s” có ở cả cột %zu và cột %zu.", r->record_line, name,
				    j + 1, i + 1);
			free(name);
			return;
		}
	}
	t->azColumn = xmalloc(st_mult(r->nField, sizeof(char *)));
	memcpy(t->azColumn, r->aField, r->nField * sizeof(char *));
	t->nColumn = r->nField;
	r->nField = 0;
	r->have_header = 1;
}

/* The current record, complete and not blank, becomes a data row. */
static void row_take(struct reader *r)
{
	struct csv_table *t = r->t;
	struct csv_row *row;

	if (t->nRow == r->max_rows) {
		char most[32];
		vn_money_group((int64_t)r->max_rows, most, sizeof(most)); /* "50.000" */
		reader_fail(r, CSV_PROBLEM_TOO_MANY_ROWS, r->record_line,
			    "Dòng %zu: tệp có quá %s dòng dữ liệu; hãy chia thành nhiều tệp.", r->record_line, most);
		return;
	}
	if (t->nRow == t->nRowAlloc) {
		t->nRowAlloc = t->nRowAlloc ? st_mult(t->nRowAlloc, 2) : 64;
		t->aRow = xrealloc(t->aRow, st_mult(t->nRowAlloc, sizeof(*t->aRow)));
	}
	row = &t->aRow[t->nRow++];
	row->line = r->record_line;
	row->aCell = xmalloc(st_mult(t->nColumn, sizeof(char *)));
	memcpy(row->aCell, r->aField, r->nField * sizeof(char *));
	for (size_t i = r->nField; i < t->nColumn; i++)
		row->aCell[i] = xstrdup("");
	r->nField = 0;
	row->pProblem = NULL;
	if (r->nFieldSeen != t->nColumn) {
		row->pProblem = xmalloc(sizeof(*row->pProblem));
		problem_set(row->pProblem, CSV_PROBLEM_CELL_COUNT, row->line,
			    "Dòng %zu: có %zu ô nhưng dòng tiêu đề có %zu cột.", row->line, r->nFieldSeen,
			    t->nColumn);
		t->nBad++;
	}
}

/* libcsv: the current record has ended. */
static void on_record(int terminator, void *data)
{
	struct reader *r = data;
	(void)terminator;
	if (r->problem.kind == CSV_PROBLEM_NONE && r->nonblank) {
		if (r->have_header)
			row_take(r);
		else
			header_take(r);
	}
	record_clear(r);
}

/* The end of the physical line that starts at POS: after LF, CR LF or a lone CR, or LEN. */
static size_t line_end(const char *s, size_t pos, size_t len)
{
	for (; pos < len; pos++) {
		if (s[pos] == '\n')
			return pos + 1;
		if (s[pos] == '\r')
			return pos + 1 < len && s[pos + 1] == '\n' ? pos + 2 : pos + 1;
	}
	return len;
}

/* 1 when S[0..N) has a byte that libcsv does not skip before a record (space, tab, CR, LF). */
static int line_starts_record(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 1;
	return 0;
}

void csv_table_free(struct csv_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nColumn; i++)
		free(t->azColumn[i]);
	free(t->azColumn);
	for (size_t r = 0; r < t->nRow; r++) {
		for (size_t i = 0; i < t->nColumn; i++)
			free(t->aRow[r].aCell[i]);
		free(t->aRow[r].aCell);
		free(t->aRow[r].pProblem);
	}
	free(t->aRow);
	free(t);
}

/* libcsv keeps a cell in a buffer that grows as the cell does; past this size the cell being
   read (in quotes, across lines) is already too big, and reading on would only buffer the rest
   of the file when a quote is not closed. */
#define ENTRY_BUFFER_MAX (CSV_MAX_CELL + 4096)

struct csv_table *csv_table_read(const char *bytes, size_t len, struct csv_problem *err)
{
	return csv_table_read_with(bytes, len, NULL, err);
}

char csv_guess_delim(const char *bytes, size_t len)
{
	size_t n[3] = { 0, 0, 0 };
	static const char cand[3] = { ',', ';', '\t' };
	int quoted = 0;
	for (size_t i = len >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3) ? 3 : 0; i < len; i++) {
		if (bytes[i] == '"')
			quoted = !quoted;
		else if (!quoted && (bytes[i] == '\n' || bytes[i] == '\r'))
			break;
		for (int k = 0; !quoted && k < 3; k++)
			n[k] += bytes[i] == cand[k];
	}
	int best = 0;
	for (int k = 1; k < 3; k++)
		if (n[k] > n[best])
			best = k;
	return cand[best];
}

struct csv_table *csv_table_read_with(const char *bytes, size_t len, const struct csv_options *o,
				      struct csv_problem *err)
{
	struct reader r;
	struct csv_parser p;
	size_t pos = 0;

	memset(&r, 0, sizeof(r));
	r.max_columns = o && o->max_columns ? o->max_columns : CSV_MAX_COLUMNS;
	r.max_rows = o && o->max_rows ? o->max_rows : CSV_MAX_ROWS;
	r.keep_case = o && o->keep_case;
	r.aField = xcalloc(r.max_columns, sizeof(char *));
	r.t = xcalloc(1, sizeof(*r.t));
	/* Strict: a stray quote is an error, not text, and so is a quote left open at the end.
	   Neither CSV_APPEND_NULL nor CSV_EMPTY_IS_NULL: cells are copied by length, and an empty
	   one is "" like any other. */
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		BUG("csv_init failed");
	if (o && o->delim)
		csv_set_delim(&p, (unsigned char)o->delim);
	if (len >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3))
		pos = 3;
	for (r.line = 1; pos < len; r.line++) {
		size_t end = line_end(bytes, pos, len), n = end - pos;
		if (!utf8_valid(bytes + pos, n)) {
			reader_fail(&r, CSV_PROBLEM_NOT_UTF8, r.line,
				    "Tệp không phải UTF-8 (dòng %zu). Hãy lưu lại tệp dạng CSV UTF-8.", r.line);
			break;
		}
		if (!r.in_record && line_starts_record(bytes + pos, n)) {
			r.in_record = 1;
			r.record_line = r.line;
		}
		size_t done = csv_parse(&p, bytes + pos, n, on_cell, on_record, &r);
		if (r.problem.kind != CSV_PROBLEM_NONE)
			break;
		if (done != n) {
			int e = csv_error(&p);
			if (e != CSV_EPARSE)
				BUG("libcsv: %s", csv_strerror(e));
			if (r.record_line == r.line)
				reader_fail(&r, CSV_PROBLEM_QUOTE, r.line,
					    "Dòng %zu: dấu ngoặc kép đặt sai chỗ. Ô có dấu ngoặc kép phải được "
					    "bao trong ngoặc kép, và dấu ngoặc kép bên trong viết đôi (\"\").",
					    r.line);
			else
				reader_fail(&r, CSV_PROBLEM_QUOTE, r.line,
					    "Dòng %zu: dấu ngoặc kép đặt sai chỗ (trong bản ghi bắt đầu ở dòng "
					    "%zu; có thể một dấu ngoặc kép ở đó chưa đóng).",
					    r.line, r.record_line);
			break;
		}
		if (csv_get_buffer_size(&p) > ENTRY_BUFFER_MAX) {
			reader_fail(&r, CSV_PROBLEM_CELL_TOO_BIG, r.record_line,
				    "Dòng %zu: có ô dài quá %d MiB (hay một dấu ngoặc kép không đóng).",
				    r.record_line, CSV_MAX_CELL / (1024 * 1024));
			break;
		}
		pos = end;
	}
	if (r.problem.kind == CSV_PROBLEM_NONE && csv_fini(&p, on_cell, on_record, &r) != 0) {
		int e = csv_error(&p);
		if (e != CSV_EPARSE)
			BUG("libcsv: %s", csv_strerror(e));
		reader_fail(&r, CSV_PROBLEM_UNCLOSED_QUOTE, r.record_line, "Dòng %zu: dấu ngoặc kép không đóng.",
			    r.record_line);
	}
	csv_free(&p);
	record_clear(&r);
	free(r.aField);
	if (r.problem.kind == CSV_PROBLEM_NONE && !r.have_header)
		reader_fail(&r, CSV_PROBLEM_EMPTY, 0, "Tệp trống: không có dòng nào.");
	if (r.problem.kind != CSV_PROBLEM_NONE) {
		csv_table_free(r.t);
		if (err)
			*err = r.problem;
		return NULL;
	}
	if (err)
		problem_set(err, CSV_PROBLEM_NONE, 0, "%s", "");
	return r.t;
}

size_t csv_table_rows(const struct csv_table *t)
{
	return t->nRow;
}

size_t csv_table_columns(const struct csv_table *t)
{
	return t->nColumn;
}

const char *csv_table_column(const struct csv_table *t, size_t col)
{
	return col < t->nColumn ? t->azColumn[col] : NULL;
}

int csv_column_find(const struct csv_table *t, const char *name)
{
	for (size_t i = 0; i < t->nColumn; i++)
		if (!strcmp(t->azColumn[i], name))
			return (int)i;
	return -1;
}

size_t csv_row_line(const struct csv_table *t, size_t row)
{
	return row < t->nRow ? t->aRow[row].line : 0;
}

const struct csv_problem *csv_row_problem(const struct csv_table *t, size_t row)
{
	return row < t->nRow ? t->aRow[row].pProblem : NULL;
}

size_t csv_table_bad_rows(const struct csv_table *t)
{
	return t->nBad;
}

const char *csv_cell_at(const struct csv_table *t, size_t row, size_t col)
{
	return row < t->nRow && col < t->nColumn ? t->aRow[row].aCell[col] : NULL;
}

const char *csv_cell(const struct csv_table *t, size_t row, const char *column)
{
	int col = csv_column_find(t, column);
	return col < 0 ? NULL : csv_cell_at(t, row, (size_t)col);
}

size_t csv_split(const char *cell, char ***parts)
{
	size_t len = cell ? strlen(cell) : 0, n = 0, k = 0;
	for (size_t i = 0; i < len; i++)
		n += cell[i] == ';';
	n++; /* at most this many parts */
	/* the pointers, then the text: each part is copied with its NUL where its ';' was */
	size_t head = st_mult(st_add(n, 1), sizeof(char *));
	char **a = xmalloc(st_add(st_add(head, len), 1));
	char *text = (char *)a + head;
	for (size_t i = 0; i < len;) {
		size_t end = i + strcspn(cell + i, ";"), start;
		size_t m = trim_span(cell + i, end - i, &start);
		if (m) {
			memcpy(text, cell + i + start, m);
			text[m] = '\0';
			a[k++] = text;
			text += m + 1;
		}
		i = end + 1;
	}
	a[k] = NULL;
	*parts = a;
	return k;
}

/* MIN_DIGITS to MAX_DIGITS decimal digits at *S followed by the byte STOP: their value, with *S
 * moved past STOP; -1 for anything else. */
static int date_number(const char **s, int min_digits, int max_digits, char stop)
{
	int v = 0, n = 0;
	for (; **s >= '0' && **s <= '9'; (*s)++) {
		if (++n > max_digits)
			return -1;
		v = v * 10 + (**s - '0');
	}
	if (n < min_digits || **s != stop)
		return -1;
	if (stop)
		(*s)++;
	return v;
}

int csv_date(const char *cell, int *y, int *m, int *d)
{
	vn_date v;
	if (!cell || !*cell)
		return CSV_DATE_EMPTY;
	const char *s = cell;
	v.d = date_number(&s, 1, 2, '/');
	v.m = v.d < 0 ? -1 : date_number(&s, 1, 2, '/');
	v.y = v.m < 0 ? -1 : date_number(&s, 4, 4, '\0');
	if (v.y < 1900 || !vn_date_valid(v))
		return -1;
	*y = v.y;
	*m = v.m;
	*d = v.d;
	return 0;
}
