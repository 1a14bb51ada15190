/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Transmit: one TXD descriptor per packet (a 16-byte header and one 12-byte PBL entry per
 * segment, hardware.md 4.3), one 16-byte TXF completion per packet sent, in order (4.4). The
 * completions are matched by order alone: whether TXF echoes the TXD cookie is UNCERTAIN,
 * so the cookie is written (the slot) and never relied on.
 *
 * A byte budget (4.3's "tx level") keeps the TXD FIFO from filling: memsz - 16 less the
 * bytes of the packets not yet completed, known from where each packet's descriptor ended.
 */

#include <rte_malloc.h>
#include <rte_net.h>

#include "qt2025_rxtx.h"

#define TX_RECLAIM_BELOW        (8 * 1024)              /* look at TXF below this */
#define TX_FREE_BULK            64

#define TX_OFFLOAD_CSUM (RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_L4_MASK | RTE_MBUF_F_TX_TCP_SEG)
#define TX_OFFLOAD_ANY (TX_OFFLOAD_CSUM | RTE_MBUF_F_TX_VLAN)

/* A chain as single mbufs, each as a pool keeps it (next NULL, one segment), into out;
 * returns how many.
 */
static uint32_t
chain_unlink(struct rte_mbuf *m, struct rte_mbuf **out)
{
	uint32_t k = 0;

	while (m != NULL) {
		struct rte_mbuf *next = m->next;

		m->next = NULL;
		m->nb_segs = 1;
		out[k++] = m;
		m = next;
	}
	return k;
}

/* MBUF_FAST_FREE: one pool, refcount 1, so every segment goes back with bulk puts; a
 * batch of single-segment packets (segs == n) in one.
 */
static void
free_fast(struct rte_mbuf **m, uint32_t n, uint32_t segs)
{
	struct rte_mbuf *keep[TX_FREE_BULK + QT2025_TX_SEG_MAX];
	struct rte_mempool *mp = m[0]->pool;
	uint32_t i, k = 0;

	if (likely(segs == n)) {
		rte_mempool_put_bulk(mp, (void **)m, n);
		return;
	}
	for (i = 0; i < n; i++) {
		k += chain_unlink(m[i], keep + k);
		if (k >= TX_FREE_BULK) {
			rte_mempool_put_bulk(mp, (void **)keep, k);
			k = 0;
		}
	}
	if (k > 0)
		rte_mempool_put_bulk(mp, (void **)keep, k);
}

/* Completed mbufs back to their pools: in one put per run of one pool when they are
 * plain (the usual case), else one by one.
 */
static void
free_done(struct qt2025_txq *q, struct rte_mbuf **m, uint32_t n, uint32_t segs)
{
	struct rte_mbuf *keep[TX_FREE_BULK];
	struct rte_mempool *mp = NULL;
	uint32_t i, k = 0;

	if (q->fast_free) {
		free_fast(m, n, segs);
		return;
	}
	for (i = 0; i < n; i++) {
		struct rte_mbuf *x;

		if (unlikely(m[i]->nb_segs != 1)) {
			rte_pktmbuf_free(m[i]);         /* the whole chain */
			continue;
		}
		x = rte_pktmbuf_prefree_seg(m[i]);
		if (x == NULL)
			continue;
		if (x->pool != mp && k > 0) {
			rte_mempool_put_bulk(mp, (void **)keep, k);
			k = 0;
		}
		mp = x->pool;
		keep[k++] = x;
	}
	if (k > 0)
		rte_mempool_put_bulk(mp, (void **)keep, k);
}

/* Completions while the port reports no link: the MAC dropped those frames (the model
 * does; i40e counts the same as tx_dropped_link_down). They leave opackets for their own
 * count (qt2025_stats_get); off the fast path, one look at the link per reclaim.
 */
__rte_noinline void
qt2025_tx_count_link_down(struct qt2025_txq *q, uint32_t n)
{
	uint16_t h = q->head;

	for (; n > 0; n--, h = (h + 1) & (q->nb_slots - 1)) {
		q->st.link_down++;
		q->st.link_down_bytes += q->slots[h].m->pkt_len;
	}
}

/* Frees what the NIC has completed, at most max packets; returns how many. TXF entries are
 * not read: one per packet, in order (hardware.md 4.4).
 */
static uint32_t
reclaim(struct qt2025_txq *q, const struct qt_hw *hw, uint32_t max)
{
	struct rte_mbuf *done[TX_FREE_BULK];
	uint32_t n, k, segs, total = 0;

	/* the pointer register only when what it said last time is used up (hardware.md 4.2) */
	if (q->txf_avail < TX_FREE_BULK * sizeof(struct tn40_txf))
		q->txf_avail = tn40_fifo_rd_avail(hw, &q->txf, TN40_TXF_WPTR_MASK);
	n = q->txf_avail / sizeof(struct tn40_txf);
	n = RTE_MIN(n, (uint32_t)((q->tail - q->head) & (q->nb_slots - 1)));
	n = RTE_MIN(n, max);
	if (n == 0)
		return 0;
	if (unlikely(rte_eth_devices[q->port_id].data->dev_link.link_status ==
		     RTE_ETH_LINK_DOWN))
		qt2025_tx_count_link_down(q, n);
	while (total < n) {
		for (k = 0, segs = 0; k < TX_FREE_BULK && total < n; k++, total++) {
			done[k] = q->slots[q->head].m;
			q->done_end = q->slots[q->head].end;
			segs += q->slots[q->head].segs;
			q->head = (q->head + 1) & (q->nb_slots - 1);
		}
		q->segs_out -= segs;
		free_done(q, done, k, segs);
	}
	q->txf_avail -= n * sizeof(struct tn40_txf);
	tn40_fifo_rd_advance(&q->txf, n * sizeof(struct tn40_txf));
	tn40_fifo_rd_doorbell(hw, &q->txf);
	return total;
}

/* TXD bytes free for new descriptors: the ring less what the NIC has not completed, less
 * 16 so that it never looks empty when full (hardware.md 4.2, 4.3).
 */
static inline uint32_t
room(const struct qt2025_txq *q)
{
	return q->txd.size - 16 - ((q->txd.wptr - q->done_end) & (q->txd.size - 1));
}

/* room() into *free_b, and its value */
static inline uint32_t
room_update(const struct qt2025_txq *q, uint32_t *free_b)
{
	*free_b = room(q);
	return *free_b;
}

static inline uint32_t
txd_w1(const struct rte_mbuf *m, uint32_t bc)
{
	uint32_t w1 = bc | TN40_TXD_TYPE;
	uint64_t ol = m->ol_flags;

	if (ol & TX_OFFLOAD_CSUM)
		w1 |= TN40_TXD_CSUM_ALL;
	if (ol & RTE_MBUF_F_TX_TCP_SEG)
		w1 |= TN40_TXD_LGSND;
	if (ol & RTE_MBUF_F_TX_VLAN) {
		/* PCP and VID; the DEI bit is not carried (hardware.md 4.3) */
		w1 |= TN40_TXD_VTAG | (uint32_t)(m->vlan_tci >> 13) << TN40_TXD_PCP_SHIFT |
		      (uint32_t)(m->vlan_tci & 0xFFF) << TN40_TXD_VID_SHIFT;
	}
	return w1;
}

static inline void
pbl_set(struct tn40_pbl *p, rte_iova_t pa, uint32_t len)
{
	p->pa_lo = rte_cpu_to_le_32((uint32_t)pa);
	p->pa_hi = rte_cpu_to_le_32((uint32_t)(pa >> 32));
	p->len = rte_cpu_to_le_32(len);
}

/* Any packet: segments, runt padding, offloads. Returns its descriptor's bytes. */
static __rte_noinline uint32_t
txd_general(struct qt2025_txq *q, struct rte_mbuf *m, uint32_t k, uint32_t bytes)
{
	struct tn40_txd *d = tn40_fifo_wr_at(&q->txd);
	uint32_t runt = m->pkt_len < QT2025_MIN_FRAME;
	struct tn40_pbl *p = (struct tn40_pbl *)(d + 1);
	struct rte_mbuf *seg;

	d->w1 = rte_cpu_to_le_32(txd_w1(m, bytes / 8));
	d->mss = rte_cpu_to_le_16((m->ol_flags & RTE_MBUF_F_TX_TCP_SEG) ? m->tso_segsz : 0);
	d->len = rte_cpu_to_le_16(RTE_MAX(m->pkt_len, (uint32_t)QT2025_MIN_FRAME));
	d->va_lo = rte_cpu_to_le_32(q->tail);
	d->va_hi = 0;
	for (seg = m; seg != NULL; seg = seg->next)
		pbl_set(p++, rte_mbuf_data_iova(seg), seg->data_len);
	if (runt)               /* the MAC does not pad: 60 bytes from a zero buffer */
		pbl_set(p++, q->zero_iova, QT2025_MIN_FRAME - m->pkt_len);
	if ((k & 1) == 0)       /* 16 + 12 k is 4 short of a qword when k is even */
		*(uint32_t *)p = 0;
	return bytes;
}

uint16_t
qt2025_xmit_pkts(void *tx, struct rte_mbuf **pkts, uint16_t n)
{
	struct qt2025_txq *q = tx;
	const struct qt_hw *hw = qt2025_burst_hw(q->port_id);
	const uint16_t smask = q->nb_slots - 1;
	uint32_t free_b, bytes;
	uint64_t sent_bytes = 0;
	uint16_t i, dropped = 0;

	if (unlikely(hw == NULL || !q->running)) {
		if (hw == NULL)
			qt2025_burst_no_hw(q->port_id);
		return 0;
	}
	/* a little at a time, so that the freed mbufs stay in the pool's per-lcore cache;
	 * and the ring holds no more mbufs than the application gave it descriptors
	 */
	free_b = room(q);
	if (free_b < TX_RECLAIM_BELOW || q->segs_out + q->free_thresh > q->nb_desc) {
		reclaim(q, hw, TX_FREE_BULK);
		free_b = room(q);
	}
	for (i = 0; i < n; i++) {
		struct rte_mbuf *m = pkts[i];
		bool one = m->nb_segs == 1 &&
			   m->pkt_len - QT2025_MIN_FRAME <=
			   QT2025_TX_MAX_FRAME - QT2025_MIN_FRAME &&
			   (m->ol_flags & RTE_MBUF_F_TX_TCP_SEG) == 0;

		/* what tx_prepare refuses never reaches the NIC, whose Tx engine would stop
		 * on it: dropped and counted, the burst goes on
		 */
		if (unlikely(!one) && unlikely(qt2025_tx_check(m) != 0)) {
			rte_pktmbuf_free(m);
			q->st.errors++;
			dropped++;
			continue;
		}
		/* the ring is full of mbufs not yet sent */
		if (unlikely(q->segs_out + m->nb_segs > q->nb_desc) &&
		    (reclaim(q, hw, UINT32_MAX) == 0 || q->segs_out + m->nb_segs > q->nb_desc))
			break;
		if (likely(one)) {
			/* one buffer: header and PBL as four 64-bit stores (hardware.md 4.3) */
			uint64_t *d = tn40_fifo_wr_at(&q->txd);

			bytes = tn40_txd_size(1);
			if (unlikely(free_b < bytes) && (reclaim(q, hw, UINT32_MAX) == 0 ||
							 room_update(q, &free_b) < bytes))
				break;
			d[0] = rte_cpu_to_le_64((likely((m->ol_flags & TX_OFFLOAD_ANY) == 0) ?
						 bytes / 8 | TN40_TXD_TYPE : txd_w1(m, bytes / 8)) |
						(uint64_t)m->data_len << 48);
			d[1] = rte_cpu_to_le_64(q->tail);
			d[2] = rte_cpu_to_le_64(rte_mbuf_data_iova(m));
			d[3] = rte_cpu_to_le_64(m->data_len);
		} else {
			uint32_t k = m->nb_segs + (m->pkt_len < QT2025_MIN_FRAME);

			bytes = tn40_txd_size(k);
			if (unlikely(free_b < bytes) && (reclaim(q, hw, UINT32_MAX) == 0 ||
							 room_update(q, &free_b) < bytes))
				break;
			txd_general(q, m, k, bytes);
		}
		tn40_fifo_wr_advance(&q->txd, bytes);
		free_b -= bytes;
		q->slots[q->tail].m = m;
		q->slots[q->tail].end = q->txd.wptr;
		q->slots[q->tail].segs = m->nb_segs;
		q->segs_out += m->nb_segs;
		q->tail = (q->tail + 1) & smask;
		sent_bytes += m->pkt_len;
	}
	if (i > dropped)
		tn40_fifo_wr_doorbell(hw, &q->txd);
	q->st.packets += i - dropped;
	q->st.bytes += sent_bytes;
	return i;
}

int
qt2025_tx_done_cleanup(void *tx, uint32_t free_cnt)
{
	struct qt2025_txq *q = tx;
	const struct qt_hw *hw = qt2025_burst_hw(q->port_id);

	uint32_t want = free_cnt == 0 ? UINT32_MAX : free_cnt, done = 0, n;

	if (hw == NULL)
		return -ENOTSUP;
	/* an application asking to free means now: the NIC's latest pointer each round, not
	 * what the burst last read (it reads again only when that runs low)
	 */
	do {
		q->txf_avail = 0;
		n = reclaim(q, hw, want - done);
		done += n;
	} while (n > 0 && done < want);
	return (int)RTE_MIN(done, (uint32_t)INT32_MAX);
}

int
qt2025_tx_descriptor_status(void *tx, uint16_t offset)
{
	struct qt2025_txq *q = tx;
	uint16_t outstanding = (q->tail - q->head) & (q->nb_slots - 1);

	if (offset >= q->nb_desc)
		return -EINVAL;
	return offset < outstanding ? RTE_ETH_TX_DESC_FULL : RTE_ETH_TX_DESC_DONE;
}

/* ---- queue set-up (control path) ---- */

int
qt2025_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		      unsigned int socket, const struct rte_eth_txconf *conf)
{
	const uint32_t ring = RTE_ALIGN(TN40_FIFO_DMA_LEN(QT2025_FIFO_CODE), 4096);
	struct qt2025_txq *q;

	qt2025_tx_queue_release(dev, qid);
	q = rte_zmalloc_socket("qt2025_txq", sizeof(*q), RTE_CACHE_LINE_SIZE, socket);
	if (q == NULL)
		return -ENOMEM;
	/* one slot per packet the budget admits: a packet takes 32 bytes at least */
	q->nb_slots = (uint16_t)rte_align32pow2(TN40_FIFO_SIZE(QT2025_FIFO_CODE) /
						tn40_txd_size(1));
	q->slots = rte_zmalloc_socket("qt2025_txq_slots", q->nb_slots * sizeof(q->slots[0]),
				      RTE_CACHE_LINE_SIZE, socket);
	/* TXD, TXF (hardware.md 3.1, 4.2), then the zero buffer of runt padding */
	q->mz = rte_eth_dma_zone_reserve(dev, "qt2025_tx", qid, 2 * ring + 4096, 4096, socket);
	if (q->slots == NULL || q->mz == NULL) {
		rte_free(q->slots);
		rte_free(q);
		return -ENOMEM;
	}
	memset(q->mz->addr, 0, q->mz->len);
	tn40_fifo_init(&q->txd, TN40_FIFO_TXD, q->mz->addr, q->mz->iova, QT2025_FIFO_CODE);
	tn40_fifo_init(&q->txf, TN40_FIFO_TXF, (uint8_t *)q->mz->addr + ring,
		       q->mz->iova + ring, QT2025_FIFO_CODE);
	q->zero_iova = q->mz->iova + 2 * ring;
	q->nb_desc = nb_desc;
	q->port_id = dev->data->port_id;
	q->queue_id = qid;
	q->offloads = conf->offloads | dev->data->dev_conf.txmode.offloads;
	q->fast_free = (q->offloads & RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE) != 0;
	q->free_thresh = conf->tx_free_thresh != 0 ? conf->tx_free_thresh : TX_FREE_BULK;
	if (q->free_thresh >= nb_desc)
		q->free_thresh = nb_desc / 2;
	q->deferred = conf->tx_deferred_start;
	dev->data->tx_queues[qid] = q;
	return 0;
}

void
qt2025_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	struct qt2025_txq *q = dev->data->tx_queues[qid];

	if (q == NULL)
		return;
	qt2025_txq_hw_stop(q);
	rte_eth_dma_zone_free(dev, "qt2025_tx", qid);
	rte_free(q->slots);
	rte_free(q);
	dev->data->tx_queues[qid] = NULL;
}

void
qt2025_txq_hw_start(struct qt2025_txq *q, struct qt_hw *hw)
{
	tn40_fifo_program(hw, &q->txd);
	tn40_fifo_program(hw, &q->txf);
	q->done_end = 0;
	q->txf_avail = 0;
	q->segs_out = 0;
	q->head = 0;
	q->tail = 0;
	q->started = true;
	q->running = !q->deferred;
}

/* Packets the NIC never completed go back to their pools (the FIFOs are reset). */
void
qt2025_txq_hw_stop(struct qt2025_txq *q)
{
	for (; q->head != q->tail; q->head = (q->head + 1) & (q->nb_slots - 1))
		rte_pktmbuf_free(q->slots[q->head].m);
	q->started = false;
	q->running = false;
}

/*
 * The NIC has one queue and no per-queue switch: a stopped Tx queue is one the bursts no
 * longer feed; what it holds completes and is freed at the next start or at dev_stop.
 */
int
qt2025_tx_queue_start(struct rte_eth_dev *dev, uint16_t qid)
{
	struct qt2025_txq *q = dev->data->tx_queues[qid];

	if (!q->started)
		return -EIO;    /* not before dev_start */
	q->running = true;
	dev->data->tx_queue_state[qid] = RTE_ETH_QUEUE_STATE_STARTED;
	return 0;
}

int
qt2025_tx_queue_stop(struct rte_eth_dev *dev, uint16_t qid)
{
	struct qt2025_txq *q = dev->data->tx_queues[qid];

	q->running = false;
	dev->data->tx_queue_state[qid] = RTE_ETH_QUEUE_STATE_STOPPED;
	return 0;
}
