/* translations.h — the demo province's English pages (docs/languages.md). */
#ifndef CONG_DEMO_TRANSLATIONS_H
#define CONG_DEMO_TRANSLATIONS_H

struct db;

/* Turns English and Khmer on for the main portal and publishes English translations of its
 * introduction, a procedure and the newest news article, so that /en/ is not empty. 0, or -1
 * with a sentence on stderr. */
int demo_translations_load(struct db *db);

#endif
