/* copy.h — the engine of `cong migrate` (src/cmd/migrate.c): every ordinary table of a SQLite
 * database copied into a PostgreSQL one that has the same schema, then checked on both sides.
 * The tables and their columns are read from both catalogues (the source's columns, met by the
 * target's and read as the target's types); parents are copied before children, as the foreign
 * keys say, rows in primary-key order, a multi-row INSERT of as many rows as the parameters
 * allow, one transaction per batch. Each table is checked on both sides through the same code:
 * its rows counted and hashed (SHA-256) in primary-key order.
 *
 * What triggers keep (categories.published_count, item_term_counts, item_term_days) is copied
 * as the source holds it, with the target's own triggers off inside each batch's transaction
 * (ALTER TABLE … DISABLE TRIGGER USER: the tables' owner may, no superuser needed; a batch that
 * fails rolls the switch back with its rows). The foreign keys stay checked throughout.
 *
 * The caller opens both databases, holds one read snapshot of the source over the plan, the
 * copy and the check, and says what happens; every function here that fails leaves a sentence
 * in copy.err. */
#ifndef CONG_DB_COPY_H
#define CONG_DB_COPY_H

#include <stddef.h>
#include <stdint.h>

struct db;

/* How a column's values read as text: the target's type. */
enum { COPY_INT, COPY_REAL, COPY_TEXT };

/* SHA-256's size (crypto_hash_sha256_BYTES). */
#define COPY_HASH_BYTES 32

struct copy_col {
	char *name;
	int kind;    /* COPY_INT, COPY_REAL or COPY_TEXT */
	int notnull; /* on the target */
	int late;    /* references a row that may come later: copied as NULL, then set */
};

struct copy_table {
	char *name;
	struct copy_col *cols;
	int ncols;
	int pk[16]; /* the primary key's columns (indexes into cols), in the key's order */
	int npk;
	struct {
		char *table; /* a table a foreign key references (itself perhaps) */
		char *col;   /* the referencing column */
	} *refs;
	int nrefs;
	int triggers; /* the target keeps triggers on it */
	int placed;
	int nlate;
	/* what copy_check found: rows and SHA-256 on each side */
	int64_t src_rows, dst_rows;
	unsigned char src_hash[COPY_HASH_BYTES], dst_hash[COPY_HASH_BYTES];
};

struct copy {
	struct db *src, *dst; /* SQLite, PostgreSQL */
	struct copy_table *t; /* in the copy's order, after copy_plan */
	size_t n;
	int64_t batch; /* rows per transaction */
	char err[1024];
};

/* Progress of copy_rows on TABLE: DONE rows of TOTAL, called after each batch's commit and once
 * more at the end (END 1). */
typedef void (*copy_progress_fn)(const char *table, int64_t done, int64_t total, int end, void *arg);

/* Whether DST holds an installation already: any site, item or account. 0 when it holds none;
 * 1 with what it holds in WHAT ("sites: 2"); -1 when it cannot be read (WHAT says where). */
int copy_target_used(struct db *dst, char *what, size_t n);
/* The tables to copy, in C->t: the source's ordinary tables but SQLite's own, the virtual
 * tables' (the search index, rebuilt on the target instead) and schema_migrations (the target
 * has its own); each with its columns (the target's types), its primary key and its foreign
 * keys; put in the copy's order: a table after every table its foreign keys reference. A
 * reference to its own table (a tree: sites, categories) and, in a cycle between tables, the
 * references of one of them to the others are copied late (NULL at first, set by copy_late).
 * 0, or -1. */
int copy_plan(struct copy *c);
/* The target's tables emptied of what its migrations put there (default settings, rules): the
 * source's rows replace them. 0, or -1. */
int copy_clear_target(struct copy *c);
/* Copies every row of T, late columns as NULL; *COPIED: how many. PROGRESS may be NULL. 0, or
 * -1 (the batch that failed rolled back). */
int copy_rows(struct copy *c, struct copy_table *t, copy_progress_fn progress, void *arg, int64_t *copied);
/* Sets the late columns of T (nothing when it has none), row by row where the source holds a
 * value. 0, or -1. */
int copy_late(struct copy *c, struct copy_table *t);
/* Counts and hashes T on the source, then on the target, into its src_ and dst_ fields. 0, or
 * -1. */
int copy_check(struct copy *c, struct copy_table *t);
/* Frees the tables of C (not its databases). */
void copy_free(struct copy *c);

#endif
