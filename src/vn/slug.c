/* slug.c — diacritic folding via utf8proc (decompose, strip marks, case-fold) plus đ/Đ, which
 * Unicode does not decompose, and the naming rules for site host names. */
#include "slug.h"
#include "base/sb.h"
#include "base/util.h"
#include "vn/cp.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/banned.h"

char *vn_fold_general(const char *s)
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

/* ---- the table of code points (cp.h) ---- */

#define RANGE_A_END 0x250     /* [0, 0x250): ASCII, Latin-1, Latin Extended-A, -B */
#define RANGE_B 0x1E00        /* [0x1E00, 0x1F00): Latin Extended Additional */
#define RANGE_B_END 0x1F00
#define RANGE_C 0x2000        /* [0x2000, 0x2070): General Punctuation */
#define RANGE_C_END 0x2070
#define TABLE_N (RANGE_A_END + (RANGE_B_END - RANGE_B) + (RANGE_C_END - RANGE_C))

static struct vn_cp table[TABLE_N];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static int table_slot(int32_t cp)
{
	if (cp >= 0 && cp < RANGE_A_END)
		return cp;
	if (cp >= RANGE_B && cp < RANGE_B_END)
		return RANGE_A_END + (cp - RANGE_B);
	if (cp >= RANGE_C && cp < RANGE_C_END)
		return RANGE_A_END + (RANGE_B_END - RANGE_B) + (cp - RANGE_C);
	return -1;
}

static int is_tone_mark(utf8proc_int32_t c)
{
	return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323;
}

static void table_fill(int32_t cp)
{
	struct vn_cp *e = &table[table_slot(cp)];
	utf8proc_uint8_t one[8] = { 0 };
	utf8proc_ssize_t n = utf8proc_encode_char(cp, one);
	const utf8proc_property_t *pr = utf8proc_get_property(cp);
	if (n <= 0 || cp == 0 || pr->combining_class != 0 || pr->category == UTF8PROC_CATEGORY_MN ||
	    pr->category == UTF8PROC_CATEGORY_MC || pr->category == UTF8PROC_CATEGORY_ME ||
	    pr->category == UTF8PROC_CATEGORY_CN || pr->category == UTF8PROC_CATEGORY_CS)
		return;
	char *f = vn_fold_general((const char *)one);
	if (!f || strlen(f) >= sizeof(e->fold)) {
		free(f);
		return;
	}
	e->fold_len = (unsigned char)strlen(f);
	memcpy(e->fold, f, e->fold_len);
	free(f);
	/* plain: NFC already, and not a vowel o/u carrying a tone (the only ones tone.c moves) */
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_int32_t d[8];
	utf8proc_ssize_t nd = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE, NULL);
	int host = 0;
	for (utf8proc_ssize_t i = 1; i < nd && nd <= 8; i++)
		host |= is_tone_mark(d[i]) && (d[0] == 'o' || d[0] == 'O' || d[0] == 'u' || d[0] == 'U');
	if (utf8proc_map(one, n, &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE) == n && memcmp(nfc, one, (size_t)n) == 0 &&
	    nd > 0 && nd <= 8)
		e->plain = !host;
	free(nfc);
	e->ok = 1;
}

static void table_init(void)
{
	for (int32_t cp = 0; cp < RANGE_A_END; cp++)
		table_fill(cp);
	for (int32_t cp = RANGE_B; cp < RANGE_B_END; cp++)
		table_fill(cp);
	for (int32_t cp = RANGE_C; cp < RANGE_C_END; cp++)
		table_fill(cp);
}

const struct vn_cp *vn_cp_info(int32_t cp)
{
	int k = table_slot(cp);
	if (k < 0)
		return NULL;
	pthread_once(&table_once, table_init);
	return &table[k];
}

/* Folding each code point alone from the table, when every one is in it; else the general path
 * (a combining mark, another script: composition may then join code points). */
char *vn_fold(const char *s)
{
	struct sb b = SB_INIT;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		if (*p < 0x80) {
			sb_addc(&b, (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p));
			p++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, 4, &cp);
		const struct vn_cp *e = n > 0 ? vn_cp_info(cp) : NULL;
		if (!e || !e->ok) {
			sb_release(&b);
			return vn_fold_general(s);
		}
		sb_add(&b, e->fold, e->fold_len);
		p += n;
	}
	if (!b.len)
		return xstrdup("");
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
