/* api_input.c — a JSON API request body turned into an item's input (api_input.h). The table of
 * common fields is the admin form's (model.h, article_input_fields) in JSON types; the kind's
 * own fields come from its descriptor. Types are checked here; values (lengths, dates, choices,
 * required fields) by the model, as for the form. */
#include "model/api_input.h"
#include "model/kind.h"
#include "base/util.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"


static const struct article_input_field *common_find(const char *key)
{
	for (size_t i = 0; i < article_input_nfields; i++)
		if (strcmp(article_input_fields[i].key, key) == 0)
			return &article_input_fields[i];
	return NULL;
}

int api_input_common(const char *key)
{
	return key && common_find(key) != NULL;
}

/* An error under "PREFIX.NAME" (PREFIX NULL: NAME); under PREFIX alone when E has no room left
 * for the name, so that the refusal is never lost. */
static void err_at(struct errs *e, const char *prefix, const char *name, const char *key)
{
	char full[160];
	if (prefix)
		snprintf(full, sizeof(full), "%s.%s", prefix, name);
	else
		snprintf(full, sizeof(full), "%s", name);
	int before = e->n;
	errs_add_copy(e, full, key);
	if (e->n == before)
		errs_add(e, prefix ? prefix : "body", key);
}

static int scalar_ok(json_t *v)
{
	return json_is_null(v) || json_is_string(v) || json_is_integer(v);
}

/* Whether V is a value of the JSON type field F takes: text for every field (as the form types
 * it), an integer for numbers and files, an array of texts for lists, an array of objects of the
 * columns for tables, null to empty it. */
static void field_check(const struct kind_field *f, json_t *v, struct errs *e)
{
	size_t i;
	json_t *x;
	switch (f->type) {
	case F_TAGS:
	case F_REF:
		if (json_is_array(v)) {
			json_array_foreach(v, i, x)
				if (!json_is_string(x)) {
					err_at(e, "fields", f->key, "api_bad_type");
					return;
				}
			return;
		}
		break;
	case F_ROWS:
		if (json_is_array(v)) {
			json_array_foreach(v, i, x) {
				const char *sk;
				json_t *sv;
				if (!json_is_object(x)) {
					err_at(e, "fields", f->key, "api_bad_type");
					return;
				}
				json_object_foreach(x, sk, sv) {
					int known = 0;
					for (size_t j = 0; j < f->nsub; j++)
						known |= strcmp(f->sub[j].key, sk) == 0;
					char cell[96];
					snprintf(cell, sizeof(cell), "%s.%zu.%s", f->key, i, sk);
					if (!known)
						err_at(e, "fields", cell, "api_unknown_field");
					else if (!scalar_ok(sv))
						err_at(e, "fields", cell, "api_bad_type");
				}
			}
			return;
		}
		if (json_is_string(v) || json_is_null(v)) /* the CSV's form: a row per line */
			return;
		err_at(e, "fields", f->key, "api_bad_type");
		return;
	default:
		break;
	}
	if (!scalar_ok(v) || (json_is_integer(v) && f->type != F_INT && f->type != F_MONEY && f->type != F_FILE))
		err_at(e, "fields", f->key, "api_bad_type");
}

static const struct kind_field *kind_key(const struct kind *k, const char *key)
{
	for (size_t i = 0; i < k->nfields; i++)
		if (strcmp(k->fields[i].key, key) == 0)
			return &k->fields[i];
	return NULL;
}

/* BODY's "fields" checked and laid over DST's. */
static void fields_merge(const struct kind *k, json_t *src, json_t *dst, struct errs *e)
{
	const char *key;
	json_t *v;
	if (!json_is_object(src)) {
		err_at(e, NULL, "fields", "api_bad_type");
		return;
	}
	json_object_foreach(src, key, v) {
		const struct kind_field *f = kind_key(k, key);
		if (!f) {
			err_at(e, "fields", key, "api_unknown_field");
			continue;
		}
		field_check(f, v, e);
		/* null empties the field: the model reads "" as nothing given */
		json_object_set_new(dst, key, json_is_null(v) ? json_string("") : json_deep_copy(v));
	}
}

int api_input_parse(const struct kind *k, const char *body, size_t len, json_t *base, struct api_input *out,
		    struct errs *e)
{
	memset(out, 0, sizeof(*out));
	json_error_t jerr;
	/* jansson refuses invalid UTF-8 and a NUL inside a string (JSON_ALLOW_NUL not given) */
	json_t *src = body ? json_loadb(body, len, JSON_REJECT_DUPLICATES, &jerr) : NULL;
	if (!json_is_object(src)) {
		json_decref(src);
		errs_add(e, NULL, "api_bad_json");
		return -1;
	}
	json_t *doc = json_is_object(base) ? json_deep_copy(base) : json_object();
	json_t *fields = json_object_get(doc, "fields");
	if (!json_is_object(fields)) {
		fields = json_object();
		json_object_set_new(doc, "fields", fields);
	}
	const char *key;
	json_t *v;
	json_object_foreach(src, key, v) {
		if (strcmp(key, "fields") == 0) {
			fields_merge(k, v, fields, e);
			continue;
		}
		/* the cover and the attachments: ids of the site's library, which POST /api/v1/media
		 * fills (the model checks they are the site's, an image and files) */
		if (strcmp(key, "cover_id") == 0) {
			if ((json_is_integer(v) && json_integer_value(v) > 0) || json_is_null(v))
				json_object_set(doc, key, v);
			else
				err_at(e, NULL, key, "api_bad_type");
			continue;
		}
		if (strcmp(key, "attachments") == 0) {
			size_t i, n = json_is_array(v) ? json_array_size(v) : 0;
			json_t *x;
			int ok = json_is_null(v) || (json_is_array(v) && n <= API_ATTACHMENTS_MAX);
			json_array_foreach(v, i, x)
				ok &= json_is_integer(x) && json_integer_value(x) > 0;
			if (!ok) {
				err_at(e, NULL, key, "api_bad_type");
				continue;
			}
			free(out->attachments);
			out->attachments = n ? xcalloc(n, sizeof(*out->attachments)) : NULL;
			json_array_foreach(v, i, x)
				out->attachments[i] = json_integer_value(x);
			out->in.attachments = out->attachments;
			out->in.nattachments = n;
			out->in.set_attachments = 1;
			continue;
		}
		if (strcmp(key, "submit") == 0) { /* no value of the item: what to do with it */
			if (json_is_boolean(v))
				out->submit = json_is_true(v);
			else
				err_at(e, NULL, key, "api_bad_type");
			continue;
		}
		const struct article_input_field *c = common_find(key);
		int ok;
		if (!c) {
			err_at(e, NULL, key, "api_unknown_field");
			continue;
		}
		switch (c->type) {
		case AIN_TEXT: ok = json_is_string(v) || json_is_null(v); break;
		case AIN_FLAG: ok = json_is_boolean(v) || json_is_null(v); break;
		case AIN_ID: ok = (json_is_integer(v) && json_integer_value(v) > 0) || json_is_null(v); break;
		default: ok = (json_is_integer(v) && json_integer_value(v) >= 0) || json_is_null(v); break;
		}
		if (!ok)
			err_at(e, NULL, key, "api_bad_type");
		else
			json_object_set(doc, key, v);
	}
	json_decref(src);
	out->doc = doc;
	/* the input points into DOC, which lives as long as OUT */
	struct article_input *in = &out->in;
	in->kind = k->name;
	in->fields = fields;
	/* absent: the stored cover kept (PUT too); null: none; an id: that image */
	json_t *cover = json_object_get(doc, "cover_id");
	in->cover_id = !cover ? -1 : json_is_integer(cover) ? json_integer_value(cover) : 0;
	for (size_t i = 0; i < article_input_nfields; i++) {
		json_t *x = json_object_get(doc, article_input_fields[i].key);
		char *at = (char *)in + article_input_fields[i].offset;
		const char *s = json_string_value(x);
		int64_t n = json_is_integer(x) ? json_integer_value(x) : 0;
		int flag = json_is_true(x);
		switch (article_input_fields[i].type) {
		case AIN_TEXT: memcpy(at, &s, sizeof(s)); break;
		case AIN_FLAG: memcpy(at, &flag, sizeof(flag)); break;
		default: memcpy(at, &n, sizeof(n)); break;
		}
	}
	return e->n ? -1 : 0;
}

void api_input_release(struct api_input *out)
{
	json_decref(out->doc);
	free(out->attachments);
	memset(out, 0, sizeof(*out));
}

json_t *api_input_current(json_t *art)
{
	json_t *o = json_object();
	for (size_t i = 0; i < article_input_nfields; i++) {
		const struct article_input_field *c = &article_input_fields[i];
		json_t *v = json_object_get(art, c->key);
		if (!v || json_is_null(v) || strcmp(c->key, "note") == 0)
			continue;
		if (c->type == AIN_FLAG)
			json_object_set_new(o, c->key, json_boolean(json_integer_value(v) != 0 || json_is_true(v)));
		else if (c->type == AIN_TEXT ? json_is_string(v) : json_is_integer(v))
			json_object_set(o, c->key, v);
	}
	json_t *cover = json_object_get(art, "cover_id");
	if (json_is_integer(cover) && json_integer_value(cover) > 0)
		json_object_set(o, "cover_id", cover);
	const char *text = json_string_value(json_object_get(art, "fields"));
	json_t *f = text ? json_loads(text, 0, NULL) : NULL;
	json_object_set_new(o, "fields", json_is_object(f) ? f : json_object());
	if (f && !json_is_object(f))
		json_decref(f);
	return o;
}

json_t *api_input_common_schema(void)
{
	json_t *props = json_object();
	for (size_t i = 0; i < article_input_nfields; i++) {
		json_t *t;
		switch (article_input_fields[i].type) {
		case AIN_TEXT: t = json_pack("{s[ss]}", "type", "string", "null"); break;
		case AIN_FLAG: t = json_pack("{s[ss]}", "type", "boolean", "null"); break;
		case AIN_ID: t = json_pack("{s[ss]sI}", "type", "integer", "null", "minimum", (json_int_t)1); break;
		default:
			t = json_pack("{s[ss]sIss}", "type", "integer", "null", "minimum", (json_int_t)0, "description",
				      "Unix seconds");
		}
		json_object_set_new(props, article_input_fields[i].key, t);
	}
	return props;
}
