/* http.h — the HTTP layer on libmicrohttpd: one struct req per request, form and upload
 * decoding through MHD's post processor, cookies, responses rendered from templates, static
 * files, and the route table that web/ fills. */
#ifndef CONG_HTTP_H
#define CONG_HTTP_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/sb.h"
#include "http/cache.h"
#include "model/model.h"

struct MHD_Connection;
struct MHD_PostProcessor;
struct mus_set;
struct db;

/* Everything a running server shares; read-only after start. */
struct app {
	char *data_dir;
	char *base_domain;
	char *root;        /* folder holding templates/, static/, locale/ */
	struct mus_set *tpl;
	json_t *locale;    /* every language's texts: {"vi": {key: text}, …} (base/locale.h) */
	size_t max_body;   /* bytes; larger requests get 413 */
	unsigned timeout;  /* seconds a connection may stay idle (slow clients are cut) */
	int quiet;         /* no access log */
	int tls;           /* served over HTTPS: Secure cookies, HSTS */
	char *tls_cert, *tls_key; /* PEM text, when serving HTTPS directly */
	char **trusted_proxies; /* addresses whose X-Forwarded-For / -Proto are believed */
	size_t ntrusted_proxies;
	/* overload (http/guard.h); 0: the defaults */
	unsigned max_conns;     /* connections open at once (bounded by RLIMIT_NOFILE) */
	unsigned per_address;   /* connections open at once from one address */
	unsigned header_secs;   /* total time for a request's headers */
	unsigned min_body_rate; /* bytes a second a request body must keep up */
	/* SIGHUP: loads the templates and messages again and hands them to http_swap(); 0 or -1
	 * (the old ones stay). */
	int (*reload)(struct app *app);
};

/* Puts TPL and LOCALE in service for the requests that start from now on; the ones they replace
 * are kept (requests may be using them) and freed when the server stops. Pages kept by the page
 * cache before the swap are not served again. */
void http_swap(struct app *app, struct mus_set *tpl, json_t *locale);

struct field {
	char *key;
	struct sb value;
	char *filename;    /* set for file parts of multipart forms */
	char *ctype;
};

struct req {
	struct app *app;
	struct MHD_Connection *conn;
	struct gconn *gc;   /* the connection's record in http/guard.c (NULL if untracked) */
	json_t *categories; /* the site's, read once per request (web_categories) */
	struct arena *arena; /* public pages: their JSON, released in one step (base/arena.h) */
	const char *method;
	char *path;        /* without the language's prefix: "/en/tin/x" is served as "/tin/x" in English */
	char *full_path;   /* as requested (the page cache's key) */
	char *host;
	char lang[4];      /* the language of the page: "vi", or the code of its "/en/" prefix */
	/* is_post: an unsafe method, POST or the API's PUT and PATCH (never cached, CSRF for forms);
	 * method: the route flag of the method (ROUTE_GET for GET and HEAD, ROUTE_POST, ROUTE_PUT,
	 * ROUTE_PATCH), what a route's methods are matched against */
	int is_post, is_head;
	int method_flag;
	const char *address; /* client address, printable (the proxy's client when it is trusted) */
	int secure;          /* the browser reached us over HTTPS (directly or via a trusted proxy) */
	char address_buf[48];
	int64_t t0;          /* monotonic ns: the headers were read */

	struct MHD_PostProcessor *pp;
	struct field *fields;
	size_t nfields, capfields;
	size_t body_bytes;
	int too_large, bad_form;
	/* the JSON API's writes (/api/…, POST, PUT, PATCH): the body as sent, not decoded as a form */
	int raw_wanted;
	struct sb raw;
	int answered;       /* a response is queued */

	struct db *db;
	json_t *site;      /* resolved from Host; NULL for unknown hosts */
	json_t *user;      /* signed-in account on admin pages */
	struct actor actor;
	int64_t api_token; /* ROUTE_TOKEN: the token acting as r->actor (api_tokens.id) */
	char *csrf;        /* this browser's CSRF token (cookie value) */
	const char *captures[4];
	char *capture_buf[4];

	/* the page cache (http/cache.h) */
	struct cache_entry *cached; /* the response is this entry */
	int cacheable;              /* a miss of a cacheable page: store what the handler renders */
	char *cache_key;
	int64_t cache_gen;
	uint64_t watch_mark;      /* db_watch_mark() before the read snapshot began */
	struct cache_known known; /* what keeps the page current without asking (db_watch_*) */

	/* response */
	int status;
	const char *ctype;
	char *ctype_own;   /* resp_bytes' copy of its type (a type read from the store outlives no handler) */
	struct sb body;
	struct sb headers; /* "Name\0Value\0" pairs */
	int fd;            /* >= 0: send this file instead of body */
	uint64_t fd_size;
	uint64_t fd_off;   /* where in the file the body starts (a byte range, 206) */
	/* a page that embeds frames from other hosts (a video's player after the reader asked):
	 * the sources its Content-Security-Policy allows as frame-src (malloc'd), or NULL (none) */
	char *csp_frames;
	/* a public page that runs our own script (a form's challenge): script-src 'self' */
	int script_self;
	/* #17 visit statistics (http/visits.h, docs/visits.md): the route is a public page whose
	 * views count; the item it shows (0: none); the EMC tracker's origin its CSP must allow
	 * (malloc'd, NULL: none), set by the footer's view data (web/public/visits.c) */
	int visit_page;
	int64_t visit_item;
	char *visit_csp;
};

/* Request input. Values are NFC-normalised UTF-8 (invalid input was refused with 400). */
const char *req_arg(struct req *r, const char *name);
const char *req_form(struct req *r, const char *name);
/* Every value of a repeated field (checkboxes), up to MAX; returns how many. */
size_t req_form_all(struct req *r, const char *name, const char **out, size_t max);
const struct field *req_file(struct req *r, const char *name);
const char *req_cookie(struct req *r, const char *name);
/* A request header's value as the browser sent it (not normalised), or NULL. */
const char *req_header(struct req *r, const char *name);
int64_t req_arg_int(struct req *r, const char *name, int64_t def, int64_t min, int64_t max);

/* Response. */
void resp_header(struct req *r, const char *name, const char *value);
void resp_cookie(struct req *r, const char *name, const char *value, int max_age, int http_only);
void resp_redirect(struct req *r, int status, const char *location);
/* Renders template TPL with CTX (reference stolen) as the response body. */
void resp_render(struct req *r, int status, const char *tpl, json_t *ctx);
/* An error page: status, a title and a message key of locale/ (in the request's language). */
void resp_error(struct req *r, int status, const char *key);
void resp_text(struct req *r, int status, const char *ctype, const char *text);
/* A body of LEN bytes (downloads: CSV, XLSX). */
void resp_bytes(struct req *r, int status, const char *ctype, const void *data, size_t len);
/* Serves a file under ROOT; REL must not contain "..". */
void resp_file(struct req *r, const char *path, const char *ctype, int cache_seconds);

/* A message key's Vietnamese text (locale/vi/); the key itself when unknown. */
const char *tr(struct app *app, const char *key);
/* A message key's text in the request's language (r->lang), else Vietnamese, else the key. */
const char *rtr(struct req *r, const char *key);
/* The request's language's texts ({key: text}), borrowed: what templates read as {{t.key}}. */
json_t *req_texts(struct req *r);
/* "" for Vietnamese, else "/<lang>": what the page's own links start with. */
const char *req_lang_prefix(struct req *r);
/* The request's path as asked (language prefix included) with its query re-encoded: a link back
 * to this very page ("/en/van-ban?nam=2024"); malloc'd. */
char *req_self_path(struct req *r);

/* Routes. A pattern is a path whose segments "*" each capture one segment into r->captures;
 * a final "**" captures the rest of the path.
 *
 * A route declares its rules in its flags, and dispatch() enforces them before the handler runs,
 * so that a handler cannot forget them (docs/security.md § Route rules):
 * - who may reach it, one of ROUTE_PUBLIC (anyone: public pages, static files, the sign-in
 *   steps), ROUTE_SIGNED_IN (a signed-in account, with or without a role: its password, its
 *   two-factor sign-in), ROUTE_ROLE (any role on the request's site, reporter or above),
 *   ROUTE_EDITOR, ROUTE_APPROVER, ROUTE_SITEADMIN (that role or above on the request's site),
 *   ROUTE_SYSADMIN (the system administrator). Anything above ROUTE_PUBLIC loads the account into
 *   r->user and r->actor first; without one the browser is sent to the sign-in form (303).
 *   A route declaring several takes the strictest.
 * - every POST must carry the CSRF token (403 without it), unless ROUTE_NO_CSRF says it must not:
 *   only a ROUTE_TOKEN route (no cookie authenticates it, so a forged request has nothing to
 *   borrow) or a public one may say so (route_rules() drops it from any other): the one-click
 *   unsubscribe of RFC 8058, whose token is the authority (web/public/subscriptions.c);
 * - ROUTE_CACHE: a public GET the page cache may keep (http/cache.h); never a POST, never an
 *   admin page (/quan-tri/…), never with another access flag than ROUTE_PUBLIC;
 * - ROUTE_JSON: refusals are answered in JSON (401/403), not with a redirect or a page: for
 *   endpoints called by scripts.
 * - ROUTE_TOKEN (an access flag, the strictest): the JSON API's writes, reached with a token of
 *   the request's site in "Authorization: Bearer" (model/token.h) and never with a session
 *   cookie, which is not even read; so it declares ROUTE_NO_CSRF too. The token acts as its own account
 *   (r->actor) with the token's role, limited per token (ratelimit.h, RL_TOKEN); refusals in the API's JSON shape.
 * - ROUTE_PUT, ROUTE_PATCH: methods besides GET and POST, for the API's paths only.
 * A route declaring no access flag (the old form of the table) gets ROUTE_ROLE when its pattern
 * is under /quan-tri/, never open; elsewhere ROUTE_PUBLIC, and ROUTE_CACHE too when it is a GET
 * without ROUTE_ANY_HOST (what the cache kept before routes declared it). */
enum route_flags {
	ROUTE_GET = 1, ROUTE_POST = 2, ROUTE_ANY_HOST = 4,
	ROUTE_LIMIT_SIGNIN = 8, ROUTE_LIMIT_SEARCH = 16, ROUTE_LIMIT_FORM = 32, /* per-address rate limits */
	ROUTE_PUBLIC = 1 << 6, ROUTE_SIGNED_IN = 1 << 7, ROUTE_ROLE = 1 << 8, ROUTE_EDITOR = 1 << 9,
	ROUTE_APPROVER = 1 << 10, ROUTE_SITEADMIN = 1 << 11, ROUTE_SYSADMIN = 1 << 12,
	ROUTE_NO_CSRF = 1 << 13, ROUTE_CACHE = 1 << 14, ROUTE_JSON = 1 << 15,
	ROUTE_TOKEN = 1 << 16, ROUTE_PUT = 1 << 17, ROUTE_PATCH = 1 << 18,
};
/* The access flags, from the most open to the strictest. */
#define ROUTE_ACCESS (ROUTE_PUBLIC | ROUTE_SIGNED_IN | ROUTE_ROLE | ROUTE_EDITOR | ROUTE_APPROVER | \
		      ROUTE_SITEADMIN | ROUTE_SYSADMIN | ROUTE_TOKEN)
typedef void (*route_fn)(struct req *r);
struct route {
	int flags;
	const char *pattern;
	route_fn fn;
};
/* web/routes.c defines the table. */
extern const struct route web_routes[];
extern const size_t web_nroutes;

/* Set by web/: renders an error page in the site's chrome (plain text until set). */
extern void (*web_error_page)(struct req *r, int status, const char *title, const char *message);
/* The rules a route lives by: its flags with the defaults above applied, one access flag kept. */
int route_rules(const struct route *rt);
/* Set by web/: enforces RULES (route_rules()) on the request before its handler: CSRF, sign-in,
 * role. Returns 0 to run the handler, else it has answered. Until it is set, only public GETs
 * are served (everything else gets 403). */
extern int (*web_route_gate)(struct req *r, int rules);

/* Starts serving on LISTEN ("127.0.0.1:8080", "[::]:8080") until SIGINT/SIGTERM. */
int http_serve(struct app *app, const char *listen, unsigned threads);

#endif
