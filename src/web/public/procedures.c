/* procedures.c — what an administrative procedure's public pages show beyond its descriptor
 * (kind "procedure", model/procedure.h; docs/procedures.md): the link to the national
 * public-service portal built from its code, its online service level, its steps as a list; on
 * the main portal's list of every site's procedures, a sentence saying so. Hooks of
 * kind_views.c; the page is templates/public/procedure.mustache, which extends public/item. */
#include "web/web.h"
#include "model/kind.h"
#include "model/procedure.h"

#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

void procedure_item_view(struct req *r, const struct kind *k, json_t *row, json_t *item, json_t *ctx)
{
	(void)ctx;
	json_t *f = json_object_get(item, "f");
	const char *code = json_string_value(json_object_get(f, "ma_thu_tuc"));
	const char *service = json_string_value(json_object_get(f, "muc_do_dvc"));
	const struct kind_field *sf = kind_field(k, "muc_do_dvc"), *tf = kind_field(k, "trinh_tu");
	json_t *online = json_object();
	char *url = procedure_portal_url(code);
	if (url)
		json_object_set_new(online, "portal_url", json_string(url));
	free(url);
	json_object_set_new(online, "code", json_string(code ? code : ""));
	json_object_set_new(online, "service_label", json_string(sf && service ? kind_tr_choice(req_texts(r), k, sf, service) : ""));
	json_object_set_new(online, "is_online", json_boolean(service && strcmp(service, "khong") != 0));
	json_object_set_new(item, "procedure", online);

	/* the steps, one a line, as an ordered list instead of a run of text among the fields */
	const char *steps = json_string_value(json_object_get(f, "trinh_tu"));
	json_t *list = json_array();
	for (const char *p = steps; p && *p;) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		while (n && (p[n - 1] == '\r' || p[n - 1] == ' '))
			n--;
		if (n)
			json_array_append_new(list, json_pack("{ss%}", "step", p, n));
		p = e ? e + 1 : p + n;
	}
	/* the print view (public/item_print) lists every field and has no block of its own: the
	 * steps stay among its fields there */
	size_t plen = strlen(r->path);
	int print = plen >= 7 && strcmp(r->path + plen - 7, "/ban-in") == 0;
	if (json_array_size(list) && tf && !print) {
		json_t *props = json_object_get(item, "fields"), *x;
		size_t i;
		json_array_foreach(props, i, x)
			if (strcmp(json_string_value(json_object_get(x, "label")), kind_tr_field(req_texts(r), k, tf, NULL)) == 0) {
				json_array_remove(props, i);
				break;
			}
		json_object_set_new(item, "steps_label", json_string(kind_tr_field(req_texts(r), k, tf, NULL)));
	}
	json_object_set_new(item, "steps", list);
	/* 0 working days: the same day */
	const struct kind_field *df = kind_field(k, "thoi_han");
	json_t *props = json_object_get(item, "fields"), *x;
	size_t i;
	json_array_foreach(props, i, x)
		if (df && strcmp(json_string_value(json_object_get(x, "label")), kind_tr_field(req_texts(r), k, df, NULL)) == 0 &&
		    strcmp(json_string_value(json_object_get(x, "text")), "0") == 0)
			json_object_set_new(x, "text", json_string(rtr(r, "proc_same_day")));
	(void)row;
}

void procedure_list_view(struct req *r, const struct kind *k, json_t *ctx)
{
	(void)k;
	json_t *list = json_object_get(ctx, "list");
	if (json_is_true(json_object_get(list, "province")))
		json_object_set_new(list, "intro", json_string(rtr(r, "proc_province_intro")));
	(void)r;
}
