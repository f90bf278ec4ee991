"""The directory (docs/directory.md): units as a tree by their parent's code, officials with their
unit, spokespeople, the contact page, vCards; a unit cannot be its own ancestor; a mobile number
appears only when its owner made it public — never in exports."""
import csv
import io
import json

import vobject

from conglib import CongTest, module_fixture, png, squash, text_of
from items_helper import create, edit, publish, public_path

setUpModule, tearDownModule = module_fixture()

MOBILE_PUBLIC = "0912 345 678"
MOBILE_PRIVATE = "0987 654 321"


def unit(code, parent="", order="", phone="", head="", email=""):
    return [("ma", code), ("cap_tren", parent), ("chuc_nang", "Tham mưu, giúp việc; quản lý nhà nước về %s." % code),
            ("dia_chi", "Số 1, đường 2/9, Phường 1, Vĩnh Long"), ("dien_thoai", phone), ("email", email),
            ("thu_truong", head), ("thu_tu", order)]


def official(title, unit_code, phone, mobile, public, spokes, email):
    return [("chuc_vu", title), ("don_vi", unit_code), ("dien_thoai", phone), ("di_dong", mobile),
            ("cong_khai_di_dong", "co" if public else "khong"), ("email", email), ("phat_ngon", "co" if spokes else "khong"),
            ("thu_tu", "")]


class Directory(CongTest):
    @classmethod
    def setUpClass(cls):
        fx = cls.fx
        c = fx.admin("duyet", "snv")
        cls.c = c

        class T(CongTest):
            def runTest(self):
                pass
        t = T()
        ids = {}
        for code, title, parent, order in (("DV-SO", "Sở Thử Nghiệm", "", "1"),
                                           ("DV-VP", "Văn phòng Sở", "DV-SO", "1"),
                                           ("DV-TH", "Tổ Tổng hợp", "DV-VP", ""),
                                           ("DV-TC", "Phòng Tổ chức, biên chế", "DV-SO", "2")):
            ids[code] = create(t, c, "co-cau-to-chuc", title, unit(code, parent, order, "0270 3822 10%d" % len(ids),
                                                                   "Trưởng đơn vị %s" % code, "%s@snv.example.gov.vn" % code.lower()))
            publish(t, c, "co-cau-to-chuc", ids[code])
        cls.units = ids
        cls.a = create(t, c, "can-bo", "Nguyễn Văn An", official("Chánh Văn phòng", "DV-VP", "0270 3822 111", MOBILE_PUBLIC,
                                                                  True, True, "nvan@snv.example.gov.vn"))
        publish(t, c, "can-bo", cls.a)
        cls.b = create(t, c, "can-bo", "Lê Thị Thu Hà", official("Phó Chánh Văn phòng; phụ trách tổng hợp", "DV-VP",
                                                                  "0270 3822 112", MOBILE_PRIVATE, False, False,
                                                                  "ltha@snv.example.gov.vn"))
        publish(t, c, "can-bo", cls.b)
        cls.a_path = public_path(t, fx, "snv", cls.a)
        cls.b_path = public_path(t, fx, "snv", cls.b)

    def test_the_tree_is_nested_lists(self):
        r = self.page(self.fx.client("snv"), "/co-cau-to-chuc")
        tree = r.tree()
        items = {squash(text_of(a)): a for a in tree.iter("a")}
        for name in ("Sở Thử Nghiệm", "Văn phòng Sở", "Tổ Tổng hợp", "Phòng Tổ chức, biên chế"):
            self.assertIn(name, items, "the tree names %s" % name)
        # each child's <li> is inside its parent's <li>
        def li_of(name):
            for li in tree.iter("li"):
                a = li.find("a")
                if a is not None and squash(text_of(a)) == name:
                    return li
        root, vp, th, tc = (li_of(n) for n in ("Sở Thử Nghiệm", "Văn phòng Sở", "Tổ Tổng hợp", "Phòng Tổ chức, biên chế"))
        self.assertIn(vp, list(root.iter("li")), "Văn phòng is under the Sở")
        self.assertIn(th, list(vp.iter("li")), "Tổ Tổng hợp is under Văn phòng")
        self.assertNotIn(th, list(tc.iter("li")))
        sub = root.find("ul")
        order = [squash(text_of(li.find("a"))) for li in sub.findall("li")]
        self.assertEqual(order, ["Văn phòng Sở", "Phòng Tổ chức, biên chế"], "the order (thu_tu)")

    def test_a_unit_page_lists_its_officials(self):
        path = public_path(self, self.fx, "snv", self.units["DV-VP"])
        r = self.page(self.fx.client("snv"), path)
        self.assertIn_("Nguyễn Văn An", r)
        self.assertIn_("Lê Thị Thu Hà", r)
        self.assertIn_(self.a_path, r)
        self.assertNotIn_(MOBILE_PRIVATE, r, "a private mobile")
        # its sub-units (from the kept tree), linked; a unit without any has no such block
        subs = [s for s in r.tree().iter("section") if s.get("class") == "unit-children"]
        self.assertTrue(subs, "no sub-units on Văn phòng Sở's page")
        th_path = public_path(self, self.fx, "snv", self.units["DV-TH"])
        self.assertEqual([(squash(text_of(a)), a.get("href")) for a in subs[0].iter("a")], [("Tổ Tổng hợp", th_path)])
        r = self.page(self.fx.client("snv"), th_path)
        self.assertNotIn_("unit-children", r, "a unit without sub-units")

    def test_contact_page_and_spokespeople(self):
        r = self.page(self.fx.client("snv"), "/lien-he")
        for s in ("Sở Nội vụ", "Văn phòng Sở", "Nguyễn Văn An", "Lê Thị Thu Hà", "nvan@snv.example.gov.vn",
                  "0270 3822 111", MOBILE_PUBLIC):
            self.assertIn_(s, r)
        self.assertNotIn_(MOBILE_PRIVATE, r, "a private mobile")
        sp = self.page(self.fx.client("snv"), "/nguoi-phat-ngon")
        self.assertIn_("Nguyễn Văn An", sp)
        self.assertNotIn_("Lê Thị Thu Hà", sp, "not a spokesperson")
        # another site has none of these
        other = self.page(self.fx.client("longho"), "/lien-he")
        self.assertNotIn_("Nguyễn Văn An", other)

    def test_official_pages_show_a_mobile_only_when_public(self):
        a = self.page(self.fx.client("snv"), self.a_path)
        self.assertIn_("Chánh Văn phòng", a)
        self.assertIn_(self.a_path + ".vcf", a, "the vCard link")
        b = self.page(self.fx.client("snv"), self.b_path)
        self.assertNotIn_(MOBILE_PRIVATE, b, "a private mobile")
        self.assertIn_(MOBILE_PUBLIC, a, "a public mobile")

    def test_vcard(self):
        r = self.expect(self.fx.client("snv").get(self.a_path + ".vcf"), 200)
        self.assertTrue(r.ctype.startswith("text/vcard"), r.ctype)
        for line in r.body.split(b"\r\n"):
            self.assertLessEqual(len(line), 75, "folded at 75 octets: %r" % line)
            line.decode("utf-8")  # never cut inside a character
        card = vobject.readOne(r.text)
        self.assertEqual(card.fn.value, "Nguyễn Văn An")
        self.assertEqual(card.n.value.family, "Nguyễn")
        self.assertEqual(card.n.value.given, "An")
        self.assertEqual(card.title.value, "Chánh Văn phòng")
        tels = sorted(t.value for t in card.contents["tel"])
        self.assertEqual(tels, sorted(["0270 3822 111", MOBILE_PUBLIC]))
        self.assertEqual(card.email.value, "nvan@snv.example.gov.vn")
        self.assertIn("Văn phòng Sở", r.text.replace("\r\n ", ""), "the unit in ORG")
        b = self.expect(self.fx.client("snv").get(self.b_path + ".vcf"), 200)
        self.assertNotIn(MOBILE_PRIVATE, b.text.replace("\r\n ", ""))
        card = vobject.readOne(b.text)
        self.assertEqual(card.title.value, "Phó Chánh Văn phòng; phụ trách tổng hợp", "';' escaped and read back")
        self.assertEqual([t.value for t in card.contents["tel"]], ["0270 3822 112"])
        self.expect(self.fx.client("snv").get("/can-bo/x-%d.vcf" % self.a), 301)
        self.expect(self.fx.client("snv").get("/can-bo/x-999999.vcf"), 404)
        self.expect(self.fx.client("longho").get(self.a_path + ".vcf"), 404, "another site's official")

    def test_exports_never_hold_a_mobile(self):
        c = self.fx.client("snv")
        for path in ("/can-bo.csv", "/can-bo.json"):
            r = self.expect(c.get(path), 200)
            self.assertIn("Nguyễn Văn An", r.text)
            self.assertNotIn(MOBILE_PRIVATE, r.text, path)
            self.assertNotIn(MOBILE_PUBLIC, r.text, path)
            self.assertNotIn("di_dong", r.text, path)
        rows = list(csv.DictReader(io.StringIO(c.get("/can-bo.csv").text.lstrip("\ufeff"))))
        self.assertTrue(rows and "chuc_vu" in rows[0])
        data = json.loads(c.get("/can-bo.json").text)
        self.assertNotIn("di_dong", data["items"][0])
        s = c.get("/tim-kiem?q=" + MOBILE_PRIVATE.replace(" ", "+"))
        self.assertNotIn_(self.b_path, s, "personal data is not searched")

    def test_an_officials_photo(self):
        c = self.c
        f = [("title", "Phạm Thị Ảnh"), ("summary", ""), ("body", "")] + official(
            "Chuyên viên", "DV-VP", "0270 3822 113", "", False, False, "ptanh@snv.example.gov.vn")
        r = c.post("/quan-tri/can-bo/moi", f, files=[("anh__tep", "chan-dung.png", "image/png", png(40, 60))],
                   multipart_form=True)
        self.expect(r, 303, "an official with a photo: %s" % squash(r.text)[-300:])
        iid = int(r.location_path.rsplit("/", 1)[1].split("?")[0])
        publish(self, c, "can-bo", iid)
        path = public_path(self, self.fx, "snv", iid)
        page = self.page(self.fx.client("snv"), path)
        imgs = [i for i in page.tree().iter("img") if "/media/" in (i.get("src") or "")]
        self.assertTrue(imgs, "the photo on the official's page")
        self.assertTrue(imgs[0].get("alt"), "the photo has a text alternative")
        card = vobject.readOne(self.expect(self.fx.client("snv").get(path + ".vcf"), 200).text)
        self.assertRegex(card.photo.value, r"^http://snv\.[^/]+/media/", "the photo's absolute address")
        self.expect(self.fx.client("snv").get("/" + card.photo.value.split("/", 3)[3]), 200, "the photo answers")

    def test_a_unit_cannot_be_its_own_ancestor(self):
        c = self.c
        r = create(self, c, "co-cau-to-chuc", "Đơn vị tự tham chiếu", unit("DV-TU", "DV-TU"), expect=422)
        err = r.by_id("cap_tren-error")
        self.assertTrue(err is not None, "a message next to the parent")
        self.assertIn("không thể là cấp trên của chính nó", text_of(err))
        self.assertIn_("Đơn vị tự tham chiếu", r, "the input kept")
        # Sở ← Văn phòng ← Tổ Tổng hợp: the Sở cannot move under the Tổ
        r = edit(self, c, "co-cau-to-chuc", self.units["DV-SO"], "Sở Thử Nghiệm", unit("DV-SO", "DV-TH", "1"), expect=422)
        err = r.by_id("cap_tren-error")
        self.assertTrue(err is not None, "a message next to the parent")
        self.assertIn("cấp trên của chính nó", text_of(err))
        r = edit(self, c, "co-cau-to-chuc", self.units["DV-VP"], "Văn phòng Sở", unit("DV-VP", "dv-th", "1"), expect=422)
        self.assertIn("cấp trên của chính nó", text_of(r.by_id("cap_tren-error")), "the code in any case")
        # a move that makes no loop is fine
        edit(self, c, "co-cau-to-chuc", self.units["DV-TC"], "Phòng Tổ chức, biên chế", unit("DV-TC", "DV-VP", "2"))
