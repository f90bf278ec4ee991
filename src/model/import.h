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
 * are relative to (NULL: the column must be empty: an upload comes without its files), DATA_DIR
 * the data folder where files are stored. Returns the report, never NULL:
 * {ok (bool: nothing wrong), imported (bool), problem (a sentence when the file itself is wrong),
 *  new, changed, unchanged, bad (counts), rows: [{line, ref, title, action ("moi", "thay-doi",
 *  "khong-doi"), errors: [{column, label, message}]}]}. M_DENIED in *RC when A may not import. */
json_t *item_import(struct db *db, const struct actor *a, int64_t site_id, const struct kind *k, const char *csv,
		    size_t len, const char *files_dir, const char *data_dir, int apply, int *rc);

#endif
