/* tickets.c — the kinds of what citizens send, as descriptors (ticket.h; docs/citizens.md).
 * Each names its form's fields as a struct kind so that the item layer cleans and checks them
 * (with its Vietnamese messages); FF_PERSONAL fields are sealed at rest. */
#include "ticket.h"
#include "kind.h"
#include "consultation.h"
#include "inforeq.h"

#include <stddef.h>
#include <string.h>

#include "base/banned.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* The fields of life questions and feedback are asked about (the sectors of the national
 * database of administrative procedures, grouped); a board may classify under another. */
const struct kind_choice ticket_fields_of_life[] = {
	{ "Đất đai", "Đất đai" },
	{ "Xây dựng, nhà ở", "Xây dựng, nhà ở" },
	{ "Hộ tịch, cư trú, chứng thực", "Hộ tịch, cư trú, chứng thực" },
	{ "Lao động, việc làm, bảo hiểm xã hội", "Lao động, việc làm, bảo hiểm xã hội" },
	{ "Giáo dục, đào tạo", "Giáo dục, đào tạo" },
	{ "Y tế", "Y tế" },
	{ "Thuế, phí, lệ phí", "Thuế, phí, lệ phí" },
	{ "Đầu tư, doanh nghiệp", "Đầu tư, doanh nghiệp" },
	{ "Nông nghiệp, nông thôn", "Nông nghiệp, nông thôn" },
	{ "Giao thông, vận tải", "Giao thông, vận tải" },
	{ "Tài nguyên, môi trường", "Tài nguyên, môi trường" },
	{ "Văn hóa, thể thao, du lịch", "Văn hóa, thể thao, du lịch" },
	{ "Chính sách xã hội, người có công", "Chính sách xã hội, người có công" },
	{ "Khác", "Khác" },
	{ NULL, NULL },
};

#define PERSON_FIELDS(name_req, email_req)                                                                        \
	{ .key = "ho_ten", .label = "Họ và tên", .type = F_TEXT, .max = 100, .flags = FF_PERSONAL | (name_req),   \
	  .autocomplete = "name" },       \
	{ .key = "email", .label = "Thư điện tử", .type = F_TEXT, .max = 254, .flags = FF_PERSONAL | (email_req),      \
	  .help = "Để gửi thông báo tiếp nhận, kết quả và để Ông/Bà theo dõi; không công khai", .example = "dan@example.vn",   \
	  .autocomplete = "email" }

static const struct kind_field question_fields[] = {
	PERSON_FIELDS(FF_REQUIRED, FF_REQUIRED),
	{ .key = "dien_thoai", .label = "Số điện thoại", .type = F_TEXT, .max = 20, .flags = FF_PERSONAL, .autocomplete = "tel",
	  .help = "Không bắt buộc; để cơ quan trả lời liên hệ khi cần làm rõ" },
	{ .key = "dia_chi", .label = "Địa chỉ", .type = F_TEXT, .max = 300, .flags = FF_PERSONAL, .autocomplete = "street-address", .help = "Không bắt buộc" },
	{ .key = "linh_vuc", .label = "Lĩnh vực", .type = F_ENUM, .flags = FF_REQUIRED, .choices = ticket_fields_of_life },
	{ .key = "ten_cau_hoi", .label = "Tiêu đề câu hỏi", .type = F_TEXT, .max = 200, .flags = FF_REQUIRED },
	{ .key = "cau_hoi", .label = "Nội dung câu hỏi", .type = F_LONGTEXT, .max = 5000, .flags = FF_REQUIRED },
};

static const struct kind question_form = { .name = "question_form", .label = "Câu hỏi", .fields = question_fields,
					   .nfields = N(question_fields) };

static const char *const question_deadlines[] = { "hoi-dap", "hoi-dap-lien-nganh", "hoi-dap-phuc-tap", NULL };

static const struct ticket_kind ticket_question = {
	.name = "question",
	.segment = "cau-hoi",
	.label = "Câu hỏi",
	.code_prefix = "HD",
	.form = &question_form,
	.title_field = "ten_cau_hoi",
	.email_field = "email",
	.name_field = "ho_ten",
	.deadline_kind = "hoi-dap",
	.deadline_choices = question_deadlines,
	.item_kind = "qa",
	.why = "Họ tên và thư điện tử dùng để thông báo tiếp nhận, kết quả trả lời và để Ông/Bà theo dõi câu hỏi; "
	       "chỉ cán bộ xử lý câu hỏi được xem, được mã hóa khi lưu và tự động xóa sau thời hạn lưu. "
	       "Khi đăng công khai câu trả lời, chỉ tên viết tắt được hiển thị, trừ khi Ông/Bà đồng ý hiện tên.",
	.retention_days = 365,
	.per_email_day = 5,
	.per_addr_day = 20,
	.forwardable = 1,
	.attachments = 3,
};

static const struct kind_field feedback_fields[] = {
	PERSON_FIELDS(FF_REQUIRED, FF_REQUIRED),
	{ .key = "dien_thoai", .label = "Số điện thoại", .type = F_TEXT, .max = 20, .flags = FF_PERSONAL, .autocomplete = "tel",
	  .help = "Không bắt buộc" },
	{ .key = "dia_chi", .label = "Địa chỉ", .type = F_TEXT, .max = 300, .flags = FF_PERSONAL, .autocomplete = "street-address", .help = "Không bắt buộc" },
	{ .key = "linh_vuc", .label = "Lĩnh vực", .type = F_ENUM, .flags = FF_REQUIRED, .choices = ticket_fields_of_life },
	{ .key = "van_ban", .label = "Văn bản quy định liên quan", .type = F_REF, .max = 5, .ref_kind = "legal",
	  .help = "Số, ký hiệu văn bản, ví dụ 12/2024/QĐ-UBND; nhiều văn bản cách nhau dấu chấm phẩy" },
	{ .key = "thu_tuc", .label = "Thủ tục hành chính liên quan", .type = F_REF, .max = 5, .ref_kind = "procedure",
	  .help = "Mã thủ tục, ví dụ 1.001193" },
	{ .key = "ten_phan_anh", .label = "Tiêu đề", .type = F_TEXT, .max = 200, .flags = FF_REQUIRED },
	{ .key = "noi_dung_phan_anh", .label = "Nội dung phản ánh, kiến nghị", .type = F_LONGTEXT, .max = 5000,
	  .flags = FF_REQUIRED },
};

static const struct kind feedback_form = { .name = "feedback_form", .label = "Phản ánh, kiến nghị",
					   .fields = feedback_fields, .nfields = N(feedback_fields) };

static const struct ticket_kind ticket_feedback = {
	.name = "feedback",
	.segment = "phan-anh",
	.label = "Phản ánh, kiến nghị",
	.code_prefix = "PA",
	.form = &feedback_form,
	.title_field = "ten_phan_anh",
	.email_field = "email",
	.name_field = "ho_ten",
	.deadline_kind = "phan-anh-kien-nghi",
	.item_kind = "feedback",
	.why = "Họ tên và thư điện tử dùng để thông báo tiếp nhận, kết quả xử lý và để Ông/Bà theo dõi; "
	       "chỉ cán bộ xử lý được xem, được mã hóa khi lưu và tự động xóa sau thời hạn lưu. "
	       "Kết quả xử lý đăng công khai chỉ hiện tên viết tắt, trừ khi Ông/Bà đồng ý hiện tên.",
	.retention_days = 365,
	.per_email_day = 5,
	.per_addr_day = 20,
	.forwardable = 1,
	.attachments = 3,
};

static const struct kind_field error_fields[] = {
	{ .key = "trang", .label = "Trang có thông tin sai", .type = F_TEXT, .max = 500, .flags = FF_REQUIRED },
	{ .key = "mo_ta", .label = "Thông tin sai và đề nghị sửa", .type = F_LONGTEXT, .max = 2000, .flags = FF_REQUIRED },
	PERSON_FIELDS(0, 0),
};

static const struct kind error_form = { .name = "error_form", .label = "Báo lỗi", .fields = error_fields,
					.nfields = N(error_fields) };

static const struct ticket_kind ticket_error = {
	.name = "error",
	.segment = "bao-loi",
	.label = "Báo lỗi",
	.code_prefix = "BL",
	.form = &error_form,
	.title_field = "mo_ta",
	.email_field = "email",
	.name_field = "ho_ten",
	.deadline_kind = "bao-loi",
	.why = "Họ tên và thư điện tử không bắt buộc; nếu Ông/Bà để lại, chúng chỉ dùng để báo khi thông tin đã được sửa, "
	       "được mã hóa khi lưu và tự động xóa sau thời hạn lưu.",
	.retention_days = 90,
	.per_email_day = 20,
	.per_addr_day = 30,
	.attachments = 2,
};

/* ---- a comment on a draft under public consultation (góp ý dự thảo, VP Đ4.12;
 * docs/consultation.md): on the whole draft or on one of its articles, published with the display
 * name the citizen chooses once the board accepted it (or at once when the site turned
 * pre-moderation off: ticket_premoderated). comment_check (consultation.c) refuses a comment on
 * anything but an open consultation of the site, or on an article the draft does not have. */
static const struct kind_field comment_fields[] = {
	{ .key = "ten_hien_thi", .label = "Tên hiển thị", .type = F_TEXT, .max = 80, .flags = FF_REQUIRED,
	  .help = "Được đăng công khai cùng góp ý: tên, biệt danh hoặc tên cơ quan, tổ chức" },
	{ .key = "dieu", .label = "Góp ý cho Điều số", .type = F_INT, .example = "1",
	  .help = "Để trống nếu góp ý chung cho toàn bộ dự thảo" },
	{ .key = "noi_dung", .label = "Nội dung góp ý", .type = F_LONGTEXT, .max = 5000, .flags = FF_REQUIRED },
	PERSON_FIELDS(FF_REQUIRED, FF_REQUIRED),
};

static const struct kind comment_form = { .name = "comment_form", .label = "Góp ý dự thảo", .fields = comment_fields,
					  .nfields = N(comment_fields) };

static const struct ticket_kind ticket_comment = {
	.name = "comment",
	.segment = "gop-y",
	.label = "Góp ý dự thảo",
	.code_prefix = "GY",
	.form = &comment_form,
	.title_field = "noi_dung",
	.email_field = "email",
	.name_field = "ho_ten",
	.deadline_kind = "khac",
	.why = "Họ tên và thư điện tử chỉ để cơ quan soạn thảo liên hệ làm rõ góp ý khi cần và báo cho Ông/Bà khi góp ý "
	       "được đăng; không được công khai, được mã hóa khi lưu, chỉ cán bộ tiếp nhận được xem và tự động xóa sau "
	       "thời hạn lưu. Góp ý được đăng với tên hiển thị do Ông/Bà chọn.",
	.retention_days = 180,
	.per_email_day = 20,
	.per_addr_day = 40,
	.moderated = 1,
	.check = comment_check,
};

/* ---- requests for information (Luật Tiếp cận thông tin 2016 Đ23–24; ND 13/2018 Mẫu 02;
 * model/inforeq.c; docs/information-requests.md) ---- */

static const struct kind_field inforeq_fields[] = {
	{ .key = "ho_ten", .label = "Họ và tên người yêu cầu", .type = F_TEXT, .max = 100, .flags = FF_PERSONAL | FF_REQUIRED,
	  .autocomplete = "name", .help = "Luật Tiếp cận thông tin Điều 24 yêu cầu ghi họ tên người yêu cầu" },
	{ .key = "dia_chi", .label = "Nơi cư trú, địa chỉ liên hệ", .type = F_TEXT, .max = 300, .flags = FF_PERSONAL | FF_REQUIRED,
	  .autocomplete = "street-address", .help = "Theo Điều 24; để gửi văn bản trả lời khi nhận qua bưu chính" },
	{ .key = "giay_to", .label = "Số chứng minh nhân dân, căn cước hoặc hộ chiếu", .type = F_TEXT, .max = 20,
	  .flags = FF_PERSONAL | FF_REQUIRED, .example = "079123456789",
	  .help = "Điều 24 yêu cầu số giấy tờ tùy thân để xác định người có quyền tiếp cận thông tin; được mã hóa, không công khai" },
	{ .key = "email", .label = "Thư điện tử", .type = F_TEXT, .max = 254, .flags = FF_PERSONAL | FF_REQUIRED,
	  .autocomplete = "email", .example = "dan@example.vn",
	  .help = "Để gửi thông báo, văn bản trả lời và để Ông/Bà theo dõi yêu cầu" },
	{ .key = "dien_thoai", .label = "Số điện thoại", .type = F_TEXT, .max = 20, .flags = FF_PERSONAL, .autocomplete = "tel",
	  .help = "Không bắt buộc; để cơ quan liên hệ khi cần làm rõ yêu cầu" },
	{ .key = "so_fax", .label = "Số fax", .type = F_TEXT, .max = 20, .flags = FF_PERSONAL,
	  .help = "Chỉ cần khi chọn nhận thông tin qua fax" },
	{ .key = "thong_tin", .label = "Thông tin cần cung cấp", .type = F_LONGTEXT, .max = 3000, .flags = FF_REQUIRED,
	  .help = "Nêu rõ tên văn bản, hồ sơ, tài liệu (số, ký hiệu, ngày ban hành, cơ quan ban hành nếu biết)" },
	{ .key = "muc_dich", .label = "Mục đích sử dụng thông tin", .type = F_LONGTEXT, .max = 1000, .flags = FF_REQUIRED,
	  .help = "Điều 24 yêu cầu nêu lý do, mục đích yêu cầu cung cấp thông tin" },
	{ .key = "hinh_thuc", .label = "Hình thức nhận thông tin", .type = F_ENUM, .flags = FF_REQUIRED, .choices = inforeq_delivery },
};

static const struct kind inforeq_form = { .name = "info_request_form", .label = "Yêu cầu cung cấp thông tin",
					  .fields = inforeq_fields, .nfields = N(inforeq_fields) };

static const struct ticket_kind ticket_info_request = {
	.name = "info_request",
	.segment = "yeu-cau-thong-tin",
	.label = "Yêu cầu cung cấp thông tin",
	.code_prefix = "TT",
	.form = &inforeq_form,
	.title_field = "thong_tin",
	.email_field = "email",
	.name_field = "ho_ten",
	.deadline_kind = "tctt-don-gian",
	.why = "Luật Tiếp cận thông tin (Điều 24) và Nghị định 13/2018/NĐ-CP yêu cầu phiếu yêu cầu ghi họ tên, nơi cư trú, "
	       "số giấy tờ tùy thân, thông tin cần cung cấp, mục đích và hình thức nhận. Các thông tin cá nhân được mã hóa khi lưu, "
	       "chỉ cán bộ giải quyết yêu cầu được xem (mỗi lần xem đều được ghi nhật ký), không bao giờ công khai, "
	       "và tự động xóa sau thời hạn lưu. Sổ theo dõi chỉ ghi tên viết tắt.",
	.retention_days = 730,
	.per_email_day = 5,
	.per_addr_day = 20,
	.check = inforeq_check,
	.act = inforeq_act,
	.actions = inforeq_actions,
	.states = inforeq_states,
	.own_flow = 1,
	.numbered = 1,
};

static const struct ticket_kind *const ticket_declared[] = { &ticket_question, &ticket_feedback, &ticket_error,
							      &ticket_comment, &ticket_info_request };

const struct ticket_kind *const *ticket_kinds(size_t *n)
{
	*n = N(ticket_declared);
	return ticket_declared;
}

const struct ticket_kind *ticket_kind_find(const char *name)
{
	for (size_t i = 0; name && i < N(ticket_declared); i++)
		if (strcmp(ticket_declared[i]->name, name) == 0)
			return ticket_declared[i];
	return NULL;
}

const struct ticket_kind *ticket_kind_by_segment(const char *segment)
{
	for (size_t i = 0; segment && i < N(ticket_declared); i++)
		if (strcmp(ticket_declared[i]->segment, segment) == 0)
			return ticket_declared[i];
	return NULL;
}
