/* backup.c — making, restoring, checking and pruning backups; see backup.h. */
#define _FILE_OFFSET_BITS 64
#include "backup/backup.h"
#include "backup/pgdump.h"
#include "base/arena.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"
#include "db/db.h"
#include "db/pgadmin.h"
#include "model/backups.h"
#include "model/model.h"

#include <dirent.h>
#include <stdarg.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/banned.h"

#define WORK ".backup-work"
#define MANIFEST_MAX (256u << 20)
#define IOBUF (1u << 18) /* bytes read or written at a time */

static const char *str(json_t *v)
{
	const char *s = json_string_value(v);
	return s ? s : "";
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- files and folders ---- */

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return flag == FTW_DP ? rmdir(path) : unlink(path);
}

static void rm_rf(const char *path)
{
	nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static int mkdir_p(const char *path, mode_t mode)
{
	char buf[PATH_MAX];
	snprintf(buf, sizeof(buf), "%s", path);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		if (mkdir(buf, mode) && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return mkdir(buf, mode) && errno != EEXIST ? -1 : 0;
}

static int fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

static ssize_t fd_read(void *arg, void *buf, size_t n)
{
	int fd = *(int *)arg;
	for (;;) {
		ssize_t r = read(fd, buf, n);
		if (r < 0 && errno == EINTR)
			continue;
		return r;
	}
}

static ssize_t sealed_read(void *arg, void *buf, size_t n)
{
	return bk_read(arg, buf, n);
}

static const char *status_text(int st)
{
	switch (st) {
	case BK_NOT_BACKUP: return "not a backup of Cổng";
	case BK_WRONG_KEY: return "encrypted with another key";
	case BK_DAMAGED: return "damaged or altered (authentication failed)";
	default: return "cannot be read";
	}
}

/* ---- progress on a terminal ---- */

struct progress {
	int on;
	int64_t total, done, drawn_ms;
	const char *label;
};

static void human(int64_t n, char *buf, size_t len)
{
	if (n >= 1 << 30)
		snprintf(buf, len, "%.1f GB", (double)n / (1 << 30));
	else if (n >= 1 << 20)
		snprintf(buf, len, "%.1f MB", (double)n / (1 << 20));
	else
		snprintf(buf, len, "%.0f kB", (double)n / 1024);
}

static void progress_draw(struct progress *p, int last)
{
	if (!p->on)
		return;
	int64_t t = now_ms();
	if (!last && t - p->drawn_ms < 100)
		return;
	p->drawn_ms = t;
	char a[32], b[32], bar[31];
	human(p->done, a, sizeof(a));
	if (p->total <= 0) { /* a size not known beforehand (a restore): the bytes so far */
		fprintf(stderr, "\r%-10s %s   %s", p->label, a, last ? "\n" : "");
		fflush(stderr);
		return;
	}
	int pct = (int)(p->done * 100 / p->total);
	if (pct > 100)
		pct = 100;
	human(p->total, b, sizeof(b));
	for (int i = 0; i < 30; i++)
		bar[i] = i < pct * 30 / 100 ? '#' : '.';
	bar[30] = 0;
	fprintf(stderr, "\r%-10s [%s] %3d%% %s / %s   ", p->label, bar, pct, a, b);
	if (last)
		fputc('\n', stderr);
	fflush(stderr);
}

static void snapshot_progress(int64_t done, int64_t total, void *arg)
{
	struct progress *p = arg;
	p->total = total;
	p->done = done;
	progress_draw(p, 0);
}

/* ---- the key ---- */

int backup_key_ensure(const char *data_dir, unsigned char key[BK_KEYBYTES], int *created,
		      char hex[2 * BK_KEYBYTES + 1], char *err, size_t errlen)
{
	struct sb p = SB_INIT;
	struct stat st;
	int rc;
	*created = 0;
	sb_addf(&p, "%s/backup.key", data_dir);
	if (stat(p.buf, &st) == 0) {
		rc = bk_key_load(p.buf, key, err, errlen);
	} else {
		rc = bk_key_create(p.buf, key, hex, err, errlen);
		if (rc && errno == EEXIST) /* made meanwhile by another run */
			rc = bk_key_load(p.buf, key, err, errlen);
		else if (!rc)
			*created = 1;
	}
	sb_release(&p);
	return rc;
}

/* ---- the data folder's files ---- */

struct file {
	char *path; /* relative to the data folder */
	int64_t size, mtime_ns;
};
struct files {
	struct file *v;
	size_t n, cap;
};

static void files_add(struct files *f, const char *path, int64_t size, int64_t mtime)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 256;
		f->v = xrealloc(f->v, st_mult(f->cap, sizeof(*f->v)));
	}
	f->v[f->n++] = (struct file){ xstrdup(path), size, mtime };
}

static void files_free(struct files *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i].path);
	free(f->v);
}

/* The database's entry in a backup: SQLite's file, or PostgreSQL's dump (pg_dump --format=custom). */
#define DB_SQLITE "cong.db"
#define DB_PGDUMP "cong.pgdump"

static int is_db_entry(const char *rel)
{
	return strcmp(rel, DB_SQLITE) == 0 || strcmp(rel, DB_PGDUMP) == 0;
}

/* Every regular file under DIR/REL, except the live database (cong.db and its -wal/-shm, or
 * database.url: where the PostgreSQL database is, and its password if it has one), the backup key,
 * names starting with a dot (work folders, locks) and the folders in SKIP (destinations inside the
 * data folder). */
static int walk(const char *root, const char *rel, struct files *out, char **skip, size_t nskip)
{
	struct sb dir = SB_INIT;
	sb_addf(&dir, "%s%s%s", root, *rel ? "/" : "", rel);
	DIR *d = opendir(dir.buf);
	if (!d) {
		log_error("backup: cannot read %s: %s", dir.buf, strerror(errno));
		sb_release(&dir);
		return -1;
	}
	struct dirent *de;
	int rc = 0;
	while (rc == 0 && (de = readdir(d)) != NULL) {
		const char *n = de->d_name;
		if (n[0] == '.')
			continue;
		if (!*rel && (strcmp(n, "cong.db") == 0 || strncmp(n, "cong.db-", 8) == 0 || strcmp(n, "backup.key") == 0 ||
			      strcmp(n, DATA_DB_URL_FILE) == 0))
			continue;
		struct sb full = SB_INIT, r = SB_INIT;
		sb_addf(&full, "%s/%s", dir.buf, n);
		sb_addf(&r, "%s%s%s", rel, *rel ? "/" : "", n);
		struct stat st;
		int skipped = 0;
		for (size_t i = 0; i < nskip; i++)
			if (strcmp(full.buf, skip[i]) == 0)
				skipped = 1;
		if (skipped || lstat(full.buf, &st)) {
			/* nothing */
		} else if (!bk_name_ok(r.buf, r.len)) {
			log_warn("backup: %s has a name a backup cannot hold; left out", full.buf);
		} else if (S_ISDIR(st.st_mode)) {
			rc = walk(root, r.buf, out, skip, nskip);
		} else if (S_ISREG(st.st_mode) && !(r.len > 4 && strcmp(r.buf + r.len - 4, ".tmp") == 0)) {
			files_add(out, r.buf, st.st_size, (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec);
		}
		sb_release(&full);
		sb_release(&r);
	}
	closedir(d);
	sb_release(&dir);
	return rc;
}

/* ---- destinations: a folder or an sftp:// address ---- */

struct dest {
	const char *spec;
	int remote;
	const struct remote_auth *auth;
	const char *work; /* a local folder for remote files */
};

static json_t *dest_list(struct dest *d, char *err, size_t errlen)
{
	if (d->remote)
		return remote_list(d->spec, d->auth, err, errlen);
	json_t *a = json_array();
	DIR *dir = opendir(d->spec);
	if (!dir) {
		if (errno == ENOENT)
			return a;
		snprintf(err, errlen, "cannot read %s: %s", d->spec, strerror(errno));
		json_decref(a);
		return NULL;
	}
	struct dirent *de;
	while ((de = readdir(dir)) != NULL)
		if (de->d_name[0] != '.')
			json_array_append_new(a, json_string(de->d_name));
	closedir(dir);
	return a;
}

/* A local path holding NAME: the file itself, or a download into the work folder. */
static char *dest_fetch(struct dest *d, const char *name, char *err, size_t errlen)
{
	struct sb p = SB_INIT;
	if (!d->remote) {
		sb_addf(&p, "%s/%s", d->spec, name);
		return sb_detach(&p, NULL);
	}
	sb_addf(&p, "%s/%s", d->work, name);
	if (remote_get(d->spec, d->auth, name, p.buf, err, errlen)) {
		unlink(p.buf);
		sb_release(&p);
		return NULL;
	}
	return sb_detach(&p, NULL);
}

static void dest_fetched(struct dest *d, char *path)
{
	if (d->remote && path)
		unlink(path);
	free(path);
}

static int dest_delete(struct dest *d, const char *name, char *err, size_t errlen)
{
	if (d->remote)
		return remote_delete(d->spec, d->auth, name, err, errlen);
	struct sb p = SB_INIT;
	sb_addf(&p, "%s/%s", d->spec, name);
	int rc = unlink(p.buf) && errno != ENOENT ? -1 : 0;
	if (rc)
		snprintf(err, errlen, "cannot delete %s: %s", p.buf, strerror(errno));
	sb_release(&p);
	return rc;
}

/* ---- reading a sealed file ---- */

/* The manifest of the index file at PATH (its one 'M' entry). */
static json_t *read_index(const char *path, const unsigned char *key, char *err, size_t errlen)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
		return NULL;
	}
	enum bk_status st;
	json_t *m = NULL;
	struct bk_reader *r = bk_reader_new(fd_read, &fd, key, &st, NULL);
	if (!r) {
		snprintf(err, errlen, "%s: %s", path, status_text(st));
		close(fd);
		return NULL;
	}
	struct bk_container c = { sealed_read, r, 0, 0 };
	struct bk_entry e;
	struct sb buf = SB_INIT;
	int rc;
	while ((rc = bk_next(&c, &e)) == 1) {
		if (e.type != 'M' || e.size > MANIFEST_MAX || buf.len) {
			rc = BK_DAMAGED;
			break;
		}
		sb_grow(&buf, (size_t)e.size + 1);
		ssize_t n;
		while ((n = bk_data(&c, buf.buf + buf.len, (size_t)e.size - buf.len)) > 0)
			buf.len += (size_t)n;
		if (n < 0) {
			rc = (int)n;
			break;
		}
	}
	if (rc == 0 && bk_reader_done(r) && buf.len)
		m = json_loadb(buf.buf, buf.len, 0, NULL);
	if (!m)
		snprintf(err, errlen, "%s: %s", path, status_text(rc < 0 ? rc : BK_DAMAGED));
	sb_release(&buf);
	bk_reader_free(r);
	close(fd);
	return m;
}

/* The newest backup of DEST (by name) that has both its archive and its index: its manifest,
 * or NULL (with a reason in ERR when there was one but it could not be read). */
static json_t *previous_manifest(struct dest *d, const unsigned char *key, char *err, size_t errlen)
{
	json_t *names = dest_list(d, err, errlen), *v, *m = NULL;
	const char *best = NULL;
	size_t i;
	err[0] = 0;
	if (!names)
		return NULL;
	json_array_foreach(names, i, v) {
		const char *n = json_string_value(v);
		size_t len = strlen(n);
		if (len < 9 || strncmp(n, "cong-", 5) != 0 || strcmp(n + len - 4, ".idx") != 0)
			continue;
		char cbk[256];
		snprintf(cbk, sizeof(cbk), "%.*s.cbk", (int)(len - 4), n);
		int has = 0;
		size_t j;
		json_t *w;
		json_array_foreach(names, j, w) has |= strcmp(json_string_value(w), cbk) == 0;
		if (has && (!best || strcmp(n, best) > 0))
			best = n;
	}
	if (best) {
		char *p = dest_fetch(d, best, err, errlen);
		if (p)
			m = read_index(p, key, err, errlen);
		dest_fetched(d, p);
	}
	json_decref(names);
	return m;
}

/* ---- writing ---- */

struct writer {
	struct bk_writer *w;
	struct progress *pg;
	unsigned char head[11 + BK_NAME_MAX];
};

static int put_entry(struct writer *wr, char type, const char *name, const void *data, size_t len)
{
	size_t n = bk_entry_header(wr->head, type, name, len);
	return bk_write(wr->w, wr->head, n) || (len && bk_write(wr->w, data, len)) ? -1 : 0;
}

/* Stores the file SRC as NAME (SIZE bytes, as listed), its SHA-256 into HEX. */
static int put_file(struct writer *wr, const char *src, const char *name, int64_t size, char hex[65], char *err,
		    size_t errlen)
{
	int fd = open(src, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "cannot read %s: %s", src, strerror(errno));
		return -1;
	}
	size_t n = bk_entry_header(wr->head, 'F', name, (uint64_t)size);
	int rc = bk_write(wr->w, wr->head, n);
	crypto_hash_sha256_state h;
	crypto_hash_sha256_init(&h);
	unsigned char *buf = xmalloc(IOBUF);
	int64_t left = size;
	while (!rc && left > 0) {
		ssize_t r = read(fd, buf, left < (int64_t)IOBUF ? (size_t)left : IOBUF);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			snprintf(err, errlen, "%s changed while it was being saved (shorter than listed)", src);
			rc = -1;
			break;
		}
		crypto_hash_sha256_update(&h, buf, (size_t)r);
		if (bk_write(wr->w, buf, (size_t)r)) {
			snprintf(err, errlen, "cannot write the archive: %s", strerror(errno));
			rc = -1;
		}
		left -= r;
		wr->pg->done += r;
		progress_draw(wr->pg, 0);
	}
	free(buf);
	close(fd);
	unsigned char d[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_final(&h, d);
	sodium_bin2hex(hex, 65, d, sizeof(d));
	return rc;
}

/* Writes a sealed file at PATH: the files of MANIFEST whose "in" is NAME (read from the data
 * folder, or the snapshot for the database: cong.db or cong.pgdump), then the manifest (INDEX:
 * only the manifest). */
static int write_sealed(const char *path, const unsigned char *key, json_t *manifest, const char *data_dir,
			const char *snapshot, int index, struct progress *pg, uint64_t *bytes, char *err, size_t errlen)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		snprintf(err, errlen, "cannot create %s: %s", path, strerror(errno));
		return -1;
	}
	struct writer wr = { .w = bk_writer_new(fd, key, 3), .pg = pg };
	int rc = wr.w ? 0 : -1;
	const char *name = json_string_value(json_object_get(manifest, "name"));
	json_t *files = json_object_get(manifest, "files"), *f;
	size_t i;
	for (i = 0; !index && !rc && i < json_array_size(files);) {
		f = json_array_get(files, i);
		if (strcmp(json_string_value(json_object_get(f, "in")), name) != 0) {
			i++;
			continue;
		}
		const char *rel = json_string_value(json_object_get(f, "path"));
		struct sb src = SB_INIT;
		struct stat st;
		if (is_db_entry(rel))
			sb_adds(&src, snapshot);
		else
			sb_addf(&src, "%s/%s", data_dir, rel);
		if (!is_db_entry(rel) && stat(src.buf, &st) && errno == ENOENT) {
			/* deleted since the folder was listed (a media file removed meanwhile): left out */
			log_warn("backup: %s was deleted during the backup; left out", src.buf);
			json_array_remove(files, i);
			sb_release(&src);
			continue;
		}
		char hex[65];
		rc = put_file(&wr, src.buf, rel, json_integer_value(json_object_get(f, "size")), hex, err, errlen);
		json_object_set_new(f, "sha256", json_string(hex));
		sb_release(&src);
		i++;
	}
	char *text = rc ? NULL : json_dumps(manifest, JSON_COMPACT | JSON_SORT_KEYS);
	if (!rc && (!text || put_entry(&wr, 'M', "manifest.json", text, strlen(text)) || put_entry(&wr, 'E', "", NULL, 0))) {
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
		rc = -1;
	}
	json_free_str(text);
	if (wr.w) {
		if (rc)
			bk_writer_abort(wr.w);
		else if (bk_writer_finish(wr.w, bytes)) {
			snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
			rc = -1;
		}
	}
	if (close(fd) && !rc) {
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
		rc = -1;
	}
	return rc;
}

/* Writes the backup MANIFEST (its files' "in" decided) to D: the archive, then its index, each
 * under a temporary name and renamed at the end (uploaded and renamed for a remote one). */
static int write_to(struct dest *d, const unsigned char *key, json_t *manifest, const char *data_dir,
		    const char *snapshot, struct progress *pg, uint64_t *size, char *err, size_t errlen)
{
	const char *name = json_string_value(json_object_get(manifest, "name"));
	struct sb cbk = SB_INIT, idx = SB_INIT, cbk_tmp = SB_INIT, idx_tmp = SB_INIT, fcbk = SB_INIT, fidx = SB_INIT;
	int rc = -1;
	sb_addf(&fcbk, "cong-%s.cbk", name);
	sb_addf(&fidx, "cong-%s.idx", name);
	const char *dir = d->remote ? d->work : d->spec;
	if (!d->remote && mkdir_p(dir, 0700)) {
		snprintf(err, errlen, "cannot create the folder %s: %s", dir, strerror(errno));
		goto out;
	}
	if (!d->remote) { /* what a run killed midway left here (runs of a data folder are one at a time) */
		DIR *dd = opendir(dir);
		struct dirent *de;
		while (dd && (de = readdir(dd)) != NULL) {
			size_t n = strlen(de->d_name);
			if (strncmp(de->d_name, ".cong-", 6) == 0 && n > 5 && strcmp(de->d_name + n - 5, ".part") == 0)
				unlinkat(dirfd(dd), de->d_name, 0);
		}
		if (dd)
			closedir(dd);
	}
	sb_addf(&cbk, "%s/%s", dir, fcbk.buf);
	sb_addf(&idx, "%s/%s", dir, fidx.buf);
	sb_addf(&cbk_tmp, "%s/.%s.part", dir, fcbk.buf);
	sb_addf(&idx_tmp, "%s/.%s.part", dir, fidx.buf);
	uint64_t isize = 0;
	if (write_sealed(cbk_tmp.buf, key, manifest, data_dir, snapshot, 0, pg, size, err, errlen) ||
	    write_sealed(idx_tmp.buf, key, manifest, data_dir, snapshot, 1, pg, &isize, err, errlen))
		goto out;
	if (d->remote) {
		/* the archive first: an index names only an archive that is there */
		if (remote_put(d->spec, d->auth, cbk_tmp.buf, fcbk.buf, err, errlen) ||
		    remote_put(d->spec, d->auth, idx_tmp.buf, fidx.buf, err, errlen))
			goto out;
	} else if (rename(cbk_tmp.buf, cbk.buf) || rename(idx_tmp.buf, idx.buf) || fsync_dir(dir)) {
		snprintf(err, errlen, "cannot put the backup in %s: %s", dir, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	unlink(cbk_tmp.buf);
	unlink(idx_tmp.buf);
	sb_release(&cbk);
	sb_release(&idx);
	sb_release(&cbk_tmp);
	sb_release(&idx_tmp);
	sb_release(&fcbk);
	sb_release(&fidx);
	return rc;
}

/* ---- restoring ---- */

/* Extracts from the archive at PATH (backup NAME) into STAGE the files WANT lists (path →
 * manifest entry; NULL: every file, any file of the archive is wanted), checking each one's
 * hash and size. The archive's own manifest comes back in *INNER when asked. */
static int extract(const char *path, const char *name, const unsigned char *key, json_t *want, const char *stage,
		   json_t **inner, json_t *got, struct progress *pg, char *err, size_t errlen)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "the backup %s is missing (%s): %s", name, path, strerror(errno));
		return -1;
	}
	enum bk_status st;
	char fid[2 * BK_KEYID + 1] = "", kid[2 * BK_KEYID + 1];
	struct bk_reader *r = bk_reader_new(fd_read, &fd, key, &st, fid);
	if (!r) {
		bk_key_id_hex(key, kid);
		if (st == BK_WRONG_KEY)
			snprintf(err, errlen, "%s was encrypted with another key (key id %s; the key given is %s): "
				 "give the backup key kept for these backups (--key FILE)", path, fid, kid);
		else
			snprintf(err, errlen, "%s: %s", path, status_text(st));
		close(fd);
		return -1;
	}
	struct bk_container c = { sealed_read, r, 0, 0 };
	struct bk_entry e;
	struct sb mbuf = SB_INIT;
	unsigned char *buf = xmalloc(IOBUF);
	int rc;
	while ((rc = bk_next(&c, &e)) == 1) {
		if (e.type == 'M') {
			if (e.size > MANIFEST_MAX || mbuf.len) {
				rc = BK_DAMAGED;
				break;
			}
			sb_grow(&mbuf, (size_t)e.size + 1);
			ssize_t n;
			while ((n = bk_data(&c, mbuf.buf + mbuf.len, (size_t)e.size - mbuf.len)) > 0)
				mbuf.len += (size_t)n;
			if (n < 0) {
				rc = (int)n;
				break;
			}
			continue;
		}
		json_t *w = want ? json_object_get(want, e.name) : NULL;
		if (want && !w)
			continue; /* held here for another backup: bk_next skips it */
		if (json_object_get(got, e.name)) {
			rc = BK_DAMAGED; /* twice */
			break;
		}
		struct sb out = SB_INIT;
		sb_addf(&out, "%s/%s", stage, e.name);
		char *slash = strrchr(out.buf, '/');
		*slash = 0;
		int ok = mkdir_p(out.buf, 0750) == 0;
		*slash = '/';
		int ofd = ok ? open(out.buf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640) : -1;
		if (ofd < 0) {
			snprintf(err, errlen, "cannot create %s: %s", out.buf, strerror(errno));
			sb_release(&out);
			rc = -100;
			break;
		}
		crypto_hash_sha256_state h;
		crypto_hash_sha256_init(&h);
		ssize_t n;
		uint64_t total = 0;
		while ((n = bk_data(&c, buf, IOBUF)) > 0) {
			crypto_hash_sha256_update(&h, buf, (size_t)n);
			total += (uint64_t)n;
			const unsigned char *p = buf;
			while (n > 0) {
				ssize_t wn = write(ofd, p, (size_t)n);
				if (wn <= 0) {
					ok = 0;
					break;
				}
				p += wn;
				n -= wn;
			}
			if (!ok)
				break;
			pg->done += (int64_t)(p - buf);
			progress_draw(pg, 0);
		}
		if (fsync(ofd))
			ok = 0;
		close(ofd);
		if (n < 0) {
			sb_release(&out);
			rc = (int)n;
			break;
		}
		if (!ok) {
			snprintf(err, errlen, "cannot write %s: %s", out.buf, strerror(errno));
			sb_release(&out);
			rc = -100;
			break;
		}
		sb_release(&out);
		unsigned char d[crypto_hash_sha256_BYTES];
		char hex[65];
		crypto_hash_sha256_final(&h, d);
		sodium_bin2hex(hex, sizeof(hex), d, sizeof(d));
		json_object_set_new(got, e.name, json_pack("{sssI}", "sha256", hex, "size", (json_int_t)total));
	}
	if (rc == 0 && !bk_reader_done(r))
		rc = BK_DAMAGED;
	if (rc < 0 && rc != -100)
		snprintf(err, errlen, "%s: %s", path, status_text(rc));
	if (rc == 0 && inner) {
		*inner = mbuf.len ? json_loadb(mbuf.buf, mbuf.len, 0, NULL) : NULL;
		if (!*inner) {
			snprintf(err, errlen, "%s has no manifest", path);
			rc = -1;
		}
	}
	free(buf);
	sb_release(&mbuf);
	bk_reader_free(r);
	close(fd);
	return rc ? -1 : 0;
}

/* "cong-<name>.cbk" → name; NULL when FILE is not so named. */
static char *name_of(const char *file)
{
	const char *base = strrchr(file, '/');
	base = base ? base + 1 : file;
	size_t n = strlen(base);
	if (n < 10 || strncmp(base, "cong-", 5) != 0 || strcmp(base + n - 4, ".cbk") != 0)
		return NULL;
	return xstrndup(base + 5, n - 9);
}

/* Checks the restored database DB against MANIFEST: the audit chain verifies and its head is the
 * manifest's, each table has the rows the snapshot had. HOW says what was done before (the
 * database's own check), for DETAIL. */
static int check_db(struct db *db, json_t *manifest, const char *how, char *detail, size_t len)
{
	int rc = -1;
	int64_t checked = 0, count, last_id, bad;
	char hash[65];
	json_t *audit = json_object_get(manifest, "audit"), *tables = json_object_get(manifest, "tables"), *counts = NULL;
	if ((bad = audit_verify(db, &checked)) != 0) {
		if (bad < 0)
			snprintf(detail, len, "the audit log cannot be read: %s", db_errmsg(db));
		else
			snprintf(detail, len, "the audit log's chain is broken at record %lld", (long long)bad);
	} else if (audit_head(db, &count, &last_id, hash)) {
		snprintf(detail, len, "the audit log cannot be read");
	} else if (count != json_integer_value(json_object_get(audit, "count")) ||
		   last_id != json_integer_value(json_object_get(audit, "last_id")) ||
		   strcmp(hash, str(json_object_get(audit, "hash"))) != 0) {
		snprintf(detail, len, "the audit log's head (%lld records, last %lld) is not the manifest's (%lld, last %lld)",
			 (long long)count, (long long)last_id, (long long)json_integer_value(json_object_get(audit, "count")),
			 (long long)json_integer_value(json_object_get(audit, "last_id")));
	} else if (!(counts = db_table_counts(db)) || !json_is_object(tables) || !json_equal(counts, tables)) {
		const char *k;
		json_t *v;
		snprintf(detail, len, "row counts differ from the snapshot's");
		json_object_foreach(tables, k, v) {
			json_t *got = counts ? json_object_get(counts, k) : NULL;
			if (!got || json_integer_value(got) != json_integer_value(v)) {
				snprintf(detail, len, "table %s has %lld rows, the snapshot had %lld", k,
					 got ? (long long)json_integer_value(got) : -1LL, (long long)json_integer_value(v));
				break;
			}
		}
	} else {
		int64_t rows = 0;
		const char *k;
		json_t *v;
		json_object_foreach(counts, k, v) rows += json_integer_value(v);
		snprintf(detail, len, "%zu files with their SHA-256; %s; audit chain of %lld records verified, "
			 "head as in the manifest; %zu tables, %lld rows, as in the snapshot",
			 json_array_size(json_object_get(manifest, "files")), how, (long long)checked, json_object_size(counts),
			 (long long)rows);
		rc = 0;
	}
	json_decref(counts);
	return rc;
}

/* Checks the restored SQLite folder STAGE against MANIFEST: the database opens, integrity_check
 * says ok, then check_db. */
static int check_sqlite(const char *stage, json_t *manifest, char *detail, size_t len)
{
	char err[512];
	struct sb p = SB_INIT;
	sb_addf(&p, "%s/" DB_SQLITE, stage);
	struct db *db = db_open(p.buf, err, sizeof(err));
	sb_release(&p);
	if (!db) {
		snprintf(detail, len, "the database does not open: %s", err);
		return -1;
	}
	int rc = -1;
	if (db_integrity(db, err, sizeof(err)))
		snprintf(detail, len, "the database is damaged: %s", err);
	else
		rc = check_db(db, manifest, "integrity_check ok", detail, len);
	db_close(db);
	return rc;
}

/* Which database MANIFEST's backup holds: DB_SQLITE or DB_PGDUMP (NULL: neither). */
static const char *db_entry_of(json_t *manifest)
{
	json_t *f;
	size_t i;
	json_array_foreach(json_object_get(manifest, "files"), i, f) {
		const char *p = str(json_object_get(f, "path"));
		if (is_db_entry(p))
			return strcmp(p, DB_SQLITE) == 0 ? DB_SQLITE : DB_PGDUMP;
	}
	return NULL;
}

/* PostgreSQL's dump STAGE/cong.pgdump restored into the database URL (fresh and empty) and
 * checked there (check_db). HOW: what it is, for DETAIL. TOOLS: a private folder. */
static int pg_restore_check(const char *stage, json_t *manifest, const char *url, const char *how, int64_t entries,
			    const char *tools, char *detail, size_t len)
{
	char err[600];
	struct sb dump = SB_INIT, what = SB_INIT;
	sb_addf(&dump, "%s/" DB_PGDUMP, stage);
	int rc = -1;
	struct db *db = db_open(url, err, sizeof(err));
	int major = db ? pgadmin_server_major(db) : 0;
	db_close(db); /* reopened below: the tables are not there yet */
	if (!db) {
		snprintf(detail, len, "%s", err);
	} else if (pgd_restore(url, major, dump.buf, tools, err, sizeof(err))) {
		snprintf(detail, len, "the dump does not restore into %s (one transaction: nothing of it was kept): %s", how,
			 err);
	} else if (!(db = db_open(url, err, sizeof(err)))) {
		snprintf(detail, len, "%s", err);
	} else {
		sb_addf(&what, "pg_restore of %lld entries into %s ok", (long long)entries, how);
		rc = check_db(db, manifest, what.buf, detail, len);
		db_close(db);
	}
	sb_release(&dump);
	sb_release(&what);
	return rc;
}

/* Checks PostgreSQL's dump in STAGE: pg_restore --list reads it whole; with SERVER (a URL: the
 * data folder's database), restored into a throwaway database of that server (CREATE DATABASE
 * cong_drill_<random>, dropped after) and checked there, when the role may create one. */
static int check_pgdump(const char *stage, json_t *manifest, const char *server, const char *tools, char *detail,
			size_t len)
{
	char err[600];
	int64_t entries = 0;
	struct sb dump = SB_INIT;
	sb_addf(&dump, "%s/" DB_PGDUMP, stage);
	int rc = pgd_list(dump.buf, tools, &entries, err, sizeof(err));
	sb_release(&dump);
	size_t nfiles = json_array_size(json_object_get(manifest, "files"));
	if (rc) {
		snprintf(detail, len, "the PostgreSQL dump cannot be read: %s", err);
		return -1;
	}
	const char *only = "only the archive was checked (every file's SHA-256, and pg_restore --list reads the dump whole)";
	if (!server) {
		snprintf(detail, len, "%zu files with their SHA-256; the PostgreSQL dump lists %lld entries; %s: no PostgreSQL "
			 "server to restore it into (give --data DIR of a folder on PostgreSQL, or --db URL, for a full drill)",
			 nfiles, (long long)entries, only);
		return 0;
	}
	struct db *adm = db_open(server, err, sizeof(err));
	if (!adm) { /* a URL of the server without a database (`--db postgresql://host/`): its postgres */
		char e2[300], *alt = pgd_url_with_db(server, "postgres", e2, sizeof(e2));
		adm = alt ? db_open(alt, e2, sizeof(e2)) : NULL;
		free(alt);
	}
	if (!adm) {
		snprintf(detail, len, "the dump reads whole (%lld entries), but the server for the drill cannot be reached: %s",
			 (long long)entries, err);
		return -1;
	}
	int major = pgadmin_server_major(adm);
	if (!pgadmin_may_create_database(adm)) {
		snprintf(detail, len, "%zu files with their SHA-256; the PostgreSQL dump lists %lld entries; %s: the database's "
			 "role may not create a database (CREATEDB) to restore it into for a full drill", nfiles,
			 (long long)entries, only);
		db_close(adm);
		return 0;
	}
	char name[64];
	pgd_drill_name(name, sizeof(name));
	pgd_drop_stale(adm, major, 6 * 3600); /* what a killed run left */
	if (pgadmin_create_database(adm, name, err, sizeof(err))) {
		snprintf(detail, len, "%zu files with their SHA-256; the PostgreSQL dump lists %lld entries; %s: CREATE "
			 "DATABASE %s failed: %s", nfiles, (long long)entries, only, name, err);
		db_close(adm);
		return 0;
	}
	char *url = pgd_url_with_db(server, name, err, sizeof(err));
	struct sb how = SB_INIT;
	sb_addf(&how, "a throwaway database (%s)", name);
	rc = url ? pg_restore_check(stage, manifest, url, how.buf, entries, tools, detail, len) : -1;
	if (!url)
		snprintf(detail, len, "%s", err);
	size_t n = strlen(detail);
	if (pgadmin_drop_database(adm, name, major, err, sizeof(err))) {
		log_warn("backup: the drill's database %s could not be dropped: %s", name, err);
		snprintf(detail + n, len - n, "; the drill's database %s could not be dropped: %s", name, err);
	} else {
		snprintf(detail + n, len - n, "; %s dropped", name);
	}
	free(url);
	sb_release(&how);
	db_close(adm);
	return rc;
}

/* What is checked of a restored STAGE: the database the backup holds, by its engine. VERIFY:
 * SQLite's file opened and checked in place; PostgreSQL's dump as check_pgdump does with PG (the
 * data folder's server, or NULL). RESTORE: the same for SQLite (PG must be NULL: a SQLite backup
 * goes to PostgreSQL through cong migrate); PostgreSQL's dump restored into PG, the new empty
 * database, and checked there, then removed from STAGE. */
enum { CHECK_VERIFY, CHECK_RESTORE };
static int check_stage(const char *stage, json_t *manifest, int mode, const char *pg, const char *tools, char *detail,
		       size_t len)
{
	const char *what = db_entry_of(manifest);
	if (!what) {
		snprintf(detail, len, "the backup holds no database (neither %s nor %s)", DB_SQLITE, DB_PGDUMP);
		return -1;
	}
	if (strcmp(what, DB_SQLITE) == 0) {
		if (mode == CHECK_RESTORE && pg) {
			snprintf(detail, len, "this backup holds a SQLite database (cong.db), not a PostgreSQL dump: restore it "
				 "without --db into a new folder, then move that folder to PostgreSQL with "
				 "`cong migrate --from NEWDIR --db URL`");
			return -1;
		}
		return check_sqlite(stage, manifest, detail, len);
	}
	if (mode == CHECK_VERIFY)
		return check_pgdump(stage, manifest, pg, tools, detail, len);
	if (!pg) {
		snprintf(detail, len, "this backup holds a PostgreSQL dump (cong.pgdump): give the new, empty database to "
			 "restore it into (--db postgresql://…; createdb makes one)");
		return -1;
	}
	char err[600];
	int64_t entries = 0;
	struct sb dump = SB_INIT;
	sb_addf(&dump, "%s/" DB_PGDUMP, stage);
	int rc = pgd_list(dump.buf, tools, &entries, err, sizeof(err));
	if (rc) {
		snprintf(detail, len, "the PostgreSQL dump cannot be read: %s", err);
	} else {
		char *shown = pgd_url_shown(pg);
		rc = pg_restore_check(stage, manifest, pg, shown, entries, tools, detail, len);
		free(shown);
	}
	unlink(dump.buf); /* in the database now: not a file of the restored folder */
	sb_release(&dump);
	return rc;
}

/* Restores the backup at FROM (local path) into STAGE (made here) and checks it (check_stage:
 * MODE, PG; TOOLS a private folder for pg_dump's tools). */
static int restore_local(struct dest *d, const char *from, const unsigned char *key, const char *stage,
			 struct progress *pg, int mode, const char *pgurl, const char *tools, char *detail, size_t len)
{
	char *name = name_of(from);
	json_t *got = json_object(), *manifest = NULL, *groups = json_object();
	int rc = -1;
	if (!name) {
		snprintf(detail, len, "%s is not named like a backup (cong-<name>.cbk)", from);
		goto out;
	}
	if (mkdir_p(stage, 0750)) {
		snprintf(detail, len, "cannot create %s: %s", stage, strerror(errno));
		goto out;
	}
	struct stat st;
	pg->total = 0; /* the restored size is known only from the manifest, at the archive's end */
	if (extract(from, name, key, NULL, stage, &manifest, got, pg, detail, len))
		goto out;
	if (strcmp(str(json_object_get(manifest, "name")), name) != 0) {
		snprintf(detail, len, "%s holds another backup (%s): renamed or swapped", from,
			 str(json_object_get(manifest, "name")));
		goto out;
	}
	/* the index beside it, when there, must say the same */
	struct sb idx = SB_INIT;
	sb_addf(&idx, "%.*s.idx", (int)(strlen(from) - 4), from);
	if (stat(idx.buf, &st) == 0) {
		char err[512];
		json_t *im = read_index(idx.buf, key, err, sizeof(err));
		if (!im || !json_equal(im, manifest)) {
			snprintf(detail, len, "the index %s does not match the archive: %s", idx.buf, im ? "different manifest" : err);
			json_decref(im);
			sb_release(&idx);
			goto out;
		}
		json_decref(im);
	}
	sb_release(&idx);
	/* every file of the manifest: here, or in the earlier backup that holds it */
	json_t *files = json_object_get(manifest, "files"), *f;
	size_t i;
	json_array_foreach(files, i, f) {
		const char *in = json_string_value(json_object_get(f, "in")), *path = json_string_value(json_object_get(f, "path"));
		if (!in || !path || !bk_name_ok(path, strlen(path))) {
			snprintf(detail, len, "the manifest of %s is malformed", from);
			goto out;
		}
		if (strcmp(in, name) == 0)
			continue;
		json_t *g = json_object_get(groups, in);
		if (!g)
			json_object_set_new(groups, in, g = json_object());
		json_object_set(g, path, f);
	}
	const char *in;
	json_t *g;
	json_object_foreach(groups, in, g) {
		struct sb other = SB_INIT, base = SB_INIT;
		sb_addf(&base, "cong-%s.cbk", in);
		char *path = NULL;
		if (d->remote) {
			path = dest_fetch(d, base.buf, detail, len);
		} else {
			const char *slash = strrchr(from, '/');
			sb_addf(&other, "%.*s%s", slash ? (int)(slash - from + 1) : 0, from, base.buf);
			path = sb_detach(&other, NULL);
		}
		int bad = !path || extract(path, in, key, g, stage, NULL, got, pg, detail, len);
		if (d->remote)
			dest_fetched(d, path);
		else
			free(path);
		sb_release(&base);
		if (bad)
			goto out;
	}
	json_array_foreach(files, i, f) {
		const char *path = json_string_value(json_object_get(f, "path"));
		json_t *h = json_object_get(got, path);
		if (!h) {
			snprintf(detail, len, "%s is missing from the backup", path);
			goto out;
		}
		if (strcmp(json_string_value(json_object_get(h, "sha256")), str(json_object_get(f, "sha256"))) ||
		    json_integer_value(json_object_get(h, "size")) != json_integer_value(json_object_get(f, "size"))) {
			snprintf(detail, len, "%s does not match its SHA-256 in the manifest", path);
			goto out;
		}
		json_object_del(got, path);
	}
	if (json_object_size(got)) {
		snprintf(detail, len, "the archive holds files its manifest does not name");
		goto out;
	}
	progress_draw(pg, 1);
	rc = check_stage(stage, manifest, mode, pgurl, tools, detail, len);
out:
	free(name);
	json_decref(got);
	json_decref(groups);
	json_decref(manifest);
	return rc;
}

/* FROM as a destination and a local path to its archive. */
static char *open_from(const char *from, struct dest *d, const struct remote_auth *auth, const char *work, char *detail,
		       size_t len)
{
	memset(d, 0, sizeof(*d));
	d->auth = auth;
	d->work = work;
	const char *slash = strrchr(from, '/');
	if (remote_is_url(from)) {
		if (!slash) {
			snprintf(detail, len, "%s is not a backup's address", from);
			return NULL;
		}
		d->remote = 1;
		d->spec = xstrndup(from, (size_t)(slash - from));
		return dest_fetch(d, slash + 1, detail, len);
	}
	d->spec = slash ? xstrndup(from, (size_t)(slash - from)) : xstrdup(".");
	return xstrdup(from);
}

int backup_verify(const char *from, const unsigned char key[BK_KEYBYTES], const struct remote_auth *auth,
		  const char *work_dir, const char *server, char *detail, size_t detaillen)
{
	struct sb tmp = SB_INIT;
	sb_addf(&tmp, "%s/cong-verify-XXXXXX", work_dir && *work_dir ? work_dir : "/tmp");
	if (mkdir_p(work_dir && *work_dir ? work_dir : "/tmp", 0700) || !mkdtemp(tmp.buf)) {
		snprintf(detail, detaillen, "cannot make a temporary folder in %s: %s", work_dir, strerror(errno));
		sb_release(&tmp);
		return -1;
	}
	struct dest d;
	struct progress pg = { .label = "verify" };
	struct sb stage = SB_INIT;
	sb_addf(&stage, "%s/data", tmp.buf);
	char *local = open_from(from, &d, auth, tmp.buf, detail, detaillen);
	int rc = local ? restore_local(&d, local, key, stage.buf, &pg, CHECK_VERIFY, server, tmp.buf, detail, detaillen) : -1;
	if (d.remote)
		dest_fetched(&d, local);
	else
		free(local);
	free((char *)d.spec);
	rm_rf(tmp.buf);
	sb_release(&tmp);
	sb_release(&stage);
	return rc;
}

int backup_restore(const char *from, const unsigned char key[BK_KEYBYTES], const struct remote_auth *auth,
		   const char *out_dir, const char *pg, int force, int progress, char *detail, size_t detaillen)
{
	struct stat st;
	struct sb db = SB_INIT, stage = SB_INIT, aside = SB_INIT, kpath = SB_INIT, upath = SB_INIT;
	int rc = -1, exists = stat(out_dir, &st) == 0;
	char *local = NULL;
	struct dest d = { 0 };
	sb_addf(&db, "%s/cong.db", out_dir);
	sb_addf(&upath, "%s/" DATA_DB_URL_FILE, out_dir);
	if (exists && !S_ISDIR(st.st_mode)) {
		snprintf(detail, detaillen, "%s exists and is not a folder", out_dir);
		goto out;
	}
	int empty = 1;
	if (exists) {
		DIR *dir = opendir(out_dir);
		struct dirent *de;
		while (dir && (de = readdir(dir)) != NULL)
			if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
				empty = 0;
		if (dir)
			closedir(dir);
	}
	if (!empty && !force) {
		snprintf(detail, detaillen, "%s %s: restore refuses to replace it without --force (or choose a new folder)",
			 out_dir, stat(db.buf, &st) == 0 ? "holds a data folder (cong.db)"
				  : stat(upath.buf, &st) == 0 ? "holds a data folder (database.url)" : "is not empty");
		goto out;
	}
	if (pg && !remote_is_url(from)) { /* a SQLite backup is refused before the database is touched */
		struct sb idx = SB_INIT;
		char err[600];
		size_t fl = strlen(from);
		sb_addf(&idx, "%.*s.idx", (int)(fl > 4 ? fl - 4 : fl), from);
		json_t *m = stat(idx.buf, &st) == 0 ? read_index(idx.buf, key, err, sizeof(err)) : NULL;
		const char *what = m ? db_entry_of(m) : NULL;
		int refuse = what && strcmp(what, DB_SQLITE) == 0;
		if (refuse)
			check_stage(NULL, m, CHECK_RESTORE, pg, NULL, detail, detaillen); /* its sentence */
		json_decref(m);
		sb_release(&idx);
		if (refuse)
			goto out;
	}
	if (pg) { /* the database to restore into: reachable, and empty (never over a live one) */
		char err[600];
		struct db *t = db_open(pg, err, sizeof(err));
		int64_t n = t ? pgadmin_relations(t) : -1;
		if (!t) {
			snprintf(detail, detaillen, "%s", err);
		} else if (n != 0) {
			char *shown = pgd_url_shown(pg);
			if (n < 0)
				snprintf(detail, detaillen, "cannot read %s: %s", shown, db_errmsg(t));
			else
				snprintf(detail, detaillen, "the database %s is not empty (%lld tables, sequences and indexes): restore "
					 "refuses to write into it; give a new, empty database (createdb)", shown, (long long)n);
			free(shown);
		}
		db_close(t);
		if (n != 0)
			goto out;
	}
	/* next to the target: the same disk, so that the last step is a rename */
	sb_addf(&stage, "%s.restoring-%ld", out_dir, (long)getpid());
	rm_rf(stage.buf);
	if (mkdir(stage.buf, 0750)) {
		snprintf(detail, detaillen, "cannot create %s: %s", stage.buf, strerror(errno));
		goto out;
	}
	struct sb work = SB_INIT;
	sb_addf(&work, "%s/" WORK, stage.buf);
	mkdir(work.buf, 0700);
	struct progress prog = { .on = progress, .label = "restore" };
	struct sb data = SB_INIT;
	sb_addf(&data, "%s/data", stage.buf);
	local = open_from(from, &d, auth, work.buf, detail, detaillen);
	rc = local ? restore_local(&d, local, key, data.buf, &prog, CHECK_RESTORE, pg, work.buf, detail, detaillen) : -1;
	if (!rc && pg) { /* the folder names its database, as `cong init --db` records it (0600: a password) */
		char msg[600];
		if (pgd_url_record(data.buf, pg, msg, sizeof(msg))) {
			snprintf(detail, detaillen, "%s", msg);
			rc = -1;
		}
	}
	if (!rc) {
		/* the key comes with the folder: its next backups go on with it */
		char hex[2 * BK_KEYBYTES + 2];
		sodium_bin2hex(hex, sizeof(hex), key, BK_KEYBYTES);
		sb_addf(&kpath, "%s/backup.key", data.buf);
		int fd = open(kpath.buf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		size_t hl = strlen(hex);
		hex[hl] = '\n';
		if (fd < 0 || write(fd, hex, hl + 1) != (ssize_t)(hl + 1) || fsync(fd)) {
			snprintf(detail, detaillen, "cannot write %s: %s", kpath.buf, strerror(errno));
			rc = -1;
		}
		if (fd >= 0)
			close(fd);
		sodium_memzero(hex, sizeof(hex));
	}
	if (!rc && exists) {
		if (empty) {
			rmdir(out_dir);
		} else {
			sb_addf(&aside, "%s.before-restore-%lld", out_dir, (long long)time(NULL));
			if (rename(out_dir, aside.buf)) {
				snprintf(detail, detaillen, "cannot move %s aside: %s", out_dir, strerror(errno));
				rc = -1;
			}
		}
	}
	if (!rc && rename(data.buf, out_dir)) {
		snprintf(detail, detaillen, "cannot put the restored folder at %s: %s", out_dir, strerror(errno));
		rc = -1;
	}
	if (!rc && aside.len) {
		size_t n = strlen(detail);
		snprintf(detail + n, detaillen - n, "; the folder that was there is kept as %s", aside.buf);
	}
	if (rc && pg) { /* said plainly: what the database holds now */
		char err[300];
		struct db *t = db_open(pg, err, sizeof(err));
		int64_t n = t ? pgadmin_relations(t) : 0;
		db_close(t);
		size_t l = strlen(detail);
		if (n > 0)
			snprintf(detail + l, detaillen - l, "; the database given holds the restored data now: drop it and create it "
				 "again (dropdb, createdb) before another try");
	}
	if (d.remote)
		dest_fetched(&d, local);
	else
		free(local);
	local = NULL;
	free((char *)d.spec);
	rm_rf(stage.buf);
	sb_release(&work);
	sb_release(&data);
out:
	free(local);
	sb_release(&db);
	sb_release(&stage);
	sb_release(&aside);
	sb_release(&kpath);
	sb_release(&upath);
	return rc;
}

/* ---- pruning ---- */

/* Days since 1970 of a backup's name "YYYYMMDDTHHMMSS…", or -1. */
static int64_t name_day(const char *name)
{
	int y, m, dd;
	if (strlen(name) < 16 || strspn(name, "0123456789") != 8 || name[8] != 'T' || strspn(name + 9, "0123456789") != 6 ||
	    sscanf(name, "%4d%2d%2dT", &y, &m, &dd) != 3 || y < 1970 || m < 1 || m > 12 || dd < 1 || dd > 31)
		return -1;
	/* days from civil (Howard Hinnant) */
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void backup_keep_select(const char *const *names, size_t n, int keep_daily, int keep_weekly, int keep_monthly,
			int *keep)
{
	/* newest first: the first of each day, week (Monday to Sunday) and month kept while counts last */
	int64_t last_day = INT64_MIN, last_week = INT64_MIN, last_month = INT64_MIN;
	int nd = 0, nw = 0, nm = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t day = name_day(names[i]);
		keep[i] = i == 0;
		if (day < 0) {
			keep[i] = 1; /* not named by us: never deleted */
			continue;
		}
		int64_t week = (day + 3) / 7; /* 1970-01-01 was a Thursday: weeks from Monday */
		int64_t month = (int64_t)atoi(names[i]) / 100;
		if (day != last_day && nd < keep_daily) {
			keep[i] = 1;
			nd++;
		}
		if (week != last_week && nw < keep_weekly) {
			keep[i] = 1;
			nw++;
		}
		if (month != last_month && nm < keep_monthly) {
			keep[i] = 1;
			nm++;
		}
		last_day = day;
		last_week = week;
		last_month = month;
	}
}

static int cmp_desc(const void *a, const void *b)
{
	return strcmp(*(char *const *)b, *(char *const *)a);
}

int backup_prune(const char *dest, const struct remote_auth *auth, const unsigned char key[BK_KEYBYTES],
		 const char *work_dir, int keep_daily, int keep_weekly, int keep_monthly, char *err, size_t errlen)
{
	struct dest d = { dest, remote_is_url(dest), auth, work_dir };
	if (keep_daily <= 0 && keep_weekly <= 0 && keep_monthly <= 0)
		return 0;
	json_t *names = dest_list(&d, err, errlen), *v;
	if (!names)
		return -1;
	size_t i, n = 0;
	char **bk = xcalloc(json_array_size(names) + 1, sizeof(char *));
	json_array_foreach(names, i, v) {
		char *nm = name_of(json_string_value(v));
		if (nm)
			bk[n++] = nm;
	}
	qsort(bk, n, sizeof(char *), cmp_desc);
	int *keep = xcalloc(n + 1, sizeof(int));
	backup_keep_select((const char *const *)bk, n, keep_daily, keep_weekly, keep_monthly, keep);
	/* and what the kept ones take files from */
	int deleted = 0, failed = 0;
	for (i = 0; i < n && !failed; i++) {
		if (!keep[i])
			continue;
		struct sb idx = SB_INIT;
		sb_addf(&idx, "cong-%s.idx", bk[i]);
		char *p = dest_fetch(&d, idx.buf, err, errlen);
		json_t *m = p ? read_index(p, key, err, errlen) : NULL;
		dest_fetched(&d, p);
		sb_release(&idx);
		if (!m) {
			failed = 1; /* when in doubt, keep everything */
			break;
		}
		json_t *f;
		size_t j;
		json_array_foreach(json_object_get(m, "files"), j, f) {
			const char *in = json_string_value(json_object_get(f, "in"));
			for (size_t k = 0; in && k < n; k++)
				if (strcmp(bk[k], in) == 0)
					keep[k] = 1;
		}
		json_decref(m);
	}
	for (i = 0; i < n && !failed; i++) {
		if (keep[i])
			continue;
		struct sb a = SB_INIT, b = SB_INIT;
		sb_addf(&a, "cong-%s.idx", bk[i]);
		sb_addf(&b, "cong-%s.cbk", bk[i]);
		/* the index first: a backup without its index is not taken as "previous" */
		if (dest_delete(&d, a.buf, err, errlen) || dest_delete(&d, b.buf, err, errlen))
			failed = 1;
		else
			deleted++;
		sb_release(&a);
		sb_release(&b);
	}
	for (i = 0; i < n; i++)
		free(bk[i]);
	free(bk);
	free(keep);
	json_decref(names);
	return failed ? -1 : deleted;
}

/* ---- a run ---- */

static void say(const struct backup_opts *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(const struct backup_opts *o, const char *fmt, ...)
{
	va_list ap;
	if (!o->out)
		return;
	va_start(ap, fmt);
	vfprintf(o->out, fmt, ap);
	va_end(ap);
	fputc('\n', o->out);
	fflush(o->out);
}

static void make_name(char *buf, size_t len)
{
	struct timespec ts;
	struct tm tm;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	snprintf(buf, len, "%04d%02d%02dT%02d%02d%02d.%03ldZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		 tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000000);
}

/* The manifest of this backup for destination D: every file, stored here unless D's previous
 * backup holds the same (path, size, time). */
static json_t *plan(json_t *base, struct files *fl, json_t *prev, int full, int64_t *new_files, int64_t *new_bytes)
{
	json_t *m = json_deep_copy(base), *files = json_object_get(m, "files");
	const char *name = json_string_value(json_object_get(m, "name"));
	json_t *old = json_object(), *f;
	size_t i;
	if (prev && !full) {
		json_array_foreach(json_object_get(prev, "files"), i, f) {
			const char *p = json_string_value(json_object_get(f, "path"));
			if (p && !is_db_entry(p))
				json_object_set(old, p, f);
		}
		json_object_set(m, "previous", json_object_get(prev, "name"));
	}
	*new_files = 1; /* the database */
	*new_bytes = json_integer_value(json_object_get(json_array_get(files, 0), "size"));
	for (i = 0; i < fl->n; i++) {
		json_t *o = json_object_get(old, fl->v[i].path);
		if (o && json_integer_value(json_object_get(o, "size")) == fl->v[i].size &&
		    json_integer_value(json_object_get(o, "mtime")) == fl->v[i].mtime_ns && json_object_get(o, "in") &&
		    json_object_get(o, "sha256")) {
			json_array_append_new(files, json_pack("{sssIsIsOsO}", "path", fl->v[i].path, "size", (json_int_t)fl->v[i].size,
							       "mtime", (json_int_t)fl->v[i].mtime_ns, "in", json_object_get(o, "in"),
							       "sha256", json_object_get(o, "sha256")));
		} else {
			json_array_append_new(files, json_pack("{sssIsIss}", "path", fl->v[i].path, "size", (json_int_t)fl->v[i].size,
							       "mtime", (json_int_t)fl->v[i].mtime_ns, "in", name));
			(*new_files)++;
			*new_bytes += fl->v[i].size;
		}
	}
	json_decref(old);
	return m;
}

static int sha_file(const char *path, char hex[65])
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	crypto_hash_sha256_state h;
	crypto_hash_sha256_init(&h);
	unsigned char *buf = xmalloc(IOBUF);
	ssize_t n;
	while ((n = read(fd, buf, IOBUF)) > 0)
		crypto_hash_sha256_update(&h, buf, (size_t)n);
	free(buf);
	close(fd);
	unsigned char d[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_final(&h, d);
	sodium_bin2hex(hex, 65, d, sizeof(d));
	return n < 0 ? -1 : 0;
}

/* The database of a folder on PostgreSQL: pg_dump of one snapshot into PATH, and what that
 * snapshot says of itself (the audit chain's head, each table's rows), read in the same
 * transaction — the one whose snapshot pg_dump takes (pg_export_snapshot, pg_dump --snapshot),
 * so that the manifest's counts are the dump's while the server goes on writing. */
static int snapshot_pg(const char *url, const char *path, const char *work, struct progress *pg, int64_t *count,
		       int64_t *last_id, char hash[65], json_t **tables, char *err, size_t errlen)
{
	struct db *s = db_open(url, err, errlen);
	if (!s)
		return -1;
	char id[128];
	int64_t size = 0;
	int rc = -1, major = pgadmin_server_major(s);
	if (pgadmin_snapshot(s, id, &size, err, errlen) == 0) {
		pg->total = size > 0 ? size : 1;
		if (audit_head(s, count, last_id, hash) || !(*tables = db_table_counts(s)))
			snprintf(err, errlen, "the snapshot cannot be read: %s", db_errmsg(s));
		else
			rc = pgd_dump(url, major, id, path, work, size, snapshot_progress, pg, err, errlen);
		db_read_end(s);
	}
	db_close(s);
	if (rc == 0) { /* the bar to its end: the size was an estimate */
		pg->done = pg->total;
		progress_draw(pg, 0);
	}
	return rc;
}

int backup_run(const struct backup_opts *o, struct backup_result *res)
{
	memset(res, 0, sizeof(*res));
	res->drill_ok = -1;
	int64_t t0 = now_ms(), started = time_now();
	unsigned char key[BK_KEYBYTES];
	struct sb work = SB_INIT, lock = SB_INIT, snap = SB_INIT, dbp = SB_INIT, defdest = SB_INIT;
	struct files fl = { 0 };
	json_t *base = NULL, *dests_out = json_array();
	char **skip = NULL;
	int lockfd = -1, rc = -1;
	int64_t row = -1;
	struct db *db = NULL;
	const char *const *dests = o->dests;
	size_t ndests = o->ndests;
	char err[512];
	struct progress pg = { .on = o->progress, .label = "snapshot" };

	make_name(res->name, sizeof(res->name));
	if (!ndests) {
		sb_addf(&defdest, "%s/backups", o->data_dir);
		static __thread const char *one[1];
		one[0] = defdest.buf;
		dests = one;
		ndests = 1;
	}
	if (o->db && *o->db)
		sb_adds(&dbp, o->db);
	else
		sb_addf(&dbp, "%s/cong.db", o->data_dir);
	int pgdb = db_spec_is_pg(dbp.buf);
	struct stat st;
	if (!pgdb && stat(dbp.buf, &st)) {
		snprintf(res->error, sizeof(res->error), "%s is not a data folder of Cổng (no cong.db)", o->data_dir);
		goto out;
	}
	if (backup_key_ensure(o->data_dir, key, &res->key_created, res->key_hex, err, sizeof(err))) {
		snprintf(res->error, sizeof(res->error), "%s", err);
		goto out;
	}
	/* one run at a time for a data folder (the scheduler and the command line) */
	sb_addf(&lock, "%s/.backup.lock", o->data_dir);
	lockfd = open(lock.buf, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (lockfd < 0 || flock(lockfd, LOCK_EX | LOCK_NB)) {
		snprintf(res->error, sizeof(res->error), "another backup of %s is running", o->data_dir);
		goto out;
	}
	sb_addf(&work, "%s/" WORK, o->data_dir);
	rm_rf(work.buf); /* what a run killed midway left */
	if (mkdir(work.buf, 0700)) {
		snprintf(res->error, sizeof(res->error), "cannot create %s: %s", work.buf, strerror(errno));
		goto out;
	}
	db = db_open(dbp.buf, err, sizeof(err));
	if (!db) {
		snprintf(res->error, sizeof(res->error), "%s", err);
		goto out;
	}
	row = backup_record_start(db, res->name, o->trigger ? o->trigger : "cli", started);

	/* 1. the snapshot, and what it says about itself */
	int64_t count = 0, last_id = 0;
	char hash[65] = "", dbsha[65];
	json_t *tables = NULL;
	const char *dbentry = pgdb ? DB_PGDUMP : DB_SQLITE;
	sb_addf(&snap, "%s/%s", work.buf, dbentry);
	if (pgdb) {
		if (snapshot_pg(dbp.buf, snap.buf, work.buf, &pg, &count, &last_id, hash, &tables, err, sizeof(err))) {
			snprintf(res->error, sizeof(res->error), "snapshot: %s", err);
			json_decref(tables);
			goto out;
		}
		progress_draw(&pg, 1);
	} else {
		if (db_snapshot(db, snap.buf, snapshot_progress, &pg, err, sizeof(err))) {
			snprintf(res->error, sizeof(res->error), "snapshot: %s", err);
			goto out;
		}
		progress_draw(&pg, 1);
		/* read-only: the snapshot stays the one file db_snapshot left (no WAL made beside it, its
		 * journal mode unchanged), as it is hashed and stored */
		struct db *sdb = db_open_readonly(snap.buf, 0, err, sizeof(err));
		if (sdb) {
			if (audit_head(sdb, &count, &last_id, hash) == 0)
				tables = db_table_counts(sdb);
			db_close(sdb);
		}
		if (!tables)
			snprintf(err, sizeof(err), "%s", sdb ? "tables" : err);
	}
	if (!tables || stat(snap.buf, &st) || sha_file(snap.buf, dbsha)) {
		snprintf(res->error, sizeof(res->error), "the snapshot cannot be read: %s", tables ? strerror(errno) : err);
		json_decref(tables);
		goto out;
	}
	char kid[2 * BK_KEYID + 1];
	bk_key_id_hex(key, kid);
	base = json_pack("{s:i, s:s, s:s, s:I, s:s, s:n, s:{s:I, s:I, s:s}, s:o, s:[{s:s, s:I, s:I, s:s, s:s}]}", "format", 1,
			 "engine", pgdb ? "postgresql" : "sqlite", "name", res->name, "created", (json_int_t)started,
			 "key_id", kid, "previous", "audit", "count", (json_int_t)count, "last_id", (json_int_t)last_id, "hash",
			 hash, "tables", tables, "files", "path", dbentry, "size", (json_int_t)st.st_size, "mtime", (json_int_t)0,
			 "in", res->name, "sha256", dbsha);
	if (!base) {
		snprintf(res->error, sizeof(res->error), "cannot build the manifest");
		goto out;
	}
	/* 2. the other files (destinations inside the data folder left out) */
	skip = xcalloc(ndests + 1, sizeof(char *));
	for (size_t i = 0; i < ndests; i++) {
		char real[PATH_MAX];
		if (!remote_is_url(dests[i]) && mkdir_p(dests[i], 0700) == 0 && realpath(dests[i], real))
			skip[i] = xstrdup(real);
		else
			skip[i] = xstrdup("");
	}
	char rdata[PATH_MAX];
	if (!realpath(o->data_dir, rdata) || walk(rdata, "", &fl, skip, ndests)) {
		snprintf(res->error, sizeof(res->error), "cannot read the data folder %s", o->data_dir);
		goto out;
	}
	res->files = (int64_t)fl.n + 1;

	/* 3. each destination: its own archive, incremental against its own previous backup */
	int all_ok = 1, first_ok = -1;
	for (size_t i = 0; i < ndests; i++) {
		struct dest d = { dests[i], remote_is_url(dests[i]), &o->auth, work.buf };
		char derr[600] = "";
		int64_t nf = 0, nb = 0;
		json_t *prev = previous_manifest(&d, key, derr, sizeof(derr));
		if (!prev && *derr)
			log_warn("backup: %s: the previous backup cannot be read (%s); this one stores everything", d.spec, derr);
		derr[0] = 0;
		json_t *m = plan(base, &fl, prev, o->full, &nf, &nb);
		json_decref(prev);
		struct progress wp = { .on = o->progress, .label = "backup", .total = nb };
		uint64_t size = 0;
		int ok = write_to(&d, key, m, o->data_dir, snap.buf, &wp, &size, derr, sizeof(derr)) == 0;
		progress_draw(&wp, 1);
		json_decref(m);
		json_array_append_new(dests_out, json_pack("{sssbsIsIss?}", "dest", d.spec, "ok", ok, "size", (json_int_t)size,
							   "new_files", (json_int_t)nf, "error", ok ? NULL : derr));
		if (ok) {
			say(o, "%s: cong-%s.cbk, %lld bytes (%lld of %lld files stored, the rest in earlier backups)", d.spec,
			    res->name, (long long)size, (long long)nf, (long long)res->files);
			if (first_ok < 0) {
				first_ok = (int)i;
				res->size = (int64_t)size;
				res->new_files = nf;
			}
		} else {
			all_ok = 0;
			log_error("backup: %s: %s", d.spec, derr);
			say(o, "%s: FAILED: %s", d.spec, derr);
			if (!*res->error)
				snprintf(res->error, sizeof(res->error), "%s: %s", d.spec, derr);
		}
	}
	res->duration_ms = now_ms() - t0;
	res->ok = all_ok;

	/* 4. the drill: the new backup restored from the first destination that has it, and checked */
	if (first_ok >= 0 && !o->no_drill) {
		int64_t d0 = now_ms();
		struct sb from = SB_INIT, dwork = SB_INIT;
		const char *ds = dests[first_ok];
		sb_addf(&from, "%s%scong-%s.cbk", ds, ds[strlen(ds) - 1] == '/' ? "" : "/", res->name);
		sb_addf(&dwork, "%s/drill", work.buf);
		mkdir(dwork.buf, 0700);
		unlink(snap.buf); /* room for the restored copy */
		res->drill_ok = backup_verify(from.buf, key, &o->auth, dwork.buf, pgdb ? dbp.buf : NULL, res->drill_detail,
					      sizeof(res->drill_detail)) == 0;
		res->drill_ms = now_ms() - d0;
		say(o, "restore drill: %s in %.1f s: %s", res->drill_ok ? "passed" : "FAILED", (double)res->drill_ms / 1000,
		    res->drill_detail);
		sb_release(&from);
		sb_release(&dwork);
	}
	/* 5. pruning, per destination */
	if (all_ok && (o->keep_daily > 0 || o->keep_weekly > 0 || o->keep_monthly > 0)) {
		for (size_t i = 0; i < ndests; i++) {
			int n = backup_prune(dests[i], &o->auth, key, work.buf, o->keep_daily, o->keep_weekly, o->keep_monthly,
					     err, sizeof(err));
			if (n < 0)
				log_warn("backup: pruning %s: %s", dests[i], err);
			else if (n > 0)
				say(o, "%s: %d old backup(s) deleted (keeping %d daily, %d weekly, %d monthly)", dests[i], n,
				    o->keep_daily, o->keep_weekly, o->keep_monthly);
		}
	}
	rc = all_ok && res->drill_ok != 0 ? 0 : -1;
	if (all_ok && res->drill_ok == 0)
		snprintf(res->error, sizeof(res->error), "restore drill failed: %s", res->drill_detail);
	if (db && row > 0) {
		struct backup_record r = { .ok = all_ok, .error = *res->error ? res->error : NULL, .destinations = dests_out,
					   .size = res->size, .files = res->files, .new_files = res->new_files,
					   .duration_ms = res->duration_ms, .drill_ok = res->drill_ok, .drill_ms = res->drill_ms,
					   .drill_detail = *res->drill_detail ? res->drill_detail : NULL, .audit_count = count,
					   .audit_hash = hash };
		if (backup_record_finish(db, row, time_now(), &r))
			log_error("backup: the run could not be recorded in the database");
	}
out:
	if (rc && db && row > 0 && !res->ok && !json_array_size(dests_out)) {
		struct backup_record r = { .ok = 0, .error = res->error, .destinations = dests_out, .drill_ok = -1,
					   .duration_ms = now_ms() - t0 };
		backup_record_finish(db, row, time_now(), &r);
	}
	if (work.len)
		rm_rf(work.buf);
	if (lockfd >= 0)
		close(lockfd);
	db_close(db);
	sodium_memzero(key, sizeof(key));
	for (size_t i = 0; skip && i < ndests; i++)
		free(skip[i]);
	free(skip);
	files_free(&fl);
	json_decref(base);
	json_decref(dests_out);
	sb_release(&work);
	sb_release(&lock);
	sb_release(&snap);
	sb_release(&dbp);
	sb_release(&defdest);
	return rc;
}
