/* files.c — static files, uploaded media, robots.txt and the health check.
 * WEBPAGE: GET /static/<file>        CSS, images, scripts of the theme (any host)
 * WEBPAGE: GET /media/<sha256>.<ext> uploaded images (any host)
 * WEBPAGE: GET /robots.txt, GET /healthz, GET /favicon.ico  */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"
#include "db/db.h"

#include <string.h>

#include "base/banned.h"

static const struct {
	const char *ext, *type;
} mime_types[] = {
	{ "css", "text/css; charset=utf-8" }, { "js", "text/javascript; charset=utf-8" },
	{ "svg", "image/svg+xml" },           { "png", "image/png" },
	{ "jpg", "image/jpeg" },              { "webp", "image/webp" },
	{ "gif", "image/gif" },               { "ico", "image/x-icon" },
	{ "woff2", "font/woff2" },            { "txt", "text/plain; charset=utf-8" },
};

static const char *mime_of(const char *name)
{
	const char *dot = strrchr(name, '.');
	for (size_t i = 0; dot && i < ARRAY_SIZE(mime_types); i++)
		if (strcmp(dot + 1, mime_types[i].ext) == 0)
			return mime_types[i].type;
	return NULL;
}

/* A file name we serve: letters, digits, '-', '_', '.', no leading dot. */
static int name_safe(const char *s)
{
	if (!*s || *s == '.')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == '-' || *s == '_' || *s == '.'))
			return 0;
	return 1;
}

void page_static(struct req *r)
{
	const char *dir = r->captures[1] ? r->captures[0] : NULL;
	const char *name = r->captures[1] ? r->captures[1] : r->captures[0];
	const char *type = mime_of(name);
	struct sb path = SB_INIT;
	if (!type || !name_safe(name) || (dir && !name_safe(dir))) {
		resp_error(r, 404, "not_found");
		return;
	}
	sb_addf(&path, "%s/static/%s%s%s", r->app->root, dir ? dir : "", dir ? "/" : "", name);
	resp_file(r, path.buf, type, 86400);
	sb_release(&path);
}

void page_media(struct req *r)
{
	const char *name = r->captures[0];
	const char *dot = strchr(name, '.');
	const char *type = mime_of(name);
	struct sb path = SB_INIT;
	size_t i;
	if (!dot || dot - name != 64 || !type || strncmp(type, "image/", 6) != 0) {
		resp_error(r, 404, "not_found");
		return;
	}
	for (i = 0; i < 64; i++)
		if (!((name[i] >= '0' && name[i] <= '9') || (name[i] >= 'a' && name[i] <= 'f'))) {
			resp_error(r, 404, "not_found");
			return;
		}
	if (!name_safe(dot + 1)) {
		resp_error(r, 404, "not_found");
		return;
	}
	sb_addf(&path, "%s/media/%.2s/%s", r->app->data_dir, name, name);
	resp_file(r, path.buf, type, 31536000); /* content-addressed: never changes */
	sb_release(&path);
}

/* Browsers ask for /favicon.ico whatever the page says: answer with the emblem. */
void page_favicon(struct req *r)
{
	struct sb path = SB_INIT;
	sb_addf(&path, "%s/static/img/logo.svg", r->app->root);
	resp_file(r, path.buf, "image/svg+xml", 86400);
	sb_release(&path);
}

void page_robots(struct req *r)
{
	resp_text(r, 200, "text/plain; charset=utf-8", "User-agent: *\nDisallow: /quan-tri/\n");
}

void page_health(struct req *r)
{
	int ok = db_ping(r->db) == 0;
	resp_header(r, "Cache-Control", "no-store");
	resp_text(r, ok ? 200 : 503, "application/json", ok ? "{\"status\":\"ok\"}\n" : "{\"status\":\"db\"}\n");
}
