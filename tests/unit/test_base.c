/* test_base.c — string builder invariants, escapers, UTF-8/NFC, numbers and Vietnam time. */
#include "t.h"
#include <stdint.h>
#include <utf8proc.h>
#include "base/sb.h"
#include "base/utf8.h"
#include "base/util.h"

#include <stdlib.h>
#include <time.h>

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

TEST(sb_xml_escapes_and_drops_what_xml_cannot_carry)
{
	struct sb b = SB_INIT;
	const char *in = "<a title='y'>\"&\"</a>";
	sb_add_xml(&b, in, strlen(in));
	CHECK_STR(b.buf, "&lt;a title=&apos;y&apos;&gt;&quot;&amp;&quot;&lt;/a&gt;");
	CHECK(sb_invariants(&b));
	sb_reset(&b);
	/* tab, LF and CR stay; other C0 controls go, and so do U+FFFE, U+FFFF and malformed UTF-8
	 * (a lone continuation byte, a cut sequence, an overlong form, a surrogate, > U+10FFFF);
	 * Vietnamese text, C1 controls, DEL, U+FFFD and a supplementary character stay */
	const char in2[] = "a\tb\nc\rd\x01\x1f\x0b\x0c"
			   "Tiếng Việt\xc2\x85\x7f\xef\xbf\xbd\xf0\x9f\x98\x80"
			   "[\xef\xbf\xbe\xef\xbf\xbf\x80\xe1\xba\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80\xff]";
	sb_add_xml(&b, in2, sizeof(in2) - 1);
	CHECK_STR(b.buf, "a\tb\nc\rd" "Tiếng Việt\xc2\x85\x7f\xef\xbf\xbd\xf0\x9f\x98\x80" "[]");
	CHECK(sb_invariants(&b));
	sb_reset(&b);
	sb_add_xml(&b, "\xe1\xba", 2); /* cut at the end */
	CHECK_STR(b.buf, "");
	sb_release(&b);
}

/* The plain reference of sb_add_html: one character at a time. */
static void html_ref(struct sb *b, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		switch (s[i]) {
		case '&': sb_adds(b, "&amp;"); break;
		case '<': sb_adds(b, "&lt;"); break;
		case '>': sb_adds(b, "&gt;"); break;
		case '"': sb_adds(b, "&quot;"); break;
		case '\'': sb_adds(b, "&#39;"); break;
		default: sb_addc(b, s[i]);
		}
	}
}

TEST(sb_html_escapes_like_the_plain_loop)
{
	static const char alphabet[] = "ab &<>\"'\xc3\xa1\x01~";
	struct sb got = SB_INIT, want = SB_INIT;
	char s[40];
	int bad = 0;
	uint32_t x = 99;
	for (int n = 0; n < 50000; n++) {
		size_t len = (size_t)n % sizeof(s);
		for (size_t i = 0; i < len; i++) {
			x = x * 1103515245u + 12345u;
			/* mostly plain letters, so that whole 8-byte blocks pass too */
			s[i] = (x >> 16) % 4 ? 'a' + (char)((x >> 20) % 26) : alphabet[(x >> 20) % (sizeof(alphabet) - 1)];
		}
		sb_reset(&got);
		sb_reset(&want);
		sb_adds(&got, "x");
		sb_adds(&want, "x");
		sb_add_html(&got, s, len);
		html_ref(&want, s, len);
		bad += got.len != want.len || memcmp(got.buf, want.buf, got.len) != 0 || got.buf[got.len] != '\0';
	}
	CHECK(bad == 0);
	sb_reset(&got);
	sb_add_html(&got, "<a href=\"x\">Tom & Jerry's</a>", strlen("<a href=\"x\">Tom & Jerry's</a>"));
	CHECK_STR(got.buf, "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
	sb_release(&got);
	sb_release(&want);
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

/* The reference: utf8proc's decoder, which utf8_valid replaced for speed. */
static int utf8_valid_ref(const unsigned char *p, size_t len)
{
	while (len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, (utf8proc_ssize_t)len, &cp);
		if (n < 0 || cp == 0)
			return 0;
		p += n;
		len -= (size_t)n;
	}
	return 1;
}

TEST(utf8_valid_agrees_with_utf8proc)
{
	unsigned char b[12];
	size_t bad = 0;
	/* every sequence of one and two bytes, every three bytes led by a multi-byte start */
	for (unsigned i = 0; i < 256; i++) {
		b[0] = (unsigned char)i;
		bad += utf8_valid((char *)b, 1) != utf8_valid_ref(b, 1);
		for (unsigned j = 0; j < 256; j++) {
			b[1] = (unsigned char)j;
			bad += utf8_valid((char *)b, 2) != utf8_valid_ref(b, 2);
			if (i < 0xc0)
				continue;
			for (unsigned k = 0; k < 256; k++) {
				b[2] = (unsigned char)k;
				bad += utf8_valid((char *)b, 3) != utf8_valid_ref(b, 3);
			}
		}
	}
	/* four-byte starts with every second byte, and random strings mixing ASCII runs and
	 * multi-byte characters across the 8-byte steps */
	for (unsigned i = 0xf0; i < 0x100; i++)
		for (unsigned j = 0; j < 256; j++) {
			unsigned char q[4] = { (unsigned char)i, (unsigned char)j, 0x80, 0xbf };
			bad += utf8_valid((char *)q, 4) != utf8_valid_ref(q, 4);
		}
	uint32_t x = 12345;
	for (int n = 0; n < 200000; n++) {
		size_t len = 1 + n % sizeof(b);
		for (size_t i = 0; i < len; i++) {
			x = x * 1103515245u + 12345u;
			unsigned r = (x >> 16) & 0xff;
			b[i] = (unsigned char)(r < 160 ? 'a' + r % 26 : r < 200 ? 0x80 + r % 64 : r);
		}
		bad += utf8_valid((char *)b, len) != utf8_valid_ref(b, len);
	}
	CHECK(bad == 0);
	CHECK(utf8_valid("Thủ tục hành chính: đăng ký kết hôn", strlen("Thủ tục hành chính: đăng ký kết hôn")));
	CHECK(!utf8_valid("abcdefgh\0ijk", 12)); /* NUL in an ASCII block */
	CHECK(!utf8_valid("\xf4\x90\x80\x80", 4)); /* above U+10FFFF */
	CHECK(utf8_valid("\xf4\x8f\xbf\xbf", 4));
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

TEST(time_formats_match_strftime)
{
	char got[40], want[40];
	int bad = 0;
	/* a spread from 1968 to 2100, then every half day of 1999-2001 and 2099-2100 (leap days,
	 * a century that is not one, the roll-over at 17:00 UTC) */
	int64_t steps[][3] = { { -86400 * 400LL, 4102444800LL, 86400 * 37 + 3607 },
			       { 915148800LL, 1009843200LL, 43200 + 1800 },
			       { 4070908800LL, 4133980800LL, 43200 + 1800 } };
	for (size_t k = 0; k < 3; k++) {
		for (int64_t t = steps[k][0]; t < steps[k][1]; t += steps[k][2]) {
			time_t vt = (time_t)(t + 7 * 3600);
			struct tm tm;
			gmtime_r(&vt, &tm);
			time_format_vn(t, got, sizeof(got));
			strftime(want, sizeof(want), "%d/%m/%Y %H:%M", &tm);
			bad += strcmp(got, want) != 0;
			time_format_vn_date(t, got, sizeof(got));
			strftime(want, sizeof(want), "%d/%m/%Y", &tm);
			bad += strcmp(got, want) != 0;
			time_format_iso(t, got, sizeof(got));
			strftime(want, sizeof(want), "%Y-%m-%dT%H:%M:%S+07:00", &tm);
			bad += strcmp(got, want) != 0;
			time_format_rfc822(t, got, sizeof(got)); /* the C locale's names */
			strftime(want, sizeof(want), "%a, %-d %b %Y %H:%M:%S +0700", &tm);
			bad += strcmp(got, want) != 0;
		}
	}
	CHECK(bad == 0);
	time_format_iso(1709164800, got, sizeof(got)); /* 2024-02-29 07:00 in Hà Nội */
	CHECK_STR(got, "2024-02-29T07:00:00+07:00");
	time_format_vn(1704067200, got, 5); /* too small: empty, as strftime */
	CHECK_STR(got, "");
}

TEST(time_is_shown_in_vietnam_time)
{
	char buf[40];
	/* 2024-01-01T00:00:00Z is 07:00 in Hà Nội */
	time_format_vn(1704067200, buf, sizeof(buf));
	CHECK_STR(buf, "01/01/2024 07:00");
	time_format_iso(1704067200, buf, sizeof(buf));
	CHECK_STR(buf, "2024-01-01T07:00:00+07:00");
	time_format_rfc822(1704067200, buf, sizeof(buf));
	CHECK_STR(buf, "Mon, 1 Jan 2024 07:00:00 +0700");
	time_format_rfc822(1704038400, buf, sizeof(buf)); /* 16:00 UTC is 23:00 in Hà Nội */
	CHECK_STR(buf, "Sun, 31 Dec 2023 23:00:00 +0700");
	time_format_rfc822(-86400, buf, sizeof(buf));
	CHECK_STR(buf, "Wed, 31 Dec 1969 07:00:00 +0700");
	int64_t t;
	CHECK(time_parse_vn("01/01/2024 07:00", &t) == 0 && t == 1704067200);
	CHECK(time_parse_vn("2024-01-01T07:00", &t) == 0 && t == 1704067200);
	CHECK(time_parse_vn("31/02/2024", &t) == -1);
	CHECK(time_parse_vn("29/02/2024", &t) == 0);
	CHECK(time_parse_vn("29/02/2023", &t) == -1);
	CHECK(time_parse_vn("hôm qua", &t) == -1);
}
