/* test_units.c — the demo province's administrative units (src/vn/units_vl.c, vn/units.h) against
 * the General Statistics Office's list as npm dvhcvn has it: $(BUILD)/gen/gso_units.c, generated
 * at build time from node_modules/dvhcvn by tools/gso-units.sh (names NFC, runs of spaces made
 * one). Every district-level unit and every commune, ward and town: code, name with its type,
 * parent, order; nothing missing, nothing extra. The expected data is not written here: it is the
 * package's. Also the drawing's boxes. */
#include "t.h"
#include "vn/units.h"
#include "base/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* as tools/gso-units.sh writes them */
struct gso_unit {
	const char *code, *parent, *type, *name;
};
extern const char *const gso_version;
extern const struct gso_unit gso_province;
extern const struct gso_unit gso_units[];
extern const size_t gso_nunits;

static int is_nfc(const char *s)
{
	char *n = utf8_nfc(s, strlen(s));
	int ok = n && strcmp(n, s) == 0;
	free(n);
	return ok;
}

/* the name begins with one of the types (a space-separated prefix) and that type is `type` */
static int has_type(const char *name, const char *type, const char *const *types)
{
	int ok = 0;
	for (const char *const *t = types; *t; t++) {
		size_t n = strlen(*t);
		if (strncmp(name, *t, n) == 0 && name[n] == ' ' && name[n + 1] != '\0')
			ok = strcmp(*t, type) == 0;
	}
	return ok;
}

static const char *const district_types[] = { "Thành phố", "Thị xã", "Huyện", "Quận", NULL };
static const char *const commune_types[] = { "Phường", "Xã", "Thị trấn", NULL };

static const struct admin_district *local_district(const char *code)
{
	for (size_t i = 0; i < admin_ndistricts; i++)
		if (strcmp(admin_districts[i].code, code) == 0)
			return &admin_districts[i];
	return NULL;
}

static const struct gso_unit *official(const char *code)
{
	for (size_t i = 0; i < gso_nunits; i++)
		if (strcmp(gso_units[i].code, code) == 0)
			return &gso_units[i];
	return NULL;
}

TEST(units_the_province_is_the_gso_list_s)
{
	CHECK(gso_nunits > 0);
	CHECK_STR(admin_province_code, gso_province.code);
	CHECK_STR(admin_province_name, gso_province.name);
	/* the source the page shows names the list's date: dvhcvn 1.2.YYYYMMDD is DD/MM/YYYY */
	const char *v = strrchr(gso_version, '.');
	char date[16] = "";
	if (v && strlen(v + 1) == 8)
		snprintf(date, sizeof(date), "%.2s/%.2s/%.4s", v + 7, v + 5, v + 1);
	CHECK(date[0] && strstr(admin_units_source, date));
	if (!date[0] || !strstr(admin_units_source, date))
		printf("    the list is dvhcvn %s; units.c says \"%s\"\n", gso_version, admin_units_source);
}

TEST(units_districts_as_the_gso_list_has_them)
{
	size_t k = 0; /* the official districts in order */
	for (size_t i = 0; i < gso_nunits; i++) {
		const struct gso_unit *o = &gso_units[i];
		if (strcmp(o->parent, gso_province.code) != 0)
			continue;
		CHECK(has_type(o->name, o->type, district_types)); /* the package's own consistency */
		const struct admin_district *d = local_district(o->code);
		if (!CHECK(d != NULL)) {
			printf("    missing in units_vl.c: %s %s\n", o->code, o->name);
			continue;
		}
		CHECK_STR(d->name, o->name);
		CHECK(is_nfc(d->name));
		CHECK(has_type(d->name, o->type, district_types));
		if (!CHECK(k < admin_ndistricts && &admin_districts[k] == d))
			printf("    out of the list's order: %s %s\n", o->code, o->name);
		k++;
	}
	for (size_t i = 0; i < admin_ndistricts; i++) {
		const struct gso_unit *o = official(admin_districts[i].code);
		if (!CHECK(o && strcmp(o->parent, gso_province.code) == 0))
			printf("    not in the GSO list: %s %s\n", admin_districts[i].code, admin_districts[i].name);
	}
	CHECK(k == admin_ndistricts);
}

TEST(units_communes_as_the_gso_list_has_them)
{
	size_t nofficial = 0, nlocal = 0;
	for (size_t i = 0; i < gso_nunits; i++) {
		const struct gso_unit *o = &gso_units[i];
		const struct gso_unit *op = official(o->parent);
		if (!op || strcmp(op->parent, gso_province.code) != 0)
			continue; /* a district, not a commune */
		nofficial++;
		CHECK(has_type(o->name, o->type, commune_types));
		const struct admin_district *d = local_district(o->parent);
		const struct admin_unit *c = NULL;
		size_t pos = 0;
		for (const struct admin_unit *u = d ? d->communes : NULL; u && u->code; u++, pos++)
			if (strcmp(u->code, o->code) == 0) {
				c = u;
				break;
			}
		if (!CHECK(c != NULL)) {
			printf("    missing in units_vl.c: %s %s (%s)\n", o->code, o->name, op->name);
			continue;
		}
		if (!CHECK_STR(c->name, o->name))
			printf("    (%s, %s)\n", o->code, op->name);
		CHECK(is_nfc(c->name));
		CHECK(has_type(c->name, o->type, commune_types));
		/* the list's order within the district: this one is the pos-th of its district */
		size_t opos = 0;
		for (size_t j = 0; j < i; j++)
			opos += strcmp(gso_units[j].parent, o->parent) == 0;
		if (!CHECK(pos == opos))
			printf("    out of the list's order: %s %s\n", o->code, o->name);
	}
	for (size_t i = 0; i < admin_ndistricts; i++)
		for (const struct admin_unit *u = admin_districts[i].communes; u->code; u++) {
			nlocal++;
			const struct gso_unit *o = official(u->code);
			if (!CHECK(o && strcmp(o->parent, admin_districts[i].code) == 0))
				printf("    not in the GSO list under %s: %s %s\n", admin_districts[i].name, u->code, u->name);
		}
	CHECK(nofficial > 0 && nlocal == nofficial);
	if (nlocal != nofficial)
		printf("    %zu communes, wards and towns in units_vl.c, %zu in the GSO list\n", nlocal, nofficial);
}

TEST(units_boxes_inside_the_drawing)
{
	for (size_t i = 0; i < admin_ndistricts; i++) {
		const struct admin_district *d = &admin_districts[i];
		CHECK(d->x >= 0 && d->y >= 0 && d->w > 0 && d->h > 0 && d->x + d->w <= 600 && d->y + d->h <= 420);
	}
}
