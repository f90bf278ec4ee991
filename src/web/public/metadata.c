/* metadata.c — what every public page says about itself to machines (docs/metadata.md): Dublin
 * Core per TT 24/2011, Open Graph and schema.org JSON-LD in the layout's head, built by
 * model/metadata.c from the kind's descriptor; and the site's metadata export.
 * WEBPAGE: GET /sieu-du-lieu.csv   every published item of the site: one row of the 15 Dublin Core
 *                                  elements each; trang (page of 5,000, oldest first)
 * WEBPAGE: GET /sieu-du-lieu.xml   the same as XML (dc: elements, one per value); trang  */
#include "web/web.h"
#include "base/arena.h"
#include "base/sb.h"
#include "base/utf8.h"
#include "base/util.h"
#include "model/kind.h"
#include "model/metadata.h"
#include "report/table.h"

#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define EXPORT_PAGE 5000 /* items a page of the export: a few megabytes, kept by the page cache */

/* The site of the request as its metadata names it; *URL (the site's address) is the caller's
 * to free. CTX (web_public_ctx's, may be NULL) gives the main portal, the parent organisation of
 * a component site. */
static void site_of(struct req *r, json_t *ctx, struct meta_site *s, char **url)
{
	json_t *site = r->site, *main_site = ctx ? json_object_get(ctx, "main") : NULL;
	*url = web_site_url(r, site);
	*s = (struct meta_site){
		.name = json_string_value(json_object_get(site, "name")),
		.owner = json_string_value(json_object_get(site, "owner")),
		.url = *url,
		.address = json_string_value(json_object_get(site, "address")),
		.phone = json_string_value(json_object_get(site, "phone")),
		.email = json_string_value(json_object_get(site, "email")),
		.fax = json_string_value(json_object_get(site, "fax")),
		.texts = req_texts(r),
	};
	const char *kind = json_string_value(json_object_get(site, "kind"));
	if (main_site && kind && strcmp(kind, "main") != 0) {
		const char *owner = json_string_value(json_object_get(main_site, "owner"));
		s->parent_name = owner && *owner ? owner : json_string_value(json_object_get(main_site, "name"));
		s->parent_url = json_string_value(json_object_get(main_site, "url"));
	}
}

char *web_json_ld_text(json_t *ld)
{
	/* The block is HTML's script data, which ends at the first "</script" and changes state at
	 * "<!--": every '<' (and '>', '&' for good measure) is written as a JSON escape, which any
	 * JSON reader decodes back. They only occur inside strings, so the rewrite is textual. One
	 * member a line: no "}}" of nested objects in a page, where it would look like a template's
	 * tag left behind (the tests look for those). */
	char *text = json_dumps(ld, JSON_INDENT(1) | JSON_COMPACT);
	struct sb b = SB_INIT;
	for (const char *p = text ? text : "{}"; *p; p++) {
		if (*p == '<')
			sb_adds(&b, "\\u003c");
		else if (*p == '>')
			sb_adds(&b, "\\u003e");
		else if (*p == '&')
			sb_adds(&b, "\\u0026");
		else
			sb_addc(&b, *p);
	}
	json_free_str(text);
	return sb_detach(&b, NULL);
}

/* The og:locale of LANG: Facebook's language_TERRITORY. */
static const char *og_locale(const char *lang)
{
	if (lang && strcmp(lang, "en") == 0)
		return "en_US";
	if (lang && strcmp(lang, "km") == 0)
		return "km_KH";
	return "vi_VN";
}

static void og_add(json_t *og, const char *property, const char *content)
{
	if (content && *content)
		json_array_append_new(og, json_pack("{ssss}", "property", property, "content", content));
}

static void og_add_time(json_t *og, const char *property, int64_t t)
{
	char buf[40];
	time_format_iso(t, buf, sizeof(buf));
	og_add(og, property, buf);
}

/* When the site last published: kept with the connection until the database changes (every
 * page of the site asks). */
static int64_t site_lastmod(struct req *r)
{
	struct sb key = SB_INIT;
	web_fragment_prefix(r, &key, 'T');
	json_t *kept = web_kept_json(r, key.buf);
	int64_t t;
	if (kept) {
		t = json_integer_value(kept);
	} else {
		t = metadata_site_lastmod(r->db, json_integer_value(json_object_get(r->site, "id")));
		json_t *v = json_integer(t);
		web_keep_json(r, key.buf, v);
		json_decref(v);
	}
	sb_release(&key);
	return t;
}

void web_meta_set(json_t *ctx, json_t *meta)
{
	json_object_update(ctx, meta);
}

void web_meta_page(struct req *r, json_t *ctx, int home)
{
	struct meta_site s;
	char *url;
	site_of(r, ctx, &s, &url);
	const char *title = json_string_value(json_object_get(ctx, "page_title"));
	const char *canonical = json_string_value(json_object_get(ctx, "canonical_url"));
	const char *description = json_string_value(json_object_get(ctx, "meta_description"));
	const char *lang = json_string_value(json_object_get(ctx, "lang"));
	json_t *dc = metadata_dc_page(title, description, canonical, site_lastmod(r), lang, &s);
	json_t *og = json_array();
	og_add(og, "og:type", "website");
	og_add(og, "og:locale", og_locale(lang));
	/* the home page is the organisation's own; any other page one of its site's */
	json_t *ld;
	if (home) {
		json_t *org = metadata_ld_org(&s, 1);
		ld = json_pack("{ss}", "@context", "https://schema.org");
		json_object_update(ld, org);
		json_decref(org);
		if (description && *description)
			json_object_set_new(ld, "description", json_string(description));
	} else {
		ld = json_pack("{ssss}", "@context", "https://schema.org", "@type", "WebPage");
		json_object_set_new(ld, "name", json_string(title ? title : ""));
		json_object_set_new(ld, "url", json_string(canonical ? canonical : ""));
		json_object_set_new(ld, "inLanguage", json_string(lang && *lang ? lang : "vi"));
		json_object_set_new(ld, "isPartOf", json_pack("{ssssss}", "@type", "WebSite", "name", s.name ? s.name : "",
							       "url", url));
		json_object_set_new(ld, "publisher", metadata_ld_org(&s, 0));
	}
	char *text = web_json_ld_text(ld);
	json_object_set_new(ctx, "head_meta", metadata_dc_head(dc));
	json_object_set_new(ctx, "og", og);
	json_object_set_new(ctx, "json_ld", json_string(text));
	free(text);
	json_decref(ld);
	json_decref(dc);
	free(url);
}

json_t *web_meta_build(struct req *r, const struct meta_item *m, json_t *ctx, const char *image_alt)
{
	struct meta_site s;
	char *url;
	site_of(r, ctx, &s, &url);
	json_t *dc = metadata_dc(m, &s), *ld = metadata_ld(m, &s), *og = json_array();
	og_add(og, "og:type", "article");
	og_add(og, "og:locale", og_locale(m->lang));
	if (m->image) {
		og_add(og, "og:image", m->image);
		og_add(og, "og:image:alt", image_alt);
	}
	if (m->published_at)
		og_add_time(og, "article:published_time", m->published_at);
	if (m->updated_at > m->published_at)
		og_add_time(og, "article:modified_time", m->updated_at);
	og_add(og, "article:section", m->category && *m->category ? m->category : m->k ? kind_tr(req_texts(r), m->k, NULL) : NULL);
	char *text = web_json_ld_text(ld);
	json_t *out = json_pack("{sososs}", "head_meta", metadata_dc_head(dc), "og", og, "json_ld", text);
	free(text);
	json_decref(ld);
	json_decref(dc);
	free(url);
	return out;
}

json_t *web_meta_item(struct req *r, const struct kind *k, json_t *row, json_t *fields, json_t *ctx)
{
	struct meta_item m = {
		.k = k,
		.title = json_string_value(json_object_get(row, "title")),
		.summary = json_string_value(json_object_get(row, "summary")),
		.ref = json_string_value(json_object_get(row, "ref")),
		.lang = json_string_value(json_object_get(row, "lang")),
		.published_at = json_integer_value(json_object_get(row, "published_at")),
		.updated_at = json_integer_value(json_object_get(row, "updated_at")),
		.fields = fields,
		.url = json_string_value(json_object_get(ctx, "canonical_url")),
	};
	json_t *cats = web_categories(r);
	json_t *cat = category_in(cats, json_integer_value(json_object_get(row, "category_id")));
	m.category = cat ? json_string_value(json_object_get(cat, "name")) : NULL;
	/* the kind's picture, by its absolute address on the item's own site */
	const struct kind_field *img = k->meta && k->meta->image ? kind_field(k, k->meta->image) : NULL;
	json_t *iv = NULL;
	if (img) {
		char *site_url = web_site_url(r, r->site);
		iv = kind_value_view(r, json_integer_value(json_object_get(row, "site_id")), img,
				     json_object_get(fields, img->key), site_url);
		m.image = json_string_value(iv);
		free(site_url);
	}
	json_t *out = web_meta_build(r, &m, ctx, NULL);
	json_decref(iv);
	json_decref(cats);
	return out;
}

/* ---- the export ---- */

/* S (NULL: nothing) as XML 1.0 character data or attribute value: base/sb.h's escaper, which
 * also leaves out what XML 1.0 cannot carry, so that one stray character cannot make the whole
 * export unreadable. */
static void xml_text(struct sb *b, const char *s)
{
	if (s)
		sb_add_xml(b, s, strlen(s));
}

struct export_out {
	int xml;
	struct table *t;        /* CSV */
	struct sb *b;           /* XML */
	const struct meta_site *s;
	struct sb url;          /* scratch: an item's address */
	size_t site_len;        /* the site's address without its '/', at the start of URL */
};

static void export_row(struct meta_row *row, void *arg)
{
	struct export_out *o = arg;
	char *path = web_item_path(row->item.k ? row->item.k->name : "article", row->slug, row->id);
	sb_truncate(&o->url, o->site_len);
	/* an item in another language is at that language's address (docs/languages.md) */
	if (row->item.lang && *row->item.lang && strcmp(row->item.lang, "vi") != 0)
		sb_addf(&o->url, "/%s", row->item.lang);
	sb_adds(&o->url, path);
	free(path);
	row->item.url = o->url.buf;
	json_t *dc = metadata_dc(&row->item, o->s);
	if (o->xml) {
		sb_addf(o->b, "<record id=\"%lld\" kind=\"", (long long)row->id);
		xml_text(o->b, row->item.k ? row->item.k->name : "");
		sb_adds(o->b, "\">\n");
		size_t i, j;
		json_t *e, *v;
		json_array_foreach(dc, i, e) {
			const char *name = json_string_value(json_object_get(e, "name")) + 3; /* "DC." */
			json_array_foreach(json_object_get(e, "values"), j, v) {
				sb_addf(o->b, "  <dc:%s>", name);
				xml_text(o->b, json_string_value(v));
				sb_addf(o->b, "</dc:%s>\n", name);
			}
		}
		sb_adds(o->b, "</record>\n");
	} else {
		json_t *head = metadata_dc_head(dc);
		const char *cells[15] = { 0 };
		size_t i;
		json_t *e;
		json_array_foreach(head, i, e) {
			const char *name = json_string_value(json_object_get(e, "name"));
			for (size_t c = 0; c < 15; c++)
				if (strcmp(metadata_dc_names[c], name) == 0)
					cells[c] = json_string_value(json_object_get(e, "content"));
		}
		table_add_row(o->t, cells);
		json_decref(head);
	}
	json_decref(dc);
}

void page_metadata_export(struct req *r)
{
	size_t n = strlen(r->path);
	int xml = n > 4 && strcmp(r->path + n - 4, ".xml") == 0;
	int64_t site_id = json_integer_value(json_object_get(r->site, "id"));
	int64_t page = req_arg_int(r, "trang", 0, 1, INT64_MAX / EXPORT_PAGE);
	int64_t total = metadata_count(r->db, site_id);
	int64_t pages = total > 0 ? (total + EXPORT_PAGE - 1) / EXPORT_PAGE : 1;
	if (total < 0) {
		resp_error(r, 500, "server_error");
		return;
	}
	/* a page that is no page answers 404 (a missing or bad "trang" is the first) */
	if (req_arg(r, "trang") && (page < 1 || page > pages)) {
		resp_error(r, 404, "not_found");
		return;
	}
	if (page < 1)
		page = 1;
	struct meta_site s;
	char *site_url;
	site_of(r, NULL, &s, &site_url);
	struct table t;
	struct sb b = SB_INIT;
	struct export_out o = { .xml = xml, .t = &t, .b = &b, .s = &s, .url = SB_INIT };
	sb_adds(&o.url, site_url);
	o.site_len = o.url.len - 1;
	if (xml) {
		sb_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			    "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\" site=\"");
		xml_text(&b, s.name);
		sb_adds(&b, "\" url=\"");
		xml_text(&b, site_url);
		sb_addf(&b, "\" total=\"%lld\" page=\"%lld\" pages=\"%lld\"", (long long)total, (long long)page,
			(long long)pages);
		if (page < pages) {
			sb_adds(&b, " next=\"");
			xml_text(&b, site_url);
			sb_addf(&b, "sieu-du-lieu.xml?trang=%lld\"", (long long)page + 1);
		}
		sb_adds(&b, ">\n");
	} else {
		table_init(&t, "Siêu dữ liệu");
		for (size_t c = 0; c < 15; c++)
			table_add_column(&t, metadata_dc_names[c], TABLE_TEXT);
	}
	int64_t got = metadata_each(r->db, site_id, (page - 1) * EXPORT_PAGE, EXPORT_PAGE, export_row, &o);
	if (got < 0) {
		resp_error(r, 500, "server_error");
	} else if (xml) {
		sb_adds(&b, "</metadata>\n");
		resp_bytes(r, 200, "application/xml; charset=utf-8", b.buf, b.len);
	} else {
		table_write_csv(&t, &b);
		resp_bytes(r, 200, "text/csv; charset=utf-8", b.buf, b.len);
	}
	if (!xml)
		table_release(&t);
	sb_release(&o.url);
	sb_release(&b);
	free(site_url);
}
