"""The media kinds (docs/media.md): files of the library served with byte ranges (206, suffix
ranges, several ranges answered whole, 416, If-Range, ETag, 304); WebVTT captions checked when
uploaded; a video or audio refused at publication without captions, then published with them
(the player, its <track>, the transcript from the captions); a player of another site only from
the site's allow-list, with nothing of the third party in the page until the reader asks, then
the iframe with its host alone in the Content-Security-Policy; the allow-list and the size limit
as the site administrator's settings; a gallery's grid and its photo pages that work without
scripts (previous, next, back, 404 past the end, 301 to the right address)."""
import re
import uuid

from conglib import CongTest, module_fixture, png, sha256, squash

setUpModule, tearDownModule = module_fixture()


def mp4(salt=None):
    """A small MP4 libmagic knows by its ftyp box, distinct each time (the library keeps each
    content once)."""
    pad = (salt or uuid.uuid4().hex).encode().ljust(4096, b"\x00")
    return (b"\x00\x00\x00\x1cftypisom\x00\x00\x02\x00isomiso2mp41" + (8 + len(pad)).to_bytes(4, "big") + b"mdat" +
            pad)


def vtt(words="Xin chào quý vị và các bạn."):
    return ("WEBVTT\n\n00:00.000 --> 00:02.000\n%s\n\n00:02.000 --> 00:04.500\n<v Người dẫn>Chúc một ngày tốt lành.</v>\n"
            % words).encode()


VTT_MSG = {
    "vtt_timing": "Tệp phụ đề có dòng thời gian không hợp lệ",
    "vtt_order": "Các đoạn trong tệp phụ đề phải theo thứ tự thời gian bắt đầu.",
    "vtt_end_before_start": "Tệp phụ đề có đoạn kết thúc trước hoặc đúng lúc bắt đầu.",
}
CAPTIONS_REQUIRED = "video, âm thanh tải lên phải có tệp phụ đề WebVTT"
EMBED_REFUSED = "Trang này không cho phép nhúng video từ tên miền đó."


class Base(CongTest):
    def setUp(self):
        self.snv = self.fx.admin("duyet", "snv")
        self.pub = self.fx.client("snv")

    def upload(self, name, data, ctype, expect=303):
        r = self.snv.post("/quan-tri/thu-vien", [("alt", ""), ("title", "")], files=[("file", name, ctype, data)])
        self.expect(r, expect, "upload of %s" % name)
        return r

    def create(self, segment, fields, files=(), expect=303):
        f = [("summary", ""), ("body", "")] + list(fields)
        r = self.snv.post("/quan-tri/%s/moi" % segment, f, files=files, multipart_form=True)
        if expect != 303:
            self.expect(r, expect, "creating a %s" % segment)
            return r
        self.expect(r, 303, "creating a %s: %s" % (segment, squash(r.text)[-300:]))
        return int(re.match(r"/quan-tri/%s/(\d+)" % segment, r.location_path).group(1))

    def act(self, segment, iid, action, expect=303):
        r = self.snv.post("/quan-tri/%s/%d/chuyen" % (segment, iid), [("action", action)])
        self.expect(r, expect, "%s of %d" % (action, iid))
        return r

    def publish(self, segment, iid, expect=303):
        self.act(segment, iid, "submit")
        self.act(segment, iid, "edited")
        return self.act(segment, iid, "publish", expect)

    def public(self, segment, iid, query=""):
        r = self.pub.get("/%s/x-%d" % (segment, iid))
        self.expect(r, 301, "the item's address")
        return self.page(self.pub, r.location_path + query)


class Ranges(Base):
    def setUp(self):
        super().setUp()
        self.data = mp4() + bytes(range(256)) * 40
        self.url = "/tep/%s.mp4" % sha256(self.data)
        self.upload("phim tu lieu.mp4", self.data, "video/mp4")

    def test_whole_file_with_validators(self):
        r = self.expect(self.pub.get(self.url), 200)
        self.assertEqual(r.body, self.data)
        self.assertEqual(r.header("Content-Type"), "video/mp4")
        self.assertEqual(r.header("Accept-Ranges"), "bytes")
        self.assertEqual(int(r.header("Content-Length")), len(self.data))
        self.assertTrue(r.header("Content-Disposition").startswith("inline;"), "a video plays in the page")
        self.assertRegex(r.header("ETag"), r'^"[0-9a-f]+-[0-9a-f]+"$')
        self.assertTrue(r.header("Last-Modified"))
        r2 = self.expect(self.pub.get(self.url, headers={"If-None-Match": r.header("ETag")}), 304)
        self.assertEqual(r2.body, b"")

    def test_one_range(self):
        n = len(self.data)
        for rng, first, last in (("bytes=0-9", 0, 9), ("bytes=100-", 100, n - 1), ("bytes=-16", n - 16, n - 1),
                                 ("bytes=-999999", 0, n - 1), ("bytes=4000-999999", 4000, n - 1),
                                 ("bytes=%d-%d" % (n - 1, n - 1), n - 1, n - 1)):
            r = self.expect(self.pub.get(self.url, headers={"Range": rng}), 206, rng)
            self.assertEqual(r.header("Content-Range"), "bytes %d-%d/%d" % (first, last, n), rng)
            self.assertEqual(int(r.header("Content-Length")), last - first + 1, rng)
            self.assertEqual(r.body, self.data[first:last + 1], rng)
            self.assertEqual(r.header("Content-Type"), "video/mp4")

    def test_unsatisfiable(self):
        n = len(self.data)
        for rng in ("bytes=%d-" % n, "bytes=%d-%d" % (n + 10, n + 20), "bytes=-0"):
            r = self.expect(self.pub.get(self.url, headers={"Range": rng}), 416, rng)
            self.assertEqual(r.header("Content-Range"), "bytes */%d" % n)

    def test_several_or_malformed_ranges_get_the_whole_file(self):
        # documented refusal (http/range.h): several ranges are answered with the whole file
        for rng in ("bytes=0-1,5-6", "bytes=5-2", "lines=1-2", "bytes=abc"):
            r = self.expect(self.pub.get(self.url, headers={"Range": rng}), 200, rng)
            self.assertEqual(r.body, self.data, rng)
            self.assertIsNone(r.header("Content-Range"), rng)

    def test_if_range(self):
        full = self.pub.get(self.url)
        etag, lm = full.header("ETag"), full.header("Last-Modified")
        r = self.expect(self.pub.get(self.url, headers={"Range": "bytes=0-3", "If-Range": etag}), 206)
        self.assertEqual(r.body, self.data[:4])
        r = self.expect(self.pub.get(self.url, headers={"Range": "bytes=0-3", "If-Range": lm}), 206)
        r = self.expect(self.pub.get(self.url, headers={"Range": "bytes=0-3", "If-Range": '"other"'}), 200)
        self.assertEqual(r.body, self.data)

    def test_images_and_static_files_too(self):
        img = png(40, 30, (1, 2, 3))
        self.snv.post("/quan-tri/thu-vien", [("alt", "Ảnh thử phạm vi"), ("title", "")],
                      files=[("file", "a.png", "image/png", img)])
        r = self.expect(self.pub.get("/media/%s.png" % sha256(img), headers={"Range": "bytes=1-3"}), 206)
        self.assertEqual(r.body, img[1:4])
        r = self.expect(self.pub.get("/static/css/site.css", headers={"Range": "bytes=0-1"}), 206)
        self.assertEqual(len(r.body), 2)


class SizeLimit(Base):
    def test_audio_video_limit_is_a_site_setting(self):
        admin = self.fx.admin("admin", "snv")
        page = self.expect(admin.get("/quan-tri/cai-dat/da-phuong-tien"), 200)
        self.check_html(page)
        self.assertIn_('value="100"', page, "the default: 100 MB")
        self.expect(admin.post("/quan-tri/cai-dat/da-phuong-tien",
                               [("embed_hosts", "youtube.com youtube-nocookie.com vimeo.com"), ("media_av_max_mb", "1")]), 303)
        try:
            big = mp4() + b"\x01" * (1 << 20)  # just over 1 MB
            r = self.upload("dai.mp4", big, "video/mp4", expect=422)
            self.assertIn_("Tệp âm thanh, video vượt quá giới hạn dung lượng của trang", r)
            self.upload("ngan.mp4", mp4(), "video/mp4")
        finally:
            admin.post("/quan-tri/cai-dat/da-phuong-tien",
                       [("embed_hosts", "youtube.com youtube-nocookie.com vimeo.com"), ("media_av_max_mb", "100")])
        # audio and video above the documents' 20 MB are taken within the site's limit (and the
        # server's --max-body: 24 MB in these tests)
        big = mp4() + b"\x02" * (21 << 20)
        self.upload("hoi-nghi-dai.mp4", big, "video/mp4")
        r = self.expect(self.pub.get("/tep/%s.mp4" % sha256(big), headers={"Range": "bytes=-4"}), 206)
        self.assertEqual(r.body, big[-4:])


class Captions(Base):
    def test_webvtt_checked_when_uploaded(self):
        good = vtt("Phụ đề hợp lệ %s" % uuid.uuid4().hex)
        r = self.upload("phu de.vtt", good, "text/vtt")
        url = "/tep/%s.vtt" % sha256(good)
        f = self.expect(self.pub.get(url), 200)
        self.assertEqual(f.header("Content-Type"), "text/vtt; charset=utf-8")
        self.assertEqual(f.body, good)
        bad = {
            "vtt_timing": b"WEBVTT\n\n00:00.000 -> 00:01.000\nThi\xe1\xba\xbfu m\xc5\xa9i t\xc3\xaan\n",
            "vtt_order": b"WEBVTT\n\n00:05.000 --> 00:06.000\nSau\n\n00:01.000 --> 00:02.000\nTr\xc6\xb0\xe1\xbb\x9bc\n",
            "vtt_end_before_start": b"WEBVTT\n\n00:03.000 --> 00:01.000\nNg\xc6\xb0\xe1\xbb\xa3c\n",
        }
        for key, data in bad.items():
            r = self.upload("hong.vtt", data, "text/vtt", expect=422)
            self.assertIn_(VTT_MSG[key], r, key)
            self.expect(self.pub.get("/tep/%s.vtt" % sha256(data)), 404, "a refused file is not stored")
        # an SRT file named .vtt is not WebVTT
        r = self.upload("srt.vtt", b"1\n00:00:00,000 --> 00:00:01,000\nSRT\n", "text/vtt", expect=422)

    def test_video_needs_captions_to_be_published(self):
        tag = uuid.uuid4().hex[:8]
        title = "Hội nghị trực tuyến %s" % tag
        iid = self.create("video", [("title", title), ("loai", "video"), ("ngay", "01/12/2026"), ("nguon", "Sở Nội vụ")],
                          files=[("tep_phat__tep", "hoi-nghi.mp4", "video/mp4", mp4())])
        r = self.publish("video", iid, expect=422)
        self.assertIn_(CAPTIONS_REQUIRED, r, "the approver is told why")
        self.expect(self.pub.get("/video/x-%d" % iid), 404, "not published")
        # the captions uploaded with the item's form: published, with the player and its track
        edit = self.snv.get("/quan-tri/video/%d" % iid)
        chosen = re.search(r'<select id="tep_phat"[^>]*>.*?<option value="(\d+)" selected', edit.text, re.S)
        self.assertTrue(chosen, "the form keeps the chosen file")
        words = "Kính chào quý vị %s" % tag
        r = self.snv.post("/quan-tri/video/%d" % iid, [("title", title), ("summary", ""), ("body", ""), ("loai", "video"),
                                                        ("ngay", "01/12/2026"), ("nguon", "Sở Nội vụ"),
                                                        ("tep_phat", chosen.group(1))],
                          files=[("phu_de__tep", "phu-de.vtt", "text/vtt", vtt(words))], multipart_form=True)
        self.expect(r, 303, "saving the captions: %s" % squash(r.text)[-200:])
        self.act("video", iid, "publish")
        page = self.public("video", iid)
        video = page.tree().find(".//video")
        self.assertIsNotNone(video, "a <video> player")
        self.assertEqual(video.find("source").get("type"), "video/mp4")
        track = video.find("track")
        self.assertEqual(track.get("kind"), "captions")
        self.assertRegex(track.get("src"), r"^/tep/[0-9a-f]{64}\.vtt$")
        self.assertEqual(track.get("srclang"), "vi")
        self.assertIn_(words, page, "the transcript from the captions")
        self.assertIn_("Chúc một ngày tốt lành.", page, "a cue's text without its voice tag")
        self.assertNotIn_("&lt;v Người dẫn", page)
        self.assertNotIn_("frame-src", page)

    def test_audio_plays_in_an_audio_element(self):
        # libmagic: an ID3 header then an MPEG frame is audio/mpeg
        mp3 = b"ID3\x03\x00\x00\x00\x00\x00\x0a" + b"\x00" * 10 + b"\xff\xfb\x90\x64" + uuid.uuid4().bytes * 200
        iid = self.create("video", [("title", "Bản tin phát thanh %s" % uuid.uuid4().hex[:6]), ("loai", "am-thanh"),
                                    ("ban_ghi", "Lời bản tin phát thanh.")],
                          files=[("tep_phat__tep", "ban-tin.mp3", "audio/mpeg", mp3),
                                 ("phu_de__tep", "ban-tin.vtt", "text/vtt", vtt("Bản tin %s" % uuid.uuid4().hex))])
        self.publish("video", iid)
        page = self.public("video", iid)
        audio = page.tree().find(".//audio")
        self.assertIsNotNone(audio)
        self.assertRegex(audio.get("src"), r"^/tep/[0-9a-f]{64}\.mp3$")
        self.assertIn_("Lời bản tin phát thanh.", page, "the editor's transcript first")


class Embed(Base):
    def embedded(self, url, transcript="Bản ghi lời của video.", expect=303):
        iid = self.create("video", [("title", "Video nhúng %s" % uuid.uuid4().hex[:6]), ("loai", "video"),
                                    ("nhung", url), ("ban_ghi", transcript)])
        return iid, self.publish("video", iid, expect)

    def test_other_hosts_refused(self):
        for url in ("https://evil.example/watch?v=abc", "https://youtube.com.evil.example/watch?v=abc"):
            iid, r = self.embedded(url, expect=422)
            self.assertIn_(EMBED_REFUSED, r, url)
            self.expect(self.pub.get("/video/x-%d" % iid), 404)

    def test_transcript_or_captions_required(self):
        iid, r = self.embedded("https://vimeo.com/76979871", transcript="", expect=422)
        self.assertIn_("phải có tệp phụ đề WebVTT hoặc bản ghi lời", r)

    def test_no_third_party_until_asked(self):
        iid, _ = self.embedded("https://www.youtube.com/watch?v=M7lc1UVf-VE")
        page = self.public("video", iid)
        self.assertIsNone(page.tree().find(".//iframe"), "no iframe in the initial page")
        for el in page.tree().iter():
            if not isinstance(el.tag, str):
                continue
            for attr in ("src", "srcset", "poster", "data"):
                self.assertNotIn("youtube", el.get(attr) or "", "%s %s=%r" % (el.tag, attr, el.get(attr)))
            if el.tag == "link":
                self.assertNotIn("youtube", el.get("href") or "")
        self.assertNotIn("frame-src", page.header("Content-Security-Policy"))
        links = page.links()
        self.assertIn("https://www.youtube.com/watch?v=M7lc1UVf-VE", links, "a plain link to the source")
        play = [l for l in links if l.endswith("?xem=1")]
        self.assertTrue(play, "a link that loads the player")
        # the reader asks: the iframe, its host alone allowed to be framed, never cached
        for _ in range(2):
            r = self.page(self.pub, play[0])
            frame = r.tree().find(".//iframe")
            self.assertIsNotNone(frame)
            self.assertEqual(frame.get("src"), "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE")
            self.assertTrue(frame.get("title"), "a frame has a title")
            csp = r.header("Content-Security-Policy")
            self.assertIn("frame-src https://www.youtube-nocookie.com", csp)
            self.assertIn("script-src 'none'", csp)
            self.assertNotEqual(r.header("X-Cache"), "HIT")

    def test_allow_list_is_the_site_admins(self):
        admin = self.fx.admin("admin", "snv")
        r = admin.post("/quan-tri/cai-dat/da-phuong-tien", [("embed_hosts", "youtube.com\nbad host!"),
                                                           ("media_av_max_mb", "100")])
        self.expect(r, 422)
        self.assertIn_("Mỗi dòng phải là một tên miền", r)
        self.assertIn_("bad host!", r, "the input kept")
        r = admin.post("/quan-tri/cai-dat/da-phuong-tien", [("embed_hosts", "youtube.com\nyoutube-nocookie.com\nthvl.vn"),
                                                           ("media_av_max_mb", "0")])
        self.expect(r, 422)
        r = admin.post("/quan-tri/cai-dat/da-phuong-tien", [("embed_hosts", "youtube.com\nyoutube-nocookie.com\nthvl.vn"),
                                                           ("media_av_max_mb", "150")])
        self.expect(r, 303)
        try:
            iid, _ = self.embedded("https://thvl.vn/video/ban-tin-thoi-su")
            page = self.public("video", iid, "?xem=1")
            self.assertEqual(page.tree().find(".//iframe").get("src"), "https://thvl.vn/video/ban-tin-thoi-su")
            self.assertIn("frame-src https://thvl.vn", page.header("Content-Security-Policy"))
            iid, r = self.embedded("https://vimeo.com/76979871", expect=422)  # vimeo.com taken off the list
            self.assertIn_(EMBED_REFUSED, r)
        finally:
            admin.post("/quan-tri/cai-dat/da-phuong-tien", [("embed_hosts", "youtube.com youtube-nocookie.com vimeo.com"),
                                                            ("media_av_max_mb", "100")])


class Gallery(Base):
    def test_grid_and_photo_pages_without_scripts(self):
        tag = uuid.uuid4().hex[:6]
        photos = [png(600 + i, 400, (30 * i, 90, 120)) for i in range(3)]
        fields = [("title", "Lễ hội Đua ghe ngo %s" % tag), ("ngay", "15/11/2026"), ("tac_gia", "Phòng Văn hóa")]
        files = []
        for i, p in enumerate(photos):
            fields += [("anh.%d.mo_ta" % i, "Ghe ngo thứ %d rẽ nước %s" % (i + 1, tag)),
                       ("anh.%d.chu_thich" % i, "Chú thích ảnh %d" % (i + 1))]
            files.append(("anh.%d.tep_anh__tep" % i, "ghe-%d.png" % i, "image/png", p))
        # a photo without its description is refused, the input kept
        bad = list(fields)
        bad[bad.index(("anh.1.mo_ta", "Ghe ngo thứ 2 rẽ nước %s" % tag))] = ("anh.1.mo_ta", "")
        r = self.create("thu-vien-anh", bad, files=files, expect=422)
        self.assertIn_("Có ô chưa đúng trong bảng", r)
        self.assertIn_("Ghe ngo thứ 3 rẽ nước %s" % tag, r, "the input kept")

        iid = self.create("thu-vien-anh", fields, files=files)
        self.publish("thu-vien-anh", iid)
        page = self.public("thu-vien-anh", iid)
        path = page.target
        imgs = [i for i in page.tree().iter("img") if tag in (i.get("alt") or "")]
        self.assertEqual([i.get("alt") for i in imgs], ["Ghe ngo thứ %d rẽ nước %s" % (n, tag) for n in (1, 2, 3)])
        for n in (1, 2, 3):
            self.assertIn("%s/anh/%d" % (path, n), page.links())
        first = self.page(self.pub, "%s/anh/1" % path)
        self.assertEqual(first.tree().find(".//figure//img").get("alt"), "Ghe ngo thứ 1 rẽ nước %s" % tag)
        self.assertIn_("Chú thích ảnh 1", first)
        self.assertNotIn("%s/anh/0" % path, first.links())
        self.assertIn("%s/anh/2" % path, first.links(), "next")
        self.assertIn("%s#anh-1" % path, first.links(), "back to the gallery, at this photo")
        mid = self.page(self.pub, "%s/anh/2" % path)
        self.assertIn("%s/anh/1" % path, mid.links(), "previous")
        self.assertIn("%s/anh/3" % path, mid.links(), "next")
        self.assertIn_("Ảnh 2/3", mid)
        last = self.page(self.pub, "%s/anh/3" % path)
        self.assertNotIn("%s/anh/4" % path, last.links())
        for bad in ("4", "0", "01", "x", "99999"):
            self.expect(self.pub.get("%s/anh/%s" % (path, bad)), 404, bad)
        r = self.expect(self.pub.get("/thu-vien-anh/sai-ten-%d/anh/2" % iid), 301)
        self.assertEqual(r.location_path, "%s/anh/2" % path)
        self.expect(self.pub.get("/thu-vien-anh/x-999999/anh/1"), 404)
        # no script on any of these pages (JSON-LD is data, never run)
        for p in (page, first, mid, last):
            self.assertEqual([s for s in p.tree().iter("script") if s.get("type") != "application/ld+json"], [])
