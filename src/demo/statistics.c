/* statistics.c — the demo's statistics datasets, access-to-information entries and contact points
 * (statistics.h).
 *
 * How far the rows can be trusted
 *   - The units are Vĩnh Long's districts, town and city as they were before the 2025
 *     reorganisation (thành phố Vĩnh Long, thị xã Bình Minh, huyện Long Hồ, Mang Thít, Vũng Liêm,
 *     Tam Bình, Trà Ôn, Bình Tân); the fields, periods and methods are those a provincial
 *     statistics office publishes (niên giám thống kê).
 *   - The FIGURES ARE ILLUSTRATIVE: of the right order of size, not the official ones; every
 *     dataset says so in its text and its source. Replace them with the Cục Thống kê's tables.
 *   - Disclosure entries are DEMO rows with numbers ≥ 900 (as in demo/legal.c): what such an
 *     entry would say, not real documents. */
#include "demo/statistics.h"
#include "base/sb.h"
#include "base/util.h"
#include "import/stattable.h"
#include "report/table.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define ILLUSTRATIVE "<p><em>Số liệu minh họa của bản trình diễn, không phải số liệu thống kê chính thức.</em></p>"

const struct demo_stat demo_stats[] = {
	{ .site = "main", .title = "Dân số trung bình phân theo đơn vị hành chính cấp huyện năm 2024",
	  .summary = "Dân số trung bình năm 2024 của 8 huyện, thị xã, thành phố, chia theo giới tính.",
	  .body = "<p>Năm 2024, dân số trung bình toàn tỉnh ước khoảng 1,03 triệu người. Huyện Long Hồ và huyện "
		  "Vũng Liêm có dân số đông nhất; thị xã Bình Minh và huyện Bình Tân ít nhất.</p>"
		  "<p>Tỷ số giới tính (số nam trên 100 nữ) ở hầu hết các đơn vị dưới 100; riêng thành phố Vĩnh "
		  "Long có tỷ lệ nữ cao hơn rõ do lao động nữ làm việc trong khu vực dịch vụ.</p>" ILLUSTRATIVE,
	  .linh_vuc = "dan-so-lao-dong", .ky = "nam", .ngay_ky = "2024-12-31",
	  .nguon = "Cục Thống kê tỉnh Vĩnh Long (số liệu minh họa)",
	  .phuong_phap = "Dân số trung bình tính bằng bình quân dân số đầu năm và cuối năm, từ kết quả điều tra "
			 "biến động dân số và kế hoạch hóa gia đình thời điểm 01/4 và số liệu đăng ký hộ tịch.",
	  .thoi_gian = "từ 01/4/2024 đến 31/3/2025", .don_vi_tinh = "người", .file_name = "dan-so-2024.csv",
	  .table = "Đơn vị hành chính;Nam;Nữ\n"
		   "Thành phố Vĩnh Long;66.210;71.385\n"
		   "Thị xã Bình Minh;46.902;47.850\n"
		   "Huyện Long Hồ;79.514;80.987\n"
		   "Huyện Mang Thít;51.022;52.318\n"
		   "Huyện Vũng Liêm;76.430;78.105\n"
		   "Huyện Tam Bình;74.012;75.640\n"
		   "Huyện Trà Ôn;63.874;65.102\n"
		   "Huyện Bình Tân;46.115;46.730\n" },
	{ .site = "main", .title = "Tổng sản phẩm trên địa bàn (GRDP) theo giá hiện hành giai đoạn 2020–2024",
	  .summary = "GRDP theo giá hiện hành chia theo ba khu vực kinh tế, 5 năm 2020–2024.",
	  .body = "<p>Quy mô nền kinh tế tăng đều qua các năm. Khu vực nông, lâm nghiệp và thủy sản vẫn chiếm tỷ "
		  "trọng lớn nhất nhưng giảm dần; khu vực dịch vụ tăng nhanh nhất.</p>" ILLUSTRATIVE,
	  .linh_vuc = "tai-khoan-ngan-sach", .ky = "nam", .ngay_ky = "2024-12-31",
	  .nguon = "Cục Thống kê tỉnh Vĩnh Long (số liệu minh họa)",
	  .phuong_phap = "Tổng sản phẩm trên địa bàn tính theo phương pháp sản xuất, theo giá hiện hành, theo "
			 "hệ thống tài khoản quốc gia; số liệu năm 2024 là số ước tính.",
	  .thoi_gian = "quý I/2025", .don_vi_tinh = "tỷ đồng", .file_name = "grdp-2020-2024.xlsx",
	  .table = "Năm;Nông, lâm nghiệp và thủy sản;Công nghiệp và xây dựng;Dịch vụ\n"
		   "2020;21.540,2;11.820,6;19.905,4\n"
		   "2021;21.980,7;12.410,3;19.880,1\n"
		   "2022;23.105,9;13.655,8;22.410,5\n"
		   "2023;24.020,4;14.870,2;24.955,0\n"
		   "2024;24.880,1;16.120,7;27.340,6\n" },
	{ .site = "main", .title = "Chỉ số giá tiêu dùng các tháng năm 2025 so với tháng trước",
	  .summary = "Chỉ số giá tiêu dùng (CPI) chung và của hai nhóm hàng chính, tháng 1 đến tháng 6 năm 2025.",
	  .body = "<p>Chỉ số giá tiêu dùng tăng cao nhất vào tháng 1 (trước Tết Nguyên đán) rồi giảm nhẹ trong "
		  "tháng 2 và tháng 3; nhóm hàng ăn và dịch vụ ăn uống biến động mạnh hơn chỉ số chung.</p>" ILLUSTRATIVE,
	  .linh_vuc = "chi-so-gia", .ky = "thang", .ngay_ky = "2025-06-30",
	  .nguon = "Cục Thống kê tỉnh Vĩnh Long (số liệu minh họa)",
	  .phuong_phap = "Chỉ số giá tính theo công thức Laspeyres, quyền số năm gốc 2024, từ giá thu thập định "
			 "kỳ tại các điểm điều tra trên địa bàn tỉnh.",
	  .thoi_gian = "ngày 10 đến ngày 25 hằng tháng", .don_vi_tinh = "%", .file_name = "cpi-2025.csv",
	  .table = "Tháng;Chỉ số chung;Hàng ăn và dịch vụ ăn uống;Nhà ở, điện, nước, chất đốt\n"
		   "Tháng 1/2025;100,98;101,52;100,40\n"
		   "Tháng 2/2025;99,85;99,60;100,12\n"
		   "Tháng 3/2025;99,90;99,72;100,05\n"
		   "Tháng 4/2025;100,12;100,20;100,31\n"
		   "Tháng 5/2025;100,21;100,35;100,18\n"
		   "Tháng 6/2025;100,30;100,48;100,22\n" },
};
const size_t demo_nstats = sizeof(demo_stats) / sizeof(demo_stats[0]);

int demo_stat_file(const struct demo_stat *d, struct sb *out)
{
	size_t n = strlen(d->file_name);
	if (n < 5 || strcmp(d->file_name + n - 5, ".xlsx") != 0) {
		sb_adds(out, d->table);
		return 0;
	}
	/* the same table as the portal's own exporter writes it */
	char why[320], err[256];
	json_t *t = stat_table_parse(d->table, strlen(d->table), STAT_CSV, why, sizeof(why));
	if (!t)
		return -1;
	struct table tb;
	table_init(&tb, d->title);
	json_t *cols = json_object_get(t, "columns"), *row;
	size_t nc = json_array_size(cols), i;
	for (size_t c = 0; c < nc; c++) {
		json_t *col = json_array_get(cols, c);
		/* the years stay text-like numbers of the first column */
		table_add_column(&tb, json_string_value(json_object_get(col, "name")),
				 json_is_true(json_object_get(col, "numeric")) ? TABLE_NUMBER : TABLE_TEXT);
	}
	const char **cells = xcalloc(nc, sizeof(char *));
	json_array_foreach(json_object_get(t, "rows"), i, row) {
		for (size_t c = 0; c < nc; c++)
			cells[c] = json_string_value(json_array_get(row, c));
		table_add_row(&tb, cells);
	}
	free(cells);
	int rc = table_write_xlsx(&tb, out, err, sizeof(err));
	table_release(&tb);
	json_decref(t);
	return rc;
}

const struct demo_disclosure demo_disclosures[] = {
	{ .site = "main", .title = "Kế hoạch cải cách hành chính tỉnh Vĩnh Long năm 2026 (DEMO)",
	  .number = "901/KH-UBND", .group = "quy-hoach", .created = "2026-01-05", .form = "ca-hai",
	  .published = "2026-01-07", .period = "Thường xuyên", .unit = "Sở Nội vụ",
	  .link = "https://vinhlong.gov.vn/", .body = "<p>Mục dùng thử của bản trình diễn.</p>" },
	{ .site = "main", .title = "Công khai dự toán ngân sách địa phương năm 2026 (DEMO)",
	  .number = "902/QĐ-UBND", .group = "ngan-sach", .created = "2025-12-20", .form = "ca-hai",
	  .published = "2025-12-30", .period = "Ít nhất 90 ngày kể từ ngày công khai", .unit = "Sở Tài chính",
	  .link = "https://vinhlong.gov.vn/", .body = "<p>Mục dùng thử của bản trình diễn.</p>" },
	{ .site = "snv", .title = "Thông báo tuyển dụng công chức năm 2026 (DEMO)",
	  .number = "903/TB-SNV", .group = "can-bo", .created = "2026-02-02", .form = "van-ban",
	  .published = "2026-02-03", .period = "30 ngày", .unit = "Sở Nội vụ", .link = NULL,
	  .body = "<p>Niêm yết tại trụ sở Sở Nội vụ và đăng trên trang. Mục dùng thử của bản trình diễn.</p>" },
};
const size_t demo_ndisclosures = sizeof(demo_disclosures) / sizeof(demo_disclosures[0]);

const struct demo_access demo_access_points[] = {
	{ "main", "Văn phòng Ủy ban nhân dân tỉnh Vĩnh Long", "Giờ hành chính các ngày làm việc",
	  "Tổ chức, công dân yêu cầu cung cấp thông tin bằng Phiếu yêu cầu (Mẫu số 01a đối với cá nhân, 01b đối "
	  "với tổ chức), gửi trực tiếp, qua bưu điện, fax hoặc thư điện tử tới đầu mối ở trên.\n"
	  "Yêu cầu đơn giản được giải quyết trong 3 ngày làm việc; yêu cầu phức tạp được thông báo thời hạn "
	  "trong 3 ngày làm việc và giải quyết trong 15 ngày, có thể gia hạn thêm 15 ngày." },
	{ "snv", "Văn phòng Sở Nội vụ", "Giờ hành chính các ngày làm việc", NULL },
};
const size_t demo_naccess_points = sizeof(demo_access_points) / sizeof(demo_access_points[0]);
