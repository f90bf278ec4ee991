/* test_vcard.c — vCard lines: escaping, folding at 75 octets without splitting a character,
 * Vietnamese names into N's components. */
#include "t.h"
#include "base/sb.h"
#include "render/vcard.h"

#include <stdlib.h>
#include <string.h>

TEST(vcard_escapes_text)
{
	struct sb b = SB_INIT;
	vcard_text(&b, "TITLE", "Giám đốc; Trưởng ban, kiêm\nPhó \\ ban");
	CHECK_STR(b.buf, "TITLE:Giám đốc\\; Trưởng ban\\, kiêm\\nPhó \\\\ ban\r\n");
	sb_release(&b);
	vcard_text(&b, "NOTE", "");
	CHECK(b.len == 0);
	const char *parts[] = { "Nguyễn", "An", "Văn; X", "", "" };
	vcard_struct(&b, "N", parts, 5);
	CHECK_STR(b.buf, "N:Nguyễn;An;Văn\\; X;;\r\n");
	sb_release(&b);
}

TEST(vcard_folds_between_characters)
{
	struct sb b = SB_INIT;
	char v[400] = "";
	for (int i = 0; i < 60; i++)
		strcat(v, "ễ"); /* 3 octets each */
	vcard_text(&b, "FN", v);
	/* every physical line at most 75 octets, continuation lines start with a space, no line
	 * starts or ends inside a character */
	const char *p = b.buf;
	int lines = 0;
	while (*p) {
		const char *e = strstr(p, "\r\n");
		CHECK(e != NULL);
		if (!e)
			break;
		CHECK(e - p <= 75);
		if (lines)
			CHECK(*p == ' ');
		CHECK(((unsigned char)e[-1] & 0xC0) != 0xC0 && ((unsigned char)p[lines ? 1 : 0] & 0xC0) != 0x80);
		lines++;
		p = e + 2;
	}
	CHECK(lines == 3);
	sb_release(&b);
}

TEST(vcard_vietnamese_names)
{
	char *n[3];
	vcard_name_parts("Nguyễn Văn An", n);
	CHECK_STR(n[0], "Nguyễn");
	CHECK_STR(n[1], "An");
	CHECK_STR(n[2], "Văn");
	for (int i = 0; i < 3; i++)
		free(n[i]);
	vcard_name_parts(" Lê  Thị Thu   Hà ", n);
	CHECK_STR(n[0], "Lê");
	CHECK_STR(n[1], "Hà");
	CHECK_STR(n[2], "Thị Thu");
	for (int i = 0; i < 3; i++)
		free(n[i]);
	vcard_name_parts("Lan", n);
	CHECK_STR(n[0], "");
	CHECK_STR(n[1], "Lan");
	for (int i = 0; i < 3; i++)
		free(n[i]);
}
