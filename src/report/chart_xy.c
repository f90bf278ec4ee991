/* chart_xy.c — grouped bars or lines of chart_xy.h as SVG. */
#include "report/chart_xy.h"

#include "base/utf8.h"
#include "base/util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define W 720
#define H_PLOT 260
#define PAD 12
#define TITLE_SIZE 16
#define SMALL 12
#define LEGEND_ROW 20
#define INK "#1f1f1f"
#define GRID "#d0d0d0"

/* The palette of chart.c: each at least 4.5:1 against white (test_report.c checks chart.c's). */
static const char *const palette[CHART_XY_MAX_SERIES] = {
	"#1a5fb4", "#b3261e", "#1b7a3a", "#6a3d9a", "#8c510a", "#00695c", "#a01a58", "#5f6368",
};
/* Lines differ by their dashes too, not by colour alone (WCAG 1.4.1). */
static const char *const dashes[CHART_XY_MAX_SERIES] = {
	"none", "6 3", "2 3", "10 3 2 3", "none", "6 3", "2 3", "10 3 2 3",
};

static void add_text(struct sb *out, const char *s)
{
	struct sb t = SB_INIT;
	for (; *s; s++)
		sb_addc(&t, (unsigned char)*s < 0x20 || *s == 0x7F ? ' ' : *s);
	sb_add_html(out, t.buf, t.len);
	sb_release(&t);
}

static void add_cut(struct sb *out, const char *s, size_t max)
{
	char *cut = utf8_ellipsize(s, max);
	add_text(out, cut);
	free(cut);
}

/* V with DEC decimals, Vietnamese grouping and decimal comma. */
static void add_number(struct sb *out, double v, int dec)
{
	char buf[64];
	snprintf(buf, sizeof(buf), "%.*f", dec, fabs(v) < 0.5 * pow(10, -dec) ? 0.0 : v);
	const char *p = buf;
	if (*p == '-')
		sb_addc(out, *p++);
	size_t ni = strspn(p, "0123456789");
	for (size_t i = 0; i < ni; i++) {
		if (i && (ni - i) % 3 == 0)
			sb_addc(out, '.');
		sb_addc(out, p[i]);
	}
	if (p[ni] == '.') {
		sb_addc(out, ',');
		sb_adds(out, p + ni + 1);
	}
}

/* Decimals that show V exactly enough (at most 4). */
static int decimals_of(double v)
{
	for (int d = 0; d < 4; d++)
		if (fabs(v * pow(10, d) - round(v * pow(10, d))) < 1e-6)
			return d;
	return 4;
}

static int str_ok(const char *s)
{
	return s && utf8_valid(s, strlen(s));
}

int chart_xy_is_time(const char *const *cats, size_t n)
{
	if (n < 2)
		return 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = cats[i];
		int digits = 0, year = 0;
		for (const char *p = s; *p; p++) {
			if (*p >= '0' && *p <= '9') {
				if (++digits == 4)
					year = 1;
			} else {
				digits = 0;
			}
		}
		/* a year somewhere, and nothing but a period's words, numbers and separators */
		if (!year)
			return 0;
		if (strncmp(s, "Năm", 4) && strncmp(s, "Quý", 4) && strncmp(s, "Tháng", 6) && strncmp(s, "Kỳ", 4) &&
		    !(*s >= '0' && *s <= '9'))
			return 0;
	}
	return 1;
}

/* A step of 1, 2 or 5 × 10^k giving at most 6 intervals over [LO, HI]; the axis ends. */
static double nice_step(double lo, double hi)
{
	double span = hi - lo, m = pow(10, floor(log10(span)));
	static const double f[] = { 0.1, 0.2, 0.5, 1, 2, 5, 10 };
	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (span / (f[i] * m) <= 6)
			return f[i] * m;
	return 10 * m;
}

int chart_xy_svg(const struct chart_xy *c, struct sb *out)
{
	if (!str_ok(c->title) || !str_ok(c->desc) || !c->nSeries || c->nSeries > CHART_XY_MAX_SERIES ||
	    !c->nCategory || c->nCategory > CHART_XY_MAX_CATEGORIES || !c->aSeries || !c->aCategory || !c->aValue)
		return -1;
	double lo = 0, hi = 0;
	int any = 0;
	for (size_t s = 0; s < c->nSeries; s++)
		if (!str_ok(c->aSeries[s]))
			return -1;
	for (size_t i = 0; i < c->nCategory; i++) {
		if (!str_ok(c->aCategory[i]))
			return -1;
		for (size_t s = 0; s < c->nSeries; s++) {
			double v = c->aValue[i * c->nSeries + s];
			if (isnan(v))
				continue;
			if (!isfinite(v))
				return -1;
			any = 1;
			lo = v < lo ? v : lo;
			hi = v > hi ? v : hi;
		}
	}
	if (!any)
		return -1;
	if (hi == lo)
		hi = lo + 1;
	double step = nice_step(lo, hi);
	lo = floor(lo / step) * step;
	hi = ceil(hi / step) * step;
	int dec = decimals_of(step);

	char id[64];
	size_t n = 0;
	for (const char *p = c->id ? c->id : ""; *p && n + 1 < sizeof(id); p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_')
			id[n++] = *p;
	id[n] = '\0';
	if (!n)
		snprintf(id, sizeof(id), "chart");

	/* the y labels' width from the longest tick, the legend's rows, the x labels' slant */
	size_t ychars = 1;
	for (double v = lo; v <= hi + step / 2; v += step) {
		struct sb t = SB_INIT;
		add_number(&t, v, dec);
		ychars = t.len > ychars ? t.len : ychars;
		sb_release(&t);
	}
	double x0 = PAD + ychars * SMALL * 0.6 + 8, x1 = W - PAD;
	double legend_y = PAD + TITLE_SIZE + 10, lx = PAD;
	int legend_rows = 1;
	for (size_t s = 0; s < c->nSeries; s++) {
		size_t ch = utf8_length(c->aSeries[s]);
		double w = 30 + (ch > 30 ? 30 : ch) * SMALL * 0.6 + 16;
		if (lx > PAD && lx + w > W - PAD) {
			lx = PAD;
			legend_rows++;
		}
		lx += w;
	}
	double y0 = legend_y + legend_rows * LEGEND_ROW + 10, y1 = y0 + H_PLOT;
	double group = (x1 - x0) / (double)c->nCategory;
	size_t longest = 0;
	for (size_t i = 0; i < c->nCategory; i++) {
		size_t l = utf8_length(c->aCategory[i]);
		longest = l > longest ? l : longest;
	}
	size_t cut = longest > 24 ? 24 : longest;
	int slant = cut * SMALL * 0.6 > group - 4;
	/* every label when there is room, else every k-th */
	size_t every = 1;
	while (slant && group * (double)every < SMALL + 4)
		every++;
	double height = y1 + (slant ? cut * SMALL * 0.6 * 0.72 + 16 : SMALL + 14) + PAD;

	sb_addf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%.0f\" viewBox=\"0 0 %d %.0f\" "
		     "role=\"img\" aria-labelledby=\"%s-title %s-desc\" "
		     "font-family=\"Arial, 'Noto Sans', 'DejaVu Sans', sans-serif\" font-size=\"%d\" fill=\"%s\">\n",
		W, height, W, height, id, id, SMALL, INK);
	sb_addf(out, "<title id=\"%s-title\">", id);
	add_text(out, c->title);
	sb_addf(out, "</title>\n<desc id=\"%s-desc\">", id);
	add_text(out, c->desc);
	sb_adds(out, "</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
	sb_addf(out, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"bold\">", PAD, PAD + TITLE_SIZE, TITLE_SIZE);
	add_cut(out, c->title, (size_t)((W - 2 * PAD) / (TITLE_SIZE * 0.6)));
	sb_adds(out, "</text>\n<g aria-hidden=\"true\">\n");
	/* the legend */
	lx = PAD;
	double ly = legend_y;
	for (size_t s = 0; s < c->nSeries; s++) {
		size_t ch = utf8_length(c->aSeries[s]);
		double w = 30 + (ch > 30 ? 30 : ch) * SMALL * 0.6 + 16;
		if (lx > PAD && lx + w > W - PAD) {
			lx = PAD;
			ly += LEGEND_ROW;
		}
		if (c->line)
			sb_addf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2.5\" "
				     "stroke-dasharray=\"%s\"/>", lx, ly + 6, lx + 24, ly + 6, palette[s], dashes[s]);
		else
			sb_addf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>", lx, ly, palette[s]);
		sb_addf(out, "<text x=\"%.1f\" y=\"%.1f\">", lx + (c->line ? 30 : 18), ly + 10.5);
		add_cut(out, c->aSeries[s], 30);
		sb_adds(out, "</text>\n");
		lx += w;
	}
	/* the y axis: grid lines and ticks, the zero line darker */
#define YPOS(v) (y1 - (y1 - y0) * ((v) - lo) / (hi - lo))
	for (double v = lo; v <= hi + step / 2; v += step) {
		double y = YPOS(v);
		int zero = fabs(v) < step / 2;
		sb_addf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>", x0, y, x1, y,
			zero ? INK : GRID);
		sb_addf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", x0 - 6, y + 4);
		add_number(out, zero ? 0 : v, dec);
		sb_adds(out, "</text>\n");
	}
	/* the x axis' labels */
	for (size_t i = 0; i < c->nCategory; i += every) {
		double x = x0 + group * ((double)i + 0.5);
		if (slant)
			sb_addf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" transform=\"rotate(-45 %.1f %.1f)\">", x + 4,
				y1 + 14, x + 4, y1 + 14);
		else
			sb_addf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", x, y1 + 16);
		add_cut(out, c->aCategory[i], cut);
		sb_adds(out, "</text>\n");
	}
	sb_adds(out, "</g>\n");
	/* the data: each value with its <title> ("Long Hồ — Dân số: 160.537") */
	double zero_y = YPOS(lo > 0 ? lo : hi < 0 ? hi : 0);
	for (size_t s = 0; s < c->nSeries; s++) {
		sb_addf(out, "<g fill=\"%s\">\n", palette[s]);
		if (c->line) {
			/* one path, broken where a value is missing */
			sb_addf(out, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\" stroke-dasharray=\"%s\" d=\"",
				palette[s], dashes[s]);
			int pen = 0;
			for (size_t i = 0; i < c->nCategory; i++) {
				double v = c->aValue[i * c->nSeries + s];
				if (isnan(v)) {
					pen = 0;
					continue;
				}
				sb_addf(out, "%c%.1f %.1f", pen ? 'L' : 'M', x0 + group * ((double)i + 0.5), YPOS(v));
				pen = 1;
			}
			sb_adds(out, "\"/>\n");
		}
		for (size_t i = 0; i < c->nCategory; i++) {
			double v = c->aValue[i * c->nSeries + s];
			if (isnan(v))
				continue;
			if (c->line) {
				sb_addf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\">", x0 + group * ((double)i + 0.5), YPOS(v),
					c->nCategory > 60 ? "2" : "4");
			} else {
				double bw = group * 0.8 / (double)c->nSeries;
				double bx = x0 + group * (double)i + group * 0.1 + bw * (double)s;
				double y = YPOS(v), top = y < zero_y ? y : zero_y, h = fabs(zero_y - y);
				sb_addf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">", bx, top,
					bw > 1 ? bw - 1 : bw, h < 0.5 ? 0.5 : h);
			}
			sb_adds(out, "<title>");
			add_text(out, c->aCategory[i]);
			sb_adds(out, " — ");
			add_text(out, c->aSeries[s]);
			sb_adds(out, ": ");
			add_number(out, v, decimals_of(v));
			sb_adds(out, c->line ? "</title></circle>\n" : "</title></rect>\n");
		}
		sb_adds(out, "</g>\n");
	}
#undef YPOS
	sb_adds(out, "</svg>\n");
	return 0;
}
