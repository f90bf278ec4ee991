/* site_texts.h — a site's own texts in its other languages (#16; docs/languages.md §2d): its
 * name, owning body, address, phone line and footer lines as the board enters them for the
 * /en/, /km/ pages, stored per (site, language, key) in site_texts (migration 0051). */
#ifndef CONG_SITE_TEXTS_H
#define CONG_SITE_TEXTS_H

#include "model.h"

/* The sites columns that have a text per language, in the form's order. */
extern const char *const site_text_keys[];
extern const size_t site_text_nkeys;

/* SITE_ID's texts: {"en": {"name": "…", …}, "km": {…}} (only the stored ones). New reference,
 * NULL on a store error. */
json_t *site_texts_get(struct db *db, int64_t site_id);
/* Every site's texts, {"<site id>": {"en": {…}}}, for the sites kept per connection (site.c).
 * New reference, NULL on a store error. */
json_t *site_texts_all(struct db *db);

/* Sets SITE_ID's texts for the languages VALUES names ({"en": {"name": "…", …}}): each language
 * must be one the site publishes in besides Vietnamese; a key that is absent or empty falls back
 * to Vietnamese (its row removed). Site administrators; one transaction, audited
 * ("site.texts"), the page cache of every site bumped (a main portal's name is on every
 * component site's page). Field errors are named "<lang>_<key>". M_OK, M_INVALID, M_DENIED,
 * M_ERROR. */
int site_texts_save(struct db *db, const struct actor *a, int64_t site_id, const json_t *values, struct errs *e);

/* SITE (a kept site, shared: never modified) as the pages of LANG show it: a new object whose
 * texts of site_text_keys are the language's when the site has one (for "en", the name_en
 * column before Vietnamese), else the Vietnamese, marked in "vi" ({"name": true, …}) so that a
 * template can say lang="vi". Looks the texts up in the sites kept per connection: no query.
 * LANG NULL, "" or "vi": a new reference to SITE itself. */
json_t *site_in_lang(struct db *db, json_t *site, const char *lang);

#endif
