/* imap.c — reading a mailbox over IMAP with libcurl (imap.h). */
#include "mail/imap.h"
#include "base/util.h"

#include <curl/curl.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/banned.h"

struct imap_session {
	CURL *c;
	char *base;   /* "imap://host:143/" */
	char *folder; /* the base with the folder, URL-escaped: "imap://host:143/INBOX" */
	long timeout;
	int (*stop)(void *arg);
	void *arg;
	/* the transfer under way */
	struct sb *out;
	size_t max;
	int too_large;
	int tls_refused; /* the last failure was the server's certificate (imap_tls_refused) */
};

static size_t write_cb(char *p, size_t size, size_t nmemb, void *arg)
{
	struct imap_session *s = arg;
	size_t n = size * nmemb;
	if (s->out->len + n > s->max) {
		s->too_large = 1;
		return 0; /* cuts the transfer */
	}
	sb_add(s->out, p, n);
	return n;
}

static int progress_cb(void *arg, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
	(void)dt, (void)dn, (void)ut, (void)un;
	struct imap_session *s = arg;
	return s->stop && s->stop(s->arg) ? 1 : 0;
}

struct imap_session *imap_open(const struct imap_config *cfg)
{
	mail_global_init();
	CURL *c = curl_easy_init();
	if (!c)
		return NULL;
	struct imap_session *s = xcalloc(1, sizeof(*s));
	s->c = c;
	size_t ul = strlen(cfg->url);
	struct sb b = SB_INIT;
	sb_adds(&b, cfg->url);
	if (!ul || cfg->url[ul - 1] != '/')
		sb_addc(&b, '/');
	s->base = sb_detach(&b, NULL);
	char *esc = curl_easy_escape(c, cfg->folder && *cfg->folder ? cfg->folder : "INBOX", 0);
	sb_addf(&b, "%s%s", s->base, esc ? esc : "INBOX");
	curl_free(esc);
	s->folder = sb_detach(&b, NULL);
	s->timeout = cfg->timeout > 0 ? cfg->timeout : 60;
	s->stop = cfg->stop;
	s->arg = cfg->arg;
	static const long tls[] = { CURLUSESSL_NONE, CURLUSESSL_TRY, CURLUSESSL_ALL };
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "imap,imaps");
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_USE_SSL, tls[cfg->tls <= MAIL_TLS_REQUIRE ? cfg->tls : MAIL_TLS_REQUIRE]);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 20L);
	if (cfg->user && *cfg->user) {
		curl_easy_setopt(c, CURLOPT_USERNAME, cfg->user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, cfg->password ? cfg->password : "");
	}
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_cb);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, s);
	curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, progress_cb);
	curl_easy_setopt(c, CURLOPT_XFERINFODATA, s);
	curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	if (cfg->ca_pem && *cfg->ca_pem) {
		/* added to the system's store by libcurl (OpenSSL backend), copied by it */
		struct curl_blob ca = { .data = (void *)cfg->ca_pem, .len = strlen(cfg->ca_pem), .flags = CURL_BLOB_COPY };
		curl_easy_setopt(c, CURLOPT_CAINFO_BLOB, &ca);
	}
	return s;
}

void imap_close(struct imap_session *s)
{
	if (!s)
		return;
	curl_easy_cleanup(s->c);
	free(s->base);
	free(s->folder);
	free(s);
}

/* One command: URL with CUSTOM (NULL: the URL's own fetch), its answer into OUT. */
static int perform(struct imap_session *s, const char *url, const char *custom, size_t max, struct sb *out, char *err,
		   size_t n)
{
	char errbuf[CURL_ERROR_SIZE] = "";
	s->out = out;
	s->max = max;
	s->too_large = 0;
	curl_easy_setopt(s->c, CURLOPT_URL, url);
	curl_easy_setopt(s->c, CURLOPT_CUSTOMREQUEST, custom);
	curl_easy_setopt(s->c, CURLOPT_TIMEOUT, s->timeout);
	curl_easy_setopt(s->c, CURLOPT_ERRORBUFFER, errbuf);
	CURLcode rc = curl_easy_perform(s->c);
	curl_easy_setopt(s->c, CURLOPT_ERRORBUFFER, NULL);
	s->out = NULL;
	if (rc == CURLE_OK)
		return 0;
	s->tls_refused = rc == CURLE_PEER_FAILED_VERIFICATION;
	if (s->too_large)
		snprintf(err, n, "larger than %zu bytes", max);
	else
		snprintf(err, n, "%s%s%s", curl_easy_strerror(rc), *errbuf ? ": " : "", errbuf);
	return -1;
}

int imap_tls_refused(const struct imap_session *s)
{
	return s && s->tls_refused;
}

#define CA_MAX 20

int imap_ca_read(const char *pem, struct sb *out, json_t **info)
{
	gnutls_x509_crt_t *certs = NULL;
	unsigned n = 0;
	gnutls_datum_t in = { .data = (unsigned char *)pem, .size = (unsigned)strlen(pem) };
	sb_reset(out);
	if (info)
		*info = json_array();
	if (!in.size || in.size > (1u << 20) || gnutls_x509_crt_list_import2(&certs, &n, &in, GNUTLS_X509_FMT_PEM, 0) < 0)
		return -1;
	int rc = n >= 1 && n <= CA_MAX ? (int)n : -1;
	for (unsigned i = 0; i < n; i++) {
		gnutls_datum_t d = { 0 };
		if (rc > 0 && gnutls_x509_crt_export2(certs[i], GNUTLS_X509_FMT_PEM, &d) == 0) {
			sb_add(out, (const char *)d.data, d.size);
			gnutls_free(d.data);
		} else {
			rc = -1;
		}
		if (rc > 0 && info && gnutls_x509_crt_get_dn3(certs[i], &d, 0) == 0) {
			json_array_append_new(*info, json_pack("{s:s%, s:I}", "subject", (const char *)d.data, (size_t)d.size,
								"expires", (json_int_t)gnutls_x509_crt_get_expiration_time(certs[i])));
			gnutls_free(d.data);
		}
		gnutls_x509_crt_deinit(certs[i]);
	}
	gnutls_free(certs);
	if (rc < 0)
		sb_reset(out);
	return rc;
}

int imap_uidvalidity(struct imap_session *s, int64_t *out, char *err, size_t n)
{
	struct sb cmd = SB_INIT, ans = SB_INIT;
	/* the folder's name is printable ASCII without quotes (the settings refuse others) */
	const char *f = s->folder + strlen(s->base);
	char *name = curl_easy_unescape(s->c, f, 0, NULL);
	sb_addf(&cmd, "STATUS \"%s\" (UIDVALIDITY)", name ? name : "INBOX");
	curl_free(name);
	int rc = perform(s, s->base, cmd.buf, 1 << 16, &ans, err, n);
	*out = 0;
	if (!rc) {
		const char *p = strstr(ans.buf, "UIDVALIDITY ");
		if (p)
			*out = strtoll(p + 12, NULL, 10);
		if (*out <= 0) {
			snprintf(err, n, "the server gave no UIDVALIDITY");
			rc = -1;
		}
	}
	sb_release(&cmd);
	sb_release(&ans);
	return rc;
}

size_t imap_parse_search(const char *text, int64_t **uids)
{
	size_t count = 0, cap = 0;
	*uids = NULL;
	const char *line = text;
	while (line && *line) {
		const char *end = strchr(line, '\n');
		if (strncasecmp(line, "* SEARCH", 8) == 0) {
			const char *p = line + 8;
			while (p < (end ? end : p + strlen(p))) {
				while (*p == ' ')
					p++;
				if (*p < '0' || *p > '9')
					break;
				char *q;
				long long v = strtoll(p, &q, 10);
				if (q == p)
					break;
				if (v > 0) {
					if (count == cap) {
						cap = cap ? cap * 2 : 64;
						*uids = xrealloc(*uids, cap * sizeof(**uids));
					}
					(*uids)[count++] = v;
				}
				p = q;
			}
		}
		line = end ? end + 1 : NULL;
	}
	return count;
}

int64_t imap_parse_date(const char *s)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	int d, y, hh, mm, ss, off;
	char mon[4];
	if (!s || sscanf(s, " %2d-%3c-%4d %2d:%2d:%2d %5d", &d, mon, &y, &hh, &mm, &ss, &off) != 7)
		return 0;
	mon[3] = '\0';
	const char *m = strstr(months, mon);
	if (!m || (m - months) % 3 || d < 1 || d > 31 || y < 1970 || hh > 23 || mm > 59 || ss > 60)
		return 0;
	struct tm tm = { .tm_year = y - 1900, .tm_mon = (int)((m - months) / 3), .tm_mday = d, .tm_hour = hh,
			 .tm_min = mm, .tm_sec = ss };
	int64_t t = (int64_t)timegm(&tm);
	int sign = off < 0 ? -1 : 1;
	off *= sign;
	return t - sign * ((off / 100) * 3600 + (off % 100) * 60);
}

size_t imap_parse_fetch(const char *text, struct imap_msg *msgs, size_t max)
{
	size_t count = 0;
	const char *line = text;
	while (line && *line && count < max) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		char *l = xmalloc(len + 1);
		memcpy(l, line, len);
		l[len] = '\0';
		if (l[0] == '*' && strstr(l, " FETCH ")) {
			struct imap_msg m = { 0 };
			const char *p;
			if ((p = strstr(l, "UID ")))
				m.uid = strtoll(p + 4, NULL, 10);
			if ((p = strstr(l, "RFC822.SIZE ")))
				m.size = strtoll(p + 12, NULL, 10);
			if ((p = strstr(l, "INTERNALDATE \"")))
				m.internaldate = imap_parse_date(p + 14);
			if (m.uid > 0)
				msgs[count++] = m;
		}
		free(l);
		line = end ? end + 1 : NULL;
	}
	return count;
}

static int by_uid(const void *a, const void *b)
{
	int64_t x = ((const struct imap_msg *)a)->uid, y = ((const struct imap_msg *)b)->uid;
	return x < y ? -1 : x > y;
}

static int by_number(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

int imap_unseen(struct imap_session *s, size_t max, struct imap_msg **msgs, size_t *count, char *err, size_t n)
{
	struct sb ans = SB_INIT;
	*msgs = NULL;
	*count = 0;
	if (perform(s, s->folder, "UID SEARCH UNSEEN", 1 << 22, &ans, err, n)) {
		sb_release(&ans);
		return -1;
	}
	int64_t *uids;
	size_t nu = imap_parse_search(ans.buf, &uids);
	sb_release(&ans);
	if (!nu)
		return 0;
	/* the oldest first: a mailbox with a backlog is taken in the order it arrived */
	qsort(uids, nu, sizeof(*uids), by_number);
	if (nu > max)
		nu = max;
	struct sb cmd = SB_INIT;
	sb_adds(&cmd, "UID FETCH ");
	for (size_t i = 0; i < nu; i++)
		sb_addf(&cmd, "%s%lld", i ? "," : "", (long long)uids[i]);
	sb_adds(&cmd, " (UID RFC822.SIZE INTERNALDATE)");
	free(uids);
	int rc = perform(s, s->folder, cmd.buf, 1 << 22, &ans, err, n);
	sb_release(&cmd);
	if (!rc) {
		*msgs = xcalloc(nu, sizeof(**msgs));
		*count = imap_parse_fetch(ans.buf, *msgs, nu);
		qsort(*msgs, *count, sizeof(**msgs), by_uid);
	}
	sb_release(&ans);
	return rc;
}

int imap_fetch(struct imap_session *s, int64_t uid, int header_only, size_t max, struct sb *out, char *err, size_t n)
{
	struct sb url = SB_INIT;
	sb_addf(&url, "%s/;UID=%lld%s", s->folder, (long long)uid, header_only ? "/;SECTION=HEADER" : "");
	int rc = perform(s, url.buf, NULL, max, out, err, n);
	sb_release(&url);
	return rc;
}

int imap_mark_seen(struct imap_session *s, int64_t uid, char *err, size_t n)
{
	struct sb cmd = SB_INIT, ans = SB_INIT;
	sb_addf(&cmd, "UID STORE %lld +FLAGS.SILENT (\\Seen)", (long long)uid);
	int rc = perform(s, s->folder, cmd.buf, 1 << 16, &ans, err, n);
	sb_release(&cmd);
	sb_release(&ans);
	return rc;
}
