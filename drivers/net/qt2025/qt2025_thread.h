/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Control threads of the driver (qt2025_thread.c): started with asynchronous signals
 * blocked, joined with a bound, and the PHY thread's scheduling priority. The thread
 * primitives of each DPDK release come from qt2025_compat.h.
 */

#ifndef QT2025_THREAD_H
#define QT2025_THREAD_H

#include <stdint.h>

#include "qt2025_compat.h"

typedef struct {
	qt_thread_id_t id;
	RTE_ATOMIC(uint32_t) exited;    /* set once the thread's function has returned */
} qt_thread_t;

/* A control thread running fn(arg) with asynchronous signals blocked: 0 or an error. */
int qt_ctrl_thread_start(qt_thread_t *t, const char *name, uint32_t (*fn)(void *), void *arg);
/* The calling thread at the lowest real-time priority (SCHED_FIFO 1), or else nice -10:
 * "fifo", "nice", or NULL when the process may raise neither (no CAP_SYS_NICE,
 * RLIMIT_RTPRIO and RLIMIT_NICE at 0, or a cgroup with no real-time budget).
 */
const char *qt_thread_raise_prio(void);
/* Back to the default policy (long CPU-bound work must not starve an lcore). */
void qt_thread_default_prio(void);
/* Joins t if it exits within timeout_ms (polled each millisecond): 0. Otherwise the
 * thread is detached and left running, -ETIMEDOUT: what it uses must then stay valid.
 */
int qt_ctrl_thread_join(qt_thread_t *t, uint32_t timeout_ms);

#endif /* QT2025_THREAD_H */
