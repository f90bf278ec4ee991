/* kinds.c — the kinds of content Cổng publishes, each declared once (kind.h). The regulations'
 * list (VP Đ4, TQ Đ4, NĐ 42/2022 Đ4; ../docs/product.md §2) grows here, one descriptor each. */
#include "kind.h"
#include "ticket.h"
#include "legal.h"
#include "procedure.h"
#include "project.h"
#include "statistics.h"
#include "schedule.h"
#include "directory.h"
#include "links.h"
#include "model/banner.h"
#include "model/av.h"
#include "consultation.h"
#include "model/poll.h"

#include <stddef.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* News: the author (an item column) as creator, a NewsArticle. */
static const struct kind_meta article_meta = {
	.schema_type = "NewsArticle",
};

/* News (tin, bài): its fields are the items' own columns (title, summary, body, author, cover,
 * featured, source); nothing of its own. */
static const struct kind kind_article = {
	.name = "article",
	.segment = "tin",
	.site_feed = 1,
	.label = "Tin bài",
	.label_one = "bài viết",
	.deadline_kind = "tin-su-kien",
	.body_required = 1,
	.has_cover = 1,
	.meta = &article_meta,
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

/* A document: issued by its body, signed by its signer, dated by its issue (TT 24/2011); schema.org's
 * Legislation. */
static const struct kind_prop legal_props[] = {
	{ .prop = "legislationIdentifier", .key = "so_ky_hieu" },
	{ .prop = "legislationType", .key = "loai" },
	{ .prop = "legislationDate", .key = "ngay_ban_hanh" },
	{ .prop = "legislationPassedBy", .key = "co_quan_ban_hanh", .wrap = "GovernmentOrganization" },
	{ .prop = "legislationResponsible", .key = "nguoi_ky", .wrap = "Person" },
	{ .prop = "expires", .key = "ngay_het_hieu_luc" },
	{ .prop = "keywords", .key = "linh_vuc" },
};
static const struct kind_meta legal_meta = {
	.schema_type = "Legislation",
	.creator = "co_quan_ban_hanh",
	.contributor = "nguoi_ky",
	.date = "ngay_ban_hanh",
	.subject = "linh_vuc",
	.coverage = "pham_vi",
	.props = legal_props,
	.nprops = N(legal_props),
};

static const struct kind kind_legal = {
	.name = "legal",
	.open_data = 1, /* announced on /du-lieu-mo (kind.h) */
	.segment = "van-ban",
	.site_feed = 1,
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
	.access_group = "Văn bản quy phạm pháp luật, văn bản hành chính có giá trị áp dụng chung",
	.meta = &legal_meta,
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

static const struct kind_prop gazette_props[] = {
	{ .prop = "issueNumber", .key = "so" },
};
static const struct kind_meta gazette_meta = {
	.schema_type = "PublicationIssue",
	.date = "ngay",
	.props = gazette_props,
	.nprops = N(gazette_props),
};

static const struct kind kind_gazette = {
	.name = "gazette",
	.segment = "cong-bao",
	.site_feed = 1,
	.label = "Công báo",
	.label_one = "số công báo",
	.deadline_kind = "van-ban-tinh",
	.fields = gazette_fields,
	.nfields = N(gazette_fields),
	.meta = &gazette_meta,
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

/* A procedure is a service the agency performing it provides. */
static const struct kind_prop procedure_props[] = {
	{ .prop = "identifier", .key = "ma_thu_tuc" },
	{ .prop = "serviceType", .key = "linh_vuc" },
	{ .prop = "provider", .key = "co_quan_thuc_hien", .wrap = "GovernmentOrganization" },
	{ .prop = "audience", .key = "doi_tuong", .wrap = "Audience", .wrap_prop = "audienceType" },
};
static const struct kind_meta procedure_meta = {
	.schema_type = "GovernmentService",
	.creator = "co_quan_thuc_hien",
	.subject = "linh_vuc",
	.props = procedure_props,
	.nprops = N(procedure_props),
};

static const struct kind kind_procedure = {
	.name = "procedure",
	.open_data = 1, /* announced on /du-lieu-mo (kind.h) */
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
	.access_group = "Thủ tục hành chính, quy trình giải quyết công việc",
	.meta = &procedure_meta,
};

/* ---- Investment projects, bidding (VP Đ4.10, TQ Đ4.13) and science programmes (VP Đ4.11):
 * docs/projects.md; their hooks in project.c ---- */

/* Lĩnh vực of a project: the sectors of the public investment plans; a site may add its own. */
static const struct kind_choice project_sectors[] = {
	{ "Giao thông", "Giao thông" }, { "Giáo dục và đào tạo", "Giáo dục và đào tạo" }, { "Y tế", "Y tế" },
	{ "Nông nghiệp và thủy lợi", "Nông nghiệp và thủy lợi" }, { "Tài nguyên và môi trường", "Tài nguyên và môi trường" },
	{ "Cấp thoát nước", "Cấp thoát nước" }, { "Hạ tầng đô thị", "Hạ tầng đô thị" },
	{ "Văn hóa, thể thao và du lịch", "Văn hóa, thể thao và du lịch" },
	{ "Khoa học, công nghệ và chuyển đổi số", "Khoa học, công nghệ và chuyển đổi số" },
	{ "Công nghiệp và năng lượng", "Công nghiệp và năng lượng" }, { "Quốc phòng, an ninh", "Quốc phòng, an ninh" },
	{ "Xã hội", "Xã hội" }, { "Quản lý nhà nước", "Quản lý nhà nước" }, { NULL, NULL },
};
/* Nhóm dự án, as the Luật Đầu tư công classifies public investment projects. */
static const struct kind_choice project_groups[] = {
	{ "quan-trong-quoc-gia", "Dự án quan trọng quốc gia" }, { "nhom-a", "Nhóm A" }, { "nhom-b", "Nhóm B" },
	{ "nhom-c", "Nhóm C" }, { NULL, NULL },
};
/* Loại dự án: how it is invested. */
static const struct kind_choice project_types[] = {
	{ "dau-tu-cong", "Đầu tư công" }, { "ppp", "Đối tác công tư (PPP)" },
	{ "oda", "ODA, vốn vay ưu đãi nước ngoài" }, { "vien-tro", "Viện trợ phi chính phủ nước ngoài" },
	{ "dau-tu-kinh-doanh", "Đầu tư kinh doanh" }, { "keu-goi-dau-tu", "Kêu gọi đầu tư" }, { NULL, NULL },
};
/* Nguồn vốn (loại hình tài trợ). */
static const struct kind_choice project_funds[] = {
	{ "ngan-sach-trung-uong", "Ngân sách trung ương" }, { "ngan-sach-dia-phuong", "Ngân sách địa phương" },
	{ "oda", "Vốn ODA" }, { "vay-uu-dai", "Vốn vay ưu đãi nước ngoài" }, { "ppp", "Vốn nhà đầu tư PPP" },
	{ "vien-tro", "Viện trợ phi chính phủ nước ngoài" }, { "ngoai-ngan-sach", "Vốn ngoài ngân sách" },
	{ "hon-hop", "Nhiều nguồn vốn" }, { NULL, NULL },
};
/* Tình trạng: the three lists the regulations ask for (VP Đ4.10.a, TQ Đ4.13.a). */
static const struct kind_choice project_states[] = {
	{ "chuan-bi", "Chuẩn bị đầu tư" }, { "dang-thuc-hien", "Đang thực hiện" }, { "hoan-thanh", "Hoàn thành" },
	{ NULL, NULL },
};

static const struct kind_field project_fields[] = {
	{ .key = "ma_du_an", .label = "Mã dự án", .type = F_TEXT, .max = 40,
	  .flags = FF_IDENT | FF_SEARCH | FF_LIST | FF_FEED,
	  .help = "Mã số của dự án (ví dụ mã trên Hệ thống thông tin quốc gia về đầu tư công); các gói thầu ghi mã này" },
	{ .key = "trang_thai", .label = "Tình trạng", .type = F_ENUM,
	  .flags = FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED, .choices = project_states },
	{ .key = "linh_vuc", .label = "Lĩnh vực", .type = F_ENUM,
	  .flags = FF_REQUIRED | FF_FILTER | FF_FEED | FF_OPEN | FF_SEARCH, .choices = project_sectors },
	{ .key = "loai", .label = "Loại dự án", .type = F_ENUM, .flags = FF_FILTER | FF_FEED,
	  .choices = project_types },
	{ .key = "nhom", .label = "Nhóm dự án", .type = F_ENUM, .flags = FF_FEED, .choices = project_groups },
	{ .key = "muc_tieu", .label = "Mục tiêu chính", .type = F_LONGTEXT, .max = 4000,
	  .flags = FF_REQUIRED | FF_SEARCH | FF_FEED },
	{ .key = "dia_diem", .label = "Địa điểm thực hiện", .type = F_TEXT, .max = 300,
	  .flags = FF_SEARCH | FF_FEED },
	{ .key = "chu_dau_tu", .label = "Chủ đầu tư", .type = F_TEXT, .max = 200,
	  .flags = FF_REQUIRED | FF_SEARCH | FF_LIST | FF_FEED },
	{ .key = "ngay_phe_duyet", .label = "Ngày phê duyệt", .type = F_DATE,
	  .flags = FF_REQUIRED | FF_SORT | FF_FEED,
	  .help = "Ngày quyết định chủ trương đầu tư hoặc phê duyệt dự án; danh sách xếp theo ngày này" },
	{ .key = "quyet_dinh", .label = "Quyết định phê duyệt", .type = F_TEXT, .max = 100, .flags = FF_FEED,
	  .help = "Ví dụ: 1520/QĐ-UBND" },
	{ .key = "thoi_gian_bat_dau", .label = "Thời gian bắt đầu", .type = F_DATE, .flags = FF_FEED },
	{ .key = "thoi_gian_ket_thuc", .label = "Thời gian kết thúc", .type = F_DATE, .flags = FF_FEED,
	  .help = "Dự kiến, hoặc ngày hoàn thành" },
	{ .key = "tong_muc_dau_tu", .label = "Tổng mức đầu tư", .type = F_MONEY, .flags = FF_LIST | FF_FEED,
	  .help = "Đồng, ví dụ 1.250.000.000 hoặc 125,5 tỷ" },
	{ .key = "nguon_von", .label = "Nguồn vốn", .type = F_ENUM, .flags = FF_FILTER | FF_FEED | FF_OPEN,
	  .choices = project_funds, .help = "Loại hình tài trợ" },
	{ .key = "nha_tai_tro", .label = "Nhà tài trợ", .type = F_TEXT, .max = 200, .flags = FF_SEARCH | FF_FEED,
	  .help = "Nếu có (ODA, viện trợ)" },
};

static const struct kind_prop project_props[] = {
	{ .prop = "identifier", .key = "ma_du_an" },
};
static const struct kind_meta project_meta = {
	.creator = "chu_dau_tu",
	.date = "ngay_phe_duyet",
	.subject = "linh_vuc",
	.coverage = "dia_diem",
	.props = project_props,
	.nprops = N(project_props),
};

static const struct kind kind_project = {
	.name = "project",
	.open_data = 1, /* announced on /du-lieu-mo (kind.h) */
	.segment = "du-an",
	.label = "Dự án đầu tư",
	.label_one = "dự án",
	.title_label = "Tên dự án",
	.deadline_kind = "quy-hoach-du-an",
	.fields = project_fields,
	.nfields = N(project_fields),
	.check = project_check,
	.province_list = 1,
	.tabs = "trang_thai",
	.access_group = "Dự án, đầu tư công, đấu thầu, mua sắm công",
	.meta = &project_meta,
};

/* Lĩnh vực of a package and the ways a contractor is chosen (the forms of Luật Đấu thầu số 22/2023/QH15). */
static const struct kind_choice bidding_sectors[] = {
	{ "xay-lap", "Xây lắp" }, { "hang-hoa", "Hàng hóa" }, { "tu-van", "Dịch vụ tư vấn" },
	{ "phi-tu-van", "Dịch vụ phi tư vấn" }, { "hon-hop", "Hỗn hợp" }, { NULL, NULL },
};
static const struct kind_choice bidding_methods[] = {
	{ "dau-thau-rong-rai", "Đấu thầu rộng rãi" }, { "dau-thau-han-che", "Đấu thầu hạn chế" },
	{ "chi-dinh-thau", "Chỉ định thầu" }, { "chao-hang-canh-tranh", "Chào hàng cạnh tranh" },
	{ "mua-sam-truc-tiep", "Mua sắm trực tiếp" }, { "tu-thuc-hien", "Tự thực hiện" },
	{ "cong-dong", "Tham gia thực hiện của cộng đồng" }, { "dam-phan-gia", "Đàm phán giá" },
	{ "dac-biet", "Lựa chọn nhà thầu trong trường hợp đặc biệt" }, { NULL, NULL },
};
static const struct kind_choice bidding_states[] = {
	{ "moi-thau", "Đang mời thầu" }, { "co-ket-qua", "Đã có kết quả" }, { "huy", "Đã hủy thầu" }, { NULL, NULL },
};

static const struct kind_field bidding_fields[] = {
	{ .key = "so_tbmt", .label = "Số thông báo mời thầu", .type = F_TEXT, .max = 40,
	  .flags = FF_IDENT | FF_SEARCH | FF_LIST | FF_FEED,
	  .help = "Số trên Hệ thống mạng đấu thầu quốc gia, ví dụ IB2600012345" },
	{ .key = "trang_thai", .label = "Tình trạng", .type = F_ENUM,
	  .flags = FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED, .choices = bidding_states },
	{ .key = "du_an", .label = "Dự án", .type = F_REF, .max = 1, .flags = FF_FEED | FF_LIST,
	  .ref_kind = "project", .rev_label = "Gói thầu của dự án", .help = "Mã dự án của gói thầu (nếu thuộc một dự án)" },
	{ .key = "ben_moi_thau", .label = "Bên mời thầu", .type = F_TEXT, .max = 200,
	  .flags = FF_REQUIRED | FF_SEARCH | FF_FEED },
	{ .key = "linh_vuc", .label = "Lĩnh vực", .type = F_ENUM, .flags = FF_REQUIRED | FF_FILTER | FF_FEED,
	  .choices = bidding_sectors },
	{ .key = "hinh_thuc", .label = "Hình thức lựa chọn nhà thầu", .type = F_ENUM,
	  .flags = FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED, .choices = bidding_methods },
	{ .key = "gia_goi_thau", .label = "Giá gói thầu", .type = F_MONEY, .flags = FF_REQUIRED | FF_LIST | FF_FEED,
	  .help = "Đồng" },
	{ .key = "nguon_von", .label = "Nguồn vốn", .type = F_ENUM, .flags = FF_FEED | FF_OPEN,
	  .choices = project_funds },
	{ .key = "ngay_dang", .label = "Ngày đăng tải", .type = F_DATE,
	  .flags = FF_REQUIRED | FF_SORT | FF_LIST | FF_FEED },
	{ .key = "ngay_dong_thau", .label = "Ngày đóng thầu", .type = F_DATE, .flags = FF_LIST | FF_FEED,
	  .help = "Bắt buộc khi đang mời thầu rộng rãi, hạn chế hoặc chào hàng cạnh tranh" },
	{ .key = "gio_dong_thau", .label = "Giờ đóng thầu", .type = F_TEXT, .max = 5, .flags = FF_FEED,
	  .help = "hh:mm, ví dụ 09:00", .example = "09:00" },
	{ .key = "ngay_mo_thau", .label = "Ngày mở thầu", .type = F_DATE, .flags = FF_FEED },
	{ .key = "nha_trung_thau", .label = "Nhà thầu trúng thầu", .type = F_TEXT, .max = 300,
	  .flags = FF_SEARCH | FF_FEED, .help = "Bắt buộc khi đã có kết quả" },
	{ .key = "gia_trung_thau", .label = "Giá trúng thầu", .type = F_MONEY, .flags = FF_FEED,
	  .help = "Đồng; không vượt giá gói thầu" },
	{ .key = "ngay_ket_qua", .label = "Ngày phê duyệt kết quả", .type = F_DATE, .flags = FF_FEED },
	{ .key = "ly_do_huy", .label = "Lý do hủy thầu", .type = F_LONGTEXT, .max = 2000, .flags = FF_FEED,
	  .help = "Bắt buộc khi hủy thầu" },
};

static const struct kind_prop bidding_props[] = {
	{ .prop = "identifier", .key = "so_tbmt" },
};
static const struct kind_meta bidding_meta = {
	.creator = "ben_moi_thau",
	.date = "ngay_dang",
	.subject = "linh_vuc",
	.props = bidding_props,
	.nprops = N(bidding_props),
};

static const struct kind kind_bidding = {
	.name = "bidding",
	.segment = "dau-thau",
	.site_feed = 1,
	.label = "Đấu thầu, mua sắm công",
	.label_one = "gói thầu",
	.title_label = "Tên gói thầu",
	.deadline_kind = "quy-hoach-du-an",
	.fields = bidding_fields,
	.nfields = N(bidding_fields),
	.check = bidding_check,
	.tabs = "trang_thai",
	.access_group = "Dự án, đầu tư công, đấu thầu, mua sắm công",
	.meta = &bidding_meta,
};

/* Science and technology programmes and projects (chương trình, nhiệm vụ, đề tài KH&CN). */
static const struct kind_choice science_levels[] = {
	{ "quoc-gia", "Cấp quốc gia" }, { "bo", "Cấp bộ" }, { "tinh", "Cấp tỉnh" }, { "co-so", "Cấp cơ sở" },
	{ NULL, NULL },
};
static const struct kind_choice science_types[] = {
	{ "chuong-trinh", "Chương trình" }, { "de-tai", "Đề tài" }, { "du-an-sxtn", "Dự án sản xuất thử nghiệm" },
	{ "de-an", "Đề án khoa học" }, { "nhiem-vu", "Nhiệm vụ khác" }, { NULL, NULL },
};
/* The fields of science and technology (the national classification's six). */
static const struct kind_choice science_fields_list[] = {
	{ "Khoa học tự nhiên", "Khoa học tự nhiên" }, { "Khoa học kỹ thuật và công nghệ", "Khoa học kỹ thuật và công nghệ" },
	{ "Khoa học y, dược", "Khoa học y, dược" }, { "Khoa học nông nghiệp", "Khoa học nông nghiệp" },
	{ "Khoa học xã hội", "Khoa học xã hội" }, { "Khoa học nhân văn", "Khoa học nhân văn" }, { NULL, NULL },
};
static const struct kind_choice science_states[] = {
	{ "dang-thuc-hien", "Đang thực hiện" }, { "da-nghiem-thu", "Đã nghiệm thu" },
	{ "khong-dat", "Nghiệm thu không đạt" }, { "dung", "Dừng thực hiện" }, { NULL, NULL },
};

/* the reports' types: PDF, Word, OpenDocument text */
#define SCIENCE_REPORTS "application/pdf;application/msword;application/vnd.openxmlformats-officedocument.wordprocessingml;" \
			"application/vnd.oasis.opendocument.text"
static const struct kind_field science_fields[] = {
	{ .key = "ma_so", .label = "Mã số", .type = F_TEXT, .max = 40,
	  .flags = FF_REQUIRED | FF_IDENT | FF_SEARCH | FF_LIST | FF_FEED, .help = "Ví dụ: ĐT.05-2025/KHCN" },
	{ .key = "loai", .label = "Loại nhiệm vụ", .type = F_ENUM, .flags = FF_FEED, .choices = science_types },
	{ .key = "cap_quan_ly", .label = "Cấp quản lý", .type = F_ENUM,
	  .flags = FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED, .choices = science_levels },
	{ .key = "linh_vuc", .label = "Lĩnh vực", .type = F_ENUM,
	  .flags = FF_REQUIRED | FF_FILTER | FF_FEED | FF_OPEN | FF_SEARCH, .choices = science_fields_list },
	{ .key = "to_chuc_chu_tri", .label = "Tổ chức chủ trì", .type = F_TEXT, .max = 200,
	  .flags = FF_REQUIRED | FF_SEARCH | FF_LIST | FF_FEED },
	{ .key = "chu_nhiem", .label = "Chủ nhiệm", .type = F_TEXT, .max = 100,
	  .flags = FF_REQUIRED | FF_SEARCH | FF_FEED, .help = "Họ tên và học hàm, học vị, ví dụ TS. Nguyễn Văn A" },
	{ .key = "trang_thai", .label = "Tình trạng", .type = F_ENUM,
	  .flags = FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED, .choices = science_states },
	{ .key = "ngay_bat_dau", .label = "Thời gian bắt đầu", .type = F_DATE,
	  .flags = FF_REQUIRED | FF_SORT | FF_FEED },
	{ .key = "ngay_ket_thuc", .label = "Thời gian kết thúc", .type = F_DATE, .flags = FF_FEED },
	{ .key = "kinh_phi", .label = "Kinh phí", .type = F_MONEY, .flags = FF_FEED, .help = "Tổng kinh phí, đồng" },
	{ .key = "muc_tieu", .label = "Mục tiêu", .type = F_LONGTEXT, .max = 4000, .flags = FF_SEARCH | FF_FEED },
	{ .key = "ngay_nghiem_thu", .label = "Ngày nghiệm thu", .type = F_DATE, .flags = FF_FEED,
	  .help = "Bắt buộc khi đã nghiệm thu" },
	{ .key = "ket_qua", .label = "Kết quả chính", .type = F_LONGTEXT, .max = 4000,
	  .flags = FF_SEARCH | FF_FEED },
	/* the results once accepted (VP Đ4.11.b): required then (science_check) */
	{ .key = "bao_cao_tong_hop", .label = "Báo cáo tổng hợp kết quả", .type = F_FILE, .flags = FF_FEED,
	  .accept = SCIENCE_REPORTS, .help = "PDF, DOC, DOCX hoặc ODT; bắt buộc khi đã nghiệm thu" },
	{ .key = "bao_cao_ung_dung", .label = "Báo cáo kết quả ứng dụng", .type = F_FILE, .flags = FF_FEED,
	  .accept = SCIENCE_REPORTS, .help = "Báo cáo kết quả triển khai ứng dụng; bắt buộc khi đã nghiệm thu" },
};

static const struct kind_prop science_props[] = {
	{ .prop = "identifier", .key = "ma_so" },
};
static const struct kind_meta science_meta = {
	.creator = "to_chuc_chu_tri",
	.contributor = "chu_nhiem",
	.subject = "linh_vuc",
	.props = science_props,
	.nprops = N(science_props),
};

static const struct kind kind_science = {
	.name = "science",
	.segment = "khoa-hoc",
	.label = "Khoa học và công nghệ",
	.label_one = "nhiệm vụ khoa học và công nghệ",
	.title_label = "Tên nhiệm vụ",
	.deadline_kind = "khoa-hoc",
	.fields = science_fields,
	.nfields = N(science_fields),
	.check = science_check,
	.tabs = "trang_thai",
	.access_group = "Chiến lược, chương trình, kế hoạch, quy hoạch",
	.meta = &science_meta,
};
#undef SCIENCE_REPORTS

/* Statistics (thông tin, báo cáo thống kê: VP Đ4.14, TQ Đ4.16): a dataset with its period,
 * method, source, analysis (the text) and its table, uploaded as CSV or XLSX, checked and kept
 * parsed (model/statistics.c, import/stattable.h); its page shows the table, a chart and the
 * table's downloads (web/public/statistics.c). docs/statistics.md. The fields' choices are the
 * chapters of a provincial statistical yearbook (niên giám thống kê). */
static const struct kind_choice stat_fields[] = {
	{ "dat-dai-khi-hau", "Đơn vị hành chính, đất đai và khí hậu" },
	{ "dan-so-lao-dong", "Dân số và lao động" },
	{ "tai-khoan-ngan-sach", "Tài khoản quốc gia, ngân sách nhà nước" },
	{ "dau-tu-xay-dung", "Đầu tư và xây dựng" },
	{ "doanh-nghiep", "Doanh nghiệp, hợp tác xã và cơ sở kinh doanh cá thể" },
	{ "nong-lam-thuy-san", "Nông nghiệp, lâm nghiệp và thủy sản" },
	{ "cong-nghiep", "Công nghiệp" },
	{ "thuong-mai-du-lich", "Thương mại và du lịch" },
	{ "chi-so-gia", "Chỉ số giá" },
	{ "van-tai-vien-thong", "Vận tải, bưu chính và viễn thông" },
	{ "giao-duc", "Giáo dục" },
	{ "y-te-van-hoa-xa-hoi", "Y tế, văn hóa, thể thao, mức sống dân cư và môi trường" },
	{ NULL, NULL },
};
static const struct kind_choice stat_periods[] = {
	{ "nam", "Năm" },
	{ "6-thang", "6 tháng" },
	{ "quy", "Quý" },
	{ "thang", "Tháng" },
	{ NULL, NULL },
};
static const struct kind_field statistics_fields[] = {
	{ .key = "linh_vuc", .label = "Lĩnh vực", .type = F_ENUM, .choices = stat_fields,
	  .flags = FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED | FF_OPEN },
	{ .key = "ky", .label = "Kỳ số liệu", .type = F_ENUM, .choices = stat_periods,
	  .flags = FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED },
	{ .key = "ngay_ky", .label = "Thời điểm số liệu", .type = F_DATE,
	  .flags = FF_REQUIRED | FF_SORT | FF_LIST | FF_FEED,
	  .help = "Ngày cuối của kỳ, ví dụ 31/12/2024 cho năm 2024, 31/03/2025 cho quý I/2025" },
	{ .key = "nguon", .label = "Nguồn số liệu", .type = F_TEXT, .max = 300,
	  .flags = FF_REQUIRED | FF_LIST | FF_FEED | FF_SEARCH, .help = "Ví dụ: Cục Thống kê tỉnh Vĩnh Long" },
	{ .key = "phuong_phap", .label = "Phương pháp thống kê", .type = F_LONGTEXT, .max = 3000,
	  .flags = FF_REQUIRED | FF_FEED | FF_SEARCH },
	{ .key = "thoi_gian_thuc_hien", .label = "Thời gian thực hiện thống kê", .type = F_TEXT, .max = 200,
	  .flags = FF_FEED, .help = "Ví dụ: từ 01/01/2025 đến 15/02/2025" },
	{ .key = "don_vi_tinh", .label = "Đơn vị tính", .type = F_TEXT, .max = 60, .flags = FF_FEED,
	  .help = "Ví dụ: người, tỷ đồng, % (để trống nếu bảng ghi đơn vị ở tên cột)" },
	{ .key = "bang", .label = "Bảng số liệu (CSV hoặc XLSX)", .type = F_FILE, .flags = FF_REQUIRED | FF_FEED,
	  /* the extensions too, for the browser's picker: some systems call a .csv file an Excel one */
	  .accept = "text/csv;application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;.csv;.xlsx",
	  .help = "Dòng đầu ghi tên các cột; cột đầu là tên chỉ tiêu, đơn vị hoặc kỳ; các cột sau là số liệu "
		  "(viết 1.234,5 hoặc 1234.5). Tệp CSV lưu dạng UTF-8, phân cách bằng dấu phẩy hoặc chấm phẩy. "
		  "Tối đa 200 cột, 20.000 dòng, 4 MB." },
};

/* A statistics table is a dataset; its source is the statistics office. */
static const struct kind_prop statistics_props[] = {
	{ .prop = "temporalCoverage", .key = "ngay_ky" },
	{ .prop = "measurementTechnique", .key = "phuong_phap" },
	{ .prop = "keywords", .key = "linh_vuc" },
};
static const struct kind_meta statistics_meta = {
	.schema_type = "Dataset",
	.subject = "linh_vuc",
	.source = "nguon",
	.props = statistics_props,
	.nprops = N(statistics_props),
};

static const struct kind kind_statistics = {
	.name = "statistics",
	.open_data = 1, /* announced on /du-lieu-mo (kind.h) */
	.segment = "thong-ke",
	.site_feed = 1,
	.label = "Thống kê",
	.label_one = "bộ số liệu thống kê",
	.title_label = "Tên bộ số liệu",
	.deadline_kind = "thong-ke",
	.body_required = 1, /* the analysis of the figures (VP Đ4.14.b) */
	.fields = statistics_fields,
	.nfields = N(statistics_fields),
	.tpl_item = "public/statistics",
	.check_store = statistics_check_store,
	.access_group = "Thông tin thống kê",
	.meta = &statistics_meta,
};

/* The board's own entries of the list of information it must publish (Luật Tiếp cận thông tin
 * 2016 Đ17, Đ19): name (the title), number, date created, form, time and period of publication,
 * a link or a file. The site's /tiep-can-thong-tin page lists them with the published items of
 * the kinds that have an access_group (web/public/statistics.c). */
static const struct kind_choice disclosure_groups[] = {
	{ "van-ban", "Văn bản quy phạm pháp luật, văn bản hành chính" },
	{ "thu-tuc", "Thủ tục hành chính, quy trình giải quyết công việc" },
	{ "pho-bien", "Phổ biến, hướng dẫn thực hiện pháp luật, chế độ, chính sách" },
	{ "du-thao", "Dự thảo văn bản lấy ý kiến nhân dân" },
	{ "quy-hoach", "Chiến lược, chương trình, kế hoạch, quy hoạch" },
	{ "ngan-sach", "Dự toán, quyết toán ngân sách; tài chính công" },
	{ "dau-tu", "Dự án, đầu tư công, đấu thầu, mua sắm công" },
	{ "thong-ke", "Thông tin thống kê" },
	{ "to-chuc", "Tổ chức bộ máy, nhiệm vụ, quyền hạn" },
	{ "can-bo", "Tuyển dụng, sử dụng, quản lý cán bộ, công chức, viên chức" },
	{ "khac", "Thông tin khác" },
	{ NULL, NULL },
};
static const struct kind_choice disclosure_forms[] = {
	{ "dien-tu", "Điện tử" },
	{ "van-ban", "Văn bản giấy" },
	{ "ca-hai", "Văn bản giấy và điện tử" },
	{ NULL, NULL },
};
static const struct kind_field disclosure_fields[] = {
	{ .key = "so_ky_hieu", .label = "Số, ký hiệu", .type = F_TEXT, .max = 60,
	  .flags = FF_IDENT | FF_LIST | FF_FEED | FF_SEARCH, .help = "Để trống nếu thông tin không có số, ký hiệu" },
	{ .key = "linh_vuc", .label = "Nhóm thông tin", .type = F_ENUM, .choices = disclosure_groups,
	  .flags = FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED | FF_OPEN },
	{ .key = "ngay_tao", .label = "Ngày tạo ra thông tin", .type = F_DATE,
	  .flags = FF_REQUIRED | FF_SORT | FF_LIST | FF_FEED },
	{ .key = "hinh_thuc", .label = "Hình thức công khai", .type = F_ENUM, .choices = disclosure_forms,
	  .flags = FF_REQUIRED | FF_LIST | FF_FEED },
	{ .key = "thoi_diem", .label = "Thời điểm công khai", .type = F_DATE, .flags = FF_REQUIRED | FF_LIST | FF_FEED },
	{ .key = "thoi_han", .label = "Thời hạn công khai", .type = F_TEXT, .max = 100,
	  .flags = FF_REQUIRED | FF_LIST | FF_FEED, .help = "Ví dụ: Thường xuyên; 30 ngày; đến hết năm 2026" },
	{ .key = "don_vi", .label = "Đơn vị tạo ra thông tin", .type = F_TEXT, .max = 200,
	  .flags = FF_FEED | FF_SEARCH },
	{ .key = "lien_ket", .label = "Đường dẫn", .type = F_URL, .max = 500, .flags = FF_FEED,
	  .help = "Địa chỉ nơi đăng thông tin, nếu có" },
	{ .key = "tep_thong_tin", .label = "Tệp thông tin", .type = F_FILE, .flags = FF_FEED },
};

static const struct kind_prop disclosure_props[] = {
	{ .prop = "identifier", .key = "so_ky_hieu" },
};
static const struct kind_meta disclosure_meta = {
	.creator = "don_vi",
	.date = "ngay_tao",
	.subject = "linh_vuc",
	.props = disclosure_props,
	.nprops = N(disclosure_props),
};

static const struct kind kind_disclosure = {
	.name = "disclosure",
	.segment = "cong-khai-thong-tin",
	.site_feed = 1,
	.label = "Danh mục thông tin công khai",
	.label_one = "thông tin công khai",
	.title_label = "Tên thông tin",
	.deadline_kind = "khac",
	.fields = disclosure_fields,
	.nfields = N(disclosure_fields),
	.check = disclosure_check,
	.meta = &disclosure_meta,
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

/* A week's schedule is a list of events, one per entry. */
static const struct kind_prop schedule_entry_props[] = {
	{ .prop = "name", .key = "noi_dung" },
	{ .prop = "startDate", .key = "ngay", .time_key = "gio_bat_dau" },
	{ .prop = "endDate", .key = "ngay", .time_key = "gio_ket_thuc", .need_time = 1 },
	{ .prop = "location", .key = "dia_diem", .wrap = "Place" },
	{ .prop = "organizer", .key = "chu_tri", .wrap = "Person" },
};
static const struct kind_meta schedule_meta = {
	.schema_type = "ItemList",
	.date = "tuan",
	.rows = "lich",
	.rows_prop = "itemListElement",
	.row_type = "Event",
	.row_props = schedule_entry_props,
	.nrow_props = N(schedule_entry_props),
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
	.meta = &schedule_meta,
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

static const struct kind_prop reception_props[] = {
	{ .prop = "startDate", .key = "ngay", .time_key = "gio" },
	{ .prop = "location", .key = "dia_diem", .wrap = "Place" },
	{ .prop = "organizer", .key = "lanh_dao", .wrap = "Person" },
};
static const struct kind_meta reception_meta = {
	.schema_type = "Event",
	.date = "ngay",
	.coverage = "dia_diem",
	.props = reception_props,
	.nprops = N(reception_props),
};

static const struct kind kind_reception = {
	.name = "reception",
	.segment = "lich-tiep-cong-dan",
	.label = "Lịch tiếp công dân",
	.label_one = "lịch tiếp công dân",
	.deadline_kind = "lich-lam-viec",
	.fields = reception_fields,
	.nfields = N(reception_fields),
	.meta = &reception_meta,
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

/* A unit of the organisation is an organisation of its own. */
static const struct kind_prop unit_props[] = {
	{ .prop = "identifier", .key = "ma" },
	{ .prop = "address", .key = "dia_chi", .wrap = "PostalAddress", .wrap_prop = "streetAddress" },
	{ .prop = "telephone", .key = "dien_thoai" },
	{ .prop = "email", .key = "email" },
};
static const struct kind_meta unit_meta = {
	.schema_type = "GovernmentOrganization",
	.props = unit_props,
	.nprops = N(unit_props),
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
	.access_group = "Tổ chức bộ máy, nhiệm vụ, quyền hạn",
	.meta = &unit_meta,
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

static const struct kind_prop official_props[] = {
	{ .prop = "jobTitle", .key = "chuc_vu" },
	{ .prop = "telephone", .key = "dien_thoai" },
	{ .prop = "email", .key = "email" },
};
static const struct kind_meta official_meta = {
	.schema_type = "Person",
	.image = "anh",
	.props = official_props,
	.nprops = N(official_props),
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
	.meta = &official_meta,
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

/* The introduction describes the site's own organisation. */
static const struct kind_meta page_meta = {
	.schema_type = "GovernmentOrganization",
	.about_site = 1,
};

static const struct kind kind_page = {
	.name = "page",
	.segment = "trang",
	.label = "Giới thiệu",
	.label_one = "trang giới thiệu",
	.deadline_kind = "khac",
	.fields = page_fields,
	.nfields = N(page_fields),
	.meta = &page_meta,
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

static const struct kind_meta gallery_meta = {
	.schema_type = "ImageGallery",
	.creator = "tac_gia",
	.creator_type = "Person",
	.date = "ngay",
	.subject = "chu_de",
	.coverage = "dia_diem",
};

static const struct kind kind_gallery = {
	.name = "gallery",
	.segment = "thu-vien-anh",
	.site_feed = 1,
	.label = "Thư viện ảnh",
	.label_one = "bộ ảnh",
	.title_label = "Tên bộ ảnh",
	.deadline_kind = "tin-su-kien",
	.fields = gallery_fields,
	.nfields = N(gallery_fields),
	.tpl_item = "public/gallery",
	.meta = &gallery_meta,
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

static const struct kind_meta video_meta = {
	.date = "ngay",
	.source = "nguon",
	.image = "anh_dai_dien",
};

static const struct kind kind_video = {
	.name = "video",
	.segment = "video",
	.site_feed = 1,
	.label = "Video, âm thanh",
	.label_one = "video, âm thanh",
	.deadline_kind = "tin-su-kien",
	.fields = video_fields,
	.nfields = N(video_fields),
	.tpl_item = "public/video",
	.publish_check = video_publish_check,
	.meta = &video_meta,
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

/* ---- Questions and answers (VP Đ4.13, ĐT Đ24.6) and feedback on administrative regulations
 * (ND 42/2022 Đ8; VL Đ9.7): a citizen's question or feedback (model/ticket.h) answered publicly
 * becomes one of these, through the workflow; docs/citizens.md ---- */

#define QA_COMMON_FIELDS(asker, asked)                                                                             \
	{ .key = "linh_vuc", .label = "Lĩnh vực", .type = F_ENUM, .flags = FF_REQUIRED | FF_OPEN | FF_FILTER | FF_LIST | FF_FEED | FF_SEARCH, \
	  .choices = ticket_fields_of_life },                                                                       \
	{ .key = "nguoi_hoi", .label = asker, .type = F_TEXT, .max = 100, .flags = FF_LIST,                         \
	  .help = "Tên viết tắt, trừ khi người gửi đồng ý hiện tên" },                                               \
	{ .key = "ngay_hoi", .label = asked, .type = F_DATE, .flags = FF_LIST },                                    \
	{ .key = "co_quan_tra_loi", .label = "Cơ quan trả lời", .type = F_TEXT, .max = 200,                          \
	  .flags = FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED | FF_SEARCH },                                        \
	{ .key = "nguoi_tra_loi", .label = "Người trả lời", .type = F_TEXT, .max = 200 },                           \
	{ .key = "ngay_tra_loi", .label = "Ngày trả lời", .type = F_DATE, .flags = FF_SORT | FF_LIST | FF_FEED }

static const struct kind_field qa_fields[] = {
	QA_COMMON_FIELDS("Người hỏi", "Ngày hỏi"),
	{ .key = "cau_hoi", .label = "Nội dung câu hỏi", .type = F_LONGTEXT, .max = 5000, .flags = FF_REQUIRED | FF_SEARCH },
};

static const struct kind_meta qa_meta = {
	.creator = "co_quan_tra_loi",
	.date = "ngay_tra_loi",
	.subject = "linh_vuc",
};

static const struct kind kind_qa = {
	.name = "qa",
	.segment = "hoi-dap",
	.label = "Hỏi đáp",
	.label_one = "câu hỏi",
	.title_label = "Tiêu đề câu hỏi",
	.deadline_kind = "hoi-dap",
	.body_required = 1,
	.fields = qa_fields,
	.nfields = N(qa_fields),
	.province_list = 1,
	.meta = &qa_meta,
};

static const struct kind_field feedback_fields[] = {
	QA_COMMON_FIELDS("Người gửi", "Ngày gửi"),
	{ .key = "van_ban", .label = "Văn bản quy định liên quan", .type = F_REF, .max = 5, .ref_kind = "legal",
	  .flags = FF_FEED, .rev_label = "Phản ánh, kiến nghị về văn bản" },
	{ .key = "thu_tuc", .label = "Thủ tục hành chính liên quan", .type = F_REF, .max = 5, .ref_kind = "procedure",
	  .flags = FF_FEED, .rev_label = "Phản ánh, kiến nghị về thủ tục" },
	{ .key = "noi_dung_phan_anh", .label = "Nội dung phản ánh, kiến nghị", .type = F_LONGTEXT, .max = 5000,
	  .flags = FF_REQUIRED | FF_SEARCH },
};

static const struct kind_meta feedback_meta = {
	.creator = "co_quan_tra_loi",
	.date = "ngay_tra_loi",
	.subject = "linh_vuc",
};

static const struct kind kind_feedback = {
	.name = "feedback",
	.segment = "phan-anh-kien-nghi",
	.label = "Phản ánh, kiến nghị",
	.label_one = "phản ánh, kiến nghị",
	.title_label = "Tiêu đề",
	.deadline_kind = "phan-anh-kien-nghi",
	.body_required = 1,
	.fields = feedback_fields,
	.nfields = N(feedback_fields),
	.province_list = 1,
	.meta = &feedback_meta,
};

/* ---- public consultation on drafts (góp ý dự thảo, VP Đ4.12; docs/consultation.md).
 * The draft's full text is the body (its articles "Điều 1.", "Điều 2."… are what comments name),
 * its files a table; the board adds the summary of the comments (tổng hợp, tiếp thu, giải trình)
 * by editing the published item after closing. The list's term "lay_y_kien" is derived from the
 * dates day by day (consultation.c), its values the list's tabs. */
static const struct kind_field consultation_file_columns[] = {
	{ .key = "ten", .label = "Tên tài liệu", .type = F_TEXT, .max = 300, .flags = FF_REQUIRED },
	{ .key = "tep", .label = "Tệp", .type = F_FILE, .flags = FF_REQUIRED },
};
static const struct kind_field consultation_fields[] = {
	{ .key = "co_quan_soan_thao", .label = "Cơ quan chủ trì soạn thảo", .type = F_TEXT, .max = 200,
	  .flags = FF_REQUIRED | FF_FILTER | FF_SEARCH | FF_LIST | FF_FEED, .help = "Ví dụ: Sở Tư pháp" },
	{ .key = "linh_vuc", .label = "Lĩnh vực", .type = F_ENUM, .flags = FF_FILTER | FF_FEED | FF_OPEN,
	  .choices = ticket_fields_of_life },
	{ .key = "ngay_bat_dau", .label = "Ngày bắt đầu lấy ý kiến", .type = F_DATE,
	  .flags = FF_REQUIRED | FF_SORT | FF_LIST | FF_FEED },
	{ .key = "ngay_ket_thuc", .label = "Ngày kết thúc lấy ý kiến", .type = F_DATE, .flags = FF_REQUIRED | FF_LIST | FF_FEED },
	{ .key = "gio_ket_thuc", .label = "Giờ kết thúc", .type = F_TIME, .flags = FF_FEED, .example = "17:00",
	  .help = "Ví dụ 17:00; để trống: hết ngày kết thúc" },
	{ .key = "don_vi_tiep_nhan", .label = "Đơn vị tiếp nhận góp ý", .type = F_TEXT, .max = 200,
	  .flags = FF_REQUIRED | FF_FEED },
	{ .key = "dia_chi_tiep_nhan", .label = "Địa chỉ nhận góp ý", .type = F_TEXT, .max = 300, .flags = FF_FEED },
	{ .key = "email_tiep_nhan", .label = "Thư điện tử nhận góp ý", .type = F_TEXT, .max = 254, .flags = FF_FEED,
	  .example = "sotuphap@vinhlong.gov.vn" },
	{ .key = "du_thao", .label = "Tài liệu dự thảo", .type = F_ROWS, .max = 20, .flags = FF_FEED,
	  .sub = consultation_file_columns, .nsub = N(consultation_file_columns),
	  .help = "Dự thảo văn bản, tờ trình, báo cáo đánh giá tác động…; toàn văn dự thảo nhập ở phần nội dung" },
	{ .key = "tong_hop", .label = "Tổng hợp, tiếp thu, giải trình ý kiến", .type = F_LONGTEXT, .max = 50000,
	  .flags = FF_SEARCH | FF_FEED, .help = "Sau khi hết hạn lấy ý kiến" },
	{ .key = "tong_hop_tep", .label = "Báo cáo tổng hợp, tiếp thu, giải trình (tệp)", .type = F_FILE, .flags = FF_FEED,
	  .help = "Sau khi hết hạn lấy ý kiến" },
};

static const struct kind_meta consultation_meta = {
	.creator = "co_quan_soan_thao",
	.date = "ngay_bat_dau",
	.subject = "linh_vuc",
};

static const struct kind kind_consultation = {
	.name = "consultation",
	.segment = "du-thao",
	.site_feed = 1,
	.label = "Lấy ý kiến dự thảo",
	.label_one = "dự thảo",
	.title_label = "Tên dự thảo",
	.deadline_kind = "van-ban-tinh",
	.fields = consultation_fields,
	.nfields = N(consultation_fields),
	.check = consultation_check,
	.derive = consultation_derive,
	.list_term = CONSULTATION_TERM,
	.term_choices = consultation_terms,
	.term_label = "Tình trạng",
	.tabs = CONSULTATION_TERM,
	.tpl_item = "public/consultation",
	.access_group = "Dự thảo văn bản lấy ý kiến nhân dân",
	.meta = &consultation_meta,
};

/* ---- Polls (thăm dò ý kiến; issue #14, docs/ratings-polls.md): the title is the question; one
 * vote per browser, counted without cookies (model/poll.h); the page shows the form while the poll
 * is open and the results after the reader voted or only after it closed, as the board chose ---- */
static const struct kind_field poll_choice_columns[] = {
	{ .key = "nhan", .label = "Lựa chọn", .type = F_TEXT, .max = 200, .flags = FF_REQUIRED },
};
static const struct kind_choice poll_result_modes[] = {
	{ "sau-khi-binh-chon", "Sau khi người đọc bình chọn" },
	{ "sau-khi-dong", "Chỉ sau khi kết thúc" },
	{ NULL, NULL },
};
static const struct kind_field poll_fields[] = {
	{ .key = "lua_chon", .label = "Các lựa chọn", .type = F_ROWS, .max = 12, .min = 2, .flags = FF_REQUIRED | FF_FEED,
	  .sub = poll_choice_columns, .nsub = N(poll_choice_columns),
	  .help = "Từ 2 đến 12 lựa chọn, theo thứ tự hiển thị; khi đã có người bình chọn chỉ sửa được câu chữ" },
	{ .key = "mo_tu", .label = "Ngày bắt đầu", .type = F_DATE, .flags = FF_REQUIRED | FF_SORT | FF_LIST | FF_FEED,
	  .help = "Nhận ý kiến từ 00:00 ngày này" },
	{ .key = "dong_vao", .label = "Ngày kết thúc", .type = F_DATE, .flags = FF_REQUIRED | FF_LIST | FF_FEED,
	  .help = "Nhận ý kiến đến hết ngày này (24:00)" },
	{ .key = "hien_ket_qua", .label = "Công bố kết quả", .type = F_ENUM, .flags = FF_REQUIRED | FF_FEED,
	  .choices = poll_result_modes },
};

static const struct kind kind_poll = {
	.name = "poll",
	.segment = "tham-do",
	.site_feed = 1,
	.label = "Thăm dò ý kiến",
	.label_one = "cuộc thăm dò",
	.title_label = "Câu hỏi thăm dò",
	.deadline_kind = "khac",
	.fields = poll_fields,
	.nfields = N(poll_fields),
	.tpl_item = "public/poll",
	.check = poll_check,
	.check_store = poll_check_store,
};

const struct kind *const kinds_declared[] = { &kind_article, &kind_legal, &kind_gazette, &kind_procedure,
	&kind_project, &kind_bidding, &kind_science, &kind_statistics, &kind_disclosure, &kind_schedule,
	&kind_reception, &kind_unit, &kind_official, &kind_link, &kind_page, &kind_gallery, &kind_video,
	&kind_banner, &kind_qa, &kind_feedback, &kind_consultation, &kind_poll };
const size_t kinds_ndeclared = N(kinds_declared);
