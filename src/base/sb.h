/* sb.h — the one growable string builder of Cổng.
 *
 * Invariants (checked by tests/unit/test_sb.c):
 *   - sb->buf is never NULL, and sb->buf[sb->len] == '\0' at all times;
 *   - sb->len < sb->cap whenever cap > 0; a fresh builder points at a static "" (cap == 0);
 *   - sb_detach() is the only way to take ownership of the memory.
 * Allocation failure aborts (BUG-like): a web server that cannot allocate a few bytes cannot
 * answer anyway, and checking every append would hide the logic.
 */
#ifndef CONG_SB_H
#define CONG_SB_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct sb {
	char *buf;
	size_t len;
	size_t cap;
};

#define SB_INIT { (char *)sb_empty, 0, 0 }
extern const char sb_empty[1];

void sb_init(struct sb *sb);
void sb_release(struct sb *sb);          /* frees memory, back to SB_INIT state */
void sb_reset(struct sb *sb);            /* len = 0, keeps memory */
char *sb_detach(struct sb *sb, size_t *len); /* caller owns result (malloc'd); sb reset */
void sb_grow(struct sb *sb, size_t extra);
void sb_add_grow(struct sb *sb, const void *data, size_t len); /* sb_add when it must grow */
/* Appends LEN bytes of DATA. Inline: a page is written in a few thousand pieces. */
static inline void sb_add(struct sb *sb, const void *data, size_t len)
{
	if (len && sb->cap - sb->len > len) { /* room for them and the NUL */
		memcpy(sb->buf + sb->len, data, len);
		sb->len += len;
		sb->buf[sb->len] = '\0';
		return;
	}
	sb_add_grow(sb, data, len);
}
void sb_adds(struct sb *sb, const char *s);
void sb_addc(struct sb *sb, char c);
void sb_addf(struct sb *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(struct sb *sb, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void sb_truncate(struct sb *sb, size_t len);

/* Escapers: one per output context (cf. cgit html.c). */
void sb_add_html(struct sb *sb, const char *s, size_t len); /* text and quoted attributes */
void sb_add_urlenc(struct sb *sb, const char *s, size_t len); /* query argument component */
/* XML 1.0 text and quoted attribute values (feeds, sitemaps): escaped as sb_add_html does, and
 * whatever XML 1.0 cannot carry at all dropped — C0 controls but tab, LF and CR, U+FFFE and
 * U+FFFF, bytes that are not well-formed UTF-8 — since a reader refuses the whole document for
 * one of them (a character reference to them is no better: it is just as invalid). */
void sb_add_xml(struct sb *sb, const char *s, size_t len);

#endif
