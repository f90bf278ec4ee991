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
/* Nhóm dự án (Luật Đầu tư công 2024 Đ8–Đ10). */
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
	{ "ma_du_an", "Mã dự án", F_TEXT, 40, FF_IDENT | FF_SEARCH | FF_LIST | FF_FEED, NULL, NULL,
	  "Mã số của dự án (ví dụ mã trên Hệ thống thông tin quốc gia về đầu tư công); các gói thầu ghi mã này" },
	{ "trang_thai", "Tình trạng", F_ENUM, 0, FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED, project_states, NULL, NULL },
	{ "linh_vuc", "Lĩnh vực", F_ENUM, 0, FF_REQUIRED | FF_FILTER | FF_FEED | FF_OPEN | FF_SEARCH, project_sectors, NULL,
	  NULL },
	{ "loai", "Loại dự án", F_ENUM, 0, FF_FILTER | FF_FEED, project_types, NULL, NULL },
	{ "nhom", "Nhóm dự án", F_ENUM, 0, FF_FEED, project_groups, NULL, NULL },
	{ "muc_tieu", "Mục tiêu chính", F_LONGTEXT, 4000, FF_REQUIRED | FF_SEARCH | FF_FEED, NULL, NULL, NULL },
	{ "dia_diem", "Địa điểm thực hiện", F_TEXT, 300, FF_SEARCH | FF_FEED, NULL, NULL, NULL },
	{ "chu_dau_tu", "Chủ đầu tư", F_TEXT, 200, FF_REQUIRED | FF_SEARCH | FF_LIST | FF_FEED, NULL, NULL, NULL },
	{ "ngay_phe_duyet", "Ngày phê duyệt", F_DATE, 0, FF_REQUIRED | FF_SORT | FF_FEED, NULL, NULL,
	  "Ngày quyết định chủ trương đầu tư hoặc phê duyệt dự án; danh sách xếp theo ngày này" },
	{ "quyet_dinh", "Quyết định phê duyệt", F_TEXT, 100, FF_FEED, NULL, NULL, "Ví dụ: 1520/QĐ-UBND" },
	{ "thoi_gian_bat_dau", "Thời gian bắt đầu", F_DATE, 0, FF_FEED, NULL, NULL, NULL },
	{ "thoi_gian_ket_thuc", "Thời gian kết thúc", F_DATE, 0, FF_FEED, NULL, NULL, "Dự kiến, hoặc ngày hoàn thành" },
	{ "tong_muc_dau_tu", "Tổng mức đầu tư", F_MONEY, 0, FF_LIST | FF_FEED, NULL, NULL,
	  "Đồng, ví dụ 1.250.000.000 hoặc 125,5 tỷ" },
	{ "nguon_von", "Nguồn vốn", F_ENUM, 0, FF_FILTER | FF_FEED | FF_OPEN, project_funds, NULL, "Loại hình tài trợ" },
	{ "nha_tai_tro", "Nhà tài trợ", F_TEXT, 200, FF_SEARCH | FF_FEED, NULL, NULL, "Nếu có (ODA, viện trợ)" },
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

/* Lĩnh vực of a package and the ways a contractor is chosen (Luật Đấu thầu 2023 Đ20–Đ29). */
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
	{ "so_tbmt", "Số thông báo mời thầu", F_TEXT, 40, FF_IDENT | FF_SEARCH | FF_LIST | FF_FEED, NULL, NULL,
	  "Số trên Hệ thống mạng đấu thầu quốc gia, ví dụ IB2600012345" },
	{ "trang_thai", "Tình trạng", F_ENUM, 0, FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED, bidding_states, NULL, NULL },
	{ "du_an", "Dự án", F_REF, 1, FF_FEED | FF_LIST, NULL, "project", "Mã dự án của gói thầu (nếu thuộc một dự án)" },
	{ "ben_moi_thau", "Bên mời thầu", F_TEXT, 200, FF_REQUIRED | FF_SEARCH | FF_FEED, NULL, NULL, NULL },
	{ "linh_vuc", "Lĩnh vực", F_ENUM, 0, FF_REQUIRED | FF_FILTER | FF_FEED, bidding_sectors, NULL, NULL },
	{ "hinh_thuc", "Hình thức lựa chọn nhà thầu", F_ENUM, 0, FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED, bidding_methods,
	  NULL, NULL },
	{ "gia_goi_thau", "Giá gói thầu", F_MONEY, 0, FF_REQUIRED | FF_LIST | FF_FEED, NULL, NULL, "Đồng" },
	{ "nguon_von", "Nguồn vốn", F_ENUM, 0, FF_FEED | FF_OPEN, project_funds, NULL, NULL },
	{ "ngay_dang", "Ngày đăng tải", F_DATE, 0, FF_REQUIRED | FF_SORT | FF_LIST | FF_FEED, NULL, NULL, NULL },
	{ "ngay_dong_thau", "Ngày đóng thầu", F_DATE, 0, FF_LIST | FF_FEED, NULL, NULL,
	  "Bắt buộc khi đang mời thầu rộng rãi, hạn chế hoặc chào hàng cạnh tranh" },
	{ "gio_dong_thau", "Giờ đóng thầu", F_TEXT, 5, FF_FEED, NULL, NULL, "hh:mm, ví dụ 09:00", .example = "09:00" },
	{ "ngay_mo_thau", "Ngày mở thầu", F_DATE, 0, FF_FEED, NULL, NULL, NULL },
	{ "nha_trung_thau", "Nhà thầu trúng thầu", F_TEXT, 300, FF_SEARCH | FF_FEED, NULL, NULL,
	  "Bắt buộc khi đã có kết quả" },
	{ "gia_trung_thau", "Giá trúng thầu", F_MONEY, 0, FF_FEED, NULL, NULL, "Đồng; không vượt giá gói thầu" },
	{ "ngay_ket_qua", "Ngày phê duyệt kết quả", F_DATE, 0, FF_FEED, NULL, NULL, NULL },
	{ "ly_do_huy", "Lý do hủy thầu", F_LONGTEXT, 2000, FF_FEED, NULL, NULL, "Bắt buộc khi hủy thầu" },
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

static const struct kind_field science_fields[] = {
	{ "ma_so", "Mã số", F_TEXT, 40, FF_REQUIRED | FF_IDENT | FF_SEARCH | FF_LIST | FF_FEED, NULL, NULL,
	  "Ví dụ: ĐT.05-2025/KHCN" },
	{ "loai", "Loại nhiệm vụ", F_ENUM, 0, FF_FEED, science_types, NULL, NULL },
	{ "cap_quan_ly", "Cấp quản lý", F_ENUM, 0, FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED, science_levels, NULL, NULL },
	{ "linh_vuc", "Lĩnh vực", F_ENUM, 0, FF_REQUIRED | FF_FILTER | FF_FEED | FF_OPEN | FF_SEARCH, science_fields_list,
	  NULL, NULL },
	{ "to_chuc_chu_tri", "Tổ chức chủ trì", F_TEXT, 200, FF_REQUIRED | FF_SEARCH | FF_LIST | FF_FEED, NULL, NULL, NULL },
	{ "chu_nhiem", "Chủ nhiệm", F_TEXT, 100, FF_REQUIRED | FF_SEARCH | FF_FEED, NULL, NULL,
	  "Họ tên và học hàm, học vị, ví dụ TS. Nguyễn Văn A" },
	{ "trang_thai", "Tình trạng", F_ENUM, 0, FF_REQUIRED | FF_FILTER | FF_LIST | FF_FEED, science_states, NULL, NULL },
	{ "ngay_bat_dau", "Thời gian bắt đầu", F_DATE, 0, FF_REQUIRED | FF_SORT | FF_FEED, NULL, NULL, NULL },
	{ "ngay_ket_thuc", "Thời gian kết thúc", F_DATE, 0, FF_FEED, NULL, NULL, NULL },
	{ "kinh_phi", "Kinh phí", F_MONEY, 0, FF_FEED, NULL, NULL, "Tổng kinh phí, đồng" },
	{ "muc_tieu", "Mục tiêu", F_LONGTEXT, 4000, FF_SEARCH | FF_FEED, NULL, NULL, NULL },
	{ "ngay_nghiem_thu", "Ngày nghiệm thu", F_DATE, 0, FF_FEED, NULL, NULL, "Bắt buộc khi đã nghiệm thu" },
	{ "ket_qua", "Kết quả chính", F_LONGTEXT, 4000, FF_SEARCH | FF_FEED, NULL, NULL, NULL },
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

const struct kind *const kinds_declared[] = { &kind_article, &kind_legal, &kind_gazette,
	&kind_project, &kind_bidding, &kind_science };
const size_t kinds_ndeclared = N(kinds_declared);
