/* demo.c — `cong demo`: a demo province (src/demo/content.c) loaded through the model, exactly
 * as editors would create it: sites, categories, accounts, articles with covers, published. */
#include "cmd.h"
#include "model/deadline.h"
#include "base/util.h"
#include "db/db.h"
#include "demo/content.h"
#include "demo/legal.h"
#include "demo/media.h"
#include "vn/calendar.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static const char demo_usage[] =
	"usage: cong demo --data DIR [--domain BASE]\n"
	"\n"
	"Creates DIR (as cong init does) and fills it with a demo province: the main portal, two\n"
	"departments, a district and a commune, each with categories and 30+ published news articles\n"
	"with cover images, and accounts to sign in with (printed at the end; each one-time password\n"
	"must be changed at first sign-in). Refuses a data folder that already has articles.\n"
	"\n"
	"  --domain BASE   base domain (default localhost: http://localhost:8080/ is the main portal\n"
	"                  and http://snv.localhost:8080/ a department's site)\n";

#define DEMO_PASSWORD "VinhLong@2026-Demo"

static int64_t category_id_of(struct db *db, int64_t site_id, const char *slug)
{
	json_t *cats = category_list(db, site_id);
	size_t i;
	json_t *c;
	int64_t id = 0;
	json_array_foreach(cats, i, c)
		if (strcmp(json_string_value(json_object_get(c, "slug")), slug) == 0)
			id = json_integer_value(json_object_get(c, "id"));
	json_decref(cats);
	return id;
}

/* Vietnam midnight of today, DAYS_AGO days back, plus HOUR:MINUTE. */
static int64_t demo_time(int days_ago, int hour, int minute)
{
	int64_t now = time_now() + 7 * 3600;
	int64_t midnight = now - now % 86400 - 7 * 3600;
	return midnight - (int64_t)days_ago * 86400 + hour * 3600 + minute * 60;
}

static int load_sites(struct db *db)
{
	struct errs e = { 0 };
	for (size_t i = 0; i < demo_nsites; i++) {
		const struct demo_site *d = &demo_sites[i];
		struct site_input in = { d->slug, d->parent_slug, d->kind, d->name, d->name_en, d->short_name,
					 d->owner, d->address, d->phone, d->email, d->fax, d->responsible, d->licence };
		int64_t id;
		if (strcmp(d->kind, "main") == 0) {
			json_t *m = site_main(db);
			id = json_integer_value(json_object_get(m, "id"));
			json_decref(m);
			if (site_update(db, id, &in, &e)) {
				cli_print_errs("demo", &e);
				return -1;
			}
			/* the portal also answers on loopback addresses, as `make run` prints */
			site_add_domain(db, id, "127.0.0.1", &e);
			site_add_domain(db, id, "[::1]", &e);
		} else if (site_add(db, &in, &e, &id, NULL)) {
			cli_print_errs("demo", &e);
			return -1;
		}
	}
	for (size_t i = 0; i < demo_ncategories; i++) {
		const struct demo_category *c = &demo_categories[i];
		json_t *site = site_get_by_slug(db, strcmp(c->site_slug, "main") == 0 ? "main" : c->site_slug);
		int64_t site_id = json_integer_value(json_object_get(site, "id"));
		json_decref(site);
		struct category_input in = { c->name, c->slug, "", 0, c->position, NULL };
		if (c->parent_slug)
			in.parent_id = category_id_of(db, site_id, c->parent_slug);
		int64_t cat_id;
		if (category_save(db, &actor_cli, site_id, 0, &in, &e, &cat_id)) {
			cli_print_errs("demo", &e);
			return -1;
		}
		/* the kind of information of the category's items, for their update deadlines */
		static const struct {
			const char *slug, *kind;
		} kinds[] = { { "chi-dao-dieu-hanh", "van-ban-tinh" }, { "tin-tuc", "tin-su-kien" },
			      { "tin-hoat-dong", "tin-su-kien" }, { "hoat-dong-lanh-dao", "tin-su-kien" },
			      { "cai-cach-hanh-chinh", "pho-bien-phap-luat" }, { "thi-tuyen-sinh", "quy-hoach-du-an" } };
		for (size_t k = 0; k < ARRAY_SIZE(kinds); k++)
			if (strcmp(c->slug, kinds[k].slug) == 0 &&
			    deadline_category_set(db, &actor_cli, site_id, cat_id, kinds[k].kind, NULL, &e)) {
				cli_print_errs("demo", &e);
				return -1;
			}
	}
	return 0;
}

/* Each board's fixed pages (reviewed every 180 days, one overdue for review) and a few items
 * received but not yet published: one overdue, one due today or soon, one with time left. */
static int load_deadlines(struct db *db)
{
	struct errs e = { 0 };
	for (size_t i = 0; i < demo_nsites; i++) {
		json_t *site = site_get_by_slug(db, demo_sites[i].slug);
		int64_t site_id = json_integer_value(json_object_get(site, "id")), cat = 0, id;
		json_decref(site);
		struct category_input ci = { "Giới thiệu", "gioi-thieu", "", 0, 9, NULL };
		if (category_save(db, &actor_cli, site_id, 0, &ci, &e, &cat) ||
		    deadline_category_set(db, &actor_cli, site_id, cat, "", "180", &e))
			goto fail;
		char title[512], body[1024];
		static const struct {
			const char *title;
			int days_ago;
		} fixed[] = { { "Chức năng, nhiệm vụ, quyền hạn của ", 200 }, { "Thông tin liên hệ của ", 30 } };
		for (size_t k = 0; k < ARRAY_SIZE(fixed); k++) {
			struct article_input in = { 0 };
			snprintf(title, sizeof(title), "%s%s", fixed[k].title, demo_sites[i].name);
			snprintf(body, sizeof(body), "%s: địa chỉ %s; điện thoại %s; thư điện tử %s.", demo_sites[i].name,
				 demo_sites[i].address, demo_sites[i].phone, demo_sites[i].email);
			in.title = title;
			in.body = body;
			in.category_id = cat;
			if (article_save(db, &actor_cli, site_id, 0, &in, &e, &id) ||
			    article_publish_cli(db, site_id, id, demo_time(fixed[k].days_ago, 9, 0)))
				goto fail;
		}
		static const struct {
			const char *title, *kind, *unit;
			int days_ago;
		} open[] = {
			{ "Báo cáo kết quả thực hiện nhiệm vụ quý IV", "khac", "Văn phòng UBND tỉnh", 12 },
			{ "Quyết định ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh", "van-ban-tinh", "UBND tỉnh", 2 },
			{ "Kế hoạch thực hiện Chương trình chuyển đổi số năm 2027", "quy-hoach-du-an", "Sở Khoa học và Công nghệ", 1 },
		};
		for (size_t k = 0; k < ARRAY_SIZE(open); k++) {
			struct article_input in = { 0 };
			in.title = open[k].title;
			in.body = "Bản nháp chờ hoàn thiện.";
			in.category_id = category_id_of(db, site_id, "thong-bao");
			in.intake_unit = open[k].unit;
			in.intake_received_at = demo_time(open[k].days_ago, 8, 30);
			in.deadline_kind = open[k].kind;
			if (!in.category_id || article_save(db, &actor_cli, site_id, 0, &in, &e, &id))
				goto fail;
		}
	}
	return 0;
fail:
	cli_print_errs("demo", &e);
	return -1;
}

static int load_articles(struct db *db, const char *data)
{
	size_t n;
	struct demo_article *a = demo_articles_make(&n);
	struct errs e = { 0 };
	json_t *site = NULL;
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		if (!site || strcmp(json_string_value(json_object_get(site, "slug")), a[i].site_slug) != 0) {
			json_decref(site);
			site = site_get_by_slug(db, a[i].site_slug);
		}
		int64_t site_id = json_integer_value(json_object_get(site, "id"));
		size_t len;
		unsigned char *png = demo_cover_png(json_string_value(json_object_get(site, "short_name")), a[i].title,
						    (unsigned)i * 2654435761u, &len);
		int64_t cover = 0, id;
		if (png && media_store(db, data, &actor_cli, site_id, png, len, "anh-bia.png", &e, &cover))
			cover = 0;
		free(png);
		struct article_input in = { 0 };
		in.title = a[i].title;
		in.summary = a[i].summary;
		in.body = a[i].body;
		in.author = a[i].author;
		in.cover_id = cover;
		in.cover_alt = a[i].title;
		in.category_id = category_id_of(db, site_id, a[i].category_slug);
		in.featured = a[i].featured;
		if (i % 2 == 0) {
			/* the intake record: received one to five days before publication */
			in.intake_unit = a[i].src_name ? a[i].src_name : "Văn phòng Ủy ban nhân dân tỉnh";
			in.intake_received_at = demo_time(a[i].days_ago + 1 + (int)(i % 5), 8, 0);
		}
		if (a[i].src_name) {
			in.src_author = a[i].src_author;
			in.src_name = a[i].src_name;
			in.src_url = a[i].src_url;
			if (a[i].src_days_ago >= 0)
				in.src_time = demo_time(a[i].src_days_ago, 7, 30);
		}
		if (article_save(db, &actor_cli, site_id, 0, &in, &e, &id) ||
		    article_publish_cli(db, site_id, id, demo_time(a[i].days_ago, a[i].hour, a[i].minute))) {
			fprintf(stderr, "cong demo: article \"%s\" not saved\n", a[i].title);
			cli_print_errs("demo", &e);
			rc = -1;
		} else if (strcmp(json_string_value(json_object_get(site, "kind")), "main") != 0 && (a[i].featured || i % 3 == 0)) {
			/* the main portal's board accepted the components' featured news (VL Đ14.1) */
			json_t *m = site_main(db);
			json_t *sh = NULL;
			if (share_propose(db, &actor_cli, site_id, id, &e) == M_OK && (sh = share_of(db, id)))
				share_decide(db, &actor_cli, json_integer_value(json_object_get(m, "id")),
					     json_integer_value(json_object_get(sh, "id")), 1, "", &e);
			json_decref(sh);
			json_decref(m);
		}
	}
	json_decref(site);
	printf("%zu articles published\n", n);
	demo_articles_free(a, n);
	return rc;
}

/* Publication time of an item dated DAY ("YYYY-MM-DD"): 09:00 that day in Vietnam, or an hour
 * ago when the day is unknown or to come. */
static int64_t demo_day_time(const char *day)
{
	vn_date d;
	int64_t now = time_now();
	if (!day || vn_date_parse(day, &d))
		return now - 3600;
	int64_t t = vn_time_of_days(vn_date_to_days(d)) + 9 * 3600;
	return t < now ? t : now - 3600;
}

/* One item of KIND on SITE_SLUG, published at WHEN with FIELDS (taken). */
static int demo_item(struct db *db, const char *site_slug, const char *kind, const char *title, const char *body,
		     json_t *fields, int64_t when)
{
	struct errs e = { 0 };
	json_t *site = site_get_by_slug(db, site_slug);
	int64_t site_id = json_integer_value(json_object_get(site, "id")), id;
	json_decref(site);
	struct article_input in = { 0 };
	in.kind = kind;
	in.fields = fields;
	in.title = title;
	in.body = body ? body : "";
	/* no category: the site's own for the kind (article_save) */
	int rc = 0;
	if (!site_id || article_save(db, &actor_cli, site_id, 0, &in, &e, &id) ||
	    article_publish_cli(db, site_id, id, when)) {
		fprintf(stderr, "cong demo: %s \"%s\" not saved\n", kind, title);
		cli_print_errs("demo", &e);
		rc = -1;
	}
	json_decref(fields);
	return rc;
}

/* The legal documents the seed regulations cite, with their relations, and the province's
 * gazette (demo/legal.c). */
static int load_legal(struct db *db)
{
	for (size_t i = 0; i < demo_legal_ndocs; i++) {
		const struct demo_legal *d = &demo_legal_docs[i];
		if (!d->issued)
			continue; /* the seeds name it without its date: only cited (kept by its number) */
		json_t *f = json_object();
#define F(k, v) json_object_set_new(f, k, json_string((v) ? (v) : ""))
		F("so_ky_hieu", d->number);
		F("loai", d->type);
		F("co_quan_ban_hanh", d->issuer);
		F("nguoi_ky", d->signer);
		F("chuc_vu_nguoi_ky", d->signer_title);
		F("ngay_ban_hanh", d->issued);
		F("ngay_hieu_luc", d->effective);
		F("ngay_het_hieu_luc", d->expires);
		F("linh_vuc", d->fields);
		F("pham_vi", d->scope);
		F("can_cu", d->can_cu);
		F("huong_dan", d->huong_dan);
		F("sua_doi", d->sua_doi);
		F("thay_the", d->thay_the);
		F("bai_bo", d->bai_bo);
		F("dinh_chinh", d->dinh_chinh);
		if (demo_item(db, d->site, "legal", d->title, d->body, f, demo_day_time(d->issued)))
			return -1;
	}
	for (size_t i = 0; i < demo_gazette_nissues; i++) {
		const struct demo_gazette *g = &demo_gazette_issues[i];
		json_t *f = json_object();
		F("so", g->number);
		F("ngay", g->date);
		F("van_ban", g->docs);
#undef F
		char title[160];
		snprintf(title, sizeof(title), "Công báo tỉnh Vĩnh Long số %s", g->number);
		if (demo_item(db, "main", "gazette", title, NULL, f, demo_day_time(g->date)))
			return -1;
	}
	printf("legal documents and %zu gazette issues published\n", demo_gazette_nissues);
	return 0;
}

static int load_accounts(struct db *db)
{
	struct errs e = { 0 };
	int64_t id;
	if (user_add(db, "admin", "Quản trị hệ thống", "sysadmin", NULL, DEMO_PASSWORD, &e, &id)) {
		cli_print_errs("demo", &e);
		return -1;
	}
	/* each board: an approver, an editor and a reporter, so the workflow can be walked through */
	static const struct {
		const char *prefix, *role, *who;
	} board[] = {
		{ "bientap", "approver", "Trưởng Ban Biên tập" },
		{ "btv", "editor", "Biên tập viên" },
		{ "phongvien", "reporter", "Phóng viên" },
	};
	for (size_t i = 0; i < demo_nsites; i++) {
		for (size_t k = 0; k < ARRAY_SIZE(board); k++) {
			char user[64], name[256];
			snprintf(user, sizeof(user), "%s.%s", board[k].prefix, demo_sites[i].slug);
			snprintf(name, sizeof(name), "%s %s", board[k].who, demo_sites[i].short_name);
			if (user_add(db, user, name, board[k].role, demo_sites[i].slug, DEMO_PASSWORD, &e, &id)) {
				cli_print_errs("demo", &e);
				return -1;
			}
		}
	}
	return 0;
}

int cmd_demo(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "data", required_argument, NULL, 'd' }, { "domain", required_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' }, { 0 }
	};
	const char *data = NULL, *domain = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': data = optarg; break;
		case 'D': domain = optarg; break;
		case 'h': fputs(demo_usage, stdout); return 0;
		default: fputs(demo_usage, stderr); return 2;
		}
	}
	if (!data) {
		fputs(demo_usage, stderr);
		return 2;
	}
	if (data_init(data, domain, demo_sites[0].name, 0))
		return 1;
	struct db *db = data_open(data);
	if (!db)
		return 1;
	json_t *m = site_main(db);
	int64_t total = 0;
	json_t *rows = article_list_admin(db, &actor_cli, json_integer_value(json_object_get(m, "id")), AF_ALL, NULL, 1, 0, &total);
	json_decref(rows);
	json_decref(m);
	json_t *snv = site_get_by_slug(db, demo_sites[1].slug);
	json_decref(snv);
	if (total || snv) {
		fprintf(stderr, "cong demo: %s already holds a portal; use a new folder\n", data);
		db_close(db);
		return 1;
	}
	int rc = load_sites(db) || load_accounts(db) || load_articles(db, data) || load_legal(db) || load_deadlines(db) ||
		 demo_media_load(db, data);
	char *base = db_setting_get(db, "base_domain");
	db_close(db);
	if (rc) {
		free(base);
		return 1;
	}
	printf("demo province ready in %s (base domain %s)\n", data, base);
	printf("accounts (one-time password %s, to be changed at first sign-in):\n", DEMO_PASSWORD);
	printf("  admin            system administrator, every site\n");
	for (size_t i = 0; i < demo_nsites; i++)
		printf("  bientap.%s (approver), btv.%s (editor), phongvien.%s (reporter) of %s\n", demo_sites[i].slug,
		       demo_sites[i].slug, demo_sites[i].slug, demo_sites[i].name);
	free(base);
	return 0;
}
