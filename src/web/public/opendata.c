/* opendata.c — the site's open data (issue #16, docs/open-data.md): the kinds marked open data
 * (kind.open_data) as data sets, each with its description, its formats (the list's CSV and
 * JSON exports, the API), the licence, its number of records and its latest change.
 * WEBPAGE: GET /du-lieu-mo        the page
 * WEBPAGE: GET /du-lieu-mo.json   the same as a DCAT catalogue in JSON-LD
 * Both are cached like pages: any change of the site's items changes its generation. */
#include "web/web.h"
#include "base/arena.h"
#include "base/sb.h"
#include "base/util.h"
#include "model/item.h"
#include "model/kind.h"
#include "model/opendata.h"

#include <string.h>

#include "base/banned.h"

#define LICENCE_URL_DEFAULT "https://creativecommons.org/licenses/by/4.0/deed.vi"

/* One data set's facts: the records and latest change of what its list shows, so that the
 * numbers agree with its CSV (the main portal's list of a province-wide kind holds every
 * site's items: items.c, list_query_read). */
static json_t *dataset(struct req *r, const struct kind *k, const char *site_url)
{
	int64_t site_id = json_integer_value(json_object_get(r->site, "id"));
	if (k->province_list && strcmp(json_string_value(json_object_get(r->site, "kind")), "main") == 0)
		site_id = 0;
	int64_t total = 0, newest = 0;
	json_decref(item_list_ids(r->db, site_id, k->name, 0, NULL, 0, 1, 0, &total));
	if (opendata_newest(r->db, site_id, k->name, &newest))
		return NULL;
	char key[64], day[16], iso[40];
	snprintf(key, sizeof(key), "a11y_open_desc_%s", k->name);
	struct sb base = SB_INIT;
	sb_add(&base, site_url, strlen(site_url) - 1); /* without its "/" */
	json_t *d = json_pack("{sssssssIsb}", "name", k->name, "title", kind_tr(req_texts(r), k, NULL), "description", rtr(r, key), "records",
			      (json_int_t)total, "has_date", newest > 0);
	json_object_set_new(d, "page_url", json_sprintf("%s%s/%s", base.buf, req_lang_prefix(r), k->segment));
	json_object_set_new(d, "csv_url", json_sprintf("%s/%s.csv", base.buf, k->segment));
	json_object_set_new(d, "json_url", json_sprintf("%s/%s.json", base.buf, k->segment));
	json_object_set_new(d, "api_url", json_sprintf("%s/api/v1/%s", base.buf, k->name));
	if (newest > 0) {
		time_format_vn_date(newest, day, sizeof(day));
		time_format_iso(newest, iso, sizeof(iso));
		json_object_set_new(d, "modified", json_string(day));
		json_object_set_new(d, "modified_iso", json_string(iso));
	}
	sb_release(&base);
	return d;
}

/* The catalogue in DCAT terms (W3C Data Catalog Vocabulary), JSON-LD. */
static json_t *dcat(struct req *r, json_t *sets, const char *licence, const char *licence_url, const char *site_url)
{
	json_t *out = json_array();
	size_t i;
	json_t *d;
	json_array_foreach(sets, i, d) {
		json_t *dist = json_array();
		json_array_append_new(dist, json_pack("{sssssOss}", "@type", "dcat:Distribution", "dct:format", "CSV",
						      "dcat:downloadURL", json_object_get(d, "csv_url"), "dcat:mediaType",
						      "text/csv"));
		json_array_append_new(dist, json_pack("{sssssOss}", "@type", "dcat:Distribution", "dct:format", "JSON",
						      "dcat:downloadURL", json_object_get(d, "json_url"), "dcat:mediaType",
						      "application/json"));
		json_array_append_new(dist, json_pack("{sssssOss}", "@type", "dcat:Distribution", "dct:format", "API",
						      "dcat:accessURL", json_object_get(d, "api_url"), "dcat:mediaType",
						      "application/json"));
		json_t *o = json_pack("{sssOsOsOsOsIsoss}", "@type", "dcat:Dataset", "dct:identifier", json_object_get(d, "name"),
				      "dct:title", json_object_get(d, "title"), "dct:description", json_object_get(d, "description"),
				      "dcat:landingPage", json_object_get(d, "page_url"), "numberOfRecords",
				      (json_int_t)json_integer_value(json_object_get(d, "records")), "dcat:distribution", dist,
				      "dct:license", licence_url);
		if (json_object_get(d, "modified_iso"))
			json_object_set(o, "dct:modified", json_object_get(d, "modified_iso"));
		json_array_append_new(out, o);
	}
	return json_pack("{s{ssss}sssOs{sO}sssss{ssss}so}", "@context", "dcat", "http://www.w3.org/ns/dcat#", "dct",
			 "http://purl.org/dc/terms/", "@type", "dcat:Catalog", "dct:title", json_object_get(r->site, "name"),
			 "dct:publisher", "name", json_object_get(r->site, "owner"), "foaf:homepage", site_url, "dct:license",
			 licence_url, "dct:rights", "@type", "dct:LicenseDocument", "label", licence, "dcat:dataset", out);
}

void page_open_data(struct req *r)
{
	size_t n;
	const struct kind *const *ks = kind_all(&n);
	char *site_url = web_site_url(r, r->site);
	char *lic_name, *lic_url;
	opendata_licence(r->db, &lic_name, &lic_url);
	const char *licence = lic_name && *lic_name ? lic_name : rtr(r, "a11y_open_licence_default");
	const char *licence_url = lic_url && *lic_url ? lic_url : LICENCE_URL_DEFAULT;
	json_t *sets = json_array();
	for (size_t i = 0; i < n; i++) {
		if (!ks[i]->open_data)
			continue;
		json_t *d = dataset(r, ks[i], site_url);
		if (!d) {
			json_decref(sets);
			free(site_url);
			free(lic_name);
			free(lic_url);
			resp_error(r, 500, "error_500");
			return;
		}
		json_array_append_new(sets, d);
	}
	if (strcmp(r->path, "/du-lieu-mo.json") == 0) {
		json_t *cat = dcat(r, sets, licence, licence_url, site_url);
		char *text = json_dumps(cat, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
		resp_bytes(r, 200, "application/ld+json; charset=utf-8", text, strlen(text));
		json_free_str(text);
		json_decref(cat);
		json_decref(sets);
	} else {
		const char *title = rtr(r, "a11y_open_title");
		json_t *ctx = web_public_ctx(r, title, "/du-lieu-mo");
		web_crumb(ctx, title, NULL);
		json_object_set_new(ctx, "datasets", sets);
		json_object_set_new(ctx, "licence", json_pack("{ssss}", "name", licence, "url", licence_url));
		json_object_set_new(ctx, "catalog_url", json_sprintf("%s/du-lieu-mo.json", req_lang_prefix(r)));
		resp_render(r, 200, "public/open_data", ctx);
	}
	free(site_url);
	free(lic_name);
	free(lic_url);
}
