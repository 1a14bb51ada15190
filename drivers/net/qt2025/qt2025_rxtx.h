/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Queues, bursts and their statistics (qt2025_rxtx.c).
 */

#ifndef QT2025_RXTX_H
#define QT2025_RXTX_H

#include "qt2025.h"

/* One RX and one TX queue: only queue 0 of the TN40's four FIFO sets is used (hw note 3.1). */
struct qt2025_rxq {
	struct rte_mempool *mp;
	uint64_t packets;
	uint64_t bytes;
	uint64_t errors;
	uint16_t nb_desc;
	uint16_t port_id;
	uint16_t queue_id;
};

struct qt2025_txq {
	uint64_t packets;
	uint64_t bytes;
	uint16_t nb_desc;
	uint16_t port_id;
	uint16_t queue_id;
};

int qt2025_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
			  unsigned int socket, const struct rte_eth_rxconf *conf,
			  struct rte_mempool *mp);
int qt2025_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
			  unsigned int socket, const struct rte_eth_txconf *conf);
void qt2025_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid);
void qt2025_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid);
uint16_t qt2025_recv_pkts(void *rxq, struct rte_mbuf **pkts, uint16_t n);
uint16_t qt2025_xmit_pkts(void *txq, struct rte_mbuf **pkts, uint16_t n);
int qt2025_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats);
int qt2025_stats_reset(struct rte_eth_dev *dev);

#endif /* QT2025_RXTX_H */
