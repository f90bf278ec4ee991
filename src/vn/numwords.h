/* numwords.h — numbers and amounts of đồng in Vietnamese words, as statements and receipts write
 * their totals ("Một triệu hai trăm ba mươi bốn nghìn đồng"). Pure text work: no I/O, no
 * allocation. */
#ifndef CONG_VN_NUMWORDS_H
#define CONG_VN_NUMWORDS_H

#include <stddef.h>
#include <stdint.h>

/* A zero tens digit before a units digit reads "linh" (the northern usage, the default) or, with
 * VN_WORDS_LE, "lẻ" (the southern): 105 "một trăm linh năm" / "một trăm lẻ năm". */
#define VN_WORDS_LE 1

/* Enough for any int64 (19 digits: under 400 bytes of words). */
#define VN_WORDS_MAX 512

/* N >= 0 in words, lower case, into BUF (N bytes; VN_WORDS_MAX is always enough), by the usual
 * rules: groups of three named nghìn, triệu, tỷ (10^12 "một nghìn tỷ", 10^18 "một tỷ tỷ"); a
 * group after the first with no hundreds reads "không trăm" (1 005: "một nghìn không trăm linh
 * năm"); an empty group is not read (1 000 000: "một triệu"); 10–19 "mười …", 20– "… mươi"; a
 * units 1 after "mươi" is "mốt", a units 5 after a tens digit is "lăm" ("mười lăm", "hai mươi
 * lăm"); a zero tens digit before a units digit "linh" (or "lẻ", FLAGS). Returns BUF; a negative
 * N is written with "âm" first. */
char *vn_number_words(int64_t n, int flags, char *buf, size_t len);

/* AMOUNT in đồng as a total in words: capitalised, "đồng" after: "Một triệu hai trăm ba mươi bốn
 * nghìn đồng", "Không đồng". Returns BUF. */
char *vn_amount_words(int64_t amount, int flags, char *buf, size_t len);

#endif
