/* test_admin_texts.c — the admin's last texts in the reader's language (#16): locale formats
 * ("_fmt" keys) refused when their conversions differ from the Vietnamese text's, the deadline
 * rules' sentences and the tickets' labels (the model's Vietnamese, translated by the locale) in
 * English and Khmer. */
#include "t.h"
#include "tdb.h"
#include "base/locale.h"
#include "db/db.h"
#include "model/deadline.h"
#include "model/kind.h"
#include "model/model.h"
#include "model/ticket.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A locale of two languages with one "_fmt" text each. */
static json_t *two(const char *vi, const char *en)
{
	return json_pack("{s{ss}s{ss}}", "vi", "x_fmt", vi, "en", "x_fmt", en);
}

TEST(locale_formats_must_match_the_vietnamese)
{
	char err[256];
	static const char *const good[][2] = { { "còn %d ngày", "%d days left" },
					       { "%lld phút %lld giây", "%lld min %lld s" },
					       { "%.1f giây", "%.1f s" },
					       { "Đánh giá %s (100%%)", "Ratings %s (100%%)" } };
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		json_t *all = two(good[i][0], good[i][1]);
		CHECK(locale_formats_check(all, err, sizeof(err)) == 0);
		json_decref(all);
	}
	/* another order, another type, one too many or too few, a conversion the texts may not use */
	static const char *const bad[][2] = { { "%s %d", "%d %s" }, { "còn %d ngày", "%s days left" },
					      { "còn %d ngày", "%d of %d days" }, { "còn %d ngày", "days left" },
					      { "còn %d ngày", "%n%d" }, { "%lld", "%d" }, { "%s", "%ls" } };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		json_t *all = two(bad[i][0], bad[i][1]);
		err[0] = 0;
		if (!CHECK(locale_formats_check(all, err, sizeof(err)) == -1))
			printf("    accepted: \"%s\" for \"%s\"\n", bad[i][1], bad[i][0]);
		CHECK(strstr(err, "x_fmt") != NULL);
		json_decref(all);
	}
	/* a text whose key is not a format's may hold a percent sign as it likes */
	json_t *all = json_pack("{s{ss}s{ss}}", "vi", "x", "50%", "en", "x", "%d");
	CHECK(locale_formats_check(all, err, sizeof(err)) == 0);
	json_decref(all);
	char buf[64];
	CHECK(locale_format(buf, sizeof(buf), "%lld min %lld s", 3LL, 12LL) == 10);
	CHECK_STR(buf, "3 min 12 s");
}

TEST(deadline_sentences_in_the_readers_language)
{
	char err[256] = "";
	json_t *all = kind_locale_load(".", err, sizeof(err));
	if (!CHECK(all)) {
		printf("    %s\n", err);
		return;
	}
	struct db *db = t_fresh_db();
	if (!CHECK(db)) {
		json_decref(all);
		return;
	}
	int64_t site = t_add_site(db, "Sở Nội vụ", "department", NULL);
	/* the same rule in Vietnamese (NULL and the vi texts alike), English and Khmer */
	const char *vi = NULL, *vi2 = NULL, *en = NULL, *km = NULL;
	json_t *rv = deadline_rules(db, site, NULL), *rv2 = deadline_rules(db, site, locale_dict(all, "vi"));
	json_t *ren = deadline_rules(db, site, locale_dict(all, "en")), *rkm = deadline_rules(db, site, locale_dict(all, "km"));
	size_t i;
	json_t *row;
	json_array_foreach(rv, i, row)
		if (strcmp(json_string_value(json_object_get(row, "unit")), "workdays") == 0) {
			vi = json_string_value(json_object_get(row, "rule_label"));
			vi2 = json_string_value(json_object_get(json_array_get(rv2, i), "rule_label"));
			en = json_string_value(json_object_get(json_array_get(ren, i), "rule_label"));
			km = json_string_value(json_object_get(json_array_get(rkm, i), "rule_label"));
			break;
		}
	if (CHECK(vi && en && km)) {
		CHECK(strstr(vi, " ngày làm việc") != NULL);
		CHECK_STR(vi2, vi);
		CHECK(strstr(en, " working days") != NULL);
		CHECK(strstr(km, "ថ្ងៃធ្វើការ") != NULL);
		CHECK(strtol(vi, NULL, 10) == strtol(en, NULL, 10)); /* the same number, formatted */
	}
	json_decref(rv);
	json_decref(rv2);
	json_decref(ren);
	json_decref(rkm);
	db_close(db);
	/* a Vietnamese locale file repeating the model's text is refused */
	json_t *vi_dict = json_pack("{ss}", "dl.state.today", "x");
	CHECK(deadline_locale_add(vi_dict, err, sizeof(err)) == -1);
	CHECK(strstr(err, "dl.state.today") != NULL);
	json_decref(vi_dict);
	json_decref(all);
}

TEST(ticket_labels_in_the_readers_language)
{
	char err[256] = "";
	json_t *all = kind_locale_load(".", err, sizeof(err));
	if (!CHECK(all)) {
		printf("    %s\n", err);
		return;
	}
	const char *langs[] = { "vi", "en", "km" };
	const char *kind[3], *state[3], *event[3], *action[3];
	for (int l = 0; l < 3; l++) {
		json_t *t = json_pack("{ssssssssss s[{ssss}] s[{ssssss}]}", "kind", "question", "kind_label", "Câu hỏi", "state",
				      "received", "state_label", "Đã tiếp nhận", "code", "HD-1", "events", "action",
				      "forwarded", "label", "Chuyển cơ quan có thẩm quyền", "actions", "action", "reject",
				      "text", "withdraw", "label", "Gỡ, không đăng nữa");
		ticket_texts_apply(locale_dict(all, langs[l]), t);
		kind[l] = locale_text(all, langs[l], "tk.kind.question");
		state[l] = locale_text(all, langs[l], "tk.state.received");
		event[l] = locale_text(all, langs[l], "tk.event.forwarded");
		action[l] = locale_text(all, langs[l], "tk.action.withdraw");
		CHECK_STR(json_string_value(json_object_get(t, "kind_label")), kind[l]);
		CHECK_STR(json_string_value(json_object_get(t, "state_label")), state[l]);
		CHECK_STR(json_string_value(json_object_get(json_array_get(json_object_get(t, "events"), 0), "label")), event[l]);
		CHECK_STR(json_string_value(json_object_get(json_array_get(json_object_get(t, "actions"), 0), "label")), action[l]);
		CHECK_STR(json_string_value(json_object_get(t, "code")), "HD-1"); /* data untouched */
		json_decref(t);
	}
	/* the Vietnamese is the model's own; the others differ from it */
	CHECK_STR(kind[0], "Câu hỏi");
	CHECK_STR(action[0], "Gỡ, không đăng nữa");
	CHECK_STR(kind[1], "Question");
	for (int l = 1; l < 3; l++)
		CHECK(strcmp(kind[l], kind[0]) && strcmp(state[l], state[0]) && strcmp(event[l], event[0]) &&
		      strcmp(action[l], action[0]));
	/* the refusal reasons and a kind's own state (an information request's) */
	json_t *reasons = ticket_refusal_reasons_in(locale_dict(all, "en"));
	CHECK_STR(json_string_value(json_object_get(json_array_get(reasons, 5), "label")), "Advertising, spam");
	json_decref(reasons);
	CHECK_STR(ticket_state_text(locale_dict(all, "en"), "ir_provided"), "Information provided");
	CHECK_STR(ticket_state_text(NULL, "ir_provided"), "Đã cung cấp thông tin");
	json_decref(all);
}
