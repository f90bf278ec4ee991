/* token.c — `cong token`: the JSON API's per-site tokens from the command line (model/token.h,
 * docs/api.md). The command line acts as the system administrator: audited as "cli". */
#include "cmd.h"
#include "model/token.h"
#include "base/util.h"
#include "db/db.h"

#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static const char token_usage[] =
	"usage: cong token add --data DIR --site SLUG --role ROLE [--name NAME]\n"
	"       cong token list --data DIR --site SLUG\n"
	"       cong token revoke --data DIR ID\n"
	"\n"
	"A token lets a program write to one site through the JSON API (/api/v1) with one role, as\n"
	"an account with that role would, through the same workflow: a reporter's token creates\n"
	"drafts and submits them, an approver's publishes. add prints the token on standard output,\n"
	"once: only its hash is kept. revoke refuses it from then on, for good.\n"
	"\n"
	"  --role ROLE   reporter, editor, approver or siteadmin\n"
	"  --name NAME   what it is for (\"the procedures portal\"); at most 100 characters\n";

static int token_add(struct db *db, const char *site, const char *role, const char *name)
{
	json_t *s = site_get_by_slug(db, site);
	if (!s) {
		fprintf(stderr, "cong token add: --site %s: there is no such site\n", site);
		return 1;
	}
	struct errs e = { 0 };
	char secret[TOKEN_LEN + 1];
	int64_t id;
	int rc = token_create(db, &actor_cli, json_integer_value(json_object_get(s, "id")), name, role, secret, &id, &e);
	json_decref(s);
	if (rc == M_INVALID) {
		cli_print_errs("token add", &e);
		return 1;
	}
	if (rc != M_OK) {
		fprintf(stderr, "cong token add: the token could not be saved (see the log above)\n");
		return 1;
	}
	/* the token alone on standard output, for a script to keep; the rest on standard error */
	printf("%s\n", secret);
	fprintf(stderr, "token %lld: %s on %s; it is shown this once, keep it now\n", (long long)id, role, site);
	sodium_memzero(secret, sizeof(secret));
	return 0;
}

static int token_list_cmd(struct db *db, const char *site)
{
	json_t *s = site_get_by_slug(db, site);
	if (!s) {
		fprintf(stderr, "cong token list: --site %s: there is no such site\n", site);
		return 1;
	}
	json_t *list = token_list(db, &actor_cli, json_integer_value(json_object_get(s, "id")));
	json_decref(s);
	if (!list) {
		fprintf(stderr, "cong token list: the tokens could not be read (see the log above)\n");
		return 1;
	}
	size_t i;
	json_t *t;
	printf("%-5s %-10s %-16s %-16s %-16s %-16s %s\n", "id", "role", "key", "created", "last used", "revoked", "name");
	json_array_foreach(list, i, t) {
		char c[40] = "-", u[40] = "-", v[40] = "-";
		if (json_integer_value(json_object_get(t, "created_at")))
			time_format_vn(json_integer_value(json_object_get(t, "created_at")), c, sizeof(c));
		if (json_integer_value(json_object_get(t, "last_used_at")))
			time_format_vn(json_integer_value(json_object_get(t, "last_used_at")), u, sizeof(u));
		if (json_integer_value(json_object_get(t, "revoked_at")))
			time_format_vn(json_integer_value(json_object_get(t, "revoked_at")), v, sizeof(v));
		printf("%-5lld %-10s %-16s %-16s %-16s %-16s %s\n", (long long)json_integer_value(json_object_get(t, "id")),
		       json_string_value(json_object_get(t, "role")), json_string_value(json_object_get(t, "key_id")), c, u,
		       v, json_string_value(json_object_get(t, "name")));
	}
	json_decref(list);
	return 0;
}

int cmd_token(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "data", required_argument, NULL, 'd' }, { "site", required_argument, NULL, 's' },
		{ "role", required_argument, NULL, 'r' }, { "name", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },       { 0 }
	};
	const char *data = NULL, *site = NULL, *role = NULL, *name = NULL;
	int c;
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(token_usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	const char *sub = argv[1];
	if (strcmp(sub, "add") != 0 && strcmp(sub, "list") != 0 && strcmp(sub, "revoke") != 0) {
		fprintf(stderr, "cong token: %s: no such command (add, list, revoke)\n", sub);
		return 2;
	}
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': data = optarg; break;
		case 's': site = optarg; break;
		case 'r': role = optarg; break;
		case 'n': name = optarg; break;
		case 'h': fputs(token_usage, stdout); return 0;
		default: fputs(token_usage, stderr); return 2;
		}
	}
	int64_t id = 0;
	if (strcmp(sub, "revoke") == 0) {
		if (!data || optind + 1 != argc || parse_i64(argv[optind], 1, INT64_MAX, &id)) {
			fprintf(stderr, "cong token revoke: give --data DIR and the token's id (cong token list)\n");
			return 2;
		}
	} else if (!data || !site || (strcmp(sub, "add") == 0 && !role) || optind < argc) {
		fprintf(stderr, "cong token %s: give --data DIR --site SLUG%s\n", sub,
			strcmp(sub, "add") == 0 ? " --role ROLE" : "");
		return 2;
	}
	struct db *db = data_open(data);
	if (!db)
		return 1;
	int rc;
	if (strcmp(sub, "add") == 0) {
		rc = token_add(db, site, role, name);
	} else if (strcmp(sub, "list") == 0) {
		rc = token_list_cmd(db, site);
	} else {
		int m = token_revoke(db, &actor_cli, 0, id);
		rc = m != M_OK;
		if (m == M_NOTFOUND)
			fprintf(stderr, "cong token revoke: there is no token %lld\n", (long long)id);
		else if (m != M_OK)
			fprintf(stderr, "cong token revoke: the token could not be revoked (see the log above)\n");
		else
			printf("token %lld revoked\n", (long long)id);
	}
	db_close(db);
	return rc;
}
