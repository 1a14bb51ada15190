/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * PMD-specific xstats (dpdk-pmd-conventions.md 4.3). Names and IDs are a stable interface
 * (DESIGN.md): append only. Reads serve the PHY thread's cached counters, never MDIO, so
 * they are safe anywhere, secondary processes included.
 *
 * Reset. The counters in struct qt2025_counters are written by the PHY thread only, some of
 * them (mdio_errors, mdio_timeouts) as absolute copies of hw->mdio: zeroing them would be
 * undone by the thread's next copy. So reset records each counter's value as a baseline in
 * the adapter (shared, so every process sees the reset) and get subtracts it. The adapter is
 * zeroed at each probe, and the counters only grow, so a baseline never exceeds its counter.
 */

#include <assert.h>
#include <stddef.h>

#include <rte_string_fns.h>

#include "qt2025_xstats.h"

struct qt2025_xstat {
	const char *name;
	size_t off;             /* in struct qt2025_counters */
	bool resettable;
};

#define QT_XSTAT(n, field, r) { (n), offsetof(struct qt2025_counters, field), (r) }

/*
 * phy_fw_loads / phy_fw_load_us describe the firmware running in the PHY, not events since
 * the last reset: reset leaves them alone.
 */
static const struct qt2025_xstat qt2025_xstats[] = {
	QT_XSTAT("link_up_events", link_up_events, true),
	QT_XSTAT("link_down_events", link_down_events, true),
	QT_XSTAT("phy_fw_loads", fw_loads, false),
	QT_XSTAT("phy_fw_load_us", fw_load_us, false),
	QT_XSTAT("phy_mdio_errors", mdio_errors, true),
	QT_XSTAT("phy_mdio_timeouts", mdio_timeouts, true),
	QT_XSTAT("mac_link_resets", mac_resets, true),
	QT_XSTAT("phy_fw_crashes", fw_crashes, true),
};

#define QT2025_NB_XSTATS RTE_DIM(qt2025_xstats)

static_assert(QT2025_NB_XSTATS <= RTE_DIM(((struct qt2025_adapter *)0)->xstats_base),
	      "one baseline per xstat");

static uint64_t
qt2025_xstat_read(const struct qt2025_adapter *ad, unsigned int i)
{
	const RTE_ATOMIC(uint64_t) *p = (const RTE_ATOMIC(uint64_t) *)
		((const char *)&ad->cnt + qt2025_xstats[i].off);

	return rte_atomic_load_explicit(p, rte_memory_order_relaxed);
}

int
qt2025_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xstats, unsigned int n)
{
	const struct qt2025_adapter *ad = qt2025_adapter(dev);
	unsigned int i;

	if (xstats == NULL || n < QT2025_NB_XSTATS)
		return QT2025_NB_XSTATS;
	for (i = 0; i < QT2025_NB_XSTATS; i++) {
		xstats[i].id = i;
		xstats[i].value = qt2025_xstat_read(ad, i) -
			rte_atomic_load_explicit(&ad->xstats_base[i], rte_memory_order_relaxed);
	}
	return QT2025_NB_XSTATS;
}

int
qt2025_xstats_get_names(struct rte_eth_dev *dev __rte_unused,
			struct rte_eth_xstat_name *names, unsigned int n)
{
	unsigned int i;

	if (names == NULL || n < QT2025_NB_XSTATS)
		return QT2025_NB_XSTATS;
	for (i = 0; i < QT2025_NB_XSTATS; i++)
		strlcpy(names[i].name, qt2025_xstats[i].name, sizeof(names[i].name));
	return QT2025_NB_XSTATS;
}

int
qt2025_xstats_reset(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	unsigned int i;

	for (i = 0; i < QT2025_NB_XSTATS; i++)
		if (qt2025_xstats[i].resettable)
			rte_atomic_store_explicit(&ad->xstats_base[i], qt2025_xstat_read(ad, i),
						  rte_memory_order_relaxed);
	return 0;
}
