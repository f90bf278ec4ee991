/* sanitize.c — allow-list HTML sanitizer on gumbo, and the plain-text view of article HTML.
 * The input is parsed exactly as a browser parses the body of an article (a fragment in a
 * <div>), then re-serialised under a restricted content model chosen so that the output parses
 * back to the same tree (which makes html_sanitize idempotent and mutation-XSS-proof). */
#include "render/sanitize.h"
#include "base/sb.h"
#include "base/utf8.h"
#include "base/util.h"

#include <gumbo.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "base/banned.h"

/* Deeper emitted nesting is flattened: no article needs it, and parsers start to disagree a few
 * hundred levels down (Blink reparents at 512), the kind of gap mutation XSS lives in. */
#define SAN_MAX_DEPTH 100

/* ------------------------------------------------------------------------------------------ */
/* Parsing: gumbo on a per-call arena                                                          */

/* gumbo_destroy_output() frees the tree recursively, so a deeply nested input would overflow a
 * worker thread's stack.  Every allocation of one parse therefore comes from an arena that is
 * released in one sweep; gumbo's frees are no-ops (vectors grow by doubling, so the waste is
 * bounded by a small factor of what the tree needs). */
struct arena_chunk {
	struct arena_chunk *next;
	size_t used, size;
	max_align_t data[];
};

struct arena {
	struct arena_chunk *head;
};

#define ARENA_CHUNK (64 * 1024)

static void *arena_alloc(void *userdata, size_t n)
{
	struct arena *ar = userdata;
	size_t align = sizeof(max_align_t);
	n = st_add(n, align - 1) / align * align;
	if (!n)
		n = align;
	struct arena_chunk *c = ar->head;
	if (c && c->size - c->used >= n) {
		void *p = (char *)c->data + c->used;
		c->used += n;
		return p;
	}
	/* Big blocks get a chunk of their own, placed behind the current one so that its free
	 * space keeps being used. */
	size_t size = n > ARENA_CHUNK / 4 ? n : ARENA_CHUNK;
	struct arena_chunk *nc = xmalloc(st_add(sizeof(*nc), size));
	nc->size = size;
	nc->used = n;
	if (c && size != ARENA_CHUNK) {
		nc->next = c->next;
		c->next = nc;
	} else {
		nc->next = c;
		ar->head = nc;
	}
	return nc->data;
}

static void arena_free(void *userdata, void *p)
{
	(void)userdata;
	(void)p;
}

static void arena_release(struct arena *ar)
{
	while (ar->head) {
		struct arena_chunk *next = ar->head->next;
		free(ar->head);
		ar->head = next;
	}
}

/* Parses HTML as the content of a <div>; the fragment's nodes are the children of the root. */
static GumboOutput *html_parse(const char *html, size_t len, struct arena *ar)
{
	GumboOptions opt = kGumboDefaultOptions;
	opt.allocator = arena_alloc;
	opt.deallocator = arena_free;
	opt.userdata = ar;
	opt.max_errors = 0; /* we never read the error list: do not spend memory on it */
	opt.fragment_context = GUMBO_TAG_DIV;
	opt.fragment_namespace = GUMBO_NAMESPACE_HTML;
	return gumbo_parse_with_options(&opt, html, len);
}

/* gumbo checks scopes by walking the stack of open elements, so a run of unclosed <div> or <b>
 * costs time quadratic in its length (a megabyte of "<div>" takes minutes).  Before parsing, a
 * rough lexer estimates how deep the elements nest; past this, the input is taken as plain text
 * (shown with its markup, harmlessly).  Elements whose end tag is optional or that close their
 * own kind (p, li, td...) and void ones do not count, so sloppy but real HTML stays far below. */
#define SAN_MAX_NEST 512

static bool name_in(const char *name, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && !strncasecmp(name, *list, n))
			return true;
	return false;
}

static bool html_too_deep(const char *s, size_t len)
{
	static const char *const flat[] = {
		"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
		"source", "track", "wbr", "keygen", "image", "isindex", "basefont", "bgsound", "frame",
		"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead",
		"tfoot", "rt", "rp", "rb", "rtc", "colgroup", "caption", NULL,
	};
	static const char *const raw[] = {
		"script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title",
		"noscript", NULL,
	};
	const char *end = s + len, *p = s;
	long depth = 0;

	while ((p = memchr(p, '<', (size_t)(end - p))) && ++p < end) {
		bool close = *p == '/';
		if (*p == '!' || *p == '?') {
			const char *q = end - p >= 3 && !memcmp(p, "!--", 3)
				? memmem(p, (size_t)(end - p), "-->", 3) : memchr(p, '>', (size_t)(end - p));
			if (!q)
				break;
			p = q;
			continue;
		}
		const char *name = p + close;
		const char *q = name;
		while (q < end && (((*q | 32) >= 'a' && (*q | 32) <= 'z') || (*q >= '0' && *q <= '9') ||
				   *q == '-' || *q == ':'))
			q++;
		size_t n = (size_t)(q - name);
		if (!n || !((*name | 32) >= 'a' && (*name | 32) <= 'z'))
			continue;
		/* The rest of the tag, attribute values in quotes included. */
		char quote = 0;
		while (q < end && (quote || *q != '>')) {
			if (quote && *q == quote)
				quote = 0;
			else if (!quote && (*q == '"' || *q == '\''))
				quote = *q;
			q++;
		}
		p = q;
		if (name_in(name, n, flat))
			continue;
		if (close) {
			depth -= depth > 0;
			continue;
		}
		if (n == 9 && !strncasecmp(name, "plaintext", 9))
			break;
		if (name_in(name, n, raw)) {
			/* Raw text: no tags until the matching end tag. */
			const char *r = p;
			while ((r = memchr(r, '<', (size_t)(end - r))) && end - r > (long)n + 1 &&
			       !(r[1] == '/' && !strncasecmp(r + 2, name, n)))
				r++;
			if (!r || end - r <= (long)n + 1)
				break;
			p = r;
			continue;
		}
		if (++depth > SAN_MAX_NEST)
			return true;
	}
	return false;
}

/* ------------------------------------------------------------------------------------------ */
/* Text helpers                                                                                 */

/* Valid UTF-8 without NUL (bad sequences become U+FFFD), then NFC with LF line ends and no C0
 * controls but TAB and LF (utf8_nfc's rules).  Entity-decoded text such as "e&#x301;" is
 * where NFD sneaks in, and "&#0;" or stray bytes where invalid text would. */
static char *text_nfc(const char *s, size_t len)
{
	struct sb clean = SB_INIT;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t left = (utf8proc_ssize_t)len;
	size_t start = 0, i = 0;

	while (left > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p + i, left, &cp);
		/* C1 controls and noncharacters are what an HTML parser replaces by U+FFFD: do it
		 * here too, so that plain text reads the same once it is HTML. */
		bool bad = n <= 0 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xfdd0 && cp <= 0xfdef) ||
			   (cp & 0xfffe) == 0xfffe;
		if (n > 0 && cp != 0 && !bad) {
			i += (size_t)n;
			left -= n;
			continue;
		}
		sb_add(&clean, s + start, i - start);
		if (bad)
			sb_adds(&clean, "\xEF\xBF\xBD");
		n = n <= 0 ? 1 : n;
		i += (size_t)n;
		left -= n;
		start = i;
	}
	char *r;
	if (!start) {
		r = utf8_nfc(s, len);
	} else {
		sb_add(&clean, s + start, len - start);
		r = utf8_nfc(clean.buf, clean.len);
	}
	sb_release(&clean);
	if (!r)
		BUG("utf8_nfc refused cleaned text");
	return r;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static bool ascii_iprefix(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++) {
		char c = *s;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != *prefix)
			return false;
	}
	return true;
}

static bool ascii_ieq(const char *a, const char *b)
{
	return ascii_iprefix(a, b) && strlen(a) == strlen(b);
}

/* ------------------------------------------------------------------------------------------ */
/* The allow-list                                                                               */

enum san_kind {
	K_UNWRAP,     /* not allowed: children kept in place */
	K_DROP,       /* dangerous or meaningless: gone with its content */
	K_BR,
	K_IMG,
	K_HR,
	K_INLINE,     /* strong em u s sub sup code: phrasing content */
	K_A,
	K_TEXTBLOCK,  /* p h2 h3 h4 pre: flow position, phrasing content */
	K_BLOCKQUOTE, /* flow content */
	K_LIST,       /* ul ol: li and flow content */
	K_LI,         /* only directly in a list */
	K_FIGURE,
	K_FIGCAPTION, /* only directly in a figure */
	K_TABLE,
	K_CAPTION,    /* the table parts: only in their own parents */
	K_SECTION,
	K_TR,
	K_CELL,
};

/* Where the children of an element go; it decides what may be emitted there. */
enum san_ctx {
	CX_FLOW,     /* blocks and phrasing */
	CX_LIST,     /* flow, plus li */
	CX_FIGURE,   /* flow, plus figcaption */
	CX_PHRASING, /* text and inline elements only */
	CX_TABLE,    /* caption thead tbody tfoot only, no text */
	CX_SECTION,  /* tr only */
	CX_ROW,      /* td th only */
};

static bool ctx_flow(enum san_ctx c)
{
	return c == CX_FLOW || c == CX_LIST || c == CX_FIGURE;
}

static bool ctx_table(enum san_ctx c)
{
	return c == CX_TABLE || c == CX_SECTION || c == CX_ROW;
}

/* The kind of TAG and the name it is written with. */
static enum san_kind tag_kind(GumboTag tag, const char **name)
{
	*name = gumbo_normalized_tagname(tag);
	switch (tag) {
	case GUMBO_TAG_BR: return K_BR;
	case GUMBO_TAG_IMG: return K_IMG;
	case GUMBO_TAG_HR: return K_HR;
	case GUMBO_TAG_B: *name = "strong"; return K_INLINE;
	case GUMBO_TAG_I: *name = "em"; return K_INLINE;
	case GUMBO_TAG_STRIKE: *name = "s"; return K_INLINE;
	case GUMBO_TAG_STRONG: case GUMBO_TAG_EM: case GUMBO_TAG_U: case GUMBO_TAG_S:
	case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_CODE:
		return K_INLINE;
	case GUMBO_TAG_A: return K_A;
	case GUMBO_TAG_H1: *name = "h2"; return K_TEXTBLOCK;
	case GUMBO_TAG_H5: case GUMBO_TAG_H6: *name = "h4"; return K_TEXTBLOCK;
	case GUMBO_TAG_P: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_PRE:
		return K_TEXTBLOCK;
	case GUMBO_TAG_BLOCKQUOTE: return K_BLOCKQUOTE;
	case GUMBO_TAG_UL: case GUMBO_TAG_OL: return K_LIST;
	case GUMBO_TAG_LI: return K_LI;
	case GUMBO_TAG_FIGURE: return K_FIGURE;
	case GUMBO_TAG_FIGCAPTION: return K_FIGCAPTION;
	case GUMBO_TAG_TABLE: return K_TABLE;
	case GUMBO_TAG_CAPTION: return K_CAPTION;
	case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: return K_SECTION;
	case GUMBO_TAG_TR: return K_TR;
	case GUMBO_TAG_TD: case GUMBO_TAG_TH: return K_CELL;
	/* Scripts and everything that embeds, submits or configures the page, with content:
	 * unwrapping them would turn code or fallback markup into visible text. */
	case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME:
	case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_SVG:
	case GUMBO_TAG_MATH: case GUMBO_TAG_FORM: case GUMBO_TAG_INPUT: case GUMBO_TAG_BUTTON:
	case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
	case GUMBO_TAG_META: case GUMBO_TAG_LINK: case GUMBO_TAG_BASE: case GUMBO_TAG_APPLET:
	case GUMBO_TAG_FRAME: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOEMBED:
	case GUMBO_TAG_PARAM: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_BGSOUND: case GUMBO_TAG_ISINDEX:
	case GUMBO_TAG_DATALIST: case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_MENUITEM:
		return K_DROP;
	default:
		return K_UNWRAP;
	}
}

/* Elements that end a line when rendered: unwrapping one must not glue the words on each side
 * together ("<div>a</div><div>b</div>" is "a b", not "ab"). */
static bool tag_blockish(GumboTag tag)
{
	switch (tag) {
	case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
	case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
	case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
	case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
	case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR:
	case GUMBO_TAG_LEGEND: case GUMBO_TAG_LI: case GUMBO_TAG_LISTING: case GUMBO_TAG_MAIN:
	case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P:
	case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
	case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TD: case GUMBO_TAG_TFOOT:
	case GUMBO_TAG_TH: case GUMBO_TAG_THEAD: case GUMBO_TAG_TR: case GUMBO_TAG_UL:
	case GUMBO_TAG_XMP: case GUMBO_TAG_BR:
		return true;
	default:
		return false;
	}
}

/* ------------------------------------------------------------------------------------------ */
/* Attribute values                                                                             */

enum url_verdict { URL_BAD, URL_LOCAL, URL_EXTERNAL };

/* Writes to DST the URL of attribute value V as a browser would read it: leading and trailing
 * spaces and controls trimmed, TAB/LF/CR (which the URL parser deletes) and other controls
 * removed.  Then judges it: the scheme is read from DST with every remaining space removed
 * too, case-insensitively, so that neither "java\tscript:" nor " javascript:" nor
 * "JaVaScRiPt&#58;" passes (gumbo has already decoded the entities). */
static enum url_verdict url_check(const char *v, bool is_src, struct sb *dst)
{
	char probe[16];
	char *nfc = text_nfc(v, strlen(v));
	size_t np = 0, len = strlen(nfc);

	v = nfc;
	while (len && (unsigned char)v[len - 1] <= 0x20)
		len--;
	while (len && (unsigned char)*v <= 0x20)
		v++, len--;
	sb_reset(dst);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c < 0x20 || c == 0x7f)
			continue;
		sb_addc(dst, (char)c);
		if (c != ' ' && np < sizeof(probe) - 1)
			probe[np++] = (char)c;
	}
	probe[np] = '\0';
	free(nfc);

	if (ascii_iprefix(probe, "http:") || ascii_iprefix(probe, "https:"))
		return URL_EXTERNAL;
	if (is_src) {
		/* Only our own media: no way out of /media/ through dot segments, which browsers
		 * also recognise percent-encoded and with backslashes. */
		if (!ascii_iprefix(probe, "/media/") || strstr(dst->buf, "..") || strchr(dst->buf, '\\') ||
		    strcasestr(dst->buf, "%2e") || strchr(dst->buf, ' '))
			return URL_BAD;
		return URL_LOCAL;
	}
	if (ascii_iprefix(probe, "mailto:") || ascii_iprefix(probe, "tel:") || probe[0] == '#')
		return URL_LOCAL;
	/* "//host" and "/\host" are another site (browsers read "\" as "/" in http URLs). */
	if (probe[0] == '/' && probe[1] != '/' && probe[1] != '\\')
		return URL_LOCAL;
	return URL_BAD;
}

/* A positive decimal integer of ASCII digits only, capped at MAX; 0 when V is not one. */
static long attr_number(const char *v, long max)
{
	long n = 0;
	if (!*v)
		return 0;
	for (; *v; v++) {
		if (*v < '0' || *v > '9')
			return 0;
		if (n <= max)
			n = n * 10 + (*v - '0');
	}
	return n > max ? max : n;
}

/* ------------------------------------------------------------------------------------------ */
/* The serialiser                                                                               */

struct san_frame {
	const GumboVector *kids;
	unsigned next;
	enum san_ctx ctx;   /* context of the children */
	const char *close;  /* end tag written after the children; NULL when unwrapped */
	bool in_a;          /* inside an emitted <a>: another one would be split by the parser */
	bool sep;           /* unwrapped block: separate what follows from its content */
	bool inline_el;     /* emitted inline element: its end tag keeps the line going */
	int depth;          /* emitted elements open */
};

struct san {
	struct sb out;
	struct sb text;     /* pending text run, raw: flushed (NFC + escaped) before each tag */
	struct sb tmp;
	bool glue;          /* the last output could join a following word (text or inline tag) */
	bool sep;           /* an unwrapped block ended or began: separate the next words */
	bool auto_p;        /* a <p> we opened around loose top-level text is open */
	struct sanitize_report rep;
	struct san_frame *stack;
	size_t n, cap;
};

/* Writes the pending text.  NFC is applied to whole runs (text of unwrapped elements joins its
 * neighbours, as it will when the output is parsed again).  A run starting with a combining
 * mark gets that mark as a character reference: written raw, it could compose with the '>' of
 * the preceding tag (U+0338 does) and NFC of the page would break the markup. */
static void san_flush(struct san *s)
{
	if (!s->text.len)
		return;
	char *t = text_nfc(s->text.buf, s->text.len);
	size_t len = strlen(t), i = 0;
	sb_reset(&s->text);
	if (!len) {
		free(t);
		return;
	}
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)t, (utf8proc_ssize_t)len, &cp);
	if (n > 0) {
		utf8proc_category_t cat = utf8proc_category(cp);
		if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
		    cat == UTF8PROC_CATEGORY_ME) {
			sb_addf(&s->out, "&#x%X;", (unsigned)cp);
			i = (size_t)n;
		}
	}
	sb_add_html(&s->out, t + i, len - i);
	s->glue = !is_space(t[len - 1]);
	free(t);
}

/* Writes "<NAME>" (or "</NAME>" when END) after the pending text.  Tags of blocks end the line,
 * so a pending separation is no longer needed after them. */
static void san_tag(struct san *s, const char *name, bool end, bool inline_tag)
{
	san_flush(s);
	sb_adds(&s->out, end ? "</" : "<");
	sb_adds(&s->out, name);
	sb_addc(&s->out, '>');
	s->glue = inline_tag;
	if (!inline_tag)
		s->sep = false;
}

/* Loose text and inline elements at the top level of the article go into a paragraph, as the
 * editor would have done: only blocks and white space remain at the top level, which also tells
 * sanitized HTML apart from plain text (the latter has no '<'). */
static bool san_at_top(const struct san_frame *f)
{
	return f->ctx == CX_FLOW && f->depth == 0;
}

static void san_close_p(struct san *s)
{
	if (!s->auto_p)
		return;
	/* White space at the end of the run belongs between the blocks, not in the paragraph. */
	size_t keep = s->text.len;
	while (keep && is_space(s->text.buf[keep - 1]))
		keep--;
	char *trail = xstrdup(s->text.buf + keep);
	sb_truncate(&s->text, keep);
	san_tag(s, "p", true, false);
	sb_adds(&s->text, trail);
	free(trail);
	s->auto_p = false;
}

/* Called before phrasing content (words, inline elements, images, <br>) in frame F. */
static void san_phrase(struct san *s, const struct san_frame *f)
{
	if (san_at_top(f) && !s->auto_p) {
		san_tag(s, "p", false, false);
		s->auto_p = true;
	}
	if (s->sep) {
		if (s->text.len ? !is_space(s->text.buf[s->text.len - 1]) : s->glue)
			sb_addc(&s->text, '\n');
		s->sep = false;
	}
}

/* Called before a block element is written in frame F. */
static void san_block(struct san *s, const struct san_frame *f)
{
	if (san_at_top(f))
		san_close_p(s);
}

/* An unwrapped block element began or ended: at the top level that ends the paragraph, elsewhere
 * the words on each side get a line break between them (a space when rendered, a new line in
 * <pre>) rather than being glued together: "<div>a</div><div>b</div>" is not "ab". */
static void san_separate(struct san *s, const struct san_frame *f)
{
	if (san_at_top(f))
		san_close_p(s);
	else
		s->sep = true;
}

static void san_text(struct san *s, const struct san_frame *f, const char *t)
{
	if (ctx_table(f->ctx))
		return; /* only white space can be there, and the next parse would drop it */
	size_t ws = strspn(t, " \t\n\r\f");
	sb_add(&s->text, t, ws);
	if (t[ws]) {
		san_phrase(s, f);
		sb_adds(&s->text, t + ws);
	}
}

static void san_push(struct san *s, const GumboNode *el, enum san_ctx ctx, const char *close,
		     bool in_a, bool sep, bool inline_el, int depth)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? st_mult(s->cap, 2) : 32;
		s->stack = xrealloc(s->stack, st_mult(s->cap, sizeof(*s->stack)));
	}
	struct san_frame *f = &s->stack[s->n++];
	f->kids = &el->v.element.children;
	f->next = 0;
	f->ctx = ctx;
	f->close = close;
	f->in_a = in_a;
	f->sep = sep;
	f->inline_el = inline_el;
	f->depth = depth;
}

/* Appends ' NAME="VALUE"', VALUE in NFC and escaped. */
static void san_attr(struct san *s, const char *name, const char *value)
{
	char *v = text_nfc(value, strlen(value));
	sb_addf(&s->out, " %s=\"", name);
	sb_add_html(&s->out, v, strlen(v));
	sb_addc(&s->out, '"');
	free(v);
}

static void san_attr_number(struct san *s, const char *name, const char *value, long max)
{
	long n = attr_number(value, max);
	if (n)
		sb_addf(&s->out, " %s=\"%ld\"", name, n);
	else
		s->rep.removed_attributes++;
}

/* Writes the start tag of a kept element with its allowed attributes in a fixed order (so that
 * the output does not depend on the input's attribute order).  URL is the checked href of an
 * <a> or src of an <img>, judged VERDICT. */
static void san_start(struct san *s, const GumboElement *el, enum san_kind kind, const char *name,
		      const char *url, enum url_verdict verdict)
{
	const GumboVector *attrs = &el->attributes;
	int used = 0;
	bool inline_tag = kind == K_INLINE || kind == K_A || kind == K_IMG;

	san_flush(s);
	sb_addf(&s->out, "<%s", name);
	if (kind == K_A || kind == K_IMG) {
		san_attr(s, kind == K_A ? "href" : "src", url);
		used++;
	}
	for (unsigned i = 0; i < attrs->length; i++) {
		const GumboAttribute *at = attrs->data[i];
		const char *an = at->name;
		if (at->attr_namespace != GUMBO_ATTR_NAMESPACE_NONE)
			continue;
		if (kind == K_A && !strcmp(an, "title")) {
			san_attr(s, an, at->value);
		} else if (kind == K_IMG && (!strcmp(an, "alt") || !strcmp(an, "title"))) {
			san_attr(s, an, at->value);
		} else if (kind == K_IMG && (!strcmp(an, "width") || !strcmp(an, "height"))) {
			san_attr_number(s, an, at->value, 5000);
		} else if (kind == K_CELL && (!strcmp(an, "colspan") || !strcmp(an, "rowspan"))) {
			san_attr_number(s, an, at->value, 100);
		} else if (el->tag == GUMBO_TAG_OL && !strcmp(an, "start")) {
			san_attr_number(s, an, at->value, 100000);
		} else if (el->tag == GUMBO_TAG_TH && !strcmp(an, "scope")) {
			static const char *const scopes[] = { "row", "col", "rowgroup", "colgroup" };
			size_t k;
			for (k = 0; k < ARRAY_SIZE(scopes); k++)
				if (ascii_ieq(at->value, scopes[k]))
					break;
			if (k < ARRAY_SIZE(scopes))
				sb_addf(&s->out, " scope=\"%s\"", scopes[k]);
			else
				s->rep.removed_attributes++;
		} else {
			continue;
		}
		used++;
	}
	s->rep.removed_attributes += (int)attrs->length - used;
	if (kind == K_A && verdict == URL_EXTERNAL)
		sb_adds(&s->out, " rel=\"noopener nofollow\"");
	if (kind == K_IMG) {
		const GumboAttribute *alt = gumbo_get_attribute(attrs, "alt");
		const char *p = alt ? alt->value : "";
		while (is_space(*p))
			p++;
		if (!*p)
			s->rep.images_without_alt++;
	}
	sb_addc(&s->out, '>');
	/* The parser drops a newline right after <pre>: give it one to drop, so that a leading
	 * newline of the content survives the next parse. */
	if (el->tag == GUMBO_TAG_PRE)
		sb_addc(&s->out, '\n');
	s->glue = inline_tag;
	if (!inline_tag)
		s->sep = false;
}

/* Handles element NODE met in frame FI (an index: pushing may move the stack). */
static void san_element(struct san *s, size_t fi, const GumboNode *node)
{
	const GumboElement *el = &node->v.element;
	struct san_frame f = s->stack[fi];
	const char *name;
	enum san_kind kind = tag_kind(el->tag, &name);
	enum san_ctx child = CX_PHRASING;
	bool keep = false, in_a = f.in_a;
	enum url_verdict verdict = URL_BAD;

	if (node->type == GUMBO_NODE_TEMPLATE || el->tag_namespace != GUMBO_NAMESPACE_HTML)
		kind = K_DROP;
	if (kind == K_DROP) {
		s->rep.removed_elements++;
		return;
	}
	/* Phrasing at the top level goes into the paragraph san_phrase opens: one level deeper,
	 * as the next parse will see it. */
	int depth = f.depth + (san_at_top(&f) && (kind == K_INLINE || kind == K_A));
	bool room = depth < SAN_MAX_DEPTH;

	if (ctx_table(f.ctx)) {
		/* Inside table structure nothing can be unwrapped: text or an element there would
		 * be moved in front of the table by the next parse. */
		keep = room && ((f.ctx == CX_TABLE && (kind == K_CAPTION || kind == K_SECTION)) ||
				(f.ctx == CX_SECTION && kind == K_TR) ||
				(f.ctx == CX_ROW && kind == K_CELL));
		if (!keep) {
			s->rep.removed_elements++;
			return;
		}
		child = kind == K_CAPTION ? CX_PHRASING : kind == K_SECTION ? CX_SECTION
			: kind == K_TR ? CX_ROW : CX_FLOW;
		san_start(s, el, kind, name, NULL, URL_BAD);
		san_push(s, node, child, name, in_a, false, false, f.depth + 1);
		return;
	}

	switch (kind) {
	case K_BR:
		san_phrase(s, &f);
		san_tag(s, "br", false, false);
		return;
	case K_HR:
		if (ctx_flow(f.ctx)) {
			san_block(s, &f);
			san_tag(s, "hr", false, false);
		} else {
			s->rep.removed_elements++;
			san_separate(s, &f);
		}
		return;
	case K_IMG: {
		const GumboAttribute *src = gumbo_get_attribute(&el->attributes, "src");
		verdict = src ? url_check(src->value, true, &s->tmp) : URL_BAD;
		if (verdict == URL_BAD) {
			s->rep.removed_elements++;
			s->rep.removed_attributes += src != NULL;
			return;
		}
		char *url = xstrdup(s->tmp.buf);
		san_phrase(s, &f);
		san_start(s, el, kind, name, url, verdict);
		free(url);
		return;
	}
	case K_INLINE:
		keep = room;
		break;
	case K_A: {
		const GumboAttribute *href = gumbo_get_attribute(&el->attributes, "href");
		verdict = href ? url_check(href->value, false, &s->tmp) : URL_BAD;
		if (href && verdict == URL_BAD)
			s->rep.removed_attributes++;
		keep = room && !f.in_a && verdict != URL_BAD;
		in_a = in_a || keep;
		break;
	}
	case K_TEXTBLOCK:
		keep = room && ctx_flow(f.ctx);
		break;
	case K_BLOCKQUOTE:
		keep = room && ctx_flow(f.ctx);
		child = CX_FLOW;
		break;
	case K_LIST:
		keep = room && ctx_flow(f.ctx);
		child = CX_LIST;
		break;
	case K_LI:
		keep = room && f.ctx == CX_LIST;
		child = CX_FLOW;
		break;
	case K_FIGURE:
		keep = room && ctx_flow(f.ctx);
		child = CX_FIGURE;
		break;
	case K_FIGCAPTION:
		keep = room && f.ctx == CX_FIGURE;
		child = CX_FLOW;
		break;
	case K_TABLE:
		keep = room && ctx_flow(f.ctx);
		child = CX_TABLE;
		break;
	default:
		break;
	}
	if (keep) {
		bool inline_el = kind == K_INLINE || kind == K_A;
		if (inline_el)
			san_phrase(s, &f);
		else
			san_block(s, &f);
		if (kind == K_A) {
			char *url = xstrdup(s->tmp.buf);
			san_start(s, el, kind, name, url, verdict);
			free(url);
		} else {
			san_start(s, el, kind, name, NULL, URL_BAD);
		}
		san_push(s, node, child, name, in_a, false, inline_el, depth + 1);
		return;
	}
	/* Unwrapped: the children stay where the element was, in the same context. */
	s->rep.removed_elements++;
	bool sep = tag_blockish(el->tag);
	if (sep)
		san_separate(s, &f);
	san_push(s, node, f.ctx, NULL, f.in_a, sep, false, f.depth);
}

static void san_tree(struct san *s, const GumboNode *root)
{
	san_push(s, root, CX_FLOW, NULL, false, false, false, 0);
	while (s->n) {
		size_t fi = s->n - 1;
		struct san_frame *f = &s->stack[fi];
		if (f->next >= f->kids->length) {
			struct san_frame done = *f;
			s->n--;
			if (done.close)
				san_tag(s, done.close, true, done.inline_el);
			else if (done.sep && s->n)
				san_separate(s, &s->stack[s->n - 1]);
			continue;
		}
		const GumboNode *node = f->kids->data[f->next++];
		switch (node->type) {
		case GUMBO_NODE_TEXT:
		case GUMBO_NODE_WHITESPACE:
		case GUMBO_NODE_CDATA:
			san_text(s, f, node->v.text.text);
			break;
		case GUMBO_NODE_ELEMENT:
		case GUMBO_NODE_TEMPLATE:
			san_element(s, fi, node);
			break;
		default: /* comments; documents do not nest */
			break;
		}
	}
	san_close_p(s);
	san_flush(s);
}

/* Plain text (old articles, editors without JavaScript): paragraphs at blank lines, <br> at
 * single newlines.  Written through the same text path as parsed HTML, so that sanitizing the
 * result again gives the same output. */
static void san_plain(struct san *s, const char *in, size_t len)
{
	char *t = text_nfc(in, len);
	const char *p = t;
	bool in_par = false;
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		size_t k = 0;
		while (k < n && (p[k] == ' ' || p[k] == '\t'))
			k++;
		if (k == n) {
			if (in_par)
				san_tag(s, "p", true, false);
			in_par = false;
		} else {
			if (in_par) {
				san_tag(s, "br", false, false);
			} else {
				if (s->out.len)
					sb_addc(&s->text, '\n');
				san_tag(s, "p", false, false);
				in_par = true;
			}
			sb_add(&s->text, p, n);
		}
		p += n + (eol != NULL);
	}
	if (in_par)
		san_tag(s, "p", true, false);
	free(t);
}

char *html_sanitize(const char *html, size_t len, struct sanitize_report *report)
{
	struct san s = { .out = SB_INIT, .text = SB_INIT, .tmp = SB_INIT };

	if (!memchr(html, '<', len) || html_too_deep(html, len)) {
		san_plain(&s, html, len);
	} else {
		struct arena ar = { NULL };
		GumboOutput *g = html_parse(html, len, &ar);
		san_tree(&s, g->root);
		arena_release(&ar);
	}
	if (report)
		*report = s.rep;
	free(s.stack);
	sb_release(&s.text);
	sb_release(&s.tmp);

	/* Only white space can be outside the blocks at the ends: trim it, so that an output of
	 * white space alone is "" (which reads the same as plain text or as HTML). */
	size_t start = 0, end = s.out.len;
	while (start < end && is_space(s.out.buf[start]))
		start++;
	while (end > start && is_space(s.out.buf[end - 1]))
		end--;
	if (start || end < s.out.len) {
		char *r = xstrndup(s.out.buf + start, end - start);
		sb_release(&s.out);
		return r;
	}
	return sb_detach(&s.out, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Plain text of HTML                                                                           */

struct txt_frame {
	const GumboVector *kids;
	unsigned next;
	int brk;  /* line breaks wanted after the element (0, 1 or 2) */
	bool pre;
};

struct txt {
	struct sb out;
	int want;      /* line breaks wanted before the next text (0, 1, 2 = blank line) */
	bool cell;     /* a table cell began: its text goes after a TAB unless it starts the line */
};

/* How many line breaks TAG wants around it: 2 for paragraphs, 1 for lines. */
static int txt_breaks(GumboTag tag)
{
	switch (tag) {
	case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
	case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
	case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_TABLE:
	case GUMBO_TAG_FIGURE: case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_XMP:
	case GUMBO_TAG_LISTING: case GUMBO_TAG_PLAINTEXT:
		return 2;
	case GUMBO_TAG_TD: case GUMBO_TAG_TH:
		return 0;
	default:
		return tag_blockish(tag) ? 1 : 0;
	}
}

static void txt_trim_spaces(struct txt *t)
{
	while (t->out.len && (t->out.buf[t->out.len - 1] == ' ' || t->out.buf[t->out.len - 1] == '\t'))
		sb_truncate(&t->out, t->out.len - 1);
}

/* Writes the wanted line breaks (counting those already there) before text. */
static void txt_begin(struct txt *t)
{
	if (!t->out.len) {
		t->want = 0;
		t->cell = false;
		return;
	}
	if (t->want) {
		txt_trim_spaces(t);
		int have = 0;
		for (size_t i = t->out.len; i > 0 && t->out.buf[i - 1] == '\n' && have < 2; i--)
			have++;
		for (; have < t->want; have++)
			sb_addc(&t->out, '\n');
	} else if (t->cell && t->out.buf[t->out.len - 1] != '\n') {
		txt_trim_spaces(t);
		sb_addc(&t->out, '\t');
	}
	t->want = 0;
	t->cell = false;
}

static void txt_text(struct txt *t, const char *s, bool pre)
{
	if (pre) {
		if (*s)
			txt_begin(t);
		sb_adds(&t->out, s);
		return;
	}
	/* Collapse white space as a browser does; none at the start of a line.  No-break spaces
	 * (the editor's "&nbsp;") count as spaces here: the text is for reading and searching. */
	for (; *s; s++) {
		bool nbsp = (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0;
		if (is_space(*s) || nbsp) {
			s += nbsp;
			if (!t->want && !t->cell && t->out.len && !is_space(t->out.buf[t->out.len - 1]))
				sb_addc(&t->out, ' ');
			continue;
		}
		txt_begin(t);
		sb_addc(&t->out, *s);
	}
}

static void txt_push(struct txt_frame **st, size_t *n, size_t *cap, const GumboNode *el, int brk,
		     bool pre)
{
	if (*n == *cap) {
		*cap = *cap ? st_mult(*cap, 2) : 32;
		*st = xrealloc(*st, st_mult(*cap, sizeof(**st)));
	}
	(*st)[*n] = (struct txt_frame){ &el->v.element.children, 0, brk, pre };
	(*n)++;
}

static char *html_text(const char *html, size_t len)
{
	struct arena ar = { NULL };
	GumboOutput *g = html_parse(html, len, &ar);
	struct txt t = { .out = SB_INIT };
	struct txt_frame *st = NULL;
	size_t n = 0, cap = 0;

	txt_push(&st, &n, &cap, g->root, 0, false);
	while (n) {
		struct txt_frame *f = &st[n - 1];
		if (f->next >= f->kids->length) {
			if (f->brk > t.want)
				t.want = f->brk;
			n--;
			continue;
		}
		const GumboNode *node = f->kids->data[f->next++];
		bool pre = f->pre;
		if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
		    node->type == GUMBO_NODE_CDATA) {
			txt_text(&t, node->v.text.text, pre);
			continue;
		}
		if (node->type != GUMBO_NODE_ELEMENT)
			continue;
		const GumboElement *el = &node->v.element;
		const char *name;
		if (el->tag_namespace != GUMBO_NAMESPACE_HTML || tag_kind(el->tag, &name) == K_DROP)
			continue;
		if (el->tag == GUMBO_TAG_BR) {
			txt_trim_spaces(&t);
			if (t.out.len)
				sb_addc(&t.out, '\n');
			continue;
		}
		if (el->tag == GUMBO_TAG_TR)
			t.cell = false;
		int brk = txt_breaks(el->tag);
		if (brk > t.want)
			t.want = brk;
		if (el->tag == GUMBO_TAG_TD || el->tag == GUMBO_TAG_TH)
			t.cell = true;
		txt_push(&st, &n, &cap, node, brk, pre || el->tag == GUMBO_TAG_PRE ||
			 el->tag == GUMBO_TAG_LISTING || el->tag == GUMBO_TAG_XMP ||
			 el->tag == GUMBO_TAG_PLAINTEXT);
	}
	free(st);
	arena_release(&ar);

	/* No blank or line break at either end. */
	while (t.out.len && is_space(t.out.buf[t.out.len - 1]))
		sb_truncate(&t.out, t.out.len - 1);
	size_t lead = strspn(t.out.buf, " \t\n\r\f");
	char *r = text_nfc(t.out.buf + lead, t.out.len - lead);
	sb_release(&t.out);
	return r;
}

char *html_to_text(const char *html, size_t len)
{
	if (memchr(html, '<', len) && !html_too_deep(html, len))
		return html_text(html, len);
	/* Plain text is read the way html_sanitize reads it (no entities, lines kept). */
	char *h = html_sanitize(html, len, NULL);
	char *r = html_text(h, strlen(h));
	free(h);
	return r;
}
