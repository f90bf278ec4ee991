/* test_diff.c — the word diff of revisions (src/render/diff.c): expected renderings for the
 * usual edits, escaping, Vietnamese text, empty sides, the large-input fallback, and for every
 * case (and a few hundred random ones) that each side can be rebuilt from the rendering. */
#include "t.h"

#include "base/sb.h"
#include "base/util.h"
#include "render/diff.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The text of the rendering with the <DROP> blocks removed and the <KEEP> ones unwrapped,
 * unescaped; NULL when the rendering is malformed (unescaped markup, unclosed block). */
static char *rebuild(const char *html, const char *drop, const char *keep)
{
	static const char *const ent[][2] = {
		{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&#39;", "'" },
	};
	char od[8], cd[8], ok[8], ck[8];
	struct sb r = SB_INIT;
	const char *p = html;

	snprintf(od, sizeof(od), "<%s>", drop);
	snprintf(cd, sizeof(cd), "</%s>", drop);
	snprintf(ok, sizeof(ok), "<%s>", keep);
	snprintf(ck, sizeof(ck), "</%s>", keep);
	while (*p) {
		if (!strncmp(p, od, strlen(od))) {
			const char *end = strstr(p, cd);
			if (!end)
				goto bad;
			p = end + strlen(cd);
		} else if (!strncmp(p, ok, strlen(ok))) {
			p += strlen(ok);
		} else if (!strncmp(p, ck, strlen(ck))) {
			p += strlen(ck);
		} else if (*p == '<' || *p == '>' || *p == '"' || *p == '\'') {
			goto bad;
		} else if (*p == '&') {
			size_t i;
			for (i = 0; i < ARRAY_SIZE(ent); i++)
				if (!strncmp(p, ent[i][0], strlen(ent[i][0])))
					break;
			if (i == ARRAY_SIZE(ent))
				goto bad;
			sb_adds(&r, ent[i][1]);
			p += strlen(ent[i][0]);
		} else {
			sb_addc(&r, *p++);
		}
	}
	return sb_detach(&r, NULL);
bad:
	sb_release(&r);
	return NULL;
}

/* Diffs A and B, checks the rendering against WANT (unless NULL) and the count against N
 * (unless negative), and that both sides can be rebuilt from it. */
static void check_diff(const char *a, const char *b, const char *want, int n, const char *file,
		       int line)
{
	struct sb out = SB_INIT;
	int got = diff_words_html(a, b, &out);
	if (want)
		t_check_str(out.buf, want, a, file, line);
	if (n >= 0 && !t_check(got == n, "changed runs", file, line))
		printf("    got %d, want %d\n", got, n);
	t_check((got == 0) == (strcmp(a, b) == 0), "count is 0 exactly when equal", file, line);
	char *ra = rebuild(out.buf, "ins", "del"), *rb = rebuild(out.buf, "del", "ins");
	t_check_str(ra, a, "A rebuilt (drop <ins>, unwrap <del>)", file, line);
	t_check_str(rb, b, "B rebuilt (drop <del>, unwrap <ins>)", file, line);
	free(ra);
	free(rb);
	sb_release(&out);
}

#define CHECK_DIFF(a, b, want, n) check_diff((a), (b), (want), (n), __FILE__, __LINE__)

TEST(diff_equal)
{
	CHECK_DIFF("", "", "", 0);
	CHECK_DIFF("một hai ba", "một hai ba", "một hai ba", 0);
	CHECK_DIFF("a\n\nb & <c>", "a\n\nb & <c>", "a\n\nb &amp; &lt;c&gt;", 0);
}

TEST(diff_insertions)
{
	CHECK_DIFF("hai ba", "một hai ba", "<ins>một </ins>hai ba", 1);
	CHECK_DIFF("một ba", "một hai ba", "một <ins>hai </ins>ba", 1);
	CHECK_DIFF("một hai", "một hai ba", "một hai<ins> ba</ins>", 2);
	CHECK_DIFF("một hai ", "một hai ba", "một hai <ins>ba</ins>", 1);
	CHECK_DIFF("a b", "a x y z b", "a <ins>x y z </ins>b", 3);
}

TEST(diff_deletions)
{
	CHECK_DIFF("một hai ba", "hai ba", "<del>một </del>hai ba", 1);
	CHECK_DIFF("một hai ba", "một ba", "một <del>hai </del>ba", 1);
	CHECK_DIFF("một hai ba bốn", "một bốn", "một <del>hai ba </del>bốn", 2);
}

TEST(diff_replacements)
{
	CHECK_DIFF("Tôi đi học", "Tôi đến trường", "Tôi <del>đi học</del><ins>đến trường</ins>", 4);
	CHECK_DIFF("a b c", "a x c", "a <del>b </del><ins>x </ins>c", 2);
	CHECK_DIFF("x", "y", "<del>x</del><ins>y</ins>", 2);
	/* Spaces changed around a kept word. */
	CHECK_DIFF("a b", "a  b", "a<del> </del><ins>  </ins>b", 1);
	CHECK_DIFF("para one\n\npara two", "para one\npara two", "para one<del>\n\n</del><ins>\n</ins>para two", 1);
}

TEST(diff_vietnamese)
{
	CHECK_DIFF("Ủy ban nhân dân tỉnh Lâm Đồng ban hành quyết định",
		   "Ủy ban nhân dân tỉnh Lâm Đồng đã ban hành quyết định số 12",
		   "Ủy ban nhân dân tỉnh Lâm Đồng <ins>đã </ins>ban hành quyết định<ins> số 12</ins>", 4);
	/* "hoà" and "hòa" are different words; a word with a tone mark changed is replaced whole. */
	CHECK_DIFF("hoà bình", "hòa bình", "<del>hoà </del><ins>hòa </ins>bình", 2);
	/* A no-break space (from &nbsp;) separates words too. */
	CHECK_DIFF("Sở\xC2\xA0Nội vụ", "Sở\xC2\xA0Tư pháp", "Sở\xC2\xA0<del>Nội vụ</del><ins>Tư pháp</ins>", 4);
}

TEST(diff_escaping)
{
	CHECK_DIFF("a <b> & \"c\"", "a <b> & 'c'", "a &lt;b&gt; &amp; <del>&quot;c&quot;</del><ins>&#39;c&#39;</ins>", 2);
	CHECK_DIFF("<script>", "</script>", "<del>&lt;script&gt;</del><ins>&lt;/script&gt;</ins>", 2);
	CHECK_DIFF("x &amp; y", "x & y", "x <del>&amp;amp; </del><ins>&amp; </ins>y", 2);
}

TEST(diff_empty_sides)
{
	CHECK_DIFF("", "một hai", "<ins>một hai</ins>", 2);
	CHECK_DIFF("một hai", "", "<del>một hai</del>", 2);
	CHECK_DIFF("   ", "", "<del>   </del>", 1);
	CHECK_DIFF("\n", "x", "<del>\n</del><ins>x</ins>", 2);
}

TEST(diff_lines)
{
	CHECK_DIFF("dòng một\ndòng hai\ndòng ba", "dòng một\ndòng HAI\ndòng ba",
		   "dòng một\ndòng <del>hai\n</del><ins>HAI\n</ins>dòng ba", 2);
}

/* Small matches between big changes are dissolved: the result reads as phrases. */
TEST(diff_readable)
{
	CHECK_DIFF("Hội nghị tổng kết công tác năm và triển khai nhiệm vụ",
		   "Lễ kỷ niệm ngày thành lập và trao tặng huân chương",
		   "<del>Hội nghị tổng kết công tác năm và triển khai nhiệm vụ</del>"
		   "<ins>Lễ kỷ niệm ngày thành lập và trao tặng huân chương</ins>", -1);
}

static char *words(size_t n, const char *prefix)
{
	struct sb s = SB_INIT;
	for (size_t i = 0; i < n; i++)
		sb_addf(&s, "%s%zu%s", prefix, i, i + 1 < n ? " " : "");
	return sb_detach(&s, NULL);
}

TEST(diff_large_fallback)
{
	/* Above the cap (on the part that differs) Myers is not run: one removal, one addition. */
	char *a = words(DIFF_MAX_WORDS + 1, "a"), *b = words(DIFF_MAX_WORDS + 1, "b");
	struct sb want = SB_INIT;
	sb_addf(&want, "<del>%s</del><ins>%s</ins>", a, b);
	clock_t t0 = clock();
	CHECK_DIFF(a, b, want.buf, 2 * (DIFF_MAX_WORDS + 1));
	CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 2.0);

	/* A common start and end do not count towards the cap. */
	struct sb a2 = SB_INIT, b2 = SB_INIT;
	sb_addf(&a2, "%s x %s", a, a);
	sb_addf(&b2, "%s y %s", a, a);
	CHECK_DIFF(a2.buf, b2.buf, NULL, 2);

	/* At the cap, completely different texts: the work budget stops Myers quickly. */
	char *a3 = words(DIFF_MAX_WORDS, "a"), *b3 = words(DIFF_MAX_WORDS, "b");
	t0 = clock();
	CHECK_DIFF(a3, b3, NULL, 2 * DIFF_MAX_WORDS);
	CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 3.0);

	free(a3);
	free(b3);
	sb_release(&a2);
	sb_release(&b2);
	sb_release(&want);
	free(a);
	free(b);
}

/* Random edits of random texts over a small vocabulary (so that words repeat): both sides always
 * rebuild from the rendering. */
TEST(diff_random_rebuild)
{
	static const char *const vocab[] = { "a", "b", "c", "Đà", "Lạt", "&", "<x>", "\"q\"", "d" };
	static const char *const spaces[] = { " ", " ", " ", "\n", "  ", "\xC2\xA0", "\t" };
	uint32_t seed = 12345;
	for (int iter = 0; iter < 300; iter++) {
		struct sb a = SB_INIT, b = SB_INIT;
		int n = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 40;
		for (int i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			const char *w = vocab[(seed >> 16) % ARRAY_SIZE(vocab)];
			const char *sp = spaces[(seed >> 8) % ARRAY_SIZE(spaces)];
			int op = (int)((seed >> 4) % 10);
			if (op != 0) /* not an insertion into B only */
				sb_addf(&a, "%s%s", w, sp);
			if (op != 1) /* not a deletion from B */
				sb_addf(&b, "%s%s", op == 2 ? "z" : w, op == 3 ? " " : sp);
		}
		check_diff(a.buf, b.buf, NULL, -1, __FILE__, __LINE__);
		sb_release(&a);
		sb_release(&b);
	}
}
