/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Telemetry commands (design.md "Stable interfaces"). They run on the telemetry thread and
 * read what the PHY thread cached (qt2025_link_info, the counters, dev_link): never MDIO.
 * A negative return makes the telemetry library answer null for the command.
 */

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_dev.h>
#include <rte_spinlock.h>
#include <rte_telemetry.h>

#include "qt2025_devargs.h"
#include "qt2025_telemetry.h"

/*
 * A port id at s: decimal digits only (strtoul alone would take blanks and a sign), below
 * RTE_MAX_ETHPORTS. *end is left on the first character after the digits.
 */
int
qt2025_tel_parse_port(const char *s, const char **end, uint16_t *port)
{
	unsigned long v;
	char *e;

	if (s == NULL || !isdigit((unsigned char)*s))
		return -EINVAL;
	errno = 0;
	v = strtoul(s, &e, 10);
	if (errno != 0 || v >= RTE_MAX_ETHPORTS)
		return -EINVAL;
	*port = (uint16_t)v;
	*end = e;
	return 0;
}

/* per process: guards qt2025_procs[].tel_readable, the ports telemetry may read */
static rte_spinlock_t qt_tel_sl = RTE_SPINLOCK_INITIALIZER;

void
qt2025_tel_lock(void)
{
	rte_spinlock_lock(&qt_tel_sl);
}

void
qt2025_tel_unlock(void)
{
	rte_spinlock_unlock(&qt_tel_sl);
}

void
qt2025_tel_port_set(uint16_t port, bool readable)
{
	if (port >= RTE_MAX_ETHPORTS)
		return;
	qt2025_tel_lock();
	qt2025_procs[port].tel_readable = readable;
	qt2025_tel_unlock();
}

struct rte_eth_dev *
qt2025_tel_dev(uint16_t port, bool sim_only)
{
	const struct rte_driver *drv;
	struct rte_eth_dev *dev;
	const char *name;

	if (!rte_eth_dev_is_valid_port(port))
		return NULL;
	/* a secondary frees nothing of the port on close: ethdev's own checks suffice */
	if (rte_eal_process_type() == RTE_PROC_PRIMARY && !qt2025_procs[port].tel_readable)
		return NULL;
	dev = &rte_eth_devices[port];
	if (dev->device == NULL || dev->data->dev_private == NULL)
		return NULL;
	drv = rte_dev_driver(dev->device);
	if (drv == NULL)
		return NULL;
	name = rte_driver_name(drv);
	if (strcmp(name, QT2025_DRV_SIM) == 0)
		return dev;
	if (!sim_only && strcmp(name, QT2025_DRV_PCI) == 0)
		return dev;
	return NULL;
}

static const char *const state_names[] = {
	[QT2025_ST_PROBING] = "probing",
	[QT2025_ST_IDENTIFY] = "identify",
	[QT2025_ST_FW_LOAD] = "firmware-download",
	[QT2025_ST_FW_WAIT] = "firmware-boot",
	[QT2025_ST_NIC_FW] = "nic-firmware",
	[QT2025_ST_RUNNING] = "running",
	[QT2025_ST_FAILED] = "failed",
	[QT2025_ST_STOPPED] = "stopped",
};

const char *
qt2025_state_name(enum qt2025_state st)
{
	return (unsigned int)st < RTE_DIM(state_names) ? state_names[st] : "unknown";
}

static uint64_t
qt_tel_cnt(const RTE_ATOMIC(uint64_t) *c)
{
	return rte_atomic_load_explicit(c, rte_memory_order_relaxed);
}

/*
 * /qt2025/phy,<port>. Counters here are totals since probe: xstats_reset moves only the
 * xstats baselines.
 */
static int
qt_tel_phy(const char *cmd __rte_unused, const char *params, struct rte_tel_data *d)
{
	struct qt2025_adapter *ad;
	struct qt2025_phy_info info;
	struct rte_eth_link link;
	struct rte_eth_dev *dev;
	enum qt2025_state state;
	const char *end;
	char fw[20];
	uint16_t port;
	bool busy;

	if (qt2025_tel_parse_port(params, &end, &port) != 0 || *end != '\0')
		return -EINVAL;
	qt2025_tel_lock();
	dev = qt2025_tel_dev(port, false);
	if (dev == NULL) {
		qt2025_tel_unlock();
		return -EINVAL;
	}
	ad = qt2025_adapter(dev);
	/* the PHY thread died inside a publication (or a reader starved): everything else is
	 * still told, the published part says "busy" and "info" says so (rst "Telemetry")
	 */
	busy = qt2025_info_get(ad, &info) != 0;
	if (busy) {
		memset(&info, 0, sizeof(info));
		info.phy_addr = -1;
		snprintf(info.reason, sizeof(info.reason), "busy: PHY info being published");
	}
	rte_eth_linkstatus_get(dev, &link);
	snprintf(fw, sizeof(fw), "%u.%u.%u.%u", info.fw_version[0], info.fw_version[1],
		 info.fw_version[2], info.fw_version[3]);

	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_int(d, "port", port);
	rte_tel_data_add_dict_string(d, "name", ad->name);
	state = (enum qt2025_state)rte_atomic_load_explicit(&ad->state, rte_memory_order_relaxed);
	rte_tel_data_add_dict_string(d, "state", qt2025_state_name(state));
	rte_tel_data_add_dict_int(d, "link", link.link_status == RTE_ETH_LINK_UP);
	qt_tel_add_u64(d, "link_speed", link.link_speed);
	rte_tel_data_add_dict_string(d, "fw_version", busy ? "busy" : fw);
	qt_tel_add_u64(d, "fw_loads", qt_tel_cnt(&ad->cnt.fw_loads));
	qt_tel_add_u64(d, "fw_load_us", qt_tel_cnt(&ad->cnt.fw_load_us));
	rte_tel_data_add_dict_string(d, "module", qt2025_module_name(info.module));
	qt_tel_add_u64(d, "mdio_errors", qt_tel_cnt(&ad->cnt.mdio_errors));
	qt_tel_add_u64(d, "mdio_timeouts", qt_tel_cnt(&ad->cnt.mdio_timeouts));
	rte_tel_data_add_dict_int(d, "phy_addr", info.phy_addr);
	rte_tel_data_add_dict_int(d, "phy_link", info.phy_link);
	rte_tel_data_add_dict_int(d, "mac_link", info.mac_link);
	qt_tel_add_u64(d, "mac_speed", info.mac_speed);
	rte_tel_data_add_dict_int(d, "heartbeat", info.heartbeat);
	/* why bring-up failed; for a running port, why it has no link */
	rte_tel_data_add_dict_string(d, "reason", info.reason[0] != '\0' ? info.reason :
				     info.no_link);
	qt_tel_add_u64(d, "link_up_events", qt_tel_cnt(&ad->cnt.link_up_events));
	qt_tel_add_u64(d, "link_down_events", qt_tel_cnt(&ad->cnt.link_down_events));
	qt_tel_add_u64(d, "mac_link_resets", qt_tel_cnt(&ad->cnt.mac_resets));
	qt_tel_add_u64(d, "fw_crashes", qt_tel_cnt(&ad->cnt.fw_crashes));
	rte_tel_data_add_dict_string(d, "info", busy ? "busy" : "ok");
	qt2025_tel_unlock();
	return 0;
}

/* /qt2025/ports: every port this PMD drives, either transport. */
static int
qt_tel_ports(const char *cmd __rte_unused, const char *params, struct rte_tel_data *d)
{
	uint16_t port;

	if (params != NULL && *params != '\0')
		return -EINVAL;
	rte_tel_data_start_array(d, RTE_TEL_INT_VAL);
	qt2025_tel_lock();
	for (port = 0; port < RTE_MAX_ETHPORTS; port++)
		if (qt2025_tel_dev(port, false) != NULL)
			rte_tel_data_add_array_int(d, port);
	qt2025_tel_unlock();
	return 0;
}

static const struct qt2025_tel_cmd qt_tel_cmds[] = {
	{ "/qt2025/ports", qt_tel_ports,
	  "Returns the ids of the ports driven by net_qt2025 or net_qt2025_sim. No parameters" },
	{ "/qt2025/phy", qt_tel_phy,
	  "Returns PHY state, firmware, module, link and counters. Parameters: int port_id" },
};

void
qt2025_tel_register(const struct qt2025_tel_cmd *cmds, unsigned int n)
{
	unsigned int i;
	int rc;

	for (i = 0; i < n; i++) {
		rc = rte_telemetry_register_cmd(cmds[i].cmd, cmds[i].fn, cmds[i].help);
		if (rc != 0)
			QT_INIT_LOG(WARNING, "telemetry", "cannot register %s: %s", cmds[i].cmd,
				    strerror(-rc));
	}
}

RTE_INIT(qt2025_telemetry_init)
{
	qt2025_tel_register(qt_tel_cmds, RTE_DIM(qt_tel_cmds));
}
