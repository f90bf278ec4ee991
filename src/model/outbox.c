/* outbox.c — the citizens' mail waiting to be sent (outbox.h). */
#include "outbox.h"
#include "pdata.h"
#include "db/db.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

int outbox_put(struct db *db, const struct outbox_mail *m, int64_t now)
{
	char *sealed = pdata_seal(m->rcpt);
	if (!sealed)
		return -1;
	struct db_stmt *st = db_stmt(db, "INSERT INTO mail_outbox (site_id, ticket_id, subscription_id, rcpt, subject, body,"
				       " html, unsubscribe_url, created_at, next_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)");
	int rc = -1;
	if (st) {
		db_bind_int(st, 1, m->site_id);
		if (m->ticket_id)
			db_bind_int(st, 2, m->ticket_id);
		else
			db_bind_null(st, 2);
		if (m->subscription_id)
			db_bind_int(st, 3, m->subscription_id);
		else
			db_bind_null(st, 3);
		db_bind_text(st, 4, sealed);
		db_bind_text(st, 5, m->subject);
		db_bind_text(st, 6, m->text);
		db_bind_text(st, 7, m->html ? m->html : "");
		db_bind_text(st, 8, m->unsubscribe_url ? m->unsubscribe_url : "");
		db_bind_int(st, 9, now);
		rc = db_step_done(st);
	}
	free(sealed);
	return rc;
}

void pdata_open_rows(json_t *rows, const char *key)
{
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		char *plain = pdata_open(json_string_value(json_object_get(row, key)));
		json_object_set_new(row, key, json_string(plain ? plain : ""));
		if (plain) {
			sodium_memzero(plain, strlen(plain));
			free(plain);
		}
	}
}

json_t *outbox_due(struct db *db, int64_t now, int limit)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, rcpt, subject, body, html, tries, unsubscribe_url FROM mail_outbox"
				       " WHERE sent_at IS NULL AND tries < ?2 AND next_at <= ?1 ORDER BY next_at, id LIMIT ?3");
	if (!st)
		return json_array();
	db_bind_int(st, 1, now);
	db_bind_int(st, 2, OUTBOX_TRIES);
	db_bind_int(st, 3, limit);
	json_t *rows = db_rows_json(st);
	if (!rows)
		return json_array();
	pdata_open_rows(rows, "rcpt");
	return rows;
}

int outbox_done(struct db *db, int64_t id, const char *err, int tries, int64_t now)
{
	struct db_stmt *st = err ? db_stmt(db, "UPDATE mail_outbox SET tries = ?2, next_at = ?3, last_error = ?4 WHERE id = ?1")
			       : db_stmt(db, "UPDATE mail_outbox SET tries = ?2, sent_at = ?3, last_error = '' WHERE id = ?1");
	if (!st)
		return -1;
	int64_t wait = 60;
	for (int i = 0; i < tries && wait < 6 * 3600; i++)
		wait *= 2;
	if (wait > 6 * 3600)
		wait = 6 * 3600;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, tries + 1);
	db_bind_int(st, 3, err ? now + wait : now);
	if (err)
		db_bind_text(st, 4, err);
	return db_step_done(st);
}
