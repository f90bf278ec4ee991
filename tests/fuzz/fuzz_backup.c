/* fuzz_backup.c — libFuzzer target for the backup archive (backup/archive.c): the container read
 * from any bytes, any bytes read as a sealed file, and any bytes sealed then read back.
 * Invariants, abort() on failure:
 *   - the container reader gives entries whose names pass bk_name_ok (no "..", no absolute
 *     path: a restore cannot write outside its folder), never more data than the input holds,
 *     and after its end nothing more;
 *   - bytes read as a sealed file with a fixed key are refused (any status) or, when the reader
 *     says the stream is done, were a well-formed stream: no crash, no read past the input;
 *   - any bytes sealed (zstd + secretstream) read back the same, and the stream is done. */
#include "backup/archive.h"
#include "base/util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

struct mem {
	const uint8_t *p;
	size_t n, pos;
};

static ssize_t mem_read(void *arg, void *buf, size_t n)
{
	struct mem *m = arg;
	size_t k = m->n - m->pos < n ? m->n - m->pos : n;
	memcpy(buf, m->p + m->pos, k);
	m->pos += k;
	return (ssize_t)k;
}

static ssize_t sealed(void *arg, void *buf, size_t n)
{
	return bk_read(arg, buf, n);
}

static ssize_t fd_read(void *arg, void *buf, size_t n)
{
	return read(*(int *)arg, buf, n);
}

static void container(bk_read_fn fn, void *arg, size_t limit)
{
	struct bk_container c = { fn, arg, 0, 0 };
	struct bk_entry e;
	unsigned char buf[4096];
	uint64_t total = 0;
	int rc;
	while ((rc = bk_next(&c, &e)) == 1) {
		size_t len = strlen(e.name);
		if (!bk_name_ok(e.name, len) || e.name[0] == '/' || strcmp(e.name, "..") == 0 ||
		    strncmp(e.name, "../", 3) == 0 || strstr(e.name, "/../") ||
		    (len >= 3 && strcmp(e.name + len - 3, "/..") == 0))
			abort();
		ssize_t n;
		while ((n = bk_data(&c, buf, sizeof(buf))) > 0)
			total += (uint64_t)n;
		if (total > limit)
			abort();
		if (n < 0)
			break;
	}
	if (rc == 0 && bk_next(&c, &e) != 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned char key[BK_KEYBYTES] = { 1, 2, 3 };
	/* 1. the container, from the bytes as they are */
	struct mem m = { data, size, 0 };
	container(mem_read, &m, size);

	/* 2. the bytes as a sealed file */
	m.pos = 0;
	enum bk_status st;
	struct bk_reader *r = bk_reader_new(mem_read, &m, key, &st, NULL);
	if (r) {
		container(sealed, r, SIZE_MAX);
		bk_reader_free(r);
	}

	/* 3. the bytes sealed, then read back */
	int fd = memfd_create("fuzz", 0);
	if (fd < 0)
		return 0;
	struct bk_writer *w = bk_writer_new(fd, key, 1);
	if (!w || bk_write(w, data, size) || bk_writer_finish(w, NULL))
		abort();
	lseek(fd, 0, SEEK_SET);
	r = bk_reader_new(fd_read, &fd, key, &st, NULL);
	if (!r)
		abort();
	uint8_t *back = xmalloc(size + 1);
	size_t got = 0;
	ssize_t n;
	while ((n = bk_read(r, back + got, size + 1 - got)) > 0)
		got += (size_t)n;
	if (n < 0 || got != size || memcmp(back, data, size) != 0 || !bk_reader_done(r))
		abort();
	free(back);
	bk_reader_free(r);
	close(fd);
	return 0;
}
