/* test_draft.c — the articles of a draft's full text (vn/draft.h): headings at the start of a
 * block only, their titles, numbers once, entities and no-break spaces, plain text, truncation. */
#include "t.h"
#include "vn/draft.h"

#include <stdio.h>
#include <string.h>

static size_t arts(const char *s, struct draft_article *a, size_t max)
{
	return draft_articles(s, strlen(s), a, max);
}

TEST(draft_articles_html)
{
	struct draft_article a[8];
	const char *body = "<h2>Chương I</h2><p><strong>Điều 1. Phạm vi điều chỉnh</strong></p>"
			   "<p>Quy định này áp dụng theo Điều 5. của Luật.</p>"
			   "<p>Điều&nbsp;2. Đối tượng &amp; phạm vi</p><p>Nội dung.</p>"
			   "<p>Điều 10: Hiệu lực thi hành<br>Quyết định này có hiệu lực.</p>"
			   "<p>Điều 2. Trùng số</p><p>ĐIỀU 11. CHỮ HOA</p><p>Điều 12 không có dấu chấm</p>";
	size_t n = arts(body, a, 8);
	CHECK(n == 4);
	CHECK(a[0].number == 1);
	CHECK_STR(a[0].title, "Phạm vi điều chỉnh");
	CHECK(a[1].number == 2);
	CHECK_STR(a[1].title, "Đối tượng & phạm vi");
	CHECK(a[2].number == 10);
	CHECK_STR(a[2].title, "Hiệu lực thi hành");
	CHECK(a[3].number == 11);
	CHECK_STR(a[3].title, "CHỮ HOA");
}

TEST(draft_articles_plain_and_limits)
{
	struct draft_article a[3];
	CHECK(arts("Điều 1. Một\nĐiều 2. Hai\nxem Điều 9. sau\nĐiều 3. Ba\nĐiều 4. Bốn", a, 3) == 3);
	CHECK(a[2].number == 3);
	CHECK(arts("", a, 3) == 0);
	CHECK(arts("Điều 0. Không", a, 3) == 0);
	CHECK(arts("Điều 12345. Quá dài", a, 3) == 0);
	CHECK(arts("<p>Điều 1. <b", a, 3) == 1); /* an unclosed tag ends the text */
	CHECK(draft_articles(NULL, 0, a, 3) == 0);
	/* a long title is cut between characters */
	char big[1200];
	size_t k = (size_t)snprintf(big, sizeof(big), "Điều 7. ");
	while (k + 3 < sizeof(big))
		k += (size_t)snprintf(big + k, sizeof(big) - k, "ệ");
	CHECK(arts(big, a, 3) == 1);
	CHECK(strlen(a[0].title) <= DRAFT_TITLE_MAX);
	CHECK(strlen(a[0].title) % 3 == 0); /* whole "ệ" only */
}
