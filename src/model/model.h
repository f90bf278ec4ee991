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
};
void errs_add(struct errs *e, const char *field, const char *key);
/* Result codes of model calls. */
enum model_rc { M_OK = 0, M_INVALID = -1, M_DENIED = -2, M_NOTFOUND = -3, M_ERROR = -4 };

void audit_write(struct db *db, const struct actor *a, int64_t site_id, const char *action,
		 const char *object, const char *detail);

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
/* Updates names and the contact block (slug, kind and parent stay). */
int site_update(struct db *db, int64_t id, const struct site_input *in, struct errs *e);
int site_add_domain(struct db *db, int64_t site_id, const char *domain, struct errs *e);
/* The site a Host header names, given the base domain; NULL when none (never another site). */
json_t *site_find_by_host(struct db *db, const char *host, const char *base);
json_t *site_get(struct db *db, int64_t id);
json_t *site_get_by_slug(struct db *db, const char *slug);
json_t *site_main(struct db *db);
json_t *site_list(struct db *db);                 /* all, tree order */
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
/* The account for USERNAME/PASSWORD or NULL; costs the same time for unknown names. */
json_t *user_authenticate(struct db *db, const char *username, const char *password, const char *address);
int user_change_password(struct db *db, int64_t user_id, const char *old_pw, const char *new_pw,
			 const char *confirm, struct errs *e);
json_t *user_get(struct db *db, int64_t id);
/* The role ACTOR holds on SITE ("sysadmin" for system administrators) or NULL. */
const char *user_role_on(struct db *db, const struct actor *a, int64_t site_id);
/* Sites the account holds a role on (all sites for sysadmin). */
json_t *user_sites(struct db *db, const struct actor *a);
int password_hash(const char *pw, char *out, size_t n);
int password_check_policy(const char *pw, struct errs *e, const char *field);

/* ---- sessions ---- */
#define SESSION_TOKEN_LEN 43 /* base64url of 32 random bytes */
int session_create(struct db *db, int64_t user_id, char token[SESSION_TOKEN_LEN + 1]);
/* The signed-in account for a cookie token, or NULL (expired, unknown, disabled). */
json_t *session_user(struct db *db, const char *token);
void session_destroy(struct db *db, const char *token);
void random_token(char *out, size_t nbytes); /* base64url of NBYTES random bytes */

/* ---- categories ---- */
struct category_input {
	const char *name, *slug, *description;
	int64_t parent_id; /* 0: top level */
	int64_t position;
};
json_t *category_list(struct db *db, int64_t site_id); /* tree order, with depth */
json_t *category_get(struct db *db, int64_t site_id, int64_t id);
int category_save(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
		  const struct category_input *in, struct errs *e, int64_t *out_id);

/* ---- articles ---- */
struct article_input {
	const char *title, *summary, *body, *author, *cover_alt;
	const char *src_author, *src_name, *src_url;
	int64_t src_time; /* 0: none */
	int64_t category_id;
	int64_t cover_id; /* 0: none; -1: keep */
	int featured;
	int64_t published_at; /* used when publishing from the CLI or demo; 0: now */
};
/* Refuses (M_INVALID) when E already holds errors, after adding its own. */
int article_save(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
		 const struct article_input *in, struct errs *e, int64_t *out_id);
int article_publish(struct db *db, const struct actor *a, int64_t site_id, int64_t id, int64_t when);
int article_unpublish(struct db *db, const struct actor *a, int64_t site_id, int64_t id);
/* Admin read: any state, only for accounts with a role on the site. */
json_t *article_get_admin(struct db *db, const struct actor *a, int64_t site_id, int64_t id);
json_t *article_list_admin(struct db *db, const struct actor *a, int64_t site_id, int64_t limit, int64_t offset, int64_t *total);
/* Public reads: published only. */
json_t *article_get_public(struct db *db, int64_t site_id, int64_t id);
json_t *article_latest(struct db *db, int64_t site_id, int64_t limit);
json_t *article_featured(struct db *db, int64_t site_id, int64_t limit);
json_t *article_in_category(struct db *db, int64_t site_id, int64_t category_id, int64_t limit,
			    int64_t offset, int64_t *total); /* includes subcategories; TOTAL may be NULL */
json_t *article_related(struct db *db, int64_t site_id, int64_t category_id, int64_t except_id, int64_t limit);
/* Newest published items of the main site's descendant sites, with site_slug and site_name. */
json_t *article_from_components(struct db *db, int64_t main_site_id, int64_t limit);

/* ---- media ---- */
/* Stores an uploaded image (checked by content: JPEG, PNG, WebP, GIF) under DATA/media/. */
int media_store(struct db *db, const char *data_dir, const struct actor *a, int64_t site_id,
		const void *bytes, size_t len, const char *orig_name, struct errs *e, int64_t *id);
json_t *media_get(struct db *db, int64_t id);
/* Path relative to the data folder: "media/ab/abcdef….jpg"; malloc'd. */
char *media_path(json_t *m);

#endif
