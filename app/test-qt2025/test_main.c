/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * test-qt2025: runs the registered tests and ends with "N passed, N failed".
 *
 *   test-qt2025 list
 *   test-qt2025 model [suite...]       model-level tests, each in a forked child
 *   test-qt2025 eal SUITE [EAL args]   one EAL suite in this process; the EAL arguments
 *                                      default to --no-huge -m 512 --no-pci and a unique
 *                                      --file-prefix
 */

#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <rte_eal.h>

#include "qt_test.h"

#define MODEL_TEST_TIMEOUT_S 120

static struct qt_test *tests;
static struct qt_test **tests_tail = &tests;

void
qt_test_register(struct qt_test *t)
{
	*tests_tail = t;
	tests_tail = &t->next;
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
suite_selected(const struct qt_test *t, int nsuites, char **suites)
{
	int i;

	if (nsuites == 0)
		return 1;
	for (i = 0; i < nsuites; i++)
		if (strcmp(suites[i], t->suite) == 0)
			return 1;
	return 0;
}

static int
run_forked(const struct qt_test *t)
{
	pid_t pid;
	int status;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		alarm(MODEL_TEST_TIMEOUT_S);
		_exit(t->fn() == 0 ? 0 : 1);
	}
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	if (WIFSIGNALED(status)) {
		fprintf(stderr, "    killed by signal %d%s\n", WTERMSIG(status),
			WTERMSIG(status) == SIGALRM ? " (time limit)" : "");
		return -1;
	}
	return WEXITSTATUS(status) == 0 ? 0 : -1;
}

static int
run(int eal, int nsuites, char **suites)
{
	unsigned int passed = 0, failed = 0;
	struct qt_test *t;

	for (t = tests; t != NULL; t = t->next) {
		double t0;
		int rc;

		if (t->eal != eal || !suite_selected(t, nsuites, suites))
			continue;
		t0 = now_ms();
		rc = eal ? t->fn() : run_forked(t);
		printf("%s %s.%s (%.0f ms)\n", rc == 0 ? "ok  " : "FAIL", t->suite, t->name,
		       now_ms() - t0);
		fflush(stdout);
		if (rc == 0)
			passed++;
		else
			failed++;
	}
	printf("qt-test %s: %u passed, %u failed\n", eal ? suites[0] : "model", passed,
	       failed);
	return failed == 0 && passed > 0 ? 0 : 1;
}

static int
run_eal(int argc, char **argv)
{
	char prefix[64], *eal_argv[64];
	int n = 0, i, rc;

	if (argc < 1) {
		fprintf(stderr, "usage: test-qt2025 eal SUITE [EAL args]\n");
		return 2;
	}
	eal_argv[n++] = (char *)"test-qt2025";
	if (argc == 1) {
		snprintf(prefix, sizeof(prefix), "--file-prefix=qt2025t-%s-%d", argv[0],
			 (int)getpid());
		eal_argv[n++] = (char *)"--no-huge";
		eal_argv[n++] = (char *)"-m";
		eal_argv[n++] = (char *)"512";
		eal_argv[n++] = (char *)"--no-pci";
		eal_argv[n++] = (char *)"--log-level=pmd.net.qt2025*:info";
		eal_argv[n++] = prefix;
	}
	for (i = 1; i < argc && n < 63; i++)
		eal_argv[n++] = argv[i];
	eal_argv[n] = NULL;
	if (rte_eal_init(n, eal_argv) < 0) {
		fprintf(stderr, "rte_eal_init failed\n");
		printf("qt-test %s: 0 passed, 1 failed\n", argv[0]);
		return 1;
	}
	rc = run(1, 1, argv);
	rte_eal_cleanup();
	return rc;
}

int
main(int argc, char **argv)
{
	struct qt_test *t;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 2 && strcmp(argv[1], "list") == 0) {
		for (t = tests; t != NULL; t = t->next)
			printf("%s %s.%s\n", t->eal ? "eal  " : "model", t->suite, t->name);
		return 0;
	}
	if (argc >= 2 && strcmp(argv[1], "model") == 0)
		return run(0, argc - 2, argv + 2);
	if (argc >= 2 && strcmp(argv[1], "eal") == 0)
		return run_eal(argc - 2, argv + 2);
	fprintf(stderr, "usage: test-qt2025 list | model [suite...] | eal SUITE [EAL args]\n");
	return 2;
}
