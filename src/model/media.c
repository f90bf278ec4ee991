/* media.c — the media library of a site: images and files to attach, recognised by their
 * content (libmagic; libgd decodes images; DOCX, XLSX and ODT by the names inside the ZIP),
 * stored content-addressed as DATA/media/<2 hex>/<sha256>.<ext> (the same content once), with
 * JPEG copies 480 and 960 pixels wide of wider images; the attachments of articles. */
#include "internal.h"
#include "db/db.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"
#include "base/utf8.h"
#include "model/vtt.h"

#include <errno.h>
#include <fcntl.h>
#include <gd.h>
#include <magic.h>
#include <pthread.h>
#include <stdarg.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/banned.h"

/* Larger images are refused before decoding: libgd keeps 4 bytes per pixel. */
#define IMAGE_MAX_SIDE 20000
#define IMAGE_MAX_PIXELS (40 * 1000 * 1000)
#define TEXT_MAX 300 /* code points of alt and title */
#define VARIANT_QUALITY 82

static const int variant_widths[] = { 480, 960 };

enum mtype { T_JPEG, T_PNG, T_WEBP, T_GIF, T_PDF, T_DOC, T_XLS, T_DOCX, T_XLSX, T_ODT, T_CSV,
	     T_MP4, T_WEBM, T_MP3, T_M4A, T_OGG, T_VTT };

static const struct {
	const char *mime, *ext;
	gdImagePtr (*decode)(int size, void *data); /* NULL: not an image */
} types[] = {
	[T_JPEG] = { "image/jpeg", "jpg", gdImageCreateFromJpegPtr },
	[T_PNG] = { "image/png", "png", gdImageCreateFromPngPtr },
	[T_WEBP] = { "image/webp", "webp", gdImageCreateFromWebpPtr },
	[T_GIF] = { "image/gif", "gif", gdImageCreateFromGifPtr },
	[T_PDF] = { "application/pdf", "pdf", NULL },
	[T_DOC] = { "application/msword", "doc", NULL },
	[T_XLS] = { "application/vnd.ms-excel", "xls", NULL },
	[T_DOCX] = { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", NULL },
	[T_XLSX] = { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", NULL },
	[T_ODT] = { "application/vnd.oasis.opendocument.text", "odt", NULL },
	/* a statistics table (import/stattable.h checks it when an item uses it); libmagic calls a
	 * CSV text/csv or, with ';' or Vietnamese text, text/plain */
	[T_CSV] = { "text/csv", "csv", NULL },
	/* audio and video for the media kinds (docs/media.md): what browsers play natively */
	[T_MP4] = { "video/mp4", "mp4", NULL },
	[T_WEBM] = { "video/webm", "webm", NULL },
	[T_MP3] = { "audio/mpeg", "mp3", NULL },
	[T_M4A] = { "audio/x-m4a", "m4a", NULL },
	[T_OGG] = { "audio/ogg", "ogg", NULL },
	/* captions and transcripts (WebVTT), checked by model/vtt.c */
	[T_VTT] = { "text/vtt", "vtt", NULL },
};

/* Audio and video: their own size limit (the site's setting, media_av_max). */
static int is_av(int type)
{
	return type >= T_MP4 && type <= T_OGG;
}

/* What libmagic may call a ZIP-based office document; the ZIP's own content then decides.
 * (libmagic 5.44 names an OOXML file by the order of its first entries: a real DOCX may come
 * out as application/zip, and a ZIP holding only word/document.xml as a DOCX.) */
static const char *zip_mimes[] = {
	"application/zip",
	"application/octet-stream",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"application/vnd.oasis.opendocument.text",
};

/* libgd's complaints about damaged uploads become log records (not bare lines on stderr). */
__attribute__((format(printf, 2, 0))) static void gd_log(int priority, const char *fmt, va_list ap)
{
	char buf[256];
	(void)priority;
	vsnprintf(buf, sizeof(buf), fmt, ap);
	size_t n = strlen(buf);
	while (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	log_warn("media: libgd: %s", buf);
}

static void gd_log_init(void)
{
	gdSetErrorMethod(gd_log);
}

/* ---- reading the content ---- */

static unsigned rd16le(const unsigned char *p) { return (unsigned)p[0] | (unsigned)p[1] << 8; }
static unsigned rd16be(const unsigned char *p) { return (unsigned)p[0] << 8 | (unsigned)p[1]; }
static uint32_t rd32le(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static uint32_t rd32be(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/* The kind of office document a ZIP archive is, from the names in its central directory:
 * T_DOCX, T_XLSX, T_ODT, or -1 with *KEY set. Macro-enabled documents are refused. */
static int zip_kind(const unsigned char *b, size_t len, const char **key)
{
	static const char odt_mime[] = "application/vnd.oasis.opendocument.text";
	size_t eocd = 0, i;
	int found = 0, ct = 0, rels = 0, word = 0, xl = 0, vba = 0, odt = 0, content = 0;

	*key = "media_zip";
	if (len < 22)
		return -1;
	/* the end-of-central-directory record: within the last 22 + 65535 bytes */
	for (i = len - 22;; i--) {
		if (memcmp(b + i, "PK\x05\x06", 4) == 0) {
			eocd = i;
			found = 1;
			break;
		}
		if (i == 0 || len - i > 22 + 65535)
			break;
	}
	if (!found)
		return -1;
	size_t count = rd16le(b + eocd + 10);
	size_t cd_size = rd32le(b + eocd + 12), cd_off = rd32le(b + eocd + 16);
	if (cd_off > eocd || cd_size > eocd - cd_off)
		return -1; /* ZIP64 (0xFFFFFFFF) lands here too: no office document needs it */
	size_t p = cd_off, end = cd_off + cd_size;
	for (size_t n = 0; n < count; n++) {
		if (end - p < 46 || memcmp(b + p, "PK\x01\x02", 4) != 0)
			return -1;
		size_t nl = rd16le(b + p + 28), xl_ = rd16le(b + p + 30), cl = rd16le(b + p + 32);
		size_t method = rd16le(b + p + 10), csize = rd32le(b + p + 20), lho = rd32le(b + p + 42);
		if (end - p - 46 < nl + xl_ + cl)
			return -1;
		const char *name = (const char *)b + p + 46;
#define IS(s) (nl == sizeof(s) - 1 && memcmp(name, s, nl) == 0)
		if (IS("[Content_Types].xml"))
			ct = 1;
		else if (IS("_rels/.rels"))
			rels = 1;
		else if (IS("word/document.xml"))
			word = 1;
		else if (IS("xl/workbook.xml"))
			xl = 1;
		else if (IS("content.xml"))
			content = 1;
		else if (nl >= 14 && memcmp(name + nl - 14, "vbaProject.bin", 14) == 0)
			vba = 1;
		else if (IS("mimetype") && method == 0 && csize == sizeof(odt_mime) - 1 && lho < cd_off &&
			 cd_off - lho >= 30) {
			/* ODF: the stored, uncompressed first entry names the document type */
			size_t dn = rd16le(b + lho + 26), dx = rd16le(b + lho + 28);
			size_t data = lho + 30 + dn + dx;
			if (memcmp(b + lho, "PK\x03\x04", 4) == 0 && data <= cd_off &&
			    cd_off - data >= csize && memcmp(b + data, odt_mime, csize) == 0)
				odt = 1;
		}
#undef IS
		p += 46 + nl + xl_ + cl;
	}
	if (vba) {
		*key = "media_macro";
		return -1;
	}
	if (ct && rels && word && !xl)
		return T_DOCX;
	if (ct && rels && xl && !word)
		return T_XLSX;
	if (odt && content && !ct)
		return T_ODT;
	return -1;
}

/* 1 when text BYTES read as a table: its first two lines hold the same separator (',' ';' or
 * TAB). (Its encoding is the table reader's to check: it names the line that is not UTF-8.) */
static int csv_like(const void *bytes, size_t len)
{
	const char *s = bytes, *nl = memchr(s, '\n', len);
	if (!nl)
		return 0;
	size_t first = (size_t)(nl - s), rest = len - first - 1;
	const char *s2 = nl + 1, *nl2 = memchr(s2, '\n', rest);
	size_t second = nl2 ? (size_t)(nl2 - s2) : rest;
	static const char seps[] = { ',', ';', '\t' };
	for (size_t i = 0; i < sizeof(seps); i++)
		if (memchr(s, seps[i], first) && memchr(s2, seps[i], second))
			return 1;
	return 0;
}

/* The type of an upload, or -1 with *KEY set (a message key). */
static int detect(const void *bytes, size_t len, int images_only, const char **key)
{
	const unsigned char *b = bytes;
	const char *mime = NULL;
	int type = -1;
	magic_t cookie = magic_open(MAGIC_MIME_TYPE);

	*key = images_only ? "media_type" : "media_type_any";
	if (cookie && magic_load(cookie, NULL) == 0)
		mime = magic_buffer(cookie, bytes, len);
	else
		log_error("media: libmagic: %s", cookie ? magic_error(cookie) : "cannot open");
	for (size_t i = 0; mime && type < 0 && i < ARRAY_SIZE(types); i++)
		if (strcmp(mime, types[i].mime) == 0 && i != T_DOCX && i != T_XLSX && i != T_ODT)
			type = (int)i;
	if (type < 0 && !images_only && mime && strcmp(mime, "text/plain") == 0 && csv_like(bytes, len))
		type = T_CSV;
	if (type < 0 && !images_only && mime && len >= 4 && memcmp(b, "PK\x03\x04", 4) == 0)
		for (size_t i = 0; i < ARRAY_SIZE(zip_mimes); i++)
			if (strcmp(mime, zip_mimes[i]) == 0) {
				type = zip_kind(b, len, key);
				break;
			}
	if (type < 0 && !images_only && mime && strcmp(mime, "text/plain") == 0) {
		/* libmagic names a WebVTT file with a byte-order mark plain text */
		const unsigned char *t = len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0 ? b + 3 : b;
		if ((size_t)(t - b) + 6 <= len && memcmp(t, "WEBVTT", 6) == 0)
			type = T_VTT;
	}
	if (type == T_VTT) {
		struct vtt_result vr;
		if (vtt_check(bytes, len, &vr)) {
			*key = vr.error;
			type = -1;
		}
	}
	if (cookie)
		magic_close(cookie);
	if (type >= 0 && images_only && !types[type].decode) {
		*key = "media_type";
		return -1;
	}
	return type;
}

/* The next JPEG segment that has a length, from *P (start at 2, after SOI): its marker, payload
 * and payload length; *P moves past it. -1 at the image data (SOS), the end (EOI), a truncated or
 * malformed segment. The one walker of the JPEG header both probes below use. */
static int jpeg_next(const unsigned char *b, size_t len, size_t *pp, unsigned *marker,
		     const unsigned char **data, size_t *n)
{
	size_t p = *pp;
	while (p + 4 <= len) {
		if (b[p] != 0xFF)
			return -1;
		unsigned m = b[p + 1];
		if (m == 0xFF) { /* fill byte */
			p++;
			continue;
		}
		if (m == 0x01 || (m >= 0xD0 && m <= 0xD8)) { /* markers without a length */
			p += 2;
			continue;
		}
		if (m == 0xD9 || m == 0xDA)
			return -1;
		size_t seg = rd16be(b + p + 2);
		if (seg < 2 || seg > len - p - 2)
			return -1;
		*marker = m;
		*data = b + p + 4;
		*n = seg - 2;
		*pp = p + 2 + seg;
		return 0;
	}
	return -1;
}

/* Width and height from an image's header, before any decoding; -1 when they cannot be read. */
static int image_size(int type, const unsigned char *b, size_t len, long *w, long *h)
{
	switch (type) {
	case T_PNG:
		if (len < 24 || memcmp(b + 12, "IHDR", 4) != 0)
			return -1;
		*w = (long)rd32be(b + 16);
		*h = (long)rd32be(b + 20);
		return 0;
	case T_GIF:
		if (len < 10)
			return -1;
		*w = (long)rd16le(b + 6);
		*h = (long)rd16le(b + 8);
		return 0;
	case T_WEBP:
		if (len < 30 || memcmp(b, "RIFF", 4) != 0 || memcmp(b + 8, "WEBP", 4) != 0)
			return -1;
		if (memcmp(b + 12, "VP8 ", 4) == 0) {
			*w = (long)(rd16le(b + 26) & 0x3fff);
			*h = (long)(rd16le(b + 28) & 0x3fff);
		} else if (memcmp(b + 12, "VP8L", 4) == 0) {
			uint32_t v = rd32le(b + 21);
			*w = (long)(v & 0x3fff) + 1;
			*h = (long)((v >> 14) & 0x3fff) + 1;
		} else if (memcmp(b + 12, "VP8X", 4) == 0) {
			*w = (long)(b[24] | b[25] << 8 | b[26] << 16) + 1;
			*h = (long)(b[27] | b[28] << 8 | b[29] << 16) + 1;
		} else {
			return -1;
		}
		return 0;
	case T_JPEG: {
		size_t p = 2, n;
		const unsigned char *d;
		unsigned m;
		while (jpeg_next(b, len, &p, &m, &d, &n) == 0) {
			/* a start-of-frame (not DHT C4, JPG C8, DAC CC) holds the size */
			if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
				if (n < 5)
					return -1;
				*h = (long)rd16be(d + 1);
				*w = (long)rd16be(d + 3);
				return 0;
			}
		}
		return -1;
	}
	}
	return -1;
}

/* The EXIF orientation (1–8) of a JPEG; 1 when it has none. */
static int jpeg_orientation(const unsigned char *b, size_t len)
{
	size_t p = 2, seg;
	const unsigned char *d;
	unsigned m;
	while (jpeg_next(b, len, &p, &m, &d, &seg) == 0) {
		if (m != 0xE1 || seg < 6 + 8 || memcmp(d, "Exif\0\0", 6) != 0)
			continue;
		const unsigned char *t = d + 6; /* the TIFF header */
		size_t tl = seg - 6;
		int le = memcmp(t, "II", 2) == 0;
		if (!le && memcmp(t, "MM", 2) != 0)
			return 1;
#define R16(q) (le ? rd16le(q) : rd16be(q))
#define R32(q) (le ? rd32le(q) : rd32be(q))
		size_t ifd = R32(t + 4);
		if (ifd > tl || tl - ifd < 2)
			return 1;
		size_t n = R16(t + ifd);
		for (size_t i = 0; i < n; i++) {
			size_t e = ifd + 2 + 12 * i;
			if (e > tl || tl - e < 12)
				return 1;
			if (R16(t + e) == 0x0112 && R16(t + e + 2) == 3) {
				unsigned o = R16(t + e + 8);
				return o >= 1 && o <= 8 ? (int)o : 1;
			}
		}
#undef R16
#undef R32
		return 1;
	}
	return 1;
}

/* IM turned upright as EXIF orientation O says (takes IM). */
static gdImagePtr orient(gdImagePtr im, int o)
{
	int w = gdImageSX(im), h = gdImageSY(im);
	int swap = o >= 5;
	if (o <= 1 || o > 8)
		return im;
	gdImagePtr out = gdImageCreateTrueColor(swap ? h : w, swap ? w : h);
	if (!out)
		return im;
	gdImageAlphaBlending(out, 0);
	for (int dy = 0; dy < gdImageSY(out); dy++)
		for (int dx = 0; dx < gdImageSX(out); dx++) {
			int sx, sy;
			switch (o) {
			case 2: sx = w - 1 - dx; sy = dy; break;
			case 3: sx = w - 1 - dx; sy = h - 1 - dy; break;
			case 4: sx = dx; sy = h - 1 - dy; break;
			case 5: sx = dy; sy = dx; break;
			case 6: sx = dy; sy = h - 1 - dx; break;
			case 7: sx = w - 1 - dy; sy = h - 1 - dx; break;
			default: sx = w - 1 - dy; sy = dx; break; /* 8 */
			}
			gdImageSetPixel(out, dx, dy, gdImageGetTrueColorPixel(im, sx, sy));
		}
	gdImageDestroy(im);
	return out;
}

/* ---- files ---- */

/* A change to a folder's entries (a file renamed into it, a folder made in it) is on the disk
 * once the folder itself is synced: the file's own fsync does not cover its name. */
static int fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

/* The folder of PATH ("." when it has none) synced. */
static int fsync_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return fsync_dir(".");
	if (slash == path)
		return fsync_dir("/");
	char *dir = xstrndup(path, (size_t)(slash - path));
	int rc = fsync_dir(dir);
	free(dir);
	return rc;
}

/* Makes PATH and its missing parents; each folder made is synced into its parent, so that the
 * media file inside survives a power loss with its path. */
static int mkdir_p(const char *path)
{
	char *p = xstrdup(path);
	int rc = 0;
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s)
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0755) == 0) {
			if (fsync_parent(p))
				rc = -1;
		} else if (errno != EEXIST) {
			rc = -1;
		}
		*s = c;
		if (rc || !c)
			break;
	}
	free(p);
	return rc;
}

/* Writes LEN bytes to PATH atomically and durably: a temporary file, fsync, rename, and the
 * folder synced, so that when this returns the file is on the disk under its name (the row that
 * names it commits after). */
static int write_file_atomic(const char *path, const void *data, size_t len)
{
	struct sb tmp = SB_INIT;
	char rnd[12];
	random_token(rnd, 6); /* several threads may write the same content at once */
	sb_addf(&tmp, "%s.tmp%ld-%s", path, (long)getpid(), rnd);
	int fd = open(tmp.buf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
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
	if (fsync_parent(path))
		goto out;
	rc = 0;
out:
	sb_release(&tmp);
	return rc;
}

/* Writes PATH unless it is already there (content-addressed: the same name, the same bytes).
 * Already there, it may have just been renamed into place by another writer: the folder is
 * synced all the same before a row names it. */
static int store_once(const char *path, const void *data, size_t len)
{
	if (access(path, F_OK) == 0)
		return fsync_parent(path) ? -1 : 0;
	if (write_file_atomic(path, data, len)) {
		log_error("media: cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

struct variant {
	int width, height;
	int64_t size;
};

/* Writes the JPEG copies of IM narrower than it beside the original (DIR/<sha>-<w>.jpg);
 * returns how many, filling V. White shows through transparent parts. */
static int variants_make(gdImagePtr im, const char *dir, const char *sha, struct variant *v, int *failed)
{
	int n = 0, w = gdImageSX(im), h = gdImageSY(im);
	struct sb path = SB_INIT;
	*failed = 0;
	for (size_t i = 0; i < ARRAY_SIZE(variant_widths); i++) {
		int vw = variant_widths[i];
		if (w <= vw)
			continue;
		int vh = (int)(((int64_t)h * vw + w / 2) / w);
		if (vh < 1)
			vh = 1;
		gdImagePtr out = gdImageCreateTrueColor(vw, vh);
		if (!out) {
			*failed = 1;
			break;
		}
		gdImageFilledRectangle(out, 0, 0, vw - 1, vh - 1, gdTrueColor(255, 255, 255));
		gdImageAlphaBlending(out, 1);
		gdImageCopyResampled(out, im, 0, 0, 0, 0, vw, vh, w, h);
		gdImageInterlace(out, 1); /* progressive JPEG */
		int size = 0;
		void *jpg = gdImageJpegPtr(out, &size, VARIANT_QUALITY);
		gdImageDestroy(out);
		sb_reset(&path);
		sb_addf(&path, "%s/%s-%d.jpg", dir, sha, vw);
		int rc = jpg && size > 0 ? store_once(path.buf, jpg, (size_t)size) : -1;
		struct stat st;
		if (jpg)
			gdFree(jpg);
		if (rc || stat(path.buf, &st)) {
			*failed = 1;
			break;
		}
		v[n].width = vw;
		v[n].height = vh;
		v[n].size = (int64_t)st.st_size;
		n++;
	}
	sb_release(&path);
	return n;
}

/* ---- reads ---- */

#define MEDIA_COLS "m.id, m.site_id, m.kind, m.sha256, m.mime, m.ext, m.size, m.width, m.height," \
		   " m.orig_name, m.alt, m.title, m.created_by, m.created_at"

char *media_path(json_t *m)
{
	struct sb b = SB_INIT;
	const char *sha = json_string_value(json_object_get(m, "sha256"));
	sb_addf(&b, "media/%.2s/%s.%s", sha, sha, json_string_value(json_object_get(m, "ext")));
	return sb_detach(&b, NULL);
}

char *media_url(json_t *m)
{
	struct sb b = SB_INIT;
	const char *kind = json_string_value(json_object_get(m, "kind"));
	sb_addf(&b, "/%s/%s.%s", kind && strcmp(kind, "file") == 0 ? "tep" : "media",
		json_string_value(json_object_get(m, "sha256")), json_string_value(json_object_get(m, "ext")));
	return sb_detach(&b, NULL);
}

char *media_variant_url(json_t *m, int width)
{
	json_t *best = NULL, *v;
	size_t i;
	json_array_foreach(json_object_get(m, "variants"), i, v) {
		json_int_t vw = json_integer_value(json_object_get(v, "width"));
		if (vw >= width && (!best || vw < json_integer_value(json_object_get(best, "width"))))
			best = v;
	}
	if (!best)
		return media_url(m);
	struct sb b = SB_INIT;
	sb_addf(&b, "/media/%s-%lld.%s", json_string_value(json_object_get(m, "sha256")),
		(long long)json_integer_value(json_object_get(best, "width")),
		json_string_value(json_object_get(best, "ext")));
	return sb_detach(&b, NULL);
}

void media_size_label(int64_t bytes, char *buf, size_t n)
{
	if (bytes < 1024)
		snprintf(buf, n, "%lld B", (long long)bytes);
	else if (bytes < 10 * 1024)
		snprintf(buf, n, "%.1f KB", (double)bytes / 1024);
	else if (bytes < 1024 * 1024)
		snprintf(buf, n, "%lld KB", (long long)((bytes + 512) / 1024));
	else
		snprintf(buf, n, "%.1f MB", (double)bytes / (1024 * 1024));
	char *dot = strchr(buf, '.');
	if (dot)
		*dot = ',';
}

/* Adds url, size_label and (images) variants to a media row. */
static void media_decorate(struct db *db, json_t *m)
{
	char label[32];
	char *url = media_url(m);
	json_object_set_new(m, "url", json_string(url));
	free(url);
	media_size_label(json_integer_value(json_object_get(m, "size")), label, sizeof(label));
	json_object_set_new(m, "size_label", json_string(label));
	json_t *vs = json_array();
	if (strcmp(json_string_value(json_object_get(m, "kind")), "image") == 0) {
		struct db_stmt *st = db_stmt(db, "SELECT width, height, ext FROM media_variants WHERE media_id = ? ORDER BY width");
		if (st) {
			db_bind_int(st, 1, json_integer_value(json_object_get(m, "id")));
			json_decref(vs);
			vs = db_rows_json(st);
		}
		size_t i;
		json_t *v;
		json_array_foreach(vs, i, v) {
			struct sb u = SB_INIT;
			sb_addf(&u, "/media/%s-%lld.%s", json_string_value(json_object_get(m, "sha256")),
				(long long)json_integer_value(json_object_get(v, "width")),
				json_string_value(json_object_get(v, "ext")));
			json_object_set_new(v, "url", json_string(u.buf));
			sb_release(&u);
		}
	}
	json_object_set_new(m, "variants", vs);
}

json_t *media_get(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT " MEDIA_COLS " FROM media m WHERE m.id = ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	json_t *m = db_one_json(st);
	if (m)
		media_decorate(db, m);
	return m;
}

json_t *media_list(struct db *db, const struct actor *a, int64_t site_id, const char *kind,
		   int64_t limit, int64_t offset, int64_t *total)
{
	if (total)
		*total = 0;
	if (!user_role_on(db, a, site_id))
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT COUNT(*) FROM media WHERE site_id = ? AND (CAST(? AS TEXT) IS NULL OR kind = ?)");
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, kind);
	int64_t n = 0;
	if (db_one_int(st, &n) == 1 && total)
		*total = n;
	st = db_stmt(db, "SELECT " MEDIA_COLS ", COALESCE(u.display_name, '') AS uploader"
			 " FROM media m LEFT JOIN users u ON u.id = m.created_by"
			 " WHERE m.site_id = ? AND (CAST(? AS TEXT) IS NULL OR m.kind = ?)"
			 " ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?");
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, kind);
	db_bind_int(st, 4, limit);
	db_bind_int(st, 5, offset);
	json_t *rows = db_rows_json(st);
	size_t i;
	json_t *m;
	json_array_foreach(rows, i, m) {
		media_decorate(db, m);
		if (strcmp(json_string_value(json_object_get(m, "kind")), "image") == 0) {
			char *t = media_variant_url(m, 480);
			json_object_set_new(m, "thumb_url", json_string(t));
			free(t);
		}
	}
	return rows;
}

json_t *media_find_file(struct db *db, const char *sha256, const char *ext, int64_t prefer_site_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT orig_name, mime, ext, sha256 FROM media"
				       " WHERE sha256 = ? AND ext = ? AND kind = 'file'"
				       " ORDER BY CASE WHEN site_id = ? THEN 0 ELSE 1 END, id LIMIT 1");
	if (!st)
		return NULL;
	db_bind_text(st, 1, sha256);
	db_bind_text(st, 2, ext);
	db_bind_int(st, 3, prefer_site_id);
	return db_one_json(st);
}

/* ---- changes ---- */

/* The file name part of what the browser sent (old browsers send a whole Windows path), NFC,
 * without control characters; malloc'd. */
static char *clean_name(const char *orig)
{
	const char *s = orig ? orig : "";
	const char *slash = strrchr(s, '/'), *bslash = strrchr(s, '\\');
	if (slash && (!bslash || slash > bslash))
		s = slash + 1;
	else if (bslash)
		s = bslash + 1;
	char *n = text_clean(s, 0);
	if (!n)
		return xstrdup("");
	char *w = n;
	for (char *r = n; *r; r++)
		if ((unsigned char)*r >= 0x20 && *r != 0x7f)
			*w++ = *r;
	*w = '\0';
	if (utf8_length(n) > 200) {
		char *cut = utf8_ellipsize(n, 200);
		free(n);
		n = cut;
	}
	return n;
}

/* NFC, trimmed, at most TEXT_MAX code points (else an error on FIELD); malloc'd or NULL. */
static char *clean_text(const char *s, const char *field, struct errs *e)
{
	char *t = text_clean(s, 0);
	if (!t) {
		errs_add(e, field, "invalid_utf8");
		return NULL;
	}
	if (utf8_length(t) > TEXT_MAX)
		errs_add(e, field, "too_long");
	return t;
}

/* The id of the site's row with content SHA, or 0. */
static int64_t media_find(struct db *db, int64_t site_id, const char *sha)
{
	int64_t id = 0;
	struct db_stmt *st = db_stmt(db, "SELECT id FROM media WHERE site_id = ? AND sha256 = ? ORDER BY id LIMIT 1");
	if (!st)
		return -1;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, sha);
	db_one_int(st, &id);
	return id;
}

/* The same content uploaded again with a description or title the stored row lacks: fills
 * them in (one transaction, audited). */
static int fill_texts(struct db *db, const struct actor *a, int64_t site_id, int64_t id, const char *alt,
		      const char *title)
{
	alt = alt ? alt : "";
	title = title ? title : "";
	if (!*alt && !*title)
		return M_OK;
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "UPDATE media SET alt = CASE WHEN alt = '' THEN ? ELSE alt END,"
				       " title = CASE WHEN title = '' THEN ? ELSE title END"
				       " WHERE id = ? AND ((alt = '' AND ? <> '') OR (title = '' AND ? <> ''))");
	if (!st) {
		db_rollback(db);
		return M_ERROR;
	}
	db_bind_text(st, 1, alt);
	db_bind_text(st, 2, title);
	db_bind_int(st, 3, id);
	db_bind_text(st, 4, alt);
	db_bind_text(st, 5, title);
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	if (ok && db_changes(db) > 0) {
		char obj[32];
		snprintf(obj, sizeof(obj), "media:%lld", (long long)id);
		ok = audit_write(db, a, site_id, "media.update", obj, *title ? title : alt) == 0;
	}
	if (!ok) {
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

int64_t media_av_max(struct db *db, int64_t site_id)
{
	int64_t mb = MEDIA_AV_MAX_DEFAULT >> 20;
	struct db_stmt *st = db_stmt(db, "SELECT media_av_max_mb FROM sites WHERE id = ?");
	if (st) {
		db_bind_int(st, 1, site_id);
		if (db_step(st) == DB_ROW && !db_col_null(st, 0))
			mb = db_col_int(st, 0);
		db_reset(st);
	}
	if (mb < 1 || mb > MEDIA_AV_MAX_LIMIT >> 20)
		mb = MEDIA_AV_MAX_DEFAULT >> 20;
	return mb << 20;
}

/* The checks of an upload's bytes before anything is written: size, type by content, an image's
 * header and dimensions. The type's index in *TYPE, or M_INVALID with the reason on FIELD. */
static int bytes_check(const void *bytes, size_t len, int images_only, int64_t av_max, const char *field,
		       struct errs *e, int *type)
{
	const char *key;
	if (!len) {
		errs_add(e, field, images_only ? "media_empty" : "media_file_required");
		return M_INVALID;
	}
	if (len > (images_only ? MEDIA_IMAGE_MAX : MEDIA_FILE_MAX > av_max ? MEDIA_FILE_MAX : av_max)) {
		errs_add(e, field, images_only ? "media_too_big" : av_max > MEDIA_FILE_MAX ? "media_av_too_big" : "media_file_too_big");
		return M_INVALID;
	}
	*type = detect(bytes, len, images_only, &key);
	if (*type < 0) {
		errs_add(e, field, key);
		return M_INVALID;
	}
	if (!is_av(*type) && len > MEDIA_FILE_MAX) {
		errs_add(e, field, "media_file_too_big");
		return M_INVALID;
	}
	if (is_av(*type) && (int64_t)len > av_max) {
		errs_add(e, field, "media_av_too_big");
		return M_INVALID;
	}
	if (types[*type].decode) {
		long iw = 0, ih = 0;
		if (len > MEDIA_IMAGE_MAX) {
			errs_add(e, field, "media_too_big");
			return M_INVALID;
		}
		if (image_size(*type, bytes, len, &iw, &ih) || iw < 1 || ih < 1) {
			errs_add(e, field, "media_corrupt");
			return M_INVALID;
		}
		if (iw > IMAGE_MAX_SIDE || ih > IMAGE_MAX_SIDE || iw * ih > IMAGE_MAX_PIXELS) {
			errs_add(e, field, "media_dimensions");
			return M_INVALID;
		}
	}
	return M_OK;
}

int media_file_check(const void *bytes, size_t len, struct errs *e)
{
	return media_file_check_mime(bytes, len, e, NULL);
}

int media_file_check_mime(const void *bytes, size_t len, struct errs *e, const char **mime)
{
	int type;
	int rc = bytes_check(bytes, len, 0, MEDIA_AV_MAX_DEFAULT, "file", e, &type);
	if (mime)
		*mime = rc == 0 ? types[type].mime : NULL;
	return rc;
}

static int store(struct db *db, const char *data_dir, const struct actor *a, int64_t site_id,
		 const void *bytes, size_t len, const char *orig_name, const char *alt_in,
		 const char *title_in, int images_only, const char *field, struct errs *e, int64_t *id)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char sha[2 * crypto_hash_sha256_BYTES + 1];
	char *name = NULL, *alt = NULL, *title = NULL;
	struct sb dir = SB_INIT, path = SB_INIT;
	struct variant v[ARRAY_SIZE(variant_widths)];
	int nv = 0, w = 0, ht = 0, rc = M_INVALID, errs_before = e->n, given_title = 0;
	gdImagePtr im = NULL;

	if (!user_role_on(db, a, site_id))
		return M_DENIED;
	int type;
	if (bytes_check(bytes, len, images_only, media_av_max(db, site_id), field, e, &type))
		return M_INVALID;
	int image = types[type].decode != NULL;
	if (image) {
		static pthread_once_t once = PTHREAD_ONCE_INIT;
		pthread_once(&once, gd_log_init);
		im = types[type].decode((int)len, (void *)bytes);
		if (!im) {
			errs_add(e, field, "media_corrupt");
			return M_INVALID;
		}
		if (type == T_JPEG)
			im = orient(im, jpeg_orientation(bytes, len));
		w = gdImageSX(im);
		ht = gdImageSY(im);
	}

	name = clean_name(orig_name);
	if (alt_in) {
		alt = clean_text(alt_in, "alt", e);
		if (alt && image && !*alt)
			errs_add(e, "alt", "media_alt_required");
	}
	if (title_in)
		title = clean_text(title_in, "title", e);
	given_title = title && *title;
	if (!given_title) {
		/* a file is listed by its title: the name without its extension by default */
		free(title);
		title = xstrdup(image ? "" : name);
		char *dot = strrchr(title, '.');
		if (dot && dot != title)
			*dot = '\0';
	}
	if (e->n > errs_before)
		goto out;

	crypto_hash_sha256(h, bytes, len);
	sodium_bin2hex(sha, sizeof(sha), h, sizeof(h));
	rc = M_ERROR;
	int64_t existing = media_find(db, site_id, sha);
	if (existing) {
		if (existing > 0) {
			*id = existing;
			rc = fill_texts(db, a, site_id, existing, image ? alt : NULL, given_title ? title : NULL);
		}
		goto out;
	}

	sb_addf(&dir, "%s/media/%.2s", data_dir, sha);
	if (mkdir_p(dir.buf)) {
		log_error("media: cannot create %s: %s", dir.buf, strerror(errno));
		goto out;
	}
	sb_addf(&path, "%s/%s.%s", dir.buf, sha, types[type].ext);
	if (store_once(path.buf, bytes, len))
		goto out;
	if (im) {
		int failed;
		nv = variants_make(im, dir.buf, sha, v, &failed);
		if (failed)
			log_error("media: %s: resized copies not made", sha); /* the original still serves */
	}

	if (db_begin(db))
		goto out;
	existing = media_find(db, site_id, sha); /* another upload of it may have won the race */
	if (existing) {
		db_rollback(db);
		if (existing > 0) {
			*id = existing;
			rc = M_OK;
		}
		goto out;
	}
	struct db_stmt *st = db_stmt(db, "INSERT INTO media (site_id, kind, sha256, mime, ext, size, width, height,"
				       " orig_name, alt, title, created_by, created_at)"
				       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (!st)
		goto fail;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, image ? "image" : "file");
	db_bind_text(st, 3, sha);
	db_bind_text(st, 4, types[type].mime);
	db_bind_text(st, 5, types[type].ext);
	db_bind_int(st, 6, (int64_t)len);
	db_bind_int(st, 7, w);
	db_bind_int(st, 8, ht);
	db_bind_text(st, 9, name);
	db_bind_text(st, 10, image && alt ? alt : ""); /* a file has no description */
	db_bind_text(st, 11, title);
	if (a->id)
		db_bind_int(st, 12, a->id);
	db_bind_int(st, 13, time_now());
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	if (!ok)
		goto fail;
	*id = db_last_id(db);
	for (int i = 0; i < nv; i++) {
		st = db_stmt(db, "INSERT INTO media_variants (media_id, width, height, ext, size) VALUES (?, ?, ?, ?, ?)");
		if (!st)
			goto fail;
		db_bind_int(st, 1, *id);
		db_bind_int(st, 2, v[i].width);
		db_bind_int(st, 3, v[i].height);
		db_bind_text(st, 4, "jpg");
		db_bind_int(st, 5, v[i].size);
		ok = db_step(st) == DB_DONE;
		db_reset(st);
		if (!ok)
			goto fail;
	}
	if (audit_write(db, a, site_id, "media.add", sha, name))
		goto fail;
	if (db_commit(db))
		goto out;
	rc = M_OK;
	goto out;
fail:
	log_error("media: %s", db_errmsg(db));
	db_rollback(db);
out:
	if (im)
		gdImageDestroy(im);
	free(name);
	free(alt);
	free(title);
	sb_release(&dir);
	sb_release(&path);
	return rc;
}

int media_store(struct db *db, const char *data_dir, const struct actor *a, int64_t site_id,
		const void *bytes, size_t len, const char *orig_name, struct errs *e, int64_t *id)
{
	return store(db, data_dir, a, site_id, bytes, len, orig_name, NULL, NULL, 1, "cover", e, id);
}

int media_store_file(struct db *db, const char *data_dir, const struct actor *a, int64_t site_id,
		     const void *bytes, size_t len, const char *orig_name, const char *alt,
		     const char *title, struct errs *e, int64_t *id)
{
	return store(db, data_dir, a, site_id, bytes, len, orig_name, alt, title, 0, "file", e, id);
}

/* The row of the site's library A may change: M_OK with *M set, or why not. */
static int media_for_change(struct db *db, const struct actor *a, int64_t site_id, int64_t id, json_t **m)
{
	int lvl = actor_level(db, a, site_id);
	*m = NULL;
	if (lvl == LVL_NONE)
		return M_DENIED;
	json_t *row = media_get(db, id);
	if (!row || json_integer_value(json_object_get(row, "site_id")) != site_id) {
		json_decref(row);
		return M_NOTFOUND;
	}
	if (lvl == LVL_REPORTER && json_integer_value(json_object_get(row, "created_by")) != a->id) {
		json_decref(row);
		return M_DENIED;
	}
	*m = row;
	return M_OK;
}

int media_update(struct db *db, const struct actor *a, int64_t site_id, int64_t id, const char *alt_in,
		 const char *title_in, struct errs *e)
{
	json_t *m;
	int rc = media_for_change(db, a, site_id, id, &m);
	if (rc != M_OK)
		return rc;
	int errs_before = e->n;
	int image = strcmp(json_string_value(json_object_get(m, "kind")), "image") == 0;
	char *alt = clean_text(alt_in, "alt", e);
	char *title = clean_text(title_in, "title", e);
	if (alt && image && !*alt)
		errs_add(e, "alt", "media_alt_required");
	if (title && !image && !*title)
		errs_add(e, "title", "required");
	rc = M_INVALID;
	if (e->n > errs_before)
		goto out;
	rc = M_ERROR;
	if (db_begin(db))
		goto out;
	struct db_stmt *st = db_stmt(db, "UPDATE media SET alt = ?, title = ? WHERE id = ? AND site_id = ?");
	if (!st) {
		db_rollback(db);
		goto out;
	}
	db_bind_text(st, 1, image ? alt : "");
	db_bind_text(st, 2, title);
	db_bind_int(st, 3, id);
	db_bind_int(st, 4, site_id);
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	if (!ok) {
		db_rollback(db);
		goto out;
	}
	char obj[32];
	snprintf(obj, sizeof(obj), "media:%lld", (long long)id);
	if (audit_write(db, a, site_id, "media.update", obj, title))
		db_rollback(db);
	else if (db_commit(db) == 0)
		rc = M_OK;
out:
	free(alt);
	free(title);
	json_decref(m);
	return rc;
}

/* 1 when an article (or its pending change) uses the media: as cover, as attachment, by its
 * address in the text of an article of the site, or in a kind's file field (item_files); -1 on
 * error. */
static int media_used(struct db *db, int64_t site_id, int64_t id, const char *sha)
{
	struct sb like = SB_INIT;
	int used = 0;
	sb_addf(&like, "%%%s%%", sha);
	struct db_stmt *st = db_stmt(db, "SELECT 1 FROM items WHERE cover_id = ?1 OR (site_id = ?2 AND body LIKE ?3)"
				       " UNION ALL SELECT 1 FROM article_attachments WHERE media_id = ?4"
				       " UNION ALL SELECT 1 FROM item_files WHERE media_id = ?4"
				       " UNION ALL SELECT 1 FROM access_forms WHERE media_id = ?4"
				       " UNION ALL SELECT 1 FROM revisions r JOIN items a ON a.pending_rev_id = r.id"
				       " WHERE r.cover_id = ?1 OR (a.site_id = ?2 AND r.body LIKE ?3) LIMIT 1");
	if (!st) {
		used = -1;
		goto out;
	}
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, site_id);
	db_bind_text(st, 3, like.buf);
	db_bind_int(st, 4, id);
	int s = db_step(st);
	used = s == DB_ROW ? 1 : s == DB_DONE ? 0 : -1;
	db_reset(st);
out:
	sb_release(&like);
	return used;
}

int media_delete(struct db *db, const struct actor *a, int64_t site_id, int64_t id, struct errs *e)
{
	json_t *m;
	int rc = media_for_change(db, a, site_id, id, &m);
	if (rc != M_OK)
		return rc;
	const char *sha = json_string_value(json_object_get(m, "sha256"));
	rc = M_ERROR;
	if (db_begin(db))
		goto out;
	int used = media_used(db, site_id, id, sha);
	if (used) {
		db_rollback(db);
		if (used > 0) {
			errs_add(e, "delete", "media_in_use");
			rc = M_INVALID;
		}
		goto out;
	}
	struct db_stmt *st = db_stmt(db, "DELETE FROM media_variants WHERE media_id = ?");
	int ok = st != NULL;
	if (ok) {
		db_bind_int(st, 1, id);
		ok = db_step(st) == DB_DONE;
		db_reset(st);
	}
	st = ok ? db_stmt(db, "DELETE FROM media WHERE id = ? AND site_id = ?") : NULL;
	if (st) {
		db_bind_int(st, 1, id);
		db_bind_int(st, 2, site_id);
		int s = db_step(st);
		db_reset(st);
		if ((s & 0xff) == DB_CONSTRAINT) { /* a reference this file does not know of */
			db_rollback(db);
			errs_add(e, "delete", "media_in_use");
			rc = M_INVALID;
			goto out;
		}
		ok = s == DB_DONE;
	} else {
		ok = 0;
	}
	if (!ok) {
		log_error("media: delete %lld: %s", (long long)id, db_errmsg(db));
		db_rollback(db);
		goto out;
	}
	if (audit_write(db, a, site_id, "media.delete", sha, json_string_value(json_object_get(m, "orig_name"))))
		db_rollback(db);
	else if (db_commit(db) == 0)
		rc = M_OK;
out:
	json_decref(m);
	return rc;
}

/* ---- attachments of articles ---- */

json_t *article_attachments(struct db *db, int64_t article_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT m.id, COALESCE(NULLIF(aa.title, ''), NULLIF(m.title, ''), m.orig_name) AS title,"
				       " m.orig_name, m.size, m.ext, m.sha256, m.kind"
				       " FROM article_attachments aa JOIN media m ON m.id = aa.media_id"
				       " WHERE aa.article_id = ? ORDER BY aa.position, m.id");
	if (!st)
		return json_array();
	db_bind_int(st, 1, article_id);
	json_t *rows = db_rows_json(st);
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r) {
		char label[32];
		char *url = media_url(r);
		json_object_set_new(r, "url", json_string(url));
		free(url);
		media_size_label(json_integer_value(json_object_get(r, "size")), label, sizeof(label));
		json_object_set_new(r, "size_label", json_string(label));
		json_object_del(r, "sha256");
		json_object_del(r, "kind");
	}
	return rows;
}

int attachments_check(struct db *db, int64_t site_id, const int64_t *media_ids, size_t n, int64_t *out,
		      size_t *nout, struct errs *e)
{
	size_t k = 0;
	*nout = 0;
	if (n > ATTACH_MAX) {
		errs_add(e, "attachments", "attachments_too_many");
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		int dup = 0;
		for (size_t j = 0; j < k; j++)
			dup |= out[j] == media_ids[i];
		if (dup)
			continue;
		json_t *m = media_get(db, media_ids[i]);
		int ok = m && json_integer_value(json_object_get(m, "site_id")) == site_id &&
			 strcmp(json_string_value(json_object_get(m, "kind")), "file") == 0;
		json_decref(m);
		if (!ok) {
			errs_add(e, "attachments", "attachment_invalid");
			return -1;
		}
		out[k++] = media_ids[i];
	}
	*nout = k;
	return 0;
}

int attachments_write(struct db *db, const struct actor *a, int64_t site_id, int64_t article_id,
		      const int64_t *ids, size_t k)
{
	struct db_stmt *st = db_stmt(db, "SELECT media_id FROM article_attachments WHERE article_id = ? ORDER BY position, media_id");
	if (!st)
		return -1;
	db_bind_int(st, 1, article_id);
	json_t *cur = db_rows_json(st);
	int same = json_array_size(cur) == k;
	for (size_t i = 0; same && i < k; i++)
		same = json_integer_value(json_object_get(json_array_get(cur, i), "media_id")) == ids[i];
	json_decref(cur);
	if (same)
		return 0; /* nothing to write, nothing to audit */
	st = db_stmt(db, "DELETE FROM article_attachments WHERE article_id = ?");
	if (!st)
		return -1;
	db_bind_int(st, 1, article_id);
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	if (!ok)
		return -1;
	struct sb detail = SB_INIT;
	for (size_t i = 0; i < k && ok; i++) {
		st = db_stmt(db, "INSERT INTO article_attachments (article_id, media_id, position, title) VALUES (?, ?, ?, '')");
		if (!st) {
			ok = 0;
			break;
		}
		db_bind_int(st, 1, article_id);
		db_bind_int(st, 2, ids[i]);
		db_bind_int(st, 3, (int64_t)i);
		ok = db_step(st) == DB_DONE;
		db_reset(st);
		sb_addf(&detail, "%s%lld", i ? "," : "", (long long)ids[i]);
	}
	if (ok) {
		char obj[32];
		snprintf(obj, sizeof(obj), "article:%lld", (long long)article_id);
		ok = audit_write(db, a, site_id, "article.attachments", obj, detail.buf) == 0;
	}
	sb_release(&detail);
	return ok ? 0 : -1;
}

int article_attachments_set(struct db *db, const struct actor *a, int64_t site_id, int64_t article_id,
			    const int64_t *media_ids, size_t n, struct errs *e)
{
	int64_t ids[ATTACH_MAX];
	size_t k;
	if (!user_role_on(db, a, site_id))
		return M_DENIED;
	struct db_stmt *st = db_stmt(db, "SELECT site_id FROM items WHERE id = ?");
	if (!st)
		return M_ERROR;
	db_bind_int(st, 1, article_id);
	int64_t owner = 0;
	int found = db_one_int(st, &owner) == 1 && owner == site_id;
	if (!found)
		return M_NOTFOUND;
	if (attachments_check(db, site_id, media_ids, n, ids, &k, e))
		return M_INVALID;
	if (db_begin(db))
		return M_ERROR;
	if (attachments_write(db, a, site_id, article_id, ids, k)) {
		log_error("attachments: %s", db_errmsg(db));
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

/* The hand-written probes of an upload (the ZIP directory of office files, image headers, the
 * EXIF orientation), all on untrusted bytes: the fuzz target tests/fuzz/fuzz_media.c runs them. */
void media_probe(const unsigned char *b, size_t len)
{
	const char *key = NULL;
	long w, h;
	(void)zip_kind(b, len, &key);
	for (int t = T_JPEG; t <= T_GIF; t++)
		(void)image_size(t, b, len, &w, &h);
	(void)jpeg_orientation(b, len);
}
