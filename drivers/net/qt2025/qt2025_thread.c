/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The PMD's control threads (the PHY thread of each port). fn runs through one trampoline
 * that blocks asynchronous signals (a signal sent to the process is then handled by an
 * application thread, never in the middle of an MDIO sequence) and marks the thread
 * exited, so that a join can be bounded. What differs between DPDK releases is in
 * qt2025_compat.h.
 */

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "qt2025_thread.h"
#include "qt_hw.h"

#define JOIN_STEP_US 1000

struct qt_thread_start {
	uint32_t (*fn)(void *arg);
	void *arg;
	qt_thread_t *t;
};

/* Every signal but those the CPU raises on the thread itself (a fault must still kill). */
static void
thread_sigset(sigset_t *set)
{
	sigfillset(set);
	sigdelset(set, SIGSEGV);
	sigdelset(set, SIGBUS);
	sigdelset(set, SIGFPE);
	sigdelset(set, SIGILL);
	sigdelset(set, SIGTRAP);
	sigdelset(set, SIGSYS);
	sigdelset(set, SIGABRT);
}

static qt_thread_ret_t
thread_trampoline(void *p)
{
	struct qt_thread_start s = *(struct qt_thread_start *)p;
	sigset_t set;
	uint32_t rc;

	free(p);
	thread_sigset(&set);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	rc = s.fn(s.arg);
	rte_atomic_store_explicit(&s.t->exited, 1, rte_memory_order_release);
	return (qt_thread_ret_t)(uintptr_t)rc;
}

int
qt_ctrl_thread_start(qt_thread_t *t, const char *name, uint32_t (*fn)(void *), void *arg)
{
	struct qt_thread_start *s = malloc(sizeof(*s));
	sigset_t set, old;
	int rc;

	if (s == NULL)
		return -ENOMEM;
	s->fn = fn;
	s->arg = arg;
	s->t = t;
	rte_atomic_store_explicit(&t->exited, 0, rte_memory_order_relaxed);
	/* blocked from its first instruction on: a new thread inherits its creator's mask */
	thread_sigset(&set);
	pthread_sigmask(SIG_BLOCK, &set, &old);
	rc = qt_os_ctrl_thread_create(&t->id, name, thread_trampoline, s);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0)
		free(s);
	return rc;
}

static bool
thread_exited(void *arg)
{
	qt_thread_t *t = arg;

	return rte_atomic_load_explicit(&t->exited, rte_memory_order_acquire) != 0;
}

int
qt_ctrl_thread_join(qt_thread_t *t, uint32_t timeout_ms)
{
	/* no transport here: the OS's sleep, the steps counted */
	const struct qt_wait w = {
		.cond = thread_exited,
		.arg = t,
		.flags = QT_WAIT_OS | QT_WAIT_STEPS,
		.step_ns = JOIN_STEP_US * 1000ull,
		.timeout_ns = (uint64_t)timeout_ms * QT_NS_PER_MS,
	};

	if (qt_wait(NULL, &w) != 0) {
		qt_os_thread_detach(t->id);
		return -ETIMEDOUT;
	}
	qt_os_thread_join(t->id);
	return 0;
}

/* A woken real-time thread pre-empts a busy-polling lcore on its CPU at once; a normal one
 * waits for the lcore's time slice and the next scheduler tick.
 */
const char *
qt_thread_raise_prio(void)
{
	struct sched_param sp = { .sched_priority = 1 };

	if (pthread_setschedparam(pthread_self(), SCHED_FIFO, &sp) == 0)
		return "fifo";
	if (setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), -10) == 0)
		return "nice";
	return NULL;
}

void
qt_thread_default_prio(void)
{
	struct sched_param sp = { .sched_priority = 0 };

	pthread_setschedparam(pthread_self(), SCHED_OTHER, &sp);
	setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 0);
}
