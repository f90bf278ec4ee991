/* arena.c — bump allocation in blocks; see arena.h. */
#include "arena.h"
#include "util.h"

#include <jansson.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#include "banned.h"

#define BLOCK (64 * 1024)
#define SPARE_MAX 16 /* blocks kept per thread for the next request */

/* Every allocation made by the installed functions starts with this header, so a free knows
 * whether the memory is the arena's (nothing to do) or malloc's. 16 bytes keep the alignment. */
struct hdr {
	uint64_t magic;
	uint64_t pad;
};
#define MAGIC_HEAP 0x68656170636f6e67ULL
#define MAGIC_ARENA 0x6172656e61636f6eULL

struct block {
	struct block *next;
	size_t size, used;
	_Alignas(16) unsigned char data[];
};

struct arena {
	struct block *head;
	size_t used;
};

static _Thread_local struct arena *current;
static _Thread_local struct block *spare;
static _Thread_local size_t nspare;

/* A thread's spare blocks go when the thread ends (the server's workers end at shutdown): the
 * key's value is the list, its destructor frees it. */
static pthread_key_t spare_key;
static pthread_once_t spare_once = PTHREAD_ONCE_INIT;

static void spare_release(void *p)
{
	for (struct block *b = p, *next; b; b = next) {
		next = b->next;
		free(b);
	}
}

static void spare_key_make(void)
{
	pthread_key_create(&spare_key, spare_release);
}

static struct block *block_new(size_t size)
{
	struct block *b;
	if (size == BLOCK && spare) {
		b = spare;
		spare = b->next;
		nspare--;
		pthread_setspecific(spare_key, spare);
	} else {
		b = xmalloc(sizeof(*b) + size);
		b->size = size;
	}
	b->used = 0;
	return b;
}

static void *arena_alloc(struct arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	struct block *b = a->head;
	if (!b || b->size - b->used < n) {
		if (n > BLOCK / 4) {
			/* a big one gets a block of its own, behind the current one */
			struct block *big = block_new(n);
			big->used = n;
			if (b) {
				big->next = b->next;
				b->next = big;
			} else {
				big->next = NULL;
				a->head = big;
			}
			a->used += n;
			return big->data;
		}
		b = block_new(BLOCK);
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += n;
	a->used += n;
	return p;
}

static void *json_alloc(size_t n)
{
	struct hdr *h;
	if (n > SIZE_MAX - sizeof(*h))
		return NULL;
	if (current) {
		h = arena_alloc(current, n + sizeof(*h));
		h->magic = MAGIC_ARENA;
	} else {
		h = malloc(n + sizeof(*h));
		if (!h)
			return NULL;
		h->magic = MAGIC_HEAP;
	}
	return h + 1;
}

static void json_release(void *p)
{
	if (!p)
		return;
	struct hdr *h = (struct hdr *)p - 1;
	if (h->magic == MAGIC_HEAP) {
		h->magic = 0;
		free(h);
	} else if (h->magic != MAGIC_ARENA) {
		BUG("json free of memory it did not allocate");
	}
}

void arena_json_install(void)
{
	json_set_alloc_funcs(json_alloc, json_release);
}

void json_free_str(char *s)
{
	json_malloc_t m;
	json_free_t f;
	json_get_alloc_funcs(&m, &f);
	if (f)
		f(s);
	else
		free(s);
}

struct arena *arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

void arena_free(struct arena *a)
{
	if (!a)
		return;
	for (struct block *b = a->head, *next; b; b = next) {
		next = b->next;
		if (b->size == BLOCK && nspare < SPARE_MAX) {
			pthread_once(&spare_once, spare_key_make);
			b->next = spare;
			spare = b;
			nspare++;
			pthread_setspecific(spare_key, spare);
		} else {
			free(b);
		}
	}
	free(a);
}

struct arena *arena_enter(struct arena *a)
{
	struct arena *prev = current;
	current = a;
	return prev;
}

void arena_leave(struct arena *prev)
{
	current = prev;
}

size_t arena_used(const struct arena *a)
{
	return a ? a->used : 0;
}
