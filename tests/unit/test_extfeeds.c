/* test_extfeeds.c — the feed parser (render/feedparse.h) on good RSS 2.0, RSS 1.0, Atom and JSON
 * Feed samples and on hostile ones (billion laughs, XXE, entity blow-up, malformed, an HTML page,
 * 5 MB); the register of external sites (model/extfeeds.h): who may change it, its refusals,
 * the items stored, deduplicated, updated and bounded. The pulls over HTTP are in
 * tests/http/test_extfeeds.py. */
#include "t.h"
#include "tdb.h"
#include "render/feedparse.h"
#include "model/extfeeds.h"
#include "model/model.h"
#include "db/db.h"
#include "base/sb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum feed_error parse(const char *s, struct feed *f)
{
	char detail[256];
	return feed_parse(s, strlen(s), "https://xa-an-binh.example.vn/rss/tin.xml", f, detail, sizeof(detail));
}

static const char RSS[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
	" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n"
	"<channel><title>Xã An Bình</title><link>https://xa-an-binh.example.vn/</link>\n"
	"<item><title>Họp dân về  đường\n liên ấp</title><link>/tin/hop-dan-1.html</link>"
	"<guid isPermaLink=\"false\">tin-1</guid><pubDate>Tue, 01 Dec 2026 10:00:00 +0700</pubDate>"
	"<description>&lt;p&gt;Chiều nay &lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;UBND xã&lt;/b&gt; họp dân.&lt;/p&gt;"
	"</description><dc:creator>Văn phòng UBND xã</dc:creator>"
	"<enclosure url=\"https://xa-an-binh.example.vn/anh/1.jpg\" type=\"image/jpeg\" length=\"1\"/></item>\n"
	"<item><title><![CDATA[Lịch tiếp dân <tháng 12>]]></title><link>https://xa-an-binh.example.vn/tin/2</link>"
	"<content:encoded><![CDATA[<p>Lịch <em>tiếp dân</em></p>]]></content:encoded></item>\n"
	"<item><title>Liên kết javascript</title><link>javascript:alert(1)</link></item>\n"
	"<item><title>Bản trùng</title><link>https://xa-an-binh.example.vn/tin/2</link></item>\n"
	"</channel></rss>\n";

TEST(extfeeds_parse_rss)
{
	struct feed f;
	if (!CHECK(parse(RSS, &f) == FEED_OK))
		return;
	CHECK_STR(f.format, "rss");
	CHECK_STR(f.title, "Xã An Bình");
	/* the javascript: link is dropped, the second item's repeat (same link, no guid) too */
	if (!CHECK(f.nitems == 2))
		goto out;
	struct feed_item *a = &f.items[0], *b = &f.items[1];
	CHECK_STR(a->title, "Họp dân về đường liên ấp");
	CHECK_STR(a->link, "https://xa-an-binh.example.vn/tin/hop-dan-1.html");
	CHECK_STR(a->guid, "tin-1");
	CHECK(a->published == 1796094000); /* 2026-12-01 03:00 UTC */
	CHECK_STR(a->summary, "Chiều nay UBND xã họp dân.");
	CHECK(!strstr(a->summary, "alert"));
	CHECK_STR(a->author, "Văn phòng UBND xã");
	CHECK_STR(a->image, "https://xa-an-binh.example.vn/anh/1.jpg");
	CHECK_STR(b->title, "Lịch tiếp dân <tháng 12>"); /* a CDATA title's text, not markup */
	CHECK_STR(b->guid, "https://xa-an-binh.example.vn/tin/2");
	CHECK_STR(b->summary, "Lịch tiếp dân");
	CHECK(b->published == 0);
out:
	feed_release(&f);
}

TEST(extfeeds_parse_atom_and_rdf)
{
	static const char atom[] =
		"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title type=\"text\">Phường 1</title>"
		"<entry><title type=\"html\">Tin &lt;em&gt;mới&lt;/em&gt;</title><id>urn:uuid:1</id>"
		"<link rel=\"alternate\" href=\"https://p1.example.vn/a\"/><link rel=\"edit\" href=\"https://p1.example.vn/e\"/>"
		"<updated>2026-12-02T08:30:00+07:00</updated><author><name>Phòng Văn hoá</name></author>"
		"<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Nội <strong>dung</strong></p>"
		"<script>x()</script></div></content></entry>"
		"<entry><title>Không có liên kết</title><id>urn:uuid:2</id></entry></feed>";
	struct feed f;
	if (!CHECK(parse(atom, &f) == FEED_OK))
		return;
	CHECK_STR(f.format, "atom");
	CHECK_STR(f.title, "Phường 1");
	if (CHECK(f.nitems == 1)) {
		CHECK_STR(f.items[0].title, "Tin mới");
		CHECK_STR(f.items[0].link, "https://p1.example.vn/a");
		CHECK_STR(f.items[0].guid, "urn:uuid:1");
		CHECK(f.items[0].published == 1796175000); /* 2026-12-02 01:30 UTC */
		CHECK_STR(f.items[0].author, "Phòng Văn hoá");
		CHECK_STR(f.items[0].summary, "Nội dung");
	}
	feed_release(&f);
	static const char rdf[] =
		"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
		"<channel><title>RDF</title></channel><item rdf:about=\"https://r.example.vn/1\"><title>Một</title>"
		"<link>https://r.example.vn/1</link></item></rdf:RDF>";
	if (CHECK(parse(rdf, &f) == FEED_OK) && CHECK(f.nitems == 1)) {
		CHECK_STR(f.format, "rdf");
		CHECK_STR(f.items[0].guid, "https://r.example.vn/1");
	}
	feed_release(&f);
}

TEST(extfeeds_parse_json_feed)
{
	static const char js[] =
		"{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Huyện Châu Thành\", \"items\": ["
		"{\"id\": \"a1\", \"url\": \"https://ct.example.vn/a1\", \"title\": \"Tin một\","
		" \"content_html\": \"<p>Xin <img src=x onerror=alert(1)>chào</p>\", \"date_published\": \"2026-12-03T00:00:00Z\","
		" \"authors\": [{\"name\": \"Ban biên tập\"}], \"image\": \"https://ct.example.vn/1.png\"},"
		"{\"id\": 7, \"url\": \"https://ct.example.vn/7\", \"content_text\": \"Một bài không có tiêu đề\"},"
		"{\"id\": \"x\", \"url\": \"data:text/html,hi\", \"title\": \"Bỏ\"}, 5]}";
	struct feed f;
	if (!CHECK(parse(js, &f) == FEED_OK))
		return;
	CHECK_STR(f.format, "json");
	CHECK_STR(f.title, "Huyện Châu Thành");
	if (CHECK(f.nitems == 2)) {
		CHECK_STR(f.items[0].summary, "Xin chào");
		CHECK(f.items[0].published == 1796256000);
		CHECK_STR(f.items[0].author, "Ban biên tập");
		CHECK_STR(f.items[0].image, "https://ct.example.vn/1.png");
		CHECK_STR(f.items[1].guid, "7");
		CHECK_STR(f.items[1].title, "Một bài không có tiêu đề"); /* no title: its first words */
	}
	feed_release(&f);
	CHECK(parse("{\"version\": \"1\", \"items\": []}", &f) == FEED_ERR_NOT_FEED);
	CHECK(parse("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [", &f) == FEED_ERR_JSON);
	CHECK(parse("{\"a\": 1, \"a\": 2}", &f) == FEED_ERR_JSON);
}

TEST(extfeeds_parse_refuses_billion_laughs)
{
	struct sb b = SB_INIT;
	sb_adds(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
	for (int i = 1; i <= 9; i++) {
		sb_addf(&b, "<!ENTITY lol%d \"", i);
		for (int k = 0; k < 10; k++)
			sb_addf(&b, i == 1 ? "&lol;" : "&lol%d;", i - 1);
		sb_adds(&b, "\">\n");
	}
	sb_adds(&b, "]>\n<rss version=\"2.0\"><channel><title>x</title><item><title>&lol9;</title>"
		    "<link>https://a.example.vn/</link></item></channel></rss>");
	struct feed f;
	char detail[256];
	CHECK(feed_parse(b.buf, b.len, NULL, &f, detail, sizeof(detail)) == FEED_ERR_ENTITIES);
	CHECK(f.nitems == 0 && f.items == NULL);
	sb_release(&b);
	/* one big entity used many times (quadratic blow-up): no loop, but declared entities */
	sb_adds(&b, "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"");
	for (int i = 0; i < 20000; i++)
		sb_adds(&b, "aaaaa");
	sb_adds(&b, "\">]><rss version=\"2.0\"><channel><item><title>");
	for (int i = 0; i < 2000; i++)
		sb_adds(&b, "&a;");
	sb_adds(&b, "</title><link>https://a.example.vn/</link></item></channel></rss>");
	CHECK(feed_parse(b.buf, b.len, NULL, &f, detail, sizeof(detail)) == FEED_ERR_ENTITIES);
	sb_release(&b);
}

TEST(extfeeds_parse_refuses_external_entities)
{
	static const char xxe[] =
		"<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"
		"<!ENTITY % p SYSTEM \"file:///etc/passwd\">]>\n"
		"<rss version=\"2.0\"><channel><title>&xxe;</title><item><title>&xxe;</title>"
		"<link>https://a.example.vn/</link><description>&xxe;</description></item></channel></rss>";
	struct feed f;
	CHECK(parse(xxe, &f) == FEED_ERR_ENTITIES);
	/* even were it read: nothing of the file in any text */
	for (size_t i = 0; i < f.nitems; i++)
		CHECK(!strstr(f.items[i].title, "root:") && !strstr(f.items[i].summary, "root:"));
	feed_release(&f);
	static const char dtd[] = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"http://127.0.0.1:1/evil.dtd\">\n"
				  "<rss version=\"2.0\"><channel><item><title>&xxe;</title>"
				  "<link>https://a.example.vn/</link></item></channel></rss>";
	/* the DTD is not loaded: &xxe; stays an unknown reference, whose text is nothing (the item,
	 * left without a title, is dropped) */
	enum feed_error rc = parse(dtd, &f);
	CHECK(rc == FEED_OK || rc == FEED_ERR_XML);
	CHECK(f.nitems == 0);
	feed_release(&f);
}

TEST(extfeeds_parse_refuses_malformed_and_wrong_content)
{
	struct feed f;
	char detail[256];
	CHECK(parse("<rss version=\"2.0\"><channel><item><title>x</item></channel></rss>", &f) == FEED_ERR_XML);
	CHECK(feed_parse("<rss><channel><title>x</title>", 31, NULL, &f, detail, sizeof(detail)) == FEED_ERR_XML);
	CHECK(strstr(detail, "line") != NULL);
	CHECK(parse("<!DOCTYPE html><html><head><title>Trang chủ</title></head><body><p>Xin chào<br></body></html>", &f) ==
	      FEED_ERR_XML);
	CHECK(parse("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", &f) == FEED_ERR_NOT_FEED);
	CHECK(parse("<feed><entry/></feed>", &f) == FEED_ERR_NOT_FEED); /* not Atom's namespace */
	CHECK(parse("PNG\x89 binary", &f) == FEED_ERR_NOT_FEED);
	CHECK(parse("", &f) == FEED_ERR_NOT_FEED);
	CHECK(parse("<rss version=\"2.0\"><channel><title>Tr\xff\xfe</title></channel></rss>", &f) == FEED_ERR_XML);
	CHECK(f.items == NULL && f.nitems == 0);
	/* an empty channel is a good feed with no item */
	CHECK(parse("<rss version=\"2.0\"><channel><title>Trống</title></channel></rss>", &f) == FEED_OK);
	CHECK(f.nitems == 0);
	feed_release(&f);
}

TEST(extfeeds_parse_refuses_5mb_and_bounds_items)
{
	size_t n = 5 * 1024 * 1024;
	char *big = malloc(n);
	if (!CHECK(big != NULL))
		return;
	memset(big, ' ', n);
	memcpy(big, "<rss>", 5);
	struct feed f;
	char detail[256];
	CHECK(feed_parse(big, n, NULL, &f, detail, sizeof(detail)) == FEED_ERR_SIZE);
	free(big);
	/* 300 items: the first FEED_MAX_ITEMS are read */
	struct sb b = SB_INIT;
	sb_adds(&b, "<rss version=\"2.0\"><channel>");
	for (int i = 0; i < 300; i++)
		sb_addf(&b, "<item><title>Tin %d</title><link>https://a.example.vn/%d</link></item>", i, i);
	sb_adds(&b, "</channel></rss>");
	if (CHECK(feed_parse(b.buf, b.len, NULL, &f, detail, sizeof(detail)) == FEED_OK)) {
		CHECK(f.nitems == FEED_MAX_ITEMS);
		CHECK_STR(f.items[0].title, "Tin 0");
	}
	feed_release(&f);
	sb_release(&b);
	/* a long title is cut */
	sb_adds(&b, "<rss version=\"2.0\"><channel><item><title>");
	for (int i = 0; i < 500; i++)
		sb_adds(&b, "ờ ");
	sb_adds(&b, "</title><link>https://a.example.vn/</link></item></channel></rss>");
	if (CHECK(feed_parse(b.buf, b.len, NULL, &f, detail, sizeof(detail)) == FEED_OK) && CHECK(f.nitems == 1))
		CHECK(strlen(f.items[0].title) < 2 * 3 * FEED_TITLE_MAX);
	feed_release(&f);
	sb_release(&b);
}

TEST(extfeeds_dates)
{
	int64_t t;
	CHECK(feed_parse_date("Tue, 01 Dec 2026 10:00:00 +0700", &t) == 0 && t == 1796094000);
	CHECK(feed_parse_date("2026-12-01T03:00:00Z", &t) == 0 && t == 1796094000);
	CHECK(feed_parse_date("2026-12-01T10:00:00.123+07:00", &t) == 0 && t == 1796094000);
	CHECK(feed_parse_date("2026-12-01", &t) == 0 && t == 1796083200);
	CHECK(feed_parse_date("hôm qua", &t) != 0);
	CHECK(feed_parse_date("2026-13-01T00:00:00Z", &t) != 0);
	CHECK(feed_parse_date("", &t) != 0);
}

/* ---- the register ---- */

static int64_t t_items(struct db *db, int64_t id)
{
	int64_t n = -1;
	struct db_stmt *st = db_stmt(db, "SELECT COUNT(*) FROM ext_items WHERE ext_site_id = ?");
	db_bind_int(st, 1, id);
	db_one_int(st, &n);
	return n;
}

TEST(extfeeds_register_rules_and_storage)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db != NULL))
		return;
	char main_slug[64];
	int64_t main_id = t_add_site(db, "Cổng tỉnh", "main", main_slug);
	int64_t dept = t_add_site(db, "Sở Nội vụ", "department", NULL);
	struct errs e = { 0 };
	int64_t uid = 0, id = 0;
	CHECK(user_add(db, "btv.chinh", "Biên tập", "editor", main_slug, "Mot-Mat-Khau-Rat-Dai-2026", &e, &uid) == M_OK);
	struct actor admin = { 0, 1, "test" }, editor = { uid, 0, "test" };
	char unit[32];
	snprintf(unit, sizeof(unit), "%lld", (long long)dept);
	struct extsite_input in = { "Trang xã An Bình", unit, "https://xa-an-binh.example.vn/",
				    "https://xa-an-binh.example.vn/rss.xml", NULL };
	CHECK(extsite_add(db, &editor, &in, 1000, &e, &id) == M_DENIED);
	CHECK(extsites_list(db, &editor) == NULL);
	CHECK(extsite_add(db, &admin, &in, 1000, &e, &id) == M_OK && id > 0);
	/* refusals, each on its field */
	struct extsite_input bad = { "", "999999", "ftp://x.example.vn/", "https://u:p@x.example.vn/rss", NULL };
	e.n = 0;
	CHECK(extsite_add(db, &admin, &bad, 1000, &e, &id) == M_INVALID);
	CHECK(e.n == 4);
	CHECK_STR(e.e[0].field, "name");
	CHECK_STR(e.e[1].field, "home_url");
	CHECK_STR(e.e[1].key, "extfeed_url_invalid");
	CHECK_STR(e.e[2].field, "feed_url");
	CHECK_STR(e.e[2].key, "extfeed_url_credentials");
	CHECK_STR(e.e[3].key, "extfeed_unit_invalid");
	e.n = 0;
	int64_t id2 = 0;
	CHECK(extsite_add(db, &admin, &in, 1000, &e, &id2) == M_INVALID); /* the same feed twice */
	CHECK(e.n == 1 && strcmp(e.e[0].key, "extfeed_feed_taken") == 0);
	json_t *list = extsites_list(db, &admin);
	CHECK(json_array_size(list) == 1);
	CHECK_STR(json_string_value(json_object_get(json_array_get(list, 0), "unit_name")), "Sở Nội vụ");
	json_decref(list);
	/* a new site is due at once; pulled well, it is not due again before the interval */
	struct extfeed_opts o = { .interval = 1800, .keep = 3 };
	CHECK(extfeeds_due(db, &o, 1000) == 1);

	struct feed f;
	if (!CHECK(parse(RSS, &f) == FEED_OK))
		return;
	int changed = -1;
	int64_t gen0 = cache_generation(db, main_id, NULL);
	CHECK(extfeed_store(db, id, &f, 3, 2000000000, &changed) == M_OK);
	CHECK(changed == 2);
	CHECK(t_items(db, id) == 2);
	CHECK(cache_generation(db, main_id, NULL) > gen0); /* the main portal's pages renewed */
	CHECK(extfeeds_due(db, &o, 2000000000 + 60) == 0);
	CHECK(extfeeds_due(db, &o, 2000000000 + 1801) == 1);
	/* the same feed again: nothing changes, nothing is renewed */
	int64_t gen1 = cache_generation(db, main_id, NULL);
	CHECK(extfeed_store(db, id, &f, 3, 2000000100, &changed) == M_OK);
	CHECK(changed == 0);
	CHECK(cache_generation(db, main_id, NULL) == gen1);
	/* a changed title updates its row, by guid */
	free(f.items[0].title);
	f.items[0].title = strdup("Họp dân (cập nhật)");
	CHECK(extfeed_store(db, id, &f, 3, 2000000200, &changed) == M_OK);
	CHECK(changed == 1);
	json_t *pub = extfeed_items_public(db, 10, 0, NULL);
	int found = 0;
	size_t i;
	json_t *row;
	json_array_foreach(pub, i, row) {
		found += strcmp(json_string_value(json_object_get(row, "title")), "Họp dân (cập nhật)") == 0;
		CHECK_STR(json_string_value(json_object_get(row, "source")), "Trang xã An Bình");
	}
	CHECK(found == 1);
	json_decref(pub);
	feed_release(&f);
	/* more items than kept: the newest KEEP stay */
	struct sb b = SB_INIT;
	sb_adds(&b, "<rss version=\"2.0\"><channel>");
	for (int k = 1; k <= 6; k++)
		sb_addf(&b, "<item><title>Tin %d</title><link>https://xa-an-binh.example.vn/n%d</link>"
			    "<pubDate>Mon, 0%d Jan 2035 10:00:00 +0000</pubDate></item>", k, k, k);
	sb_adds(&b, "</channel></rss>");
	char detail[256];
	if (CHECK(feed_parse(b.buf, b.len, NULL, &f, detail, sizeof(detail)) == FEED_OK)) {
		CHECK(extfeed_store(db, id, &f, 3, 2100000000, &changed) == M_OK);
		CHECK(t_items(db, id) == 3);
		pub = extfeed_items_public(db, 10, 0, NULL);
		CHECK_STR(json_string_value(json_object_get(json_array_get(pub, 0), "title")), "Tin 6");
		CHECK_STR(json_string_value(json_object_get(json_array_get(pub, 2), "title")), "Tin 4");
		json_decref(pub);
	}
	feed_release(&f);
	sb_release(&b);
	/* changing, asking for a pull, removing: audited; removing takes the items */
	e.n = 0;
	in.name = "Trang xã An Bình (mới)";
	CHECK(extsite_update(db, &admin, id, &in, 3000, &e) == M_OK);
	CHECK(extsite_update(db, &admin, id + 100, &in, 3000, &e) == M_NOTFOUND);
	CHECK(extsite_pull_request(db, &editor, id) == M_DENIED);
	CHECK(extsite_pull_request(db, &admin, id) == M_OK);
	CHECK(extfeeds_due(db, &o, 2100000001) == 1);
	CHECK(extsite_delete(db, &admin, id) == M_OK);
	CHECK(t_items(db, id) == 0);
	CHECK(extsite_delete(db, &admin, id) == M_NOTFOUND);
	int64_t naudit = 0;
	db_one_int(db_stmt(db, "SELECT COUNT(*) FROM audit WHERE action LIKE 'ext_site.%'"), &naudit);
	CHECK(naudit == 4);
	db_close(db);
}

/* A member site's own interval (migration 0043): checked, kept, and it decides when that site is
 * due; a site without one follows the installation's. */
TEST(extfeeds_per_site_interval)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db != NULL))
		return;
	t_add_site(db, "Cổng tỉnh", "main", NULL);
	struct actor admin = { 0, 1, "test" };
	struct errs e = { 0 };
	int64_t hourly = 0, dflt = 0, x = 0;
	struct extsite_input in = { "Trang xã Tân Hoà", "", "https://tan-hoa.example.vn/", "https://tan-hoa.example.vn/rss",
				    "4" };
	CHECK(extsite_add(db, &admin, &in, 1000, &e, &x) == M_INVALID); /* below the least */
	CHECK(e.n == 1 && strcmp(e.e[0].field, "interval") == 0 && strcmp(e.e[0].key, "extfeed_interval_invalid") == 0);
	e.n = 0;
	in.interval = "mỗi giờ";
	CHECK(extsite_add(db, &admin, &in, 1000, &e, &x) == M_INVALID && e.n == 1);
	e.n = 0;
	in.interval = "10081";
	CHECK(extsite_add(db, &admin, &in, 1000, &e, &x) == M_INVALID && e.n == 1);
	e.n = 0;
	in.interval = "60";
	CHECK(extsite_add(db, &admin, &in, 1000, &e, &hourly) == M_OK);
	struct extsite_input other = { "Trang xã Long Phú", "", "https://long-phu.example.vn/",
				       "https://long-phu.example.vn/rss", "" };
	CHECK(extsite_add(db, &admin, &other, 1000, &e, &dflt) == M_OK);
	json_t *row = extsite_get(db, &admin, hourly);
	CHECK(json_integer_value(json_object_get(row, "interval_minutes")) == 60);
	json_decref(row);
	row = extsite_get(db, &admin, dflt);
	CHECK(row && json_is_null(json_object_get(row, "interval_minutes")));
	json_decref(row);

	/* both pulled at 2,000,000,000; the installation's interval is 30 minutes */
	struct feed f = { 0 };
	int changed;
	CHECK(extfeed_store(db, hourly, &f, 3, 2000000000, &changed) == M_OK);
	CHECK(extfeed_store(db, dflt, &f, 3, 2000000000, &changed) == M_OK);
	struct extfeed_opts o = { .interval = 1800, .keep = 3 };
	CHECK(extfeeds_due(db, &o, 2000000000 + 1799) == 0);
	CHECK(extfeeds_due(db, &o, 2000000000 + 1800) == 1); /* the one on the default */
	CHECK(extfeed_store(db, dflt, &f, 3, 2000000000 + 1800, &changed) == M_OK);
	CHECK(extfeeds_due(db, &o, 2000000000 + 3599) == 0); /* the hourly one waits its hour */
	CHECK(extfeeds_due(db, &o, 2000000000 + 3600) == 1);

	/* changed back to the installation's */
	in.interval = NULL;
	CHECK(extsite_update(db, &admin, hourly, &in, 3000, &e) == M_OK);
	CHECK(extfeeds_due(db, &o, 2000000000 + 1800) == 1);
	db_close(db);
}
