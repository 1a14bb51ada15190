/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The PMD's leaf object: its log types and the record each process keeps per port
 * (struct qt2025_proc, qt2025.h). Every other glue object may use it; it uses none of
 * theirs.
 */

#include "qt2025.h"

RTE_LOG_REGISTER_DEFAULT(qt2025_logtype_driver, NOTICE);
RTE_LOG_REGISTER_SUFFIX(qt2025_logtype_init, init, NOTICE);
RTE_LOG_REGISTER_SUFFIX(qt2025_logtype_phy, phy, NOTICE);
RTE_LOG_REGISTER_SUFFIX(qt2025_logtype_sim, sim, NOTICE);

struct qt2025_proc qt2025_procs[RTE_MAX_ETHPORTS];

/* Logged once per port and process: a burst that can move nothing says why. */
void
qt2025_burst_no_hw(uint16_t port_id)
{
	struct qt2025_proc *proc = &qt2025_procs[port_id];

	if (proc->told_no_hw)
		return;
	proc->told_no_hw = true;
	QT_LOG(WARNING, driver, rte_eth_devices[port_id].data->name, "this process has no "
	       "path to the device (a simulated port's model lives in the primary process): "
	       "its bursts return 0");
}
