/* consultation.c — the demo's consultations on drafts and their comments (consultation.h). The
 * drafts are demo texts modelled on Vĩnh Long's real ones; the citizens and their addresses are
 * made up (example.vn). */
#include "demo/consultation.h"
#include "model/model.h"
#include "model/ticket.h"
#include "base/util.h"
#include "vn/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/banned.h"

struct demo_comment {
	int days_after_open;
	const char *display, *article, *text, *name, *email;
	int accepted;
};

struct demo_consultation {
	const char *site, *title, *summary, *agency, *field, *unit, *address, *email, *close_time;
	int open_days_ago, close_in_days; /* close_in_days < 0: closed that many days ago */
	const char *body, *result;
	struct demo_comment comments[6];
};

static const struct demo_consultation consultations[] = {
	{ "sgddt",
	  "Dự thảo Nghị quyết quy định mức hỗ trợ học phí đối với trẻ em mầm non, học sinh phổ thông trên địa bàn tỉnh Vĩnh Long "
	  "năm học 2026-2027",
	  "Sở Giáo dục và Đào tạo lấy ý kiến nhân dân đối với dự thảo Nghị quyết của Hội đồng nhân dân tỉnh (văn bản mẫu của "
	  "bản trình diễn).",
	  "Sở Giáo dục và Đào tạo", "Giáo dục, đào tạo", "Phòng Kế hoạch – Tài chính, Sở Giáo dục và Đào tạo",
	  "Số 3A đường Lê Thái Tổ, phường 2, thành phố Vĩnh Long", "khtc.sgddt@vinhlong.gov.vn", "17:00", 10, 20,
	  "<p><strong>Điều 1. Phạm vi điều chỉnh</strong></p>"
	  "<p>Nghị quyết này quy định mức hỗ trợ học phí đối với trẻ em mầm non, học sinh phổ thông công lập và ngoài công lập "
	  "trên địa bàn tỉnh Vĩnh Long năm học 2026-2027.</p>"
	  "<p><strong>Điều 2. Đối tượng áp dụng</strong></p>"
	  "<p>1. Trẻ em mầm non, học sinh phổ thông đang học tại các cơ sở giáo dục trên địa bàn tỉnh.</p>"
	  "<p>2. Cơ quan, tổ chức, cá nhân có liên quan.</p>"
	  "<p><strong>Điều 3. Mức hỗ trợ</strong></p>"
	  "<p>1. Hỗ trợ 100% học phí đối với trẻ em mầm non, học sinh trung học cơ sở tại các xã vùng khó khăn.</p>"
	  "<p>2. Hỗ trợ 50% học phí đối với các đối tượng còn lại.</p>"
	  "<p><strong>Điều 4. Kinh phí thực hiện</strong></p>"
	  "<p>Kinh phí thực hiện từ nguồn ngân sách tỉnh được giao trong dự toán hằng năm.</p>"
	  "<p><strong>Điều 5. Tổ chức thực hiện</strong></p>"
	  "<p>Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.</p>",
	  NULL,
	  { { 1, "Phụ huynh học sinh phường 1", NULL,
	      "Tôi hoàn toàn đồng ý với dự thảo; đề nghị sớm ban hành để kịp đầu năm học.", "Lê Văn Hùng",
	      "hung.le@example.vn", 1 },
	    { 2, "Trường THCS Long Phước", "2",
	      "Đề nghị bổ sung học sinh các lớp giáo dục thường xuyên cấp trung học cơ sở vào đối tượng áp dụng.",
	      "Nguyễn Thị Hoa", "hoa.nguyen@example.vn", 1 },
	    { 3, "Cử tri xã An Bình", "3",
	      "Mức hỗ trợ 50% còn thấp với hộ cận nghèo; đề nghị nâng lên 70% cho học sinh thuộc hộ cận nghèo.",
	      "Trần Minh Tâm", "tam.tran@example.vn", 1 },
	    { 5, "Một giáo viên", "4", "Đề nghị nêu rõ thời hạn cấp kinh phí cho nhà trường trong học kỳ I.",
	      "Phạm Thị Lan", "lan.pham@example.vn", 0 },
	    { 0 } } },
	{ "main",
	  "Dự thảo Quyết định ban hành Quy định quản lý hoạt động quảng cáo ngoài trời trên địa bàn tỉnh Vĩnh Long",
	  "Ủy ban nhân dân tỉnh lấy ý kiến đối với dự thảo Quyết định (văn bản mẫu của bản trình diễn).",
	  "Sở Văn hóa, Thể thao và Du lịch", "Văn hóa, thể thao, du lịch", "Phòng Quản lý văn hóa, Sở Văn hóa, Thể thao và Du lịch",
	  "Số 14 đường 1 Tháng 5, phường 1, thành phố Vĩnh Long", "svhttdl@vinhlong.gov.vn", "17:00", 60, -25,
	  "<p><strong>Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng</strong></p>"
	  "<p>Quy định này quy định về quản lý hoạt động quảng cáo ngoài trời trên địa bàn tỉnh Vĩnh Long.</p>"
	  "<p><strong>Điều 2. Nguyên tắc quản lý</strong></p>"
	  "<p>Quảng cáo ngoài trời phải phù hợp quy hoạch, bảo đảm mỹ quan đô thị và an toàn giao thông.</p>"
	  "<p><strong>Điều 3. Khu vực không được đặt bảng quảng cáo</strong></p>"
	  "<p>Trong hành lang an toàn giao thông; trên cây xanh, cột điện; tại khu vực trụ sở cơ quan nhà nước.</p>"
	  "<p><strong>Điều 4. Trách nhiệm của Ủy ban nhân dân cấp huyện</strong></p>"
	  "<p>Kiểm tra, xử lý các bảng quảng cáo không phép trên địa bàn.</p>",
	  "Trong thời gian lấy ý kiến, Cổng Thông tin điện tử tỉnh nhận được 3 ý kiến góp ý.\n\n"
	  "Tiếp thu: bổ sung quy định cấm đặt bảng quảng cáo trên cây xanh tại Điều 3; bổ sung thời hạn kiểm tra định kỳ tại "
	  "Điều 4.\n\n"
	  "Giải trình: đề nghị cho phép quảng cáo trên dải phân cách không được tiếp thu vì trái quy định về an toàn giao thông.",
	  { { 3, "Doanh nghiệp quảng cáo Phú Quý", "3",
	      "Đề nghị cho phép đặt bảng quảng cáo nhỏ trên dải phân cách các tuyến đường đô thị.", "Võ Thành Phú",
	      "phu.vo@example.vn", 1 },
	    { 6, "Người dân phường 4", "3", "Đề nghị cấm hẳn việc treo băng rôn quảng cáo trên cây xanh.", "Đặng Thu Hà",
	      "ha.dang@example.vn", 1 },
	    { 10, "Cán bộ văn hóa huyện Mang Thít", "4",
	      "Cần quy định thời hạn kiểm tra định kỳ (ví dụ mỗi quý một lần) để xử lý bảng quảng cáo hết phép.", "Huỳnh Văn Lợi",
	      "loi.huynh@example.vn", 1 },
	    { 0 } } },
};

int demo_consultation_load(struct db *db, const char *data)
{
	totp_set_key_dir(data); /* personal data is sealed under DATA/secret.key */
	int64_t before = time_now();
	int fixed = before - (int64_t)time(NULL) > 5 || (int64_t)time(NULL) - before > 5; /* `--now` given */
	int32_t today = vn_days_of_time(before);
	int rc = 0;
	const struct ticket_kind *tk = ticket_kind_find("comment");
	for (size_t i = 0; i < sizeof(consultations) / sizeof(consultations[0]) && !rc; i++) {
		const struct demo_consultation *d = &consultations[i];
		json_t *site = site_get_by_slug(db, d->site);
		int64_t site_id = json_integer_value(json_object_get(site, "id")), id = 0;
		json_decref(site);
		int32_t open = today - d->open_days_ago, close = today + d->close_in_days;
		char o[11], c[11];
		vn_date_format(vn_days_to_date(open), o);
		vn_date_format(vn_days_to_date(close), c);
		json_t *f = json_pack("{ssssssssssssssssss}", "co_quan_soan_thao", d->agency, "linh_vuc", d->field, "ngay_bat_dau", o,
				      "ngay_ket_thuc", c, "gio_ket_thuc", d->close_time, "don_vi_tiep_nhan", d->unit,
				      "dia_chi_tiep_nhan", d->address, "email_tiep_nhan", d->email, "tong_hop", d->result ? d->result : "");
		struct article_input in = { 0 };
		in.kind = "consultation";
		in.fields = f;
		in.title = d->title;
		in.summary = d->summary;
		in.body = d->body;
		in.data_dir = data;
		struct errs e = { 0 };
		if (!site_id || article_save(db, &actor_cli, site_id, 0, &in, &e, &id) ||
		    article_publish_cli(db, site_id, id, vn_time_of_days(open) + 8 * 3600)) {
			fprintf(stderr, "cong demo: consultation \"%s\" not saved\n", d->title);
			json_decref(f);
			rc = -1;
			break;
		}
		json_decref(f);
		/* each comment as on the day it was sent: the draft was open then */
		for (const struct demo_comment *m = d->comments; m->text && !rc; m++) {
			int64_t at = vn_time_of_days(open + m->days_after_open) + 9 * 3600 + (int64_t)(m - d->comments) * 1800;
			time_fix(at);
			json_t *raw = json_pack("{ssssssssss}", "ten_hien_thi", m->display, "dieu", m->article ? m->article : "",
						"noi_dung", m->text, "ho_ten", m->name, "email", m->email);
			struct ticket_input ti = { .raw = raw, .addr = "", .item_id = id, .notify = 0, .base_url = "" };
			struct errs te = { 0 };
			char code[24];
			int64_t tid = 0;
			if (ticket_submit(db, tk, site_id, &ti, at, &te, code, &tid) != M_OK ||
			    (m->accepted && ticket_act(db, &actor_cli, site_id, tid, "accept", NULL, at + 3 * 3600, &te) != M_OK)) {
				fprintf(stderr, "cong demo: a comment on \"%s\" not saved\n", d->title);
				rc = -1;
			}
			json_decref(raw);
		}
		time_fix(fixed ? before : 0);
	}
	return rc;
}
