/* ops.c — the system administrator's pages for running the portal: planned maintenance notices
 * (ND 224/2025 Đ13: announced at least 7 working days before, shown on every public page) and
 * incidents (VL Đ18, TQ Đ9: recorded, the administrators alerted by mail, listed by period for
 * the periodic reports). The rules and the permission live in model/ops.c.
 * WEBPAGE: GET  /quan-tri/bao-tri                 the notices and the form to add one
 * WEBPAGE: POST /quan-tri/bao-tri                 add: starts, ends (datetime-local, Vietnam time), message
 * WEBPAGE: POST /quan-tri/bao-tri/huy             cancel: id
 * WEBPAGE: GET  /quan-tri/su-co                   incidents, filtered by period: tu, den (YYYY-MM-DD, inclusive);
 *                                                  dang = xlsx | csv: the same list as a file for the periodic report
 * WEBPAGE: POST /quan-tri/su-co                   record: at, kind, effect, actions, handler; then the alert mail
 * WEBPAGE: POST /quan-tri/su-co/nguoi-nhan        who the alerts go to besides the portal's mailbox: incident_mail_to */
#include "web/web.h"
#include "base/locale.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"
#include "jobs/reminders.h"
#include "model/ops.h"
#include "report/table.h"
#include "vn/calendar.h"

#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define MAINT_PATH "/quan-tri/bao-tri"
#define INCIDENT_PATH "/quan-tri/su-co"

static void day_text(int32_t day, char out[11])
{
	vn_date d = vn_days_to_date(day);
	snprintf(out, 11, "%02u/%02u/%04u", (unsigned)d.d % 100u, (unsigned)d.m % 100u, (unsigned)d.y % 10000u);
}

/* The form's fields again, as typed. */
static json_t *form_keep(struct req *r, const char *const *keys, size_t n)
{
	json_t *f = json_object();
	for (size_t i = 0; i < n; i++) {
		const char *v = req_form(r, keys[i]);
		json_object_set_new(f, keys[i], json_string(v ? v : ""));
	}
	return f;
}

/* ---- maintenance notices ---- */

/* A label from a locale key made of PREFIX and the row's KEY field, in the request's language (the
 * model gives keys; the texts are locale's, admin2.json). */
/* A text field of O, "" when absent. */
static const char *field(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

static void label_from_key(struct req *r, json_t *row, const char *key, const char *prefix, const char *label)
{
	char k[64];
	snprintf(k, sizeof(k), "%s%s", prefix, field(row, key));
	json_object_set_new(row, label, json_string(rtr(r, k)));
}

static void maint_render(struct req *r, int status, json_t *form, const struct errs *e, int32_t too_late)
{
	int64_t now = time_now();
	json_t *rows = maint_list(r->db, &r->actor, now);
	if (!rows) {
		json_decref(form);
		resp_error(r, 403, "sysadmin_only");
		return;
	}
	json_t *row;
	size_t i;
	json_array_foreach(rows, i, row) label_from_key(r, row, "state", "maint_state_", "state_label");
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_maintenance"));
	char day[11];
	int32_t first = maint_earliest_day(r->db, now);
	day_text(first, day);
	json_object_set_new(ctx, "earliest", json_string(day));
	json_object_set_new(ctx, "notice_days", json_integer(MAINT_NOTICE_DAYS));
	json_object_set_new(ctx, "notices", rows);
	json_object_set_new(ctx, "form", form ? form : json_object());
	if (e) {
		admin_errors(r, ctx, e);
		if (too_late) { /* the message names the earliest day a start is allowed on */
			struct sb m = SB_INIT;
			const char *t = rtr(r, "maint_too_late"), *at = strstr(t, "{date}");
			day_text(too_late, day);
			if (at)
				sb_addf(&m, "%.*s%s%s", (int)(at - t), t, day, at + 6);
			else
				sb_addf(&m, "%s %s", t, day);
			json_object_set_new(json_object_get(ctx, "errors"), "starts", json_string(m.buf));
			sb_release(&m);
		}
	}
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "saved")));
	resp_render(r, status, "admin/maintenance", ctx);
}

void admin_maintenance(struct req *r)
{
	maint_render(r, 200, NULL, NULL, 0);
}

void admin_maintenance_add(struct req *r)
{
	static const char *const keep[] = { "starts", "ends", "message" };
	struct errs e = { 0 };
	struct maint_input in = { req_form(r, "starts"), req_form(r, "ends"), req_form(r, "message") };
	int32_t earliest = 0;
	int64_t id;
	int rc = maint_add(r->db, &r->actor, &in, time_now(), &e, &earliest, &id);
	if (rc == M_OK)
		resp_redirect(r, 303, MAINT_PATH "?da-luu=1");
	else if (rc == M_INVALID)
		maint_render(r, 422, form_keep(r, keep, ARRAY_SIZE(keep)), &e, earliest);
	else
		admin_model_error(r, rc);
}

void admin_maintenance_cancel(struct req *r)
{
	int64_t id;
	const char *s = req_form(r, "id");
	if (!s || parse_i64(s, 1, INT64_MAX, &id)) {
		resp_error(r, 400, "bad_request");
		return;
	}
	int rc = maint_cancel(r->db, &r->actor, id);
	if (rc == M_OK)
		resp_redirect(r, 303, MAINT_PATH "?da-luu=1");
	else
		admin_model_error(r, rc);
}

/* ---- incidents ---- */

/* A filter day "YYYY-MM-DD" into the first instant of that day (or of the next when NEXT). */
static int filter_day(const char *s, int next, int64_t *t)
{
	vn_date d;
	if (!s || !*s) {
		*t = 0;
		return 0;
	}
	if (vn_date_parse(s, &d))
		return -1;
	*t = vn_time_of_days(vn_date_to_days(d) + (next ? 1 : 0));
	return 0;
}

/* The list as a file for the periodic reports (CSV or XLSX, src/report). */
static void incidents_export(struct req *r, json_t *rows, const char *how, const char *tu, const char *den)
{
	/* the file's columns in the requesting account's language */
	static const char *const titles[] = { "adm_incc_occurred", "adm_inc_loai_su_co", "adm_inc_anh_huong",
					      "adm_inc_bien_phap_da_thuc", "adm_incc_handler", "adm_incc_recorded_by",
					      "adm_incc_recorded_at", "adm_inc_thu_canh_bao" };
	static const char *const keys[] = { "occurred", "kind_label", "effect", "actions", "handler", "recorded_by", "recorded" };
	struct table t;
	struct sb name = SB_INIT;
	size_t i;
	json_t *row;
	table_init(&t, rtr(r, "adm_title_incidents"));
	for (i = 0; i < ARRAY_SIZE(titles); i++)
		table_add_column(&t, rtr(r, titles[i]), TABLE_TEXT);
	json_array_foreach(rows, i, row) {
		const char *cells[ARRAY_SIZE(titles)];
		struct sb mail = SB_INIT;
		for (size_t j = 0; j < ARRAY_SIZE(keys); j++)
			cells[j] = json_string_value(json_object_get(row, keys[j]));
		char line[512];
		if (json_is_string(json_object_get(row, "mailed")))
			locale_format(line, sizeof(line), rtr(r, "adm_incc_mailed_fmt"), json_string_value(json_object_get(row, "mailed")));
		else
			locale_format(line, sizeof(line), rtr(r, "adm_incc_not_mailed_fmt"),
				      field(row, "mail_error"));
		sb_adds(&mail, line);
		cells[ARRAY_SIZE(titles) - 1] = mail.buf;
		table_add_row(&t, cells);
		sb_release(&mail);
	}
	sb_addf(&name, "su-co-%s-%s", tu && *tu ? tu : "dau", den && *den ? den : "nay");
	web_send_table(r, &t, how, name.buf);
	table_release(&t);
	sb_release(&name);
}

static void incidents_render(struct req *r, int status, json_t *form, const struct errs *e_in)
{
	struct errs e = e_in ? *e_in : (struct errs){ 0 };
	int64_t from = 0, to = 0;
	const char *tu = req_arg(r, "tu"), *den = req_arg(r, "den");
	if (filter_day(tu, 0, &from))
		errs_add(&e, "tu", "calendar_day_invalid");
	if (filter_day(den, 1, &to))
		errs_add(&e, "den", "calendar_day_invalid");
	if (from && to && to <= from)
		errs_add(&e, "den", "period_invalid");
	int bad_filter = e.n > (e_in ? e_in->n : 0);
	json_t *rows = incident_list(r->db, &r->actor, bad_filter ? 0 : from, bad_filter ? 0 : to), *row;
	if (!rows) {
		json_decref(form);
		resp_error(r, 403, "sysadmin_only");
		return;
	}
	size_t i;
	json_array_foreach(rows, i, row) label_from_key(r, row, "kind", "incident_kind_", "kind_label");
	const char *how = req_arg(r, "dang");
	if (!bad_filter && !form && how && (strcmp(how, "xlsx") == 0 || strcmp(how, "csv") == 0)) {
		incidents_export(r, rows, how, tu, den);
		json_decref(rows);
		return;
	}
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_incidents"));
	struct sb q = SB_INIT;
	sb_addf(&q, "tu=%s&den=%s", tu && !bad_filter ? tu : "", den && !bad_filter ? den : "");
	json_object_set_new(ctx, "filter_query", json_string(q.buf));
	sb_release(&q);
	json_object_set_new(ctx, "incidents", rows);
	json_object_set_new(ctx, "count", json_integer((json_int_t)json_array_size(rows)));
	json_object_set_new(ctx, "filter", json_pack("{ssss}", "tu", tu ? tu : "", "den", den ? den : ""));
	json_object_set_new(ctx, "filtered", json_boolean((tu && *tu) || (den && *den)));
	json_t *kinds = incident_kinds(), *k;
	const char *chosen = form ? json_string_value(json_object_get(form, "kind")) : NULL;
	json_array_foreach(kinds, i, k) {
		label_from_key(r, k, "key", "incident_kind_", "label");
		json_object_set_new(k, "selected", json_boolean(chosen && strcmp(chosen, json_string_value(json_object_get(k, "key"))) == 0));
	}
	json_object_set_new(ctx, "kinds", kinds);
	json_t *rcpt = incident_recipients(r->db);
	struct sb list = SB_INIT;
	json_t *v;
	json_array_foreach(rcpt, i, v)
		sb_addf(&list, "%s%s", i ? ", " : "", json_string_value(v));
	json_object_set_new(ctx, "recipients", json_string(list.buf ? list.buf : ""));
	sb_release(&list);
	json_decref(rcpt);
	char *extra = incident_mail_to(r->db);
	const char *typed = req_form(r, "incident_mail_to");
	json_object_set_new(ctx, "incident_mail_to", json_string(typed ? typed : extra ? extra : ""));
	free(extra);
	if (!form) {
		char now_s[32];
		time_format_iso(time_now(), now_s, sizeof(now_s)); /* YYYY-MM-DDTHH:MM:SS+07:00 */
		now_s[16] = '\0';
		form = json_pack("{ss}", "at", now_s);
	}
	json_object_set_new(ctx, "form", form);
	if (e.n || e_in)
		admin_errors(r, ctx, &e);
	const char *saved = req_arg(r, "da-luu"), *mail = req_arg(r, "thu");
	if (saved) {
		struct sb m = SB_INIT;
		sb_adds(&m, rtr(r, "incident_saved"));
		if (mail && strcmp(mail, "ok") == 0)
			sb_addf(&m, " %s", rtr(r, "incident_mailed"));
		else if (mail)
			sb_addf(&m, " %s", rtr(r, "incident_not_mailed"));
		json_object_set_new(ctx, "notice", json_string(m.buf));
		sb_release(&m);
	}
	resp_render(r, bad_filter && status == 200 ? 422 : status, "admin/incidents", ctx);
}

void admin_incidents(struct req *r)
{
	incidents_render(r, 200, NULL, NULL);
}

/* The alert: to the portal's mailbox and the setting's addresses. 0 sent, -1 not (ERR). */
static int incident_alert(struct req *r, int64_t id, char *err, size_t errlen)
{
	json_t *inc = incident_get(r->db, id), *to = incident_recipients(r->db);
	size_t n = json_array_size(to);
	const char **rcpt = xcalloc(n ? n : 1, sizeof(*rcpt));
	for (size_t i = 0; i < n; i++)
		rcpt[i] = json_string_value(json_array_get(to, i));
	struct sb subject = SB_INIT, text = SB_INIT;
	const char *site = json_string_value(json_object_get(r->site, "name"));
	char *url = web_site_url(r, r->site); /* ends with "/" */
	/* in Vietnamese: the recipients are mailboxes (the portal's, the setting's), not accounts */
	char kind_key[64], buf[8192];
	snprintf(kind_key, sizeof(kind_key), "incident_kind_%s", field(inc, "kind"));
	const char *kind = tr(r->app, kind_key);
#define F(k) field(inc, k)
	locale_format(buf, sizeof(buf), tr(r->app, "incident_mail_subject_fmt"), kind, F("occurred"));
	sb_adds(&subject, buf);
	locale_format(buf, sizeof(buf), tr(r->app, "incident_mail_body_fmt"), site ? site : "", F("occurred"), kind,
		      F("effect"), F("actions"), F("handler"), F("recorded_by"), F("recorded"), url, &INCIDENT_PATH[1]);
	sb_adds(&text, buf);
#undef F
	int rc = inc ? reminders_mail(r->db, rcpt, n, subject.buf, text.buf, err, errlen) : -1;
	if (!inc)
		snprintf(err, errlen, "incident %lld not found", (long long)id);
	free(rcpt);
	free(url);
	json_decref(to);
	json_decref(inc);
	sb_release(&subject);
	sb_release(&text);
	return rc;
}

void admin_incident_add(struct req *r)
{
	static const char *const keep[] = { "at", "kind", "effect", "actions", "handler" };
	struct errs e = { 0 };
	struct incident_input in = { req_form(r, "at"), req_form(r, "kind"), req_form(r, "effect"), req_form(r, "actions"),
				     req_form(r, "handler") };
	int64_t id;
	int rc = incident_add(r->db, &r->actor, &in, &e, &id);
	if (rc == M_INVALID) {
		incidents_render(r, 422, form_keep(r, keep, ARRAY_SIZE(keep)), &e);
		return;
	}
	if (rc != M_OK) {
		admin_model_error(r, rc);
		return;
	}
	/* recorded first (committed): the mail may fail, the record stays, with why */
	char err[256] = "";
	int sent = incident_alert(r, id, err, sizeof(err)) == 0;
	if (!sent)
		log_warn("incident %lld: the alert was not sent: %s", (long long)id, err);
	incident_mail_mark(r->db, id, sent ? "" : err);
	resp_redirect(r, 303, sent ? INCIDENT_PATH "?da-luu=1&thu=ok" : INCIDENT_PATH "?da-luu=1&thu=loi");
}

void admin_incident_recipients(struct req *r)
{
	struct errs e = { 0 };
	const char *list = req_form(r, "incident_mail_to");
	int rc = incident_recipients_save(r->db, &r->actor, list ? list : "", &e);
	if (rc == M_OK)
		resp_redirect(r, 303, INCIDENT_PATH "?da-luu=1");
	else if (rc == M_INVALID)
		incidents_render(r, 422, NULL, &e);
	else
		admin_model_error(r, rc);
}
