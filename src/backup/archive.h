/* archive.h — the file format of a backup: a container of named files, compressed with zstd and
 * encrypted with libsodium's secretstream (XChaCha20-Poly1305), under a key kept apart from the
 * backups.
 *
 * On disk (a ".cbk" archive, and its ".idx" index which holds only the manifest):
 *   "CONGBK01" | key id (8 bytes: BLAKE2b of the key, to tell a wrong key from a damaged file)
 *   | secretstream header (24 bytes)
 *   | chunks: u32 big-endian length | ciphertext of at most BK_CHUNK bytes of the zstd stream,
 *     the last one tagged FINAL (a cut file has no FINAL chunk and is refused).
 * Inside the zstd stream, the container: entries of
 *   type (1 byte: 'F' file, 'M' manifest, 'E' end) | u16 BE name length | name | u64 BE size | bytes
 * ending with one 'E' entry and nothing after it. Names are relative paths of [A-Za-z0-9._+~-]
 * components separated by '/', never "." or "..": a restore cannot write outside its folder. */
#ifndef CONG_ARCHIVE_H
#define CONG_ARCHIVE_H

#include <sodium.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define BK_KEYBYTES crypto_secretstream_xchacha20poly1305_KEYBYTES
#define BK_KEYID 8
#define BK_CHUNK 65536
#define BK_NAME_MAX 1024

enum bk_status { BK_OK = 0, BK_IO = -1, BK_NOT_BACKUP = -2, BK_WRONG_KEY = -3, BK_DAMAGED = -4 };

/* The key file: 64 hex digits and a line end. 0, or -1 with a message in ERR. */
int bk_key_load(const char *path, unsigned char key[BK_KEYBYTES], char *err, size_t errlen);
/* Makes a new key file at PATH (0600, never over an existing one); the key's hex in HEX. */
int bk_key_create(const char *path, unsigned char key[BK_KEYBYTES], char hex[2 * BK_KEYBYTES + 1], char *err,
		  size_t errlen);
void bk_key_id(const unsigned char key[BK_KEYBYTES], unsigned char id[BK_KEYID]);
void bk_key_id_hex(const unsigned char key[BK_KEYBYTES], char hex[2 * BK_KEYID + 1]);

/* A sealed stream being written to FD (not closed here). */
struct bk_writer;
struct bk_writer *bk_writer_new(int fd, const unsigned char key[BK_KEYBYTES], int level);
int bk_write(struct bk_writer *w, const void *buf, size_t len);
/* Flushes, writes the FINAL chunk and fsyncs FD. 0, or -1. Frees W either way. */
int bk_writer_finish(struct bk_writer *w, uint64_t *bytes_out);
void bk_writer_abort(struct bk_writer *w);

/* A sealed stream read from a source: READ(arg, buf, n) returns bytes read (0 at the end) or -1. */
typedef ssize_t (*bk_read_fn)(void *arg, void *buf, size_t n);
struct bk_reader;
/* Reads and checks the header. *ST says why NULL came back (BK_WRONG_KEY: another key; the key
 * id of the file in FILE_KEY_ID when not NULL). */
struct bk_reader *bk_reader_new(bk_read_fn fn, void *arg, const unsigned char key[BK_KEYBYTES], enum bk_status *st,
				char file_key_id[2 * BK_KEYID + 1]);
/* Up to N plain bytes; 0 at the end of the stream (after its FINAL chunk), or a negative
 * bk_status (BK_DAMAGED: altered, cut or not decompressible). */
ssize_t bk_read(struct bk_reader *r, void *buf, size_t n);
/* 1 once the whole stream has been read and found intact (FINAL chunk, zstd frame ended, nothing after). */
int bk_reader_done(struct bk_reader *r);
void bk_reader_free(struct bk_reader *r);

/* ---- the container ---- */
struct bk_entry {
	char type; /* 'F', 'M' or 'E' */
	char name[BK_NAME_MAX + 1];
	uint64_t size;
};
/* 1 when NAME may be an entry's name (see above). */
int bk_name_ok(const char *name, size_t len);
/* Appends the header of an entry to a buffer of at least 11 + BK_NAME_MAX bytes; its length. */
size_t bk_entry_header(unsigned char *out, char type, const char *name, uint64_t size);

/* Reading a container from any source of plain bytes (a bk_reader, or memory for the fuzzer). */
struct bk_container {
	bk_read_fn read;
	void *arg;
	uint64_t left; /* bytes of the current entry not yet read */
	int ended;     /* the 'E' entry was read */
};
/* The next entry's header into E: 1, 0 after the 'E' entry, or a negative bk_status
 * (BK_DAMAGED: a malformed header, a bad name, the stream ending early). The bytes of the
 * entry before it that were not read are skipped. */
int bk_next(struct bk_container *c, struct bk_entry *e);
/* Up to N bytes of the current entry's data: bytes read, 0 at its end, or a negative bk_status. */
ssize_t bk_data(struct bk_container *c, void *buf, size_t n);

#endif
