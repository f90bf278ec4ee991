/* site_texts.c — a site's own texts in its other languages (site_texts.h): read, saved by the
 * board, and laid over the kept site for a page of that language (site_in_lang, in site.c beside
 * the sites it reads). */
#include "site_texts.h"
#include "internal.h"
#include "db/db.h"
#include "base/locale.h"
#include "base/sb.h"
#include "base/util.h"
#include "base/utf8.h"

#include <string.h>

#include "base/banned.h"

/* The sites columns a page shows as the site's own words: the header and footer (name, owner,
 * short name, the responsible person's line and the licence line), the contact lines (address,
 * phone) that the footer, the contact page, the accessibility statement's contact and the
 * metadata read. E-mail and fax are the same in every language. */
const char *const site_text_keys[] = { "name", "short_name", "owner", "address", "phone", "responsible", "licence" };
const size_t site_text_nkeys = ARRAY_SIZE(site_text_keys);

#define SITE_TEXT_MAX 500 /* characters: a sites row's longest line (an address, a licence) */

/* Adds the rows of ST (site_id, lang, key, value) to OUT as OUT[site][lang][key] (site as a
 * decimal string when BY_SITE, else OUT[lang][key]). */
static void texts_fold(struct db_stmt *st, json_t *out, int by_site)
{
	while (db_step(st) == DB_ROW) {
		json_t *at = out;
		if (by_site) {
			char id[24];
			snprintf(id, sizeof(id), "%lld", (long long)db_col_int(st, 0));
			if (!json_object_get(at, id))
				json_object_set_new(at, id, json_object());
			at = json_object_get(at, id);
		}
		const char *lang = db_col_text(st, 1);
		if (!json_object_get(at, lang))
			json_object_set_new(at, lang, json_object());
		json_object_set_new(json_object_get(at, lang), db_col_text(st, 2), json_string(db_col_text(st, 3)));
	}
	db_reset(st);
}

json_t *site_texts_get(struct db *db, int64_t site_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT site_id, lang, key, value FROM site_texts WHERE site_id = ? ORDER BY lang, key");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	json_t *out = json_object();
	texts_fold(st, out, 0);
	return out;
}

json_t *site_texts_all(struct db *db)
{
	struct db_stmt *st = db_stmt(db, "SELECT site_id, lang, key, value FROM site_texts ORDER BY site_id, lang, key");
	if (!st)
		return NULL;
	json_t *out = json_object();
	texts_fold(st, out, 1);
	return out;
}

/* S without the blanks around it (in place: S is the caller's). */
static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = 0;
	return s;
}

/* Checks VALUES against the site's languages and the keys, NFC-normalising into CLEAN
 * ({lang: {key: text}}, empty texts left out). Field errors go to E. */
static void texts_check(const json_t *site, const json_t *values, json_t *clean, struct errs *e)
{
	const char *lang;
	json_t *kv;
	json_object_foreach((json_t *)values, lang, kv) {
		char field[48];
		snprintf(field, sizeof(field), "%.8s_name", lang);
		if (!locale_code_valid(lang, strlen(lang)) || strcmp(lang, "vi") == 0 || !site_has_language(site, lang) ||
		    !json_is_object(kv)) {
			errs_add_copy(e, field, "site_text_lang_invalid");
			continue;
		}
		json_t *out = json_object();
		json_object_set_new(clean, lang, out);
		for (size_t i = 0; i < site_text_nkeys; i++) {
			const char *v = json_string_value(json_object_get(kv, site_text_keys[i]));
			snprintf(field, sizeof(field), "%.8s_%s", lang, site_text_keys[i]);
			if (!v)
				continue;
			char *n = utf8_nfc(v, strlen(v));
			if (!n) {
				errs_add_copy(e, field, "invalid_utf8");
				continue;
			}
			char *t = xstrdup(trim(n));
			free(n);
			if (utf8_length(t) > SITE_TEXT_MAX)
				errs_add_copy(e, field, "site_text_too_long");
			else if (*t)
				json_object_set_new(out, site_text_keys[i], json_string(t));
			free(t);
		}
	}
}

int site_texts_save(struct db *db, const struct actor *a, int64_t site_id, const json_t *values, struct errs *e)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	json_t *site = site_get(db, site_id);
	if (!site)
		return M_ERROR;
	json_t *clean = json_object();
	texts_check(site, values, clean, e);
	json_decref(site);
	if (e->n) {
		json_decref(clean);
		return M_INVALID;
	}
	if (db_begin(db)) {
		json_decref(clean);
		return M_ERROR;
	}
	int ok = 1;
	struct sb langs = SB_INIT;
	const char *lang;
	json_t *kv;
	json_object_foreach(clean, lang, kv) {
		struct db_stmt *st = db_stmt(db, "DELETE FROM site_texts WHERE site_id = ? AND lang = ?");
		if (!st) {
			ok = 0;
			break;
		}
		db_bind_int(st, 1, site_id);
		db_bind_text(st, 2, lang);
		ok = db_step(st) == DB_DONE;
		db_reset(st);
		const char *key;
		json_t *v;
		json_object_foreach(kv, key, v) {
			if (!ok || !(st = db_stmt(db, "INSERT INTO site_texts (site_id, lang, key, value) VALUES (?, ?, ?, ?)"))) {
				ok = 0;
				break;
			}
			db_bind_int(st, 1, site_id);
			db_bind_text(st, 2, lang);
			db_bind_text(st, 3, key);
			db_bind_text(st, 4, json_string_value(v));
			ok = db_step(st) == DB_DONE;
			db_reset(st);
		}
		if (!ok)
			break;
		sb_addf(&langs, "%s%s", langs.len ? " " : "", lang);
	}
	/* the record names the languages saved, never the texts (a phone line may be a person's) */
	int rc = ok && !audit_write(db, a, site_id, "site.texts", "", langs.len ? langs.buf : "") && !cache_bump_all(db)
			 ? M_OK
			 : M_ERROR;
	if (rc != M_OK)
		db_rollback(db);
	else if (db_commit(db))
		rc = M_ERROR;
	sb_release(&langs);
	json_decref(clean);
	return rc;
}
