/* test_vn.c — diacritic folding and the slugs of titles and sites. */
#include "t.h"
#include "vn/slug.h"

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
