/* feedparse.c — RSS, Atom and JSON Feed into items, refusing what is hostile (feedparse.h). */
#include "render/feedparse.h"
#include "render/sanitize.h"
#include "base/sb.h"
#include "base/utf8.h"
#include "base/util.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <jansson.h>
#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/banned.h"

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_MEDIA "http://search.yahoo.com/mrss/"
#define URL_MAX 2000
#define GUID_MAX 500
#define AUTHOR_MAX 120

const char *feed_error_key(enum feed_error e)
{
	switch (e) {
	case FEED_OK: return "";
	case FEED_ERR_SIZE: return "extfeed_err_size";
	case FEED_ERR_XML: return "extfeed_err_xml";
	case FEED_ERR_ENTITIES: return "extfeed_err_entities";
	case FEED_ERR_JSON: return "extfeed_err_json";
	case FEED_ERR_NOT_FEED: return "extfeed_err_not_feed";
	}
	return "extfeed_err_other";
}

/* ---- dates ---- */

/* RFC 3339: "YYYY-MM-DDTHH:MM[:SS[.frac]](Z|±HH:MM)"; a date alone is midnight UTC. */
static int date_rfc3339(const char *s, int64_t *out)
{
	int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10)
		return -1;
	const char *p = s + n;
	long off = 0;
	if (*p == 'T' || *p == 't' || *p == ' ') {
		int k = 0;
		if (sscanf(p + 1, "%2d:%2d%n", &h, &mi, &k) != 2 || k != 5)
			return -1;
		p += 1 + k;
		if (*p == ':') {
			if (sscanf(p + 1, "%2d%n", &sec, &k) != 1 || k != 2)
				return -1;
			p += 1 + k;
			if (*p == '.')
				for (p++; *p >= '0' && *p <= '9'; p++)
					;
		}
		if (*p == 'Z' || *p == 'z') {
			p++;
		} else if (*p == '+' || *p == '-') {
			int oh, om;
			if (sscanf(p + 1, "%2d:%2d%n", &oh, &om, &k) != 2 || k != 5 || oh > 23 || om > 59)
				return -1;
			off = (oh * 60L + om) * 60L * (*p == '-' ? -1 : 1);
			p += 1 + k;
		} else {
			return -1;
		}
	}
	if (*p || y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
		return -1;
	struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h, .tm_min = mi, .tm_sec = sec };
	time_t t = timegm(&tm);
	if (t == (time_t)-1)
		return -1;
	*out = (int64_t)t - off;
	return 0;
}

int feed_parse_date(const char *s, int64_t *out)
{
	if (!s)
		return -1;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (!*s || strlen(s) > 64)
		return -1;
	if (s[0] >= '0' && s[0] <= '9' && !date_rfc3339(s, out))
		return 0;
	/* RFC 822 and its variants: libcurl's date parser (what HTTP's dates use too) */
	time_t t = curl_getdate(s, NULL);
	if (t == (time_t)-1 || t < 0)
		return -1;
	*out = (int64_t)t;
	return 0;
}

/* ---- texts ---- */

/* S as one line of NFC text: runs of white space become one space, cut to MAX code points.
 * NULL when S is not UTF-8. */
static char *one_line(const char *s, size_t max)
{
	struct sb b = SB_INIT;
	int space = 0;
	for (const char *p = s; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v') {
			space = b.len > 0;
			continue;
		}
		if (space)
			sb_add(&b, " ", 1);
		space = 0;
		sb_add(&b, p, 1);
	}
	char *nfc = utf8_nfc(b.buf, b.len);
	sb_release(&b);
	if (!nfc)
		return NULL;
	char *cut = utf8_ellipsize(nfc, max);
	free(nfc);
	return cut;
}

/* The plain text of HTML from a feed, through our sanitizer, as one line cut to MAX. */
static char *html_line(const char *html, size_t max)
{
	if (!html || !*html)
		return xstrdup("");
	if (!utf8_valid(html, strlen(html)))
		return xstrdup("");
	char *clean = html_sanitize(html, strlen(html), NULL);
	char *text = html_to_text(clean, strlen(clean));
	free(clean);
	char *line = one_line(text, max);
	free(text);
	return line ? line : xstrdup("");
}

/* A plain text (RSS and JSON Feed titles, Atom's type="text"): as one line; what looks like
 * markup in it is text, escaped where it is shown. */
static char *text_line(const char *s, size_t max)
{
	if (!s)
		return xstrdup("");
	char *line = utf8_valid(s, strlen(s)) ? one_line(s, max) : NULL;
	return line ? line : xstrdup("");
}

/* REF made absolute against BASE; the result when it is http(s), else NULL. malloc'd. */
static char *abs_url(const char *ref, const char *base)
{
	if (!ref)
		return NULL;
	while (*ref == ' ' || *ref == '\t' || *ref == '\n' || *ref == '\r')
		ref++;
	size_t n = strlen(ref);
	while (n && (ref[n - 1] == ' ' || ref[n - 1] == '\t' || ref[n - 1] == '\n' || ref[n - 1] == '\r'))
		n--;
	if (!n || n > URL_MAX)
		return NULL;
	char *r = xstrndup(ref, n);
	for (char *p = r; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == '"' || *p == '<' || *p == '>' || *p == 0x7f) {
			free(r);
			return NULL;
		}
	xmlChar *built = base ? xmlBuildURI((const xmlChar *)r, (const xmlChar *)base) : NULL;
	const char *u = built ? (const char *)built : r;
	char *out = NULL;
	if ((strncasecmp(u, "http://", 7) == 0 && u[7] && u[7] != '/') ||
	    (strncasecmp(u, "https://", 8) == 0 && u[8] && u[8] != '/'))
		if (strlen(u) <= URL_MAX && utf8_valid(u, strlen(u)))
			out = xstrdup(u);
	xmlFree(built);
	free(r);
	return out;
}

/* ---- collecting items ---- */

struct raw_item {
	char *guid, *link, *title, *html, *text, *author, *image, *date;
};

static void raw_release(struct raw_item *r)
{
	free(r->guid), free(r->link), free(r->title), free(r->html), free(r->text), free(r->author), free(r->image);
	free(r->date);
	memset(r, 0, sizeof(*r));
}

static void set(char **slot, char *v) /* takes V */
{
	if (*slot || !v) {
		free(v);
		return;
	}
	*slot = v;
}

/* Adds RAW to OUT as a finished item unless it lacks a link or a title, or repeats a guid. */
static void item_finish(struct feed *out, struct raw_item *raw, const char *base)
{
	if (out->nitems >= FEED_MAX_ITEMS)
		return;
	struct feed_item it = { 0 };
	it.link = abs_url(raw->link, base);
	if (!it.link)
		return;
	it.title = text_line(raw->title, FEED_TITLE_MAX);
	it.summary = raw->html ? html_line(raw->html, FEED_SUMMARY_MAX) : text_line(raw->text, FEED_SUMMARY_MAX);
	if (!*it.title) { /* a post without a title (microblogs): its first words */
		free(it.title);
		it.title = utf8_ellipsize(it.summary, 100);
	}
	char *guid = raw->guid ? one_line(raw->guid, GUID_MAX) : NULL;
	it.guid = guid && *guid ? guid : xstrdup(it.link);
	if (guid != it.guid)
		free(guid);
	it.author = text_line(raw->author, AUTHOR_MAX);
	it.image = abs_url(raw->image, base);
	if (!it.image)
		it.image = xstrdup("");
	if (!raw->date || feed_parse_date(raw->date, &it.published))
		it.published = 0;
	int dup = 0;
	for (size_t i = 0; i < out->nitems && !dup; i++)
		dup = strcmp(out->items[i].guid, it.guid) == 0;
	if (!*it.title || dup) {
		free(it.guid), free(it.link), free(it.title), free(it.summary), free(it.author), free(it.image);
		return;
	}
	if (!out->items)
		out->items = xcalloc(FEED_MAX_ITEMS, sizeof(*out->items));
	out->items[out->nitems++] = it;
}

/* ---- XML ---- */

static int is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static int in_ns(xmlNodePtr n, const char *href)
{
	return n->ns && n->ns->href && strcmp((const char *)n->ns->href, href) == 0;
}

/* The text of N: its text and CDATA descendants only (an entity reference is never followed),
 * malloc'd; NULL when N is NULL. */
static void text_walk(xmlNodePtr n, struct sb *b)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			sb_adds(b, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE)
			text_walk(c, b);
		if (b->len > FEED_MAX_BYTES)
			return;
	}
}

static char *node_text(xmlNodePtr n)
{
	if (!n)
		return NULL;
	struct sb b = SB_INIT;
	text_walk(n, &b);
	return sb_detach(&b, NULL);
}

static char *attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	char *out = v ? xstrdup((const char *)v) : NULL;
	xmlFree(v);
	return out;
}

/* An Atom text construct (title, summary, content) as HTML: type="html" is HTML already,
 * "xhtml" is the markup of its div, "text" (the default) is text. Sets *IS_HTML. */
static char *atom_text(xmlNodePtr n, int *is_html)
{
	char *type = attr(n, "type");
	*is_html = type && (strcmp(type, "html") == 0 || strcmp(type, "xhtml") == 0 || strcmp(type, "text/html") == 0);
	char *out;
	if (type && strcmp(type, "xhtml") == 0) {
		xmlBufferPtr buf = xmlBufferCreate();
		for (xmlNodePtr c = n->children; c && buf; c = c->next)
			xmlNodeDump(buf, n->doc, c, 0, 0);
		out = xstrdup(buf ? (const char *)xmlBufferContent(buf) : "");
		xmlBufferFree(buf);
	} else {
		out = node_text(n);
	}
	free(type);
	return out;
}

static void rss_item(struct feed *out, xmlNodePtr item, const char *base)
{
	struct raw_item r = { 0 };
	char *encoded = NULL;
	for (xmlNodePtr c = item->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		const char *nm = (const char *)c->name;
		if (strcmp(nm, "title") == 0)
			set(&r.title, node_text(c));
		else if (strcmp(nm, "link") == 0 && !in_ns(c, NS_ATOM)) /* not atom:link (a self link) */
			set(&r.link, node_text(c));
		else if (strcmp(nm, "guid") == 0 || (strcmp(nm, "about") == 0))
			set(&r.guid, node_text(c));
		else if (strcmp(nm, "description") == 0)
			set(&r.html, node_text(c));
		else if (strcmp(nm, "encoded") == 0)
			set(&encoded, node_text(c));
		else if (strcmp(nm, "pubDate") == 0 || strcmp(nm, "date") == 0)
			set(&r.date, node_text(c));
		else if (strcmp(nm, "author") == 0 || strcmp(nm, "creator") == 0)
			set(&r.author, node_text(c));
		else if (strcmp(nm, "enclosure") == 0 || (in_ns(c, NS_MEDIA) && (strcmp(nm, "content") == 0 ||
										  strcmp(nm, "thumbnail") == 0))) {
			char *type = attr(c, "type"), *medium = attr(c, "medium");
			if ((type && strncmp(type, "image/", 6) == 0) || (medium && strcmp(medium, "image") == 0) ||
			    strcmp(nm, "thumbnail") == 0)
				set(&r.image, attr(c, "url"));
			free(type);
			free(medium);
		}
	}
	if (!r.guid) { /* RSS 1.0: the item's rdf:about */
		xmlChar *about = xmlGetProp(item, (const xmlChar *)"about");
		if (about)
			r.guid = xstrdup((const char *)about);
		xmlFree(about);
	}
	if (!r.html && encoded) {
		r.html = encoded;
		encoded = NULL;
	}
	free(encoded);
	item_finish(out, &r, base);
	raw_release(&r);
}

static void atom_entry(struct feed *out, xmlNodePtr e, const char *base)
{
	struct raw_item r = { 0 };
	char *content = NULL, *updated = NULL;
	int summary_html = 0, content_html = 0, title_html = 0;
	for (xmlNodePtr c = e->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !in_ns(c, NS_ATOM)) {
			if (c->type == XML_ELEMENT_NODE && in_ns(c, NS_MEDIA) && strcmp((const char *)c->name, "thumbnail") == 0)
				set(&r.image, attr(c, "url"));
			continue;
		}
		const char *nm = (const char *)c->name;
		if (strcmp(nm, "title") == 0 && !r.title) {
			r.title = atom_text(c, &title_html);
		} else if (strcmp(nm, "id") == 0) {
			set(&r.guid, node_text(c));
		} else if (strcmp(nm, "link") == 0) {
			char *rel = attr(c, "rel"), *type = attr(c, "type");
			if (!rel || strcmp(rel, "alternate") == 0)
				set(&r.link, attr(c, "href"));
			else if (strcmp(rel, "enclosure") == 0 && type && strncmp(type, "image/", 6) == 0)
				set(&r.image, attr(c, "href"));
			free(rel);
			free(type);
		} else if (strcmp(nm, "summary") == 0 && !r.html && !r.text) {
			char *s = atom_text(c, &summary_html);
			set(summary_html ? &r.html : &r.text, s);
		} else if (strcmp(nm, "content") == 0 && !content) {
			content = atom_text(c, &content_html);
		} else if (strcmp(nm, "published") == 0) {
			set(&r.date, node_text(c));
		} else if (strcmp(nm, "updated") == 0) {
			set(&updated, node_text(c));
		} else if (strcmp(nm, "author") == 0) {
			for (xmlNodePtr a = c->children; a; a = a->next)
				if (is(a, "name"))
					set(&r.author, node_text(a));
		}
	}
	if (title_html && r.title) { /* markup in a title: its text */
		char *t = html_line(r.title, FEED_TITLE_MAX);
		free(r.title);
		r.title = t;
	}
	if (!r.html && !r.text && content)
		set(content_html ? &r.html : &r.text, content), content = NULL;
	free(content);
	if (!r.date)
		r.date = updated, updated = NULL;
	free(updated);
	item_finish(out, &r, base);
	raw_release(&r);
}

/* A document that declares entities is refused whole: a feed needs none, and refusing them
 * closes every entity attack libxml2's own checks might miss (quadratic blow-up). */
static int declares_entities(xmlDocPtr doc)
{
	return (doc->intSubset && (doc->intSubset->entities || doc->intSubset->pentities)) ||
	       (doc->extSubset && (doc->extSubset->entities || doc->extSubset->pentities));
}

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static void xml_init(void)
{
	xmlInitParser();
}

static enum feed_error parse_xml(const char *body, size_t len, const char *base, struct feed *out, char *detail,
				 size_t dlen)
{
	pthread_once(&xml_once, xml_init);
	xmlParserCtxtPtr ctx = xmlNewParserCtxt();
	if (!ctx) {
		snprintf(detail, dlen, "libxml2 could not start");
		return FEED_ERR_XML;
	}
	/* no NOENT (no substitution), no DTDLOAD/DTDATTR (nothing fetched), no HUGE (libxml2's
	 * limits stay), NONET (no network even if something asked for it) */
	xmlDocPtr doc = xmlCtxtReadMemory(ctx, body, (int)len, base ? base : "feed.xml", NULL,
					  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	if (!doc) {
		const xmlError *e = xmlCtxtGetLastError(ctx);
		snprintf(detail, dlen, "line %d: %s", e ? e->line : 0, e && e->message ? e->message : "not well-formed");
		size_t n = strlen(detail);
		while (n && (detail[n - 1] == '\n' || detail[n - 1] == ' '))
			detail[--n] = 0;
		int loop = e && (e->code == XML_ERR_ENTITY_LOOP || e->code == XML_ERR_ENTITY_BOUNDARY);
		xmlFreeParserCtxt(ctx);
		return loop ? FEED_ERR_ENTITIES : FEED_ERR_XML;
	}
	xmlFreeParserCtxt(ctx);
	enum feed_error rc = FEED_OK;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (declares_entities(doc)) {
		snprintf(detail, dlen, "the document declares entities");
		rc = FEED_ERR_ENTITIES;
	} else if (is(root, "rss")) {
		out->format = "rss";
		xmlNodePtr ch = root->children;
		while (ch && !is(ch, "channel"))
			ch = ch->next;
		if (!ch) {
			snprintf(detail, dlen, "<rss> without <channel>");
			rc = FEED_ERR_NOT_FEED;
		} else {
			for (xmlNodePtr c = ch->children; c; c = c->next)
				if (is(c, "item"))
					rss_item(out, c, base);
		}
	} else if (is(root, "RDF")) {
		out->format = "rdf";
		for (xmlNodePtr c = root->children; c; c = c->next)
			if (is(c, "item"))
				rss_item(out, c, base);
	} else if (is(root, "feed") && in_ns(root, NS_ATOM)) {
		out->format = "atom";
		for (xmlNodePtr c = root->children; c; c = c->next)
			if (is(c, "entry") && in_ns(c, NS_ATOM))
				atom_entry(out, c, base);
	} else {
		snprintf(detail, dlen, "the document's root is <%s>, not <rss>, <rdf:RDF> nor an Atom <feed>",
			 root && root->name ? (const char *)root->name : "?");
		rc = FEED_ERR_NOT_FEED;
	}
	/* the channel's own title */
	if (rc == FEED_OK && !out->title) {
		xmlNodePtr t = NULL, scope = root;
		if (is(root, "rss"))
			for (scope = root->children; scope && !is(scope, "channel"); scope = scope->next)
				;
		if (is(root, "RDF"))
			for (scope = root->children; scope && !is(scope, "channel"); scope = scope->next)
				;
		for (xmlNodePtr c = scope ? scope->children : NULL; c && !t; c = c->next)
			if (is(c, "title"))
				t = c;
		char *raw = node_text(t);
		free(out->title);
		out->title = text_line(raw, FEED_TITLE_MAX);
		free(raw);
	}
	xmlFreeDoc(doc);
	return rc;
}

/* ---- JSON Feed ---- */

static char *jstr(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? xstrdup(s) : NULL;
}

static enum feed_error parse_json(const char *body, size_t len, const char *base, struct feed *out, char *detail,
				  size_t dlen)
{
	json_error_t je;
	json_t *root = json_loadb(body, len, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		snprintf(detail, dlen, "line %d: %s", je.line, je.text);
		return FEED_ERR_JSON;
	}
	const char *version = json_string_value(json_object_get(root, "version"));
	json_t *items = json_object_get(root, "items");
	if (!version || strncmp(version, "https://jsonfeed.org/version/1", 30) != 0 || !json_is_array(items)) {
		snprintf(detail, dlen, "not a JSON Feed 1.x (no version https://jsonfeed.org/version/1 or no items)");
		json_decref(root);
		return FEED_ERR_NOT_FEED;
	}
	out->format = "json";
	out->title = text_line(json_string_value(json_object_get(root, "title")), FEED_TITLE_MAX);
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it) {
		if (out->nitems >= FEED_MAX_ITEMS)
			break;
		if (!json_is_object(it))
			continue;
		struct raw_item r = { 0 };
		json_t *id = json_object_get(it, "id");
		if (json_is_string(id))
			r.guid = xstrdup(json_string_value(id));
		else if (json_is_integer(id)) {
			char n[32];
			snprintf(n, sizeof(n), "%lld", (long long)json_integer_value(id));
			r.guid = xstrdup(n);
		}
		r.link = jstr(it, "url");
		if (!r.link)
			r.link = jstr(it, "external_url");
		r.title = jstr(it, "title");
		r.html = jstr(it, "summary") ? NULL : jstr(it, "content_html");
		if (!r.html) {
			r.text = jstr(it, "summary");
			if (!r.text)
				r.text = jstr(it, "content_text");
		}
		r.date = jstr(it, "date_published");
		if (!r.date)
			r.date = jstr(it, "date_modified");
		json_t *authors = json_object_get(it, "authors");
		json_t *a = json_is_array(authors) ? json_array_get(authors, 0) : json_object_get(it, "author");
		r.author = jstr(a, "name");
		r.image = jstr(it, "image");
		if (!r.image)
			r.image = jstr(it, "banner_image");
		item_finish(out, &r, base);
		raw_release(&r);
	}
	json_decref(root);
	return FEED_OK;
}

/* ---- the entry point ---- */

enum feed_error feed_parse(const char *body, size_t len, const char *base_url, struct feed *out, char *detail,
			   size_t detail_len)
{
	memset(out, 0, sizeof(*out));
	if (detail_len)
		detail[0] = 0;
	if (len > FEED_MAX_BYTES) {
		snprintf(detail, detail_len, "%zu bytes, more than the %d allowed", len, FEED_MAX_BYTES);
		return FEED_ERR_SIZE;
	}
	size_t i = 0;
	if (len >= 3 && (unsigned char)body[0] == 0xef && (unsigned char)body[1] == 0xbb && (unsigned char)body[2] == 0xbf)
		i = 3; /* a UTF-8 byte-order mark */
	while (i < len && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r'))
		i++;
	enum feed_error rc;
	if (i < len && body[i] == '{') {
		rc = parse_json(body + i, len - i, base_url, out, detail, detail_len);
	} else if (i < len && body[i] == '<') {
		rc = parse_xml(body, len, base_url, out, detail, detail_len);
	} else {
		snprintf(detail, detail_len, "neither XML nor JSON");
		rc = FEED_ERR_NOT_FEED;
	}
	if (rc != FEED_OK)
		feed_release(out);
	else if (!out->title)
		out->title = xstrdup("");
	return rc;
}

void feed_release(struct feed *f)
{
	for (size_t i = 0; i < f->nitems; i++) {
		struct feed_item *it = &f->items[i];
		free(it->guid), free(it->link), free(it->title), free(it->summary), free(it->author), free(it->image);
	}
	free(f->items);
	free(f->title);
	memset(f, 0, sizeof(*f));
}
