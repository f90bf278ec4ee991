/* test_locale.c — every text has every language (locale/<lang>/<part>.json): a key of the
 * Vietnamese texts missing or empty in any other language fails, as does a key only there, and a
 * template's {{t.key}} with no Vietnamese text. Only texts whose key ends in "_fmt" are printf
 * formats (locale_format; -Wformat-nonliteral keeps any other text out of printf): their
 * conversions must match the Vietnamese ones (locale_formats_check), and a text that looks like a
 * format ("%s", "%d") without the suffix fails. Any other text may hold a percent sign as prose
 * does ("50 % nhuận bút"). The loader refuses a key twice and a text that is not a string. */
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

/* Whether S, a text not used as a format, still holds a printf conversion written as one — a
 * percent sign directly followed by a conversion ("%s", "%d", "%lld", "%.1f"): a text meant as a
 * format whose key lacks "_fmt", so that nothing would check its translations. A percent sign
 * followed by a space or a word ("50 % nhuận bút", "50% of") is prose. */
static int looks_like_format(const char *s)
{
	for (; (s = strchr(s, '%')); s++) {
		const char *c = s + 1;
		if (*c == '.') {
			c += 1 + strspn(c + 1, "0123456789");
			if (*c == 'f')
				return 1;
			continue;
		}
		if (c[0] == 'l' && c[1] == 'l')
			c += 2;
		if (*c == 's' || *c == 'd')
			return 1;
	}
	return 0;
}

static int is_fmt_key(const char *k)
{
	size_t n = strlen(k);
	return n >= 4 && strcmp(k + n - 4, "_fmt") == 0;
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
	const char *lang, *k;
	json_t *dict, *v;
	json_object_foreach(all, lang, dict) {
		json_object_foreach(vi, k, v) {
			const char *t = json_string_value(json_object_get(dict, k));
			if (!CHECK(t && *t && json_string_length(v) > 0)) {
				printf("    %s: key %s missing or empty\n", lang, k);
				continue;
			}
			if (!is_fmt_key(k) && !CHECK(!looks_like_format(t)))
				printf("    %s: key %s holds a printf conversion but is not a \"_fmt\" format\n", lang, k);
		}
		json_object_foreach(dict, k, v)
			if (!CHECK(json_object_get(vi, k)))
				printf("    %s: key %s has no Vietnamese text\n", lang, k);
	}
	CHECK_STR(locale_text(all, "xx", "required"), json_string_value(json_object_get(vi, "required")));
	CHECK_STR(locale_text(all, "en", "no-such-key"), "no-such-key");
	/* the loader compared the formats' conversions (else ALL would be NULL): the same check,
	 * kept here so that loosening the loader cannot pass unseen */
	char err2[512] = "";
	if (!CHECK(locale_formats_check(all, err2, sizeof(err2)) == 0))
		printf("    %s\n", err2);
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

/* The format check fails on a real mismatch and on an invalid conversion in a "_fmt" text, and
 * leaves prose alone: a percent sign in an ordinary text is not a conversion. */
TEST(locale_formats_check_fails_on_a_mismatch)
{
	char err[512] = "";
	json_t *all = json_pack("{s:{s:s, s:s}, s:{s:s, s:s}}",
				"vi", "roy_x_fmt", "%lld bài, %s", "roy_hint", "Không quá 50 % tổng nhuận bút",
				"en", "roy_x_fmt", "%lld items, %s", "roy_hint", "At most 50% of the royalties");
	CHECK(locale_formats_check(all, err, sizeof(err)) == 0);
	json_object_set_new(json_object_get(all, "en"), "roy_x_fmt", json_string("%s items, %lld"));
	CHECK(locale_formats_check(all, err, sizeof(err)) == -1 && strstr(err, "locale/en: \"roy_x_fmt\""));
	json_object_set_new(json_object_get(all, "en"), "roy_x_fmt", json_string("%lld items, %s, 50% of"));
	CHECK(locale_formats_check(all, err, sizeof(err)) == -1); /* "% o" is a conversion in a format */
	json_object_set_new(json_object_get(all, "en"), "roy_x_fmt", json_string("%lld items, %s, 50%% of"));
	CHECK(locale_formats_check(all, err, sizeof(err)) == 0);
	json_decref(all);
	CHECK(looks_like_format("Tháng %d/%d") && looks_like_format("%lld phút") && looks_like_format("%.1f giây"));
	CHECK(!looks_like_format("Không quá 50 % tổng") && !looks_like_format("At most 50% of") &&
	      !looks_like_format("100 %; để trống") && !looks_like_format("(100 % + các khoản)"));
}
