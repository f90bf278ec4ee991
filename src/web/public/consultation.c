/* consultation.c — what a consultation's page shows beyond its fields (docs/consultation.md):
 * whether it is open and how many calendar days are left, the close time, the comments published
 * so far grouped by article, the comment form while it is open (posting to /gui/gop-y with
 * muc=<item id>; without JavaScript the challenge's question is answered), and after closing
 * the board's summary (tổng hợp, tiếp thu, giải trình).
 * The page is never kept in the page cache: it carries the browser's form tokens and its count
 * of days changes by itself.
 * WEBPAGE: GET /quan-tri/du-thao/<id>/gop-y.csv, /quan-tri/du-thao/<id>/gop-y.xlsx   every comment
 *          received on consultation <id> grouped by article, for the summary (any role on the
 *          site; no personal data)
 * WEBPAGE: GET  /quan-tri/tiep-nhan/kiem-duyet   the site's moderation of comments (pre or post)
 * WEBPAGE: POST /quan-tri/tiep-nhan/kiem-duyet   kind, premoderate ("1" or absent): site admin */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"
#include "model/consultation.h"
#include "model/item.h"
#include "model/kind.h"
#include "model/ticket.h"
#include "report/table.h"
#include "vn/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

/* Plain text as paragraphs: [{text}] one per run of lines separated by an empty line. */
static json_t *paragraphs(const char *s)
{
	json_t *out = json_array();
	struct sb p = SB_INIT;
	for (const char *q = s ? s : ""; ; q++) {
		int end = !*q || (*q == '\n' && (q[1] == '\n' || (q[1] == '\r' && q[2] == '\n')));
		if (end) {
			if (p.len)
				json_array_append_new(out, json_pack("{ss}", "text", p.buf));
			sb_reset(&p);
			if (!*q)
				break;
			continue;
		}
		if (*q == '\r')
			continue;
		if (*q == '\n' && !p.len)
			continue;
		sb_addc(&p, *q);
	}
	sb_release(&p);
	return out;
}

void consultation_item_view(struct req *r, const struct kind *k, json_t *row, json_t *item, json_t *ctx)
{
	(void)k;
	resp_header(r, "Cache-Control", "no-store");
	json_t *f = item_row_fields(row);
	int64_t id = json_integer_value(json_object_get(row, "id"));
	struct consultation_time t;
	if (consultation_time_of(f, time_now(), &t))
		return;
	char open_day[11], close_text[48], id_text[24];
	vn_day_dmy(t.open_day, open_day);
	consultation_close_text(&t, close_text, sizeof(close_text));
	snprintf(id_text, sizeof(id_text), "%lld", (long long)id);
	json_t *arts = consultation_articles(json_string_value(json_object_get(row, "body")));
	int count = 0;
	json_t *groups = consultation_public_comments(r->db, id, arts, &count);
	json_t *c = json_pack("{sbsbsbsisbsssssssisbso}", "is_open", t.phase == CONSULT_OPEN, "not_yet",
			      t.phase == CONSULT_NOT_YET, "closed", t.phase == CONSULT_CLOSED, "days_left", t.days_left,
			      "last_day", t.days_left == 0, "open_day", open_day, "close_text", close_text, "item_id",
			      id_text, "comment_count", count, "has_comments", count > 0, "groups", groups);
	/* the summary: its own section after closing, not a line of the fields' list */
	const char *sum = kind_text(f, "tong_hop");
	json_t *sum_file = json_object_get(json_object_get(item, "f"), "tong_hop_tep");
	if (*sum)
		json_object_set_new(c, "summary_paras", paragraphs(sum));
	if (json_is_object(sum_file))
		json_object_set(c, "summary_file", sum_file);
	json_object_set_new(c, "has_summary", json_boolean(*sum || json_is_object(sum_file)));
	json_t *props = json_object_get(item, "fields"), *keep = json_array(), *p;
	size_t i;
	json_array_foreach(props, i, p) {
		const char *label = json_string_value(json_object_get(p, "label"));
		if (label && (strcmp(label, kind_field(k, "tong_hop")->label) == 0 ||
			      strcmp(label, kind_field(k, "tong_hop_tep")->label) == 0))
			continue;
		json_array_append(keep, p);
	}
	json_object_set_new(item, "fields", keep);

	const struct ticket_kind *tk = ticket_kind_find("comment");
	size_t plen = strlen(r->path);
	int print = plen > 7 && strcmp(r->path + plen - 7, "/ban-in") == 0; /* the print view has no form */
	/* an item this site lists from another: comments go to the site that consults, on its page */
	int64_t own = json_integer_value(json_object_get(row, "site_id"));
	if (t.phase == CONSULT_OPEN && own != json_integer_value(json_object_get(r->site, "id"))) {
		json_t *site = site_get_kept(r->db, own);
		if (site) {
			char *base = web_site_url(r, site), *path = web_item_path(k->name, json_string_value(json_object_get(row, "slug")), id);
			struct sb u = SB_INIT;
			sb_add(&u, base, strlen(base) - (base[0] && base[strlen(base) - 1] == '/'));
			sb_adds(&u, path);
			json_object_set_new(c, "elsewhere", json_pack("{sOss}", "site_name", json_object_get(site, "name"), "url", u.buf));
			sb_release(&u);
			free(base);
			free(path);
			json_decref(site);
		}
	} else if (t.phase == CONSULT_OPEN && tk && !print) {
		json_t *chal = web_challenge_view(r, ctx, tk->segment, NULL);
		if (chal) {
			json_t *errors = json_object(), *form = json_object();
			json_t *fields = kind_form_fields(r, tk->form, form, errors);
			/* the article as a choice of the draft's own articles, when it has some */
			json_t *fd;
			json_array_foreach(fields, i, fd) {
				if (strcmp(json_string_value(json_object_get(fd, "key")), "dieu") != 0 || !json_array_size(arts))
					continue;
				json_t *choices = json_array(), *a;
				size_t j;
				json_array_foreach(arts, j, a) {
					char key[16];
					snprintf(key, sizeof(key), "%lld", (long long)json_integer_value(json_object_get(a, "number")));
					json_array_append_new(choices, json_pack("{sssO}", "key", key, "label", json_object_get(a, "label")));
				}
				json_object_set_new(fd, "is_input", json_false());
				json_object_set_new(fd, "is_select", json_true());
				json_object_set_new(fd, "choices", choices);
				json_object_set_new(fd, "help", json_string(rtr(r, "consult_article_help")));
			}
			json_object_set_new(c, "form", json_pack("{sosOsssisb}", "fields", fields, "challenge", chal, "why",
								 tk->why, "bits", (int)json_integer_value(json_object_get(chal, "bits")),
								 "premoderated", ticket_premoderated(r->db, tk, json_integer_value(json_object_get(r->site, "id")))));
			json_decref(chal);
			json_decref(errors);
			json_decref(form);
		}
	}
	json_decref(arts);
	json_object_set_new(item, "consult", c);
}

/* ---- the staff's export ---- */

void admin_consultation_export(struct req *r)
{
	const char *id_s = r->captures[0];
	size_t plen = strlen(r->path);
	int xlsx = plen > 5 && strcmp(r->path + plen - 5, ".xlsx") == 0;
	char *end = NULL;
	long long id = strtoll(id_s, &end, 10);
	if (!end || *end || id <= 0) {
		resp_error(r, 404, "not_found");
		return;
	}
	struct table t;
	table_init(&t, rtr(r, "adm_mod_gop_y"));
	char title[400] = "";
	int rc = consultation_comments_table(r->db, &r->actor, json_integer_value(json_object_get(r->site, "id")), id, &t, title,
					     sizeof(title));
	if (rc != M_OK) {
		table_release(&t);
		resp_error(r, rc == M_DENIED ? 403 : rc == M_NOTFOUND ? 404 : 500,
			   rc == M_DENIED ? "forbidden" : rc == M_NOTFOUND ? "not_found" : "server_error");
		return;
	}
	char name[64];
	snprintf(name, sizeof(name), "gop-y-du-thao-%lld", id);
	resp_header(r, "Cache-Control", "no-store");
	web_send_table(r, &t, xlsx ? "xlsx" : "csv", name);
	table_release(&t);
}

/* ---- the site's moderation of comments (a moderated ticket kind: model/ticket.h) ---- */

static void moderation_render(struct req *r, int saved)
{
	/* the page is named after the kind of ticket it moderates, in the account's language */
	json_t *ctx = admin_ctx(r, ticket_kind_text(req_texts(r), ticket_kind_find("comment")));
	json_t *kinds = json_array();
	size_t n;
	const struct ticket_kind *const *all = ticket_kinds(&n);
	for (size_t i = 0; i < n; i++)
		if (all[i]->moderated)
			json_array_append_new(kinds, json_pack("{sssssb}", "kind", all[i]->name, "label", ticket_kind_text(req_texts(r), all[i]), "premoderate",
							      ticket_premoderated(r->db, all[i], json_integer_value(json_object_get(r->site, "id")))));
	json_object_set_new(ctx, "kinds", kinds);
	json_t *list = consultation_staff_list(r->db, &r->actor, json_integer_value(json_object_get(r->site, "id")));
	json_object_set_new(ctx, "consultations", list ? list : json_array());
	json_object_set_new(ctx, "has_consultations", json_boolean(json_array_size(list) > 0));
	json_object_set_new(ctx, "saved", json_boolean(saved));
	resp_render(r, 200, "admin/moderation", ctx);
}

void admin_moderation(struct req *r)
{
	moderation_render(r, req_arg(r, "da-luu") != NULL);
}

void admin_moderation_save(struct req *r)
{
	const char *kind = req_form(r, "kind");
	int rc = ticket_premoderation_set(r->db, &r->actor, json_integer_value(json_object_get(r->site, "id")), kind ? kind : "",
					  req_form(r, "premoderate") != NULL);
	if (rc == M_OK)
		resp_redirect(r, 303, "/quan-tri/tiep-nhan/kiem-duyet?da-luu=1");
	else
		resp_error(r, rc == M_DENIED ? 403 : rc == M_NOTFOUND ? 404 : 500,
			   rc == M_DENIED ? "forbidden" : rc == M_NOTFOUND ? "not_found" : "server_error");
}
