/* test_locale.c — every message has a Vietnamese and an English text, and no text is empty. */
#include "t.h"

#include <jansson.h>
#include <stdio.h>

TEST(locales_have_the_same_messages)
{
	json_t *vi = json_load_file("locale/vi.json", 0, NULL);
	json_t *en = json_load_file("locale/en.json", 0, NULL);
	if (!CHECK(vi && en))
		goto out;
	json_t *mv = json_object_get(vi, "messages"), *me = json_object_get(en, "messages");
	const char *k;
	json_t *v;
	CHECK(json_object_size(mv) > 40);
	json_object_foreach(mv, k, v) {
		const char *t = json_string_value(json_object_get(me, k));
		if (!CHECK(t && *t && json_string_length(v) > 0))
			printf("    key %s\n", k);
	}
	json_object_foreach(me, k, v)
		if (!CHECK(json_object_get(mv, k)))
			printf("    key %s only in en.json\n", k);
out:
	json_decref(vi);
	json_decref(en);
}
