/* test_site_texts.c — a site's own texts per language (model/site_texts.h): saved for the
 * languages the site publishes in, by its administrators only, checked (language, length,
 * NFC), one audit record; read back, and laid over the kept site for a page of that language
 * (site_in_lang) with the Vietnamese fallbacks named, the kept site itself never changed. */
#include "t.h"
#include "tdb.h"
#include "base/util.h"
#include "db/db.h"
#include "model/model.h"
#include "model/site_texts.h"
#include "model/kind.h"
#include "model/metadata.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int64_t audits(struct db *db)
{
	int64_t n = -1;
	db_one_int(db_stmt(db, "SELECT count(*) FROM audit WHERE action = 'site.texts'"), &n);
	return n;
}

static const char *get_s(json_t *o, const char *a, const char *b)
{
	return json_string_value(json_object_get(b ? json_object_get(o, a) : o, b ? b : a));
}

TEST(site_texts_saved_checked_and_laid_over_per_language)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db))
		return;
	struct errs e = { 0 };
	struct site_input si = { 0 };
	int64_t site = 0, editor_id = 0;
	char *slug = NULL;
	si.name = "Sở Nội vụ";
	si.kind = "main";
	si.owner = "Ủy ban nhân dân tỉnh Vĩnh Long";
	si.address = "Số 47 đường Lê Văn Tám";
	si.phone = "0270 3822 318";
	si.name_en = "Department of Home Affairs";
	CHECK(site_add(db, &si, &e, &site, &slug) == M_OK);
	CHECK(user_add(db, "btv.snv", "Biên tập viên", "editor", slug, "Mk@12345678y-Btv", &e, &editor_id) == M_OK);
	free(slug);
	const char *langs[] = { "en", "km" };
	CHECK(site_languages_set(db, &actor_cli, site, langs, 2, &e) == M_OK);
	int64_t before = audits(db);

	/* an editor may not; nothing stored */
	struct actor editor = { .id = editor_id };
	json_t *v = json_pack("{s{ss}}", "en", "name", "Home Affairs");
	CHECK(site_texts_save(db, &editor, site, v, &e) == M_DENIED);
	json_decref(v);
	json_t *got = site_texts_get(db, site);
	CHECK(got && json_object_size(got) == 0);
	json_decref(got);

	/* a language the site does not publish in, and a line too long: refused, named by field */
	char long_line[600];
	memset(long_line, 'a', sizeof(long_line) - 1);
	long_line[sizeof(long_line) - 1] = 0;
	v = json_pack("{s{ss}s{ss}}", "fr", "name", "Portail", "en", "address", long_line);
	memset(&e, 0, sizeof(e));
	CHECK(site_texts_save(db, &actor_cli, site, v, &e) == M_INVALID);
	CHECK(e.n == 2);
	CHECK_STR(e.e[0].field, "fr_name");
	CHECK_STR(e.e[0].key, "site_text_lang_invalid");
	CHECK_STR(e.e[1].field, "en_address");
	CHECK_STR(e.e[1].key, "site_text_too_long");
	json_decref(v);
	CHECK(audits(db) == before);

	/* saved: trimmed, NFC ("ក" + a decomposed Vietnamese letter stays in one form), empty left out */
	v = json_pack("{s{ssssss}s{ssss}}", "en", "name", "  Home Affairs Portal ", "owner", "People's Committee",
		      "phone", "", "km", "name", "គេហទំព័រ", "address", "Vie\xcc\x82\xcc\xa3t");
	memset(&e, 0, sizeof(e));
	CHECK(site_texts_save(db, &actor_cli, site, v, &e) == M_OK);
	json_decref(v);
	CHECK(audits(db) == before + 1);
	got = site_texts_get(db, site);
	CHECK_STR(get_s(got, "en", "name"), "Home Affairs Portal");
	CHECK_STR(get_s(got, "en", "owner"), "People's Committee");
	CHECK(!json_object_get(json_object_get(got, "en"), "phone"));
	CHECK_STR(get_s(got, "km", "address"), "Vi\xe1\xbb\x87t"); /* "Việt" composed */
	json_decref(got);

	/* laid over the kept site, per language; the kept one unchanged */
	json_t *kept = site_get_kept(db, site);
	json_t *en = site_in_lang(db, kept, "en"), *km = site_in_lang(db, kept, "km"), *vi = site_in_lang(db, kept, "vi");
	CHECK(en != kept && km != kept && vi == kept);
	CHECK_STR(get_s(kept, "name", NULL), "Sở Nội vụ");
	CHECK_STR(get_s(en, "name", NULL), "Home Affairs Portal");
	CHECK_STR(get_s(en, "owner", NULL), "People's Committee");
	CHECK_STR(get_s(en, "address", NULL), "Số 47 đường Lê Văn Tám"); /* the Vietnamese, named so */
	CHECK(json_is_true(json_object_get(json_object_get(en, "vi"), "address")));
	CHECK(json_is_true(json_object_get(json_object_get(en, "vi"), "phone")));
	CHECK(!json_object_get(json_object_get(en, "vi"), "name"));
	CHECK(!json_object_get(json_object_get(en, "vi"), "fax")); /* empty: nothing to mark */
	CHECK(!json_object_get(en, "name_en"));                    /* no English subtitle on an English page */
	CHECK_STR(get_s(km, "name", NULL), "គេហទំព័រ");
	CHECK_STR(get_s(km, "owner", NULL), "Ủy ban nhân dân tỉnh Vĩnh Long");
	CHECK(json_is_true(json_object_get(json_object_get(km, "vi"), "owner")));
	CHECK(!json_object_get(kept, "vi"));
	json_decref(en);
	json_decref(km);
	json_decref(vi);

	/* saving English again replaces its texts (an emptied box falls back), Khmer's stay; with
	 * no English name, the sites row's English name (name_en) stands */
	v = json_pack("{s{ss}}", "en", "owner", "");
	memset(&e, 0, sizeof(e));
	CHECK(site_texts_save(db, &actor_cli, site, v, &e) == M_OK);
	json_decref(v);
	got = site_texts_get(db, site);
	CHECK(!json_object_get(got, "en"));
	CHECK_STR(get_s(got, "km", "name"), "គេហទំព័រ");
	json_decref(got);
	json_decref(kept);
	kept = site_get_kept(db, site);
	en = site_in_lang(db, kept, "en");
	CHECK_STR(get_s(en, "name", NULL), "Department of Home Affairs");
	CHECK_STR(get_s(en, "owner", NULL), "Ủy ban nhân dân tỉnh Vĩnh Long");
	json_decref(en);
	json_decref(kept);
	db_close(db);
}

/* An amount's unit is a word of the page's language where it is prose (kind_value_text_tr), the
 * number alone where it is data (kind_value_machine). */
TEST(money_unit_in_the_page_language)
{
	const struct kind *k = kind_find("science");
	const struct kind_field *f = k ? kind_field(k, "kinh_phi") : NULL;
	if (!CHECK(f && f->type == F_MONEY))
		return;
	json_t *v = json_integer(1250000000), *en = json_pack("{ss}", "money_unit", "dong");
	char *a = kind_value_text_tr(en, k, f, v), *b = kind_value_text(f, v), *c = kind_value_machine(f, v);
	CHECK_STR(a, "1.250.000.000 dong");
	CHECK_STR(b, "1.250.000.000 đồng");
	CHECK_STR(c, "1250000000");
	free(a);
	free(b);
	free(c);
	json_decref(v);
	json_decref(en);
}

/* JSON-LD names a choice by its label in the page's language (the kinds' texts), as the page
 * does; with no texts, the Vietnamese label. */
TEST(metadata_ld_choice_in_the_page_language)
{
	json_t *fields = json_pack("{ssss}", "loai", "Luật", "so_ky_hieu", "12/2026/QH15");
	json_t *en = json_pack("{ss}", "kind.legal.loai=Luật", "Law");
	struct meta_site site = { .name = "Department Portal", .owner = "People's Committee", .url = "http://x.test/",
				  .texts = en };
	struct meta_item m = { .k = kind_find("legal"), .title = "Law on X", .published_at = 1767200000,
			       .fields = fields, .url = "http://x.test/en/van-ban/law-1", .lang = "en" };
	json_t *ld = metadata_ld(&m, &site);
	CHECK_STR(json_string_value(json_object_get(ld, "legislationType")), "Law");
	json_decref(ld);
	site.texts = NULL;
	ld = metadata_ld(&m, &site);
	CHECK_STR(json_string_value(json_object_get(ld, "legislationType")), "Luật");
	json_decref(ld);
	json_decref(en);
	json_decref(fields);
}
