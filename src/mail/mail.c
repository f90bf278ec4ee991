/* mail.c — builds an RFC 5322 / MIME message and sends it through SMTP with libcurl.
 * Header values are folded token by token (struct hdr) so that lines stay within 78
 * characters; non-ASCII text goes into RFC 2047 B encoded-words cut at character boundaries. */
#include "mail/mail.h"

#include "base/utf8.h"
#include "base/util.h"

#include <curl/curl.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/banned.h"

#define LINE_MAX_HDR 78  /* RFC 5322 2.1.1: SHOULD not exceed 78 characters */
#define LINE_MAX_BODY 76 /* RFC 2045 6.7 and 6.8 */
#define EW_MAX 75        /* RFC 2047 2: an encoded-word is at most 75 characters */
#define EW_OVERHEAD 12   /* "=?UTF-8?B?" + "?=" */

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int fail(char *err, size_t errlen, const char *msg)
{
	snprintf(err, errlen, "%s", msg);
	return -1;
}

/* ---- folding ---------------------------------------------------------------------------- */

/* A header being written: OUT holds it, COL is the length of its current (last) line. */
struct hdr {
	struct sb *out;
	size_t col;
};

static void hdr_begin(struct hdr *h, struct sb *out, const char *name)
{
	h->out = out;
	sb_adds(out, name);
	sb_addc(out, ':');
	h->col = strlen(name) + 1;
}

/* Adds " TOKEN", folding first when the line would pass 78 characters (a token longer than a
   whole line stays long: RFC 5322 allows up to 998). */
static void hdr_token(struct hdr *h, const char *tok, size_t len)
{
	if (h->col + 1 + len > LINE_MAX_HDR && h->col > 1) {
		sb_adds(h->out, "\r\n");
		h->col = 0;
	}
	sb_addc(h->out, ' ');
	sb_add(h->out, tok, len);
	h->col += 1 + len;
}

static void hdr_end(struct hdr *h)
{
	sb_adds(h->out, "\r\n");
}

static void b64_chunk(struct sb *out, const unsigned char *p, size_t n)
{
	unsigned v = (unsigned)p[0] << 16 | (n > 1 ? (unsigned)p[1] << 8 : 0) | (n > 2 ? p[2] : 0);
	sb_addc(out, b64[v >> 18 & 63]);
	sb_addc(out, b64[v >> 12 & 63]);
	sb_addc(out, n > 1 ? b64[v >> 6 & 63] : '=');
	sb_addc(out, n > 2 ? b64[v & 63] : '=');
}

static size_t utf8_char_len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	for (size_t i = 1; i < n; i++)
		if (!s[i])
			return i;
	return n;
}

/* Bytes of S (at most MAXB) that end on a character boundary; at least one character. */
static size_t utf8_prefix(const char *s, size_t maxb)
{
	size_t n = 0;
	while (s[n]) {
		size_t c = utf8_char_len(s + n);
		if (n + c > maxb && n > 0)
			break;
		n += c;
	}
	return n;
}

/* Appends S as B encoded-words, each sized to the room left on the current line. */
static void hdr_encoded_words(struct hdr *h, const char *s)
{
	struct sb w = SB_INIT;
	while (*s) {
		size_t room = h->col + 1 < LINE_MAX_HDR ? LINE_MAX_HDR - h->col - 1 : 0;
		if (room > EW_MAX)
			room = EW_MAX;
		if (room < EW_OVERHEAD + 8) /* not even one 4-byte character: next line */
			room = EW_MAX;
		size_t n = utf8_prefix(s, (room - EW_OVERHEAD) / 4 * 3);
		sb_reset(&w);
		sb_adds(&w, "=?UTF-8?B?");
		for (size_t i = 0; i < n; i += 3)
			b64_chunk(&w, (const unsigned char *)s + i, n - i < 3 ? n - i : 3);
		sb_adds(&w, "?=");
		hdr_token(h, w.buf, w.len);
		s += n;
	}
	sb_release(&w);
}

/* 1 when VALUE can go into a header as it is: printable ASCII words (in ATEXT_ONLY mode only
   the characters of an RFC 5322 atom) separated by single spaces, none too long to fold. */
static int header_plain(const char *value, int atext_only)
{
	static const char specials[] = "()<>[]:;@\\,.\"";
	size_t word = 0;
	if (strstr(value, "=?"))
		return 0;
	for (const char *p = value; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20 || c > 0x7E)
			return 0;
		if (atext_only && strchr(specials, c))
			return 0;
		if (c == ' ') {
			if (word == 0) /* leading or double space */
				return 0;
			word = 0;
		} else if (++word > 60) {
			return 0;
		}
	}
	return *value == '\0' || word > 0; /* no trailing space */
}

/* Splits a plain VALUE at its spaces into tokens. */
static void hdr_plain_words(struct hdr *h, const char *value)
{
	while (*value) {
		size_t n = strcspn(value, " ");
		hdr_token(h, value, n);
		value += n;
		if (*value == ' ')
			value++;
	}
}

void mail_add_encoded_header(struct sb *out, const char *name, const char *value)
{
	struct hdr h;
	hdr_begin(&h, out, name);
	if (header_plain(value, 0))
		hdr_plain_words(&h, value);
	else
		hdr_encoded_words(&h, value);
	hdr_end(&h);
}

/* ---- body encodings --------------------------------------------------------------------- */

/* Length of the line at S[0..LEN) up to (not including) its end, and in *NEXT the offset of the
   next line; CRLF, LF and a lone CR all end a line. */
static size_t line_span(const char *s, size_t len, size_t *next)
{
	size_t i = 0;
	while (i < len && s[i] != '\n' && s[i] != '\r')
		i++;
	*next = i;
	if (*next < len && s[*next] == '\r')
		(*next)++;
	if (*next < len && s[*next] == '\n' && (*next == i || s[*next - 1] == '\r'))
		(*next)++;
	return i;
}

/* 1 when byte I of the line P[0..N) can be written as it is at column COL. A leading "." or
   "From " is encoded: old relays mangle them. Trailing white space must be encoded. */
static int qp_literal(const unsigned char *p, size_t i, size_t n, size_t col)
{
	unsigned char c = p[i];
	if (col == 0 && (c == '.' || (n - i >= 5 && !memcmp(p + i, "From ", 5))))
		return 0;
	if (c == ' ' || c == '\t')
		return i + 1 < n;
	return c >= 33 && c <= 126 && c != '=';
}

static void qp_line(struct sb *out, const unsigned char *p, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t col = 0;
	for (size_t i = 0; i < n; i++) {
		int lit = qp_literal(p, i, n, col);
		size_t w = lit ? 1 : 3;
		/* 75 characters and the soft break "="; the line's last token may take the 76th */
		size_t max = i + 1 == n ? LINE_MAX_BODY : LINE_MAX_BODY - 1;
		if (col + w > max) {
			sb_adds(out, "=\r\n");
			col = 0;
			lit = qp_literal(p, i, n, col);
			w = lit ? 1 : 3;
		}
		if (lit) {
			sb_addc(out, (char)p[i]);
		} else {
			sb_addc(out, '=');
			sb_addc(out, hex[p[i] >> 4]);
			sb_addc(out, hex[p[i] & 15]);
		}
		col += w;
	}
	sb_adds(out, "\r\n");
}

void mail_add_qp(struct sb *out, const char *s, size_t len)
{
	size_t pos = 0;
	while (pos < len) {
		size_t next;
		size_t n = line_span(s + pos, len - pos, &next);
		qp_line(out, (const unsigned char *)s + pos, n);
		pos += next;
	}
}

void mail_add_base64(struct sb *out, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t col = 0;
	for (size_t i = 0; i < len; i += 3) {
		b64_chunk(out, p + i, len - i < 3 ? len - i : 3);
		col += 4;
		if (col == LINE_MAX_BODY || i + 3 >= len) {
			sb_adds(out, "\r\n");
			col = 0;
		}
	}
}

/* TEXT with every line ended by CRLF (the canonical form base64 encodes). */
static void add_crlf_text(struct sb *out, const char *s)
{
	size_t len = strlen(s), pos = 0;
	while (pos < len) {
		size_t next;
		size_t n = line_span(s + pos, len - pos, &next);
		sb_add(out, s + pos, n);
		sb_adds(out, "\r\n");
		pos += next;
	}
}

/* Quoted-printable for mostly-ASCII text, base64 when more than a sixth of the bytes would
   need =XX (Vietnamese text: base64 is about half the size). */
static int prefer_base64(const char *s)
{
	size_t n = 0, esc = 0;
	for (; s[n]; n++)
		if ((unsigned char)s[n] > 126 || s[n] == '=')
			esc++;
	return esc * 6 > n;
}

static void add_part(struct sb *out, const char *type, const char *body)
{
	sb_addf(out, "Content-Type: %s; charset=UTF-8\r\n", type);
	if (prefer_base64(body)) {
		struct sb crlf = SB_INIT;
		add_crlf_text(&crlf, body);
		sb_adds(out, "Content-Transfer-Encoding: base64\r\n\r\n");
		mail_add_base64(out, crlf.buf, crlf.len);
		sb_release(&crlf);
	} else {
		sb_adds(out, "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
		mail_add_qp(out, body, strlen(body));
	}
}

/* ---- checks ----------------------------------------------------------------------------- */

int mail_address_valid(const char *addr)
{
	const char *at = strchr(addr, '@');
	size_t len = strlen(addr);
	if (!at || at == addr || !at[1] || strchr(at + 1, '@') || len > 254)
		return 0;
	for (const char *p = addr; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c <= 0x20 || c >= 0x7F || strchr("<>()\",;:\\[]", c))
			return 0;
	}
	return at[1] != '.' && addr[len - 1] != '.';
}

size_t mail_address_split(char *list, char **to, size_t max, size_t *bad)
{
	size_t n = 0;
	*bad = 0;
	for (char *p = list, *tok; p && (tok = strsep(&p, ", ;")) != NULL;) {
		if (!*tok)
			continue;
		if (!mail_address_valid(tok))
			(*bad)++;
		else if (n < max)
			to[n++] = tok;
	}
	return n;
}

int mail_address_list_valid(const char *list)
{
	char *copy = xstrdup(list);
	size_t bad;
	mail_address_split(copy, NULL, 0, &bad);
	free(copy);
	return bad == 0;
}

/* A one-line UTF-8 header value: no CR or LF (header injection), no other C0 control. */
static int header_text_valid(const char *s)
{
	if (!utf8_valid(s, strlen(s)))
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7F)
			return 0;
	return 1;
}

/* The List-Unsubscribe URL goes between <> as it is: an http(s) URL of printable ASCII without
 * spaces, quotes or angle brackets, short enough for one header line (RFC 5322's 998). */
static int unsubscribe_url_valid(const char *url)
{
	size_t n = strlen(url);
	if (n > 900 || (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0))
		return 0;
	for (const char *p = url; *p; p++)
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7F || *p == '<' || *p == '>' || *p == '"')
			return 0;
	return 1;
}

static int check(const struct mail_config *cfg, const struct mail_message *msg, char *err,
		 size_t errlen)
{
	if (!cfg->from || !mail_address_valid(cfg->from))
		return fail(err, errlen, "invalid sender address");
	if (cfg->from_name && !header_text_valid(cfg->from_name))
		return fail(err, errlen, "invalid sender name (control character or not UTF-8)");
	if (msg->nTo == 0)
		return fail(err, errlen, "no recipient");
	for (size_t i = 0; i < msg->nTo; i++)
		if (!msg->aTo[i] || !mail_address_valid(msg->aTo[i]))
			return fail(err, errlen, "invalid recipient address");
	if (!msg->subject || !header_text_valid(msg->subject))
		return fail(err, errlen, "invalid subject (control character or not UTF-8)");
	if (!msg->text || !utf8_valid(msg->text, strlen(msg->text)))
		return fail(err, errlen, "invalid text body (not UTF-8)");
	if (msg->html && !utf8_valid(msg->html, strlen(msg->html)))
		return fail(err, errlen, "invalid HTML body (not UTF-8)");
	if (msg->list_unsubscribe && !unsubscribe_url_valid(msg->list_unsubscribe))
		return fail(err, errlen, "invalid unsubscribe address");
	return 0;
}

/* ---- the message ------------------------------------------------------------------------ */

static void add_date(struct sb *out, int64_t now)
{
	char date[48];
	time_format_rfc822(now, date, sizeof(date));
	sb_addf(out, "Date: %s\r\n", date);
}

static void random_hex(char *buf, size_t nbytes)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char raw[32];
	if (nbytes > sizeof(raw))
		BUG("random_hex: %zu bytes", nbytes);
	randombytes_buf(raw, nbytes);
	for (size_t i = 0; i < nbytes; i++) {
		buf[2 * i] = hex[raw[i] >> 4];
		buf[2 * i + 1] = hex[raw[i] & 15];
	}
	buf[2 * nbytes] = '\0';
}

static void add_from(struct sb *out, const struct mail_config *cfg)
{
	struct hdr h;
	struct sb addr = SB_INIT;
	hdr_begin(&h, out, "From");
	if (cfg->from_name && *cfg->from_name) {
		if (header_plain(cfg->from_name, 1))
			hdr_plain_words(&h, cfg->from_name);
		else
			hdr_encoded_words(&h, cfg->from_name);
		sb_addf(&addr, "<%s>", cfg->from);
	} else {
		sb_adds(&addr, cfg->from);
	}
	hdr_token(&h, addr.buf, addr.len);
	hdr_end(&h);
	sb_release(&addr);
}

static void add_to(struct sb *out, const struct mail_message *msg)
{
	struct hdr h;
	struct sb tok = SB_INIT;
	hdr_begin(&h, out, "To");
	for (size_t i = 0; i < msg->nTo; i++) {
		sb_reset(&tok);
		sb_adds(&tok, msg->aTo[i]);
		if (i + 1 < msg->nTo)
			sb_addc(&tok, ',');
		hdr_token(&h, tok.buf, tok.len);
	}
	hdr_end(&h);
	sb_release(&tok);
}

int mail_build(const struct mail_config *cfg, const struct mail_message *msg, int64_t now,
	       struct sb *out, char *err, size_t errlen)
{
	char id[33], boundary[25];
	if (check(cfg, msg, err, errlen))
		return -1;
	add_date(out, now);
	add_from(out, cfg);
	add_to(out, msg);
	mail_add_encoded_header(out, "Subject", msg->subject);
	random_hex(id, 16);
	sb_addf(out, "Message-ID: <%s@%s>\r\n", id, strchr(cfg->from, '@') + 1);
	/* automatic notices: no out-of-office replies to them (RFC 3834) */
	sb_adds(out, "Auto-Submitted: auto-generated\r\nMIME-Version: 1.0\r\n");
	/* a long URL goes on a line of its own (folded after the colon) to keep within 78 */
	if (msg->list_unsubscribe) {
		int fold = strlen("List-Unsubscribe: <>") + strlen(msg->list_unsubscribe) > 78;
		sb_addf(out, "List-Unsubscribe:%s<%s>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n",
			fold ? "\r\n " : " ", msg->list_unsubscribe);
	}
	if (!msg->html) {
		add_part(out, "text/plain", msg->text);
		return 0;
	}
	/* "=_" cannot occur in quoted-printable or base64 output, so the boundary is safe */
	random_hex(boundary, 12);
	sb_addf(out, "Content-Type: multipart/alternative; boundary=\"=_%s\"\r\n\r\n", boundary);
	sb_addf(out, "--=_%s\r\n", boundary);
	add_part(out, "text/plain", msg->text);
	sb_addf(out, "--=_%s\r\n", boundary);
	add_part(out, "text/html", msg->html);
	sb_addf(out, "--=_%s--\r\n", boundary);
	return 0;
}

/* ---- sending ---------------------------------------------------------------------------- */

static pthread_once_t global_once = PTHREAD_ONCE_INIT;
static CURLcode global_rc = CURLE_FAILED_INIT;

static void global_init_once(void)
{
	global_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

int mail_global_init(void)
{
	pthread_once(&global_once, global_init_once);
	return global_rc == CURLE_OK ? 0 : -1;
}

/* The URL is smtp:// or smtps:// and carries no user:password@ (errors and logs show URLs). */
static int url_valid(const char *url)
{
	size_t skip;
	if (!strncasecmp(url, "smtp://", 7))
		skip = 7;
	else if (!strncasecmp(url, "smtps://", 8))
		skip = 8;
	else
		return 0;
	size_t auth = strcspn(url + skip, "/?#");
	return auth > 0 && !memchr(url + skip, '@', auth);
}

struct reader {
	const char *buf;
	size_t len, pos;
};

static size_t read_cb(char *dst, size_t size, size_t nmemb, void *arg)
{
	struct reader *r = arg;
	size_t n = st_mult(size, nmemb);
	if (n > r->len - r->pos)
		n = r->len - r->pos;
	memcpy(dst, r->buf + r->pos, n);
	r->pos += n;
	return n;
}

static struct curl_slist *recipients(const struct mail_message *msg)
{
	struct curl_slist *list = NULL;
	struct sb a = SB_INIT;
	for (size_t i = 0; i < msg->nTo; i++) {
		sb_reset(&a);
		sb_addf(&a, "<%s>", msg->aTo[i]);
		struct curl_slist *l = curl_slist_append(list, a.buf);
		if (!l)
			BUG("out of memory");
		list = l;
	}
	sb_release(&a);
	return list;
}

static void set_options(CURL *c, const struct mail_config *cfg, struct reader *r,
			struct curl_slist *rcpt, const char *from, char *errbuf)
{
	static const long tls[] = { [MAIL_TLS_NONE] = CURLUSESSL_NONE,
				    [MAIL_TLS_TRY] = CURLUSESSL_TRY,
				    [MAIL_TLS_REQUIRE] = CURLUSESSL_ALL };
	curl_easy_setopt(c, CURLOPT_URL, cfg->url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, cfg->timeout > 0 ? cfg->timeout : 30L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_USE_SSL, tls[cfg->tls]);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, r);
	curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)r->len);
	if (cfg->user && *cfg->user) {
		curl_easy_setopt(c, CURLOPT_USERNAME, cfg->user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, cfg->password ? cfg->password : "");
	}
}

/* Hands the built message DATA to the server. */
static int send_data(const struct mail_config *cfg, const struct mail_message *msg,
		     const struct sb *data, char *err, size_t errlen)
{
	char errbuf[CURL_ERROR_SIZE] = "";
	struct reader r = { data->buf, data->len, 0 };
	struct sb from = SB_INIT;
	CURL *c = curl_easy_init();
	if (!c)
		return fail(err, errlen, "libcurl: no handle");
	struct curl_slist *rcpt = recipients(msg);
	sb_addf(&from, "<%s>", cfg->from);
	set_options(c, cfg, &r, rcpt, from.buf, errbuf);
	CURLcode res = curl_easy_perform(c);
	if (res != CURLE_OK)
		snprintf(err, errlen, "SMTP: %s%s%s", curl_easy_strerror(res), *errbuf ? ": " : "",
			 errbuf);
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	sb_release(&from);
	return res == CURLE_OK ? 0 : -1;
}

int mail_send(const struct mail_config *cfg, const struct mail_message *msg, char *err,
	      size_t errlen)
{
	struct sb data = SB_INIT;
	int rc;

	if (!cfg->url || !url_valid(cfg->url))
		return fail(err, errlen, "SMTP URL must be smtp://host[:port] or smtps://host[:port], "
					 "without credentials");
	if ((unsigned)cfg->tls > MAIL_TLS_REQUIRE)
		return fail(err, errlen, "invalid TLS mode");
	if (mail_global_init())
		return fail(err, errlen, "libcurl could not be initialised");
	rc = mail_build(cfg, msg, time_now(), &data, err, errlen);
	if (rc == 0)
		rc = send_data(cfg, msg, &data, err, errlen);
	sb_release(&data);
	return rc;
}
