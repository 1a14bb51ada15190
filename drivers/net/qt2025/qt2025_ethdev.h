/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * What the two transports (qt2025_pci.c, qt2025_sim_vdev.c) share: probe and remove of an
 * ethdev whose proc->hw already reaches the registers.
 */

#ifndef QT2025_ETHDEV_H
#define QT2025_ETHDEV_H

#include "qt2025.h"
#include "qt2025_fw.h"

/* Primary: reads the firmware files (or takes builtin), resets the PLL, reads the MAC
 * address, installs the ops and starts the PHY control thread. -errno after one log line.
 */
int qt2025_dev_init(struct rte_eth_dev *dev, struct rte_intr_handle *intr,
		    const struct qt2025_builtin_fw *builtin);
/* Primary, before allocating: -ENOSPC after one line when every one of the RTE_MAX_ETHPORTS
 * ethdev ports is taken (ethdev's own line does not name the device).
 */
int qt2025_port_available(const char *name);
/* Secondary: installs the read-only ops table (cached link, stats, xstats, versions). */
void qt2025_dev_attach_secondary(struct rte_eth_dev *dev);
/* Either process: what dev_close does there (the PHY thread and alarms stop before
 * anything is freed), for a transport's remove.
 */
int qt2025_dev_remove(struct rte_eth_dev *dev);
/* dev_supported_ptypes_get: what the Rx paths set in packet_type. */
const uint32_t *qt2025_ptypes_get(struct rte_eth_dev *dev, size_t *no_of_elements);

#endif /* QT2025_ETHDEV_H */
