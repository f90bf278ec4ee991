/* admin.c — `cong init`, `cong site add`, `cong user add`: setting up an installation. */
#include "cmd.h"
#include "model/mailbox.h"
#include "model/kind.h"
#include "base/sb.h"
#include "base/util.h"
#include "db/db.h"
#include "search/search.h"
#include "backup/backup.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/banned.h"

static const char init_usage[] =
	"usage: cong init --data DIR [--domain BASE] [--name NAME]\n"
	"\n"
	"Creates the data folder DIR with its database (applying every pending migration, so it is\n"
	"safe to run again after an upgrade), the main portal and the backup key (DIR/backup.key,\n"
	"printed once: keep a copy apart from the backups). Nothing else is created.\n"
	"\n"
	"  --data DIR      data folder (database, media, backups)\n"
	"  --domain BASE   base domain, e.g. vinhlong.gov.vn (default: localhost); component sites\n"
	"                  answer on <slug>.BASE\n"
	"  --name NAME     name of the main portal (default: \"Cổng Thông tin điện tử\")\n";

int cmd_init(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "data", required_argument, NULL, 'd' }, { "domain", required_argument, NULL, 'D' },
		{ "name", required_argument, NULL, 'n' }, { "help", no_argument, NULL, 'h' }, { 0 }
	};
	const char *data = NULL, *domain = NULL, *name = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': data = optarg; break;
		case 'D': domain = optarg; break;
		case 'n': name = optarg; break;
		case 'h': fputs(init_usage, stdout); return 0;
		default: fputs(init_usage, stderr); return 2;
		}
	}
	if (!data) {
		fputs(init_usage, stderr);
		return 2;
	}
	int rc = data_init(data, domain, name, 1);
	if (rc)
		return rc;
	/* the key of the backups (cong backup): made here, shown once */
	unsigned char key[BK_KEYBYTES];
	char hex[2 * BK_KEYBYTES + 1], err[512];
	int created = 0;
	if (backup_key_ensure(data, key, &created, hex, err, sizeof(err))) {
		fprintf(stderr, "cong init: %s\n", err);
		return 1;
	}
	sodium_memzero(key, sizeof(key));
	if (created) {
		printf("backup key made: %s/backup.key\n\n    %s\n\n"
		       "WARNING: keep a copy of this key apart from the backups (printed, in a safe, with the\n"
		       "disaster plan). Without it no backup can be restored; with it anyone holding a backup\n"
		       "can read it. It is shown only this once.\n", data, hex);
		sodium_memzero(hex, sizeof(hex));
	}
	return 0;
}

static const char site_usage[] =
	"usage: cong site add --data DIR --name NAME [--slug SLUG] [--parent SLUG]\n"
	"                     [--kind department|district|commune] [--domain HOST]...\n"
	"                     [--short-name S] [--name-en S] [--owner S] [--address S] [--phone S]\n"
	"                     [--email S] [--fax S] [--responsible S] [--licence S]\n"
	"       cong site list --data DIR\n"
	"\n"
	"Adds a component site under the main portal (or under --parent). Without --slug the slug is\n"
	"made from the name as the regulations name sites: communes and districts without the unit\n"
	"word (\"Xã Châu Thành\" -> chauthanh), departments by initials (\"Sở Nội vụ\" -> snv).\n"
	"Without --kind the kind is read from the name. Prints the slug and the host name.\n"
	"\n"
	"  --domain HOST   an extra host name the site answers on (repeatable)\n"
	"  --owner S       owning agency shown in the header and footer\n"
	"  --responsible S the footer's responsible-person line\n"
	"  --licence S     the footer's licence line\n";

static int site_list_cmd(const char *data)
{
	struct db *db = data_open_readonly(data);
	if (!db)
		return 1;
	char *base = db_setting_get(db, "base_domain");
	json_t *sites = site_list(db);
	size_t i;
	json_t *s;
	json_array_foreach(sites, i, s) {
		char *host = site_host(s, base ? base : "localhost");
		printf("%*s%-12s %-10s %s  (%s)\n", (int)(2 * json_integer_value(json_object_get(s, "depth"))), "",
		       json_string_value(json_object_get(s, "slug")), json_string_value(json_object_get(s, "kind")),
		       json_string_value(json_object_get(s, "name")), host);
		free(host);
	}
	json_decref(sites);
	free(base);
	db_close(db);
	return 0;
}

int cmd_site(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "data", required_argument, NULL, 'd' },     { "name", required_argument, NULL, 'n' },
		{ "slug", required_argument, NULL, 's' },     { "parent", required_argument, NULL, 'p' },
		{ "kind", required_argument, NULL, 'k' },     { "domain", required_argument, NULL, 'D' },
		{ "short-name", required_argument, NULL, 'S' }, { "name-en", required_argument, NULL, 'E' },
		{ "owner", required_argument, NULL, 'o' },    { "address", required_argument, NULL, 'a' },
		{ "phone", required_argument, NULL, 't' },    { "email", required_argument, NULL, 'm' },
		{ "fax", required_argument, NULL, 'f' },      { "responsible", required_argument, NULL, 'r' },
		{ "licence", required_argument, NULL, 'l' },  { "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	struct site_input in = { 0 };
	const char *data = NULL, *domains[16];
	size_t ndomains = 0;
	int c;
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(site_usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	const char *sub = argv[1];
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': data = optarg; break;
		case 'n': in.name = optarg; break;
		case 's': in.slug = optarg; break;
		case 'p': in.parent_slug = optarg; break;
		case 'k': in.kind = optarg; break;
		case 'D':
			if (ndomains < ARRAY_SIZE(domains))
				domains[ndomains++] = optarg;
			break;
		case 'S': in.short_name = optarg; break;
		case 'E': in.name_en = optarg; break;
		case 'o': in.owner = optarg; break;
		case 'a': in.address = optarg; break;
		case 't': in.phone = optarg; break;
		case 'm': in.email = optarg; break;
		case 'f': in.fax = optarg; break;
		case 'r': in.responsible = optarg; break;
		case 'l': in.licence = optarg; break;
		case 'h': fputs(site_usage, stdout); return 0;
		default: fputs(site_usage, stderr); return 2;
		}
	}
	if (!data) {
		fputs(site_usage, stderr);
		return 2;
	}
	if (strcmp(sub, "list") == 0)
		return site_list_cmd(data);
	if (strcmp(sub, "add") != 0 || !in.name) {
		fputs(site_usage, stderr);
		return 2;
	}
	if (in.kind && strcmp(in.kind, "main") == 0) {
		fprintf(stderr, "cong site add: --kind: %s\n", cli_tr("site_kind_invalid"));
		return 2;
	}
	struct db *db = data_open(data);
	struct errs e = { 0 };
	int64_t id;
	char *slug = NULL;
	if (!db)
		return 1;
	if (!site_main_exists(db)) {
		fprintf(stderr, "cong site add: %s (cong init --data %s)\n", cli_tr("site_no_main"), data);
		db_close(db);
		return 1;
	}
	int rc = site_add(db, &in, &e, &id, &slug);
	if (rc) {
		cli_print_errs("site add", &e);
		db_close(db);
		return 1;
	}
	for (size_t i = 0; i < ndomains; i++) {
		if (site_add_domain(db, id, domains[i], &e))
			cli_print_errs("site add", &e);
	}
	char *base = db_setting_get(db, "base_domain");
	json_t *site = site_get(db, id);
	char *host = site_host(site, base ? base : "localhost");
	printf("slug: %s\nhost: %s\n", slug, host);
	free(host);
	free(base);
	free(slug);
	json_decref(site);
	db_close(db);
	return 0;
}

static const char user_usage[] =
	"usage: cong user add --data DIR --username U --role ROLE [--site SLUG] [--name NAME]\n"
	"                     --password-stdin\n"
	"       cong user disable|enable|unlock --data DIR (--username U | U)\n"
	"       cong user dormant --data DIR [--now 'YYYY-MM-DD HH:MM']\n"
	"       cong user mailbox --data DIR --username U [--email ADDR]\n"
	"\n"
	"Creates an account. The password is read from standard input (one line) and is a one-time\n"
	"password: the account must change it at its first sign-in. It must have at least 14\n"
	"characters (the setting password_min_length_no_mfa: a new account has no second factor)\n"
	"with upper case, lower case, a digit and a special character (BT Đ20.4).\n"
	"\n"
	"  --role ROLE   sysadmin (all sites), or on --site: siteadmin, approver, editor, reporter\n"
	"  --site SLUG   the site the role is held on\n"
	"  --name NAME   the person's full name\n"
	"\n"
	"disable ends every session of the account at once; enable lets it sign in again (and\n"
	"restarts its 45 days). unlock is the emergency unlock: it clears the account's failed\n"
	"sign-ins and its lock at once. dormant disables every account unused for the setting\n"
	"account_dormant_days (45), as the server's scheduler does by itself; --now counts from\n"
	"that Vietnam time instead of the clock (a check, a test). mailbox names the mailbox the\n"
	"account reads (no --email: none), so that the deadline reminders sent to that mailbox are\n"
	"written in the account's language; only a keyed tag of the address is kept. All are written\n"
	"to the audit log.\n";

/* cong user dormant: the scheduler's sweep, now (or at --now). */
static int user_dormant_cmd(const char *data, const char *now_s)
{
	int64_t now = time_now();
	if (!data) {
		fputs(user_usage, stderr);
		return 2;
	}
	if (now_s) {
		int y, mo, d, h, mi;
		char tail;
		char vn[32];
		if (sscanf(now_s, "%4d-%2d-%2d %2d:%2d%c", &y, &mo, &d, &h, &mi, &tail) != 5) {
			fprintf(stderr, "cong user dormant: --now wants 'YYYY-MM-DD HH:MM'\n");
			return 2;
		}
		snprintf(vn, sizeof(vn), "%02d/%02d/%04d %02d:%02d", d, mo, y, h, mi);
		if (time_parse_vn(vn, &now)) {
			fprintf(stderr, "cong user dormant: --now: %s is not a date and time\n", now_s);
			return 2;
		}
	}
	struct db *db = data_open(data);
	if (!db)
		return 1;
	int n = user_dormant_sweep(db, now);
	int64_t days = account_setting(db, "account_dormant_days");
	db_close(db);
	if (n < 0) {
		fprintf(stderr, "cong user dormant: the accounts could not be read (see the log above)\n");
		return 1;
	}
	if (days <= 0)
		printf("dormancy is off (account_dormant_days = 0): nothing disabled\n");
	else
		printf("%d account(s) unused for %lld days disabled\n", n, (long long)days);
	return 0;
}

/* cong user mailbox (#16): the mailbox account USERNAME reads, for the reminders' language. */
static int user_mailbox_cmd(const char *data, const char *username, const char *email)
{
	if (!data || !username) {
		fprintf(stderr, "cong user mailbox: give --data DIR --username U [--email ADDR]\n");
		return 2;
	}
	struct db *db = data_open(data);
	if (!db)
		return 1;
	totp_set_key_dir(data); /* the mailbox's tag is keyed by DATA/secret.key (model/pdata.h) */
	struct errs e = { 0 };
	int rc = user_mailbox_set(db, &actor_cli, username, email, &e);
	db_close(db);
	if (rc == M_INVALID) {
		cli_print_errs("user mailbox", &e);
		return 1;
	}
	if (rc != M_OK) {
		fprintf(stderr, "cong user mailbox: the change could not be saved (see the log above)\n");
		return 1;
	}
	if (email && *email)
		printf("account %s reads %s: reminders to it are written in the account's language\n", username, email);
	else
		printf("account %s reads no mailbox of the reminders now\n", username);
	return 0;
}

int cmd_user(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "data", required_argument, NULL, 'd' }, { "username", required_argument, NULL, 'u' },
		{ "role", required_argument, NULL, 'r' }, { "site", required_argument, NULL, 's' },
		{ "name", required_argument, NULL, 'n' }, { "password-stdin", no_argument, NULL, 'P' },
		{ "now", required_argument, NULL, 'N' },  { "help", no_argument, NULL, 'h' },
		{ "email", required_argument, NULL, 'E' }, /* #16: mailbox */
		{ 0 }
	};
	const char *data = NULL, *username = NULL, *role = NULL, *site = NULL, *name = NULL, *now = NULL;
	const char *email = NULL;
	int pw_stdin = 0, c;
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(user_usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	const char *sub = argv[1];
	if (strcmp(sub, "add") != 0 && strcmp(sub, "disable") != 0 && strcmp(sub, "enable") != 0 &&
	    strcmp(sub, "unlock") != 0 && strcmp(sub, "dormant") != 0 && strcmp(sub, "mailbox") != 0) {
		fputs(user_usage, stderr);
		return 2;
	}
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': data = optarg; break;
		case 'u': username = optarg; break;
		case 'r': role = optarg; break;
		case 's': site = optarg; break;
		case 'n': name = optarg; break;
		case 'P': pw_stdin = 1; break;
		case 'N': now = optarg; break;
		case 'E': email = optarg; break;
		case 'h': fputs(user_usage, stdout); return 0;
		default: fputs(user_usage, stderr); return 2;
		}
	}
	if (strcmp(sub, "dormant") == 0)
		return user_dormant_cmd(data, now);
	if (strcmp(sub, "mailbox") == 0)
		return user_mailbox_cmd(data, username, email);
	if (!username && optind < argc) /* cong user unlock NAME */
		username = argv[optind++];
	if (strcmp(sub, "add") != 0) {
		if (!data || !username || optind < argc) {
			fputs(user_usage, stderr);
			return 2;
		}
		struct db *db = data_open(data);
		if (!db)
			return 1;
		int64_t uid = user_id_by_name(db, username);
		int rc = !uid ? M_NOTFOUND
		       : strcmp(sub, "unlock") == 0 ? user_unlock(db, &actor_cli, 0, uid)
						    : user_set_disabled(db, &actor_cli, 0, uid, strcmp(sub, "disable") == 0);
		db_close(db);
		if (rc) {
			fprintf(stderr, "cong user %s: %s: %s\n", sub, username,
				rc == M_NOTFOUND ? cli_tr("user_unknown") : "the change could not be saved (see the log above)");
			return 1;
		}
		if (strcmp(sub, "unlock") == 0)
			printf("account %s unlocked: its failed sign-ins are cleared\n", username);
		else
			printf("account %s %sd%s\n", username, sub, strcmp(sub, "disable") == 0 ? "; its sessions ended" : "");
		return 0;
	}
	if (!data || !username || !role || !pw_stdin) {
		fputs(user_usage, stderr);
		return 2;
	}
	char line[1024];
	if (!fgets(line, sizeof(line), stdin)) {
		fprintf(stderr, "cong user add: %s\n", cli_tr("password_stdin_empty"));
		return 1;
	}
	line[strcspn(line, "\r\n")] = '\0';
	struct db *db = data_open(data);
	struct errs e = { 0 };
	int64_t id;
	if (!db)
		return 1;
	int rc = user_add(db, username, name, role, site, line, &e, &id);
	memset(line, 0, sizeof(line));
	if (rc) {
		cli_print_errs("user add", &e);
		db_close(db);
		return 1;
	}
	printf("account %s created (role %s%s%s); the password must be changed at first sign-in\n", username,
	       role, site ? " on " : "", site ? site : "");
	db_close(db);
	return 0;
}

/* Parses the options of a command that takes only --data DIR (and --help). Returns DIR, or NULL
 * with *RC set to the exit status (0 after --help, 2 on a usage error). */
static const char *data_option(int argc, char **argv, const char *usage, int *rc)
{
	static const struct option opts[] = {
		{ "data", required_argument, NULL, 'd' }, { "help", no_argument, NULL, 'h' }, { 0 }
	};
	const char *data = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': data = optarg; break;
		case 'h': fputs(usage, stdout); *rc = 0; return NULL;
		default: fputs(usage, stderr); *rc = 2; return NULL;
		}
	}
	if (!data) {
		fputs(usage, stderr);
		*rc = 2;
	}
	return data;
}

static const char reindex_usage[] =
	"usage: cong reindex --data DIR\n"
	"\n"
	"Rebuilds the search index of every published item, showing progress, and derives again what\n"
	"items of every kind but news keep beside their fields (identifiers, filter values, relations,\n"
	"a legal document's validity). Both are kept in step on their own; run it after restoring a\n"
	"backup, an upgrade, or data changed by hand.\n"
	"\n"
	"The new index is built beside the live one, which a running `cong serve` keeps answering\n"
	"from (and keeping up to date) until the new one is complete and takes its place at once.\n"
	"Ctrl-C (or SIGTERM) stops it after the batch under way; the next `cong reindex`, or the next\n"
	"start of `cong serve`, goes on from there.\n";

static void reindex_stop(int sig)
{
	(void)sig;
	search_reindex_cancel(); /* an atomic store: safe in a handler */
}

static void reindex_progress(int64_t done, int64_t total, void *arg)
{
	const int width = 40;
	int filled = total ? (int)(done * width / total) : width;
	(void)arg;
	fprintf(stderr, "\r[%.*s%*s] %3d%% %lld/%lld", filled, "########################################",
		width - filled, "", total ? (int)(done * 100 / total) : 100, (long long)done, (long long)total);
	fflush(stderr);
}

int cmd_reindex(int argc, char **argv)
{
	int rc = 1;
	const char *data = data_option(argc, argv, reindex_usage, &rc);
	if (!data)
		return rc;
	struct db *db = data_open(data);
	if (!db)
		return 1;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct sigaction sa, old_int, old_term;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = reindex_stop;
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	rc = search_reindex(db, isatty(2) ? reindex_progress : NULL, NULL);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	if (rc == 1) {
		db_close(db);
		fprintf(stderr, "%scong reindex: stopped; run it again to go on from where it stopped (the old index answers"
			" meanwhile)\n", isatty(2) ? "\n" : "");
		return 1;
	}
	if (rc == 0)
		db_setting_set(db, "search_reindex_needed", "0");
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	/* and what items derive from their fields: identifiers, filter terms, links, validity */
	int64_t derived = rc ? -1 : item_derive_all(db, NULL, NULL);
	if (derived < 0)
		rc = -1;
	else
		db_setting_set(db, "items_derive_needed", "0");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	db_close(db);
	if (isatty(2))
		fputc('\n', stderr);
	if (rc) {
		fprintf(stderr, "cong reindex: the index could not be rebuilt (see the log above)\n");
		return 1;
	}
	printf("search index rebuilt in %.1f s, and %lld items derived again in %.1f s\n",
	       (double)(ts.tv_sec - t0.tv_sec) + (ts.tv_nsec - t0.tv_nsec) / 1e9, (long long)derived,
	       (double)(t1.tv_sec - ts.tv_sec) + (t1.tv_nsec - ts.tv_nsec) / 1e9);
	return 0;
}
