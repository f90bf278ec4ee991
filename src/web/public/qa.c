/* qa.c — the public lists of answered questions and of handled feedback (kinds "qa" and
 * "feedback", model/kinds.c) lead to the forms that send them (model/ticket.h). */
#include "web/web.h"

#include "base/banned.h"

static void action(json_t *ctx, const char *url, const char *label, const char *intro)
{
	json_t *list = json_object_get(ctx, "list");
	json_object_set_new(list, "action_url", json_string(url));
	json_object_set_new(list, "action_label", json_string(label));
	if (!json_object_get(list, "intro"))
		json_object_set_new(list, "intro", json_string(intro));
}

void qa_list_view(struct req *r, const struct kind *k, json_t *ctx)
{
	(void)k;
	action(ctx, "/gui/cau-hoi", rtr(r, "qa_ask"), rtr(r, "qa_intro"));
}

void feedback_list_view(struct req *r, const struct kind *k, json_t *ctx)
{
	(void)k;
	action(ctx, "/gui/phan-anh", rtr(r, "feedback_send"), rtr(r, "feedback_intro"));
}
