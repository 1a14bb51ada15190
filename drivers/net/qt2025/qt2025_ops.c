/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Firmware version, private dump, identification LED, flow control and link speeds (port reset is
 * qt2025_ethdev.c's). What the PHY thread owns (versions, module, state) is read from its
 * publications in dev_private; the LED and flow control are BAR registers the primary writes
 * (hardware.md 3.4, 3.5, 3.10), kept in dev_private too so that dev_start applies them again.
 */

#include <rte_cycles.h>

#include "qt2025_devargs.h"
#include "qt2025_diag.h"
#include "qt2025_ethdev.h"
#include "qt2025_link.h"
#include "qt2025_ops.h"
#include "qt2025_telemetry.h"
#include "tn40_port.h"

/* ---- firmware version ---- */

/*
 * "PHY a.b.c.d, NIC 0xn": the PHY's from 3.D7F3..5 as the PHY thread read it once the 8051 ran
 * (hardware.md 8.2), the NIC's from FW_VER (3.2) once its firmware ran. While the PHY boots and no
 * version was ever read: -EAGAIN (the ethdev contract's "other negative"), not zeros.
 */
int
qt2025_fw_version_get(struct rte_eth_dev *dev, char *fw, size_t len)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt2025_phy_info info;
	char nic[24] = "unknown";
	uint32_t nic_ver;
	int n;

	if (qt2025_info_get(ad, &info) != 0)
		return -EAGAIN;
	if ((info.fw_version[0] | info.fw_version[1] | info.fw_version[2] |
	     info.fw_version[3]) == 0)
		return qt2025_state_get(ad) == QT2025_ST_FAILED ? -EIO : -EAGAIN;
	nic_ver = rte_atomic_load_explicit(&ad->nic_fw_ver, rte_memory_order_relaxed);
	if (nic_ver != 0)
		snprintf(nic, sizeof(nic), "0x%x", nic_ver);
	n = snprintf(fw, len, "PHY %u.%u.%u.%u, NIC %s", info.fw_version[0],
		     info.fw_version[1], info.fw_version[2], info.fw_version[3], nic);
	if (n < 0)
		return -EINVAL;
	return (size_t)n + 1 > len ? n + 1 : 0;
}

/* ---- private dump ---- */

static uint64_t
cnt(const RTE_ATOMIC(uint64_t) *c)
{
	return rte_atomic_load_explicit(c, rte_memory_order_relaxed);
}

int
qt2025_priv_dump(struct rte_eth_dev *dev, FILE *f)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	enum qt2025_state st = qt2025_state_get(ad);
	struct qt2025_phy_info info;
	struct qt_sfp_state sfp;
	char fw[64];

	qt2025_info_get(ad, &info);
	qt2025_sfp_get(ad, &sfp);
	if (qt2025_fw_version_get(dev, fw, sizeof(fw)) != 0)
		snprintf(fw, sizeof(fw), "not known yet");
	fprintf(f, "qt2025 %s (port %u)\n", ad->name, ad->port_id);
	fprintf(f, "  phy state: %s\n", qt2025_state_name(st));
	fprintf(f, "  reason: %s\n", info.reason[0] != '\0' ? info.reason : "-");
	fprintf(f, "  firmware: %s\n", fw);
	fprintf(f, "  phy address: %d\n", info.phy_addr);
	fprintf(f, "  module: %s (%u), eeprom: %s%s%s\n", qt2025_module_name(info.module),
		info.module, sfp.status == 0 ? "valid" : sfp.status == -EAGAIN ? "not read" :
		sfp.status == -ENODEV ? "no module" : sfp.status == -EIO ? "read failed" :
		"no valid mirror", sfp.why[0] != '\0' ? ": " : "", sfp.why);
	fprintf(f, "  link: phy %s, mac %s, mac speed %u\n", info.phy_link ? "up" : "down",
		info.mac_link ? "up" : "down", info.mac_speed);
	fprintf(f, "  heartbeat: %u\n", info.heartbeat);
	fprintf(f, "  admin down: %u, started: %u, loopback: %u\n",
		rte_atomic_load_explicit(&ad->admin_down, rte_memory_order_relaxed),
		rte_atomic_load_explicit(&ad->started, rte_memory_order_relaxed),
		rte_atomic_load_explicit(&ad->loopback, rte_memory_order_relaxed));
	fprintf(f, "  led: %s, flow control: %s, pause quanta 0x%x\n", ad->led ? "on" : "off",
		ad->fc_mode == RTE_ETH_FC_TX_PAUSE ? "tx pause" : "none", ad->pause_time);
	fprintf(f, "  counters: link_up %" PRIu64 " link_down %" PRIu64 " fw_loads %" PRIu64
		" fw_load_us %" PRIu64 " mdio_errors %" PRIu64 " mdio_timeouts %" PRIu64
		" mac_resets %" PRIu64 " fw_crashes %" PRIu64 "\n",
		cnt(&ad->cnt.link_up_events), cnt(&ad->cnt.link_down_events),
		cnt(&ad->cnt.fw_loads), cnt(&ad->cnt.fw_load_us), cnt(&ad->cnt.mdio_errors),
		cnt(&ad->cnt.mdio_timeouts), cnt(&ad->cnt.mac_resets), cnt(&ad->cnt.fw_crashes));
	qt2025_diag_dump(ad, f);
	return 0;
}

/* ---- identification LED (BLNK_LED, 3.4: the vendor writes 4 for on, 0 for off) ---- */

static int
led_set(struct rte_eth_dev *dev, bool on)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);

	ad->led = on;
	tn40_led_set(&qt2025_proc(dev)->hw, on);
	return 0;
}

int
qt2025_dev_led_on(struct rte_eth_dev *dev)
{
	return led_set(dev, true);
}

int
qt2025_dev_led_off(struct rte_eth_dev *dev)
{
	return led_set(dev, false);
}

/* ---- flow control ---- */

/*
 * What the TN40 offers (hardware.md 3.5, 3.10, 6.5): TXFC in GMAC_RXF_A sends pause frames, of
 * PAUSE_QUANT quanta. No source names a control for honouring received pause frames, for
 * the FIFO watermarks or for XON, and a fibre link negotiates nothing: those are refused.
 */
int
qt2025_flow_ctrl_get(struct rte_eth_dev *dev, struct rte_eth_fc_conf *fc)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);

	memset(fc, 0, sizeof(*fc));
	fc->mode = (enum rte_eth_fc_mode)ad->fc_mode;
	fc->pause_time = ad->pause_time;
	return 0;
}

int
qt2025_flow_ctrl_set(struct rte_eth_dev *dev, struct rte_eth_fc_conf *fc)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	const char *why = NULL;

	if (fc->mode == RTE_ETH_FC_RX_PAUSE || fc->mode == RTE_ETH_FC_FULL)
		why = "rx pause not supported: the TN40 only has a control for sending pause "
		      "frames (TXFC)";
	else if (fc->mode != RTE_ETH_FC_NONE && fc->mode != RTE_ETH_FC_TX_PAUSE)
		why = "unknown mode";
	else if (fc->autoneg)
		why = "autoneg not supported: a fibre link negotiates no pause";
	else if (fc->high_water != 0 || fc->low_water != 0)
		why = "high/low water not supported: the FIFO thresholds are fixed";
	else if (fc->send_xon)
		why = "send_xon not supported";
	else if (fc->mac_ctrl_frame_fwd)
		why = "mac_ctrl_frame_fwd not supported";
	else if (fc->mode == RTE_ETH_FC_TX_PAUSE && fc->pause_time == 0)
		why = "tx pause with pause_time 0 refused";
	if (why != NULL) {
		QT_DRV_LOG(ERR, ad, "flow control: %s", why);
		return -ENOTSUP;
	}
	ad->fc_mode = fc->mode;
	if (fc->mode == RTE_ETH_FC_TX_PAUSE)
		ad->pause_time = fc->pause_time;
	if (dev->data->dev_started)
		qt2025_ops_restore(dev);
	return 0;
}

void
qt2025_ops_restore(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt_hw *hw = &qt2025_proc(dev)->hw;

	tn40_flow_ctrl(hw, ad->fc_mode == RTE_ETH_FC_TX_PAUSE, ad->pause_time);
	tn40_led_set(hw, ad->led != 0);
}

/* ---- link speeds: the module sets the line rate (hardware.md 8.5) ---- */

static int
speeds_check(struct rte_eth_dev *dev, uint8_t module, const char *when)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	uint32_t conf = dev->data->dev_conf.link_speeds;
	uint32_t speeds = conf & ~RTE_ETH_LINK_SPEED_FIXED, can;

	if (speeds == 0) {
		if (conf & RTE_ETH_LINK_SPEED_FIXED) {
			QT_DRV_LOG(ERR, ad, "link_speeds 0x%x: fixed without a speed", conf);
			return -EINVAL;
		}
		return 0;       /* autoneg: the module's rate */
	}
	if ((speeds & ~(RTE_ETH_LINK_SPEED_10G | RTE_ETH_LINK_SPEED_1G)) != 0) {
		QT_DRV_LOG(ERR, ad, "link_speeds 0x%x not supported: the module sets 10G or 1G",
			   conf);
		return -EINVAL;
	}
	if ((conf & RTE_ETH_LINK_SPEED_FIXED) && !rte_is_power_of_2(speeds)) {
		QT_DRV_LOG(ERR, ad, "link_speeds 0x%x: fixed with more than one speed", conf);
		return -EINVAL;
	}
	if (module == 0)
		return 0;       /* no module known yet: checked again at dev_start */
	can = qt_phy_module_speed(module) == 1000 ? RTE_ETH_LINK_SPEED_1G :
		RTE_ETH_LINK_SPEED_10G;
	if ((speeds & can) == 0) {
		QT_DRV_LOG(ERR, ad, "link_speeds 0x%x refused at %s: the %s module runs at %s "
			   "only (the QT2025 takes the line rate from the module)", conf, when,
			   qt2025_module_name(module), can == RTE_ETH_LINK_SPEED_1G ? "1G" : "10G");
		return -EINVAL;
	}
	return 0;
}

int
qt2025_link_speeds_check(struct rte_eth_dev *dev)
{
	struct qt2025_phy_info info;

	qt2025_info_get(qt2025_adapter(dev), &info);
	return speeds_check(dev, info.module, "dev_configure");
}

int
qt2025_start_check(struct rte_eth_dev *dev)
{
	struct qt2025_phy_info info;
	unsigned int i;

	if (qt2025_proc(dev)->link == NULL) {
		QT_DRV_LOG(ERR, qt2025_adapter(dev), "dev_start refused: the port has no PHY "
			   "thread (a port reset failed): close it");
		return -EIO;
	}
	/* a port reset freed the queues; ethdev still says "configured" */
	for (i = 0; i < dev->data->nb_rx_queues + dev->data->nb_tx_queues; i++) {
		bool rx = i < dev->data->nb_rx_queues;

		if ((rx ? dev->data->rx_queues[i] :
		     dev->data->tx_queues[i - dev->data->nb_rx_queues]) == NULL) {
			QT_DRV_LOG(ERR, qt2025_adapter(dev), "dev_start refused: %s queue %u is "
				   "not set up (after a port reset, configure the port again)",
				   rx ? "Rx" : "Tx", rx ? i : i - dev->data->nb_rx_queues);
			return -EINVAL;
		}
	}
	qt2025_info_get(qt2025_adapter(dev), &info);
	return speeds_check(dev, info.module, "dev_start");
}
