/* kinds.c — the kinds of content Cổng publishes, each declared once (kind.h). The regulations'
 * list (VP Đ4, TQ Đ4, NĐ 42/2022 Đ4; ../docs/product.md §2) grows here, one descriptor each. */
#include "kind.h"
#include "legal.h"
#include "procedure.h"

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

/* Administrative procedures (thủ tục hành chính, VP Đ4.8–9, Đ9; docs/procedures.md): the national
 * code is the identifier, unique on a site; the public page links to the national public-service
 * portal by it; the update deadline counts back from the day the regulating document takes effect
 * (VP Đ7.5, rule "thu-tuc-hanh-chinh"). The main portal lists every site's procedures. */
static const struct kind_choice procedure_levels[] = {
	{ "tinh", "Cấp tỉnh" },
	{ "huyen", "Cấp huyện" },
	{ "xa", "Cấp xã" },
	{ NULL, NULL },
};
static const struct kind_choice procedure_service_levels[] = {
	{ "toan-trinh", "Toàn trình" },
	{ "mot-phan", "Một phần" },
	{ "khong", "Không có dịch vụ công trực tuyến" },
	{ NULL, NULL },
};
/* A paper of the dossier (thành phần hồ sơ): its name, how many originals and copies, and the
 * form to fill in (a library file: a Word, PDF or spreadsheet form). */
static const struct kind_choice procedure_copy_kinds[] = {
	{ "ban-chinh", "Bản chính" },
	{ "ban-sao", "Bản sao" },
	{ "ban-chinh-hoac-sao", "Bản chính hoặc bản sao" },
	{ NULL, NULL },
};
static const struct kind_field procedure_paper[] = {
	{ .key = "ten_giay_to", .label = "Tên giấy tờ", .type = F_TEXT, .max = 500, .flags = FF_REQUIRED },
	{ .key = "loai_ban", .label = "Bản chính/bản sao", .type = F_ENUM, .choices = procedure_copy_kinds },
	{ .key = "so_luong", .label = "Số lượng", .type = F_INT },
	{ .key = "mau_don", .label = "Mẫu đơn, tờ khai", .type = F_FILE,
	  .accept = "application/pdf;application/msword;"
		    "application/vnd.openxmlformats-officedocument.wordprocessingml.document;"
		    "application/vnd.oasis.opendocument.text;application/vnd.ms-excel;"
		    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
};
static const struct kind_field procedure_fields[] = {
	{ .key = "ma_thu_tuc", .label = "Mã thủ tục", .type = F_TEXT, .max = 40,
	  .flags = FF_REQUIRED | FF_IDENT | FF_SEARCH | FF_LIST | FF_FEED,
	  .help = "Mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính, ví dụ 1.001193 hoặc 2.000123.000.00.00.H62" },
	{ .key = "linh_vuc", .label = "Lĩnh vực", .type = F_TEXT, .max = 200,
	  .flags = FF_REQUIRED | FF_FILTER | FF_SEARCH | FF_LIST | FF_FEED,
	  .help = "Ví dụ: Hộ tịch, Thành lập và hoạt động doanh nghiệp" },
	{ .key = "cap_thuc_hien", .label = "Cấp thực hiện", .type = F_ENUM,
	  .flags = FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED, .choices = procedure_levels },
	{ .key = "co_quan_thuc_hien", .label = "Cơ quan thực hiện", .type = F_TEXT, .max = 200,
	  .flags = FF_REQUIRED | FF_FILTER | FF_SEARCH | FF_FEED, .help = "Ví dụ: Sở Tư pháp; Ủy ban nhân dân cấp xã" },
	{ .key = "muc_do_dvc", .label = "Mức độ dịch vụ công trực tuyến", .type = F_ENUM,
	  .flags = FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED, .choices = procedure_service_levels },
	{ .key = "doi_tuong", .label = "Đối tượng thực hiện", .type = F_TEXT, .max = 300, .flags = FF_FEED,
	  .help = "Ví dụ: Công dân Việt Nam; Doanh nghiệp" },
	{ .key = "trinh_tu", .label = "Trình tự thực hiện", .type = F_LONGTEXT, .max = 20000, .flags = FF_SEARCH | FF_FEED,
	  .help = "Các bước, mỗi bước một dòng" },
	{ .key = "thanh_phan_ho_so", .label = "Thành phần hồ sơ", .type = F_ROWS, .max = 40, .flags = FF_FEED,
	  .sub = procedure_paper, .nsub = N(procedure_paper),
	  .help = "Mỗi dòng một giấy tờ; mẫu đơn, tờ khai chọn từ thư viện hoặc tải lên" },
	{ .key = "cach_thuc", .label = "Cách thức thực hiện", .type = F_LONGTEXT, .max = 5000, .flags = FF_FEED,
	  .help = "Nơi nộp hồ sơ và cách nộp: trực tiếp, qua bưu chính, trực tuyến" },
	{ .key = "thoi_han", .label = "Thời hạn giải quyết (ngày làm việc)", .type = F_INT, .flags = FF_LIST | FF_FEED,
	  .help = "Số ngày làm việc; 0 nếu giải quyết ngay trong ngày" },
	{ .key = "phi_le_phi", .label = "Phí, lệ phí", .type = F_LONGTEXT, .max = 2000, .flags = FF_FEED,
	  .help = "Để trống nếu không thu phí, lệ phí" },
	{ .key = "ket_qua", .label = "Kết quả thực hiện", .type = F_LONGTEXT, .max = 2000, .flags = FF_FEED },
	{ .key = "yeu_cau", .label = "Yêu cầu, điều kiện", .type = F_LONGTEXT, .max = 5000, .flags = FF_FEED },
	{ .key = "can_cu", .label = "Căn cứ pháp lý", .type = F_REF, .max = 50, .flags = FF_FEED, .ref_kind = "legal",
	  .help = "Số ký hiệu các văn bản, cách nhau bằng dấu chấm phẩy (;)" },
	{ .key = "ngay_hieu_luc", .label = "Ngày có hiệu lực", .type = F_DATE, .flags = FF_REQUIRED | FF_SORT | FF_FEED,
	  .help = "Ngày văn bản quy định thủ tục có hiệu lực; thủ tục phải đăng trước ngày này ít nhất 10 ngày làm việc" },
};

static const struct kind kind_procedure = {
	.name = "procedure",
	.segment = "thu-tuc",
	.label = "Thủ tục hành chính",
	.label_one = "thủ tục",
	.title_label = "Tên thủ tục",
	.deadline_kind = "thu-tuc-hanh-chinh",
	.fields = procedure_fields,
	.nfields = N(procedure_fields),
	.check = procedure_check,
	.derive = procedure_derive,
	.ident_unique = "procedure_code_taken",
	.province_list = 1,
	.ident_sample = "1.%06d",
	.tpl_item = "public/procedure",
};

const struct kind *const kinds_declared[] = { &kind_article, &kind_legal, &kind_gazette, &kind_procedure };
const size_t kinds_ndeclared = N(kinds_declared);
