/* kinds.c — the kinds of content Cổng publishes, each declared once (kind.h). The regulations'
 * list (VP Đ4, TQ Đ4, NĐ 42/2022 Đ4; ../docs/product.md §2) grows here, one descriptor each. */
#include "kind.h"
#include "legal.h"
#include "model/banner.h"
#include "model/av.h"

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

/* ---- Media and banners (docs/media.md) ---- */

/* Photo galleries (VP Đ4.2: news "tin, bài viết, ảnh, video"): photos in order, each with its
 * caption and the text a screen reader says instead of it; a page per photo that works without
 * scripts (/thu-vien-anh/<slug>-<id>/anh/<n>: web/public/media_pages.c). */
static const struct kind_field gallery_photo_columns[] = {
	{ .key = "tep_anh", .label = "Ảnh", .type = F_FILE, .flags = FF_REQUIRED, .accept = "image/" },
	{ .key = "mo_ta", .label = "Mô tả ảnh cho người khiếm thị", .type = F_TEXT, .max = 300, .flags = FF_REQUIRED },
	{ .key = "chu_thich", .label = "Chú thích", .type = F_TEXT, .max = 500 },
};
static const struct kind_field gallery_fields[] = {
	{ .key = "anh", .label = "Ảnh trong bộ", .type = F_ROWS, .max = 200, .flags = FF_REQUIRED | FF_FEED,
	  .sub = gallery_photo_columns, .nsub = N(gallery_photo_columns),
	  .help = "Theo thứ tự hiển thị; mỗi ảnh cần mô tả cho người khiếm thị" },
	{ .key = "ngay", .label = "Ngày chụp", .type = F_DATE, .flags = FF_SORT | FF_LIST | FF_FEED },
	{ .key = "tac_gia", .label = "Tác giả ảnh", .type = F_TEXT, .max = 200, .flags = FF_LIST | FF_FEED | FF_SEARCH },
	{ .key = "dia_diem", .label = "Địa điểm", .type = F_TEXT, .max = 200, .flags = FF_FEED | FF_SEARCH },
	{ .key = "chu_de", .label = "Chủ đề", .type = F_TAGS, .max = 10, .flags = FF_FILTER | FF_FEED | FF_SEARCH,
	  .help = "Cách nhau bằng dấu chấm phẩy (;)" },
};

static const struct kind kind_gallery = {
	.name = "gallery",
	.segment = "thu-vien-anh",
	.label = "Thư viện ảnh",
	.label_one = "bộ ảnh",
	.title_label = "Tên bộ ảnh",
	.deadline_kind = "tin-su-kien",
	.fields = gallery_fields,
	.nfields = N(gallery_fields),
	.tpl_item = "public/gallery",
};

/* Video and audio: a file of the library played by the browser, or a player of another site
 * (only from the site's allow-list, and only after the reader asks: model/embed.h); captions
 * or a transcript required before it is published (TT 26/2020, WCAG 2.1 §1.2: av.c). */
static const struct kind_choice video_types[] = {
	{ "video", "Video" },
	{ "am-thanh", "Âm thanh" },
	{ NULL, NULL },
};
static const struct kind_field video_fields[] = {
	{ .key = "loai", .label = "Loại", .type = F_ENUM, .flags = FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED,
	  .choices = video_types },
	{ .key = "tep_phat", .label = "Tệp video hoặc âm thanh", .type = F_FILE, .flags = FF_FEED, .accept = "video/;audio/",
	  .help = "MP4, WebM, MP3, M4A hoặc OGG; hoặc nhập địa chỉ video trên trang khác bên dưới" },
	{ .key = "anh_dai_dien", .label = "Ảnh đại diện", .type = F_FILE, .flags = FF_FEED, .accept = "image/",
	  .help = "Hiện trước khi video được phát" },
	{ .key = "phu_de", .label = "Phụ đề (WebVTT)", .type = F_FILE, .flags = FF_FEED, .accept = "text/vtt",
	  .help = "Bắt buộc trước khi xuất bản video, âm thanh tải lên (Thông tư 26/2020/TT-BTTTT)" },
	{ .key = "nhung", .label = "Video trên trang khác", .type = F_URL, .max = 500, .flags = FF_FEED,
	  .example = "https://www.youtube.com/watch?v=M7lc1UVf-VE",
	  .help = "Địa chỉ trang xem video (YouTube, Vimeo… trong danh sách được phép của trang)" },
	{ .key = "ban_ghi", .label = "Bản ghi lời", .type = F_LONGTEXT, .max = 100000, .flags = FF_SEARCH | FF_FEED,
	  .help = "Toàn bộ lời nói trong video, âm thanh; để trống thì trang hiện lời từ tệp phụ đề" },
	{ .key = "ngay", .label = "Ngày phát hành", .type = F_DATE, .flags = FF_SORT | FF_LIST | FF_FEED },
	{ .key = "nguon", .label = "Nguồn", .type = F_TEXT, .max = 200, .flags = FF_LIST | FF_FEED | FF_SEARCH },
};

static const struct kind kind_video = {
	.name = "video",
	.segment = "video",
	.label = "Video, âm thanh",
	.label_one = "video, âm thanh",
	.deadline_kind = "tin-su-kien",
	.fields = video_fields,
	.nfields = N(video_fields),
	.tpl_item = "public/video",
	.publish_check = video_publish_check,
};

/* Banners and advertising (TQ Đ10, BT Đ9): shown in their placement on every page of their
 * site from start to end once the approver has published them (model/banner.h); the title
 * is the banner's name, read by screen readers as the link's text when it has no image. */
static const struct kind_choice banner_placements[] = {
	{ "dau-trang", "Đầu trang" },
	{ "cot-ben", "Cột bên" },
	{ "chan-trang", "Chân trang" },
	{ NULL, NULL },
};
static const struct kind_field banner_fields[] = {
	{ .key = "vi_tri", .label = "Vị trí hiển thị", .type = F_ENUM, .flags = FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED,
	  .choices = banner_placements },
	{ .key = "lien_ket", .label = "Liên kết đến", .type = F_URL, .max = 500, .flags = FF_REQUIRED | FF_FEED,
	  .help = "Địa chỉ mở ra khi người đọc bấm vào quảng cáo (https://…)" },
	{ .key = "anh", .label = "Ảnh quảng cáo", .type = F_FILE, .flags = FF_FEED, .accept = "image/",
	  .help = "Mô tả của ảnh trong thư viện là nội dung người khiếm thị nghe được" },
	{ .key = "chu_quang_cao", .label = "Nội dung chữ", .type = F_LONGTEXT, .max = 300, .flags = FF_SEARCH | FF_FEED,
	  .help = "Quảng cáo dạng chữ; để trống nếu dùng ảnh" },
	{ .key = "don_vi", .label = "Đơn vị quảng cáo", .type = F_TEXT, .max = 200, .flags = FF_LIST | FF_FEED | FF_SEARCH },
	{ .key = "bat_dau", .label = "Ngày bắt đầu", .type = F_DATE, .flags = FF_REQUIRED | FF_SORT | FF_LIST | FF_FEED },
	{ .key = "gio_bat_dau", .label = "Giờ bắt đầu", .type = F_TEXT, .max = 8, .flags = FF_FEED, .example = "07:30",
	  .help = "Giờ:phút, ví dụ 07:30; để trống là 00:00" },
	{ .key = "ket_thuc", .label = "Ngày kết thúc", .type = F_DATE, .flags = FF_REQUIRED | FF_LIST | FF_FEED },
	{ .key = "gio_ket_thuc", .label = "Giờ kết thúc", .type = F_TEXT, .max = 8, .flags = FF_FEED, .example = "17:00",
	  .help = "Giờ:phút, ví dụ 17:00; để trống là hết ngày" },
};

static const struct kind kind_banner = {
	.name = "banner",
	.segment = "quang-cao",
	.label = "Quảng cáo",
	.label_one = "quảng cáo",
	.title_label = "Tên quảng cáo",
	.deadline_kind = "khac",
	.fields = banner_fields,
	.nfields = N(banner_fields),
	.check = banner_check,
};

const struct kind *const kinds_declared[] = { &kind_article, &kind_legal, &kind_gazette,
	&kind_gallery, &kind_video, &kind_banner };
const size_t kinds_ndeclared = N(kinds_declared);
