/* t.h — a tiny unit-test harness: TEST() registers a function at load time, CHECK() records. */
#ifndef CONG_T_H
#define CONG_T_H

#include <string.h>

typedef void (*t_fn)(void);
void t_register(const char *name, t_fn fn, const char *file);
int t_check(int ok, const char *expr, const char *file, int line);
int t_check_str(const char *got, const char *want, const char *expr, const char *file, int line);
/* For data-driven suites (e.g. the Mustache spec): record one named case directly. */
void t_case(const char *name, int ok, const char *detail);

#define TEST(name)                                                                   \
	static void name(void);                                                      \
	__attribute__((constructor)) static void t_reg_##name(void)                  \
	{                                                                            \
		t_register(#name, name, __FILE__);                                   \
	}                                                                            \
	static void name(void)

#define CHECK(cond) t_check(!!(cond), #cond, __FILE__, __LINE__)
#define CHECK_STR(got, want) t_check_str((got), (want), #got, __FILE__, __LINE__)

#endif
