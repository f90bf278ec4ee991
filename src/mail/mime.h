/* mime.h — one received e-mail read with GMime (RFC 5322 and MIME), for the intake of the board's
 * mailbox (model/mailintake.h, docs/email-intake.md).
 *
 * mime_parse() takes the message's bytes as the IMAP server gave them and hands back what the
 * intake keeps: the sender, the subject, the Message-ID, the Date, the first text/plain and
 * text/html bodies (not attachments) and every other leaf as an attachment with its name. GMime
 * does the decoding: transfer encodings (base64, quoted-printable, 8bit), charsets (a part's
 * declared one, else UTF-8, else windows-1258, else windows-1252: a Vietnamese office's mail
 * program of another age), RFC 2047 words in headers and RFC 2231 parameters in file names.
 * Every string handed back is valid UTF-8 in NFC without NUL; nothing in a malformed message
 * (no boundary, bad base64, a charset nobody knows, parts nested without end) makes it fail:
 * what can be read is read, the rest is left out and counted in SKIPPED. Thread-safe once
 * mime_global_init() has run (mime_parse runs it too). */
#ifndef CONG_MAIL_MIME_H
#define CONG_MAIL_MIME_H

#include <stddef.h>
#include <stdint.h>

#define MIME_DEPTH_MAX 16   /* multiparts within multiparts beyond this are skipped */
#define MIME_PARTS_MAX 100  /* attachments beyond this are skipped */

struct mime_attachment {
	char *name;          /* the file name (RFC 2231/2047 decoded), or "tep-N" when it has none */
	char *mime;          /* as declared, lower case: "application/pdf" */
	unsigned char *data; /* decoded bytes (malloc'd; may be NULL when LEN is 0) */
	size_t len;
};

struct mime_mail {
	char *from_name;  /* "" when none */
	char *from_addr;  /* "" when none or not an address */
	char *reply_addr; /* Reply-To's first address, "" when none */
	char *subject;    /* "" when none */
	char *message_id; /* without <>, "" when none */
	int64_t date;     /* the Date header (Unix seconds), 0 when none or unreadable */
	char *text;       /* the first text/plain body, NULL when none */
	char *html;       /* the first text/html body (unsanitized!), NULL when none */
	struct mime_attachment *aAtt;
	size_t nAtt;
	int skipped;      /* parts left out: too deep, too many, unreadable */
};

/* Calls g_mime_init() once per process. */
void mime_global_init(void);
/* Parses BYTES[0..LEN) into *M (every field set, never fails for a malformed message). 0, or
 * -1 when not even headers could be read (then *M is empty but still to be released). */
int mime_parse(const void *bytes, size_t len, struct mime_mail *m);
void mime_mail_release(struct mime_mail *m);

/* Only the headers of a message (the intake of one too large to fetch whole): the same fields
 * as mime_parse, no body nor attachments. */
int mime_parse_headers(const void *bytes, size_t len, struct mime_mail *m);

#endif
