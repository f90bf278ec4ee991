"""The JSON API, version 1 (issue #16): every public kind read as data, from the kinds'
descriptors, on the demo province (`cong demo`: every kind has items), on both engines.

- The OpenAPI description is valid OpenAPI 3.1, and every path it names answers as it says:
  tests/api/check.mjs validates the description (@seriousme/openapi-schema-validator) and each
  answer against its schema (ajv, JSON Schema 2020-12, formats on), an item of every kind included.
- A list walked with its cursor gives every item once; an item withdrawn between two pages
  neither skips nor repeats one.
- Bad parameters get a 400 whose JSON names the parameter; an unknown kind or item a 404.
- Answers are cached like pages (ETag, 304) and open to any origin (CORS, with the preflight)."""
import json
import os
import shutil
import subprocess
import tempfile

from conglib import BASE, ROOT, Client, CongTest, Server, cong, data_bump_cache, data_sql, host_of, new_db_args


class Api(CongTest):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="cong-api-")
        cls.data = os.path.join(cls.tmp, "data")
        # the whole demo province: ~30 s of CPU, far longer on a loaded machine
        cong("demo", "--data", cls.data, "--domain", BASE, *new_db_args(), timeout=900)
        # a reporter's token of the main portal: check.mjs exercises the writes with it (drafts
        # only, which no public list or page shows)
        cls.token = cong("token", "add", "--data", cls.data, "--site", "main", "--role", "reporter",
                         "--name", "check.mjs").strip()
        cls.server = Server(cls.data, workdir=cls.tmp).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        self.c = Client(self.server, host_of(None))

    def api(self, target, status=200):
        r = self.c.get(target)
        self.expect(r, status, target)
        self.assertTrue(r.ctype.startswith("application/json"), r.ctype)
        return json.loads(r.text)

    def bump(self):
        data_bump_cache(self.data)

    def test_description_is_valid_and_every_path_answers_as_it_says(self):
        node = shutil.which("node")
        self.assertIsNotNone(node, "node is missing (sudo sh scripts/deps.sh test)")
        p = subprocess.run([node, os.path.join(ROOT, "tests/api/check.mjs"), "http://127.0.0.1:%d" % self.server.port,
                            self.c.host_header, self.token], capture_output=True, text=True, cwd=ROOT, timeout=300)
        out = p.stdout + p.stderr
        failures = [line for line in out.splitlines() if line.startswith("FAIL")]
        self.assertEqual(p.returncode, 0, "\n".join(failures) or out[-2000:])
        last = out.strip().splitlines()[-1]
        checked = int(last.split()[1])
        # the description, then per kind: its list (answer, CORS, schema, a 400) and an item,
        # and its writes (without a token, an unknown field, the example, then on a draft PATCH,
        # PUT and two steps)
        self.assertGreater(checked, 7 * 22 + 8 * 22, last)
        self.assertGreaterEqual(out.count("a draft, and its address"), 15, "the description's examples make drafts")

    def test_index_names_every_kind_and_the_description(self):
        idx = self.api("/api/v1")
        names = [k["name"] for k in idx["kinds"]]
        self.assertIn("legal", names)
        self.assertIn("procedure", names)
        self.assertTrue(idx["openapi"].endswith("/api/v1/openapi.json"))
        for k in idx["kinds"]:
            self.assertTrue(k["url"].startswith("http://%s:%d/api/v1/" % (BASE, self.server.port)), k["url"])

    def walk(self, target):
        ids, total, pages = [], None, 0
        url = target
        while url:
            page = self.api(url)
            pages += 1
            total = page["total"]
            ids += [it["id"] for it in page["items"]]
            url = target + "&cursor=" + page["next"] if page["next"] else None
            self.assertLess(pages, 1000)
        return ids, total, pages

    def test_a_cursor_walks_every_item_once(self):
        ids, total, pages = self.walk("/api/v1/legal?limit=3")
        self.assertGreater(total, 6)
        self.assertEqual(len(ids), total)
        self.assertEqual(len(set(ids)), total, "no item twice")
        self.assertEqual(pages, (total + 2) // 3)
        # the same as the public list gives, in its order
        whole = self.api("/api/v1/legal?limit=100")
        self.assertEqual([it["id"] for it in whole["items"]], ids[:100])
        # a filter the public list has: only its items
        year = whole["items"][0]["fields"]["ngay_ban_hanh"][:4]
        some = self.api("/api/v1/legal?limit=100&nam=%s" % year)
        self.assertTrue(some["items"])
        for it in some["items"]:
            self.assertTrue(it["fields"]["ngay_ban_hanh"].startswith(year), it["fields"])

    def test_a_withdrawal_between_two_pages_skips_nothing(self):
        before = [it["id"] for it in self.api("/api/v1/legal?limit=8")["items"]]
        first = self.api("/api/v1/legal?limit=3")
        self.assertEqual([it["id"] for it in first["items"]], before[:3])
        gone = before[0]
        data_sql(self.data, "UPDATE items SET state = 'withdrawn' WHERE id = ?", (gone,))
        self.bump()
        try:
            second = self.api("/api/v1/legal?limit=3&cursor=" + first["next"])
            self.assertEqual([it["id"] for it in second["items"]], before[3:6],
                             "the page after the cursor's item, whatever moved above it")
            self.api("/api/v1/legal/%d" % gone, status=404)
        finally:
            data_sql(self.data, "UPDATE items SET state = 'published' WHERE id = ?", (gone,))
            self.bump()

    def test_bad_input_is_named(self):
        cases = [("/api/v1/legal?limit=0", "limit", "api_bad_limit"),
                 ("/api/v1/legal?limit=101", "limit", "api_bad_limit"),
                 ("/api/v1/legal?limit=abc", "limit", "api_bad_limit"),
                 ("/api/v1/legal?cursor=xyz", "cursor", "api_bad_cursor"),
                 ("/api/v1/legal?nam=20x6", "nam", "api_bad_filter"),
                 ("/api/v1/legal?pham_vi=khong-co", "pham_vi", "api_bad_filter"),
                 ("/api/v1/legal?chuyen-muc=abc", "chuyen-muc", "api_bad_category"),
                 ("/api/v1/legal?chuyen-muc=999999", "chuyen-muc", "api_bad_category")]
        for target, field, code in cases:
            e = self.api(target, status=400)["error"]
            self.assertEqual((e["field"], e["code"]), (field, code), target)
            self.assertTrue(e["message"], target)
        e = self.api("/api/v1/khong-co", status=404)["error"]
        self.assertEqual((e["code"], e["field"]), ("api_unknown_kind", None))
        e = self.api("/api/v1/legal/999999999", status=404)["error"]
        self.assertEqual(e["code"], "api_not_found")
        # an item of another kind is not one of this kind
        legal = self.api("/api/v1/legal?limit=1")["items"][0]["id"]
        self.api("/api/v1/procedure/%d" % legal, status=404)

    def test_an_item_has_its_fields_body_and_links(self):
        it = self.api("/api/v1/legal?limit=1")["items"][0]
        one = self.api("/api/v1/legal/%d" % it["id"])
        for key in ("id", "title", "url", "published_at", "fields"):
            self.assertEqual(one[key], it[key], key)
        self.assertIn("body", one)
        self.assertIsInstance(one["links"], list)
        self.assertIn(one["hieu_luc"], ("con_hieu_luc", "chua_co_hieu_luc", "het_hieu_luc", "het_hieu_luc_mot_phan"))
        r = self.c.get(one["url"].split(str(self.server.port), 1)[1])
        self.expect(r, 200, "the item's page at its url")

    def test_cached_with_etag_and_open_to_any_origin(self):
        self.c.get("/api/v1/legal?limit=2")
        r = self.c.get("/api/v1/legal?limit=2")
        self.assertEqual(r.header("X-Cache"), "HIT")
        self.assertEqual(r.header("Access-Control-Allow-Origin"), "*")
        self.assertIn("ETag", r.header("Access-Control-Expose-Headers"))
        etag = r.header("ETag")
        r = self.c.get("/api/v1/legal?limit=2", headers={"If-None-Match": etag})
        self.expect(r, 304, "the same answer, known to the client")
        r = self.c.request("OPTIONS", "/api/v1/legal", headers={"Origin": "https://example.org",
                                                                "Access-Control-Request-Method": "GET",
                                                                "Access-Control-Request-Headers": "if-none-match"})
        self.expect(r, 204, "the preflight")
        self.assertEqual(r.header("Access-Control-Allow-Origin"), "*")
        self.assertIn("If-None-Match", r.header("Access-Control-Allow-Headers"))
        # an error is open too: a page of another origin can read why it was refused
        r = self.c.get("/api/v1/legal?limit=0")
        self.assertEqual(r.header("Access-Control-Allow-Origin"), "*")
