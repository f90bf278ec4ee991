/* server.c — libmicrohttpd glue: request set-up, body decoding, dispatch to the route table,
 * response with security headers, clean shutdown on SIGINT/SIGTERM.
 * A request's memory is owned by its struct req and released in the completion callback. */
#include "http.h"
#include "http/ratelimit.h"
#include "http/cache.h"
#include "http/guard.h"
#include "http/metrics.h"
#include "http/range.h"
#include "http/prefs.h"
#include "http/visits.h" /* #17 visit statistics */
#include "model/site_texts.h" /* #16: the site's texts per language */
#include "base/locale.h"
#include "base/arena.h"
#include "base/log.h"
#include "base/utf8.h"
#include "base/util.h"
#include "db/db.h"
#include "render/mustache.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/banned.h"

#define POST_BUFFER 16384

/* ---- input ---- */

const char *req_arg(struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

int64_t req_arg_int(struct req *r, const char *name, int64_t def, int64_t min, int64_t max)
{
	int64_t v;
	const char *s = req_arg(r, name);
	if (!s || parse_i64(s, min, max, &v))
		return def;
	return v;
}

const char *req_form(struct req *r, const char *name)
{
	for (size_t i = 0; i < r->nfields; i++)
		if (!r->fields[i].filename && strcmp(r->fields[i].key, name) == 0)
			return r->fields[i].value.buf;
	return NULL;
}

size_t req_form_all(struct req *r, const char *name, const char **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < r->nfields && n < max; i++)
		if (!r->fields[i].filename && strcmp(r->fields[i].key, name) == 0)
			out[n++] = r->fields[i].value.buf;
	return n;
}

const struct field *req_file(struct req *r, const char *name)
{
	for (size_t i = 0; i < r->nfields; i++)
		if (r->fields[i].filename && strcmp(r->fields[i].key, name) == 0)
			return &r->fields[i];
	return NULL;
}

const char *req_cookie(struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

const char *req_header(struct req *r, const char *name)
{
	return r->conn ? MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name) : NULL;
}

static enum MHD_Result post_iter(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
				 const char *content_type, const char *transfer_encoding, const char *data,
				 uint64_t off, size_t size)
{
	struct req *r = cls;
	struct field *f;
	(void)kind;
	(void)transfer_encoding;
	if (!key)
		return MHD_YES;
	if (off > 0 && r->nfields && strcmp(r->fields[r->nfields - 1].key, key) == 0) {
		f = &r->fields[r->nfields - 1];
	} else {
		if (r->nfields >= 512) /* a form of ours never has that many fields */
			return MHD_NO;
		if (r->nfields == r->capfields) {
			r->capfields = r->capfields ? r->capfields * 2 : 16;
			r->fields = xrealloc(r->fields, st_mult(r->capfields, sizeof(*r->fields)));
		}
		f = &r->fields[r->nfields++];
		memset(f, 0, sizeof(*f));
		f->key = xstrdup(key);
		sb_init(&f->value);
		/* a file input left empty still sends a part with an empty file name */
		if (filename) {
			f->filename = xstrdup(filename);
			f->ctype = xstrdup(content_type ? content_type : "application/octet-stream");
		}
	}
	sb_add(&f->value, data, size);
	return MHD_YES;
}

/* Every text field must be UTF-8; it is stored NFC. Returns -1 on invalid input. */
static int fields_normalise(struct req *r)
{
	for (size_t i = 0; i < r->nfields; i++) {
		struct field *f = &r->fields[i];
		if (!utf8_valid(f->key, strlen(f->key)))
			return -1;
		if (f->filename) {
			char *n = utf8_nfc(f->filename, strlen(f->filename));
			if (!n)
				return -1;
			free(f->filename);
			f->filename = n;
			continue;
		}
		char *v = utf8_nfc(f->value.buf, f->value.len);
		if (!v)
			return -1;
		sb_release(&f->value);
		sb_adds(&f->value, v);
		free(v);
	}
	return 0;
}

struct arg_check {
	int bad;
};

static enum MHD_Result arg_valid(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct arg_check *c = cls;
	(void)kind;
	if ((key && !utf8_valid(key, strlen(key))) || (value && !utf8_valid(value, strlen(value))))
		c->bad = 1;
	return MHD_YES;
}

/* ---- output ---- */

const char *tr(struct app *app, const char *key)
{
	return locale_text(__atomic_load_n(&app->locale, __ATOMIC_ACQUIRE), LOCALE_DEFAULT, key);
}

const char *rtr(struct req *r, const char *key)
{
	return locale_text(__atomic_load_n(&r->app->locale, __ATOMIC_ACQUIRE), r->lang[0] ? r->lang : NULL, key);
}

json_t *req_texts(struct req *r)
{
	json_t *locales = __atomic_load_n(&r->app->locale, __ATOMIC_ACQUIRE);
	json_t *d = locale_dict(locales, r->lang[0] ? r->lang : NULL);
	return d ? d : locale_dict(locales, NULL);
}

const char *req_lang_prefix(struct req *r)
{
	static __thread char prefix[8];
	if (!r->lang[0] || strcmp(r->lang, LOCALE_DEFAULT) == 0)
		return "";
	snprintf(prefix, sizeof(prefix), "/%s", r->lang);
	return prefix;
}

void resp_header(struct req *r, const char *name, const char *value)
{
	sb_add(&r->headers, name, strlen(name) + 1);
	sb_add(&r->headers, value, strlen(value) + 1);
}

void resp_cookie(struct req *r, const char *name, const char *value, int max_age, int http_only)
{
	struct sb c = SB_INIT;
	sb_addf(&c, "%s=%s; Path=/; SameSite=Lax%s%s", name, value, http_only ? "; HttpOnly" : "",
		r->secure ? "; Secure" : "");
	if (max_age >= 0)
		sb_addf(&c, "; Max-Age=%d", max_age);
	resp_header(r, MHD_HTTP_HEADER_SET_COOKIE, c.buf);
	sb_release(&c);
}

void resp_redirect(struct req *r, int status, const char *location)
{
	r->status = status;
	resp_header(r, MHD_HTTP_HEADER_LOCATION, location);
	r->ctype = "text/html; charset=utf-8";
	sb_reset(&r->body);
	sb_adds(&r->body, "<!DOCTYPE html><html lang=\"vi\"><title>Chuyển hướng</title><a href=\"");
	sb_add_html(&r->body, location, strlen(location));
	sb_adds(&r->body, "\">Chuyển đến trang mới</a></html>\n");
}

void resp_render(struct req *r, int status, const char *tpl, json_t *ctx)
{
	sb_reset(&r->body);
	sb_grow(&r->body, 32768); /* pages are 5 to 70 KB: one allocation rather than ten doublings */
	if (mus_render(__atomic_load_n(&r->app->tpl, __ATOMIC_ACQUIRE), tpl, ctx, &r->body)) {
		log_error("render: no template %s", tpl);
		resp_text(r, 500, "text/plain; charset=utf-8", "Lỗi máy chủ: thiếu mẫu trang.\n");
	} else {
		r->status = status;
		r->ctype = "text/html; charset=utf-8";
	}
	json_decref(ctx);
}

void resp_text(struct req *r, int status, const char *ctype, const char *text)
{
	r->status = status;
	r->ctype = ctype;
	sb_reset(&r->body);
	sb_adds(&r->body, text);
}

void resp_bytes(struct req *r, int status, const char *ctype, const void *data, size_t len)
{
	r->status = status;
	char *own = xstrdup(ctype ? ctype : "application/octet-stream");
	free(r->ctype_own);
	r->ctype = r->ctype_own = own;
	sb_reset(&r->body);
	sb_add(&r->body, data, len);
}

static const char *error_titles[][2] = {
	{ "400", "error_400" }, { "403", "error_403" }, { "404", "error_404" }, { "405", "error_405" },
	{ "410", "error_410" }, { "413", "error_413" }, { "429", "error_429" }, { "500", "error_500" },
};

void (*web_error_page)(struct req *r, int status, const char *title, const char *message);

void resp_error(struct req *r, int status, const char *key)
{
	char code[8];
	const char *title = "Lỗi";
	snprintf(code, sizeof(code), "%d", status);
	for (size_t i = 0; i < ARRAY_SIZE(error_titles); i++)
		if (strcmp(error_titles[i][0], code) == 0)
			title = rtr(r, error_titles[i][1]);
	if (web_error_page) {
		web_error_page(r, status, title, rtr(r, key));
	} else {
		struct sb t = SB_INIT;
		sb_addf(&t, "%s\n%s\n", title, rtr(r, key));
		resp_text(r, status, "text/plain; charset=utf-8", t.buf);
		sb_release(&t);
	}
}

void resp_file(struct req *r, const char *path, const char *ctype, int cache_seconds)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		if (fd >= 0)
			close(fd);
		resp_error(r, 404, "not_found");
		return;
	}
	/* validators and byte ranges (http/range.h): players seek in audio and video, and a
	 * download that broke resumes; the file is sent from its descriptor, never read in memory */
	char cc[64], etag[48], lm[64], cr[96];
	struct tm tm;
	uint64_t size = (uint64_t)st.st_size, first = 0, last = 0;
	int64_t mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
	http_file_etag(size, mtime_ns, etag, sizeof(etag));
	gmtime_r(&st.st_mtim.tv_sec, &tm);
	strftime(lm, sizeof(lm), "%a, %d %b %Y %H:%M:%S GMT", &tm);
	snprintf(cc, sizeof(cc), "public, max-age=%d", cache_seconds);
	resp_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, cc);
	resp_header(r, MHD_HTTP_HEADER_ETAG, etag);
	resp_header(r, MHD_HTTP_HEADER_LAST_MODIFIED, lm);
	resp_header(r, MHD_HTTP_HEADER_ACCEPT_RANGES, "bytes");
	const char *inm = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
	if (inm && (strstr(inm, etag) || strcmp(inm, "*") == 0)) {
		close(fd);
		r->status = 304;
		r->ctype = ctype;
		return;
	}
	const char *range = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_RANGE);
	const char *if_range = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_RANGE);
	enum range_result rr = http_range_parse(range, size, &first, &last);
	if (rr != RANGE_NONE && !http_if_range_ok(if_range, etag, (int64_t)st.st_mtim.tv_sec))
		rr = RANGE_NONE; /* the file changed since the part the client has: all of it */
	if (rr == RANGE_UNSATISFIABLE) {
		close(fd);
		snprintf(cr, sizeof(cr), "bytes */%llu", (unsigned long long)size);
		resp_header(r, MHD_HTTP_HEADER_CONTENT_RANGE, cr);
		resp_text(r, 416, "text/plain; charset=utf-8", "Range Not Satisfiable\n");
		return;
	}
	r->status = 200;
	r->ctype = ctype;
	r->fd = fd;
	r->fd_off = 0;
	r->fd_size = size;
	if (rr == RANGE_OK) {
		snprintf(cr, sizeof(cr), "bytes %llu-%llu/%llu", (unsigned long long)first, (unsigned long long)last,
			 (unsigned long long)size);
		resp_header(r, MHD_HTTP_HEADER_CONTENT_RANGE, cr);
		r->status = 206;
		r->fd_off = first;
		r->fd_size = last - first + 1;
	}
}

/* ---- reload (SIGHUP) ---- */

/* Bumped by each swap: part of the page cache's generation, so that pages rendered with the
 * templates of before are misses. */
static atomic_llong tpl_epoch;
static struct {
	struct mus_set **tpl;
	json_t **locale;
	size_t n;
} retired;

void http_swap(struct app *app, struct mus_set *tpl, json_t *locale)
{
	retired.tpl = xrealloc(retired.tpl, st_mult(retired.n + 1, sizeof(*retired.tpl)));
	retired.locale = xrealloc(retired.locale, st_mult(retired.n + 1, sizeof(*retired.locale)));
	retired.tpl[retired.n] = __atomic_exchange_n(&app->tpl, tpl, __ATOMIC_ACQ_REL);
	retired.locale[retired.n] = __atomic_exchange_n(&app->locale, locale, __ATOMIC_ACQ_REL);
	retired.n++;
	atomic_fetch_add(&tpl_epoch, 1);
}

static void retired_free(void)
{
	for (size_t i = 0; i < retired.n; i++) {
		mus_set_free(retired.tpl[i]);
		json_decref(retired.locale[i]);
	}
	free(retired.tpl);
	free(retired.locale);
	memset(&retired, 0, sizeof(retired));
}

/* ---- dispatch ---- */

static int route_match(const char *pattern, const char *path, struct req *r)
{
	int ncap = 0;
	for (int i = 0; i < 4; i++)
		r->captures[i] = NULL;
	while (*pattern && *path) {
		if (*pattern != '/' || *path != '/')
			return 0;
		pattern++;
		path++;
		const char *pe = strchr(pattern, '/'), *se = strchr(path, '/');
		size_t pl = pe ? (size_t)(pe - pattern) : strlen(pattern);
		size_t sl = se ? (size_t)(se - path) : strlen(path);
		if (pl == 2 && pattern[0] == '*' && pattern[1] == '*' && !pattern[2]) {
			/* a final "**" captures the rest of the path, slashes included */
			if (!*path || ncap == 4)
				return 0;
			free(r->capture_buf[ncap]);
			r->capture_buf[ncap] = xstrdup(path);
			r->captures[ncap] = r->capture_buf[ncap];
			return 1;
		} else if (pl == 1 && *pattern == '*') {
			if (!sl || ncap == 4)
				return 0;
			free(r->capture_buf[ncap]);
			r->capture_buf[ncap] = xstrndup(path, sl);
			r->captures[ncap] = r->capture_buf[ncap];
			ncap++;
		} else if (pl != sl || strncmp(pattern, path, pl) != 0) {
			return 0;
		}
		pattern += pl;
		path += sl;
	}
	return !*pattern && !*path;
}

static int admin_pattern(const char *pattern)
{
	return strncmp(pattern, "/quan-tri/", 10) == 0;
}

int route_rules(const struct route *rt)
{
	int f = rt->flags, access = f & ROUTE_ACCESS;
	if (!access) {
		if (admin_pattern(rt->pattern)) {
			f |= ROUTE_ROLE;
		} else {
			f |= ROUTE_PUBLIC;
			if ((f & ROUTE_GET) && !(f & ROUTE_ANY_HOST))
				f |= ROUTE_CACHE;
		}
	} else if (access & (access - 1)) {
		/* several: the strictest (the highest bit) alone */
		while (access & (access - 1))
			access &= access - 1;
		f = (f & ~ROUTE_ACCESS) | access;
	}
	if ((f & ROUTE_POST) || !(f & ROUTE_PUBLIC) || admin_pattern(rt->pattern))
		f &= ~ROUTE_CACHE;
	/* a request a session authenticates always carries the CSRF token (http.h) */
	if (!(f & (ROUTE_TOKEN | ROUTE_PUBLIC)))
		f &= ~ROUTE_NO_CSRF;
	return f;
}

/* Public pages are the same for everyone: a route declaring ROUTE_CACHE, for a GET/HEAD of a
 * site's page. The admin never is, whatever a route says. */
static int page_cacheable(struct req *r, int rules)
{
	return cache_enabled() && !r->is_post && r->site && (rules & ROUTE_CACHE) &&
	       strncmp(r->path, "/quan-tri/", 10) != 0;
}

int (*web_route_gate)(struct req *r, int rules);

/* The route's rules enforced (web_route_gate); 0 when its handler may run. */
static int route_gate(struct req *r, int rules)
{
	if (web_route_gate)
		return web_route_gate(r, rules);
	if (r->is_post || !(rules & ROUTE_PUBLIC)) {
		resp_error(r, 403, "forbidden");
		return -1;
	}
	return 0;
}

static enum MHD_Result key_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct sb *b = cls;
	(void)kind;
	if (b->buf[b->len - 1] != '?')
		sb_addc(b, '&');
	sb_add_urlenc(b, key, strlen(key));
	sb_addc(b, '=');
	if (value)
		sb_add_urlenc(b, value, strlen(value));
	return MHD_YES;
}

/* The request's own address on its site: the path as asked (with its language prefix) and its
 * query, re-encoded: where a link back to this page goes (the display preferences' links,
 * web/public/a11y.c). malloc'd. */
char *req_self_path(struct req *r)
{
	struct sb b = SB_INIT;
	sb_adds(&b, r->full_path ? r->full_path : r->path);
	sb_addc(&b, '?');
	if (r->conn)
		MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, key_arg, &b);
	if (b.buf[b.len - 1] == '?')
		sb_truncate(&b, b.len - 1);
	return sb_detach(&b, NULL);
}

/* "[https ]host:port path?a=1&b=2": the scheme and the Host lower-cased with its port (pages
 * link with both), the query as received in order. */
static char *cache_key_of(struct req *r)
{
	struct sb b = SB_INIT;
	if (r->secure)
		sb_adds(&b, "https ");
	for (const char *h = r->host ? r->host : ""; *h; h++)
		sb_addc(&b, (char)(*h >= 'A' && *h <= 'Z' ? *h + 32 : *h));
	sb_addc(&b, ' ');
	sb_adds(&b, r->full_path ? r->full_path : r->path);
	sb_addc(&b, '?');
	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, key_arg, &b);
	/* the reader's display preferences (http/prefs.h): a variant of its own, after a space no
	 * query has; the defaults add nothing, so most readers share the entry as before */
	struct prefs p;
	char pv[32];
	prefs_parse(req_cookie(r, PREFS_COOKIE), &p);
	if (prefs_set(&p))
		sb_addf(&b, " %s", prefs_format(&p, pv, sizeof(pv)));
	return sb_detach(&b, NULL);
}

/* The route's rules enforced, then the cached page when there is one, else the route's handler. */
static void serve_route(struct req *r, const struct route *match, int method_mismatch)
{
	if (!match) {
		if (!r->site)
			resp_error(r, 404, "unknown_host");
		else if (method_mismatch)
			resp_error(r, 405, "method_not_allowed");
		else
			resp_error(r, 404, "not_found");
		return;
	}
	int rules = route_rules(match);
	if (route_gate(r, rules))
		return;
	r->visit_page = (rules & ROUTE_CACHE) != 0; /* #17: a public page: its views count */
	if (page_cacheable(r, rules)) {
		int64_t site_id = json_integer_value(json_object_get(r->site, "id")), until = INT64_MAX;
		int64_t tpl = atomic_load(&tpl_epoch), now = time_now();
		r->cache_key = cache_key_of(r);
		r->cache_gen = cache_generation(r->db, site_id, &until);
		if (r->cache_gen >= 0) /* the templates' epoch in the high bits (http_swap) */
			r->cache_gen += tpl << 44;
		/* what the page needs to be known current by the next requests without asking the
		 * database: no change of its site heard since the mark, before the next time edge,
		 * and at most CACHE_RECHECK seconds on (the generation check stays the safety net) */
		r->known = (struct cache_known){
			.mark = r->cache_gen >= 0 ? r->watch_mark : 0,
			.until = until < now + CACHE_RECHECK ? until : now + CACHE_RECHECK,
			.site_id = site_id,
			.tpl = tpl,
			.every_site = strcmp(json_string_value(json_object_get(r->site, "kind")) ?: "", "main") == 0,
			.limits = match->flags & (ROUTE_LIMIT_SIGNIN | ROUTE_LIMIT_SEARCH | ROUTE_LIMIT_FORM),
		};
		r->cached = r->cache_gen >= 0 ? cache_get(r->cache_key, r->cache_gen) : NULL;
		if (r->cached) {
			if (r->known.mark)
				cache_set_known(r->cached, &r->known);
			return; /* served as rendered before, no handler runs */
		}
		r->cacheable = r->cache_gen >= 0;
	}
	match->fn(r);
}

static const struct {
	int flag;
	enum rl_class c;
} limits[] = { { ROUTE_LIMIT_SIGNIN, RL_SIGNIN }, { ROUTE_LIMIT_SEARCH, RL_SEARCH }, { ROUTE_LIMIT_FORM, RL_FORM } };

struct known_check {
	int64_t now, tpl;
	int limits; /* the entry's, copied under the lock */
};

static int known_current(const struct cache_entry *e, void *arg)
{
	struct known_check *k = arg;
	if (!e->known.mark || e->known.tpl != k->tpl || k->now >= e->known.until ||
	    !db_watch_unchanged(e->known.mark, e->known.site_id, e->known.every_site))
		return 0;
	k->limits = e->known.limits;
	return 1;
}

/* A cached page known current without asking the database (cache.h, "Known"; PostgreSQL with
 * its change notices heard): served before any connection or snapshot is taken. Its route's
 * rate limits are still taken; a refused one goes the usual way, which answers 429. */
static int known_hit(struct req *r)
{
	if (!cache_enabled() || !db_watch_mark())
		return 0;
	char *key = cache_key_of(r);
	struct known_check k = { .now = time_now(), .tpl = atomic_load(&tpl_epoch) };
	struct cache_entry *e = cache_get_known(key, known_current, &k);
	for (size_t i = 0; e && i < ARRAY_SIZE(limits); i++)
		if ((k.limits & limits[i].flag) && ratelimit_take(limits[i].c, r->address)) {
			cache_release(e);
			e = NULL;
		}
	if (!e) {
		free(key);
		return 0;
	}
	r->cache_key = key;
	r->cached = e;
	return 1;
}

/* "/en/…" on a site that publishes in English: the page "/…" in English (r->lang; the cache keeps
 * it under the full path). A code that names no loaded language is an ordinary path ("/tin/…");
 * a language the site has not turned on, or the admin under a prefix, answers 404; "/en" alone
 * goes to "/en/". Returns 1 when the request is answered. */
static int lang_prefix(struct req *r)
{
	const char *p = r->path, *end = strchr(p + 1, '/');
	size_t n = end ? (size_t)(end - p - 1) : strlen(p + 1);
	char code[4];
	if (p[0] != '/' || !locale_code_valid(p + 1, n))
		return 0;
	memcpy(code, p + 1, n);
	code[n] = 0;
	if (strcmp(code, LOCALE_DEFAULT) == 0 || !locale_dict(__atomic_load_n(&r->app->locale, __ATOMIC_ACQUIRE), code))
		return 0;
	if (!r->site || !site_has_language(r->site, code) || (end && strncmp(end, "/quan-tri/", 10) == 0)) {
		resp_error(r, 404, "not_found");
		return 1;
	}
	if (!end) {
		char to[8];
		snprintf(to, sizeof(to), "/%s/", code);
		resp_redirect(r, 301, to);
		return 1;
	}
	memcpy(r->lang, code, n + 1);
	/* #16: the site's own texts in the language (model/site_texts.h), in a copy for this
	 * request: r->site is the connection's kept site, shared with its other requests */
	json_t *own = site_in_lang(r->db, r->site, r->lang);
	json_decref(r->site);
	r->site = own;
	r->full_path = r->path;
	r->path = xstrdup(end);
	return 0;
}

static void dispatch(struct req *r)
{
	struct arg_check chk = { 0 };
	const struct route *match = NULL;
	int method_mismatch = 0;

	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, arg_valid, &chk);
	if (!utf8_valid(r->path, strlen(r->path)))
		chk.bad = 1;
	if (r->too_large) {
		resp_error(r, 413, "body_too_large");
		return;
	}
	if (chk.bad || r->bad_form || fields_normalise(r)) {
		log_warn("request %s %s: invalid UTF-8 or form encoding", r->method, r->path);
		resp_error(r, 400, "invalid_utf8_request");
		return;
	}
	if (lang_prefix(r))
		return;
	for (size_t i = 0; i < web_nroutes; i++) {
		const struct route *rt = &web_routes[i];
		/* a public pattern of bare "*" segments never answers for an admin path */
		if ((strncmp(r->path, "/quan-tri/", 10) == 0 && !admin_pattern(rt->pattern)) ||
		    !route_match(rt->pattern, r->path, r))
			continue;
		if (!(rt->flags & r->method_flag)) {
			method_mismatch = 1;
			continue;
		}
		match = rt;
		break;
	}
	for (size_t i = 0; match && i < ARRAY_SIZE(limits); i++) {
		int64_t wait = match->flags & limits[i].flag ? ratelimit_take(limits[i].c, r->address) : 0;
		if (wait) {
			char secs[24];
			snprintf(secs, sizeof(secs), "%lld", (long long)wait);
			resp_header(r, "Retry-After", secs);
			log_warn("rate limit: %s %s from %s", r->method, r->path, r->address);
			resp_error(r, 429, "rate_limited");
			return;
		}
	}
	if (match && !(match->flags & ROUTE_ANY_HOST) && !r->site) {
		resp_error(r, 404, "unknown_host");
		return;
	}
	serve_route(r, match, method_mismatch);
}

/* Public pages run no script at all. The admin loads the rich-text editor from our own origin;
 * TinyMCE 6 writes one inline style attribute ("display: inline-block;") when it scrolls the caret
 * into view, allowed here by its hash alone: no 'unsafe-inline' for styles, none ever for scripts. */
#define CSP_PUBLIC "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; " \
		   "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
/* A public page with a form that carries the anti-abuse challenge (model/challenge.h) runs our
 * own static/js/challenge.js, and nothing else. */
#define CSP_PUBLIC_SCRIPT "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " \
			  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
#define CSP_ADMIN "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-hashes' " \
		  "'sha256-BSTKIYoPCaklkJ9YS/ZVYuKW8e+DG8jZJCXznBzHjgg='; script-src 'self'; object-src 'none'; " \
		  "base-uri 'self'; form-action 'self'; frame-ancestors 'self'"

/* The JSON API (web/public/api.c) is public data: any origin's page may read it, and see its
 * validator to ask again with If-None-Match. */
static int api_path(const char *path)
{
	return strncmp(path, "/api/", 5) == 0;
}

static void add_cors(struct MHD_Response *resp)
{
	MHD_add_response_header(resp, "Access-Control-Allow-Origin", "*");
	MHD_add_response_header(resp, "Access-Control-Expose-Headers", "ETag");
}

/* #17: a public page of a site that turned the EMC tracker on (docs/visits.md) allows that one
 * origin, and no other, to run its script and receive its beacons. */
static void csp_public_with(struct sb *csp, const char *frames, const char *origin)
{
	sb_addf(csp,
		"default-src 'self'; img-src 'self' data: %s; style-src 'self'; script-src 'self' %s; connect-src 'self' %s; "
		"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
		origin, origin, origin);
	if (frames)
		sb_addf(csp, "; frame-src %s", frames);
}

static void add_security_headers(struct MHD_Response *resp, int is_html, int is_admin, int secure, const char *frames,
				 int script, const char *script_origin)
{
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	if (secure)
		MHD_add_response_header(resp, "Strict-Transport-Security", "max-age=31536000; includeSubDomains");
	MHD_add_response_header(resp, "Referrer-Policy", "strict-origin-when-cross-origin");
	if (is_html) {
		if (script_origin && *script_origin && !is_admin) {
			struct sb csp = SB_INIT;
			csp_public_with(&csp, frames, script_origin); /* 'self' scripts too */
			MHD_add_response_header(resp, "Content-Security-Policy", csp.buf);
			sb_release(&csp);
		} else if (frames && !is_admin) { /* the hosts the page embeds, and no other (struct req) */
			struct sb csp = SB_INIT;
			sb_addf(&csp, "%s; frame-src %s", CSP_PUBLIC, frames);
			MHD_add_response_header(resp, "Content-Security-Policy", csp.buf);
			sb_release(&csp);
		} else {
			MHD_add_response_header(resp, "Content-Security-Policy",
						is_admin ? CSP_ADMIN : script ? CSP_PUBLIC_SCRIPT : CSP_PUBLIC);
		}
		MHD_add_response_header(resp, "X-Frame-Options", "SAMEORIGIN");
	}
}

static void entry_unref(void *cls)
{
	cache_release(cls);
}

/* A cached page: 304 when the browser has it, gzip when it takes it. */
static enum MHD_Result send_cached(struct req *r, int hit)
{
	struct cache_entry *e = r->cached;
	const char *inm = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
	const char *ae = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING);
	int not_modified = inm && strstr(inm, e->etag);
	int gz = !not_modified && e->gz && ae && strstr(ae, "gzip");
	struct MHD_Response *resp;
	char lm[64];
	struct tm tm;
	time_t t = (time_t)e->made;

	if (not_modified) {
		resp = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
	} else {
		cache_ref(e); /* the response's; dropped when MHD frees it (see entry_unref) */
		resp = MHD_create_response_from_buffer_with_free_callback_cls(gz ? e->gzlen : e->len, gz ? e->gz : e->body,
									      entry_unref, e);
	}
	if (!resp)
		return MHD_NO;
	gmtime_r(&t, &tm);
	strftime(lm, sizeof(lm), "%a, %d %b %Y %H:%M:%S GMT", &tm);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, e->ctype);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, e->etag);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_LAST_MODIFIED, lm);
	/* a page's bytes depend on the display preferences' cookie (http/prefs.h) */
	MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY,
				strncmp(e->ctype, "text/html", 9) == 0 ? "Accept-Encoding, Cookie" : "Accept-Encoding");
	/* a CDN may keep it a few seconds; browsers revalidate with the ETag */
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "public, max-age=0, s-maxage=10, must-revalidate");
	MHD_add_response_header(resp, "X-Cache", hit ? "HIT" : "MISS");
	if (gz)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
	add_security_headers(resp, 1, 0, r->secure, NULL, 0, e->script_origin);
	if (api_path(r->path))
		add_cors(resp);
	r->status = not_modified ? 304 : 200;
	enum MHD_Result rc = MHD_queue_response(r->conn, not_modified ? 304 : 200, resp);
	MHD_destroy_response(resp);
	if (!r->app->quiet)
		log_info("%s %s %s %d cache %s", r->host ? r->host : "-", r->method, r->path, not_modified ? 304 : 200,
			 hit ? "hit" : "miss");
	return rc;
}

static enum MHD_Result send_response_(struct req *r);

/* #17: a view of a public page counted (http/visits.h), cached or not: a GET (a HEAD fetches
 * no page to read) answered 200, or 304 (a reader's browser showing its copy again), with a
 * page of HTML (not a feed, the API or a file). Crawlers are left out by visits_note. */
static void visit_count(struct req *r)
{
	int64_t site_id, item_id;
	const char *ctype;
	if (r->is_head || r->is_post || (r->status != 200 && r->status != 304))
		return;
	if (r->cached) {
		site_id = r->cached->visit_site;
		item_id = r->cached->visit_item;
		ctype = r->cached->ctype;
	} else if (r->visit_page && r->site) {
		site_id = json_integer_value(json_object_get(r->site, "id"));
		item_id = r->visit_item;
		ctype = r->ctype;
	} else {
		return;
	}
	if (site_id && ctype && strncmp(ctype, "text/html", 9) == 0)
		visits_note(site_id, item_id, r->host, r->address, req_header(r, MHD_HTTP_HEADER_USER_AGENT),
			    req_header(r, MHD_HTTP_HEADER_REFERER), time_now());
}

static enum MHD_Result send_response(struct req *r)
{
	r->answered = 1;
	enum MHD_Result rc = send_response_(r);
	metrics_request(r->path, r->status, metrics_now_ns() - r->t0);
	visit_count(r);
	return rc;
}

static enum MHD_Result send_response_(struct req *r)
{
	struct MHD_Response *resp;
	if (r->cached)
		return send_cached(r, 1);
	if (r->cacheable && r->status == 200 && r->fd < 0 && !r->headers.len && !r->csp_frames && r->ctype) {
		struct cache_page page = { /* #17: what its hits count, its CSP's tracker */
			.site_id = r->site ? json_integer_value(json_object_get(r->site, "id")) : 0,
			.item_id = r->visit_item,
			.script_origin = r->visit_csp,
		};
		r->cached = cache_put(r->cache_key, r->cache_gen, r->ctype, r->body.buf, r->body.len, &page);
		if (r->known.mark)
			cache_set_known(r->cached, &r->known);
		return send_cached(r, 0);
	}
	if (r->fd >= 0) {
		resp = MHD_create_response_from_fd_at_offset64(r->fd_size, r->fd, r->fd_off);
		r->fd = -1; /* MHD closes it */
	} else {
		size_t len;
		char *body = sb_detach(&r->body, &len);
		resp = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	}
	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->ctype ? r->ctype : "text/plain; charset=utf-8");
	if (api_path(r->path))
		add_cors(resp);
	add_security_headers(resp, r->ctype && strncmp(r->ctype, "text/html", 9) == 0,
			     strncmp(r->path, "/quan-tri/", 10) == 0, r->secure, r->csp_frames, r->script_self, r->visit_csp);
	for (size_t i = 0; i < r->headers.len;) {
		const char *name = r->headers.buf + i;
		const char *value = name + strlen(name) + 1;
		MHD_add_response_header(resp, name, value);
		i = (size_t)(value + strlen(value) + 1 - r->headers.buf);
	}
	enum MHD_Result rc = MHD_queue_response(r->conn, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	if (!r->app->quiet)
		log_info("%s %s %s %d", r->host ? r->host : "-", r->method, r->path, r->status);
	return rc;
}

static void req_free(struct req *r)
{
	if (r->pp)
		MHD_destroy_post_processor(r->pp);
	for (size_t i = 0; i < r->nfields; i++) {
		free(r->fields[i].key);
		free(r->fields[i].filename);
		free(r->fields[i].ctype);
		sb_release(&r->fields[i].value);
	}
	free(r->fields);
	for (int i = 0; i < 4; i++)
		free(r->capture_buf[i]);
	free(r->path);
	free(r->full_path);
	free(r->host);
	free(r->csrf);
	free(r->ctype_own);
	free(r->cache_key);
	free(r->csp_frames);
	free(r->visit_csp);
	cache_release(r->cached);
	struct arena *prev = arena_enter(r->arena);
	json_decref(r->site);
	json_decref(r->user);
	json_decref(r->categories);
	arena_leave(prev);
	arena_free(r->arena);
	sb_release(&r->body);
	sb_release(&r->headers);
	sb_release(&r->raw);
	if (r->fd >= 0)
		close(r->fd);
	free(r);
}

static char *client_address(struct MHD_Connection *conn, char *buf, size_t n)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	buf[0] = '\0';
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, buf, (socklen_t)n);
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, buf, (socklen_t)n);
	}
	return buf;
}

static int proxy_trusted(const struct app *app, const char *address)
{
	for (size_t i = 0; i < app->ntrusted_proxies; i++)
		if (strcmp(app->trusted_proxies[i], address) == 0)
			return 1;
	return 0;
}

/* The per-address connection limit does not apply to a trusted proxy (guard.h). */
static const struct app *guard_app;
static int guard_exempt(const char *address)
{
	return guard_app && proxy_trusted(guard_app, address);
}

/* Writes the response in R straight to the connection's socket (see the chunked body over the
 * limit), with the headers send_response() gives. 0 when written. */
static int answer_raw(struct req *r)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CONNECTION_FD);
	struct sb b = SB_INIT;
	int is_html = r->ctype && strncmp(r->ctype, "text/html", 9) == 0;
	if (!ci)
		return -1;
	sb_addf(&b, "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\nConnection: close\r\n", r->status,
		MHD_get_reason_phrase_for((unsigned)r->status), r->ctype ? r->ctype : "text/plain; charset=utf-8",
		r->body.len);
	sb_adds(&b, "X-Content-Type-Options: nosniff\r\nReferrer-Policy: strict-origin-when-cross-origin\r\n");
	if (r->secure)
		sb_adds(&b, "Strict-Transport-Security: max-age=31536000; includeSubDomains\r\n");
	if (is_html)
		sb_addf(&b, "Content-Security-Policy: %s\r\nX-Frame-Options: SAMEORIGIN\r\n",
			strncmp(r->path, "/quan-tri/", 10) == 0 ? CSP_ADMIN : CSP_PUBLIC);
	for (size_t i = 0; i < r->headers.len;) {
		const char *name = r->headers.buf + i;
		const char *value = name + strlen(name) + 1;
		sb_addf(&b, "%s: %s\r\n", name, value);
		i = (size_t)(value + strlen(value) + 1 - r->headers.buf);
	}
	sb_adds(&b, "\r\n");
	sb_add(&b, r->body.buf, r->body.len);
	size_t off = 0;
	for (int tries = 0; off < b.len && tries < 100; tries++) {
		ssize_t w = send(ci->connect_fd, b.buf + off, b.len - off, MSG_NOSIGNAL | MSG_DONTWAIT);
		if (w > 0)
			off += (size_t)w;
		else if (w < 0 && errno != EAGAIN && errno != EINTR)
			break;
		else
			usleep(1000);
	}
	int ok = off == b.len;
	sb_release(&b);
	if (!ok)
		return -1;
	shutdown(ci->connect_fd, SHUT_WR);
	r->answered = 1;
	metrics_request(r->path, r->status, metrics_now_ns() - r->t0);
	if (!r->app->quiet)
		log_info("%s %s %s %d", r->host ? r->host : "-", r->method, r->path, r->status);
	return 0;
}

/* A Content-Length we read the body of: digits only, at most MAX. Anything else (2^64-1, a
 * number past uint64, a sign, a second value) is refused before the body. */
static int body_length_ok(const char *cl, size_t max)
{
	uint64_t n = 0;
	if (!*cl)
		return 0;
	for (const char *p = cl; *p; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		if (n > (UINT64_MAX - 9) / 10)
			return 0;
		n = n * 10 + (uint64_t)(*p - '0');
	}
	return n <= max;
}

/* The client's address and whether it reached us over HTTPS: from a trusted proxy's
 * X-Forwarded-For (the last address it appended) and X-Forwarded-Proto. */
static void client_of(struct req *r)
{
	struct app *app = r->app;
	r->address = client_address(r->conn, r->address_buf, sizeof(r->address_buf));
	r->secure = app->tls;
	if (proxy_trusted(app, r->address)) {
		const char *xff = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "X-Forwarded-For");
		const char *xfp = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "X-Forwarded-Proto");
		if (xff) {
			const char *last = strrchr(xff, ',');
			last = last ? last + 1 : xff;
			while (*last == ' ')
				last++;
			unsigned char bin[16];
			if (inet_pton(AF_INET, last, bin) == 1 || inet_pton(AF_INET6, last, bin) == 1) {
				snprintf(r->address_buf, sizeof(r->address_buf), "%s", last);
				r->address = r->address_buf;
			}
		}
		if (xfp && strcmp(xfp, "https") == 0)
			r->secure = 1;
	}
}

/* An answer before the request is read whole (413, 400): in the site's pages when the Host names
 * one. */
static void early_error(struct req *r, int status, const char *key)
{
	if (!r->db)
		r->db = db_thread();
	if (r->db && r->host && !r->site)
		r->site = site_find_by_host(r->db, r->host, r->app->base_domain);
	resp_error(r, status, key);
	resp_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
				  const char *version, const char *upload_data, size_t *upload_data_size,
				  void **con_cls)
{
	struct app *app = cls;
	struct req *r = *con_cls;

	if (!r) {
		r = xcalloc(1, sizeof(*r));
		r->app = app;
		r->conn = conn;
		r->t0 = metrics_now_ns();
		r->method = method;
		r->path = xstrdup(url);
		memcpy(r->lang, LOCALE_DEFAULT, sizeof(LOCALE_DEFAULT));
		r->is_head = strcmp(method, MHD_HTTP_METHOD_HEAD) == 0;
		r->is_post = strcmp(method, MHD_HTTP_METHOD_POST) == 0;
		r->method_flag = r->is_post ? ROUTE_POST : ROUTE_GET;
		/* the JSON API's writes: PUT and PATCH too, unsafe like a POST, and their bodies are
		 * JSON kept as sent (web/public/api_write.c), never decoded as a form */
		if (api_path(url)) {
			if (strcmp(method, MHD_HTTP_METHOD_PUT) == 0)
				r->method_flag = ROUTE_PUT;
			else if (strcmp(method, MHD_HTTP_METHOD_PATCH) == 0)
				r->method_flag = ROUTE_PATCH;
			r->is_post |= r->method_flag != ROUTE_GET;
			r->raw_wanted = r->is_post;
		}
		r->fd = -1;
		r->status = 200;
		sb_init(&r->body);
		sb_init(&r->headers);
		sb_init(&r->raw);
		const char *host = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
		r->host = host ? xstrdup(host) : NULL;
		const union MHD_ConnectionInfo *sc = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
		r->gc = sc ? sc->socket_context : NULL;
		*con_cls = r;
		client_of(r);
		const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
		const char *te = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING);
		guard_headers_done(r->gc, (cl && strcmp(cl, "0") != 0) || te);
		if (!host && strcmp(version, MHD_HTTP_VERSION_1_1) == 0) {
			/* RFC 9112 3.2: a 1.1 request without Host is refused */
			early_error(r, 400, "host_required");
			return send_response(r);
		}
		if (cl && !body_length_ok(cl, app->max_body)) {
			/* refused from its Content-Length, before a byte of the body is read: the
			 * connection closes after the answer (libmicrohttpd cannot skip the body) */
			early_error(r, 413, "body_too_large");
			return send_response(r);
		}
		if (r->is_post && !r->raw_wanted)
			r->pp = MHD_create_post_processor(conn, POST_BUFFER, post_iter, r);
		return MHD_YES;
	}
	if (r->answered) {
		/* answered at the limit (below): what still arrives is read and dropped, up to
		 * 1 MiB more, so that the client reads the answer before the connection closes;
		 * then, or at the body's end, the connection is closed */
		r->body_bytes = st_add(r->body_bytes, *upload_data_size);
		guard_body(r->gc, *upload_data_size);
		if (!*upload_data_size || r->body_bytes > app->max_body + (1u << 20))
			return MHD_NO;
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (*upload_data_size) {
		guard_body(r->gc, *upload_data_size);
		r->body_bytes = st_add(r->body_bytes, *upload_data_size);
		if (r->body_bytes > app->max_body && !r->too_large && !app->tls) {
			/* A chunked body passing the limit: refused now. libmicrohttpd 0.9.75 takes a
			 * response only before the body or after all of it, so the 413 is written to the
			 * socket here (nothing else was written for this request) and the connection
			 * closes. Over TLS the socket is not ours to write: the connection is closed. */
			r->too_large = 1;
			early_error(r, 413, "body_too_large");
			if (answer_raw(r))
				return MHD_NO;
			*upload_data_size = 0;
			return MHD_YES;
		}
		if (r->raw_wanted && !r->too_large) /* bounded by max_body above */
			sb_add(&r->raw, upload_data, *upload_data_size);
		else if (!r->too_large && !r->bad_form) {
			if (!r->pp || MHD_post_process(r->pp, upload_data, *upload_data_size) != MHD_YES)
				r->bad_form = 1;
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	guard_busy(r->gc); /* the whole request is in: no rate applies while the handler runs */
	if (strcmp(method, MHD_HTTP_METHOD_OPTIONS) == 0 && api_path(r->path)) {
		/* a browser's preflight for a GET with If-None-Match from another origin, or for a
		 * write with a token: the token is the credential, never a cookie (ROUTE_TOKEN), so
		 * another origin's page gains nothing it does not hold already */
		resp_text(r, 204, "text/plain; charset=utf-8", "");
		resp_header(r, "Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, PATCH, OPTIONS");
		resp_header(r, "Access-Control-Allow-Headers", "If-None-Match, Authorization, Content-Type");
		resp_header(r, "Access-Control-Max-Age", "86400");
		return send_response(r);
	}
	if (!r->is_head && !r->is_post && strcmp(method, MHD_HTTP_METHOD_GET) != 0) { /* PUT, PATCH: API only */
		resp_text(r, 405, "text/plain; charset=utf-8", "Phương thức không được hỗ trợ.\n");
		resp_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD, POST");
		return send_response(r);
	}
	if (!r->is_post && known_hit(r))
		return send_response(r);
	if (!r->db)
		r->db = db_thread();
	if (!r->db) {
		resp_text(r, 503, "text/plain; charset=utf-8", "Cơ sở dữ liệu tạm thời không sẵn sàng.\n");
		return send_response(r);
	}
	/* public pages build their view data in an arena, released with the request (arena.h);
	 * the admin keeps plain malloc, its pages are few and its objects live longer */
	if (!r->is_post && strncmp(r->path, "/quan-tri/", 10) != 0)
		r->arena = arena_new();
	struct arena *prev = arena_enter(r->arena);
	/* A public page reads a dozen statements: one read transaction, from the Host lookup on,
	 * makes them one snapshot (the page and the cache generation it is stored under agree) and
	 * takes SQLite's shared lock once instead of once per statement. Public pages never write. */
	r->watch_mark = db_watch_mark(); /* before the snapshot: see db.h, "Change notices" */
	int snapshot = r->arena && db_read_begin(r->db) == 0;
	if (r->host)
		r->site = site_find_by_host(r->db, r->host, app->base_domain);
	dispatch(r);
	if (snapshot)
		db_read_end(r->db);
	arena_leave(prev);
	return send_response(r);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)toe;
	const union MHD_ConnectionInfo *sc = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	if (sc)
		guard_request_done(sc->socket_context); /* the connection waits for its next request */
	if (*con_cls)
		req_free(*con_cls);
	*con_cls = NULL;
}

/* libmicrohttpd's NOTIFY_CONNECTION: our record of the connection (http/guard.c) becomes its
 * socket context, dropped when it closes (before libmicrohttpd closes the descriptor). */
static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
			  enum MHD_ConnectionNotificationCode code)
{
	(void)cls;
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
		*socket_context = ci ? guard_started(ci->connect_fd) : NULL;
	} else {
		guard_closed(*socket_context);
		*socket_context = NULL;
	}
}

/* libmicrohttpd writes a line for every client that goes away mid-request: under a flood of
 * slow clients that is thousands a second. A few a second are printed, the rest counted in the
 * once-a-second overload line (guard.c). */
static int mhd_log_budget(void)
{
	static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
	static time_t second;
	static int used;
	time_t now = time(NULL);
	int ok;
	pthread_mutex_lock(&mu);
	if (now != second) {
		second = now;
		used = 0;
	}
	ok = used++ < 5;
	pthread_mutex_unlock(&mu);
	return ok;
}

__attribute__((format(printf, 2, 0))) static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	struct sb b = SB_INIT;
	(void)cls;
	if (!mhd_log_budget()) {
		guard_count_suppressed();
		return;
	}
	sb_vaddf(&b, fmt, ap);
	while (b.len && b.buf[b.len - 1] == '\n')
		sb_truncate(&b, b.len - 1);
	log_warn("httpd: %s", b.buf);
	sb_release(&b);
}

/* Parses "ADDR:PORT", "[V6]:PORT" or ":PORT" into a socket address. */
static int listen_parse(const char *listen, struct sockaddr_storage *ss, socklen_t *len)
{
	char host[256];
	const char *port;
	struct addrinfo hints, *res = NULL;
	if (listen[0] == '[') {
		const char *end = strchr(listen, ']');
		if (!end || end[1] != ':' || (size_t)(end - listen - 1) >= sizeof(host))
			return -1;
		memcpy(host, listen + 1, (size_t)(end - listen - 1));
		host[end - listen - 1] = '\0';
		port = end + 2;
	} else {
		const char *colon = strrchr(listen, ':');
		if (!colon || (size_t)(colon - listen) >= sizeof(host))
			return -1;
		memcpy(host, listen, (size_t)(colon - listen));
		host[colon - listen] = '\0';
		port = colon + 1;
	}
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	if (getaddrinfo(*host ? host : NULL, port, &hints, &res) || !res)
		return -1;
	memcpy(ss, res->ai_addr, res->ai_addrlen);
	*len = res->ai_addrlen;
	freeaddrinfo(res);
	return 0;
}

/* Connections are accepted here and dealt to the workers in turn. With libmicrohttpd's own
 * thread pool every worker accepts from the shared socket, and whichever wakes first may take
 * a whole burst: measured, 32 keep-alive connections sometimes all went to one of two workers,
 * which then did all the work while the other idled. Dealt in turn, each worker gets its
 * share whatever the scheduling. (Not SO_REUSEPORT: a second server on the port must fail.) */
struct acceptor {
	int fd;
	struct MHD_Daemon **workers;
	unsigned nworkers, next;
	atomic_int stopping;
};

static void *accept_main(void *p)
{
	struct acceptor *a = p;
	while (!atomic_load(&a->stopping)) {
		struct sockaddr_storage ss;
		socklen_t len = sizeof(ss);
		int fd = accept4(a->fd, (struct sockaddr *)&ss, &len, SOCK_CLOEXEC);
		if (fd < 0) {
			/* EINTR and a client gone (ECONNABORTED) are nothing; out of descriptors or
			 * memory, let some connections end first; EINVAL once stopping */
			if (errno != EINTR && errno != ECONNABORTED && !atomic_load(&a->stopping))
				usleep(10000);
			continue;
		}
		/* over the limits it is answered 503/429 and closed here (guard.c) */
		if (!guard_admit(fd, (struct sockaddr *)&ss, len))
			continue;
		/* the worker owns the socket from here, and closes it if it cannot take it */
		if (MHD_add_connection(a->workers[a->next++ % a->nworkers], fd, (struct sockaddr *)&ss, len) != MHD_YES)
			guard_forget(fd);
	}
	return NULL;
}

/* The listening socket; SO_REUSEADDR only, so that a restart need not wait for old
 * connections, while a second server on the same address fails. */
static int listen_open(const struct sockaddr_storage *ss, socklen_t len)
{
	int on = 1, fd = socket(ss->ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) ||
	    (ss->ss_family == AF_INET6 && setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof(on))) ||
	    bind(fd, (const struct sockaddr *)ss, len) || listen(fd, SOMAXCONN)) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

/* A whole answer the accepting thread writes itself (503 full, 429 one address over its
 * limit): no worker is involved, and it carries the security headers every answer has. */
static char *canned_answer(struct app *app, int status, const char *reason, const char *key)
{
	struct sb b = SB_INIT;
	const char *text = tr(app, key);
	sb_addf(&b,
		"HTTP/1.1 %d %s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %zu\r\n"
		"Retry-After: 10\r\nConnection: close\r\nCache-Control: no-store\r\n"
		"X-Content-Type-Options: nosniff\r\nReferrer-Policy: strict-origin-when-cross-origin\r\n"
		"Content-Security-Policy: %s\r\nX-Frame-Options: SAMEORIGIN\r\n%s\r\n%s\n",
		status, reason, strlen(text) + 1, CSP_PUBLIC,
		app->tls ? "Strict-Transport-Security: max-age=31536000; includeSubDomains\r\n" : "", text);
	return sb_detach(&b, NULL);
}

/* As many descriptors as the hard limit allows (systemd: LimitNOFILE, contrib/cong.service);
 * returns the soft limit now in force. */
static unsigned files_limit_raise(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl))
		return 1024;
	if (rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		if (rl.rlim_cur > (1u << 20))
			rl.rlim_cur = 1u << 20;
		if (setrlimit(RLIMIT_NOFILE, &rl))
			getrlimit(RLIMIT_NOFILE, &rl);
	}
	return rl.rlim_cur > (1u << 20) ? 1u << 20 : (unsigned)rl.rlim_cur;
}

int http_serve(struct app *app, const char *listen, unsigned threads)
{
	struct sockaddr_storage ss;
	socklen_t sslen;
	sigset_t set;
	int sig, rc = -1;
	struct acceptor acc = { .fd = -1 };
	pthread_t accept_thread;
	char *refusal_503 = NULL, *refusal_429 = NULL;

	if (listen_parse(listen, &ss, &sslen)) {
		log_error("serve: cannot parse listen address %s (use ADDR:PORT or [ADDR]:PORT)", listen);
		return -1;
	}
	acc.fd = listen_open(&ss, sslen);
	if (acc.fd < 0) {
		log_error("serve: cannot listen on %s: %s", listen, strerror(errno));
		return -1;
	}
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG | MHD_USE_NO_LISTEN_SOCKET;
	if (app->tls)
		flags |= MHD_USE_TLS;
	/* the threads inherit this mask: only the main thread below sees SIGINT/SIGTERM/SIGHUP */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	/* every connection is a descriptor: the limit is what the process may open, less a
	 * reserve for the database, the media files being sent and the mail */
	unsigned nofile = files_limit_raise();
	unsigned max_conns = app->max_conns ? app->max_conns : 16384;
	if (nofile < 512 + 64) {
		log_error("serve: only %u file descriptors allowed (ulimit -n); at least 576 are needed", nofile);
		goto out;
	}
	if (max_conns > nofile - 512) {
		log_warn("serve: %u connections asked, but only %u file descriptors allowed (raise LimitNOFILE): "
			 "%u connections at most", max_conns, nofile, nofile - 512);
		max_conns = nofile - 512;
	}
	refusal_503 = canned_answer(app, 503, "Service Unavailable", "overloaded");
	refusal_429 = canned_answer(app, 429, "Too Many Requests", "too_many_connections");
	struct guard_conf gconf = {
		.max_conns = max_conns,
		.per_address = app->per_address ? app->per_address : 128,
		.header_secs = app->header_secs ? app->header_secs : 20,
		.pressure_secs = 2,
		.min_body_rate = app->min_body_rate ? app->min_body_rate : 1024,
		.body_grace = 5,
		.refusal_503 = refusal_503,
		.refusal_429 = refusal_429,
		.exempt = guard_exempt,
	};
	guard_app = app;
	if (gconf.pressure_secs > gconf.header_secs)
		gconf.pressure_secs = gconf.header_secs;
	metrics_start();
	if (guard_start(&gconf)) {
		log_error("serve: cannot start the connection watchdog");
		goto out;
	}
	acc.workers = xcalloc(threads, sizeof(*acc.workers));
	for (acc.nworkers = 0; acc.nworkers < threads; acc.nworkers++) {
		/* The limits that matter are guard.c's, exact over all workers; libmicrohttpd's own are
		 * a backstop above them. Its idle time-out still ends a silent connection mid-body. */
		struct MHD_Daemon *d = MHD_start_daemon(
			flags, 0, NULL, NULL, on_request, app,
			MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL, /* first: every message goes through our log */
			MHD_OPTION_CONNECTION_TIMEOUT, app->timeout ? app->timeout : (unsigned)30,
			MHD_OPTION_CONNECTION_LIMIT, max_conns,
			/* a request's line and headers must fit here (else 431); 32 KiB, as before */
			MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)32768,
			MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
			MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL,
			MHD_OPTION_PER_IP_CONNECTION_LIMIT, gconf.per_address,
			/* the TLS options come last: without TLS they end the list early */
			app->tls ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, app->tls_cert,
			MHD_OPTION_HTTPS_MEM_KEY, app->tls_key,
			MHD_OPTION_END);
		if (!d) {
			log_error("serve: cannot start worker %u: %s", acc.nworkers, strerror(errno));
			goto out;
		}
		acc.workers[acc.nworkers] = d;
	}
	if (pthread_create(&accept_thread, NULL, accept_main, &acc)) {
		log_error("serve: cannot start the accepting thread");
		goto out;
	}
	log_info("serving %s on %s://%s/ with %u threads (base domain %s); at most %u connections, %u per address",
		 app->data_dir, app->tls ? "https" : "http", listen, threads, app->base_domain, gconf.max_conns,
		 gconf.per_address);
	for (;;) {
		sigwait(&set, &sig);
		if (sig != SIGHUP)
			break;
		/* templates and messages again; connections stay open, requests go on */
		if (app->reload && app->reload(app) == 0)
			log_info("received SIGHUP: templates and messages reloaded");
		else
			log_warn("received SIGHUP: reload failed, the templates and messages in use are kept");
	}
	log_info("received %s, shutting down", sig == SIGINT ? "SIGINT" : "SIGTERM");
	atomic_store(&acc.stopping, 1);
	shutdown(acc.fd, SHUT_RDWR); /* wakes accept() */
	pthread_join(accept_thread, NULL);
	rc = 0;
out:
	close(acc.fd);
	for (unsigned i = 0; i < acc.nworkers; i++)
		MHD_stop_daemon(acc.workers[i]);
	free(acc.workers);
	guard_stop();
	retired_free();
	free(refusal_503);
	free(refusal_429);
	if (!rc)
		log_info("stopped");
	return rc;
}
