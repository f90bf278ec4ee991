/* table.c — the in-memory report table: lifecycle and the checks of cell values by kind. */
#include "report/table.h"

#include "base/util.h"

#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

void table_init(struct table *t, const char *title)
{
	memset(t, 0, sizeof(*t));
	t->title = xstrdup(title ? title : "");
}

void table_release(struct table *t)
{
	for (size_t i = 0; i < t->nCol; i++)
		free(t->aCol[i].title);
	for (size_t i = 0; i < st_mult(t->nRow, t->nCol); i++)
		free(t->aCell[i]);
	free(t->aCol);
	free(t->aCell);
	free(t->title);
	memset(t, 0, sizeof(*t));
}

void table_add_column(struct table *t, const char *title, enum table_kind kind)
{
	if (t->nRow)
		BUG("table_add_column after the first row");
	t->aCol = xrealloc(t->aCol, st_mult(t->nCol + 1, sizeof(*t->aCol)));
	t->aCol[t->nCol].title = xstrdup(title ? title : "");
	t->aCol[t->nCol].kind = kind;
	t->nCol++;
}

void table_add_row(struct table *t, const char *const *cells)
{
	if (t->nCol == 0)
		BUG("table_add_row without columns");
	if (t->nRow == t->nRowAlloc) {
		t->nRowAlloc = t->nRowAlloc ? st_mult(t->nRowAlloc, 2) : 16;
		t->aCell = xrealloc(t->aCell, st_mult(st_mult(t->nRowAlloc, t->nCol), sizeof(char *)));
	}
	char **row = t->aCell + t->nRow * t->nCol;
	for (size_t i = 0; i < t->nCol; i++)
		row[i] = cells[i] && *cells[i] ? xstrdup(cells[i]) : NULL;
	t->nRow++;
}

const char *table_cell(const struct table *t, size_t row, size_t col)
{
	if (row >= t->nRow || col >= t->nCol)
		BUG("table_cell(%zu, %zu) outside %zu x %zu", row, col, t->nRow, t->nCol);
	return t->aCell[row * t->nCol + col];
}

/* Length of the run of digits at S. */
static size_t digits(const char *s)
{
	size_t n = 0;
	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

/* -?D{1,15}(.D{1,15})? with ALLOW_FRACTION, -?D{1,15} without. */
static int decimal_valid(const char *s, int allow_fraction)
{
	if (*s == '-')
		s++;
	size_t n = digits(s);
	if (n == 0 || n > 15)
		return 0;
	s += n;
	if (*s == '.' && allow_fraction) {
		n = digits(s + 1);
		if (n == 0 || n > 15)
			return 0;
		s += 1 + n;
	}
	return *s == '\0';
}

static int date_valid(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (strlen(s) != 10 || digits(s) != 4 || s[4] != '-' || digits(s + 5) != 2 || s[7] != '-' ||
	    digits(s + 8) != 2)
		return 0;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return !(m == 2 && d == 29 && !leap);
}

int table_cell_valid(enum table_kind kind, const char *s)
{
	switch (kind) {
	case TABLE_TEXT:
		return 1;
	case TABLE_INTEGER:
		return decimal_valid(s, 0);
	case TABLE_NUMBER:
	case TABLE_PERCENT:
		return decimal_valid(s, 1);
	case TABLE_DATE:
		return date_valid(s);
	}
	return 0;
}
