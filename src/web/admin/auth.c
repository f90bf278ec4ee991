/* auth.c — sign-in, sign-out, the forced change of a one-time password, and the checks every
 * admin page starts with (session, CSRF, role on the site).
 * WEBPAGE: GET/POST /quan-tri/dang-nhap      sign in (username, password, tiep = where to go next)
 * WEBPAGE: POST     /quan-tri/dang-xuat      sign out
 * WEBPAGE: GET/POST /quan-tri/doi-mat-khau   change password (old_password, new_password, confirm)
 * WEBPAGE: POST     /quan-tri/ngon-ngu       the account's admin language (language)
 * WEBPAGE: GET/POST /quan-tri/dang-nhap/ma-xac-thuc  the second step of sign-in: code (or a recovery code), tiep
 * WEBPAGE: GET/POST /quan-tri/xac-thuc-hai-lop       two-factor sign-in: enrolment (code) or its state
 * WEBPAGE: POST     /quan-tri/xac-thuc-hai-lop/tat   turn it off: password, code
 * WEBPAGE: POST     /quan-tri/xac-thuc-hai-lop/dat-lai  the system administrator removes another's: username
 *
 * Two-factor sign-in: an account with it on gets, after its password, a pending session that
 * reaches only the code page; the right code makes it a full session under a new token, and
 * SESSION_MFA_TRIES wrong codes end it. An account that must use it (totp_required) and has not
 * enrolled is sent to the enrolment page from every admin page, after the forced password
 * change. */
#include "web/web.h"
#include "model/mailbox.h"
#include "web/public/api.h"
#include "model/kind.h"
#include "base/arena.h"
#include "base/locale.h"
#include "base/sb.h"
#include "base/util.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define SID_COOKIE "cong_sid"
#define CSRF_COOKIE "cong_csrf"
#define CSRF_LEN 43
#define CODE_PATH "/quan-tri/dang-nhap/ma-xac-thuc"
#define TOTP_PATH "/quan-tri/xac-thuc-hai-lop"

/* A role's name in the request's language (locale/<lang>/admin.json: "role_<role>"). */
static const char *role_label(struct req *r, const char *role)
{
	static const char *const roles[] = { "sysadmin", "siteadmin", "approver", "editor", "reporter" };
	for (size_t i = 0; role && i < ARRAY_SIZE(roles); i++)
		if (strcmp(role, roles[i]) == 0) {
			char key[32];
			snprintf(key, sizeof(key), "role_%s", roles[i]);
			return rtr(r, key);
		}
	return "";
}

/* The browser's CSRF token, made and set as a cookie when it has none. */
const char *web_csrf_token(struct req *r)
{
	const char *c = req_cookie(r, CSRF_COOKIE);
	if (r->csrf)
		return r->csrf;
	if (c && strlen(c) == CSRF_LEN) {
		r->csrf = xstrdup(c);
	} else {
		char tok[CSRF_LEN + 1];
		random_token(tok, 32);
		r->csrf = xstrdup(tok);
		struct sb ck = SB_INIT;
		sb_addf(&ck, "%s=%s; Path=/; SameSite=Strict; HttpOnly%s", CSRF_COOKIE, tok, r->secure ? "; Secure" : "");
		resp_header(r, "Set-Cookie", ck.buf);
		sb_release(&ck);
	}
	return r->csrf;
}

/* Double submit: the form's token is the cookie's, compared in constant time. */
static int csrf_valid(struct req *r)
{
	const char *c = req_cookie(r, CSRF_COOKIE);
	const char *f = req_form(r, "csrf");
	return c && f && strlen(c) == CSRF_LEN && strlen(f) == CSRF_LEN && sodium_memcmp(c, f, CSRF_LEN) == 0;
}

int csrf_check(struct req *r)
{
	if (csrf_valid(r))
		return 0;
	resp_error(r, 403, "csrf_invalid");
	return -1;
}

json_t *admin_category_tree(struct req *r, json_int_t selected)
{
	json_t *cats = category_list(r->db, json_integer_value(json_object_get(r->site, "id")));
	size_t i;
	json_t *c;
	json_array_foreach(cats, i, c) {
		struct sb label = SB_INIT;
		for (json_int_t d = json_integer_value(json_object_get(c, "depth")); d > 0; d--)
			sb_adds(&label, "— ");
		sb_adds(&label, json_string_value(json_object_get(c, "name")));
		json_object_set_new(c, "label", json_string(label.buf));
		json_object_set_new(c, "selected", json_boolean(json_integer_value(json_object_get(c, "id")) == selected));
		char *p = web_category_path(json_integer_value(json_object_get(c, "id")),
					    json_string_value(json_object_get(c, "slug")));
		json_object_set_new(c, "public_url", json_string(p));
		free(p);
		sb_release(&label);
	}
	return cats;
}

void admin_errors(struct req *r, json_t *ctx, const struct errs *e)
{
	json_t *o = json_object();
	for (int i = 0; i < e->n; i++)
		if (!json_object_get(o, e->e[i].field)) /* the first message per field */
			json_object_set_new(o, e->e[i].field, json_string(e->text[i] ? e->text[i] : rtr(r, e->e[i].key)));
	json_object_set_new(ctx, "errors", o);
	json_object_set_new(ctx, "has_errors", json_boolean(e->n > 0));
}

json_t *admin_ctx(struct req *r, const char *page_title)
{
	json_t *ctx = json_object();
	struct sb t = SB_INIT;
	sb_addf(&t, "%s - %s %s", page_title, rtr(r, "adm_brand"), json_string_value(json_object_get(r->site, "name")));
	web_lang_ctx(r, ctx);
	json_object_set_new(ctx, "page_title", json_string(t.buf));
	json_object_set_new(ctx, "heading", json_string(page_title));
	json_object_set_new(ctx, "static", json_string("/static"));
	json_object_set_new(ctx, "csrf", json_string(web_csrf_token(r)));
	/* the menu's entry for every kind but news (its own entries) */
	size_t nk;
	const struct kind *const *ks = kind_all(&nk);
	json_t *kinds = json_array();
	for (size_t i = 0; i < nk; i++)
		if (strcmp(ks[i]->name, "article") != 0)
			json_array_append_new(kinds, json_pack("{ssss}", "segment", ks[i]->segment, "label",
								     kind_tr(req_texts(r), ks[i], NULL)));
	json_object_set_new(ctx, "admin_kinds", kinds);
	json_t *site = json_object();
	char *url = web_site_url(r, r->site);
	json_object_set(site, "name", json_object_get(r->site, "name"));
	json_object_set_new(site, "url", json_string(url));
	free(url);
	json_object_set_new(ctx, "site", site);
	if (r->user) {
		json_object_set(ctx, "user", r->user);
		const char *role = user_role_on(r->db, &r->actor, json_integer_value(json_object_get(r->site, "id")));
		json_object_set_new(ctx, "role_label", json_string(role_label(r, role)));
		json_object_set_new(ctx, "can_publish", json_boolean(role && (strcmp(role, "sysadmin") == 0 ||
			strcmp(role, "siteadmin") == 0 || strcmp(role, "approver") == 0)));
		json_object_set_new(ctx, "can_manage_categories", json_boolean(role && strcmp(role, "reporter") != 0));
		int board_admin = role && (strcmp(role, "sysadmin") == 0 || strcmp(role, "siteadmin") == 0);
		json_object_set_new(ctx, "is_siteadmin", json_boolean(board_admin));
		json_object_set_new(ctx, "is_sysadmin", json_boolean(r->actor.sysadmin));
		json_object_set_new(ctx, "is_main_board", json_boolean(json_is_true(json_object_get(ctx, "can_publish")) &&
			strcmp(json_string_value(json_object_get(r->site, "kind")), "main") == 0));
		/* other sites this account works on, each with its own admin address */
		json_t *sites = user_sites(r->db, &r->actor), *list = json_array();
		size_t i;
		json_t *s;
		json_array_foreach(sites, i, s) {
			json_t *full = site_get(r->db, json_integer_value(json_object_get(s, "id")));
			if (!full)
				continue;
			char *su = web_site_url(r, full);
			struct sb au = SB_INIT;
			sb_addf(&au, "%squan-tri/", su);
			json_t *it = json_object();
			json_object_set(it, "name", json_object_get(s, "name"));
			json_object_set_new(it, "admin_url", json_string(au.buf));
			json_object_set_new(it, "role_label", json_string(role_label(r, json_string_value(json_object_get(s, "role")))));
			json_object_set_new(it, "current", json_boolean(json_integer_value(json_object_get(s, "id")) ==
				json_integer_value(json_object_get(r->site, "id"))));
			json_array_append_new(list, it);
			sb_release(&au);
			free(su);
			json_decref(full);
		}
		json_decref(sites);
		json_object_set_new(ctx, "has_sites", json_boolean(json_array_size(list) > 0));
		json_object_set_new(ctx, "has_many_sites", json_boolean(json_array_size(list) > 1));
		json_object_set_new(ctx, "sites", list);
	}
	sb_release(&t);
	return ctx;
}

/* What an account must hold on the request's site, from the most open to the strictest; the
 * role levels are role_rank()'s. */
enum need { NEED_SIGNED_IN, NEED_ROLE, NEED_EDITOR, NEED_APPROVER, NEED_SITEADMIN, NEED_SYSADMIN };

static int role_rank(const char *role)
{
	static const char *const ranks[] = { "reporter", "editor", "approver", "siteadmin", "sysadmin" };
	for (size_t i = 0; role && i < ARRAY_SIZE(ranks); i++)
		if (strcmp(role, ranks[i]) == 0)
			return (int)i + 1;
	return 0;
}

/* A refusal: the error page, or for a script's endpoint (ROUTE_JSON) {"error": message} with
 * whatever was written before (a redirect's Location) dropped. */
static void refuse(struct req *r, int json, int status, const char *key)
{
	if (!json) {
		resp_error(r, status, key);
		return;
	}
	json_t *o = json_pack("{ss}", "error", rtr(r, key));
	char *s = json_dumps(o, JSON_COMPACT);
	sb_reset(&r->headers);
	resp_header(r, "Cache-Control", "no-store");
	resp_text(r, status, "application/json", s ? s : "{}");
	json_free_str(s);
	json_decref(o);
}

/* Sends the browser to PATH?tiep=<this page>. */
static void redirect_back(struct req *r, const char *path)
{
	struct sb loc = SB_INIT;
	sb_addf(&loc, "%s?tiep=", path);
	sb_add_urlenc(&loc, r->path, strlen(r->path));
	resp_redirect(r, 303, loc.buf);
	sb_release(&loc);
}

/* The admin in the account U's language (admin addresses have no language prefix); a language
 * whose locale is gone falls back to Vietnamese. */
static void account_language(struct req *r, json_t *u)
{
	const char *lang = json_string_value(json_object_get(u, "language"));
	if (lang && *lang && strlen(lang) < sizeof(r->lang) &&
	    locale_dict(__atomic_load_n(&r->app->locale, __ATOMIC_ACQUIRE), lang))
		memcpy(r->lang, lang, strlen(lang) + 1);
}

/* The sign-in pages, before any account is known: the language the browser prefers most
 * (Accept-Language, RFC 9110 §12.5.4: "en-GB;q=0.8, km"; the first of equal weights) among those
 * with a locale; Vietnamese when none. */
static void browser_language(struct req *r)
{
	const char *h = req_header(r, "Accept-Language");
	json_t *locales = __atomic_load_n(&r->app->locale, __ATOMIC_ACQUIRE);
	double best = 0;
	resp_header(r, "Vary", "Accept-Language");
	while (h && *h) {
		h += strspn(h, " \t,");
		size_t n = strcspn(h, ",;- \t"); /* the primary subtag */
		char code[4] = "";
		if (n >= 2 && n <= 3) {
			for (size_t i = 0; i < n; i++)
				code[i] = (char)(h[i] >= 'A' && h[i] <= 'Z' ? h[i] + 32 : h[i]);
			code[n] = 0;
		}
		const char *end = h + strcspn(h, ","), *q = strstr(h, ";q=");
		double w = 1;
		if (q && q < end)
			w = strtod(q + 3, NULL);
		if (code[0] && locale_code_valid(code, n) && w > best && locale_dict(locales, code)) {
			best = w;
			memcpy(r->lang, code, n + 1);
		}
		h = end;
	}
}

/* The account of this browser's session into r->user and r->actor (once per request), then
 * what every admin page requires of it, then NEED on the request's site. Answers and returns -1
 * when the request may not go on: without a session the browser is sent to the sign-in form (with
 * a pending second factor, to the code page), a POST too (303: nothing is done, and the form is
 * where it goes after signing in again); a script's endpoint (JSON) gets 401. */
static int account_check(struct req *r, enum need need, int json)
{
	if (!r->user) {
		const char *sid = req_cookie(r, SID_COOKIE);
		json_t *u = sid ? session_user(r->db, sid) : NULL;
		resp_header(r, "Cache-Control", "no-store");
		if (!u || json_integer_value(json_object_get(u, "mfa_pending"))) {
			/* none, or the password was right and the second factor is still to come */
			int pending = u != NULL;
			json_decref(u);
			if (json)
				refuse(r, json, 401, "signin_required");
			else
				redirect_back(r, pending ? CODE_PATH : "/quan-tri/dang-nhap");
			return -1;
		}
		r->user = u;
		r->actor.id = json_integer_value(json_object_get(u, "id"));
		r->actor.sysadmin = json_integer_value(json_object_get(u, "is_sysadmin")) != 0;
		r->actor.address = r->address;
		account_language(r, u);
	}
	int must_change = json_integer_value(json_object_get(r->user, "must_change")) != 0;
	if (must_change && strcmp(r->path, "/quan-tri/doi-mat-khau") != 0) {
		if (json)
			refuse(r, json, 401, "signin_required");
		else
			resp_redirect(r, 303, "/quan-tri/doi-mat-khau");
		return -1;
	}
	/* an account that must use two factors and has not enrolled can do nothing else (but change
	 * its one-time password first) */
	if (!must_change && !json_integer_value(json_object_get(r->user, "mfa_enabled")) &&
	    strcmp(r->path, TOTP_PATH) != 0 && totp_required(r->db, r->actor.id, r->actor.sysadmin)) {
		if (json)
			refuse(r, json, 401, "signin_required");
		else
			resp_redirect(r, 303, TOTP_PATH);
		return -1;
	}
	if (need == NEED_SIGNED_IN)
		return 0;
	if (need == NEED_SYSADMIN && !r->actor.sysadmin) {
		refuse(r, json, 403, json ? "forbidden" : "sysadmin_only");
		return -1;
	}
	int rank = role_rank(user_role_on(r->db, &r->actor, json_integer_value(json_object_get(r->site, "id"))));
	if (!rank) { /* nothing on this site */
		if (json)
			refuse(r, json, 403, "forbidden");
		else
			resp_render(r, 403, "admin/forbidden", admin_ctx(r, rtr(r, "adm_title_forbidden")));
		return -1;
	}
	if (rank < (int)need) {
		refuse(r, json, 403, need == NEED_SITEADMIN && !json ? "siteadmin_only" : "forbidden");
		return -1;
	}
	return 0;
}

int admin_gate(struct req *r, int rules)
{
	static const struct {
		int flag;
		enum need need;
	} needs[] = { { ROUTE_SIGNED_IN, NEED_SIGNED_IN }, { ROUTE_ROLE, NEED_ROLE }, { ROUTE_EDITOR, NEED_EDITOR },
		      { ROUTE_APPROVER, NEED_APPROVER }, { ROUTE_SITEADMIN, NEED_SITEADMIN },
		      { ROUTE_SYSADMIN, NEED_SYSADMIN } };
	int json = (rules & ROUTE_JSON) != 0;
	if (r->is_post && !(rules & ROUTE_NO_CSRF) && !csrf_valid(r)) {
		refuse(r, json, 403, "csrf_invalid");
		return -1;
	}
	if (rules & ROUTE_TOKEN) /* the API's writes: a token, never a session (web/public/api_write.c) */
		return api_token_gate(r);
	int found = 0;
	enum need need = NEED_ROLE;
	for (size_t i = 0; i < ARRAY_SIZE(needs); i++)
		if (rules & needs[i].flag) {
			need = needs[i].need; /* the strictest, should there be several */
			found = 1;
		}
	if (!found && (rules & ROUTE_PUBLIC))
		return 0;
	/* no access flag at all is not open (route_rules() always gives one) */
	return account_check(r, need, json);
}

int admin_require(struct req *r, int need_role)
{
	return account_check(r, need_role ? NEED_ROLE : NEED_SIGNED_IN, 0);
}

int admin_require_siteadmin(struct req *r)
{
	return account_check(r, NEED_SITEADMIN, 0);
}

int64_t admin_capture_id(struct req *r)
{
	int64_t id;
	/* "/quan-tri/<kind>/<id>": the id is the second capture */
	const char *c = r->captures[1] ? r->captures[1] : r->captures[0];
	if (!c || parse_i64(c, 1, INT64_MAX, &id))
		return -1;
	return id;
}

void admin_model_error(struct req *r, int rc)
{
	if (rc == M_DENIED)
		resp_error(r, 403, "forbidden");
	else if (rc == M_NOTFOUND)
		resp_error(r, 404, "not_found");
	else
		resp_error(r, 500, "server_error");
}

/* Only paths of this site's admin are followed after sign-in: no open redirect. */
static const char *next_path(const char *tiep)
{
	static const char safe[] = "abcdefghijklmnopqrstuvwxyz0123456789/-_.?=&";
	if (tiep && strncmp(tiep, "/quan-tri/", 10) == 0 && !strstr(tiep, "//") &&
	    strspn(tiep, safe) == strlen(tiep))
		return tiep;
	return "/quan-tri/";
}

static void signin_render(struct req *r, int status, const char *username, const char *error)
{
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_signin"));
	json_object_set_new(ctx, "username", json_string(username ? username : ""));
	json_object_set_new(ctx, "next", json_string(next_path(req_form(r, "tiep") ? req_form(r, "tiep") : req_arg(r, "tiep"))));
	if (error)
		json_object_set_new(ctx, "error", json_string(error));
	resp_render(r, status, "admin/signin", ctx);
}

void admin_signin_form(struct req *r)
{
	resp_header(r, "Cache-Control", "no-store");
	browser_language(r);
	signin_render(r, 200, NULL, NULL);
}

void admin_signin(struct req *r)
{
	const char *u = req_form(r, "username"), *p = req_form(r, "password");
	char tok[SESSION_TOKEN_LEN + 1];
	browser_language(r); /* its refusals too */
	resp_header(r, "Cache-Control", "no-store");
	if (!u || !*u || !p || !*p) {
		signin_render(r, 422, u, rtr(r, "signin_missing"));
		return;
	}
	int64_t wait = 0;
	json_t *user = user_authenticate(r->db, u, p, r->address, &wait);
	if (!user && wait) {
		char msg[256], secs[24];
		snprintf(secs, sizeof(secs), "%lld", (long long)wait);
		snprintf(msg, sizeof(msg), "%s %lld %s", rtr(r, "signin_wait"), (long long)(wait + 59) / 60,
			 rtr(r, "minutes"));
		resp_header(r, "Retry-After", secs);
		signin_render(r, 429, u, msg);
		return;
	}
	if (!user) {
		signin_render(r, 401, u, rtr(r, "signin_failed"));
		return;
	}
	/* a session token the browser had before signing in is never reused */
	session_destroy(r->db, req_cookie(r, SID_COOKIE));
	int64_t uid = json_integer_value(json_object_get(user, "id"));
	json_t *mfa = totp_status(r->db, uid);
	int second = json_is_true(json_object_get(mfa, "enabled"));
	json_decref(mfa);
	if ((second ? session_create_pending : session_create)(r->db, uid, tok)) {
		json_decref(user);
		resp_error(r, 500, "server_error");
		return;
	}
	resp_cookie(r, SID_COOKIE, tok, -1, 1);
	sodium_memzero(tok, sizeof(tok));
	if (second) {
		struct sb loc = SB_INIT;
		sb_adds(&loc, CODE_PATH "?tiep=");
		const char *next = next_path(req_form(r, "tiep"));
		sb_add_urlenc(&loc, next, strlen(next));
		resp_redirect(r, 303, loc.buf);
		sb_release(&loc);
	} else {
		resp_redirect(r, 303, json_integer_value(json_object_get(user, "must_change")) ? "/quan-tri/doi-mat-khau"
											       : next_path(req_form(r, "tiep")));
	}
	json_decref(user);
}

void admin_signout(struct req *r)
{
	session_destroy(r->db, req_cookie(r, SID_COOKIE));
	resp_cookie(r, SID_COOKIE, "", 0, 1);
	resp_redirect(r, 303, "/quan-tri/dang-nhap");
}

static void password_render(struct req *r, int status, const struct errs *e)
{
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_password"));
	int must = json_integer_value(json_object_get(r->user, "must_change")) != 0;
	int one_time = json_integer_value(json_object_get(r->user, "one_time_password")) != 0;
	json_object_set_new(ctx, "must_change", json_boolean(must));
	json_object_set_new(ctx, "one_time", json_boolean(one_time));
	json_object_set_new(ctx, "expired", json_boolean(must && !one_time));
	/* the rules that apply to this account, as the hint says them */
	int mfa = json_integer_value(json_object_get(r->user, "mfa_enabled")) != 0;
	int admin = user_is_admin(r->db, r->actor.id);
	int64_t min = account_setting(r->db, "password_min_length"), min_no = account_setting(r->db, "password_min_length_no_mfa");
	json_object_set_new(ctx, "mfa", json_boolean(mfa));
	json_object_set_new(ctx, "min_length", json_integer(!mfa && min_no > min ? min_no : min));
	json_object_set_new(ctx, "history", json_integer(account_setting(r->db, admin ? "password_history_admin" : "password_history")));
	json_object_set_new(ctx, "max_age_days", json_integer(admin ? password_max_age_days_admin(r->db) : password_max_age_days(r->db)));
	/* the admin's language, chosen here among the loaded locales, each named in itself */
	json_t *langs = json_array(), *locales = __atomic_load_n(&r->app->locale, __ATOMIC_ACQUIRE);
	const char *code;
	json_t *dict;
	json_object_foreach(locales, code, dict)
		json_array_append_new(langs, json_pack("{sssssb}", "code", code, "name",
						       locale_text(locales, code, "adm_lang_self"), "selected",
						       strcmp(code, r->lang) == 0));
	json_object_set_new(ctx, "languages", langs);
	if (req_arg(r, "ngon-ngu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "adm_language_saved")));
	/* the mailbox this account reads its board's reminders in (model/mailbox.h): only whether
	 * one is named is known (a keyed tag is kept, never the address); a refused one kept typed */
	json_object_set_new(ctx, "mailbox_linked", json_boolean(user_mailbox_linked(r->db, r->actor.id) == 1));
	if (req_form(r, "email"))
		json_object_set_new(ctx, "mailbox_value", json_string(req_form(r, "email")));
	if (req_arg(r, "hop-thu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "adm_mailbox_saved")));
	if (e)
		admin_errors(r, ctx, e);
	resp_render(r, status, "admin/password", ctx);
}

void admin_password_form(struct req *r)
{
	password_render(r, 200, NULL);
}

void admin_password(struct req *r)
{
	struct errs e = { 0 };
	int rc = user_change_password(r->db, r->actor.id, req_form(r, "old_password"), req_form(r, "new_password"),
				      req_form(r, "confirm"), &e);
	if (rc == M_INVALID) {
		password_render(r, 422, &e);
		return;
	}
	if (rc != M_OK) {
		resp_error(r, 500, "server_error");
		return;
	}
	/* a new password: this browser gets a new session id, every other browser is signed out */
	char tok[SESSION_TOKEN_LEN + 1];
	if (session_rotate(r->db, req_cookie(r, SID_COOKIE), tok) == M_OK) {
		session_destroy_others(r->db, r->actor.id, tok);
		resp_cookie(r, SID_COOKIE, tok, -1, 1);
		sodium_memzero(tok, sizeof(tok));
	}
	resp_redirect(r, 303, "/quan-tri/?doi-mat-khau=1");
}

/* WEBPAGE: POST /quan-tri/ngon-ngu  the account's admin language: language (a locale's code) */
void admin_language(struct req *r)
{
	struct errs e = { 0 };
	int rc = user_set_language(r->db, &r->actor, req_form(r, "language"),
				   __atomic_load_n(&r->app->locale, __ATOMIC_ACQUIRE), &e);
	if (rc == M_INVALID) {
		password_render(r, 422, &e);
		return;
	}
	if (rc != M_OK) {
		resp_error(r, 500, "server_error");
		return;
	}
	resp_redirect(r, 303, "/quan-tri/doi-mat-khau?ngon-ngu=1");
}

/* WEBPAGE: POST /quan-tri/hop-thu — email: names (or, empty, forgets) the mailbox this account
 * reads the deadline reminders in, so that they come in its language (#16, model/mailbox.h). */
void admin_mailbox(struct req *r)
{
	struct errs e = { 0 };
	int rc = user_mailbox_set(r->db, &r->actor, json_string_value(json_object_get(r->user, "username")),
				  req_form(r, "email"), &e);
	if (rc == M_INVALID) {
		password_render(r, 422, &e);
		return;
	}
	if (rc != M_OK) {
		admin_model_error(r, rc);
		return;
	}
	resp_redirect(r, 303, "/quan-tri/doi-mat-khau?hop-thu=1");
}

/* ---- two-factor sign-in ---- */

/* The second step of sign-in: the pending session of this browser. */
static void code_render(struct req *r, int status, const char *error)
{
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_totp_code"));
	const char *tiep = req_form(r, "tiep") ? req_form(r, "tiep") : req_arg(r, "tiep");
	json_object_set_new(ctx, "next", json_string(next_path(tiep)));
	json_object_set_new(ctx, "tries", json_integer(SESSION_MFA_TRIES));
	if (error)
		json_object_set_new(ctx, "error", json_string(error));
	resp_render(r, status, "admin/totp_code", ctx);
}

/* The account of this browser's session when it is pending, else NULL after answering: to the
 * sign-in form without a session, onwards with a full one. */
static json_t *pending_user(struct req *r)
{
	const char *sid = req_cookie(r, SID_COOKIE);
	json_t *u = sid ? session_user(r->db, sid) : NULL;
	resp_header(r, "Cache-Control", "no-store");
	if (!u) {
		resp_redirect(r, 303, "/quan-tri/dang-nhap");
		return NULL;
	}
	if (!json_integer_value(json_object_get(u, "mfa_pending"))) {
		resp_redirect(r, 303, next_path(req_form(r, "tiep") ? req_form(r, "tiep") : req_arg(r, "tiep")));
		json_decref(u);
		return NULL;
	}
	/* the code's page: the account is known, its language is the page's */
	account_language(r, u);
	return u;
}

void admin_totp_code_form(struct req *r)
{
	json_t *u = pending_user(r);
	if (!u)
		return;
	json_decref(u);
	code_render(r, 200, NULL);
}

void admin_totp_code(struct req *r)
{
	char tok[SESSION_TOKEN_LEN + 1];
	const char *sid = req_cookie(r, SID_COOKIE), *code = req_form(r, "code");
	int recovery = 0;
	json_t *u = pending_user(r);
	if (!u)
		return;
	struct actor a = { json_integer_value(json_object_get(u, "id")),
			   json_integer_value(json_object_get(u, "is_sysadmin")) != 0, r->address };
	int must_change = json_integer_value(json_object_get(u, "must_change")) != 0;
	json_decref(u);
	if (!code || !*code) {
		code_render(r, 422, rtr(r, "totp_missing"));
		return;
	}
	/* counted before it is checked: parallel guesses get no more than SESSION_MFA_TRIES */
	int n = session_mfa_attempt(r->db, sid);
	int rc = n > 0 && n <= SESSION_MFA_TRIES ? totp_verify(r->db, &a, code, 0, &recovery) : M_INVALID;
	if (rc == M_INVALID) {
		if (n < 0 || n >= SESSION_MFA_TRIES) { /* the session ends: start again */
			session_destroy(r->db, sid);
			audit_write(r->db, &a, 0, "mfa.lockout", "", "too many wrong codes");
			resp_cookie(r, SID_COOKIE, "", 0, 1);
			signin_render(r, 401, NULL, rtr(r, "totp_too_many"));
			return;
		}
		code_render(r, 401, rtr(r, "totp_invalid"));
		return;
	}
	if (rc == M_NOTFOUND) { /* turned off meanwhile (reset): sign in again */
		session_destroy(r->db, sid);
		resp_cookie(r, SID_COOKIE, "", 0, 1);
		resp_redirect(r, 303, "/quan-tri/dang-nhap");
		return;
	}
	if (rc != M_OK || session_rotate(r->db, sid, tok) != M_OK) {
		resp_error(r, 500, "server_error");
		return;
	}
	resp_cookie(r, SID_COOKIE, tok, -1, 1);
	sodium_memzero(tok, sizeof(tok));
	if (must_change) {
		resp_redirect(r, 303, "/quan-tri/doi-mat-khau");
	} else if (recovery) { /* tell how many are left, on the 2FA page */
		resp_redirect(r, 303, TOTP_PATH "?ma-du-phong=1");
	} else {
		const char *tiep = req_form(r, "tiep");
		resp_redirect(r, 303, next_path(tiep));
	}
}

/* "Cổng <site name>", as authenticator apps list the account (no doubled "Cổng"). */
static char *issuer_of(struct req *r)
{
	const char *name = json_string_value(json_object_get(r->site, "name"));
	struct sb b = SB_INIT;
	if (!name || strncmp(name, "Cổng", strlen("Cổng")) != 0)
		sb_adds(&b, "Cổng ");
	sb_adds(&b, name ? name : "");
	return sb_detach(&b, NULL);
}

/* The 2FA page: enrolment (QR code, secret, code) when it is off, else its state, turning it
 * off, and for the system administrator removing another account's. */
static void totp_render(struct req *r, int status, const struct errs *e, const char *notice)
{
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_totp"));
	json_t *st = totp_status(r->db, r->actor.id);
	int enabled = json_is_true(json_object_get(st, "enabled"));
	int required = totp_required(r->db, r->actor.id, r->actor.sysadmin);
	json_object_set_new(ctx, "required", json_boolean(required));
	json_object_set(ctx, "status", st);
	json_object_set_new(ctx, "can_reset", json_boolean(r->actor.sysadmin && (enabled || !required)));
	if (enabled) {
		char when[32];
		time_format_vn(json_integer_value(json_object_get(st, "enabled_at")), when, sizeof(when));
		json_object_set_new(ctx, "enabled_label", json_string(when));
	}
	if (!enabled) {
		json_t *en = NULL;
		char *issuer = issuer_of(r);
		int rc = totp_enrol_begin(r->db, &r->actor, issuer, json_string_value(json_object_get(r->user, "username")),
					  rtr(r, "adm_tp_qr_title"), &en);
		free(issuer);
		if (rc != M_OK) {
			json_decref(st);
			json_decref(ctx);
			resp_error(r, 500, "server_error");
			return;
		}
		/* qr_svg is printed raw ({{{qr_svg}}}): it is made by model/totp.c alone, from a URI
		 * it built (base32, percent-encoded names); the one text in it is escaped there */
		json_object_set_new(ctx, "enrol", en);
	}
	if (e)
		admin_errors(r, ctx, e);
	if (notice)
		json_object_set_new(ctx, "notice", json_string(notice));
	/* only the reset form has this field: the name is kept, codes and passwords never are */
	json_object_set_new(ctx, "reset_username", json_string(req_form(r, "username") ? req_form(r, "username") : ""));
	json_decref(st);
	resp_render(r, status, "admin/totp", ctx);
}

void admin_totp_form(struct req *r)
{
	const char *notice = NULL;
	if (req_arg(r, "da-tat"))
		notice = rtr(r, "totp_disabled");
	else if (req_arg(r, "da-dat-lai"))
		notice = rtr(r, "totp_reset_done");
	else if (req_arg(r, "ma-du-phong"))
		notice = rtr(r, "totp_recovery_used");
	totp_render(r, 200, NULL, notice);
}

void admin_totp_enrol(struct req *r)
{
	struct errs e = { 0 };
	json_t *codes = NULL;
	char tok[SESSION_TOKEN_LEN + 1];
	int rc = totp_enrol_confirm(r->db, &r->actor, req_form(r, "code"), 0, &e, &codes);
	if (rc == M_INVALID) {
		totp_render(r, 422, &e, NULL); /* the code is not sent back */
		return;
	}
	if (rc != M_OK) {
		resp_error(r, 500, "server_error");
		return;
	}
	/* a stronger session deserves a new token */
	if (session_rotate(r->db, req_cookie(r, SID_COOKIE), tok) == M_OK) {
		resp_cookie(r, SID_COOKIE, tok, -1, 1);
		sodium_memzero(tok, sizeof(tok));
	}
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_totp_codes"));
	json_object_set_new(ctx, "codes", codes);
	json_object_set_new(ctx, "notice", json_string(rtr(r, "totp_enabled")));
	resp_render(r, 200, "admin/totp_codes", ctx);
}

void admin_totp_disable(struct req *r)
{
	struct errs e = { 0 };
	int rc = totp_disable(r->db, &r->actor, req_form(r, "password"), req_form(r, "code"), 0, &e);
	if (rc == M_INVALID) {
		totp_render(r, 422, &e, NULL);
		return;
	}
	if (rc == M_NOTFOUND) {
		resp_redirect(r, 303, TOTP_PATH);
		return;
	}
	if (rc != M_OK) {
		resp_error(r, 500, "server_error");
		return;
	}
	resp_redirect(r, 303, TOTP_PATH "?da-tat=1");
}

void admin_totp_reset(struct req *r)
{
	struct errs e = { 0 };
	int rc = totp_reset(r->db, &r->actor, req_form(r, "username"), &e);
	if (rc == M_INVALID) {
		totp_render(r, 422, &e, NULL);
		return;
	}
	if (rc != M_OK) {
		resp_error(r, 500, "server_error");
		return;
	}
	resp_redirect(r, 303, TOTP_PATH "?da-dat-lai=1");
}
