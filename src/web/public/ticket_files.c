/* ticket_files.c — the files the staff sent with a ticket's step, for the citizen (model/ticket.h).
 * WEBPAGE: GET  /theo-doi/tep          ?ma=<code>&f=<file id>&t=<token>: a file of the ticket, for
 *                                      whoever has the token the owner's tracking page (code and
 *                                      e-mail proven) gives; never cached, never indexed */
#include "web/web.h"
#include "base/util.h"
#include "base/sb.h"
#include "model/ticket.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/banned.h"

#define FILE_MAX_READ (25 * 1024 * 1024)

void web_send_private_file(struct req *r, const char *path, const char *name, const char *mime)
{
	FILE *f = fopen(path, "rb");
	struct sb b = SB_INIT;
	char buf[65536];
	size_t n;
	if (!f) {
		resp_error(r, 404, "not_found");
		return;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0 && b.len < FILE_MAX_READ)
		sb_add(&b, buf, n);
	fclose(f);
	/* the name as the staff uploaded it, in RFC 5987 form; an ASCII fallback */
	struct sb cd = SB_INIT;
	sb_adds(&cd, "attachment; filename=\"tep\"; filename*=UTF-8''");
	for (const unsigned char *p = (const unsigned char *)name; p && *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || strchr("-._~", *p))
			sb_addc(&cd, (char)*p);
		else
			sb_addf(&cd, "%%%02X", *p);
	}
	resp_header(r, "Content-Disposition", cd.buf);
	resp_header(r, "Cache-Control", "private, no-store");
	resp_header(r, "X-Robots-Tag", "noindex");
	resp_header(r, "X-Content-Type-Options", "nosniff");
	resp_bytes(r, 200, mime && *mime ? mime : "application/octet-stream", b.buf ? b.buf : "", b.len);
	sb_release(&cd);
	sb_release(&b);
}

void page_ticket_file(struct req *r)
{
	const char *code = req_arg(r, "ma"), *tok = req_arg(r, "t");
	int64_t fid = req_arg_int(r, "f", 0, 1, INT64_MAX), tid = 0;
	char *name = NULL, *mime = NULL, have[24] = "", want[33];
	char *path = fid > 0 ? ticket_file_path(r->db, r->app->data_dir, fid, &tid, have, &name, &mime) : NULL;
	int ok = path && code && tok && strlen(tok) == 32 && strcasecmp(code, have) == 0 &&
		 ticket_file_token(have, fid, want) == 0 && sodium_memcmp(want, tok, 32) == 0;
	if (ok)
		web_send_private_file(r, path, name, mime);
	else
		web_error(r, 404, rtr(r, "track_file_not_found"), rtr(r, "track_file_bad_link"));
	free(path);
	free(name);
	free(mime);
}

int web_ticket_files(struct req *r, const char *key, size_t max, struct errs *e, json_t *files)
{
	for (size_t i = 0; i < r->nfields; i++) {
		const struct field *f = &r->fields[i];
		if (strcmp(f->key, key) != 0 || !f->filename || !f->value.len)
			continue;
		if (max && json_array_size(files) >= max) {
			errs_add(e, key, "ticket_files_max");
			break;
		}
		json_t *file = NULL;
		struct errs fe = { 0 };
		if (ticket_file_put(r->app->data_dir, f->value.buf, f->value.len, f->filename, key, &fe, &file) == M_ERROR)
			return M_ERROR;
		for (int k = 0; k < fe.n; k++) /* the library's reason, next to the file input */
			errs_add(e, key, fe.e[k].key);
		if (file)
			json_array_append_new(files, file);
	}
	return M_OK;
}
