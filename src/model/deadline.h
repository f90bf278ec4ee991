/* deadline.h — update deadlines in working days (VL Đ9, TQ Đ6.2/Đ7, VP Đ7, Luật TCTT Đ18.4) and
 * the periodic review of fixed pages (VL Đ12). docs/deadlines.md explains the rules.
 *
 * Every item with a received/issued time (intake_received_at) has a due time: its kind's rule
 * (the item's kind, else its category's, else "khac"; the site's rule for that kind, else the
 * province's) applied on the working-day calendar (model/calendar.h). N working days end at
 * 24:00 (Vietnam time) of the Nth working day after the received day; hours run on the clock;
 * N working days before end at 24:00 of the Nth working day before the item's anchor day.
 * Due times are stored (items.due_at) and computed again in the transaction of every change
 * that moves them: the item's save, a rule, a category's kind, the calendar's tables.
 * Functions taking NOW compute relative to it, so the tests fix it. */
#ifndef CONG_MODEL_DEADLINE_H
#define CONG_MODEL_DEADLINE_H

#include "model.h"

struct vn_calendar;

/* The kinds and their rules as they apply on SITE_ID (0: the province's defaults), in order:
 * [{kind, name, amount, unit "workdays"|"hours"|"workdays_before", is_hours, is_before, rule_label "2 ngày làm việc",
 *   source, overridden (bool: the site has its own), default_amount, default_unit}]. */
json_t *deadline_rules(struct db *db, int64_t site_id, json_t *texts);
/* TEXTS, in deadline_rules and deadline_of_article, is the reader's language's texts (req_texts,
 * locale_dict): the labels are in it; NULL: Vietnamese. */
/* Adds the deadline sentences' Vietnamese (model/deadline.c's one source) to VI under their keys
 * ("dl.rule.*", "dl.state.*"); -1 with ERR when a locale file of vi holds one. */
int deadline_locale_add(json_t *vi, char *err, size_t n);
/* 1 when KIND names a rule of the province. */
int deadline_kind_valid(struct db *db, const char *kind);

/* Sets SITE_ID's rule for KIND (SITE_ID 0: the province's default) to AMOUNT (text, 1..1000)
 * UNIT ("workdays", "hours" or "workdays_before": before the anchor day of deadline_due), and
 * recomputes the due times it moves; one transaction with an audit record. Site rules: the site's administrators; defaults: the system administrator.
 * Field errors on "amount", "unit", "kind". */
int deadline_rule_save(struct db *db, const struct actor *a, int64_t site_id, const char *kind,
		       const char *amount, const char *unit, struct errs *e);
/* Drops SITE_ID's own rule for KIND: the province's applies again. */
int deadline_rule_reset(struct db *db, const struct actor *a, int64_t site_id, const char *kind,
			struct errs *e);
/* Sets the kind ("" or NULL: "khac") and the review interval in days ("" or NULL: none) of a
 * category of SITE_ID; editors and above. Field errors on "kind", "review_days". */
int deadline_category_set(struct db *db, const struct actor *a, int64_t site_id, int64_t category_id,
			  const char *kind, const char *review_days, struct errs *e);

/* SITE_ID's categories in tree order with their deadline kind and review interval:
 * [{id, name, depth, deadline_kind (or null), review_days (or null)}]. */
json_t *deadline_categories(struct db *db, int64_t site_id);

/* The due time of an item of SITE_ID of KIND on calendar CAL (NULL: the rules alone): a rule in
 * working days or hours counts from RECEIVED_AT (when HAS_RECEIVED); a rule in working days
 * before ("workdays_before") counts back from day ANCHOR (days since 1970-01-01; 0: none — then
 * the rule "khac" counts forward from the received time instead). *APPLIED (may be NULL) gets
 * the kind whose rule was applied. 0, 1 when there is nothing to count from, -1 when a day is
 * outside the calendar's years. An unknown kind falls back to "khac". */
int deadline_due(struct db *db, const struct vn_calendar *cal, int64_t site_id, const char *kind,
		 int has_received, int64_t received_at, int32_t anchor, int64_t *due_at, const char **applied);
/* Computes and stores ARTICLE_ID's due time (NULL without a received time nor an anchor day,
 * the item's term "han_moc" "YYYY-MM-DD" that its kind's derive writes), inside the caller's
 * transaction. CAL NULL: loaded here. */
int deadline_refresh(struct db *db, const struct vn_calendar *cal, int64_t article_id);
/* Computes again the due time of every item with a received time on SITE_ID (0: every site),
 * inside the caller's transaction; the number changed, or -1. */
int deadline_recompute(struct db *db, int64_t site_id);

/* Items still to publish that have a due time, for SITE_ID (0: the whole province, for the
 * system administrator and the main portal's editors and above), split at NOW:
 *   {overdue: [ITEM], today: [ITEM], soon: [ITEM] (due within the next 2 working days after
 *    today), later_count}
 * ITEM = {id, site_id, site_name, site_slug, title, state, kind, kind_name, received "dd/mm/yyyy
 *   hh:mm", due "dd/mm/yyyy hh:mm", due_iso, working_days_left (negative: overdue by)}.
 * NULL when A may not see them. */
json_t *deadline_open(struct db *db, const struct actor *a, int64_t site_id, int64_t now);
/* The due time of an item for its editor: {due, due_iso, kind_name, rule_label, state_label
 * "còn 2 ngày làm việc" | "quá hạn 1 ngày làm việc" | "đã đăng đúng hạn" | "đã đăng trễ 3 ngày
 * làm việc", overdue (bool), done (bool)}, or NULL when it has no received time. */
json_t *deadline_of_article(struct db *db, int64_t article_id, int64_t now, json_t *texts);

/* Compliance of items received in [FROM_DAY, TO_DAY] (days since 1970-01-01, Vietnam time) on
 * SITE_ID (0: every site): per site and per kind, then totals:
 *   {rows: [{site_id, site_name, kind, kind_name, total, on_time, late, open, open_overdue,
 *            on_time_pct, median_late_days}], by_site: [{site_id, site_name, ... same counts}],
 *    totals: {... same counts}}
 * An item published by its due time is on time, after it late (by working days, median over
 * the late ones), not yet published still open (and overdue past its due time at NOW); refused
 * items are left out. NULL when A may not see it. */
json_t *deadline_compliance(struct db *db, const struct actor *a, int64_t site_id, int32_t from_day,
			    int32_t to_day, int64_t now);
/* 1 when A may see SITE_ID's deadlines (0: the province's). */
int deadline_may_view(struct db *db, const struct actor *a, int64_t site_id);

/* Published fixed pages of SITE_ID whose review interval (the item's, else its category's) has
 * passed since their last review (or publication) at NOW, most overdue first:
 * [{id, title, category_name, interval_days, last "dd/mm/yyyy", last_by (display name or ""),
 *   days_over, never_reviewed (bool)}]; with FRESH also those not yet due (days_over <= 0). */
json_t *review_list(struct db *db, const struct actor *a, int64_t site_id, int64_t now, int fresh);
/* Records that A reviewed ARTICLE_ID now (editors and above; a published item of the site
 * with a review interval); an audit record in the same transaction. */
int review_mark(struct db *db, const struct actor *a, int64_t site_id, int64_t article_id, struct errs *e);

/* The mail settings of the reminders (jobs/reminders.h) for the admin page, the password left
 * out: {smtp_url, smtp_from, smtp_from_name, smtp_user, has_password, smtp_tls, reminder_hour,
 * reminder_to (of SITE_ID, comma-separated), board_email (sites.email)}. */
json_t *reminder_settings(struct db *db, int64_t site_id);
/* Field values of the mail settings form; NULL leaves a setting as it is ("" clears it; the
 * password is kept when PASSWORD is NULL or ""; CLEAR_PASSWORD removes it). */
struct reminder_input {
	const char *url, *from, *from_name, *user, *password, *tls, *hour;
	int clear_password;
};
/* Saves the province's mail settings (the system administrator): one transaction with an audit
 * record that never holds the password. Field errors on smtp_url (smtp:// or smtps://, no
 * credentials in it), smtp_from (an address), smtp_tls, reminder_hour (0–23). */
int reminder_settings_save(struct db *db, const struct actor *a, const struct reminder_input *in, struct errs *e);
/* Saves SITE_ID's extra reminder recipients (comma-separated addresses; its administrators). */
int reminder_recipients_save(struct db *db, const struct actor *a, int64_t site_id, const char *list, struct errs *e);
/* 1 when A may change the province's mail settings. */
int reminder_settings_may_edit(const struct actor *a);

/* The reminders' log (table reminders_sent): 1 when SITE_ID had its reminder on DAY
 * ("YYYY-MM-DD"); record one; the sites with open items that have a due time [{id, slug, email}]. */
int reminder_sent(struct db *db, int64_t site_id, const char *day);
void reminder_mark_sent(struct db *db, int64_t site_id, const char *day, int64_t now, const char *to, int items);
json_t *reminder_sites(struct db *db);

/* The daily reminder of SITE_ID at NOW: the subject and plain-text body listing the items due
 * today, within two working days and overdue; NULL when there are none. Its sentences are
 * TEXTS' (a language's texts, locale_dict(): "rem_*" of locale/<lang>/admin.json). */
int reminder_compose(struct db *db, int64_t site_id, int64_t now, json_t *texts, char **subject, char **text, int *items);

#endif
