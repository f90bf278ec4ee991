/* test_translation.c — translations as linked items (model/translation.h) with a fixed clock:
 * making one (a draft copying its source, in its language, one per language), who may, the
 * state a source's editor sees, outdated after the source is published again and current once
 * marked, the public reads per language, the English rules, the coverage report and its rows on
 * the deadline lists. */
#include "t.h"
#include "tdb.h"
#include "base/util.h"
#include "db/db.h"
#include "model/deadline.h"
#include "model/item.h"
#include "model/model.h"
#include "model/translation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fx {
	struct db *db;
	int64_t main_id, snv, news;
	struct actor reporter, editor, stranger;
};

static int fx_make(struct fx *f)
{
	struct errs e = { 0 };
	struct site_input si = { 0 };
	memset(f, 0, sizeof(*f));
	if (!(f->db = t_fresh_db()))
		return -1;
	si.name = "Cổng chính";
	si.kind = "main";
	char *slug = NULL, *main_slug = NULL;
	if (site_add(f->db, &si, &e, &f->main_id, &main_slug))
		return -1;
	si.name = "Sở Nội vụ";
	si.kind = NULL;
	if (site_add(f->db, &si, &e, &f->snv, &slug))
		return -1;
	struct category_input c = { "Tin tức", NULL, "", 0, 1, NULL };
	if (category_save(f->db, &actor_cli, f->snv, 0, &c, &e, &f->news))
		return -1;
	/* the stranger: an editor of the main portal, no role on snv */
	int bad = user_add(f->db, "pv.snv", "Phóng viên", "reporter", slug, "Mk@12345678x-Pv", &e, &f->reporter.id) ||
		  user_add(f->db, "btv.snv", "Biên tập viên", "editor", slug, "Mk@12345678y-Btv", &e, &f->editor.id) ||
		  user_add(f->db, "nguoi.la", "Người lạ", "editor", main_slug, "Mk@12345678z-Nla", &e, &f->stranger.id);
	free(slug);
	free(main_slug);
	if (bad)
		return -1;
	const char *langs[] = { "en", "km" };
	return site_languages_set(f->db, &actor_cli, f->snv, langs, 2, &e);
}

static int64_t news_item(struct fx *f, const char *title)
{
	struct article_input in = { 0 };
	struct errs e = { 0 };
	int64_t id = 0;
	in.title = title;
	in.body = "<p>Nội dung.</p>";
	in.category_id = f->news;
	return article_save(f->db, &actor_cli, f->snv, 0, &in, &e, &id) == M_OK ? id : 0;
}

static int publish(struct fx *f, int64_t id)
{
	struct errs e = { 0 };
	return article_act(f->db, &actor_cli, f->snv, id, "submit", NULL, &e) == M_OK &&
			       article_act(f->db, &actor_cli, f->snv, id, "edited", NULL, &e) == M_OK &&
			       article_act(f->db, &actor_cli, f->snv, id, "publish", NULL, &e) == M_OK
		       ? 0
		       : -1;
}

/* The state of SOURCE's translation into LANG in translation_list, or "" */
static const char *state_in(struct fx *f, int64_t source, const char *lang, char *buf, size_t n)
{
	json_t *langs = json_pack("[ss]", "en", "km");
	json_t *list = translation_list(f->db, source, langs), *t;
	size_t i;
	buf[0] = 0;
	json_array_foreach(list, i, t)
		if (strcmp(json_string_value(json_object_get(t, "lang")), lang) == 0)
			snprintf(buf, n, "%s", json_string_value(json_object_get(t, "state")));
	json_decref(list);
	json_decref(langs);
	return buf;
}

TEST(translation_is_a_linked_draft_one_per_language)
{
	struct fx f;
	if (!CHECK(fx_make(&f) == 0))
		return;
	time_fix(t_vn_at("2026-03-02", 9, 0));
	int64_t src = news_item(&f, "Hội nghị xúc tiến đầu tư");
	CHECK(src && publish(&f, src) == 0);
	struct errs e = { 0 };
	int64_t tid = 0, again = 0;
	char st[32];
	CHECK_STR(state_in(&f, src, "en", st, sizeof(st)), "none");
	/* a reporter may make it, as any item */
	CHECK(translation_create(f.db, &f.reporter, f.snv, src, "en", &e, &tid) == M_OK && tid > 0);
	CHECK(translation_find(f.db, src, "en") == tid);
	CHECK(translation_find(f.db, src, "km") == 0);
	/* a draft in English with the source's text, its own workflow */
	struct db_stmt *q = db_stmt(f.db, "SELECT lang, state, title, translation_of, category_id FROM items WHERE id = ?");
	db_bind_int(q, 1, tid);
	json_t *row = db_one_json(q);
	CHECK_STR(json_string_value(json_object_get(row, "lang")), "en");
	CHECK_STR(json_string_value(json_object_get(row, "state")), "draft");
	CHECK_STR(json_string_value(json_object_get(row, "title")), "Hội nghị xúc tiến đầu tư");
	CHECK(json_integer_value(json_object_get(row, "translation_of")) == src);
	CHECK(json_integer_value(json_object_get(row, "category_id")) == f.news);
	json_decref(row);
	CHECK_STR(state_in(&f, src, "en", st, sizeof(st)), "draft");
	/* one per language */
	memset(&e, 0, sizeof(e));
	CHECK(translation_create(f.db, &f.editor, f.snv, src, "en", &e, &again) == M_INVALID);
	CHECK(e.n == 1 && strcmp(e.e[0].key, "translation_exists") == 0);
	/* a language the site does not publish in, Vietnamese, a translation's translation */
	memset(&e, 0, sizeof(e));
	CHECK(translation_create(f.db, &f.editor, f.snv, src, "fr", &e, &again) == M_INVALID);
	CHECK(e.n == 1 && strcmp(e.e[0].key, "translation_lang_invalid") == 0);
	memset(&e, 0, sizeof(e));
	CHECK(translation_create(f.db, &f.editor, f.snv, src, "vi", &e, &again) == M_INVALID);
	memset(&e, 0, sizeof(e));
	CHECK(translation_create(f.db, &f.editor, f.snv, tid, "km", &e, &again) == M_INVALID);
	CHECK(e.n == 1 && strcmp(e.e[0].key, "translation_source_invalid") == 0);
	/* no role on the site: refused; another site's item: not found */
	memset(&e, 0, sizeof(e));
	CHECK(translation_create(f.db, &f.stranger, f.snv, src, "km", &e, &again) == M_DENIED);
	CHECK(translation_create(f.db, &actor_cli, f.main_id, src, "km", &e, &again) == M_NOTFOUND);
	/* the Khmer one too */
	memset(&e, 0, sizeof(e));
	CHECK(translation_create(f.db, &f.editor, f.snv, src, "km", &e, &again) == M_OK && again != tid);
	/* the translation says what it translates */
	json_t *info = translation_info(f.db, tid);
	CHECK(json_integer_value(json_object_get(info, "source_id")) == src);
	CHECK(json_is_false(json_object_get(info, "outdated")));
	json_decref(info);
	CHECK(translation_info(f.db, src) == NULL);
	time_fix(0);
	db_close(f.db);
}

TEST(translation_outdated_after_its_source_changes_and_public_per_language)
{
	struct fx f;
	if (!CHECK(fx_make(&f) == 0))
		return;
	time_fix(t_vn_at("2026-03-02", 9, 0));
	int64_t src = news_item(&f, "Thông báo tuyển dụng");
	CHECK(src && publish(&f, src) == 0);
	struct errs e = { 0 };
	int64_t tid = 0;
	CHECK(translation_create(f.db, &actor_cli, f.snv, src, "en", &e, &tid) == M_OK);
	struct article_input in = { 0 };
	in.title = "Recruitment notice";
	in.body = "<p>English.</p>";
	in.category_id = f.news;
	CHECK(article_save(f.db, &actor_cli, f.snv, tid, &in, &e, NULL) == M_OK);
	time_fix(t_vn_at("2026-03-02", 10, 0));
	CHECK(publish(&f, tid) == 0);
	char st[32];
	CHECK_STR(state_in(&f, src, "en", st, sizeof(st)), "published");
	/* the public reads: the English list has it, the Vietnamese lists and counts do not */
	int64_t total = 0;
	json_t *rows = translation_list_public(f.db, f.snv, "en", NULL, 0, NULL, 10, 0, &total);
	CHECK(total == 1 && json_array_size(rows) == 1);
	CHECK_STR(json_string_value(json_object_get(json_array_get(rows, 0), "title")), "Recruitment notice");
	json_decref(rows);
	rows = translation_list_public(f.db, f.snv, "en", NULL, 0, "recruit", 10, 0, &total);
	CHECK(total == 1);
	json_decref(rows);
	rows = translation_list_public(f.db, f.snv, "en", NULL, 0, "tuyển", 10, 0, &total);
	CHECK(total == 0);
	json_decref(rows);
	CHECK(item_count_public(f.db, f.snv) == 1); /* the Vietnamese one only (0036's triggers) */
	json_t *alt = translation_alternates(f.db, src);
	CHECK(json_array_size(alt) == 2);
	CHECK_STR(json_string_value(json_object_get(json_array_get(alt, 0), "lang")), "vi");
	CHECK(json_integer_value(json_object_get(json_array_get(alt, 1), "id")) == tid);
	json_decref(alt);
	alt = translation_alternates(f.db, tid); /* the same group from the translation */
	CHECK(json_array_size(alt) == 2);
	json_decref(alt);

	/* the source changed and published again an hour later: outdated */
	time_fix(t_vn_at("2026-03-02", 11, 0));
	in.title = "Thông báo tuyển dụng (sửa đổi)";
	in.body = "<p>Nội dung mới.</p>";
	CHECK(article_save(f.db, &actor_cli, f.snv, src, &in, &e, NULL) == M_OK);
	CHECK_STR(state_in(&f, src, "en", st, sizeof(st)), "published"); /* the change waits for approval */
	CHECK(publish(&f, src) == 0);
	CHECK_STR(state_in(&f, src, "en", st, sizeof(st)), "outdated");
	json_t *info = translation_info(f.db, tid);
	CHECK(json_is_true(json_object_get(info, "outdated")));
	json_decref(info);
	/* marked current: editors and above */
	CHECK(translation_mark_current(f.db, &f.reporter, f.snv, tid, &e) == M_DENIED);
	CHECK(translation_mark_current(f.db, &f.editor, f.snv, src, &e) == M_NOTFOUND);
	CHECK(translation_mark_current(f.db, &f.editor, f.snv, tid, &e) == M_OK);
	CHECK_STR(state_in(&f, src, "en", st, sizeof(st)), "published");
	time_fix(0);
	db_close(f.db);
}

TEST(translation_rules_coverage_and_deadline_rows_at_a_fixed_now)
{
	struct fx f;
	if (!CHECK(fx_make(&f) == 0))
		return;
	struct errs e = { 0 };
	/* the rules: checked line by line, the default again when cleared */
	CHECK(translation_rules_set(f.db, &f.editor, f.snv, "article", &e) == M_DENIED);
	CHECK(translation_rules_set(f.db, &actor_cli, f.snv, "article\nkhong-co\npage loai", &e) == M_INVALID);
	CHECK(e.n == 2 && strcmp(e.e[0].key, "translation_rules_invalid") == 0);
	memset(&e, 0, sizeof(e));
	CHECK(translation_rules_set(f.db, &actor_cli, f.snv, "  article  \n\npage loai=gioi-thieu\n", &e) == M_OK);
	char *rules = translation_rules_get(f.db, f.snv);
	CHECK_STR(rules, "article\npage loai=gioi-thieu\n");
	free(rules);
	rules = translation_rules_get(f.db, f.main_id);
	CHECK_STR(rules, translation_rules_default());
	free(rules);

	/* Monday 2 March 2026, 9:00: two news published (news required on this site) */
	time_fix(t_vn_at("2026-03-02", 9, 0));
	int64_t a = news_item(&f, "Tin thứ nhất"), b = news_item(&f, "Tin thứ hai");
	int64_t draft = news_item(&f, "Tin chưa đăng");
	CHECK(a && b && draft && publish(&f, a) == 0 && publish(&f, b) == 0);
	CHECK(translation_required(f.db, a) == 1);
	int64_t now = t_vn_at("2026-03-06", 9, 0); /* Friday: due Monday 9 March, 24:00 */
	json_t *cov = translation_coverage(f.db, &actor_cli, f.snv, now);
	json_t *site = json_array_get(json_object_get(cov, "sites"), 0);
	CHECK(json_integer_value(json_object_get(site, "required")) == 2);
	CHECK(json_integer_value(json_object_get(site, "lacking")) == 2);
	json_t *it = json_array_get(json_object_get(site, "items"), 0);
	CHECK_STR(json_string_value(json_object_get(it, "status")), "missing");
	CHECK_STR(json_string_value(json_object_get(it, "due")), "09/03/2026 23:59");
	CHECK(json_is_false(json_object_get(it, "overdue")));
	json_decref(cov);
	struct actor nobody = { 4242, 0, NULL };
	CHECK(translation_coverage(f.db, &nobody, f.snv, now) == NULL);

	/* on the deadline lists: due in 1 working day ("soon") */
	json_t *o = deadline_open(f.db, &actor_cli, f.snv, now);
	CHECK(json_array_size(json_object_get(o, "soon")) == 2);
	CHECK_STR(json_string_value(json_object_get(json_array_get(json_object_get(o, "soon"), 0), "src")), "translation");
	json_decref(o);
	/* a week later: overdue */
	o = deadline_open(f.db, &actor_cli, f.snv, t_vn_at("2026-03-11", 9, 0));
	CHECK(json_array_size(json_object_get(o, "overdue")) == 2);
	json_decref(o);

	/* A's translation begun: its own item with the rule's due time, the row gone from the
	 * coverage's deadline rows */
	int64_t ta = 0;
	CHECK(translation_create(f.db, &actor_cli, f.snv, a, "en", &e, &ta) == M_OK);
	json_t *due = deadline_of_article(f.db, ta, now, NULL);
	CHECK(due != NULL);
	CHECK_STR(json_string_value(json_object_get(due, "kind")), TRANSLATION_DEADLINE_KIND);
	CHECK_STR(json_string_value(json_object_get(due, "due")), "09/03/2026 23:59");
	json_decref(due);
	json_t *rows = translation_due_rows(f.db, f.snv);
	CHECK(json_array_size(rows) == 1);
	CHECK(json_integer_value(json_object_get(json_array_get(rows, 0), "id")) == b);
	json_decref(rows);
	/* published: A is current */
	CHECK(publish(&f, ta) == 0);
	cov = translation_coverage(f.db, &actor_cli, 0, now); /* the province: every site */
	CHECK(json_array_size(json_object_get(cov, "sites")) == 2);
	CHECK(json_integer_value(json_object_get(json_object_get(cov, "totals"), "current")) == 1);
	CHECK(json_integer_value(json_object_get(json_object_get(cov, "totals"), "lacking")) == 1);
	json_decref(cov);
	/* a site that does not publish in English has no deadline rows */
	const char *none[] = { NULL };
	CHECK(site_languages_set(f.db, &actor_cli, f.snv, none, 0, &e) == M_OK);
	rows = translation_due_rows(f.db, 0);
	CHECK(json_array_size(rows) == 0);
	json_decref(rows);
	time_fix(0);
	db_close(f.db);
}
