/* cmd.h — the subcommands of `cong` and what they share: opening the data folder. */
#ifndef CONG_CMD_H
#define CONG_CMD_H

#include "backup/pgdump.h"
#include "model/model.h"

struct db;

int cmd_init(int argc, char **argv);
int cmd_site(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_token(int argc, char **argv); /* token.c */
int cmd_serve(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_reindex(int argc, char **argv);
int cmd_remind(int argc, char **argv);
int cmd_calendar(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_kinds(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_restore(int argc, char **argv);
int cmd_links(int argc, char **argv);
int cmd_migrate(int argc, char **argv);
/* #16, the member sites hosted elsewhere (feeds.c) */
int cmd_feeds(int argc, char **argv);

/* Opens DIR/cong.db and applies pending migrations; refuses (with a sentence on stderr, NULL) a
 * DIR that does not exist or holds no cong.db: only data_init() creates one. */
struct db *data_open(const char *dir);
/* For commands that only read: opens DIR/cong.db read-only (immutable when DIR cannot be
 * written), applies nothing, refuses a database that needs an upgrade. */
struct db *data_open_readonly(const char *dir);
/* The database of DIR: --db when given, else the PostgreSQL URL DIR/database.url records
 * (DATA_DB_URL_FILE, written by pgd_url_record: `cong init --db`), else "DIR/cong.db";
 * malloc'd. */
char *data_db_path(const char *dir);
/* --db SPEC given on the command line (main.c): a PostgreSQL URL or a SQLite file. */
void data_db_given(const char *spec);
/* That --db SPEC, or NULL when none was given. */
const char *data_db_option(void);
/* Creates the data folder, the database and the main site (idempotent). */
int data_init(const char *dir, const char *domain, const char *main_name, int verbose);
/* Prints field errors of a model call, in Vietnamese, to stderr. */
void cli_print_errs(const char *what, const struct errs *e);
/* The message for a key of locale/vi/ (loaded from the app root). */
const char *cli_tr(const char *key);
/* Every language's texts as `cong serve` loads them (kind_locale_load), loaded once. */
const json_t *cli_locales(void);
/* Folder with templates/, static/ and locale/: $CONG_ROOT, else next to the binary or above. */
char *app_root_find(void);

/* `cong serve`'s argument checks (serve.c). --listen: "ADDR:PORT" or "[V6]:PORT", port 1..65535,
 * an address that resolves; 0 or a sentence in WHY. --trust-proxy: the canonical text of an IPv4
 * or IPv6 address as the server compares peers (malloc'd), NULL when S is not one. */
int serve_listen_check(const char *listen, char *why, size_t n);
char *serve_proxy_address(const char *s);

#endif
