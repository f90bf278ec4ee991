/* test_numwords.c — numbers and totals in Vietnamese words (vn/numwords.c): the usual figures and
 * the words that change with their place ("mốt", "lăm", "linh"/"lẻ", "mươi", "nghìn"). */
#include "t.h"
#include "vn/numwords.h"

static const struct {
	long long n;
	const char *want;
} cases[] = {
	{ 0, "không" },
	{ 1, "một" },
	{ 5, "năm" },
	{ 10, "mười" },
	{ 11, "mười một" },           /* "một", not "mốt", after "mười" */
	{ 14, "mười bốn" },
	{ 15, "mười lăm" },           /* "lăm" after a tens digit */
	{ 20, "hai mươi" },           /* "mươi" from 20 on */
	{ 21, "hai mươi mốt" },       /* "mốt" after "mươi" */
	{ 25, "hai mươi lăm" },
	{ 55, "năm mươi lăm" },
	{ 100, "một trăm" },
	{ 101, "một trăm linh một" }, /* a zero tens digit: "linh" */
	{ 105, "một trăm linh năm" }, /* "năm", not "lăm", after "linh" */
	{ 110, "một trăm mười" },
	{ 115, "một trăm mười lăm" },
	{ 121, "một trăm hai mươi mốt" },
	{ 1000, "một nghìn" },
	{ 1005, "một nghìn không trăm linh năm" }, /* a later group reads its zero hundreds */
	{ 1021, "một nghìn không trăm hai mươi mốt" },
	{ 1100, "một nghìn một trăm" },
	{ 10000, "mười nghìn" },
	{ 15000, "mười lăm nghìn" },
	{ 234000, "hai trăm ba mươi bốn nghìn" },
	{ 1000000, "một triệu" },     /* empty groups are not read */
	{ 1000005, "một triệu không trăm linh năm" },
	{ 1234000, "một triệu hai trăm ba mươi bốn nghìn" },
	{ 2340000, "hai triệu ba trăm bốn mươi nghìn" },
	{ 1000000000, "một tỷ" },
	{ 1000000000000LL, "một nghìn tỷ" }, /* 10^12 */
	{ 1000000000005LL, "một nghìn tỷ không trăm linh năm" },
	{ 21000000000000LL, "hai mươi mốt nghìn tỷ" },
	{ 1000000000000000000LL, "một tỷ tỷ" },
	{ -15, "âm mười lăm" },
};

TEST(number_words_table)
{
	char buf[VN_WORDS_MAX];
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_STR(vn_number_words(cases[i].n, 0, buf, sizeof(buf)), cases[i].want);
}

TEST(number_words_le_and_largest)
{
	char buf[VN_WORDS_MAX];
	CHECK_STR(vn_number_words(101, VN_WORDS_LE, buf, sizeof(buf)), "một trăm lẻ một");
	CHECK_STR(vn_number_words(1005, VN_WORDS_LE, buf, sizeof(buf)), "một nghìn không trăm lẻ năm");
	CHECK_STR(vn_number_words(115, VN_WORDS_LE, buf, sizeof(buf)), "một trăm mười lăm"); /* no "lẻ" */
	/* the largest int64 (9 223 372 036 tỷ and more) fits VN_WORDS_MAX; the smallest is read too */
	CHECK_STR(vn_number_words(INT64_MAX, 0, buf, sizeof(buf)),
		  "chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ"
		  " tám trăm năm mươi bốn triệu bảy trăm bảy mươi lăm nghìn tám trăm linh bảy");
	CHECK(vn_number_words(INT64_MIN, 0, buf, sizeof(buf))[0] != '\0');
	/* a short buffer is cut, never overrun */
	char small[12];
	vn_number_words(1234000, 0, small, sizeof(small));
	CHECK(small[sizeof(small) - 1] == '\0' || small[0] != '\0');
}

TEST(amount_words_capitalised_with_dong)
{
	char buf[VN_WORDS_MAX];
	CHECK_STR(vn_amount_words(1234000, 0, buf, sizeof(buf)), "Một triệu hai trăm ba mươi bốn nghìn đồng");
	CHECK_STR(vn_amount_words(0, 0, buf, sizeof(buf)), "Không đồng");
	CHECK_STR(vn_amount_words(234000, 0, buf, sizeof(buf)), "Hai trăm ba mươi bốn nghìn đồng");
	CHECK_STR(vn_amount_words(-5000, 0, buf, sizeof(buf)), "Âm năm nghìn đồng");
}
