/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Receive, vector path: built twice, with -msse4.2 (qt2025_recv_pkts_sse) and with -mavx2
 * (qt2025_recv_pkts_avx2, QT2025_VEC_AVX2 defined). The RXD is variable in size and names
 * its buffer by id (hardware.md 4.5, 4.6), so the walk stays one descriptor at a time; what
 * it saves is work per descriptor: every queue field in a register, the mbuf's 32 bytes of
 * rearm data, flags, packet type and lengths written as two 16-byte stores (one 32-byte
 * store with AVX2), the fresh mbufs taken straight from the pool's per-lcore cache, and the
 * checksum, VLAN and packet type results looked up by one index, the top 4 bits of val1.
 *
 * The first descriptor it does not take on (an error bit, an id never posted, a length
 * beyond the buffer, a tag to put back, no fresh mbuf) ends the walk and qt2025_recv_pkts
 * takes the rest of the burst: hostile and rare cases have one implementation.
 */

#include <rte_mempool.h>
#include <rte_vect.h>

#include "qt2025_vec.h"

#ifdef QT2025_VEC_AVX2
#define VEC_FN(name) name##_avx2
#else
#define VEC_FN(name) name##_sse
#endif

#define RX_BURST_MAX            64
#define RXD_MIN_LEN             16      /* BC 2 (hardware.md 4.6) */

#define RX_OL_GOOD (RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_GOOD)
#define RX_OL_VLAN (RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED)
#define RX_PT_L3 (RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4)

/* By val1 >> 28, VTAG and PKT_ID (hardware.md 4.6), as qt2025_rx.c reads them: PKT_ID
 * non-zero without an error bit is IPv4 with both checksums right; 1 TCP, 2 UDP.
 */
static const uint64_t rx_ol[16] = {
	[1 ... 7] = RX_OL_GOOD,
	[8] = RX_OL_VLAN,
	[9 ... 15] = RX_OL_GOOD | RX_OL_VLAN,
};
static const uint32_t rx_ptype[16] = {
	[0] = RTE_PTYPE_L2_ETHER, [8] = RTE_PTYPE_L2_ETHER,
	[1] = RX_PT_L3 | RTE_PTYPE_L4_TCP, [9] = RX_PT_L3 | RTE_PTYPE_L4_TCP,
	[2] = RX_PT_L3 | RTE_PTYPE_L4_UDP, [10] = RX_PT_L3 | RTE_PTYPE_L4_UDP,
	[3 ... 7] = RX_PT_L3, [11 ... 15] = RX_PT_L3,
};

uint16_t
VEC_FN(qt2025_recv_pkts)(void *rx, struct rte_mbuf **pkts, uint16_t n)
{
	struct qt2025_rxq *q = rx;
	const struct qt_hw *hw = qt2025_burst_hw(q->port_id);
	struct rte_mbuf *fresh[RX_BURST_MAX], **bufs = q->bufs, **src;
	struct rte_mempool_cache *cache;
	const uint32_t dsize = q->rxd.size, fsize = q->rxf.size, nb_bufs = q->nb_bufs;
	const uint32_t buf_len = q->buf_len;
	const uint64_t f2_len = (uint64_t)buf_len << 32;
	/* a descriptor with any of these goes to the scalar burst (hardware.md 4.6, 4.7) */
	const uint32_t slow = (TN40_RXD_ERR_CRC << 21) | TN40_RXD_ERR_L4_MASK |
			      (q->vlan_strip ? 0 : TN40_RXD_VTAG);
	/* pkt_len, data_len and vlan_tci from the RXD's len and vlan (rx_descriptor_fields1) */
	const __m128i shuf = _mm_set_epi8(-1, -1, -1, -1, 7, 6, 5, 4,
					  -1, -1, 5, 4, -1, -1, -1, -1);
	const __m128i rearm = _mm_cvtsi64_si128((int64_t)q->rearm);
	uint8_t *rxd = q->rxd.va, *rxf = q->rxf.va;
	uint32_t rptr = q->rxd.rptr, wptr = q->rxf.wptr, avail = q->avail, left, lim;
	uint16_t nb = 0, nb_fresh = 0;
	uint64_t bytes = 0;
	bool rest = false;

	RTE_BUILD_BUG_ON(offsetof(struct rte_mbuf, ol_flags) !=
			 offsetof(struct rte_mbuf, rearm_data) + 8);
	RTE_BUILD_BUG_ON(offsetof(struct rte_mbuf, rx_descriptor_fields1) !=
			 offsetof(struct rte_mbuf, rearm_data) + 16);
	RTE_BUILD_BUG_ON(offsetof(struct rte_mbuf, pkt_len) !=
			 offsetof(struct rte_mbuf, rx_descriptor_fields1) + 4);
	RTE_BUILD_BUG_ON(offsetof(struct rte_mbuf, vlan_tci) !=
			 offsetof(struct rte_mbuf, rx_descriptor_fields1) + 10);

	if (unlikely(hw == NULL || !q->running))
		return qt2025_recv_pkts(rx, pkts, n);   /* says why, returns 0 */
	n = RTE_MIN(n, RX_BURST_MAX);
	/* the pointer register only when what it said last time is used up (4.2) */
	if (avail < (uint32_t)n * sizeof(struct tn40_rxf))
		avail = tn40_fifo_rd_avail(hw, &q->rxd, TN40_PTR_MASK);
	if (avail < RXD_MIN_LEN) {
		q->avail = avail;
		return 0;
	}
	lim = RTE_MIN((uint32_t)n, avail / RXD_MIN_LEN);
	/* fresh mbufs: from the top of this lcore's cache when it holds the burst's worth,
	 * else a bulk get as the scalar burst does (all or nothing: when short, less)
	 */
	cache = rte_mempool_default_cache(q->mp, rte_lcore_id());
	if (likely(cache != NULL && cache->len >= lim)) {
		src = (struct rte_mbuf **)cache->objs;
		left = cache->len;
	} else {
		cache = NULL;
		nb_fresh = (uint16_t)lim;
		while (nb_fresh > 0 &&
		       rte_mempool_get_bulk(q->mp, (void **)fresh, nb_fresh) != 0)
			nb_fresh /= 2;
		src = fresh;
		left = nb_fresh;
		if (nb_fresh < lim) {
			lim = nb_fresh;
			rest = true;    /* the scalar burst recycles what finds no mbuf */
		}
	}

	while (nb < lim && avail >= RXD_MIN_LEN) {
		const uint8_t *dp = rxd + rptr;
		__m128i d = _mm_loadu_si128((const __m128i *)dp), f1, ro;
		uint32_t val1 = (uint32_t)_mm_cvtsi128_si32(d), len = TN40_RXD_BC(val1) * 8;
		uint32_t id, flen, k;
		struct rte_mbuf *m, *nm;
		uint64_t *f;
		rte_iova_t pa;

		if (unlikely(len - RXD_MIN_LEN > avail - RXD_MIN_LEN))
			break;  /* under 16, or published in part: as the scalar burst */
		if (unlikely(rptr + len > dsize)) {     /* wraps: the first 8 bytes do not */
			tn40_ring_join(rxd, dsize, rptr, len);
			d = _mm_loadu_si128((const __m128i *)dp);
		}
		id = (uint32_t)_mm_extract_epi32(d, 2);
		flen = (uint32_t)_mm_extract_epi16(d, 2);
		if (unlikely((val1 & slow) != 0 || id >= nb_bufs || flen > buf_len)) {
			rest = true;
			break;
		}
		rptr = (rptr + len) & (dsize - 1);
		avail -= len;
		m = bufs[id];
		k = val1 >> 28;
		f1 = _mm_or_si128(_mm_shuffle_epi8(d, shuf), _mm_cvtsi32_si128((int)rx_ptype[k]));
		ro = _mm_unpacklo_epi64(rearm, _mm_cvtsi64_si128((int64_t)rx_ol[k]));
#ifdef QT2025_VEC_AVX2
		_mm256_storeu_si256((__m256i *)&m->rearm_data, _mm256_set_m128i(f1, ro));
#else
		_mm_storeu_si128((__m128i *)&m->rearm_data, ro);
		_mm_storeu_si128((__m128i *)&m->rx_descriptor_fields1, f1);
#endif
		pkts[nb++] = m;
		bytes += flen;
		/* the fresh buffer under the same id: RXF as three 64-bit stores (4.5) */
		nm = src[--left];
		bufs[id] = nm;
		pa = nm->buf_iova + RTE_PKTMBUF_HEADROOM;
		f = (uint64_t *)(rxf + wptr);
		f[0] = rte_cpu_to_le_64(TN40_RXF_INFO | (uint64_t)id << 32);
		f[1] = rte_cpu_to_le_64((uint64_t)(uint32_t)pa << 32);
		f[2] = rte_cpu_to_le_64((pa >> 32) | f2_len);
		wptr = tn40_ring_advance(rxf, fsize, wptr, sizeof(struct tn40_rxf));
	}
	if (cache != NULL)
		cache->len = left;      /* the top nb of it went to the NIC */
	else if (left > 0)
		rte_mempool_put_bulk(q->mp, (void **)fresh, left);
	q->rxd.rptr = rptr;
	q->rxf.wptr = wptr;
	q->avail = avail;
	q->st.packets += nb;
	q->st.bytes += bytes;
	if (nb > 0) {
		tn40_fifo_rd_doorbell(hw, &q->rxd);
		tn40_fifo_wr_doorbell(hw, &q->rxf);
	}
	if (unlikely(rest) && nb < n)
		return nb + qt2025_recv_pkts(rx, pkts + nb, n - nb);
	return nb;
}
