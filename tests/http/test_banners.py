"""Banners and advertising (TQ Đ10, BT Đ9; docs/media.md): a banner shows on the site's pages in
its placement only once the approver has published it and only between its start and end, to
the second, the page cache included (a short window: the cached page changes when it opens and
when it closes); its clicks go through /quang-cao/<id>/mo, which counts them per day with no
cookie and sends the reader to the banner's own target and nowhere else; its editors see the
counts."""
import datetime
import re
import time
import uuid

from conglib import CongTest, module_fixture, png, squash

setUpModule, tearDownModule = module_fixture()

VN = datetime.timezone(datetime.timedelta(hours=7))


def vn(t):
    d = datetime.datetime.fromtimestamp(t, VN)
    return d.strftime("%d/%m/%Y"), d.strftime("%H:%M:%S")


class Banners(CongTest):
    def setUp(self):
        self.snv = self.fx.admin("duyet", "snv")
        self.pub = self.fx.client("snv")

    def banner(self, title, placement="dau-trang", start=None, end=None, target="https://dulich.vinhlong.gov.vn/",
               text="Du lịch Vĩnh Long", files=(), expect=303, extra=()):
        now = time.time()
        d0, t0 = vn(start if start is not None else now - 3600)
        d1, t1 = vn(end if end is not None else now + 3600)
        f = [("title", title), ("summary", ""), ("body", ""), ("vi_tri", placement), ("lien_ket", target),
             ("chu_quang_cao", text), ("don_vi", "Sở Văn hóa"), ("bat_dau", d0), ("gio_bat_dau", t0),
             ("ket_thuc", d1), ("gio_ket_thuc", t1)] + list(extra)
        r = self.snv.post("/quan-tri/quang-cao/moi", f, files=files, multipart_form=True)
        if expect != 303:
            return self.expect(r, expect)
        self.expect(r, 303, "a banner: %s" % squash(r.text)[-300:])
        return int(re.match(r"/quan-tri/quang-cao/(\d+)", r.location_path).group(1))

    def act(self, iid, action, expect=303):
        r = self.snv.post("/quan-tri/quang-cao/%d/chuyen" % iid, [("action", action)])
        self.expect(r, expect, action)

    def publish(self, iid):
        for a in ("submit", "edited", "publish"):
            self.act(iid, a)

    def shown(self, path="/"):
        """The banners on the public page PATH: {placement: [(id, title)]}; the page itself."""
        r = self.page(self.pub, path)
        out = {}
        for aside in r.tree().iter("aside"):
            cls = aside.get("class") or ""
            m = re.search(r"banners-(\w+)", cls)
            if not m:
                continue
            for a in aside.iter("a"):
                mm = re.match(r"^/quang-cao/(\d+)/mo$", a.get("href") or "")
                if mm:
                    out.setdefault(m.group(1), []).append(int(mm.group(1)))
        return out, r

    def test_placements_and_approval(self):
        tag = uuid.uuid4().hex[:6]
        ids = {}
        for place, where in (("dau-trang", "header"), ("cot-ben", "sidebar"), ("chan-trang", "footer")):
            ids[where] = self.banner("Quảng cáo %s %s" % (place, tag), place)
        # written, submitted, edited: not approved, not shown
        draft = ids["header"]
        self.act(draft, "submit")
        self.act(draft, "edited")
        shown, _ = self.shown()
        self.assertFalse(any(draft in v for v in shown.values()), "an unapproved banner is not shown")
        self.expect(self.pub.get("/quang-cao/%d/mo" % draft), 404, "nor counted")
        self.act(draft, "publish")
        for where in ("sidebar", "footer"):
            self.publish(ids[where])
        for path in ("/", "/thu-vien-anh", "/tim-kiem?q=abc"):
            shown, r = self.shown(path)
            for where, iid in ids.items():
                self.assertIn(iid, shown.get(where, []), "%s: banner %d in its placement %s" % (path, iid, where))
                others = [w for w in shown if w != where and iid in shown[w]]
                self.assertFalse(others, "%s: banner %d only in %s" % (path, iid, where))
        # another site's pages do not show them
        other, _ = self.shown_on("longho")
        self.assertFalse(any(i in v for v in other.values() for i in ids.values()))

    def shown_on(self, slug):
        pub, self.pub = self.pub, self.fx.client(slug)
        try:
            return self.shown()
        finally:
            self.pub = pub

    def test_image_banner(self):
        img = png(300, 100, (200, 20, 20))
        self.snv.post("/quan-tri/thu-vien", [("alt", "Lễ hội trái cây Vĩnh Long 2026"), ("title", "")],
                      files=[("file", "banner.png", "image/png", img)])
        iid = self.banner("Lễ hội trái cây", "cot-ben", text="", files=[("anh__tep", "banner.png", "image/png", img)])
        self.publish(iid)
        shown, r = self.shown()
        self.assertIn(iid, shown.get("sidebar", []))
        link = [a for a in r.tree().iter("a") if a.get("href") == "/quang-cao/%d/mo" % iid][0]
        self.assertEqual(link.find("img").get("alt"), "Lễ hội trái cây Vĩnh Long 2026")

    def test_bad_input(self):
        now = time.time()
        r = self.banner("Sai giờ", extra=(), expect=303)  # valid, for comparison
        d0, _ = vn(now)
        f = [("title", "Giờ sai"), ("summary", ""), ("body", ""), ("vi_tri", "dau-trang"), ("lien_ket", "https://a.vn/"),
             ("chu_quang_cao", "x"), ("bat_dau", d0), ("gio_bat_dau", "25:00"), ("ket_thuc", d0), ("gio_ket_thuc", "7h")]
        r = self.expect(self.snv.post("/quan-tri/quang-cao/moi", f, multipart_form=True), 422)
        self.assertIn_("Giờ không hợp lệ", r)
        self.assertIn_("25:00", r, "the input kept")
        r = self.banner("Kết thúc trước", start=now + 7200, end=now + 3600, expect=422)
        self.assertIn_("Thời điểm kết thúc phải sau thời điểm bắt đầu.", r)
        r = self.banner("Trống", text="", expect=422)
        self.assertIn_("Quảng cáo cần có ảnh hoặc nội dung chữ.", r)

    def test_window_and_cache(self):
        now = time.time()
        start, end = int(now) + 6, int(now) + 12
        iid = self.banner("Khung giờ ngắn %s" % uuid.uuid4().hex[:6], "dau-trang", start=start, end=end)
        self.publish(iid)
        shown, _ = self.shown()
        self.assertNotIn(iid, shown.get("header", []), "not before its start")
        r = self.pub.get("/")
        self.assertEqual(r.header("X-Cache"), "HIT", "the home page is cached before the start")
        self.expect(self.pub.get("/quang-cao/%d/mo" % iid), 404, "no click before the start")
        while time.time() < start + 1:
            time.sleep(0.2)
        shown, r = self.shown()
        self.assertIn(iid, shown.get("header", []), "shown from its start, the cached page replaced")
        while time.time() < end + 1:
            time.sleep(0.2)
        shown, r = self.shown()
        self.assertNotIn(iid, shown.get("header", []), "gone at its end, the cache included")
        self.expect(self.pub.get("/quang-cao/%d/mo" % iid), 404, "no click after the end")

    def test_clicks_counted_and_no_open_redirect(self):
        target = "https://dulich.vinhlong.gov.vn/le-hoi?nam=2026"
        iid = self.banner("Đếm lượt bấm %s" % uuid.uuid4().hex[:6], "chan-trang", target=target)
        self.publish(iid)
        reader = self.fx.client("snv")
        for q in ("", "?url=https://evil.example/", "?next=//evil.example"):
            r = self.expect(reader.get("/quang-cao/%d/mo%s" % (iid, q)), 303)
            self.assertEqual(r.location, target, "only to the banner's own target")
            self.assertEqual(r.header_all("Set-Cookie"), [], "no cookie")
            self.assertEqual(r.header("Cache-Control"), "no-store")
        # what is not a banner showing on this site goes nowhere
        cat, _ = self.fx.category(self.snv, "Tin thử quảng cáo %s" % uuid.uuid4().hex[:6])
        article = self.fx.article(self.snv, "Bài không phải quảng cáo %s" % uuid.uuid4().hex[:6], category_id=cat,
                                  publish=True)
        for path in ("/quang-cao/%d/mo" % article, "/quang-cao/0/mo", "/quang-cao/abc/mo", "/quang-cao/-1/mo",
                     "/quang-cao/99999999/mo"):
            self.expect(reader.get(path), 404, path)
        self.expect(self.fx.client("longho").get("/quang-cao/%d/mo" % iid), 404, "another site's host")
        page = self.expect(self.snv.get("/quan-tri/quang-cao/luot-bam"), 200)
        row = [tr for tr in page.tree().iter("tr") if tr.get("data-id") == str(iid)]
        self.assertTrue(row, "the banner is in the admin's list")
        total = [td for td in row[0].iter("td") if "total" in (td.get("class") or "")][0]
        self.assertEqual(total.text.strip(), "3")
