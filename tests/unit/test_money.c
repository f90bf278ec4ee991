/* test_money.c — amounts of đồng (vn/money.c): every way people write one, what is refused, the
 * grouping shown, and the field's display text (kind_value_text). */
#include "t.h"
#include "vn/money.h"
#include "model/kind.h"
#include "base/util.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>

static const struct {
	const char *in;
	long long want; /* -1: refused */
} cases[] = {
	{ "0", 0 },
	{ "1250000000", 1250000000LL },
	{ "1.250.000.000", 1250000000LL },
	{ "1 250 000 000", 1250000000LL },
	{ "1\xc2\xa0" "250\xc2\xa0" "000", 1250000LL },          /* no-break spaces */
	{ "1\xe2\x80\xaf" "250", 1250LL },                       /* narrow no-break space */
	{ "1.250.000.000 đồng", 1250000000LL },
	{ "1.250.000.000đ", 1250000000LL },
	{ "1.250.000.000 VNĐ", 1250000000LL },
	{ "1.250.000.000 vnd", 1250000000LL },
	{ "  485.600.000.000  Đồng ", 485600000000LL },
	{ "125,5 tỷ", 125500000000LL },
	{ "125,5 tỷ đồng", 125500000000LL },
	{ "2.150 tỷ", 2150000000000LL },
	{ "2 tỉ", 2000000000LL },
	{ "800 triệu", 800000000LL },
	{ "1,25 triệu đồng", 1250000LL },
	{ "0,000000001 tỷ", 1LL },
	{ "999.999.999.999.999.999", 999999999999999999LL },
	/* refused */
	{ "", -1 },
	{ "đồng", -1 },
	{ "-5", -1 },
	{ "+5", -1 },
	{ "1.25.000", -1 },          /* groups of three only */
	{ "1250.000", -1 },          /* a first group longer than three */
	{ "1.250 000", -1 },         /* one kind of separator */
	{ "1.2500", -1 },
	{ "12,5", -1 },              /* a decimal comma without a scale */
	{ "1,5", -1 },
	{ "0,0000000001 tỷ", -1 },   /* less than one đồng */
	{ "1,2345678 triệu", -1 },
	{ "1.000.000.000.000.000.000", -1 }, /* above VN_MONEY_MAX */
	{ "9999999 tỷ tỷ", -1 },
	{ "99999999999 tỷ", -1 },
	{ "5 USD", -1 },
	{ "năm triệu", -1 },
	{ "1e9", -1 },
	{ "12 đồng 5", -1 },
	{ "0x10", -1 },
};

TEST(money_parse_every_form)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int64_t v = -7;
		int rc = vn_money_parse(cases[i].in, &v);
		if (cases[i].want < 0) {
			if (!CHECK(rc == -1 && v == -7))
				fprintf(stderr, "  accepted \"%s\" as %lld\n", cases[i].in, (long long)v);
		} else if (!CHECK(rc == 0 && v == cases[i].want)) {
			fprintf(stderr, "  \"%s\": rc %d, %lld, want %lld\n", cases[i].in, rc, (long long)v, cases[i].want);
		}
	}
	int64_t v;
	CHECK(vn_money_parse(NULL, &v) == -1);
}

TEST(money_group_and_back)
{
	char buf[32];
	CHECK_STR(vn_money_group(0, buf, sizeof(buf)), "0");
	CHECK_STR(vn_money_group(999, buf, sizeof(buf)), "999");
	CHECK_STR(vn_money_group(1000, buf, sizeof(buf)), "1.000");
	CHECK_STR(vn_money_group(1250000000LL, buf, sizeof(buf)), "1.250.000.000");
	CHECK_STR(vn_money_group(-1250000LL, buf, sizeof(buf)), "-1.250.000");
	CHECK_STR(vn_money_group(VN_MONEY_MAX, buf, sizeof(buf)), "999.999.999.999.999.999");
	CHECK_STR(vn_money_group(1250000, buf, 6), "1.250");  /* cut, still terminated */
	/* what is shown reads back as the same amount */
	static const long long some[] = { 1, 12, 123, 1234, 12345, 123456, 1234567, 98765432109LL, VN_MONEY_MAX };
	for (size_t i = 0; i < sizeof(some) / sizeof(some[0]); i++) {
		int64_t back = -1;
		vn_money_group(some[i], buf, sizeof(buf));
		CHECK(vn_money_parse(buf, &back) == 0 && back == some[i]);
	}
}

TEST(money_field_text_and_clean)
{
	const struct kind *k = kind_find("project");
	CHECK(k != NULL);
	if (!k)
		return;
	const struct kind_field *f = kind_field(k, "tong_muc_dau_tu");
	CHECK(f && f->type == F_MONEY);
	json_t *v = json_integer(485600000000LL);
	char *t = kind_value_text(f, v);
	CHECK_STR(t, "485.600.000.000 đồng");
	free(t);
	t = kind_value_text(NULL, v); /* exports: the number as stored */
	CHECK_STR(t, "485600000000");
	free(t);
	json_decref(v);
}
