/* reminders.h — the daily e-mail to each board of the items due soon and overdue (issue #7).
 * Settings (table settings): smtp_url ("smtp://host:25", "smtps://host:465"; empty: no mail),
 * smtp_from, smtp_from_name, smtp_user, smtp_password, smtp_tls (none | try | require),
 * reminder_hour (0–23, Vietnam time, default 7). Recipients: the site's published board mailbox
 * (sites.email, VL Đ8.1), plus the addresses of the setting reminder_to_<slug> (comma-separated).
 * Each site gets at most one reminder a day (table reminders_sent), whatever restarts happen. */
#ifndef CONG_REMINDERS_H
#define CONG_REMINDERS_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

struct db;

/* Sends today's reminders not yet sent, when NOW is at or past the reminder hour (FORCE: at
 * any hour), written with the texts of LOCALES (kind_locale_load). Returns the number of e-mails
 * sent, or -1 when mail is not configured. */
int reminders_run(struct db *db, int64_t now, int force, const json_t *locales);

/* Sends a test message to TO with the settings as they are: 0, or -1 with the reason in ERR
 * (mail not configured, the server's refusal). */
int reminders_test(struct db *db, const char *to, char *err, size_t errlen);

/* One message through the mail settings above to the addresses TO (an incident alert); 0, or -1
 * with a sentence in ERR (mail not configured, no recipient, the server's refusal). */
int reminders_mail(struct db *db, const char *const *to, size_t n, const char *subject, const char *text, char *err,
		   size_t errlen);
/* The same for a whole message (its List-Unsubscribe address: the subscriptions' mail). */
struct mail_message;
int reminders_mail_msg(struct db *db, const struct mail_message *msg, char *err, size_t errlen);

#endif
