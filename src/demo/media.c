/* media.c — the demo province's media and banners (media.h). The photos are drawn (demo/cover.c:
 * a gradient with the words of their caption), so their descriptions say exactly that. The
 * video is YouTube's own sample of its embedded player, marked as a sample: the page loads
 * nothing from YouTube until the reader asks. The banners link to real national portals. */
#include "demo/media.h"
#include "demo/content.h"
#include "model/model.h"
#include "base/util.h"
#include "vn/calendar.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static const struct {
	const char *site, *title, *place, *date, *author, *topics;
	const char *captions[4];
} galleries[] = {
	{ "main", "Lễ hội Ok Om Bok – Đua ghe ngo tỉnh Vĩnh Long năm 2026", "Sông Long Bình, phường Trà Vinh", "2026-11-24",
	  "Trung tâm Văn hóa – Nghệ thuật tỉnh", "Văn hóa; Lễ hội; Đồng bào Khmer",
	  { "Lễ cúng trăng của đồng bào Khmer tại chùa Âng", "Các đội ghe ngo tranh tài trên sông Long Bình",
	    "Thả đèn gió, đèn nước trong đêm hội", NULL } },
	{ "snv", "Hội nghị tổng kết công tác cải cách hành chính năm 2025", "Hội trường Ủy ban nhân dân tỉnh", "2026-01-16",
	  "Văn phòng Sở Nội vụ", "Cải cách hành chính; Hội nghị",
	  { "Quang cảnh hội nghị tổng kết", "Lãnh đạo Sở Nội vụ báo cáo kết quả năm 2025",
	    "Trao bằng khen cho các tập thể có thành tích xuất sắc", "Các đại biểu chụp ảnh lưu niệm" } },
};

static const struct {
	const char *site, *title, *place, *target, *text, *who;
	int start_days, end_days; /* from today */
} banners[] = {
	{ "main", "Cổng Dịch vụ công quốc gia", "dau-trang", "https://dichvucong.gov.vn/",
	  "Nộp hồ sơ, tra cứu kết quả thủ tục hành chính trực tuyến", "Văn phòng Chính phủ", -7, 365 },
	{ "main", "Cơ sở dữ liệu quốc gia về văn bản pháp luật", "cot-ben", "https://vbpl.vn/",
	  "Tra cứu văn bản quy phạm pháp luật của Trung ương và địa phương", "Bộ Tư pháp", -7, 365 },
	{ "main", "Cổng Thông tin điện tử Chính phủ", "chan-trang", "https://chinhphu.vn/",
	  "Thông tin chỉ đạo, điều hành của Chính phủ, Thủ tướng Chính phủ", "Văn phòng Chính phủ", -7, 365 },
	{ "snv", "Cổng Dịch vụ công quốc gia", "dau-trang", "https://dichvucong.gov.vn/",
	  "Thủ tục hành chính lĩnh vực nội vụ trực tuyến toàn trình", "Văn phòng Chính phủ", -7, 365 },
};

static int64_t site_of(struct db *db, const char *slug)
{
	json_t *s = site_get_by_slug(db, slug);
	int64_t id = json_integer_value(json_object_get(s, "id"));
	json_decref(s);
	return id;
}

static const char *short_of(const char *slug)
{
	for (size_t i = 0; i < demo_nsites; i++)
		if (strcmp(demo_sites[i].slug, slug) == 0)
			return demo_sites[i].short_name;
	return "";
}

/* Saves and publishes an item of KIND (FIELDS taken) at WHEN. */
static int publish(struct db *db, int64_t site_id, const char *kind, const char *title, const char *summary,
		   json_t *fields, int64_t when)
{
	struct errs e = { 0 };
	struct article_input in = { 0 };
	int64_t id;
	in.kind = kind;
	in.fields = fields;
	in.title = title;
	in.summary = summary ? summary : "";
	in.body = "";
	int rc = 0;
	if (article_save(db, &actor_cli, site_id, 0, &in, &e, &id) || article_publish_cli(db, site_id, id, when)) {
		fprintf(stderr, "cong demo: %s \"%s\" not saved\n", kind, title);
		for (int i = 0; i < e.n; i++)
			fprintf(stderr, "cong demo:   %s: %s\n", e.e[i].field, e.e[i].key);
		rc = -1;
	}
	json_decref(fields);
	return rc;
}

static char *vn_day(int days)
{
	char buf[11];
	vn_date_format(vn_days_to_date(vn_days_of_time(time_now()) + days), buf);
	return xstrdup(buf);
}

int demo_media_load(struct db *db, const char *data)
{
	size_t nphotos = 0;
	for (size_t g = 0; g < ARRAY_SIZE(galleries); g++) {
		int64_t site_id = site_of(db, galleries[g].site);
		json_t *rows = json_array();
		for (size_t i = 0; i < 4 && galleries[g].captions[i]; i++) {
			const char *cap = galleries[g].captions[i];
			size_t len;
			int64_t mid = 0;
			struct errs e = { 0 };
			unsigned char *png = demo_cover_png(short_of(galleries[g].site), cap, (unsigned)(g * 31 + i) * 2654435761u, &len);
			char name[32], alt[400], id[24];
			snprintf(name, sizeof(name), "anh-%zu-%zu.png", g + 1, i + 1);
			snprintf(alt, sizeof(alt), "Ảnh minh họa có dòng chữ “%s”", cap);
			if (!png || media_store_file(db, data, &actor_cli, site_id, png, len, name, alt, cap, &e, &mid)) {
				free(png);
				json_decref(rows);
				fprintf(stderr, "cong demo: the photo \"%s\" not stored\n", cap);
				return -1;
			}
			free(png);
			snprintf(id, sizeof(id), "%lld", (long long)mid);
			json_array_append_new(rows, json_pack("{ssssss}", "tep_anh", id, "mo_ta", alt, "chu_thich", cap));
			nphotos++;
		}
		json_t *f = json_pack("{sossssssss}", "anh", rows, "ngay", galleries[g].date, "tac_gia", galleries[g].author,
				      "dia_diem", galleries[g].place, "chu_de", galleries[g].topics);
		vn_date d;
		vn_date_parse(galleries[g].date, &d);
		if (publish(db, site_id, "gallery", galleries[g].title, NULL, f, vn_time_of_days(vn_date_to_days(d)) + 17 * 3600))
			return -1;
	}

	json_t *v = json_pack("{ssssssssss}", "loai", "video", "nhung", "https://www.youtube.com/watch?v=M7lc1UVf-VE",
			      "ngay", "2026-11-30", "nguon", "YouTube (video mẫu)",
			      "ban_ghi", "Đây là video mẫu của YouTube giới thiệu trình phát nhúng, dùng để minh họa cách "
					 "Cổng nhúng video từ trang khác: trang không tải gì từ YouTube cho đến khi người đọc "
					 "chọn “Xem video tại đây”. Lời thoại bằng tiếng Anh, giới thiệu các tùy chọn của trình "
					 "phát nhúng.");
	if (publish(db, site_of(db, "main"), "video", "Video mẫu: cách Cổng nhúng video từ YouTube",
		    "Minh họa video nhúng từ trang khác, chỉ tải khi người đọc chọn xem.", v, time_now() - 7200))
		return -1;

	for (size_t b = 0; b < ARRAY_SIZE(banners); b++) {
		char *d0 = vn_day(banners[b].start_days), *d1 = vn_day(banners[b].end_days);
		json_t *f = json_pack("{ssssssssssssssss}", "vi_tri", banners[b].place, "lien_ket", banners[b].target,
				      "chu_quang_cao", banners[b].text, "don_vi", banners[b].who, "bat_dau", d0, "gio_bat_dau",
				      "00:00", "ket_thuc", d1, "gio_ket_thuc", "23:59");
		free(d0);
		free(d1);
		if (publish(db, site_of(db, banners[b].site), "banner", banners[b].title, NULL, f, time_now() - 3600))
			return -1;
	}
	printf("%zu galleries (%zu photos), 1 video and %zu banners published\n", ARRAY_SIZE(galleries), nphotos,
	       ARRAY_SIZE(banners));
	return 0;
}
