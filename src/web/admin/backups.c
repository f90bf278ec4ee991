/* backups.c — the system administrator's page of backups: each run (when, where it went, size,
 * duration, the restore drill's result) and the schedule. The rules live in model/backups.c; the
 * backups are made by src/backup/ (cong backup, the scheduler of cong serve).
 * WEBPAGE: GET  /quan-tri/sao-luu   the runs (newest 50) and the schedule form
 * WEBPAGE: POST /quan-tri/sao-luu   save the schedule: schedule (off|daily|weekly), hour, weekday,
 *                                   keep_daily, keep_weekly, keep_monthly, destinations (one a line),
 *                                   ssh_key, ssh_known_hosts, alert_to */
#include "web/web.h"
#include "base/locale.h"
#include "base/sb.h"
#include "base/util.h"
#include "model/backups.h"

#include <stdio.h>
#include <string.h>

#include "base/banned.h"

#define BACKUP_PATH "/quan-tri/sao-luu"

static void human_size(int64_t n, char *buf, size_t len)
{
	if (n >= (int64_t)1 << 30)
		snprintf(buf, len, "%.1f GB", (double)n / (1 << 30));
	else if (n >= 1 << 20)
		snprintf(buf, len, "%.1f MB", (double)n / (1 << 20));
	else
		snprintf(buf, len, "%.0f kB", (double)n / 1024);
}

/* A run's duration in the request's language: "3 phút 12 giây", "4.2 giây" (adm_bkc_min_sec_fmt, adm_bkc_sec_fmt). */
static void duration(struct req *r, int64_t ms, char *buf, size_t len)
{
	if (ms >= 60000)
		locale_format(buf, len, rtr(r, "adm_bkc_min_sec_fmt"), (long long)(ms / 60000), (long long)(ms / 1000 % 60));
	else
		locale_format(buf, len, rtr(r, "adm_bkc_sec_fmt"), (double)ms / 1000);
}

/* The dashboard's line when the newest backup failed (its drill included); NULL when all is well. */
json_t *admin_backup_alert(struct req *r)
{
	json_t *p = backup_problem(r->db, &r->actor);
	if (p) {
		char buf[64];
		time_format_vn(json_integer_value(json_object_get(p, "started_at")), buf, sizeof(buf));
		json_object_set_new(p, "when", json_string(buf));
	}
	return p;
}

/* The view of one run: Vietnamese dates, sizes, state and drill labels in the request's language. */
static void decorate(struct req *r, json_t *b)
{
	char buf[64];
	time_format_vn(json_integer_value(json_object_get(b, "started_at")), buf, sizeof(buf));
	json_object_set_new(b, "when", json_string(buf));
	human_size(json_integer_value(json_object_get(b, "size")), buf, sizeof(buf));
	json_object_set_new(b, "size_h", json_string(buf));
	int finished = !json_is_null(json_object_get(b, "finished_at"));
	int ok = json_integer_value(json_object_get(b, "ok")) == 1;
	if (finished) {
		duration(r, json_integer_value(json_object_get(b, "duration_ms")), buf, sizeof(buf));
		json_object_set_new(b, "duration_h", json_string(buf));
	}
	json_object_set_new(b, "state_label", json_string(rtr(r, !finished ? "adm_bkc_interrupted" : ok ? "adm_bkc_ok" : "adm_bkc_failed")));
	json_object_set_new(b, "succeeded", json_boolean(finished && ok));
	json_object_set_new(b, "trigger_label",
			    json_string(rtr(r, strcmp(json_string_value(json_object_get(b, "trigger")), "schedule") == 0 ? "adm_bkc_scheduled" : "adm_bkc_cli")));
	json_t *d = json_object_get(b, "drill_ok");
	if (json_is_integer(d)) {
		duration(r, json_integer_value(json_object_get(b, "drill_ms")), buf, sizeof(buf));
		json_object_set_new(b, "drill_label", json_string(rtr(r, json_integer_value(d) ? "adm_bkc_drill_pass" : "adm_bkc_drill_fail")));
		json_object_set_new(b, "drill_passed", json_boolean(json_integer_value(d) == 1));
		json_object_set_new(b, "drill_time", json_string(buf));
	} else {
		json_object_set_new(b, "drill_label", json_string(rtr(r, "adm_bkc_no_drill")));
	}
	json_t *dest;
	size_t i;
	json_array_foreach(json_object_get(b, "destinations"), i, dest) {
		human_size(json_integer_value(json_object_get(dest, "size")), buf, sizeof(buf));
		json_object_set_new(dest, "written", json_boolean(json_is_true(json_object_get(dest, "ok"))));
		json_object_set_new(dest, "size_h", json_string(buf));
	}
}

static void backups_render(struct req *r, int status, const struct errs *e, json_t *typed)
{
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_backups"));
	json_t *s = backup_settings(r->db);
	if (typed)
		json_object_update(s, typed);
	static const char *const sched[][2] = { { "off", "adm_bkc_sched_off" }, { "daily", "adm_bkc_sched_daily" },
						{ "weekly", "adm_bkc_sched_weekly" } };
	/* Monday (1) to Sunday (7), named as the public pages name them (weekday_0 is Sunday) */
	static const char *const days[] = { "weekday_1", "weekday_2", "weekday_3", "weekday_4", "weekday_5", "weekday_6",
					    "weekday_0" };
	const char *cur = json_string_value(json_object_get(s, "schedule"));
	json_t *opts = json_array();
	for (size_t i = 0; i < ARRAY_SIZE(sched); i++)
		json_array_append_new(opts, json_pack("{sssssb}", "value", sched[i][0], "label", rtr(r, sched[i][1]), "selected",
						      cur && strcmp(cur, sched[i][0]) == 0));
	json_object_set_new(ctx, "schedule_options", opts);
	const char *wd = json_string_value(json_object_get(s, "weekday"));
	json_t *wopts = json_array();
	for (size_t i = 0; i < ARRAY_SIZE(days); i++) {
		char v[4];
		snprintf(v, sizeof(v), "%zu", i + 1);
		json_array_append_new(wopts, json_pack("{sssssb}", "value", v, "label", rtr(r, days[i]), "selected", wd && strcmp(wd, v) == 0));
	}
	json_object_set_new(ctx, "weekday_options", wopts);
	json_object_set_new(ctx, "backup", s);
	json_t *runs = backup_list(r->db, &r->actor, 50), *b;
	size_t i;
	json_array_foreach(runs, i, b) decorate(r, b);
	json_object_set_new(ctx, "has_runs", json_boolean(json_array_size(runs) > 0));
	json_object_set_new(ctx, "runs", runs);
	json_t *problem = backup_problem(r->db, &r->actor);
	if (problem) {
		decorate(r, problem);
		json_object_set_new(ctx, "problem", problem);
	}
	if (e)
		admin_errors(r, ctx, e);
	else if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "saved")));
	json_decref(typed);
	resp_render(r, status, "admin/backups", ctx);
}

void admin_backups(struct req *r)
{
	backups_render(r, 200, NULL, NULL);
}

void admin_backups_save(struct req *r)
{
	struct errs e = { 0 };
	struct backup_settings_input in = {
		.schedule = req_form(r, "schedule"), .hour = req_form(r, "hour"), .weekday = req_form(r, "weekday"),
		.keep_daily = req_form(r, "keep_daily"), .keep_weekly = req_form(r, "keep_weekly"),
		.keep_monthly = req_form(r, "keep_monthly"), .destinations = req_form(r, "destinations"),
		.ssh_key = req_form(r, "ssh_key"), .ssh_known_hosts = req_form(r, "ssh_known_hosts"),
		.alert_to = req_form(r, "alert_to")
	};
	int rc = backup_settings_save(r->db, &r->actor, &in, &e);
	if (rc == M_OK) {
		resp_redirect(r, 303, BACKUP_PATH "?da-luu=1");
	} else if (rc == M_INVALID) {
		/* what was typed comes back */
		json_t *typed = json_object();
		const char *const f[][2] = { { "schedule", in.schedule }, { "hour", in.hour }, { "weekday", in.weekday },
					     { "keep_daily", in.keep_daily }, { "keep_weekly", in.keep_weekly },
					     { "keep_monthly", in.keep_monthly }, { "destinations", in.destinations },
					     { "ssh_key", in.ssh_key }, { "ssh_known_hosts", in.ssh_known_hosts },
					     { "alert_to", in.alert_to } };
		for (size_t i = 0; i < ARRAY_SIZE(f); i++)
			json_object_set_new(typed, f[i][0], json_string(f[i][1] ? f[i][1] : ""));
		backups_render(r, 422, &e, typed);
	} else {
		admin_model_error(r, rc);
	}
}
