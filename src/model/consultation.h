/* consultation.h — public consultation on drafts (góp ý dự thảo, VP Đ4.12; docs/consultation.md):
 * the hooks of the item kind "consultation" (kinds.c) and of the ticket kind "comment"
 * (tickets.c), the consultation's open/close times, and the staff's export of its comments
 * grouped by article.
 *
 * A consultation opens at 00:00 of its open day and closes at its close time on its close day
 * (the field gio_ket_thuc, "HH:MM"; empty: at the end of the day), Vietnam time. "Days left" are
 * calendar days (the Law on Promulgation of Legal Documents counts consultation periods in
 * calendar days): the close day minus today. */
#ifndef CONG_MODEL_CONSULTATION_H
#define CONG_MODEL_CONSULTATION_H

#include "model.h"
#include "kind.h"
#include "report/table.h"

struct ticket_kind;

enum consultation_phase { CONSULT_NOT_YET, CONSULT_OPEN, CONSULT_CLOSED };

struct consultation_time {
	int64_t opens_at, closes_at;   /* Unix times; closed from CLOSES_AT on */
	int32_t open_day, close_day;   /* day numbers (vn/calendar.h) */
	int has_close_time;            /* the close time was given ("17:00"), else the day's end */
	char close_hm[6];              /* "17:00", "24:00" for the day's end */
	enum consultation_phase phase; /* at the time asked */
	int days_left;                 /* calendar days from today to the close day (0: the last day) */
};

/* The list term and its values (kind.term_choices): "sap-lay-y-kien", "dang-lay-y-kien",
 * "het-han", by the day (the close day counts as open in lists; the page and the form follow
 * the exact close time). */
#define CONSULTATION_TERM "lay_y_kien"
extern const struct kind_choice consultation_terms[];

/* The times of a consultation of FIELDS at NOW: 0, or -1 when its dates are missing. */
int consultation_time_of(json_t *fields, int64_t now, struct consultation_time *out);
/* "17:00 ngày 20/12/2026" (or "hết ngày 20/12/2026") into OUT. */
void consultation_close_text(const struct consultation_time *t, char *out, size_t n);

/* The kind's hooks: the close day not before the open day, the receiving e-mail an address;
 * the term of the day and the day it changes next (items.recheck_day). */
void consultation_check(const struct kind *k, json_t *fields, struct errs *e);
int consultation_derive(struct db *db, const struct kind *k, int64_t item_id, json_t *fields, int32_t today);

/* The articles of the draft's full text BODY (vn/draft.h): [{number, title, label ("Điều 3.
 * Đối tượng áp dụng")}]. */
json_t *consultation_articles(const char *body);

/* The comment kind's check (ticket_kind.check): ITEM_ID a published consultation of SITE_ID
 * ("muc": "comment_draft_unknown"), open now ("muc": "consultation_closed" with the close time
 * in the sentence, "consultation_not_open"), its article "dieu" one of the draft's
 * ("comment_article_unknown"). */
void comment_check(struct db *db, const struct ticket_kind *tk, int64_t site_id, int64_t item_id, json_t *fields,
		   struct errs *e);

/* The public comments on consultation ITEM_ID grouped by article, general comments first then
 * by article number: [{number (0: the whole draft), heading, comments: [{at, name, text}]}];
 * *COUNT (may be NULL) how many comments. ARTICLES: consultation_articles' (for the titles). */
json_t *consultation_public_comments(struct db *db, int64_t item_id, json_t *articles, int *count);

/* Every comment received on consultation ID of SITE_ID (A has a role on the site), whatever its
 * state, grouped by article (the whole draft first), as table T (initialised by the caller):
 * article, its title, code, received, display name, comment, state; no personal data. TITLE
 * gets the consultation's title. The export is audited ("consultation.export"). M_OK,
 * M_DENIED, M_NOTFOUND, M_ERROR. */
int consultation_comments_table(struct db *db, const struct actor *a, int64_t site_id, int64_t id, struct table *t,
				char *title, size_t n);

/* The consultations of SITE_ID (any state but withdrawn; A has a role on the site), newest
 * first, with their comments counted: [{id, title, state, opens, closes (dd/mm/yyyy), total,
 * waiting, published}]; NULL when denied. */
json_t *consultation_staff_list(struct db *db, const struct actor *a, int64_t site_id);

#endif
