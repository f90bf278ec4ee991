/* test_demo.c — the demo province content: volume per site, unique titles, categories that exist,
 * valid UTF-8 everywhere, no leftover template syntax, determinism, and PNG covers. */
#include "t.h"
#include "demo/content.h"

#include <stdlib.h>
#include <string.h>

/* Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF. */
static int utf8_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	if (!s)
		return 1;
	while (*p) {
		unsigned c = *p, n, cp;
		if (c < 0x80) {
			p++;
			continue;
		} else if (c >= 0xc2 && c <= 0xdf) {
			n = 1, cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 2, cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3, cp = c & 0x07;
		} else {
			return 0;
		}
		for (unsigned i = 1; i <= n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (p[i] & 0x3f);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		p += n + 1;
	}
	return 1;
}

static const struct demo_category *find_category(const char *site, const char *slug)
{
	for (size_t i = 0; i < demo_ncategories; i++)
		if (!strcmp(demo_categories[i].site_slug, site) && !strcmp(demo_categories[i].slug, slug))
			return &demo_categories[i];
	return NULL;
}

TEST(demo_sites_and_categories)
{
	CHECK(demo_nsites >= 5);
	CHECK(!strcmp(demo_sites[0].slug, "main") && !demo_sites[0].parent_slug);
	for (size_t i = 0; i < demo_nsites; i++) {
		const struct demo_site *s = &demo_sites[i];
		const char *f[] = { s->slug, s->kind, s->name, s->name_en, s->short_name, s->owner, s->address,
				    s->phone, s->email, s->fax, s->responsible, s->licence };
		for (size_t k = 0; k < sizeof(f) / sizeof(f[0]); k++)
			CHECK(f[k] && *f[k] && utf8_ok(f[k]));
		if (i) { /* parents come first */
			int seen = 0;
			for (size_t j = 0; j < i; j++)
				seen |= s->parent_slug && !strcmp(demo_sites[j].slug, s->parent_slug);
			CHECK(seen);
		}
		size_t ncat = 0, nchild = 0;
		for (size_t c = 0; c < demo_ncategories; c++)
			if (!strcmp(demo_categories[c].site_slug, s->slug)) {
				ncat++;
				nchild += demo_categories[c].parent_slug != NULL;
			}
		CHECK(ncat >= 4 && ncat <= 6);
		CHECK(nchild >= 1);
	}
	for (size_t c = 0; c < demo_ncategories; c++) {
		const struct demo_category *k = &demo_categories[c];
		CHECK(utf8_ok(k->name));
		CHECK(find_category(k->site_slug, k->slug) == k); /* unique slug per site */
		if (k->parent_slug) {
			const struct demo_category *p = find_category(k->site_slug, k->parent_slug);
			CHECK(p && p < k && !p->parent_slug);
		}
	}
}

TEST(demo_articles_content)
{
	size_t n;
	struct demo_article *a = demo_articles_make(&n);
	CHECK(a && n > 0);
	for (size_t s = 0; s < demo_nsites; s++) {
		size_t cnt = 0, featured = 0, sourced = 0;
		for (size_t i = 0; i < n; i++) {
			if (strcmp(a[i].site_slug, demo_sites[s].slug))
				continue;
			cnt++;
			featured += a[i].featured != 0;
			sourced += a[i].src_url != NULL;
			for (size_t j = i + 1; j < n; j++)
				if (!strcmp(a[j].site_slug, a[i].site_slug) && !strcmp(a[i].title, a[j].title))
					CHECK(!"duplicate title within a site");
		}
		CHECK(cnt >= 32);
		CHECK(featured >= 1 && featured <= 4);
		CHECK(sourced * 6 >= cnt && sourced * 3 <= cnt); /* roughly a quarter */
		/* Every category of the site has at least one article. */
		for (size_t c = 0; c < demo_ncategories; c++) {
			if (strcmp(demo_categories[c].site_slug, demo_sites[s].slug))
				continue;
			size_t k = 0;
			for (size_t i = 0; i < n; i++)
				k += !strcmp(a[i].site_slug, demo_sites[s].slug) &&
				     !strcmp(a[i].category_slug, demo_categories[c].slug);
			CHECK(k >= 1);
		}
	}
	for (size_t i = 0; i < n; i++) {
		const struct demo_article *x = &a[i];
		CHECK(find_category(x->site_slug, x->category_slug) != NULL);
		const char *f[] = { x->title, x->summary, x->body, x->author, x->src_author, x->src_name, x->src_url };
		for (size_t k = 0; k < sizeof(f) / sizeof(f[0]); k++) {
			CHECK(utf8_ok(f[k]));
			CHECK(!f[k] || (!strchr(f[k], '{') && !strchr(f[k], '}')));
		}
		CHECK(*x->title && *x->summary && *x->author);
		size_t paras = 1;
		for (const char *p = x->body; (p = strstr(p, "\n\n")); p += 2)
			paras++;
		CHECK(paras >= 3 && paras <= 6);
		CHECK(x->days_ago >= 1 && x->hour >= 0 && x->hour < 24 && x->minute >= 0 && x->minute < 60);
		if (x->src_url) {
			CHECK(x->src_author && x->src_name && !strncmp(x->src_url, "https://", 8));
			CHECK(x->src_days_ago >= x->days_ago);
		} else {
			CHECK(!x->src_author && !x->src_name && x->src_days_ago == -1);
		}
	}
	demo_articles_free(a, n);
}

TEST(demo_articles_deterministic)
{
	size_t n1, n2;
	struct demo_article *a = demo_articles_make(&n1), *b = demo_articles_make(&n2);
	CHECK(n1 == n2);
	for (size_t i = 0; i < n1 && i < n2; i++) {
		CHECK(!strcmp(a[i].title, b[i].title) && !strcmp(a[i].body, b[i].body));
		CHECK(a[i].days_ago == b[i].days_ago && a[i].hour == b[i].hour && a[i].minute == b[i].minute);
	}
	demo_articles_free(a, n1);
	demo_articles_free(b, n2);
}

TEST(demo_cover_is_png)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	size_t l1 = 0, l2 = 0;
	unsigned char *p1 = demo_cover_png("Sở Y tế", "Triển khai chiến dịch tiêm vắc xin phòng sởi", 1, &l1);
	unsigned char *p2 = demo_cover_png("Sở Y tế", "Triển khai chiến dịch tiêm vắc xin phòng sởi", 2, &l2);
	CHECK(p1 && p2 && l1 > 8 && l2 > 8);
	if (p1 && p2) {
		CHECK(!memcmp(p1, sig, 8) && !memcmp(p2, sig, 8));
		CHECK(l1 != l2 || memcmp(p1, p2, l1));
	}
	free(p1);
	free(p2);
}
