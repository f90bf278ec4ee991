/* directory.h — the organisation's structure (kind "unit", /co-cau-to-chuc: a tree by each unit's
 * parent, a reference to another unit by its code) and its officials (kind "official", /can-bo),
 * with the press spokespeople among them: the descriptors' hooks (kinds.c) and the reads of the
 * tree, a unit's officials and the contact page (docs/directory.md). */
#ifndef CONG_MODEL_DIRECTORY_H
#define CONG_MODEL_DIRECTORY_H

#include <stdint.h>
#include <jansson.h>

struct db;
struct kind;
struct errs;

/* A unit's parent is not the unit itself. */
void unit_check(const struct kind *k, json_t *fields, struct errs *e);
/* A unit is not its own ancestor: the published chain of parents from the one chosen never comes
 * back to the unit's code (nor to ITEM_ID). */
int unit_check_store(struct db *db, const char *data_dir, int64_t site_id, int64_t item_id, const struct kind *k,
		     json_t *fields, struct errs *e);

/* SITE_ID's published units as a forest: [{id, slug, title, code, f, children: […]}], each level
 * in the order of "thu_tu" then the name; a unit whose parent is unknown (or in a loop the checks
 * did not see) is a root. NULL on a store error. */
json_t *directory_tree(struct db *db, int64_t site_id);
/* SITE_ID's published officials, in their order ("thu_tu", then the name): all of them (UNIT_ID 0),
 * those of published unit UNIT_ID (by its "don_vi" reference), or (UNIT_ID -1) the spokespeople.
 * [{id, slug, title, f}]; NULL on a store error. */
json_t *directory_officials(struct db *db, int64_t site_id, int64_t unit_id);
/* 1 when official fields F let the public see the mobile number ("cong_khai_di_dong" = "co"). */
int official_mobile_public(json_t *f);

#endif
