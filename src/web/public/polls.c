/* polls.c — the satisfaction rating of the portal and the polls' pages (model/rating.h,
 * model/poll.h; docs/ratings-polls.md).
 * WEBPAGE: GET  /danh-gia              the rating form: four criteria 1 to 5 (radio groups in
 *                                      fieldsets), an optional comment, the challenge; ?da-gui=1
 *                                      (recorded) or 2 (replaced this month's) thanks the reader
 * WEBPAGE: POST /danh-gia              csrf, giao_dien, noi_dung, chat_luong, ho_tro (1..5), y_kien,
 *                                      challenge, pow, challenge_answer, website (honeypot); 303 to
 *                                      /danh-gia?da-gui=…, or the form again (422) with the messages
 *                                      next to the fields and what was chosen
 * WEBPAGE: POST /tham-do/<slug>-<id>   csrf, lua_chon (the choice's number), the challenge: one vote of
 *                                      the browser; 303 to the poll's page, or the page again (422)
 *                                      with the message (closed: its close time)
 * The poll's page itself is the kind's item page (web/public/items.c) with poll_item_view: the
 * form while it is open (then never kept in the page cache: it carries the browser's tokens, and
 * its results change with every vote), the results as a chart and a table when the board's rule
 * shows them. A closed poll's page is the same for everyone and kept in the cache: no vote
 * changes it any more. */
#include "web/web.h"
#include "base/util.h"
#include "base/log.h"
#include "base/arena.h"
#include "model/poll.h"
#include "model/rating.h"
#include "model/item.h"
#include "model/kind.h"
#include "report/chart.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static int64_t site_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

static const char *user_agent(struct req *r)
{
	return req_header(r, "User-Agent");
}

/* ---- polls ---- */

/* A vote's outcome when the page is shown again for it (page_poll_vote → page_item → the hook):
 * one request at a time per thread, set and cleared around the call. */
struct poll_post {
	const struct errs *e;
	const char *choice;
};
static __thread const struct poll_post *poll_post;

/* The results as a bar chart (report/chart.h); "" when it cannot be drawn. */
static json_t *results_chart(struct req *r, json_t *v, int64_t id)
{
	json_t *res = json_object_get(v, "results"), *x;
	size_t n = json_array_size(res), i;
	const char **cat = xcalloc(n ? n : 1, sizeof(*cat));
	int64_t *val = xcalloc(n ? n : 1, sizeof(*val));
	json_array_foreach(res, i, x) {
		cat[i] = json_string_value(json_object_get(x, "label"));
		val[i] = json_integer_value(json_object_get(x, "votes"));
	}
	const char *const series[] = { rtr(r, "poll_col_votes") };
	char cid[40];
	snprintf(cid, sizeof(cid), "tham-do-%lld", (long long)id);
	struct chart_hbar c = { .id = cid, .title = rtr(r, "poll_chart_title"), .desc = rtr(r, "poll_chart_desc"),
				.no_data = rtr(r, "poll_no_choices"), .aSeries = series, .nSeries = 1, .aCategory = cat,
				.nCategory = n, .aValue = val };
	struct sb svg = SB_INIT;
	json_t *out = chart_hbar_svg(&c, &svg) == 0 && svg.buf ? json_stringn_nocheck(svg.buf, svg.len) : json_string("");
	sb_release(&svg);
	free(cat);
	free(val);
	return out;
}

void poll_item_view(struct req *r, const struct kind *k, json_t *row, json_t *item, json_t *ctx)
{
	(void)k;
	size_t plen = strlen(r->path);
	int print = plen > 7 && strcmp(r->path + plen - 7, "/ban-in") == 0;
	int64_t id = json_integer_value(json_object_get(item, "id"));
	json_t *v = poll_view(r->db, id, json_object_get(row, "f"), r->address, user_agent(r), time_now());
	if (!v)
		return;
	int closed = json_is_true(json_object_get(v, "is_closed"));
	/* the choices show as the form's and the results' rows, not as a table of the item (the
	 * print view, which has neither, keeps the table) */
	if (!print)
		json_object_del(item, "tables");
	if (json_is_true(json_object_get(v, "show_results")))
		json_object_set_new(v, "chart_svg", results_chart(r, v, id));
	const struct poll_post *pp = poll_post;
	if (pp) {
		json_t *tmp = json_object();
		admin_errors(r, tmp, pp->e);
		json_object_set(v, "errors", json_object_get(tmp, "errors"));
		json_decref(tmp);
		json_t *c;
		size_t i;
		json_array_foreach(json_object_get(v, "choices"), i, c) {
			char n[24];
			snprintf(n, sizeof(n), "%zu", i);
			if (pp->choice && strcmp(pp->choice, n) == 0)
				json_object_set_new(c, "checked", json_true());
		}
	}
	if (!closed)
		resp_header(r, "Cache-Control", "no-store"); /* the browser's own page: its vote, its tokens */
	if (!closed && !print) {
		if (json_is_true(json_object_get(v, "is_open")) && !json_is_true(json_object_get(v, "voted"))) {
			const char *cerr = pp ? json_string_value(json_object_get(json_object_get(v, "errors"), "challenge")) : NULL;
			json_t *chal = web_challenge_view(r, ctx, "tham-do", cerr);
			if (chal) {
				json_object_set_new(v, "challenge", chal);
				json_object_set_new(v, "form", json_true());
			}
		}
	}
	json_object_set_new(ctx, "poll", v);
}

void page_poll_vote(struct req *r)
{
	const struct kind *k = kind_find("poll");
	int64_t id = web_slug_id(r->captures[0], NULL), now = time_now();
	json_t *row = k && id > 0 ? item_get_public(r->db, site_of(r), k->name, id) : NULL;
	if (!row) {
		resp_error(r, 404, "item_not_found");
		return;
	}
	int phase = poll_phase(json_object_get(row, "f"), now, NULL, NULL);
	json_decref(row);
	struct errs e = { 0 };
	const char *choice = req_form(r, "lua_chon");
	int rc = M_INVALID;
	/* a closed (or not yet open) poll says so whatever the challenge */
	if (phase != 0 || web_challenge_check(r, "tham-do", &e) == 0)
		rc = poll_vote(r->db, site_of(r), id, choice, r->address, user_agent(r), req_form(r, "challenge"), now, &e);
	if (rc == M_OK) {
		resp_redirect(r, 303, r->path);
		return;
	}
	if (rc == M_NOTFOUND) {
		resp_error(r, 404, "item_not_found");
		return;
	}
	if (rc == M_ERROR) {
		resp_error(r, 500, "server_error");
		return;
	}
	/* the poll's page again, with the message and the choice kept */
	struct poll_post pp = { &e, choice };
	poll_post = &pp;
	r->captures[1] = r->captures[0];
	r->captures[0] = k->segment;
	page_item(r);
	poll_post = NULL;
	if (r->status == 200)
		r->status = 422;
}

/* ---- the satisfaction rating ---- */

/* keys of texts */
static const char *const score_labels[] = { "rating_score_1", "rating_score_2", "rating_score_3", "rating_score_4",
					    "rating_score_5" };

static void render_rating(struct req *r, int status, const struct errs *e, const char *const *chosen,
			  const char *comment)
{
	json_t *ctx = web_public_ctx(r, rtr(r, "rating_title"), "/danh-gia");
	web_crumb(ctx, rtr(r, "rating_title"), NULL);
	json_t *errors = json_object();
	if (e) {
		admin_errors(r, ctx, e);
		json_object_update(errors, json_object_get(ctx, "errors"));
	}
	json_t *chal = web_challenge_view(r, ctx, "danh-gia", json_string_value(json_object_get(errors, "challenge")));
	if (!chal) {
		json_decref(errors);
		json_decref(ctx);
		resp_error(r, 500, "server_error");
		return;
	}
	json_t *crit = json_array();
	for (int i = 0; i < RATING_NCRIT; i++) {
		json_t *scores = json_array();
		for (int s = 1; s <= 5; s++) {
			char val[2] = { (char)('0' + s), 0 }, id[40];
			snprintf(id, sizeof(id), "%s-%d", rating_keys[i], s);
			json_array_append_new(scores, json_pack("{sssssssssisb}", "value", val, "id", id, "label", rtr(r, score_labels[s - 1]),
								"key", rating_keys[i], "score", s, "checked",
								chosen && chosen[i] && strcmp(chosen[i], val) == 0));
		}
		const char *err = json_string_value(json_object_get(errors, rating_keys[i]));
		char ckey[40]; /* the criterion's name in the page's language: rating_crit_<key> */
		snprintf(ckey, sizeof(ckey), "rating_crit_%s", rating_keys[i]);
		json_array_append_new(crit, json_pack("{sssssoso}", "key", rating_keys[i], "label", rtr(r, ckey), "scores",
						      scores, "error", err ? json_string(err) : json_null()));
	}
	const char *sent = req_arg(r, "da-gui");
	json_t *view = json_pack("{sososo?sssbsb}", "criteria", crit, "challenge", chal, "comment_error",
				 json_object_get(errors, "y_kien") ? json_incref(json_object_get(errors, "y_kien")) : NULL,
				 "comment", comment ? comment : "", "sent", !e && sent && strcmp(sent, "1") == 0, "replaced",
				 !e && sent && strcmp(sent, "2") == 0);
	json_object_set(view, "errors", errors);
	json_decref(errors);
	json_object_set_new(ctx, "rating", view);
	resp_header(r, "Cache-Control", "no-store");
	resp_render(r, status, "public/rating", ctx);
}

void page_rating_form(struct req *r)
{
	render_rating(r, 200, NULL, NULL, NULL);
}

void page_rating_submit(struct req *r)
{
	struct errs e = { 0 };
	struct rating_input in = { .comment = req_form(r, "y_kien"), .addr = r->address, .ua = user_agent(r),
				   .challenge = req_form(r, "challenge") };
	for (int i = 0; i < RATING_NCRIT; i++)
		in.score[i] = req_form(r, rating_keys[i]);
	web_challenge_check(r, "danh-gia", &e);
	int replaced = 0, rc = M_INVALID;
	if (!e.n)
		rc = rating_submit(r->db, site_of(r), &in, time_now(), &e, &replaced);
	if (rc == M_OK) {
		resp_redirect(r, 303, replaced ? "/danh-gia?da-gui=2" : "/danh-gia?da-gui=1");
		return;
	}
	if (rc == M_ERROR) {
		resp_error(r, 500, "server_error");
		return;
	}
	render_rating(r, 422, &e, in.score, in.comment);
}
