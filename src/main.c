/* main.c — `cong`: one binary for a provincial portal system; this file dispatches commands. */
#include "cmd/cmd.h"
#include "model/kind.h"
#include "base/arena.h"
#include "mail/mail.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	int (*fn)(int, char **);
	const char *help;
} commands[] = {
	{ "init", cmd_init, "create or upgrade a data folder and its main portal" },
	{ "site", cmd_site, "add or list component sites (departments, districts, communes)" },
	{ "user", cmd_user, "add accounts and their roles" },
	{ "token", cmd_token, "the JSON API's per-site tokens: add, list, revoke" },
	{ "serve", cmd_serve, "serve every site of a data folder over HTTP" },
	{ "demo", cmd_demo, "create a demo province with sites, news and accounts" },
	{ "audit", cmd_audit, "verify the audit log (chain, anchors, archives), archive old records" },
	{ "reindex", cmd_reindex, "rebuild the search index" },
	{ "remind", cmd_remind, "what is due, and the boards' daily deadline reminders by e-mail" },
	{ "calendar", cmd_calendar, "working days: holidays, official tables, adding working days" },
	{ "import", cmd_import, "import items (legal documents…) from a CSV file, all or nothing" },
	{ "kinds", cmd_kinds, "the kinds of content and their fields" },
	{ "backup", cmd_backup, "back up a data folder while it is served; verify a backup" },
	{ "restore", cmd_restore, "restore a backup into a new data folder" },
	{ "links", cmd_links, "check the links to other portals for dead ones now" },
	{ "migrate", cmd_migrate, "move a data folder from SQLite to an empty PostgreSQL database" },
	/* #16: the member sites hosted elsewhere */
	{ "feeds", cmd_feeds, "member sites hosted elsewhere: list, add, pull, remove their feeds" },
};

static void usage(FILE *f)
{
	fputs("usage: cong COMMAND [OPTIONS]   (cong COMMAND --help for its options)\n\n"
	      "Cổng: the web portal of a Vietnamese province, its departments and communes.\n\n"
	      "commands:\n", f);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].help);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return 0;
	}
	/* every kind of content is declared as data (model/kinds.c): a wrong declaration stops here,
	 * before it can reach a form, a page or the database */
	char kerr[256];
	if (kinds_check(kerr, sizeof(kerr))) {
		fprintf(stderr, "cong: a kind of content is declared wrongly: %s\n", kerr);
		return 1;
	}
	arena_json_install(); /* before any JSON value exists */
	if (mail_global_init()) {
		fputs("cong: libcurl cannot start\n", stderr);
		return 1;
	}
	if (sodium_init() < 0) {
		fputs("cong: libsodium cannot start\n", stderr);
		return 1;
	}
	/* --db URL, on any command: the database, when it is not the data folder's own */
	for (int i = 2; i < argc; i++) {
		const char *v = NULL;
		int used = 0;
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			v = argv[i + 1], used = 2;
		else if (strncmp(argv[i], "--db=", 5) == 0)
			v = argv[i] + 5, used = 1;
		if (!used)
			continue;
		if (!*v) {
			fputs("cong: --db needs a database: postgresql://… or a SQLite file\n", stderr);
			return 2;
		}
		data_db_given(v);
		memmove(argv + i, argv + i + used, (size_t)(argc - i - used + 1) * sizeof(*argv));
		argc -= used;
		i--;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "cong: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return 2;
}
