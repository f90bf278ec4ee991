/* kinds.c — the kinds of content Cổng publishes, each declared once (kind.h). The regulations'
 * list (VP Đ4, TQ Đ4, NĐ 42/2022 Đ4; ../docs/product.md §2) grows here, one descriptor each. */
#include "kind.h"
#include "legal.h"
#include "schedule.h"
#include "directory.h"

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

/* ---- schedules and the directory (docs/schedules.md, docs/directory.md) ---- */

/* The leaders' weekly work schedule (lịch công tác, VP Đ4.3): one item a week, approved and
 * corrected as a whole; its entries are a table. */
static const struct kind_field schedule_entry[] = {
	{ .key = "ngay", .label = "Ngày", .type = F_DATE, .flags = FF_REQUIRED },
	{ .key = "gio_bat_dau", .label = "Giờ bắt đầu", .type = F_TIME },
	{ .key = "gio_ket_thuc", .label = "Giờ kết thúc", .type = F_TIME },
	{ .key = "noi_dung", .label = "Nội dung", .type = F_LONGTEXT, .max = 2000, .flags = FF_REQUIRED },
	{ .key = "chu_tri", .label = "Chủ trì", .type = F_TEXT, .max = 200 },
	{ .key = "dia_diem", .label = "Địa điểm", .type = F_TEXT, .max = 300 },
	{ .key = "chuan_bi", .label = "Đơn vị chuẩn bị", .type = F_TEXT, .max = 300 },
	{ .key = "thanh_phan", .label = "Thành phần", .type = F_LONGTEXT, .max = 2000 },
};
static const struct kind_field schedule_fields[] = {
	{ .key = "tuan", .label = "Tuần", .type = F_DATE, .flags = FF_REQUIRED | FF_SORT | FF_LIST | FF_FEED, .help = "Ngày bất kỳ trong tuần; lịch được lưu theo ngày thứ Hai của tuần" },
	{ .key = "lich", .label = "Lịch làm việc trong tuần", .type = F_ROWS, .max = 200,
	  .flags = FF_REQUIRED | FF_SEARCH | FF_FEED, .sub = schedule_entry, .nsub = N(schedule_entry),
	  .help = "Mỗi dòng một việc: ngày trong tuần, giờ (ví dụ 07:30), nội dung, lãnh đạo chủ trì" },
	{ .key = "ghi_chu", .label = "Ghi chú", .type = F_LONGTEXT, .max = 2000, .flags = FF_SEARCH | FF_FEED },
};

static const struct kind kind_schedule = {
	.name = "schedule",
	.segment = "lich-cong-tac",
	.label = "Lịch công tác",
	.label_one = "lịch công tác",
	.deadline_kind = "lich-lam-viec",
	.fields = schedule_fields,
	.nfields = N(schedule_fields),
	.check = schedule_check,
};

/* The citizen-reception schedule and its results (lịch, kết quả tiếp công dân: VP Đ4.3, Luật Tiếp
 * công dân 2013 Đ12, Đ18). */
static const struct kind_field reception_fields[] = {
	{ .key = "ngay", .label = "Ngày tiếp", .type = F_DATE, .flags = FF_REQUIRED | FF_SORT | FF_LIST | FF_FEED },
	{ .key = "gio", .label = "Giờ bắt đầu", .type = F_TIME, .flags = FF_REQUIRED | FF_LIST | FF_FEED, .help = "Ví dụ: 07:30" },
	{ .key = "lanh_dao", .label = "Lãnh đạo tiếp công dân", .type = F_TEXT, .max = 200,
	  .flags = FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED | FF_SEARCH,
	  .help = "Họ tên và chức vụ, ví dụ: Ông Nguyễn Văn A, Chủ tịch UBND tỉnh" },
	{ .key = "dia_diem", .label = "Địa điểm", .type = F_TEXT, .max = 300, .flags = FF_REQUIRED | FF_LIST | FF_FEED },
	{ .key = "ket_qua", .label = "Kết quả tiếp công dân", .type = F_LONGTEXT, .max = 20000, .flags = FF_SEARCH | FF_FEED, .help = "Ghi sau buổi tiếp: số lượt công dân, vụ việc, ý kiến chỉ đạo giải quyết" },
};

static const struct kind kind_reception = {
	.name = "reception",
	.segment = "lich-tiep-cong-dan",
	.label = "Lịch tiếp công dân",
	.label_one = "lịch tiếp công dân",
	.deadline_kind = "lich-lam-viec",
	.fields = reception_fields,
	.nfields = N(reception_fields),
};

/* The organisation's structure (cơ cấu tổ chức, VP Đ4.1): units as a tree by their parent's code. */
static const struct kind_field unit_fields[] = {
	{ .key = "ma", .label = "Mã đơn vị", .type = F_TEXT, .max = 60, .flags = FF_REQUIRED | FF_IDENT | FF_LIST | FF_FEED, .help = "Mã ngắn, duy nhất trong trang, ví dụ: SNV hoặc SNV-VP" },
	{ .key = "cap_tren", .label = "Đơn vị cấp trên", .type = F_REF, .max = 1, .flags = FF_FEED, .ref_kind = "unit", .help = "Mã của đơn vị cấp trên; để trống nếu là cấp cao nhất" },
	{ .key = "chuc_nang", .label = "Chức năng, nhiệm vụ", .type = F_LONGTEXT, .max = 20000, .flags = FF_SEARCH | FF_FEED },
	{ .key = "dia_chi", .label = "Địa chỉ", .type = F_TEXT, .max = 300, .flags = FF_FEED },
	{ .key = "dien_thoai", .label = "Điện thoại", .type = F_TEXT, .max = 50, .flags = FF_LIST | FF_FEED },
	{ .key = "email", .label = "Thư điện tử", .type = F_TEXT, .max = 200, .flags = FF_LIST | FF_FEED },
	{ .key = "thu_truong", .label = "Người đứng đầu", .type = F_TEXT, .max = 200, .flags = FF_SEARCH | FF_FEED, .help = "Họ tên và chức vụ" },
	{ .key = "thu_tu", .label = "Thứ tự hiển thị", .type = F_INT, .help = "Số nhỏ đứng trước" },
};

static const struct kind kind_unit = {
	.name = "unit",
	.segment = "co-cau-to-chuc",
	.label = "Cơ cấu tổ chức",
	.label_one = "đơn vị",
	.title_label = "Tên đơn vị",
	.deadline_kind = "gioi-thieu",
	.fields = unit_fields,
	.nfields = N(unit_fields),
	.tpl_item = "public/unit",
	.check = unit_check,
	.check_store = unit_check_store,
};

/* Officials (cán bộ, công chức có thẩm quyền: VP Đ4.1) and the press spokespeople (người phát ngôn,
 * VP Đ5.9). The mobile number is personal: shown only when its owner agreed ("cong_khai_di_dong"). */
static const struct kind_choice yes_no[] = { { "khong", "Không" }, { "co", "Có" }, { NULL, NULL } };
static const struct kind_field official_fields[] = {
	{ .key = "chuc_vu", .label = "Chức vụ", .type = F_TEXT, .max = 200, .flags = FF_REQUIRED | FF_LIST | FF_FEED | FF_SEARCH, .help = "Ví dụ: Giám đốc Sở Nội vụ" },
	{ .key = "don_vi", .label = "Đơn vị công tác", .type = F_REF, .max = 1, .flags = FF_FEED, .ref_kind = "unit", .help = "Mã đơn vị (trang Cơ cấu tổ chức)" },
	{ .key = "dien_thoai", .label = "Điện thoại cơ quan", .type = F_TEXT, .max = 50, .flags = FF_LIST | FF_FEED },
	{ .key = "di_dong", .label = "Điện thoại di động", .type = F_TEXT, .max = 50, .flags = FF_PERSONAL, .help = "Chỉ hiển thị khi chọn công khai số di động bên dưới" },
	{ .key = "cong_khai_di_dong", .label = "Công khai số di động", .type = F_ENUM, .choices = yes_no },
	{ .key = "email", .label = "Thư điện tử công vụ", .type = F_TEXT, .max = 200, .flags = FF_LIST | FF_FEED },
	{ .key = "anh", .label = "Ảnh", .type = F_FILE, .accept = "image/" },
	{ .key = "phat_ngon", .label = "Người phát ngôn", .type = F_ENUM, .flags = FF_FILTER | FF_FEED, .choices = yes_no, .help = "Người phát ngôn, cung cấp thông tin cho báo chí" },
	{ .key = "thu_tu", .label = "Thứ tự hiển thị", .type = F_INT, .help = "Số nhỏ đứng trước" },
};

static const struct kind kind_official = {
	.name = "official",
	.segment = "can-bo",
	.label = "Cán bộ",
	.label_one = "cán bộ",
	.title_label = "Họ và tên",
	.deadline_kind = "gioi-thieu",
	.fields = official_fields,
	.nfields = N(official_fields),
	.tpl_item = "public/official",
};

const struct kind *const kinds_declared[] = { &kind_article, &kind_legal, &kind_gazette,
						 &kind_schedule, &kind_reception, &kind_unit, &kind_official };
const size_t kinds_ndeclared = N(kinds_declared);
