/* inforeq.h — requests for information (Luật Tiếp cận thông tin 2016 Đ23–24, 28–31; ND 13/2018;
 * docs/information-requests.md): the ticket kind "info_request" (tickets.c) and what it adds to
 * the ticket layer — its life cycle (received → accepted as simple or complex, or refused →
 * processing → extended once → provided, partly provided or refused; a correction of what was
 * provided), its deadlines on the working-day calendar, the register (sổ theo dõi) and the
 * reply letters' files, kept privately (never in the public media library). */
#ifndef CONG_MODEL_INFOREQ_H
#define CONG_MODEL_INFOREQ_H

#include "model.h"
#include "ticket.h"

/* The kind's hooks (ticket_kind.check, .act, .actions) and its states. */
void inforeq_check(struct db *db, const struct ticket_kind *tk, int64_t site_id, int64_t item_id, json_t *fields,
		   struct errs *e);
int inforeq_act(struct db *db, const struct actor *a, struct ticket *t, const char *action, json_t *in, int64_t now,
		struct errs *e);
json_t *inforeq_actions(const struct ticket_kind *tk, const struct ticket *t);
extern const struct ticket_state inforeq_states[];
extern const struct kind_choice inforeq_delivery[];
extern const struct kind_choice inforeq_refusal_reasons[];

/* The register of SITE_ID (A has a role on it): the requests received from day FROM to day TO
 * (days since 1970-01-01, Vietnam time; inclusive) in number order: [{id, code, number,
 * number_year, received, requester (initials; the full name when WITH_PERSONAL, audited as
 * "inforeq.register_personal_view"), info, purpose, delivery, state, state_label, due, overdue,
 * closed, result}]. NULL when denied. */
json_t *inforeq_register(struct db *db, const struct actor *a, int64_t site_id, int32_t from, int32_t to,
			 int with_personal, int64_t now);

#endif
