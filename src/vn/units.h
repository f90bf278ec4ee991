/* units.h — the demo province's administrative units down to communes, for the administrative
 * boundary map page (/ban-do-hanh-chinh: TQ Đ4.6, VP Đ4.1). Real names of Vĩnh Long's district-
 * level units and their communes, wards and towns (the division before the 2025 reorganisation,
 * which the demo's district and commune sites follow). The geometry is NOT real: each district
 * is a box of a schematic layout (its place relative to the others, not its boundary), drawn by
 * the page and labelled as a schematic; a site's administrators publish the official map image
 * as a fixed page of type "Bản đồ hành chính" instead (docs/links.md). */
#ifndef CONG_VN_UNITS_H
#define CONG_VN_UNITS_H

#include <stddef.h>

struct admin_district {
	const char *name;            /* "Huyện Long Hồ" */
	const char *const *communes; /* "Thị trấn Long Hồ", "Xã An Bình", …; NULL-terminated */
	int x, y, w, h;              /* the schematic box, in a 600 × 420 drawing */
};

extern const char *const admin_province_name; /* "Tỉnh Vĩnh Long" */
extern const struct admin_district admin_districts[];
extern const size_t admin_ndistricts;

#endif
