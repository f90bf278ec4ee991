/* opendata.c — the open data page's facts from the store (opendata.h). */
#include "opendata.h"
#include "model.h"
#include "db/db.h"
#include "base/utf8.h"

#include <string.h>

#include "base/banned.h"

int opendata_newest(struct db *db, int64_t site_id, const char *kind, int64_t *newest)
{
	/* the same items as the list's (model/item.c: a site's own and those it lists, or every
	 * site's); the two maxima compared here, greatest() being PostgreSQL's and max(a, b) SQLite's */
	struct db_stmt *st = db_stmt(db, "SELECT max(a.published_at), max(a.updated_at) FROM items a"
					 " WHERE (?1 = 0 OR a.site_id = ?1 OR a.id IN"
					 " (SELECT item_id FROM item_listings WHERE site_id = ?1))"
					 " AND a.kind = ?2 AND a.state = 'published'");
	*newest = 0;
	if (!st)
		return -1;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, kind);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		int64_t pub = db_col_null(st, 0) ? 0 : db_col_int(st, 0);
		int64_t upd = db_col_null(st, 1) ? 0 : db_col_int(st, 1);
		*newest = pub > upd ? pub : upd;
	}
	db_reset(st);
	return rc == DB_ROW || rc == DB_DONE ? 0 : -1;
}

void opendata_licence(struct db *db, char **name, char **url)
{
	*name = db_setting_get(db, "open_data_licence");
	*url = db_setting_get(db, "open_data_licence_url");
}

int opendata_licence_set(struct db *db, const struct actor *a, const char *name, const char *url, struct errs *e)
{
	if (!a->sysadmin)
		return M_DENIED;
	name = name ? name : "";
	url = url ? url : "";
	if (utf8_length(name) > 200)
		errs_add(e, "licence_name", "too_long");
	if (*url && !*name)
		errs_add(e, "licence_name", "required");
	if (*url && ((strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0) || strlen(url) > 500 ||
		     strpbrk(url, " \t\r\n\"<>")))
		errs_add(e, "licence_url", "url_invalid");
	if (e->n)
		return M_INVALID;
	if (db_begin(db))
		return M_ERROR;
	if (db_setting_set(db, "open_data_licence", name) || db_setting_set(db, "open_data_licence_url", url) ||
	    audit_write(db, a, 0, "settings.open_data_licence", *name ? name : "default", url) || cache_bump_all(db) ||
	    db_commit(db)) {
		db_rollback(db);
		return M_ERROR;
	}
	return M_OK;
}
