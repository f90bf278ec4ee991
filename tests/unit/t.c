/* t.c — runs every registered TEST and prints "unit: N passed, N failed".
 * Usage: unit-tests [SUBSTRING]  — only tests whose name contains SUBSTRING. */
#include "t.h"

#include <stdio.h>
#include <stdlib.h>

struct t_entry {
	const char *name, *file;
	t_fn fn;
};

static struct t_entry *tests;
static size_t ntests, captests;
static int cur_failed;
static int passed, failed;
static const char *cur_name;

void t_register(const char *name, t_fn fn, const char *file)
{
	if (ntests == captests) {
		captests = captests ? captests * 2 : 64;
		tests = realloc(tests, captests * sizeof(*tests));
		if (!tests)
			abort();
	}
	tests[ntests].name = name;
	tests[ntests].file = file;
	tests[ntests].fn = fn;
	ntests++;
}

int t_check(int ok, const char *expr, const char *file, int line)
{
	if (!ok) {
		cur_failed++;
		printf("  FAIL %s: %s:%d: %s\n", cur_name, file, line, expr);
	}
	return ok;
}

int t_check_str(const char *got, const char *want, const char *expr, const char *file, int line)
{
	int ok = got && want ? strcmp(got, want) == 0 : got == want;
	if (!ok) {
		cur_failed++;
		printf("  FAIL %s: %s:%d: %s\n    got:  \"%s\"\n    want: \"%s\"\n", cur_name, file, line,
		       expr, got ? got : "(null)", want ? want : "(null)");
	}
	return ok;
}

void t_case(const char *name, int ok, const char *detail)
{
	if (ok) {
		passed++;
	} else {
		failed++;
		printf("  FAIL %s%s%s\n", name, detail ? ": " : "", detail ? detail : "");
	}
}

int main(int argc, char **argv)
{
	const char *filter = argc > 1 ? argv[1] : NULL;
	for (size_t i = 0; i < ntests; i++) {
		if (filter && !strstr(tests[i].name, filter) && !strstr(tests[i].file, filter))
			continue;
		cur_name = tests[i].name;
		cur_failed = 0;
		tests[i].fn();
		if (cur_failed)
			failed++;
		else
			passed++;
	}
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
