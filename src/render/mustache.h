/* mustache.h — the Mustache template engine behind every HTML page of Cổng.
 * Templates are parsed once into an immutable node tree (struct mus_set) and then rendered
 * any number of times, concurrently, against jansson data (spec v1.4 incl. inheritance). */
#ifndef CONG_MUSTACHE_H
#define CONG_MUSTACHE_H

#include <stddef.h>

#include <jansson.h>

#include "base/sb.h"

/*
 * Semantics worth knowing (the spec leaves them to the host language):
 *   - Falsy values are: missing keys, null, false, "", 0, 0.0 and []; everything else
 *     (including {}) is truthy — the JavaScript `!!data` rule the spec itself cites.
 *   - {{x}} escapes & < > " ' (sb_add_html); {{{x}}} and {{&x}} insert raw bytes.
 *   - Integers render in decimal, reals in the shortest form that round-trips (1.21),
 *     booleans as "true"/"false"; null, objects and arrays render as nothing.
 *   - Supported: sections, inverted sections, comments, set delimiters, partials, parents
 *     {{<x}} with blocks {{$x}}, and dynamic names {{>*x}} / {{<*x}}.  Not supported: lambdas.
 *   - Partials and parents resolve by name inside the same set; unknown ones render as "".
 *
 * Threading: after loading, a set is never modified by rendering, so any number of threads may
 * call mus_render() on the same set at once.  Rendering never changes the jansson reference
 * counts of CTX (it only borrows), so sharing a read-only CTX between threads is safe as well.
 * Adding templates to a set while other threads render from it is NOT safe.
 *
 * Limits (so that no template can crash or hang the server): templates larger than
 * MUS_MAX_SOURCE or nesting sections deeper than MUS_MAX_NESTING are syntax errors.  At render
 * time, expansion silently stops beyond MUS_MAX_PARTIAL_DEPTH nested partials/parents
 * (recursive partials), beyond MUS_MAX_RENDER_DEPTH nesting of any kind, and after
 * MUS_MAX_RENDER_STEPS rendered nodes or MUS_MAX_OUTPUT bytes per call: depth caps alone do not
 * bound the work, as a partial including itself twice grows exponentially.
 */
#define MUS_MAX_SOURCE (1u << 20)
#define MUS_MAX_NESTING 100
#define MUS_MAX_PARTIAL_DEPTH 64
#define MUS_MAX_RENDER_DEPTH 256
#define MUS_MAX_RENDER_STEPS (1u << 20)
#define MUS_MAX_OUTPUT ((size_t)32 << 20)

struct mus_set; /* a named set of parsed templates (partials resolve within the set) */

struct mus_set *mus_set_new(void);
void mus_set_free(struct mus_set *set);

/* Parse and add a template under NAME (replacing any template of that name).  On a syntax
 * error returns -1 and writes "NAME:LINE: message" into ERR (if ERRLEN > 0); 0 on success. */
int mus_set_add(struct mus_set *set, const char *name, const char *src, size_t len, char *err,
		size_t errlen);

/* Load every *.mustache file under DIR recursively; name = path relative to DIR without
 * ".mustache" (e.g. "public/article", "layout").  Hidden files and directories are skipped.
 * Returns 0, or -1 with a message in ERR on the first unreadable file or syntax error. */
int mus_set_load_dir(struct mus_set *set, const char *dir, char *err, size_t errlen);

int mus_set_has(const struct mus_set *set, const char *name);

/* Render template NAME with context CTX, appending to OUT.  Unknown partials render as empty
 * (per spec).  Returns 0, or -1 if NAME is unknown (OUT is then left untouched). */
int mus_render(const struct mus_set *set, const char *name, json_t *ctx, struct sb *out);

#endif
