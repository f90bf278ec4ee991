/* poll.h — simple polls (thăm dò ý kiến, issue #14) and the anonymous count of a browser once.
 *
 * A poll is an item of kind "poll" (kinds.c): its title is the question, its choices a table
 * (F_ROWS "lua_chon"), open and close days ("mo_tu", "dong_vao": from 00:00 of the first to the
 * end of the last, Vietnam time), and when its results show ("hien_ket_qua": after the reader
 * voted, or only after it closed). Votes are rows of poll_votes (migration 0033), one per
 * browser per poll, counted by the browser's voter tag; docs/ratings-polls.md. */
#ifndef CONG_MODEL_POLL_H
#define CONG_MODEL_POLL_H

#include <jansson.h>
#include <stdint.h>

struct db;
struct errs;
struct kind;

#define VOTER_TAG_LEN 32 /* hex characters */

/* The voter tag of a browser in SCOPE ("poll:12", "rating:3:2026-12"): a keyed BLAKE2b hash
 * (key from secret.key through secret_subkey, never stored) of SCOPE, the network address ADDR and
 * the User-Agent UA (NULL: ""). The same browser gets the same tag in one scope, unrelated ones in
 * two scopes; nothing gives ADDR back. OUT holds VOTER_TAG_LEN + 1. 0, or -1 (key unusable). */
int voter_tag(const char *scope, const char *addr, const char *ua, char out[VOTER_TAG_LEN + 1]);

/* The poll kind's check hook (kinds.c): the close day not before the open day. */
void poll_check(const struct kind *k, json_t *fields, struct errs *e);
/* The poll kind's check_store hook: once a poll has votes, its choices may be reworded but not
 * added, removed or reordered (a vote is a choice's row number). */
int poll_check_store(struct db *db, const char *data_dir, int64_t site_id, int64_t item_id, const struct kind *k,
		     json_t *fields, struct errs *e);

/* Where poll FIELDS stands at NOW: -1 not open yet, 0 open, 1 closed. *OPENS, *CLOSES (may be
 * NULL) its first moment and the moment it closed or will close (Unix time). */
int poll_phase(json_t *fields, int64_t now, int64_t *opens, int64_t *closes);

/* A vote for choice CHOICE (the row number as the form sent it) of published poll ITEM_ID of
 * SITE_ID, from the browser ADDR and UA, its form's challenge token CHALLENGE spent in the same
 * transaction, at NOW; an audit record without the choice. Errors in E: "lua_chon"
 * (poll_choice_required, poll_choice_invalid), "poll" (poll_closed, with the close time in its
 * sentence; poll_not_open; poll_voted), "challenge" (challenge_used).
 * M_OK, M_INVALID, M_NOTFOUND (no such published poll), M_ERROR. */
int poll_vote(struct db *db, int64_t site_id, int64_t item_id, const char *choice, const char *addr, const char *ua,
	      const char *challenge, int64_t now, struct errs *e);

/* What the page of poll ITEM_ID (its FIELDS) shows to the browser ADDR, UA at NOW: {phase
 * ("not_open"|"open"|"closed"), opens, closes (dd/mm/yyyy), closes_iso, voted (bool), my_choice
 * (label, when voted), show_results (bool), after_close (results shown only after closing),
 * total, results: [{index, label, votes, percent, percent_text}], choices: [{index, label}]}.
 * NULL on a store error. */
json_t *poll_view(struct db *db, int64_t item_id, json_t *fields, const char *addr, const char *ua, int64_t now);

#endif
