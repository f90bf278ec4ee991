"""The leaders' weekly work schedule (docs/schedules.md): the week view across a year boundary
(2026-W53 → 2027-W01), the leader filter, unpublished weeks not shown, the check hook's messages
next to their cells, the iCalendar feed parsed by python3-icalendar (per site and per leader,
stable UIDs, escaping, folding), the main portal's aggregate; the citizen-reception kind."""
import datetime
import re

import icalendar

from conglib import CongTest, module_fixture, squash, text_of
from items_helper import create, edit, publish, public_path

setUpModule, tearDownModule = module_fixture()

VN = datetime.timezone(datetime.timedelta(hours=7))
TODAY = datetime.datetime.now(VN).date()
MONDAY = TODAY - datetime.timedelta(days=TODAY.weekday())
CHU_TICH = "Ông Nguyễn Văn Thắng, Chủ tịch UBND tỉnh"
PHO_CHU_TICH = "Bà Trần Thị Mai, Phó Chủ tịch UBND tỉnh"


def vn(d):
    return d.strftime("%d/%m/%Y")


def entries(rows):
    """The form's cells of the entries' table: lich.<row>.<column>."""
    f = []
    for i, r in enumerate(rows):
        for k in ("ngay", "gio_bat_dau", "gio_ket_thuc", "noi_dung", "chu_tri", "dia_diem", "chuan_bi", "thanh_phan"):
            f.append(("lich.%d.%s" % (i, k), r.get(k, "")))
    return f


def week(day, rows, note=""):
    return [("tuan", day), ("ghi_chu", note)] + entries(rows)


def leader_slug(name):
    import unicodedata
    s = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^0-9a-z]+", "-", s).strip("-")


class Schedule(CongTest):
    @classmethod
    def setUpClass(cls):
        class T(CongTest):
            def runTest(self):
                pass
        t = T()
        fx = cls.fx
        c = fx.admin("duyet", "snv")
        cls.c = c
        # 2026-W53 (Monday 28/12/2026 to Sunday 03/01/2027) given by its Wednesday
        cls.w53 = create(t, c, "lich-cong-tac", "Lịch công tác tuần 53 năm 2026", week("30/12/2026", [
            {"ngay": "28/12/2026", "gio_bat_dau": "08:00", "gio_ket_thuc": "10h30", "noi_dung": "Họp UBND tỉnh thường kỳ tháng 12",
             "chu_tri": CHU_TICH, "dia_diem": "Phòng họp số 1, UBND tỉnh", "chuan_bi": "Văn phòng UBND tỉnh",
             "thanh_phan": "Các Phó Chủ tịch UBND tỉnh; Giám đốc các sở"},
            {"ngay": "03/01/2027", "gio_bat_dau": "7h30", "noi_dung": "Dự Lễ ra quân đầu năm",
             "chu_tri": PHO_CHU_TICH, "dia_diem": "Quảng trường tỉnh"},
        ]))
        publish(t, c, "lich-cong-tac", cls.w53)
        cls.w01 = create(t, c, "lich-cong-tac", "Lịch công tác tuần 1 năm 2027", week("04/01/2027", [
            {"ngay": "04/01/2027", "gio_bat_dau": "14:00", "noi_dung": "Làm việc với Sở Tài chính về dự toán năm 2027",
             "chu_tri": CHU_TICH, "dia_diem": "Sở Tài chính"},
        ]))
        publish(t, c, "lich-cong-tac", cls.w01)
        # a week written but never published
        cls.w02 = create(t, c, "lich-cong-tac", "Lịch công tác tuần 2 năm 2027", week("11/01/2027", [
            {"ngay": "12/01/2027", "gio_bat_dau": "09:00", "noi_dung": "Nội dung chưa duyệt của tuần 2", "chu_tri": CHU_TICH},
        ]))
        # this week, for the calendar feed: text that needs escaping and folding
        cls.long = ("Hội nghị trực tuyến toàn quốc triển khai nhiệm vụ chuyển đổi số, cải cách hành chính; "
                    "đánh giá, xếp hạng chỉ số năng lực cạnh tranh cấp tỉnh, cấp sở, ngành và địa phương năm 2026")
        cls.now = create(t, c, "lich-cong-tac", "Lịch công tác tuần này", week(vn(MONDAY + datetime.timedelta(days=2)), [
            {"ngay": vn(MONDAY), "gio_bat_dau": "07:30", "gio_ket_thuc": "11:00", "noi_dung": cls.long,
             "chu_tri": CHU_TICH, "dia_diem": "Hội trường A, số 88, đường 2/9", "thanh_phan": "Dòng 1\nDòng 2"},
            {"ngay": vn(MONDAY + datetime.timedelta(days=1)), "noi_dung": "Đi công tác cơ sở", "chu_tri": PHO_CHU_TICH},
        ]))
        publish(t, c, "lich-cong-tac", cls.now)

    def test_the_week_view_across_a_year_boundary(self):
        c = self.fx.client("snv")
        r = self.page(c, "/lich-cong-tac?tuan=2026-W53")
        self.assertIn_("Họp UBND tỉnh thường kỳ tháng 12", r)
        self.assertIn_("Dự Lễ ra quân đầu năm", r)
        self.assertIn_("08:00", r)
        self.assertIn_("10:30", r, "the end time as stored")
        text = squash(text_of(r.tree().find(".//table")))
        self.assertIn("Thứ Hai, 28/12/2026", text)
        self.assertIn("Chủ nhật, 03/01/2027", text, "the Sunday of 2026-W53 is in 2027")
        self.assertLess(text.index("Họp UBND tỉnh"), text.index("Dự Lễ ra quân"))
        nxt = [a.get("href") for a in r.tree().iter("a") if a.get("rel") == "next"]
        prv = [a.get("href") for a in r.tree().iter("a") if a.get("rel") == "prev"]
        self.assertEqual(nxt, ["/lich-cong-tac?tuan=2027-W01"])
        self.assertEqual(prv, ["/lich-cong-tac?tuan=2026-W52"])
        r = self.page(c, nxt[0])
        self.assertIn_("Làm việc với Sở Tài chính", r)
        self.assertNotIn_("Họp UBND tỉnh thường kỳ", r)
        self.assertEqual([a.get("href") for a in r.tree().iter("a") if a.get("rel") == "prev"], ["/lich-cong-tac?tuan=2026-W53"])
        self.assertIn_("Thứ Hai, 04/01/2027", r)
        # a week that is not one, and one that does not exist
        for bad in ("2027-W53", "2027-W00", "tuan-1", "2026-W5x"):
            self.expect(c.get("/lich-cong-tac?tuan=" + bad), 404, bad)
        # this week by default
        r = self.page(c, "/lich-cong-tac")
        self.assertIn_("Đi công tác cơ sở", r)
        iso = MONDAY.isocalendar()
        self.assertIn_("Lịch công tác tuần %d năm %d" % (iso[1], iso[0]), r)

    def test_unpublished_weeks_are_not_shown(self):
        c = self.fx.client("snv")
        r = self.page(c, "/lich-cong-tac?tuan=2027-W02")
        self.assertNotIn_("Nội dung chưa duyệt", r)
        self.assertIn_("Chưa có lịch công tác của tuần này", r)
        self.assertNotIn("Nội dung chưa duyệt", c.get("/lich-cong-tac.ics").text)
        self.assertNotIn("Nội dung chưa duyệt", c.get("/lich-cong-tac.json").text)

    def test_the_leader_filter(self):
        c = self.fx.client("snv")
        r = self.page(c, "/lich-cong-tac?tuan=2026-W53&lanh-dao=" + leader_slug(PHO_CHU_TICH))
        self.assertIn_("Dự Lễ ra quân đầu năm", r)
        self.assertNotIn_("Họp UBND tỉnh thường kỳ", r)
        opts = [o.get("value") for o in r.tree().iter("option")]
        self.assertIn(leader_slug(CHU_TICH), opts, "the week's leaders to choose from")

    def test_the_calendar_feed(self):
        c = self.fx.client("snv")
        r = self.expect(c.get("/lich-cong-tac.ics"), 200)
        self.assertTrue(r.ctype.startswith("text/calendar"), r.ctype)
        self.assertTrue(r.body.endswith(b"\r\n"))
        for line in r.body.split(b"\r\n"):
            self.assertLessEqual(len(line), 75, "a line folded at 75 octets: %r" % line)
            line.decode("utf-8")  # no character cut by the folding
        cal = icalendar.Calendar.from_ical(r.body)
        self.assertEqual(str(cal["VERSION"]), "2.0")
        self.assertTrue(str(cal["PRODID"]))
        events = [e for e in cal.walk("VEVENT")]
        by_summary = {str(e["SUMMARY"]): e for e in events}
        self.assertIn(self.long, by_summary, "commas and semicolons escaped and read back: %s" % list(by_summary))
        ev = by_summary[self.long]
        start = ev.decoded("DTSTART")
        self.assertEqual(start, datetime.datetime.combine(MONDAY, datetime.time(7, 30), VN))
        self.assertEqual(ev.decoded("DTEND"), datetime.datetime.combine(MONDAY, datetime.time(11, 0), VN))
        self.assertEqual(str(ev["LOCATION"]), "Hội trường A, số 88, đường 2/9")
        self.assertIn("Dòng 1\nDòng 2", str(ev["DESCRIPTION"]))
        self.assertIn(CHU_TICH, str(ev["DESCRIPTION"]))
        self.assertRegex(str(ev["URL"]), r"^http://snv\.[^/]+/lich-cong-tac/.+-%d$" % self.now)
        self.assertTrue(ev.get("DTSTAMP"))
        allday = by_summary["Đi công tác cơ sở"]
        self.assertEqual(allday.decoded("DTSTART"), MONDAY + datetime.timedelta(days=1), "an entry without a time: all day")
        uids = [str(e["UID"]) for e in events]
        self.assertEqual(len(uids), len(set(uids)), "unique UIDs")
        again = icalendar.Calendar.from_ical(c.get("/lich-cong-tac.ics").body)
        self.assertEqual(sorted(uids), sorted(str(e["UID"]) for e in again.walk("VEVENT")), "stable UIDs")
        # one leader
        one = icalendar.Calendar.from_ical(self.expect(c.get("/lich-cong-tac.ics?lanh-dao=" + leader_slug(PHO_CHU_TICH)), 200).body)
        mine = [str(e["SUMMARY"]) for e in one.walk("VEVENT")]
        self.assertIn("Đi công tác cơ sở", mine)
        self.assertTrue(set(mine) <= {"Đi công tác cơ sở", "Dự Lễ ra quân đầu năm"}, "only this leader's: %s" % mine)
        self.assertNotIn(self.long, mine)
        self.expect(c.get("/lich-cong-tac.ics?lanh-dao=khong-co-ai"), 404)
        # another site has none of them
        other = icalendar.Calendar.from_ical(self.fx.client("longho").get("/lich-cong-tac.ics").body)
        self.assertEqual(list(other.walk("VEVENT")), [])

    def test_the_main_portal_shows_every_sites_schedules(self):
        main = self.fx.client(None)
        r = self.page(main, "/lich-cong-tac")
        self.assertIn_("Đi công tác cơ sở", r)
        self.assertIn_("Sở Nội vụ", r, "the entry's site")
        cal = icalendar.Calendar.from_ical(main.get("/lich-cong-tac.ics").body)
        self.assertIn("Đi công tác cơ sở", [str(e["SUMMARY"]) for e in cal.walk("VEVENT")])

    def test_the_check_hooks_messages(self):
        c = self.c
        r = create(self, c, "lich-cong-tac", "Lịch sai", week("28/12/2026", [
            {"ngay": "05/01/2027", "gio_bat_dau": "08:00", "noi_dung": "Ngoài tuần", "chu_tri": CHU_TICH},
            {"ngay": "29/12/2026", "gio_bat_dau": "25:00", "noi_dung": "Giờ sai"},
            {"ngay": "30/12/2026", "gio_bat_dau": "10:00", "gio_ket_thuc": "09:00", "noi_dung": "Kết thúc trước khi bắt đầu"},
            {"ngay": "31/12/2026", "gio_bat_dau": "10:00", "noi_dung": ""},
        ]), expect=422)
        self.check_html(r, chrome=False)
        def msg(cell):
            el = r.by_id(cell + "-error")
            self.assertTrue(el is not None, "a message next to %s" % cell)
            return squash(text_of(el))
        self.assertIn("phải nằm trong tuần", msg("lich.0.ngay"))
        self.assertIn("Giờ không hợp lệ", msg("lich.1.gio_bat_dau"))
        self.assertIn("Giờ kết thúc phải sau giờ bắt đầu", msg("lich.2.gio_ket_thuc"))
        self.assertIn("Vui lòng nhập", msg("lich.3.noi_dung"))
        self.assertIn_("Ngoài tuần", r, "the input kept")
        self.assertIn_("25:00", r, "the input kept")

    def test_the_week_is_stored_as_its_monday(self):
        r = self.fx.admin("duyet", "snv").get("/quan-tri/lich-cong-tac/%d" % self.w53)
        self.assertIn_('value="28/12/2026"', r)


class Reception(CongTest):
    def test_reception_schedule_and_result(self):
        c = self.fx.admin("duyet", "snv")
        iid = create(self, c, "lich-tiep-cong-dan", "Lịch tiếp công dân định kỳ tháng 12 năm 2026",
                     [("ngay", "15/12/2026"), ("gio", "7h30"), ("lanh_dao", CHU_TICH),
                      ("dia_diem", "Trụ sở Tiếp công dân tỉnh, số 12 đường Hoàng Thái Hiếu"),
                      ("ket_qua", "Tiếp 12 lượt công dân, 9 vụ việc; giao Sở Tài nguyên và Môi trường xem xét, trả lời.")])
        publish(self, c, "lich-tiep-cong-dan", iid)
        path = public_path(self, self.fx, "snv", iid)
        r = self.page(self.fx.client("snv"), path)
        self.assertIn_("07:30", r)
        self.assertIn_("Tiếp 12 lượt công dân", r)
        lst = self.page(self.fx.client("snv"), "/lich-tiep-cong-dan")
        self.assertIn_(path, lst)
        # with the leaders' schedule of its week (2026-W51), the main portal's too
        wk = self.page(self.fx.client("snv"), "/lich-cong-tac?tuan=2026-W51")
        sec = wk.by_id("tiep-cong-dan")
        self.assertTrue(sec is not None, "the week's reception sessions")
        self.assertIn_(path, wk)
        self.assertIn_("15/12/2026", wk)
        self.assertIn_("đã có kết quả", wk)
        main = self.page(self.fx.client(None), "/lich-cong-tac?tuan=2026-W51")
        self.assertIn_("Lịch tiếp công dân định kỳ tháng 12 năm 2026", main)
        self.assertNotIn_("Lịch tiếp công dân định kỳ tháng 12", self.page(self.fx.client("snv"), "/lich-cong-tac?tuan=2026-W52"))
        bad = create(self, c, "lich-tiep-cong-dan", "Lịch sai giờ", [("ngay", "15/12/2026"), ("gio", "sáng"),
                                                                      ("lanh_dao", CHU_TICH), ("dia_diem", "Trụ sở")], expect=422)
        self.assertIn("Giờ không hợp lệ", text_of(bad.by_id("gio-error")))
