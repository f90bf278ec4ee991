/* opendata.h — what the "Dữ liệu mở" page says of each data set (docs/open-data.md): the kinds
 * marked open data (kind.open_data), how fresh each is, and the licence they are offered under. */
#ifndef CONG_MODEL_OPENDATA_H
#define CONG_MODEL_OPENDATA_H

#include <stdint.h>

struct db;
struct actor;
struct errs;

/* The latest change of the published items of KIND that SITE_ID's list shows (its own and those
 * it lists; SITE_ID 0: every site's), the later of each item's publication and last update, as
 * Unix time in *NEWEST (0 when there is none). 0, or -1 on a store error. */
int opendata_newest(struct db *db, int64_t site_id, const char *kind, int64_t *newest);

/* The installation's open data licence: its name and address (settings "open_data_licence" and
 * "open_data_licence_url", malloc'd), each NULL when not set (the page then names the default of
 * its locale: CC BY 4.0). */
void opendata_licence(struct db *db, char **name, char **url);

/* Sets the licence (the system administrator only): NAME at most 200 characters, URL empty or an
 * http(s) address of at most 500; both empty: the default again. Audited, and every site's pages
 * are made old (the licence is on each site's open data page). M_OK, M_INVALID with errors in E
 * under "licence_name" / "licence_url", M_DENIED, M_ERROR. */
int opendata_licence_set(struct db *db, const struct actor *a, const char *name, const char *url, struct errs *e);

#endif
