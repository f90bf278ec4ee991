/* test_demo_legal.c — the demo legal-document and Công báo tables are consistent: required fields,
 * valid dates in order, unique numbers, known types, scopes and sites, well-formed lists, bodies
 * in the allowed HTML subset, relations that respect time, gazette issues that list real rows. */
#include "t.h"
#include "base/utf8.h"
#include "demo/content.h"
#include "demo/legal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct demo_legal *find_doc(const char *number)
{
	for (size_t i = 0; i < demo_legal_ndocs; i++)
		if (strcmp(demo_legal_docs[i].number, number) == 0)
			return &demo_legal_docs[i];
	return NULL;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* 1 when S is exactly "YYYY-MM-DD" and names a day that exists. */
static int date_ok(const char *s)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !is_digit(s[i]))
			return 0;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1945 || m < 1 || m > 12 || d < 1)
		return 0;
	int max = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	return d <= max;
}

/* ISO dates compare as strings; NULL on either side means "unknown", which is never out of order. */
static int not_after(const char *a, const char *b)
{
	return !a || !b || strcmp(a, b) <= 0;
}

static int nonempty(const char *s)
{
	return s && *s;
}

/* Valid UTF-8 and already in NFC, as everything stored by the portal is. */
static int text_ok(const char *s)
{
	if (!s)
		return 1;
	size_t n = strlen(s);
	if (!utf8_valid(s, n))
		return 0;
	char *nfc = utf8_nfc(s, n);
	int ok = nfc && strcmp(nfc, s) == 0;
	free(nfc);
	return ok;
}

/* A ";"-separated list: no empty item, no blank around an item, no trailing separator. Calls FN
 * (when given) on each item, copied into a NUL-terminated buffer. */
static int list_ok(const char *s, void (*fn)(const char *item, const struct demo_legal *doc),
		   const struct demo_legal *doc)
{
	if (!s)
		return 1;
	const char *p = s;
	for (;;) {
		const char *e = strchr(p, ';');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char item[256];
		if (n == 0 || n >= sizeof(item) || p[0] == ' ' || p[n - 1] == ' ')
			return 0;
		memcpy(item, p, n);
		item[n] = '\0';
		if (fn)
			fn(item, doc);
		if (!e)
			return 1;
		p = e + 1;
	}
}

/* Bodies use <p>, <ul>, <li>, <strong> only, without attributes, properly nested. */
static int body_ok(const char *s)
{
	static const char *const allowed[] = { "p", "ul", "li", "strong" };
	const char *stack[16]; /* entries point into ALLOWED, so names compare by pointer */
	int depth = 0;
	while ((s = strpbrk(s, "<>&")) != NULL) {
		if (*s != '<')
			return 0; /* a stray '>' or an entity the demo has no use for */
		int closing = s[1] == '/';
		const char *name = s + 1 + closing, *tag = NULL;
		size_t n = strcspn(name, ">");
		if (name[n] != '>')
			return 0;
		for (size_t i = 0; i < sizeof(allowed) / sizeof(*allowed); i++)
			if (strlen(allowed[i]) == n && strncmp(name, allowed[i], n) == 0)
				tag = allowed[i];
		if (!tag)
			return 0;
		if (closing) {
			if (depth == 0 || stack[depth - 1] != tag)
				return 0;
			depth--;
		} else {
			if (depth == 16)
				return 0;
			stack[depth++] = tag;
		}
		s = name + n + 1;
	}
	return depth == 0;
}

TEST(demo_legal_volume_and_key_rows)
{
	CHECK(demo_legal_ndocs >= 25);
	const struct demo_legal *nd42 = find_doc("42/2022/NĐ-CP");
	CHECK(nd42 != NULL);
	if (nd42) {
		CHECK_STR(nd42->type, "Nghị định");
		CHECK_STR(nd42->issuer, "Chính phủ");
		CHECK_STR(nd42->issued, "2022-06-24");
		CHECK_STR(nd42->scope, "trung-uong");
	}
	/* the demo province's portal regulation replaces the old Vĩnh Long and Bến Tre ones */
	const struct demo_legal *vl = find_doc("901/2026/QĐ-UBND");
	CHECK(vl && strstr(vl->issuer, "Vĩnh Long") && vl->thay_the &&
	      strstr(vl->thay_the, "12/2024/QĐ-UBND"));
	size_t component = 0, province = 0;
	for (size_t i = 0; i < demo_legal_ndocs; i++) {
		const struct demo_legal *d = &demo_legal_docs[i];
		component += strcmp(d->site, "main") != 0;
		province += strcmp(d->issuer, "UBND tỉnh Vĩnh Long") == 0 ||
			    strcmp(d->issuer, "Chủ tịch UBND tỉnh Vĩnh Long") == 0;
	}
	CHECK(component >= 2 && component <= 4);
	CHECK(province >= 6);
}

TEST(demo_legal_fields_and_dates)
{
	for (size_t i = 0; i < demo_legal_ndocs; i++) {
		const struct demo_legal *d = &demo_legal_docs[i];
		CHECK(nonempty(d->site) && nonempty(d->number) && nonempty(d->type) &&
		      nonempty(d->issuer) && nonempty(d->title) && nonempty(d->fields) &&
		      nonempty(d->scope) && nonempty(d->body));
		if (!d->site || !d->number || !d->type || !d->scope || !d->body)
			continue;

		int site_known = 0;
		for (size_t k = 0; k < demo_nsites; k++)
			site_known |= strcmp(demo_sites[k].slug, d->site) == 0;
		CHECK(site_known);

		int type_known = 0;
		for (const char *const *t = demo_legal_types; *t; t++)
			type_known |= strcmp(*t, d->type) == 0;
		if (!CHECK(type_known))
			printf("    type \"%s\" of %s\n", d->type, d->number);

		CHECK(strcmp(d->scope, "trung-uong") == 0 || strcmp(d->scope, "tinh") == 0 ||
		      strcmp(d->scope, "don-vi") == 0);
		/* a component site's document is the unit's own; the main portal holds the rest */
		CHECK((strcmp(d->site, "main") != 0) == (strcmp(d->scope, "don-vi") == 0));

		/* a title never without a name: signers are never invented, titles never orphaned */
		CHECK(!d->signer_title || d->signer);
		CHECK(!d->signer || nonempty(d->signer_title));

		const char *dates[] = { d->issued, d->effective, d->expires };
		for (int k = 0; k < 3; k++)
			if (dates[k] && !CHECK(date_ok(dates[k])))
				printf("    date \"%s\" of %s\n", dates[k], d->number);
		if (!CHECK(not_after(d->issued, d->effective) && not_after(d->effective, d->expires) &&
			   not_after(d->issued, d->expires)))
			printf("    dates out of order in %s\n", d->number);

		const char *texts[] = { d->number, d->type, d->issuer, d->signer, d->signer_title,
					d->title, d->fields, d->body };
		for (size_t k = 0; k < sizeof(texts) / sizeof(*texts); k++)
			CHECK(text_ok(texts[k]));
		CHECK(list_ok(d->fields, NULL, d));
		if (!CHECK(body_ok(d->body)))
			printf("    body of %s\n", d->number);
	}
}

TEST(demo_legal_numbers_unique)
{
	for (size_t i = 0; i < demo_legal_ndocs; i++)
		for (size_t j = i + 1; j < demo_legal_ndocs; j++)
			if (!CHECK(strcmp(demo_legal_docs[i].number, demo_legal_docs[j].number) != 0))
				printf("    duplicate %s\n", demo_legal_docs[i].number);
}

static int rel_failures;

/* A document can only rest on, guide, amend, replace, repeal or correct one that already exists:
 * when the target is a row, it was issued no later than the document that names it. */
static void rel_check(const char *number, const struct demo_legal *doc)
{
	const struct demo_legal *t = find_doc(number);
	if (strcmp(number, doc->number) == 0 || (t && !not_after(t->issued, doc->issued))) {
		rel_failures++;
		printf("    %s names %s\n", doc->number, number);
	}
}

/* When the replaced document is a row, it stops the day its replacement takes effect. */
static void replace_check(const char *number, const struct demo_legal *doc)
{
	const struct demo_legal *t = find_doc(number);
	if (t && t->expires && doc->effective && strcmp(t->expires, doc->effective) != 0) {
		rel_failures++;
		printf("    %s expires %s but %s replaces it from %s\n", t->number, t->expires,
		       doc->number, doc->effective);
	}
}

TEST(demo_legal_relations)
{
	rel_failures = 0;
	for (size_t i = 0; i < demo_legal_ndocs; i++) {
		const struct demo_legal *d = &demo_legal_docs[i];
		const char *rels[] = { d->can_cu, d->huong_dan, d->sua_doi, d->thay_the, d->bai_bo,
				       d->dinh_chinh };
		for (size_t k = 0; k < sizeof(rels) / sizeof(*rels); k++) {
			CHECK(text_ok(rels[k]));
			if (!CHECK(list_ok(rels[k], rel_check, d)))
				printf("    relation list of %s\n", d->number);
		}
		list_ok(d->thay_the, replace_check, d);
	}
	CHECK(rel_failures == 0);
	/* relations may name documents that are not rows: kept by number */
	const struct demo_legal *nd42 = find_doc("42/2022/NĐ-CP");
	CHECK(nd42 && nd42->can_cu && strstr(nd42->can_cu, "76/2015/QH13"));
	CHECK(!find_doc("76/2015/QH13"));
}

TEST(demo_gazette_issues_list_provincial_rows)
{
	CHECK(demo_gazette_nissues >= 4 && demo_gazette_nissues <= 6);
	for (size_t i = 0; i < demo_gazette_nissues; i++) {
		const struct demo_gazette *g = &demo_gazette_issues[i];
		CHECK(nonempty(g->number) && strncmp(g->number, "Số ", strlen("Số ")) == 0);
		CHECK(g->date && date_ok(g->date));
		CHECK(i == 0 || strcmp(demo_gazette_issues[i - 1].date, g->date) < 0);
		CHECK(nonempty(g->docs));
		if (!g->docs || !g->date)
			continue;
		const char *p = g->docs;
		for (;;) {
			const char *e = strchr(p, ';');
			size_t n = e ? (size_t)(e - p) : strlen(p);
			char num[128];
			CHECK(n > 0 && n < sizeof(num));
			if (n == 0 || n >= sizeof(num))
				break;
			memcpy(num, p, n);
			num[n] = '\0';
			const struct demo_legal *d = find_doc(num);
			if (!CHECK(d != NULL))
				printf("    gazette %s lists unknown %s\n", g->number, num);
			if (d) {
				/* the province's documents, published after they are issued */
				CHECK(strcmp(d->scope, "tinh") == 0 && strstr(d->issuer, "Vĩnh Long"));
				CHECK(not_after(d->issued, g->date));
				/* and each one once */
				for (size_t j = 0; j < i; j++)
					CHECK(!strstr(demo_gazette_issues[j].docs, num));
			}
			if (!e)
				break;
			p = e + 1;
		}
	}
}
