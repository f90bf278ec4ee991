/* reminders.c — the daily deadline reminders; see reminders.h. */
#include "jobs/reminders.h"
#include "base/locale.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"
#include "db/db.h"
#include "mail/mail.h"
#include "mail/settings.h"
#include "model/deadline.h"
#include "model/mailbox.h"
#include "vn/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define MAX_TO 16

/* The site's board mailbox and the extra addresses of reminder_to_<slug>, valid ones only. */
static size_t recipients(struct db *db, const char *slug, const char *email, char **to, struct sb *list)
{
	size_t n = 0;
	char key[96];
	snprintf(key, sizeof(key), "reminder_to_%s", slug);
	char *extra = db_setting_get(db, key);
	struct sb all = SB_INIT;
	sb_addf(&all, "%s,%s", email ? email : "", extra ? extra : "");
	free(extra);
	for (char *p = all.buf, *tok; (tok = strsep(&p, ", ;")) != NULL && n < MAX_TO;) {
		if (!*tok)
			continue;
		if (!mail_address_valid(tok)) {
			log_warn("reminders: site %s: '%s' is not an e-mail address; skipped", slug, tok);
			continue;
		}
		to[n++] = xstrdup(tok);
		sb_addf(list, "%s%s", list->len ? ", " : "", tok);
	}
	sb_release(&all);
	return n;
}

/* Sends SITE_ID's reminder of DAY, if anything is due and it was not sent yet: to each mailbox in
 * its reader's language (model/mailbox.h: an account's mailbox in the account's language, any
 * other in Vietnamese), one mail per language. It is marked sent once every mail went; when one
 * fails, the next attempt sends them all again. 1 sent, 0 nothing to send, -1 a failure. */
static int send_site(struct db *db, const struct mail_config *cfg, const json_t *locales, int64_t site_id,
		     const char *slug, const char *email, const char *day, int64_t now)
{
	char *subject, *text, *to[MAX_TO], err[512], langs[MAX_TO][16];
	int items, sent = 0;
	struct sb list = SB_INIT;
	json_t *vi = locale_dict(locales, LOCALE_DEFAULT);
	if (reminder_sent(db, site_id, day) || reminder_compose(db, site_id, now, vi, &subject, &text, &items) || !subject)
		return 0;
	size_t n = recipients(db, slug, email, to, &list);
	if (!n) {
		log_warn("reminders: site %s has %d item(s) due but no board mailbox (sites.email)", slug, items);
		goto out;
	}
	mailbox_languages(db, (const char *const *)to, n, langs);
	int done[MAX_TO] = { 0 };
	sent = 1;
	for (size_t i = 0; i < n && sent > 0; i++) {
		if (done[i])
			continue;
		/* the group of LANGS[i]: its mailboxes, one mail written in it */
		const char *group[MAX_TO];
		size_t k = 0;
		for (size_t j = i; j < n; j++)
			if (!done[j] && strcmp(langs[j], langs[i]) == 0) {
				group[k++] = to[j];
				done[j] = 1;
			}
		json_t *texts = locale_dict(locales, langs[i]);
		char *lsubject = NULL, *ltext = NULL;
		int litems = 0;
		int own = texts && texts != vi && strcmp(langs[i], LOCALE_DEFAULT) != 0 &&
			  reminder_compose(db, site_id, now, texts, &lsubject, &ltext, &litems) == 0 && lsubject;
		struct mail_message m = { .aTo = group, .nTo = k, .subject = own ? lsubject : subject,
					  .text = own ? ltext : text };
		if (mail_send(cfg, &m, err, sizeof(err))) {
			log_error("reminders: site %s (%s): %s", slug, own ? langs[i] : LOCALE_DEFAULT, err);
			sent = -1;
		}
		free(lsubject);
		free(ltext);
	}
	if (sent > 0) {
		reminder_mark_sent(db, site_id, day, now, list.buf, items);
		log_info("reminders: site %s: %d item(s) to %s", slug, items, list.buf);
	}
out:
	for (size_t i = 0; i < n; i++)
		free(to[i]);
	sb_release(&list);
	free(subject);
	free(text);
	return sent;
}

int reminders_test(struct db *db, const char *to, char *err, size_t errlen)
{
	const char *rcpt[1] = { to };
	struct mail_message msg = { .aTo = rcpt, .nTo = 1, .subject = "Thư thử của Cổng thông tin điện tử",
				    .text = "Máy chủ thư của Cổng thông tin điện tử gửi được thư nhắc hạn cập nhật.\n" };
	return mail_send_configured(db, &msg, err, errlen);
}

int reminders_mail(struct db *db, const char *const *to, size_t n, const char *subject, const char *text, char *err,
		   size_t errlen)
{
	struct mail_message msg = { .aTo = to, .nTo = n, .subject = subject, .text = text };
	return reminders_mail_msg(db, &msg, err, errlen);
}

int reminders_mail_msg(struct db *db, const struct mail_message *msg, char *err, size_t errlen)
{
	return mail_send_configured(db, msg, err, errlen);
}

int reminders_run(struct db *db, int64_t now, int force, const json_t *locales)
{
	/* after a failed send the scheduler waits ten minutes before trying again */
	static int64_t retry_at;
	if (!force && now < retry_at)
		return 0;
	struct mail_settings ms;
	char *hour_s = db_setting_get(db, "reminder_hour");
	int64_t hour = 7;
	int sent = -1;
	if (mail_settings_load(db, &ms))
		goto out;
	sent = 0;
	if (hour_s && parse_i64(hour_s, 0, 23, &hour))
		hour = 7;
	int64_t local = now - vn_time_of_days(vn_days_of_time(now)); /* seconds since midnight, UTC+7 */
	if (!force && local < hour * 3600)
		goto out;
	const struct mail_config cfg = ms.cfg;
	char day[11];
	vn_date_format(vn_days_to_date(vn_days_of_time(now)), day);
	/* collected first: sending takes time and writes */
	json_t *sites = reminder_sites(db), *s;
	size_t i;
	json_array_foreach(sites, i, s) {
		int rc = send_site(db, &cfg, locales, json_integer_value(json_object_get(s, "id")),
				   json_string_value(json_object_get(s, "slug")), json_string_value(json_object_get(s, "email")),
				   day, now);
		if (rc < 0)
			retry_at = now + 600;
		else
			sent += rc;
	}
	json_decref(sites);
out:
	mail_settings_release(&ms);
	free(hour_s);
	return sent;
}
