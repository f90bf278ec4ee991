/* links.h — the links kind's rules (model/kinds.c "link": links to other portals, the site's
 * link lists) and the dead-link check: each published link's address asked with libcurl (HEAD,
 * then GET when HEAD is refused), redirects followed up to a limit, only http and https, no
 * address of a private network unless the setting links_allow_private says so; the newest
 * result kept per link (link_checks, migration 0028) so that the board sees the broken ones
 * (/quan-tri/lien-ket-hong) whatever restarts happen. docs/links.md. */
#ifndef CONG_MODEL_LINKS_H
#define CONG_MODEL_LINKS_H

#include <stdint.h>
#include <stddef.h>
#include <jansson.h>

struct db;
struct errs;
struct kind;
struct actor;
struct sockaddr;

/* The kind's check hook: the address parsed by libcurl's URL parser, http or https with a host,
 * no user name or password in it. */
void link_fields_check(const struct kind *k, json_t *fields, struct errs *e);

/* 1 when SA is an address the checker must not reach unless private addresses are allowed:
 * loopback, private networks (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), link-local,
 * unspecified, multicast, broadcast, reserved, documentation and benchmarking ranges, and IPv6
 * forms of such IPv4 addresses (mapped, NAT64). */
int link_addr_blocked(const struct sockaddr *sa);

struct link_check_opts {
	int allow_private;     /* reach loopback and private networks too (tests, an intranet) */
	long timeout;          /* seconds for one address, every redirect included */
	long max_redirects;
	/* asked between links; nonzero stops the run (the server shutting down). May be NULL. */
	int (*stop)(void *arg);
	void *arg;
};
/* The settings' values (links_allow_private "1", links_timeout 1..120 seconds, default 15,
 * links_max_redirects 0..20, default 5). */
void link_check_opts_read(struct db *db, struct link_check_opts *o);

struct link_result {
	int ok;
	long status;         /* the final HTTP status, 0 when there was none */
	const char *error;   /* a message key of locale/vi/, "" when ok */
	char detail[256];    /* libcurl's words, for the administrator (English) */
};
/* Asks URL once (HEAD, then GET on 405 or 501). OK for a final status 200..399. */
void link_probe(const char *url, const struct link_check_opts *o, struct link_result *out);

/* Checks the published links of SITE_ID (0: every site); DUE_ONLY: only those never checked,
 * whose address changed, or checked more than 20 hours before NOW. Each result is written in
 * its own short transaction; one audit record for the run, by A (editors and above of SITE_ID;
 * NULL: the scheduler or the command line). *CHECKED and *BROKEN (may be NULL) get the counts.
 * M_OK, M_DENIED, or M_ERROR on a store error. */
int links_check_run(struct db *db, const struct actor *a, int64_t site_id, int due_only, const struct link_check_opts *o,
		    int64_t now, int *checked, int *broken);
/* The board asks for its site's links to be checked again now: they are made due and the
 * server's next scheduler pass checks them (setting links_check_now), whatever the hour; the
 * page does not wait for the answers. Editors and above of SITE_ID; audited. M_OK, M_DENIED,
 * M_ERROR. */
int links_check_request(struct db *db, const struct actor *a, int64_t site_id);
/* 1 when some published link is due for its daily check (links_check_run DUE_ONLY would do
 * something), 0 when none, -1 on a store error. */
int links_check_due(struct db *db, int64_t now);

/* SITE_ID's links whose newest check failed, with their check: [{id, title, url, nhom, status,
 * error (key), detail, fails, checked_at, last_ok_at}], and in *NOK how many links are fine and
 * *NUNCHECKED how many have not been checked yet. NULL without a role on SITE_ID. */
json_t *links_broken(struct db *db, const struct actor *a, int64_t site_id, int64_t *nok, int64_t *nunchecked);

/* SITE_ID's published links in the order the pages show them: by group (the choices' order,
 * then open values by name), then thu_tu, then title: [{id, title, slug, url, nhom}]; at most
 * LIMIT. */
json_t *links_public(struct db *db, int64_t site_id, int64_t limit);

#endif
