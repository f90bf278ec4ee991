/* outbox.c — the citizens' mail, sent by the scheduler (outbox.h). */
#include "jobs/outbox.h"
#include "model/outbox.h"
#include "mail/mail.h"
#include "mail/settings.h"
#include "base/log.h"
#include "db/db.h"

#include <stdlib.h>

#include <stdio.h>
#include <string.h>

#include "base/banned.h"

#define PER_PASS 20

int outbox_run(struct db *db, int64_t now)
{
	/* no mail server configured: the mail waits, untouched, for one */
	char *url = db_setting_get(db, "smtp_url");
	int configured = url && *url;
	free(url);
	if (!configured)
		return 0;
	json_t *due = outbox_due(db, now, PER_PASS), *m;
	size_t i;
	int sent = 0;
	json_array_foreach(due, i, m) {
		int64_t id = json_integer_value(json_object_get(m, "id"));
		int tries = (int)json_integer_value(json_object_get(m, "tries"));
		const char *to = json_string_value(json_object_get(m, "rcpt"));
		char err[256] = "";
		int rc = -1;
		if (!to || !*to)
			snprintf(err, sizeof(err), "the address does not open (secret.key replaced?)");
		else {
			/* a subscription's mail carries its one-click unsubscribe address (RFC 8058); a
			 * digest its HTML alternative */
			const char *unsub = json_string_value(json_object_get(m, "unsubscribe_url"));
			const char *html = json_string_value(json_object_get(m, "html"));
			struct mail_message msg = { .aTo = &to, .nTo = 1, .subject = json_string_value(json_object_get(m, "subject")),
						    .text = json_string_value(json_object_get(m, "body")),
						    .html = html && *html ? html : NULL,
						    .list_unsubscribe = unsub && *unsub ? unsub : NULL };
			rc = mail_send_configured(db, &msg, err, sizeof(err));
		}
		if (rc == 0)
			sent++;
		else
			log_warn("outbox: mail %lld not sent (try %d of %d): %s", (long long)id, tries + 1, OUTBOX_TRIES, err);
		if (outbox_done(db, id, rc == 0 ? NULL : err, tries, now)) {
			json_decref(due);
			return -1;
		}
	}
	json_decref(due);
	return sent;
}
