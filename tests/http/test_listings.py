"""A component site lists documents held by the main portal (the central ones, entered once
there): its board chooses them on /quan-tri/liet-ke/van-ban, and its document list, number search,
exports and pages show them beside its own; stopping removes them. Checked by the model: only
editors and above, only another site's published documents."""
import json
import re
import urllib.parse

from conglib import CongTest, module_fixture

setUpModule, tearDownModule = module_fixture()

FIELDS = [("loai", "Nghị định"), ("co_quan_ban_hanh", "Chính phủ"), ("ngay_ban_hanh", "24/06/2022"),
          ("ngay_hieu_luc", "01/08/2022"), ("pham_vi", "trung-uong"), ("linh_vuc", "Công nghệ thông tin")]


class Listings(CongTest):
    def document(self, client, number, title):
        r = client.post("/quan-tri/van-ban/moi", [("title", title), ("so_ky_hieu", number), ("body", "")] + FIELDS,
                        multipart_form=True)
        self.expect(r, 303, "a document")
        did = int(re.match(r"/quan-tri/van-ban/(\d+)", r.location_path).group(1))
        for action in ("submit", "edited", "publish"):
            self.expect(client.post("/quan-tri/van-ban/%d/chuyen" % did, [("action", action)]), 303, action)
        return did

    def test_a_component_site_lists_central_documents(self):
        fx = self.fx
        board = fx.admin("admin", None)
        central = self.document(board, "42/2022/NĐ-CP", "Quy định về cung cấp thông tin trên môi trường mạng")
        duyet = fx.admin("duyet", "snv")
        public = fx.client("snv")
        self.assertNotIn("42/2022/NĐ-CP", public.get("/van-ban").text)

        page = self.page(duyet, "/quan-tri/liet-ke/van-ban?" + urllib.parse.urlencode({"q": "NĐ 42/2022"}))
        self.assertIn_("42/2022/NĐ-CP", page)
        r = duyet.post("/quan-tri/liet-ke/van-ban", [("item", str(central)), ("on", "1"), ("q", "42/2022")])
        self.expect(r, 303, "listing")
        self.assertIn_("Đang đăng", duyet.get("/quan-tri/liet-ke/van-ban?q=42%2F2022"))

        lst = self.page(public, "/van-ban")
        self.assertIn_("42/2022/NĐ-CP", lst, "the list shows the central document")
        self.assertIn_("42/2022/NĐ-CP", public.get("/van-ban?" + urllib.parse.urlencode({"q": "nghị định 42/2022"})))
        data = json.loads(public.get("/van-ban.json").text)
        self.assertIn(central, [it.get("id") for it in data["items"]])
        self.expect(public.get("/van-ban/x-%d" % central), 301, "its page answers on the listing site")

        # its own document is no listing; a POST without the model's consent changes nothing
        own = self.document(duyet, "15/KH-SNV", "Kế hoạch cải cách hành chính năm 2026 của Sở")
        self.expect(duyet.post("/quan-tri/liet-ke/van-ban", [("item", str(own)), ("on", "1")]), 422)
        self.expect(duyet.post("/quan-tri/liet-ke/van-ban", [("item", "999999"), ("on", "1")]), 422)
        self.expect(duyet.post("/quan-tri/liet-ke/van-ban", [("item", str(central)), ("on", "1")], csrf=False), 403)
        self.expect(duyet.get("/quan-tri/liet-ke/tin"), 404, "news are shared up, not listed")

        r = duyet.post("/quan-tri/liet-ke/van-ban", [("item", str(central)), ("on", "0")])
        self.expect(r, 303)
        self.assertNotIn("42/2022/NĐ-CP", public.get("/van-ban?lan=2").text)
        self.expect(public.get("/van-ban/x-%d" % central), 404, "not listed any more")
