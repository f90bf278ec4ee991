/* mustache.c — Mustache templates for Cổng: a tokenizer, a standalone-line pass and a parser
 * turn each template into an immutable node tree once; a renderer walks that tree with a context
 * stack as often as needed, from any number of threads.  See mustache.h for the language. */
#include "render/mustache.h"
#include "base/util.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MUS_MAX_DELIM 16        /* longest custom delimiter accepted by {{=a b=}} */
#define MUS_MAX_DIR_DEPTH 16    /* mus_set_load_dir: guards against symlink loops */

/* ------------------------------------------------------------------------------------------ */
/* Node tree                                                                                    */

enum mus_kind {
	MUS_TEXT,     /* literal template text */
	MUS_VAR,      /* {{x}}: HTML-escaped interpolation */
	MUS_RAW,      /* {{{x}}} and {{&x}}: raw interpolation */
	MUS_SECTION,  /* {{#x}}...{{/x}} */
	MUS_INVERTED, /* {{^x}}...{{/x}} */
	MUS_PARTIAL,  /* {{>x}} */
	MUS_PARENT,   /* {{<x}}...{{/x}}: kids are only its block arguments */
	MUS_BLOCK,    /* {{$x}}...{{/x}}: kids are the default content */
};

/* A dotted name split once at parse time; nparts == 0 is the implicit iterator ".". */
struct mus_name {
	char **parts;
	size_t *lens; /* strlen of each part, for lookups without strlen */
	size_t nparts;
};

struct mus_node {
	enum mus_kind kind;
	int bol;              /* TEXT: starts at the beginning of a source line (for dedenting) */
	int dynamic;          /* PARTIAL/PARENT: {{>*x}}, the template name is looked up in NAME */
	int standalone;       /* PARTIAL/PARENT/BLOCK: the tag was alone on its line */
	unsigned eol_len;     /* BLOCK: length of the newline dropped after its standalone end tag */
	char *text;           /* TEXT */
	size_t len;
	struct mus_name name; /* VAR RAW SECTION INVERTED, dynamic PARTIAL/PARENT */
	char *ref;            /* PARTIAL/PARENT/BLOCK: literal template or block name */
	char *indent;         /* PARTIAL/PARENT: stripped indentation; BLOCK: indentation of its site */
	size_t indent_len;
	struct mus_node *kids;
	size_t nkids;
};

struct mus_tmpl {
	char *name;
	struct mus_node *nodes;
	size_t n;
};

/* Templates sorted by name so that partial lookups during rendering are a bsearch. */
struct mus_set {
	struct mus_tmpl *v;
	size_t n, cap;
};

struct nodevec {
	struct mus_node *v;
	size_t n, cap;
};

static struct mus_node *nv_push(struct nodevec *nv)
{
	if (nv->n == nv->cap) {
		nv->cap = nv->cap ? st_mult(nv->cap, 2) : 8;
		nv->v = xrealloc(nv->v, st_mult(nv->cap, sizeof(*nv->v)));
	}
	return &nv->v[nv->n++];
}

static void name_free(struct mus_name *nm)
{
	for (size_t i = 0; i < nm->nparts; i++)
		free(nm->parts[i]);
	free(nm->parts);
	free(nm->lens);
}

static void nodes_free(struct mus_node *v, size_t n);

static void node_clear(struct mus_node *nd)
{
	free(nd->text);
	free(nd->ref);
	free(nd->indent);
	name_free(&nd->name);
	nodes_free(nd->kids, nd->nkids);
}

static void nodes_free(struct mus_node *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		node_clear(&v[i]);
	free(v);
}

/* ------------------------------------------------------------------------------------------ */
/* Tokenizer                                                                                    */

enum tok_kind {
	TOK_TEXT,
	TOK_VAR,
	TOK_RAW,
	TOK_SECTION,
	TOK_INVERTED,
	TOK_CLOSE,
	TOK_COMMENT,
	TOK_DELIM,
	TOK_PARTIAL,
	TOK_PARENT,
	TOK_BLOCK,
};

struct tok {
	enum tok_kind kind;
	size_t start, end;     /* source range: the text, or the whole tag with its delimiters */
	size_t nstart, nlen;   /* tag content, padding and a leading '*' removed */
	unsigned line;         /* line of the first byte, for messages */
	int dyn;               /* content started with '*' (dynamic name) */
	int closes_inherit;    /* CLOSE that ends a PARENT or BLOCK: may share a standalone line */
	/* set by mark_standalone() */
	int standalone;
	size_t ind_start, ind_len; /* the whitespace before the first tag of its line */
	unsigned eol_len;          /* newline removed after the line: 0 (end of input), 1 or 2 */
};

struct parser {
	const char *name; /* template name, for messages */
	const char *src;
	size_t len;
	struct tok *toks;
	size_t ntoks, captoks;
	char *err;
	size_t errlen;
};

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int all_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_blank(s[i]))
			return 0;
	return 1;
}

static unsigned count_nl(const char *s, size_t n)
{
	unsigned c = 0;
	for (const char *e = s + n; (s = memchr(s, '\n', (size_t)(e - s))); s++)
		c++;
	return c;
}

static void err_set(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void err_set(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	if (!err || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* Reports a syntax error as "NAME:LINE: message"; always returns -1. */
static int perr(struct parser *p, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int perr(struct parser *p, unsigned line, const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	err_set(p->err, p->errlen, "%s:%u: %s", p->name, line, msg);
	return -1;
}

static struct tok *tok_push(struct parser *p, enum tok_kind kind, size_t start, size_t end,
			    unsigned line)
{
	if (p->ntoks == p->captoks) {
		p->captoks = p->captoks ? st_mult(p->captoks, 2) : 64;
		p->toks = xrealloc(p->toks, st_mult(p->captoks, sizeof(*p->toks)));
	}
	struct tok *t = &p->toks[p->ntoks++];
	memset(t, 0, sizeof(*t));
	t->kind = kind;
	t->start = start;
	t->end = end;
	t->line = line;
	return t;
}

/* "." or non-empty parts joined by single dots. */
static int dotted_ok(const char *s, size_t n)
{
	if (n == 1 && s[0] == '.')
		return 1;
	if (!n || s[0] == '.' || s[n - 1] == '.')
		return 0;
	for (size_t i = 1; i < n; i++)
		if (s[i] == '.' && s[i - 1] == '.')
			return 0;
	return 1;
}

/* Messages quote names; keep them short and printable. */
#define NAMEF "\"%.*s\""
#define NAMEA(t, p) (int)((t)->nlen > 40 ? 40 : (t)->nlen), (p)->src + (t)->nstart

/* Checks the content of a name-bearing tag; the spec wants a non-whitespace sequence, and
 * rejecting anything else catches typos like {{user name}} at load time. */
static int tok_check_name(struct parser *p, struct tok *t)
{
	const char *s = p->src + t->nstart;
	if (t->nlen && s[0] == '*') {
		t->dyn = 1;
		t->nstart++, t->nlen--, s++;
		while (t->nlen && is_space(*s))
			t->nstart++, t->nlen--, s++;
	}
	if (!t->nlen)
		return perr(p, t->line, "empty tag name");
	for (size_t i = 0; i < t->nlen; i++)
		if (is_space(s[i]) || !s[i])
			return perr(p, t->line, "invalid tag name " NAMEF, NAMEA(t, p));
	if (t->dyn && t->kind != TOK_PARTIAL && t->kind != TOK_PARENT && t->kind != TOK_CLOSE)
		return perr(p, t->line, "dynamic names are only allowed in {{>*x}} and {{<*x}}");
	int dotted = t->dyn || t->kind == TOK_VAR || t->kind == TOK_RAW ||
		     t->kind == TOK_SECTION || t->kind == TOK_INVERTED;
	if (dotted && !dotted_ok(s, t->nlen))
		return perr(p, t->line, "invalid name " NAMEF, NAMEA(t, p));
	return 0;
}

static int tok_set_delims(struct parser *p, const struct tok *t, char *otag, size_t *olen,
			  char *ctag, size_t *clen)
{
	const char *s = p->src + t->nstart, *e = s + t->nlen;
	const char *a = s, *ae, *b, *be;
	for (ae = a; ae < e && !is_space(*ae); ae++)
		;
	for (b = ae; b < e && is_space(*b); b++)
		;
	for (be = b; be < e && !is_space(*be); be++)
		;
	size_t al = (size_t)(ae - a), bl = (size_t)(be - b);
	if (be != e || !al || !bl || al > MUS_MAX_DELIM || bl > MUS_MAX_DELIM ||
	    memchr(a, '=', al) || memchr(b, '=', bl) || memchr(a, '\0', al) || memchr(b, '\0', bl))
		return perr(p, t->line, "invalid set-delimiter tag (want {{=open close=}})");
	memcpy(otag, a, al);
	*olen = al;
	memcpy(ctag, b, bl);
	*clen = bl;
	return 0;
}

static int names_equal(const struct parser *p, const struct tok *a, const struct tok *b)
{
	return a->dyn == b->dyn && a->nlen == b->nlen &&
	       !memcmp(p->src + a->nstart, p->src + b->nstart, a->nlen);
}

/* Splits the source into text and tag tokens, following {{=a b=}} delimiter changes, and
 * checks that sections nest properly, so that later passes can trust the structure. */
static int tokenize(struct parser *p)
{
	char otag[MUS_MAX_DELIM] = "{{", ctag[MUS_MAX_DELIM] = "}}";
	size_t olen = 2, clen = 2, pos = 0;
	unsigned line = 1;
	size_t open[MUS_MAX_NESTING]; /* token indexes of the sections still open */
	size_t nopen = 0;

	while (pos < p->len) {
		const char *hit = memmem(p->src + pos, p->len - pos, otag, olen);
		size_t ts = hit ? (size_t)(hit - p->src) : p->len;
		if (ts > pos) {
			tok_push(p, TOK_TEXT, pos, ts, line);
			line += count_nl(p->src + pos, ts - pos);
		}
		if (!hit)
			break;

		size_t c = ts + olen; /* first byte after the opening delimiter */
		char sigil = c < p->len ? p->src[c] : '\0';
		char closer[MUS_MAX_DELIM + 1];
		size_t closelen = clen, cstart = c + 1;
		enum tok_kind kind;
		memcpy(closer, ctag, clen);
		switch (sigil) {
		case '{': /* {{{x}}}: the closing delimiter gets a '}' in front */
		case '=': /* {{=a b=}}: likewise with '=' */
			kind = sigil == '{' ? TOK_RAW : TOK_DELIM;
			closer[0] = sigil == '{' ? '}' : '=';
			memcpy(closer + 1, ctag, clen);
			closelen = clen + 1;
			break;
		case '&': kind = TOK_RAW; break;
		case '#': kind = TOK_SECTION; break;
		case '^': kind = TOK_INVERTED; break;
		case '/': kind = TOK_CLOSE; break;
		case '!': kind = TOK_COMMENT; break;
		case '>': kind = TOK_PARTIAL; break;
		case '<': kind = TOK_PARENT; break;
		case '$': kind = TOK_BLOCK; break;
		default: kind = TOK_VAR; cstart = c; break;
		}
		const char *ce = cstart <= p->len ?
			memmem(p->src + cstart, p->len - cstart, closer, closelen) : NULL;
		if (!ce)
			return perr(p, line, "unclosed tag (no \"%.*s\" after \"%.*s\")",
				    (int)closelen, closer, (int)olen, otag);
		size_t cend = (size_t)(ce - p->src), end = cend + closelen;
		size_t idx = p->ntoks;
		struct tok *t = tok_push(p, kind, ts, end, line);
		while (cstart < cend && is_space(p->src[cstart]))
			cstart++;
		while (cend > cstart && is_space(p->src[cend - 1]))
			cend--;
		t->nstart = cstart;
		t->nlen = cend - cstart;
		line += count_nl(p->src + ts, end - ts);
		pos = end;

		if (kind == TOK_COMMENT)
			continue;
		if (kind == TOK_DELIM) {
			if (tok_set_delims(p, t, otag, &olen, ctag, &clen))
				return -1;
			continue;
		}
		if (tok_check_name(p, t))
			return -1;
		switch (kind) {
		case TOK_SECTION:
		case TOK_INVERTED:
		case TOK_PARENT:
		case TOK_BLOCK:
			if (nopen == MUS_MAX_NESTING)
				return perr(p, t->line, "sections nested deeper than %d",
					    MUS_MAX_NESTING);
			open[nopen++] = idx;
			break;
		case TOK_CLOSE: {
			if (!nopen)
				return perr(p, t->line, "unexpected closing tag " NAMEF, NAMEA(t, p));
			const struct tok *o = &p->toks[open[nopen - 1]];
			if (!names_equal(p, o, t))
				return perr(p, t->line,
					    "closing tag " NAMEF " does not match " NAMEF
					    " opened on line %u",
					    NAMEA(t, p), NAMEA(o, p), o->line);
			t->closes_inherit = o->kind == TOK_PARENT || o->kind == TOK_BLOCK;
			nopen--;
			break;
		}
		default:
			break;
		}
	}
	if (nopen) {
		const struct tok *o = &p->toks[open[nopen - 1]];
		return perr(p, o->line, "section " NAMEF " is never closed", NAMEA(o, p));
	}
	return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Standalone lines                                                                             */

/* Whether the tags toks[i..last] (with blank text between them) may form a standalone line.
 * The spec's rule is one non-interpolation tag alone on its line.  Inheritance adds lines such
 * as "{{<parent}}{{$block}}" or "  {{$block}}{{/block}}", so several parent/block tags (and
 * comments) may share a standalone line too; other tag mixes keep the classic one-tag rule. */
static int group_can_stand(const struct parser *p, size_t i, size_t last)
{
	size_t ntags = 0, ninherit = 0, nother = 0;
	for (size_t k = i; k <= last; k++) {
		const struct tok *t = &p->toks[k];
		switch (t->kind) {
		case TOK_TEXT: continue;
		case TOK_VAR:
		case TOK_RAW: return 0; /* interpolations are never standalone */
		case TOK_PARENT:
		case TOK_BLOCK: ninherit++; break;
		case TOK_CLOSE:
			if (t->closes_inherit)
				ninherit++;
			else
				nother++;
			break;
		case TOK_COMMENT: break;
		default: nother++; break;
		}
		ntags++;
	}
	return ntags == 1 || (!nother && ninherit);
}

/* Finds the lines that hold only whitespace and standalone-capable tags, and removes those
 * lines from the text around them: the leading whitespace (kept on the tag as indentation for
 * partials, parents and blocks) and the line's newline. */
static void mark_standalone(struct parser *p)
{
	const char *s = p->src;
	size_t i = 0;
	while (i < p->ntoks) {
		struct tok *t = &p->toks[i];
		if (t->kind == TOK_TEXT) {
			i++;
			continue;
		}
		/* Blank from the start of the line?  Stop at the first non-blank byte so that
		 * long lines full of tags stay linear. */
		int ok = 1;
		size_t ls = t->start;
		while (ls > 0 && s[ls - 1] != '\n') {
			if (!is_blank(s[ls - 1])) {
				ok = 0;
				break;
			}
			ls--;
		}
		/* Every tag reachable through blanks only is on the same line: one group. */
		size_t last = i, k = i + 1;
		for (;;) {
			if (k < p->ntoks && p->toks[k].kind != TOK_TEXT) {
				last = k++;
			} else if (k + 1 < p->ntoks && p->toks[k + 1].kind != TOK_TEXT &&
				   all_blank(s + p->toks[k].start, p->toks[k].end - p->toks[k].start)) {
				last = k + 1;
				k += 2;
			} else {
				break;
			}
		}
		/* Blank up to the end of the line (or of the input)? */
		size_t le = p->toks[last].end;
		unsigned eol = 0;
		while (le < p->len && is_blank(s[le]))
			le++;
		if (le == p->len)
			eol = 0;
		else if (s[le] == '\n')
			eol = 1;
		else if (s[le] == '\r' && le + 1 < p->len && s[le + 1] == '\n')
			eol = 2;
		else
			ok = 0;

		if (ok && group_can_stand(p, i, last)) {
			for (k = i; k <= last; k++) {
				struct tok *g = &p->toks[k];
				if (g->kind == TOK_TEXT) {
					g->end = g->start;
					continue;
				}
				g->standalone = 1;
				g->ind_start = ls;
				g->ind_len = t->start - ls;
				g->eol_len = eol;
			}
			/* The text before can only start at or before LS: a tag between LS and
			 * the group would have made the line non-blank. */
			if (i > 0 && p->toks[i - 1].kind == TOK_TEXT)
				p->toks[i - 1].end = ls;
			if (last + 1 < p->ntoks && p->toks[last + 1].kind == TOK_TEXT)
				p->toks[last + 1].start = le + eol;
		}
		i = last + 1;
	}
}

/* ------------------------------------------------------------------------------------------ */
/* Parser: tokens to node tree                                                                  */

static void name_split(const char *s, size_t n, struct mus_name *nm)
{
	nm->parts = NULL;
	nm->lens = NULL;
	nm->nparts = 0;
	if (n == 1 && s[0] == '.')
		return;
	size_t cnt = 1;
	for (size_t i = 0; i < n; i++)
		cnt += s[i] == '.';
	nm->parts = xcalloc(cnt, sizeof(*nm->parts));
	nm->lens = xcalloc(cnt, sizeof(*nm->lens));
	for (size_t i = 0, start = 0; i <= n; i++) {
		if (i == n || s[i] == '.') {
			nm->lens[nm->nparts] = i - start;
			nm->parts[nm->nparts++] = xstrndup(s + start, i - start);
			start = i + 1;
		}
	}
}

/* Removes up to D blanks at the start of every source line in a subtree: the indentation
 * a standalone block had where it was written.  Standalone blocks inside were already
 * dedented against their own content; only their site indentation is relative to ours. */
static void strip_lead(char *s, size_t *len, size_t d)
{
	size_t k = 0;
	while (k < d && k < *len && is_blank(s[k]))
		k++;
	memmove(s, s + k, *len - k);
	*len -= k;
}

static void dedent_nodes(struct mus_node *v, size_t n, size_t d)
{
	for (size_t i = 0; i < n; i++) {
		struct mus_node *nd = &v[i];
		switch (nd->kind) {
		case MUS_TEXT: {
			size_t r = 0, w = 0;
			int bol = nd->bol;
			while (r < nd->len) {
				if (bol) {
					for (size_t k = 0; k < d && r < nd->len && is_blank(nd->text[r]); k++)
						r++;
					bol = 0;
					continue;
				}
				char ch = nd->text[r++];
				nd->text[w++] = ch;
				bol = ch == '\n';
			}
			nd->len = w;
			break;
		}
		case MUS_PARTIAL:
			if (nd->indent)
				strip_lead(nd->indent, &nd->indent_len, d);
			break;
		case MUS_PARENT:
			if (nd->indent)
				strip_lead(nd->indent, &nd->indent_len, d);
			dedent_nodes(nd->kids, nd->nkids, d);
			break;
		case MUS_BLOCK:
			if (nd->standalone)
				strip_lead(nd->indent, &nd->indent_len, d);
			else
				dedent_nodes(nd->kids, nd->nkids, d);
			break;
		case MUS_SECTION:
		case MUS_INVERTED:
			dedent_nodes(nd->kids, nd->nkids, d);
			break;
		default:
			break;
		}
	}
}

/* A block whose opening tag is standalone is laid out as whole lines: its content is dedented
 * to column 0 here, and re-indented where it is expanded (spec: "Block indentation is removed
 * at the site of definition and added at the site of expansion").  The indentation of the site
 * is that of the default content, or of the tag itself when there is no content. */
static void block_finish(const struct parser *p, const struct tok *open, const struct tok *close,
			 struct mus_node *nd)
{
	const char *s = p->src;
	if (!open->standalone)
		return;
	nd->standalone = 1;
	nd->eol_len = close->standalone ? close->eol_len : 0;

	/* Smallest indentation over the non-blank lines of the raw content; the rest of the
	 * opening tag's own line is not content. */
	size_t pos = open->end, end = close->start;
	const char *nl = memchr(s + pos, '\n', end - pos);
	pos = nl ? (size_t)(nl - s) + 1 : end;
	size_t best = (size_t)-1, best_at = 0;
	while (pos < end) {
		size_t ls = pos;
		while (pos < end && is_blank(s[pos]))
			pos++;
		if (pos < end && s[pos] != '\n' && s[pos] != '\r' && pos - ls < best) {
			best = pos - ls;
			best_at = ls;
		}
		nl = memchr(s + pos, '\n', end - pos);
		pos = nl ? (size_t)(nl - s) + 1 : end;
	}
	if (best == (size_t)-1) {
		nd->indent = xstrndup(s + open->ind_start, open->ind_len);
		nd->indent_len = open->ind_len;
		return;
	}
	nd->indent = xstrndup(s + best_at, best);
	nd->indent_len = best;
	if (best)
		dedent_nodes(nd->kids, nd->nkids, best);
}

/* A parent only passes its blocks on; any other content inside it is ignored (spec). */
static void keep_blocks(struct nodevec *kids)
{
	size_t w = 0;
	for (size_t i = 0; i < kids->n; i++) {
		if (kids->v[i].kind == MUS_BLOCK)
			kids->v[w++] = kids->v[i];
		else
			node_clear(&kids->v[i]);
	}
	kids->n = w;
}

/* Builds nodes from the tokens at *I up to the closing tag of the enclosing section (which it
 * consumes) or the end; tokenize() has already checked that the nesting is right. */
static void build(struct parser *p, size_t *i, struct nodevec *out)
{
	while (*i < p->ntoks) {
		const struct tok *t = &p->toks[(*i)++];
		const char *nm = p->src + t->nstart;
		struct nodevec kids = { 0 };
		struct mus_node nd;
		memset(&nd, 0, sizeof(nd));

		switch (t->kind) {
		case TOK_CLOSE:
			return;
		case TOK_COMMENT:
		case TOK_DELIM:
			continue;
		case TOK_TEXT:
			if (t->end <= t->start)
				continue;
			nd.kind = MUS_TEXT;
			nd.len = t->end - t->start;
			nd.text = xstrndup(p->src + t->start, nd.len);
			nd.bol = t->start == 0 || p->src[t->start - 1] == '\n';
			break;
		case TOK_VAR:
		case TOK_RAW:
			nd.kind = t->kind == TOK_VAR ? MUS_VAR : MUS_RAW;
			name_split(nm, t->nlen, &nd.name);
			break;
		case TOK_SECTION:
		case TOK_INVERTED:
			nd.kind = t->kind == TOK_SECTION ? MUS_SECTION : MUS_INVERTED;
			name_split(nm, t->nlen, &nd.name);
			build(p, i, &kids);
			break;
		case TOK_PARTIAL:
		case TOK_PARENT:
			nd.kind = t->kind == TOK_PARTIAL ? MUS_PARTIAL : MUS_PARENT;
			nd.dynamic = t->dyn;
			if (t->dyn)
				name_split(nm, t->nlen, &nd.name);
			else
				nd.ref = xstrndup(nm, t->nlen);
			if (t->standalone) {
				nd.standalone = 1;
				nd.indent = xstrndup(p->src + t->ind_start, t->ind_len);
				nd.indent_len = t->ind_len;
			}
			if (t->kind == TOK_PARENT) {
				build(p, i, &kids);
				keep_blocks(&kids);
			}
			break;
		case TOK_BLOCK:
			nd.kind = MUS_BLOCK;
			nd.ref = xstrndup(nm, t->nlen);
			build(p, i, &kids);
			nd.kids = kids.v;
			nd.nkids = kids.n;
			block_finish(p, t, &p->toks[*i - 1], &nd);
			break;
		}
		nd.kids = kids.v;
		nd.nkids = kids.n;
		*nv_push(out) = nd;
	}
}

/* ------------------------------------------------------------------------------------------ */
/* Sets                                                                                         */

struct mus_set *mus_set_new(void)
{
	return xcalloc(1, sizeof(struct mus_set));
}

void mus_set_free(struct mus_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->n; i++) {
		free(set->v[i].name);
		nodes_free(set->v[i].nodes, set->v[i].n);
	}
	free(set->v);
	free(set);
}

/* Index of NAME, or of where it would be inserted (with *found = 0). */
static size_t set_pos(const struct mus_set *set, const char *name, int *found)
{
	size_t lo = 0, hi = set->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, set->v[mid].name);
		if (!c) {
			*found = 1;
			return mid;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	*found = 0;
	return lo;
}

static const struct mus_tmpl *set_find(const struct mus_set *set, const char *name)
{
	int found;
	size_t i = set_pos(set, name, &found);
	return found ? &set->v[i] : NULL;
}

int mus_set_has(const struct mus_set *set, const char *name)
{
	return set_find(set, name) != NULL;
}

int mus_set_add(struct mus_set *set, const char *name, const char *src, size_t len, char *err,
		size_t errlen)
{
	struct parser p = { .name = name, .src = src, .len = len, .err = err, .errlen = errlen };
	if (!set || !name || (!src && len))
		BUG("mus_set_add: bad arguments");
	if (len > MUS_MAX_SOURCE) {
		err_set(err, errlen, "%s:1: template larger than %u bytes", name, MUS_MAX_SOURCE);
		return -1;
	}
	if (!src)
		p.src = "";
	if (tokenize(&p)) {
		free(p.toks);
		return -1;
	}
	mark_standalone(&p);
	struct nodevec nodes = { 0 };
	size_t i = 0;
	build(&p, &i, &nodes);
	free(p.toks);

	int found;
	size_t at = set_pos(set, name, &found);
	if (found) {
		nodes_free(set->v[at].nodes, set->v[at].n);
	} else {
		if (set->n == set->cap) {
			set->cap = set->cap ? st_mult(set->cap, 2) : 16;
			set->v = xrealloc(set->v, st_mult(set->cap, sizeof(*set->v)));
		}
		memmove(&set->v[at + 1], &set->v[at], (set->n - at) * sizeof(*set->v));
		set->n++;
		set->v[at].name = xstrdup(name);
	}
	set->v[at].nodes = nodes.v;
	set->v[at].n = nodes.n;
	return 0;
}

static int read_file(const char *path, struct sb *buf, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	char chunk[8192];
	size_t n;
	if (!f) {
		err_set(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (buf->len + n > MUS_MAX_SOURCE) {
			fclose(f);
			err_set(err, errlen, "%s: larger than %u bytes", path, MUS_MAX_SOURCE);
			return -1;
		}
		sb_add(buf, chunk, n);
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		err_set(err, errlen, "%s: read error", path);
		return -1;
	}
	return 0;
}

/* PATH is DIR/REL; REL ("" at the top) prefixes the template names found below. */
static int load_dir_rec(struct mus_set *set, struct sb *path, struct sb *rel, int depth,
			char *err, size_t errlen)
{
	static const char ext[] = ".mustache";
	const size_t extlen = sizeof(ext) - 1;
	DIR *d;
	struct dirent *de;
	int rc = 0;

	if (depth > MUS_MAX_DIR_DEPTH) {
		err_set(err, errlen, "%s: directories nested too deeply", path->buf);
		return -1;
	}
	if (!(d = opendir(path->buf))) {
		err_set(err, errlen, "%s: %s", path->buf, strerror(errno));
		return -1;
	}
	while (!rc && (de = readdir(d))) {
		size_t plen = path->len, rlen = rel->len, nlen = strlen(de->d_name);
		struct stat st;
		if (de->d_name[0] == '.') /* ".", "..", editor swap files, .git */
			continue;
		sb_addc(path, '/');
		sb_adds(path, de->d_name);
		if (stat(path->buf, &st) != 0) {
			err_set(err, errlen, "%s: %s", path->buf, strerror(errno));
			rc = -1;
		} else if (S_ISDIR(st.st_mode)) {
			if (rel->len)
				sb_addc(rel, '/');
			sb_adds(rel, de->d_name);
			rc = load_dir_rec(set, path, rel, depth + 1, err, errlen);
		} else if (S_ISREG(st.st_mode) && nlen > extlen &&
			   !strcmp(de->d_name + nlen - extlen, ext)) {
			struct sb src = SB_INIT;
			if (rel->len)
				sb_addc(rel, '/');
			sb_add(rel, de->d_name, nlen - extlen);
			rc = read_file(path->buf, &src, err, errlen);
			if (!rc)
				rc = mus_set_add(set, rel->buf, src.buf, src.len, err, errlen);
			sb_release(&src);
		}
		sb_truncate(path, plen);
		sb_truncate(rel, rlen);
	}
	closedir(d);
	return rc;
}

int mus_set_load_dir(struct mus_set *set, const char *dir, char *err, size_t errlen)
{
	struct sb path = SB_INIT, rel = SB_INIT;
	sb_adds(&path, dir);
	while (path.len > 1 && path.buf[path.len - 1] == '/')
		sb_truncate(&path, path.len - 1);
	/* an empty REL must still be a valid C string for mus_set_add */
	sb_grow(&rel, 64);
	int rc = load_dir_rec(set, &path, &rel, 0, err, errlen);
	sb_release(&path);
	sb_release(&rel);
	return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* Rendering                                                                                    */

/* The context stack and the stack of parent arguments live on the C stack of the rendering
 * thread, linked innermost first; nothing here is shared between mus_render() calls. */
struct ctx_frame {
	json_t *v;
	const struct ctx_frame *up;
};

struct arg_frame {
	const struct mus_node *parent; /* a PARENT node: its kids are the block arguments */
	const struct arg_frame *outer;
};

struct render {
	const struct mus_set *set;
	struct sb *out;
	size_t out_start;
	struct sb indent; /* indentation of the standalone partials/blocks being expanded */
	int bol;          /* the next template text starts a line: indent it first */
	unsigned depth, pdepth;
	size_t steps;
	int stopped; /* a work limit was hit: render nothing more */
};

/* Called before output that starts a line: emits the indentation unless the line is empty,
 * so that blank lines of an indented partial carry no trailing whitespace. */
static void put_indent(struct render *r, const char *s, size_t n)
{
	if (!r->bol)
		return;
	r->bol = 0;
	if (r->indent.len && n && s[0] != '\n' && !(s[0] == '\r' && n > 1 && s[1] == '\n'))
		sb_add(r->out, r->indent.buf, r->indent.len);
}

/* Template text: indentation goes in front of every line of the template itself, never in
 * front of lines that come from interpolated data (spec: partials, Standalone Indentation). */
static void emit_text(struct render *r, const char *s, size_t n)
{
	if (!n)
		return;
	if (!r->indent.len) {
		sb_add(r->out, s, n);
		r->bol = s[n - 1] == '\n';
		return;
	}
	while (n) {
		put_indent(r, s, n);
		const char *nl = memchr(s, '\n', n);
		size_t k = nl ? (size_t)(nl - s) + 1 : n;
		sb_add(r->out, s, k);
		s += k;
		n -= k;
		r->bol = nl != NULL;
	}
}

/* Shortest %g form that reads back as the same double: 1.21 rather than 1.2100000000000000. */
static int fmt_real(char *buf, size_t size, double d)
{
	int n = 0;
	for (int prec = 15; prec <= 17; prec++) {
		n = snprintf(buf, size, "%.*g", prec, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	return n;
}

static void emit_value(struct render *r, json_t *v, int escape)
{
	char num[64];
	const char *s;
	size_t n;
	if (!v)
		return;
	switch (json_typeof(v)) {
	case JSON_STRING:
		s = json_string_value(v);
		n = json_string_length(v);
		break;
	case JSON_INTEGER:
		n = (size_t)snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		s = num;
		break;
	case JSON_REAL:
		n = (size_t)fmt_real(num, sizeof(num), json_real_value(v));
		s = num;
		break;
	case JSON_TRUE:
		s = "true";
		n = 4;
		break;
	case JSON_FALSE:
		s = "false";
		n = 5;
		break;
	default: /* null, objects and arrays have no useful text form */
		return;
	}
	if (!n)
		return;
	put_indent(r, s, n);
	if (escape)
		sb_add_html(r->out, s, n);
	else
		sb_add(r->out, s, n);
	r->bol = 0;
}

/* The `!!data` rule of the spec, applied to JSON. */
static int truthy(const json_t *v)
{
	if (!v)
		return 0;
	switch (json_typeof(v)) {
	case JSON_NULL:
	case JSON_FALSE: return 0;
	case JSON_STRING: return json_string_length(v) > 0;
	case JSON_INTEGER: return json_integer_value(v) != 0;
	case JSON_REAL: return json_real_value(v) != 0.0;
	case JSON_ARRAY: return json_array_size(v) > 0;
	default: return 1;
	}
}

/* Spec name resolution: the first part is searched up the context stack, the other parts
 * only inside what the previous one found.  Only borrows: no reference counts change. */
static json_t *lookup(const struct ctx_frame *c, const struct mus_name *nm)
{
	json_t *v = NULL;
	if (!nm->nparts)
		return c ? c->v : NULL;
	for (; c && !v; c = c->up)
		if (json_is_object(c->v))
			v = json_object_getn(c->v, nm->parts[0], nm->lens[0]);
	for (size_t i = 1; v && i < nm->nparts; i++)
		v = json_is_object(v) ? json_object_getn(v, nm->parts[i], nm->lens[i]) : NULL;
	return v;
}

static void render_nodes(struct render *r, const struct mus_node *v, size_t n,
			 const struct ctx_frame *c, const struct arg_frame *a);

/* A standalone partial, parent or block: its stripped indentation applies to each of its lines.
 * Returns the mark to restore.  When expanded mid-line (inside an inline partial) the first
 * line has already started, so the whitespace that was stripped is put back right away. */
static size_t indent_push(struct render *r, const char *s, size_t n)
{
	size_t mark = r->indent.len;
	if (!r->bol)
		sb_add(r->out, s, n);
	sb_add(&r->indent, s, n);
	return mark;
}

static void render_partial(struct render *r, const struct mus_node *nd, const struct ctx_frame *c,
			   const struct arg_frame *a)
{
	const char *name = nd->ref;
	if (nd->dynamic) {
		json_t *v = lookup(c, &nd->name);
		if (!json_is_string(v))
			return;
		name = json_string_value(v);
	}
	const struct mus_tmpl *t = set_find(r->set, name);
	if (!t || r->pdepth >= MUS_MAX_PARTIAL_DEPTH)
		return;
	/* A parent's blocks join the arguments; a plain partial is a parent without any. */
	struct arg_frame f = { nd, a };
	size_t mark = r->indent.len;
	if (nd->standalone)
		mark = indent_push(r, nd->indent, nd->indent_len);
	r->pdepth++;
	render_nodes(r, t->nodes, t->n, c, nd->kind == MUS_PARENT ? &f : a);
	r->pdepth--;
	sb_truncate(&r->indent, mark);
}

static const struct mus_node *find_arg(const struct mus_node *parent, const char *name)
{
	for (size_t i = 0; i < parent->nkids; i++)
		if (!strcmp(parent->kids[i].ref, name))
			return &parent->kids[i];
	return NULL;
}

static void render_block(struct render *r, const struct mus_node *nd, const struct ctx_frame *c,
			 const struct arg_frame *a)
{
	const struct mus_node *body = nd;
	/* The outermost argument wins: a page overrides what its layout's layout passes. */
	for (const struct arg_frame *f = a; f; f = f->outer) {
		const struct mus_node *arg = find_arg(f->parent, nd->ref);
		if (arg)
			body = arg;
	}
	if (!nd->standalone) {
		render_nodes(r, body->kids, body->nkids, c, a);
		return;
	}
	size_t start = r->out->len;
	size_t mark = indent_push(r, nd->indent, nd->indent_len);
	render_nodes(r, body->kids, body->nkids, c, a);
	sb_truncate(&r->indent, mark);
	/* The site occupied whole lines: if the content did not end its last line (an inline
	 * argument like {{$title}}Hi{{/title}}), end it here with the newline the site had. */
	if (nd->eol_len && r->out->len > start && r->out->buf[r->out->len - 1] != '\n') {
		sb_add(r->out, nd->eol_len == 2 ? "\r\n" : "\n", nd->eol_len);
		r->bol = 1;
	}
}

static void render_node(struct render *r, const struct mus_node *nd, const struct ctx_frame *c,
			const struct arg_frame *a)
{
	if (r->stopped)
		return;
	if (++r->steps > MUS_MAX_RENDER_STEPS || r->out->len - r->out_start > MUS_MAX_OUTPUT) {
		r->stopped = 1;
		return;
	}
	switch (nd->kind) {
	case MUS_TEXT:
		emit_text(r, nd->text, nd->len);
		break;
	case MUS_VAR:
	case MUS_RAW:
		emit_value(r, lookup(c, &nd->name), nd->kind == MUS_VAR);
		break;
	case MUS_SECTION: {
		json_t *v = lookup(c, &nd->name);
		if (json_is_array(v)) {
			for (size_t i = 0; i < json_array_size(v) && !r->stopped; i++) {
				struct ctx_frame f = { json_array_get(v, i), c };
				render_nodes(r, nd->kids, nd->nkids, &f, a);
			}
		} else if (truthy(v)) {
			struct ctx_frame f = { v, c };
			render_nodes(r, nd->kids, nd->nkids, &f, a);
		}
		break;
	}
	case MUS_INVERTED:
		if (!truthy(lookup(c, &nd->name)))
			render_nodes(r, nd->kids, nd->nkids, c, a);
		break;
	case MUS_PARTIAL:
	case MUS_PARENT:
		render_partial(r, nd, c, a);
		break;
	case MUS_BLOCK:
		render_block(r, nd, c, a);
		break;
	}
}

static void render_nodes(struct render *r, const struct mus_node *v, size_t n,
			 const struct ctx_frame *c, const struct arg_frame *a)
{
	/* Bounds the C stack even when blocks or partials keep expanding into each other. */
	if (r->depth >= MUS_MAX_RENDER_DEPTH)
		return;
	r->depth++;
	for (size_t i = 0; i < n && !r->stopped; i++)
		render_node(r, &v[i], c, a);
	r->depth--;
}

int mus_render(const struct mus_set *set, const char *name, json_t *ctx, struct sb *out)
{
	const struct mus_tmpl *t = set_find(set, name);
	if (!t)
		return -1;
	struct render r = { .set = set, .out = out, .out_start = out->len, .bol = 1 };
	struct ctx_frame root = { ctx, NULL };
	sb_init(&r.indent);
	render_nodes(&r, t->nodes, t->n, &root, NULL);
	sb_release(&r.indent);
	return 0;
}
