/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Atomics, control threads, the link struct and telemetry as the driver uses them, on DPDK
 * 25.11 and later; the driver's ops have those releases' signatures. An out-of-tree build
 * against an older DPDK includes its own version of this header first (same guard), which
 * maps all of it onto that release.
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

/* ---- control threads (qt2025_thread.c starts and joins them; names of at most 10
 * characters) ----
 */
#include <pthread.h>

typedef rte_thread_t qt_thread_id_t;
typedef uint32_t qt_thread_ret_t;

static inline int
qt_os_ctrl_thread_create(qt_thread_id_t *id, const char *name,
			 qt_thread_ret_t (*fn)(void *), void *arg)
{
	return rte_thread_create_internal_control(id, name, fn, arg);
}

static inline void
qt_os_thread_detach(qt_thread_id_t id)
{
	rte_thread_detach(id);
}

static inline void
qt_os_thread_join(qt_thread_id_t id)
{
	rte_thread_join(id, NULL);
}

/* ---- link struct: the connector field (25.11) ---- */
static inline void
qt_link_connector_set(struct rte_eth_link *link)
{
	link->link_connector = RTE_ETH_LINK_CONNECTOR_SFP_PLUS;
}

/* ---- telemetry ---- */
static inline int
qt_tel_add_u64(struct rte_tel_data *d, const char *name, uint64_t val)
{
	return rte_tel_data_add_dict_uint(d, name, val);
}

/* ---- get_reg: register names (rte_dev_reg_info.names) ---- */
#define QT_HAVE_REG_NAMES 1

#endif /* QT2025_COMPAT_H */
