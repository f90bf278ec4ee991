/* directory.h — the demo province's organisation structure, officials, leaders' weekly schedules
 * and citizen-reception sessions (docs/directory.md, docs/schedules.md), as static tables. The
 * units are the real structure of the province's administration (UBND tỉnh, its Văn phòng, the
 * departments; the Sở Nội vụ's own offices); the people are invented (DEMO) — the names the demo
 * sites already give their responsible persons, and others —, as are every phone number and
 * address of a person. */
#ifndef CONG_DEMO_DIRECTORY_H
#define CONG_DEMO_DIRECTORY_H

#include <stddef.h>

struct demo_unit {
	const char *site, *code, *parent, *name, *functions, *address, *phone, *email, *head;
	int order;
};
extern const struct demo_unit demo_units[];
extern const size_t demo_nunits;

struct demo_official {
	const char *site, *name, *title, *unit, *phone, *mobile, *email;
	int mobile_public, spokesperson, order;
};
extern const struct demo_official demo_officials[];
extern const size_t demo_nofficials;

/* One entry of a leaders' week: WEEK 0 this week (-1 the one before, 1 the next), DAY 0 Monday … 6. */
struct demo_schedule_entry {
	const char *site;
	int week, day;
	const char *from, *to, *content, *leader, *place, *unit, *participants;
};
extern const struct demo_schedule_entry demo_schedule[];
extern const size_t demo_nschedule;

/* A reception session MONTHS months from this one (0 this month) on day DAY; RESULT NULL when
 * it has not taken place. */
struct demo_reception {
	const char *site;
	int months, day;
	const char *time, *leader, *place, *result;
};
extern const struct demo_reception demo_receptions[];
extern const size_t demo_nreceptions;

#endif
