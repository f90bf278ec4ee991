/* vcard.c — vCard 4.0 content lines (vcard.h). */
#include "render/vcard.h"
#include "base/sb.h"
#include "base/util.h"

#include <string.h>

#include "base/banned.h"

#define FOLD 75 /* octets a line holds before the CRLF (RFC 6350 §3.2) */

/* Appends the content line LINE (LEN bytes) folded: a CRLF and a space before octet 75 of each
 * physical line, moved back to the start of a UTF-8 character. */
static void fold(struct sb *out, const char *line, size_t len)
{
	size_t i = 0, room = FOLD;
	while (len - i > room) {
		size_t cut = i + room;
		while (cut > i && ((unsigned char)line[cut] & 0xC0) == 0x80)
			cut--;
		if (cut == i) /* not UTF-8: cut anywhere rather than loop */
			cut = i + room;
		sb_add(out, line + i, cut - i);
		sb_adds(out, "\r\n ");
		i = cut;
		room = FOLD - 1; /* the leading space counts */
	}
	sb_add(out, line + i, len - i);
	sb_adds(out, "\r\n");
}

static void escape(struct sb *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\\': sb_adds(b, "\\\\"); break;
		case ',': sb_adds(b, "\\,"); break;
		case ';': sb_adds(b, "\\;"); break;
		case '\n': sb_adds(b, "\\n"); break;
		case '\r': break;
		default: sb_addc(b, *s);
		}
	}
}

void vcard_text(struct sb *out, const char *name, const char *value)
{
	if (!value || !*value)
		return;
	struct sb l = SB_INIT;
	sb_addf(&l, "%s:", name);
	escape(&l, value);
	fold(out, l.buf, l.len);
	sb_release(&l);
}

void vcard_struct(struct sb *out, const char *name, const char *const *parts, size_t n)
{
	struct sb l = SB_INIT;
	sb_addf(&l, "%s:", name);
	for (size_t i = 0; i < n; i++) {
		if (i)
			sb_addc(&l, ';');
		escape(&l, parts[i] ? parts[i] : "");
	}
	fold(out, l.buf, l.len);
	sb_release(&l);
}

void vcard_raw(struct sb *out, const char *name, const char *value)
{
	if (!value || !*value)
		return;
	struct sb l = SB_INIT;
	sb_addf(&l, "%s:", name);
	for (const char *p = value; *p; p++)
		if (*p != '\r' && *p != '\n')
			sb_addc(&l, *p);
	fold(out, l.buf, l.len);
	sb_release(&l);
}

void vcard_name_parts(const char *full, char *out[3])
{
	const char *s = full ? full : "";
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	const char *first_sp = memchr(s, ' ', n);
	if (!first_sp) {
		out[0] = xstrdup("");
		out[1] = xstrndup(s, n);
		out[2] = xstrdup("");
		return;
	}
	const char *last_sp = s + n;
	while (last_sp > s && last_sp[-1] != ' ')
		last_sp--;
	out[0] = xstrndup(s, (size_t)(first_sp - s));
	out[1] = xstrndup(last_sp, (size_t)(s + n - last_sp));
	const char *m = first_sp, *me = last_sp;
	while (m < me && *m == ' ')
		m++;
	while (me > m && me[-1] == ' ')
		me--;
	out[2] = xstrndup(m, (size_t)(me - m));
}
