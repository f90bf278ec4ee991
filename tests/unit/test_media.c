/* test_media.c — the media library over a real store (SQLite, or PostgreSQL with CONG_TEST_PG)
 * and data folder: recognition by content, resized copies, refusals, descriptions, deletion of
 * what is in use, attachments of articles. */
#include "t.h"
#include "tdb.h"
#include "db/db.h"
#include "model/model.h"
#include "base/sb.h"
#include "base/util.h"

#include <gd.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

/* A fresh database (t_fresh_db) and a fresh data folder for its media (DIR receives the
 * folder's path). */
static struct db *fresh(char *dir, size_t n)
{
	snprintf(dir, n, "/tmp/cong-media-XXXXXX");
	if (!mkdtemp(dir))
		return NULL;
	return t_fresh_db();
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Closes DB and removes its data folder. */
static void done(struct db *db, const char *dir)
{
	db_close(db);
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static int64_t add_site(struct db *db, const char *name, const char *kind)
{
	struct site_input in = { 0 };
	struct errs e = { 0 };
	int64_t id = 0;
	if (!site_main_exists(db)) {
		in.name = "Cổng chính";
		in.kind = "main";
		if (site_add(db, &in, &e, &id, NULL))
			return 0;
	}
	in.name = name;
	in.kind = kind;
	return site_add(db, &in, &e, &id, NULL) ? 0 : id;
}

static int has_error(const struct errs *e, const char *field, const char *key)
{
	for (int i = 0; i < e->n; i++)
		if (strcmp(e->e[i].field, field) == 0 && strcmp(e->e[i].key, key) == 0)
			return 1;
	return 0;
}

static int file_exists(const char *dir, const char *sha, const char *suffix)
{
	char p[600];
	snprintf(p, sizeof(p), "%s/media/%.2s/%s%s", dir, sha, sha, suffix);
	return access(p, F_OK) == 0;
}

/* ---- content makers ---- */

static gdImagePtr picture(int w, int h)
{
	gdImagePtr im = gdImageCreateTrueColor(w, h);
	gdImageFilledRectangle(im, 0, 0, w - 1, h - 1, gdTrueColor(30, 90, 160));
	gdImageFilledRectangle(im, 0, 0, w / 4, h / 4, gdTrueColor(200, 30, 30)); /* top left */
	return im;
}

static void *png_of(int w, int h, int *len)
{
	gdImagePtr im = picture(w, h);
	void *p = gdImagePngPtr(im, len);
	gdImageDestroy(im);
	return p;
}

static void *jpeg_of(int w, int h, int *len)
{
	gdImagePtr im = picture(w, h);
	void *p = gdImageJpegPtr(im, len, 80);
	gdImageDestroy(im);
	return p;
}

/* JPEG with an EXIF APP1 segment giving ORIENTATION, right after SOI. */
static void jpeg_oriented(struct sb *out, int w, int h, int orientation)
{
	int len;
	unsigned char *j = jpeg_of(w, h, &len);
	static const unsigned char app1[] = {
		0xFF, 0xE1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0,
		'M', 'M', 0, 42, 0, 0, 0, 8,             /* TIFF header, IFD0 at 8 */
		0, 1,                                    /* one entry */
		0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 0, 0, 0, /* Orientation, SHORT, 1 */
		0, 0, 0, 0,                              /* no next IFD */
	};
	unsigned char seg[sizeof(app1)];
	memcpy(seg, app1, sizeof(app1));
	seg[29] = (unsigned char)orientation;
	sb_add(out, j, 2);
	sb_add(out, seg, sizeof(seg));
	sb_add(out, j + 2, (size_t)len - 2);
	gdFree(j);
}

static uint32_t crc32_of(const void *data, size_t n)
{
	const unsigned char *p = data;
	uint32_t c = 0xFFFFFFFFu;
	for (size_t i = 0; i < n; i++) {
		c ^= p[i];
		for (int k = 0; k < 8; k++)
			c = c & 1 ? (c >> 1) ^ 0xEDB88320u : c >> 1;
	}
	return ~c;
}

static void le16(struct sb *b, unsigned v)
{
	sb_addc(b, (char)(v & 0xff));
	sb_addc(b, (char)(v >> 8 & 0xff));
}

static void le32(struct sb *b, uint32_t v)
{
	le16(b, v & 0xffff);
	le16(b, v >> 16);
}

/* A ZIP archive of stored entries: NAMES[i] holding DATA[i]. */
static void zip_of(struct sb *out, const char **names, const char **data, int n)
{
	struct sb cd = SB_INIT;
	for (int i = 0; i < n; i++) {
		uint32_t off = (uint32_t)out->len, crc = crc32_of(data[i], strlen(data[i]));
		uint32_t sz = (uint32_t)strlen(data[i]);
		unsigned nl = (unsigned)strlen(names[i]);
		sb_add(out, "PK\x03\x04", 4);
		le16(out, 20); le16(out, 0); le16(out, 0); le16(out, 0); le16(out, 0);
		le32(out, crc); le32(out, sz); le32(out, sz);
		le16(out, nl); le16(out, 0);
		sb_adds(out, names[i]);
		sb_adds(out, data[i]);
		sb_add(&cd, "PK\x01\x02", 4);
		le16(&cd, 20); le16(&cd, 20); le16(&cd, 0); le16(&cd, 0); le16(&cd, 0); le16(&cd, 0);
		le32(&cd, crc); le32(&cd, sz); le32(&cd, sz);
		le16(&cd, nl); le16(&cd, 0); le16(&cd, 0); le16(&cd, 0); le16(&cd, 0);
		le32(&cd, 0); le32(&cd, off);
		sb_adds(&cd, names[i]);
	}
	uint32_t cd_off = (uint32_t)out->len;
	sb_add(out, cd.buf, cd.len);
	sb_add(out, "PK\x05\x06", 4);
	le16(out, 0); le16(out, 0); le16(out, (unsigned)n); le16(out, (unsigned)n);
	le32(out, (uint32_t)cd.len); le32(out, cd_off); le16(out, 0);
	sb_release(&cd);
}

static const char ct_docx[] = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
			      "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
static const char ct_xlsx[] = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
			      "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>";
static const char rels[] = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>";

/* A minimal compound file (CFB v3) with a root and one stream named STREAM (ASCII). */
static void cfb_of(struct sb *out, const char *stream)
{
	unsigned char sec[512];
	/* header */
	memset(sec, 0, sizeof(sec));
	memcpy(sec, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
	sec[24] = 0x3E; sec[26] = 3; sec[28] = 0xFE; sec[29] = 0xFF; sec[30] = 9; sec[32] = 6;
	sec[44] = 1;                          /* one FAT sector */
	sec[48] = 1;                          /* directory at sector 1 */
	sec[57] = 0x10;                       /* mini stream cutoff 4096 */
	memset(sec + 60, 0xFF, 4); sec[60] = 0xFE; /* no mini FAT */
	memset(sec + 68, 0xFF, 4); sec[68] = 0xFE; /* no DIFAT sectors */
	memset(sec + 76, 0xFF, 436);
	sec[76] = 0; sec[77] = 0; sec[78] = 0; sec[79] = 0; /* FAT at sector 0 */
	sb_add(out, sec, 512);
	/* FAT: 0 FAT, 1 directory, 2..9 the stream */
	memset(sec, 0xFF, sizeof(sec));
	uint32_t fat[10] = { 0xFFFFFFFD, 0xFFFFFFFE, 3, 4, 5, 6, 7, 8, 9, 0xFFFFFFFE };
	for (int i = 0; i < 10; i++)
		for (int k = 0; k < 4; k++)
			sec[4 * i + k] = (unsigned char)(fat[i] >> (8 * k));
	sb_add(out, sec, 512);
	/* directory: root entry, the stream, two empty entries */
	memset(sec, 0, sizeof(sec));
	const char *names[2] = { "Root Entry", stream };
	for (int d = 0; d < 4; d++) {
		unsigned char *e = sec + 128 * d;
		memset(e + 68, 0xFF, 12); /* left, right, child: none */
		if (d >= 2)
			continue;
		size_t nl = strlen(names[d]);
		for (size_t i = 0; i < nl; i++)
			e[2 * i] = (unsigned char)names[d][i];
		e[64] = (unsigned char)(2 * (nl + 1));
		e[66] = d == 0 ? 5 : 2;
		e[67] = 1;
		if (d == 0) {
			memset(e + 76, 0, 4); e[76] = 1; /* child: the stream */
			memset(e + 116, 0xFF, 4); e[116] = 0xFE;
		} else {
			e[116] = 2;         /* first sector */
			e[121] = 0x10;      /* size 4096 */
		}
	}
	sb_add(out, sec, 512);
	memset(sec, 'x', sizeof(sec));
	for (int i = 0; i < 8; i++)
		sb_add(out, sec, 512);
}

static const char pdf[] = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
			  "trailer<</Root 1 0 R>>\n%%EOF\n";

/* ---- tests ---- */

TEST(media_images_get_resized_copies)
{
	char dir[256];
	struct db *db = fresh(dir, sizeof(dir));
	struct errs e = { 0 };
	int64_t id = 0, id2 = 0, small = 0;
	int len;
	if (!CHECK(db != NULL))
		return;
	int64_t site = add_site(db, "Sở Nội vụ", NULL);
	void *png = png_of(1200, 600, &len);
	CHECK(media_store_file(db, dir, &actor_cli, site, png, (size_t)len, "anh-hoi-nghi.png", "Hội nghị", "", &e, &id) == M_OK);
	CHECK(e.n == 0);
	json_t *m = media_get(db, id);
	const char *sha = json_string_value(json_object_get(m, "sha256"));
	CHECK_STR(json_string_value(json_object_get(m, "kind")), "image");
	CHECK_STR(json_string_value(json_object_get(m, "ext")), "png");
	CHECK_STR(json_string_value(json_object_get(m, "alt")), "Hội nghị");
	CHECK(json_integer_value(json_object_get(m, "width")) == 1200);
	json_t *vs = json_object_get(m, "variants");
	CHECK(json_array_size(vs) == 2);
	CHECK(json_integer_value(json_object_get(json_array_get(vs, 0), "width")) == 480);
	CHECK(json_integer_value(json_object_get(json_array_get(vs, 0), "height")) == 240);
	CHECK(json_integer_value(json_object_get(json_array_get(vs, 1), "width")) == 960);
	CHECK(json_integer_value(json_object_get(json_array_get(vs, 1), "height")) == 480);
	CHECK(file_exists(dir, sha, ".png"));
	CHECK(file_exists(dir, sha, "-480.jpg"));
	CHECK(file_exists(dir, sha, "-960.jpg"));
	/* the copy is a real JPEG of that size */
	char p[600];
	snprintf(p, sizeof(p), "%s/media/%.2s/%s-480.jpg", dir, sha, sha);
	FILE *f = fopen(p, "rb");
	gdImagePtr v = f ? gdImageCreateFromJpeg(f) : NULL;
	if (f)
		fclose(f);
	CHECK(v && gdImageSX(v) == 480 && gdImageSY(v) == 240);
	if (v) /* the colours survived the resizing: red top left, blue elsewhere */
		CHECK(gdTrueColorGetRed(gdImageGetTrueColorPixel(v, 10, 10)) > 150 &&
		      gdTrueColorGetBlue(gdImageGetTrueColorPixel(v, 400, 200)) > 120);
	if (v)
		gdImageDestroy(v);
	char want[200];
	char *u = media_variant_url(m, 300);
	snprintf(want, sizeof(want), "/media/%s-480.jpg", sha);
	CHECK_STR(u, want);
	free(u);
	u = media_variant_url(m, 700);
	snprintf(want, sizeof(want), "/media/%s-960.jpg", sha);
	CHECK_STR(u, want);
	free(u);
	u = media_variant_url(m, 1600);
	snprintf(want, sizeof(want), "/media/%s.png", sha);
	CHECK_STR(u, want);
	free(u);
	CHECK_STR(json_string_value(json_object_get(m, "url")), want);
	/* the same content again: the same row */
	CHECK(media_store(db, dir, &actor_cli, site, png, (size_t)len, "khac.png", &e, &id2) == M_OK && id2 == id);
	json_decref(m);
	gdFree(png);

	/* narrower than 480: no copies; the original is the best URL */
	png = png_of(300, 200, &len);
	CHECK(media_store(db, dir, &actor_cli, site, png, (size_t)len, "nho.png", &e, &small) == M_OK);
	m = media_get(db, small);
	CHECK(json_array_size(json_object_get(m, "variants")) == 0);
	CHECK_STR(json_string_value(json_object_get(m, "alt")), "");
	/* uploaded again with a description: the row gets it */
	CHECK(media_store_file(db, dir, &actor_cli, site, png, (size_t)len, "nho.png", "Biểu đồ nhỏ", NULL, &e, &id2) == M_OK);
	CHECK(id2 == small);
	json_decref(m);
	m = media_get(db, small);
	CHECK_STR(json_string_value(json_object_get(m, "alt")), "Biểu đồ nhỏ");
	u = media_variant_url(m, 480);
	CHECK(u && strstr(u, ".png") && !strstr(u, "-480"));
	free(u);
	json_decref(m);
	gdFree(png);
	done(db, dir);
}

TEST(media_jpeg_turned_upright_by_exif)
{
	char dir[256];
	struct db *db = fresh(dir, sizeof(dir));
	struct errs e = { 0 };
	struct sb j = SB_INIT;
	int64_t id = 0;
	if (!CHECK(db != NULL))
		return;
	int64_t site = add_site(db, "Sở Y tế", NULL);
	jpeg_oriented(&j, 1000, 500, 6); /* taken sideways: shown 500 wide, 1000 high */
	CHECK(media_store_file(db, dir, &actor_cli, site, j.buf, j.len, "dien-thoai.jpg", "Ảnh chụp", NULL, &e, &id) == M_OK);
	json_t *m = media_get(db, id);
	CHECK(json_integer_value(json_object_get(m, "width")) == 500);
	CHECK(json_integer_value(json_object_get(m, "height")) == 1000);
	json_t *vs = json_object_get(m, "variants");
	CHECK(json_array_size(vs) == 1);
	CHECK(json_integer_value(json_object_get(json_array_get(vs, 0), "height")) == 960);
	/* the red corner (stored top left) is top right once turned */
	const char *sha = json_string_value(json_object_get(m, "sha256"));
	char p[600];
	snprintf(p, sizeof(p), "%s/media/%.2s/%s-480.jpg", dir, sha, sha);
	FILE *f = fopen(p, "rb");
	gdImagePtr v = f ? gdImageCreateFromJpeg(f) : NULL;
	if (f)
		fclose(f);
	CHECK(v && gdTrueColorGetRed(gdImageGetTrueColorPixel(v, 470, 10)) > 150 &&
	      gdTrueColorGetRed(gdImageGetTrueColorPixel(v, 10, 10)) < 100);
	if (v)
		gdImageDestroy(v);
	json_decref(m);
	sb_release(&j);
	done(db, dir);
}

TEST(media_refuses_by_content)
{
	char dir[256];
	struct db *db = fresh(dir, sizeof(dir));
	struct errs e = { 0 };
	struct sb b = SB_INIT;
	int64_t id = 0;
	if (!CHECK(db != NULL))
		return;
	int64_t site = add_site(db, "Sở Tài chính", NULL);
#define REFUSED(bytes_, len_, name_, key_)                                                        \
	do {                                                                                      \
		e.n = 0;                                                                          \
		CHECK(media_store_file(db, dir, &actor_cli, site, bytes_, len_, name_, NULL, NULL, &e, &id) == M_INVALID); \
		if (!CHECK(has_error(&e, "file", key_)))                                          \
			printf("    %s: got %s\n", name_, e.n ? e.e[0].key : "no error");             \
	} while (0)
	static const char fake_pdf[] = "Đây không phải tệp PDF, chỉ là văn bản thường.";
	REFUSED(fake_pdf, sizeof(fake_pdf) - 1, "bao-cao.pdf", "media_type_any");
	static const char html[] = "<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(1)</script></body></html>";
	REFUSED(html, sizeof(html) - 1, "anh.png", "media_type_any");
	/* a plain ZIP, even named .docx */
	const char *zn[] = { "readme.txt" }, *zd[] = { "xin chào" };
	zip_of(&b, zn, zd, 1);
	REFUSED(b.buf, b.len, "van-ban.docx", "media_zip");
	sb_reset(&b);
	/* only word/document.xml: libmagic calls it a DOCX, it is not one */
	const char *fn[] = { "word/document.xml" }, *fd[] = { "<w:document/>" };
	zip_of(&b, fn, fd, 1);
	REFUSED(b.buf, b.len, "gia.docx", "media_zip");
	sb_reset(&b);
	/* macros */
	const char *mn[] = { "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/vbaProject.bin" };
	const char *md[] = { ct_docx, rels, "<w:document/>", "VBA" };
	zip_of(&b, mn, md, 4);
	REFUSED(b.buf, b.len, "macro.docx", "media_macro");
	sb_reset(&b);
	/* a compound file that is neither Word nor Excel */
	cfb_of(&b, "Other");
	REFUSED(b.buf, b.len, "x.doc", "media_type_any");
	sb_reset(&b);
	/* too large */
	char *big = xcalloc(MEDIA_FILE_MAX + 1, 1);
	memcpy(big, pdf, sizeof(pdf) - 1);
	REFUSED(big, MEDIA_FILE_MAX + 1, "lon.pdf", "media_file_too_big");
	int len;
	unsigned char *png = png_of(64, 64, &len);
	memcpy(big, png, (size_t)len);
	REFUSED(big, MEDIA_IMAGE_MAX + 1, "lon.png", "media_too_big");
	gdFree(png);
	free(big);
	/* a PNG header announcing 30000 × 30000 pixels is refused before decoding */
	png = png_of(16, 16, &len);
	png[16] = 0; png[17] = 0; png[18] = 0x75; png[19] = 0x30;
	png[20] = 0; png[21] = 0; png[22] = 0x75; png[23] = 0x30;
	REFUSED(png, (size_t)len, "bom.png", "media_dimensions");
	gdFree(png);
	/* cut short: recognised, not decodable */
	png = png_of(64, 64, &len);
	REFUSED(png, 60, "hong.png", "media_corrupt");
	/* the cover upload takes images only */
	e.n = 0;
	CHECK(media_store(db, dir, &actor_cli, site, pdf, sizeof(pdf) - 1, "a.pdf", &e, &id) == M_INVALID);
	CHECK(has_error(&e, "cover", "media_type"));
	/* an image needs its description when the form asks for one */
	e.n = 0;
	CHECK(media_store_file(db, dir, &actor_cli, site, png, (size_t)len, "a.png", "  ", NULL, &e, &id) == M_INVALID);
	CHECK(has_error(&e, "alt", "media_alt_required"));
	gdFree(png);
	/* nothing was stored, and nobody without a role stores anything */
	int64_t total = -1;
	json_t *rows = media_list(db, &actor_cli, site, NULL, 10, 0, &total);
	CHECK(total == 0 && json_array_size(rows) == 0);
	json_decref(rows);
	struct actor nobody = { 4242, 0, NULL };
	CHECK(media_store_file(db, dir, &nobody, site, pdf, sizeof(pdf) - 1, "a.pdf", NULL, NULL, &e, &id) == M_DENIED);
	CHECK(media_list(db, &nobody, site, NULL, 10, 0, &total) == NULL);
#undef REFUSED
	sb_release(&b);
	done(db, dir);
}

TEST(media_accepts_office_documents)
{
	char dir[256];
	struct db *db = fresh(dir, sizeof(dir));
	struct errs e = { 0 };
	struct sb b = SB_INIT;
	int64_t id = 0;
	if (!CHECK(db != NULL))
		return;
	int64_t site = add_site(db, "Sở Tư pháp", NULL);
	struct {
		const char *name, *ext, *mime;
	} want[] = {
		{ "Quyết định số 12.pdf", "pdf", "application/pdf" },
		{ "Công văn.doc", "doc", "application/msword" },
		{ "Bảng lương.xls", "xls", "application/vnd.ms-excel" },
		{ "Kế hoạch.docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
		{ "Ghi chép.docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
		{ "Dự toán.xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
		{ "Báo cáo.odt", "odt", "application/vnd.oasis.opendocument.text" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(want); i++) {
		sb_reset(&b);
		if (i == 0) {
			sb_adds(&b, pdf);
		} else if (i == 1) {
			cfb_of(&b, "WordDocument");
		} else if (i == 2) {
			cfb_of(&b, "Workbook");
		} else if (i == 3) { /* Word's order */
			const char *n[] = { "[Content_Types].xml", "_rels/.rels", "word/document.xml" };
			const char *d[] = { ct_docx, rels, "<w:document/>" };
			zip_of(&b, n, d, 3);
		} else if (i == 4) { /* another order: libmagic says application/zip */
			const char *n[] = { "[Content_Types].xml", "word/document.xml", "_rels/.rels", "docProps/app.xml" };
			const char *d[] = { ct_docx, "<w:document>khác</w:document>", rels, "<Properties/>" };
			zip_of(&b, n, d, 4);
		} else if (i == 5) {
			const char *n[] = { "[Content_Types].xml", "xl/workbook.xml", "_rels/.rels" };
			const char *d[] = { ct_xlsx, "<workbook/>", rels };
			zip_of(&b, n, d, 3);
		} else {
			const char *n[] = { "mimetype", "META-INF/manifest.xml", "content.xml" };
			const char *d[] = { "application/vnd.oasis.opendocument.text", "<manifest/>", "<office:document-content/>" };
			zip_of(&b, n, d, 3);
		}
		e.n = 0;
		int rc = media_store_file(db, dir, &actor_cli, site, b.buf, b.len, want[i].name, NULL, NULL, &e, &id);
		if (!CHECK(rc == M_OK)) {
			printf("    %s: %s\n", want[i].name, e.n ? e.e[0].key : "error");
			continue;
		}
		json_t *m = media_get(db, id);
		CHECK_STR(json_string_value(json_object_get(m, "kind")), "file");
		CHECK_STR(json_string_value(json_object_get(m, "ext")), want[i].ext);
		CHECK_STR(json_string_value(json_object_get(m, "mime")), want[i].mime);
		CHECK_STR(json_string_value(json_object_get(m, "orig_name")), want[i].name);
		char title[100];
		snprintf(title, sizeof(title), "%.*s", (int)(strrchr(want[i].name, '.') - want[i].name), want[i].name);
		CHECK_STR(json_string_value(json_object_get(m, "title")), title);
		const char *url = json_string_value(json_object_get(m, "url"));
		CHECK(url && strncmp(url, "/tep/", 5) == 0);
		CHECK(file_exists(dir, json_string_value(json_object_get(m, "sha256")), strrchr(url, '.')));
		json_t *f = media_find_file(db, json_string_value(json_object_get(m, "sha256")), want[i].ext, site);
		CHECK_STR(json_string_value(json_object_get(f, "orig_name")), want[i].name);
		json_decref(f);
		json_decref(m);
	}
	int64_t total = 0;
	json_t *rows = media_list(db, &actor_cli, site, "file", 3, 0, &total);
	CHECK(total == 7 && json_array_size(rows) == 3);
	CHECK_STR(json_string_value(json_object_get(json_array_get(rows, 0), "orig_name")), "Báo cáo.odt"); /* newest first */
	json_decref(rows);
	rows = media_list(db, &actor_cli, site, "image", 10, 0, &total);
	CHECK(total == 0);
	json_decref(rows);
	sb_release(&b);
	done(db, dir);
}

static int64_t audit_count(struct db *db, const char *action)
{
	struct db_stmt *st = db_stmt(db, "SELECT COUNT(*) FROM audit WHERE action = ?");
	int64_t n = -1;
	db_bind_text(st, 1, action);
	if (db_step(st) == DB_ROW)
		n = db_col_int(st, 0);
	db_reset(st);
	return n;
}

TEST(media_in_use_is_not_deleted_and_attachments)
{
	char dir[256];
	struct db *db = fresh(dir, sizeof(dir));
	struct errs e = { 0 };
	int64_t img = 0, img2 = 0, doc = 0, doc2 = 0, other_doc = 0, cat = 0, cat2 = 0, art = 0, art2 = 0, uid = 0;
	int len;
	if (!CHECK(db != NULL))
		return;
	int64_t site = add_site(db, "Sở Nội vụ", NULL), other = add_site(db, "Sở Y tế", NULL);
	void *png = png_of(800, 400, &len);
	CHECK(media_store_file(db, dir, &actor_cli, site, png, (size_t)len, "bia.png", "Ảnh bìa", NULL, &e, &img) == M_OK);
	gdFree(png);
	png = png_of(640, 480, &len);
	CHECK(media_store(db, dir, &actor_cli, site, png, (size_t)len, "trong-bai.png", &e, &img2) == M_OK);
	gdFree(png);
	CHECK(media_store_file(db, dir, &actor_cli, site, pdf, sizeof(pdf) - 1, "Thông báo.pdf", NULL, "Thông báo số 5", &e, &doc) == M_OK);
	struct sb b = SB_INIT;
	cfb_of(&b, "WordDocument");
	CHECK(media_store_file(db, dir, &actor_cli, site, b.buf, b.len, "Mẫu đơn.doc", NULL, NULL, &e, &doc2) == M_OK);
	CHECK(media_store_file(db, dir, &actor_cli, other, pdf, sizeof(pdf) - 1, "Khác.pdf", NULL, NULL, &e, &other_doc) == M_OK);
	CHECK(other_doc != doc); /* the same content in another site's library is its own row */
	sb_release(&b);

	struct category_input ci = { "Tin tức", NULL, "", 0, 1, NULL };
	CHECK(category_save(db, &actor_cli, site, 0, &ci, &e, &cat) == M_OK);
	CHECK(category_save(db, &actor_cli, other, 0, &ci, &e, &cat2) == M_OK);
	json_t *m2 = media_get(db, img2);
	struct sb body = SB_INIT;
	sb_addf(&body, "Đoạn một.\n\n<img src=\"%s\" alt=\"Ảnh\">", json_string_value(json_object_get(m2, "url")));
	json_decref(m2);
	struct article_input in = { 0 };
	in.title = "Thông báo tuyển dụng";
	in.body = body.buf;
	in.category_id = cat;
	in.cover_id = img;
	in.cover_alt = "Ảnh bìa";
	CHECK(article_save(db, &actor_cli, site, 0, &in, &e, &art) == M_OK);
	struct article_input in2 = { 0 };
	in2.title = "Tin khác";
	in2.body = "Nội dung.";
	in2.category_id = cat2;
	CHECK(article_save(db, &actor_cli, other, 0, &in2, &e, &art2) == M_OK);
	sb_release(&body);

	/* the cover and the image in the text cannot go */
	e.n = 0;
	CHECK(media_delete(db, &actor_cli, site, img, &e) == M_INVALID);
	CHECK(has_error(&e, "delete", "media_in_use"));
	e.n = 0;
	CHECK(media_delete(db, &actor_cli, site, img2, &e) == M_INVALID);
	CHECK(has_error(&e, "delete", "media_in_use"));

	/* attachments: files of the site only */
	int64_t bad1[] = { img };
	e.n = 0;
	CHECK(article_attachments_set(db, &actor_cli, site, art, bad1, 1, &e) == M_INVALID);
	CHECK(has_error(&e, "attachments", "attachment_invalid"));
	int64_t bad2[] = { other_doc };
	e.n = 0;
	CHECK(article_attachments_set(db, &actor_cli, site, art, bad2, 1, &e) == M_INVALID);
	int64_t ok[] = { doc2, doc, doc2 };
	CHECK(article_attachments_set(db, &actor_cli, other, art, ok, 2, &e) == M_NOTFOUND); /* not its article */
	struct actor nobody = { 4242, 0, NULL };
	CHECK(article_attachments_set(db, &nobody, site, art, ok, 2, &e) == M_DENIED);
	e.n = 0;
	CHECK(article_attachments_set(db, &actor_cli, site, art, ok, 3, &e) == M_OK);
	CHECK(audit_count(db, "article.attachments") == 1);
	CHECK(article_attachments_set(db, &actor_cli, site, art, ok, 2, &e) == M_OK); /* unchanged */
	CHECK(audit_count(db, "article.attachments") == 1);
	json_t *list = article_attachments(db, art);
	CHECK(json_array_size(list) == 2);
	json_t *a0 = json_array_get(list, 0), *a1 = json_array_get(list, 1);
	CHECK(json_integer_value(json_object_get(a0, "id")) == doc2);
	CHECK_STR(json_string_value(json_object_get(a0, "title")), "Mẫu đơn");
	CHECK_STR(json_string_value(json_object_get(a0, "ext")), "doc");
	CHECK_STR(json_string_value(json_object_get(a1, "title")), "Thông báo số 5");
	CHECK_STR(json_string_value(json_object_get(a1, "orig_name")), "Thông báo.pdf");
	CHECK(json_integer_value(json_object_get(a1, "size")) == (json_int_t)sizeof(pdf) - 1);
	CHECK_STR(json_string_value(json_object_get(a1, "size_label")), "125 B");
	const char *url = json_string_value(json_object_get(a1, "url"));
	CHECK(url && strncmp(url, "/tep/", 5) == 0 && strlen(url) == 5 + 64 + 4);
	json_decref(list);

	e.n = 0;
	CHECK(media_delete(db, &actor_cli, site, doc, &e) == M_INVALID);
	CHECK(has_error(&e, "delete", "media_in_use"));
	CHECK(article_attachments_set(db, &actor_cli, site, art, NULL, 0, &e) == M_OK);
	list = article_attachments(db, art);
	CHECK(json_array_size(list) == 0);
	json_decref(list);
	e.n = 0;
	CHECK(media_delete(db, &actor_cli, other, doc, &e) == M_NOTFOUND); /* another site's */
	CHECK(media_delete(db, &actor_cli, site, doc, &e) == M_OK);
	CHECK(media_get(db, doc) == NULL);
	CHECK(audit_count(db, "media.delete") == 1);
	/* the other site's row of the same content still downloads */
	m2 = media_get(db, other_doc);
	json_t *f = media_find_file(db, json_string_value(json_object_get(m2, "sha256")), "pdf", site);
	CHECK_STR(json_string_value(json_object_get(f, "orig_name")), "Khác.pdf");
	json_decref(f);
	json_decref(m2);

	/* descriptions; a reporter changes only what they uploaded */
	e.n = 0;
	if (!CHECK(user_add(db, "phongvien", "Phóng viên", "reporter", "snv", "Abc@12345-Mot-Lan", &e, &uid) == M_OK))
		printf("    user_add: %s %s\n", e.n ? e.e[0].field : "", e.n ? e.e[0].key : "");
	struct actor reporter = { uid, 0, NULL };
	e.n = 0;
	CHECK(media_update(db, &actor_cli, site, img, "", "Bìa", &e) == M_INVALID);
	CHECK(has_error(&e, "alt", "media_alt_required"));
	e.n = 0;
	CHECK(media_update(db, &actor_cli, site, img, "Toàn cảnh hội nghi\xcc\xa3", "Bìa", &e) == M_OK); /* NFD */
	json_t *m = media_get(db, img);
	CHECK_STR(json_string_value(json_object_get(m, "alt")), "Toàn cảnh hội nghị");
	json_decref(m);
	CHECK(media_update(db, &reporter, site, img, "Khác", "", &e) == M_DENIED);
	CHECK(media_delete(db, &reporter, site, img2, &e) == M_DENIED);
	CHECK(media_update(db, &actor_cli, other, img, "Khác", "", &e) == M_NOTFOUND);
	int64_t mine = 0;
	CHECK(media_store_file(db, dir, &reporter, site, pdf, sizeof(pdf) - 1, "cua-toi.pdf", NULL, NULL, &e, &mine) == M_OK);
	e.n = 0;
	CHECK(media_update(db, &reporter, site, mine, NULL, "Của tôi", &e) == M_OK);
	CHECK(media_delete(db, &reporter, site, mine, &e) == M_OK);
	CHECK(audit_count(db, "media.add") == 6);
	CHECK(audit_count(db, "media.update") == 2);
	done(db, dir);
}

TEST(media_size_labels)
{
	char b[32];
	media_size_label(850, b, sizeof(b));
	CHECK_STR(b, "850 B");
	media_size_label(1536, b, sizeof(b));
	CHECK_STR(b, "1,5 KB");
	media_size_label(35 * 1024 + 100, b, sizeof(b));
	CHECK_STR(b, "35 KB");
	media_size_label(1258291, b, sizeof(b));
	CHECK_STR(b, "1,2 MB");
}
