/* visits.c — the visit statistics on public pages (docs/visits.md): the footer's counter and the
 * EMC tracker, each when the site turned it on (model/visits.h visit_settings).
 *
 * The footer is part of pages the cache shares between every reader until the site changes, so a
 * number written into it would be wrong a minute later, and renewing those pages each minute
 * would empty the cache. The footer therefore holds only a frame (<iframe>, no script) of the
 * tiny page below, which is never cached by the server and only 30 seconds by browsers; the
 * pages stay shared, byte for byte, and the counter is current.
 * WEBPAGE: GET /luot-truy-cap   the counter's page: the site's views so far and the visitors
 *                               online now; 404 when the site shows no counter */
#include "web/web.h"
#include "base/util.h"
#include "http/visits.h"
#include "model/visits.h"
#include "vn/money.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static int64_t site_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

void web_visits_ctx(struct req *r, json_t *ctx)
{
	struct visit_settings s;
	if (!r->site || !r->db || visit_settings_get(r->db, site_of(r), &s))
		return;
	if (s.public_counter)
		json_object_set_new(ctx, "visit_counter", json_true());
	if (s.emc_site_id > 0) {
		/* the tracker's settings ride on its script tag (static/js/emc.js): no inline script, and
		 * the page's CSP names this origin, and only it (http/server.c) */
		json_object_set_new(ctx, "emc", json_pack("{sssI}", "origin", s.emc_origin, "site_id", (json_int_t)s.emc_site_id));
		free(r->visit_csp);
		r->visit_csp = xstrdup(s.emc_origin);
	}
}

void page_visit_counter(struct req *r)
{
	struct visit_settings s;
	int64_t site_id = site_of(r);
	if (visit_settings_get(r->db, site_id, &s) || !s.public_counter) {
		resp_error(r, 404, "not_found");
		return;
	}
	int64_t stored = visits_site_total(r->db, site_id);
	if (stored < 0) {
		resp_error(r, 500, "error_500");
		return;
	}
	char views[32], online[32];
	vn_money_group(stored + visits_pending(site_id), views, sizeof(views));
	vn_money_group(visits_online(site_id, time_now()), online, sizeof(online));
	json_t *ctx = json_object();
	web_lang_ctx(r, ctx);
	json_object_set_new(ctx, "views", json_string(views));
	json_object_set_new(ctx, "online", json_string(online));
	json_object_set_new(ctx, "static", json_string("/static"));
	/* the same for every reader: a browser keeps it half a minute; the server never does */
	resp_header(r, "Cache-Control", "public, max-age=30");
	resp_render(r, 200, "public/visit_counter", ctx);
}
