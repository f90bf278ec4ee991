"""The conformance test of the item layer: every kind of content `cong kinds --json` declares goes
through the whole life cycle from its descriptor alone — the admin form refuses bad input with a
message next to each field and keeps what was typed, then create, submit, edit, publish, the public
page and list, search, the page cache, a revision through the workflow and its word diff,
withdrawal (410), sharing up to the main portal. A kind added to model/kinds.c is in this test by
itself: nothing here names a kind's fields."""
import html
import json
import re
import time
import urllib.parse

from conglib import CongTest, cong, module_fixture, png, squash

setUpModule, tearDownModule = module_fixture()

KINDS = json.loads(cong("kinds", "--json"))


def value_for(field, n, tag, i=0, kind=None):
    """A valid value of FIELD, the I-th of its kind, for the N-th item of a test (TAG: a word
    unique to the run). Dates follow the order of declaration (issued, effective, expiry…). An
    identifier follows the kind's sample when it has one (a procedure's code)."""
    t = field["type"]
    if field.get("example"):
        return field["example"]
    if field.get("ident"):
        return (kind or {}).get("ident_sample", "%d/2026/QĐ-UBND") % (900 + n)
    if t == "date":
        return "%02d/03/2026" % (5 + i)
    if t == "enum":
        return field["choices"][0]["key"]
    if t == "tags":
        return "Thử nghiệm; Kiểm tra %s" % tag
    if t == "ref":
        return "; ".join(["86/2015/QH13", "42/2022/NĐ-CP"][: field["max"] or 2])
    if t == "time":
        return "%02d:30" % (7 + i % 10)
    if t == "url":
        return "https://example.gov.vn/%s" % tag
    if t in ("int", "money"):
        return "1250000" if t == "money" else "7"
    return ("Giá trị %s %s" % (field["label"], tag))[: field["max"] or 200]


PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")

# A file of each type a file field may accept (its first MIME prefix), as (name, type, bytes);
# a kind whose field accepts another type adds its sample here.
SAMPLES = {
    None: ("mau.pdf", "application/pdf", PDF),
    "application/pdf": ("mau.pdf", "application/pdf", PDF),
    "image/": ("anh.png", "image/png", png()),
    # a statistics table (docs/statistics.md)
    "text/csv": ("bang.csv", "text/csv", "Huyện;Dân số\nLong Hồ;160.537\nMang Thít;103.573\n".encode("utf-8")),
    # the media kinds (docs/media.md): an MP4 libmagic knows by its ftyp box, WebVTT captions
    "video/": ("phim.mp4", "video/mp4",
               b"\x00\x00\x00\x1cftypisom\x00\x00\x02\x00isomiso2mp41" + b"\x00\x00\x08\x08mdat" + b"\x00" * 2048),
    "text/vtt": ("phu-de.vtt", "text/vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào quý vị.\n".encode()),
}


def sample_file(field):
    accept = field.get("accept")
    first = accept.split(";")[0] if accept else None
    return SAMPLES[first]


def file_parts(kind):
    """The upload boxes of a kind's file fields (a table's: its first row's), each with a sample."""
    parts = []
    for fd in kind["fields"]:
        if fd["type"] == "file":
            parts.append((fd["key"] + "__tep",) + sample_file(fd))
        for c in fd.get("columns", []) if fd["type"] == "rows" else []:
            if c["type"] == "file":
                parts.append(("%s.0.%s__tep" % (fd["key"], c["key"]),) + sample_file(c))
    return parts


def base(kind):
    return "/quan-tri/bai-viet" if kind["name"] == "article" else "/quan-tri/" + kind["segment"]


class Conformance(CongTest):
    def form(self, kind, n, tag, title=None, category=None):
        f = [("title", title or "Mục %s thử nghiệm %s số %d" % (kind["label"], tag, n)),
             ("summary", "Tóm tắt %s" % tag),
             ("body", "Nội dung %s thứ %d.\n\nĐoạn thứ hai." % (tag, n))]
        if category:
            f.append(("category_id", str(category)))
        for i, fd in enumerate(kind["fields"]):
            if fd["type"] == "file":
                continue  # file_parts
            if fd["type"] == "rows":  # one row of the table (or its minimum), every column but files
                for row in range(max(1, fd.get("min", 1))):
                    for j, c in enumerate(fd["columns"]):
                        if c["type"] != "file":
                            f.append(("%s.%d.%s" % (fd["key"], row, c["key"]), value_for(c, n, tag, j + row)))
                continue
            f.append((fd["key"], value_for(fd, n, tag, i, kind)))
        return f

    def create(self, client, kind, n, tag, category=None, title=None):
        r = client.post(base(kind) + "/moi", self.form(kind, n, tag, title, category), files=file_parts(kind),
                        multipart_form=True)
        self.expect(r, 303, "creating a %s: %s" % (kind["name"], squash(r.text)[-400:]))
        m = re.match(re.escape(base(kind)) + r"/(\d+)\?", r.location_path + "?")
        self.assertTrue(m, r.location)
        return int(m.group(1))

    def act(self, client, kind, iid, action, **fields):
        r = client.post("%s/%d/chuyen" % (base(kind), iid), [("action", action)] + list(fields.items()))
        self.expect(r, 303, "%s of %s %d: %s" % (action, kind["name"], iid, squash(r.text)[-300:]))

    def publish(self, client, kind, iid):
        for action in ("submit", "edited", "publish"):
            self.act(client, kind, iid, action)

    def public_path(self, slug, iid):
        """/tin/x-ID answers for any item: the item itself or a 301 to its address."""
        r = self.fx.client(slug).get("/tin/x-%d" % iid)
        if r.status == 301:
            r2 = self.fx.client(slug).get(r.location_path)
            if r2.status == 301:
                return r2.location_path
            return r.location_path
        self.assertEqual(r.status, 200, "item %d on %s" % (iid, slug))
        return "/tin/x-%d" % iid

    def list_path(self, kind, category_path):
        return category_path if kind["name"] == "article" else "/" + kind["segment"]

    def test_every_kind_goes_through_the_whole_life_cycle(self):
        fx = self.fx
        self.assertGreaterEqual(len(KINDS), 3)
        duyet = fx.admin("duyet", "snv")
        for k, kind in enumerate(KINDS):
            with self.subTest(kind=kind["name"]):
                tag = "kiemtra%s%d" % (kind["name"].replace("_", ""), int(time.time()) % 100000)
                cat, cat_path = (fx.category(duyet, "Mục thử %s" % kind["name"]) if kind["name"] == "article"
                                 else (None, None))

                # the form: every required field refused with its message, what was typed kept
                page = self.page(duyet, base(kind) + "/moi")
                for fd in kind["fields"]:
                    self.assertTrue(page.by_id(fd["key"]) is not None, "the form has %s" % fd["key"])
                bad = [("title", ""), ("body", "")]
                kept = None
                for fd in kind["fields"]:
                    if fd["required"]:
                        bad.append((fd["key"], ""))
                    elif fd["type"] in ("text", "longtext") and not kept:
                        kept = (fd["key"], "Giữ lại %s" % tag)
                        bad.append(kept)
                r = duyet.post(base(kind) + "/moi", bad, multipart_form=True)
                self.expect(r, 422, "a form of empty required fields")
                self.check_html(r, chrome=False)
                self.assertTrue(r.by_id("title-error") is not None, "title's message")
                for fd in kind["fields"]:
                    if fd["required"]:
                        el = r.by_id(fd["key"] + "-error")
                        self.assertTrue(el is not None, "a message next to %s" % fd["key"])
                if kept:
                    self.assertIn_(kept[1], r, "what was typed is kept")

                # create, submit, edit, publish: a list page read before shows it after (cache)
                listp = self.list_path(kind, cat_path)
                before = fx.client("snv").get(listp)
                iid = self.create(duyet, kind, 1, tag, cat)
                self.publish(duyet, kind, iid)
                path = self.public_path("snv", iid)
                if kind["name"] != "article":
                    self.assertTrue(path.startswith("/%s/" % kind["segment"]), path)
                item = self.page(fx.client("snv"), path)
                self.assertIn_("số 1", item)
                # a table's row is on the page, in a table with its columns' headers
                for fd in kind["fields"]:
                    if fd["type"] == "rows":
                        for j, c in enumerate(fd["columns"]):
                            if c["type"] in ("text", "longtext"):
                                self.assertIn_(html.escape(value_for(c, 1, tag, j), quote=False), item,
                                               "the %s's table %s" % (kind["name"], fd["key"]))
                                self.assertIn_('<th scope="col">%s</th>' % html.escape(c["label"], quote=False), item)
                # its files are on the page, by their address in the library
                for fd in kind["fields"]:
                    if fd["type"] == "file" or any(c["type"] == "file" for c in fd.get("columns", [])):
                        self.assertTrue(re.search(r'(href|src)="/(tep|media)/[0-9a-f]{64}\.', item.text),
                                        "the %s's file %s is on its page" % (kind["name"], fd["key"]))
                after = fx.client("snv").get(listp)
                self.expect(after, 200, listp)
                self.assertIn_(path, after, "the list shows it at once")
                self.assertNotIn(path, before.text if before.status == 200 else "")

                # search finds it by a word of its own
                s = fx.client("snv").get("/tim-kiem?" + urllib.parse.urlencode({"q": tag, "k": k}))
                self.expect(s, 200)
                self.assertIn_(str(iid), s, "search finds the %s" % kind["name"])

                # a revision: the public keeps the old version until the change is approved
                r = duyet.post("%s/%d" % (base(kind), iid),
                               self.form(kind, 1, tag, title="Mục %s sửa đổi %s" % (kind["label"], tag), category=cat),
                               files=file_parts(kind),
                               multipart_form=True)
                self.expect(r, 303, "the change: %s" % squash(r.text)[-300:])
                self.assertNotIn_("sửa đổi %s" % tag, fx.client("snv").get(path))
                self.publish(duyet, kind, iid)
                newpath = self.public_path("snv", iid)
                self.assertIn_("sửa đổi %s" % tag, self.page(fx.client("snv"), newpath))
                edit = duyet.get("%s/%d" % (base(kind), iid))
                revs = re.findall(r'name="a" value="(\d+)"', edit.text)
                self.assertGreaterEqual(len(revs), 2, "two revisions")
                cmp_ = duyet.get("%s/%d/so-sanh?a=%s&b=%s" % (base(kind), iid, revs[-1], revs[0]))
                self.expect(cmp_, 200, "compare")
                self.assertIn("<ins", cmp_.text, "the word diff shows the change")

                # withdrawn: 410 with the reason
                self.act(duyet, kind, iid, "withdraw", comment="Thông tin đã cũ %s" % tag)
                gone = fx.client("snv").get(newpath)
                self.expect(gone, 410, "withdrawn")
                self.assertIn_("Thông tin đã cũ", gone)

                # sharing up: a component's item proposed, the main portal's board accepts it
                sid = self.create(duyet, kind, 2, tag, cat)
                self.publish(duyet, kind, sid)
                r = duyet.post("%s/%d/de-xuat" % (base(kind), sid))
                self.expect(r, 303, "proposal")
                board = fx.admin("admin", None)
                shares = board.get("/quan-tri/de-xuat")
                m = None
                for m_ in re.finditer(r'<h2><a href="[^"]*-(\d+)">.*?action="/quan-tri/de-xuat/(\d+)"', shares.text, re.S):
                    if int(m_.group(1)) == sid:
                        m = m_
                self.assertTrue(m, "the proposal is on the main board's list: %s" % squash(shares.text)[-2500:])
                self.expect(board.post("/quan-tri/de-xuat/%s" % m.group(2), [("quyet-dinh", "nhan")]), 303)

    def test_an_item_is_edited_only_under_its_own_kind(self):
        fx = self.fx
        duyet = fx.admin("duyet", "snv")
        legal = next(k for k in KINDS if k["name"] == "legal")
        iid = self.create(duyet, legal, 7, "kieu")
        self.expect(duyet.get("/quan-tri/bai-viet/%d" % iid), 404, "a legal document is not a news article")
        self.expect(duyet.get("/quan-tri/van-ban/%d" % iid), 200)
        self.expect(duyet.get("/quan-tri/khong-co-loai/%d" % iid), 404, "no such kind")
        self.expect(duyet.get("/quan-tri/khong-co-loai/moi"), 404, "no such kind")
        lst = duyet.get("/quan-tri/?loai=van-ban")
        self.expect(lst, 200)
        self.assertIn_("/quan-tri/van-ban/%d" % iid, lst)
        self.expect(duyet.get("/quan-tri/?loai=khong-co"), 404)

    def test_an_open_list_grows_with_the_values_a_site_uses(self):
        """A site extends the list of document types by using a new one: its form then offers it."""
        fx = self.fx
        duyet = fx.admin("duyet", "snv")
        legal = next(k for k in KINDS if k["name"] == "legal")
        f = dict(self.form(legal, 8, "mo"))
        f["loai"] = "Quy chế phối hợp"
        iid = self.create(duyet, legal, 8, "mo")
        r = duyet.post("%s/%d" % (base(legal), iid), list(f.items()), multipart_form=True)
        self.expect(r, 303)
        self.publish(duyet, legal, iid)
        form = self.page(duyet, base(legal) + "/moi")
        options = [o.get("value") for o in form.find_all("option")]
        self.assertIn("Quy chế phối hợp", options, "the site's own type is offered")
        self.assertIn("Quyết định", options)
        other = fx.admin("admin", "longho").get(base(legal) + "/moi")
        self.assertNotIn('value="Quy chế phối hợp"', other.text, "another site's list is its own")
