/* legal.c — the demo's legal documents and Công báo issues (see legal.h).
 *
 * Where the rows come from
 *   The five seed regulations in shared/seeds/ (000 Vĩnh Long 2026 draft, 001 Đồng Tháp 2026 draft,
 *   002 Tuyên Quang 2026 draft, 003 Vĩnh Phúc 26/2017, 004 Bến Tre 12/2024) and every document
 *   they cite: their "Căn cứ" lists and the texts they repeal, replace or refer to. A few more
 *   national texts the portal rules rest on (ND 13/2023, TT 12/2022) come from the project brief.
 *
 * How far each field can be trusted
 *   - Numbers, types, issuers and trích yếu of cited texts are as the seeds write them (normalised
 *     to the official wording where the seeds differ among themselves).
 *   - Dates: each row's comment says where every non-NULL date comes from: "seed NNN" (written in
 *     that seed), "computed from seed NNN" (e.g. "10 days after signing"), or "known" (a date
 *     the author is certain of, e.g. the effective date written in the text's final article).
 *     Every other date is NULL: a wrong date is worse than none.
 *   - Signers only where a seed prints the name or the author is certain; never invented.
 *   - Relations of national texts list only the bases and links the author is sure of (a subset
 *     of the real "Căn cứ" list); relations of the seed regulations are their full lists.
 *   - Rows marked DEMO are not real: documents of the demo province with invented numbers ≥ 900
 *     (no real UBND tỉnh or sở numbers a document that high in these series), invented dates and
 *     no signer. Their content follows the seeds and is what such a document would say.
 *
 * Deliberately not rows
 *   - The Đồng Tháp and Tuyên Quang decisions (seeds 001, 002): drafts without a number; the
 *     documents they cite and repeal are rows.
 *   - Nghị định 224/2026/NĐ-CP and Luật Chuyển đổi số 2025, which docs/regulations.md says replaced
 *     ND 42/2022 and Luật CNTT 2006 from 01/07/2026: their numbers, titles and dates could not be
 *     checked, so ND 42/2022 and Luật 67/2006 keep expires = NULL. Add them when the texts are
 *     at hand, with thay_the set, and set those two expiry dates. */
#include "demo/legal.h"
#include "base/util.h"

const char *const demo_legal_types[] = {
	"Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Nghị quyết", "Nghị định", "Quyết định",
	"Chỉ thị", "Thông tư", "Thông tư liên tịch", "Công văn", "Kế hoạch", "Thông báo", "Hướng dẫn",
	"Chương trình", "Công điện", NULL,
};

/* The Căn cứ list of the Vĩnh Long regulation (seed 000). The seed names the laws by date; their
 * numbers are those the other seeds give for the same laws (001, 002). */
#define VL_PORTAL_BASES                                                                          \
	"72/2025/QH15;64/2025/QH15;87/2025/QH15;67/2006/QH11;86/2015/QH13;104/2016/QH13;"        \
	"24/2018/QH14;85/2016/NĐ-CP;47/2020/NĐ-CP;42/2022/NĐ-CP;147/2024/NĐ-CP;150/2025/NĐ-CP;" \
	"20/2017/TT-BTTTT;26/2020/TT-BTTTT;22/2023/TT-BTTTT;1559/QĐ-UBND"

const struct demo_legal demo_legal_docs[] = {
	/* ------------------------------------------------------------------------------------ */
	/* Luật (Quốc hội)                                                                       */

	/* issued: seeds 000, 003, 004 ("ngày 29 tháng 6 năm 2006"); effective: known */
	{ .site = "main", .number = "67/2006/QH11", .type = "Luật", .issuer = "Quốc hội",
	  .signer = "Nguyễn Phú Trọng", .signer_title = "Chủ tịch Quốc hội",
	  .issued = "2006-06-29", .effective = "2007-01-01", .expires = NULL,
	  .title = "Luật Công nghệ thông tin",
	  .fields = "Công nghệ thông tin", .scope = "trung-uong",
	  .body = "<p>Luật Công nghệ thông tin quy định về hoạt động ứng dụng và phát triển công nghệ "
		  "thông tin, các biện pháp bảo đảm cho hoạt động đó và quyền, nghĩa vụ của cơ quan, tổ "
		  "chức, cá nhân tham gia.</p>"
		  "<p>Đây là luật gốc của việc cơ quan nhà nước cung cấp thông tin trên môi trường mạng: "
		  "trang thông tin điện tử và cổng thông tin điện tử của cơ quan nhà nước phải cung cấp "
		  "thông tin đầy đủ, chính xác, kịp thời và được cập nhật thường xuyên.</p>"
		  "<p>Quy chế Cổng thông tin điện tử của các tỉnh Vĩnh Long, Đồng Tháp, Vĩnh Phúc và Bến "
		  "Tre đều viện dẫn Luật này trong phần căn cứ ban hành.</p>" },

	/* issued: seeds 000, 004 ("ngày 19 tháng 11 năm 2015"); effective: known */
	{ .site = "main", .number = "86/2015/QH13", .type = "Luật", .issuer = "Quốc hội",
	  .signer = "Nguyễn Sinh Hùng", .signer_title = "Chủ tịch Quốc hội",
	  .issued = "2015-11-19", .effective = "2016-07-01", .expires = NULL,
	  .title = "Luật An toàn thông tin mạng",
	  .fields = "An toàn thông tin;Công nghệ thông tin", .scope = "trung-uong",
	  .body = "<p>Luật An toàn thông tin mạng quy định về hoạt động bảo đảm an toàn thông tin mạng, "
		  "quyền và trách nhiệm của cơ quan, tổ chức, cá nhân trong việc bảo đảm an toàn thông "
		  "tin mạng, mật mã dân sự, tiêu chuẩn và quy chuẩn kỹ thuật về an toàn thông tin mạng "
		  "và quản lý nhà nước về an toàn thông tin mạng.</p>"
		  "<p>Luật phân loại hệ thống thông tin theo cấp độ an toàn; Nghị định số 85/2016/NĐ-CP "
		  "quy định chi tiết việc bảo đảm an toàn hệ thống thông tin theo cấp độ.</p>"
		  "<p>Các quy chế Cổng thông tin điện tử dẫn chiếu Luật này khi quy định việc thu thập, "
		  "sử dụng và bảo vệ thông tin cá nhân trên cổng (Điều 16 đến Điều 20) và các hành vi bị "
		  "nghiêm cấm (Điều 7). Luật được sửa đổi, bổ sung bởi Luật số 35/2018/QH14.</p>" },

	/* issued, effective: known */
	{ .site = "main", .number = "35/2018/QH14", .type = "Luật", .issuer = "Quốc hội",
	  .signer = "Nguyễn Thị Kim Ngân", .signer_title = "Chủ tịch Quốc hội",
	  .issued = "2018-11-20", .effective = "2019-01-01", .expires = NULL,
	  .title = "Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch",
	  .fields = "Quy hoạch;An toàn thông tin;Báo chí – Xuất bản", .scope = "trung-uong",
	  .body = "<p>Luật sửa đổi, bổ sung cùng lúc nhiều luật chuyên ngành để thống nhất với Luật Quy "
		  "hoạch, trong đó có Luật An toàn thông tin mạng và Luật Báo chí.</p>"
		  "<p>Vì vậy các văn bản viện dẫn hai luật này ghi kèm \"được sửa đổi, bổ sung bởi Luật số "
		  "35/2018/QH14\", như Quy chế Cổng thông tin điện tử tỉnh Tuyên Quang.</p>",
	  /* only the two amended laws the seeds cite; it amends 37 */
	  .sua_doi = "86/2015/QH13;103/2016/QH13" },

	/* issued: seeds 000, 004 ("ngày 06 tháng 4 năm 2016"); effective: known */
	{ .site = "main", .number = "104/2016/QH13", .type = "Luật", .issuer = "Quốc hội",
	  .signer = "Nguyễn Thị Kim Ngân", .signer_title = "Chủ tịch Quốc hội",
	  .issued = "2016-04-06", .effective = "2018-07-01", .expires = NULL,
	  .title = "Luật Tiếp cận thông tin",
	  .fields = "Tiếp cận thông tin;Bộ máy hành chính", .scope = "trung-uong",
	  .body = "<p>Luật Tiếp cận thông tin quy định việc thực hiện quyền tiếp cận thông tin của công "
		  "dân: nguyên tắc, trình tự, thủ tục thực hiện quyền này và trách nhiệm của cơ quan nhà "
		  "nước trong việc bảo đảm quyền tiếp cận thông tin.</p>"
		  "<p>Cơ quan nhà nước phải chủ động công khai những thông tin theo quy định, trong đó có "
		  "việc đăng tải trên cổng thông tin điện tử, và cung cấp thông tin khi công dân yêu cầu.</p>"
		  "<p>Các quy chế Cổng thông tin điện tử của Vĩnh Long, Đồng Tháp và Tuyên Quang giao cơ "
		  "quan chủ quản tiếp nhận, xử lý yêu cầu cung cấp thông tin của tổ chức, cá nhân theo Điều "
		  "22 của Luật. Nghị định số 13/2018/NĐ-CP quy định chi tiết Luật này.</p>" },

	/* issued, effective: known */
	{ .site = "main", .number = "103/2016/QH13", .type = "Luật", .issuer = "Quốc hội",
	  .signer = "Nguyễn Thị Kim Ngân", .signer_title = "Chủ tịch Quốc hội",
	  .issued = "2016-04-05", .effective = "2017-01-01", .expires = NULL,
	  .title = "Luật Báo chí",
	  .fields = "Báo chí – Xuất bản", .scope = "trung-uong",
	  .body = "<p>Luật Báo chí quy định về quyền tự do báo chí, quyền tự do ngôn luận trên báo chí "
		  "của công dân, tổ chức và hoạt động báo chí, quyền và nghĩa vụ của cơ quan, tổ chức, cá "
		  "nhân hoạt động báo chí.</p>"
		  "<p>Luật được sửa đổi, bổ sung bởi Luật số 35/2018/QH14 và Luật số 93/2025/QH15; Quy chế "
		  "Cổng Thông tin điện tử tỉnh Tuyên Quang viện dẫn Luật trong phần căn cứ ban hành.</p>" },

	/* issued: seed 000 ("ngày 12 tháng 6 năm 2018"); effective: known */
	{ .site = "main", .number = "24/2018/QH14", .type = "Luật", .issuer = "Quốc hội",
	  .signer = "Nguyễn Thị Kim Ngân", .signer_title = "Chủ tịch Quốc hội",
	  .issued = "2018-06-12", .effective = "2019-01-01", .expires = NULL,
	  .title = "Luật An ninh mạng",
	  .fields = "An ninh mạng;An toàn thông tin", .scope = "trung-uong",
	  .body = "<p>Luật An ninh mạng quy định về hoạt động bảo vệ an ninh quốc gia và bảo đảm trật tự, "
		  "an toàn xã hội trên không gian mạng và trách nhiệm của cơ quan, tổ chức, cá nhân có "
		  "liên quan.</p>"
		  "<p>Quy chế Cổng thông tin điện tử tỉnh Đồng Tháp yêu cầu người cung cấp và sử dụng thông "
		  "tin trên Cổng không vi phạm các hành vi bị nghiêm cấm tại Điều 8 của Luật này.</p>" },

	/* issued, effective: known */
	{ .site = "main", .number = "20/2023/QH15", .type = "Luật", .issuer = "Quốc hội",
	  .signer = "Vương Đình Huệ", .signer_title = "Chủ tịch Quốc hội",
	  .issued = "2023-06-22", .effective = "2024-07-01", .expires = NULL,
	  .title = "Luật Giao dịch điện tử",
	  .fields = "Giao dịch điện tử;Công nghệ thông tin;Dữ liệu", .scope = "trung-uong",
	  .body = "<p>Luật Giao dịch điện tử quy định về việc thực hiện giao dịch bằng phương tiện điện "
		  "tử: thông điệp dữ liệu, chữ ký điện tử, hợp đồng điện tử và giao dịch điện tử của cơ "
		  "quan nhà nước.</p>"
		  "<p>Quy chế Cổng thông tin điện tử tỉnh Đồng Tháp dựa vào Luật này và Nghị định số "
		  "278/2025/NĐ-CP khi quy định việc kết nối, chia sẻ dữ liệu giữa Cổng tỉnh và các Trang "
		  "thông tin điện tử thành phần.</p>" },

	/* issued, effective: known */
	{ .site = "main", .number = "91/2025/QH15", .type = "Luật", .issuer = "Quốc hội",
	  .signer = "Trần Thanh Mẫn", .signer_title = "Chủ tịch Quốc hội",
	  .issued = "2025-06-26", .effective = "2026-01-01", .expires = NULL,
	  .title = "Luật Bảo vệ dữ liệu cá nhân",
	  .fields = "Dữ liệu;An toàn thông tin", .scope = "trung-uong",
	  .body = "<p>Luật Bảo vệ dữ liệu cá nhân quy định về dữ liệu cá nhân, việc bảo vệ dữ liệu cá "
		  "nhân và quyền, nghĩa vụ, trách nhiệm của cơ quan, tổ chức, cá nhân có liên quan.</p>"
		  "<p>Với cổng thông tin điện tử, Luật đặt ra yêu cầu đối với mọi biểu mẫu thu thập thông "
		  "tin của người dân (hỏi đáp, góp ý, phản ánh, yêu cầu cung cấp thông tin): chỉ thu thập "
		  "dữ liệu cần thiết, không công khai dữ liệu cá nhân và bảo vệ dữ liệu đã thu thập. Quy "
		  "chế Cổng thông tin điện tử tỉnh Đồng Tháp viện dẫn Luật này.</p>" },

	/* issued: seed 000 ("ngày 16 tháng 6 năm 2025"), number from seeds 001, 002; effective: known */
	{ .site = "main", .number = "72/2025/QH15", .type = "Luật", .issuer = "Quốc hội",
	  .signer = "Trần Thanh Mẫn", .signer_title = "Chủ tịch Quốc hội",
	  .issued = "2025-06-16", .effective = "2025-06-16", .expires = NULL,
	  .title = "Luật Tổ chức chính quyền địa phương",
	  .fields = "Bộ máy hành chính", .scope = "trung-uong",
	  .body = "<p>Luật Tổ chức chính quyền địa phương quy định về đơn vị hành chính và tổ chức, hoạt "
		  "động của chính quyền địa phương theo mô hình hai cấp: cấp tỉnh và cấp xã.</p>"
		  "<p>Đây là căn cứ thẩm quyền đầu tiên của các quyết định do Ủy ban nhân dân tỉnh, xã ban "
		  "hành từ năm 2025, trong đó có quy chế Cổng thông tin điện tử của các tỉnh Vĩnh Long, "
		  "Đồng Tháp và Tuyên Quang.</p>",
	  .thay_the = "65/2025/QH15" },

	/* issued: seeds 003, 004 ("ngày 19/6/2015"); effective: known */
	{ .site = "main", .number = "77/2015/QH13", .type = "Luật", .issuer = "Quốc hội",
	  .signer = "Nguyễn Sinh Hùng", .signer_title = "Chủ tịch Quốc hội",
	  .issued = "2015-06-19", .effective = "2016-01-01", .expires = NULL,
	  .title = "Luật Tổ chức chính quyền địa phương",
	  .fields = "Bộ máy hành chính", .scope = "trung-uong",
	  .body = "<p>Luật Tổ chức chính quyền địa phương năm 2015 quy định về đơn vị hành chính và tổ "
		  "chức, hoạt động của chính quyền địa phương ở các đơn vị hành chính.</p>"
		  "<p>Luật là căn cứ ban hành Quy chế Cổng Thông tin - Giao tiếp điện tử tỉnh Vĩnh Phúc "
		  "năm 2017 và Quy chế Cổng thông tin điện tử tỉnh Bến Tre năm 2024. Luật đã được sửa "
		  "đổi, bổ sung bởi Luật số 47/2019/QH14 và được thay thế bởi Luật Tổ chức chính quyền "
		  "địa phương năm 2025.</p>" },

	/* issued: seed 004 ("ngày 22 tháng 11 năm 2019"); effective: known */
	{ .site = "main", .number = "47/2019/QH14", .type = "Luật", .issuer = "Quốc hội",
	  .signer = "Nguyễn Thị Kim Ngân", .signer_title = "Chủ tịch Quốc hội",
	  .issued = "2019-11-22", .effective = "2020-07-01", .expires = NULL,
	  .title = "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính "
		   "quyền địa phương",
	  .fields = "Bộ máy hành chính", .scope = "trung-uong",
	  .body = "<p>Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ năm 2015 và Luật Tổ "
		  "chức chính quyền địa phương năm 2015.</p>"
		  "<p>Quy chế Cổng thông tin điện tử tỉnh Bến Tre năm 2024 viện dẫn Luật này cùng với Luật "
		  "Tổ chức chính quyền địa phương năm 2015.</p>",
	  .sua_doi = "76/2015/QH13;77/2015/QH13" },

	/* issued: seed 004 ("ngày 22 tháng 6 năm 2015"); effective: known; expires: known (the day
	 * 64/2025/QH15 took effect) */
	{ .site = "main", .number = "80/2015/QH13", .type = "Luật", .issuer = "Quốc hội",
	  .signer = "Nguyễn Sinh Hùng", .signer_title = "Chủ tịch Quốc hội",
	  .issued = "2015-06-22", .effective = "2016-07-01", .expires = "2025-04-01",
	  .title = "Luật Ban hành văn bản quy phạm pháp luật",
	  .fields = "Văn bản quy phạm pháp luật", .scope = "trung-uong",
	  .body = "<p>Luật quy định nguyên tắc, thẩm quyền, hình thức, trình tự, thủ tục xây dựng, ban "
		  "hành văn bản quy phạm pháp luật, trong đó có quyết định của Ủy ban nhân dân cấp tỉnh.</p>"
		  "<p>Luật được sửa đổi, bổ sung bởi Luật số 63/2020/QH14 và hết hiệu lực khi Luật Ban "
		  "hành văn bản quy phạm pháp luật số 64/2025/QH15 có hiệu lực.</p>" },

	/* issued: seed 004 ("ngày 18 tháng 6 năm 2020"); effective: known; expires: known (as 80/2015) */
	{ .site = "main", .number = "63/2020/QH14", .type = "Luật", .issuer = "Quốc hội",
	  .signer = "Nguyễn Thị Kim Ngân", .signer_title = "Chủ tịch Quốc hội",
	  .issued = "2020-06-18", .effective = "2021-01-01", .expires = "2025-04-01",
	  .title = "Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật",
	  .fields = "Văn bản quy phạm pháp luật", .scope = "trung-uong",
	  .body = "<p>Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật năm "
		  "2015.</p>"
		  "<p>Quy chế Cổng thông tin điện tử tỉnh Bến Tre năm 2024 viện dẫn Luật này.</p>",
	  .sua_doi = "80/2015/QH13" },

	/* issued: seed 000 ("ngày 19 tháng 02 năm 2025"), number from seed 001; effective: known */
	{ .site = "main", .number = "64/2025/QH15", .type = "Luật", .issuer = "Quốc hội",
	  .signer = "Trần Thanh Mẫn", .signer_title = "Chủ tịch Quốc hội",
	  .issued = "2025-02-19", .effective = "2025-04-01", .expires = NULL,
	  .title = "Luật Ban hành văn bản quy phạm pháp luật",
	  .fields = "Văn bản quy phạm pháp luật", .scope = "trung-uong",
	  .body = "<p>Luật quy định việc xây dựng, ban hành, công bố, đăng Công báo và tổ chức thi hành "
		  "văn bản quy phạm pháp luật, thay thế Luật năm 2015.</p>"
		  "<p>Luật được sửa đổi, bổ sung bởi Luật số 87/2025/QH15; cả hai là căn cứ ban hành các "
		  "quy chế Cổng thông tin điện tử của tỉnh Vĩnh Long và tỉnh Đồng Tháp năm 2026.</p>",
	  .thay_the = "80/2015/QH13;63/2020/QH14" },

	/* issued: seed 000 ("ngày 25 tháng 6 năm 2025"), number from seed 001 */
	{ .site = "main", .number = "87/2025/QH15", .type = "Luật", .issuer = "Quốc hội",
	  .signer = "Trần Thanh Mẫn", .signer_title = "Chủ tịch Quốc hội",
	  .issued = "2025-06-25", .effective = NULL, .expires = NULL,
	  .title = "Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật",
	  .fields = "Văn bản quy phạm pháp luật", .scope = "trung-uong",
	  .body = "<p>Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật số "
		  "64/2025/QH15 để phù hợp với việc tổ chức chính quyền địa phương hai cấp.</p>"
		  "<p>Quy chế Cổng thông tin điện tử tỉnh Vĩnh Long và tỉnh Đồng Tháp năm 2026 viện dẫn "
		  "Luật này cùng với Luật số 64/2025/QH15.</p>",
	  .sua_doi = "64/2025/QH15" },

	/* ------------------------------------------------------------------------------------ */
	/* Nghị định (Chính phủ)                                                                */

	/* issued: seeds 000, 004 ("ngày 24 tháng 6 năm 2022"); effective: known (Điều cuối: 01/8/2022,
	 * when 43/2011 ended); signer: known. Bases: those certain, not the full list. */
	{ .site = "main", .number = "42/2022/NĐ-CP", .type = "Nghị định", .issuer = "Chính phủ",
	  .signer = "Vũ Đức Đam", .signer_title = "Phó Thủ tướng",
	  .issued = "2022-06-24", .effective = "2022-08-01", .expires = NULL,
	  .title = "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước "
		   "trên môi trường mạng",
	  .fields = "Công nghệ thông tin;Dịch vụ công trực tuyến;Bộ máy hành chính", .scope = "trung-uong",
	  .body = "<p>Nghị định quy định việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan "
		  "nhà nước trên môi trường mạng: những thông tin cổng thông tin điện tử phải công khai, "
		  "chức năng của cổng, dịch vụ công trực tuyến, việc tương tác với người dân và chia sẻ "
		  "thông tin bằng dịch vụ dữ liệu.</p>"
		  "<p>Những nội dung chính đối với một cổng thông tin điện tử:</p>"
		  "<ul><li><strong>Thông tin phải cung cấp</strong> (Điều 4): giới thiệu cơ quan, tin tức, "
		  "chỉ đạo điều hành, văn bản quy phạm pháp luật, chiến lược và quy hoạch, dự án và đấu "
		  "thầu, chương trình khoa học, thống kê, tiếp nhận phản ánh, kiến nghị…</li>"
		  "<li><strong>Tương tác với người dân</strong> (Điều 8): hỏi đáp, góp ý dự thảo, phản ánh "
		  "và khảo sát ý kiến.</li>"
		  "<li><strong>Yêu cầu kỹ thuật</strong> (Điều 7), được Thông tư số 22/2023/TT-BTTTT hướng "
		  "dẫn chi tiết.</li></ul>"
		  "<p>Nghị định thay thế Nghị định số 43/2011/NĐ-CP và được sửa đổi, bổ sung bởi Nghị định "
		  "số 118/2025/NĐ-CP.</p>",
	  .can_cu = "76/2015/QH13;47/2019/QH14;67/2006/QH11;51/2005/QH11",
	  .thay_the = "43/2011/NĐ-CP" },

	/* issued: known */
	{ .site = "main", .number = "118/2025/NĐ-CP", .type = "Nghị định", .issuer = "Chính phủ",
	  .signer = NULL, .signer_title = NULL,
	  .issued = "2025-06-09", .effective = NULL, .expires = NULL,
	  .title = "Về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận "
		   "Một cửa và Cổng Dịch vụ công quốc gia",
	  .fields = "Thủ tục hành chính;Dịch vụ công trực tuyến", .scope = "trung-uong",
	  .body = "<p>Nghị định quy định việc thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa "
		  "liên thông tại Bộ phận Một cửa và trên Cổng Dịch vụ công quốc gia.</p>"
		  "<p>Theo Quy chế Cổng Thông tin điện tử tỉnh Tuyên Quang, Nghị định này sửa đổi, bổ sung "
		  "Nghị định số 42/2022/NĐ-CP; các nội dung Quy chế không quy định được thực hiện theo "
		  "Nghị định số 42/2022/NĐ-CP đã được sửa đổi, bổ sung.</p>",
	  .sua_doi = "42/2022/NĐ-CP" },

	/* issued: seed 003 ("ngày 13/6/2011"); expires: known (the day 42/2022 took effect) */
	{ .site = "main", .number = "43/2011/NĐ-CP", .type = "Nghị định", .issuer = "Chính phủ",
	  .signer = "Nguyễn Tấn Dũng", .signer_title = "Thủ tướng Chính phủ",
	  .issued = "2011-06-13", .effective = NULL, .expires = "2022-08-01",
	  .title = "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến trên trang thông tin "
		   "điện tử hoặc cổng thông tin điện tử của cơ quan nhà nước",
	  .fields = "Công nghệ thông tin;Dịch vụ công trực tuyến", .scope = "trung-uong",
	  .body = "<p>Nghị định quy định việc cung cấp thông tin và dịch vụ công trực tuyến trên trang "
		  "thông tin điện tử hoặc cổng thông tin điện tử của cơ quan nhà nước, gồm danh mục thông "
		  "tin bắt buộc (Điều 10, 11) và thời hạn cập nhật từng loại thông tin (Điều 17).</p>"
		  "<p>Quy chế Cổng Thông tin - Giao tiếp điện tử tỉnh Vĩnh Phúc năm 2017 được ban hành trên "
		  "cơ sở Nghị định này. Nghị định hết hiệu lực khi Nghị định số 42/2022/NĐ-CP có hiệu "
		  "lực.</p>",
	  .can_cu = "32/2001/QH10;67/2006/QH11" },

	/* issued: seed 000 ("ngày 01 tháng 7 năm 2016"); effective: known (same day) */
	{ .site = "main", .number = "85/2016/NĐ-CP", .type = "Nghị định", .issuer = "Chính phủ",
	  .signer = "Nguyễn Xuân Phúc", .signer_title = "Thủ tướng Chính phủ",
	  .issued = "2016-07-01", .effective = "2016-07-01", .expires = NULL,
	  .title = "Về bảo đảm an toàn hệ thống thông tin theo cấp độ",
	  .fields = "An toàn thông tin", .scope = "trung-uong",
	  .body = "<p>Nghị định quy định chi tiết về nguyên tắc, tiêu chí, thẩm quyền, trình tự, thủ tục "
		  "xác định cấp độ an toàn hệ thống thông tin và trách nhiệm bảo đảm an toàn hệ thống "
		  "thông tin theo cấp độ.</p>"
		  "<p>Cổng thông tin điện tử của tỉnh là hệ thống thông tin phải được xác định cấp độ và "
		  "áp dụng phương án bảo đảm an toàn tương ứng; Quy chế Cổng thông tin điện tử tỉnh Bến "
		  "Tre yêu cầu bảo đảm an toàn hệ thống ở cấp độ 3. Thông tư số 12/2022/TT-BTTTT hướng dẫn "
		  "Nghị định này.</p>",
	  .can_cu = "76/2015/QH13;86/2015/QH13",
	  .huong_dan = "86/2015/QH13" },

	/* issued: seed 000 ("ngày 09 tháng 04 năm 2020") */
	{ .site = "main", .number = "47/2020/NĐ-CP", .type = "Nghị định", .issuer = "Chính phủ",
	  .signer = NULL, .signer_title = NULL,
	  .issued = "2020-04-09", .effective = NULL, .expires = NULL,
	  .title = "Về quản lý, kết nối và chia sẻ dữ liệu số của cơ quan nhà nước",
	  .fields = "Dữ liệu;Công nghệ thông tin", .scope = "trung-uong",
	  .body = "<p>Nghị định quy định về quản lý, kết nối và chia sẻ dữ liệu số của cơ quan nhà nước.</p>"
		  "<p>Quy chế Cổng thông tin điện tử tỉnh Vĩnh Long (Điều 16, Điều 33) và Quy chế Cổng thông "
		  "tin điện tử tỉnh Bến Tre áp dụng Nghị định này cho việc kết nối, chia sẻ, trao đổi thông "
		  "tin giữa Cổng chính, các Cổng thành phần chưa tích hợp và các hệ thống thông tin khác.</p>" },

	/* issued: seed 000 ("ngày 09 tháng 11 năm 2024"); effective: known */
	{ .site = "main", .number = "147/2024/NĐ-CP", .type = "Nghị định", .issuer = "Chính phủ",
	  .signer = NULL, .signer_title = NULL,
	  .issued = "2024-11-09", .effective = "2024-12-25", .expires = NULL,
	  .title = "Về quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng",
	  .fields = "Công nghệ thông tin;Báo chí – Xuất bản", .scope = "trung-uong",
	  .body = "<p>Nghị định quy định về quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin "
		  "trên mạng, thay thế Nghị định số 72/2013/NĐ-CP.</p>"
		  "<p>Quy chế Cổng thông tin điện tử tỉnh Đồng Tháp dựa vào Điều 21 và khoản 1 Điều 28 của "
		  "Nghị định khi yêu cầu mọi nơi sử dụng lại tin, bài, ảnh của Cổng phải ghi rõ tên nguồn "
		  "và địa chỉ truy cập.</p>",
	  .can_cu = "76/2015/QH13;47/2019/QH14",
	  .thay_the = "72/2013/NĐ-CP;27/2018/NĐ-CP" },

	/* issued: seed 003 ("ngày 15/7/2013"); effective: known; expires: known (as 147/2024 takes
	 * effect) */
	{ .site = "main", .number = "72/2013/NĐ-CP", .type = "Nghị định", .issuer = "Chính phủ",
	  .signer = "Nguyễn Tấn Dũng", .signer_title = "Thủ tướng Chính phủ",
	  .issued = "2013-07-15", .effective = "2013-09-01", .expires = "2024-12-25",
	  .title = "Quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng",
	  .fields = "Công nghệ thông tin;Báo chí – Xuất bản", .scope = "trung-uong",
	  .body = "<p>Nghị định quy định chi tiết việc quản lý, cung cấp, sử dụng dịch vụ Internet, tài "
		  "nguyên Internet, thông tin trên mạng, trò chơi điện tử trên mạng.</p>"
		  "<p>Quy chế Cổng Thông tin - Giao tiếp điện tử tỉnh Vĩnh Phúc yêu cầu ghi chính xác nguồn "
		  "tin chính thức khi đăng lại thông tin của cơ quan báo chí hoặc trang thông tin khác "
		  "theo khoản 2 Điều 20 của Nghị định. Nghị định đã được thay thế bởi Nghị định số "
		  "147/2024/NĐ-CP.</p>",
	  .can_cu = "32/2001/QH10;67/2006/QH11" },

	/* issued: seed 003 ("ngày 10/4/2007") */
	{ .site = "main", .number = "64/2007/NĐ-CP", .type = "Nghị định", .issuer = "Chính phủ",
	  .signer = NULL, .signer_title = NULL,
	  .issued = "2007-04-10", .effective = NULL, .expires = NULL,
	  .title = "Về việc ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước",
	  .fields = "Công nghệ thông tin;Bộ máy hành chính", .scope = "trung-uong",
	  .body = "<p>Nghị định quy định việc ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà "
		  "nước, trong đó có việc xây dựng và cung cấp thông tin trên trang thông tin điện tử của "
		  "cơ quan nhà nước.</p>"
		  "<p>Nghị định là một căn cứ ban hành Quy chế Cổng Thông tin - Giao tiếp điện tử tỉnh Vĩnh "
		  "Phúc năm 2017.</p>",
	  .can_cu = "32/2001/QH10;67/2006/QH11" },

	/* issued: seed 004 ("ngày 23 tháng 01 năm 2018"); effective: known (with the Law) */
	{ .site = "main", .number = "13/2018/NĐ-CP", .type = "Nghị định", .issuer = "Chính phủ",
	  .signer = NULL, .signer_title = NULL,
	  .issued = "2018-01-23", .effective = "2018-07-01", .expires = NULL,
	  .title = "Quy định chi tiết và biện pháp thi hành Luật Tiếp cận thông tin",
	  .fields = "Tiếp cận thông tin;Bộ máy hành chính", .scope = "trung-uong",
	  .body = "<p>Nghị định quy định chi tiết và biện pháp thi hành Luật Tiếp cận thông tin: việc lập "
		  "và công khai danh mục thông tin phải được công khai, đầu mối cung cấp thông tin, tiếp "
		  "nhận và giải quyết yêu cầu cung cấp thông tin, kể cả yêu cầu gửi qua mạng điện tử, và "
		  "các mẫu phiếu yêu cầu.</p>"
		  "<p>Cổng thông tin điện tử là nơi đăng danh mục thông tin phải công khai và tiếp nhận "
		  "yêu cầu cung cấp thông tin trực tuyến. Quy chế Cổng thông tin điện tử tỉnh Bến Tre viện "
		  "dẫn Nghị định này.</p>",
	  .can_cu = "76/2015/QH13;104/2016/QH13",
	  .huong_dan = "104/2016/QH13" },

	/* issued: known */
	{ .site = "main", .number = "18/2014/NĐ-CP", .type = "Nghị định", .issuer = "Chính phủ",
	  .signer = NULL, .signer_title = NULL,
	  .issued = "2014-03-14", .effective = NULL, .expires = NULL,
	  .title = "Quy định về chế độ nhuận bút trong lĩnh vực báo chí, xuất bản",
	  .fields = "Báo chí – Xuất bản;Tài chính", .scope = "trung-uong",
	  .body = "<p>Nghị định quy định về chế độ nhuận bút, thù lao cho tác giả, chủ sở hữu quyền tác "
		  "giả và những người tham gia thực hiện các công việc liên quan đến tác phẩm báo chí, "
		  "xuất bản.</p>"
		  "<ul><li>Nhuận bút tính theo nhóm thể loại tác phẩm và hệ số tối đa của từng nhóm.</li>"
		  "<li>Giá trị một đơn vị hệ số nhuận bút bằng 10% mức lương cơ sở.</li>"
		  "<li>Quỹ thù lao cho biên tập viên, lãnh đạo và quỹ khuyến khích có mức trần theo tổng "
		  "nhuận bút.</li></ul>"
		  "<p>Quy chế Cổng Thông tin điện tử tỉnh Tuyên Quang căn cứ Nghị định này khi quy định chi "
		  "trả nhuận bút, thù lao.</p>" },

	/* issued: seed 000 ("ngày 12 tháng 6 năm 2025") */
	{ .site = "main", .number = "150/2025/NĐ-CP", .type = "Nghị định", .issuer = "Chính phủ",
	  .signer = NULL, .signer_title = NULL,
	  .issued = "2025-06-12", .effective = NULL, .expires = NULL,
	  .title = "Quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thành phố trực "
		   "thuộc trung ương và Ủy ban nhân dân xã, phường, đặc khu thuộc tỉnh, thành phố trực "
		   "thuộc trung ương",
	  .fields = "Bộ máy hành chính", .scope = "trung-uong",
	  .body = "<p>Nghị định quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh và "
		  "Ủy ban nhân dân cấp xã trong mô hình chính quyền địa phương hai cấp.</p>"
		  "<p>Theo khoản 12 Điều 8 của Nghị định, Văn phòng Ủy ban nhân dân tỉnh quản lý, vận hành "
		  "và duy trì Cổng thông tin điện tử của tỉnh; Quy chế Cổng thông tin điện tử tỉnh Vĩnh "
		  "Long (Điều 13) giao nhiệm vụ này cho Văn phòng trên cơ sở đó.</p>" },

	/* no date in the seeds */
	{ .site = "main", .number = "278/2025/NĐ-CP", .type = "Nghị định", .issuer = "Chính phủ",
	  .signer = NULL, .signer_title = NULL,
	  .issued = NULL, .effective = NULL, .expires = NULL,
	  .title = "Quy định về kết nối, chia sẻ dữ liệu bắt buộc giữa các cơ quan thuộc hệ thống chính trị",
	  .fields = "Dữ liệu;Công nghệ thông tin", .scope = "trung-uong",
	  .body = "<p>Nghị định quy định về kết nối, chia sẻ dữ liệu bắt buộc giữa các cơ quan thuộc hệ "
		  "thống chính trị.</p>"
		  "<p>Quy chế Cổng thông tin điện tử tỉnh Đồng Tháp năm 2026 áp dụng Nghị định này, cùng Luật "
		  "Giao dịch điện tử, cho việc kết nối, chia sẻ dữ liệu giữa Cổng thông tin điện tử tỉnh và "
		  "các Trang thông tin điện tử thành phần.</p>" },

	/* not cited by a seed (from the brief); issued, effective: known; signer: known */
	{ .site = "main", .number = "13/2023/NĐ-CP", .type = "Nghị định", .issuer = "Chính phủ",
	  .signer = "Trần Lưu Quang", .signer_title = "Phó Thủ tướng",
	  .issued = "2023-04-17", .effective = "2023-07-01", .expires = NULL,
	  .title = "Về bảo vệ dữ liệu cá nhân",
	  .fields = "Dữ liệu;An toàn thông tin", .scope = "trung-uong",
	  .body = "<p>Nghị định quy định về bảo vệ dữ liệu cá nhân và trách nhiệm bảo vệ dữ liệu cá nhân "
		  "của cơ quan, tổ chức, cá nhân có liên quan: sự đồng ý của chủ thể dữ liệu, quyền của "
		  "chủ thể dữ liệu, xử lý dữ liệu cá nhân nhạy cảm.</p>"
		  "<p>Cổng thông tin điện tử xử lý dữ liệu cá nhân của người hỏi, người góp ý và người yêu "
		  "cầu cung cấp thông tin, nên phải thông báo mục đích thu thập, chỉ thu thập dữ liệu cần "
		  "thiết và không công khai dữ liệu cá nhân khi đăng câu trả lời.</p>",
	  .can_cu = "76/2015/QH13;47/2019/QH14" },

	/* ------------------------------------------------------------------------------------ */
	/* Thông tư (Bộ Thông tin và Truyền thông)                                               */

	/* issued: seed 000 ("ngày 31 tháng 12 năm 2023") */
	{ .site = "main", .number = "22/2023/TT-BTTTT", .type = "Thông tư",
	  .issuer = "Bộ Thông tin và Truyền thông", .signer = NULL, .signer_title = NULL,
	  .issued = "2023-12-31", .effective = NULL, .expires = NULL,
	  .title = "Quy định cấu trúc, bố cục, yêu cầu kỹ thuật cho cổng thông tin điện tử và trang "
		   "thông tin điện tử của cơ quan nhà nước",
	  .fields = "Công nghệ thông tin;Dịch vụ công trực tuyến", .scope = "trung-uong",
	  .body = "<p>Thông tư quy định cấu trúc, bố cục và yêu cầu kỹ thuật của cổng thông tin điện tử "
		  "và trang thông tin điện tử của cơ quan nhà nước, hướng dẫn Nghị định số "
		  "42/2022/NĐ-CP.</p>"
		  "<ul><li>Trang chủ có phần đầu với tên đầy đủ của cơ quan, trình đơn chính, phần chân "
		  "trang với cơ quan chủ quản, người chịu trách nhiệm, địa chỉ, điện thoại, thư điện "
		  "tử.</li>"
		  "<li>Chức năng tối thiểu: tìm kiếm, sơ đồ cổng, liên kết, in và lưu tin bài.</li>"
		  "<li>Hỗ trợ thiết bị di động, IPv6, HTTPS, khả năng truy cập cho người khuyết tật.</li></ul>"
		  "<p>Các quy chế Cổng thông tin điện tử của Vĩnh Long, Đồng Tháp và Tuyên Quang yêu cầu "
		  "Cổng và các Cổng thành phần tuân thủ Thông tư này.</p>",
	  .can_cu = "42/2022/NĐ-CP",
	  .huong_dan = "42/2022/NĐ-CP" },

	/* issued: seed 000 ("ngày 12 tháng 9 năm 2017") */
	{ .site = "main", .number = "20/2017/TT-BTTTT", .type = "Thông tư",
	  .issuer = "Bộ Thông tin và Truyền thông", .signer = NULL, .signer_title = NULL,
	  .issued = "2017-09-12", .effective = NULL, .expires = NULL,
	  .title = "Quy định về điều phối, ứng cứu sự cố an toàn thông tin mạng trên toàn quốc",
	  .fields = "An toàn thông tin", .scope = "trung-uong",
	  .body = "<p>Thông tư quy định về điều phối, ứng cứu sự cố an toàn thông tin mạng trên toàn "
		  "quốc: phân loại sự cố, báo cáo sự cố, phương án ứng cứu và trách nhiệm của các cơ "
		  "quan, đơn vị.</p>"
		  "<p>Quy chế Cổng thông tin điện tử tỉnh Vĩnh Long (Điều 18) và tỉnh Tuyên Quang (Điều 9) "
		  "yêu cầu xử lý sự cố kỹ thuật và sự cố an toàn thông tin của Cổng theo Thông tư này.</p>",
	  .can_cu = "86/2015/QH13" },

	/* issued: seed 000 ("ngày 23 tháng 9 năm 2020") */
	{ .site = "main", .number = "26/2020/TT-BTTTT", .type = "Thông tư",
	  .issuer = "Bộ Thông tin và Truyền thông", .signer = NULL, .signer_title = NULL,
	  .issued = "2020-09-23", .effective = NULL, .expires = NULL,
	  .title = "Quy định việc áp dụng tiêu chuẩn, công nghệ hỗ trợ người khuyết tật tiếp cận, sử dụng "
		   "sản phẩm, dịch vụ thông tin và truyền thông",
	  .fields = "Công nghệ thông tin;Người khuyết tật", .scope = "trung-uong",
	  .body = "<p>Thông tư quy định việc áp dụng tiêu chuẩn, công nghệ hỗ trợ người khuyết tật tiếp "
		  "cận, sử dụng sản phẩm, dịch vụ thông tin và truyền thông, trong đó có cổng thông tin "
		  "điện tử của cơ quan nhà nước.</p>"
		  "<p>Các yêu cầu gồm: độ tương phản, văn bản thay thế cho hình ảnh, tiêu đề và liên kết có "
		  "nghĩa, sử dụng được bằng bàn phím và thay đổi được cỡ chữ. Quy chế Cổng thông tin điện "
		  "tử tỉnh Vĩnh Long và tỉnh Đồng Tháp viện dẫn Thông tư này.</p>" },

	/* no date in the seeds */
	{ .site = "main", .number = "25/2010/TT-BTTTT", .type = "Thông tư",
	  .issuer = "Bộ Thông tin và Truyền thông", .signer = NULL, .signer_title = NULL,
	  .issued = NULL, .effective = NULL, .expires = NULL,
	  .title = "Quy định việc thu thập, sử dụng, chia sẻ, đảm bảo an toàn và bảo vệ thông tin cá nhân "
		   "trên trang thông tin điện tử hoặc cổng thông tin điện tử của cơ quan nhà nước",
	  .fields = "Dữ liệu;An toàn thông tin", .scope = "trung-uong",
	  .body = "<p>Thông tư quy định việc thu thập, sử dụng, chia sẻ, bảo đảm an toàn và bảo vệ thông "
		  "tin cá nhân trên trang thông tin điện tử hoặc cổng thông tin điện tử của cơ quan nhà "
		  "nước.</p>"
		  "<p>Quy chế Cổng thông tin điện tử tỉnh Đồng Tháp (Điều 10) yêu cầu Cổng tỉnh và các Trang "
		  "thành phần tuân thủ Thông tư này cùng Luật An toàn thông tin mạng và Luật Bảo vệ dữ "
		  "liệu cá nhân.</p>" },

	/* not cited by a seed (from the brief); issued: known */
	{ .site = "main", .number = "12/2022/TT-BTTTT", .type = "Thông tư",
	  .issuer = "Bộ Thông tin và Truyền thông", .signer = NULL, .signer_title = NULL,
	  .issued = "2022-08-12", .effective = NULL, .expires = NULL,
	  .title = "Quy định chi tiết và hướng dẫn một số điều của Nghị định số 85/2016/NĐ-CP ngày 01 "
		   "tháng 7 năm 2016 của Chính phủ về bảo đảm an toàn hệ thống thông tin theo cấp độ",
	  .fields = "An toàn thông tin", .scope = "trung-uong",
	  .body = "<p>Thông tư hướng dẫn việc xác định cấp độ an toàn hệ thống thông tin, hồ sơ đề xuất "
		  "cấp độ và các yêu cầu bảo đảm an toàn cơ bản cho từng cấp độ theo Nghị định số "
		  "85/2016/NĐ-CP.</p>"
		  "<p>Với cổng thông tin điện tử ở cấp độ 3, các yêu cầu bao gồm: quản lý tài khoản và "
		  "phân quyền tối thiểu, chính sách mật khẩu, ghi và lưu nhật ký hệ thống, sao lưu dự "
		  "phòng và kiểm tra, đánh giá an toàn định kỳ.</p>",
	  .can_cu = "85/2016/NĐ-CP",
	  .huong_dan = "85/2016/NĐ-CP",
	  .thay_the = "03/2017/TT-BTTTT" },

	/* ------------------------------------------------------------------------------------ */
	/* Other provinces: the seed regulations and the decisions they repeal or replace        */

	/* seed 004. issued: seed 004 (01/4/2024); effective: seed 004 (Điều 2: 11/4/2024). No signer
	 * in the seed text. */
	{ .site = "main", .number = "12/2024/QĐ-UBND", .type = "Quyết định", .issuer = "UBND tỉnh Bến Tre",
	  .signer = NULL, .signer_title = NULL,
	  .issued = "2024-04-01", .effective = "2024-04-11", .expires = NULL,
	  .title = "Ban hành Quy chế quản lý, vận hành, cung cấp thông tin và duy trì hoạt động Cổng thông "
		   "tin điện tử tỉnh Bến Tre",
	  .fields = "Công nghệ thông tin;Bộ máy hành chính", .scope = "tinh",
	  .body = "<p>Quyết định ban hành Quy chế quản lý, vận hành, cung cấp thông tin và duy trì hoạt "
		  "động Cổng thông tin điện tử tỉnh Bến Tre.</p>"
		  "<p><strong>Điều 1. Phạm vi điều chỉnh.</strong> Quy chế này quy định về quản lý, vận "
		  "hành, cung cấp thông tin và duy trì hoạt động Cổng thông tin điện tử tỉnh Bến Tre, bao "
		  "gồm: Cổng thông tin điện tử của Ủy ban nhân dân tỉnh và Cổng/Trang thông tin điện tử các "
		  "sở, ban, ngành tỉnh; các đơn vị trực thuộc Ủy ban nhân dân tỉnh; Ủy ban nhân dân các "
		  "huyện, thành phố, Ủy ban nhân dân các xã, phường, thị trấn được tích hợp hoặc chưa tích "
		  "hợp vào hệ thống Cổng thông tin điện tử tỉnh.</p>"
		  "<p>Quy chế quy định tên miền đến cấp 5 (Điều 5), chức năng hỗ trợ (Điều 6), tương tác với "
		  "người dân (Điều 7), chia sẻ thông tin bằng dịch vụ web (Điều 8) và các yêu cầu an toàn "
		  "thông tin như độ phức tạp của mật khẩu và phân quyền tối thiểu (Điều 20).</p>"
		  "<p>Sau khi tỉnh Bến Tre hợp nhất vào tỉnh Vĩnh Long năm 2025, Quy chế Cổng thông tin điện "
		  "tử tỉnh Vĩnh Long năm 2026 quy định Quyết định này hết hiệu lực.</p>",
	  .can_cu = "77/2015/QH13;47/2019/QH14;80/2015/QH13;63/2020/QH14;67/2006/QH11;86/2015/QH13;"
		    "104/2016/QH13;13/2018/NĐ-CP;42/2022/NĐ-CP",
	  .thay_the = "03/2019/QĐ-UBND" },

	/* named by seed 004. issued: seed 004 (11/01/2019); expires: computed from seed 004 (replaced
	 * by 12/2024 from 11/4/2024) */
	{ .site = "main", .number = "03/2019/QĐ-UBND", .type = "Quyết định", .issuer = "UBND tỉnh Bến Tre",
	  .signer = NULL, .signer_title = NULL,
	  .issued = "2019-01-11", .effective = NULL, .expires = "2024-04-11",
	  .title = "Ban hành Quy chế quản lý, vận hành, cung cấp thông tin và duy trì hoạt động Cổng thông "
		   "tin điện tử tỉnh Bến Tre",
	  .fields = "Công nghệ thông tin;Bộ máy hành chính", .scope = "tinh",
	  .body = "<p>Quyết định ban hành Quy chế quản lý, vận hành, cung cấp thông tin và duy trì hoạt "
		  "động Cổng thông tin điện tử tỉnh Bến Tre năm 2019.</p>"
		  "<p>Quyết định được thay thế bởi Quyết định số 12/2024/QĐ-UBND ngày 01/4/2024 của Ủy ban "
		  "nhân dân tỉnh Bến Tre, kể từ ngày 11/4/2024.</p>" },

	/* seed 003. issued: seed 003 (17/8/2017); effective: computed from seed 003 ("sau 10 ngày kể
	 * từ ngày ký"); signer: seed 003 (KT. Chủ tịch). */
	{ .site = "main", .number = "26/2017/QĐ-UBND", .type = "Quyết định", .issuer = "UBND tỉnh Vĩnh Phúc",
	  .signer = "Vũ Việt Văn", .signer_title = "Phó Chủ tịch UBND tỉnh",
	  .issued = "2017-08-17", .effective = "2017-08-27", .expires = NULL,
	  .title = "Ban hành Quy chế Quản lý và cung cấp thông tin trên Cổng Thông tin - Giao tiếp điện tử "
		   "tỉnh Vĩnh Phúc",
	  .fields = "Công nghệ thông tin;Bộ máy hành chính", .scope = "tinh",
	  .body = "<p>Quyết định ban hành Quy chế Quản lý và cung cấp thông tin trên Cổng Thông tin - Giao "
		  "tiếp điện tử tỉnh Vĩnh Phúc, theo đề nghị của Sở Thông tin và Truyền thông.</p>"
		  "<p><strong>Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng.</strong> Quy chế này quy "
		  "định về quản lý và cung cấp thông tin trên Cổng Thông tin - Giao tiếp điện tử tỉnh Vĩnh "
		  "Phúc. Quy chế áp dụng cho các sở, ban, ngành, UBND các huyện, thành phố, thị xã trên địa "
		  "bàn tỉnh; các tổ chức, cá nhân tham gia cung cấp thông tin trên Cổng.</p>"
		  "<p>Quy chế có danh mục nội dung chi tiết nhất trong các quy chế cùng loại (Điều 4): văn "
		  "bản quy phạm pháp luật, Công báo, thủ tục hành chính, dự án, chương trình khoa học, lấy "
		  "ý kiến góp ý, hỏi đáp, thống kê, thông tin tiếng Anh, dữ liệu đặc tả, tìm kiếm và in "
		  "tin bài; và quy định thời hạn cập nhật (Điều 7), sao lưu hằng ngày (Điều 8).</p>",
	  .can_cu = "77/2015/QH13;67/2006/QH11;64/2007/NĐ-CP;43/2011/NĐ-CP;72/2013/NĐ-CP" },

	/* named by seed 001 (repealed by the Đồng Tháp draft). issued: seed 001 (18/12/2024) */
	{ .site = "main", .number = "79/2024/QĐ-UBND", .type = "Quyết định", .issuer = "UBND tỉnh Tiền Giang",
	  .signer = NULL, .signer_title = NULL,
	  .issued = "2024-12-18", .effective = NULL, .expires = NULL,
	  .title = "Ban hành Quy chế quản lý, vận hành và cung cấp thông tin trên Cổng thông tin điện tử "
		   "tỉnh Tiền Giang và Trang thông tin điện tử thành phần",
	  .fields = "Công nghệ thông tin;Bộ máy hành chính", .scope = "tinh",
	  .body = "<p>Quyết định ban hành Quy chế quản lý, vận hành và cung cấp thông tin trên Cổng thông "
		  "tin điện tử tỉnh Tiền Giang và Trang thông tin điện tử thành phần.</p>"
		  "<p>Sau khi tỉnh Tiền Giang hợp nhất vào tỉnh Đồng Tháp năm 2025, dự thảo Quy chế Cổng "
		  "thông tin điện tử tỉnh Đồng Tháp năm 2026 bãi bỏ Quyết định này.</p>" },

	/* named by seed 002 (repealed by the Tuyên Quang draft). issued: seed 002 (29/7/2024) */
	{ .site = "main", .number = "15/2024/QĐ-UBND", .type = "Quyết định", .issuer = "UBND tỉnh Tuyên Quang",
	  .signer = NULL, .signer_title = NULL,
	  .issued = "2024-07-29", .effective = NULL, .expires = NULL,
	  .title = "Ban hành Quy chế hoạt động Cổng Thông tin điện tử tỉnh Tuyên Quang",
	  .fields = "Công nghệ thông tin;Bộ máy hành chính", .scope = "tinh",
	  .body = "<p>Quyết định ban hành Quy chế hoạt động Cổng Thông tin điện tử tỉnh Tuyên Quang.</p>"
		  "<p>Dự thảo Quy chế quản lý, vận hành và cung cấp thông tin Cổng Thông tin điện tử tỉnh "
		  "Tuyên Quang năm 2026 bãi bỏ toàn bộ Quyết định này.</p>" },

	/* named by seed 002. issued: seed 002 (29/9/2025) */
	{ .site = "main", .number = "764/QĐ-UBND", .type = "Quyết định", .issuer = "UBND tỉnh Tuyên Quang",
	  .signer = NULL, .signer_title = NULL,
	  .issued = "2025-09-29", .effective = NULL, .expires = NULL,
	  .title = "Về việc áp dụng các Quyết định quy phạm pháp luật của Ủy ban nhân dân tỉnh Tuyên Quang "
		   "và tỉnh Hà Giang trước sắp xếp trên địa bàn tỉnh Tuyên Quang",
	  .fields = "Văn bản quy phạm pháp luật;Bộ máy hành chính", .scope = "tinh",
	  .body = "<p>Sau khi tỉnh Hà Giang và tỉnh Tuyên Quang hợp nhất, Quyết định xác định các quyết "
		  "định quy phạm pháp luật của hai tỉnh trước sắp xếp tiếp tục được áp dụng trên địa bàn "
		  "tỉnh Tuyên Quang mới, liệt kê tại các phụ lục.</p>"
		  "<p>Dự thảo Quy chế Cổng Thông tin điện tử tỉnh Tuyên Quang năm 2026 bãi bỏ số thứ tự 112 "
		  "Mục XII Phụ lục II của Quyết định này.</p>" },

	/* ------------------------------------------------------------------------------------ */
	/* Vĩnh Long (the demo province): real documents named by seed 000                      */

	/* issued: seed 000 (28/7/2006) */
	{ .site = "main", .number = "1559/QĐ-UBND", .type = "Quyết định",
	  .issuer = "Chủ tịch UBND tỉnh Vĩnh Long", .signer = NULL, .signer_title = NULL,
	  .issued = "2006-07-28", .effective = NULL, .expires = NULL,
	  .title = "Về việc thành lập Cổng thông tin điện tử tỉnh Vĩnh Long trên mạng Internet",
	  .fields = "Công nghệ thông tin;Bộ máy hành chính", .scope = "tinh",
	  .body = "<p>Quyết định thành lập Cổng thông tin điện tử tỉnh Vĩnh Long trên mạng Internet.</p>"
		  "<p>Quyết định là căn cứ cuối cùng trong danh sách căn cứ của Quy chế quản lý, vận hành và "
		  "cung cấp thông tin trên hệ thống Cổng thông tin điện tử tỉnh Vĩnh Long năm 2026.</p>" },

	/* issued: seed 000 (31/12/2021). Ended by 901/2026/QĐ-UBND (DEMO), whose effective date is
	 * invented, so expires stays NULL here. */
	{ .site = "main", .number = "4531/QĐ-UBND", .type = "Quyết định",
	  .issuer = "Chủ tịch UBND tỉnh Vĩnh Long", .signer = NULL, .signer_title = NULL,
	  .issued = "2021-12-31", .effective = NULL, .expires = NULL,
	  .title = "Về ban hành Quy chế quản lý và vận hành Hệ thống Cổng thông tin điện tử tỉnh Vĩnh Long",
	  .fields = "Công nghệ thông tin;Bộ máy hành chính", .scope = "tinh",
	  .body = "<p>Quyết định ban hành Quy chế quản lý và vận hành Hệ thống Cổng thông tin điện tử tỉnh "
		  "Vĩnh Long năm 2021.</p>"
		  "<p>Quyết định hết hiệu lực kể từ ngày Quyết định ban hành Quy chế quản lý, vận hành và "
		  "cung cấp thông tin trên hệ thống Cổng thông tin điện tử tỉnh Vĩnh Long năm 2026 có hiệu "
		  "lực thi hành.</p>" },

	/* issued: seed 000 (02/7/2025) */
	{ .site = "main", .number = "01/2025/QĐ-UBND", .type = "Quyết định", .issuer = "UBND tỉnh Vĩnh Long",
	  .signer = NULL, .signer_title = NULL,
	  .issued = "2025-07-02", .effective = NULL, .expires = NULL,
	  .title = "Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Văn phòng Ủy ban nhân "
		   "dân tỉnh Vĩnh Long",
	  .fields = "Bộ máy hành chính", .scope = "tinh",
	  .body = "<p>Quyết định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Văn phòng "
		  "Ủy ban nhân dân tỉnh Vĩnh Long sau khi sắp xếp đơn vị hành chính năm 2025.</p>"
		  "<p>Theo điểm c khoản 7 Điều 2 của Quyết định, Văn phòng Ủy ban nhân dân tỉnh quản lý, "
		  "vận hành Cổng thông tin điện tử của tỉnh; Quy chế Cổng thông tin điện tử tỉnh Vĩnh Long "
		  "(Điều 13) dẫn chiếu quy định này.</p>",
	  .can_cu = "72/2025/QH15;64/2025/QH15;150/2025/NĐ-CP" },

	/* ------------------------------------------------------------------------------------ */
	/* Vĩnh Long: DEMO documents. Numbers ≥ 900, dates and content invented for the demo      */
	/* (except 901, whose text is seed 000); no signer.                                      */

	/* DEMO number and day. The text is seed 000 (the 2026 draft, number left blank); the seed
	 * gives the effective month (January 2026) and its Căn cứ list. */
	{ .site = "main", .number = "901/2026/QĐ-UBND", .type = "Quyết định",
	  .issuer = "UBND tỉnh Vĩnh Long", .signer = NULL, .signer_title = NULL,
	  .issued = "2026-01-06", .effective = "2026-01-16", .expires = NULL,
	  .title = "Ban hành Quy chế quản lý, vận hành và cung cấp thông tin trên hệ thống Cổng thông tin "
		   "điện tử tỉnh Vĩnh Long",
	  .fields = "Công nghệ thông tin;Bộ máy hành chính;An toàn thông tin", .scope = "tinh",
	  .body = "<p>Quyết định ban hành Quy chế quản lý, vận hành và cung cấp thông tin trên hệ thống "
		  "Cổng thông tin điện tử tỉnh Vĩnh Long, theo đề nghị của Chánh Văn phòng Ủy ban nhân dân "
		  "tỉnh.</p>"
		  "<p><strong>Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng.</strong> Quy chế này quy "
		  "định việc thiết lập, quản lý và duy trì hoạt động của Hệ thống Cổng thông tin điện tử "
		  "tỉnh Vĩnh Long, bao gồm: Cổng thông tin điện tử của Uỷ ban nhân dân tỉnh (gọi tắt là Cổng "
		  "chính) và Cổng thông tin điện tử các sở, ban, ngành tỉnh, Trang thông tin điện tử Uỷ ban "
		  "nhân dân các xã, phường (gọi tắt là Cổng thành phần) được tích hợp hoặc chưa tích hợp "
		  "vào Cổng chính.</p>"
		  "<p>Một số quy định chính:</p>"
		  "<ul><li>Cổng chính có phiên bản tiếng Việt, tiếng Anh và tiếng Khmer; Cổng thành phần "
		  "dùng tên miền cấp 4, ví dụ snv.vinhlong.gov.vn, chauthanh.vinhlong.gov.vn (Điều 5).</li>"
		  "<li>Văn bản quy phạm pháp luật của UBND tỉnh được cập nhật trong 02 ngày làm việc, văn "
		  "bản của Trung ương trong 08 ngày làm việc kể từ khi ban hành (Điều 9).</li>"
		  "<li>Dữ liệu được sao lưu theo nguyên tắc 3-2-1 (Điều 10); thông tin được Ban Biên tập "
		  "kiểm duyệt trước khi đăng và có thể bị từ chối vì các lý do tại khoản 3 Điều 11.</li>"
		  "<li>Cổng bắt buộc người dùng thay đổi mật khẩu sau 3 tháng (Điều 15).</li></ul>"
		  "<p>Quyết định này thay thế Quyết định số 4531/QĐ-UBND ngày 31/12/2021 của Chủ tịch Ủy ban "
		  "nhân dân tỉnh Vĩnh Long và Quyết định số 12/2024/QĐ-UBND ngày 01/4/2024 của Ủy ban nhân "
		  "dân tỉnh Bến Tre.</p>",
	  .can_cu = VL_PORTAL_BASES,
	  /* the seed says both "hết hiệu lực kể từ ngày Quyết định này có hiệu lực": a replacement of
	   * the same subject, not a bare repeal */
	  .thay_the = "4531/QĐ-UBND;12/2024/QĐ-UBND" },

	/* DEMO: invented number and dates */
	{ .site = "main", .number = "902/2026/QĐ-UBND", .type = "Quyết định",
	  .issuer = "UBND tỉnh Vĩnh Long", .signer = NULL, .signer_title = NULL,
	  .issued = "2026-02-24", .effective = "2026-03-06", .expires = NULL,
	  .title = "Quy định chế độ nhuận bút, thù lao đối với tác phẩm, thông tin được đăng tải trên hệ "
		   "thống Cổng thông tin điện tử tỉnh Vĩnh Long",
	  .fields = "Báo chí – Xuất bản;Tài chính;Công nghệ thông tin", .scope = "tinh",
	  .body = "<p>Quyết định quy định khung hệ số nhuận bút cho từng nhóm tác phẩm đăng trên Cổng chính "
		  "và các Cổng thành phần (tin, bài, ảnh, video, bản dịch, trả lời bạn đọc), mức thù lao "
		  "cho Ban Biên tập và việc chi trả theo quy định tại Điều 20 Quy chế Cổng thông tin điện "
		  "tử tỉnh.</p>"
		  "<ul><li>Giá trị một đơn vị hệ số nhuận bút bằng 10% mức lương cơ sở.</li>"
		  "<li>Nhuận bút được chi trả chậm nhất 60 ngày kể từ ngày tác phẩm được đăng.</li>"
		  "<li>Thủ trưởng cơ quan chủ quản quyết định hệ số cụ thể trong khung.</li></ul>",
	  .can_cu = "72/2025/QH15;64/2025/QH15;103/2016/QH13;18/2014/NĐ-CP;901/2026/QĐ-UBND" },

	/* DEMO: invented number and dates */
	{ .site = "main", .number = "903/2026/QĐ-UBND", .type = "Quyết định",
	  .issuer = "UBND tỉnh Vĩnh Long", .signer = NULL, .signer_title = NULL,
	  .issued = "2026-04-14", .effective = "2026-04-25", .expires = NULL,
	  .title = "Ban hành Quy chế bảo đảm an toàn thông tin mạng trong hoạt động của cơ quan nhà nước "
		   "trên địa bàn tỉnh Vĩnh Long",
	  .fields = "An toàn thông tin;An ninh mạng;Công nghệ thông tin", .scope = "tinh",
	  .body = "<p>Quyết định ban hành Quy chế bảo đảm an toàn thông tin mạng áp dụng cho các sở, ban, "
		  "ngành tỉnh và Ủy ban nhân dân các xã, phường.</p>"
		  "<ul><li>Mỗi hệ thống thông tin được xác định cấp độ theo Nghị định số 85/2016/NĐ-CP; Cổng "
		  "thông tin điện tử tỉnh ở cấp độ 3.</li>"
		  "<li>Tài khoản dùng riêng cho từng người, khóa sau nhiều lần đăng nhập sai, mật khẩu đủ "
		  "độ phức tạp; quản trị viên dùng xác thực hai yếu tố.</li>"
		  "<li>Nhật ký hệ thống được lưu ít nhất 12 tháng; sự cố được báo cáo và ứng cứu theo "
		  "Thông tư số 20/2017/TT-BTTTT.</li></ul>",
	  .can_cu = "72/2025/QH15;64/2025/QH15;86/2015/QH13;24/2018/QH14;85/2016/NĐ-CP;"
		    "20/2017/TT-BTTTT;12/2022/TT-BTTTT" },

	/* DEMO: invented number and date */
	{ .site = "main", .number = "904/KH-UBND", .type = "Kế hoạch",
	  .issuer = "UBND tỉnh Vĩnh Long", .signer = NULL, .signer_title = NULL,
	  .issued = "2026-01-20", .effective = NULL, .expires = NULL,
	  .title = "Chuyển đổi số tỉnh Vĩnh Long năm 2026",
	  .fields = "Công nghệ thông tin;Dịch vụ công trực tuyến;Dữ liệu", .scope = "tinh",
	  .body = "<p>Kế hoạch đặt các nhiệm vụ chuyển đổi số của tỉnh năm 2026 cho các sở, ban, ngành và "
		  "Ủy ban nhân dân các xã, phường.</p>"
		  "<ul><li>Hoàn thành tích hợp các Cổng thành phần thành Cổng con của Cổng chính trước ngày "
		  "30/6/2026.</li>"
		  "<li>Cung cấp dữ liệu mở về văn bản, thủ tục hành chính, dự án và thống kê qua giao diện "
		  "lập trình của Cổng chính.</li>"
		  "<li>Kết nối Cổng chính và các Cổng thành phần với hệ thống đo lường, đánh giá mức độ "
		  "cung cấp và sử dụng dịch vụ Chính phủ số.</li></ul>",
	  .can_cu = "749/QĐ-TTg;42/2022/NĐ-CP;901/2026/QĐ-UBND" },

	/* DEMO: invented number and date */
	{ .site = "main", .number = "905/CT-UBND", .type = "Chỉ thị",
	  .issuer = "UBND tỉnh Vĩnh Long", .signer = NULL, .signer_title = NULL,
	  .issued = "2026-03-02", .effective = "2026-03-02", .expires = NULL,
	  .title = "Về tăng cường cung cấp thông tin và bảo đảm an toàn thông tin trên hệ thống Cổng "
		   "thông tin điện tử tỉnh Vĩnh Long",
	  .fields = "Công nghệ thông tin;An toàn thông tin", .scope = "tinh",
	  .body = "<p>Để thực hiện nghiêm Quy chế quản lý, vận hành và cung cấp thông tin trên hệ thống "
		  "Cổng thông tin điện tử tỉnh, Ủy ban nhân dân tỉnh yêu cầu:</p>"
		  "<ul><li>Thủ trưởng các sở, ban, ngành và Chủ tịch Ủy ban nhân dân các xã, phường cung cấp "
		  "thông tin đúng thời hạn tại Điều 9 của Quy chế; văn bản của tỉnh được đăng trong 02 ngày "
		  "làm việc.</li>"
		  "<li>Trả lời câu hỏi, phản ánh, kiến nghị của người dân chậm nhất 15 ngày làm việc và công "
		  "khai câu trả lời trên Cổng.</li>"
		  "<li>Rà soát tài khoản quản trị, thay mật khẩu định kỳ, báo cáo ngay sự cố mất an toàn "
		  "thông tin về Văn phòng Ủy ban nhân dân tỉnh.</li></ul>" },

	/* DEMO: invented number and date */
	{ .site = "main", .number = "906/QĐ-UBND", .type = "Quyết định",
	  .issuer = "UBND tỉnh Vĩnh Long", .signer = NULL, .signer_title = NULL,
	  .issued = "2026-01-26", .effective = "2026-01-26", .expires = NULL,
	  .title = "Về việc kiện toàn Ban Biên tập Cổng thông tin điện tử tỉnh Vĩnh Long",
	  .fields = "Công nghệ thông tin;Bộ máy hành chính", .scope = "tinh",
	  .body = "<p>Quyết định kiện toàn Ban Biên tập Cổng thông tin điện tử tỉnh Vĩnh Long theo khoản 2 "
		  "Điều 13 Quy chế quản lý, vận hành và cung cấp thông tin trên hệ thống Cổng thông tin điện "
		  "tử tỉnh.</p>"
		  "<p>Ban Biên tập gồm Trưởng ban là lãnh đạo Văn phòng Ủy ban nhân dân tỉnh, các Phó Trưởng "
		  "ban, biên tập viên và thành viên kỹ thuật; Ban Biên tập tổ chức thu thập, biên tập, phê "
		  "duyệt và đăng tải thông tin trên Cổng chính, tiếp nhận tin, bài từ các Cổng thành phần.</p>",
	  .can_cu = "72/2025/QH15;901/2026/QĐ-UBND" },

	/* DEMO: invented number and date */
	{ .site = "main", .number = "907/QĐ-UBND", .type = "Quyết định",
	  .issuer = "UBND tỉnh Vĩnh Long", .signer = NULL, .signer_title = NULL,
	  .issued = "2026-06-08", .effective = "2026-06-08", .expires = NULL,
	  .title = "Ban hành Danh mục thông tin phải được công khai của Ủy ban nhân dân tỉnh Vĩnh Long",
	  .fields = "Tiếp cận thông tin;Bộ máy hành chính", .scope = "tinh",
	  .body = "<p>Quyết định ban hành Danh mục thông tin phải được công khai của Ủy ban nhân dân tỉnh "
		  "theo Luật Tiếp cận thông tin, đăng tại mục \"Tiếp cận thông tin\" của Cổng chính.</p>"
		  "<p>Mỗi thông tin trong Danh mục ghi rõ tên, số, ngày tạo lập, hình thức và thời điểm, "
		  "thời hạn công khai, cùng đường dẫn tải về. Văn phòng Ủy ban nhân dân tỉnh là đầu mối "
		  "tiếp nhận yêu cầu cung cấp thông tin, kể cả yêu cầu gửi trực tuyến trên Cổng.</p>",
	  .can_cu = "72/2025/QH15;104/2016/QH13;13/2018/NĐ-CP" },

	/* ------------------------------------------------------------------------------------ */
	/* Component sites: DEMO documents (invented numbers ≥ 900 and dates; no signer)           */

	{ .site = "snv", .number = "908/KH-SNV", .type = "Kế hoạch",
	  .issuer = "Sở Nội vụ tỉnh Vĩnh Long", .signer = NULL, .signer_title = NULL,
	  .issued = "2026-01-22", .effective = NULL, .expires = NULL,
	  .title = "Cải cách hành chính năm 2026 của Sở Nội vụ",
	  .fields = "Cải cách hành chính;Bộ máy hành chính", .scope = "don-vi",
	  .body = "<p>Kế hoạch cụ thể hóa nhiệm vụ cải cách hành chính năm 2026 của Sở Nội vụ: cải cách "
		  "thể chế, thủ tục hành chính, tổ chức bộ máy, chế độ công vụ và chính quyền số.</p>"
		  "<ul><li>Công khai đầy đủ thủ tục hành chính thuộc thẩm quyền của Sở trên Cổng thành "
		  "phần snv.vinhlong.gov.vn và Cổng Dịch vụ công quốc gia.</li>"
		  "<li>Cập nhật văn bản chỉ đạo, điều hành của Sở trong thời hạn quy định tại Điều 9 Quy chế "
		  "Cổng thông tin điện tử tỉnh.</li>"
		  "<li>Báo cáo tình hình hoạt động Cổng thành phần hằng quý về Văn phòng Ủy ban nhân dân "
		  "tỉnh.</li></ul>",
	  .can_cu = "904/KH-UBND;901/2026/QĐ-UBND" },

	{ .site = "syt", .number = "909/QĐ-SYT", .type = "Quyết định",
	  .issuer = "Sở Y tế tỉnh Vĩnh Long", .signer = NULL, .signer_title = NULL,
	  .issued = "2026-02-03", .effective = "2026-02-03", .expires = NULL,
	  .title = "Ban hành Quy chế tổ chức và hoạt động của Ban Biên tập Cổng thông tin điện tử Sở Y tế",
	  .fields = "Y tế;Công nghệ thông tin", .scope = "don-vi",
	  .body = "<p>Thực hiện khoản 2 Điều 29 Quy chế Cổng thông tin điện tử tỉnh, Giám đốc Sở Y tế ban "
		  "hành Quy chế tổ chức và hoạt động của Ban Biên tập Cổng thành phần syt.vinhlong.gov.vn.</p>"
		  "<p>Quy chế phân công người thu thập, tiếp nhận, biên tập, phê duyệt thông tin và cán bộ "
		  "kỹ thuật đầu mối; quy định việc đăng thông tin về dịch bệnh, khuyến cáo sức khỏe và giá "
		  "dịch vụ khám, chữa bệnh; trả lời câu hỏi của người dân trong lĩnh vực y tế.</p>",
	  .can_cu = "901/2026/QĐ-UBND" },

	{ .site = "sgddt", .number = "910/KH-SGDĐT", .type = "Kế hoạch",
	  .issuer = "Sở Giáo dục và Đào tạo tỉnh Vĩnh Long", .signer = NULL, .signer_title = NULL,
	  .issued = "2026-08-20", .effective = NULL, .expires = NULL,
	  .title = "Ứng dụng công nghệ thông tin, chuyển đổi số trong ngành giáo dục năm học 2026–2027",
	  .fields = "Giáo dục;Công nghệ thông tin", .scope = "don-vi",
	  .body = "<p>Kế hoạch triển khai ứng dụng công nghệ thông tin và chuyển đổi số trong các cơ sở "
		  "giáo dục năm học 2026–2027, theo Kế hoạch chuyển đổi số năm 2026 của tỉnh.</p>"
		  "<ul><li>Công bố thông tin tuyển sinh, kết quả thi và thủ tục hành chính của ngành trên Cổng "
		  "thành phần sgddt.vinhlong.gov.vn.</li>"
		  "<li>Bảo vệ dữ liệu cá nhân của học sinh theo Luật Bảo vệ dữ liệu cá nhân.</li></ul>",
	  .can_cu = "904/KH-UBND;91/2025/QH15" },

	{ .site = "chauthanh", .number = "911/QĐ-UBND", .type = "Quyết định",
	  .issuer = "UBND xã Châu Thành", .signer = NULL, .signer_title = NULL,
	  .issued = "2026-02-09", .effective = "2026-02-09", .expires = NULL,
	  .title = "Về việc thành lập Ban Biên tập Trang thông tin điện tử xã Châu Thành",
	  .fields = "Công nghệ thông tin;Bộ máy hành chính", .scope = "don-vi",
	  .body = "<p>Quyết định thành lập Ban Biên tập Trang thông tin điện tử xã Châu Thành "
		  "(chauthanh.vinhlong.gov.vn) theo khoản 3 Điều 14 và Điều 29 Quy chế Cổng thông tin điện "
		  "tử tỉnh.</p>"
		  "<p>Văn phòng HĐND và UBND xã là đơn vị quản trị, vận hành Trang, bảo đảm hoạt động ổn "
		  "định, an toàn; Ban Biên tập đăng tin hoạt động của xã, lịch tiếp công dân, thủ tục hành "
		  "chính và văn bản của xã.</p>",
	  .can_cu = "72/2025/QH15;901/2026/QĐ-UBND" },
};
const size_t demo_legal_ndocs = ARRAY_SIZE(demo_legal_docs);

/* DEMO: the issues of Công báo tỉnh Vĩnh Long are invented (numbers and dates); each lists only
 * documents of UBND tỉnh Vĩnh Long from the table above, published on or after their issue date. */
const struct demo_gazette demo_gazette_issues[] = {
	{ "Số 45+46", "2025-07-15", "01/2025/QĐ-UBND" },
	{ "Số 03+04", "2026-01-12", "901/2026/QĐ-UBND" },
	{ "Số 11+12", "2026-03-10", "902/2026/QĐ-UBND;905/CT-UBND" },
	{ "Số 17+18", "2026-04-21", "903/2026/QĐ-UBND" },
	{ "Số 25+26", "2026-06-16", "907/QĐ-UBND" },
};
const size_t demo_gazette_nissues = ARRAY_SIZE(demo_gazette_issues);
