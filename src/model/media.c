/* media.c — uploaded images, checked by their content (libmagic, then decoded by libgd), stored
 * content-addressed as DATA/media/<2 hex>/<sha256>.<ext>; the same file is stored once. */
#include "model.h"
#include "db/db.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"
#include "base/utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <gd.h>
#include <magic.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/banned.h"

#define MEDIA_MAX_BYTES (10 * 1024 * 1024)

static const struct {
	const char *mime, *ext;
	gdImagePtr (*decode)(int size, void *data);
} image_types[] = {
	{ "image/jpeg", "jpg", gdImageCreateFromJpegPtr },
	{ "image/png", "png", gdImageCreateFromPngPtr },
	{ "image/webp", "webp", gdImageCreateFromWebpPtr },
	{ "image/gif", "gif", gdImageCreateFromGifPtr },
};

json_t *media_get(struct db *db, int64_t id)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, site_id, sha256, mime, ext, size, width, height, orig_name"
				       " FROM media WHERE id = ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	return db_one_json(st);
}

char *media_path(json_t *m)
{
	struct sb b = SB_INIT;
	const char *sha = json_string_value(json_object_get(m, "sha256"));
	sb_addf(&b, "media/%.2s/%s.%s", sha, sha, json_string_value(json_object_get(m, "ext")));
	return sb_detach(&b, NULL);
}

static int mkdir_p(const char *path)
{
	char *p = xstrdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s == '/') {
			*s = '\0';
			if (mkdir(p, 0755) && errno != EEXIST) {
				free(p);
				return -1;
			}
			*s = '/';
		}
	}
	int rc = mkdir(p, 0755) && errno != EEXIST ? -1 : 0;
	free(p);
	return rc;
}

/* Writes LEN bytes to PATH atomically (temporary file, fsync, rename). */
static int write_file_atomic(const char *path, const void *data, size_t len)
{
	struct sb tmp = SB_INIT;
	sb_addf(&tmp, "%s.tmp%ld", path, (long)getpid());
	int fd = open(tmp.buf, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	int rc = -1;
	if (fd < 0)
		goto out;
	const char *p = data;
	size_t left = len;
	while (left) {
		ssize_t w = write(fd, p, left);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			unlink(tmp.buf);
			goto out;
		}
		p += w;
		left -= (size_t)w;
	}
	if (fsync(fd) || close(fd) || rename(tmp.buf, path)) {
		unlink(tmp.buf);
		goto out;
	}
	rc = 0;
out:
	sb_release(&tmp);
	return rc;
}

int media_store(struct db *db, const char *data_dir, const struct actor *a, int64_t site_id,
		const void *bytes, size_t len, const char *orig_name, struct errs *e, int64_t *id)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char sha[2 * crypto_hash_sha256_BYTES + 1];
	const char *mime = NULL;
	int type = -1, w = 0, ht = 0;
	char *name = NULL;
	struct sb path = SB_INIT;
	int rc = M_INVALID;

	if (!user_role_on(db, a, site_id))
		return M_DENIED;
	if (!len) {
		errs_add(e, "cover", "media_empty");
		return M_INVALID;
	}
	if (len > MEDIA_MAX_BYTES) {
		errs_add(e, "cover", "media_too_big");
		return M_INVALID;
	}
	magic_t cookie = magic_open(MAGIC_MIME_TYPE);
	if (cookie && magic_load(cookie, NULL) == 0)
		mime = magic_buffer(cookie, bytes, len);
	for (size_t i = 0; mime && i < ARRAY_SIZE(image_types); i++)
		if (strcmp(mime, image_types[i].mime) == 0)
			type = (int)i;
	if (cookie)
		magic_close(cookie);
	if (type < 0 || len > INT32_MAX) {
		errs_add(e, "cover", "media_type");
		return M_INVALID;
	}
	gdImagePtr im = image_types[type].decode((int)len, (void *)bytes);
	if (!im) {
		errs_add(e, "cover", "media_corrupt");
		return M_INVALID;
	}
	w = gdImageSX(im);
	ht = gdImageSY(im);
	gdImageDestroy(im);

	crypto_hash_sha256(h, bytes, len);
	sodium_bin2hex(sha, sizeof(sha), h, sizeof(h));
	name = utf8_nfc(orig_name ? orig_name : "", orig_name ? strlen(orig_name) : 0);
	if (!name)
		name = xstrdup("");

	sqlite3_stmt *st = db_stmt(db, "SELECT id FROM media WHERE site_id = ? AND sha256 = ?");
	rc = M_ERROR;
	if (!st)
		goto out;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, sha);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		rc = M_OK;
		goto out;
	}
	sqlite3_reset(st);

	sb_addf(&path, "%s/media/%.2s", data_dir, sha);
	if (mkdir_p(path.buf)) {
		log_error("media: cannot create %s: %s", path.buf, strerror(errno));
		goto out;
	}
	sb_addf(&path, "/%s.%s", sha, image_types[type].ext);
	if (access(path.buf, F_OK) != 0 && write_file_atomic(path.buf, bytes, len)) {
		log_error("media: cannot write %s: %s", path.buf, strerror(errno));
		goto out;
	}
	if (db_begin(db))
		goto out;
	st = db_stmt(db, "INSERT INTO media (site_id, sha256, mime, ext, size, width, height, orig_name,"
			 " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (!st) {
		db_rollback(db);
		goto out;
	}
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, sha);
	db_bind_text(st, 3, image_types[type].mime);
	db_bind_text(st, 4, image_types[type].ext);
	db_bind_int(st, 5, (int64_t)len);
	db_bind_int(st, 6, w);
	db_bind_int(st, 7, ht);
	db_bind_text(st, 8, name);
	if (a->id)
		db_bind_int(st, 9, a->id);
	db_bind_int(st, 10, time_now());
	int ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_reset(st);
	if (!ok) {
		db_rollback(db);
		goto out;
	}
	*id = db_last_id(db);
	audit_write(db, a, site_id, "media.add", sha, name);
	if (db_commit(db))
		goto out;
	rc = M_OK;
out:
	free(name);
	sb_release(&path);
	return rc;
}
