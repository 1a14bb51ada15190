/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The one file that knows DPDK releases differ (design.md "DPDK conventions"):
 * atomics, control threads, the link struct, op signatures and telemetry, for 22.11 up
 * to 25.11.
 */

#ifndef QT2025_COMPAT_H
#define QT2025_COMPAT_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <rte_version.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_telemetry.h>
#include <rte_thread.h>

/* ---- atomics: the code uses the 23.11 names only ---- */
#if RTE_VERSION >= RTE_VERSION_NUM(23, 11, 0, 0)
#include <rte_stdatomic.h>
#else
#define RTE_ATOMIC(type) type
#define rte_memory_order_relaxed __ATOMIC_RELAXED
#define rte_memory_order_acquire __ATOMIC_ACQUIRE
#define rte_memory_order_release __ATOMIC_RELEASE
#define rte_memory_order_acq_rel __ATOMIC_ACQ_REL
#define rte_memory_order_seq_cst __ATOMIC_SEQ_CST
#define rte_atomic_load_explicit(p, mo) __atomic_load_n(p, mo)
#define rte_atomic_store_explicit(p, v, mo) __atomic_store_n(p, v, mo)
#define rte_atomic_exchange_explicit(p, v, mo) __atomic_exchange_n(p, v, mo)
#define rte_atomic_fetch_add_explicit(p, v, mo) __atomic_fetch_add(p, v, mo)
#define rte_atomic_fetch_or_explicit(p, v, mo) __atomic_fetch_or(p, v, mo)
#define rte_atomic_fetch_and_explicit(p, v, mo) __atomic_fetch_and(p, v, mo)
#endif

/* ---- control threads (qt2025_thread.c starts and joins them): rte_thread_t and
 * rte_thread_create_internal_control() from 23.11 (names of at most 10 characters), a
 * pthread_t and rte_ctrl_thread_create() before (15 characters) ----
 */
#include <pthread.h>

#if RTE_VERSION >= RTE_VERSION_NUM(23, 11, 0, 0)
typedef rte_thread_t qt_thread_id_t;
typedef uint32_t qt_thread_ret_t;
#else
typedef pthread_t qt_thread_id_t;
typedef void *qt_thread_ret_t;
#endif

static inline int
qt_os_ctrl_thread_create(qt_thread_id_t *id, const char *name,
			 qt_thread_ret_t (*fn)(void *), void *arg)
{
#if RTE_VERSION >= RTE_VERSION_NUM(23, 11, 0, 0)
	return rte_thread_create_internal_control(id, name, fn, arg);
#else
	return rte_ctrl_thread_create(id, name, NULL, fn, arg);
#endif
}

static inline void
qt_os_thread_detach(qt_thread_id_t id)
{
#if RTE_VERSION >= RTE_VERSION_NUM(23, 11, 0, 0)
	rte_thread_detach(id);
#else
	pthread_detach(id);
#endif
}

static inline void
qt_os_thread_join(qt_thread_id_t id)
{
#if RTE_VERSION >= RTE_VERSION_NUM(23, 11, 0, 0)
	rte_thread_join(id, NULL);
#else
	pthread_join(id, NULL);
#endif
}

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

/* ---- link struct: plain struct (22.11) or union with val64 (24.07+) ---- */
static inline void
qt_link_fill(struct rte_eth_link *link, int up, uint32_t speed)
{
	memset(link, 0, sizeof(*link));
	link->link_status = up ? RTE_ETH_LINK_UP : RTE_ETH_LINK_DOWN;
	link->link_speed = up ? speed : RTE_ETH_SPEED_NUM_NONE;
	link->link_duplex = RTE_ETH_LINK_FULL_DUPLEX;
	link->link_autoneg = RTE_ETH_LINK_FIXED;
#if RTE_VERSION >= RTE_VERSION_NUM(25, 11, 0, 0)
	link->link_connector = RTE_ETH_LINK_CONNECTOR_SFP_PLUS;
#endif
}

/* ---- dev_supported_ptypes_get: 24.03 added the element count; the list keeps its
 * RTE_PTYPE_UNKNOWN end for 22.11, which the count leaves out ----
 */
#if RTE_VERSION >= RTE_VERSION_NUM(24, 3, 0, 0)
#define QT_PTYPES_GET_EXTRA , size_t *no_of_elements
#define QT_PTYPES_GET_COUNT(arr) (*no_of_elements = RTE_DIM(arr) - 1)
#else
#define QT_PTYPES_GET_EXTRA
#define QT_PTYPES_GET_COUNT(arr) RTE_SET_USED(arr)
#endif

/* ---- stats_get: 25.11 moved the per-queue counters (q_ipackets[] ...) out of
 * rte_eth_stats into a third argument (same field names), which may be NULL ----
 */
#if RTE_VERSION >= RTE_VERSION_NUM(25, 11, 0, 0)
#define QT_STATS_GET_EXTRA , struct eth_queue_stats *qstats
#define QT_QSTATS(stats) (qstats)
typedef struct eth_queue_stats qt_qstats_t;
#else
#define QT_STATS_GET_EXTRA
#define QT_QSTATS(stats) (stats)
typedef struct rte_eth_stats qt_qstats_t;  /* q_ipackets[] and the others live here */
#endif

/* ---- rx_queue_count: uint32_t on 22.11 and 24.11, int (a count or -errno) on 25.11 ---- */
#if RTE_VERSION >= RTE_VERSION_NUM(25, 11, 0, 0)
typedef int qt_rxq_count_t;
#else
typedef uint32_t qt_rxq_count_t;
#endif

/* ---- telemetry: 23.03 added rte_tel_data_add_dict_uint, 25.11 removed _u64 ---- */
static inline int
qt_tel_add_u64(struct rte_tel_data *d, const char *name, uint64_t val)
{
#if RTE_VERSION >= RTE_VERSION_NUM(23, 3, 0, 0)
	return rte_tel_data_add_dict_uint(d, name, val);
#else
	return rte_tel_data_add_dict_u64(d, name, val);
#endif
}

/* ---- get_reg: 24.11 added register names (rte_dev_reg_info.names) ---- */
#if RTE_VERSION >= RTE_VERSION_NUM(24, 11, 0, 0)
#define QT_HAVE_REG_NAMES 1
#endif

#endif /* QT2025_COMPAT_H */
