/* slug.c — diacritic folding via utf8proc (decompose, strip marks, case-fold) plus đ/Đ, which
 * Unicode does not decompose, and the naming rules for site host names. */
#include "slug.h"
#include "base/sb.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/banned.h"

char *vn_fold(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
					  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
						  UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
	if (n < 0)
		return NULL;
	struct sb b = SB_INIT;
	for (utf8proc_ssize_t i = 0; i < n; i++) {
		/* đ is U+0111 = C4 91 (case folding already turned Đ U+0110 into it); ð U+00F0 = C3 B0
		 * is what Ð U+00D0 becomes: old fonts and some documents write "QÐ" with it */
		if (((out[i] == 0xC4 && i + 1 < n && out[i + 1] == 0x91)) ||
		    (out[i] == 0xC3 && i + 1 < n && out[i + 1] == 0xB0)) {
			sb_addc(&b, 'd');
			i++;
		} else {
			sb_addc(&b, (char)out[i]);
		}
	}
	free(out);
	return sb_detach(&b, NULL);
}

static int is_alnum_ascii(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

char *vn_slug(const char *s)
{
	char *f = vn_fold(s);
	struct sb b = SB_INIT;
	if (f) {
		int dash = 0;
		for (const char *p = f; *p && b.len < 80; p++) {
			if (is_alnum_ascii(*p)) {
				if (dash && b.len)
					sb_addc(&b, '-');
				sb_addc(&b, *p);
				dash = 0;
			} else {
				dash = 1;
			}
		}
		free(f);
	}
	if (b.len > 80)
		sb_truncate(&b, 80);
	while (b.len && b.buf[b.len - 1] == '-')
		sb_truncate(&b, b.len - 1);
	if (!b.len)
		sb_adds(&b, "bai-viet");
	return sb_detach(&b, NULL);
}

/* Splits the folded name into ASCII words; returns the count. */
static size_t fold_words(const char *name, char ***words)
{
	char *f = vn_fold(name);
	size_t n = 0, cap = 8;
	char **w = xmalloc(cap * sizeof(*w));
	if (f) {
		const char *p = f;
		while (*p) {
			while (*p && !is_alnum_ascii(*p))
				p++;
			const char *start = p;
			while (*p && is_alnum_ascii(*p))
				p++;
			if (p > start) {
				if (n == cap)
					w = xrealloc(w, st_mult(cap *= 2, sizeof(*w)));
				w[n++] = xstrndup(start, (size_t)(p - start));
			}
		}
		free(f);
	}
	*words = w;
	return n;
}

static void free_words(char **w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(w[i]);
	free(w);
}

/* Unit words that open a district's or commune's name, longest first. */
static const struct {
	const char *words[2];
	const char *kind;
} unit_prefixes[] = {
	{ { "thi", "tran" }, "commune" },  { { "thi", "xa" }, "district" },
	{ { "thanh", "pho" }, "district" }, { { "xa", NULL }, "commune" },
	{ { "phuong", NULL }, "commune" },  { { "huyen", NULL }, "district" },
	{ { "quan", NULL }, "district" },
};

static size_t prefix_len(char **w, size_t n, const char **kind)
{
	for (size_t i = 0; i < ARRAY_SIZE(unit_prefixes); i++) {
		size_t k = unit_prefixes[i].words[1] ? 2 : 1;
		if (n <= k)
			continue;
		if (strcmp(w[0], unit_prefixes[i].words[0]) == 0 &&
		    (k == 1 || strcmp(w[1], unit_prefixes[i].words[1]) == 0)) {
			if (kind)
				*kind = unit_prefixes[i].kind;
			return k;
		}
	}
	return 0;
}

const char *vn_site_kind_guess(const char *name)
{
	char **w;
	size_t n = fold_words(name, &w);
	const char *kind = "department";
	prefix_len(w, n, &kind);
	free_words(w, n);
	return kind;
}

char *vn_site_slug(const char *name, const char *kind)
{
	char **w;
	size_t n = fold_words(name, &w);
	const char *guess = NULL;
	size_t skip = prefix_len(w, n, &guess);
	struct sb b = SB_INIT;

	if (!kind)
		kind = guess ? guess : "department";
	if (strcmp(kind, "commune") == 0 || strcmp(kind, "district") == 0 || strcmp(kind, "main") == 0) {
		for (size_t i = skip; i < n; i++)
			sb_adds(&b, w[i]);
	} else {
		for (size_t i = 0; i < n; i++) {
			if (strcmp(w[i], "va") == 0 && n > 2)
				continue; /* "Sở Giáo dục và Đào tạo" → sgddt */
			sb_addc(&b, w[i][0]);
		}
	}
	free_words(w, n);
	if (b.len > 63)
		sb_truncate(&b, 63);
	if (!b.len) {
		sb_release(&b);
		return NULL;
	}
	return sb_detach(&b, NULL);
}

int vn_site_slug_valid(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > 63 || s[0] == '-' || s[n - 1] == '-')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!is_alnum_ascii(s[i]) && s[i] != '-')
			return 0;
	return 1;
}
