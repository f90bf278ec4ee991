/* kinds.c — the kinds of content Cổng publishes, each declared once (kind.h). The regulations'
 * list (VP Đ4, TQ Đ4, NĐ 42/2022 Đ4; ../docs/product.md §2) grows here, one descriptor each. */
#include "kind.h"
#include "legal.h"
#include "project.h"

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

static const struct kind kind_project = {
	.name = "project",
	.segment = "du-an",
	.label = "Dự án đầu tư",
	.label_one = "dự án",
	.title_label = "Tên dự án",
	.deadline_kind = "quy-hoach-du-an",
	.fields = project_fields,
	.nfields = N(project_fields),
	.check = project_check,
	.aggregate = 1,
	.tabs = "trang_thai",
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

static const struct kind kind_bidding = {
	.name = "bidding",
	.segment = "dau-thau",
	.label = "Đấu thầu, mua sắm công",
	.label_one = "gói thầu",
	.title_label = "Tên gói thầu",
	.deadline_kind = "quy-hoach-du-an",
	.fields = bidding_fields,
	.nfields = N(bidding_fields),
	.check = bidding_check,
	.tabs = "trang_thai",
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
};
#undef SCIENCE_REPORTS

const struct kind *const kinds_declared[] = { &kind_article, &kind_legal, &kind_gazette,
	&kind_project, &kind_bidding, &kind_science };
const size_t kinds_ndeclared = N(kinds_declared);
