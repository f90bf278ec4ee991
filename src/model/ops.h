/* ops.h — operating the portal (model/ops.c): the audit chain anchored outside its table and
 * archived after its retention, planned maintenance notices (ND 224 Đ13) and incidents (VL
 * Đ18, TQ Đ9). */
#ifndef CONG_MODEL_OPS_H
#define CONG_MODEL_OPS_H

#include "model/model.h"

/* ---- the audit chain's anchors ----
 * DATA/audit-anchors: one line a day (and one at each archive cut), appended and synced:
 *   DAY COUNT LAST_ID HASH KIND MAC
 * DAY the Vietnam date (YYYY-MM-DD), COUNT the records of the chain from its start (archived
 * ones included) up to LAST_ID, HASH that record's hash, KIND "daily" or "cut", MAC the hex
 * crypto_auth (HMAC-SHA-512-256) of the line before " MAC" under a key derived from
 * DATA/secret.key: a line cannot be altered or made without the key. */
#define AUDIT_ANCHORS_FILE "audit-anchors"
#define AUDIT_ARCHIVE_DIR "audit-archive"
#define AUDIT_KEEP_MONTHS_MIN 12

struct audit_anchor {
	char day[11];
	int64_t count, last_id;
	char hash[65];
	char kind[8];
};

/* Appends the chain's head now as an anchor of KIND; fills OUT (may be NULL). 0 or -1 (logged). */
int audit_anchor_write(struct db *db, const char *data_dir, int64_t now, const char *kind,
		       struct audit_anchor *out);
/* 1 when DATA/audit-anchors has no line of the Vietnam day of NOW yet. */
int audit_anchor_due(const char *data_dir, int64_t now);

struct audit_report {
	int64_t records;  /* checked, archived ones included */
	int64_t archived; /* of which in archive files */
	int anchors;      /* anchors checked */
	struct audit_anchor newest;
	char why[600];    /* what is wrong, when it is */
};
/* The whole check, for `cong audit verify`: the database's pages (quick_check), the chain
 * through the archive files and the table, and every anchor against it (deleting the newest
 * records, or all of them, is seen). 0 intact; 1 broken, or -1 not checkable, with REP->why. */
int audit_check(struct db *db, const char *data_dir, struct audit_report *rep);

/* Moves the records older than the retention (setting audit_keep_months, at least 12, default
 * 12, counted back from NOW) into DATA/audit-archive/audit-<first>-<last>.jsonl.gz (each record
 * with its hashes, so the chain still verifies through it), writes a "cut" anchor, and deletes
 * them from the table, in one transaction with its own audit record. The newest record always
 * stays. *N: how many were archived (0: nothing old enough). 0, or -1 with a sentence in WHY. */
int audit_archive(struct db *db, const char *data_dir, const struct actor *a, int64_t now, int64_t *n, char *why,
		  size_t whylen);
/* 00:00 Vietnam time of the day MONTHS calendar months before NOW's day (a 31st becomes the
 * shorter month's last day): records before it are past a retention of MONTHS. */
int64_t audit_cutoff(int64_t now, int months);
/* The retention in months (the setting, at least AUDIT_KEEP_MONTHS_MIN). */
int audit_keep_months(struct db *db);

/* ---- planned maintenance notices (ND 224/2025 Đ13) ----
 * A system administrator announces an outage at least MAINT_NOTICE_DAYS working days (the
 * province's working-day calendar) before it starts; the public pages show it from that many
 * working days before the start until the expected end. */
#define MAINT_NOTICE_DAYS 7
struct maint_input {
	const char *starts; /* Vietnam time: "YYYY-MM-DDTHH:MM" (datetime-local) or "dd/mm/yyyy HH:MM" */
	const char *ends;
	const char *message;
};
/* Adds a notice. M_INVALID with field errors; a start too soon gives "maint_too_late" on
 * "starts" and the earliest allowed start day in *EARLIEST (Vietnam day number). */
int maint_add(struct db *db, const struct actor *a, const struct maint_input *in, int64_t now, struct errs *e,
	      int32_t *earliest, int64_t *id);
/* The first day a notice made at NOW may start on (Vietnam day number; 0 on error). */
int32_t maint_earliest_day(struct db *db, int64_t now);
int maint_cancel(struct db *db, const struct actor *a, int64_t id);
/* Every notice, newest start first, with its state (upcoming, shown, over, cancelled; its label:
 * locale "maint_state_<state>"). */
json_t *maint_list(struct db *db, const struct actor *a, int64_t now);
/* The notice the public pages show at NOW: {message, starts, ends, starts_iso, ends_iso}, or NULL. */
json_t *maint_current(struct db *db, int64_t now);
/* A number that changes whenever what maint_current shows may have changed by time alone (a
 * notice appearing, its outage starting, the notice going); the page cache's generation includes
 * it. NEXT_EDGE (may be NULL) gets the time it next changes (INT64_MAX: never, by time alone). */
int64_t maint_epoch(struct db *db, int64_t now, int64_t *next_edge);

/* ---- incidents (VL Đ18, TQ Đ9) ---- */
struct incident_input {
	const char *at;      /* when it happened (Vietnam time, as maint_input) */
	const char *kind;    /* a key of incident_kinds */
	const char *effect;  /* what it did */
	const char *actions; /* what was done */
	const char *handler; /* who handled it */
};
/* [{key}] of the kinds of incident (their labels: locale "incident_kind_<key>"). */
json_t *incident_kinds(void);
int incident_add(struct db *db, const struct actor *a, const struct incident_input *in, struct errs *e, int64_t *id);
/* Incidents that happened in [FROM, TO) (0: open), newest first. */
json_t *incident_list(struct db *db, const struct actor *a, int64_t from, int64_t to);
json_t *incident_get(struct db *db, int64_t id);
/* Who is alerted: the main portal's mailbox and the setting incident_mail_to (comma-separated). */
json_t *incident_recipients(struct db *db);
/* The setting incident_mail_to as saved (malloc'd; NULL when unset). */
char *incident_mail_to(struct db *db);
int incident_recipients_save(struct db *db, const struct actor *a, const char *list, struct errs *e);
/* Records that the alert of incident ID went (or not: ERR). */
int incident_mail_mark(struct db *db, int64_t id, const char *err);

#endif
