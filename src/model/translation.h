/* translation.h — translations of items (#16, docs/languages.md).
 *
 * A translation is an item like any other (kind.h), in another language than Vietnamese
 * (items.lang), with its own workflow, revisions and deadline, that names the Vietnamese item it
 * translates (items.translation_of) and the time of the Vietnamese public version it was made
 * from (items.source_version_at). The source's public version time is its last "publish"
 * transition: when the source is published again after that, the translation is outdated. One
 * translation per language per source. The regulations ask some items in English (VP Đ4.15,
 * BT Đ6.2): a configurable list per site (sites.translation_rules) drives the coverage report
 * and puts the missing and outdated translations on the deadline lists. */
#ifndef CONG_MODEL_TRANSLATION_H
#define CONG_MODEL_TRANSLATION_H

#include "model.h"

/* The deadline rule of translating (deadline_rules.kind, migration 0036). */
#define TRANSLATION_DEADLINE_KIND "ban-dich"
/* The language the regulations require (the coverage report's). */
#define TRANSLATION_REQUIRED_LANG "en"

/* Makes the translation of SOURCE_ID (a Vietnamese item of SITE_ID, not withdrawn) into LANG (a
 * language the site publishes in): a draft copying the source's title, summary, body, fields,
 * category and cover, in LANG, made from the source's current public version; its deadline is
 * the rule "ban-dich" counted from that version's time when the source is required in English.
 * Anyone who may create an item on the site (its reporters and above). One transaction with an
 * audit record. M_OK with *OUT_ID; M_INVALID with "lang" ("translation_lang_invalid",
 * "translation_exists") or "source" ("translation_source_invalid"); M_DENIED; M_NOTFOUND. */
int translation_create(struct db *db, const struct actor *a, int64_t site_id, int64_t source_id, const char *lang,
		       struct errs *e, int64_t *out_id);

/* The id of SOURCE_ID's translation into LANG (any state), 0 when there is none. */
int64_t translation_find(struct db *db, int64_t source_id, const char *lang);

/* The time of item ID's public version: its last publication (the workflow's "publish",
 * scheduled or not), else its first publication time; 0 when never published. */
int64_t translation_source_at(struct db *db, int64_t id);

/* SOURCE_ID's translations for its editor, one per language LANGS names (an array of codes, the
 * site's languages): [{lang, id (0: none), state "none"|"draft"|"published"|"outdated", title,
 * wstate (the workflow state, "" for none)}]. */
json_t *translation_list(struct db *db, int64_t source_id, json_t *langs);

/* What a translation's edit page says of it: {source_id, source_title, source_kind, lang,
 * outdated (bool), source_at, version_at}, or NULL when ID translates nothing. */
json_t *translation_info(struct db *db, int64_t id);

/* Records that translation ID was brought up to its source's current public version (editors
 * and above of SITE_ID). One transaction with an audit record; the site's cache bumped. */
int translation_mark_current(struct db *db, const struct actor *a, int64_t site_id, int64_t id, struct errs *e);

/* ---- public reads ---- */

/* A page of SITE_ID's published items in LANG (not "vi"), newest first, of KIND (NULL: any) in
 * CATEGORY_ID (0: any) whose title or summary holds Q (NULL or "": any); TOTAL (may be NULL)
 * gets how many. Rows {id, site_id, kind, title, slug, summary, published_at, updated_at,
 * category_id}. */
json_t *translation_list_public(struct db *db, int64_t site_id, const char *lang, const char *kind,
				int64_t category_id, const char *q, int64_t limit, int64_t offset, int64_t *total);

/* The published versions of the item group ID belongs to (the Vietnamese item and its
 * translations), the Vietnamese first: [{lang, id, kind, slug, site_id}]; an empty array when ID is not
 * published or has no published translation and translates nothing. */
json_t *translation_alternates(struct db *db, int64_t id);
/* SITE_ID's published translations for its sitemap's alternates (#16): an object keyed by the
 * translated item's id (decimal) whose values are arrays of {lang, id, kind, slug}, by language.
 * A site translates few items: read at once. Empty on a store error. */
json_t *translation_sitemap_map(struct db *db, int64_t site_id);

/* ---- what the regulations require in English ---- */

/* The province's default list of rules, one a line: "<kind>" or "<kind> <term>=<value>". */
const char *translation_rules_default(void);
/* SITE_ID's rules (its own, else the default), as text; malloc'd. */
char *translation_rules_get(struct db *db, int64_t site_id);
/* Sets SITE_ID's rules (TEXT "" or the default's text: the default again), checked line by line
 * (a kind that exists, a term its items are filtered on): field errors on "translation_rules".
 * The site's administrators; audited. */
int translation_rules_set(struct db *db, const struct actor *a, int64_t site_id, const char *text, struct errs *e);
/* 1 when Vietnamese item ID is required in English by its site's rules, 0 when not, -1 on a
 * store error. */
int translation_required(struct db *db, int64_t id);

/* The coverage of the English translations for the board, SITE_ID's (0: every site's, the
 * province), at NOW: {sites: [{site_id, site_name, site_slug, languages, required, current,
 * lacking, items: [{id, title, kind, kind_label, status "missing"|"draft"|"outdated",
 * translation_id (0: none), source_at "dd/mm/yyyy hh:mm", due "dd/mm/yyyy hh:mm" (or ""),
 * overdue (bool)}]}], totals: {required, current, lacking}}. Items lists only those lacking a
 * current translation. NULL when A may not see SITE_ID's deadlines (deadline_may_view). */
json_t *translation_coverage(struct db *db, const struct actor *a, int64_t site_id, int64_t now);

/* The deadline lists' rows of the translations still to make (deadline.h, deadline_open): a
 * required item of a site that publishes in English with no translation, or whose published
 * translation is outdated (a translation being made is an item with its own due time). Rows
 * as the open items' {id, site_id, site_name, site_slug, site_kind, title, state, kind,
 * kind_name, intake_received_at, due_at, src "translation", path}. SITE_ID 0: every site. */
json_t *translation_due_rows(struct db *db, int64_t site_id);

#endif
