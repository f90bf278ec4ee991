/* prefs.h — the reader's display preferences (text size, high contrast), remembered in the
 * cookie "tuy-chon" and applied by the server as a class on <html> (docs/accessibility.md).
 * They are part of the page cache's key (server.c): each combination is a cached variant of
 * its own, and a reader with the defaults gets the very bytes every other reader gets. */
#ifndef CONG_PREFS_H
#define CONG_PREFS_H

#include <stddef.h>

#define PREFS_COOKIE "tuy-chon"
#define PREFS_MAX_AGE (365 * 24 * 3600) /* a year: the choice is the reader's, not the session's */

enum prefs_size { PREFS_SIZE_NORMAL, PREFS_SIZE_LARGE, PREFS_SIZE_LARGER, PREFS_NSIZES };

struct prefs {
	enum prefs_size size;
	int contrast; /* 1: high contrast */
};

/* The preferences a cookie value says ("lon.cao", "rat-lon.thuong"); anything else, NULL
 * included, reads as the defaults, and an unknown part leaves its default. */
void prefs_parse(const char *value, struct prefs *p);
/* The cookie's value for P ("lon.cao"), or "" when P is the defaults (the cookie is dropped). */
const char *prefs_format(const struct prefs *p, char *buf, size_t n);
/* The URL parameter's word for a size ("thuong", "lon", "rat-lon") and back (-1: none). */
const char *prefs_size_word(enum prefs_size s);
int prefs_size_from_word(const char *w);
/* The classes for <html> ("chu-lon tuong-phan-cao"), "" for the defaults: a constant string. */
const char *prefs_html_class(const struct prefs *p);
/* 1 when P is not the defaults. */
int prefs_set(const struct prefs *p);

#endif
