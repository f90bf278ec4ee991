/* test_store.c — migrations, sites and hosts, accounts, articles: the model over a real SQLite. */
#include "t.h"
#include "db/db.h"
#include "model/model.h"
#include "base/util.h"
#include "tdb.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>


static struct db *fresh_db(void)
{
	return t_fresh_db();
}

static int64_t add_site(struct db *db, const char *name, const char *kind, const char *parent)
{
	struct site_input in = { 0 };
	struct errs e = { 0 };
	int64_t id = 0;
	in.name = name;
	in.kind = kind;
	in.parent_slug = parent;
	if (site_add(db, &in, &e, &id, NULL))
		return 0;
	return id;
}

static int64_t json_id(json_t *o)
{
	return o ? json_integer_value(json_object_get(o, "id")) : 0;
}

/* Cards as {id, site_slug} (an article_card_fn collecting into a JSON array). */
static void collect(const struct article_card *c, void *arg)
{
	json_array_append_new(arg, json_pack("{sIss?}", "id", (json_int_t)c->id, "site_slug", c->site_slug));
}

TEST(migrations_apply_once_and_are_rerunnable)
{
	char err[256];
	struct db *db = fresh_db();
	CHECK(db != NULL);
	if (!db)
		return;
	CHECK(db_migrate(db, err, sizeof(err)) == 0); /* nothing left to apply */
	CHECK(db_ping(db) == 0);
	CHECK(db_setting_set(db, "k", "v") == 0);
	char *v = db_setting_get(db, "k");
	CHECK_STR(v, "v");
	free(v);
	db_close(db);
}

TEST(sites_resolve_by_host_and_never_to_another_site)
{
	struct db *db = fresh_db();
	struct errs e = { 0 };
	if (!CHECK(db != NULL))
		return;
	int64_t main_id = add_site(db, "Cổng Thông tin điện tử tỉnh", "main", NULL);
	int64_t snv = add_site(db, "Sở Nội vụ", NULL, NULL);
	int64_t lh = add_site(db, "Huyện Long Hồ", NULL, NULL);
	int64_t ct = add_site(db, "Xã Châu Thành", NULL, "longho");
	CHECK(main_id && snv && lh && ct);
	CHECK(site_add_domain(db, snv, "noivu.example.org", &e) == 0);
	json_t *s;
	s = site_find_by_host(db, "vinhlong.gov.vn", "vinhlong.gov.vn");
	CHECK(json_id(s) == main_id); json_decref(s);
	s = site_find_by_host(db, "WWW.vinhlong.gov.vn:8080", "vinhlong.gov.vn");
	CHECK(json_id(s) == main_id); json_decref(s);
	s = site_find_by_host(db, "snv.vinhlong.gov.vn", "vinhlong.gov.vn");
	CHECK(json_id(s) == snv); json_decref(s);
	s = site_find_by_host(db, "chauthanh.longho.vinhlong.gov.vn", "vinhlong.gov.vn");
	CHECK(json_id(s) == ct); json_decref(s);
	s = site_find_by_host(db, "chauthanh.vinhlong.gov.vn.", "vinhlong.gov.vn");
	CHECK(json_id(s) == ct); json_decref(s);
	s = site_find_by_host(db, "noivu.example.org", "vinhlong.gov.vn");
	CHECK(json_id(s) == snv); json_decref(s);
	/* wrong parent, the main slug, unknown names, other domains: nothing */
	const char *bad[] = { "chauthanh.snv.vinhlong.gov.vn", "main.vinhlong.gov.vn", "x.vinhlong.gov.vn",
			      "evil.com", "vinhlong.gov.vn.evil.com", "snvvinhlong.gov.vn", "", "[::1]" };
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		s = site_find_by_host(db, bad[i], "vinhlong.gov.vn");
		if (!CHECK(s == NULL))
			printf("    host %s resolved\n", bad[i]);
		json_decref(s);
	}
	/* slugs are unique; a second main is refused */
	struct site_input in = { 0 };
	int64_t id;
	in.name = "Sở Nội vụ";
	CHECK(site_add(db, &in, &e, &id, NULL) == M_INVALID);
	in.kind = "main";
	e.n = 0;
	CHECK(site_add(db, &in, &e, &id, NULL) == M_INVALID);
	db_close(db);
}

TEST(accounts_passwords_and_roles)
{
	struct db *db = fresh_db();
	struct errs e = { 0 };
	int64_t uid, uid2;
	if (!CHECK(db != NULL))
		return;
	add_site(db, "Cổng chính", "main", NULL);
	int64_t snv = add_site(db, "Sở Nội vụ", NULL, NULL);
	int64_t syt = add_site(db, "Sở Y tế", NULL, NULL);
	CHECK(user_add(db, "bientap", "Nguyễn Văn A", "editor", "snv", "weak", &e, &uid) == M_INVALID);
	CHECK(e.n > 0);
	e.n = 0;
	CHECK(user_add(db, "bientap", "Nguyễn Văn A", "editor", "snv", "Abc@12345-Mot-Lan", &e, &uid) == M_OK);
	CHECK(user_add(db, "bientap", "B", "editor", "snv", "Abc@12345-Mot-Lan", &e, &uid2) == M_INVALID); /* taken */
	e.n = 0;
	CHECK(user_add(db, "Bad Name", "B", "editor", "snv", "Abc@12345-Mot-Lan", &e, &uid2) == M_INVALID);
	e.n = 0;
	int64_t wait;
	json_t *u = user_authenticate(db, "bientap", "wrong", "127.0.0.1", &wait);
	CHECK(u == NULL);
	u = user_authenticate(db, "nobody", "Abc@12345-Mot-Lan", "127.0.0.1", &wait);
	CHECK(u == NULL);
	u = user_authenticate(db, "bientap", "Abc@12345-Mot-Lan", "127.0.0.1", &wait);
	CHECK(u && json_integer_value(json_object_get(u, "must_change")) == 1);
	json_decref(u);
	struct actor a = { uid, 0, NULL };
	CHECK_STR(user_role_on(db, &a, snv), "editor");
	CHECK(user_role_on(db, &a, syt) == NULL);
	CHECK(user_change_password(db, uid, "Abc@12345-Mot-Lan", "Abc@12345-Mot-Lan", "Abc@12345-Mot-Lan", &e) == M_INVALID);
	e.n = 0;
	CHECK(user_change_password(db, uid, "Abc@12345-Mot-Lan", "Mới@2026x-Doi-Roi", "Mới@2026y-Doi-Roi", &e) == M_INVALID);
	e.n = 0;
	CHECK(user_change_password(db, uid, "Abc@12345-Mot-Lan", "Moi@2026x-Doi-Roi", "Moi@2026x-Doi-Roi", &e) == M_OK);
	u = user_authenticate(db, "bientap", "Moi@2026x-Doi-Roi", NULL, &wait);
	CHECK(u && json_integer_value(json_object_get(u, "must_change")) == 0);
	json_decref(u);
	/* sessions: the token signs in, a wrong one does not, a destroyed one no longer does */
	char tok[SESSION_TOKEN_LEN + 1];
	CHECK(session_create(db, uid, tok) == M_OK);
	u = session_user(db, tok);
	CHECK(json_id(u) == uid);
	json_decref(u);
	tok[0] = tok[0] == 'A' ? 'B' : 'A';
	CHECK(session_user(db, tok) == NULL);
	tok[0] = tok[0] == 'A' ? 'B' : 'A';
	session_destroy(db, tok);
	CHECK(session_user(db, tok) == NULL);
	db_close(db);
}

TEST(articles_save_publish_and_stay_on_their_site)
{
	struct db *db = fresh_db();
	struct errs e = { 0 };
	int64_t uid, cat, cat2, child, id, total;
	if (!CHECK(db != NULL))
		return;
	int64_t main_id = add_site(db, "Cổng chính", "main", NULL);
	int64_t snv = add_site(db, "Sở Nội vụ", NULL, NULL);
	int64_t syt = add_site(db, "Sở Y tế", NULL, NULL);
	CHECK(user_add(db, "phongvien", "Phóng viên", "reporter", "snv", "Abc@12345-Mot-Lan", &e, &uid) == M_OK);
	struct actor reporter = { uid, 0, NULL };
	struct category_input ci = { "Tin hoạt động", NULL, "", 0, 1, NULL };
	CHECK(category_save(db, &reporter, snv, 0, &ci, &e, &cat) == M_DENIED);
	CHECK(category_save(db, &actor_cli, snv, 0, &ci, &e, &cat) == M_OK);
	CHECK(category_save(db, &actor_cli, syt, 0, &ci, &e, &cat2) == M_OK); /* same slug, other site */
	struct category_input sub = { "Cải cách hành chính", NULL, "", cat, 1, NULL };
	CHECK(category_save(db, &actor_cli, snv, 0, &sub, &e, &child) == M_OK);
	struct category_input loop = { "Tin hoạt động", NULL, "", child, 1, NULL };
	CHECK(category_save(db, &actor_cli, snv, cat, &loop, &e, NULL) == M_INVALID); /* a loop */
	e.n = 0;

	struct article_input in = { 0 };
	in.title = "";
	in.body = "";
	in.category_id = cat2; /* another site's category */
	CHECK(article_save(db, &reporter, snv, 0, &in, &e, &id) == M_INVALID);
	CHECK(e.n >= 3);
	e.n = 0;
	in.title = "Ho\xcc\x80" "a giải";  /* NFD */
	in.body = "Đoạn một.\n\nĐoạn hai.";
	in.category_id = child;
	in.src_url = "javascript:alert(1)";
	CHECK(article_save(db, &reporter, snv, 0, &in, &e, &id) == M_INVALID);
	e.n = 0;
	in.src_url = "https://baovinhlong.vn/a";
	CHECK(article_save(db, &reporter, snv, 0, &in, &e, &id) == M_OK);
	json_t *a = article_get_admin(db, &reporter, snv, id);
	CHECK_STR(json_string_value(json_object_get(a, "title")), "Hòa giải"); /* stored NFC */
	CHECK_STR(json_string_value(json_object_get(a, "slug")), "hoa-giai");
	json_decref(a);
	CHECK(article_get_public(db, snv, id) == NULL); /* a draft is not public */
	CHECK(article_act(db, &reporter, snv, id, "publish", NULL, &e) == M_DENIED);
	e.n = 0;
	CHECK(article_act(db, &actor_cli, snv, id, "publish", NULL, &e) == M_INVALID); /* a draft */
	e.n = 0;
	CHECK(article_act(db, &reporter, snv, id, "submit", NULL, &e) == M_OK);
	CHECK(article_act(db, &actor_cli, syt, id, "edited", NULL, &e) == M_NOTFOUND); /* wrong site */
	CHECK(article_act(db, &actor_cli, snv, id, "edited", NULL, &e) == M_OK);
	CHECK(article_act(db, &actor_cli, snv, id, "publish", NULL, &e) == M_OK);
	a = article_get_public(db, snv, id);
	CHECK(json_id(a) == id);
	json_decref(a);
	CHECK(article_get_public(db, syt, id) == NULL);
	json_t *cats = category_list(db, snv), *rows = json_array();
	/* includes subcategories */
	CHECK(article_in_category(db, cats, cat, 10, 0, &total, collect, rows) == 1 && total == 1);
	json_decref(cats);
	json_decref(rows);
	rows = json_array();
	article_from_components(db, main_id, 10, collect, rows); /* not before the main board accepts it */
	CHECK(json_array_size(rows) == 0);
	json_decref(rows);
	CHECK(share_propose(db, &actor_cli, snv, id, &e) == M_OK);
	json_t *sh = share_of(db, id);
	CHECK(share_decide(db, &actor_cli, main_id, json_integer_value(json_object_get(sh, "id")), 1, "", &e) == M_OK);
	json_decref(sh);
	rows = json_array();
	article_from_components(db, main_id, 10, collect, rows);
	CHECK(json_array_size(rows) == 1);
	CHECK_STR(json_string_value(json_object_get(json_array_get(rows, 0), "site_slug")), "snv");
	json_decref(rows);
	rows = json_array();
	json_t *syt_cats = category_tree(db, syt);
	article_home(db, syt, syt_cats, 10, 4, collect, rows);
	json_decref(syt_cats);
	CHECK(json_array_size(rows) == 0);
	json_decref(rows);
	/* another site's reporter sees nothing of it */
	struct actor other = { 9999, 0, NULL };
	CHECK(article_get_admin(db, &other, snv, id) == NULL);
	CHECK(article_save(db, &other, snv, id, &in, &e, NULL) == M_DENIED);
	struct act_input why = { "Thông tin đã cũ", NULL, 0 };
	CHECK(article_act(db, &actor_cli, snv, id, "withdraw", &why, &e) == M_OK);
	CHECK(article_get_public(db, snv, id) == NULL);
	json_t *gone = article_get_withdrawn(db, snv, id);
	CHECK_STR(json_string_value(json_object_get(gone, "withdrawn_reason")), "Thông tin đã cũ");
	json_decref(gone);
	int64_t bad, n = 0;
	bad = audit_verify(db, &n);
	CHECK(bad == 0 && n > 5);
	db_close(db);
}

/* A number from SQL with one integer parameter (not through db_stmt's cache). */
static int64_t count_of(struct db *db, const char *sql, int64_t arg)
{
	struct db_stmt *st = db_prepare(db, sql);
	int64_t n = -1;
	if (!st)
		return -1;
	db_bind_int(st, 1, arg);
	if (db_step(st) == DB_ROW)
		n = db_col_int(st, 0);
	db_finalize(st);
	return n;
}

TEST(audit_failure_rolls_the_change_back)
{
	struct db *db = fresh_db();
	struct errs e = { 0 };
	int64_t cat = 0, bad, n = 0;
	if (!CHECK(db != NULL))
		return;
	add_site(db, "Cổng chính", "main", NULL);
	int64_t snv = add_site(db, "Sở Nội vụ", NULL, NULL);
	int64_t records = count_of(db, "SELECT count(*) FROM audit WHERE ?1 = ?1", 0);
	int64_t sites = count_of(db, "SELECT count(*) FROM sites WHERE ?1 = ?1", 0);
	CHECK(records > 0);
	/* the audit log refuses every record, on this connection only */
	CHECK(db_exec(db, t_pg() ? "CREATE FUNCTION no_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no'; END $$;"
				   " CREATE TRIGGER no_audit BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION no_audit()"
				 : "CREATE TEMP TRIGGER no_audit BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'no'); END") == 0);
	struct category_input ci = { "Tin hoạt động", NULL, "", 0, 1, NULL };
	CHECK(category_save(db, &actor_cli, snv, 0, &ci, &e, &cat) == M_ERROR);
	CHECK(e.n == 0);
	CHECK(count_of(db, "SELECT count(*) FROM categories WHERE site_id = ?", snv) == 0);
	CHECK(site_settings_update(db, &actor_cli, snv, 1, 1, &e) == M_ERROR);
	CHECK(count_of(db, "SELECT approval_steps FROM sites WHERE id = ?", snv) == 2);
	CHECK(add_site(db, "Sở Y tế", NULL, NULL) == 0);
	CHECK(count_of(db, "SELECT count(*) FROM sites WHERE ?1 = ?1", 0) == sites);
	CHECK(count_of(db, "SELECT count(*) FROM audit WHERE ?1 = ?1", 0) == records);
	/* nothing was left half open: with the log back, the same change is kept with its record */
	CHECK(!db_in_transaction(db));
	CHECK(db_exec(db, t_pg() ? "DROP TRIGGER no_audit ON audit" : "DROP TRIGGER temp.no_audit") == 0);
	CHECK(category_save(db, &actor_cli, snv, 0, &ci, &e, &cat) == M_OK);
	CHECK(count_of(db, "SELECT count(*) FROM categories WHERE site_id = ?", snv) == 1);
	CHECK(count_of(db, "SELECT count(*) FROM audit WHERE ?1 = ?1", 0) == records + 1);
	bad = audit_verify(db, &n);
	CHECK(bad == 0 && n == records + 1);
	db_close(db);
}

/* A connection keeps every statement the code names prepared (db_stmt, keyed by the SQL text's
 * address): more than the 256 a full browser run once reached, each found again as itself. */
TEST(store_keeps_many_statements)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db != NULL))
		return;
	static char sql[700][24];
	struct db_stmt *first[700];
	int ok = 1;
	for (int i = 0; i < 700; i++) {
		snprintf(sql[i], sizeof(sql[i]), "SELECT %d", i);
		first[i] = db_stmt(db, sql[i]);
		int64_t v = -1;
		ok &= first[i] != NULL && db_one_int(first[i], &v) == 1 && v == i;
	}
	CHECK(ok);
	for (int i = 699; i >= 0; i--) {
		int64_t v = -1;
		struct db_stmt *st = db_stmt(db, sql[i]);
		ok &= st == first[i] && db_one_int(st, &v) == 1 && v == i;
	}
	CHECK(ok);
	db_close(db);
}
