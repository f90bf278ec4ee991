/* settings.c — the configured mail server (settings.h). */
#include "mail/settings.h"
#include "db/db.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

int mail_settings_load(struct db *db, struct mail_settings *m)
{
	m->url = db_setting_get(db, "smtp_url");
	m->from = db_setting_get(db, "smtp_from");
	m->from_name = db_setting_get(db, "smtp_from_name");
	m->user = db_setting_get(db, "smtp_user");
	m->password = db_setting_get(db, "smtp_password");
	m->tls = db_setting_get(db, "smtp_tls");
	m->cfg = (struct mail_config){ .url = m->url, .from = m->from, .from_name = m->from_name, .user = m->user,
				       .password = m->password,
				       .tls = m->tls && strcmp(m->tls, "require") == 0 ? MAIL_TLS_REQUIRE
					      : m->tls && strcmp(m->tls, "none") == 0 ? MAIL_TLS_NONE : MAIL_TLS_TRY,
				       .timeout = 30 };
	return m->url && *m->url && m->from && *m->from ? 0 : -1;
}

void mail_settings_release(struct mail_settings *m)
{
	free(m->url);
	free(m->from);
	free(m->from_name);
	free(m->user);
	if (m->password)
		sodium_memzero(m->password, strlen(m->password));
	free(m->password);
	free(m->tls);
}

int mail_send_configured(struct db *db, const struct mail_message *msg, char *err, size_t errlen)
{
	struct mail_settings m;
	int rc = -1;
	if (mail_settings_load(db, &m))
		snprintf(err, errlen, "chưa cấu hình máy chủ thư (smtp_url, smtp_from)");
	else if (!msg->nTo)
		snprintf(err, errlen, "không có người nhận");
	else
		rc = mail_send(&m.cfg, msg, err, errlen);
	mail_settings_release(&m);
	return rc;
}
