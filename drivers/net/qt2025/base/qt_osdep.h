/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The only DPDK contact of base/: MMIO, time, delays, logging. Everything in base/ talks
 * to the card through a struct qt_hw (qt_hw.h), which is either a BAR0 mapping or a model
 * instance (sim/qt_sim.h); the choice is a plain branch, never a function pointer, so a
 * qt_hw may live per process while the adapter lives in shared memory.
 */

#ifndef QT_OSDEP_H
#define QT_OSDEP_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_io.h>
#include <rte_atomic.h>
#include <rte_log.h>

extern int qt2025_logtype_driver;
extern int qt2025_logtype_init;
extern int qt2025_logtype_phy;
extern int qt2025_logtype_sim;

/* name is the device name ("net_qt2025_sim0", "0000:03:00.0"); no "\n" at call sites. */
#define QT_LOG(level, type, name, fmt, ...) \
	rte_log(RTE_LOG_ ## level, qt2025_logtype_ ## type, "qt2025 %s: " fmt "\n", \
		(name), ##__VA_ARGS__)

#define QT_HW_LOG(level, hw, fmt, ...) QT_LOG(level, phy, (hw)->name, fmt, ##__VA_ARGS__)

/* Orders descriptor-memory stores before the doorbell (pointer register) write (4.2). */
#define qt_wmb() rte_wmb()

#define QT_NS_PER_US 1000ULL
#define QT_NS_PER_MS 1000000ULL

#endif /* QT_OSDEP_H */
