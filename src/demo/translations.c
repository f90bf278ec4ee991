/* translations.c — the demo province's English pages: a few of the main portal's items
 * translated through the model (model/translation.h), as a board would. */
#include "demo/translations.h"
#include "model/model.h"
#include "model/translation.h"
#include "model/site_texts.h"
#include "db/db.h"
#include "base/util.h"
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include "base/banned.h"

/* What is translated: the main portal's newest published item of KIND (with the term
 * KEY=VALUE when KEY is set, titled SOURCE when set), and its text in LANG (NULL: English; a
 * NULL title keeps the source's, as a person's name). */
static const struct demo_translation {
	const char *kind, *key, *value, *source;
	const char *title, *summary, *body;
	const char *lang;
} demo_translations[] = {
	{ "page", "loai", "gioi-thieu", NULL, "About Vinh Long Province",
	  "Vinh Long lies in the heart of the Mekong Delta, between the Tien and Hau rivers.",
	  "<p>Vinh Long Province lies in the centre of the Mekong Delta, between the Tien and Hau rivers, "
	  "about 135 km south-west of Ho Chi Minh City. Its fertile alluvial land, fruit orchards and "
	  "river islands make agriculture, processing and eco-tourism its main strengths.</p>"
	  "<p>The Provincial People's Committee welcomes investors and visitors; the contacts of the "
	  "province's agencies are listed on the Contact page.</p>", NULL },
	{ "procedure", NULL, NULL, "Đăng ký thành lập doanh nghiệp tư nhân", "Registering a private enterprise",
	  "How to register a private enterprise (sole proprietorship) with the Business Registration Office.",
	  "<p>A private enterprise is registered with the Business Registration Office of the Department of "
	  "Finance. The application (the registration form and a copy of the owner's identity document) is "
	  "filed online on the National Business Registration Portal or at the Provincial Public "
	  "Administrative Service Centre; the certificate is issued within 3 working days.</p>"
	  "<p>The Vietnamese version of this procedure lists every document and fee and prevails.</p>", NULL },
	{ "article", NULL, NULL, "UBND tỉnh họp phiên thường kỳ, đánh giá tình hình kinh tế – xã hội",
	  "Provincial People's Committee reviews the socio-economic situation at its regular meeting",
	  "The Provincial People's Committee met to review the socio-economic situation and the tasks ahead.",
	  "<p>At its regular monthly meeting, the Provincial People's Committee reviewed the socio-economic "
	  "situation of the province, the disbursement of public investment and the reform of administrative "
	  "procedures, and set the tasks for the coming month.</p>", NULL },
	/* a document, a table of statistics and an official in English, and the introduction in
	 * Khmer: the pages of /en/ and /km/ show their kinds' own texts (validity, charts, vCard) */
	{ "legal", NULL, NULL, NULL, "Decision of the Provincial People's Committee (English translation)",
	  "An unofficial English translation; the Vietnamese text prevails.",
	  "<p>This is an unofficial English translation of a decision of the Provincial People's Committee. "
	  "Only the Vietnamese text has legal effect.</p>", NULL },
	{ "statistics", NULL, NULL, NULL, "Provincial statistics (English version)",
	  "A table of the province's statistics, with its figures as published in Vietnamese.",
	  "<p>The figures are those of the Vietnamese table.</p>", NULL },
	{ "official", NULL, NULL, NULL, NULL, "A leader of the province and how to contact them.",
	  "<p>Contact details as published in Vietnamese.</p>", NULL },
	{ "page", "loai", "gioi-thieu", NULL, "អំពីខេត្តវិញឡុង",
	  "ខេត្តវិញឡុងស្ថិតនៅចំកណ្តាលតំបន់ដីសណ្តទន្លេមេគង្គ។",
	  "<p>ខេត្តវិញឡុងស្ថិតនៅចំកណ្តាលតំបន់ដីសណ្តទន្លេមេគង្គ រវាងទន្លេទៀន និងទន្លេហូវ។ ដីល្បាប់មានជីជាតិ "
	  "ចំការផ្លែឈើ និងកោះតាមដងទន្លេ ធ្វើឱ្យកសិកម្ម កែច្នៃ និងទេសចរណ៍បៃតង ជាចំណុចខ្លាំងរបស់ខេត្ត។</p>", "km" },
};

/* The main portal's own texts in English and Khmer (model/site_texts.h): its name, owner,
 * address and footer lines on /en/ and /km/ pages. Proper names are written without Vietnamese
 * letters, as the province writes them in English; the licence keeps its number as issued. */
static const char demo_site_texts[] =
	"{\"en\": {\"name\": \"Vinh Long Province Web Portal\", \"short_name\": \"Vinh Long\","
	" \"owner\": \"People's Committee of Vinh Long Province\","
	" \"address\": \"86 Hoang Thai Hieu Street, Ward 1, Vinh Long City, Vinh Long Province\","
	" \"phone\": \"+84 270 3823 145\","
	" \"responsible\": \"Responsible: Mr Tran Minh Quang, Chief of the Office of the Provincial People's Committee\","
	" \"licence\": \"Licence No. 136/GP-TTĐT issued by the Authority of Broadcasting and Electronic Information,"
	" Ministry of Information and Communications, on 18 June 2021\"},"
	" \"km\": {\"name\": \"វិបផតថលព័ត៌មានអេឡិចត្រូនិកខេត្តវិញឡុង\", \"short_name\": \"វិញឡុង\","
	" \"owner\": \"គណៈកម្មាធិការប្រជាជនខេត្តវិញឡុង\","
	" \"address\": \"លេខ ៨៦ ផ្លូវ Hoang Thai Hieu សង្កាត់ទី ១ ក្រុងវិញឡុង ខេត្តវិញឡុង\","
	" \"phone\": \"+84 270 3823 145\","
	" \"responsible\": \"អ្នកទទួលខុសត្រូវ៖ លោក Tran Minh Quang ប្រធានការិយាល័យគណៈកម្មាធិការប្រជាជនខេត្ត\","
	" \"licence\": \"អាជ្ញាប័ណ្ណលេខ 136/GP-TTĐT ចេញដោយអាជ្ញាធរវិទ្យុ ទូរទស្សន៍ និងព័ត៌មានអេឡិចត្រូនិក"
	" ក្រសួងព័ត៌មាន និងទំនាក់ទំនង ថ្ងៃទី ១៨ ខែមិថុនា ឆ្នាំ ២០២១\"}}";

/* The newest published Vietnamese item of T on SITE_ID: {id, title, summary}, or NULL. */

static json_t *newest(struct db *db, int64_t site_id, const struct demo_translation *t)
{
	struct db_stmt *st = db_stmt(db, "SELECT a.id, a.title, a.summary FROM items a WHERE a.site_id = ?1 AND a.kind = ?2"
				       " AND a.lang = 'vi' AND a.state = 'published' AND (?3 = '' OR EXISTS (SELECT 1"
				       " FROM item_terms m WHERE m.item_id = a.id AND m.key = ?3 AND m.value = ?4))"
				       " AND (?5 = '' OR a.title = ?5)"
				       " ORDER BY a.published_at DESC, a.id DESC LIMIT 1");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, t->kind);
	db_bind_text(st, 3, t->key ? t->key : "");
	db_bind_text(st, 4, t->value ? t->value : "");
	db_bind_text(st, 5, t->source ? t->source : "");
	return db_one_json(st);
}

int demo_translations_load(struct db *db)
{
	struct errs e = { 0 };
	json_t *m = site_main(db);
	int64_t site_id = json_integer_value(json_object_get(m, "id"));
	json_decref(m);
	const char *langs[] = { "en", "km" };
	if (!site_id || site_languages_set(db, &actor_cli, site_id, langs, 2, &e) != M_OK) {
		fprintf(stderr, "cong demo: the main portal's languages not set\n");
		return -1;
	}
	json_t *texts = json_loads(demo_site_texts, 0, NULL);
	int rc_texts = texts ? site_texts_save(db, &actor_cli, site_id, texts, &e) : M_ERROR;
	json_decref(texts);
	if (rc_texts != M_OK) {
		fprintf(stderr, "cong demo: the main portal's English and Khmer texts not set\n");
		return -1;
	}
	size_t n = 0;
	for (size_t i = 0; i < ARRAY_SIZE(demo_translations); i++) {
		const struct demo_translation *t = &demo_translations[i];
		json_t *src = newest(db, site_id, t);
		if (!src)
			continue; /* the demo has none of that kind on the main portal */
		int64_t source = json_integer_value(json_object_get(src, "id")), id = 0;
		json_decref(src);
		struct article_input in = { 0 };
		const char *lang = t->lang ? t->lang : "en";
		in.summary = t->summary;
		in.body = t->body;
		in.cover_id = -1;
		in.deadline_kind = NULL;
		memset(&e, 0, sizeof(e));
		/* the fields and category stay the source's (copied by translation_create) */
		json_t *cur = NULL;
		if (translation_create(db, &actor_cli, site_id, source, lang, &e, &id) != M_OK ||
		    !(cur = article_get_admin(db, &actor_cli, site_id, id))) {
			fprintf(stderr, "cong demo: the %s translation of %s %lld not made\n", lang, t->kind, (long long)source);
			return -1;
		}
		in.kind = t->kind;
		in.title = t->title ? t->title : json_string_value(json_object_get(cur, "title"));
		in.category_id = json_integer_value(json_object_get(cur, "category_id"));
		json_t *fields = json_loads(json_string_value(json_object_get(cur, "fields")), 0, NULL);
		in.fields = fields;
		in.cover_alt = json_string_value(json_object_get(cur, "cover_alt")); /* the same picture */
		in.author = json_string_value(json_object_get(cur, "author"));
		int rc = article_save(db, &actor_cli, site_id, id, &in, &e, NULL);
		json_decref(fields);
		json_decref(cur);
		if (rc != M_OK || article_publish_cli(db, site_id, id, time_now() - 3600)) {
			fprintf(stderr, "cong demo: the %s translation of %s %lld not published\n", lang, t->kind,
				(long long)source);
			for (int k = 0; k < e.n; k++)
				fprintf(stderr, "  %s: %s\n", e.e[k].field, e.e[k].key);
			return -1;
		}
		n++;
	}
	printf("English and Khmer turned on for the main portal; %zu translations published\n", n);
	return 0;
}
