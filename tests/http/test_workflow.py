"""The editorial workflow (VL Đ11, TQ Đ12): every transition and every refusal (wrong role, wrong
site, wrong state), one- and two-step sites, the approver-is-author rule, scheduling (also across a
restart), withdrawal with a 410, corrections, pending changes to published items, revisions with
their comparison and restore, sharing up to the main portal, dashboards, hand-over, intake, the
sanitizer on the way in, and the hash-chained audit log with `cong audit verify`."""
import re
import subprocess
import time
import uuid

from conglib import (CONG, CongTest, cong_env, module_fixture, squash, text_of)

setUpModule, tearDownModule = module_fixture(extra_serve=("--scheduler-interval", "1"))

MSG = {
    "wf_role": "Vai trò của bạn trên trang này không được thực hiện bước này.",
    "wf_state": "Bài viết không ở trạng thái cho phép bước này.",
    "wf_needs_editing": "Trang duyệt hai bước: bài cần được biên tập viên biên tập xong trước khi duyệt.",
    "wf_approver_is_author": "Người duyệt không được duyệt bài do chính mình viết",
    "wf_comment_required": "Vui lòng ghi rõ nội dung cần sửa để tác giả biết.",
    "wf_refusal_reason_required": "Vui lòng chọn lý do từ chối theo Điều 11.3.",
    "wf_reason_required": "Vui lòng nêu lý do gỡ bài.",
    "wf_schedule_future": "Thời điểm hẹn giờ phải ở tương lai.",
    "share_reason_required": "Vui lòng nêu lý do không tiếp nhận.",
    "edit_denied": "Bạn không được sửa bài viết này ở trạng thái hiện tại.",
}


def uniq(prefix):
    return "%s %s" % (prefix, uuid.uuid4().hex[:6].upper())


def local_time(t):
    """A datetime-local value for Unix time T, in Vietnam time."""
    return time.strftime("%Y-%m-%dT%H:%M", time.gmtime(t + 7 * 3600))


class Workflow(CongTest):
    @classmethod
    def setUpClass(cls):
        fx = cls.fx
        if not hasattr(type(fx), "_wf_users"):
            for user, role in (("pv.snv", "reporter"), ("btv.snv", "editor"), ("duyet2.snv", "approver")):
                fx.add_user(user, role, "snv")
            fx.add_user("pv2.snv", "reporter", "snv")
            type(fx)._wf_users = True
            type(fx)._wf_cat = fx.category(fx.admin("admin", "snv"), "Tin quy trình")
        cls.cat = type(fx)._wf_cat[0]

    def setUp(self):
        fx = self.fx
        self.rep = fx.admin("pv.snv", "snv")
        self.ed = fx.admin("btv.snv", "snv")
        self.ap = fx.admin("duyet2.snv", "snv")

    def draft(self, client=None, title=None, body="Đoạn một của bài.\n\nĐoạn hai của bài."):
        title = title or uniq("Bài quy trình")
        return self.fx.article(client or self.rep, title, body=body, category_id=self.cat), title

    def public(self, aid, status=200):
        fx = self.fx
        r = fx.client("snv").get("/tin/x-%d" % aid)
        if r.status == 301:
            r = fx.client("snv").get(r.location_path)
        self.assertEqual(r.status, status, "public page of %d" % aid)
        return r

    def state_of(self, client, aid):
        r = self.expect(client.get("/quan-tri/bai-viet/%d" % aid), 200)
        h = r.by_id("trang-thai")
        return squash(text_of(h)) if h is not None else ""

    # -- the two-step path, each role doing its step, every wrong step refused --------------

    def test_two_step_path_and_refusals(self):
        fx = self.fx
        aid, title = self.draft()
        self.assertIn("Bản nháp", self.state_of(self.rep, aid))
        # a draft cannot be published or marked edited
        self.assertIn_(MSG["wf_state"], fx.act(self.ap, aid, "publish", expect=422), "publishing a draft")
        self.assertIn_(MSG["wf_state"], fx.act(self.ed, aid, "edited", expect=422), "editing a draft")
        # the reporter submits; then may no longer change it
        fx.act(self.rep, aid, "submit")
        self.assertIn("Chờ biên tập", self.state_of(self.rep, aid))
        r = self.rep.post("/quan-tri/bai-viet/%d" % aid, [("title", "Sửa sau khi gửi"), ("body", "x"),
                                                         ("category_id", str(self.cat))], multipart_form=True)
        self.expect(r, 403, "reporter editing a submitted item")
        self.assertIn_(MSG["edit_denied"], r)
        # the reporter cannot do the editor's step, the editor cannot publish
        self.expect(fx.act(self.rep, aid, "edited", expect=403), 403)
        # two steps: the approver may not skip the editor
        self.assertIn_(MSG["wf_needs_editing"], fx.act(self.ap, aid, "publish", expect=422), "skip editing")
        # the editor edits the text (a revision) and hands it on
        r = self.ed.post("/quan-tri/bai-viet/%d" % aid, [("title", title), ("body", "Đoạn một đã biên tập.\n\nĐoạn hai."),
                                                        ("category_id", str(self.cat))], multipart_form=True)
        self.expect(r, 303, "editor saving a submitted item")
        fx.act(self.ed, aid, "edited", comment="Đã biên tập")
        self.assertIn("Chờ duyệt", self.state_of(self.ed, aid))
        self.expect(fx.act(self.ed, aid, "publish", expect=403), 403, "editor publishing")
        self.public(aid, 404)
        # the approver publishes
        fx.act(self.ap, aid, "publish")
        r = self.public(aid)
        self.assertIn_("Đoạn một đã biên tập.", r)
        # the timeline names every step, its actor and its comment
        r = self.expect(self.ap.get("/quan-tri/bai-viet/%d" % aid), 200)
        tl = squash(r.text[r.text.index('id="dong-thoi-gian"'):])
        for want in ("Gửi biên tập", "Biên tập xong", "Duyệt và xuất bản", "Đã biên tập"):
            self.assertIn(want, tl, "timeline lacks %r" % want)
        self.assertEqual(len(re.findall(r"<li><time datetime=", r.text)), 3, "three transitions in the timeline")
        # already published: publish again is a wrong state
        self.assertIn_(MSG["wf_state"], fx.act(self.ap, aid, "publish", expect=422))

    def test_return_and_refuse(self):
        fx = self.fx
        aid, _ = self.draft()
        fx.act(self.rep, aid, "submit")
        # returning needs a comment; the form keeps it
        r = fx.act(self.ed, aid, "return", expect=422)
        self.assertIn_(MSG["wf_comment_required"], r)
        fx.act(self.ed, aid, "return", comment="Bổ sung số liệu quý III")
        r = self.expect(self.rep.get("/quan-tri/?loc=tra-lai"), 200)
        self.assertIn("/quan-tri/bai-viet/%d" % aid, r.links(), "not in the reporter's 'returned' list")
        r = self.expect(self.rep.get("/quan-tri/bai-viet/%d" % aid), 200)
        self.assertIn_("Bổ sung số liệu quý III", r, "the return comment in the timeline")
        # the reporter fixes and resubmits
        r = self.rep.post("/quan-tri/bai-viet/%d" % aid, [("title", "Bài đã bổ sung"), ("body", "Có số liệu quý III."),
                                                         ("category_id", str(self.cat))], multipart_form=True)
        self.expect(r, 303)
        fx.act(self.rep, aid, "submit")
        fx.act(self.ed, aid, "edited")
        # refusing needs one of the reasons of VL Đ11.3 a–đ; editors may not refuse
        self.expect(fx.act(self.ed, aid, "refuse", expect=403, reason="c", comment="x"), 403)
        r = fx.act(self.ap, aid, "refuse", expect=422, comment="Không đúng sự thật")
        self.assertIn_(MSG["wf_refusal_reason_required"], r)
        r = fx.act(self.ap, aid, "refuse", expect=422, reason="z", comment="x")
        self.assertIn_(MSG["wf_refusal_reason_required"], r)
        fx.act(self.ap, aid, "refuse", reason="c", comment="Số liệu chưa được xác thực")
        r = self.expect(self.ap.get("/quan-tri/bai-viet/%d" % aid), 200)
        self.assertIn("Từ chối đăng", self.state_of(self.ap, aid))
        self.assertIn_("Thông tin không đúng sự thật", r, "the refusal reason in the timeline")
        # refused is final for the author
        r = self.rep.post("/quan-tri/bai-viet/%d" % aid, [("title", "Sửa bài bị từ chối"), ("body", "x"),
                                                         ("category_id", str(self.cat))], multipart_form=True)
        self.expect(r, 403)
        self.public(aid, 404)

    def test_wrong_site(self):
        fx = self.fx
        aid, title = self.draft()
        fx.act(self.rep, aid, "submit")
        # longho's editor, through longho's host, cannot see or move snv's item
        other = fx.admin("bientap", "longho")
        r = other.get("/quan-tri/bai-viet/%d" % aid)
        self.assertIn(r.status, (403, 404))
        self.assertNotIn_(title, r)
        for action in ("edited", "return", "publish"):
            r = other.post("/quan-tri/bai-viet/%d/chuyen" % aid, [("action", action), ("comment", "x")])
            self.assertIn(r.status, (403, 404), "%s from another site: %d" % (action, r.status))
        self.assertIn("Chờ biên tập", self.state_of(self.ed, aid))
        # another reporter of the same site cannot read a colleague's draft either
        aid2, title2 = self.draft()
        r = fx.admin("pv2.snv", "snv").get("/quan-tri/bai-viet/%d" % aid2)
        self.expect(r, 404, "a colleague's draft")
        r = fx.admin("pv2.snv", "snv").get("/quan-tri/?loc=tat-ca")
        self.assertNotIn_(title2, r, "a colleague's draft in the list")

    def test_approver_may_not_approve_own_and_one_step(self):
        fx = self.fx
        fx.settings("snv", steps=2, may_self=False)
        try:
            aid, _ = self.draft(self.ap)
            fx.act(self.ap, aid, "submit")
            fx.act(self.ed, aid, "edited")
            self.assertIn_(MSG["wf_approver_is_author"], fx.act(self.ap, aid, "publish", expect=422))
            fx.act(fx.admin("duyet", "snv"), aid, "publish")  # another approver may
            self.public(aid)
        finally:
            fx.settings("snv", steps=2, may_self=True)
        # one step: the approver publishes straight from "submitted"
        fx.settings("snv", steps=1, may_self=True)
        try:
            aid, _ = self.draft()
            fx.act(self.rep, aid, "submit")
            r = self.expect(self.ap.get("/quan-tri/?loc=cho-toi"), 200)
            self.assertIn("/quan-tri/bai-viet/%d" % aid, r.links(), "not waiting for the approver (one step)")
            fx.act(self.ap, aid, "publish")
            self.public(aid)
        finally:
            fx.settings("snv", steps=2, may_self=True)

    def test_dashboards(self):
        fx = self.fx
        aid, title = self.draft()
        r = self.expect(self.rep.get("/quan-tri/?loc=nhap"), 200)
        self.assertIn_(title, r, "my drafts")
        fx.act(self.rep, aid, "submit")
        r = self.expect(self.ed.get("/quan-tri/?loc=cho-toi"), 200)
        self.assertIn_(title, r, "waiting for the editor")
        r = self.expect(self.ap.get("/quan-tri/?loc=cho-toi"), 200)
        self.assertNotIn_(title, r, "two steps: not yet waiting for the approver")
        fx.act(self.ed, aid, "edited")
        r = self.expect(self.ap.get("/quan-tri/?loc=cho-toi"), 200)
        self.assertIn_(title, r, "waiting for the approver")
        fx.act(self.ap, aid, "schedule", when=local_time(time.time() + 3600))
        r = self.expect(self.ap.get("/quan-tri/?loc=hen-gio"), 200)
        self.assertIn_(title, r, "scheduled list")
        fx.act(self.ap, aid, "unschedule")

    def test_schedule(self):
        fx = self.fx
        aid, title = self.draft()
        fx.act(self.rep, aid, "submit")
        fx.act(self.ed, aid, "edited")
        self.assertIn_(MSG["wf_schedule_future"], fx.act(self.ap, aid, "schedule", expect=422,
                                                         when=local_time(time.time() - 120)))
        # a minute ahead is the finest a datetime-local gives: move the time back in the database
        fx.act(self.ap, aid, "schedule", when=local_time(time.time() + 120))
        self.assertIn("Hẹn giờ", self.state_of(self.ap, aid))
        self.public(aid, 404)
        fx.sql("UPDATE items SET scheduled_at = ? WHERE id = ?", (int(time.time()) - 1, aid))
        deadline = time.time() + 5
        while time.time() < deadline and fx.client("snv").get("/tin/x-%d" % aid).status == 404:
            time.sleep(0.2)
        self.public(aid)
        r = self.expect(self.ap.get("/quan-tri/bai-viet/%d" % aid), 200)
        self.assertIn_("Xuất bản theo lịch hẹn giờ", r, "the scheduler's step in the timeline")

    def test_schedule_survives_restart(self):
        fx = self.fx
        aid, _ = self.draft()
        fx.act(self.rep, aid, "submit")
        fx.act(self.ed, aid, "edited")
        fx.act(self.ap, aid, "schedule", when=local_time(time.time() + 120))
        self.assertEqual(fx.server.stop(), 0)
        due = int(time.time()) - 30  # fell due while the server was down
        fx.sql("UPDATE items SET scheduled_at = ? WHERE id = ?", (due, aid))
        fx.server.start()
        fx.port = fx.server.port  # clients follow the server's new port
        deadline = time.time() + 5
        while time.time() < deadline and fx.client("snv").get("/tin/x-%d" % aid).status == 404:
            time.sleep(0.2)
        self.public(aid)
        (pub,) = fx.sql("SELECT published_at FROM items WHERE id = ?", (aid,))[0]
        self.assertEqual(pub, due, "published at the promised time, not at the restart")

    def test_withdraw_and_correct(self):
        fx = self.fx
        aid, title = self.draft()
        fx.act(self.rep, aid, "submit")
        fx.act(self.ed, aid, "edited")
        fx.act(self.ap, aid, "publish")
        # a correction needs its text, then shows dated on the article
        self.assertIn_("Vui lòng nhập nội dung cải chính.", fx.act(self.ap, aid, "correct", expect=422))
        self.expect(fx.act(self.ed, aid, "correct", expect=403, comment="x"), 403, "editor correcting")
        fx.act(self.ap, aid, "correct", comment="Số liệu đúng là 1.250 hồ sơ, không phải 1.520.")
        r = self.public(aid)
        box = r.by_id("cai-chinh")
        self.assertIsNotNone(box, "no correction block")
        self.assertIn_("Số liệu đúng là 1.250 hồ sơ", r)
        self.assertRegex(r.text[r.text.index('id="cai-chinh"'):], r"<time[^>]*>\d\d/\d\d/\d{4} \d\d:\d\d</time>: Số liệu đúng",
                         "the correction's date")
        # withdrawal needs a reason; then 410 with it
        self.assertIn_(MSG["wf_reason_required"], fx.act(self.ap, aid, "withdraw", expect=422))
        fx.act(self.ap, aid, "withdraw", comment="Văn bản gốc đã bị thay thế")
        r = self.public(aid, 410)
        self.assertIn_("Văn bản gốc đã bị thay thế", r)
        self.assertNotIn_("Đoạn một của bài.", r, "the withdrawn text is still served")
        r = self.page(fx.client("snv"), "/")
        self.assertNotIn_(title, r, "a withdrawn item on the home page")
        # and can be published again by an approver
        fx.act(self.ap, aid, "publish")
        self.public(aid)

    def test_pending_change_keeps_public_version(self):
        fx = self.fx
        aid, title = self.draft(body="Nội dung đã được duyệt.")
        fx.act(self.rep, aid, "submit")
        fx.act(self.ed, aid, "edited")
        fx.act(self.ap, aid, "publish")
        new_title = title + " (cập nhật)"
        r = self.ed.post("/quan-tri/bai-viet/%d" % aid, [("title", new_title), ("body", "Nội dung chưa duyệt."),
                                                        ("category_id", str(self.cat))], multipart_form=True)
        self.expect(r, 303)
        r = self.public(aid)
        self.assertIn_("Nội dung đã được duyệt.", r)
        self.assertNotIn_("Nội dung chưa duyệt.", r, "an unapproved change went public")
        # the editor's form shows the change, and its step
        r = self.expect(self.ed.get("/quan-tri/bai-viet/%d" % aid), 200)
        self.assertEqual(r.by_id("title").get("value"), new_title)
        self.assertIn("Bản nháp", self.state_of(self.ed, aid))
        fx.act(self.ed, aid, "submit")
        fx.act(self.ed, aid, "edited")
        fx.act(self.ap, aid, "publish")
        r = self.public(aid)
        self.assertIn_("Nội dung chưa duyệt.", r, "the approved change is not public")
        self.assertIn_(new_title, r)

    def test_revisions_compare_restore(self):
        fx = self.fx
        aid, title = self.draft(self.ed, body="Hội nghị có 120 đại biểu tham dự.")
        r = self.ed.post("/quan-tri/bai-viet/%d" % aid, [("title", title), ("body", "Hội nghị có 150 đại biểu tham dự."),
                                                        ("category_id", str(self.cat)), ("note", "Sửa số đại biểu")],
                         multipart_form=True)
        self.expect(r, 303)
        r = self.expect(self.ed.get("/quan-tri/bai-viet/%d" % aid), 200)
        revs = [int(x.get("value")) for x in r.find_all("input", name="a")]
        self.assertEqual(len(revs), 2, "two revisions listed")
        self.assertIn_("Sửa số đại biểu", r, "the revision note")
        new, old = revs[0], revs[1]
        r = self.expect(self.ed.get("/quan-tri/bai-viet/%d/so-sanh?a=%d&b=%d" % (aid, old, new)), 200)
        self.check_html(r, chrome=False)
        self.assertRegex(r.text, r"<del>120\s*</del>", "the removed word")
        self.assertRegex(r.text, r"<ins>150\s*</ins>", "the added word")
        self.assertNotRegex(r.text, r"<(del|ins)>[^<]*đại biểu", "unchanged words marked")
        self.expect(self.ed.get("/quan-tri/bai-viet/%d/so-sanh?a=%d&b=999999" % (aid, old)), 404)
        # restore the old one: a third revision with the old text
        r = self.ed.post("/quan-tri/bai-viet/%d/khoi-phuc" % aid, [("rev", str(old))])
        self.expect(r, 303)
        r = self.expect(self.ed.get("/quan-tri/bai-viet/%d" % aid), 200)
        self.assertEqual(len(r.find_all("input", name="a")), 3, "restoring adds a revision")
        self.assertIn("120 đại biểu", r.by_id("body").text or "", "the restored body")
        # another site's revision ids are not reachable
        other = fx.admin("bientap", "longho")
        self.assertIn(other.get("/quan-tri/bai-viet/%d/so-sanh?a=%d&b=%d" % (aid, old, new)).status, (403, 404))

    def test_sharing_up(self):
        fx = self.fx
        aid, title = self.draft()
        fx.act(self.rep, aid, "submit")
        # a draft cannot be proposed
        fx.act(self.ed, aid, "edited")
        r = self.ap.post("/quan-tri/bai-viet/%d/de-xuat" % aid)
        self.expect(r, 422, "proposing an unpublished item")
        fx.act(self.ap, aid, "publish")
        self.expect(self.ed.post("/quan-tri/bai-viet/%d/de-xuat" % aid), 403, "an editor proposing")
        self.expect(self.ap.post("/quan-tri/bai-viet/%d/de-xuat" % aid), 303, "the approver proposes")
        self.assertNotIn_(title, self.page(fx.client(), "/"), "shown on the main portal before acceptance")
        main_board = fx.admin("admin", None)
        r = self.expect(main_board.get("/quan-tri/de-xuat"), 200)
        self.check_html(r, chrome=False)
        self.assertIn_(title, r, "the proposal on the main board's list")
        sid = int(re.search(r'action="/quan-tri/de-xuat/(\d+)"', r.text).group(1))
        # declining needs a reason; snv's approver is not on the main board
        r = main_board.post("/quan-tri/de-xuat/%d" % sid, [("quyet-dinh", "tu-choi")])
        self.expect(r, 422)
        self.assertIn_(MSG["share_reason_required"], r)
        self.assertIn(fx.admin("duyet2.snv", None).post("/quan-tri/de-xuat/%d" % sid, [("quyet-dinh", "nhan")]).status,
                      (403,), "snv's approver deciding on the main portal")
        self.expect(main_board.post("/quan-tri/de-xuat/%d" % sid, [("quyet-dinh", "nhan")]), 303)
        r = self.page(fx.client(), "/")
        self.assertIn_(title, r, "accepted news on the main portal")
        # withdrawn at the source: gone from the main portal
        fx.act(self.ap, aid, "withdraw", comment="Gỡ để cập nhật")
        r = self.page(fx.client(), "/")
        self.assertNotIn_(title, r, "withdrawn news still on the main portal")

    def test_handover(self):
        fx = self.fx
        a1, t1 = self.draft(fx.admin("pv2.snv", "snv"))
        a2, t2 = self.draft(fx.admin("pv2.snv", "snv"))
        sysadmin = fx.admin("admin", "snv")
        r = self.expect(sysadmin.get("/quan-tri/tai-khoan"), 200)
        self.check_html(r, chrome=False)
        ids = {}
        for tr in r.tree().iter("tr"):
            tds = tr.findall("td")
            if tds:
                ids[squash(text_of(tds[0]))] = tr
        opts = {squash(text_of(o)): o.get("value") for o in r.by_id("from").findall("option")}
        frm = [v for k, v in opts.items() if "(pv2.snv)" in k][0]
        to = [v for k, v in opts.items() if "(pv.snv)" in k][0]
        self.expect(self.ed.get("/quan-tri/tai-khoan"), 403, "an editor managing accounts")
        r = sysadmin.post("/quan-tri/tai-khoan/ban-giao", [("from", frm), ("to", to)])
        self.expect(r, 303)
        r = self.expect(self.rep.get("/quan-tri/?loc=nhap"), 200)
        self.assertIn_(t1, r, "handed-over draft in the new owner's list")
        self.assertIn_(t2, r)
        r = self.expect(fx.admin("pv2.snv", "snv").get("/quan-tri/?loc=nhap"), 200)
        self.assertNotIn_(t1, r, "still in the old owner's list")

    def test_intake_and_sanitized_body(self):
        fx = self.fx
        title = uniq("Thông báo do đơn vị cung cấp")
        aid = fx.article(self.rep, title, category_id=self.cat,
                         body='<p>Nội dung <strong>chính</strong>.</p><script>alert(1)</script>'
                              '<p onclick="alert(2)">Đoạn hai <a href="javascript:alert(3)">liên kết</a></p>',
                         intake_unit="Phòng Tổ chức cán bộ", intake_name="Trần Thị Mai", intake_title="Trưởng phòng",
                         intake_email="mai@snv.example.gov.vn", intake_phone="0270 3822 222",
                         intake_received_at="2026-11-20T08:30")
        r = self.expect(self.rep.get("/quan-tri/bai-viet/%d" % aid), 200)
        self.assertEqual(r.by_id("intake_unit").get("value"), "Phòng Tổ chức cán bộ")
        self.assertEqual(r.by_id("intake_received_at").get("value"), "2026-11-20T08:30")
        body = r.by_id("body").text or ""
        self.assertIn("<strong>chính</strong>", body)
        for bad in ("<script", "onclick", "javascript:"):
            self.assertNotIn(bad, body, "%s survived the sanitizer" % bad)
        # a bad e-mail of the provider is refused, the input kept
        r = fx.article(self.rep, title + " 2", category_id=self.cat, intake_email="khong-phai-email", expect=422)
        self.expect(r, 422)
        self.assertEqual(r.by_id("intake_email").get("value"), "khong-phai-email")

    def test_audit_log_and_verify(self):
        fx = self.fx
        aid, _ = self.draft()
        fx.act(self.rep, aid, "submit")
        sysadmin = fx.admin("admin", "snv")
        r = self.expect(sysadmin.get("/quan-tri/nhat-ky?hanh-dong=article.transition"), 200)
        self.check_html(r, chrome=False)
        self.assertIn_("article:%d" % aid, r, "the transition in the audit log")
        r = self.expect(sysadmin.get("/quan-tri/nhat-ky?nguoi=pv.snv"), 200)
        self.assertIn_("pv.snv", r)
        self.expect(self.ed.get("/quan-tri/nhat-ky"), 403, "an editor reading the audit log")
        out = subprocess.run([CONG, "audit", "verify", "--data", fx.data], capture_output=True, text=True, env=cong_env())
        self.assertEqual(out.returncode, 0, out.stdout + out.stderr)
        self.assertIn("intact", out.stdout)
        # alter one record behind the program's back: verify names it
        (rid,) = fx.sql("SELECT id FROM audit WHERE action = 'article.transition' ORDER BY id DESC LIMIT 1")[0]
        fx.sql("UPDATE audit SET detail = 'publish' WHERE id = ?", (rid,))
        out = subprocess.run([CONG, "audit", "verify", "--data", fx.data], capture_output=True, text=True, env=cong_env())
        self.assertEqual(out.returncode, 1, out.stdout)
        self.assertIn("record %d" % rid, out.stdout)
        fx.sql("UPDATE audit SET detail = 'submit' WHERE id = ?", (rid,))
