/* utf8.h — UTF-8 validation and normalisation to NFC (TCVN 6909:2011) through utf8proc. */
#ifndef CONG_UTF8_H
#define CONG_UTF8_H

#include <stddef.h>

/* 1 when S[0..LEN) is well-formed UTF-8 without NUL bytes. */
int utf8_valid(const char *s, size_t len);

/* Returns a malloc'd NFC copy of S[0..LEN), or NULL when S is not valid UTF-8.
 * CR LF and lone CR become LF; other C0 controls except TAB and LF are dropped. */
char *utf8_nfc(const char *s, size_t len);

/* Number of code points in a NUL-terminated valid UTF-8 string. */
size_t utf8_length(const char *s);

/* Cuts S to at most MAX code points, appending "…" when cut; returns malloc'd string. */
char *utf8_ellipsize(const char *s, size_t max);

#endif
