"""Writing items of any kind through the admin form, as an approver does (shared by the tests of
schedules and of the directory)."""
import re

from conglib import squash


def create(test, client, segment, title, fields, expect=303, summary="", body=""):
    """Creates an item of the kind of SEGMENT; returns its id (or the Response when EXPECT is not
    303)."""
    f = [("title", title), ("summary", summary), ("body", body)] + list(fields)
    r = client.post("/quan-tri/%s/moi" % segment, f, multipart_form=True)
    if expect != 303:
        test.expect(r, expect, "creating %s %r" % (segment, title))
        return r
    test.expect(r, 303, "creating %s %r: %s" % (segment, title, squash(r.text)[-400:]))
    m = re.match(r"/quan-tri/%s/(\d+)" % re.escape(segment), r.location_path)
    test.assertTrue(m, r.location)
    return int(m.group(1))


def edit(test, client, segment, iid, title, fields, expect=303):
    r = client.post("/quan-tri/%s/%d" % (segment, iid), [("title", title), ("summary", ""), ("body", "")] + list(fields),
                    multipart_form=True)
    test.expect(r, expect, "editing %s %d: %s" % (segment, iid, squash(r.text)[-300:]))
    return r


def publish(test, client, segment, iid):
    for action in ("submit", "edited", "publish"):
        r = client.post("/quan-tri/%s/%d/chuyen" % (segment, iid), [("action", action)])
        test.expect(r, 303, "%s of %s %d: %s" % (action, segment, iid, squash(r.text)[-300:]))


def public_path(test, fx, slug, iid):
    """The public address of item IID: /tin/x-ID redirects to it."""
    c = fx.client(slug)
    r = c.get("/tin/x-%d" % iid)
    while r.status == 301:
        path = r.location_path
        r = c.get(path)
        if r.status == 200:
            return path
    test.fail("item %d: %d" % (iid, r.status))
