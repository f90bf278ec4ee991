/* directory.c — the organisation's structure, its officials and the contact page (docs/directory.md).
 * WEBPAGE: GET /co-cau-to-chuc          the tree of units (nested lists), each linked to its page
 * WEBPAGE: GET /nguoi-phat-ngon         the press spokespeople (VP Đ5.9)
 * WEBPAGE: GET /lien-he                 the site's contacts: the site, its units, spokespeople, officials
 * WEBPAGE: GET /can-bo/<slug>-<id>.vcf  an official as a vCard 4.0 (RFC 6350)
 * A unit's and an official's own page are the generic item pages (/co-cau-to-chuc/<slug>-<id>,
 * /can-bo/<slug>-<id>) with what their kind's views add. A mobile number is personal data: it
 * appears only when its owner agreed ("cong_khai_di_dong"), never in exports. */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"
#include "model/directory.h"
#include "model/item.h"
#include "model/kind.h"
#include "render/vcard.h"

#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define TREE_DEPTH_MAX 30

/* The view of the nested lists of the tree (partials/unit_tree): each unit's link, its head and
 * phone, and its children as "units"; every key set at every level, since a template lookup
 * falls back to the enclosing unit's. Counts the units in *N. */
static json_t *tree_view(json_t *nodes, int depth, size_t *n)
{
	json_t *out = json_array();
	size_t i;
	json_t *nd;
	if (depth > TREE_DEPTH_MAX)
		return out;
	json_array_foreach(nodes, i, nd) {
		json_t *f = json_object_get(nd, "f");
		const char *head = kind_text(f, "thu_truong"), *phone = kind_text(f, "dien_thoai");
		char *u = web_item_path("unit", kind_text(nd, "slug"), json_integer_value(json_object_get(nd, "id")));
		json_t *children = json_object_get(nd, "children");
		json_array_append_new(out, json_pack("{sssssssssbsbsbsbso}", "url", u, "name", kind_text(nd, "title"), "head", head,
						     "phone", phone, "has_meta", *head || *phone, "head_and_phone", *head && *phone,
						     "root", 0, "has_children", json_array_size(children) > 0 && depth < TREE_DEPTH_MAX,
						     "units", tree_view(children, depth + 1, n)));
		free(u);
		(*n)++;
	}
	return out;
}

static json_t *tree_kept(struct req *r, int64_t site_id, json_t **names, json_t **subs);

void page_unit_tree(struct req *r)
{
	if (web_lang_page(r)) { /* "/en/co-cau-to-chuc": the units translated (public/lang.c) */
		const struct kind *k = kind_find("unit");
		web_lang_list(r, k, 0, rtr(r, "units_title"), "/co-cau-to-chuc");
		return;
	}
	json_int_t site_id = json_integer_value(json_object_get(r->site, "id"));
	/* the tree's HTML and its count, kept with the connection until the database changes; a new
	 * reference, as a fragment put later in the request may start the memo again */
	struct sb key = SB_INIT;
	web_fragment_prefix(r, &key, 'D');
	sb_addf(&key, "html|%lld", (long long)site_id);
	json_t *kept = web_kept_json(r, key.buf);
	if (kept) {
		json_incref(kept);
	} else {
		json_t *names, *tree = tree_kept(r, site_id, &names, NULL);
		size_t n = 0;
		json_t *units = tree_view(tree, 0, &n);
		struct sb b = SB_INIT;
		if (n) {
			json_t *view = json_pack("{sbsO}", "root", 1, "units", units);
			web_render_part(r, "partials/unit_tree", view, &b);
			json_decref(view);
		}
		/* rendered from checked text: valid UTF-8, not checked again */
		kept = json_pack("{sIso}", "n", (json_int_t)n, "html", json_stringn_nocheck(b.buf ? b.buf : "", b.len));
		web_keep_json(r, key.buf, kept);
		sb_release(&b);
		json_decref(units);
		json_decref(names);
		json_decref(tree);
	}
	sb_release(&key);
	json_int_t n = json_integer_value(json_object_get(kept, "n"));
	json_t *ctx = web_public_ctx(r, rtr(r, "units_title"), "/co-cau-to-chuc");
	web_crumb(ctx, rtr(r, "units_title"), NULL);
	json_t *view = json_pack("{sIsbsO}", "n", n, "has_units", n > 0, "tree_html", json_object_get(kept, "html"));
	json_object_set_new(ctx, "directory", view);
	json_decref(kept);
	resp_render(r, 200, "public/unit_tree", ctx);
}

/* An official as the pages show them: {name, url, vcf_url, title, unit, phone, mobile (only when
 * public), email, spokesperson}. */
json_t *directory_official_view(json_t *row)
{
	json_t *f = json_object_get(row, "f");
	char *u = web_item_path("official", kind_text(row, "slug"), json_integer_value(json_object_get(row, "id")));
	struct sb v = SB_INIT;
	sb_addf(&v, "%s.vcf", u);
	json_t *o = json_pack("{sssssssssssssb}", "name", kind_text(row, "title"), "url", u, "vcf_url", v.buf, "title",
			      kind_text(f, "chuc_vu"), "phone", kind_text(f, "dien_thoai"), "email", kind_text(f, "email"), "spokesperson",
			      strcmp(kind_text(f, "phat_ngon"), "co") == 0);
	const char *unit = json_string_value(json_array_get(json_object_get(f, "don_vi"), 0));
	json_object_set_new(o, "unit", json_string(unit ? unit : ""));
	/* always present (else a template lookup would find another "mobile" up the context) */
	json_object_set_new(o, "mobile", json_string(official_mobile_public(f) ? kind_text(f, "di_dong") : ""));
	free(u);
	sb_release(&v);
	return o;
}

/* The officials' rows as views, their unit named by the unit's title where the tree knows it. */
static json_t *officials_view(json_t *rows, json_t *unit_names)
{
	json_t *out = json_array();
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		json_t *o = directory_official_view(row);
		const char *code = kind_text(o, "unit");
		json_t *name = *code ? json_object_get(unit_names, code) : NULL;
		if (name)
			json_object_set(o, "unit", name);
		json_array_append_new(out, o);
	}
	return out;
}

/* Code (as written, and as the tree keys it) → title of every unit in NODES; in SUBS, id → the
 * sub-units of each unit that has some, as its page lists them ([{name, url}]). */
static void unit_names(json_t *nodes, json_t *out, json_t *subs, int depth)
{
	size_t i, j;
	json_t *n, *c;
	if (depth > TREE_DEPTH_MAX)
		return;
	json_array_foreach(nodes, i, n) {
		json_t *list = json_array();
		json_array_foreach(json_object_get(n, "children"), j, c) {
			char *u = web_item_path("unit", kind_text(c, "slug"), json_integer_value(json_object_get(c, "id")));
			json_array_append_new(list, json_pack("{ssss}", "name", kind_text(c, "title"), "url", u));
			free(u);
		}
		char id[24];
		snprintf(id, sizeof(id), "%lld", (long long)json_integer_value(json_object_get(n, "id")));
		if (json_array_size(list))
			json_object_set(subs, id, list);
		json_decref(list);
		if (*kind_text(n, "ref"))
			json_object_set(out, kind_text(n, "ref"), json_object_get(n, "title"));
		unit_names(json_object_get(n, "children"), out, subs, depth + 1);
	}
}

/* The site's tree of units, their names by code and each one's sub-units by id (SUBS, when not
 * NULL; unit_names), kept with the connection until the database changes (every unit's page
 * wants them; building them parses every unit): new references to shared values, never to be
 * changed. */
static json_t *tree_kept(struct req *r, int64_t site_id, json_t **names, json_t **subs)
{
	struct sb key = SB_INIT;
	web_fragment_prefix(r, &key, 'D');
	sb_addf(&key, "%lld", (long long)site_id);
	json_t *kept = web_kept_json(r, key.buf);
	if (!kept) {
		json_t *tree = directory_tree(r->db, site_id), *nm = json_object(), *sub = json_object();
		unit_names(tree, nm, sub, 0);
		json_t *both = json_pack("{sososo}", "tree", tree ? tree : json_array(), "names", nm, "subs", sub);
		web_keep_json(r, key.buf, both);
		json_decref(both);
		kept = web_kept_json(r, key.buf);
	}
	sb_release(&key);
	*names = json_incref(json_object_get(kept, "names"));
	if (subs)
		*subs = json_incref(json_object_get(kept, "subs"));
	return json_incref(json_object_get(kept, "tree"));
}

void page_spokespeople(struct req *r)
{
	if (web_lang_page(r)) { /* "/en/nguoi-phat-ngon": the officials translated (public/lang.c) */
		const struct kind *k = kind_find("official");
		web_lang_list(r, k, 0, rtr(r, "contact_spokespeople"), "/nguoi-phat-ngon");
		return;
	}
	json_int_t site_id = json_integer_value(json_object_get(r->site, "id"));
	json_t *names, *rows = directory_officials(r->db, site_id, -1), *tree = tree_kept(r, site_id, &names, NULL);
	json_t *ctx = web_public_ctx(r, rtr(r, "contact_spokespeople"), "/nguoi-phat-ngon");
	web_crumb(ctx, rtr(r, "contact_spokespeople"), NULL);
	json_t *list = officials_view(rows, names);
	json_object_set_new(ctx, "directory", json_pack("{sosb}", "officials", list, "has_officials", json_array_size(list) > 0));
	json_decref(rows);
	json_decref(tree);
	json_decref(names);
	resp_render(r, 200, "public/spokespeople", ctx);
}

/* Flattens the tree into [{name, url, address, phone, email, head, depth}] in tree order. */
static void units_flat(json_t *nodes, int depth, json_t *out)
{
	size_t i;
	json_t *n;
	json_array_foreach(nodes, i, n) {
		json_t *f = json_object_get(n, "f");
		char *u = web_item_path("unit", kind_text(n, "slug"), json_integer_value(json_object_get(n, "id")));
		json_array_append_new(out, json_pack("{sssssssssssssi}", "name", kind_text(n, "title"), "url", u, "address",
						     kind_text(f, "dia_chi"), "phone", kind_text(f, "dien_thoai"), "email", kind_text(f, "email"),
						     "head", kind_text(f, "thu_truong"), "depth", depth));
		free(u);
		units_flat(json_object_get(n, "children"), depth + 1, out);
	}
}

void page_contact(struct req *r)
{
	json_int_t site_id = json_integer_value(json_object_get(r->site, "id"));
	/* the page's content, kept with the connection until the database changes (the site's
	 * details, its units and officials are all rows of it) */
	struct sb key = SB_INIT;
	web_fragment_prefix(r, &key, 'D');
	sb_addf(&key, "contact|%lld", (long long)site_id);
	json_t *kept = web_kept_json(r, key.buf); /* a new reference: see page_unit_tree */
	if (kept) {
		json_incref(kept);
	} else {
		struct sb html = SB_INIT;
		json_t *names, *tree = tree_kept(r, site_id, &names, NULL);
		json_t *all = directory_officials(r->db, site_id, 0), *spk = directory_officials(r->db, site_id, -1);
		json_t *units = json_array();
		units_flat(tree, 0, units);
		json_t *officials = officials_view(all, names), *spokes = officials_view(spk, names);
		json_t *view = json_pack("{sOsOsOsOsO}", "name", json_object_get(r->site, "name"), "owner",
					 json_object_get(r->site, "owner"), "address", json_object_get(r->site, "address"), "phone",
					 json_object_get(r->site, "phone"), "email", json_object_get(r->site, "email"));
		json_object_set(view, "fax", json_object_get(r->site, "fax"));
		json_object_set(view, "responsible", json_object_get(r->site, "responsible"));
		json_object_set_new(view, "has_units", json_boolean(json_array_size(units) > 0));
		json_object_set_new(view, "units", units);
		json_object_set_new(view, "has_officials", json_boolean(json_array_size(officials) > 0));
		json_object_set_new(view, "officials", officials);
		json_object_set_new(view, "has_spokespeople", json_boolean(json_array_size(spokes) > 0));
		json_object_set_new(view, "spokespeople", spokes);
		/* on "/en/lien-he" the units are as entered, in Vietnamese: said so (#16); the site's
		 * own lines are in the language when the board gave them (site_in_lang), and the
		 * Vietnamese ones are named in "vi" */
		if (web_lang_page(r)) {
			json_object_set_new(view, "content_lang", json_string("vi"));
			json_object_set(view, "vi", json_object_get(r->site, "vi"));
		}
		web_render_part(r, "public/contact_body", view, &html);
		/* rendered from checked text: valid UTF-8, not checked again */
		kept = json_stringn_nocheck(html.buf ? html.buf : "", html.len);
		web_keep_json(r, key.buf, kept);
		sb_release(&html);
		json_decref(view);
		json_decref(tree);
		json_decref(names);
		json_decref(all);
		json_decref(spk);
	}
	sb_release(&key);
	json_t *ctx = web_public_ctx(r, rtr(r, "contact_title"), "/lien-he");
	web_crumb(ctx, rtr(r, "contact_title"), NULL);
	json_object_set_new(ctx, "contact", json_pack("{so}", "contact_html", kept));
	resp_render(r, 200, "public/contact", ctx);
}

/* /can-bo/<slug>-<id>.vcf */
static void official_vcard(struct req *r, const char *slug_id)
{
	json_int_t site_id = json_integer_value(json_object_get(r->site, "id"));
	char base[300];
	snprintf(base, sizeof(base), "%.*s", (int)(strlen(slug_id) - 4), slug_id); /* without ".vcf" */
	int64_t id = strlen(slug_id) - 4 < sizeof(base) ? web_slug_id(base, NULL) : 0;
	json_t *row = id > 0 ? item_get_public(r->db, site_id, "official", id) : NULL;
	if (!row) {
		resp_error(r, 404, "item_not_found");
		return;
	}
	json_t *f = json_object_get(row, "f");
	char *path = web_item_path("official", kind_text(row, "slug"), id);
	struct sb want = SB_INIT;
	sb_addf(&want, "%s.vcf", path);
	if (strcmp(want.buf, r->path) != 0) {
		resp_redirect(r, 301, want.buf);
		goto out;
	}
	struct sb v = SB_INIT, url = SB_INIT;
	web_add_site_url(&url, r, r->site);
	sb_truncate(&url, url.len - 1);
	if (r->lang[0]) /* "/en/can-bo/….vcf": the card of the English page (#16) */
		sb_addf(&url, "/%s", r->lang);
	sb_adds(&url, path);
	sb_adds(&v, "BEGIN:VCARD\r\nVERSION:4.0\r\n");
	vcard_raw(&v, "KIND", "individual");
	vcard_text(&v, "FN", kind_text(row, "title"));
	char *n[3];
	vcard_name_parts(kind_text(row, "title"), n);
	const char *parts[5] = { n[0], n[1], n[2], "", "" };
	vcard_struct(&v, "N", parts, 5);
	for (int i = 0; i < 3; i++)
		free(n[i]);
	vcard_text(&v, "TITLE", kind_text(f, "chuc_vu"));
	/* ORG: the site, then the unit when it is known */
	json_t *links = item_links_from(r->db, id);
	const char *unit = NULL;
	size_t i;
	json_t *l;
	json_array_foreach(links, i, l)
		if (strcmp(kind_text(l, "relation"), "don_vi") == 0 && json_is_string(json_object_get(l, "to_title")))
			unit = kind_text(l, "to_title");
	const char *org[2] = { kind_text(r->site, "name"), unit };
	vcard_struct(&v, "ORG", org, unit ? 2 : 1);
	vcard_text(&v, "TEL;TYPE=work,voice", kind_text(f, "dien_thoai"));
	if (official_mobile_public(f))
		vcard_text(&v, "TEL;TYPE=cell,voice", kind_text(f, "di_dong"));
	vcard_text(&v, "EMAIL;TYPE=work", kind_text(f, "email"));
	if (strcmp(kind_text(f, "phat_ngon"), "co") == 0)
		vcard_text(&v, "NOTE", rtr(r, "official_spokesperson"));
	/* the photo by its absolute address (a file of the library, as the exports write it) */
	const struct kind_field *pf = kind_field(kind_find("official"), "anh");
	char *site_url = web_site_url(r, r->site);
	json_t *photo = pf ? kind_value_view(r, site_id, pf, json_object_get(f, "anh"), site_url) : NULL;
	if (json_is_string(photo))
		vcard_raw(&v, "PHOTO", json_string_value(photo));
	json_decref(photo);
	free(site_url);
	vcard_raw(&v, "URL", url.buf);
	vcard_raw(&v, "UID", url.buf);
	sb_adds(&v, "END:VCARD\r\n");
	struct sb disp = SB_INIT;
	sb_addf(&disp, "attachment; filename=\"can-bo-%lld.vcf\"", (long long)id);
	resp_header(r, "Content-Disposition", disp.buf);
	resp_bytes(r, 200, "text/vcard; charset=utf-8", v.buf, v.len);
	sb_release(&disp);
	sb_release(&v);
	sb_release(&url);
	json_decref(links);
out:
	sb_release(&want);
	free(path);
	json_decref(row);
}

void page_official(struct req *r)
{
	const char *s = r->captures[0];
	size_t n = strlen(s);
	if (n > 4 && strcmp(s + n - 4, ".vcf") == 0) {
		official_vcard(r, s);
		return;
	}
	/* the item's generic page: its segment and slug as the generic route captures them */
	r->captures[1] = r->captures[0];
	r->captures[0] = "can-bo";
	page_item(r);
}

/* A unit's page: its sub-units (from the tree) and its officials, each with contacts and vCard. */
void unit_item_view(struct req *r, const struct kind *k, json_t *row, json_t *item, json_t *ctx)
{
	(void)k;
	(void)ctx;
	json_int_t site_id = json_integer_value(json_object_get(r->site, "id"));
	int64_t id = json_integer_value(json_object_get(row, "id"));
	json_t *names, *all_subs, *tree = tree_kept(r, site_id, &names, &all_subs);
	char key[24];
	snprintf(key, sizeof(key), "%lld", (long long)id);
	json_t *subs = json_object_get(all_subs, key);
	json_object_set_new(item, "sub_units", subs ? json_incref(subs) : json_array());
	json_object_set_new(item, "has_sub_units", json_boolean(json_array_size(subs) > 0));
	json_decref(all_subs);
	json_t *rows = directory_officials(r->db, site_id, id);
	json_t *officials = officials_view(rows, names);
	json_object_set_new(item, "has_officials", json_boolean(json_array_size(officials) > 0));
	json_object_set_new(item, "officials", officials);
	json_decref(rows);
	json_decref(names);
	json_decref(tree);
}

/* An official's page: the contacts (the mobile only when public), the photo, the vCard link. */
void official_item_view(struct req *r, const struct kind *k, json_t *row, json_t *item, json_t *ctx)
{
	(void)ctx;
	json_t *o = directory_official_view(row);
	json_t *f = json_object_get(item, "f");
	json_t *photo = json_object_get(f, "anh");
	if (json_is_object(photo) && json_is_true(json_object_get(photo, "is_image")))
		json_object_set(o, "photo", photo);
	/* the unit by its name, linked, when it is published */
	json_t *links = item_links_from(r->db, json_integer_value(json_object_get(row, "id")));
	size_t i;
	json_t *l;
	json_array_foreach(links, i, l)
		if (strcmp(kind_text(l, "relation"), "don_vi") == 0 && json_is_integer(json_object_get(l, "to_id"))) {
			char *u = web_item_path("unit", kind_text(l, "to_slug"), json_integer_value(json_object_get(l, "to_id")));
			json_object_set_new(o, "unit", json_string(kind_text(l, "to_title")));
			json_object_set_new(o, "unit_url", json_string(u));
			free(u);
		}
	json_decref(links);
	(void)k;
	json_object_set_new(item, "official", o);
}
