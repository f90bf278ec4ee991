/* mailintake.c — intake by e-mail: the mailbox's settings, the pulls, the board's entries
 * (mailintake.h). */
#include "internal.h"
#include "mailintake.h"
#include "deadline.h"
#include "calendar.h"
#include "kind.h"
#include "pdata.h"
#include "db/db.h"
#include "mail/imap.h"
#include "mail/mail.h"
#include "mail/mime.h"
#include "render/sanitize.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/utf8.h"
#include "base/util.h"
#include "vn/calendar.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define MAX_MB_DEFAULT 25
#define PULL_BATCH 50       /* messages taken in one pull of a mailbox; the rest at the next */
#define REASON_MAX 2000

/* ---- settings ---- */

int mailbox_may_manage(struct db *db, const struct actor *a, int64_t site_id)
{
	return actor_level(db, a, site_id) >= LVL_SITEADMIN;
}

int mail_intake_may_see(struct db *db, const struct actor *a, int64_t site_id)
{
	return actor_level(db, a, site_id) >= LVL_EDITOR;
}

static json_t *box_row(struct db *db, int64_t site_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT site_id, url, username, password, folder, tls, enabled, notify, max_kb,"
				       " interval_minutes, pull_asked, last_pull_at, last_ok_at, last_error, last_detail,"
				       " uidvalidity, taken, ca_pem FROM mail_boxes WHERE site_id = ?1");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	return db_one_json(st);
}

json_t *mailbox_get(struct db *db, const struct actor *a, int64_t site_id)
{
	if (!mailbox_may_manage(db, a, site_id))
		return NULL;
	json_t *row = box_row(db, site_id);
	if (!row) { /* never set: the defaults of migration 0048 */
		row = json_object();
		json_object_set_new(row, "site_id", json_integer(site_id));
		static const char *const texts[][2] = { { "url", "" }, { "username", "" }, { "password", "" }, { "folder", "INBOX" },
							{ "tls", "require" }, { "last_error", "" }, { "last_detail", "" },
							{ "ca_pem", "" } };
		for (size_t i = 0; i < ARRAY_SIZE(texts); i++)
			json_object_set_new(row, texts[i][0], json_string(texts[i][1]));
		static const struct {
			const char *key;
			json_int_t v;
		} ints[] = { { "enabled", 0 }, { "notify", 1 }, { "max_kb", MAX_MB_DEFAULT * 1024 }, { "interval_minutes", 10 },
			     { "pull_asked", 0 }, { "last_pull_at", 0 }, { "taken", 0 } };
		for (size_t i = 0; i < ARRAY_SIZE(ints); i++)
			json_object_set_new(row, ints[i].key, json_integer(ints[i].v));
		json_object_set_new(row, "last_ok_at", json_null());
	}
	const char *pw = json_string_value(json_object_get(row, "password"));
	json_object_set_new(row, "has_password", json_boolean(pw && *pw));
	json_object_del(row, "password");
	json_object_set_new(row, "max_mb", json_integer(json_integer_value(json_object_get(row, "max_kb")) / 1024));
	/* the trusted certificates as the page shows them: whom they name, until when */
	const char *ca = json_string_value(json_object_get(row, "ca_pem"));
	json_t *info = NULL;
	struct sb pem = SB_INIT;
	if (ca && *ca)
		imap_ca_read(ca, &pem, &info);
	json_object_set_new(row, "ca", info ? info : json_array());
	sb_release(&pem);
	return row;
}

static int one_line(const char *s)
{
	return !s || (!strchr(s, '\r') && !strchr(s, '\n') && utf8_valid(s, strlen(s)));
}

/* imap:// or imaps://, a host, an optional port, nothing after (no credentials, no path). */
static int url_valid(const char *u)
{
	const char *h;
	if (strncmp(u, "imaps://", 8) == 0)
		h = u + 8;
	else if (strncmp(u, "imap://", 7) == 0)
		h = u + 7;
	else
		return 0;
	if (!*h || *h == ':' || *h == '/')
		return 0;
	size_t n = strlen(h);
	if (h[n - 1] == '/')
		n--;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)h[i];
		if (c <= ' ' || c >= 0x7f || c == '@' || c == '/' || c == '?' || c == '#' || c == '\\')
			return 0;
	}
	return 1;
}

static int folder_valid(const char *f)
{
	for (; *f; f++)
		if ((unsigned char)*f < ' ' || (unsigned char)*f >= 0x7f || *f == '"' || *f == '\\')
			return 0;
	return 1;
}

int mailbox_save(struct db *db, const struct actor *a, int64_t site_id, const struct mailbox_input *in, int64_t now,
		 struct errs *e)
{
	if (!mailbox_may_manage(db, a, site_id))
		return M_DENIED;
	const char *url = in->url ? in->url : "", *folder = in->folder && *in->folder ? in->folder : "INBOX";
	const char *tls = in->tls && *in->tls ? in->tls : "require";
	int64_t mb = MAX_MB_DEFAULT, interval = 10;
	if (*url && !url_valid(url))
		errs_add(e, "url", "intake_url_invalid");
	if (in->enabled && !*url)
		errs_add(e, "url", "required");
	if (!one_line(in->username) || (in->username && strlen(in->username) > 200))
		errs_add(e, "username", "invalid_utf8");
	if (!one_line(in->password))
		errs_add(e, "password", "invalid_utf8");
	if (!folder_valid(folder) || strlen(folder) > 200)
		errs_add(e, "folder", "intake_folder_invalid");
	if (strcmp(tls, "none") && strcmp(tls, "try") && strcmp(tls, "require"))
		errs_add(e, "tls", "smtp_tls_invalid");
	if (in->max_mb && *in->max_mb && parse_i64(in->max_mb, 1, 100, &mb))
		errs_add(e, "max_mb", "intake_max_mb_invalid");
	if (in->interval && *in->interval && parse_i64(in->interval, 1, 1440, &interval))
		errs_add(e, "interval", "intake_interval_invalid");
	/* the certificates pasted, read and written again as PEM: only certificates are stored */
	struct sb ca = SB_INIT;
	int keep_ca = !in->ca_pem;
	if (in->ca_pem && in->ca_pem[strspn(in->ca_pem, " \t\r\n")] && imap_ca_read(in->ca_pem, &ca, NULL) < 0)
		errs_add(e, "ca_pem", "intake_ca_invalid");
	if (e->n) {
		sb_release(&ca);
		return M_INVALID;
	}
	char *sealed = NULL;
	if (in->password && *in->password && !in->clear_password && !(sealed = pdata_seal(in->password))) {
		sb_release(&ca);
		return M_ERROR;
	}
	if (db_begin(db)) {
		free(sealed);
		sb_release(&ca);
		return M_ERROR;
	}
	/* a changed address or folder is another mailbox: its UIDs start again */
	struct db_stmt *st = db_stmt(db, "INSERT INTO mail_boxes (site_id, url, username, password, folder, tls, enabled, notify,"
				       " max_kb, interval_minutes, pull_asked, updated_at, ca_pem)"
				       " VALUES (?1, ?2, ?3, COALESCE(?4, ''), ?5, ?6, ?7, ?8, ?9, ?10, ?7, ?11, COALESCE(?13, ''))"
				       " ON CONFLICT (site_id) DO UPDATE SET"
				       " uidvalidity = CASE WHEN mail_boxes.url = excluded.url AND mail_boxes.folder = excluded.folder"
				       "   THEN mail_boxes.uidvalidity ELSE 0 END,"
				       " url = excluded.url, username = excluded.username,"
				       " password = CASE WHEN ?12 <> 0 THEN '' WHEN ?4 IS NULL THEN mail_boxes.password ELSE ?4 END,"
				       " folder = excluded.folder, tls = excluded.tls, enabled = excluded.enabled, notify = excluded.notify,"
				       " max_kb = excluded.max_kb, interval_minutes = excluded.interval_minutes,"
				       " pull_asked = excluded.enabled, updated_at = excluded.updated_at,"
				       " ca_pem = COALESCE(?13, mail_boxes.ca_pem)");
	int rc = M_ERROR;
	if (st) {
		char *user = text_clean(in->username, 0);
		db_bind_int(st, 1, site_id);
		db_bind_text(st, 2, url);
		db_bind_text(st, 3, user ? user : "");
		if (sealed)
			db_bind_text(st, 4, sealed);
		else
			db_bind_null(st, 4);
		db_bind_text(st, 5, folder);
		db_bind_text(st, 6, tls);
		db_bind_int(st, 7, in->enabled ? 1 : 0);
		db_bind_int(st, 8, in->notify ? 1 : 0);
		db_bind_int(st, 9, mb * 1024);
		db_bind_int(st, 10, interval);
		db_bind_int(st, 11, now);
		db_bind_int(st, 12, in->clear_password ? 1 : 0);
		if (keep_ca)
			db_bind_null(st, 13);
		else
			db_bind_text(st, 13, ca.buf);
		free(user);
		char detail[400];
		/* the record names what changed, never the password */
		snprintf(detail, sizeof(detail), "%s %s; tls %s; %s; %s%s%s", url, folder, tls, in->enabled ? "bật" : "tắt",
			 in->notify ? "báo người gửi" : "không báo",
			 in->clear_password ? "; mật khẩu đã xóa" : sealed ? "; mật khẩu đã đổi" : "",
			 keep_ca ? "" : ca.len ? "; chứng chỉ CA riêng" : "; không có chứng chỉ CA riêng");
		if (!db_step_done(st) && !audit_write(db, a, site_id, "intake.mailbox", "imap", detail) && !db_commit(db))
			rc = M_OK;
	}
	if (rc != M_OK)
		db_rollback(db);
	if (sealed) {
		sodium_memzero(sealed, strlen(sealed));
		free(sealed);
	}
	sb_release(&ca);
	return rc;
}

int mailbox_pull_request(struct db *db, const struct actor *a, int64_t site_id)
{
	if (!mailbox_may_manage(db, a, site_id))
		return M_DENIED;
	struct db_stmt *st = db_stmt(db, "UPDATE mail_boxes SET pull_asked = 1 WHERE site_id = ?1 AND enabled = 1");
	if (!st || db_begin(db))
		return M_ERROR;
	db_bind_int(st, 1, site_id);
	if (db_step_done(st)) {
		db_rollback(db);
		return M_ERROR;
	}
	if (!db_changes(db)) {
		db_rollback(db);
		return M_NOTFOUND;
	}
	if (audit_write(db, a, site_id, "intake.pull_request", "imap", "") || db_commit(db)) {
		db_rollback(db);
		return M_ERROR;
	}
	return M_OK;
}

/* ---- storing a message ---- */

static void add_paragraphs(struct sb *b, const char *text)
{
	const char *p = text;
	while (*p) {
		while (*p == '\n')
			p++;
		if (!*p)
			break;
		const char *end = strstr(p, "\n\n");
		size_t n = end ? (size_t)(end - p) : strlen(p);
		sb_adds(b, "<p>");
		const char *q = p;
		while (q < p + n) {
			const char *nl = memchr(q, '\n', (size_t)(p + n - q));
			size_t k = nl ? (size_t)(nl - q) : (size_t)(p + n - q);
			sb_add_html(b, q, k);
			if (nl) {
				sb_adds(b, "<br>");
				q = nl + 1;
			} else {
				q += k;
			}
		}
		sb_adds(b, "</p>\n");
		p += n;
	}
}

/* S (the sanitizer's output) without its images, in place: a mail's pictures are remote ones
 * (which tell the sender when and where the mail was read) or parts of the mail, which come as
 * attachments. In the sanitizer's output "<img " only starts an element and its attributes
 * have '>' escaped, so the element ends at the next '>'. */
static void drop_images(char *s)
{
	char *w = s;
	for (const char *r = s; *r;) {
		if (strncmp(r, "<img ", 5) == 0 || strncmp(r, "<img>", 5) == 0) {
			const char *end = strchr(r, '>');
			r = end ? end + 1 : r + strlen(r);
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

char *mail_intake_body(const char *html, const char *text)
{
	if (html && *html) {
		char *s = html_sanitize(html, strlen(html), NULL);
		drop_images(s);
		/* an HTML body with no words (an image of the letter) says less than its text */
		char *words = html_to_text(s, strlen(s));
		int empty = !words || !*words;
		free(words);
		if (!empty || !text || !*text)
			return s;
		free(s);
	}
	struct sb b = SB_INIT;
	add_paragraphs(&b, text ? text : "");
	char *s = html_sanitize(b.buf, b.len, NULL);
	sb_release(&b);
	return s;
}

static int taken_before(struct db *db, int64_t site_id, int64_t uidvalidity, int64_t uid, const char *msgid)
{
	struct db_stmt *st = db_stmt(db, "SELECT COUNT(*) FROM mail_intake WHERE site_id = ?1 AND"
				       " ((uidvalidity = ?2 AND uid = ?3) OR (?4 <> '' AND message_id = ?4))");
	int64_t n = 0;
	if (!st)
		return -1;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, uidvalidity);
	db_bind_int(st, 3, uid);
	db_bind_text(st, 4, msgid);
	if (db_one_int(st, &n) < 0)
		return -1;
	return n > 0;
}

static char *b64(const unsigned char *data, size_t len)
{
	size_t n = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_ORIGINAL);
	char *out = xmalloc(n);
	sodium_bin2base64(out, n, data ? data : (const unsigned char *)"", len, sodium_base64_VARIANT_ORIGINAL);
	return out;
}

static int store_files(struct db *db, int64_t intake_id, const struct mime_mail *m)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO mail_intake_files (intake_id, position, name, mime, size, refused, data)"
				       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	if (!st)
		return -1;
	for (size_t i = 0; i < m->nAtt; i++) {
		const struct mime_attachment *at = &m->aAtt[i];
		struct errs fe = { 0 };
		const char *found = NULL;
		/* the media checks (type by content, size, an image's dimensions): what they refuse
		 * is listed with the reason and not kept */
		int ok = media_file_check_mime(at->data ? at->data : (const unsigned char *)"", at->len, &fe, &found) == M_OK &&
			 found;
		char *data = ok ? b64(at->data, at->len) : NULL;
		db_bind_int(st, 1, intake_id);
		db_bind_int(st, 2, (int64_t)i);
		db_bind_text(st, 3, at->name);
		db_bind_text(st, 4, ok ? found : at->mime);
		db_bind_int(st, 5, (int64_t)at->len);
		db_bind_text(st, 6, ok ? "" : fe.n ? fe.e[0].key : "media_type");
		if (data)
			db_bind_text(st, 7, data);
		else
			db_bind_null(st, 7);
		int rc = db_step_done(st);
		free(data);
		if (rc)
			return -1;
	}
	return 0;
}

int mail_intake_store(struct db *db, int64_t site_id, int64_t uidvalidity, int64_t uid, int64_t received_at, int64_t size,
		      const void *raw, size_t len, int header_only, int64_t now, int64_t *id)
{
	struct mime_mail m;
	int parsed = header_only ? mime_parse_headers(raw, len, &m) : mime_parse(raw, len, &m);
	const char *problem = header_only ? "intake_too_large" : parsed ? "intake_unreadable" : m.skipped ? "intake_parts_skipped" : "";
	int rc = M_ERROR;
	char *sender = NULL, *body = NULL;
	char tag[PDATA_TAG_LEN + 1] = "";
	if (db_begin(db))
		goto out;
	int seen = taken_before(db, site_id, uidvalidity, uid, m.message_id);
	if (seen < 0)
		goto fail;
	if (seen) {
		db_rollback(db);
		rc = 1;
		goto out;
	}
	json_t *who = json_pack("{ssssss}", "name", m.from_name, "addr", m.from_addr, "reply", m.reply_addr);
	sender = pdata_seal_json(who);
	json_decref(who);
	if (!sender)
		goto fail;
	if (*m.from_addr && pdata_tag("email", m.from_addr, tag))
		goto fail;
	body = header_only || parsed ? xstrdup("") : mail_intake_body(m.html, m.text);
	if (received_at <= 0)
		received_at = m.date > 0 ? m.date : now;
	/* the clock starts at the arrival: a waiting entry is due by the rule for other information
	 * ("khac") and on the deadline lists until the board decides (deadline.h) */
	int64_t due = 0;
	struct vn_calendar *cal = calendar_load(db);
	int has_due = deadline_due(db, cal, site_id, "khac", 1, received_at, 0, &due, NULL) == 0;
	vn_calendar_free(cal);
	struct db_stmt *st = db_stmt(db, "INSERT INTO mail_intake (site_id, uidvalidity, uid, message_id, sender, sender_tag,"
				       " subject, received_at, size, body, problem, created_at, due_at)"
				       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) RETURNING id");
	int64_t new_id = 0;
	if (!st)
		goto fail;
	char *subject = utf8_ellipsize(m.subject, 300);
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, uidvalidity);
	db_bind_int(st, 3, uid);
	db_bind_text(st, 4, m.message_id);
	db_bind_text(st, 5, sender);
	db_bind_text(st, 6, tag);
	db_bind_text(st, 7, subject ? subject : m.subject);
	db_bind_int(st, 8, received_at);
	db_bind_int(st, 9, size > 0 ? size : (int64_t)len);
	db_bind_text(st, 10, body);
	db_bind_text(st, 11, problem);
	db_bind_int(st, 12, now);
	if (has_due)
		db_bind_int(st, 13, due);
	else
		db_bind_null(st, 13);
	int irc = db_one_int(st, &new_id) != 1;
	free(subject);
	if (irc || store_files(db, new_id, &m))
		goto fail;
	st = db_stmt(db, "UPDATE mail_boxes SET taken = taken + 1 WHERE site_id = ?1");
	if (!st)
		goto fail;
	db_bind_int(st, 1, site_id);
	if (db_step_done(st) || db_commit(db))
		goto fail;
	if (id)
		*id = new_id;
	rc = M_OK;
	goto out;
fail:
	db_rollback(db);
out:
	free(sender);
	free(body);
	mime_mail_release(&m);
	return rc;
}

/* ---- pulling ---- */

int mailboxes_due(struct db *db, int64_t now)
{
	struct db_stmt *st = db_stmt(db, "SELECT COUNT(*) FROM mail_boxes WHERE enabled = 1 AND url <> ''"
				       " AND (pull_asked = 1 OR last_pull_at + interval_minutes * 60 <= ?1)");
	int64_t n = 0;
	if (!st)
		return -1;
	db_bind_int(st, 1, now);
	if (db_one_int(st, &n) < 0)
		return -1;
	return n > 0;
}

static int record_pull(struct db *db, int64_t site_id, int64_t now, int64_t uidvalidity, const char *error,
		       const char *detail)
{
	struct db_stmt *st = db_stmt(db, "UPDATE mail_boxes SET pull_asked = 0, last_pull_at = ?2,"
				       " last_ok_at = CASE WHEN ?3 = '' THEN ?2 ELSE last_ok_at END, last_error = ?3, last_detail = ?4,"
				       " uidvalidity = CASE WHEN ?5 > 0 THEN ?5 ELSE uidvalidity END WHERE site_id = ?1");
	if (!st)
		return -1;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, now);
	db_bind_text(st, 3, error);
	db_bind_text(st, 4, detail);
	db_bind_int(st, 5, uidvalidity);
	return db_step_done(st);
}

int mailbox_pull(struct db *db, int64_t site_id, int64_t now, int (*stop)(void *), void *arg, int *taken)
{
	if (taken)
		*taken = 0;
	json_t *box = box_row(db, site_id);
	if (!box)
		return M_NOTFOUND;
	const char *sealed = json_string_value(json_object_get(box, "password"));
	char *password = sealed && *sealed ? pdata_open(sealed) : NULL;
	const char *tls = json_string_value(json_object_get(box, "tls"));
	struct imap_config cfg = {
		.url = json_string_value(json_object_get(box, "url")),
		.user = json_string_value(json_object_get(box, "username")),
		.password = password,
		.folder = json_string_value(json_object_get(box, "folder")),
		.tls = strcmp(tls, "none") == 0 ? MAIL_TLS_NONE : strcmp(tls, "try") == 0 ? MAIL_TLS_TRY : MAIL_TLS_REQUIRE,
		.timeout = 120,
		.ca_pem = json_string_value(json_object_get(box, "ca_pem")),
		.stop = stop,
		.arg = arg,
	};
	size_t max = (size_t)json_integer_value(json_object_get(box, "max_kb")) * 1024;
	char err[512] = "";
	const char *error = "";
	int64_t uidvalidity = 0;
	int n = 0, rc = M_OK;
	struct imap_session *s = imap_open(&cfg);
	struct imap_msg *msgs = NULL;
	size_t count = 0;
	if (sealed && *sealed && !password) {
		error = "intake_err_password";
		snprintf(err, sizeof(err), "the stored password does not open (another secret.key?)");
	} else if (!s) {
		error = "intake_err_connect";
		snprintf(err, sizeof(err), "libcurl could not start");
	} else if (imap_uidvalidity(s, &uidvalidity, err, sizeof(err)) || imap_unseen(s, PULL_BATCH, &msgs, &count, err, sizeof(err))) {
		/* an untrusted certificate says so: the admin's remedy is the CA setting, not the password */
		error = imap_tls_refused(s) ? "intake_err_tls" : "intake_err_connect";
	}
	for (size_t i = 0; !*error && i < count && !(stop && stop(arg)); i++) {
		struct sb raw = SB_INIT;
		/* a message over the limit is kept as its header, marked too large: never fetched whole */
		int header_only = msgs[i].size > (int64_t)max;
		if (imap_fetch(s, msgs[i].uid, header_only, header_only ? (1u << 20) : max + 4096, &raw, err, sizeof(err))) {
			error = "intake_err_fetch";
			sb_release(&raw);
			break;
		}
		int64_t id = 0;
		int src = mail_intake_store(db, site_id, uidvalidity, msgs[i].uid, msgs[i].internaldate, msgs[i].size, raw.buf, raw.len,
					    header_only, now, &id);
		sb_release(&raw);
		if (src == M_ERROR) {
			rc = M_ERROR;
			break;
		}
		if (src == M_OK)
			n++;
		/* kept (or known already): seen on the server, so that no mail program shows it as
		 * new and the next pull does not ask for it again */
		if (imap_mark_seen(s, msgs[i].uid, err, sizeof(err))) {
			error = "intake_err_flag";
			break;
		}
	}
	free(msgs);
	imap_close(s);
	if (password) {
		sodium_memzero(password, strlen(password));
		free(password);
	}
	if (*error)
		log_warn("mail intake: site %lld: %s: %s", (long long)site_id, error, err);
	if (record_pull(db, site_id, now, uidvalidity, error, *error ? err : ""))
		rc = M_ERROR;
	json_decref(box);
	if (taken)
		*taken = n;
	return rc;
}

int mailboxes_pull_due(struct db *db, int64_t now, int (*stop)(void *), void *arg, int *taken, int *failed)
{
	struct db_stmt *st = db_stmt(db, "SELECT site_id FROM mail_boxes WHERE enabled = 1 AND url <> ''"
				       " AND (pull_asked = 1 OR last_pull_at + interval_minutes * 60 <= ?1) ORDER BY last_pull_at, site_id");
	if (!st)
		return M_ERROR;
	db_bind_int(st, 1, now);
	json_t *rows = db_rows_json(st), *row;
	size_t i;
	int all = 0, bad = 0, rc = M_OK;
	json_array_foreach(rows, i, row) {
		if (stop && stop(arg))
			break;
		int64_t site_id = json_integer_value(json_object_get(row, "site_id"));
		int n = 0;
		if (mailbox_pull(db, site_id, now, stop, arg, &n) == M_ERROR) {
			rc = M_ERROR;
			break;
		}
		all += n;
		json_t *b = box_row(db, site_id);
		const char *le = json_string_value(json_object_get(b, "last_error"));
		bad += le && *le;
		json_decref(b);
	}
	json_decref(rows);
	if (taken)
		*taken = all;
	if (failed)
		*failed = bad;
	return rc;
}

/* ---- the board ---- */

/* ROW's sealed "sender" opened into sender_name, sender_addr and reply_addr ("" when it does
 * not open), the sealed text dropped. */
static void open_sender(json_t *row)
{
	json_t *who = pdata_open_json(json_string_value(json_object_get(row, "sender")));
	static const char *const keys[][2] = { { "name", "sender_name" }, { "addr", "sender_addr" }, { "reply", "reply_addr" } };
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
		const char *v = json_string_value(json_object_get(who, keys[i][0]));
		json_object_set_new(row, keys[i][1], json_string(v ? v : ""));
	}
	json_object_del(row, "sender");
	json_decref(who);
}

json_t *mail_intake_list(struct db *db, const struct actor *a, int64_t site_id, const char *state, int64_t limit,
			 int64_t offset, int64_t *total)
{
	if (!mail_intake_may_see(db, a, site_id))
		return NULL;
	const char *s = state ? state : "";
	if (total) {
		struct db_stmt *c = db_stmt(db, "SELECT COUNT(*) FROM mail_intake WHERE site_id = ?1 AND (?2 = '' OR state = ?2)");
		*total = 0;
		if (c) {
			db_bind_int(c, 1, site_id);
			db_bind_text(c, 2, s);
			db_one_int(c, total);
		}
	}
	struct db_stmt *st = db_stmt(db, "SELECT m.id, m.subject, m.received_at, m.state, m.problem, m.size, m.item_id, m.sender,"
				       " (SELECT COUNT(*) FROM mail_intake_files f WHERE f.intake_id = m.id) AS nfiles"
				       " FROM mail_intake m WHERE m.site_id = ?1 AND (?2 = '' OR m.state = ?2)"
				       " ORDER BY m.received_at DESC, m.id DESC LIMIT ?3 OFFSET ?4");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, s);
	db_bind_int(st, 3, limit);
	db_bind_int(st, 4, offset);
	json_t *rows = db_rows_json(st), *row;
	size_t i;
	json_array_foreach(rows, i, row)
		open_sender(row);
	return rows;
}

json_t *mail_intake_get(struct db *db, const struct actor *a, int64_t site_id, int64_t id)
{
	if (!mail_intake_may_see(db, a, site_id))
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT m.id, m.subject, m.body, m.received_at, m.state, m.problem, m.size, m.reason,"
				       " m.mailed, m.item_id, m.decided_at, m.message_id, m.sender, u.display_name AS decided_by_name,"
				       " (SELECT b.notify FROM mail_boxes b WHERE b.site_id = m.site_id) AS notify"
				       " FROM mail_intake m LEFT JOIN users u ON u.id = m.decided_by WHERE m.id = ?1 AND m.site_id = ?2");
	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, site_id);
	json_t *row = db_one_json(st);
	if (!row)
		return NULL;
	open_sender(row);
	st = db_stmt(db, "SELECT id, name, mime, size, refused, media_id FROM mail_intake_files WHERE intake_id = ?1 ORDER BY position");
	json_object_set_new(row, "files", st ? (db_bind_int(st, 1, id), db_rows_json(st)) : json_array());
	return row;
}

int mail_intake_due_recompute(struct db *db, const struct vn_calendar *cal, int64_t site_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, site_id, received_at, due_at FROM mail_intake"
				       " WHERE state = 'new' AND (?1 = 0 OR site_id = ?1)");
	if (!st)
		return -1;
	db_bind_int(st, 1, site_id);
	json_t *rows = db_rows_json(st), *x;
	if (!rows)
		return -1;
	struct vn_calendar *own = cal || !json_array_size(rows) ? NULL : calendar_load(db);
	int changed = 0;
	size_t i;
	json_array_foreach(rows, i, x) {
		int64_t due = 0, was = json_integer_value(json_object_get(x, "due_at"));
		int has = deadline_due(db, cal ? cal : own, json_integer_value(json_object_get(x, "site_id")), "khac", 1,
				       json_integer_value(json_object_get(x, "received_at")), 0, &due, NULL) == 0;
		if (has == json_is_integer(json_object_get(x, "due_at")) && (!has || due == was))
			continue;
		st = db_stmt(db, "UPDATE mail_intake SET due_at = ?2 WHERE id = ?1");
		if (!st) {
			changed = -1;
			break;
		}
		db_bind_int(st, 1, json_integer_value(json_object_get(x, "id")));
		if (has)
			db_bind_int(st, 2, due);
		else
			db_bind_null(st, 2);
		if (db_step_done(st)) {
			changed = -1;
			break;
		}
		changed++;
	}
	vn_calendar_free(own);
	json_decref(rows);
	return changed;
}

int64_t mail_intake_waiting(struct db *db, int64_t site_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT COUNT(*) FROM mail_intake WHERE site_id = ?1 AND state = 'new'");
	int64_t n = 0;
	if (!st)
		return -1;
	db_bind_int(st, 1, site_id);
	return db_one_int(st, &n) < 0 ? -1 : n;
}

/* Entry ID of SITE_ID as the decisions need it, NULL when absent. */
static json_t *entry_for_decision(struct db *db, int64_t site_id, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, subject, body, received_at, state, sender FROM mail_intake"
				       " WHERE id = ?1 AND site_id = ?2");
	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, site_id);
	json_t *row = db_one_json(st);
	if (row)
		open_sender(row);
	return row;
}

static int mark_decided(struct db *db, const struct actor *a, int64_t id, const char *state, int64_t item_id,
			const char *reason, int mailed, int64_t now)
{
	struct db_stmt *st = db_stmt(db, "UPDATE mail_intake SET state = ?2, item_id = ?3, reason = ?4, mailed = ?5, decided_by = ?6,"
				       " decided_at = ?7 WHERE id = ?1 AND state = 'new'");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, state);
	if (item_id)
		db_bind_int(st, 3, item_id);
	else
		db_bind_null(st, 3);
	db_bind_text(st, 4, reason);
	db_bind_int(st, 5, mailed);
	if (a->id)
		db_bind_int(st, 6, a->id);
	else
		db_bind_null(st, 6);
	db_bind_int(st, 7, now);
	if (db_step_done(st) || db_changes(db) != 1)
		return -1;
	/* the bytes waited for the decision only: what the library took it keeps */
	st = db_stmt(db, "UPDATE mail_intake_files SET data = NULL WHERE intake_id = ?1");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	return db_step_done(st);
}

/* The entry's accepted files stored in SITE_ID's library by A: the ids of those that are files
 * (attachable) into OUT (at most MAX), *N how many; each file's media_id recorded. */
static int files_to_library(struct db *db, const struct actor *a, int64_t site_id, int64_t id, const char *data_dir,
			    int64_t *out, size_t max, size_t *n, struct errs *e)
{
	*n = 0;
	struct db_stmt *st = db_stmt(db, "SELECT id, name, data FROM mail_intake_files WHERE intake_id = ?1 AND refused = ''"
				       " AND data IS NOT NULL ORDER BY position");
	if (!st)
		return M_ERROR;
	db_bind_int(st, 1, id);
	json_t *rows = db_rows_json(st), *row;
	size_t i;
	int rc = M_OK;
	json_array_foreach(rows, i, row) {
		const char *data = json_string_value(json_object_get(row, "data"));
		size_t dl = strlen(data), blen = 0;
		unsigned char *bytes = xmalloc(dl / 4 * 3 + 4);
		if (sodium_base642bin(bytes, dl / 4 * 3 + 4, data, dl, NULL, &blen, NULL, sodium_base64_VARIANT_ORIGINAL)) {
			free(bytes);
			rc = M_ERROR;
			break;
		}
		struct errs fe = { 0 };
		int64_t mid = 0;
		const char *name = json_string_value(json_object_get(row, "name"));
		/* an image needs a description in the library: its name until the board writes one */
		int src = media_store_file(db, data_dir, a, site_id, bytes, blen, name, name, NULL, &fe, &mid);
		free(bytes);
		if (src == M_INVALID) {
			errs_add(e, "files", fe.n ? fe.e[0].key : "media_type");
			rc = M_INVALID;
			break;
		}
		if (src != M_OK) {
			rc = src;
			break;
		}
		struct db_stmt *up = db_stmt(db, "UPDATE mail_intake_files SET media_id = ?2 WHERE id = ?1");
		if (!up) {
			rc = M_ERROR;
			break;
		}
		db_bind_int(up, 1, json_integer_value(json_object_get(row, "id")));
		db_bind_int(up, 2, mid);
		if (db_step_done(up)) {
			rc = M_ERROR;
			break;
		}
		json_t *m = media_get(db, mid);
		const char *kind = json_string_value(json_object_get(m, "kind"));
		if (kind && strcmp(kind, "file") == 0 && *n < max)
			out[(*n)++] = mid;
		json_decref(m);
	}
	json_decref(rows);
	return rc;
}

int mail_intake_draft(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
		      const struct mail_draft_input *in, int64_t now, struct errs *e, int64_t *item_id)
{
	if (!mail_intake_may_see(db, a, site_id))
		return M_DENIED;
	const struct kind *k = in->kind && *in->kind ? kind_find(in->kind) : NULL;
	if (!k) {
		errs_add(e, "kind", "required");
		return M_INVALID;
	}
	if (db_begin(db))
		return M_ERROR;
	json_t *m = entry_for_decision(db, site_id, id);
	int rc = M_ERROR;
	int64_t files[ATTACH_MAX];
	size_t nfiles = 0;
	if (!m) {
		rc = M_NOTFOUND;
		goto fail;
	}
	if (strcmp(json_string_value(json_object_get(m, "state")), "new") != 0) {
		errs_add(e, "state", "intake_already_decided");
		rc = M_INVALID;
		goto fail;
	}
	rc = files_to_library(db, a, site_id, id, in->data_dir, files, ATTACH_MAX, &nfiles, e);
	if (rc != M_OK)
		goto fail;
	const char *title = in->title && *in->title ? in->title : json_string_value(json_object_get(m, "subject"));
	const char *name = json_string_value(json_object_get(m, "sender_name"));
	const char *addr = json_string_value(json_object_get(m, "sender_addr"));
	char note[120];
	snprintf(note, sizeof(note), "Tạo từ thư điện tử số %lld", (long long)id);
	struct article_input ai = {
		.kind = k->name,
		.fields = in->fields,
		.title = title,
		.body = json_string_value(json_object_get(m, "body")),
		.category_id = in->category_id,
		.intake_name = name,
		.intake_email = addr,
		.intake_received_at = json_integer_value(json_object_get(m, "received_at")),
		.note = note,
		.attachments = files,
		.nattachments = nfiles,
		.set_attachments = nfiles > 0,
		.data_dir = in->data_dir,
	};
	int64_t new_id = 0;
	rc = article_save(db, a, site_id, 0, &ai, e, &new_id);
	if (rc != M_OK)
		goto fail;
	char object[40], detail[80];
	snprintf(object, sizeof(object), "%lld", (long long)id);
	snprintf(detail, sizeof(detail), "bản nháp %s %lld", k->name, (long long)new_id);
	if (mark_decided(db, a, id, "drafted", new_id, "", 0, now) || audit_write(db, a, site_id, "intake.draft", object, detail) ||
	    db_commit(db)) {
		rc = M_ERROR;
		goto fail;
	}
	json_decref(m);
	if (item_id)
		*item_id = new_id;
	return M_OK;
fail:
	db_rollback(db);
	json_decref(m);
	return rc;
}

static const char *text_of(json_t *texts, const char *key)
{
	const char *s = json_string_value(json_object_get(texts, key));
	return s ? s : key;
}

int mail_intake_refuse(struct db *db, const struct actor *a, int64_t site_id, int64_t id, const char *reason,
		       json_t *texts, int64_t now, struct errs *e)
{
	if (!mail_intake_may_see(db, a, site_id))
		return M_DENIED;
	char *why = text_clean(reason, 1);
	if (!why)
		errs_add(e, "reason", "invalid_utf8");
	else if (!*why)
		errs_add(e, "reason", "required");
	else if (utf8_length(why) > REASON_MAX)
		errs_add(e, "reason", "too_long");
	if (e->n) {
		free(why);
		return M_INVALID;
	}
	if (db_begin(db)) {
		free(why);
		return M_ERROR;
	}
	json_t *m = entry_for_decision(db, site_id, id), *box = box_row(db, site_id), *site = site_get(db, site_id);
	int rc = M_ERROR, mailed = 0;
	char *sealed = NULL;
	if (!m) {
		rc = M_NOTFOUND;
		goto fail;
	}
	if (strcmp(json_string_value(json_object_get(m, "state")), "new") != 0) {
		errs_add(e, "state", "intake_already_decided");
		rc = M_INVALID;
		goto fail;
	}
	/* the answer goes where the sender asked answers to go (Reply-To), else to the sender */
	const char *to = json_string_value(json_object_get(m, "reply_addr"));
	if (!to || !mail_address_valid(to))
		to = json_string_value(json_object_get(m, "sender_addr"));
	if (box && json_integer_value(json_object_get(box, "notify")) && to && mail_address_valid(to)) {
		const char *subject = json_string_value(json_object_get(m, "subject"));
		const char *site_name = json_string_value(json_object_get(site, "name"));
		struct sb subj = SB_INIT, body = SB_INIT;
		sb_addf(&subj, "%s: %.200s", text_of(texts, "intake_mail_subject"), subject && *subject ? subject : "—");
		for (char *p = subj.buf; *p; p++) /* one line, whatever the subject held */
			if (*p == '\n' || *p == '\r')
				*p = ' ';
		char when[40];
		time_format_vn(json_integer_value(json_object_get(m, "received_at")), when, sizeof(when));
		sb_addf(&body, "%s\n\n%s: %s\n%s: %s\n\n%s:\n%s\n\n%s\n%s\n", text_of(texts, "intake_mail_greeting"),
			text_of(texts, "intake_mail_your_subject"), subject && *subject ? subject : "—",
			text_of(texts, "intake_mail_received"), when, text_of(texts, "intake_mail_reason"), why,
			text_of(texts, "intake_mail_closing"), site_name ? site_name : "");
		sealed = pdata_seal(to);
		struct db_stmt *st = sealed ? db_stmt(db, "INSERT INTO mail_outbox (site_id, rcpt, subject, body, created_at, next_at)"
							  " VALUES (?1, ?2, ?3, ?4, ?5, ?5)")
					    : NULL;
		if (st) {
			db_bind_int(st, 1, site_id);
			db_bind_text(st, 2, sealed);
			db_bind_text(st, 3, subj.buf);
			db_bind_text(st, 4, body.buf);
			db_bind_int(st, 5, now);
			mailed = db_step_done(st) == 0;
		}
		sb_release(&subj);
		sb_release(&body);
		if (!mailed)
			goto fail;
	}
	char object[40];
	snprintf(object, sizeof(object), "%lld", (long long)id);
	if (mark_decided(db, a, id, "refused", 0, why, mailed, now) ||
	    audit_write(db, a, site_id, "intake.refuse", object, mailed ? "từ chối; đã báo người gửi" : "từ chối") ||
	    db_commit(db))
		goto fail;
	rc = M_OK;
	goto out;
fail:
	db_rollback(db);
out:
	free(why);
	free(sealed);
	json_decref(m);
	json_decref(box);
	json_decref(site);
	return rc;
}
