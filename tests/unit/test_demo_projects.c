/* test_demo_projects.c — the demo's projects, packages and science tasks (demo/projects.c) are
 * valid as the form takes them, each package names a project of the table, each status of each
 * kind has at least one row, and the reports make a PDF the library recognises. */
#include "t.h"
#include "demo/projects.h"
#include "model/kind.h"
#include "model/model.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *value_of(const struct demo_kind_item *d, const char *key)
{
	for (const char *const *kv = d->fields; kv[0] && kv[1]; kv += 2)
		if (strcmp(kv[0], key) == 0)
			return kv[1];
	return NULL;
}

TEST(demo_projects_are_valid)
{
	for (size_t i = 0; i < demo_project_nitems; i++) {
		const struct demo_kind_item *d = &demo_project_items[i];
		const struct kind *k = kind_find(d->kind);
		if (!CHECK(k != NULL))
			continue;
		json_t *raw = json_object(), *out = NULL;
		for (const char *const *kv = d->fields; kv[0] && kv[1]; kv += 2) {
			CHECK(kind_field(k, kv[0]) != NULL);
			/* a report: the library's file id cong demo stores it as */
			json_object_set_new(raw, kv[0], strncmp(kv[1], "@pdf:", 5) == 0 ? json_string("1") : json_string(kv[1]));
		}
		struct errs e = { 0 };
		kind_fields_clean(k, raw, &out, &e);
		if (!CHECK(e.n == 0))
			fprintf(stderr, "  demo %s \"%s\": %s %s\n", d->kind, d->title, e.e[0].field, e.e[0].key);
		CHECK(d->title && *d->title && strlen(d->title) < 300);
		json_decref(raw);
		json_decref(out);
		if (strcmp(d->kind, "bidding") == 0) { /* its project is a row of the table */
			const char *code = value_of(d, "du_an");
			int found = 0;
			for (size_t j = 0; code && j < demo_project_nitems; j++)
				found |= strcmp(demo_project_items[j].kind, "project") == 0 &&
					 value_of(&demo_project_items[j], "ma_du_an") &&
					 strcmp(value_of(&demo_project_items[j], "ma_du_an"), code) == 0;
			CHECK(found);
		}
	}
	static const char *const states[][2] = {
		{ "project", "chuan-bi" }, { "project", "dang-thuc-hien" }, { "project", "hoan-thanh" },
		{ "bidding", "moi-thau" }, { "bidding", "co-ket-qua" }, { "bidding", "huy" },
		{ "science", "dang-thuc-hien" }, { "science", "da-nghiem-thu" },
	};
	for (size_t s = 0; s < sizeof(states) / sizeof(states[0]); s++) {
		int n = 0;
		for (size_t i = 0; i < demo_project_nitems; i++)
			n += strcmp(demo_project_items[i].kind, states[s][0]) == 0 &&
			     strcmp(value_of(&demo_project_items[i], "trang_thai"), states[s][1]) == 0;
		CHECK(n > 0);
	}
}

TEST(demo_report_is_a_pdf)
{
	size_t len = 0;
	char *pdf = demo_report_pdf("bao-cao.pdf", "So Khoa hoc va Cong nghe", &len);
	struct errs e = { 0 };
	CHECK(pdf && len > 200 && memcmp(pdf, "%PDF-1.4", 8) == 0);
	CHECK(media_file_check(pdf, len, &e) == M_OK);
	/* the cross-reference table points at each object */
	const char *xref = strstr(pdf, "\nxref\n");
	CHECK(xref != NULL);
	for (int obj = 1; xref && obj <= 5; obj++) {
		char want[16];
		snprintf(want, sizeof(want), "%d 0 obj", obj);
		long off = strtol(xref + 6 + 4 + 20 * obj, NULL, 10); /* after "0 6\n", 20 bytes an entry */
		CHECK(off > 0 && (size_t)off < len && strncmp(pdf + off, want, strlen(want)) == 0);
	}
	free(pdf);
}
