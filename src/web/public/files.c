/* files.c — static files, uploaded media, robots.txt and the health check.
 * WEBPAGE: GET /static/<file>        CSS, images, scripts of the theme (any host)
 * WEBPAGE: GET /media/<sha256>.<ext> uploaded images (any host)
 * WEBPAGE: GET /media/<sha256>-<width>.<ext> resized copies of them (any host)
 * WEBPAGE: GET /tep/<sha256>.<ext>   files of the media library, as downloads under their
 *                                    uploaded name (any host); audio, video and WebVTT inline.
 *                                    Every file here and above answers byte ranges (206/416)
 * WEBPAGE: GET /static/vendor/tinymce/<path>  the editor, from node_modules (any host)
 * WEBPAGE: GET /robots.txt, GET /healthz, GET /favicon.ico  */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"
#include "db/db.h"

#include <string.h>
#include <strings.h>

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

/* Front-end packages installed from npm at build time (never copied into the tree). */
void page_vendor(struct req *r)
{
	const char *rest = r->captures[0];
	const char *type = mime_of(rest);
	struct sb path = SB_INIT;
	/* every segment must be a plain name: no "..", no hidden files */
	char *copy = xstrdup(rest), *save = NULL;
	int ok = type != NULL;
	for (char *seg = strtok_r(copy, "/", &save); ok && seg; seg = strtok_r(NULL, "/", &save))
		ok = name_safe(seg);
	free(copy);
	if (!ok || strstr(rest, "//")) {
		resp_error(r, 404, "not_found");
		return;
	}
	sb_addf(&path, "%s/node_modules/tinymce/%s", r->app->root, rest);
	resp_file(r, path.buf, type, 86400);
	sb_release(&path);
}

/* Files of the media library that are downloaded, never shown in the page. */
static const struct {
	const char *ext, *type;
	int inline_; /* played or read by the page (audio, video, captions): not a download */
} file_types[] = {
	{ "pdf", "application/pdf", 0 },
	{ "doc", "application/msword", 0 },
	{ "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 0 },
	{ "xls", "application/vnd.ms-excel", 0 },
	{ "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 0 },
	{ "odt", "application/vnd.oasis.opendocument.text", 0 },
	{ "csv", "text/csv; charset=utf-8", 0 }, /* a statistics table */
	{ "mp4", "video/mp4", 1 },
	{ "webm", "video/webm", 1 },
	{ "mp3", "audio/mpeg", 1 },
	{ "m4a", "audio/mp4", 1 },
	{ "ogg", "audio/ogg", 1 },
	{ "vtt", "text/vtt; charset=utf-8", 1 },
};

/* NAME is "<64 lower-case hex>" then, when VARIANT, optionally "-<1–5 digits>", then "." and
 * EXT (a letter, then letters or digits); returns the position of the dot, or 0 when NAME is anything else. */
static size_t media_name(const char *name, int variant)
{
	size_t i;
	for (i = 0; i < 64; i++)
		if (!((name[i] >= '0' && name[i] <= '9') || (name[i] >= 'a' && name[i] <= 'f')))
			return 0;
	if (variant && name[i] == '-') {
		size_t d = strspn(name + i + 1, "0123456789");
		if (d < 1 || d > 5)
			return 0;
		i += 1 + d;
	}
	/* a letter, then letters and digits ("mp4", "m4a") */
	if (name[i] != '.' || !(name[i + 1] >= 'a' && name[i + 1] <= 'z') ||
	    strspn(name + i + 1, "abcdefghijklmnopqrstuvwxyz0123456789") != strlen(name + i + 1))
		return 0;
	return i;
}

void page_media(struct req *r)
{
	const char *name = r->captures[0];
	const char *type = mime_of(name);
	struct sb path = SB_INIT;
	if (!media_name(name, 1) || !type || strncmp(type, "image/", 6) != 0 || strcmp(type, "image/svg+xml") == 0 ||
	    strcmp(type, "image/x-icon") == 0) {
		resp_error(r, 404, "not_found");
		return;
	}
	sb_addf(&path, "%s/media/%.2s/%s", r->app->data_dir, name, name);
	resp_file(r, path.buf, type, 31536000); /* content-addressed: never changes */
	sb_release(&path);
}

void page_attachment(struct req *r)
{
	const char *name = r->captures[0];
	size_t dot = media_name(name, 0);
	const char *type = NULL;
	int inline_ = 0;
	char sha[65];
	for (size_t i = 0; dot && i < ARRAY_SIZE(file_types); i++)
		if (strcmp(name + dot + 1, file_types[i].ext) == 0) {
			type = file_types[i].type;
			inline_ = file_types[i].inline_;
		}
	if (!type) {
		resp_error(r, 404, "not_found");
		return;
	}
	memcpy(sha, name, 64);
	sha[64] = '\0';
	const char *ext = name + dot + 1;
	json_t *f = media_find_file(r->db, sha, ext, r->site ? json_integer_value(json_object_get(r->site, "id")) : 0);
	if (!f) { /* removed from every library */
		resp_error(r, 404, "not_found");
		return;
	}
	/* the uploaded name, with the extension of what the content is */
	const char *orig = json_string_value(json_object_get(f, "orig_name"));
	struct sb fn = SB_INIT, cd = SB_INIT, path = SB_INIT;
	sb_adds(&fn, orig && *orig ? orig : "tep-dinh-kem");
	const char *fdot = strrchr(fn.buf, '.');
	if (!fdot || strcasecmp(fdot + 1, ext) != 0)
		sb_addf(&fn, ".%s", ext);
	sb_adds(&cd, inline_ ? "inline; filename*=UTF-8''" : "attachment; filename*=UTF-8''");
	sb_add_urlenc(&cd, fn.buf, fn.len);
	sb_addf(&path, "%s/media/%.2s/%s", r->app->data_dir, name, name);
	resp_file(r, path.buf, type, 86400); /* a day: a file removed from the library goes away */
	if (r->status == 200 || r->status == 206)
		resp_header(r, "Content-Disposition", cd.buf);
	json_decref(f);
	sb_release(&fn);
	sb_release(&cd);
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
	/* a site's own host names its sitemap (web/public/nav.c) */
	struct sb t = SB_INIT;
	sb_adds(&t, "User-agent: *\nDisallow: /quan-tri/\n");
	if (r->site && r->db) {
		char *u = web_site_url(r, r->site);
		sb_addf(&t, "Sitemap: %ssitemap.xml\n", u);
		free(u);
	}
	resp_text(r, 200, "text/plain; charset=utf-8", t.buf);
	sb_release(&t);
}

void page_health(struct req *r)
{
	int ok = db_ping(r->db) == 0;
	resp_header(r, "Cache-Control", "no-store");
	resp_text(r, ok ? 200 : 503, "application/json", ok ? "{\"status\":\"ok\"}\n" : "{\"status\":\"db\"}\n");
}
