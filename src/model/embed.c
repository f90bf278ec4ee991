/* embed.c — the allow-list of embedded players (embed.h). URLs are read by libcurl's URL API. */
#include "internal.h"
#include "model/embed.h"
#include "db/db.h"
#include "base/sb.h"
#include "base/util.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static void lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s + 32);
}

/* Calls FN on each host of LIST (spaces, commas, new lines between); stops at non-zero. */
static int each_host(const char *list, int (*fn)(const char *h, size_t n, void *arg), void *arg)
{
	const char *p = list ? list : "";
	while (*p) {
		p += strspn(p, " \t\r\n,;");
		size_t n = strcspn(p, " \t\r\n,;");
		if (n) {
			int rc = fn(p, n, arg);
			if (rc)
				return rc;
		}
		p += n;
	}
	return 0;
}

struct match {
	const char *host;
};

static int host_match(const char *h, size_t n, void *arg)
{
	const char *host = ((struct match *)arg)->host;
	size_t hl = strlen(host);
	if (hl == n && strncasecmp(host, h, n) == 0)
		return 1;
	return hl > n && host[hl - n - 1] == '.' && strncasecmp(host + hl - n, h, n) == 0;
}

int embed_host_allowed(const char *host, const char *allowed)
{
	struct match m = { host };
	return host && *host && each_host(allowed, host_match, &m) == 1;
}

/* A video id of YouTube or Vimeo: letters, digits, '-' and '_' only, 1 to 64 of them. */
static int id_ok(const char *s, size_t n)
{
	if (n < 1 || n > 64)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
		      s[i] == '-' || s[i] == '_'))
			return 0;
	return 1;
}

/* The value of NAME in QUERY ("a=1&v=xyz"), or NULL; malloc'd. */
static char *query_get(const char *query, const char *name)
{
	size_t nl = strlen(name);
	for (const char *p = query; p && *p;) {
		size_t n = strcspn(p, "&");
		if (n > nl && strncmp(p, name, nl) == 0 && p[nl] == '=')
			return xstrndup(p + nl + 1, n - nl - 1);
		p += n;
		if (*p)
			p++;
	}
	return NULL;
}

static int ends_with_host(const char *host, const char *domain)
{
	struct match m = { host };
	return host_match(domain, strlen(domain), &m);
}

enum embed_rc embed_resolve(const char *url, const char *allowed, struct embed *out)
{
	memset(out, 0, sizeof(*out));
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL, *path = NULL, *query = NULL, *user = NULL, *port = NULL;
	enum embed_rc rc = EMBED_INVALID;
	struct sb frame = SB_INIT, origin = SB_INIT;
	if (!u || !url || !*url || curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK)
		goto out;
	if (curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK || strcmp(scheme, "https") != 0 ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_USER, &user, 0) == CURLUE_OK || /* no credentials in an address */
	    curl_url_get(u, CURLUPART_PORT, &port, 0) == CURLUE_OK)     /* nor another port */
		goto out;
	lower(host);
	if (*host == '[' || strspn(host, "0123456789.") == strlen(host))
		goto out; /* an address, not a host name */
	curl_url_get(u, CURLUPART_PATH, &path, 0);
	curl_url_get(u, CURLUPART_QUERY, &query, 0);
	const char *p = path ? path : "/";
	rc = EMBED_REFUSED;
	if (!embed_host_allowed(host, allowed))
		goto out;
	int nocookie = embed_host_allowed("www.youtube-nocookie.com", allowed);
	if (ends_with_host(host, "youtube.com") || ends_with_host(host, "youtube-nocookie.com") || strcmp(host, "youtu.be") == 0) {
		char *id = NULL;
		if (strcmp(host, "youtu.be") == 0)
			id = xstrdup(p + 1);
		else if (strncmp(p, "/embed/", 7) == 0 || strncmp(p, "/shorts/", 8) == 0 || strncmp(p, "/live/", 6) == 0)
			id = xstrdup(strchr(p + 1, '/') + 1);
		else if (strcmp(p, "/watch") == 0)
			id = query_get(query, "v");
		if (!id || !id_ok(id, strlen(id))) {
			free(id);
			rc = EMBED_INVALID;
			goto out;
		}
		const char *player = nocookie ? "www.youtube-nocookie.com" : "www.youtube.com";
		if (!embed_host_allowed(player, allowed)) {
			free(id);
			goto out;
		}
		sb_addf(&frame, "https://%s/embed/%s", player, id);
		sb_addf(&origin, "https://%s", player);
		free(id);
	} else if (ends_with_host(host, "vimeo.com")) {
		const char *id = strncmp(p, "/video/", 7) == 0 ? p + 7 : p + 1;
		if (!*id || strspn(id, "0123456789") != strlen(id) || strlen(id) > 20) {
			rc = EMBED_INVALID;
			goto out;
		}
		if (!embed_host_allowed("player.vimeo.com", allowed))
			goto out;
		sb_addf(&frame, "https://player.vimeo.com/video/%s", id);
		sb_adds(&origin, "https://player.vimeo.com");
	} else { /* another allowed host's player page, embedded as given */
		char *whole = NULL;
		if (curl_url_get(u, CURLUPART_URL, &whole, 0) != CURLUE_OK) {
			rc = EMBED_INVALID;
			goto out;
		}
		sb_adds(&frame, whole);
		curl_free(whole);
		sb_addf(&origin, "https://%s", host);
	}
	out->frame = sb_detach(&frame, NULL);
	out->origin = sb_detach(&origin, NULL);
	out->host = xstrdup(host);
	rc = EMBED_OK;
out:
	sb_release(&frame);
	sb_release(&origin);
	curl_free(scheme);
	curl_free(host);
	curl_free(path);
	curl_free(query);
	curl_free(user);
	curl_free(port);
	if (u)
		curl_url_cleanup(u);
	return rc;
}

void embed_free(struct embed *e)
{
	free(e->frame);
	free(e->origin);
	free(e->host);
	memset(e, 0, sizeof(*e));
}

char *embed_hosts(struct db *db, int64_t site_id)
{
	char *r = NULL;
	struct db_stmt *st = db_stmt(db, "SELECT embed_hosts FROM sites WHERE id = ?");
	if (st) {
		db_bind_int(st, 1, site_id);
		if (db_step(st) == DB_ROW)
			r = xstrdup(db_col_text(st, 0));
		db_reset(st);
	}
	return r ? r : xstrdup(EMBED_HOSTS_DEFAULT);
}

struct collect {
	struct sb out;
	int bad, n;
};

static int host_collect(const char *h, size_t n, void *arg)
{
	struct collect *c = arg;
	int dot = 0;
	if (n > 253)
		c->bad = 1;
	for (size_t i = 0; i < n; i++) {
		char ch = h[i];
		if (ch == '.')
			dot = 1;
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.'))
			c->bad = 1;
	}
	if (!dot || h[0] == '.' || h[n - 1] == '.' || h[0] == '-')
		c->bad = 1;
	if (c->n++)
		sb_addc(&c->out, ' ');
	for (size_t i = 0; i < n; i++)
		sb_addc(&c->out, (char)(h[i] >= 'A' && h[i] <= 'Z' ? h[i] + 32 : h[i]));
	return 0;
}

int media_settings_update(struct db *db, const struct actor *a, int64_t site_id, const char *hosts,
			  const char *max_mb, struct errs *e)
{
	struct collect c = { SB_INIT, 0, 0 };
	int64_t mb = 0;
	int rc = M_INVALID;
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	each_host(hosts, host_collect, &c);
	if (c.bad || c.n > 50)
		errs_add(e, "embed_hosts", "embed_hosts_invalid");
	if (!max_mb || parse_i64(max_mb, 1, MEDIA_AV_MAX_LIMIT >> 20, &mb))
		errs_add(e, "media_av_max_mb", "media_av_max_invalid");
	if (e->n)
		goto out;
	rc = M_ERROR;
	if (db_begin(db))
		goto out;
	struct db_stmt *st = db_stmt(db, "UPDATE sites SET embed_hosts = ?, media_av_max_mb = ? WHERE id = ?");
	if (!st) {
		db_rollback(db);
		goto out;
	}
	db_bind_text(st, 1, c.out.buf);
	db_bind_int(st, 2, mb);
	db_bind_int(st, 3, site_id);
	char detail[600];
	snprintf(detail, sizeof(detail), "max=%lldMB hosts=%.500s", (long long)mb, c.out.buf);
	if (db_step_done(st) || audit_write(db, a, site_id, "site.media_settings", "", detail)) {
		db_rollback(db);
		goto out;
	}
	rc = db_commit(db) ? M_ERROR : M_OK;
out:
	sb_release(&c.out);
	return rc;
}
