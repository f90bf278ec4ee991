/* mime.c — a received e-mail read with GMime (mime.h). */
#include "mail/mime.h"
#include "base/utf8.h"
#include "base/util.h"

#include <gmime/gmime.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_gmime(void)
{
	g_mime_init();
}

void mime_global_init(void)
{
	pthread_once(&init_once, init_gmime);
}

/* Where a mail program of another age did not say its charset: UTF-8 first, then the
 * Vietnamese Windows code page, then the Western one (which takes any byte). */
static const char *fallback_charsets[] = { "UTF-8", "windows-1258", "windows-1252", NULL };

/* S[0..LEN) as stored text: valid UTF-8 (bad bytes replaced), NFC, without NUL, CR or other
 * C0 controls than TAB and LF. malloc'd, never NULL. */
static char *clean_text(const char *s, size_t len)
{
	if (!s)
		return xstrdup("");
	gchar *valid = g_utf8_make_valid(s, (gssize)len);
	size_t n = strlen(valid), j = 0;
	char *out = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)valid[i];
		if (c < 0x20 && c != '\t' && c != '\n')
			continue;
		out[j++] = (char)c;
	}
	out[j] = '\0';
	g_free(valid);
	char *nfc = utf8_nfc(out, j);
	if (nfc) {
		free(out);
		return nfc;
	}
	return out;
}

static char *clean_header(const char *s)
{
	char *t = clean_text(s, s ? strlen(s) : 0);
	/* one line: a folded header's line ends and tabs become spaces */
	for (char *p = t; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	return t;
}

/* The decoded bytes of PART's content (transfer encoding undone), malloc'd in *OUT. */
static size_t part_bytes(GMimePart *part, unsigned char **out)
{
	*out = NULL;
	GMimeDataWrapper *dw = g_mime_part_get_content(part);
	if (!dw)
		return 0;
	GMimeStream *mem = g_mime_stream_mem_new();
	size_t n = 0;
	if (g_mime_data_wrapper_write_to_stream(dw, mem) >= 0) {
		GByteArray *ba = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
		n = ba->len;
		*out = xmalloc(n + 1);
		if (n)
			memcpy(*out, ba->data, n);
		(*out)[n] = '\0';
	}
	g_object_unref(mem);
	return n;
}

/* A text part's words as UTF-8: from its declared charset, else (none, or one iconv does not
 * know, or bytes that are not in it) the fallbacks. malloc'd. */
static char *part_text(GMimePart *part)
{
	unsigned char *raw;
	size_t n = part_bytes(part, &raw);
	const char *cs = g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset");
	char *text = NULL;
	if (cs && *cs && g_ascii_strcasecmp(cs, "utf-8") != 0 && g_ascii_strcasecmp(cs, "us-ascii") != 0) {
		gsize w = 0;
		gchar *u = g_convert((const char *)raw, (gssize)n, "UTF-8", g_mime_charset_iconv_name(cs), NULL, &w, NULL);
		if (u) {
			text = clean_text(u, w);
			g_free(u);
		}
	}
	for (size_t i = 0; !text && fallback_charsets[i]; i++) {
		if (i == 0) {
			if (g_utf8_validate((const char *)raw, (gssize)n, NULL))
				text = clean_text((const char *)raw, n);
			continue;
		}
		gsize w = 0;
		gchar *u = g_convert((const char *)raw, (gssize)n, "UTF-8", fallback_charsets[i], NULL, &w, NULL);
		if (u) {
			text = clean_text(u, w);
			g_free(u);
		}
	}
	if (!text)
		text = clean_text((const char *)raw, n);
	free(raw);
	return text;
}

static char *lower_type(GMimeObject *o)
{
	GMimeContentType *ct = g_mime_object_get_content_type(o);
	char *t = ct ? g_mime_content_type_get_mime_type(ct) : NULL;
	char *out = clean_header(t ? t : "application/octet-stream");
	g_free(t);
	for (char *p = out; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return out;
}

static void add_attachment(struct mime_mail *m, const char *name, char *mime, unsigned char *data, size_t len)
{
	if (m->nAtt >= MIME_PARTS_MAX) {
		m->skipped++;
		free(mime);
		free(data);
		return;
	}
	m->aAtt = xrealloc(m->aAtt, (m->nAtt + 1) * sizeof(*m->aAtt));
	struct mime_attachment *a = &m->aAtt[m->nAtt++];
	char *clean = name && *name ? clean_header(name) : NULL;
	/* only the last part of a path a mail program might send */
	const char *base = clean ? clean : "";
	const char *slash = strrchr(base, '/'), *bslash = strrchr(base, '\\');
	if (slash)
		base = slash + 1;
	if (bslash && bslash + 1 > base)
		base = bslash + 1;
	if (*base) {
		a->name = xstrdup(base);
	} else {
		char gen[32];
		snprintf(gen, sizeof(gen), "tep-%zu", m->nAtt);
		a->name = xstrdup(gen);
	}
	free(clean);
	a->mime = mime;
	a->data = data;
	a->len = len;
}

static void walk(GMimeObject *o, struct mime_mail *m, int depth)
{
	if (!o)
		return;
	if (depth > MIME_DEPTH_MAX) {
		m->skipped++;
		return;
	}
	if (GMIME_IS_MULTIPART(o)) {
		GMimeMultipart *mp = GMIME_MULTIPART(o);
		int n = g_mime_multipart_get_count(mp);
		for (int i = 0; i < n; i++)
			walk(g_mime_multipart_get_part(mp, i), m, depth + 1);
		return;
	}
	if (GMIME_IS_MESSAGE_PART(o)) {
		/* a forwarded message travels whole, as a file the board may open */
		GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(o));
		if (!inner) {
			m->skipped++;
			return;
		}
		GMimeStream *mem = g_mime_stream_mem_new();
		g_mime_object_write_to_stream(GMIME_OBJECT(inner), NULL, mem);
		GByteArray *ba = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
		unsigned char *data = xmalloc(ba->len + 1);
		memcpy(data, ba->data, ba->len);
		size_t len = ba->len;
		g_object_unref(mem);
		const char *subj = g_mime_message_get_subject(inner);
		char name[200];
		snprintf(name, sizeof(name), "%.180s.eml", subj && *subj ? subj : "thu-chuyen-tiep");
		add_attachment(m, name, xstrdup("message/rfc822"), data, len);
		return;
	}
	if (!GMIME_IS_PART(o)) {
		m->skipped++;
		return;
	}
	GMimePart *part = GMIME_PART(o);
	char *type = lower_type(o);
	const char *fname = g_mime_part_get_filename(part);
	int attached = g_mime_part_is_attachment(part) || (fname && *fname);
	if (!attached && strcmp(type, "text/plain") == 0 && !m->text) {
		m->text = part_text(part);
		free(type);
		return;
	}
	if (!attached && strcmp(type, "text/html") == 0 && !m->html) {
		m->html = part_text(part);
		free(type);
		return;
	}
	unsigned char *data;
	size_t len = part_bytes(part, &data);
	add_attachment(m, fname, type, data, len);
}

static char *first_address(InternetAddressList *l, char **name)
{
	if (name)
		*name = NULL;
	int n = l ? internet_address_list_length(l) : 0;
	for (int i = 0; i < n; i++) {
		InternetAddress *ia = internet_address_list_get_address(l, i);
		if (INTERNET_ADDRESS_IS_GROUP(ia)) {
			char *r = first_address(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)), name);
			if (*r)
				return r;
			free(r);
			continue;
		}
		if (name)
			*name = clean_header(internet_address_get_name(ia));
		return clean_header(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia)));
	}
	return xstrdup("");
}

static void empty(struct mime_mail *m)
{
	memset(m, 0, sizeof(*m));
	m->from_name = xstrdup("");
	m->from_addr = xstrdup("");
	m->reply_addr = xstrdup("");
	m->subject = xstrdup("");
	m->message_id = xstrdup("");
}

static int parse(const void *bytes, size_t len, struct mime_mail *m, int headers_only)
{
	mime_global_init();
	empty(m);
	GMimeStream *stream = g_mime_stream_mem_new_with_buffer(bytes, len);
	GMimeParser *parser = g_mime_parser_new_with_stream(stream);
	GMimeParserOptions *opts = g_mime_parser_options_new();
	g_mime_parser_options_set_fallback_charsets(opts, fallback_charsets);
	g_mime_parser_options_set_rfc2047_compliance_mode(opts, GMIME_RFC_COMPLIANCE_LOOSE);
	g_mime_parser_options_set_parameter_compliance_mode(opts, GMIME_RFC_COMPLIANCE_LOOSE);
	g_mime_parser_options_set_address_compliance_mode(opts, GMIME_RFC_COMPLIANCE_LOOSE);
	GMimeMessage *msg = g_mime_parser_construct_message(parser, opts);
	g_object_unref(parser);
	g_object_unref(stream);
	if (!msg) {
		g_mime_parser_options_free(opts);
		return -1;
	}
	char *name = NULL;
	free(m->from_addr);
	m->from_addr = first_address(g_mime_message_get_from(msg), &name);
	if (!*m->from_addr) { /* no From: the Sender, as a mail program would show it */
		free(name);
		free(m->from_addr);
		m->from_addr = first_address(g_mime_message_get_sender(msg), &name);
	}
	if (name) {
		free(m->from_name);
		m->from_name = name;
	}
	free(m->reply_addr);
	m->reply_addr = first_address(g_mime_message_get_reply_to(msg), NULL);
	free(m->subject);
	m->subject = clean_header(g_mime_message_get_subject(msg));
	free(m->message_id);
	m->message_id = clean_header(g_mime_message_get_message_id(msg));
	GDateTime *d = g_mime_message_get_date(msg);
	m->date = d ? g_date_time_to_unix(d) : 0;
	if (!headers_only)
		walk(g_mime_message_get_mime_part(msg), m, 0);
	g_object_unref(msg);
	g_mime_parser_options_free(opts);
	return 0;
}

int mime_parse(const void *bytes, size_t len, struct mime_mail *m)
{
	return parse(bytes, len, m, 0);
}

int mime_parse_headers(const void *bytes, size_t len, struct mime_mail *m)
{
	return parse(bytes, len, m, 1);
}

void mime_mail_release(struct mime_mail *m)
{
	free(m->from_name);
	free(m->from_addr);
	free(m->reply_addr);
	free(m->subject);
	free(m->message_id);
	free(m->text);
	free(m->html);
	for (size_t i = 0; i < m->nAtt; i++) {
		free(m->aAtt[i].name);
		free(m->aAtt[i].mime);
		free(m->aAtt[i].data);
	}
	free(m->aAtt);
	memset(m, 0, sizeof(*m));
}
