/* docnum.c — document numbers: the text is cut into words (letters and digits, as utf8proc
 * classes them; NFD marks stay in their word), each word folded with vn_fold, and the words read
 * as number, year and letter groups. Whether two words are joined by '/' or '-' alone is kept:
 * what is written onto a number belongs to it, what stands apart must look like an abbreviation. */
#include "docnum.h"
#include "slug.h"
#include "base/sb.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/banned.h"

#define TOK_MAX 32 /* words; a number is a dozen at most, a longer text is not one */
#define TOK_LEN 63 /* bytes of one word, as written and folded */

struct tok {
	char text[TOK_LEN + 1]; /* folded */
	int caps; /* written in capitals without diacritics (Đ aside): two letters or more */
};

struct toks {
	struct tok t[TOK_MAX + 1]; /* + 1: toks_unglue may split one word in two */
	int tight[TOK_MAX + 1];    /* tight[i]: t[i] and t[i + 1] are joined by '/' or '-' alone */
	size_t n;
};

static int is_word_cp(utf8proc_int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND:
		return 1;
	default:
		return 0;
	}
}

/* '/', '-' and the Unicode hyphens and dashes word processors put in their place. */
static int is_tight_cp(utf8proc_int32_t cp)
{
	return cp == '/' || cp == '-' || (cp >= 0x2010 && cp <= 0x2013) || cp == 0x2212;
}

/* Appends the word S[0..LEN) folded; a word that folds to nothing is dropped and the gap around it
 * counts as loose. -1 when there are too many words or one is too long. */
static int toks_push(struct toks *t, const char *s, size_t len, int caps, int gap_tight)
{
	char raw[TOK_LEN + 1];
	if (t->n == TOK_MAX || len > TOK_LEN)
		return -1;
	memcpy(raw, s, len);
	raw[len] = '\0';
	char *f = vn_fold(raw);
	if (!f)
		return -1;
	size_t flen = strlen(f);
	if (flen > TOK_LEN) {
		free(f);
		return -1;
	}
	if (flen == 0) {
		free(f);
		if (t->n)
			t->tight[t->n - 1] = 0;
		return 0;
	}
	if (t->n)
		t->tight[t->n - 1] = t->tight[t->n - 1] && gap_tight;
	memcpy(t->t[t->n].text, f, flen + 1);
	free(f);
	t->t[t->n].caps = caps;
	t->tight[t->n] = 1; /* narrowed by the gap that follows, cleared at the end */
	t->n++;
	return 0;
}

/* Cuts S into words. -1 when S is not UTF-8, or has more than TOK_MAX words or one too long. */
static int toks_split(const char *s, struct toks *t)
{
	size_t len = strlen(s), i = 0, start = 0;
	int in_word = 0, upper = 0, lower = 0, marked = 0, gap_tight = 1;

	t->n = 0;
	for (;;) {
		utf8proc_int32_t cp = 0;
		utf8proc_ssize_t k = 0;
		int word = 0;
		if (i < len) {
			k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
			if (k < 0)
				return -1;
			word = is_word_cp(cp);
		}
		if (word) {
			if (!in_word) {
				in_word = 1;
				start = i;
				upper = lower = marked = 0;
			}
			if (cp >= 0x80 && cp != 0x110 && cp != 0x111 && cp != 0xD0 && cp != 0xF0)
				marked++; /* "GIÁO" is a word in capitals, "QĐ" may be an abbreviation */
			if (utf8proc_isupper(cp))
				upper++;
			else if (utf8proc_islower(cp))
				lower++;
		} else {
			if (in_word) {
				int caps = upper >= 2 && !lower && !marked;
				if (toks_push(t, s + start, i - start, caps, gap_tight) < 0)
					return -1;
				in_word = 0;
				gap_tight = 1;
			}
			if (i < len && !is_tight_cp(cp))
				gap_tight = 0;
		}
		if (i >= len)
			break;
		i += (size_t)k;
	}
	if (t->n)
		t->tight[t->n - 1] = 0;
	return 0;
}

static int is_digits(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s);
}

/* A letter group: a letter, then letters or digits ("ubnd", "qh13"), at most DOCNUM_GROUP_LEN. */
static int is_group(const char *s)
{
	size_t n = strlen(s);
	return n && n <= DOCNUM_GROUP_LEN && s[0] >= 'a' && s[0] <= 'z' &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789") == n;
}

/* The year S names (exactly four digits in DOCNUM_YEAR_MIN..MAX), else 0. */
static int year_of(const char *s)
{
	if (strlen(s) != 4 || !is_digits(s))
		return 0;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	return y >= DOCNUM_YEAR_MIN && y <= DOCNUM_YEAR_MAX ? y : 0;
}

/* The digits S without leading zeros into OUT; -1 when that is 0 or too long. */
static int number_norm(const char *s, char out[DOCNUM_NUMBER_LEN + 1])
{
	while (*s == '0')
		s++;
	size_t n = strlen(s);
	if (n == 0 || n > DOCNUM_NUMBER_LEN)
		return -1;
	memcpy(out, s, n + 1);
	return 0;
}

char *docnum_key(const char *number)
{
	struct toks t;
	char num[DOCNUM_NUMBER_LEN + 1];
	size_t i = 0;
	int year;

	if (toks_split(number, &t) < 0)
		return NULL;
	if (t.n > 1 && strcmp(t.t[0].text, "so") == 0)
		i++; /* "Số: 12/2024/QĐ-UBND", as the document prints it */
	if (i == t.n || !is_digits(t.t[i].text) || number_norm(t.t[i].text, num) < 0)
		return NULL;
	i++;
	if (i < t.n && (year = year_of(t.t[i].text)) != 0)
		i++;
	else
		year = 0;
	if (i == t.n || t.n - i > DOCNUM_GROUP_MAX)
		return NULL;
	for (size_t j = i; j < t.n; j++)
		if (!is_group(t.t[j].text))
			return NULL;

	struct sb b = SB_INIT;
	sb_adds(&b, num);
	sb_addc(&b, '/');
	if (year)
		sb_addf(&b, "%d/", year);
	for (size_t j = i; j < t.n; j++) {
		if (j > i)
			sb_addc(&b, '-');
		sb_adds(&b, t.t[j].text);
	}
	return sb_detach(&b, NULL);
}

/* ---- queries ---- */

struct phrase {
	const char *words[4];
	const char *group; /* what it adds: an abbreviation, "" nothing, NULL only a marker */
};

/* Longest first where one phrase starts another. */
static const struct phrase phrases[] = {
	{ { "thong", "tu", "lien", "tich" }, "ttlt" },
	{ { "quyet", "dinh" }, "qd" },
	{ { "nghi", "dinh" }, "nd" },
	{ { "thong", "tu" }, "tt" },
	{ { "nghi", "quyet" }, "nq" },
	{ { "chi", "thi" }, "ct" },
	{ { "ke", "hoach" }, "kh" },
	{ { "thong", "bao" }, "tb" },
	{ { "huong", "dan" }, "hd" },
	{ { "bao", "cao" }, "bc" },
	{ { "cong", "van" }, "" },
	{ { "bo", "luat" }, "" },
	{ { "luat" }, "" },
	{ { "phap", "lenh" }, "" },
	{ { "so" }, NULL },
	{ { "van", "ban" }, NULL },
	{ { "ky", "hieu" }, NULL },
};

/* The phrase starting at word I, and how many words it takes (0: none). */
static size_t phrase_match(const struct toks *t, size_t i, const struct phrase **out)
{
	for (size_t p = 0; p < ARRAY_SIZE(phrases); p++) {
		size_t k = 0;
		while (k < ARRAY_SIZE(phrases[p].words) && phrases[p].words[k] && i + k < t->n &&
		       strcmp(t->t[i + k].text, phrases[p].words[k]) == 0)
			k++;
		if (k == ARRAY_SIZE(phrases[p].words) || !phrases[p].words[k]) {
			*out = &phrases[p];
			return k;
		}
	}
	return 0;
}

/* Bodies whose abbreviation has a vowel, so that typed in lower case it still reads as one. */
static const char *const vowel_bodies[] = {
	"ubnd", "ubtvqh", "ubmttq", "vpubnd", "byt", "syt", "bca", "tandtc", "vksndtc",
};

static int looks_abbrev(const struct tok *w)
{
	if (w->caps || strpbrk(w->text, "0123456789") || !strpbrk(w->text, "aeiouy"))
		return 1;
	for (size_t i = 0; i < ARRAY_SIZE(vowel_bodies); i++)
		if (strcmp(w->text, vowel_bodies[i]) == 0)
			return 1;
	return 0;
}

/* 1 when group I, or one joined to it by '-' or '/' ("QĐ-UBND"), looks like an abbreviation. */
static int chain_looks_abbrev(const struct toks *t, size_t i)
{
	size_t a = i, z = i;
	while (a > 0 && t->tight[a - 1] && is_group(t->t[a - 1].text))
		a--;
	while (z + 1 < t->n && t->tight[z] && is_group(t->t[z + 1].text))
		z++;
	for (size_t j = a; j <= z; j++)
		if (looks_abbrev(&t->t[j]))
			return 1;
	return 0;
}

/* "QĐ12/2024": a type abbreviation glued to the number, before any number and followed by a
 * year, becomes two words. ("QH13" stays whole: it follows the number.) */
static void toks_unglue(struct toks *t)
{
	static const char *const types[] = { "qd", "nd", "tt", "ttlt", "nq", "ct", "kh", "tb", "hd", "bc" };
	for (size_t i = 0; i + 1 < t->n; i++) {
		const char *w = t->t[i].text;
		if (is_digits(w))
			return;
		size_t nl = strspn(w, "abcdefghijklmnopqrstuvwxyz");
		if (!nl || !is_digits(w + nl) || !t->tight[i] || !year_of(t->t[i + 1].text))
			continue;
		for (size_t k = 0; k < ARRAY_SIZE(types); k++) {
			if (strlen(types[k]) != nl || memcmp(w, types[k], nl) != 0)
				continue;
			memmove(&t->t[i + 2], &t->t[i + 1], (t->n - i - 1) * sizeof(t->t[0]));
			memmove(&t->tight[i + 2], &t->tight[i + 1], (t->n - i - 1) * sizeof(t->tight[0]));
			t->n++;
			memmove(t->t[i + 1].text, w + nl, strlen(w + nl) + 1);
			t->t[i + 1].caps = 0;
			t->t[i].text[nl] = '\0';
			t->tight[i + 1] = 1; /* the number and the year, as they were */
			t->tight[i] = 0;
			return;
		}
	}
}

static int query_add_group(struct docnum_query *q, const char *g)
{
	for (size_t i = 0; i < q->n_group; i++)
		if (strcmp(q->group[i], g) == 0)
			return 0;
	if (q->n_group == DOCNUM_GROUP_MAX)
		return -1;
	memcpy(q->group[q->n_group++], g, strlen(g) + 1);
	return 0;
}

int docnum_query_parse(const char *text, struct docnum_query *out)
{
	struct toks t;
	int have_number = 0, onto = 0, joined = 0, typed = 0, marker = 0;

	memset(out, 0, sizeof(*out));
	if (toks_split(text, &t) < 0)
		return 0;
	toks_unglue(&t);
	for (size_t i = 0; i < t.n; i++) {
		const struct tok *w = &t.t[i];
		if (is_digits(w->text)) {
			if (have_number || number_norm(w->text, out->number) < 0)
				goto no;
			have_number = 1;
			if (i + 1 < t.n && (out->year = year_of(t.t[i + 1].text)) != 0)
				i++;
			onto = joined = t.tight[i]; /* what follows is written onto the number */
			continue;
		}
		if (onto && i > 0 && t.tight[i - 1]) {
			if (!is_group(w->text) || query_add_group(out, w->text) < 0)
				goto no;
			onto = t.tight[i];
			continue;
		}
		onto = 0;
		const struct phrase *p;
		size_t used = phrase_match(&t, i, &p);
		if (used) {
			if (!p->group) {
				marker = 1;
			} else {
				typed = 1;
				if (*p->group && query_add_group(out, p->group) < 0)
					goto no;
			}
			i += used - 1;
			continue;
		}
		if (is_group(w->text) && chain_looks_abbrev(&t, i) && query_add_group(out, w->text) == 0)
			continue;
		goto no;
	}
	if (!have_number)
		goto no;
	if (!out->year && year_of(out->number) && !joined)
		goto no; /* "2024", "kế hoạch 2024": a year, not a number */
	if (!out->n_group && !typed && !(marker && out->year))
		goto no; /* "12/2024" may be a month */
	return 1;
no:
	memset(out, 0, sizeof(*out));
	return 0;
}

int docnum_query_prefix(const struct docnum_query *q, char *buf, size_t n)
{
	int len = q->year ? snprintf(buf, n, "%s/%d/", q->number, q->year) : snprintf(buf, n, "%s/", q->number);
	if (len < 0 || (size_t)len >= n) {
		if (n)
			buf[0] = '\0';
		return -1;
	}
	return len;
}

int docnum_match(const struct docnum_query *q, const char *key)
{
	size_t nl = strspn(key, "0123456789");
	if (!q->number[0] || nl == 0 || key[0] == '0' || nl > DOCNUM_NUMBER_LEN || key[nl] != '/')
		return 0;
	if (strlen(q->number) != nl || memcmp(key, q->number, nl) != 0)
		return 0;
	const char *p = key + nl + 1;
	int year = 0;
	if (strspn(p, "0123456789") == 4 && p[4] == '/') {
		char y[5];
		memcpy(y, p, 4);
		y[4] = '\0';
		if (!(year = year_of(y)))
			return 0;
		p += 5;
	}
	if (q->year && year != q->year)
		return 0;

	/* the groups: [a-z][a-z0-9]* joined by '-', at least one */
	const char *g[DOCNUM_GROUP_MAX];
	size_t gl[DOCNUM_GROUP_MAX], ng = 0;
	for (;;) {
		size_t len = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789");
		if (!len || len > DOCNUM_GROUP_LEN || p[0] < 'a' || p[0] > 'z' || ng == DOCNUM_GROUP_MAX)
			return 0;
		g[ng] = p;
		gl[ng++] = len;
		p += len;
		if (*p == '\0')
			break;
		if (*p++ != '-')
			return 0;
	}
	for (size_t i = 0; i < q->n_group; i++) {
		size_t len = strlen(q->group[i]), j;
		for (j = 0; j < ng; j++)
			if (gl[j] == len && memcmp(g[j], q->group[i], len) == 0)
				break;
		if (j == ng)
			return 0;
	}
	return 1;
}
