/* opendata.c — the open data page's facts from the store (opendata.h). */
#include "opendata.h"
#include "db/db.h"

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
