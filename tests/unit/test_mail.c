/* test_mail.c — the message builder of src/mail/mail.c (encoded and folded headers, QP and
 * base64 bodies within their line lengths, header injection refused) without network, and real
 * sends through libcurl to a small SMTP sink thread on 127.0.0.1 (accepted, refused recipient,
 * STARTTLS required but not offered, failed AUTH whose error must not show the password). */
#include "t.h"

#include "base/sb.h"
#include "base/util.h"
#include "mail/mail.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#define NOW 1795316400 /* 2026-11-22 03:00:00 UTC, 10:00 in Vietnam */

static const char *const subject_vi =
	"Nhắc hạn cập nhật thông tin: 3 tin quá hạn, 5 tin đến hạn trong 2 ngày làm việc — "
	"Sở Nội vụ tỉnh Vĩnh Long";
static const char *const text_vi = "Kính gửi Ban biên tập Sở Nội vụ,\n\n"
				   "Các tin sau đã quá hạn đăng theo Điều 9 Quy chế:\n"
				   "- Quyết định số 12/2026/QĐ-UBND về phân cấp quản lý (trễ 3 ngày)\n"
				   ".dòng bắt đầu bằng dấu chấm\n"
				   "Trân trọng.\n";

/* ---- decoders, written independently of the encoders ---------------------------------- */

static int b64_val(char c)
{
	const char *a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = c ? strchr(a, c) : NULL;
	return p ? (int)(p - a) : -1;
}

/* Appends the base64 decoding of S[0..LEN), skipping line breaks; -1 on a bad character. */
static int b64_decode(struct sb *out, const char *s, size_t len)
{
	unsigned acc = 0;
	int bits = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\r' || s[i] == '\n' || s[i] == '=')
			continue;
		int v = b64_val(s[i]);
		if (v < 0)
			return -1;
		acc = acc << 6 | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			sb_addc(out, (char)(acc >> bits & 0xFF));
		}
	}
	return 0;
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static int qp_decode(struct sb *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '=') {
			sb_addc(out, s[i]);
		} else if (i + 2 < len && s[i + 1] == '\r' && s[i + 2] == '\n') {
			i += 2;
		} else if (i + 2 < len && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
			sb_addc(out, (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2])));
			i += 2;
		} else {
			return -1;
		}
	}
	return 0;
}

/* The unfolded value of header NAME in MSG (headers end at the first empty line), or NULL. */
static char *header_get(const char *msg, const char *name)
{
	const char *end = strstr(msg, "\r\n\r\n");
	size_t n = strlen(name);
	for (const char *p = msg; p && p < end; p = strstr(p, "\r\n") + 2) {
		if (strncasecmp(p, name, n) || p[n] != ':')
			continue;
		struct sb v = SB_INIT;
		p += n + 1;
		while (*p == ' ')
			p++;
		for (;;) {
			const char *eol = strstr(p, "\r\n");
			sb_add(&v, p, (size_t)(eol - p));
			if (eol[2] != ' ' && eol[2] != '\t')
				break;
			p = eol + 2; /* unfolding removes the CRLF only */
		}
		return sb_detach(&v, NULL);
	}
	return NULL;
}

/* RFC 2047 decoding: B encoded-words, white space between two of them dropped. */
static char *words_decode(const char *v)
{
	struct sb out = SB_INIT;
	int prev_ew = 0;
	while (*v) {
		if (!strncmp(v, "=?UTF-8?B?", 10)) {
			const char *e = strstr(v + 10, "?=");
			if (!e || b64_decode(&out, v + 10, (size_t)(e - v - 10))) {
				sb_release(&out);
				return NULL;
			}
			v = e + 2;
			prev_ew = 1;
			continue;
		}
		size_t sp = strspn(v, " \t");
		if (sp && prev_ew && !strncmp(v + sp, "=?", 2)) {
			v += sp;
			continue;
		}
		sb_addc(&out, *v++);
		prev_ew = 0;
	}
	return sb_detach(&out, NULL);
}

/* The decoded body of the single part in MSG (headers, blank line, body). */
static char *body_decode(const char *msg)
{
	const char *body = strstr(msg, "\r\n\r\n");
	char *cte = header_get(msg, "Content-Transfer-Encoding");
	struct sb out = SB_INIT;
	int rc = -1;
	if (body && cte && !strcmp(cte, "base64"))
		rc = b64_decode(&out, body + 4, strlen(body + 4));
	else if (body && cte && !strcmp(cte, "quoted-printable"))
		rc = qp_decode(&out, body + 4, strlen(body + 4));
	free(cte);
	if (rc) {
		sb_release(&out);
		return NULL;
	}
	return sb_detach(&out, NULL);
}

static char *crlf(const char *s)
{
	struct sb out = SB_INIT;
	for (; *s; s++) {
		if (*s == '\n')
			sb_addc(&out, '\r');
		sb_addc(&out, *s);
	}
	return sb_detach(&out, NULL);
}

/* Every line ends in CRLF (no bare CR or LF) and is at most MAX characters; the header block
   (up to the first empty line) is checked against HMAX. */
static int lines_ok(const char *msg, size_t hmax, size_t max)
{
	int in_headers = 1;
	const char *p = msg;
	while (*p) {
		const char *eol = strstr(p, "\r\n");
		if (!eol)
			return 0;
		size_t n = (size_t)(eol - p);
		if (memchr(p, '\r', n) || memchr(p, '\n', n))
			return 0;
		if (n == 0)
			in_headers = 0;
		if (n > (in_headers ? hmax : max)) {
			printf("    line of %zu: %.*s\n", n, (int)n, p);
			return 0;
		}
		p = eol + 2;
	}
	return 1;
}

static const struct mail_config cfg_vi = {
	.url = "smtp://127.0.0.1:25",
	.from = "khong-tra-loi@vinhlong.gov.vn",
	.from_name = "Cổng thông tin điện tử tỉnh Vĩnh Long — Ban biên tập",
};

static char *build(const struct mail_config *cfg, const struct mail_message *m, char *err,
		   size_t errlen)
{
	struct sb out = SB_INIT;
	if (mail_build(cfg, m, NOW, &out, err, errlen)) {
		sb_release(&out);
		return NULL;
	}
	return sb_detach(&out, NULL);
}

/* ---- the builder ----------------------------------------------------------------------- */

TEST(mail_build_headers_encoded_and_folded)
{
	const char *to[] = { "snv@vinhlong.gov.vn", "bientap.snv@vinhlong.gov.vn",
			     "truongban.ban-bien-tap.so-noi-vu@vinhlong.gov.vn" };
	struct mail_message m = { to, 3, subject_vi, text_vi, NULL, NULL };
	char err[200] = "";
	char *msg = build(&cfg_vi, &m, err, sizeof(err));
	if (!CHECK(msg != NULL)) {
		printf("    %s\n", err);
		return;
	}
	CHECK(lines_ok(msg, 78, 76));
	CHECK(!strncmp(msg, "Date: Sun, 22 Nov 2026 10:00:00 +0700\r\n", 39));

	char *subj = header_get(msg, "Subject");
	char *dec = subj ? words_decode(subj) : NULL;
	CHECK_STR(dec, subject_vi);
	CHECK(subj && strstr(msg, "Subject: =?UTF-8?B?") && strstr(msg, "?=\r\n =?UTF-8?B?"));
	free(subj);
	free(dec);

	char *from = header_get(msg, "From");
	dec = from ? words_decode(from) : NULL;
	CHECK_STR(dec, "Cổng thông tin điện tử tỉnh Vĩnh Long — Ban biên tập "
		       "<khong-tra-loi@vinhlong.gov.vn>");
	free(from);
	free(dec);

	char *hto = header_get(msg, "To");
	CHECK_STR(hto, "snv@vinhlong.gov.vn, bientap.snv@vinhlong.gov.vn, "
		       "truongban.ban-bien-tap.so-noi-vu@vinhlong.gov.vn");
	free(hto);

	char *mid = header_get(msg, "Message-ID");
	CHECK(mid && mid[0] == '<' && strstr(mid, "@vinhlong.gov.vn>") && strlen(mid) == 50);
	free(mid);
	char *ver = header_get(msg, "MIME-Version");
	CHECK_STR(ver, "1.0");
	free(ver);
	char *ct = header_get(msg, "Content-Type");
	CHECK_STR(ct, "text/plain; charset=UTF-8");
	free(ct);
	free(msg);
}

TEST(mail_build_body_round_trips)
{
	const char *to[] = { "snv@vinhlong.gov.vn" };
	char err[200];
	/* Vietnamese: base64; English with a long line, '=', a trailing space and a leading
	   "From ": quoted-printable */
	const char *bodies[] = {
		text_vi,
		"Reminder = notice \nFrom the portal: a very long line that goes on and on and on "
		"and on well beyond the seventy-six characters a quoted-printable line may hold, "
		"with some more words to force a second soft break somewhere here.\n. \n",
		"",
		"no final newline",
	};
	const char *cte[] = { "base64", "quoted-printable", "quoted-printable", "quoted-printable" };
	for (size_t i = 0; i < ARRAY_SIZE(bodies); i++) {
		struct mail_message m = { to, 1, "Test", bodies[i], NULL, NULL };
		char *msg = build(&cfg_vi, &m, err, sizeof(err));
		if (!CHECK(msg != NULL))
			continue;
		CHECK(lines_ok(msg, 78, 76));
		char *h = header_get(msg, "Content-Transfer-Encoding");
		CHECK_STR(h, cte[i]);
		char *got = body_decode(msg);
		struct sb want = SB_INIT;
		char *c = crlf(bodies[i]);
		sb_adds(&want, c);
		if (want.len && want.buf[want.len - 1] != '\n')
			sb_adds(&want, "\r\n"); /* the builder ends the last line */
		CHECK_STR(got, want.buf);
		free(c);
		sb_release(&want);
		free(got);
		free(h);
		free(msg);
	}
}

TEST(mail_qp_rules)
{
	struct sb out = SB_INIT;
	mail_add_qp(&out, "a=b \t\n.x\r\nFrom me\rend ", 22);
	CHECK_STR(out.buf, "a=3Db =09\r\n=2Ex\r\n=46rom me\r\nend=20\r\n");
	/* 77 'x': 75 and a soft break, then 2; 76 fit on one final line */
	sb_reset(&out);
	char line[200];
	memset(line, 'x', 77);
	mail_add_qp(&out, line, 77);
	CHECK(!strcmp(out.buf + 75, "=\r\nxx\r\n") && strlen(out.buf) == 82);
	sb_reset(&out);
	mail_add_qp(&out, line, 76);
	CHECK(strlen(out.buf) == 78);
	/* an =XX is never split, and takes the 76th column only at the end of a line */
	sb_reset(&out);
	memset(line, 'x', 73);
	memcpy(line + 73, "\xC3\xA9", 2);
	mail_add_qp(&out, line, 75);
	CHECK(!strcmp(out.buf + 73, "=\r\n=C3=A9\r\n"));
	sb_reset(&out);
	mail_add_qp(&out, line, 74); /* 73 + "=C3" = 76 on the last line: allowed */
	CHECK(!strcmp(out.buf + 73, "=C3\r\n"));
	sb_reset(&out);
	line[73] = ' ';
	mail_add_qp(&out, line, 74); /* a trailing space at column 74 */
	CHECK(!strcmp(out.buf + 73, "=20\r\n"));
	sb_release(&out);
}

TEST(mail_base64_lines)
{
	struct sb out = SB_INIT, dec = SB_INIT;
	unsigned char data[300];
	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (unsigned char)(i * 7 + 3);
	for (size_t n = 0; n <= sizeof(data); n += 1) {
		sb_reset(&out);
		sb_reset(&dec);
		mail_add_base64(&out, data, n);
		CHECK(lines_ok(out.buf, 76, 76));
		CHECK(b64_decode(&dec, out.buf, out.len) == 0 && dec.len == n &&
		      !memcmp(dec.buf, data, n));
	}
	sb_reset(&out);
	mail_add_base64(&out, "Vĩnh Long", strlen("Vĩnh Long"));
	CHECK_STR(out.buf, "VsSpbmggTG9uZw==\r\n");
	sb_release(&out);
	sb_release(&dec);
}

TEST(mail_encoded_header_sizes)
{
	/* every length of Vietnamese text: lines within 78, words within 75, text preserved */
	const char *src = "Đề nghị các đơn vị cập nhật đầy đủ, kịp thời thông tin lên Cổng "
			  "theo quy định tại Thông tư 22/2023/TT-BTTTT và Quy chế của tỉnh.";
	size_t len = strlen(src);
	for (size_t n = 0; n <= len; n++) {
		if (((unsigned char)src[n] & 0xC0) == 0x80)
			continue;
		char *v = xstrndup(src, n);
		struct sb out = SB_INIT;
		mail_add_encoded_header(&out, "Subject", v);
		sb_adds(&out, "\r\n");
		CHECK(lines_ok(out.buf, 78, 78));
		for (const char *w = strstr(out.buf, "=?"); w; w = strstr(w + 2, "=?"))
			CHECK(strstr(w, "?=") - w + 2 <= 75);
		char *h = header_get(out.buf, "Subject");
		char *d = h ? words_decode(h) : NULL;
		CHECK_STR(d, v);
		free(h);
		free(d);
		free(v);
		sb_release(&out);
	}
	/* plain ASCII stays readable; "=?" in plain text is encoded so it cannot be misread */
	struct sb out = SB_INIT;
	mail_add_encoded_header(&out, "Subject", "Daily reminder");
	CHECK_STR(out.buf, "Subject: Daily reminder\r\n");
	sb_reset(&out);
	mail_add_encoded_header(&out, "Subject", "=?x?=");
	CHECK_STR(out.buf, "Subject: =?UTF-8?B?PT94Pz0=?=\r\n");
	sb_release(&out);
}

TEST(mail_build_refuses_injection)
{
	const char *good[] = { "snv@vinhlong.gov.vn" };
	const char *bad_to[][1] = {
		{ "snv@vinhlong.gov.vn\r\nBcc: all@example.com" },
		{ "snv@vinhlong.gov.vn>, <x@example.com" },
		{ "Sở Nội vụ <snv@vinhlong.gov.vn>" },
		{ "no-at-sign" },
		{ "a@b@c" },
		{ "@vinhlong.gov.vn" },
		{ "snv@" },
		{ "" },
	};
	char err[200];
	struct mail_message m = { good, 1, "Chào\r\nBcc: all@example.com", "x", NULL, NULL };
	struct mail_config cfg = cfg_vi;
	CHECK(build(&cfg, &m, err, sizeof(err)) == NULL && strstr(err, "subject"));
	m.subject = "Chào\nX-Evil: 1";
	CHECK(build(&cfg, &m, err, sizeof(err)) == NULL);
	m.subject = "Chào\rX-Evil: 1";
	CHECK(build(&cfg, &m, err, sizeof(err)) == NULL);
	m.subject = "bad \xC3 utf-8";
	CHECK(build(&cfg, &m, err, sizeof(err)) == NULL);
	m.subject = "Chào";
	for (size_t i = 0; i < ARRAY_SIZE(bad_to); i++) {
		m.aTo = bad_to[i];
		CHECK(build(&cfg, &m, err, sizeof(err)) == NULL && strstr(err, "recipient"));
	}
	m.aTo = good;
	m.nTo = 0;
	CHECK(build(&cfg, &m, err, sizeof(err)) == NULL);
	m.nTo = 1;
	cfg.from_name = "Ban biên tập\r\nBcc: all@example.com";
	CHECK(build(&cfg, &m, err, sizeof(err)) == NULL && strstr(err, "sender name"));
	cfg.from_name = NULL;
	cfg.from = "khong-tra-loi@vinhlong.gov.vn\nBcc: x@y";
	CHECK(build(&cfg, &m, err, sizeof(err)) == NULL && strstr(err, "sender address"));
	cfg.from = cfg_vi.from;
	char *msg = build(&cfg, &m, err, sizeof(err));
	CHECK(msg && strstr(msg, "\r\nFrom: khong-tra-loi@vinhlong.gov.vn\r\n"));
	free(msg);
	cfg.from_name = "Ban Bien Tap";
	msg = build(&cfg, &m, err, sizeof(err));
	CHECK(msg && strstr(msg, "\r\nFrom: Ban Bien Tap <khong-tra-loi@vinhlong.gov.vn>\r\n"));
	free(msg);
	cfg.from_name = "Smith, John"; /* a special: encoded, not a second address */
	msg = build(&cfg, &m, err, sizeof(err));
	CHECK(msg && strstr(msg, "\r\nFrom: =?UTF-8?B?"));
	free(msg);
}

TEST(mail_build_html_alternative)
{
	const char *to[] = { "snv@vinhlong.gov.vn" };
	struct mail_message m = { to, 1, "Nhắc hạn", text_vi,
				  "<p>Kính gửi <strong>Ban biên tập</strong></p>", NULL };
	char err[200];
	char *msg = build(&cfg_vi, &m, err, sizeof(err));
	if (!CHECK(msg != NULL))
		return;
	CHECK(lines_ok(msg, 78, 76));
	char *ct = header_get(msg, "Content-Type");
	CHECK(ct && !strncmp(ct, "multipart/alternative; boundary=\"=_", 35));
	const char *b = ct ? strstr(ct, "\"") + 1 : "";
	char delim[64];
	snprintf(delim, sizeof(delim), "\r\n--%.*s", (int)strcspn(b, "\""), b);
	const char *p1 = strstr(msg, delim);
	const char *p2 = p1 ? strstr(p1 + 1, delim) : NULL;
	const char *p3 = p2 ? strstr(p2 + 1, delim) : NULL;
	CHECK(p1 && p2 && p3 && !strncmp(p3 + strlen(delim), "--\r\n", 4));
	if (p1 && p2 && p3) {
		char *part1 = xstrndup(p1 + strlen(delim) + 2, (size_t)(p2 - p1) - strlen(delim));
		char *part2 = xstrndup(p2 + strlen(delim) + 2, (size_t)(p3 - p2) - strlen(delim));
		char *t1 = body_decode(part1), *t2 = body_decode(part2);
		char *want = crlf(text_vi);
		CHECK(t1 && !strncmp(t1, want, strlen(want) - 2));
		CHECK(t2 && !strncmp(t2, m.html, strlen(m.html)));
		char *ct2 = header_get(part2, "Content-Type");
		CHECK_STR(ct2, "text/html; charset=UTF-8");
		free(ct2);
		free(want);
		free(t1);
		free(t2);
		free(part1);
		free(part2);
	}
	free(ct);
	free(msg);
}

/* ---- a local SMTP sink ------------------------------------------------------------------- */

enum sink_mode { SINK_OK, SINK_REFUSE_RCPT, SINK_AUTH_FAILS };

struct sink {
	enum sink_mode mode;
	int lfd;
	int port;
	pthread_t thread;
	struct sb transcript; /* the client's command lines */
	struct sb data;       /* the message as received, dot-stuffing undone */
	char buf[4096];
	size_t have, used;
};

/* Reads one CRLF line (without it) into LINE; -1 at end of stream or after a 10 s silence. */
static int sink_line(struct sink *s, int fd, struct sb *line)
{
	sb_reset(line);
	for (;;) {
		for (; s->used < s->have; s->used++) {
			char c = s->buf[s->used];
			if (c == '\n') {
				s->used++;
				if (line->len && line->buf[line->len - 1] == '\r')
					sb_truncate(line, line->len - 1);
				return 0;
			}
			sb_addc(line, c);
		}
		struct pollfd p = { fd, POLLIN, 0 };
		if (poll(&p, 1, 10000) != 1)
			return -1;
		ssize_t n = recv(fd, s->buf, sizeof(s->buf), 0);
		if (n <= 0)
			return -1;
		s->have = (size_t)n;
		s->used = 0;
	}
}

static void sink_say(int fd, const char *s)
{
	size_t off = 0, len = strlen(s);
	while (off < len) {
		ssize_t n = send(fd, s + off, len - off, MSG_NOSIGNAL);
		if (n <= 0)
			return;
		off += (size_t)n;
	}
}

static void sink_data(struct sink *s, int fd, struct sb *line)
{
	sink_say(fd, "354 go ahead\r\n");
	while (sink_line(s, fd, line) == 0 && strcmp(line->buf, ".") != 0) {
		const char *l = line->buf[0] == '.' ? line->buf + 1 : line->buf;
		sb_adds(&s->data, l);
		sb_adds(&s->data, "\r\n");
	}
	sink_say(fd, "250 2.0.0 queued\r\n");
}

static void sink_session(struct sink *s, int fd)
{
	struct sb line = SB_INIT;
	sink_say(fd, "220 sink.test ESMTP\r\n");
	while (sink_line(s, fd, &line) == 0) {
		sb_adds(&s->transcript, line.buf);
		sb_adds(&s->transcript, "\n");
		if (!strncasecmp(line.buf, "EHLO", 4))
			sink_say(fd, s->mode == SINK_AUTH_FAILS ? "250-sink.test\r\n250 AUTH PLAIN\r\n"
								: "250-sink.test\r\n250 8BITMIME\r\n");
		else if (!strncasecmp(line.buf, "AUTH", 4))
			sink_say(fd, "535 5.7.8 Authentication credentials invalid\r\n");
		else if (!strncasecmp(line.buf, "RCPT", 4) && s->mode == SINK_REFUSE_RCPT)
			sink_say(fd, "550 5.1.1 No such user\r\n");
		else if (!strncasecmp(line.buf, "DATA", 4))
			sink_data(s, fd, &line);
		else if (!strncasecmp(line.buf, "QUIT", 4)) {
			sink_say(fd, "221 bye\r\n");
			break;
		} else if (!strncasecmp(line.buf, "MAIL", 4) || !strncasecmp(line.buf, "RCPT", 4) ||
			   !strncasecmp(line.buf, "RSET", 4) || !strncasecmp(line.buf, "NOOP", 4))
			sink_say(fd, "250 ok\r\n");
		else
			sink_say(fd, "502 not implemented\r\n");
	}
	sb_release(&line);
}

/* One connection, then the thread ends. */
static void *sink_main(void *arg)
{
	struct sink *s = arg;
	struct pollfd p = { s->lfd, POLLIN, 0 };
	if (poll(&p, 1, 10000) == 1) {
		int fd = accept(s->lfd, NULL, NULL);
		if (fd >= 0) {
			sink_session(s, fd);
			close(fd);
		}
	}
	return NULL;
}

static int sink_start(struct sink *s, enum sink_mode mode)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = 0 };
	socklen_t alen = sizeof(a);
	memset(s, 0, sizeof(*s));
	s->mode = mode;
	sb_init(&s->transcript);
	sb_init(&s->data);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s->lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (s->lfd < 0 || bind(s->lfd, (struct sockaddr *)&a, sizeof(a)) ||
	    listen(s->lfd, 1) || getsockname(s->lfd, (struct sockaddr *)&a, &alen))
		return -1;
	s->port = ntohs(a.sin_port);
	return pthread_create(&s->thread, NULL, sink_main, s) ? -1 : 0;
}

/* Waits for the session to end (the client has quit or failed), then frees the listener. */
static void sink_join(struct sink *s)
{
	pthread_join(s->thread, NULL);
	close(s->lfd);
}

static void sink_free(struct sink *s)
{
	sb_release(&s->transcript);
	sb_release(&s->data);
}

static void sink_stop(struct sink *s)
{
	sink_join(s);
	sink_free(s);
}

static int send_to_sink(struct sink *s, enum sink_mode mode, struct mail_config *cfg,
			const struct mail_message *m, char *url, size_t urllen, char *err,
			size_t errlen)
{
	if (sink_start(s, mode))
		return -2;
	snprintf(url, urllen, "smtp://127.0.0.1:%d", s->port);
	cfg->url = url;
	cfg->timeout = 10;
	return mail_send(cfg, m, err, errlen);
}

TEST(mail_send_to_local_sink)
{
	const char *to[] = { "snv@vinhlong.gov.vn", "bientap.snv@vinhlong.gov.vn" };
	struct mail_message m = { to, 2, subject_vi, text_vi, NULL, NULL };
	struct mail_config cfg = cfg_vi;
	struct sink s;
	char url[64], err[256] = "";
	CHECK(mail_global_init() == 0);
	int rc = send_to_sink(&s, SINK_OK, &cfg, &m, url, sizeof(url), err, sizeof(err));
	if (!CHECK(rc == 0))
		printf("    %s\n", err);
	if (rc == -2)
		return;
	sink_join(&s);
	CHECK(strstr(s.transcript.buf, "MAIL FROM:<khong-tra-loi@vinhlong.gov.vn>") != NULL);
	CHECK(strstr(s.transcript.buf, "RCPT TO:<snv@vinhlong.gov.vn>\n") != NULL);
	CHECK(strstr(s.transcript.buf, "RCPT TO:<bientap.snv@vinhlong.gov.vn>\n") != NULL);
	CHECK(strstr(s.transcript.buf, "QUIT\n") != NULL);
	char *subj = header_get(s.data.buf, "Subject");
	char *dsubj = subj ? words_decode(subj) : NULL;
	CHECK_STR(dsubj, subject_vi);
	char *body = body_decode(s.data.buf);
	char *want = crlf(text_vi);
	CHECK_STR(body, want);
	free(want);
	free(body);
	free(dsubj);
	free(subj);
	sink_free(&s);
}

TEST(mail_send_errors)
{
	const char *to[] = { "khongco@vinhlong.gov.vn" };
	struct mail_message m = { to, 1, "Nhắc hạn", "Nội dung", NULL, NULL };
	struct mail_config cfg = cfg_vi;
	struct sink s;
	char url[64], err[512] = "";

	CHECK(send_to_sink(&s, SINK_REFUSE_RCPT, &cfg, &m, url, sizeof(url), err,
			   sizeof(err)) == -1);
	CHECK(strstr(err, "SMTP: ") == err);
	sink_stop(&s);

	cfg.tls = MAIL_TLS_REQUIRE; /* the sink offers no STARTTLS */
	CHECK(send_to_sink(&s, SINK_OK, &cfg, &m, url, sizeof(url), err, sizeof(err)) == -1);
	CHECK(strstr(err, "SMTP: ") == err);
	CHECK(s.data.len == 0);
	sink_stop(&s);

	cfg.tls = MAIL_TLS_NONE;
	cfg.user = "bantin";
	cfg.password = "Mật-khẩu-bí-mật-42";
	CHECK(send_to_sink(&s, SINK_AUTH_FAILS, &cfg, &m, url, sizeof(url), err,
			   sizeof(err)) == -1);
	CHECK(strstr(err, "SMTP: ") == err && !strstr(err, "bí-mật"));
	CHECK(strstr(s.transcript.buf ? s.transcript.buf : "", "AUTH") != NULL);
	sink_stop(&s);

	/* no credentials in the URL (it shows in errors), only smtp and smtps */
	cfg.url = "smtp://bantin:secret@127.0.0.1:25";
	CHECK(mail_send(&cfg, &m, err, sizeof(err)) == -1 && !strstr(err, "secret"));
	cfg.url = "http://127.0.0.1/";
	CHECK(mail_send(&cfg, &m, err, sizeof(err)) == -1 && strstr(err, "smtp://"));
	cfg.url = "file:///etc/passwd";
	CHECK(mail_send(&cfg, &m, err, sizeof(err)) == -1);
}
