/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * PMD-specific xstats (dpdk-pmd-conventions.md 4.3). Names and IDs are a stable interface
 * (DESIGN.md): append only. Reads serve the PHY thread's cached counters, never MDIO, so
 * they are safe anywhere, secondary processes included.
 *
 * Reset. The counters in struct qt2025_counters are written by the PHY thread only, and some
 * of them (mdio_errors, mdio_timeouts) as absolute copies of hw->mdio: zeroing them would be
 * undone by the thread's next copy. So reset never writes the shared counters; it records
 * each counter's current value as a baseline that get subtracts, uniformly for every
 * resettable counter (one mechanism, no race with the writer). The baselines live in this
 * file, per process: a reset is seen by the process that asked for it, as the adapter
 * (shared memory, struct fixed by the header) has no room for them. A baseline belongs to
 * one probe of the port (keyed by probe_ns), so a re-probed port starts from its own zero.
 */

#include <stddef.h>

#include <rte_spinlock.h>
#include <rte_string_fns.h>

#include "qt2025_ethdev.h"

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

/* Per process baselines; the lock orders resets against reads from other threads. */
static struct {
	rte_spinlock_t lock;
	struct {
		uint64_t probe_ns;      /* the probe these baselines belong to */
		uint64_t val[QT2025_NB_XSTATS];
	} port[RTE_MAX_ETHPORTS];
} qt2025_xs_base = { .lock = RTE_SPINLOCK_INITIALIZER };

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
	uint16_t port = dev->data->port_id;
	unsigned int i;
	uint64_t v, b;
	bool based;

	if (xstats == NULL || n < QT2025_NB_XSTATS)
		return QT2025_NB_XSTATS;

	rte_spinlock_lock(&qt2025_xs_base.lock);
	based = qt2025_xs_base.port[port].probe_ns == ad->probe_ns;
	for (i = 0; i < QT2025_NB_XSTATS; i++) {
		v = qt2025_xstat_read(ad, i);
		b = based ? qt2025_xs_base.port[port].val[i] : 0;
		/* a counter below its baseline belongs to a newer instance: show it whole */
		xstats[i].id = i;
		xstats[i].value = v >= b ? v - b : v;
	}
	rte_spinlock_unlock(&qt2025_xs_base.lock);
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
	const struct qt2025_adapter *ad = qt2025_adapter(dev);
	uint16_t port = dev->data->port_id;
	unsigned int i;

	rte_spinlock_lock(&qt2025_xs_base.lock);
	qt2025_xs_base.port[port].probe_ns = ad->probe_ns;
	for (i = 0; i < QT2025_NB_XSTATS; i++)
		qt2025_xs_base.port[port].val[i] =
			qt2025_xstats[i].resettable ? qt2025_xstat_read(ad, i) : 0;
	rte_spinlock_unlock(&qt2025_xs_base.lock);
	return 0;
}
