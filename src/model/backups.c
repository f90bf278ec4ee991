/* backups.c — the record of backups and their schedule; see backups.h. */
#include "model/backups.h"
#include "internal.h"
#include "db/db.h"
#include "base/arena.h"
#include "base/sb.h"
#include "base/util.h"
#include "base/utf8.h"
#include "mail/mail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

int64_t backup_record_start(struct db *db, const char *name, const char *trigger, int64_t started_at)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO backups (name, trigger, started_at) VALUES (?, ?, ?)");
	if (!st)
		return -1;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, trigger);
	db_bind_int(st, 3, started_at);
	return db_step_done(st) ? -1 : db_last_id(db);
}

int backup_record_finish(struct db *db, int64_t id, int64_t finished_at, const struct backup_record *r)
{
	if (db_begin(db))
		return -1;
	struct db_stmt *st = db_stmt(db, "UPDATE backups SET finished_at = ?, ok = ?, error = ?, destinations = ?, size = ?,"
				       " files = ?, new_files = ?, duration_ms = ?, drill_ok = ?, drill_ms = ?, drill_detail = ?,"
				       " audit_count = ?, audit_hash = ? WHERE id = ?");
	char *dests = r->destinations ? json_dumps(r->destinations, JSON_COMPACT) : NULL;
	if (!st) {
		json_free_str(dests);
		db_rollback(db);
		return -1;
	}
	db_bind_int(st, 1, finished_at);
	db_bind_int(st, 2, r->ok);
	db_bind_text(st, 3, r->error);
	db_bind_text(st, 4, dests ? dests : "[]");
	db_bind_int(st, 5, r->size);
	db_bind_int(st, 6, r->files);
	db_bind_int(st, 7, r->new_files);
	db_bind_int(st, 8, r->duration_ms);
	if (r->drill_ok >= 0) {
		db_bind_int(st, 9, r->drill_ok);
		db_bind_int(st, 10, r->drill_ms);
	}
	db_bind_text(st, 11, r->drill_detail);
	db_bind_int(st, 12, r->audit_count);
	db_bind_text(st, 13, r->audit_hash);
	db_bind_int(st, 14, id);
	int rc = db_step_done(st);
	char detail[512];
	snprintf(detail, sizeof(detail), "%s; %lld bytes; drill %s", r->ok ? "ok" : r->error ? r->error : "failed",
		 (long long)r->size, r->drill_ok < 0 ? "not run" : r->drill_ok ? "ok" : "FAILED");
	json_free_str(dests);
	if (rc || audit_write(db, &actor_cli, 0, "backup.run", "backup", detail)) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

json_t *backup_list(struct db *db, const struct actor *a, int64_t limit)
{
	if (!a || !a->sysadmin)
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT id, name, trigger, started_at, finished_at, ok, error, destinations, size, files,"
				       " new_files, duration_ms, drill_ok, drill_ms, drill_detail, audit_count, audit_hash"
				       " FROM backups ORDER BY started_at DESC, id DESC LIMIT ?");
	if (!st)
		return json_array();
	db_bind_int(st, 1, limit);
	json_t *rows = db_rows_json(st), *row;
	size_t i;
	json_array_foreach(rows, i, row) {
		const char *d = json_string_value(json_object_get(row, "destinations"));
		json_t *dj = d ? json_loads(d, 0, NULL) : NULL;
		json_object_set_new(row, "destinations", json_is_array(dj) ? dj : json_array());
		if (!json_is_array(dj))
			json_decref(dj);
	}
	return rows;
}

json_t *backup_problem(struct db *db, const struct actor *a)
{
	if (!a || !a->sysadmin)
		return NULL;
	/* the newest run that ended (or was cut short, and is not the one running now: an hour old) */
	struct db_stmt *st = db_stmt(db, "SELECT id, name, trigger, started_at, finished_at, ok, error, drill_ok, drill_detail"
				       " FROM backups WHERE finished_at IS NOT NULL OR started_at < ?"
				       " ORDER BY started_at DESC, id DESC LIMIT 1");
	if (!st)
		return NULL;
	db_bind_int(st, 1, time_now() - 3600);
	json_t *row = db_one_json(st);
	db_reset(st);
	if (!row)
		return NULL;
	int finished = !json_is_null(json_object_get(row, "finished_at"));
	int ok = json_integer_value(json_object_get(row, "ok")) == 1;
	json_t *drill = json_object_get(row, "drill_ok");
	if (finished && ok && (json_is_null(drill) || json_integer_value(drill) == 1)) {
		json_decref(row);
		return NULL;
	}
	return row;
}

int64_t backup_last_ok(struct db *db)
{
	struct db_stmt *st = db_stmt(db, "SELECT max(started_at) FROM backups WHERE ok = 1 AND coalesce(drill_ok, 1) = 1");
	int64_t t = 0;
	db_one_int(st, &t);
	return t;
}

static const struct {
	const char *key, *field, *def;
} keys[] = {
	{ "backup_schedule", "schedule", "off" },      { "backup_hour", "hour", "2" },
	{ "backup_weekday", "weekday", "7" },          { "backup_keep_daily", "keep_daily", "7" },
	{ "backup_keep_weekly", "keep_weekly", "4" },  { "backup_keep_monthly", "keep_monthly", "12" },
	{ "backup_destinations", "destinations", "" }, { "backup_ssh_key", "ssh_key", "" },
	{ "backup_ssh_known_hosts", "ssh_known_hosts", "" }, { "backup_alert_to", "alert_to", "" },
};

json_t *backup_settings(struct db *db)
{
	json_t *o = json_object();
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
		char *v = db_setting_get(db, keys[i].key);
		json_object_set_new(o, keys[i].field, json_string(v && *v ? v : keys[i].def));
		free(v);
	}
	return o;
}

int backup_dest_valid(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 500 || !utf8_valid(s, n) || strchr(s, '"') || strchr(s, '\\'))
		return 0;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return 0;
	if (strncmp(s, "sftp://", 7) == 0)
		return !strchr(s, ' ') && strchr(s + 7, '/') && s[7] != '/';
	return s[0] == '/';
}

static int path_ok(const char *s)
{
	return !s || !*s || (s[0] == '/' && backup_dest_valid(s));
}

int backup_settings_save(struct db *db, const struct actor *a, const struct backup_settings_input *in, struct errs *e)
{
	int64_t v;
	if (!a->sysadmin)
		return M_DENIED;
	const char *sched = in->schedule ? in->schedule : "off";
	if (strcmp(sched, "off") != 0 && strcmp(sched, "daily") != 0 && strcmp(sched, "weekly") != 0)
		errs_add(e, "schedule", "backup_schedule_invalid");
	if (!in->hour || parse_i64(in->hour, 0, 23, &v))
		errs_add(e, "hour", "backup_hour_invalid");
	if (!in->weekday || parse_i64(in->weekday, 1, 7, &v))
		errs_add(e, "weekday", "backup_weekday_invalid");
	if (!in->keep_daily || parse_i64(in->keep_daily, 0, 366, &v))
		errs_add(e, "keep_daily", "backup_keep_invalid");
	if (!in->keep_weekly || parse_i64(in->keep_weekly, 0, 520, &v))
		errs_add(e, "keep_weekly", "backup_keep_invalid");
	if (!in->keep_monthly || parse_i64(in->keep_monthly, 0, 1200, &v))
		errs_add(e, "keep_monthly", "backup_keep_invalid");
	/* the destinations: one a line, an absolute folder or an sftp:// address */
	struct sb dests = SB_INIT;
	int ndest = 0, bad = 0, remote = 0;
	char *copy = xstrdup(in->destinations ? in->destinations : ""), *p = copy, *line;
	while ((line = strsep(&p, "\r\n")) != NULL) {
		while (*line == ' ' || *line == '\t')
			line++;
		size_t n = strlen(line);
		while (n && (line[n - 1] == ' ' || line[n - 1] == '\t'))
			line[--n] = 0;
		if (!*line)
			continue;
		if (!backup_dest_valid(line) || ++ndest > BACKUP_DESTS_MAX)
			bad = 1;
		remote |= strncmp(line, "sftp://", 7) == 0;
		sb_addf(&dests, "%s%s", dests.len ? "\n" : "", line);
	}
	free(copy);
	if (bad)
		errs_add(e, "destinations", "backup_destinations_invalid");
	else if (strcmp(sched, "off") != 0 && ndest == 0)
		errs_add(e, "destinations", "backup_destinations_required");
	if (!path_ok(in->ssh_key))
		errs_add(e, "ssh_key", "backup_path_invalid");
	else if (remote && (!in->ssh_key || !*in->ssh_key))
		errs_add(e, "ssh_key", "backup_ssh_required");
	if (!path_ok(in->ssh_known_hosts))
		errs_add(e, "ssh_known_hosts", "backup_path_invalid");
	else if (remote && (!in->ssh_known_hosts || !*in->ssh_known_hosts))
		errs_add(e, "ssh_known_hosts", "backup_ssh_required");
	if (in->alert_to && (strlen(in->alert_to) > 1000 || !mail_address_list_valid(in->alert_to)))
		errs_add(e, "alert_to", "email_list_invalid");
	if (e->n) {
		sb_release(&dests);
		return M_INVALID;
	}
	const char *vals[] = { sched, in->hour, in->weekday, in->keep_daily, in->keep_weekly, in->keep_monthly,
			       dests.buf ? dests.buf : "", in->ssh_key ? in->ssh_key : "",
			       in->ssh_known_hosts ? in->ssh_known_hosts : "", in->alert_to ? in->alert_to : "" };
	if (db_begin(db)) {
		sb_release(&dests);
		return M_ERROR;
	}
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
		char *nfc = utf8_nfc(vals[i], strlen(vals[i]));
		int rc = nfc ? db_setting_set(db, keys[i].key, nfc) : -1;
		free(nfc);
		if (rc) {
			db_rollback(db);
			sb_release(&dests);
			return M_ERROR;
		}
	}
	char detail[900];
	snprintf(detail, sizeof(detail), "%s %sh (thứ %s); giữ %s/%s/%s; %s", sched, in->hour, in->weekday, in->keep_daily,
		 in->keep_weekly, in->keep_monthly, dests.buf ? dests.buf : "");
	sb_release(&dests);
	if (audit_write(db, a, 0, "settings.backup", "backup", detail)) {
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

int backup_scheduled_since(struct db *db, int64_t since, int *runs, int *last_ok, int64_t *last_start)
{
	struct db_stmt *st = db_stmt(db, "SELECT count(*), (SELECT ok FROM backups WHERE trigger = 'schedule' AND"
				       " started_at >= ?1 ORDER BY started_at DESC, id DESC LIMIT 1), max(started_at)"
				       " FROM backups WHERE trigger = 'schedule' AND started_at >= ?1");
	*runs = 0;
	*last_ok = 0;
	*last_start = 0;
	if (!st)
		return -1;
	db_bind_int(st, 1, since);
	int rc = -1;
	if (db_step(st) == DB_ROW) {
		*runs = (int)db_col_int(st, 0);
		*last_ok = (int)db_col_int(st, 1);
		*last_start = db_col_int(st, 2);
		rc = 0;
	}
	db_reset(st);
	return rc;
}

int64_t backup_last_scheduled(struct db *db)
{
	struct db_stmt *st = db_stmt(db, "SELECT max(started_at) FROM backups WHERE trigger = 'schedule'");
	int64_t t = 0;
	db_one_int(st, &t);
	return t;
}
