/* kind.h — kinds of content as descriptors (docs/architecture.md, "Items").
 *
 * Every item (a news article, a legal document, a gazette issue, …) is a row of the items table
 * with the common columns: site, kind, language, state and the workflow columns, title, slug,
 * summary, body, category, dates, intake and deadline. What differs between kinds is declared
 * once, here, as data: the kind's own fields (stored as a JSON object in items.fields and in
 * every revision), which of them the lists filter on (item_terms), which one identifies the item
 * (items.ref / ref_key: a document's number) and which date its lists sort on (items.item_day),
 * relations to other items (item_links), and hooks for the rules fields cannot say. The admin
 * form, validation with Vietnamese messages, revisions and their diff, the public list with its
 * filters, the detail page, the open-data exports, the CSV import and the conformance test all
 * read the descriptor; a new kind is a descriptor, locale keys and, if it wants, templates.
 *
 * The field key is the form field's name, the JSON key, the template variable, the CSV column
 * and the API name. Labels are Vietnamese text (the admin's language). */
#ifndef CONG_MODEL_KIND_H
#define CONG_MODEL_KIND_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

struct db;
struct errs;

enum field_type {
	F_TEXT,     /* one line */
	F_LONGTEXT, /* several lines, plain */
	F_DATE,     /* "YYYY-MM-DD" stored; the form and the CSV also take dd/mm/yyyy */
	F_INT,
	F_MONEY,    /* whole đồng */
	F_ENUM,     /* one of CHOICES' keys */
	F_TAGS,     /* several short texts ("a; b"): stored as an array */
	F_REF,      /* other items by their identifier ("12/2024/QĐ-UBND; …"): stored as an array of
	             * identifiers as written, and as item_links rows of RELATION */
	F_URL,
	F_ROWS,     /* a table: rows of the SUB fields (not F_ROWS, F_REF, F_TAGS), at most MAX; stored
	             * as an array of objects {subkey: value}; in CSV a row per line, cells " | " apart */
	F_FILE,     /* one file of the site's media library, stored as its id; ACCEPT limits its type */
	F_TIME,     /* a time of day: "HH:MM" stored; the form and the CSV also take 7h30, 14h, 14g00 */
};

enum field_flag {
	FF_REQUIRED = 1 << 0,
	FF_SEARCH = 1 << 1,  /* its text goes into the search index */
	FF_FILTER = 1 << 2,  /* public lists filter on it (item_terms) */
	FF_LIST = 1 << 3,    /* shown in list rows */
	FF_FEED = 1 << 4,    /* in feeds and exports */
	FF_IDENT = 1 << 5,   /* the item's identifier (items.ref, ref_key); at most one */
	FF_SORT = 1 << 6,    /* F_DATE: the date lists sort on (items.item_day); at most one */
	FF_OPEN = 1 << 7,    /* F_ENUM: a site may add values beyond CHOICES (kept as typed) */
	FF_PERSONAL = 1 << 8,/* personal data: never logged or exported */
	FF_COUNT = 1 << 9,   /* F_REF to another kind: lists show how many items it names (a gazette
	                      * issue's documents) */
};

struct kind_choice {
	const char *key, *label;
};

struct kind_field {
	const char *key;
	const char *label;
	enum field_type type;
	size_t max;                          /* characters (text), or values (F_TAGS, F_REF) */
	unsigned flags;
	const struct kind_choice *choices;  /* F_ENUM: ends with { NULL, NULL } */
	const char *ref_kind;                /* F_REF: the kind of the items referred to */
	const char *help;                    /* a line under the field, or NULL */
	const struct kind_field *sub;        /* F_ROWS: the columns of a row */
	size_t nsub;
	const char *accept;                  /* F_FILE: MIME type prefixes separated by ';' ("image/",
	                                      * "video/;audio/", "text/vtt"); NULL: any file */
	/* A valid value of a field whose hook wants a format its type does not say ("09:00"):
	 * `cong kinds --json` gives it, the conformance test fills the form with it. NULL: any
	 * value of its type. */
	const char *example;
	/* F_REF: what the relation is called on the page of the item referred to ("Gói thầu của dự
	 * án" on a project's page, for a package's project); NULL: "<kind label>: <field label>". */
	const char *rev_label;
	/* The input's purpose for the browser's autofill (WCAG 1.3.5: "name", "email", "tel",
	 * "street-address"): a citizen's form; "email" and "tel" also give the input its type. */
	const char *autocomplete;
	/* F_ROWS: the rows the table needs at least when it has any (a poll's two choices); 0: no
	 * minimum (FF_REQUIRED asks for one). `cong kinds --json` gives it as "min". */
	size_t min;
};

struct item_view;

/* A schema.org property of an item's JSON-LD, taken from field KEY (model/metadata.h): dates as
 * ISO 8601, choices by their label, lists as arrays, numbers as numbers. With TIME_KEY (an F_TIME
 * beside the date) the date becomes a date and time in Vietnam time, the date alone when the time
 * is empty (NEED_TIME: then the property is left out — an end on the day alone would come before
 * a start at 08:00). With WRAP the value is the name of an object of that type ({"@type":
 * "GovernmentOrganization", "name": v}), or its WRAP_PROP instead of "name" ({"@type":
 * "Audience", "audienceType": v}). */
struct kind_prop {
	const char *prop, *key, *time_key, *wrap, *wrap_prop;
	unsigned need_time : 1;
};

/* What a kind's items say about themselves to machines (TT 24/2011 Dublin Core, schema.org
 * JSON-LD, Open Graph; model/metadata.h, docs/metadata.md): data, like the fields, so that one
 * builder serves every kind. Each key names a field of the kind (checked by kind_check); NULL
 * takes the fallback model/metadata.h states (the site's owner as creator, the publication date,
 * the category as subject, a CreativeWork). */
struct kind_meta {
	const char *schema_type;  /* "Legislation", "GovernmentService", "Event"…; NULL: "CreativeWork" */
	/* The page is about the site's own organisation (the introduction): SCHEMA_TYPE describes
	 * the site's owner, and the item is the page that describes it (mainEntityOfPage). */
	unsigned about_site : 1;
	const char *creator;      /* DC.creator: the issuing body, the author unit */
	const char *creator_type; /* the JSON-LD type of the creator; NULL: "GovernmentOrganization" */
	const char *contributor;  /* DC.contributor: the signer, the lead researcher */
	const char *date;         /* DC.date: an F_DATE, the date of issue; NULL: the publication */
	const char *subject;      /* DC.subject: the field of activity */
	const char *source;       /* DC.source */
	const char *coverage;     /* DC.coverage: the place or scope */
	const char *image;        /* an F_FILE image: og:image and the JSON-LD image */
	const struct kind_prop *props; /* the JSON-LD object's own properties */
	size_t nprops;
	/* An F_ROWS field whose rows are objects of ROW_TYPE of their own (a week's entries, each an
	 * Event), with ROW_PROPS taken from the row's columns, listed under ROWS_PROP of the item's
	 * object ("itemListElement"). */
	const char *rows, *rows_prop, *row_type;
	const struct kind_prop *row_props;
	size_t nrow_props;
};

struct kind {
	const char *name;          /* "legal": items.kind, categories.kind */
	const char *segment;       /* "van-ban": /van-ban, /van-ban/<slug>-<id>, /quan-tri/van-ban */
	const char *label;         /* "Văn bản" */
	const char *label_one;     /* "văn bản" in sentences */
	const char *title_label;   /* what the title is called ("Trích yếu"); NULL: "Tiêu đề" */
	const char *deadline_kind; /* the deadline rule its items follow when their category names none */
	unsigned body_required : 1;/* the rich text is required (news); else optional (full text) */
	unsigned has_cover : 1;    /* a cover image, featured flag, author and source (news) */
	/* Its items announce something (news, a new document, a draft open for comments): they are
	 * among the site's newest in the site's own feed (/rss.xml, /atom.xml: docs/feeds.md). Every
	 * kind has its own feed (/<segment>/rss.xml) whatever this says; reference data (units,
	 * officials, links, fixed pages, banners, the procedures' catalogue) would drown the news. */
	unsigned site_feed : 1;
	const struct kind_field *fields;
	size_t nfields;
	/* Its own templates for the public list and item page (templates/<name>.mustache, given the
	 * same view data); NULL: the generic pair, public/item_list and public/item, which serve any
	 * kind from its descriptor. */
	const char *tpl_list, *tpl_item;
	/* The list's row and filter form (rendered alone, then kept: src/web/public/items.c);
	 * NULL: public/item_row, public/item_filter. */
	const char *tpl_row, *tpl_filter;
	/* A filter term its public lists show with each row (a legal document's validity), read by
	 * the list statement with the row; NULL: none. */
	const char *list_term;
	/* Rules the fields cannot say (dates in order…): adds errors to E; FIELDS is clean. */
	void (*check)(const struct kind *k, json_t *fields, struct errs *e);
	/* The slug of an item (NULL: from the title). Returns malloc'd. */
	char *(*slug)(const struct kind *k, const char *title, json_t *fields);
	/* The normalised key of an identifier as people type it (NULL: folded, lower case, runs of
	 * spaces as one); malloc'd, NULL when REF cannot be one. */
	char *(*ident_key)(const char *ref);
	/* Values computed from the fields and the other items (a legal document's validity), written
	 * after the common derived ones, in the caller's transaction, as of day TODAY. 0 or -1. */
	int (*derive)(struct db *db, const struct kind *k, int64_t item_id, json_t *fields, int32_t today);
	/* The identifier is unique on a site: saving a second item of the kind with the same key
	 * (kind_ident_key) on the site is refused with this message key of locale/vi.json next to the
	 * identifier's field (a procedure's code). NULL: identifiers may repeat (documents). */
	const char *ident_unique;
	/* 1: the main portal's public list of the kind holds every site's published items of it (the
	 * province's procedures), with a filter by site (parameter "don-vi", a site's slug; the layer's own names have hyphens, fields' keys never do), each row
	 * linking to the item on its own site; 0: a site lists its own (and those it lists). */
	unsigned province_list;
	/* A valid identifier of the kind with one printf "%d"-style conversion where a number goes
	 * ("1.%06d"): what the conformance test types (`cong kinds --json`: "ident_sample"). NULL:
	 * a document number ("%d/2026/QĐ-UBND"). */
	const char *ident_sample;
	/* The key of a closed choice the public list filters on (FF_FILTER, F_ENUM) whose values it
	 * also offers as tabs, one list per value ("Dự án chuẩn bị đầu tư", "đang thực hiện", "hoàn
	 * thành"); NULL: none. */
	const char *tabs;
	/* Rules that read the store or the library's files (a statistics table: its uploaded file
	 * parsed and checked), DATA_DIR the data folder (NULL when the caller has none: then such a
	 * kind refuses). Called by article_save inside the save's transaction, after the fields and
	 * their files were checked without error, so that what it writes (the parsed table) is kept
	 * with the revision or not at all; ITEM_ID is 0 for a new item (a unit cannot be its own
	 * ancestor: it reads the published units). Errors to E (errs_add_text for a sentence of its
	 * own). 0, or -1 on a store error. NULL: none. */
	int (*check_store)(struct db *db, const char *data_dir, int64_t site_id, int64_t item_id, const struct kind *k,
			   json_t *fields, struct errs *e);
	/* The group of information the Law on Access to Information (Luật Tiếp cận thông tin 2016,
	 * Đ17) requires published that its items belong to ("Thống kê"): the site's access-to-
	 * information page (/tiep-can-thong-tin) lists its published items under it. NULL: none. */
	const char *access_group;
	/* Rules that hold for what is published, not for a draft (a video's captions, WCAG 1.2; an
	 * embedded player's host on the site's allow-list): called with the fields that would become
	 * public when the approver publishes or schedules; adds errors to E (under "action" for the
	 * buttons, and the field's key) and the action is refused. NULL: none. */
	void (*publish_check)(struct db *db, const struct kind *k, int64_t site_id, json_t *fields, struct errs *e);
	/* The values of the list term (LIST_TERM) when the kind's derive hook computes it from the
	 * fields and the day (a consultation: "dang-lay-y-kien", "het-han"), ending with { NULL,
	 * NULL }, and what the term is called (TERM_LABEL): the public list filters on it (parameter
	 * LIST_TERM), shows its label as a badge in each row and exports it, and TABS may name
	 * LIST_TERM to offer one tab per value. NULL: none (legal documents' validity is their own,
	 * vn/legal.h). */
	const struct kind_choice *term_choices;
	const char *term_label;
	/* Its metadata mapping (above); NULL: every fallback. */
	const struct kind_meta *meta;
	/* Open data (issue #16, docs/open-data.md): its published items are offered as data sets on
	 * the site's "Dữ liệu mở" page (/du-lieu-mo), with the list's CSV and JSON exports and the
	 * API, under the installation's licence. Every kind has the exports; these are the ones
	 * announced (legal documents, procedures, projects, statistics). */
	unsigned open_data : 1;
};

/* Every kind, in menu order; kind_find by name, kind_by_segment by URL segment: NULL if none. */
const struct kind *const *kind_all(size_t *n);
const struct kind *kind_find(const char *name);
const struct kind *kind_by_segment(const char *segment);
const struct kind_field *kind_field(const struct kind *k, const char *key);
const struct kind_field *kind_ident_field(const struct kind *k);
/* 1 when F is a reference lists show as a count (FF_COUNT: a gazette issue's documents). */
int kind_field_counted(const struct kind *k, const struct kind_field *f);
const struct kind_field *kind_sort_field(const struct kind *k);
/* A field type's name in `cong kinds --json` and the import's guide: "text", "rows", "file"… */
const char *kind_type_name(enum field_type t);

/* Checks every descriptor (unique names and segments, field keys that are identifiers and
 * unique, types with what they need, at most one identifier and one sort date…). 0, or -1 with
 * a sentence naming the kind and field in ERR. `cong` refuses to start on -1. */
int kinds_check(char *err, size_t n);
/* The same for one descriptor (tests give it bad ones). */
int kind_check(const struct kind *k, char *err, size_t n);

/* Turns RAW (an object of the form's or CSV's values: strings, or arrays of strings for
 * several values) into the clean fields object stored (*OUT, new): text NFC and trimmed,
 * dates "YYYY-MM-DD", tags and references split on ';' into arrays, enum keys checked, numbers
 * parsed. Errors go to E under the field's key, with message keys of locale/vi.json; *OUT is
 * still set (the input kept, for the form to show again). Calls the kind's check hook. */
void kind_fields_clean(const struct kind *k, json_t *raw, json_t **out, struct errs *e);

/* 1 when KEY is one of F's declared choices (by key). */
int kind_choice_known(const struct kind_field *f, const char *key);
/* The label of an enum value (its key when unknown: an open value as typed). */
const char *kind_choice_label(const struct kind_field *f, const char *key);

/* A field's value as display text ("12/05/2024" for dates, "a; b" for lists); malloc'd, "" when
 * empty. F NULL: in machine form for exports (dates as stored, choices by their key). */
char *kind_value_text(const struct kind_field *f, json_t *v);
/* kind_value_text with the choices' labels in the language of TEXTS (kind_tr_choice; F a field
 * of K or a column of one of its tables). */
char *kind_value_text_tr(json_t *texts, const struct kind *k, const struct kind_field *f, json_t *v);
/* The same in machine form knowing the field (exports, the CSV import's columns): dates as
 * stored, choices by key, a table's rows on lines with cells " | " apart, files by id. */
char *kind_value_machine(const struct kind_field *f, json_t *v);

/* The key of identifier REF of kind K (kind.ident_key or the default); malloc'd or NULL. */
char *kind_ident_key(const struct kind *k, const char *ref);
/* 1 when another item of kind K on SITE_ID (not ITEM_ID, not withdrawn) has the identifier of
 * FIELDS (its key), 0 when none or K's identifiers may repeat (kind.ident_unique), -1 on a store
 * error. */
int kind_ident_taken(struct db *db, const struct kind *k, int64_t site_id, int64_t item_id, json_t *fields);

/* Checks the files FIELDS names (F_FILE, also inside F_ROWS): each a file of SITE_ID's media
 * library of a type the field accepts; errors to E ("file_invalid", "file_type_invalid"). */
void kind_files_check(struct db *db, int64_t site_id, const struct kind *k, json_t *fields, struct errs *e);
/* 1 when MIME is one of ACCEPT's prefixes (NULL: any). */
int kind_file_accepts(const char *accept, const char *mime);

/* The string value of KEY in O (an item's fields, a table's row), "" when absent or not text. */
const char *kind_text(json_t *o, const char *key);

/* The kinds' texts in a language (#16). TEXTS is that language's texts (req_texts(r),
 * locale_dict()); a text it lacks is the descriptor's Vietnamese. PATH names the text after
 * "kind.<name>" (kind.c: NULL the label, "one", "title", "term", "<field>", "<field>.help",
 * "<field>=<choice>", "<field>.<column>"…); NULL when the descriptor has none (a kind without a
 * title_label). */
const char *kind_tr(json_t *texts, const struct kind *k, const char *path);
/* F's label (WHAT NULL), or its ".help" or ".rev" text (NULL when it has none); F a field of K or
 * a column of one of K's tables. */
const char *kind_tr_field(json_t *texts, const struct kind *k, const struct kind_field *f, const char *what);
/* The label of F's choice KEY (the key itself for an open value, as kind_choice_label). */
const char *kind_tr_choice(json_t *texts, const struct kind *k, const struct kind_field *f, const char *key);
/* locale_load (base/locale.h) with the model's Vietnamese texts added to "vi" under their keys:
 * the descriptors' (above) and the workflow's (wf_locale_add); NULL with ERR as locale_load, or
 * when a locale file of "vi" holds one of those keys. What `cong serve` and the CLI load. */
json_t *kind_locale_load(const char *root, char *err, size_t n);

/* "YYYY-MM-DD" → day number (vn/calendar.h), 0 when empty or invalid. */
int32_t kind_day(const char *s);

/* Writes what the item's clean FIELDS imply into the derived columns and tables, inside the
 * caller's transaction: items.ref, ref_key, item_day; item_terms (filterable values, the year of
 * the sort date); item_links (references, linking those whose target is known, and linking
 * earlier references to this item's identifier now that it exists). 0 or -1. */
int item_derive(struct db *db, int64_t item_id);
/* The same as of day TODAY (tests fix it; item_derive takes the clock's). */
int item_derive_at(struct db *db, int64_t item_id, int32_t today);

/* Derives again the items whose computed values change by TODAY (items.recheck_day: a legal
 * document taking effect, or ended by one that does), each in its own transaction, bumping its
 * site's page cache. Returns how many, -1 on a store error. Run by the scheduler. */
int item_recheck_due(struct db *db, int32_t today);

/* Derives every item of a kind with fields again, in transactions of a few hundred (after data
 * was changed by hand, a restore, a change of a kind's rules). PROGRESS (may be NULL) is told
 * (done, total) after each batch, and stops when it answers non-zero. Returns how many, -1 on a
 * store error, -2 when stopped (what was done is kept). */
int64_t item_derive_all(struct db *db, int (*progress)(int64_t done, int64_t total, void *arg), void *arg);

/* The kind's publish_check on the version of item ID that would become public (its pending
 * change's, else its own): errors added to E. The workflow's publish and schedule and the CSV
 * import's publication call it. */
void item_publish_check(struct db *db, int64_t site_id, int64_t id, struct errs *e);

/* Search text of the searchable fields of FIELDS (space-joined), appended to the body's in the
 * index. malloc'd. */
char *kind_search_text(const struct kind *k, json_t *fields);

#endif
