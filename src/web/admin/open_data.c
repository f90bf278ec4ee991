/* open_data.c — the installation's open data licence, set by the system administrator
 * (docs/open-data.md): named on every site's "Dữ liệu mở" page and in its DCAT catalogue.
 * WEBPAGE: GET  /quan-tri/cai-dat/du-lieu-mo   the form (da-luu: the notice after saving)
 * WEBPAGE: POST /quan-tri/cai-dat/du-lieu-mo   licence_name, licence_url */
#include "web/web.h"
#include "model/model.h"
#include "model/opendata.h"

#include <stdlib.h>

#include "base/banned.h"

static void licence_render(struct req *r, int status, const char *name, const char *url, const struct errs *e)
{
	json_t *ctx = admin_ctx(r, rtr(r, "a11y_licence_admin_title"));
	if (e)
		admin_errors(r, ctx, e);
	json_object_set_new(ctx, "licence_name", json_string(name ? name : ""));
	json_object_set_new(ctx, "licence_url", json_string(url ? url : ""));
	json_object_set_new(ctx, "saved", json_boolean(!e && req_arg(r, "da-luu") != NULL));
	resp_render(r, status, "admin/open_data", ctx);
}

void admin_open_data(struct req *r)
{
	char *name, *url;
	opendata_licence(r->db, &name, &url);
	licence_render(r, 200, name, url, NULL);
	free(name);
	free(url);
}

void admin_open_data_save(struct req *r)
{
	const char *name = req_form(r, "licence_name"), *url = req_form(r, "licence_url");
	struct errs e = { 0 };
	int rc = opendata_licence_set(r->db, &r->actor, name, url, &e);
	if (rc == M_INVALID)
		licence_render(r, 422, name, url, &e);
	else if (rc != M_OK)
		admin_model_error(r, rc);
	else
		resp_redirect(r, 303, "/quan-tri/cai-dat/du-lieu-mo?da-luu=1");
}
