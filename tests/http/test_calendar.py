"""The working-day calendar: the admin page of the system administrator (a year's days off and
working days, the official table edited with CSRF and field errors in Vietnamese) and the
command line (`cong calendar --year`, `--add`)."""
import datetime
import json
import os
import subprocess

from conglib import CONG, CongTest, ROOT, cong, cong_env, locale_texts, module_fixture, squash, text_of

setUpModule, tearDownModule = module_fixture()

PAGE = "/quan-tri/lich-lam-viec"
VI = locale_texts("vi")


def weekdays(year):
    d, n = datetime.date(year, 1, 1), 0
    while d.year == year:
        n += d.weekday() < 5
        d += datetime.timedelta(days=1)
    return n


class Base(CongTest):
    def admin(self):
        return self.fx.admin("admin", None)

    def year_page(self, client, year, status=200):
        r = self.expect(client.get("%s?nam=%d" % (PAGE, year)), status)
        self.assertEqual(r.header("Cache-Control"), "no-store")
        self.check_html(r)
        return r

    def working_days(self, client, year):
        return int(text_of(self.year_page(client, year).by_id("so-ngay-lam-viec")))

    def table_rows(self, r):
        """The rows of the page's main table: [(ISO day, name, source)]."""
        rows = []
        for tr in r.tree().iter("tr"):
            tds = tr.findall("td")
            if len(tds) >= 6:
                rows.append((tds[0].find("time").get("datetime"), squash(text_of(tds[3])), squash(text_of(tds[5]))))
        return rows


class Page(Base):
    def test_only_the_system_administrator(self):
        before = self.working_days(self.admin(), 2032)
        anon = self.fx.client("snv")
        r = self.expect(anon.get(PAGE), 303, "without a session")
        self.assertTrue(r.location_path.startswith("/quan-tri/dang-nhap"))
        for user, site in (("duyet", "snv"), ("bientap", "longho")):
            with self.subTest(user=user):
                c = self.fx.admin(user, site)
                r = self.expect(c.get(PAGE), 403, "%s opens the calendar" % user)
                self.assertIn_(VI["sysadmin_only"], r, "the refusal")
                r = self.expect(c.post(PAGE, [("day", "2032-03-03"), ("kind", "off"), ("name", "Giả")]), 403,
                                "%s adds a day" % user)
                r = self.expect(c.get("/quan-tri/"), 200)
                self.assertNotIn(PAGE, r.links(), "%s sees the calendar in the navigation" % user)
        self.assertEqual(self.working_days(self.admin(), 2032), before, "a refused change was written")
        r = self.expect(self.admin().get("/quan-tri/"), 200)
        self.assertIn(PAGE, r.links(), "the system administrator's navigation has no link to the calendar")

    def test_a_year_by_the_rules(self):
        r = self.year_page(self.admin(), 2027)
        self.assertEqual(int(text_of(r.by_id("so-ngay-lam-viec"))), 250)
        rows = self.table_rows(r)
        self.assertIn(("2027-02-05", "Tết Nguyên đán", "Bộ luật Lao động"), rows)
        self.assertIn(("2027-05-03", "nghỉ bù Quốc tế Lao động", "Bộ luật Lao động"), rows)
        self.assertEqual(len(rows), 14)
        # out of the range: this year instead, never an error page
        self.year_page(self.admin(), 1800)

    def test_adding_days_changes_the_working_days(self):
        c = self.admin()
        year = 2031
        rules = self.working_days(c, year)
        self.assertEqual(rules, int(cong("calendar", "--year", str(year)).rsplit("working days:", 1)[1]))
        # the first entry: the year now follows its table alone
        r = self.expect(c.post(PAGE, [("day", "2031-12-31"), ("kind", "off"), ("name", "Nghỉ thử")]), 303)
        self.assertEqual(r.location_path, PAGE + "?nam=2031&da-luu=1")
        r = self.year_page(c, year)
        self.assertEqual(int(text_of(r.by_id("so-ngay-lam-viec"))), weekdays(year) - 1)
        self.assertEqual(self.table_rows(r), [("2031-12-31", "Nghỉ thử", "Bảng chính thức (admin)")])
        # one more day off, then a Saturday worked in exchange
        self.expect(c.post(PAGE, [("day", "2031-12-30"), ("kind", "off"), ("name", "")]), 303)
        self.assertEqual(self.working_days(c, year), weekdays(year) - 2)
        self.expect(c.post(PAGE, [("day", "2031-12-27"), ("kind", "work"), ("name", "Làm bù")]), 303)
        self.assertEqual(self.working_days(c, year), weekdays(year) - 1)
        # the command line reads the same table
        out = cong("calendar", "--year", str(year), "--data", self.fx.data)
        self.assertIn("2031-12-27  Thứ Bảy    Làm bù (làm việc)", out)
        self.assertIn("working days: %d" % (weekdays(year) - 1), out)
        self.assertEqual(cong("calendar", "--add", "2031-12-26", "1", "--data", self.fx.data).strip(), "2031-12-27")
        # removing every entry gives the year back to the rules
        for day in ("2031-12-31", "2031-12-30", "2031-12-27"):
            self.expect(c.post(PAGE + "/xoa", [("day", day)]), 303)
        self.assertEqual(self.working_days(c, year), rules)
        r = self.expect(c.post(PAGE + "/xoa", [("day", "2031-12-31")]), 404, "removing a day not in the table")
        self.assertIn_(VI["calendar_not_found"], r)
        # a table started from the rules keeps their count
        self.expect(c.post(PAGE + "/tao-bang", [("nam", str(year))]), 303)
        r = self.year_page(c, year)
        self.assertEqual(int(text_of(r.by_id("so-ngay-lam-viec"))), rules)
        self.assertTrue(all(src.startswith("Bảng chính thức") for _, _, src in self.table_rows(r)))
        r = self.expect(c.post(PAGE + "/tao-bang", [("nam", str(year))]), 422, "a second table")
        self.assertIn_(VI["calendar_has_table"], r)

    def test_bad_input_shows_vietnamese_errors_and_keeps_it(self):
        c = self.admin()
        before = self.working_days(c, 2033)
        r = self.expect(c.post(PAGE, [("day", "2033-02-30"), ("kind", "work"), ("name", "Ngày <thử> “sai”"),
                                      ("nam", "2033")]), 422)
        self.check_html(r)
        self.assertEqual(text_of(r.by_id("day-error")), VI["calendar_day_invalid"])
        self.assertEqual(r.by_id("day").get("value"), "2033-02-30", "the date typed was not kept")
        self.assertEqual(r.by_id("day").get("aria-invalid"), "true")
        self.assertEqual(r.by_id("name").get("value"), "Ngày <thử> “sai”", "the name typed was not kept")
        checked = [i.get("value") for i in r.tree().iter("input") if i.get("name") == "kind" and i.get("checked") is not None]
        self.assertEqual(checked, ["work"], "the kind chosen was not kept")
        self.assertIn_("2033", r, "the page is not the year of the form")
        # a working day in exchange on a weekday, a kind that does not exist, no date at all
        for fields, field, key in (([("day", "2033-03-02"), ("kind", "work")], "kind", "calendar_work_weekday"),
                                   ([("day", "2033-03-05"), ("kind", "le")], "kind", "calendar_kind_invalid"),
                                   ([("day", ""), ("kind", "off")], "day", "required"),
                                   ([("day", "2150-01-01"), ("kind", "off")], "day", "calendar_day_range")):
            with self.subTest(fields=fields):
                r = self.expect(c.post(PAGE, fields + [("name", "x")]), 422)
                self.assertEqual(text_of(r.by_id(field + "-error")), VI[key])
        self.assertEqual(self.working_days(c, 2033), before, "an invalid day was written")

    def test_every_change_needs_the_csrf_token(self):
        c = self.admin()
        tok = c.csrf()
        before = self.working_days(c, 2034)
        for path, fields in ((PAGE, [("day", "2034-03-01"), ("kind", "off"), ("name", "Giả mạo")]),
                             (PAGE + "/tao-bang", [("nam", "2034")]),
                             (PAGE + "/xoa", [("day", "2034-03-01")])):
            for how, extra in (("no token", []), ("wrong token", [("csrf", tok[:-1] + ("A" if tok[-1] != "A" else "B"))])):
                with self.subTest(path=path, csrf=how):
                    r = self.expect(c.post(path, fields + extra, csrf=False), 403)
                    self.assertIn_(VI["csrf_invalid"], r)
        self.assertEqual(self.working_days(c, 2034), before)
        r = self.year_page(c, 2034)
        for form in (f for f in r.tree().iter("form") if (f.get("method") or "").lower() == "post"):
            self.assertEqual([i.get("value") for i in form.iter("input") if i.get("name") == "csrf"], [tok],
                             "a form to %s without the CSRF token" % form.get("action"))


class CommandLine(CongTest):
    def run_cong(self, *args):
        return subprocess.run([CONG] + list(args), capture_output=True, env=cong_env(), timeout=60)

    def test_year(self):
        p = self.run_cong("calendar", "--year", "2027")
        self.assertEqual(p.returncode, 0, p.stderr)
        out = p.stdout.decode()
        for line in ("2027-01-01  Thứ Sáu    Tết Dương lịch", "2027-02-05  Thứ Sáu    Tết Nguyên đán",
                     "2027-02-10  Thứ Tư     nghỉ bù Tết Nguyên đán", "2027-04-16  Thứ Sáu    Giỗ Tổ Hùng Vương",
                     "2027-09-03  Thứ Sáu    Quốc khánh"):
            self.assertIn(line, out)
        self.assertTrue(all(ln.endswith("rules") for ln in out.splitlines()[1:-1]), out)
        self.assertEqual(out.splitlines()[-1], "working days: 250")

    def test_add(self):
        p = self.run_cong("calendar", "--add", "2026-02-12", "5")
        self.assertEqual((p.returncode, p.stdout.decode()), (0, "2026-02-26\n"))
        p = self.run_cong("calendar", "--add", "2026-02-26", "-5")
        self.assertEqual((p.returncode, p.stdout.decode()), (0, "2026-02-12\n"))
        p = self.run_cong("calendar", "--add", "2026-02-30", "5")
        self.assertEqual(p.returncode, 2)
        self.assertIn(VI["calendar_day_invalid"], p.stderr.decode())
        p = self.run_cong("calendar", "--add", "2026-02-12")
        self.assertEqual(p.returncode, 2)
        p = self.run_cong("calendar", "--help")
        self.assertEqual(p.returncode, 0)
        self.assertIn("--add DATE N", p.stdout.decode())
