"""The public pages of a language are entirely in that language (#16): on the demo province
(`cong demo`: English and Khmer turned on for the main portal, with translations), every page
reached from /en/ and /km/ by their links, their feeds, calendar and sitemap, is crawled, and
any text in Vietnamese letters must be content as entered, never a text written by Cổng.

The allowance for content is honest and mechanical: every text value stored in the database
(site names, settings, categories, items' titles, summaries, bodies and fields, links, units…)
is content; a page's text with Vietnamese letters that is left once those values are removed
from it came from the code (a template, a locale text, a string built in C) and fails the test.
What a model builds from parts ("Lịch công tác tuần 50 năm 2026") is not in the database and is
caught too. A site's own text (its name, owner, address…: the sites row) that the board has given
in every language the site publishes in (site_texts) is not content on those pages: its
Vietnamese value there fails the test, unless another table holds it too. The JSON-LD in a page's
head is read like its text."""
import html
import json
import os
import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from urllib.parse import quote, urlsplit

from conglib import BASE, Client, CongTest, Server, cong, data_sql, db_url, host_of, locale_texts, new_db_args, text_of

VI, EN, KM = locale_texts("vi"), locale_texts("en"), locale_texts("km")
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
# the beginnings of the Vietnamese privacy notes of the ticket forms (model/tickets.c)
VI_WHY = {"question": "Họ tên và thư điện tử dùng để thông báo tiếp nhận, kết quả trả lời",
          "feedback": "Họ tên và thư điện tử dùng để thông báo tiếp nhận, kết quả xử lý",
          "error": "Họ tên và thư điện tử không bắt buộc",
          "info_request": "Luật Tiếp cận thông tin (Điều 24)"}

# the letters of Vietnamese that neither English nor Khmer text has (the brief of #16)
VN = re.compile("[ươđạảấầẩậắằặệềểễịọỏốồổộớờởợụủứừửữựƯƠĐẠẢẤẦẨẬẮẰẶỆỀỂỄỊỌỎỐỒỔỘỚỜỞỢỤỦỨỪỬỮỰ]")
# what the crawl does not follow: files, the admin, the API (another part of #16)
SKIP = re.compile(r"\.(jpe?g|png|webp|avif|gif|svg|pdf|docx?|xlsx?|css|js|mp3|mp4|vtt|zip)$|^/(en|km)/(api/|quan-tri)")
MAX_PAGES = 700
NOT_CONTENT = ("audit", "sessions", "mail_outbox", "ticket_events", "transitions", "signin_failures",
               "reminders_sent", "schema_migrations", "backups", "incidents", "link_checks")
# the product's own name, in the feeds' <generator>: a name, not a text to translate
PRODUCT = "Cổng"


def site_texts_given(data):
    """The Vietnamese values of the sites' own texts (sites.<key>) that the board gave in every
    language the site publishes in (site_texts, #16)."""
    out = set()
    for sid, key, n in data_sql(data, "SELECT site_id, key, count(DISTINCT lang) FROM site_texts GROUP BY site_id, key"):
        if key not in ("name", "short_name", "owner", "address", "phone", "responsible", "licence"):
            continue
        langs, value = data_sql(data, 'SELECT languages, "%s" FROM sites WHERE id = ?' % key, (sid,))[0]
        if n == len(langs.split()) and value:
            out.add(value)
    return out


def db_strings(data, withheld=frozenset()):
    """Every text value of the database DATA, JSON values' strings and HTML's text included;
    the sites' values in WITHHELD left out (site_texts_given)."""
    if db_url(data):
        cols = data_sql(data, "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema"
                              " = current_schema() AND data_type IN ('text', 'character varying')"
                              " AND table_name NOT LIKE 'search%'")
    else:
        cols = []
        for (t,) in data_sql(data, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
                                   " AND name NOT LIKE 'search%' AND sql NOT LIKE 'CREATE VIRTUAL%'"):
            cols += [(t, r[1]) for r in data_sql(data, "PRAGMA table_info(%s)" % t) if (r[2] or "").upper() in ("TEXT", "")]
    out = set()

    def add(v):
        if isinstance(v, str):
            s = v.strip()
            if s.startswith(("{", "[")):
                try:
                    add(json.loads(s))
                    return
                except ValueError:
                    pass
            for part in re.split(r"<[^>]+>|\n", s):
                part = html.unescape(part).strip()
                if len(part) >= 2 and VN.search(part):
                    out.add(part)
        elif isinstance(v, dict):
            for x in v.values():
                add(x)
        elif isinstance(v, list):
            for x in v:
                add(x)

    for t, c in cols:
        # not content: what Cổng itself wrote and stored (mails, the tickets' and workflow's
        # notes, logs), which must not excuse the same text on a page
        if t in NOT_CONTENT or t.startswith(("webhook", "subscription")):
            continue
        for (v,) in data_sql(data, 'SELECT DISTINCT "%s" FROM "%s"' % (c, t)):
            if not (t == "sites" and v in withheld):
                add(v)
    return sorted(out, key=len, reverse=True)


def ics_lines(text):
    """An iCalendar's logical lines, unfolded and unescaped, split at its escaped newlines."""
    text = re.sub(r"\r?\n[ \t]", "", text)
    out = []
    for line in text.splitlines():
        line = line.split(":", 1)[-1]
        out += [x.replace("\\,", ",").replace("\\;", ";") for x in line.split("\\n")]
    return out


def segments(r):
    """The texts of a response as people read them: an HTML page's text nodes and labelling
    attributes, an XML or JSON document's texts, a calendar's values."""
    t = r.body.decode("utf-8", "replace")
    ctype = (r.ctype or "").split(";")[0]
    if ctype == "text/calendar" or ctype == "text/vcard":
        return ics_lines(t)
    if "json" in ctype:
        out = []

        def walk(v):
            if isinstance(v, str):
                out.append(v)
            elif isinstance(v, dict):
                [walk(x) for x in v.values()]
            elif isinstance(v, list):
                [walk(x) for x in v]
        walk(json.loads(t))
        return out
    if r.is_html:
        # an element marked lang="vi" says its text is Vietnamese (content quoted as it is, the
        # switch's "Tiếng Việt"): what a screen reader then reads in Vietnamese, as it should;
        # the JSON-LD's strings are read as they are (a machine reads them: no lang to mark)
        out = []

        def walk_json(v):
            if isinstance(v, str):
                out.append(v)
            elif isinstance(v, dict):
                [walk_json(x) for x in v.values()]
            elif isinstance(v, list):
                [walk_json(x) for x in v]

        def walk(el):
            if el.tag == "script" and el.get("type") == "application/ld+json":
                walk_json(json.loads(el.text or "null"))
                return
            if el.get("lang") == "vi" or el.tag in ("script", "style"):
                return
            out.append(el.text or "")
            out.extend(el.get(a) or "" for a in ("title", "alt", "aria-label", "placeholder", "content"))
            for ch in el:
                if isinstance(ch.tag, str):
                    walk(ch)
                out.append(ch.tail or "")
        walk(r.tree())
        return [x.strip() for x in out]
    t = re.sub(r"<!\[CDATA\[(.*?)\]\]>", lambda m: html.escape(m.group(1)), t, flags=re.S)
    return [html.unescape(x).strip() for x in re.split(r"<[^>]+>|\n", t)]


class PublicLanguages(CongTest):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="cong-lang-")
        cls.data = os.path.join(cls.tmp, "data")
        # the whole demo province: ~30 s of CPU, far longer on a loaded machine
        cong("demo", "--data", cls.data, "--domain", BASE, *new_db_args(), timeout=900)
        cls.server = Server(cls.data, workdir=cls.tmp).start()
        cls.withheld = site_texts_given(cls.data)
        cls.content = db_strings(cls.data, cls.withheld)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        self.c = Client(self.server, host_of(None))

    def leftover(self, seg):
        """SEG without the content it quotes: what Cổng wrote of it."""
        for s in self.content:
            if s in seg:
                seg = seg.replace(s, " ")
                if not VN.search(seg):
                    break
        return seg

    def crawl(self, starts):
        seen, todo, pages = set(), list(starts), {}
        while todo and len(seen) < MAX_PAGES:
            path = todo.pop(0)
            if path in seen:
                continue
            seen.add(path)
            r = self.c.get(path)
            if r.status != 200:
                self.assertIn(r.status, (301, 302, 303, 304, 404), "%s answers %d" % (path, r.status))
                continue
            pages[path] = r
            if not r.is_html:
                continue
            for m in re.finditer(r'href="([^"#]+)"', r.body.decode("utf-8", "replace")):
                u = urlsplit(html.unescape(m.group(1)))
                if u.netloc and u.netloc.split(":")[0] != host_of(None):
                    continue
                p = u.path
                # the error report's form is the same page for every page it reports
                if u.query and "/gui/bao-loi" not in p:
                    p += "?" + u.query
                if re.match(r"^/(en|km)/", p) and not SKIP.search(u.path) and p not in seen:
                    todo.append(p)
        return pages

    def test_pages_in_english_and_khmer_have_no_vietnamese_of_ours(self):
        pages = self.crawl(["/en/", "/km/", "/en/rss.xml", "/en/atom.xml", "/km/rss.xml", "/km/atom.xml",
                            "/en/lich-cong-tac.ics", "/km/lich-cong-tac.ics"])
        self.assertGreater(len(pages), 60, "the crawl reached the language's pages")
        kinds = {(r.ctype or "").split(";")[0] for r in pages.values()}
        for ctype in ("text/html", "application/rss+xml", "application/atom+xml", "text/calendar"):
            self.assertIn(ctype, kinds, "the crawl read a %s" % ctype)
        found = {}
        for path, r in pages.items():
            for seg in segments(r):
                if seg and seg != PRODUCT and VN.search(seg):
                    left = self.leftover(seg)
                    if VN.search(left):
                        found.setdefault(seg[:100], []).append(path)
        report = "\n".join("%s  (%d pages, e.g. %s)" % (s, len(p), p[0]) for s, p in sorted(found.items()))
        self.assertEqual(found, {}, "Vietnamese written by Cổng on %d page(s) of /en/ and /km/:\n%s"
                         % (len({p for v in found.values() for p in v}), report))
        # the allowance is not everything: the English pages do show content as entered
        self.assertTrue(any(VN.search(s) for r in pages.values() for s in segments(r)),
                        "the demo's pages quote Vietnamese content (units, people), which the test allows")
        # and the main portal's own texts, given in English and Khmer by the demo, are withheld
        # from it: its Vietnamese name on any of these pages would have failed above
        self.assertIn("Cổng Thông tin điện tử tỉnh Vĩnh Long", self.withheld)
        self.assertIn("Ủy ban nhân dân tỉnh Vĩnh Long", self.withheld)
        self.assertNotIn("Cổng Thông tin điện tử tỉnh Vĩnh Long", self.content)

    # ---- the texts Cổng writes, one by one, in English and Khmer ----

    def page(self, path, lang):
        r = self.expect(self.c.get(path), 200, path)
        self.check_html(r, lang=lang)
        return r

    def item_path(self, lang, kind):
        """The address of the demo's published translation of KIND into LANG."""
        rows = data_sql(self.data, "SELECT id, slug FROM items WHERE lang = ? AND kind = ? AND state = 'published'"
                                   " ORDER BY id LIMIT 1", (lang, kind))
        self.assertTrue(rows, "the demo translates a %s into %s" % (kind, lang))
        segment = {"legal": "van-ban", "page": "trang", "procedure": "thu-tuc", "official": "can-bo",
                   "statistics": "thong-ke", "article": "tin"}[kind]
        return "/%s/%s/%s-%d" % (lang, segment, rows[0][1], rows[0][0])

    def test_legal_validity_badge_in_english(self):
        r = self.page(self.item_path("en", "legal"), "en")
        statuses = [EN["legal_status_" + s] for s in ("chua_co_hieu_luc", "con_hieu_luc", "het_hieu_luc_mot_phan",
                                                      "het_hieu_luc_toan_bo")]
        self.assertTrue(any(s in r.text for s in statuses), "the English validity badge")
        self.assertNotIn(VI["legal_status_con_hieu_luc"], r.text)
        # the Vietnamese page keeps its Vietnamese badge
        r = self.expect(self.c.get("/van-ban"), 200)
        self.assertTrue(any(VI["legal_status_" + s] in r.text for s in ("con_hieu_luc", "het_hieu_luc_toan_bo")))

    def test_ticket_forms_and_their_privacy_notes(self):
        for lang, texts in (("en", EN), ("km", KM)):
            for seg, name in (("cau-hoi", "question"), ("phan-anh", "feedback"), ("bao-loi", "error"),
                              ("yeu-cau-thong-tin", "info_request")):
                r = self.page("/%s/gui/%s" % (lang, seg), lang)
                self.assertIn(texts["ticket.%s.why" % name], r.text, "/%s/gui/%s: the privacy note" % (lang, seg))
                self.assertNotIn(VI_WHY[name], r.text)
            r = self.page("/%s/gui/cau-hoi" % lang, lang)
            labels = [text_of(lb) for lb in r.tree().iter("label")]
            self.assertTrue(any(texts["kind.question_form.ho_ten"] in lb for lb in labels), labels)
            self.assertIn(texts["kind.question_form.linh_vuc=Đất đai"], r.text, "a choice of the field of life")

    def test_dublin_core_rights_and_feed_titles(self):
        r = self.page("/en/", "en")
        rights = [m.get("content") for m in r.tree().iter("meta") if m.get("name") == "DC.rights"]
        self.assertTrue(rights and rights[0].startswith(EN["dc_rights_of"] + " "), rights)
        r = self.page("/", "vi")
        rights = [m.get("content") for m in r.tree().iter("meta") if m.get("name") == "DC.rights"]
        self.assertTrue(rights and rights[0].startswith("Bản quyền thuộc về "), rights)
        for lang, texts in (("en", EN), ("km", KM)):
            for feed in ("rss.xml", "atom.xml"):
                r = self.expect(self.c.get("/%s/%s" % (lang, feed)), 200)
                root = ET.fromstring(r.body)
                desc = [el.text for el in root.iter() if el.tag.split("}")[-1] in ("description", "subtitle")]
                self.assertTrue(desc and desc[0].startswith(texts["feed_latest_of"]), "/%s/%s: %r" % (lang, feed, desc[:1]))
        r = self.expect(self.c.get("/en/van-ban/rss.xml"), 200)
        title = ET.fromstring(r.body).find("channel/title").text
        self.assertTrue(title.startswith(EN["kind.legal"] + " - "), title)

    def test_calendar_and_vcard_in_english(self):
        r = self.expect(self.c.get("/en/lich-cong-tac.ics"), 200)
        text = "\n".join(ics_lines(r.text))
        self.assertIn("%s - " % EN["sched_title"], text, "the calendar's name")
        self.assertIn(EN["sched_col_chair"] + ": ", text)
        self.assertNotIn(VI["sched_col_chair"] + ": ", text)
        r = self.expect(self.c.get("/lich-cong-tac.ics"), 200)
        self.assertIn(VI["sched_col_chair"] + ": ", "\n".join(ics_lines(r.text)), "the Vietnamese calendar")
        page = self.page(self.item_path("en", "official"), "en")
        vcf = [a.get("href") for a in page.tree().iter("a") if (a.get("href") or "").endswith(".vcf")]
        self.assertTrue(vcf and vcf[0].startswith("/en/can-bo/"), vcf)
        card = self.expect(self.c.get(vcf[0]), 200).text
        self.assertRegex(card, r"\nURL:https?://[^/]+/en/can-bo/")

    # ---- the search of a language's pages: words stemmed, Khmer as substrings ----

    def search(self, lang, q):
        r = self.page("/%s/tim-kiem?q=%s" % (lang, quote(q)), lang)
        main = r.tree().find(".//main")
        return [a.get("href") for a in main.iter("a") if re.match(r"^/%s/(?!tim-kiem)[a-z-]+/" % lang, a.get("href") or "")]

    def test_english_search_stems_and_ranks(self):
        proc = self.item_path("en", "procedure")
        # the title says "enterprise": the plural, capitals and another form of the verb find it
        for q in ("enterprises", "ENTERPRISE", "registered enterprises", "register"):
            self.assertIn(proc, self.search("en", q), "/en/tim-kiem?q=%s" % q)
        self.assertEqual(self.search("en", "enterprise -private"), [], "an excluded word")
        self.assertEqual(self.search("en", '"enterprise registering"'), [], "a phrase in another order")
        self.assertIn(proc, self.search("en", '"registering a private"'), "a phrase")
        # the Vietnamese words of the Vietnamese item are not on the English page
        self.assertEqual(self.search("en", "doanh nghiệp"), [])
        # a title's match first: "province" is in the introduction's title and in other items' text
        found = self.search("en", "province")
        self.assertGreater(len(found), 1, found)
        self.assertEqual(found[0], self.item_path("en", "page"), "the title's match ranks first")
        # nothing of another language's items
        self.assertEqual(self.search("km", "enterprise"), [])

    def test_khmer_search_finds_substrings(self):
        intro = self.item_path("km", "page")
        # Khmer writes no spaces between words: a word inside a longer run is found
        for q in ("ដីសណ្ត", "ទន្លេមេគង្គ", "ខេត្តវិញឡុង", "ដីសណ្ត ទេសចរណ៍"):
            self.assertIn(intro, self.search("km", q), "/km/tim-kiem?q=%s" % q)
        self.assertEqual(self.search("km", "ដីសណ្ត -ទេសចរណ៍"), [], "an excluded word")
        self.assertEqual(self.search("km", "កម្ពុជា"), [], "a word the text has not")

    # ---- the sitemap's alternates ----

    def test_sitemap_names_every_language_version(self):
        r = self.expect(self.c.get("/sitemap.xml"), 200)
        root = ET.fromstring(r.body)  # a real XML parser: well-formed, namespaces declared
        self.assertEqual(root.tag, SM + "urlset")
        base = "http://%s:%d" % (host_of(None), self.server.port)
        alts = {}
        for u in root.iter(SM + "url"):
            loc = u.find(SM + "loc").text
            alts[loc] = {x.get("hreflang"): x.get("href") for x in u.findall(XHTML + "link") if x.get("rel") == "alternate"}
        want = {"vi": base + "/", "en": base + "/en/", "km": base + "/km/", "x-default": base + "/"}
        for home in ("/", "/en/", "/km/"):
            self.assertEqual(alts.get(base + home), want, "the language homes name each other: %s" % home)
        # a translated item: its Vietnamese entry names its English version
        en = self.item_path("en", "procedure")
        entry = [loc for loc, a in alts.items() if a.get("en") == base + en]
        self.assertEqual(len(entry), 1, "the procedure's entry names its English version")
        self.assertEqual(alts[entry[0]]["vi"], entry[0])
        self.assertEqual(alts[entry[0]]["x-default"], entry[0])
        self.assertEqual(self.c.get(en).status, 200)
        # an item without translation has no alternates
        self.assertTrue(any(not a for loc, a in alts.items() if "/van-ban/" in loc))

    # ---- the contact page and the week's schedule: chrome in the language, content as entered ----

    def test_contact_and_schedule_say_their_content_is_vietnamese(self):
        for lang, texts in (("en", EN), ("km", KM)):
            r = self.page("/%s/lien-he" % lang, lang)
            self.assertEqual(text_of(r.tree().find(".//h1")).strip(), texts["contact_title"])
            # the site's own name: the demo gives it in English and Khmer (site_texts), so it is
            # in the page's language and not marked; the units below stay Vietnamese, marked
            h2 = r.by_id("lh-co-quan")
            name = data_sql(self.data, "SELECT t.value FROM site_texts t JOIN sites s ON s.id = t.site_id"
                                       " WHERE s.kind = 'main' AND t.lang = ? AND t.key = 'name'", (lang,))[0][0]
            self.assertEqual((h2.get("lang"), text_of(h2).strip()), (None, name),
                             "/%s/lien-he: the site's name in the language" % lang)
            units = [th for th in r.tree().iter("th") if th.get("scope") == "row"]
            self.assertTrue(units and all(th.get("lang") == "vi" for th in units),
                            "/%s/lien-he: the units are marked Vietnamese" % lang)
            r = self.page("/%s/lich-cong-tac" % lang, lang)
            heads = [text_of(th).strip() for th in r.tree().iter("th") if th.get("scope") == "col"]
            self.assertIn(texts["sched_col_chair"], heads)
            cells = [td for td in r.tree().iter("td") if td.get("lang") == "vi"]
            self.assertTrue(cells, "/%s/lich-cong-tac: the entries are marked Vietnamese" % lang)
        r = self.page("/lien-he", "vi")
        self.assertIsNone(r.by_id("lh-co-quan").get("lang"), "the Vietnamese page needs no mark")
