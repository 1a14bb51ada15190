/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * ethdev glue shared by both transports, and the PCI driver net_qt2025. The simulator's
 * vdev (qt2025_sim_vdev.c) differs only in how it reaches the registers.
 */

#include <ethdev_pci.h>
#include <rte_malloc.h>

#include "qt2025_ethdev.h"
#include "qt2025_rxtx.h"
#include "tn40_hw.h"

RTE_LOG_REGISTER_DEFAULT(qt2025_logtype_driver, NOTICE);
RTE_LOG_REGISTER_SUFFIX(qt2025_logtype_init, init, NOTICE);
RTE_LOG_REGISTER_SUFFIX(qt2025_logtype_phy, phy, NOTICE);
RTE_LOG_REGISTER_SUFFIX(qt2025_logtype_sim, sim, NOTICE);

struct qt2025_proc qt2025_procs[RTE_MAX_ETHPORTS];

#define QT2025_MAX_RX_PKTLEN 16352     /* FRM_LENGTH 0x3FE0 (hw note 3.5) */
#define QT2025_MIN_DESC 64
#define QT2025_MAX_DESC 1364            /* RXF buffers posted at most (hw note 4.5) */

static int
qt2025_dev_configure(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	const struct rte_eth_conf *conf = &dev->data->dev_conf;
	uint32_t speeds = conf->link_speeds & ~RTE_ETH_LINK_SPEED_FIXED;

	/* The line rate is set by the SFP+ module (hw note 8.5): nothing to negotiate. */
	if (speeds != 0 && (speeds & ~(RTE_ETH_LINK_SPEED_10G | RTE_ETH_LINK_SPEED_1G)) != 0) {
		QT_DRV_LOG(ERR, ad, "link_speeds 0x%x not supported: the module sets 10G or 1G",
			   conf->link_speeds);
		return -EINVAL;
	}
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
	info->rx_desc_lim.nb_max = QT2025_MAX_DESC;
	info->rx_desc_lim.nb_min = QT2025_MIN_DESC;
	info->rx_desc_lim.nb_align = 1;
	info->tx_desc_lim.nb_max = QT2025_MAX_DESC;
	info->tx_desc_lim.nb_min = QT2025_MIN_DESC;
	info->tx_desc_lim.nb_align = 1;
	info->default_rxportconf.nb_queues = 1;
	info->default_txportconf.nb_queues = 1;
	info->default_rxportconf.ring_size = 512;
	info->default_txportconf.ring_size = 512;
	return 0;
}

static int
qt2025_dev_start(struct rte_eth_dev *dev)
{
	unsigned int i;

	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return -E_RTE_SECONDARY;
	for (i = 0; i < dev->data->nb_rx_queues; i++)
		dev->data->rx_queue_state[i] = RTE_ETH_QUEUE_STATE_STARTED;
	for (i = 0; i < dev->data->nb_tx_queues; i++)
		dev->data->tx_queue_state[i] = RTE_ETH_QUEUE_STATE_STARTED;
	/* Never waits for the PHY: the link arrives as an LSC event (DESIGN.md). */
	qt2025_link_start(dev);
	return 0;
}

static int
qt2025_dev_stop(struct rte_eth_dev *dev)
{
	unsigned int i;

	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return -E_RTE_SECONDARY;
	qt2025_link_stop(dev);
	for (i = 0; i < dev->data->nb_rx_queues; i++)
		dev->data->rx_queue_state[i] = RTE_ETH_QUEUE_STATE_STOPPED;
	for (i = 0; i < dev->data->nb_tx_queues; i++)
		dev->data->tx_queue_state[i] = RTE_ETH_QUEUE_STATE_STOPPED;
	dev->data->dev_started = 0;
	return 0;
}

static int
qt2025_dev_close(struct rte_eth_dev *dev)
{
	if (rte_eal_process_type() != RTE_PROC_PRIMARY) {
		memset(qt2025_proc(dev), 0, sizeof(struct qt2025_proc));
		return 0;
	}
	return qt2025_dev_uninit(dev);
}

static int
qt2025_fw_version_get(struct rte_eth_dev *dev, char *fw, size_t len)
{
	struct qt2025_phy_info info;
	int n;

	qt2025_link_info(dev, &info);
	n = snprintf(fw, len, "%u.%u.%u.%u", info.fw_version[0], info.fw_version[1],
		     info.fw_version[2], info.fw_version[3]);
	if (n < 0)
		return -EINVAL;
	return (size_t)n + 1 > len ? n + 1 : 0;
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
	.stats_get = qt2025_stats_get,
	.stats_reset = qt2025_stats_reset,
	.xstats_get = qt2025_xstats_get,
	.xstats_get_names = qt2025_xstats_get_names,
	.xstats_reset = qt2025_xstats_reset,
	.fw_version_get = qt2025_fw_version_get,
};

static void
qt2025_set_ops(struct rte_eth_dev *dev)
{
	dev->dev_ops = &qt2025_ops;
	dev->rx_pkt_burst = qt2025_recv_pkts;
	dev->tx_pkt_burst = qt2025_xmit_pkts;
}

/*
 * Common probe, primary process: proc->hw reaches the registers and ad->args is parsed.
 * Reads the firmware files, resets the PLL, reads the MAC address and starts the PHY
 * control thread, which brings the PHY up while the application goes on.
 */
int
qt2025_dev_init(struct rte_eth_dev *dev, struct rte_intr_handle *intr)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt2025_proc *proc = qt2025_proc(dev);
	uint8_t mac[RTE_ETHER_ADDR_LEN];
	int rc;

	qt2025_set_ops(dev);
	ad->port_id = dev->data->port_id;
	rte_spinlock_init(&ad->info_lock);
	ad->info.phy_addr = -1;

	rc = qt2025_fw_load(ad, proc);
	if (rc != 0)
		return rc;

	rc = tn40_pll_reset(&proc->hw);
	if (rc != 0) {
		QT_INIT_LOG(ERR, ad->name, "PLL did not lock after reset (CLKPLL 0x%08x)",
			    qt_rd32(&proc->hw, 0x5000));
		goto fail;
	}
	tn40_read_mac(&proc->hw, mac);
	dev->data->mac_addrs = rte_zmalloc("qt2025_mac", RTE_ETHER_ADDR_LEN, 0);
	if (dev->data->mac_addrs == NULL) {
		rc = -ENOMEM;
		goto fail;
	}
	memcpy(dev->data->mac_addrs[0].addr_bytes, mac, RTE_ETHER_ADDR_LEN);
	dev->data->dev_flags |= RTE_ETH_DEV_INTR_LSC | RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS;

	rc = qt2025_link_init(dev, intr);
	if (rc != 0)
		goto fail;
	QT_INIT_LOG(INFO, ad->name, "port %u, MAC " RTE_ETHER_ADDR_PRT_FMT
		    ", PHY bring-up runs in the background", dev->data->port_id,
		    RTE_ETHER_ADDR_BYTES(&dev->data->mac_addrs[0]));
	return 0;
fail:
	rte_free(dev->data->mac_addrs);
	dev->data->mac_addrs = NULL;
	qt2025_fw_free(proc);
	return rc;
}

/* Common remove: stops the PHY thread and its alarms before anything is freed. */
int
qt2025_dev_uninit(struct rte_eth_dev *dev)
{
	struct qt2025_proc *proc = qt2025_proc(dev);
	unsigned int i;

	if (proc->link != NULL) {
		if (dev->data->dev_started)
			qt2025_dev_stop(dev);
		qt2025_link_uninit(dev);
	}
	for (i = 0; i < dev->data->nb_rx_queues; i++)
		qt2025_rx_queue_release(dev, i);
	for (i = 0; i < dev->data->nb_tx_queues; i++)
		qt2025_tx_queue_release(dev, i);
	qt2025_fw_free(proc);
	return 0;
}

/* Secondary processes share dev_private and see the cached link and counters; they
 * never reach the PHY (conventions 2.4, 6.7).
 */
void
qt2025_dev_attach_secondary(struct rte_eth_dev *dev)
{
	qt2025_set_ops(dev);
}

/* ---- PCI transport ---- */

static const struct rte_pci_id qt2025_pci_ids[] = {
	/* 1FC9:4022 with the four QT2025 boards' subsystem IDs (hw note 1.1) */
	{ .class_id = RTE_CLASS_ANY_ID, .vendor_id = 0x1FC9, .device_id = 0x4022,
	  .subsystem_vendor_id = 0x1FC9, .subsystem_device_id = 0x3015 },
	{ .class_id = RTE_CLASS_ANY_ID, .vendor_id = 0x1FC9, .device_id = 0x4022,
	  .subsystem_vendor_id = 0x1186, .subsystem_device_id = 0x4D00 },
	{ .class_id = RTE_CLASS_ANY_ID, .vendor_id = 0x1FC9, .device_id = 0x4022,
	  .subsystem_vendor_id = 0x1043, .subsystem_device_id = 0x8709 },
	{ .class_id = RTE_CLASS_ANY_ID, .vendor_id = 0x1FC9, .device_id = 0x4022,
	  .subsystem_vendor_id = 0x1432, .subsystem_device_id = 0x8103 },
	{ .vendor_id = 0 },
};

static int
qt2025_pci_dev_init(struct rte_eth_dev *dev)
{
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt2025_proc *proc = qt2025_proc(dev);
	const char *args = NULL;
	int rc;

	qt_hw_init_bar(&proc->hw, pci->device.name, pci->mem_resource[0].addr);
	if (rte_eal_process_type() != RTE_PROC_PRIMARY) {
		qt2025_dev_attach_secondary(dev);
		return 0;
	}
	snprintf(ad->name, sizeof(ad->name), "%s", pci->device.name);
	if (pci->mem_resource[0].addr == NULL || pci->mem_resource[0].len < 0x10000) {
		QT_INIT_LOG(ERR, ad->name, "BAR0 not mapped or smaller than 64 KiB");
		return -ENODEV;
	}
	if (pci->device.devargs != NULL)
		args = pci->device.devargs->args;
	rc = qt2025_devargs_parse(ad->name, args, false, &ad->args);
	if (rc != 0)
		return rc;
	return qt2025_dev_init(dev, pci->intr_handle);
}

static int
qt2025_pci_probe(struct rte_pci_driver *drv, struct rte_pci_device *pci)
{
	RTE_SET_USED(drv);
	return rte_eth_dev_pci_generic_probe(pci, sizeof(struct qt2025_adapter),
					     qt2025_pci_dev_init);
}

static int
qt2025_pci_remove(struct rte_pci_device *pci)
{
	return rte_eth_dev_pci_generic_remove(pci, qt2025_dev_close);
}

static struct rte_pci_driver qt2025_pci_driver = {
	.id_table = qt2025_pci_ids,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING | RTE_PCI_DRV_INTR_LSC,
	.probe = qt2025_pci_probe,
	.remove = qt2025_pci_remove,
};

RTE_PMD_REGISTER_PCI(net_qt2025, qt2025_pci_driver);
RTE_PMD_REGISTER_PCI_TABLE(net_qt2025, qt2025_pci_ids);
RTE_PMD_REGISTER_KMOD_DEP(net_qt2025, "* vfio-pci");
RTE_PMD_REGISTER_PARAM_STRING(net_qt2025,
			      "phy_fw=<path> "
			      "nic_fw=<path> "
			      "link_poll_ms=<10-10000> "
			      "fw_force=<0|1>");
