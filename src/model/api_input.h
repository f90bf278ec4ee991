/* api_input.h — a JSON API request body turned into an item's input (struct article_input), the
 * same input the admin form gives article_save(): the body names the common fields and the kind's
 * own under "fields", each checked for its type here, then cleaned and validated by the model as
 * a form's are (kind_fields_clean). Pure: no store, no request (the fuzz target calls it). */
#ifndef CONG_MODEL_API_INPUT_H
#define CONG_MODEL_API_INPUT_H

#include <stddef.h>
#include <jansson.h>

#include "model/model.h"

struct kind;

struct api_input {
	struct article_input in; /* its strings point into DOC */
	json_t *doc;             /* the merged values: the common ones and "fields" */
	int submit;              /* "submit": true, also send it for editing (article_save_submit) */
	int64_t *attachments;    /* "attachments" as given (in.attachments points here) */
};
/* At most this many attachments in a body (the model allows fewer: attachments_too_many). */
#define API_ATTACHMENTS_MAX 100

/* Parses BODY (LEN bytes, a JSON object) as the input of an item of kind K, over BASE (may be
 * NULL: a new item, or PUT's whole replacement): BODY's keys replace BASE's, and each key of its
 * "fields" replaces that field alone (PATCH). "cover_id" (an image of the site's library, null for
 * none, absent: kept) and "attachments" (the files of the library, in order; absent: kept) name
 * what POST /api/v1/media stored. A key that is no common field, "submit" nor one of
 * K's, or a value of the wrong JSON type, is an error under its name ("fields.so_ky_hieu" for a kind's
 * field; "api_bad_json" under no name when BODY is no JSON object). 0 with OUT filled (released
 * with api_input_release, also on error), or -1 with errors in E. */
int api_input_parse(const struct kind *k, const char *body, size_t len, json_t *base, struct api_input *out,
		    struct errs *e);
void api_input_release(struct api_input *out);
/* The values of stored item ART (article_get_admin) as api_input_parse's BASE: the common
 * fields, its cover_id when it has a cover, and the kind's own under "fields". New. */
json_t *api_input_current(json_t *art);
/* Whether KEY names a common field the API takes (the kind's own are under "fields"). */
int api_input_common(const char *key);
/* The common fields as JSON Schema properties {key: schema} (new), from the same table: the
 * API's description (web/public/api.c) cannot drift from what is parsed. */
json_t *api_input_common_schema(void);

#endif
