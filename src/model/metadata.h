/* metadata.h — what a page says about itself to machines: Dublin Core as TT 24/2011 lists it
 * (dữ liệu đặc tả: VP Đ4.16), schema.org JSON-LD and the per-site export (docs/metadata.md).
 *
 * Built from the kind's descriptor (kind.meta, model/kind.h) for every kind alike; the fallbacks
 * keep the mandatory elements — title, creator, date, description, publisher, identifier — from
 * ever being empty: the creator is the kind's creator field, else the item's author (news), else
 * the site's owner (or its name when it has none); the date the kind's date field, else the
 * publication; the description the summary, else the title; the subject the kind's subject
 * field, else the category. Several values of one element are joined by "; " where one text is
 * wanted (a meta tag, a CSV cell). Nothing here knows HTTP or HTML. */
#ifndef CONG_MODEL_METADATA_H
#define CONG_MODEL_METADATA_H

#include <stdint.h>
#include <jansson.h>

struct db;
struct kind;

/* The site a page belongs to, as its metadata names it. Strings are borrowed; "" or NULL when
 * unknown. */
struct meta_site {
	const char *name, *owner;     /* the site's name; its owning agency (cơ quan chủ quản) */
	const char *url;              /* "http(s)://host[:port]/" */
	const char *address, *phone, *email, *fax;
	const char *parent_name, *parent_url; /* the main portal, for a component site; NULL on it */
	/* The page's language's texts (req_texts; #16): the kinds' labels and choices and the rights
	 * line in that language. NULL: Vietnamese. */
	json_t *texts;
};

/* One item as its metadata needs it. Strings are borrowed; NULL or "" when absent. */
struct meta_item {
	const struct kind *k;
	const char *title, *summary, *ref, *lang;
	const char *author;             /* news: the author's name */
	const char *category;           /* the category's name */
	const char *src_name, *src_url; /* news: where it was taken from */
	int64_t published_at, updated_at;
	json_t *fields;                 /* the clean fields (an object), or NULL */
	const char *url;                /* its canonical address, absolute */
	const char *image;              /* its picture's absolute address (a cover), or NULL */
};

/* The fifteen Dublin Core elements in TT 24/2011's order, as "DC.title"…: the export's columns
 * (web/public/metadata.c). */
extern const char *const metadata_dc_names[15];

/* The site's owner, or its name when it has none: the publisher, and the creator of last resort. */
const char *metadata_site_owner(const struct meta_site *s);

/* An item's Dublin Core: [{name: "DC.title", values: ["…", …]}…] in metadata_dc_names' order,
 * only the elements with a value (the mandatory ones always have one). New reference. */
json_t *metadata_dc(const struct meta_item *m, const struct meta_site *s);
/* A page that is not an item's (the home page, a list, the search): TITLE, DESCRIPTION (the
 * title when empty), URL (its canonical address), DATE (Unix time: the site's last publication;
 * 0 none: the date is left out only then), LANG. The same shape. */
json_t *metadata_dc_page(const char *title, const char *description, const char *url, int64_t date,
			 const char *lang, const struct meta_site *s);
/* DC (metadata_dc's) as the layout's head_meta: [{name, content}], values joined by "; ". */
json_t *metadata_dc_head(json_t *dc);

/* The site's organisation as schema.org has it: {"@type": "GovernmentOrganization", name (the
 * owner), url}; FULL adds alternateName (the site's name), address, telephone, email,
 * faxNumber and parentOrganization (the main portal's owner). New reference. */
json_t *metadata_ld_org(const struct meta_site *s, int full);
/* An item's schema.org object (with "@context"): the kind's type (kind_meta.schema_type, else
 * CreativeWork) with name, url, description, identifier, image, the kind's own properties and,
 * for creative works, the dates, language, creator (author for articles) and publisher; the
 * site's organisation when the kind is about the site (its introduction). New reference. */
json_t *metadata_ld(const struct meta_item *m, const struct meta_site *s);

/* ---- the export (TT 24/2011: metadata "exportable") ---- */

/* SITE_ID's own published items (not those it lists) in order of publication, oldest first,
 * after OFFSET, at most LIMIT: FN gets each as a meta_item whose strings and fields are valid
 * during the call (URL and IMAGE NULL: the caller knows the addresses) with its kind's SLUG and
 * ID for its address. FN must not use DB. Returns how many, -1 on a store error. */
struct meta_row {
	struct meta_item item;
	int64_t id;
	const char *slug;
};
int64_t metadata_each(struct db *db, int64_t site_id, int64_t offset, int64_t limit,
		      void (*fn)(struct meta_row *row, void *arg), void *arg);
/* How many published items SITE_ID has of its own (the categories' counts: kept by triggers). */
int64_t metadata_count(struct db *db, int64_t site_id);
/* When SITE_ID last published something (Unix time), else when the site was made; 0 on error. */
int64_t metadata_site_lastmod(struct db *db, int64_t site_id);

#endif
