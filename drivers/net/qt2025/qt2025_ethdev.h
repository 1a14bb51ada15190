/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * What the PMD's files share. struct qt2025_adapter is dev_private: it lives in memory shared
 * with secondary processes, so it holds data only (no pointers into one process). What is
 * per process (the register mapping, the model, the PHY thread) lives in qt2025_procs[].
 */

#ifndef QT2025_ETHDEV_H
#define QT2025_ETHDEV_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

#include <ethdev_driver.h>
#include <rte_spinlock.h>

#include "qt2025_compat.h"
#include "qt_hw.h"

#define QT2025_DRV_PCI "net_qt2025"
#define QT2025_DRV_SIM "net_qt2025_sim"

#define QT2025_PHY_FW_NAME "qt2025-2.0.3.3.fw"
#define QT2025_NIC_FW_NAME "tehuti/bdx.bin"
#define QT2025_NIC_FW_MAX (256 * 1024)

#define QT2025_LINK_POLL_MS_DEFAULT 200
#define QT2025_LINK_WAIT_MS 9000        /* link_update(dev, 1): the ethdev 9 s contract */

#define QT_DRV_LOG(level, ad, fmt, ...) QT_LOG(level, driver, (ad)->name, fmt, ##__VA_ARGS__)
#define QT_INIT_LOG(level, name, fmt, ...) QT_LOG(level, init, name, fmt, ##__VA_ARGS__)

/* Devargs (qt2025_devargs.c); every key is in RTE_PMD_REGISTER_PARAM_STRING and the rst. */
struct qt2025_devargs {
	char phy_fw[PATH_MAX];          /* "" = search (DESIGN.md "Firmware") */
	char nic_fw[PATH_MAX];
	uint32_t link_poll_ms;
	bool fw_force;                  /* download even if the PHY runs the same firmware */
	/* simulator only */
	char wire[32];
	int module;                     /* enum qt_sim_module */
	int timing;                     /* enum qt_sim_timing */
};

/* PHY control thread states (a cold bring-up goes identify, firmware-download, nic-firmware,
 * firmware-boot, running).
 */
enum qt2025_state {
	QT2025_ST_PROBING = 0,  /* thread starting */
	QT2025_ST_IDENTIFY,     /* MDIO scan, ID and revision */
	QT2025_ST_FW_LOAD,      /* QT2025 program download */
	QT2025_ST_FW_WAIT,      /* waiting for the 8051 to report ready */
	QT2025_ST_NIC_FW,       /* TN40 firmware through the TXD FIFO */
	QT2025_ST_RUNNING,      /* watching the link */
	QT2025_ST_FAILED,       /* bring-up failed: reason says why; retried never */
	QT2025_ST_STOPPED,      /* thread gone (close) */
};
const char *qt2025_state_name(enum qt2025_state st);

/* Written by the PHY thread under info_lock, read by anyone. */
struct qt2025_phy_info {
	uint8_t fw_version[4];
	uint8_t module;                 /* 3.D70C */
	uint8_t heartbeat;
	int phy_addr;
	bool phy_link;                  /* PMA && PCS */
	bool mac_link;                  /* MAC_LNK_STAT bit 2 */
	uint32_t mac_speed;             /* configured by 6.3 */
	char reason[128];               /* why there is no link / why bring-up failed */
};

struct qt2025_counters {
	RTE_ATOMIC(uint64_t) link_up_events;
	RTE_ATOMIC(uint64_t) link_down_events;
	RTE_ATOMIC(uint64_t) fw_loads;
	RTE_ATOMIC(uint64_t) fw_load_us;        /* last download, 0 when skipped */
	RTE_ATOMIC(uint64_t) mdio_errors;
	RTE_ATOMIC(uint64_t) mdio_timeouts;
	RTE_ATOMIC(uint64_t) mac_resets;        /* 7.1 recovery */
	RTE_ATOMIC(uint64_t) fw_crashes;        /* heartbeat stopped */
};

struct qt2025_adapter {
	char name[RTE_DEV_NAME_MAX_LEN];
	uint16_t port_id;
	bool is_sim;
	struct qt2025_devargs args;

	RTE_ATOMIC(uint32_t) state;             /* enum qt2025_state */
	RTE_ATOMIC(uint32_t) started;           /* dev_start .. dev_stop */
	RTE_ATOMIC(uint32_t) admin_down;        /* set_link_down asked for */
	RTE_ATOMIC(uint32_t) loopback;          /* lpbk_mode 1 asked for */
	RTE_ATOMIC(uint32_t) req_gen;           /* bumped by each request to the thread */
	RTE_ATOMIC(uint32_t) ack_gen;           /* req_gen the thread has applied */
	RTE_ATOMIC(uint32_t) lsc_pending;       /* an LSC alarm is armed */

	rte_spinlock_t info_lock;
	struct qt2025_phy_info info;
	struct qt2025_counters cnt;
	RTE_ATOMIC(uint64_t) xstats_base[8];    /* values at the last xstats_reset */
	uint64_t probe_ns;                      /* for the bring-up time log */
};

/* Firmware images as loaded at probe (qt2025_fw.c). */
struct qt2025_fw {
	uint8_t *data;          /* malloc'ed copy, or points at the model's built-in image */
	size_t len;
	bool builtin;
	bool version_known;     /* recognised image: version[] is what the PHY will report */
	uint8_t version[4];
	char desc[96];          /* for the log: path and what it is */
};

/* Per process, per port. */
struct qt2025_proc {
	struct qt_hw hw;
	struct qt_sim *sim;             /* simulator only */
	struct qt2025_fw phy_fw;
	struct qt2025_fw nic_fw;
	struct qt2025_link_ctx *link;   /* PHY thread, primary only */
};
extern struct qt2025_proc qt2025_procs[RTE_MAX_ETHPORTS];

static inline struct qt2025_adapter *
qt2025_adapter(const struct rte_eth_dev *dev)
{
	return dev->data->dev_private;
}

static inline struct qt2025_proc *
qt2025_proc(const struct rte_eth_dev *dev)
{
	return &qt2025_procs[dev->data->port_id];
}

/* qt2025_ethdev.c: the common part of both transports' probe and remove. */
int qt2025_dev_init(struct rte_eth_dev *dev, struct rte_intr_handle *intr);
int qt2025_dev_uninit(struct rte_eth_dev *dev);
void qt2025_dev_attach_secondary(struct rte_eth_dev *dev);

/* qt2025_devargs.c */
int qt2025_devargs_parse(const char *name, const char *args, bool is_sim,
			 struct qt2025_devargs *out);

/* qt2025_fw.c: load (probe) and free the firmware images; -errno with one log line. */
int qt2025_fw_load(const struct qt2025_adapter *ad, struct qt2025_proc *proc);
void qt2025_fw_free(struct qt2025_proc *proc);

/* qt2025_link.c: the PHY control thread and link state. */
int qt2025_link_init(struct rte_eth_dev *dev, struct rte_intr_handle *intr);
void qt2025_link_uninit(struct rte_eth_dev *dev);
int qt2025_link_update(struct rte_eth_dev *dev, int wait_to_complete);
int qt2025_dev_set_link_up(struct rte_eth_dev *dev);
int qt2025_dev_set_link_down(struct rte_eth_dev *dev);
void qt2025_link_start(struct rte_eth_dev *dev);        /* dev_start */
void qt2025_link_stop(struct rte_eth_dev *dev);         /* dev_stop */
void qt2025_link_info(const struct rte_eth_dev *dev, struct qt2025_phy_info *out);

/* qt2025_xstats.c */
int qt2025_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xstats, unsigned int n);
int qt2025_xstats_get_names(struct rte_eth_dev *dev, struct rte_eth_xstat_name *names,
			    unsigned int n);
int qt2025_xstats_reset(struct rte_eth_dev *dev);

/* qt2025_rxtx.c */
uint16_t qt2025_recv_pkts(void *rxq, struct rte_mbuf **pkts, uint16_t n);
uint16_t qt2025_xmit_pkts(void *txq, struct rte_mbuf **pkts, uint16_t n);

/* qt2025_sim_vdev.c: the simulator's knobs for telemetry (-ENODEV: not a simulated port). */
int qt2025_sim_cable(uint16_t port_id, bool plugged);
int qt2025_sim_module(uint16_t port_id, int module);
int qt2025_sim_module_parse(const char *s);     /* "sr", "none", ... or -EINVAL */
struct qt_sim *qt2025_sim_of_port(uint16_t port_id); /* tests: the model of a port */

#endif /* QT2025_ETHDEV_H */
