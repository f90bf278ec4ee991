/* api.h — the JSON API, version 1 (api.c: its routes, errors and OpenAPI description; items.c:
 * the lists and items, built by the same code as the public pages' open-data exports). */
#ifndef CONG_WEB_API_H
#define CONG_WEB_API_H

#include "http/http.h"
#include "model/item.h"

struct kind;

#define API_LIMIT_DEFAULT 20
#define API_LIMIT_MAX 100

/* The routes (web/routes.c). */
void page_api_index(struct req *r);
void page_api_openapi(struct req *r);
void page_api_kind(struct req *r);
void page_api_item(struct req *r);

/* The writes (api_write.c): routes declaring ROUTE_TOKEN. */
void page_api_create(struct req *r);
/* POST /api/v1/media: a file into the site's library (#16) */
void page_api_media(struct req *r);
void page_api_update(struct req *r); /* PUT and PATCH */
void page_api_action(struct req *r);
/* ROUTE_TOKEN's rule (http.h), called by the route gate: the request's bearer token, of the
 * request's site, not revoked, within its rate, becomes r->actor. Answers and returns -1 when the
 * request may not go on (401, 403, 429 in the API's error shape). */
int api_token_gate(struct req *r);

/* {"error": {"code": CODE, "message": the locale's text of CODE, "field": FIELD or null}}. */
void api_error(struct req *r, int status, const char *code, const char *field);
/* V as the 200 answer. */
void api_send(struct req *r, json_t *v);

/* items.c: the list of K as the request's parameters ask (the public list's filters, limit,
 * cursor); item ID of K. */
void api_list(struct req *r, const struct kind *k);
void api_item(struct req *r, const struct kind *k, int64_t id);
/* items.c: the filters' parameter names of K's lists, in order; how many. */
size_t api_filter_keys(const struct kind *k, const char *out[ITEM_FILTERS_MAX]);
/* items.c: the name of the computed term K's items carry ("hieu_luc"), or NULL. */
const char *api_term_key(const struct kind *k);

#endif
