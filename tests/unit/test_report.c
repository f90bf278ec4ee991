/* test_report.c — the report building blocks of src/report: the table's cell checks, the CSV
 * writer (RFC 4180 quoting, BOM, formula injection), the XLSX writer (a ZIP read back here with
 * zlib: Vietnamese strings, dates and percentages as numbers, header frozen, sheet name rules)
 * and the SVG bar chart (escaping, structure, sizes, colours' contrast, the no-data case). */
#include "t.h"

#include "base/sb.h"
#include "base/util.h"
#include "report/chart.h"
#include "report/table.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define TOTAL_MAX_TEST 600000000000000LL /* two of them pass the 10^15 cap */

/* ---- a compliance table ---------------------------------------------------------------- */

static void compliance_table(struct table *t, const char *title)
{
	static const char *const rows[][5] = {
		{ "Sở Nội vụ", "12", "87.5", "2026-11-22", "1.5" },
		{ "Xã Châu Thành", "-3", "100", "2024-02-29", "0" },
		{ "=HYPERLINK(\"http://x\",\"bấm\")", "abc", "n/a", "2026-02-30", "-0.25" },
		{ "Phòng \"Tổng hợp\", Văn phòng; tầng 2", NULL, "", "22/11/2026", "1e5" },
		{ "dòng 1\ndòng 2", "007", "-12.5", "1899-12-31", "3." },
		{ "+84 270 3822 000", "1234567890123456", "0.1", "2026-11-22", "1.50" },
	};
	table_init(t, title);
	table_add_column(t, "Đơn vị", TABLE_TEXT);
	table_add_column(t, "Số tin trễ hạn", TABLE_INTEGER);
	table_add_column(t, "Tỷ lệ đúng hạn (%)", TABLE_PERCENT);
	table_add_column(t, "Ngày chốt", TABLE_DATE);
	table_add_column(t, "Trễ trung vị (ngày)", TABLE_NUMBER);
	for (size_t i = 0; i < ARRAY_SIZE(rows); i++)
		table_add_row(t, rows[i]);
}

TEST(report_table_cells)
{
	struct table t;
	compliance_table(&t, "Tuân thủ thời hạn");
	CHECK(t.nRow == 6 && t.nCol == 5);
	CHECK_STR(table_cell(&t, 0, 0), "Sở Nội vụ");
	CHECK(table_cell(&t, 3, 1) == NULL && table_cell(&t, 3, 2) == NULL);
	table_release(&t);

	CHECK(table_cell_valid(TABLE_INTEGER, "-12") && table_cell_valid(TABLE_INTEGER, "0"));
	CHECK(!table_cell_valid(TABLE_INTEGER, "1.5") && !table_cell_valid(TABLE_INTEGER, "-"));
	CHECK(!table_cell_valid(TABLE_INTEGER, "+1") && !table_cell_valid(TABLE_INTEGER, " 1"));
	CHECK(!table_cell_valid(TABLE_INTEGER, "1234567890123456"));
	CHECK(table_cell_valid(TABLE_NUMBER, "3.25") && table_cell_valid(TABLE_PERCENT, "100"));
	CHECK(!table_cell_valid(TABLE_NUMBER, "3.") && !table_cell_valid(TABLE_NUMBER, ".5"));
	CHECK(!table_cell_valid(TABLE_NUMBER, "1e5") && !table_cell_valid(TABLE_NUMBER, "3,5"));
	CHECK(!table_cell_valid(TABLE_NUMBER, "nan") && !table_cell_valid(TABLE_NUMBER, ""));
	CHECK(table_cell_valid(TABLE_DATE, "2024-02-29") && !table_cell_valid(TABLE_DATE, "2026-02-29"));
	CHECK(table_cell_valid(TABLE_DATE, "2000-02-29") && !table_cell_valid(TABLE_DATE, "1900-02-29"));
	CHECK(!table_cell_valid(TABLE_DATE, "2026-04-31") && !table_cell_valid(TABLE_DATE, "2026-13-01"));
	CHECK(!table_cell_valid(TABLE_DATE, "1899-12-31") && !table_cell_valid(TABLE_DATE, "26-11-22"));
	CHECK(!table_cell_valid(TABLE_DATE, "2026-11-22 ") && !table_cell_valid(TABLE_DATE, "2026-1-22"));
	CHECK(table_cell_valid(TABLE_TEXT, "=1+1"));
}

TEST(report_csv_quoting_bom_injection)
{
	struct table t;
	struct sb out = SB_INIT;
	compliance_table(&t, "Tuân thủ");
	table_write_csv(&t, &out);
	CHECK_STR(out.buf,
		  "\xEF\xBB\xBF"
		  "Đơn vị,Số tin trễ hạn,Tỷ lệ đúng hạn (%),Ngày chốt,Trễ trung vị (ngày)\r\n"
		  "Sở Nội vụ,12,87.5,2026-11-22,1.5\r\n"
		  "Xã Châu Thành,-3,100,2024-02-29,0\r\n"
		  "\"'=HYPERLINK(\"\"http://x\"\",\"\"bấm\"\")\",abc,n/a,2026-02-30,-0.25\r\n"
		  "\"Phòng \"\"Tổng hợp\"\", Văn phòng; tầng 2\",,,22/11/2026,1e5\r\n"
		  "\"dòng 1\ndòng 2\",007,-12.5,1899-12-31,3.\r\n"
		  "'+84 270 3822 000,1234567890123456,0.1,2026-11-22,1.50\r\n");
	table_release(&t);

	/* every formula lead, in text columns and as malformed values of numeric ones */
	static const char *const bad[] = { "=1+1", "+1+1", "-1+1", "@SUM(A1)", "\tx", "\rx",
					   "\357\274\2351+1" /* U+FF1D */, "-", "=-5" };
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		for (enum table_kind k = TABLE_TEXT; k <= TABLE_PERCENT; k++) {
			const char *cells[] = { bad[i] };
			table_init(&t, "x");
			table_add_column(&t, "c", k);
			table_add_row(&t, cells);
			sb_reset(&out);
			table_write_csv(&t, &out);
			const char *row = strstr(out.buf, "\r\n") + 2;
			if (*row == '"')
				row++;
			CHECK(*row == '\'');
			table_release(&t);
		}
	}
	/* well-formed negative numbers stay numbers */
	const char *neg[] = { "-5", "-2.5", "-0.5" };
	table_init(&t, "x");
	table_add_column(&t, "a", TABLE_INTEGER);
	table_add_column(&t, "b", TABLE_NUMBER);
	table_add_column(&t, "c", TABLE_PERCENT);
	table_add_row(&t, neg);
	sb_reset(&out);
	table_write_csv(&t, &out);
	CHECK(strstr(out.buf, "\r\n-5,-2.5,-0.5\r\n") != NULL);
	table_release(&t);
	/* a header can be hostile too */
	table_init(&t, "x");
	table_add_column(&t, "=cmd|' /C calc'!A0", TABLE_TEXT);
	sb_reset(&out);
	table_write_csv(&t, &out);
	CHECK_STR(out.buf, "\xEF\xBB\xBF'=cmd|' /C calc'!A0\r\n");
	table_release(&t);
	sb_release(&out);
}

/* ---- reading the .xlsx back: a minimal ZIP reader over zlib ---------------------------- */

static unsigned rd16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t rd32(const unsigned char *p)
{
	return (uint32_t)rd16(p) | (uint32_t)rd16(p + 2) << 16;
}

/* The uncompressed member NAME of the ZIP archive Z[0..N), or NULL (also on any
   inconsistency: a damaged archive fails the test). */
static char *zip_member(const unsigned char *z, size_t n, const char *name)
{
	size_t eocd = n >= 22 ? n - 22 : 0;
	while (eocd > 0 && rd32(z + eocd) != 0x06054b50)
		eocd--;
	if (n < 22 || rd32(z + eocd) != 0x06054b50)
		return NULL;
	size_t count = rd16(z + eocd + 10), pos = rd32(z + eocd + 16);
	for (size_t i = 0; i < count && pos + 46 <= n && rd32(z + pos) == 0x02014b50; i++) {
		unsigned method = rd16(z + pos + 10), nlen = rd16(z + pos + 28);
		size_t csize = rd32(z + pos + 20), usize = rd32(z + pos + 24);
		size_t next = pos + 46 + nlen + rd16(z + pos + 30) + rd16(z + pos + 32);
		size_t lh = rd32(z + pos + 42);
		if (nlen != strlen(name) || memcmp(z + pos + 46, name, nlen)) {
			pos = next;
			continue;
		}
		if (lh + 30 > n || rd32(z + lh) != 0x04034b50)
			return NULL;
		size_t data = lh + 30 + rd16(z + lh + 26) + rd16(z + lh + 28);
		if (data + csize > n)
			return NULL;
		char *out = xmalloc(usize + 1);
		out[usize] = '\0';
		if (method == 0 && csize == usize) {
			memcpy(out, z + data, usize);
			return out;
		}
		z_stream s = { 0 };
		s.next_in = (unsigned char *)z + data;
		s.avail_in = (uInt)csize;
		s.next_out = (unsigned char *)out;
		s.avail_out = (uInt)usize;
		int ok = method == 8 && inflateInit2(&s, -MAX_WBITS) == Z_OK;
		ok = ok && inflate(&s, Z_FINISH) == Z_STREAM_END && s.total_out == usize;
		inflateEnd(&s);
		if (ok)
			return out;
		free(out);
		return NULL;
	}
	return NULL;
}

/* The <c> element of cell REF ("C2") in SHEET, as a malloc'd string, or NULL. */
static char *xml_cell(const char *sheet, const char *ref)
{
	char key[32];
	snprintf(key, sizeof(key), "<c r=\"%s\"", ref);
	const char *p = strstr(sheet, key);
	if (!p)
		return NULL;
	const char *e = strstr(p, "</c>");
	const char *e2 = strstr(p, "/>");
	if (!e || (e2 && e2 < e && !memchr(p, '>', (size_t)(e2 - p))))
		e = e2;
	return xstrndup(p, (size_t)(e - p) + 4);
}

TEST(report_xlsx_contents)
{
	struct table t;
	struct sb out = SB_INIT;
	char err[200] = "";
	compliance_table(&t, "Tuân thủ [tháng 11/2026]: Sở Nội vụ, Sở Giáo dục và Đào tạo");
	int rc = table_write_xlsx(&t, &out, err, sizeof(err));
	table_release(&t);
	if (!CHECK(rc == 0)) {
		printf("    %s\n", err);
		return;
	}
	CHECK(out.len > 1000 && !memcmp(out.buf, "PK\x03\x04", 4));
	const unsigned char *z = (const unsigned char *)out.buf;
	char *ss = zip_member(z, out.len, "xl/sharedStrings.xml");
	char *sheet = zip_member(z, out.len, "xl/worksheets/sheet1.xml");
	char *wbk = zip_member(z, out.len, "xl/workbook.xml");
	char *styles = zip_member(z, out.len, "xl/styles.xml");
	char *core = zip_member(z, out.len, "docProps/core.xml");
	if (!CHECK(ss && sheet && wbk && styles && core))
		goto out;
	CHECK(strstr(ss, "Sở Nội vụ") && strstr(ss, "Xã Châu Thành") && strstr(ss, "Tỷ lệ đúng hạn (%)"));
	/* the formula-looking text is a string, never a formula */
	CHECK(strstr(ss, "=HYPERLINK(&quot;http://x&quot;,&quot;bấm&quot;)") ||
	      strstr(ss, "=HYPERLINK(\"http://x\",\"bấm\")"));
	CHECK(!strstr(sheet, "<f>"));
	/* sheet name: []: replaced, cut to 31 characters with an ellipsis; full title kept */
	CHECK(strstr(wbk, "<sheet name=\"Tuân thủ (tháng 11-2026) Sở…\"") != NULL);
	CHECK(strstr(core, "Tuân thủ [tháng 11/2026]: Sở Nội vụ, Sở Giáo dục và Đào tạo") != NULL);
	/* header bold and frozen, autofilter */
	CHECK(strstr(styles, "<b/>") != NULL);
	CHECK(strstr(sheet, "state=\"frozen\"") && strstr(sheet, "ySplit=\"1\""));
	CHECK(strstr(sheet, "<autoFilter ref=\"A1:E7\"/>") != NULL);
	CHECK(strstr(sheet, "<cols>") && strstr(sheet, "customWidth=\"1\""));
	/* number formats */
	CHECK(strstr(styles, "formatCode=\"dd/mm/yyyy\"") && strstr(styles, "formatCode=\"0.0%\""));
	CHECK(strstr(styles, "formatCode=\"#,##0.00\""));

	struct {
		const char *ref, *want;
	} cells[] = {
		{ "B2", "<v>12</v>" },      { "C2", "<v>0.875</v>" }, { "D2", "<v>46348</v>" },
		{ "E2", "<v>1.5</v>" },     { "B3", "<v>-3</v>" },    { "C3", "<v>1</v>" },
		{ "D3", "<v>45351</v>" },   { "E4", "<v>-0.25</v>" }, { "C6", "<v>-0.125</v>" },
		{ "E7", "<v>1.5</v>" },     { "C7", "<v>0.001</v>" }, { "B6", "<v>7</v>" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cells); i++) {
		char *c = xml_cell(sheet, cells[i].ref);
		if (!CHECK(c && strstr(c, cells[i].want) && !strstr(c, "t=\"s\""))) {
			printf("    %s: %s\n", cells[i].ref, c ? c : "(none)");
		}
		free(c);
	}
	/* malformed values of typed columns are strings; empty cells are absent */
	static const char *const as_text[] = { "B4", "C4", "D4", "D5", "E5", "D6", "E6", "B7" };
	for (size_t i = 0; i < ARRAY_SIZE(as_text); i++) {
		char *c = xml_cell(sheet, as_text[i]);
		if (!CHECK(c && strstr(c, "t=\"s\"")))
			printf("    %s: %s\n", as_text[i], c ? c : "(none)");
		free(c);
	}
	char *empty = xml_cell(sheet, "B5");
	CHECK(empty == NULL);
	free(empty);
out:
	free(ss);
	free(sheet);
	free(wbk);
	free(styles);
	free(core);
	sb_release(&out);
}

TEST(report_xlsx_edge_cases)
{
	struct table t;
	struct sb out = SB_INIT;
	char err[200] = "";

	table_init(&t, "Báo cáo\x01");
	table_add_column(&t, "Ghi chú", TABLE_TEXT);
	const char *ctl[] = { "a\x01" "b\x1f" "c" };
	table_add_row(&t, ctl);
	CHECK(table_write_xlsx(&t, &out, err, sizeof(err)) == 0);
	char *ss = zip_member((const unsigned char *)out.buf, out.len, "xl/sharedStrings.xml");
	char *core = zip_member((const unsigned char *)out.buf, out.len, "docProps/core.xml");
	CHECK(ss && !strchr(ss, '\x01') && !strchr(ss, '\x1f'));
	CHECK(core && !strchr(core, '\x01'));
	free(ss);
	free(core);
	table_release(&t);

	/* not UTF-8: refused */
	table_init(&t, "x");
	table_add_column(&t, "c", TABLE_TEXT);
	const char *bad[] = { "Vi\xE1\xBB" };
	table_add_row(&t, bad);
	sb_reset(&out);
	CHECK(table_write_xlsx(&t, &out, err, sizeof(err)) == -1 && strstr(err, "UTF-8"));
	table_release(&t);

	/* no rows at all; no columns at all */
	table_init(&t, "");
	table_add_column(&t, "Đơn vị", TABLE_TEXT);
	sb_reset(&out);
	CHECK(table_write_xlsx(&t, &out, err, sizeof(err)) == 0);
	char *wbk = zip_member((const unsigned char *)out.buf, out.len, "xl/workbook.xml");
	CHECK(wbk && strstr(wbk, "<sheet name=\"Báo cáo\""));
	free(wbk);
	table_release(&t);
	table_init(&t, "x");
	sb_reset(&out);
	CHECK(table_write_xlsx(&t, &out, err, sizeof(err)) == 0);
	table_release(&t);

	/* a cell longer than Excel holds is cut, not refused */
	struct sb big = SB_INIT;
	for (int i = 0; i < 40000; i++)
		sb_adds(&big, "ệ");
	table_init(&t, "x");
	table_add_column(&t, "c", TABLE_TEXT);
	const char *cells[] = { big.buf };
	table_add_row(&t, cells);
	sb_reset(&out);
	CHECK(table_write_xlsx(&t, &out, err, sizeof(err)) == 0);
	table_release(&t);
	sb_release(&big);
	sb_release(&out);
}

TEST(report_sheet_names)
{
	static const char *const cases[][2] = {
		{ "Tuân thủ", "Tuân thủ" },
		{ "a/b\\c?d*e:f[g]h", "a-b-cdef(g)h" },
		{ "Báo cáo: tháng 11", "Báo cáo tháng 11" },
		{ "'quoted'", "quoted" },
		{ "''", "Báo cáo" },
		{ "", "Báo cáo" },
		{ "history", "Báo cáo" },
		{ "Tình hình cập nhật thông tin của các cơ quan", "Tình hình cập nhật thông tin…" },
		{ "Một-hai-ba-bốn-năm-sáu-bảy-tám-chín", "Một-hai-ba-bốn-năm-sáu-bảy-tám…" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char *n = table_sheet_name(cases[i][0]);
		CHECK_STR(n, cases[i][1]);
		free(n);
	}
}

/* ---- the SVG chart -------------------------------------------------------------------- */

static const char *const series_vi[] = { "Đúng hạn", "Trễ hạn", "Chưa xong" };

/* A small XML well-formedness check: balanced tags with one root, quoted attributes, text and
   attribute values holding only the five predefined entities, no control characters. */
static int xml_wellformed(const char *s, char *why, size_t whylen)
{
	static const char *const ent[] = { "&lt;", "&gt;", "&amp;", "&quot;", "&#39;" };
	const char *stack[256];
	size_t depth = 0, roots = 0;
	for (const char *p = s; *p; p++) {
		if ((unsigned char)*p < 0x20 && *p != '\n' && *p != '\t') {
			snprintf(why, whylen, "control character");
			return 0;
		}
		if (*p == '&') {
			size_t i;
			for (i = 0; i < ARRAY_SIZE(ent); i++)
				if (!strncmp(p, ent[i], strlen(ent[i])))
					break;
			if (i == ARRAY_SIZE(ent)) {
				snprintf(why, whylen, "bare & at %.20s", p);
				return 0;
			}
		} else if (*p == '>') {
			snprintf(why, whylen, "bare > at %.20s", p);
			return 0;
		} else if (*p == '<') {
			int closing = p[1] == '/';
			const char *name = p + 1 + closing;
			size_t nlen = strspn(name, "abcdefghijklmnopqrstuvwxyz");
			const char *q = name + nlen;
			/* attributes: name="value" */
			for (;;) {
				q += strspn(q, " ");
				if (*q == '>' || (*q == '/' && q[1] == '>'))
					break;
				size_t an = strspn(q, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-:");
				if (!an || q[an] != '=' || q[an + 1] != '"') {
					snprintf(why, whylen, "bad attribute at %.20s", q);
					return 0;
				}
				const char *v = q + an + 2, *e = strchr(v, '"');
				if (!e || memchr(v, '<', (size_t)(e - v))) {
					snprintf(why, whylen, "bad value at %.20s", q);
					return 0;
				}
				q = e + 1;
			}
			if (!nlen || (closing && *q != '>')) {
				snprintf(why, whylen, "bad tag at %.20s", p);
				return 0;
			}
			if (closing) {
				if (!depth || strncmp(stack[depth - 1], name, nlen) ||
				    strspn(stack[depth - 1], "abcdefghijklmnopqrstuvwxyz") != nlen) {
					snprintf(why, whylen, "unbalanced </%.*s>", (int)nlen, name);
					return 0;
				}
				depth--;
			} else if (*q == '>') {
				if (depth == 0)
					roots++;
				if (depth == ARRAY_SIZE(stack))
					return 0;
				stack[depth++] = name;
			} else if (depth == 0) {
				roots++;
			}
			p = *q == '/' ? q + 1 : q;
		}
	}
	if (depth || roots != 1) {
		snprintf(why, whylen, "depth %zu, %zu roots", depth, roots);
		return 0;
	}
	return 1;
}

static size_t count(const char *s, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static double channel(unsigned v)
{
	double c = v / 255.0;
	return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

/* WCAG contrast ratio of "#rrggbb" against white. */
static double contrast_white(const char *hex)
{
	unsigned r, g, b;
	if (sscanf(hex, "#%2x%2x%2x", &r, &g, &b) != 3)
		return 0;
	double l = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
	return 1.05 / (l + 0.05);
}

static char *chart(const struct chart_hbar *c)
{
	struct sb out = SB_INIT;
	if (chart_hbar_svg(c, &out)) {
		sb_release(&out);
		return NULL;
	}
	return sb_detach(&out, NULL);
}

static double svg_height(const char *svg)
{
	const char *h = strstr(svg, " height=\"");
	return h ? atof(h + 9) : -1;
}

TEST(report_chart_structure_and_escaping)
{
	const char *cats[] = { "Sở Nội vụ", "<script>alert(\"x\")</script> & Co", "Xã Châu Thành",
			       "Ủy ban nhân dân huyện Long Hồ, tỉnh Vĩnh Long — Văn phòng", "Tab\there" };
	const int64_t vals[] = { 12, 3, 1, /**/ 0, 7, 0, /**/ 1234567, 0, 2, /**/ 0, 0, 0, /**/ 4, 4, 4 };
	struct chart_hbar c = { "tuan-thu <1>", "Tuân thủ thời hạn & \"đúng hạn\"",
				"Số tin theo đơn vị, tháng 11/2026.", "Không có dữ liệu", series_vi, 3,
				cats, 5, vals };
	char *svg = chart(&c), why[120] = "";
	if (!CHECK(svg != NULL))
		return;
	if (!CHECK(xml_wellformed(svg, why, sizeof(why))))
		printf("    %s\n", why);
	CHECK(!strncmp(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" ", 40));
	CHECK(strstr(svg, " role=\"img\" aria-labelledby=\"tuan-thu1-title tuan-thu1-desc\"") != NULL);
	CHECK(strstr(svg, "<title id=\"tuan-thu1-title\">Tuân thủ thời hạn &amp; &quot;đúng hạn&quot;</title>"));
	CHECK(strstr(svg, "<desc id=\"tuan-thu1-desc\">Số tin theo đơn vị, tháng 11/2026. Sở Nội vụ: "
			  "Đúng hạn 12, Trễ hạn 3, Chưa xong 1. ") != NULL);
	CHECK(!strstr(svg, "<script") && strstr(svg, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co"));
	CHECK(!strchr(svg, '\t'));
	/* one rect with a <title> per non-zero segment, one legend swatch per series */
	CHECK(count(svg, "<title>") == 5 + 9);
	CHECK(count(svg, "width=\"12\" height=\"12\"") == 3);
	CHECK(strstr(svg, "<title>Sở Nội vụ — Trễ hạn: 3</title></rect>") != NULL);
	CHECK(strstr(svg, "<title>Xã Châu Thành — Đúng hạn: 1.234.567</title></rect>") != NULL);
	CHECK(strstr(svg, "<g><title>Xã Châu Thành: 1.234.569</title>") != NULL);
	/* a long label cut by characters, full in its bar's title */
	CHECK(strstr(svg, ">Ủy ban nhân dân huyện Long…</text>") != NULL);
	CHECK(strstr(svg, "<title>Ủy ban nhân dân huyện Long Hồ, tỉnh Vĩnh Long — Văn phòng: 0</title>"));
	/* axis: 0 to 1.500.000 in steps of 500.000 */
	CHECK(strstr(svg, ">500.000</text>") && strstr(svg, ">1.500.000</text>") &&
	      !strstr(svg, ">2.000.000</text>"));
	/* every fill readable with white text and visible on white */
	size_t fills = 0;
	for (const char *p = strstr(svg, "fill=\"#"); p; p = strstr(p + 1, "fill=\"#")) {
		if (!strncmp(p + 6, "#ffffff", 7))
			continue;
		fills++;
		if (!CHECK(contrast_white(p + 6) >= 4.5))
			printf("    %.13s: %.2f\n", p, contrast_white(p + 6));
	}
	CHECK(fills >= 11);
	free(svg);
}

TEST(report_chart_sizes_from_data)
{
	const char *cats[12];
	int64_t vals[36];
	char names[12][32];
	for (int i = 0; i < 12; i++) {
		snprintf(names[i], sizeof(names[i]), "Xã số %d", i + 1);
		cats[i] = names[i];
		vals[3 * i] = i;
		vals[3 * i + 1] = 1;
		vals[3 * i + 2] = 0;
	}
	struct chart_hbar c = { NULL, "Tiêu đề", "Mô tả", "Không có dữ liệu", series_vi, 3, cats, 3, vals };
	char *a = chart(&c);
	c.nCategory = 12;
	char *b = chart(&c);
	if (!CHECK(a && b))
		goto out;
	CHECK(svg_height(b) - svg_height(a) == 9 * 28);
	CHECK(strstr(a, "aria-labelledby=\"chart-title chart-desc\"") != NULL);
	/* short labels leave the plot wider: the first segment starts further left */
	CHECK(strstr(b, "text-anchor=\"end\">Xã số 12</text>") != NULL);
	/* totals 1..12: step 5, ticks 0 5 10 15 */
	CHECK(strstr(b, ">15</text>") && !strstr(b, ">20</text>"));
	/* small values get no label inside their segment, but keep their title */
	CHECK(strstr(b, "<title>Xã số 2 — Trễ hạn: 1</title></rect>") != NULL);
	/* all zeros: a valid chart with an axis 0..1 */
	int64_t zeros[3] = { 0, 0, 0 };
	c.nCategory = 1;
	c.aValue = zeros;
	char *z = chart(&c), why[100];
	CHECK(z && xml_wellformed(z, why, sizeof(why)) && strstr(z, ">1</text>"));
	free(z);
	/* legend wraps when the names are long */
	const char *longser[] = { "Đã cập nhật đúng hạn theo quy chế của tỉnh",
				  "Cập nhật trễ hạn so với quy định tại Điều 9",
				  "Chưa cập nhật và còn trong thời hạn xử lý",
				  "Không thuộc diện phải cập nhật theo quy chế" };
	int64_t v4[4] = { 1, 2, 3, 4 };
	struct chart_hbar w = { "w", "T", "D", "N", longser, 4, cats, 1, v4 };
	struct chart_hbar one = { "w", "T", "D", "N", longser, 1, cats, 1, v4 };
	char *wl = chart(&w), *ol = chart(&one);
	CHECK(wl && ol && svg_height(wl) > svg_height(ol));
	CHECK(wl && xml_wellformed(wl, why, sizeof(why)));
	free(wl);
	free(ol);
out:
	free(a);
	free(b);
}

TEST(report_chart_no_data_and_bad_input)
{
	struct chart_hbar c = { "x", "Tuân thủ <tháng 11>", "Mô tả.", "Chưa có tin nào có hạn trong kỳ này.",
				series_vi, 3, NULL, 0, NULL };
	char *svg = chart(&c), why[100] = "";
	if (!CHECK(svg != NULL))
		return;
	if (!CHECK(xml_wellformed(svg, why, sizeof(why))))
		printf("    %s\n", why);
	CHECK(strstr(svg, "role=\"img\"") && strstr(svg, ">Chưa có tin nào có hạn trong kỳ này.</text>"));
	CHECK(strstr(svg, "<desc id=\"x-desc\">Mô tả. Chưa có tin nào có hạn trong kỳ này.</desc>"));
	CHECK(strstr(svg, "Tuân thủ &lt;tháng 11&gt;") && !strstr(svg, "<rect x="));
	free(svg);

	struct sb out = SB_INIT;
	const char *cats[] = { "A" };
	int64_t neg[] = { 1, -1, 0 };
	struct chart_hbar bad = { "x", "T", "D", "N", series_vi, 3, cats, 1, neg };
	CHECK(chart_hbar_svg(&bad, &out) == -1 && out.len == 0);
	int64_t huge[] = { TOTAL_MAX_TEST, TOTAL_MAX_TEST, 0 };
	bad.aValue = huge;
	CHECK(chart_hbar_svg(&bad, &out) == -1 && out.len == 0);
	int64_t ok[] = { 1, 2, 3 };
	bad.aValue = ok;
	bad.nSeries = 0;
	CHECK(chart_hbar_svg(&bad, &out) == -1);
	bad.nSeries = CHART_MAX_SERIES + 1;
	CHECK(chart_hbar_svg(&bad, &out) == -1);
	bad.nSeries = 3;
	const char *badcat[] = { "Vi\xE1\xBB" };
	bad.aCategory = badcat;
	CHECK(chart_hbar_svg(&bad, &out) == -1);
	bad.aCategory = cats;
	bad.title = NULL;
	CHECK(chart_hbar_svg(&bad, &out) == -1 && out.len == 0);
	bad.title = "T";
	CHECK(chart_hbar_svg(&bad, &out) == 0 && out.len > 0);
	sb_release(&out);
}
