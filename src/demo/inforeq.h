/* inforeq.h — the demo province's requests for information (docs/information-requests.md). */
#ifndef CONG_DEMO_INFOREQ_H
#define CONG_DEMO_INFOREQ_H

struct db;

/* Sends the demo's requests for information to the Sở Nội vụ and the provincial portal, some
 * days ago, and takes them through their steps (accepted, extended, provided, refused) so that
 * the register, the inbox and the deadline lists show each state. 0, or -1 with a sentence on
 * stderr. */
int demo_inforeq_load(struct db *db);

#endif
