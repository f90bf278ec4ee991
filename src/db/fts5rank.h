/* fts5rank.h — cong_rank(), FTS5's bm25 with the phrases' document counts given by the caller
 * (fts5rank.c); registered on every SQLite connection by db_open. */
#ifndef CONG_DB_FTS5RANK_H
#define CONG_DB_FTS5RANK_H

#include <sqlite3.h>

/* 0, or -1 when this SQLite has no FTS5. */
int fts5rank_register(sqlite3 *h);

#endif
