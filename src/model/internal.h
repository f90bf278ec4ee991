/* internal.h — what the model files share and nobody else needs. */
#ifndef CONG_MODEL_INTERNAL_H
#define CONG_MODEL_INTERNAL_H

#include "model.h"

/* Role levels on a site: 0 none, 1 reporter, 2 editor, 3 approver, 4 siteadmin, 5 sysadmin. */
enum { LVL_NONE, LVL_REPORTER, LVL_EDITOR, LVL_APPROVER, LVL_SITEADMIN, LVL_SYSADMIN };
int role_level(const char *role);
int actor_level(struct db *db, const struct actor *a, int64_t site_id);

/* The workflow state of an article row: its pending change's when it has one, else its own. */
const char *article_wstate(json_t *art);

/* Appends a record to the item's timeline (inside the caller's transaction). */
int transition_write(struct db *db, const struct actor *a, int64_t article_id, const char *action,
		     const char *from, const char *to, const char *comment, const char *reason);

/* Publishes item ID at once, whatever step it is at: a draft (or any unpublished state) becomes
 * published, a published item's pending change replaces its public version; the timeline
 * records A's "publish" with NOTE; index and derived values follow. For the import (import.c),
 * where checking the whole file and confirming it is the approval: the workflow's rules (two
 * steps, approver not the author) are not asked. Inside the caller's transaction. 0 or -1. */
int article_publish_now(struct db *db, const struct actor *a, int64_t id, const char *note);

/* NFC copy of S trimmed of surrounding white space ("" for NULL); NULL if S is not UTF-8. */
char *text_clean(const char *s, int multiline);

/* Attachments (media.c): CHECK validates MEDIA_IDS (files of the site, duplicates dropped) into
 * OUT[ATTACH_MAX]; WRITE replaces the list inside the caller's transaction. */
#define ATTACH_MAX 100
int attachments_check(struct db *db, int64_t site_id, const int64_t *media_ids, size_t n, int64_t *out,
		      size_t *nout, struct errs *e);
int attachments_write(struct db *db, const struct actor *a, int64_t site_id, int64_t article_id,
		      const int64_t *ids, size_t k);

/* Runs media.c's own parsers of upload bytes (for the fuzz target). */
void media_probe(const unsigned char *b, size_t len);

/* Item ID's filter terms (kind.c): ADD one value of KEY (kept if there); SET makes VALUE the
 * only one. Inside the caller's transaction; 0 or -1. */
int item_term_add(struct db *db, int64_t id, const char *key, const char *value);
int item_term_set(struct db *db, int64_t id, const char *key, const char *value);
/* The day item ID's derived values change next (items.recheck_day, item_recheck_due); 0: never.
 * Inside the caller's transaction; 0 or -1. */
int item_recheck_at(struct db *db, int64_t id, int32_t day);

/* The audit record's hash (common.c): SHA-256 over PREV and every field, length-prefixed. */
void audit_record_hash(const char *prev, int64_t at, int64_t user_id, int64_t site_id, const char *action,
		       const char *object, const char *detail, const char *address, char out[65]);

/* A row's field K as a number (0 when absent) and as text ("" when absent or not text). */
static inline int64_t ival(json_t *o, const char *k)
{
	return json_integer_value(json_object_get(o, k));
}

static inline const char *sval(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

#endif
