/* demo.c — `cong demo`: a demo province (src/demo/content.c) loaded through the model, exactly
 * as editors would create it: sites, categories, accounts, articles with covers, published. */
#include "cmd.h"
#include "model/deadline.h"
#include "model/kind.h"
#include "base/util.h"
#include "db/db.h"
#include "demo/content.h"
#include "demo/legal.h"
#include "demo/procedures.h"
#include "demo/projects.h"
#include "demo/statistics.h"
#include "model/statistics.h"
#include "base/sb.h"
#include "demo/directory.h"
#include "vn/isoweek.h"
#include "demo/nav.h"
#include "demo/media.h"
#include "demo/citizens.h"
#include "demo/consultation.h"
#include "demo/inforeq.h"
#include "demo/polls.h"
#include "demo/translations.h"
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

/* The data folder, for the kinds whose save reads the library's files (statistics tables). */
static const char *demo_data_dir;

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
	in.data_dir = demo_data_dir;
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

#define F(k, v) json_object_set_new(f, k, json_string((v) ? (v) : ""))
/* One legal document of the demo's tables, published. */
static int load_legal_doc(struct db *db, const struct demo_legal *d)
{
	json_t *f = json_object();
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
	return demo_item(db, d->site, "legal", d->title, d->body, f, demo_day_time(d->issued));
}

/* The legal documents the seed regulations cite, with their relations, and the province's
 * gazette (demo/legal.c). */
static int load_legal(struct db *db)
{
	for (size_t i = 0; i < demo_legal_ndocs; i++) {
		const struct demo_legal *d = &demo_legal_docs[i];
		if (!d->issued)
			continue; /* the seeds name it without its date: only cited (kept by its number) */
		if (load_legal_doc(db, d))
			return -1;
	}
	for (size_t i = 0; i < demo_gazette_nissues; i++) {
		const struct demo_gazette *g = &demo_gazette_issues[i];
		json_t *f = json_object();
		F("so", g->number);
		F("ngay", g->date);
		F("van_ban", g->docs);
		char title[160];
		snprintf(title, sizeof(title), "Công báo tỉnh Vĩnh Long số %s", g->number);
		if (demo_item(db, "main", "gazette", title, NULL, f, demo_day_time(g->date)))
			return -1;
	}
	printf("legal documents and %zu gazette issues published\n", demo_gazette_nissues);
	return 0;
}

/* The administrative procedures of the demo province and the documents they rest on
 * (demo/procedures.c), each published ten working days before it takes effect. */
static int load_procedures(struct db *db, const char *data)
{
	for (size_t i = 0; i < demo_procedure_nlegal; i++)
		if (load_legal_doc(db, &demo_procedure_legal[i]))
			return -1;
	for (size_t i = 0; i < demo_nprocedures; i++) {
		const struct demo_procedure *p = &demo_procedures[i];
		json_t *f = json_object();
		F("ma_thu_tuc", p->code);
		F("linh_vuc", p->field);
		F("cap_thuc_hien", p->level);
		F("co_quan_thuc_hien", p->agency);
		F("muc_do_dvc", p->service);
		F("doi_tuong", p->who);
		F("trinh_tu", p->steps);
		F("cach_thuc", p->how);
		F("thoi_han", p->days);
		F("phi_le_phi", p->fees);
		F("ket_qua", p->result);
		F("yeu_cau", p->requirements);
		F("can_cu", p->bases);
		F("ngay_hieu_luc", p->effective);
		json_t *papers = json_array();
		for (size_t j = 0; j < DEMO_PAPERS_MAX && p->papers[j].name; j++) {
			/* "Bản chính: 1", "Bản sao: 1" */
			const char *c = p->papers[j].copies, *n = strchr(c, ':');
			json_t *row = json_pack("{ssssss}", "ten_giay_to", p->papers[j].name, "loai_ban",
						strncmp(c, "Bản sao", strlen("Bản sao")) == 0 ? "ban-sao" : "ban-chinh",
						"so_luong", n ? n + 2 : "1");
			/* a paper "theo mẫu" has its form to download: a PDF in the site's library */
			if (strstr(p->papers[j].name, "(theo mẫu)")) {
				struct errs e = { 0 };
				json_t *site = site_get_by_slug(db, p->site);
				int64_t media = 0;
				size_t len;
				char *pdf = demo_form_pdf(p->code, &len), name[64], title[600];
				snprintf(name, sizeof(name), "mau-%s.pdf", p->code);
				snprintf(title, sizeof(title), "Mẫu: %.*s",
					 (int)(strstr(p->papers[j].name, " (theo mẫu)") - p->papers[j].name), p->papers[j].name);
				int rc = media_store_file(db, data, &actor_cli, json_integer_value(json_object_get(site, "id")), pdf,
							  len, name, NULL, title, &e, &media);
				free(pdf);
				json_decref(site);
				if (rc) {
					cli_print_errs("demo", &e);
					json_decref(row);
					json_decref(papers);
					json_decref(f);
					return -1;
				}
				json_object_set_new(row, "mau_don", json_integer(media));
			}
			json_array_append_new(papers, row);
		}
		json_object_set_new(f, "thanh_phan_ho_so", papers);
		vn_date d;
		int32_t when = 0;
		if (vn_date_parse(p->effective, &d) || vn_calendar_add(NULL, vn_date_to_days(d), -10, &when)) {
			json_decref(f);
			return -1;
		}
		char day[11];
		vn_date_format(vn_days_to_date(when), day);
		if (demo_item(db, p->site, "procedure", p->name, NULL, f, demo_day_time(day)))
			return -1;
	}
	printf("%zu administrative procedures published\n", demo_nprocedures);
	return 0;
}
#undef F
/* The investment projects, their bidding packages and the science tasks (demo/projects.c). */
static int load_projects(struct db *db, const char *data)
{
	for (size_t i = 0; i < demo_project_nitems; i++) {
		const struct demo_kind_item *d = &demo_project_items[i];
		json_t *f = json_object();
		for (const char *const *kv = d->fields; kv[0] && kv[1]; kv += 2) {
			if (strncmp(kv[1], "@pdf:", 5) != 0) {
				json_object_set_new(f, kv[0], json_string(kv[1]));
				continue;
			}
			/* a report: a PDF of the site's library */
			struct errs e = { 0 };
			json_t *site = site_get_by_slug(db, d->site);
			int64_t site_id = json_integer_value(json_object_get(site, "id")), media_id = 0;
			json_decref(site);
			size_t len;
			char *pdf = demo_report_pdf(kv[1] + 5, "So Khoa hoc va Cong nghe tinh Vinh Long", &len);
			const struct kind_field *fd = kind_field(kind_find(d->kind), kv[0]);
			char title[300];
			snprintf(title, sizeof(title), "%s %s", fd ? fd->label : "Báo cáo",
				 json_string_value(json_object_get(f, "ma_so")) ? json_string_value(json_object_get(f, "ma_so")) : "");
			int rc = media_store_file(db, data, &actor_cli, site_id, pdf, len, kv[1] + 5, NULL, title, &e, &media_id);
			free(pdf);
			if (rc) {
				fprintf(stderr, "cong demo: the report %s not stored\n", kv[1] + 5);
				cli_print_errs("demo", &e);
				json_decref(f);
				return -1;
			}
			json_object_set_new(f, kv[0], json_integer(media_id));
		}
		const char *day = json_string_value(json_object_get(f, "ngay_phe_duyet"));
		if (!day)
			day = json_string_value(json_object_get(f, json_object_get(f, "ngay_dang") ? "ngay_dang" : "ngay_bat_dau"));
		if (demo_item(db, d->site, d->kind, d->title, d->body, f, demo_day_time(day)))
			return -1;
	}
	printf("%zu projects, bidding packages and science tasks published\n", demo_project_nitems);
	return 0;
}

/* Statistics datasets with their tables, the list of information published under the Law on
 * Access to Information, and each site's contact point for requests (demo/statistics.c). */
static int load_statistics(struct db *db, const char *data)
{
	struct errs e = { 0 };
	for (size_t i = 0; i < demo_nstats; i++) {
		const struct demo_stat *d = &demo_stats[i];
		json_t *site = site_get_by_slug(db, d->site);
		int64_t site_id = json_integer_value(json_object_get(site, "id")), mid;
		json_decref(site);
		struct sb file = SB_INIT;
		if (demo_stat_file(d, &file) ||
		    media_store_file(db, data, &actor_cli, site_id, file.buf, file.len, d->file_name, NULL, d->title, &e, &mid)) {
			fprintf(stderr, "cong demo: the table of \"%s\" not stored\n", d->title);
			cli_print_errs("demo", &e);
			sb_release(&file);
			return -1;
		}
		sb_release(&file);
		char id[32];
		snprintf(id, sizeof(id), "%lld", (long long)mid);
		json_t *f = json_pack("{ssssssssssssssss}", "linh_vuc", d->linh_vuc, "ky", d->ky, "ngay_ky", d->ngay_ky,
				      "nguon", d->nguon, "phuong_phap", d->phuong_phap, "thoi_gian_thuc_hien", d->thoi_gian,
				      "don_vi_tinh", d->don_vi_tinh, "bang", id);
		if (demo_item(db, d->site, "statistics", d->title, d->body, f, demo_day_time(d->ngay_ky) + 20 * 86400))
			return -1;
	}
	for (size_t i = 0; i < demo_ndisclosures; i++) {
		const struct demo_disclosure *d = &demo_disclosures[i];
		json_t *f = json_pack("{ssssssssssssss}", "so_ky_hieu", d->number, "linh_vuc", d->group, "ngay_tao", d->created,
				      "hinh_thuc", d->form, "thoi_diem", d->published, "thoi_han", d->period, "don_vi", d->unit);
		if (d->link)
			json_object_set_new(f, "lien_ket", json_string(d->link));
		if (demo_item(db, d->site, "disclosure", d->title, d->body, f, demo_day_time(d->published)))
			return -1;
	}
	for (size_t i = 0; i < demo_naccess_points; i++) {
		const struct demo_access *p = &demo_access_points[i];
		json_t *site = site_get_by_slug(db, p->site);
		struct access_info_input in = { 0 };
		in.unit = p->unit;
		in.person = "";
		in.address = json_string_value(json_object_get(site, "address"));
		in.phone = json_string_value(json_object_get(site, "phone"));
		in.email = json_string_value(json_object_get(site, "email"));
		in.hours = p->hours;
		in.request_url = "";
		in.guide = p->guide ? p->guide : "";
		int rc = access_info_save(db, &actor_cli, json_integer_value(json_object_get(site, "id")), &in, &e);
		json_decref(site);
		if (rc) {
			fprintf(stderr, "cong demo: the contact point of %s not saved\n", p->site);
			cli_print_errs("demo", &e);
			return -1;
		}
	}
	printf("%zu statistics datasets, %zu disclosure entries, %zu contact points\n", demo_nstats, demo_ndisclosures,
	       demo_naccess_points);
	return 0;
}

/* The directory (units, officials), the leaders' weeks around this one and the citizen-reception
 * sessions (demo/directory.c). */
static int load_directory(struct db *db)
{
#define F(k, v) json_object_set_new(f, k, json_string((v) ? (v) : ""))
	char buf[32];
	for (size_t i = 0; i < demo_nunits; i++) {
		const struct demo_unit *u = &demo_units[i];
		json_t *f = json_object();
		F("ma", u->code);
		F("cap_tren", u->parent);
		F("chuc_nang", u->functions);
		F("dia_chi", u->address);
		F("dien_thoai", u->phone);
		F("email", u->email);
		F("thu_truong", u->head);
		snprintf(buf, sizeof(buf), "%d", u->order);
		json_object_set_new(f, "thu_tu", json_string(buf));
		if (demo_item(db, u->site, "unit", u->name, NULL, f, time_now() - 86400))
			return -1;
	}
	for (size_t i = 0; i < demo_nofficials; i++) {
		const struct demo_official *o = &demo_officials[i];
		json_t *f = json_object();
		F("chuc_vu", o->title);
		F("don_vi", o->unit);
		F("dien_thoai", o->phone);
		F("di_dong", o->mobile);
		F("cong_khai_di_dong", o->mobile_public ? "co" : "khong");
		F("email", o->email);
		F("phat_ngon", o->spokesperson ? "co" : "khong");
		snprintf(buf, sizeof(buf), "%d", o->order);
		json_object_set_new(f, "thu_tu", json_string(buf));
		if (demo_item(db, o->site, "official", o->name, NULL, f, time_now() - 86400))
			return -1;
	}
	/* one schedule a site and week, its entries from the table */
	int32_t monday = iso_monday_of(vn_days_of_time(time_now()));
	static const char *const sites[] = { "main", "snv" };
	for (size_t s = 0; s < ARRAY_SIZE(sites); s++) {
		for (int w = -1; w <= 1; w++) {
			json_t *rows = json_array();
			for (size_t i = 0; i < demo_nschedule; i++) {
				const struct demo_schedule_entry *e = &demo_schedule[i];
				if (strcmp(e->site, sites[s]) != 0 || e->week != w)
					continue;
				json_t *row = json_object();
				char day[11];
				vn_date_format(vn_days_to_date(monday + 7 * w + e->day), day);
				json_object_set_new(row, "ngay", json_string(day));
				json_object_set_new(row, "gio_bat_dau", json_string(e->from ? e->from : ""));
				json_object_set_new(row, "gio_ket_thuc", json_string(e->to ? e->to : ""));
				json_object_set_new(row, "noi_dung", json_string(e->content));
				json_object_set_new(row, "chu_tri", json_string(e->leader ? e->leader : ""));
				json_object_set_new(row, "dia_diem", json_string(e->place ? e->place : ""));
				json_object_set_new(row, "chuan_bi", json_string(e->unit ? e->unit : ""));
				json_object_set_new(row, "thanh_phan", json_string(e->participants ? e->participants : ""));
				json_array_append_new(rows, row);
			}
			if (!json_array_size(rows)) {
				json_decref(rows);
				continue;
			}
			struct iso_week iw = iso_week_of(monday + 7 * w);
			char title[160], day[11];
			snprintf(title, sizeof(title), "Lịch công tác tuần %d năm %d%s", iw.week, iw.year,
				 strcmp(sites[s], "main") == 0 ? " của lãnh đạo UBND tỉnh" : " của lãnh đạo Sở");
			vn_date_format(vn_days_to_date(monday + 7 * w), day);
			json_t *f = json_object();
			json_object_set_new(f, "tuan", json_string(day));
			json_object_set_new(f, "lich", rows);
			/* published the Friday before its week (the current and next weeks: an hour ago) */
			int64_t when = vn_time_of_days(monday + 7 * w - 3) + 16 * 3600;
			if (when > time_now())
				when = time_now() - 3600;
			if (demo_item(db, sites[s], "schedule", title, NULL, f, when))
				return -1;
		}
	}
	vn_date today = vn_days_to_date(vn_days_of_time(time_now()));
	for (size_t i = 0; i < demo_nreceptions; i++) {
		const struct demo_reception *rc = &demo_receptions[i];
		int m = today.m - 1 + rc->months, y = today.y;
		while (m < 0) {
			m += 12;
			y--;
		}
		while (m > 11) {
			m -= 12;
			y++;
		}
		char day[11], title[160];
		vn_date_format((vn_date){ y, m + 1, rc->day }, day);
		snprintf(title, sizeof(title), "Lịch tiếp công dân định kỳ tháng %d năm %d", m + 1, y);
		json_t *f = json_object();
		json_object_set_new(f, "ngay", json_string(day));
		F("gio", rc->time);
		F("lanh_dao", rc->leader);
		F("dia_diem", rc->place);
		F("ket_qua", rc->result);
		if (demo_item(db, rc->site, "reception", title, NULL, f, time_now() - 3600))
			return -1;
	}
#undef F
	printf("%zu units, %zu officials, schedules and reception sessions published\n", demo_nunits, demo_nofficials);
	return 0;
}

/* The links to other portals and the fixed pages (demo/nav.c). */
static int load_links_pages(struct db *db)
{
	for (size_t i = 0; i < demo_nlinks; i++) {
		const struct demo_link *l = &demo_links[i];
		json_t *f = json_pack("{sssssI}", "dia_chi", l->url, "nhom", l->group, "thu_tu", (json_int_t)l->order);
		if (demo_item(db, l->site, "link", l->title, NULL, f, time_now() - 86400))
			return -1;
	}
	for (size_t i = 0; i < demo_npages; i++) {
		const struct demo_page *p = &demo_pages[i];
		json_t *f = json_pack("{sssI}", "loai", p->type, "thu_tu", (json_int_t)p->order);
		if (demo_item(db, p->site, "page", p->title, p->body, f, time_now() - 86400))
			return -1;
	}
	printf("%zu links and %zu fixed pages published\n", demo_nlinks, demo_npages);
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
	demo_data_dir = data;
	totp_set_key_dir(data); /* DATA/secret.key seals personal data and keys the voter tags (model/pdata.h) */
	int rc = load_sites(db) || load_accounts(db) || load_articles(db, data) || load_legal(db) ||
		 load_procedures(db, data) || load_projects(db, data) || load_directory(db) || load_statistics(db, data) ||
		 load_links_pages(db) || load_deadlines(db) || demo_media_load(db, data) || demo_citizens_load(db, data) ||
		 demo_consultation_load(db, data) || demo_inforeq_load(db) || demo_polls_load(db) ||
		 demo_translations_load(db); /* last: it translates what the others published */
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
