/* remind.c — `cong remind`: what is due across the province, and the daily reminder e-mails
 * sent now (the server's scheduler sends them by itself at the reminder hour). */
#include "cmd.h"
#include "base/util.h"
#include "db/db.h"
#include "jobs/reminders.h"
#include "model/deadline.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/banned.h"

static const char remind_usage[] =
	"usage: cong remind --data DIR [--list] [--now 'YYYY-MM-DD HH:MM']\n"
	"\n"
	"Sends each board the e-mail of its items due today, within two working days and overdue\n"
	"(one a site a day; the server also does it at the hour of the setting reminder_hour).\n"
	"Mail goes through the SMTP server of the settings smtp_url, smtp_from (and smtp_user,\n"
	"smtp_password, smtp_tls) to each site's board mailbox (docs/deadlines.md).\n"
	"\n"
	"  --list      print what is due instead, site by site, and send nothing\n"
	"  --now TIME  count from this Vietnam time instead of the clock (a check, a test)\n";

/* "YYYY-MM-DD HH:MM" in Vietnam time (UTC+7). */
static int parse_now(const char *s, int64_t *out)
{
	struct tm tm = { 0 };
	char rest;
	if (sscanf(s, "%4d-%2d-%2d %2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &rest) != 5)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	struct tm want = tm, back;
	time_t t = timegm(&tm);
	/* timegm() carries a 31 June or a 25:00 into the next day: such a date is refused, not moved */
	if (t == (time_t)-1 || !gmtime_r(&t, &back) || back.tm_year != want.tm_year || back.tm_mon != want.tm_mon ||
	    back.tm_mday != want.tm_mday || back.tm_hour != want.tm_hour || back.tm_min != want.tm_min)
		return -1;
	*out = (int64_t)t - 7 * 3600;
	return 0;
}

static void print_list(json_t *items, const char *heading)
{
	size_t i;
	json_t *it;
	if (!json_array_size(items))
		return;
	printf("%s:\n", heading);
	json_array_foreach(items, i, it)
		printf("  %-24s hạn %s  %s  (%s)\n", json_string_value(json_object_get(it, "site_slug")),
		       json_string_value(json_object_get(it, "due")), json_string_value(json_object_get(it, "title")),
		       json_string_value(json_object_get(it, "kind_name")));
}

int cmd_remind(int argc, char **argv)
{
	static const struct option opts[] = { { "data", required_argument, NULL, 'd' },
					      { "list", no_argument, NULL, 'l' },
					      { "now", required_argument, NULL, 'n' },
					      { "help", no_argument, NULL, 'h' },
					      { 0 } };
	const char *data = NULL;
	int list = 0, c;
	int64_t now = time_now();
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': data = optarg; break;
		case 'l': list = 1; break;
		case 'n':
			if (parse_now(optarg, &now)) {
				fprintf(stderr, "cong remind: --now %s: ngày giờ không hợp lệ; cần dạng 'YYYY-MM-DD HH:MM'"
					" (a real date and time, e.g. 2026-12-07 08:00)\n", optarg);
				return 2;
			}
			break;
		case 'h': fputs(remind_usage, stdout); return 0;
		default: fputs(remind_usage, stderr); return 2;
		}
	}
	if (!data) {
		fputs(remind_usage, stderr);
		return 2;
	}
	struct db *db = list ? data_open_readonly(data) : data_open(data);
	if (!db)
		return 1;
	totp_set_key_dir(data); /* #16: a mailbox's account is found by a tag keyed by DATA/secret.key */
	int rc = 0;
	if (list) {
		json_t *o = deadline_open(db, &actor_cli, 0, now);
		print_list(json_object_get(o, "overdue"), "Đã quá hạn");
		print_list(json_object_get(o, "today"), "Hết hạn hôm nay");
		print_list(json_object_get(o, "soon"), "Hết hạn trong 2 ngày làm việc tới");
		printf("%zu quá hạn, %zu hôm nay, %zu sắp đến hạn, %lld còn hạn xa hơn\n",
		       json_array_size(json_object_get(o, "overdue")), json_array_size(json_object_get(o, "today")),
		       json_array_size(json_object_get(o, "soon")),
		       (long long)json_integer_value(json_object_get(o, "later_count")));
		json_decref(o);
	} else {
		int n = reminders_run(db, now, 1, cli_locales());
		if (n < 0) {
			fprintf(stderr, "cong remind: mail is not configured (settings smtp_url and smtp_from)\n");
			rc = 1;
		} else {
			printf("%d reminder(s) sent\n", n);
		}
	}
	db_close(db);
	return rc;
}
