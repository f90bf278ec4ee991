/* import.c — items from a CSV file, checked whole, then imported in one transaction (import.h). */
#include "internal.h"
#include "import.h"
#include "kind.h"
#include "db/db.h"
#include "import/csv.h"
#include "import/archive.h"
#include "base/util.h"
#include "base/sb.h"
#include "base/log.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/banned.h"

/* The columns beside the kind's fields. */
static const char *const title_cols[] = { "trich_yeu", "tieu_de", NULL };
#define COL_SUMMARY "tom_tat"
#define COL_BODY "noi_dung"
#define COL_FILES "tep"

static const char *cell_any(const struct csv_table *t, size_t row, const char *const *names)
{
	for (; *names; names++) {
		const char *c = csv_cell(t, row, *names);
		if (c)
			return c;
	}
	return NULL;
}

static void row_error(json_t *errors, const char *column, const char *label, const char *key, const char *text)
{
	json_t *e = json_pack("{ssss}", "column", column, "label", label ? label : column);
	if (key)
		json_object_set_new(e, "key", json_string(key));
	if (text)
		json_object_set_new(e, "message", json_string(text));
	json_array_append_new(errors, e);
}

static const char *label_of(const struct kind *k, const char *column)
{
	const struct kind_field *f = kind_field(k, column);
	if (f)
		return f->label;
	if (strcmp(column, "title") == 0)
		return k->title_label ? k->title_label : "Tiêu đề";
	return column;
}

/* The column a model error on FIELD came from; TITLE_COL: the file's title column. */
static const char *column_of(const char *field, const char *title_col)
{
	if (strcmp(field, "title") == 0)
		return title_col;
	if (strcmp(field, "body") == 0)
		return COL_BODY;
	if (strcmp(field, "summary") == 0)
		return COL_SUMMARY;
	if (strcmp(field, "attachments") == 0)
		return COL_FILES;
	return field;
}

/* The existing item of kind K on SITE_ID with identifier key KEY: its id, 0 when none. */
static int64_t find_existing(struct db *db, int64_t site_id, const struct kind *k, const char *key)
{
	struct db_stmt *st = db_stmt(db, "SELECT id FROM items WHERE kind = ? AND ref_key = ? AND site_id = ?"
				       " AND state <> 'withdrawn' ORDER BY id LIMIT 1");
	if (!st)
		return 0;
	db_bind_text(st, 1, k->name);
	db_bind_text(st, 2, key);
	db_bind_int(st, 3, site_id);
	int64_t id = 0;
	db_one_int(st, &id);
	return id;
}

/* 1 when the stored item ID has TITLE, SUMMARY, BODY and FIELDS (clean) as they are. */
static int same_as_stored(struct db *db, int64_t id, const char *title, const char *summary, json_t *fields)
{
	struct db_stmt *st = db_stmt(db, "SELECT title, summary, fields FROM items WHERE id = ? AND pending_rev_id IS NULL");
	if (!st)
		return 0;
	db_bind_int(st, 1, id);
	int same = 0;
	if (db_step(st) == DB_ROW) {
		json_t *stored = json_loads(db_col_text(st, 2), 0, NULL);
		same = strcmp(db_col_text(st, 0), title) == 0 &&
		       strcmp(db_col_text(st, 1), summary) == 0 && json_equal(stored, fields);
		json_decref(stored);
	}
	db_reset(st);
	return same;
}

/* Where the files a "tep" cell names come from: a folder on disk (the command line) or the
 * archive uploaded with the CSV (the admin). GET appends the bytes of REL (a path relative to the
 * CSV, already known not to leave its folder) to OUT, or adds the row's error and returns -1. */
/* Where the files a CSV names come from; a problem goes to ERRORS under column COL (LABEL). */
struct file_source {
	int (*get)(void *ctx, const char *rel, struct sb *out, json_t *errors, const char *col, const char *label);
	void *ctx;
};

static int dir_get(void *ctx, const char *rel, struct sb *out, json_t *errors, const char *col, const char *label)
{
	struct sb path = SB_INIT;
	sb_addf(&path, "%s/%s", (const char *)ctx, rel);
	FILE *fp = fopen(path.buf, "rb");
	sb_release(&path);
	if (!fp) {
		struct sb m = SB_INIT;
		sb_addf(&m, "Không đọc được tệp %s.", rel);
		row_error(errors, col, label, NULL, m.buf);
		sb_release(&m);
		return -1;
	}
	char buf[65536];
	size_t got;
	while ((got = fread(buf, 1, sizeof(buf), fp)) > 0 && out->len <= MEDIA_FILE_MAX)
		sb_add(out, buf, got);
	fclose(fp);
	return 0;
}

struct zip_ctx {
	struct archive *z;
	const char *prefix; /* the CSV's folder in the archive, "" or ending with "/" */
};

static int zip_get(void *ctx, const char *rel, struct sb *out, json_t *errors, const char *col, const char *label)
{
	struct zip_ctx *zc = ctx;
	struct sb name = SB_INIT;
	char why[320];
	sb_addf(&name, "%s%s", zc->prefix, rel);
	long i = archive_find(zc->z, name.buf);
	sb_release(&name);
	if (i < 0) {
		struct sb m = SB_INIT;
		sb_addf(&m, "Không có tệp %s trong tệp ZIP (đường dẫn tính từ thư mục của tệp CSV).", rel);
		row_error(errors, col, label, NULL, m.buf);
		sb_release(&m);
		return -1;
	}
	if (archive_read(zc->z, (size_t)i, out, MEDIA_FILE_MAX, why, sizeof(why))) {
		row_error(errors, col, label, NULL, why);
		return -1;
	}
	return 0;
}

/* Reads the files named by CELL (column COL, LABEL) from SRC (NULL: none came with the CSV), at
 * most MAX, and checks them as the media library would; APPLY: stores them in the site's
 * library, their ids in IDS. */
static int files_store(struct db *db, const struct actor *a, int64_t site_id, const char *cell, const char *col,
		       const char *label, size_t max, const char *accept, const struct file_source *src,
		       const char *data_dir, int apply, int64_t *ids, size_t *n, json_t *errors)
{
	char **parts;
	size_t np = csv_split(cell, &parts);
	int bad = 0;
	*n = 0;
	for (size_t i = 0; i < np && *n < max; i++) {
		if (!src) {
			row_error(errors, col, label, NULL,
				  "Tệp CSV này nêu tệp đính kèm: hãy tải lên một tệp ZIP chứa tệp CSV cùng các tệp đó.");
			bad = 1;
			break;
		}
		if (strstr(parts[i], "..") || parts[i][0] == '/' || strchr(parts[i], '\\')) {
			row_error(errors, col, label, NULL, "Đường dẫn tệp phải nằm trong thư mục của tệp CSV.");
			bad = 1;
			continue;
		}
		struct sb bytes = SB_INIT;
		if (src->get(src->ctx, parts[i], &bytes, errors, col, label)) {
			bad = 1;
		} else {
			/* the media library's own checks: refused here as the upload form refuses */
			struct errs e = { 0 };
			const char *name = strrchr(parts[i], '/') ? strrchr(parts[i], '/') + 1 : parts[i];
			const char *mime = NULL;
			int mrc = media_file_check_mime(bytes.buf, bytes.len, &e, &mime);
			if (mrc == M_OK && !kind_file_accepts(accept, mime)) {
				errs_add(&e, "file", "file_type_invalid");
				mrc = M_INVALID;
			}
			if (mrc == M_OK && apply)
				mrc = media_store_file(db, data_dir, a, site_id, bytes.buf, bytes.len, name, NULL, NULL, &e, &ids[*n]);
			if (mrc == M_OK) {
				if (apply)
					(*n)++;
			} else {
				for (int k = 0; k < e.n; k++)
					row_error(errors, col, label, e.e[k].key, parts[i]);
				if (!e.n)
					row_error(errors, col, label, NULL, "Không lưu được tệp này.");
				bad = 1;
			}
		}
		sb_release(&bytes);
	}
	free(parts);
	return bad ? -1 : 0;
}

int item_import_allowed(struct db *db, const struct actor *a, int64_t site_id)
{
	return actor_level(db, a, site_id) >= LVL_APPROVER;
}

json_t *item_import_columns(const struct kind *k)
{
	json_t *cols = json_array();
	for (size_t i = 0; i < k->nfields; i++) {
		const struct kind_field *f = &k->fields[i];
		json_t *c = json_pack("{sssssssbsI}", "key", f->key, "label", f->label, "type", kind_type_name(f->type), "required",
				      (f->flags & FF_REQUIRED) != 0, "max", (json_int_t)f->max);
		if (f->choices) {
			json_t *ch = json_array();
			for (const struct kind_choice *x = f->choices; x->key; x++)
				json_array_append_new(ch, json_string(x->label));
			json_object_set_new(c, "choices", ch);
			json_object_set_new(c, "open", json_boolean(f->flags & FF_OPEN));
		}
		if (f->ref_kind)
			json_object_set_new(c, "ref_kind", json_string(f->ref_kind));
		if (f->help)
			json_object_set_new(c, "help", json_string(f->help));
		if (f->type == F_ROWS) { /* the cells of a row, in order */
			struct sb t = SB_INIT;
			for (size_t j = 0; j < f->nsub; j++)
				sb_addf(&t, "%s%s", j ? " | " : "", f->sub[j].label);
			json_object_set_new(c, "columns_text", json_string(t.buf));
			sb_release(&t);
		}
		json_array_append_new(cols, c);
	}
	/* the columns beside the fields: their limits are article_save's */
	int trich_yeu = k->title_label != NULL; /* a kind whose title has a name of its own */
	json_t *t = json_pack("{sssssssbsI}", "key", title_cols[trich_yeu ? 0 : 1], "label",
			      k->title_label ? k->title_label : "Tiêu đề", "type", "text", "required", 1, "max", (json_int_t)300);
	json_object_set_new(t, "also", json_string(title_cols[trich_yeu ? 1 : 0]));
	json_array_append_new(cols, t);
	json_array_append_new(cols, json_pack("{sssssssbsI}", "key", COL_SUMMARY, "label", "Tóm tắt", "type", "longtext",
					      "required", 0, "max", (json_int_t)1000));
	json_array_append_new(cols, json_pack("{sssssssbsI}", "key", COL_BODY, "label", "Nội dung", "type", "longtext",
					      "required", (int)k->body_required, "max", (json_int_t)0));
	json_array_append_new(cols, json_pack("{sssssssbsI}", "key", COL_FILES, "label", "Tệp đính kèm", "type", "files",
					      "required", 0, "max", (json_int_t)ATTACH_MAX));
	return cols;
}

static json_t *import_run(struct db *db, const struct actor *a, int64_t site_id, const struct kind *k, const char *csv,
			  size_t len, const struct file_source *from, const char *data_dir, int apply, int *rc)
{
	json_t *rep = json_pack("{sbsbsIsIsIsI}", "ok", 0, "imported", 0, "new", (json_int_t)0, "changed", (json_int_t)0,
				"unchanged", (json_int_t)0, "bad", (json_int_t)0);
	json_t *rows = json_array();
	json_object_set_new(rep, "rows", rows);
	*rc = M_OK;
	if (!item_import_allowed(db, a, site_id)) {
		*rc = M_DENIED;
		return rep;
	}
	struct csv_problem prob = { 0 };
	struct csv_table *t = csv_table_read(csv, len, &prob);
	if (!t) {
		json_object_set_new(rep, "problem", json_string(prob.message));
		*rc = M_INVALID;
		return rep;
	}
	/* the columns: every required field's, a title; none that nobody reads */
	struct sb missing = SB_INIT, unknown = SB_INIT;
	for (size_t i = 0; i < k->nfields; i++)
		if ((k->fields[i].flags & FF_REQUIRED) && csv_column_find(t, k->fields[i].key) < 0)
			sb_addf(&missing, "%s%s", missing.len ? ", " : "", k->fields[i].key);
	if (csv_column_find(t, title_cols[0]) < 0 && csv_column_find(t, title_cols[1]) < 0)
		sb_addf(&missing, "%s%s", missing.len ? ", " : "", title_cols[0]);
	for (size_t c = 0; c < csv_table_columns(t); c++) {
		const char *name = csv_table_column(t, c);
		int known = kind_field(k, name) || strcmp(name, COL_SUMMARY) == 0 || strcmp(name, COL_BODY) == 0 ||
			    strcmp(name, COL_FILES) == 0;
		for (const char *const *tc = title_cols; *tc; tc++)
			known |= strcmp(name, *tc) == 0;
		if (!known)
			sb_addf(&unknown, "%s%s", unknown.len ? ", " : "", name);
	}
	if (missing.len || unknown.len) {
		struct sb m = SB_INIT;
		if (missing.len)
			sb_addf(&m, "Tệp thiếu cột: %s. ", missing.buf);
		if (unknown.len)
			sb_addf(&m, "Cột không dùng được: %s. ", unknown.buf);
		sb_adds(&m, "Dòng tiêu đề phải có đúng tên cột như hướng dẫn.");
		json_object_set_new(rep, "problem", json_string(m.buf));
		sb_release(&m);
		sb_release(&missing);
		sb_release(&unknown);
		csv_table_free(t);
		*rc = M_INVALID;
		return rep;
	}
	sb_release(&missing);
	sb_release(&unknown);

	const char *title_col = csv_column_find(t, title_cols[0]) >= 0 ? title_cols[0] : title_cols[1];
	int64_t category = apply ? category_for_kind(db, site_id, k->name) : 0;
	const struct kind_field *idf = kind_ident_field(k);
	json_t *seen = json_object(); /* identifier key → line, for duplicates in the file */
	size_t nbad = 0, nnew = 0, nchanged = 0, nsame = 0;
	if (apply && db_begin(db)) {
		*rc = M_ERROR;
		goto out;
	}
	for (size_t r = 0; r < csv_table_rows(t); r++) {
		json_t *errors = json_array();
		json_t *row = json_pack("{sI}", "line", (json_int_t)csv_row_line(t, r));
		const struct csv_problem *rp = csv_row_problem(t, r);
		if (rp)
			row_error(errors, "", "", NULL, rp->message);
		json_t *raw = json_object();
		int file_checked[64] = { 0 }; /* a file field's file read and checked, not yet stored */
		for (size_t i = 0; i < k->nfields; i++) {
			const struct kind_field *f = &k->fields[i];
			const char *v = csv_cell(t, r, f->key);
			if (f->type == F_FILE && v && *v && strspn(v, "0123456789") != strlen(v)) {
				/* a path: the file comes with the CSV, into the library (its id); checking
				 * only, the field counts as given */
				int64_t fid = 0;
				size_t nf = 0;
				char num[32] = "";
				if (files_store(db, a, site_id, v, f->key, f->label, 1, f->accept, from, data_dir, apply, &fid, &nf,
						errors) == 0) {
					if (apply && nf)
						snprintf(num, sizeof(num), "%lld", (long long)fid);
					else
						file_checked[i < 64 ? i : 63] = 1;
				}
				json_object_set_new(raw, f->key, json_string(num));
				continue;
			}
			json_object_set_new(raw, f->key, json_string(v ? v : ""));
		}
		const char *title = cell_any(t, r, title_cols);
		const char *summary = csv_cell(t, r, COL_SUMMARY), *body = csv_cell(t, r, COL_BODY);
		json_object_set_new(row, "title", json_string(title ? title : ""));
		if (idf)
			json_object_set(row, "ref", json_object_get(raw, idf->key));

		/* the model's own checks, without saving: the same messages as the form's */
		struct errs e = { 0 };
		json_t *clean = NULL;
		kind_fields_clean(k, raw, &clean, &e);
		kind_files_check(db, site_id, k, clean, &e);
		int kept = 0; /* a file field given as a checked file is not missing */
		for (int i = 0; i < e.n; i++) {
			const struct kind_field *f = kind_field(k, e.e[i].field);
			if (f && f->type == F_FILE && strcmp(e.e[i].key, "required") == 0 && (size_t)(f - k->fields) < 64 &&
			    file_checked[f - k->fields])
				continue;
			e.e[kept++] = e.e[i];
		}
		e.n = kept;
		if (!title || !*title)
			errs_add(&e, "title", "required");
		for (int i = 0; i < e.n; i++)
			row_error(errors, column_of(e.e[i].field, title_col), label_of(k, e.e[i].field), e.e[i].key, e.text[i]);
		char *key = idf ? kind_ident_key(k, json_string_value(json_object_get(clean, idf->key))) : NULL;
		if (key) {
			json_t *prev = json_object_get(seen, key);
			if (prev) {
				struct sb m = SB_INIT;
				/* "Trùng số ký hiệu …", "Trùng mã thủ tục …": the identifier's label */
				const char *l = idf->label;
				sb_addf(&m, "Trùng %c%s với dòng %lld.", l[0] >= 'A' && l[0] <= 'Z' ? l[0] - 'A' + 'a' : l[0], l + 1,
					(long long)json_integer_value(prev));
				row_error(errors, idf->key, idf->label, NULL, m.buf);
				sb_release(&m);
			} else {
				json_object_set_new(seen, key, json_integer((json_int_t)csv_row_line(t, r)));
			}
		}
		int64_t existing = key ? find_existing(db, site_id, k, key) : 0;
		const char *action = !existing ? "moi"
				     : same_as_stored(db, existing, title ? title : "", summary ? summary : "", clean) ? "khong-doi"
				     : "thay-doi";
		json_object_set_new(row, "action", json_string(action));
		int64_t att[ATTACH_MAX];
		size_t natt = 0;
		const char *files = csv_cell(t, r, COL_FILES);
		int with_files = files && *files;
		if (with_files)
			json_object_set_new(row, "files", json_string(files));
		if (with_files)
			files_store(db, a, site_id, files, COL_FILES, "Tệp", ATTACH_MAX, NULL, from, data_dir,
				    apply && !json_array_size(errors), att, &natt, errors);

		if (apply && !json_array_size(errors) && strcmp(action, "khong-doi") != 0) {
			struct article_input in = { 0 };
			int64_t id = 0;
			in.kind = k->name;
			in.fields = raw;
			in.title = title;
			in.summary = summary;
			in.body = body;
			in.category_id = category;
			in.note = "Nhập từ tệp CSV";
			in.attachments = att;
			in.nattachments = natt;
			in.set_attachments = with_files;
			in.data_dir = data_dir;
			struct errs se = { 0 };
			if (existing) {
				/* the current category stays */
				struct db_stmt *st = db_stmt(db, "SELECT category_id FROM items WHERE id = ?");
				db_bind_int(st, 1, existing);
				db_one_int(st, &in.category_id);
			}
			int src = article_save(db, a, site_id, existing, &in, &se, &id);
			/* the file checked whole and confirmed is the approval: published at once, a
			 * changed item's new revision replacing its public version */
			if (src == M_OK) /* what a published item of its kind needs (kind.publish_check) */
				item_publish_check(db, site_id, id, &se);
			if (src == M_OK && se.n)
				src = M_INVALID;
			else if (src == M_OK && article_publish_now(db, a, id, in.note))
				src = M_ERROR;
			if (src != M_OK) {
				for (int i = 0; i < se.n; i++)
					row_error(errors, column_of(se.e[i].field, title_col), label_of(k, se.e[i].field), se.e[i].key, se.text[i]);
				if (!se.n)
					row_error(errors, "", "", NULL, "Không lưu được dòng này.");
			}
		}
		free(key);
		json_decref(clean);
		json_decref(raw);
		if (json_array_size(errors)) {
			nbad++;
		} else if (strcmp(action, "moi") == 0) {
			nnew++;
		} else if (strcmp(action, "thay-doi") == 0) {
			nchanged++;
		} else {
			nsame++;
		}
		json_object_set_new(row, "errors", errors);
		json_array_append_new(rows, row);
	}
	if (apply) {
		if (nbad) {
			db_rollback(db); /* one bad row: nothing is imported */
			*rc = M_INVALID;
		} else {
			char detail[96];
			snprintf(detail, sizeof(detail), "%zu mới, %zu thay đổi, %zu không đổi", nnew, nchanged, nsame);
			char action[48];
			snprintf(action, sizeof(action), "%s.import", k->name);
			if (audit_write(db, a, site_id, action, "csv", detail)) {
				db_rollback(db); /* no import without its record */
				*rc = M_ERROR;
			} else if (db_commit(db)) {
				*rc = M_ERROR;
			} else {
				json_object_set_new(rep, "imported", json_true());
			}
		}
	} else if (nbad) {
		*rc = M_INVALID;
	}
out:
	json_object_set_new(rep, "ok", json_boolean(nbad == 0 && *rc == M_OK));
	json_object_set_new(rep, "new", json_integer((json_int_t)nnew));
	json_object_set_new(rep, "changed", json_integer((json_int_t)nchanged));
	json_object_set_new(rep, "unchanged", json_integer((json_int_t)nsame));
	json_object_set_new(rep, "bad", json_integer((json_int_t)nbad));
	json_decref(seen);
	csv_table_free(t);
	return rep;
}

json_t *item_import(struct db *db, const struct actor *a, int64_t site_id, const struct kind *k, const char *csv,
		    size_t len, const char *files_dir, const char *data_dir, int apply, int *rc)
{
	struct file_source dir = { dir_get, (void *)files_dir };
	return import_run(db, a, site_id, k, csv, len, files_dir ? &dir : NULL, data_dir, apply, rc);
}

static json_t *refused(const char *problem, int *rc)
{
	*rc = M_INVALID;
	return json_pack("{sbsbsIsIsIsIs[]ss}", "ok", 0, "imported", 0, "new", (json_int_t)0, "changed", (json_int_t)0,
			 "unchanged", (json_int_t)0, "bad", (json_int_t)0, "rows", "problem", problem);
}

/* 1 when NAME (in an archive) is a CSV file, not macOS's copy of its attributes. */
static int is_csv(const char *name)
{
	size_t n = strlen(name);
	const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
	return n > 4 && strcasecmp(name + n - 4, ".csv") == 0 && strncmp(name, "__MACOSX/", 9) != 0 &&
	       strncmp(base, "._", 2) != 0;
}

json_t *item_import_zip(struct db *db, const struct actor *a, int64_t site_id, const struct kind *k, const void *zip,
			size_t len, size_t max_total, const char *data_dir, int apply, int *rc)
{
	char why[320];
	if (!item_import_allowed(db, a, site_id)) {
		json_t *rep = refused("", rc);
		*rc = M_DENIED;
		return rep;
	}
	struct archive *z = archive_open(zip, len, max_total, ARCHIVE_MAX_ENTRIES, why, sizeof(why));
	if (!z)
		return refused(why, rc);
	long csv_at = -1;
	struct sb names = SB_INIT;
	size_t ncsv = 0;
	for (size_t i = 0; i < archive_count(z); i++) {
		if (!is_csv(archive_name(z, i)))
			continue;
		if (ncsv++ < 5)
			sb_addf(&names, "%s%s", names.len ? ", " : "", archive_name(z, i));
		csv_at = (long)i;
	}
	json_t *rep;
	if (ncsv != 1) {
		struct sb m = SB_INIT;
		if (!ncsv)
			sb_adds(&m, "Tệp ZIP không có tệp CSV nào: hãy đặt tệp CSV cùng các tệp đính kèm vào tệp ZIP.");
		else
			sb_addf(&m, "Tệp ZIP có %zu tệp CSV (%s%s): mỗi lần chỉ nhập một tệp CSV.", ncsv, names.buf, ncsv > 5 ? ", …" : "");
		rep = refused(m.buf, rc);
		sb_release(&m);
		goto out;
	}
	struct sb csv = SB_INIT;
	if (archive_read(z, (size_t)csv_at, &csv, max_total, why, sizeof(why))) {
		sb_release(&csv);
		rep = refused(why, rc);
		goto out;
	}
	const char *csv_name = archive_name(z, (size_t)csv_at);
	const char *slash = strrchr(csv_name, '/');
	char *prefix = xstrdup(csv_name);
	prefix[slash ? (size_t)(slash - csv_name) + 1 : 0] = '\0';
	struct zip_ctx zc = { z, prefix };
	struct file_source from_zip = { zip_get, &zc };
	rep = import_run(db, a, site_id, k, csv.buf, csv.len, &from_zip, data_dir, apply, rc);
	json_object_set_new(rep, "csv_name", json_string(csv_name));
	free(prefix);
	sb_release(&csv);
out:
	sb_release(&names);
	archive_close(z);
	return rep;
}

/* ---- an archive kept between the preview and the confirmation ---- */

/* DATA/tmp/import/<hex sha256(TOKEN "\n" BINDING)>.zip; -1 when TOKEN is not 32 hex digits. */
static int stash_path(const char *data_dir, const char *binding, const char *token, struct sb *path)
{
	if (!token || strlen(token) != 32 || strspn(token, "0123456789abcdef") != 32)
		return -1;
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[2 * crypto_hash_sha256_BYTES + 1];
	crypto_hash_sha256_state st;
	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, (const unsigned char *)token, 32);
	crypto_hash_sha256_update(&st, (const unsigned char *)"\n", 1);
	crypto_hash_sha256_update(&st, (const unsigned char *)binding, strlen(binding));
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	sb_addf(path, "%s/tmp/import/%s.zip", data_dir, hex);
	return 0;
}

/* Removes the kept archives older than IMPORT_STASH_SECONDS (never following a link). */
static void stash_sweep(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	time_t now = time(NULL);
	struct dirent *de;
	while ((de = readdir(d))) {
		struct stat sb;
		size_t n = strlen(de->d_name);
		if (n < 5 || strcmp(de->d_name + n - 4, ".zip") != 0)
			continue;
		if (fstatat(dirfd(d), de->d_name, &sb, AT_SYMLINK_NOFOLLOW) == 0 &&
		    (!S_ISREG(sb.st_mode) || now - sb.st_mtime > IMPORT_STASH_SECONDS))
			unlinkat(dirfd(d), de->d_name, 0);
	}
	closedir(d);
}

int item_import_stash(const char *data_dir, const char *binding, const void *bytes, size_t len, char token[33])
{
	unsigned char rnd[16];
	struct sb dir = SB_INIT, path = SB_INIT;
	int rc = -1;
	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(token, 33, rnd, sizeof(rnd));
	sb_addf(&dir, "%s/tmp", data_dir);
	if (mkdir(dir.buf, 0700) && errno != EEXIST)
		goto out;
	sb_adds(&dir, "/import");
	if (mkdir(dir.buf, 0700) && errno != EEXIST)
		goto out;
	stash_sweep(dir.buf);
	if (stash_path(data_dir, binding, token, &path))
		goto out;
	int fd = open(path.buf, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		goto out;
	const char *p = bytes;
	size_t left = len;
	while (left) {
		ssize_t w = write(fd, p, left);
		if (w <= 0) {
			if (w < 0 && errno == EINTR)
				continue;
			break;
		}
		p += w;
		left -= (size_t)w;
	}
	if (close(fd) == 0 && !left)
		rc = 0;
	else
		unlink(path.buf);
out:
	if (rc)
		log_error("import: cannot keep the archive in %s: %s", dir.buf, strerror(errno));
	sb_release(&dir);
	sb_release(&path);
	return rc;
}

int item_import_stash_read(const char *data_dir, const char *binding, const char *token, struct sb *out, size_t max)
{
	struct sb path = SB_INIT;
	int rc = -1;
	if (stash_path(data_dir, binding, token, &path))
		goto out;
	int fd = open(path.buf, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		goto out;
	struct stat sb;
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && time(NULL) - sb.st_mtime <= IMPORT_STASH_SECONDS &&
	    (size_t)sb.st_size <= max) {
		char buf[65536];
		ssize_t got;
		while ((got = read(fd, buf, sizeof(buf))) > 0)
			sb_add(out, buf, (size_t)got);
		rc = got == 0 && out->len == (size_t)sb.st_size ? 0 : -1;
	} else {
		unlink(path.buf); /* expired */
	}
	close(fd);
out:
	sb_release(&path);
	return rc;
}

void item_import_stash_drop(const char *data_dir, const char *binding, const char *token)
{
	struct sb path = SB_INIT;
	if (stash_path(data_dir, binding, token, &path) == 0)
		unlink(path.buf);
	sb_release(&path);
}
