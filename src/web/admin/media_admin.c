/* media_admin.c — a site's media settings and its banners' click counts (docs/media.md).
 * WEBPAGE: GET/POST /quan-tri/cai-dat/da-phuong-tien  embed_hosts (the players' allow-list),
 *                                                      media_av_max_mb (largest audio/video upload)
 * WEBPAGE: GET  /quan-tri/quang-cao/luot-bam           each banner's clicks: total, 30 days, today */
#include "web/web.h"
#include "model/banner.h"
#include "model/embed.h"
#include "base/sb.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static json_int_t site_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

static void settings_page(struct req *r, int status, const char *hosts, const char *max_mb, const struct errs *e)
{
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_media_settings"));
	json_object_set_new(ctx, "embed_hosts", json_string(hosts));
	json_object_set_new(ctx, "media_av_max_mb", json_string(max_mb));
	char lim[32];
	snprintf(lim, sizeof(lim), "%zu", r->app->max_body >> 20);
	json_object_set_new(ctx, "max_body_mb", json_string(lim));
	if (e)
		admin_errors(r, ctx, e);
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "saved")));
	resp_render(r, status, "admin/media-settings", ctx);
}

void admin_media_settings(struct req *r)
{
	char *hosts = embed_hosts(r->db, site_of(r));
	char mb[32];
	/* one a line in the form */
	for (char *p = hosts; *p; p++)
		if (*p == ' ')
			*p = '\n';
	snprintf(mb, sizeof(mb), "%lld", (long long)(media_av_max(r->db, site_of(r)) >> 20));
	settings_page(r, 200, hosts, mb, NULL);
	free(hosts);
}

void admin_media_settings_save(struct req *r)
{
	struct errs e = { 0 };
	const char *hosts = req_form(r, "embed_hosts"), *mb = req_form(r, "media_av_max_mb");
	int rc = media_settings_update(r->db, &r->actor, site_of(r), hosts ? hosts : "", mb, &e);
	if (rc == M_OK)
		resp_redirect(r, 303, "/quan-tri/cai-dat/da-phuong-tien?da-luu=1");
	else if (rc == M_INVALID)
		settings_page(r, 422, hosts ? hosts : "", mb ? mb : "", &e);
	else
		resp_error(r, rc == M_DENIED ? 403 : 500, rc == M_DENIED ? "forbidden" : "server_error");
}

void admin_banner_clicks(struct req *r)
{
	json_t *rows = banner_stats(r->db, &r->actor, site_of(r), time_now());
	if (!rows) {
		resp_error(r, 403, "forbidden");
		return;
	}
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_banner_clicks"));
	json_object_set_new(ctx, "banners", rows);
	resp_render(r, 200, "admin/banner-clicks", ctx);
}
