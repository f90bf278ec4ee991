/* csv.c — a report table as CSV (RFC 4180) that Excel opens with its Vietnamese intact and
 * without running any cell as a formula (OWASP "CSV injection"). */
#include "report/table.h"

#include <string.h>

#include "base/banned.h"

/* 1 when a spreadsheet could take S for a formula: it starts with = + - @ TAB or CR, or with
   the full-width = + - @ (U+FF1D, U+FF0B, U+FF0D, U+FF20) that some of them fold to ASCII. */
static int formula_like(const char *s)
{
	static const char *const wide[] = { "\xEF\xBC\x9D", "\xEF\xBC\x8B", "\xEF\xBC\x8D",
					    "\xEF\xBC\xA0" };
	if (*s && strchr("=+-@\t\r", *s))
		return 1;
	for (size_t i = 0; i < sizeof(wide) / sizeof(wide[0]); i++)
		if (!strncmp(s, wide[i], 3))
			return 1;
	return 0;
}

/* One field; PROTECT adds the apostrophe to formula-like text. */
static void csv_field(struct sb *out, const char *s, int protect)
{
	int quote = s[strcspn(s, ",;\"\r\n")] != '\0';
	if (quote)
		sb_addc(out, '"');
	if (protect && formula_like(s))
		sb_addc(out, '\'');
	for (; *s; s++) {
		if (*s == '"')
			sb_addc(out, '"');
		sb_addc(out, *s);
	}
	if (quote)
		sb_addc(out, '"');
}

void table_write_csv(const struct table *t, struct sb *out)
{
	sb_adds(out, "\xEF\xBB\xBF");
	for (size_t c = 0; c < t->nCol; c++) {
		if (c)
			sb_addc(out, ',');
		csv_field(out, t->aCol[c].title, 1);
	}
	sb_adds(out, "\r\n");
	for (size_t r = 0; r < t->nRow; r++) {
		for (size_t c = 0; c < t->nCol; c++) {
			const char *v = table_cell(t, r, c);
			enum table_kind k = t->aCol[c].kind;
			if (c)
				sb_addc(out, ',');
			if (v)
				csv_field(out, v, k == TABLE_TEXT || !table_cell_valid(k, v));
		}
		sb_adds(out, "\r\n");
	}
}
