/* fuzz_api_input.c — libFuzzer target for the JSON API's request bodies: api_input_parse(), which
 * turns a body sent with a token into an item's input for article_save() (model/api_input.h). The
 * first byte picks the kind; the rest is the body, parsed alone and then over the values the first
 * parse gave (a PATCH over a stored item). Invariants, abort() on failure:
 *   - it succeeds exactly when it reports no error, and every error has a message key; only the
 *     refusal of the whole body (api_bad_json) names no field, and only an unknown key names
 *     the empty one (a body may send "" as a key);
 *   - on success the input is of the kind; it keeps the stored cover (-1) and the attachments
 *     unless the body names them ("cover_id": an id, or null for none; "attachments": the ids,
 *     each positive, as many as given), and its "fields" holds only keys of the kind's descriptor;
 *   - the body over its own result gives the same values again (a PATCH repeated changes nothing). */
#include "model/api_input.h"
#include "model/kind.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_api_input: %s\n", what);
	abort();
}

/* What BODY (parsed) names of the cover and the attachments must be what IN took. */
static void check_library(const json_t *body, const struct api_input *in)
{
	json_t *cover = json_object_get(body, "cover_id"), *att = json_object_get(body, "attachments");
	int64_t want = !cover ? -1 : json_is_integer(cover) ? json_integer_value(cover) : 0;
	if (in->in.cover_id != want || (cover && json_is_integer(cover) && want <= 0))
		fail("the cover is not the one the body names");
	if (!!att != !!in->in.set_attachments)
		fail("the attachments change though the body does not name them, or the reverse");
	if (att && in->in.nattachments != json_array_size(att))
		fail("not as many attachments as the body gives");
	for (size_t i = 0; att && i < in->in.nattachments; i++)
		if (in->in.attachments[i] <= 0 || in->in.attachments[i] != json_integer_value(json_array_get(att, i)))
			fail("an attachment that is not the body's");
}

static void check_result(const struct kind *k, int rc, const struct api_input *in, const struct errs *e)
{
	if ((rc == 0) != (e->n == 0))
		fail("the result and the errors disagree");
	for (int i = 0; i < e->n; i++) {
		if (!e->e[i].key || !*e->e[i].key)
			fail("an error without a message key");
		if (!e->e[i].field && strcmp(e->e[i].key, "api_bad_json") != 0)
			fail("an error that names no field");
		/* a key "" is a name too: an unknown field, named as sent */
		if (e->e[i].field && !*e->e[i].field && strcmp(e->e[i].key, "api_unknown_field") != 0)
			fail("an error under an empty name");
	}
	if (rc)
		return;
	if (!in->in.kind || strcmp(in->in.kind, k->name) != 0)
		fail("an input of another kind");
	if (!json_is_object(in->in.fields))
		fail("no fields object");
	const char *key;
	json_t *v;
	json_object_foreach(in->in.fields, key, v)
		if (!kind_field(k, key))
			fail("a field the kind does not have");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t nk;
	const struct kind *const *ks = kind_all(&nk);
	if (!size || !nk)
		return 0;
	const struct kind *k = ks[data[0] % nk];
	const char *body = (const char *)data + 1;
	size_t len = size - 1;

	struct errs e = { 0 };
	struct api_input in;
	int rc = api_input_parse(k, body, len, NULL, &in, &e);
	check_result(k, rc, &in, &e);
	json_t *parsed = rc == 0 ? json_loadb(body, len, JSON_REJECT_DUPLICATES, NULL) : NULL;
	if (rc == 0)
		check_library(parsed, &in);
	json_decref(parsed);
	if (rc == 0) {
		/* the same body again over what it gave: a PATCH repeated */
		struct errs e2 = { 0 };
		struct api_input again;
		int rc2 = api_input_parse(k, body, len, in.doc, &again, &e2);
		check_result(k, rc2, &again, &e2);
		if (rc2 != 0)
			fail("a body accepted alone is refused over its own values");
		if (!json_equal(again.doc, in.doc))
			fail("a repeated PATCH changed the values");
		api_input_release(&again);
	}
	api_input_release(&in);
	return 0;
}
