/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The project's test framework: tests register themselves with QT_TEST (model-level, no
 * EAL, each run in its own forked process with a time limit) or QT_EAL_TEST (run in the
 * one EAL process of their suite, in file order, or alone, or in reverse order). A test
 * returns 0 when it passes; the QT_ASSERT* macros print where and why and return -1.
 *
 * EAL cases share a process, so each one gets a fixture instead: qt_eal_case_begin(), the
 * suite's setup (QT_EAL_SUITE), the case, the suite's teardown, qt_eal_case_end(). A case
 * starts with no port and no PHY thread and its ports are closed after it, so that no case
 * depends on what another one left.
 */

#ifndef QT_TEST_H
#define QT_TEST_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

struct qt_test {
	const char *suite;
	const char *name;
	int (*fn)(void);
	int eal;                /* 1: needs rte_eal_init (runs in the suite's EAL process) */
	struct qt_test *next;
};

void qt_test_register(struct qt_test *t);

/* Per-case hooks of an EAL suite; either may be NULL. The teardown also runs after a case
 * or a setup that failed; a failed setup or teardown fails the case.
 */
struct qt_eal_suite {
	const char *name;
	int (*setup)(void);
	int (*teardown)(void);
	struct qt_eal_suite *next;
};

void qt_eal_suite_register(struct qt_eal_suite *s);

#define QT_EAL_SUITE(suite, setup_fn, teardown_fn) \
	static struct qt_eal_suite qt_eal_suite_##suite = { \
		#suite, setup_fn, teardown_fn, NULL }; \
	__attribute__((constructor)) static void qt_eal_suite_reg_##suite(void) \
	{ qt_eal_suite_register(&qt_eal_suite_##suite); }

/* Around every EAL case (test_eal_case.c): begin checks that the process holds no port and
 * no PHY thread; end closes every port and checks that no PHY thread is left.
 */
int qt_eal_case_begin(void);
int qt_eal_case_end(void);

/* "test-qt2025 reader SECONDS [EAL args]": a secondary reading every port (test_reader.c);
 * argv[0] is "reader".
 */
int qt_test_reader(int argc, char **argv);

#define QT_TEST_DEFINE_(suite, name, is_eal) \
	static int qt_test_fn_##suite##_##name(void); \
	static struct qt_test qt_test_##suite##_##name = { \
		#suite, #name, qt_test_fn_##suite##_##name, is_eal, NULL }; \
	__attribute__((constructor)) static void qt_test_reg_##suite##_##name(void) \
	{ qt_test_register(&qt_test_##suite##_##name); } \
	static int qt_test_fn_##suite##_##name(void)

#define QT_TEST(suite, name) QT_TEST_DEFINE_(suite, name, 0)
#define QT_EAL_TEST(suite, name) QT_TEST_DEFINE_(suite, name, 1)

#define QT_FAIL(fmt, ...) do { \
	fprintf(stderr, "    %s:%d: " fmt "\n", __FILE__, __LINE__, ##__VA_ARGS__); \
	return -1; \
} while (0)

#define QT_ASSERT(cond, fmt, ...) do { \
	if (!(cond)) \
		QT_FAIL("'%s' is false: " fmt, #cond, ##__VA_ARGS__); \
} while (0)

#define QT_ASSERT_EQ(a, b) do { \
	long long qt_a_ = (long long)(a), qt_b_ = (long long)(b); \
	if (qt_a_ != qt_b_) \
		QT_FAIL("%s == %lld (0x%llx), expected %s == %lld (0x%llx)", #a, qt_a_, \
			(unsigned long long)qt_a_, #b, qt_b_, (unsigned long long)qt_b_); \
} while (0)

#define QT_ASSERT_NE(a, b) do { \
	long long qt_a_ = (long long)(a), qt_b_ = (long long)(b); \
	if (qt_a_ == qt_b_) \
		QT_FAIL("%s == %s == %lld, expected them to differ", #a, #b, qt_a_); \
} while (0)

/* Runs a test-local helper that returns 0 or -1 and fails the calling test on -1. */
#define QT_CHECK(expr) do { \
	if ((expr) != 0) \
		QT_FAIL("%s failed", #expr); \
} while (0)

#endif /* QT_TEST_H */
