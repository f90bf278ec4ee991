/* money.h — amounts of Vietnamese đồng as people write them and as the portal shows them:
 * "1.250.000.000 đồng" (dots between groups of three, the unit after), typed also as
 * "1250000000", "1 250 000 000 đ", "1.250.000.000 VNĐ", "125,5 tỷ đồng", "800 triệu". Pure text
 * work: no I/O, no allocation. */
#ifndef CONG_VN_MONEY_H
#define CONG_VN_MONEY_H

#include <stddef.h>
#include <stdint.h>

/* The largest amount taken: a little under 10^18 đồng (no budget comes near it; the products of
 * "tỷ" stay inside int64). */
#define VN_MONEY_MAX 999999999999999999LL

/* Reads S (NFC, trimmed or not) as a whole number of đồng into *OUT: digits, optionally grouped
 * by three with '.' or spaces (U+0020, U+00A0, U+202F) — "1.250.000", "1 250 000", never
 * "1.25.000" —, or a number with a decimal comma and a scale word, "triệu" (10^6) or "tỷ"
 * (10^9; "tỉ" too), that comes to whole đồng ("125,5 tỷ", "1,25 triệu"); then optionally the
 * unit: "đồng", "đ", "VNĐ", "VND" (any case). No sign, no other text. 0, or -1 when S is not
 * such an amount or is above VN_MONEY_MAX (*OUT untouched). */
int vn_money_parse(const char *s, int64_t *out);

/* "1.250.000.000" (no unit) of AMOUNT >= 0 into BUF (28 bytes are always enough; a negative
 * amount is written with '-'). Returns BUF. */
char *vn_money_group(int64_t amount, char *buf, size_t n);

#endif
