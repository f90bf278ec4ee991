/* projects.c — the demo's investment projects, bidding packages and science tasks (projects.h).
 *
 * DEMO content, not real records: the places, roads, rivers, schools, hospitals, crops and
 * agencies are those of Vĩnh Long, and the kinds of project are those its public investment plans
 * carry (roads and bridges, river-bank embankments against erosion, schools, hospitals, water
 * supply, digital transformation); the project codes, notice numbers (IB26…), decision numbers
 * (from 900 up, as the demo's documents: demo/legal.c), amounts, dates, contractors and
 * investigators are invented. The methods of choosing contractors are Luật Đấu thầu 2023's. */
#include "demo/projects.h"
#include "base/sb.h"

#include <stdio.h>

#define F(...) ((const char *const[]){ __VA_ARGS__, NULL })

const struct demo_kind_item demo_project_items[] = {
	/* ---- projects of the province (main portal: Sở Tài chính publishes them, VP Đ5.2) ---- */
	{ "main", "project", "Nâng cấp, mở rộng Đường tỉnh 902 đoạn từ thị trấn Long Hồ đến cầu Mang Thít",
	  "<p>Dự án nâng cấp mặt đường bê tông nhựa, mở rộng nền đường lên 9 m, xây mới 4 cầu bê tông cốt thép "
	  "thay cầu yếu, bảo đảm kết nối giao thông liên huyện và vận chuyển nông sản.</p>",
	  F("ma_du_an", "VL-DA-2024-015", "trang_thai", "dang-thuc-hien", "linh_vuc", "Giao thông", "loai", "dau-tu-cong",
	    "nhom", "nhom-b", "muc_tieu", "Hoàn thiện trục giao thông kết nối thành phố Vĩnh Long với các huyện phía Đông, "
	    "giảm thời gian vận chuyển hàng hóa nông sản và bảo đảm an toàn giao thông.",
	    "dia_diem", "Huyện Long Hồ và huyện Mang Thít, tỉnh Vĩnh Long", "chu_dau_tu",
	    "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh Vĩnh Long", "ngay_phe_duyet", "2024-03-18",
	    "quyet_dinh", "912/QĐ-UBND", "thoi_gian_bat_dau", "2024-06-01", "thoi_gian_ket_thuc", "2027-06-30",
	    "tong_muc_dau_tu", "485.600.000.000", "nguon_von", "ngan-sach-dia-phuong") },
	{ "main", "project", "Kè chống sạt lở bờ sông Cổ Chiên khu vực phường 1, thành phố Vĩnh Long",
	  "<p>Xây dựng 1.250 m kè bê tông cốt thép kết hợp đường dạo ven sông, bảo vệ khu dân cư và công trình "
	  "công cộng trước sạt lở bờ sông.</p>",
	  F("ma_du_an", "VL-DA-2023-041", "trang_thai", "hoan-thanh", "linh_vuc", "Nông nghiệp và thủy lợi",
	    "loai", "dau-tu-cong", "nhom", "nhom-b", "muc_tieu", "Chống sạt lở bờ sông, bảo vệ tính mạng, tài sản của "
	    "người dân và chỉnh trang cảnh quan đô thị ven sông Cổ Chiên.",
	    "dia_diem", "Phường 1, thành phố Vĩnh Long", "chu_dau_tu",
	    "Ban Quản lý dự án đầu tư xây dựng công trình nông nghiệp và phát triển nông thôn tỉnh",
	    "ngay_phe_duyet", "2023-02-20", "quyet_dinh", "905/QĐ-UBND", "thoi_gian_bat_dau", "2023-05-15",
	    "thoi_gian_ket_thuc", "2025-12-20", "tong_muc_dau_tu", "198.750.000.000",
	    "nguon_von", "ngan-sach-trung-uong") },
	{ "main", "project", "Đường vành đai phía Nam thành phố Vĩnh Long",
	  NULL,
	  F("ma_du_an", "VL-DA-2026-003", "trang_thai", "chuan-bi", "linh_vuc", "Giao thông", "loai", "dau-tu-cong",
	    "nhom", "nhom-a", "muc_tieu", "Hình thành trục vành đai giảm tải cho Quốc lộ 1 qua nội ô, mở quỹ đất phát "
	    "triển đô thị phía Nam thành phố.", "dia_diem", "Thành phố Vĩnh Long và huyện Long Hồ",
	    "chu_dau_tu", "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh Vĩnh Long",
	    "ngay_phe_duyet", "2026-04-09", "quyet_dinh", "931/NQ-HĐND", "thoi_gian_bat_dau", "2027-01-01",
	    "thoi_gian_ket_thuc", "2030-12-31", "tong_muc_dau_tu", "2.150 tỷ", "nguon_von", "hon-hop") },
	{ "main", "project", "Hệ thống cấp nước sạch liên xã vùng ven sông Hậu, huyện Trà Ôn",
	  NULL,
	  F("ma_du_an", "VL-DA-2025-022", "trang_thai", "dang-thuc-hien", "linh_vuc", "Cấp thoát nước", "loai", "oda",
	    "nhom", "nhom-b", "muc_tieu", "Cung cấp nước sạch ổn định cho khoảng 12.000 hộ dân vùng thường xuyên bị "
	    "xâm nhập mặn.", "dia_diem", "Các xã ven sông Hậu, huyện Trà Ôn", "chu_dau_tu",
	    "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn tỉnh Vĩnh Long", "ngay_phe_duyet", "2025-01-15",
	    "quyet_dinh", "918/QĐ-UBND", "thoi_gian_bat_dau", "2025-04-01", "thoi_gian_ket_thuc", "2028-03-31",
	    "tong_muc_dau_tu", "236.400.000.000", "nguon_von", "vay-uu-dai",
	    "nha_tai_tro", "Ngân hàng Thế giới (WB)") },
	{ "main", "project", "Nền tảng dữ liệu dùng chung và Trung tâm giám sát điều hành thông minh tỉnh Vĩnh Long",
	  NULL,
	  F("ma_du_an", "VL-DA-2025-030", "trang_thai", "dang-thuc-hien", "linh_vuc", "Khoa học, công nghệ và chuyển đổi số",
	    "loai", "dau-tu-cong", "nhom", "nhom-c", "muc_tieu", "Kết nối, chia sẻ dữ liệu giữa các sở, ngành và xã, "
	    "phường; giám sát chỉ số phục vụ người dân và doanh nghiệp theo thời gian thực.",
	    "dia_diem", "Thành phố Vĩnh Long", "chu_dau_tu", "Sở Khoa học và Công nghệ tỉnh Vĩnh Long",
	    "ngay_phe_duyet", "2025-06-25", "quyet_dinh", "925/QĐ-UBND", "thoi_gian_bat_dau", "2025-09-01",
	    "thoi_gian_ket_thuc", "2026-12-31", "tong_muc_dau_tu", "86.900.000.000", "nguon_von", "ngan-sach-dia-phuong") },
	/* ---- a department's and a district's own projects: the main portal lists them too ---- */
	{ "syt", "project", "Đầu tư xây dựng Khối điều trị nội trú Bệnh viện Đa khoa tỉnh Vĩnh Long",
	  "<p>Khối nhà 9 tầng, 500 giường bệnh, kèm trang thiết bị hồi sức tích cực và hệ thống khí y tế.</p>",
	  F("ma_du_an", "VL-DA-2024-008", "trang_thai", "dang-thuc-hien", "linh_vuc", "Y tế", "loai", "dau-tu-cong",
	    "nhom", "nhom-b", "muc_tieu", "Giảm quá tải, nâng cao chất lượng khám, chữa bệnh tuyến tỉnh.",
	    "dia_diem", "Phường 1, thành phố Vĩnh Long", "chu_dau_tu", "Sở Y tế tỉnh Vĩnh Long",
	    "ngay_phe_duyet", "2024-08-12", "quyet_dinh", "915/QĐ-UBND", "thoi_gian_bat_dau", "2024-11-01",
	    "thoi_gian_ket_thuc", "2027-10-31", "tong_muc_dau_tu", "612.300.000.000", "nguon_von", "hon-hop") },
	{ "sgddt", "project", "Xây dựng mới 16 phòng học và phòng bộ môn Trường THPT Lưu Văn Liệt",
	  NULL,
	  F("ma_du_an", "VL-DA-2025-047", "trang_thai", "hoan-thanh", "linh_vuc", "Giáo dục và đào tạo",
	    "loai", "dau-tu-cong", "nhom", "nhom-c", "muc_tieu", "Đáp ứng chương trình giáo dục phổ thông 2018, thay "
	    "thế dãy phòng học xuống cấp.", "dia_diem", "Phường 3, thành phố Vĩnh Long",
	    "chu_dau_tu", "Sở Giáo dục và Đào tạo tỉnh Vĩnh Long", "ngay_phe_duyet", "2025-02-27",
	    "quyet_dinh", "920/QĐ-UBND", "thoi_gian_bat_dau", "2025-05-05", "thoi_gian_ket_thuc", "2026-08-15",
	    "tong_muc_dau_tu", "32.480.000.000", "nguon_von", "ngan-sach-dia-phuong") },
	{ "longho", "project", "Nâng cấp đường liên ấp Phú Hòa – Phú Thạnh, xã Phú Quới",
	  NULL,
	  F("ma_du_an", "LH-DA-2026-002", "trang_thai", "chuan-bi", "linh_vuc", "Giao thông", "loai", "dau-tu-cong",
	    "nhom", "nhom-c", "muc_tieu", "Bê tông hóa 3,2 km đường liên ấp, đạt tiêu chí giao thông nông thôn mới "
	    "nâng cao.", "dia_diem", "Xã Phú Quới, huyện Long Hồ", "chu_dau_tu", "Ủy ban nhân dân huyện Long Hồ",
	    "ngay_phe_duyet", "2026-05-20", "thoi_gian_bat_dau", "2027-02-01", "thoi_gian_ket_thuc", "2027-12-31",
	    "tong_muc_dau_tu", "14.750.000.000", "nguon_von", "ngan-sach-dia-phuong") },

	/* ---- bidding packages of those projects ---- */
	{ "main", "bidding", "Gói thầu số 05: Thi công xây dựng đoạn Km0+000 – Km8+500, Đường tỉnh 902",
	  NULL,
	  F("so_tbmt", "IB2400051234", "trang_thai", "co-ket-qua", "du_an", "VL-DA-2024-015",
	    "ben_moi_thau", "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh Vĩnh Long",
	    "linh_vuc", "xay-lap", "hinh_thuc", "dau-thau-rong-rai", "gia_goi_thau", "214.870.000.000",
	    "nguon_von", "ngan-sach-dia-phuong", "ngay_dang", "2024-07-02", "ngay_dong_thau", "2024-07-24",
	    "gio_dong_thau", "09:00", "ngay_mo_thau", "2024-07-24", "nha_trung_thau",
	    "Liên danh Công ty Cổ phần Xây dựng Cửu Long – Công ty TNHH Đường bộ Mekong",
	    "gia_trung_thau", "209.115.400.000", "ngay_ket_qua", "2024-09-10") },
	{ "main", "bidding", "Gói thầu số 09: Tư vấn giám sát thi công xây dựng, Đường tỉnh 902",
	  NULL,
	  F("so_tbmt", "IB2400061877", "trang_thai", "co-ket-qua", "du_an", "VL-DA-2024-015",
	    "ben_moi_thau", "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh Vĩnh Long",
	    "linh_vuc", "tu-van", "hinh_thuc", "chi-dinh-thau", "gia_goi_thau", "3.452.000.000",
	    "nguon_von", "ngan-sach-dia-phuong", "ngay_dang", "2024-08-05", "nha_trung_thau",
	    "Công ty Cổ phần Tư vấn Xây dựng Giao thông Vĩnh Long", "gia_trung_thau", "3.398.500.000",
	    "ngay_ket_qua", "2024-08-26") },
	{ "main", "bidding", "Gói thầu số 03: Cung cấp, lắp đặt đường ống truyền tải nước sạch liên xã, huyện Trà Ôn",
	  NULL,
	  F("so_tbmt", "IB2600071502", "trang_thai", "moi-thau", "du_an", "VL-DA-2025-022",
	    "ben_moi_thau", "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn tỉnh Vĩnh Long",
	    "linh_vuc", "hon-hop", "hinh_thuc", "dau-thau-rong-rai", "gia_goi_thau", "96.250.000.000",
	    "nguon_von", "vay-uu-dai", "ngay_dang", "2026-11-25", "ngay_dong_thau", "2026-12-28",
	    "gio_dong_thau", "09:30", "ngay_mo_thau", "2026-12-28") },
	{ "main", "bidding", "Gói thầu số 02: Mua sắm thiết bị Trung tâm giám sát điều hành thông minh",
	  NULL,
	  F("so_tbmt", "IB2600044120", "trang_thai", "huy", "du_an", "VL-DA-2025-030",
	    "ben_moi_thau", "Sở Khoa học và Công nghệ tỉnh Vĩnh Long", "linh_vuc", "hang-hoa",
	    "hinh_thuc", "dau-thau-rong-rai", "gia_goi_thau", "41.630.000.000", "nguon_von", "ngan-sach-dia-phuong",
	    "ngay_dang", "2026-03-10", "ngay_dong_thau", "2026-04-02", "gio_dong_thau", "14:00",
	    "ly_do_huy", "Tất cả hồ sơ dự thầu không đáp ứng yêu cầu về kỹ thuật của hồ sơ mời thầu; tổ chức lựa "
	    "chọn nhà thầu lại sau khi điều chỉnh hồ sơ mời thầu.") },
	{ "main", "bidding", "Gói thầu số 02A: Mua sắm thiết bị Trung tâm giám sát điều hành thông minh (mời thầu lại)",
	  NULL,
	  F("so_tbmt", "IB2600052288", "trang_thai", "co-ket-qua", "du_an", "VL-DA-2025-030",
	    "ben_moi_thau", "Sở Khoa học và Công nghệ tỉnh Vĩnh Long", "linh_vuc", "hang-hoa",
	    "hinh_thuc", "dau-thau-rong-rai", "gia_goi_thau", "41.630.000.000", "nguon_von", "ngan-sach-dia-phuong",
	    "ngay_dang", "2026-05-04", "ngay_dong_thau", "2026-05-26", "gio_dong_thau", "09:00",
	    "ngay_mo_thau", "2026-05-26", "nha_trung_thau", "Công ty Cổ phần Công nghệ Số Tây Nam",
	    "gia_trung_thau", "39.870.250.000", "ngay_ket_qua", "2026-07-14") },
	{ "syt", "bidding", "Gói thầu số 11: Mua sắm máy chụp cắt lớp vi tính 128 lát cắt",
	  NULL,
	  F("so_tbmt", "IB2600083315", "trang_thai", "moi-thau", "du_an", "VL-DA-2024-008",
	    "ben_moi_thau", "Sở Y tế tỉnh Vĩnh Long", "linh_vuc", "hang-hoa", "hinh_thuc", "dau-thau-rong-rai",
	    "gia_goi_thau", "27.900.000.000", "nguon_von", "ngan-sach-dia-phuong", "ngay_dang", "2026-11-30",
	    "ngay_dong_thau", "2026-12-22", "gio_dong_thau", "10:00", "ngay_mo_thau", "2026-12-22") },
	{ "sgddt", "bidding", "Gói thầu số 01: Thi công xây dựng 16 phòng học, Trường THPT Lưu Văn Liệt",
	  NULL,
	  F("so_tbmt", "IB2500039041", "trang_thai", "co-ket-qua", "du_an", "VL-DA-2025-047",
	    "ben_moi_thau", "Sở Giáo dục và Đào tạo tỉnh Vĩnh Long", "linh_vuc", "xay-lap",
	    "hinh_thuc", "chao-hang-canh-tranh", "gia_goi_thau", "27.615.000.000", "nguon_von", "ngan-sach-dia-phuong",
	    "ngay_dang", "2025-04-01", "ngay_dong_thau", "2025-04-12", "gio_dong_thau", "08:30",
	    "ngay_mo_thau", "2025-04-12", "nha_trung_thau", "Công ty TNHH Xây dựng Thành Lợi",
	    "gia_trung_thau", "27.102.600.000", "ngay_ket_qua", "2025-04-28") },

	/* ---- science and technology tasks (Sở Khoa học và Công nghệ, VP Đ5.4) ---- */
	{ "main", "science", "Nghiên cứu quy trình canh tác cam sành theo hướng hữu cơ thích ứng hạn mặn tại huyện Tam Bình",
	  NULL,
	  F("ma_so", "ĐT.03-2025/KHCN", "loai", "de-tai", "cap_quan_ly", "tinh", "linh_vuc", "Khoa học nông nghiệp",
	    "to_chuc_chu_tri", "Trường Đại học Cửu Long", "chu_nhiem", "TS. Trần Thị Ngọc Hân",
	    "trang_thai", "dang-thuc-hien", "ngay_bat_dau", "2025-03-01", "ngay_ket_thuc", "2027-02-28",
	    "kinh_phi", "1.480.000.000", "muc_tieu", "Xây dựng quy trình canh tác cam sành hữu cơ, giảm 30% phân bón "
	    "hóa học và bảo đảm năng suất trong điều kiện hạn, mặn.") },
	{ "main", "science", "Bảo tồn và phát huy giá trị nghề làm gốm đỏ ven sông Cổ Chiên gắn với phát triển du lịch",
	  NULL,
	  F("ma_so", "ĐT.07-2024/KHCN", "loai", "de-tai", "cap_quan_ly", "tinh", "linh_vuc", "Khoa học nhân văn",
	    "to_chuc_chu_tri", "Trường Đại học Sư phạm Kỹ thuật Vĩnh Long", "chu_nhiem", "PGS.TS. Lê Văn Thuận",
	    "trang_thai", "dang-thuc-hien", "ngay_bat_dau", "2024-06-01", "ngay_ket_thuc", "2026-12-31",
	    "kinh_phi", "965.000.000", "muc_tieu", "Số hóa tư liệu về làng nghề gốm Mang Thít, đề xuất mô hình du lịch "
	    "trải nghiệm làng nghề.") },
	{ "main", "science", "Ứng dụng công nghệ nuôi cấy mô nhân giống khoai lang tím sạch bệnh tại huyện Bình Tân",
	  NULL,
	  F("ma_so", "DA.02-2023/KHCN", "loai", "du-an-sxtn", "cap_quan_ly", "tinh", "linh_vuc", "Khoa học nông nghiệp",
	    "to_chuc_chu_tri", "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ tỉnh Vĩnh Long",
	    "chu_nhiem", "ThS. Nguyễn Hoàng Phúc", "trang_thai", "da-nghiem-thu", "ngay_bat_dau", "2023-04-01",
	    "ngay_ket_thuc", "2025-03-31", "kinh_phi", "2.120.000.000", "ngay_nghiem_thu", "2025-06-18",
	    "muc_tieu", "Làm chủ quy trình nhân giống khoai lang tím bằng nuôi cấy mô, cung cấp cây giống sạch bệnh "
	    "cho nông dân.", "ket_qua", "Sản xuất 1,2 triệu cây giống sạch bệnh; năng suất mô hình tăng 18% so với "
	    "giống truyền thống; quy trình được chuyển giao cho 3 hợp tác xã.",
	    "bao_cao_tong_hop", "@pdf:bao-cao-tong-hop-DA.02-2023.pdf",
	    "bao_cao_ung_dung", "@pdf:bao-cao-ung-dung-DA.02-2023.pdf") },
	{ "main", "science", "Đánh giá diễn biến xâm nhập mặn vùng ven sông Cổ Chiên và đề xuất giải pháp bảo đảm nước tưới",
	  NULL,
	  F("ma_so", "ĐT.11-2022/KHCN", "loai", "de-tai", "cap_quan_ly", "tinh", "linh_vuc", "Khoa học tự nhiên",
	    "to_chuc_chu_tri", "Trường Đại học Cần Thơ", "chu_nhiem", "TS. Võ Quốc Thành", "trang_thai", "da-nghiem-thu",
	    "ngay_bat_dau", "2022-07-01", "ngay_ket_thuc", "2024-06-30", "kinh_phi", "1.150.000.000",
	    "ngay_nghiem_thu", "2024-09-12", "ket_qua", "Bản đồ xâm nhập mặn theo mùa cho 6 huyện ven sông; bộ giải "
	    "pháp vận hành cống, trữ nước ngọt được Sở Nông nghiệp và Môi trường áp dụng từ mùa khô 2024–2025.",
	    "bao_cao_tong_hop", "@pdf:bao-cao-tong-hop-DT.11-2022.pdf",
	    "bao_cao_ung_dung", "@pdf:bao-cao-ung-dung-DT.11-2022.pdf") },
	{ "main", "science", "Xây dựng mô hình xã thông minh ứng dụng nền tảng số phục vụ người dân",
	  NULL,
	  F("ma_so", "CS.01-2026/UBND-LH", "loai", "nhiem-vu", "cap_quan_ly", "co-so",
	    "linh_vuc", "Khoa học kỹ thuật và công nghệ", "to_chuc_chu_tri", "Ủy ban nhân dân huyện Long Hồ",
	    "chu_nhiem", "KS. Phạm Minh Tâm", "trang_thai", "dang-thuc-hien", "ngay_bat_dau", "2026-02-15",
	    "ngay_ket_thuc", "2026-12-31", "kinh_phi", "350.000.000") },
};
const size_t demo_project_nitems = sizeof(demo_project_items) / sizeof(demo_project_items[0]);

char *demo_report_pdf(const char *title, const char *line, size_t *len)
{
	struct sb content = SB_INIT, pdf = SB_INIT;
	sb_addf(&content, "BT /F1 16 Tf 56 780 Td (%s) Tj 0 -28 Td /F1 11 Tf (%s) Tj 0 -20 Td "
		"(Noi dung minh hoa cua ban demo - DEMO content, not a real report.) Tj ET", title, line);
	long off[6];
	sb_adds(&pdf, "%PDF-1.4\n");
	off[1] = (long)pdf.len;
	sb_adds(&pdf, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
	off[2] = (long)pdf.len;
	sb_adds(&pdf, "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
	off[3] = (long)pdf.len;
	sb_adds(&pdf, "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
		" /Resources << /Font << /F1 5 0 R >> >> >> endobj\n");
	off[4] = (long)pdf.len;
	sb_addf(&pdf, "4 0 obj << /Length %zu >> stream\n%s\nendstream endobj\n", content.len, content.buf);
	off[5] = (long)pdf.len;
	sb_adds(&pdf, "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n");
	long xref = (long)pdf.len;
	sb_adds(&pdf, "xref\n0 6\n0000000000 65535 f \n");
	for (int i = 1; i <= 5; i++)
		sb_addf(&pdf, "%010ld 00000 n \n", off[i]);
	sb_addf(&pdf, "trailer << /Size 6 /Root 1 0 R >>\nstartxref\n%ld\n%%%%EOF\n", xref);
	sb_release(&content);
	return sb_detach(&pdf, len);
}
