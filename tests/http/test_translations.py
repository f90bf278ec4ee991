"""Translations (issue #16, docs/languages.md): a site's languages and English rules in its
settings, the "Bản dịch" box of an item's edit page, making and publishing a translation through
the admin, the English pages (/en/ home, lists, feeds, search) listing only English items and the
Vietnamese ones only Vietnamese, an item asked for in the wrong language redirected, hreflang
alternates on both pages, the language switch landing on the translation or on /en/, and the
coverage report with its deadline rows (missing, outdated, cleared when translated)."""
import re
import time

import html5lib

from conglib import CongTest, host_of, locale_texts, module_fixture, squash, text_of

setUpModule, tearDownModule = module_fixture()

VI = locale_texts("vi")
STATE = {}
DAY = 86400


class Base(CongTest):
    def approver(self):
        return self.fx.admin("duyet", "snv")

    def board(self):
        """snv's administrator: the system administrator on snv's host."""
        return self.fx.admin("admin", "snv")

    def english_on(self):
        if "en" not in STATE:
            r = self.board().post("/quan-tri/cai-dat/ngon-ngu", [("lang-en", "1"), ("lang-km", "1"),
                                                                ("translation_rules", "")])
            self.expect(r, 303, "turning English and Khmer on")
            STATE["en"] = True

    def category(self):
        if "cat" not in STATE:
            STATE["cat"] = self.fx.category(self.approver(), "Tin hoạt động")[0]
        return STATE["cat"]

    def translate(self, source, lang="en", expect=303):
        r = self.approver().post("/quan-tri/ban-dich/tao", [("source", str(source)), ("lang", lang)])
        self.expect(r, expect, "translating %d into %s" % (source, lang))
        if expect != 303:
            return r
        m = re.match(r"/quan-tri/[a-z-]+/(\d+)$", r.location_path)
        self.assertTrue(m, "the translation's edit page: %r" % r.location)
        return int(m.group(1))

    def save(self, item_id, title, body, kind_path="bai-viet", **fields):
        f = [("title", title), ("body", body), ("category_id", str(fields.pop("category_id", "")))]
        f += list(fields.items())
        r = self.approver().post("/quan-tri/%s/%d" % (kind_path, item_id), f, multipart_form=True)
        self.expect(r, 303, "saving %d" % item_id)

    def page_en(self, client, target, status=200):
        """An English page: valid HTML5 with <html lang="en">."""
        r = self.expect(client.get(target), status)
        html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(r.body)
        self.assertRegex(r.text[:300], r'<html lang="en"', "%r: not in English" % r)
        return r

    def hreflangs(self, r):
        return {l.get("hreflang"): l.get("href") for l in r.tree().iter("link")
                if l.get("rel") == "alternate" and l.get("hreflang")}

    def switch(self, r):
        nav = [n for n in r.tree().iter("nav") if "lang-switch" in (n.get("class") or "")]
        self.assertEqual(len(nav), 1, "%r: one language switch" % r)
        return {a.get("hreflang"): a.get("href") for a in nav[0].iter("a")}


class Settings(Base):
    def test_languages_and_rules_are_saved_and_checked(self):
        self.english_on()
        r = self.expect(self.board().get("/quan-tri/cai-dat"), 200)
        self.assertIsNotNone(r.tree().find(".//input[@name='lang-en']"), "the settings page has the languages form")
        self.assertIn_('name="lang-en" value="1" checked', r, "English on")
        # a rule naming no kind: the message next to the field, the text kept
        r = self.board().post("/quan-tri/cai-dat/ngon-ngu", [("lang-en", "1"), ("lang-km", "1"),
                                                            ("translation_rules", "unit\nkhong-co-loai")])
        self.expect(r, 422)
        self.assertIn_(VI["translation_rules_invalid"].replace('"', "&quot;"), r, "the rule's message")
        self.assertIn_("khong-co-loai", r, "the input kept")
        # a reporter's account may not change them
        self.expect(self.fx.admin("bientap", "longho").post("/quan-tri/cai-dat/ngon-ngu", [("lang-en", "1")]), 403)


class Translating(Base):
    def test_translation_through_the_admin_and_the_english_pages(self):
        self.english_on()
        ap = self.approver()
        aid = self.fx.article(ap, "Hội nghị xúc tiến đầu tư năm 2026", body="<p>Nội dung tiếng Việt.</p>",
                              category_id=self.category(), publish=True)
        other = self.fx.article(ap, "Tin chưa có bản dịch", category_id=self.category(), publish=True)
        # the box on the edit page: English and Khmer, none yet
        r = self.expect(ap.get("/quan-tri/bai-viet/%d" % aid), 200)
        self.assertIn_(VI["translation_box_title"], r)
        self.assertIn_('name="lang" value="en"', r, "a button to make the English one")
        self.assertIn_('name="lang" value="km"', r, "and the Khmer one")
        tid = self.translate(aid)
        # one per language: a second click opens the same
        self.assertEqual(self.translate(aid), tid)
        # a language the site does not publish in is refused
        self.translate(aid, "fr", expect=422)
        r = self.expect(ap.get("/quan-tri/bai-viet/%d" % tid), 200)
        self.assertIn_(VI["translation_of_label"], r, "the translation names its source")
        self.assertIn_('href="/quan-tri/bai-viet/%d"' % aid, r, "with a link to it")
        self.assertIn_("Hội nghị xúc tiến đầu tư năm 2026", r, "the source's text as the first draft")
        self.save(tid, "Investment promotion conference 2026", "<p>English text.</p>", category_id=self.category())
        # a draft is nowhere public
        self.assertNotIn_("Investment promotion", self.fx.client("snv").get("/en/"), "a draft on /en/")
        self.fx.publish(ap, tid)
        r = self.expect(ap.get("/quan-tri/bai-viet/%d" % aid), 200)
        self.assertIn_(VI["translation_state_published"], r, "the source's box says published")

        c = self.fx.client("snv")
        home_en = self.page_en(c, "/en/")
        self.assertIn_("Investment promotion conference 2026", home_en, "/en/ lists the English item")
        self.assertNotIn_("Tin chưa có bản dịch", home_en, "/en/ lists no Vietnamese item")
        home_vi = self.page(c, "/")
        self.assertNotIn_("Investment promotion", home_vi, "the Vietnamese home lists no English item")
        # the item pages, each at its own language's address
        r = c.get("/tin/x-%d" % tid)
        self.expect(r, 301)
        self.assertTrue(r.location_path.startswith("/en/tin/"), "an English item asked in Vietnamese: %r" % r.location)
        en_path = r.location_path
        r = c.get("/en/tin/x-%d" % aid)
        self.expect(r, 301)
        self.assertTrue(r.location_path.startswith("/tin/") and r.location_path.endswith("-%d" % aid), r.location)
        vi_path = self.fx.public_path("snv", aid)
        en_page = self.page_en(c, en_path)
        vi_page = self.page(c, vi_path)
        for r in (en_page, vi_page):
            alt = self.hreflangs(r)
            self.assertTrue(alt.get("vi", "").endswith(vi_path), "%r: hreflang vi %r" % (r, alt))
            self.assertTrue(alt.get("en", "").endswith(en_path), "%r: hreflang en %r" % (r, alt))
            self.assertEqual(alt.get("x-default"), alt.get("vi"), "%r: x-default is the Vietnamese" % r)
        # the switch lands on the translation, or on /en/ when there is none
        self.assertEqual(self.switch(vi_page).get("en"), en_path)
        self.assertEqual(self.switch(en_page).get("vi"), vi_path)
        self.assertEqual(self.switch(vi_page).get("km"), "/km/", "no Khmer translation: its home")
        other_page = self.page(c, self.fx.public_path("snv", other))
        self.assertEqual(self.switch(other_page).get("en"), "/en/")
        self.assertFalse(self.hreflangs(other_page), "no alternates without a translation")
        # feeds and search per language
        rss_en = self.expect(c.get("/en/rss.xml"), 200)
        self.assertIn_("Investment promotion conference 2026", rss_en, "/en/rss.xml")
        self.assertIn_("<language>en</language>", rss_en)
        self.assertIn_("/en/tin/", rss_en, "the entries' links are English pages")
        rss_vi = self.expect(c.get("/rss.xml"), 200)
        self.assertNotIn_("Investment promotion", rss_vi, "/rss.xml has no English item")
        self.assertIn_("Hội nghị xúc tiến đầu tư", rss_vi)
        found = self.page_en(c, "/en/tim-kiem?q=investment")
        self.assertIn_("Investment promotion conference 2026", found, "the English search")
        self.assertNotIn_("Investment promotion", c.get("/tim-kiem?q=investment"), "the Vietnamese search")
        # a category page in each language
        cat_vi = c.get("/chuyen-muc/x-%d" % self.category())
        if cat_vi.status == 301:
            cat_vi = c.get(cat_vi.location_path)
        self.expect(cat_vi, 200)
        self.assertNotIn_("Investment promotion", cat_vi, "the Vietnamese category")
        self.assertIn_("Hội nghị xúc tiến đầu tư", cat_vi)
        self.fx.bump_cache()

    def test_who_may_translate_and_mark_current(self):
        self.english_on()
        aid = self.fx.article(self.approver(), "Thông báo lịch tiếp dân", category_id=self.category(), publish=True)
        # an editor of another site has no role here
        other = self.fx.admin("bientap", "longho").clone(host_of("snv"))
        self.expect(other.post("/quan-tri/ban-dich/tao", [("source", str(aid)), ("lang", "en")]), 403)
        self.assertEqual(int(self.fx.sql("SELECT count(*) FROM items WHERE translation_of = ?", (aid,))[0][0]), 0)
        # a reporter of the site makes it (as any item), but only editors mark it current
        self.fx.add_user("pv.snv", "reporter", "snv")
        rep = self.fx.admin("pv.snv", "snv")
        r = self.expect(rep.post("/quan-tri/ban-dich/tao", [("source", str(aid)), ("lang", "en")]), 303)
        tid = int(re.match(r"/quan-tri/bai-viet/(\d+)$", r.location_path).group(1))
        self.expect(rep.post("/quan-tri/ban-dich/%d/cap-nhat" % tid), 403)
        self.expect(self.approver().post("/quan-tri/ban-dich/%d/cap-nhat" % tid), 303)
        # the audit names who made it
        self.assertGreaterEqual(int(self.fx.sql("SELECT count(*) FROM audit WHERE action = 'article.translate'")[0][0]), 1)


class Directory(Base):
    def test_a_units_translation_stays_on_the_english_pages(self):
        self.english_on()
        ap = self.approver()
        r = ap.post("/quan-tri/co-cau-to-chuc/moi", [("title", "Phòng Tổ chức cán bộ"), ("body", ""), ("ma", "TCCB")],
                    multipart_form=True)
        self.expect(r, 303, "a unit")
        uid = int(re.match(r"/quan-tri/co-cau-to-chuc/(\d+)", r.location_path).group(1))
        self.fx.publish(ap, uid)
        tid = self.translate(uid)
        self.save(tid, "Personnel Division", "", kind_path="co-cau-to-chuc", ma="TCCB")
        self.fx.publish(ap, tid)
        c = self.fx.client("snv")
        vi = self.page(c, "/co-cau-to-chuc")
        self.assertIn_("Phòng Tổ chức cán bộ", vi, "the Vietnamese tree")
        self.assertNotIn_("Personnel Division", vi, "the Vietnamese tree")
        en = self.page_en(c, "/en/co-cau-to-chuc")
        self.assertIn_("Personnel Division", en, "the English units")
        self.assertNotIn_("Phòng Tổ chức cán bộ", en, "the English units")


class Coverage(Base):
    def publish_page(self, title, loai):
        ap = self.approver()
        r = ap.post("/quan-tri/trang/moi", [("title", title), ("body", "<p>Giới thiệu.</p>"), ("loai", loai)],
                    multipart_form=True)
        self.expect(r, 303, "a fixed page")
        pid = int(re.match(r"/quan-tri/trang/(\d+)", r.location_path).group(1))
        self.fx.publish(ap, pid)
        return pid

    def coverage(self):
        r = self.expect(self.approver().get("/quan-tri/ban-dich"), 200)
        return r

    def test_missing_outdated_and_cleared(self):
        self.english_on()
        pid = self.publish_page("Giới thiệu Sở Nội vụ", "gioi-thieu")
        r = self.coverage()
        row = [tr for tr in r.tree().iter("tr") if "Giới thiệu Sở Nội vụ" in squash(text_of(tr))]
        self.assertTrue(row, "the introduction is required in English and missing")
        self.assertIn(VI["translation_state_missing"], squash(text_of(row[0])))
        self.assertIn("translation-missing", row[0].get("class"))
        # a week old: on the deadline lists, overdue (5 working days)
        self.fx.sql("UPDATE transitions SET at = at - 10 * 86400 WHERE article_id = ?", (pid,))
        self.fx.bump_cache()
        r = self.expect(self.approver().get("/quan-tri/han-cap-nhat"), 200)
        over = r.tree().find(".//section[@id='ds-qua-han']")
        self.assertIn("Giới thiệu Sở Nội vụ", squash(text_of(over)), "the missing translation is overdue")
        self.assertIn(VI["translation_due_missing"], squash(text_of(over)))
        # translated and published: cleared
        tid = self.translate(pid)
        self.save(tid, "Introduction of the Department of Home Affairs", "<p>About us.</p>", kind_path="trang",
                  loai="gioi-thieu")
        self.fx.publish(self.approver(), tid)
        r = self.coverage()
        self.assertNotIn_("Giới thiệu Sở Nội vụ", r, "a current translation clears the item")
        r = self.expect(self.approver().get("/quan-tri/han-cap-nhat"), 200)
        self.assertNotIn_(VI["translation_due_missing"], r, "and its deadline row")
        self.assertIn_("Introduction of the Department", self.page_en(self.fx.client("snv"), "/en/"), "/en/")
        self.assertIn_("Introduction of the Department", self.page_en(self.fx.client("snv"), "/en/trang"),
                       "the kind's English list")
        self.assertNotIn_("Introduction of the Department", self.fx.client("snv").get("/trang"),
                          "the kind's Vietnamese list")
        # the Vietnamese page updated (a change published later): outdated
        time.sleep(1.1)
        self.save(pid, "Giới thiệu Sở Nội vụ", "<p>Giới thiệu mới.</p>", kind_path="trang", loai="gioi-thieu")
        self.fx.publish(self.approver(), pid)
        r = self.coverage()
        row = [tr for tr in r.tree().iter("tr") if "Giới thiệu Sở Nội vụ" in squash(text_of(tr))]
        self.assertTrue(row, "an outdated translation is listed")
        self.assertIn(VI["translation_state_outdated"], squash(text_of(row[0])))
        r = self.expect(self.approver().get("/quan-tri/trang/%d" % tid), 200)
        self.assertIn_(VI["translation_outdated_notice"], r, "the translation's page says it")
        self.expect(self.approver().post("/quan-tri/ban-dich/%d/cap-nhat" % tid), 303)
        self.assertNotIn_("Giới thiệu Sở Nội vụ", self.coverage(), "marked current: cleared again")
        # the province's report on the main portal names snv's site
        r = self.expect(self.fx.admin("admin").get("/quan-tri/ban-dich?pham-vi=tinh"), 200)
        self.assertIn_("Sở Nội vụ", r)
        self.assertIn_('id="tong-hop"', r)
