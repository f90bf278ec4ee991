"""Publishing: where a published article appears (its site's home and category, the main
portal's component news) and where it must not (drafts, other sites); unpublishing; the 301s
of a changed slug; the print view; source attribution; the cover image."""
import re
import threading
import urllib.parse
import uuid

from conglib import (BASE, Client, CongTest, module_fixture, png, sha256, squash, text_of)

setUpModule, tearDownModule = module_fixture()


def uniq(prefix):
    return "%s %s" % (prefix, uuid.uuid4().hex[:6].upper())


class Base(CongTest):
    def setUp(self):
        self.snv = self.fx.admin("duyet", "snv")
        if not hasattr(type(self.fx), "_pub_cat"):
            type(self.fx)._pub_cat = self.fx.category(self.snv, "Tin hoạt động")
        self.cat_id, self.cat_path = type(self.fx)._pub_cat


class Publishing(Base):
    def places(self):
        """Pages an article of snv may show up on: (label, client, path)."""
        fx = self.fx
        return [("snv home", fx.client("snv"), "/"), ("snv category", fx.client("snv"), self.cat_path),
                ("main portal home", fx.client(), "/"), ("longho home", fx.client("longho"), "/"),
                ("chauthanh home", fx.client("chauthanh"), "/"), ("stc home", fx.client("stc"), "/")]

    def test_draft_publish_unpublish(self):
        fx = self.fx
        title = uniq("Hội nghị triển khai nhiệm vụ")
        aid = fx.article(self.snv, title, summary="Tóm tắt hội nghị.", category_id=self.cat_id)
        # a draft: nowhere, and its URL is a 404
        for label, c, path in self.places():
            r = self.page(c, path)
            self.assertNotIn_(title, r, "a draft shows on " + label)
        r = self.page(fx.client("snv"), "/tin/x-%d" % aid, 404)
        self.assertNotIn_(title, r, "the 404 of a draft")
        # publish
        fx.act(self.snv, aid, "submit")
        fx.act(self.snv, aid, "edited")
        r = fx.act(self.snv, aid, "publish")
        self.assertEqual(r.location_path, "/quan-tri/bai-viet/%d?da-chuyen=1" % aid)
        fx.share(self.snv, aid)  # the main portal's board accepts it for its component news
        path = fx.public_path("snv", aid)
        self.assertRegex(path, r"^/tin/hoi-nghi-trien-khai-nhiem-vu-[a-z0-9-]*-%d$" % aid, "article path")
        r = self.page(fx.client("snv"), path)
        h1 = [squash(text_of(h)) for h in r.find_all("h1")]
        self.assertIn(title, h1, "the article page's <h1>")
        self.assertIn_("<p>Nội dung bài viết.</p>", r, "first paragraph")
        self.assertIn_("<p>Đoạn thứ hai.</p>", r, "second paragraph")
        for label, c, p in self.places():
            r = self.page(c, p)
            if label.startswith("snv"):
                self.assertIn(path, r.links(), "%s does not link the published article" % label)
                self.assertIn_(title, r, label)
            elif label == "main portal home":
                url = "http://snv.%s:%d%s" % (BASE, fx.port, path)
                self.assertIn(url, r.links(), "the main portal's component news do not link %s" % url)
                block = r.by_id("tin-thanh-phan")
                self.assertIsNotNone(block, "no component news block on the main portal")
                self.assertIn_(title, r, label)
                # the card names its site, linked to the site's home
                self.assertIn("http://snv.%s:%d/" % (BASE, fx.port), r.links())
            else:
                self.assertNotIn_(title, r, "snv's article shows on " + label)
        # its URL on other hosts is a 404, never the article
        for slug in ("longho", "chauthanh", None):
            r = self.page(fx.client(slug), path, 404)
            self.assertNotIn_(title, r, "snv's article served on %s" % (slug or "the main portal"))
        # withdrawn (gỡ bài): gone again, and the reader gets a 410 with the reason
        fx.act(self.snv, aid, "withdraw", comment="Thông tin đã được cập nhật bằng thông báo khác")
        r = self.page(fx.client("snv"), path, 410)
        self.assertIn_("Thông tin đã được cập nhật bằng thông báo khác", r, "the withdrawal reason")
        self.page(fx.client("snv"), path + "/ban-in", 410)
        for label, c, p in self.places():
            r = self.page(c, p)
            self.assertNotIn_(title, r, "an unpublished article still shows on " + label)

    def test_publish_at_once(self):
        title = uniq("Thông báo tuyển dụng")
        aid = self.fx.article(self.snv, title, category_id=self.cat_id, publish=True)
        path = self.fx.public_path("snv", aid)
        r = self.page(self.fx.client("snv"), path)
        self.assertIn_(title, r, "article page")
        r = self.expect(self.snv.get("/quan-tri/bai-viet/%d" % aid), 200)
        self.assertIn_("Đã xuất bản", r, "the admin form's state")
        self.assertIn(path, r.links(), "the admin form links the public page")

    def component_news_links(self, r):
        block = [s for s in r.tree().iter("section") if "component-news" in (s.get("class") or "")]
        return [a.get("href") for a in block[0].iter("a")] if block else []

    def test_component_news_link_works(self):
        fx = self.fx
        sysadmin = fx.admin("admin", "chauthanh")
        cid, _ = fx.category(sysadmin, "Tin xã")
        title = uniq("Tin của xã Châu Thành")
        aid = fx.article(sysadmin, title, category_id=cid, publish=True)
        fx.share(sysadmin, aid)
        path = fx.public_path("chauthanh", aid)
        r = self.page(fx.client(), "/")
        url = "http://chauthanh.%s:%d%s" % (BASE, fx.port, path)
        self.assertIn(url, self.component_news_links(r), "a commune's news is not in the main portal's component news")
        # following it, as a browser would, reaches the article
        u = urllib.parse.urlsplit(url)
        r = self.page(Client(fx.server, u.hostname, port_in_host=False), u.path, chrome=True)
        self.assertIn_(title, r, "the component news link")
        # the district above it does not show it as its own
        r = self.page(fx.client("longho"), "/")
        self.assertNotIn(path, r.links(), "a commune's article linked as the district's own")

    def test_main_portal_own_news(self):
        fx = self.fx
        sysadmin = fx.admin("admin")
        cid, _ = fx.category(sysadmin, "Tin tỉnh")
        title = uniq("Tin của tỉnh")
        aid = fx.article(sysadmin, title, category_id=cid, publish=True)
        path = fx.public_path(None, aid)
        r = self.page(fx.client(), "/")
        self.assertIn(path, r.links(), "the main portal's own article is not on its home")
        self.assertFalse([u for u in self.component_news_links(r) if u.endswith("-%d" % aid)],
                         "the main portal's own article is listed as component news")
        for slug in ("snv", "longho"):
            r = self.page(fx.client(slug), "/")
            self.assertNotIn_(title, r, "the main portal's article on " + slug)

    def test_featured_on_home(self):
        title = uniq("Tin nổi bật")
        aid = self.fx.article(self.snv, title, category_id=self.cat_id, publish=True, featured="1")
        r = self.page(self.fx.client("snv"), "/")
        grid = [el for el in r.tree().iter("div") if el.get("class") == "featured-grid"]
        self.assertTrue(grid and title in text_of(grid[0]), "a featured article is not in the featured block")
        self.assertIsNotNone(aid)


class ConcurrentSaves(Base):
    def test_parallel_saves_all_land(self):
        # the worker threads each have a database connection: parallel writes must wait
        # for each other, not fail
        def total():
            r = self.expect(self.snv.get("/quan-tri/"), 200)
            return int(re.search(r"Tổng số: (\d+) bài", r.text).group(1))
        before = total()
        tag = uniq("Bài song song")
        results = []

        def worker(i):
            try:
                r = self.snv.clone().post("/quan-tri/bai-viet/moi", [("title", "%s %d" % (tag, i)), ("body", "x"),
                                                                    ("category_id", str(self.cat_id))])
                results.append(r.status)
            except Exception as e:  # noqa: BLE001 — reported below
                results.append(repr(e))
        threads = [threading.Thread(target=worker, args=(i,)) for i in range(24)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        self.assertEqual(sorted(map(str, results)), ["303"] * 24, "parallel saves")
        self.assertEqual(total(), before + 24, "parallel saves: article count")


class SlugChange(Base):
    def test_renamed_article_moves_for_good(self):
        fx = self.fx
        old_title = uniq("Kế hoạch cải cách hành chính")
        aid = fx.article(self.snv, old_title, category_id=self.cat_id, publish=True)
        old = fx.public_path("snv", aid)
        new_title = uniq("Kết quả chuyển đổi số")
        r = self.snv.post("/quan-tri/bai-viet/%d" % aid, [("title", new_title), ("body", "Nội dung mới."),
                                                        ("category_id", str(self.cat_id))], multipart_form=True)
        self.expect(r, 303, "edit")
        c = fx.client("snv")
        self.expect(c.get(old), 200, "an unapproved change leaves the public version as it was")
        fx.publish(self.snv, aid)  # the change goes through the workflow
        r = self.expect(c.get(old), 301, "old URL")
        new = r.location_path
        self.assertRegex(new, r"^/tin/ket-qua-chuyen-doi-so-[a-z0-9-]*-%d$" % aid, "new URL")
        self.assertNotEqual(new, old)
        r = self.page(c, new)
        self.assertIn_(new_title, r, "the new URL")
        self.assertIn_("Nội dung mới.", r, "the edited body")
        self.assertNotIn_(old_title, r, "the old title")
        canon = [l.get("href") for l in r.find_all("link", rel="canonical")]
        self.assertEqual(canon, ["http://snv.%s:%d%s" % (BASE, fx.port, new)], "canonical URL")
        # any slug, or none, leads to the current one
        for bad in ("/tin/%d" % aid, "/tin/sai-duong-dan-%d" % aid):
            r = self.expect(c.get(bad), 301, bad)
            self.assertEqual(r.location_path, new)
        # the print view of the old address too
        r = self.expect(c.get(old + "/ban-in"), 301, "old print URL")
        self.assertEqual(r.location_path, new + "/ban-in")

    def test_print_view(self):
        fx = self.fx
        title = uniq("Lịch tiếp công dân")
        aid = fx.article(self.snv, title, summary="Lịch tiếp công dân tháng này.",
                         body="Đoạn một.\n\nĐoạn hai.", category_id=self.cat_id, publish=True)
        path = fx.public_path("snv", aid)
        art = self.page(fx.client("snv"), path)
        self.assertIn(path + "/ban-in", art.links(), "the article links its print view")
        r = self.page(fx.client("snv"), path + "/ban-in", chrome=False)
        self.assertEqual([squash(text_of(h)) for h in r.find_all("h1")], [title], "print view <h1>")
        self.assertIn_("<p>Đoạn một.</p>", r, "print view body")
        self.assertIn_("<p>Đoạn hai.</p>", r, "print view body")
        self.assertIn_("http://snv.%s:%d%s" % (BASE, fx.port, path), r, "the article's address written out")
        self.assertIn_("Ghi rõ nguồn 'Sở Nội vụ'", r, "the citation notice")
        self.assertNotIn_("site-header", r, "the print view has the site's header")
        self.assertIn(path, r.links(), "the print view links back to the article")

    def test_category_wrong_slug(self):
        c = self.fx.client("snv")
        cid, path = self.cat_id, self.cat_path
        self.assertEqual(path, "/chuyen-muc/tin-hoat-dong-%d" % cid)
        for bad in ("/chuyen-muc/sai-%d" % cid, "/chuyen-muc/%d" % cid):
            r = self.expect(c.get(bad), 301, bad)
            self.assertEqual(r.location_path, path)
        r = self.expect(c.get("/chuyen-muc/sai-%d?trang=2" % cid), 301)
        self.assertEqual(r.location_path, path + "?trang=2", "the page number is kept")
        self.page(c, path)

    def test_category_rename(self):
        cid, old = self.fx.category(self.snv, "Văn bản chỉ đạo")
        r = self.snv.post("/quan-tri/chuyen-muc", [("id", str(cid)), ("name", "Văn bản điều hành"),
                                                   ("slug", ""), ("position", ""), ("description", "")])
        self.expect(r, 303, "rename")
        _, new = self.fx.find_category(self.snv, "Văn bản điều hành")
        c = self.fx.client("snv")
        if new == old:
            self.skipTest("renaming does not change the slug")
        r = self.expect(c.get(old), 301, "renamed category")
        self.assertEqual(r.location_path, new)
        r = self.page(c, new)
        self.assertIn_("Văn bản điều hành", r, "renamed category page")


class SourceAttribution(Base):
    def test_source_shown(self):
        fx = self.fx
        title = uniq("Trích dẫn từ báo")
        aid = fx.article(self.snv, title, category_id=self.cat_id, publish=True,
                         src_author="Nguyễn Thị Hoa", src_name="Báo Ấp Bắc",
                         src_time="2024-03-05T14:30", src_url="https://baoapbac.vn/tin/bai-goc-123.html")
        path = fx.public_path("snv", aid)
        r = self.page(fx.client("snv"), path)
        src = [el for el in r.tree().iter("aside") if "article-source" in (el.get("class") or "")]
        self.assertTrue(src, "no source block under the article")
        t = squash(text_of(src[0]))
        for want in ("Báo Ấp Bắc", "Nguyễn Thị Hoa", "05/03/2024 14:30"):
            self.assertIn(want, t, "the source block lacks %r: %r" % (want, t))
        links = [a.get("href") for a in src[0].iter("a")]
        self.assertIn("https://baoapbac.vn/tin/bai-goc-123.html", links, "no link to the original")
        # below the body, inside the article
        art = r.find_all("article", class_="article")[0]
        self.assertIn(src[0], list(art.iter()), "the source block is not part of the article")
        # the print view carries it too
        r = self.page(fx.client("snv"), path + "/ban-in", chrome=False)
        self.assertIn_("Báo Ấp Bắc", r, "print view source")
        self.assertIn_("05/03/2024 14:30", r, "print view source time")
        # and the admin form gives the time back in datetime-local form
        r = self.expect(self.snv.get("/quan-tri/bai-viet/%d" % aid), 200)
        self.assertEqual(r.by_id("src_time").get("value"), "2024-03-05T14:30", "src_time in the form")

    def test_source_absent(self):
        fx = self.fx
        title = uniq("Tin tự viết")
        aid = fx.article(self.snv, title, category_id=self.cat_id, publish=True)
        path = fx.public_path("snv", aid)
        r = self.page(fx.client("snv"), path)
        self.assertNotIn_("article-source", r, "a source block without a source")
        self.assertNotIn_("Nguồn tin", r, "a source label without a source")
        r = self.page(fx.client("snv"), path + "/ban-in", chrome=False)
        self.assertNotIn_("article-source", r, "a source block in the print view without a source")

    def test_source_name_only(self):
        fx = self.fx
        aid = fx.article(self.snv, uniq("Tin dẫn nguồn"), category_id=self.cat_id, publish=True,
                         src_name="Cổng Chính phủ")
        r = self.page(fx.client("snv"), fx.public_path("snv", aid))
        src = [el for el in r.tree().iter("aside") if "article-source" in (el.get("class") or "")]
        self.assertTrue(src and "Cổng Chính phủ" in text_of(src[0]), "source name alone not shown")
        self.assertNotIn("Thời gian đăng gốc", text_of(src[0]), "an empty source time shown")
        self.assertFalse(list(src[0].iter("a")), "a link to the original without a URL")

    def test_source_url_must_be_http(self):
        r = self.fx.article(self.snv, uniq("Tin có nguồn lạ"), category_id=self.cat_id,
                            src_url="javascript:alert(1)", expect=422)
        self.expect(r, 422, "javascript: source URL")
        err = r.by_id("src_url-error")
        self.assertIsNotNone(err, "no src_url-error next to the field")
        self.assertIn("http://", text_of(err))


class Cover(Base):
    def test_cover_uploaded_and_served(self):
        fx = self.fx
        img = png(32, 18)
        title = uniq("Tin có ảnh")
        aid = fx.article(self.snv, title, category_id=self.cat_id, publish=True, cover_alt="Quang cảnh hội nghị",
                         files=[("cover", "anh.png", "image/png", img)])
        path = fx.public_path("snv", aid)
        r = self.page(fx.client("snv"), path)
        imgs = [i for i in r.tree().iter("img") if (i.get("src") or "").startswith("/media/")]
        self.assertTrue(imgs, "no cover image on the article page")
        self.assertEqual(imgs[0].get("alt"), "Quang cảnh hội nghị", "cover alt text")
        src = imgs[0].get("src")
        self.assertRegex(src, r"^/media/[0-9a-f]{64}\.png$")
        m = self.expect(fx.client("snv").get(src), 200, "cover image")
        self.assertEqual(m.ctype, "image/png")
        self.assertEqual(m.header("X-Content-Type-Options"), "nosniff")
        self.assertEqual(sha256(m.body), src[7:71], "the media file's name is not its SHA-256")
        # content-addressed files are served on any host
        self.expect(fx.client("longho").get(src), 200)
        # the edit form keeps the cover when saved without a new file
        r = self.snv.post("/quan-tri/bai-viet/%d" % aid, [("title", title), ("body", "Sửa nội dung."),
                                                        ("category_id", str(self.cat_id)),
                                                        ("cover_alt", "Quang cảnh hội nghị")], multipart_form=True)
        self.expect(r, 303, "edit without a new file")
        r = self.page(fx.client("snv"), path)
        self.assertIn(src, [i.get("src") for i in r.tree().iter("img")], "the cover was lost by an edit")
