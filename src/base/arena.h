/* arena.h — a per-request memory arena for the JSON view data of public pages.
 *
 * A public page builds a few thousand small JSON values (rows, cards, the menu) and drops them
 * all when the page is written: with malloc that is a third of the page's cost. While an arena
 * is entered on a thread, jansson allocates from it by bumping a pointer, and frees become
 * no-ops; the whole arena goes back in one step when the request ends. Values made outside an
 * arena are plain malloc'd and freed as usual, so the two kinds may be mixed freely, as long as
 * nothing made inside an arena outlives it (public pages keep nothing: their output is bytes). */
#ifndef CONG_ARENA_H
#define CONG_ARENA_H

#include <stddef.h>

struct arena;

/* Routes jansson's allocations through the arena of the calling thread, if any. Once, at
 * start-up, before any JSON value exists. */
void arena_json_install(void);
/* Frees a string jansson returned (json_dumps), whichever allocator made it. */
void json_free_str(char *s);

struct arena *arena_new(void);
/* Releases every allocation of A at once (A may be NULL). */
void arena_free(struct arena *a);
/* Makes A the calling thread's arena; returns the one it replaces, for arena_leave. */
struct arena *arena_enter(struct arena *a);
void arena_leave(struct arena *prev);
/* Bytes handed out by A (for tests and the log). */
size_t arena_used(const struct arena *a);

#endif
