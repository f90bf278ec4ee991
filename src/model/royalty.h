/* royalty.h — royalties (nhuận bút) of published items (issue #17; docs/royalties.md), after
 * ND 18/2014/NĐ-CP Đ7 as ND 224 Đ20.3 and the provinces' rules (VL Đ20, BT Đ15) apply it to
 * portals (regulations.md §Royalties):
 *   royalty = coefficient × value of one coefficient unit (default 10 % of the base salary:
 *   234,000 đ from 01/07/2024), times a translation's or subtitle's percentage, plus the
 *   additions (children or ethnic minorities, foreign or minority language, hard conditions).
 * Each item of any kind gets a genre (eight groups per site, their maximum coefficients
 * editable) and a coefficient within it; the amount is split among contributors (people with or
 * without an account, their identity sealed: pdata.h) by shares adding up to 100 %. Items are
 * paid by period (month or quarter) within 60 days of publication; the fees (thù lao) and the
 * bonus fund set against a period are capped at 50 % and 30 % of its royalties; a paid period
 * is locked, a later change becomes an adjustment in a later period that names what it adjusts.
 * Money is whole đồng in int64; coefficients and shares are tenths (2.5 → 25, 33.3 % → 333). */
#ifndef CONG_MODEL_ROYALTY_H
#define CONG_MODEL_ROYALTY_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

struct db;
struct actor;
struct errs;

#define ROYALTY_UNIT_DEFAULT 234000 /* đồng: 10 % of the base salary 2,340,000 đ (01/07/2024) */
#define ROYALTY_UNIT_MAX 1000000000
#define ROYALTY_FEE_CAP_PCT 50      /* thù lao ≤ 50 % of the period's royalties */
#define ROYALTY_BONUS_CAP_PCT 30    /* bonus fund ≤ 30 % */
#define ROYALTY_PAY_DAYS 60         /* paid within 60 days of publication */
#define ROYALTY_GENRES 8
#define ROYALTY_SHARES_MAX 12       /* contributors of one item */
#define ROYALTY_MODS_MAX 5

/* The modifiers of ND 18/2014 as regulations.md lists them. A REPLACES one pays PCT % of the
 * genre's royalty (a translation 40–65 %), the others add PCT % to it (+10–20 %…). */
struct royalty_modifier {
	const char *code;  /* the form's and the store's name: "dich" */
	const char *key;   /* its label's locale key */
	int min_pct, max_pct;
	int replaces;
};
extern const struct royalty_modifier royalty_modifiers[ROYALTY_MODS_MAX];
extern const char *const royalty_roles[4]; /* "author", "photographer", "translator", "editor" */

struct royalty_mod {
	int idx; /* into royalty_modifiers */
	int pct;
};

/* The amount in đồng of COEF tenths at UNIT_VALUE đồng with the N modifiers M:
 *   coef/10 × unit × P/100 × (100 + ΣQ)/100
 * P the replacing modifier's percentage (100 without one), ΣQ the additions'; computed exactly in
 * integers and rounded once, half up, to the đồng. */
int64_t royalty_amount(int64_t coef, int64_t unit_value, const struct royalty_mod *m, size_t n);
/* AMOUNT split by the N SHARES (tenths of a percent adding up to 1000) into OUT: each share's
 * part rounded down, the đồng left over given one each to the largest remainders (the first
 * listed on a tie), so that the parts add up to AMOUNT exactly. A negative AMOUNT (an
 * adjustment) is split as its opposite. */
void royalty_split(int64_t amount, const int64_t *shares, size_t n, int64_t *out);
/* "2,5" or "2.5" or "3" as tenths into *OUT (1..MAX tenths): 0, or -1. */
int royalty_parse_coef(const char *s, int64_t max, int64_t *out);
/* TENTHS as "2,5" ("3" when whole) into BUF (24 bytes). */
char *royalty_coef_text(int64_t tenths, char *buf, size_t n);
/* The caps of a period whose royalties total TOTAL: errors on "fee_total" and "bonus_fund" (the
 * rule quoted) when FEE or BONUS is above them. 0 when both hold. */
int royalty_caps_check(int64_t total, int64_t fee, int64_t bonus, struct errs *e);

/* ---- a site's genres, settings and people ---- */

/* SITE_ID's eight genres [{code, name, max_coef (tenths), max_label, is_default}]; NULL when A
 * is not an approver there. */
json_t *royalty_genres(struct db *db, const struct actor *a, int64_t site_id);
/* The site's own name and maximum (text, "10" or "12,5") of genre CODE (site administrators). */
int royalty_genre_set(struct db *db, const struct actor *a, int64_t site_id, int code, const char *name,
		      const char *max_coef, struct errs *e);
/* {unit_value, period "month"|"quarter"} of SITE_ID (defaults when it set none). */
json_t *royalty_settings(struct db *db, int64_t site_id);
/* UNIT_VALUE as typed ("234.000 đ"), PERIOD "month" or "quarter"; site administrators. Periods
 * already made keep their own value. */
int royalty_settings_set(struct db *db, const struct actor *a, int64_t site_id, const char *unit_value,
			 const char *period, struct errs *e);

struct royalty_person_input {
	const char *name, *unit, *tax_code, *account; /* sealed */
	const char *username;                          /* "" or NULL: no account */
};
/* Approvers of SITE_ID. Errors on "name", "username". */
int royalty_person_add(struct db *db, const struct actor *a, int64_t site_id, const struct royalty_person_input *in,
		       struct errs *e, int64_t *id);
/* Replaces person ID's data (the same checks); M_NOTFOUND when not SITE_ID's. */
int royalty_person_update(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
			  const struct royalty_person_input *in, struct errs *e);
/* [{id, name, unit, tax_code, account, username}] opened; NULL when denied. */
json_t *royalty_people(struct db *db, const struct actor *a, int64_t site_id);

/* ---- an item's royalty ---- */

struct royalty_share_input {
	int64_t person_id;
	const char *role;
	const char *share; /* "50", "33,3" */
};
struct royalty_item_input {
	int genre;          /* 1..8 */
	const char *coef;   /* "2,5" */
	const char *mod_pct[ROYALTY_MODS_MAX]; /* as typed, by modifier index; NULL or "": not applied */
	struct royalty_share_input shares[ROYALTY_SHARES_MAX];
	size_t nshares;
	int shares_given;   /* 0: the shares are left as they are (the publish form) */
	int adjust;         /* the entry's period is paid: record the change as an adjustment */
	const char *note;
};
/* Sets published item ITEM_ID's genre, coefficient, modifiers (and shares when SHARES_GIVEN),
 * in one transaction, audited; approvers of SITE_ID. The entry falls in the period of the
 * item's publication day (made with the site's settings when new). When that period is paid:
 * refused (error "nb_locked" on "coef") unless ADJUST, when the difference is recorded in the
 * next period that is not paid, naming the entry it adjusts (its shares unchanged). Errors by
 * field: genre, coef, mod_<code>, shares. Inside a transaction already begun (the publish
 * action's), a part of it. */
int royalty_item_set(struct db *db, const struct actor *a, int64_t site_id, int64_t item_id,
		     const struct royalty_item_input *in, struct errs *e);
/* The approver's "publish" of item ITEM_ID (article_act's, with IN) and its royalty RI (genre
 * and coefficient) in one transaction: both, or neither when either is refused (the royalty's
 * errors on genre and coef). Returns article_act's or royalty_item_set's code. */
struct act_input;
int royalty_publish(struct db *db, const struct actor *a, int64_t site_id, int64_t item_id, const struct act_input *in,
		    const struct royalty_item_input *ri, struct errs *e);
/* {item_id, title, kind, published (bool), has_entry, entry: {genre, coef, coef_label, modifiers
 * {code: pct}, amount, period_id, period_label, locked}, adjustments: [{id, period_label, amount}],
 * shares: [{person_id, name, role, share_label, amount}]}; NULL when A is not an approver of
 * SITE_ID or the item is not its. */
json_t *royalty_item_get(struct db *db, const struct actor *a, int64_t site_id, int64_t item_id);

/* ---- periods and statements ---- */

/* SITE_ID's periods, newest first: [{id, label, kind, num (month 1–12 or quarter 1–4), year, start, end (dd/mm/yyyy), unit_value, total,
 * fee_total, bonus_fund, entries, paid (bool), paid_at, due, overdue (bool)}]; NULL when denied. */
json_t *royalty_periods(struct db *db, const struct actor *a, int64_t site_id, int64_t now);
/* Period PERIOD_ID's statement: for the unit (PERSON_ID 0: every entry, every person's total)
 * or one person (their part of each entry):
 *   {period: {as in royalty_periods}, entries: [{id, item_id, title, genre_name, coef_label,
 *    modifiers_label, amount, ref_id, part}], people: [{person_id, name, unit, total,
 *    total_words}], units: [{unit ("" when not written), count, total, total_words, people: [as
 *    in people]}] (the unit's statement only: the payees grouped by their own work unit, ordered
 *    by its name), person: {id, name, unit, tax_code, account} (one person's), total,
 *    total_words, unassigned (amounts of entries without shares), fee_cap, bonus_cap}
 * NULL when A may not see it or it is not SITE_ID's. */
json_t *royalty_statement(struct db *db, const struct actor *a, int64_t site_id, int64_t period_id,
			  int64_t person_id);
/* A period's unit value, fees and bonus fund (text as typed; NULL: unchanged); site
 * administrators; refused when paid ("nb_locked"), or when a cap is broken. The entries' amounts
 * follow a new unit value. */
int royalty_period_set(struct db *db, const struct actor *a, int64_t site_id, int64_t period_id,
		       const char *unit_value, const char *fee_total, const char *bonus_fund, struct errs *e);
/* Marks the period paid (locked from then on); site administrators; the caps checked again. */
int royalty_period_pay(struct db *db, const struct actor *a, int64_t site_id, int64_t period_id, struct errs *e);

/* SITE_ID's published items with no royalty yet, newest first: [{id, title, kind, published_at}]
 * (at most LIMIT); NULL when A is not an approver there. */
json_t *royalty_items_pending(struct db *db, const struct actor *a, int64_t site_id, int64_t limit);

/* For the periodic reports: royalties of entries whose items were published in [FROM_DAY,
 * TO_DAY] (days since 1970-01-01, Vietnam time) on SITE_ID (0: the province, every site):
 *   {total, paid, items, by_site: [{site_id, site_name, total, paid}]}
 * in đồng (adjustments counted with their period's state); NULL when A may not see it
 * (approvers of the site; for the province the system administrator and the main portal's
 * approvers). */
json_t *royalty_report(struct db *db, const struct actor *a, int64_t site_id /*0 = province*/, int32_t from_day,
		       int32_t to_day);

/* The deadline lists' rows (deadline.h, deadline_open) of periods not yet paid of SITE_ID (0:
 * every site), due 60 days after their earliest publication, merged into ROWS by due time
 * (takes ROWS, returns the list): {id, site_id, site_name, site_slug, site_kind, title, state,
 * kind "nhuan-but", kind_name, due_at, src "royalty", path, state_key}. */
json_t *royalty_with_due(struct db *db, int64_t site_id, json_t *rows);

#endif
