/* rating.h — the readers' satisfaction rating of a site (đánh giá mức độ hài lòng: BT Đ7.1.d;
 * ND 224 Đ10.3; issue #14; docs/ratings-polls.md).
 *
 * Anonymous: four criteria (interface, content, quality, support) from 1 to 5 and an optional
 * comment, counted once per browser per site per calendar month (Vietnam time) by the browser's
 * voter tag (poll.h: a keyed hash of its address and User-Agent in the month's scope; no cookie):
 * a second rating in the month REPLACES the first, so that the month counts each browser once
 * and its latest opinion. The comment may name someone: sealed at rest (pdata.h), never public,
 * read by the site's board (each reading audited), deleted after rating_comment_days (365). */
#ifndef CONG_MODEL_RATING_H
#define CONG_MODEL_RATING_H

#include "model.h"

#define RATING_NCRIT 4
/* The form's field names, and the criteria's labels, in order. */
extern const char *const rating_keys[RATING_NCRIT];
extern const char *const rating_labels[RATING_NCRIT];
#define RATING_COMMENT_MAX 2000

struct rating_input {
	const char *score[RATING_NCRIT]; /* "1".."5" as the form sent them */
	const char *comment;
	const char *addr, *ua;           /* the browser: hashed, never stored */
	const char *challenge;           /* the form's challenge token, spent with the rating */
};

/* Records a rating of SITE_ID at NOW in one transaction with its audit record (no scores, no
 * comment). Errors in E under the form's names ("rating_score_required", "rating_comment_long",
 * "challenge_used"). *REPLACED (may be NULL) 1 when it replaced the browser's earlier one this
 * month. M_OK, M_INVALID, M_ERROR. */
int rating_submit(struct db *db, int64_t site_id, const struct rating_input *in, int64_t now, struct errs *e,
		  int *replaced);

/* A period the board asks for, "YYYY-MM", "YYYY-Qn" or "YYYY", as the months FROM..TO
 * ("YYYY-MM", 8 bytes each) and its label ("Tháng 12/2026", "Quý IV/2026", "Năm 2026"). 0, or -1
 * when P is none of those. */
int rating_period(const char *p, char from[8], char to[8], char *label, size_t n);

/* The results of SITE_ID over months FROM..TO for A (any role on the site): {count, criteria:
 * [{key, label, average, average_text, counts: [{score, n}]}], overall_text, months: [{period,
 * count, average_text}]}; WITH_COMMENTS: also comments: [{day, text, scores}] (opened; the
 * reading audited). With SITES (the main portal's board): sites: [{site_id, name, count,
 * averages per criterion}] for every site. NULL when denied or on a store error. */
json_t *rating_report(struct db *db, const struct actor *a, int64_t site_id, const char *from, const char *to,
		      int with_comments, int sites);

/* Deletes the comments older than the setting rating_comment_days (365); how many, -1 on error. */
int rating_purge(struct db *db, int64_t now);

#endif
