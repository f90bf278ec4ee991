/* mail.h — one e-mail through SMTP (libcurl), for the reminders of the deadlines job.
 *
 * mail_build() writes an RFC 5322 / MIME message (UTF-8 text, optional HTML alternative,
 * RFC 2047 encoded subject and sender name, lines within the 78/76-character limits, CRLF);
 * mail_send() builds it and hands it to the server. Header values are checked, never cleaned:
 * a CR or LF in the subject, the sender name or an address is an error (header injection),
 * as is text that is not UTF-8 or an address that is not a plain local@domain.
 * Both are thread-safe once mail_global_init() has run (mail_send() runs it too). Error
 * messages never contain the password: the URL may not carry credentials at all. */
#ifndef CONG_MAIL_H
#define CONG_MAIL_H

#include "base/sb.h"

#include <stddef.h>
#include <stdint.h>

/* STARTTLS on smtp:// URLs; an smtps:// URL is TLS from the first byte whatever this says. */
enum mail_tls {
	MAIL_TLS_NONE,    /* plain SMTP (a relay on the same host) */
	MAIL_TLS_TRY,     /* STARTTLS when the server offers it (CURLUSESSL_TRY) */
	MAIL_TLS_REQUIRE, /* STARTTLS or fail (CURLUSESSL_ALL) */
};

struct mail_config {
	const char *url;       /* "smtp://host:587" or "smtps://host:465"; no user:password@ */
	const char *from;      /* envelope and From address: "khong-tra-loi@vinhlong.gov.vn" */
	const char *from_name; /* display name (UTF-8), may be NULL: "Cổng thông tin Vĩnh Long" */
	const char *user;      /* SMTP AUTH; NULL or "" for none */
	const char *password;
	enum mail_tls tls;
	long timeout;          /* seconds for the whole exchange; 0 means 30 */
};

struct mail_message {
	const char *const *aTo; /* recipient addresses (plain local@domain), nTo >= 1 */
	size_t nTo;
	const char *subject;    /* UTF-8, one line */
	const char *text;       /* UTF-8 body; LF or CRLF line ends */
	const char *html;       /* optional HTML alternative (UTF-8), NULL for text only */
	/* The one-click unsubscribe address of a subscription's mail (https://…, printable ASCII
	 * without spaces or <>), or NULL: written as "List-Unsubscribe: <URL>" (RFC 2369) with
	 * "List-Unsubscribe-Post: List-Unsubscribe=One-Click" (RFC 8058), so that the reader's mail
	 * program offers the button and POSTs to URL (model/subscription.h). */
	const char *list_unsubscribe;
};

/* Calls curl_global_init() once per process (pthread_once). Call it from main() before threads
   start; 0 on success, -1 when libcurl cannot initialise. */
int mail_global_init(void);

/* Appends the whole message for MSG from CFG to OUT (CRLF line ends, no SMTP dot-stuffing:
   libcurl does that). It is marked "Auto-Submitted: auto-generated" (RFC 3834: no
   out-of-office replies); the body gets a final line end when it has none. NOW (Unix
   seconds) gives the Date header, in Vietnam time (+0700), and seeds nothing else: the
   Message-ID and the MIME boundary are random. Returns 0, or -1 with a message in ERR (OUT
   then holds a partial message the caller discards). */
int mail_build(const struct mail_config *cfg, const struct mail_message *msg, int64_t now,
	       struct sb *out, char *err, size_t errlen);

/* Builds MSG and sends it through CFG's server to every recipient in one transaction. Returns
   0 when the server accepted the message, -1 with a message in ERR otherwise: one refused
   recipient fails the whole send (send per board to keep boards independent), as do TLS
   required but not offered, failed authentication, a certificate that does not verify, the
   time-out. Blocks for at most CFG->timeout. */
int mail_send(const struct mail_config *cfg, const struct mail_message *msg, char *err,
	      size_t errlen);

/* Exposed for the tests and the fuzz target. */
/* Appends "NAME: VALUE" where VALUE is UTF-8 text, as RFC 2047 B encoded-words when it is not
   plain printable ASCII, folded so that no line exceeds 78 characters; CRLF at the end. */
void mail_add_encoded_header(struct sb *out, const char *name, const char *value);
/* Quoted-printable (RFC 2045) of S[0..LEN): lines of at most 76 characters, CRLF. */
void mail_add_qp(struct sb *out, const char *s, size_t len);
/* Base64 of S[0..LEN) in lines of 76 characters, CRLF. */
void mail_add_base64(struct sb *out, const void *s, size_t len);
/* 1 when ADDR is a plain address we accept: printable ASCII, one '@', no spaces, no <>()",;:
   nor backslash, local part and domain non-empty, at most 254 characters. */
int mail_address_valid(const char *addr);
/* The valid addresses of LIST, separated by commas, semicolons or spaces (empty parts skipped),
 * put into TO (each pointing into LIST, which is cut up), MAX at most; returns how many. *BAD:
 * how many parts are not mail_address_valid (left out). */
size_t mail_address_split(char *list, char **to, size_t max, size_t *bad);
/* 1 when every address of LIST (as mail_address_split reads it) is valid; "" is. */
int mail_address_list_valid(const char *list);

#endif
