/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Atomics, control threads, the link struct and the op signatures the driver uses, as DPDK
 * 25.11 and later define them. An out-of-tree build against an older DPDK includes its own
 * version of this header first (same guard), which maps them onto that release.
 */

#ifndef QT2025_COMPAT_H
#define QT2025_COMPAT_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_telemetry.h>
#include <rte_thread.h>

#include <rte_stdatomic.h>

/* ---- control threads: "qt-phy-N" style names of at most 10 characters.
 * fn runs through a trampoline that blocks asynchronous signals (a signal
 * sent to the process is then handled by an application thread, never in the middle of an
 * MDIO sequence) and marks the thread exited, so that a join can be bounded.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <rte_cycles.h>

typedef rte_thread_t qt_thread_id_t;
typedef uint32_t qt_thread_ret_t;

typedef struct {
	qt_thread_id_t id;
	RTE_ATOMIC(uint32_t) exited;    /* set by the trampoline once fn has returned */
} qt_thread_t;

struct qt_thread_start {
	uint32_t (*fn)(void *);
	void *arg;
	qt_thread_t *t;
};

/* Every signal but those the CPU raises on the thread itself (a fault must still kill). */
static inline void
qt_thread_sigset(sigset_t *set)
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

static inline qt_thread_ret_t
qt_thread_trampoline(void *p)
{
	struct qt_thread_start s = *(struct qt_thread_start *)p;
	sigset_t set;
	uint32_t rc;

	free(p);
	qt_thread_sigset(&set);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	rc = s.fn(s.arg);
	rte_atomic_store_explicit(&s.t->exited, 1, rte_memory_order_release);
	return (qt_thread_ret_t)(uintptr_t)rc;
}

static inline int
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
	qt_thread_sigset(&set);
	pthread_sigmask(SIG_BLOCK, &set, &old);
	rc = rte_thread_create_internal_control(&t->id, name, qt_thread_trampoline, s);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0)
		free(s);
	return rc;
}

/* Joins t if it exits within timeout_ms (polled each millisecond): 0. Otherwise the
 * thread is detached and left running, -ETIMEDOUT: what it uses must then stay valid.
 */
static inline int
qt_ctrl_thread_join(qt_thread_t *t, uint32_t timeout_ms)
{
	uint32_t i;

	for (i = 0; !rte_atomic_load_explicit(&t->exited, rte_memory_order_acquire); i++) {
		if (i >= timeout_ms) {
			rte_thread_detach(t->id);
			return -ETIMEDOUT;
		}
		rte_delay_us_sleep(1000);
	}
	rte_thread_join(t->id, NULL);
	return 0;
}

/* ---- link struct ---- */
static inline void
qt_link_fill(struct rte_eth_link *link, int up, uint32_t speed)
{
	memset(link, 0, sizeof(*link));
	link->link_status = up ? RTE_ETH_LINK_UP : RTE_ETH_LINK_DOWN;
	link->link_speed = up ? speed : RTE_ETH_SPEED_NUM_NONE;
	link->link_duplex = RTE_ETH_LINK_FULL_DUPLEX;
	link->link_autoneg = RTE_ETH_LINK_FIXED;
	link->link_connector = RTE_ETH_LINK_CONNECTOR_SFP_PLUS;
}

/* ---- dev_supported_ptypes_get: the list keeps an RTE_PTYPE_UNKNOWN end, which the
 * element count leaves out ----
 */
#define QT_PTYPES_GET_EXTRA , size_t *no_of_elements
#define QT_PTYPES_GET_COUNT(arr) (*no_of_elements = RTE_DIM(arr) - 1)

/* ---- stats_get: the per-queue counters come in a third argument, which may be NULL ---- */
#define QT_STATS_GET_EXTRA , struct eth_queue_stats *qstats
#define QT_QSTATS(stats) (qstats)
typedef struct eth_queue_stats qt_qstats_t;

/* ---- rx_queue_count: a count or -errno ---- */
typedef int qt_rxq_count_t;

/* ---- telemetry ---- */
static inline int
qt_tel_add_u64(struct rte_tel_data *d, const char *name, uint64_t val)
{
	return rte_tel_data_add_dict_uint(d, name, val);
}

/* ---- get_reg: register names (rte_dev_reg_info.names) ---- */
#define QT_HAVE_REG_NAMES 1

#endif /* QT2025_COMPAT_H */
