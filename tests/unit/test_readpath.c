/* test_readpath.c — the public pages' read paths: tree order, the category merge across
 * subcategories with pagination, featured items, the per-request JSON arena, and the sites
 * kept per connection (a change by this or any other connection shows on the next read). */
#include "t.h"
#include "tdb.h"
#include "base/arena.h"
#include "db/db.h"
#include "model/model.h"

#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static json_t *node(int id, int parent)
{
	return parent ? json_pack("{sisi}", "id", id, "parent_id", parent) : json_pack("{sisn}", "id", id, "parent_id");
}

TEST(tree_order_is_depth_first_in_sibling_order)
{
	/* children listed before their parents, a row whose parent is missing, a two-row loop */
	json_t *rows = json_array();
	json_array_append_new(rows, node(5, 2));
	json_array_append_new(rows, node(2, 0));
	json_array_append_new(rows, node(9, 0));
	json_array_append_new(rows, node(3, 2));
	json_array_append_new(rows, node(7, 5));
	json_array_append_new(rows, node(8, 99)); /* parent missing: cannot be placed */
	json_array_append_new(rows, node(10, 11)); /* a loop, unreachable from any root */
	json_array_append_new(rows, node(11, 10));
	json_t *out = tree_order(rows);
	const int want_id[] = { 2, 5, 7, 3, 9 }, want_depth[] = { 0, 1, 2, 1, 0 };
	CHECK(json_array_size(out) == 5);
	for (size_t i = 0; i < 5 && i < json_array_size(out); i++) {
		json_t *r = json_array_get(out, i);
		CHECK(json_integer_value(json_object_get(r, "id")) == want_id[i]);
		CHECK(json_integer_value(json_object_get(r, "depth")) == want_depth[i]);
	}
	json_decref(out);
	out = tree_order(json_array());
	CHECK(json_array_size(out) == 0);
	json_decref(out);
}

/* What db_open takes to open the last fresh database again (a second connection): its SQLite
 * file's path, or its PostgreSQL URL. */
static char readpath_spec[512];

static struct db *readpath_db(void)
{
	return t_fresh_db_spec(readpath_spec, sizeof(readpath_spec));
}

/* Cards as {id, list, pos, site_slug} (an article_card_fn collecting into a JSON array). */
static void collect(const struct article_card *c, void *arg)
{
	json_array_append_new(arg, json_pack("{sIsIsIss?}", "id", (json_int_t)c->id, "list", (json_int_t)c->list,
					     "pos", (json_int_t)c->pos, "site_slug", c->site_slug));
}

/* A category page of SITE's category CAT, its subcategories included, as the page asks. */
static json_t *in_category(struct db *db, int64_t site, int64_t cat, int64_t limit, int64_t offset, int64_t *total)
{
	json_t *cats = category_list(db, site), *out = json_array();
	article_in_category(db, cats, cat, limit, offset, total, collect, out);
	json_decref(cats);
	return out;
}

static int64_t publish(struct db *db, int64_t site, int64_t cat, const char *title, int64_t at, int featured)
{
	struct article_input in = { 0 };
	struct errs e = { 0 };
	int64_t id = 0;
	char sql[160];
	in.title = title;
	in.body = "Nội dung.";
	in.category_id = cat;
	in.featured = featured;
	if (article_save(db, &actor_cli, site, 0, &in, &e, &id) != M_OK ||
	    article_act(db, &actor_cli, site, id, "submit", NULL, &e) != M_OK ||
	    article_act(db, &actor_cli, site, id, "edited", NULL, &e) != M_OK ||
	    article_act(db, &actor_cli, site, id, "publish", NULL, &e) != M_OK)
		return 0;
	snprintf(sql, sizeof(sql), "UPDATE items SET published_at = %lld WHERE id = %lld", (long long)at, (long long)id);
	return db_exec(db, sql) ? 0 : id;
}

TEST(category_pages_merge_subcategories_newest_first)
{
	struct db *db = readpath_db();
	struct errs e = { 0 };
	struct site_input si = { 0 };
	int64_t site = 0, other = 0, top, a, b, empty, cat_other, total = -1;
	if (!CHECK(db != NULL))
		return;
	si.name = "Sở Nội vụ";
	CHECK(site_add(db, &si, &e, &site, NULL) == M_OK);
	si.name = "Sở Y tế";
	CHECK(site_add(db, &si, &e, &other, NULL) == M_OK);
	struct category_input ci = { "Tin tức", NULL, "", 0, 1, NULL };
	CHECK(category_save(db, &actor_cli, site, 0, &ci, &e, &top) == M_OK);
	struct category_input ca = { "Cải cách hành chính", NULL, "", top, 1, NULL };
	CHECK(category_save(db, &actor_cli, site, 0, &ca, &e, &a) == M_OK);
	struct category_input cb = { "Chuyển đổi số", NULL, "", a, 2, NULL }; /* a grandchild */
	CHECK(category_save(db, &actor_cli, site, 0, &cb, &e, &b) == M_OK);
	struct category_input ce = { "Thông báo", NULL, "", 0, 2, NULL };
	CHECK(category_save(db, &actor_cli, site, 0, &ce, &e, &empty) == M_OK);
	struct category_input co = { "Tin tức", NULL, "", 0, 1, NULL };
	CHECK(category_save(db, &actor_cli, other, 0, &co, &e, &cat_other) == M_OK);

	/* 9 articles spread over three levels, dates interleaved; one on another site */
	int64_t ids[9];
	const int64_t cats[9] = { top, a, b, b, top, a, b, top, a };
	char title[32];
	for (int i = 0; i < 9; i++) {
		snprintf(title, sizeof(title), "Bài số %d", i);
		ids[i] = publish(db, site, cats[i], title, 1700000000 + i * 3600, i == 4);
		CHECK(ids[i] > 0);
	}
	CHECK(publish(db, other, cat_other, "Bài của Sở Y tế", 1800000000, 1) > 0);

	/* the top category: all nine, newest first, in pages of 4 */
	json_t *rows = in_category(db, site, top, 4, 0, &total);
	CHECK(total == 9);
	CHECK(json_array_size(rows) == 4);
	for (size_t i = 0; i < json_array_size(rows); i++)
		CHECK(json_integer_value(json_object_get(json_array_get(rows, i), "id")) == ids[8 - i]);
	json_decref(rows);
	rows = in_category(db, site, top, 4, 8, &total);
	CHECK(json_array_size(rows) == 1 && json_integer_value(json_object_get(json_array_get(rows, 0), "id")) == ids[0]);
	json_decref(rows);
	/* a middle category: itself and its child (6 of them), a leaf alone (3) */
	rows = in_category(db, site, a, 10, 0, &total);
	CHECK(total == 6 && json_array_size(rows) == 6);
	CHECK(json_integer_value(json_object_get(json_array_get(rows, 0), "id")) == ids[8]);
	CHECK(json_integer_value(json_object_get(json_array_get(rows, 5), "id")) == ids[1]);
	json_decref(rows);
	rows = in_category(db, site, b, 2, 1, &total);
	CHECK(total == 3 && json_array_size(rows) == 2);
	CHECK(json_integer_value(json_object_get(json_array_get(rows, 0), "id")) == ids[3]);
	json_decref(rows);
	/* empty, beyond the end, another site's category asked through this site */
	rows = in_category(db, site, empty, 10, 0, &total);
	CHECK(total == 0 && json_array_size(rows) == 0);
	json_decref(rows);
	rows = in_category(db, site, top, 10, 50, NULL);
	CHECK(json_array_size(rows) == 0);
	json_decref(rows);
	rows = in_category(db, site, cat_other, 10, 0, &total);
	CHECK(total == 0 && json_array_size(rows) == 0);
	json_decref(rows);

	/* home lists: the newest 8 (list 0), then the newest 4 of each top-level category's
	 * subtree (list 1, 2 ...); an empty category gives none */
	json_t *list = category_list(db, site);
	rows = json_array();
	CHECK(article_home(db, site, list, 8, 4, collect, rows) == 12);
	size_t per_list[3] = { 0 };
	for (size_t i = 0; i < json_array_size(rows); i++) {
		json_t *c = json_array_get(rows, i);
		json_int_t l = json_integer_value(json_object_get(c, "list")), pos = json_integer_value(json_object_get(c, "pos"));
		CHECK(l == 0 || l == 1);
		CHECK(pos < (l == 0 ? 8 : 4) && json_integer_value(json_object_get(c, "id")) == ids[8 - pos]);
		per_list[l < 3 ? l : 2]++;
	}
	CHECK(per_list[0] == 8 && per_list[1] == 4 && per_list[2] == 0);
	json_decref(rows);
	/* a subtree is the rows below a category in tree order */
	int64_t *sub;
	size_t nsub = category_subtree(list, a, &sub);
	CHECK(nsub == 2 && sub[0] == a && sub[1] == b);
	free(sub);
	CHECK(category_subtree(list, cat_other, &sub) == 0 && sub == NULL);
	CHECK(category_in(list, empty) != NULL && category_in(list, cat_other) == NULL);
	json_decref(list);

	/* featured: only the site's own featured item */
	rows = json_array();
	article_featured(db, site, 5, collect, rows);
	CHECK(json_array_size(rows) == 1 && json_integer_value(json_object_get(json_array_get(rows, 0), "id")) == ids[4]);
	json_decref(rows);
	/* a withdrawn item leaves every list */
	struct act_input why = { "Sai thông tin", NULL, 0 };
	CHECK(article_act(db, &actor_cli, site, ids[8], "withdraw", &why, &e) == M_OK);
	rows = in_category(db, site, top, 1, 0, &total);
	CHECK(total == 8 && json_integer_value(json_object_get(json_array_get(rows, 0), "id")) == ids[7]);
	json_decref(rows);

	/* the counts the triggers keep (0011) match a count after every kind of write: publish,
	 * withdraw (above), a move between categories, a draft, a deletion, a plain INSERT */
	CHECK(db_exec(db, "UPDATE items SET category_id = (SELECT id FROM categories WHERE slug = 'thong-bao')"
			  " WHERE title = 'Bài số 2'") == 0);
	struct article_input in = { 0 };
	int64_t draft = 0;
	in.title = "Bản nháp";
	in.body = "Chưa xuất bản.";
	in.category_id = empty;
	CHECK(article_save(db, &actor_cli, site, 0, &in, &e, &draft) == M_OK);
	for (int i = 0; i < 2; i++)
		CHECK(db_exec(db, "INSERT INTO items (site_id, category_id, state, title, slug, published_at, created_at,"
				  " updated_at) SELECT site_id, id, 'published', 'Chép thẳng', 'chep-thang', 1, 1, 1"
				  " FROM categories WHERE slug = 'thong-bao'") == 0);
	CHECK(db_exec(db, "DELETE FROM items WHERE id = (SELECT max(id) FROM items)") == 0);
	struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM categories c WHERE published_count <>"
				       " (SELECT count(*) FROM items a WHERE a.category_id = c.id AND a.state = 'published')");
	CHECK(st && db_step(st) == DB_ROW && db_col_int(st, 0) == 0);
	if (st)
		db_reset(st);
	rows = in_category(db, site, empty, 10, 0, &total);
	CHECK(total == 2 && json_array_size(rows) == 2);
	json_decref(rows);
	db_close(db);
}

/* The arena replaces jansson's allocator for the whole process, so it is tried in a child. */
static int arena_child(void)
{
	arena_json_install();
	json_t *heap = json_pack("{ss}", "kept", "từ heap");
	struct arena *a = arena_new();
	struct arena *prev = arena_enter(a);
	json_t *page = json_array();
	for (int i = 0; i < 5000; i++)
		json_array_append_new(page, json_pack("{sisssO}", "i", i, "title", "Tiêu đề bài viết", "heap", heap));
	char big[40000];
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	json_array_append_new(page, json_string(big)); /* bigger than a block's quarter */
	char *dump = json_dumps(json_array_get(page, 3), JSON_COMPACT);
	int ok = dump && strstr(dump, "\"i\":3") != NULL && arena_used(a) > 5000 * 64;
	json_free_str(dump);
	json_decref(page); /* frees are no-ops inside, the heap value's count goes back down */
	arena_leave(prev);
	arena_free(a);
	ok = ok && heap->refcount == 1;
	char *s = json_dumps(heap, JSON_COMPACT); /* made outside any arena: malloc'd */
	ok = ok && s && strcmp(s, "{\"kept\":\"từ heap\"}") == 0;
	json_free_str(s);
	json_decref(heap);
	return ok ? 0 : 1;
}

TEST(json_arena_mixes_with_the_heap)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(arena_child());
	int status = 0;
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static const char *name_of(json_t *site)
{
	return site ? json_string_value(json_object_get(site, "name")) : "(none)";
}

/* Looks HOST up and returns the site's name (a static copy: the site is released). */
static const char *host_name(struct db *db, const char *host)
{
	static char buf[128];
	json_t *s = site_find_by_host(db, host, "example.gov.vn");
	snprintf(buf, sizeof(buf), "%s", name_of(s));
	json_decref(s);
	return buf;
}

TEST(sites_kept_per_connection_follow_every_change)
{
	struct db *db = readpath_db(), *other = NULL;
	struct errs e = { 0 };
	struct site_input si = { 0 };
	int64_t main_id = 0, district = 0, commune = 0;
	char err[256];
	if (!CHECK(db != NULL))
		return;
	si.name = "Cổng chính";
	si.kind = "main";
	si.slug = "main";
	CHECK(site_add(db, &si, &e, &main_id, NULL) == M_OK);
	si.kind = NULL;
	si.slug = NULL;
	si.name = "Huyện Long Hồ";
	CHECK(site_add(db, &si, &e, &district, NULL) == M_OK);
	si.name = "Xã Châu Thành";
	si.parent_slug = "longho";
	CHECK(site_add(db, &si, &e, &commune, NULL) == M_OK);
	si.parent_slug = NULL;

	/* the Host rules, answered from the kept table */
	CHECK_STR(host_name(db, "example.gov.vn"), "Cổng chính");
	CHECK_STR(host_name(db, "WWW.example.gov.vn:8080"), "Cổng chính");
	CHECK_STR(host_name(db, "longho.example.gov.vn"), "Huyện Long Hồ");
	CHECK_STR(host_name(db, "chauthanh.longho.example.gov.vn."), "Xã Châu Thành");
	CHECK_STR(host_name(db, "chauthanh.example.gov.vn"), "Xã Châu Thành");
	CHECK_STR(host_name(db, "chauthanh.snv.example.gov.vn"), "(none)");
	CHECK_STR(host_name(db, "main.example.gov.vn"), "(none)");
	CHECK_STR(host_name(db, "longho.main.example.gov.vn"), "(none)");
	CHECK_STR(host_name(db, "khac.example.gov.vn"), "(none)");
	json_t *dir = site_directory(db, 0);
	CHECK(json_array_size(dir) == 3);
	json_decref(dir);
	dir = site_directory(db, district);
	CHECK(json_array_size(dir) == 1 && strcmp(name_of(json_array_get(dir, 0)), "Xã Châu Thành") == 0);
	json_decref(dir);

	/* a change through this connection shows on the next read */
	si.name = "Huyện Long Hồ (mới)";
	CHECK(site_update(db, district, &si, &e) == M_OK);
	CHECK_STR(host_name(db, "longho.example.gov.vn"), "Huyện Long Hồ (mới)");
	CHECK(site_add_domain(db, district, "longho.vn", &e) == M_OK);
	CHECK_STR(host_name(db, "longho.vn"), "Huyện Long Hồ (mới)");

	/* what was read inside a transaction that is then rolled back is not kept */
	CHECK(db_begin(db) == 0);
	CHECK(db_exec(db, "INSERT INTO sites (slug, kind, name, created_at) VALUES ('tam', 'department', 'Tạm', 0)") == 0);
	CHECK_STR(host_name(db, "tam.example.gov.vn"), "Tạm");
	db_rollback(db);
	CHECK_STR(host_name(db, "tam.example.gov.vn"), "(none)");

	/* another connection (another thread or process): seen after its commit, but not inside
	 * a read snapshot that began before it */
	other = db_open(readpath_spec, err, sizeof(err));
	if (!CHECK(other != NULL))
		goto out;
	CHECK(db_read_begin(db) == 0);
	CHECK_STR(host_name(db, "longho.example.gov.vn"), "Huyện Long Hồ (mới)");
	si.name = "Huyện Long Hồ (lần hai)";
	CHECK(site_update(other, district, &si, &e) == M_OK);
	CHECK_STR(host_name(db, "longho.example.gov.vn"), "Huyện Long Hồ (mới)");
	db_read_end(db);
	CHECK_STR(host_name(db, "longho.example.gov.vn"), "Huyện Long Hồ (lần hai)");
	si.name = "Sở Nội vụ";
	int64_t snv = 0;
	CHECK(site_add(other, &si, &e, &snv, NULL) == M_OK);
	CHECK(db_read_begin(db) == 0);
	CHECK_STR(host_name(db, "snv.example.gov.vn"), "Sở Nội vụ");
	dir = site_directory(db, 0);
	CHECK(json_array_size(dir) == 4);
	json_decref(dir);
	json_t *m = site_main(db);
	CHECK(json_integer_value(json_object_get(m, "id")) == main_id);
	json_decref(m);
	db_read_end(db);
out:
	db_close(other);
	db_close(db);
}

TEST(component_news_are_the_newest_published_of_the_shares)
{
	struct db *db = readpath_db();
	struct errs e = { 0 };
	struct site_input si = { 0 };
	int64_t main_id = 0, snv = 0, cat = 0, ids[24];
	if (!CHECK(db != NULL))
		return;
	si.name = "Cổng chính";
	si.kind = "main";
	si.slug = "main";
	CHECK(site_add(db, &si, &e, &main_id, NULL) == M_OK);
	si.kind = NULL;
	si.slug = NULL;
	si.name = "Sở Nội vụ";
	CHECK(site_add(db, &si, &e, &snv, NULL) == M_OK);
	struct category_input ci = { "Tin tức", NULL, "", 0, 1, NULL };
	CHECK(category_save(db, &actor_cli, snv, 0, &ci, &e, &cat) == M_OK);
	/* acceptances come in another order than publication: each a while after its article
	 * (1 to 40 hours, shuffled), as the main board reads the proposals when it can */
	char title[32], sql[200];
	for (int i = 0; i < 24; i++) {
		snprintf(title, sizeof(title), "Tin chia sẻ %d", i);
		ids[i] = publish(db, snv, cat, title, 1700000000 + i * 3600, 0);
		CHECK(ids[i] > 0 && share_propose(db, &actor_cli, snv, ids[i], &e) == M_OK);
		snprintf(sql, sizeof(sql), "UPDATE shares SET state = 'accepted', decided_at = %lld WHERE article_id = %lld",
			 (long long)(1700000000 + i * 3600 + ((i * 7) % 40 + 1) * 3600), (long long)ids[i]);
		CHECK(db_exec(db, sql) == 0);
	}
	/* one withdrawn after acceptance, one still proposed: neither shows */
	struct act_input why = { "Sai thông tin", NULL, 0 };
	CHECK(article_act(db, &actor_cli, snv, ids[23], "withdraw", &why, &e) == M_OK);
	snprintf(sql, sizeof(sql), "UPDATE shares SET state = 'proposed' WHERE article_id = %lld", (long long)ids[21]);
	CHECK(db_exec(db, sql) == 0);
	json_t *rows = json_array();
	CHECK(article_from_components(db, main_id, 5, collect, rows) == 5);
	const int want[] = { 22, 20, 19, 18, 17 };
	for (size_t i = 0; i < 5 && i < json_array_size(rows); i++) {
		json_t *c = json_array_get(rows, i);
		CHECK(json_integer_value(json_object_get(c, "id")) == ids[want[i]]);
		CHECK(json_integer_value(json_object_get(c, "pos")) == (json_int_t)i);
		CHECK_STR(json_string_value(json_object_get(c, "site_slug")), "snv");
	}
	json_decref(rows);
	db_close(db);
}

/* The home page walks a site's newest articles; a section whose categories are quiet (none in
 * the walk) is asked for directly, and ties in time go by id as everywhere. */
TEST(home_lists_walk_then_ask_quiet_sections)
{
	struct db *db = readpath_db();
	struct errs e = { 0 };
	struct site_input si = { 0 };
	int64_t site = 0, busy = 0, quiet = 0, quiet_sub = 0;
	char sql[400];
	if (!CHECK(db != NULL))
		return;
	si.name = "Sở Nội vụ";
	CHECK(site_add(db, &si, &e, &site, NULL) == M_OK);
	struct category_input cb = { "Tin tức", NULL, "", 0, 1, NULL }, cq = { "Lưu trữ", NULL, "", 0, 2, NULL };
	CHECK(category_save(db, &actor_cli, site, 0, &cb, &e, &busy) == M_OK);
	CHECK(category_save(db, &actor_cli, site, 0, &cq, &e, &quiet) == M_OK);
	struct category_input cs = { "Lưu trữ cũ", NULL, "", quiet, 1, NULL };
	CHECK(category_save(db, &actor_cli, site, 0, &cs, &e, &quiet_sub) == M_OK);
	/* 3 old items of the quiet section (one in its subcategory, two at the same second), then
	 * 450 newer ones elsewhere: more than the walk goes */
	snprintf(sql, sizeof(sql),
		 "INSERT INTO items (site_id, category_id, state, title, slug, published_at, created_at, updated_at)"
		 " VALUES (%lld, %lld, 'published', 'Cũ 1', 'cu-1', 1000, 1, 1), (%lld, %lld, 'published', 'Cũ 2', 'cu-2', 2000, 1, 1),"
		 " (%lld, %lld, 'published', 'Cũ 3', 'cu-3', 2000, 1, 1)",
		 (long long)site, (long long)quiet, (long long)site, (long long)quiet_sub, (long long)site, (long long)quiet);
	CHECK(db_exec(db, sql) == 0);
	snprintf(sql, sizeof(sql),
		 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 450)"
		 " INSERT INTO items (site_id, category_id, state, title, slug, published_at, created_at, updated_at)"
		 " SELECT %lld, %lld, 'published', 'Mới ' || i, 'moi-' || i, 100000 + i / 2, 1, 1 FROM n",
		 (long long)site, (long long)busy);
	CHECK(db_exec(db, sql) == 0);
	json_t *list = category_list(db, site), *rows = json_array();
	CHECK(article_home(db, site, list, 8, 4, collect, rows) == 8 + 4 + 3);
	/* expected: newest first by (published_at, id); the busy ones pair up on each second */
	struct db_stmt *st = db_stmt(db, "SELECT id FROM items WHERE category_id = ? OR category_id = ?"
				       " ORDER BY published_at DESC, id DESC LIMIT 8");
	int64_t want_busy[8] = { 0 }, want_quiet[3] = { 0 };
	db_bind_int(st, 1, busy);
	db_bind_int(st, 2, busy);
	for (int i = 0; i < 8 && db_step(st) == DB_ROW; i++)
		want_busy[i] = db_col_int(st, 0);
	db_reset(st);
	st = db_stmt(db, "SELECT id FROM items WHERE category_id = ? OR category_id = ?"
			 " ORDER BY published_at DESC, id DESC LIMIT 8");
	db_bind_int(st, 1, quiet);
	db_bind_int(st, 2, quiet_sub);
	for (int i = 0; i < 3 && db_step(st) == DB_ROW; i++)
		want_quiet[i] = db_col_int(st, 0);
	db_reset(st);
	int bad = 0;
	for (size_t i = 0; i < json_array_size(rows); i++) {
		json_t *c = json_array_get(rows, i);
		json_int_t l = json_integer_value(json_object_get(c, "list")), pos = json_integer_value(json_object_get(c, "pos"));
		json_int_t id = json_integer_value(json_object_get(c, "id"));
		if (l == 0)
			bad += pos >= 8 || id != want_busy[pos];
		else if (l == 1)
			bad += pos >= 4 || id != want_busy[pos];
		else if (l == 2)
			bad += pos >= 3 || id != want_quiet[pos];
		else
			bad++;
	}
	CHECK(bad == 0);
	CHECK(want_quiet[0] > want_quiet[1]); /* the tie at 2000 goes to the higher id */
	json_decref(rows);
	json_decref(list);
	db_close(db);
}
