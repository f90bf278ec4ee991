/* polls.h — the demo province's polls and satisfaction ratings (docs/ratings-polls.md). */
#ifndef CONG_DEMO_POLLS_H
#define CONG_DEMO_POLLS_H

struct db;

/* Publishes an open poll on the main portal, a closed one with its votes on the Sở Nội vụ's
 * site, and three months of ratings of both sites (from made-up browsers: no real address). 0, or
 * -1 with a sentence on stderr. */
int demo_polls_load(struct db *db);

#endif
