/* legal.h — legal documents (kind "legal", kinds.c): the hooks of their descriptor and their
 * computed validity (hiệu lực), from their dates and the documents acting on them. */
#ifndef CONG_MODEL_LEGAL_H
#define CONG_MODEL_LEGAL_H

#include <stdint.h>
#include <stddef.h>
#include <jansson.h>

struct db;
struct kind;
struct errs;

/* Issue ≤ effective ≤ expiry; a document does not act on itself. */
void legal_check(const struct kind *k, json_t *fields, struct errs *e);
/* "12-2024-qd-ubnd-quy-dinh-..." from the number and the summary. */
char *legal_slug(const struct kind *k, const char *title, json_t *fields);
/* vn/docnum.h's key. */
char *legal_ident_key(const char *ref);
/* Computes the validity of ITEM_ID and of every document it acts on as of TODAY; writes the
 * term "hieu_luc" and the day it next changes (items.recheck_day). */
int legal_derive(struct db *db, const struct kind *k, int64_t item_id, json_t *fields, int32_t today);

/* The validity of published document ID as of TODAY: {status ("chua-hieu-luc", "con-hieu-luc",
 * "het-hieu-luc-mot-phan", "het-hieu-luc-toan-bo"), label, since (dd/mm/yyyy or absent), why (a
 * sentence naming the document that caused it, or absent)}; NULL on a store error. */
json_t *legal_validity(struct db *db, int64_t id, int32_t today);
/* The labels of the statuses, and of a relation on its "from" end and its "to" end. */
const char *legal_status_label(const char *status);
const char *legal_rel_label(const char *rel, int reverse);
/* The statuses in order, as {key, label}; ends with { NULL, NULL }. */
extern const struct legal_status_name { const char *key, *label; } legal_statuses[];

/* ---- the rule (pure; unit-tested) ---- */
enum legal_status { LEGAL_NOT_YET, LEGAL_IN_FORCE, LEGAL_PARTLY, LEGAL_EXPIRED };

struct legal_rel_info {
	const char *key, *label_from, *label_to;
	int ends, partly; /* ends it wholly / partly when in force */
};
struct legal_incoming {
	const struct legal_rel_info *rel; /* NULL: not a relation that acts */
	int32_t effective;                /* 0: unknown */
};

struct legal_validity {
	enum legal_status status;
	int32_t since; /* the day the status began (0: unknown) */
	int cause;     /* index of the acting relation, -1: the document's own dates */
	int32_t next;  /* the next day the status changes by itself after TODAY (0: none known) */
};


/* The validity as of TODAY of a document in force from EFFECTIVE (its issue day when no
 * effective day is written; 0 unknown) to EXPIRY (the first day out of force; 0 none), acted on
 * by IN[N]. */
void legal_validity_compute(int32_t effective, int32_t expiry, const struct legal_incoming *in, size_t n,
			    int32_t today, struct legal_validity *out);
/* The relation named KEY (can_cu, huong_dan, sua_doi, thay_the, bai_bo, dinh_chinh; van_ban for
 * a gazette's documents), or NULL. */
const struct legal_rel_info *legal_rel_find(const char *key);

#endif
