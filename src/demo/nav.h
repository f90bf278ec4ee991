/* nav.h — the demo province's links to other portals and its fixed pages (model/kinds.c "link"
 * and "page"), as static tables: real addresses of national portals, real facts of Vĩnh Long. */
#ifndef CONG_DEMO_NAV_H
#define CONG_DEMO_NAV_H

#include <stddef.h>

struct demo_link {
	const char *site, *title, *url, *group; /* group: a key of the kind's choices */
	int order;
};
extern const struct demo_link demo_links[];
extern const size_t demo_nlinks;

struct demo_page {
	const char *site, *type, *title;
	const char *body; /* HTML: <p>, <ul>, <li>, <strong> only */
	int order;
};
extern const struct demo_page demo_pages[];
extern const size_t demo_npages;

#endif
