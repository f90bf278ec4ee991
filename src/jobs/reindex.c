/* reindex.c — the background rebuild of the search index; see reindex.h. */
#include "jobs/reindex.h"
#include "base/log.h"
#include "base/util.h"
#include "db/db.h"
#include "search/search.h"
#include "model/kind.h"

#include <stdatomic.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

struct reindexer {
	pthread_t thread;
	char *db_path;
	int search, derive; /* what is to do */
};

static atomic_int derive_stopped;

static int derive_progress(int64_t done, int64_t total, void *arg)
{
	int *last = arg;
	int pct = total ? (int)(done * 100 / total) : 100;
	if (pct / 10 != *last / 10) {
		log_info("items: derived again to %d%% (%lld of %lld items)", pct, (long long)done, (long long)total);
		*last = pct;
	}
	return atomic_load(&derive_stopped);
}

/* A setting NAME that says "1". */
static int needed(struct db *db, const char *name)
{
	char *v = db_setting_get(db, name);
	int yes = v && strcmp(v, "1") == 0;
	free(v);
	return yes;
}

static void progress(int64_t done, int64_t total, void *arg)
{
	int *last = arg;
	int pct = total ? (int)(done * 100 / total) : 100;
	if (pct / 10 != *last / 10) {
		log_info("search: index rebuilt to %d%% (%lld of %lld items)", pct, (long long)done, (long long)total);
		*last = pct;
	}
}

static void *reindex_main(void *arg)
{
	struct reindexer *r = arg;
	char err[256];
	int last = 0;
	struct db *db = db_open(r->db_path, err, sizeof(err));
	if (!db) {
		log_error("search: cannot rebuild the index: %s", err);
		return NULL;
	}
	int rc = 0;
	if (r->search) {
		log_info("search: rebuilding the index beside the live one, which answers meanwhile");
		rc = search_reindex(db, progress, &last);
		if (rc == 0 && db_setting_set(db, "search_reindex_needed", "0") == 0)
			log_info("search: the index is rebuilt");
		else if (rc == 1)
			log_warn("search: the rebuild was stopped; it starts again with the server (or run cong reindex)");
		else
			log_error("search: the rebuild failed; run cong reindex");
	}
	if (rc == 0 && r->derive) {
		/* what items keep from their fields changed shape (a migration): pages are right
		 * meanwhile, lists read the whole fields of an item not yet derived */
		log_info("items: deriving every item again after an upgrade");
		last = 0;
		int64_t n = item_derive_all(db, derive_progress, &last);
		if (n >= 0 && db_setting_set(db, "items_derive_needed", "0") == 0)
			log_info("items: %lld items derived again", (long long)n);
		else if (n == -2)
			log_warn("items: stopped; it starts again with the server (or run cong reindex)");
		else
			log_error("items: deriving again failed; run cong reindex");
	}
	db_close(db);
	return NULL;
}

struct reindexer *reindex_start_if_needed(const char *db_path)
{
	char err[256];
	struct db *db = db_open(db_path, err, sizeof(err));
	if (!db)
		return NULL;
	char *at = db_setting_get(db, "search_rebuild_at"); /* a rebuild stopped half-way: it goes on */
	int search = needed(db, "search_reindex_needed") || at, derive = needed(db, "items_derive_needed");
	free(at);
	db_close(db);
	if (!search && !derive)
		return NULL;
	struct reindexer *r = xcalloc(1, sizeof(*r));
	r->db_path = xstrdup(db_path);
	r->search = search;
	r->derive = derive;
	atomic_store(&derive_stopped, 0);
	if (pthread_create(&r->thread, NULL, reindex_main, r)) {
		log_error("search: cannot start the index rebuild; run cong reindex");
		free(r->db_path);
		free(r);
		return NULL;
	}
	return r;
}

void reindex_stop(struct reindexer *r)
{
	if (!r)
		return;
	search_reindex_cancel();
	atomic_store(&derive_stopped, 1);
	pthread_join(r->thread, NULL);
	free(r->db_path);
	free(r);
}
