/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The port around the queues: start and stop of the datapath (SW reset, FIFOs, hw_start,
 * hardware.md 6.2, 6.5), receive filters (3.10), MTU, MAC address, VLAN table (Rx interrupts are
 * qt2025_intr.c's). Filters are kept in the adapter and written again after every reset.
 */

#include "qt2025_ethdev.h"
#include "qt2025_port.h"
#include "qt2025_rxtx.h"
#include "tn40_hw.h"
#include "tn40_port.h"

#define NIC_FW_WAIT_MS          5000    /* download 0.5 s, boot 3 s, NIC firmware 0.5 s at most */
#define FRAME_OVERHEAD          (RTE_ETHER_HDR_LEN + RTE_ETHER_CRC_LEN)

/* MAX_FRAME_A for an MTU: header and FCS, MTU + 18 as both drivers write it (hardware.md 6.5). A
 * VLAN tag is not counted: the NIC strips it first (UNCERTAIN; the model plays it so).
 */
static uint32_t
max_frame(uint16_t mtu)
{
	return (uint32_t)mtu + FRAME_OVERHEAD;
}

static void
apply_rx_mode(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt_hw *hw = &qt2025_proc(dev)->hw;

	tn40_rx_mode(hw, dev->data->promiscuous, dev->data->all_multicast,
		     (const uint8_t (*)[6])ad->mc, ad->nb_mc, ad->fc_mode == RTE_ETH_FC_TX_PAUSE);
}

/* Without the VLAN_FILTER offload every VID passes: the NIC applies the table always.
 * One write per 32 VIDs: dev_start is on the path to link up (4096 read-modify-writes
 * cost milliseconds).
 */
static void
apply_vlan_table(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt_hw *hw = &qt2025_proc(dev)->hw;
	bool filter = (dev->data->dev_conf.rxmode.offloads & RTE_ETH_RX_OFFLOAD_VLAN_FILTER) != 0;
	unsigned int i;

	for (i = 0; i < (RTE_ETHER_MAX_VLAN_ID + 1) / 32; i++)
		tn40_vlan_word(hw, i, filter ? ad->vfta[i] : UINT32_MAX);
}

/* The PHY thread pushes the NIC firmware through the TXD FIFO during its bring-up, after the
 * PHY's download as Linux does (hardware.md 4.8, 6.4): the rings wait until it is done with
 * it, or gave up, or the port closes.
 */
struct fw_wait {
	struct qt2025_adapter *ad;
	bool loading;           /* the wait for the end of the PHY download */
};

static bool
nic_fw_done(void *arg)
{
	struct fw_wait *fw = arg;

	if (rte_atomic_load_explicit(&fw->ad->nic_fw_done, rte_memory_order_acquire) != 0)
		return true;
	return (qt2025_state_get(fw->ad) == QT2025_ST_FW_LOAD) != fw->loading;
}

/*
 * Looks every 1 ms, but every 10 ms through a PHY download: the NIC firmware takes 100 ms
 * after it, and each look preempts the thread that drives the download where the two share
 * a CPU (a 0.5 s download of a cabled pair took 40 ms longer with a look every 0.5 ms).
 */
static void
wait_nic_fw(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct fw_wait fw = { .ad = ad };
	/* on another thread, not the card: the OS's sleep, the steps counted */
	struct qt_wait w = {
		.cond = nic_fw_done,
		.arg = &fw,
		.flags = QT_WAIT_OS | QT_WAIT_STEPS,
	};
	uint64_t hz = rte_get_timer_hz(), now = rte_get_timer_cycles();
	const uint64_t end = now + NIC_FW_WAIT_MS * hz / 1000;

	/* one wait per step size: it ends when the download starts or ends */
	for (; rte_atomic_load_explicit(&ad->nic_fw_done, rte_memory_order_acquire) == 0 &&
	       now < end; now = rte_get_timer_cycles()) {
		fw.loading = qt2025_state_get(ad) == QT2025_ST_FW_LOAD;
		w.step_ns = (fw.loading ? 10 : 1) * QT_NS_PER_MS;
		w.timeout_ns = (end - now) * NS_PER_S / hz;
		qt_wait(&qt2025_proc(dev)->hw, &w);
	}
	if (rte_atomic_load_explicit(&ad->nic_fw_done, rte_memory_order_acquire) != 0)
		return;
	QT_DRV_LOG(WARNING, ad, "NIC firmware still loading after %u ms: starting anyway",
		   NIC_FW_WAIT_MS);
}

int
qt2025_port_start(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt_hw *hw = &qt2025_proc(dev)->hw;
	unsigned int i;
	int rc;

	/* the MTU may have changed since the queues were set up (dev_configure) */
	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		const struct qt2025_rxq *q = dev->data->rx_queues[i];

		if (qt2025_rx_buf_check(dev, dev->data->mtu, q->buf_len, q->mp) != 0)
			return -EINVAL;
	}
	wait_nic_fw(dev);
	/* after a probe the NIC-firmware push left the TXD/TXF pointers moved: reset, with
	 * nothing to drain (Rx was never enabled); after dev_stop it was reset already
	 */
	if (!ad->hw_quiet)
		tn40_sw_reset(hw, false);
	ad->hw_quiet = false;
	for (i = 0; i < dev->data->nb_tx_queues; i++)
		qt2025_txq_hw_start(dev->data->tx_queues[i], hw);
	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		rc = qt2025_rxq_hw_start(dev->data->rx_queues[i], hw);
		if (rc != 0) {
			QT_DRV_LOG(ERR, ad, "Rx queue %u: the mempool cannot fill the ring", i);
			qt2025_port_stop(dev);
			return rc;
		}
	}
	tn40_hw_start(hw, dev->data->mac_addrs[0].addr_bytes, max_frame(dev->data->mtu),
		      rte_atomic_load_explicit(&ad->imr, rte_memory_order_acquire));
	apply_rx_mode(dev);
	apply_vlan_table(dev);
	for (i = 0; i < dev->data->nb_rx_queues; i++)
		dev->data->rx_queue_state[i] = ((struct qt2025_rxq *)dev->data->rx_queues[i])->
			running ? RTE_ETH_QUEUE_STATE_STARTED : RTE_ETH_QUEUE_STATE_STOPPED;
	for (i = 0; i < dev->data->nb_tx_queues; i++)
		dev->data->tx_queue_state[i] = ((struct qt2025_txq *)dev->data->tx_queues[i])->
			running ? RTE_ETH_QUEUE_STATE_STARTED : RTE_ETH_QUEUE_STATE_STOPPED;
	return 0;
}

/* DMA stops before any buffer goes back to its pool (hardware.md 6.5 stop). */
void
qt2025_port_stop(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	unsigned int i;

	tn40_hw_stop(&qt2025_proc(dev)->hw);
	ad->hw_quiet = true;
	rte_atomic_fetch_and_explicit(&ad->imr, ~TN40_IRQ_RX_DESC0, rte_memory_order_acq_rel);
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		qt2025_txq_hw_stop(dev->data->tx_queues[i]);
		dev->data->tx_queue_state[i] = RTE_ETH_QUEUE_STATE_STOPPED;
	}
	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		qt2025_rxq_hw_stop(dev->data->rx_queues[i]);
		dev->data->rx_queue_state[i] = RTE_ETH_QUEUE_STATE_STOPPED;
	}
}

/* ---- receive filters ---- */

static int
rx_mode_op(struct rte_eth_dev *dev)
{
	if (dev->data->dev_started)
		apply_rx_mode(dev);
	return 0;
}

int
qt2025_promiscuous_enable(struct rte_eth_dev *dev)
{
	dev->data->promiscuous = 1;     /* ethdev sets it after the op: the op needs it now */
	return rx_mode_op(dev);
}

int
qt2025_promiscuous_disable(struct rte_eth_dev *dev)
{
	dev->data->promiscuous = 0;
	return rx_mode_op(dev);
}

int
qt2025_allmulticast_enable(struct rte_eth_dev *dev)
{
	dev->data->all_multicast = 1;
	return rx_mode_op(dev);
}

int
qt2025_allmulticast_disable(struct rte_eth_dev *dev)
{
	dev->data->all_multicast = 0;
	return rx_mode_op(dev);
}

int
qt2025_set_mc_addr_list(struct rte_eth_dev *dev, struct rte_ether_addr *mc, uint32_t n)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);

	if (n > QT2025_MC_MAX) {
		QT_DRV_LOG(ERR, ad, "%u multicast addresses: at most %u", n, QT2025_MC_MAX);
		return -ENOSPC;
	}
	if (n > 0)              /* mc may be NULL for an empty list (UBSan: memcpy from NULL) */
		memcpy(ad->mc, mc, n * sizeof(*mc));
	ad->nb_mc = (uint16_t)n;
	return rx_mode_op(dev);
}

int
qt2025_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr)
{
	if (dev->data->dev_started)
		tn40_set_mac(&qt2025_proc(dev)->hw, addr->addr_bytes);
	return 0;       /* else hw_start writes dev->data->mac_addrs[0] */
}

int
qt2025_vlan_filter_set(struct rte_eth_dev *dev, uint16_t vid, int on)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	uint32_t bit = 1u << (vid % 32);

	if (vid > RTE_ETHER_MAX_VLAN_ID)
		return -EINVAL;
	if (on)
		ad->vfta[vid / 32] |= bit;
	else
		ad->vfta[vid / 32] &= ~bit;
	if (dev->data->dev_started &&
	    (dev->data->dev_conf.rxmode.offloads & RTE_ETH_RX_OFFLOAD_VLAN_FILTER))
		tn40_vlan_filter(&qt2025_proc(dev)->hw, vid, on);
	return 0;
}

int
qt2025_vlan_offload_set(struct rte_eth_dev *dev, int mask)
{
	bool strip = (dev->data->dev_conf.rxmode.offloads & RTE_ETH_RX_OFFLOAD_VLAN_STRIP) != 0;
	unsigned int i;

	if (mask & RTE_ETH_VLAN_STRIP_MASK)
		for (i = 0; i < dev->data->nb_rx_queues; i++)
			((struct qt2025_rxq *)dev->data->rx_queues[i])->vlan_strip = strip;
	if ((mask & RTE_ETH_VLAN_FILTER_MASK) && dev->data->dev_started)
		apply_vlan_table(dev);
	return 0;
}

int
qt2025_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	unsigned int i;

	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		const struct qt2025_rxq *q = dev->data->rx_queues[i];

		if (q != NULL && qt2025_rx_buf_check(dev, mtu, q->buf_len, q->mp) != 0)
			return -EINVAL;
	}
	if (dev->data->dev_started)
		tn40_set_max_frame(&qt2025_proc(dev)->hw, max_frame(mtu));
	return 0;
}
