/* inforeq.c — the demo province's requests for information (demo/inforeq.h): realistic
 * requests a citizen of Vĩnh Long might send, received some days ago, each taken to a step of
 * its life cycle by the board (model/inforeq.c). The names and numbers are made up. */
#include "demo/inforeq.h"
#include "model/model.h"
#include "model/ticket.h"
#include "base/util.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "base/banned.h"

#define DAY 86400

struct demo_request {
	const char *site, *name, *address, *id, *email, *info, *purpose, *delivery;
	int days_ago;
	/* the steps: "action|input=value|input=value", NULL-ended */
	const char *steps[4];
};

static const struct demo_request requests[] = {
	{ "snv", "Nguyễn Thị Mỹ Duyên", "Số 25 đường Nguyễn Huệ, Phường 2, TP Vĩnh Long", "086195002741",
	  "myduyen.demo@example.vn",
	  "Kế hoạch tuyển dụng công chức tỉnh Vĩnh Long năm 2026 và chỉ tiêu tuyển dụng của từng cơ quan",
	  "Chuẩn bị hồ sơ dự tuyển công chức", "thu-dien-tu", 12,
	  { "accept|result=simple",
	    "provide|result=full|body=Sở Nội vụ gửi Bà Kế hoạch số 58/KH-UBND ngày 20/01/2026 của UBND tỉnh về tuyển dụng "
	    "công chức năm 2026 (kèm phụ lục chỉ tiêu của từng cơ quan). Kế hoạch cũng được đăng tại mục Thông báo của cổng.",
	    NULL } },
	{ "snv", "Trần Văn Hậu", "Ấp Phước Yên, xã Phú Quới, huyện Long Hồ", "086087003318", "vanhau.demo@example.vn",
	  "Quyết định phê duyệt đề án sắp xếp đơn vị hành chính cấp xã của huyện Long Hồ và danh sách ấp sau sắp xếp",
	  "Tìm hiểu địa giới hành chính mới để làm thủ tục đất đai", "buu-chinh", 9,
	  { "accept|result=complex|body=Yêu cầu cần tổng hợp hồ sơ từ nhiều phòng; Sở Nội vụ sẽ gửi bản sao qua bưu chính "
	    "trong 15 ngày làm việc kể từ ngày tiếp nhận, không thu chi phí.",
	    "process",
	    "extend|reason_text=Hồ sơ đề án đang lưu tại Chi cục Văn thư - Lưu trữ, cần thêm thời gian sao lục và rà soát phần "
	    "thông tin thuộc danh mục bí mật nhà nước.",
	    NULL } },
	{ "snv", "Lê Minh Tâm", "Số 3 đường Lê Lợi, Phường 1, TP Vĩnh Long", "C7654321", "minhtam.demo@example.vn",
	  "Hồ sơ cá nhân và bản nhận xét, đánh giá hằng năm của một công chức Sở Nội vụ",
	  "Phục vụ tranh chấp dân sự", "tai-co-quan", 6,
	  { "refuse|reason=khong-du-dieu-kien|body=Thông tin cá nhân của công chức chỉ được cung cấp khi có sự đồng ý của "
	    "người đó (Luật Tiếp cận thông tin, Điều 7). Ông có thể đề nghị Tòa án yêu cầu cung cấp trong quá trình giải quyết vụ việc.",
	    NULL } },
	{ "main", "Phạm Hoàng Yến", "Số 40 đường Trần Phú, Phường 4, TP Vĩnh Long", "086301009876", "hoangyen.demo@example.vn",
	  "Báo cáo tình hình giải ngân vốn đầu tư công 6 tháng đầu năm 2026 của tỉnh",
	  "Nghiên cứu, viết luận văn thạc sĩ kinh tế", "thu-dien-tu", 1, { NULL } },
};

static int load_one(struct db *db, const struct ticket_kind *tk, const struct demo_request *d, int64_t now)
{
	json_t *site = site_get_by_slug(db, d->site);
	if (!site) {
		fprintf(stderr, "cong demo: no site %s for the information requests\n", d->site);
		return -1;
	}
	int64_t site_id = json_integer_value(json_object_get(site, "id"));
	json_decref(site);
	json_t *raw = json_pack("{ssssssssssssss}", "ho_ten", d->name, "dia_chi", d->address, "giay_to", d->id, "email", d->email,
				"thong_tin", d->info, "muc_dich", d->purpose, "hinh_thuc", d->delivery);
	struct ticket_input in = { .raw = raw, .notify = 0, .base_url = "" };
	struct errs e = { 0 };
	char code[24];
	int64_t id = 0, at = now - (int64_t)d->days_ago * DAY;
	int rc = ticket_submit(db, tk, site_id, &in, at, &e, code, &id);
	json_decref(raw);
	if (rc != M_OK) {
		fprintf(stderr, "cong demo: information request \"%s\" refused (%d%s%s)\n", d->info, rc, e.n ? ": " : "",
			e.n ? e.e[0].key : "");
		return -1;
	}
	for (int s = 0; s < 4 && d->steps[s]; s++) {
		char buf[1024];
		snprintf(buf, sizeof(buf), "%s", d->steps[s]);
		char *p = strchr(buf, '|');
		if (p)
			*p++ = '\0';
		json_t *inputs = json_object();
		while (p && *p) {
			char *next = strchr(p, '|');
			if (next)
				*next++ = '\0';
			char *eq = strchr(p, '=');
			if (eq) {
				*eq = '\0';
				json_object_set_new(inputs, p, json_string(eq + 1));
			}
			p = next;
		}
		struct errs e2 = { 0 };
		rc = ticket_act(db, &actor_cli, site_id, id, buf, inputs, at + (int64_t)(s + 1) * DAY / 2, &e2);
		json_decref(inputs);
		if (rc != M_OK) {
			fprintf(stderr, "cong demo: information request %s: step %s refused (%d)\n", code, buf, rc);
			return -1;
		}
	}
	return 0;
}

int demo_inforeq_load(struct db *db)
{
	const struct ticket_kind *tk = ticket_kind_find("info_request");
	int64_t now = time_now();
	if (!tk)
		return -1;
	for (size_t i = 0; i < sizeof(requests) / sizeof(requests[0]); i++)
		if (load_one(db, tk, &requests[i], now))
			return -1;
	printf("%zu information requests in the registers\n", sizeof(requests) / sizeof(requests[0]));
	return 0;
}
