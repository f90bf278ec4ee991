/* search_int.h — what search.c (the queries) and search_index.c (the index) share. */
#ifndef CONG_SEARCH_INT_H
#define CONG_SEARCH_INT_H

#include <stddef.h>

/* The filter tokens of SQLite's site_t column (migration 0053): an item's site (zsite42) and
 * kind (zkindlegal); never offered as suggestions. */
#define SITE_TOKEN "zsite"
#define KIND_TOKEN "zkind"
/* What joins the two words of a bigram token (title_b, body_b): U+01C2, a letter to FTS5's
 * unicode61 (so "cai\u01c2cach" is one token) that folding never makes. */
#define BIGRAM_SEP "\xc7\x82"

/* Lower case, NFC, one tone placement; malloc'd. */
char *search_word_normalize(const char *w);
/* Calls FN for every word of TEXT (runs of letters, marks and digits) with its byte range. */
void search_words_each(const char *text, void (*fn)(const char *w, size_t len, size_t off, void *arg), void *arg);
/* A kind's name as the letters and digits of its filter token ("zkind" + this); malloc'd. */
char *search_kind_token(const char *kind);

#endif
