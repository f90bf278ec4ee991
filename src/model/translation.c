/* translation.c — translations as linked items, what the regulations require in English, and
 * the coverage report (translation.h, docs/languages.md). A translation is an items row of its
 * own: everything the item layer does (workflow, revisions, search, deadline) it does for it. */
#include "translation.h"
#include "internal.h"
#include "deadline.h"
#include "calendar.h"
#include "kind.h"
#include "db/db.h"
#include "base/locale.h"
#include "base/sb.h"
#include "base/util.h"
#include "vn/calendar.h"
#include <string.h>
#include "base/banned.h"

/* The public version time of an item, as SQL over an items row named A. */
#define SOURCE_AT(a)                                                                                   \
	"coalesce((SELECT max(x.at) FROM transitions x WHERE x.article_id = " a ".id AND x.action = 'publish'), " a \
	".published_at, 0)"

int64_t translation_source_at(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT " SOURCE_AT("a") " FROM items a WHERE a.id = ?");
	if (!st)
		return 0;
	db_bind_int(st, 1, id);
	int64_t at = db_step(st) == DB_ROW ? db_col_int(st, 0) : 0;
	db_reset(st);
	return at;
}

int64_t translation_find(struct db *db, int64_t source_id, const char *lang)
{
	struct db_stmt *st = db_stmt(db, "SELECT id FROM items WHERE translation_of = ? AND lang = ?");
	if (!st)
		return 0;
	db_bind_int(st, 1, source_id);
	db_bind_text(st, 2, lang);
	int64_t id = db_step(st) == DB_ROW ? db_col_int(st, 0) : 0;
	db_reset(st);
	return id;
}

/* ---- the rules: what must be in English ---- */

/* VP Đ4.15, BT Đ6.2: the organisation (the introduction and the units), functions and tasks,
 * the contacts of the competent officials (the spokespeople), procedures for foreigners (the
 * catalogue's fields "Ngoại vụ" and "Đầu tư tại Việt Nam": no field of a procedure says who it is
 * for) and the investment policy (projects calling for investment). */
static const char default_rules[] = "page loai=gioi-thieu\n"
				    "page loai=chuc-nang-nhiem-vu\n"
				    "unit\n"
				    "official phat_ngon=co\n"
				    "procedure linh_vuc=Ngoại vụ\n"
				    "procedure linh_vuc=Đầu tư tại Việt Nam\n"
				    "project loai=keu-goi-dau-tu\n";

const char *translation_rules_default(void)
{
	return default_rules;
}

#define RULES_MAX 32

struct rule {
	const struct kind *kind;
	char key[64], value[256];
};

/* Parses TEXT into R (at most RULES_MAX); a line that names no kind, or a term its lists are not
 * filtered on, adds "translation_rules_invalid" to E (when given) and is skipped. */
static size_t rules_parse(const char *text, struct rule *r, struct errs *e)
{
	size_t n = 0;
	const char *p = text ? text : "";
	while (*p) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char line[400];
		if (len >= sizeof(line)) {
			if (e)
				errs_add(e, "translation_rules", "translation_rules_invalid");
			p += len + (end != NULL);
			continue;
		}
		memcpy(line, p, len);
		line[len] = 0;
		p += len + (end != NULL);
		char *s = line, *t = line + strlen(line);
		while (*s == ' ' || *s == '\t' || *s == '\r')
			s++;
		while (t > s && (t[-1] == ' ' || t[-1] == '\t' || t[-1] == '\r'))
			*--t = 0;
		if (!*s)
			continue;
		char *sp = strchr(s, ' ');
		if (sp)
			*sp++ = 0;
		struct rule x = { kind_find(s), "", "" };
		int ok = x.kind != NULL;
		if (ok && sp) {
			while (*sp == ' ')
				sp++;
			char *eq = strchr(sp, '=');
			const struct kind_field *f = NULL;
			if (eq) {
				*eq = 0;
				f = kind_field(x.kind, sp);
			}
			ok = f && (f->flags & FF_FILTER) && eq[1] && strlen(sp) < sizeof(x.key) &&
			     strlen(eq + 1) < sizeof(x.value);
			if (ok) {
				snprintf(x.key, sizeof(x.key), "%s", sp);
				snprintf(x.value, sizeof(x.value), "%s", eq + 1);
			}
		}
		if (!ok || n == RULES_MAX) {
			if (e)
				errs_add(e, "translation_rules", "translation_rules_invalid");
			continue;
		}
		r[n++] = x;
	}
	return n;
}

char *translation_rules_get(struct db *db, int64_t site_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT translation_rules FROM sites WHERE id = ?");
	char *out = NULL;
	if (st) {
		db_bind_int(st, 1, site_id);
		if (db_step(st) == DB_ROW && !db_col_null(st, 0))
			out = xstrdup(db_col_text(st, 0));
		db_reset(st);
	}
	return out ? out : xstrdup(default_rules);
}

int translation_rules_set(struct db *db, const struct actor *a, int64_t site_id, const char *text, struct errs *e)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	struct rule r[RULES_MAX];
	struct sb v = SB_INIT;
	size_t n = rules_parse(text, r, e);
	if (e->n)
		return M_INVALID;
	/* kept as the lines were understood, one a line: the default again when it is the same */
	for (size_t i = 0; i < n; i++) {
		sb_adds(&v, r[i].kind->name);
		if (r[i].key[0])
			sb_addf(&v, " %s=%s", r[i].key, r[i].value);
		sb_adds(&v, "\n");
	}
	int is_default = v.len == 0 || strcmp(v.buf, default_rules) == 0;
	int rc = M_ERROR;
	if (db_begin(db)) {
		sb_release(&v);
		return M_ERROR;
	}
	struct db_stmt *st = db_stmt(db, "UPDATE sites SET translation_rules = ? WHERE id = ?");
	if (st) {
		if (!is_default)
			db_bind_text(st, 1, v.buf);
		db_bind_int(st, 2, site_id);
		if (!db_step_done(st) &&
		    !audit_write(db, a, site_id, "site.translation_rules", "", is_default ? "(mặc định)" : v.buf))
			rc = M_OK;
	}
	if (rc != M_OK)
		db_rollback(db);
	else if (db_commit(db))
		rc = M_ERROR;
	sb_release(&v);
	return rc;
}

/* SITE_ID's rules into R; how many. */
static size_t site_rules(struct db *db, int64_t site_id, struct rule *r)
{
	char *text = translation_rules_get(db, site_id);
	size_t n = rules_parse(text, r, NULL);
	free(text);
	return n;
}

int translation_required(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT site_id FROM items WHERE id = ? AND lang = 'vi'");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	int step = db_step(st);
	int64_t site_id = step == DB_ROW ? db_col_int(st, 0) : 0;
	db_reset(st);
	if (step != DB_ROW)
		return step == DB_DONE ? 0 : -1;
	struct rule r[RULES_MAX];
	size_t n = site_rules(db, site_id, r);
	for (size_t i = 0; i < n; i++) {
		st = db_stmt(db, "SELECT 1 FROM items a WHERE a.id = ?1 AND a.kind = ?2 AND (?3 = '' OR EXISTS"
				 " (SELECT 1 FROM item_terms m WHERE m.item_id = a.id AND m.key = ?3 AND m.value = ?4))");
		if (!st)
			return -1;
		db_bind_int(st, 1, id);
		db_bind_text(st, 2, r[i].kind->name);
		db_bind_text(st, 3, r[i].key);
		db_bind_text(st, 4, r[i].value);
		step = db_step(st);
		db_reset(st);
		if (step == DB_ROW)
			return 1;
		if (step != DB_DONE)
			return -1;
	}
	return 0;
}

/* ---- making and following translations ---- */

int translation_create(struct db *db, const struct actor *a, int64_t site_id, int64_t source_id, const char *lang,
		       struct errs *e, int64_t *out_id)
{
	int lvl = actor_level(db, a, site_id);
	if (!lvl)
		return M_DENIED;
	struct db_stmt *st = db_stmt(db, "SELECT lang, state, kind, title FROM items WHERE id = ? AND site_id = ?");
	if (!st)
		return M_ERROR;
	db_bind_int(st, 1, source_id);
	db_bind_int(st, 2, site_id);
	json_t *src = db_one_json(st);
	if (!src)
		return M_NOTFOUND;
	json_t *site = site_get(db, site_id);
	if (!lang || !locale_code_valid(lang, strlen(lang)) || strcmp(lang, "vi") == 0 || !site_has_language(site, lang))
		errs_add(e, "lang", "translation_lang_invalid");
	else if (translation_find(db, source_id, lang))
		errs_add(e, "lang", "translation_exists");
	if (strcmp(json_string_value(json_object_get(src, "lang")), "vi") != 0 ||
	    strcmp(json_string_value(json_object_get(src, "state")), "withdrawn") == 0)
		errs_add(e, "source", "translation_source_invalid");
	json_decref(site);
	char obj[64], detail[512], action[64];
	snprintf(obj, sizeof(obj), "%s:%lld", json_string_value(json_object_get(src, "kind")), (long long)source_id);
	snprintf(action, sizeof(action), "%s.translate", json_string_value(json_object_get(src, "kind")));
	snprintf(detail, sizeof(detail), "%s: %s", lang ? lang : "", json_string_value(json_object_get(src, "title")));
	json_decref(src);
	if (e->n)
		return M_INVALID;

	int64_t now = time_now(), source_at = translation_source_at(db, source_id), id = 0;
	int required = translation_required(db, source_id);
	if (required < 0 || db_begin(db))
		return M_ERROR;
	/* the source's public columns as the first draft, in LANG: its received time is the
	 * source's version (the rule "ban-dich" counts from it) when the source is required */
	st = db_stmt(db, "INSERT INTO items (site_id, category_id, state, title, slug, summary, body, author, cover_id,"
			 " cover_alt, featured, src_author, src_name, src_url, src_time, created_by, created_at, updated_at,"
			 " kind, lang, fields, translation_of, source_version_at, intake_received_at, deadline_kind)"
			 " SELECT site_id, category_id, 'draft', title, slug, summary, body, author, cover_id, cover_alt, 0,"
			 " src_author, src_name, src_url, src_time, ?2, ?3, ?3, kind, ?4, fields, id, ?5, ?6, ?7"
			 " FROM items WHERE id = ?1");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, source_id);
	if (a->id)
		db_bind_int(st, 2, a->id);
	db_bind_int(st, 3, now);
	db_bind_text(st, 4, lang);
	db_bind_int(st, 5, source_at);
	if (required && source_at) {
		db_bind_int(st, 6, source_at);
		db_bind_text(st, 7, TRANSLATION_DEADLINE_KIND);
	}
	if (db_step_done(st))
		goto rollback;
	id = db_last_id(db);
	/* its first revision, like every save's */
	st = db_stmt(db, "INSERT INTO revisions (article_id, n, title, summary, body, author, category_id, cover_id,"
			 " cover_alt, featured, src_author, src_name, src_url, src_time, note, created_by, created_at, fields)"
			 " SELECT id, 1, title, summary, body, author, category_id, cover_id, cover_alt, 0, src_author,"
			 " src_name, src_url, src_time, ?2, ?3, ?4, fields FROM items WHERE id = ?1");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, "Bản dịch từ bản tiếng Việt");
	if (a->id)
		db_bind_int(st, 3, a->id);
	db_bind_int(st, 4, now);
	if (db_step_done(st) || item_derive(db, id) || deadline_refresh(db, NULL, id))
		goto rollback;
	if (audit_write(db, a, site_id, action, obj, detail))
		goto rollback;
	if (db_commit(db))
		return M_ERROR;
	if (out_id)
		*out_id = id;
	return M_OK;
rollback:
	db_rollback(db);
	return M_ERROR;
}

/* The state of a translation for its source's editor: outdated when its source was published
 * again after the version it was made from, else published or draft. */
static const char *state_of(const char *state, int64_t version_at, int64_t source_at)
{
	if (version_at < source_at)
		return "outdated";
	return strcmp(state, "published") == 0 ? "published" : "draft";
}

json_t *translation_list(struct db *db, int64_t source_id, json_t *langs)
{
	json_t *out = json_array();
	int64_t source_at = translation_source_at(db, source_id);
	size_t i;
	json_t *l;
	json_array_foreach(langs, i, l) {
		const char *lang = json_string_value(l);
		if (!lang || strcmp(lang, "vi") == 0)
			continue;
		struct db_stmt *st = db_stmt(db, "SELECT id, state, coalesce(change_state, state) AS wstate, title,"
					       " coalesce(source_version_at, 0) AS version_at FROM items"
					       " WHERE translation_of = ? AND lang = ?");
		if (!st)
			break;
		db_bind_int(st, 1, source_id);
		db_bind_text(st, 2, lang);
		json_t *row = db_one_json(st);
		if (!row) {
			json_array_append_new(out, json_pack("{sssIssssss}", "lang", lang, "id", (json_int_t)0, "state",
							     "none", "title", "", "wstate", ""));
			continue;
		}
		const char *state = state_of(json_string_value(json_object_get(row, "state")),
					     json_integer_value(json_object_get(row, "version_at")), source_at);
		json_object_set_new(row, "state", json_string(state));
		json_object_set_new(row, "lang", json_string(lang));
		json_object_del(row, "version_at");
		json_array_append_new(out, row);
	}
	return out;
}

json_t *translation_info(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT t.translation_of AS source_id, t.lang, s.title AS source_title,"
				       " s.kind AS source_kind, coalesce(t.source_version_at, 0) AS version_at"
				       " FROM items t JOIN items s ON s.id = t.translation_of WHERE t.id = ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	json_t *o = db_one_json(st);
	if (!o)
		return NULL;
	int64_t source_at = translation_source_at(db, json_integer_value(json_object_get(o, "source_id")));
	json_object_set_new(o, "source_at", json_integer(source_at));
	json_object_set_new(o, "outdated",
			    json_boolean(json_integer_value(json_object_get(o, "version_at")) < source_at));
	return o;
}

int translation_mark_current(struct db *db, const struct actor *a, int64_t site_id, int64_t id, struct errs *e)
{
	(void)e;
	if (actor_level(db, a, site_id) < LVL_EDITOR)
		return M_DENIED;
	struct db_stmt *st = db_stmt(db, "SELECT translation_of, kind, title FROM items"
				       " WHERE id = ? AND site_id = ? AND translation_of IS NOT NULL");
	if (!st)
		return M_ERROR;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, site_id);
	json_t *row = db_one_json(st);
	if (!row)
		return M_NOTFOUND;
	int64_t source_at = translation_source_at(db, json_integer_value(json_object_get(row, "translation_of")));
	char obj[64];
	snprintf(obj, sizeof(obj), "%s:%lld", json_string_value(json_object_get(row, "kind")), (long long)id);
	int rc = M_ERROR;
	if (db_begin(db)) {
		json_decref(row);
		return M_ERROR;
	}
	st = db_stmt(db, "UPDATE items SET source_version_at = ?, updated_at = ? WHERE id = ?");
	if (st) {
		db_bind_int(st, 1, source_at);
		db_bind_int(st, 2, time_now());
		db_bind_int(st, 3, id);
		if (!db_step_done(st) &&
		    !audit_write(db, a, site_id, "translation.current", obj, json_string_value(json_object_get(row, "title"))) &&
		    !cache_bump(db, site_id))
			rc = M_OK;
	}
	json_decref(row);
	if (rc != M_OK)
		db_rollback(db);
	else if (db_commit(db))
		rc = M_ERROR;
	return rc;
}

/* ---- public reads ---- */

/* The words of a search as a LIKE pattern ("%" when none): '%' and '_' typed are no wildcards. */
static char *like_of(const char *q)
{
	struct sb b = SB_INIT;
	sb_addc(&b, '%');
	for (const char *p = q ? q : ""; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			sb_addc(&b, '\\');
		sb_addc(&b, *p);
	}
	if (b.len > 1)
		sb_addc(&b, '%');
	return sb_detach(&b, NULL);
}

json_t *translation_list_public(struct db *db, int64_t site_id, const char *lang, const char *kind,
				int64_t category_id, const char *q, int64_t limit, int64_t offset, int64_t *total)
{
	/* the site's items in LANG are few (what it translated): read directly, the words of a
	 * search matched in the title and summary */
	char *like = like_of(q);
	struct db_stmt *st;
	json_t *rows = NULL;
	if (total) {
		*total = 0;
		st = db_stmt(db, "SELECT count(*) FROM items WHERE site_id = ?1 AND lang = ?2 AND state = 'published'"
				 " AND lang <> 'vi' AND (?3 = '' OR kind = ?3) AND (?4 = 0 OR category_id = ?4)"
				 " AND (lower(title) LIKE lower(?5) ESCAPE '\\' OR lower(summary) LIKE lower(?5) ESCAPE '\\')");
		if (!st)
			goto out;
		db_bind_int(st, 1, site_id);
		db_bind_text(st, 2, lang);
		db_bind_text(st, 3, kind ? kind : "");
		db_bind_int(st, 4, category_id);
		db_bind_text(st, 5, like);
		if (db_step(st) == DB_ROW)
			*total = db_col_int(st, 0);
		db_reset(st);
	}
	st = db_stmt(db, "SELECT id, site_id, kind, title, slug, summary, published_at, updated_at, category_id FROM items"
			 " WHERE site_id = ?1 AND lang = ?2 AND state = 'published' AND lang <> 'vi'"
			 " AND (?3 = '' OR kind = ?3) AND (?4 = 0 OR category_id = ?4)"
			 " AND (lower(title) LIKE lower(?7) ESCAPE '\\' OR lower(summary) LIKE lower(?7) ESCAPE '\\')"
			 " ORDER BY published_at DESC, id DESC LIMIT ?5 OFFSET ?6");
	if (!st)
		goto out;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, lang);
	db_bind_text(st, 3, kind ? kind : "");
	db_bind_int(st, 4, category_id);
	db_bind_int(st, 5, limit);
	db_bind_int(st, 6, offset);
	db_bind_text(st, 7, like);
	rows = db_rows_json(st);
out:
	free(like);
	return rows ? rows : json_array();
}

json_t *translation_sitemap_map(struct db *db, int64_t site_id)
{
	json_t *map = json_object();
	struct db_stmt *st = db_stmt(db, "SELECT t.translation_of, t.lang, t.id, t.kind, t.slug FROM items t"
				       " JOIN items s ON s.id = t.translation_of AND s.state = 'published'"
				       " WHERE t.site_id = ? AND t.state = 'published' AND t.lang <> 'vi'"
				       " ORDER BY t.translation_of, t.lang");
	if (!st)
		return map;
	db_bind_int(st, 1, site_id);
	json_t *rows = db_rows_json(st), *row;
	size_t i;
	json_array_foreach(rows, i, row) {
		char key[24];
		snprintf(key, sizeof(key), "%lld", (long long)json_integer_value(json_object_get(row, "translation_of")));
		json_t *list = json_object_get(map, key);
		if (!list) {
			list = json_array();
			json_object_set_new(map, key, list);
		}
		json_object_del(row, "translation_of");
		json_array_append(list, row);
	}
	json_decref(rows);
	return map;
}

json_t *translation_alternates(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT v.lang, v.id, v.kind, v.slug, v.site_id FROM items i JOIN items v"
				       " ON v.id = coalesce(i.translation_of, i.id) OR v.translation_of = coalesce(i.translation_of, i.id)"
				       " WHERE i.id = ? AND v.state = 'published' ORDER BY v.lang = 'vi' DESC, v.lang");
	if (!st)
		return json_array();
	db_bind_int(st, 1, id);
	json_t *rows = db_rows_json(st);
	if (!rows || json_array_size(rows) < 2) {
		json_decref(rows);
		return json_array();
	}
	return rows;
}

/* ---- coverage ---- */

/* The required items of site SITE_ID (its rules R) with their translation into LANG: rows {id,
 * title, kind, source_at, tr_id, tr_state, tr_version} in the rules' order, each item once. */
static json_t *required_items(struct db *db, int64_t site_id, const struct rule *r, size_t n, const char *lang)
{
	json_t *out = json_array(), *seen = json_object();
	for (size_t i = 0; i < n; i++) {
		struct db_stmt *st = db_stmt(
			db, "SELECT a.id, a.title, a.kind, " SOURCE_AT("a") " AS source_at, coalesce(t.id, 0) AS tr_id,"
			    " coalesce(t.state, '') AS tr_state, coalesce(t.source_version_at, 0) AS tr_version"
			    " FROM items a LEFT JOIN items t ON t.translation_of = a.id AND t.lang = ?5"
			    " WHERE a.site_id = ?1 AND a.kind = ?2 AND a.lang = 'vi' AND a.state = 'published'"
			    " AND (?3 = '' OR EXISTS (SELECT 1 FROM item_terms m WHERE m.item_id = a.id AND m.key = ?3"
			    " AND m.value = ?4)) ORDER BY a.id");
		if (!st)
			break;
		db_bind_int(st, 1, site_id);
		db_bind_text(st, 2, r[i].kind->name);
		db_bind_text(st, 3, r[i].key);
		db_bind_text(st, 4, r[i].value);
		db_bind_text(st, 5, lang);
		json_t *rows = db_rows_json(st), *row;
		size_t j;
		json_array_foreach(rows, j, row) {
			char key[32];
			snprintf(key, sizeof(key), "%lld", (long long)json_integer_value(json_object_get(row, "id")));
			if (json_object_get(seen, key))
				continue;
			json_object_set_new(seen, key, json_true());
			json_array_append(out, row);
		}
		json_decref(rows);
	}
	json_decref(seen);
	return out;
}

/* "missing", "draft", "outdated" or NULL (current) for a required item's row. */
static const char *lacking(json_t *row)
{
	int64_t tr = json_integer_value(json_object_get(row, "tr_id"));
	if (!tr)
		return "missing";
	const char *st = state_of(json_string_value(json_object_get(row, "tr_state")),
				  json_integer_value(json_object_get(row, "tr_version")),
				  json_integer_value(json_object_get(row, "source_at")));
	return strcmp(st, "published") == 0 ? NULL : st;
}

/* The sites SITE_ID names (0: every site, tree order): rows {id, name, slug, kind, languages}. */
static json_t *sites_of(struct db *db, int64_t site_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, name, slug, kind, languages FROM sites WHERE ?1 = 0 OR id = ?1"
				       " ORDER BY kind = 'main' DESC, id");
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	json_t *rows = db_rows_json(st);
	return rows ? rows : json_array();
}

static void set_time(json_t *o, const char *k, int64_t t)
{
	char buf[40];
	if (t)
		time_format_vn(t, buf, sizeof(buf));
	else
		buf[0] = 0;
	json_object_set_new(o, k, json_string(buf));
}

json_t *translation_coverage(struct db *db, const struct actor *a, int64_t site_id, int64_t now)
{
	if (!deadline_may_view(db, a, site_id))
		return NULL;
	json_t *sites = sites_of(db, site_id), *out_sites = json_array(), *s;
	struct vn_calendar *cal = calendar_load(db);
	int64_t t_req = 0, t_cur = 0;
	size_t i;
	json_array_foreach(sites, i, s) {
		int64_t sid = json_integer_value(json_object_get(s, "id"));
		struct rule r[RULES_MAX];
		size_t n = site_rules(db, sid, r);
		json_t *rows = required_items(db, sid, r, n, TRANSLATION_REQUIRED_LANG), *row, *items = json_array();
		int64_t cur = 0;
		size_t j;
		json_array_foreach(rows, j, row) {
			const char *status = lacking(row);
			if (!status) {
				cur++;
				continue;
			}
			const struct kind *k = kind_find(json_string_value(json_object_get(row, "kind")));
			int64_t source_at = json_integer_value(json_object_get(row, "source_at")), due = 0;
			json_t *it = json_pack("{sOsOsOsssssO}", "id", json_object_get(row, "id"), "title",
					       json_object_get(row, "title"), "kind", json_object_get(row, "kind"),
					       "kind_label", k ? k->label : "", "status", status, "translation_id",
					       json_object_get(row, "tr_id"));
			set_time(it, "source_at", source_at);
			if (source_at &&
			    deadline_due(db, cal, sid, TRANSLATION_DEADLINE_KIND, 1, source_at, 0, &due, NULL) != 0)
				due = 0;
			set_time(it, "due", due);
			json_object_set_new(it, "overdue", json_boolean(due && due < now));
			json_object_set_new(it, "segment", json_string(k ? k->segment : ""));
			json_array_append_new(items, it);
		}
		int64_t req = (int64_t)json_array_size(rows);
		t_req += req;
		t_cur += cur;
		json_array_append_new(out_sites,
				      json_pack("{sIsOsOsOsOsIsIsIso}", "site_id", (json_int_t)sid, "site_name",
						json_object_get(s, "name"), "site_slug", json_object_get(s, "slug"),
						"site_kind", json_object_get(s, "kind"),
						"languages", json_object_get(s, "languages"), "required", (json_int_t)req,
						"current", (json_int_t)cur, "lacking", (json_int_t)(req - cur), "items", items));
		json_decref(rows);
	}
	vn_calendar_free(cal);
	json_decref(sites);
	return json_pack("{sos{sIsIsI}}", "sites", out_sites, "totals", "required", (json_int_t)t_req, "current",
			 (json_int_t)t_cur, "lacking", (json_int_t)(t_req - t_cur));
}

json_t *translation_due_rows(struct db *db, int64_t site_id)
{
	json_t *sites = sites_of(db, site_id), *out = json_array(), *s;
	struct vn_calendar *cal = NULL;
	size_t i;
	json_array_foreach(sites, i, s) {
		if (!site_has_language(s, TRANSLATION_REQUIRED_LANG))
			continue; /* no translation can be made there yet: the coverage report says so */
		int64_t sid = json_integer_value(json_object_get(s, "id"));
		struct rule r[RULES_MAX];
		size_t n = site_rules(db, sid, r);
		json_t *rows = required_items(db, sid, r, n, TRANSLATION_REQUIRED_LANG), *row;
		size_t j;
		if (!cal)
			cal = calendar_load(db);
		json_array_foreach(rows, j, row) {
			const char *status = lacking(row);
			int64_t source_at = json_integer_value(json_object_get(row, "source_at")), due = 0;
			/* a translation being made is an item with its own due time (0036) */
			int made = json_integer_value(json_object_get(row, "tr_id")) &&
				   strcmp(json_string_value(json_object_get(row, "tr_state")), "published") != 0;
			if (!status || made || !source_at ||
			    deadline_due(db, cal, sid, TRANSLATION_DEADLINE_KIND, 1, source_at, 0, &due, NULL) != 0)
				continue;
			const struct kind *k = kind_find(json_string_value(json_object_get(row, "kind")));
			char path[96];
			snprintf(path, sizeof(path), "/quan-tri/%s/%lld", k && strcmp(k->name, "article") != 0 ? k->segment : "bai-viet",
				 (long long)json_integer_value(json_object_get(row, "id")));
			json_array_append_new(
				out, json_pack("{sOsOsOsOsOsOsssssssIsIssssss}", "id", json_object_get(row, "id"), "site_id",
					       json_object_get(s, "id"), "site_name", json_object_get(s, "name"), "site_slug",
					       json_object_get(s, "slug"), "site_kind", json_object_get(s, "kind"), "title",
					       json_object_get(row, "title"), "state", status, "kind", TRANSLATION_DEADLINE_KIND,
					       "kind_name", "", "intake_received_at", (json_int_t)source_at, "due_at",
					       (json_int_t)due, "src", "translation", "path", path, "state_key",
					       strcmp(status, "missing") == 0 ? "translation_due_missing" : "translation_due_outdated"));
		}
		json_decref(rows);
	}
	vn_calendar_free(cal);
	json_decref(sites);
	return out;
}
