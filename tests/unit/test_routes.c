/* test_routes.c — the rules a route lives by (http.h route_rules()): the defaults of a route in the
 * old form of the table (no access flag), one access flag kept, and what may be cached; and the
 * table itself: every admin route declares who may reach it. */
#include "t.h"
#include "http/http.h"

#include <stdio.h>
#include <string.h>

static void noop(struct req *r)
{
	(void)r;
}

static int rules_of(int flags, const char *pattern)
{
	struct route rt = { flags, pattern, noop };
	return route_rules(&rt);
}

TEST(route_rules_defaults_never_open_an_admin_route)
{
	/* the old form, as other branches append routes */
	CHECK(rules_of(ROUTE_GET, "/quan-tri/nhap-du-lieu") == (ROUTE_GET | ROUTE_ROLE));
	CHECK(rules_of(ROUTE_POST, "/quan-tri/nhap-du-lieu") == (ROUTE_POST | ROUTE_ROLE));
	CHECK(rules_of(ROUTE_GET, "/*/*") == (ROUTE_GET | ROUTE_PUBLIC | ROUTE_CACHE));
	CHECK(rules_of(ROUTE_GET, "/*/*/ban-in") == (ROUTE_GET | ROUTE_PUBLIC | ROUTE_CACHE));
	CHECK(rules_of(ROUTE_GET | ROUTE_ANY_HOST, "/static/*") == (ROUTE_GET | ROUTE_ANY_HOST | ROUTE_PUBLIC));
	CHECK(rules_of(ROUTE_POST, "/gop-y") == (ROUTE_POST | ROUTE_PUBLIC));
	/* declared: kept as it is, but one access flag (the strictest) and no cache off the public */
	CHECK(rules_of(ROUTE_GET | ROUTE_PUBLIC, "/lien-he") == (ROUTE_GET | ROUTE_PUBLIC));
	CHECK(rules_of(ROUTE_GET | ROUTE_ROLE | ROUTE_SITEADMIN, "/quan-tri/x") == (ROUTE_GET | ROUTE_SITEADMIN));
	CHECK(rules_of(ROUTE_GET | ROUTE_PUBLIC | ROUTE_SYSADMIN, "/x") == (ROUTE_GET | ROUTE_SYSADMIN));
	CHECK(rules_of(ROUTE_GET | ROUTE_ROLE | ROUTE_CACHE, "/x") == (ROUTE_GET | ROUTE_ROLE));
	CHECK(rules_of(ROUTE_POST | ROUTE_PUBLIC | ROUTE_CACHE, "/x") == (ROUTE_POST | ROUTE_PUBLIC));
	CHECK(rules_of(ROUTE_GET | ROUTE_PUBLIC | ROUTE_CACHE, "/quan-tri/x") == (ROUTE_GET | ROUTE_PUBLIC));
}

TEST(route_table_declares_every_admin_access)
{
	size_t open = 0, cached = 0;
	for (size_t i = 0; i < web_nroutes; i++) {
		const struct route *rt = &web_routes[i];
		int access = rt->flags & ROUTE_ACCESS;
		int rules = route_rules(rt);
		if (strncmp(rt->pattern, "/quan-tri/", 10) == 0) {
			if (!CHECK(access && !(access & (access - 1))))
				fprintf(stderr, "  %s: %d access flags\n", rt->pattern, __builtin_popcount((unsigned)access));
			if (access & ROUTE_PUBLIC)
				open++; /* the sign-in steps and sign-out */
		}
		/* this table says everything itself: no default added, nothing dropped */
		if (!CHECK(rules == rt->flags))
			fprintf(stderr, "  %s: declared %#x, lives by %#x\n", rt->pattern, (unsigned)rt->flags, (unsigned)rules);
		if (rules & ROUTE_CACHE)
			cached++;
	}
	CHECK(open == 5);
	/* home, category, article, print, search; a kind's list, item, print; a statistics table's
	 * two downloads, the access-to-information page; the directory's tree, spokespeople, contact
	 * page and official (with its vCard); the site map, sitemap.xml, the boundary map and the
	 * three fixed pages' addresses (web/public/nav.c); a gallery's photo; the feeds of a site, a
	 * category and a kind, each in RSS and Atom (web/public/feeds.c); the JSON API's index, lists
	 * (and description) and items (web/public/api.c); the site's metadata export in CSV and XML
	 * (web/public/metadata.c); the member sites' news pulled from their feeds (web/public/extnews.c);
	 * the accessibility statement, the open data page and its DCAT catalogue (web/public/a11y.c,
	 * opendata.c) */
	CHECK(cached == 37);
}
