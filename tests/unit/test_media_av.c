/* test_media_av.c — byte ranges of served files (http/range.c) and the WebVTT check
 * (model/vtt.c). */
#include "t.h"
#include "http/range.h"
#include "model/vtt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TEST(range_single)
{
	uint64_t a = 9, b = 9;
	CHECK(http_range_parse(NULL, 100, &a, &b) == RANGE_NONE);
	CHECK(http_range_parse("bytes=0-9", 100, &a, &b) == RANGE_OK && a == 0 && b == 9);
	CHECK(http_range_parse("bytes=10-", 100, &a, &b) == RANGE_OK && a == 10 && b == 99);
	CHECK(http_range_parse("bytes=90-500", 100, &a, &b) == RANGE_OK && a == 90 && b == 99);
	CHECK(http_range_parse("bytes=-20", 100, &a, &b) == RANGE_OK && a == 80 && b == 99);
	CHECK(http_range_parse("bytes=-500", 100, &a, &b) == RANGE_OK && a == 0 && b == 99);
	CHECK(http_range_parse(" bytes = 5 - 6 ", 100, &a, &b) == RANGE_OK && a == 5 && b == 6);
}

TEST(range_refused_or_ignored)
{
	uint64_t a, b;
	CHECK(http_range_parse("bytes=100-", 100, &a, &b) == RANGE_UNSATISFIABLE);
	CHECK(http_range_parse("bytes=200-300", 100, &a, &b) == RANGE_UNSATISFIABLE);
	CHECK(http_range_parse("bytes=-0", 100, &a, &b) == RANGE_UNSATISFIABLE);
	CHECK(http_range_parse("bytes=0-", 0, &a, &b) == RANGE_UNSATISFIABLE);
	CHECK(http_range_parse("bytes=0-1,5-6", 100, &a, &b) == RANGE_NONE); /* several: the whole file */
	CHECK(http_range_parse("bytes=9-1", 100, &a, &b) == RANGE_NONE);
	CHECK(http_range_parse("items=0-1", 100, &a, &b) == RANGE_NONE);
	CHECK(http_range_parse("bytes=-", 100, &a, &b) == RANGE_NONE);
	CHECK(http_range_parse("bytes=1-2x", 100, &a, &b) == RANGE_NONE);
	CHECK(http_range_parse("bytes=+1-2", 100, &a, &b) == RANGE_NONE);
	CHECK(http_range_parse("bytes=99999999999999999999999-", 100, &a, &b) == RANGE_NONE);
}

TEST(range_if_range)
{
	char etag[48];
	http_file_etag(100, 1700000000123456789LL, etag, sizeof(etag));
	CHECK(http_if_range_ok(NULL, etag, 1700000000));
	CHECK(http_if_range_ok(etag, etag, 1700000000));
	CHECK(!http_if_range_ok("\"other\"", etag, 1700000000));
	CHECK(!http_if_range_ok("W/\"x\"", etag, 1700000000));
	CHECK(http_if_range_ok("Tue, 14 Nov 2023 22:13:20 GMT", etag, 1700000000));
	CHECK(!http_if_range_ok("Tue, 14 Nov 2023 22:13:21 GMT", etag, 1700000000));
	CHECK(!http_if_range_ok("yesterday", etag, 1700000000));
}

static int vtt_ok(const char *s, const char **why)
{
	struct vtt_result r;
	int rc = vtt_check(s, strlen(s), &r);
	*why = r.error;
	return rc == 0;
}

TEST(vtt_valid_files)
{
	const char *why;
	CHECK(vtt_ok("WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào\n", &why));
	CHECK(vtt_ok("\xEF\xBB\xBFWEBVTT - Phụ đề\r\nKind: captions\r\n\r\nNOTE ghi chú\r\nhai dòng\r\n\r\n"
		     "1\r\n00:00:01.000 --> 00:00:04.000 line:0 align:start\r\n<v Chủ tịch>Kính thưa\r\nđồng bào\r\n"
		     "\r\n2\r\n00:00:04.000 --> 01:02:03.456\r\nHết\r\n", &why));
	CHECK(vtt_ok("WEBVTT\n\nSTYLE\n::cue { color: yellow }\n\n00:01.000 --> 00:02.000\na\n\n00:01.000 --> 00:03.000\nb", &why));
	struct vtt_result r;
	const char *two = "WEBVTT\n\n00:00.000 --> 00:01.000\nMột\n\n00:01.000 --> 00:02.500\nHai\n";
	CHECK(vtt_check(two, strlen(two), &r) == 0 && r.cues == 2 && r.last_end == 2500);
	const char *src = "WEBVTT\n\n00:00.000 --> 00:01.000\n<v An>Xin &amp; chào</v>\nbạn\n\n00:01.000 --> 00:02.000\nHết\n";
	char *t = vtt_text(src, strlen(src));
	CHECK_STR(t, "Xin & chào bạn\nHết\n");
	free(t);
}

TEST(vtt_refused_files)
{
	const char *why = NULL;
	CHECK(!vtt_ok("", &why) && strcmp(why, "vtt_signature") == 0);
	CHECK(!vtt_ok("WEBVTTX\n\n00:00.000 --> 00:01.000\na\n", &why) && strcmp(why, "vtt_signature") == 0);
	CHECK(!vtt_ok("1\n00:00:00,000 --> 00:00:01,000\nSRT\n", &why) && strcmp(why, "vtt_signature") == 0);
	CHECK(!vtt_ok("WEBVTT\n\n00:00,000 --> 00:01,000\na\n", &why) && strcmp(why, "vtt_timing") == 0);
	CHECK(!vtt_ok("WEBVTT\n\n00:61.000 --> 00:62.000\na\n", &why) && strcmp(why, "vtt_timing") == 0);
	CHECK(!vtt_ok("WEBVTT\n\n0:01.000 --> 00:02.000\na\n", &why) && strcmp(why, "vtt_timing") == 0);
	CHECK(!vtt_ok("WEBVTT\n\n00:01.000-->00:02.000\na\n", &why) && strcmp(why, "vtt_timing") == 0);
	CHECK(!vtt_ok("WEBVTT\n\n00:02.000 --> 00:01.000\na\n", &why) && strcmp(why, "vtt_end_before_start") == 0);
	CHECK(!vtt_ok("WEBVTT\n\n00:05.000 --> 00:06.000\na\n\n00:01.000 --> 00:02.000\nb\n", &why) &&
	      strcmp(why, "vtt_order") == 0);
	CHECK(!vtt_ok("WEBVTT\n\nNOTE only a note\n", &why) && strcmp(why, "vtt_no_cues") == 0);
	CHECK(!vtt_ok("WEBVTT\n\n00:00.000 --> 00:01.000\na\n00:01.000 --> 00:02.000\nb\n", &why) &&
	      strcmp(why, "vtt_timing") == 0);
	CHECK(!vtt_ok("WEBVTT\n\nid only\n", &why) && strcmp(why, "vtt_timing") == 0);
	CHECK(!vtt_ok("WEBVTT\n\n00:00.000 --> 00:01.000\n\xff\n", &why) && strcmp(why, "vtt_encoding") == 0);
	struct vtt_result r;
	const char *bad = "WEBVTT\n\n00:00.000 --> 00:01.000\na\n\n00:01.000 --> 00:00.500\nb\n";
	CHECK(vtt_check(bad, strlen(bad), &r) == -1 && r.line == 6);
}

#include "model/embed.h"

static const char *frame_of(const char *url, const char *allowed, enum embed_rc *rc)
{
	static char buf[256];
	struct embed e;
	*rc = embed_resolve(url, allowed, &e);
	buf[0] = '\0';
	if (*rc == EMBED_OK) {
		snprintf(buf, sizeof(buf), "%s %s", e.frame, e.origin);
		embed_free(&e);
	}
	return buf;
}

TEST(embed_allow_list)
{
	enum embed_rc rc;
	const char *def = EMBED_HOSTS_DEFAULT;
	CHECK_STR(frame_of("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1", def, &rc),
		  "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ https://www.youtube-nocookie.com");
	CHECK_STR(frame_of("https://youtu.be/dQw4w9WgXcQ", "youtube.com youtu.be", &rc),
		  "https://www.youtube.com/embed/dQw4w9WgXcQ https://www.youtube.com");
	CHECK_STR(frame_of("https://vimeo.com/76979871", def, &rc), "https://player.vimeo.com/video/76979871 https://player.vimeo.com");
	CHECK_STR(frame_of("https://thvl.vn/video/ban-tin", "thvl.vn", &rc), "https://thvl.vn/video/ban-tin https://thvl.vn");
	frame_of("https://evil.example/watch?v=abc", def, &rc);
	CHECK(rc == EMBED_REFUSED);
	frame_of("https://youtube.com.evil.example/watch?v=abc", def, &rc);
	CHECK(rc == EMBED_REFUSED);
	frame_of("https://notyoutube.com/watch?v=abc", def, &rc);
	CHECK(rc == EMBED_REFUSED);
	frame_of("http://www.youtube.com/watch?v=abc", def, &rc);
	CHECK(rc == EMBED_INVALID);
	frame_of("https://user:pw@www.youtube.com/watch?v=abc", def, &rc);
	CHECK(rc == EMBED_INVALID);
	frame_of("https://www.youtube.com/watch?v=a%22b", def, &rc);
	CHECK(rc == EMBED_INVALID);
	frame_of("javascript:alert(1)", def, &rc);
	CHECK(rc == EMBED_INVALID);
	CHECK(embed_host_allowed("www.youtube.com", def) && !embed_host_allowed("youtube.co", def));
}

#include "model/banner.h"
#include "model/model.h"
#include "vn/calendar.h"
#include <jansson.h>

TEST(banner_window_in_vietnam_time)
{
	json_t *f = json_pack("{ssssssss}", "bat_dau", "2026-12-07", "gio_bat_dau", "07:30", "ket_thuc", "2026-12-08",
			      "gio_ket_thuc", "");
	int64_t a, b;
	CHECK(banner_window(f, &a, &b) == 0);
	/* 07:30 in Vietnam is 00:30 UTC; an empty end time is the end of the day (exclusive) */
	CHECK(a == 1796603400 && b == vn_time_of_days(vn_days_of_time(a) + 2));
	json_object_set_new(f, "gio_bat_dau", json_string("07:30:15"));
	CHECK(banner_window(f, &a, &b) == 0 && a == 1796603415);
	json_object_set_new(f, "gio_bat_dau", json_string("24:00"));
	CHECK(banner_window(f, &a, &b) == -1);
	json_decref(f);
}

TEST(banner_check_messages)
{
	static const char *const bad[][3] = {
		{ "7h", "", "banner_time" }, { "07:60", "", "banner_time" }, { "", "1:00", "banner_time" },
		{ "12:00", "11:59", "banner_end_before_start" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct errs e = { 0 };
		json_t *f = json_pack("{ssssssssss}", "bat_dau", "2026-12-07", "gio_bat_dau", bad[i][0], "ket_thuc",
				      "2026-12-07", "gio_ket_thuc", bad[i][1], "chu_quang_cao", "x");
		banner_check(NULL, f, &e);
		CHECK(e.n >= 1 && strcmp(e.e[0].key, bad[i][2]) == 0);
		json_decref(f);
	}
	struct errs e = { 0 };
	json_t *f = json_pack("{ssssss}", "bat_dau", "2026-12-07", "ket_thuc", "2026-12-07", "chu_quang_cao", "");
	banner_check(NULL, f, &e);
	CHECK(e.n == 1 && strcmp(e.e[0].key, "banner_needs_content") == 0);
	json_decref(f);
}
