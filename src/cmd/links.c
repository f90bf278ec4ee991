/* links.c — `cong links`: the dead-link check of the links kind run now (the server runs it by
 * itself once a day: jobs/links_job.h), and the broken links per site. docs/links.md. */
#include "cmd.h"
#include "base/util.h"
#include "db/db.h"
#include "model/links.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static const char links_usage[] =
	"usage: cong links check --data DIR [--site SLUG] [--due] [--allow-private] [--timeout SECONDS]\n"
	"       cong links broken --data DIR [--site SLUG]\n"
	"\n"
	"check    asks every published link's address now (HEAD, then GET when HEAD is refused;\n"
	"         redirects followed up to the setting links_max_redirects, default 5) and keeps\n"
	"         the results; prints the broken ones. The server does it daily by itself.\n"
	"broken   prints the links whose newest check failed.\n"
	"\n"
	"  --site SLUG        one site's links (default: every site)\n"
	"  --due              only links not checked for 20 hours (what the daily run checks)\n"
	"  --allow-private    reach loopback and private networks too (default: the setting\n"
	"                     links_allow_private; refused otherwise, against server-side request forgery)\n"
	"  --timeout SECONDS  for one address, 1..120 (default: the setting links_timeout, else 15)\n";

static void print_broken(json_t *rows, const char *slug)
{
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		const char *d = json_string_value(json_object_get(row, "detail"));
		printf("  %-12s %s — %s: %s%s%s\n", slug, json_string_value(json_object_get(row, "url")),
		       json_string_value(json_object_get(row, "title")), cli_tr(json_string_value(json_object_get(row, "error"))),
		       d && *d ? " — " : "", d ? d : "");
	}
}

int cmd_links(int argc, char **argv)
{
	static const struct option opts[] = { { "data", required_argument, NULL, 'd' },
					      { "site", required_argument, NULL, 's' },
					      { "due", no_argument, NULL, 'u' },
					      { "allow-private", no_argument, NULL, 'p' },
					      { "timeout", required_argument, NULL, 't' },
					      { "help", no_argument, NULL, 'h' },
					      { 0 } };
	const char *data = NULL, *slug = NULL;
	int due = 0, allow = 0, c;
	int64_t timeout = 0;
	if (argc < 2 || (strcmp(argv[1], "check") != 0 && strcmp(argv[1], "broken") != 0)) {
		if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
			fputs(links_usage, stdout);
			return 0;
		}
		fputs(links_usage, stderr);
		return 2;
	}
	int check = strcmp(argv[1], "check") == 0;
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': data = optarg; break;
		case 's': slug = optarg; break;
		case 'u': due = 1; break;
		case 'p': allow = 1; break;
		case 't':
			if (parse_i64(optarg, 1, 120, &timeout)) {
				fprintf(stderr, "cong links: --timeout %s: thời gian chờ phải là số giây từ 1 đến 120\n", optarg);
				return 2;
			}
			break;
		case 'h': fputs(links_usage, stdout); return 0;
		default: fputs(links_usage, stderr); return 2;
		}
	}
	if (!data) {
		fputs(links_usage, stderr);
		return 2;
	}
	struct db *db = check ? data_open(data) : data_open_readonly(data);
	if (!db)
		return 1;
	int64_t site_id = 0;
	if (slug) {
		json_t *s = site_get_by_slug(db, slug);
		site_id = json_integer_value(json_object_get(s, "id"));
		json_decref(s);
		if (!site_id) {
			fprintf(stderr, "cong links: không có trang nào có mã %s (cong site list)\n", slug);
			db_close(db);
			return 1;
		}
	}
	int rc = 0;
	if (check) {
		struct link_check_opts o;
		int n = 0, bad = 0;
		link_check_opts_read(db, &o);
		if (allow)
			o.allow_private = 1;
		if (timeout)
			o.timeout = (long)timeout;
		if (links_check_run(db, NULL, site_id, due, &o, time_now(), &n, &bad)) {
			fprintf(stderr, "cong links: không ghi được kết quả kiểm tra vào cơ sở dữ liệu: %s\n", db_errmsg(db));
			rc = 1;
		} else {
			printf("đã kiểm tra %d liên kết, %d liên kết hỏng\n", n, bad);
		}
	}
	if (!rc) {
		json_t *sites = site_list(db);
		size_t i;
		json_t *s;
		json_array_foreach(sites, i, s) {
			int64_t id = json_integer_value(json_object_get(s, "id"));
			if (site_id && id != site_id)
				continue;
			json_t *rows = links_broken(db, &actor_cli, id, NULL, NULL);
			print_broken(rows, json_string_value(json_object_get(s, "slug")));
			json_decref(rows);
		}
		json_decref(sites);
	}
	db_close(db);
	return rc;
}
