/* legal.h — the demo province's legal documents (văn bản quy phạm pháp luật, chỉ đạo điều hành)
 * and its official gazette (Công báo) issues, as static tables. Real national and provincial
 * texts cited by the seed regulations, plus a few clearly marked demo documents of Vĩnh Long.
 * Relations name documents by number; a related number need not be a row of the table. */
#ifndef CONG_DEMO_LEGAL_H
#define CONG_DEMO_LEGAL_H

#include <stddef.h>

struct demo_legal {
	const char *site;        /* site slug (demo_sites) */
	const char *number, *type, *issuer, *signer, *signer_title;
	const char *issued, *effective, *expires;   /* "YYYY-MM-DD" or NULL */
	const char *title;       /* trích yếu */
	const char *fields;      /* ";"-separated */
	const char *scope;       /* "trung-uong" | "tinh" | "don-vi" */
	const char *body;        /* HTML: <p>, <ul>, <li>, <strong> only */
	const char *can_cu, *huong_dan, *sua_doi, *thay_the, *bai_bo, *dinh_chinh; /* ";"-separated numbers or NULL */
};
extern const struct demo_legal demo_legal_docs[];
extern const size_t demo_legal_ndocs;

struct demo_gazette { const char *number, *date, *docs; /* docs: ";"-separated numbers */ };
extern const struct demo_gazette demo_gazette_issues[];
extern const size_t demo_gazette_nissues;

/* The document types a row may have (NULL-terminated), for validation and filters. */
extern const char *const demo_legal_types[];

#endif
