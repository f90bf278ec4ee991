/* test_locale.c — every text has every language (locale/<lang>/<part>.json): a key of the
 * Vietnamese texts missing or empty in any other language fails, as does a key only there, a
 * text whose printf conversions differ from the Vietnamese one, and a template's {{t.key}} with
 * no Vietnamese text. The loader refuses a key twice and a text that is not a string. */
#include "t.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/locale.h"
#include "model/kind.h"
#include "base/sb.h"

/* The printf conversions of S in order ("%s%d"), so that a translation formats the same values. */
static void conversions(const char *s, struct sb *out)
{
	sb_reset(out);
	for (; *s; s++)
		if (*s == '%' && s[1]) {
			s++;
			while (*s && strchr("0123456789.-+ #*lhzjt", *s))
				s++;
			if (*s && *s != '%')
				sb_addc(out, *s);
			if (!*s)
				break;
		}
	sb_addc(out, 0);
}

TEST(locales_have_the_same_texts)
{
	char err[512] = "";
	json_t *all = kind_locale_load(".", err, sizeof(err));
	if (!CHECK(all)) {
		printf("    %s\n", err);
		return;
	}
	json_t *vi = locale_dict(all, "vi");
	CHECK(json_object_size(vi) > 700); /* messages.json and public.json */
	CHECK(locale_dict(all, "en") != NULL);
	CHECK(locale_dict(all, "km") != NULL);
	struct sb a = SB_INIT, b = SB_INIT;
	const char *lang, *k;
	json_t *dict, *v;
	json_object_foreach(all, lang, dict) {
		json_object_foreach(vi, k, v) {
			const char *t = json_string_value(json_object_get(dict, k));
			if (!CHECK(t && *t && json_string_length(v) > 0)) {
				printf("    %s: key %s missing or empty\n", lang, k);
				continue;
			}
			conversions(json_string_value(v), &a);
			conversions(t, &b);
			if (!CHECK(strcmp(a.buf, b.buf) == 0))
				printf("    %s: key %s formats \"%s\", Vietnamese \"%s\"\n", lang, k, b.buf, a.buf);
		}
		json_object_foreach(dict, k, v)
			if (!CHECK(json_object_get(vi, k)))
				printf("    %s: key %s has no Vietnamese text\n", lang, k);
	}
	CHECK_STR(locale_text(all, "xx", "required"), json_string_value(json_object_get(vi, "required")));
	CHECK_STR(locale_text(all, "en", "no-such-key"), "no-such-key");
	sb_release(&a);
	sb_release(&b);
	json_decref(all);
}

/* Every {{t.key}} of every template under DIR names a Vietnamese text. */
static void templates_keys(const char *dir, json_t *vi)
{
	DIR *d = opendir(dir);
	if (!CHECK(d))
		return;
	struct dirent *e;
	struct sb p = SB_INIT;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		sb_reset(&p);
		sb_addf(&p, "%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(p.buf, &st))
			continue;
		if (S_ISDIR(st.st_mode)) {
			templates_keys(p.buf, vi);
			continue;
		}
		FILE *f = fopen(p.buf, "r");
		if (!f)
			continue;
		char *src = NULL;
		size_t cap = 0;
		ssize_t n = getdelim(&src, &cap, 0, f);
		fclose(f);
		for (const char *s = n > 0 ? src : ""; (s = strstr(s, "{{t.")); ) {
			s += 4;
			size_t len = strcspn(s, "}");
			char key[128];
			snprintf(key, sizeof(key), "%.*s", (int)(len < sizeof(key) ? len : sizeof(key) - 1), s);
			if (!CHECK(json_object_get(vi, key)))
				printf("    %s: {{t.%s}} has no text in locale/vi/\n", p.buf, key);
		}
		free(src);
	}
	closedir(d);
	sb_release(&p);
}

TEST(templates_texts_exist)
{
	char err[512];
	json_t *all = kind_locale_load(".", err, sizeof(err));
	if (!CHECK(all))
		return;
	templates_keys("templates", locale_dict(all, "vi"));
	json_decref(all);
}

TEST(locale_load_refuses_repeats_and_non_texts)
{
	char tmpl[] = "/tmp/cong-locale-XXXXXX", err[512] = "";
	if (!CHECK(mkdtemp(tmpl)))
		return;
	struct sb p = SB_INIT;
	sb_addf(&p, "%s/locale", tmpl);
	mkdir(p.buf, 0700);
	sb_adds(&p, "/vi");
	mkdir(p.buf, 0700);
	size_t base = p.len;
	const char *files[][2] = { { "/a.json", "{\"x\": \"một\"}" }, { "/b.json", "{\"x\": \"hai\"}" } };
	for (size_t i = 0; i < 2; i++) {
		sb_truncate(&p, base);
		sb_adds(&p, files[i][0]);
		FILE *f = fopen(p.buf, "w");
		if (f) {
			fputs(files[i][1], f);
			fclose(f);
		}
	}
	json_t *all = locale_load(tmpl, err, sizeof(err));
	CHECK(!all && strstr(err, "\"x\" is already"));
	json_decref(all);
	sb_truncate(&p, base);
	sb_adds(&p, "/b.json");
	FILE *f = fopen(p.buf, "w");
	if (f) {
		fputs("{\"y\": 3}", f);
		fclose(f);
	}
	all = locale_load(tmpl, err, sizeof(err));
	CHECK(!all && strstr(err, "\"y\" is not a text"));
	json_decref(all);
	unlink(p.buf);
	sb_truncate(&p, base);
	sb_adds(&p, "/a.json");
	all = locale_load(tmpl, err, sizeof(err));
	CHECK(all && json_object_size(locale_dict(all, "vi")) == 1);
	json_decref(all);
	unlink(p.buf);
	sb_truncate(&p, base);
	rmdir(p.buf);
	sb_truncate(&p, strlen(tmpl) + 7);
	rmdir(p.buf);
	rmdir(tmpl);
	sb_release(&p);
}
