"""Royalties, nhuận bút (docs/royalties.md): the approver gives the genre and coefficient when
publishing (refused with the input kept when above the genre's maximum, and then nothing is
published), payees whose names are stored sealed, shares that must add up to 100 %, a period's
statement with its total in words, the caps on fees and bonus fund refused with the rule quoted,
the XLSX read back with openpyxl, the printable page, the 60-day payment deadline on the
deadline lists, a paid period locked and a later change recorded as an adjustment of the next
period; who may do what."""
import csv
import io
import re

import openpyxl

from conglib import CongTest, module_fixture, squash, text_of

setUpModule, tearDownModule = module_fixture()


def period_id(test, client):
    page = test.page(client, "/quan-tri/nhuan-but")
    m = re.findall(r'href="/quan-tri/nhuan-but/ky/(\d+)"', page.text)
    test.assertTrue(m, "a period is listed")
    return int(m[0])


class Royalties(CongTest):
    @classmethod
    def setUpClass(cls):
        cls.admin = cls.fx.admin("admin", "snv")
        cls.cat = cls.fx.category(cls.admin, "Tin nhuận bút")[0]

    def draft(self, title):
        aid = self.fx.article(self.admin, title, category_id=self.cat)
        for action in ("submit", "edited"):
            self.fx.act(self.admin, aid, action)
        return aid

    def test_1_publish_with_a_coefficient_life_cycle(self):
        fx, admin = self.fx, self.admin
        aid = self.draft("Hội nghị tổng kết công tác cải cách hành chính")
        # the publish form offers the genres
        page = self.page(admin, "/quan-tri/bai-viet/%d" % aid)
        self.assertIsNotNone(page.by_id("nb-genre"), "the publish form has the genre")
        self.assertIn_("Tin, trả lời bạn đọc", page)
        # above the news genre's maximum of 10: refused, nothing published, the input kept
        r = fx.act(admin, aid, "publish", expect=422, nb_genre="1", nb_coef="12")
        self.check_html(r)
        self.assertIsNotNone(r.by_id("nb-coef-error"), "the message is next to the coefficient")
        self.assertIn_("vượt hệ số tối đa", r)
        self.assertEqual(r.by_id("nb-coef").get("value"), "12")
        self.assertEqual(fx.sql("SELECT state FROM items WHERE id = ?", (aid,))[0][0], "edited", "not published")
        self.assertEqual(fx.sql("SELECT count(*) FROM royalty_entries")[0][0], 0)
        # 2,5 of 234,000 đ: 585,000 đ, in the publish action's transaction
        fx.act(admin, aid, "publish", nb_genre="1", nb_coef="2,5")
        self.assertEqual(fx.sql("SELECT state FROM items WHERE id = ?", (aid,))[0][0], "published")
        self.assertEqual(fx.sql("SELECT genre_code, coef, amount FROM royalty_entries WHERE item_id = ?", (aid,)),
                         [(1, 25, 585000)])
        # publishing without a genre leaves the royalty for later
        later = self.draft("Thông báo lịch tiếp công dân")
        fx.act(admin, later, "publish")
        page = self.page(admin, "/quan-tri/nhuan-but")
        self.assertIn_("Thông báo lịch tiếp công dân", page, "listed as published without a royalty")

        # payees: one refused (no name, input kept), two added, their names sealed
        r = admin.post("/quan-tri/nhuan-but/nguoi", [("name", " "), ("unit", "Văn phòng Sở"), ("tax_code", "8012345678")])
        self.expect(r, 422, "no name")
        self.check_html(r)
        self.assertIsNotNone(r.by_id("name-error"), "#name-error next to its field")
        self.assertEqual(r.by_id("unit").get("value"), "Văn phòng Sở")
        for name, unit, user in (("Nguyễn Thị Hoa", "Văn phòng Sở", "duyet"), ("Trần Văn Nam", "Báo Vĩnh Long", "")):
            self.expect(admin.post("/quan-tri/nhuan-but/nguoi", [("name", name), ("unit", unit), ("tax_code", "8012345678"),
                                                                 ("username", user)]), 303, name)
        r = admin.post("/quan-tri/nhuan-but/nguoi", [("name", "Lê Văn C"), ("username", "khong-co-ai")])
        self.expect(r, 422, "an unknown account")
        self.assertIsNotNone(r.by_id("username-error"), "#username-error next to its field")
        stored = " ".join(row[0] for row in fx.sql("SELECT pdata FROM royalty_people"))
        for clear in ("Hoa", "Nam", "8012345678", "Văn phòng"):
            self.assertNotIn(clear, stored, "sealed at rest")
        people = self.page(admin, "/quan-tri/nhuan-but/nguoi")
        self.assertIn_("Nguyễn Thị Hoa", people)
        self.assertEqual(people.header("Cache-Control"), "no-store")
        hoa, nam = [r[0] for r in fx.sql("SELECT id FROM royalty_people ORDER BY id")]
        # a payee's data changed: the form holds it, a refusal keeps which person it was
        form = self.page(admin, "/quan-tri/nhuan-but/nguoi?sua=%d" % hoa)
        self.assertEqual(form.by_id("name").get("value"), "Nguyễn Thị Hoa")
        r = admin.post("/quan-tri/nhuan-but/nguoi", [("id", str(hoa)), ("name", ""), ("unit", "Phòng Thông tin")])
        self.expect(r, 422, "a payee's name emptied")
        self.assertIn_('name="id" value="%d"' % hoa, r)
        self.expect(admin.post("/quan-tri/nhuan-but/nguoi", [("id", str(hoa)), ("name", "Nguyễn Thị Hoa"),
                                                             ("unit", "Phòng Thông tin"), ("username", "duyet")]), 303)
        self.assertIn_("Phòng Thông tin", self.page(admin, "/quan-tri/nhuan-but/nguoi"))
        self.assertEqual(fx.sql("SELECT count(*) FROM royalty_people")[0][0], 2, "changed, not added")
        self.assertNotIn("Phòng Thông tin", " ".join(r[0] for r in fx.sql("SELECT pdata FROM royalty_people")))
        # another site's payee is not this site's to change
        self.expect(fx.admin("admin", "stc").post("/quan-tri/nhuan-but/nguoi", [("id", str(hoa)), ("name", "X")]), 404)

        # shares must add up to 100 %
        base = [("genre", "1"), ("coef", "2,5"), ("shares_given", "1"), ("person_0", str(hoa)), ("role_0", "author"),
                ("share_0", "60"), ("person_1", str(nam)), ("role_1", "photographer")]
        r = admin.post("/quan-tri/nhuan-but/bai/%d" % aid, base + [("share_1", "30")])
        self.expect(r, 422, "90 %")
        self.check_html(r)
        self.assertIsNotNone(r.by_id("shares-error"), "#shares-error next to its field")
        self.assertIn_("đúng 100 %", r)
        self.assertEqual(r.by_id("share_1").get("value"), "30", "the input kept")
        # a translation outside 40–65 %: refused with the rule
        r = admin.post("/quan-tri/nhuan-but/bai/%d" % aid, base + [("share_1", "40"), ("mod_dich", "70")])
        self.expect(r, 422, "translation at 70 %")
        self.assertIsNotNone(r.by_id("mod_dich-error"), "#mod_dich-error next to its field " + squash(re.sub("<[^>]+>", " ", r.text))[-1500:])
        self.assertIn_("40–65 %", r)
        self.expect(admin.post("/quan-tri/nhuan-but/bai/%d" % aid, base + [("share_1", "40")]), 303, "60 + 40")
        page = self.page(admin, "/quan-tri/nhuan-but/bai/%d" % aid)
        self.assertIn_("351.000 đ", page, "Hoa's 60 %")
        self.assertIn_("234.000 đ", page, "Nam's 40 %")

        # the period's statement, its total in words
        pid = period_id(self, admin)
        st = self.page(admin, "/quan-tri/nhuan-but/ky/%d" % pid)
        self.assertEqual(squash(text_of(st.by_id("tong"))), "585.000 đ")
        self.assertEqual(squash(text_of(st.by_id("bang-chu"))), "Năm trăm tám mươi lăm nghìn đồng")
        self.assertEqual(st.header("Cache-Control"), "no-store")
        one = self.page(admin, "/quan-tri/nhuan-but/ky/%d?nguoi=%d" % (pid, hoa))
        self.assertEqual(squash(text_of(one.by_id("bang-chu"))), "Ba trăm năm mươi mốt nghìn đồng")

        # the caps: fees ≤ 50 %, bonus fund ≤ 30 % of 585,000 đ, refused with the rule quoted
        r = admin.post("/quan-tri/nhuan-but/ky/%d" % pid, [("unit_value", "234.000"), ("fee_total", "292.501"),
                                                          ("bonus_fund", "175.501")])
        self.expect(r, 422, "above both caps")
        self.check_html(r)
        self.assertIsNotNone(r.by_id("fee_total-error"), "#fee_total-error next to its field")
        self.assertIsNotNone(r.by_id("bonus_fund-error"), "#bonus_fund-error next to its field")
        self.assertIn_("không quá 50 % và 30 % tổng nhuận bút", r)  # the rule, quoted
        self.assertEqual(r.by_id("fee_total").get("value"), "292.501", "the input kept")
        self.assertEqual(fx.sql("SELECT fee_total, bonus_fund FROM royalty_periods WHERE id = ?", (pid,)), [(0, 0)])
        self.expect(admin.post("/quan-tri/nhuan-but/ky/%d" % pid, [("unit_value", "234.000"), ("fee_total", "292.500"),
                                                                   ("bonus_fund", "175.500")]), 303, "at the caps")

        # the workbook, read back
        r = self.expect(admin.get("/quan-tri/nhuan-but/ky/%d/bang.xlsx" % pid), 200, "XLSX")
        ws = openpyxl.load_workbook(io.BytesIO(r.body)).active
        rows = [[c for c in row] for row in ws.iter_rows(values_only=True)]
        self.assertEqual(rows[0][0], "Tin, bài")
        self.assertEqual(rows[1][0], "Hội nghị tổng kết công tác cải cách hành chính")
        self.assertEqual(rows[1][4], 585000)
        self.assertEqual(float(rows[1][2]), 2.5)
        self.assertEqual(rows[-1][0], "Tổng cộng")
        self.assertEqual(rows[-1][4], 585000)
        self.assertEqual(rows[-1][3], "Năm trăm tám mươi lăm nghìn đồng")
        people_rows = {row[0]: row[4] for row in rows if row[1] == "Cộng cá nhân"}
        self.assertEqual(people_rows, {"Nguyễn Thị Hoa": 351000, "Trần Văn Nam": 234000})
        # the statement per payees' work unit (Hoa at "Phòng Thông tin", Nam at "Báo Vĩnh Long")
        unit_rows = {row[0]: (row[3], row[4]) for row in rows if row[1] == "Cộng đơn vị"}
        self.assertEqual(unit_rows, {"Phòng Thông tin": ("Ba trăm năm mươi mốt nghìn đồng", 351000),
                                     "Báo Vĩnh Long": ("Hai trăm ba mươi bốn nghìn đồng", 234000)})
        units = st.by_id("don-vi")
        self.assertIsNotNone(units, "the per-unit heading")
        table = [[squash(text_of(c)) for c in tr] for tr in st.find_all("table", class_="royalty-unit-totals")[0].iter("tr")]
        self.assertEqual(table[1:], [["Báo Vĩnh Long", "1", "234.000 đ", "Hai trăm ba mươi bốn nghìn đồng"],
                                     ["Phòng Thông tin", "1", "351.000 đ", "Ba trăm năm mươi mốt nghìn đồng"]],
                         "units by name, each with its payees' total")
        # the same rows as CSV: UTF-8 with its mark, Excel-safe, the same totals
        r = self.expect(admin.get("/quan-tri/nhuan-but/ky/%d/bang.csv" % pid), 200, "CSV")
        self.assertTrue(r.header("Content-Type").startswith("text/csv"))
        self.assertIn('filename="nhuan-but-ky-%d.csv"' % pid, r.header("Content-Disposition"))
        self.assertTrue(r.body.startswith(b"\xef\xbb\xbf"), "the UTF-8 mark Excel needs")
        csv_rows = list(csv.reader(io.StringIO(r.body.decode("utf-8-sig"))))
        self.assertEqual(csv_rows[0][0], "Tin, bài")
        self.assertEqual(csv_rows[1][0], "Hội nghị tổng kết công tác cải cách hành chính")
        self.assertEqual(csv_rows[-1], ["Tổng cộng", "", "", "Năm trăm tám mươi lăm nghìn đồng", "585000"])
        self.assertIn(["Phòng Thông tin", "Cộng đơn vị", "", "Ba trăm năm mươi mốt nghìn đồng", "351000"], csv_rows)
        self.assertEqual(len(csv_rows), len(rows), "the workbook's rows")
        r = self.expect(admin.get("/quan-tri/nhuan-but/ky/%d/bang.csv?nguoi=%d" % (pid, nam)), 200)
        self.assertEqual(list(csv.reader(io.StringIO(r.body.decode("utf-8-sig"))))[-1][4], "234000")
        self.expect(fx.admin("admin", "stc").get("/quan-tri/nhuan-but/ky/%d/bang.csv" % pid), 404, "another site's")
        r = self.expect(admin.get("/quan-tri/nhuan-but/ky/%d/bang.xlsx?nguoi=%d" % (pid, nam)), 200)
        rows = list(openpyxl.load_workbook(io.BytesIO(r.body)).active.iter_rows(values_only=True))
        self.assertEqual(rows[-1][4], 234000)
        self.assertEqual(rows[-1][3], "Hai trăm ba mươi bốn nghìn đồng")

        # the printable page
        r = self.expect(admin.get("/quan-tri/nhuan-but/ky/%d/ban-in" % pid), 200)
        self.check_html(r, chrome=False)
        self.assertIn_("Năm trăm tám mươi lăm nghìn đồng", r)
        self.assertIn_("Nguyễn Thị Hoa", r)
        printed = [[squash(text_of(c)) for c in tr] for tr in r.find_all("table", class_="royalty-unit-totals")[0].iter("tr")]
        i = printed.index(["Phòng Thông tin"])
        self.assertEqual(printed[i + 1][:3], ["Nguyễn Thị Hoa", "351.000 đ", "Ba trăm năm mươi mốt nghìn đồng"])
        self.assertEqual(printed[i + 2][:2], ["Cộng", "351.000 đ"], "the unit's subtotal")

        # the 60-day deadline: published 61 days ago, the period is overdue on the lists
        fx.sql("UPDATE royalty_entries SET published_at = published_at - 61 * 86400")
        dl = self.page(admin, "/quan-tri/han-cap-nhat")
        overdue = dl.by_id("ds-qua-han")
        self.assertIn("Nhuận bút", squash(text_of(overdue)))
        self.assertIn('/quan-tri/nhuan-but/ky/%d' % pid, dl.text)

        # paid: locked; the approver may not mark it paid
        approver = fx.admin("duyet", "snv")
        self.expect(approver.post("/quan-tri/nhuan-but/ky/%d/chi-tra" % pid), 403, "an approver paying")
        self.expect(admin.post("/quan-tri/nhuan-but/ky/%d/chi-tra" % pid), 303, "paid")
        self.assertEqual(fx.sql("SELECT state FROM royalty_periods WHERE id = ?", (pid,))[0][0], "paid")
        self.assertNotIn("/quan-tri/nhuan-but/ky/%d" % pid, self.page(admin, "/quan-tri/han-cap-nhat").text,
                         "a paid period is no longer due")
        r = admin.post("/quan-tri/nhuan-but/ky/%d" % pid, [("unit_value", "250.000")])
        self.expect(r, 422, "a paid period's unit value")
        self.assertIn_("đã khóa", r)
        r = admin.post("/quan-tri/nhuan-but/bai/%d" % aid, [("genre", "1"), ("coef", "3")])
        self.expect(r, 422, "a change in a paid period")
        self.assertIsNotNone(r.by_id("coef-error"), "#coef-error next to its field")
        self.assertIn_("đã khóa", r)
        self.assertEqual(fx.sql("SELECT coef FROM royalty_entries WHERE item_id = ? AND ref_id IS NULL", (aid,))[0][0], 25)
        # as an adjustment: +117,000 đ in the next period, naming the entry it adjusts
        self.expect(admin.post("/quan-tri/nhuan-but/bai/%d" % aid, [("genre", "1"), ("coef", "3"), ("adjust", "1")]), 303)
        entry = fx.sql("SELECT id FROM royalty_entries WHERE item_id = ? AND ref_id IS NULL", (aid,))[0][0]
        adj = fx.sql("SELECT amount, period_id, ref_id FROM royalty_entries WHERE item_id = ? AND ref_id IS NOT NULL", (aid,))
        self.assertEqual(len(adj), 1)
        self.assertEqual((adj[0][0], adj[0][2]), (117000, entry))
        self.assertNotEqual(adj[0][1], pid, "in another period")
        nxt = self.page(admin, "/quan-tri/nhuan-but/ky/%d" % adj[0][1])
        self.assertIn_("#%d" % entry, nxt, "the adjustment names the entry")
        self.assertEqual(squash(text_of(nxt.by_id("bang-chu"))), "Một trăm mười bảy nghìn đồng")
        # every step audited
        actions = {r[0] for r in fx.sql("SELECT action FROM audit WHERE action LIKE 'royalty.%'")}
        for a in ("royalty.item", "royalty.person.add", "royalty.person.update", "royalty.period", "royalty.pay", "royalty.adjust"):
            self.assertIn(a, actions)

    def test_2_genres_and_settings_site_administrators_only(self):
        fx, admin = self.fx, self.admin
        approver = fx.admin("duyet", "snv")
        page = self.page(approver, "/quan-tri/nhuan-but/the-loai")
        self.assertIsNone(page.by_id("name-1"), "no form for an approver")
        self.assertIn_("Tác phẩm trực tuyến", page)
        self.expect(approver.post("/quan-tri/nhuan-but/the-loai", [("code", "1"), ("name", "Tin"), ("max_coef", "20")]), 403)
        self.expect(approver.post("/quan-tri/nhuan-but", [("unit_value", "1"), ("period", "month")]), 403)
        self.expect(admin.post("/quan-tri/nhuan-but/the-loai", [("code", "1"), ("name", "Tin"), ("max_coef", "20")],
                               csrf=False), 403, "without CSRF")
        r = admin.post("/quan-tri/nhuan-but/the-loai", [("code", "1"), ("name", ""), ("max_coef", "mười")])
        self.expect(r, 422)
        self.check_html(r)
        self.assertIsNotNone(r.by_id("name-1-error"), "#name-1-error next to its field")
        self.assertIsNotNone(r.by_id("max-1-error"), "#max-1-error next to its field")
        self.assertEqual(r.by_id("max-1").get("value"), "mười")
        self.expect(admin.post("/quan-tri/nhuan-but/the-loai", [("code", "1"), ("name", "Tin, trả lời bạn đọc"),
                                                                ("max_coef", "12,5")]), 303)
        self.assertEqual(fx.sql("SELECT max_coef FROM royalty_genres WHERE code = 1 AND site_id IS NOT NULL"), [(125,)])
        r = admin.post("/quan-tri/nhuan-but", [("unit_value", "không"), ("period", "month")])
        self.expect(r, 422)
        self.assertIsNotNone(r.by_id("unit_value-error"), "#unit_value-error next to its field")
        self.expect(admin.post("/quan-tri/nhuan-but", [("unit_value", "250.000 đ"), ("period", "quarter")]), 303)
        self.assertEqual(fx.sql("SELECT unit_value, period FROM royalty_site_settings"), [(250000, "quarter")])
        # an account of no role on the site sees nothing
        other = fx.admin("bientap", "snv")
        self.expect(other.get("/quan-tri/nhuan-but"), 403, "an editor of another site")
