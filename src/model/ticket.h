/* ticket.h — what citizens send, and how the staff handle it (docs/citizens.md; issue #14).
 *
 * A ticket is one submission of a public form: a question, feedback on an administrative
 * regulation, an error reported on a page, a comment on a draft, a request for information. Its
 * kind is a descriptor (struct ticket_kind), like an item's: the form's fields are a struct kind
 * (kind.h) so that they are cleaned and checked by the item layer with its Vietnamese messages;
 * fields flagged FF_PERSONAL are stored sealed (pdata.h), never in clear, shown to the staff of
 * the site handling the ticket only (every view audited) and deleted when the kind's retention
 * period is over; the rest (the question, the chosen display name) may become public.
 *
 * Every ticket has a tracking code ("HD-7KQ4-M2XD"), a state, the site that handles it now
 * (forwarding moves it, with its history and deadline, to another site's board), a due time on
 * the working-day calendar (model/deadline.h, the kind's rule as the site sets it), an assignee,
 * internal notes and a history whose public steps the citizen sees on the tracking page. Mail
 * to the citizen at each public step goes through the outbox (jobs/outbox.h) unless the citizen
 * opted out. What is answered publicly becomes an item of the kind's ITEM_KIND (a Q&A), which
 * goes through the editorial workflow like any item; when it is published the ticket is.
 *
 * Permissions: anyone may submit (the web layer checks the challenge, honeypot and rate limits;
 * ticket_submit checks the per-address and per-e-mail limits); the staff of the site handling a
 * ticket (any role on it) read and act on it; the site it came from keeps reading it after
 * forwarding, without acting. */
#ifndef CONG_MODEL_TICKET_H
#define CONG_MODEL_TICKET_H

#include "model.h"
#include "kind.h"
#include "outbox.h"

struct vn_calendar;

/* States every kind shares; a kind's ACT hook may add its own (an information request's). */
#define TICKET_RECEIVED "received"   /* new: not yet looked at */
#define TICKET_OPEN "processing"     /* classified, being handled */
#define TICKET_REFUSED "refused"     /* refused with a reason: closed */
#define TICKET_ANSWERED "answered"   /* answer written, waiting for its item's publication */
#define TICKET_PUBLISHED "published" /* the answer (or the comment) is public: closed */
#define TICKET_CLOSED "closed"       /* answered privately (by mail): closed */

struct ticket;

/* A state a kind adds to the common ones (an information request's "provided"): its label, and
 * whether reaching it closes the ticket (closed_at, the retention period counted). */
struct ticket_state {
	const char *state;
	const char *label;
	unsigned closes : 1;
	/* Its event (named after it) carries a letter to the citizen: the note shows on the
	 * tracking page to the citizen who proves the e-mail only, like a private reply. */
	unsigned private_note : 1;
};

struct ticket_kind {
	const char *name;        /* "question": tickets.kind */
	const char *segment;     /* "cau-hoi": the public form /gui/<segment> */
	const char *label;       /* "Câu hỏi" */
	const char *code_prefix; /* "HD": tracking codes "HD-XXXX-XXXX" */
	const struct kind *form; /* the citizen's fields (FF_PERSONAL: sealed) */
	const char *title_field; /* the field that is the ticket's title in the inbox */
	const char *email_field; /* the personal field holding the e-mail address (mail, tracking) */
	const char *name_field;  /* the personal field holding the name (initials when published) */
	/* The deadline rule a new ticket follows (deadline.h kinds); classification may choose
	 * another of DEADLINE_CHOICES (NULL-terminated; NULL: only this one). */
	const char *deadline_kind;
	const char *const *deadline_choices;
	/* The item kind a public answer becomes (kinds.c: "qa"); NULL: never published as an item. */
	const char *item_kind;
	/* Why the form asks for personal data, shown on the form (ND 13/2023 Đ11: informed consent). */
	const char *why;
	/* Days the personal data is kept after the ticket is closed (the setting
	 * "retention_days.<name>", /quan-tri/cai-dat/tiep-nhan, overrides). */
	int retention_days;
	/* Submissions a day at most from one e-mail address and from one network address. */
	int per_email_day, per_addr_day;
	unsigned forwardable : 1; /* the board may forward it to another site */
	unsigned moderated : 1;   /* a comment: shown publicly once accepted, no answer */
	/* Rules the form's fields cannot say, after they were cleaned (a comment's article number
	 * exists in its draft). NULL: none. */
	void (*check)(struct db *db, const struct ticket_kind *tk, int64_t site_id, int64_t item_id, json_t *fields,
		      struct errs *e);
	/* The kind's own actions (an information request's "extend"), called by ticket_act for an
	 * action the common ones do not know, inside its transaction, after the permission check.
	 * M_OK, M_INVALID (errors in E), M_NOTFOUND for an unknown action, M_ERROR. NULL: none. */
	int (*act)(struct db *db, const struct actor *a, struct ticket *t, const char *action, json_t *in, int64_t now,
		   struct errs *e);
	/* The kind's own actions offered in the ticket's page: [{action, label}] for T. NULL: none. */
	json_t *(*actions)(const struct ticket_kind *tk, const struct ticket *t);
	/* Its own states (labels, which close it), ended by { NULL }; NULL: the common ones only. */
	const struct ticket_state *states;
	/* Its life cycle is its ACT hook's: the common classify/forward/refuse/answer/reply are neither
	 * offered nor accepted (assign and note are); every other action, even on a closed ticket,
	 * goes to ACT, which says what the state allows. The ACTIONS hook's entries may describe
	 * their form: {action, label, hint, button, inputs: [{name, label, type ("text", "textarea",
	 * "select"), required, options: [{key, label}], hint}]} (admin/ticket renders them). */
	unsigned own_flow : 1;
	/* Entered in a register (sổ theo dõi): tickets.number, sequential per site and year
	 * (tickets.number_year, Vietnam time), given in the submission's transaction. */
	unsigned numbered : 1;
	/* Files a citizen may attach to the form (a photo of the problem, a document): at most this
	 * many, kept privately like the staff's (ticket_file_put), shown to the staff and to the owner
	 * on the tracking page, deleted with the personal data after the retention. 0: none. */
	int attachments;
};

/* A ticket as the model reads it for an action (ticket_act's hook). */
struct ticket {
	int64_t id, site_id, origin_site_id, item_id, assignee_id, number, number_year;
	int64_t received_at, due_at, closed_at;
	const struct ticket_kind *kind;
	char state[24];
	char code[24];
	char deadline_kind[48];
	json_t *fields; /* the public fields */
};

/* The fields of life questions and feedback are classified under (an open choice). */
extern const struct kind_choice ticket_fields_of_life[];

const struct ticket_kind *const *ticket_kinds(size_t *n);
const struct ticket_kind *ticket_kind_find(const char *name);
const struct ticket_kind *ticket_kind_by_segment(const char *segment);
/* A state's label ("Đã tiếp nhận"). */
const char *ticket_state_label(const char *state);
/* The texts in the reader's language (#16). TEXTS is that language's texts (req_texts,
 * locale_dict); a text it lacks is the model's Vietnamese. ticket_locale_add gives the model's
 * Vietnamese its keys ("tk.kind.*", "tk.state.*", "tk.event.*", "tk.action.*", "tk.reason.*") in
 * VI (kind_locale_load); -1 with ERR when a locale file of vi holds one. */
int ticket_locale_add(json_t *vi, char *err, size_t n);
const char *ticket_kind_text(json_t *texts, const struct ticket_kind *tk);
const char *ticket_state_text(json_t *texts, const char *state);
/* O (a ticket view, a list of them, a tracking page) relabelled in TEXTS' language: kind_label,
 * state_label, its events' and its common actions' labels. */
void ticket_texts_apply(json_t *texts, json_t *o);
/* ticket_refusal_reasons with the labels in TEXTS' language. */
json_t *ticket_refusal_reasons_in(json_t *texts);

/* What the public form sent: RAW the form's fields (strings), ADDR the sender's network address
 * (tagged, never stored), ITEM_ID the item it is about (a comment's draft, the page an error is
 * reported on; 0: none), SHOW_NAME the citizen's consent to publish the name, NOTIFY to be mailed,
 * CHALLENGE the form's challenge token, spent in the same transaction. */
struct ticket_input {
	json_t *raw;
	const char *addr;
	int64_t item_id;
	int show_name, notify;
	const char *challenge;
	const char *base_url; /* the site's address as the citizen used it, for the mail's links */
	json_t *files;        /* the attachments written by ticket_file_put ([{name, sha256, mime, size}]), or NULL */
};

/* Submits a ticket of TK to SITE_ID at NOW, in one transaction: fields cleaned by TK->form (errors
 * under the fields' keys, the input kept by the caller), the limits per e-mail and address
 * ("limit" error: "ticket_limit"), personal fields sealed, its tracking code, its due time, its
 * first event, the "received" mail queued, an audit record (without personal data). CODE gets the
 * tracking code (24 bytes). M_OK, M_INVALID, M_ERROR. */
int ticket_submit(struct db *db, const struct ticket_kind *tk, int64_t site_id, const struct ticket_input *in,
		  int64_t now, struct errs *e, char code[24], int64_t *id);

/* The tracking page's view of CODE (no personal data): {kind, kind_label, code, state,
 * state_label, received_at, due_at, closed_at, site_name, site_url, title, events: [{at, action,
 * label, note}], item_url (the published answer)}; NULL when unknown. */
json_t *ticket_status(struct db *db, const char *code);
/* The same with what the citizen sent (personal fields opened) when EMAIL is the ticket's
 * e-mail; NULL when it is not (same answer as an unknown code). */
json_t *ticket_status_owner(struct db *db, const char *code, const char *email);
/* Stops the mail of CODE when TOKEN is its opt-out token (ticket_optout_token): M_OK, M_NOTFOUND. */
int ticket_optout(struct db *db, const char *code, const char *token);
/* The opt-out token of CODE for the mail's link (32 hex characters + NUL). */
int ticket_optout_token(const char *code, char out[33]);

/* The staff's inbox of SITE_ID (A has a role on it): BOX "new" (received), "mine" (assigned to A,
 * open), "open" (every open ticket), "due" (open, due within two working days), "overdue", "done"
 * (closed), "forwarded" (sent by this site to others); KIND NULL: every kind. Newest first within
 * the box's order (due ones by due time). [{id, code, kind, kind_label, title, state,
 * state_label, received_at, due_at, overdue (bool), assignee, site_name}], at most LIMIT from
 * OFFSET; *TOTAL (may be NULL) the box's size. NULL when denied. */
json_t *ticket_inbox(struct db *db, const struct actor *a, int64_t site_id, const char *box, const char *kind,
		     int64_t now, int limit, int offset, int64_t *total);
/* Counts per box for the inbox's tabs: {new, mine, open, due, overdue, done, forwarded}. */
json_t *ticket_inbox_counts(struct db *db, const struct actor *a, int64_t site_id, int64_t now);

/* One ticket for the staff of SITE_ID: its columns, fields, events (internal ones too), the
 * answer's item (id, state, url), the sites it may be forwarded to, the accounts it may be
 * assigned to, the actions A may take now. WITH_PERSONAL: the personal fields opened (for the site
 * handling it only, not the one it was forwarded from), and the
 * view recorded in the audit log ("ticket.personal_view"). NULL when absent or denied. */
json_t *ticket_get(struct db *db, const struct actor *a, int64_t site_id, int64_t id, int with_personal);

/* An action of A on ticket ID of SITE_ID at NOW, one transaction with its event, audit record and
 * the citizen's mail when the step is public. IN holds the action's inputs (strings):
 *  - "classify": deadline_kind (one of the kind's choices: the due time is counted again from the
 *    received time), field (the ticket's "linh_vuc");
 *  - "assign": user_id (an account with a role on the site; "" unassigns);
 *  - "note": note (internal, required);
 *  - "forward": site_id (another site), note (required): the ticket moves with its deadline;
 *  - "refuse": reason (one of ticket_refusal_reasons' keys), note: closed, the citizen told why;
 *  - "answer": body (rich text, sanitised), answerer, agency: a draft of the kind's item sent for
 *    approval (article_save_submit), the ticket "answered"; when that item is published the
 *    ticket is (ticket_sync);
 *  - "reply": body (plain text): answered by mail without publishing, closed;
 *  - "accept"/"reject" (moderated kinds): the comment shown publicly, or not (reason);
 *  - anything else: the kind's ACT hook.
 * M_OK, M_INVALID (errors in E under the inputs' names), M_DENIED, M_NOTFOUND, M_ERROR. */
int ticket_act(struct db *db, const struct actor *a, int64_t site_id, int64_t id, const char *action, json_t *in,
	       int64_t now, struct errs *e);
/* The retention of every kind's personal data (the system administrator's page):
 * [{kind, label, days, default_days}]. */
json_t *ticket_retention_list(struct db *db);
/* Sets KIND's retention to DAYS (text, TICKET_RETENTION_MIN..MAX; "" back to the kind's default),
 * for tickets closed from now on (a closed ticket keeps the date it got); the system
 * administrator only, audited ("ticket.retention"). M_OK, M_INVALID (E under "days.<kind>"),
 * M_DENIED, M_ERROR. */
#define TICKET_RETENTION_MIN 30
#define TICKET_RETENTION_MAX 3650
int ticket_retention_set(struct db *db, const struct actor *a, const char *kind, const char *days, struct errs *e);

/* "N.V.A." of "Nguyễn Văn An": the first character of each word and a dot; malloc'd ("" for NULL). */
char *ticket_initials(const char *name);

/* [{key, label}] of the reasons a ticket may be refused for. */
json_t *ticket_refusal_reasons(void);

/* Appends an event to ticket T (inside the caller's transaction); PUBLIC events show on the
 * tracking page, and mail the citizen when MAIL_SUBJECT is not NULL. 0 or -1. For kinds' hooks. */
int ticket_event(struct db *db, const struct actor *a, const struct ticket *t, const char *action, const char *note,
		 int public, const char *mail_subject, int64_t now);
/* Sets T's state (and closed_at, purge_after when the state closes it). 0 or -1. */
int ticket_set_state(struct db *db, struct ticket *t, const char *state, int closes, int64_t now);

/* Scheduler: tickets whose answer's item was published become "published" (the citizen mailed);
 * personal data past its retention deleted. How many changed, -1 on a store error. */
int ticket_sync(struct db *db, int64_t now);
/* ... and the files of a ticket whose personal data is deleted (they may hold it too): their
 * rows, and their bytes under DATA_DIR when no other ticket's row names them. */
int ticket_purge(struct db *db, const char *data_dir, int64_t now);

/* The outbox (outbox_due, outbox_done) is model/outbox.h. */

/* Moderated kinds (ticket_kind.moderated): 1 when SITE_ID shows a ticket of TK only once its staff
 * accepted it (pre-moderation: the default), 0 when it shows at once (state "published", event
 * "accepted" by nobody) and the staff may take it down ("reject" on a published one). */
int ticket_premoderated(struct db *db, const struct ticket_kind *tk, int64_t site_id);
/* Sets it (A: the site's administrator), audited ("ticket.moderation"). M_OK, M_DENIED,
 * M_NOTFOUND (not a moderated kind), M_ERROR. */
int ticket_premoderation_set(struct db *db, const struct actor *a, int64_t site_id, const char *kind, int on);

/* Files the staff send with a step (an information request's reply letter): kept privately
 * (never in the public media library), shown to the staff of the ticket's site and to the
 * citizen who proves the ticket's e-mail on the tracking page (model/ticket_files.c).
 * ticket_file_put checks BYTES (a document or image the media layer accepts) and writes them
 * under DATA_DIR/private/tickets/ (content-addressed) before the action's transaction: *FILE
 * gets {name, sha256, mime, size} for the action's input "files". M_OK, M_INVALID (E under
 * FIELD), M_ERROR. */
int ticket_file_put(const char *data_dir, const void *bytes, size_t len, const char *name, const char *field,
		    struct errs *e, json_t **file);
/* Records FILES ([{name, sha256, mime, size}] from ticket_file_put) with the event EVENT_ID of
 * ticket T, inside the caller's transaction. 0 or -1. */
int ticket_files_attach(struct db *db, const struct actor *a, const struct ticket *t, int64_t event_id, json_t *files,
			int64_t now);
/* The id of T's newest event (the one a hook just wrote), 0 when none. */
int64_t ticket_last_event(struct db *db, const struct ticket *t);
/* Ticket ID's files: [{id, name, mime, size, size_label, at, event_id}]. */
json_t *ticket_files(struct db *db, int64_t ticket_id);
/* File FILE_ID: its path under DATA_DIR (malloc'd), its NAME and MIME (malloc'd), its ticket's
 * *TICKET_ID and CODE; the caller checks who asks. NULL when absent. */
char *ticket_file_path(struct db *db, const char *data_dir, int64_t file_id, int64_t *ticket_id, char code[24], char **name,
		       char **mime);
/* The token that lets the owner of CODE fetch FILE_ID from the tracking page (32 hex + NUL). */
int ticket_file_token(const char *code, int64_t file_id, char out[33]);
/* Deletes ticket T's files (rows), inside the caller's transaction; the sha256 of those whose
 * bytes no other row names any more are appended to GONE (the caller unlinks them after the
 * commit: ticket_file_unlink). 0 or -1. */
int ticket_files_drop(struct db *db, const struct ticket *t, json_t *gone);
void ticket_file_unlink(const char *data_dir, const char *sha256);

#endif
