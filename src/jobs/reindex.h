/* reindex.h — the search index rebuilt, and every item derived again, in the background by
 * `cong serve` after an upgrade that changed their shape (settings search_reindex_needed and
 * items_derive_needed, set by the migration): the portal serves meanwhile, its search answering
 * from the part already rebuilt, its lists reading the fields of items not yet derived. */
#ifndef CONG_REINDEX_H
#define CONG_REINDEX_H

struct reindexer;

/* Starts the rebuild on its own connection to DB_PATH when the setting asks for it; NULL when
 * nothing is to do (or the thread cannot start: logged). */
struct reindexer *reindex_start_if_needed(const char *db_path);
/* Stops a rebuild still running after its current batch (the next start begins it again) and
 * waits for the thread. NULL is fine. */
void reindex_stop(struct reindexer *r);

#endif
