/* consultation.h — the demo province's consultations on drafts (docs/consultation.md): one open
 * on the Sở Giáo dục và Đào tạo's site and one closed on the main portal with its summary, each
 * with comments from citizens, most accepted, one waiting in the inbox. */
#ifndef CONG_DEMO_CONSULTATION_H
#define CONG_DEMO_CONSULTATION_H

struct db;

/* Publishes them and sends their comments (as on the day each was sent). 0, or -1 with a
 * sentence on stderr. */
int demo_consultation_load(struct db *db, const char *data);

#endif
