/* chart.h — server-rendered SVG charts for the compliance pages (no JavaScript, no CSS: only
 * presentation attributes, so a strict CSP without 'unsafe-inline' styles is kept).
 *
 * The output is meant to be printed raw inside an HTML page (or served as image/svg+xml): every
 * caller string is XML-escaped and stripped of control characters here, and all the text it
 * shows is the caller's (titles, series and category names, the no-data sentence: they come
 * from the locale files), besides numbers written with Vietnamese digit grouping ("1.234").
 * The <svg> carries width, height and viewBox: `svg { max-width: 100%; height: auto; }` makes
 * it shrink on phones. Thread-safe: no shared mutable state. */
#ifndef CONG_REPORT_CHART_H
#define CONG_REPORT_CHART_H

#include "base/sb.h"

#include <stddef.h>
#include <stdint.h>

#define CHART_MAX_SERIES 8

/* A horizontal stacked bar chart: one bar per category (a site), one segment per series
   ("Đúng hạn", "Trễ hạn", "Chưa xong"), in the order given, coloured from a fixed palette
   (green, red, grey, blue, ...) whose colours all have at least 4.5:1 contrast with white
   (the value labels drawn on them, and the page background). */
struct chart_hbar {
	const char *id;        /* prefix of the element ids, unique in the page; [A-Za-z0-9_-],
				  other characters dropped; NULL or "" means "chart" */
	const char *title;     /* shown above the chart and the accessible name */
	const char *desc;      /* accessible description; the values are appended to it */
	const char *no_data;   /* the sentence shown when there is no category */
	const char *const *aSeries; /* series names, 1..CHART_MAX_SERIES */
	size_t nSeries;
	const char *const *aCategory; /* category names (long ones are cut with "…") */
	size_t nCategory;
	const int64_t *aValue; /* nCategory × nSeries values >= 0, row-major */
};

/* Appends the chart's SVG to OUT: a title, a legend, one bar per category with its label on
   the left and its total on the right, a value label inside every segment wide enough for it,
   an axis with "nice" ticks (1, 2 or 5 × 10^k) and grid lines. Each segment has a <title>
   ("Sở Nội vụ — Trễ hạn: 3") and each bar one with its total; the <svg> has role="img" and
   aria-labelledby its <title> and <desc>. Sizes follow the data: the label column from the
   longest name (at most 28 characters are shown), the height from the number of bars.
   With nCategory == 0 the SVG shows the title and NO_DATA.
   Returns 0, or -1 (OUT untouched) when the input is unusable: a NULL or non-UTF-8 string,
   no series or more than CHART_MAX_SERIES, a negative value, or totals above 10^15. */
int chart_hbar_svg(const struct chart_hbar *c, struct sb *out);

#endif
