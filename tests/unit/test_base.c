/* test_base.c — string builder invariants, escapers, UTF-8/NFC, numbers and Vietnam time. */
#include "t.h"
#include "base/sb.h"
#include "base/utf8.h"
#include "base/util.h"

#include <stdlib.h>

static int sb_invariants(const struct sb *b)
{
	return b->buf && b->buf[b->len] == '\0' && (b->cap == 0 || b->len < b->cap);
}

TEST(sb_fresh_builder_is_empty_and_terminated)
{
	struct sb b = SB_INIT;
	CHECK(sb_invariants(&b));
	CHECK_STR(b.buf, "");
	sb_release(&b);
	CHECK(sb_invariants(&b));
}

TEST(sb_appends_keep_invariants)
{
	struct sb b = SB_INIT;
	for (int i = 0; i < 1000; i++) {
		sb_addf(&b, "%d,", i);
		if (!sb_invariants(&b)) {
			CHECK(!"invariant broken");
			break;
		}
	}
	CHECK(b.len > 3000);
	CHECK(strncmp(b.buf, "0,1,2,", 6) == 0);
	sb_truncate(&b, 2);
	CHECK_STR(b.buf, "0,");
	sb_reset(&b);
	CHECK(sb_invariants(&b) && b.len == 0);
	sb_addc(&b, 'x');
	sb_add(&b, "yz", 2);
	CHECK_STR(b.buf, "xyz");
	size_t n;
	char *s = sb_detach(&b, &n);
	CHECK_STR(s, "xyz");
	CHECK(n == 3);
	CHECK(sb_invariants(&b) && b.len == 0);
	free(s);
	s = sb_detach(&b, NULL); /* detaching an empty builder gives an owned "" */
	CHECK_STR(s, "");
	free(s);
}

TEST(sb_html_escapes_every_special_character)
{
	struct sb b = SB_INIT;
	const char *in = "<a href=\"x\" title='y'>&</a>";
	sb_add_html(&b, in, strlen(in));
	CHECK_STR(b.buf, "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
	sb_release(&b);
}

TEST(sb_urlenc_encodes_utf8_and_reserved)
{
	struct sb b = SB_INIT;
	sb_add_urlenc(&b, "/a b?đ", strlen("/a b?đ"));
	CHECK_STR(b.buf, "%2Fa%20b%3F%C4%91");
	sb_release(&b);
}

TEST(utf8_rejects_invalid_sequences)
{
	CHECK(utf8_valid("Việt Nam", strlen("Việt Nam")));
	CHECK(!utf8_valid("\xff", 1));
	CHECK(!utf8_valid("\xc3", 1));           /* truncated */
	CHECK(!utf8_valid("\xc0\xaf", 2));       /* overlong '/' */
	CHECK(!utf8_valid("\xed\xa0\x80", 3));   /* surrogate */
	CHECK(!utf8_valid("a\0b", 3));           /* NUL inside */
	CHECK(utf8_nfc("\xff", 1) == NULL);
}

TEST(utf8_nfc_composes_vietnamese)
{
	/* "Hòa" typed as o + combining grave (NFD) becomes the precomposed ò */
	const char *nfd = "Ho\xcc\x80" "a", *nfc = "H\xc3\xb2" "a";
	char *r = utf8_nfc(nfd, strlen(nfd));
	CHECK_STR(r, nfc);
	free(r);
	/* ệ in NFD: e + circumflex + dot below */
	r = utf8_nfc("Vie\xcc\x82\xcc\xa3t", strlen("Vie\xcc\x82\xcc\xa3t"));
	CHECK_STR(r, "Việt");
	free(r);
}

TEST(utf8_nfc_normalises_line_ends_and_drops_controls)
{
	char *r = utf8_nfc("a\r\nb\rc\x01" "d\te", 10);
	CHECK_STR(r, "a\nb\ncd\te");
	free(r);
}

TEST(utf8_length_and_ellipsize)
{
	CHECK(utf8_length("Đà Nẵng") == 7);
	char *s = utf8_ellipsize("Đà Nẵng", 20);
	CHECK_STR(s, "Đà Nẵng");
	free(s);
	s = utf8_ellipsize("Hội nghị tổng kết năm", 10);
	CHECK_STR(s, "Hội nghị…");
	free(s);
}

TEST(parse_i64_is_strict)
{
	int64_t v;
	CHECK(parse_i64("42", 0, 100, &v) == 0 && v == 42);
	CHECK(parse_i64("42x", 0, 100, &v) == -1);
	CHECK(parse_i64("", 0, 100, &v) == -1);
	CHECK(parse_i64(" 1", 0, 100, &v) == -1);
	CHECK(parse_i64("101", 0, 100, &v) == -1);
	CHECK(parse_i64("99999999999999999999", 0, INT64_MAX, &v) == -1);
}

TEST(time_is_shown_in_vietnam_time)
{
	char buf[40];
	/* 2024-01-01T00:00:00Z is 07:00 in Hà Nội */
	time_format_vn(1704067200, buf, sizeof(buf));
	CHECK_STR(buf, "01/01/2024 07:00");
	time_format_iso(1704067200, buf, sizeof(buf));
	CHECK_STR(buf, "2024-01-01T07:00:00+07:00");
	int64_t t;
	CHECK(time_parse_vn("01/01/2024 07:00", &t) == 0 && t == 1704067200);
	CHECK(time_parse_vn("2024-01-01T07:00", &t) == 0 && t == 1704067200);
	CHECK(time_parse_vn("31/02/2024", &t) == -1);
	CHECK(time_parse_vn("29/02/2024", &t) == 0);
	CHECK(time_parse_vn("29/02/2023", &t) == -1);
	CHECK(time_parse_vn("hôm qua", &t) == -1);
}
