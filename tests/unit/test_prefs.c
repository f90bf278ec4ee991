/* test_prefs.c — the display preferences' cookie (http/prefs.h) read and written, the kinds
 * marked open data (kind.open_data) and the open data facts of an empty site (model/opendata.h). */
#include "t.h"
#include "tdb.h"
#include "http/prefs.h"
#include "model/kind.h"
#include "model/opendata.h"
#include "model/model.h"
#include "db/db.h"

#include <stdio.h>
#include <stdlib.h>

TEST(prefs_cookie_round_trip)
{
	struct prefs p;
	char buf[32];
	for (int s = 0; s < PREFS_NSIZES; s++)
		for (int c = 0; c < 2; c++) {
			struct prefs in = { (enum prefs_size)s, c };
			prefs_format(&in, buf, sizeof(buf));
			prefs_parse(buf, &p);
			CHECK(p.size == in.size && p.contrast == in.contrast);
			CHECK((buf[0] == '\0') == !prefs_set(&in)); /* the defaults need no cookie */
		}
	prefs_parse("lon.cao", &p);
	CHECK(p.size == PREFS_SIZE_LARGE && p.contrast == 1);
	CHECK_STR(prefs_html_class(&p), "chu-lon tuong-phan-cao");
	prefs_parse("rat-lon.thuong", &p);
	CHECK_STR(prefs_html_class(&p), "chu-rat-lon");
	CHECK_STR(prefs_format(&p, buf, sizeof(buf)), "rat-lon.thuong");
}

TEST(prefs_anything_else_reads_as_the_defaults)
{
	/* a value that is not two words joined by one dot (a first word longer than any size is none)
	 * is the defaults; within one, an unknown
	 * word leaves its own part at the default and the other counts */
	static const struct {
		const char *value;
		enum prefs_size size;
		int contrast;
	} cases[] = {
		{ NULL, PREFS_SIZE_NORMAL, 0 },	       { "", PREFS_SIZE_NORMAL, 0 },
		{ "lon", PREFS_SIZE_NORMAL, 0 },       { ".", PREFS_SIZE_NORMAL, 0 },
		{ "lon.cao.cao", PREFS_SIZE_NORMAL, 0 }, { "...", PREFS_SIZE_NORMAL, 0 },
		{ "\"lon.cao\"", PREFS_SIZE_NORMAL, 0 }, { "rat-lon-rat-lon-rat-lon.cao", PREFS_SIZE_NORMAL, 0 },
		{ "khong-lo.cao", PREFS_SIZE_NORMAL, 1 }, { "lon.caoo", PREFS_SIZE_LARGE, 0 },
		{ "LON.CAO", PREFS_SIZE_NORMAL, 0 },   { "thuong.cao", PREFS_SIZE_NORMAL, 1 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct prefs p = { PREFS_SIZE_LARGER, 1 };
		prefs_parse(cases[i].value, &p);
		if (!CHECK(p.size == cases[i].size && p.contrast == cases[i].contrast))
			fprintf(stderr, "  %s: size %d contrast %d\n", cases[i].value ? cases[i].value : "(null)", (int)p.size,
				p.contrast);
	}
	CHECK(prefs_size_from_word("lon") == PREFS_SIZE_LARGE);
	CHECK(prefs_size_from_word("LON") == -1);
	CHECK(prefs_size_from_word(NULL) == -1);
	CHECK_STR(prefs_size_word((enum prefs_size)7), "thuong");
	char tiny[4];
	struct prefs big = { PREFS_SIZE_LARGER, 1 };
	prefs_format(&big, tiny, sizeof(tiny)); /* truncated, never overrun */
	CHECK(strlen(tiny) == 3);
}

TEST(opendata_kinds_and_an_empty_site)
{
	size_t n, marked = 0;
	const struct kind *const *ks = kind_all(&n);
	for (size_t i = 0; i < n; i++)
		marked += ks[i]->open_data;
	CHECK(marked == 4);
	CHECK(kind_find("legal")->open_data && kind_find("procedure")->open_data && kind_find("project")->open_data &&
	      kind_find("statistics")->open_data);
	CHECK(!kind_find("article")->open_data);

	struct db *db = t_fresh_db();
	CHECK(db != NULL);
	if (!db)
		return;
	int64_t site = t_add_site(db, "Sở Thử", "department", NULL), newest = -1;
	CHECK(opendata_newest(db, site, "legal", &newest) == 0 && newest == 0);
	CHECK(opendata_newest(db, 0, "procedure", &newest) == 0 && newest == 0);
	char *name, *url;
	opendata_licence(db, &name, &url);
	CHECK(name == NULL && url == NULL); /* the page names its locale's default */
	CHECK(db_setting_set(db, "open_data_licence", "Giấy phép mở") == 0);
	opendata_licence(db, &name, &url);
	CHECK_STR(name, "Giấy phép mở");
	free(name);
	free(url);
	/* set by the system administrator only, checked before anything is written */
	struct actor nobody = { .id = 1, .sysadmin = 0 };
	struct errs e = { 0 };
	CHECK(opendata_licence_set(db, &nobody, "X", "", &e) == M_DENIED);
	CHECK(opendata_licence_set(db, &actor_cli, "X", "ftp://x", &e) == M_INVALID && e.n == 1);
	struct errs e2 = { 0 };
	CHECK(opendata_licence_set(db, &actor_cli, "", "https://x.example/gp", &e2) == M_INVALID && e2.n == 1);
	struct errs e3 = { 0 };
	CHECK(opendata_licence_set(db, &actor_cli, "CC BY 4.0", "https://x.example/gp", &e3) == M_OK && e3.n == 0);
	opendata_licence(db, &name, &url);
	CHECK_STR(name, "CC BY 4.0");
	CHECK_STR(url, "https://x.example/gp");
	free(name);
	free(url);
	db_close(db);
}
