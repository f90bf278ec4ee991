/* site.c — the tree of sites (main portal → departments/districts → communes) and how a Host
 * header picks one: <slug>.<base>, <slug>.<parent>.<base> (BT Đ5's 5th level), <base> and
 * www.<base> for the main portal, or an extra domain the site lists. */
#include "internal.h"
#include "site_texts.h"
#include "db/db.h"
#include "base/locale.h"
#include "base/sb.h"
#include "base/util.h"
#include "base/arena.h"
#include "base/utf8.h"
#include "vn/slug.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "base/banned.h"

#define SITE_COLS "id, slug, parent_id, kind, name, name_en, short_name, owner, address, phone, " \
		  "email, fax, responsible, licence, approval_steps, approver_may_be_author, languages"

static const char *const site_kinds[] = { "main", "department", "district", "commune" };

static int kind_valid(const char *k)
{
	for (size_t i = 0; i < ARRAY_SIZE(site_kinds); i++)
		if (strcmp(k, site_kinds[i]) == 0)
			return 1;
	return 0;
}

static int email_plausible(const char *s)
{
	const char *at = strchr(s, '@');
	return at && at > s && strchr(at, '.') && !strchr(s, ' ') && !strchr(at + 1, '@');
}

json_t *site_get(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT " SITE_COLS " FROM sites WHERE id = ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	return db_one_json(st);
}

json_t *site_get_by_slug(struct db *db, const char *slug)
{
	struct db_stmt *st = db_stmt(db, "SELECT " SITE_COLS " FROM sites WHERE slug = ?");
	if (!st)
		return NULL;
	db_bind_text(st, 1, slug);
	return db_one_json(st);
}

/* ---- the sites as the public pages read them, kept per connection ----
 * Every public request resolves its Host, names the main portal and home pages list sites: the
 * sites table (a province has a few hundred rows) and its extra domains are read once per
 * connection and kept until the database changes (db_memo). The objects are shared by every
 * request of the connection: what site_find_by_host, site_main and site_directory return must
 * not be modified. */
struct site_memo {
	json_t *all;     /* every site, ORDER BY kind, name, id; with "kind_label" */
	json_t *tree;    /* the same in tree order, with "depth" */
	json_t *by_slug; /* {slug: site} */
	json_t *by_id;   /* {"id": site} */
	json_t *domains; /* {domain: site} */
	json_t *main;    /* the main portal (lowest id), or NULL */
	int64_t *parent; /* parent[i]: parent_id of all[i] (0: none), for site_directory */
	json_t *texts;   /* #16: {"id": {lang: {key: text}}}, the sites' texts in other languages */
};

const char *site_kind_label(const char *kind)
{
	static const char *const labels[][2] = {
		{ "department", "Sở, ban, ngành" },
		{ "district", "Huyện, thị xã, thành phố" },
		{ "commune", "Xã, phường, thị trấn" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(labels); i++)
		if (kind && strcmp(kind, labels[i][0]) == 0)
			return labels[i][1];
	return "Cổng chính";
}

static json_t *site_memo_by_id(const struct site_memo *m, json_int_t id)
{
	char key[24];
	snprintf(key, sizeof(key), "%lld", (long long)id);
	return json_object_get(m->by_id, key);
}

static void site_memo_free(void *p)
{
	struct site_memo *m = p;
	json_decref(m->all);
	json_decref(m->tree);
	json_decref(m->by_slug);
	json_decref(m->by_id);
	json_decref(m->domains);
	json_decref(m->texts);
	free(m->parent);
	free(m);
}

static const struct site_memo *sites_memo(struct db *db)
{
	struct site_memo *m = db_memo_get(db, DB_MEMO_SITES);
	if (m)
		return m;
	struct db_stmt *st = db_stmt(db, "SELECT " SITE_COLS " FROM sites ORDER BY kind, name, id");
	if (!st)
		return NULL;
	/* kept across requests: plain malloc, never the request's arena */
	struct arena *prev = arena_enter(NULL);
	m = xcalloc(1, sizeof(*m));
	m->all = db_rows_json(st);
	m->by_slug = json_object();
	m->by_id = json_object();
	m->domains = json_object();
	m->parent = xcalloc(json_array_size(m->all) + 1, sizeof(*m->parent));
	size_t i;
	json_t *s;
	json_array_foreach(m->all, i, s) {
		json_object_set_new(s, "kind_label", json_string(site_kind_label(json_string_value(json_object_get(s, "kind")))));
		m->parent[i] = json_integer_value(json_object_get(s, "parent_id"));
		json_object_set(m->by_slug, json_string_value(json_object_get(s, "slug")), s);
		char key[24];
		snprintf(key, sizeof(key), "%lld", (long long)json_integer_value(json_object_get(s, "id")));
		json_object_set(m->by_id, key, s);
		if (strcmp(json_string_value(json_object_get(s, "kind")), "main") == 0 &&
		    (!m->main || json_integer_value(json_object_get(s, "id")) < json_integer_value(json_object_get(m->main, "id"))))
			m->main = s;
	}
	/* tree_order adds "depth" to the rows: done here, before anyone shares them */
	m->tree = tree_order(json_incref(m->all));
	st = db_stmt(db, "SELECT domain, site_id FROM site_domains");
	while (st && db_step(st) == DB_ROW) {
		json_t *site = site_memo_by_id(m, db_col_int(st, 1));
		if (site)
			json_object_set(m->domains, db_col_text(st, 0), site);
	}
	if (st)
		db_reset(st);
	m->texts = site_texts_all(db); /* #16: read with the sites, so a page in a language needs no query */
	arena_leave(prev);
	db_memo_set(db, DB_MEMO_SITES, m, site_memo_free);
	return m;
}

json_t *site_get_kept(struct db *db, int64_t id)
{
	const struct site_memo *m = sites_memo(db);
	json_t *s = m ? site_memo_by_id(m, id) : NULL;
	return s ? json_incref(s) : NULL;
}

json_t *site_main(struct db *db)
{
	const struct site_memo *m = sites_memo(db);
	return m ? json_incref(m->main) : NULL;
}

json_t *site_list(struct db *db)
{
	struct db_stmt *st = db_stmt(db, "SELECT " SITE_COLS " FROM sites ORDER BY kind, name");
	return st ? tree_order(db_rows_json(st)) : json_array();
}

json_t *site_directory(struct db *db, int64_t parent_id)
{
	const struct site_memo *m = sites_memo(db);
	json_t *out = json_array();
	size_t i;
	json_t *s;
	if (!m)
		return out;
	if (!parent_id)
		return json_decref(out), json_copy(m->tree); /* shallow: the same site objects */
	json_array_foreach(m->all, i, s)
		if (m->parent[i] == parent_id)
			json_array_append(out, s);
	return out;
}

json_t *site_children(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT " SITE_COLS " FROM sites WHERE parent_id = ? ORDER BY kind, name");
	if (!st)
		return json_array();
	db_bind_int(st, 1, id);
	return db_rows_json(st);
}

/* Lower-cases HOST and drops a port or a trailing dot; returns malloc'd string or NULL. */
static char *host_clean(const char *host)
{
	struct sb b = SB_INIT;
	const char *end;
	if (!host || !*host)
		return NULL;
	if (host[0] == '[') { /* IPv6 literal */
		end = strchr(host, ']');
		if (!end)
			return NULL;
		end++;
	} else {
		end = strchr(host, ':');
		if (!end)
			end = host + strlen(host);
	}
	for (const char *p = host; p < end; p++)
		sb_addc(&b, (char)tolower((unsigned char)*p));
	if (b.len && b.buf[b.len - 1] == '.')
		sb_truncate(&b, b.len - 1);
	return sb_detach(&b, NULL);
}

json_t *site_find_by_host(struct db *db, const char *host_hdr, const char *base)
{
	const struct site_memo *m = sites_memo(db);
	char *host = host_clean(host_hdr);
	json_t *site = NULL;
	size_t hl, bl = base ? strlen(base) : 0;

	if (!host || !m) {
		free(host);
		return NULL;
	}
	hl = strlen(host);
	if (base && bl && (strcmp(host, base) == 0 ||
			   (hl == bl + 4 && strncmp(host, "www.", 4) == 0 && strcmp(host + 4, base) == 0))) {
		site = m->main;
	} else if (base && bl && hl > bl + 1 && host[hl - bl - 1] == '.' && strcmp(host + hl - bl, base) == 0) {
		/* labels before the base: "chauthanh" or "chauthanh.longho"; each must be the
		 * parent of the one before, up to a site directly under the main portal */
		char *labels = xstrndup(host, hl - bl - 1);
		char *save = NULL, *lab = strtok_r(labels, ".", &save);
		json_t *cur = lab ? json_object_get(m->by_slug, lab) : NULL;
		site = cur;
		while (cur && (lab = strtok_r(NULL, ".", &save))) {
			json_t *pid = json_object_get(cur, "parent_id");
			json_t *parent = json_is_integer(pid) ? site_memo_by_id(m, json_integer_value(pid)) : NULL;
			const char *pslug = parent ? json_string_value(json_object_get(parent, "slug")) : NULL;
			cur = parent;
			/* the main portal is only ever <base>: "x.main.<base>" names nothing */
			if (!pslug || strcmp(pslug, lab) != 0 ||
			    strcmp(json_string_value(json_object_get(parent, "kind")), "main") == 0)
				site = cur = NULL;
		}
		free(labels);
		if (site && strcmp(json_string_value(json_object_get(site, "kind")), "main") == 0)
			site = NULL; /* "main.<base>" is not a host of the main portal */
	}
	if (!site)
		site = json_object_get(m->domains, host);
	free(host);
	return json_incref(site);
}

char *site_host(json_t *site, const char *base)
{
	struct sb b = SB_INIT;
	if (strcmp(json_string_value(json_object_get(site, "kind")), "main") == 0)
		return xstrdup(base);
	sb_addf(&b, "%s.%s", json_string_value(json_object_get(site, "slug")), base);
	return sb_detach(&b, NULL);
}

/* NFC-normalises a text field in place of IN's pointer; NULL stays "". Returns 0 or -1. */
static int field_nfc(const char *in, char **out)
{
	*out = utf8_nfc(in ? in : "", in ? strlen(in) : 0);
	return *out ? 0 : -1;
}

int site_add(struct db *db, const struct site_input *in, struct errs *e, int64_t *id, char **slug_out)
{
	enum { F_NAME, F_NAME_EN, F_SHORT, F_OWNER, F_ADDR, F_PHONE, F_EMAIL, F_FAX, F_RESP, F_LIC, F_N };
	const char *src[F_N] = { in->name, in->name_en, in->short_name, in->owner, in->address, in->phone,
				 in->email, in->fax, in->responsible, in->licence };
	char *v[F_N] = { 0 };
	char *slug = NULL;
	const char *kind = in->kind;
	json_t *parent = NULL;
	int rc = M_INVALID;

	for (int i = 0; i < F_N; i++)
		if (field_nfc(src[i], &v[i]))
			errs_add(e, "name", "invalid_utf8");
	if (e->n)
		goto out;
	if (!*v[F_NAME])
		errs_add(e, "name", "required");
	if (kind && !kind_valid(kind))
		errs_add(e, "kind", "site_kind_invalid");
	if (*v[F_EMAIL] && !email_plausible(v[F_EMAIL]))
		errs_add(e, "email", "email_invalid");
	if (e->n)
		goto out;
	if (!kind)
		kind = in->parent_slug || site_main_exists(db) ? vn_site_kind_guess(v[F_NAME]) : "main";
	if (strcmp(kind, "main") == 0 && site_main_exists(db)) {
		errs_add(e, "kind", "site_main_exists");
		goto out;
	}
	if (in->parent_slug) {
		parent = site_get_by_slug(db, in->parent_slug);
		if (!parent) {
			errs_add(e, "parent", "site_parent_unknown");
			goto out;
		}
	} else if (strcmp(kind, "main") != 0) {
		parent = site_main(db);
		if (!parent) {
			errs_add(e, "parent", "site_no_main");
			goto out;
		}
	}
	if (in->slug && *in->slug) {
		slug = xstrdup(in->slug);
		for (char *p = slug; *p; p++)
			*p = (char)tolower((unsigned char)*p);
	} else {
		slug = strcmp(kind, "main") == 0 ? xstrdup("main") : vn_site_slug(v[F_NAME], kind);
	}
	if (!slug || !vn_site_slug_valid(slug) || strcmp(slug, "www") == 0) {
		errs_add(e, "slug", "site_slug_invalid");
		goto out;
	}
	json_t *dup = site_get_by_slug(db, slug);
	if (dup) {
		json_decref(dup);
		errs_add(e, "slug", "site_slug_taken");
		goto out;
	}
	/* a site without these names is its own agency, known by its name */
	for (int i = F_SHORT; i <= F_OWNER; i++) {
		if (!*v[i]) {
			free(v[i]);
			v[i] = xstrdup(v[F_NAME]);
		}
	}

	rc = M_ERROR;
	if (db_begin(db))
		goto out;
	struct db_stmt *st = db_stmt(db, "INSERT INTO sites (slug, parent_id, kind, name, name_en, short_name, owner,"
				       " address, phone, email, fax, responsible, licence, created_at)"
				       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (!st) {
		db_rollback(db);
		goto out;
	}
	db_bind_text(st, 1, slug);
	if (parent)
		db_bind_int(st, 2, json_integer_value(json_object_get(parent, "id")));
	db_bind_text(st, 3, kind);
	for (int i = 0; i < F_N; i++)
		db_bind_text(st, 4 + i, v[i]);
	db_bind_int(st, 14, time_now());
	if (db_step(st) != DB_DONE) {
		db_reset(st);
		db_rollback(db);
		goto out;
	}
	db_reset(st);
	*id = db_last_id(db);
	if (audit_write(db, &actor_cli, *id, "site.add", slug, v[F_NAME]) || cache_bump_all(db)) {
		db_rollback(db);
		goto out;
	}
	if (db_commit(db))
		goto out;
	rc = M_OK;
	if (slug_out) {
		*slug_out = slug;
		slug = NULL;
	}
out:
	for (int i = 0; i < F_N; i++)
		free(v[i]);
	free(slug);
	json_decref(parent);
	return rc;
}

int site_main_exists(struct db *db)
{
	json_t *m = site_main(db);
	json_decref(m);
	return m != NULL;
}

int site_add_domain(struct db *db, int64_t site_id, const char *domain, struct errs *e)
{
	char *d = host_clean(domain);
	int rc = M_INVALID;
	if (!d || !*d || strchr(d, '/') || strchr(d, ' ')) {
		errs_add(e, "domain", "domain_invalid");
		goto out;
	}
	struct db_stmt *st = db_stmt(db, "INSERT INTO site_domains (domain, site_id) VALUES (?, ?)"
				       " ON CONFLICT (domain) DO UPDATE SET site_id = excluded.site_id");
	if (!st) {
		rc = M_ERROR;
		goto out;
	}
	db_bind_text(st, 1, d);
	db_bind_int(st, 2, site_id);
	rc = db_step(st) == DB_DONE ? M_OK : M_ERROR;
	db_reset(st);
out:
	free(d);
	return rc;
}

int site_update(struct db *db, int64_t id, const struct site_input *in, struct errs *e)
{
	enum { F_NAME, F_NAME_EN, F_SHORT, F_OWNER, F_ADDR, F_PHONE, F_EMAIL, F_FAX, F_RESP, F_LIC, F_N };
	const char *src[F_N] = { in->name, in->name_en, in->short_name, in->owner, in->address, in->phone,
				 in->email, in->fax, in->responsible, in->licence };
	char *v[F_N] = { 0 };
	int rc = M_INVALID;
	for (int i = 0; i < F_N; i++)
		if (field_nfc(src[i], &v[i]))
			errs_add(e, "name", "invalid_utf8");
	if (!e->n && !*v[F_NAME])
		errs_add(e, "name", "required");
	if (!e->n && *v[F_EMAIL] && !email_plausible(v[F_EMAIL]))
		errs_add(e, "email", "email_invalid");
	if (e->n)
		goto out;
	rc = M_ERROR;
	if (db_begin(db))
		goto out;
	struct db_stmt *st = db_stmt(db, "UPDATE sites SET name = ?, name_en = ?, short_name = ?, owner = ?, address = ?,"
				       " phone = ?, email = ?, fax = ?, responsible = ?, licence = ? WHERE id = ?");
	if (!st) {
		db_rollback(db);
		goto out;
	}
	for (int i = 0; i < F_N; i++)
		db_bind_text(st, 1 + i, (i == F_SHORT || i == F_OWNER) && !*v[i] ? v[F_NAME] : v[i]);
	db_bind_int(st, 11, id);
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	if (!ok) {
		db_rollback(db);
		goto out;
	}
	if (audit_write(db, &actor_cli, id, "site.update", "", v[F_NAME]) || cache_bump_all(db)) {
		db_rollback(db);
		goto out;
	}
	rc = db_commit(db) ? M_ERROR : M_OK; /* a failed commit has rolled back */
out:
	for (int i = 0; i < F_N; i++)
		free(v[i]);
	return rc;
}

int site_settings_update(struct db *db, const struct actor *a, int64_t site_id, int approval_steps,
			 int approver_may_be_author, struct errs *e)
{
	char detail[64];
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	if (approval_steps != 1 && approval_steps != 2) {
		errs_add(e, "approval_steps", "approval_steps_invalid");
		return M_INVALID;
	}
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "UPDATE sites SET approval_steps = ?, approver_may_be_author = ? WHERE id = ?");
	if (!st) {
		db_rollback(db);
		return M_ERROR;
	}
	db_bind_int(st, 1, approval_steps);
	db_bind_int(st, 2, approver_may_be_author ? 1 : 0);
	db_bind_int(st, 3, site_id);
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	snprintf(detail, sizeof(detail), "steps=%d self=%d", approval_steps, approver_may_be_author ? 1 : 0);
	if (!ok || audit_write(db, a, site_id, "site.settings", "", detail)) {
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

int site_has_language(const json_t *site, const char *code)
{
	if (!code || strcmp(code, "vi") == 0)
		return 1;
	const char *s = json_string_value(json_object_get(site, "languages"));
	size_t n = strlen(code);
	while (s && *s) {
		while (*s == ' ')
			s++;
		size_t w = strcspn(s, " ");
		if (w == n && memcmp(s, code, n) == 0)
			return 1;
		s += w;
	}
	return 0;
}

int site_languages_set(struct db *db, const struct actor *a, int64_t site_id, const char *const *codes, size_t n,
		       struct errs *e)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	struct sb v = SB_INIT;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(codes[i]);
		if (!locale_code_valid(codes[i], len) || n > 8) {
			errs_add(e, "languages", "languages_invalid");
			sb_release(&v);
			return M_INVALID;
		}
		int dup = strcmp(codes[i], "vi") == 0;
		for (size_t j = 0; j < i; j++)
			dup |= strcmp(codes[i], codes[j]) == 0;
		if (!dup)
			sb_addf(&v, "%s%s", v.len ? " " : "", codes[i]);
	}
	int rc = M_ERROR;
	if (db_begin(db)) {
		sb_release(&v);
		return M_ERROR;
	}
	struct db_stmt *st = db_stmt(db, "UPDATE sites SET languages = ? WHERE id = ?");
	if (st) {
		db_bind_text(st, 1, v.len ? v.buf : "");
		db_bind_int(st, 2, site_id);
		int ok = db_step(st) == DB_DONE;
		db_reset(st);
		if (ok && !audit_write(db, a, site_id, "site.languages", "", v.len ? v.buf : "vi") && !cache_bump(db, site_id))
			rc = M_OK;
	}
	if (rc != M_OK)
		db_rollback(db);
	else if (db_commit(db))
		rc = M_ERROR;
	sb_release(&v);
	return rc;
}

/* #16: the site's texts in a page's language (site_texts.h). The kept site is shared by the
 * connection's requests, so the language's values go into a copy of it made for the request. */
json_t *site_in_lang(struct db *db, json_t *site, const char *lang)
{
	if (!site || !lang || !*lang || strcmp(lang, "vi") == 0)
		return json_incref(site);
	const struct site_memo *m = sites_memo(db);
	char id[24];
	snprintf(id, sizeof(id), "%lld", (long long)json_integer_value(json_object_get(site, "id")));
	json_t *texts = m ? json_object_get(json_object_get(m->texts, id), lang) : NULL;
	json_t *s = json_copy(site), *vi = json_object();
	for (size_t i = 0; i < site_text_nkeys; i++) {
		const char *key = site_text_keys[i];
		const char *v = json_string_value(json_object_get(texts, key));
		if (!(v && *v) && strcmp(key, "name") == 0 && strcmp(lang, "en") == 0)
			v = json_string_value(json_object_get(site, "name_en")); /* the English name column */
		if (v && *v)
			json_object_set_new(s, key, json_string(v));
		else if (*(json_string_value(json_object_get(site, key)) ?: ""))
			json_object_set_new(vi, key, json_true());
	}
	/* the header's English subtitle repeats nothing on a page already in English */
	if (strcmp(lang, "en") == 0 && !json_object_get(vi, "name"))
		json_object_del(s, "name_en");
	json_object_set_new(s, "vi", vi);
	return s;
}
