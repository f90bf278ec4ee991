"""The public chrome in the site's languages (#16): a site that publishes in English and Khmer
answers "/en/…" and "/km/…" with the header, menu, footer, breadcrumbs and page titles in that
language (locale/<lang>/public.json), <html lang> set, the chrome's links kept within the
language, and its own entry in the page cache; a language the site has not turned on is a 404."""
import re

from conglib import CongTest, locale_texts, module_fixture, squash, text_of
from items_helper import create, publish, public_path

setUpModule, tearDownModule = module_fixture()

VI, EN, KM = locale_texts("vi"), locale_texts("en"), locale_texts("km")

# chrome texts every public page of the site shows (header, footer, breadcrumbs' home)
CHROME = ["skip_to_content", "nav_main", "search_placeholder", "footer_sitemap", "footer_access_info",
          "footer_ask", "footer_feedback", "footer_track", "footer_rating", "footer_admin", "footer_citation_after"]


class LanguagesChrome(CongTest):
    @classmethod
    def setUpClass(cls):
        # no CLI yet: the site's languages written as site_languages_set stores them
        cls.fx.sql("UPDATE sites SET languages = 'en km' WHERE slug = 'snv'")
        cls.fx.bump_cache()
        cls.c = cls.fx.client("snv")

    def visible(self, r):
        """The chrome's text as people see or hear it (header, breadcrumbs, footer, with their
        labels), without the menu's entries: their names are the kinds' and categories' own."""
        tree = r.tree()
        for ul in tree.iter("ul"):
            if ul.get("class") == "menu":
                for li in list(ul):
                    if "menu-home" not in (li.get("class") or ""):
                        ul.remove(li)
        parts = [el for el in tree.iter() if el.tag in ("header", "footer") or
                 (el.tag == "nav" and el.get("class") == "breadcrumbs") or
                 (el.tag == "a" and el.get("class") == "skip-link")]
        attrs = " ".join(el.get(a) for p in parts for el in p.iter() if isinstance(el.tag, str)
                         for a in ("aria-label", "title", "alt", "placeholder") if el.get(a))
        return squash(" ".join(text_of(p) for p in parts) + " " + attrs)

    def test_english_home(self):
        r = self.expect(self.c.get("/en/"), 200, "the English home page")
        self.check_html(r, lang="en")
        text = self.visible(r)
        for key in CHROME:
            self.assertNotIn(VI[key], text, "/en/: the Vietnamese chrome text %s is left" % key)
            self.assertIn(squash(EN[key]), text, "/en/: the English text %s" % key)
        self.assertIn(EN["nav_home"], text, "/en/: the menu's home entry")
        self.assertEqual(text_of(r.tree().find(".//summary")), EN["nav_toggle"], "/en/: the menu's button")
        # the chrome's links stay in English
        links = [a.get("href") for a in r.tree().iter("a")]
        for path in ("/en/so-do-trang", "/en/tiep-can-thong-tin", "/en/gui/cau-hoi", "/en/danh-gia", "/en/theo-doi"):
            self.assertIn(path, links, "/en/: the footer links to %s" % path)
        self.assertNotIn("/so-do-trang", links, "/en/: a link of the chrome leaves the language")
        self.assertTrue(any(re.match(r"https?://[^/]+/en/$", h or "") for h in links), "/en/: the brand goes to /en/")
        form = [f for f in r.tree().iter("form") if f.get("role") == "search"][0]
        self.assertEqual(form.get("action"), "/en/tim-kiem", "/en/: the header's search stays in English")
        self.assertRegex(r.text, r'<link rel="canonical" href="https?://[^"]+/en/">', "/en/: its own canonical address")
        # the admin is not under the prefix
        self.assertIn("/quan-tri/", links, "/en/: the admin's link")

    def test_khmer_pages(self):
        r = self.expect(self.c.get("/km/"), 200, "the Khmer home page")
        self.check_html(r, lang="km")
        text = self.visible(r)
        for key in CHROME:
            self.assertNotIn(VI[key], text, "/km/: the Vietnamese chrome text %s is left" % key)
            self.assertIn(squash(KM[key]), text, "/km/: the Khmer text %s" % key)
        self.assertRegex(text, "[\u1780-\u17ff]{4}", "/km/: Khmer script on the page")
        r = self.expect(self.c.get("/km/so-do-trang"), 200, "the Khmer site map")
        self.check_html(r, lang="km")
        h1 = text_of(r.tree().find(".//h1"))
        self.assertEqual(squash(h1), KM["sitemap_title"], "/km/so-do-trang: its title")
        self.assertIn(KM["sitemap_title"], r.tree().find(".//title").text, "/km/so-do-trang: the <title>")

    def test_english_pages(self):
        for path, key in (("/en/tim-kiem", "search_title"), ("/en/so-do-trang", "sitemap_title"),
                          ("/en/lien-he", "contact_title"), ("/en/co-cau-to-chuc", "units_title"),
                          ("/en/danh-gia", "rating_title"), ("/en/theo-doi", "track_title")):
            r = self.expect(self.c.get(path), 200, path)
            self.check_html(r, lang="en")
            tree = r.tree()
            self.assertEqual(squash(text_of(tree.find(".//h1"))), EN[key], "%s: its title" % path)
            crumbs = [n for n in tree.iter("nav") if n.get("class") == "breadcrumbs"][0]
            home = crumbs.find(".//a")
            self.assertEqual((text_of(home), home.get("href")), (EN["nav_home"], "/en/"), "%s: the breadcrumbs' home" % path)
            text = self.visible(r)
            for key in CHROME:
                self.assertNotIn(VI[key], text, "%s: the Vietnamese chrome text %s is left" % (path, key))
        r = self.expect(self.c.get("/en/tim-kiem?q=abc"), 200, "an English search")
        self.assertIn_(EN["search_results_for"], r, "the result count's sentence")
        self.assertNotIn_(VI["search_keyword"], r, "the search form's label")

    def test_vietnamese_unchanged(self):
        r = self.expect(self.c.get("/"), 200, "the Vietnamese home page")
        self.check_html(r)
        text = self.visible(r)
        for key in CHROME:
            self.assertIn(squash(VI[key]), text, "/: the Vietnamese text %s" % key)
        links = [a.get("href") for a in r.tree().iter("a")]
        self.assertIn("/so-do-trang", links, "/: the footer's site map")
        # into another language only through the header's language switch (docs/languages.md)
        other = lambda h: (h or "").startswith(("/en/", "/km/"))
        switch = [a.get("href") for a in r.tree().iter("a") if a.get("hreflang") and other(a.get("href"))]
        self.assertTrue(switch, "/: the language switch")
        self.assertEqual(sorted(h for h in links if other(h)), sorted(switch),
                         "/: links into another language besides the switch")

    def test_language_not_enabled(self):
        other = self.fx.client("longho")
        for path in ("/en/", "/km/", "/en/tim-kiem"):
            r = self.expect(other.get(path), 404, "%s on a site without the language" % path)
            self.assertIn_('<html lang="vi"', r, "the 404 page's language")
        self.expect(self.c.get("/en/quan-tri/"), 404, "the admin under a language")

    def test_language_root_redirects(self):
        for code in ("en", "km"):
            r = self.expect(self.c.get("/" + code), 301, "/" + code)
            self.assertEqual(r.location_path, "/%s/" % code, "/%s goes to /%s/" % (code, code))

    def test_error_page_in_the_language(self):
        r = self.expect(self.c.get("/en/khong-co-trang-nay"), 404, "an English 404")
        self.check_html(r, lang="en")
        self.assertIn_("%s 404" % EN["error_status"], r, "the error's status line")
        self.assertIn_(EN["error_home_of"], r, "the way home")
        self.assertNotIn_(VI["skip_to_content"], r, "the Vietnamese skip link")

    def test_cache_keeps_languages_apart(self):
        self.fx.bump_cache()
        for _ in range(2):
            vi = self.expect(self.c.get("/"), 200, "/")
            en = self.expect(self.c.get("/en/"), 200, "/en/")
            km = self.expect(self.c.get("/km/"), 200, "/km/")
        for r in (vi, en, km):
            self.assertEqual(r.header("X-Cache"), "HIT", "%r: the second read comes from the cache" % r)
        self.assertIn_('<html lang="vi"', vi, "the cached Vietnamese page")
        self.assertIn_(VI["skip_to_content"], vi, "the cached Vietnamese page")
        self.assertIn_('<html lang="en"', en, "the cached English page")
        self.assertIn_(EN["skip_to_content"], en, "the cached English page")
        self.assertNotIn_(VI["skip_to_content"], en, "the cached English page is not the Vietnamese one")
        self.assertIn_('<html lang="km"', km, "the cached Khmer page")
        self.assertIn_(KM["skip_to_content"], km, "the cached Khmer page")

    def test_form_answers_in_the_language(self):
        """A citizen's form under /en/: its texts, the check question in English, and a refused
        submission comes back in English with the message of the page's language."""
        r = self.expect(self.c.get("/en/gui/cau-hoi"), 200, "the English question form")
        self.check_html(r, lang="en")
        form = [f for f in r.tree().iter("form") if f.get("class") == "ticket-form"][0]
        self.assertEqual(form.get("action"), "/en/gui/cau-hoi", "the form posts under /en/")
        label = [lb for lb in r.tree().iter("label") if lb.get("for") == "challenge_answer"][0]
        self.assertRegex(text_of(label), r"^[A-Z][a-z]+ %s [a-z]+ %s$" % (EN["challenge_plus"], re.escape(EN["challenge_ask"])),
                         "the check question in English words")
        r = self.expect(self.c.post("/en/gui/cau-hoi", [("ho_ten", "")]), 422, "an empty English question")
        self.check_html(r, lang="en")
        errors = [text_of(p) for p in r.tree().iter("p") if p.get("class") == "field-error"]
        self.assertTrue(errors, "the refused form shows why")
        for e in errors:
            self.assertIn(e, EN.values(), "a message of the English form is not an English text")
        r = self.expect(self.c.get("/en/danh-gia"), 200, "the English rating")
        legends = [text_of(lg) for lg in r.tree().iter("legend")]
        self.assertEqual(legends, [EN["rating_crit_" + k] for k in ("giao_dien", "noi_dung", "chat_luong", "ho_tro")],
                         "the rating's criteria in English")

    def test_item_page_in_the_language(self):
        """An item of a kind with a page of its own (a unit: its fields kept with their texts)
        reads its chrome in English: the item's view must not hide the page's texts."""
        board = self.fx.admin("duyet", "snv")
        iid = create(self, board, "co-cau-to-chuc", "Phòng Thử Ngôn Ngữ",
                     [("ma", "DV-NN"), ("cap_tren", ""), ("chuc_nang", "Thử các ngôn ngữ."), ("dia_chi", "Số 1, Phường 1"),
                      ("dien_thoai", "0270 3822 199"), ("email", "nn@snv.example.gov.vn"), ("thu_truong", "Trưởng phòng"),
                      ("thu_tu", "")])
        publish(self, board, "co-cau-to-chuc", iid)
        path = public_path(self, self.fx, "snv", iid)
        # a Vietnamese item asked in English goes to its own address (docs/languages.md); its
        # English translation has the English page
        r = self.expect(self.c.get("/en" + path), 301, "the Vietnamese unit asked in English")
        self.assertEqual(r.location_path, path)
        r = self.expect(board.post("/quan-tri/ban-dich/tao", [("source", str(iid)), ("lang", "en")]), 303,
                        "the unit's translation")
        tid = int(re.match(r"/quan-tri/[a-z-]+/(\d+)$", r.location_path).group(1))
        publish(self, board, "co-cau-to-chuc", tid)
        en_path = public_path(self, self.fx, "snv", tid)
        self.assertTrue(en_path.startswith("/en/co-cau-to-chuc/"), en_path)
        for _ in range(2):  # built, then from the kept fragments
            r = self.expect(self.c.get(en_path), 200, "the unit's English page")
            self.check_html(r, lang="en")
            meta = squash(text_of([p for p in r.tree().iter("p") if p.get("class") == "article-meta"][0]))
            self.assertTrue(meta.startswith(EN["published_on"]), "the item's date line in English: %r" % meta)
            self.assertIn_(EN["print_version"], r, "the print link")
            self.assertIn_('href="/en/co-cau-to-chuc">%s</a>' % EN["unit_tree_link"], r, "the link to the tree, in English")
        r = self.expect(self.c.get(path), 200, "the unit's Vietnamese page")
        self.assertIn_(VI["published_on"], r, "the Vietnamese date line")
        self.assertNotIn_(EN["published_on"], r, "the English kept fragments stay on the English page")
