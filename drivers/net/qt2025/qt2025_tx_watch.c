/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Tx stall watchdog. The NIC stops taking TXD descriptors (a descriptor it refused, a
 * stuck DMA engine) while the link is up and packets are pending: without a watchdog the
 * port would never send again and nothing would say so. The PHY thread looks at the
 * NIC's TXD read pointer at each poll; when it has not moved for QT2025_TX_STALL_MS with
 * descriptors behind it, the stall is logged and counted (tx_stalls) and the datapath is
 * restarted as dev_stop and dev_start would (SW reset of hardware.md 6.2, FIFOs programmed
 * again, hw_start of 6.5), the link left alone. Linux's tn40.c has no ndo_tx_timeout (its
 * netdev watchdog only logs): the reset it does at every open is the one known to bring
 * the FIFOs back, so it is the recovery.
 *
 * The application hears RTE_ETH_EVENT_ERR_RECOVERING, then RECOVERY_SUCCESS or
 * RECOVERY_FAILED (the events of a PHY firmware crash). Meanwhile the bursts of every
 * process return 0: the queues' running flags live in shared memory, as ethdev's
 * recovery contract asks of the datapath. The packets the NIC never sent go back to their
 * pools (tx_stall_dropped_packets, oerrors).
 */

#include <pthread.h>

#include "qt2025_link.h"
#include "qt2025_ops.h"
#include "qt2025_port.h"
#include "qt2025_rxtx.h"
#include "qt2025_tx_watch.h"

/* The datapath's running flags, kept across the restart (a queue the application stopped
 * stays stopped).
 */
struct dp_state {
	bool rx[RTE_MAX_QUEUES_PER_PORT];
	bool tx[RTE_MAX_QUEUES_PER_PORT];
};

static void
dp_pause(struct rte_eth_dev *dev, struct dp_state *s)
{
	unsigned int i;

	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		struct qt2025_txq *q = dev->data->tx_queues[i];

		s->tx[i] = q->running;
		q->running = false;
	}
	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		struct qt2025_rxq *q = dev->data->rx_queues[i];

		s->rx[i] = q->running;
		q->running = false;
	}
	rte_atomic_thread_fence(rte_memory_order_seq_cst);
}

static void
dp_resume(struct rte_eth_dev *dev, const struct dp_state *s)
{
	unsigned int i;

	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		struct qt2025_txq *q = dev->data->tx_queues[i];

		q->running = s->tx[i];
		dev->data->tx_queue_state[i] = s->tx[i] ? RTE_ETH_QUEUE_STATE_STARTED :
						RTE_ETH_QUEUE_STATE_STOPPED;
	}
	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		struct qt2025_rxq *q = dev->data->rx_queues[i];

		q->running = s->rx[i];
		dev->data->rx_queue_state[i] = s->rx[i] ? RTE_ETH_QUEUE_STATE_STARTED :
						RTE_ETH_QUEUE_STATE_STOPPED;
	}
}

/* Under the datapath lock, the port started: 0 when it runs again. */
static int
recover(struct qt2025_link_ctx *ctx)
{
	struct rte_eth_dev *dev = ctx->dev;
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct dp_state *s = calloc(1, sizeof(*s));
	unsigned int i;
	uint32_t imr;
	int rc;

	if (s == NULL)
		return -ENOMEM;
	dp_pause(dev, s);
	qt_sleep_ns(ctx->hw, QT2025_DP_GRACE_US * 1000ull);
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		struct qt2025_txq *q = dev->data->tx_queues[i];
		uint16_t h;

		for (h = q->head; h != q->tail; h = (h + 1) & (q->nb_slots - 1)) {
			q->st.stall_drops++;
			q->st.stall_bytes += q->slots[h].m->pkt_len;
		}
	}
	/* dev_stop forgets an Rx interrupt the application armed: this is no dev_stop */
	imr = rte_atomic_load_explicit(&ad->imr, rte_memory_order_acquire);
	qt2025_port_stop(dev);          /* frees what the NIC never sent */
	rte_atomic_store_explicit(&ad->imr, imr, rte_memory_order_release);
	rc = qt2025_port_start(dev);
	if (rc == 0) {
		qt2025_ops_restore(dev);
		dp_resume(dev, s);
	}
	free(s);
	return rc;
}

void
qt2025_tx_watch(struct qt2025_link_ctx *ctx, uint64_t now_ns)
{
	struct rte_eth_dev *dev = ctx->dev;
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt2025_tx_watch *w = &ctx->tx_watch;
	const struct qt2025_txq *q;
	uint32_t pos, host, pending;
	int rc;

	if (pthread_mutex_trylock(&ctx->dp_lock) != 0)
		return;         /* dev_start or dev_stop at work: look next time */
	q = dev->data->nb_tx_queues > 0 ? dev->data->tx_queues[0] : NULL;
	if (!rte_atomic_load_explicit(&ad->started, rte_memory_order_acquire) || q == NULL ||
	    !q->started || !ctx->judge.up || w->gave_up) {
		w->since_ns = 0;
		goto out;
	}
	pos = tn40_fifo_nic_pos(ctx->hw, &q->txd);
	host = *(volatile const uint32_t *)&q->txd.wptr & TN40_PTR_MASK;
	pending = (host - pos) & (q->txd.size - 1);
	if (pending == 0 || pos != w->nic_pos || w->since_ns == 0) {
		w->nic_pos = pos;
		w->since_ns = pending == 0 ? 0 : now_ns;
		goto out;
	}
	if (now_ns - w->since_ns < QT2025_TX_STALL_MS * QT_NS_PER_MS)
		goto out;
	rte_atomic_fetch_add_explicit(&ad->cnt.tx_stalls, 1, rte_memory_order_relaxed);
	QT_DRV_LOG(ERR, ad, "Tx stalled: the NIC took no descriptor for %u ms (%u bytes "
		   "pending, link up): restarting the datapath", QT2025_TX_STALL_MS, pending);
	qt2025_link_recovery_event(ctx, QT2025_REC_RECOVERING);
	rc = recover(ctx);
	w->since_ns = 0;
	if (rc == 0) {
		QT_DRV_LOG(NOTICE, ad, "Tx recovered");
		qt2025_link_recovery_event(ctx, QT2025_REC_SUCCESS);
	} else {
		QT_DRV_LOG(ERR, ad, "Tx recovery failed (%s): the port needs a stop and start",
			   strerror(-rc));
		w->gave_up = true;
		qt2025_link_recovery_event(ctx, QT2025_REC_FAILED);
	}
out:
	pthread_mutex_unlock(&ctx->dp_lock);
}

void
qt2025_dp_lock(struct rte_eth_dev *dev)
{
	struct qt2025_link_ctx *ctx = qt2025_proc(dev)->link;

	if (ctx != NULL) {
		pthread_mutex_lock(&ctx->dp_lock);
		ctx->tx_watch.gave_up = false;
		ctx->tx_watch.since_ns = 0;
	}
}

void
qt2025_dp_unlock(struct rte_eth_dev *dev)
{
	struct qt2025_link_ctx *ctx = qt2025_proc(dev)->link;

	if (ctx != NULL)
		pthread_mutex_unlock(&ctx->dp_lock);
}
