/* chart.c — the horizontal stacked bar chart of chart.h as SVG. Text widths are estimated
 * (0.6 em per character, generous for Vietnamese in sans-serif fonts): labels are cut by
 * characters, never bytes, and a value label is drawn only inside a segment wide enough. */
#include "report/chart.h"

#include "base/utf8.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define W 720           /* the SVG's width in px */
#define PAD 12
#define TITLE_SIZE 16
#define FONT_SIZE 13
#define SMALL_SIZE 12
#define ROW_H 28
#define BAR_H 18
#define LEGEND_ROW_H 20
#define LABEL_CHARS 28  /* a category label shows at most this many characters */
#define LEGEND_CHARS 30
#define TOTAL_MAX 1000000000000000LL
#define INK "#1f1f1f"   /* 16.4:1 on white */
#define GRID "#d0d0d0"  /* decorative */

/* Fills with at least 4.5:1 contrast against white both ways: the white value labels on them
   and the white page around them (WCAG 1.4.3 and 1.4.11). Checked by test_report.c. */
static const char *const palette[CHART_MAX_SERIES] = {
	"#1b7a3a", /* green  5.4:1 — on time */
	"#b3261e", /* red    6.5:1 — late */
	"#5f6368", /* grey   6.1:1 — still open */
	"#1a5fb4", /* blue   6.3:1 */
	"#6a3d9a", /* purple 7.6:1 */
	"#8c510a", /* brown  6.4:1 */
	"#00695c", /* teal   6.6:1 */
	"#a01a58", /* plum   7.5:1 */
};

/* The chart being laid out. */
struct layout {
	const struct chart_hbar *c;
	char id[64];
	int64_t axis_max, step;
	double x0, x1;       /* the plot's left and right edges */
	double legend_y;     /* top of the legend */
	double plot_y;       /* top of the first bar row */
	double height;
};

static double text_width(size_t nchars, int size)
{
	return (double)nchars * size * 0.6;
}

/* S as XML text or attribute value: control characters become spaces, then escaped. */
static void add_text(struct sb *out, const char *s)
{
	struct sb t = SB_INIT;
	for (; *s; s++)
		sb_addc(&t, (unsigned char)*s < 0x20 || *s == 0x7F ? ' ' : *s);
	sb_add_html(out, t.buf, t.len);
	sb_release(&t);
}

/* S cut to MAX characters ("…" included), escaped. */
static void add_text_cut(struct sb *out, const char *s, size_t max)
{
	char *cut = utf8_ellipsize(s, max - 1);
	add_text(out, cut);
	free(cut);
}

/* N with Vietnamese digit grouping: 1234567 → "1.234.567". */
static void add_number(struct sb *out, int64_t n)
{
	char digits[24];
	int len = snprintf(digits, sizeof(digits), "%lld", (long long)n);
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			sb_addc(out, '.');
		sb_addc(out, digits[i]);
	}
}

static size_t number_chars(int64_t n)
{
	struct sb s = SB_INIT;
	add_number(&s, n);
	size_t len = s.len;
	sb_release(&s);
	return len;
}

static int64_t value(const struct chart_hbar *c, size_t cat, size_t ser)
{
	return c->aValue[cat * c->nSeries + ser];
}

static int64_t total(const struct chart_hbar *c, size_t cat)
{
	int64_t t = 0;
	for (size_t s = 0; s < c->nSeries; s++)
		t += value(c, cat, s);
	return t;
}

static int str_ok(const char *s)
{
	return s && utf8_valid(s, strlen(s));
}

static int input_valid(const struct chart_hbar *c)
{
	if (!str_ok(c->title) || !str_ok(c->desc) || !str_ok(c->no_data) || c->nSeries == 0 ||
	    c->nSeries > CHART_MAX_SERIES || !c->aSeries || (c->nCategory && (!c->aCategory || !c->aValue)))
		return 0;
	for (size_t s = 0; s < c->nSeries; s++)
		if (!str_ok(c->aSeries[s]))
			return 0;
	for (size_t i = 0; i < c->nCategory; i++) {
		int64_t sum = 0;
		if (!str_ok(c->aCategory[i]))
			return 0;
		for (size_t s = 0; s < c->nSeries; s++) {
			int64_t v = value(c, i, s);
			if (v < 0 || v > TOTAL_MAX || sum > TOTAL_MAX - v)
				return 0;
			sum += v;
		}
	}
	return 1;
}

/* A step of 1, 2 or 5 × 10^k giving at most 5 intervals up to MAX, and the axis end. */
static void nice_axis(int64_t max, int64_t *step, int64_t *axis_max)
{
	static const int64_t f[] = { 1, 2, 5 };
	int64_t s = 1;
	for (int64_t m = 1; m <= TOTAL_MAX; m *= 10) {
		size_t i;
		for (i = 0; i < ARRAY_SIZE(f); i++)
			if (f[i] * m * 5 >= max)
				break;
		if (i < ARRAY_SIZE(f)) {
			s = f[i] * m;
			break;
		}
	}
	*step = s;
	*axis_max = max > 0 ? (max + s - 1) / s * s : s;
}

static double legend_rows(const struct chart_hbar *c, int draw, struct sb *out, double y0);

static void layout_init(struct layout *l, const struct chart_hbar *c)
{
	size_t label = 0, n = 0;
	int64_t max = 0;
	memset(l, 0, sizeof(*l));
	l->c = c;
	for (const char *p = c->id ? c->id : ""; *p && n + 1 < sizeof(l->id); p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_')
			l->id[n++] = *p;
	if (n == 0)
		memcpy(l->id, "chart", 6);
	for (size_t i = 0; i < c->nCategory; i++) {
		size_t len = utf8_length(c->aCategory[i]);
		label = len > label ? len : label;
		max = total(c, i) > max ? total(c, i) : max;
	}
	label = label > LABEL_CHARS ? LABEL_CHARS : label;
	nice_axis(max, &l->step, &l->axis_max);
	l->x0 = PAD + text_width(label, FONT_SIZE) + 10;
	l->x1 = W - PAD - text_width(number_chars(max), FONT_SIZE) - 10;
	if (l->x1 - l->x0 < text_width(number_chars(l->axis_max), SMALL_SIZE) * 2) /* cannot be */
		BUG("chart: no room for the plot");
	l->legend_y = PAD + TITLE_SIZE + 12;
	l->plot_y = l->legend_y + legend_rows(c, 0, NULL, l->legend_y) + 12;
	l->height = l->plot_y + (double)c->nCategory * ROW_H + SMALL_SIZE + 8 + PAD;
}

static double xpos(const struct layout *l, int64_t v)
{
	return l->x0 + (l->x1 - l->x0) * (double)v / (double)l->axis_max;
}

/* Lays the legend out in rows from Y0 (drawing it when DRAW); returns its height. */
static double legend_rows(const struct chart_hbar *c, int draw, struct sb *out, double y0)
{
	double x = PAD, y = y0;
	for (size_t s = 0; s < c->nSeries; s++) {
		size_t chars = utf8_length(c->aSeries[s]);
		chars = chars > LEGEND_CHARS ? LEGEND_CHARS : chars;
		double w = 18 + text_width(chars, SMALL_SIZE) + 16;
		if (x > PAD && x + w > W - PAD) {
			x = PAD;
			y += LEGEND_ROW_H;
		}
		if (draw) {
			sb_addf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>",
				x, y, palette[s]);
			sb_addf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\">", x + 18, y + 10.5,
				SMALL_SIZE);
			add_text_cut(out, c->aSeries[s], LEGEND_CHARS);
			sb_adds(out, "</text>\n");
		}
		x += w;
	}
	return y - y0 + 14;
}

static void svg_open(struct sb *out, const struct layout *l, double height)
{
	const struct chart_hbar *c = l->c;
	sb_addf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%.0f\" "
		     "viewBox=\"0 0 %d %.0f\" role=\"img\" aria-labelledby=\"%s-title %s-desc\" "
		     "font-family=\"Arial, 'Noto Sans', 'DejaVu Sans', sans-serif\" font-size=\"%d\" "
		     "fill=\"%s\">\n",
		W, height, W, height, l->id, l->id, FONT_SIZE, INK);
	sb_addf(out, "<title id=\"%s-title\">", l->id);
	add_text(out, c->title);
	sb_addf(out, "</title>\n<desc id=\"%s-desc\">", l->id);
	add_text(out, c->desc);
}

/* The values in words for the description (role="img" hides the drawing's text). */
static void add_summary(struct sb *out, const struct chart_hbar *c)
{
	for (size_t i = 0; i < c->nCategory; i++) {
		sb_addc(out, ' ');
		add_text(out, c->aCategory[i]);
		sb_addc(out, ':');
		for (size_t s = 0; s < c->nSeries; s++) {
			sb_adds(out, s ? ", " : " ");
			add_text(out, c->aSeries[s]);
			sb_addc(out, ' ');
			add_number(out, value(c, i, s));
		}
		sb_addc(out, '.');
	}
}

static void add_title_line(struct sb *out, const struct chart_hbar *c)
{
	sb_addf(out, "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n"
		     "<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"bold\">",
		PAD, PAD + TITLE_SIZE, TITLE_SIZE);
	add_text_cut(out, c->title, (size_t)((W - 2 * PAD) / (TITLE_SIZE * 0.6)));
	sb_adds(out, "</text>\n");
}

static void add_axis(struct sb *out, const struct layout *l)
{
	double bottom = l->plot_y + (double)l->c->nCategory * ROW_H;
	sb_adds(out, "<g aria-hidden=\"true\">\n");
	for (int64_t v = 0; v <= l->axis_max; v += l->step) {
		double x = xpos(l, v);
		sb_addf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>", x,
			l->plot_y - 4, x, bottom + 4, v ? GRID : INK);
		sb_addf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"middle\">", x,
			bottom + 6 + SMALL_SIZE, SMALL_SIZE);
		add_number(out, v);
		sb_adds(out, "</text>\n");
	}
	sb_addf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>\n</g>\n",
		l->x0, bottom + 4, l->x1, bottom + 4, INK);
}

static void add_segment(struct sb *out, const struct layout *l, size_t i, size_t s, double x,
			double y, double w)
{
	const struct chart_hbar *c = l->c;
	int64_t v = value(c, i, s);
	sb_addf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\" "
		     "stroke=\"#ffffff\" stroke-width=\"1\"><title>",
		x, y, w, BAR_H, palette[s]);
	add_text(out, c->aCategory[i]);
	sb_adds(out, " — ");
	add_text(out, c->aSeries[s]);
	sb_adds(out, ": ");
	add_number(out, v);
	sb_adds(out, "</title></rect>");
	if (w >= text_width(number_chars(v), SMALL_SIZE) + 6) {
		sb_addf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"middle\" "
			     "fill=\"#ffffff\">",
			x + w / 2, y + 13, SMALL_SIZE);
		add_number(out, v);
		sb_adds(out, "</text>");
	}
	sb_adds(out, "\n");
}

static void add_bar(struct sb *out, const struct layout *l, size_t i)
{
	const struct chart_hbar *c = l->c;
	double y = l->plot_y + (double)i * ROW_H + (ROW_H - BAR_H) / 2.0;
	int64_t sum = 0;
	sb_adds(out, "<g><title>");
	add_text(out, c->aCategory[i]);
	sb_adds(out, ": ");
	add_number(out, total(c, i));
	sb_addf(out, "</title>\n<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", l->x0 - 8, y + 13);
	add_text_cut(out, c->aCategory[i], LABEL_CHARS);
	sb_adds(out, "</text>\n");
	for (size_t s = 0; s < c->nSeries; s++) {
		int64_t v = value(c, i, s);
		if (v > 0)
			add_segment(out, l, i, s, xpos(l, sum), y, xpos(l, sum + v) - xpos(l, sum));
		sum += v;
	}
	sb_addf(out, "<text x=\"%.1f\" y=\"%.1f\">", xpos(l, sum) + 6, y + 13);
	add_number(out, sum);
	sb_adds(out, "</text>\n</g>\n");
}

static void add_no_data(struct sb *out, const struct layout *l)
{
	const struct chart_hbar *c = l->c;
	double height = PAD + TITLE_SIZE + 16 + FONT_SIZE + PAD + 8;
	svg_open(out, l, height);
	sb_adds(out, " ");
	add_text(out, c->no_data);
	sb_adds(out, "</desc>\n");
	add_title_line(out, c);
	sb_addf(out, "<text x=\"%d\" y=\"%d\">", PAD, PAD + TITLE_SIZE + 16 + FONT_SIZE);
	add_text(out, c->no_data);
	sb_adds(out, "</text>\n</svg>\n");
}

int chart_hbar_svg(const struct chart_hbar *c, struct sb *out)
{
	struct layout l;
	if (!input_valid(c))
		return -1;
	layout_init(&l, c);
	if (c->nCategory == 0) {
		add_no_data(out, &l);
		return 0;
	}
	svg_open(out, &l, l.height);
	add_summary(out, c);
	sb_adds(out, "</desc>\n");
	add_title_line(out, c);
	sb_adds(out, "<g aria-hidden=\"true\">\n");
	legend_rows(c, 1, out, l.legend_y);
	sb_adds(out, "</g>\n");
	add_axis(out, &l);
	for (size_t i = 0; i < c->nCategory; i++)
		add_bar(out, &l, i);
	sb_adds(out, "</svg>\n");
	return 0;
}
