/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * test-qt2025: runs the registered tests and ends with "N passed, N failed".
 *
 *   test-qt2025 list
 *   test-qt2025 model [suite...]       model-level tests, each in a forked child
 *   test-qt2025 eal SUITE [CASE...] [--reverse] [EAL args]
 *                                      one EAL suite in this process: all its cases in
 *                                      file order, or the CASEs named ("name" or
 *                                      "suite.name"), in reverse order with --reverse; the
 *                                      EAL arguments (from the first other word starting
 *                                      with '-') default to --no-huge -m 512 --no-pci and
 *                                      a unique --file-prefix
 *
 * An unknown suite or case fails ("0 passed, 1 failed"): a typo must not pass.
 * eal_order.sh runs every EAL suite in reverse and every EAL case alone.
 */

#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <rte_eal.h>

#include "qt_test.h"

#define MODEL_TEST_TIMEOUT_S 120        /* QT2025_TEST_TIMEOUT_S overrides (valgrind) */

static struct qt_test *tests;
static struct qt_test **tests_tail = &tests;
static struct qt_eal_suite *eal_suites;

/* What to run: the suites (model: none = all), the cases (EAL: none = all), the order. */
struct selection {
	int eal;
	int nsuites;
	char **suites;
	int ncases;
	char **cases;
	int reverse;
};

void
qt_test_register(struct qt_test *t)
{
	*tests_tail = t;
	tests_tail = &t->next;
}

void
qt_eal_suite_register(struct qt_eal_suite *s)
{
	s->next = eal_suites;
	eal_suites = s;
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* "name" or "suite.name" */
static int
case_is(const struct qt_test *t, const char *c)
{
	size_t n = strlen(t->suite);

	if (strncmp(c, t->suite, n) == 0 && c[n] == '.')
		c += n + 1;
	return strcmp(c, t->name) == 0;
}

static int
selected(const struct qt_test *t, const struct selection *sel)
{
	int i, in_suite = sel->nsuites == 0;

	if (t->eal != sel->eal)
		return 0;
	for (i = 0; i < sel->nsuites; i++)
		if (strcmp(sel->suites[i], t->suite) == 0)
			in_suite = 1;
	if (!in_suite)
		return 0;
	if (sel->ncases == 0)
		return 1;
	for (i = 0; i < sel->ncases; i++)
		if (case_is(t, sel->cases[i]))
			return 1;
	return 0;
}

/* Every suite and case named exists (a message for each that does not). */
static int
selection_known(const struct selection *sel)
{
	const struct qt_test *t;
	int i, rc = 0;

	for (i = 0; i < sel->nsuites; i++) {
		for (t = tests; t != NULL; t = t->next)
			if (t->eal == sel->eal && strcmp(sel->suites[i], t->suite) == 0)
				break;
		if (t == NULL) {
			fprintf(stderr, "no %s suite named %s\n", sel->eal ? "EAL" : "model",
				sel->suites[i]);
			rc = -1;
		}
	}
	for (i = 0; i < sel->ncases; i++) {
		for (t = tests; t != NULL; t = t->next)
			if (t->eal == sel->eal && strcmp(sel->suites[0], t->suite) == 0 &&
			    case_is(t, sel->cases[i]))
				break;
		if (t == NULL) {
			fprintf(stderr, "no case %s in suite %s\n", sel->cases[i], sel->suites[0]);
			rc = -1;
		}
	}
	return rc;
}

static const char *
label(const struct selection *sel)
{
	return sel->eal ? sel->suites[0] : "model";
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
		const char *lim = getenv("QT2025_TEST_TIMEOUT_S");

		alarm(lim != NULL && atoi(lim) > 0 ? (unsigned int)atoi(lim) :
		      MODEL_TEST_TIMEOUT_S);
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

/* An EAL case inside its fixture; the teardowns run whatever failed before them. */
static int
run_eal_case(const struct qt_test *t)
{
	const struct qt_eal_suite *s;
	int rc;

	for (s = eal_suites; s != NULL; s = s->next)
		if (strcmp(s->name, t->suite) == 0)
			break;
	rc = qt_eal_case_begin();
	if (rc != 0)
		fprintf(stderr, "    the process was not clean before the case\n");
	if (rc == 0 && s != NULL && s->setup != NULL && s->setup() != 0) {
		fprintf(stderr, "    %s setup failed\n", t->suite);
		rc = -1;
	}
	if (rc == 0)
		rc = t->fn();
	if (s != NULL && s->teardown != NULL && s->teardown() != 0) {
		fprintf(stderr, "    %s teardown failed\n", t->suite);
		rc = -1;
	}
	if (qt_eal_case_end() != 0) {
		fprintf(stderr, "    the case left the process unclean\n");
		rc = -1;
	}
	return rc;
}

static int
run(const struct selection *sel)
{
	unsigned int passed = 0, failed = 0;
	struct qt_test *t, **list;
	int n = 0, i;

	for (t = tests; t != NULL; t = t->next)
		n++;
	list = calloc(n + 1, sizeof(*list));
	if (list == NULL)
		return 1;
	n = 0;
	for (t = tests; t != NULL; t = t->next)
		if (selected(t, sel))
			list[n++] = t;
	for (i = 0; i < n; i++) {
		double t0;
		int rc;

		t = list[sel->reverse ? n - 1 - i : i];
		t0 = now_ms();
		rc = t->eal ? run_eal_case(t) : run_forked(t);
		printf("%s %s.%s (%.0f ms)\n", rc == 0 ? "ok  " : "FAIL", t->suite, t->name,
		       now_ms() - t0);
		fflush(stdout);
		if (rc == 0)
			passed++;
		else
			failed++;
	}
	free(list);
	printf("qt-test %s: %u passed, %u failed\n", label(sel), passed, failed);
	return failed == 0 && passed > 0 ? 0 : 1;
}

static int
run_model(int argc, char **argv)
{
	struct selection sel = { .eal = 0, .nsuites = argc, .suites = argv };

	if (selection_known(&sel) != 0) {
		printf("qt-test %s: 0 passed, 1 failed\n", label(&sel));
		return 1;
	}
	return run(&sel);
}

static int
run_eal(int argc, char **argv)
{
	struct selection sel = { .eal = 1, .nsuites = 1, .suites = argv };
	char prefix[64], *eal_argv[64], **cases;
	int n = 0, i, rc;

	if (argc < 1 || argv[0][0] == '-') {
		fprintf(stderr, "usage: test-qt2025 eal SUITE [CASE...] [--reverse] [EAL args]\n");
		return 2;
	}
	cases = calloc(argc, sizeof(*cases));
	if (cases == NULL)
		return 1;
	sel.cases = cases;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--reverse") == 0)
			sel.reverse = 1;
		else if (argv[i][0] != '-')
			cases[sel.ncases++] = argv[i];
		else
			break;
	}
	if (selection_known(&sel) != 0) {
		printf("qt-test %s: 0 passed, 1 failed\n", label(&sel));
		free(cases);
		return 1;
	}
	eal_argv[n++] = (char *)"test-qt2025";
	if (i == argc) {
		snprintf(prefix, sizeof(prefix), "--file-prefix=qt2025t-%s-%d", argv[0],
			 (int)getpid());
		eal_argv[n++] = (char *)"--no-huge";
		eal_argv[n++] = (char *)"-m";
		eal_argv[n++] = (char *)"512";
		eal_argv[n++] = (char *)"--no-pci";
		eal_argv[n++] = (char *)"--log-level=pmd.net.qt2025*:info";
		eal_argv[n++] = prefix;
	}
	for (; i < argc && n < 63; i++)
		eal_argv[n++] = argv[i];
	eal_argv[n] = NULL;
	if (rte_eal_init(n, eal_argv) < 0) {
		fprintf(stderr, "rte_eal_init failed\n");
		printf("qt-test %s: 0 passed, 1 failed\n", label(&sel));
		free(cases);
		return 1;
	}
	rc = run(&sel);
	rte_eal_cleanup();
	free(cases);
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
		return run_model(argc - 2, argv + 2);
	if (argc >= 2 && strcmp(argv[1], "eal") == 0)
		return run_eal(argc - 2, argv + 2);
	if (argc >= 2 && strcmp(argv[1], "reader") == 0)
		return qt_test_reader(argc - 1, argv + 1);
	fprintf(stderr, "usage: test-qt2025 list | model [suite...] | "
		"eal SUITE [CASE...] [--reverse] [EAL args] | reader SECONDS [EAL args]\n");
	return 2;
}
