"""The whole admin in English and Khmer (#16): accounts whose language is en or km walk every
admin page the menu reaches (as the system administrator on the main portal and on a
department's site, whose menus differ), the inbox's tickets and the exports built in C, and no
Vietnamese remains in the chrome. User content is taken out first: every text the fixture's
database holds that a page may show (site names and contacts, names, titles, categories, the
deadline rules seeded by migration 0010) — not the locale's texts, which are what is tested.
The sign-in page follows the browser's Accept-Language among the languages with a locale."""
import html
import io
import json
import re
import zipfile

from conglib import CongTest, cong, locale_texts, module_fixture, squash
from forms_helper import challenge_fields

setUpModule, tearDownModule = module_fixture()

VI, EN, KM = locale_texts("vi"), locale_texts("en"), locale_texts("km")

# Letters only Vietnamese writes (not French, not English): a chrome text left in Vietnamese has
# some of them in nearly every word of two syllables.
VIET = re.compile("[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
                  "ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]")

# Vietnamese proper nouns the translations keep on purpose: legal documents' numbers (their
# official form, "13/2018/NĐ-CP"), their articles ("Đ8.1"), the currency, Tết, the examples of names and numbers typed
# in Vietnamese. Only these tokens are taken out, not the words around them.
KEPT = re.compile(r"[\w./-]*(?:NĐ|QĐ|ĐT)[\w./-]*|\bTết\b|\bđồng\b|\btỷ\b|Nguyễn Văn A|quyết định"
                  # the regulations' articles cited as the seeds number them ("VL Đ8.1": Điều 8.1)
                  r"|\bĐ\d+(?:\.\d+)*(?:\.[a-zđ]\b)?")

# What the database holds that the admin shows as it was typed (user content, not chrome).
DATA_SQL = [
    "SELECT name FROM sites", "SELECT address FROM sites", "SELECT responsible FROM sites",
    "SELECT licence FROM sites", "SELECT display_name FROM users", "SELECT name FROM categories",
    "SELECT title FROM items", "SELECT name FROM deadline_rules", "SELECT source FROM deadline_rules",
    "SELECT title FROM tickets",
]


# Pages that show, beside their chrome, Vietnamese that is not chrome, and what it is: the CSV
# import's accepted values (the file's format: its column names and its choices are the
# Vietnamese the file is written in), the Labour Code's holidays (their Vietnamese names,
# vn/calendar.c, as "Tết" in the translations), a ticket's fields of life (an open choice: what
# is stored is the Vietnamese value, shown as stored, as an item's open choices are).
PAGE_KEPT = {
    "/quan-tri/nhap/": "choices",
    "/quan-tri/tiep-nhan/": "options",
    "/quan-tri/lich-lam-viec": re.compile(r"(?:nghỉ bù )?(?:Tết Dương lịch|Tết Nguyên đán|Giỗ Tổ Hùng Vương|"
                                          r"Ngày Chiến thắng|Quốc tế Lao động|Quốc khánh)"),
}


def visible_text(page):
    """What a reader gets of PAGE: its text and the attributes read aloud or shown (title,
    aria-label, placeholder, alt, value of buttons), scripts and styles dropped, and what is not
    chrome: a textarea's typed text, an element marked as in another language (the language
    menu names each language in itself, lang="vi")."""
    s = re.sub(r"(?is)<(script|style|textarea)\b.*?</\1>", " ", page)
    s = re.sub(r'(?is)<(?!html\b)(\w+)\b[^>]*\blang="vi"[^>]*>.*?</\1>', " ", s)
    attrs = re.findall(r'\b(?:title|aria-label|placeholder|alt)="([^"]*)"', s)
    attrs += re.findall(r'<input[^>]*type="(?:submit|button)"[^>]*value="([^"]*)"', s)
    s = re.sub(r"<[^>]+>", " ", s)
    return squash(html.unescape(s + " " + " ".join(attrs)))


class AdminLanguages(CongTest):
    @classmethod
    def setUpClass(cls):
        fx = cls.fx
        if not hasattr(type(fx), "_langs_users"):
            fx.add_user("sys.en", "sysadmin")
            fx.add_user("sys.km", "sysadmin")
            type(fx)._langs_users = True
        # content the pages list: an article, a ticket in the inbox
        board = fx.admin("admin", "snv")
        cat = fx.category(board, "Tin ngôn ngữ quản trị")[0]
        fx.article(board, "Bài để kiểm tra ngôn ngữ", category_id=cat)
        pub = fx.client("snv")
        form = pub.get("/gui/cau-hoi")
        fields = [("ho_ten", "Nguyễn Văn Hỏi"), ("email", "hoi@example.vn"), ("linh_vuc", "Đất đai"),
                  ("ten_cau_hoi", "Hỏi về giờ làm việc"), ("cau_hoi", "Cơ quan làm việc mấy giờ?"), ("nhan_thu", "1")]
        # what the citizen typed is content too (tickets.fields holds it sealed or as JSON)
        type(fx)._typed = [v for k, v in fields if k not in ("nhan_thu",)]
        r = pub.post("/gui/cau-hoi", fields + challenge_fields(form.text, js=True))
        if r.status != 303:
            raise AssertionError("the question was refused: %d" % r.status)

    def data_strings(self):
        out = set()
        for q in DATA_SQL:
            try:
                rows = self.fx.sql(q)
            except Exception:  # noqa: BLE001 — a column another branch adds may be absent
                continue
            out.update(r[0] for r in rows if r[0])
        out.update(getattr(type(self.fx), "_typed", []))
        return sorted(out, key=len, reverse=True)

    def signed_in(self, user, lang, slug=None):
        c = self.fx.admin(user, slug)
        r = c.post("/quan-tri/ngon-ngu", [("language", lang)])
        self.assertEqual(r.status, 303, squash(r.text)[-200:])
        return c

    def menu_pages(self, client):
        home = self.expect(client.get("/quan-tri/"), 200)
        pages = {"/quan-tri/"}
        for m in re.finditer(r'<a href="(/quan-tri/[^"#]*)"', home.text):
            p = html.unescape(m.group(1))
            if "dang-xuat" not in p and not p.endswith((".xlsx", ".csv")):
                pages.add(p)
        return sorted(pages)

    def csv_choices(self):
        """The values the CSV import accepts for the kinds' choices (cong kinds --json)."""
        out = set()
        for k in json.loads(cong("kinds", "--json")):
            for f in k["fields"]:
                out.update(c["label"] for c in f.get("choices", []))
        return sorted(out, key=len, reverse=True)

    def strip_data(self, text, data, kept=True):
        for d in data:
            text = text.replace(squash(d), " ")
        return KEPT.sub(" ", text) if kept else text

    def leftover(self, text, data):
        for d in data:
            text = text.replace(squash(d), " ")
        text = KEPT.sub(" ", text)
        return [m.start() for m in VIET.finditer(text)]

    def walk(self, client, lang, data, extra=()):
        texts = EN if lang == "en" else KM
        seen, bad = 0, []
        pages = self.menu_pages(client) + list(extra)
        # the inbox's tickets, the largest admin template
        inbox = client.get("/quan-tri/tiep-nhan?hop=new")
        pages += sorted(set(re.findall(r'href="(/quan-tri/tiep-nhan/\d+)"', inbox.text)))[:2]
        for p in pages:
            r = client.get(p)
            if r.status in (301, 302, 303):
                continue
            self.assertEqual(r.status, 200, "%s %s" % (lang, p))
            if not r.is_html:
                continue
            self.assertIn('<html lang="%s"' % lang, r.text[:300], p)
            seen += 1
            text = visible_text(r.text)
            if any(p.startswith(k) and v == "options" for k, v in PAGE_KEPT.items()):
                sel = re.search(r'(?s)<select id="linh_vuc".*?</select>', r.text)
                text = visible_text(r.text.replace(sel.group(0), " ")) if sel else text
            clean = self.strip_data(text, data, kept=False)
            for prefix, kept in PAGE_KEPT.items():
                if p.startswith(prefix):
                    if kept == "options":
                        pass
                    elif kept == "choices":
                        for c in self.csv_choices():
                            clean = clean.replace(c, " ")
                    else:
                        clean = kept.sub(" ", clean)
            clean = KEPT.sub(" ", clean)
            words = []
            for i in self.leftover(clean, ()):  # the words holding the letters, once each
                w = clean[clean.rfind(" ", 0, i) + 1:(clean.find(" ", i) + 1 or len(clean) + 1) - 1]
                if w not in words:
                    words.append(w)
            if words:
                bad.append("%s: %s" % (p, " ".join(words[:12])))
            # the page is in the language: its menu's first entry is
            self.assertIn(squash(texts["adm_nav_articles"]), text, p)
        self.assertGreater(seen, 25, "%s: too few admin pages reached" % lang)
        self.assertFalse(bad, "%s: Vietnamese left in the chrome: %s" % (lang, " | ".join(bad[:40])))
        return seen

    def test_every_menu_page_in_english_and_khmer(self):
        data = self.data_strings()
        extra = ["/quan-tri/han-cap-nhat/quy-tac", "/quan-tri/thu-nhac-han", "/quan-tri/tai-khoan/danh-sach",
                 "/quan-tri/cai-dat/tai-khoan", "/quan-tri/tiep-nhan/kiem-duyet", "/quan-tri/han-cap-nhat/bao-cao",
                 "/quan-tri/nhap/van-ban", "/quan-tri/ban-dich", "/quan-tri/cai-dat/ngon-ngu"]
        try:
            for user, lang in (("sys.en", "en"), ("sys.km", "km")):
                for slug in (None, "snv"):
                    c = self.signed_in(user, lang, slug)
                    self.walk(c, lang, data, extra)
        finally:
            for user in ("sys.en", "sys.km"):
                self.fx.admin(user).post("/quan-tri/ngon-ngu", [("language", "vi")])

    def test_the_checker_sees_vietnamese(self):
        """The walk's check is not blind: the Vietnamese admin fails it on its chrome."""
        data = self.data_strings()
        c = self.fx.admin("admin")
        text = visible_text(c.get("/quan-tri/sao-luu").text)
        self.assertTrue(self.leftover(text, data))
        self.assertFalse(self.leftover(squash(EN["adm_bk_moi_ban_sao_luu"]), data))

    def test_exports_in_the_accounts_language(self):
        c = self.signed_in("sys.en", "en")
        try:
            r = c.get("/quan-tri/tai-khoan/danh-sach.xlsx")
            self.assertEqual(r.status, 200)
            with zipfile.ZipFile(io.BytesIO(r.body)) as z:
                strings = z.read("xl/sharedStrings.xml").decode("utf-8") if "xl/sharedStrings.xml" in z.namelist() \
                    else " ".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/"))
            for key in ("adm_username", "adm_al_ho_va_ten", "adm_acl_mfa", "adm_acl_created"):
                self.assertIn(html.escape(EN[key], quote=False), strings, key)
            self.assertNotIn(VI["adm_acl_mfa"], strings)
            self.assertIn(EN["adm_acl_active"], strings)
            # the incidents' file: its columns
            r = c.get("/quan-tri/su-co?dang=csv")
            self.assertEqual(r.status, 200)
            head = r.body.decode("utf-8-sig").splitlines()[0]
            self.assertIn(EN["adm_incc_occurred"], head)
            self.assertIsNone(VIET.search(head), head)
        finally:
            c.post("/quan-tri/ngon-ngu", [("language", "vi")])
        # another account reads the same file in Vietnamese
        r = self.fx.admin("admin").get("/quan-tri/su-co?dang=csv")
        self.assertIn(VI["adm_incc_occurred"], r.body.decode("utf-8-sig").splitlines()[0])

    def test_sign_in_page_follows_the_browser(self):
        c = self.fx.client()
        cases = [("en-GB,en;q=0.9,vi;q=0.5", "en"), ("km-KH", "km"), ("fr-FR, km;q=0.4, vi;q=0.3", "km"),
                 ("vi-VN,vi;q=0.9,en;q=0.8", "vi"), ("de, fr;q=0.5", "vi"), ("", "vi"),
                 ("EN;q=0.2, km;q=0.8", "km"), ("en;q=0, km;q=0.1", "km"), ("xx-YY;q=1", "vi")]
        for header, lang in cases:
            r = c.get("/quan-tri/dang-nhap", headers={"Accept-Language": header} if header else None)
            self.assertEqual(r.status, 200)
            self.assertIn('<html lang="%s"' % lang, r.text[:300], header)
            texts = {"vi": VI, "en": EN, "km": KM}[lang]
            self.assertIn(html.escape(texts["adm_title_signin"], quote=False), r.text, header)
            self.assertIn("Accept-Language", r.header("Vary") or "")
        # a refused sign-in answers in the browser's language too
        r = c.post("/quan-tri/dang-nhap", [("username", "admin"), ("password", "sai-mat-khau-0")],
                   headers={"Accept-Language": "en"})
        self.assertEqual(r.status, 401)
        self.assertIn(html.escape(EN["signin_failed"], quote=False), r.text)
        text = self.strip_data(visible_text(r.text), self.data_strings())
        self.assertIsNone(VIET.search(text), text[:300])
