/* media_pages.c — the public pages of the media kinds (docs/media.md): a gallery's grid and a
 * page per photo that needs no script, a video's or audio's player with its captions and
 * transcript, and a player of another site only after the reader asks for it.
 * WEBPAGE: GET /thu-vien-anh/<slug>-<id>/anh/<n>  photo N of a gallery: the large image, its
 *                                                 caption, previous / next / back to the gallery
 * WEBPAGE: GET /video/<slug>-<id>?xem=1           the item page with the other site's player in
 *                                                 an iframe (its host alone in frame-src; never
 *                                                 cached); without ?xem=1 the page names no
 *                                                 third party, only a link to the source */
#include "web/web.h"
#include "model/embed.h"
#include "model/item.h"
#include "model/kind.h"
#include "model/vtt.h"
#include "base/sb.h"
#include "base/util.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/banned.h"

#define TRANSCRIPT_MAX (2 << 20) /* bytes of a captions file read for its transcript */

/* The url of FILE's variant at least WANT pixels wide (the widest there is when none), or its
 * original. */
static const char *image_url(json_t *file, long want)
{
	json_t *vs = json_object_get(file, "variants"), *v, *best = NULL;
	size_t i;
	json_array_foreach(vs, i, v) {
		best = v;
		if (json_integer_value(json_object_get(v, "width")) >= want)
			break;
	}
	return json_string_value(json_object_get(best ? best : file, "url"));
}

/* The gallery's photos for its pages: [{n, url (the photo's page), thumb, large, original, alt,
 * caption}]; rows whose file is gone are left out. */
static json_t *photos_of(json_t *rows, const char *item_path)
{
	json_t *out = json_array(), *row;
	size_t i;
	json_array_foreach(rows, i, row) {
		json_t *file = json_object_get(row, "tep_anh");
		if (!json_is_object(file))
			continue;
		size_t n = json_array_size(out) + 1;
		struct sb u = SB_INIT;
		sb_addf(&u, "%s/anh/%zu", item_path, n);
		json_array_append_new(out, json_pack("{sIsssssssOsOsO}", "n", (json_int_t)n, "url", u.buf, "thumb",
						     image_url(file, 480), "large", image_url(file, 960), "original",
						     json_object_get(file, "url"), "alt", json_object_get(row, "mo_ta"),
						     "caption", json_object_get(row, "chu_thich")));
		sb_release(&u);
	}
	return out;
}

void gallery_item_view(struct req *r, const struct kind *k, json_t *row, json_t *item, json_t *ctx)
{
	(void)k;
	(void)row;
	(void)ctx;
	(void)r;
	json_t *photos = photos_of(json_object_get(json_object_get(item, "f"), "anh"),
				   json_string_value(json_object_get(item, "url")));
	json_object_set_new(item, "photo_count", json_integer((json_int_t)json_array_size(photos)));
	json_object_set_new(item, "photos", photos);
}

void page_gallery_photo(struct req *r)
{
	const struct kind *k = kind_find("gallery");
	json_int_t site_id = json_integer_value(json_object_get(r->site, "id"));
	int64_t id = web_slug_id(r->captures[0], NULL), n = 0;
	const char *ns = r->captures[1];
	if (!ns || !*ns || strspn(ns, "0123456789") != strlen(ns) || strlen(ns) > 4 || *ns == '0' ||
	    (n = strtoll(ns, NULL, 10)) < 1 || id <= 0) {
		resp_error(r, 404, "not_found");
		return;
	}
	json_t *row = item_get_public(r->db, site_id, "gallery", id);
	if (!row) {
		resp_error(r, 404, "item_not_found");
		return;
	}
	char *path = web_item_path("gallery", json_string_value(json_object_get(row, "slug")), id);
	struct sb want = SB_INIT;
	sb_addf(&want, "%s/anh/%lld", path, (long long)n);
	if (strcmp(want.buf, r->path) != 0) {
		resp_redirect(r, 301, want.buf);
		goto out;
	}
	const struct kind_field *fd = kind_field(k, "anh");
	json_t *rows = kind_value_view(r, site_id, fd, json_object_get(item_row_fields(row), "anh"), NULL);
	json_t *photos = photos_of(rows, path);
	json_decref(rows);
	size_t total = json_array_size(photos);
	if ((size_t)n > total) {
		json_decref(photos);
		resp_error(r, 404, "not_found");
		goto out;
	}
	const char *title = json_string_value(json_object_get(row, "title"));
	struct sb pt = SB_INIT;
	sb_addf(&pt, "Ảnh %lld/%zu: %s", (long long)n, total, title);
	json_t *ctx = web_public_ctx(r, pt.buf, want.buf);
	sb_release(&pt);
	web_crumb(ctx, kind_tr(req_texts(r), k, NULL), "/thu-vien-anh");
	web_crumb(ctx, title, path);
	char crumb[32];
	snprintf(crumb, sizeof(crumb), "Ảnh %lld", (long long)n);
	web_crumb(ctx, crumb, NULL);
	json_t *photo = json_incref(json_array_get(photos, (size_t)n - 1));
	json_t *view = json_pack("{sssssOsIsI}", "title", title, "gallery_url", path, "photo", photo, "n", (json_int_t)n,
				 "total", (json_int_t)total);
	struct sb back = SB_INIT;
	sb_addf(&back, "%s#anh-%lld", path, (long long)n);
	json_object_set_new(view, "back_url", json_string(back.buf));
	sb_release(&back);
	if (n > 1)
		json_object_set(view, "prev", json_array_get(photos, (size_t)n - 2));
	if ((size_t)n < total)
		json_object_set(view, "next", json_array_get(photos, (size_t)n));
	json_object_set_new(ctx, "gallery", view);
	json_decref(photos);
	resp_render(r, 200, "public/gallery_photo", ctx);
out:
	sb_release(&want);
	free(path);
	json_decref(row);
}

/* The text of the captions file at library URL ("/tep/<sha>.vtt") as a transcript; malloc'd
 * or NULL. */
static char *captions_text(struct req *r, const char *url)
{
	if (!url || strncmp(url, "/tep/", 5) != 0 || strlen(url) != 5 + 64 + 4)
		return NULL;
	const char *name = url + 5;
	struct sb p = SB_INIT;
	sb_addf(&p, "%s/media/%.2s/%s", r->app->data_dir, name, name);
	int fd = open(p.buf, O_RDONLY | O_CLOEXEC);
	sb_release(&p);
	if (fd < 0)
		return NULL;
	struct stat st;
	char *buf = NULL, *text = NULL;
	if (fstat(fd, &st) == 0 && st.st_size > 0 && st.st_size <= TRANSCRIPT_MAX) {
		buf = xmalloc((size_t)st.st_size);
		if (read(fd, buf, (size_t)st.st_size) == st.st_size)
			text = vtt_text(buf, (size_t)st.st_size);
	}
	free(buf);
	close(fd);
	return text;
}

void video_item_view(struct req *r, const struct kind *k, json_t *row, json_t *item, json_t *ctx)
{
	(void)k;
	(void)ctx;
	json_t *f = json_object_get(item, "f"), *fields = item_row_fields(row);
	json_t *media = json_object_get(f, "tep_phat"), *poster = json_object_get(f, "anh_dai_dien");
	json_t *captions = json_object_get(f, "phu_de");
	if (json_is_object(media)) {
		json_t *p = json_pack("{sOsbsOsO}", "src", json_object_get(media, "url"), "is_audio",
				      json_is_true(json_object_get(media, "is_audio")), "type", json_object_get(media, "mime"),
				      "size_label", json_object_get(media, "size_label"));
		if (json_is_object(poster))
			json_object_set_new(p, "poster", json_string(image_url(poster, 960)));
		if (json_is_object(captions))
			json_object_set(p, "captions", json_object_get(captions, "url"));
		json_object_set_new(item, "player", p);
	}
	/* the transcript: the editor's, else the captions' text */
	const char *t = json_string_value(json_object_get(fields, "ban_ghi"));
	if (t && *t) {
		json_object_set_new(item, "transcript", json_string(t));
	} else if (json_is_object(captions)) {
		char *ct = captions_text(r, json_string_value(json_object_get(captions, "url")));
		if (ct && *ct)
			json_object_set_new(item, "transcript", json_string(ct));
		free(ct);
	}
	const char *src = json_string_value(json_object_get(fields, "nhung"));
	if (src && *src) {
		char *hosts = embed_hosts(r->db, json_integer_value(json_object_get(r->site, "id")));
		struct embed em;
		if (embed_resolve(src, hosts, &em) == EMBED_OK) {
			json_t *e = json_pack("{ssssssss+}", "source", src, "host", em.host, "player_host", em.origin + 8,
					      "play_url", json_string_value(json_object_get(item, "url")), "?xem=1");
			const char *xem = req_arg(r, "xem");
			if (xem && strcmp(xem, "1") == 0) { /* the reader asked: the player, its host alone allowed */
				json_object_set_new(e, "frame", json_string(em.frame));
				free(r->csp_frames);
				r->csp_frames = xstrdup(em.origin);
			}
			json_object_set_new(item, "embed", e);
			embed_free(&em);
		} else { /* no longer allowed (the list changed): a plain link, no player */
			json_object_set_new(item, "embed_link", json_string(src));
		}
		free(hosts);
	}
	/* the file fields are shown by the player, not in the list of properties */
	json_t *props = json_object_get(item, "fields"), *keep = json_array(), *p;
	size_t i;
	json_array_foreach(props, i, p)
		if (!json_object_get(p, "file"))
			json_array_append(keep, p);
	json_object_set_new(item, "fields", keep);
}
