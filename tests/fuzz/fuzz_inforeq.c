/* fuzz_inforeq.c — libFuzzer target for the information request form's own check (model/inforeq.c,
 * inforeq_check): any text as the ID number, with each delivery method. Invariants, abort() on
 * failure: an accepted number is written back as capitals and digits only — 9 or 12 digits, or a
 * passport's one or two letters then digits, 6 to 12 characters — and checking it again keeps
 * it as it is; a refused one is left as typed; fax without a fax number is always refused. */
#include "model/inforeq.h"
#include "model/kind.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const delivery[] = { "thu-dien-tu", "tai-co-quan", "buu-chinh", "fax" };

static int id_error(const struct errs *e)
{
	for (int i = 0; i < e->n; i++)
		if (strcmp(e->e[i].field, "giay_to") == 0)
			return 1;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	json_t *id = json_stringn((const char *)data + 1, size - 1);
	if (!id)
		return 0; /* not UTF-8: the form's cleaning refuses it before the check */
	json_t *f = json_pack("{soss}", "giay_to", id, "hinh_thuc", delivery[data[0] % 4]);
	struct errs e = { 0 };
	inforeq_check(NULL, NULL, 0, 0, f, &e);
	const char *out = kind_text(f, "giay_to");
	int fax_error = 0;
	for (int i = 0; i < e.n; i++)
		fax_error |= strcmp(e.e[i].field, "so_fax") == 0;
	if ((data[0] % 4 == 3) != fax_error)
		abort();
	if (!id_error(&e) && size > 1 && *out) {
		size_t n = strlen(out), letters = strspn(out, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
		if (strspn(out, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != n)
			abort();
		if (strspn(out + letters, "0123456789") != n - letters)
			abort();
		if (letters == 0 ? (n != 9 && n != 12) : (letters > 2 || n < 6 || n > 12))
			abort();
		char *copy = strdup(out);
		struct errs e2 = { 0 };
		inforeq_check(NULL, NULL, 0, 0, f, &e2);
		if (id_error(&e2) || strcmp(copy, kind_text(f, "giay_to")) != 0)
			abort();
		free(copy);
	} else if (id_error(&e) && !json_equal(json_object_get(f, "giay_to"), id)) {
		abort();
	}
	json_decref(f);
	return 0;
}
