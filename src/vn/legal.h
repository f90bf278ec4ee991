/* legal.h — the validity (hiệu lực) of a legal document, computed from its own dates and from the
 * documents that act on it, never typed; and the relations between documents (căn cứ, hướng dẫn,
 * sửa đổi, thay thế, bãi bỏ, đính chính) with their Vietnamese labels. Pure computation.
 *
 * Days are the day numbers of vn/calendar.h (vn_date_to_days), with 0 meaning "not given": a
 * date of 1970-01-01 cannot be told from no date, and no legal document of the product has it. */
#ifndef CONG_VN_LEGAL_H
#define CONG_VN_LEGAL_H

#include <stddef.h>
#include <stdint.h>

/* ---- statuses ---- */
enum legal_status {
	LEGAL_NOT_YET = 1,    /* chưa có hiệu lực */
	LEGAL_IN_FORCE,       /* còn hiệu lực */
	LEGAL_PARTLY_EXPIRED, /* hết hiệu lực một phần */
	LEGAL_EXPIRED,        /* hết hiệu lực toàn bộ */
};
/* "chua_co_hieu_luc", "con_hieu_luc", "het_hieu_luc_mot_phan", "het_hieu_luc_toan_bo" (URLs,
 * filters, exports); "" for a value that is not a status. */
const char *legal_status_key(enum legal_status s);
/* "Chưa có hiệu lực", "Còn hiệu lực", "Hết hiệu lực một phần", "Hết hiệu lực toàn bộ"; "" else. */
const char *legal_status_label(enum legal_status s);
/* The status named by KEY (exactly as legal_status_key writes it), 0 when none is. */
enum legal_status legal_status_from_key(const char *key);

/* ---- relations ----
 * A relation goes from the document that acts (the newer one, which says it) to the document it
 * names: "Quyết định 20/2025 thay thế Quyết định 12/2024" goes from 20/2025 to 12/2024, shown on
 * 20/2025 as "Thay thế" and on 12/2024 as "Bị thay thế bởi". */
enum legal_rel {
	LEGAL_REL_CAN_CU = 1,  /* căn cứ: the "from" document is issued on the basis of the "to" one */
	LEGAL_REL_HUONG_DAN,   /* hướng dẫn: guides the application of */
	LEGAL_REL_SUA_DOI,     /* sửa đổi, bổ sung: amends */
	LEGAL_REL_THAY_THE,    /* thay thế: replaces */
	LEGAL_REL_BAI_BO,      /* bãi bỏ: repeals */
	LEGAL_REL_DINH_CHINH,  /* đính chính: corrects errors in */
};
#define LEGAL_REL_COUNT 6

/* What a relation does to its "to" document once the "from" document is in force. */
enum legal_effect {
	LEGAL_EFFECT_NONE,  /* căn cứ, hướng dẫn, đính chính */
	LEGAL_EFFECT_PART,  /* sửa đổi: the product's rule — amended means partly expired */
	LEGAL_EFFECT_WHOLE, /* thay thế, bãi bỏ */
};

struct legal_rel_info {
	enum legal_rel rel;
	const char *key;        /* "can_cu", "huong_dan", "sua_doi", "thay_the", "bai_bo", "dinh_chinh":
	                         * URLs and the importer's CSV column names */
	const char *label_from; /* on the "from" document: "Sửa đổi, bổ sung" */
	const char *label_to;   /* on the "to" document: "Được sửa đổi, bổ sung bởi" */
	enum legal_effect effect;
};
/* Every relation, in the order of enum legal_rel (legal_rels[r - 1] is relation r). */
extern const struct legal_rel_info legal_rels[LEGAL_REL_COUNT];

/* The row of REL, or NULL when REL is not a relation. */
const struct legal_rel_info *legal_rel_info(enum legal_rel rel);
/* The relation whose key is KEY (exact, as in legal_rels), 0 when none is. */
enum legal_rel legal_rel_from_key(const char *key);
/* The labels of REL for its two ends; "" when REL is not a relation. */
const char *legal_rel_label_from(enum legal_rel rel);
const char *legal_rel_label_to(enum legal_rel rel);

/* ---- validity ---- */
struct legal_dates {
	int32_t issued;    /* ngày ban hành; 0 unknown */
	int32_t effective; /* ngày có hiệu lực; 0: in force from the issue day */
	int32_t expires;   /* ngày hết hiệu lực, 0 none. As in "hết hiệu lực kể từ ngày X", it is the
	                    * FIRST day out of force: a document that expires on 2025-01-01 is in force
	                    * on 2024-12-31 and expired on 2025-01-01. */
};

/* Another document acting on this one: a relation whose "to" end is this document. */
struct legal_act {
	enum legal_rel rel;
	int32_t effective; /* the acting document's first day in force; 0 when unknown — the relation
	                    * names a document not in the database yet, or one without dates: it is
	                    * kept but acts on nothing until it has a day */
};

struct legal_validity {
	enum legal_status status;
	int32_t since; /* the day the status began; 0 unknown (in force from an unknown start, or not
	                * yet in force with no issue day) */
	int cause;     /* index in ACTS of the document that brought the status, -1 the document's own
	                * dates (its expiry, its start, or nothing at all) */
};

/* The validity on day TODAY of a document with dates D acted on by ACTS[0..N_ACT):
 *  1. wholly expired when its expiry day has come or a replacing or repealing document is in
 *     force (effective <= TODAY), since the earliest of those days (its own expiry first on a
 *     tie, then the lowest index) — even before the document's own start: a document repealed
 *     before it takes effect never comes into force;
 *  2. else not yet in force before its start (the effective day, else the issue day), since the
 *     issue day when it has come;
 *  3. else partly expired when an amending document is in force, since the earliest such day
 *     (not before the document's own start);
 *  4. else in force since its start (0 when neither start day is known).
 * Căn cứ, hướng dẫn and đính chính never change the status, nor do unknown relation values. */
struct legal_validity legal_validity_at(const struct legal_dates *d, const struct legal_act *acts,
					size_t n_act, int32_t today);

/* The first day after TODAY on which the status of legal_validity_at differs from TODAY's, so a
 * scheduler can flip it that day; 0 when no date given can change it any more (an act whose
 * document has no date yet may still, once it gets one). */
int32_t legal_validity_next_change(const struct legal_dates *d, const struct legal_act *acts,
				   size_t n_act, int32_t today);

#endif
