"""Periodic reports (issue #17; docs/reports.md): a site's and the province's report of a closed
quarter made from rows written here, its numbers on the page, in the CSV and in the XLSX (read
back with openpyxl) equal to counts of those rows; the sign-off (freezing) that keeps the report
as it was when the data changes, the correction as a new version, the comparison with the
previous period; who may see what; the printable page; bad input."""
import csv
import datetime
import io

from conglib import CongTest, cong, locale_texts, module_fixture, squash, text_of

setUpModule, tearDownModule = module_fixture()

VI = locale_texts("vi")
VN = datetime.timezone(datetime.timedelta(hours=7))
DATA = {}


def at(day, hour=9):
    y, m, d = map(int, day.split("-"))
    return int(datetime.datetime(y, m, d, hour, 0, tzinfo=VN).timestamp())


# What the test writes into 2025's second quarter (and a little around it) on snv:
# items (category, author, published day, state)
ITEMS = [("tin", "Nguyễn Văn An", "2025-04-02", "published"),
         ("tin", "Nguyễn Văn An", "2025-05-20", "published"),
         ("tin", "Trần Thị Bình", "2025-06-30", "published"),
         ("vb", "Trần Thị Bình", "2025-06-01", "withdrawn"),
         ("vb", "Lê Văn Cường", "2025-07-01", "published"),   # Q3
         ("tin", "Lê Văn Cường", "2025-03-31", "published")]  # Q1
# tickets (kind, state, received, due, closed)
TICKETS = [("question", "closed", "2025-04-03", "2025-04-20", "2025-04-10"),
           ("question", "processing", "2025-05-01", "2025-05-20", None),      # open and late
           ("feedback", "refused", "2025-05-02", "2025-05-25", "2025-05-03"),
           ("info_request", "ir_provided", "2025-06-02", "2025-06-05", "2025-06-09")]  # late
INCIDENTS = [("outage", "2025-04-15"), ("attack", "2025-05-15"), ("outage", "2025-08-01")]
BACKUPS = [("2025-04-01", 1, 1), ("2025-05-01", 1, 0), ("2025-06-01", 0, None)]


def in_q2(day):
    return "2025-04-01" <= day <= "2025-06-30"


class Base(CongTest):
    def approver(self):
        return self.fx.admin("duyet", "snv")

    def board(self):
        return self.fx.admin("admin", None)

    def data(self):
        if DATA:
            return DATA
        snv = self.fx.sql("SELECT id FROM sites WHERE slug = 'snv'")[0][0]
        cats = {"tin": self.fx.category(self.approver(), "Tin báo cáo")[0],
                "vb": self.fx.category(self.approver(), "Văn bản báo cáo")[0]}
        for i, (cat, author, day, state) in enumerate(ITEMS):
            self.fx.sql("INSERT INTO items (site_id, category_id, state, title, slug, author, kind, published_at,"
                        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'article', ?, ?, ?)",
                        (snv, cats[cat], state, "Tin báo cáo %d" % i, "tin-bao-cao-%d" % i, author, at(day),
                         at("2025-01-01"), at("2025-01-01")))
        for i, (kind, state, rec, due, closed) in enumerate(TICKETS):
            self.fx.sql("INSERT INTO tickets (kind, code, site_id, origin_site_id, state, received_at, due_at,"
                        " closed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (kind, "BC-%04d" % i, snv, snv, state, at(rec), at(due), at(closed) if closed else None,
                         at(rec)))
        for kind, day in INCIDENTS:
            self.fx.sql("INSERT INTO incidents (occurred_at, kind, effect, actions, handler, recorded_at)"
                        " VALUES (?, ?, 'x', 'y', 'z', ?)", (at(day), kind, at(day)))
        for day, ok, drill in BACKUPS:
            self.fx.sql("INSERT INTO backups (name, trigger, started_at, finished_at, ok, drill_ok)"
                        " VALUES (?, 'schedule', ?, ?, ?, ?)", (day, at(day, 2), at(day, 3), ok, drill))
        DATA.update(snv=snv, cats=cats)
        return DATA

    @staticmethod
    def table(r, key):
        """{row label: [numbers as shown]} and the total of section KEY of the page."""
        return Base.table_in(r, key, VI["rep_total"])

    @staticmethod
    def table_in(r, key, total_label):
        sec = [s for s in r.find_all("section") if s.get("aria-labelledby") == "muc-" + key]
        assert sec, "no section " + key
        rows, total = {}, None
        for tr in sec[0].iter("tr"):
            th = tr.find("th")
            tds = tr.findall("td")
            if th is None or not tds:
                continue
            vals = [(td.text or "").strip() for td in tds]
            if squash(text_of(th)) == total_label:
                total = vals
            else:
                rows[squash(text_of(th))] = vals
        return rows, total


class SiteReport(Base):
    def test_the_page_shows_counts_of_the_data(self):
        d = self.data()
        r = self.expect(self.approver().get("/quan-tri/bao-cao?pham-vi=trang&ky=2025-q2"), 200)
        self.check_html(r, chrome=False)
        self.assertEqual(r.header("Cache-Control"), "no-store")
        q2 = [it for it in ITEMS if in_q2(it[2])]
        rows, total = self.table(r, "items_by_kind")
        self.assertEqual(rows["Tin bài"], [str(len(q2))])
        rows, total = self.table(r, "items_by_category")
        self.assertEqual(rows["Tin báo cáo"], [str(sum(1 for it in q2 if it[0] == "tin"))])
        self.assertEqual(rows["Văn bản báo cáo"], [str(sum(1 for it in q2 if it[0] == "vb"))])
        self.assertEqual(total, [str(len(q2))])
        rows, _ = self.table(r, "items_by_author")
        self.assertEqual(rows["Nguyễn Văn An"], ["2"])
        self.assertEqual(rows["Trần Thị Bình"], ["2"])
        self.assertNotIn("Lê Văn Cường", rows)
        rows, total = self.table(r, "tickets")
        # received, answered, refused, open, late
        self.assertEqual(rows["Câu hỏi"], ["2", "1", "0", "1", "1"])
        self.assertEqual(rows["Phản ánh, kiến nghị"], ["1", "0", "1", "0", "0"])
        self.assertEqual(rows["Yêu cầu cung cấp thông tin"], ["1", "1", "0", "0", "1"])
        self.assertEqual(total, ["4", "2", "1", "1", "2"])
        rows, total = self.table(r, "incidents")
        self.assertEqual(total, [str(sum(1 for _, day in INCIDENTS if in_q2(day)))])
        rows, _ = self.table(r, "backups")
        runs = [b for b in BACKUPS if in_q2(b[0])]
        self.assertEqual(rows[VI["rep_row_backups"]], ["3", "2", "1"])
        self.assertEqual(rows[VI["rep_row_drills"]], [str(sum(1 for b in runs if b[2] is not None)), "1", "1"])
        # charts: server-side SVG with an accessible name
        svgs = [e for e in r.tree().iter() if isinstance(e.tag, str) and e.tag.endswith("svg")]
        self.assertTrue(svgs and all(s.get("role") == "img" for s in svgs))
        self.assertIn(VI["rep_sec_items_by_kind"], squash(text_of(r.tree())))
        # no province tab on a component site, and the period is kept in the form
        sel = r.by_id("ky")
        self.assertEqual([o.get("value") for o in sel.iter("option") if o.get("selected") is not None], ["2025-q2"])

    def test_csv_and_xlsx_carry_the_same_numbers(self):
        self.data()
        r = self.expect(self.approver().get("/quan-tri/bao-cao?pham-vi=trang&ky=2025-q2&dang=csv"), 200)
        self.assertTrue(r.ctype.startswith("text/csv"))
        self.assertIn("bao-cao-snv-2025-q2.csv", r.header("Content-Disposition"))
        lines = list(csv.DictReader(io.StringIO(r.body.decode("utf-8-sig"))))
        got = {(x[VI["rep_csv_section_key"]], x[VI["rep_csv_row_key"]], x[VI["rep_csv_column_key"]]): x[VI["rep_csv_value"]]
               for x in lines}
        self.assertEqual(got[("items_by_kind", "article", "published")], "4")
        self.assertEqual(got[("tickets", "question", "late")], "1")
        self.assertEqual(got[("tickets", "total", "received")], "4")
        self.assertEqual(got[("backups", "drills", "failed")], "1")
        self.assertEqual(got[("items_by_author", "Nguyễn Văn An", "published")], "2")
        self.assertNotIn(VI["rep_csv_prev"], lines[0])

        import openpyxl
        r = self.expect(self.approver().get("/quan-tri/bao-cao?pham-vi=trang&ky=2025-q2&dang=xlsx"), 200)
        self.assertEqual(r.ctype, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        wb = openpyxl.load_workbook(io.BytesIO(r.body))
        self.assertEqual(wb.sheetnames[0], VI["rep_sheet_info"])
        info = {row[0]: row[1] for row in wb[VI["rep_sheet_info"]].iter_rows(min_row=2, values_only=True)}
        self.assertEqual(info[VI["rep_info_site"]], "Sở Nội vụ")
        self.assertEqual(info[VI["rep_info_from"]], "2025-04-01")
        ws = wb.worksheets[5]  # the information, then the sections in order: tickets is the fifth
        self.assertTrue(ws.title.startswith(VI["rep_sec_tickets"][:20]) and len(ws.title) <= 31)
        rows = {row[0]: list(row[1:]) for row in ws.iter_rows(min_row=2, values_only=True)}
        self.assertEqual(rows["Câu hỏi"], [2, 1, 0, 1, 1])
        self.assertEqual(rows[VI["rep_total"]], [4, 2, 1, 1, 2])
        ws = wb[VI["rep_sec_deadlines"]]
        header = [c.value for c in ws[1]]
        self.assertEqual(header[-1], VI["rep_col_dl_pct"])

    def test_the_printable_page(self):
        self.data()
        r = self.expect(self.approver().get("/quan-tri/bao-cao/ban-in?pham-vi=trang&ky=2025-q2"), 200)
        self.check_html(r, chrome=False)
        self.assertIn('href="/static/css/report-print.css"', r.text)
        self.assertEqual(self.table(r, "items_by_kind")[1], ["4"])
        self.assertIn(VI["rep_sign_title"], r.text)
        css = self.expect(self.fx.client("snv").get("/static/css/report-print.css"), 200)
        self.assertIn("@media print", css.text)


class Freezing(Base):
    def test_frozen_report_stays_and_a_correction_is_a_new_version(self):
        d = self.data()
        url = "/quan-tri/bao-cao?pham-vi=trang&ky=2025-h1"
        ap = self.approver()
        r = self.expect(ap.get(url), 200)
        self.assertEqual(self.table(r, "items_by_kind")[0]["Tin bài"], ["5"])  # Q1's one too
        # without the CSRF token: refused
        self.expect(ap.post("/quan-tri/bao-cao/chot", [("pham-vi", "trang"), ("ky", "2025-h1")], csrf=False), 403)
        r = self.expect(ap.post("/quan-tri/bao-cao/chot", [("pham-vi", "trang"), ("ky", "2025-h1"),
                                                           ("ghi-chu", "Báo cáo 6 tháng")]), 303)
        self.assertIn("phien-ban=1", r.location)
        r = self.expect(ap.get(r.location_path + "?" + r.location.split("?", 1)[1]), 200)
        self.assertIn(VI["rep_frozen_notice"], r.text)
        self.assertEqual(self.fx.sql("SELECT count(*) FROM audit WHERE action = 'report.freeze'")[0][0], 1)
        # the data changes: the frozen report does not
        self.fx.sql("INSERT INTO items (site_id, category_id, state, title, slug, author, kind, published_at,"
                    " created_at, updated_at) VALUES (?, ?, 'published', 'Tin thêm', 'tin-them', 'Ngô Văn Em',"
                    " 'article', ?, ?, ?)", (d["snv"], d["cats"]["tin"], at("2025-02-02"), at("2025-01-01"),
                                             at("2025-01-01")))
        r = self.expect(ap.get(url), 200)
        self.assertEqual(self.table(r, "items_by_kind")[0]["Tin bài"], ["5"])
        self.assertNotIn("Ngô Văn Em", r.text)
        # a correction needs its reason: the message next to the field
        r = self.expect(ap.post("/quan-tri/bao-cao/chot", [("pham-vi", "trang"), ("ky", "2025-h1"), ("ghi-chu", "")]), 422)
        self.assertEqual(r.by_id("ghi-chu").get("aria-invalid"), "true")
        self.assertIn(VI["rep_err_note_required"], squash(text_of(r.by_id("ghi-chu-error"))))
        long_note = "Đính chính số liệu. " * 30  # 600 characters: refused, the text kept
        r = self.expect(ap.post("/quan-tri/bao-cao/chot", [("pham-vi", "trang"), ("ky", "2025-h1"),
                                                           ("ghi-chu", long_note)]), 422)
        self.assertIn(VI["rep_err_note_long"], squash(text_of(r.by_id("ghi-chu-error"))))
        self.assertEqual(text_of(r.by_id("ghi-chu")), long_note)
        r = self.expect(ap.post("/quan-tri/bao-cao/chot", [("pham-vi", "trang"), ("ky", "2025-h1"),
                                                           ("ghi-chu", "Bổ sung tin ngày 02/02")]), 303)
        self.assertIn("phien-ban=2", r.location)
        r = self.expect(ap.get(url), 200)
        self.assertEqual(self.table(r, "items_by_kind")[0]["Tin bài"], ["6"])
        self.assertIn("Bổ sung tin ngày 02/02", r.text)
        r = self.expect(ap.get(url + "&phien-ban=1"), 200)
        self.assertEqual(self.table(r, "items_by_kind")[0]["Tin bài"], ["5"])
        self.expect(ap.get(url + "&phien-ban=9"), 404)
        # a period not over cannot be signed off
        year = datetime.datetime.now(VN).year
        r = self.expect(ap.post("/quan-tri/bao-cao/chot", [("pham-vi", "trang"), ("ky", "%d" % year)]), 422)
        self.assertIn(VI["rep_err_period_open"], r.text)

    def test_comparison_with_the_previous_period(self):
        self.data()
        ap = self.approver()
        r = self.expect(ap.get("/quan-tri/bao-cao?pham-vi=trang&ky=2025-q3&so-sanh=1"), 200)
        self.check_html(r, chrome=False)
        rows, _ = self.table(r, "items_by_kind")
        # Q3: one item; Q2: four
        self.assertTrue(rows["Tin bài"][0].startswith("1"))
        cell = [s for s in r.find_all("section") if s.get("aria-labelledby") == "muc-items_by_kind"][0]
        deltas = [squash(text_of(s)) for s in cell.iter("span") if "report-delta" in (s.get("class") or "")]
        self.assertIn("(-3; %s 4)" % VI["rep_prev_short"], deltas)
        r = self.expect(ap.get("/quan-tri/bao-cao?pham-vi=trang&ky=2025-q3&so-sanh=1&dang=csv"), 200)
        lines = list(csv.DictReader(io.StringIO(r.body.decode("utf-8-sig"))))
        line = [x for x in lines if x[VI["rep_csv_section_key"]] == "items_by_kind" and x[VI["rep_csv_row_key"]] == "article"][0]
        self.assertEqual((line[VI["rep_csv_value"]], line[VI["rep_csv_prev"]], line[VI["rep_csv_delta"]]), ("1", "4", "-3"))
        inc = [x for x in lines if x[VI["rep_csv_section_key"]] == "incidents" and x[VI["rep_csv_row_key"]] == "attack"][0]
        self.assertEqual(inc[VI["rep_csv_delta"]], "-1")


class Access(Base):
    def test_the_province_compares_sites_for_the_main_board_only(self):
        d = self.data()
        r = self.expect(self.board().get("/quan-tri/bao-cao?pham-vi=tinh&ky=2025-q2"), 200)
        self.check_html(r, chrome=False)
        rows, _ = self.table(r, "sites")
        self.assertEqual(rows["Sở Nội vụ"][0], "4")  # published
        self.assertEqual(rows["Sở Nội vụ"][3], "4")  # received
        self.assertEqual(set(rows), {name for (name,) in self.fx.sql("SELECT name FROM sites")})  # every site
        # on a component site "pham-vi=tinh" is its own report, not the province's
        r = self.expect(self.approver().get("/quan-tri/bao-cao?pham-vi=tinh&ky=2025-q2"), 200)
        self.assertEqual([s for s in r.find_all("section") if s.get("aria-labelledby") == "muc-sites"], [])
        # an editor is below the route's level; anonymous goes to sign in
        self.expect(self.fx.admin("bientap", "longho").get("/quan-tri/bao-cao"), 403)
        r = self.expect(self.fx.client("snv").get("/quan-tri/bao-cao"), 303)
        self.assertTrue(r.location_path.startswith("/quan-tri/dang-nhap"))
        # the menu's entry
        r = self.expect(self.approver().get("/quan-tri/"), 200)
        self.assertIn("/quan-tri/bao-cao", r.links())

    def test_a_bad_period_is_refused_next_to_the_field(self):
        r = self.expect(self.approver().get("/quan-tri/bao-cao?ky=2025-q9"), 422)
        self.check_html(r, chrome=False)
        self.assertEqual(r.by_id("ky").get("aria-invalid"), "true")
        self.assertIn(VI["rep_err_period"], squash(text_of(r.by_id("ky-error"))))
        self.assertIn("2025-q9", squash(text_of(r.by_id("ky-error"))))

    def test_the_report_in_the_accounts_language(self):
        self.data()
        ap = self.approver()
        EN, KM = locale_texts("en"), locale_texts("km")
        try:
            self.expect(ap.post("/quan-tri/ngon-ngu", [("language", "en")]), 303)
            r = self.expect(ap.get("/quan-tri/bao-cao?pham-vi=trang&ky=2025-q2"), 200)
            self.check_html(r, chrome=False, lang="en")
            self.assertIn(EN["rep_sec_items_by_kind"], r.text)
            rows, _ = self.table_in(r, "items_by_kind", EN["rep_total"])
            self.assertEqual(rows[EN["kind.article"]], ["4"])
            self.assertIn("%s II/2025" % EN["rep_quarter"], squash(text_of(r.by_id("ky"))))
            r = self.expect(ap.get("/quan-tri/bao-cao?pham-vi=trang&ky=2025-q2&dang=csv"), 200)
            lines = list(csv.DictReader(io.StringIO(r.body.decode("utf-8-sig"))))
            self.assertIn(EN["rep_sec_tickets"], {x[EN["rep_csv_section"]] for x in lines})
            self.expect(ap.post("/quan-tri/ngon-ngu", [("language", "km")]), 303)
            r = self.expect(ap.get("/quan-tri/bao-cao?pham-vi=trang&ky=2025-q2"), 200)
            self.assertIn(KM["rep_sec_tickets"], r.text)
            self.assertIn(KM["rep_freeze_hint"][:20], r.text)
        finally:
            self.expect(ap.post("/quan-tri/ngon-ngu", [("language", "vi")]), 303)
