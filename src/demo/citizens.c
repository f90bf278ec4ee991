/* citizens.c — the demo's questions, feedback and an error report (citizens.h). The names and
 * addresses are invented; the questions are the kind people send a provincial portal, the answers
 * cite the real rules. */
#include "demo/citizens.h"
#include "model/model.h"
#include "model/ticket.h"
#include "base/util.h"

#include <stdio.h>
#include <string.h>

#include "base/banned.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

struct demo_question {
	const char *kind, *site, *forward_to; /* ticket kind, the site asked, the site it is forwarded to (or NULL) */
	const char *name, *email, *field, *title, *text;
	const char *answer, *agency, *answerer; /* NULL: still being handled */
	int days_ago, show_name;
};

static const struct demo_question questions[] = {
	{ "question", "main", "snv", "Nguyễn Thị Thanh Thảo", "thanhthao.nguyen@example.vn", "Lao động, việc làm, bảo hiểm xã hội",
	  "Điều kiện dự tuyển viên chức giáo viên tiểu học",
	  "Tôi tốt nghiệp cao đẳng sư phạm tiểu học năm 2019. Xin hỏi tôi có đủ điều kiện dự tuyển viên chức giáo viên "
	  "tiểu học năm nay không, hay phải học lên đại học?",
	  "<p>Theo Luật Giáo dục năm 2019, trình độ chuẩn được đào tạo của giáo viên tiểu học là có bằng cử nhân ngành đào "
	  "tạo giáo viên tiểu học trở lên. Giáo viên đã có bằng cao đẳng trước ngày Luật có hiệu lực thuộc diện nâng chuẩn "
	  "theo Nghị định số 71/2020/NĐ-CP. Người dự tuyển mới phải đáp ứng trình độ chuẩn, tức là có bằng đại học.</p>"
	  "<p>Ông/Bà có thể theo dõi thông báo tuyển dụng trên Cổng thông tin điện tử của Sở Nội vụ.</p>",
	  "Sở Nội vụ tỉnh Vĩnh Long", "Phòng Công chức, viên chức", 12, 0 },
	{ "question", "syt", NULL, "Trần Văn Hùng", "tranvanhung.vl@example.vn", "Y tế",
	  "Khám chữa bệnh bảo hiểm y tế trái tuyến tại bệnh viện tỉnh",
	  "Tôi có thẻ bảo hiểm y tế đăng ký ở trạm y tế xã. Nếu tôi tự đến khám tại Bệnh viện Đa khoa tỉnh thì được "
	  "thanh toán bao nhiêu phần trăm?",
	  "<p>Từ ngày 01/01/2021, người có thẻ bảo hiểm y tế tự đi khám chữa bệnh không đúng tuyến tại bệnh viện tuyến "
	  "tỉnh được quỹ bảo hiểm y tế thanh toán 100% chi phí điều trị nội trú theo mức hưởng (Luật Bảo hiểm y tế, khoản 3 "
	  "Điều 22). Khám ngoại trú trái tuyến tại tuyến tỉnh không được quỹ thanh toán, trừ trường hợp cấp cứu.</p>",
	  "Sở Y tế tỉnh Vĩnh Long", "Phòng Nghiệp vụ Y", 8, 1 },
	{ "question", "longho", NULL, "Lê Minh Tâm", "leminhtam.lh@example.vn", "Hộ tịch, cư trú, chứng thực",
	  "Đăng ký khai sinh cho con khi cha mẹ chưa đăng ký kết hôn",
	  "Vợ chồng tôi chưa đăng ký kết hôn, nay sinh con. Xin hỏi thủ tục đăng ký khai sinh và nhận cha cho con?",
	  "<p>Ông/Bà thực hiện thủ tục đăng ký khai sinh kết hợp nhận cha, con tại Ủy ban nhân dân cấp xã nơi cư trú của "
	  "người cha hoặc người mẹ (Điều 15 Nghị định số 123/2015/NĐ-CP). Hồ sơ gồm tờ khai, giấy chứng sinh và chứng cứ "
	  "chứng minh quan hệ cha con; có thể nộp trực tuyến trên Cổng Dịch vụ công quốc gia.</p>",
	  "Ủy ban nhân dân huyện Long Hồ", "Phòng Tư pháp", 5, 0 },
	{ "question", "main", NULL, "Phạm Quốc Bảo", "quocbao.pham@example.vn", "Đất đai",
	  "Thời hạn cấp giấy chứng nhận quyền sử dụng đất lần đầu",
	  "Tôi nộp hồ sơ cấp giấy chứng nhận lần đầu đã 25 ngày mà chưa có kết quả. Thời hạn giải quyết là bao lâu?",
	  NULL, NULL, NULL, 2, 0 },
	{ "question", "sgddt", NULL, "Võ Thị Kim Ngân", "kimngan.vo@example.vn", "Giáo dục, đào tạo",
	  "Tuyển sinh lớp 10 năm học tới có thi môn thứ ba không",
	  "Xin hỏi kỳ tuyển sinh vào lớp 10 trung học phổ thông năm học tới của tỉnh thi mấy môn, môn thứ ba là môn gì?",
	  NULL, NULL, NULL, 1, 0 },
	{ "feedback", "main", "snv", "Huỳnh Văn Lợi", "huynhvanloi@example.vn", "Hộ tịch, cư trú, chứng thực",
	  "Đề nghị bỏ yêu cầu nộp bản sao giấy khai sinh khi làm thủ tục đã có dữ liệu dân cư",
	  "Khi làm một số thủ tục, cán bộ vẫn yêu cầu nộp bản sao giấy khai sinh có chứng thực dù thông tin đã có trong Cơ sở "
	  "dữ liệu quốc gia về dân cư. Đề nghị cơ quan rà soát, bỏ yêu cầu này.",
	  "<p>Sở Nội vụ tiếp thu ý kiến và đã đề nghị các cơ quan, đơn vị không yêu cầu người dân nộp giấy tờ mà thông tin "
	  "đã có trong Cơ sở dữ liệu quốc gia về dân cư, theo Nghị định số 104/2022/NĐ-CP. Trường hợp còn bị yêu cầu, đề "
	  "nghị Ông/Bà phản ánh kèm tên thủ tục và nơi nộp hồ sơ để được xử lý.</p>",
	  "Sở Nội vụ tỉnh Vĩnh Long", "Phòng Cải cách hành chính", 20, 0 },
	{ "feedback", "longho", NULL, "Đặng Thị Mỹ", "dangthimy.lh@example.vn", "Giao thông, vận tải",
	  "Đèn chiếu sáng đường Võ Văn Kiệt đoạn qua xã Lộc Hòa không hoạt động",
	  "Khoảng 500 m đèn chiếu sáng không sáng gần một tháng, buổi tối rất nguy hiểm cho học sinh đi học thêm về.",
	  NULL, NULL, NULL, 3, 0 },
	{ "error", "syt", NULL, "", "", NULL, "/", "Số điện thoại đường dây nóng ở chân trang ghi thiếu một chữ số.",
	  NULL, NULL, NULL, 1, 0 },
};

static int64_t site_of(struct db *db, const char *slug)
{
	json_t *s = site_get_by_slug(db, slug);
	int64_t id = json_integer_value(json_object_get(s, "id"));
	json_decref(s);
	return id;
}

static json_t *raw_of(const struct demo_question *q)
{
	json_t *raw = json_object();
	if (strcmp(q->kind, "error") == 0) {
		json_object_set_new(raw, "trang", json_string(q->title));
		json_object_set_new(raw, "mo_ta", json_string(q->text));
		return raw;
	}
	int fb = strcmp(q->kind, "feedback") == 0;
	json_object_set_new(raw, "ho_ten", json_string(q->name));
	json_object_set_new(raw, "email", json_string(q->email));
	json_object_set_new(raw, "linh_vuc", json_string(q->field));
	json_object_set_new(raw, fb ? "ten_phan_anh" : "ten_cau_hoi", json_string(q->title));
	json_object_set_new(raw, fb ? "noi_dung_phan_anh" : "cau_hoi", json_string(q->text));
	return raw;
}

static int fail(const struct demo_question *q, const char *step, const struct errs *e)
{
	fprintf(stderr, "cong demo: %s \"%s\": %s failed", q->kind, q->title, step);
	for (int i = 0; e && i < e->n; i++)
		fprintf(stderr, " (%s: %s)", e->e[i].field, e->e[i].key);
	fputc('\n', stderr);
	return -1;
}

int demo_citizens_load(struct db *db, const char *data)
{
	totp_set_key_dir(data); /* DATA/secret.key seals the personal data */
	int64_t now = time_now();
	for (size_t i = 0; i < N(questions); i++) {
		const struct demo_question *q = &questions[i];
		const struct ticket_kind *tk = ticket_kind_find(q->kind);
		int64_t site = site_of(db, q->site), at = now - (int64_t)q->days_ago * 86400, id = 0;
		json_t *raw = raw_of(q);
		struct ticket_input in = { .raw = raw, .addr = "", .show_name = q->show_name, .notify = 0,
					   .base_url = "" };
		struct errs e = { 0 };
		char code[24];
		int rc = tk && site ? ticket_submit(db, tk, site, &in, at, &e, code, &id) : M_ERROR;
		json_decref(raw);
		if (rc != M_OK)
			return fail(q, "submission", &e);
		if (q->forward_to) {
			char to[24];
			snprintf(to, sizeof(to), "%lld", (long long)site_of(db, q->forward_to));
			json_t *a = json_pack("{ssss}", "site_id", to, "note",
					      "Thuộc thẩm quyền trả lời của cơ quan chuyên môn");
			e = (struct errs){ 0 };
			rc = ticket_act(db, &actor_cli, site, id, "forward", a, at + 3600, &e);
			json_decref(a);
			if (rc != M_OK)
				return fail(q, "forwarding", &e);
			site = site_of(db, q->forward_to);
		}
		if (!q->answer)
			continue;
		json_t *a = json_pack("{ssssss}", "body", q->answer, "agency", q->agency, "answerer", q->answerer);
		e = (struct errs){ 0 };
		rc = ticket_act(db, &actor_cli, site, id, "answer", a, at + 2 * 86400, &e);
		json_decref(a);
		json_t *t = rc == M_OK ? ticket_get(db, &actor_cli, site, id, 0) : NULL;
		int64_t item = json_integer_value(json_object_get(json_object_get(t, "answer_item"), "id"));
		json_decref(t);
		if (!item || article_publish_cli(db, site, item, at + 3 * 86400))
			return fail(q, "answer", &e);
	}
	return ticket_sync(db, now) < 0 ? -1 : 0;
}
