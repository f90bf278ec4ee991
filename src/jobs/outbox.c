/* outbox.c — the citizens' mail, sent by the scheduler (outbox.h). */
#include "jobs/outbox.h"
#include "jobs/reminders.h"
#include "model/ticket.h"
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
		else
			rc = reminders_mail(db, &to, 1, json_string_value(json_object_get(m, "subject")),
					    json_string_value(json_object_get(m, "body")), err, sizeof(err));
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
