/* draft.h — the articles of a draft legal document ("Điều 1. Phạm vi điều chỉnh") found in its
 * full text as the editor wrote it (sanitised HTML, or plain text), so that a comment may name
 * the article it is about (docs/consultation.md).
 *
 * An article heading is "Điều" followed by spaces (or no-break spaces), a number of 1 to 4 digits
 * and "." or ":", at the start of a block: the first text of a paragraph, heading, list item or
 * division, of a line after <br> or a line break; "theo Điều 5." inside a sentence is a reference,
 * not a heading. The title is the rest of the block's text, tags dropped, the common entities
 * decoded, at most DRAFT_TITLE_MAX bytes (cut between characters). */
#ifndef CONG_VN_DRAFT_H
#define CONG_VN_DRAFT_H

#include <stddef.h>

#define DRAFT_ARTICLES_MAX 1000
#define DRAFT_TITLE_MAX 160

struct draft_article {
	int number;                      /* 1..9999 */
	char title[DRAFT_TITLE_MAX + 1]; /* "Phạm vi điều chỉnh", "" when none */
};

/* The articles of TEXT (LEN bytes, any bytes) in the order they appear, each number once (the
 * first heading of a number wins), at most MAX of them written to OUT. Returns how many. */
size_t draft_articles(const char *text, size_t len, struct draft_article *out, size_t max);

#endif
