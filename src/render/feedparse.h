/* feedparse.h — reading other sites' feeds (VL Đ33, docs/external-feeds.md): RSS 2.0 (and RSS
 * 1.0/RDF), Atom and JSON Feed 1.x, into a list of items ready to store and show.
 *
 * Feeds come from servers we do not control, so the parser trusts nothing:
 *   - XML is read by libxml2 with XML_PARSE_NONET and without XML_PARSE_NOENT, XML_PARSE_DTDLOAD
 *     or XML_PARSE_HUGE: no entity is substituted, no external entity or DTD is ever loaded
 *     (XXE), libxml2's own amplification check refuses entity loops (billion laughs), and a
 *     document that declares any entity at all is refused (a feed needs none);
 *   - JSON is read by jansson (duplicated keys refused);
 *   - more than FEED_MAX_BYTES is refused before parsing; at most FEED_MAX_ITEMS items are read;
 *   - every text is UTF-8 NFC and cut to its length; HTML (descriptions, content) goes through
 *     our sanitizer (render/sanitize.h) and only its plain text is kept, cut to a summary;
 *   - links and images are made absolute against the feed's address and kept only when they are
 *     http: or https:; an item without such a link is dropped (the portal links out to it).
 * Thread-safe: no shared mutable state. */
#ifndef CONG_FEEDPARSE_H
#define CONG_FEEDPARSE_H

#include <stddef.h>
#include <stdint.h>

#define FEED_MAX_BYTES (2 * 1024 * 1024)
#define FEED_MAX_ITEMS 100
#define FEED_TITLE_MAX 300   /* code points */
#define FEED_SUMMARY_MAX 400 /* code points */

struct feed_item {
	char *guid;      /* the feed's id of the item, else its link; never NULL */
	char *link;      /* absolute http(s) address; never NULL */
	char *title;     /* plain text; never NULL nor empty */
	char *summary;   /* plain text, "" when none */
	char *author;    /* "" when none */
	char *image;     /* absolute http(s) address, "" when none */
	int64_t published; /* Unix time; 0 when the feed gives none */
};

struct feed {
	const char *format;     /* "rss", "rdf", "atom", "json" */
	char *title;            /* the feed's own title, "" when none */
	struct feed_item *items;
	size_t nitems;
};

/* Why a body is not a feed: the locale key of the message (locale/vi/extfeeds.json). */
enum feed_error {
	FEED_OK = 0,
	FEED_ERR_SIZE,      /* extfeed_err_size */
	FEED_ERR_XML,       /* extfeed_err_xml: not well-formed, or libxml2 refused it */
	FEED_ERR_ENTITIES,  /* extfeed_err_entities: declares entities */
	FEED_ERR_JSON,      /* extfeed_err_json */
	FEED_ERR_NOT_FEED,  /* extfeed_err_not_feed: parsed, but not RSS, Atom nor JSON Feed */
};
const char *feed_error_key(enum feed_error e);

/* Parses BODY[0..LEN) fetched from BASE_URL (relative links are resolved against it; may be
 * NULL). On FEED_OK, OUT holds the items (release with feed_release); otherwise OUT is empty and
 * DETAIL gets a sentence for the administrator (English, the parser's words). */
enum feed_error feed_parse(const char *body, size_t len, const char *base_url, struct feed *out, char *detail,
			   size_t detail_len);
void feed_release(struct feed *f);

/* Dates as feeds write them: RFC 822 (RSS: "Tue, 01 Dec 2026 10:00:00 +0700") and RFC 3339
 * (Atom, JSON Feed: "2026-12-01T10:00:00+07:00"). 0 with the time in *OUT, or -1. */
int feed_parse_date(const char *s, int64_t *out);

#endif
