/* remote.c — an off-site folder over SFTP through libcurl (libssh2); see remote.h. */
#include "backup/remote.h"
#include "base/sb.h"
#include "base/util.h"

#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/banned.h"

int remote_is_url(const char *s)
{
	return s && strncmp(s, "sftp://", 7) == 0;
}

/* The folder's URL with one '/' at its end, and its path as the server sees it in commands
 * (percent-decoded; "/~/x" is "x", relative to the account's home). */
static int split(const char *url, struct sb *folder, struct sb *path, char *err, size_t errlen)
{
	const char *auth = url + 7, *slash = strchr(auth, '/');
	if (!remote_is_url(url) || !slash || slash == auth || strchr(url, ' ') || strchr(url, '"') || strchr(url, '\n')) {
		snprintf(err, errlen, "%s is not an sftp://user@host[:port]/folder address", url);
		return -1;
	}
	sb_adds(folder, url);
	while (folder->len > 1 && folder->buf[folder->len - 1] == '/')
		sb_truncate(folder, folder->len - 1);
	sb_addc(folder, '/');
	int n = 0;
	char *dec = curl_easy_unescape(NULL, slash, 0, &n);
	if (!dec || memchr(dec, 0, (size_t)n) || strchr(dec, '"')) {
		curl_free(dec);
		snprintf(err, errlen, "%s: the folder's path is not valid", url);
		return -1;
	}
	const char *p = strncmp(dec, "/~/", 3) == 0 ? dec + 3 : dec;
	sb_adds(path, p);
	while (path->len > 1 && path->buf[path->len - 1] == '/')
		sb_truncate(path, path->len - 1);
	if (path->len && path->buf[path->len - 1] != '/')
		sb_addc(path, '/');
	curl_free(dec);
	return 0;
}

static CURL *handle(const char *url, const struct remote_auth *a, char *errbuf)
{
	CURL *c = curl_easy_init();
	if (!c)
		return NULL;
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "sftp");
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 20L);
	/* a stalled transfer ends; a slow one goes on */
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, 120L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_SSH_AUTH_TYPES, (long)CURLSSH_AUTH_PUBLICKEY);
	if (a && a->key) {
		curl_easy_setopt(c, CURLOPT_SSH_PRIVATE_KEYFILE, a->key);
		struct sb pub = SB_INIT;
		struct stat st;
		sb_addf(&pub, "%s.pub", a->key);
		if (stat(pub.buf, &st) == 0)
			curl_easy_setopt(c, CURLOPT_SSH_PUBLIC_KEYFILE, pub.buf);
		sb_release(&pub); /* libcurl keeps its own copy of string options */
	}
	if (a && a->known_hosts)
		curl_easy_setopt(c, CURLOPT_SSH_KNOWNHOSTS, a->known_hosts);
	return c;
}

static int known_hosts_ok(const struct remote_auth *a, char *err, size_t errlen)
{
	struct stat st;
	if (!a || !a->known_hosts || stat(a->known_hosts, &st)) {
		snprintf(err, errlen, "the SFTP server's key cannot be checked: give a known_hosts file (%s)",
			 a && a->known_hosts ? strerror(errno) : "none given");
		return -1;
	}
	if (!a->key) {
		snprintf(err, errlen, "no private key file given for the SFTP server");
		return -1;
	}
	return 0;
}

static int perform(CURL *c, const char *what, const char *errbuf, char *err, size_t errlen)
{
	CURLcode res = curl_easy_perform(c);
	if (res != CURLE_OK) {
		snprintf(err, errlen, "SFTP %s: %s%s%s", what, curl_easy_strerror(res), *errbuf ? ": " : "", errbuf);
		return -1;
	}
	return 0;
}

static size_t to_sb(char *p, size_t size, size_t n, void *arg)
{
	sb_add(arg, p, size * n);
	return size * n;
}

json_t *remote_list(const char *url, const struct remote_auth *a, char *err, size_t errlen)
{
	struct sb folder = SB_INIT, path = SB_INIT, out = SB_INIT;
	char errbuf[CURL_ERROR_SIZE] = "";
	json_t *names = NULL;
	if (known_hosts_ok(a, err, errlen) || split(url, &folder, &path, err, errlen))
		goto done;
	CURL *c = handle(folder.buf, a, errbuf);
	if (!c) {
		snprintf(err, errlen, "libcurl cannot start");
		goto done;
	}
	curl_easy_setopt(c, CURLOPT_DIRLISTONLY, 1L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, to_sb);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &out);
	CURLcode res = curl_easy_perform(c);
	if (res == CURLE_REMOTE_FILE_NOT_FOUND) {
		names = json_array(); /* not made yet: the first backup makes it */
	} else if (res != CURLE_OK) {
		snprintf(err, errlen, "SFTP list: %s%s%s", curl_easy_strerror(res), *errbuf ? ": " : "", errbuf);
	} else {
		names = json_array();
		sb_addc(&out, 0);
		for (char *p = out.buf, *line; (line = strsep(&p, "\r\n")) != NULL;)
			if (*line && strcmp(line, ".") != 0 && strcmp(line, "..") != 0)
				json_array_append_new(names, json_string(line));
	}
	curl_easy_cleanup(c);
done:
	sb_release(&folder);
	sb_release(&path);
	sb_release(&out);
	return names;
}

int remote_put(const char *url, const struct remote_auth *a, const char *local_path, const char *name, char *err,
	       size_t errlen)
{
	struct sb folder = SB_INIT, path = SB_INIT, target = SB_INIT, cmd = SB_INIT;
	char errbuf[CURL_ERROR_SIZE] = "";
	int rc = -1;
	FILE *f = NULL;
	struct curl_slist *post = NULL;
	if (known_hosts_ok(a, err, errlen) || split(url, &folder, &path, err, errlen))
		goto done;
	f = fopen(local_path, "rb");
	struct stat st;
	if (!f || fstat(fileno(f), &st)) {
		snprintf(err, errlen, "cannot read %s: %s", local_path, strerror(errno));
		goto done;
	}
	sb_addf(&target, "%s%s.part", folder.buf, name);
	CURL *c = handle(target.buf, a, errbuf);
	if (!c) {
		snprintf(err, errlen, "libcurl cannot start");
		goto done;
	}
	/* the name appears only once the whole file is there */
	sb_addf(&cmd, "rename \"%s%s.part\" \"%s%s\"", path.buf, name, path.buf, name);
	post = curl_slist_append(NULL, cmd.buf);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_READDATA, f);
	curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)st.st_size);
	curl_easy_setopt(c, CURLOPT_FTP_CREATE_MISSING_DIRS, (long)CURLFTP_CREATE_DIR);
	curl_easy_setopt(c, CURLOPT_NEW_FILE_PERMS, 0600L);
	curl_easy_setopt(c, CURLOPT_NEW_DIRECTORY_PERMS, 0700L);
	curl_easy_setopt(c, CURLOPT_POSTQUOTE, post);
	rc = perform(c, "upload", errbuf, err, errlen);
	curl_easy_cleanup(c);
done:
	if (f)
		fclose(f);
	curl_slist_free_all(post);
	sb_release(&folder);
	sb_release(&path);
	sb_release(&target);
	sb_release(&cmd);
	return rc;
}

static size_t to_file(char *p, size_t size, size_t n, void *arg)
{
	return fwrite(p, size, n, arg) * size;
}

int remote_get(const char *url, const struct remote_auth *a, const char *name, const char *local_path, char *err,
	       size_t errlen)
{
	struct sb folder = SB_INIT, path = SB_INIT, target = SB_INIT;
	char errbuf[CURL_ERROR_SIZE] = "";
	int rc = -1;
	FILE *f = NULL;
	if (known_hosts_ok(a, err, errlen) || split(url, &folder, &path, err, errlen))
		goto done;
	f = fopen(local_path, "wb");
	if (!f) {
		snprintf(err, errlen, "cannot create %s: %s", local_path, strerror(errno));
		goto done;
	}
	sb_addf(&target, "%s%s", folder.buf, name);
	CURL *c = handle(target.buf, a, errbuf);
	if (!c) {
		snprintf(err, errlen, "libcurl cannot start");
		goto done;
	}
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, to_file);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, f);
	rc = perform(c, "download", errbuf, err, errlen);
	curl_easy_cleanup(c);
	if (fflush(f) || ferror(f)) {
		snprintf(err, errlen, "cannot write %s", local_path);
		rc = -1;
	}
done:
	if (f)
		fclose(f);
	sb_release(&folder);
	sb_release(&path);
	sb_release(&target);
	return rc;
}

int remote_delete(const char *url, const struct remote_auth *a, const char *name, char *err, size_t errlen)
{
	struct sb folder = SB_INIT, path = SB_INIT, cmd = SB_INIT;
	char errbuf[CURL_ERROR_SIZE] = "";
	int rc = -1;
	struct curl_slist *q = NULL;
	if (known_hosts_ok(a, err, errlen) || split(url, &folder, &path, err, errlen))
		goto done;
	CURL *c = handle(folder.buf, a, errbuf);
	if (!c) {
		snprintf(err, errlen, "libcurl cannot start");
		goto done;
	}
	sb_addf(&cmd, "rm \"%s%s\"", path.buf, name);
	q = curl_slist_append(NULL, cmd.buf);
	curl_easy_setopt(c, CURLOPT_QUOTE, q);
	curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
	rc = perform(c, "delete", errbuf, err, errlen);
	curl_easy_cleanup(c);
done:
	curl_slist_free_all(q);
	sb_release(&folder);
	sb_release(&path);
	sb_release(&cmd);
	return rc;
}
