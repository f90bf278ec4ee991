/* kinds.c — the kinds of content Cổng publishes, each declared once (kind.h). The regulations'
 * list (VP Đ4, TQ Đ4, NĐ 42/2022 Đ4; ../docs/product.md §2) grows here, one descriptor each. */
#include "kind.h"
#include "legal.h"
#include "statistics.h"

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
	.access_group = "Văn bản quy phạm pháp luật, văn bản hành chính có giá trị áp dụng chung",
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

static const struct kind kind_statistics = {
	.name = "statistics",
	.segment = "thong-ke",
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

static const struct kind kind_disclosure = {
	.name = "disclosure",
	.segment = "cong-khai-thong-tin",
	.label = "Danh mục thông tin công khai",
	.label_one = "thông tin công khai",
	.title_label = "Tên thông tin",
	.deadline_kind = "khac",
	.fields = disclosure_fields,
	.nfields = N(disclosure_fields),
	.check = disclosure_check,
};

const struct kind *const kinds_declared[] = { &kind_article, &kind_legal, &kind_gazette, &kind_statistics,
					      &kind_disclosure };
const size_t kinds_ndeclared = N(kinds_declared);
