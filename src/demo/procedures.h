/* procedures.h — the demo province's administrative procedures (thủ tục hành chính, kind
 * "procedure"; docs/procedures.md) and the legal documents their bases name that the legal
 * table (legal.h) does not hold. Static tables, loaded by `cong demo`. */
#ifndef CONG_DEMO_PROCEDURES_H
#define CONG_DEMO_PROCEDURES_H

#include <stddef.h>

#include "demo/legal.h"

/* A paper of a procedure's dossier (thành phần hồ sơ). */
struct demo_paper {
	const char *name;
	const char *copies; /* "Bản chính: 1; Bản sao: 0" as the national database writes it */
};

#define DEMO_PAPERS_MAX 4

struct demo_procedure {
	const char *site;                  /* site slug (demo_sites) */
	const char *code, *name;           /* the national database's code and name */
	const char *field, *level;         /* lĩnh vực; "tinh" | "huyen" | "xa" */
	const char *agency, *service;      /* cơ quan thực hiện; "toan-trinh" | "mot-phan" | "khong" */
	const char *who, *steps, *how;     /* đối tượng, trình tự (a step a line), cách thức */
	const char *days;                  /* working days ("0": the same day) */
	const char *fees, *result, *requirements;
	const char *bases;                 /* ";"-separated numbers of legal documents */
	const char *effective;             /* "YYYY-MM-DD": the regulating document's effective day */
	struct demo_paper papers[DEMO_PAPERS_MAX];
};
extern const struct demo_procedure demo_procedures[];
extern const size_t demo_nprocedures;

/* Legal documents the procedures' bases name, loaded like legal.h's rows. */
extern const struct demo_legal demo_procedure_legal[];
extern const size_t demo_procedure_nlegal;

/* A one-page PDF standing for the form of procedure CODE (ASCII text saying it is the demo's
 * illustration); malloc'd, its size in *LEN. */
char *demo_form_pdf(const char *code, size_t *len);

#endif
