/* obligation.h — information obligations and the main board's requests (VP Đ5; ĐT Đ13.4,
 * Đ24.5; issue #17; docs/obligations.md).
 *
 * An obligation says that a unit — a component site, or a unit of the receiving site's directory
 * (an item of kind "unit") — must provide one kind of information to a site every period (month,
 * quarter, half-year, year), by a number of working days after the period's last day, counted on
 * the province's working-day calendar (model/calendar.h) as the deadline module counts: the due
 * time is 24:00 of that working day. Each period's information is recorded as provided (linked to
 * an item, or with a note) at the time it came; on time when it came by the due time.
 *
 * A request is the main board asking a unit's site for information (what, why, by when). The
 * unit's board sees it in its admin (state "seen" at its first look), answers with items and/or a
 * reply, the main board closes it. Past its due time unanswered it is overdue: on the due lists
 * (deadline_open) and told by mail once. Every step queues mail to the other side's board mailbox
 * (sites.email) in the outbox (jobs/outbox.h), in the same transaction. */
#ifndef CONG_MODEL_OBLIGATION_H
#define CONG_MODEL_OBLIGATION_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

struct db;
struct actor;
struct errs;

#define OBL_WORKDAYS_MAX 120
#define OBL_TEXT_MAX 500
#define REQ_TEXT_MAX 4000
#define REQ_ITEMS_MAX 20

/* ---- obligations ---- */

/* 1 when A may see SITE_ID's obligations (any role there), change them (its administrators). */
int obligation_may_view(struct db *db, const struct actor *a, int64_t site_id);
int obligation_may_edit(struct db *db, const struct actor *a, int64_t site_id);

/* The form of an obligation, as typed. PROVIDER is "site:<id>" (another site) or "unit:<id>" (a
 * published unit of the site's directory); PERIOD "month"|"quarter"|"half"|"year"; WORKDAYS
 * 1..OBL_WORKDAYS_MAX; STARTS the first period's day ("dd/mm/yyyy" or "yyyy-mm-dd"; empty: today);
 * KIND a content kind (model/kind.h). */
struct obligation_input {
	const char *provider, *kind, *what, *basis, *period, *workdays, *starts;
	int active;
};
/* Adds (ID 0) or changes obligation ID of SITE_ID; its administrators; one transaction with an
 * audit record. Field errors on provider, kind, what, basis, period, workdays, starts. */
int obligation_save(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
		    const struct obligation_input *in, struct errs *e, int64_t *out_id);

/* The providers SITE_ID may name: [{value "site:3", name, group "site"|"unit"}]. */
json_t *obligation_providers(struct db *db, int64_t site_id);

/* SITE_ID's obligations at NOW, with the latest ended period's state:
 * [{id, provider, provider_name, provider_kind "site"|"unit", provider_site, kind, kind_name,
 *   what, basis, period, workdays, active, last: PERIOD or null}], and in TOWARD those other sites
 * expect of SITE_ID (same rows with site_name). NULL when A may not see them. */
json_t *obligation_list(struct db *db, const struct actor *a, int64_t site_id, int64_t now, json_t **toward);

/* Obligation ID as A sees it from SITE_ID (its receiving site, or its providing site) at NOW:
 * the row of obligation_list with site_name, may_edit, may_record and its periods since it
 * began, newest first (at most 12): PERIOD = {start (day), num "IV/2026", kind (the period),
 * due "dd/mm/yyyy hh:mm", due_iso, due_at, state "on_time"|"late"|"missing"|"open"|"running",
 * provided "dd/mm/yyyy hh:mm", item_id, item_title, note}. "running": the period has not ended;
 * "open": ended, not provided, not yet due. NULL: not found or not A's to see. */
json_t *obligation_get(struct db *db, const struct actor *a, int64_t site_id, int64_t id, int64_t now);

/* Records that the information of the period starting on day PERIOD (text: the day number of
 * obligation_get's "start") came at NOW: ITEM (text id of an item of the receiving or providing
 * site, may be empty) and/or NOTE. Editors and above of either site; one transaction, audited.
 * Field errors on period, item, note. */
int obligation_provide(struct db *db, const struct actor *a, int64_t site_id, int64_t id, const char *period,
		       const char *item, const char *note, int64_t now, struct errs *e);

/* For the periodic reports: per unit and kind, the periods of SITE_ID's obligations (0: every
 * site's) whose due day is in [FROM_DAY, TO_DAY] (days since 1970-01-01), and how they went:
 *   {rows: [{unit, site_id, site_name, kind, kind_name, expected, on_time, late, missing, pending}],
 *    totals: {expected, on_time, late, missing, pending}}
 * A period is late when provided after its due time, missing when not provided and its due time
 * has passed (now), pending when not provided and not yet due. NULL when A may not see it (0:
 * the system administrator and the main portal's editors and above). */
json_t *obligation_report(struct db *db, const struct actor *a, int64_t site_id, int32_t from_day, int32_t to_day);

/* The deadline module's lists (deadline_open, already permission-checked for SITE_ID, 0 the
 * province): appends to LISTS' "overdue", "today" and "soon" (sorted again by due time, and
 * later_count) the ended periods not provided of obligations of or toward SITE_ID and the
 * unanswered requests to or from it, at NOW. Rows as the deadline rows, with "path" and
 * "state_key" (a message key of locale part "obligations"). */
void obligation_due_append(struct db *db, int64_t site_id, int64_t now, json_t *lists);

/* "yyyy-mm-dd" (a date input) or "dd/mm/yyyy" into a day number: 0, else -1. */
int obligation_day_parse(const char *s, int32_t *out);

/* ---- requests ---- */

/* TEXTS: Vietnamese texts (locale_dict of "vi"): the mails' sentences ("req_mail_*"). */
struct request_input {
	const char *to_site, *what, *why, *due; /* due: "dd/mm/yyyy" or "yyyy-mm-dd" */
	const char *from_url, *to_url;          /* each site's address, ending in "/": the mails' links */
};
/* 1 when A may send requests from SITE_ID: the main portal's editors and above. */
int request_may_send(struct db *db, const struct actor *a, int64_t site_id);
/* Sends a request from SITE_ID (the main portal) at NOW: one transaction, audited, the unit's
 * board mailed. Field errors on to_site, what, why, due (not before today). */
int request_send(struct db *db, const struct actor *a, int64_t site_id, const struct request_input *in,
		 json_t *texts, int64_t now, struct errs *e, int64_t *out_id);
/* The requests A sees from SITE_ID at NOW: {sent: [...] (SITE_ID the sender), received: [...]}
 * of REQ = {id, from_site, to_site, to_name, from_name, what, why, due, due_iso, due_at, state,
 * state_key ("req_state_sent"… "req_state_overdue"), overdue (bool), created, answered}. NULL:
 * A has no role on SITE_ID. */
json_t *request_list(struct db *db, const struct actor *a, int64_t site_id, int64_t now);
/* Request ID seen from SITE_ID (its sender's or its receiver's site) at NOW, with reply, items
 * [{id, title, kind}], may_answer, may_close; its first look by the receiving board (a role on
 * the receiving site, not the system administrator) makes it "seen" (audited, the sender
 * mailed). NULL: not found from SITE_ID, or not A's. */
json_t *request_get(struct db *db, const struct actor *a, int64_t site_id, int64_t id, json_t *texts, int64_t now);
/* The receiving board's answer (its editors and above): REPLY and/or ITEMS (ids of items of the
 * receiving site, any kind); state "answered", the sender mailed. Field errors on reply, items. */
int request_answer(struct db *db, const struct actor *a, int64_t site_id, int64_t id, const char *reply,
		   const int64_t *items, size_t nitems, json_t *texts, int64_t now, struct errs *e);
/* The sender closes request ID (state "closed"; the receiver mailed). */
int request_close(struct db *db, const struct actor *a, int64_t site_id, int64_t id, json_t *texts, int64_t now);
/* The scheduler's pass: mails both boards once about every request past its due time and not
 * answered. The number mailed, or -1. */
int request_overdue_run(struct db *db, json_t *texts, int64_t now);
/* Items SITE_ID's board may link to an answer: its newest 100 [{id, title, kind}]. */
json_t *request_item_choices(struct db *db, int64_t site_id);

#endif
