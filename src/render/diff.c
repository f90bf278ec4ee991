/* diff.c — word-level diff of two texts as HTML with <del> and <ins>.
 * Texts are cut into runs (a word and the spaces after it), runs are compared by their word with
 * Myers' middle-snake algorithm (linear space, recursion depth about log D), small coincidental
 * matches between large changes are dissolved so the result reads as phrases, and the whole is
 * written through one emitter that groups adjacent removals and additions. */
#include "render/diff.h"
#include "base/util.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

/* Work units (diagonal steps) one diff may spend in Myers before the rest of the differing part
 * is shown as one removal and one addition: about a tenth of a second. */
#define DIFF_BUDGET 40000000L

struct run {
	const char *s;
	size_t word;   /* bytes of the word (0 only for leading spaces at the start of the text) */
	size_t len;    /* word and the spaces after it */
	uint64_t hash; /* of the word */
};

/* Length of the space character at P (ASCII white space or a Unicode space), 0 if none. */
static size_t space_len(const unsigned char *p)
{
	switch (p[0]) {
	case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
		return 1;
	case 0xC2:
		return p[1] == 0xA0 ? 2 : 0;                            /* U+00A0 */
	case 0xE1:
		return p[1] == 0x9A && p[2] == 0x80 ? 3 : 0;            /* U+1680 */
	case 0xE2:
		if (p[1] == 0x80 && ((p[2] >= 0x80 && p[2] <= 0x8A) || p[2] == 0xA8 || p[2] == 0xA9 ||
				     p[2] == 0xAF))
			return 3;                                       /* U+2000..200A, 2028, 2029, 202F */
		return p[1] == 0x81 && p[2] == 0x9F ? 3 : 0;            /* U+205F */
	case 0xE3:
		return p[1] == 0x80 && p[2] == 0x80 ? 3 : 0;            /* U+3000 */
	default:
		return 0;
	}
}

/* Cuts S into runs; returns their number and sets *OUT (malloc'd). */
static size_t runs_cut(const char *s, struct run **out)
{
	size_t n = 0, cap = 16;
	struct run *r = xmalloc(cap * sizeof(*r)); /* never NULL: callers offset it */
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		const unsigned char *start = p;
		size_t k;
		while (*p && !space_len(p))
			p++;
		size_t word = (size_t)(p - start);
		while (*p && (k = space_len(p)))
			p += k;
		if (n == cap) {
			cap = st_mult(cap, 2);
			r = xrealloc(r, st_mult(cap, sizeof(*r)));
		}
		uint64_t h = 1469598103934665603ULL; /* FNV-1a */
		for (size_t i = 0; i < word; i++)
			h = (h ^ start[i]) * 1099511628211ULL;
		r[n++] = (struct run){ (const char *)start, word, (size_t)(p - start), h };
	}
	*out = r;
	return n;
}

static bool run_eq(const struct run *x, const struct run *y)
{
	return x->hash == y->hash && x->word == y->word && !memcmp(x->s, y->s, x->word);
}

/* ------------------------------------------------------------------------------------------ */
/* Myers                                                                                        */

/* A stretch of runs matched between the texts: a[a0 + i] matches b[b0 + i] for i < n. */
struct match {
	size_t a0, b0, n;
};

struct myers {
	const struct run *a, *b;
	long *v1, *v2;     /* forward and backward furthest x per diagonal, shared by all levels */
	long budget;
	struct match *m;
	size_t nm, cap;
};

static void match_add(struct myers *my, size_t a0, size_t b0, size_t n)
{
	if (!n)
		return;
	if (my->nm && my->m[my->nm - 1].a0 + my->m[my->nm - 1].n == a0 &&
	    my->m[my->nm - 1].b0 + my->m[my->nm - 1].n == b0) {
		my->m[my->nm - 1].n += n;
		return;
	}
	if (my->nm == my->cap) {
		my->cap = my->cap ? st_mult(my->cap, 2) : 64;
		my->m = xrealloc(my->m, st_mult(my->cap, sizeof(*my->m)));
	}
	my->m[my->nm++] = (struct match){ a0, b0, n };
}

static void myers_diff(struct myers *my, size_t ax, size_t al, size_t bx, size_t bl);

/* Finds the middle snake of a[ax..al) and b[bx..bl) (both non-empty, no common start or end)
 * and recurses on both sides of it.  When the budget runs out, the part is left unmatched. */
static void myers_bisect(struct myers *my, size_t ax, size_t al, size_t bx, size_t bl)
{
	const struct run *a = my->a + ax, *b = my->b + bx;
	long n = (long)(al - ax), m = (long)(bl - bx);
	long max_d = (n + m + 1) / 2, off = max_d, vlen = 2 * max_d + 2;
	long delta = n - m;
	bool front = delta % 2 != 0;
	long k1start = 0, k1end = 0, k2start = 0, k2end = 0;

	for (long i = 0; i < vlen; i++)
		my->v1[i] = my->v2[i] = -1;
	my->v1[off + 1] = 0;
	my->v2[off + 1] = 0;
	for (long d = 0; d < max_d; d++) {
		if (my->budget <= 0)
			return;
		my->budget -= 2 * d + 2;
		for (long k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
			long k1o = off + k1, x1;
			if (k1 == -d || (k1 != d && my->v1[k1o - 1] < my->v1[k1o + 1]))
				x1 = my->v1[k1o + 1];
			else
				x1 = my->v1[k1o - 1] + 1;
			long y1 = x1 - k1;
			while (x1 < n && y1 < m && run_eq(&a[x1], &b[y1]))
				x1++, y1++, my->budget--;
			my->v1[k1o] = x1;
			if (x1 > n) {
				k1end += 2;
			} else if (y1 > m) {
				k1start += 2;
			} else if (front) {
				long k2o = off + delta - k1;
				if (k2o >= 0 && k2o < vlen && my->v2[k2o] != -1 && x1 >= n - my->v2[k2o]) {
					myers_diff(my, ax, ax + (size_t)x1, bx, bx + (size_t)y1);
					myers_diff(my, ax + (size_t)x1, al, bx + (size_t)y1, bl);
					return;
				}
			}
		}
		for (long k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
			long k2o = off + k2, x2;
			if (k2 == -d || (k2 != d && my->v2[k2o - 1] < my->v2[k2o + 1]))
				x2 = my->v2[k2o + 1];
			else
				x2 = my->v2[k2o - 1] + 1;
			long y2 = x2 - k2;
			while (x2 < n && y2 < m && run_eq(&a[n - x2 - 1], &b[m - y2 - 1]))
				x2++, y2++, my->budget--;
			my->v2[k2o] = x2;
			if (x2 > n) {
				k2end += 2;
			} else if (y2 > m) {
				k2start += 2;
			} else if (!front) {
				long k1o = off + delta - k2;
				if (k1o >= 0 && k1o < vlen && my->v1[k1o] != -1) {
					long x1 = my->v1[k1o];
					long y1 = off + x1 - k1o;
					if (x1 >= n - x2) {
						myers_diff(my, ax, ax + (size_t)x1, bx, bx + (size_t)y1);
						myers_diff(my, ax + (size_t)x1, al, bx + (size_t)y1, bl);
						return;
					}
				}
			}
		}
	}
	/* No common run at all: everything here is removed and added. */
}

/* Records the matches between a[ax..al) and b[bx..bl), in order. */
static void myers_diff(struct myers *my, size_t ax, size_t al, size_t bx, size_t bl)
{
	size_t pre = 0, suf = 0;
	while (ax + pre < al && bx + pre < bl && run_eq(&my->a[ax + pre], &my->b[bx + pre]))
		pre++;
	match_add(my, ax, bx, pre);
	ax += pre;
	bx += pre;
	while (ax + suf < al && bx + suf < bl && run_eq(&my->a[al - suf - 1], &my->b[bl - suf - 1]))
		suf++;
	if (ax < al - suf && bx < bl - suf)
		myers_bisect(my, ax, al - suf, bx, bl - suf);
	match_add(my, al - suf, bl - suf, suf);
}

/* ------------------------------------------------------------------------------------------ */
/* Readability                                                                                  */

static size_t chars(const struct run *r, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < r[i].len; k++)
			c += ((unsigned char)r[i].s[k] & 0xC0) != 0x80;
	return c;
}

/* Dissolves matches shorter (in characters) than the changes on both of their sides: "the" kept
 * in the middle of a rewritten sentence only makes it harder to read.  Each pass keeps the
 * matches in order; a few passes settle it. */
static void matches_clean(const struct run *a, const struct run *b, size_t alo, size_t blo,
			  size_t na, size_t nb, struct match *m, size_t *nm)
{
	for (int pass = 0; pass < 4; pass++) {
		size_t w = 0, pa = alo, pb = blo; /* end of the previous kept match */
		bool changed = false;
		for (size_t i = 0; i < *nm; i++) {
			size_t na_end = i + 1 < *nm ? m[i + 1].a0 : na, nb_end = i + 1 < *nm ? m[i + 1].b0 : nb;
			size_t ea = m[i].a0 + m[i].n, eb = m[i].b0 + m[i].n;
			size_t before = chars(a + pa, m[i].a0 - pa), bi = chars(b + pb, m[i].b0 - pb);
			size_t after = chars(a + ea, na_end - ea), ai = chars(b + eb, nb_end - eb);
			size_t len = chars(a + m[i].a0, m[i].n);
			before = before > bi ? before : bi;
			after = after > ai ? after : ai;
			if (len < before && len < after) {
				changed = true;
				continue;
			}
			m[w++] = m[i];
			pa = ea;
			pb = eb;
		}
		*nm = w;
		if (!changed)
			break;
	}
}

/* ------------------------------------------------------------------------------------------ */
/* Output                                                                                       */

struct emit {
	struct sb *out;
	struct sb del, ins; /* pending change, escaped */
};

static void emit_flush(struct emit *e)
{
	if (e->del.len) {
		sb_adds(e->out, "<del>");
		sb_add(e->out, e->del.buf, e->del.len);
		sb_adds(e->out, "</del>");
	}
	if (e->ins.len) {
		sb_adds(e->out, "<ins>");
		sb_add(e->out, e->ins.buf, e->ins.len);
		sb_adds(e->out, "</ins>");
	}
	sb_reset(&e->del);
	sb_reset(&e->ins);
}

static void emit_same(struct emit *e, const char *s, size_t len)
{
	if (!len)
		return;
	emit_flush(e);
	sb_add_html(e->out, s, len);
}

static int emit_removed(struct emit *e, const struct run *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sb_add_html(&e->del, r[i].s, r[i].len);
	return (int)n;
}

static int emit_added(struct emit *e, const struct run *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sb_add_html(&e->ins, r[i].s, r[i].len);
	return (int)n;
}

/* Matched runs: the word is kept; spaces that differ are a change of their own. */
static int emit_kept(struct emit *e, const struct run *a, const struct run *b, size_t n)
{
	int changed = 0;
	for (size_t i = 0; i < n; i++) {
		size_t sa = a[i].len - a[i].word, sb = b[i].len - b[i].word;
		emit_same(e, a[i].s, a[i].word);
		if (sa == sb && !memcmp(a[i].s + a[i].word, b[i].s + b[i].word, sa)) {
			emit_same(e, a[i].s + a[i].word, sa);
		} else {
			sb_add_html(&e->del, a[i].s + a[i].word, sa);
			sb_add_html(&e->ins, b[i].s + b[i].word, sb);
			changed++;
		}
	}
	return changed;
}

int diff_words_html(const char *a, const char *b, struct sb *out)
{
	if (!strcmp(a, b)) {
		sb_add_html(out, a, strlen(a));
		return 0;
	}

	struct run *ra, *rb;
	size_t na = runs_cut(a, &ra), nb = runs_cut(b, &rb);
	struct emit e = { out, SB_INIT, SB_INIT };
	int changed = 0;

	/* The common start and end cost O(N): the cap and Myers only see what differs. */
	size_t pre = 0, suf = 0;
	while (pre < na && pre < nb && run_eq(&ra[pre], &rb[pre]))
		pre++;
	while (suf < na - pre && suf < nb - pre && run_eq(&ra[na - suf - 1], &rb[nb - suf - 1]))
		suf++;
	size_t ma = na - pre - suf, mb = nb - pre - suf;

	struct myers my = { .a = ra, .b = rb, .budget = DIFF_BUDGET };
	match_add(&my, 0, 0, pre);
	if (ma && mb && ma <= DIFF_MAX_WORDS && mb <= DIFF_MAX_WORDS) {
		size_t vlen = st_add(st_add(ma, mb), 4);
		my.v1 = xmalloc(st_mult(vlen, sizeof(long)));
		my.v2 = xmalloc(st_mult(vlen, sizeof(long)));
		myers_bisect(&my, pre, na - suf, pre, nb - suf);
		free(my.v1);
		free(my.v2);
		/* The common start and end stay whatever their length. */
		size_t keep_first = pre ? 1 : 0, nm = my.nm - keep_first;
		if (nm) {
			matches_clean(ra, rb, pre, pre, na - suf, nb - suf, my.m + keep_first, &nm);
			my.nm = nm + keep_first;
		}
	}
	match_add(&my, na - suf, nb - suf, suf);

	size_t pa = 0, pb = 0;
	for (size_t i = 0; i <= my.nm; i++) {
		size_t a0 = i < my.nm ? my.m[i].a0 : na, b0 = i < my.nm ? my.m[i].b0 : nb;
		changed += emit_removed(&e, ra + pa, a0 - pa);
		changed += emit_added(&e, rb + pb, b0 - pb);
		if (i < my.nm) {
			changed += emit_kept(&e, ra + a0, rb + b0, my.m[i].n);
			pa = a0 + my.m[i].n;
			pb = b0 + my.m[i].n;
		}
	}
	emit_flush(&e);

	free(my.m);
	free(ra);
	free(rb);
	sb_release(&e.del);
	sb_release(&e.ins);
	/* Every byte is in a run, so different texts always count a change; stay sure of it. */
	return changed ? changed : 1;
}
