/* polls.c — the demo province's polls and satisfaction ratings (polls.h). */
#include "demo/polls.h"
#include "model/model.h"
#include "model/poll.h"
#include "model/rating.h"
#include "base/util.h"
#include "vn/calendar.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define DAY 86400

struct demo_poll {
	const char *site, *question, *summary;
	int opens, closes;   /* days from today */
	const char *mode;    /* hien_ket_qua */
	const char *choices[6];
	int votes[6];        /* cast on the poll's first days (the made-up browsers of the demo) */
};

static const struct demo_poll polls[] = {
	{ "main", "Ông/Bà thường tra cứu thông tin gì trên Cổng Thông tin điện tử tỉnh?",
	  "Ý kiến của người dân giúp Ban biên tập sắp xếp lại trang chủ và các chuyên mục trong năm 2027.",
	  -6, 24, "sau-khi-binh-chon",
	  { "Thủ tục hành chính và dịch vụ công", "Văn bản chỉ đạo, điều hành", "Tin tức, sự kiện của tỉnh",
	    "Lịch tiếp công dân, lịch công tác", "Thông tin đấu thầu, dự án" },
	  { 41, 17, 23, 6, 9 } },
	{ "snv", "Ông/Bà muốn tham dự buổi hướng dẫn cải cách hành chính vào thời gian nào?",
	  "Sở Nội vụ tổ chức buổi hướng dẫn nộp hồ sơ trực tuyến cho người dân và doanh nghiệp tại Trung tâm Phục vụ hành chính công tỉnh.",
	  -40, -12, "sau-khi-dong",
	  { "Sáng thứ Bảy", "Chiều thứ Sáu", "Tối các ngày trong tuần" },
	  { 28, 11, 19 } },
};

static int64_t site_of(struct db *db, const char *slug)
{
	json_t *s = site_get_by_slug(db, slug);
	int64_t id = json_integer_value(json_object_get(s, "id"));
	json_decref(s);
	return id;
}

static void day_iso(int days, char out[11])
{
	vn_date_format(vn_days_to_date(vn_days_of_time(time_now()) + days), out);
}

static int load_poll(struct db *db, const struct demo_poll *p)
{
	int64_t site_id = site_of(db, p->site), id = 0, now = time_now();
	char d1[11], d2[11];
	day_iso(p->opens, d1);
	day_iso(p->closes, d2);
	json_t *rows = json_array();
	for (size_t i = 0; i < 6 && p->choices[i]; i++)
		json_array_append_new(rows, json_pack("{ss}", "nhan", p->choices[i]));
	json_t *f = json_pack("{sossssss}", "lua_chon", rows, "mo_tu", d1, "dong_vao", d2, "hien_ket_qua", p->mode);
	struct errs e = { 0 };
	struct article_input in = { 0 };
	in.kind = "poll";
	in.fields = f;
	in.title = p->question;
	in.summary = p->summary;
	in.body = "";
	int64_t opened = vn_time_of_days(vn_days_of_time(now) + p->opens) + 8 * 3600;
	if (!site_id || article_save(db, &actor_cli, site_id, 0, &in, &e, &id) ||
	    article_publish_cli(db, site_id, id, opened < now ? opened : now - 60)) {
		fprintf(stderr, "cong demo: poll \"%s\" not saved\n", p->question);
		for (int i = 0; i < e.n; i++)
			fprintf(stderr, "cong demo:   %s: %s\n", e.e[i].field, e.e[i].key);
		json_decref(f);
		return -1;
	}
	json_decref(f);
	/* the votes of made-up browsers ("demo-…" is no network address), on the poll's first days */
	int n = 0;
	for (size_t i = 0; i < 6 && p->choices[i]; i++) {
		for (int v = 0; v < p->votes[i]; v++, n++) {
			char addr[32], ua[48], choice[8];
			snprintf(addr, sizeof(addr), "demo-%s-%d", p->site, n);
			snprintf(ua, sizeof(ua), "Demo browser %d", n % 7);
			snprintf(choice, sizeof(choice), "%zu", i);
			int64_t at = opened + (int64_t)(n % 5) * DAY + (int64_t)(n % 9) * 3600;
			struct errs ve = { 0 };
			int rc = poll_vote(db, site_id, id, choice, addr, ua, NULL, at < now ? at : now, &ve);
			if (rc != M_OK) {
				fprintf(stderr, "cong demo: a vote in poll \"%s\" not recorded (%d %s)\n", p->question, rc,
					ve.n ? ve.e[0].key : "");
				return -1;
			}
		}
	}
	return 0;
}

/* Three months of ratings: for each site, N browsers a month, scores around the site's level. */
static const char *const comments[] = {
	"Trang chủ dễ tìm thông tin, nhưng nên có mục hướng dẫn nộp hồ sơ trực tuyến rõ hơn.",
	"Văn bản mới được cập nhật kịp thời, tra cứu theo số ký hiệu rất tiện.",
	"Trên điện thoại chữ hơi nhỏ ở phần lịch công tác.",
	"Đề nghị đăng thêm video hướng dẫn thủ tục đăng ký hộ kinh doanh.",
	"Câu hỏi gửi qua cổng được trả lời đúng hạn, cảm ơn Ban biên tập.",
};

static int load_ratings(struct db *db, const char *slug, int per_month, int base)
{
	int64_t site_id = site_of(db, slug), now = time_now();
	int32_t today = vn_days_of_time(now);
	vn_date t = vn_days_to_date(today);
	int k = 0;
	for (int m = 2; m >= 0; m--) {
		vn_date d = { t.y, t.m - m, 3 };
		while (d.m < 1) {
			d.m += 12;
			d.y--;
		}
		for (int i = 0; i < per_month; i++, k++) {
			int32_t day = vn_date_to_days(d) + i % 25;
			if (day > today)
				day = today;
			char addr[32], sc[RATING_NCRIT][2];
			snprintf(addr, sizeof(addr), "demo-rating-%s-%d", slug, k);
			struct rating_input in = { .addr = addr, .ua = "Demo browser" };
			for (int c = 0; c < RATING_NCRIT; c++) {
				int s = base + ((k * 7 + c * 3) % 5 == 0 ? -2 : (k + c) % 3 == 0 ? 1 : (k * c) % 4 == 1 ? -1 : 0);
				s = s < 1 ? 1 : s > 5 ? 5 : s;
				sc[c][0] = (char)('0' + s);
				sc[c][1] = '\0';
				in.score[c] = sc[c];
			}
			in.comment = k % 6 == 0 ? comments[(k / 6) % (sizeof(comments) / sizeof(comments[0]))] : NULL;
			struct errs e = { 0 };
			if (rating_submit(db, site_id, &in, vn_time_of_days(day) + 10 * 3600, &e, NULL) != M_OK) {
				fprintf(stderr, "cong demo: a rating of %s not recorded\n", slug);
				return -1;
			}
		}
	}
	return 0;
}

int demo_polls_load(struct db *db)
{
	for (size_t i = 0; i < sizeof(polls) / sizeof(polls[0]); i++)
		if (load_poll(db, &polls[i]))
			return -1;
	return load_ratings(db, "main", 24, 4) || load_ratings(db, "snv", 12, 4);
}
