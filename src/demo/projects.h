/* projects.h — the demo province's investment projects, their bidding packages and its science
 * and technology tasks (kinds project, bidding, science: docs/projects.md), as static tables of
 * field values by key, loaded through the model by `cong demo`. */
#ifndef CONG_DEMO_PROJECTS_H
#define CONG_DEMO_PROJECTS_H

#include <stddef.h>

struct demo_kind_item {
	const char *site;                /* site slug (demo_sites) */
	const char *kind;                /* "project", "bidding", "science" */
	const char *title, *body;        /* body: HTML with <p> only, or NULL */
	const char *const *fields;       /* key, value, key, value, …, NULL: as the form takes them; a
	                                  * value "@pdf:NAME" is a PDF stored in the site's library
	                                  * as NAME (demo_report_pdf), the field given its id */
};
extern const struct demo_kind_item demo_project_items[];
extern const size_t demo_project_nitems;

/* A small valid PDF (one A4 page, Helvetica) saying TITLE and LINE (ASCII: the standard
 * fonts have no Vietnamese), marked as demo content; malloc'd, its size in *LEN. */
char *demo_report_pdf(const char *title, const char *line, size_t *len);

#endif
