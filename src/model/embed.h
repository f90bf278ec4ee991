/* embed.h — players of other sites (YouTube, Vimeo…) embedded in a page only from the hosts a
 * site allows (sites.embed_hosts, its administrators' setting; migration 0027), and only after
 * the reader asks: until then the page names no third party (docs/media.md). */
#ifndef CONG_MODEL_EMBED_H
#define CONG_MODEL_EMBED_H

#include <stdint.h>

struct db;
struct errs;
struct actor;

struct embed {
	char *frame;  /* the player's address for the iframe (https) */
	char *origin; /* "https://host" of the player: the Content-Security-Policy's frame-src */
	char *host;   /* the host of the address the editor gave (shown to the reader) */
};

enum embed_rc { EMBED_OK = 0, EMBED_INVALID = -1, EMBED_REFUSED = -2 };

/* Reads URL (an https address of a video page: a YouTube watch, youtu.be, shorts or embed
 * address, a Vimeo page, or any page of an allowed host, embedded as it is) against ALLOWED
 * (hosts separated by spaces or commas; a host allows its subdomains). YouTube plays from
 * youtube-nocookie.com when that is allowed. EMBED_OK with OUT filled (free with embed_free). */
enum embed_rc embed_resolve(const char *url, const char *allowed, struct embed *out);
void embed_free(struct embed *e);

/* 1 when HOST (lower case) is one of ALLOWED or a subdomain of one. */
int embed_host_allowed(const char *host, const char *allowed);

/* The site's allow-list (malloc'd; the default when unreadable). */
char *embed_hosts(struct db *db, int64_t site_id);
#define EMBED_HOSTS_DEFAULT "youtube.com youtube-nocookie.com vimeo.com"

/* The site's media settings: the allow-list (hosts, one a line or separated by spaces or
 * commas; each a host name: letters, digits, '-' and at least one '.') and the largest audio or
 * video upload in megabytes (1–2048). Its administrators'; one transaction with an audit record.
 * Field errors on "embed_hosts", "media_av_max_mb". */
int media_settings_update(struct db *db, const struct actor *a, int64_t site_id, const char *hosts,
			  const char *max_mb, struct errs *e);

#endif
