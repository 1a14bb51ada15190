/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Statistics. Basic stats: what the queues counted (packets, bytes, CRC errors, rx_nombuf)
 * plus the NIC's own counters (hardware.md 3.11: frames it dropped, imissed; frames too long,
 * ierrors). xstats (design.md "DPDK conventions"): the PHY thread's counters, then the NIC's.
 * Names and ids are a stable interface (design.md "Stable interfaces"): append only.
 *
 * Reset. The PHY counters are written by the PHY thread only, some (mdio_errors,
 * mdio_timeouts) as absolute copies of hw->mdio, and the NIC's run free (hardware.md 3.11): zeroing
 * either is not ours to do. Reset records baselines in the adapter (shared, so every
 * process sees the reset) and reads subtract them. Reads of the NIC's counters need the
 * registers: a process without them (a simulated port seen from a secondary) reports the
 * baselines' view, 0.
 */

#include <assert.h>
#include <stddef.h>

#include <rte_string_fns.h>

#include "qt2025_port.h"
#include "qt2025_rxtx.h"
#include "qt2025_xstats.h"
#include "tn40_port.h"

struct qt2025_xstat {
	const char *name;
	int16_t hw;             /* index of the NIC counter (hardware.md 3.11), or one of: */
#define QT_XSTAT_PHY    -1      /* a PHY counter, off in struct qt2025_counters */
#define QT_XSTAT_TXQ    -2      /* a sum over Tx queues, off in struct qt2025_queue_stats */
	uint16_t off;
	bool resettable;
};

#define QT_XSTAT(n, field, r) \
	{ (n), QT_XSTAT_PHY, offsetof(struct qt2025_counters, field), (r) }
#define QT_XSTAT_HW(n, idx) { (n), (idx), 0, true }
#define QT_XSTAT_Q(n, field) { (n), QT_XSTAT_TXQ, offsetof(struct qt2025_queue_stats, field), true }

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
	QT_XSTAT_HW("mac_rx_unicast_packets", TN40_STAT_IN_UCAST),
	QT_XSTAT_HW("mac_rx_multicast_packets", TN40_STAT_IN_MCAST),
	QT_XSTAT_HW("mac_rx_broadcast_packets", TN40_STAT_IN_BCAST),
	QT_XSTAT_HW("mac_rx_packets", TN40_STAT_IN_PKTS),
	QT_XSTAT_HW("mac_rx_errors", TN40_STAT_IN_ERRORS),
	QT_XSTAT_HW("mac_rx_dropped", TN40_STAT_IN_DROPPED),
	QT_XSTAT_HW("mac_rx_too_long", TN40_STAT_TOO_LONG),
	QT_XSTAT_HW("mac_rx_vlan_packets", TN40_STAT_IN_VLAN),
	QT_XSTAT_HW("mac_rx_octets", TN40_STAT_IN_OCTETS),
	QT_XSTAT_HW("mac_tx_unicast_packets", TN40_STAT_OUT_UCAST),
	QT_XSTAT_HW("mac_tx_multicast_packets", TN40_STAT_OUT_MCAST),
	QT_XSTAT_HW("mac_tx_broadcast_packets", TN40_STAT_OUT_BCAST),
	QT_XSTAT_HW("mac_tx_packets", TN40_STAT_OUT_PKTS),
	QT_XSTAT_HW("mac_tx_vlan_packets", TN40_STAT_OUT_VLAN),
	QT_XSTAT_HW("mac_tx_octets", TN40_STAT_OUT_OCTETS),
	QT_XSTAT_Q("tx_prepare_refused", refused),
	QT_XSTAT_Q("tx_bad_packets_dropped", errors),
	QT_XSTAT("tx_stalls", tx_stalls, true),
	QT_XSTAT_Q("tx_stall_dropped_packets", stall_drops),
	QT_XSTAT_Q("tx_link_down_packets", link_down),
};

#define QT2025_NB_XSTATS RTE_DIM(qt2025_xstats)

static_assert(RTE_DIM(((struct qt2025_adapter *)0)->xstats_base) >= QT2025_NB_XSTATS,
	      "one baseline per xstat");

/* A NIC counter since the last reset; 0 without registers or statistics block. */
static uint64_t
hw_stat(struct rte_eth_dev *dev, unsigned int idx)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	const struct qt_hw *rhw = qt2025_burst_hw(dev->data->port_id);
	struct qt_hw *hw = &qt2025_proc(dev)->hw;

	if (rhw == NULL || !ad->hw_stats)
		return 0;
	return tn40_stat_read(hw, TN40_STAT(idx)) - ad->hw_stats_base[idx];
}

/* A field of the Tx queues' counters, summed; reset with them (stats or xstats reset). */
static uint64_t *
txq_stat(struct rte_eth_dev *dev, unsigned int q, unsigned int off)
{
	struct qt2025_txq *txq = dev->data->tx_queues[q];

	return txq == NULL ? NULL : (uint64_t *)((char *)&txq->st + off);
}

/* The PHY counter at off in ad->cnt, as it counts now. */
static uint64_t
phy_cnt(const struct qt2025_adapter *ad, size_t off)
{
	const RTE_ATOMIC(uint64_t) *p = (const void *)((const char *)&ad->cnt + off);

	return rte_atomic_load_explicit(p, rte_memory_order_relaxed);
}

static uint64_t
xstat_read(struct rte_eth_dev *dev, unsigned int i)
{
	const struct qt2025_adapter *ad = qt2025_adapter(dev);
	uint64_t sum = 0, *v;
	unsigned int q;

	if (qt2025_xstats[i].hw >= 0)
		return hw_stat(dev, qt2025_xstats[i].hw);
	if (qt2025_xstats[i].hw == QT_XSTAT_TXQ) {
		for (q = 0; q < dev->data->nb_tx_queues; q++) {
			v = txq_stat(dev, q, qt2025_xstats[i].off);
			sum += v != NULL ? *v : 0;
		}
		return sum;
	}
	return phy_cnt(ad, qt2025_xstats[i].off) -
	       rte_atomic_load_explicit(&ad->xstats_base[i], rte_memory_order_relaxed);
}

int
qt2025_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xstats, unsigned int n)
{
	unsigned int i;

	if (xstats == NULL || n < QT2025_NB_XSTATS)
		return QT2025_NB_XSTATS;
	for (i = 0; i < QT2025_NB_XSTATS; i++) {
		xstats[i].id = i;
		xstats[i].value = xstat_read(dev, i);
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

static void
hw_stats_reset(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt_hw *hw = &qt2025_proc(dev)->hw;
	unsigned int i;

	if (qt2025_burst_hw(dev->data->port_id) == NULL || !ad->hw_stats)
		return;
	for (i = 0; i < QT2025_HW_STATS; i++)
		ad->hw_stats_base[i] = tn40_stat_read(hw, TN40_STAT(i));
}

int
qt2025_xstats_reset(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	unsigned int i;

	for (i = 0; i < QT2025_NB_XSTATS; i++) {
		const struct qt2025_xstat *x = &qt2025_xstats[i];

		if (x->hw == QT_XSTAT_PHY && x->resettable)
			rte_atomic_store_explicit(&ad->xstats_base[i], phy_cnt(ad, x->off),
						  rte_memory_order_relaxed);
	}
	/* the Tx queues' counters as a whole: opackets is posted less what never left, so
	 * that the parts are reset together (as i40e's xstats_reset resets its stats)
	 */
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		struct qt2025_txq *q = dev->data->tx_queues[i];

		if (q != NULL)
			memset(&q->st, 0, sizeof(q->st));
	}
	hw_stats_reset(dev);
	return 0;
}

int
qt2025_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats,
		 struct eth_queue_stats *qs)
{
	unsigned int i;

	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		const struct qt2025_rxq *q = dev->data->rx_queues[i];

		if (q == NULL)
			continue;
		stats->ipackets += q->st.packets;
		stats->ibytes += q->st.bytes;
		stats->ierrors += q->st.errors;
		stats->rx_nombuf += q->st.nombuf;
		if (qs != NULL && i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			qs->q_ipackets[i] = q->st.packets;
			qs->q_ibytes[i] = q->st.bytes;
			qs->q_errors[i] = q->st.errors;
		}
	}
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		const struct qt2025_txq *q = dev->data->tx_queues[i];

		if (q == NULL)
			continue;
		/* what went: posted, less what never left (a recovery, no link) */
		stats->opackets += q->st.packets - q->st.stall_drops - q->st.link_down;
		stats->obytes += q->st.bytes - q->st.stall_bytes - q->st.link_down_bytes;
		stats->oerrors += q->st.errors + q->st.stall_drops;
		if (qs != NULL && i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			qs->q_opackets[i] = q->st.packets - q->st.stall_drops - q->st.link_down;
			qs->q_obytes[i] = q->st.bytes - q->st.stall_bytes - q->st.link_down_bytes;
		}
	}
	/* what the NIC dropped before a descriptor: no buffer (imissed), too long (ierrors) */
	stats->imissed = hw_stat(dev, TN40_STAT_IN_DROPPED);
	stats->ierrors += hw_stat(dev, TN40_STAT_TOO_LONG) + hw_stat(dev, TN40_STAT_IN_ERRORS);
	return 0;
}

int
qt2025_stats_reset(struct rte_eth_dev *dev)
{
	unsigned int i;

	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		struct qt2025_rxq *q = dev->data->rx_queues[i];

		if (q != NULL)
			memset(&q->st, 0, sizeof(q->st));
	}
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		struct qt2025_txq *q = dev->data->tx_queues[i];

		if (q != NULL)
			memset(&q->st, 0, sizeof(q->st));
	}
	hw_stats_reset(dev);
	return 0;
}
