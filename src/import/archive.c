/* archive.c — a ZIP archive in memory, checked whole on opening (archive.h), on libzip. */
#include "import/archive.h"
#include "base/sb.h"
#include "base/utf8.h"
#include "base/util.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "base/banned.h"

struct entry {
	char *name;       /* NFC, canonical: no "./", no empty segment */
	zip_uint64_t idx; /* in the archive */
	zip_uint64_t size;
};

struct archive {
	zip_t *za;
	struct entry *e;
	size_t n;
};

#define S_TYPE_MASK 0170000u
#define S_TYPE_REG 0100000u
#define S_TYPE_DIR 0040000u

static void say(char *why, size_t whylen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(char *why, size_t whylen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (why && whylen)
		vsnprintf(why, whylen, fmt, ap);
	va_end(ap);
}

/* NAME made canonical into OUT: "a//b/./c" → "a/b/c"; -1 when it is unsafe (absolute, "..",
 * a backslash, a drive letter, a control character). *DIR: it names a folder (ends with "/"). */
static int canonical(const char *name, struct sb *out, int *dir)
{
	size_t len = strlen(name);
	*dir = len > 0 && name[len - 1] == '/';
	if (!len || name[0] == '/' || (len >= 2 && name[1] == ':'))
		return -1;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (*p < 0x20 || *p == 0x7f || *p == '\\')
			return -1;
	const char *s = name;
	while (*s) {
		const char *end = strchr(s, '/');
		size_t seg = end ? (size_t)(end - s) : strlen(s);
		if (seg == 2 && s[0] == '.' && s[1] == '.')
			return -1;
		if (seg && !(seg == 1 && s[0] == '.')) {
			if (out->len)
				sb_addc(out, '/');
			sb_add(out, s, seg);
		}
		s += seg;
		if (*s == '/')
			s++;
	}
	return out->len ? 0 : (*dir ? 0 : -1);
}

int archive_looks_like_zip(const void *bytes, size_t len)
{
	const unsigned char *b = bytes;
	return len >= 4 && b[0] == 'P' && b[1] == 'K' && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6));
}

void archive_close(struct archive *z)
{
	if (!z)
		return;
	for (size_t i = 0; i < z->n; i++)
		free(z->e[i].name);
	free(z->e);
	if (z->za)
		zip_discard(z->za);
	free(z);
}

struct archive *archive_open(const void *buf, size_t len, size_t max_total, size_t max_entries, char *why,
			     size_t whylen)
{
	zip_error_t zerr;
	zip_error_init(&zerr);
	if (!buf || !len) {
		say(why, whylen, "Tệp ZIP rỗng.");
		return NULL;
	}
	zip_source_t *src = zip_source_buffer_create(buf, len, 0, &zerr);
	zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &zerr) : NULL;
	zip_error_fini(&zerr);
	if (!za) {
		if (src)
			zip_source_free(src);
		say(why, whylen, "Tệp không phải tệp ZIP đọc được (hỏng hoặc sai định dạng).");
		return NULL;
	}
	struct archive *z = xcalloc(1, sizeof(*z));
	z->za = za;
	zip_int64_t n = zip_get_num_entries(za, 0);
	if (n < 0 || (zip_uint64_t)n > max_entries) {
		char m[32];
		snprintf(m, sizeof(m), "%zu", max_entries);
		say(why, whylen, "Tệp ZIP có quá nhiều mục (tối đa %s).", m);
		goto refuse;
	}
	z->e = xcalloc((size_t)n ? (size_t)n : 1, sizeof(*z->e));
	zip_uint64_t total = 0;
	struct sb canon = SB_INIT;
	for (zip_uint64_t i = 0; i < (zip_uint64_t)n; i++) {
		const char *raw = zip_get_name(za, i, ZIP_FL_ENC_GUESS);
		char *nfc = raw ? utf8_nfc(raw, strlen(raw)) : NULL;
		int dir = 0;
		sb_reset(&canon);
		if (!nfc) {
			say(why, whylen, "Tệp ZIP có một mục tên không đọc được (không phải UTF-8).");
			goto refuse_canon;
		}
		if (canonical(nfc, &canon, &dir)) {
			say(why, whylen, "Tệp ZIP có đường dẫn không an toàn: \"%s\" (không được dùng \"..\", đường dẫn tuyệt đối hay dấu \\).", nfc);
			free(nfc);
			goto refuse_canon;
		}
		zip_uint8_t opsys = 0;
		zip_uint32_t attr = 0;
		if (zip_file_get_external_attributes(za, i, 0, &opsys, &attr) == 0 && opsys == ZIP_OPSYS_UNIX) {
			unsigned type = (attr >> 16) & S_TYPE_MASK;
			if (type && type != S_TYPE_REG && type != S_TYPE_DIR) {
				say(why, whylen, "Tệp ZIP có \"%s\" không phải tệp thường (liên kết tượng trưng hay tệp đặc biệt): không nhận.", nfc);
				free(nfc);
				goto refuse_canon;
			}
			dir |= type == S_TYPE_DIR;
		}
		zip_stat_t st;
		zip_stat_init(&st);
		if (zip_stat_index(za, i, 0, &st) || !(st.valid & ZIP_STAT_SIZE)) {
			say(why, whylen, "Tệp ZIP hỏng: không đọc được mục \"%s\".", nfc);
			free(nfc);
			goto refuse_canon;
		}
		if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
			say(why, whylen, "Tệp ZIP có \"%s\" được đặt mật khẩu: hãy nén lại không đặt mật khẩu.", nfc);
			free(nfc);
			goto refuse_canon;
		}
		if (dir) {
			free(nfc);
			continue;
		}
		if ((st.valid & ZIP_STAT_COMP_METHOD) && !zip_compression_method_supported((zip_int32_t)st.comp_method, 0)) {
			say(why, whylen, "Tệp ZIP có \"%s\" nén theo cách không đọc được: hãy nén lại bằng cách thông thường (Deflate).", nfc);
			free(nfc);
			goto refuse_canon;
		}
		if (st.size > max_total || total + st.size > max_total) {
			char m[32];
			snprintf(m, sizeof(m), "%zu", max_total / (1024 * 1024));
			say(why, whylen, "Các tệp trong tệp ZIP khi giải nén vượt quá %s MB: không nhận.", m);
			free(nfc);
			goto refuse_canon;
		}
		total += st.size;
		for (size_t j = 0; j < z->n; j++) {
			if (strcmp(z->e[j].name, canon.buf) == 0) {
				say(why, whylen, "Tệp ZIP có hai mục cùng tên \"%s\".", canon.buf);
				free(nfc);
				goto refuse_canon;
			}
		}
		free(nfc);
		z->e[z->n].name = xstrdup(canon.buf);
		z->e[z->n].idx = i;
		z->e[z->n].size = st.size;
		z->n++;
	}
	sb_release(&canon);
	return z;
refuse_canon:
	sb_release(&canon);
refuse:
	archive_close(z);
	return NULL;
}

size_t archive_count(const struct archive *z)
{
	return z->n;
}

const char *archive_name(const struct archive *z, size_t i)
{
	return i < z->n ? z->e[i].name : NULL;
}

long archive_find(const struct archive *z, const char *name)
{
	struct sb canon = SB_INIT;
	int dir = 0;
	long found = -1;
	if (canonical(name, &canon, &dir) == 0 && !dir)
		for (size_t i = 0; i < z->n; i++)
			if (strcmp(z->e[i].name, canon.buf) == 0) {
				found = (long)i;
				break;
			}
	sb_release(&canon);
	return found;
}

int archive_read(struct archive *z, size_t i, struct sb *out, size_t max, char *why, size_t whylen)
{
	if (i >= z->n)
		return -1;
	const struct entry *e = &z->e[i];
	if (e->size > max) {
		say(why, whylen, "Tệp \"%s\" trong tệp ZIP quá lớn.", e->name);
		return -1;
	}
	zip_file_t *f = zip_fopen_index(z->za, e->idx, 0);
	if (!f) {
		say(why, whylen, "Không đọc được \"%s\" trong tệp ZIP (tệp hỏng).", e->name);
		return -1;
	}
	char buf[65536];
	zip_uint64_t got = 0;
	int rc = 0;
	for (;;) {
		zip_int64_t r = zip_fread(f, buf, sizeof(buf));
		if (r < 0) {
			rc = -1;
			break;
		}
		if (r == 0)
			break;
		got += (zip_uint64_t)r;
		if (got > e->size) { /* more than it declared: a lie, perhaps a bomb */
			rc = -1;
			break;
		}
		sb_add(out, buf, (size_t)r);
	}
	if (zip_fclose(f) != 0)
		rc = -1;
	if (rc == 0 && got != e->size)
		rc = -1;
	if (rc)
		say(why, whylen, "Không đọc được \"%s\" trong tệp ZIP (tệp hỏng).", e->name);
	return rc;
}
