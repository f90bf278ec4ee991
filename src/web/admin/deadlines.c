/* deadlines.c — update deadlines and the periodic review (model/deadline.h).
 * WEBPAGE: GET  /quan-tri/han-cap-nhat               due today, within 2 working days, overdue
 *                                                   (pham-vi=tinh: the whole province)
 * WEBPAGE: GET  /quan-tri/han-cap-nhat/bao-cao       compliance (tu, den = yyyy-mm-dd, pham-vi,
 *                                                   dang = csv | xlsx for the exports)
 * WEBPAGE: GET  /quan-tri/han-cap-nhat/quy-tac       the rules and each category's kind
 * WEBPAGE: POST /quan-tri/han-cap-nhat/quy-tac       kind, amount, unit (pham-vi=tinh: the
 *                                                   province's default); mac-dinh=1 drops the site's
 * WEBPAGE: POST /quan-tri/han-cap-nhat/chuyen-muc/<id>  kind, review_days of a category
 * WEBPAGE: GET  /quan-tri/ra-soat                    fixed pages due for review (tat-ca=1: all)
 * WEBPAGE: POST /quan-tri/ra-soat/<id>               record a review
 * WEBPAGE: GET  /quan-tri/thu-nhac-han               the reminders' mail: SMTP (system
 *                                                   administrator, main portal), recipients
 * WEBPAGE: POST /quan-tri/thu-nhac-han               SMTP settings (smtp_url, smtp_from, ...)
 * WEBPAGE: POST /quan-tri/thu-nhac-han/nguoi-nhan    the site's extra recipients (reminder_to)
 * WEBPAGE: POST /quan-tri/thu-nhac-han/gui-thu       a test message to test_to */
#include "web/web.h"
#include "model/ticket.h"
#include "model/deadline.h"
#include "jobs/reminders.h"
#include "mail/mail.h"
#include "report/chart.h"
#include "report/table.h"
#include "vn/calendar.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static int64_t site_id_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

/* "pham-vi=tinh": the province (site 0) when this is the main portal's admin. */
static int64_t scope_of(struct req *r)
{
	const char *p = req_arg(r, "pham-vi");
	if (!p)
		p = req_form(r, "pham-vi");
	if (p && strcmp(p, "tinh") == 0 && strcmp(json_string_value(json_object_get(r->site, "kind")), "main") == 0)
		return 0;
	return site_id_of(r);
}

static void scope_ctx(struct req *r, json_t *ctx, int64_t scope)
{
	int is_main = strcmp(json_string_value(json_object_get(r->site, "kind")), "main") == 0;
	json_object_set_new(ctx, "province", json_boolean(scope == 0));
	json_object_set_new(ctx, "can_province", json_boolean(is_main && deadline_may_view(r->db, &r->actor, 0)));
	json_object_set_new(ctx, "scope_query", json_string(scope == 0 ? "pham-vi=tinh" : "pham-vi=trang"));
}

void admin_deadlines(struct req *r)
{
	int64_t scope = scope_of(r);
	json_t *lists = deadline_open(r->db, &r->actor, scope, time_now());
	if (!lists) {
		resp_error(r, 403, "forbidden");
		return;
	}
	json_t *ctx = admin_ctx(r, rtr(r, scope ? "adm_title_deadlines" : "adm_title_deadlines_province"));
	scope_ctx(r, ctx, scope);
	static const char *const names[] = { "overdue", "today", "soon" };
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		json_t *list = json_object_get(lists, names[i]), *it;
		size_t k;
		json_array_foreach(list, k, it) {
			char url[64];
			const char *path = json_string_value(json_object_get(it, "path")); /* a ticket's */
			if (path)
				snprintf(url, sizeof(url), "%s", path);
			else
				snprintf(url, sizeof(url), "/quan-tri/bai-viet/%lld",
					 (long long)json_integer_value(json_object_get(it, "id")));
			/* items of other sites open in their own site's admin */
			if (json_integer_value(json_object_get(it, "site_id")) != site_id_of(r)) {
				json_t *s = json_pack("{sOsO}", "slug", json_object_get(it, "site_slug"), "kind",
						      json_object_get(it, "site_kind"));
				char *su = web_site_url(r, s);
				struct sb u = SB_INIT;
				sb_addf(&u, "%s%s", su, url + 1);
				json_object_set_new(it, "url", json_string(u.buf));
				sb_release(&u);
				free(su);
				json_decref(s);
			} else {
				json_object_set_new(it, "url", json_string(url));
			}
			/* a translation still to make (model/translation.h) says what is lacking */
			if (json_is_string(json_object_get(it, "state_key")))
				json_object_set_new(it, "state_label", json_string(rtr(r, json_string_value(json_object_get(it, "state_key")))));
			else if (json_is_string(json_object_get(it, "path"))) /* a ticket's state (deadline_open) */
				json_object_set_new(it, "state_label", json_string(ticket_state_text(req_texts(r),
					json_string_value(json_object_get(it, "state")))));
			if (!json_object_get(it, "state_label"))
				json_object_set_new(it, "state_label", json_string(article_state_text(req_texts(r),
					json_string_value(json_object_get(it, "state")))));
		}
		char has[32];
		snprintf(has, sizeof(has), "has_%s", names[i]);
		json_object_set_new(ctx, has, json_boolean(json_array_size(list) > 0));
	}
	json_object_update(ctx, lists);
	json_decref(lists);
	resp_render(r, 200, "admin/deadlines", ctx);
}

/* ---- compliance ---- */

/* The period asked for: tu/den as yyyy-mm-dd, by default the current year up to today. */
static int period_of(struct req *r, json_t *ctx, int32_t *from, int32_t *to, struct errs *e)
{
	int32_t today = vn_days_of_time(time_now());
	vn_date d = vn_days_to_date(today);
	vn_date start = { d.y, 1, 1 }, parsed;
	const char *tu = req_arg(r, "tu"), *den = req_arg(r, "den");
	char buf[11];
	*from = vn_date_to_days(start);
	*to = today;
	if (tu && *tu) {
		if (vn_date_parse(tu, &parsed))
			errs_add(e, "tu", "day_invalid");
		else
			*from = vn_date_to_days(parsed);
	}
	if (den && *den) {
		if (vn_date_parse(den, &parsed))
			errs_add(e, "den", "day_invalid");
		else
			*to = vn_date_to_days(parsed);
	}
	if (!e->n && *to < *from)
		errs_add(e, "den", "period_reversed");
	vn_date_format(vn_days_to_date(*from), buf);
	json_object_set_new(ctx, "tu", json_string(tu && e->n ? tu : buf));
	vn_date_format(vn_days_to_date(*to), buf);
	json_object_set_new(ctx, "den", json_string(den && e->n ? den : buf));
	return e->n ? -1 : 0;
}

/* Links to the usual periods: this month, last month, this quarter, this year. */
static void period_presets(struct req *r, json_t *ctx, const char *scope_query)
{
	vn_date t = vn_days_to_date(vn_days_of_time(time_now()));
	int q0 = (t.m - 1) / 3 * 3 + 1, pm = t.m == 1 ? 12 : t.m - 1, py = t.m == 1 ? t.y - 1 : t.y;
	vn_date last_of_prev = vn_days_to_date(vn_date_to_days((vn_date){ t.y, t.m, 1 }) - 1);
	const struct {
		const char *label;
		vn_date from, to;
	} p[] = { { "adm_period_this_month", { t.y, t.m, 1 }, t }, { "adm_period_last_month", { py, pm, 1 }, last_of_prev },
		  { "adm_period_this_quarter", { t.y, q0, 1 }, t }, { "adm_period_this_year", { t.y, 1, 1 }, t } };
	json_t *list = json_array();
	for (size_t i = 0; i < ARRAY_SIZE(p); i++) {
		char a[11], b[11];
		struct sb u = SB_INIT;
		vn_date_format(p[i].from, a);
		vn_date_format(p[i].to, b);
		sb_addf(&u, "/quan-tri/han-cap-nhat/bao-cao?%s&tu=%s&den=%s", scope_query, a, b);
		json_array_append_new(list, json_pack("{ssss}", "label", rtr(r, p[i].label), "url", u.buf));
		sb_release(&u);
	}
	json_object_set_new(ctx, "presets", list);
}

static void fmt_num(char *buf, size_t n, double v)
{
	if (v == (double)(int64_t)v)
		snprintf(buf, n, "%lld", (long long)v);
	else
		snprintf(buf, n, "%.1f", v);
}

/* The compliance table as rows of strings, for CSV and XLSX. */
static void compliance_table(struct req *r, struct table *t, json_t *rows, int with_site)
{
	static const char *const cols[] = { "adm_cmp_site", "adm_cmp_kind", "adm_cmp_total", "adm_cmp_on_time", "adm_cmp_late",
					    "adm_cmp_open", "adm_cmp_open_overdue", "adm_cmp_on_time_pct",
					    "adm_cmp_median_late" };
	static const enum table_kind kinds[] = { TABLE_TEXT, TABLE_TEXT, TABLE_INTEGER, TABLE_INTEGER, TABLE_INTEGER,
						 TABLE_INTEGER, TABLE_INTEGER, TABLE_PERCENT, TABLE_NUMBER };
	for (size_t i = with_site ? 0 : 1; i < ARRAY_SIZE(cols); i++)
		table_add_column(t, rtr(r, cols[i]), kinds[i]);
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		char n[7][32];
		static const char *const keys[] = { "total", "on_time", "late", "open", "open_overdue" };
		for (size_t k = 0; k < 5; k++)
			snprintf(n[k], sizeof(n[k]), "%lld", (long long)json_integer_value(json_object_get(row, keys[k])));
		fmt_num(n[5], sizeof(n[5]), json_real_value(json_object_get(row, "on_time_pct")));
		fmt_num(n[6], sizeof(n[6]), json_real_value(json_object_get(row, "median_late_days")));
		const char *cells[9] = { json_string_value(json_object_get(row, "site_name")),
					 json_string_value(json_object_get(row, "kind_name")), n[0], n[1], n[2], n[3], n[4], n[5], n[6] };
		table_add_row(t, with_site ? cells : cells + 1);
	}
}

static void compliance_export(struct req *r, json_t *report, const char *how, int32_t from, int32_t to, int64_t scope)
{
	struct table t;
	struct sb name = SB_INIT;
	char a[11], b[11];
	vn_date_format(vn_days_to_date(from), a);
	vn_date_format(vn_days_to_date(to), b);
	table_init(&t, rtr(r, "adm_cmp_sheet"));
	compliance_table(r, &t, json_object_get(report, "rows"), 1);
	sb_addf(&name, "han-cap-nhat-%s-%s-%s", scope ? json_string_value(json_object_get(r->site, "slug")) : "toan-tinh", a,
		b);
	web_send_table(r, &t, how, name.buf);
	table_release(&t);
	sb_release(&name);
}

static char *compliance_chart(struct req *r, json_t *by_site)
{
	const char *series[] = { rtr(r, "adm_cmp_on_time"), rtr(r, "adm_cmp_late"), rtr(r, "adm_cmp_open") };
	size_t n = json_array_size(by_site), i;
	const char **cats = xcalloc(n ? n : 1, sizeof(*cats));
	int64_t *vals = xcalloc(n ? n * 3 : 1, sizeof(*vals));
	json_t *row;
	json_array_foreach(by_site, i, row) {
		cats[i] = json_string_value(json_object_get(row, "site_name"));
		vals[i * 3] = json_integer_value(json_object_get(row, "on_time"));
		vals[i * 3 + 1] = json_integer_value(json_object_get(row, "late"));
		vals[i * 3 + 2] = json_integer_value(json_object_get(row, "open"));
	}
	struct chart_hbar c = { .id = "tuan-thu", .title = rtr(r, "adm_chart_title"),
				.desc = rtr(r, "adm_chart_desc"),
				.no_data = rtr(r, "adm_chart_no_data"),
				.aSeries = series, .nSeries = 3, .aCategory = cats, .nCategory = n, .aValue = vals };
	struct sb svg = SB_INIT;
	if (chart_hbar_svg(&c, &svg))
		sb_reset(&svg);
	free(cats);
	free(vals);
	return sb_detach(&svg, NULL);
}

void admin_deadline_report(struct req *r)
{
	struct errs e = { 0 };
	int32_t from, to;
	int64_t scope = scope_of(r);
	if (!deadline_may_view(r->db, &r->actor, scope)) {
		resp_error(r, 403, "forbidden");
		return;
	}
	json_t *ctx = admin_ctx(r, rtr(r, scope ? "adm_title_compliance" : "adm_title_compliance_province"));
	scope_ctx(r, ctx, scope);
	period_presets(r, ctx, scope ? "pham-vi=trang" : "pham-vi=tinh");
	if (period_of(r, ctx, &from, &to, &e)) {
		admin_errors(r, ctx, &e);
		resp_render(r, 422, "admin/deadline-report", ctx);
		return;
	}
	json_t *report = deadline_compliance(r->db, &r->actor, scope, from, to, time_now());
	const char *how = req_arg(r, "dang");
	if (report && how && (strcmp(how, "csv") == 0 || strcmp(how, "xlsx") == 0)) {
		compliance_export(r, report, how, from, to, scope);
		json_decref(report);
		json_decref(ctx);
		return;
	}
	if (!report) {
		json_decref(ctx);
		resp_error(r, 500, "server_error");
		return;
	}
	char *svg = compliance_chart(r, json_object_get(report, "by_site"));
	json_object_set_new(ctx, "chart", json_string(svg));
	free(svg);
	json_t *row;
	size_t i;
	static const char *const lists[] = { "rows", "by_site" };
	for (size_t l = 0; l < ARRAY_SIZE(lists); l++)
		json_array_foreach(json_object_get(report, lists[l]), i, row) {
			char buf[32];
			fmt_num(buf, sizeof(buf), json_real_value(json_object_get(row, "on_time_pct")));
			json_object_set_new(row, "pct", json_string(buf));
			fmt_num(buf, sizeof(buf), json_real_value(json_object_get(row, "median_late_days")));
			json_object_set_new(row, "median", json_string(buf));
		}
	json_object_set_new(ctx, "has_rows", json_boolean(json_array_size(json_object_get(report, "rows")) > 0));
	json_object_update(ctx, report);
	json_decref(report);
	resp_render(r, 200, "admin/deadline-report", ctx);
}

/* ---- rules ---- */

static void rules_render(struct req *r, int status, const struct errs *e, json_t *form)
{
	int64_t site = site_id_of(r);
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_deadline_rules"));
	json_t *rules = deadline_rules(r->db, site, req_texts(r)), *rule, *defaults = NULL;
	size_t i;
	int siteadmin = json_is_true(json_object_get(ctx, "is_siteadmin"));
	json_array_foreach(rules, i, rule)
		json_object_set_new(rule, "editable", json_boolean(siteadmin));
	json_object_set_new(ctx, "rules", rules);
	if (r->actor.sysadmin && strcmp(json_string_value(json_object_get(r->site, "kind")), "main") == 0) {
		defaults = deadline_rules(r->db, 0, req_texts(r));
		json_object_set_new(ctx, "defaults", defaults);
		json_object_set_new(ctx, "has_defaults", json_true());
	}
	json_t *cats = deadline_categories(r->db, site), *c;
	json_t *kinds = deadline_rules(r->db, site, req_texts(r));
	json_array_foreach(cats, i, c) {
		json_t *opts = json_array(), *k;
		size_t j;
		const char *cur = json_string_value(json_object_get(c, "deadline_kind"));
		json_array_foreach(kinds, j, k)
			json_array_append_new(opts, json_pack("{sOsOsb}", "kind", json_object_get(k, "kind"), "name",
				json_object_get(k, "name"), "selected", cur && strcmp(cur, json_string_value(json_object_get(k, "kind"))) == 0));
		json_object_set_new(c, "kinds", opts);
		json_object_set_new(c, "indent", json_integer(json_integer_value(json_object_get(c, "depth")) * 2));
	}
	json_decref(kinds);
	json_object_set_new(ctx, "categories", cats);
	json_object_set_new(ctx, "can_edit_categories", json_boolean(json_is_true(json_object_get(ctx, "can_manage_categories"))));
	if (form && e) {
		/* the errors and the values typed go back to the row they were typed in */
		json_t *target = NULL, *x;
		json_int_t cat = json_integer_value(json_object_get(form, "category_id"));
		json_t *list = cat ? cats : json_is_true(json_object_get(form, "province")) ? defaults : rules;
		const char *kind = json_string_value(json_object_get(form, "kind"));
		json_array_foreach(list, i, x)
			if (cat ? json_integer_value(json_object_get(x, "id")) == cat
				: kind && strcmp(kind, json_string_value(json_object_get(x, "kind"))) == 0)
				target = x;
		json_object_set_new(ctx, "has_errors", json_true());
		if (target) {
			admin_errors(r, target, e);
			json_object_set(target, "typed", form);
		} else {
			admin_errors(r, ctx, e);
		}
	}
	json_decref(form);
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "saved")));
	resp_render(r, status, "admin/deadline-rules", ctx);
}

void admin_deadline_rules(struct req *r)
{
	rules_render(r, 200, NULL, NULL);
}

static void model_result(struct req *r, int rc, const struct errs *e, json_t *form, const char *done)
{
	if (rc == M_OK) {
		json_decref(form);
		resp_redirect(r, 303, done);
	} else if (rc == M_INVALID) {
		rules_render(r, 422, e, form);
	} else {
		json_decref(form);
		admin_model_error(r, rc);
	}
}

void admin_deadline_rule_save(struct req *r)
{
	struct errs e = { 0 };
	const char *kind = req_form(r, "kind"), *amount = req_form(r, "amount"), *unit = req_form(r, "unit");
	const char *p = req_form(r, "pham-vi");
	int province = p && strcmp(p, "tinh") == 0;
	int64_t site = province ? 0 : site_id_of(r);
	json_t *form = json_pack("{sssssssb}", "kind", kind ? kind : "", "amount", amount ? amount : "", "unit",
				 unit ? unit : "", "province", province);
	int rc = req_form(r, "mac-dinh") ? deadline_rule_reset(r->db, &r->actor, site, kind, &e)
					 : deadline_rule_save(r->db, &r->actor, site, kind, amount, unit, &e);
	model_result(r, rc, &e, form, "/quan-tri/han-cap-nhat/quy-tac?da-luu=1");
}

void admin_deadline_category(struct req *r)
{
	struct errs e = { 0 };
	int64_t id = admin_capture_id(r);
	if (id < 0) {
		resp_error(r, 400, "bad_request");
		return;
	}
	const char *kind = req_form(r, "kind"), *days = req_form(r, "review_days");
	json_t *form = json_pack("{sIssss}", "category_id", (json_int_t)id, "kind", kind ? kind : "", "review_days",
				 days ? days : "");
	int rc = deadline_category_set(r->db, &r->actor, site_id_of(r), id, kind, days, &e);
	model_result(r, rc, &e, form, "/quan-tri/han-cap-nhat/quy-tac?da-luu=1#chuyen-muc");
}

/* ---- periodic review ---- */

void admin_review(struct req *r)
{
	int all = req_arg(r, "tat-ca") != NULL;
	json_t *rows = review_list(r->db, &r->actor, site_id_of(r), time_now(), all);
	if (!rows) {
		resp_error(r, 403, "forbidden");
		return;
	}
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_review"));
	json_t *row;
	size_t i;
	json_array_foreach(rows, i, row) {
		char url[64];
		snprintf(url, sizeof(url), "/quan-tri/bai-viet/%lld", (long long)json_integer_value(json_object_get(row, "id")));
		json_object_set_new(row, "url", json_string(url));
	}
	json_object_set_new(ctx, "all", json_boolean(all));
	json_object_set_new(ctx, "has_rows", json_boolean(json_array_size(rows) > 0));
	json_object_set_new(ctx, "rows", rows);
	json_object_set_new(ctx, "can_review", json_boolean(json_is_true(json_object_get(ctx, "can_manage_categories"))));
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "review_recorded")));
	resp_render(r, 200, "admin/review", ctx);
}

void admin_review_mark(struct req *r)
{
	struct errs e = { 0 };
	int64_t id = admin_capture_id(r);
	if (id < 0) {
		resp_error(r, 400, "bad_request");
		return;
	}
	int rc = review_mark(r->db, &r->actor, site_id_of(r), id, &e);
	if (rc == M_OK)
		resp_redirect(r, 303, "/quan-tri/ra-soat?da-luu=1");
	else
		admin_model_error(r, rc);
}

/* ---- the reminders' mail ---- */

static void mail_render(struct req *r, int status, const struct errs *e, json_t *typed, const char *notice)
{
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_deadline_mail"));
	int is_main = strcmp(json_string_value(json_object_get(r->site, "kind")), "main") == 0;
	json_t *s = reminder_settings(r->db, site_id_of(r));
	if (typed)
		json_object_update(s, typed); /* what was typed comes back, never the password */
	json_object_del(s, "smtp_password");
	json_object_set_new(ctx, "mail", s);
	json_object_set_new(ctx, "can_smtp", json_boolean(is_main && reminder_settings_may_edit(&r->actor)));
	static const char *const tls[][2] = { { "try", "adm_tls_try" }, { "require", "adm_tls_require" },
					      { "none", "adm_tls_none" } };
	const char *cur = json_string_value(json_object_get(s, "smtp_tls"));
	json_t *opts = json_array();
	for (size_t i = 0; i < ARRAY_SIZE(tls); i++)
		json_array_append_new(opts, json_pack("{sssssb}", "value", tls[i][0], "label", rtr(r, tls[i][1]), "selected",
						      cur && strcmp(cur, tls[i][0]) == 0));
	json_object_set_new(ctx, "tls_options", opts);
	if (e)
		admin_errors(r, ctx, e);
	if (notice)
		json_object_set_new(ctx, "notice", json_string(notice));
	else if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "saved")));
	json_decref(typed);
	resp_render(r, status, "admin/deadline-mail", ctx);
}

void admin_deadline_mail(struct req *r)
{
	mail_render(r, 200, NULL, NULL, NULL);
}

void admin_deadline_mail_save(struct req *r)
{
	struct errs e = { 0 };
	struct reminder_input in = { .url = req_form(r, "smtp_url"), .from = req_form(r, "smtp_from"),
				     .from_name = req_form(r, "smtp_from_name"), .user = req_form(r, "smtp_user"),
				     .password = req_form(r, "smtp_password"), .tls = req_form(r, "smtp_tls"),
				     .hour = req_form(r, "reminder_hour"),
				     .clear_password = req_form(r, "clear_password") != NULL };
	int rc = reminder_settings_save(r->db, &r->actor, &in, &e);
	if (rc == M_OK) {
		resp_redirect(r, 303, "/quan-tri/thu-nhac-han?da-luu=1");
	} else if (rc == M_INVALID) {
		json_t *typed = json_pack("{ssssssssssss}", "smtp_url", in.url ? in.url : "", "smtp_from", in.from ? in.from : "",
					  "smtp_from_name", in.from_name ? in.from_name : "", "smtp_user", in.user ? in.user : "",
					  "smtp_tls", in.tls ? in.tls : "", "reminder_hour", in.hour ? in.hour : "");
		mail_render(r, 422, &e, typed, NULL);
	} else {
		admin_model_error(r, rc);
	}
}

void admin_deadline_recipients(struct req *r)
{
	struct errs e = { 0 };
	const char *list = req_form(r, "reminder_to");
	int rc = reminder_recipients_save(r->db, &r->actor, site_id_of(r), list ? list : "", &e);
	if (rc == M_OK)
		resp_redirect(r, 303, "/quan-tri/thu-nhac-han?da-luu=1");
	else if (rc == M_INVALID)
		mail_render(r, 422, &e, json_pack("{ss}", "reminder_to", list ? list : ""), NULL);
	else
		admin_model_error(r, rc);
}

void admin_deadline_mail_test(struct req *r)
{
	struct errs e = { 0 };
	char err[512];
	if (!reminder_settings_may_edit(&r->actor)) {
		resp_error(r, 403, "forbidden");
		return;
	}
	const char *to = req_form(r, "test_to");
	if (!to || !mail_address_valid(to)) {
		errs_add(&e, "test_to", "email_invalid");
		mail_render(r, 422, &e, json_pack("{ss}", "test_to", to ? to : ""), NULL);
		return;
	}
	if (reminders_test(r->db, to, err, sizeof(err))) {
		log_warn("deadlines: test mail to %s failed: %s", to, err);
		struct sb msg = SB_INIT;
		sb_addf(&msg, "%s %s", rtr(r, "adm_test_mail_failed"), err);
		json_t *typed = json_pack("{ss}", "test_to", to);
		json_t *ctx_err = json_pack("{ss}", "test_error", msg.buf);
		json_object_update(typed, ctx_err);
		json_decref(ctx_err);
		sb_release(&msg);
		mail_render(r, 502, NULL, typed, NULL);
		return;
	}
	struct sb ok = SB_INIT;
	sb_addf(&ok, "%s %s.", rtr(r, "adm_test_mail_sent"), to);
	mail_render(r, 200, NULL, NULL, ok.buf);
	sb_release(&ok);
}
