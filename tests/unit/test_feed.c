/* test_feed.c — the RSS 2.0 and Atom writer (render/feed.c): documents a strict XML parser
 * (libxml2's) reads without an error whatever the text, the elements readers look for, dates in
 * RFC 822 and RFC 3339 in Vietnam time, plain-text summaries that inject no markup. */
#include "t.h"
#include "base/sb.h"
#include "render/feed.h"

#include <libxml/parser.h>
#include <string.h>

/* 1 when DOC is well-formed XML 1.0 (no error, no warning, no recovery). */
static int well_formed(const struct sb *doc)
{
	xmlDocPtr d = xmlReadMemory(doc->buf, (int)doc->len, "feed.xml", "UTF-8",
				    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	int ok = d != NULL;
	xmlFreeDoc(d);
	return ok;
}

static const struct feed_entry entries[] = {
	{ .title = "Giá <5 & \"mới\" 'nhất'\x01\x1f hết", .link = "http://snv.example.gov.vn/tin/gia-moi-12",
	  .id = "tag:example.gov.vn,2026-01-02:item-12", .summary = "Tóm tắt <b>đậm</b> &amp; \x02hết",
	  .author = "Phòng Tổ chức", .category = "Tin & sự kiện", .published = 1767200000, .updated = 1767290000,
	  .enclosure_url = "http://snv.example.gov.vn/media/ab.png", .enclosure_type = "image/png",
	  .enclosure_length = 1234 },
	{ .title = "Không có tóm tắt", .link = "http://snv.example.gov.vn/van-ban/x-7",
	  .id = "tag:example.gov.vn,2026-01-01:item-7", .published = 1767100000, .updated = 0 },
};

static const struct feed feed = {
	.title = "Sở Nội vụ", .description = "Thông tin mới nhất của Sở Nội vụ",
	.link = "http://snv.example.gov.vn/", .self = "http://snv.example.gov.vn/rss.xml",
	.publisher = "Sở Nội vụ", .language = "vi", .updated = 1767290000, .entries = entries, .nentries = 2,
};

TEST(feed_rss_is_well_formed_and_complete)
{
	struct sb b = SB_INIT;
	feed_write(&b, FEED_RSS, &feed);
	CHECK(well_formed(&b));
	CHECK(strstr(b.buf, "<rss version=\"2.0\"") != NULL);
	CHECK(strstr(b.buf, "<atom:link href=\"http://snv.example.gov.vn/rss.xml\" rel=\"self\" type=\"application/rss+xml\"/>"));
	CHECK(strstr(b.buf, "<language>vi</language>"));
	CHECK(strstr(b.buf, "<lastBuildDate>Fri, 2 Jan 2026 00:53:20 +0700</lastBuildDate>"));
	CHECK(strstr(b.buf, "<title>Giá &lt;5 &amp; &quot;mới&quot; &apos;nhất&apos; hết</title>"));
	CHECK(strstr(b.buf, "<guid isPermaLink=\"false\">tag:example.gov.vn,2026-01-02:item-12</guid>"));
	CHECK(strstr(b.buf, "<pubDate>Wed, 31 Dec 2025 23:53:20 +0700</pubDate>"));
	/* the summary is text: escaped for HTML, then for XML (a reader's HTML shows "<b>") */
	CHECK(strstr(b.buf, "<description>Tóm tắt &amp;lt;b&amp;gt;đậm&amp;lt;/b&amp;gt; &amp;amp;amp; hết</description>"));
	CHECK(strstr(b.buf, "<dc:creator>Phòng Tổ chức</dc:creator>"));
	CHECK(strstr(b.buf, "<category>Tin &amp; sự kiện</category>"));
	CHECK(strstr(b.buf, "<enclosure url=\"http://snv.example.gov.vn/media/ab.png\" length=\"1234\" type=\"image/png\"/>"));
	/* an entry without summary, author or cover has none of them */
	const char *second = strstr(b.buf, "<title>Không có tóm tắt</title>");
	CHECK(second && !strstr(second, "<description>") && !strstr(second, "<enclosure") && !strstr(second, "dc:creator"));
	CHECK(!memchr(b.buf, '\x01', b.len) && !memchr(b.buf, '\x02', b.len) && !memchr(b.buf, '\x1f', b.len));
	sb_release(&b);
}

TEST(feed_atom_is_well_formed_and_complete)
{
	struct sb b = SB_INIT;
	feed_write(&b, FEED_ATOM, &feed);
	CHECK(well_formed(&b));
	CHECK(strstr(b.buf, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">"));
	CHECK(strstr(b.buf, "<id>http://snv.example.gov.vn/rss.xml</id>"));
	CHECK(strstr(b.buf, "<updated>2026-01-02T00:53:20+07:00</updated>"));
	CHECK(strstr(b.buf, "<author>\n<name>Sở Nội vụ</name>"));
	CHECK(strstr(b.buf, "<title type=\"text\">Giá &lt;5 &amp; &quot;mới&quot; &apos;nhất&apos; hết</title>"));
	CHECK(strstr(b.buf, "<published>2025-12-31T23:53:20+07:00</published>\n<updated>2026-01-02T00:53:20+07:00</updated>"));
	CHECK(strstr(b.buf, "<summary type=\"text\">Tóm tắt &lt;b&gt;đậm&lt;/b&gt; &amp;amp; hết</summary>"));
	CHECK(strstr(b.buf, "<link rel=\"enclosure\" type=\"image/png\" length=\"1234\" href=\"http://snv.example.gov.vn/media/ab.png\"/>"));
	/* an entry never updated: its update is its publication */
	CHECK(strstr(b.buf, "<published>2025-12-30T20:06:40+07:00</published>\n<updated>2025-12-30T20:06:40+07:00</updated>"));
	sb_release(&b);
}

TEST(feed_without_entries_is_valid)
{
	struct feed f = feed;
	f.entries = NULL;
	f.nentries = 0;
	for (int fmt = FEED_RSS; fmt <= FEED_ATOM; fmt++) {
		struct sb b = SB_INIT;
		feed_write(&b, (enum feed_format)fmt, &f);
		CHECK(well_formed(&b));
		CHECK(!strstr(b.buf, "<item>") && !strstr(b.buf, "<entry>"));
		sb_release(&b);
	}
}
