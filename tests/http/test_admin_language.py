"""The admin in the account's language (#16): an account chooses English or Khmer on its password
page (/quan-tri/ngon-ngu), and from then on its admin pages — the menu, the dashboard, the item
forms with the kinds' own labels (model/kinds.c, locale/<lang>/kinds.json), the workflow's states
and buttons — are in that language, with no Vietnamese chrome left; another account still reads
Vietnamese; a language without a locale is refused next to the field; the change is audited."""
import html
import json
import re

from conglib import CongTest, cong, locale_texts, module_fixture, squash

setUpModule, tearDownModule = module_fixture()

VI, EN, KM = locale_texts("vi"), locale_texts("en"), locale_texts("km")


def model_texts():
    """The Vietnamese texts whose one source is the model (model/kinds.c, model/workflow.c), under
    their locale keys: the kinds' from `cong kinds --json`, the rest as the model writes them."""
    texts = {"kind.legal.one": "văn bản", "kind.legal.so_ky_hieu.help": "Như trên văn bản, ví dụ 12/2024/QĐ-UBND",
             "wf.state.draft": "Bản nháp", "wf.action.submit": "Gửi biên tập"}
    for k in json.loads(cong("kinds", "--json")):
        texts["kind.%s" % k["name"]] = k["label"]
        if k.get("title_label"):
            texts["kind.%s.title" % k["name"]] = k["title_label"]
        for f in k["fields"]:
            texts["kind.%s.%s" % (k["name"], f["key"])] = f["label"]
            for c in f.get("choices", []):
                texts["kind.%s.%s=%s" % (k["name"], f["key"], c["key"])] = c["label"]
    return texts


VI.update(model_texts())

# Texts of the admin's chrome, the dashboard and the document form (a kind with fields, choices
# and a table-less form), by key: each must show in the chosen language and not in Vietnamese.
DASHBOARD_KEYS = ["adm_nav_articles", "adm_nav_library", "adm_nav_deadlines", "adm_signout", "adm_change_password",
                  "adm_tab_waiting", "adm_tab_all", "adm_col_category", "adm_col_updated", "adm_skip"]
FORM_KEYS = ["adm_summary", "adm_body_hint", "adm_attachments", "adm_intake_unit", "adm_save", "adm_save_submit",
             "adm_choose", "kind.legal.so_ky_hieu", "kind.legal.so_ky_hieu.help", "kind.legal.loai",
             "kind.legal.co_quan_ban_hanh", "kind.legal.ngay_ban_hanh", "kind.legal.pham_vi",
             "kind.legal.pham_vi=tinh", "kind.legal.title"]


def page_text(r):
    """The page's text as a reader gets it: tags dropped, entities decoded, spaces squashed."""
    return squash(html.unescape(re.sub(r"<[^>]+>", " ", r.text)))


class AdminLanguage(CongTest):
    @classmethod
    def setUpClass(cls):
        fx = cls.fx
        if not hasattr(type(fx), "_lang_users"):
            fx.add_user("btv.lang", "editor", "snv")
            fx.add_user("btv.viet", "editor", "snv")
            type(fx)._lang_users = True

    def set_language(self, client, code, expect=303):
        r = client.post("/quan-tri/ngon-ngu", [("language", code)])
        self.assertEqual(r.status, expect, squash(r.text)[-300:])
        return r

    def assert_texts(self, r, keys, texts, lang):
        """Every key's text of TEXTS on the page, and no Vietnamese text of those keys that
        differs from it (the chrome is wholly in LANG)."""
        self.expect(r, 200)
        body = page_text(r)
        for k in keys:
            self.assertIn(squash(texts[k]), body, "%s: %s missing (%s)" % (lang, k, texts[k]))
            if VI[k] != texts[k]:
                self.assertNotIn(squash(VI[k]), body, "%s: Vietnamese %s (%s) still shown" % (lang, k, VI[k]))
        self.assertIn('lang="%s"' % lang, r.text)

    def test_english_then_khmer_and_another_account_vietnamese(self):
        fx = self.fx
        ed = fx.admin("btv.lang", "snv")
        # an article of this editor's: the dashboard lists it (its table heads), its page has a state
        cat = fx.category(fx.admin("admin", "snv"), "Tin ngôn ngữ")[0]
        aid = fx.article(ed, "Bài ngôn ngữ", category_id=cat)
        other = fx.admin("btv.viet", "snv")
        fx.article(other, "Bài tiếng Việt", category_id=cat)
        try:
            self.set_language(ed, "en")
            page = ed.get("/quan-tri/doi-mat-khau?ngon-ngu=1")
            self.assertIn(EN["adm_language_saved"], html.unescape(page.text))
            self.assertRegex(page.text, r'<option value="en" lang="en" selected>')
            self.assert_texts(ed.get("/quan-tri/?loc=tat-ca"), DASHBOARD_KEYS, EN, "en")
            self.assert_texts(ed.get("/quan-tri/van-ban/moi"), FORM_KEYS + ["adm_nav_articles"], EN, "en")
            # the page's title is the kind's in English
            self.assertIn("<title>%s %s" % (EN["adm_add"], EN["kind.legal.one"]), html.unescape(ed.get("/quan-tri/van-ban/moi").text))
            # a bad value is refused in English, the input kept
            r = ed.post("/quan-tri/van-ban/moi", [("title", "Bad date"), ("so_ky_hieu", "1/2026/QĐ-UBND"),
                                                  ("ngay_ban_hanh", "99/99/2026")], multipart_form=True)
            self.assertEqual(r.status, 422)
            self.assertIn('value="99/99/2026"', r.text)
            self.assertIn(EN["adm_error_summary"], html.unescape(r.text))
            # an article through the workflow: its state and buttons in English
            edit = ed.get("/quan-tri/bai-viet/%d" % aid)
            self.assert_texts(edit, ["wf.state.draft", "wf.action.submit", "adm_history", "adm_revisions"], EN, "en")

            # the deadline report: its chart and table in English
            rep = ed.get("/quan-tri/han-cap-nhat/bao-cao")
            self.assert_texts(rep, ["adm_title_compliance", "adm_rep_from", "adm_rep_show", "adm_period_this_month"], EN, "en")
            self.assertTrue(EN["adm_chart_title"] in rep.text or EN["adm_chart_no_data"] in rep.text)

            # the deadline lists, the review list and the library
            self.assert_texts(ed.get("/quan-tri/han-cap-nhat"), ["adm_dl_overdue", "adm_dl_hint", "adm_dl_rules"], EN, "en")
            self.assert_texts(ed.get("/quan-tri/ra-soat"), ["adm_rv_needed", "adm_rv_all"], EN, "en")
            self.assert_texts(ed.get("/quan-tri/thu-vien"), ["adm_md_upload", "adm_md_alt_hint", "adm_md_title_hint", "adm_tab_all"], EN, "en")

            self.assert_texts(ed.get("/quan-tri/chuyen-muc"), ["adm_ct_add", "adm_ct_parent", "adm_ct_save"], EN, "en")
            self.assert_texts(ed.get("/quan-tri/xac-thuc-hai-lop"), ["adm_tp_enrol", "adm_tp_turn_on"], EN, "en")

            self.assert_texts(ed.get("/quan-tri/tiep-nhan"), ["adm_ib_filter", "adm_box_open", "adm_ib_moderation"], EN, "en")

            self.set_language(ed, "km")
            self.assert_texts(ed.get("/quan-tri/?loc=tat-ca"), DASHBOARD_KEYS, KM, "km")
            self.assert_texts(ed.get("/quan-tri/van-ban/moi"), FORM_KEYS, KM, "km")
            # the kinds' menu entries, in Khmer
            self.assertIn(KM["kind.legal"], html.unescape(ed.get("/quan-tri/?loc=tat-ca").text))

            # another account of the same site still reads Vietnamese
            self.assert_texts(other.get("/quan-tri/?loc=tat-ca"), DASHBOARD_KEYS, VI, "vi")
            self.assert_texts(other.get("/quan-tri/van-ban/moi"), FORM_KEYS, VI, "vi")
        finally:
            self.set_language(ed, "vi")
        # back to Vietnamese: the default, stored as ''
        self.assert_texts(ed.get("/quan-tri/?loc=tat-ca"), DASHBOARD_KEYS, VI, "vi")
        rows = fx.sql("SELECT language FROM users WHERE username = 'btv.lang'")
        self.assertEqual(rows[0][0], "")

    def test_unknown_language_refused_and_audited(self):
        fx = self.fx
        ed = fx.admin("btv.lang", "snv")
        for bad in ("xx", "EN", "../en", ""):
            r = self.set_language(ed, bad, expect=422)
            self.assertIn(VI["language_unknown"], html.unescape(r.text))
            self.assertIn('aria-invalid="true"', r.text)
        self.set_language(ed, "en")
        self.set_language(ed, "vi")
        rows = fx.sql("SELECT a.detail FROM audit a JOIN users u ON u.id = a.user_id"
                      " WHERE a.action = 'user.language' AND u.username = 'btv.lang' ORDER BY a.id")
        self.assertEqual([x[0] for x in rows][-2:], ["en", "vi"])

    def test_language_needs_csrf_and_a_session(self):
        fx = self.fx
        ed = fx.admin("btv.lang", "snv")
        r = ed.post("/quan-tri/ngon-ngu", [("language", "en")], csrf=False)
        self.assertEqual(r.status, 403)
        anon = fx.client("snv")
        r = anon.post("/quan-tri/ngon-ngu", [("language", "en")])
        self.assertIn(r.status, (303, 403))
        self.assertEqual(fx.sql("SELECT language FROM users WHERE username = 'btv.lang'")[0][0], "")
