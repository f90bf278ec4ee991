/* test_archive.c — import/archive.c: ZIP archives made here with libzip's writer, then read back:
 * names made canonical and NFC, unsafe names, links, the entry and size caps, reading. */
#include "t.h"
#include "import/archive.h"
#include "base/sb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

struct ent {
	const char *name;
	const char *data;     /* NULL: a folder */
	unsigned mode;        /* Unix mode in the external attributes, 0: none */
};

/* A ZIP archive of ENTS (N of them), in memory: its bytes in OUT. */
static void make_zip(const struct ent *ents, size_t n, struct sb *out)
{
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
	zip_source_keep(src);
	zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
	for (size_t i = 0; i < n; i++) {
		zip_int64_t idx;
		if (!ents[i].data) {
			idx = zip_dir_add(za, ents[i].name, ZIP_FL_ENC_UTF_8);
		} else {
			zip_source_t *s = zip_source_buffer(za, ents[i].data, strlen(ents[i].data), 0);
			idx = zip_file_add(za, ents[i].name, s, ZIP_FL_ENC_UTF_8);
		}
		if (idx >= 0 && ents[i].mode)
			zip_file_set_external_attributes(za, (zip_uint64_t)idx, 0, ZIP_OPSYS_UNIX, (zip_uint32_t)ents[i].mode << 16);
	}
	zip_close(za);
	zip_stat_t st;
	zip_source_stat(src, &st);
	zip_source_open(src);
	char *buf = malloc(st.size);
	zip_int64_t got = zip_source_read(src, buf, st.size);
	sb_add(out, buf, got > 0 ? (size_t)got : 0);
	free(buf);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&err);
}

static struct archive *open_ents(const struct ent *ents, size_t n, size_t max_total, size_t max_entries, char *why)
{
	struct sb b = SB_INIT;
	make_zip(ents, n, &b);
	static struct sb keep[16];
	static int k;
	sb_release(&keep[k % 16]);
	keep[k++ % 16] = b; /* the archive reads from it until closed */
	why[0] = '\0';
	return archive_open(b.buf, b.len, max_total, max_entries, why, 320);
}

TEST(archive_names_canonical_and_nfc)
{
	char why[320];
	/* "Quyết" written decomposed (NFD: e + U+0302 + U+0301), as macOS names files */
	const struct ent e[] = { { "xuat/", NULL, 0040755 }, { "./xuat//van-ban.csv", "a,b\n", 0100644 },
				 { "xuat/tep/Quye\xcc\x82\xcc\x81t.pdf", "%PDF-", 0 } };
	struct archive *z = open_ents(e, 3, 1 << 20, 10, why);
	CHECK(z != NULL);
	if (!z)
		return;
	CHECK(archive_count(z) == 2); /* the folder left out */
	CHECK_STR(archive_name(z, 0), "xuat/van-ban.csv");
	CHECK_STR(archive_name(z, 1), "xuat/tep/Quy\xe1\xba\xbft.pdf");
	CHECK(archive_find(z, "xuat/tep/Quy\xe1\xba\xbft.pdf") == 1);
	CHECK(archive_find(z, "xuat/./van-ban.csv") == 0);
	CHECK(archive_find(z, "xuat/../xuat/van-ban.csv") == -1);
	CHECK(archive_find(z, "van-ban.csv") == -1);
	struct sb out = SB_INIT;
	CHECK(archive_read(z, 0, &out, 100, why, sizeof(why)) == 0);
	CHECK(out.len == 4 && memcmp(out.buf, "a,b\n", 4) == 0);
	sb_reset(&out);
	CHECK(archive_read(z, 0, &out, 3, why, sizeof(why)) == -1); /* larger than the caller's max */
	CHECK(strstr(why, "quá lớn") != NULL);
	sb_release(&out);
	archive_close(z);
}

TEST(archive_unsafe_refused)
{
	char why[320];
	static const char *const bad[] = { "../a.pdf", "tep/../../a.pdf", "/etc/passwd", "tep\\a.pdf", "C:/a.pdf",
					   "..", "tep/.." };
	/* no control character: libzip will not write one in a UTF-8 name, and one in a name without
	 * the UTF-8 flag is a CP437 picture character (0x01 is U+263A), as the ZIP standard says */
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		const struct ent e[] = { { "a.csv", "x\n", 0 }, { bad[i], "y", 0 } };
		struct archive *z = open_ents(e, 2, 1 << 20, 10, why);
		if (!CHECK(z == NULL))
			fprintf(stderr, "  accepted: %s (%zu entries)\n", bad[i], archive_count(z));
		CHECK(strstr(why, "không an toàn") != NULL);
		archive_close(z);
	}
	const struct ent link[] = { { "a.csv", "x\n", 0 }, { "a.pdf", "/etc/passwd", 0120777 } };
	CHECK(open_ents(link, 2, 1 << 20, 10, why) == NULL);
	CHECK(strstr(why, "không phải tệp thường") != NULL);
	const struct ent fifo[] = { { "a.csv", "x\n", 0010644 } };
	CHECK(open_ents(fifo, 1, 1 << 20, 10, why) == NULL);
	const struct ent twice[] = { { "a.csv", "x\n", 0 }, { "./a.csv", "y\n", 0 } };
	CHECK(open_ents(twice, 2, 1 << 20, 10, why) == NULL);
	CHECK(strstr(why, "hai mục cùng tên") != NULL);
}

TEST(archive_caps)
{
	char why[320];
	const struct ent e[] = { { "a.csv", "0123456789", 0 }, { "b.pdf", "0123456789", 0 } };
	struct archive *z = open_ents(e, 2, 20, 10, why); /* exactly the cap */
	CHECK(z != NULL);
	archive_close(z);
	CHECK(open_ents(e, 2, 19, 10, why) == NULL);
	CHECK(strstr(why, "khi giải nén vượt quá") != NULL);
	CHECK(open_ents(e, 2, 1 << 20, 1, why) == NULL);
	CHECK(strstr(why, "quá nhiều mục") != NULL);
	CHECK(archive_open("PK\3\4xxxxxxxxxxxxxxxxxxxxxxxxxxxx", 32, 1 << 20, 10, why, sizeof(why)) == NULL);
	CHECK(strstr(why, "không phải tệp ZIP") != NULL);
	CHECK(archive_looks_like_zip("PK\3\4", 4) && archive_looks_like_zip("PK\5\6", 4));
	CHECK(!archive_looks_like_zip("%PDF-1.4", 8) && !archive_looks_like_zip("PK", 2));
}
