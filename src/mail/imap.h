/* imap.h — reading a mailbox over IMAP with libcurl (imap:// with STARTTLS, or imaps://), for
 * the intake of the board's published mailbox (model/mailintake.h). One session is one libcurl
 * handle, so that its commands share one connection, signed in and the folder selected once.
 * What it does is what the intake needs and nothing more: the folder's UIDVALIDITY, the UIDs of
 * the messages not yet seen, their sizes and arrival times, one message (whole or its header)
 * by UID, and the \Seen flag set on it. It never deletes or moves anything. Error messages are
 * libcurl's words and the server's; they never hold the password. */
#ifndef CONG_MAIL_IMAP_H
#define CONG_MAIL_IMAP_H

#include "base/sb.h"
#include "mail/mail.h"

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

struct imap_config {
	const char *url;      /* "imap://host:143" or "imaps://host:993"; no user:password@, no path */
	const char *user, *password;
	const char *folder;   /* printable ASCII ("INBOX"); NULL: "INBOX" */
	enum mail_tls tls;    /* for imap:// URLs (mail.h); imaps:// is TLS from the first byte */
	long timeout;         /* seconds for one command (a message's transfer included); 0: 60 */
	/* PEM certificates trusted besides the system's store (a self-hosted server's private CA,
	 * imap_ca_read's output), or NULL / "": the system's store alone */
	const char *ca_pem;
	/* asked during transfers; nonzero cuts the transfer (the server shutting down) */
	int (*stop)(void *arg);
	void *arg;
};

/* What the folder says of one message. */
struct imap_msg {
	int64_t uid;
	int64_t size;         /* RFC822.SIZE, bytes */
	int64_t internaldate; /* when the server received it (Unix seconds), 0 when unknown */
};

struct imap_session;

/* A session for C (its strings are copied). NULL when libcurl cannot make a handle. */
struct imap_session *imap_open(const struct imap_config *c);
void imap_close(struct imap_session *s);
/* The folder's UIDVALIDITY into *OUT. 0, or -1 with ERR. */
int imap_uidvalidity(struct imap_session *s, int64_t *out, char *err, size_t n);
/* The messages of the folder without \Seen, by UID ascending, at most MAX: *MSGS malloc'd (NULL
 * when none), *COUNT how many. 0, or -1 with ERR. */
int imap_unseen(struct imap_session *s, size_t max, struct imap_msg **msgs, size_t *count, char *err, size_t n);
/* Message UID (HEADER_ONLY: its header) into OUT; more than MAX bytes cuts the transfer and
 * fails. The server sets \Seen on a whole message read this way. 0, or -1 with ERR. */
int imap_fetch(struct imap_session *s, int64_t uid, int header_only, size_t max, struct sb *out, char *err, size_t n);
/* Sets \Seen on message UID. 0, or -1 with ERR. */
int imap_mark_seen(struct imap_session *s, int64_t uid, char *err, size_t n);

/* 1 when the last failed command failed because the server's certificate was not trusted (or
 * not for its name): the ca_pem setting, or the system's store, does not vouch for it. */
int imap_tls_refused(const struct imap_session *s);

/* Reads PEM, one or more X.509 certificates as an administrator pastes them (text around them
 * is ignored), with GnuTLS: the certificates in PEM again, nothing else, into OUT (reset), and
 * [{subject, expires (Unix seconds)}] into *INFO (may be NULL; the caller's). The number of
 * certificates (at most 20), or -1 when there is none, one does not parse, or there are more. */
int imap_ca_read(const char *pem, struct sb *out, json_t **info);

/* Exposed for the tests: the lines a command's untagged answers hold. */
/* "* SEARCH 3 5 9" → the numbers, in *UIDS (malloc'd); how many. */
size_t imap_parse_search(const char *text, int64_t **uids);
/* "* 2 FETCH (UID 5 RFC822.SIZE 123 INTERNALDATE "07-Dec-2026 21:30:00 +0700")" lines → MSGS (up
 * to MAX); how many were read. */
size_t imap_parse_fetch(const char *text, struct imap_msg *msgs, size_t max);
/* An IMAP date-time ("7-Dec-2026 21:30:00 +0700") as Unix seconds, 0 when unreadable. */
int64_t imap_parse_date(const char *s);

#endif
