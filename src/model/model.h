/* model.h — the rules of Cổng: sites, accounts, sessions, categories, articles, media.
 * Every change goes through here: validated, permission-checked per site, written in one
 * transaction with an audit record. Reads return jansson objects ready for the view layer.
 * Field errors carry message keys (locale/vi.json) so handlers show them next to the field. */
#ifndef CONG_MODEL_H
#define CONG_MODEL_H

#include <stdint.h>
#include <stddef.h>
#include <jansson.h>

struct db;

/* Who is acting: a signed-in account (id > 0) or the command line (id 0, trusted). */
struct actor {
	int64_t id;
	int sysadmin;
	const char *address;
};
extern const struct actor actor_cli;

#define ERRS_MAX 24
struct errs {
	int n;
	struct {
		const char *field;
		const char *key; /* message key in locale/<lang>.json */
	} e[ERRS_MAX];
	char names[512]; /* field names made up for one message ("ho_so.2.ten": a table's cell) */
	size_t names_used;
	/* messages made up for one error (errs_add_text: "Dòng 7, cột 'Dân số': …"), by entry */
	const char *text[ERRS_MAX];
	char texts[1024];
	size_t texts_used;
};
void errs_add(struct errs *e, const char *field, const char *key);
/* errs_add under a name made for the occasion ("days.question"), copied into E itself. */
void errs_add_copy(struct errs *e, const char *field, const char *key);
/* errs_add under the name "FIELD.ROW.SUB" (a cell of a table field), kept in E itself. */
void errs_add_cell(struct errs *e, const char *field, size_t row, const char *sub, const char *key);
/* errs_add with a sentence of its own (shown instead of KEY's message; cut when out of room),
 * kept in E itself: a message that names what was wrong where (a table's row and column). */
void errs_add_text(struct errs *e, const char *field, const char *key, const char *text);
/* Result codes of model calls. */
enum model_rc { M_OK = 0, M_INVALID = -1, M_DENIED = -2, M_NOTFOUND = -3, M_ERROR = -4 };

/* Appends a record to the append-only, hash-chained audit log. Returns 0, or -1 (logged: the
 * step that failed, never OBJECT or DETAIL) when it could not be written; inside a transaction
 * the caller must then roll its change back, so that no change is kept without its record. */
int audit_write(struct db *db, const struct actor *a, int64_t site_id, const char *action,
		const char *object, const char *detail);
/* The page cache's generation of a site: bumped by every change recorded for it (and for the
 * main portal with it); -1 on a store error. */
/* Bumps every site's generation: a site added, renamed or given a domain shows in other sites'
 * pages (the main portal's and a parent's lists, every footer's link to the main portal). */
int cache_bump_all(struct db *db);
int cache_bump(struct db *db, int64_t site_id);
/* The number a page of SITE_ID is cached under: its generation and the time edges passed (a
 * maintenance notice, the site's banners). UNTIL (may be NULL) gets the time of the next edge:
 * the number may change then without any change to the database. -1 on a store error. */
int64_t cache_generation(struct db *db, int64_t site_id, int64_t *until);
/* Checks the whole chain: 0 when intact, else the id of the first record whose hash or link does
 * not match (altered, inserted or deleted records); -1 on a store error. */
int64_t audit_verify(struct db *db, int64_t *checked);
/* The chain's head: how many records and the newest one's id and hash ("" and 0 when empty), to
 * anchor outside the table (backup manifests, the daily log) so that deleting the newest records
 * is detected. 0, or -1 on a store error. */
int audit_head(struct db *db, int64_t *count, int64_t *last_id, char hash[65]);
struct audit_filter {
	int64_t site_id;        /* sysadmin only: 0 all sites */
	const char *username;   /* "" or NULL: everyone */
	const char *action;
	int64_t from, to;       /* 0: open */
};
/* Records for site administrators (their site) and system administrators; NULL when denied. */
json_t *audit_list(struct db *db, const struct actor *a, int64_t site_id, const struct audit_filter *f,
		   int64_t limit, int64_t offset, int64_t *total);

/* Rows with id and parent_id, in sibling order, returned depth-first with "depth" (takes ROWS). */
json_t *tree_order(json_t *rows);

/* ---- sites ---- */
struct site_input {
	const char *slug, *parent_slug, *kind, *name, *name_en, *short_name, *owner, *address,
		*phone, *email, *fax, *responsible, *licence;
};
/* Creates a site; the slug is derived from the name when not given. On success *ID and *SLUG
 * (malloc'd) are set. */
int site_add(struct db *db, const struct site_input *in, struct errs *e, int64_t *id, char **slug);
/* Workflow settings of a site (its administrators): one- or two-step approval, and whether the
 * approver may publish what they wrote. */
int site_settings_update(struct db *db, const struct actor *a, int64_t site_id, int approval_steps,
			 int approver_may_be_author, struct errs *e);
/* Updates names and the contact block (slug, kind and parent stay). */
int site_update(struct db *db, int64_t id, const struct site_input *in, struct errs *e);
int site_add_domain(struct db *db, int64_t site_id, const char *domain, struct errs *e);
/* The site a Host header names, given the base domain; NULL when none (never another site). */
json_t *site_find_by_host(struct db *db, const char *host, const char *base);
json_t *site_get(struct db *db, int64_t id);
/* The same from the sites kept with the connection (public pages: links to other sites' items);
 * shared: read it and json_decref it, never change it. */
json_t *site_get_kept(struct db *db, int64_t id);
json_t *site_get_by_slug(struct db *db, const char *slug);
json_t *site_main(struct db *db);
/* Whether SITE publishes in language CODE: Vietnamese always, the others when the site's board
 * turned them on (its "languages": "en km"). */
int site_has_language(const json_t *site, const char *code);
/* The languages SITE publishes in besides Vietnamese (codes as locale/ names them; "vi" and
 * repeats are dropped); site administrators. */
int site_languages_set(struct db *db, const struct actor *a, int64_t site_id, const char *const *codes, size_t n,
		       struct errs *e);
json_t *site_list(struct db *db);                 /* all, tree order */
/* Every site in tree order when PARENT_ID is 0, else that site's children: the sites kept per
 * connection, with "kind_label" (site_kind_label). Home pages list them. */
json_t *site_directory(struct db *db, int64_t parent_id);
/* How the directory names a kind of site ("Sở, ban, ngành" for a department). */
const char *site_kind_label(const char *kind);
json_t *site_children(struct db *db, int64_t id);
/* "snv.example.gov.vn", or BASE itself for the main site; malloc'd. */
char *site_host(json_t *site, const char *base);
int site_main_exists(struct db *db);

/* ---- accounts ---- */
/* Creates an account with a one-time password (must be changed at first sign-in). ROLE is
 * "sysadmin" or a site role with SITE_SLUG. */
int user_add(struct db *db, const char *username, const char *display_name, const char *role,
	     const char *site_slug, const char *password, struct errs *e, int64_t *id);
int user_set_role(struct db *db, int64_t user_id, int64_t site_id, const char *role, struct errs *e);
/* The account for USERNAME/PASSWORD or NULL; costs the same time for unknown names. After
 * repeated failures of the name or the address, NULL with *WAIT > 0: seconds to wait (growing
 * delays, then a lock), whatever the password. */
json_t *user_authenticate(struct db *db, const char *username, const char *password, const char *address,
			  int64_t *wait);
/* An administrator disables or enables an account (user_may_manage(), from site SITE_ID);
 * disabling ends its sessions at once, enabling restarts its dormancy clock. */
int user_set_disabled(struct db *db, const struct actor *a, int64_t site_id, int64_t user_id, int disabled);
int64_t user_id_by_name(struct db *db, const char *username); /* 0 when unknown */
int user_change_password(struct db *db, int64_t user_id, const char *old_pw, const char *new_pw,
			 const char *confirm, struct errs *e);
json_t *user_get(struct db *db, int64_t id);
/* The language the account A reads the admin in, and gets its reminder mails in (#16): LANG is a
 * language of LOCALES (base/locale.h; "vi" is stored as the default, ''). Audited. */
int user_set_language(struct db *db, const struct actor *a, const char *lang, const json_t *locales, struct errs *e);
/* The role ACTOR holds on SITE ("sysadmin" for system administrators) or NULL. */
const char *user_role_on(struct db *db, const struct actor *a, int64_t site_id);
/* Sites the account holds a role on (all sites for sysadmin). */
json_t *user_sites(struct db *db, const struct actor *a);
/* Site administration: accounts holding roles on SITE_ID (with their open items), granting and
 * revoking roles, creating accounts, handing one person's open items to another (ĐT Đ13.5). */
json_t *user_list_site(struct db *db, const struct actor *a, int64_t site_id);
int user_grant(struct db *db, const struct actor *a, int64_t site_id, const char *username, const char *role,
	       struct errs *e);
int user_revoke(struct db *db, const struct actor *a, int64_t site_id, int64_t user_id);
int user_handover(struct db *db, const struct actor *a, int64_t site_id, int64_t from_id, int64_t to_id,
		  struct errs *e, int64_t *moved);
int user_create_on_site(struct db *db, const struct actor *a, int64_t site_id, const char *username,
			const char *display_name, const char *role, const char *password, struct errs *e);
/* Passwords (password.c). */
int password_hash(const char *pw, char *out, size_t n);
/* Length and classes from settings, not one of the common passwords, not containing USERNAME;
 * DB may be NULL (defaults). The minimum length is password_min_length_no_mfa (14) for an
 * account without a second factor (every new account, every one-time password) and
 * password_min_length (8, BT Đ20.4) for one with it (password_check_mfa with MFA set). */
int password_check(struct db *db, const char *pw, const char *username, struct errs *e, const char *field);
int password_check_mfa(struct db *db, const char *pw, const char *username, int mfa, struct errs *e,
		       const char *field);
int password_check_policy(const char *pw, struct errs *e, const char *field);
/* The 10,000 most common passwords are built into the binary (build/gen/common_passwords.c,
 * made from npm @zxcvbn-ts/language-common by `make`): how many are refused. */
size_t password_common_count(void);
/* Whether PW is one of the account's last N passwords (N: password_history, or
 * password_history_admin for an administrator). */
int password_reused(struct db *db, int64_t user_id, const char *pw);
int password_history_add(struct db *db, int64_t user_id, const char *hash);
/* Days a password lasts (0: for ever): password_max_age_days, or _admin for administrators. */
int64_t password_max_age_days(struct db *db);
int64_t password_max_age_days_admin(struct db *db);
/* Failed sign-ins (per "u:name" and "a:address" keys): growing delays, then a lock of
 * signin_lock_minutes after signin_lock_after failures of a name (LOCK_AFTER for an address). */
int64_t signin_wait(struct db *db, const char *key);
void signin_failed(struct db *db, const char *key, int lock_after);
void signin_succeeded(struct db *db, const char *key);
int signin_addr_lock_after(void);

/* ---- the level-3 account rules (account.c) ---- */
/* A setting of the account rules: its default is the regulation's figure, a value outside
 * [MIN, MAX] is ignored; MSG is the locale key that names the range. */
struct account_setting {
	const char *key;
	int64_t def, min, max;
	const char *msg;
};
const struct account_setting *account_settings(size_t *n);
int64_t account_setting(struct db *db, const char *key); /* DB may be NULL: the default */
/* The system administrator sets them all at once from VALUES {key: "number"}: each checked
 * against its range (a field error on its key), in one transaction with an audit record. */
int account_settings_update(struct db *db, const struct actor *a, json_t *values, struct errs *e);
/* The system administrator or a site administrator (of any site). */
int user_is_admin(struct db *db, int64_t user_id);
/* Whether A may disable, enable or unlock USER_ID from SITE_ID: the system administrator any
 * account but its own; a site administrator the accounts of its site that administer nothing. */
int user_may_manage(struct db *db, const struct actor *a, int64_t site_id, int64_t user_id);
/* The emergency unlock: clears the account's failed sign-ins and lock, audited. */
int user_unlock(struct db *db, const struct actor *a, int64_t site_id, int64_t user_id);
/* Disables every account unused (no sign-in, creation or re-enabling) for the setting
 * account_dormant_days before NOW, each with its sessions ended and an audit record
 * "user.dormant". Returns how many, or -1. Run by the scheduler and `cong user dormant`. */
int user_dormant_sweep(struct db *db, int64_t now);
/* The account list for the review (the system administrator: every account; a site
 * administrator: its site's): roles on every site, last sign-in, states (locked, disabled,
 * dormant, unused, password due, 2FA), may_manage. NULL when denied. */
json_t *account_review_list(struct db *db, const struct actor *a, int64_t site_id, int64_t now);

/* ---- sessions ---- */
#define SESSION_TOKEN_LEN 43 /* base64url of 32 random bytes */
int session_create(struct db *db, int64_t user_id, char token[SESSION_TOKEN_LEN + 1]);
/* The signed-in account for a cookie token, or NULL (expired, unknown, disabled). */
json_t *session_user(struct db *db, const char *token);
void session_destroy(struct db *db, const char *token);
/* Ends every session of an account (disabled, privilege changed). */
void session_destroy_user(struct db *db, int64_t user_id);
/* Ends the account's sessions but KEEP_TOKEN's (a password change signs out other browsers). */
void session_destroy_others(struct db *db, int64_t user_id, const char *keep_token);
void random_token(char *out, size_t nbytes); /* base64url of NBYTES random bytes */

/* ---- categories ---- */
struct category_input {
	const char *name, *slug, *description;
	int64_t parent_id; /* 0: top level */
	int64_t position;
	const char *kind; /* what it holds (model/kind.h); NULL or "": "article" on a new one, kept on an edit */
};
/* Tree order, with depth; each row {id, parent_id, name, slug, description, position,
 * published_count, depth}. */
json_t *category_list(struct db *db, int64_t site_id);
/* The same, kept per connection until the database changes (db_memo): the public pages read
 * it on every request. Shared: what it returns must not be modified. */
json_t *category_tree(struct db *db, int64_t site_id);
/* In CATS (category_list's tree order): the ids of category ID and of its descendants, ID first,
 * malloc'd in *IDS; 0 (and NULL) when ID is not among them, e.g. another site's. */
size_t category_subtree(json_t *cats, int64_t id, int64_t **ids);
/* The row of category ID in CATS (borrowed), or NULL. */
json_t *category_in(json_t *cats, int64_t id);
json_t *category_get(struct db *db, int64_t site_id, int64_t id);
int category_save(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
		  const struct category_input *in, struct errs *e, int64_t *out_id);
/* The site's first category of KIND, made (named after the kind, at the end of the menu) when it
 * has none: where items of the kind go when nobody chose. 0 on a store error or unknown kind. */
int64_t category_for_kind(struct db *db, int64_t site_id, const char *kind);

/* ---- items (articles and every other kind: model/kind.h) ---- */
struct article_input {
	/* the kind (kind.h; NULL: "article", or the item's own when it exists) and its own fields as
	 * typed (an object of strings, or arrays of strings; NULL: none); cleaned by the kind */
	const char *kind;
	json_t *fields;
	const char *title, *summary, *body, *author, *cover_alt;
	const char *src_author, *src_name, *src_url;
	int64_t src_time; /* 0: none */
	int64_t category_id;
	int64_t cover_id; /* 0: none; -1: keep */
	int featured;
	/* intake (VL Đ8.2): who provided the information, received/issued time (0: none) */
	const char *intake_unit, *intake_name, *intake_title, *intake_email, *intake_phone;
	int64_t intake_received_at;
	/* the kind of information for its update deadline (deadline.h): NULL keeps it, "" follows
	 * the category's */
	const char *deadline_kind;
	const char *note; /* the revision's note */
	/* attachments (files of the site's library), replaced when SET_ATTACHMENTS; on a published
	 * item they are public at once, so only approvers change them there */
	const int64_t *attachments;
	size_t nattachments;
	int set_attachments;
	/* the data folder, for kinds whose check reads the library's files (kind.check_store: a
	 * statistics table); NULL: such kinds refuse the save */
	const char *data_dir;
};
/* The members of struct article_input that every kind has, by the key the admin's form and the
 * API's body name them (web/admin/articles.c, model/api_input.c): one table, so the two cannot
 * drift apart. */
enum article_input_type {
	AIN_TEXT, /* text, as typed */
	AIN_ID,   /* a positive id; absent: 0 */
	AIN_FLAG, /* on or off */
	AIN_TIME, /* a time (Unix seconds); absent: 0 */
};
struct article_input_field {
	const char *key;
	enum article_input_type type;
	size_t offset; /* in struct article_input */
};
extern const struct article_input_field article_input_fields[];
extern const size_t article_input_nfields;
/* Saves a new revision of article ID (0: a new draft by A). Unpublished items take the new
 * content at once; a published item keeps its public version and gets a pending change that
 * goes through the workflow. Refuses (M_INVALID) when E already holds errors, after adding its
 * own; M_DENIED when A may not edit this item in its state. An item of another kind than news
 * without a category goes to the site's category of its kind (category_for_kind). */
int article_save(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
		 const struct article_input *in, struct errs *e, int64_t *out_id);
/* "Save and send for editing": article_save then the "submit" action, in one transaction
 * (either both are kept or neither). */
int article_save_submit(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
			const struct article_input *in, struct errs *e, int64_t *out_id);

/* The workflow. ACTION is one of: submit, edited (editing done, sent for approval), return
 * (comment required), refuse (reason a–đ of VL Đ11.3 required), publish, schedule (WHEN in the
 * future), unschedule, withdraw (comment = the reason, required), correct (comment = the
 * correction, required). Every transition is recorded with actor, time and comment. */
struct act_input {
	const char *comment;
	const char *reason; /* refuse: "a", "b", "c", "d" or "đ" */
	int64_t when;       /* schedule */
};
int article_act(struct db *db, const struct actor *a, int64_t site_id, int64_t id, const char *action,
		const struct act_input *in, struct errs *e);
/* Every workflow action's name, in the rules' order, into OUT (at most MAX); how many (the
 * API's description lists them: web/public/api.c). */
size_t article_action_names(const char **out, size_t max);
/* The actions A may take on article ART (from article_get_admin) now: [{action, label, ...}]. */
json_t *article_actions(struct db *db, const struct actor *a, int64_t site_id, json_t *art);
/* Publishes at once, skipping the workflow: only for the trusted command line (demo, import). */
int article_publish_cli(struct db *db, int64_t site_id, int64_t id, int64_t when);
/* Publishes scheduled items that are due; returns how many. Run by the scheduler. */
int article_publish_due(struct db *db, int64_t now);
/* Items scheduled and not yet published: how many, and the earliest time one is due (0: none).
 * 0, or -1 on a store error. */
int article_scheduled_waiting(struct db *db, int64_t *n, int64_t *oldest);
/* Labels of states and refusal reasons (Vietnamese). */
const char *article_state_label(const char *state);
/* The refusal reasons (VL Đ11.3) {code, label}, labelled in TEXTS' language (req_texts()). */
json_t *article_refusal_reasons(json_t *texts);
/* The workflow's texts in a language (#16): TEXTS is the language's texts (req_texts()); a text
 * it lacks is the Vietnamese of model/workflow.c. article_reason_text is NULL for an unknown code. */
const char *article_state_text(json_t *texts, const char *state);
const char *article_action_text(json_t *texts, const char *action);
const char *article_reason_text(json_t *texts, const char *code);
/* Adds the workflow's Vietnamese texts to VI (the loaded "vi" texts) under their locale keys
 * ("wf.state.draft"…); -1 with ERR when a locale file holds one of them. */
int wf_locale_add(json_t *vi, char *err, size_t n);

/* Admin reads: only for accounts with a role on the site; reporters see their own items and
 * published ones. The object carries "wstate" (the workflow state of the item or of its pending
 * change) and, with a pending change, the change's content in place of the public one. */
json_t *article_get_admin(struct db *db, const struct actor *a, int64_t site_id, int64_t id);
enum article_filter { AF_ALL, AF_MINE_DRAFTS, AF_WAITING_FOR_ME, AF_RETURNED_TO_ME, AF_SCHEDULED };
/* KIND: only items of that kind (NULL or "": every kind). */
json_t *article_list_admin(struct db *db, const struct actor *a, int64_t site_id, enum article_filter f,
			   const char *kind, int64_t limit, int64_t offset, int64_t *total);
json_t *article_timeline(struct db *db, const struct actor *a, int64_t site_id, int64_t id);
json_t *article_revisions(struct db *db, const struct actor *a, int64_t site_id, int64_t id);
json_t *article_revision_get(struct db *db, const struct actor *a, int64_t site_id, int64_t id, int64_t rev_id);
/* Saves revision REV_ID's content as a new revision. */
int article_revision_restore(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
			     int64_t rev_id, struct errs *e);

/* Public reads: published only. */
json_t *article_get_public(struct db *db, int64_t site_id, int64_t id);
/* {withdrawn_at, withdrawn_reason, title} of a withdrawn article, or NULL. */
json_t *article_get_withdrawn(struct db *db, int64_t site_id, int64_t id);
json_t *article_corrections(struct db *db, int64_t id);

/* The public pages list articles as cards. Each list below hands its cards to FN in the list's
 * order, with LIST (which list: article_sections' section, else 0) and POS (the place in that
 * list); the strings are the database's and valid only during the call. Every list returns the
 * number of cards it gave. */
struct article_card {
	int64_t id, site_id, category_id, published_at;
	int64_t cover_w, cover_h;             /* 0 when unknown */
	const char *title, *slug, *summary, *cover_alt;
	const char *cover_sha, *cover_ext;    /* NULL: no cover */
	const char *category_name, *category_slug;
	const char *site_slug, *site_kind, *site_name; /* article_from_components only, else NULL */
	size_t list, pos;
};
typedef void article_card_fn(const struct article_card *c, void *arg);

size_t article_featured(struct db *db, int64_t site_id, int64_t limit, article_card_fn *fn, void *arg);
/* A page of the articles of category ID and its subcategories, newest first; CATS is the
 * site's category_tree (or category_list), which also gives TOTAL (may be NULL): how many
 * there are in all (published_count, kept by triggers). */
size_t article_in_category(struct db *db, json_t *cats, int64_t id, int64_t limit, int64_t offset,
			   int64_t *total, article_card_fn *fn, void *arg);
/* A site's home page lists, in one go: list 0 the newest NLATEST articles, then for each
 * top-level category of CATS (the site's category_tree) in order, list 1, 2, ...: the newest
 * PER of it and its subcategories (a section without articles gives none). */
size_t article_home(struct db *db, int64_t site_id, json_t *cats, int64_t nlatest, int64_t per, article_card_fn *fn,
		    void *arg);
size_t article_related(struct db *db, int64_t site_id, int64_t category_id, int64_t except_id, int64_t limit,
		       article_card_fn *fn, void *arg);
/* Component sites' items the main portal accepted, still published, newest first, with
 * site_slug, site_kind and site_name. */
size_t article_from_components(struct db *db, int64_t main_site_id, int64_t limit, article_card_fn *fn, void *arg);
/* An article's row from article_get_public as a card (strings borrowed from ROW). */
void article_card_of(json_t *row, struct article_card *c);

/* ---- sharing up to the main portal (VL Đ14.1, ĐT Đ13.3–4) ---- */
int share_propose(struct db *db, const struct actor *a, int64_t site_id, int64_t article_id, struct errs *e);
int share_decide(struct db *db, const struct actor *a, int64_t main_site_id, int64_t share_id, int accept,
		 const char *reason, struct errs *e);
/* Proposals to the main portal in STATE ("proposed", "accepted", "declined"). */
json_t *share_list(struct db *db, const struct actor *a, int64_t main_site_id, const char *state);
/* The share record of an article, or NULL. */
json_t *share_of(struct db *db, int64_t article_id);

/* ---- media ---- */
/* A site's media library. Uploads are recognised by their content (libmagic, then libgd for
 * images; the structure of the ZIP for DOCX, XLSX, ODT), never by their name: images (JPEG,
 * PNG, WebP, GIF; at most MEDIA_IMAGE_MAX bytes) and files to attach (PDF, DOC, DOCX, XLS,
 * XLSX, ODT, and CSV: text whose first two lines hold a separator; at most MEDIA_FILE_MAX bytes). Each content is stored once, as
 * DATA/media/<2 hex>/<sha256>.<ext>; an image wider than 480 or 960 pixels gets JPEG copies of
 * those widths beside it (<sha256>-480.jpg), made before the row is committed. Public URLs:
 * "/media/<sha256>.<ext>" for images, "/tep/<sha256>.<ext>" (a download) for files. */
#define MEDIA_IMAGE_MAX (10 * 1024 * 1024)
#define MEDIA_FILE_MAX (20 * 1024 * 1024)
/* Audio and video (MP4, WebM, MP3, M4A, Ogg) and WebVTT captions are files too; audio and video
 * may be larger: at most the site's setting sites.media_av_max_mb (migration 0027; default
 * MEDIA_AV_MAX_DEFAULT, at most MEDIA_AV_MAX_LIMIT), within the server's request limit
 * (`cong serve --max-body`): an upload is read in memory. WebVTT files must pass vtt_check. */
#define MEDIA_AV_MAX_DEFAULT ((int64_t)100 << 20)
#define MEDIA_AV_MAX_LIMIT ((int64_t)2048 << 20)
int64_t media_av_max(struct db *db, int64_t site_id); /* bytes */
/* Stores an uploaded image (JPEG, PNG, WebP, GIF only); field errors on "cover". The same
 * content already in the site's library gives its id. */
int media_store(struct db *db, const char *data_dir, const struct actor *a, int64_t site_id,
		const void *bytes, size_t len, const char *orig_name, struct errs *e, int64_t *id);
/* Stores any accepted upload, image or file; field errors on "file", "alt", "title". ALT is
 * NULL when the form does not ask for one; given, an image needs a non-empty one. TITLE may be
 * NULL; a file's title defaults to its name without the extension. */
int media_store_file(struct db *db, const char *data_dir, const struct actor *a, int64_t site_id,
		     const void *bytes, size_t len, const char *orig_name, const char *alt,
		     const char *title, struct errs *e, int64_t *id);
/* The checks media_store_file makes of BYTES before storing them (size, a type the library
 * accepts, an image's dimensions), without storing: M_OK, or M_INVALID with the reason on "file".
 * The importers' preview uses it, so a file is refused there as the upload form would. */
int media_file_check(const void *bytes, size_t len, struct errs *e);
/* The same, with the type found (*MIME, a static string) when the file is accepted. */
int media_file_check_mime(const void *bytes, size_t len, struct errs *e, const char **mime);
/* A media row {id, site_id, kind, sha256, mime, ext, size, width, height, orig_name, alt, title,
 * created_by, created_at, url, size_label, variants: [{width, height, ext, url}]}, or NULL.
 * Callers check site_id. */
json_t *media_get(struct db *db, int64_t id);
/* The site's library, newest first; KIND "image", "file" or NULL (both). Rows as media_get's
 * plus uploader (display name) and thumb_url (images). NULL without a role on the site. TOTAL
 * may be NULL. */
json_t *media_list(struct db *db, const struct actor *a, int64_t site_id, const char *kind,
		   int64_t limit, int64_t offset, int64_t *total);
/* Changes the description and title (an image needs a description). Reporters may change only
 * what they uploaded. */
int media_update(struct db *db, const struct actor *a, int64_t site_id, int64_t id, const char *alt,
		 const char *title, struct errs *e);
/* Removes the row (files stay: the same content may be another row's). Refused (M_INVALID,
 * "media_in_use" on field "delete") while an article uses it as cover, attachment or in its
 * text. Reporters may delete only what they uploaded. */
int media_delete(struct db *db, const struct actor *a, int64_t site_id, int64_t id, struct errs *e);
/* Path relative to the data folder: "media/ab/abcdef….jpg"; malloc'd. */
char *media_path(json_t *m);
/* The public URL of M (an image or a file download); malloc'd. */
char *media_url(json_t *m);
/* The best URL to show image M at WIDTH pixels: the narrowest variant at least that wide, else
 * the original ("/media/<sha>-480.jpg" or "/media/<sha>.<ext>"); malloc'd. Uses M's
 * "variants" (media_get, media_list). */
char *media_variant_url(json_t *m, int width);
/* "850 B", "35 KB", "1,2 MB" (Vietnamese decimal comma). */
void media_size_label(int64_t bytes, char *buf, size_t n);
/* The file a download URL names: {orig_name, mime, ext, sha256} of a row of kind 'file' with
 * that content, the one of PREFER_SITE_ID first; NULL when no library holds it. */
json_t *media_find_file(struct db *db, const char *sha256, const char *ext, int64_t prefer_site_id);

/* Files attached to an article. Replaces the list with MEDIA_IDS in that order (each a file,
 * kind 'file', of the site's library; duplicates dropped), in its own transaction with an audit
 * record; nothing is written when the list is unchanged. Field errors on "attachments". */
int article_attachments_set(struct db *db, const struct actor *a, int64_t site_id, int64_t article_id,
			    const int64_t *media_ids, size_t n, struct errs *e);
/* [{id, title, orig_name, size, size_label, ext, url}] in order. */
json_t *article_attachments(struct db *db, int64_t article_id);

/* ---- two-factor sign-in (TOTP, RFC 6238; model/totp.c) ----
 * Secrets are 20 random bytes, stored encrypted (secretbox) under DATA/secret.key; codes are 6
 * digits of HMAC-SHA1 over 30-second steps, accepted for the current step ±1, each step at most
 * once (the last accepted step is kept per account: a replayed code is refused). Ten recovery
 * codes, shown once, stored as keyed hashes, each good once. Every change is audited. */
#define TOTP_DIGITS 6
#define TOTP_STEP 30
#define TOTP_RECOVERY_CODES 10
#define SESSION_MFA_TRIES 5 /* codes a pending session may try before it is destroyed */
/* Where secret.key lives (the data folder); `cong serve` sets it before serving. */
void totp_set_key_dir(const char *data_dir);
/* A key of N bytes (crypto_kdf: 16..64) derived from DATA/secret.key for purpose CTX (8
 * characters) and number ID, so that no two uses share a key; 0 or -1 (logged). */
int secret_subkey(uint64_t id, const char ctx[8], unsigned char *out, size_t n);
/* The TOTP code of KEY at Unix time T (DIGITS 6..8; OUT holds DIGITS + 1 bytes); 0 or -1. */
int totp_code(const unsigned char *key, size_t len, int64_t t, unsigned digits, char *out);
/* 1 when the account must use two-factor sign-in: it holds a role on some site (or is the
 * system administrator) that the setting "mfa_required_roles" lists (comma-separated; default
 * TOTP_REQUIRED_DEFAULT; "" requires nobody). */
#define TOTP_REQUIRED_DEFAULT "sysadmin,siteadmin,approver"
int totp_required(struct db *db, int64_t user_id, int sysadmin);
/* {enabled (bool), enabled_at, recovery_left}; enabled false when the account has none. */
json_t *totp_status(struct db *db, int64_t user_id);
/* Starts (or shows again) A's enrolment: *OUT = {secret (base32), secret_grouped, uri
 * (otpauth://), qr_svg (an SVG made here from URI, QR_TITLE its accessible name, in the reader's
 * language)}. M_INVALID when 2FA is already on. */
int totp_enrol_begin(struct db *db, const struct actor *a, const char *issuer, const char *account, const char *qr_title,
		     json_t **out);
/* Turns 2FA on when CODE is a valid current code of the pending secret; *CODES = the recovery
 * codes ["xxxxx-xxxxx", …], to be shown once. Field errors on "code". NOW 0: the clock. */
int totp_enrol_confirm(struct db *db, const struct actor *a, const char *code, int64_t now, struct errs *e,
		       json_t **codes);
/* The second factor of A (A->id): a current code (not replayed) or an unused recovery code
 * (then spent; *USED_RECOVERY set). M_OK, M_INVALID (wrong, replayed, spent), M_NOTFOUND (2FA
 * is off). */
int totp_verify(struct db *db, const struct actor *a, const char *input, int64_t now, int *used_recovery);
/* A turns their own 2FA off: their password and a code (or recovery code). Field errors on
 * "password" and "code". */
int totp_disable(struct db *db, const struct actor *a, const char *password, const char *code, int64_t now,
		 struct errs *e);
/* The system administrator removes USERNAME's 2FA (a lost device); field errors on "username". */
int totp_reset(struct db *db, const struct actor *a, const char *username, struct errs *e);
/* Sessions of the second step (model/session.c): a pending session after the password; the
 * full session under a new token once the code is right (the old token is destroyed). Each code
 * given to a pending session is counted before it is checked: session_mfa_attempt returns the
 * count with this one (-1: no pending session, or an error); the caller ends the session when
 * the count reaches SESSION_MFA_TRIES without success, and refuses to check beyond it. */
int session_create_pending(struct db *db, int64_t user_id, char token[SESSION_TOKEN_LEN + 1]);
int session_rotate(struct db *db, const char *old_token, char token[SESSION_TOKEN_LEN + 1]);
int session_mfa_attempt(struct db *db, const char *token);

#endif
