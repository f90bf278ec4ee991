/* legal.h — legal documents (kind "legal", kinds.c): the hooks of their descriptor and their
 * validity (hiệu lực) as the database gives it: their dates and the published documents acting on
 * them, through the rule of vn/legal.h. */
#ifndef CONG_MODEL_LEGAL_H
#define CONG_MODEL_LEGAL_H

#include <stdint.h>
#include <stddef.h>
#include <jansson.h>

struct db;
struct kind;
struct errs;

/* Issue ≤ effective < expiry; a document does not act on itself. */
void legal_check(const struct kind *k, json_t *fields, struct errs *e);
/* "12-2024-qd-ubnd-quy-dinh-..." from the number and the summary. */
char *legal_slug(const struct kind *k, const char *title, json_t *fields);
/* vn/docnum.h's key. */
char *legal_ident_key(const char *ref);
/* Computes the validity of ITEM_ID and of every document it acts on as of TODAY; writes the
 * term "hieu_luc" and the day it next changes by itself (items.recheck_day). */
int legal_derive(struct db *db, const struct kind *k, int64_t item_id, json_t *fields, int32_t today);

/* The validity of published document ID as of TODAY: {status (vn/legal.h's key), label, since
 * (dd/mm/yyyy, absent when unknown), why (a sentence; with why_id/why_slug/why_kind/why_site_id
 * of the document that caused it)}; NULL on a store error. */
json_t *legal_validity(struct db *db, int64_t id, int32_t today);
/* The same from what the document's page has already read: its FIELDS and ACTS, the relations
 * made to it (item_links_to); both borrowed. */
json_t *legal_validity_of(json_t *fields, json_t *acts, int32_t today);
/* The label of a relation (its key in kinds.c: can_cu…, van_ban) on its "from" end or, REVERSE,
 * its "to" end. */
const char *legal_rel_label(const char *rel, int reverse);

#endif
