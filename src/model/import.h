/* import.h — items of any kind from a CSV file (a province moving from its old portal): the
 * columns are the kind's field keys (model/kinds.c), plus "trich_yeu" or "tieu_de" for the title,
 * "tom_tat", "noi_dung" for the summary and the text, and "tep" for files (paths relative to the
 * CSV's folder, ";"-separated). docs/legal.md gives the legal documents' columns.
 *
 * A file is checked whole first: every row's problems are reported with their line number and
 * column, in Vietnamese. Only a file without problems is imported, in one transaction: every row
 * saved and published, or nothing. An item is known again by its identifier (a document's number,
 * in any form): an unchanged row changes nothing, a changed one becomes a new revision, so
 * importing the same file twice changes nothing. */
#ifndef CONG_MODEL_IMPORT_H
#define CONG_MODEL_IMPORT_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

struct db;
struct actor;
struct kind;

/* Checks (APPLY 0) or imports (APPLY 1) CSV (LEN bytes) as items of kind K on SITE_ID for A
 * (the site's administrators, approvers or the command line). FILES_DIR: the folder "tep" paths
 * are relative to (NULL: the column must be empty: a CSV uploaded alone has no files), DATA_DIR
 * the data folder where files are stored. Returns the report, never NULL:
 * {ok (bool: nothing wrong), imported (bool), problem (a sentence when the file itself is wrong),
 *  new, changed, unchanged, bad (counts), rows: [{line, ref, title, action ("moi", "thay-doi",
 *  "khong-doi"), files (the "tep" cell, when not empty), errors: [{column, label, message}]}]}. M_DENIED in *RC when A may not import. */
json_t *item_import(struct db *db, const struct actor *a, int64_t site_id, const struct kind *k, const char *csv,
		    size_t len, const char *files_dir, const char *data_dir, int apply, int *rc);

/* The same as item_import from a ZIP archive (LEN bytes) holding one CSV file and the files its
 * "tep" column names, relative to the CSV's folder inside the archive (import/archive.h: nothing
 * is written but the media library's files; the archive is refused whole, with a "problem", when
 * it is damaged, holds more than ARCHIVE_MAX_ENTRIES entries or more than MAX_TOTAL bytes
 * uncompressed, an unsafe path or a symbolic link, no CSV file or more than one). A named file
 * missing from the archive, or one the media library refuses (media_file_check), is an error of
 * its row. The report also has csv_name, the CSV's name in the archive. */
json_t *item_import_zip(struct db *db, const struct actor *a, int64_t site_id, const struct kind *k, const void *zip,
			size_t len, size_t max_total, const char *data_dir, int apply, int *rc);

/* An uploaded archive kept between the preview and the confirmation, so that it is not sent
 * twice nor carried through the page: DATA/tmp/import/<sha256(TOKEN, BINDING)>.zip, mode 0600.
 * TOKEN (32 random hex digits, written here) goes into the confirmation form; BINDING (the
 * caller's: the browser's CSRF cookie, the account and the site) never leaves the server, so a
 * token is worth nothing to another session or account. A kept archive lives
 * IMPORT_STASH_SECONDS at most: older ones are removed whenever one is kept, and are not read.
 * The confirmation drops it. 0, or -1 (logged; then nothing is kept). */
#define IMPORT_STASH_SECONDS 3600
int item_import_stash(const char *data_dir, const char *binding, const void *bytes, size_t len, char token[33]);
/* Appends the archive kept under TOKEN for BINDING to OUT (at most MAX bytes): 0, or -1 when there
 * is none (never kept, expired, dropped, another session's). */
struct sb;
int item_import_stash_read(const char *data_dir, const char *binding, const char *token, struct sb *out, size_t max);
void item_import_stash_drop(const char *data_dir, const char *binding, const char *token);

/* 1 when A may import items on SITE_ID (item_import would not answer M_DENIED): the site's
 * administrators and approvers, the system administrator. */
int item_import_allowed(struct db *db, const struct actor *a, int64_t site_id);

/* The columns a CSV file of kind K may have, in the order of the template file: the kind's
 * fields, then the title, the summary, the text and the files. A new array of {key, label, type
 * ("text", "longtext", "date", "int", "money", "enum", "tags", "ref", "url"; "files" for the
 * files), required (bool), max (characters, or values of a list; 0: none), and when they apply:
 * choices [label…] with open (bool: other values are taken as typed), ref_kind (the kind a
 * reference names), help (the form's line under the field), also (another name the column may
 * have)}. */
json_t *item_import_columns(const struct kind *k);

#endif
