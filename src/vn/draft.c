/* draft.c — the articles of a draft's full text (draft.h). One pass over the bytes, no
 * allocation: tags are skipped (block tags start a block), text outside a heading ends the
 * block's start. */
#include "draft.h"

#include <string.h>

#include "base/banned.h"

/* "Điều" and "ĐIỀU" in NFC UTF-8. */
static const char DIEU[] = "\xC4\x90i\xE1\xBB\x81u";
static const char DIEU_UP[] = "\xC4\x90I\xE1\xBB\x80U";

static int is_block_tag(const char *name, size_t n)
{
	static const char *const tags[] = { "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
					    "td", "th", "tr", "table", "blockquote", "section", "article", "hr", NULL };
	for (size_t i = 0; tags[i]; i++)
		if (strlen(tags[i]) == n && memcmp(tags[i], name, n) == 0)
			return 1;
	return 0;
}

/* The length of a space at P (space, tab, no-break space as UTF-8 or "&nbsp;"), 0 when none. */
static size_t space_at(const char *p, const char *end)
{
	if (p < end && (*p == ' ' || *p == '\t'))
		return 1;
	if (end - p >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
		return 2;
	if (end - p >= 6 && memcmp(p, "&nbsp;", 6) == 0)
		return 6;
	return 0;
}

/* An entity at P decoded into *C (one byte), its length; 0 when P starts none we decode. */
static size_t entity_at(const char *p, const char *end, char *c)
{
	static const struct {
		const char *s;
		char c;
	} ents[] = { { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&#39;", '\'' }, { "&#x27;", '\'' } };
	for (size_t i = 0; i < sizeof(ents) / sizeof(ents[0]); i++) {
		size_t n = strlen(ents[i].s);
		if ((size_t)(end - p) >= n && memcmp(p, ents[i].s, n) == 0) {
			*c = ents[i].c;
			return n;
		}
	}
	return 0;
}

/* The length of the UTF-8 sequence led by byte C (1 for a stray byte). */
static size_t seq_len(unsigned char c)
{
	return c >= 0xF0 && c < 0xF8 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* Appends N bytes to the title T (LEN used) when they fit whole; one space for a run of them. */
static void title_add(struct draft_article *a, size_t *len, const char *s, size_t n)
{
	if (n == 1 && *s == ' ' && (*len == 0 || a->title[*len - 1] == ' '))
		return;
	if (*len + n > DRAFT_TITLE_MAX)
		return;
	memcpy(a->title + *len, s, n);
	*len += n;
	a->title[*len] = '\0';
}

/* A heading "Điều N." at P: its number, *AFTER the byte after its '.' or ':'; 0 when none. */
static int heading_at(const char *p, const char *end, const char **after)
{
	size_t dn = sizeof(DIEU) - 1;
	if ((size_t)(end - p) < dn || (memcmp(p, DIEU, dn) != 0 && memcmp(p, DIEU_UP, dn) != 0))
		return 0;
	p += dn;
	size_t sp, spaces = 0;
	while ((sp = space_at(p, end)) != 0) {
		p += sp;
		spaces++;
	}
	if (!spaces)
		return 0;
	int n = 0, digits = 0;
	while (p < end && *p >= '0' && *p <= '9' && digits < 5) {
		n = n * 10 + (*p - '0');
		p++;
		digits++;
	}
	if (!digits || digits > 4 || n < 1 || p >= end || (*p != '.' && *p != ':'))
		return 0;
	*after = p + 1;
	return n;
}

size_t draft_articles(const char *text, size_t len, struct draft_article *out, size_t max)
{
	if (!text)
		return 0;
	const char *p = text, *end = text + len;
	size_t n = 0, tlen = 0;
	int block_start = 1;
	struct draft_article *cur = NULL; /* the heading whose title is being read */
	while (p < end) {
		unsigned char c = (unsigned char)*p;
		if (c == '<') {
			const char *q = p + 1;
			if (q < end && *q == '/')
				q++;
			const char *name = q;
			char lower[16];
			size_t nl = 0;
			while (q < end && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9'))) {
				if (nl < sizeof(lower))
					lower[nl] = (char)(*q >= 'A' && *q <= 'Z' ? *q + 32 : *q);
				nl++;
				q++;
			}
			const char *gt = memchr(q, '>', (size_t)(end - q));
			if (!gt)
				break;
			if (q > name && nl <= sizeof(lower) && is_block_tag(lower, nl)) {
				block_start = 1;
				cur = NULL;
			}
			p = gt + 1;
			continue;
		}
		if (c == '\n' || c == '\r') {
			block_start = 1;
			cur = NULL;
			p++;
			continue;
		}
		size_t sp = space_at(p, end);
		if (sp) {
			if (cur)
				title_add(cur, &tlen, " ", 1);
			p += sp;
			continue;
		}
		const char *after;
		int num = block_start && !cur ? heading_at(p, end, &after) : 0;
		block_start = 0;
		if (num) {
			int seen = 0;
			for (size_t i = 0; i < n; i++)
				seen |= out[i].number == num;
			p = after;
			if (!seen && n < max) {
				cur = &out[n++];
				cur->number = num;
				cur->title[0] = '\0';
				tlen = 0;
			}
			continue;
		}
		char ch;
		size_t el = entity_at(p, end, &ch);
		if (el) {
			if (cur)
				title_add(cur, &tlen, &ch, 1);
			p += el;
			continue;
		}
		/* a title keeps printable ASCII and whole UTF-8 sequences; a byte that is neither is
		 * dropped on its own */
		size_t sl = seq_len(c), ok = (c >= 0x20 && c < 0x7F) || (c >= 0xC2 && c < 0xF5 && sl <= (size_t)(end - p));
		for (size_t k = 1; ok && sl > 1 && k < sl; k++)
			ok = ((unsigned char)p[k] & 0xC0) == 0x80;
		if (!ok)
			sl = 1;
		else if (cur)
			title_add(cur, &tlen, p, sl);
		p += sl;
	}
	/* a title ends without its trailing space */
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(out[i].title);
		while (l && out[i].title[l - 1] == ' ')
			out[i].title[--l] = '\0';
	}
	return n;
}
