/* feed.c — RSS 2.0 and Atom 1.0 writers; see feed.h. */
#include "render/feed.h"
#include "base/sb.h"
#include "base/util.h"

#include <inttypes.h>
#include <string.h>

#include "base/banned.h"

static int present(const char *s)
{
	return s && *s;
}

/* TEXT escaped for XML (nothing when NULL). */
static void xml_s(struct sb *b, const char *text)
{
	if (text)
		sb_add_xml(b, text, strlen(text));
}

/* <NAME>TEXT</NAME> with TEXT escaped; nothing when TEXT is absent and !ALWAYS. */
static void element(struct sb *b, const char *name, const char *text, int always)
{
	if (!present(text) && !always)
		return;
	sb_addf(b, "<%s>", name);
	xml_s(b, text);
	sb_addf(b, "</%s>\n", name);
}

/* NAME="VALUE" (with a leading space), VALUE escaped. */
static void attr(struct sb *b, const char *name, const char *value)
{
	sb_addf(b, " %s=\"", name);
	xml_s(b, value);
	sb_addc(b, '"');
}

static void rfc822(struct sb *b, const char *name, int64_t t)
{
	char d[48];
	time_format_rfc822(t, d, sizeof(d));
	sb_addf(b, "<%s>%s</%s>\n", name, d, name);
}

static void rfc3339(struct sb *b, const char *name, int64_t t)
{
	char d[40];
	time_format_iso(t, d, sizeof(d));
	sb_addf(b, "<%s>%s</%s>\n", name, d, name);
}

static void rss_write(struct sb *b, const struct feed *f)
{
	sb_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		   "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\""
		   " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n");
	element(b, "title", f->title, 1);
	element(b, "link", f->link, 1);
	element(b, "description", f->description, 1);
	element(b, "language", f->language, 0);
	rfc822(b, "lastBuildDate", f->updated);
	sb_adds(b, "<atom:link");
	attr(b, "href", f->self);
	sb_adds(b, " rel=\"self\" type=\"application/rss+xml\"/>\n");
	sb_adds(b, "<generator>Cổng</generator>\n");
	for (size_t i = 0; i < f->nentries; i++) {
		const struct feed_entry *e = &f->entries[i];
		sb_adds(b, "<item>\n");
		element(b, "title", e->title, 1);
		element(b, "link", e->link, 1);
		sb_adds(b, "<guid isPermaLink=\"false\">");
		xml_s(b, e->id);
		sb_adds(b, "</guid>\n");
		rfc822(b, "pubDate", e->published);
		if (present(e->summary)) {
			/* RSS readers take a description for HTML: the plain text is written as the HTML
			 * that shows it as it is, then escaped for XML */
			struct sb h = SB_INIT;
			sb_add_html(&h, e->summary, strlen(e->summary));
			element(b, "description", h.buf, 1);
			sb_release(&h);
		}
		element(b, "dc:creator", e->author, 0);
		element(b, "category", e->category, 0);
		if (e->enclosure_url) {
			sb_adds(b, "<enclosure");
			attr(b, "url", e->enclosure_url);
			sb_addf(b, " length=\"%" PRId64 "\"", e->enclosure_length);
			attr(b, "type", e->enclosure_type);
			sb_adds(b, "/>\n");
		}
		sb_adds(b, "</item>\n");
	}
	sb_adds(b, "</channel>\n</rss>\n");
}

static void atom_write(struct sb *b, const struct feed *f)
{
	sb_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"");
	if (present(f->language))
		attr(b, "xml:lang", f->language);
	sb_adds(b, ">\n");
	element(b, "id", f->self, 1);
	sb_adds(b, "<title type=\"text\">");
	xml_s(b, f->title);
	sb_adds(b, "</title>\n");
	if (present(f->description)) {
		sb_adds(b, "<subtitle type=\"text\">");
		xml_s(b, f->description);
		sb_adds(b, "</subtitle>\n");
	}
	rfc3339(b, "updated", f->updated);
	sb_adds(b, "<link rel=\"self\" type=\"application/atom+xml\"");
	attr(b, "href", f->self);
	sb_adds(b, "/>\n<link rel=\"alternate\" type=\"text/html\"");
	attr(b, "href", f->link);
	sb_adds(b, "/>\n");
	/* a feed names an author unless every entry does: the site is the publisher of all */
	sb_adds(b, "<author>\n");
	element(b, "name", f->publisher, 1);
	element(b, "uri", f->link, 0);
	sb_adds(b, "</author>\n<generator>Cổng</generator>\n");
	for (size_t i = 0; i < f->nentries; i++) {
		const struct feed_entry *e = &f->entries[i];
		sb_adds(b, "<entry>\n");
		element(b, "id", e->id, 1);
		sb_adds(b, "<title type=\"text\">");
		xml_s(b, e->title);
		sb_adds(b, "</title>\n<link rel=\"alternate\" type=\"text/html\"");
		attr(b, "href", e->link);
		sb_adds(b, "/>\n");
		rfc3339(b, "published", e->published);
		rfc3339(b, "updated", e->updated > e->published ? e->updated : e->published);
		if (present(e->author)) {
			sb_adds(b, "<author>");
			element(b, "name", e->author, 1);
			sb_adds(b, "</author>\n");
		}
		if (present(e->category)) {
			sb_adds(b, "<category");
			attr(b, "term", e->category);
			sb_adds(b, "/>\n");
		}
		if (present(e->summary)) {
			sb_adds(b, "<summary type=\"text\">");
			xml_s(b, e->summary);
			sb_adds(b, "</summary>\n");
		}
		if (e->enclosure_url) {
			sb_adds(b, "<link rel=\"enclosure\"");
			attr(b, "type", e->enclosure_type);
			sb_addf(b, " length=\"%" PRId64 "\"", e->enclosure_length);
			attr(b, "href", e->enclosure_url);
			sb_adds(b, "/>\n");
		}
		sb_adds(b, "</entry>\n");
	}
	sb_adds(b, "</feed>\n");
}

void feed_write(struct sb *out, enum feed_format format, const struct feed *feed)
{
	if (format == FEED_ATOM)
		atom_write(out, feed);
	else
		rss_write(out, feed);
}
