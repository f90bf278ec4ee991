/* stattable.c — statistics tables from CSV (import/csv.c) and XLSX (libzip through
 * import/archive.c, libxml2's xmlTextReader), checked and normalised (stattable.h). */
#include "import/stattable.h"
#include "import/archive.h"
#include "import/csv.h"
#include "base/sb.h"
#include "base/utf8.h"
#include "base/util.h"
#include "vn/money.h"
#include "vn/calendar.h"

#include <libxml/xmlreader.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

/* ---- the grid both formats are read into ---- */

struct cell {
	char *text;     /* trimmed NFC, "" when empty */
	int native;     /* an XLSX number cell: TEXT is already in machine form */
};

struct grid {
	char **names;
	size_t ncol;
	struct cell *cells; /* nrow × ncol */
	size_t *lines;      /* each row's line (CSV) or row number (XLSX) */
	size_t nrow, nalloc;
};

static void grid_free(struct grid *g)
{
	for (size_t i = 0; i < g->ncol; i++)
		free(g->names[i]);
	free(g->names);
	for (size_t i = 0; i < g->nrow * g->ncol; i++)
		free(g->cells[i].text);
	free(g->cells);
	free(g->lines);
	memset(g, 0, sizeof(*g));
}

/* Appends an empty row on LINE; its cells are "" until set. */
static struct cell *grid_row(struct grid *g, size_t line)
{
	if (g->nrow == g->nalloc) {
		g->nalloc = g->nalloc ? st_mult(g->nalloc, 2) : 64;
		g->cells = xrealloc(g->cells, st_mult(st_mult(g->nalloc, g->ncol), sizeof(struct cell)));
		g->lines = xrealloc(g->lines, st_mult(g->nalloc, sizeof(size_t)));
	}
	struct cell *row = &g->cells[g->nrow * g->ncol];
	for (size_t c = 0; c < g->ncol; c++)
		row[c] = (struct cell){ xstrdup(""), 0 };
	g->lines[g->nrow++] = line;
	return row;
}

__attribute__((format(printf, 3, 4))) static void say(char *why, size_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, n, fmt, ap);
	va_end(ap);
}

/* A cell's text for a message: at most 30 characters. */
static char *shown(const char *s)
{
	return utf8_ellipsize(s, 30);
}

/* ---- numbers ---- */

/* Bytes of a space at S that may group thousands: ' ', U+00A0, U+202F; else 0. */
static size_t group_space(const char *s)
{
	if (*s == ' ')
		return 1;
	if (!strncmp(s, "\xC2\xA0", 2))
		return 2;
	if (!strncmp(s, "\xE2\x80\xAF", 3))
		return 3;
	return 0;
}

/* Writes -?D+(.D+)? from the integer digits INT (NI) and fraction digits FR (NF), without
 * leading or trailing zeros; -1 when either side has more than 15 digits. */
static int machine_form(int neg, const char *in, size_t ni, const char *fr, size_t nf, char out[40])
{
	while (ni > 1 && *in == '0')
		in++, ni--;
	while (nf && fr[nf - 1] == '0')
		nf--;
	if (ni > 15 || nf > 15)
		return -1;
	int zero = ni == 1 && *in == '0' && !nf;
	snprintf(out, 40, "%s%.*s%s%.*s", neg && !zero ? "-" : "", (int)ni, in, nf ? "." : "", (int)nf, fr);
	return 0;
}

int stat_number(const char *s, int vi, char out[40])
{
	char thou = vi ? '.' : ',', mark = vi ? ',' : '.';
	char in[64], fr[64];
	size_t ni = 0, nf = 0, group = 0;
	int neg = 0, grouped = 0;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	else if (!strncmp(s, "\xE2\x88\x92", 3)) /* U+2212 MINUS SIGN */
		neg = 1, s += 3;
	if (!(*s >= '0' && *s <= '9'))
		return -1;
	for (;;) {
		if (*s >= '0' && *s <= '9') {
			if (ni == sizeof(in))
				return -1;
			in[ni++] = *s++;
			group++;
			continue;
		}
		size_t sp = group_space(s);
		if (*s == thou || sp) {
			/* a separator: the group before it is 1–3 digits (the first) or 3, the one after 3 */
			if ((!grouped && group > 3) || (grouped && group != 3))
				return -1;
			s += sp ? sp : 1;
			grouped = 1;
			group = 0;
			if (!(s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9'))
				return -1;
			continue;
		}
		break;
	}
	if (grouped && group != 3)
		return -1;
	if (*s == mark) {
		s++;
		while (*s >= '0' && *s <= '9') {
			if (nf == sizeof(fr))
				return -1;
			fr[nf++] = *s++;
		}
		if (!nf)
			return -1;
	}
	if (*s)
		return -1;
	return machine_form(neg, in, ni, fr, nf, out);
}

void stat_number_vi(const char *num, char out[64])
{
	size_t k = 0;
	const char *p = num;
	if (*p == '-')
		out[k++] = *p++;
	size_t ni = strspn(p, "0123456789");
	for (size_t i = 0; i < ni && k < 60; i++) {
		if (i && (ni - i) % 3 == 0)
			out[k++] = '.';
		out[k++] = p[i];
	}
	p += ni;
	if (*p == '.') {
		out[k++] = ',';
		for (p++; *p && k < 63; p++)
			out[k++] = *p;
	}
	out[k] = '\0';
}

/* An XLSX number ("1234.5", "1.5E-3") in machine form; -1 when it is none or too large. */
static int native_number(const char *v, char out[40])
{
	char *end;
	double d = strtod(v, &end);
	if (end == v || *end || !isfinite(d) || fabs(d) >= 1e15)
		return -1;
	char buf[64];
	snprintf(buf, sizeof(buf), "%.15g", d);
	if (strchr(buf, 'e')) /* small: write it out, 15 digits after the point at most */
		snprintf(buf, sizeof(buf), "%.15f", d);
	char *dot = strchr(buf, '.');
	const char *in = buf[0] == '-' ? buf + 1 : buf;
	size_t ni = dot ? (size_t)(dot - in) : strlen(in);
	return machine_form(buf[0] == '-', in, ni, dot ? dot + 1 : "", dot ? strlen(dot + 1) : 0, out);
}

/* ---- checking the grid, building the result ---- */

/* 1 when S is a year a column may be named after ("2024"). */
static int is_year(const char *s)
{
	return strlen(s) == 4 && strspn(s, "0123456789") == 4 && atoi(s) >= 1900 && atoi(s) <= 2200;
}

static json_t *grid_check(struct grid *g, const char *format, char *why, size_t n)
{
	char num[40];
	if (g->ncol < 2) {
		say(why, n, "Bảng phải có ít nhất hai cột: cột tên (chỉ tiêu, đơn vị, kỳ…) và cột số liệu; "
			    "tệp này chỉ có %zu cột. Hãy kiểm tra dấu phân cách (dấu phẩy hoặc chấm phẩy).", g->ncol);
		return NULL;
	}
	for (size_t c = 0; c < g->ncol; c++) {
		const char *name = g->names[c];
		if (utf8_length(name) > STAT_MAX_NAME_CHARS) {
			say(why, n, "Dòng tiêu đề, cột %zu: tên cột dài quá %d ký tự.", c + 1, STAT_MAX_NAME_CHARS);
			return NULL;
		}
		if (!is_year(name) && (stat_number(name, 1, num) == 0 || stat_number(name, 0, num) == 0)) {
			char *s = shown(name);
			say(why, n, "Dòng tiêu đề, cột %zu: '%s' là số. Dòng đầu tiên của bảng phải là dòng tiêu "
				    "đề ghi tên các cột, không phải số liệu.", c + 1, s);
			free(s);
			return NULL;
		}
	}
	if (!g->nrow) {
		say(why, n, "Bảng chỉ có dòng tiêu đề, không có dòng số liệu nào.");
		return NULL;
	}
	json_t *cols = json_array();
	int *numeric = xcalloc(g->ncol, sizeof(int));
	for (size_t c = 0; c < g->ncol; c++) {
		size_t nonempty = 0, native = 0, vi_ok = 0, en_ok = 0;
		for (size_t r = 0; r < g->nrow; r++) {
			struct cell *x = &g->cells[r * g->ncol + c];
			if (!*x->text)
				continue;
			nonempty++;
			if (x->native) {
				native++;
				continue;
			}
			vi_ok += stat_number(x->text, 1, num) == 0;
			en_ok += stat_number(x->text, 0, num) == 0;
		}
		int vi = vi_ok >= en_ok;
		size_t good = native + (vi ? vi_ok : en_ok);
		numeric[c] = nonempty && good * 2 > nonempty;
		if (numeric[c]) {
			/* every cell a number, in the column's way of writing */
			size_t bad = 0, first = 0;
			for (size_t r = 0; r < g->nrow; r++) {
				struct cell *x = &g->cells[r * g->ncol + c];
				if (!*x->text || x->native)
					continue;
				if (stat_number(x->text, vi, num)) {
					if (!bad++)
						first = r;
					continue;
				}
				free(x->text);
				x->text = xstrdup(num);
				x->native = 1;
			}
			if (bad) {
				char *s = shown(g->cells[first * g->ncol + c].text), *cn = shown(g->names[c]);
				char more[96] = "";
				if (bad > 1)
					snprintf(more, sizeof(more), " (cột này còn %zu ô khác không phải là số)", bad - 1);
				say(why, n, "Dòng %zu, cột '%s': '%s' không phải là số%s.", g->lines[first], cn, s, more);
				free(s);
				free(cn);
				free(numeric);
				json_decref(cols);
				return NULL;
			}
		}
		json_array_append_new(cols, json_pack("{sssb}", "name", g->names[c], "numeric", numeric[c]));
	}
	json_t *rows = json_array();
	for (size_t r = 0; r < g->nrow; r++) {
		json_t *row = json_array();
		for (size_t c = 0; c < g->ncol; c++) {
			struct cell *x = &g->cells[r * g->ncol + c];
			json_array_append_new(row, *x->text ? json_string(x->text) : json_null());
		}
		json_array_append_new(rows, row);
	}
	free(numeric);
	return json_pack("{sssoso}", "format", format, "columns", cols, "rows", rows);
}

/* Checks a cell's text (trimmed, NFC) against the cell limit; 0 or -1 with WHY. */
static int cell_ok(const struct grid *g, size_t line, size_t col, const char *text, char *why, size_t n)
{
	if (utf8_length(text) <= STAT_MAX_CELL_CHARS)
		return 0;
	char *cn = col < g->ncol ? shown(g->names[col]) : xstrdup("");
	say(why, n, "Dòng %zu, cột '%s': ô dài quá %d ký tự.", line, cn, STAT_MAX_CELL_CHARS);
	free(cn);
	return -1;
}

static int cells_ok(size_t nrow, size_t ncol, char *why, size_t n)
{
	if (st_mult(nrow, ncol) <= STAT_MAX_CELLS)
		return 0;
	char most[32];
	vn_money_group(STAT_MAX_CELLS, most, sizeof(most));
	say(why, n, "Bảng có quá nhiều ô (%zu dòng × %zu cột); nhiều nhất là %s ô. Hãy chia thành nhiều bảng.",
	    nrow, ncol, most);
	return -1;
}

/* ---- CSV ---- */

static json_t *parse_csv(const char *bytes, size_t len, char *why, size_t n)
{
	struct csv_options o = { csv_guess_delim(bytes, len), 1, STAT_MAX_COLUMNS, STAT_MAX_ROWS };
	struct csv_problem p;
	struct csv_table *t = csv_table_read_with(bytes, len, &o, &p);
	if (!t) {
		say(why, n, "%s", p.message);
		return NULL;
	}
	struct grid g = { 0 };
	json_t *out = NULL;
	g.ncol = csv_table_columns(t);
	if (cells_ok(csv_table_rows(t), g.ncol, why, n)) {
		csv_table_free(t);
		return NULL;
	}
	g.names = xcalloc(g.ncol, sizeof(char *));
	for (size_t c = 0; c < g.ncol; c++)
		g.names[c] = xstrdup(csv_table_column(t, c));
	for (size_t r = 0; r < csv_table_rows(t); r++) {
		const struct csv_problem *rp = csv_row_problem(t, r);
		if (rp) {
			say(why, n, "%s Mọi dòng phải có cùng số cột với dòng tiêu đề.", rp->message);
			goto out;
		}
		struct cell *row = grid_row(&g, csv_row_line(t, r));
		for (size_t c = 0; c < g.ncol; c++) {
			const char *v = csv_cell_at(t, r, c);
			if (cell_ok(&g, csv_row_line(t, r), c, v, why, n))
				goto out;
			free(row[c].text);
			row[c].text = xstrdup(v);
		}
	}
	out = grid_check(&g, "csv", why, n);
out:
	grid_free(&g);
	csv_table_free(t);
	return out;
}

/* ---- XLSX ---- */

/* "BC12" → column 54 (0-based) and row 12; -1 when it is not a reference. */
static int cell_ref(const char *r, size_t *col, size_t *row)
{
	size_t c = 0, k = 0;
	for (; *r >= 'A' && *r <= 'Z' && k < 4; r++, k++)
		c = c * 26 + (size_t)(*r - 'A' + 1);
	if (!k || k == 4)
		return -1;
	int64_t v;
	if (parse_i64(r, 1, 1048576, &v))
		return -1;
	*col = c - 1;
	*row = (size_t)v;
	return 0;
}

/* The XML of an archive entry, or -1 with WHY. */
static int entry_read(struct archive *z, const char *name, struct sb *out, size_t *budget, char *why, size_t n)
{
	long i = archive_find(z, name);
	if (i < 0) {
		say(why, n, "Tệp XLSX thiếu phần %s; hãy mở và lưu lại tệp bằng Excel hoặc LibreOffice.", name);
		return -1;
	}
	char w[200];
	if (archive_read(z, (size_t)i, out, *budget, w, sizeof(w))) {
		say(why, n, "Tệp XLSX hỏng hoặc quá lớn (%s).", w);
		return -1;
	}
	*budget -= out->len;
	return 0;
}

static xmlTextReaderPtr reader_for(const struct sb *x)
{
	/* no network, no entity substitution, no DTD loading; errors are ours to report */
	return xmlReaderForMemory(x->buf ? x->buf : "", (int)x->len, NULL, "UTF-8",
				  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS);
}

static int is_el(xmlTextReaderPtr rd, const char *name)
{
	const xmlChar *l = xmlTextReaderConstLocalName(rd);
	return l && strcmp((const char *)l, name) == 0;
}

static char *attr(xmlTextReaderPtr rd, const char *name)
{
	return (char *)xmlTextReaderGetAttribute(rd, (const xmlChar *)name);
}

/* One step of the reader: 1 a node, 0 the end, -1 bad XML or a DTD (refused). */
static int step(xmlTextReaderPtr rd)
{
	int rc = xmlTextReaderRead(rd);
	if (rc == 1 && (xmlTextReaderNodeType(rd) == XML_READER_TYPE_DOCUMENT_TYPE ||
			xmlTextReaderNodeType(rd) == XML_READER_TYPE_ENTITY_REFERENCE))
		return -1;
	return rc;
}

struct strings {
	char **s;
	size_t n, alloc;
};

static void strings_free(struct strings *ss)
{
	for (size_t i = 0; i < ss->n; i++)
		free(ss->s[i]);
	free(ss->s);
}

/* The shared strings: each <si>'s <t> texts joined (rich text runs), phonetic runs left out. */
static int shared_strings(const struct sb *x, struct strings *ss, char *why, size_t n)
{
	xmlTextReaderPtr rd = reader_for(x);
	struct sb cur = SB_INIT;
	int in_si = 0, in_t = 0, in_rph = 0, rc;
	while ((rc = step(rd)) == 1) {
		int type = xmlTextReaderNodeType(rd);
		if (type == XML_READER_TYPE_ELEMENT) {
			int empty = xmlTextReaderIsEmptyElement(rd);
			if (is_el(rd, "si")) {
				in_si = 1;
				sb_reset(&cur);
				if (empty)
					goto add;
			} else if (is_el(rd, "rPh") && !empty) {
				in_rph = 1;
			} else if (is_el(rd, "t") && !empty) {
				in_t = 1;
			}
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			if (is_el(rd, "t"))
				in_t = 0;
			else if (is_el(rd, "rPh"))
				in_rph = 0;
			else if (is_el(rd, "si"))
				goto add;
		} else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
			    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE) &&
			   in_si && in_t && !in_rph) {
			const char *v = (const char *)xmlTextReaderConstValue(rd);
			if (v)
				sb_adds(&cur, v);
		}
		continue;
add:
		if (ss->n >= STAT_MAX_CELLS) {
			say(why, n, "Tệp XLSX có quá nhiều chuỗi văn bản.");
			rc = -2;
			break;
		}
		if (ss->n == ss->alloc) {
			ss->alloc = ss->alloc ? st_mult(ss->alloc, 2) : 256;
			ss->s = xrealloc(ss->s, st_mult(ss->alloc, sizeof(char *)));
		}
		ss->s[ss->n++] = xstrdup(cur.buf ? cur.buf : "");
		in_si = in_t = in_rph = 0;
	}
	xmlFreeTextReader(rd);
	sb_release(&cur);
	if (rc == -1)
		say(why, n, "Tệp XLSX hỏng: phần chuỗi văn bản (sharedStrings.xml) không đọc được.");
	return rc < 0 ? -1 : 0;
}

/* The first sheet's part name, from the workbook and its relations; "xl/worksheets/sheet1.xml"
 * when they do not say. malloc'd. */
static char *first_sheet(struct archive *z, size_t *budget)
{
	struct sb wb = SB_INIT, rels = SB_INIT;
	char w[200], *rid = NULL, *target = NULL;
	if (entry_read(z, "xl/workbook.xml", &wb, budget, w, sizeof(w)) == 0) {
		xmlTextReaderPtr rd = reader_for(&wb);
		while (!rid && step(rd) == 1)
			if (xmlTextReaderNodeType(rd) == XML_READER_TYPE_ELEMENT && is_el(rd, "sheet"))
				rid = (char *)xmlTextReaderGetAttributeNs(
					rd, (const xmlChar *)"id",
					(const xmlChar *)"http://schemas.openxmlformats.org/officeDocument/2006/relationships");
		xmlFreeTextReader(rd);
	}
	if (rid && entry_read(z, "xl/_rels/workbook.xml.rels", &rels, budget, w, sizeof(w)) == 0) {
		xmlTextReaderPtr rd = reader_for(&rels);
		while (!target && step(rd) == 1) {
			if (xmlTextReaderNodeType(rd) != XML_READER_TYPE_ELEMENT || !is_el(rd, "Relationship"))
				continue;
			char *id = attr(rd, "Id");
			if (id && strcmp(id, rid) == 0)
				target = attr(rd, "Target");
			xmlFree(id);
		}
		xmlFreeTextReader(rd);
	}
	char *out;
	if (target && *target == '/')
		out = xstrdup(target + 1);
	else if (target && strncmp(target, "../", 3) != 0) {
		struct sb p = SB_INIT;
		sb_addf(&p, "xl/%s", target);
		out = sb_detach(&p, NULL);
	} else {
		out = xstrdup("xl/worksheets/sheet1.xml");
	}
	xmlFree(rid);
	xmlFree(target);
	sb_release(&wb);
	sb_release(&rels);
	return out;
}

/* ---- dates: a number cell whose style has a date format ----
 * Spreadsheets store a date as the number of days since their epoch (30/12/1899, or 01/01/1904
 * when the workbook says date1904) and show it through the cell's number format. The formats
 * 14–22 and 45–47 are the built-in date and time ones; a custom format (<numFmt>) is a date's when
 * its code, outside quoted text, [colour] and escapes, has d, m or y — not only h:mm:ss. The cell's
 * s attribute indexes <cellXfs>. */
#define STYLES_MAX 4096

struct styles {
	unsigned char kind[STYLES_MAX]; /* per xf: 0 not a date, 1 a date, 2 a date and time, 3 a time */
	size_t n;
	int date1904;
};

/* 0 not a date or time format, 1 date, 2 date and time, 3 time only. */
static int format_kind(const char *code)
{
	int date = 0, time = 0, in_quote = 0;
	for (const char *p = code; p && *p; p++) {
		if (in_quote) {
			in_quote = *p != '"';
		} else if (*p == '"') {
			in_quote = 1;
		} else if (*p == '\\' || *p == '_' || *p == '*') {
			if (p[1])
				p++;
		} else if (*p == '[') {
			const char *e = strchr(p, ']');
			if (!e)
				break;
			/* [h] and [mm] are elapsed times; [Red], [$-42A] are not letters of the date */
			if (p[1] == 'h' || p[1] == 'H' || p[1] == 'm' || p[1] == 's')
				time = 1;
			p = e;
		} else if (strchr("dDyY", *p)) {
			date = 1;
		} else if (strchr("hHsS", *p)) {
			time = 1;
		} else if (*p == 'm' || *p == 'M') {
			date = 1; /* a month, or minutes after h: either way a date or time format */
		}
	}
	return date && time ? 2 : date ? 1 : time ? 3 : 0;
}

static int builtin_kind(long id)
{
	if (id >= 14 && id <= 17)
		return 1;
	if (id == 22)
		return 2;
	if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
		return 3;
	return 0;
}

/* Reads xl/styles.xml (when present) and the workbook's date system into ST. */
static void styles_read(struct archive *z, size_t *budget, struct styles *st)
{
	struct sb x = SB_INIT;
	char w[200];
	struct { long id; unsigned char kind; } custom[256];
	size_t ncustom = 0;
	memset(st, 0, sizeof(*st));
	if (entry_read(z, "xl/workbook.xml", &x, budget, w, sizeof(w)) == 0) {
		xmlTextReaderPtr rd = reader_for(&x);
		while (step(rd) == 1)
			if (xmlTextReaderNodeType(rd) == XML_READER_TYPE_ELEMENT && is_el(rd, "workbookPr")) {
				char *v = attr(rd, "date1904");
				st->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
				xmlFree(v);
				break;
			}
		xmlFreeTextReader(rd);
	}
	sb_reset(&x);
	if (archive_find(z, "xl/styles.xml") < 0 || entry_read(z, "xl/styles.xml", &x, budget, w, sizeof(w))) {
		sb_release(&x);
		return;
	}
	xmlTextReaderPtr rd = reader_for(&x);
	int in_xfs = 0;
	while (step(rd) == 1) {
		int nt = xmlTextReaderNodeType(rd);
		if (nt == XML_READER_TYPE_END_ELEMENT && is_el(rd, "cellXfs")) {
			in_xfs = 0;
		} else if (nt != XML_READER_TYPE_ELEMENT) {
			continue;
		} else if (is_el(rd, "numFmt") && ncustom < sizeof(custom) / sizeof(custom[0])) {
			char *id = attr(rd, "numFmtId"), *code = attr(rd, "formatCode");
			if (id) {
				custom[ncustom].id = strtol(id, NULL, 10);
				custom[ncustom++].kind = (unsigned char)format_kind(code);
			}
			xmlFree(id);
			xmlFree(code);
		} else if (is_el(rd, "cellXfs")) {
			in_xfs = !xmlTextReaderIsEmptyElement(rd);
		} else if (in_xfs && is_el(rd, "xf") && st->n < STYLES_MAX) {
			char *id = attr(rd, "numFmtId");
			long n = id ? strtol(id, NULL, 10) : 0;
			unsigned char k = (unsigned char)builtin_kind(n);
			for (size_t i = 0; i < ncustom; i++)
				if (custom[i].id == n)
					k = custom[i].kind;
			st->kind[st->n++] = k;
			xmlFree(id);
		}
	}
	xmlFreeTextReader(rd);
	sb_release(&x);
}

/* The serial date V of the workbook's system as "dd/mm/yyyy" (with " HH:MM" for KIND 2, "HH:MM"
 * alone for 3) in OUT; 0, or -1 when V is not such a number (left as the number). */
static int serial_date(const char *v, int kind, int date1904, char out[40])
{
	char *end;
	double d = strtod(v, &end);
	if (end == v || *end || !(d >= 0 && d < 2958466)) /* up to 31/12/9999 */
		return -1;
	long days = (long)d;
	long secs = (long)((d - (double)days) * 86400.0 + 0.5);
	if (secs >= 86400) {
		days++;
		secs -= 86400;
	}
	/* days since 1970-01-01: the 1900 system counts from 30/12/1899 (its day 60, 29/02/1900,
	 * never existed: Lotus's bug, kept), the 1904 system from 01/01/1904 */
	int32_t since;
	if (date1904)
		since = (int32_t)(days - 24107);
	else
		since = (int32_t)(days < 61 ? days - 25568 : days - 25569);
	if (kind == 3) {
		snprintf(out, 40, "%02ld:%02ld", secs / 3600, secs / 60 % 60);
		return 0;
	}
	char dmy[11];
	vn_day_dmy(since, dmy);
	if (kind == 2)
		snprintf(out, 40, "%s %02ld:%02ld", dmy, secs / 3600, secs / 60 % 60);
	else
		snprintf(out, 40, "%s", dmy);
	return 0;
}

/* Reading a sheet: its rows as (row number, [column → text]) until the header, then the grid. */
struct sheet {
	struct grid *g;
	struct strings *ss;
	size_t row;          /* the current <row>'s number */
	char **vals;         /* the current row's cells, STAT_MAX_COLUMNS of them */
	int *native;
	size_t maxcol;       /* 1 + the highest column with a value in the current row; 0: none */
	int have_header;
	size_t last_row;
	char *why;
	size_t whylen;
	const struct styles *styles; /* the cells' date formats (NULL: none) */
	long style;                  /* the current cell's s attribute, -1 none */
};

/* The current row has ended: it becomes the header, or a data row, or is skipped when blank. */
static int row_end(struct sheet *s)
{
	struct grid *g = s->g;
	if (!s->maxcol)
		return 0;
	if (!s->have_header) {
		for (size_t c = 0; c < s->maxcol; c++) {
			if (!s->vals[c] || !*s->vals[c]) {
				say(s->why, s->whylen, "Dòng %zu: cột %zu không có tên; dòng đầu tiên của bảng phải ghi "
						       "tên mọi cột.", s->row, c + 1);
				return -1;
			}
			for (size_t d = 0; d < c; d++)
				if (strcmp(s->vals[c], s->vals[d]) == 0) {
					char *nm = shown(s->vals[c]);
					say(s->why, s->whylen, "Dòng %zu: tên cột '%s' có ở cả cột %zu và cột %zu.", s->row,
					    nm, d + 1, c + 1);
					free(nm);
					return -1;
				}
		}
		g->ncol = s->maxcol;
		g->names = xcalloc(g->ncol, sizeof(char *));
		for (size_t c = 0; c < g->ncol; c++) {
			g->names[c] = s->vals[c];
			s->vals[c] = NULL;
		}
		s->have_header = 1;
	} else {
		if (s->maxcol > g->ncol) {
			say(s->why, s->whylen, "Dòng %zu: có ô ở cột %zu nhưng dòng tiêu đề có %zu cột. Mọi dòng phải "
					       "có cùng số cột với dòng tiêu đề.", s->row, s->maxcol, g->ncol);
			return -1;
		}
		if (g->nrow == STAT_MAX_ROWS) {
			char most[32];
			vn_money_group(STAT_MAX_ROWS, most, sizeof(most));
			say(s->why, s->whylen, "Dòng %zu: bảng có quá %s dòng số liệu; hãy chia thành nhiều bảng.", s->row,
			    most);
			return -1;
		}
		if (cells_ok(g->nrow + 1, g->ncol, s->why, s->whylen))
			return -1;
		struct cell *row = grid_row(g, s->row);
		for (size_t c = 0; c < s->maxcol; c++) {
			if (!s->vals[c])
				continue;
			free(row[c].text);
			row[c].text = s->vals[c];
			row[c].native = s->native[c];
			s->vals[c] = NULL;
		}
	}
	for (size_t c = 0; c < STAT_MAX_COLUMNS; c++) {
		free(s->vals[c]);
		s->vals[c] = NULL;
		s->native[c] = 0;
	}
	s->maxcol = 0;
	return 0;
}

/* A cell's value: TYPE its t attribute, V the <v> text, IS the inline string's. 0, or -1. */
static int cell_set(struct sheet *s, size_t col, const char *type, const char *v, const char *is)
{
	char num[40];
	const char *text = "";
	int native = 0;
	if (type && strcmp(type, "s") == 0) {
		int64_t i;
		if (parse_i64(v, 0, (int64_t)s->ss->n - 1, &i)) {
			say(s->why, s->whylen, "Tệp XLSX hỏng: dòng %zu có ô chỉ tới chuỗi văn bản không có.", s->row);
			return -1;
		}
		text = s->ss->s[i];
	} else if (type && strcmp(type, "inlineStr") == 0) {
		text = is;
	} else if (type && (strcmp(type, "str") == 0 || strcmp(type, "e") == 0)) {
		text = v;
	} else if (type && strcmp(type, "b") == 0) {
		text = strcmp(v, "1") == 0 ? "TRUE" : *v ? "FALSE" : "";
	} else if (*v && s->styles && s->style >= 0 && (size_t)s->style < s->styles->n && s->styles->kind[s->style] &&
		   serial_date(v, s->styles->kind[s->style], s->styles->date1904, num) == 0) {
		text = num; /* a date as people write it, not its serial number */
	} else if (*v) { /* a number ("n", or no type) */
		if (native_number(v, num)) {
			say(s->why, s->whylen, "Dòng %zu, cột %zu: số '%.30s' quá lớn (nhiều nhất 15 chữ số mỗi bên dấu "
					       "thập phân).", s->row, col + 1, v);
			return -1;
		}
		text = num;
		native = 1;
	}
	if (!utf8_valid(text, strlen(text))) {
		say(s->why, s->whylen, "Dòng %zu, cột %zu: văn bản không phải UTF-8 hợp lệ.", s->row, col + 1);
		return -1;
	}
	char *nfc = utf8_nfc(text, strlen(text));
	if (!nfc) {
		say(s->why, s->whylen, "Dòng %zu, cột %zu: văn bản không phải UTF-8 hợp lệ.", s->row, col + 1);
		return -1;
	}
	/* trimmed of ASCII white space and no-break spaces */
	char *b = nfc, *e = nfc + strlen(nfc);
	for (;;) {
		if (*b == ' ' || (*b >= '\t' && *b <= '\r'))
			b++;
		else if (!strncmp(b, "\xC2\xA0", 2))
			b += 2;
		else
			break;
	}
	for (;;) {
		if (e > b && (e[-1] == ' ' || (e[-1] >= '\t' && e[-1] <= '\r')))
			e--;
		else if (e - b >= 2 && !strncmp(e - 2, "\xC2\xA0", 2))
			e -= 2;
		else
			break;
	}
	char *t = xstrndup(b, (size_t)(e - b));
	free(nfc);
	if (!*t) {
		free(t);
		return 0;
	}
	if (col >= STAT_MAX_COLUMNS) {
		say(s->why, s->whylen, "Dòng %zu: bảng có quá %d cột.", s->row, STAT_MAX_COLUMNS);
		free(t);
		return -1;
	}
	if (s->have_header && col < s->g->ncol && cell_ok(s->g, s->row, col, t, s->why, s->whylen)) {
		free(t);
		return -1;
	}
	if (!s->have_header && utf8_length(t) > STAT_MAX_NAME_CHARS) {
		say(s->why, s->whylen, "Dòng tiêu đề, cột %zu: tên cột dài quá %d ký tự.", col + 1, STAT_MAX_NAME_CHARS);
		free(t);
		return -1;
	}
	free(s->vals[col]);
	s->vals[col] = t;
	s->native[col] = native;
	if (col + 1 > s->maxcol)
		s->maxcol = col + 1;
	return 0;
}

static int read_sheet(const struct sb *x, struct sheet *s)
{
	xmlTextReaderPtr rd = reader_for(x);
	struct sb v = SB_INIT, is = SB_INIT;
	char *type = NULL;
	size_t col = 0, next_col = 0;
	int in_c = 0, in_v = 0, in_is_t = 0, in_rph = 0, rc, bad = 0;
	s->row = 0;
	while (!bad && (rc = step(rd)) == 1) {
		int nt = xmlTextReaderNodeType(rd);
		if (nt == XML_READER_TYPE_ELEMENT) {
			int empty = xmlTextReaderIsEmptyElement(rd);
			if (is_el(rd, "row")) {
				char *r = attr(rd, "r");
				int64_t n;
				if (r && parse_i64(r, 1, 1048576, &n) == 0 && (size_t)n > s->last_row)
					s->row = (size_t)n;
				else
					s->row = s->last_row + 1;
				xmlFree(r);
				s->last_row = s->row;
				next_col = 0;
				if (empty)
					bad = row_end(s) != 0;
			} else if (is_el(rd, "c")) {
				char *r = attr(rd, "r");
				size_t rr;
				if (!r || cell_ref(r, &col, &rr))
					col = next_col;
				xmlFree(r);
				next_col = col + 1;
				xmlFree(type);
				type = attr(rd, "t");
				char *style = attr(rd, "s");
				s->style = style ? strtol(style, NULL, 10) : -1;
				xmlFree(style);
				sb_reset(&v);
				sb_reset(&is);
				in_c = !empty;
				if (empty)
					bad = cell_set(s, col, type, "", "") != 0;
			} else if (in_c && is_el(rd, "v") && !empty) {
				in_v = 1;
			} else if (in_c && is_el(rd, "rPh") && !empty) {
				in_rph = 1;
			} else if (in_c && is_el(rd, "t") && !empty) {
				in_is_t = 1;
			}
		} else if (nt == XML_READER_TYPE_END_ELEMENT) {
			if (is_el(rd, "v"))
				in_v = 0;
			else if (is_el(rd, "t"))
				in_is_t = 0;
			else if (is_el(rd, "rPh"))
				in_rph = 0;
			else if (is_el(rd, "c") && in_c) {
				in_c = 0;
				bad = cell_set(s, col, type, v.buf ? v.buf : "", is.buf ? is.buf : "") != 0;
			} else if (is_el(rd, "row"))
				bad = row_end(s) != 0;
		} else if (nt == XML_READER_TYPE_TEXT || nt == XML_READER_TYPE_CDATA ||
			   nt == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || nt == XML_READER_TYPE_WHITESPACE) {
			const char *t = (const char *)xmlTextReaderConstValue(rd);
			if (t && in_v)
				sb_adds(&v, t);
			else if (t && in_is_t && !in_rph)
				sb_adds(&is, t);
		}
	}
	xmlFree(type);
	xmlFreeTextReader(rd);
	sb_release(&v);
	sb_release(&is);
	if (bad)
		return -1;
	if (rc < 0) {
		say(s->why, s->whylen, "Tệp XLSX hỏng: trang tính không đọc được (XML sai).");
		return -1;
	}
	return 0;
}

static json_t *parse_xlsx(const void *bytes, size_t len, char *why, size_t n)
{
	char w[256];
	struct archive *z = archive_open(bytes, len, STAT_MAX_XML, ARCHIVE_MAX_ENTRIES, w, sizeof(w));
	if (!z) {
		say(why, n, "Tệp không phải tệp XLSX đọc được: %s", w);
		return NULL;
	}
	size_t budget = STAT_MAX_XML;
	struct strings ss = { 0 };
	struct sb x = SB_INIT;
	struct grid g = { 0 };
	json_t *out = NULL;
	char *sheet = NULL;
	struct styles *styles = NULL;
	if (archive_find(z, "xl/workbook.xml") < 0) {
		say(why, n, "Tệp không phải bảng tính XLSX (không có xl/workbook.xml).");
		goto out;
	}
	if (archive_find(z, "xl/sharedStrings.xml") >= 0) {
		if (entry_read(z, "xl/sharedStrings.xml", &x, &budget, why, n) || shared_strings(&x, &ss, why, n))
			goto out;
	}
	styles = xmalloc(sizeof(*styles));
	styles_read(z, &budget, styles);
	sheet = first_sheet(z, &budget);
	sb_reset(&x);
	if (entry_read(z, sheet, &x, &budget, why, n))
		goto out;
	struct sheet s = { &g, &ss, 0, xcalloc(STAT_MAX_COLUMNS, sizeof(char *)), xcalloc(STAT_MAX_COLUMNS, sizeof(int)),
			   0, 0, 0, why, n, styles, -1 };
	int rc = read_sheet(&x, &s);
	for (size_t c = 0; c < STAT_MAX_COLUMNS; c++)
		free(s.vals[c]);
	free(s.vals);
	free(s.native);
	if (rc)
		goto out;
	if (!s.have_header) {
		say(why, n, "Trang tính đầu tiên của tệp trống: không có dòng nào.");
		goto out;
	}
	out = grid_check(&g, "xlsx", why, n);
out:
	free(styles);
	free(sheet);
	grid_free(&g);
	strings_free(&ss);
	sb_release(&x);
	archive_close(z);
	return out;
}

json_t *stat_table_parse(const void *bytes, size_t len, enum stat_format f, char *why, size_t whylen)
{
	if (!len) {
		say(why, whylen, "Tệp trống.");
		return NULL;
	}
	if (len > STAT_MAX_BYTES) {
		say(why, whylen, "Tệp lớn quá %d MiB; hãy chia thành nhiều bảng.", STAT_MAX_BYTES / (1024 * 1024));
		return NULL;
	}
	if (f == STAT_AUTO)
		f = archive_looks_like_zip(bytes, len) ? STAT_XLSX : STAT_CSV;
	return f == STAT_XLSX ? parse_xlsx(bytes, len, why, whylen) : parse_csv(bytes, len, why, whylen);
}
