/* test_vn.c — diacritic folding and the slugs of titles and sites. */
#include "t.h"
#include "vn/slug.h"
#include "vn/cp.h"
#include "base/sb.h"

#include <string.h>

#include <stdio.h>
#include <stdlib.h>

static void check_fold(const char *in, const char *want)
{
	char *r = vn_fold(in);
	CHECK_STR(r, want);
	free(r);
}

static void check_slug(const char *in, const char *want)
{
	char *r = vn_slug(in);
	CHECK_STR(r, want);
	free(r);
}

static void check_site(const char *name, const char *kind, const char *want)
{
	char *r = vn_site_slug(name, kind);
	CHECK_STR(r, want);
	free(r);
}

TEST(fold_strips_marks_and_d_stroke)
{
	check_fold("Đường Điện Biên Phủ", "duong dien bien phu");
	check_fold("Thủy lợi HOÀ BÌNH", "thuy loi hoa binh");
	check_fold("Ho\xcc\x80" "a", "hoa"); /* NFD input folds the same */
	check_fold("ăâêôơư ĂÂÊÔƠƯ", "aaeoou aaeoou");
	check_fold("Q\xc3\x90-UBND", "qd-ubnd"); /* Ð U+00D0 written for Đ */
	CHECK(vn_fold("\xff") == NULL);
}

TEST(title_slugs_are_readable_ascii)
{
	check_slug("Hội nghị tổng kết công tác năm 2024", "hoi-nghi-tong-ket-cong-tac-nam-2024");
	check_slug("  --Đà Nẵng: “mở cửa”!  ", "da-nang-mo-cua");
	check_slug("!!!", "bai-viet");
	check_slug("", "bai-viet");
	char *r = vn_slug("Một tiêu đề rất dài lặp lại nhiều lần một tiêu đề rất dài lặp lại nhiều lần một tiêu đề rất dài");
	CHECK(strlen(r) <= 80 && r[strlen(r) - 1] != '-');
	free(r);
}

TEST(site_slugs_follow_the_regulations)
{
	check_site("Xã Châu Thành", "commune", "chauthanh");
	check_site("Xã Châu Thành", NULL, "chauthanh");
	check_site("Huyện Long Hồ", NULL, "longho");
	check_site("Thị trấn Cái Nhum", NULL, "cainhum");
	check_site("Thành phố Vĩnh Long", NULL, "vinhlong");
	check_site("Phường 1", NULL, "1");
	check_site("Sở Nội vụ", NULL, "snv");
	check_site("Sở Y tế", "department", "syt");
	check_site("Sở Giáo dục và Đào tạo", NULL, "sgddt");
	check_site("Châu Thành", "commune", "chauthanh");
	CHECK(vn_site_slug("!!!", NULL) == NULL);
	CHECK_STR(vn_site_kind_guess("Xã Tân Hạnh"), "commune");
	CHECK_STR(vn_site_kind_guess("Thị xã Bình Minh"), "district");
	CHECK_STR(vn_site_kind_guess("Sở Tài chính"), "department");
}

TEST(site_slug_validation)
{
	CHECK(vn_site_slug_valid("snv"));
	CHECK(vn_site_slug_valid("long-ho2"));
	CHECK(!vn_site_slug_valid(""));
	CHECK(!vn_site_slug_valid("-snv"));
	CHECK(!vn_site_slug_valid("Snv"));
	CHECK(!vn_site_slug_valid("s.nv"));
	CHECK(!vn_site_slug_valid("sở"));
}

/* vn_fold and vn_tone_normalize take a code point at a time from a table where they can (cp.h),
 * the general path elsewhere: both give what the general path gives, on every code point of the
 * table alone, after a letter and before a combining mark, and on 30,000 strings of Vietnamese
 * letters in both forms, capitals, marks, digits, punctuation, other scripts and bad bytes. */
static int same_both(const char *in)
{
	char *a = vn_fold(in), *b = vn_fold_general(in), *c = vn_tone_normalize(in), *d = vn_tone_normalize_general(in);
	int ok = ((!a && !b) || (a && b && strcmp(a, b) == 0)) && ((!c && !d) || (c && d && strcmp(c, d) == 0));
	if (!ok)
		printf("  differs on \"%s\": fold %s / %s, tone %s / %s\n", in, a ? a : "NULL", b ? b : "NULL",
		       c ? c : "NULL", d ? d : "NULL");
	free(a);
	free(b);
	free(c);
	free(d);
	return ok;
}

TEST(fold_and_tone_fast_paths_match_the_general_ones)
{
	int bad = 0;
	char buf[64];
	for (int32_t cp = 1; cp < 0x2100 && bad < 5; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		char one[8] = { 0 };
		int n = 0;
		if (cp < 0x80) {
			one[n++] = (char)cp;
		} else if (cp < 0x800) {
			one[n++] = (char)(0xC0 | (cp >> 6));
			one[n++] = (char)(0x80 | (cp & 0x3F));
		} else {
			one[n++] = (char)(0xE0 | (cp >> 12));
			one[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
			one[n++] = (char)(0x80 | (cp & 0x3F));
		}
		snprintf(buf, sizeof(buf), "%s", one);
		bad += !same_both(buf);
		snprintf(buf, sizeof(buf), "Ho%sa qu%sy \xcc\x81%s\xcc\x80 x", one, one, one);
		bad += !same_both(buf);
	}
	static const char *const parts[] = {
		"hòa", "hoà", "HÒA", "thủy", "thuỷ", "qúy", "quý", "Quý", "hoài", "khoẻ", "khỏe", "oă", "đường", "Đ", "Ð",
		"ngoằn", "tuyển", "của", "những", "được", "người", "ĐỒNG", "a", "o", "u", "y", "q", "x", "12", "2024", "/",
		"-", " ", "  ", ",", ".", "“", "”", "…", "–", "\xcc\x80", "\xcc\x81", "\xcc\x83", "\xcc\x89",
		"\xcc\xa3", "\xcc\x86", "ß", "ﬁ", "Ω", "ά", "ភាសា", "中文", "\xe1\x84\x80\xe1\x85\xa1", "\xff",
		"\xc3", "e\xcc\x82\xcc\x81", "o\xcc\x9b\xcc\x80", "u\xcc\x9b", "\t", "\n", "_", "ǂ",
	};
	uint32_t x = 2024;
	for (int i = 0; i < 30000 && bad < 10; i++) {
		struct sb b = SB_INIT;
		int k = 1 + (int)(x % 7);
		for (int j = 0; j < k; j++) {
			x = x * 1103515245u + 12345u;
			sb_adds(&b, parts[(x >> 8) % (sizeof(parts) / sizeof(parts[0]))]);
		}
		bad += !same_both(b.buf ? b.buf : "");
		sb_release(&b);
	}
	CHECK(bad == 0);
}
