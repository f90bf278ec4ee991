/* archive.h — reads a ZIP archive held in memory (libzip) for the importers: a CSV file and the
 * signed files its "tep" column names, uploaded together in the admin (/quan-tri/nhap/…).
 *
 * Nothing is ever written to disk: entries are read into memory, one at a time, by name. The
 * archive is checked whole when it is opened, and refused with one Vietnamese sentence when:
 * it is not a ZIP or is damaged; it has more than MAX_ENTRIES entries; the sizes its entries
 * declare add up to more than MAX_TOTAL bytes (a zip bomb; reading also stops at the declared
 * size, so an entry that lies is refused then); an entry's name is unsafe (absolute, "..", a
 * backslash, a drive letter, a control character, not UTF-8); an entry is a symbolic link, is
 * encrypted, or uses a compression method libzip cannot read; two entries have the same name.
 * Names are NFC (an archive made on macOS has NFD names), so they match the CSV's NFC cells. */
#ifndef CONG_IMPORT_ARCHIVE_H
#define CONG_IMPORT_ARCHIVE_H

#include <stddef.h>

struct sb;

#define ARCHIVE_MAX_ENTRIES 2000

struct archive;

/* Opens the LEN bytes of BUF (kept by the caller until archive_close). Returns NULL with a
 * sentence in WHY (WHYLEN bytes) when the archive is refused. */
struct archive *archive_open(const void *buf, size_t len, size_t max_total, size_t max_entries, char *why,
			     size_t whylen);
void archive_close(struct archive *z); /* Z may be NULL */

/* Regular files (directories left out), in the archive's order: their NFC names. */
size_t archive_count(const struct archive *z);
const char *archive_name(const struct archive *z, size_t i);
/* The index of the file named NAME (NFC, "./" prefixes and repeated "/" ignored), or -1. */
long archive_find(const struct archive *z, const char *name);
/* Appends file I's bytes to OUT, at most MAX of them. 0, or -1 with a sentence in WHY (damaged,
 * larger than it declared, larger than MAX). */
int archive_read(struct archive *z, size_t i, struct sb *out, size_t max, char *why, size_t whylen);

/* 1 when BYTES start like a ZIP archive ("PK\3\4", or "PK\5\6" for an empty one). */
int archive_looks_like_zip(const void *bytes, size_t len);

#endif
