/* nav.c — the demo's links and fixed pages (nav.h). */
#include "demo/nav.h"

const struct demo_link demo_links[] = {
	{ "main", "Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn", "chinh-phu", 1 },
	{ "main", "Báo Điện tử Chính phủ", "https://baochinhphu.vn", "chinh-phu", 2 },
	{ "main", "Cổng Thông tin điện tử Quốc hội", "https://quochoi.vn", "chinh-phu", 3 },
	{ "main", "Bộ Nội vụ", "https://moha.gov.vn", "bo-nganh", 1 },
	{ "main", "Bộ Tư pháp", "https://moj.gov.vn", "bo-nganh", 2 },
	{ "main", "Bộ Tài chính", "https://mof.gov.vn", "bo-nganh", 3 },
	{ "main", "Bộ Khoa học và Công nghệ", "https://most.gov.vn", "bo-nganh", 4 },
	{ "main", "Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn", "dich-vu", 1 },
	{ "main", "Cơ sở dữ liệu quốc gia về văn bản pháp luật", "https://vbpl.vn", "dich-vu", 2 },
	{ "main", "Công báo Chính phủ", "https://congbao.chinhphu.vn", "dich-vu", 3 },
	{ "main", "Cổng Thông tin điện tử thành phố Cần Thơ", "https://cantho.gov.vn", "tinh-thanh", 1 },
	{ "main", "Cổng Thông tin điện tử tỉnh Đồng Tháp", "https://dongthap.gov.vn", "tinh-thanh", 2 },
	{ "snv", "Bộ Nội vụ", "https://moha.gov.vn", "bo-nganh", 1 },
	{ "snv", "Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn", "dich-vu", 1 },
	{ "longho", "Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn", "dich-vu", 1 },
	{ "longho", "Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn", "chinh-phu", 1 },
};
const size_t demo_nlinks = sizeof(demo_links) / sizeof(demo_links[0]);

const struct demo_page demo_pages[] = {
	{ "main", "gioi-thieu", "Giới thiệu chung về tỉnh Vĩnh Long",
	  "<p>Vĩnh Long nằm ở trung tâm vùng Đồng bằng sông Cửu Long, giữa hai nhánh sông Tiền và sông Hậu, cách "
	  "Thành phố Hồ Chí Minh khoảng 135 km về phía Tây Nam. Tỉnh có diện tích tự nhiên khoảng 1.525 km² và "
	  "dân số khoảng 1,02 triệu người (Tổng điều tra dân số và nhà ở năm 2019).</p>"
	  "<p>Tỉnh có 8 đơn vị hành chính cấp huyện: thành phố Vĩnh Long, thị xã Bình Minh và các huyện Long Hồ, "
	  "Mang Thít, Vũng Liêm, Tam Bình, Trà Ôn, Bình Tân (xem <strong>Bản đồ hành chính</strong>).</p>"
	  "<p>Kinh tế của tỉnh dựa nhiều vào nông nghiệp: lúa, cây ăn trái (bưởi Năm Roi, cam sành, chôm chôm), "
	  "thủy sản và nghề gốm đỏ ven sông Cổ Chiên; du lịch sinh thái miệt vườn, cù lao An Bình.</p>", 1 },
	{ "main", "chuc-nang-nhiem-vu", "Chức năng, nhiệm vụ của Ủy ban nhân dân tỉnh",
	  "<p>Ủy ban nhân dân tỉnh do Hội đồng nhân dân tỉnh bầu, là cơ quan chấp hành của Hội đồng nhân dân "
	  "tỉnh, cơ quan hành chính nhà nước ở địa phương, chịu trách nhiệm trước Nhân dân địa phương, Hội đồng "
	  "nhân dân tỉnh và cơ quan hành chính nhà nước cấp trên (Luật Tổ chức chính quyền địa phương năm 2015).</p>"
	  "<p>Ủy ban nhân dân tỉnh có các nhiệm vụ, quyền hạn chủ yếu:</p>"
	  "<ul><li>Xây dựng, trình Hội đồng nhân dân tỉnh quyết định các nội dung thuộc thẩm quyền và tổ chức "
	  "thực hiện các nghị quyết của Hội đồng nhân dân tỉnh;</li>"
	  "<li>Quy định tổ chức bộ máy và nhiệm vụ, quyền hạn cụ thể của các cơ quan chuyên môn thuộc Ủy ban "
	  "nhân dân tỉnh;</li>"
	  "<li>Tổ chức thi hành Hiến pháp và pháp luật, xây dựng chính quyền và địa giới hành chính, giáo dục, "
	  "đào tạo, khoa học, công nghệ, văn hóa, thông tin, thể dục, thể thao, y tế, lao động, chính sách xã "
	  "hội, dân tộc, tôn giáo, quốc phòng, an ninh, trật tự, an toàn xã hội trên địa bàn tỉnh;</li>"
	  "<li>Thực hiện nhiệm vụ, quyền hạn do cơ quan nhà nước cấp trên phân cấp, ủy quyền.</li></ul>", 2 },
	{ "main", "lich-su", "Lịch sử hình thành tỉnh Vĩnh Long",
	  "<p>Năm 1832, dưới triều vua Minh Mạng, tỉnh Vĩnh Long được thành lập, là một trong sáu tỉnh Nam Kỳ "
	  "(Nam Kỳ lục tỉnh).</p>"
	  "<p>Năm 1976, tỉnh Vĩnh Long và tỉnh Trà Vinh hợp nhất thành tỉnh Cửu Long. Ngày 26 tháng 12 năm 1991, "
	  "Quốc hội khóa VIII, kỳ họp thứ 10 quyết định chia tỉnh Cửu Long thành hai tỉnh Vĩnh Long và Trà Vinh; "
	  "tỉnh Vĩnh Long được tái lập từ tháng 5 năm 1992.</p>", 3 },
	{ "snv", "chuc-nang-nhiem-vu", "Chức năng, nhiệm vụ của Sở Nội vụ",
	  "<p>Sở Nội vụ là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, có chức năng tham mưu, giúp Ủy ban nhân "
	  "dân tỉnh quản lý nhà nước về tổ chức hành chính, sự nghiệp nhà nước; vị trí việc làm, biên chế công "
	  "chức; cán bộ, công chức, viên chức; chính quyền địa phương, địa giới hành chính; cải cách hành chính; "
	  "văn thư, lưu trữ; tôn giáo; thi đua, khen thưởng và công tác thanh niên.</p>", 1 },
};
const size_t demo_npages = sizeof(demo_pages) / sizeof(demo_pages[0]);
