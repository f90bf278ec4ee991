/* sanitize.h — the XSS wall: article bodies from the rich-text editor are parsed with gumbo (a
 * real HTML5 parser) and re-serialised through an allow-list, so that the public pages can print
 * the stored HTML raw.  Also the plain-text view of such HTML, for diffs, search and summaries.
 *
 * What comes out (the contract every caller relies on):
 *   - only p br h2 h3 h4 strong em u s sub sup blockquote ul ol li a img figure figcaption
 *     table caption thead tbody tfoot tr th td hr pre code; h1 becomes h2, h5/h6 h4, b strong,
 *     i em; other elements are unwrapped (their text kept), and script, style, iframe, object,
 *     embed, noscript, svg, math, forms, head material and the like vanish with their content;
 *   - only a[href title] img[src alt width height title] th[colspan rowspan scope]
 *     td[colspan rowspan] ol[start]; numbers canonical and capped; every external link
 *     (http/https) carries rel="noopener nofollow";
 *   - href is http:, https:, mailto:, tel:, "/path" or "#frag"; src is http:, https: or
 *     "/media/..."; anything else drops the attribute (then <a> is unwrapped, <img> dropped);
 *   - nesting is restricted so that the output parses back to the very tree it was written
 *     from: html_sanitize(html_sanitize(x)) == html_sanitize(x), checked by the XSS corpus
 *     and the fuzzer;
 *   - UTF-8, NFC, without NUL or C0 controls other than TAB and LF.
 * Input without any '<' is plain text: blank lines separate paragraphs, single newlines are
 * <br>.  Both functions are thread-safe (no shared mutable state). */
#ifndef CONG_SANITIZE_H
#define CONG_SANITIZE_H

#include <stddef.h>

struct sanitize_report {
	int images_without_alt;  /* kept <img> whose alt is missing or blank (editor warning) */
	int removed_elements;    /* elements unwrapped or dropped (a dropped subtree counts once) */
	int removed_attributes;  /* attributes left out of kept elements, and bad href/src */
};

/* Sanitized HTML of HTML[0..LEN) (malloc'd, never NULL). REPORT may be NULL. */
char *html_sanitize(const char *html, size_t len, struct sanitize_report *report);

/* The text of HTML (tags removed, entities decoded; block elements and <br> become line breaks,
   paragraphs separated by a blank line); for diffs, search and summaries. malloc'd. */
char *html_to_text(const char *html, size_t len);

#endif
