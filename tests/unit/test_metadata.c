/* test_metadata.c — the metadata builder (model/metadata.c): Dublin Core from a kind's descriptor
 * with the mandatory elements never empty whatever is missing, several values joined by "; ",
 * schema.org JSON-LD with the kind's properties, times and typed objects, a table's rows as things
 * of their own; the JSON-LD text that no title can break out of (web/public/metadata.c); a bad
 * metadata mapping refused when the descriptors are checked. */
#include "t.h"
#include "model/kind.h"
#include "model/metadata.h"
#include "web/web.h"

#include <stdlib.h>
#include <string.h>

static const struct meta_site site = {
	.name = "Sở Nội vụ", .owner = "", .url = "http://snv.example.gov.vn/", .address = "Số 12 đường Lê Lợi",
	.parent_name = "Ủy ban nhân dân tỉnh", .parent_url = "http://example.gov.vn/",
};

/* The content of element NAME in DC (metadata_dc's), "; "-joined, or NULL when absent. */
static char *dc_get(json_t *dc, const char *name)
{
	json_t *head = metadata_dc_head(dc), *e;
	size_t i;
	char *out = NULL;
	json_array_foreach(head, i, e)
		if (strcmp(json_string_value(json_object_get(e, "name")), name) == 0)
			out = strdup(json_string_value(json_object_get(e, "content")));
	json_decref(head);
	return out;
}

#define CHECK_DC(dc, name, want)                                                                   \
	do {                                                                                       \
		char *got_ = dc_get(dc, name);                                                     \
		CHECK_STR(got_ ? got_ : "(absent)", want);                                         \
		free(got_);                                                                        \
	} while (0)

static const char *const mandatory[] = { "DC.title", "DC.creator", "DC.date", "DC.description", "DC.publisher",
					 "DC.identifier" };

TEST(metadata_dc_of_a_legal_document_from_its_descriptor)
{
	json_t *f = json_pack("{sssssssssss[ss]sss[s]}", "so_ky_hieu", "12/2024/QĐ-UBND", "loai", "Quyết định",
			      "co_quan_ban_hanh", "UBND tỉnh", "nguoi_ky", "Nguyễn Văn A", "ngay_ban_hanh", "2024-03-15",
			      "linh_vuc", "Giáo dục", "Tài chính", "pham_vi", "tinh", "can_cu", "01/2020/QĐ-UBND");
	struct meta_item m = { .k = kind_find("legal"), .title = "Quy định học phí", .summary = "Tóm tắt.",
			       .ref = "12/2024/QĐ-UBND", .lang = "vi", .published_at = 1767200000, .fields = f,
			       .url = "http://snv.example.gov.vn/van-ban/x-1" };
	json_t *dc = metadata_dc(&m, &site);
	CHECK_DC(dc, "DC.title", "Quy định học phí");
	CHECK_DC(dc, "DC.creator", "UBND tỉnh");
	CHECK_DC(dc, "DC.contributor", "Nguyễn Văn A");
	CHECK_DC(dc, "DC.subject", "Giáo dục; Tài chính");
	CHECK_DC(dc, "DC.date", "2024-03-15");
	CHECK_DC(dc, "DC.publisher", "Sở Nội vụ"); /* no owner: the site's name */
	CHECK_DC(dc, "DC.identifier", "http://snv.example.gov.vn/van-ban/x-1");
	CHECK_DC(dc, "DC.relation", "01/2020/QĐ-UBND");
	CHECK_DC(dc, "DC.coverage", "Tỉnh");
	CHECK_DC(dc, "DC.type", "Văn bản");
	CHECK_DC(dc, "DC.format", "text/html");
	CHECK_DC(dc, "DC.rights", "Bản quyền thuộc về Sở Nội vụ");
	/* in TT 24/2011's order */
	CHECK_STR(json_string_value(json_object_get(json_array_get(dc, 0), "name")), "DC.title");
	CHECK_STR(json_string_value(json_object_get(json_array_get(dc, json_array_size(dc) - 1), "name")), "DC.rights");
	json_decref(dc);

	json_t *ld = metadata_ld(&m, &site);
	CHECK_STR(json_string_value(json_object_get(ld, "@type")), "Legislation");
	CHECK_STR(json_string_value(json_object_get(ld, "legislationIdentifier")), "12/2024/QĐ-UBND");
	CHECK_STR(json_string_value(json_object_get(json_object_get(ld, "legislationPassedBy"), "@type")),
		  "GovernmentOrganization");
	CHECK_STR(json_string_value(json_object_get(json_object_get(ld, "legislationPassedBy"), "name")), "UBND tỉnh");
	CHECK(json_array_size(json_object_get(ld, "keywords")) == 2);
	CHECK_STR(json_string_value(json_object_get(ld, "datePublished")), "2025-12-31T23:53:20+07:00");
	CHECK_STR(json_string_value(json_object_get(json_object_get(ld, "publisher"), "name")), "Sở Nội vụ");
	json_decref(ld);
	json_decref(f);
}

TEST(metadata_dc_mandatory_elements_never_empty)
{
	/* nothing known but the kind and the address: every mandatory element still has a value */
	const struct kind *k = kind_find("legal");
	struct meta_item m = { .k = k, .published_at = 1767200000, .url = "http://snv.example.gov.vn/van-ban/x-2" };
	json_t *dc = metadata_dc(&m, &site);
	for (size_t i = 0; i < sizeof(mandatory) / sizeof(mandatory[0]); i++) {
		char *v = dc_get(dc, mandatory[i]);
		if (!CHECK(v && *v))
			fprintf(stderr, "  %s empty\n", mandatory[i]);
		free(v);
	}
	CHECK_DC(dc, "DC.title", "Văn bản");
	CHECK_DC(dc, "DC.creator", "Sở Nội vụ");
	CHECK_DC(dc, "DC.description", "Văn bản");
	CHECK_DC(dc, "DC.date", "2025-12-31T23:53:20+07:00");
	CHECK_DC(dc, "DC.subject", "Văn bản");
	CHECK_DC(dc, "DC.relation", "(absent)");
	json_decref(dc);
	/* news: the author writes it; the owner publishes */
	struct meta_site owned = site;
	owned.owner = "Sở Nội vụ tỉnh Thử Nghiệm";
	struct meta_item n = { .k = kind_find("article"), .title = "Tin", .author = "Trần Văn B", .category = "Tin hoạt động",
			       .published_at = 1767200000, .url = "http://snv.example.gov.vn/tin/tin-3" };
	dc = metadata_dc(&n, &owned);
	CHECK_DC(dc, "DC.creator", "Trần Văn B");
	CHECK_DC(dc, "DC.publisher", "Sở Nội vụ tỉnh Thử Nghiệm");
	CHECK_DC(dc, "DC.subject", "Tin hoạt động");
	json_decref(dc);
	/* a page that is not an item's */
	dc = metadata_dc_page("Văn bản - Sở Nội vụ", "", "http://snv.example.gov.vn/van-ban", 1767200000, "vi", &site);
	for (size_t i = 0; i < sizeof(mandatory) / sizeof(mandatory[0]); i++) {
		char *v = dc_get(dc, mandatory[i]);
		CHECK(v && *v);
		free(v);
	}
	CHECK_DC(dc, "DC.description", "Văn bản - Sở Nội vụ");
	json_decref(dc);
}

TEST(metadata_ld_a_weeks_entries_are_events)
{
	json_t *f = json_pack("{sss[{ssssssssss}{ssssss}]}", "tuan", "2026-12-28", "lich", "ngay", "2026-12-28", "gio_bat_dau",
			      "08:00", "gio_ket_thuc", "10:30", "noi_dung", "Họp", "dia_diem", "Phòng 1", "ngay",
			      "2026-12-29", "gio_bat_dau", "", "noi_dung", "Đi cơ sở");
	struct meta_item m = { .k = kind_find("schedule"), .title = "Tuần 53", .published_at = 1767200000, .fields = f,
			       .url = "http://snv.example.gov.vn/lich-cong-tac/tuan-53-4" };
	json_t *ld = metadata_ld(&m, &site);
	CHECK_STR(json_string_value(json_object_get(ld, "@type")), "ItemList");
	json_t *list = json_object_get(ld, "itemListElement");
	CHECK(json_array_size(list) == 2);
	json_t *a = json_array_get(list, 0), *b = json_array_get(list, 1);
	CHECK_STR(json_string_value(json_object_get(a, "@type")), "Event");
	CHECK_STR(json_string_value(json_object_get(a, "startDate")), "2026-12-28T08:00:00+07:00");
	CHECK_STR(json_string_value(json_object_get(a, "endDate")), "2026-12-28T10:30:00+07:00");
	CHECK_STR(json_string_value(json_object_get(json_object_get(a, "location"), "@type")), "Place");
	CHECK_STR(json_string_value(json_object_get(b, "startDate")), "2026-12-29"); /* the day alone */
	CHECK(json_object_get(b, "endDate") == NULL);                                 /* needs its time */
	CHECK(json_object_get(ld, "datePublished") == NULL);                          /* not a creative work */
	json_decref(ld);
	json_decref(f);
}

TEST(metadata_ld_text_cannot_end_its_block)
{
	const char *title = "a </script><!-- <script>x()</script> & \"b\"";
	json_t *ld = json_pack("{ss}", "name", title);
	char *text = web_json_ld_text(ld);
	CHECK(strchr(text, '<') == NULL && strchr(text, '>') == NULL && strchr(text, '&') == NULL);
	json_t *back = json_loads(text, 0, NULL);
	CHECK_STR(json_string_value(json_object_get(back, "name")), title);
	json_decref(back);
	json_decref(ld);
	free(text);
}

TEST(metadata_a_bad_mapping_is_refused)
{
	static const struct kind_field fields[] = {
		{ .key = "ten", .label = "Tên", .type = F_TEXT, .max = 50 },
		{ .key = "ngay", .label = "Ngày", .type = F_DATE },
	};
	static const struct kind_prop unknown_prop[] = { { .prop = "name", .key = "khong_co" } };
	static const struct kind_prop time_on_text[] = { { .prop = "startDate", .key = "ten", .time_key = "ten" } };
	static const struct kind_meta bad[] = {
		{ .date = "ten" },            /* a date that is text */
		{ .creator = "khong_co" },    /* no such field */
		{ .image = "ten" },           /* an image that is no file */
		{ .props = unknown_prop, .nprops = 1 },
		{ .props = time_on_text, .nprops = 1 },
		{ .rows = "ten" },            /* rows without their type and property, and no table */
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct kind k = { .name = "thu", .segment = "thu", .label = "Thử", .label_one = "thử", .fields = fields,
				  .nfields = 2, .meta = &bad[i] };
		char err[256] = "";
		if (!CHECK(kind_check(&k, err, sizeof(err)) == -1 && strstr(err, "metadata")))
			fprintf(stderr, "  case %zu: %s\n", i, err);
	}
	static const struct kind_meta good = { .date = "ngay", .creator = "ten" };
	struct kind k = { .name = "thu", .segment = "thu", .label = "Thử", .label_one = "thử", .fields = fields,
			  .nfields = 2, .meta = &good };
	char err[256] = "";
	CHECK(kind_check(&k, err, sizeof(err)) == 0);
}
