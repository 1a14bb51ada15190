/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Out-of-tree builds against DPDK 22.11 to 24.11 only: config/meson.build force-includes
 * this header, whose guard is that of the driver's qt2025_compat.h, so that it takes that
 * header's place. It defines what the driver's header does (atomics, control threads, the
 * link struct, telemetry) for the DPDK release at hand, and adapts the ops the driver
 * defines with 25.11's signatures; the driver's own header, which DPDK 25.11 and later
 * build in-tree, tests no release.
 */

#ifndef QT2025_COMPAT_H
#define QT2025_COMPAT_H

/* first in every file, before its own _GNU_SOURCE: DPDK's tree defines it for all code */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

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

/* ---- link struct: no connector field before 25.11 ---- */
static inline void
qt_link_connector_set(struct rte_eth_link *link)
{
	RTE_SET_USED(link);
}

/*
 * ---- The ops whose signature changed: the driver defines them as 25.11 does. Each name
 * below is then two things: called or declared with its arguments, the function-like
 * macro names the driver's function (NAME_2511); used bare, as the ops table and
 * dev->rx_queue_count take it, it is the static inline adapter of this release's
 * signature. ----
 */

/* dev_supported_ptypes_get: 24.03 added the element count; before, the list ends with
 * RTE_PTYPE_UNKNOWN (this copy, which the driver's list does not need)
 */
const uint32_t *qt2025_ptypes_get_2511(struct rte_eth_dev *dev, size_t *no_of_elements);
#if RTE_VERSION >= RTE_VERSION_NUM(24, 3, 0, 0)
static inline const uint32_t *
(qt2025_ptypes_get)(struct rte_eth_dev *dev, size_t *no_of_elements)
{
	return qt2025_ptypes_get_2511(dev, no_of_elements);
}
#else
static inline const uint32_t *
(qt2025_ptypes_get)(struct rte_eth_dev *dev)
{
	static uint32_t list[16];
	const uint32_t *p;
	size_t n = 0, i;

	p = qt2025_ptypes_get_2511(dev, &n);
	for (i = 0; i < n && i < RTE_DIM(list) - 1; i++)
		list[i] = p[i];
	list[i] = RTE_PTYPE_UNKNOWN;
	return list;
}
#endif
#define qt2025_ptypes_get(dev, n) qt2025_ptypes_get_2511(dev, n)

/* stats_get: 25.11 moved the per-queue counters (q_ipackets[] ...) out of rte_eth_stats
 * into a third argument (same field names); before, they are rte_eth_stats' own
 */
#define eth_queue_stats rte_eth_stats
int qt2025_stats_get_2511(struct rte_eth_dev *dev, struct rte_eth_stats *stats,
			  struct rte_eth_stats *qstats);
static inline int
(qt2025_stats_get)(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	return qt2025_stats_get_2511(dev, stats, stats);
}
#define qt2025_stats_get(dev, stats, qstats) qt2025_stats_get_2511(dev, stats, qstats)

/* rx_queue_count: uint32_t on 22.11 and 24.11, int (a count or -errno) on 25.11 */
int qt2025_rx_queue_count_2511(void *rxq);
static inline uint32_t
(qt2025_rx_queue_count)(void *rxq)
{
	int n = qt2025_rx_queue_count_2511(rxq);

	return n < 0 ? 0 : (uint32_t)n;
}
#define qt2025_rx_queue_count(rxq) qt2025_rx_queue_count_2511(rxq)

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
