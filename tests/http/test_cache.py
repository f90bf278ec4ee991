"""The page cache: public pages are served from memory (X-Cache: HIT), with ETag/304 and gzip,
and every change shows on the very next request — a publish, an edit of a published item, a
withdrawal, a menu (category) change, a change on a component site seen on the main portal — while
admin pages are never cached and a signed-in editor's session never leaks into a cached page."""
import gzip
import re
import uuid

from conglib import CongTest, module_fixture

setUpModule, tearDownModule = module_fixture()


def uniq(prefix):
    return "%s %s" % (prefix, uuid.uuid4().hex[:6].upper())


class Cache(CongTest):
    def setUp(self):
        self.snv = self.fx.admin("admin", "snv")
        if not hasattr(type(self.fx), "_cache_cat"):
            type(self.fx)._cache_cat = self.fx.category(self.snv, "Tin bộ nhớ đệm")
        self.cat, self.cat_path = type(self.fx)._cache_cat

    def warm(self, slug, path):
        c = self.fx.client(slug)
        c.get(path)
        r = c.get(path)
        self.assertEqual(r.header("X-Cache"), "HIT", "%s is not served from the cache" % path)
        return r

    def test_hit_etag_gzip(self):
        r = self.warm("snv", "/")
        etag = r.header("ETag")
        self.assertTrue(etag)
        r2 = self.fx.client("snv").get("/", headers={"If-None-Match": etag})
        self.assertEqual(r2.status, 304)
        r3 = self.fx.client("snv").get("/", headers={"Accept-Encoding": "gzip"})
        self.assertEqual(r3.header("Content-Encoding"), "gzip")
        self.assertEqual(gzip.decompress(r3.body), r.body, "the gzip form differs from the page")
        self.assertIn("Accept-Encoding", r.header("Vary") or "")
        self.assertIn("public", r.header("Cache-Control") or "")

    def test_publish_edit_withdraw_show_at_once(self):
        fx = self.fx
        self.warm("snv", "/")
        self.warm("snv", self.cat_path)
        self.warm(None, "/")
        title = uniq("Tin mới xuất bản")
        aid = fx.article(self.snv, title, category_id=self.cat, publish=True)
        self.assertIn_(title, fx.client("snv").get("/"), "a publish is not on the next request")
        self.assertIn_(title, fx.client("snv").get(self.cat_path), "the category page is stale")
        path = fx.public_path("snv", aid)
        self.warm("snv", path)
        # an approved change of the published item
        new_title = title + " (sửa)"
        r = self.snv.post("/quan-tri/bai-viet/%d" % aid, [("title", new_title), ("body", "Nội dung đã sửa."),
                                                        ("category_id", str(self.cat))], multipart_form=True)
        self.expect(r, 303)
        self.assertNotIn_("Nội dung đã sửa.", fx.client("snv").get(path), "an unapproved change is public")
        fx.publish(self.snv, aid)
        new_path = fx.public_path("snv", aid)
        self.assertIn_("Nội dung đã sửa.", fx.client("snv").get(new_path), "the approved change is not shown")
        # shared up: the main portal's cached home shows it at once
        self.warm(None, "/")
        fx.share(self.snv, aid)
        self.assertIn_(new_title, fx.client().get("/"), "the main portal's home is stale")
        # withdrawal
        fx.act(self.snv, aid, "withdraw", comment="Gỡ để kiểm tra bộ nhớ đệm")
        self.assertEqual(fx.client("snv").get(new_path).status, 410)
        self.assertNotIn_(new_title, fx.client("snv").get("/"), "a withdrawn item is still on the cached home")
        self.assertNotIn_(new_title, fx.client().get("/"), "a withdrawn item is still on the main portal")

    def test_menu_change_shows_at_once(self):
        self.warm("snv", "/")
        name = uniq("Mục mới")
        self.fx.category(self.snv, name)
        self.assertIn_(name, self.fx.client("snv").get("/"), "a new menu entry is not on the next request")

    def test_a_new_site_shows_on_the_main_and_parent_homes_at_once(self):
        from conglib import cong
        self.warm(None, "/")
        self.warm("longho", "/")
        name = uniq("Xã Thử Nghiệm")
        cong("site", "add", "--data", self.fx.data, "--name", name, "--parent", "longho")
        self.assertIn_(name, self.fx.client(None).get("/"), "a new site is not on the main home's next answer")
        self.assertIn_(name, self.fx.client("longho").get("/"), "a new commune is not on its district's next answer")

    def test_admin_never_cached_and_no_leak(self):
        c = self.fx.admin("admin", "snv")
        for _ in range(2):
            r = c.get("/quan-tri/")
            self.assertIsNone(r.header("X-Cache"), "an admin page went through the cache")
            self.assertEqual(r.header("Cache-Control"), "no-store")
        # a signed-in editor reads public pages like anyone: nothing of theirs in them
        r = c.get("/")
        r2 = self.fx.client("snv").get("/")
        for page in (r, r2):
            self.assertNotIn_("Đăng xuất", page, "a session's chrome in a public page")
            self.assertNotIn_("cong_sid", page)
        self.assertIsNone(r2.header("Set-Cookie"), "a cached public page sets a cookie")

    def test_no_poisoning_through_the_port(self):
        fx = self.fx
        port = fx.port
        # a request naming another port in Host must not fill the cache for the real one
        fx.client("snv").get("/", host="snv.example.gov.vn:1")
        r = fx.client("snv").get("/")
        self.assertNotIn_("snv.example.gov.vn:1/", r, "a page cached for another Host port was served")
        self.assertIn_("snv.example.gov.vn:%d/" % port, r, "the page does not link with its own port")
