/* import.c — items of a kind from a CSV file, through the browser: what the file must look like,
 * its header row to fill in, a preview of every row with its problems, then the import itself
 * (model/import.h: checked whole, imported in one transaction or not at all). Kinds with fields
 * only: news has its own form.
 * WEBPAGE: GET  /quan-tri/nhap/<segment>          the columns and the upload form
 * WEBPAGE: GET  /quan-tri/nhap/<segment>/mau.csv  the header row (UTF-8 with BOM, for spreadsheets)
 * WEBPAGE: POST /quan-tri/nhap/<segment>          file (a CSV, or a ZIP archive holding one CSV and
 *                                                 the files its "tep" column names): check and show
 *                                                 what would happen (nothing saved); csv (the text
 *                                                 checked) or tep-zip (the kept archive's token) and
 *                                                 xac-nhan=1: import, then to the kind's list
 *
 * A plain CSV file: the confirmation carries its text back in a hidden field; nothing is kept on
 * the server between the two steps, and the import checks everything again, so a changed text is
 * no risk. Such a file cannot name files in "tep" (the model reports the cell): they come in a
 * ZIP archive (import/archive.h, model item_import_zip), read in memory, never unpacked on disk.
 * An archive is too big to go back and forth through the page, so a clean preview keeps it in
 * DATA/tmp/import/ under a random token tied to this browser's CSRF cookie, the account and the
 * site (item_import_stash); the confirmation names the token, the import checks the archive
 * again from the start, and the kept file is removed after it (or after an hour). */
#include "web/web.h"
#include "model/kind.h"
#include "model/import.h"
#include "base/locale.h"
#include "base/sb.h"
#include "base/util.h"
#include "import/archive.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/banned.h"

static json_int_t site_id_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

/* The kind the path names, when it is one a file can be imported into; else answers 404. */
static const struct kind *import_kind(struct req *r)
{
	const struct kind *k = r->captures[0] ? kind_by_segment(r->captures[0]) : NULL;
	if (!k || !k->nfields) {
		resp_error(r, 404, "not_found");
		return NULL;
	}
	return k;
}

static void set_flag(json_t *o, const char *type, const char *name)
{
	json_object_set_new(o, name, json_boolean(strcmp(type, name + 3) == 0));
}

/* The columns as the page describes them: a flag per type for the template's hints. */
static json_t *columns_view(struct req *r, const struct kind *k)
{
	json_t *cols = item_import_columns(k), *c;
	size_t i;
	json_array_foreach(cols, i, c) {
		const char *type = json_string_value(json_object_get(c, "type"));
		static const char *const flags[] = { "is_text", "is_longtext", "is_date", "is_int", "is_money",
						     "is_enum", "is_tags", "is_ref", "is_url", "is_files", "is_rows",
						     "is_file" };
		for (size_t f = 0; f < ARRAY_SIZE(flags); f++)
			set_flag(c, type, flags[f]);
		/* the column's name and help in the account's language (its key, the file's header, stays) */
		const char *key = json_string_value(json_object_get(c, "key"));
		const struct kind_field *f = kind_field(k, key);
		json_t *texts = req_texts(r);
		if (f) {
			const char *help = kind_tr_field(texts, k, f, ".help");
			json_object_set_new(c, "label", json_string(kind_tr_field(texts, k, f, NULL)));
			if (help)
				json_object_set_new(c, "help", json_string(help));
		} else {
			static const char *const others[][2] = { { "tom_tat", "adm_summary" }, { "noi_dung", "adm_body" },
								 { "tep", "adm_attachments" } };
			for (size_t o = 0; o < ARRAY_SIZE(others); o++)
				if (strcmp(key, others[o][0]) == 0)
					json_object_set_new(c, "label", json_string(rtr(r, others[o][1])));
			if (json_object_get(c, "also")) /* the title's */
				json_object_set_new(c, "label", json_string(kind_tr(texts, k, "title") ? kind_tr(texts, k, "title")
												  : rtr(r, "adm_col_title")));
		}
		const struct kind *rk = kind_find(json_string_value(json_object_get(c, "ref_kind")));
		if (rk)
			json_object_set_new(c, "ref_label", json_string(kind_tr(req_texts(r), rk, "one")));
		json_t *ch = json_object_get(c, "choices");
		if (ch) { /* "A, B, C" */
			struct sb t = SB_INIT;
			size_t j;
			json_t *x;
			json_array_foreach(ch, j, x)
				sb_addf(&t, "%s%s", j ? ", " : "", json_string_value(x));
			json_object_set_new(c, "choices_text", json_string(t.buf));
			sb_release(&t);
		}
		if (!json_integer_value(json_object_get(c, "max")))
			json_object_del(c, "max");
	}
	return cols;
}

/* What the import will do with a row, in the request's language. */
static const char *action_label(struct req *r, const char *action)
{
	if (strcmp(action, "moi") == 0)
		return rtr(r, "adm_imc_new");
	if (strcmp(action, "thay-doi") == 0)
		return rtr(r, "adm_imc_update");
	return rtr(r, "adm_imc_same");
}

/* The report's rows as the preview shows them: each error as "label" and one sentence. */
static json_t *rows_view(struct req *r, json_t *rows)
{
	size_t i, j;
	json_t *row, *err;
	json_array_foreach(rows, i, row) {
		json_t *errors = json_object_get(row, "errors");
		json_array_foreach(errors, j, err) {
			const char *key = json_string_value(json_object_get(err, "key"));
			const char *msg = json_string_value(json_object_get(err, "message"));
			struct sb t = SB_INIT;
			if (key)
				sb_adds(&t, rtr(r, key));
			if (msg)
				sb_addf(&t, "%s%s", t.len ? " " : "", msg);
			json_object_set_new(err, "text", json_string(t.buf));
			sb_release(&t);
			const char *label = json_string_value(json_object_get(err, "label"));
			if (!label || !*label) /* the reader's own sentence: it names its line */
				json_object_del(err, "label");
		}
		int bad = json_array_size(errors) > 0;
		json_object_set_new(row, "has_errors", json_boolean(bad));
		const char *action = json_string_value(json_object_get(row, "action"));
		json_object_set_new(row, "action_label", json_string(bad ? rtr(r, "adm_imc_bad") : action_label(r, action ? action : "")));
	}
	return rows;
}

/* The page. REP: a report to show (stolen; NULL: none yet); CSV: the text it was made from, or
 * ZIP_TOKEN: the kept archive's, for the confirmation; FILE_ERROR: a message for the file input. */
static void import_render(struct req *r, int status, const struct kind *k, json_t *rep, const char *csv,
			  const char *zip_token, const char *file_error)
{
	struct sb t = SB_INIT;
	/* the kind's texts in the account's language; the CSV's column names stay Vietnamese (the file's format) */
	json_t *texts = req_texts(r);
	const char *one = kind_tr(texts, k, "one"), *title = kind_tr(texts, k, "title");
	char heading[256];
	locale_format(heading, sizeof(heading), rtr(r, "adm_imc_title_fmt"), one);
	json_t *ctx = admin_ctx(r, heading);
	const struct kind_field *idf = kind_ident_field(k);
	json_t *kv = json_pack("{ssssssssss}", "segment", k->segment, "label", kind_tr(texts, k, NULL), "label_one", one,
			       "title_label", title ? title : rtr(r, "adm_col_title"), "ref_label",
			       idf ? kind_tr_field(texts, k, idf, NULL) : rtr(r, "adm_ib_code"));
	sb_addf(&t, "/quan-tri/nhap/%s", k->segment);
	json_object_set_new(kv, "import_url", json_string(t.buf));
	sb_adds(&t, "/mau.csv");
	json_object_set_new(kv, "template_url", json_string(t.buf));
	sb_reset(&t);
	sb_addf(&t, "/quan-tri/?loai=%s", k->segment);
	json_object_set_new(kv, "list_url", json_string(t.buf));
	sb_release(&t);
	json_object_set_new(ctx, "kind", kv);
	json_object_set_new(ctx, "columns", columns_view(r, k));
	if (file_error) {
		json_object_set_new(ctx, "file_error", json_string(file_error));
		json_object_set_new(ctx, "has_errors", json_true());
	}
	if (rep) {
		json_int_t nnew = json_integer_value(json_object_get(rep, "new")),
			   nchanged = json_integer_value(json_object_get(rep, "changed")),
			   nbad = json_integer_value(json_object_get(rep, "bad"));
		rows_view(r, json_object_get(rep, "rows"));
		json_object_set_new(rep, "total", json_integer((json_int_t)json_array_size(json_object_get(rep, "rows"))));
		json_object_set_new(rep, "has_rows", json_boolean(json_array_size(json_object_get(rep, "rows")) > 0));
		int clean = json_is_true(json_object_get(rep, "ok"));
		if (clean && nnew + nchanged > 0 && zip_token) {
			json_object_set_new(rep, "confirm", json_pack("{sIsssb}", "count", nnew + nchanged, "archive", zip_token,
								      "is_zip", 1));
		} else if (clean && nnew + nchanged > 0 && csv) {
			json_object_set_new(rep, "confirm", json_pack("{sIss}", "count", nnew + nchanged, "csv", csv));
		} else if (clean) {
			json_object_set_new(rep, "nothing", json_true());
		}
		json_object_set_new(rep, "has_bad", json_boolean(nbad > 0));
		json_object_set_new(ctx, "report", rep);
	}
	resp_render(r, status, "admin/import", ctx);
}

/* The answer to an account that may not import (below approver on the site). */
static void import_denied(struct req *r, const struct kind *k)
{
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_import_denied"));
	json_object_set_new(ctx, "kind", json_pack("{ssss}", "label_one", k->label_one, "segment", k->segment));
	json_object_set_new(ctx, "denied", json_true());
	resp_render(r, 403, "admin/import", ctx);
}

void admin_import_form(struct req *r)
{
	const struct kind *k = import_kind(r);
	if (!k)
		return;
	if (!item_import_allowed(r->db, &r->actor, site_id_of(r))) {
		import_denied(r, k);
		return;
	}
	import_render(r, 200, k, NULL, NULL, NULL, NULL);
}

void admin_import_template(struct req *r)
{
	const struct kind *k = import_kind(r);
	if (!k)
		return;
	struct sb csv = SB_INIT, cd = SB_INIT;
	sb_adds(&csv, "\xEF\xBB\xBF"); /* spreadsheets read the file as UTF-8 only with it */
	json_t *cols = item_import_columns(k), *c;
	size_t i;
	json_array_foreach(cols, i, c) /* keys are identifiers: nothing to quote */
		sb_addf(&csv, "%s%s", i ? "," : "", json_string_value(json_object_get(c, "key")));
	sb_adds(&csv, "\r\n");
	json_decref(cols);
	sb_addf(&cd, "attachment; filename=\"mau-%s.csv\"", k->segment);
	resp_header(r, "Content-Disposition", cd.buf);
	resp_bytes(r, 200, "text/csv; charset=utf-8", csv.buf, csv.len);
	sb_release(&cd);
	sb_release(&csv);
}

/* What an archive may hold once unpacked: four times the upload limit. Signed PDF and Office
 * files barely compress, so a real archive stays far below; a zip bomb is refused from the sizes
 * its entries declare, before anything is inflated (and reading stops at the declared size). */
static size_t zip_max_total(struct req *r)
{
	return r->app->max_body * 4;
}

/* What ties a kept archive to this browser's session, account and site: the session and CSRF
 * cookies (web/admin/auth.c; a new sign-in is a new session), the account, the site. */
static void stash_binding(struct req *r, struct sb *b)
{
	const char *sid = req_cookie(r, "cong_sid"), *csrf = req_cookie(r, "cong_csrf");
	sb_addf(b, "%s|%s|%lld|%lld", sid ? sid : "", csrf ? csrf : "", (long long)r->actor.id, (long long)site_id_of(r));
}

/* 1 when BYTES cannot be a text file: a control character (a NUL, as in any binary file and a
 * UTF-16 file without its mark), unless the file starts with a UTF-16 mark (the CSV reader then
 * says it is not UTF-8). */
static int looks_binary(const unsigned char *b, size_t n)
{
	if (n >= 2 && ((b[0] == 0xff && b[1] == 0xfe) || (b[0] == 0xfe && b[1] == 0xff)))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (b[i] < 0x09 || (b[i] > 0x0d && b[i] < 0x20 && b[i] != 0x1b))
			return 1;
	return 0;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

void admin_import(struct req *r)
{
	const struct kind *k = import_kind(r);
	if (!k)
		return;
	if (!item_import_allowed(r->db, &r->actor, site_id_of(r))) {
		import_denied(r, k);
		return;
	}
	const char *confirm = req_form(r, "xac-nhan");
	int apply = confirm && strcmp(confirm, "1") == 0;
	/* the file uploaded, or what was checked before: the CSV text, or the kept archive's token */
	const struct field *file = req_file(r, "file");
	const char *csv = req_form(r, "csv");
	const char *token = req_form(r, "tep-zip");
	size_t len = csv ? strlen(csv) : 0;
	struct sb zip = SB_INIT, binding = SB_INIT;
	const char *zbytes = NULL;
	size_t zlen = 0;
	int from_stash = 0;
	stash_binding(r, &binding);
	if (file && file->filename && *file->filename) {
		const char *b = file->value.buf;
		size_t n = file->value.len;
		if (archive_looks_like_zip(b, n)) {
			zbytes = b;
			zlen = n;
		} else if (ends_with(file->filename, ".zip") || looks_binary((const unsigned char *)b, n)) {
			import_render(r, 422, k, NULL, NULL, NULL, rtr(r, "import_not_csv_zip"));
			goto out;
		} else {
			csv = b;
			len = n;
		}
	} else if (token && *token) {
		if (item_import_stash_read(r->app->data_dir, binding.buf, token, &zip, r->app->max_body)) {
			import_render(r, 422, k, NULL, NULL, NULL, rtr(r, "import_archive_gone"));
			goto out;
		}
		zbytes = zip.buf;
		zlen = zip.len;
		from_stash = 1;
	} else if (!csv) {
		import_render(r, 422, k, NULL, NULL, NULL, rtr(r, "import_file_required"));
		goto out;
	}
	int rc = M_OK;
	json_t *rep = zbytes ? item_import_zip(r->db, &r->actor, site_id_of(r), k, zbytes, zlen, zip_max_total(r),
					       r->app->data_dir, apply, &rc)
			     : item_import(r->db, &r->actor, site_id_of(r), k, csv, len, NULL, r->app->data_dir, apply, &rc);
	if (from_stash && apply && (rc == M_OK || rc == M_INVALID)) /* imported, or never will be as it is */
		item_import_stash_drop(r->app->data_dir, binding.buf, token);
	char zip_token[33] = "";
	if (rc == M_OK && !apply && zbytes && json_integer_value(json_object_get(rep, "new")) +
						   json_integer_value(json_object_get(rep, "changed")) > 0) {
		if (from_stash) /* checked again from the kept copy: keep it under its token */
			snprintf(zip_token, sizeof(zip_token), "%s", token);
		else if (item_import_stash(r->app->data_dir, binding.buf, zbytes, zlen, zip_token)) {
			json_decref(rep);
			import_render(r, 500, k, NULL, NULL, NULL, rtr(r, "import_archive_keep_failed"));
			goto out;
		}
	}
	if (rc == M_DENIED) {
		json_decref(rep);
		import_denied(r, k);
	} else if (rc == M_OK && apply) {
		struct sb loc = SB_INIT;
		sb_addf(&loc, "/quan-tri/?loai=%s&da-nhap=1&moi=%lld&thay-doi=%lld&khong-doi=%lld", k->segment,
			(long long)json_integer_value(json_object_get(rep, "new")),
			(long long)json_integer_value(json_object_get(rep, "changed")),
			(long long)json_integer_value(json_object_get(rep, "unchanged")));
		resp_redirect(r, 303, loc.buf);
		sb_release(&loc);
		json_decref(rep);
	} else if (rc == M_OK || rc == M_INVALID) {
		/* a file that is not UTF-8 never comes back in the confirmation: only a clean report
		 * offers it, and the reader refuses such a file */
		json_object_set_new(rep, "from_zip", json_boolean(zbytes != NULL));
		import_render(r, rc == M_OK ? 200 : 422, k, rep, rc == M_OK && !zbytes ? csv : NULL,
			      zip_token[0] ? zip_token : NULL, NULL);
	} else {
		json_decref(rep);
		resp_error(r, 500, "server_error");
	}
out:
	sb_release(&zip);
	sb_release(&binding);
}
