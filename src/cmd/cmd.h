/* cmd.h — the subcommands of `cong` and what they share: opening the data folder. */
#ifndef CONG_CMD_H
#define CONG_CMD_H

#include "model/model.h"

struct db;

int cmd_init(int argc, char **argv);
int cmd_site(int argc, char **argv);
int cmd_user(int argc, char **argv);
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

/* Creates DIR if needed, opens DIR/cong.db and applies pending migrations. */
struct db *data_open(const char *dir);
/* "DIR/cong.db"; malloc'd. */
char *data_db_path(const char *dir);
/* Creates the data folder, the database and the main site (idempotent). */
int data_init(const char *dir, const char *domain, const char *main_name, int verbose);
/* Prints field errors of a model call, in Vietnamese, to stderr. */
void cli_print_errs(const char *what, const struct errs *e);
/* The message for a key of locale/vi.json (loaded from the app root). */
const char *cli_tr(const char *key);
/* Folder with templates/, static/ and locale/: $CONG_ROOT, else next to the binary or above. */
char *app_root_find(void);

#endif
