/* statistics.h — the statistics kind's rules (docs/statistics.md) and the access-to-information
 * section (Luật Tiếp cận thông tin 2016 Đ19, Nghị định 13/2018/NĐ-CP) of each site. */
#ifndef CONG_MODEL_STATISTICS_H
#define CONG_MODEL_STATISTICS_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

struct db;
struct errs;
struct kind;
struct actor;

/* ---- statistics ---- */

/* The kind's check_store hook (kind.h): reads the table file the "bang" field names from the
 * library (DATA_DIR/media/…), checks it (import/stattable.h) and keeps it, parsed, in
 * stat_tables by the file's content; a refused table is an error on "bang" with the reader's
 * sentence naming the row and the column ("stat_table_invalid"). */
int statistics_check_store(struct db *db, const char *data_dir, int64_t site_id, int64_t item_id, const struct kind *k,
			   json_t *fields,
			   struct errs *e);
/* The kept table of the library file with content SHA256: {format, columns, rows}, or NULL. */
json_t *stat_table_get(struct db *db, const char *sha256);
/* The text of a period: "Năm 2024", "Quý I/2024", "6 tháng đầu năm 2024", "Tháng 3/2024" from
 * the period kind (ky) and its day (ngay_ky, "YYYY-MM-DD"); OUT gets "" when either is unknown. */
void statistics_period_text(const char *ky, const char *day, char out[64]);

/* ---- access to information ---- */

/* The disclosure kind's check (kind.h): published no earlier than created; an entry published
 * electronically names its link or its file. */
void disclosure_check(const struct kind *k, json_t *fields, struct errs *e);

/* The forms of Nghị định 13/2018/NĐ-CP a site offers for download, in order. */
extern const char *const access_form_codes[];
#define ACCESS_FORMS 7

struct access_info_input {
	const char *unit, *person, *address, *phone, *email, *hours, *request_url, *guide;
	int64_t forms[ACCESS_FORMS]; /* library file ids by access_form_codes; 0: none */
};
/* SITE_ID's section: {unit, person, address, phone, email, hours, request_url, guide, has_contact,
 * forms: [{code, media_id (or null)}]}; the defaults (empty) when never saved. */
json_t *access_info_get(struct db *db, int64_t site_id);
/* Saves it (the site's administrators): text checked (lengths, e-mail, http(s) address), each
 * form a file of the site's library; one transaction with its audit record. M_OK, M_INVALID
 * with field errors, M_DENIED. */
int access_info_save(struct db *db, const struct actor *a, int64_t site_id, const struct access_info_input *in,
		     struct errs *e);
/* What the site has published that the law asks to be published: for each kind with an
 * access_group, its newest LIMIT published items of SITE_ID as list rows with every field
 * (item.h) with their published_at and ref, and how many there are: [{kind, group, label, segment,
 * total, rows}]. */
json_t *access_info_published(struct db *db, int64_t site_id, int64_t limit);

#endif
