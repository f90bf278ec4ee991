"""The JSON API's writes with per-site tokens (issue #16, docs/api.md "Writing"), on both engines.

- A token made by `cong token add` (printed once) or by the site administrators' page
  /quan-tri/ma-api (shown once, listed without its secret, revoked there).
- A reporter's token creates a draft, updates it (PATCH keeps what it leaves out) and submits it;
  it cannot publish (403, nothing changed); an editor's token marks it edited and an approver's
  publishes it, which the public API and the public page then show.
- A revoked token gets 401, another site's token 403, no token (a signed-in browser's session
  cookie included) 401; bad JSON, an unknown field or an invalid value get 400 naming the field,
  and nothing is stored.
- A token over its rate gets 429 with Retry-After in the API's error shape; another token is not
  held back by it.
- The audit records the tokens' creation and revocation, and each write under the token's name.
- Uploads (#16): POST /api/v1/media takes the file itself, checked as the admin's upload is (type
  by content, an image's description, size); an item names the stored image as its cover_id and
  the files as its attachments, each refused when it is not the site's or not of that sort."""
import json
import os
import re

from conglib import CongTest, cong, module_fixture, png

# The per-token rate (300 writes a minute, bursts of 100) as the server has it, unscaled: the
# fixture's server otherwise multiplies every rate limit by 100 for the other modules' sake.
setUpModule, tearDownModule = module_fixture(extra_serve=("--rate-limit-scale", "1"))

LEGAL = {
    "title": "Quyết định về việc thử nghiệm API ghi",
    "summary": "Tóm tắt ban đầu",
    "body": "<p>Toàn văn quyết định.</p>",
    "fields": {
        "so_ky_hieu": "21/2026/QĐ-UBND",
        "loai": "Quyết định",
        "co_quan_ban_hanh": "UBND tỉnh Vĩnh Long",
        "ngay_ban_hanh": "2026-03-02",
        "pham_vi": "tinh",
        "linh_vuc": ["Nội vụ", "Thử nghiệm"],
    },
}


class ApiWrite(CongTest):
    def token(self, site, role, name=None):
        args = ["token", "add", "--data", self.fx.data, "--site", site, "--role", role]
        if name:
            args += ["--name", name]
        secret = cong(*args).strip()
        self.assertRegex(secret, r"^cong_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$")
        return secret

    def call(self, method, target, body, token=None, site="snv", client=None, raw=None):
        c = client or self.fx.client(site)
        data = raw if raw is not None else json.dumps(body).encode("utf-8")
        h = {"Content-Type": "application/json"}
        if token:
            h["Authorization"] = "Bearer " + token
        r = c.request(method, target, body=data, headers=h)
        self.assertTrue((r.header("Content-Type") or "").startswith("application/json"), "%r: %s" % (r, r.text[:200]))
        return r, json.loads(r.text)

    def error(self, r, status, code=None, field=None):
        self.expect(r, status)
        e = json.loads(r.text)["error"]
        self.assertTrue(e["message"], e)
        if code:
            self.assertEqual(e["code"], code, e)
        if field:
            self.assertEqual(e["field"], field, e)
        return e

    def count_items(self, site="snv"):
        return int(self.fx.sql("SELECT count(*) FROM items i JOIN sites s ON s.id = i.site_id WHERE s.slug = ?",
                               (site,))[0][0])

    def token_user(self, secret):
        key = secret[5:21]
        return int(self.fx.sql("SELECT user_id FROM api_tokens WHERE key_id = ?", (key,))[0][0])

    def test_cli_prints_once_and_refuses_with_a_sentence(self):
        secret = self.token("snv", "editor", "Hệ thống một cửa")
        out = cong("token", "list", "--data", self.fx.data, "--site", "snv")
        self.assertIn("Hệ thống một cửa", out)
        self.assertIn(secret[5:21], out)  # the key id, public
        self.assertNotIn(secret[22:], out)  # never the secret
        stored = self.fx.sql("SELECT secret_hash FROM api_tokens WHERE key_id = ?", (secret[5:21],))[0][0]
        self.assertRegex(stored, r"^[0-9a-f]{64}$")
        self.assertNotIn(secret[22:], stored)
        for args, words in ((["--site", "snv", "--role", "boss"], "Vai trò"), (["--site", "khong-co", "--role", "editor"], "no such site")):
            try:
                cong("token", "add", "--data", self.fx.data, *args)
            except Exception as e:  # ServerError: the exit code and the sentence
                self.assertIn(words, str(e))
            else:
                self.fail("cong token add %s succeeded" % args)

    def test_reporter_drafts_and_submits_editor_edits_approver_publishes(self):
        rep, ed, app = self.token("snv", "reporter", "phóng viên"), self.token("snv", "editor"), self.token("snv", "approver")
        r, item = self.call("POST", "/api/v1/legal", LEGAL, rep)
        self.expect(r, 201)
        iid = item["id"]
        self.assertEqual(r.header("Location"), "/api/v1/legal/%d" % iid)
        self.assertEqual((item["state"], item["kind"], item["site"], item["url"]), ("draft", "legal", "snv", None))
        self.assertEqual(item["actions"], ["submit"])
        self.assertEqual(item["fields"]["linh_vuc"], ["Nội vụ", "Thử nghiệm"])
        # PATCH: what it names changes, the rest is kept
        r, item = self.call("PATCH", "/api/v1/legal/%d" % iid, {"summary": "Tóm tắt mới", "fields": {"nguoi_ky": "Nguyễn Văn An"}}, rep)
        self.expect(r, 200)
        self.assertEqual((item["summary"], item["title"], item["fields"]["nguoi_ky"], item["fields"]["so_ky_hieu"]),
                         ("Tóm tắt mới", LEGAL["title"], "Nguyễn Văn An", "21/2026/QĐ-UBND"))
        # a draft is not public
        self.expect(self.fx.client("snv").get("/api/v1/legal/%d" % iid), 404)
        r, item = self.call("POST", "/api/v1/legal/%d/actions" % iid, {"action": "submit"}, rep)
        self.expect(r, 200)
        self.assertEqual(item["workflow_state"], "submitted")
        # the reporter cannot publish: 403 naming the step, nothing changed
        before = self.fx.sql("SELECT state, updated_at FROM items WHERE id = ?", (iid,))
        r, _ = self.call("POST", "/api/v1/legal/%d/actions" % iid, {"action": "publish"}, rep)
        self.error(r, 403, "wf_role", "action")
        self.assertEqual(self.fx.sql("SELECT state, updated_at FROM items WHERE id = ?", (iid,)), before)
        # nor can the editor; a two-step site wants the editing first (409)
        r, _ = self.call("POST", "/api/v1/legal/%d/actions" % iid, {"action": "publish"}, ed)
        self.error(r, 403, "wf_role")
        r, _ = self.call("POST", "/api/v1/legal/%d/actions" % iid, {"action": "publish"}, app)
        self.error(r, 409, "wf_needs_editing", "action")
        r, item = self.call("POST", "/api/v1/legal/%d/actions" % iid, {"action": "edited"}, ed)
        self.expect(r, 200)
        r, item = self.call("POST", "/api/v1/legal/%d/actions" % iid, {"action": "publish"}, app)
        self.expect(r, 200)
        self.assertEqual(item["state"], "published")
        self.assertTrue(item["url"] and item["url"].endswith("-%d" % iid), item["url"])
        # public now: the API and the page
        self.fx.bump_cache()
        r, pub = self.call("GET", "/api/v1/legal/%d" % iid, None, raw=b"")
        self.expect(r, 200)
        self.assertEqual((pub["title"], pub["summary"]), (LEGAL["title"], "Tóm tắt mới"))
        page = self.fx.client("snv").get(item["url"].split(str(self.fx.port), 1)[1])
        self.expect(page, 200)
        self.assertIn("Nguyễn Văn An", page.text)
        # the audit names each token's own account
        for secret, n in ((rep, 1), (ed, 1), (app, 1)):
            uid = self.token_user(secret)
            rows = self.fx.sql("SELECT count(*) FROM audit WHERE action = 'article.transition' AND user_id = ?", (uid,))
            self.assertEqual(int(rows[0][0]), n, "transitions by the token's account")
        name = self.fx.sql("SELECT display_name FROM users WHERE id = ?", (self.token_user(rep),))[0][0]
        self.assertEqual(name, "API: phóng viên")
        self.assertEqual(int(self.fx.sql("SELECT count(*) FROM audit WHERE action = 'api_token.create' AND detail LIKE ?",
                                         ("phóng viên (reporter%",))[0][0]), 1)
        # the token's "last used" is kept
        self.assertTrue(self.fx.sql("SELECT last_used_at FROM api_tokens WHERE key_id = ?", (rep[5:21],))[0][0])

    def test_save_and_submit_in_one_request(self):
        rep = self.token("snv", "reporter")
        r, item = self.call("POST", "/api/v1/legal", dict(LEGAL, submit=True), rep)
        self.expect(r, 201)
        self.assertEqual((item["state"], item["workflow_state"]), ("submitted", "submitted"))
        n = self.count_items()
        r, _ = self.call("POST", "/api/v1/legal", dict(LEGAL, submit="có"), rep)
        self.error(r, 400, "api_bad_type", "submit")
        # a refused save sends nothing: both or neither
        r, _ = self.call("POST", "/api/v1/legal", dict(LEGAL, submit=True, fields=dict(LEGAL["fields"], loai="")), rep)
        self.error(r, 400, "required", "fields.loai")
        self.assertEqual(self.count_items(), n)

    def test_refusals_change_nothing(self):
        rep = self.token("snv", "reporter")
        other = self.token("longho", "approver")
        n = self.count_items()
        # another site's token: 403
        r, _ = self.call("POST", "/api/v1/legal", LEGAL, other)
        self.error(r, 403, "api_token_site")
        # no token; a wrong one; the Bearer scheme asked for
        r, _ = self.call("POST", "/api/v1/legal", LEGAL)
        self.assertEqual(self.error(r, 401, "api_token_missing")["field"], None)
        self.assertTrue(r.header("WWW-Authenticate").startswith("Bearer"))
        r, _ = self.call("POST", "/api/v1/legal", LEGAL, rep[:-1] + ("A" if rep[-1] != "A" else "B"))
        self.error(r, 401, "api_token_invalid")
        # bad JSON, an unknown field, a value of the wrong type, an invalid value: 400 naming it
        r, _ = self.call("POST", "/api/v1/legal", None, rep, raw=b'{"title": "x",')
        self.error(r, 400, "api_bad_json")
        r, _ = self.call("POST", "/api/v1/legal", None, rep, raw=b'{"title": "\xff"}')
        self.error(r, 400, "api_bad_json")
        r, _ = self.call("POST", "/api/v1/legal", dict(LEGAL, tieu_de="x"), rep)
        self.error(r, 400, "api_unknown_field", "tieu_de")
        r, _ = self.call("POST", "/api/v1/legal", dict(LEGAL, fields=dict(LEGAL["fields"], so_hieu="1")), rep)
        self.error(r, 400, "api_unknown_field", "fields.so_hieu")
        r, _ = self.call("POST", "/api/v1/legal", dict(LEGAL, title=["x"]), rep)
        self.error(r, 400, "api_bad_type", "title")
        r, _ = self.call("POST", "/api/v1/legal", dict(LEGAL, fields=dict(LEGAL["fields"], ngay_ban_hanh="31/02/2026")), rep)
        e = self.error(r, 400, None, "fields.ngay_ban_hanh")
        self.assertIn("ngày", e["message"].lower())
        r, _ = self.call("POST", "/api/v1/legal", dict(LEGAL, fields=dict(LEGAL["fields"], pham_vi="vu-tru")), rep)
        self.error(r, 400, None, "fields.pham_vi")
        r, _ = self.call("POST", "/api/v1/legal", {"title": "Thiếu các trường bắt buộc"}, rep)
        e = self.error(r, 400, "required")
        self.assertTrue(e["field"].startswith("fields."), e)
        self.assertGreater(len(e["details"]), 1)
        r, _ = self.call("POST", "/api/v1/khong-co", LEGAL, rep)
        self.error(r, 404, "api_unknown_kind")
        self.assertEqual(self.count_items(), n, "a refused write stored nothing")
        # a reporter's draft is not another reporter's to change
        r, item = self.call("POST", "/api/v1/legal", LEGAL, rep)
        self.expect(r, 201)
        rep2 = self.token("snv", "reporter")
        r, _ = self.call("PATCH", "/api/v1/legal/%d" % item["id"], {"summary": "của người khác"}, rep2)
        self.assertIn(r.status, (403, 404), r.text)
        # an unknown step, a step of the wrong type: 400
        r, _ = self.call("POST", "/api/v1/legal/%d/actions" % item["id"], {"action": "bay"}, rep)
        self.error(r, 400, "wf_unknown_action", "action")
        r, _ = self.call("POST", "/api/v1/legal/%d/actions" % item["id"], {"action": 1}, rep)
        self.error(r, 400, "api_bad_type", "action")
        stored = self.fx.sql("SELECT summary, state FROM items WHERE id = ?", (item["id"],))[0]
        self.assertEqual(tuple(stored), (LEGAL["summary"], "draft"))

    def test_a_session_cookie_cannot_write(self):
        admin = self.fx.admin("admin", "snv")
        n = self.count_items()
        # a signed-in system administrator's browser, its CSRF field in a form and its cookie
        r = admin.post("/api/v1/legal", [("title", "x")])
        self.error(r, 401, "api_token_missing")
        r, _ = self.call("POST", "/api/v1/legal", LEGAL, client=admin)
        self.error(r, 401, "api_token_missing")
        self.assertEqual(self.count_items(), n)
        # the preflight lets another origin's page send a token, never asks for cookies
        r = self.fx.client("snv").request("OPTIONS", "/api/v1/legal")
        self.expect(r, 204)
        self.assertIn("Authorization", r.header("Access-Control-Allow-Headers"))
        self.assertIn("PATCH", r.header("Access-Control-Allow-Methods"))
        self.assertIsNone(r.header("Access-Control-Allow-Credentials"))
        # PUT and PATCH are the API's alone
        self.expect(self.fx.client("snv").request("PUT", "/gioi-thieu", body=b"{}"), 405)

    def test_admin_page_makes_shows_once_and_revokes(self):
        admin = self.fx.admin("admin", "snv")
        page = admin.get("/quan-tri/ma-api")
        self.expect(page, 200)
        self.assertIn('href="/quan-tri/ma-api"', page.text)  # in the menu
        # a bad role is refused next to its field, the name kept
        r = admin.post("/quan-tri/ma-api", [("name", "Giữ tên"), ("role", "boss")])
        self.expect(r, 422)
        self.assertIn("Giữ tên", r.text)
        self.assertIn("role-error", r.text)
        r = admin.post("/quan-tri/ma-api", [("name", "Cổng dịch vụ công tỉnh"), ("role", "reporter")])
        self.expect(r, 201)
        self.assertEqual(r.header("Cache-Control"), "no-store")
        m = re.search(r'id="new-token"[^>]*value="(cong_[0-9a-f]{16}_[A-Za-z0-9_-]{43})"', r.text)
        self.assertTrue(m, "the new token is shown")
        secret = m.group(1)
        r2, item = self.call("POST", "/api/v1/legal", LEGAL, secret)
        self.expect(r2, 201)
        # listed without its secret, with its last use
        page = admin.get("/quan-tri/ma-api")
        self.assertIn("Cổng dịch vụ công tỉnh", page.text)
        self.assertIn(secret[5:21], page.text)
        self.assertNotIn(secret[22:], page.text)
        tid = int(self.fx.sql("SELECT id FROM api_tokens WHERE key_id = ?", (secret[5:21],))[0][0])
        # without the CSRF field: refused
        self.expect(admin.post("/quan-tri/ma-api/%d/thu-hoi" % tid, csrf=False), 403)
        # another site's administrator page does not reach it; an editor has no such page
        self.expect(self.fx.admin("bientap", "longho").get("/quan-tri/ma-api"), 403)
        r = admin.post("/quan-tri/ma-api/%d/thu-hoi" % tid)
        self.expect(r, 303)
        self.assertIn("Đã thu hồi", admin.get(r.location_path).text)
        r, _ = self.call("PATCH", "/api/v1/legal/%d" % item["id"], {"summary": "sau khi thu hồi"}, secret)
        self.error(r, 401, "api_token_revoked")
        self.assertEqual(self.fx.sql("SELECT summary FROM items WHERE id = ?", (item["id"],))[0][0], LEGAL["summary"])
        uid = int(self.fx.sql("SELECT user_id FROM users u JOIN audit a ON a.user_id = u.id WHERE u.username = 'admin'"
                              " AND a.action = 'api_token.revoke' AND a.object = ?", ("api_token:%d" % tid,))[0][0])
        self.assertTrue(uid)
        # a revoked token from the command line too
        cli = self.token("snv", "editor")
        cid = int(self.fx.sql("SELECT id FROM api_tokens WHERE key_id = ?", (cli[5:21],))[0][0])
        self.assertIn("revoked", cong("token", "revoke", "--data", self.fx.data, str(cid)))
        r, _ = self.call("POST", "/api/v1/legal", LEGAL, cli)
        self.error(r, 401, "api_token_revoked")

    def test_rate_limited_per_token(self):
        fast, calm = self.token("snv", "reporter"), self.token("snv", "reporter")
        statuses = []
        for _ in range(140):
            r, body = self.call("POST", "/api/v1/legal", None, fast, raw=b"{")
            statuses.append(r.status)
            if r.status == 429:
                break
        self.assertEqual(statuses[-1], 429, "no 429 after %d requests" % len(statuses))
        self.assertGreaterEqual(len(statuses), 90)  # the burst went through first
        self.assertEqual(body["error"]["code"], "api_rate_limited")
        self.assertTrue(int(r.header("Retry-After")) >= 1)
        # another token is not held back
        r, _ = self.call("POST", "/api/v1/legal", None, calm, raw=b"{")
        self.error(r, 400, "api_bad_json")

    def test_the_route_table_declares_the_token_routes(self):
        """Only the API's writes go without a session and a CSRF token, and every one says so;
        besides them only the one-click unsubscribe of RFC 8058 (public, its token the authority:
        docs/subscriptions.md) goes without the CSRF token."""
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "web", "routes.c")) as f:
            table = [(set(x.strip() for x in flags.split("|")), pattern)
                     for flags, pattern in re.findall(r'\{ (ROUTE_[A-Z_ |]+), "([^"]+)"', f.read())]
        token = [(flags, p) for flags, p in table if "ROUTE_TOKEN" in flags]
        self.assertEqual(len(token), 4)  # and the library's upload, POST /api/v1/media (#16)
        for flags, p in table:
            with self.subTest(route=p):
                unsafe = flags & {"ROUTE_POST", "ROUTE_PUT", "ROUTE_PATCH"}
                if "ROUTE_TOKEN" in flags:
                    self.assertTrue(p.startswith("/api/v1/") and unsafe, p)
                    self.assertIn("ROUTE_NO_CSRF", flags)
                    self.assertNotIn("ROUTE_GET", flags)
                elif p == "/huy-nhan-tin" and "ROUTE_POST" in flags:
                    self.assertEqual(flags & {"ROUTE_PUBLIC", "ROUTE_NO_CSRF"}, {"ROUTE_PUBLIC", "ROUTE_NO_CSRF"})
                else:
                    self.assertNotIn("ROUTE_NO_CSRF", flags)
                    self.assertFalse(p.startswith("/api/") and unsafe, p)


class ApiUploads(CongTest):
    PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj"
           b" 3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

    token = ApiWrite.token
    call = ApiWrite.call
    error = ApiWrite.error

    def upload(self, data, token, query="", site="snv", headers=None):
        h = {"Content-Type": "application/octet-stream"}
        if token:
            h["Authorization"] = "Bearer " + token
        h.update(headers or {})
        r = self.fx.client(site).request("POST", "/api/v1/media" + query, body=data, headers=h)
        self.assertTrue((r.header("Content-Type") or "").startswith("application/json"), r.text[:200])
        return r, json.loads(r.text)

    def test_covers_and_attachments_through_the_library(self):
        rep = self.token("snv", "reporter", "tải ảnh")
        image = png(40, 30, (10, 120, 200))
        r, m = self.upload(image, rep, "?name=cau-cai-cam.png&alt=C%E1%BA%A7u%20C%C3%A1i%20Cam")
        self.expect(r, 201)
        self.assertEqual((m["kind"], m["mime"], m["width"], m["height"]), ("image", "image/png", 40, 30))
        self.assertEqual(m["alt"], "Cầu Cái Cam")
        self.assertRegex(m["url"], r"^https?://snv\.[^/]+/media/[0-9a-f]{64}\.png$")
        got = self.fx.client("snv").get("/" + m["url"].split("/", 3)[3])
        self.expect(got, 200)
        self.assertEqual(got.header("Content-Type"), "image/png")
        img = m["id"]
        # a PDF named by Content-Disposition; its type from its bytes
        r, f = self.upload(self.PDF, rep, headers={"Content-Disposition": 'attachment; filename="bao-cao-quy.pdf"'})
        self.expect(r, 201)
        self.assertEqual((f["kind"], f["mime"], f["name"]), ("file", "application/pdf", "bao-cao-quy.pdf"))
        pdf = f["id"]
        # refusals, as the admin's upload refuses them, the field named; nothing stored
        n = int(self.fx.sql("SELECT count(*) FROM media")[0][0])
        self.error(self.upload(image, rep, "?name=khong-mo-ta.png")[0], 400, field="alt")
        self.error(self.upload(b"<html><script>alert(1)</script></html>", rep, "?name=anh.png")[0], 400, field="file")
        self.error(self.upload(b"", rep)[0], 400, field="file")
        self.error(self.upload(image, None, "?alt=x")[0], 401)
        self.error(self.upload(image, self.token("longho", "editor"), "?alt=x")[0], 403)
        self.assertEqual(int(self.fx.sql("SELECT count(*) FROM media")[0][0]), n, "nothing stored")
        other_r, other = self.upload(png(8, 8), self.token("longho", "editor"), "?alt=Kh%C3%A1c", site="longho")
        self.expect(other_r, 201)
        # an item with its cover and attachment
        item = dict(LEGAL, title="Quyết định có ảnh và tệp qua API", cover_id=img, cover_alt="Cầu Cái Cam",
                    attachments=[pdf])
        r, body = self.call("POST", "/api/v1/legal", item, rep)
        self.expect(r, 201)
        self.assertEqual(body["cover_id"], img)
        self.assertEqual(body["attachments"], [pdf])
        iid = body["id"]
        self.assertEqual(self.fx.sql("SELECT cover_id FROM items WHERE id = ?", (iid,)), [(img,)])
        # each sort in its place, the site's own only
        for bad, field in (({"cover_id": pdf}, "cover_id"), ({"attachments": [img]}, "attachments"),
                           ({"cover_id": other["id"]}, "cover_id"), ({"attachments": [pdf, "x"]}, "attachments"),
                           ({"cover_id": 0}, "cover_id")):
            r, _ = self.call("PATCH", "/api/v1/legal/%d" % iid, bad, rep)
            self.error(r, 400, field=field)
        self.assertEqual(self.fx.sql("SELECT cover_id FROM items WHERE id = ?", (iid,)), [(img,)])
        # PATCH without them keeps both; null takes the cover off; [] the attachments
        r, body = self.call("PATCH", "/api/v1/legal/%d" % iid, {"summary": "Tóm tắt mới"}, rep)
        self.expect(r, 200)
        self.assertEqual((body["cover_id"], body["attachments"]), (img, [pdf]))
        r, body = self.call("PATCH", "/api/v1/legal/%d" % iid, {"cover_id": None, "attachments": []}, rep)
        self.expect(r, 200)
        self.assertEqual((body["cover_id"], body["attachments"]), (None, []))
        # the description: the upload, and the item's references (tests/api/check.mjs validates it)
        doc = json.loads(self.fx.client("snv").get("/api/v1/openapi.json").text)
        op = doc["paths"]["/media"]["post"]
        self.assertIn("application/octet-stream", op["requestBody"]["content"])
        self.assertEqual(op["responses"]["201"]["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/media")
        for name in ("legal_input", "legal_draft"):
            self.assertIn("cover_id", doc["components"]["schemas"][name]["properties"])
            self.assertIn("attachments", doc["components"]["schemas"][name]["properties"])
