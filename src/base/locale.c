/* locale.c — loading locale/<lang>/<part>.json (locale.h). */
#include "base/locale.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/sb.h"

int locale_code_valid(const char *s, size_t len)
{
	if (len < 2 || len > 3)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return 0;
	return 1;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in DIR that pass KEEP, sorted (so that errors and merges do not depend on the
 * file system's order); NULL-terminated, malloc'd. */
static char **dir_names(const char *dir, int (*keep)(const char *name, const char *dir))
{
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	size_t n = 0, cap = 8;
	char **v = malloc(cap * sizeof(*v));
	struct dirent *e;
	while (v && (e = readdir(d))) {
		if (e->d_name[0] == '.' || !keep(e->d_name, dir))
			continue;
		if (n + 1 >= cap) {
			char **nv = realloc(v, (cap *= 2) * sizeof(*v));
			if (!nv)
				break;
			v = nv;
		}
		v[n++] = strdup(e->d_name);
	}
	closedir(d);
	if (!v)
		return NULL;
	v[n] = NULL;
	qsort(v, n, sizeof(*v), name_cmp);
	return v;
}

static void names_free(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

static int keep_lang(const char *name, const char *dir)
{
	(void)dir;
	return locale_code_valid(name, strlen(name));
}

static int keep_json(const char *name, const char *dir)
{
	(void)dir;
	size_t n = strlen(name);
	return n > 5 && strcmp(name + n - 5, ".json") == 0;
}

/* Merge the parts of one language's folder into DICT. */
static int load_lang(const char *dir, json_t *dict, char *err, size_t errlen)
{
	char **files = dir_names(dir, keep_json);
	if (!files) {
		snprintf(err, errlen, "%s: cannot read the folder", dir);
		return -1;
	}
	int rc = 0;
	struct sb p = SB_INIT;
	for (size_t i = 0; files[i] && !rc; i++) {
		sb_reset(&p);
		sb_addf(&p, "%s/%s", dir, files[i]);
		json_error_t jerr;
		json_t *part = json_load_file(p.buf, JSON_REJECT_DUPLICATES, &jerr);
		if (!part) {
			snprintf(err, errlen, "%s:%d: %s", p.buf, jerr.line, jerr.text);
			rc = -1;
			break;
		}
		if (!json_is_object(part)) {
			snprintf(err, errlen, "%s: not a JSON object of key → text", p.buf);
			rc = -1;
		}
		const char *k;
		json_t *v;
		json_object_foreach(part, k, v) {
			if (rc)
				break;
			if (!json_is_string(v)) {
				snprintf(err, errlen, "%s: \"%s\" is not a text", p.buf, k);
				rc = -1;
			} else if (json_object_get(dict, k)) {
				snprintf(err, errlen, "%s: \"%s\" is already in another file of %s", p.buf, k, dir);
				rc = -1;
			} else {
				json_object_set(dict, k, v);
			}
		}
		json_decref(part);
	}
	sb_release(&p);
	names_free(files);
	return rc;
}

/* The printf conversions of FMT, one letter each ("ds" for "%d … %s"), in OUT; -1 when FMT has
 * a conversion outside the few the texts may use (%d %s %lld %.1f %%, with flags and widths). */
static int conversions(const char *fmt, char *out, size_t n)
{
	size_t k = 0;
	for (const char *c = fmt; *c; c++) {
		if (*c != '%')
			continue;
		c++;
		c += strspn(c, "-+ #0123456789.");
		if (*c == '%')
			continue;
		char conv = *c == 'l' ? (c[1] == 'l' ? c[2] : 0) : *c;
		if (*c == 'l')
			c += 2;
		if (!conv || !strchr("dsf", conv) || (conv != 'd' && c[-1] == 'l') || k + 1 >= n)
			return -1;
		out[k++] = conv == 'd' && c[-1] == 'l' ? 'L' : conv;
	}
	out[k] = 0;
	return 0;
}

int locale_formats_check(json_t *all, char *err, size_t errlen)
{
	json_t *vi = json_object_get(all, LOCALE_DEFAULT), *dict;
	const char *lang, *key;
	json_t *v;
	json_object_foreach(all, lang, dict) json_object_foreach(dict, key, v) {
		size_t kl = strlen(key);
		if (kl < 4 || strcmp(key + kl - 4, "_fmt") != 0)
			continue;
		char want[32], got[32];
		const char *ref = json_string_value(json_object_get(vi, key));
		if (!ref) /* the model's own Vietnamese, added after loading (kind_locale_load checks again) */
			continue;
		if (conversions(ref, want, sizeof(want)) || conversions(json_string_value(v), got, sizeof(got)) ||
		    strcmp(want, got) != 0) {
			snprintf(err, errlen, "locale/%s: \"%s\" is a format whose conversions differ from the Vietnamese text's",
				 lang, key);
			return -1;
		}
	}
	return 0;
}

json_t *locale_load(const char *root, char *err, size_t errlen)
{
	struct sb p = SB_INIT;
	sb_addf(&p, "%s/locale", root ? root : ".");
	char **langs = dir_names(p.buf, keep_lang);
	json_t *all = json_object();
	int rc = 0;
	if (!langs) {
		snprintf(err, errlen, "%s: cannot read the folder", p.buf);
		rc = -1;
	}
	size_t base = p.len;
	for (size_t i = 0; langs && langs[i] && !rc; i++) {
		sb_truncate(&p, base);
		sb_addf(&p, "/%s", langs[i]);
		json_t *dict = json_object();
		rc = load_lang(p.buf, dict, err, errlen);
		json_object_set_new(all, langs[i], dict);
	}
	if (!rc && !json_object_get(all, LOCALE_DEFAULT)) {
		snprintf(err, errlen, "%.*s/%s: the Vietnamese texts are missing", (int)base, p.buf, LOCALE_DEFAULT);
		rc = -1;
	}
	if (!rc)
		rc = locale_formats_check(all, err, errlen);
	names_free(langs);
	sb_release(&p);
	if (rc) {
		json_decref(all);
		return NULL;
	}
	return all;
}

json_t *locale_dict(const json_t *locales, const char *lang)
{
	return json_object_get(locales, lang ? lang : LOCALE_DEFAULT);
}

const char *locale_text(const json_t *locales, const char *lang, const char *key)
{
	const char *s = json_string_value(json_object_get(locale_dict(locales, lang), key));
	if (!s && lang && strcmp(lang, LOCALE_DEFAULT) != 0)
		s = json_string_value(json_object_get(locale_dict(locales, LOCALE_DEFAULT), key));
	return s ? s : key;
}

/* The conversions of every "_fmt" text are checked at load (formats_check), so a locale text is
 * safe as a format here. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
int locale_format(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return rc;
}
#pragma GCC diagnostic pop
