/* metadata.c — Dublin Core (TT 24/2011) and schema.org JSON-LD of a page, from the kind's
 * descriptor (kind.meta), and the reads of the per-site export (metadata.h, docs/metadata.md). */
#include "metadata.h"
#include "kind.h"
#include "db/db.h"
#include "base/sb.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

const char *const metadata_dc_names[15] = {
	"DC.title",  "DC.creator", "DC.subject",    "DC.description", "DC.publisher",
	"DC.contributor", "DC.date", "DC.type",     "DC.format",      "DC.identifier",
	"DC.source", "DC.language", "DC.relation",  "DC.coverage",    "DC.rights",
};

enum {
	DC_TITLE, DC_CREATOR, DC_SUBJECT, DC_DESCRIPTION, DC_PUBLISHER, DC_CONTRIBUTOR, DC_DATE, DC_TYPE,
	DC_FORMAT, DC_IDENTIFIER, DC_SOURCE, DC_LANGUAGE, DC_RELATION, DC_COVERAGE, DC_RIGHTS, DC_N
};

static int has(const char *s)
{
	return s && *s;
}

const char *metadata_site_owner(const struct meta_site *s)
{
	return has(s->owner) ? s->owner : has(s->name) ? s->name : "";
}

/* Appends S to VALUES unless it is empty or there already: "several values" are distinct. */
static void add_value(json_t *values, const char *s)
{
	if (!has(s))
		return;
	size_t i;
	json_t *v;
	json_array_foreach(values, i, v)
		if (strcmp(json_string_value(v), s) == 0)
			return;
	json_array_append_new(values, json_string(s));
}

/* The field of K with KEY, or NULL (KEY NULL too). */
static const struct kind_field *field_of(const struct kind *k, const char *key)
{
	return k && key ? kind_field(k, key) : NULL;
}

/* Appends the value of field F in FIELDS as text, each of a list's values on its own: dates as
 * stored (ISO 8601), choices by their label, numbers in decimal. */
static void add_field(json_t *values, const struct kind_field *f, json_t *fields, const struct meta_item *m,
		      const struct meta_site *s)
{
	json_t *v = f ? json_object_get(fields, f->key) : NULL;
	if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x)
			add_value(values, json_string_value(x));
	} else if (json_is_string(v)) {
		add_value(values, f->type == F_ENUM ? kind_tr_choice(s->texts, m->k, f, json_string_value(v))
						    : json_string_value(v));
	} else if (json_is_integer(v)) {
		char num[24];
		snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(v));
		add_value(values, num);
	}
}

static void add_time(json_t *values, int64_t t)
{
	char buf[40];
	time_format_iso(t, buf, sizeof(buf));
	add_value(values, buf);
}

/* "Bản quyền thuộc về <owner>" in the page's language (dc_rights_of): the rights statement
 * every page of the site carries. Without texts (a caller outside a request), Vietnamese. */
static void add_rights(json_t *values, const struct meta_site *s)
{
	struct sb b = SB_INIT;
	const char *of = json_string_value(json_object_get(s->texts, "dc_rights_of"));
	sb_addf(&b, "%s %s", of ? of : "Bản quyền thuộc về", metadata_site_owner(s));
	add_value(values, b.buf);
	sb_release(&b);
}

/* The elements with a value, in order: [{name, values}]. Takes V's references. */
static json_t *dc_pack(json_t *v[DC_N])
{
	json_t *out = json_array();
	for (int i = 0; i < DC_N; i++) {
		if (json_array_size(v[i]))
			json_array_append_new(out, json_pack("{ssso}", "name", metadata_dc_names[i], "values", v[i]));
		else
			json_decref(v[i]);
	}
	return out;
}

json_t *metadata_dc(const struct meta_item *m, const struct meta_site *s)
{
	const struct kind *k = m->k;
	const struct kind_meta *km = k ? k->meta : NULL;
	const char *label = k ? kind_tr(s->texts, k, NULL) : "";
	json_t *v[DC_N];
	for (int i = 0; i < DC_N; i++)
		v[i] = json_array();
	add_value(v[DC_TITLE], has(m->title) ? m->title : label);
	add_field(v[DC_CREATOR], field_of(k, km ? km->creator : NULL), m->fields, m, s);
	if (!json_array_size(v[DC_CREATOR]))
		add_value(v[DC_CREATOR], has(m->author) ? m->author : metadata_site_owner(s));
	add_field(v[DC_SUBJECT], field_of(k, km ? km->subject : NULL), m->fields, m, s);
	if (!json_array_size(v[DC_SUBJECT]))
		add_value(v[DC_SUBJECT], has(m->category) ? m->category : label);
	add_value(v[DC_DESCRIPTION], has(m->summary) ? m->summary : json_string_value(json_array_get(v[DC_TITLE], 0)));
	add_value(v[DC_PUBLISHER], metadata_site_owner(s));
	add_field(v[DC_CONTRIBUTOR], field_of(k, km ? km->contributor : NULL), m->fields, m, s);
	add_field(v[DC_DATE], field_of(k, km ? km->date : NULL), m->fields, m, s);
	if (!json_array_size(v[DC_DATE]))
		add_time(v[DC_DATE], m->published_at ? m->published_at : m->updated_at);
	add_value(v[DC_TYPE], label);
	add_value(v[DC_FORMAT], "text/html");
	add_value(v[DC_IDENTIFIER], m->url);
	add_field(v[DC_SOURCE], field_of(k, km ? km->source : NULL), m->fields, m, s);
	add_value(v[DC_SOURCE], m->src_name);
	add_value(v[DC_SOURCE], m->src_url);
	add_value(v[DC_LANGUAGE], has(m->lang) ? m->lang : "vi");
	/* the items it names: documents it amends, a procedure's legal basis, an issue's documents */
	for (size_t i = 0; k && i < k->nfields; i++)
		if (k->fields[i].type == F_REF && !(k->fields[i].flags & FF_PERSONAL))
			add_field(v[DC_RELATION], &k->fields[i], m->fields, m, s);
	add_field(v[DC_COVERAGE], field_of(k, km ? km->coverage : NULL), m->fields, m, s);
	add_rights(v[DC_RIGHTS], s);
	return dc_pack(v);
}

json_t *metadata_dc_page(const char *title, const char *description, const char *url, int64_t date,
			 const char *lang, const struct meta_site *s)
{
	json_t *v[DC_N];
	for (int i = 0; i < DC_N; i++)
		v[i] = json_array();
	add_value(v[DC_TITLE], has(title) ? title : s->name);
	add_value(v[DC_CREATOR], metadata_site_owner(s));
	add_value(v[DC_DESCRIPTION], has(description) ? description : json_string_value(json_array_get(v[DC_TITLE], 0)));
	add_value(v[DC_PUBLISHER], metadata_site_owner(s));
	if (date)
		add_time(v[DC_DATE], date);
	add_value(v[DC_FORMAT], "text/html");
	add_value(v[DC_IDENTIFIER], url);
	add_value(v[DC_LANGUAGE], has(lang) ? lang : "vi");
	add_rights(v[DC_RIGHTS], s);
	return dc_pack(v);
}

json_t *metadata_dc_head(json_t *dc)
{
	json_t *out = json_array(), *e, *x;
	size_t i, j;
	struct sb b = SB_INIT;
	json_array_foreach(dc, i, e) {
		sb_reset(&b);
		json_array_foreach(json_object_get(e, "values"), j, x) {
			if (j)
				sb_adds(&b, "; ");
			sb_adds(&b, json_string_value(x));
		}
		json_array_append_new(out, json_pack("{sOss}", "name", json_object_get(e, "name"), "content", b.buf ? b.buf : ""));
	}
	sb_release(&b);
	return out;
}

/* ---- schema.org ---- */

/* schema.org's types that are not creative works (no author, dates of publication, language). */
static int is_work(const char *type)
{
	static const char *const things[] = { "GovernmentService", "Service", "Event", "GovernmentOrganization",
					       "Organization", "Person", "Place", "ItemList" };
	for (size_t i = 0; i < sizeof(things) / sizeof(things[0]); i++)
		if (strcmp(type, things[i]) == 0)
			return 0;
	return 1;
}

static void set_text(json_t *o, const char *key, const char *v)
{
	if (has(v))
		json_object_set_new(o, key, json_string(v));
}

static void set_time(json_t *o, const char *key, int64_t t)
{
	char buf[40];
	if (!t)
		return;
	time_format_iso(t, buf, sizeof(buf));
	json_object_set_new(o, key, json_string(buf));
}

json_t *metadata_ld_org(const struct meta_site *s, int full)
{
	json_t *o = json_pack("{ss}", "@type", "GovernmentOrganization");
	set_text(o, "name", metadata_site_owner(s));
	set_text(o, "url", s->url);
	if (!full)
		return o;
	if (has(s->owner) && has(s->name) && strcmp(s->owner, s->name) != 0)
		set_text(o, "alternateName", s->name);
	if (has(s->address))
		json_object_set_new(o, "address", json_pack("{ssssss}", "@type", "PostalAddress", "streetAddress",
							    s->address, "addressCountry", "VN"));
	set_text(o, "telephone", s->phone);
	set_text(o, "email", s->email);
	set_text(o, "faxNumber", s->fax);
	if (has(s->parent_name)) {
		json_t *p = json_pack("{ssss}", "@type", "GovernmentOrganization", "name", s->parent_name);
		set_text(p, "url", s->parent_url);
		json_object_set_new(o, "parentOrganization", p);
	}
	return o;
}

/* V (the value of K's field F) as a JSON-LD value: dates as stored, choices by their label in
 * MS's language, a list as an array (one value: itself), numbers as numbers; NULL when empty. */
static json_t *ld_value(const struct meta_site *ms, const struct kind *k, const struct kind_field *f, json_t *v)
{
	if (json_is_array(v)) {
		json_t *a = json_array(), *x;
		size_t i;
		json_array_foreach(v, i, x)
			if (has(json_string_value(x)))
				json_array_append_new(a, json_string(json_string_value(x)));
		if (json_array_size(a) == 1) {
			json_t *one = json_incref(json_array_get(a, 0));
			json_decref(a);
			return one;
		}
		if (!json_array_size(a)) {
			json_decref(a);
			return NULL;
		}
		return a;
	}
	if (json_is_integer(v))
		return json_integer(json_integer_value(v));
	const char *s = json_string_value(v);
	if (!has(s))
		return NULL;
	/* #16: a choice by its label in the page's language (the kinds' texts), as on the page */
	return json_string(f->type != F_ENUM ? s : ms && ms->texts && k ? kind_tr_choice(ms->texts, k, f, s)
									: kind_choice_label(f, s));
}

/* {"@type": P->wrap, <wrap_prop or "name">: V}, taking V. */
static json_t *ld_wrap(const struct kind_prop *p, json_t *v)
{
	json_t *o = json_pack("{ss}", "@type", p->wrap);
	json_object_set_new(o, p->wrap_prop ? p->wrap_prop : "name", v);
	return o;
}

/* Sets the properties P[0..NP) of O from OBJ (an item's fields or a table's row) whose fields
 * are F[0..NF). */
static void ld_props(json_t *o, const struct kind_prop *p, size_t np, json_t *obj, const struct kind_field *f,
		     size_t nf, const struct meta_site *ms, const struct kind *k)
{
	for (size_t i = 0; i < np; i++) {
		const struct kind_field *fd = NULL;
		for (size_t j = 0; j < nf && !fd; j++)
			if (strcmp(f[j].key, p[i].key) == 0)
				fd = &f[j];
		json_t *v = fd ? ld_value(ms, k, fd, json_object_get(obj, p[i].key)) : NULL;
		if (!v)
			continue;
		/* a date and its time of day: Vietnam time (the date alone when no time is given) */
		const char *hm = p[i].time_key ? json_string_value(json_object_get(obj, p[i].time_key)) : NULL;
		if (json_is_string(v) && hm && strlen(hm) == 5 && hm[2] == ':') {
			struct sb b = SB_INIT;
			sb_addf(&b, "%sT%s:00+07:00", json_string_value(v), hm);
			json_decref(v);
			v = json_string(b.buf);
			sb_release(&b);
		} else if (p[i].need_time) {
			json_decref(v);
			continue;
		}
		if (p[i].wrap && json_is_array(v)) {
			json_t *a = json_array(), *x;
			size_t j;
			json_array_foreach(v, j, x)
				json_array_append_new(a, ld_wrap(&p[i], json_incref(x)));
			json_decref(v);
			v = a;
		} else if (p[i].wrap) {
			v = ld_wrap(&p[i], v);
		}
		json_object_set_new(o, p[i].prop, v);
	}
}

json_t *metadata_ld(const struct meta_item *m, const struct meta_site *s)
{
	const struct kind *k = m->k;
	const struct kind_meta *km = k ? k->meta : NULL;
	const char *type = km && km->schema_type ? km->schema_type : "CreativeWork";
	const char *title = has(m->title) ? m->title : k ? k->label : "";
	int64_t modified = m->updated_at > m->published_at ? m->updated_at : m->published_at;
	json_t *o = json_pack("{ssss}", "@context", "https://schema.org", "@type", type);

	if (km && km->about_site) { /* the site's organisation, described by this page */
		json_t *org = metadata_ld_org(s, 1);
		json_object_del(org, "@type");
		json_object_update(o, org);
		json_decref(org);
		set_text(o, "description", m->summary);
		json_t *page = json_pack("{ss}", "@type", "WebPage");
		set_text(page, "url", m->url);
		set_text(page, "name", title);
		set_text(page, "description", m->summary);
		set_time(page, "datePublished", m->published_at);
		set_time(page, "dateModified", modified);
		set_text(page, "inLanguage", has(m->lang) ? m->lang : "vi");
		json_object_set_new(o, "mainEntityOfPage", page);
		return o;
	}
	set_text(o, "name", title);
	if (strstr(type, "Article"))
		set_text(o, "headline", title);
	set_text(o, "url", m->url);
	set_text(o, "description", m->summary);
	if (km)
		ld_props(o, km->props, km->nprops, m->fields, k->fields, k->nfields, s, k);
	if (!json_object_get(o, "identifier"))
		set_text(o, "identifier", m->ref);
	set_text(o, "image", m->image);
	if (is_work(type)) {
		set_time(o, "datePublished", m->published_at);
		set_time(o, "dateModified", modified);
		set_text(o, "inLanguage", has(m->lang) ? m->lang : "vi");
		if (strstr(type, "Article")) {
			json_object_set_new(o, "author", has(m->author)
								 ? json_pack("{ssss}", "@type", "Person", "name", m->author)
								 : metadata_ld_org(s, 0));
			set_text(o, "articleSection", m->category);
		} else if (km && km->creator) {
			json_t *names = json_array();
			add_field(names, kind_field(k, km->creator), m->fields, m, s);
			if (json_array_size(names) == 1) {
				const char *ct = km->creator_type ? km->creator_type : "GovernmentOrganization";
				json_object_set_new(o, "creator", json_pack("{ssss}", "@type", ct, "name",
									    json_string_value(json_array_get(names, 0))));
			}
			json_decref(names);
		}
		json_object_set_new(o, "publisher", metadata_ld_org(s, 0));
		json_t *site = json_pack("{ss}", "@type", "WebSite");
		set_text(site, "name", s->name);
		set_text(site, "url", s->url);
		json_object_set_new(o, "isPartOf", site);
	} else if (strcmp(type, "Person") == 0) {
		json_object_set_new(o, "worksFor", metadata_ld_org(s, 0));
	} else if (strcmp(type, "GovernmentOrganization") == 0) {
		json_object_set_new(o, "parentOrganization", metadata_ld_org(s, 0));
	}
	/* a table whose rows are things of their own (a week's entries: events) */
	const struct kind_field *rf = km && km->rows ? kind_field(k, km->rows) : NULL;
	json_t *rows = rf ? json_object_get(m->fields, rf->key) : NULL;
	if (rf && json_is_array(rows)) {
		json_t *list = json_array(), *row;
		size_t i;
		json_array_foreach(rows, i, row) {
			json_t *e = json_pack("{ss}", "@type", km->row_type);
			ld_props(e, km->row_props, km->nrow_props, row, rf->sub, rf->nsub, s, k);
			json_array_append_new(list, e);
		}
		if (strcmp(type, "ItemList") == 0)
			json_object_set_new(o, "numberOfItems", json_integer((json_int_t)json_array_size(list)));
		json_object_set_new(o, km->rows_prop, list);
	}
	return o;
}

/* ---- the export ---- */

int64_t metadata_each(struct db *db, int64_t site_id, int64_t offset, int64_t limit,
		      void (*fn)(struct meta_row *row, void *arg), void *arg)
{
	/* in the order of the site's index of publication (articles_public: site, state, publication,
	 * id), so that OFFSET is skipped in the index, as the sitemap's pages are */
	struct db_stmt *st = db_stmt(db, "SELECT a.id, a.kind, a.slug, a.title, a.summary, a.ref, a.lang, a.published_at,"
				       " a.updated_at, c.name, a.author, a.src_name, a.src_url, a.fields FROM items a"
				       " LEFT JOIN categories c ON c.id = a.category_id"
				       " WHERE a.site_id = ?1 AND a.state = 'published'"
				       " ORDER BY a.published_at, a.id LIMIT ?2 OFFSET ?3");
	if (!st)
		return -1;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, limit);
	db_bind_int(st, 3, offset);
	int64_t n = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		const char *ftext = db_col_text(st, 13);
		json_t *f = ftext ? json_loads(ftext, 0, NULL) : NULL;
		struct meta_row row = {
			.item = { .k = kind_find(db_col_text(st, 1)), .title = db_col_text(st, 3),
				  .summary = db_col_text(st, 4), .ref = db_col_text(st, 5), .lang = db_col_text(st, 6),
				  .published_at = db_col_int(st, 7), .updated_at = db_col_int(st, 8),
				  .category = db_col_text(st, 9), .author = db_col_text(st, 10),
				  .src_name = db_col_text(st, 11), .src_url = db_col_text(st, 12),
				  .fields = json_is_object(f) ? f : NULL },
			.id = db_col_int(st, 0),
			.slug = db_col_text(st, 2),
		};
		fn(&row, arg);
		json_decref(f);
		n++;
	}
	db_reset(st);
	return rc == DB_DONE ? n : -1;
}

int64_t metadata_count(struct db *db, int64_t site_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT coalesce(sum(published_count), 0) FROM categories WHERE site_id = ?1");
	if (!st)
		return -1;
	db_bind_int(st, 1, site_id);
	int64_t n = db_step(st) == DB_ROW ? db_col_int(st, 0) : -1;
	db_reset(st);
	return n;
}

int64_t metadata_site_lastmod(struct db *db, int64_t site_id)
{
	/* the newest end of the site's index of publication: one step into it */
	struct db_stmt *st = db_stmt(db, "SELECT max(a.published_at) FROM items a WHERE a.site_id = ?1 AND a.state = 'published'");
	int64_t t = 0;
	if (!st)
		return 0;
	db_bind_int(st, 1, site_id);
	if (db_step(st) == DB_ROW && !db_col_null(st, 0))
		t = db_col_int(st, 0);
	db_reset(st);
	if (t)
		return t;
	st = db_stmt(db, "SELECT created_at FROM sites WHERE id = ?1");
	if (!st)
		return 0;
	db_bind_int(st, 1, site_id);
	if (db_step(st) == DB_ROW)
		t = db_col_int(st, 0);
	db_reset(st);
	return t;
}
