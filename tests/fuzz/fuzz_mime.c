/* fuzz_mime.c — libFuzzer target for the intake's reading of received e-mail (src/mail/mime.c
 * with GMime) and the body an entry keeps (model/mailintake.h: mail_intake_body): any bytes as a
 * message fetched from the IMAP server. Invariants, abort() on failure: every string handed back
 * is valid UTF-8 without NUL or CR; an attachment has a name without a path; never more than
 * MIME_PARTS_MAX attachments; the headers-only reading agrees with the whole one on the headers;
 * the kept body is valid UTF-8 with no script, no image, no event handler. Seeds: messages in the
 * shapes mail programs send (tests/fuzz/seeds-fuzz_mime/). */
#include "base/utf8.h"
#include "mail/mime.h"
#include "model/mailintake.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void must(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "mime invariant broken: %s\n", what);
		abort();
	}
}

static void text_ok(const char *s, const char *what)
{
	must(s != NULL, what);
	must(utf8_valid(s, strlen(s)), what);
	must(strchr(s, '\r') == NULL, what);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mime_mail m, h;
	mime_parse(data, size, &m);
	mime_parse_headers(data, size, &h);
	text_ok(m.from_name, "from_name");
	text_ok(m.from_addr, "from_addr");
	text_ok(m.reply_addr, "reply_addr");
	text_ok(m.subject, "subject");
	text_ok(m.message_id, "message_id");
	must(strchr(m.subject, '\n') == NULL, "subject on one line");
	must(strcmp(m.subject, h.subject) == 0 && strcmp(m.from_addr, h.from_addr) == 0 &&
		     strcmp(m.message_id, h.message_id) == 0,
	     "headers alike");
	must(h.nAtt == 0 && h.text == NULL && h.html == NULL, "headers only");
	if (m.text)
		text_ok(m.text, "text");
	if (m.html)
		text_ok(m.html, "html");
	must(m.nAtt <= MIME_PARTS_MAX, "attachments bounded");
	for (size_t i = 0; i < m.nAtt; i++) {
		text_ok(m.aAtt[i].name, "name");
		must(*m.aAtt[i].name && !strchr(m.aAtt[i].name, '/') && !strchr(m.aAtt[i].name, '\\'), "a bare name");
		text_ok(m.aAtt[i].mime, "mime");
		must(m.aAtt[i].len == 0 || m.aAtt[i].data != NULL, "bytes");
	}
	char *body = mail_intake_body(m.html, m.text);
	text_ok(body, "body");
	/* the sanitizer escapes '"' in text: an attribute's quote is only ever an attribute */
	must(!strstr(body, "<script") && !strstr(body, "<img") && !strstr(body, " onerror=\"") &&
		     !strstr(body, " onload=\"") && !strstr(body, "href=\"javascript:"),
	     "body sanitized");
	free(body);
	mime_mail_release(&m);
	mime_mail_release(&h);
	return 0;
}
