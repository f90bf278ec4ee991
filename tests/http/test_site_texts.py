"""A site's own texts per language (#16, docs/languages.md §2d): its name, owning body, address,
phone and footer lines entered on the settings page, a box per language the site publishes in;
checked (message next to the field, input kept), site administrators only, audited; the /en/ and
/km/ pages then show them in the header, footer, contact page, accessibility statement,
metadata (Dublin Core, Open Graph, JSON-LD) and feeds, with what was not given in Vietnamese
marked lang="vi"; the Vietnamese pages unchanged; the cached /en/ page made new by the save."""
import json
import re
import xml.etree.ElementTree as ET

from conglib import SNV_INFO, CongTest, locale_texts, module_fixture

setUpModule, tearDownModule = module_fixture()

VI, EN = locale_texts("vi"), locale_texts("en")
STATE = {}
EN_TEXTS = {"en_name": "Department of Home Affairs Portal", "en_owner": "Test Province People's Committee",
            "en_address": "12 Le Loi Street, Ward 1, Test City"}
KM_NAME = "គេហទំព័រមន្ទីរកិច្ចការផ្ទៃក្នុង"


class SiteTexts(CongTest):
    def board(self):
        return self.fx.admin("admin", "snv")

    def languages_on(self):
        if "on" not in STATE:
            r = self.board().post("/quan-tri/cai-dat/ngon-ngu", [("lang-en", "1"), ("lang-km", "1"),
                                                                ("translation_rules", "")])
            self.expect(r, 303, "turning English and Khmer on")
            STATE["on"] = True

    def lang_of(self, r, cls):
        """The lang attribute of the element of class CLS (None when it has none)."""
        el = next(e for e in r.tree().iter() if cls in (e.get("class") or "").split())
        return el.get("lang"), "".join(el.itertext()).strip()

    def test_1_the_form_checked_kept_and_denied(self):
        self.languages_on()
        r = self.expect(self.board().get("/quan-tri/cai-dat"), 200)
        for name in ("en_name", "en_owner", "en_address", "en_phone", "en_responsible", "en_licence", "km_name"):
            self.assertIsNotNone(r.tree().find(".//input[@name='%s']" % name), "the box has %s" % name)
        self.assertIn_(SNV_INFO["address"], r, "each field shows the Vietnamese it stands for")
        # too long: the message next to the field, what was typed kept, nothing saved
        r = self.board().post("/quan-tri/cai-dat/van-ban", [("en_name", "Kept Name"), ("en_address", "x" * 501)])
        self.expect(r, 422)
        self.assertIn_(VI["site_text_too_long"], r, "the message")
        self.assertIn_('id="en_address-error"', r, "next to its field")
        self.assertIn_('value="Kept Name"', r, "the input kept")
        self.assertEqual(self.fx.sql("SELECT count(*) FROM site_texts"), [(0,)], "nothing saved")
        # an approver of the site may not
        self.expect(self.fx.admin("duyet", "snv").post("/quan-tri/cai-dat/van-ban", [("en_name", "X")]), 403)
        self.assertEqual(self.fx.sql("SELECT count(*) FROM site_texts"), [(0,)])

    def test_2_pages_before_and_after(self):
        self.languages_on()
        c = self.fx.client("snv")
        # before: the Vietnamese texts, said to be Vietnamese
        r = self.page(c, "/")
        self.assertEqual(self.lang_of(r, "brand-name"), (None, "Sở Nội vụ"), "the Vietnamese page as before")
        for cls in ("brand-owner", "footer-name", "footer-owner", "copyright"):
            self.assertIsNone(self.lang_of(r, cls)[0], "no language mark on the Vietnamese page's %s" % cls)
        before = c.get("/en/")
        self.check_html(before, lang="en")
        self.assertEqual(self.lang_of(before, "brand-name"), ("vi", "Sở Nội vụ"), "the fallback marked")
        # saved: audited, and the cached /en/ page made new
        r = self.board().post("/quan-tri/cai-dat/van-ban", list(EN_TEXTS.items()) + [("km_name", KM_NAME)])
        self.expect(r, 303, "saving the texts")
        self.assertEqual(self.fx.sql("SELECT detail FROM audit WHERE action = 'site.texts'"), [("en km",)])
        r = self.expect(self.board().get("/quan-tri/cai-dat"), 200)
        self.assertIn_('value="%s"' % EN_TEXTS["en_name"], r, "the stored value in its box")

        en = c.get("/en/")
        self.check_html(en, lang="en")
        self.assertEqual(self.lang_of(en, "brand-name"), (None, EN_TEXTS["en_name"]), "the header's name")
        self.assertEqual(self.lang_of(en, "brand-owner")[1], EN_TEXTS["en_owner"], "the owner")
        self.assertEqual(self.lang_of(en, "footer-name"), (None, EN_TEXTS["en_name"]), "the footer's name")
        self.assertIn(EN_TEXTS["en_address"], "".join(next(
            e for e in en.tree().iter("ul") if e.get("class") == "footer-contact").itertext()), "the footer's address")
        # what was not given stays Vietnamese, marked so
        resp = [p for p in en.tree().iter("p") if "".join(p.itertext()).strip() == SNV_INFO["responsible"]]
        self.assertTrue(resp and resp[0].get("lang") == "vi", "the responsible line: Vietnamese, marked lang=vi")
        self.assertNotIn_("Sở Nội vụ", en, "the Vietnamese name nowhere on /en/")
        # the metadata: Open Graph, Dublin Core, JSON-LD
        heads = {m.get("property") or m.get("name"): m.get("content") for m in en.tree().iter("meta")}
        self.assertEqual(heads.get("og:site_name"), EN_TEXTS["en_name"])
        self.assertEqual(heads.get("DC.publisher"), EN_TEXTS["en_owner"])
        ld = [json.loads(s.text) for s in en.tree().iter("script") if s.get("type") == "application/ld+json"]
        org = next(x for x in ld if x.get("@type") == "GovernmentOrganization")
        self.assertEqual(org["name"], EN_TEXTS["en_owner"])
        self.assertEqual(org.get("alternateName"), EN_TEXTS["en_name"])
        self.assertEqual(org["address"]["streetAddress"], EN_TEXTS["en_address"])
        # the feed, the contact page, the accessibility statement
        rss = ET.fromstring(self.expect(c.get("/en/rss.xml"), 200).body)
        self.assertEqual(rss.find("channel/title").text, EN_TEXTS["en_name"])
        r = self.expect(c.get("/en/lien-he"), 200)
        h2 = next(e for e in r.tree().iter("h2") if e.get("id") == "lh-co-quan")
        self.assertEqual((h2.get("lang"), h2.text), (None, EN_TEXTS["en_name"]), "the contact page's name")
        dd = [d for d in r.tree().iter("dd") if d.text == EN_TEXTS["en_address"]]
        self.assertTrue(dd and dd[0].get("lang") is None, "the contact page's address, in English")
        r = self.expect(c.get("/en/tro-nang-tiep-can"), 200)
        self.assertIn_(EN_TEXTS["en_owner"], r, "the accessibility statement's contact")
        # Khmer: its own name, the rest Vietnamese and marked
        km = c.get("/km/")
        self.check_html(km, lang="km")
        self.assertEqual(self.lang_of(km, "brand-name"), (None, KM_NAME))
        self.assertEqual(self.lang_of(km, "brand-owner")[0], "vi", "no Khmer owner: the Vietnamese, marked")
        # the Vietnamese pages as before
        r = self.page(c, "/")
        self.assertEqual(self.lang_of(r, "brand-name"), (None, "Sở Nội vụ"))
        self.assertNotIn_(EN_TEXTS["en_name"], r)
        # emptied: the fallback again
        self.expect(self.board().post("/quan-tri/cai-dat/van-ban", [("en_name", ""), ("km_name", KM_NAME)]), 303)
        self.assertEqual(self.lang_of(c.get("/en/"), "brand-name"), ("vi", "Sở Nội vụ"))
