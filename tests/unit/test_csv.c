/* test_csv.c — the importers' CSV reader (src/import/csv.c): a good file as spreadsheets write
 * it (BOM, CRLF, quoted commas, quotes and line breaks, NFD text, blank lines), every problem
 * that refuses a file and every bad row with their line numbers, the limits at and past their
 * edge, and the multi-value and date helpers. */
#include "t.h"

#include "base/sb.h"
#include "base/util.h"
#include "import/csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct csv_table *read_str(const char *s, struct csv_problem *err)
{
	return csv_table_read(s, strlen(s), err);
}

/* 1 when S refuses to parse with KIND on LINE (and says so with a message naming the line). */
static int refused(const char *s, size_t len, enum csv_problem_kind kind, size_t line)
{
	struct csv_problem err;
	struct csv_table *t = csv_table_read(s, len, &err);
	char want[32];
	snprintf(want, sizeof(want), line ? "Dòng %zu:" : "Tệp", line);
	int ok = !t && err.kind == kind && err.line == line &&
		 (kind == CSV_PROBLEM_NOT_UTF8 || !strncmp(err.message, want, strlen(want)));
	if (!ok)
		fprintf(stderr, "  got kind %d line %zu: %s\n", (int)err.kind, err.line, err.message);
	csv_table_free(t);
	return ok;
}
#define REFUSED(s, kind, line) refused((s), strlen(s), (kind), (line))

TEST(csv_good_file)
{
	static const char file[] =
		"\xEF\xBB\xBF So_Ky_Hieu ,LOAI,trich_yeu,linh_vuc,ngay_ban_hanh\r\n"                   /* 1 */
		"12/2024/QĐ-UBND,Quyết định,\"Về việc ban hành quy chế, quy định\",Tài chính; Thuế,05/03/2024\r\n" /* 2 */
		"\r\n"                                                                                  /* 3 */
		"   \t \r\n"                                                                            /* 4 */
		"13/2024/NQ-HĐND,Nghị quyết,\"Dòng một\r\n"                                            /* 5 */
		"dòng \"\"hai\"\", \"\"ba\"\"\",,5/3/2024\r\n"                                          /* 6 */
		",,, ,\r\n"                                                                             /* 7 */
		"14/CT-UBND,Chi\xCC\x89 thi\xCC\xA3,  Ngu\xCC\x9Bo\xCC\x9B\xCC\x80i ky\xCC\x81  ,,\r\n" /* 8 */
		"\"15\", \"Công văn\" ,\" \xC2\xA0" "có khoảng trắng\t\",\"\",\"\"";                          /* 9 */
	struct csv_problem err;
	struct csv_table *t = csv_table_read(file, sizeof(file) - 1, &err);
	CHECK(t != NULL);
	if (!t)
		return;
	CHECK(err.kind == CSV_PROBLEM_NONE && err.line == 0 && !err.message[0]);
	CHECK(csv_table_columns(t) == 5);
	CHECK_STR(csv_table_column(t, 0), "so_ky_hieu");
	CHECK_STR(csv_table_column(t, 1), "loai");
	CHECK_STR(csv_table_column(t, 4), "ngay_ban_hanh");
	CHECK(csv_table_column(t, 5) == NULL);
	CHECK(csv_column_find(t, "trich_yeu") == 2 && csv_column_find(t, "LOAI") == -1);
	CHECK(csv_column_find(t, "tep") == -1);

	CHECK(csv_table_rows(t) == 4 && csv_table_bad_rows(t) == 0);
	CHECK(csv_row_line(t, 0) == 2 && csv_row_line(t, 1) == 5);
	CHECK(csv_row_line(t, 2) == 8 && csv_row_line(t, 3) == 9);
	for (size_t r = 0; r < 4; r++)
		CHECK(csv_row_problem(t, r) == NULL);

	CHECK_STR(csv_cell(t, 0, "so_ky_hieu"), "12/2024/QĐ-UBND");
	CHECK_STR(csv_cell(t, 0, "trich_yeu"), "Về việc ban hành quy chế, quy định");
	CHECK_STR(csv_cell(t, 0, "linh_vuc"), "Tài chính; Thuế");
	CHECK_STR(csv_cell(t, 1, "trich_yeu"), "Dòng một\ndòng \"hai\", \"ba\""); /* CRLF → LF */
	CHECK_STR(csv_cell(t, 1, "linh_vuc"), "");
	CHECK_STR(csv_cell(t, 1, "ngay_ban_hanh"), "5/3/2024");
	CHECK_STR(csv_cell(t, 2, "loai"), "Chỉ thị"); /* NFD → NFC */
	CHECK_STR(csv_cell(t, 2, "trich_yeu"), "Người ký");
	CHECK_STR(csv_cell(t, 3, "so_ky_hieu"), "15");
	CHECK_STR(csv_cell(t, 3, "loai"), "Công văn");
	CHECK_STR(csv_cell(t, 3, "trich_yeu"), "có khoảng trắng"); /* quoted spaces, NBSP, tab trimmed */
	CHECK_STR(csv_cell(t, 3, "ngay_ban_hanh"), "");
	CHECK_STR(csv_cell_at(t, 3, 1), "Công văn");

	/* out of range */
	CHECK(csv_cell(t, 0, "tep") == NULL && csv_cell(t, 4, "loai") == NULL);
	CHECK(csv_cell_at(t, 0, 5) == NULL && csv_cell_at(t, 4, 0) == NULL);
	CHECK(csv_row_line(t, 4) == 0 && csv_row_problem(t, 4) == NULL);
	csv_table_free(t);
	csv_table_free(NULL);
}

TEST(csv_line_endings_and_header_only)
{
	struct csv_table *t = read_str("a,b\r1,2\r\r3,4", NULL); /* old Mac: lone CR */
	CHECK(t && csv_table_rows(t) == 2 && csv_row_line(t, 0) == 2 && csv_row_line(t, 1) == 4);
	CHECK(t && !strcmp(csv_cell(t, 1, "b"), "4"));
	csv_table_free(t);

	t = read_str("\n\n  \na,b\n\n1,\"x\ny\nz\"\n2,w\n", NULL); /* header on line 4 */
	CHECK(t && csv_table_rows(t) == 2 && csv_row_line(t, 0) == 6 && csv_row_line(t, 1) == 9);
	csv_table_free(t);

	struct csv_problem err;
	t = read_str("so_ky_hieu,loai\r\n", &err); /* a header alone is a table without rows */
	CHECK(t && csv_table_rows(t) == 0 && csv_table_columns(t) == 2 && err.kind == CSV_PROBLEM_NONE);
	csv_table_free(t);

	t = read_str("only\nx", NULL); /* one column, no final line break */
	CHECK(t && csv_table_rows(t) == 1 && !strcmp(csv_cell(t, 0, "only"), "x"));
	csv_table_free(t);
}

TEST(csv_not_utf8)
{
	struct csv_problem err;
	CHECK(REFUSED("a,b\r\n1,2\r\n\xff,3\r\n4,5\r\n", CSV_PROBLEM_NOT_UTF8, 3));
	csv_table_read("a,b\r\n1,2\r\n\xff,3\r\n", 13, &err);
	CHECK_STR(err.message, "Tệp không phải UTF-8 (dòng 3). Hãy lưu lại tệp dạng CSV UTF-8.");
	/* inside a quoted cell that began two lines before: the physical line */
	CHECK(REFUSED("a,b\n\"x\ny\n\xC3(\",1\n", CSV_PROBLEM_NOT_UTF8, 4));
	/* Windows-1258 "Việt" */
	CHECK(REFUSED("ten\nVi\xEA\xF2t\n", CSV_PROBLEM_NOT_UTF8, 2));
	/* UTF-16 LE with its BOM: NUL bytes */
	static const char utf16[] = "\xFF\xFE" "a\0,\0b\0\r\0\n\0";
	CHECK(refused(utf16, sizeof(utf16) - 1, CSV_PROBLEM_NOT_UTF8, 1));
	static const char nul[] = "a,b\n1,\0\n";
	CHECK(refused(nul, sizeof(nul) - 1, CSV_PROBLEM_NOT_UTF8, 2));
	/* a BOM that is only a BOM's start */
	CHECK(REFUSED("\xEF\xBB" "a,b\n", CSV_PROBLEM_NOT_UTF8, 1));
}

TEST(csv_bad_quotes)
{
	struct csv_problem err;
	CHECK(REFUSED("a,b\n1,2\nx\"y,3\n", CSV_PROBLEM_QUOTE, 3)); /* quote in an unquoted cell */
	CHECK(REFUSED("a,b\n\"x\"y,1\n", CSV_PROBLEM_QUOTE, 2));    /* text after a closing quote */
	CHECK(REFUSED("a,b\n\"x\" \"y\",1\n", CSV_PROBLEM_QUOTE, 2));

	/* a quote left open swallows lines until a stray one: the line of that one, and the record's */
	CHECK(REFUSED("a,b\n\"open,1\nfoo\nbar\"baz,2\n", CSV_PROBLEM_QUOTE, 4));
	read_str("a,b\n\"open,1\nfoo\nbar\"baz,2\n", &err);
	CHECK(strstr(err.message, "bắt đầu ở dòng 2") != NULL);

	/* open until the end of the file: the line the record starts on */
	CHECK(REFUSED("a,b\n1,2\n\n\"open,3\nmore\n", CSV_PROBLEM_UNCLOSED_QUOTE, 4));
	read_str("a,b\n1,2\n\n\"open,3\nmore\n", &err);
	CHECK_STR(err.message, "Dòng 4: dấu ngoặc kép không đóng.");
	CHECK(REFUSED("a,b\n1,\"2", CSV_PROBLEM_UNCLOSED_QUOTE, 2));
	CHECK(REFUSED("\"a,b\n", CSV_PROBLEM_UNCLOSED_QUOTE, 1));
}

TEST(csv_empty_and_header_problems)
{
	struct csv_problem err;
	CHECK(refused(NULL, 0, CSV_PROBLEM_EMPTY, 0));
	CHECK(REFUSED("", CSV_PROBLEM_EMPTY, 0));
	CHECK(REFUSED("\xEF\xBB\xBF", CSV_PROBLEM_EMPTY, 0));
	CHECK(REFUSED("\r\n\n   \r\n", CSV_PROBLEM_EMPTY, 0));
	CHECK(REFUSED(",,,\n\"\",\n", CSV_PROBLEM_EMPTY, 0));
	read_str("", &err);
	CHECK_STR(err.message, "Tệp trống: không có dòng nào.");

	CHECK(REFUSED("a,,c\n1,2,3\n", CSV_PROBLEM_NO_HEADER, 1));
	CHECK(REFUSED("\n\na, \" \" ,c\n", CSV_PROBLEM_NO_HEADER, 3));
	read_str("a,b,\n", &err);
	CHECK(strstr(err.message, "cột 3 không có tên") != NULL);

	CHECK(REFUSED("so_ky_hieu,Loai,LOAI \n1,2,3\n", CSV_PROBLEM_DUPLICATE_COLUMN, 1));
	read_str("so_ky_hieu,Loai,x, loai\n", &err);
	CHECK_STR(err.message, "Dòng 1: tên cột “loai” có ở cả cột 2 và cột 4.");
	/* the same name in NFD and NFC is the same name */
	CHECK(REFUSED("Lo\xCC\x9B\xCC\x81p,l\xC6\xA1\xCC\x81p\n", CSV_PROBLEM_DUPLICATE_COLUMN, 1));
}

TEST(csv_bad_rows)
{
	struct csv_table *t = read_str("a,b,c\n1,2\n\n1,2,3\n1,2,3,4\n\"x\ny\"\n", NULL);
	CHECK(t != NULL);
	if (!t)
		return;
	CHECK(csv_table_rows(t) == 4 && csv_table_bad_rows(t) == 3);
	const struct csv_problem *p = csv_row_problem(t, 0);
	CHECK(p && p->kind == CSV_PROBLEM_CELL_COUNT && p->line == 2);
	CHECK(p && !strcmp(p->message, "Dòng 2: có 2 ô nhưng dòng tiêu đề có 3 cột."));
	CHECK(csv_row_problem(t, 1) == NULL && csv_row_line(t, 1) == 4);
	p = csv_row_problem(t, 2);
	CHECK(p && p->line == 5 && !strcmp(p->message, "Dòng 5: có 4 ô nhưng dòng tiêu đề có 3 cột."));
	p = csv_row_problem(t, 3);
	CHECK(p && p->line == 6 && csv_row_line(t, 3) == 6);
	/* every row still has one cell per column */
	CHECK_STR(csv_cell(t, 0, "c"), "");
	CHECK_STR(csv_cell(t, 2, "c"), "3");
	CHECK_STR(csv_cell(t, 3, "a"), "x\ny");
	CHECK_STR(csv_cell(t, 3, "b"), "");
	csv_table_free(t);

	/* a row far wider than any header: counted, not kept */
	struct sb s = SB_INIT;
	sb_adds(&s, "a,b\n");
	for (int i = 0; i < 1000; i++)
		sb_adds(&s, "x,");
	sb_adds(&s, "\n1,2\n");
	t = csv_table_read(s.buf, s.len, NULL);
	CHECK(t && csv_table_rows(t) == 2 && csv_table_bad_rows(t) == 1);
	CHECK(t && strstr(csv_row_problem(t, 0)->message, "có 1001 ô") != NULL);
	csv_table_free(t);
	sb_release(&s);

	/* a bad row does not stop the file: a later fatal problem still refuses it */
	CHECK(REFUSED("a,b\n1\n2,3\nx\"y,4\n", CSV_PROBLEM_QUOTE, 4));
	/* the first fatal problem in file order wins */
	CHECK(REFUSED("a,b\n1,2\nx\"y,4\n\xff\n", CSV_PROBLEM_QUOTE, 3));
	CHECK(REFUSED("a,a\n\xff\n", CSV_PROBLEM_DUPLICATE_COLUMN, 1));
	CHECK(REFUSED("a,b\n\xff\n\"open\n", CSV_PROBLEM_NOT_UTF8, 2));
}

TEST(csv_limits_columns)
{
	struct sb s = SB_INIT;
	for (int i = 0; i < CSV_MAX_COLUMNS; i++)
		sb_addf(&s, "%sc%d", i ? "," : "", i);
	sb_adds(&s, "\n");
	struct csv_table *t = csv_table_read(s.buf, s.len, NULL);
	CHECK(t && csv_table_columns(t) == CSV_MAX_COLUMNS);
	CHECK(t && !strcmp(csv_table_column(t, CSV_MAX_COLUMNS - 1), "c63"));
	csv_table_free(t);

	sb_reset(&s);
	sb_adds(&s, "\n");
	for (int i = 0; i <= CSV_MAX_COLUMNS; i++)
		sb_addf(&s, "%sc%d", i ? "," : "", i);
	sb_adds(&s, "\n");
	CHECK(refused(s.buf, s.len, CSV_PROBLEM_TOO_MANY_COLUMNS, 2));

	/* a blank record as wide as it likes is still blank */
	sb_reset(&s);
	for (int i = 0; i < 200; i++)
		sb_addc(&s, ',');
	sb_adds(&s, "\na,b\n");
	t = csv_table_read(s.buf, s.len, NULL);
	CHECK(t && csv_table_columns(t) == 2);
	csv_table_free(t);
	sb_release(&s);
}

TEST(csv_limits_rows)
{
	struct sb s = SB_INIT;
	sb_adds(&s, "so,ten\r\n");
	for (int i = 1; i <= CSV_MAX_ROWS; i++)
		sb_addf(&s, "%d,Văn bản %d\r\n", i, i);
	struct csv_table *t = csv_table_read(s.buf, s.len, NULL);
	CHECK(t && csv_table_rows(t) == CSV_MAX_ROWS);
	CHECK(t && csv_row_line(t, CSV_MAX_ROWS - 1) == CSV_MAX_ROWS + 1);
	CHECK(t && !strcmp(csv_cell(t, CSV_MAX_ROWS - 1, "ten"), "Văn bản 50000"));
	csv_table_free(t);

	sb_adds(&s, "\r\n"); /* a trailing blank line is no row */
	t = csv_table_read(s.buf, s.len, NULL);
	CHECK(t && csv_table_rows(t) == CSV_MAX_ROWS);
	csv_table_free(t);

	sb_adds(&s, "50001,một dòng quá\r\n");
	CHECK(refused(s.buf, s.len, CSV_PROBLEM_TOO_MANY_ROWS, CSV_MAX_ROWS + 3));
	struct csv_problem err;
	csv_table_read(s.buf, s.len, &err);
	CHECK(strstr(err.message, "quá 50.000 dòng") != NULL);
	sb_release(&s);
}

TEST(csv_limits_cell)
{
	struct sb s = SB_INIT;
	sb_adds(&s, "a,b\n1,");
	for (size_t i = 0; i < CSV_MAX_CELL; i++)
		sb_addc(&s, 'x');
	size_t at_limit = s.len;
	sb_adds(&s, "\n");
	struct csv_table *t = csv_table_read(s.buf, s.len, NULL);
	CHECK(t && strlen(csv_cell(t, 0, "b")) == CSV_MAX_CELL);
	csv_table_free(t);

	sb_truncate(&s, at_limit);
	sb_adds(&s, "x\n2,3\n");
	CHECK(refused(s.buf, s.len, CSV_PROBLEM_CELL_TOO_BIG, 2));

	/* quoted, over lines: the line the record starts on */
	sb_reset(&s);
	sb_adds(&s, "a,b\n1,2\n3,\"");
	for (size_t i = 0; i < CSV_MAX_CELL / 16; i++)
		sb_adds(&s, "0123456789abcd\r\n");
	sb_adds(&s, "!\"\n");
	CHECK(refused(s.buf, s.len, CSV_PROBLEM_CELL_TOO_BIG, 3));
	/* the same quote never closed: stopped as soon as the cell is too big, not at the end */
	sb_truncate(&s, s.len - 3);
	for (int i = 0; i < 1000; i++)
		sb_adds(&s, "0123456789abcd\r\n");
	CHECK(refused(s.buf, s.len, CSV_PROBLEM_CELL_TOO_BIG, 3));
	sb_release(&s);
}

TEST(csv_split_parts)
{
	char **parts;
	CHECK(csv_split("Thuế; ;Phí, lệ phí ;", &parts) == 2);
	CHECK_STR(parts[0], "Thuế");
	CHECK_STR(parts[1], "Phí, lệ phí");
	CHECK(parts[2] == NULL);
	free(parts);

	CHECK(csv_split("Tài chính", &parts) == 1 && !strcmp(parts[0], "Tài chính") && !parts[1]);
	free(parts);
	CHECK(csv_split("\xC2\xA0" "a\xC2\xA0;\tb\n;c", &parts) == 3);
	CHECK_STR(parts[0], "a");
	CHECK_STR(parts[1], "b");
	CHECK_STR(parts[2], "c");
	free(parts);
	CHECK(csv_split("", &parts) == 0 && parts[0] == NULL);
	free(parts);
	CHECK(csv_split(" ; ;;", &parts) == 0 && parts[0] == NULL);
	free(parts);
	CHECK(csv_split(NULL, &parts) == 0 && parts[0] == NULL);
	free(parts);
	CHECK(csv_split(";;x;;", &parts) == 1 && !strcmp(parts[0], "x"));
	free(parts);
}

TEST(csv_dates)
{
	int y = 0, m = 0, d = 0;
	CHECK(csv_date("05/03/2024", &y, &m, &d) == 0 && y == 2024 && m == 3 && d == 5);
	CHECK(csv_date("5/3/2024", &y, &m, &d) == 0 && y == 2024 && m == 3 && d == 5);
	CHECK(csv_date("29/2/2024", &y, &m, &d) == 0 && m == 2 && d == 29);
	CHECK(csv_date("01/01/1900", &y, &m, &d) == 0 && y == 1900);
	CHECK(csv_date("31/12/9999", &y, &m, &d) == 0 && y == 9999);
	CHECK(csv_date("", &y, &m, &d) == CSV_DATE_EMPTY);
	CHECK(csv_date(NULL, &y, &m, &d) == CSV_DATE_EMPTY);

	static const char *const bad[] = {
		"31/02/2024", "29/02/2023", "31/04/2024", "0/3/2024",   "5/0/2024",  "5/13/2024",
		"32/1/2024",  "1/1/1899",   "31/12/0999", "2024-03-05", "05/03/24",  "005/03/2024",
		"05/003/2024", "5/3/20245", "5/3/2024 ", " 5/3/2024",   "+5/3/2024", "5-3-2024",
		"5/3/",       "5//2024",    "//",         "05/03/2024/", "a/b/cdef", "5/3/2O24",
	};
	y = m = d = -7;
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		int rc = csv_date(bad[i], &y, &m, &d);
		if (rc != -1)
			fprintf(stderr, "  csv_date(\"%s\") = %d\n", bad[i], rc);
		CHECK(rc == -1);
	}
	CHECK(y == -7 && m == -7 && d == -7); /* untouched */
}
