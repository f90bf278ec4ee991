/* procedure.c — administrative procedures: their code, its link to the national public-service
 * portal, and the anchor of their update deadline (VP Đ7.5: published at least 10 working days
 * before the document that regulates them takes effect). See procedure.h. */
#include "internal.h"
#include "procedure.h"
#include "kind.h"
#include "base/sb.h"
#include "base/util.h"

#include <string.h>

#include "base/banned.h"

int procedure_code_valid(const char *code)
{
	size_t n = code ? strlen(code) : 0;
	int digit = 0;
	if (n < 3 || n > 40)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = code[i];
		int alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
		digit |= c >= '0' && c <= '9';
		if (alnum)
			continue;
		/* a separator between two groups: never first, last or doubled */
		if ((c != '.' && c != '-') || i == 0 || i == n - 1 || code[i + 1] == '.' || code[i + 1] == '-')
			return 0;
	}
	return digit;
}

char *procedure_portal_url(const char *code)
{
	if (!procedure_code_valid(code))
		return NULL;
	struct sb u = SB_INIT;
	sb_adds(&u, PROCEDURE_PORTAL_BASE);
	sb_add_urlenc(&u, code, strlen(code));
	return sb_detach(&u, NULL);
}

void procedure_check(const struct kind *k, json_t *fields, struct errs *e)
{
	(void)k;
	const char *code = json_string_value(json_object_get(fields, "ma_thu_tuc"));
	if (code && *code && !procedure_code_valid(code))
		errs_add(e, "ma_thu_tuc", "procedure_code_invalid");
	json_t *days = json_object_get(fields, "thoi_han");
	if (json_is_integer(days) && (json_integer_value(days) < 0 || json_integer_value(days) > 1000))
		errs_add(e, "thoi_han", "procedure_days_invalid");
}

int procedure_derive(struct db *db, const struct kind *k, int64_t id, json_t *fields, int32_t today)
{
	(void)k;
	(void)today;
	/* the regulating document's effective day (checked by the field's type): the deadline
	 * engine counts back from it (deadline_refresh reads the term "han_moc") */
	const char *day = json_string_value(json_object_get(fields, "ngay_hieu_luc"));
	if (!day || !kind_day(day))
		return 0;
	return item_term_add(db, id, "han_moc", day);
}
