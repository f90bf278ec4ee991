/* citizens.h — what the demo province's citizens asked and reported, and how the boards
 * answered (model/ticket.h), loaded by `cong demo` (cmd/demo.c) through the model, as a
 * citizen and a board would: submitted, classified, forwarded, answered and published. */
#ifndef CONG_DEMO_CITIZENS_H
#define CONG_DEMO_CITIZENS_H

struct db;

/* Loads them into DATA's database (its secret.key seals the personal data). 0, or -1 with a
 * message on stderr. */
int demo_citizens_load(struct db *db, const char *data);

#endif
