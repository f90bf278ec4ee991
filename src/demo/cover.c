/* cover.c — 1200x675 PNG covers for demo articles, drawn with libgd: a diagonal gradient, one of
 * four decorative motifs, the site's short name in a badge and the first words of the title.
 * Everything is derived from the seed, so the same article always gets the same picture. */
#include "demo/content.h"
#include "base/util.h"

#include <gd.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#define W 1200
#define H 675
#ifndef DEMO_FONT_DIR /* Debian fonts-dejavu-core */
#define DEMO_FONT_DIR "/usr/share/fonts/truetype/dejavu/"
#endif
#define FONT_REG DEMO_FONT_DIR "DejaVuSans.ttf"
#define FONT_BOLD DEMO_FONT_DIR "DejaVuSans-Bold.ttf"

struct palette {
	uint32_t from, to, accent, ink; /* gradient ends, accent, text on accent */
};

static const struct palette palettes[] = {
	{ 0x0b2e6b, 0x1f7ad1, 0xffc42e, 0x10233f }, /* navy to blue, gold */
	{ 0x6d0a0a, 0xc4302b, 0xffd54a, 0x4a0707 }, /* deep red, yellow */
	{ 0x053f3a, 0x1f9a8c, 0xffe08a, 0x06302c }, /* teal, sand */
	{ 0x173f17, 0x4e9a3e, 0xf4e46a, 0x173f17 }, /* rice-field green */
	{ 0x2a1a6e, 0x7457c9, 0xffc98a, 0x241457 }, /* indigo, apricot */
	{ 0x4a2a12, 0xb8742f, 0xfff1c9, 0x3b210d }, /* terracotta (Mang Thít pottery) */
	{ 0x1d2a33, 0x4c6777, 0x56d6e6, 0x10222b }, /* slate, cyan */
	{ 0x0d3b52, 0x2c8a7a, 0xf9b24e, 0x0d3b52 }, /* river blue-green, orange */
};

#define PI 3.14159265358979323846

/* sin/cos without libm (the build links only what pkg-config lists); plenty for drawing. */
static double sine(double x)
{
	double t = x / (2 * PI);
	long k = (long)t - (t < 0);
	x -= k * 2 * PI; /* [0, 2pi) */
	if (x > PI)
		x -= 2 * PI; /* (-pi, pi] */
	if (x > PI / 2)
		x = PI - x;
	else if (x < -PI / 2)
		x = -PI - x;
	double x2 = x * x; /* Taylor to x^9 on [-pi/2, pi/2]: error < 4e-6 */
	return x * (1 - x2 / 6 * (1 - x2 / 20 * (1 - x2 / 42 * (1 - x2 / 72))));
}

static double cosine(double x)
{
	return sine(x + PI / 2);
}

static int iround(double x)
{
	return x < 0 ? -(int)(-x + 0.5) : (int)(x + 0.5);
}

static int rgb(uint32_t c, int alpha)
{
	return gdTrueColorAlpha((int)(c >> 16) & 0xff, (int)(c >> 8) & 0xff, (int)c & 0xff, alpha);
}

static uint32_t mix(uint32_t a, uint32_t b, double t)
{
	uint32_t r = 0;
	for (int sh = 0; sh <= 16; sh += 8) {
		double x = ((a >> sh) & 0xff) * (1 - t) + ((b >> sh) & 0xff) * t;
		r |= (uint32_t)(x + 0.5) << sh;
	}
	return r;
}

/* A small deterministic generator (xorshift32) for positions and sizes. */
static uint32_t next(uint32_t *s)
{
	uint32_t x = *s;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *s = x;
}

static int rnd(uint32_t *s, int lo, int hi)
{
	return lo + (int)(next(s) % (uint32_t)(hi - lo + 1));
}

static void gradient(gdImagePtr im, const struct palette *p, double angle)
{
	double cx = cosine(angle), sy = sine(angle);
	double lo = 0, hi = 0;
	double corners[4] = { 0, W * cx, H * sy, W * cx + H * sy };
	for (int i = 0; i < 4; i++) {
		lo = corners[i] < lo ? corners[i] : lo;
		hi = corners[i] > hi ? corners[i] : hi;
	}
	for (int y = 0; y < H; y++)
		for (int x = 0; x < W; x++) {
			double t = ((x * cx + y * sy) - lo) / (hi - lo);
			t = t * t * (3 - 2 * t); /* smoothstep: softer ends */
			gdImageSetPixel(im, x, y, rgb(mix(p->from, p->to, t), 0));
		}
}

static void motif_circles(gdImagePtr im, const struct palette *p, uint32_t *s)
{
	int n = rnd(s, 3, 5);
	for (int i = 0; i < n; i++) {
		int d = rnd(s, 220, 620);
		int x = rnd(s, W / 2, W + 80), y = rnd(s, -120, H);
		gdImageFilledEllipse(im, x, y, d, d, rgb(i % 2 ? 0xffffff : p->accent, rnd(s, 100, 116)));
	}
}

static void motif_stripes(gdImagePtr im, const struct palette *p, uint32_t *s)
{
	int x0 = rnd(s, 480, 760), n = rnd(s, 3, 5);
	for (int i = 0; i < n; i++) {
		int w = rnd(s, 40, 150);
		gdPoint pt[4] = { { x0, 0 }, { x0 + w, 0 }, { x0 + w - 420, H }, { x0 - 420, H } };
		gdImageFilledPolygon(im, pt, 4, rgb(i == 0 ? p->accent : 0xffffff, rnd(s, 98, 114)));
		x0 += w + rnd(s, 30, 120);
	}
}

/* Concentric rings, drawn per pixel (thick alpha arcs in libgd overlap into stipples). */
static void motif_rings(gdImagePtr im, const struct palette *p, uint32_t *s)
{
	enum { MAXR = 16 };
	long in2[MAXR], out2[MAXR];
	int n = 0, cx = rnd(s, 820, 1100), cy = rnd(s, 180, 420), w = rnd(s, 8, 14);
	for (int r = rnd(s, 70, 110); r < 1300 && n < MAXR; r += rnd(s, 60, 95), n++) {
		in2[n] = (long)r * r;
		out2[n] = (long)(r + w) * (r + w);
	}
	int white = rgb(0xffffff, 108), accent = rgb(p->accent, 100);
	for (int y = 0; y < H; y++)
		for (int x = 0; x < W; x++) {
			long d2 = (long)(x - cx) * (x - cx) + (long)(y - cy) * (y - cy);
			for (int i = 0; i < n; i++)
				if (d2 >= in2[i] && d2 < out2[i]) {
					gdImageSetPixel(im, x, y, i % 3 == 1 ? accent : white);
					break;
				}
		}
	gdImageFilledEllipse(im, cx, cy, 100, 100, rgb(p->accent, 30));
}

/* Layered river waves: filled sine polygons across the lower half. */
static void motif_waves(gdImagePtr im, const struct palette *p, uint32_t *s)
{
	enum { STEPS = 60 };
	gdPoint pt[STEPS + 3];
	for (int layer = 0; layer < 3; layer++) {
		double amp = rnd(s, 18, 46), ph = rnd(s, 0, 628) / 100.0, k = rnd(s, 6, 12) / 1000.0;
		int base = 250 + layer * 110 + rnd(s, -20, 20);
		for (int i = 0; i <= STEPS; i++) {
			int x = i * W / STEPS;
			pt[i].x = x;
			pt[i].y = base + (int)(amp * sine(x * k + ph));
		}
		pt[STEPS + 1].x = W;
		pt[STEPS + 1].y = H;
		pt[STEPS + 2].x = 0;
		pt[STEPS + 2].y = H;
		gdImageFilledPolygon(im, pt, STEPS + 3, rgb(layer == 1 ? p->accent : 0xffffff, 108 - layer * 4));
	}
}

/* Five-pointed star, a discreet nod to the national emblem. */
static void star(gdImagePtr im, int cx, int cy, int r, int color)
{
	gdPoint pt[10];
	for (int i = 0; i < 10; i++) {
		double a = -PI / 2 + i * PI / 5, rr = i % 2 ? r * 0.382 : r;
		pt[i].x = cx + iround(rr * cosine(a));
		pt[i].y = cy + iround(rr * sine(a));
	}
	gdImageFilledPolygon(im, pt, 10, color);
}

static int text_width(const char *font, double size, const char *s)
{
	int br[8];
	if (gdImageStringFT(NULL, br, 0, (char *)font, size, 0, 0, 0, (char *)s))
		return -1;
	return br[2] - br[0];
}

/* Joins A, a space (if A is not empty) and B into OUT of size N; 0 if it does not fit. */
static int join(char *out, size_t n, const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), sep = la ? 1 : 0;
	if (la + sep + lb + 1 > n)
		return 0;
	memmove(out, a, la);
	if (sep)
		out[la] = ' ';
	memcpy(out + la + sep, b, lb + 1);
	return 1;
}

#define LINE_MAX_BYTES 240

/* Wraps the first words of TITLE into at most MAXL lines of at most MAXW pixels; the last line
 * ends with "…" when words were left out. Returns the line count (0 if the font fails). */
static int wrap_title(const char *title, double size, int maxw, int maxl, char out[][LINE_MAX_BYTES])
{
	char word[LINE_MAX_BYTES], trial[LINE_MAX_BYTES];
	int nl = 0;
	const char *p = title;
	out[0][0] = '\0';
	for (;;) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (!n)
			break;
		if (n > sizeof(word) - 8)
			n = sizeof(word) - 8;
		memcpy(word, p, n);
		word[n] = '\0';
		p += n;
		int w = join(trial, sizeof(trial), out[nl], word) ? text_width(FONT_BOLD, size, trial) : maxw + 1;
		if (w < 0)
			return 0;
		if (w <= maxw) {
			memcpy(out[nl], trial, strlen(trial) + 1);
			continue;
		}
		if (!out[nl][0]) { /* a single word wider than the line: keep it anyway */
			memcpy(out[nl], word, n + 1);
			continue;
		}
		if (nl + 1 == maxl) {
			/* Out of room: end the last line with an ellipsis that still fits. */
			for (;;) {
				if (join(trial, sizeof(trial), out[nl], "…") &&
				    (text_width(FONT_BOLD, size, trial) <= maxw || !strchr(out[nl], ' ')))
					break;
				*strrchr(out[nl], ' ') = '\0';
			}
			size_t lt = strlen(trial);
			memcpy(out[nl], trial, lt + 1);
			/* join() put a space before the ellipsis; glue it to the last word. */
			if (lt >= 4 && out[nl][lt - 4] == ' ')
				memmove(out[nl] + lt - 4, out[nl] + lt - 3, 4);
			return nl + 1;
		}
		memcpy(out[++nl], word, n + 1);
	}
	return out[0][0] ? nl + 1 : 0;
}

static void draw_text(gdImagePtr im, const struct palette *p, const char *site_short, const char *title)
{
	char lines[3][LINE_MAX_BYTES];
	double size = 50;
	int maxw = W - 2 * 90, nl = wrap_title(title ? title : "", size, maxw, 3, lines);
	/* Balance the lines: the narrowest width that needs no extra line and cuts nothing, so
	 * the last line is not a lone word. */
	if (nl > 1 && !strstr(lines[nl - 1], "…")) {
		int best = maxw;
		for (int w = maxw - 30; w > maxw / 2; w -= 30) {
			int n2 = wrap_title(title, size, w, 3, lines);
			if (n2 != nl || strstr(lines[n2 - 1], "…"))
				break;
			best = w;
		}
		nl = wrap_title(title, size, best, 3, lines);
	}
	int lh = (int)(size * 1.42);
	int y = H - 78 - (nl - 1) * lh;

	/* A dark veil behind the text for contrast, fading upwards. */
	int top = y - (int)size - 120;
	for (int yy = top < 0 ? 0 : top; yy < H; yy++) {
		double t = (double)(yy - top) / (H - top);
		gdImageLine(im, 0, yy, W, yy, gdTrueColorAlpha(0, 0, 0, 127 - (int)(t * 70)));
	}

	/* Badge with the site's short name. */
	if (site_short && *site_short) {
		int tw = text_width(FONT_BOLD, 22, site_short);
		if (tw > 0) {
			int bx = 90, by = y - (int)size - 70;
			gdImageFilledRectangle(im, bx, by, bx + tw + 76, by + 46, rgb(p->accent, 0));
			star(im, bx + 25, by + 23, 13, rgb(p->ink, 0));
			gdImageStringFT(im, NULL, rgb(p->ink, 0), (char *)FONT_BOLD, 22, 0, bx + 50, by + 33,
					(char *)site_short);
		}
	}

	/* Accent rule to the left of the title block. */
	gdImageFilledRectangle(im, 60, y - (int)size + 2, 69, y + (nl - 1) * lh + 12, rgb(p->accent, 0));
	for (int i = 0; i < nl; i++, y += lh) {
		gdImageStringFT(im, NULL, gdTrueColorAlpha(0, 0, 0, 70), (char *)FONT_BOLD, size, 0, 93, y + 3,
				lines[i]);
		gdImageStringFT(im, NULL, rgb(0xffffff, 0), (char *)FONT_BOLD, size, 0, 90, y, lines[i]);
	}

	/* A quiet signature in the top-right corner. */
	const char *sig = "Cổng Thông tin điện tử";
	int sw = text_width(FONT_REG, 16, sig);
	if (sw > 0)
		gdImageStringFT(im, NULL, gdTrueColorAlpha(255, 255, 255, 40), (char *)FONT_REG, 16, 0,
				W - 40 - sw, 52, (char *)sig);
}

unsigned char *demo_cover_png(const char *site_short, const char *title, unsigned seed, size_t *len)
{
	uint32_t s = seed * 2654435761u ^ 0x9e3779b9u;
	if (!s)
		s = 1;
	for (int i = 0; i < 4; i++)
		next(&s);
	const struct palette *p = &palettes[next(&s) % ARRAY_SIZE(palettes)];

	gdImagePtr im = gdImageCreateTrueColor(W, H);
	if (!im)
		return NULL;
	gdImageAlphaBlending(im, 1);
	gradient(im, p, rnd(&s, 10, 80) * PI / 180);
	switch (next(&s) % 4) {
	case 0: motif_circles(im, p, &s); break;
	case 1: motif_stripes(im, p, &s); break;
	case 2: motif_rings(im, p, &s); break;
	default: motif_waves(im, p, &s); break;
	}
	if (access(FONT_BOLD, R_OK) == 0 && access(FONT_REG, R_OK) == 0)
		draw_text(im, p, site_short, title);

	int size = 0;
	void *png = gdImagePngPtr(im, &size);
	gdImageDestroy(im);
	if (!png || size <= 0) {
		if (png)
			gdFree(png);
		return NULL;
	}
	unsigned char *out = xmalloc((size_t)size);
	memcpy(out, png, (size_t)size);
	gdFree(png);
	*len = (size_t)size;
	return out;
}
