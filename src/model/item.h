/* item.h — public reads of items of any kind (kind.h): lists with filters, one item, its
 * relations on both ends, the search by identifier. Rows carry the common columns and "f", the
 * kind's own fields as an object. Only published items are read. */
#ifndef CONG_MODEL_ITEM_H
#define CONG_MODEL_ITEM_H

#include <stdint.h>
#include <stddef.h>
#include <jansson.h>

struct db;

#define ITEM_FILTERS_MAX 6

/* One filter: the item has the term KEY = VALUE (a filterable field's value, or "nam" the year
 * of its sort date, or "hieu_luc" a legal document's validity). */
struct item_filter {
	const char *key, *value;
};

/* What list rows carry in "f": by default what a list shows (the listed fields, counted
 * references as numbers: items.list_fields); ITEM_ROWS_FULL: every field (exports). Each row also
 * has "badge": its kind's list_term value (null when none or no kind given). */
enum { ITEM_ROWS_FULL = 1 };
/* A list row's fields ("f"), parsed from its text on first use (a list whose rows' HTML is kept
 * never parses them); never NULL for a row read by the functions below. */
json_t *item_row_fields(json_t *row);
/* Each row of ROWS (with a "fields" column, as read) given its parsed fields as "f", the text
 * dropped; returns ROWS. */
json_t *item_rows_parse_fields(json_t *rows);
/* A page of SITE_ID's published items of KIND (SITE_ID 0: every site's), newest by their own
 * date first, in CATEGORY_ID (0: any) with every filter of F; TOTAL (may be NULL) gets how many match (kept with the
 * connection until the database changes). HOW: ITEM_ROWS_FULL or 0. */
json_t *item_list_public(struct db *db, int64_t site_id, const char *kind, int64_t category_id,
			 const struct item_filter *f, size_t nf, int64_t limit, int64_t offset, int64_t *total,
			 unsigned how);
/* The same page as ids only ([int…]), read from the index alone (with no category asked): a
 * list whose rows' HTML is kept reads the rows it has not kept (item_rows_by_ids). */
json_t *item_list_ids(struct db *db, int64_t site_id, const char *kind, int64_t category_id,
		      const struct item_filter *f, size_t nf, int64_t limit, int64_t offset, int64_t *total);
/* The published item ID of KIND on SITE_ID with its body, or NULL. */
json_t *item_get_public(struct db *db, int64_t site_id, const char *kind, int64_t id);
/* The same with its fields as text, parsed when asked for (item_row_fields): a page that keeps
 * what it shows of them need not parse them. */
json_t *item_get_public_unparsed(struct db *db, int64_t site_id, const char *kind, int64_t id);
/* The kind of item ID of SITE_ID (any state) written into BUF, or NULL when there is none. */
const char *item_kind_of(struct db *db, int64_t site_id, int64_t id, char *buf, size_t n);
/* The relations item ID makes: [{relation, to_ref, to_key, to_id (null while the other item is
 * not in the database or not published), to_title, to_slug, to_site_id, to_kind}]. */
json_t *item_links_from(struct db *db, int64_t id);
/* The relations published items make to ID: [{relation, from_id, from_ref, from_title,
 * from_slug, from_site_id, from_kind, from_day, from_effective (a legal document's first day in
 * force, "YYYY-MM-DD", kept by the model as its term "hl"), from_fields (only when it has no
 * such term: a document not derived since that term came)}]. */
json_t *item_links_to(struct db *db, int64_t id);
/* Ids of published items of KIND (on SITE_ID or listed by it; 0: every site) whose identifier QUERY names in any
 * form people type (vn/docnum.h); at most LIMIT; an empty array when QUERY is no identifier. */
json_t *item_find_by_ref(struct db *db, int64_t site_id, const char *kind, const char *query, int64_t limit);
/* The same for a kind whose identifiers are not document numbers (a procedure's code "1.001193",
 * a project's): the published items of SITE_ID (0: every site) whose identifier's key
 * (kind_ident_key) starts with QUERY's, in the order of the keys, at most LIMIT. */
struct kind;
json_t *item_find_by_ident(struct db *db, int64_t site_id, const struct kind *k, const char *query, int64_t limit);
/* The published rows of IDS (an array of integers) in that order, as list rows (above) of KIND
 * (NULL: of any kind, no badge). */
json_t *item_rows_by_ids(struct db *db, json_t *ids, const char *kind, unsigned how);
/* Item ID's term KEY (its first value) written into BUF, or NULL when it has none: what lists
 * show of a computed value (a legal document's validity, kept by the model and the scheduler). */
const char *item_term_get(struct db *db, int64_t id, const char *key, char *buf, size_t n);
/* The values of filter KEY among SITE_ID's (0: every site's) published items of KIND: [{value, n}]. Kept with the
 * connection until the database changes: the array is shared, read it and json_decref it, never
 * change it. */
json_t *item_term_values(struct db *db, int64_t site_id, const char *kind, const char *key);

/* The site of published item ID of KIND, or 0 when there is none (the main portal's
 * province-wide list names items of every site: kind.province_list). */
int64_t item_public_site(struct db *db, const char *kind, int64_t id);

/* The sites with published items of KIND, the main portal first, then by name:
 * [{id, slug, name, n}] (the filter by site of a province-wide list, kind.province_list). */
json_t *item_kind_sites(struct db *db, const char *kind);

/* ---- feeds and sitemaps (docs/feeds.md) ---- */

/* What a feed follows: a list of the item layer, by site, category or kind. A site's own items
 * only: an item is in the feeds of the site that publishes it (not of a site that lists it, nor
 * of the main portal's province-wide list). */
struct item_query {
	int64_t site_id;
	const char *kind;    /* NULL: the kinds of the site's own feed (kind.site_feed) */
	int64_t category_id; /* 0: any; else this category of SITE_ID and its subcategories */
	const char *lang;    /* the items' language (model/translation.h); NULL: Vietnamese */
};
/* The newest published items Q names, the newest publication first, at most LIMIT: rows {id,
 * site_id, kind, category_id, title, slug, summary, author, published_at, updated_at,
 * created_at, cover_sha, cover_ext, cover_mime, cover_size, cover_kind (the media library's file
 * of the cover; null when none)}. Each of the site's categories that Q takes in is read newest
 * first through its index (categories.published_count skips the empty ones), LIMIT entries at
 * most, and the heads merged: never a walk of the site, whatever its size. An empty array when
 * nothing matches or on a store error. */
json_t *item_feed(struct db *db, const struct item_query *q, int64_t limit);

/* How many published items SITE_ID has of its own, of every kind: the sum of its categories'
 * counts (kept by the database's triggers, 0011; every item is in a category of its site). */
int64_t item_count_public(struct db *db, int64_t site_id);
/* One published item for a sitemap: its address's parts and its last change (the later of its
 * publication and its last update), valid during the call. */
struct item_url {
	int64_t id;
	const char *kind, *slug;
	int64_t lastmod;
};
/* Calls FN for each of SITE_ID's own published items in order of publication, the oldest first
 * (an item published later goes to the end: earlier pages of a split sitemap keep their
 * addresses), after skipping OFFSET, at most LIMIT. FN must not use DB. Returns how many, -1 on
 * a store error. */
int64_t item_each_public(struct db *db, int64_t site_id, int64_t offset, int64_t limit,
			 void (*fn)(const struct item_url *u, void *arg), void *arg);

/* ---- listing other sites' items (item_listings) ----
 * A site's board lists documents held by another site (the central ones, entered once on the
 * main portal) among its own: its lists and its document pages show them as its own do. */
struct actor;
struct errs;
/* A lists (ON 1) or stops listing (ON 0) ITEM_ID on SITE_ID: editors and above of SITE_ID; the
 * item must be a published item of another site, of a kind with its own pages (not news, which is
 * shared up instead). Audited; the site's page cache bumped. Field errors on "item". */
int item_listing_set(struct db *db, const struct actor *a, int64_t site_id, int64_t item_id, int on, struct errs *e);
/* The main portal's published items of KIND that SITE_ID may list, newest first, each with
 * "listed" (bool) for SITE_ID; Q ("" all) a number in any form or words of the title. TOTAL may be
 * NULL. NULL without a role on SITE_ID. */
json_t *item_listing_candidates(struct db *db, const struct actor *a, int64_t site_id, const char *kind, const char *q,
				int64_t limit, int64_t offset, int64_t *total);

#endif
