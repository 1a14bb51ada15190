/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The net_qt2025 PMD's own API, for applications that prefer C to telemetry:
 *
 * - the PHY state and counters of a port (what /qt2025/phy,<port> returns);
 * - the simulated card's cable, SFP+ module and fault knobs, so that an application's own
 *   test suite can script link events on net_qt2025_sim ports without a card.
 *
 * The functions are the plugin's only exported symbols (version node EXPERIMENTAL). An
 * application links librte_net_qt2025.so, or finds them with dlsym() after EAL loaded the
 * plugin with -d; it compiles with ALLOW_EXPERIMENTAL_API. Every function may be called
 * from any thread of the primary process once the port is probed; none of them waits for
 * the PHY or issues MDIO: they read what the PHY thread published, or change the model's
 * outside world, whose effect the PHY thread then sees as it would see a card's.
 *
 * Return values: 0, or a negative errno: -ENODEV for a port that is not one of this
 * driver's, -ENOTSUP for a simulator control on a card's port or in a plugin built without
 * the device model (-Dsim=false), -EINVAL for a bad argument.
 */

#ifndef RTE_PMD_QT2025_H
#define RTE_PMD_QT2025_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_compat.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The PHY control thread's state; the names are those of telemetry's "state". */
enum rte_pmd_qt2025_phy_state {
	RTE_PMD_QT2025_PHY_PROBING = 0,         /* "probing": thread starting */
	RTE_PMD_QT2025_PHY_IDENTIFY,            /* "identify": MDIO scan, ID, revision */
	RTE_PMD_QT2025_PHY_FW_LOAD,             /* "firmware-download" */
	RTE_PMD_QT2025_PHY_FW_WAIT,             /* "firmware-boot": waiting for the 8051 */
	RTE_PMD_QT2025_PHY_NIC_FW,              /* "nic-firmware": TN40 firmware push */
	RTE_PMD_QT2025_PHY_RUNNING,             /* "running": watching the link */
	RTE_PMD_QT2025_PHY_FAILED,              /* "failed": bring-up failed, see reason */
	RTE_PMD_QT2025_PHY_STOPPED,             /* "stopped": port closed */
};

/* SFP+ module types, as the QT2025 firmware reports them (register 3.D70C). */
enum rte_pmd_qt2025_module {
	RTE_PMD_QT2025_MODULE_NONE = 0,         /* cage empty */
	RTE_PMD_QT2025_MODULE_LRM = 1,
	RTE_PMD_QT2025_MODULE_SR = 2,
	RTE_PMD_QT2025_MODULE_LR = 3,
	RTE_PMD_QT2025_MODULE_DAC = 4,          /* passive direct attach */
	RTE_PMD_QT2025_MODULE_1G_SX = 5,
	RTE_PMD_QT2025_MODULE_1G_LX = 6,
	RTE_PMD_QT2025_MODULE_INVALID = 7,      /* a module the PHY cannot use */
	RTE_PMD_QT2025_MODULE_1G_CX = 8,
	RTE_PMD_QT2025_MODULE_1G_T = 9,
	RTE_PMD_QT2025_MODULE_ER = 10,
	RTE_PMD_QT2025_MODULE_ACTIVE_DAC = 11,
};

#define RTE_PMD_QT2025_REASON_LEN 128
#define RTE_PMD_QT2025_NAME_LEN 24

/* A consistent snapshot of a port's PHY; counters are totals since probe (xstats_reset
 * does not move them).
 */
struct rte_pmd_qt2025_phy {
	enum rte_pmd_qt2025_phy_state state;
	char reason[RTE_PMD_QT2025_REASON_LEN]; /* why the port has no link, "" if none */
	uint8_t fw_version[4];                  /* running PHY firmware a.b.c.d; 0s: none */
	uint8_t module;                         /* enum rte_pmd_qt2025_module (3.D70C) */
	char module_name[RTE_PMD_QT2025_NAME_LEN];      /* "10GBASE-SR", "none", ... */
	int phy_addr;                           /* QT2025 MDIO address, -1 before found */
	uint8_t heartbeat;                      /* the 8051's heartbeat counter */
	bool phy_link;                          /* PMA and PCS receive link */
	bool mac_link;                          /* the TN40 MAC's link */
	uint32_t mac_speed;                     /* Mb/s the MAC is set to, 0 before */
	uint64_t link_up_events;
	uint64_t link_down_events;
	uint64_t fw_loads;                      /* PHY firmware downloads */
	uint64_t fw_load_us;                    /* the last download, 0 when skipped */
	uint64_t mdio_errors;
	uint64_t mdio_timeouts;
	uint64_t mac_link_resets;               /* MAC link recoveries */
	uint64_t fw_crashes;                    /* PHY firmware heartbeat stopped */
};

/**
 * The PHY state and counters of a net_qt2025 or net_qt2025_sim port.
 *
 * @return 0; -ENODEV for a port this driver does not drive; -EINVAL if out is NULL;
 *   -EAGAIN (out untouched) in the unlikely case that no consistent copy could be read
 *   while the PHY thread was publishing.
 */
__rte_experimental
int rte_pmd_qt2025_phy_get(uint16_t port_id, struct rte_pmd_qt2025_phy *out);

/* ---- the simulated card (net_qt2025_sim): its outside world ---- */

/**
 * Plugs (plugged != 0) or pulls the cable of a simulated port. Both ends of a wire see it:
 * the PHY loses light, the driver reports link down (an LSC event to applications that
 * registered for it) at its next look, and link up after the cable is back.
 *
 * @return 0; -ENOTSUP on a card's port, and on any port of a plugin built without the
 *   device model; -ENODEV for a port this driver does not drive.
 */
__rte_experimental
int rte_pmd_qt2025_sim_cable(uint16_t port_id, int plugged);

/**
 * Swaps the SFP+ module of a simulated port (RTE_PMD_QT2025_MODULE_NONE pulls it).
 *
 * @return as rte_pmd_qt2025_sim_cable(); -EINVAL for a code above 11.
 */
__rte_experimental
int rte_pmd_qt2025_sim_module(uint16_t port_id, enum rte_pmd_qt2025_module module);

/* Faults the device model can play (doc/guides/nics/qt2025.rst, "The device model"). */
enum rte_pmd_qt2025_sim_fault {
	RTE_PMD_QT2025_SIM_MDIO_STUCK_BUSY = 0, /* arg != 0: MDIO BUSY never clears; 0 heals */
	RTE_PMD_QT2025_SIM_MDIO_ERROR,          /* arg: next arg MDIO frames end in error */
	RTE_PMD_QT2025_SIM_PHY_ABSENT,          /* arg != 0: no PHY answers on MDIO; 0 heals */
	RTE_PMD_QT2025_SIM_WRONG_REVISION,      /* arg: revision byte the PHY reports; 0 heals */
	RTE_PMD_QT2025_SIM_FW_NEVER_BOOTS,      /* arg != 0: a downloaded image never runs */
	RTE_PMD_QT2025_SIM_FW_CRASH,            /* arg != 0: the running firmware stops now */
	RTE_PMD_QT2025_SIM_RX_BAD_CRC,          /* arg: next arg received frames: bad FCS */
	RTE_PMD_QT2025_SIM_RX_BAD_L4_CSUM,      /* arg: next arg TCP/UDP frames: bad checksum */
	RTE_PMD_QT2025_SIM_RX_STARVE,           /* arg != 0: the NIC takes no Rx buffer */
	RTE_PMD_QT2025_SIM_TX_SLOW,             /* arg: ns before a Tx completion; 0 heals */
	/* arg != 0: Rx descriptors published in two steps, as a DMA engine may */
	RTE_PMD_QT2025_SIM_RXD_SPLIT,
	/* arg != 0: the Tx engine stops taking descriptors until the driver resets it */
	RTE_PMD_QT2025_SIM_TX_WEDGE,
	RTE_PMD_QT2025_SIM_FAULT_MAX,
};

/**
 * Turns a fault of a simulated port's model on or off (see enum rte_pmd_qt2025_sim_fault).
 *
 * @return as rte_pmd_qt2025_sim_cable(); -EINVAL for an unknown fault.
 */
__rte_experimental
int rte_pmd_qt2025_sim_fault(uint16_t port_id, enum rte_pmd_qt2025_sim_fault fault,
			     uint32_t arg);

#ifdef __cplusplus
}
#endif

#endif /* RTE_PMD_QT2025_H */
