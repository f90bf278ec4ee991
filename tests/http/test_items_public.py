"""Public pages of the kinds other than news (web/public/items.c): the legal documents' list with
its filters, number search, pagination and open-data exports; a document's page with its fields,
validity and relations on both ends; the gazette's list and issue page; the portal search's
"Văn bản" block; redirects and 404s; Dublin Core; valid HTML.

The admin form for these kinds is not on this branch yet: the documents are written straight
into the data folder's database (conglib.data_sql: SQLite or PostgreSQL), row for row as the model writes them when it publishes (items
with their fields JSON, ref, ref_key, item_day; item_terms; item_links, linked when the target is
there), then `cong reindex` rebuilds the search index and the page cache generation is bumped."""
import csv
import datetime
import io
import json
import re
import time
import unicodedata
import urllib.parse

from conglib import BASE, CongTest, cong, module_fixture, squash, text_of

setUpModule, tearDownModule = module_fixture()

VN = datetime.timezone(datetime.timedelta(hours=7))
TODAY = datetime.datetime.now(VN).date()
EPOCH = datetime.date(1970, 1, 1)
BODY_ISSUER = "UBND tỉnh Thử Nghiệm"
N_FILLER = 22  # plans of 2020: with the others, more than two pages of 20


def fold(s):
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def docnum_key(num):
    """vn/docnum.c's key of the well-formed numbers used here: "12/2024/QĐ-UBND" → "12/2024/qd-ubnd"."""
    parts = [p for p in re.split(r"[^0-9a-z]+", fold(num)) if p]
    head = [str(int(parts[0]))]
    rest = parts[1:]
    if rest and rest[0].isdigit() and len(rest[0]) == 4:
        head.append(rest[0])
        rest = rest[1:]
    return "/".join(head + ["-".join(rest)])


def slugify(s):
    return re.sub(r"[^0-9a-z]+", "-", fold(s)).strip("-")


def day(d):
    return (d - EPOCH).days


def iso(d):
    return d.isoformat()


def vn_date(d):
    return d.strftime("%d/%m/%Y")


class Store:
    """Writes items into the test data folder's database as the model does (see the module's
    docstring)."""

    REL = ("can_cu", "huong_dan", "sua_doi", "thay_the", "bai_bo", "dinh_chinh", "van_ban")
    FILTER = ("loai", "co_quan_ban_hanh", "linh_vuc", "pham_vi")

    def __init__(self, fx):
        self.fx = fx
        self.sql = fx.sql

    def site_id(self, slug):
        if slug is None:
            return self.sql("SELECT id FROM sites WHERE kind = 'main'")[0][0]
        return self.sql("SELECT id FROM sites WHERE slug = ?", (slug,))[0][0]

    def category(self, site_id, name, slug, kind):
        return self.sql("INSERT INTO categories (site_id, name, slug, kind, position) VALUES (?, ?, ?, ?, 90) RETURNING id",
                        (site_id, name, slug, kind))[0][0]

    def item(self, site_id, category_id, kind, title, fields, summary="", body="", state="published", status=None):
        """One item; STATUS is the legal validity term the model would write (hieu_luc)."""
        ident = {"legal": "so_ky_hieu", "gazette": "so"}[kind]
        sort = {"legal": "ngay_ban_hanh", "gazette": "ngay"}[kind]
        ref = fields.get(ident)
        ref_key = docnum_key(ref) if kind == "legal" else " ".join(fold(ref).split())
        d = datetime.date.fromisoformat(fields[sort])
        now = int(time.time())
        iid = self.sql(
            "INSERT INTO items (site_id, category_id, state, title, slug, summary, body, published_at, created_at,"
            " updated_at, kind, fields, ref, ref_key, item_day, withdrawn_at, withdrawn_reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (site_id, category_id, state, title, slugify(ref + " " + title)[:80], summary, body, now, now, now,
             kind, json.dumps(fields, ensure_ascii=False), ref, ref_key, day(d),
             now if state == "withdrawn" else None, "Ban hành nhầm" if state == "withdrawn" else ""))[0][0]
        terms = [("nam", str(d.year))]
        for k in self.FILTER:
            v = fields.get(k)
            for x in (v if isinstance(v, list) else [v] if v else []):
                terms.append((k, x))
        if status:
            terms.append(("hieu_luc", status))
        # one statement for the item's terms (each statement is a psql run on PostgreSQL)
        self.sql("INSERT INTO item_terms (item_id, key, value) VALUES " + ", ".join(["(?, ?, ?)"] * len(terms)),
                 [x for k, v in terms for x in (iid, k, v)])
        return iid

    def link_all(self):
        """item_links of every item's references, linked to the published items they name."""
        self.sql("DELETE FROM item_links")
        rows = self.sql("SELECT id, kind, fields FROM items WHERE kind <> 'article'")
        for iid, kind, ftext in rows:
            f = json.loads(ftext)
            for rel in self.REL:
                for pos, to in enumerate(f.get(rel, [])):
                    key = docnum_key(to)
                    # the target found in the INSERT itself: one statement per link
                    self.sql("INSERT INTO item_links (from_id, relation, to_key, to_ref, to_id, position)"
                             " VALUES (?, ?, ?, ?, (SELECT min(id) FROM items WHERE kind = 'legal' AND ref_key = ?"
                             " AND state <> 'withdrawn' AND id <> ?), ?)", (iid, rel, key, to, key, iid, pos))

    def set_fields(self, iid, fields):
        self.sql("UPDATE items SET fields = ? WHERE id = ?", (json.dumps(fields, ensure_ascii=False), iid))

    def bump(self):
        self.fx.bump_cache()

    def reindex(self):
        cong("reindex", "--data", self.fx.data)


def legal(num, loai, issued, title, body=BODY_ISSUER, effective=None, **rel):
    f = {"so_ky_hieu": num, "loai": loai, "co_quan_ban_hanh": body, "nguoi_ky": "Nguyễn Văn A",
         "chuc_vu_nguoi_ky": "Chủ tịch", "ngay_ban_hanh": iso(issued), "pham_vi": "tinh",
         "linh_vuc": rel.pop("linh_vuc", ["Giáo dục"])}
    if effective:
        f["ngay_hieu_luc"] = iso(effective)
    f.update(rel)
    return f


class Base(CongTest):
    @classmethod
    def setUpClass(cls):
        fx = cls.fx
        if hasattr(type(fx), "_items"):
            return
        st = Store(fx)
        snv, main = st.site_id("snv"), st.site_id(None)
        d = dict(snv=snv, main=main)
        d["cat"] = st.category(snv, "Văn bản chỉ đạo điều hành", "van-ban-chi-dao", "legal")
        d["cat2"] = st.category(snv, "Văn bản quy phạm", "van-ban-qppl", "legal")
        gcat = st.category(snv, "Công báo tỉnh", "cong-bao-tinh", "gazette")
        mcat = st.category(main, "Văn bản tỉnh", "van-ban-tinh", "legal")
        D = datetime.date
        d["A"] = st.item(snv, d["cat2"], "legal", "Quy định mức học phí năm học 2024-2025",
                         legal("12/2024/QĐ-UBND", "Quyết định", D(2024, 3, 15), "", effective=D(2024, 4, 1),
                               can_cu=["86/2015/QH13"], sua_doi=["05/2023/QĐ-UBND"]),
                         summary="Quy định mức thu học phí đối với cơ sở giáo dục công lập.",
                         body="<p>Điều 1. Phạm vi điều chỉnh.</p>", status="con_hieu_luc")
        d["B"] = st.item(snv, d["cat2"], "legal", "Quy định về học phí năm học 2023-2024",
                         legal("05/2023/QĐ-UBND", "Quyết định", D(2023, 2, 10), "", effective=D(2023, 3, 1)),
                         status="het_hieu_luc_mot_phan")
        d["C"] = st.item(snv, d["cat"], "legal", "Về tăng cường kỷ luật, kỷ cương hành chính",
                         legal("15/2024/CT-UBND", "Chỉ thị", D(2024, 6, 1), "", linh_vuc=["Nội vụ"]),
                         status="con_hieu_luc")
        d["D"] = st.item(snv, d["cat"], "legal", "Về dự toán ngân sách năm 2023",
                         legal("07/2022/NQ-HĐND", "Nghị quyết", D(2022, 7, 1), "", body="HĐND tỉnh Thử Nghiệm",
                               linh_vuc=["Tài chính"]), status="con_hieu_luc")
        d["E"] = st.item(snv, d["cat"], "legal", "Về chương trình giám sát năm 2025",
                         legal("12/2024/NQ-HĐND", "Nghị quyết", D(2024, 12, 10), "", body="HĐND tỉnh Thử Nghiệm"),
                         status="con_hieu_luc")
        # the replacement: F replaced by G from tomorrow
        d["F"] = st.item(snv, d["cat"], "legal", "Quy chế làm việc của Ủy ban nhân dân tỉnh",
                         legal("20/2021/QĐ-UBND", "Quyết định", D(2021, 5, 5), ""), status="con_hieu_luc")
        d["G_fields"] = legal("30/2025/QĐ-UBND", "Quyết định", TODAY - datetime.timedelta(days=5), "",
                              effective=TODAY + datetime.timedelta(days=1), thay_the=["20/2021/QĐ-UBND"])
        d["G"] = st.item(snv, d["cat"], "legal", "Ban hành Quy chế làm việc mới", d["G_fields"], status="chua_co_hieu_luc")
        d["W"] = st.item(snv, d["cat"], "legal", "Văn bản đã gỡ", legal("3/2024/QĐ-UBND", "Quyết định", D(2024, 1, 3), ""),
                         state="withdrawn")
        d["X"] = st.item(snv, d["cat"], "legal", "=HYPERLINK(\"http://evil.example\",\"bấm vào\")",
                         legal("4/2024/TB-UBND", "Thông báo", D(2024, 1, 4), ""), status="con_hieu_luc")
        for i in range(N_FILLER):
            st.item(snv, d["cat"], "legal", "Kế hoạch thực hiện nhiệm vụ số %d" % (i + 1),
                    legal("%d/KH-UBND" % (100 + i), "Kế hoạch", D(2020, 1, 1) + datetime.timedelta(days=i), "",
                          body="Sở Nội vụ", linh_vuc=["Nội vụ"]), status="con_hieu_luc")
        d["M"] = st.item(main, mcat, "legal", "Quy định của tỉnh về chuyển đổi số",
                         legal("25/2024/QĐ-UBND", "Quyết định", D(2024, 8, 1), ""), status="con_hieu_luc")
        d["I15"] = st.item(snv, gcat, "gazette", "Công báo tỉnh số 15+16 năm 2024",
                           {"so": "15+16", "ngay": "2024-04-05",
                            "van_ban": ["12/2024/QĐ-UBND", "15/2024/CT-UBND", "99/2024/QĐ-UBND"]})
        d["I01"] = st.item(snv, gcat, "gazette", "Công báo tỉnh số 01 năm 2023",
                           {"so": "01", "ngay": "2023-01-20", "van_ban": ["05/2023/QĐ-UBND"]})
        d["gcat"] = gcat
        st.link_all()
        st.reindex()
        st.bump()
        d["legal_total"] = 8 + N_FILLER  # published legal documents of snv (W is withdrawn)
        type(fx)._items = d
        type(fx)._store = st

    @property
    def d(self):
        return type(self.fx)._items

    @property
    def st(self):
        return type(self.fx)._store

    def snv(self):
        return self.fx.client("snv")

    def rows(self, r):
        """The list table's rows as (title, url, [cell texts])."""
        out = []
        for tr in r.tree().iter("tr"):
            th = [x for x in tr.findall("th") if x.get("scope") == "row"]
            if not th:
                continue
            a = th[0].find("a")
            out.append((squash(text_of(a)), a.get("href"), [squash(text_of(x)) for x in tr]))
        return out

    def section(self, r, ident):
        """The <section> whose heading has id IDENT."""
        for sec in r.tree().iter("section"):
            if any(el.get("id") == ident for el in sec.iter()):
                return sec
        self.fail("%r: no section with #%s" % (r, ident))

    def titles(self, r):
        return [t for t, _, _ in self.rows(r)]

    def path_of(self, key, kind="van-ban"):
        r = self.snv().get("/%s/x-%d" % (kind, self.d[key]))
        self.expect(r, 301, "the short address of %s" % key)
        return r.location_path


class List(Base):
    def test_list_page(self):
        r = self.page(self.snv(), "/van-ban")
        self.assertIn_("<h1>Văn bản</h1>", r, "the heading")
        tree = r.tree()
        table = next(tree.iter("table"))
        self.assertTrue(squash(text_of(table.find("caption"))), "the table has no caption")
        heads = [squash(text_of(th)) for th in table.find("thead").iter("th")]
        self.assertEqual(heads, ["Số ký hiệu", "Trích yếu", "Loại văn bản", "Cơ quan ban hành", "Ngày ban hành",
                                 "Ngày có hiệu lực", "Hiệu lực"], "the columns")
        self.assertTrue(all(th.get("scope") == "col" for th in table.find("thead").iter("th")), "th scope")
        rows = self.rows(r)
        self.assertEqual(len(rows), 20, "20 rows a page")
        # newest by issue date first: G (issued 5 days ago) first
        self.assertEqual(rows[0][0], "Ban hành Quy chế làm việc mới", "the newest document first")
        a = [x for x in rows if x[2][0] == "12/2024/QĐ-UBND"][0]
        self.assertEqual(a[2][2:7], ["Quyết định", BODY_ISSUER, "15/03/2024", "01/04/2024", "Còn hiệu lực"],
                         "document A's row")
        self.assertTrue(a[1].startswith("/van-ban/12-2024-qd-ubnd-") and a[1].endswith("-%d" % self.d["A"]), a[1])
        # every control of the form is labelled
        for sel in tree.iter("select"):
            self.assertTrue([l for l in tree.iter("label") if l.get("for") == sel.get("id")], "unlabelled select")
        names = [s.get("name") for s in tree.iter("select")]
        self.assertEqual(names, ["loai", "co_quan_ban_hanh", "linh_vuc", "pham_vi", "nam", "hieu_luc"], "the filters")
        opts = {o.get("value"): squash(text_of(o)) for s in tree.iter("select") if s.get("name") == "pham_vi"
                for o in s.iter("option")}
        self.assertEqual(opts.get("tinh"), "Tỉnh", "enum values are shown by their labels")
        years = [o.get("value") for s in tree.iter("select") if s.get("name") == "nam" for o in s.iter("option")]
        self.assertEqual(years[:3], ["", str((TODAY - datetime.timedelta(days=5)).year), "2024"], "years, newest first")
        self.assertIn_('name="q"', r, "the number search box")

    def test_filters(self):
        c = self.snv()
        cases = [
            ("loai=Ch%E1%BB%89+th%E1%BB%8B", {"Về tăng cường kỷ luật, kỷ cương hành chính"}),
            ("co_quan_ban_hanh=" + urllib.parse.quote("HĐND tỉnh Thử Nghiệm"),
             {"Về dự toán ngân sách năm 2023", "Về chương trình giám sát năm 2025"}),
            ("nam=2024&loai=" + urllib.parse.quote("Quyết định"), {"Quy định mức học phí năm học 2024-2025"}),
            ("nam=2023", {"Quy định về học phí năm học 2023-2024"}),
            ("hieu_luc=het_hieu_luc_mot_phan", {"Quy định về học phí năm học 2023-2024"}),
            ("linh_vuc=" + urllib.parse.quote("Tài chính"), {"Về dự toán ngân sách năm 2023"}),
            ("hieu_luc=chua_co_hieu_luc", {"Ban hành Quy chế làm việc mới"}),
        ]
        for q, want in cases:
            with self.subTest(q=q):
                r = self.page(c, "/van-ban?" + q)
                self.assertEqual(set(self.titles(r)), want, q)
                self.assertIn("Bỏ lọc", squash(text_of(r.by_id("noi-dung"))), "no way to clear the filters")
        r = self.page(c, "/van-ban?loai=Kh%C3%B4ng+c%C3%B3")
        self.assertEqual(self.titles(r), [])
        self.assertIn_("Không có văn bản nào phù hợp.", r, "the empty filtered list")
        # the selected option is kept selected
        r = self.page(c, "/van-ban?nam=2023")
        sel = [o.get("value") for s in r.tree().iter("select") if s.get("name") == "nam" for o in s.iter("option")
               if o.get("selected") is not None]
        self.assertEqual(sel, ["2023"])

    def test_pagination(self):
        c = self.snv()
        p1, p2 = self.page(c, "/van-ban"), self.page(c, "/van-ban?trang=2")
        t1, t2 = self.titles(p1), self.titles(p2)
        self.assertEqual((len(t1), len(t2)), (20, self.d["legal_total"] - 20), "rows on pages 1 and 2")
        self.assertFalse(set(t1) & set(t2), "a document on two pages")
        self.assertIn('href="/van-ban?trang=2"', p1.text, "page 1 does not link page 2")
        self.assertRegex(p2.text, r"<title>[^<]*Trang 2")
        for q in ("?trang=3", "?trang=99"):
            self.page(c, "/van-ban" + q, 404)
        self.assertEqual(self.titles(self.page(c, "/van-ban?trang=abc")), t1)
        # the filters are kept across pages
        p = self.page(c, "/van-ban?loai=K%E1%BA%BF+ho%E1%BA%A1ch")
        self.assertEqual(len(self.titles(p)), 20)
        self.assertIn('href="/van-ban?loai=K%E1%BA%BF%20ho%E1%BA%A1ch&amp;trang=2"', p.text.replace("+", "%20"),
                      "the pager drops the filter")
        p = self.page(c, "/van-ban?loai=K%E1%BA%BF+ho%E1%BA%A1ch&trang=2")
        self.assertEqual(len(self.titles(p)), N_FILLER - 20)

    def test_number_search_every_form(self):
        c = self.snv()
        for q in ("12/2024/QĐ-UBND", "12/2024/qd-ubnd", "QĐ 12/2024", "12 2024 QĐ UBND", "quyết định 12/2024"):
            with self.subTest(q=q):
                r = self.page(c, "/van-ban?q=" + urllib.parse.quote(q))
                self.assertEqual(self.titles(r), ["Quy định mức học phí năm học 2024-2025"], q)
        r = self.page(c, "/van-ban?q=" + urllib.parse.quote("12/2024"))
        self.assertIn_("không phải là một số ký hiệu", r, "a bare 12/2024 (a month?) is no number")
        r = self.page(c, "/van-ban?q=" + urllib.parse.quote("số 12/2024"))
        self.assertEqual(set(self.titles(r)), {"Quy định mức học phí năm học 2024-2025", "Về chương trình giám sát năm 2025"})
        r = self.page(c, "/van-ban?q=" + urllib.parse.quote("học phí"))
        self.assertIn_("“học phí” không phải là một số ký hiệu", r, "the not-a-number message")
        self.assertIn("/tim-kiem?q=h%E1%BB%8Dc%20ph%C3%AD", [x.replace("+", "%20") for x in r.links()],
                      "no link to the full-text search")
        self.assertEqual(self.titles(r), [])

    def test_category_filter_and_redirect(self):
        c = self.snv()
        r = self.expect(c.get("/chuyen-muc/van-ban-chi-dao-%d" % self.d["cat"]), 301)
        self.assertEqual(r.location_path, "/van-ban?chuyen-muc=%d" % self.d["cat"])
        r = self.page(c, r.location_path)
        titles = set(self.titles(r))
        self.assertIn("Về tăng cường kỷ luật, kỷ cương hành chính", titles)
        self.assertNotIn("Quy định mức học phí năm học 2024-2025", titles, "a document of the other category")
        self.assertIn_("Văn bản chỉ đạo điều hành", r, "the category's name")
        r = self.page(c, "/van-ban?chuyen-muc=%d" % self.d["cat2"])
        self.assertEqual(set(self.titles(r)), {"Quy định mức học phí năm học 2024-2025", "Quy định về học phí năm học 2023-2024"})
        self.page(c, "/van-ban?chuyen-muc=%d" % self.d["gcat"], 404)  # a gazette category
        self.page(c, "/van-ban?chuyen-muc=999999", 404)
        r = self.expect(c.get("/chuyen-muc/cong-bao-tinh-%d" % self.d["gcat"]), 301)
        self.assertEqual(r.location_path, "/cong-bao?chuyen-muc=%d" % self.d["gcat"])


class Document(Base):
    def test_page_fields_and_relations(self):
        c = self.snv()
        path = self.path_of("A")
        r = self.page(c, path)
        self.assertIn_("<h1>Quy định mức học phí năm học 2024-2025</h1>", r, "the title")
        fields = self.section(r, "thuoc-tinh")
        dl = {squash(text_of(div.find("dt"))): squash(text_of(div.find("dd"))) for div in fields.iter("div")}
        for k, v in (("Số ký hiệu", "12/2024/QĐ-UBND"), ("Loại văn bản", "Quyết định"), ("Cơ quan ban hành", BODY_ISSUER),
                     ("Người ký", "Nguyễn Văn A"), ("Ngày ban hành", "15/03/2024"), ("Ngày có hiệu lực", "01/04/2024"),
                     ("Phạm vi", "Tỉnh"), ("Lĩnh vực", "Giáo dục"), ("Trích yếu", "Quy định mức học phí năm học 2024-2025")):
            self.assertEqual(dl.get(k), v, "field %s" % k)
        self.assertNotIn("Ngày hết hiệu lực", dl, "an empty field is shown")
        self.assertIn_("Điều 1. Phạm vi điều chỉnh.", r, "the body")
        rel = self.section(r, "lien-quan")
        groups = {}
        for div in rel.iter("div"):
            groups[squash(text_of(div.find("dt")))] = [(squash(text_of(dd)), [a.get("href") for a in dd.iter("a")])
                                                      for dd in div.findall("dd")]
        self.assertEqual(groups.get("Căn cứ"), [("86/2015/QH13", [])], "a number not in the database: text, no link")
        b_path = self.path_of("B")
        self.assertEqual(groups.get("Sửa đổi, bổ sung"), [("05/2023/QĐ-UBND — Quy định về học phí năm học 2023-2024", [b_path])])
        pub = groups.get("Đăng trên Công báo")
        self.assertTrue(pub and pub[0][1] == [self.path_of("I15", "cong-bao")], "the gazette issue: %s" % pub)
        self.assertIn("15+16", pub[0][0])
        # the other end
        r = self.page(c, b_path)
        rel = self.section(r, "lien-quan")
        got = {squash(text_of(div.find("dt"))): [a.get("href") for a in div.iter("a")] for div in rel.iter("div")}
        self.assertEqual(got.get("Được sửa đổi, bổ sung bởi"), [path], "the amending document on the amended one")
        box = squash(text_of(self.section(r, "hieu-luc")))
        self.assertIn("Tình trạng hiệu lực: Hết hiệu lực một phần từ 01/04/2024", box)
        self.assertIn("Được sửa đổi, bổ sung bởi 12/2024/QĐ-UBND", box)

    def test_replacement_takes_effect(self):
        c = self.snv()
        f_path, g_path = self.path_of("F"), self.path_of("G")
        for _ in range(3):  # every worker's connection keeps the page's relations and validity
            r = self.page(c, f_path)
            self.assertIn("Tình trạng hiệu lực: Còn hiệu lực", squash(text_of(r.by_id("hieu-luc"))),
                          "replaced from tomorrow, in force today")
        rel = squash(text_of(self.section(r, "lien-quan")))
        self.assertIn("Bị thay thế bởi 30/2025/QĐ-UBND", rel, "the replacing document is listed")
        r = self.page(c, g_path)
        self.assertIn("Chưa có hiệu lực", squash(text_of(r.by_id("hieu-luc"))))
        qd = "/van-ban?loai=Quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh"
        for _ in range(3):  # every worker's connection keeps the rendered row (items.c rows_html)
            row = [x for x in self.rows(self.page(c, qd)) if x[1] == f_path][0]
            self.assertEqual(row[2][-1], "Còn hiệu lực", "the list's badge before")
        # the replacing document now takes effect today
        f = dict(self.d["G_fields"], ngay_hieu_luc=iso(TODAY))
        self.st.set_fields(self.d["G"], f)
        self.st.reindex()  # data changed by hand: `cong reindex` derives the documents again
        self.st.bump()
        try:
            for _ in range(3):  # no connection shows what it kept before the change
                r = self.page(c, f_path)
                box = self.section(r, "hieu-luc")
                self.assertIn("Tình trạng hiệu lực: Hết hiệu lực toàn bộ từ %s" % vn_date(TODAY), squash(text_of(box)))
                self.assertIn("Bị thay thế bởi 30/2025/QĐ-UBND", squash(text_of(box)))
                self.assertEqual([a.get("href") for a in box.iter("a")], [g_path], "the cause is linked")
                for _ in range(3):  # no connection shows the row it kept before the change
                    row = [x for x in self.rows(self.page(c, qd)) if x[1] == f_path][0]
                    self.assertEqual(row[2][-1], "Hết hiệu lực toàn bộ", "the list's badge")
                self.assertIn("Còn hiệu lực", squash(text_of(self.page(c, g_path).by_id("hieu-luc"))))
        finally:
            self.st.set_fields(self.d["G"], self.d["G_fields"])
            self.st.reindex()
            self.st.bump()

    def test_dublin_core(self):
        r = self.page(self.snv(), self.path_of("A"))
        metas = {}
        for m in r.tree().iter("meta"):
            if (m.get("name") or "").startswith("DC."):
                metas.setdefault(m.get("name"), []).append(m.get("content"))
        for name in ("DC.title", "DC.creator", "DC.subject", "DC.description", "DC.publisher", "DC.date", "DC.type",
                     "DC.identifier", "DC.language"):
            self.assertEqual(len(metas.get(name, [])), 1, "%s: %s" % (name, metas.get(name)))
            self.assertTrue(metas[name][0].strip(), "%s is empty" % name)
        self.assertEqual(metas["DC.creator"], [BODY_ISSUER])
        # the identifier is the page's canonical address; the number is the JSON-LD's (test_metadata.py)
        canon = [l.get("href") for l in r.find_all("link", rel="canonical")]
        self.assertEqual(metas["DC.identifier"], canon)
        self.assertEqual(metas["DC.date"], ["2024-03-15"])
        self.assertEqual(metas["DC.type"], ["Văn bản"])
        self.assertEqual(metas["DC.subject"], ["Giáo dục"])
        self.assertEqual(metas["DC.publisher"], ["Sở Nội vụ"])
        self.assertEqual(metas["DC.description"], ["Quy định mức thu học phí đối với cơ sở giáo dục công lập."])
        self.assertEqual(metas["DC.language"], ["vi"])
        og = {m.get("property"): m.get("content") for m in r.tree().iter("meta") if m.get("property")}
        self.assertEqual(og.get("og:type"), "article")
        self.assertTrue(og.get("og:title", "").startswith("12/2024/QĐ-UBND"))
        # without summary, the description is the title; a gazette issue's creator the site
        r = self.page(self.snv(), self.path_of("I15", "cong-bao"))
        metas = {m.get("name"): m.get("content") for m in r.tree().iter("meta") if (m.get("name") or "").startswith("DC.")}
        self.assertEqual(metas["DC.description"], "Công báo tỉnh số 15+16 năm 2024")
        self.assertEqual(metas["DC.creator"], "Sở Nội vụ")
        self.assertTrue(all(v.strip() for v in metas.values()), metas)

    def test_print_view(self):
        c = self.snv()
        path = self.path_of("A")
        r = self.page(c, path + "/ban-in", chrome=False)
        self.assertIn_("12/2024/QĐ-UBND", r, "the number")
        self.assertIn_("Tình trạng hiệu lực: Còn hiệu lực", r, "the validity")
        r = self.expect(c.get("/van-ban/x-%d/ban-in" % self.d["A"]), 301)
        self.assertEqual(r.location_path, path + "/ban-in")

    def test_redirects_and_404(self):
        c = self.snv()
        path = self.path_of("A")
        self.assertTrue(path.startswith("/van-ban/12-2024-qd-ubnd-"), path)
        r = self.expect(c.get("/tin/x-%d" % self.d["A"]), 301, "a document under /tin/")
        self.assertEqual(r.location_path, path)
        r = self.expect(c.get("/tin/x-%d/ban-in" % self.d["A"]), 301)
        self.assertEqual(r.location_path, path + "/ban-in")
        self.page(c, "/van-ban/x-%d" % self.d["I15"], 404)     # a gazette issue's id
        self.page(c, "/cong-bao/x-%d" % self.d["A"], 404)      # a document's id
        self.page(c, "/van-ban/x-%d" % self.d["M"], 404)       # another site's document
        self.page(c, "/van-ban/khong-co", 404)
        self.page(c, "/van-ban/x-99999999", 404)
        r = self.page(c, "/van-ban/x-%d" % self.d["W"], 410)
        self.assertIn_("Ban hành nhầm", r, "the reason of the withdrawal")
        for p in ("/khong-co", "/tin", "/van-ban.xml", "/khong-co/x-1", "/khong-co/x-1/ban-in"):
            with self.subTest(p=p):
                self.page(c, p, 404)

    def test_article_still_served(self):
        """The catch-all routes do not shadow the others."""
        c = self.snv()
        for p in ("/", "/tim-kiem", "/robots.txt", "/healthz"):
            with self.subTest(p=p):
                self.expect(c.get(p), 200)


class Gazette(Base):
    def test_list(self):
        c = self.snv()
        r = self.page(c, "/cong-bao")
        heads = [squash(text_of(th)) for th in next(r.tree().iter("thead")).iter("th")]
        self.assertEqual(heads, ["Số công báo", "Tiêu đề", "Ngày phát hành", "Số văn bản"])
        rows = self.rows(r)
        self.assertEqual([x[2][0] for x in rows], ["15+16", "01"], "issues newest first")
        self.assertEqual(rows[0][2][2:], ["05/04/2024", "3"], "date and how many documents")
        years = r.tree().find(".//nav[@class='year-links']")
        self.assertIsNotNone(years, "no year links")
        self.assertEqual([squash(text_of(a)) for a in years.iter("a")], ["2024", "2023"])
        r = self.page(c, "/cong-bao?nam=2023")
        self.assertEqual([x[2][0] for x in self.rows(r)], ["01"])
        self.assertEqual([a.get("aria-current") for a in r.tree().find(".//nav[@class='year-links']").iter("a")],
                         [None, "page"])

    def test_issue_page(self):
        c = self.snv()
        r = self.page(c, self.path_of("I15", "cong-bao"))
        rel = self.section(r, "lien-quan")
        div = [d for d in rel.iter("div") if squash(text_of(d.find("dt"))) == "Văn bản đăng trong số"]
        self.assertTrue(div, "no Văn bản đăng trong số group")
        items = [(squash(text_of(dd)), [a.get("href") for a in dd.iter("a")]) for dd in div[0].findall("dd")]
        self.assertEqual(items, [
            ("12/2024/QĐ-UBND — Quy định mức học phí năm học 2024-2025", [self.path_of("A")]),
            ("15/2024/CT-UBND — Về tăng cường kỷ luật, kỷ cương hành chính", [self.path_of("C")]),
            ("99/2024/QĐ-UBND", []),
        ])
        self.assertIsNone(r.by_id("hieu-luc"), "a gazette issue has no validity")


class Exports(Base):
    def test_csv(self):
        c = self.snv()
        r = self.expect(c.get("/van-ban.csv?loai=" + urllib.parse.quote("Quyết định")), 200)
        self.assertTrue(r.ctype.startswith("text/csv"), r.ctype)
        self.assertTrue(r.body.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark")
        rows = list(csv.reader(io.StringIO(r.body[3:].decode("utf-8"))))
        head = rows[0]
        self.assertEqual(head[:3], ["id", "title", "so_ky_hieu"])
        self.assertEqual(head[-2:], ["hieu_luc", "url"])
        for k in ("loai", "co_quan_ban_hanh", "ngay_ban_hanh", "linh_vuc", "sua_doi", "thay_the"):
            self.assertIn(k, head)
        recs = [dict(zip(head, x)) for x in rows[1:]]
        self.assertEqual({x["so_ky_hieu"] for x in recs},
                         {"12/2024/QĐ-UBND", "05/2023/QĐ-UBND", "20/2021/QĐ-UBND", "30/2025/QĐ-UBND"})
        a = [x for x in recs if x["so_ky_hieu"] == "12/2024/QĐ-UBND"][0]
        self.assertEqual(a["ngay_ban_hanh"], "2024-03-15")
        self.assertEqual(a["sua_doi"], "05/2023/QĐ-UBND")
        self.assertEqual(a["hieu_luc"], "con_hieu_luc")
        self.assertEqual(a["url"], "http://snv.%s:%d%s" % (BASE, self.fx.port, self.path_of("A")))
        # every matching row, not a page
        r = self.expect(c.get("/van-ban.csv"), 200)
        self.assertEqual(len(list(csv.reader(io.StringIO(r.body[3:].decode("utf-8"))))) - 1, self.d["legal_total"])
        # a formula is written as text
        r = self.expect(c.get("/van-ban.csv?loai=" + urllib.parse.quote("Thông báo")), 200)
        rows = list(csv.reader(io.StringIO(r.body[3:].decode("utf-8"))))
        self.assertEqual(rows[1][1], "'=HYPERLINK(\"http://evil.example\",\"bấm vào\")", "formula injection")

    def test_json(self):
        c = self.snv()
        r = self.expect(c.get("/van-ban.json?nam=2024&loai=" + urllib.parse.quote("Quyết định")), 200)
        self.assertTrue(r.ctype.startswith("application/json"), r.ctype)
        doc = json.loads(r.body)
        self.assertEqual(doc["total"], 1)
        self.assertEqual(len(doc["items"]), 1)
        it = doc["items"][0]
        self.assertEqual((it["id"], it["so_ky_hieu"], it["linh_vuc"], it["hieu_luc"]),
                         (self.d["A"], "12/2024/QĐ-UBND", ["Giáo dục"], "con_hieu_luc"))
        self.assertTrue(it["url"].endswith(self.path_of("A")))
        doc = json.loads(self.expect(c.get("/van-ban.json?q=" + urllib.parse.quote("QĐ 12/2024")), 200).body)
        self.assertEqual([x["id"] for x in doc["items"]], [self.d["A"]])
        doc = json.loads(self.expect(c.get("/cong-bao.json"), 200).body)
        self.assertEqual([x["so"] for x in doc["items"]], ["15+16", "01"])
        self.assertEqual(doc["items"][0]["van_ban"], ["12/2024/QĐ-UBND", "15/2024/CT-UBND", "99/2024/QĐ-UBND"])
        self.expect(c.get("/tin.json"), 404)

    def test_list_links_exports(self):
        r = self.page(self.snv(), "/van-ban?nam=2024")
        links = r.links()
        self.assertIn("/van-ban.csv?nam=2024", links)
        self.assertIn("/van-ban.json?nam=2024", links)


class Search(Base):
    def block(self, r):
        return r.by_id("so-ky-hieu-legal")

    def test_number_block(self):
        snv, main = self.snv(), self.fx.client()
        for q in ("12/2024/QĐ-UBND", "12/2024/qd-ubnd", "QĐ 12/2024", "12 2024 QĐ UBND", "quyết định 12/2024"):
            with self.subTest(q=q):
                r = self.page(snv, "/tim-kiem?q=" + urllib.parse.quote(q))
                b = self.block(r)
                self.assertIsNotNone(b, "no Văn bản block for %s" % q)
                sec = self.section(r, "so-ky-hieu-legal")
                self.assertEqual([a.get("href") for a in sec.iter("a")],
                                 ["http://snv.%s:%d%s" % (BASE, self.fx.port, self.path_of("A"))])
                # on the main portal: every site's documents
                r = self.page(main, "/tim-kiem?q=" + urllib.parse.quote(q))
                sec = self.section(r, "so-ky-hieu-legal")
                self.assertIn("Sở Nội vụ", squash(text_of(sec)))
        # a component site does not list another site's document
        r = self.page(snv, "/tim-kiem?q=" + urllib.parse.quote("25/2024/QĐ-UBND"))
        self.assertIsNone(self.block(r))
        r = self.page(main, "/tim-kiem?q=" + urllib.parse.quote("25/2024/QĐ-UBND"))
        self.assertIsNotNone(self.block(r))
        r = self.page(snv, "/tim-kiem?q=" + urllib.parse.quote("học phí"))
        self.assertIsNone(self.block(r), "a block for words")

    def test_results_link_their_kind(self):
        r = self.page(self.snv(), "/tim-kiem?q=" + urllib.parse.quote("kỷ cương hành chính"))
        links = [a.get("href") for h in r.tree().iter("h2") for a in h.iter("a")]
        want = "http://snv.%s:%d%s" % (BASE, self.fx.port, self.path_of("C"))
        self.assertIn(want, links, "the document's search result")


class Cache(Base):
    def test_pages_cached_and_refreshed(self):
        c = self.snv()
        r1 = self.expect(c.get("/van-ban"), 200)
        r2 = self.expect(c.get("/van-ban"), 200)
        self.assertEqual(r1.header("ETag"), r2.header("ETag"))
        self.st.bump()
        r3 = self.expect(c.get("/van-ban"), 200)
        self.assertEqual(r3.text, r1.text)
