/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Queues and burst functions. The TN40 FIFO datapath (hw note 4) is not implemented yet:
 * queues can be set up so that applications configure and start ports, and the bursts
 * move no packet (doc/guides/nics/qt2025.rst says so).
 */

#include <rte_malloc.h>
#include <rte_mbuf.h>

#include "qt2025_rxtx.h"

uint16_t
qt2025_recv_pkts(void *rxq, struct rte_mbuf **pkts, uint16_t n)
{
	RTE_SET_USED(rxq);
	RTE_SET_USED(pkts);
	RTE_SET_USED(n);
	return 0;
}

uint16_t
qt2025_xmit_pkts(void *txq, struct rte_mbuf **pkts, uint16_t n)
{
	RTE_SET_USED(txq);
	RTE_SET_USED(pkts);
	RTE_SET_USED(n);
	return 0;
}

int
qt2025_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		      unsigned int socket, const struct rte_eth_rxconf *conf,
		      struct rte_mempool *mp)
{
	struct qt2025_rxq *q;

	RTE_SET_USED(conf);
	qt2025_rx_queue_release(dev, qid);
	q = rte_zmalloc_socket("qt2025_rxq", sizeof(*q), RTE_CACHE_LINE_SIZE, socket);
	if (q == NULL)
		return -ENOMEM;
	q->mp = mp;
	q->nb_desc = nb_desc;
	q->port_id = dev->data->port_id;
	q->queue_id = qid;
	dev->data->rx_queues[qid] = q;
	return 0;
}

int
qt2025_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		      unsigned int socket, const struct rte_eth_txconf *conf)
{
	struct qt2025_txq *q;

	RTE_SET_USED(conf);
	qt2025_tx_queue_release(dev, qid);
	q = rte_zmalloc_socket("qt2025_txq", sizeof(*q), RTE_CACHE_LINE_SIZE, socket);
	if (q == NULL)
		return -ENOMEM;
	q->nb_desc = nb_desc;
	q->port_id = dev->data->port_id;
	q->queue_id = qid;
	dev->data->tx_queues[qid] = q;
	return 0;
}

void
qt2025_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	rte_free(dev->data->rx_queues[qid]);
	dev->data->rx_queues[qid] = NULL;
}

void
qt2025_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	rte_free(dev->data->tx_queues[qid]);
	dev->data->tx_queues[qid] = NULL;
}

int
qt2025_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	unsigned int i;

	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		const struct qt2025_rxq *q = dev->data->rx_queues[i];

		if (q == NULL)
			continue;
		stats->ipackets += q->packets;
		stats->ibytes += q->bytes;
		stats->ierrors += q->errors;
	}
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		const struct qt2025_txq *q = dev->data->tx_queues[i];

		if (q == NULL)
			continue;
		stats->opackets += q->packets;
		stats->obytes += q->bytes;
	}
	return 0;
}

int
qt2025_stats_reset(struct rte_eth_dev *dev)
{
	unsigned int i;

	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		struct qt2025_rxq *q = dev->data->rx_queues[i];

		if (q != NULL)
			q->packets = q->bytes = q->errors = 0;
	}
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		struct qt2025_txq *q = dev->data->tx_queues[i];

		if (q != NULL)
			q->packets = q->bytes = 0;
	}
	return 0;
}
