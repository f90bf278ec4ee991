/* chart_xy.h — a server-rendered SVG chart of a table's numeric columns against its first column
 * (the statistics kind's item page, docs/statistics.md): grouped vertical bars, or lines with
 * markers for a series over time or many categories. The same rules as chart.h: no script, no
 * CSS, presentation attributes only, every caller string XML-escaped; role="img" with a <title>
 * and a <desc> (aria-labelledby), each bar and point a <title> with its value; the page's data
 * table is the text alternative. Numbers are written the Vietnamese way ("1.234,5"). */
#ifndef CONG_REPORT_CHART_XY_H
#define CONG_REPORT_CHART_XY_H

#include "base/sb.h"

#include <stddef.h>

#define CHART_XY_MAX_SERIES 8
#define CHART_XY_MAX_CATEGORIES 400

struct chart_xy {
	const char *id;     /* element id prefix, [A-Za-z0-9_-]; NULL: "chart" */
	const char *title;  /* shown above the chart, and its accessible name */
	const char *desc;   /* the accessible description */
	int line;           /* lines (1) or grouped bars (0) */
	const char *const *aSeries;   /* 1..CHART_XY_MAX_SERIES names */
	size_t nSeries;
	const char *const *aCategory; /* 1..CHART_XY_MAX_CATEGORIES names (the x axis) */
	size_t nCategory;
	const double *aValue; /* nCategory × nSeries, row-major; NAN: no value */
};

/* Appends the SVG to OUT: 0, or -1 (OUT untouched) when the input is unusable (a NULL or
 * non-UTF-8 string, no series or too many, no category or too many, an infinite value, or no
 * value at all). */
int chart_xy_svg(const struct chart_xy *c, struct sb *out);

/* 1 when the categories read as a time axis (years, "Quý I/2024", "Tháng 3/2024", "2024-03",
 * dates): the statistics page draws lines for those, bars otherwise. */
int chart_xy_is_time(const char *const *cats, size_t n);

#endif
