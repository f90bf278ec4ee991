/* feeds.c — `cong feeds`: the register of member sites hosted elsewhere from the command line
 * (model/extfeeds.h, docs/external-feeds.md). The command line acts as the system
 * administrator: every change audited as "cli", as the admin page's are. */
#include "cmd.h"
#include "model/extfeeds.h"
#include "base/util.h"
#include "db/db.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static const char feeds_usage[] =
	"usage: cong feeds list --data DIR [--site SLUG]\n"
	"       cong feeds add --data DIR --name NAME --home URL --feed URL [--site SLUG] [--interval MIN]\n"
	"       cong feeds pull --data DIR (ID | --site SLUG)\n"
	"       cong feeds remove --data DIR ID\n"
	"\n"
	"The main portal pulls the feeds (RSS, Atom, JSON Feed) of its member sites hosted elsewhere\n"
	"and shows their news with their source (the admin page /quan-tri/trang-ngoai). list shows the\n"
	"register with each feed's state; add registers a site (--site: the portal's site of the unit\n"
	"it belongs to; --interval: minutes between two pulls, else the installation's); pull fetches\n"
	"a feed now and waits for the result (--site: every feed of that unit); remove takes a site and\n"
	"its items off the portal.\n";

/* The id of the portal's site SLUG, 0 with a sentence when there is none. */
static int64_t unit_id(struct db *db, const char *what, const char *slug)
{
	json_t *s = site_get_by_slug(db, slug);
	int64_t id = s ? json_integer_value(json_object_get(s, "id")) : 0;
	json_decref(s);
	if (!id)
		fprintf(stderr, "cong feeds %s: --site %s: there is no such site\n", what, slug);
	return id;
}

static int feeds_list(struct db *db, int64_t unit)
{
	json_t *list = extsites_list(db, &actor_cli);
	if (!list) {
		fprintf(stderr, "cong feeds list: the register could not be read (see the log above)\n");
		return 1;
	}
	size_t i;
	json_t *s;
	printf("%-5s %-16s %-8s %-6s %-40s %s\n", "id", "last good pull", "every", "items", "name", "feed / last error");
	json_array_foreach(list, i, s) {
		if (unit && json_integer_value(json_object_get(s, "unit_site_id")) != unit)
			continue;
		char ok[40] = "-", every[16] = "default";
		if (json_integer_value(json_object_get(s, "last_ok_at")))
			time_format_vn(json_integer_value(json_object_get(s, "last_ok_at")), ok, sizeof(ok));
		if (json_is_integer(json_object_get(s, "interval_minutes")))
			snprintf(every, sizeof(every), "%lld min",
				 (long long)json_integer_value(json_object_get(s, "interval_minutes")));
		const char *err = json_string_value(json_object_get(s, "last_error"));
		printf("%-5lld %-16s %-8s %-6lld %-40s %s\n", (long long)json_integer_value(json_object_get(s, "id")), ok,
		       every, (long long)json_integer_value(json_object_get(s, "nitems")),
		       json_string_value(json_object_get(s, "name")), json_string_value(json_object_get(s, "feed_url")));
		if (err && *err)
			printf("%-5s %s (%s)\n", "", cli_tr(err), json_string_value(json_object_get(s, "last_detail")));
	}
	json_decref(list);
	return 0;
}

/* Pulls site ID now and says how it went: 0 when the feed was read. */
static int pull_one(struct db *db, int64_t id, const struct extfeed_opts *o)
{
	int changed = -1;
	int rc = extfeed_pull(db, id, o, time_now(), &changed);
	if (rc == M_NOTFOUND) {
		fprintf(stderr, "cong feeds pull: there is no member site %lld (cong feeds list)\n", (long long)id);
		return 1;
	}
	if (rc != M_OK) {
		fprintf(stderr, "cong feeds pull: the result of site %lld could not be stored (see the log above)\n",
			(long long)id);
		return 1;
	}
	json_t *s = extsite_get(db, &actor_cli, id);
	const char *name = json_string_value(json_object_get(s, "name"));
	if (changed < 0) {
		fprintf(stderr, "cong feeds pull: %s: %s (%s)\n", name ? name : "?",
			cli_tr(json_string_value(json_object_get(s, "last_error"))),
			json_string_value(json_object_get(s, "last_detail")));
		json_decref(s);
		return 1;
	}
	printf("%lld %s: %d change(s), %lld item(s) kept\n", (long long)id, name ? name : "?", changed,
	       (long long)json_integer_value(json_object_get(s, "nitems")));
	json_decref(s);
	return 0;
}

static int feeds_pull(struct db *db, int64_t id, int64_t unit)
{
	struct extfeed_opts o;
	extfeed_opts_read(db, &o);
	if (id)
		return pull_one(db, id, &o);
	json_t *list = extsites_list(db, &actor_cli);
	size_t i;
	json_t *s;
	int rc = 0, n = 0;
	json_array_foreach(list, i, s) {
		if (json_integer_value(json_object_get(s, "unit_site_id")) != unit)
			continue;
		n++;
		rc |= pull_one(db, json_integer_value(json_object_get(s, "id")), &o);
	}
	json_decref(list);
	if (!n) {
		fprintf(stderr, "cong feeds pull: that site has no member site hosted elsewhere (cong feeds list)\n");
		return 1;
	}
	return rc;
}

int cmd_feeds(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "data", required_argument, NULL, 'd' }, { "site", required_argument, NULL, 's' },
		{ "name", required_argument, NULL, 'n' }, { "home", required_argument, NULL, 'H' },
		{ "feed", required_argument, NULL, 'f' }, { "interval", required_argument, NULL, 'i' },
		{ "help", no_argument, NULL, 'h' },       { 0 }
	};
	const char *data = NULL, *site = NULL;
	struct extsite_input in = { 0 };
	int c;
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(feeds_usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	const char *sub = argv[1];
	if (strcmp(sub, "list") != 0 && strcmp(sub, "add") != 0 && strcmp(sub, "pull") != 0 &&
	    strcmp(sub, "remove") != 0) {
		fprintf(stderr, "cong feeds: %s: no such command (list, add, pull, remove)\n", sub);
		return 2;
	}
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': data = optarg; break;
		case 's': site = optarg; break;
		case 'n': in.name = optarg; break;
		case 'H': in.home_url = optarg; break;
		case 'f': in.feed_url = optarg; break;
		case 'i': in.interval = optarg; break;
		case 'h': fputs(feeds_usage, stdout); return 0;
		default: fputs(feeds_usage, stderr); return 2;
		}
	}
	int64_t id = 0;
	int wants_id = strcmp(sub, "remove") == 0 || (strcmp(sub, "pull") == 0 && !site);
	if (!data) {
		fprintf(stderr, "cong feeds %s: give --data DIR\n", sub);
		return 2;
	}
	if (wants_id && (optind + 1 != argc || parse_i64(argv[optind], 1, INT64_MAX, &id))) {
		fprintf(stderr, "cong feeds %s: give the member site's id (cong feeds list)%s\n", sub,
			strcmp(sub, "pull") == 0 ? " or --site SLUG" : "");
		return 2;
	}
	if (!wants_id && optind < argc) {
		fprintf(stderr, "cong feeds %s: %s: unexpected argument\n", sub, argv[optind]);
		return 2;
	}
	if (strcmp(sub, "add") == 0 && (!in.name || !in.home_url || !in.feed_url)) {
		fprintf(stderr, "cong feeds add: give --name NAME --home URL --feed URL\n");
		return 2;
	}
	struct db *db = data_open(data);
	if (!db)
		return 1;
	int64_t unit = 0;
	char unit_text[32] = "";
	if (site && !(unit = unit_id(db, sub, site))) {
		db_close(db);
		return 1;
	}
	snprintf(unit_text, sizeof(unit_text), "%lld", (long long)unit);
	int rc = 1;
	if (strcmp(sub, "list") == 0) {
		rc = feeds_list(db, unit);
	} else if (strcmp(sub, "pull") == 0) {
		rc = feeds_pull(db, id, unit);
	} else if (strcmp(sub, "add") == 0) {
		struct errs e = { 0 };
		in.unit = unit ? unit_text : "";
		int m = extsite_add(db, &actor_cli, &in, time_now(), &e, &id);
		if (m == M_INVALID)
			cli_print_errs("feeds add", &e);
		else if (m != M_OK)
			fprintf(stderr, "cong feeds add: the site could not be saved (see the log above)\n");
		else
			printf("member site %lld added; its feed is pulled at the server's next pass (or: cong feeds pull "
			       "%lld)\n", (long long)id, (long long)id);
		rc = m != M_OK;
	} else {
		int m = extsite_delete(db, &actor_cli, id);
		if (m == M_NOTFOUND)
			fprintf(stderr, "cong feeds remove: there is no member site %lld (cong feeds list)\n", (long long)id);
		else if (m != M_OK)
			fprintf(stderr, "cong feeds remove: the site could not be removed (see the log above)\n");
		else
			printf("member site %lld and its items removed\n", (long long)id);
		rc = m != M_OK;
	}
	db_close(db);
	return rc;
}
