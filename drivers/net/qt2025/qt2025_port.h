/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The port around the queues (qt2025_port.c) and its statistics (qt2025_xstats.c).
 */

#ifndef QT2025_PORT_H
#define QT2025_PORT_H

#include "qt2025.h"

/* dev_start's and dev_stop's datapath part (hardware.md 6.2, 6.5). */
int qt2025_port_start(struct rte_eth_dev *dev);
void qt2025_port_stop(struct rte_eth_dev *dev);

int qt2025_promiscuous_enable(struct rte_eth_dev *dev);
int qt2025_promiscuous_disable(struct rte_eth_dev *dev);
int qt2025_allmulticast_enable(struct rte_eth_dev *dev);
int qt2025_allmulticast_disable(struct rte_eth_dev *dev);
int qt2025_set_mc_addr_list(struct rte_eth_dev *dev, struct rte_ether_addr *mc, uint32_t n);
int qt2025_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr);
int qt2025_vlan_filter_set(struct rte_eth_dev *dev, uint16_t vid, int on);
int qt2025_vlan_offload_set(struct rte_eth_dev *dev, int mask);
int qt2025_mtu_set(struct rte_eth_dev *dev, uint16_t mtu);

/* Statistics: the queues' counts and the hardware counters of 3.11 (qt2025_xstats.c). */
int qt2025_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats,
		     struct eth_queue_stats *qstats);
int qt2025_stats_reset(struct rte_eth_dev *dev);

#endif /* QT2025_PORT_H */
