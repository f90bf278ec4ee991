/* test_mime.c — intake by e-mail below the IMAP server: GMime's reading of messages in the shapes
 * mail programs send (mail/mime.h: Outlook's and Gmail's, RFC 2047 B and Q names, RFC 2231 file
 * names, windows-1258 declared and undeclared, malformed MIME, nesting without end), the body an
 * entry keeps, the IMAP answers' parsers (mail/imap.h), and the entries in the store
 * (model/mailintake.h): sealed sender, never twice, a draft through the item layer, a refusal
 * through the outbox. The pulls from a real server are in tests/http/test_mail_intake.py. */
#include "t.h"
#include "tdb.h"
#include "mail/imap.h"
#include "mail/mime.h"
#include "model/calendar.h"
#include "vn/calendar.h"
#include "model/deadline.h"
#include "model/mailintake.h"
#include "model/model.h"
#include "db/db.h"
#include "base/sb.h"
#include "base/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PW "Kh0ng-Ai-Doan@2026"

static const char OUTLOOK[] =
	"Received: from mail.soyte.example.vn\r\n"
	"From: =?UTF-8?B?Tmd1eeG7hW4gVGjhu4sgw4FuaA==?= <anh.nt@soyte.example.vn>\r\n"
	"To: \"Ban bien tap\" <banbientap@example.vn>\r\n"
	"Subject: =?utf-8?Q?B=C3=A1o_c=C3=A1o_th=C3=A1ng_11?=\r\n"
	"Date: Mon, 7 Dec 2026 08:15:00 +0700\r\n"
	"Message-ID: <DM6PR01MB1234@outlook.example>\r\n"
	"Thread-Topic: =?utf-8?Q?B=C3=A1o_c=C3=A1o?=\r\n"
	"Thread-Index: AdnPq2v7Zk1X\r\n"
	"X-MS-Has-Attach:\r\n"
	"X-Mailer: Microsoft Outlook 16.0\r\n"
	"Content-Language: vi-VN\r\n"
	"MIME-Version: 1.0\r\n"
	"Content-Type: multipart/alternative; boundary=\"_000_DM6PR_\"\r\n"
	"\r\n"
	"--_000_DM6PR_\r\n"
	"Content-Type: text/plain; charset=\"utf-8\"\r\n"
	"Content-Transfer-Encoding: quoted-printable\r\n"
	"\r\n"
	"C=C3=B4ng v=C4=83n s=E1=BB=91 12/UBND v=E1=BB=81 vi=E1=BB=87c tri=E1=BB=83n=\r\n"
	" khai\r\n"
	"\r\n"
	"--_000_DM6PR_\r\n"
	"Content-Type: text/html; charset=\"utf-8\"\r\n"
	"Content-Transfer-Encoding: base64\r\n"
	"\r\n"
	/* <p class=MsoNormal>Thông báo lịch tiếp công dân<img src="https://t.example/px.gif"></p><script>x</script> */
	"PHAgY2xhc3M9TXNvTm9ybWFsPlRow7RuZyBiw6FvIGzhu4tjaCB0aeG6v3AgY8O0bmcgZMOibjxp\r\n"
	"bWcgc3JjPSJodHRwczovL3QuZXhhbXBsZS9weC5naWYiPjwvcD48c2NyaXB0Png8L3NjcmlwdD4=\r\n"
	"\r\n"
	"--_000_DM6PR_--\r\n";

static const char GMAIL[] =
	"MIME-Version: 1.0\r\n"
	"Date: Sun, 6 Dec 2026 22:01:02 +0700\r\n"
	"Message-ID: <CAF=abc123@mail.gmail.example>\r\n"
	"Subject: =?UTF-8?B?VGjDtG5nIGLDoW8gbOG7i2NoIHRp4bq/cCBjw7RuZyBkw6Ju?=\r\n"
	"From: =?UTF-8?Q?L=C3=AA_V=C4=83n_B=C3=ACnh?= <binh.lv@gmail.example>\r\n"
	"Reply-To: vanphong@xa-an-binh.example.vn\r\n"
	"To: banbientap@example.vn\r\n"
	"Content-Type: multipart/mixed; boundary=\"0000000000001\"\r\n"
	"\r\n"
	"--0000000000001\r\n"
	"Content-Type: multipart/alternative; boundary=\"0000000000002\"\r\n"
	"\r\n"
	"--0000000000002\r\n"
	"Content-Type: text/plain; charset=\"UTF-8\"\r\n"
	"Content-Transfer-Encoding: 8bit\r\n"
	"\r\n"
	"Lịch tiếp dân tháng 12 <đính kèm>\r\n"
	"\r\n"
	"--0000000000002\r\n"
	"Content-Type: text/html; charset=\"UTF-8\"\r\n"
	"\r\n"
	"<div dir=\"ltr\">Lịch tiếp dân tháng 12</div>\r\n"
	"\r\n"
	"--0000000000002--\r\n"
	"--0000000000001\r\n"
	"Content-Type: application/pdf; name*=UTF-8''L%E1%BB%8Bch%20ti%E1%BA%BFp%20d%C3%A2n.pdf\r\n"
	"Content-Disposition: attachment; filename*=UTF-8''L%E1%BB%8Bch%20ti%E1%BA%BFp%20d%C3%A2n.pdf\r\n"
	"Content-Transfer-Encoding: base64\r\n"
	"\r\n"
	/* a small PDF document */
	"JVBERi0xLjQKMSAwIG9iajw8L1R5cGUvQ2F0YWxvZy9QYWdlcyAyIDAgUj4+ZW5kb2JqCjIgMCBv\r\n"
	"Ymo8PC9UeXBlL1BhZ2VzL0tpZHNbMyAwIFJdL0NvdW50IDE+PmVuZG9iagozIDAgb2JqPDwvVHlw\r\n"
	"ZS9QYWdlL1BhcmVudCAyIDAgUi9NZWRpYUJveFswIDAgMyAzXT4+ZW5kb2JqCnRyYWlsZXI8PC9S\r\n"
	"b290IDEgMCBSPj4KJSVFT0YK\r\n"
	"--0000000000001\r\n"
	"Content-Type: application/octet-stream; name=\"=?UTF-8?B?dGjhu60uZXhl?=\"\r\n"
	"Content-Disposition: attachment\r\n"
	"Content-Transfer-Encoding: base64\r\n"
	"\r\n"
	"TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAA\r\n"
	"--0000000000001--\r\n";

/* "Kính gửi Ban biên tập: đề nghị đăng tin họp báo." in windows-1258 (tone marks combining) */
#define CP1258_TEXT                                                                            \
	"Ki\xec" "nh g\xfd\xd2" "i Ban bi\xea" "n t\xe2\xf2" "p: \xf0\xea\xcc" " nghi\xf2" " \xf0\xe3" \
	"ng tin ho\xf2" "p ba\xec" "o."
static const char CP1258_WANT[] = "Kính gửi Ban biên tập: đề nghị đăng tin họp báo.";

static const char CP1258_DECLARED[] = "From: vanthu@ubnd.example.vn\r\n"
				      "Subject: =?windows-1258?Q?Ho=F2p_ba=ECo?=\r\n"
				      "Content-Type: text/plain; charset=windows-1258\r\n"
				      "Content-Transfer-Encoding: 8bit\r\n"
				      "\r\n" CP1258_TEXT "\r\n";

static const char CP1258_UNDECLARED[] = "From: vanthu@ubnd.example.vn\r\n"
					"Subject: Hop bao\r\n"
					"Content-Type: text/plain\r\n"
					"\r\n" CP1258_TEXT "\r\n";

static const char NO_BOUNDARY[] = "From: x@example.vn\r\n"
				  "Subject: thieu boundary\r\n"
				  "Content-Type: multipart/mixed\r\n"
				  "\r\n"
				  "--abc\r\nContent-Type: text/plain\r\n\r\nnoi dung\r\n--abc--\r\n";

static const char BAD_BASE64[] = "From: x@example.vn\r\n"
				 "Subject: base64 hong\r\n"
				 "Content-Type: multipart/mixed; boundary=b\r\n"
				 "\r\n"
				 "--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
				 "@@@!!!***====YWJj====\x01\x02\r\n"
				 "--b\r\nContent-Type: image/png; name=a.png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
				 "iVBORw0KGgo%%%%\r\n"
				 "--b";

static int parse(const char *s, struct mime_mail *m)
{
	return mime_parse(s, strlen(s), m);
}

TEST(mime_outlook_alternative_qp_base64_rfc2047)
{
	struct mime_mail m;
	CHECK(parse(OUTLOOK, &m) == 0);
	CHECK_STR(m.from_name, "Nguyễn Thị Ánh");
	CHECK_STR(m.from_addr, "anh.nt@soyte.example.vn");
	CHECK_STR(m.subject, "Báo cáo tháng 11");
	CHECK_STR(m.message_id, "DM6PR01MB1234@outlook.example");
	CHECK(m.date == 1796606100); /* 2026-12-07 08:15 +0700 */
	CHECK(m.text && strstr(m.text, "Công văn số 12/UBND về việc triển khai") != NULL);
	CHECK(m.html && strstr(m.html, "Thông báo lịch tiếp công dân") != NULL);
	CHECK(m.nAtt == 0 && m.skipped == 0);
	/* the body kept: sanitized, no script, no remote image */
	char *body = mail_intake_body(m.html, m.text);
	CHECK(strstr(body, "Thông báo lịch tiếp công dân") != NULL);
	CHECK(strstr(body, "<script") == NULL && strstr(body, "<img") == NULL && strstr(body, "px.gif") == NULL);
	free(body);
	mime_mail_release(&m);
}

TEST(mime_gmail_mixed_rfc2231_attachments)
{
	struct mime_mail m;
	CHECK(parse(GMAIL, &m) == 0);
	CHECK_STR(m.from_name, "Lê Văn Bình");
	CHECK_STR(m.reply_addr, "vanphong@xa-an-binh.example.vn");
	CHECK_STR(m.subject, "Thông báo lịch tiếp công dân");
	CHECK(m.text && strstr(m.text, "Lịch tiếp dân tháng 12 <đính kèm>") != NULL);
	CHECK(m.nAtt == 2);
	if (m.nAtt == 2) {
		CHECK_STR(m.aAtt[0].name, "Lịch tiếp dân.pdf");
		CHECK_STR(m.aAtt[0].mime, "application/pdf");
		CHECK(m.aAtt[0].len > 100 && memcmp(m.aAtt[0].data, "%PDF-1.4", 8) == 0);
		CHECK_STR(m.aAtt[1].name, "thử.exe");
	}
	/* a text body with markup in it stays text: escaped, never taken for HTML */
	char *body = mail_intake_body(NULL, m.text);
	CHECK(strstr(body, "&lt;đính kèm&gt;") != NULL);
	free(body);
	mime_mail_release(&m);
}

TEST(mime_windows_1258_declared_and_not)
{
	struct mime_mail m;
	CHECK(parse(CP1258_DECLARED, &m) == 0);
	CHECK(m.text && strncmp(m.text, CP1258_WANT, strlen(CP1258_WANT)) == 0);
	CHECK_STR(m.subject, "Họp báo");
	/* NFC: the combining tone marks were composed */
	CHECK(m.text && utf8_valid(m.text, strlen(m.text)));
	mime_mail_release(&m);
	CHECK(parse(CP1258_UNDECLARED, &m) == 0);
	CHECK(m.text && strncmp(m.text, CP1258_WANT, strlen(CP1258_WANT)) == 0);
	mime_mail_release(&m);
}

TEST(mime_malformed_never_fails)
{
	struct mime_mail m;
	CHECK(parse(NO_BOUNDARY, &m) == 0);
	CHECK_STR(m.subject, "thieu boundary");
	CHECK(m.text == NULL || utf8_valid(m.text, strlen(m.text)));
	mime_mail_release(&m);
	CHECK(parse(BAD_BASE64, &m) == 0);
	CHECK_STR(m.subject, "base64 hong");
	CHECK(m.text == NULL || utf8_valid(m.text, strlen(m.text)));
	CHECK(m.nAtt == 1);
	mime_mail_release(&m);
	/* no header at all, nothing, NUL bytes */
	CHECK(mime_parse("", 0, &m) <= 0);
	mime_mail_release(&m);
	CHECK(mime_parse("\0\0\0\r\n\r\n\0", 8, &m) <= 0);
	CHECK(m.subject && m.from_addr);
	mime_mail_release(&m);
	/* multiparts nested 40 deep: the deep ones are skipped, counted */
	struct sb b = SB_INIT;
	sb_adds(&b, "From: a@example.vn\r\nSubject: sau\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n");
	for (int i = 0; i < 40; i++)
		sb_addf(&b, "--b%d\r\nContent-Type: multipart/mixed; boundary=b%d\r\n\r\n", i, i + 1);
	sb_adds(&b, "--b40\r\nContent-Type: text/plain\r\n\r\nday\r\n--b40--\r\n");
	CHECK(mime_parse(b.buf, b.len, &m) == 0);
	CHECK(m.skipped > 0 && m.text == NULL);
	mime_mail_release(&m);
	sb_release(&b);
}

TEST(mime_headers_only)
{
	struct mime_mail m;
	CHECK(mime_parse_headers(GMAIL, strlen(GMAIL), &m) == 0);
	CHECK_STR(m.subject, "Thông báo lịch tiếp công dân");
	CHECK(m.text == NULL && m.nAtt == 0);
	mime_mail_release(&m);
}

TEST(imap_answers_parsed)
{
	int64_t *uids;
	size_t n = imap_parse_search("* SEARCH 3 5 19\r\n", &uids);
	CHECK(n == 3 && uids[0] == 3 && uids[2] == 19);
	free(uids);
	CHECK(imap_parse_search("* SEARCH\r\n", &uids) == 0);
	free(uids);
	struct imap_msg m[4];
	n = imap_parse_fetch("* 1 FETCH (UID 7 RFC822.SIZE 31457280 INTERNALDATE \"07-Dec-2026 21:30:00 +0700\")\r\n"
			     "* 2 FETCH (UID 9 RFC822.SIZE 12 INTERNALDATE \" 1-Jan-2027 00:00:00 +0000\")\r\n",
			     m, 4);
	CHECK(n == 2 && m[0].uid == 7 && m[0].size == 31457280 && m[1].uid == 9);
	CHECK(m[0].internaldate == 1796653800);
	CHECK(m[1].internaldate == 1798761600);
	CHECK(imap_parse_date("32-Foo-2026 25:00:00 +0700") == 0);
}

TEST(mail_intake_store_draft_refuse)
{
	struct db *db = t_fresh_db();
	CHECK(db != NULL);
	if (!db)
		return;
	char slug[64], mslug[64];
	CHECK(t_add_site(db, "Cổng tỉnh", "main", mslug) > 0);
	int64_t site = t_add_site(db, "Sở Y tế", "department", slug);
	struct errs e = { 0 };
	int64_t uid = 0, urep = 0;
	CHECK(user_add(db, "bientap", "Biên tập", "editor", slug, PW, &e, &uid) == 0 || uid);
	e = (struct errs){ 0 };
	CHECK(user_add(db, "phongvien", "Phóng viên", "reporter", slug, PW, &e, &urep) == 0 || urep);
	struct actor ed = { .id = uid, .address = "" }, rep = { .id = urep, .address = "" };
	int64_t id = 0, now = 1796700000;
	CHECK(mail_intake_store(db, site, 77, 1, 1796650000, (int64_t)strlen(GMAIL), GMAIL, strlen(GMAIL), 0, now, &id) == M_OK);
	CHECK(id > 0);
	/* never twice: the same UID, or the same Message-ID under another UID or UIDVALIDITY */
	CHECK(mail_intake_store(db, site, 77, 1, 0, 1, GMAIL, strlen(GMAIL), 0, now, NULL) == 1);
	CHECK(mail_intake_store(db, site, 78, 5, 0, 1, GMAIL, strlen(GMAIL), 0, now, NULL) == 1);
	/* the sender is sealed at rest */
	struct db_stmt *st = db_stmt(db, "SELECT COUNT(*) FROM mail_intake WHERE sender LIKE '%gmail%' OR sender LIKE '%Bình%'");
	int64_t n = -1;
	CHECK(st && db_one_int(st, &n) == 1 && n == 0);
	/* reporters do not see the entries */
	CHECK(mail_intake_list(db, &rep, site, "new", 50, 0, NULL) == NULL);
	json_t *list = mail_intake_list(db, &ed, site, "new", 50, 0, NULL);
	CHECK(json_array_size(list) == 1);
	CHECK_STR(json_string_value(json_object_get(json_array_get(list, 0), "sender_addr")), "binh.lv@gmail.example");
	json_decref(list);
	json_t *m = mail_intake_get(db, &ed, site, id);
	json_t *files = json_object_get(m, "files");
	CHECK(json_array_size(files) == 2);
	CHECK_STR(json_string_value(json_object_get(json_array_get(files, 0), "refused")), "");
	CHECK_STR(json_string_value(json_object_get(json_array_get(files, 0), "mime")), "application/pdf");
	const char *refused = json_string_value(json_object_get(json_array_get(files, 1), "refused"));
	CHECK(refused && *refused);
	CHECK(json_integer_value(json_object_get(m, "received_at")) == 1796650000);
	json_decref(m);
	/* the clock runs from the arrival: a waiting entry is on the deadline lists (overdue a month on) */
	json_t *open = deadline_open(db, &ed, site, now + 30 * 86400);
	int listed = 0;
	size_t k;
	json_t *it;
	char path[64];
	snprintf(path, sizeof(path), "/quan-tri/thu-den/%lld", (long long)id);
	json_array_foreach(json_object_get(open, "overdue"), k, it)
		listed += strcmp(json_string_value(json_object_get(it, "path")) ? json_string_value(json_object_get(it, "path")) : "",
				 path) == 0;
	CHECK(listed == 1);
	json_decref(open);
	/* a draft of a legal document: its required fields refused, the entry still new */
	struct mail_draft_input in = { .kind = "legal", .data_dir = t_dir() };
	int64_t item = 0;
	e = (struct errs){ 0 };
	CHECK(mail_intake_draft(db, &ed, site, id, &in, now, &e, &item) == M_INVALID && e.n > 0);
	CHECK(mail_intake_waiting(db, site) == 1);
	/* a news draft needs its category; then the item carries the intake */
	int64_t cat = 0;
	struct category_input ci = { .name = "Tin tức", .slug = "tin-tuc" };
	e = (struct errs){ 0 };
	CHECK(category_save(db, &actor_cli, site, 0, &ci, &e, &cat) == M_OK || cat > 0);
	in = (struct mail_draft_input){ .kind = "article", .category_id = cat, .data_dir = t_dir() };
	e = (struct errs){ 0 };
	CHECK(mail_intake_draft(db, &rep, site, id, &in, now, &e, &item) == M_DENIED);
	CHECK(mail_intake_draft(db, &ed, site, id, &in, now, &e, &item) == M_OK);
	CHECK(item > 0);
	st = db_stmt(db, "SELECT intake_received_at, intake_email, title FROM items WHERE id = ?1");
	db_bind_int(st, 1, item);
	json_t *row = db_one_json(st);
	CHECK(json_integer_value(json_object_get(row, "intake_received_at")) == 1796650000);
	CHECK_STR(json_string_value(json_object_get(row, "title")), "Thông báo lịch tiếp công dân");
	CHECK_STR(json_string_value(json_object_get(row, "intake_email")), "binh.lv@gmail.example");
	json_decref(row);
	json_t *att = article_attachments(db, item);
	CHECK(json_array_size(att) == 1);
	json_decref(att);
	/* decided, the entry leaves the deadline lists: the draft is on them by its own rule */
	open = deadline_open(db, &ed, site, now + 30 * 86400);
	listed = 0;
	json_array_foreach(json_object_get(open, "overdue"), k, it)
		listed += json_string_value(json_object_get(it, "path")) != NULL;
	CHECK(listed == 0);
	json_decref(open);
	/* decided once */
	e = (struct errs){ 0 };
	CHECK(mail_intake_draft(db, &ed, site, id, &in, now, &e, &item) == M_INVALID);
	e = (struct errs){ 0 };
	CHECK(mail_intake_refuse(db, &ed, site, id, "trùng", NULL, now, &e) == M_INVALID);
	/* a refusal of another message: the reason required; the sender told through the outbox */
	int64_t id2 = 0;
	CHECK(mail_intake_store(db, site, 77, 2, 0, 0, OUTLOOK, strlen(OUTLOOK), 0, now, &id2) == M_OK);
	st = db_stmt(db, "INSERT INTO mail_boxes (site_id, notify) VALUES (?1, 1)");
	db_bind_int(st, 1, site);
	CHECK(db_step_done(st) == 0);
	e = (struct errs){ 0 };
	CHECK(mail_intake_refuse(db, &ed, site, id2, "  ", NULL, now, &e) == M_INVALID);
	e = (struct errs){ 0 };
	CHECK(mail_intake_refuse(db, &ed, site, id2, "Không thuộc phạm vi", NULL, now, &e) == M_OK);
	st = db_stmt(db, "SELECT COUNT(*) FROM mail_outbox WHERE site_id = ?1 AND body LIKE '%Không thuộc phạm vi%'"
			 " AND rcpt NOT LIKE '%soyte%'");
	db_bind_int(st, 1, site);
	n = -1;
	CHECK(st && db_one_int(st, &n) == 1 && n == 1);
	CHECK(mail_intake_waiting(db, site) == 0);
	/* too large: the header alone, marked */
	int64_t id3 = 0;
	CHECK(mail_intake_store(db, site, 77, 3, 0, 31457280, "From: a@b.vn\r\nSubject: lon\r\n\r\n", 29, 1, now, &id3) == M_OK);
	m = mail_intake_get(db, &ed, site, id3);
	CHECK_STR(json_string_value(json_object_get(m, "problem")), "intake_too_large");
	CHECK(json_integer_value(json_object_get(m, "size")) == 31457280);
	json_decref(m);
	db_close(db);
}

TEST(mailbox_settings_sealed_and_checked)
{
	struct db *db = t_fresh_db();
	CHECK(db != NULL);
	if (!db)
		return;
	char slug[64], mslug[64];
	CHECK(t_add_site(db, "Cổng tỉnh", "main", mslug) > 0);
	int64_t site = t_add_site(db, "Sở Nội vụ", "department", slug);
	struct errs e = { 0 };
	int64_t uid = 0, uad = 0;
	CHECK(user_add(db, "bientapnv", "Biên tập", "editor", slug, PW, &e, &uid) == 0 || uid);
	e = (struct errs){ 0 };
	CHECK(user_add(db, "quantrinv", "Quản trị", "siteadmin", slug, PW, &e, &uad) == 0 || uad);
	struct actor ed = { .id = uid, .address = "" }, ad = { .id = uad, .address = "" };
	struct mailbox_input in = { .url = "imaps://mail.example.vn", .username = "banbientap", .password = "bi-mat-123",
				    .folder = "INBOX", .tls = "require", .enabled = 1, .notify = 1, .max_mb = "25", .interval = "10" };
	e = (struct errs){ 0 };
	CHECK(mailbox_save(db, &ed, site, &in, 1, &e) == M_DENIED);
	CHECK(mailbox_save(db, &ad, site, &in, 1, &e) == M_OK);
	struct db_stmt *st = db_stmt(db, "SELECT COUNT(*) FROM mail_boxes WHERE password LIKE '%bi-mat%' OR password = ''");
	int64_t n = -1;
	CHECK(st && db_one_int(st, &n) == 1 && n == 0);
	json_t *b = mailbox_get(db, &ad, site);
	CHECK(json_is_true(json_object_get(b, "has_password")) && !json_object_get(b, "password"));
	json_decref(b);
	/* refusals, field by field */
	struct mailbox_input bad = { .url = "http://user:pw@x", .folder = "IN\"BOX", .tls = "maybe", .max_mb = "500",
				     .interval = "0", .enabled = 1 };
	e = (struct errs){ 0 };
	CHECK(mailbox_save(db, &ad, site, &bad, 2, &e) == M_INVALID && e.n == 5);
	/* an empty password keeps the stored one */
	in.password = "";
	e = (struct errs){ 0 };
	CHECK(mailbox_save(db, &ad, site, &in, 3, &e) == M_OK);
	b = mailbox_get(db, &ad, site);
	CHECK(json_is_true(json_object_get(b, "has_password")));
	json_decref(b);
	CHECK(mailboxes_due(db, 4) == 1);
	/* "read now": the administrators, audited */
	CHECK(mailbox_pull_request(db, &ed, site) == M_DENIED);
	CHECK(mailbox_pull_request(db, &ad, site) == M_OK);
	st = db_stmt(db, "SELECT COUNT(*) FROM audit WHERE action = 'intake.pull_request'");
	n = -1;
	CHECK(st && db_one_int(st, &n) == 1 && n == 1);
	st = db_stmt(db, "SELECT COUNT(*) FROM audit WHERE action = 'intake.mailbox' AND detail LIKE '%bi-mat%'");
	n = -1;
	CHECK(st && db_one_int(st, &n) == 1 && n == 0);
	db_close(db);
}

/* The due time of entry ID, or -1 when it has none. */
static int64_t entry_due(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT coalesce(due_at, -1) FROM mail_intake WHERE id = ?1");
	int64_t v = -2;
	if (st) {
		db_bind_int(st, 1, id);
		if (db_one_int(st, &v) != 1)
			v = -2;
	}
	return v;
}

/* What the rule "khac" of SITE gives for RECEIVED now, counted directly. */
static int64_t khac_due(struct db *db, int64_t site, int64_t received)
{
	struct vn_calendar *cal = calendar_load(db);
	int64_t due = -1;
	if (deadline_due(db, cal, site, "khac", 1, received, 0, &due, NULL) != 0)
		due = -1;
	vn_calendar_free(cal);
	return due;
}

TEST(mail_intake_due_follows_the_rule_khac)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db != NULL))
		return;
	char slug[64], mslug[64];
	CHECK(t_add_site(db, "Cổng tỉnh", "main", mslug) > 0);
	int64_t site = t_add_site(db, "Sở Y tế", "department", slug), id = 0, decided = 0, now = 1796700000;
	int64_t received = 1796650000;
	CHECK(mail_intake_store(db, site, 77, 1, received, (int64_t)strlen(GMAIL), GMAIL, strlen(GMAIL), 0, now, &id) == M_OK);
	CHECK(mail_intake_store(db, site, 77, 2, received, (int64_t)strlen(OUTLOOK), OUTLOOK, strlen(OUTLOOK), 0, now,
				&decided) == M_OK);
	int64_t due0 = entry_due(db, id);
	CHECK(due0 > received && due0 == khac_due(db, site, received));
	/* a decided entry keeps the due time it had */
	CHECK(db_exec(db, "UPDATE mail_intake SET state = 'refused' WHERE uid = 2") == 0);
	/* the province's rule, which the site follows, is changed: the waiting entry follows it */
	struct errs e = { 0 };
	CHECK(deadline_rule_save(db, &actor_cli, 0, "khac", "30", "workdays", &e) == M_OK);
	int64_t due1 = entry_due(db, id);
	CHECK(due1 > due0 + 20 * 86400 && due1 == khac_due(db, site, received));
	CHECK(entry_due(db, decided) == due0);
	/* the site's own rule, then: the entry follows it, and no longer the province's */
	CHECK(deadline_rule_save(db, &actor_cli, site, "khac", "2", "workdays", &e) == M_OK);
	int64_t due2 = entry_due(db, id);
	CHECK(due2 < due1 && due2 == khac_due(db, site, received));
	CHECK(deadline_rule_save(db, &actor_cli, 0, "khac", "40", "workdays", &e) == M_OK);
	CHECK(entry_due(db, id) == due2);
	CHECK(mail_intake_due_recompute(db, NULL, site) == 0); /* nothing left to change */
	db_close(db);
}

/* A CA certificate made by openssl for these tests ("Cong Unit CA", until 2036). */
static const char UNIT_CA[] =
	"-----BEGIN CERTIFICATE-----\n"
	"MIIBrTCCAVOgAwIBAgIUFc2CxkGSlduvkwHBjG0+u5YrLNgwCgYIKoZIzj0EAwIw\n"
	"LDETMBEGA1UECgwKQ29uZyB0ZXN0czEVMBMGA1UEAwwMQ29uZyBVbml0IENBMB4X\n"
	"DTI2MTIwNzIyMzU1OVoXDTM2MTIwNDIyMzU1OVowLDETMBEGA1UECgwKQ29uZyB0\n"
	"ZXN0czEVMBMGA1UEAwwMQ29uZyBVbml0IENBMFkwEwYHKoZIzj0CAQYIKoZIzj0D\n"
	"AQcDQgAESk9j3M2FJlZ5sqPCrjVcUbv0KZx6VY7s/8EJ2SjO6Gwt4kDv6F09oxUn\n"
	"elS4fQfPW5xMklJ1sYNFnSxbYmRkOKNTMFEwHQYDVR0OBBYEFFMhH7lpxnAiU265\n"
	"BTtg4LTlM3djMB8GA1UdIwQYMBaAFFMhH7lpxnAiU265BTtg4LTlM3djMA8GA1Ud\n"
	"EwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIhANmXRqVSZLka4aG5VqLeF8kx\n"
	"VhVAE8vYhrhMH/aKCMGOAiASbbPLvpCr+WvNHZ5TCksVPHwV1fC/AkJZzvb3MPo9\n"
	"rQ==\n"
	"-----END CERTIFICATE-----\n";

TEST(mailbox_private_ca_read_and_stored)
{
	/* GnuTLS reads it again as PEM, without the text pasted around it */
	struct sb out = SB_INIT;
	json_t *info = NULL;
	char *pasted = NULL;
	if (asprintf(&pasted, "Chứng chỉ của Sở:\r\n%s\r\n-- hết --", UNIT_CA) < 0)
		return;
	CHECK(imap_ca_read(pasted, &out, &info) == 1);
	CHECK(strncmp(out.buf, "-----BEGIN CERTIFICATE-----", 27) == 0 && !strstr(out.buf, "Sở") && !strstr(out.buf, "hết"));
	CHECK(strstr(json_string_value(json_object_get(json_array_get(info, 0), "subject")), "CN=Cong Unit CA") != NULL);
	CHECK(json_integer_value(json_object_get(json_array_get(info, 0), "expires")) > 2080000000);
	json_decref(info);
	/* two certificates; nothing; a broken body; a key instead of a certificate */
	char *two = NULL;
	CHECK(asprintf(&two, "%s%s", UNIT_CA, UNIT_CA) > 0 && imap_ca_read(two, &out, NULL) == 2);
	free(two);
	CHECK(imap_ca_read("", &out, NULL) == -1 && out.len == 0);
	CHECK(imap_ca_read("không phải chứng chỉ", &out, NULL) == -1);
	CHECK(imap_ca_read("-----BEGIN CERTIFICATE-----\nTUlJQgo=\n-----END CERTIFICATE-----\n", &out, NULL) == -1 && out.len == 0);
	sb_release(&out);

	/* the settings: refused next to the field; stored clean; NULL keeps it; "" removes it */
	struct db *db = t_fresh_db();
	if (!CHECK(db != NULL)) {
		free(pasted);
		return;
	}
	char slug[64], mslug[64];
	CHECK(t_add_site(db, "Cổng tỉnh", "main", mslug) > 0);
	int64_t site = t_add_site(db, "Sở Nội vụ", "department", slug);
	struct mailbox_input in = { .url = "imaps://mail.sonoivu.example.vn", .username = "banbientap", .password = "x",
				    .folder = "INBOX", .tls = "require", .enabled = 1, .max_mb = "25", .interval = "10",
				    .ca_pem = "-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----" };
	struct errs e = { 0 };
	CHECK(mailbox_save(db, &actor_cli, site, &in, 1, &e) == M_INVALID && e.n == 1 &&
	      strcmp(e.e[0].field, "ca_pem") == 0 && strcmp(e.e[0].key, "intake_ca_invalid") == 0);
	in.ca_pem = pasted;
	e = (struct errs){ 0 };
	CHECK(mailbox_save(db, &actor_cli, site, &in, 1, &e) == M_OK);
	json_t *b = mailbox_get(db, &actor_cli, site);
	const char *stored = json_string_value(json_object_get(b, "ca_pem"));
	CHECK(stored && strncmp(stored, "-----BEGIN CERTIFICATE-----", 27) == 0 && !strstr(stored, "hết"));
	CHECK(json_array_size(json_object_get(b, "ca")) == 1);
	json_decref(b);
	in.ca_pem = NULL;
	CHECK(mailbox_save(db, &actor_cli, site, &in, 2, &e) == M_OK);
	b = mailbox_get(db, &actor_cli, site);
	CHECK(json_array_size(json_object_get(b, "ca")) == 1);
	json_decref(b);
	in.ca_pem = " \r\n";
	CHECK(mailbox_save(db, &actor_cli, site, &in, 3, &e) == M_OK);
	b = mailbox_get(db, &actor_cli, site);
	CHECK_STR(json_string_value(json_object_get(b, "ca_pem")), "");
	CHECK(json_array_size(json_object_get(b, "ca")) == 0);
	json_decref(b);
	free(pasted);
	db_close(db);
}
