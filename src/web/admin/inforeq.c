/* inforeq.c — the register of requests for information (sổ theo dõi; model/inforeq.h).
 * WEBPAGE: GET  /quan-tri/so-theo-doi      the site's requests received in a period (tu, den:
 *                                          YYYY-MM-DD; this year by default) in number order:
 *                                          number, dates, requester (initials; ca-nhan=1 opens the
 *                                          names, audited), information, delivery, state, due,
 *                                          result; the counts per outcome; dang=xlsx the same
 *                                          rows as a workbook (initials only) */
#include "web/web.h"
#include "base/util.h"
#include "base/sb.h"
#include "model/inforeq.h"
#include "model/ticket.h"
#include "report/table.h"
#include "vn/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static int64_t site_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

static void send_xlsx(struct req *r, json_t *rows, const char *from, const char *to)
{
	struct table t;
	struct sb name = SB_INIT;
	/* the workbook's title and columns in the requesting account's language */
	table_init(&t, rtr(r, "adm_irc_title"));
	static const struct { const char *key; enum table_kind kind; } cols[] = {
		{ "adm_number", TABLE_INTEGER }, { "adm_cal_nam", TABLE_INTEGER }, { "adm_irc_code", TABLE_TEXT },
		{ "adm_ir_ngay_tiep_nhan", TABLE_DATE }, { "adm_ir_nguoi_yeu_cau", TABLE_TEXT },
		{ "adm_ir_thong_tin_yeu_cau", TABLE_TEXT }, { "adm_irc_purpose", TABLE_TEXT },
		{ "adm_ir_hinh_thuc_nhan", TABLE_TEXT }, { "adm_ib_state", TABLE_TEXT }, { "adm_ir_han_giai_quyet", TABLE_DATE },
		{ "adm_ir_ngay_ket_thuc", TABLE_DATE }, { "adm_ir_ket_qua", TABLE_TEXT },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cols); i++)
		table_add_column(&t, rtr(r, cols[i].key), cols[i].kind);
	json_t *row;
	size_t i;
	json_array_foreach(rows, i, row) {
		char num[24], year[8];
		snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(json_object_get(row, "number")));
		snprintf(year, sizeof(year), "%lld", (long long)json_integer_value(json_object_get(row, "number_year")));
		const char *cells[] = { num, year, json_string_value(json_object_get(row, "code")),
					json_string_value(json_object_get(row, "received_iso")),
					json_string_value(json_object_get(row, "requester")),
					json_string_value(json_object_get(row, "info")),
					json_string_value(json_object_get(row, "purpose")),
					json_string_value(json_object_get(row, "delivery")),
					json_string_value(json_object_get(row, "state_label")),
					json_string_value(json_object_get(row, "due_iso")),
					json_string_value(json_object_get(row, "closed_iso")),
					json_string_value(json_object_get(row, "result")) };
		table_add_row(&t, cells);
	}
	sb_addf(&name, "so-theo-doi-%s-%s-%s", json_string_value(json_object_get(r->site, "slug")), from, to);
	web_send_table(r, &t, "xlsx", name.buf);
	table_release(&t);
	sb_release(&name);
}

void admin_inforeq_register(struct req *r)
{
	int64_t now = time_now();
	int32_t today = vn_days_of_time(now);
	vn_date d = vn_days_to_date(today), from_d = { d.y, 1, 1 }, to_d = { d.y, 12, 31 };
	const char *tu = req_arg(r, "tu"), *den = req_arg(r, "den");
	struct errs e = { 0 };
	if (tu && *tu && vn_date_parse(tu, &from_d))
		errs_add(&e, "tu", "inforeq_date_invalid");
	if (den && *den && vn_date_parse(den, &to_d))
		errs_add(&e, "den", "inforeq_date_invalid");
	int32_t from = vn_date_to_days(from_d), to = vn_date_to_days(to_d);
	if (!e.n && to < from)
		errs_add(&e, "den", "inforeq_period_order");
	int personal = req_arg(r, "ca-nhan") != NULL;
	const char *how = req_arg(r, "dang");
	int xlsx = how && strcmp(how, "xlsx") == 0;
	json_t *rows = e.n ? json_array() : inforeq_register(r->db, &r->actor, site_of(r), from, to, personal && !xlsx, now);
	if (!rows) {
		resp_error(r, 403, "forbidden");
		return;
	}
	ticket_texts_apply(req_texts(r), rows); /* the states in the account's language, the workbook's too */
	char from_s[11], to_s[11];
	vn_date_format(from_d, from_s);
	vn_date_format(to_d, to_s);
	if (xlsx && !e.n) {
		send_xlsx(r, rows, from_s, to_s);
		json_decref(rows);
		return;
	}
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_inforeq"));
	/* the counts the periodic report asks for */
	int64_t total = 0, provided = 0, partly = 0, refused = 0, open = 0, overdue = 0;
	json_t *row;
	size_t i;
	json_array_foreach(rows, i, row) {
		const char *st = json_string_value(json_object_get(row, "state"));
		total++;
		if (strcmp(st, "ir_provided") == 0)
			provided++;
		else if (strcmp(st, "ir_partly") == 0)
			partly++;
		else if (strcmp(st, "ir_refused") == 0)
			refused++;
		else
			open++;
		if (json_is_true(json_object_get(row, "overdue")))
			overdue++;
	}
	json_object_set_new(ctx, "counts", json_pack("{sIsIsIsIsIsI}", "total", (json_int_t)total, "provided", (json_int_t)provided,
						     "partly", (json_int_t)partly, "refused", (json_int_t)refused, "open",
						     (json_int_t)open, "overdue", (json_int_t)overdue));
	json_object_set_new(ctx, "tu", json_string(tu && *tu ? tu : from_s));
	json_object_set_new(ctx, "den", json_string(den && *den ? den : to_s));
	struct sb q = SB_INIT;
	sb_addf(&q, "tu=%s&den=%s", from_s, to_s);
	json_object_set_new(ctx, "query", json_string(q.buf));
	sb_release(&q);
	json_object_set_new(ctx, "personal", json_boolean(personal));
	json_object_set_new(ctx, "has_rows", json_boolean(json_array_size(rows) > 0));
	json_object_set_new(ctx, "rows", rows);
	if (e.n)
		admin_errors(r, ctx, &e);
	resp_header(r, "Cache-Control", "no-store");
	resp_render(r, e.n ? 422 : 200, "admin/inforeq_register", ctx);
}
