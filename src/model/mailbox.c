/* mailbox.c — which account reads a mailbox (mailbox.h). */
#include "internal.h"
#include "mailbox.h"
#include "pdata.h"
#include "db/db.h"
#include "mail/mail.h"
#include "base/locale.h"

#include <stdio.h>
#include <string.h>

#include "base/banned.h"

#define TAG_PURPOSE "mailbox"

int user_mailbox_set(struct db *db, const struct actor *a, const char *username, const char *addr, struct errs *e)
{
	int64_t uid = 0;
	struct db_stmt *st = db_stmt(db, "SELECT id FROM users WHERE username = ?1");
	if (!st)
		return M_ERROR;
	db_bind_text(st, 1, username ? username : "");
	if (db_one_int(st, &uid) < 0)
		return M_ERROR;
	if (!uid) {
		errs_add(e, "username", "user_unknown");
		return M_INVALID;
	}
	if (!a->sysadmin && a->id != uid)
		return M_DENIED;
	char tag[PDATA_TAG_LEN + 1] = "";
	int none = !addr || !*addr;
	if (!none && !mail_address_valid(addr)) {
		errs_add(e, "email", "email_invalid");
		return M_INVALID;
	}
	if (!none && pdata_tag(TAG_PURPOSE, addr, tag))
		return M_ERROR;
	if (db_begin(db))
		return M_ERROR;
	st = db_stmt(db, "UPDATE users SET mailbox_tag = ?2 WHERE id = ?1");
	if (!st)
		goto fail;
	db_bind_int(st, 1, uid);
	if (none)
		db_bind_null(st, 2);
	else
		db_bind_text(st, 2, tag);
	char obj[40];
	snprintf(obj, sizeof(obj), "user:%lld", (long long)uid);
	if (db_step_done(st) || audit_write(db, a, 0, "user.mailbox", obj, none ? "none" : "set") || db_commit(db))
		goto fail;
	return M_OK;
fail:
	db_rollback(db);
	return M_ERROR;
}

int user_mailbox_linked(struct db *db, int64_t uid)
{
	int64_t n = 0;
	struct db_stmt *st = db_stmt(db, "SELECT COUNT(*) FROM users WHERE id = ?1 AND mailbox_tag IS NOT NULL");
	if (!st)
		return -1;
	db_bind_int(st, 1, uid);
	if (db_one_int(st, &n) < 0)
		return -1;
	return n > 0;
}

int mailbox_languages(struct db *db, const char *const *addrs, size_t n, char (*langs)[16])
{
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		snprintf(langs[i], 16, "%s", LOCALE_DEFAULT);
		char tag[PDATA_TAG_LEN + 1];
		if (pdata_tag(TAG_PURPOSE, addrs[i], tag))
			continue; /* no key: no account can be found, the default it is */
		/* the first enabled account of that mailbox that chose a language ('' is Vietnamese) */
		struct db_stmt *st = db_stmt(db, "SELECT language FROM users WHERE mailbox_tag = ?1 AND disabled = 0"
					       " AND language <> '' ORDER BY id LIMIT 1");
		if (!st) {
			rc = -1;
			continue;
		}
		db_bind_text(st, 1, tag);
		if (db_step(st) == DB_ROW && db_col_text(st, 0) &&
		    locale_code_valid(db_col_text(st, 0), strlen(db_col_text(st, 0))))
			snprintf(langs[i], 16, "%s", db_col_text(st, 0));
		db_reset(st);
	}
	return rc;
}
