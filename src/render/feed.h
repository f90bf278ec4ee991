/* feed.h — RSS 2.0 and Atom 1.0 documents of a list of entries (docs/feeds.md). The writer knows
 * nothing of items or requests: web/public/feeds.c fills a struct feed from the item layer's list
 * and the request's absolute addresses, and this writes it out, every text through sb_add_xml()
 * (escaped, and the characters XML 1.0 cannot carry dropped), so any title or summary gives a
 * well-formed document. */
#ifndef CONG_RENDER_FEED_H
#define CONG_RENDER_FEED_H

#include <stddef.h>
#include <stdint.h>

struct sb;

enum feed_format { FEED_RSS, FEED_ATOM };

/* The Content-Type each is served with. */
#define FEED_RSS_TYPE "application/rss+xml; charset=utf-8"
#define FEED_ATOM_TYPE "application/atom+xml; charset=utf-8"

/* One entry. Strings may be NULL or "" when absent, except TITLE, LINK and ID. */
struct feed_entry {
	const char *title;
	const char *link;     /* absolute address of the item's page */
	const char *id;       /* stable identifier (RSS guid, Atom id): an IRI that is no address */
	const char *summary;  /* plain text: a reader shows it as it is, never as markup */
	const char *author;   /* a person's or a unit's name (RSS dc:creator, Atom author) */
	const char *category; /* its category's name */
	int64_t published;    /* Unix seconds */
	int64_t updated;      /* Unix seconds, >= published */
	/* the cover image (RSS enclosure, Atom link rel="enclosure"): absolute address, MIME type
	 * and size in bytes; no enclosure when URL is NULL */
	const char *enclosure_url, *enclosure_type;
	int64_t enclosure_length;
};

struct feed {
	const char *title;       /* "Sở Nội vụ", "Tin hoạt động - Sở Nội vụ" */
	const char *description; /* one sentence (RSS description, Atom subtitle) */
	const char *link;        /* absolute address of the page the feed follows */
	const char *self;        /* absolute address of this feed (atom:link rel="self"; Atom's id) */
	const char *publisher;   /* the site's name: Atom's feed author */
	const char *language;    /* "vi" */
	int64_t updated;         /* the newest entry's time (lastBuildDate, updated) */
	const struct feed_entry *entries;
	size_t nentries;
};

/* Appends FEED as a complete document in FORMAT to OUT: RSS 2.0 with the atom and dc
 * namespaces for the self link and authors, dates in RFC 822; Atom 1.0, dates in RFC 3339; both
 * in Vietnam time (+07:00). */
void feed_write(struct sb *out, enum feed_format format, const struct feed *feed);

#endif
