/* test_kind_text.c — the kinds' and the workflow's texts in every language (#16): every kind has
 * its label, every field its label and every choice its label in Vietnamese (the descriptor),
 * English and Khmer (locale/<lang>/kinds.json); a text a language lacks falls back to the
 * descriptor's Vietnamese; a locale file cannot take over a descriptor's key; kind_check refuses
 * a field key that would collide with the kind's own texts' keys. */
#include "t.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/locale.h"
#include "model/kind.h"
#include "model/model.h"

TEST(kind_texts_in_every_language)
{
	char err[512] = "";
	json_t *all = kind_locale_load(".", err, sizeof(err));
	if (!CHECK(all)) {
		printf("    %s\n", err);
		return;
	}
	json_t *vi = locale_dict(all, "vi");
	const char *langs[] = { "vi", "en", "km" };
	size_t nk;
	const struct kind *const *ks = kind_all(&nk);
	CHECK(nk > 10);
	for (size_t l = 0; l < 3; l++) {
		json_t *t = locale_dict(all, langs[l]);
		if (!CHECK(t))
			continue;
		for (size_t i = 0; i < nk; i++) {
			const struct kind *k = ks[i];
			char key[256];
			snprintf(key, sizeof(key), "kind.%s", k->name);
			/* the language's own text, not the fallback */
			if (!CHECK(json_string_value(json_object_get(t, key))))
				printf("    %s: %s has no text\n", langs[l], key);
			CHECK(*kind_tr(t, k, NULL) && *kind_tr(t, k, "one"));
			for (size_t j = 0; j < k->nfields; j++) {
				const struct kind_field *f = &k->fields[j];
				snprintf(key, sizeof(key), "kind.%s.%s", k->name, f->key);
				if (!CHECK(json_string_value(json_object_get(t, key))))
					printf("    %s: %s has no text\n", langs[l], key);
				for (const struct kind_choice *c = f->choices; c && c->key; c++)
					CHECK(*kind_tr_choice(t, k, f, c->key));
				for (size_t m = 0; m < f->nsub; m++)
					CHECK(*kind_tr_field(t, k, &f->sub[m], NULL));
			}
		}
		/* the workflow's */
		CHECK(json_string_value(json_object_get(t, "wf.state.published")));
		CHECK(json_string_value(json_object_get(t, "wf.action.publish")));
	}
	/* Vietnamese is the descriptor's, and English is another text */
	const struct kind *legal = kind_find("legal");
	const struct kind_field *scope = kind_field(legal, "pham_vi"), *number = kind_field(legal, "so_ky_hieu");
	json_t *en = locale_dict(all, "en"), *km = locale_dict(all, "km");
	CHECK_STR(kind_tr(vi, legal, NULL), legal->label);
	CHECK_STR(kind_tr(vi, legal, "title"), legal->title_label);
	CHECK_STR(kind_tr_field(vi, legal, number, ".help"), number->help);
	CHECK_STR(kind_tr_choice(vi, legal, scope, "tinh"), "Tỉnh");
	CHECK_STR(kind_tr(en, legal, NULL), "Documents");
	CHECK_STR(kind_tr_field(en, legal, number, NULL), "Number and code");
	CHECK_STR(kind_tr_choice(en, legal, scope, "tinh"), "Provincial");
	CHECK(strcmp(kind_tr_choice(km, legal, scope, "tinh"), "Tỉnh") != 0);
	/* a table's column: "<field>.<column>" */
	const struct kind *proc = kind_find("procedure");
	const struct kind_field *docs = kind_field(proc, "thanh_phan_ho_so");
	if (CHECK(docs && docs->nsub)) {
		CHECK_STR(kind_tr_field(vi, proc, &docs->sub[0], NULL), docs->sub[0].label);
		CHECK(strcmp(kind_tr_field(en, proc, &docs->sub[0], NULL), docs->sub[0].label) != 0);
	}
	/* an open value typed by a site is itself; a kind without a title's name has none */
	CHECK_STR(kind_tr_choice(en, legal, kind_field(legal, "loai"), "Loại tự đặt"), "Loại tự đặt");
	CHECK(kind_tr(en, kind_find("article"), "title") == NULL);
	CHECK(kind_tr(en, legal, "no_such_field") == NULL);
	CHECK(article_reason_text(en, "zz") == NULL);
	CHECK_STR(article_state_text(en, "published"), "Published");
	json_decref(all);
}

TEST(kind_text_falls_back_to_vietnamese)
{
	const struct kind *legal = kind_find("legal");
	const struct kind_field *scope = kind_field(legal, "pham_vi");
	/* a language without the text (or with an empty one) reads the descriptor's */
	json_t *partial = json_pack("{ssss}", "kind.legal", "", "kind.legal.pham_vi", "Scope");
	CHECK_STR(kind_tr(partial, legal, NULL), legal->label);
	CHECK_STR(kind_tr_field(partial, legal, scope, NULL), "Scope");
	CHECK_STR(kind_tr_choice(partial, legal, scope, "tinh"), "Tỉnh");
	CHECK_STR(kind_tr(NULL, legal, "one"), legal->label_one);
	CHECK_STR(article_state_text(partial, "draft"), article_state_label("draft"));
	json_decref(partial);
}

TEST(kind_texts_keys_are_the_descriptors)
{
	/* a locale file of "vi" that holds a descriptor's key is refused at load */
	char tmpl[] = "/tmp/cong-kindtext-XXXXXX", err[512] = "", p[512];
	if (!CHECK(mkdtemp(tmpl)))
		return;
	snprintf(p, sizeof(p), "%s/locale", tmpl);
	mkdir(p, 0700);
	snprintf(p, sizeof(p), "%s/locale/vi", tmpl);
	mkdir(p, 0700);
	snprintf(p, sizeof(p), "%s/locale/vi/kinds.json", tmpl);
	FILE *f = fopen(p, "w");
	if (f) {
		fputs("{\"kind.legal\": \"Văn bản khác\"}", f);
		fclose(f);
	}
	json_t *all = kind_locale_load(tmpl, err, sizeof(err));
	CHECK(!all && strstr(err, "kind.legal"));
	json_decref(all);
	unlink(p);
	snprintf(p, sizeof(p), "%s/locale/vi", tmpl);
	rmdir(p);
	snprintf(p, sizeof(p), "%s/locale", tmpl);
	rmdir(p);
	rmdir(tmpl);
	/* a field named like one of the kind's own texts would share its key */
	static const struct kind_field bad_fields[] = { { .key = "one", .label = "Tên", .type = F_TEXT, .max = 10 } };
	static const struct kind bad = { .name = "bad", .segment = "bad", .label = "Bad", .label_one = "bad",
					 .fields = bad_fields, .nfields = 1 };
	CHECK(kind_check(&bad, err, sizeof(err)) != 0);
}
