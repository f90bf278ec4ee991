/* content.c — the demo province "Vĩnh Long": its sites, their categories and ~220 news articles.
 * Articles are expanded from hand-written Vietnamese templates with per-site vocabulary
 * ({org}, {head}, {place}, ...) and deterministic numbers; nothing depends on time or rand(). */
#include "demo/content.h"
#include "base/sb.h"
#include "base/util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------ */
/* Sites and categories                                                                        */

const struct demo_site demo_sites[] = {
	{ "main", NULL, "main", "Cổng Thông tin điện tử tỉnh Vĩnh Long", "Vinh Long Province Web Portal",
	  "Vĩnh Long", "Ủy ban nhân dân tỉnh Vĩnh Long",
	  "Số 86 đường Hoàng Thái Hiếu, Phường 1, thành phố Vĩnh Long, tỉnh Vĩnh Long", "0270 3823 145",
	  "banbientap@vinhlong.gov.vn", "0270 3823 146",
	  "Chịu trách nhiệm chính: Ông Trần Minh Quang – Chánh Văn phòng UBND tỉnh Vĩnh Long",
	  "Giấy phép số 136/GP-TTĐT do Cục Phát thanh, truyền hình và thông tin điện tử – Bộ Thông tin và "
	  "Truyền thông cấp ngày 18/6/2021" },
	{ "snv", "main", "department", "Sở Nội vụ", "Department of Home Affairs of Vinh Long Province",
	  "Sở Nội vụ", "Sở Nội vụ tỉnh Vĩnh Long",
	  "Số 47 đường Lê Văn Tám, Phường 1, thành phố Vĩnh Long, tỉnh Vĩnh Long", "0270 3822 318",
	  "banbientap@snv.vinhlong.gov.vn", "0270 3822 319",
	  "Chịu trách nhiệm chính: Ông Võ Hoàng Phúc – Giám đốc Sở Nội vụ",
	  "Giấy phép số 12/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Vĩnh Long cấp ngày 20/4/2022" },
	{ "syt", "main", "department", "Sở Y tế", "Department of Health of Vinh Long Province", "Sở Y tế",
	  "Sở Y tế tỉnh Vĩnh Long", "Số 113 đường Trần Phú, Phường 4, thành phố Vĩnh Long, tỉnh Vĩnh Long",
	  "0270 3822 461", "banbientap@syt.vinhlong.gov.vn", "0270 3822 462",
	  "Chịu trách nhiệm chính: Ông Đặng Minh Khoa – Giám đốc Sở Y tế",
	  "Giấy phép số 07/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Vĩnh Long cấp ngày 09/3/2022" },
	{ "sgddt", "main", "department", "Sở Giáo dục và Đào tạo",
	  "Department of Education and Training of Vinh Long Province", "Sở GD&ĐT",
	  "Sở Giáo dục và Đào tạo tỉnh Vĩnh Long",
	  "Số 2 đường Phó Cơ Điều, Phường 3, thành phố Vĩnh Long, tỉnh Vĩnh Long", "0270 3822 627",
	  "banbientap@sgddt.vinhlong.gov.vn", "0270 3822 628",
	  "Chịu trách nhiệm chính: Ông Nguyễn Hữu Tâm – Giám đốc Sở Giáo dục và Đào tạo",
	  "Giấy phép số 15/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Vĩnh Long cấp ngày 27/5/2022" },
	{ "longho", "main", "district", "Huyện Long Hồ", "Long Ho District", "Long Hồ",
	  "Ủy ban nhân dân huyện Long Hồ",
	  "Số 5 đường 30 Tháng 4, khóm 1, thị trấn Long Hồ, huyện Long Hồ, tỉnh Vĩnh Long", "0270 3850 215",
	  "banbientap@longho.vinhlong.gov.vn", "0270 3850 216",
	  "Chịu trách nhiệm chính: Ông Trần Văn Dũng – Chánh Văn phòng HĐND và UBND huyện Long Hồ",
	  "Giấy phép số 21/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Vĩnh Long cấp ngày 14/9/2022" },
	{ "chauthanh", "longho", "commune", "Xã Châu Thành", "Chau Thanh Commune", "Châu Thành",
	  "Ủy ban nhân dân xã Châu Thành", "Ấp Bình Hòa, xã Châu Thành, huyện Long Hồ, tỉnh Vĩnh Long",
	  "0270 3851 427", "banbientap@chauthanh.longho.vinhlong.gov.vn", "0270 3851 428",
	  "Chịu trách nhiệm chính: Ông Lê Văn Hiếu – Chủ tịch UBND xã Châu Thành",
	  "Giấy phép số 34/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Vĩnh Long cấp ngày 05/12/2023" },
};
const size_t demo_nsites = ARRAY_SIZE(demo_sites);

const struct demo_category demo_categories[] = {
	{ "main", "tin-tuc", "Tin tức – Sự kiện", NULL, 1 },
	{ "main", "chi-dao-dieu-hanh", "Chỉ đạo – Điều hành", NULL, 2 },
	{ "main", "cai-cach-hanh-chinh", "Cải cách hành chính", NULL, 3 },
	{ "main", "thong-bao", "Thông báo", NULL, 4 },
	{ "main", "hoat-dong-lanh-dao", "Hoạt động của lãnh đạo tỉnh", "tin-tuc", 1 },
	{ "main", "kinh-te-xa-hoi", "Kinh tế – Xã hội", "tin-tuc", 2 },

	{ "snv", "tin-hoat-dong", "Tin hoạt động", NULL, 1 },
	{ "snv", "to-chuc-bo-may", "Tổ chức bộ máy – Biên chế", NULL, 2 },
	{ "snv", "cai-cach-hanh-chinh", "Cải cách hành chính", NULL, 3 },
	{ "snv", "thi-dua-khen-thuong", "Thi đua – Khen thưởng", NULL, 4 },
	{ "snv", "thong-bao", "Thông báo", NULL, 5 },
	{ "snv", "cai-cach-cong-vu", "Cải cách chế độ công vụ", "cai-cach-hanh-chinh", 1 },

	{ "syt", "tin-hoat-dong", "Tin hoạt động", NULL, 1 },
	{ "syt", "phong-chong-dich", "Phòng, chống dịch bệnh", NULL, 2 },
	{ "syt", "y-te-co-so", "Y tế cơ sở", NULL, 3 },
	{ "syt", "an-toan-thuc-pham", "An toàn thực phẩm", NULL, 4 },
	{ "syt", "thong-bao", "Thông báo", NULL, 5 },
	{ "syt", "tiem-chung", "Tiêm chủng", "phong-chong-dich", 1 },

	{ "sgddt", "tin-hoat-dong", "Tin hoạt động", NULL, 1 },
	{ "sgddt", "giao-duc-pho-thong", "Giáo dục phổ thông", NULL, 2 },
	{ "sgddt", "giao-duc-mam-non", "Giáo dục mầm non", NULL, 3 },
	{ "sgddt", "chuyen-doi-so", "Chuyển đổi số trong giáo dục", NULL, 4 },
	{ "sgddt", "thong-bao", "Thông báo", NULL, 5 },
	{ "sgddt", "thi-tuyen-sinh", "Thi – Tuyển sinh", "giao-duc-pho-thong", 1 },

	{ "longho", "tin-hoat-dong", "Tin hoạt động", NULL, 1 },
	{ "longho", "nong-nghiep", "Nông nghiệp – Nông thôn mới", NULL, 2 },
	{ "longho", "cai-cach-hanh-chinh", "Cải cách hành chính", NULL, 3 },
	{ "longho", "van-hoa-xa-hoi", "Văn hóa – Xã hội", NULL, 4 },
	{ "longho", "thong-bao", "Thông báo", NULL, 5 },
	{ "longho", "ocop", "Sản phẩm OCOP", "nong-nghiep", 1 },

	{ "chauthanh", "tin-hoat-dong", "Tin hoạt động", NULL, 1 },
	{ "chauthanh", "nong-nghiep", "Nông nghiệp – Nông thôn mới", NULL, 2 },
	{ "chauthanh", "quoc-phong-an-ninh", "Quốc phòng – An ninh", NULL, 3 },
	{ "chauthanh", "van-hoa-xa-hoi", "Văn hóa – Xã hội", NULL, 4 },
	{ "chauthanh", "thong-bao", "Thông báo", NULL, 5 },
	{ "chauthanh", "an-sinh-xa-hoi", "An sinh xã hội", "van-hoa-xa-hoi", 1 },
};
const size_t demo_ncategories = ARRAY_SIZE(demo_categories);

/* ------------------------------------------------------------------------------------------ */
/* Per-site vocabulary for the templates                                                       */

enum { S_MAIN = 1, S_SNV = 2, S_SYT = 4, S_SGD = 8, S_DIST = 16, S_COMM = 32 };
#define S_DEPT (S_SNV | S_SYT | S_SGD)
#define S_LOCAL (S_DIST | S_COMM)
#define S_ALL (S_MAIN | S_DEPT | S_LOCAL)

/* Category roles a shared template can name ("@news"); each site maps them to its own slugs. */
enum { R_NEWS, R_LEADER, R_REFORM, R_DIGITAL, R_NOTICE, R_SOCIAL, R_WELFARE, R_DISASTER, R_EMUL, R_COUNT };
static const char *const role_names[R_COUNT] = { "news", "leader", "reform", "digital", "notice",
						 "social", "welfare", "disaster", "emul" };

/* Where articles were "first published" (src_*): name and URL prefix/suffix around the slug. */
struct source {
	const char *name, *prefix, *suffix;
};
static const struct source sources[] = {
	{ "Báo Vĩnh Long", "https://baovinhlong.vn/thoi-su/", ".html" },
	{ "Đài Phát thanh và Truyền hình Vĩnh Long", "https://thvl.vn/tin-tuc/", "/" },
	{ "Cổng TTĐT Chính phủ", "https://chinhphu.vn/", ".htm" },
	{ "Báo Sức khỏe và Đời sống", "https://suckhoedoisong.vn/", ".htm" },
	{ "Báo Giáo dục và Thời đại", "https://giaoducthoidai.vn/", ".html" },
	{ "Tạp chí Tổ chức Nhà nước", "https://tcnn.vn/news/detail/", ".html" },
	{ "Báo Nông nghiệp Việt Nam", "https://nongnghiep.vn/", ".html" },
};
static const char *const src_authors[] = { "Thanh Phong", "Hoài Thương", "Lê Hoàng", "Kim Liên",
					   "Minh Thái", "Ngọc Quyên", "Trần Phúc", "Hồng Châu" };

struct site_ctx {
	unsigned bit;
	const char *const *vars;    /* key, value, key, value, ..., NULL; values may use placeholders */
	const char *const *places;  /* NULL-terminated, at least 4: sub-units used as "{place}" */
	const char *const *authors; /* NULL-terminated bylines */
	const char *notice_author;
	const char *roles[R_COUNT];
	int sources[6]; /* indices into sources[], -1 terminated */
};

static const char *const places_province[] = { "huyện Mang Thít", "huyện Vũng Liêm", "huyện Tam Bình",
	"huyện Trà Ôn", "thị xã Bình Minh", "huyện Bình Tân", "huyện Long Hồ", "thành phố Vĩnh Long", NULL };
static const char *const places_longho[] = { "xã Long Phước", "xã Phước Hậu", "xã Lộc Hòa", "xã Hòa Phú",
	"xã Thạnh Quới", "xã Thanh Đức", "xã Tân Hạnh", "xã An Bình", NULL };
static const char *const places_chauthanh[] = { "ấp Bình Hòa", "ấp Tân Quới", "ấp Phước Ngươn",
	"ấp Long Khánh", "ấp Thanh Mỹ", "ấp An Thạnh", NULL };

static const char *const vars_main[] = {
	"org", "UBND tỉnh",
	"who", "Vĩnh Long",
	"who_mid", "tỉnh Vĩnh Long",
	"head", "Nguyễn Thành Nhân", "head_title", "Chủ tịch UBND tỉnh",
	"head_full", "Chủ tịch UBND tỉnh",
	"dep", "Trần Thị Thu Hà", "dep_title", "Phó Chủ tịch UBND tỉnh",
	"dep2", "Phạm Văn Khải", "dep2_title", "Phó Chủ tịch UBND tỉnh",
	"off", "Trần Minh Quang", "off_title", "Chánh Văn phòng UBND tỉnh",
	"subs", "các sở, ban, ngành tỉnh và UBND các huyện, thị xã, thành phố",
	"staff", "cán bộ, công chức, viên chức",
	"leaders", "Lãnh đạo tỉnh",
	"insp", "Ban Tiếp công dân tỉnh, Thanh tra tỉnh và các sở, ngành liên quan",
	"cit_topics", "bồi thường, hỗ trợ tái định cư khi Nhà nước thu hồi đất thực hiện dự án; cấp giấy "
		"chứng nhận quyền sử dụng đất; chế độ, chính sách đối với người có công với cách mạng",
	"dis_role", "các địa phương rà soát, gia cố đê bao, bờ kè xung yếu dọc sông Cổ Chiên, sông Hậu, "
		"sông Măng Thít; bố trí lực lượng, phương tiện sẵn sàng sơ tán người dân khỏi khu vực nguy hiểm",
	"union", "Liên đoàn Lao động tỉnh",
	"youth", "Tỉnh đoàn Vĩnh Long",
	"partner", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
	"upper", "Văn phòng Chính phủ",
	"upper_topic", "triển khai Đề án 06 và cải cách thủ tục hành chính",
	"draft", "dự thảo Quy chế quản lý, vận hành Cổng Thông tin điện tử tỉnh",
	"recv_place", "Trụ sở Ban Tiếp công dân tỉnh, số 12 đường 1 Tháng 5, Phường 1, thành phố Vĩnh Long",
	NULL
};

static const char *const vars_snv[] = {
	"org", "Sở Nội vụ",
	"who", "Sở Nội vụ",
	"who_mid", "Sở Nội vụ",
	"head", "Võ Hoàng Phúc", "head_title", "Giám đốc Sở Nội vụ",
	"head_full", "Giám đốc Sở Nội vụ",
	"dep", "Nguyễn Thị Kim Loan", "dep_title", "Phó Giám đốc Sở Nội vụ",
	"dep2", "Lâm Văn Tài", "dep2_title", "Phó Giám đốc Sở Nội vụ",
	"off", "Huỳnh Thanh Tùng", "off_title", "Chánh Văn phòng Sở",
	"subs", "các phòng chuyên môn, đơn vị trực thuộc Sở",
	"staff_conf", "cán bộ, công chức, viên chức và người lao động",
	"trainees", "{n1:60-110}", /* scale-dependent figures */
	"staff", "cán bộ, công chức, viên chức",
	"leaders", "Lãnh đạo Sở Nội vụ",
	"insp", "Thanh tra Sở, Văn phòng Sở và các phòng chuyên môn liên quan",
	"cit_topics", "chế độ, chính sách đối với cán bộ, công chức nghỉ việc do sắp xếp tổ chức bộ máy; "
		"kết quả tuyển dụng viên chức; việc xếp lương, nâng ngạch",
	"dis_role", "các phòng, đơn vị bảo đảm chế độ trực ban, bảo quản an toàn hồ sơ, tài liệu tại Trung tâm "
		"Lưu trữ lịch sử tỉnh; phối hợp các địa phương rà soát chính sách hỗ trợ người dân bị thiệt hại",
	"union", "Công đoàn cơ sở Sở Nội vụ",
	"youth", "Chi đoàn Sở Nội vụ",
	"party", "Đảng bộ Sở Nội vụ",
	"partner", "Liên đoàn Lao động tỉnh",
	"upper", "Bộ Nội vụ",
	"upper_topic", "cải cách chế độ công vụ và quản lý biên chế",
	"plaw_law", "Luật Cán bộ, công chức và Luật Viên chức", "plaw_who", "cán bộ, công chức, viên chức",
	"plaw_expert", "Sở Tư pháp",
	"insp_topic", "công tác văn thư, lưu trữ",
	"insp_issue", "hồ sơ, tài liệu chưa được chỉnh lý hoàn chỉnh, kho lưu trữ chưa bảo đảm các điều kiện "
		"theo quy định, việc lập hồ sơ điện tử còn chậm",
	"ffnote", "Đặc biệt, phương án bảo vệ, di dời hồ sơ, tài liệu lưu trữ quý, hiếm khi xảy ra sự cố được "
		"diễn tập kỹ lưỡng.",
	"draft", "dự thảo Quy định tiêu chuẩn chức danh lãnh đạo, quản lý các phòng chuyên môn thuộc sở",
	"budget", "32,6 tỷ đồng",
	"dv_field", "cải cách hành chính",
	"dv_model", "“Mỗi công chức là một tuyên truyền viên về dịch vụ công trực tuyến”: mỗi công chức được "
		"phân công hướng dẫn người thân, hàng xóm ít nhất 5 hộ gia đình sử dụng dịch vụ công trực tuyến",
	"cz", "ông Trần Văn Bé",
	"recv_place", "{address}",
	NULL
};

static const char *const vars_syt[] = {
	"org", "Sở Y tế",
	"who", "Ngành Y tế",
	"who_mid", "ngành Y tế tỉnh",
	"head", "Đặng Minh Khoa", "head_title", "Giám đốc Sở Y tế",
	"head_full", "Giám đốc Sở Y tế",
	"dep", "Lê Thị Ngọc Hân", "dep_title", "Phó Giám đốc Sở Y tế",
	"dep2", "Trương Công Danh", "dep2_title", "Phó Giám đốc Sở Y tế",
	"off", "Phan Thị Mỹ Linh", "off_title", "Chánh Văn phòng Sở",
	"subs", "các phòng chức năng, đơn vị trực thuộc Sở và Trung tâm Y tế các huyện, thị xã, thành phố",
	"staff_conf", "cán bộ, công chức, viên chức và người lao động",
	"trainees", "{n1:80-140}", /* scale-dependent figures */
	"staff", "cán bộ, viên chức, người lao động",
	"leaders", "Lãnh đạo Sở Y tế",
	"insp", "Thanh tra Sở, Phòng Nghiệp vụ Y và đại diện Bảo hiểm xã hội tỉnh",
	"cit_topics", "chất lượng khám, chữa bệnh và thái độ phục vụ tại một số cơ sở y tế; thanh toán chi "
		"phí khám, chữa bệnh bảo hiểm y tế; thủ tục cấp giấy phép hành nghề",
	"dis_role", "các đơn vị chuẩn bị đầy đủ cơ số thuốc, hóa chất xử lý môi trường, trang thiết bị y tế; "
		"thành lập các đội cấp cứu cơ động sẵn sàng hỗ trợ địa phương khi có tình huống",
	"union", "Công đoàn ngành Y tế",
	"youth", "Đoàn Thanh niên Sở Y tế",
	"party", "Đảng bộ Sở Y tế",
	"partner", "Bảo hiểm xã hội tỉnh",
	"upper", "Bộ Y tế",
	"upper_topic", "y tế dự phòng và chăm sóc sức khỏe ban đầu",
	"plaw_law", "Luật Khám bệnh, chữa bệnh", "plaw_who", "người hành nghề tại các cơ sở y tế tư nhân",
	"plaw_expert", "Thanh tra Sở Y tế",
	"insp_topic", "công tác khám, chữa bệnh bảo hiểm y tế",
	"insp_issue", "một số trạm y tế còn thiếu thuốc thuộc danh mục bảo hiểm y tế, việc triển khai bệnh án "
		"điện tử chưa đồng bộ, một số trang thiết bị đã xuống cấp",
	"ffnote", "Đặc biệt, phương án di chuyển người bệnh nặng, người bệnh đang thở máy ra khỏi khu vực "
		"nguy hiểm được diễn tập kỹ lưỡng.",
	"draft", "dự thảo Quyết định quy định giá dịch vụ khám bệnh, chữa bệnh không thuộc phạm vi thanh "
		"toán của Quỹ bảo hiểm y tế",
	"budget", "418,5 tỷ đồng",
	"dv_field", "khám, chữa bệnh",
	"dv_model", "“Nụ cười thân thiện – Phục vụ tận tình” tại các bệnh viện, trung tâm y tế: nhân viên "
		"đón tiếp hướng dẫn người bệnh từ cổng bệnh viện đến từng khoa, phòng",
	"cz", "bà Lê Thị Út",
	"recv_place", "{address}",
	NULL
};

static const char *const vars_sgd[] = {
	"org", "Sở Giáo dục và Đào tạo",
	"who", "Ngành Giáo dục",
	"who_mid", "ngành Giáo dục tỉnh",
	"head", "Nguyễn Hữu Tâm", "head_title", "Giám đốc Sở Giáo dục và Đào tạo",
	"head_full", "Giám đốc Sở Giáo dục và Đào tạo",
	"dep", "Đỗ Thị Thanh Xuân", "dep_title", "Phó Giám đốc Sở Giáo dục và Đào tạo",
	"dep2", "Trần Quốc Bảo", "dep2_title", "Phó Giám đốc Sở Giáo dục và Đào tạo",
	"off", "Lý Thị Hồng Nhung", "off_title", "Chánh Văn phòng Sở",
	"subs", "các phòng chức năng thuộc Sở, các trường trung học phổ thông và Phòng Giáo dục và Đào tạo "
		"các huyện, thị xã, thành phố",
	"staff_conf", "cán bộ, công chức, viên chức và người lao động",
	"trainees", "{n1:70-120}", /* scale-dependent figures */
	"staff", "cán bộ, công chức, viên chức",
	"leaders", "Lãnh đạo Sở Giáo dục và Đào tạo",
	"insp", "Thanh tra Sở, Văn phòng Sở và Phòng Tổ chức cán bộ",
	"cit_topics", "chế độ, chính sách đối với giáo viên hợp đồng; tuyển sinh đầu cấp; các khoản thu "
		"đầu năm học tại một số trường",
	"dis_role", "các trường rà soát cơ sở vật chất, chặt tỉa cây xanh, gia cố phòng học xuống cấp; xây "
		"dựng phương án bảo đảm an toàn cho học sinh và sẵn sàng làm điểm sơ tán dân khi cần thiết",
	"union", "Công đoàn ngành Giáo dục",
	"youth", "Đoàn Thanh niên Sở Giáo dục và Đào tạo",
	"party", "Đảng bộ Sở Giáo dục và Đào tạo",
	"partner", "Tỉnh đoàn Vĩnh Long",
	"upper", "Bộ Giáo dục và Đào tạo",
	"upper_topic", "chuẩn bị cho Kỳ thi tốt nghiệp trung học phổ thông",
	"plaw_law", "pháp luật về trật tự, an toàn giao thông", "plaw_who", "học sinh trung học phổ thông",
	"plaw_expert", "Phòng Cảnh sát giao thông Công an tỉnh",
	"insp_topic", "công tác chuẩn bị năm học mới",
	"insp_issue", "một số phòng học xuống cấp, còn thiếu giáo viên tiếng Anh, tin học và giáo viên dạy môn "
		"nghệ thuật; sách giáo khoa chưa được cung ứng đầy đủ ở một vài điểm trường",
	"ffnote", "Đặc biệt, phương án sơ tán học sinh ra khỏi dãy phòng học khi xảy ra cháy được diễn tập "
		"kỹ lưỡng.",
	"draft", "dự thảo Quy định về dạy thêm, học thêm trên địa bàn tỉnh",
	"budget", "286,4 tỷ đồng",
	"dv_field", "trường học",
	"dv_model", "“Nhà trường – gia đình đồng hành cùng học sinh khó khăn”: mỗi giáo viên nhận đỡ đầu ít "
		"nhất một học sinh có hoàn cảnh khó khăn, theo dõi việc học và vận động hỗ trợ kịp thời",
	"cz", "ông Huỳnh Văn Tư",
	"recv_place", "{address}",
	NULL
};

static const char *const vars_dist[] = {
	"org", "UBND huyện Long Hồ",
	"who", "Huyện Long Hồ",
	"who_mid", "huyện Long Hồ",
	"head", "Phan Văn Lực", "head_title", "Chủ tịch UBND huyện",
	"head_full", "Chủ tịch UBND huyện Long Hồ",
	"dep", "Nguyễn Thị Bích Thủy", "dep_title", "Phó Chủ tịch UBND huyện",
	"dep2", "Huỳnh Văn Sang", "dep2_title", "Phó Chủ tịch UBND huyện",
	"off", "Trần Văn Dũng", "off_title", "Chánh Văn phòng HĐND và UBND huyện",
	"subs", "các cơ quan chuyên môn thuộc UBND huyện và UBND các xã, thị trấn",
	"staff_conf", "cán bộ, công chức, viên chức và người lao động",
	"trainees", "{n1:90-160}", /* scale-dependent figures */
	"staff", "cán bộ, công chức, viên chức",
	"leaders", "Lãnh đạo huyện Long Hồ",
	"insp", "Ban Tiếp công dân huyện, Thanh tra huyện và Phòng Tài nguyên và Môi trường",
	"cit_topics", "tranh chấp ranh giới đất; bồi thường, hỗ trợ giải phóng mặt bằng dự án nâng cấp "
		"đường huyện; cấp giấy chứng nhận quyền sử dụng đất",
	"dis_role", "UBND các xã, thị trấn rà soát, gia cố đê bao, cống ngăn triều, bảo vệ vườn cây ăn trái; "
		"kiểm tra các điểm có nguy cơ sạt lở ven sông Cổ Chiên, cắm biển cảnh báo và chuẩn bị phương án "
		"di dời dân khi cần thiết",
	"union", "Liên đoàn Lao động huyện Long Hồ",
	"youth", "Huyện đoàn Long Hồ",
	"party", "Đảng bộ huyện Long Hồ",
	"partner", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện",
	"upper", "UBND tỉnh",
	"upper_topic", "tiến độ các công trình trọng điểm trên địa bàn huyện",
	"plaw_law", "Luật Đất đai", "plaw_who", "người dân các xã ven sông",
	"plaw_expert", "Phòng Tài nguyên và Môi trường huyện",
	"insp_topic", "tiến độ xây dựng nông thôn mới nâng cao",
	"insp_issue", "tiêu chí thu nhập và tiêu chí môi trường chưa đạt, việc huy động nguồn lực xã hội hóa "
		"còn hạn chế",
	"ffnote", "Đặc biệt, phương án bảo vệ hồ sơ địa chính, tài liệu lưu trữ của cơ quan được diễn tập "
		"kỹ lưỡng.",
	"draft", "dự thảo Đồ án điều chỉnh quy hoạch chung thị trấn Long Hồ",
	"budget", "612,8 tỷ đồng",
	"dv_field", "xây dựng nông thôn mới",
	"dv_model", "“Dân vận khéo trong hiến đất làm đường giao thông nông thôn” ở {place}, nơi hàng chục hộ "
		"dân tự nguyện hiến đất, tháo dỡ hàng rào để mở rộng tuyến đường liên ấp",
	"cz", "bà Phạm Thị Mười",
	"recv_place", "{address}",
	NULL
};

static const char *const vars_comm[] = {
	"org", "UBND xã Châu Thành",
	"who", "Xã Châu Thành",
	"who_mid", "xã Châu Thành",
	"head", "Lê Văn Hiếu", "head_title", "Chủ tịch UBND xã",
	"head_full", "Chủ tịch UBND xã Châu Thành",
	"dep", "Nguyễn Thị Diễm", "dep_title", "Phó Chủ tịch UBND xã",
	"dep2", "Võ Minh Trí", "dep2_title", "Phó Chủ tịch UBND xã",
	"off", "Đinh Thị Thảo", "off_title", "công chức Văn phòng – Thống kê xã",
	"subs", "các ban, ngành, đoàn thể xã và Ban nhân dân các ấp",
	"staff_conf", "cán bộ, công chức xã",
	"trainees", "{n1:28-42}", /* scale-dependent figures */
	"staff", "cán bộ, công chức",
	"leaders", "Lãnh đạo xã Châu Thành",
	"insp", "công chức Tư pháp – Hộ tịch, công chức Địa chính – Xây dựng và Trưởng các ấp liên quan",
	"cit_topics", "ranh giới đất giữa các hộ liền kề; nâng cấp đường giao thông nông thôn; xét duyệt hộ "
		"nghèo, hộ cận nghèo",
	"dis_role", "Ban nhân dân các ấp vận động người dân gia cố đê bao, bờ bao vườn cây ăn trái, chằng "
		"chống nhà cửa; lực lượng dân quân thường trực sẵn sàng hỗ trợ di dời người dân ở khu vực ven sông",
	"union", "Đoàn Thanh niên xã Châu Thành",
	"youth", "Đoàn Thanh niên xã Châu Thành",
	"party", "Đảng bộ xã Châu Thành",
	"partner", "Công an xã",
	"upper", "UBND huyện Long Hồ",
	"upper_topic", "kết quả xây dựng xã nông thôn mới nâng cao",
	"plaw_law", "pháp luật về phòng, chống ma túy", "plaw_who", "hội viên nông dân và đoàn viên thanh niên",
	"plaw_expert", "Công an xã",
	"insp_topic", "công tác vệ sinh môi trường",
	"insp_issue", "tình trạng vứt rác bừa bãi xuống kênh rạch vẫn còn, một số tuyến đường hoa chưa được "
		"chăm sóc thường xuyên",
	"ffnote", "Đặc biệt, phương án chữa cháy tại khu chợ xã, nơi tập trung nhiều ki-ốt kinh doanh, được "
		"diễn tập kỹ lưỡng.",
	"draft", "dự thảo Kế hoạch xây dựng xã nông thôn mới kiểu mẫu",
	"budget", "14,2 tỷ đồng",
	"dv_field", "vận động hiến đất làm đường",
	"dv_model", "“Tổ tự quản đường hoa, đường cây xanh” ở {place}: mỗi hộ dân tự trồng và chăm sóc hoa "
		"trước nhà, góp phần tạo cảnh quan sáng – xanh – sạch – đẹp",
	"cz", "ông Võ Văn Chín",
	"recv_place", "Trụ sở UBND xã Châu Thành (ấp Bình Hòa, xã Châu Thành, huyện Long Hồ)",
	NULL
};

static const char *const authors_main[] = { "Thanh Tâm", "Minh Khang", "Phương Thảo", "Quốc Việt", NULL };
static const char *const authors_snv[] = { "Kim Ngân", "Văn Hiền", "Bảo Trân", NULL };
static const char *const authors_syt[] = { "Mỹ Duyên", "Thanh Hải", "Tường Vi", NULL };
static const char *const authors_sgd[] = { "Ngọc Ánh", "Tuấn Kiệt", "Hải Yến", NULL };
static const char *const authors_dist[] = { "Trúc Linh", "Minh Nhựt", "Thanh Sơn", NULL };
static const char *const authors_comm[] = { "Kim Thoa", "Hữu Nghĩa", NULL };

/* Same order as demo_sites[]. */
static const struct site_ctx site_ctx[] = {
	{ S_MAIN, vars_main, places_province, authors_main, "Văn phòng UBND tỉnh",
	  { "tin-tuc", "hoat-dong-lanh-dao", "cai-cach-hanh-chinh", "cai-cach-hanh-chinh", "thong-bao",
	    "kinh-te-xa-hoi", "kinh-te-xa-hoi", "chi-dao-dieu-hanh", "tin-tuc" },
	  { 0, 1, 0, 1, 2, -1 } },
	{ S_SNV, vars_snv, places_province, authors_snv, "Văn phòng Sở Nội vụ",
	  { "tin-hoat-dong", "tin-hoat-dong", "cai-cach-hanh-chinh", "cai-cach-hanh-chinh", "thong-bao",
	    "tin-hoat-dong", "tin-hoat-dong", "tin-hoat-dong", "thi-dua-khen-thuong" },
	  { 0, 5, -1 } },
	{ S_SYT, vars_syt, places_province, authors_syt, "Văn phòng Sở Y tế",
	  { "tin-hoat-dong", "tin-hoat-dong", "tin-hoat-dong", "tin-hoat-dong", "thong-bao", "tin-hoat-dong",
	    "tin-hoat-dong", "tin-hoat-dong", "tin-hoat-dong" },
	  { 3, 0, -1 } },
	{ S_SGD, vars_sgd, places_province, authors_sgd, "Văn phòng Sở Giáo dục và Đào tạo",
	  { "tin-hoat-dong", "tin-hoat-dong", "tin-hoat-dong", "chuyen-doi-so", "thong-bao", "tin-hoat-dong",
	    "tin-hoat-dong", "tin-hoat-dong", "tin-hoat-dong" },
	  { 4, 0, -1 } },
	{ S_DIST, vars_dist, places_longho, authors_dist, "Văn phòng HĐND và UBND huyện",
	  { "tin-hoat-dong", "tin-hoat-dong", "cai-cach-hanh-chinh", "cai-cach-hanh-chinh", "thong-bao",
	    "van-hoa-xa-hoi", "van-hoa-xa-hoi", "nong-nghiep", "tin-hoat-dong" },
	  { 0, 1, 6, -1 } },
	{ S_COMM, vars_comm, places_chauthanh, authors_comm, "UBND xã Châu Thành",
	  { "tin-hoat-dong", "tin-hoat-dong", "tin-hoat-dong", "tin-hoat-dong", "thong-bao", "van-hoa-xa-hoi",
	    "an-sinh-xa-hoi", "nong-nghiep", "tin-hoat-dong" },
	  { 0, 1, -1 } },
};

/* ------------------------------------------------------------------------------------------ */
/* Article templates                                                                           */
/*
 * Placeholders: {key} a site word from vars_*[] (or {address} {phone} {email}); {place},
 * {place2}, {place3} distinct sub-units of the site; {nK:lo-hi} an integer and {fK:lo-hi} a tenth
 * ("97,5") drawn once per article and repeated by {nK} / {fK} ({nK:lo-hi/step} rounds down to a
 * multiple of step, for "hơn 1.200"); {v:a|b|c} the option for the
 * template's repetition (reps > 1 gives one article per option). Paragraphs are split by "\n\n".
 */

enum { T_FEAT = 1 };

struct tpl {
	unsigned scope;  /* S_* bits of the sites that get this article */
	const char *cat; /* category slug, or "@role" */
	unsigned char flags, reps;
	const char *title, *summary, *body;
};

static const struct tpl tpls[] = {
/* ---- Shared by several kinds of site --------------------------------------------------- */
{ S_DEPT | S_LOCAL, "@leader", T_FEAT, 1,
  "{org} sơ kết công tác 6 tháng đầu năm, triển khai nhiệm vụ trọng tâm 6 tháng cuối năm",
  "Hội nghị đánh giá kết quả thực hiện nhiệm vụ 6 tháng đầu năm, thẳng thắn chỉ ra những hạn chế và "
  "thống nhất các giải pháp trọng tâm để hoàn thành kế hoạch cả năm.",
  "Chủ trì hội nghị có đồng chí {head} – {head_title}. Tham dự có đại diện lãnh đạo {subs}.\n\n"
  "Theo báo cáo, 6 tháng đầu năm, {org} đã bám sát chương trình công tác, tập trung chỉ đạo, điều hành "
  "quyết liệt các nhiệm vụ được giao. Trong kỳ, đơn vị đã ban hành {n1:45-160} văn bản chỉ đạo, điều "
  "hành; tiếp nhận và giải quyết {n2:320-1200} hồ sơ thủ tục hành chính, tỷ lệ giải quyết đúng và "
  "trước hạn đạt {f1:955-995}%. Công tác cải cách hành chính, chuyển đổi số tiếp tục có chuyển biến "
  "tích cực; kỷ luật, kỷ cương hành chính được giữ vững.\n\n"
  "Bên cạnh kết quả đạt được, hội nghị cũng thẳng thắn chỉ ra một số hạn chế như: tiến độ thực hiện "
  "một số nhiệm vụ còn chậm; việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính chưa đồng đều; "
  "nhân lực làm công tác chuyên môn ở một số lĩnh vực còn thiếu.\n\n"
  "Phát biểu kết luận, đồng chí {head} ghi nhận, biểu dương sự nỗ lực của tập thể {staff}; đồng thời "
  "yêu cầu các đơn vị rà soát các chỉ tiêu chưa đạt, xây dựng lộ trình cụ thể để hoàn thành; tiếp tục "
  "đẩy mạnh cải cách hành chính, nâng cao tinh thần trách nhiệm, phong cách phục vụ nhân dân, phấn đấu "
  "hoàn thành thắng lợi nhiệm vụ năm." },

{ S_ALL, "@leader", 0, 1,
  "{head_full} tiếp công dân định kỳ",
  "Tại buổi tiếp, đồng chí {head} – {head_title} đã trực tiếp lắng nghe, đối thoại và giải đáp kiến "
  "nghị, phản ánh của {n1:3-8} lượt công dân.",
  "Cùng dự buổi tiếp công dân có đại diện {insp}.\n\n"
  "Các ý kiến của công dân tập trung vào những nội dung: {cit_topics}. Nhiều trường hợp đã được "
  "hướng dẫn, giải thích từ trước nhưng công dân tiếp tục đề nghị được gặp trực tiếp người đứng đầu để "
  "trình bày.\n\n"
  "Sau khi nghe công dân trình bày và báo cáo của các cơ quan chuyên môn, đồng chí {head} đã trả lời, "
  "giải thích cụ thể từng trường hợp. Đối với những nội dung thuộc thẩm quyền, {head_title} giao các "
  "đơn vị liên quan khẩn trương kiểm tra, xác minh, giải quyết dứt điểm theo quy định; những nội dung "
  "không thuộc thẩm quyền thì hướng dẫn công dân gửi đến cơ quan có thẩm quyền giải quyết.\n\n"
  "Đồng chí {head} nhấn mạnh, công tác tiếp công dân, giải quyết khiếu nại, tố cáo phải được thực hiện "
  "công khai, minh bạch, đúng pháp luật; kịp thời giải quyết ngay từ cơ sở, không để phát sinh điểm "
  "nóng, khiếu kiện đông người, vượt cấp." },

{ S_ALL, "@digital", 0, 1,
  "{who} đẩy mạnh chuyển đổi số, hướng tới nền hành chính phục vụ",
  "Xác định chuyển đổi số là nhiệm vụ trọng tâm, {who_mid} đã triển khai đồng bộ nhiều giải pháp, từ "
  "hoàn thiện hạ tầng, số hóa dữ liệu đến nâng cao kỹ năng số cho đội ngũ {staff} và người dân.",
  "Thời gian qua, {who_mid} tập trung triển khai Đề án 06 của Chính phủ về phát triển ứng dụng dữ liệu "
  "về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia. Toàn bộ {staff} đã được cấp "
  "chữ ký số; văn bản đi, đến được xử lý trên môi trường mạng, trừ văn bản mật theo quy định.\n\n"
  "Đến nay, tỷ lệ hồ sơ thủ tục hành chính được số hóa đạt {f1:780-960}%, tỷ lệ hồ sơ trực tuyến toàn "
  "trình đạt {f2:450-740}%. Việc thanh toán trực tuyến phí, lệ phí được khuyến khích, giúp người dân "
  "tiết kiệm thời gian và chi phí đi lại.\n\n"
  "Bên cạnh đó, các tổ công nghệ số cộng đồng được kiện toàn, thường xuyên hướng dẫn người dân kích "
  "hoạt tài khoản định danh điện tử trên ứng dụng VNeID, sử dụng dịch vụ công trực tuyến và thanh toán "
  "không dùng tiền mặt.\n\n"
  "Theo {dep_title} {dep}, thời gian tới đơn vị tiếp tục rà soát, cắt giảm thành phần hồ sơ, tái sử "
  "dụng dữ liệu đã số hóa để người dân không phải nộp lại giấy tờ đã có; đồng thời tăng cường bảo đảm "
  "an toàn, an ninh thông tin trên không gian mạng." },

{ S_ALL, "@disaster", 0, 1,
  "{who} chủ động phòng, chống thiên tai, ứng phó triều cường mùa mưa bão",
  "{org} vừa ban hành kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn, yêu cầu các đơn vị quán "
  "triệt phương châm “bốn tại chỗ”, không để bị động, bất ngờ.",
  "Nhằm chủ động ứng phó với tình hình thời tiết diễn biến phức tạp, mưa lớn, triều cường và sạt lở bờ "
  "sông có nguy cơ xảy ra trong mùa mưa bão, {org} đã ban hành kế hoạch phòng, chống thiên tai và tìm "
  "kiếm cứu nạn với phương châm “bốn tại chỗ”: chỉ huy tại chỗ, lực lượng tại chỗ, phương tiện, vật tư "
  "tại chỗ và hậu cần tại chỗ.\n\n"
  "Theo kế hoạch, {dis_role}. Các đơn vị được yêu cầu kiện toàn ban chỉ huy, phân công cụ thể người "
  "trực, bảo đảm thông tin liên lạc thông suốt 24/24 giờ.\n\n"
  "{org} cũng yêu cầu tăng cường tuyên truyền để người dân nắm bắt kịp thời tình hình thời tiết và các "
  "biện pháp phòng tránh; tuyệt đối không chủ quan, lơ là, nhất là tại các khu vực ven sông, kênh rạch "
  "có nguy cơ sạt lở.\n\n"
  "Trước đó, đoàn kiểm tra đã khảo sát thực tế tại {place} và {place2}, ghi nhận một số đoạn bờ sông có "
  "dấu hiệu sạt lở, đề nghị địa phương khẩn trương cắm biển cảnh báo, hỗ trợ người dân di dời tài sản "
  "ra khỏi khu vực nguy hiểm." },

{ S_DEPT | S_LOCAL, "@reform", 0, 1,
  "{org}: {f1:965-995}% hồ sơ thủ tục hành chính được giải quyết đúng hạn",
  "Thời gian qua, {org} tiếp tục đẩy mạnh cải cách thủ tục hành chính, lấy người dân, doanh nghiệp làm "
  "trung tâm phục vụ; nhiều thủ tục được rút ngắn thời gian giải quyết so với quy định.",
  "Theo báo cáo, từ đầu năm đến nay, {org} đã tiếp nhận {n2:1500-2600} hồ sơ thủ tục hành chính, trong "
  "đó {n3:600-1400} hồ sơ được nộp trực tuyến. Có {f1}% hồ sơ được giải quyết đúng và trước hạn, số còn "
  "lại đang trong thời hạn xử lý.\n\n"
  "Để đạt kết quả này, đơn vị đã thường xuyên rà soát, công khai đầy đủ thủ tục hành chính trên Cổng "
  "Dịch vụ công quốc gia và tại Bộ phận Một cửa; thực hiện nghiêm việc xin lỗi người dân khi để xảy ra "
  "trễ hạn; tăng cường kiểm tra, chấn chỉnh tinh thần, thái độ phục vụ của công chức.\n\n"
  "Kết quả khảo sát cho thấy {f2:920-985}% người dân, doanh nghiệp được hỏi hài lòng với chất lượng "
  "phục vụ. Nhiều ý kiến ghi nhận công chức hướng dẫn tận tình, hồ sơ được trả đúng hẹn, thời gian chờ "
  "đợi giảm đáng kể.\n\n"
  "Thời gian tới, {org} tiếp tục đề xuất đơn giản hóa các thủ tục còn rườm rà, đẩy mạnh tiếp nhận hồ sơ "
  "trực tuyến và số hóa kết quả giải quyết, phấn đấu nâng cao Chỉ số cải cách hành chính và Chỉ số hài "
  "lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước." },

{ S_DEPT | S_LOCAL, "@news", 0, 1,
  "{org} tổ chức Hội nghị {staff_conf}",
  "Hội nghị là dịp để {staff} cùng nhìn lại kết quả năm qua, thảo luận, đóng góp ý kiến vào kế hoạch "
  "công tác và các quy chế nội bộ của cơ quan.",
  "Hội nghị có sự tham dự của đông đủ {staff} của cơ quan. Đồng chí {head} – {head_title} và đồng chí "
  "Chủ tịch Công đoàn cơ sở đồng chủ trì hội nghị.\n\n"
  "Các đại biểu đã nghe báo cáo kết quả thực hiện nhiệm vụ chính trị, tình hình thu – chi ngân sách, "
  "hoạt động của Ban Thanh tra nhân dân và công tác thi đua – khen thưởng; đồng thời thảo luận, góp ý "
  "sửa đổi Quy chế chi tiêu nội bộ, Quy chế thực hiện dân chủ ở cơ sở và Quy tắc ứng xử nơi công sở.\n\n"
  "Nhiều ý kiến tâm huyết được nêu lên, tập trung vào việc cải thiện điều kiện làm việc, đẩy mạnh ứng "
  "dụng công nghệ thông tin trong xử lý công việc, quan tâm công tác đào tạo, bồi dưỡng và chăm lo đời "
  "sống tinh thần cho người lao động. Các ý kiến đều được lãnh đạo cơ quan tiếp thu, giải trình cụ "
  "thể.\n\n"
  "Dịp này, Thủ trưởng cơ quan và Chủ tịch Công đoàn cơ sở đã ký kết giao ước thi đua; hội nghị cũng "
  "bầu {n1:3-5} thành viên Ban Thanh tra nhân dân nhiệm kỳ mới." },

{ S_DEPT | S_LOCAL, "@news", 0, 1,
  "{org} tập huấn kỹ năng số cho {staff}",
  "Lớp tập huấn trang bị kiến thức, kỹ năng sử dụng chữ ký số, hệ thống quản lý văn bản và điều hành, "
  "khai thác dữ liệu dùng chung và bảo vệ dữ liệu cá nhân.",
  "Lớp tập huấn thu hút {trainees} học viên là {staff} của {subs}. Giảng viên là các chuyên gia của "
  "Trung tâm Chuyển đổi số tỉnh.\n\n"
  "Trong {v:hai|ba} ngày, học viên được hướng dẫn ký số văn bản trên máy tính và thiết bị di động, xử lý "
  "hồ sơ công việc trên Hệ thống quản lý văn bản và điều hành, sử dụng phần mềm họp trực tuyến và khai "
  "thác Cơ sở dữ liệu quốc gia về dân cư phục vụ giải quyết thủ tục hành chính.\n\n"
  "Chuyên đề nhận diện, phòng tránh lừa đảo trực tuyến được nhiều học viên quan tâm. Các tình huống "
  "thực tế như tin nhắn giả danh cơ quan nhà nước, đường dẫn độc hại, ứng dụng giả mạo đã được giảng "
  "viên phân tích và hướng dẫn cách xử lý.\n\n"
  "Phát biểu bế mạc, đồng chí {dep} – {dep_title} đề nghị học viên vận dụng kiến thức vào công việc "
  "hằng ngày, tiến tới xử lý toàn bộ hồ sơ công việc trên môi trường điện tử, góp phần xây dựng cơ quan "
  "số, chính quyền số." },

{ S_ALL, "@notice", 0, 1,
  "Thông báo lịch tiếp công dân của lãnh đạo {org}",
  "{org} thông báo lịch tiếp công dân định kỳ của lãnh đạo để người dân biết, liên hệ.",
  "Thực hiện Luật Tiếp công dân và Quy chế tiếp công dân của cơ quan, {org} thông báo lịch tiếp công "
  "dân của lãnh đạo như sau:\n\n"
  "{head_title} tiếp công dân định kỳ vào ngày {n1:10-15} hằng tháng; các {dep_title} tiếp công dân "
  "theo lịch phân công vào thứ Năm hằng tuần. Trường hợp ngày tiếp công dân trùng ngày nghỉ lễ, Tết "
  "thì chuyển sang ngày làm việc kế tiếp.\n\n"
  "Địa điểm: {recv_place}. Thời gian: buổi sáng từ 7 giờ 30 đến 11 giờ; buổi chiều từ 13 giờ 30 đến 16 "
  "giờ 30.\n\n"
  "Công dân đến trình bày khiếu nại, tố cáo, kiến nghị, phản ánh mang theo giấy tờ tùy thân và các tài "
  "liệu liên quan (nếu có). Mọi thông tin chi tiết xin liên hệ qua số điện thoại {phone}." },

{ S_ALL, "@emul", 0, 1,
  "{org} phát động đợt thi đua cao điểm hoàn thành các chỉ tiêu năm",
  "Đợt thi đua nhằm khơi dậy tinh thần chủ động, sáng tạo của các tập thể, cá nhân, phấn đấu hoàn "
  "thành và vượt các chỉ tiêu, nhiệm vụ đã đề ra.",
  "Đợt thi đua cao điểm được phát động với chủ đề “Đoàn kết, kỷ cương, đổi mới, hiệu quả”, kéo dài "
  "đến hết tháng 12, áp dụng đối với {subs}.\n\n"
  "Nội dung thi đua tập trung vào các nhiệm vụ trọng tâm: đẩy nhanh tiến độ giải ngân vốn đầu tư công; "
  "nâng cao chất lượng giải quyết thủ tục hành chính; thực hành tiết kiệm, chống lãng phí; xây dựng môi "
  "trường làm việc văn minh, thân thiện; tích cực tham gia các hoạt động an sinh xã hội.\n\n"
  "Đồng chí {head} – {head_title} yêu cầu các tập thể, cá nhân cụ thể hóa nội dung thi đua bằng những "
  "việc làm thiết thực, có địa chỉ; kịp thời phát hiện, bồi dưỡng và nhân rộng các điển hình tiên "
  "tiến, gương “người tốt, việc tốt”.\n\n"
  "Kết thúc đợt thi đua, {org} sẽ tổ chức đánh giá, xét khen thưởng kịp thời, đúng người, đúng việc, "
  "tạo động lực để các tập thể, cá nhân tiếp tục phấn đấu." },

{ S_ALL, "@news", 0, 1,
  "{union} hưởng ứng Ngày hội Hiến máu tình nguyện",
  "Ngày hội thu hút đông đảo đoàn viên, người lao động tham gia, tiếp nhận {n1:85-320} đơn vị máu an "
  "toàn bổ sung cho nguồn máu cấp cứu, điều trị.",
  "Ngày hội do {union} phối hợp với Hội Chữ thập đỏ và Bệnh viện Đa khoa tỉnh tổ chức, với thông điệp "
  "“Mỗi giọt máu cho đi – Một cuộc đời ở lại”.\n\n"
  "Ngay từ sáng sớm, đông đảo đoàn viên, người lao động và người dân đã có mặt để đăng ký, khám sàng "
  "lọc. Nhiều người đã hiến máu nhiều lần, trở thành tấm gương lan tỏa tinh thần tương thân tương ái "
  "trong cộng đồng.\n\n"
  "Kết quả, ngày hội tiếp nhận {n1} đơn vị máu. Toàn bộ lượng máu được chuyển về ngân hàng máu của "
  "Bệnh viện Đa khoa tỉnh, phục vụ công tác cấp cứu, điều trị người bệnh trong thời gian tới.\n\n"
  "Dịp này, ban tổ chức đã biểu dương, tặng giấy khen cho {n2:5-12} cá nhân đã hiến máu từ 10 lần trở "
  "lên." },

{ S_DEPT | S_LOCAL, "@news", 0, 1,
  "{party} triển khai chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
  "Hội nghị quán triệt nội dung chuyên đề, gắn với việc xây dựng kế hoạch làm theo của từng tập thể, "
  "cá nhân, nhất là người đứng đầu.",
  "Hội nghị được tổ chức theo hình thức trực tiếp kết hợp trực tuyến, với sự tham dự của {n1:80-250} "
  "cán bộ, đảng viên. Báo cáo viên đã truyền đạt những nội dung cơ bản của chuyên đề về phát huy tinh "
  "thần đoàn kết, ý chí tự lực, tự cường, xây dựng đội ngũ cán bộ có đủ phẩm chất, năng lực, uy tín "
  "ngang tầm nhiệm vụ.\n\n"
  "Qua đó, giúp cán bộ, đảng viên nhận thức sâu sắc hơn giá trị to lớn của tư tưởng, đạo đức, phong "
  "cách Hồ Chí Minh; nâng cao ý thức tu dưỡng, rèn luyện đạo đức cách mạng, chống chủ nghĩa cá nhân, "
  "bệnh quan liêu, xa dân.\n\n"
  "Đồng chí {head} yêu cầu mỗi chi bộ, mỗi cán bộ, đảng viên xây dựng kế hoạch làm theo với những nội "
  "dung cụ thể, dễ kiểm tra, đánh giá; gắn việc học tập với thực hiện nhiệm vụ chuyên môn, với trách "
  "nhiệm nêu gương của người đứng đầu và với các phong trào thi đua yêu nước.\n\n"
  "Thời gian qua, nhiều tập thể, cá nhân có cách làm hay, sáng tạo trong học tập và làm theo Bác đã "
  "được biểu dương, khen thưởng, góp phần tạo sức lan tỏa sâu rộng trong toàn Đảng bộ." },

{ S_DEPT | S_LOCAL, "@social", 0, 1,
  "{org} tuyên truyền {plaw_law} cho {plaw_who}",
  "Hoạt động nhằm nâng cao nhận thức, ý thức chấp hành pháp luật, góp phần đưa các quy định mới đi "
  "vào cuộc sống.",
  "Buổi tuyên truyền được tổ chức tại {place}, thu hút {n1:80-300} người tham dự. Báo cáo viên của "
  "{plaw_expert} đã giới thiệu những nội dung cơ bản, điểm mới của {plaw_law}; các quyền, nghĩa vụ và "
  "trách nhiệm có liên quan.\n\n"
  "Nội dung được truyền đạt ngắn gọn, dễ hiểu, gắn với nhiều tình huống thực tế. Người tham dự được "
  "trao đổi trực tiếp, nêu thắc mắc và được giải đáp tận tình; tài liệu hỏi – đáp pháp luật cũng được "
  "phát miễn phí.\n\n"
  "Theo {dep_title} {dep}, thời gian tới đơn vị tiếp tục đổi mới hình thức phổ biến, giáo dục pháp "
  "luật, tăng cường sử dụng mạng xã hội, hệ thống truyền thanh cơ sở và các nền tảng số để đưa thông "
  "tin pháp luật đến gần hơn với người dân." },

{ S_DEPT | S_LOCAL, "@news", 0, 1,
  "Kiểm tra {insp_topic} tại {place}",
  "Đoàn công tác của {org} do đồng chí {dep} – {dep_title} làm trưởng đoàn đã kiểm tra {insp_topic} "
  "tại {place}.",
  "Tại buổi làm việc, đại diện địa phương đã báo cáo kết quả thực hiện, những thuận lợi, khó khăn và "
  "các đề xuất, kiến nghị. Đoàn công tác đã kiểm tra hồ sơ, sổ sách và khảo sát thực tế một số điểm "
  "trên địa bàn.\n\n"
  "Qua kiểm tra, đoàn ghi nhận địa phương đã chủ động triển khai nhiệm vụ, đạt nhiều kết quả tích cực; "
  "tuy nhiên vẫn còn một số tồn tại như: {insp_issue}.\n\n"
  "Phát biểu kết luận, đồng chí {dep} đề nghị địa phương tập trung khắc phục ngay các tồn tại, hạn chế; "
  "phân công cụ thể người, cụ thể việc, cụ thể thời gian hoàn thành; thường xuyên báo cáo tiến độ để "
  "kịp thời tháo gỡ vướng mắc." },

{ S_ALL, "@welfare", 0, 1,
  "{leaders} thăm, tặng quà gia đình chính sách nhân ngày Thương binh – Liệt sĩ 27/7",
  "Đoàn đã đến thăm, tặng {n1:20-60} phần quà cho gia đình người có công với cách mạng, thân nhân "
  "liệt sĩ tại {place}.",
  "Đoàn do đồng chí {head} – {head_title} làm trưởng đoàn. Tại mỗi gia đình, đồng chí {head} ân cần "
  "thăm hỏi sức khỏe, đời sống và bày tỏ lòng biết ơn sâu sắc đối với những hy sinh, cống hiến to lớn "
  "của các thương binh, liệt sĩ và gia đình cho sự nghiệp giải phóng dân tộc, bảo vệ Tổ quốc.\n\n"
  "Mỗi phần quà trị giá từ 1 đến 2 triệu đồng, được trích từ Quỹ “Đền ơn đáp nghĩa” và sự đóng góp "
  "của {staff}.\n\n"
  "Cùng ngày, đoàn đã đến dâng hương, dâng hoa tưởng niệm các anh hùng liệt sĩ tại Nghĩa trang liệt "
  "sĩ tỉnh.\n\n"
  "Các gia đình chính sách bày tỏ xúc động trước sự quan tâm của cấp ủy, chính quyền và hứa sẽ tiếp "
  "tục giữ gìn, phát huy truyền thống cách mạng, giáo dục con cháu sống tốt đời, đẹp đạo." },

{ S_DEPT | S_LOCAL, "@welfare", 0, 1,
  "{org} chung tay xóa nhà tạm, nhà dột nát",
  "Từ nguồn vận động, {org} đã hỗ trợ xây mới, sửa chữa {n1:4-15} căn nhà cho hộ nghèo, hộ cận nghèo "
  "và gia đình có hoàn cảnh khó khăn về nhà ở.",
  "Hưởng ứng phong trào thi đua “Cả nước chung tay xóa nhà tạm, nhà dột nát”, {org} đã vận động {staff} "
  "đóng góp ngày lương, đồng thời kêu gọi doanh nghiệp, nhà hảo tâm cùng chung sức.\n\n"
  "Mỗi căn nhà được hỗ trợ từ 50 đến 60 triệu đồng, diện tích từ 32 đến 45 m², bảo đảm tiêu chí “3 "
  "cứng” gồm nền cứng, khung – tường cứng và mái cứng. Nhiều hộ còn được bà con lối xóm hỗ trợ ngày "
  "công, vật liệu để sớm hoàn thành công trình.\n\n"
  "Tại lễ bàn giao nhà ở {place}, {cz}, chủ hộ, xúc động chia sẻ: “Gia đình tôi ở căn nhà lá dột nát "
  "hơn chục năm nay, mùa mưa phải chạy dột cả đêm. Nay có nhà mới kiên cố, tôi yên tâm làm ăn, lo cho "
  "con cháu đi học”.\n\n"
  "Theo kế hoạch, từ nay đến cuối năm, {org} tiếp tục phối hợp với địa phương hỗ trợ thêm {n2:3-8} "
  "căn nhà, góp phần cùng cả tỉnh hoàn thành mục tiêu xóa nhà tạm, nhà dột nát." },

{ S_ALL, "@news", 0, 1,
  "{youth} ra quân Chiến dịch Thanh niên tình nguyện hè",
  "Chiến dịch năm nay tập trung vào các phần việc chuyển đổi số, bảo vệ môi trường, chăm lo thiếu nhi "
  "và hỗ trợ người dân ở những địa bàn còn khó khăn.",
  "Tham gia lễ ra quân có hơn {n1:100-400/10} đoàn viên, thanh niên. Ngay sau lễ ra quân, các đội hình "
  "tình nguyện đã đồng loạt tỏa về {place} và {place2} để thực hiện các phần việc.\n\n"
  "Theo kế hoạch, trong đợt cao điểm, các đội hình sẽ thực hiện {n2:5-12} công trình, phần việc thanh "
  "niên; trồng cây xanh, thu gom rác thải ven kênh rạch; hướng dẫn người dân sử dụng ứng dụng VNeID "
  "và dịch vụ công trực tuyến; tổ chức sinh hoạt hè, dạy bơi, dạy kỹ năng sống cho thiếu nhi.\n\n"
  "Phát biểu tại lễ ra quân, đại diện lãnh đạo {org} ghi nhận vai trò xung kích, tình nguyện của tuổi "
  "trẻ; đề nghị đoàn viên, thanh niên phát huy tinh thần sáng tạo, bám sát nhu cầu thực tế của người "
  "dân, bảo đảm an toàn trong suốt quá trình hoạt động." },

{ S_DEPT | S_LOCAL, "@news", 0, 1,
  "{org} tập huấn nghiệp vụ phòng cháy, chữa cháy và cứu nạn, cứu hộ",
  "Lớp tập huấn giúp {staff} nắm vững kiến thức, kỹ năng xử lý ban đầu khi xảy ra sự cố cháy, nổ tại "
  "cơ quan, đơn vị.",
  "Lớp tập huấn do {org} phối hợp với Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an "
  "tỉnh tổ chức, thu hút {n1:50-150} học viên tham dự.\n\n"
  "Học viên được giới thiệu các quy định của pháp luật về phòng cháy, chữa cháy; những nguyên nhân "
  "thường gặp gây cháy, nổ tại cơ quan, công sở; cách sử dụng bình chữa cháy xách tay, lăng vòi chữa "
  "cháy và kỹ năng thoát nạn khi có khói, khí độc.\n\n"
  "Ở phần thực hành, học viên trực tiếp dập tắt đám cháy giả định, sơ cứu người bị nạn và phối hợp "
  "triển khai phương án chữa cháy tại chỗ theo tình huống cụ thể. {ffnote}\n\n"
  "Qua đó, nâng cao ý thức, trách nhiệm và kỹ năng của lực lượng phòng cháy, chữa cháy cơ sở, góp phần "
  "bảo vệ tài sản của Nhà nước và tính mạng của người lao động." },

{ S_ALL, "@notice", 0, 1,
  "Thông báo nghỉ lễ Quốc khánh 2/9 và phân công trực cơ quan",
  "{org} thông báo lịch nghỉ lễ Quốc khánh và việc bố trí trực, bảo đảm xử lý kịp thời công việc "
  "phát sinh.",
  "Căn cứ thông báo của Bộ Nội vụ về việc nghỉ lễ Quốc khánh đối với cán bộ, công chức, viên chức và "
  "người lao động, {org} thông báo như sau:\n\n"
  "Toàn thể {staff} được nghỉ lễ theo quy định. Bộ phận Một cửa tạm ngừng tiếp nhận hồ sơ trực tiếp "
  "trong những ngày nghỉ; người dân, doanh nghiệp vẫn có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ "
  "công quốc gia, hồ sơ sẽ được xử lý vào ngày làm việc tiếp theo.\n\n"
  "Trong thời gian nghỉ lễ, {org} phân công lãnh đạo và cán bộ trực 24/24 giờ; đề nghị các bộ phận bảo "
  "đảm an ninh, an toàn cơ quan, phòng cháy, chữa cháy, ngắt các thiết bị điện không cần thiết trước "
  "khi nghỉ.\n\n"
  "Trường hợp khẩn cấp, đề nghị liên hệ số điện thoại trực: {phone}." },

{ S_ALL, "@notice", 0, 1,
  "Lấy ý kiến góp ý đối với {draft}",
  "{org} đăng tải toàn văn {draft} để lấy ý kiến rộng rãi của cơ quan, tổ chức, cá nhân.",
  "Thực hiện quy định về lấy ý kiến đối với dự thảo văn bản, {org} đăng tải toàn văn {draft} để các cơ "
  "quan, tổ chức, cá nhân nghiên cứu, tham gia góp ý.\n\n"
  "Thời gian nhận ý kiến góp ý: {n1:20-30} ngày kể từ ngày đăng tải. Ý kiến góp ý gửi bằng văn bản về "
  "{org}, địa chỉ: {address}; hoặc qua thư điện tử {email}.\n\n"
  "Các ý kiến góp ý sẽ được tổng hợp, nghiên cứu, tiếp thu để hoàn chỉnh dự thảo trước khi trình cấp "
  "có thẩm quyền xem xét, ban hành. {org} trân trọng cảm ơn sự quan tâm, đóng góp của các cơ quan, tổ "
  "chức và cá nhân." },

{ S_DEPT | S_LOCAL, "@notice", 0, 1,
  "Công khai tình hình thực hiện dự toán ngân sách 6 tháng đầu năm",
  "{org} công khai số liệu thực hiện dự toán thu, chi ngân sách nhà nước 6 tháng đầu năm theo quy "
  "định.",
  "Thực hiện Luật Ngân sách nhà nước và hướng dẫn của Bộ Tài chính về công khai ngân sách đối với các "
  "đơn vị dự toán, {org} công khai tình hình thực hiện dự toán ngân sách 6 tháng đầu năm.\n\n"
  "Theo đó, tổng dự toán được giao trong năm là {budget}; giá trị thực hiện 6 tháng đạt {n1:46-58}% dự "
  "toán. Các khoản chi được thực hiện đúng định mức, tiêu chuẩn, chế độ; ưu tiên bảo đảm chi cho con "
  "người, chi thực hiện nhiệm vụ chuyên môn và các chính sách an sinh xã hội.\n\n"
  "Biểu số liệu chi tiết được niêm yết tại trụ sở cơ quan. Mọi ý kiến thắc mắc, đề nghị liên hệ "
  "{off_title} để được giải đáp." },

{ S_ALL, "@news", 0, 1,
  "{org} và {partner} ký kết quy chế phối hợp công tác",
  "Quy chế nhằm nâng cao hiệu quả phối hợp giữa hai cơ quan trong thực hiện nhiệm vụ chính trị, bảo "
  "đảm quyền và lợi ích hợp pháp của người dân.",
  "Quy chế gồm {n1:4-6} chương, {n2:15-24} điều, quy định cụ thể nguyên tắc, nội dung, hình thức và "
  "trách nhiệm phối hợp giữa hai bên trong từng lĩnh vực; chế độ thông tin, báo cáo và sơ kết, tổng kết "
  "định kỳ.\n\n"
  "Phát biểu tại lễ ký kết, đồng chí {head} – {head_title} khẳng định, việc ký kết quy chế là cơ sở "
  "quan trọng để hai cơ quan phối hợp chặt chẽ, nhịp nhàng hơn, kịp thời tháo gỡ những khó khăn, vướng "
  "mắc phát sinh trong quá trình thực hiện nhiệm vụ.\n\n"
  "Đại diện {partner} cam kết phối hợp chặt chẽ, chia sẻ thông tin kịp thời, cùng đồng hành trong "
  "việc tuyên truyền, vận động người dân và giám sát việc thực hiện các chủ trương, chính sách.\n\n"
  "Hai bên thống nhất giao đầu mối phối hợp cho {off_title} và bộ phận tương ứng của {partner}; hằng "
  "năm tổ chức đánh giá kết quả thực hiện quy chế." },

{ S_ALL, "@reform", 0, 1,
  "{org} quán triệt chủ trương sắp xếp, tinh gọn tổ chức bộ máy",
  "Hội nghị thông tin các chủ trương, định hướng mới về sắp xếp tổ chức bộ máy, đồng thời yêu cầu giữ "
  "vững ổn định tư tưởng, không để gián đoạn công việc.",
  "Tại hội nghị, đồng chí {head} – {head_title} đã thông tin những nội dung cơ bản về chủ trương tiếp "
  "tục sắp xếp, tinh gọn tổ chức bộ máy của hệ thống chính trị theo hướng tinh – gọn – mạnh – hiệu "
  "năng – hiệu lực – hiệu quả.\n\n"
  "Theo đó, {org} đã rà soát chức năng, nhiệm vụ của {subs}, xây dựng phương án sắp xếp, bố trí cán bộ "
  "và lộ trình thực hiện chính sách đối với những người chịu tác động. Quá trình thực hiện bảo đảm công "
  "khai, dân chủ, khách quan, đúng quy định.\n\n"
  "Đồng chí {head} đề nghị {staff} nâng cao tinh thần trách nhiệm, đặt lợi ích chung lên trên hết; "
  "tiếp tục thực hiện tốt nhiệm vụ chuyên môn, nhất là việc tiếp nhận, giải quyết thủ tục hành chính, "
  "không để ảnh hưởng đến hoạt động phục vụ người dân, doanh nghiệp." },

{ S_ALL, "@digital", 0, 1,
  "{who} hưởng ứng Ngày Chuyển đổi số quốc gia 10/10",
  "Nhiều hoạt động thiết thực được tổ chức nhằm lan tỏa nhận thức về chuyển đổi số, đưa công nghệ số "
  "đến gần hơn với người dân.",
  "Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10, {org} đã xây dựng kế hoạch với nhiều hoạt động cụ "
  "thể, hướng đến người dân, doanh nghiệp và đội ngũ {staff}.\n\n"
  "Trong tháng cao điểm, các tổ công nghệ số cộng đồng tại {place} đã tổ chức {n1:12-40} buổi hướng dẫn "
  "trực tiếp, giúp hàng trăm người dân cài đặt ứng dụng VNeID, đăng ký tài khoản dịch vụ công, thanh "
  "toán điện tử và nhận diện các chiêu trò lừa đảo qua mạng.\n\n"
  "Cùng với đó, {org} tổ chức giới thiệu các nền tảng số đang triển khai; phát động cuộc thi trực "
  "tuyến tìm hiểu về chuyển đổi số, thu hút đông đảo {staff} và người dân tham gia.\n\n"
  "Đây là dịp để nhìn lại chặng đường chuyển đổi số thời gian qua, xác định những việc cần làm tiếp "
  "theo để chuyển đổi số thực sự đi vào chiều sâu, mang lại lợi ích thiết thực cho người dân." },

{ S_ALL, "@leader", 0, 1,
  "Đoàn công tác {upper} làm việc với {org} về {upper_topic}",
  "Đoàn công tác do lãnh đạo {upper} làm trưởng đoàn đã nghe báo cáo, trao đổi, ghi nhận những kết "
  "quả tích cực và gợi mở nhiều giải pháp thiết thực.",
  "Tiếp và làm việc với đoàn có đồng chí {head} – {head_title} cùng đại diện lãnh đạo {subs}.\n\n"
  "Báo cáo với đoàn, đồng chí {dep} – {dep_title} cho biết, thời gian qua {org} đã tập trung chỉ đạo, "
  "triển khai đồng bộ nhiều giải pháp, đạt được những kết quả quan trọng; tuy nhiên vẫn còn khó khăn "
  "về nguồn lực, cơ sở vật chất và nhân lực chuyên môn.\n\n"
  "Phát biểu tại buổi làm việc, trưởng đoàn công tác đánh giá cao sự chủ động, linh hoạt của {org} "
  "trong tổ chức thực hiện nhiệm vụ; đề nghị tiếp tục rà soát, hoàn thiện các kế hoạch, tập trung giải "
  "quyết dứt điểm những tồn tại đã được chỉ ra.\n\n"
  "Đối với các kiến nghị của {org}, đoàn công tác ghi nhận và sẽ tổng hợp, báo cáo cấp có thẩm quyền "
  "xem xét, giải quyết theo quy định." },

{ S_DEPT | S_LOCAL, "@social", 0, 1,
  "{org} hưởng ứng Tháng hành động vì bình đẳng giới",
  "Các hoạt động truyền thông được triển khai đa dạng, góp phần nâng cao nhận thức, thay đổi hành vi "
  "về bình đẳng giới trong cơ quan và cộng đồng.",
  "Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới diễn ra từ "
  "ngày 15/11 đến 15/12 hằng năm. Năm nay, {org} đã treo băng rôn, khẩu hiệu, đăng tải thông điệp trên "
  "trang thông tin điện tử và lồng ghép nội dung tuyên truyền vào các buổi sinh hoạt chuyên đề.\n\n"
  "Tại buổi tọa đàm hưởng ứng, các đại biểu đã chia sẻ nhiều câu chuyện thực tế về vai trò của phụ nữ "
  "trong công tác chuyên môn, cũng như những rào cản còn tồn tại; đề xuất giải pháp tạo điều kiện để "
  "nữ cán bộ được học tập, phát triển và tham gia quản lý, lãnh đạo.\n\n"
  "Hiện nay, tỷ lệ nữ giữ chức vụ lãnh đạo, quản lý tại {org} đạt {n1:28-46}%. Công tác cán bộ nữ luôn "
  "được cấp ủy, lãnh đạo quan tâm, bảo đảm cơ hội ngang nhau trong tuyển dụng, quy hoạch, bổ nhiệm." },

{ S_DEPT | S_LOCAL, "@news", 0, 1,
  "{org} nhân rộng mô hình “Dân vận khéo” trong {dv_field}",
  "Nhiều mô hình “Dân vận khéo” phát huy hiệu quả, góp phần thắt chặt mối quan hệ giữa chính quyền với "
  "nhân dân.",
  "Thời gian qua, phong trào thi đua “Dân vận khéo” được {org} triển khai sâu rộng, gắn với việc thực "
  "hiện nhiệm vụ chính trị và các phong trào thi đua yêu nước. Đến nay, đã có {n1:6-25} mô hình “Dân "
  "vận khéo” được công nhận, nhiều mô hình mang lại hiệu quả thiết thực.\n\n"
  "Tiêu biểu là mô hình {dv_model}. Mô hình được người dân đồng tình, hưởng ứng, góp phần xây dựng mối "
  "quan hệ gắn bó giữa chính quyền và nhân dân.\n\n"
  "{head_title} {head} cho biết, thời gian tới đơn vị tiếp tục lựa chọn những mô hình hay, cách làm hiệu "
  "quả để nhân rộng; đồng thời kịp thời biểu dương, khen thưởng các tập thể, cá nhân tiêu biểu trong "
  "phong trào." },

/* ---- Main portal (the provincial People's Committee) ---------------------------------- */
{ S_MAIN, "hoat-dong-lanh-dao", T_FEAT, 1,
  "UBND tỉnh họp phiên thường kỳ, đánh giá tình hình kinh tế – xã hội",
  "Phiên họp đánh giá tình hình kinh tế – xã hội, thu chi ngân sách, giải ngân vốn đầu tư công và cho "
  "ý kiến nhiều nội dung quan trọng trước khi trình HĐND tỉnh.",
  "Phiên họp do đồng chí {head} – {head_title} chủ trì, với sự tham dự của các Phó Chủ tịch UBND tỉnh, "
  "các thành viên UBND tỉnh và lãnh đạo {subs}.\n\n"
  "Theo báo cáo, tình hình kinh tế – xã hội của tỉnh tiếp tục chuyển biến tích cực. Tốc độ tăng trưởng "
  "tổng sản phẩm trên địa bàn (GRDP) ước đạt {f1:52-68}%; giá trị sản xuất công nghiệp tăng "
  "{f2:80-120}% so với cùng kỳ; kim ngạch xuất khẩu ước đạt {n3:480-620} triệu USD. Tổng thu ngân sách "
  "nhà nước trên địa bàn ước đạt {n4:52-61}% dự toán.\n\n"
  "Tuy nhiên, tiến độ giải ngân vốn đầu tư công còn chậm, mới đạt {n5:38-47}% kế hoạch; một số dự án "
  "trọng điểm còn vướng mặt bằng; tình trạng sạt lở bờ sông diễn biến phức tạp tại một số địa "
  "phương.\n\n"
  "Kết luận phiên họp, đồng chí {head} yêu cầu các sở, ngành, địa phương tập trung tháo gỡ vướng mắc "
  "trong bồi thường, giải phóng mặt bằng; người đứng đầu chịu trách nhiệm trực tiếp về tiến độ giải "
  "ngân; đồng thời chăm lo tốt công tác an sinh xã hội, bảo đảm an ninh trật tự, tạo đà hoàn thành các "
  "chỉ tiêu kinh tế – xã hội năm." },

{ S_MAIN, "kinh-te-xa-hoi", 0, 1,
  "Vĩnh Long đẩy mạnh thu hút đầu tư vào các khu công nghiệp",
  "Từ đầu năm đến nay, các khu công nghiệp trên địa bàn tỉnh thu hút thêm {n1:4-9} dự án với tổng vốn "
  "đăng ký hơn {n2:1800-3600/100} tỷ đồng.",
  "Hiện nay, Khu công nghiệp Hòa Phú (huyện Long Hồ) và Khu công nghiệp Bình Minh (thị xã Bình Minh) "
  "đã có tỷ lệ lấp đầy cao; Khu công nghiệp Cổ Chiên đang được đầu tư hạ tầng để đón các dự án mới.\n\n"
  "Các dự án mới tập trung vào lĩnh vực chế biến nông sản, thủy sản, sản xuất bao bì, may mặc và thiết "
  "bị điện. Nhiều nhà đầu tư cho biết, giao thông thuận lợi với cầu Mỹ Thuận 2, tuyến cao tốc Mỹ Thuận "
  "– Cần Thơ cùng nguồn lao động dồi dào là lợi thế lớn của tỉnh.\n\n"
  "Theo Ban Quản lý các khu công nghiệp tỉnh, thời gian tới tỉnh tiếp tục hoàn thiện hạ tầng kỹ thuật, "
  "nhà ở cho công nhân; đẩy nhanh bồi thường, giải phóng mặt bằng Khu công nghiệp Cổ Chiên; xúc tiến "
  "đầu tư có trọng tâm, ưu tiên các dự án công nghệ cao, thân thiện với môi trường.\n\n"
  "Đồng chí {dep2} – {dep2_title} yêu cầu các sở, ngành rút ngắn thời gian giải quyết thủ tục đầu tư, "
  "đất đai, xây dựng; thường xuyên đối thoại để kịp thời tháo gỡ khó khăn cho nhà đầu tư." },

{ S_MAIN, "hoat-dong-lanh-dao", 0, 2,
  "Chủ tịch UBND tỉnh kiểm tra tiến độ {v:dự án kè chống sạt lở bờ sông Cổ Chiên|dự án nâng cấp, mở "
  "rộng Đường tỉnh 902}",
  "Đồng chí {head} – {head_title} yêu cầu chủ đầu tư, đơn vị thi công tập trung nhân lực, thiết bị, "
  "phấn đấu hoàn thành {v:công trình trước mùa mưa lũ|dự án đúng tiến độ cam kết}.",
  "{v:Dự án kè chống sạt lở bờ sông Cổ Chiên đoạn qua huyện Long Hồ có chiều dài khoảng "
  "{n1:1200-2800/100} m, tổng mức đầu tư hơn {n2:180-320/10} tỷ đồng, nhằm bảo vệ an toàn tính mạng, tài sản "
  "của hàng trăm hộ dân sống ven sông.|Dự án nâng cấp, mở rộng Đường tỉnh 902 có tổng chiều dài hơn "
  "{n1:20-32} km, tổng mức đầu tư trên {n2:900-1400/100} tỷ đồng, là tuyến giao thông quan trọng kết nối "
  "các huyện phía Nam của tỉnh với thành phố Vĩnh Long.}\n\n"
  "Theo báo cáo của chủ đầu tư, đến nay khối lượng thi công đạt khoảng {n3:45-72}%. Tuy nhiên, {v:việc "
  "thi công gặp khó khăn do mực nước sông lên cao, một số đoạn nền đất yếu phải xử lý bổ sung|còn "
  "{n4:12-30} hộ dân chưa bàn giao mặt bằng do vướng mắc về đơn giá bồi thường}.\n\n"
  "Phát biểu chỉ đạo, đồng chí {head} yêu cầu đơn vị thi công bố trí thêm mũi thi công, tăng ca hợp lý "
  "nhưng phải bảo đảm chất lượng công trình và an toàn lao động. {v:Sở Nông nghiệp và Phát triển nông "
  "thôn thường xuyên theo dõi diễn biến sạt lở, kịp thời đề xuất phương án xử lý các điểm nguy "
  "hiểm.|UBND các huyện có dự án đi qua tiếp tục vận động, đối thoại với người dân, giải quyết dứt điểm "
  "vướng mắc về mặt bằng ngay trong tháng.}\n\n"
  "Đồng chí {head} nhấn mạnh, đây là công trình có ý nghĩa quan trọng đối với {v:an toàn của người dân "
  "ven sông|phát triển kinh tế – xã hội của tỉnh}; các sở, ngành phải xem đây là nhiệm vụ chính trị "
  "trọng tâm, kiên quyết không để chậm tiến độ." },

{ S_MAIN, "kinh-te-xa-hoi", 0, 1,
  "Vĩnh Long có thêm {n1:18-36} mã số vùng trồng phục vụ xuất khẩu",
  "Các mã số vùng trồng mới được cấp cho chôm chôm, sầu riêng, bưởi và xoài, mở rộng cơ hội đưa trái "
  "cây của tỉnh vào những thị trường khó tính.",
  "Theo Sở Nông nghiệp và Phát triển nông thôn, hiện toàn tỉnh có hơn {n2:120-180/10} mã số vùng trồng "
  "được cấp, với tổng diện tích trên {n3:4200-6800/100} ha, chủ yếu ở các huyện Long Hồ, Trà Ôn, Tam Bình và "
  "Vũng Liêm. Các mã số được cấp để xuất khẩu sang thị trường Trung Quốc, Hoa Kỳ, Úc, Hàn Quốc và New "
  "Zealand.\n\n"
  "Để được cấp mã số, nhà vườn phải ghi chép nhật ký canh tác, chỉ sử dụng thuốc bảo vệ thực vật trong "
  "danh mục được phép và bảo đảm thời gian cách ly trước thu hoạch. Ông Nguyễn Văn Sáu, nhà vườn trồng "
  "chôm chôm ở xã Hòa Ninh, huyện Long Hồ, cho biết: “Từ khi vào vùng trồng có mã số, trái chôm chôm "
  "được thương lái thu mua cao hơn từ 3.000 đến 5.000 đồng/kg, đầu ra cũng ổn định hơn”.\n\n"
  "Thời gian tới, ngành nông nghiệp tiếp tục hướng dẫn các hợp tác xã, tổ hợp tác hoàn thiện hồ sơ; "
  "đồng thời tăng cường giám sát, không để xảy ra tình trạng sử dụng sai mã số vùng trồng, ảnh hưởng "
  "đến uy tín nông sản của tỉnh." },

{ S_MAIN, "kinh-te-xa-hoi", 0, 1,
  "Đánh thức tiềm năng du lịch sinh thái miệt vườn cù lao An Bình",
  "Với hệ thống sông rạch chằng chịt và những vườn cây trái sum suê, cù lao An Bình đang trở thành điểm "
  "đến hấp dẫn của du khách trong và ngoài nước.",
  "Cù lao An Bình thuộc huyện Long Hồ, nằm giữa sông Cổ Chiên, cách trung tâm thành phố Vĩnh Long chỉ "
  "một chuyến phà ngắn. Nơi đây nổi tiếng với những vườn chôm chôm, nhãn, măng cụt và các homestay "
  "mang đậm nét văn hóa sông nước miền Tây.\n\n"
  "Những năm gần đây, nhiều hộ dân đã mạnh dạn đầu tư làm du lịch cộng đồng, đưa du khách tham quan "
  "vườn, trải nghiệm tát mương bắt cá, làm bánh dân gian, nghe đờn ca tài tử. Năm qua, các điểm du lịch "
  "trên cù lao đón hơn {n1:85-160} nghìn lượt khách, trong đó khách quốc tế chiếm khoảng "
  "{n2:30-45}%.\n\n"
  "Tuy nhiên, sản phẩm du lịch còn trùng lặp, hạ tầng giao thông nội vùng chưa đồng bộ, nguồn nhân lực "
  "làm du lịch chủ yếu là lao động tại chỗ, chưa qua đào tạo bài bản.\n\n"
  "Theo đồng chí {dep} – {dep_title}, tỉnh sẽ tập trung đầu tư hạ tầng, hỗ trợ người dân nâng cao kỹ "
  "năng phục vụ, kết nối các điểm đến với tuyến du lịch đường sông, hướng đến xây dựng thương hiệu du "
  "lịch sinh thái miệt vườn đặc trưng của Vĩnh Long." },

{ S_MAIN, "kinh-te-xa-hoi", 0, 1,
  "Bảo tồn làng nghề gạch gốm Mang Thít gắn với phát triển du lịch",
  "Với hàng trăm lò gạch, gốm ven sông Cổ Chiên, làng nghề gạch gốm Mang Thít được định hướng trở thành "
  "điểm du lịch văn hóa đặc sắc của tỉnh.",
  "Làng nghề gạch gốm Mang Thít hình thành hơn một thế kỷ, được mệnh danh là “vương quốc gốm đỏ” với "
  "những lò nung mái vòm đặc trưng nằm san sát dọc bờ sông Cổ Chiên và kênh Thầy Cai.\n\n"
  "Những năm gần đây, do nhu cầu thị trường thay đổi, nhiều lò gạch đã ngừng hoạt động. Để bảo tồn giá "
  "trị làng nghề, tỉnh đã triển khai đề án bảo tồn, phát triển làng nghề gắn với du lịch, hỗ trợ các cơ "
  "sở chuyển sang sản xuất gốm mỹ nghệ, gốm trang trí phục vụ du khách.\n\n"
  "Nhiều lò gạch cũ được cải tạo thành quán cà phê, không gian trưng bày, điểm tham quan, thu hút đông "
  "đảo du khách, nhất là giới trẻ. Một số cơ sở còn tổ chức cho khách trải nghiệm nặn gốm, tìm hiểu quy "
  "trình nung gạch truyền thống.\n\n"
  "Theo Sở Văn hóa, Thể thao và Du lịch, thời gian tới tỉnh tiếp tục kêu gọi đầu tư, quảng bá, đưa làng "
  "nghề gạch gốm Mang Thít trở thành sản phẩm du lịch chủ lực của tỉnh." },

{ S_MAIN, "chi-dao-dieu-hanh", 0, 1,
  "UBND tỉnh yêu cầu đẩy nhanh tiến độ giải ngân vốn đầu tư công",
  "Chủ tịch UBND tỉnh yêu cầu người đứng đầu các sở, ngành, địa phương trực tiếp chỉ đạo và chịu trách "
  "nhiệm về kết quả giải ngân của đơn vị mình.",
  "Theo báo cáo của Sở Kế hoạch và Đầu tư, đến nay tỉnh mới giải ngân được {n1:1200-1800} tỷ đồng, đạt "
  "{n2:38-47}% kế hoạch vốn được giao. Một số chủ đầu tư có tỷ lệ giải ngân thấp do vướng mắc trong bồi "
  "thường, giải phóng mặt bằng, thiếu vật liệu san lấp và năng lực của một số nhà thầu còn hạn chế.\n\n"
  "Để hoàn thành mục tiêu giải ngân 100% kế hoạch vốn, UBND tỉnh yêu cầu các chủ đầu tư lập kế hoạch "
  "giải ngân chi tiết theo từng tháng, từng dự án; kiên quyết thay thế nhà thầu yếu kém, chậm tiến độ; "
  "nghiệm thu, thanh toán ngay khi có khối lượng hoàn thành.\n\n"
  "UBND các huyện, thị xã, thành phố tập trung giải quyết dứt điểm các vướng mắc về mặt bằng; Sở Tài "
  "chính, Kho bạc Nhà nước tỉnh rút ngắn thời gian kiểm soát chi, thanh toán vốn.\n\n"
  "Kết quả giải ngân vốn đầu tư công là một trong những tiêu chí quan trọng để đánh giá, xếp loại mức "
  "độ hoàn thành nhiệm vụ của tập thể và người đứng đầu trong năm." },

{ S_MAIN, "chi-dao-dieu-hanh", 0, 1,
  "UBND tỉnh chỉ đạo tăng cường phòng, chống dịch sốt xuất huyết",
  "Số ca mắc sốt xuất huyết trên địa bàn tỉnh có xu hướng tăng, UBND tỉnh yêu cầu các địa phương không "
  "để dịch bùng phát, lây lan diện rộng.",
  "Từ đầu năm đến nay, toàn tỉnh ghi nhận {n1:420-780} ca mắc sốt xuất huyết, tăng so với cùng kỳ năm "
  "trước; các ca bệnh chủ yếu là trẻ em dưới 15 tuổi. Mùa mưa là điều kiện thuận lợi để muỗi vằn sinh "
  "sản, làm tăng nguy cơ lây lan dịch bệnh.\n\n"
  "UBND tỉnh yêu cầu Sở Y tế chỉ đạo các cơ sở khám, chữa bệnh chuẩn bị đầy đủ thuốc, dịch truyền, "
  "giường bệnh; tăng cường giám sát, xử lý triệt để ổ dịch ngay khi phát hiện. UBND các huyện, thị xã, "
  "thành phố tổ chức các đợt chiến dịch diệt lăng quăng, bọ gậy, vận động mỗi hộ gia đình dành 10 phút "
  "mỗi tuần để loại bỏ các dụng cụ chứa nước đọng.\n\n"
  "Sở Giáo dục và Đào tạo chỉ đạo các trường lồng ghép nội dung phòng bệnh vào hoạt động ngoại khóa; "
  "các cơ quan báo chí tăng cường thông tin để người dân chủ động phòng bệnh, đưa người bệnh đến cơ sở "
  "y tế kịp thời khi có dấu hiệu sốt cao." },

{ S_MAIN, "chi-dao-dieu-hanh", 0, 1,
  "UBND tỉnh chỉ đạo chủ động phòng, chống hạn hán, xâm nhập mặn",
  "Dự báo mùa khô năm nay, nước mặn có thể xâm nhập sâu vào các cửa sông, ảnh hưởng đến sản xuất và nước "
  "sinh hoạt của người dân ở một số huyện.",
  "Theo Đài Khí tượng thủy văn tỉnh, mùa khô năm nay ranh mặn 4‰ có khả năng xâm nhập sâu trên sông Cổ "
  "Chiên và sông Hậu, ảnh hưởng trực tiếp đến các huyện Vũng Liêm, Trà Ôn và Mang Thít. Diện tích cây ăn "
  "trái, lúa và rau màu có nguy cơ bị ảnh hưởng ước khoảng {n1:8000-15000/500} ha.\n\n"
  "UBND tỉnh yêu cầu các địa phương vận hành hợp lý hệ thống cống, đập để tích trữ nước ngọt; nạo vét "
  "kênh mương nội đồng; hướng dẫn nông dân xuống giống theo lịch thời vụ, chủ động trữ nước tưới cho "
  "vườn cây ăn trái.\n\n"
  "Công ty Cổ phần Cấp thoát nước tỉnh xây dựng phương án bảo đảm nước sinh hoạt cho người dân, ưu tiên "
  "các khu vực vùng sâu, vùng xa. Sở Nông nghiệp và Phát triển nông thôn theo dõi chặt chẽ diễn biến độ "
  "mặn, cập nhật thông tin hằng ngày để người dân chủ động ứng phó." },

{ S_MAIN, "thong-bao", 0, 1,
  "Thông báo tổ chức Hội chợ Thương mại – Nông nghiệp tỉnh Vĩnh Long",
  "Hội chợ quy tụ khoảng {n1:250-350/10} gian hàng của doanh nghiệp, hợp tác xã trong và ngoài tỉnh, giới "
  "thiệu sản phẩm nông nghiệp, sản phẩm OCOP và hàng tiêu dùng.",
  "Nhằm quảng bá sản phẩm và kết nối tiêu thụ hàng hóa, UBND tỉnh tổ chức Hội chợ Thương mại – Nông "
  "nghiệp tỉnh Vĩnh Long tại Công viên Sông Tiền, thành phố Vĩnh Long, trong {v:năm} ngày.\n\n"
  "Hội chợ có khoảng {n1} gian hàng, dành riêng khu trưng bày sản phẩm OCOP, trái cây đặc sản và sản "
  "phẩm làng nghề của tỉnh. Trong thời gian diễn ra hội chợ còn có hội nghị kết nối cung – cầu, chương "
  "trình văn nghệ, trò chơi dân gian và hội thi ẩm thực.\n\n"
  "Doanh nghiệp, hợp tác xã có nhu cầu tham gia đăng ký với Trung tâm Xúc tiến Thương mại tỉnh qua số "
  "điện thoại 0270 3836 789 hoặc thư điện tử xttm@vinhlong.gov.vn, chậm nhất 10 ngày trước ngày khai "
  "mạc." },

{ S_MAIN, "thong-bao", 0, 1,
  "Thông cáo báo chí kết quả phiên họp thường kỳ của UBND tỉnh",
  "Văn phòng UBND tỉnh thông tin các nội dung chính được thảo luận và thống nhất tại phiên họp thường "
  "kỳ của UBND tỉnh.",
  "Tại phiên họp, UBND tỉnh đã thảo luận, cho ý kiến đối với báo cáo tình hình kinh tế – xã hội, công "
  "tác chỉ đạo, điều hành; tình hình thu, chi ngân sách và giải ngân vốn đầu tư công; các dự thảo nghị "
  "quyết trình kỳ họp HĐND tỉnh.\n\n"
  "UBND tỉnh thống nhất thông qua {n1:6-11} tờ trình, đề án thuộc các lĩnh vực tài chính, đất đai, y tế, "
  "giáo dục và giao thông; giao các sở, ngành chủ trì tiếp thu ý kiến thành viên UBND tỉnh, hoàn chỉnh "
  "hồ sơ trước khi trình.\n\n"
  "Về nhiệm vụ thời gian tới, UBND tỉnh yêu cầu tập trung đẩy nhanh giải ngân vốn đầu tư công; chủ động "
  "phòng, chống thiên tai, dịch bệnh; bảo đảm cung ứng hàng hóa, bình ổn thị trường; thực hiện tốt chính "
  "sách an sinh xã hội và giữ vững an ninh chính trị, trật tự an toàn xã hội." },

{ S_MAIN, "cai-cach-hanh-chinh", T_FEAT, 1,
  "Công bố Chỉ số cải cách hành chính của các sở, ngành và địa phương",
  "Năm nay, chỉ số cải cách hành chính trung bình của các sở, ban, ngành tỉnh đạt {f1:845-905}%, của "
  "các huyện, thị xã, thành phố đạt {f2:820-890}%.",
  "Tại hội nghị, Sở Nội vụ đã công bố kết quả xác định Chỉ số cải cách hành chính của các sở, ban, "
  "ngành tỉnh và UBND các huyện, thị xã, thành phố. Kết quả được đánh giá trên các lĩnh vực: công tác "
  "chỉ đạo, điều hành; cải cách thể chế; cải cách thủ tục hành chính; cải cách tổ chức bộ máy; cải cách "
  "chế độ công vụ; cải cách tài chính công và xây dựng, phát triển chính quyền điện tử, chính quyền "
  "số.\n\n"
  "Trong khối sở, ngành, Sở Tư pháp dẫn đầu với {f3:920-960}%; ở khối huyện, thị xã, thành phố, UBND "
  "huyện Long Hồ đứng đầu với {f4:900-945}%. Không có đơn vị nào xếp loại dưới trung bình.\n\n"
  "Phát biểu tại hội nghị, đồng chí {dep} – {dep_title} đề nghị các đơn vị phân tích kỹ từng tiêu chí "
  "bị trừ điểm để có giải pháp khắc phục; người đứng đầu phải trực tiếp chỉ đạo công tác cải cách hành "
  "chính, gắn kết quả chỉ số với việc đánh giá, xếp loại cán bộ, công chức." },

{ S_MAIN, "cai-cach-hanh-chinh", 0, 1,
  "Trung tâm Phục vụ hành chính công tỉnh nâng cao chất lượng phục vụ người dân",
  "Từ đầu năm, Trung tâm đã tiếp nhận hơn {n1:28000-46000/500} hồ sơ, tỷ lệ giải quyết đúng hạn đạt "
  "{f1:975-995}%.",
  "Trung tâm Phục vụ hành chính công tỉnh hiện tiếp nhận, trả kết quả {n2:1500-1900} thủ tục hành chính "
  "của các sở, ngành. Khu vực tiếp nhận được bố trí khang trang, có ki-ốt tra cứu thông tin, hệ thống "
  "lấy số tự động và thiết bị đánh giá mức độ hài lòng.\n\n"
  "Một điểm mới là Trung tâm tiếp nhận hồ sơ không phụ thuộc địa giới hành chính đối với nhiều thủ "
  "tục, người dân có thể nộp hồ sơ tại bất kỳ điểm tiếp nhận nào trong tỉnh. Nhân viên bưu điện cũng "
  "được bố trí hỗ trợ người dân số hóa giấy tờ, nộp hồ sơ trực tuyến ngay tại chỗ.\n\n"
  "Anh Lê Minh Tuấn, ngụ Phường 8, thành phố Vĩnh Long, chia sẻ: “Tôi đến làm thủ tục đăng ký kinh "
  "doanh, được hướng dẫn nộp trực tuyến, chỉ mất khoảng 15 phút. Kết quả sẽ được trả qua bưu điện tận "
  "nhà nên rất thuận tiện”.\n\n"
  "Theo lãnh đạo Trung tâm, thời gian tới đơn vị tiếp tục phối hợp với các sở, ngành rà soát quy trình "
  "nội bộ, cắt giảm thời gian giải quyết, phấn đấu 100% hồ sơ được số hóa ngay khi tiếp nhận." },

{ S_MAIN, "hoat-dong-lanh-dao", T_FEAT, 1,
  "Lãnh đạo tỉnh đối thoại, tháo gỡ khó khăn cho doanh nghiệp",
  "Tại hội nghị, {n1:20-35} ý kiến của doanh nghiệp về đất đai, thuế, thủ tục đầu tư đã được lãnh đạo "
  "tỉnh và các sở, ngành trả lời trực tiếp.",
  "Hội nghị do đồng chí {head} – {head_title} chủ trì, với sự tham dự của hơn {n2:200-320/10} đại biểu "
  "đại diện doanh nghiệp, hợp tác xã và hộ kinh doanh trên địa bàn tỉnh.\n\n"
  "Các doanh nghiệp phản ánh nhiều khó khăn như thủ tục giao đất, cho thuê đất còn kéo dài; việc hoàn "
  "thuế giá trị gia tăng còn chậm; thiếu mặt bằng sản xuất; khó tiếp cận nguồn vốn vay ưu đãi. Một số "
  "doanh nghiệp kiến nghị tỉnh sớm đầu tư hạ tầng giao thông kết nối các khu, cụm công nghiệp.\n\n"
  "Lãnh đạo các sở, ngành đã giải đáp cụ thể từng nội dung. Đối với những vấn đề vượt thẩm quyền, tỉnh "
  "sẽ tổng hợp, kiến nghị các bộ, ngành Trung ương xem xét, giải quyết.\n\n"
  "Kết luận hội nghị, đồng chí {head} khẳng định tỉnh luôn đồng hành cùng doanh nghiệp, xem sự phát "
  "triển của doanh nghiệp là thước đo hiệu quả điều hành của chính quyền. Các sở, ngành phải công khai "
  "thời hạn giải quyết từng kiến nghị, không để doanh nghiệp phải chờ đợi, đi lại nhiều lần." },

{ S_MAIN, "hoat-dong-lanh-dao", 0, 1,
  "Lãnh đạo tỉnh tiếp đoàn doanh nghiệp Hàn Quốc tìm hiểu cơ hội đầu tư",
  "Đoàn doanh nghiệp quan tâm đến lĩnh vực chế biến nông sản, năng lượng tái tạo và sản xuất linh kiện "
  "điện tử tại các khu công nghiệp của tỉnh.",
  "Tiếp đoàn, đồng chí {dep2} – {dep2_title} giới thiệu tiềm năng, lợi thế của Vĩnh Long: vị trí nằm "
  "giữa sông Tiền và sông Hậu, có tuyến cao tốc Mỹ Thuận – Cần Thơ đi qua, nguồn nguyên liệu nông sản "
  "dồi dào và lực lượng lao động trẻ.\n\n"
  "Đại diện đoàn cho biết, qua khảo sát thực tế, các doanh nghiệp đánh giá cao môi trường đầu tư của "
  "tỉnh, đặc biệt là sự cởi mở, hỗ trợ tích cực của chính quyền. Đoàn mong muốn được cung cấp thêm "
  "thông tin về quỹ đất sạch, giá thuê đất và các chính sách ưu đãi đầu tư.\n\n"
  "Đồng chí {dep2} cam kết tỉnh sẽ tạo mọi điều kiện thuận lợi, giao Sở Kế hoạch và Đầu tư làm đầu mối "
  "hỗ trợ nhà đầu tư trong quá trình khảo sát, lập hồ sơ dự án theo phương châm “một đầu mối, một quy "
  "trình”." },

{ S_MAIN, "kinh-te-xa-hoi", 0, 1,
  "Khởi công dự án nhà ở xã hội tại thành phố Vĩnh Long",
  "Dự án có quy mô {n1:420-680} căn hộ, dự kiến hoàn thành sau 24 tháng, góp phần giải quyết nhu cầu "
  "nhà ở cho công nhân và người có thu nhập thấp.",
  "Dự án được xây dựng tại Phường 9, thành phố Vĩnh Long, trên diện tích khoảng {f1:25-48} ha, tổng vốn "
  "đầu tư hơn {n2:450-820/10} tỷ đồng. Dự án gồm các khối chung cư từ 9 đến 12 tầng, cùng nhà trẻ, khu "
  "thương mại, sân chơi và bãi đỗ xe.\n\n"
  "Phát biểu tại lễ khởi công, đồng chí {dep2} – {dep2_title} đề nghị chủ đầu tư huy động đủ nhân lực, "
  "thiết bị, thi công bảo đảm chất lượng, tiến độ; công khai, minh bạch đối tượng, điều kiện và giá bán "
  "để người lao động có thu nhập thấp có cơ hội tiếp cận.\n\n"
  "Theo Sở Xây dựng, giai đoạn từ nay đến năm 2030, tỉnh phấn đấu hoàn thành khoảng 7.000 căn nhà ở xã "
  "hội, đáp ứng một phần nhu cầu nhà ở ngày càng tăng của công nhân tại các khu, cụm công nghiệp." },

{ S_MAIN, "kinh-te-xa-hoi", 0, 1,
  "Vĩnh Long hoàn thành sớm mục tiêu xóa nhà tạm, nhà dột nát",
  "Toàn tỉnh đã hỗ trợ xây mới, sửa chữa {n1:2600-3400} căn nhà cho hộ nghèo, hộ cận nghèo, gia đình "
  "người có công, về đích trước thời hạn đề ra.",
  "Với sự vào cuộc quyết liệt của cả hệ thống chính trị, chương trình xóa nhà tạm, nhà dột nát trên địa "
  "bàn tỉnh đã hoàn thành trước thời hạn. Tổng kinh phí thực hiện hơn {n2:150-210/10} tỷ đồng, từ ngân sách "
  "nhà nước, Quỹ “Vì người nghèo” và nguồn xã hội hóa.\n\n"
  "Nhiều địa phương có cách làm sáng tạo như huy động đoàn viên, thanh niên, dân quân hỗ trợ ngày công; "
  "vận động doanh nghiệp cung cấp vật liệu xây dựng với giá ưu đãi; lồng ghép với chương trình xây dựng "
  "nông thôn mới.\n\n"
  "Phát biểu tại buổi tổng kết, đồng chí {head} – {head_title} biểu dương các địa phương, đơn vị, doanh "
  "nghiệp và nhà hảo tâm đã chung tay hỗ trợ; đề nghị các địa phương tiếp tục theo dõi, giúp các hộ "
  "được hỗ trợ có sinh kế ổn định, vươn lên thoát nghèo bền vững." },

{ S_MAIN, "tin-tuc", 0, 1,
  "Họp mặt mừng Tết cổ truyền Chôl Chnăm Thmây của đồng bào Khmer",
  "Lãnh đạo tỉnh gửi lời chúc mừng năm mới đến chư tăng, đồng bào Khmer và tri ân những đóng góp của "
  "đồng bào vào sự phát triển của tỉnh.",
  "Tham dự buổi họp mặt có đông đảo chư tăng, người có uy tín, cán bộ và đồng bào dân tộc Khmer tiêu "
  "biểu đến từ thị xã Bình Minh, các huyện Trà Ôn, Tam Bình và Vũng Liêm.\n\n"
  "Phát biểu tại buổi họp mặt, đồng chí {dep} – {dep_title} đánh giá cao tinh thần đoàn kết, sự đóng "
  "góp tích cực của đồng bào Khmer trong phát triển kinh tế – xã hội, giữ gìn bản sắc văn hóa và bảo "
  "đảm an ninh trật tự. Đời sống vật chất, tinh thần của đồng bào ngày càng được nâng lên; tỷ lệ hộ "
  "nghèo trong đồng bào dân tộc Khmer giảm còn {f1:18-32}%.\n\n"
  "Dịp này, lãnh đạo tỉnh đã trao quà cho các chùa Khmer và hộ đồng bào có hoàn cảnh khó khăn; đồng "
  "thời mong các vị chư tăng, người có uy tín tiếp tục vận động đồng bào chấp hành tốt chủ trương, "
  "chính sách của Đảng, pháp luật của Nhà nước." },

{ S_MAIN, "kinh-te-xa-hoi", 0, 1,
  "Vĩnh Long có thêm {n1:18-32} sản phẩm đạt chuẩn OCOP",
  "Các sản phẩm mới được công nhận chủ yếu là trái cây tươi, thực phẩm chế biến và sản phẩm làng nghề, "
  "nâng tổng số sản phẩm OCOP của tỉnh lên hơn {n2:230-290/10}.",
  "Hội đồng đánh giá, phân hạng sản phẩm cấp tỉnh vừa công bố kết quả đợt đánh giá mới, trong đó có "
  "{n3:3-6} sản phẩm đạt 4 sao, số còn lại đạt 3 sao. Nhiều sản phẩm đặc trưng của tỉnh như bưởi Năm "
  "Roi, khoai lang tím, chôm chôm, cam sành và gốm đỏ được công nhận.\n\n"
  "Theo Sở Nông nghiệp và Phát triển nông thôn, sau khi đạt chuẩn OCOP, nhiều sản phẩm đã có mặt trong "
  "hệ thống siêu thị, cửa hàng tiện lợi và trên sàn thương mại điện tử, giá bán tăng từ 10 đến 20% so "
  "với trước.\n\n"
  "Thời gian tới, tỉnh tiếp tục hỗ trợ các chủ thể cải tiến bao bì, truy xuất nguồn gốc, xây dựng câu "
  "chuyện sản phẩm; đẩy mạnh xúc tiến thương mại, kết nối tiêu thụ, hướng tới có sản phẩm đạt chuẩn "
  "OCOP 5 sao cấp quốc gia." },

{ S_MAIN, "kinh-te-xa-hoi", 0, 1,
  "Thêm {n1:5-9} xã đạt chuẩn nông thôn mới nâng cao",
  "UBND tỉnh vừa công nhận thêm {n1} xã đạt chuẩn nông thôn mới nâng cao, nâng tổng số xã đạt chuẩn "
  "nâng cao trên địa bàn tỉnh lên {n2:38-52} xã.",
  "Các xã được công nhận đã hoàn thành đầy đủ các tiêu chí theo Bộ tiêu chí xã nông thôn mới nâng cao; "
  "thu nhập bình quân đầu người đạt trên {n3:68-82} triệu đồng/năm; tỷ lệ hộ nghèo đa chiều giảm còn "
  "dưới 1%.\n\n"
  "Bộ mặt nông thôn các xã có nhiều khởi sắc: đường giao thông nông thôn được nhựa hóa, bê tông hóa; "
  "các tuyến đường hoa, hàng rào xanh được người dân chung tay xây dựng; nhiều mô hình sản xuất hiệu "
  "quả, liên kết theo chuỗi giá trị được hình thành.\n\n"
  "Tại lễ công bố, đồng chí {dep2} – {dep2_title} đề nghị các xã không chủ quan, thỏa mãn mà tiếp tục "
  "duy trì, nâng chất các tiêu chí, phấn đấu xây dựng xã nông thôn mới kiểu mẫu, trong đó chú trọng "
  "nâng cao thu nhập và đời sống tinh thần của người dân." },

{ S_MAIN, "hoat-dong-lanh-dao", 0, 3,
  "Phó Chủ tịch UBND tỉnh làm việc với {v:huyện Vũng Liêm|huyện Trà Ôn|thị xã Bình Minh} về {v:xây "
  "dựng nông thôn mới|phòng, chống sạt lở bờ sông|phát triển đô thị và thu hút đầu tư}",
  "Đồng chí {v:{dep}|{dep2}|{dep2}} – Phó Chủ tịch UBND tỉnh đề nghị địa phương tập trung tháo gỡ khó "
  "khăn, hoàn thành các chỉ tiêu đã đề ra.",
  "Báo cáo tại buổi làm việc, lãnh đạo {v:huyện Vũng Liêm|huyện Trà Ôn|thị xã Bình Minh} cho biết, "
  "{v:đến nay huyện có {n1:10-14} xã đạt chuẩn nông thôn mới, trong đó {n2:3-6} xã đạt chuẩn nông thôn "
  "mới nâng cao; thu nhập bình quân đầu người khu vực nông thôn đạt khoảng {n3:62-75} triệu "
  "đồng/năm|thời gian qua trên địa bàn huyện xảy ra {n1:8-16} điểm sạt lở dọc sông Hậu và các kênh "
  "rạch, ảnh hưởng đến hàng chục hộ dân; địa phương đã di dời khẩn cấp các hộ ở khu vực nguy "
  "hiểm|thị xã đang tập trung hoàn thiện các tiêu chí đô thị loại III, đầu tư hạ tầng Khu công nghiệp "
  "Bình Minh và các tuyến đường kết nối với cao tốc Mỹ Thuận – Cần Thơ}.\n\n"
  "Địa phương cũng kiến nghị tỉnh {v:hỗ trợ vốn đầu tư hệ thống thủy lợi nội đồng, nâng cấp các tuyến "
  "đường giao thông liên xã|sớm bố trí vốn xây dựng kè chống sạt lở tại các điểm xung yếu và hỗ trợ "
  "kinh phí tái định cư cho người dân|quan tâm bố trí vốn đầu tư hạ tầng đô thị và điều chỉnh quy "
  "hoạch một số khu dân cư}.\n\n"
  "Phát biểu kết luận, đồng chí {v:{dep}|{dep2}|{dep2}} ghi nhận nỗ lực của địa phương, đồng thời đề "
  "nghị {v:tập trung nâng chất các tiêu chí, chú trọng tiêu chí thu nhập, môi trường và an ninh trật "
  "tự|tiếp tục theo dõi chặt chẽ diễn biến sạt lở, chủ động di dời người dân, tuyệt đối không để xảy ra "
  "thiệt hại về người|cải thiện môi trường đầu tư, đẩy nhanh giải phóng mặt bằng, thu hút các dự án lớn "
  "có sức lan tỏa}. Các kiến nghị của địa phương được giao các sở, ngành liên quan nghiên cứu, tham mưu "
  "UBND tỉnh xem xét, giải quyết." },

{ S_MAIN, "chi-dao-dieu-hanh", 0, 1,
  "Tăng cường bảo đảm an toàn giao thông đường thủy tại các bến khách ngang sông",
  "UBND tỉnh yêu cầu các địa phương kiểm tra, xử lý nghiêm các bến khách ngang sông hoạt động không "
  "phép, phương tiện không bảo đảm an toàn.",
  "Trên địa bàn tỉnh hiện có hơn {n1:80-130} bến khách ngang sông đang hoạt động, phục vụ nhu cầu đi lại "
  "hằng ngày của hàng chục nghìn người dân. Tuy nhiên, ở một số bến vẫn còn tình trạng phương tiện chở "
  "quá số người quy định, hành khách không mặc áo phao, thiếu dụng cụ cứu sinh.\n\n"
  "UBND tỉnh giao Sở Giao thông vận tải chủ trì, phối hợp với Công an tỉnh và UBND các huyện, thị xã, "
  "thành phố tổ chức đợt cao điểm kiểm tra, xử lý vi phạm; kiên quyết đình chỉ hoạt động đối với bến, "
  "phương tiện không đủ điều kiện an toàn.\n\n"
  "Các chủ bến, chủ phương tiện phải trang bị đầy đủ áo phao, dụng cụ cứu sinh; niêm yết nội quy, giá "
  "vé; không chở quá tải, không hoạt động khi thời tiết xấu. Người dân được khuyến cáo chỉ đi trên các "
  "phương tiện bảo đảm an toàn và mặc áo phao trong suốt hành trình." },

{ S_MAIN, "thong-bao", 0, 1,
  "Thông báo mời quan tâm thực hiện dự án Khu đô thị mới phường Tân Ngãi",
  "UBND tỉnh mời các nhà đầu tư quan tâm đăng ký thực hiện dự án khu đô thị mới có quy mô khoảng "
  "{f1:185-320} ha tại phường Tân Ngãi, thành phố Vĩnh Long.",
  "Dự án có mục tiêu xây dựng khu đô thị mới đồng bộ về hạ tầng kỹ thuật, hạ tầng xã hội, gồm nhà ở "
  "liên kế, nhà ở xã hội, công viên, trường học và công trình thương mại, dịch vụ. Tổng vốn đầu tư dự "
  "kiến khoảng {n2:1200-2400/100} tỷ đồng; thời gian thực hiện không quá 5 năm kể từ ngày được giao đất.\n\n"
  "Nhà đầu tư quan tâm nộp hồ sơ đăng ký thực hiện dự án trên Hệ thống mạng đấu thầu quốc gia trong "
  "thời hạn 30 ngày kể từ ngày đăng tải thông báo. Hồ sơ gồm: văn bản đăng ký thực hiện dự án; tài liệu "
  "chứng minh tư cách pháp lý, năng lực tài chính và kinh nghiệm của nhà đầu tư.\n\n"
  "Mọi thông tin chi tiết, đề nghị liên hệ Sở Kế hoạch và Đầu tư tỉnh Vĩnh Long, số điện thoại 0270 "
  "3822 297." },

{ S_MAIN, "cai-cach-hanh-chinh", 0, 1,
  "Vĩnh Long triển khai cấp phiếu lý lịch tư pháp trên ứng dụng VNeID",
  "Người dân có thể nộp hồ sơ đề nghị cấp phiếu lý lịch tư pháp trực tuyến trên ứng dụng VNeID mà không "
  "cần đến cơ quan nhà nước.",
  "Theo Sở Tư pháp, sau thời gian triển khai, đã có hơn {n1:4000-9000/100} hồ sơ đề nghị cấp phiếu lý lịch "
  "tư pháp được tiếp nhận qua ứng dụng VNeID, chiếm khoảng {n2:55-75}% tổng số hồ sơ. Thời gian giải "
  "quyết được rút ngắn; người dân có thể nhận kết quả bản điện tử hoặc qua dịch vụ bưu chính.\n\n"
  "Để thực hiện, người dân cần có tài khoản định danh điện tử mức độ 2, chọn mục “Thủ tục hành chính”, "
  "khai báo thông tin theo hướng dẫn và thanh toán lệ phí trực tuyến. Những thông tin đã có trong Cơ "
  "sở dữ liệu quốc gia về dân cư được tự động điền, người dân không phải kê khai lại.\n\n"
  "Chị Nguyễn Thị Hồng Nhi, ngụ huyện Tam Bình, cho biết: “Tôi cần phiếu lý lịch tư pháp để bổ sung hồ "
  "sơ xin việc, chỉ thao tác trên điện thoại chừng 5 phút. Không phải xin nghỉ làm để lên tỉnh như "
  "trước nên tiết kiệm được nhiều thời gian”." },

{ S_MAIN, "tin-tuc", 0, 1,
  "Khai mạc Hội thao cán bộ, công chức, viên chức khối cơ quan tỉnh",
  "Hội thao thu hút hơn {n1:900-1400/100} vận động viên của {n2:38-52} đơn vị tranh tài ở các môn bóng đá "
  "mini, bóng chuyền, cầu lông, bóng bàn, kéo co và cờ tướng.",
  "Hội thao là hoạt động thiết thực nhằm đẩy mạnh phong trào “Toàn dân rèn luyện thân thể theo gương "
  "Bác Hồ vĩ đại”, nâng cao sức khỏe, tăng cường giao lưu, đoàn kết giữa các cơ quan, đơn vị.\n\n"
  "Phát biểu khai mạc, đồng chí {dep} – {dep_title} đề nghị các vận động viên thi đấu trung thực, cao "
  "thượng, đoàn kết; ban tổ chức, trọng tài làm việc công tâm, khách quan, bảo đảm hội thao diễn ra an "
  "toàn, tiết kiệm.\n\n"
  "Ngay sau lễ khai mạc, các trận đấu đầu tiên ở môn bóng chuyền và kéo co đã diễn ra sôi nổi, hấp dẫn, "
  "thu hút đông đảo cổ động viên. Hội thao sẽ kéo dài đến hết tuần." },

{ S_MAIN, "tin-tuc", 0, 1,
  "Tuyên dương học sinh, sinh viên xuất sắc tại Văn Thánh Miếu Vĩnh Long",
  "{n1:120-180} học sinh, sinh viên tiêu biểu được tuyên dương, khen thưởng tại Văn Thánh Miếu Vĩnh "
  "Long, nơi gìn giữ truyền thống hiếu học của vùng đất Vĩnh Long.",
  "Văn Thánh Miếu Vĩnh Long được xây dựng từ thế kỷ XIX, là di tích lịch sử – văn hóa cấp quốc gia, gắn "
  "liền với truyền thống hiếu học, trọng hiền tài của người dân Vĩnh Long.\n\n"
  "Các học sinh được tuyên dương năm nay đã đạt giải trong kỳ thi chọn học sinh giỏi quốc gia, đạt điểm "
  "cao nhất kỳ thi tốt nghiệp trung học phổ thông, đạt giải các cuộc thi khoa học kỹ thuật; các sinh "
  "viên tốt nghiệp loại xuất sắc tại các trường đại học.\n\n"
  "Phát biểu tại buổi lễ, đồng chí {dep} – {dep_title} chúc mừng các em, mong các em tiếp tục nỗ lực học "
  "tập, rèn luyện, sau khi tốt nghiệp trở về đóng góp cho quê hương. Mỗi học sinh, sinh viên được tặng "
  "bằng khen và phần thưởng trị giá từ 2 đến 5 triệu đồng." },

/* ---- Sở Nội vụ -------------------------------------------------------------------------- */
{ S_SNV, "to-chuc-bo-may", T_FEAT, 1,
  "Sở Nội vụ thẩm định phương án sắp xếp đơn vị hành chính cấp xã",
  "Sở Nội vụ đã thẩm định phương án sắp xếp đơn vị hành chính cấp xã của các huyện, thị xã, thành phố, "
  "bảo đảm đúng tiêu chuẩn, trình tự theo quy định.",
  "Theo phương án, sau sắp xếp, tỉnh sẽ giảm {n1:18-34} đơn vị hành chính cấp xã. Việc sắp xếp được thực "
  "hiện trên cơ sở tiêu chuẩn về diện tích tự nhiên, quy mô dân số, đồng thời xem xét yếu tố lịch sử, "
  "truyền thống, văn hóa và điều kiện phát triển của từng địa phương.\n\n"
  "Quá trình xây dựng phương án, các địa phương đã tổ chức lấy ý kiến cử tri tại các đơn vị hành chính "
  "chịu ảnh hưởng; kết quả có {f1:925-985}% cử tri đồng ý. Tên gọi của các đơn vị hành chính mới được "
  "lựa chọn dễ đọc, dễ nhớ, bảo đảm tính kế thừa.\n\n"
  "Đồng chí {head} – {head_title} đề nghị các địa phương làm tốt công tác tư tưởng, bố trí, sắp xếp cán "
  "bộ, công chức dôi dư theo lộ trình; bảo đảm trụ sở, cơ sở vật chất; hỗ trợ người dân điều chỉnh "
  "giấy tờ theo hướng không thu phí, không gây phiền hà.\n\n"
  "Sở Nội vụ sẽ tổng hợp kết quả thẩm định, tham mưu UBND tỉnh hoàn chỉnh hồ sơ, trình cấp có thẩm "
  "quyền xem xét, quyết định." },

{ S_SNV, "cai-cach-cong-vu", 0, 1,
  "Hơn {n1:650-900/10} thí sinh dự thi tuyển công chức hành chính của tỉnh",
  "Kỳ thi tuyển nhằm tuyển chọn {n2:70-110} công chức cho các cơ quan hành chính cấp tỉnh và cấp "
  "huyện.",
  "Kỳ thi được tổ chức theo hai vòng. Vòng 1 thi trắc nghiệm trên máy tính về kiến thức chung và ngoại "
  "ngữ, thí sinh biết kết quả ngay sau khi kết thúc bài thi. Vòng 2 thi viết môn nghiệp vụ chuyên "
  "ngành, thời gian 180 phút.\n\n"
  "Để bảo đảm công khai, minh bạch, toàn bộ phòng thi được lắp đặt camera giám sát; đề thi được lựa "
  "chọn ngẫu nhiên từ ngân hàng câu hỏi; bài thi viết được chấm hai vòng độc lập.\n\n"
  "Đồng chí {dep} – {dep_title}, Phó Chủ tịch Hội đồng thi, yêu cầu cán bộ coi thi, giám sát thực hiện "
  "nghiêm quy chế, xử lý kịp thời các trường hợp vi phạm. Kết quả thi sẽ được công bố trên trang thông "
  "tin điện tử của Sở Nội vụ chậm nhất 15 ngày sau khi kết thúc vòng 2." },

{ S_SNV, "thong-bao", 0, 1,
  "Thông báo kết quả thi tuyển công chức hành chính và danh sách thí sinh dự kiến trúng tuyển",
  "Hội đồng thi tuyển công chức tỉnh thông báo kết quả thi vòng 2 và danh sách {n1:70-110} thí sinh dự "
  "kiến trúng tuyển.",
  "Căn cứ kết quả chấm thi vòng 2 và đề nghị của Ban chấm thi, Hội đồng thi tuyển công chức tỉnh thông "
  "báo danh sách {n1} thí sinh dự kiến trúng tuyển theo từng vị trí việc làm. Danh sách chi tiết được "
  "niêm yết tại trụ sở Sở Nội vụ.\n\n"
  "Thí sinh có quyền gửi đơn đề nghị phúc khảo trong thời hạn 15 ngày kể từ ngày thông báo. Đơn phúc "
  "khảo gửi trực tiếp hoặc qua dịch vụ bưu chính về Sở Nội vụ, {address}.\n\n"
  "Thí sinh trúng tuyển hoàn thiện hồ sơ theo quy định, nộp về cơ quan có thẩm quyền tuyển dụng trong "
  "thời hạn 30 ngày kể từ ngày nhận được thông báo công nhận kết quả trúng tuyển. Mọi thắc mắc liên hệ "
  "Phòng Công chức, viên chức – Sở Nội vụ, số điện thoại {phone}." },

{ S_SNV, "cai-cach-cong-vu", 0, 2,
  "Kiểm tra đột xuất việc chấp hành kỷ luật, kỷ cương hành chính tại {v:các sở, ngành tỉnh|UBND cấp "
  "xã}",
  "Đoàn kiểm tra công vụ của tỉnh đã kiểm tra đột xuất tại {n1:8-14} {v:cơ quan, đơn vị cấp tỉnh|xã, "
  "phường, thị trấn thuộc {place} và {place2}}.",
  "Đoàn kiểm tra do đồng chí {dep2} – {dep2_title} làm trưởng đoàn. Nội dung kiểm tra gồm: việc chấp hành "
  "giờ giấc làm việc, đeo thẻ công chức, thái độ ứng xử với người dân; việc tiếp nhận, giải quyết hồ sơ "
  "thủ tục hành chính tại Bộ phận Một cửa và việc thực hiện Quy tắc ứng xử nơi công sở.\n\n"
  "Qua kiểm tra, phần lớn cán bộ, công chức chấp hành tốt quy định. Tuy nhiên, đoàn phát hiện "
  "{n2:3-9} trường hợp đi trễ, không đeo thẻ hoặc rời vị trí làm việc không có lý do; một số hồ sơ đã "
  "tiếp nhận nhưng chưa được cập nhật kịp thời lên hệ thống.\n\n"
  "Đoàn kiểm tra đã lập biên bản, đề nghị thủ trưởng các cơ quan, đơn vị chấn chỉnh, kiểm điểm trách "
  "nhiệm đối với các trường hợp vi phạm. Kết quả kiểm tra là một căn cứ để đánh giá, xếp loại chất "
  "lượng cán bộ, công chức cuối năm." },

{ S_SNV, "tin-hoat-dong", 0, 1,
  "Lãnh đạo Sở Nội vụ thăm, chúc mừng Đại lễ Phật đản",
  "Đoàn đã đến thăm, chúc mừng Ban Trị sự Giáo hội Phật giáo Việt Nam tỉnh và một số chùa tiêu biểu "
  "trên địa bàn tỉnh.",
  "Đoàn do đồng chí {head} – {head_title} làm trưởng đoàn. Thay mặt lãnh đạo tỉnh, đồng chí {head} gửi "
  "lời chúc mừng Đại lễ Phật đản đến chư tôn đức tăng ni, phật tử; ghi nhận những đóng góp tích cực của "
  "Phật giáo tỉnh nhà trong công tác từ thiện xã hội, chăm lo cho người nghèo, giáo dục đạo đức và xây "
  "dựng khối đại đoàn kết toàn dân tộc.\n\n"
  "Đồng chí {head} mong chư tôn đức tiếp tục hướng dẫn tăng ni, phật tử thực hiện tốt phương châm “Đạo "
  "pháp – Dân tộc – Chủ nghĩa xã hội”, tổ chức các hoạt động mừng Phật đản trang nghiêm, an toàn, đúng "
  "quy định của pháp luật về tín ngưỡng, tôn giáo.\n\n"
  "Đại diện Ban Trị sự cảm ơn sự quan tâm của cấp ủy, chính quyền; khẳng định sẽ tiếp tục đồng hành "
  "cùng chính quyền địa phương trong các hoạt động an sinh xã hội, xây dựng đời sống văn hóa ở khu dân "
  "cư." },

{ S_SNV, "thi-dua-khen-thuong", T_FEAT, 1,
  "Trao tặng Huân chương Lao động cho các tập thể, cá nhân có thành tích xuất sắc",
  "{n1:4-9} tập thể, cá nhân được Chủ tịch nước tặng Huân chương Lao động; {n2:20-40} tập thể, cá nhân "
  "được Thủ tướng Chính phủ tặng Bằng khen.",
  "Lễ trao tặng được tổ chức trang trọng tại Hội trường UBND tỉnh, với sự tham dự của lãnh đạo tỉnh, "
  "các sở, ban, ngành và đại diện các tập thể, cá nhân được khen thưởng.\n\n"
  "Các tập thể, cá nhân được khen thưởng đã có thành tích xuất sắc trong thực hiện nhiệm vụ chính trị, "
  "góp phần vào sự phát triển kinh tế – xã hội, bảo đảm quốc phòng, an ninh của tỉnh. Trong đó, nhiều "
  "cá nhân là công nhân, nông dân, giáo viên, y bác sĩ trực tiếp lao động, công tác.\n\n"
  "Theo Ban Thi đua – Khen thưởng (Sở Nội vụ), công tác khen thưởng thời gian qua có nhiều chuyển biến, "
  "chú trọng khen thưởng người trực tiếp lao động, sản xuất và khen thưởng đột xuất, kịp thời. Hồ sơ đề "
  "nghị khen thưởng được tiếp nhận, xử lý trên môi trường điện tử, rút ngắn đáng kể thời gian thẩm "
  "định." },

{ S_SNV, "tin-hoat-dong", 0, 1,
  "Trưng bày chuyên đề tài liệu lưu trữ “Vĩnh Long – Những dấu ấn lịch sử”",
  "Trưng bày giới thiệu gần {n1:180-260/10} tài liệu, hình ảnh tiêu biểu đang được bảo quản tại Trung tâm "
  "Lưu trữ lịch sử tỉnh.",
  "Hoạt động được tổ chức nhân kỷ niệm Ngày Lưu trữ Việt Nam 3/1. Các tài liệu trưng bày được chia thành "
  "ba chủ đề: quá trình hình thành và thay đổi địa giới hành chính tỉnh Vĩnh Long; những dấu ấn trong "
  "sự nghiệp đổi mới; thành tựu phát triển kinh tế – xã hội.\n\n"
  "Nhiều tài liệu quý lần đầu được giới thiệu rộng rãi như bản đồ hành chính tỉnh qua các thời kỳ, các "
  "quyết định thành lập đơn vị hành chính, hình ảnh tư liệu về công trình cầu Mỹ Thuận và những ngày "
  "đầu xây dựng khu công nghiệp.\n\n"
  "Theo đồng chí {dep} – {dep_title}, thông qua trưng bày, ngành Nội vụ mong muốn phát huy giá trị tài "
  "liệu lưu trữ phục vụ nghiên cứu, giáo dục truyền thống, đồng thời nâng cao nhận thức của cơ quan, tổ "
  "chức và người dân về vai trò của công tác lưu trữ." },

{ S_SNV, "to-chuc-bo-may", 0, 1,
  "Hướng dẫn điều chỉnh vị trí việc làm sau sắp xếp tổ chức bộ máy",
  "Hội nghị tập huấn giúp các cơ quan, đơn vị nắm vững quy trình xác định, điều chỉnh vị trí việc làm "
  "và cơ cấu ngạch công chức, chức danh nghề nghiệp viên chức.",
  "Tham dự hội nghị có hơn {n1:120-220/10} đại biểu là lãnh đạo, công chức làm công tác tổ chức cán bộ của "
  "các sở, ban, ngành tỉnh, UBND các huyện, thị xã, thành phố và các đơn vị sự nghiệp công lập.\n\n"
  "Báo cáo viên đã hướng dẫn các bước xây dựng, điều chỉnh danh mục vị trí việc làm; xác định bản mô tả "
  "công việc và khung năng lực; mối quan hệ giữa vị trí việc làm với biên chế, số lượng người làm việc "
  "và quỹ tiền lương.\n\n"
  "Đồng chí {dep} – {dep_title} nhấn mạnh, vị trí việc làm là căn cứ để tuyển dụng, sử dụng, đánh giá "
  "và trả lương trong thời gian tới. Các cơ quan, đơn vị phải rà soát thực chất, tránh sao chép, hình "
  "thức; hoàn thành đề án trong tháng tới để Sở Nội vụ thẩm định, trình UBND tỉnh phê duyệt." },

{ S_SNV, "cai-cach-hanh-chinh", 0, 1,
  "Hướng dẫn tự đánh giá, chấm điểm Chỉ số cải cách hành chính",
  "Sở Nội vụ hướng dẫn các sở, ngành, địa phương tự đánh giá, chấm điểm Chỉ số cải cách hành chính, bảo "
  "đảm khách quan, đúng thực chất.",
  "Theo hướng dẫn, các cơ quan, đơn vị tự đánh giá, chấm điểm trên phần mềm quản lý Chỉ số cải cách "
  "hành chính của tỉnh; mỗi tiêu chí, tiêu chí thành phần phải có tài liệu kiểm chứng. Điểm tự đánh giá "
  "không có tài liệu kiểm chứng hoặc tài liệu không hợp lệ sẽ không được công nhận.\n\n"
  "Năm nay, bộ tiêu chí có một số điểm mới, tăng tỷ trọng đánh giá kết quả cung cấp dịch vụ công trực "
  "tuyến, số hóa hồ sơ, kết quả giải quyết thủ tục hành chính và mức độ hài lòng của người dân, doanh "
  "nghiệp.\n\n"
  "Sở Nội vụ đề nghị thủ trưởng các cơ quan, đơn vị trực tiếp chỉ đạo, chịu trách nhiệm về tính chính "
  "xác của kết quả tự đánh giá; hoàn thành việc chấm điểm trước ngày 15/12. Hội đồng thẩm định của "
  "tỉnh sẽ thẩm định và có thể kiểm tra thực tế tại một số đơn vị." },

{ S_SNV, "thong-bao", 0, 1,
  "Thông báo tổ chức thi nâng ngạch công chức từ ngạch chuyên viên lên chuyên viên chính",
  "Sở Nội vụ thông báo chỉ tiêu, điều kiện, tiêu chuẩn và thời hạn nộp hồ sơ dự thi nâng ngạch lên "
  "chuyên viên chính.",
  "Tổng chỉ tiêu nâng ngạch là {n1:60-120}, phân bổ cho các sở, ban, ngành tỉnh và UBND các huyện, thị "
  "xã, thành phố theo vị trí việc làm đã được phê duyệt.\n\n"
  "Công chức đăng ký dự thi phải đang giữ ngạch chuyên viên hoặc tương đương, có thời gian giữ ngạch từ "
  "đủ 9 năm trở lên (không kể thời gian tập sự); được xếp loại chất lượng ở mức hoàn thành tốt nhiệm "
  "vụ trở lên trong năm liền kề; đáp ứng tiêu chuẩn về trình độ đào tạo, bồi dưỡng theo quy định.\n\n"
  "Cơ quan, đơn vị lập danh sách, hồ sơ công chức đủ điều kiện gửi về Sở Nội vụ trước ngày 30 của tháng "
  "này. Hồ sơ gửi sau thời hạn trên sẽ không được xem xét." },

/* ---- Sở Y tế ---------------------------------------------------------------------------- */
{ S_SYT, "phong-chong-dich", T_FEAT, 1,
  "Ngành Y tế ra quân chiến dịch diệt lăng quăng, phòng, chống sốt xuất huyết",
  "Chiến dịch được triển khai đồng loạt tại {place}, {place2} và {place3}, nơi ghi nhận số ca mắc sốt "
  "xuất huyết cao trong thời gian gần đây.",
  "Từ đầu năm đến nay, toàn tỉnh ghi nhận {n1:420-780} ca mắc sốt xuất huyết, tăng so với cùng kỳ; số "
  "ca mắc tập trung chủ yếu ở trẻ em. Ngành Y tế dự báo số ca mắc có thể tiếp tục tăng trong những "
  "tháng mùa mưa.\n\n"
  "Trong chiến dịch, lực lượng y tế cơ sở phối hợp với đoàn viên, thanh niên, cộng tác viên đến từng hộ "
  "gia đình hướng dẫn lật úp vật dụng chứa nước, thả cá vào lu, khạp, thu gom vỏ xe, chai lọ phế thải; "
  "đồng thời phun hóa chất diệt muỗi tại các khu vực có ổ dịch.\n\n"
  "{dep_title} {dep} khuyến cáo người dân khi có dấu hiệu sốt cao đột ngột, đau đầu, đau cơ, xuất huyết "
  "dưới da cần đến ngay cơ sở y tế để được khám và điều trị kịp thời; không tự ý điều trị tại nhà, "
  "tránh biến chứng nặng." },

{ S_SYT, "tiem-chung", T_FEAT, 1,
  "Triển khai chiến dịch tiêm vắc xin phòng sởi cho trẻ từ 1 đến 10 tuổi",
  "Chiến dịch nhằm bảo vệ trẻ em trước nguy cơ bệnh sởi quay trở lại, phấn đấu đạt tỷ lệ tiêm trên 95% "
  "số trẻ thuộc đối tượng.",
  "Theo Trung tâm Kiểm soát bệnh tật tỉnh, toàn tỉnh có khoảng {n1:9000-15000/500} trẻ cần tiêm bổ sung vắc "
  "xin sởi do chưa tiêm hoặc chưa tiêm đủ mũi theo lịch. Chiến dịch được triển khai tại trạm y tế xã, "
  "phường, thị trấn và các trường mầm non, tiểu học.\n\n"
  "Trước chiến dịch, ngành Y tế đã rà soát, lập danh sách trẻ; tập huấn cho cán bộ tiêm chủng về khám "
  "sàng lọc, theo dõi và xử trí phản ứng sau tiêm. Mỗi điểm tiêm đều bố trí khu vực theo dõi sau tiêm "
  "và có đội cấp cứu lưu động hỗ trợ.\n\n"
  "Sở Y tế đề nghị phụ huynh đưa trẻ đi tiêm đúng lịch, mang theo sổ hoặc phiếu tiêm chủng; theo dõi "
  "trẻ ít nhất 24 giờ sau tiêm và liên hệ ngay với cơ sở y tế nếu trẻ có biểu hiện bất thường." },

{ S_SYT, "tiem-chung", 0, 1,
  "Duy trì tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi đạt trên 95%",
  "Công tác tiêm chủng mở rộng trên địa bàn tỉnh được duy trì ổn định, không để xảy ra dịch đối với các "
  "bệnh đã có vắc xin phòng ngừa.",
  "Từ đầu năm đến nay, tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin đạt "
  "{f1:955-985}%; tỷ lệ phụ nữ có thai được tiêm vắc xin phòng uốn ván đạt {f2:920-960}%. Đối tượng "
  "tiêm chủng được quản lý trên Hệ thống thông tin tiêm chủng quốc gia, giúp theo dõi chính xác lịch "
  "tiêm của từng trẻ.\n\n"
  "Tại {place}, trạm y tế các xã tổ chức tiêm chủng định kỳ vào ngày 25 hằng tháng, đồng thời nhắn tin "
  "nhắc lịch cho phụ huynh. Những trẻ bị lỡ mũi tiêm được rà soát để tiêm bù kịp thời.\n\n"
  "Ngành Y tế khuyến cáo, tiêm chủng là biện pháp phòng bệnh hiệu quả, an toàn và ít tốn kém nhất. Phụ "
  "huynh cần đưa trẻ đi tiêm đầy đủ, đúng lịch để tạo miễn dịch cộng đồng vững chắc." },

{ S_SYT, "y-te-co-so", 0, 1,
  "Nâng cao chất lượng khám, chữa bệnh tại trạm y tế xã",
  "Nhiều trạm y tế trên địa bàn tỉnh đã được đầu tư trang thiết bị, triển khai khám, chữa bệnh bảo hiểm "
  "y tế và quản lý bệnh không lây nhiễm ngay tại cơ sở.",
  "Hiện toàn tỉnh có {n1:95-107} trạm y tế xã, phường, thị trấn, trong đó {n2:80-92}% trạm có bác sĩ làm "
  "việc. Các trạm y tế đều thực hiện khám, chữa bệnh bảo hiểm y tế, quản lý hồ sơ sức khỏe điện tử của "
  "người dân và liên thông dữ liệu với cơ quan bảo hiểm xã hội.\n\n"
  "Trạm Y tế xã Thanh Đức, huyện Long Hồ, mỗi ngày tiếp nhận từ 40 đến 60 lượt người bệnh. Bà Trần Thị "
  "Hai, 68 tuổi, mắc bệnh tăng huyết áp, cho biết: “Trước đây mỗi tháng tôi phải lên bệnh viện tỉnh "
  "lấy thuốc, nay được quản lý và cấp thuốc ngay tại trạm, đỡ tốn tiền xe, thời gian chờ đợi”.\n\n"
  "Theo {dep_title} {dep}, thời gian tới ngành Y tế tiếp tục bổ sung nhân lực, trang thiết bị cho tuyến "
  "cơ sở; tăng cường chuyển giao kỹ thuật từ tuyến tỉnh, khám chữa bệnh từ xa, để người dân được chăm "
  "sóc sức khỏe ngay tại nơi cư trú." },

{ S_SYT, "y-te-co-so", 0, 1,
  "Khám sàng lọc tăng huyết áp, đái tháo đường cho người dân {place}",
  "Hơn {n1:600-1200/100} người dân được khám, đo huyết áp, xét nghiệm đường huyết miễn phí và tư vấn chế độ "
  "dinh dưỡng hợp lý.",
  "Hoạt động nằm trong chương trình quản lý bệnh không lây nhiễm tại cộng đồng do Sở Y tế phối hợp với "
  "Trung tâm Y tế {place} tổ chức.\n\n"
  "Qua khám sàng lọc, phát hiện {n2:80-190} trường hợp có chỉ số huyết áp cao và {n3:40-95} trường hợp "
  "có đường huyết cao chưa từng được chẩn đoán. Các trường hợp này đã được tư vấn, chuyển đến cơ sở y tế "
  "để chẩn đoán xác định và điều trị.\n\n"
  "Theo bác sĩ chuyên khoa II {head}, Giám đốc Sở Y tế, tăng huyết áp và đái tháo đường là những bệnh "
  "diễn biến âm thầm, nhiều người chỉ phát hiện khi đã có biến chứng. Người từ 40 tuổi trở lên nên kiểm "
  "tra sức khỏe định kỳ ít nhất mỗi năm một lần; duy trì chế độ ăn giảm muối, giảm đường, tăng cường "
  "vận động thể lực." },

{ S_SYT, "an-toan-thuc-pham", 0, 1,
  "Phát động Tháng hành động vì an toàn thực phẩm",
  "Tháng hành động năm nay tập trung bảo đảm an toàn thực phẩm trong chuỗi cung cấp nông sản, thủy sản "
  "và thức ăn đường phố.",
  "Phát biểu tại lễ phát động, đồng chí {head} – {head_title} cho biết, năm qua trên địa bàn tỉnh không "
  "xảy ra ngộ độc thực phẩm đông người. Các đoàn kiểm tra liên ngành đã kiểm tra {n1:1800-2600} cơ sở, "
  "phát hiện và xử lý {n2:60-140} cơ sở vi phạm.\n\n"
  "Trong tháng hành động, các đoàn kiểm tra tập trung vào cơ sở sản xuất, kinh doanh thực phẩm, bếp ăn "
  "tập thể, dịch vụ ăn uống và thức ăn đường phố; chú trọng kiểm tra nguồn gốc, xuất xứ nguyên liệu, "
  "phụ gia, điều kiện vệ sinh và sức khỏe của người trực tiếp chế biến.\n\n"
  "Sở Y tế khuyến cáo người tiêu dùng lựa chọn thực phẩm có nguồn gốc rõ ràng, ăn chín, uống chín; các "
  "cơ sở kinh doanh phải chịu trách nhiệm về an toàn của sản phẩm do mình cung cấp." },

{ S_SYT, "an-toan-thuc-pham", 0, 1,
  "Kiểm tra an toàn thực phẩm tại bếp ăn tập thể các khu công nghiệp",
  "Đoàn kiểm tra đã làm việc tại {n1:12-20} bếp ăn tập thể của doanh nghiệp trong các khu công nghiệp "
  "Hòa Phú và Bình Minh.",
  "Các bếp ăn tập thể tại khu công nghiệp phục vụ hàng chục nghìn suất ăn mỗi ngày cho công nhân, tiềm "
  "ẩn nguy cơ ngộ độc thực phẩm nếu không bảo đảm điều kiện vệ sinh.\n\n"
  "Qua kiểm tra, đa số cơ sở chấp hành tốt quy định, có hợp đồng cung cấp nguyên liệu rõ ràng, thực hiện "
  "lưu mẫu thức ăn 24 giờ và kiểm thực ba bước. Tuy nhiên, đoàn phát hiện {n2:2-5} cơ sở chưa cập nhật "
  "giấy xác nhận kiến thức an toàn thực phẩm cho người chế biến, khu vực sơ chế chưa tách biệt.\n\n"
  "Đoàn đã yêu cầu các cơ sở khắc phục ngay những tồn tại; đồng thời đề nghị doanh nghiệp tăng cường "
  "giám sát đơn vị cung cấp suất ăn, bảo đảm bữa ăn an toàn, đủ dinh dưỡng cho người lao động." },

{ S_SYT, "tin-hoat-dong", 0, 1,
  "Bệnh viện Đa khoa tỉnh làm chủ nhiều kỹ thuật chuyên sâu",
  "Các kỹ thuật can thiệp mạch vành, phẫu thuật nội soi cột sống, lọc máu liên tục được triển khai "
  "thường quy, giúp người bệnh không phải chuyển tuyến.",
  "Từ đầu năm đến nay, Bệnh viện Đa khoa tỉnh đã thực hiện thành công hơn {n1:300-520/10} ca can thiệp mạch "
  "vành qua da, cứu sống nhiều người bệnh nhồi máu cơ tim cấp trong “giờ vàng”. Các kỹ thuật phẫu "
  "thuật nội soi cột sống, thay khớp háng, lọc máu liên tục cho người bệnh nặng cũng được triển khai "
  "hiệu quả.\n\n"
  "Có được kết quả này là nhờ bệnh viện chú trọng đào tạo nguồn nhân lực, cử bác sĩ học tập tại các "
  "bệnh viện tuyến trung ương, đồng thời tiếp nhận chuyển giao kỹ thuật theo đề án bệnh viện vệ "
  "tinh.\n\n"
  "Theo {dep_title} {dep}, việc làm chủ các kỹ thuật cao tại tỉnh giúp giảm tải cho tuyến trên, tiết "
  "kiệm chi phí và thời gian cho người bệnh. Thời gian tới, ngành Y tế tiếp tục đầu tư phát triển các "
  "chuyên khoa sâu về tim mạch, ung bướu và sản – nhi." },

{ S_SYT, "thong-bao", 0, 1,
  "Thông báo tuyển dụng viên chức ngành Y tế",
  "Sở Y tế thông báo tuyển dụng {n1:45-90} viên chức cho các bệnh viện, trung tâm y tế trực thuộc.",
  "Chỉ tiêu tuyển dụng gồm các vị trí: bác sĩ, bác sĩ y học dự phòng, dược sĩ, điều dưỡng, hộ sinh, kỹ "
  "thuật viên xét nghiệm và kỹ thuật viên chẩn đoán hình ảnh. Người đăng ký dự tuyển phải có văn bằng, "
  "chứng chỉ phù hợp với vị trí việc làm và có giấy phép hành nghề đối với các vị trí yêu cầu.\n\n"
  "Hình thức tuyển dụng: xét tuyển. Người dự tuyển nộp Phiếu đăng ký dự tuyển trực tiếp tại Văn phòng "
  "Sở Y tế, {address}, hoặc qua dịch vụ bưu chính trong thời hạn 30 ngày kể từ ngày thông báo.\n\n"
  "Người trúng tuyển vị trí bác sĩ làm việc tại trạm y tế xã, trung tâm y tế huyện được hưởng chính "
  "sách thu hút của tỉnh theo quy định. Chi tiết chỉ tiêu từng vị trí được niêm yết tại trụ sở Sở Y tế; "
  "mọi thắc mắc liên hệ số điện thoại {phone}." },

{ S_SYT, "tin-hoat-dong", 0, 1,
  "Họp mặt kỷ niệm Ngày Thầy thuốc Việt Nam 27/2",
  "Lãnh đạo tỉnh gửi lời chúc mừng, tri ân đội ngũ y, bác sĩ, nhân viên y tế đã tận tụy chăm sóc, bảo "
  "vệ sức khỏe nhân dân.",
  "Phát biểu tại buổi họp mặt, đồng chí {head} – {head_title} điểm lại những kết quả nổi bật của ngành "
  "trong năm qua: tỷ lệ bao phủ bảo hiểm y tế đạt {f1:930-955}%; số giường bệnh đạt {f2:300-345} giường "
  "trên 10.000 dân; nhiều kỹ thuật mới được triển khai tại tuyến tỉnh và tuyến huyện.\n\n"
  "Lãnh đạo tỉnh đánh giá cao những nỗ lực của ngành Y tế, đồng thời đề nghị đội ngũ thầy thuốc tiếp "
  "tục thực hiện lời dạy của Chủ tịch Hồ Chí Minh “Lương y phải như từ mẫu”, nâng cao y đức, đổi mới "
  "phong cách, thái độ phục vụ, hướng tới sự hài lòng của người bệnh.\n\n"
  "Dịp này, {n1:3-7} cá nhân được trao danh hiệu Thầy thuốc ưu tú; nhiều tập thể, cá nhân được UBND "
  "tỉnh tặng bằng khen vì có thành tích xuất sắc trong công tác chăm sóc, bảo vệ sức khỏe nhân dân." },

{ S_SYT, "phong-chong-dich", 0, 1,
  "Chủ động phòng, chống bệnh tay chân miệng ở trẻ em",
  "Số ca mắc tay chân miệng có xu hướng tăng khi học sinh trở lại trường, ngành Y tế đề nghị tăng cường "
  "vệ sinh tại trường mầm non và gia đình.",
  "Theo Trung tâm Kiểm soát bệnh tật tỉnh, từ đầu năm đến nay toàn tỉnh ghi nhận {n1:180-360} ca mắc tay "
  "chân miệng, chủ yếu ở trẻ dưới 5 tuổi; chưa ghi nhận trường hợp tử vong.\n\n"
  "Ngành Y tế phối hợp với ngành Giáo dục hướng dẫn các trường mầm non, nhóm trẻ tư thục lau rửa đồ "
  "chơi, sàn nhà bằng dung dịch khử khuẩn; cho trẻ rửa tay bằng xà phòng trước khi ăn và sau khi đi vệ "
  "sinh; phát hiện sớm trẻ có biểu hiện bệnh để cách ly, thông báo cho y tế.\n\n"
  "Phụ huynh cần theo dõi sát trẻ; khi thấy trẻ sốt, nổi bóng nước ở lòng bàn tay, bàn chân, trong "
  "miệng, hoặc có dấu hiệu giật mình, quấy khóc, nôn ói thì đưa ngay đến cơ sở y tế." },

/* ---- Sở Giáo dục và Đào tạo ------------------------------------------------------------- */
{ S_SGD, "thi-tuyen-sinh", T_FEAT, 1,
  "Sẵn sàng cho Kỳ thi tốt nghiệp trung học phổ thông",
  "Năm nay, toàn tỉnh có hơn {n1:11000-13500/500} thí sinh đăng ký dự thi tại {n2:28-36} điểm thi.",
  "Theo Sở Giáo dục và Đào tạo, công tác chuẩn bị cho kỳ thi đã cơ bản hoàn tất. Các điểm thi được bố "
  "trí tại các trường trung học phổ thông, bảo đảm đủ phòng thi, camera giám sát khu vực bảo quản đề "
  "thi và thiết bị phát hiện vật dụng trái phép.\n\n"
  "Sở đã tập huấn nghiệp vụ cho cán bộ, giáo viên tham gia kỳ thi; phối hợp với Công an tỉnh, ngành "
  "Điện lực, Y tế và Giao thông vận tải bảo đảm an ninh, an toàn, cung cấp điện ổn định và hỗ trợ thí "
  "sinh trong những ngày thi.\n\n"
  "Đồng chí {head} – {head_title} đề nghị các trường tiếp tục tổ chức ôn tập cho học sinh, chú trọng "
  "hướng dẫn kỹ năng làm bài và các quy định của quy chế thi; quan tâm hỗ trợ thí sinh có hoàn cảnh "
  "khó khăn, thí sinh ở xa điểm thi về chỗ ở, phương tiện đi lại." },

{ S_SGD, "thi-tuyen-sinh", 0, 1,
  "Công bố phương án tuyển sinh vào lớp 10 trung học phổ thông",
  "Tuyển sinh vào lớp 10 năm học tới được thực hiện theo hình thức thi tuyển với ba môn Ngữ văn, Toán "
  "và Tiếng Anh.",
  "Theo phương án, toàn tỉnh có {n1:10500-12500} chỉ tiêu lớp 10 tại các trường trung học phổ thông công "
  "lập. Riêng Trường THPT chuyên Nguyễn Bỉnh Khiêm tuyển {n2:300-380} học sinh vào các lớp chuyên, thí "
  "sinh thi thêm môn chuyên theo nguyện vọng đăng ký.\n\n"
  "Mỗi học sinh được đăng ký tối đa hai nguyện vọng vào trường công lập. Điểm xét tuyển là tổng điểm ba "
  "bài thi, cộng điểm ưu tiên, khuyến khích (nếu có). Việc đăng ký dự tuyển được thực hiện trực tuyến "
  "trên hệ thống của Sở.\n\n"
  "Sở Giáo dục và Đào tạo lưu ý các trường trung học cơ sở tư vấn, hướng nghiệp để học sinh lựa chọn "
  "nguyện vọng phù hợp với năng lực; đồng thời phân luồng hợp lý sau trung học cơ sở sang giáo dục nghề "
  "nghiệp." },

{ S_SGD, "giao-duc-pho-thong", T_FEAT, 1,
  "Học sinh Vĩnh Long đoạt {n1:9-16} giải tại Kỳ thi chọn học sinh giỏi quốc gia",
  "Đội tuyển học sinh giỏi của tỉnh đạt {n1} giải, trong đó có {n2:1-2} giải Nhì, {n3:3-5} giải Ba, còn "
  "lại là giải Khuyến khích.",
  "Kỳ thi năm nay, tỉnh Vĩnh Long có {n4:60-75} học sinh tham gia ở các môn Toán, Vật lý, Hóa học, Sinh "
  "học, Tin học, Ngữ văn, Lịch sử, Địa lý và Tiếng Anh. Các giải cao tập trung ở môn Hóa học, Tin học và "
  "Tiếng Anh; phần lớn học sinh đạt giải là học sinh Trường THPT chuyên Nguyễn Bỉnh Khiêm.\n\n"
  "Các học sinh đạt giải được tuyên dương, khen thưởng; những em đạt giải Nhì, giải Ba được xét tuyển "
  "thẳng vào đại học theo quy chế tuyển sinh hiện hành.\n\n"
  "Theo {dep_title} {dep}, kết quả trên ghi nhận sự nỗ lực của học sinh và sự tận tâm của đội ngũ giáo "
  "viên bồi dưỡng. Thời gian tới, Sở tiếp tục đổi mới công tác phát hiện, bồi dưỡng học sinh năng khiếu "
  "từ cấp trung học cơ sở, tăng cường trao đổi chuyên môn với các tỉnh bạn." },

{ S_SGD, "giao-duc-mam-non", 0, 1,
  "Hội thi giáo viên dạy giỏi cấp học mầm non cấp tỉnh",
  "Hội thi quy tụ {n1:60-90} giáo viên tiêu biểu từ các huyện, thị xã, thành phố, với nhiều hoạt động "
  "giáo dục sáng tạo, lấy trẻ làm trung tâm.",
  "Mỗi giáo viên dự thi trình bày biện pháp nâng cao chất lượng chăm sóc, giáo dục trẻ và tổ chức một "
  "hoạt động giáo dục trên trẻ. Nhiều tiết dạy tận dụng nguyên vật liệu sẵn có ở địa phương như lá "
  "dừa, vỏ ốc, gáo dừa để làm đồ dùng, đồ chơi, tạo hứng thú cho trẻ.\n\n"
  "Ban giám khảo đánh giá cao sự chuẩn bị công phu, phong thái tự tin của các giáo viên; các hoạt động "
  "được tổ chức nhẹ nhàng, linh hoạt, giúp trẻ được trải nghiệm, khám phá và phát triển kỹ năng giao "
  "tiếp.\n\n"
  "Kết thúc hội thi, ban tổ chức công nhận {n2:35-55} giáo viên dạy giỏi cấp tỉnh; giải Nhất thuộc về "
  "một giáo viên đến từ {place}." },

{ S_SGD, "giao-duc-mam-non", 0, 1,
  "Bảo đảm an toàn cho trẻ tại các cơ sở giáo dục mầm non ngoài công lập",
  "Sở Giáo dục và Đào tạo yêu cầu tăng cường kiểm tra các nhóm trẻ độc lập, cơ sở mầm non tư thục, không "
  "để xảy ra bạo hành, mất an toàn đối với trẻ.",
  "Hiện toàn tỉnh có {n1:140-220} nhóm trẻ, lớp mẫu giáo độc lập tư thục, chủ yếu tập trung ở thành phố "
  "Vĩnh Long, thị xã Bình Minh và các khu vực gần khu công nghiệp. Các cơ sở này góp phần đáp ứng nhu "
  "cầu gửi trẻ của công nhân, người lao động.\n\n"
  "Tuy nhiên, một số cơ sở còn thiếu đồ dùng, thiết bị tối thiểu; người chăm sóc trẻ chưa qua đào tạo "
  "nghiệp vụ; chưa lắp đặt camera giám sát. Sở yêu cầu Phòng Giáo dục và Đào tạo các huyện, thị xã, "
  "thành phố phối hợp với UBND cấp xã kiểm tra định kỳ và đột xuất; kiên quyết đình chỉ các cơ sở không "
  "bảo đảm điều kiện.\n\n"
  "Phụ huynh được khuyến cáo lựa chọn cơ sở đã được cấp phép, thường xuyên trao đổi với giáo viên và "
  "kịp thời phản ánh những dấu hiệu bất thường đến cơ quan chức năng." },

{ S_SGD, "chuyen-doi-so", 0, 1,
  "Triển khai học bạ số trong các trường phổ thông",
  "Toàn bộ các trường tiểu học trên địa bàn tỉnh đã triển khai học bạ số, các cấp học còn lại sẽ hoàn "
  "thành theo lộ trình.",
  "Học bạ số được ký số bởi giáo viên chủ nhiệm và hiệu trưởng, lưu trữ trên cơ sở dữ liệu ngành Giáo "
  "dục, có giá trị pháp lý như học bạ giấy. Phụ huynh, học sinh có thể tra cứu kết quả học tập mọi "
  "lúc, mọi nơi; nhà trường giảm đáng kể thời gian, chi phí in ấn và lưu trữ.\n\n"
  "Để triển khai, Sở đã tập huấn cho hơn {n1:2500-4200/100} cán bộ quản lý, giáo viên về quy trình lập, ký "
  "số và quản lý học bạ số; phối hợp với các đơn vị cung cấp dịch vụ cấp chữ ký số cho giáo viên.\n\n"
  "Cô Trần Thị Mỹ Hạnh, giáo viên chủ nhiệm lớp 5 tại một trường tiểu học ở {place}, chia sẻ: “Ban đầu "
  "giáo viên còn lúng túng, nhưng sau khi được tập huấn thì việc nhập điểm, nhận xét và ký số rất "
  "nhanh. Cuối năm không còn cảnh ngồi ghi học bạ đến khuya”." },

{ S_SGD, "chuyen-doi-so", 0, 1,
  "Đẩy mạnh thanh toán không dùng tiền mặt trong trường học",
  "Đến nay, {f1:820-940}% trường học trên địa bàn tỉnh đã thu học phí và các khoản thu dịch vụ bằng hình "
  "thức không dùng tiền mặt.",
  "Thay vì nộp tiền mặt cho giáo viên chủ nhiệm như trước, phụ huynh nhận thông báo các khoản thu qua "
  "ứng dụng, tin nhắn và thanh toán qua tài khoản ngân hàng, ví điện tử hoặc mã QR. Nhà trường đối soát "
  "tự động, công khai, minh bạch từng khoản thu.\n\n"
  "Việc thanh toán không dùng tiền mặt giúp giáo viên không phải trực tiếp thu tiền, dành nhiều thời "
  "gian hơn cho chuyên môn; đồng thời hạn chế rủi ro thất lạc, nhầm lẫn khi thu, chi.\n\n"
  "Sở Giáo dục và Đào tạo đề nghị các trường tiếp tục phối hợp với các ngân hàng hỗ trợ phụ huynh, đặc "
  "biệt ở vùng nông thôn; không bắt buộc đối với gia đình chưa có điều kiện, bảo đảm mọi học sinh đều "
  "được tạo điều kiện thuận lợi." },

{ S_SGD, "tin-hoat-dong", 0, 1,
  "Ngành Giáo dục tổng kết năm học, triển khai nhiệm vụ năm học mới",
  "Năm học vừa qua, ngành Giáo dục tỉnh hoàn thành tốt các nhiệm vụ trọng tâm, chất lượng giáo dục toàn "
  "diện có nhiều chuyển biến.",
  "Theo báo cáo, toàn tỉnh có {n1:165000-185000} học sinh các cấp. Tỷ lệ trường đạt chuẩn quốc gia đạt "
  "{f1:720-810}%; tỷ lệ học sinh tốt nghiệp trung học phổ thông đạt {f2:985-996}%. Chương trình giáo dục "
  "phổ thông 2018 được triển khai đồng bộ ở tất cả các khối lớp.\n\n"
  "Năm học mới, ngành tập trung đổi mới phương pháp dạy học và kiểm tra, đánh giá; nâng cao chất lượng "
  "dạy học tiếng Anh, tin học; đẩy mạnh chuyển đổi số; bảo đảm đủ giáo viên theo định mức và tăng "
  "cường cơ sở vật chất, thiết bị dạy học.\n\n"
  "Phát biểu tại hội nghị, đồng chí {head} – {head_title} đề nghị các đơn vị trường học thực hiện tốt "
  "phương châm “Kỷ cương, trách nhiệm, sáng tạo, chất lượng”, chăm lo xây dựng môi trường giáo dục an "
  "toàn, lành mạnh, thân thiện." },

{ S_SGD, "thong-bao", 0, 1,
  "Thông báo tuyển dụng viên chức giáo viên các trường trung học phổ thông",
  "Sở Giáo dục và Đào tạo thông báo tuyển dụng {n1:60-110} giáo viên cho các trường trung học phổ thông "
  "trực thuộc.",
  "Chỉ tiêu tuyển dụng tập trung ở các môn Tin học, Tiếng Anh, Giáo dục kinh tế và pháp luật, Âm nhạc, "
  "Mỹ thuật và Giáo dục thể chất. Người dự tuyển phải có bằng cử nhân sư phạm phù hợp với môn giảng dạy, "
  "hoặc bằng cử nhân chuyên ngành phù hợp kèm chứng chỉ bồi dưỡng nghiệp vụ sư phạm.\n\n"
  "Hình thức tuyển dụng: xét tuyển, gồm hai vòng. Vòng 1 kiểm tra điều kiện, tiêu chuẩn của người dự "
  "tuyển; vòng 2 thực hành giảng dạy một tiết theo chương trình giáo dục phổ thông.\n\n"
  "Người đăng ký dự tuyển nộp Phiếu đăng ký tại Văn phòng Sở Giáo dục và Đào tạo, {address}, trong thời "
  "hạn 30 ngày kể từ ngày thông báo. Mọi chi tiết xin liên hệ số điện thoại {phone}." },

{ S_SGD, "giao-duc-pho-thong", 0, 1,
  "Tăng cường phòng, chống đuối nước, dạy bơi an toàn cho học sinh",
  "Với địa hình nhiều sông ngòi, kênh rạch, ngành Giáo dục tỉnh xác định dạy bơi, phòng, chống đuối "
  "nước là nhiệm vụ thường xuyên, đặc biệt trong dịp hè.",
  "Hè năm nay, ngành Giáo dục phối hợp với Tỉnh đoàn và ngành Văn hóa, Thể thao và Du lịch tổ chức "
  "{n1:80-140} lớp dạy bơi cho hơn {n2:3000-5200/100} học sinh tiểu học, trung học cơ sở. Các lớp học được "
  "mở tại hồ bơi trường học, nhà văn hóa và hồ bơi di động đặt tại {place}.\n\n"
  "Ngoài kỹ năng bơi, học sinh được hướng dẫn cách nhận biết khu vực nước nguy hiểm, kỹ năng tự cứu và "
  "cứu người đuối nước an toàn; tuyệt đối không tắm sông, kênh rạch khi không có người lớn đi cùng.\n\n"
  "Sở Giáo dục và Đào tạo đề nghị phụ huynh quan tâm, quản lý con em trong thời gian nghỉ hè; nhà "
  "trường phối hợp với địa phương tổ chức các hoạt động vui chơi lành mạnh, bổ ích cho học sinh." },

/* ---- Huyện Long Hồ ---------------------------------------------------------------------- */
{ S_DIST, "nong-nghiep", T_FEAT, 1,
  "Long Hồ có thêm 2 xã đạt chuẩn nông thôn mới nâng cao",
  "Với kết quả này, huyện hiện có {n2:9-12} xã đạt chuẩn nông thôn mới nâng cao, {n3:2-3} xã đạt chuẩn "
  "nông thôn mới kiểu mẫu.",
  "Hai đơn vị vừa được UBND tỉnh công nhận là {place} và {place2}. Sau nhiều năm nỗ lực, bộ mặt nông "
  "thôn tại hai xã có nhiều đổi thay: các tuyến đường trục xã, liên ấp đều được nhựa hóa hoặc bê tông "
  "hóa; hệ thống điện, nước sạch, trường học, trạm y tế được đầu tư đồng bộ; thu nhập bình quân đầu "
  "người đạt trên {n4:70-82} triệu đồng/năm.\n\n"
  "Điểm nổi bật là nhiều mô hình sản xuất hiệu quả như trồng chôm chôm, nhãn, bưởi theo hướng an toàn, "
  "làm du lịch sinh thái miệt vườn; các tuyến đường hoa, hàng rào xanh được người dân tự nguyện chung "
  "tay xây dựng.\n\n"
  "Phát biểu tại lễ công bố, đồng chí {head} – {head_title} đề nghị các xã tiếp tục nâng chất các tiêu "
  "chí, chú trọng phát triển sản xuất gắn với nâng cao thu nhập, giữ gìn môi trường xanh – sạch – đẹp "
  "và an ninh trật tự nông thôn." },

{ S_DIST, "ocop", T_FEAT, 1,
  "Long Hồ có thêm {n1:5-8} sản phẩm đạt chuẩn OCOP 3 sao",
  "Các sản phẩm được công nhận gồm chôm chôm, mứt dừa, bánh tráng, nước cốt dừa và trà mãng cầu, do "
  "hợp tác xã và hộ kinh doanh trên địa bàn huyện sản xuất.",
  "Sau đợt công nhận này, tổng số sản phẩm OCOP của huyện Long Hồ nâng lên {n2:28-40} sản phẩm, trong đó "
  "có {n3:3-6} sản phẩm đạt 4 sao. Các sản phẩm đều có bao bì, nhãn mác, mã truy xuất nguồn gốc và được "
  "giới thiệu trên các sàn thương mại điện tử.\n\n"
  "Chị Nguyễn Thị Ngọc Trinh, chủ cơ sở sản xuất mứt dừa tại {place}, cho biết: “Từ khi sản phẩm đạt "
  "OCOP, nhiều cửa hàng đặc sản, siêu thị ở Thành phố Hồ Chí Minh liên hệ đặt hàng. Cơ sở đã tạo việc "
  "làm thường xuyên cho 12 lao động nữ ở địa phương”.\n\n"
  "Phòng Nông nghiệp và Phát triển nông thôn huyện cho biết, thời gian tới sẽ tiếp tục hỗ trợ các chủ "
  "thể nâng hạng sản phẩm, tham gia hội chợ, xúc tiến thương mại, gắn sản phẩm OCOP với phát triển du "
  "lịch cộng đồng." },

{ S_DIST, "nong-nghiep", 0, 1,
  "Mô hình trồng chôm chôm theo hướng hữu cơ cho hiệu quả cao",
  "Mô hình giúp nhà vườn giảm chi phí phân bón, thuốc bảo vệ thực vật, nâng cao chất lượng trái và giá "
  "bán.",
  "Mô hình được triển khai tại {place} trên diện tích {n1:12-25} ha với sự tham gia của {n2:20-35} hộ. "
  "Nhà vườn được hướng dẫn sử dụng phân hữu cơ vi sinh, chế phẩm sinh học Trichoderma, tỉa cành, tạo tán "
  "và ghi chép nhật ký sản xuất.\n\n"
  "Ông Lê Văn Tám, một trong những hộ tham gia mô hình, cho biết: “Trước đây tôi xịt thuốc gần như mỗi "
  "tuần, nay giảm hơn một nửa. Trái chôm chôm đẹp, ngọt hơn nên thương lái thu mua giá cao hơn ngoài mô "
  "hình từ 2.000 đến 3.000 đồng/kg”.\n\n"
  "Theo tính toán, lợi nhuận của mô hình đạt khoảng {n3:180-260/10} triệu đồng/ha/năm, cao hơn "
  "{n4:15-25}% so với canh tác truyền thống. Huyện sẽ nhân rộng mô hình, gắn với xây dựng vùng trồng có "
  "mã số phục vụ xuất khẩu." },

{ S_DIST, "cai-cach-hanh-chinh", 0, 1,
  "Bộ phận Một cửa huyện Long Hồ trả kết quả thủ tục hành chính tại nhà",
  "Người dân có thể đăng ký nhận kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích "
  "với chi phí thấp, không phải đi lại nhiều lần.",
  "Khi nộp hồ sơ trực tiếp hoặc trực tuyến, người dân có thể lựa chọn hình thức nhận kết quả tại nhà. "
  "Nhân viên bưu điện chuyển phát kết quả trong ngày hoặc ngày làm việc kế tiếp sau khi hồ sơ được giải "
  "quyết.\n\n"
  "Sau {n1:3-6} tháng triển khai, đã có {n2:800-1600} hồ sơ được trả kết quả qua bưu chính, chủ yếu là "
  "các thủ tục về chứng thực, hộ tịch, đất đai. Nhiều người dân, nhất là người cao tuổi, người ở xa "
  "trung tâm huyện đánh giá cao sự tiện lợi của cách làm này.\n\n"
  "Theo {off_title} {off}, huyện sẽ tiếp tục đẩy mạnh thanh toán phí, lệ phí trực tuyến và tiếp nhận hồ "
  "sơ không phụ thuộc địa giới hành chính, hướng đến mục tiêu người dân không phải đi lại nhiều lần, "
  "không phải xếp hàng chờ đợi." },

{ S_DIST, "van-hoa-xa-hoi", 0, 1,
  "Khai mạc Đại hội Thể dục thể thao huyện Long Hồ",
  "Đại hội thu hút hơn {n1:700-1100/100} vận động viên đến từ các xã, thị trấn và cơ quan, đơn vị tranh tài "
  "ở {n2:9-13} môn thi đấu.",
  "Đại hội Thể dục thể thao huyện được tổ chức định kỳ, nhằm đánh giá phong trào thể dục thể thao quần "
  "chúng ở cơ sở, đồng thời phát hiện, tuyển chọn vận động viên tham gia đại hội cấp tỉnh.\n\n"
  "Các môn thi đấu gồm bóng đá, bóng chuyền, cầu lông, bóng bàn, việt dã, kéo co, đẩy gậy, cờ tướng, đua "
  "xuồng ba lá... Trong đó, môn đua xuồng ba lá trên sông thu hút đông đảo người dân đến cổ vũ.\n\n"
  "Phát biểu khai mạc, đồng chí {dep} – {dep_title} mong các vận động viên thi đấu với tinh thần “Đoàn "
  "kết – Trung thực – Cao thượng”; qua đó đẩy mạnh phong trào “Toàn dân rèn luyện thân thể theo gương "
  "Bác Hồ vĩ đại” trên địa bàn huyện." },

{ S_DIST, "van-hoa-xa-hoi", 0, 1,
  "Phiên giao dịch việc làm tại huyện Long Hồ cung ứng hơn {n1:1200-2000/100} vị trí",
  "Phiên giao dịch có sự tham gia của {n2:18-30} doanh nghiệp trong và ngoài tỉnh, tuyển dụng lao động "
  "phổ thông, công nhân kỹ thuật và lao động đi làm việc ở nước ngoài.",
  "Phiên giao dịch do Phòng Lao động – Thương binh và Xã hội huyện phối hợp với Trung tâm Dịch vụ việc "
  "làm tỉnh tổ chức. Các vị trí tuyển dụng tập trung ở ngành may mặc, chế biến thực phẩm, điện tử và "
  "dịch vụ, với mức lương từ 6 đến 12 triệu đồng/tháng.\n\n"
  "Tại phiên giao dịch, người lao động được tư vấn về chính sách bảo hiểm thất nghiệp, học nghề, vay vốn "
  "giải quyết việc làm và đi làm việc ở nước ngoài theo hợp đồng. Nhiều lao động đã được phỏng vấn, "
  "nhận việc ngay tại chỗ.\n\n"
  "Anh Trần Văn Lợi, ngụ {place}, cho biết: “Tôi vừa nghỉ việc ở Bình Dương về quê, muốn tìm việc gần "
  "nhà để tiện chăm sóc cha mẹ. Qua phiên giao dịch, tôi đã được một doanh nghiệp trong Khu công nghiệp "
  "Hòa Phú nhận vào làm”." },

{ S_DIST, "tin-hoat-dong", 0, 1,
  "Long Hồ tổ chức lễ giao nhận quân",
  "{n1:120-180} thanh niên ưu tú của huyện lên đường thực hiện nghĩa vụ quân sự và nghĩa vụ tham gia "
  "Công an nhân dân.",
  "Trong không khí trang trọng, phấn khởi, các tân binh được lãnh đạo huyện, các ban, ngành, đoàn thể và "
  "gia đình tiễn lên đường. Năm nay, {f1:930-990}% tân binh có trình độ từ trung học phổ thông trở lên; "
  "nhiều thanh niên đã tốt nghiệp cao đẳng, đại học tình nguyện nhập ngũ.\n\n"
  "Phát biểu tại buổi lễ, đồng chí {head} – {head_title}, Chủ tịch Hội đồng Nghĩa vụ quân sự huyện, biểu "
  "dương tinh thần sẵn sàng lên đường bảo vệ Tổ quốc của các tân binh; mong các em nhanh chóng hòa nhập "
  "môi trường quân ngũ, rèn luyện, học tập tốt, xứng đáng với truyền thống quê hương.\n\n"
  "Cấp ủy, chính quyền địa phương cam kết quan tâm, chăm lo đời sống gia đình các tân binh; thực hiện "
  "đầy đủ chế độ, chính sách đối với quân nhân sau khi hoàn thành nghĩa vụ trở về địa phương." },

{ S_DIST, "thong-bao", 0, 1,
  "Thông báo thu hồi đất thực hiện dự án nâng cấp, mở rộng đường liên xã Lộc Hòa – Hòa Phú",
  "UBND huyện Long Hồ thông báo kế hoạch thu hồi đất, điều tra, khảo sát, đo đạc, kiểm đếm phục vụ bồi "
  "thường, hỗ trợ, tái định cư.",
  "Dự án có chiều dài khoảng {f1:45-78} km, đi qua địa bàn xã Lộc Hòa và xã Hòa Phú; diện tích đất dự "
  "kiến thu hồi khoảng {f2:32-58} ha, ảnh hưởng đến {n1:90-160} hộ gia đình, cá nhân.\n\n"
  "Thời gian điều tra, khảo sát, đo đạc, kiểm đếm dự kiến trong hai tháng kể từ ngày thông báo. Đề nghị "
  "các hộ gia đình, cá nhân có đất trong phạm vi dự án phối hợp với Hội đồng bồi thường, hỗ trợ và tái "
  "định cư huyện, cung cấp đầy đủ giấy tờ về quyền sử dụng đất, tài sản gắn liền với đất.\n\n"
  "Việc bồi thường, hỗ trợ được thực hiện công khai, minh bạch theo quy định của Luật Đất đai và các "
  "quyết định của UBND tỉnh. Mọi thắc mắc, đề nghị liên hệ Ban Quản lý dự án đầu tư xây dựng huyện, số "
  "điện thoại {phone}." },

{ S_DIST, "nong-nghiep", 0, 1,
  "Nông dân Long Hồ xuống giống lúa Hè Thu theo lịch né rầy",
  "Năm nay, toàn huyện xuống giống khoảng {n1:2200-3600/100} ha lúa Hè Thu, chủ yếu sử dụng giống lúa chất "
  "lượng cao, chịu mặn.",
  "Theo Phòng Nông nghiệp và Phát triển nông thôn huyện, lịch xuống giống được khuyến cáo tập trung, "
  "đồng loạt theo từng cánh đồng để né rầy nâu, hạn chế sâu bệnh. Các giống lúa được khuyến cáo gồm "
  "OM 18, OM 5451, Đài Thơm 8 và ST25.\n\n"
  "Ngành nông nghiệp khuyến khích nông dân áp dụng biện pháp “1 phải, 5 giảm”, sử dụng máy sạ cụm, "
  "giảm lượng giống gieo sạ, bón phân cân đối, qua đó giảm chi phí sản xuất và giảm phát thải khí nhà "
  "kính.\n\n"
  "Ông Nguyễn Văn Hùng, nông dân ở {place}, cho biết: “Áp dụng sạ cụm và giảm giống, mỗi công ruộng tôi "
  "tiết kiệm được hơn 300.000 đồng. Lúa thưa, thông thoáng nên ít sâu bệnh hơn”." },

/* ---- Xã Châu Thành ---------------------------------------------------------------------- */
{ S_COMM, "nong-nghiep", T_FEAT, 1,
  "Xã Châu Thành ra mắt Tổ hợp tác trồng bưởi da xanh",
  "Tổ hợp tác có {n1:18-30} thành viên với tổng diện tích hơn {n2:15-28} ha, hướng đến sản xuất theo "
  "tiêu chuẩn VietGAP và xuất khẩu.",
  "Tổ hợp tác được thành lập tại {place}, trên cơ sở các hộ dân có vườn bưởi liền kề tự nguyện liên kết "
  "để cùng sản xuất, tiêu thụ sản phẩm. Thành viên được tập huấn kỹ thuật, mua vật tư đầu vào với giá ưu "
  "đãi và ký hợp đồng bao tiêu với doanh nghiệp.\n\n"
  "Ông Trần Văn Năm, Tổ trưởng Tổ hợp tác, cho biết: “Trước đây mỗi nhà trồng một kiểu, bán cho thương "
  "lái thì bị ép giá. Nay cùng nhau sản xuất theo một quy trình, có hợp đồng bao tiêu nên bà con yên tâm "
  "hơn”.\n\n"
  "Phát biểu tại buổi ra mắt, đồng chí {head} – {head_title} đề nghị Tổ hợp tác hoạt động đúng điều lệ, "
  "phát huy tinh thần tương trợ; UBND xã sẽ đồng hành, hỗ trợ thủ tục cấp mã số vùng trồng và kết nối "
  "thị trường tiêu thụ." },

{ S_COMM, "nong-nghiep", 0, 1,
  "Ra quân nạo vét kênh mương nội đồng, phục vụ sản xuất mùa khô",
  "Người dân và lực lượng dân quân xã đã nạo vét {n1:4-9} tuyến kênh nội đồng với tổng chiều dài hơn "
  "{n2:3200-6500/100} m.",
  "Đợt ra quân được tổ chức theo phương châm “Nhà nước và nhân dân cùng làm”, thu hút đông đảo người "
  "dân ở {place}, {place2} cùng lực lượng dân quân, đoàn viên thanh niên tham gia. Các tuyến kênh sau "
  "khi nạo vét giúp dẫn nước tưới, tiêu úng thuận lợi cho hơn {n3:150-320/10} ha vườn cây ăn trái và ruộng "
  "lúa.\n\n"
  "Bên cạnh nạo vét kênh, người dân còn phát quang bờ kênh, vớt lục bình, thu gom rác thải, giúp dòng "
  "chảy thông thoáng, cảnh quan môi trường sạch đẹp hơn.\n\n"
  "Theo {dep_title} {dep}, xã đã bố trí kinh phí thuê máy cuốc cho những đoạn kênh lớn, đồng thời vận "
  "động người dân đóng góp ngày công. Sau đợt này, xã sẽ tiếp tục nạo vét các tuyến còn lại trước khi "
  "vào cao điểm mùa khô." },

{ S_COMM, "quoc-phong-an-ninh", T_FEAT, 1,
  "Ra mắt Tổ bảo vệ an ninh, trật tự ở cơ sở",
  "Xã Châu Thành kiện toàn 6 tổ bảo vệ an ninh, trật tự với {n2:18-24} thành viên, hỗ trợ Công an xã "
  "giữ gìn an ninh, trật tự tại các ấp.",
  "Thực hiện Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở, UBND xã Châu Thành đã kiện toàn "
  "các tổ bảo vệ an ninh, trật tự tại 6 ấp. Thành viên các tổ là những người có uy tín, sức khỏe tốt, "
  "am hiểu địa bàn, phần lớn từng là công an viên, dân quân, đoàn viên thanh niên.\n\n"
  "Tổ bảo vệ an ninh, trật tự có nhiệm vụ hỗ trợ nắm tình hình, tuyên truyền, vận động người dân chấp "
  "hành pháp luật; tham gia tuần tra, hòa giải các mâu thuẫn nhỏ trong cộng đồng; hỗ trợ công tác phòng "
  "cháy, chữa cháy và cứu nạn, cứu hộ.\n\n"
  "Phát biểu tại buổi ra mắt, Trưởng Công an xã đề nghị các thành viên nêu cao tinh thần trách nhiệm, "
  "gần dân, sát dân, kịp thời phát hiện, báo cáo các vụ việc phức tạp, góp phần xây dựng địa bàn bình "
  "yên." },

{ S_COMM, "quoc-phong-an-ninh", 0, 1,
  "Xã Châu Thành sơ tuyển sức khỏe nghĩa vụ quân sự",
  "{n1:45-80} thanh niên trong độ tuổi gọi nhập ngũ đã được sơ tuyển sức khỏe tại Trạm Y tế xã.",
  "Công tác sơ tuyển được Hội đồng Nghĩa vụ quân sự xã phối hợp với Trạm Y tế xã thực hiện chặt chẽ, "
  "đúng quy trình. Các thanh niên được kiểm tra thể lực, khám nội khoa, ngoại khoa, mắt, tai mũi họng "
  "và răng hàm mặt.\n\n"
  "Qua sơ tuyển, có {n2:30-44} thanh niên đủ điều kiện tham gia khám tuyển sức khỏe tại huyện. Phần lớn "
  "thanh niên đến đúng giờ, thể hiện tinh thần sẵn sàng lên đường thực hiện nghĩa vụ.\n\n"
  "Đồng chí {head} – {head_title}, Chủ tịch Hội đồng Nghĩa vụ quân sự xã, đề nghị các ban, ngành, đoàn "
  "thể và Ban nhân dân các ấp tiếp tục tuyên truyền, vận động gia đình, thanh niên chấp hành tốt Luật "
  "Nghĩa vụ quân sự, bảo đảm hoàn thành chỉ tiêu giao quân." },

{ S_COMM, "an-sinh-xa-hoi", 0, 1,
  "Chi trả trợ cấp xã hội không dùng tiền mặt cho các đối tượng bảo trợ xã hội",
  "Đến nay, {f1:750-920}% đối tượng hưởng trợ cấp xã hội hằng tháng trên địa bàn xã đã nhận tiền qua tài "
  "khoản ngân hàng.",
  "Xã Châu Thành hiện có {n1:320-460} người hưởng trợ cấp xã hội hằng tháng, gồm người cao tuổi, người "
  "khuyết tật, trẻ em mồ côi và các đối tượng bảo trợ khác. Thay vì phải đến điểm chi trả như trước, "
  "người hưởng trợ cấp nhận tiền trực tiếp vào tài khoản cá nhân vào ngày 10 hằng tháng.\n\n"
  "Để hỗ trợ người cao tuổi, người khuyết tật, xã đã phối hợp với ngân hàng và bưu điện mở tài khoản "
  "tại nhà, hướng dẫn cách rút tiền, kiểm tra số dư và giữ bí mật mã OTP.\n\n"
  "Ông Nguyễn Văn Út, 82 tuổi, ở {place}, chia sẻ: “Hồi trước tới kỳ lãnh tiền phải nhờ con chở lên xã, "
  "chờ cả buổi. Giờ tiền về tài khoản, cháu nội rút giùm, tiện lắm”." },

{ S_COMM, "an-sinh-xa-hoi", 0, 1,
  "Trao {n1:30-55} suất học bổng cho học sinh có hoàn cảnh khó khăn",
  "Các suất học bổng trị giá từ 500.000 đồng đến 1 triệu đồng, kèm tập vở, giúp các em có thêm điều kiện "
  "đến trường.",
  "Nguồn học bổng do Hội Khuyến học xã vận động từ các mạnh thường quân, doanh nghiệp và con em quê hương "
  "đang sinh sống, làm việc xa quê. Các em nhận học bổng đều có thành tích học tập khá, giỏi, thuộc hộ "
  "nghèo, cận nghèo hoặc mồ côi cha mẹ.\n\n"
  "Phát biểu tại buổi lễ, đồng chí {dep} – {dep_title} ghi nhận tấm lòng của các nhà hảo tâm, đồng thời "
  "động viên các em vượt qua khó khăn, chăm ngoan, học giỏi.\n\n"
  "Em Lê Thị Kim Ngân, học sinh lớp 8 ở {place}, xúc động cho biết: “Nhà em làm thuê, ba mẹ vất vả. Suất "
  "học bổng này giúp em mua thêm sách tham khảo, em sẽ cố gắng học thật tốt”." },

{ S_COMM, "van-hoa-xa-hoi", 0, 2,
  "Ấm áp Ngày hội Đại đoàn kết toàn dân tộc ở {place}",
  "Ngày hội là dịp để bà con trong ấp ôn lại truyền thống, tăng cường tình làng nghĩa xóm, cùng chung "
  "tay xây dựng nông thôn mới.",
  "Tham dự ngày hội có đồng chí {v:{head} – {head_title}|{dep} – {dep_title}} cùng đông đảo bà con trong "
  "ấp. Tại buổi lễ, Ban Công tác Mặt trận ấp báo cáo kết quả thực hiện Cuộc vận động “Toàn dân đoàn kết "
  "xây dựng nông thôn mới, đô thị văn minh”: năm qua, bà con đã đóng góp hơn {n1:120-260/10} triệu đồng và "
  "hàng trăm ngày công để nâng cấp đường giao thông, lắp đèn chiếu sáng, trồng hoa ven đường.\n\n"
  "Dịp này, {n2:8-15} hộ gia đình tiêu biểu được khen thưởng; {n3:5-10} hộ nghèo, hộ có hoàn cảnh khó "
  "khăn được tặng quà. Ngày hội còn có phần văn nghệ, đờn ca tài tử và các trò chơi dân gian như kéo "
  "co, bịt mắt đánh trống, thu hút đông đảo bà con tham gia.\n\n"
  "Phát biểu tại ngày hội, đồng chí {v:{head}|{dep}} mong bà con tiếp tục phát huy tinh thần đoàn kết, "
  "tương thân tương ái, cùng chính quyền xây dựng ấp ngày càng giàu đẹp, văn minh." },

{ S_COMM, "thong-bao", 0, 1,
  "Thông báo lịch tiêm chủng mở rộng tại Trạm Y tế xã",
  "Trạm Y tế xã Châu Thành thông báo lịch tiêm chủng mở rộng định kỳ hằng tháng cho trẻ em và phụ nữ "
  "có thai trên địa bàn xã.",
  "Trạm Y tế xã tổ chức tiêm chủng mở rộng vào ngày 25 hằng tháng (nếu trùng ngày nghỉ thì dời sang "
  "ngày làm việc tiếp theo). Thời gian: buổi sáng từ 7 giờ đến 10 giờ 30.\n\n"
  "Đối tượng: trẻ em dưới 1 tuổi tiêm các loại vắc xin theo lịch; trẻ 18 tháng tuổi tiêm nhắc vắc xin "
  "sởi – rubella, bạch hầu – ho gà – uốn ván; phụ nữ có thai tiêm phòng uốn ván.\n\n"
  "Phụ huynh đưa trẻ đi tiêm mang theo sổ tiêm chủng, cho trẻ ăn no trước khi tiêm và ở lại theo dõi 30 "
  "phút sau tiêm tại trạm. Mọi thông tin chi tiết xin liên hệ Trạm Y tế xã, số điện thoại 0270 3851 "
  "436." },

{ S_COMM, "thong-bao", 0, 1,
  "Thông báo niêm yết công khai kết quả rà soát hộ nghèo, hộ cận nghèo",
  "UBND xã Châu Thành niêm yết danh sách hộ nghèo, hộ cận nghèo sau rà soát để người dân theo dõi, góp "
  "ý.",
  "Kết quả rà soát, toàn xã có {n1:38-62} hộ nghèo, chiếm {f1:15-28}%, và {n2:70-110} hộ cận nghèo, "
  "chiếm {f2:28-46}% tổng số hộ dân cư trên địa bàn.\n\n"
  "Danh sách được niêm yết tại trụ sở UBND xã, nhà văn hóa các ấp và đăng tải trên trang thông tin điện "
  "tử của xã trong thời gian 7 ngày làm việc.\n\n"
  "Trong thời gian niêm yết, nếu có ý kiến thắc mắc, khiếu nại, người dân liên hệ Ban Chỉ đạo giảm "
  "nghèo xã hoặc công chức Văn hóa – Xã hội để được giải đáp, xem xét theo quy định." },
};

/* ------------------------------------------------------------------------------------------ */
/* Template expansion                                                                          */

struct num {
	char name[8];
	long value;
};

struct gen {
	size_t site, tpl;
	unsigned rep;
	struct num nums[16];
	size_t nnums;
};

/* FNV-1a over explicit bytes, so the numbers are the same on every platform. */
static uint32_t fnv(uint32_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++) {
		h ^= b[i];
		h *= 16777619u;
	}
	return h;
}

static uint32_t fnv_u(uint32_t h, uint32_t v)
{
	unsigned char b[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24 };
	return fnv(h, b, 4);
}

static uint32_t gen_hash(const struct gen *g, const char *salt, size_t n)
{
	uint32_t h = fnv(2166136261u, demo_sites[g->site].slug, strlen(demo_sites[g->site].slug));
	h = fnv_u(fnv_u(h, (uint32_t)g->tpl), g->rep);
	return fnv(h, salt, n);
}

/* Vietnamese number style: "1.250" for thousands, "97,5" for tenths. */
static void add_number(struct sb *out, long v, int tenths)
{
	char digits[24];
	if (v < 0) {
		sb_addc(out, '-');
		v = -v;
	}
	int n = snprintf(digits, sizeof(digits), "%ld", tenths ? v / 10 : v);
	for (int i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			sb_addc(out, '.');
		sb_addc(out, digits[i]);
	}
	if (tenths && v % 10)
		sb_addf(out, ",%ld", v % 10);
}

/* {nK:lo-hi} / {fK:lo-hi} define a number the first time; {nK} / {fK} repeat it. */
static void number(struct gen *g, struct sb *out, const char *in, size_t n)
{
	size_t nl = 0;
	while (nl < n && in[nl] != ':')
		nl++;
	if (nl >= sizeof(g->nums[0].name))
		BUG("number name too long: {%.*s}", (int)n, in);
	for (size_t i = 0; i < g->nnums; i++)
		if (strlen(g->nums[i].name) == nl && !memcmp(g->nums[i].name, in, nl)) {
			add_number(out, g->nums[i].value, in[0] == 'f');
			return;
		}
	if (nl == n)
		BUG("number {%.*s} used before its range is given", (int)n, in);
	char range[32];
	if (n - nl - 1 >= sizeof(range))
		BUG("bad range in {%.*s}", (int)n, in);
	memcpy(range, in + nl + 1, n - nl - 1);
	range[n - nl - 1] = '\0';
	char *end;
	long lo = strtol(range, &end, 10), hi, step = 1;
	if (*end != '-' || (hi = strtol(end + 1, &end, 10), hi < lo))
		BUG("bad range in {%.*s}", (int)n, in);
	if (*end == '/')
		step = strtol(end + 1, &end, 10);
	if (*end || step < 1)
		BUG("bad range in {%.*s}", (int)n, in);
	if (g->nnums == ARRAY_SIZE(g->nums))
		BUG("too many numbers in one template");
	struct num *m = &g->nums[g->nnums++];
	memcpy(m->name, in, nl);
	m->name[nl] = '\0';
	m->value = lo + (long)(gen_hash(g, m->name, nl) % (uint32_t)(hi - lo + 1));
	m->value -= m->value % step; /* round figures after "hơn", "khoảng"... */
	if (m->value < lo)
		m->value += step;
	add_number(out, m->value, in[0] == 'f');
}

static const char *site_var(size_t site, const char *key, size_t n)
{
	const struct demo_site *s = &demo_sites[site];
	if (n == 7 && !memcmp(key, "address", 7))
		return s->address;
	if (n == 5 && !memcmp(key, "phone", 5))
		return s->phone;
	if (n == 5 && !memcmp(key, "email", 5))
		return s->email;
	for (const char *const *v = site_ctx[site].vars; *v; v += 2)
		if (strlen(v[0]) == n && !memcmp(v[0], key, n))
			return v[1];
	return NULL;
}

/* The K-th (0..2) sub-unit for this article; distinct for distinct K. */
static const char *place(const struct gen *g, size_t k)
{
	const char *const *pl = site_ctx[g->site].places;
	size_t np = 0;
	while (pl[np])
		np++;
	size_t off = (g->tpl * 5 + g->rep * 3 + g->site) % np;
	return pl[(off + k) % np];
}

static void expand(struct gen *g, struct sb *out, const char *s, size_t len, int depth);

static void placeholder(struct gen *g, struct sb *out, const char *in, size_t n, int depth)
{
	if (n >= 2 && in[0] == 'v' && in[1] == ':') {
		/* Options separated by '|' at brace depth 0; pick the one for this repetition. */
		size_t starts[8], ends[8], nopt = 0, d = 0, st = 2;
		for (size_t i = 2; i <= n; i++) {
			if (i < n && in[i] == '{')
				d++;
			else if (i < n && in[i] == '}')
				d--;
			else if (i == n || (in[i] == '|' && d == 0)) {
				if (nopt == ARRAY_SIZE(starts))
					BUG("too many options in {%.*s}", (int)n, in);
				starts[nopt] = st;
				ends[nopt++] = i;
				st = i + 1;
			}
		}
		size_t k = g->rep % nopt;
		expand(g, out, in + starts[k], ends[k] - starts[k], depth + 1);
		return;
	}
	if (n >= 2 && (in[0] == 'n' || in[0] == 'f') && in[1] >= '0' && in[1] <= '9') {
		number(g, out, in, n);
		return;
	}
	if (n >= 5 && !memcmp(in, "place", 5) && (n == 5 || (n == 6 && in[5] >= '2' && in[5] <= '3'))) {
		sb_adds(out, place(g, n == 5 ? 0 : (size_t)(in[5] - '1')));
		return;
	}
	const char *v = site_var(g->site, in, n);
	if (!v)
		BUG("unknown placeholder {%.*s} for site %s", (int)n, in, demo_sites[g->site].slug);
	expand(g, out, v, strlen(v), depth + 1);
}

static void expand(struct gen *g, struct sb *out, const char *s, size_t len, int depth)
{
	if (depth > 8)
		BUG("template placeholders nest too deep");
	size_t i = 0;
	while (i < len) {
		if (s[i] != '{') {
			size_t j = i;
			while (j < len && s[j] != '{')
				j++;
			sb_add(out, s + i, j - i);
			i = j;
			continue;
		}
		size_t j = i + 1, d = 1;
		while (j < len && d) {
			if (s[j] == '{')
				d++;
			else if (s[j] == '}')
				d--;
			j++;
		}
		if (d)
			BUG("unbalanced braces in template near \"%.40s\"", s + i);
		placeholder(g, out, s + i + 1, j - i - 2, depth);
		i = j;
	}
}

static char *render(struct gen *g, const char *tmpl)
{
	struct sb sb = SB_INIT;
	expand(g, &sb, tmpl, strlen(tmpl), 0);
	return sb_detach(&sb, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Articles                                                                                    */

static const char *resolve_category(size_t site, const char *cat)
{
	const char *slug = NULL;
	if (cat[0] != '@')
		slug = cat;
	for (int r = 0; r < R_COUNT && !slug; r++)
		if (!strcmp(cat + 1, role_names[r]))
			slug = site_ctx[site].roles[r];
	if (!slug)
		BUG("unknown category role %s", cat);
	for (size_t i = 0; i < demo_ncategories; i++)
		if (!strcmp(demo_categories[i].site_slug, demo_sites[site].slug) &&
		    !strcmp(demo_categories[i].slug, slug))
			return demo_categories[i].slug;
	BUG("site %s has no category %s", demo_sites[site].slug, slug);
}

/* ASCII folding of Vietnamese letters, for URL slugs. */
static const struct {
	char base;
	const char *letters;
} vn_fold[] = {
	{ 'a', "àáạảãâầấậẩẫăằắặẳẵÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴ" },
	{ 'e', "èéẹẻẽêềếệểễÈÉẸẺẼÊỀẾỆỂỄ" },
	{ 'i', "ìíịỉĩÌÍỊỈĨ" },
	{ 'o', "òóọỏõôồốộổỗơờớợởỡÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠ" },
	{ 'u', "ùúụủũưừứựửữÙÚỤỦŨƯỪỨỰỬỮ" },
	{ 'y', "ỳýỵỷỹỲÝỴỶỸ" },
	{ 'd', "đĐ" },
};

static void add_slug(struct sb *out, const char *s, size_t maxlen)
{
	size_t start = out->len;
	int dash = 0;
	while (*s && out->len - start < maxlen) {
		unsigned char c = (unsigned char)*s;
		size_t n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
		char ch = 0;
		if (n == 1) {
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
				ch = (char)c;
			else if (c >= 'A' && c <= 'Z')
				ch = (char)(c - 'A' + 'a');
		} else {
			char seq[5] = { 0 };
			memcpy(seq, s, strnlen(s, n));
			for (size_t i = 0; i < ARRAY_SIZE(vn_fold) && !ch; i++)
				if (strstr(vn_fold[i].letters, seq))
					ch = vn_fold[i].base;
		}
		s += strnlen(s, n);
		if (ch) {
			if (dash && out->len > start)
				sb_addc(out, '-');
			sb_addc(out, ch);
			dash = 0;
		} else {
			dash = 1;
		}
	}
}

static void xorshift(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
}

/* Featured flags, unique titles, sources and publication times for one site's articles. */
static void finish_site(struct demo_article *a, size_t n, size_t site)
{
	const struct site_ctx *sc = &site_ctx[site];
	size_t nfeat = 0, feat[3];
	for (size_t i = 0; i < n; i++) {
		if (a[i].featured && nfeat < ARRAY_SIZE(feat))
			feat[nfeat++] = i;
		else
			a[i].featured = 0;
		for (size_t j = 0; j < i; j++)
			if (!strcmp(a[i].title, a[j].title))
				BUG("duplicate title on site %s: %s", demo_sites[site].slug, a[i].title);
	}

	/* About one article in four (never a notice) was first published elsewhere. */
	size_t nsrc = 0, eligible = 0;
	while (sc->sources[nsrc] >= 0)
		nsrc++;
	for (size_t i = 0; i < n; i++) {
		a[i].src_days_ago = -1;
		if (!strcmp(a[i].category_slug, "thong-bao") || eligible++ % 4 != 1)
			continue;
		struct gen g = { .site = site, .tpl = i, .rep = 0xffff };
		uint32_t h = gen_hash(&g, "src", 3);
		const struct source *src = &sources[sc->sources[(eligible / 4) % nsrc]];
		struct sb url = SB_INIT;
		sb_adds(&url, src->prefix);
		add_slug(&url, a[i].title, 80);
		sb_addf(&url, "-%u%s", 100000 + h % 900000, src->suffix);
		a[i].src_name = src->name;
		a[i].src_author = src_authors[(h >> 8) % ARRAY_SIZE(src_authors)];
		a[i].src_url = sb_detach(&url, NULL);
	}

	/* Publication order: a fixed shuffle, featured articles among the most recent. */
	size_t *order = xcalloc(n, sizeof(*order));
	uint32_t s = 0x9e3779b9u ^ (uint32_t)(site + 1) * 2654435761u;
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	for (size_t i = n; i > 1; i--) {
		xorshift(&s);
		size_t j = s % i, t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
	for (size_t k = 0; k < nfeat && 2 * k < n; k++)
		for (size_t p = 0; p < n; p++)
			if (order[p] == feat[k]) {
				order[p] = order[2 * k];
				order[2 * k] = feat[k];
				break;
			}
	for (size_t k = 0; k < n; k++) {
		struct demo_article *x = &a[order[k]];
		xorshift(&s);
		x->days_ago = 1 + (int)(3 * k) + (int)(s % 3);
		x->hour = 7 + (int)((s >> 4) % 10);
		x->minute = (int)((s >> 12) % 60);
		/* The original came out the same day or the day before; never after the repost,
		 * even if the original is taken to be an early-morning edition. */
		if (x->src_url)
			x->src_days_ago = x->days_ago + ((s >> 20) % 2 || x->hour < 9 ? 1 : 0);
	}
	free(order);
}

struct demo_article *demo_articles_make(size_t *n)
{
	struct demo_article *arr = NULL;
	size_t cnt = 0, cap = 0;
	for (size_t si = 0; si < demo_nsites; si++) {
		const struct site_ctx *sc = &site_ctx[si];
		size_t first = cnt, nauth = 0;
		while (sc->authors[nauth])
			nauth++;
		for (size_t ti = 0; ti < ARRAY_SIZE(tpls); ti++) {
			const struct tpl *t = &tpls[ti];
			if (!(t->scope & sc->bit))
				continue;
			for (unsigned r = 0; r < (t->reps ? t->reps : 1u); r++) {
				if (cnt == cap) {
					cap = cap ? 2 * cap : 256;
					arr = xrealloc(arr, st_mult(cap, sizeof(*arr)));
				}
				struct demo_article *a = &arr[cnt++];
				struct gen g = { .site = si, .tpl = ti, .rep = r };
				memset(a, 0, sizeof(*a));
				a->site_slug = demo_sites[si].slug;
				a->category_slug = resolve_category(si, t->cat);
				a->title = render(&g, t->title);
				a->summary = render(&g, t->summary);
				a->body = render(&g, t->body);
				a->author = xstrdup(!strcmp(a->category_slug, "thong-bao")
							    ? sc->notice_author
							    : sc->authors[(ti + r) % nauth]);
				a->featured = !!(t->flags & T_FEAT);
			}
		}
		finish_site(arr + first, cnt - first, si);
	}
	*n = cnt;
	return arr;
}

void demo_articles_free(struct demo_article *a, size_t n)
{
	if (!a)
		return;
	for (size_t i = 0; i < n; i++) {
		free(a[i].title);
		free(a[i].summary);
		free(a[i].body);
		free(a[i].author);
		free((char *)a[i].src_url);
	}
	free(a);
}
