/* project.h — investment projects (kind "project"), bidding packages ("bidding") and science and
 * technology tasks ("science"), kinds.c: the rules of their descriptors the fields cannot say
 * (docs/projects.md). */
#ifndef CONG_MODEL_PROJECT_H
#define CONG_MODEL_PROJECT_H

#include <jansson.h>

struct kind;
struct errs;

/* The end not before the start; a completed project has its end. */
void project_check(const struct kind *k, json_t *fields, struct errs *e);
/* Closing not before the issue, opening not before closing, the closing time hh:mm; closing
 * required while inviting bids openly; the result (winner, price not above the package's, day)
 * required once there is one; the reason required when cancelled. */
void bidding_check(const struct kind *k, json_t *fields, struct errs *e);
/* The end not before the start, the acceptance not before the start; once accepted, the
 * acceptance day and the two reports (files). */
void science_check(const struct kind *k, json_t *fields, struct errs *e);

#endif
