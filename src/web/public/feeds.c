/* feeds.c — RSS 2.0 and Atom feeds of a site, of a category and of a kind (docs/feeds.md): one
 * builder for all, which asks the item layer for the list (item_feed: a site, a category or a
 * kind) and hands render/feed.c the entries with this request's absolute addresses. Cached like
 * the pages (ROUTE_CACHE): a publish, an edit or a withdrawal shows at the next request.
 * WEBPAGE: GET /rss.xml, /atom.xml                          the site's newest items (kind.site_feed)
 * WEBPAGE: GET /chuyen-muc/<slug>-<id>/rss.xml, /atom.xml   a category's, its subcategories' too
 * WEBPAGE: GET /<segment>/rss.xml, /atom.xml                a kind's (/tin/rss.xml: the news)
 * A renamed category's old address answers 301 to the new one; an unknown category or segment
 * 404. */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"
#include "model/item.h"
#include "model/kind.h"
#include "render/feed.h"

#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

/* Entries a feed carries at most: the newest, as feeds are read by polling. */
#define FEED_ITEMS 50

void web_feed_links(json_t *ctx, const char *base, const char *title)
{
	static const struct {
		const char *file, *type, *name;
	} formats[] = { { "rss.xml", "application/rss+xml", "RSS" }, { "atom.xml", "application/atom+xml", "Atom" } };
	json_t *feeds = json_array();
	for (size_t i = 0; i < ARRAY_SIZE(formats); i++) {
		struct sb url = SB_INIT, t = SB_INIT;
		sb_addf(&url, "%s/%s", base, formats[i].file);
		sb_addf(&t, "%s: %s", formats[i].name, title);
		json_array_append_new(feeds, json_pack("{ssssss}", "type", formats[i].type, "title", t.buf, "url", url.buf));
		sb_release(&url);
		sb_release(&t);
	}
	json_object_set_new(ctx, "feeds", feeds);
}

/* The entries' strings made here (addresses, identifiers), freed after the document is written. */
struct feed_strings {
	char **v;
	size_t n, cap;
};

static const char *keep(struct feed_strings *s, char *str)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = xrealloc(s->v, st_mult(s->cap, sizeof(*s->v)));
	}
	s->v[s->n++] = str;
	return str;
}

/* SITE_URL ("http://host:port/") followed by PATH ("/tin/…"): malloc'd. */
static char *absolute(const char *site_url, const char *path)
{
	struct sb u = SB_INIT;
	sb_add(&u, site_url, strlen(site_url) - 1);
	sb_adds(&u, path);
	return sb_detach(&u, NULL);
}

/* An item's identifier for ever: a tag URI (RFC 4151) of the installation's domain, the day the
 * item was made and its id. Its address would not do: the slug follows the title, and a renamed
 * item would come back to every reader as a new one. */
static char *entry_id(struct req *r, json_t *row)
{
	char day[40];
	time_format_iso(json_integer_value(json_object_get(row, "created_at")), day, sizeof(day));
	struct sb id = SB_INIT;
	sb_addf(&id, "tag:%s,%.10s:item-%lld", r->app->base_domain, day,
		(long long)json_integer_value(json_object_get(row, "id")));
	return sb_detach(&id, NULL);
}

static const char *str(json_t *row, const char *key)
{
	const char *s = json_string_value(json_object_get(row, key));
	return s ? s : "";
}

/* Writes the feed of Q in FORMAT: TITLE, DESCRIPTION and LINK (the page it follows, a path)
 * for the channel, SELF the feed's own path. */
static void feed_send(struct req *r, enum feed_format format, const struct item_query *q, const char *title,
		      const char *description, const char *link, const char *self)
{
	json_t *rows = item_feed(r->db, q, FEED_ITEMS), *cats = web_categories(r);
	char *site_url = web_site_url(r, r->site);
	struct feed_strings s = { 0 };
	size_t n = json_array_size(rows);
	struct feed_entry *e = xcalloc(n ? n : 1, sizeof(*e));
	int64_t newest = 0;
	for (size_t i = 0; i < n; i++) {
		json_t *row = json_array_get(rows, i);
		char *ipath = web_item_path(str(row, "kind"), str(row, "slug"), json_integer_value(json_object_get(row, "id")));
		/* an entry of a feed in another language is at that language's address */
		struct sb lp = SB_INIT;
		sb_addf(&lp, "%s%s", req_lang_prefix(r), ipath);
		free(ipath);
		char *path = sb_detach(&lp, NULL);
		e[i].title = str(row, "title");
		e[i].link = keep(&s, absolute(site_url, path));
		e[i].id = keep(&s, entry_id(r, row));
		e[i].summary = str(row, "summary");
		e[i].author = str(row, "author");
		json_t *cat = category_in(cats, json_integer_value(json_object_get(row, "category_id")));
		e[i].category = cat ? str(cat, "name") : NULL;
		e[i].published = json_integer_value(json_object_get(row, "published_at"));
		e[i].updated = json_integer_value(json_object_get(row, "updated_at"));
		if (e[i].updated < e[i].published)
			e[i].updated = e[i].published;
		if (e[i].updated > newest)
			newest = e[i].updated;
		/* the cover image: the library's original file, with its type and size */
		if (json_is_string(json_object_get(row, "cover_sha")) && strncmp(str(row, "cover_mime"), "image/", 6) == 0) {
			json_t *m = json_pack("{sOsOsO}", "kind", json_object_get(row, "cover_kind"), "sha256",
					      json_object_get(row, "cover_sha"), "ext", json_object_get(row, "cover_ext"));
			char *murl = m ? media_url(m) : NULL;
			if (murl) {
				e[i].enclosure_url = keep(&s, absolute(site_url, murl));
				e[i].enclosure_type = str(row, "cover_mime");
				e[i].enclosure_length = json_integer_value(json_object_get(row, "cover_size"));
			}
			free(murl);
			json_decref(m);
		}
		free(path);
	}
	/* a feed in another language follows that language's pages ("/en/") */
	struct sb llink = SB_INIT, lself = SB_INIT;
	sb_addf(&llink, "%s%s", req_lang_prefix(r), link);
	sb_addf(&lself, "%s%s", req_lang_prefix(r), self);
	struct feed f = {
		.title = title,
		.description = description,
		.link = keep(&s, absolute(site_url, llink.buf)),
		.self = keep(&s, absolute(site_url, lself.buf)),
		.publisher = str(r->site, "name"),
		.language = r->lang[0] ? r->lang : "vi",
		/* an empty feed has no newest item: now (the document is kept until the next change) */
		.updated = newest ? newest : time_now(),
		.entries = e,
		.nentries = n,
	};
	struct sb out = SB_INIT;
	feed_write(&out, format, &f);
	resp_bytes(r, 200, format == FEED_ATOM ? FEED_ATOM_TYPE : FEED_RSS_TYPE, out.buf, out.len);
	sb_release(&out);
	for (size_t i = 0; i < s.n; i++)
		free(s.v[i]);
	free(s.v);
	free(e);
	free(site_url);
	sb_release(&llink);
	sb_release(&lself);
	json_decref(cats);
	json_decref(rows);
}

void page_feed(struct req *r)
{
	size_t plen = strlen(r->path);
	enum feed_format format = plen >= 9 && strcmp(r->path + plen - 9, "/atom.xml") == 0 ? FEED_ATOM : FEED_RSS;
	const char *file = format == FEED_ATOM ? "atom.xml" : "rss.xml";
	const char *site = str(r->site, "name");
	/* "/en/rss.xml": the items in the page's language (model/translation.h) */
	struct item_query q = { .site_id = json_integer_value(json_object_get(r->site, "id")),
				.lang = r->lang[0] ? r->lang : NULL };
	struct sb title = SB_INIT, desc = SB_INIT, link = SB_INIT, self = SB_INIT;

	if (!r->captures[0]) { /* the site's */
		sb_adds(&title, site);
		sb_addf(&desc, "%s %s", rtr(r, "feed_latest_of"), site);
		sb_adds(&link, "/");
		sb_addf(&self, "/%s", file);
	} else if (strncmp(r->path, "/chuyen-muc/", 12) == 0) { /* a category's */
		json_t *cats = web_categories(r);
		int64_t id = web_slug_id(r->captures[0], NULL);
		json_t *cat = id > 0 ? category_in(cats, id) : NULL;
		if (!cat) {
			json_decref(cats);
			resp_error(r, 404, "category_not_found");
			goto out;
		}
		char *path = web_category_path(id, str(cat, "slug"));
		sb_addf(&self, "%s/%s", path, file);
		if (strcmp(self.buf, r->path) != 0) { /* renamed: the old address moves for good */
			resp_redirect(r, 301, self.buf);
			free(path);
			json_decref(cats);
			goto out;
		}
		/* a category of another kind than news is a filter of that kind's list (category.c) */
		const struct kind *k = kind_find(*str(cat, "kind") ? str(cat, "kind") : "article");
		if (k && strcmp(k->name, "article") != 0)
			sb_addf(&link, "/%s?chuyen-muc=%lld", k->segment, (long long)id);
		else
			sb_adds(&link, path);
		sb_addf(&title, "%s - %s", str(cat, "name"), site);
		sb_addf(&desc, "%s %s, %s", rtr(r, "feed_latest_of_category"), str(cat, "name"), site);
		q.category_id = id;
		free(path);
		json_decref(cats);
	} else { /* a kind's */
		const struct kind *k = kind_by_segment(r->captures[0]);
		if (!k) {
			resp_error(r, 404, "not_found");
			goto out;
		}
		q.kind = k->name;
		int news = strcmp(k->name, "article") == 0; /* news has no list of its own: the home */
		/* in the page's language (#16): the kind's label from the locale */
		const char *label = news ? rtr(r, "feed_news") : kind_tr(req_texts(r), k, NULL);
		sb_addf(&title, "%s - %s", label, site);
		sb_addf(&desc, "%s %s %s", label, rtr(r, "feed_kind_latest_of"), site);
		if (news)
			sb_adds(&link, "/");
		else
			sb_addf(&link, "/%s", k->segment);
		sb_addf(&self, "/%s/%s", k->segment, file);
	}
	feed_send(r, format, &q, title.buf, desc.buf, link.buf, self.buf);
out:
	sb_release(&title);
	sb_release(&desc);
	sb_release(&link);
	sb_release(&self);
}
