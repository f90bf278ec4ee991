/* locale.h — every user-facing text of Cổng, in every language: locale/<lang>/<part>.json.
 *
 * A language is a folder named by its code (ISO 639: "vi", "en", "km"); its files are flat JSON
 * objects of key → text, one per part of the product (messages.json for the sentences the C code
 * answers with, public.json for the public pages' chrome, admin.json for the admin's…), so that
 * the parts grow without touching each other. The files of a language are merged; a key in two
 * of them is an error, as is a text that is not a string. Vietnamese ("vi") is the reference:
 * every key has a Vietnamese text, and the other languages are checked against it (the unit
 * test tests/unit/test_locale.c: a key missing in any language fails it).
 *
 * Templates read the request's language as {{t.<key>}} (web_public_ctx, admin_ctx). */
#ifndef CONG_LOCALE_H
#define CONG_LOCALE_H

#include <stddef.h>

#include <jansson.h>

#define LOCALE_DEFAULT "vi"

/* Load ROOT/locale/<lang>/<part>.json: {"vi": {key: text, …}, "en": {…}, …}. NULL with a sentence in
 * ERR (naming the file) when a file is unreadable, not an object of strings, or repeats a key. */
json_t *locale_load(const char *root, char *err, size_t errlen);

/* LANG's texts in LOCALES, or NULL when the language is not loaded. */
json_t *locale_dict(const json_t *locales, const char *lang);

/* KEY's text in LANG; else the Vietnamese text; else KEY itself. */
const char *locale_text(const json_t *locales, const char *lang, const char *key);

/* Formats FMT, a locale text whose key ends in "_fmt" (its conversions, among %d %lld %s %.1f,
 * are the Vietnamese text's in every language: locale_load refuses any other), into BUF as
 * snprintf does. */
int locale_format(char *buf, size_t n, const char *fmt, ...);

/* A text whose key ends in "_fmt" is a printf format (locale_format): its conversions must be
 * valid, and the same, in the same order, in every language as in Vietnamese, so that the C
 * arguments written for the Vietnamese text fit every translation. -1 with ERR naming the first
 * that differs. locale_load checks its files; texts added later (the model's) are checked again. */
int locale_formats_check(json_t *all, char *err, size_t errlen);

/* Whether S is a language code as locale folders are named: 2 or 3 lowercase ASCII letters. */
int locale_code_valid(const char *s, size_t len);

#endif
