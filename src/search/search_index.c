/* search_index.c — the write side of search.h: the index kept in step with publishing
 * (search_index_article) and rebuilt beside the live one (search_reindex), on SQLite (FTS5,
 * contentless, migration 0053) and PostgreSQL (tsvectors, 0004_search.pg.sql). docs/search.md,
 * "The index" and "Rebuilding".
 *
 * SQLite. One row of search_fts per published item, rowid = item id: the title and text as
 * written (NFC, one tone placement), folded (vn_fold), and as folded bigrams ("cai\u01c2cach",
 * for phrases), and the filter tokens (site, kind). The table keeps no copy of them; search_doc
 * keeps, compressed, what deleting the row needs (the texts as written and the tokens: the rest
 * is made again from them by the same code). search_vocab counts the items of every word. */
#include "search/search.h"
#include "search/search_int.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"
#include "db/db.h"
#include "model/kind.h"
#include "render/sanitize.h"
#include "vn/slug.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <zdict.h>
#include <zstd.h>

#include "base/banned.h"

/* Items per transaction of a rebuild: a commit about every second, so the server's publishing
 * waits at most that long for the write lock. */
#define REBUILD_BATCH 2000
/* zstd's level for search_doc: text of a few KB, compressed once and read back on a change
 * (with the dictionary, 6 or 9 make it 1 % smaller, slower). */
#define DOC_ZLEVEL 3

/* ---- the tables: the live index and the one a rebuild makes beside it ---- */

enum { LIVE, NEXT };

struct idx_sql {
	const char *fts_insert, *fts_delete, *doc_get, *doc_put, *doc_del, *vocab_add, *vocab_gone, *pg_delete,
		*pg_insert;
};

#define FTS_COLS "title_x, body_x, title_f, body_f, site_t, title_b, body_b"
#define IDX_SQL(T)                                                                                              \
	{                                                                                                       \
		"INSERT INTO " T "_fts (rowid, " FTS_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",          \
		"INSERT INTO " T "_fts (" T "_fts, rowid, " FTS_COLS ") VALUES ('delete', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", \
		"SELECT z FROM " T "_doc WHERE id = ?",                                                         \
		"INSERT INTO " T "_doc (id, bytes, z) VALUES (?1, ?2, ?3)",                                     \
		"DELETE FROM " T "_doc WHERE id = ?",                                                           \
		"INSERT INTO " T "_vocab (term, doc) VALUES (?1, ?2)"                                           \
		" ON CONFLICT (term) DO UPDATE SET doc = " T "_vocab.doc + excluded.doc",                       \
		"DELETE FROM " T "_vocab WHERE term = ? AND doc <= 0",                                          \
		"DELETE FROM " T "_fts WHERE rowid = ?",                                                        \
		"INSERT INTO " T "_fts (rowid, title_x, body_x, title_f, body_f, site_id, category_id,"         \
		" published_at, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",                             \
	}

static const struct idx_sql SQL[2] = { IDX_SQL("search"), IDX_SQL("search_new") };

/* The setting that says a rebuild is under way, and up to which item id it has come. */
#define REBUILD_AT "search_rebuild_at"

/* ---- words counted: search_vocab ---- */

/* Every word of a batch of items with its change in number of items, each item counted once:
 * an open-addressed table, flushed into search_vocab at the end of the transaction. */
struct tslot {
	char *term;
	int64_t n;
	uint64_t stamp;
};
struct tally {
	struct tslot *s;
	size_t cap, used;
	uint64_t stamp; /* the item being counted */
	int64_t delta;  /* +1 an item indexed, -1 one removed */
};

static uint64_t fnv(const char *w, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)w[i]) * 1099511628211ULL;
	return h;
}

static struct tslot *tally_find(struct tslot *s, size_t cap, const char *w, size_t len)
{
	size_t i = (size_t)fnv(w, len) & (cap - 1);
	while (s[i].term && !(strncmp(s[i].term, w, len) == 0 && s[i].term[len] == 0))
		i = (i + 1) & (cap - 1);
	return &s[i];
}

static void tally_word(const char *w, size_t len, size_t off, void *arg)
{
	struct tally *t = arg;
	(void)off;
	if (len == 0)
		return;
	if ((t->used + 1) * 2 > t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 4096;
		struct tslot *s = xcalloc(cap, sizeof(*s));
		for (size_t i = 0; i < t->cap; i++)
			if (t->s[i].term)
				*tally_find(s, cap, t->s[i].term, strlen(t->s[i].term)) = t->s[i];
		free(t->s);
		t->s = s;
		t->cap = cap;
	}
	struct tslot *e = tally_find(t->s, t->cap, w, len);
	if (!e->term) {
		e->term = xstrndup(w, len);
		e->n = t->delta;
		e->stamp = t->stamp;
		t->used++;
	} else if (e->stamp != t->stamp) {
		e->n += t->delta;
		e->stamp = t->stamp;
	}
}

static void tally_release(struct tally *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free(t->s[i].term);
	free(t->s);
	memset(t, 0, sizeof(*t));
}

/* Adds T's counts to the vocabulary of table set W; words no item has any more go. */
static int tally_flush(struct db *db, struct tally *t, int w)
{
	int rc = 0;
	for (size_t i = 0; i < t->cap && !rc; i++) {
		struct tslot *e = &t->s[i];
		if (!e->term || !e->n)
			continue;
		struct db_stmt *st = db_stmt(db, SQL[w].vocab_add);
		if (!st)
			return -1;
		db_bind_text(st, 1, e->term);
		db_bind_int(st, 2, e->n);
		rc = db_step_done(st);
		if (!rc && e->n < 0) {
			st = db_stmt(db, SQL[w].vocab_gone);
			if (!st)
				return -1;
			db_bind_text(st, 1, e->term);
			rc = db_step_done(st);
		}
	}
	tally_release(t);
	return rc;
}

/* ---- one item's texts ---- */

/* What SQLite's index holds of an item: the title and the text as written (NFC, one tone
 * placement; the FTS5 tokenizer lowers their case) and the filter tokens, from which the rest is
 * made: folded, and the folded words' bigrams. */
struct idoc {
	char *tx, *bx, *tok;
	char *tf, *bf, *tb, *bb;
	size_t bytes; /* of TX and BX: the text the index holds */
};

static void idoc_release(struct idoc *d)
{
	free(d->tx);
	free(d->bx);
	free(d->tok);
	free(d->tf);
	free(d->bf);
	free(d->tb);
	free(d->bb);
	memset(d, 0, sizeof(*d));
}

struct bigrams {
	struct sb out;
	const char *prev;
	size_t prev_len;
};

static void bigram_word(const char *w, size_t len, size_t off, void *arg)
{
	struct bigrams *b = arg;
	(void)off;
	if (b->prev) {
		if (b->out.len)
			sb_addc(&b->out, ' ');
		sb_add(&b->out, b->prev, b->prev_len);
		sb_adds(&b->out, BIGRAM_SEP);
		sb_add(&b->out, w, len);
	}
	b->prev = w;
	b->prev_len = len;
}

/* The bigrams of folded text F: "a b c" -> "a\u01c2b b\u01c2c" (a query's phrase of the same
 * words gives the same tokens: search.c add_bigrams); malloc'd. */
static char *bigrams_of(const char *f)
{
	struct bigrams b = { SB_INIT, NULL, 0 };
	search_words_each(f, bigram_word, &b);
	if (!b.out.len)
		return xstrdup("");
	return sb_detach(&b.out, NULL);
}

/* The folded texts and bigrams of D's texts as written. 0, or -1 (text that folding refuses). */
static int idoc_derive(struct idoc *d)
{
	d->tf = vn_fold(d->tx);
	d->bf = vn_fold(d->bx);
	if (!d->tf || !d->bf)
		return -1;
	d->tb = bigrams_of(d->tf);
	d->bb = bigrams_of(d->bf);
	d->bytes = strlen(d->tx) + strlen(d->bx);
	return 0;
}

/* W in lower case (each code point's simple lower case, as FTS5's unicode61 makes its tokens),
 * counted into T. */
static void tally_lower_word(const char *w, size_t len, size_t off, void *arg)
{
	char buf[256];
	struct sb big = SB_INIT;
	size_t n = 0;
	int ascii = 1;
	for (size_t i = 0; i < len && ascii; i++)
		ascii = (unsigned char)w[i] < 0x80;
	if (ascii && len < sizeof(buf)) {
		for (size_t i = 0; i < len; i++)
			buf[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
		tally_word(buf, len, off, arg);
		return;
	}
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)w;
	while (n < len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate(p + n, (utf8proc_ssize_t)(len - n), &c);
		if (k <= 0)
			break;
		utf8proc_uint8_t enc[4];
		utf8proc_ssize_t e = utf8proc_encode_char(utf8proc_tolower(c), enc);
		sb_add(&big, enc, (size_t)e);
		n += (size_t)k;
	}
	if (big.len)
		tally_word(big.buf, big.len, off, arg);
	sb_release(&big);
}

/* Counts into T every word of D (as written, lower case; and folded), once. */
static void idoc_count(const struct idoc *d, struct tally *t, int64_t delta)
{
	t->stamp++;
	t->delta = delta;
	search_words_each(d->tx, tally_lower_word, t);
	search_words_each(d->bx, tally_lower_word, t);
	search_words_each(d->tf, tally_word, t);
	search_words_each(d->bf, tally_word, t);
}

/* ---- search_doc's compression ---- */

/* The rows of search_doc are a few KB each, too short for zstd to find much to share inside one;
 * a dictionary made from the first items of a rebuild (search_dict, one row) shares what they
 * have in common: 1.5 times smaller than without (docs/search.md, "Size"). */
#define DICT_MAX (110 * 1024)
#define DICT_SAMPLES 4000
#define XSTR_SAMPLES "4000"

struct zdict {
	unsigned id;
	ZSTD_CDict *c;
	ZSTD_DDict *d;
};

/* Dictionaries in use, by id: ready for any thread (zstd's CDict and DDict are read-only). */
static pthread_mutex_t zd_lock = PTHREAD_MUTEX_INITIALIZER;
static struct zdict zd_cache[32];
static int zd_n;

/* The dictionary ID, made from BUF when not yet known (BUF NULL: only looked up). */
static const struct zdict *zdict_find(unsigned id, const void *buf, size_t n)
{
	const struct zdict *r = NULL;
	pthread_mutex_lock(&zd_lock);
	for (int i = 0; i < zd_n && !r; i++)
		if (zd_cache[i].id == id)
			r = &zd_cache[i];
	if (!r && buf) {
		struct zdict z = { id, ZSTD_createCDict(buf, n, DOC_ZLEVEL), ZSTD_createDDict(buf, n) };
		/* kept for the process's life: another thread may be using any of them (one a rebuild:
		 * a server rebuilding more than 31 times without a restart compresses without one) */
		if (z.c && z.d && zd_n < (int)ARRAY_SIZE(zd_cache)) {
			zd_cache[zd_n] = z;
			r = &zd_cache[zd_n++];
		} else {
			ZSTD_freeCDict(z.c);
			ZSTD_freeDDict(z.d);
		}
	}
	pthread_mutex_unlock(&zd_lock);
	return r;
}

static const char *const DICT_GET[2] = { "SELECT id, dict FROM search_dict ORDER BY id LIMIT 1",
					 "SELECT id, dict FROM search_new_dict ORDER BY id LIMIT 1" };
static const char *const DICT_BY_ID[2] = { "SELECT dict FROM search_dict WHERE id = ?",
					   "SELECT dict FROM search_new_dict WHERE id = ?" };

/* The dictionary of table set W, or NULL (none: too few items when it was rebuilt). */
static const struct zdict *zdict_of(struct db *db, int w)
{
	struct db_stmt *st = db_stmt(db, DICT_GET[w]);
	const struct zdict *r = NULL;
	if (!st)
		return NULL;
	if (db_step(st) == DB_ROW) {
		unsigned id = (unsigned)db_col_int(st, 0);
		r = zdict_find(id, NULL, 0);
		if (!r) {
			size_t n;
			void *buf = db_col_blob_dup(st, 1, &n);
			r = zdict_find(id, buf, n);
			free(buf);
		}
	}
	db_reset(st);
	return r;
}

/* D's texts as written and tokens, NUL-separated: what search_doc keeps, before compression. */
static void idoc_raw(const struct idoc *d, struct sb *raw)
{
	sb_adds(raw, d->tx);
	sb_addc(raw, 0);
	sb_adds(raw, d->bx);
	sb_addc(raw, 0);
	sb_adds(raw, d->tok);
}

/* D as a row of search_doc: compressed, with ZD when there is one (CCTX: the thread's); malloc'd. */
static void *idoc_pack(const struct idoc *d, ZSTD_CCtx *cctx, const struct zdict *zd, size_t *n)
{
	struct sb raw = SB_INIT;
	idoc_raw(d, &raw);
	size_t cap = ZSTD_compressBound(raw.len);
	void *z = xmalloc(cap);
	size_t zn = zd ? ZSTD_compress_usingCDict(cctx, z, cap, raw.buf, raw.len, zd->c)
		       : ZSTD_compressCCtx(cctx, z, cap, raw.buf, raw.len, DOC_ZLEVEL);
	sb_release(&raw);
	if (ZSTD_isError(zn)) {
		free(z);
		return NULL;
	}
	*n = zn;
	return z;
}

/* A row of search_doc (of table set W) read back into D. 0, or -1. */
static int idoc_unpack(struct db *db, int w, const void *z, size_t n, struct idoc *d)
{
	unsigned long long len = ZSTD_getFrameContentSize(z, n);
	if (len == ZSTD_CONTENTSIZE_ERROR || len == ZSTD_CONTENTSIZE_UNKNOWN || len > (64u << 20))
		return -1;
	unsigned id = ZSTD_getDictID_fromFrame(z, n);
	const struct zdict *zd = NULL;
	if (id) {
		zd = zdict_find(id, NULL, 0);
		struct db_stmt *st = zd ? NULL : db_stmt(db, DICT_BY_ID[w]);
		if (st) {
			db_bind_int(st, 1, id);
			if (db_step(st) == DB_ROW) {
				size_t dn;
				void *buf = db_col_blob_dup(st, 0, &dn);
				zd = zdict_find(id, buf, dn);
				free(buf);
			}
			db_reset(st);
		}
		if (!zd)
			return -1;
	}
	char *raw = xmalloc((size_t)len + 1);
	ZSTD_DCtx *dctx = ZSTD_createDCtx();
	size_t got = !dctx ? (size_t)-1 : zd ? ZSTD_decompress_usingDDict(dctx, raw, (size_t)len, z, n, zd->d)
					 : ZSTD_decompressDCtx(dctx, raw, (size_t)len, z, n);
	ZSTD_freeDCtx(dctx);
	if (ZSTD_isError(got) || got != len) {
		free(raw);
		return -1;
	}
	raw[got] = 0;
	const char *a = raw, *b = a + strlen(a) + 1, *c = b < raw + got ? b + strlen(b) + 1 : NULL;
	if (!c || c > raw + got) {
		free(raw);
		return -1;
	}
	d->tx = xstrdup(a);
	d->bx = xstrdup(b);
	d->tok = xstrdup(c);
	free(raw);
	return idoc_derive(d);
}

/* An item's searchable texts: its title with its identifier (a document's number ranks first),
 * and its summary, text and a kind's searchable fields (number, issuing body, signer…). */
struct itext {
	int64_t id, site_id, category_id, published_at;
	char *title, *body;
	const char *kind;
	int vi; /* in Vietnamese: in search_fts; a translation is in search_lang (search_lang.c) */
};

static void itext_release(struct itext *t)
{
	free(t->title);
	free(t->body);
	t->title = t->body = NULL;
}

/* From A, a row of items (title, summary, body, kind, fields, ref, …). */
static void itext_make(json_t *a, struct itext *t)
{
	memset(t, 0, sizeof(*t));
	t->id = json_integer_value(json_object_get(a, "id"));
	t->site_id = json_integer_value(json_object_get(a, "site_id"));
	t->category_id = json_integer_value(json_object_get(a, "category_id"));
	t->published_at = json_integer_value(json_object_get(a, "published_at"));
	const char *lang = json_string_value(json_object_get(a, "lang"));
	t->vi = !lang || strcmp(lang, "vi") == 0;
	const char *body = json_string_value(json_object_get(a, "body"));
	const char *summary = json_string_value(json_object_get(a, "summary"));
	char *text = html_to_text(body ? body : "", body ? strlen(body) : 0);
	struct sb all = SB_INIT;
	sb_addf(&all, "%s\n%s", summary ? summary : "", text);
	free(text);
	const struct kind *k = kind_find(json_string_value(json_object_get(a, "kind")));
	t->kind = k ? k->name : "article";
	json_t *fields = json_loads(json_string_value(json_object_get(a, "fields")) ? json_string_value(json_object_get(a, "fields")) : "{}", 0, NULL);
	if (k && fields) {
		char *extra = kind_search_text(k, fields);
		if (*extra)
			sb_addf(&all, "\n%s", extra);
		free(extra);
	}
	json_decref(fields);
	struct sb title = SB_INIT;
	const char *tt = json_string_value(json_object_get(a, "title"));
	sb_adds(&title, tt ? tt : "");
	if (json_string_value(json_object_get(a, "ref")))
		sb_addf(&title, " %s", json_string_value(json_object_get(a, "ref")));
	t->title = sb_detach(&title, NULL);
	t->body = sb_detach(&all, NULL);
}

char *search_kind_token(const char *kind)
{
	struct sb b = SB_INIT;
	for (const char *c = kind ? kind : ""; *c; c++)
		if ((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9'))
			sb_addc(&b, *c);
	if (!b.len)
		sb_adds(&b, "x");
	return sb_detach(&b, NULL);
}

/* SQLite's texts of T. 0, or -1. */
static int idoc_make(const struct itext *t, struct idoc *d)
{
	memset(d, 0, sizeof(*d));
	d->tx = vn_tone_normalize(t->title);
	d->bx = vn_tone_normalize(t->body);
	if (!d->tx || !d->bx) {
		idoc_release(d);
		return -1;
	}
	char *kt = search_kind_token(t->kind);
	struct sb tok = SB_INIT;
	sb_addf(&tok, SITE_TOKEN "%lld " KIND_TOKEN "%s", (long long)t->site_id, kt);
	free(kt);
	d->tok = sb_detach(&tok, NULL);
	if (idoc_derive(d)) {
		idoc_release(d);
		return -1;
	}
	return 0;
}

/* ---- SQLite: a row in, a row out ---- */

static int fts_bind_step(struct db *db, const char *sql, int64_t id, const struct idoc *d)
{
	struct db_stmt *st = db_stmt(db, sql);
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, d->tx);
	db_bind_text(st, 3, d->bx);
	db_bind_text(st, 4, d->tf);
	db_bind_text(st, 5, d->bf);
	db_bind_text(st, 6, d->tok);
	db_bind_text(st, 7, d->tb);
	db_bind_text(st, 8, d->bb);
	return db_step_done(st);
}

/* Takes item ID out of table set W when it is there: its row of search_doc gives the texts
 * FTS5's 'delete' needs. 0, or -1. */
static int lite_remove(struct db *db, int w, int64_t id, struct tally *t)
{
	struct db_stmt *st = db_stmt(db, SQL[w].doc_get);
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	size_t n = 0;
	void *z = NULL;
	if (db_step(st) == DB_ROW)
		z = db_col_blob_dup(st, 0, &n);
	db_reset(st);
	if (!z)
		return 0; /* not in the index */
	struct idoc d;
	memset(&d, 0, sizeof(d));
	int rc = idoc_unpack(db, w, z, n, &d);
	free(z);
	if (rc) {
		/* its words cannot be taken out of FTS5 without their texts: they stay (the item may be
		 * found by its old words) until a rebuild, which the next start of the server does;
		 * the change itself goes on */
		log_error("search: item %lld: its row of the index cannot be read back; the index is rebuilt at the"
			  " next start (or run cong reindex)", (long long)id);
		idoc_release(&d);
		st = db_stmt(db, SQL[w].doc_del);
		if (!st)
			return -1;
		db_bind_int(st, 1, id);
		return db_step_done(st) || db_setting_set(db, "search_reindex_needed", "1") ? -1 : 0;
	}
	idoc_count(&d, t, -1);
	rc = fts_bind_step(db, SQL[w].fts_delete, id, &d);
	idoc_release(&d);
	st = rc ? NULL : db_stmt(db, SQL[w].doc_del);
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	return db_step_done(st);
}

/* Puts D (item ID) into table set W. 0, or -1. */
static int lite_add(struct db *db, int w, int64_t id, const struct idoc *d, const void *z, size_t zn, struct tally *t)
{
	if (fts_bind_step(db, SQL[w].fts_insert, id, d))
		return -1;
	struct db_stmt *st = db_stmt(db, SQL[w].doc_put);
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, (int64_t)d->bytes);
	db_bind_blob(st, 3, z, zn);
	if (db_step_done(st))
		return -1;
	idoc_count(d, t, 1);
	return 0;
}

/* ---- PostgreSQL ---- */

/* PostgreSQL's text of an index column: the words of a text cut and normalised in C as a
 * query's words are (search_word_normalize), separated by spaces, and beside them their folded
 * forms. PostgreSQL's parser then only splits on the spaces: its own idea of a word
 * ("12/2024/qđ-ubnd" is a file path to it), of case and of letters in the database's locale
 * never applies. */
struct pg_text {
	struct sb x, f;
	size_t max; /* X and F each stay under this many bytes; the words that follow are left out */
	int cut;
};

static void pg_text_word(const char *w, size_t len, size_t off, void *arg)
{
	struct pg_text *t = arg;
	(void)off;
	if (t->cut)
		return;
	char *raw = xstrndup(w, len);
	char *x = search_word_normalize(raw);
	char *f = vn_fold(x);
	free(raw);
	if (f && *x && *f) { /* as search_parse: a lone combining mark is not a word */
		size_t nx = strlen(x), nf = strlen(f);
		if (t->x.len + nx + 1 >= t->max || t->f.len + nf + 1 >= t->max) {
			t->cut = 1;
		} else {
			if (t->x.len)
				sb_addc(&t->x, ' ');
			sb_add(&t->x, x, nx);
			if (t->f.len)
				sb_addc(&t->f, ' ');
			sb_add(&t->f, f, nf);
		}
	}
	free(x);
	free(f);
}

/* A tsvector's words and positions take at most 1 MB. A word takes at most twice its bytes in
 * the text (itself aligned to 2 bytes, a count and a position of 2 bytes each; a word of the text
 * takes its length and a space), so below this many bytes of words (as written, or folded) a
 * tsvector is always accepted. A realistic text of 480 KB makes one of 10 KB (its words repeat);
 * 480 KB of distinct four-letter codes, 770 KB. */
#define PG_TEXT_SAFE 450000

static int pg_insert(struct db *db, int w, int vocab, const struct itext *it, const struct pg_text *t,
		     const struct pg_text *b)
{
	/* with VOCAB, the item's folded words counted into search_vocab */
	struct db_stmt *st =
		vocab ? db_stmt(db, "WITH n AS (INSERT INTO search_fts (rowid, title_x, body_x, title_f, body_f, site_id,"
				    " category_id, published_at, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING tsv_f)"
				    " INSERT INTO search_vocab (term, doc) SELECT u.term, 1"
				    " FROM n, unnest(tsvector_to_array(n.tsv_f)) AS u(term)"
				    " ON CONFLICT (term) DO UPDATE SET doc = search_vocab.doc + 1")
		      : db_stmt(db, SQL[w].pg_insert);
	if (!st)
		return -1;
	db_bind_int(st, 1, it->id);
	db_bind_text(st, 2, t->x.buf ? t->x.buf : "");
	db_bind_text(st, 3, b->x.buf ? b->x.buf : "");
	db_bind_text(st, 4, t->f.buf ? t->f.buf : "");
	db_bind_text(st, 5, b->f.buf ? b->f.buf : "");
	db_bind_int(st, 6, it->site_id);
	db_bind_int(st, 7, it->category_id);
	db_bind_int(st, 8, it->published_at);
	db_bind_text(st, 9, it->kind);
	return db_step_done(st);
}

/* Indexes IT into table set W on PostgreSQL. A text long enough that its tsvector might pass
 * 1 MB is tried whole inside a savepoint; when PostgreSQL refuses it, its first PG_TEXT_SAFE
 * bytes of words are indexed instead. */
static int pg_add(struct db *db, int w, int vocab, const struct itext *it)
{
	struct pg_text t = { SB_INIT, SB_INIT, (size_t)-1, 0 }, b = { SB_INIT, SB_INIT, (size_t)-1, 0 };
	search_words_each(it->title, pg_text_word, &t);
	search_words_each(it->body, pg_text_word, &b);
	int rc;
	if (b.x.len < PG_TEXT_SAFE && b.f.len < PG_TEXT_SAFE) {
		rc = pg_insert(db, w, vocab, it, &t, &b);
	} else if (db_begin(db)) {
		rc = -1;
	} else if (!pg_insert(db, w, vocab, it, &t, &b)) {
		rc = db_commit(db);
	} else {
		db_rollback(db);
		log_warn("search: item %lld: its text is too long for PostgreSQL's tsvector, only its first %d KB are"
			 " searchable", (long long)it->id, PG_TEXT_SAFE / 1000);
		sb_release(&b.x);
		sb_release(&b.f);
		b.max = PG_TEXT_SAFE;
		search_words_each(it->body, pg_text_word, &b);
		rc = pg_insert(db, w, vocab, it, &t, &b);
	}
	sb_release(&t.x);
	sb_release(&t.f);
	sb_release(&b.x);
	sb_release(&b.f);
	return rc;
}

static int pg_remove(struct db *db, int w, int vocab, int64_t id)
{
	struct db_stmt *st;
	if (vocab) { /* the item's folded words leave the vocabulary with it; a word of no other item goes */
		st = db_stmt(db, "WITH o AS (DELETE FROM search_fts WHERE rowid = ?1 RETURNING tsv_f)"
				 " UPDATE search_vocab v SET doc = v.doc - 1"
				 " FROM o, unnest(tsvector_to_array(o.tsv_f)) AS u(term) WHERE v.term = u.term");
		if (!st)
			return -1;
		db_bind_int(st, 1, id);
		return db_step_done(st) || db_step_done(db_stmt(db, "DELETE FROM search_vocab WHERE doc <= 0")) ? -1 : 0;
	}
	st = db_stmt(db, SQL[w].pg_delete);
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	return db_step_done(st);
}

/* ---- keeping the index in step ---- */

#define ITEM_COLS "id, title, summary, body, site_id, category_id, published_at, kind, fields, ref, lang"

/* Item ID in table set W (and its words in T: SQLite), or out of it when it is not public. */
static int index_into(struct db *db, int w, int64_t id, struct tally *t)
{
	int pg = db_is_pg(db);
	/* on PostgreSQL the live table keeps search_vocab row by row; a rebuild makes its own at the end */
	int vocab = pg && w == LIVE;
	if (pg ? pg_remove(db, w, vocab, id) : lite_remove(db, w, id, t))
		return -1;
	struct db_stmt *st = db_stmt(db, "SELECT " ITEM_COLS " FROM items WHERE id = ? AND state = 'published' AND lang = 'vi'");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	json_t *a = db_one_json(st);
	if (!a)
		return 0; /* not public: not in the index */
	struct itext it;
	itext_make(a, &it);
	json_decref(a);
	int rc = -1;
	if (pg) {
		rc = pg_add(db, w, vocab, &it);
	} else {
		struct idoc d;
		size_t zn = 0;
		void *z = NULL;
		memset(&d, 0, sizeof(d));
		ZSTD_CCtx *cctx = ZSTD_createCCtx();
		if (cctx && !idoc_make(&it, &d) && (z = idoc_pack(&d, cctx, zdict_of(db, w), &zn)) != NULL)
			rc = lite_add(db, w, id, &d, z, zn, t);
		ZSTD_freeCCtx(cctx);
		idoc_release(&d);
		free(z);
	}
	if (rc)
		log_error("search: indexing item %lld: %s", (long long)id, db_errmsg(db));
	itext_release(&it);
	return rc;
}

/* Whether a rebuild is under way (its tables exist beside the live ones). */
static int rebuilding(struct db *db)
{
	char *v = db_setting_get(db, REBUILD_AT);
	int yes = v != NULL;
	free(v);
	return yes;
}

int search_index_article(struct db *db, int64_t id)
{
	/* a translation is found by its own language's search, in the tables of search_lang.c */
	if (search_lang_index(db, id))
		return -1;
	struct tally t;
	memset(&t, 0, sizeof(t));
	int rc = index_into(db, LIVE, id, &t) || (!db_is_pg(db) && tally_flush(db, &t, LIVE)) ? -1 : 0;
	/* a rebuild under way has the change too, whether it has passed this item or not */
	if (!rc && rebuilding(db))
		rc = index_into(db, NEXT, id, &t) || (!db_is_pg(db) && tally_flush(db, &t, NEXT)) ? -1 : 0;
	tally_release(&t);
	return rc;
}

/* ---- rebuilding ---- */

static atomic_int reindex_cancelled;
static atomic_int rebuild_batch = REBUILD_BATCH;

void search_reindex_batch(int n)
{
	atomic_store(&rebuild_batch, n > 0 ? n : REBUILD_BATCH);
}

void search_reindex_cancel(void)
{
	atomic_store(&reindex_cancelled, 1);
}

/* A dictionary for search_new_doc, from the first published items (at most DICT_SAMPLES):
 * stored in search_new_dict; none when they are too few for zstd to make one. 0, or -1. */
static int dict_train(struct db *db)
{
	struct db_stmt *st = db_stmt(db, "SELECT " ITEM_COLS " FROM items WHERE (state || '') = 'published'"
					 " AND lang = 'vi' ORDER BY id LIMIT " XSTR_SAMPLES);
	if (!st)
		return -1;
	json_t *rows = db_rows_json(st), *a;
	size_t i, n = json_array_size(rows), k = 0;
	struct sb all = SB_INIT;
	size_t *sizes = xcalloc(n + 1, sizeof(*sizes));
	json_array_foreach(rows, i, a) {
		struct itext it;
		struct idoc d;
		itext_make(a, &it);
		if (!idoc_make(&it, &d)) {
			size_t before = all.len;
			idoc_raw(&d, &all);
			sizes[k++] = all.len - before;
			idoc_release(&d);
		}
		itext_release(&it);
	}
	json_decref(rows);
	int rc = 0;
	if (k >= 100) {
		void *dict = xmalloc(DICT_MAX);
		size_t dn = ZDICT_trainFromBuffer(dict, DICT_MAX, all.buf, sizes, (unsigned)k);
		unsigned id = ZDICT_isError(dn) ? 0 : ZDICT_getDictID(dict, dn);
		if (id) {
			st = db_stmt(db, "INSERT INTO search_new_dict (id, dict) VALUES (?, ?)");
			if (!st) {
				rc = -1;
			} else {
				db_bind_int(st, 1, id);
				db_bind_blob(st, 2, dict, dn);
				rc = db_step_done(st);
			}
		} else {
			log_info("search: no dictionary for the index's texts (%s)", ZDICT_getErrorName(dn));
		}
		free(dict);
	}
	free(sizes);
	sb_release(&all);
	return rc;
}

/* The empty tables of a rebuild, beside the live ones. */
static int next_create(struct db *db)
{
	if (db_is_pg(db))
		return db_exec(db, "DROP TABLE IF EXISTS search_new_fts") ||
		       db_exec(db, "CREATE TABLE search_new_fts (LIKE search_fts INCLUDING DEFAULTS INCLUDING GENERATED)") ||
		       db_exec(db, "ALTER TABLE search_new_fts ADD PRIMARY KEY (rowid)");
	return db_exec(db, "DROP TABLE IF EXISTS search_new_fts") || db_exec(db, "DROP TABLE IF EXISTS search_new_doc") ||
	       db_exec(db, "DROP TABLE IF EXISTS search_new_vocab") ||
	       db_exec(db, "CREATE VIRTUAL TABLE search_new_fts USING fts5(" FTS_COLS ","
			   " content = '', tokenize = 'unicode61 remove_diacritics 0')") ||
	       /* while it is built nobody reads it: no merging of segments as they come (a segment a
		* batch, 500 at a million items; merged once at the end by 'optimize', where merging them
		* 64 at a time as they came merged every item twice: 60 s more at a million), and a
		* batch's words kept in memory until its commit */
	       db_exec(db, "INSERT INTO search_new_fts (search_new_fts, rank) VALUES ('automerge', 0)") ||
	       db_exec(db, "INSERT INTO search_new_fts (search_new_fts, rank) VALUES ('crisismerge', 1000)") ||
	       db_exec(db, "INSERT INTO search_new_fts (search_new_fts, rank) VALUES ('hashsize', 268435456)") ||
	       db_exec(db, "CREATE TABLE search_new_doc (id INTEGER PRIMARY KEY, bytes INTEGER NOT NULL, z BLOB NOT NULL)") ||
	       db_exec(db, "CREATE TABLE search_new_vocab (term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID") ||
	       db_exec(db, "DROP TABLE IF EXISTS search_new_dict") ||
	       db_exec(db, "CREATE TABLE search_new_dict (id INTEGER PRIMARY KEY, dict BLOB NOT NULL)") || dict_train(db);
}

/* The rebuilt tables take the live ones' place, in one transaction: readers see the old index
 * until it commits, then the new one whole. */
static int next_swap(struct db *db)
{
	if (db_is_pg(db))
		return db_exec(db, "CREATE INDEX search_new_fts_words ON search_new_fts USING gin (tsv_f)") ||
		       db_exec(db, "CREATE INDEX search_new_fts_site ON search_new_fts (site_id)") ||
		       db_exec(db, "DROP TABLE search_fts") || db_exec(db, "ALTER TABLE search_new_fts RENAME TO search_fts") ||
		       db_exec(db, "ALTER INDEX search_new_fts_words RENAME TO search_fts_words") ||
		       db_exec(db, "ALTER INDEX search_new_fts_site RENAME TO search_fts_site") ||
		       db_exec(db, "ALTER INDEX search_new_fts_pkey RENAME TO search_fts_pkey") ||
		       /* search_vocab made anew from the index: one pass over every tsvector */
		       db_exec(db, "DELETE FROM search_vocab") ||
		       db_exec(db, "INSERT INTO search_vocab (term, doc) SELECT word, ndoc FROM ts_stat('SELECT tsv_f FROM search_fts')");
	/* the old tables only renamed here: dropping them in this transaction would hold the write
	 * lock while SQLite frees every page of them (30 s at a million items) */
	return db_exec(db, "ALTER TABLE search_fts RENAME TO search_old_fts") ||
	       db_exec(db, "ALTER TABLE search_doc RENAME TO search_old_doc") ||
	       db_exec(db, "ALTER TABLE search_vocab RENAME TO search_old_vocab") ||
	       db_exec(db, "ALTER TABLE search_dict RENAME TO search_old_dict") ||
	       db_exec(db, "ALTER TABLE search_new_fts RENAME TO search_fts") ||
	       db_exec(db, "ALTER TABLE search_new_doc RENAME TO search_doc") ||
	       db_exec(db, "ALTER TABLE search_new_vocab RENAME TO search_vocab") ||
	       db_exec(db, "ALTER TABLE search_new_dict RENAME TO search_dict");
}

/* SQLite: the tables a swap left (search_old_*), emptied a thousand rows per transaction,
 * so that publishing never waits long for the write lock, then dropped (empty: at once). Also
 * what a stopped swap left. 0, or -1. */
static int old_drop(struct db *db)
{
	static const char *const shadows[] = {
		/* FTS5's pages, but its averages and structure (ids 1 and 10), without which the
		 * table cannot even be dropped; its _idx is small */
		"DELETE FROM search_old_fts_data WHERE rowid IN (SELECT rowid FROM search_old_fts_data WHERE rowid > 10"
		" LIMIT 1000)",
		"DELETE FROM search_old_fts_docsize WHERE rowid IN (SELECT rowid FROM search_old_fts_docsize LIMIT 1000)",
		"DELETE FROM search_old_doc WHERE rowid IN (SELECT rowid FROM search_old_doc LIMIT 1000)",
		"DELETE FROM search_old_vocab WHERE term IN (SELECT term FROM search_old_vocab LIMIT 1000)",
	};
	struct db_stmt *probe = db_prepare(db, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'search\\_old\\_%' ESCAPE '\\'");
	int64_t n = 0;
	if (probe && db_step(probe) == DB_ROW)
		n = db_col_int(probe, 0);
	db_finalize(probe);
	if (!n)
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(shadows); i++) {
		struct db_stmt *st = db_prepare(db, shadows[i]);
		for (int more = st != NULL; more;) {
			if (db_begin(db) || db_step(st) != DB_DONE) {
				db_reset(st);
				db_rollback(db);
				db_finalize(st);
				return -1;
			}
			more = db_changes(db) > 0;
			db_reset(st);
			if (db_commit(db)) {
				db_finalize(st);
				return -1;
			}
		}
		db_finalize(st);
	}
	return db_exec(db, "DROP TABLE IF EXISTS search_old_fts") || db_exec(db, "DROP TABLE IF EXISTS search_old_doc") ||
	       db_exec(db, "DROP TABLE IF EXISTS search_old_vocab") || db_exec(db, "DROP TABLE IF EXISTS search_old_dict");
}

static int64_t count_of(struct db *db, const char *sql, int64_t arg)
{
	struct db_stmt *st = db_stmt(db, sql);
	int64_t n = 0;
	if (!st)
		return 0;
	db_bind_int(st, 1, arg);
	if (db_step(st) == DB_ROW)
		n = db_col_int(st, 0);
	db_reset(st);
	return n;
}

/* One item of a rebuild, made ready off the writing thread: everything but the SQL. */
struct prepped {
	int64_t id;
	int vi, ok;
	struct idoc d;
	void *z;
	size_t zn;
};

struct prep_job {
	json_t *rows;
	struct prepped *out;
	atomic_size_t next; /* the next row to take: the preparing thread and the writer, once it is done, share them */
	struct tally t[2];  /* the items' words (search_vocab), counted by each of the two */
	int pg;
	const struct zdict *zd; /* search_new_dict's, or NULL */
};

static void prepped_release(struct prepped *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		idoc_release(&p[i].d);
		free(p[i].z);
	}
	free(p);
}

/* The CPU's part of a batch (the text out of HTML, folding, bigrams, compression, counting the
 * words), into tally T: rows are taken one by one, so two threads can share a batch. */
static void prep_rows(struct prep_job *j, struct tally *t)
{
	size_t n = json_array_size(j->rows), i;
	ZSTD_CCtx *cctx = ZSTD_createCCtx();
	while ((i = atomic_fetch_add(&j->next, 1)) < n) {
		struct prepped *p = &j->out[i];
		struct itext it;
		itext_make(json_array_get(j->rows, i), &it);
		p->id = it.id;
		p->vi = it.vi;
		if (!it.vi || j->pg) {
			p->ok = 1; /* a translation (search_lang.c), or PostgreSQL's rows: made by the writer */
		} else if (!idoc_make(&it, &p->d)) {
			p->z = cctx ? idoc_pack(&p->d, cctx, j->zd, &p->zn) : NULL;
			p->ok = p->z != NULL;
			if (p->ok)
				idoc_count(&p->d, t, 1);
		}
		itext_release(&it);
	}
	ZSTD_freeCCtx(cctx);
}

/* The thread that prepares batch K+1 while batch K is written. */
static void *prep_main(void *arg)
{
	struct prep_job *j = arg;
	prep_rows(j, &j->t[0]);
	return NULL;
}

/* Writes a prepared batch (J, its rows and what prep_main made of them) into the new tables.
 * 0, or -1. */
static int rebuild_write(struct db *db, struct prep_job *j)
{
	size_t i, n = json_array_size(j->rows);
	int pg = db_is_pg(db);
	for (i = 0; i < n; i++) {
		struct prepped *p = &j->out[i];
		int rc = -1;
		if (!p->ok) {
			rc = -1;
		} else if (!p->vi) {
			rc = search_lang_index(db, p->id);
		} else if (pg) {
			struct itext it;
			itext_make(json_array_get(j->rows, i), &it);
			rc = pg_remove(db, NEXT, 0, p->id) || pg_add(db, NEXT, 0, &it) ? -1 : 0;
			itext_release(&it);
		} else {
			/* a change published meanwhile may have put it there already */
			rc = lite_remove(db, NEXT, p->id, &j->t[1]) || fts_bind_step(db, SQL[NEXT].fts_insert, p->id, &p->d) ? -1 : 0;
			struct db_stmt *st = rc ? NULL : db_stmt(db, SQL[NEXT].doc_put);
			if (st) {
				db_bind_int(st, 1, p->id);
				db_bind_int(st, 2, (int64_t)p->d.bytes);
				db_bind_blob(st, 3, p->z, p->zn);
				rc = db_step_done(st);
			}
		}
		if (rc) {
			log_error("search: rebuilding, item %lld: %s", (long long)p->id, db_errmsg(db));
			return -1;
		}
	}
	return 0;
}

/* The next batch's rows: the published items after LAST, in id order. */
static json_t *rebuild_rows(struct db *db, int64_t last)
{
	/* state || '': the primary key's order, not the state index (a sort of every published item's
	 * id at each batch: 200 ms at a million) */
	struct db_stmt *st = db_stmt(db, "SELECT " ITEM_COLS " FROM items WHERE id > ? AND (state || '') = 'published'"
					 " ORDER BY id LIMIT ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, last);
	db_bind_int(st, 2, atomic_load(&rebuild_batch));
	return db_rows_json(st);
}

int search_reindex(struct db *db, void (*progress)(int64_t done, int64_t total, void *arg), void *arg)
{
	atomic_store(&reindex_cancelled, 0);
	int pg = db_is_pg(db);
	int64_t last = 0;
	char *at = db_setting_get(db, REBUILD_AT);
	struct db_stmt *probe = at ? db_prepare(db, "SELECT 1 FROM search_new_fts LIMIT 1") : NULL;
	if (at && !probe) { /* the setting without its tables (a copy to another store): anew */
		free(at);
		at = NULL;
	}
	db_finalize(probe);
	if (at) { /* a rebuild stopped before: it goes on from there */
		last = strtoll(at, NULL, 10);
		free(at);
		log_info("search: the rebuild goes on after item %lld", (long long)last);
	} else if ((!pg && old_drop(db)) || db_begin(db) || next_create(db) || db_exec(db, "DELETE FROM search_lang") ||
		   (!pg && db_exec(db, "DELETE FROM search_grams")) || db_setting_set(db, REBUILD_AT, "0") || db_commit(db)) {
		db_rollback(db);
		return -1;
	}
	int64_t total = count_of(db, "SELECT count(*) FROM items WHERE state = 'published' AND id > ?", -1);
	int64_t done = count_of(db, "SELECT count(*) FROM items WHERE state = 'published' AND id <= ?", last);
	if (progress)
		progress(done, total, arg);
	/* a rebuild's commits need not wait for the disk: a batch lost to a power cut is made again
	 * (its cursor is in the same transaction); and FTS5's pages stay in memory longer */
	if (!pg && (db_exec(db, "PRAGMA synchronous=NORMAL") || db_exec(db, "PRAGMA cache_size=-65536")))
		return -1;
	/* batch K is written while batch K+1 is prepared in a thread: two cores, each busy */
	struct prep_job job[2];
	memset(job, 0, sizeof(job));
	pthread_t th;
	int cur = 0, running = 0, rc = 0;
	json_t *rows = rebuild_rows(db, last);
	if (!rows)
		return -1;
	const struct zdict *zd = pg ? NULL : zdict_of(db, NEXT);
	job[cur].rows = rows;
	job[cur].pg = pg;
	job[cur].zd = job[!cur].zd = zd;
	job[cur].out = xcalloc(json_array_size(rows) + 1, sizeof(struct prepped));
	prep_rows(&job[cur], &job[cur].t[1]);
	while (json_array_size(job[cur].rows)) {
		size_t n = json_array_size(job[cur].rows);
		int64_t batch_last = json_integer_value(json_object_get(json_array_get(job[cur].rows, n - 1), "id"));
		struct prep_job *nx = &job[!cur];
		nx->rows = rebuild_rows(db, batch_last);
		if (!nx->rows) {
			rc = -1;
			break;
		}
		nx->pg = pg;
		atomic_store(&nx->next, 0);
		nx->out = xcalloc(json_array_size(nx->rows) + 1, sizeof(struct prepped));
		running = pthread_create(&th, NULL, prep_main, nx) == 0;

		char buf[32];
		snprintf(buf, sizeof(buf), "%lld", (long long)batch_last);
		if (db_begin(db) || rebuild_write(db, &job[cur]) ||
		    (!pg && (tally_flush(db, &job[cur].t[0], NEXT) || tally_flush(db, &job[cur].t[1], NEXT))) ||
		    db_setting_set(db, REBUILD_AT, buf) || db_commit(db)) {
			db_rollback(db);
			rc = -1;
		}
		/* then the writer helps with the next batch's rows */
		prep_rows(nx, &nx->t[1]);
		if (running)
			pthread_join(th, NULL);
		running = 0;
		tally_release(&job[cur].t[0]);
		tally_release(&job[cur].t[1]);
		prepped_release(job[cur].out, n);
		json_decref(job[cur].rows);
		job[cur].out = NULL;
		job[cur].rows = NULL;
		cur = !cur;
		if (rc)
			break;
		done += (int64_t)n;
		if (progress)
			progress(done, total, arg);
		if (atomic_load(&reindex_cancelled)) { /* what is done stays: the next rebuild goes on from here */
			rc = 1;
			break;
		}
	}
	tally_release(&job[cur].t[0]);
	tally_release(&job[cur].t[1]);
	if (job[cur].rows) {
		prepped_release(job[cur].out, json_array_size(job[cur].rows));
		json_decref(job[cur].rows);
	}
	if (!pg)
		db_exec(db, "PRAGMA synchronous=FULL");
	if (rc)
		return rc;
	/* FTS5's segments merged into one before the swap: a query then reads one b-tree per word */
	if (!pg && (db_exec(db, "INSERT INTO search_new_fts (search_new_fts) VALUES ('optimize')") ||
		    /* then as any FTS5 table, for the changes publishing makes one by one */
		    db_exec(db, "INSERT INTO search_new_fts (search_new_fts, rank) VALUES ('automerge', 4)") ||
		    db_exec(db, "INSERT INTO search_new_fts (search_new_fts, rank) VALUES ('crisismerge', 16)") ||
		    db_exec(db, "INSERT INTO search_new_fts (search_new_fts, rank) VALUES ('hashsize', 1048576)")))
		return -1;
	if (db_begin(db) || next_swap(db) || db_exec(db, "DELETE FROM settings WHERE key = '" REBUILD_AT "'") ||
	    db_commit(db)) {
		db_rollback(db);
		return -1;
	}
	return pg ? 0 : old_drop(db);
}
