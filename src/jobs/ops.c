/* ops.c — the scheduler's daily audit anchor and archive (ops.h). */
#include "jobs/ops.h"
#include "model/ops.h"
#include "base/log.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

void ops_daily(struct db *db, const char *data_dir, int64_t now)
{
	/* after a failure, try again in ten minutes, not every pass */
	static int64_t retry_at;
	if (now < retry_at)
		return;
	const char *dir = data_dir;
	if (audit_anchor_due(dir, now)) {
		struct audit_anchor a;
		if (audit_anchor_write(db, dir, now, "daily", &a) == 0) {
			/* and into the log, a second copy outside the database */
			log_info("audit: anchor %s: %lld records up to record %lld, hash %s", a.day, (long long)a.count,
				 (long long)a.last_id, a.hash);
			char why[512];
			int64_t n = 0;
			if (audit_archive(db, dir, &actor_cli, now, &n, why, sizeof(why)))
				log_error("audit: archive: %s", why);
			else if (n)
				log_info("audit: %lld record(s) older than %d months archived", (long long)n, audit_keep_months(db));
		} else {
			log_error("audit: today's anchor could not be written into %s/" AUDIT_ANCHORS_FILE, dir);
			retry_at = now + 600;
		}
	}
}
