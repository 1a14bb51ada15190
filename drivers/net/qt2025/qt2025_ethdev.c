/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * eth_dev_ops common to both transports, and the read-only table of secondary processes:
 * a secondary shares dev_private and sees the cached link, stats and counters; it never
 * reaches the PHY (design.md "DPDK conventions"), so its table simply has no op that would.
 */

#include <rte_malloc.h>

#include "qt2025_ethdev.h"
#include "qt2025_intr.h"
#include "qt2025_link.h"
#include "qt2025_ops.h"
#include "qt2025_port.h"
#include "qt2025_rxtx.h"
#include "qt2025_telemetry.h"
#include "qt2025_vec.h"
#include "qt2025_trace.h"
#include "qt2025_xstats.h"
#include "tn40_hw.h"
#include "tn40_port.h"

#define QT2025_MAX_RX_PKTLEN 16352     /* FRM_LENGTH 0x3FE0 (hardware.md 3.5) */

#define QT2025_RX_OFFLOADS (RTE_ETH_RX_OFFLOAD_VLAN_STRIP | RTE_ETH_RX_OFFLOAD_IPV4_CKSUM | \
	RTE_ETH_RX_OFFLOAD_UDP_CKSUM | RTE_ETH_RX_OFFLOAD_TCP_CKSUM | \
	RTE_ETH_RX_OFFLOAD_VLAN_FILTER)
#define QT2025_TX_OFFLOADS (RTE_ETH_TX_OFFLOAD_VLAN_INSERT | RTE_ETH_TX_OFFLOAD_IPV4_CKSUM | \
	RTE_ETH_TX_OFFLOAD_UDP_CKSUM | RTE_ETH_TX_OFFLOAD_TCP_CKSUM | \
	RTE_ETH_TX_OFFLOAD_TCP_TSO | RTE_ETH_TX_OFFLOAD_MULTI_SEGS | \
	RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE)

static int
qt2025_dev_configure(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	const struct rte_eth_conf *conf = &dev->data->dev_conf;

	/* The line rate is set by the SFP+ module (hardware.md 8.5): nothing to negotiate. */
	if (qt2025_link_speeds_check(dev) != 0)
		return -EINVAL;
	if (conf->lpbk_mode > 1) {
		QT_DRV_LOG(ERR, ad, "lpbk_mode %u not supported (0: none, 1: PHY PCS loopback)",
			   conf->lpbk_mode);
		return -EINVAL;
	}
	return 0;
}

static int
qt2025_dev_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	RTE_SET_USED(dev);
	info->max_rx_queues = 1;
	info->max_tx_queues = 1;
	info->max_mac_addrs = 1;
	info->min_rx_bufsize = RTE_ETHER_MIN_LEN;
	info->max_rx_pktlen = QT2025_MAX_RX_PKTLEN;
	info->min_mtu = RTE_ETHER_MIN_MTU;
	info->max_mtu = QT2025_MAX_RX_PKTLEN - RTE_ETHER_HDR_LEN - RTE_ETHER_CRC_LEN;
	info->speed_capa = RTE_ETH_LINK_SPEED_10G | RTE_ETH_LINK_SPEED_1G;
	info->rx_offload_capa = QT2025_RX_OFFLOADS;
	info->tx_offload_capa = QT2025_TX_OFFLOADS;
	/* any ring size up to 4096; the NIC holds 1364 Rx buffers at a time (hardware.md 4.5) */
	info->rx_desc_lim.nb_max = QT2025_RING_MAX;
	info->rx_desc_lim.nb_min = QT2025_RING_MIN;
	info->rx_desc_lim.nb_align = 1;
	info->tx_desc_lim.nb_max = QT2025_RING_MAX;
	info->tx_desc_lim.nb_min = QT2025_RING_MIN;
	info->tx_desc_lim.nb_align = 1;
	info->tx_desc_lim.nb_seg_max = QT2025_TX_SEG_MAX;
	info->tx_desc_lim.nb_mtu_seg_max = QT2025_TX_SEG_MAX;
	info->default_rxportconf.nb_queues = 1;
	info->default_txportconf.nb_queues = 1;
	info->default_rxportconf.ring_size = 512;
	info->default_txportconf.ring_size = 512;
	return 0;
}

const uint32_t *
qt2025_ptypes_get(struct rte_eth_dev *dev, size_t *no_of_elements)
{
	static const uint32_t ptypes[] = {
		RTE_PTYPE_L2_ETHER,
		RTE_PTYPE_L3_IPV4,
		RTE_PTYPE_L4_TCP,
		RTE_PTYPE_L4_UDP,
	};

	RTE_SET_USED(dev);
	*no_of_elements = RTE_DIM(ptypes);
	return ptypes;
}

static int
qt2025_dev_start(struct rte_eth_dev *dev)
{
	int rc;

	rc = qt2025_start_check(dev);
	if (rc != 0)
		return rc;
	qt2025_dp_lock(dev);
	rc = qt2025_port_start(dev);
	if (rc == 0) {
		qt2025_ops_restore(dev);        /* hw_start wrote the defaults: LED, fc */
		qt2025_bursts_select(dev);      /* the offloads are known now */
		/* Never waits for the PHY: the link arrives as an LSC event (design.md "Who
		 * runs what").
		 */
		qt2025_link_start(dev);
	}
	qt2025_dp_unlock(dev);
	return rc;
}

static int
qt2025_dev_stop(struct rte_eth_dev *dev)
{
	qt2025_dp_lock(dev);
	qt2025_link_stop(dev);
	qt2025_port_stop(dev);
	qt2025_dp_unlock(dev);
	dev->data->dev_started = 0;
	return 0;
}

/*
 * The PHY side's start-up order: the link context (the thread's eventfd), the card's
 * interrupt (which wakes the thread through it), the PHY thread, telemetry; phy_stop undoes
 * it in reverse, nothing freed before the interrupt and the thread are gone.
 */
static int
phy_start(struct rte_eth_dev *dev, struct rte_intr_handle *intr)
{
	struct qt2025_proc *proc = qt2025_proc(dev);
	int rc;

	rc = qt2025_link_init(dev);
	if (rc != 0)
		return rc;
	qt2025_intr_setup(dev, intr, proc->link->wake_fd);
	rc = qt2025_link_thread_start(dev);
	if (rc != 0) {
		qt2025_intr_teardown(dev);
		qt2025_link_uninit(dev);
		return rc;
	}
	qt2025_tel_port_set(dev->data->port_id, true);
	return 0;
}

static int
phy_stop(struct rte_eth_dev *dev)
{
	/* telemetry stops reading the port before anything goes (qt2025_telemetry.h) */
	qt2025_tel_port_set(dev->data->port_id, false);
	qt2025_intr_teardown(dev);
	return qt2025_link_uninit(dev);
}

static int
qt2025_dev_close(struct rte_eth_dev *dev)
{
	struct qt2025_proc *proc = qt2025_proc(dev);
	unsigned int i;

	if (dev->data->dev_started)
		qt2025_dev_stop(dev);
	if (phy_stop(dev) != 0)
		return -ETIMEDOUT;      /* the stuck thread keeps hw, images and queues */
	for (i = 0; i < dev->data->nb_rx_queues; i++)
		qt2025_rx_queue_release(dev, i);
	for (i = 0; i < dev->data->nb_tx_queues; i++)
		qt2025_tx_queue_release(dev, i);
	qt2025_rx_intr_teardown(dev);
	qt2025_fw_free(proc);
	qt2025_trace_close(dev);
	memset(proc, 0, sizeof(*proc));
	return 0;
}

static void
qt2025_rxq_info_get(struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_rxq_info *qinfo)
{
	const struct qt2025_rxq *q = dev->data->rx_queues[qid];

	qinfo->mp = q->mp;
	qinfo->nb_desc = q->nb_desc;
	qinfo->rx_buf_size = q->buf_len;
	qinfo->scattered_rx = 0;
	qinfo->conf.rx_deferred_start = q->deferred;
	qinfo->conf.offloads = q->vlan_strip ? RTE_ETH_RX_OFFLOAD_VLAN_STRIP : 0;
	qinfo->queue_state = dev->data->rx_queue_state[qid];
}

static void
qt2025_txq_info_get(struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_txq_info *qinfo)
{
	const struct qt2025_txq *q = dev->data->tx_queues[qid];

	qinfo->nb_desc = q->nb_desc;
	qinfo->conf.tx_free_thresh = q->free_thresh;
	qinfo->conf.tx_deferred_start = q->deferred;
	qinfo->conf.offloads = q->offloads;
	qinfo->queue_state = dev->data->tx_queue_state[qid];
}

/*
 * As ixgbe and ice do (uninit, then init): ethdev stopped the port; what the probe set up
 * is undone and done again, the PHY bring-up included (a warm start when the PHY firmware
 * still runs). The application configures the port again afterwards.
 */
static int
qt2025_dev_reset(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt2025_proc *proc = qt2025_proc(dev);
	struct qt_hw hw = proc->hw;
	struct qt2025_probe_args probe = proc->probe;
	int rc;

	qt2025_trace_inner(dev, &hw);   /* close frees a trace; the card's transport stays */
	QT_DRV_LOG(NOTICE, ad, "port reset: the bring-up runs again");
	rc = qt2025_dev_close(dev);
	if (rc != 0)
		return rc;      /* a PHY thread left behind keeps the port's state */
	proc->hw = hw;          /* the transport outlives the reset; close forgot it */
	proc->probe = probe;
	qt_hw_set_stop(&proc->hw, NULL, NULL);  /* the old PHY thread's hook is gone */
	rte_free(dev->data->mac_addrs);
	dev->data->mac_addrs = NULL;
	rte_atomic_store_explicit(&ad->nic_fw_done, 0, rte_memory_order_release);
	ad->hw_quiet = false;   /* the NIC-firmware push moves the TXD pointers again */
	rc = qt2025_dev_init(dev, probe.intr, probe.has_builtin ? &probe.builtin : NULL);
	if (rc != 0)
		QT_DRV_LOG(ERR, ad, "port reset failed (%d): close the port", rc);
	return rc;
}

static const struct eth_dev_ops qt2025_ops = {
	.dev_configure = qt2025_dev_configure,
	.dev_infos_get = qt2025_dev_infos_get,
	.dev_start = qt2025_dev_start,
	.dev_stop = qt2025_dev_stop,
	.dev_close = qt2025_dev_close,
	.dev_set_link_up = qt2025_dev_set_link_up,
	.dev_set_link_down = qt2025_dev_set_link_down,
	.link_update = qt2025_link_update,
	.rx_queue_setup = qt2025_rx_queue_setup,
	.tx_queue_setup = qt2025_tx_queue_setup,
	.rx_queue_release = qt2025_rx_queue_release,
	.tx_queue_release = qt2025_tx_queue_release,
	.rx_queue_start = qt2025_rx_queue_start,
	.rx_queue_stop = qt2025_rx_queue_stop,
	.tx_queue_start = qt2025_tx_queue_start,
	.tx_queue_stop = qt2025_tx_queue_stop,
	.rx_queue_intr_enable = qt2025_rx_queue_intr_enable,
	.rx_queue_intr_disable = qt2025_rx_queue_intr_disable,
	.tx_done_cleanup = qt2025_tx_done_cleanup,
	.rxq_info_get = qt2025_rxq_info_get,
	.txq_info_get = qt2025_txq_info_get,
	.rx_burst_mode_get = qt2025_rx_burst_mode_get,
	.tx_burst_mode_get = qt2025_tx_burst_mode_get,
	.dev_supported_ptypes_get = qt2025_ptypes_get,
	.promiscuous_enable = qt2025_promiscuous_enable,
	.promiscuous_disable = qt2025_promiscuous_disable,
	.allmulticast_enable = qt2025_allmulticast_enable,
	.allmulticast_disable = qt2025_allmulticast_disable,
	.set_mc_addr_list = qt2025_set_mc_addr_list,
	.mac_addr_set = qt2025_mac_addr_set,
	.vlan_filter_set = qt2025_vlan_filter_set,
	.vlan_offload_set = qt2025_vlan_offload_set,
	.mtu_set = qt2025_mtu_set,
	.stats_get = qt2025_stats_get,
	.stats_reset = qt2025_stats_reset,
	.xstats_get = qt2025_xstats_get,
	.xstats_get_names = qt2025_xstats_get_names,
	.xstats_reset = qt2025_xstats_reset,
	.fw_version_get = qt2025_fw_version_get,
	.get_module_info = qt2025_get_module_info,
	.get_module_eeprom = qt2025_get_module_eeprom,
	.get_reg = qt2025_get_reg,
	.eth_dev_priv_dump = qt2025_priv_dump,
	.dev_led_on = qt2025_dev_led_on,
	.dev_led_off = qt2025_dev_led_off,
	.flow_ctrl_get = qt2025_flow_ctrl_get,
	.flow_ctrl_set = qt2025_flow_ctrl_set,
	.dev_reset = qt2025_dev_reset,
};

/* ---- secondary processes ---- */

/* dev_link is in shared memory and current: "unchanged" makes ethdev copy it. */
static int
qt2025_secondary_link_update(struct rte_eth_dev *dev, int wait_to_complete)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(wait_to_complete);
	return -1;
}

/* Only this process's view goes: the port, its PHY thread and its memory are the
 * primary's.
 */
static int
qt2025_secondary_close(struct rte_eth_dev *dev)
{
	memset(qt2025_proc(dev), 0, sizeof(struct qt2025_proc));
	return 0;
}

static const struct eth_dev_ops qt2025_secondary_ops = {
	.dev_infos_get = qt2025_dev_infos_get,
	.dev_close = qt2025_secondary_close,
	.link_update = qt2025_secondary_link_update,
	.stats_get = qt2025_stats_get,
	.xstats_get = qt2025_xstats_get,
	.xstats_get_names = qt2025_xstats_get_names,
	.fw_version_get = qt2025_fw_version_get,
	.rxq_info_get = qt2025_rxq_info_get,
	.txq_info_get = qt2025_txq_info_get,
	.rx_burst_mode_get = qt2025_rx_burst_mode_get,
	.tx_burst_mode_get = qt2025_tx_burst_mode_get,
	.get_module_info = qt2025_get_module_info,
	.get_module_eeprom = qt2025_get_module_eeprom,
	.get_reg = qt2025_get_reg,
	.eth_dev_priv_dump = qt2025_priv_dump,
	.flow_ctrl_get = qt2025_flow_ctrl_get,
};

static void
set_bursts(struct rte_eth_dev *dev)
{
	qt2025_bursts_select(dev);
	dev->tx_pkt_prepare = qt2025_prep_pkts;
	dev->rx_queue_count = qt2025_rx_queue_count;
	dev->rx_descriptor_status = qt2025_rx_descriptor_status;
	dev->tx_descriptor_status = qt2025_tx_descriptor_status;
}

void
qt2025_dev_attach_secondary(struct rte_eth_dev *dev)
{
	dev->dev_ops = &qt2025_secondary_ops;
	set_bursts(dev);
}

int
qt2025_dev_remove(struct rte_eth_dev *dev)
{
	return dev->dev_ops == &qt2025_ops ? qt2025_dev_close(dev) : qt2025_secondary_close(dev);
}

/* ---- probe, primary ---- */

int
qt2025_port_available(const char *name)
{
	if (rte_eth_dev_count_total() < RTE_MAX_ETHPORTS)
		return 0;
	QT_INIT_LOG(ERR, name, "no ethdev port left: all %d (RTE_MAX_ETHPORTS of this DPDK "
		    "build) are in use", RTE_MAX_ETHPORTS);
	return -ENOSPC;
}

int
qt2025_dev_init(struct rte_eth_dev *dev, struct rte_intr_handle *intr,
		const struct qt2025_builtin_fw *builtin)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt2025_proc *proc = qt2025_proc(dev);
	uint8_t mac[RTE_ETHER_ADDR_LEN];
	int rc;

	dev->dev_ops = &qt2025_ops;
	set_bursts(dev);
	ad->port_id = dev->data->port_id;
	ad->info.phy_addr = -1;
	proc->probe.intr = intr;
	proc->probe.has_builtin = builtin != NULL;
	if (builtin != NULL)
		proc->probe.builtin = *builtin;
	/* TXFC and PAUSE_QUANT of hw_start (hardware.md 6.5) */
	ad->fc_mode = RTE_ETH_FC_TX_PAUSE;
	ad->pause_time = TN40_PAUSE_QUANT_DEFAULT;
	ad->led = 0;
	ad->nic_fw_ver = 0;
	qt2025_sfp_init(dev);           /* before the PHY thread starts */
	qt2025_regs_mp_init();

	rc = qt2025_fw_load(ad, proc, builtin);
	if (rc != 0)
		return rc;
	proc->hw.mdio_ring = &ad->mdio_ring;
	rc = qt2025_trace_start(dev);
	if (rc != 0)
		goto fail;
	rc = tn40_pll_reset(&proc->hw);
	if (rc != 0) {
		QT_INIT_LOG(ERR, ad->name, "PLL reset failed: %s", proc->hw.why);
		goto fail;
	}
	tn40_read_mac(&proc->hw, mac);
	ad->hw_stats = tn40_stats_supported(&proc->hw);
	dev->data->mac_addrs = rte_zmalloc("qt2025_mac", RTE_ETHER_ADDR_LEN, 0);
	if (dev->data->mac_addrs == NULL) {
		rc = -ENOMEM;
		goto fail;
	}
	memcpy(dev->data->mac_addrs[0].addr_bytes, mac, RTE_ETHER_ADDR_LEN);
	dev->data->dev_flags |= RTE_ETH_DEV_INTR_LSC | RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS;
	dev->data->mtu = RTE_ETHER_MTU;

	rc = qt2025_rx_intr_setup(dev);
	if (rc == 0)
		rc = phy_start(dev, intr);
	if (rc != 0) {
		qt2025_rx_intr_teardown(dev);
		goto fail;
	}
	QT_INIT_LOG(INFO, ad->name, "port %u, MAC " RTE_ETHER_ADDR_PRT_FMT
		    ", PHY bring-up runs in the background", dev->data->port_id,
		    RTE_ETHER_ADDR_BYTES(&dev->data->mac_addrs[0]));
	return 0;
fail:
	rte_free(dev->data->mac_addrs);
	dev->data->mac_addrs = NULL;
	qt2025_fw_free(proc);
	qt2025_trace_close(dev);
	return rc;
}
