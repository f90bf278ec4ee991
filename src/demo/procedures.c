/* procedures.c — the demo's administrative procedures and the legal documents they rest on (see
 * procedures.h).
 *
 * Where the rows come from
 *   - Codes and names are those of the national database of administrative procedures (Cơ sở dữ
 *     liệu quốc gia về thủ tục hành chính, shown on dichvucong.gov.vn) for these procedures.
 *   - Processing times, fees and papers follow the laws named in each row's bases (Luật Hộ tịch
 *     2014 Đ11, Đ16, Đ18, Đ21, Đ25, Đ38; Nghị định 123/2015/NĐ-CP; Nghị định 23/2015/NĐ-CP; Luật
 *     Cư trú 2020 Đ22; Luật Doanh nghiệp 2020 Đ26). The wording is shortened for the demo; a
 *     province publishes the full text its announcing decision carries.
 *   - Agencies: the demo province keeps a district (Huyện Long Hồ) beside its communes, so
 *     district-level procedures sit there; business registration is the Sở Tài chính's since the
 *     Sở Kế hoạch và Đầu tư merged into it (2025).
 *   - Rows marked DEMO are not real: the province's announcing decisions (Quyết định công bố),
 *     numbered from 950 up (the legal table uses 901–911), with invented dates. Each procedure's
 *     effective day is its announcing decision's.
 *   - Fees where the amount is set by the provincial People's Council are described, not
 *     invented. */
#include "demo/procedures.h"
#include "base/util.h"
#include "base/sb.h"

#define HO_TICH "60/2014/QH13;123/2015/NĐ-CP;118/2025/NĐ-CP;950/QĐ-UBND"
#define CHUNG_THUC "23/2015/NĐ-CP;118/2025/NĐ-CP;950/QĐ-UBND"
#define EFF_950 "2026-03-16" /* DEMO: 950/QĐ-UBND */
#define EFF_951 "2026-05-04" /* DEMO: 951/QĐ-UBND */

const struct demo_procedure demo_procedures[] = {
	{ .site = "chauthanh", .code = "1.001193", .name = "Đăng ký khai sinh",
	  .field = "Hộ tịch", .level = "xa", .agency = "Ủy ban nhân dân xã Châu Thành", .service = "toan-trinh",
	  .who = "Cha, mẹ, ông, bà, người thân thích khác của trẻ em",
	  .steps = "Người yêu cầu nộp hồ sơ tại Bộ phận Một cửa của Ủy ban nhân dân xã hoặc trực tuyến trên Cổng Dịch vụ công quốc gia.\n"
		   "Công chức tư pháp - hộ tịch kiểm tra hồ sơ; nếu đầy đủ, hợp lệ thì ghi nội dung khai sinh vào Sổ hộ tịch và cập nhật vào Cơ sở dữ liệu hộ tịch điện tử.\n"
		   "Chủ tịch Ủy ban nhân dân xã cấp Giấy khai sinh cho người được đăng ký khai sinh.",
	  .how = "Trực tiếp tại Bộ phận Một cửa Ủy ban nhân dân xã Châu Thành (Ấp Bình Hòa); qua dịch vụ bưu chính; trực tuyến trên Cổng Dịch vụ công quốc gia.",
	  .days = "0",
	  .fees = "Miễn lệ phí đăng ký khai sinh đúng hạn (Luật Hộ tịch, Điều 11).",
	  .result = "Giấy khai sinh (bản chính); bản sao Giấy khai sinh nếu có yêu cầu.",
	  .requirements = "Trong thời hạn 60 ngày kể từ ngày sinh con, cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con.",
	  .bases = HO_TICH, .effective = EFF_950,
	  .papers = { { "Tờ khai đăng ký khai sinh (theo mẫu)", "Bản chính: 1" },
		      { "Giấy chứng sinh hoặc giấy tờ thay thế Giấy chứng sinh", "Bản chính: 1" } } },

	{ .site = "chauthanh", .code = "1.000894", .name = "Đăng ký kết hôn",
	  .field = "Hộ tịch", .level = "xa", .agency = "Ủy ban nhân dân xã Châu Thành", .service = "mot-phan",
	  .who = "Công dân Việt Nam cư trú ở trong nước",
	  .steps = "Hai bên nam, nữ nộp hồ sơ tại Bộ phận Một cửa của Ủy ban nhân dân xã nơi cư trú của một trong hai bên.\n"
		   "Công chức tư pháp - hộ tịch kiểm tra điều kiện kết hôn; trường hợp cần xác minh thì thời hạn không quá 05 ngày làm việc.\n"
		   "Hai bên cùng có mặt, ký vào Sổ hộ tịch và Giấy chứng nhận kết hôn; Chủ tịch Ủy ban nhân dân xã trao Giấy chứng nhận kết hôn.",
	  .how = "Nộp hồ sơ trực tiếp hoặc trực tuyến; khi nhận kết quả hai bên phải cùng có mặt.",
	  .days = "0",
	  .fees = "Miễn lệ phí đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước (Luật Hộ tịch, Điều 11).",
	  .result = "Giấy chứng nhận kết hôn (mỗi bên một bản chính).",
	  .requirements = "Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi; tự nguyện; không thuộc trường hợp cấm kết hôn.",
	  .bases = HO_TICH, .effective = EFF_950,
	  .papers = { { "Tờ khai đăng ký kết hôn (theo mẫu)", "Bản chính: 1" },
		      { "Giấy xác nhận tình trạng hôn nhân (khi đăng ký tại nơi không phải nơi thường trú)", "Bản chính: 1" } } },

	{ .site = "chauthanh", .code = "1.000656", .name = "Đăng ký khai tử",
	  .field = "Hộ tịch", .level = "xa", .agency = "Ủy ban nhân dân xã Châu Thành", .service = "toan-trinh",
	  .who = "Người thân thích của người chết; đại diện cơ quan, tổ chức, cá nhân liên quan",
	  .steps = "Người đi đăng ký khai tử nộp hồ sơ tại Ủy ban nhân dân xã nơi cư trú cuối cùng của người chết.\n"
		   "Công chức tư pháp - hộ tịch kiểm tra; nếu việc khai tử đúng thì ghi vào Sổ hộ tịch; trường hợp cần xác minh thì không quá 03 ngày làm việc.\n"
		   "Chủ tịch Ủy ban nhân dân xã cấp Trích lục khai tử.",
	  .how = "Trực tiếp; qua dịch vụ bưu chính; trực tuyến trên Cổng Dịch vụ công quốc gia.",
	  .days = "0",
	  .fees = "Miễn lệ phí đăng ký khai tử đúng hạn (Luật Hộ tịch, Điều 11).",
	  .result = "Trích lục khai tử (bản chính).",
	  .requirements = "Trong thời hạn 15 ngày kể từ ngày có người chết, người thân thích có trách nhiệm đi khai tử.",
	  .bases = HO_TICH, .effective = EFF_950,
	  .papers = { { "Tờ khai đăng ký khai tử (theo mẫu)", "Bản chính: 1" },
		      { "Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử", "Bản chính: 1" } } },

	{ .site = "chauthanh", .code = "1.004884", .name = "Đăng ký lại khai sinh",
	  .field = "Hộ tịch", .level = "xa", .agency = "Ủy ban nhân dân xã Châu Thành", .service = "mot-phan",
	  .who = "Người đã đăng ký khai sinh tại cơ quan đăng ký hộ tịch của Việt Nam nhưng Sổ hộ tịch và bản chính Giấy khai sinh đều bị mất",
	  .steps = "Nộp hồ sơ tại Ủy ban nhân dân xã nơi đã đăng ký khai sinh trước đây hoặc nơi người yêu cầu thường trú.\n"
		   "Công chức tư pháp - hộ tịch kiểm tra, xác minh hồ sơ.\n"
		   "Chủ tịch Ủy ban nhân dân xã ký cấp bản chính Giấy khai sinh.",
	  .how = "Trực tiếp hoặc trực tuyến (một phần: nhận kết quả trực tiếp).",
	  .days = "5",
	  .fees = "Theo Nghị quyết của Hội đồng nhân dân tỉnh về lệ phí hộ tịch.",
	  .result = "Giấy khai sinh (bản chính).",
	  .bases = HO_TICH, .effective = EFF_950,
	  .papers = { { "Tờ khai đăng ký lại khai sinh (theo mẫu)", "Bản chính: 1" },
		      { "Bản sao Giấy khai sinh cũ hoặc giấy tờ, tài liệu có nội dung khai sinh", "Bản sao: 1" } } },

	{ .site = "chauthanh", .code = "1.004837", .name = "Đăng ký giám hộ",
	  .field = "Hộ tịch", .level = "xa", .agency = "Ủy ban nhân dân xã Châu Thành", .service = "mot-phan",
	  .who = "Người được cử làm người giám hộ",
	  .steps = "Người yêu cầu nộp hồ sơ tại Ủy ban nhân dân xã nơi cư trú của người được giám hộ hoặc người giám hộ.\n"
		   "Công chức tư pháp - hộ tịch kiểm tra; nếu đủ điều kiện thì ghi vào Sổ hộ tịch.\n"
		   "Chủ tịch Ủy ban nhân dân xã cấp Trích lục đăng ký giám hộ.",
	  .how = "Trực tiếp; trực tuyến (một phần).",
	  .days = "3",
	  .fees = "Miễn lệ phí (Luật Hộ tịch, Điều 11).",
	  .result = "Trích lục đăng ký giám hộ (bản chính).",
	  .bases = HO_TICH, .effective = EFF_950,
	  .papers = { { "Tờ khai đăng ký giám hộ (theo mẫu)", "Bản chính: 1" },
		      { "Văn bản cử người giám hộ", "Bản chính: 1" } } },

	{ .site = "chauthanh", .code = "1.001022", .name = "Đăng ký nhận cha, mẹ, con",
	  .field = "Hộ tịch", .level = "xa", .agency = "Ủy ban nhân dân xã Châu Thành", .service = "mot-phan",
	  .who = "Người nhận cha, mẹ, con (công dân Việt Nam cư trú ở trong nước)",
	  .steps = "Người nhận và người được nhận là cha, mẹ, con nộp hồ sơ tại Ủy ban nhân dân xã.\n"
		   "Công chức tư pháp - hộ tịch kiểm tra, niêm yết; trường hợp cần xác minh thì kéo dài thêm không quá 05 ngày làm việc.\n"
		   "Các bên có mặt, ký vào Sổ hộ tịch; Chủ tịch Ủy ban nhân dân xã cấp Trích lục.",
	  .how = "Trực tiếp; các bên phải có mặt khi đăng ký.",
	  .days = "3",
	  .fees = "Theo Nghị quyết của Hội đồng nhân dân tỉnh về lệ phí hộ tịch.",
	  .result = "Trích lục đăng ký nhận cha, mẹ, con (bản chính).",
	  .bases = HO_TICH, .effective = EFF_950,
	  .papers = { { "Tờ khai đăng ký nhận cha, mẹ, con (theo mẫu)", "Bản chính: 1" },
		      { "Chứng cứ chứng minh quan hệ cha, mẹ, con", "Bản chính: 1" } } },

	{ .site = "chauthanh", .code = "2.000635", .name = "Cấp bản sao Trích lục hộ tịch",
	  .field = "Hộ tịch", .level = "xa", .agency = "Ủy ban nhân dân xã Châu Thành", .service = "toan-trinh",
	  .who = "Cá nhân có yêu cầu",
	  .steps = "Người yêu cầu nộp tờ khai tại Ủy ban nhân dân xã nơi đã đăng ký việc hộ tịch, hoặc trực tuyến.\n"
		   "Công chức tư pháp - hộ tịch kiểm tra trong Sổ hộ tịch, Cơ sở dữ liệu hộ tịch điện tử.\n"
		   "Chủ tịch Ủy ban nhân dân xã ký cấp bản sao trích lục.",
	  .how = "Trực tiếp; qua dịch vụ bưu chính; trực tuyến trên Cổng Dịch vụ công quốc gia.",
	  .days = "0",
	  .fees = "Phí cấp bản sao trích lục theo quy định của Bộ Tài chính.",
	  .result = "Bản sao Trích lục hộ tịch.",
	  .bases = HO_TICH, .effective = EFF_950,
	  .papers = { { "Tờ khai cấp bản sao trích lục hộ tịch (theo mẫu)", "Bản chính: 1" } } },

	{ .site = "chauthanh", .code = "2.000815",
	  .name = "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận",
	  .field = "Chứng thực", .level = "xa", .agency = "Ủy ban nhân dân xã Châu Thành", .service = "khong",
	  .who = "Cá nhân, tổ chức",
	  .steps = "Người yêu cầu xuất trình bản chính và bản sao cần chứng thực.\n"
		   "Người thực hiện chứng thực đối chiếu bản sao với bản chính, ghi lời chứng, ký, đóng dấu.\n"
		   "Ghi vào sổ chứng thực và trả kết quả.",
	  .how = "Trực tiếp tại Bộ phận Một cửa Ủy ban nhân dân xã.",
	  .days = "0",
	  .fees = "2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản.",
	  .result = "Bản sao được chứng thực từ bản chính.",
	  .requirements = "Bản chính không bị tẩy xóa, sửa chữa, thêm, bớt nội dung không hợp lệ.",
	  .bases = CHUNG_THUC, .effective = EFF_950,
	  .papers = { { "Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao", "Bản chính: 1" },
		      { "Bản sao cần chứng thực", "Bản sao: 1" } } },

	{ .site = "chauthanh", .code = "2.000884",
	  .name = "Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)",
	  .field = "Chứng thực", .level = "xa", .agency = "Ủy ban nhân dân xã Châu Thành", .service = "khong",
	  .who = "Cá nhân",
	  .steps = "Người yêu cầu chứng thực xuất trình giấy tờ tùy thân và giấy tờ, văn bản cần chứng thực chữ ký.\n"
		   "Người yêu cầu ký trước mặt người thực hiện chứng thực.\n"
		   "Người thực hiện chứng thực ghi lời chứng, ký, đóng dấu và ghi vào sổ chứng thực.",
	  .how = "Trực tiếp tại Bộ phận Một cửa Ủy ban nhân dân xã.",
	  .days = "0",
	  .fees = "10.000 đồng/trường hợp.",
	  .result = "Giấy tờ, văn bản được chứng thực chữ ký.",
	  .bases = CHUNG_THUC, .effective = EFF_950,
	  .papers = { { "Giấy tờ, văn bản cần chứng thực chữ ký", "Bản chính: 1" } } },

	{ .site = "chauthanh", .code = "1.004222", .name = "Đăng ký thường trú",
	  .field = "Đăng ký, quản lý cư trú", .level = "xa", .agency = "Công an xã Châu Thành", .service = "toan-trinh",
	  .who = "Công dân Việt Nam",
	  .steps = "Công dân nộp hồ sơ tại Công an xã nơi đề nghị đăng ký thường trú hoặc trực tuyến.\n"
		   "Cơ quan đăng ký cư trú kiểm tra, cấp phiếu tiếp nhận; hồ sơ chưa đủ thì hướng dẫn bổ sung.\n"
		   "Cơ quan đăng ký cư trú cập nhật thông tin vào Cơ sở dữ liệu về cư trú và thông báo cho người đăng ký.",
	  .how = "Trực tiếp tại Công an xã; trực tuyến trên Cổng Dịch vụ công quốc gia hoặc Cổng dịch vụ công Bộ Công an.",
	  .days = "7",
	  .fees = "Theo quy định của Bộ Tài chính về lệ phí đăng ký cư trú (mức thu trực tuyến thấp hơn trực tiếp).",
	  .result = "Thông tin được cập nhật vào Cơ sở dữ liệu về cư trú; thông báo kết quả cho người đăng ký.",
	  .bases = "68/2020/QH14;118/2025/NĐ-CP", .effective = EFF_950,
	  .papers = { { "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", "Bản chính: 1" },
		      { "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp", "Bản sao: 1" } } },

	{ .site = "longho", .code = "2.000806", .name = "Đăng ký kết hôn có yếu tố nước ngoài",
	  .field = "Hộ tịch", .level = "huyen", .agency = "Ủy ban nhân dân huyện Long Hồ (Phòng Tư pháp)", .service = "mot-phan",
	  .who = "Công dân Việt Nam kết hôn với người nước ngoài; công dân Việt Nam cư trú ở nước ngoài",
	  .steps = "Hai bên nộp hồ sơ tại Bộ phận Một cửa.\n"
		   "Phòng Tư pháp nghiên cứu, thẩm tra hồ sơ, xác minh nếu cần và báo cáo Chủ tịch Ủy ban nhân dân.\n"
		   "Hai bên có mặt ký Sổ hộ tịch và Giấy chứng nhận kết hôn; Giấy chứng nhận kết hôn có giá trị kể từ ngày trao.",
	  .how = "Nộp hồ sơ trực tiếp hoặc trực tuyến; nhận kết quả trực tiếp, hai bên cùng có mặt.",
	  .days = "15",
	  .fees = "Theo Nghị quyết của Hội đồng nhân dân tỉnh về lệ phí hộ tịch.",
	  .result = "Giấy chứng nhận kết hôn (mỗi bên một bản chính).",
	  .bases = HO_TICH, .effective = EFF_950,
	  .papers = { { "Tờ khai đăng ký kết hôn (theo mẫu)", "Bản chính: 1" },
		      { "Giấy tờ chứng minh tình trạng hôn nhân của người nước ngoài", "Bản chính: 1" },
		      { "Giấy xác nhận của tổ chức y tế có thẩm quyền (không mắc bệnh tâm thần…)", "Bản chính: 1" },
		      { "Hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu của người nước ngoài", "Bản sao: 1" } } },

	{ .site = "longho", .code = "1.001612", .name = "Đăng ký thành lập hộ kinh doanh",
	  .field = "Thành lập và hoạt động của hộ kinh doanh", .level = "huyen",
	  .agency = "Ủy ban nhân dân huyện Long Hồ (Phòng Tài chính - Kế hoạch)", .service = "toan-trinh",
	  .who = "Cá nhân, thành viên hộ gia đình là công dân Việt Nam",
	  .steps = "Người thành lập hộ kinh doanh nộp hồ sơ tại cơ quan đăng ký kinh doanh cấp huyện hoặc trực tuyến.\n"
		   "Cơ quan đăng ký kinh doanh kiểm tra tính hợp lệ của hồ sơ.\n"
		   "Cấp Giấy chứng nhận đăng ký hộ kinh doanh nếu hồ sơ hợp lệ; nếu không, thông báo bằng văn bản nêu rõ lý do.",
	  .how = "Trực tiếp; qua dịch vụ bưu chính; trực tuyến trên Cổng Dịch vụ công quốc gia.",
	  .days = "3",
	  .fees = "Theo Nghị quyết của Hội đồng nhân dân tỉnh về lệ phí đăng ký hộ kinh doanh.",
	  .result = "Giấy chứng nhận đăng ký hộ kinh doanh.",
	  .bases = "59/2020/QH14;118/2025/NĐ-CP;951/QĐ-UBND", .effective = EFF_951,
	  .papers = { { "Giấy đề nghị đăng ký hộ kinh doanh (theo mẫu)", "Bản chính: 1" },
		      { "Biên bản họp thành viên hộ gia đình (trường hợp các thành viên cùng thành lập)", "Bản sao: 1" } } },

	{ .site = "main", .code = "2.001610", .name = "Đăng ký thành lập doanh nghiệp tư nhân",
	  .field = "Thành lập và hoạt động doanh nghiệp", .level = "tinh",
	  .agency = "Sở Tài chính (Phòng Đăng ký kinh doanh)", .service = "toan-trinh",
	  .who = "Cá nhân",
	  .steps = "Người thành lập doanh nghiệp nộp hồ sơ tại Phòng Đăng ký kinh doanh hoặc qua Hệ thống thông tin quốc gia về đăng ký doanh nghiệp.\n"
		   "Phòng Đăng ký kinh doanh kiểm tra tính hợp lệ của hồ sơ.\n"
		   "Cấp Giấy chứng nhận đăng ký doanh nghiệp trong 03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ.",
	  .how = "Trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh; qua dịch vụ bưu chính; trực tuyến.",
	  .days = "3",
	  .fees = "Lệ phí đăng ký doanh nghiệp 50.000 đồng; miễn khi đăng ký qua mạng điện tử. Phí công bố nội dung đăng ký doanh nghiệp theo quy định của Bộ Tài chính.",
	  .result = "Giấy chứng nhận đăng ký doanh nghiệp.",
	  .bases = "59/2020/QH14;118/2025/NĐ-CP;951/QĐ-UBND", .effective = EFF_951,
	  .papers = { { "Giấy đề nghị đăng ký doanh nghiệp (theo mẫu)", "Bản chính: 1" },
		      { "Bản sao giấy tờ pháp lý của cá nhân đối với chủ doanh nghiệp tư nhân", "Bản sao: 1" } } },
};
const size_t demo_nprocedures = ARRAY_SIZE(demo_procedures);

/* The laws and decrees the procedures rest on (dates known: each text's final article), and the
 * province's DEMO announcing decisions. */
const struct demo_legal demo_procedure_legal[] = {
	{ .site = "main", .number = "60/2014/QH13", .type = "Luật", .issuer = "Quốc hội",
	  .signer = "Nguyễn Sinh Hùng", .signer_title = "Chủ tịch Quốc hội",
	  .issued = "2014-11-20", .effective = "2016-01-01", .expires = NULL,
	  .title = "Luật Hộ tịch", .fields = "Hộ tịch;Tư pháp", .scope = "trung-uong",
	  .body = "<p>Luật Hộ tịch quy định về hộ tịch; quyền, nghĩa vụ, nguyên tắc, thẩm quyền, thủ tục "
		  "đăng ký hộ tịch; Cơ sở dữ liệu hộ tịch điện tử và quản lý nhà nước về hộ tịch.</p>"
		  "<p>Điều 11 miễn lệ phí đăng ký khai sinh, khai tử đúng hạn, giám hộ và kết hôn của công "
		  "dân Việt Nam cư trú ở trong nước.</p>" },

	{ .site = "main", .number = "123/2015/NĐ-CP", .type = "Nghị định", .issuer = "Chính phủ",
	  .signer = "Nguyễn Tấn Dũng", .signer_title = "Thủ tướng",
	  .issued = "2015-11-15", .effective = "2016-01-01", .expires = NULL,
	  .title = "Quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch",
	  .fields = "Hộ tịch;Tư pháp", .scope = "trung-uong",
	  .body = "<p>Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch, trong đó "
		  "có việc đăng ký lại khai sinh, kết hôn, khai tử.</p>",
	  .can_cu = "60/2014/QH13", .huong_dan = "60/2014/QH13" },

	{ .site = "main", .number = "23/2015/NĐ-CP", .type = "Nghị định", .issuer = "Chính phủ",
	  .signer = "Nguyễn Tấn Dũng", .signer_title = "Thủ tướng",
	  .issued = "2015-02-16", .effective = "2015-04-10", .expires = NULL,
	  .title = "Về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng "
		   "thực hợp đồng, giao dịch",
	  .fields = "Chứng thực;Tư pháp", .scope = "trung-uong",
	  .body = "<p>Nghị định quy định thẩm quyền, thủ tục cấp bản sao từ sổ gốc, chứng thực bản sao từ "
		  "bản chính, chứng thực chữ ký, chứng thực hợp đồng, giao dịch.</p>" },

	{ .site = "main", .number = "68/2020/QH14", .type = "Luật", .issuer = "Quốc hội",
	  .signer = "Nguyễn Thị Kim Ngân", .signer_title = "Chủ tịch Quốc hội",
	  .issued = "2020-11-13", .effective = "2021-07-01", .expires = NULL,
	  .title = "Luật Cư trú", .fields = "Cư trú", .scope = "trung-uong",
	  .body = "<p>Luật Cư trú quy định về việc thực hiện quyền tự do cư trú của công dân Việt Nam; "
		  "đăng ký, quản lý cư trú. Điều 22 quy định thủ tục đăng ký thường trú, giải quyết trong "
		  "07 ngày làm việc.</p>" },

	{ .site = "main", .number = "59/2020/QH14", .type = "Luật", .issuer = "Quốc hội",
	  .signer = "Nguyễn Thị Kim Ngân", .signer_title = "Chủ tịch Quốc hội",
	  .issued = "2020-06-17", .effective = "2021-01-01", .expires = NULL,
	  .title = "Luật Doanh nghiệp", .fields = "Doanh nghiệp", .scope = "trung-uong",
	  .body = "<p>Luật Doanh nghiệp quy định về việc thành lập, tổ chức quản lý, tổ chức lại, giải "
		  "thể và hoạt động có liên quan của doanh nghiệp. Điều 26 quy định trình tự, thủ tục "
		  "đăng ký doanh nghiệp: cấp đăng ký trong 03 ngày làm việc kể từ ngày nhận hồ sơ hợp "
		  "lệ.</p>" },

	/* DEMO: invented number and dates */
	{ .site = "main", .number = "950/QĐ-UBND", .type = "Quyết định", .issuer = "UBND tỉnh Vĩnh Long",
	  .signer = NULL, .signer_title = NULL, .issued = "2026-02-27", .effective = EFF_950, .expires = NULL,
	  .title = "Về việc công bố Danh mục thủ tục hành chính lĩnh vực Hộ tịch, Chứng thực và Đăng ký, "
		   "quản lý cư trú áp dụng trên địa bàn tỉnh Vĩnh Long",
	  .fields = "Thủ tục hành chính;Hộ tịch;Chứng thực", .scope = "tinh",
	  .body = "<p>Công bố kèm theo Quyết định này Danh mục thủ tục hành chính lĩnh vực Hộ tịch, Chứng "
		  "thực và Đăng ký, quản lý cư trú thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp huyện, "
		  "cấp xã trên địa bàn tỉnh Vĩnh Long.</p>"
		  "<p>Các cơ quan, đơn vị đăng tải đầy đủ thủ tục trên Cổng thông tin điện tử của mình "
		  "trước ngày Quyết định có hiệu lực ít nhất 10 ngày làm việc.</p>",
	  .can_cu = "60/2014/QH13;123/2015/NĐ-CP;23/2015/NĐ-CP;68/2020/QH14;118/2025/NĐ-CP" },

	/* DEMO: invented number and dates */
	{ .site = "main", .number = "951/QĐ-UBND", .type = "Quyết định", .issuer = "UBND tỉnh Vĩnh Long",
	  .signer = NULL, .signer_title = NULL, .issued = "2026-04-13", .effective = EFF_951, .expires = NULL,
	  .title = "Về việc công bố Danh mục thủ tục hành chính lĩnh vực Thành lập và hoạt động doanh "
		   "nghiệp, hộ kinh doanh áp dụng trên địa bàn tỉnh Vĩnh Long",
	  .fields = "Thủ tục hành chính;Doanh nghiệp", .scope = "tinh",
	  .body = "<p>Công bố kèm theo Quyết định này Danh mục thủ tục hành chính lĩnh vực Thành lập và "
		  "hoạt động doanh nghiệp thuộc thẩm quyền giải quyết của Sở Tài chính và lĩnh vực Thành "
		  "lập và hoạt động của hộ kinh doanh thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp "
		  "huyện.</p>",
	  .can_cu = "59/2020/QH14;118/2025/NĐ-CP" },
};
const size_t demo_procedure_nlegal = ARRAY_SIZE(demo_procedure_legal);

char *demo_form_pdf(const char *code, size_t *len)
{
	/* one page, Helvetica, ASCII text: the PDF's objects and their byte offsets in the xref */
	struct sb b = SB_INIT, text = SB_INIT;
	size_t off[6];
	sb_addf(&text, "BT /F1 16 Tf 72 760 Td (Mau to khai - thu tuc %s) Tj 0 -28 Td /F1 11 Tf "
		       "(Ban minh hoa cua cong demo: mau chinh thuc tai dichvucong.gov.vn) Tj ET", code);
	sb_adds(&b, "%PDF-1.4\n");
	off[1] = b.len;
	sb_adds(&b, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
	off[2] = b.len;
	sb_adds(&b, "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
	off[3] = b.len;
	sb_adds(&b, "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
		    " /Resources << /Font << /F1 5 0 R >> >> >> endobj\n");
	off[4] = b.len;
	sb_addf(&b, "4 0 obj << /Length %zu >> stream\n%s\nendstream endobj\n", text.len, text.buf);
	off[5] = b.len;
	sb_adds(&b, "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n");
	size_t xref = b.len;
	sb_adds(&b, "xref\n0 6\n0000000000 65535 f \n");
	for (int i = 1; i <= 5; i++)
		sb_addf(&b, "%010zu 00000 n \n", off[i]);
	sb_addf(&b, "trailer << /Size 6 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", xref);
	sb_release(&text);
	return sb_detach(&b, len);
}
