/* diff.h — word-level differences between two revisions of an article's text, rendered as HTML
 * for the editors' "compare revisions" page (Myers' O((N+M)·D) algorithm in linear space).
 * Thread-safe: no shared mutable state. */
#ifndef CONG_DIFF_H
#define CONG_DIFF_H

#include "base/sb.h"

/* Appends to OUT an HTML rendering of the changes from A to B (UTF-8 plain text): unchanged runs
   escaped as is, removed words in <del>…</del>, added words in <ins>…</ins>; line breaks kept as
   "\n" (the template shows it in a pre-wrap block). Words are runs of non-space characters; the
   spaces between them belong to the run they follow. Returns the number of changed runs (0 when
   equal). Must be O((N+M)·D) (Myers) or better with a cap: above 20,000 words per side, fall back to
   one <del>A</del><ins>B</ins> block rather than burning CPU.

   Details of this implementation:
   - spaces are ASCII white space and the Unicode spaces (U+00A0 from "&nbsp;", U+2000..U+200A,
     U+3000...); runs are matched on their word, so a run whose word is kept but whose following
     spaces changed shows the spaces as removed and added ("a<del> </del><ins>\n</ins>b");
   - the count is the number of runs removed plus runs added plus kept runs whose spaces changed;
   - removing the <del> blocks and unwrapping the <ins> ones gives B escaped, and the converse A;
   - the common start and end are found first, so the 20,000-word cap (and a budget of work that
     stops Myers on texts with very many small changes) applies to the part that differs. */
int diff_words_html(const char *a, const char *b, struct sb *out);

/* The cap above, for tests. */
#define DIFF_MAX_WORDS 20000

#endif
