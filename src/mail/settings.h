/* settings.h — the mail server as the settings describe it (table settings: smtp_url, smtp_from,
 * smtp_from_name, smtp_user, smtp_password, smtp_tls none | try | require), and the one call
 * every sender uses: the deadline reminders, the incident and backup alerts, and the citizens'
 * outbox (tickets' notices, subscriptions' mail) all reach mail_send() through
 * mail_send_configured(). */
#ifndef CONG_MAIL_SETTINGS_H
#define CONG_MAIL_SETTINGS_H

#include "mail/mail.h"

struct db;

struct mail_settings {
	char *url, *from, *from_name, *user, *password, *tls;
	struct mail_config cfg; /* points into the strings above */
};

/* Reads the settings into M (always release it); -1 when mail is not configured (no smtp_url
 * or smtp_from). */
int mail_settings_load(struct db *db, struct mail_settings *m);
/* Frees M's strings, the password wiped first. */
void mail_settings_release(struct mail_settings *m);

/* MSG sent through the configured server: 0, or -1 with a sentence in ERR (mail not
 * configured, no recipient, the server's refusal). */
int mail_send_configured(struct db *db, const struct mail_message *msg, char *err, size_t errlen);

#endif
