/* mailintake.h — intake by e-mail (issue #17; VL Đ8.1, ĐT Đ7.1, VP Đ6.1; docs/email-intake.md).
 *
 * A site's board publishes a mailbox (banbientap@…) where agencies and people send information
 * for the portal. The site's administrators give its IMAP settings (the password sealed,
 * model/pdata.h); the scheduler reads it (jobs/mailintake_job.h) through mail/imap.h: every
 * message without \Seen is fetched, parsed with GMime (mail/mime.h) and kept as an intake entry
 * (migration 0048) — sender (sealed), subject, the time the server received it (which becomes
 * the item's intake_received_at, so the deadline module counts from it), the body as sanitized
 * HTML, and its attachments as the media checks judge them — then marked \Seen on the server.
 * Nothing is deleted there. A message is never taken twice: its (UIDVALIDITY, UID) and its
 * Message-ID are remembered per site. A message larger than the site's limit is kept as an
 * entry of its header alone, marked too large, so the board sees it and may refuse it.
 *
 * The board (editors and above) turns an entry into a draft of any kind through the item layer
 * (article_save: title from the subject, the body, the accepted attachments stored in the
 * site's library and attached, the sender recorded as the provider, the received time) or
 * refuses it with a reason; when the site's setting says so the sender is told by mail through
 * the outbox (jobs/outbox.h). Every decision is one transaction with its audit record. */
#ifndef CONG_MODEL_MAILINTAKE_H
#define CONG_MODEL_MAILINTAKE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

struct db;
struct errs;
struct actor;

/* ---- the mailbox's settings (the site's administrators; audited, never the password) ---- */

struct mailbox_input {
	const char *url;      /* imap://host[:port] or imaps://host[:port]; "" leaves it unset */
	const char *username;
	const char *password; /* NULL or "": keep the stored one */
	int clear_password;
	const char *folder;   /* printable ASCII, no quotes or backslashes; "" → INBOX */
	const char *tls;      /* none | try | require (STARTTLS on imap://) */
	int enabled, notify;  /* read on schedule; tell a refused sender */
	const char *max_mb;   /* 1..100: larger messages are kept as their header only */
	const char *interval; /* minutes between pulls, 1..1440 */
	const char *ca_pem;   /* PEM certificates trusted besides the system's (a private CA); "" none;
			       * NULL: keep the stored ones */
};
int mailbox_may_manage(struct db *db, const struct actor *a, int64_t site_id);
/* SITE_ID's settings and the pull's state: {url, username, has_password, folder, tls, enabled,
 * notify, max_mb, interval_minutes, pull_asked, last_pull_at, last_ok_at, last_error,
 * last_detail, taken, ca_pem, ca: [{subject, expires}]}; defaults when never set. NULL when A
 * may not manage it. */
json_t *mailbox_get(struct db *db, const struct actor *a, int64_t site_id);
/* M_OK, M_INVALID (E: url, username, folder, tls, max_mb, interval, ca_pem), M_DENIED, M_ERROR. */
int mailbox_save(struct db *db, const struct actor *a, int64_t site_id, const struct mailbox_input *in, int64_t now,
		 struct errs *e);
/* "Read now": the scheduler pulls SITE_ID's mailbox at its next pass. */
int mailbox_pull_request(struct db *db, const struct actor *a, int64_t site_id);

/* ---- pulling (the scheduler's thread) ---- */

/* 1 when some enabled mailbox is due (asked, or not pulled for its interval), 0 none, -1 error. */
int mailboxes_due(struct db *db, int64_t now);
/* Pulls every due mailbox, one after the other; STOP(ARG) nonzero cuts a transfer and stops.
 * *TAKEN and *FAILED (may be NULL) get the counts of messages taken and mailboxes failed.
 * M_OK or M_ERROR (a store error). */
int mailboxes_pull_due(struct db *db, int64_t now, int (*stop)(void *), void *arg, int *taken, int *failed);
/* Pulls SITE_ID's mailbox now (settings as stored): its state recorded on the row. *TAKEN (may
 * be NULL) how many messages became entries. M_OK whatever the server did (a failure is
 * recorded), M_NOTFOUND (no settings), M_ERROR. */
int mailbox_pull(struct db *db, int64_t site_id, int64_t now, int (*stop)(void *), void *arg, int *taken);

/* Keeps message RAW[0..LEN) (HEADER_ONLY: its header alone, the message being SIZE bytes and too
 * large) of SITE_ID's folder UIDVALIDITY as entry *ID (may be NULL), in one transaction.
 * RECEIVED_AT: the server's arrival time (0: the Date header, else NOW). Returns M_OK, 1 when
 * the message was taken before (the same UID, or the same Message-ID: nothing written), or
 * M_ERROR. */
int mail_intake_store(struct db *db, int64_t site_id, int64_t uidvalidity, int64_t uid, int64_t received_at, int64_t size,
		      const void *raw, size_t len, int header_only, int64_t now, int64_t *id);

/* ---- the board ---- */

/* Editors and above of SITE_ID see the entries and decide. */
int mail_intake_may_see(struct db *db, const struct actor *a, int64_t site_id);
/* SITE_ID's entries in STATE ("new", "drafted", "refused"; NULL or "": every one), newest first:
 * [{id, subject, received_at, state, problem, size, nfiles, item_id, sender_name, sender_addr}];
 * *TOTAL (may be NULL). NULL when A may not see them. */
json_t *mail_intake_list(struct db *db, const struct actor *a, int64_t site_id, const char *state, int64_t limit,
			 int64_t offset, int64_t *total);
/* Entry ID of SITE_ID with its sender opened and its files [{id, name, mime, size, refused,
 * media_id}]: {id, subject, body, received_at, state, problem, size, reason, mailed, item_id,
 * decided_at, decided_by_name, message_id, sender_name, sender_addr, files}. NULL when denied or
 * not found. */
json_t *mail_intake_get(struct db *db, const struct actor *a, int64_t site_id, int64_t id);

struct mail_draft_input {
	const char *kind;  /* a kind's name (model/kind.h) */
	json_t *fields;    /* the kind's own fields as the form typed them (kind_form_raw); may be NULL */
	const char *title; /* NULL or "": the subject */
	int64_t category_id; /* 0: the site's category of the kind (news must name one) */
	const char *data_dir;
};
/* Turns new entry ID into a draft by A: the entry's accepted attachments are stored in the
 * site's library (files attached to the item, images kept in the library), the item saved
 * through article_save with the sender as its provider and the received time as its
 * intake_received_at, the entry marked drafted — one transaction, audited. *ITEM_ID gets the
 * draft. M_OK, M_INVALID (E: kind, title, the kind's fields, or "state" when already decided),
 * M_DENIED, M_NOTFOUND, M_ERROR. */
int mail_intake_draft(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
		      const struct mail_draft_input *in, int64_t now, struct errs *e, int64_t *item_id);
/* Refuses new entry ID with REASON (required, at most 2000 characters); when the site's mailbox
 * says notify and the sender has an address, the sender is told by mail (the outbox), the mail
 * written from TEXTS (the site language's texts: keys intake_mail_*) and SITE_NAME. The entry's
 * attachments are dropped. One transaction, audited. M_OK, M_INVALID (E: reason, state),
 * M_DENIED, M_NOTFOUND, M_ERROR. */
int mail_intake_refuse(struct db *db, const struct actor *a, int64_t site_id, int64_t id, const char *reason,
		       json_t *texts, int64_t now, struct errs *e);
/* Computes again the due time of SITE_ID's waiting entries (0: every site's) by the rule "khac"
 * on calendar CAL (NULL: loaded here), after that rule, the province's it follows, or the
 * calendar changed (deadline_recompute calls it, inside the change's transaction). The number
 * of entries changed, or -1 on a store error. */
struct vn_calendar;
int mail_intake_due_recompute(struct db *db, const struct vn_calendar *cal, int64_t site_id);
/* How many entries of SITE_ID wait ("new"): the menu's count. -1 on error. */
int64_t mail_intake_waiting(struct db *db, int64_t site_id);

/* The body an entry keeps for a parsed message: its HTML sanitized, else its text as
 * paragraphs (escaped), sanitized too. malloc'd, never NULL. For the tests and the fuzz target. */
char *mail_intake_body(const char *html, const char *text);

#endif
