/* calendar.c — `cong calendar`: a year's holidays and working days, adding working days to a
 * date, and editing the official per-year tables (the command line is trusted like the other
 * admin commands: it acts as actor_cli, and every change is audited by the model). */
#include "cmd.h"
#include "base/utf8.h"
#include "base/util.h"
#include "db/db.h"
#include "model/calendar.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static const char calendar_usage[] =
	"usage: cong calendar --year YEAR [--data DIR]\n"
	"       cong calendar --add DATE N [--data DIR]\n"
	"       cong calendar --set DATE off|work NAME --data DIR\n"
	"       cong calendar --unset DATE --data DIR\n"
	"       cong calendar --seed YEAR --data DIR\n"
	"\n"
	"The Vietnamese working-day calendar of state offices: Saturdays and Sundays are rest days, and\n"
	"so are the public holidays of Bộ luật Lao động 2019 (Điều 112: 1/1, Tết, 10/3 lunar, 30/4,\n"
	"1/5, 2/9 and a day beside it; a holiday on a weekend is made up on the next working day,\n"
	"Điều 111.3). A year with an official table (the days announced each year) follows its table\n"
	"alone: its days off, and its Saturdays or Sundays worked in exchange. Without --data only\n"
	"the rules apply. Dates are YYYY-MM-DD, years 1900 to 2100 (docs/calendar.md).\n"
	"\n"
	"  --year YEAR            the year's days off (date, weekday, name, from the rules or the\n"
	"                         official table) and its number of working days\n"
	"  --add DATE N           the date N working days after DATE (before it when N < 0)\n"
	"  --set DATE KIND NAME   put DATE into its year's official table as KIND: off (a day off)\n"
	"                         or work (a Saturday or Sunday worked in exchange)\n"
	"  --unset DATE           remove DATE from the official table\n"
	"  --seed YEAR            start YEAR's official table with the days off of the rules, to be\n"
	"                         edited into the announced ones with --set and --unset\n"
	"  --data DIR             the data folder holding the official tables\n";

enum calendar_op { OP_NONE, OP_YEAR, OP_ADD, OP_SET, OP_UNSET, OP_SEED };

struct calendar_args {
	enum calendar_op op;
	const char *data, *date, *kind, *name, *year, *n;
};

/* Takes the next argument of ARGV as one more value of the current option. */
static const char *next_arg(int argc, char **argv)
{
	return optind < argc ? argv[optind++] : NULL;
}

/* 0, 1 after --help, 2 on a usage error (printed). */
static int calendar_parse(int argc, char **argv, struct calendar_args *a)
{
	static const struct option opts[] = {
		{ "data", required_argument, NULL, 'd' },  { "year", required_argument, NULL, 'y' },
		{ "add", required_argument, NULL, 'a' },   { "set", required_argument, NULL, 's' },
		{ "unset", required_argument, NULL, 'u' }, { "seed", required_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },        { 0 }
	};
	int c, ops = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		ops += c != 'd' && c != 'h';
		switch (c) {
		case 'd': a->data = optarg; break;
		case 'y': a->op = OP_YEAR; a->year = optarg; break;
		case 'a':
			a->op = OP_ADD;
			a->date = optarg;
			a->n = next_arg(argc, argv); /* may be negative: not seen by getopt */
			break;
		case 's':
			a->op = OP_SET;
			a->date = optarg;
			a->kind = next_arg(argc, argv);
			a->name = next_arg(argc, argv);
			break;
		case 'u': a->op = OP_UNSET; a->date = optarg; break;
		case 'S': a->op = OP_SEED; a->year = optarg; break;
		case 'h': fputs(calendar_usage, stdout); return 1;
		default: fputs(calendar_usage, stderr); return 2;
		}
	}
	int needs_data = a->op == OP_SET || a->op == OP_UNSET || a->op == OP_SEED;
	if (ops != 1 || optind < argc || (a->op == OP_ADD && !a->n) || (a->op == OP_SET && !a->name) ||
	    (needs_data && !a->data)) {
		fputs(calendar_usage, stderr);
		return 2;
	}
	return 0;
}

static int parse_year(const char *s, int *year)
{
	int64_t v;
	if (parse_i64(s, VN_YEAR_MIN, VN_YEAR_MAX, &v)) {
		fprintf(stderr, "cong calendar: %s: %s\n", s, cli_tr("calendar_year_invalid"));
		return -1;
	}
	*year = (int)v;
	return 0;
}

/* Prints S and pads it with spaces to WIDTH characters (not bytes). */
static void print_padded(const char *s, size_t width)
{
	size_t n = utf8_length(s);
	fputs(s, stdout);
	for (; n < width; n++)
		fputc(' ', stdout);
}

static void print_day(const struct vn_calendar_day *d)
{
	char date[11], label[512];
	int off = d->kind == VN_DAY_OFF;
	const char *name = *d->name ? d->name : off ? "Ngày nghỉ" : "Ngày làm việc bù";
	snprintf(label, sizeof(label), "%s%s", name, off ? "" : " (làm việc)");
	vn_date_format(vn_days_to_date(d->day), date);
	printf("%s  ", date);
	print_padded(vn_weekday_name(vn_weekday(d->day)), 9);
	fputs("  ", stdout);
	print_padded(label, 34);
	printf("  %s\n", d->from_table ? "table" : "rules");
}

/* Prints the days of YEAR and its number of working days. */
static int year_cmd(const struct vn_calendar *c, int year)
{
	struct vn_calendar_day buf[VN_HOLIDAYS_MAX], *days = buf;
	int n = vn_calendar_days(c, year, buf, ARRAY_SIZE(buf));
	if (n > (int)ARRAY_SIZE(buf)) {
		days = xcalloc((size_t)n, sizeof(*days));
		vn_calendar_days(c, year, days, (size_t)n);
	}
	if (vn_calendar_has_table(c, year))
		printf("%d: the official table (%d %s)\n", year, n, n == 1 ? "day" : "days");
	else
		printf("%d: holidays by the rules (Bộ luật Lao động 2019, Điều 112 and 111.3)%s\n", year,
		       c ? "; no official table" : "");
	for (int i = 0; i < n; i++)
		print_day(&days[i]);
	printf("working days: %d\n", vn_calendar_working_days(c, year));
	if (days != buf)
		free(days);
	return 0;
}

static int add_cmd(const struct vn_calendar *c, const char *date, const char *n_arg)
{
	vn_date d;
	int64_t n;
	int32_t out;
	char buf[11];
	if (vn_date_parse(date, &d)) {
		fprintf(stderr, "cong calendar: %s: %s\n", date, cli_tr("calendar_day_invalid"));
		return 2;
	}
	if (parse_i64(n_arg, -100000, 100000, &n)) {
		fprintf(stderr, "cong calendar: %s: %s\n", n_arg, cli_tr("number_invalid"));
		return 2;
	}
	if (vn_calendar_add(c, vn_date_to_days(d), (int)n, &out)) {
		fprintf(stderr, "cong calendar: %s\n", cli_tr("calendar_day_range"));
		return 1;
	}
	vn_date_format(vn_days_to_date(out), buf);
	printf("%s\n", buf);
	return 0;
}

static void print_errs(const struct errs *e)
{
	for (int i = 0; i < e->n; i++)
		fprintf(stderr, "cong calendar: %s\n", cli_tr(e->e[i].key));
}

static int edit_cmd(struct db *db, const struct calendar_args *a)
{
	struct errs e = { 0 };
	int year = 0, rc;
	vn_date d;
	if (a->op == OP_SEED && parse_year(a->year, &year))
		return 2;
	if (a->op != OP_SEED && vn_date_parse(a->date, &d) == 0)
		year = d.y;
	struct vn_calendar *before = calendar_load(db);
	int had_table = vn_calendar_has_table(before, year);
	vn_calendar_free(before);
	if (a->op == OP_SET)
		rc = calendar_set(db, &actor_cli, a->date, a->kind, a->name, &e);
	else if (a->op == OP_UNSET)
		rc = calendar_unset(db, &actor_cli, a->date, &e);
	else
		rc = calendar_seed(db, &actor_cli, year, &e);
	if (rc == M_INVALID) {
		print_errs(&e);
		return 1;
	}
	if (rc == M_NOTFOUND) {
		fprintf(stderr, "cong calendar: %s: %s\n", a->date, cli_tr("calendar_not_found"));
		return 1;
	}
	if (rc != M_OK) {
		fprintf(stderr, "cong calendar: the change could not be saved (see the log above)\n");
		return 1;
	}
	if (a->op == OP_SET) {
		printf("%s: %s in the official table of %d\n", a->date, a->kind, year);
		if (!had_table)
			printf("%d now follows its official table alone: the rules' holidays of %d no longer count\n"
			       "(cong calendar --unset %s gives the year back to the rules)\n", year, year, a->date);
	} else if (a->op == OP_UNSET) {
		printf("%s removed from the official table of %d\n", a->date, year);
	} else {
		printf("%d: official table started from the rules\n", year);
	}
	return 0;
}

int cmd_calendar(int argc, char **argv)
{
	struct calendar_args a = { 0 };
	int rc = calendar_parse(argc, argv, &a), year = 0;
	if (rc)
		return rc == 1 ? 0 : rc;
	if (a.op == OP_YEAR && parse_year(a.year, &year))
		return 2;
	struct db *db = a.data ? (a.op == OP_YEAR || a.op == OP_ADD ? data_open_readonly(a.data) : data_open(a.data)) : NULL;
	if (a.data && !db)
		return 1;
	if (a.op == OP_YEAR || a.op == OP_ADD) {
		struct vn_calendar *c = NULL; /* the rules alone without a data folder */
		if (db && !(c = calendar_load(db))) {
			fprintf(stderr, "cong calendar: the official tables cannot be read\n");
			rc = 1;
		} else {
			rc = a.op == OP_YEAR ? year_cmd(c, year) : add_cmd(c, a.date, a.n);
		}
		vn_calendar_free(c);
	} else {
		rc = edit_cmd(db, &a);
	}
	if (db)
		db_close(db);
	return rc;
}
