/* kinds.c — the kinds of content Cổng publishes, each declared once (kind.h). The regulations'
 * list (VP Đ4, TQ Đ4, NĐ 42/2022 Đ4; ../docs/product.md §2) grows here, one descriptor each. */
#include "kind.h"
#include "legal.h"
#include "links.h"

#include <stddef.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* News (tin, bài): its fields are the items' own columns (title, summary, body, author, cover,
 * featured, source); nothing of its own. */
static const struct kind kind_article = {
	.name = "article",
	.segment = "tin",
	.label = "Tin bài",
	.label_one = "bài viết",
	.deadline_kind = "tin-su-kien",
	.body_required = 1,
	.has_cover = 1,
};

/* Legal documents (văn bản quy phạm pháp luật, chỉ đạo điều hành: VP Đ4.6, regulations.md
 * §Content). The keys are the columns of the import CSV (docs/legal.md). */
static const struct kind_choice legal_types[] = {
	{ "Hiến pháp", "Hiến pháp" }, { "Bộ luật", "Bộ luật" }, { "Luật", "Luật" },
	{ "Pháp lệnh", "Pháp lệnh" }, { "Lệnh", "Lệnh" }, { "Nghị quyết", "Nghị quyết" },
	{ "Nghị quyết liên tịch", "Nghị quyết liên tịch" }, { "Nghị định", "Nghị định" },
	{ "Quyết định", "Quyết định" }, { "Thông tư", "Thông tư" }, { "Thông tư liên tịch", "Thông tư liên tịch" },
	{ "Chỉ thị", "Chỉ thị" }, { "Công văn", "Công văn" }, { "Kế hoạch", "Kế hoạch" },
	{ "Thông báo", "Thông báo" }, { "Hướng dẫn", "Hướng dẫn" }, { "Báo cáo", "Báo cáo" },
	{ "Chương trình", "Chương trình" }, { "Đề án", "Đề án" }, { "Văn bản khác", "Văn bản khác" },
	{ NULL, NULL },
};
static const struct kind_choice legal_scopes[] = {
	{ "trung-uong", "Trung ương" },
	{ "tinh", "Tỉnh" },
	{ "don-vi", "Đơn vị" },
	{ NULL, NULL },
};

#define REL(k, l) { .key = k, .label = l, .type = F_REF, .max = 50, .flags = FF_FEED, .ref_kind = "legal", \
			   .help = "Số ký hiệu, cách nhau bằng dấu chấm phẩy (;)" }
static const struct kind_field legal_fields[] = {
	{ .key = "so_ky_hieu", .label = "Số ký hiệu", .type = F_TEXT, .max = 60,
	  .flags = FF_REQUIRED | FF_IDENT | FF_SEARCH | FF_LIST | FF_FEED,
	  .help = "Như trên văn bản, ví dụ 12/2024/QĐ-UBND" },
	{ .key = "loai", .label = "Loại văn bản", .type = F_ENUM,
	  .flags = FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED | FF_OPEN, .choices = legal_types },
	{ .key = "co_quan_ban_hanh", .label = "Cơ quan ban hành", .type = F_TEXT, .max = 200,
	  .flags = FF_REQUIRED | FF_FILTER | FF_SEARCH | FF_LIST | FF_FEED },
	{ .key = "nguoi_ky", .label = "Người ký", .type = F_TEXT, .max = 100, .flags = FF_SEARCH | FF_FEED },
	{ .key = "chuc_vu_nguoi_ky", .label = "Chức vụ người ký", .type = F_TEXT, .max = 100, .flags = FF_FEED,
	  .help = "Ví dụ: Chủ tịch, Phó Chủ tịch" },
	{ .key = "ngay_ban_hanh", .label = "Ngày ban hành", .type = F_DATE,
	  .flags = FF_REQUIRED | FF_SORT | FF_LIST | FF_FEED },
	{ .key = "ngay_hieu_luc", .label = "Ngày có hiệu lực", .type = F_DATE, .flags = FF_LIST | FF_FEED,
	  .help = "Để trống nếu có hiệu lực từ ngày ban hành" },
	{ .key = "ngay_het_hieu_luc", .label = "Ngày hết hiệu lực", .type = F_DATE, .flags = FF_FEED },
	{ .key = "linh_vuc", .label = "Lĩnh vực", .type = F_TAGS, .max = 10, .flags = FF_FILTER | FF_SEARCH | FF_FEED,
	  .help = "Cách nhau bằng dấu chấm phẩy (;)" },
	{ .key = "pham_vi", .label = "Phạm vi", .type = F_ENUM,
	  .flags = FF_REQUIRED | FF_FILTER | FF_FEED, .choices = legal_scopes },
	REL("can_cu", "Căn cứ"),
	REL("huong_dan", "Hướng dẫn văn bản"),
	REL("sua_doi", "Sửa đổi, bổ sung văn bản"),
	REL("thay_the", "Thay thế văn bản"),
	REL("bai_bo", "Bãi bỏ văn bản"),
	REL("dinh_chinh", "Đính chính văn bản"),
};
#undef REL

static const struct kind kind_legal = {
	.name = "legal",
	.segment = "van-ban",
	.label = "Văn bản",
	.label_one = "văn bản",
	.title_label = "Trích yếu",
	.deadline_kind = "van-ban-tinh",
	.fields = legal_fields,
	.nfields = N(legal_fields),
	.check = legal_check,
	.slug = legal_slug,
	.ident_key = legal_ident_key,
	.derive = legal_derive,
	.list_term = "hieu_luc",
};

/* The official gazette (Công báo, VP Đ4.7): issues with their documents and the PDF. */
static const struct kind_field gazette_fields[] = {
	{ .key = "so", .label = "Số công báo", .type = F_TEXT, .max = 30,
	  .flags = FF_REQUIRED | FF_IDENT | FF_LIST | FF_FEED | FF_SEARCH,
	  .help = "Ví dụ: 15+16" },
	{ .key = "ngay", .label = "Ngày phát hành", .type = F_DATE,
	  .flags = FF_REQUIRED | FF_SORT | FF_LIST | FF_FEED },
	{ .key = "van_ban", .label = "Văn bản trong số", .type = F_REF, .max = 200,
	  .flags = FF_FEED | FF_COUNT, .ref_kind = "legal",
	  .help = "Số ký hiệu các văn bản đăng trong số này, cách nhau bằng dấu chấm phẩy (;)" },
	{ .key = "ban_dien_tu", .label = "Tệp công báo (PDF)", .type = F_FILE, .flags = FF_FEED, .accept = "application/pdf",
	  .help = "Bản điện tử của số công báo" },
};

static const struct kind kind_gazette = {
	.name = "gazette",
	.segment = "cong-bao",
	.label = "Công báo",
	.label_one = "số công báo",
	.deadline_kind = "van-ban-tinh",
	.fields = gazette_fields,
	.nfields = N(gazette_fields),
};

/* ---- links and fixed pages (docs/links.md) ---- */

/* Links to other portals (the site's link lists: footer and /lien-ket), checked daily for dead
 * links (model/links.c, jobs/links_job.c). The title is the link's name. */
static const struct kind_choice link_groups[] = {
	{ "chinh-phu", "Cổng thông tin Chính phủ, Quốc hội" },
	{ "bo-nganh", "Bộ, ngành Trung ương" },
	{ "tinh-thanh", "Tỉnh, thành phố" },
	{ "so-nganh", "Các sở, ngành" },
	{ "huyen", "Huyện, thị xã, thành phố" },
	{ "xa", "Xã, phường, thị trấn" },
	{ "dich-vu", "Dịch vụ công, tiện ích" },
	{ "khac", "Liên kết khác" },
	{ NULL, NULL },
};
static const struct kind_field link_fields[] = {
	{ .key = "dia_chi", .label = "Địa chỉ trang (URL)", .type = F_URL, .max = 500,
	  .flags = FF_REQUIRED | FF_LIST | FF_FEED, .help = "Bắt đầu bằng https:// hoặc http://, ví dụ https://chinhphu.vn" },
	{ .key = "nhom", .label = "Nhóm liên kết", .type = F_ENUM,
	  .flags = FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED | FF_OPEN, .choices = link_groups,
	  .help = "Trang Liên kết xếp các liên kết theo nhóm" },
	{ .key = "thu_tu", .label = "Thứ tự trong nhóm", .type = F_INT, .flags = FF_FEED,
	  .help = "Số nhỏ đứng trước; để trống: xếp sau cùng" },
};

static const struct kind kind_link = {
	.name = "link",
	.segment = "lien-ket",
	.label = "Liên kết",
	.label_one = "liên kết",
	.title_label = "Tên trang liên kết",
	.deadline_kind = "khac",
	.fields = link_fields,
	.nfields = N(link_fields),
	.tpl_list = "public/links",
	.check = link_fields_check,
};

/* Fixed pages (trang giới thiệu): the introduction, functions and tasks, history… each also at
 * its own address (/gioi-thieu, /chuc-nang-nhiem-vu, /lich-su: web/public/pages.c). */
static const struct kind_choice page_types[] = {
	{ "gioi-thieu", "Giới thiệu chung" },
	{ "chuc-nang-nhiem-vu", "Chức năng, nhiệm vụ" },
	{ "lich-su", "Lịch sử hình thành và phát triển" },
	{ "ban-do-hanh-chinh", "Bản đồ hành chính" },
	{ "khac", "Trang khác" },
	{ NULL, NULL },
};
static const struct kind_field page_fields[] = {
	{ .key = "loai", .label = "Loại trang", .type = F_ENUM, .flags = FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED,
	  .choices = page_types,
	  .help = "Giới thiệu chung, chức năng nhiệm vụ, lịch sử có địa chỉ riêng: /gioi-thieu, /chuc-nang-nhiem-vu, /lich-su" },
	{ .key = "thu_tu", .label = "Thứ tự", .type = F_INT, .flags = FF_FEED,
	  .help = "Số nhỏ đứng trước trong danh sách và sơ đồ cổng" },
	{ .key = "ban_do", .label = "Ảnh bản đồ hành chính chính thức", .type = F_FILE, .flags = FF_FEED, .accept = "image/",
	  .help = "Với trang loại Bản đồ hành chính: ảnh bản đồ chính thức, hiện trên trang /ban-do-hanh-chinh (nhớ nhập mô tả ảnh trong thư viện)" },
};

static const struct kind kind_page = {
	.name = "page",
	.segment = "trang",
	.label = "Giới thiệu",
	.label_one = "trang giới thiệu",
	.deadline_kind = "khac",
	.fields = page_fields,
	.nfields = N(page_fields),
};

const struct kind *const kinds_declared[] = { &kind_article, &kind_legal, &kind_gazette,
	&kind_link, &kind_page };
const size_t kinds_ndeclared = N(kinds_declared);
