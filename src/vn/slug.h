/* slug.h — Vietnamese text folding and slugs: "Xã Châu Thành" → "chauthanh", titles → "tin-moi". */
#ifndef CONG_VN_SLUG_H
#define CONG_VN_SLUG_H

/* Lower case, no diacritics, đ → d; everything else kept. Returns malloc'd string, or NULL if S
 * is not valid UTF-8. */
char *vn_fold(const char *s);

/* URL slug of a title: folded, [a-z0-9] runs joined by '-', at most 80 bytes, never empty
 * ("bai-viet" when nothing is left). Returns malloc'd string. */
char *vn_slug(const char *s);

/* Host-name label for a site (VL Đ5, ĐT Đ4, BT Đ5): communes and districts drop the unit word
 * ("Xã Châu Thành" → "chauthanh", "Huyện Long Hồ" → "longho"); departments and other bodies use
 * the initials ("Sở Nội vụ" → "snv", "Sở Giáo dục và Đào tạo" → "sgddt"). KIND may be NULL:
 * it is then inferred from the name. Returns malloc'd string, or NULL if nothing usable remains. */
char *vn_site_slug(const char *name, const char *kind);

/* The kind a name suggests: "commune", "district" or "department". */
const char *vn_site_kind_guess(const char *name);

/* 1 if S is a valid site slug: 1–63 chars of [a-z0-9-], not starting or ending with '-'. */
int vn_site_slug_valid(const char *s);

/* One placement of the tone mark (hoà = hòa, thuỷ = thủy, quý = qúy): the tone of oa, oe, uy
 * and of qu + vowel on the second vowel. Returns a malloc'd NFC string, or NULL if S is not UTF-8. */
char *vn_tone_normalize(const char *s);

#endif
