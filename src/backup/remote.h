/* remote.h — an off-site folder for backups over SFTP (libcurl with libssh2): put, list, get,
 * delete. URL: sftp://user@host[:port]/absolute/folder (or /~/folder for the account's home).
 * The server's key must be known: KNOWN_HOSTS (an OpenSSH known_hosts file, "[host]:port" for
 * another port); a key not found there, or different, refuses the connection. The client
 * signs in with the private key file KEY (its ".pub" beside it when there is one). */
#ifndef CONG_REMOTE_H
#define CONG_REMOTE_H

#include <jansson.h>
#include <stddef.h>

struct remote_auth {
	const char *key;         /* private key file */
	const char *known_hosts; /* known_hosts file */
};

/* 1 when S is a URL this file handles (sftp://). */
int remote_is_url(const char *s);
/* The names in the folder (files only, no "." nor ".."), a new array; NULL with ERR on failure.
 * A folder that does not exist yet is empty. */
json_t *remote_list(const char *url, const struct remote_auth *a, char *err, size_t errlen);
/* Uploads LOCAL_PATH as NAME: written as NAME.part and renamed at the end, so that an upload
 * cut short leaves no file of that name. Creates the folder if needed. */
int remote_put(const char *url, const struct remote_auth *a, const char *local_path, const char *name, char *err,
	       size_t errlen);
/* Downloads NAME into LOCAL_PATH. */
int remote_get(const char *url, const struct remote_auth *a, const char *name, const char *local_path, char *err,
	       size_t errlen);
int remote_delete(const char *url, const struct remote_auth *a, const char *name, char *err, size_t errlen);

#endif
