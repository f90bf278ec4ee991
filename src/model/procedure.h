/* procedure.h — administrative procedures (thủ tục hành chính, VP Đ4.8–9, Đ9; kind "procedure",
 * kinds.c; docs/procedures.md): the hooks of their descriptor and the link to the national
 * public-service portal built from a procedure's code. */
#ifndef CONG_MODEL_PROCEDURE_H
#define CONG_MODEL_PROCEDURE_H

#include <stdint.h>
#include <jansson.h>

struct db;
struct kind;
struct errs;

/* The national portal's page of a procedure is addressed by its code: this, then the code. */
#define PROCEDURE_PORTAL_BASE "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc="

/* 1 when CODE is a procedure code as the national database writes them: dot-separated groups
 * of ASCII letters and digits ("1.001193", "2.000123.000.00.00.H62"; older provincial codes with
 * '-' such as "T-VLG-123456-TT"), 3 to 40 characters, with a digit. */
int procedure_code_valid(const char *code);
/* The national portal's address of the procedure with CODE (malloc'd), NULL when CODE is not
 * one (procedure_code_valid): the code percent-encoded after PROCEDURE_PORTAL_BASE. */
char *procedure_portal_url(const char *code);

/* The code's form; the processing time 0..1000 working days. */
void procedure_check(const struct kind *k, json_t *fields, struct errs *e);
/* Writes the anchor of the update deadline (term "han_moc": the day the regulating document
 * takes effect; deadline.h, unit "workdays_before"). */
int procedure_derive(struct db *db, const struct kind *k, int64_t item_id, json_t *fields, int32_t today);

#endif
