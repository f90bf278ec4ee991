/* editorial.h — each site's editorial board and technical focal point (VL Đ29.3, BT Đ22.10;
 * issue #17; docs/boards.md): the decisions that appointed the board (number, day, signer, the
 * scanned decision from the media library), its members (name, position, role on the board),
 * the focal point (name, unit, phone, e-mail: personal data, sealed at rest by model/pdata.h),
 * and the history of every change (who, when, the record as it became). The provincial office
 * (the main portal's administrators, the system administrator) sees every site's in one list,
 * the sites whose records have not changed for board_stale_days (setting, 365) flagged. */
#ifndef CONG_MODEL_EDITORIAL_H
#define CONG_MODEL_EDITORIAL_H

#include <stdint.h>
#include <jansson.h>

struct db;
struct actor;
struct errs;

/* The roles on a board, as stored ("truong-ban"…) — the view names them (locale "board_role_*"). */
extern const char *const editorial_roles[4];

/* 1 when A may see SITE_ID's board (any role there), change it (its administrators), see every
 * site's (the system administrator, the main portal's administrators). */
int editorial_may_view(struct db *db, const struct actor *a, int64_t site_id);
int editorial_may_edit(struct db *db, const struct actor *a, int64_t site_id);
int editorial_may_view_province(struct db *db, const struct actor *a);

/* SITE_ID's records: {members: [{id, name, position, role, decision_id, decision_number}],
 * decisions: [{id, number, signed_day, signed (dd/mm/yyyy), signer, media_id, file_url,
 * file_name}], focal: {name, unit, phone, email, updated} or null, history: [{what, action, at
 * (dd/mm/yyyy hh:mm), user, record (the record as it became)}] newest first, updated_at (0:
 * nothing recorded)}. NULL when A may not see it. */
json_t *editorial_get(struct db *db, const struct actor *a, int64_t site_id);

struct member_input {
	const char *name, *position, *role, *decision; /* decision: a decision's id or "" */
};
/* Adds (ID 0) or changes member ID; one transaction with its history row and an audit record.
 * Field errors on name, position, role, decision. */
int editorial_member_save(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
			  const struct member_input *in, struct errs *e, int64_t *out_id);
/* Takes member ID off the board (kept in the history). */
int editorial_member_remove(struct db *db, const struct actor *a, int64_t site_id, int64_t id);

struct decision_input {
	const char *number, *signed_day, *signer; /* signed_day "yyyy-mm-dd" or "dd/mm/yyyy" */
	int64_t media_id;                          /* 0: no file; else a file of the site's library */
};
/* Field errors on number, signed_day (not after today), signer, file. */
int editorial_decision_add(struct db *db, const struct actor *a, int64_t site_id, const struct decision_input *in,
			   struct errs *e, int64_t *out_id);

struct focal_input {
	const char *name, *unit, *phone, *email;
};
/* Sets SITE_ID's focal point (sealed); field errors on name, unit, phone, email. */
int editorial_focal_save(struct db *db, const struct actor *a, int64_t site_id, const struct focal_input *in,
			 struct errs *e);

/* Every site's records at NOW for the provincial office: [{site_id, site_name, site_slug,
 * members (count), chair (name or ""), decision ("số … ngày …" parts: decision_number,
 * decision_signed), focal_name, focal_unit, focal_phone, focal_email, updated (dd/mm/yyyy or ""),
 * updated_at, stale (bool), empty (bool)}], sites in tree order. *STALE_DAYS gets the setting.
 * NULL when A may not see it. */
json_t *editorial_province(struct db *db, const struct actor *a, int64_t now, int64_t *stale_days);
/* Records in the audit log that A took the province's list away as a file (it holds the focal
 * points' personal data). 0, or -1. */
int editorial_province_exported(struct db *db, const struct actor *a);
/* Sets board_stale_days (30..3650): the system administrator; audited. Field errors on "days". */
int editorial_stale_days_set(struct db *db, const struct actor *a, const char *days, struct errs *e);

#endif
