/* content.h — the demo province "Vĩnh Long" that `cong demo` loads: sites, categories, generated
 * news articles (deterministic, Vietnamese) and PNG cover images for them.
 * Sites and categories are static tables; articles are built from hand-written templates. */
#ifndef CONG_DEMO_CONTENT_H
#define CONG_DEMO_CONTENT_H

#include <stddef.h>

struct demo_site {
	const char *slug, *parent_slug /* NULL for main */, *kind /* "main","department","district","commune" */,
		*name, *name_en, *short_name, *owner, *address, *phone, *email, *fax, *responsible, *licence;
};

struct demo_category {
	const char *site_slug, *slug, *name, *parent_slug /* NULL for top level */;
	int position;
};

struct demo_article {
	const char *site_slug, *category_slug;
	char *title, *summary, *body, *author;
	int featured;
	int days_ago; /* always >= 1, so that the publication time is in the past whatever the hour */
	int hour;
	int minute;
	const char *src_author, *src_name, *src_url; /* NULL when none */
	int src_days_ago;                              /* -1 when none */
};

extern const struct demo_site demo_sites[];
extern const size_t demo_nsites; /* parents before children */
extern const struct demo_category demo_categories[];
extern const size_t demo_ncategories; /* parents before children */

/* Generates all articles (grouped by site, in demo_sites order); caller frees with
 * demo_articles_free. Deterministic: same output on every call and every run. */
struct demo_article *demo_articles_make(size_t *n);
void demo_articles_free(struct demo_article *a, size_t n);

/* Renders a 1200x675 PNG cover for an article: a gradient and shapes in a palette chosen by
 * SEED, the site's short name and the first words of the title (DejaVu Sans via FreeType).
 * Returns malloc'd PNG bytes (length in *len) or NULL. Without the font, draws shapes only. */
unsigned char *demo_cover_png(const char *site_short, const char *title, unsigned seed, size_t *len);

#endif
