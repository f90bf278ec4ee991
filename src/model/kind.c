/* kind.c — the descriptor engine: checking descriptors, cleaning a kind's fields, and writing
 * what they imply (identifier, sort day, filter terms, links) beside the item. The kinds
 * themselves are declared in kinds.c. */
#include "internal.h"
#include "kind.h"
#include "deadline.h"
#include "ticket.h"
#include "db/db.h"
#include "base/util.h"
#include "base/utf8.h"
#include "base/sb.h"
#include "base/log.h"
#include "base/arena.h"
#include "base/locale.h"
#include "vn/calendar.h"
#include "vn/isoweek.h"
#include "vn/slug.h"
#include "vn/money.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

extern const struct kind *const kinds_declared[];
extern const size_t kinds_ndeclared;

const struct kind *const *kind_all(size_t *n)
{
	*n = kinds_ndeclared;
	return kinds_declared;
}

const struct kind *kind_find(const char *name)
{
	for (size_t i = 0; name && i < kinds_ndeclared; i++)
		if (strcmp(kinds_declared[i]->name, name) == 0)
			return kinds_declared[i];
	return NULL;
}

const struct kind *kind_by_segment(const char *segment)
{
	for (size_t i = 0; segment && i < kinds_ndeclared; i++)
		if (strcmp(kinds_declared[i]->segment, segment) == 0)
			return kinds_declared[i];
	return NULL;
}

const struct kind_field *kind_field(const struct kind *k, const char *key)
{
	for (size_t i = 0; key && i < k->nfields; i++)
		if (strcmp(k->fields[i].key, key) == 0)
			return &k->fields[i];
	return NULL;
}

static const struct kind_field *field_flagged(const struct kind *k, unsigned flag)
{
	for (size_t i = 0; i < k->nfields; i++)
		if (k->fields[i].flags & flag)
			return &k->fields[i];
	return NULL;
}

const struct kind_field *kind_ident_field(const struct kind *k)
{
	return field_flagged(k, FF_IDENT);
}

int kind_field_counted(const struct kind *k, const struct kind_field *f)
{
	(void)k;
	return f->type == F_REF && (f->flags & FF_COUNT);
}

const char *kind_type_name(enum field_type t)
{
	static const char *const names[] = { [F_TEXT] = "text", [F_LONGTEXT] = "longtext", [F_DATE] = "date",
					     [F_INT] = "int", [F_MONEY] = "money", [F_ENUM] = "enum", [F_TAGS] = "tags",
					     [F_REF] = "ref", [F_URL] = "url", [F_ROWS] = "rows", [F_FILE] = "file",
					     [F_TIME] = "time" };
	return (size_t)t < sizeof(names) / sizeof(names[0]) && names[t] ? names[t] : "text";
}

const struct kind_field *kind_sort_field(const struct kind *k)
{
	return field_flagged(k, FF_SORT);
}

/* ---- checking descriptors ---- */

static int ident_ok(const char *s, int allow_dash)
{
	if (!s || !*s || !islower((unsigned char)*s))
		return 0;
	for (; *s; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) && *s != (allow_dash ? '-' : '_'))
			return 0;
	return 1;
}

/* Keys the item table, the form and the CSV import already give every kind: a field may not
 * shadow them. */
static const char *const reserved_keys[] = { "id", "kind", "site_id", "state", "title", "slug", "summary", "body",
					     "category_id", "lang", "fields", "ref", "ref_key", "item_day", "q", "trang",
					     "csrf", "note", "attachments", "tep", "tieu_de", "trich_yeu", "tom_tat",
					     "noi_dung", "url", "nam", NULL };

/* The fields a kind's metadata mapping names (kind.meta): each a field of the kind of a type its
 * use needs, so that a typo is caught when cong starts rather than leaving a page without its
 * creator. 0, or -1 with the sentence in ERR. */
static int meta_props_check(const struct kind *k, const char *what, const struct kind_prop *p, size_t np,
			    const struct kind_field *fields, size_t nfields, char *err, size_t n)
{
	for (size_t i = 0; i < np; i++) {
		const struct kind_field *f = NULL, *t = NULL;
		for (size_t j = 0; j < nfields; j++) {
			if (p[i].key && strcmp(fields[j].key, p[i].key) == 0)
				f = &fields[j];
			if (p[i].time_key && strcmp(fields[j].key, p[i].time_key) == 0)
				t = &fields[j];
		}
		if (!p[i].prop || !*p[i].prop || !f || f->type == F_FILE || f->type == F_ROWS) {
			snprintf(err, n, "kind %s: metadata %s: property %s needs a field of text, a date, a choice or a number",
				 k->name, what, p[i].prop ? p[i].prop : "(null)");
			return -1;
		}
		if (p[i].time_key && (f->type != F_DATE || !t || t->type != F_TIME)) {
			snprintf(err, n, "kind %s: metadata %s: property %s: a time goes with a date field and a time field",
				 k->name, what, p[i].prop);
			return -1;
		}
		if (p[i].need_time && !p[i].time_key) {
			snprintf(err, n, "kind %s: metadata %s: property %s needs a time but names no time field", k->name,
				 what, p[i].prop);
			return -1;
		}
		if (p[i].wrap_prop && !p[i].wrap) {
			snprintf(err, n, "kind %s: metadata %s: property %s names a property of no object", k->name, what,
				 p[i].prop);
			return -1;
		}
	}
	return 0;
}

static int meta_check(const struct kind *k, char *err, size_t n)
{
	const struct kind_meta *m = k->meta;
	if (!m)
		return 0;
	const struct {
		const char *key, *what;
		int type; /* the field type it needs; -1 any with a text (not a file, a table) */
	} keys[] = {
		{ m->creator, "creator", -1 }, { m->contributor, "contributor", -1 }, { m->date, "date", F_DATE },
		{ m->subject, "subject", -1 }, { m->source, "source", -1 },           { m->coverage, "coverage", -1 },
		{ m->image, "image", F_FILE }, { m->rows, "rows", F_ROWS },
	};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		const struct kind_field *f = keys[i].key ? kind_field(k, keys[i].key) : NULL;
		if (keys[i].key && (!f || (keys[i].type >= 0 && f->type != (enum field_type)keys[i].type) ||
				    (keys[i].type < 0 && (f->type == F_FILE || f->type == F_ROWS)) ||
				    (f->flags & FF_PERSONAL))) {
			snprintf(err, n, "kind %s: metadata %s names %s, no field of the kind it needs", k->name,
				 keys[i].what, keys[i].key);
			return -1;
		}
	}
	if (meta_props_check(k, "props", m->props, m->nprops, k->fields, k->nfields, err, n))
		return -1;
	if ((m->rows != NULL) != (m->row_type != NULL && m->rows_prop != NULL)) {
		snprintf(err, n, "kind %s: metadata rows need their field, type and property together", k->name);
		return -1;
	}
	if (m->rows) {
		const struct kind_field *f = kind_field(k, m->rows);
		if (meta_props_check(k, "row_props", m->row_props, m->nrow_props, f->sub, f->nsub, err, n))
			return -1;
	} else if (m->nrow_props) {
		snprintf(err, n, "kind %s: metadata row properties without rows", k->name);
		return -1;
	}
	return 0;
}

int kind_check(const struct kind *k, char *err, size_t n)
{
#define BAD(...) do { snprintf(err, n, __VA_ARGS__); return -1; } while (0)
	if (!k || !ident_ok(k->name, 0))
		BAD("kind %s: the name must be lower-case letters, digits and '_'", k && k->name ? k->name : "(null)");
	if (!ident_ok(k->segment, 1))
		BAD("kind %s: the URL segment must be lower-case letters, digits and '-'", k->name);
	if (!k->label || !*k->label || !k->label_one || !*k->label_one)
		BAD("kind %s: a label is needed", k->name);
	if (k->nfields && !k->fields)
		BAD("kind %s: %zu fields declared but none given", k->name, k->nfields);
	int idents = 0, sorts = 0;
	for (size_t i = 0; i < k->nfields; i++) {
		const struct kind_field *f = &k->fields[i];
		if (!ident_ok(f->key, 0))
			BAD("kind %s: field %zu: the key must be lower-case letters, digits and '_'", k->name, i + 1);
		for (const char *const *r = reserved_keys; *r; r++)
			if (strcmp(*r, f->key) == 0)
				BAD("kind %s: field %s: the key is one of the item's own columns", k->name, f->key);
		for (size_t j = 0; j < i; j++)
			if (strcmp(k->fields[j].key, f->key) == 0)
				BAD("kind %s: field %s is declared twice", k->name, f->key);
		/* the kind's own texts' locale keys (kind_tr) end so */
		if (strcmp(f->key, "one") == 0 || strcmp(f->key, "title") == 0 || strcmp(f->key, "term") == 0)
			BAD("kind %s: field %s: the key names one of the kind's own texts", k->name, f->key);
		if (!f->label || !*f->label)
			BAD("kind %s: field %s has no label", k->name, f->key);
		if (f->type == F_ENUM && (!f->choices || !f->choices[0].key))
			BAD("kind %s: field %s is a choice without choices", k->name, f->key);
		if (f->type != F_ENUM && f->choices)
			BAD("kind %s: field %s has choices but is not a choice", k->name, f->key);
		if (f->type == F_REF && !kind_find(f->ref_kind))
			BAD("kind %s: field %s refers to an unknown kind %s", k->name, f->key,
			    f->ref_kind ? f->ref_kind : "(none)");
		if ((f->type == F_TEXT || f->type == F_LONGTEXT || f->type == F_URL || f->type == F_TAGS ||
		     f->type == F_REF) && !f->max)
			BAD("kind %s: field %s needs a maximum length", k->name, f->key);
		if (f->flags & FF_IDENT) {
			if (f->type != F_TEXT)
				BAD("kind %s: field %s: an identifier must be one line of text", k->name, f->key);
			idents++;
		}
		if (f->flags & FF_SORT) {
			if (f->type != F_DATE)
				BAD("kind %s: field %s: lists sort on a date", k->name, f->key);
			sorts++;
		}
		if ((f->flags & FF_OPEN) && f->type != F_ENUM)
			BAD("kind %s: field %s: only a choice can be open", k->name, f->key);
		if ((f->flags & FF_PERSONAL) && (f->flags & (FF_FILTER | FF_FEED | FF_SEARCH | FF_LIST)))
			BAD("kind %s: field %s: personal data cannot be listed, filtered, searched or exported",
			    k->name, f->key);
		if ((f->flags & FF_COUNT) && (f->type != F_REF || !f->ref_kind || strcmp(f->ref_kind, k->name) == 0))
			BAD("kind %s: field %s: only a reference to another kind is counted", k->name, f->key);
		if (f->type == F_FILE && (f->flags & (FF_FILTER | FF_SEARCH | FF_IDENT)))
			BAD("kind %s: field %s: a file cannot be filtered, searched or an identifier", k->name, f->key);
		if ((f->type == F_ROWS) != (f->sub != NULL && f->nsub > 0))
			BAD("kind %s: field %s: a table, and only a table, has columns", k->name, f->key);
		if (f->type == F_ROWS) {
			if (!f->max)
				BAD("kind %s: field %s needs the largest number of rows", k->name, f->key);
			if (f->flags & (FF_FILTER | FF_IDENT | FF_LIST))
				BAD("kind %s: field %s: a table cannot be filtered, listed or an identifier", k->name, f->key);
			for (size_t j = 0; j < f->nsub; j++) {
				const struct kind_field *c = &f->sub[j];
				if (!ident_ok(c->key, 0) || !c->label || !*c->label)
					BAD("kind %s: field %s: column %zu needs a key and a label", k->name, f->key, j + 1);
				if (strcmp(c->key, "help") == 0 || strcmp(c->key, "rev") == 0)
					BAD("kind %s: field %s: column %s: the key names one of the field's texts", k->name, f->key, c->key);
				for (size_t m = 0; m < j; m++)
					if (strcmp(f->sub[m].key, c->key) == 0)
						BAD("kind %s: field %s: column %s is declared twice", k->name, f->key, c->key);
				if (c->type == F_ROWS || c->type == F_REF || c->type == F_TAGS)
					BAD("kind %s: field %s: column %s cannot be a table, a reference or a list",
					    k->name, f->key, c->key);
				if (c->flags & ~(unsigned)FF_REQUIRED)
					BAD("kind %s: field %s: column %s: a column can only be required", k->name, f->key, c->key);
				if (c->type == F_ENUM && (!c->choices || !c->choices[0].key))
					BAD("kind %s: field %s: column %s is a choice without choices", k->name, f->key, c->key);
				if ((c->type == F_TEXT || c->type == F_LONGTEXT || c->type == F_URL) && !c->max)
					BAD("kind %s: field %s: column %s needs a maximum length", k->name, f->key, c->key);
			}
		}
	}
	if (k->term_choices && (!k->list_term || !k->term_label || !k->derive || kind_field(k, k->list_term)))
		BAD("kind %s: a derived term's choices need its list term (not a field's key), label and derive hook", k->name);
	if (k->tabs && !(k->term_choices && strcmp(k->tabs, k->list_term) == 0)) {
		const struct kind_field *t = kind_field(k, k->tabs);
		if (!t || t->type != F_ENUM || !(t->flags & FF_FILTER) || (t->flags & FF_OPEN))
			BAD("kind %s: the tabs must be a filter on a closed choice", k->name);
	}
	if (idents > 1)
		BAD("kind %s: more than one identifier field", k->name);
	if (k->ident_unique && !idents)
		BAD("kind %s: unique identifiers without an identifier field", k->name);
	if (sorts > 1)
		BAD("kind %s: more than one sort date", k->name);
	if (meta_check(k, err, n))
		return -1;
	return 0;
#undef BAD
}

int kinds_check(char *err, size_t n)
{
	for (size_t i = 0; i < kinds_ndeclared; i++) {
		const struct kind *k = kinds_declared[i];
		if (kind_check(k, err, n))
			return -1;
		for (size_t j = 0; j < i; j++) {
			if (strcmp(kinds_declared[j]->name, k->name) == 0) {
				snprintf(err, n, "kind %s is declared twice", k->name);
				return -1;
			}
			if (strcmp(kinds_declared[j]->segment, k->segment) == 0) {
				snprintf(err, n, "kinds %s and %s share the URL segment %s", kinds_declared[j]->name,
					 k->name, k->segment);
				return -1;
			}
		}
	}
	return 0;
}

/* ---- cleaning values ---- */

char *kind_ident_key(const struct kind *k, const char *ref)
{
	if (!ref || !*ref)
		return NULL;
	if (k && k->ident_key)
		return k->ident_key(ref);
	char *f = vn_fold(ref);
	if (!f)
		return NULL;
	char *w = f;
	for (const char *p = f; *p; p++) {
		if (*p == ' ' || *p == '\t') {
			if (w > f && w[-1] != ' ')
				*w++ = ' ';
		} else {
			*w++ = *p;
		}
	}
	while (w > f && w[-1] == ' ')
		w--;
	*w = 0;
	if (!*f) {
		free(f);
		return NULL;
	}
	return f;
}

int kind_ident_taken(struct db *db, const struct kind *k, int64_t site_id, int64_t item_id, json_t *fields)
{
	const struct kind_field *idf = k->ident_unique ? kind_ident_field(k) : NULL;
	char *key = idf ? kind_ident_key(k, json_string_value(json_object_get(fields, idf->key))) : NULL;
	if (!key)
		return 0;
	/* items.ref_key is derived from every save of an unpublished item and from the published
	 * version of a live one: the identifiers the site's items have now */
	/* among the items of the same language: a translation keeps its source's identifier
	 * (model/translation.h) */
	struct db_stmt *st = db_stmt(db, "SELECT 1 FROM items WHERE kind = ?1 AND ref_key = ?2 AND site_id = ?3"
				       " AND id <> ?4 AND state <> 'withdrawn'"
				       " AND lang = coalesce((SELECT lang FROM items WHERE id = ?4), 'vi') LIMIT 1");
	int rc = -1;
	if (st) {
		db_bind_text(st, 1, k->name);
		db_bind_text(st, 2, key);
		db_bind_int(st, 3, site_id);
		db_bind_int(st, 4, item_id);
		int step = db_step(st);
		rc = step == DB_ROW ? 1 : step == DB_DONE ? 0 : -1;
		db_reset(st);
	}
	free(key);
	return rc;
}

const char *kind_text(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

/* ---- the kinds' texts in every language (#16) ----
 * A descriptor's texts have locale keys derived from its names, "kind.<name>" followed by a path:
 * none for its label, ".one" its label in sentences, ".title" what its title is called, ".term"
 * its derived term's name and ".term=<value>" the term's values, ".<field>" a field's label,
 * ".<field>.help" its help line, ".<field>.rev" its reverse relation's name, ".<field>=<choice>"
 * a choice's label, ".<field>.<column>" a table's column (with ".help" and "=<choice>" as a
 * field's). Vietnamese has one source, the descriptor: kind_locale_load adds it to the loaded
 * "vi" texts, so that the locale test holds locale/<lang>/kinds.json to the same keys as any
 * other part. */

static const char *choice_vi(const struct kind_choice *c, const char *key)
{
	for (; c && c->key; c++)
		if (strcmp(c->key, key) == 0)
			return c->label;
	return NULL;
}

static const struct kind_field *field_in(const struct kind_field *fields, size_t n, const char *key, size_t len)
{
	for (size_t i = 0; fields && i < n; i++)
		if (strlen(fields[i].key) == len && strncmp(fields[i].key, key, len) == 0)
			return &fields[i];
	return NULL;
}

/* The Vietnamese text of PATH on K (above), NULL when the descriptor has none. */
static const char *kind_vi(const struct kind *k, const char *path)
{
	if (!path)
		return k->label;
	const char *eq = strchr(path, '=');
	size_t n = eq ? (size_t)(eq - path) : strlen(path);
	if (n == 3 && strncmp(path, "one", 3) == 0 && !eq)
		return k->label_one;
	if (n == 5 && strncmp(path, "title", 5) == 0 && !eq)
		return k->title_label;
	if (n == 12 && strncmp(path, "access_group", 12) == 0 && !eq)
		return k->access_group;
	if (n == 4 && strncmp(path, "term", 4) == 0)
		return eq ? choice_vi(k->term_choices, eq + 1) : k->term_label;
	const char *dot = memchr(path, '.', n);
	const struct kind_field *f = field_in(k->fields, k->nfields, path, dot ? (size_t)(dot - path) : n);
	if (f && dot) {
		const char *rest = dot + 1;
		size_t rn = n - (size_t)(rest - path);
		if (rn == 4 && strncmp(rest, "help", 4) == 0 && !eq)
			return f->help;
		if (rn == 3 && strncmp(rest, "rev", 3) == 0 && !eq)
			return f->rev_label;
		const char *dot2 = memchr(rest, '.', rn);
		const struct kind_field *c = field_in(f->sub, f->nsub, rest, dot2 ? (size_t)(dot2 - rest) : rn);
		if (!c)
			return NULL;
		if (dot2)
			return strncmp(dot2 + 1, "help", 4) == 0 && (size_t)(path + n - dot2) == 5 && !eq ? c->help : NULL;
		f = c;
	}
	if (!f)
		return NULL;
	return eq ? choice_vi(f->choices, eq + 1) : f->label;
}

const char *kind_tr(json_t *texts, const struct kind *k, const char *path)
{
	char key[256];
	if (!k)
		return "";
	snprintf(key, sizeof(key), path ? "kind.%s.%s" : "kind.%s", k->name, path);
	const char *s = json_string_value(json_object_get(texts, key));
	return s && *s ? s : kind_vi(k, path);
}

/* The path of F (a field of K or a column of one of its tables) with SUFFIX (".help", "=<key>"). */
static void field_path(const struct kind *k, const struct kind_field *f, const char *suffix, char *out, size_t n)
{
	const char *parent = NULL;
	for (size_t i = 0; i < k->nfields && !parent; i++)
		if (k->fields[i].sub && f >= k->fields[i].sub && f < k->fields[i].sub + k->fields[i].nsub)
			parent = k->fields[i].key;
	snprintf(out, n, "%s%s%s%s", parent ? parent : "", parent ? "." : "", f->key, suffix ? suffix : "");
}

const char *kind_tr_field(json_t *texts, const struct kind *k, const struct kind_field *f, const char *what)
{
	char path[200];
	if (!k || !f)
		return "";
	field_path(k, f, what, path, sizeof(path));
	const char *s = kind_tr(texts, k, path);
	/* a field of a form that is not a declared kind (tickets' forms) keeps its own label */
	return s ? s : !what ? f->label : strcmp(what, ".help") == 0 ? f->help : strcmp(what, ".rev") == 0 ? f->rev_label : NULL;
}

const char *kind_tr_choice(json_t *texts, const struct kind *k, const struct kind_field *f, const char *key)
{
	char suffix[160];
	snprintf(suffix, sizeof(suffix), "=%s", key ? key : "");
	const char *s = kind_tr_field(texts, k, f, suffix);
	return s ? s : kind_choice_label(f, key);
}

/* Adds K's text at PATH to VI under its key. -1 with ERR when the key is there already. */
static int vi_add(json_t *vi, const struct kind *k, const char *path, char *err, size_t n)
{
	const char *s = kind_vi(k, path);
	char key[256];
	if (!s)
		return 0;
	snprintf(key, sizeof(key), path ? "kind.%s.%s" : "kind.%s", k->name, path);
	if (json_object_get(vi, key)) {
		snprintf(err, n, "locale/vi: \"%s\" is the descriptor's text (model/kinds.c), not a locale file's", key);
		return -1;
	}
	json_object_set_new(vi, key, json_string(s));
	return 0;
}

static int vi_add_field(json_t *vi, const struct kind *k, const struct kind_field *f, char *err, size_t n)
{
	char path[200];
	const char *suffixes[] = { NULL, ".help", ".rev" };
	for (size_t i = 0; i < ARRAY_SIZE(suffixes); i++) {
		field_path(k, f, suffixes[i], path, sizeof(path));
		if (vi_add(vi, k, path, err, n))
			return -1;
	}
	for (const struct kind_choice *c = f->choices; c && c->key; c++) {
		char suffix[160];
		snprintf(suffix, sizeof(suffix), "=%s", c->key);
		field_path(k, f, suffix, path, sizeof(path));
		if (vi_add(vi, k, path, err, n))
			return -1;
	}
	for (size_t j = 0; j < f->nsub; j++)
		if (vi_add_field(vi, k, &f->sub[j], err, n))
			return -1;
	return 0;
}

/* Adds K's texts (label, title, term, fields) to VI. -1 with ERR when one is there already. */
static int vi_add_kind(json_t *vi, const struct kind *k, char *err, size_t n)
{
	const char *paths[] = { NULL, "one", "title", "term", "access_group" };
	for (size_t p = 0; p < ARRAY_SIZE(paths); p++)
		if (vi_add(vi, k, paths[p], err, n))
			return -1;
	for (const struct kind_choice *c = k->term_choices; c && c->key; c++) {
		char path[160];
		snprintf(path, sizeof(path), "term=%s", c->key);
		if (vi_add(vi, k, path, err, n))
			return -1;
	}
	for (size_t j = 0; j < k->nfields; j++)
		if (vi_add_field(vi, k, &k->fields[j], err, n))
			return -1;
	return 0;
}

/* The model's own Vietnamese texts join the locale files' here: the kinds' and the workflow's. */
json_t *kind_locale_load(const char *root, char *err, size_t n)
{
	json_t *all = locale_load(root, err, n);
	json_t *vi = locale_dict(all, LOCALE_DEFAULT);
	if (!all)
		return NULL;
	if (!vi) {
		vi = json_object();
		json_object_set_new(all, LOCALE_DEFAULT, vi);
	}
	size_t nk;
	const struct kind *const *ks = kind_all(&nk);
	for (size_t i = 0; i < nk; i++) {
		if (vi_add_kind(vi, ks[i], err, n)) {
			json_decref(all);
			return NULL;
		}
	}
	/* the public forms of tickets (model/tickets.c) are descriptors too, with their own keys
	 * ("kind.question_form.ho_ten"…), and the note on their personal data "ticket.<name>.why"
	 * (#16: the forms of /en/ and /km/ pages in that language) */
	const struct ticket_kind *const *tks = ticket_kinds(&nk);
	for (size_t i = 0; i < nk; i++) {
		char key[160];
		snprintf(key, sizeof(key), "ticket.%s.why", tks[i]->name);
		int bad = tks[i]->form && vi_add_kind(vi, tks[i]->form, err, n);
		if (!bad && json_object_get(vi, key)) {
			snprintf(err, n, "locale/vi: \"%s\" is the descriptor's text (model/tickets.c)", key);
			bad = 1;
		}
		if (bad) {
			json_decref(all);
			return NULL;
		}
		if (tks[i]->why)
			json_object_set_new(vi, key, json_string(tks[i]->why));
	}
	if (wf_locale_add(vi, err, n)) {
		json_decref(all);
		return NULL;
	}
	/* the deadlines' and the tickets' sentences (#16), and their formats checked once they are all in */
	if (deadline_locale_add(vi, err, n) || ticket_locale_add(vi, err, n) || locale_formats_check(all, err, n)) {
		json_decref(all);
		return NULL;
	}
	return all;
}

int32_t kind_day(const char *s)
{
	vn_date d;
	if (!s || vn_date_parse(s, &d))
		return 0;
	return vn_date_to_days(d);
}

/* "YYYY-MM-DD", "dd/mm/yyyy" or "d/m/yyyy" (also with '-' or '.') into "YYYY-MM-DD". */
static int date_normalize(const char *s, char out[11])
{
	vn_date d;
	if (vn_date_parse(s, &d) == 0) {
		vn_date_format(d, out);
		return 0;
	}
	int a, b, y, used = 0;
	char s1, s2;
	if (sscanf(s, "%2d%c%2d%c%4d%n", &a, &s1, &b, &s2, &y, &used) != 5 || s[used] || s1 != s2 ||
	    (s1 != '/' && s1 != '-' && s1 != '.'))
		return -1;
	d = (vn_date){ y, b, a };
	if (y < VN_YEAR_MIN || y > VN_YEAR_MAX || !vn_date_valid(d))
		return -1;
	vn_date_format(d, out);
	return 0;
}

/* RAW's value of KEY as one string ("" when absent; arrays joined with "; "). malloc'd. */
static char *raw_string(json_t *raw, const char *key)
{
	json_t *v = json_object_get(raw, key);
	if (json_is_string(v))
		return xstrdup(json_string_value(v));
	if (json_is_array(v)) {
		struct sb b = SB_INIT;
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x) {
			if (!json_is_string(x))
				continue;
			if (b.len)
				sb_adds(&b, "; ");
			sb_adds(&b, json_string_value(x));
		}
		return sb_detach(&b, NULL);
	}
	if (json_is_integer(v)) {
		char num[32];
		snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(v));
		return xstrdup(num);
	}
	return xstrdup("");
}

/* Splits S on ';' (and new lines) into trimmed, non-empty, distinct parts. */
static json_t *split_list(const char *s, size_t max_len, int *too_long)
{
	json_t *a = json_array();
	const char *p = s;
	while (*p) {
		size_t n = strcspn(p, ";\n");
		char *part = xstrndup(p, n);
		char *c = text_clean(part, 0);
		free(part);
		if (c && *c) {
			int dup = 0;
			size_t i;
			json_t *x;
			json_array_foreach(a, i, x)
				dup |= strcmp(json_string_value(x), c) == 0;
			if (utf8_length(c) > max_len)
				*too_long = 1;
			if (!dup)
				json_array_append_new(a, json_string(c));
		}
		free(c);
		p += n;
		if (*p)
			p++;
	}
	return a;
}

static int url_ok(const char *u)
{
	return (strncmp(u, "http://", 7) == 0 && u[7]) || (strncmp(u, "https://", 8) == 0 && u[8]);
}

/* Where a value's message goes: under the field's key, or (a table's cell) under
 * "TABLE.ROW.COLUMN" with one message under the table's key too. */
struct at {
	const struct kind_field *table;
	size_t row;
};

static void err_at(struct errs *e, const struct at *w, const struct kind_field *f, const char *key)
{
	if (w && w->table)
		errs_add_cell(e, w->table->key, w->row, f->key, key);
	else
		errs_add(e, f->key, key);
}

/* V (clean, not empty) as field F stores it; an invalid value is kept as typed, with its message. */
static json_t *clean_value(const struct kind_field *f, const char *v, const struct at *w, struct errs *e)
{
	switch (f->type) {
	case F_TEXT:
	case F_LONGTEXT:
	case F_URL:
		if (utf8_length(v) > f->max)
			err_at(e, w, f, "too_long");
		if (f->type == F_URL && !url_ok(v))
			err_at(e, w, f, "url_invalid");
		return json_string(v);
	case F_DATE: {
		char d[11];
		if (date_normalize(v, d)) {
			err_at(e, w, f, "day_invalid");
			return json_string(v); /* kept as typed */
		}
		return json_string(d);
	}
	case F_TIME: {
		int m = day_minutes_parse(v);
		if (m < 0) {
			err_at(e, w, f, "time_invalid");
			return json_string(v); /* kept as typed */
		}
		char t[16];
		snprintf(t, sizeof(t), "%02d:%02d", m / 60 % 24, m % 60);
		return json_string(t);
	}
	case F_INT:
	case F_MONEY: {
		/* amounts as they are written: "1.250.000.000 đồng", "1 250 000", "125,5 tỷ" */
		int64_t n;
		if (f->type == F_MONEY ? vn_money_parse(v, &n) : parse_i64(v, INT64_MIN / 2, INT64_MAX / 2, &n)) {
			err_at(e, w, f, f->type == F_MONEY ? "money_invalid" : "number_invalid");
			return json_string(v);
		}
		return json_integer(n);
	}
	case F_FILE: {
		/* the file's id in the library (kind_files_check: the site's, of a type accepted) */
		int64_t n;
		if (parse_i64(v, 1, INT64_MAX / 2, &n)) {
			err_at(e, w, f, "file_invalid");
			return json_string(v);
		}
		return json_integer(n);
	}
	case F_ENUM: {
		const struct kind_choice *c = f->choices;
		/* the key, or its label as people (and old portals' exports) write it */
		while (c->key && strcmp(c->key, v) != 0 && strcmp(c->label, v) != 0)
			c++;
		if (c->key)
			return json_string(c->key);
		if (!(f->flags & FF_OPEN))
			err_at(e, w, f, "choice_invalid");
		else if (utf8_length(v) > 100)
			err_at(e, w, f, "too_long");
		return json_string(v);
	}
	case F_TAGS:
	case F_REF: {
		int too_long = 0;
		json_t *a = split_list(v, f->type == F_REF ? 100 : 200, &too_long);
		if (too_long || json_array_size(a) > f->max)
			err_at(e, w, f, "too_long");
		if (f->type == F_REF) {
			size_t j;
			json_t *x;
			json_array_foreach(a, j, x) {
				char *key = kind_ident_key(kind_find(f->ref_kind), json_string_value(x));
				if (!key)
					err_at(e, w, f, "reference_invalid");
				free(key);
			}
		}
		return a;
	}
	case F_ROWS:
		break; /* clean_rows */
	}
	return json_string(v);
}

/* RAW's rows of table F: an array of objects (the form, the API), or text with a row per line
 * and cells " | " apart in the columns' order (a CSV cell). Each an object of strings; new. */
static json_t *raw_rows(const struct kind_field *f, json_t *raw)
{
	json_t *v = json_object_get(raw, f->key), *rows = json_array();
	if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x) {
			json_t *o = json_object();
			for (size_t j = 0; j < f->nsub; j++) {
				char *s = raw_string(x, f->sub[j].key);
				json_object_set_new(o, f->sub[j].key, json_string(s));
				free(s);
			}
			json_array_append_new(rows, o);
		}
	} else if (json_is_string(v)) {
		const char *p = json_string_value(v);
		while (*p) {
			size_t n = strcspn(p, "\n"), j = 0;
			json_t *o = json_object();
			const char *q = p, *end = p + n;
			while (j < f->nsub) {
				const char *bar = memchr(q, '|', (size_t)(end - q));
				const char *stop = bar ? bar : end;
				char *cell = xstrndup(q, (size_t)(stop - q));
				json_object_set_new(o, f->sub[j++].key, json_string(cell));
				free(cell);
				if (!bar)
					break;
				q = bar + 1;
			}
			while (j < f->nsub)
				json_object_set_new(o, f->sub[j++].key, json_string(""));
			json_array_append_new(rows, o);
			p = *end ? end + 1 : end;
		}
	}
	return rows;
}

/* Table F's rows from RAW, clean: rows with no value left out, every cell checked. */
static json_t *clean_rows(const struct kind_field *f, json_t *raw, struct errs *e)
{
	json_t *in = raw_rows(f, raw), *out = json_array(), *x;
	size_t i;
	int before = e->n;
	json_array_foreach(in, i, x) {
		json_t *o = json_object();
		int any = 0;
		size_t row = json_array_size(out);
		struct at w = { f, row };
		for (size_t j = 0; j < f->nsub; j++) {
			const struct kind_field *c = &f->sub[j];
			char *v = text_clean(json_string_value(json_object_get(x, c->key)), c->type == F_LONGTEXT);
			if (!v) {
				err_at(e, &w, c, "invalid_utf8");
				continue;
			}
			any |= *v != 0;
			json_object_set_new(o, c->key, *v ? clean_value(c, v, &w, e) : json_string(""));
			free(v);
		}
		if (!any) {
			json_decref(o);
			continue;
		}
		for (size_t j = 0; j < f->nsub; j++) { /* a row with values has its required ones */
			json_t *cv = json_object_get(o, f->sub[j].key);
			if ((f->sub[j].flags & FF_REQUIRED) && json_is_string(cv) && !*json_string_value(cv))
				err_at(e, &w, &f->sub[j], "required");
		}
		json_array_append_new(out, o);
	}
	json_decref(in);
	if (json_array_size(out) > f->max)
		errs_add(e, f->key, "rows_too_many");
	else if (f->min && json_array_size(out) < f->min && (json_array_size(out) || (f->flags & FF_REQUIRED))) {
		char msg[96];
		snprintf(msg, sizeof(msg), "Cần ít nhất %zu dòng.", f->min);
		errs_add_text(e, f->key, "rows_too_few", msg);
	} else if (e->n > before)
		errs_add(e, f->key, "rows_invalid");
	else if (!json_array_size(out) && (f->flags & FF_REQUIRED))
		errs_add(e, f->key, "required");
	return out;
}

void kind_fields_clean(const struct kind *k, json_t *raw, json_t **out, struct errs *e)
{
	json_t *o = json_object();
	for (size_t i = 0; i < k->nfields; i++) {
		const struct kind_field *f = &k->fields[i];
		if (f->type == F_ROWS) {
			json_object_set_new(o, f->key, clean_rows(f, raw, e));
			continue;
		}
		char *s = raw_string(raw, f->key);
		char *v = text_clean(s, f->type == F_LONGTEXT);
		free(s);
		if (!v) {
			errs_add(e, f->key, "invalid_utf8");
			continue;
		}
		if (!*v) {
			if (f->flags & FF_REQUIRED)
				errs_add(e, f->key, "required");
			json_object_set_new(o, f->key, f->type == F_TAGS || f->type == F_REF ? json_array() : json_string(""));
		} else {
			json_object_set_new(o, f->key, clean_value(f, v, NULL, e));
		}
		free(v);
	}
	const struct kind_field *id = kind_ident_field(k);
	if (id) {
		const char *num = json_string_value(json_object_get(o, id->key));
		char *key = num && *num ? kind_ident_key(k, num) : NULL;
		if (num && *num && !key)
			errs_add(e, id->key, "ident_invalid");
		free(key);
	}
	if (k->check)
		k->check(k, o, e);
	*out = o;
}

int kind_file_accepts(const char *accept, const char *mime)
{
	if (!accept)
		return 1;
	if (!mime)
		return 0;
	for (const char *p = accept; *p;) {
		size_t n = strcspn(p, ";");
		if (n && strncmp(mime, p, n) == 0)
			return 1;
		p += n;
		if (*p)
			p++;
	}
	return 0;
}

static void file_check(struct db *db, int64_t site_id, const struct kind_field *f, json_t *v, const struct at *w,
		       struct errs *e)
{
	if (!json_is_integer(v))
		return; /* empty, or refused by the cleaning */
	struct db_stmt *st = db_stmt(db, "SELECT mime FROM media WHERE id = ? AND site_id = ?");
	if (!st) {
		err_at(e, w, f, "file_invalid");
		return;
	}
	db_bind_int(st, 1, json_integer_value(v));
	db_bind_int(st, 2, site_id);
	json_t *m = db_one_json(st);
	if (!m)
		err_at(e, w, f, "file_invalid");
	else if (!kind_file_accepts(f->accept, json_string_value(json_object_get(m, "mime"))))
		err_at(e, w, f, "file_type_invalid");
	json_decref(m);
}

void kind_files_check(struct db *db, int64_t site_id, const struct kind *k, json_t *fields, struct errs *e)
{
	for (size_t i = 0; i < k->nfields; i++) {
		const struct kind_field *f = &k->fields[i];
		json_t *v = json_object_get(fields, f->key);
		if (f->type == F_FILE) {
			file_check(db, site_id, f, v, NULL, e);
		} else if (f->type == F_ROWS) {
			int before = e->n;
			size_t r;
			json_t *row;
			json_array_foreach(v, r, row) {
				struct at w = { f, r };
				for (size_t j = 0; j < f->nsub; j++)
					if (f->sub[j].type == F_FILE)
						file_check(db, site_id, &f->sub[j], json_object_get(row, f->sub[j].key), &w, e);
			}
			if (e->n > before)
				errs_add(e, f->key, "rows_invalid");
		}
	}
}

int kind_choice_known(const struct kind_field *f, const char *key)
{
	for (const struct kind_choice *c = f->choices; key && c && c->key; c++)
		if (strcmp(c->key, key) == 0)
			return 1;
	return 0;
}

const char *kind_choice_label(const struct kind_field *f, const char *key)
{
	for (const struct kind_choice *c = f->choices; c && c->key; c++)
		if (strcmp(c->key, key) == 0)
			return c->label;
	return key;
}

/* V as text: for people (MACHINE 0: dates dd/mm/yyyy, choices by label) or as stored. A table:
 * a row per line, cells " | " apart in the columns' order (what the CSV import reads back). */
/* TEXTS and K (may be NULL: Vietnamese): the language whose choice labels are shown (#16). */
static char *value_text(const struct kind_field *f, json_t *v, int machine, json_t *texts, const struct kind *k)
{
	if (f && f->type == F_ROWS) {
		struct sb b = SB_INIT;
		size_t i;
		json_t *row;
		json_array_foreach(v, i, row) {
			if (i)
				sb_addc(&b, '\n');
			for (size_t j = 0; j < f->nsub; j++) {
				char *t = value_text(&f->sub[j], json_object_get(row, f->sub[j].key), machine, texts, k);
				/* a cell's own '|' or new line would break the row apart */
				for (char *p = t; *p; p++)
					if (*p == '|' || *p == '\n' || *p == '\r')
						*p = *p == '|' ? '/' : ' ';
				if (j)
					sb_adds(&b, " | ");
				sb_adds(&b, t);
				free(t);
			}
		}
		return sb_detach(&b, NULL);
	}
	if (json_is_array(v)) {
		struct sb b = SB_INIT;
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x) {
			if (i)
				sb_adds(&b, "; ");
			sb_adds(&b, json_string_value(x) ? json_string_value(x) : "");
		}
		return sb_detach(&b, NULL);
	}
	if (json_is_integer(v)) {
		char num[48];
		if (f && f->type == F_MONEY && !machine) { /* "1.250.000.000 đồng"; exports: the number */
			char g[32];
			/* #16: the unit's name in the page's language (sitelang.json), "đồng" in Vietnamese */
			const char *unit = texts ? json_string_value(json_object_get(texts, "money_unit")) : NULL;
			snprintf(num, sizeof(num), "%s %s", vn_money_group(json_integer_value(v), g, sizeof(g)),
				 unit ? unit : "đồng");
		} else {
			snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(v));
		}
		return xstrdup(num);
	}
	const char *s = json_string_value(v);
	if (!s)
		return xstrdup("");
	if (!f || machine) /* as stored */
		return xstrdup(s);
	if (f->type == F_DATE) {
		vn_date d;
		if (vn_date_parse(s, &d) == 0) {
			char out[16];
			snprintf(out, sizeof(out), "%02d/%02d/%04d", d.d, d.m, d.y);
			return xstrdup(out);
		}
	}
	if (f->type == F_ENUM)
		return xstrdup(texts && k ? kind_tr_choice(texts, k, f, s) : kind_choice_label(f, s));
	return xstrdup(s);
}

char *kind_value_text(const struct kind_field *f, json_t *v)
{
	return value_text(f, v, 0, NULL, NULL);
}

char *kind_value_text_tr(json_t *texts, const struct kind *k, const struct kind_field *f, json_t *v)
{
	return value_text(f, v, 0, texts, k);
}

char *kind_value_machine(const struct kind_field *f, json_t *v)
{
	return value_text(f, v, 1, NULL, NULL);
}

char *kind_search_text(const struct kind *k, json_t *fields)
{
	struct sb b = SB_INIT;
	for (size_t i = 0; i < k->nfields; i++) {
		const struct kind_field *f = &k->fields[i];
		if (!(f->flags & FF_SEARCH))
			continue;
		char *t = kind_value_text(f, json_object_get(fields, f->key));
		if (*t) {
			if (b.len)
				sb_addc(&b, ' ');
			sb_adds(&b, t);
		}
		free(t);
	}
	return sb_detach(&b, NULL);
}

/* ---- derived columns and tables ---- */

int item_term_add(struct db *db, int64_t id, const char *key, const char *value)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO item_terms (item_id, key, value) VALUES (?, ?, ?)"
				       " ON CONFLICT DO NOTHING");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, key);
	db_bind_text(st, 3, value);
	return db_step_done(st);
}

int item_recheck_at(struct db *db, int64_t id, int32_t day)
{
	struct db_stmt *st = db_stmt(db, "UPDATE items SET recheck_day = ? WHERE id = ?");
	if (!st)
		return -1;
	if (day)
		db_bind_int(st, 1, day);
	db_bind_int(st, 2, id);
	return db_step_done(st);
}

int item_term_set(struct db *db, int64_t id, const char *key, const char *value)
{
	struct db_stmt *st = db_stmt(db, "DELETE FROM item_terms WHERE item_id = ? AND key = ?");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, key);
	return db_step_done(st) ? -1 : item_term_add(db, id, key, value);
}

/* What a list row shows of FIELDS (list_fields): the listed fields, never personal ones, and how
 * many items each counted reference names; JSON text (json_free_str), NULL when out of memory.
 * A list reads this small object instead of the whole fields (relations and all). */
static char *kind_list_fields(const struct kind *k, json_t *fields)
{
	json_t *l = json_object();
	for (size_t i = 0; i < k->nfields; i++) {
		const struct kind_field *f = &k->fields[i];
		json_t *v = json_object_get(fields, f->key);
		if (f->flags & FF_PERSONAL)
			continue;
		if (kind_field_counted(k, f))
			json_object_set_new(l, f->key, json_integer((json_int_t)json_array_size(v)));
		else if ((f->flags & FF_LIST) && v)
			json_object_set(l, f->key, v);
	}
	char *t = json_dumps(l, JSON_COMPACT);
	json_decref(l);
	return t;
}

static int item_file_add(struct db *db, int64_t id, json_t *v)
{
	if (!json_is_integer(v))
		return 0;
	struct db_stmt *st = db_stmt(db, "INSERT INTO item_files (item_id, media_id) SELECT ?1, id FROM media WHERE id = ?2"
				       " ON CONFLICT DO NOTHING");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, json_integer_value(v));
	return db_step_done(st);
}

/* item_files: the library files FIELDS and PENDING (the change waiting for approval; may be
 * NULL) name, nothing else. */
static int item_files_write(struct db *db, const struct kind *k, int64_t id, json_t *fields, json_t *pending)
{
	struct db_stmt *st = db_stmt(db, "DELETE FROM item_files WHERE item_id = ?");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	if (db_step_done(st))
		return -1;
	json_t *versions[2] = { fields, pending };
	for (int n = 0; n < 2; n++) {
		for (size_t i = 0; versions[n] && i < k->nfields; i++) {
			const struct kind_field *f = &k->fields[i];
			json_t *v = json_object_get(versions[n], f->key);
			if (f->type == F_FILE && item_file_add(db, id, v))
				return -1;
			if (f->type != F_ROWS)
				continue;
			size_t r;
			json_t *row;
			json_array_foreach(v, r, row)
				for (size_t j = 0; j < f->nsub; j++)
					if (f->sub[j].type == F_FILE && item_file_add(db, id, json_object_get(row, f->sub[j].key)))
						return -1;
		}
	}
	return 0;
}

int item_derive(struct db *db, int64_t id)
{
	return item_derive_at(db, id, vn_days_of_time(time_now()));
}

int item_derive_at(struct db *db, int64_t id, int32_t today)
{
	struct db_stmt *st = db_stmt(db, "SELECT i.kind, i.fields, i.lang, r.fields AS pending FROM items i"
				       " LEFT JOIN revisions r ON r.id = i.pending_rev_id WHERE i.id = ?");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	json_t *row = db_one_json(st);
	if (!row)
		return -1;
	const struct kind *k = kind_find(json_string_value(json_object_get(row, "kind")));
	json_t *fields = json_loads(json_string_value(json_object_get(row, "fields")), 0, NULL);
	const char *pending_text = json_string_value(json_object_get(row, "pending"));
	json_t *pending = pending_text ? json_loads(pending_text, 0, NULL) : NULL;
	/* A translation (model/translation.h) is listed on its own language's pages only: it has no
	 * filter terms, relations or identifier key, which the Vietnamese lists, the search by
	 * number and the links between documents read; its identifier is shown as written. */
	const char *lang = json_string_value(json_object_get(row, "lang"));
	int translation = lang && strcmp(lang, "vi") != 0;
	json_decref(row);
	int rc = -1;
	char *ref_key = NULL, *list = NULL;
	if (!k || !json_is_object(fields))
		goto out;
	if (item_files_write(db, k, id, fields, pending))
		goto out;

	const struct kind_field *idf = kind_ident_field(k), *sortf = kind_sort_field(k);
	const char *ref = idf ? json_string_value(json_object_get(fields, idf->key)) : NULL;
	if (ref && !*ref)
		ref = NULL;
	ref_key = ref && !translation ? kind_ident_key(k, ref) : NULL;
	int32_t day = sortf ? kind_day(json_string_value(json_object_get(fields, sortf->key))) : 0;
	st = db_stmt(db, "UPDATE items SET ref = ?, ref_key = ?, item_day = ? WHERE id = ?");
	if (!st)
		goto out;
	db_bind_text(st, 1, ref);
	db_bind_text(st, 2, ref_key);
	if (day)
		db_bind_int(st, 3, day);
	db_bind_int(st, 4, id);
	if (db_step_done(st))
		goto out;
	list = kind_list_fields(k, fields);
	st = db_stmt(db, "INSERT INTO item_list_fields (item_id, fields) VALUES (?1, ?2)"
			 " ON CONFLICT (item_id) DO UPDATE SET fields = excluded.fields");
	if (!st || !list)
		goto out;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, list);
	if (db_step_done(st))
		goto out;

	/* the filter terms: what the fields say now, nothing else */
	st = db_stmt(db, "DELETE FROM item_terms WHERE item_id = ?");
	if (!st)
		goto out;
	db_bind_int(st, 1, id);
	if (db_step_done(st))
		goto out;
	if (day) {
		char year[8];
		snprintf(year, sizeof(year), "%d", vn_days_to_date(day).y);
		if (item_term_add(db, id, "nam", year))
			goto out;
	}
	for (size_t i = 0; i < k->nfields; i++) {
		const struct kind_field *f = &k->fields[i];
		if (!(f->flags & FF_FILTER))
			continue;
		json_t *v = json_object_get(fields, f->key);
		if (json_is_string(v) && *json_string_value(v)) {
			if (item_term_add(db, id, f->key, json_string_value(v)))
				goto out;
		} else if (json_is_array(v)) {
			size_t j;
			json_t *x;
			json_array_foreach(v, j, x)
				if (json_is_string(x) && item_term_add(db, id, f->key, json_string_value(x)))
					goto out;
		}
	}

	/* the links this item makes: as its references say now */
	st = db_stmt(db, "DELETE FROM item_links WHERE from_id = ?");
	if (!st)
		goto out;
	db_bind_int(st, 1, id);
	if (db_step_done(st))
		goto out;
	for (size_t i = 0; i < k->nfields; i++) {
		const struct kind_field *f = &k->fields[i];
		if (f->type != F_REF)
			continue;
		json_t *v = json_object_get(fields, f->key);
		size_t j;
		json_t *x;
		json_array_foreach(v, j, x) {
			const char *to = json_string_value(x);
			char *key = to ? kind_ident_key(kind_find(f->ref_kind), to) : NULL;
			if (!key)
				continue;
			/* the target: an item of the referred kind with that identifier, the same
			 * site's first, else the main portal's, else any */
			st = db_stmt(db, "INSERT INTO item_links (from_id, relation, to_key, to_ref, to_id, position)"
					 " VALUES (?1, ?2, ?3, ?4, (SELECT t.id FROM items t JOIN sites s ON s.id = t.site_id"
					 " WHERE t.kind = ?5 AND t.ref_key = ?3 AND t.id <> ?1 AND t.state <> 'withdrawn'"
					 " ORDER BY t.site_id = (SELECT site_id FROM items WHERE id = ?1) DESC,"
					 " s.kind = 'main' DESC, t.id LIMIT 1), ?6) ON CONFLICT DO NOTHING");
			if (!st) {
				free(key);
				goto out;
			}
			db_bind_int(st, 1, id);
			db_bind_text(st, 2, f->key);
			db_bind_text(st, 3, key);
			db_bind_text(st, 4, to);
			db_bind_text(st, 5, f->ref_kind);
			db_bind_int(st, 6, (int64_t)j);
			free(key);
			if (db_step_done(st))
				goto out;
		}
	}
	/* references made earlier to this identifier, waiting for it: linked now */
	if (ref_key) {
		st = db_stmt(db, "UPDATE item_links SET to_id = ?1 WHERE to_key = ?2 AND to_id IS NULL AND from_id <> ?1"
				 " AND EXISTS (SELECT 1 FROM items WHERE id = ?1 AND state <> 'withdrawn')");
		if (!st)
			goto out;
		db_bind_int(st, 1, id);
		db_bind_text(st, 2, ref_key);
		if (db_step_done(st))
			goto out;
	}
	rc = k->derive ? k->derive(db, k, id, fields, today) : 0;
	if (rc == 0 && translation) {
		/* written above like any item's (and by the kind's hook), dropped here in the same
		 * transaction: the counts' triggers see them come and go */
		static const char *const drop[] = { "DELETE FROM item_terms WHERE item_id = ?",
						    "DELETE FROM item_links WHERE from_id = ?" };
		for (size_t i = 0; i < ARRAY_SIZE(drop) && rc == 0; i++) {
			st = db_stmt(db, drop[i]);
			if (!st)
				rc = -1;
			else {
				db_bind_int(st, 1, id);
				rc = db_step_done(st) ? -1 : 0;
			}
		}
	}
out:
	free(ref_key);
	json_free_str(list);
	json_decref(fields);
	json_decref(pending);
	return rc;
}

int item_recheck_due(struct db *db, int32_t today)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, site_id FROM items INDEXED BY items_recheck WHERE recheck_day <= ?"
				       " ORDER BY recheck_day LIMIT 500");
	if (!st)
		return -1;
	db_bind_int(st, 1, today);
	json_t *due = db_rows_json(st);
	size_t i;
	json_t *row;
	int n = 0;
	json_array_foreach(due, i, row) {
		int64_t id = json_integer_value(json_object_get(row, "id"));
		if (db_begin(db))
			break;
		/* cleared first: derive writes the next day, if there is one */
		st = db_stmt(db, "UPDATE items SET recheck_day = NULL WHERE id = ?");
		if (!st) {
			db_rollback(db);
			break;
		}
		db_bind_int(st, 1, id);
		if (db_step_done(st) || item_derive_at(db, id, today) ||
		    cache_bump(db, json_integer_value(json_object_get(row, "site_id")))) {
			db_rollback(db);
			log_error("items: item %lld: its computed values could not be renewed", (long long)id);
			continue;
		}
		if (db_commit(db) == 0)
			n++;
	}
	json_decref(due);
	return n;
}

int64_t item_derive_all(struct db *db, int (*progress)(int64_t done, int64_t total, void *arg), void *arg)
{
	struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM items WHERE kind <> 'article'");
	if (!st)
		return -1;
	int64_t total = 0, done = 0, last = 0;
	db_one_int(st, &total);
	int32_t today = vn_days_of_time(time_now());
	for (;;) {
		st = db_stmt(db, "SELECT id FROM items WHERE kind <> 'article' AND id > ? ORDER BY id LIMIT 500");
		if (!st)
			return -1;
		db_bind_int(st, 1, last);
		json_t *ids = db_rows_json(st);
		size_t n = json_array_size(ids), i;
		json_t *row;
		if (!n) {
			json_decref(ids);
			break;
		}
		if (db_begin(db)) {
			json_decref(ids);
			return -1;
		}
		json_array_foreach(ids, i, row) {
			last = json_integer_value(json_object_get(row, "id"));
			if (item_derive_at(db, last, today)) {
				db_rollback(db);
				json_decref(ids);
				return -1;
			}
		}
		json_decref(ids);
		/* every page of every site may show what changed */
		if (cache_bump_all(db) || db_commit(db))
			return -1;
		done += (int64_t)n;
		if (progress && progress(done, total, arg))
			return -2;
	}
	return done;
}
