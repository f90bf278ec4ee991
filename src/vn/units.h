/* units.h — the demo province's administrative units down to communes, for the administrative
 * boundary map page (/ban-do-hanh-chinh: TQ Đ4.6, VP Đ4.1). Vĩnh Long's district-level units and
 * their communes, wards and towns with their GSO codes, as the General Statistics Office's list has
 * them on 01/03/2025 — before the July 2025 reorganisation, which the demo's district and commune
 * sites do not follow (units_vl.c; checked against npm dvhcvn by tests/unit/test_units.c). The
 * geometry is NOT real: each district is a box of a schematic layout (its place relative to the
 * others, not its boundary), drawn by the page and labelled as a schematic; a site's
 * administrators publish the official map image as a fixed page of type "Bản đồ hành chính"
 * instead (docs/links.md). */
#ifndef CONG_VN_UNITS_H
#define CONG_VN_UNITS_H

#include <stddef.h>

struct admin_unit {
	const char *code; /* the GSO code: 5 digits for a commune, ward or town ("29602") */
	const char *name; /* with its type, as the GSO writes it: "Thị trấn Long Hồ" */
};

struct admin_district {
	const char *code;                    /* the GSO code, 3 digits ("857") */
	const char *name;                    /* "Huyện Long Hồ" */
	const struct admin_unit *communes;   /* ends with { NULL, NULL } */
	int x, y, w, h;                      /* the schematic box, in a 600 × 420 drawing */
};

extern const char *const admin_province_name; /* "Tỉnh Vĩnh Long" */
extern const char *const admin_province_code; /* "86" */
extern const char *const admin_units_source;  /* where the list comes from and as of when (shown) */
extern const struct admin_district admin_districts[];
extern const size_t admin_ndistricts;

#endif
