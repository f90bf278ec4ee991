/* sections.c — the sections of a site's menu and home page; see sections.h. */
#include "internal.h"
#include "sections.h"
#include "kind.h"
#include "db/db.h"
#include "base/sb.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

size_t site_sections(struct db *db, int64_t site_id, const struct kind **out, size_t max, int *chosen)
{
	size_t n = 0, nk;
	const struct kind *const *all = kind_all(&nk);
	struct db_stmt *st = db_stmt(db, "SELECT kinds FROM site_sections WHERE site_id = ?");
	char *kinds = NULL;
	if (st) {
		db_bind_int(st, 1, site_id);
		if (db_step(st) == DB_ROW)
			kinds = xstrdup(db_col_text(st, 0));
		db_reset(st);
	}
	if (chosen)
		*chosen = kinds != NULL;
	if (!kinds) {
		for (size_t i = 0; i < nk && n < max; i++)
			out[n++] = all[i];
		return n;
	}
	char *save = NULL;
	for (char *t = strtok_r(kinds, ",", &save); t && n < max; t = strtok_r(NULL, ",", &save)) {
		const struct kind *k = kind_find(t);
		int dup = 0;
		for (size_t j = 0; j < n; j++)
			dup |= out[j] == k;
		if (k && !dup)
			out[n++] = k;
	}
	free(kinds);
	return n;
}

int site_section_on(struct db *db, int64_t site_id, const char *kind)
{
	const struct kind *ks[64];
	size_t n = site_sections(db, site_id, ks, 64, NULL);
	for (size_t i = 0; i < n; i++)
		if (strcmp(ks[i]->name, kind) == 0)
			return 1;
	return 0;
}

int site_sections_set(struct db *db, const struct actor *a, int64_t site_id, const char *const *names, size_t n,
		      struct errs *e)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	struct sb list = SB_INIT;
	for (size_t i = 0; i < n; i++) {
		int dup = 0;
		for (size_t j = 0; j < i; j++)
			dup |= strcmp(names[i], names[j]) == 0;
		if (!kind_find(names[i]) || dup) {
			errs_add(e, "sections", "sections_unknown");
			sb_release(&list);
			return M_INVALID;
		}
		sb_addf(&list, "%s%s", i ? "," : "", names[i]);
	}
	if (db_begin(db)) {
		sb_release(&list);
		return M_ERROR;
	}
	struct db_stmt *st = db_stmt(db, "INSERT INTO site_sections (site_id, kinds, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4)"
				       " ON CONFLICT (site_id) DO UPDATE SET kinds = excluded.kinds,"
				       " updated_by = excluded.updated_by, updated_at = excluded.updated_at");
	int rc = M_ERROR;
	if (st) {
		db_bind_int(st, 1, site_id);
		db_bind_text(st, 2, list.buf ? list.buf : "");
		if (a->id)
			db_bind_int(st, 3, a->id);
		db_bind_int(st, 4, time_now());
		if (!db_step_done(st) && !audit_write(db, a, site_id, "site.sections", "", list.buf ? list.buf : ""))
			rc = M_OK;
	}
	if (rc == M_OK && db_commit(db))
		rc = M_ERROR;
	else if (rc != M_OK)
		db_rollback(db);
	sb_release(&list);
	return rc;
}
