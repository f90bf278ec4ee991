/* import.c — `cong import KIND FILE.csv`: items of a kind from a province's old portal, checked
 * whole and imported in one transaction or not at all (model/import.h); `cong kinds`: the kinds
 * of content and their fields, as text or JSON (for importers and integrators). */
#include "cmd.h"
#include "model/model.h"
#include "model/kind.h"
#include "model/import.h"
#include "base/util.h"
#include "base/sb.h"
#include "db/db.h"
#include "base/arena.h"
#include "import/archive.h"

#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

/* What an archive given to the command line may hold unpacked (the admin's cap is four times the
 * upload limit: web/admin/import.c). */
#define CLI_ZIP_MAX_TOTAL ((size_t)1 << 30)

static const char import_usage[] =
	"usage: cong import KIND --data DIR --site SLUG [--check] FILE.csv|FILE.zip\n"
	"\n"
	"Imports items of KIND (its address segment: van-ban, cong-bao; `cong kinds` lists them) into\n"
	"the site SLUG from FILE.csv: UTF-8, a header row of column names, dates dd/mm/yyyy, several\n"
	"values separated by ';'. The columns are the kind's field keys, trich_yeu (or tieu_de) for the\n"
	"title, tom_tat and noi_dung for the summary and the text, tep for files (paths relative to the\n"
	"CSV). FILE.zip: a ZIP archive holding one CSV file and those files, as the admin takes it\n"
	"(at most 2000 entries and 1 GB unpacked, no unsafe path, no link). Every row is checked\n"
	"first; any problem is printed with its line and nothing is imported. Items are known again\n"
	"by their number: importing the same file twice changes nothing, a changed row becomes a new\n"
	"revision. docs/legal.md.\n"
	"\n"
	"  --check   check and print what would happen; import nothing\n";

int cmd_import(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "data", required_argument, NULL, 'd' }, { "site", required_argument, NULL, 's' },
		{ "check", no_argument, NULL, 'c' }, { "help", no_argument, NULL, 'h' }, { 0 }
	};
	const char *data = NULL, *site_slug = NULL;
	int check = 0, c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': data = optarg; break;
		case 's': site_slug = optarg; break;
		case 'c': check = 1; break;
		case 'h': fputs(import_usage, stdout); return 0;
		default: fputs(import_usage, stderr); return 2;
		}
	}
	if (!data || !site_slug || argc - optind != 2) {
		fputs(import_usage, stderr);
		return 2;
	}
	const struct kind *k = kind_by_segment(argv[optind]);
	if (!k)
		k = kind_find(argv[optind]);
	if (!k) {
		fprintf(stderr, "cong import: there is no kind of content \"%s\" (cong kinds lists them)\n", argv[optind]);
		return 2;
	}
	const char *file = argv[optind + 1];
	FILE *fp = fopen(file, "rb");
	if (!fp) {
		fprintf(stderr, "cong import: %s cannot be read\n", file);
		return 1;
	}
	struct sb csv = SB_INIT;
	char buf[65536];
	size_t got;
	while ((got = fread(buf, 1, sizeof(buf), fp)) > 0)
		sb_add(&csv, buf, got);
	fclose(fp);
	char *copy = xstrdup(file);
	char *dir = xstrdup(dirname(copy));
	free(copy);

	struct db *db = data_open(data);
	if (!db) {
		sb_release(&csv);
		free(dir);
		return 1;
	}
	json_t *site = site_get_by_slug(db, site_slug);
	int rc = 1, mrc = M_OK;
	if (!site) {
		fprintf(stderr, "cong import: there is no site \"%s\"\n", site_slug);
		goto out;
	}
	int64_t site_id = json_integer_value(json_object_get(site, "id"));
	json_t *rep = archive_looks_like_zip(csv.buf, csv.len)
			      ? item_import_zip(db, &actor_cli, site_id, k, csv.buf, csv.len, CLI_ZIP_MAX_TOTAL, data, !check, &mrc)
			      : item_import(db, &actor_cli, site_id, k, csv.buf, csv.len, dir, data, !check, &mrc);
	const char *problem = json_string_value(json_object_get(rep, "problem"));
	if (problem)
		fprintf(stderr, "cong import: %s: %s\n", file, problem);
	size_t i, j;
	json_t *row, *err;
	json_array_foreach(json_object_get(rep, "rows"), i, row) {
		json_array_foreach(json_object_get(row, "errors"), j, err) {
			const char *key = json_string_value(json_object_get(err, "key"));
			const char *msg = json_string_value(json_object_get(err, "message"));
			const char *label = json_string_value(json_object_get(err, "label"));
			if (!key && (!label || !*label)) { /* the reader's own sentence names its line */
				fprintf(stderr, "%s: %s\n", file, msg ? msg : "");
				continue;
			}
			fprintf(stderr, "%s: dòng %lld, %s: %s%s%s\n", file, (long long)json_integer_value(json_object_get(row, "line")),
				label ? label : "", key ? cli_tr(key) : "", key && msg ? " " : "", msg ? msg : "");
		}
	}
	long long nnew = json_integer_value(json_object_get(rep, "new")),
		  nchanged = json_integer_value(json_object_get(rep, "changed")),
		  nsame = json_integer_value(json_object_get(rep, "unchanged")),
		  nbad = json_integer_value(json_object_get(rep, "bad"));
	if (mrc == M_OK)
		printf("%s: %lld mới, %lld thay đổi, %lld không đổi%s\n", file, nnew, nchanged, nsame,
		       check ? " (kiểm tra, chưa nhập)" : " — đã nhập");
	else if (!problem)
		fprintf(stderr, "cong import: %lld dòng có lỗi: không nhập dòng nào\n", nbad);
	rc = mrc == M_OK ? 0 : 1;
	json_decref(rep);
out:
	json_decref(site);
	db_close(db);
	sb_release(&csv);
	free(dir);
	return rc;
}

static const char kinds_usage[] =
	"usage: cong kinds [--json]\n"
	"\n"
	"The kinds of content this build knows (model/kinds.c): name, address segment, label and fields\n"
	"(key, label, type, required, maximum, list/filter/search flags, choices).\n";

/* One field as `cong kinds --json` tells it (a table's columns the same way, under "columns"). */
static json_t *field_json(const struct kind_field *f)
{
	json_t *o = json_pack("{sssssssbsIsbsbsbsbsb}", "key", f->key, "label", f->label, "type", kind_type_name(f->type),
			      "required", (f->flags & FF_REQUIRED) != 0, "max", (json_int_t)f->max,
			      "filter", (f->flags & FF_FILTER) != 0, "list", (f->flags & FF_LIST) != 0,
			      "search", (f->flags & FF_SEARCH) != 0, "ident", (f->flags & FF_IDENT) != 0,
			      "open", (f->flags & FF_OPEN) != 0);
	if (f->choices) {
		json_t *ch = json_array();
		for (const struct kind_choice *c = f->choices; c->key; c++)
			json_array_append_new(ch, json_pack("{ssss}", "key", c->key, "label", c->label));
		json_object_set_new(o, "choices", ch);
	}
	if (f->ref_kind)
		json_object_set_new(o, "ref_kind", json_string(f->ref_kind));
	if (f->accept)
		json_object_set_new(o, "accept", json_string(f->accept));
	if (f->example)
		json_object_set_new(o, "example", json_string(f->example));
	if (f->type == F_ROWS) {
		json_t *cols = json_array();
		for (size_t j = 0; j < f->nsub; j++)
			json_array_append_new(cols, field_json(&f->sub[j]));
		json_object_set_new(o, "columns", cols);
		if (f->min)
			json_object_set_new(o, "min", json_integer((json_int_t)f->min));
	}
	return o;
}

int cmd_kinds(int argc, char **argv)
{
	int as_json = argc > 1 && strcmp(argv[1], "--json") == 0;
	if (argc > 1 && !as_json) {
		fputs(kinds_usage, strcmp(argv[1], "--help") == 0 ? stdout : stderr);
		return strcmp(argv[1], "--help") == 0 ? 0 : 2;
	}
	size_t n;
	const struct kind *const *ks = kind_all(&n);
	json_t *all = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct kind *k = ks[i];
		json_t *fields = json_array();
		for (size_t j = 0; j < k->nfields; j++) {
			const struct kind_field *f = &k->fields[j];
			json_t *o = field_json(f);
			json_array_append_new(fields, o);
		}
		json_t *ko = json_pack("{sssssssbsbso}", "name", k->name, "segment", k->segment, "label", k->label,
				       "body_required", (int)k->body_required, "has_cover", (int)k->has_cover, "fields", fields);
		json_object_set_new(ko, "title_label", json_string(k->title_label ? k->title_label : "Tiêu đề"));
		json_object_set_new(ko, "site_feed", json_boolean(k->site_feed));
		if (k->ident_sample)
			json_object_set_new(ko, "ident_sample", json_string(k->ident_sample));
		json_array_append_new(all, ko);
		if (!as_json) {
			printf("%-10s /%-10s %s\n", k->name, k->segment, k->label);
			for (size_t j = 0; j < k->nfields; j++)
				printf("    %-20s %-9s %s%s\n", k->fields[j].key, kind_type_name(k->fields[j].type), k->fields[j].label,
				       k->fields[j].flags & FF_REQUIRED ? " *" : "");
		}
	}
	if (as_json) {
		char *s = json_dumps(all, JSON_INDENT(1));
		puts(s);
		json_free_str(s);
	}
	json_decref(all);
	return 0;
}
