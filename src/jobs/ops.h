/* ops.h — the scheduler's daily care of the audit log: its anchor outside the database and its
 * archive after the retention (model/ops.h). */
#ifndef CONG_JOBS_OPS_H
#define CONG_JOBS_OPS_H

#include <stdint.h>

struct db;

/* Once a Vietnam day (whatever restarts happen: the anchors file says whether today's is
 * written): appends the chain's head to DATA/audit-anchors and logs it, then archives the
 * records past the retention. DATA_DIR holds the anchors. */
void ops_daily(struct db *db, const char *data_dir, int64_t now);

#endif
