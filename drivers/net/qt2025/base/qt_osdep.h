/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The only DPDK contact of base/ (as ena_plat_dpdk.h is ena's): MMIO, time, delays,
 * logging. base/ reaches a card through struct qt_hw (qt_hw.h) and nothing else.
 */

#ifndef QT_OSDEP_H
#define QT_OSDEP_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <rte_bitops.h>         /* rte_log2_u32 (in rte_common.h on 22.11) */
#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_io.h>
#include <rte_log.h>
#include <rte_spinlock.h>

extern int qt2025_logtype_driver;
extern int qt2025_logtype_init;
extern int qt2025_logtype_phy;
extern int qt2025_logtype_sim;

/* name is the device name ("net_qt2025_sim0", "0000:03:00.0"); no "\n" at call sites. */
#define QT_LOG(level, type, name, fmt, ...) \
	rte_log(RTE_LOG_ ## level, qt2025_logtype_ ## type, "qt2025 %s: " fmt "\n", \
		(name), ##__VA_ARGS__)

/* A short critical section shared by threads of one process (the trace's). */
typedef rte_spinlock_t qt_lock_t;
#define qt_lock_init(l) rte_spinlock_init(l)
#define qt_lock(l) rte_spinlock_lock(l)
#define qt_unlock(l) rte_spinlock_unlock(l)

#define QT_NS_PER_US 1000ULL
#define QT_NS_PER_MS 1000000ULL

/* Descriptor stores before the doorbell write; descriptor loads after the pointer read (hardware.md
 * 4.2).
 */
#define qt_wmb() rte_wmb()
#define qt_rmb() rte_rmb()

static inline uint32_t
qt_os_read32(const uint8_t *bar, uint32_t off)
{
	return rte_read32(bar + off);
}

static inline void
qt_os_write32(uint8_t *bar, uint32_t off, uint32_t val)
{
	rte_write32(val, bar + off);
}

/* Monotonic ns from the TSC: no system call, usable on any thread. */
static inline uint64_t
qt_os_now_ns(void)
{
	uint64_t c = rte_get_timer_cycles(), hz = rte_get_timer_hz();

	return c / hz * 1000000000ULL + c % hz * 1000000000ULL / hz;
}

/* A busy-wait never gives the CPU away, as hardware polling must not (design.md "Who runs what").
 */
static inline void
qt_os_spin_ns(uint64_t ns)
{
	rte_delay_us_block((unsigned int)((ns + 999) / 1000));
}

static inline void
qt_os_sleep_ns(uint64_t ns)
{
	rte_delay_us_sleep((unsigned int)((ns + 999) / 1000));
}

#endif /* QT_OSDEP_H */
