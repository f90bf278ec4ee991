/* tickets.c — the public forms citizens send (model/ticket.h) and the tracking page.
 * WEBPAGE: GET  /gui/<segment>               the form of a ticket kind by its segment (cau-hoi, phan-anh,
 *                                      bao-loi…): its fields from the descriptor, why the personal data
 *                                      is asked, the challenge (proof of work with JavaScript, a sum in
 *                                      words without), a honeypot; ?trang=<path> (a report's page),
 *                                      ?muc=<item id> (the item it is about)
 * WEBPAGE: POST /gui/<segment>                submits it: csrf, website (honeypot: must stay empty),
 *                                      challenge, pow (the nonce), challenge_answer, the fields,
 *                                      hien_ten (consent to publish the name), nhan_thu (mail at each
 *                                      step), muc; 303 to the tracking page, or the form again with
 *                                      the messages next to the fields and what was typed
 * WEBPAGE: GET  /theo-doi              ?ma=<code>: the ticket's status and public history
 * WEBPAGE: POST /theo-doi              ma, email: the same with what the citizen sent
 * WEBPAGE: GET  /theo-doi/ngung-nhan-thu   ?ma=&t=: one click stops the mail of a ticket
 * No page here is kept in the page cache: each carries the browser's own tokens. */
#include "web/web.h"
#include "base/util.h"
#include "base/log.h"
#include "base/sb.h"
#include "model/ticket.h"
#include "model/challenge.h"
#include "model/kind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static int64_t site_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

json_t *web_challenge_view(struct req *r, json_t *ctx, const char *form, const char *error)
{
	struct challenge c;
	if (challenge_make(r->db, site_of(r), form, time_now(), &c))
		return NULL;
	json_object_set_new(ctx, "scripts", json_pack("[s]", "challenge.js"));
	json_object_set_new(ctx, "csrf", json_string(web_csrf_token(r)));
	r->script_self = 1;
	/* the question in the page's language: the sum's terms in words (challenge_digit_N), the
	 * first one capitalised when it begins with an ASCII letter (as every Vietnamese and English
	 * digit's word does; Khmer has no capitals) */
	char ka[24], kb[24];
	snprintf(ka, sizeof(ka), "challenge_digit_%d", c.a);
	snprintf(kb, sizeof(kb), "challenge_digit_%d", c.b);
	struct sb q = SB_INIT;
	sb_addf(&q, "%s %s %s %s", rtr(r, ka), rtr(r, "challenge_plus"), rtr(r, kb), rtr(r, "challenge_ask"));
	if (q.buf[0] >= 'a' && q.buf[0] <= 'z')
		q.buf[0] = (char)(q.buf[0] - 'a' + 'A');
	json_t *v = json_pack("{sssssiso}", "token", c.token, "question", q.buf, "bits", c.bits, "error",
			      error ? json_string(error) : json_null());
	sb_release(&q);
	return v;
}

int web_challenge_check(struct req *r, const char *form, struct errs *e)
{
	const char *hp = req_form(r, "website");
	if (hp && *hp) {
		/* a robot filled the field people do not see: the log says so, not what it sent */
		log_info("public form %s refused: the honeypot field was filled", form);
		errs_add(e, "challenge", "challenge_wrong");
		return -1;
	}
	return challenge_check(site_of(r), form, req_form(r, "challenge"), req_form(r, "pow"), req_form(r, "challenge_answer"),
			       time_now(), e);
}

/* TK's note on the personal data its form asks for, in the page's language (#16). */
static const char *ticket_why(struct req *r, const struct ticket_kind *tk)
{
	char key[160];
	snprintf(key, sizeof(key), "ticket.%s.why", tk->name);
	const char *s = json_string_value(json_object_get(req_texts(r), key));
	return s ? s : tk->why ? tk->why : "";
}

/* The form of TK with the values FORM, errors E (NULL: none), and a fresh challenge. */
static void render_form(struct req *r, int status, const struct ticket_kind *tk, json_t *form, const struct errs *e,
			json_t *extra)
{
	char path[96];
	snprintf(path, sizeof(path), "/gui/%s", tk->segment);
	const char *label = tk->form ? kind_tr(req_texts(r), tk->form, NULL) : tk->label;
	json_t *ctx = web_public_ctx(r, label, path);
	web_crumb(ctx, label, NULL);
	json_t *errors = json_object();
	if (e) {
		admin_errors(r, ctx, e);
		json_object_update(errors, json_object_get(ctx, "errors"));
	}
	json_t *chal = web_challenge_view(r, ctx, tk->segment, json_string_value(json_object_get(errors, "challenge")));
	if (!chal) {
		json_decref(errors);
		json_decref(ctx);
		json_decref(extra);
		resp_error(r, 500, "server_error");
		return;
	}
	json_t *view = json_pack("{sssssssosOsisbsi}", "label", label, "segment", tk->segment, "why", ticket_why(r, tk),
				 "fields", kind_form_fields(r, tk->form, form, errors), "challenge", chal, "bits",
				 json_integer_value(json_object_get(chal, "bits")), "publishes", tk->item_kind != NULL,
				 "attachments", tk->attachments);
	json_decref(chal);
	if (extra)
		json_object_update(view, extra);
	json_decref(extra);
	json_object_set(view, "errors", errors);
	json_decref(errors);
	json_object_set_new(ctx, "ticket", view);
	resp_header(r, "Cache-Control", "no-store");
	resp_render(r, status, "public/ticket_form", ctx);
}

static const struct ticket_kind *kind_of(struct req *r)
{
	const struct ticket_kind *tk = ticket_kind_by_segment(r->captures[0]);
	if (!tk)
		web_error(r, 404, rtr(r, "error_404"), rtr(r, "ticket_no_such_form"));
	return tk;
}

void page_ticket_form(struct req *r)
{
	const struct ticket_kind *tk = kind_of(r);
	if (!tk)
		return;
	json_t *form = json_object();
	const char *page = req_arg(r, "trang");
	if (page && *page && kind_field(tk->form, "trang"))
		json_object_set_new(form, "trang", json_string(page));
	json_t *extra = json_pack("{sbsbss}", "notify", 1, "show_name", 0, "item", "");
	const char *item = req_arg(r, "muc");
	if (item && *item)
		json_object_set_new(extra, "item", json_string(item));
	render_form(r, 200, tk, form, NULL, extra);
	json_decref(form);
}

void page_ticket_submit(struct req *r)
{
	const struct ticket_kind *tk = kind_of(r);
	if (!tk)
		return;
	struct errs e = { 0 };
	json_t *raw = kind_form_raw(r, tk->form, &e);
	const char *item = req_form(r, "muc");
	int show_name = req_form(r, "hien_ten") != NULL, notify = req_form(r, "nhan_thu") != NULL;
	int64_t now = time_now(), item_id = item && *item ? strtoll(item, NULL, 10) : 0;
	web_challenge_check(r, tk->segment, &e);
	char code[24] = "";
	int rc = M_INVALID;
	/* the attachments, written privately once the challenge holds (a robot fills no disk) */
	json_t *files = json_array();
	if (!e.n && tk->attachments && web_ticket_files(r, "tep", (size_t)tk->attachments, &e, files) == M_ERROR)
		rc = M_ERROR;
	if (!e.n && rc != M_ERROR) {
		char *base = web_site_url(r, r->site);
		struct ticket_input in = { .raw = raw, .addr = r->address, .item_id = item_id > 0 ? item_id : 0,
					   .show_name = show_name, .notify = notify, .challenge = req_form(r, "challenge"),
					   .base_url = base, .files = files };
		int64_t id = 0;
		rc = ticket_submit(r->db, tk, site_of(r), &in, now, &e, code, &id);
		free(base);
	}
	int had_files = 0; /* a refused form keeps no file: the browser must send them again */
	for (size_t i = 0; i < r->nfields; i++)
		had_files |= strcmp(r->fields[i].key, "tep") == 0 && r->fields[i].filename && r->fields[i].value.len;
	json_decref(files);
	if (rc == M_OK) {
		json_decref(raw);
		char loc[96];
		snprintf(loc, sizeof(loc), "/theo-doi?ma=%s&moi=1", code);
		resp_redirect(r, 303, loc);
		return;
	}
	if (rc == M_ERROR) {
		json_decref(raw);
		resp_error(r, 500, "server_error");
		return;
	}
	json_t *extra = json_pack("{sbsbsssb}", "notify", notify, "show_name", show_name, "item", item ? item : "",
				  "files_again", had_files);
	render_form(r, 422, tk, raw, &e, extra);
	json_decref(raw);
}

static void render_status(struct req *r, int status, json_t *t, const char *code, int asked_owner)
{
	json_t *ctx = web_public_ctx(r, rtr(r, "track_title"), "/theo-doi");
	web_crumb(ctx, rtr(r, "track_title"), NULL);
	json_t *view = json_pack("{sssbsb}", "code", code ? code : "", "asked", code && *code, "asked_owner", asked_owner);
	if (t) {
		ticket_texts_apply(req_texts(r), t); /* the kind, state and steps in the page's language */
		json_t *item = json_object_get(t, "item");
		if (item) {
			char *p = web_item_path(json_string_value(json_object_get(item, "kind")),
						json_string_value(json_object_get(item, "slug")),
						json_integer_value(json_object_get(item, "id")));
			json_object_set_new(t, "item_url", json_string(p));
			free(p);
		}
		json_t *personal = json_object_get(t, "personal");
		if (personal) { /* what the citizen sent, labelled by the kind's descriptor */
			const struct ticket_kind *tk = ticket_kind_find(json_string_value(json_object_get(t, "kind")));
			json_t *rows = json_array();
			for (size_t i = 0; tk && i < tk->form->nfields; i++) {
				const struct kind_field *f = &tk->form->fields[i];
				json_t *v = json_object_get(personal, f->key);
				if (!v)
					v = json_object_get(json_object_get(t, "fields"), f->key);
				char *txt = kind_value_text(f, v);
				if (*txt)
					json_array_append_new(rows, json_pack("{ssss}", "label", kind_tr_field(req_texts(r), tk->form, f, NULL), "value", txt));
				free(txt);
			}
			json_object_set_new(t, "has_sent", json_boolean(json_array_size(rows) > 0));
			json_object_set_new(t, "sent", rows);
		}
		json_object_set(view, "ticket", t);
	}
	json_object_set_new(view, "is_new", json_boolean(req_arg(r, "moi") != NULL));
	json_object_set_new(ctx, "track", view);
	json_object_set_new(ctx, "csrf", json_string(web_csrf_token(r)));
	resp_header(r, "Cache-Control", "no-store");
	resp_header(r, "X-Robots-Tag", "noindex");
	resp_render(r, status, "public/ticket_status", ctx);
}

void page_ticket_status(struct req *r)
{
	const char *code = req_arg(r, "ma");
	json_t *t = code && *code ? ticket_status(r->db, code) : NULL;
	render_status(r, code && *code && !t ? 404 : 200, t, code, 0);
	json_decref(t);
}

void page_ticket_status_owner(struct req *r)
{
	const char *code = req_form(r, "ma"), *email = req_form(r, "email");
	json_t *t = ticket_status_owner(r->db, code, email);
	/* a wrong e-mail and an unknown code answer alike: the form does not tell which codes exist */
	render_status(r, t ? 200 : 404, t, code, 1);
	json_decref(t);
}

void page_ticket_optout(struct req *r)
{
	int rc = ticket_optout(r->db, req_arg(r, "ma"), req_arg(r, "t"));
	if (rc == M_OK)
		web_error(r, 200, "Đã ngừng gửi thư", "Cổng sẽ không gửi thư về việc này cho Ông/Bà nữa. "
						     "Ông/Bà vẫn theo dõi được tình trạng xử lý bằng mã theo dõi.");
	else if (rc == M_NOTFOUND)
		web_error(r, 404, "Liên kết không đúng", "Liên kết ngừng nhận thư không đúng hoặc đã hỏng.");
	else
		resp_error(r, 500, "server_error");
}
