/* test_backup.c — the backup archive (backup/archive.c): entry names that cannot leave the
 * restore folder, the sealed stream read back whole, and refused when the key is another, a
 * byte is changed, the end is cut or bytes follow it; the key file; the container's framing. */
#include "t.h"
#include "jobs/backup_job.h"
#include "backup/archive.h"
#include "backup/backup.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static ssize_t fd_read(void *arg, void *buf, size_t n)
{
	return read(*(int *)arg, buf, n);
}

static ssize_t sealed(void *arg, void *buf, size_t n)
{
	return bk_read(arg, buf, n);
}

TEST(backup_entry_names)
{
	static const char *good[] = { "cong.db", "secret.key", "media/ab/ab12.jpg", "a/b/c", "x..y", "...", "a-b_c+d~e" };
	static const char *bad[] = { "", "/etc/passwd", "../x", "a/../b", "a/..", "..", ".", "a/./b", "a//b", "a/",
				     "a\\b", "a b", "tên.jpg", "a\nb" };
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		CHECK(bk_name_ok(good[i], strlen(good[i])));
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK(!bk_name_ok(bad[i], strlen(bad[i])));
	char longname[BK_NAME_MAX + 2];
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = 0;
	CHECK(!bk_name_ok(longname, strlen(longname)));
}

/* Seals ENTRIES (name, text pairs) and the end into a memory file; its fd, at offset 0. */
static int seal(const unsigned char *key, const char *const *entries, size_t n, size_t big)
{
	int fd = memfd_create("t", 0);
	struct bk_writer *w = bk_writer_new(fd, key, 3);
	unsigned char h[11 + BK_NAME_MAX];
	for (size_t i = 0; i < n; i += 2) {
		size_t len = strlen(entries[i + 1]);
		bk_write(w, h, bk_entry_header(h, 'F', entries[i], len));
		bk_write(w, entries[i + 1], len);
	}
	if (big) { /* spans many chunks */
		char *b = malloc(big);
		for (size_t i = 0; i < big; i++)
			b[i] = (char)(i * 2654435761u >> 13);
		bk_write(w, h, bk_entry_header(h, 'F', "big", big));
		bk_write(w, b, big);
		free(b);
	}
	bk_write(w, h, bk_entry_header(h, 'E', "", 0));
	uint64_t out = 0;
	CHECK(bk_writer_finish(w, &out) == 0);
	CHECK(out == (uint64_t)lseek(fd, 0, SEEK_END));
	lseek(fd, 0, SEEK_SET);
	return fd;
}

/* Reads the container of FD: 0 when whole and intact with its entries' total size in *TOTAL,
 * else the first negative status. */
static int read_all(int fd, const unsigned char *key, uint64_t *total, int *nentries)
{
	enum bk_status st;
	struct bk_reader *r = bk_reader_new(fd_read, &fd, key, &st, NULL);
	if (!r)
		return st;
	struct bk_container c = { sealed, r, 0, 0 };
	struct bk_entry e;
	char buf[1000];
	int rc;
	*total = 0;
	*nentries = 0;
	while ((rc = bk_next(&c, &e)) == 1) {
		ssize_t n;
		(*nentries)++;
		while ((n = bk_data(&c, buf, sizeof(buf))) > 0)
			*total += (uint64_t)n;
		if (n < 0) {
			rc = (int)n;
			break;
		}
	}
	if (rc == 0 && !bk_reader_done(r))
		rc = BK_DAMAGED;
	bk_reader_free(r);
	return rc;
}

static int copy_changed(int fd, off_t at, int cut, int append)
{
	off_t n = lseek(fd, 0, SEEK_END);
	unsigned char *b = malloc((size_t)n + 1);
	pread(fd, b, (size_t)n, 0);
	if (at >= 0)
		b[at] ^= 0x20;
	if (append)
		b[n++] = 0;
	int out = memfd_create("t2", 0);
	write(out, b, (size_t)(n - cut));
	lseek(out, 0, SEEK_SET);
	free(b);
	return out;
}

TEST(backup_sealed_stream)
{
	unsigned char key[BK_KEYBYTES], other[BK_KEYBYTES];
	randombytes_buf(key, sizeof(key));
	randombytes_buf(other, sizeof(other));
	const char *entries[] = { "cong.db", "SQLite format 3", "media/ab/x.jpg", "", "secret.key", "0123456789" };
	int fd = seal(key, entries, 6, 300000);
	uint64_t total;
	int n;
	CHECK(read_all(fd, key, &total, &n) == 0);
	CHECK(n == 4);
	CHECK(total == 15 + 0 + 10 + 300000);
	lseek(fd, 0, SEEK_SET);
	CHECK(read_all(fd, other, &total, &n) == BK_WRONG_KEY);
	off_t size = lseek(fd, 0, SEEK_END);
	/* a byte changed in the header's key id, the stream header, a chunk's length, inside, at the end */
	const off_t at[] = { 10, 20, 40, 42, size / 2, size - 1 };
	for (size_t i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
		int bad = copy_changed(fd, at[i], 0, 0);
		int rc = read_all(bad, key, &total, &n);
		CHECK(rc == BK_DAMAGED || (at[i] < 16 && rc == BK_WRONG_KEY));
		close(bad);
	}
	int bad = copy_changed(fd, 3, 0, 0); /* the magic */
	CHECK(read_all(bad, key, &total, &n) == BK_NOT_BACKUP);
	close(bad);
	for (int cut = 1; cut < 200; cut += 37) {
		bad = copy_changed(fd, -1, cut, 0);
		CHECK(read_all(bad, key, &total, &n) == BK_DAMAGED);
		close(bad);
	}
	bad = copy_changed(fd, -1, 0, 1);
	CHECK(read_all(bad, key, &total, &n) == BK_DAMAGED);
	close(bad);
	close(fd);
}

TEST(backup_container_framing)
{
	unsigned char key[BK_KEYBYTES];
	randombytes_buf(key, sizeof(key));
	/* a name that would leave the folder, written by hand: refused as damaged */
	int fd = memfd_create("t", 0);
	struct bk_writer *w = bk_writer_new(fd, key, 1);
	unsigned char h[11 + BK_NAME_MAX];
	bk_write(w, h, bk_entry_header(h, 'F', "../evil", 1));
	bk_write(w, "x", 1);
	bk_write(w, h, bk_entry_header(h, 'E', "", 0));
	CHECK(bk_writer_finish(w, NULL) == 0);
	lseek(fd, 0, SEEK_SET);
	uint64_t total;
	int n;
	CHECK(read_all(fd, key, &total, &n) == BK_DAMAGED);
	close(fd);
	/* no end entry: damaged */
	fd = memfd_create("t", 0);
	w = bk_writer_new(fd, key, 1);
	bk_write(w, h, bk_entry_header(h, 'F', "a", 1));
	bk_write(w, "x", 1);
	CHECK(bk_writer_finish(w, NULL) == 0);
	lseek(fd, 0, SEEK_SET);
	CHECK(read_all(fd, key, &total, &n) == BK_DAMAGED);
	close(fd);
	/* an entry longer than what follows: damaged */
	fd = memfd_create("t", 0);
	w = bk_writer_new(fd, key, 1);
	bk_write(w, h, bk_entry_header(h, 'F', "a", 100));
	bk_write(w, "x", 1);
	CHECK(bk_writer_finish(w, NULL) == 0);
	lseek(fd, 0, SEEK_SET);
	CHECK(read_all(fd, key, &total, &n) == BK_DAMAGED);
	close(fd);
}

TEST(backup_key_file)
{
	char dir[] = "/tmp/cong-bkkey-XXXXXX", path[64], err[256], hex[2 * BK_KEYBYTES + 1], id1[17], id2[17];
	unsigned char key[BK_KEYBYTES], again[BK_KEYBYTES];
	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/backup.key", dir);
	CHECK(bk_key_create(path, key, hex, err, sizeof(err)) == 0);
	CHECK(strlen(hex) == 64);
	CHECK(bk_key_load(path, again, err, sizeof(err)) == 0);
	CHECK(memcmp(key, again, sizeof(key)) == 0);
	CHECK(bk_key_create(path, again, hex, err, sizeof(err)) == -1); /* never over an existing key */
	CHECK(bk_key_load(path, again, err, sizeof(err)) == 0 && memcmp(key, again, sizeof(key)) == 0);
	bk_key_id_hex(key, id1);
	bk_key_id_hex(again, id2);
	CHECK_STR(id1, id2);
	FILE *f = fopen(path, "w");
	fputs("abc\n", f);
	fclose(f);
	CHECK(bk_key_load(path, again, err, sizeof(err)) == -1);
	CHECK(strstr(err, "is not a backup key") != NULL);
	unlink(path);
	rmdir(dir);
}

TEST(backup_retention)
{
	/* newest first: three a day on 2026-12-07 (a Monday), one on each of the six days before,
	 * then one a week back to October, then a name not ours */
	static const char *const names[] = {
		"20261207T230000.000Z", "20261207T120000.000Z", "20261207T020000.000Z", /* 0-2 Mon 7 Dec */
		"20261206T020000.000Z", "20261205T020000.000Z", "20261204T020000.000Z", /* 3-5 Sun-Fri */
		"20261203T020000.000Z", "20261202T020000.000Z", "20261201T020000.000Z", /* 6-8 Thu-Tue */
		"20261124T020000.000Z", "20261117T020000.000Z", "20261110T020000.000Z", /* 9-11 Tuesdays */
		"20261020T020000.000Z", "20261013T020000.000Z",                         /* 12-13 October */
		"x-by-hand",                                                            /* 14 */
	};
	size_t n = sizeof(names) / sizeof(names[0]);
	int keep[16];
	backup_keep_select((const char *const *)names, n, 3, 0, 0, keep);
	/* 3 daily: the newest of Dec 7, 6, 5 (and the name not ours) */
	int want1[] = { 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 };
	for (size_t i = 0; i < n; i++)
		CHECK(keep[i] == want1[i]);
	backup_keep_select((const char *const *)names, n, 0, 3, 0, keep);
	/* 3 weekly (Monday to Sunday): Dec 7 (its week), Dec 6 (the week of Nov 30 - Dec 6), Nov 24 */
	int want2[] = { 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1 };
	for (size_t i = 0; i < n; i++)
		CHECK(keep[i] == want2[i]);
	backup_keep_select((const char *const *)names, n, 0, 0, 2, keep);
	/* 2 monthly: December's newest, November's newest */
	int want3[] = { 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1 };
	for (size_t i = 0; i < n; i++)
		CHECK(keep[i] == want3[i]);
	backup_keep_select((const char *const *)names, n, 7, 4, 12, keep);
	/* the defaults: 7 days (Dec 7..1), 4 weeks (adds Nov 24, Nov 17), 12 months (adds Oct 20) */
	int want4[] = { 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1 };
	for (size_t i = 0; i < n; i++)
		CHECK(keep[i] == want4[i]);
}

/* When a scheduled backup starts: at its hour (and weekday), once a day when it succeeds; a
 * failure tried again an hour after it started, three runs a day at most. */
TEST(backup_schedule_retries_a_failure)
{
	int64_t now = 1796000000; /* any time: LOCAL says where in the day it is */
	struct backup_day none = { 0, 0, 0 }, ok = { 1, 1, now - 7200 }, failed = { 1, 0, now - 1800 },
			  failed_long_ago = { 1, 0, now - 3600 }, thrice = { 3, 0, now - 7200 };
	CHECK(!backup_job_due(now, 1 * 3600, 2, 0, 7, 3, &none));  /* 01:00, the hour is 02 */
	CHECK(backup_job_due(now, 2 * 3600, 2, 0, 7, 3, &none));   /* 02:00 */
	CHECK(!backup_job_due(now, 2 * 3600, 2, 1, 7, 3, &none));  /* weekly on Sunday, today Wednesday */
	CHECK(backup_job_due(now, 2 * 3600, 2, 1, 3, 3, &none));   /* weekly on Wednesday */
	CHECK(!backup_job_due(now, 23 * 3600, 2, 0, 7, 3, &ok));   /* done today */
	CHECK(!backup_job_due(now, 3 * 3600, 2, 0, 7, 3, &failed)); /* failed 30 minutes ago: not yet */
	CHECK(backup_job_due(now, 3 * 3600, 2, 0, 7, 3, &failed_long_ago)); /* an hour ago: again */
	CHECK(!backup_job_due(now, 5 * 3600, 2, 0, 7, 3, &thrice)); /* three runs: the day is over */
}
