/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The public API of rte_pmd_qt2025.h. It reads what the PHY thread published (as telemetry
 * does, never MDIO) and hands the simulator controls to the simulator transport. These
 * functions are the plugin's only exported symbols. The simulator controls exist
 * in a -Dsim=false plugin as well and answer -ENOTSUP there, so that an application that
 * links them runs with either plugin.
 */

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <eal_export.h>

#include "qt2025_devargs.h"
#include "qt2025_telemetry.h"
#include "rte_pmd_qt2025.h"
#ifdef QT2025_WITH_SIM
#include "qt2025_sim.h"
#endif

/* The public enums are an ABI: they are the internal values, checked here. */
static_assert(RTE_PMD_QT2025_PHY_PROBING == (int)QT2025_ST_PROBING &&
	      RTE_PMD_QT2025_PHY_IDENTIFY == (int)QT2025_ST_IDENTIFY &&
	      RTE_PMD_QT2025_PHY_FW_LOAD == (int)QT2025_ST_FW_LOAD &&
	      RTE_PMD_QT2025_PHY_FW_WAIT == (int)QT2025_ST_FW_WAIT &&
	      RTE_PMD_QT2025_PHY_NIC_FW == (int)QT2025_ST_NIC_FW &&
	      RTE_PMD_QT2025_PHY_RUNNING == (int)QT2025_ST_RUNNING &&
	      RTE_PMD_QT2025_PHY_FAILED == (int)QT2025_ST_FAILED &&
	      RTE_PMD_QT2025_PHY_STOPPED == (int)QT2025_ST_STOPPED,
	      "enum rte_pmd_qt2025_phy_state follows enum qt2025_state");

static uint64_t
cnt(const RTE_ATOMIC(uint64_t) *c)
{
	return rte_atomic_load_explicit(c, rte_memory_order_relaxed);
}

RTE_EXPORT_EXPERIMENTAL_SYMBOL(rte_pmd_qt2025_phy_get, 26.11)
int
rte_pmd_qt2025_phy_get(uint16_t port_id, struct rte_pmd_qt2025_phy *out)
{
	struct qt2025_adapter *ad;
	struct qt2025_phy_info info;
	struct rte_eth_dev *dev;
	int rc;

	if (out == NULL)
		return -EINVAL;
	dev = qt2025_tel_dev(port_id, false);
	if (dev == NULL)
		return -ENODEV;
	ad = qt2025_adapter(dev);
	rc = qt2025_info_get(ad, &info);
	if (rc != 0)
		return rc;      /* no consistent copy: -EAGAIN, out untouched */

	memset(out, 0, sizeof(*out));
	out->state = (enum rte_pmd_qt2025_phy_state)qt2025_state_get(ad);
	snprintf(out->reason, sizeof(out->reason), "%s", info.reason);
	memcpy(out->fw_version, info.fw_version, sizeof(out->fw_version));
	out->module = info.module;
	snprintf(out->module_name, sizeof(out->module_name), "%s",
		 qt2025_module_name(info.module));
	out->phy_addr = info.phy_addr;
	out->heartbeat = info.heartbeat;
	out->phy_link = info.phy_link;
	out->mac_link = info.mac_link;
	out->mac_speed = info.mac_speed;
	out->link_up_events = cnt(&ad->cnt.link_up_events);
	out->link_down_events = cnt(&ad->cnt.link_down_events);
	out->fw_loads = cnt(&ad->cnt.fw_loads);
	out->fw_load_us = cnt(&ad->cnt.fw_load_us);
	out->mdio_errors = cnt(&ad->cnt.mdio_errors);
	out->mdio_timeouts = cnt(&ad->cnt.mdio_timeouts);
	out->mac_link_resets = cnt(&ad->cnt.mac_resets);
	out->fw_crashes = cnt(&ad->cnt.fw_crashes);
	return 0;
}

/*
 * Whether a simulator control may act on port_id: 0 for a simulated port, -ENOTSUP for a
 * card's port, -ENODEV for a port that is not this driver's; -ENOTSUP for any port in a
 * plugin without the model, so that a test suite can tell "skip" from "wrong port".
 */
static int
sim_port_check(uint16_t port_id)
{
#ifdef QT2025_WITH_SIM
	if (qt2025_tel_dev(port_id, false) == NULL)
		return -ENODEV;
	return qt2025_tel_dev(port_id, true) != NULL ? 0 : -ENOTSUP;
#else
	RTE_SET_USED(port_id);
	return -ENOTSUP;
#endif
}

RTE_EXPORT_EXPERIMENTAL_SYMBOL(rte_pmd_qt2025_sim_cable, 26.11)
int
rte_pmd_qt2025_sim_cable(uint16_t port_id, int plugged)
{
	int rc = sim_port_check(port_id);

	if (rc != 0)
		return rc;
#ifdef QT2025_WITH_SIM
	rc = qt2025_sim_cable(port_id, plugged != 0);
#else
	RTE_SET_USED(plugged);
#endif
	return rc;
}

RTE_EXPORT_EXPERIMENTAL_SYMBOL(rte_pmd_qt2025_sim_module, 26.11)
int
rte_pmd_qt2025_sim_module(uint16_t port_id, enum rte_pmd_qt2025_module module)
{
	int rc = sim_port_check(port_id);

	if (rc != 0)
		return rc;
	if ((unsigned int)module > RTE_PMD_QT2025_MODULE_ACTIVE_DAC)
		return -EINVAL;
#ifdef QT2025_WITH_SIM
	rc = qt2025_sim_module(port_id, (uint8_t)module);
#endif
	return rc;
}

#ifdef QT2025_WITH_SIM
/* The public fault ids are an ABI of their own; the model's enum may change. */
static const enum qt_sim_fault sim_faults[RTE_PMD_QT2025_SIM_FAULT_MAX] = {
	[RTE_PMD_QT2025_SIM_MDIO_STUCK_BUSY] = QT_SIM_FAULT_MDIO_STUCK_BUSY,
	[RTE_PMD_QT2025_SIM_MDIO_ERROR] = QT_SIM_FAULT_MDIO_ERROR,
	[RTE_PMD_QT2025_SIM_PHY_ABSENT] = QT_SIM_FAULT_PHY_ABSENT,
	[RTE_PMD_QT2025_SIM_WRONG_REVISION] = QT_SIM_FAULT_WRONG_REVISION,
	[RTE_PMD_QT2025_SIM_FW_NEVER_BOOTS] = QT_SIM_FAULT_FW_NEVER_BOOTS,
	[RTE_PMD_QT2025_SIM_FW_CRASH] = QT_SIM_FAULT_HEARTBEAT_STOPS,
	[RTE_PMD_QT2025_SIM_RX_BAD_CRC] = QT_SIM_FAULT_RX_BAD_CRC,
	[RTE_PMD_QT2025_SIM_RX_BAD_L4_CSUM] = QT_SIM_FAULT_RX_BAD_L4_CSUM,
	[RTE_PMD_QT2025_SIM_RX_STARVE] = QT_SIM_FAULT_RXF_STARVE,
	[RTE_PMD_QT2025_SIM_TX_SLOW] = QT_SIM_FAULT_TXF_SLOW,
	[RTE_PMD_QT2025_SIM_RXD_SPLIT] = QT_SIM_FAULT_RXD_SPLIT,
	[RTE_PMD_QT2025_SIM_TX_WEDGE] = QT_SIM_FAULT_TX_WEDGE,
};
#endif

RTE_EXPORT_EXPERIMENTAL_SYMBOL(rte_pmd_qt2025_sim_fault, 26.11)
int
rte_pmd_qt2025_sim_fault(uint16_t port_id, enum rte_pmd_qt2025_sim_fault fault, uint32_t arg)
{
	int rc = sim_port_check(port_id);

	if (rc != 0)
		return rc;
	if ((unsigned int)fault >= RTE_PMD_QT2025_SIM_FAULT_MAX)
		return -EINVAL;
#ifdef QT2025_WITH_SIM
	rc = qt2025_sim_fault(port_id, sim_faults[fault], arg);
#else
	RTE_SET_USED(arg);
#endif
	return rc;
}
