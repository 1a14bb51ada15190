/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Receive: the RXF FIFO holds free buffers (24-byte descriptors naming a buffer id), the NIC
 * returns each filled buffer as an RXD descriptor carrying that id (hardware.md 4.1, 4.5, 4.6).
 * A buffer id indexes q->bufs; a filled buffer is replaced by a fresh mbuf under the same
 * id, or, when the pool is empty, posted again as it is and the frame dropped (rx_nombuf).
 */

#include <rte_ip.h>
#include <rte_malloc.h>
#include <rte_udp.h>

#include "qt2025_rxtx.h"

#define RX_BURST_MAX            64
#define RXD_MIN_LEN             16      /* BC 2: the fields a driver reads (hardware.md 4.6) */
#define RX_ERRATA_SHORT         70      /* false L4 errors below 70 bytes (hardware.md 4.6) */

static const uint32_t rx_ptypes[8] = {
	[0] = RTE_PTYPE_L2_ETHER,
	[TN40_RXD_PKT_TCP] = RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_TCP,
	[TN40_RXD_PKT_UDP] = RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_UDP,
	[3 ... 7] = RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4,
};

/* Checksum results by PKT_ID without an error bit: non-zero means checked and right. */
static const uint64_t rx_ol[8] = {
	[1 ... 7] = RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_GOOD,
};

/*
 * The RXF descriptor for buffer id at the write position (hardware.md 4.5), as three 64-bit stores:
 * info | va_lo, va_hi | pa_lo, pa_hi | len.
 */
static inline void
post(struct qt2025_rxq *q, uint32_t id, const struct rte_mbuf *m)
{
	uint64_t *d = tn40_fifo_wr_at(&q->rxf);
	rte_iova_t pa = m->buf_iova + RTE_PKTMBUF_HEADROOM;

	d[0] = rte_cpu_to_le_64(TN40_RXF_INFO | (uint64_t)id << 32);
	d[1] = rte_cpu_to_le_64((uint64_t)(uint32_t)pa << 32);
	d[2] = rte_cpu_to_le_64((pa >> 32) | (uint64_t)q->buf_len << 32);
	tn40_fifo_wr_advance(&q->rxf, sizeof(struct tn40_rxf));
}

/*
 * The NIC reported an L4 checksum error. Two errata (hardware.md 4.6): a UDP datagram without
 * checksum (field 0) is flagged, and so is any TCP/UDP frame under 70 bytes. Neither is reported
 * bad: the first has nothing to check, the second is checked here.
 */
static __rte_noinline uint64_t
rx_l4_error(const struct rte_mbuf *m, uint32_t pkt_id)
{
	const struct rte_ipv4_hdr *ip;
	const struct rte_udp_hdr *udp;
	uint32_t l3 = sizeof(struct rte_ether_hdr), l3_len;

	if (m->data_len < l3 + sizeof(*ip))
		return RTE_MBUF_F_RX_L4_CKSUM_BAD;
	ip = rte_pktmbuf_mtod_offset(m, const struct rte_ipv4_hdr *, l3);
	l3_len = rte_ipv4_hdr_len(ip);
	if (pkt_id == TN40_RXD_PKT_UDP && m->data_len >= l3 + l3_len + sizeof(*udp)) {
		udp = rte_pktmbuf_mtod_offset(m, const struct rte_udp_hdr *, l3 + l3_len);
		if (udp->dgram_cksum == 0)
			return RTE_MBUF_F_RX_L4_CKSUM_GOOD;
	}
	if (m->pkt_len >= RX_ERRATA_SHORT || m->data_len < l3 + l3_len ||
	    rte_be_to_cpu_16(ip->total_length) > m->data_len - l3)
		return RTE_MBUF_F_RX_L4_CKSUM_BAD;
	return rte_ipv4_udptcp_cksum_verify(ip, (const uint8_t *)ip + l3_len) == 0 ?
	       RTE_MBUF_F_RX_L4_CKSUM_GOOD : RTE_MBUF_F_RX_L4_CKSUM_BAD;
}

/* The NIC always strips the tag (hardware.md 4.7); an application that did not ask gets it back. */
static __rte_noinline int
rx_vlan_restore(struct rte_mbuf **m, uint16_t tci)
{
	(*m)->vlan_tci = tci;
	return rte_vlan_insert(m);
}

/* Checksum and VLAN results (hardware.md 4.6, 4.7), when the NIC reported any. */
static __rte_noinline void
rx_flags(struct qt2025_rxq *q, struct rte_mbuf **mp, uint32_t val1, uint16_t vlan)
{
	struct rte_mbuf *m = *mp;
	uint32_t pkt_id = TN40_RXD_PKT_ID(val1);
	uint64_t ol = 0;

	m->packet_type = rx_ptypes[pkt_id];
	if (pkt_id != 0) {
		ol = RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_GOOD;
		if (TN40_RXD_ERR(val1) & (TN40_RXD_ERR_UDP | TN40_RXD_ERR_TCP))
			ol = RTE_MBUF_F_RX_IP_CKSUM_GOOD | rx_l4_error(m, pkt_id);
	}
	m->ol_flags = ol;
	if (val1 & TN40_RXD_VTAG) {
		if (likely(q->vlan_strip)) {
			m->vlan_tci = vlan;
			m->ol_flags |= RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED;
		} else {
			rx_vlan_restore(mp, vlan);
		}
	}
}

/* A descriptor whose buffer goes back to the NIC: errors, no fresh mbuf, an unknown id, a
 * length beyond the buffer the RXF gave (a NIC never writes one; the fuzzer's card does).
 */
static __rte_noinline void
rx_recycle(struct qt2025_rxq *q, uint32_t id, uint32_t val1, uint16_t len)
{
	if (id >= q->nb_bufs) {
		q->st.errors++;         /* an id never posted: nothing to give back */
		return;
	}
	if ((TN40_RXD_ERR(val1) & TN40_RXD_ERR_CRC) || len > q->buf_len)
		q->st.errors++;
	else
		q->st.nombuf++;
	post(q, id, q->bufs[id]);       /* the same buffer under the same id */
}

uint16_t
qt2025_recv_pkts(void *rx, struct rte_mbuf **pkts, uint16_t n)
{
	struct qt2025_rxq *q = rx;
	const struct qt_hw *hw = qt2025_burst_hw(q->port_id);
	struct rte_mbuf *fresh[RX_BURST_MAX], **bufs = q->bufs;
	const uint32_t dsize = q->rxd.size, fsize = q->rxf.size;
	const uint64_t rearm = q->rearm, buf_len = (uint64_t)q->buf_len << 32;
	uint8_t *rxd = q->rxd.va, *rxf = q->rxf.va;
	uint32_t rptr = q->rxd.rptr, wptr = q->rxf.wptr, avail = q->avail;
	uint16_t nb = 0, nb_fresh, used = 0, seen = 0;
	uint64_t bytes = 0;

	if (unlikely(hw == NULL || !q->running)) {
		if (hw == NULL)
			qt2025_burst_no_hw(q->port_id);
		return 0;
	}
	n = RTE_MIN(n, RX_BURST_MAX);
	/* the pointer register only when what it said last time is used up (hardware.md 4.2) */
	if (avail < (uint32_t)n * sizeof(struct tn40_rxf))
		avail = tn40_fifo_rd_avail(hw, &q->rxd, TN40_PTR_MASK);
	if (avail < RXD_MIN_LEN) {
		q->avail = avail;
		return 0;
	}
	/* all or nothing from the pool: when the burst's worth is not there, less */
	nb_fresh = RTE_MIN(n, avail / RXD_MIN_LEN);
	while (unlikely(nb_fresh > 0 &&
			rte_mempool_get_bulk(q->mp, (void **)fresh, nb_fresh) != 0))
		nb_fresh /= 2;

	while (seen < n && avail >= RXD_MIN_LEN) {
		/* val1 | len << 32 | vlan << 48; the first 8 bytes never wrap (hardware.md 4.2) */
		uint64_t w0 = rte_le_to_cpu_64(*(const uint64_t *)(rxd + rptr)), *f;
		uint32_t val1 = (uint32_t)w0, len = TN40_RXD_BC(val1) * 8, id;
		struct rte_mbuf *m, *nm;
		rte_iova_t pa;

		if (unlikely(len < RXD_MIN_LEN || len > avail))
			break;  /* published in part: the rest comes with the next pointer */
		tn40_ring_join(rxd, dsize, rptr, len);
		id = rte_le_to_cpu_32(((const uint32_t *)(rxd + rptr))[2]);
		rptr = (rptr + len) & (dsize - 1);
		avail -= len;
		seen++;
		if (unlikely(id >= q->nb_bufs || (TN40_RXD_ERR(val1) & TN40_RXD_ERR_CRC) ||
			     (uint16_t)(w0 >> 32) > q->buf_len || used == nb_fresh)) {
			q->rxf.wptr = wptr;
			rx_recycle(q, id, val1, (uint16_t)(w0 >> 32));
			wptr = q->rxf.wptr;
			continue;
		}
		m = bufs[id];
		memcpy(RTE_PTR_ADD(m, offsetof(struct rte_mbuf, rearm_data)), &rearm, 8);
		m->pkt_len = (uint16_t)(w0 >> 32);
		m->data_len = (uint16_t)(w0 >> 32);
		if (likely((val1 & (TN40_RXD_ERR_L4_MASK | TN40_RXD_VTAG)) == 0 ||
			   ((val1 & TN40_RXD_ERR_L4_MASK) == 0 && q->vlan_strip))) {
			uint64_t ol = rx_ol[TN40_RXD_PKT_ID(val1)];

			m->packet_type = rx_ptypes[TN40_RXD_PKT_ID(val1)];
			if (val1 & TN40_RXD_VTAG) {
				m->vlan_tci = (uint16_t)(w0 >> 48);
				ol |= RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED;
			}
			m->ol_flags = ol;
		} else {
			rx_flags(q, &m, val1, (uint16_t)(w0 >> 48));
		}
		bytes += (uint16_t)(w0 >> 32);
		pkts[nb++] = m;
		/* the fresh buffer under the same id: RXF as three 64-bit stores (hardware.md 4.5)
		 */
		nm = fresh[used++];
		bufs[id] = nm;
		pa = nm->buf_iova + RTE_PKTMBUF_HEADROOM;
		f = (uint64_t *)(rxf + wptr);
		f[0] = rte_cpu_to_le_64(TN40_RXF_INFO | (uint64_t)id << 32);
		f[1] = rte_cpu_to_le_64((uint64_t)(uint32_t)pa << 32);
		f[2] = rte_cpu_to_le_64((pa >> 32) | buf_len);
		wptr = tn40_ring_advance(rxf, fsize, wptr, sizeof(struct tn40_rxf));
	}
	q->rxd.rptr = rptr;
	q->rxf.wptr = wptr;
	q->avail = avail;
	if (used < nb_fresh)
		rte_mempool_put_bulk(q->mp, (void **)&fresh[used], nb_fresh - used);
	if (seen > 0) {
		tn40_fifo_rd_doorbell(hw, &q->rxd);
		tn40_fifo_wr_doorbell(hw, &q->rxf);
	}
	q->st.packets += nb;
	q->st.bytes += bytes;
	return nb;
}

/* ---- queue set-up (control path) ---- */

/* data_off, refcnt, nb_segs, port of a fresh single-segment mbuf: one 64-bit store. */
static uint64_t
rearm_word(uint16_t port)
{
	struct rte_mbuf mb;
	uint64_t w;

	memset(&mb, 0, sizeof(mb));
	mb.data_off = RTE_PKTMBUF_HEADROOM;
	rte_mbuf_refcnt_set(&mb, 1);
	mb.nb_segs = 1;
	mb.port = port;
	memcpy(&w, RTE_PTR_ADD(&mb, offsetof(struct rte_mbuf, rearm_data)), sizeof(w));
	return w;
}

/* One buffer per frame (4.6: TN40 has no scatter Rx), the FCS stripped: a queue whose
 * buffers cannot hold an MTU-sized frame would drop every frame above their size.
 */
int
qt2025_rx_buf_check(const struct rte_eth_dev *dev, uint16_t mtu, uint32_t buf_len,
		    struct rte_mempool *mp)
{
	uint32_t frame = (uint32_t)mtu + RTE_ETHER_HDR_LEN;

	if (frame <= buf_len)
		return 0;
	QT_DRV_LOG(ERR, qt2025_adapter(dev), "MTU %u refused: frames of %u bytes do not fit the "
		   "%u-byte buffers of mempool %s (%u-byte mbuf data room less %u headroom; "
		   "no scatter Rx)", mtu, frame, buf_len, mp->name,
		   rte_pktmbuf_data_room_size(mp), RTE_PKTMBUF_HEADROOM);
	return -EINVAL;
}

int
qt2025_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		      unsigned int socket, const struct rte_eth_rxconf *conf,
		      struct rte_mempool *mp)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	uint32_t room = rte_pktmbuf_data_room_size(mp) - RTE_PKTMBUF_HEADROOM;
	uint64_t offloads = conf->offloads | dev->data->dev_conf.rxmode.offloads;
	const uint32_t ring = TN40_FIFO_DMA_LEN(QT2025_FIFO_CODE);
	struct qt2025_rxq *q;

	if (room < RTE_ETHER_MIN_LEN) {
		QT_DRV_LOG(ERR, ad, "mempool %s: %u-byte buffers hold no frame", mp->name, room);
		return -EINVAL;
	}
	if (qt2025_rx_buf_check(dev, dev->data->mtu, RTE_MIN(room, (uint32_t)TN40_MAX_FRAME_MASK),
				mp) != 0)
		return -EINVAL;
	qt2025_rx_queue_release(dev, qid);
	q = rte_zmalloc_socket("qt2025_rxq", sizeof(*q), RTE_CACHE_LINE_SIZE, socket);
	if (q == NULL)
		return -ENOMEM;
	q->nb_desc = nb_desc;
	q->nb_bufs = RTE_MIN(nb_desc, QT2025_RXF_MAX);
	q->bufs = rte_zmalloc_socket("qt2025_rxq_bufs", q->nb_bufs * sizeof(q->bufs[0]),
				     RTE_CACHE_LINE_SIZE, socket);
	/* RXD and RXF, each 4 KiB aligned (hardware.md 3.1) with its 1 KiB scratch (hardware.md
	 * 4.2)
	 */
	q->mz = rte_eth_dma_zone_reserve(dev, "qt2025_rx", qid, 2 * RTE_ALIGN(ring, 4096), 4096,
					 socket);
	if (q->bufs == NULL || q->mz == NULL) {
		rte_free(q->bufs);
		rte_free(q);
		return -ENOMEM;
	}
	tn40_fifo_init(&q->rxd, TN40_FIFO_RXD, q->mz->addr, q->mz->iova, QT2025_FIFO_CODE);
	tn40_fifo_init(&q->rxf, TN40_FIFO_RXF, (uint8_t *)q->mz->addr + RTE_ALIGN(ring, 4096),
		       q->mz->iova + RTE_ALIGN(ring, 4096), QT2025_FIFO_CODE);
	q->mp = mp;
	q->buf_len = (uint16_t)RTE_MIN(room, (uint32_t)TN40_MAX_FRAME_MASK);
	q->port_id = dev->data->port_id;
	q->queue_id = qid;
	q->vlan_strip = (offloads & RTE_ETH_RX_OFFLOAD_VLAN_STRIP) != 0;
	q->rearm = rearm_word(q->port_id);
	q->deferred = conf->rx_deferred_start;
	dev->data->rx_queues[qid] = q;
	if (nb_desc > QT2025_RXF_MAX)
		QT_DRV_LOG(INFO, ad, "Rx ring of %u: the NIC holds %u buffers at a time "
			   "(hardware.md 4.5), the port takes no more from the pool", nb_desc,
			   QT2025_RXF_MAX);
	return 0;
}

void
qt2025_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	struct qt2025_rxq *q = dev->data->rx_queues[qid];

	if (q == NULL)
		return;
	qt2025_rxq_hw_stop(q);
	rte_eth_dma_zone_free(dev, "qt2025_rx", qid);
	rte_free(q->bufs);
	rte_free(q);
	dev->data->rx_queues[qid] = NULL;
}

/* Programs RXD and RXF and posts a buffer per id; the NIC's pointers are 0 (SW reset). */
int
qt2025_rxq_hw_start(struct qt2025_rxq *q, struct qt_hw *hw)
{
	uint16_t i;

	if (rte_mempool_get_bulk(q->mp, (void **)q->bufs, q->nb_bufs) != 0)
		return -ENOMEM;
	tn40_fifo_program(hw, &q->rxd);
	tn40_fifo_program(hw, &q->rxf);
	q->avail = 0;
	for (i = 0; i < q->nb_bufs; i++)
		post(q, i, q->bufs[i]);
	tn40_fifo_wr_doorbell(hw, &q->rxf);
	q->started = true;
	q->running = !q->deferred;
	return 0;
}

void
qt2025_rxq_hw_stop(struct qt2025_rxq *q)
{
	if (!q->started)
		return;
	rte_mempool_put_bulk(q->mp, (void **)q->bufs, q->nb_bufs);
	memset(q->bufs, 0, q->nb_bufs * sizeof(q->bufs[0]));
	q->started = false;
	q->running = false;
}

/* Descriptors the NIC has filled and the application not yet taken (control path). */
int
qt2025_rx_queue_count(void *rx)
{
	struct qt2025_rxq *q = rx;
	const struct qt_hw *hw = qt2025_burst_hw(q->port_id);
	uint32_t avail, pos, count = 0;

	if (hw == NULL || !q->started)
		return 0;
	avail = tn40_fifo_rd_avail(hw, &q->rxd, TN40_PTR_MASK);
	for (pos = q->rxd.rptr; avail >= RXD_MIN_LEN; count++) {
		uint32_t len = TN40_RXD_BC(rte_le_to_cpu_32(*(const uint32_t *)
							    (q->rxd.va + pos))) * 8;

		if (len < RXD_MIN_LEN || len > avail)
			break;
		avail -= len;
		pos = (pos + len) & (q->rxd.size - 1);
	}
	return count;
}

int
qt2025_rx_descriptor_status(void *rx, uint16_t offset)
{
	struct qt2025_rxq *q = rx;

	if (offset >= q->nb_desc)
		return -EINVAL;
	if (offset < qt2025_rx_queue_count(rx))
		return RTE_ETH_RX_DESC_DONE;
	return offset < q->nb_bufs ? RTE_ETH_RX_DESC_AVAIL : RTE_ETH_RX_DESC_UNAVAIL;
}

/*
 * The NIC has one queue and no per-queue switch: a stopped Rx queue is one the bursts no
 * longer read; its buffers stay posted and what arrives meanwhile waits in them (or is
 * dropped by the NIC once they are full, counted in imissed).
 */
int
qt2025_rx_queue_start(struct rte_eth_dev *dev, uint16_t qid)
{
	struct qt2025_rxq *q = dev->data->rx_queues[qid];

	if (!q->started)
		return -EIO;    /* not before dev_start */
	q->running = true;
	dev->data->rx_queue_state[qid] = RTE_ETH_QUEUE_STATE_STARTED;
	return 0;
}

int
qt2025_rx_queue_stop(struct rte_eth_dev *dev, uint16_t qid)
{
	struct qt2025_rxq *q = dev->data->rx_queues[qid];

	q->running = false;
	dev->data->rx_queue_state[qid] = RTE_ETH_QUEUE_STATE_STOPPED;
	return 0;
}
