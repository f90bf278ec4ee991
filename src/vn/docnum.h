/* docnum.h — Vietnamese legal document numbers (số ký hiệu văn bản): one canonical key per
 * document ("12/2024/QĐ-UBND" → "12/2024/qd-ubnd"), and the many ways people type a number in a
 * search box ("QĐ 12/2024", "quyết định số 12/2024", "12 2024 qd ubnd") read as a query that an
 * index range scan on the keys can answer. Pure text work: no I/O, no allocation but the key. */
#ifndef CONG_VN_DOCNUM_H
#define CONG_VN_DOCNUM_H

#include <stddef.h>

#define DOCNUM_NUMBER_LEN 9 /* digits of a number once its leading zeros are dropped */
#define DOCNUM_GROUP_MAX 8  /* letter groups of one number ("ttlt-bnv-btc" has three) */
#define DOCNUM_GROUP_LEN 15 /* bytes of one group ("ubtvqh15" has eight) */
#define DOCNUM_YEAR_MIN 1945
#define DOCNUM_YEAR_MAX 2100

/* The key stored for a document's number: NUM/YEAR/GROUP-GROUP… ("12/2024/qd-ubnd",
 * "86/2015/qh13"), or NUM/GROUP-GROUP… when the number has no year ("1234/ubnd-kgvx").
 * Folded (lower case, no diacritics, đ and Ð → d, NFD as NFC), leading zeros dropped
 * ("05/2024/QĐ-UBND" → "5/2024/qd-ubnd"), any run of non-letters between parts read as one
 * separator ("12/2024/QĐ - UBND"). A year is a 4-digit 1945..2100 right after the number; a
 * group starts with a letter and may end in digits ("QH13"). One leading "Số"/"Số:" is skipped.
 * Returns a malloc'd key, or NULL when NUMBER is not a document number: no number first, number
 * 0 or longer than DOCNUM_NUMBER_LEN digits, no letter group, another number after the first (a
 * date: "12/2024/QĐ-UBND ngày 1/3/2024"), a group too long or too many, text that is not UTF-8
 * or not Latin. Deterministic and idempotent: the key of a key is the key itself. */
char *docnum_key(const char *number);

/* A search query read as a document number. */
struct docnum_query {
	char number[DOCNUM_NUMBER_LEN + 1]; /* digits, no leading zero, never "0" */
	int year;                           /* DOCNUM_YEAR_MIN..MAX, 0 when none was typed */
	size_t n_group;
	char group[DOCNUM_GROUP_MAX][DOCNUM_GROUP_LEN + 1]; /* folded, distinct, in typed order */
};

/* 1 when the whole query Q is a document number, with *OUT filled; 0 otherwise (*OUT zeroed).
 * Read: one number, the year when a 1945..2100 follows it, and around them
 *  - letter groups: those written onto the number ("12/2024/QĐ-UBND": always groups), and
 *    standalone ones that look like abbreviations — no vowel ("qd", "kgvx"), ending in digits
 *    ("QH13"), in capitals with no diacritic but Đ ("UBND", "BYT"; so "GIAO DUC 12/2024" is read
 *    as groups and matches nothing), a known body ("ubnd"), or joined by '-' to one that does
 *    ("QĐ-UBND"); "QĐ12/2024" is split into "QĐ" and 12;
 *  - type words, folded and in any case: quyết định → qd, nghị định → nd, thông tư → tt, thông tư
 *    liên tịch → ttlt, nghị quyết → nq, chỉ thị → ct, kế hoạch → kh, thông báo → tb, hướng dẫn → hd,
 *    báo cáo → bc; công văn, luật, bộ luật, pháp lệnh add no group (letters carry no type letters,
 *    laws end in QHnn);
 *  - "số", "văn bản", "ký hiệu", which only say a number is meant.
 * Gives 0: no number, a second number ("ngày 15/3/2024"), any other word ("giáo dục", "QĐ 12/2024
 * về giáo dục": full-text search is for those), a lone year-like number without a year after it
 * and not written onto letters ("2024", "kế hoạch 2024"), and a number and year with nothing
 * else ("12/2024" may be a month) unless "số" or "văn bản" is there ("số 12/2024"). */
int docnum_query_parse(const char *q, struct docnum_query *out);

/* Writes into BUF the prefix every matching key starts with: "12/2024/", or "1234/" when no year
 * was typed. Returns its length, or -1 when N is too small (BUF then holds "" if N > 0); 16 bytes
 * always do. */
int docnum_query_prefix(const struct docnum_query *q, char *buf, size_t n);

/* 1 when KEY (made by docnum_key) is a document Q names: the same number, the same year when Q
 * has one, and every group of Q among the key's groups ("QĐ 12/2024" matches "12/2024/qd-ubnd",
 * not "12/2024/nd-cp"); 0 otherwise, also when KEY is not a key. */
int docnum_match(const struct docnum_query *q, const char *key);

#endif
