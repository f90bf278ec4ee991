/* test_stattable.c — statistics tables (src/import/stattable.c): numbers in both ways of writing,
 * a good CSV with ';' and a BOM, every refusal with its row and column, the limits past their
 * edge, and an XLSX written by the project's own exporter (libxlsxwriter) read back. */
#include "t.h"

#include "base/sb.h"
#include "base/util.h"
#include "import/stattable.h"
#include "report/table.h"
#include "report/chart_xy.h"

#include <math.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int num(const char *s, int vi, const char *want)
{
	char out[40];
	int rc = stat_number(s, vi, out);
	if (!want)
		return rc == -1;
	if (rc || strcmp(out, want)) {
		fprintf(stderr, "  %s (%s) gave %d %s, wanted %s\n", s, vi ? "vi" : "en", rc, rc ? "" : out, want);
		return 0;
	}
	return 1;
}

TEST(stat_numbers)
{
	CHECK(num("1.234,5", 1, "1234.5"));
	CHECK(num("1234,50", 1, "1234.5"));
	CHECK(num("-12", 1, "-12"));
	CHECK(num("1 234 567", 1, "1234567"));
	CHECK(num("1\xC2\xA0" "234", 1, "1234"));
	CHECK(num("0,0", 1, "0"));
	CHECK(num("-0", 1, "0"));
	CHECK(num("007", 1, "7"));
	CHECK(num("1234.5", 0, "1234.5"));
	CHECK(num("1,234.5", 0, "1234.5"));
	CHECK(num("+3", 0, "3"));
	CHECK(num("\xE2\x88\x92" "3,5", 1, "-3.5"));
	CHECK(num("12a", 1, NULL));
	CHECK(num("1.23", 1, NULL));     /* a group of two digits */
	CHECK(num("1234.567", 1, NULL)); /* a first group of four */
	CHECK(num("1,5", 0, NULL));
	CHECK(num("", 1, NULL));
	CHECK(num("-", 1, NULL));
	CHECK(num(",5", 1, NULL));
	CHECK(num("5,", 1, NULL));
	CHECK(num("1234567890123456", 1, NULL)); /* 16 digits */
	CHECK(num("123456789012345", 1, "123456789012345"));
	char out[64];
	stat_number_vi("-1234567.25", out);
	CHECK_STR(out, "-1.234.567,25");
	stat_number_vi("12", out);
	CHECK_STR(out, "12");
}

static json_t *parse(const char *s, char *why)
{
	return stat_table_parse(s, strlen(s), STAT_AUTO, why, 320);
}

/* 1 when S is refused with a message that contains WANT. */
static int refused(const char *s, size_t len, const char *want)
{
	char why[320] = "";
	json_t *t = stat_table_parse(s, len, STAT_AUTO, why, sizeof(why));
	int ok = !t && strstr(why, want);
	if (!ok)
		fprintf(stderr, "  got %s: %s\n", t ? "a table" : "refused", why);
	json_decref(t);
	return ok;
}
#define REFUSED(s, want) refused((s), strlen(s), (want))

TEST(stat_csv_good)
{
	char why[320];
	json_t *t = parse("\xEF\xBB\xBF" "Huyện;Dân số;Diện tích (km²);Ghi chú\r\n"
			  "Long Hồ;\"160.537\";193,2;\r\n"
			  "Mang Thít;103.573;;thị trấn Cái Nhum\r\n"
			  ";;;\r\n"
			  "Vũng Liêm;\"1.234,5\";294,5;\"có dấu ; trong ô\"\r\n", why);
	CHECK(t != NULL);
	if (!t) {
		fprintf(stderr, "  %s\n", why);
		return;
	}
	CHECK_STR(json_string_value(json_object_get(t, "format")), "csv");
	json_t *cols = json_object_get(t, "columns"), *rows = json_object_get(t, "rows");
	CHECK(json_array_size(cols) == 4 && json_array_size(rows) == 3);
	CHECK_STR(json_string_value(json_object_get(json_array_get(cols, 1), "name")), "Dân số");
	CHECK(json_is_false(json_object_get(json_array_get(cols, 0), "numeric")));
	CHECK(json_is_true(json_object_get(json_array_get(cols, 1), "numeric")));
	CHECK(json_is_true(json_object_get(json_array_get(cols, 2), "numeric")));
	CHECK(json_is_false(json_object_get(json_array_get(cols, 3), "numeric")));
	CHECK_STR(json_string_value(json_array_get(json_array_get(rows, 0), 1)), "160537");
	CHECK_STR(json_string_value(json_array_get(json_array_get(rows, 0), 2)), "193.2");
	CHECK(json_is_null(json_array_get(json_array_get(rows, 0), 3)));
	CHECK(json_is_null(json_array_get(json_array_get(rows, 1), 2)));
	CHECK_STR(json_string_value(json_array_get(json_array_get(rows, 2), 1)), "1234.5");
	CHECK_STR(json_string_value(json_array_get(json_array_get(rows, 2), 3)), "có dấu ; trong ô");
	json_decref(t);

	/* English numbers with ',' separators: the column's way is English */
	t = parse("Year,GDP\n2022,\"1,234.5\"\n2023,99.25\n", why);
	CHECK(t && !strcmp(json_string_value(json_array_get(json_array_get(json_object_get(t, "rows"), 0), 1)), "1234.5"));
	json_decref(t);
	/* years as column names are no numbers */
	t = parse("Chỉ tiêu,2022,2023\nGRDP,1,2\n", why);
	CHECK(t != NULL);
	json_decref(t);
}

TEST(stat_csv_refused)
{
	CHECK(REFUSED("Huyện,Dân số\nLong Hồ,160\nMang Thít,12a\nTrà Ôn,5\n",
		      "Dòng 3, cột 'Dân số': '12a' không phải là số."));
	CHECK(REFUSED("Huyện,Dân số\nA,1\nB,x\nC,2\nD,y\nE,3\n", "Dòng 3, cột 'Dân số': 'x' không phải là số (cột này còn 1 ô khác"));
	CHECK(REFUSED("Huyện,Dân số\nA,1\nB,2,3\n", "Dòng 3: có 3 ô nhưng dòng tiêu đề có 2 cột."));
	CHECK(REFUSED("Huyện,Dân số\nA\n", "Dòng 2: có 1 ô nhưng dòng tiêu đề có 2 cột."));
	CHECK(REFUSED("Huyện,,Dân số\nA,1,2\n", "cột 2 không có tên"));
	CHECK(REFUSED("Long Hồ,160.537\nMang Thít,103.573\n", "Dòng tiêu đề, cột 2: '160.537' là số"));
	CHECK(REFUSED("Huyện,Huyện\nA,B\n", "có ở cả cột 1 và cột 2"));
	CHECK(REFUSED("Huyện,Dân số\n", "không có dòng số liệu"));
	CHECK(REFUSED("Một đoạn văn bản bình thường\nkhông phải bảng\n", "ít nhất hai cột"));
	CHECK(REFUSED("", "Tệp trống"));
	CHECK(REFUSED("\xEF\xBB\xBF\n\n", "Tệp trống"));
	CHECK(REFUSED("Huyện,Dân số\nLong H\xF4,1\n", "không phải UTF-8"));
	CHECK(REFUSED("Huyện,Dân số\n\"Long Hồ,1\n", "ngoặc kép"));
	CHECK(refused("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, "UTF-8"));

	/* the limits, one past */
	struct sb b = SB_INIT;
	for (int c = 0; c <= STAT_MAX_COLUMNS; c++)
		sb_addf(&b, "%sc%d", c ? "," : "", c);
	sb_adds(&b, "\n");
	CHECK(refused(b.buf, b.len, "201 cột, nhiều nhất là 200"));
	sb_reset(&b);
	sb_adds(&b, "Số,Giá trị\n");
	for (int r = 0; r <= STAT_MAX_ROWS; r++)
		sb_addf(&b, "%d,%d\n", r, r);
	CHECK(refused(b.buf, b.len, "quá 20.000 dòng"));
	sb_reset(&b);
	sb_adds(&b, "Số,Giá trị\n");
	while (b.len <= STAT_MAX_BYTES)
		sb_adds(&b, "1,2\n");
	CHECK(refused(b.buf, b.len, "Tệp lớn quá 4 MiB"));
	sb_reset(&b);
	for (int c = 0; c < 100; c++)
		sb_addf(&b, "%sc%d", c ? "," : "", c);
	sb_adds(&b, "\n");
	for (int r = 0; r < 4001; r++) {
		sb_adds(&b, "1");
		for (int c = 1; c < 100; c++)
			sb_adds(&b, ",");
		sb_adds(&b, "\n");
	}
	CHECK(refused(b.buf, b.len, "quá nhiều ô"));
	sb_reset(&b);
	sb_adds(&b, "A,B\nx,");
	for (int i = 0; i <= STAT_MAX_CELL_CHARS; i++)
		sb_adds(&b, "ă");
	sb_adds(&b, "\n");
	CHECK(refused(b.buf, b.len, "Dòng 2, cột 'B': ô dài quá 1000 ký tự"));
	sb_release(&b);
}

TEST(stat_xlsx_roundtrip)
{
	struct table t;
	table_init(&t, "Dân số");
	table_add_column(&t, "Huyện", TABLE_TEXT);
	table_add_column(&t, "Dân số", TABLE_INTEGER);
	table_add_column(&t, "Tỉ lệ (%)", TABLE_NUMBER);
	const char *r1[] = { "Long Hồ", "160537", "1.25" };
	const char *r2[] = { "Mang Thít", "103573", NULL };
	const char *r3[] = { "Trà Ôn", "1.234,5", "0.5" }; /* text in a number column: written as text */
	table_add_row(&t, r1);
	table_add_row(&t, r2);
	table_add_row(&t, r3);
	struct sb x = SB_INIT;
	char err[256], why[320];
	CHECK(table_write_xlsx(&t, &x, err, sizeof(err)) == 0);
	json_t *j = stat_table_parse(x.buf, x.len, STAT_AUTO, why, sizeof(why));
	CHECK(j != NULL);
	if (j) {
		json_t *rows = json_object_get(j, "rows");
		CHECK_STR(json_string_value(json_object_get(j, "format")), "xlsx");
		CHECK(json_array_size(rows) == 3);
		CHECK_STR(json_string_value(json_object_get(json_array_get(json_object_get(j, "columns"), 0), "name")), "Huyện");
		CHECK_STR(json_string_value(json_array_get(json_array_get(rows, 0), 0)), "Long Hồ");
		CHECK_STR(json_string_value(json_array_get(json_array_get(rows, 0), 1)), "160537");
		CHECK_STR(json_string_value(json_array_get(json_array_get(rows, 0), 2)), "1.25");
		CHECK(json_is_null(json_array_get(json_array_get(rows, 1), 2)));
		CHECK_STR(json_string_value(json_array_get(json_array_get(rows, 2), 1)), "1234.5");
	} else {
		fprintf(stderr, "  %s\n", why);
	}
	json_decref(j);
	sb_reset(&x);

	/* a bad number in a sheet names its row and column */
	const char *r4[] = { "Vũng Liêm", "12a", "1" };
	table_add_row(&t, r4);
	CHECK(table_write_xlsx(&t, &x, err, sizeof(err)) == 0);
	j = stat_table_parse(x.buf, x.len, STAT_AUTO, why, sizeof(why));
	CHECK(!j && strstr(why, "Dòng 5, cột 'Dân số': '12a' không phải là số"));
	if (j || !strstr(why, "Dòng 5"))
		fprintf(stderr, "  %s\n", why);
	json_decref(j);
	table_release(&t);

	/* a ZIP that is no workbook, and bytes that only start like one */
	CHECK(!stat_table_parse(x.buf, 100, STAT_AUTO, why, sizeof(why)) && strstr(why, "XLSX"));
	sb_release(&x);
}

TEST(stat_chart)
{
	const char *series[] = { "Dân số", "Lao động" };
	const char *cats[] = { "Long Hồ", "Mang <Thít>" };
	double v[] = { 160537, 90000.5, NAN, -1200 };
	struct chart_xy c = { "c1", "Dân số theo huyện", "Biểu đồ cột; số liệu ở bảng bên dưới.", 0, series, 2, cats, 2, v };
	struct sb out = SB_INIT;
	CHECK(chart_xy_svg(&c, &out) == 0);
	CHECK(strstr(out.buf, "role=\"img\" aria-labelledby=\"c1-title c1-desc\""));
	CHECK(strstr(out.buf, "<title id=\"c1-title\">Dân số theo huyện</title>"));
	CHECK(strstr(out.buf, "Long Hồ — Dân số: 160.537</title>"));
	CHECK(strstr(out.buf, "Long Hồ — Lao động: 90.000,5</title>"));
	CHECK(strstr(out.buf, "Mang &lt;Thít&gt; — Lao động: -1.200</title>"));
	CHECK(!strstr(out.buf, "<Thít>"));
	CHECK(!strstr(out.buf, "Mang &lt;Thít&gt; — Dân số")); /* no value, no bar */
	sb_reset(&out);
	c.line = 1;
	CHECK(chart_xy_svg(&c, &out) == 0 && strstr(out.buf, "<path") && strstr(out.buf, "<circle"));
	sb_reset(&out);
	double none[] = { NAN, NAN, NAN, NAN };
	c.aValue = none;
	CHECK(chart_xy_svg(&c, &out) == -1 && out.len == 0);
	sb_release(&out);
	const char *years[] = { "2021", "2022", "Quý I/2023" }, *names[] = { "Long Hồ", "2022" };
	CHECK(chart_xy_is_time(years, 3));
	CHECK(!chart_xy_is_time(names, 2));
}

#include <xlsxwriter.h>

/* A sheet as a spreadsheet writes dates: numbers shown through a date format (a built-in one, a
 * custom "dd/mm/yyyy", a date and time) read back as dates, not as their serial numbers; a plain
 * number next to them stays a number. libxlsxwriter writes the file, as Excel would. */
TEST(stat_xlsx_dates_are_dates)
{
	char path[] = "/tmp/cong-xlsx-dates-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	close(fd);
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	lxw_format *dmy = workbook_add_format(wb), *builtin = workbook_add_format(wb), *dt = workbook_add_format(wb);
	format_set_num_format(dmy, "dd/mm/yyyy");
	format_set_num_format_index(builtin, 14);
	format_set_num_format(dt, "dd/mm/yyyy hh:mm");
	worksheet_write_string(ws, 0, 0, "Ngày", NULL);
	worksheet_write_string(ws, 0, 1, "Ngày công bố", NULL);
	worksheet_write_string(ws, 0, 2, "Thời điểm", NULL);
	worksheet_write_string(ws, 0, 3, "Số hộ", NULL);
	lxw_datetime d1 = { 2025, 3, 1, 0, 0, 0 }, d2 = { 2026, 12, 7, 0, 0, 0 }, d3 = { 2024, 2, 29, 14, 30, 0 };
	worksheet_write_datetime(ws, 1, 0, &d1, dmy);
	worksheet_write_datetime(ws, 1, 1, &d2, builtin);
	worksheet_write_datetime(ws, 1, 2, &d3, dt);
	worksheet_write_number(ws, 1, 3, 45717, NULL); /* a serial-sized number without a date format */
	CHECK(workbook_close(wb) == LXW_NO_ERROR);
	struct sb x = SB_INIT;
	FILE *f = fopen(path, "rb");
	char buf[4096];
	size_t n;
	while (f && (n = fread(buf, 1, sizeof(buf), f)) > 0)
		sb_add(&x, buf, n);
	if (f)
		fclose(f);
	unlink(path);
	char why[320];
	json_t *j = stat_table_parse(x.buf, x.len, STAT_XLSX, why, sizeof(why));
	CHECK(j != NULL);
	if (j) {
		json_t *row = json_array_get(json_object_get(j, "rows"), 0);
		CHECK_STR(json_string_value(json_array_get(row, 0)), "01/03/2025");
		CHECK_STR(json_string_value(json_array_get(row, 1)), "07/12/2026");
		CHECK_STR(json_string_value(json_array_get(row, 2)), "29/02/2024 14:30");
		CHECK_STR(json_string_value(json_array_get(row, 3)), "45717");
	} else {
		fprintf(stderr, "  %s\n", why);
	}
	json_decref(j);
	sb_release(&x);
}
