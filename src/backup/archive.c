/* archive.c — the sealed stream (zstd, then secretstream chunks) and the container of a backup;
 * the format is in archive.h. */
#include "backup/archive.h"
#include "base/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zstd.h>

#include "base/banned.h"

static const char magic[8] = { 'C', 'O', 'N', 'G', 'B', 'K', '0', '1' };
#define SS_HEADER crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define SS_ABYTES crypto_secretstream_xchacha20poly1305_ABYTES

/* ---- the key ---- */

void bk_key_id(const unsigned char key[BK_KEYBYTES], unsigned char id[BK_KEYID])
{
	static const unsigned char ctx[] = "cong backup key id";
	crypto_generichash(id, BK_KEYID, ctx, sizeof(ctx) - 1, key, BK_KEYBYTES);
}

void bk_key_id_hex(const unsigned char key[BK_KEYBYTES], char hex[2 * BK_KEYID + 1])
{
	unsigned char id[BK_KEYID];
	bk_key_id(key, id);
	sodium_bin2hex(hex, 2 * BK_KEYID + 1, id, BK_KEYID);
}

int bk_key_load(const char *path, unsigned char key[BK_KEYBYTES], char *err, size_t errlen)
{
	char buf[2 * BK_KEYBYTES + 8];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "cannot read the backup key %s: %s", path, strerror(errno));
		return -1;
	}
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	size_t bin = 0;
	const char *end = NULL;
	if (n >= 2 * BK_KEYBYTES) {
		buf[n] = 0;
		if (sodium_hex2bin(key, BK_KEYBYTES, buf, (size_t)n, NULL, &bin, &end) == 0 && bin == BK_KEYBYTES &&
		    (*end == 0 || strspn(end, "\r\n \t") == strlen(end))) {
			sodium_memzero(buf, sizeof(buf));
			return 0;
		}
	}
	sodium_memzero(buf, sizeof(buf));
	snprintf(err, errlen, "%s is not a backup key (64 hexadecimal digits)", path);
	return -1;
}

int bk_key_create(const char *path, unsigned char key[BK_KEYBYTES], char hex[2 * BK_KEYBYTES + 1], char *err,
		  size_t errlen)
{
	char tmp[4096];
	snprintf(tmp, sizeof(tmp), "%s.%ld.tmp", path, (long)getpid());
	randombytes_buf(key, BK_KEYBYTES);
	sodium_bin2hex(hex, 2 * BK_KEYBYTES + 1, key, BK_KEYBYTES);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		snprintf(err, errlen, "cannot create %s: %s", tmp, strerror(errno));
		return -1;
	}
	char line[2 * BK_KEYBYTES + 2];
	snprintf(line, sizeof(line), "%s\n", hex);
	int ok = write(fd, line, strlen(line)) == (ssize_t)strlen(line) && fsync(fd) == 0;
	sodium_memzero(line, sizeof(line));
	close(fd);
	/* link, not rename: an existing key is never replaced */
	if (!ok || link(tmp, path)) {
		snprintf(err, errlen, "cannot create %s: %s", path, ok ? strerror(errno) : "write failed");
		unlink(tmp);
		return -1;
	}
	unlink(tmp);
	return 0;
}

/* ---- writing ---- */

struct bk_writer {
	int fd;
	ZSTD_CStream *z;
	crypto_secretstream_xchacha20poly1305_state st;
	unsigned char plain[BK_CHUNK];   /* compressed bytes waiting to be sealed */
	size_t nplain;
	unsigned char sealed[4 + BK_CHUNK + SS_ABYTES];
	uint64_t out;
	int failed;
};

static int write_all(int fd, const void *buf, size_t n)
{
	const unsigned char *p = buf;
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int seal_chunk(struct bk_writer *w, unsigned char tag)
{
	unsigned long long clen;
	crypto_secretstream_xchacha20poly1305_push(&w->st, w->sealed + 4, &clen, w->plain, w->nplain, NULL, 0, tag);
	w->sealed[0] = (unsigned char)(clen >> 24);
	w->sealed[1] = (unsigned char)(clen >> 16);
	w->sealed[2] = (unsigned char)(clen >> 8);
	w->sealed[3] = (unsigned char)clen;
	w->nplain = 0;
	if (write_all(w->fd, w->sealed, 4 + (size_t)clen))
		return -1;
	w->out += 4 + clen;
	return 0;
}

struct bk_writer *bk_writer_new(int fd, const unsigned char key[BK_KEYBYTES], int level)
{
	struct bk_writer *w = xcalloc(1, sizeof(*w));
	unsigned char head[sizeof(magic) + BK_KEYID + SS_HEADER];
	w->fd = fd;
	memcpy(head, magic, sizeof(magic));
	bk_key_id(key, head + sizeof(magic));
	crypto_secretstream_xchacha20poly1305_init_push(&w->st, head + sizeof(magic) + BK_KEYID, key);
	w->z = ZSTD_createCStream();
	if (!w->z || ZSTD_isError(ZSTD_CCtx_setParameter(w->z, ZSTD_c_compressionLevel, level)) ||
	    ZSTD_isError(ZSTD_CCtx_setParameter(w->z, ZSTD_c_checksumFlag, 1)) || write_all(fd, head, sizeof(head))) {
		ZSTD_freeCStream(w->z);
		sodium_memzero(w, sizeof(*w));
		free(w);
		return NULL;
	}
	w->out = sizeof(head);
	return w;
}

static int compress(struct bk_writer *w, const void *buf, size_t len, ZSTD_EndDirective mode)
{
	ZSTD_inBuffer in = { buf, len, 0 };
	for (;;) {
		ZSTD_outBuffer out = { w->plain, sizeof(w->plain), w->nplain };
		size_t left = ZSTD_compressStream2(w->z, &out, &in, mode);
		if (ZSTD_isError(left))
			return -1;
		w->nplain = out.pos;
		if (w->nplain == sizeof(w->plain) && seal_chunk(w, crypto_secretstream_xchacha20poly1305_TAG_MESSAGE))
			return -1;
		if (mode == ZSTD_e_end ? left == 0 : in.pos == in.size)
			return 0;
	}
}

int bk_write(struct bk_writer *w, const void *buf, size_t len)
{
	if (w->failed || compress(w, buf, len, ZSTD_e_continue)) {
		w->failed = 1;
		return -1;
	}
	return 0;
}

static void writer_free(struct bk_writer *w)
{
	ZSTD_freeCStream(w->z);
	sodium_memzero(w, sizeof(*w));
	free(w);
}

int bk_writer_finish(struct bk_writer *w, uint64_t *bytes_out)
{
	int rc = w->failed || compress(w, "", 0, ZSTD_e_end) ||
		 seal_chunk(w, crypto_secretstream_xchacha20poly1305_TAG_FINAL) || fsync(w->fd) ? -1 : 0;
	if (bytes_out)
		*bytes_out = w->out;
	writer_free(w);
	return rc;
}

void bk_writer_abort(struct bk_writer *w)
{
	if (w)
		writer_free(w);
}

/* ---- reading ---- */

struct bk_reader {
	bk_read_fn fn;
	void *arg;
	ZSTD_DStream *z;
	crypto_secretstream_xchacha20poly1305_state st;
	unsigned char sealed[BK_CHUNK + SS_ABYTES];
	unsigned char plain[BK_CHUNK]; /* decrypted, still compressed */
	size_t nplain, pos;
	int final;      /* the FINAL chunk was read */
	int frame_done; /* zstd said its frame ended */
	int status;     /* a sticky error */
};

static int read_full(bk_read_fn fn, void *arg, void *buf, size_t n)
{
	unsigned char *p = buf;
	size_t got = 0;
	while (got < n) {
		ssize_t r = fn(arg, p + got, n - got);
		if (r < 0)
			return r < BK_DAMAGED ? BK_IO : (int)r; /* the source's own status passes */
		if (r == 0)
			return (int)got; /* short */
		got += (size_t)r;
	}
	return (int)got;
}

struct bk_reader *bk_reader_new(bk_read_fn fn, void *arg, const unsigned char key[BK_KEYBYTES], enum bk_status *st,
				char file_key_id[2 * BK_KEYID + 1])
{
	unsigned char head[sizeof(magic) + BK_KEYID + SS_HEADER], id[BK_KEYID];
	int n = read_full(fn, arg, head, sizeof(head));
	if (n < 0) {
		*st = BK_IO;
		return NULL;
	}
	if ((size_t)n < sizeof(magic) || memcmp(head, magic, sizeof(magic)) != 0) {
		*st = BK_NOT_BACKUP;
		return NULL;
	}
	if ((size_t)n < sizeof(head)) {
		*st = BK_DAMAGED;
		return NULL;
	}
	if (file_key_id)
		sodium_bin2hex(file_key_id, 2 * BK_KEYID + 1, head + sizeof(magic), BK_KEYID);
	bk_key_id(key, id);
	if (memcmp(id, head + sizeof(magic), BK_KEYID) != 0) {
		*st = BK_WRONG_KEY;
		return NULL;
	}
	struct bk_reader *r = xcalloc(1, sizeof(*r));
	r->fn = fn;
	r->arg = arg;
	r->z = ZSTD_createDStream();
	if (!r->z || crypto_secretstream_xchacha20poly1305_init_pull(&r->st, head + sizeof(magic) + BK_KEYID, key)) {
		bk_reader_free(r);
		*st = BK_DAMAGED;
		return NULL;
	}
	*st = BK_OK;
	return r;
}

/* The next chunk into plain[]: 1, 0 after the FINAL chunk, or a negative status. */
static int next_chunk(struct bk_reader *r)
{
	unsigned char len[4];
	if (r->final)
		return 0;
	int n = read_full(r->fn, r->arg, len, 4);
	if (n < 0)
		return BK_IO;
	if (n < 4)
		return BK_DAMAGED; /* cut before its FINAL chunk */
	size_t clen = (size_t)len[0] << 24 | (size_t)len[1] << 16 | (size_t)len[2] << 8 | len[3];
	if (clen < SS_ABYTES || clen > sizeof(r->sealed))
		return BK_DAMAGED;
	n = read_full(r->fn, r->arg, r->sealed, clen);
	if (n < 0)
		return BK_IO;
	if ((size_t)n < clen)
		return BK_DAMAGED;
	unsigned long long plen;
	unsigned char tag;
	if (crypto_secretstream_xchacha20poly1305_pull(&r->st, r->plain, &plen, &tag, r->sealed, clen, NULL, 0))
		return BK_DAMAGED;
	r->nplain = (size_t)plen;
	r->pos = 0;
	if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
		r->final = 1;
		unsigned char extra;
		n = read_full(r->fn, r->arg, &extra, 1);
		if (n != 0)
			return n < 0 ? BK_IO : BK_DAMAGED; /* bytes after the end */
	} else if (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) {
		return BK_DAMAGED;
	}
	return 1;
}

ssize_t bk_read(struct bk_reader *r, void *buf, size_t n)
{
	if (r->status)
		return r->status;
	ZSTD_outBuffer out = { buf, n, 0 };
	while (out.pos == 0 && n > 0) {
		if (r->pos == r->nplain) {
			if (r->final) {
				/* everything decrypted: what zstd still holds, then the end */
				ZSTD_inBuffer in = { "", 0, 0 };
				size_t left = ZSTD_decompressStream(r->z, &out, &in);
				if (ZSTD_isError(left))
					return r->status = BK_DAMAGED;
				if (left == 0)
					r->frame_done = 1;
				if (out.pos)
					break;
				if (!r->frame_done)
					return r->status = BK_DAMAGED; /* a frame cut short */
				return 0;
			}
			int c = next_chunk(r);
			if (c < 0)
				return r->status = c;
			continue;
		}
		if (r->frame_done)
			return r->status = BK_DAMAGED; /* bytes after the one frame */
		ZSTD_inBuffer in = { r->plain, r->nplain, r->pos };
		size_t left = ZSTD_decompressStream(r->z, &out, &in);
		if (ZSTD_isError(left))
			return r->status = BK_DAMAGED;
		r->pos = in.pos;
		if (left == 0)
			r->frame_done = 1;
	}
	return (ssize_t)out.pos;
}

int bk_reader_done(struct bk_reader *r)
{
	return !r->status && r->final && r->frame_done && r->pos == r->nplain;
}

void bk_reader_free(struct bk_reader *r)
{
	if (!r)
		return;
	ZSTD_freeDStream(r->z);
	sodium_memzero(r, sizeof(*r));
	free(r);
}

/* ---- the container ---- */

int bk_name_ok(const char *name, size_t len)
{
	if (len == 0 || len > BK_NAME_MAX || name[0] == '/' || name[len - 1] == '/')
		return 0;
	size_t comp = 0, dots = 0;
	for (size_t i = 0; i <= len; i++) {
		char c = i < len ? name[i] : '/';
		if (c == '/') {
			if (comp == 0 || (comp == dots && dots <= 2))
				return 0; /* "", "." or ".." */
			comp = dots = 0;
			continue;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		      c == '-' || c == '+' || c == '~'))
			return 0;
		comp++;
		if (c == '.')
			dots++;
	}
	return 1;
}

size_t bk_entry_header(unsigned char *out, char type, const char *name, uint64_t size)
{
	size_t n = strlen(name);
	if (n > BK_NAME_MAX)
		BUG("entry name too long");
	out[0] = (unsigned char)type;
	out[1] = (unsigned char)(n >> 8);
	out[2] = (unsigned char)n;
	memcpy(out + 3, name, n);
	for (int i = 0; i < 8; i++)
		out[3 + n + (size_t)i] = (unsigned char)(size >> (56 - 8 * i));
	return 11 + n;
}

static int skip(struct bk_container *c)
{
	unsigned char buf[8192];
	while (c->left) {
		ssize_t r = bk_data(c, buf, sizeof(buf));
		if (r < 0)
			return (int)r;
		if (r == 0)
			return BK_DAMAGED;
	}
	return 0;
}

int bk_next(struct bk_container *c, struct bk_entry *e)
{
	unsigned char h[3], sz[8];
	if (c->ended)
		return 0;
	int rc = skip(c);
	if (rc < 0)
		return rc;
	rc = read_full(c->read, c->arg, h, 3);
	if (rc < 0)
		return rc;
	if (rc < 3)
		return BK_DAMAGED; /* no 'E' entry */
	size_t n = (size_t)h[1] << 8 | h[2];
	if ((h[0] != 'F' && h[0] != 'M' && h[0] != 'E') || n > BK_NAME_MAX)
		return BK_DAMAGED;
	rc = read_full(c->read, c->arg, e->name, n);
	if (rc < 0 || (size_t)rc < n)
		return rc < 0 ? rc : BK_DAMAGED;
	e->name[n] = 0;
	rc = read_full(c->read, c->arg, sz, 8);
	if (rc < 0 || rc < 8)
		return rc < 0 ? rc : BK_DAMAGED;
	e->type = (char)h[0];
	e->size = 0;
	for (int i = 0; i < 8; i++)
		e->size = e->size << 8 | sz[i];
	if (e->type == 'E') {
		if (n || e->size)
			return BK_DAMAGED;
		/* nothing may follow the end */
		unsigned char extra;
		rc = read_full(c->read, c->arg, &extra, 1);
		if (rc != 0)
			return rc < 0 ? rc : BK_DAMAGED;
		c->ended = 1;
		return 0;
	}
	if (!bk_name_ok(e->name, n))
		return BK_DAMAGED;
	c->left = e->size;
	return 1;
}

ssize_t bk_data(struct bk_container *c, void *buf, size_t n)
{
	if (n > c->left)
		n = (size_t)c->left;
	if (n == 0)
		return 0;
	ssize_t r = c->read(c->arg, buf, n);
	if (r < 0)
		return r;
	if (r == 0)
		return BK_DAMAGED; /* the stream ended inside an entry */
	c->left -= (uint64_t)r;
	return r;
}
