/* directory.c — the demo's directory, schedules and reception sessions (see directory.h). */
#include "demo/directory.h"
#include "base/util.h"

#define VL_UBND "Số 88 đường 2/9, Phường 1, thành phố Vĩnh Long, tỉnh Vĩnh Long"
#define VL_SNV "Số 47 đường Lê Văn Tám, Phường 1, thành phố Vĩnh Long, tỉnh Vĩnh Long"

const struct demo_unit demo_units[] = {
	/* the main portal: the provincial administration */
	{ "main", "UBND-VL", NULL, "Ủy ban nhân dân tỉnh Vĩnh Long",
	  "Cơ quan hành chính nhà nước ở địa phương, chấp hành Hiến pháp, pháp luật và nghị quyết của Hội đồng nhân dân "
	  "tỉnh; tổ chức thi hành pháp luật, quản lý nhà nước trên địa bàn tỉnh (Luật Tổ chức chính quyền địa phương).",
	  VL_UBND, "0270 3822 101", "ubnd@vinhlong.gov.vn", "Chủ tịch UBND tỉnh Lê Minh Khang", 1 },
	{ "main", "VP-UBND", "UBND-VL", "Văn phòng Ủy ban nhân dân tỉnh",
	  "Tham mưu tổng hợp, giúp Ủy ban nhân dân tỉnh tổ chức các hoạt động chung; quản lý Cổng Thông tin điện tử tỉnh, "
	  "Trung tâm Phục vụ hành chính công và công tác tiếp công dân của tỉnh.",
	  VL_UBND, "0270 3823 145", "vpubnd@vinhlong.gov.vn", "Chánh Văn phòng Trần Minh Quang", 1 },
	{ "main", "VP-TH", "VP-UBND", "Phòng Tổng hợp", "Tổng hợp, theo dõi việc thực hiện chương trình công tác, lịch làm "
	  "việc của lãnh đạo UBND tỉnh.", VL_UBND, "0270 3823 150", "phongtonghop@vinhlong.gov.vn", NULL, 1 },
	{ "main", "VP-KT", "VP-UBND", "Phòng Kinh tế", "Tham mưu về kế hoạch, đầu tư, tài chính, nông nghiệp, công thương, "
	  "xây dựng.", VL_UBND, "0270 3823 151", "phongkinhte@vinhlong.gov.vn", NULL, 2 },
	{ "main", "VP-VX", "VP-UBND", "Phòng Văn hóa - Xã hội", "Tham mưu về giáo dục, y tế, văn hóa, lao động, xã hội.",
	  VL_UBND, "0270 3823 152", "phongvanxa@vinhlong.gov.vn", NULL, 3 },
	{ "main", "TTPVHCC", "VP-UBND", "Trung tâm Phục vụ hành chính công tỉnh",
	  "Tiếp nhận, trả kết quả thủ tục hành chính theo cơ chế một cửa, một cửa liên thông (Nghị định 61/2018/NĐ-CP).",
	  "Số 12C đường Hoàng Thái Hiếu, Phường 1, thành phố Vĩnh Long", "0270 3831 331", "hcc@vinhlong.gov.vn", NULL, 4 },
	{ "main", "BTCD", "VP-UBND", "Ban Tiếp công dân tỉnh",
	  "Tiếp công dân thường xuyên; phục vụ lãnh đạo tỉnh tiếp công dân định kỳ, đột xuất (Luật Tiếp công dân 2013).",
	  "Số 12 đường Hoàng Thái Hiếu, Phường 1, thành phố Vĩnh Long", "0270 3827 799", "bantiepcongdan@vinhlong.gov.vn",
	  NULL, 5 },
	{ "main", "SNV", "UBND-VL", "Sở Nội vụ", "Tham mưu quản lý nhà nước về tổ chức bộ máy, công chức, viên chức, chính "
	  "quyền địa phương, thi đua khen thưởng, văn thư, lưu trữ, lao động, việc làm.", VL_SNV, "0270 3822 318",
	  "snv@vinhlong.gov.vn", "Giám đốc Sở Võ Hoàng Phúc", 2 },
	{ "main", "STC", "UBND-VL", "Sở Tài chính", "Tham mưu quản lý nhà nước về tài chính, ngân sách, đầu tư, kế hoạch.",
	  "Số 4 đường Hoàng Thái Hiếu, Phường 1, thành phố Vĩnh Long", "0270 3822 209", "stc@vinhlong.gov.vn", NULL, 3 },
	{ "main", "SYT", "UBND-VL", "Sở Y tế", "Tham mưu quản lý nhà nước về y tế, khám bệnh, chữa bệnh, dược, an toàn "
	  "thực phẩm.", "Số 47 đường Lê Văn Tám, Phường 1, thành phố Vĩnh Long", "0270 3822 142", "syt@vinhlong.gov.vn",
	  NULL, 4 },
	{ "main", "SGDDT", "UBND-VL", "Sở Giáo dục và Đào tạo", "Tham mưu quản lý nhà nước về giáo dục mầm non, phổ thông, "
	  "thường xuyên và đào tạo.", "Số 2 đường Hoàng Thái Hiếu, Phường 1, thành phố Vĩnh Long", "0270 3822 176",
	  "sgddt@vinhlong.gov.vn", NULL, 5 },

	/* the Sở Nội vụ's own structure, on its site */
	{ "snv", "SNV", NULL, "Sở Nội vụ tỉnh Vĩnh Long", "Cơ quan chuyên môn của UBND tỉnh; tham mưu quản lý nhà nước về "
	  "tổ chức bộ máy; vị trí việc làm, biên chế; cán bộ, công chức, viên chức; chính quyền địa phương; thi đua, khen "
	  "thưởng; văn thư, lưu trữ; thanh niên; lao động, tiền lương, việc làm.", VL_SNV, "0270 3822 318",
	  "snv@vinhlong.gov.vn", "Giám đốc Sở Võ Hoàng Phúc", 1 },
	{ "snv", "SNV-VP", "SNV", "Văn phòng Sở", "Tổng hợp, hành chính, văn thư, tài chính, quản trị của Sở; tiếp nhận, "
	  "trả kết quả thủ tục hành chính.", VL_SNV, "0270 3822 320", "vanphong.snv@vinhlong.gov.vn", NULL, 1 },
	{ "snv", "SNV-TTR", "SNV", "Thanh tra Sở", "Thanh tra hành chính, thanh tra chuyên ngành nội vụ; giải quyết khiếu "
	  "nại, tố cáo; phòng, chống tham nhũng.", VL_SNV, "0270 3822 321", "thanhtra.snv@vinhlong.gov.vn", NULL, 2 },
	{ "snv", "SNV-TCBC", "SNV", "Phòng Tổ chức, biên chế và tổ chức phi chính phủ", "Tổ chức bộ máy, vị trí việc làm, "
	  "biên chế; hội, quỹ xã hội, quỹ từ thiện.", VL_SNV, "0270 3822 322", "tcbc.snv@vinhlong.gov.vn", NULL, 3 },
	{ "snv", "SNV-CCVC", "SNV", "Phòng Công chức, viên chức", "Tuyển dụng, sử dụng, quản lý, đào tạo, bồi dưỡng cán "
	  "bộ, công chức, viên chức.", VL_SNV, "0270 3822 323", "ccvc.snv@vinhlong.gov.vn", NULL, 4 },
	{ "snv", "SNV-TDKT", "SNV", "Ban Thi đua - Khen thưởng", "Tham mưu công tác thi đua, khen thưởng của tỉnh.",
	  VL_SNV, "0270 3822 324", "tdkt.snv@vinhlong.gov.vn", NULL, 5 },
	{ "snv", "SNV-VTLT", "SNV", "Chi cục Văn thư - Lưu trữ", "Quản lý văn thư, lưu trữ; quản lý Lưu trữ lịch sử tỉnh.",
	  "Số 10 đường Trưng Nữ Vương, Phường 1, thành phố Vĩnh Long", "0270 3822 325", "vtlt.snv@vinhlong.gov.vn", NULL, 6 },
	{ "snv", "SNV-LTLS", "SNV-VTLT", "Phòng Lưu trữ lịch sử", "Thu thập, bảo quản, phục vụ sử dụng tài liệu lưu trữ "
	  "lịch sử của tỉnh.", "Số 10 đường Trưng Nữ Vương, Phường 1, thành phố Vĩnh Long", "0270 3822 326",
	  "luutru.snv@vinhlong.gov.vn", NULL, 1 },
};
const size_t demo_nunits = ARRAY_SIZE(demo_units);

const struct demo_official demo_officials[] = {
	{ "main", "Lê Minh Khang", "Chủ tịch Ủy ban nhân dân tỉnh", "UBND-VL", "0270 3822 101", NULL,
	  "lmkhang@vinhlong.gov.vn", 0, 0, 1 },
	{ "main", "Nguyễn Thị Hồng Nhung", "Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh", "UBND-VL", "0270 3822 102",
	  NULL, "nthnhung@vinhlong.gov.vn", 0, 0, 2 },
	{ "main", "Phạm Quốc Trung", "Phó Chủ tịch Ủy ban nhân dân tỉnh", "UBND-VL", "0270 3822 103", NULL,
	  "pqtrung@vinhlong.gov.vn", 0, 0, 3 },
	{ "main", "Trần Minh Quang", "Chánh Văn phòng Ủy ban nhân dân tỉnh; Người phát ngôn của UBND tỉnh", "VP-UBND",
	  "0270 3823 145", "0918 200 145", "tmquang@vinhlong.gov.vn", 1, 1, 4 },
	{ "main", "Đặng Thị Thu Trang", "Phó Chánh Văn phòng Ủy ban nhân dân tỉnh", "VP-UBND", "0270 3823 146",
	  "0939 117 246", "dtttrang@vinhlong.gov.vn", 0, 0, 5 },
	{ "main", "Huỳnh Văn Tâm", "Trưởng Ban Tiếp công dân tỉnh", "BTCD", "0270 3827 799", NULL,
	  "hvtam@vinhlong.gov.vn", 0, 0, 6 },
	{ "snv", "Võ Hoàng Phúc", "Giám đốc Sở Nội vụ; Người phát ngôn của Sở", "SNV", "0270 3822 318", "0907 318 318",
	  "vhphuc@vinhlong.gov.vn", 1, 1, 1 },
	{ "snv", "Lâm Thị Ngọc Hân", "Phó Giám đốc Sở Nội vụ", "SNV", "0270 3822 319", "0919 422 319",
	  "ltnhan@vinhlong.gov.vn", 0, 0, 2 },
	{ "snv", "Trương Công Danh", "Chánh Văn phòng Sở", "SNV-VP", "0270 3822 320", NULL, "tcdanh@vinhlong.gov.vn", 0, 0, 3 },
	{ "snv", "Nguyễn Thanh Bình", "Chi cục trưởng Chi cục Văn thư - Lưu trữ", "SNV-VTLT", "0270 3822 325", NULL,
	  "ntbinh@vinhlong.gov.vn", 0, 0, 4 },
};
const size_t demo_nofficials = ARRAY_SIZE(demo_officials);

#define CT "Chủ tịch UBND tỉnh Lê Minh Khang"
#define PCT1 "Phó Chủ tịch Thường trực UBND tỉnh Nguyễn Thị Hồng Nhung"
#define PCT2 "Phó Chủ tịch UBND tỉnh Phạm Quốc Trung"
#define PH1 "Phòng họp số 1, trụ sở UBND tỉnh"
#define GD "Giám đốc Sở Võ Hoàng Phúc"
#define PGD "Phó Giám đốc Sở Lâm Thị Ngọc Hân"

const struct demo_schedule_entry demo_schedule[] = {
	{ "main", -1, 0, "07:30", "11:00", "Họp Ủy ban nhân dân tỉnh thường kỳ: đánh giá tình hình kinh tế - xã hội tháng, "
	  "nhiệm vụ trọng tâm tháng tới", CT, PH1, "Văn phòng UBND tỉnh", "Các Phó Chủ tịch UBND tỉnh; thành viên UBND tỉnh" },
	{ "main", -1, 2, "14:00", "16:30", "Làm việc với Sở Tài chính về tiến độ giải ngân vốn đầu tư công", PCT1,
	  "Phòng họp số 2, trụ sở UBND tỉnh", "Sở Tài chính", "Giám đốc các sở: Tài chính, Xây dựng; Kho bạc Nhà nước khu vực" },
	{ "main", -1, 4, "08:00", NULL, "Tiếp công dân định kỳ", CT, "Trụ sở Ban Tiếp công dân tỉnh", "Ban Tiếp công dân tỉnh",
	  "Thủ trưởng các sở, ngành có liên quan đến vụ việc" },
	{ "main", 0, 0, "07:30", "09:00", "Giao ban lãnh đạo UBND tỉnh", CT, PH1, "Văn phòng UBND tỉnh",
	  "Các Phó Chủ tịch UBND tỉnh; Chánh Văn phòng UBND tỉnh" },
	{ "main", 0, 0, "09:30", "11:00", "Hội nghị trực tuyến về chuyển đổi số, phát triển Cổng dịch vụ công của tỉnh", PCT2,
	  "Hội trường UBND tỉnh và điểm cầu các huyện", "Sở Khoa học và Công nghệ",
	  "Giám đốc các sở, ngành; Chủ tịch UBND các huyện, thị xã, thành phố" },
	{ "main", 0, 1, "08:00", "11:00", "Kiểm tra tiến độ xây dựng cầu, đường trên tuyến Quốc lộ 57", PCT2,
	  "Huyện Long Hồ", "Sở Xây dựng", "Sở Xây dựng; Ban Quản lý dự án đầu tư xây dựng tỉnh; UBND huyện Long Hồ" },
	{ "main", 0, 2, "14:00", "17:00", "Họp Ban Chỉ đạo cải cách hành chính tỉnh", CT, PH1, "Sở Nội vụ",
	  "Thành viên Ban Chỉ đạo" },
	{ "main", 0, 3, NULL, NULL, "Đi công tác tại Thành phố Hồ Chí Minh (cả ngày)", PCT1, "Thành phố Hồ Chí Minh", NULL, NULL },
	{ "main", 0, 4, "08:00", "10:00", "Tiếp và làm việc với Đoàn công tác của Bộ Nội vụ", CT, PH1, "Sở Nội vụ",
	  "Giám đốc Sở Nội vụ; Chánh Văn phòng UBND tỉnh" },
	{ "main", 0, 5, "07:00", NULL, "Dự Lễ phát động Tết trồng cây và ra quân bảo vệ môi trường", PCT2,
	  "Quảng trường tỉnh", "Sở Nông nghiệp và Môi trường", NULL },
	{ "main", 1, 0, "07:30", "11:00", "Họp thông qua dự thảo các nghị quyết trình kỳ họp Hội đồng nhân dân tỉnh", CT, PH1,
	  "Văn phòng UBND tỉnh", "Thành viên UBND tỉnh; Thường trực HĐND tỉnh (mời)" },
	{ "main", 1, 2, "14:00", "16:00", "Làm việc với Sở Y tế về công tác phòng, chống dịch bệnh mùa mưa", PCT1,
	  "Sở Y tế", "Sở Y tế", "Sở Y tế; Trung tâm Kiểm soát bệnh tật tỉnh" },
	{ "snv", 0, 0, "07:30", "09:00", "Giao ban lãnh đạo Sở", GD, "Phòng họp Sở Nội vụ", "Văn phòng Sở",
	  "Phó Giám đốc Sở; trưởng các phòng, ban, chi cục" },
	{ "snv", 0, 1, "08:00", "11:00", "Thẩm định đề án vị trí việc làm của các đơn vị sự nghiệp công lập", PGD,
	  "Phòng họp Sở Nội vụ", "Phòng Tổ chức, biên chế và tổ chức phi chính phủ", "Đại diện các đơn vị có đề án" },
	{ "snv", 0, 3, "14:00", "16:30", "Họp Hội đồng Thi đua - Khen thưởng tỉnh (phiên xét khen thưởng cuối năm)", GD,
	  PH1, "Ban Thi đua - Khen thưởng", "Thành viên Hội đồng" },
};
const size_t demo_nschedule = ARRAY_SIZE(demo_schedule);

const struct demo_reception demo_receptions[] = {
	{ "main", -2, 15, "07:30", "Chủ tịch UBND tỉnh Lê Minh Khang", "Trụ sở Ban Tiếp công dân tỉnh, số 12 đường Hoàng Thái Hiếu",
	  "Tiếp 14 lượt công dân với 11 vụ việc, chủ yếu về bồi thường, hỗ trợ khi thu hồi đất. Chủ tịch UBND tỉnh giao "
	  "Sở Nông nghiệp và Môi trường chủ trì, phối hợp UBND huyện Long Hồ kiểm tra, trả lời công dân trong 15 ngày." },
	{ "main", -1, 15, "07:30", "Chủ tịch UBND tỉnh Lê Minh Khang", "Trụ sở Ban Tiếp công dân tỉnh, số 12 đường Hoàng Thái Hiếu",
	  "Tiếp 9 lượt công dân với 7 vụ việc về đất đai, chính sách người có công. 4 vụ việc được trả lời, giải thích "
	  "tại buổi tiếp; 3 vụ việc giao Sở Nội vụ, UBND thành phố Vĩnh Long xem xét, giải quyết theo thẩm quyền." },
	{ "main", 0, 15, "07:30", "Chủ tịch UBND tỉnh Lê Minh Khang", "Trụ sở Ban Tiếp công dân tỉnh, số 12 đường Hoàng Thái Hiếu",
	  NULL },
	{ "snv", 0, 20, "08:00", "Giám đốc Sở Võ Hoàng Phúc", "Phòng tiếp công dân Sở Nội vụ, số 47 đường Lê Văn Tám", NULL },
};
const size_t demo_nreceptions = ARRAY_SIZE(demo_receptions);
