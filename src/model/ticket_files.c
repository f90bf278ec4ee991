/* ticket_files.c — files the staff send with a ticket's step, kept privately (ticket.h). Their
 * bytes are under DATA/private/tickets/<2 hex>/<sha256> (never under media/, which the web server
 * serves), named by table ticket_files. */
#include "internal.h"
#include "ticket.h"
#include "pdata.h"
#include "db/db.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/banned.h"

#define FILE_MAX (20 * 1024 * 1024)
#define FILES_MAX 10

static int mkdirs(const char *path)
{
	char *p = xstrdup(path);
	int rc = 0;
	for (char *s = p + 1; !rc; s++) {
		if (*s != '/' && *s)
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*s = c;
		if (!c)
			break;
	}
	free(p);
	return rc;
}

/* Writes LEN bytes to PATH through a temporary file renamed into place, synced. */
static int write_atomic(const char *path, const void *data, size_t len)
{
	struct sb tmp = SB_INIT;
	sb_addf(&tmp, "%s.tmp%ld", path, (long)getpid());
	int fd = open(tmp.buf, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600), rc = -1;
	if (fd >= 0) {
		const char *p = data;
		size_t left = len;
		while (left) {
			ssize_t n = write(fd, p, left);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			p += n;
			left -= (size_t)n;
		}
		if (!left && fsync(fd) == 0 && close(fd) == 0) {
			fd = -1;
			rc = rename(tmp.buf, path);
		}
		if (fd >= 0)
			close(fd);
		if (rc)
			unlink(tmp.buf);
	}
	sb_release(&tmp);
	return rc;
}

int ticket_file_put(const char *data_dir, const void *bytes, size_t len, const char *name, const char *field,
		    struct errs *e, json_t **file)
{
	const char *mime = NULL;
	*file = NULL;
	if (len > FILE_MAX) {
		errs_add(e, field, "media_too_large");
		return M_INVALID;
	}
	if (media_file_check_mime(bytes, len, e, &mime) || !mime)
		return M_INVALID;
	unsigned char h[crypto_hash_sha256_BYTES];
	char sha[2 * crypto_hash_sha256_BYTES + 1];
	crypto_hash_sha256(h, bytes, len);
	sodium_bin2hex(sha, sizeof(sha), h, sizeof(h));
	struct sb dir = SB_INIT, path = SB_INIT;
	sb_addf(&dir, "%s/private/tickets/%.2s", data_dir, sha);
	sb_addf(&path, "%s/%s", dir.buf, sha);
	int rc = M_OK;
	if (access(path.buf, F_OK) != 0 && (mkdirs(dir.buf) || write_atomic(path.buf, bytes, len))) {
		log_error("ticket files: cannot write %s: %s", path.buf, strerror(errno));
		rc = M_ERROR;
	}
	sb_release(&dir);
	sb_release(&path);
	if (rc == M_OK) {
		char *clean = text_clean(name && *name ? name : "tep", 0);
		/* only the last part of a path a browser might send */
		const char *base = clean ? clean : "tep";
		const char *slash = strrchr(base, '/'), *bslash = strrchr(base, '\\');
		if (slash)
			base = slash + 1;
		if (bslash && bslash + 1 > base)
			base = bslash + 1;
		*file = json_pack("{s:s, s:s, s:s, s:I}", "name", *base ? base : "tep", "sha256", sha, "mime", mime, "size",
				  (json_int_t)len);
		free(clean);
	}
	return rc;
}

int ticket_files_attach(struct db *db, const struct actor *a, const struct ticket *t, int64_t event_id, json_t *files,
			int64_t now)
{
	size_t i;
	json_t *f;
	if (json_array_size(files) > FILES_MAX)
		return -1;
	json_array_foreach(files, i, f) {
		struct db_stmt *st = db_stmt(db, "INSERT INTO ticket_files (ticket_id, event_id, name, mime, size, sha256, created_by,"
					       " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
		if (!st)
			return -1;
		db_bind_int(st, 1, t->id);
		if (event_id)
			db_bind_int(st, 2, event_id);
		db_bind_text(st, 3, json_string_value(json_object_get(f, "name")));
		db_bind_text(st, 4, json_string_value(json_object_get(f, "mime")));
		db_bind_int(st, 5, json_integer_value(json_object_get(f, "size")));
		db_bind_text(st, 6, json_string_value(json_object_get(f, "sha256")));
		if (a && a->id > 0)
			db_bind_int(st, 7, a->id);
		db_bind_int(st, 8, now);
		if (db_step_done(st))
			return -1;
	}
	return 0;
}

int64_t ticket_last_event(struct db *db, const struct ticket *t)
{
	struct db_stmt *st = db_stmt(db, "SELECT max(id) FROM ticket_events WHERE ticket_id = ?1");
	if (!st)
		return 0;
	db_bind_int(st, 1, t->id);
	int64_t id = 0;
	db_one_int(st, &id);
	return id;
}

json_t *ticket_files(struct db *db, int64_t ticket_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, name, mime, size, created_at, event_id FROM ticket_files WHERE ticket_id = ?1"
				       " ORDER BY id");
	json_t *out = json_array();
	if (!st)
		return out;
	db_bind_int(st, 1, ticket_id);
	json_t *rows = db_rows_json(st), *row;
	size_t i;
	json_array_foreach(rows, i, row) {
		char at[40], size[32];
		time_format_vn(json_integer_value(json_object_get(row, "created_at")), at, sizeof(at));
		media_size_label(json_integer_value(json_object_get(row, "size")), size, sizeof(size));
		json_object_set_new(row, "at", json_string(at));
		json_object_set_new(row, "size_label", json_string(size));
		json_array_append(out, row);
	}
	json_decref(rows);
	return out;
}

char *ticket_file_path(struct db *db, const char *data_dir, int64_t file_id, int64_t *ticket_id, char code[24], char **name,
		       char **mime)
{
	struct db_stmt *st = db_stmt(db, "SELECT f.ticket_id, f.name, f.mime, f.sha256, t.code FROM ticket_files f"
				       " JOIN tickets t ON t.id = f.ticket_id WHERE f.id = ?1");
	if (!st)
		return NULL;
	db_bind_int(st, 1, file_id);
	json_t *row = db_one_json(st);
	if (!row)
		return NULL;
	const char *sha = json_string_value(json_object_get(row, "sha256"));
	char *out = NULL;
	if (sha && strlen(sha) == 64 && strspn(sha, "0123456789abcdef") == 64) {
		struct sb p = SB_INIT;
		sb_addf(&p, "%s/private/tickets/%.2s/%s", data_dir, sha, sha);
		out = sb_detach(&p, NULL);
		*ticket_id = json_integer_value(json_object_get(row, "ticket_id"));
		snprintf(code, 24, "%s", json_string_value(json_object_get(row, "code")));
		*name = xstrdup(json_string_value(json_object_get(row, "name")));
		*mime = xstrdup(json_string_value(json_object_get(row, "mime")));
	}
	json_decref(row);
	return out;
}

int ticket_file_token(const char *code, int64_t file_id, char out[33])
{
	char tag[PDATA_TAG_LEN + 1], v[64];
	snprintf(v, sizeof(v), "%s|%lld", code, (long long)file_id);
	if (pdata_tag("ticket_file", v, tag))
		return -1;
	memcpy(out, tag, 32);
	out[32] = '\0';
	return 0;
}

int ticket_files_drop(struct db *db, const struct ticket *t, json_t *gone)
{
	struct db_stmt *st = db_stmt(db, "SELECT DISTINCT sha256 FROM ticket_files WHERE ticket_id = ?1");
	if (!st)
		return -1;
	db_bind_int(st, 1, t->id);
	json_t *rows = db_rows_json(st), *row;
	struct db_stmt *del = db_stmt(db, "DELETE FROM ticket_files WHERE ticket_id = ?1");
	if (!del) {
		json_decref(rows);
		return -1;
	}
	db_bind_int(del, 1, t->id);
	int rc = db_step_done(del);
	size_t i;
	json_array_foreach(rows, i, row) {
		struct db_stmt *left = db_stmt(db, "SELECT count(*) FROM ticket_files WHERE sha256 = ?1");
		if (rc || !left)
			break;
		db_bind_text(left, 1, json_string_value(json_object_get(row, "sha256")));
		int64_t refs = 0;
		if (db_one_int(left, &refs) == 1 && refs == 0)
			json_array_append(gone, json_object_get(row, "sha256"));
	}
	json_decref(rows);
	return rc ? -1 : 0;
}

void ticket_file_unlink(const char *data_dir, const char *sha256)
{
	if (!data_dir || !sha256 || strlen(sha256) != 2 * crypto_hash_sha256_BYTES ||
	    strspn(sha256, "0123456789abcdef") != strlen(sha256))
		return;
	struct sb path = SB_INIT;
	sb_addf(&path, "%s/private/tickets/%.2s/%s", data_dir, sha256, sha256);
	if (unlink(path.buf) != 0 && errno != ENOENT)
		log_error("ticket files: cannot delete %s: %s", path.buf, strerror(errno));
	sb_release(&path);
}
