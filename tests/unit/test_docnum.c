/* test_docnum.c — document numbers: the stored key of every shape a number takes, the forms a
 * query types for one, and which keys a query matches. */
#include "t.h"
#include "vn/docnum.h"

#include <stdio.h>
#include <stdlib.h>


static const struct {
	const char *number;
	const char *key; /* NULL: not a document number */
} keys[] = {
	{ "12/2024/QĐ-UBND", "12/2024/qd-ubnd" },
	{ "12/2024/qd-ubnd", "12/2024/qd-ubnd" },
	{ "12/2024/QD-UBND", "12/2024/qd-ubnd" },
	{ "12/2024/Qđ-UBND", "12/2024/qd-ubnd" },
	{ "12/2024/Q\xc3\x90-UBND", "12/2024/qd-ubnd" },        /* Ð U+00D0 for Đ */
	{ "Số 12/2024/QĐ-UBND", "12/2024/qd-ubnd" },
	{ "Số: 12/2024/QĐ-UBND", "12/2024/qd-ubnd" },
	{ "  12 / 2024 / QĐ - UBND ", "12/2024/qd-ubnd" },
	{ "12/2024/QĐ\xe2\x80\x93UBND", "12/2024/qd-ubnd" },     /* en dash */
	{ "05/2024/QĐ-UBND", "5/2024/qd-ubnd" },
	{ "005/2024/NQ-HĐND", "5/2024/nq-hdnd" },
	{ "86/2015/QH13", "86/2015/qh13" },
	{ "35/2018/QH14", "35/2018/qh14" },
	{ "42/2022/NĐ-CP", "42/2022/nd-cp" },
	{ "118/2025/NĐ-CP", "118/2025/nd-cp" },
	{ "22/2023/TT-BTTTT", "22/2023/tt-btttt" },
	{ "01/2020/TTLT-BNV-BTC", "1/2020/ttlt-bnv-btc" },
	{ "1234/UBND-KGVX", "1234/ubnd-kgvx" },
	{ "567/STTTT-BCVT", "567/stttt-bcvt" },
	{ "45/KH-UBND", "45/kh-ubnd" },
	{ "12/CT-TTg", "12/ct-ttg" },
	{ "2024/UBND-VX", "2024/ubnd-vx" }, /* a letter numbered 2024, no year */
	{ "1945/1945/SL", "1945/1945/sl" },
	{ "12/2024/QĐ-UBND.KT", "12/2024/qd-ubnd-kt" },
	{ "12/2024/QĐ-UBND", "12/2024/qd-ubnd" },
	/* not numbers */
	{ "QĐ 12/2024", NULL },
	{ "Quyết định 12/2024/QĐ-UBND", NULL },
	{ "12/2024", NULL },
	{ "0/2024/QĐ-UBND", NULL },
	{ "1234567890/2024/QĐ-UBND", NULL },
	{ "12/2024/QĐ-UBND ngày 15/3/2024", NULL },
	{ "12/1900/QĐ", NULL },
	{ "12/2024/QĐ-UBND-A-B-C-D-E-F-G", NULL },
	{ "12/2024/ĐIỀUCHỈNHQUYHOẠCHCHUNG", NULL },
	{ "12/2024/决定", NULL },
	{ "12/2024/QĐ-\xff", NULL },
	{ "", NULL },
	{ "giáo dục", NULL },
};

TEST(docnum_keys)
{
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		char *k = docnum_key(keys[i].number);
		if (!CHECK_STR(k, keys[i].key))
			printf("    input: \"%s\"\n", keys[i].number);
		if (k) {
			char *again = docnum_key(k);
			CHECK_STR(again, k); /* idempotent */
			free(again);
		}
		free(k);
	}
	char *nfd = docnum_key("12/2024/Quye\xcc\x82\xcc\x81t-\xc4\x91i\xcc\xa3nh"); /* quyết-định, NFD */
	CHECK_STR(nfd, "12/2024/quyet-dinh");
	free(nfd);
}

/* The forms of one query: whether it reads as a number, and the prefix it scans. */
static const struct {
	const char *q;
	const char *prefix; /* NULL: not a number query */
	const char *groups; /* the groups joined by ' ' */
} queries[] = {
	{ "12/2024/QĐ-UBND", "12/2024/", "qd ubnd" },
	{ "12/2024/qd-ubnd", "12/2024/", "qd ubnd" },
	{ "QĐ 12/2024", "12/2024/", "qd" },
	{ "Qđ 12/2024", "12/2024/", "qd" },
	{ "qd 12/2024", "12/2024/", "qd" },
	{ "Q\xc4\x90 12/2024", "12/2024/", "qd" },
	{ "QĐ12/2024", "12/2024/", "qd" },
	{ "12 2024 QĐ UBND", "12/2024/", "qd ubnd" },
	{ "12 2024 qd ubnd", "12/2024/", "qd ubnd" },
	{ "quyết định 12/2024", "12/2024/", "qd" },
	{ "Quye\xcc\x82\xcc\x81t \xc4\x91i\xcc\xa3nh 12/2024", "12/2024/", "qd" }, /* NFD */
	{ "QUYẾT ĐỊNH 12/2024", "12/2024/", "qd" },
	{ "Quyết định số 12/2024/QĐ-UBND", "12/2024/", "qd ubnd" },
	{ "số 12/2024/QĐ-UBND", "12/2024/", "qd ubnd" },
	{ "số 12/2024", "12/2024/", "" },
	{ "văn bản 12/2024", "12/2024/", "" },
	{ "05/2024/QĐ-UBND", "5/2024/", "qd ubnd" },
	{ "Luật 86/2015/QH13", "86/2015/", "qh13" },
	{ "luật 35/2018", "35/2018/", "" },
	{ "Bộ luật 45/2019/QH14", "45/2019/", "qh14" },
	{ "nghị định 42/2022", "42/2022/", "nd" },
	{ "NĐ-CP 118/2025", "118/2025/", "nd cp" },
	{ "thông tư 22/2023/TT-BTTTT", "22/2023/", "tt btttt" },
	{ "thông tư liên tịch 01/2020", "1/2020/", "ttlt" },
	{ "1234/UBND-KGVX", "1234/", "ubnd kgvx" },
	{ "công văn 1234", "1234/", "" },
	{ "công văn 567/STTTT", "567/", "stttt" },
	{ "kế hoạch 45", "45/", "kh" },
	{ "45/KH-UBND", "45/", "kh ubnd" },
	{ "nghị quyết 05/2024 HĐND", "5/2024/", "nq hdnd" },
	{ "chỉ thị 12/CT-TTg", "12/", "ct ttg" },
	{ "2024/UBND-VX", "2024/", "ubnd vx" },
	{ "QĐ 2024/2024", "2024/2024/", "qd" },
	{ "thông báo 7 UBND", "7/", "tb ubnd" },
	{ "hướng dẫn 3/HD-SNV", "3/", "hd snv" },
	{ "báo cáo 100/BC-UBND", "100/", "bc ubnd" },
	/* not number queries */
	{ "giáo dục", NULL, "" },
	{ "2024", NULL, "" },
	{ "kế hoạch 2024", NULL, "" },
	{ "luật đất đai 2024", NULL, "" },
	{ "12/2024", NULL, "" },
	{ "số 12", NULL, "" },
	{ "covid-19", NULL, "" },
	{ "QĐ 12/2024 về giáo dục", NULL, "" },
	{ "Quyết định số 12/2024/QĐ-UBND ngày 15/3/2024", NULL, "" },
	{ "QĐ 0/2024", NULL, "" },
	{ "quyết định", NULL, "" },
	{ "", NULL, "" },
	{ "\xff 12/2024/QĐ", NULL, "" },
};

TEST(docnum_queries)
{
	for (size_t i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
		struct docnum_query q;
		char prefix[16], groups[160] = "";
		int ok = docnum_query_parse(queries[i].q, &q);
		if (ok) {
			CHECK(docnum_query_prefix(&q, prefix, sizeof(prefix)) == (int)strlen(prefix));
			for (size_t g = 0; g < q.n_group; g++) {
				size_t n = strlen(groups);
				snprintf(groups + n, sizeof(groups) - n, "%s%s", n ? " " : "", q.group[g]);
			}
		}
		if (!CHECK_STR(ok ? prefix : NULL, queries[i].prefix) || !CHECK_STR(groups, queries[i].groups))
			printf("    query: \"%s\"\n", queries[i].q);
	}
}

/* Which stored keys a query finds. */
static const struct {
	const char *q;
	const char *key;
	int match;
} matches[] = {
	{ "12/2024/QĐ-UBND", "12/2024/qd-ubnd", 1 },
	{ "12/2024/qd-ubnd", "12/2024/qd-ubnd", 1 },
	{ "QĐ 12/2024", "12/2024/qd-ubnd", 1 },
	{ "QĐ 12/2024", "12/2024/nd-cp", 0 },
	{ "12 2024 QĐ UBND", "12/2024/qd-ubnd", 1 },
	{ "quyết định 12/2024", "12/2024/qd-ubnd", 1 },
	{ "Quyết định số 12/2024/QĐ-UBND", "12/2024/qd-ubnd", 1 },
	{ "số 12/2024/QĐ-UBND", "12/2024/qd-ubnd", 1 },
	{ "Qđ 12/2024", "12/2024/qd-ubnd", 1 },
	{ "QĐ 12/2024", "12/2023/qd-ubnd", 0 },
	{ "QĐ 12/2024", "13/2024/qd-ubnd", 0 },
	{ "QĐ 12/2024", "112/2024/qd-ubnd", 0 },
	{ "QĐ 12/2024", "12/qd-ubnd", 0 },       /* the year typed must be there */
	{ "5/2024/QĐ-UBND", "5/2024/qd-ubnd", 1 },
	{ "05/2024/QĐ-UBND", "5/2024/qd-ubnd", 1 },
	{ "luật 86/2015", "86/2015/qh13", 1 },
	{ "86/2015/QH13", "86/2015/qh14", 0 },
	{ "nghị định 42/2022", "42/2022/nd-cp", 1 },
	{ "thông tư 22/2023", "22/2023/tt-btttt", 1 },
	{ "thông tư 22/2023", "22/2023/ttlt-btttt-bnv", 0 },
	{ "thông tư liên tịch 01/2020", "1/2020/ttlt-bnv-btc", 1 },
	{ "BTC 01/2020", "1/2020/ttlt-bnv-btc", 1 },
	{ "công văn 1234", "1234/ubnd-kgvx", 1 },
	{ "công văn 1234", "1234/2024/ubnd-kgvx", 1 }, /* no year typed: any year */
	{ "1234/UBND-KGVX", "1234/ubnd-kgvx", 1 },
	{ "1234/UBND-KGVX", "1234/ubnd-vx", 0 },
	{ "kế hoạch 45", "45/kh-ubnd", 1 },
	{ "kế hoạch 45", "45/ubnd-kgvx", 0 },
	{ "QĐ 12/2024", "12/2024/qd", 1 },
	{ "QĐ 12/2024", "12/2024/", 0 },          /* not keys */
	{ "QĐ 12/2024", "12/2024/QD", 0 },
	{ "QĐ 12/2024", "012/2024/qd", 0 },
	{ "QĐ 12/2024", "12/2024/qd--ubnd", 0 },
	{ "QĐ 12/2024", "", 0 },
};

TEST(docnum_matches)
{
	for (size_t i = 0; i < sizeof(matches) / sizeof(matches[0]); i++) {
		struct docnum_query q;
		int parsed = docnum_query_parse(matches[i].q, &q);
		CHECK(parsed);
		if (!CHECK(docnum_match(&q, matches[i].key) == matches[i].match))
			printf("    query \"%s\" key \"%s\"\n", matches[i].q, matches[i].key);
	}
	/* a stored number and a typed query meet through the key */
	struct docnum_query q;
	char *k = docnum_key("05/2024/NQ-HĐND");
	CHECK(docnum_query_parse("nghị quyết 5/2024", &q) && docnum_match(&q, k));
	CHECK(docnum_query_parse("NQ-HĐND 5/2024", &q) && docnum_match(&q, k));
	CHECK(docnum_query_parse("nghị định 5/2024", &q) && !docnum_match(&q, k));
	free(k);
}

TEST(docnum_prefix_buffer)
{
	struct docnum_query q;
	char buf[16];
	CHECK(docnum_query_parse("QĐ 123456789/2024", &q));
	CHECK(docnum_query_prefix(&q, buf, sizeof(buf)) == 15);
	CHECK_STR(buf, "123456789/2024/");
	CHECK(docnum_query_prefix(&q, buf, 15) == -1);
	CHECK_STR(buf, "");
	CHECK(!docnum_query_parse("QĐ 1234567890/2024", &q));
	CHECK(q.number[0] == '\0' && q.n_group == 0);
}
