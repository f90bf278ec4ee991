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

#define REL(key, label) { key, label, F_REF, 50, FF_FEED, NULL, "legal", "Số ký hiệu, cách nhau bằng dấu chấm phẩy (;)" }
static const struct kind_field legal_fields[] = {
	{ "so_ky_hieu", "Số ký hiệu", F_TEXT, 60, FF_REQUIRED | FF_IDENT | FF_SEARCH | FF_LIST | FF_FEED, NULL, NULL,
	  "Như trên văn bản, ví dụ 12/2024/QĐ-UBND" },
	{ "loai", "Loại văn bản", F_ENUM, 0, FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED | FF_OPEN, legal_types, NULL,
	  NULL },
	{ "co_quan_ban_hanh", "Cơ quan ban hành", F_TEXT, 200, FF_REQUIRED | FF_FILTER | FF_SEARCH | FF_LIST | FF_FEED,
	  NULL, NULL, NULL },
	{ "nguoi_ky", "Người ký", F_TEXT, 100, FF_SEARCH | FF_FEED, NULL, NULL, NULL },
	{ "chuc_vu_nguoi_ky", "Chức vụ người ký", F_TEXT, 100, FF_FEED, NULL, NULL, "Ví dụ: Chủ tịch, Phó Chủ tịch" },
	{ "ngay_ban_hanh", "Ngày ban hành", F_DATE, 0, FF_REQUIRED | FF_SORT | FF_LIST | FF_FEED, NULL, NULL, NULL },
	{ "ngay_hieu_luc", "Ngày có hiệu lực", F_DATE, 0, FF_LIST | FF_FEED, NULL, NULL,
	  "Để trống nếu có hiệu lực từ ngày ban hành" },
	{ "ngay_het_hieu_luc", "Ngày hết hiệu lực", F_DATE, 0, FF_FEED, NULL, NULL, NULL },
	{ "linh_vuc", "Lĩnh vực", F_TAGS, 10, FF_FILTER | FF_SEARCH | FF_FEED, NULL, NULL,
	  "Cách nhau bằng dấu chấm phẩy (;)" },
	{ "pham_vi", "Phạm vi", F_ENUM, 0, FF_REQUIRED | FF_FILTER | FF_FEED, legal_scopes, NULL, NULL },
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

/* The official gazette (Công báo, VP Đ4.7): issues with their documents and the PDF (an
 * attachment). */
static const struct kind_field gazette_fields[] = {
	{ "so", "Số công báo", F_TEXT, 30, FF_REQUIRED | FF_IDENT | FF_LIST | FF_FEED | FF_SEARCH, NULL, NULL,
	  "Ví dụ: 15+16" },
	{ "ngay", "Ngày phát hành", F_DATE, 0, FF_REQUIRED | FF_SORT | FF_LIST | FF_FEED, NULL, NULL, NULL },
	{ "van_ban", "Văn bản trong số", F_REF, 200, FF_FEED, NULL, "legal",
	  "Số ký hiệu các văn bản đăng trong số này, cách nhau bằng dấu chấm phẩy (;)" },
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
static const struct kind_field schedule_fields[] = {
	{ "tuan", "Tuần", F_DATE, 0, FF_REQUIRED | FF_SORT | FF_LIST | FF_FEED, NULL, NULL,
	  "Ngày bất kỳ trong tuần; lịch được lưu theo ngày thứ Hai của tuần" },
	{ "ghi_chu", "Ghi chú", F_LONGTEXT, 2000, FF_SEARCH | FF_FEED, NULL, NULL, NULL },
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
	{ "ngay", "Ngày tiếp", F_DATE, 0, FF_REQUIRED | FF_SORT | FF_LIST | FF_FEED, NULL, NULL, NULL },
	{ "gio", "Giờ bắt đầu", F_TIME, 0, FF_REQUIRED | FF_LIST | FF_FEED, NULL, NULL, "Ví dụ: 07:30" },
	{ "lanh_dao", "Lãnh đạo tiếp công dân", F_TEXT, 200, FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED | FF_SEARCH,
	  NULL, NULL, "Họ tên và chức vụ, ví dụ: Ông Nguyễn Văn A, Chủ tịch UBND tỉnh" },
	{ "dia_diem", "Địa điểm", F_TEXT, 300, FF_REQUIRED | FF_LIST | FF_FEED, NULL, NULL, NULL },
	{ "ket_qua", "Kết quả tiếp công dân", F_LONGTEXT, 20000, FF_SEARCH | FF_FEED, NULL, NULL,
	  "Ghi sau buổi tiếp: số lượt công dân, vụ việc, ý kiến chỉ đạo giải quyết" },
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
	{ "ma", "Mã đơn vị", F_TEXT, 60, FF_REQUIRED | FF_IDENT | FF_LIST | FF_FEED, NULL, NULL,
	  "Mã ngắn, duy nhất trong trang, ví dụ: SNV hoặc SNV-VP" },
	{ "cap_tren", "Đơn vị cấp trên", F_REF, 1, FF_FEED, NULL, "unit", "Mã của đơn vị cấp trên; để trống nếu là cấp cao nhất" },
	{ "chuc_nang", "Chức năng, nhiệm vụ", F_LONGTEXT, 20000, FF_SEARCH | FF_FEED, NULL, NULL, NULL },
	{ "dia_chi", "Địa chỉ", F_TEXT, 300, FF_FEED, NULL, NULL, NULL },
	{ "dien_thoai", "Điện thoại", F_TEXT, 50, FF_LIST | FF_FEED, NULL, NULL, NULL },
	{ "email", "Thư điện tử", F_TEXT, 200, FF_LIST | FF_FEED, NULL, NULL, NULL },
	{ "thu_truong", "Người đứng đầu", F_TEXT, 200, FF_SEARCH | FF_FEED, NULL, NULL, "Họ tên và chức vụ" },
	{ "thu_tu", "Thứ tự hiển thị", F_INT, 0, 0, NULL, NULL, "Số nhỏ đứng trước" },
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
	.check = unit_check,
	.check_store = unit_check_store,
};

/* Officials (cán bộ, công chức có thẩm quyền: VP Đ4.1) and the press spokespeople (người phát ngôn,
 * VP Đ5.9). The mobile number is personal: shown only when its owner agreed ("cong_khai_di_dong"). */
static const struct kind_choice yes_no[] = { { "khong", "Không" }, { "co", "Có" }, { NULL, NULL } };
static const struct kind_field official_fields[] = {
	{ "chuc_vu", "Chức vụ", F_TEXT, 200, FF_REQUIRED | FF_LIST | FF_FEED | FF_SEARCH, NULL, NULL,
	  "Ví dụ: Giám đốc Sở Nội vụ" },
	{ "don_vi", "Đơn vị công tác", F_REF, 1, FF_FEED, NULL, "unit", "Mã đơn vị (trang Cơ cấu tổ chức)" },
	{ "dien_thoai", "Điện thoại cơ quan", F_TEXT, 50, FF_LIST | FF_FEED, NULL, NULL, NULL },
	{ "di_dong", "Điện thoại di động", F_TEXT, 50, FF_PERSONAL, NULL, NULL,
	  "Chỉ hiển thị khi chọn công khai số di động bên dưới" },
	{ "cong_khai_di_dong", "Công khai số di động", F_ENUM, 0, 0, yes_no, NULL, NULL },
	{ "email", "Thư điện tử công vụ", F_TEXT, 200, FF_LIST | FF_FEED, NULL, NULL, NULL },
	{ "phat_ngon", "Người phát ngôn", F_ENUM, 0, FF_FILTER | FF_FEED, yes_no, NULL,
	  "Người phát ngôn, cung cấp thông tin cho báo chí" },
	{ "thu_tu", "Thứ tự hiển thị", F_INT, 0, 0, NULL, NULL, "Số nhỏ đứng trước" },
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
};

const struct kind *const kinds_declared[] = { &kind_article, &kind_legal, &kind_gazette,
						 &kind_schedule, &kind_reception, &kind_unit, &kind_official };
const size_t kinds_ndeclared = N(kinds_declared);
