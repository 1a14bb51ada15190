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
 * rearm data, checksum, VLAN and packet type looked up as one row of the queue's vec_mbuf
 * by the top 4 bits of val1.
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

/* The fresh buffers of a burst and where the walk stops. */
struct walk {
	struct rte_mbuf **src;          /* fresh mbufs below this */
	uint32_t rptr, wptr, avail;
	bool rest;                      /* a descriptor for the scalar burst */
};

/*
 * The walk over at most lim descriptors; wrap: whether the RXD read position or the RXF
 * write position may pass the end of its ring in this burst (else no check for either).
 */
static inline struct rte_mbuf **
walk(struct qt2025_rxq *q, struct walk *w, struct rte_mbuf **out, struct rte_mbuf **end,
	__m128i *bytes, const bool wrap)
{
	struct rte_mbuf **bufs = q->bufs, **src = w->src;
	uint8_t *rxd = q->rxd.va, *rxf = q->rxf.va;
	const uint8_t *dp = rxd + w->rptr, *tbl = (const uint8_t *)q->vec_mbuf;
	uint8_t *fp = rxf + w->wptr;
	uint32_t avail = w->avail;
	/* One test for all that sends a descriptor to the scalar burst: min(d, lim16) ^ d is
	 * val1 in words 0-1 (lim 0 there) and non-zero in words 2, 4, 5 when the frame is
	 * longer than the buffer or the id beyond those posted; tested against val1's error
	 * bits and a tag to put back (hardware.md 4.6, 4.7) and those words.
	 */
	const __m128i lim16 = _mm_set_epi16(-1, -1, 0, (int16_t)(q->nb_bufs - 1), -1,
					    (int16_t)q->buf_len, 0, 0);
	const __m128i slow = _mm_set_epi32(0, -1, 0xFFFF, (int)((TN40_RXD_ERR_CRC << 21) |
					   TN40_RXD_ERR_L4_MASK |
					   (q->vlan_strip ? 0 : TN40_RXD_VTAG)));
	/* RXF bytes 8-23: va_hi 0, pa, len (4.5) */
	const __m128i rxf_len = _mm_set_epi32((int)rte_cpu_to_le_32(q->buf_len), 0, 0, 0);
	const __m128i headroom = _mm_cvtsi64_si128(RTE_PKTMBUF_HEADROOM);
#ifdef QT2025_VEC_AVX2
	/* upper half: packet_type 0, pkt_len, data_len, vlan_tci from the RXD's len, vlan */
	const __m256i shuf = _mm256_set_epi8(-1, -1, -1, -1, 7, 6, 5, 4,
					     -1, -1, 5, 4, -1, -1, -1, -1,
					     -1, -1, -1, -1, -1, -1, -1, -1,
					     -1, -1, -1, -1, -1, -1, -1, -1);
	__m256i acc = _mm256_setzero_si256();
#else
	const __m128i shuf = _mm_set_epi8(-1, -1, -1, -1, 7, 6, 5, 4,
					  -1, -1, 5, 4, -1, -1, -1, -1);
	__m128i acc = _mm_setzero_si128();
#endif

	for (; out != end; out++) {
#ifdef QT2025_VEC_AVX2
		__m256i dd = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)dp));
		__m128i d = _mm256_castsi256_si128(dd);
#else
		__m128i d = _mm_loadu_si128((const __m128i *)dp);
#endif
		uint32_t val1 = (uint32_t)_mm_cvtsi128_si32(d), len = TN40_RXD_BC(val1) * 8;
		uint32_t id, k;
		struct rte_mbuf *m, *nm;
		struct tn40_rxf *f = (struct tn40_rxf *)fp;
		__m128i bad, pa;

		if (unlikely(len > avail || len < RXD_MIN_LEN))
			break;  /* published in part, or no descriptor: as the scalar burst */
		if (wrap && unlikely(dp > rxd + QT2025_FIFO_BYTES - RXD_MIN_LEN)) {
			/* the 16 bytes read wrap (the first 8 never do, 4.2) */
			tn40_ring_join(rxd, QT2025_FIFO_BYTES, dp - rxd, RXD_MIN_LEN);
#ifdef QT2025_VEC_AVX2
			dd = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)dp));
			d = _mm256_castsi256_si128(dd);
#else
			d = _mm_loadu_si128((const __m128i *)dp);
#endif
		}
		bad = _mm_xor_si128(_mm_min_epu16(d, lim16), d);
		if (unlikely(!_mm_testz_si128(bad, slow))) {
			w->rest = true;
			break;
		}
		id = rte_le_to_cpu_32(((const uint32_t *)dp)[2]);
		dp += len;
		if (wrap && dp >= rxd + QT2025_FIFO_BYTES)
			dp -= QT2025_FIFO_BYTES;
		avail -= len;
		m = bufs[id];
		k = (val1 >> 23) & 0x1E0;       /* val1 >> 28, 32 bytes a row */
#ifdef QT2025_VEC_AVX2
		dd = _mm256_or_si256(_mm256_shuffle_epi8(dd, shuf),
				     _mm256_load_si256((const __m256i *)(tbl + k)));
		_mm256_storeu_si256((__m256i *)&m->rearm_data, dd);
		acc = _mm256_add_epi64(acc, dd);
#else
		{
			__m128i f1 = _mm_or_si128(_mm_shuffle_epi8(d, shuf),
				_mm_load_si128((const __m128i *)(tbl + k + 16)));

			_mm_storeu_si128((__m128i *)&m->rearm_data,
					 _mm_load_si128((const __m128i *)(tbl + k)));
			_mm_storeu_si128((__m128i *)&m->rx_descriptor_fields1, f1);
			acc = _mm_add_epi64(acc, f1);
		}
#endif
		*out = m;
		/* the fresh buffer under the same id (RXF, hardware.md 4.5) */
		nm = *--src;
		bufs[id] = nm;
		pa = _mm_add_epi64(_mm_loadl_epi64((const __m128i *)&nm->buf_iova), headroom);
		f->info = rte_cpu_to_le_32(TN40_RXF_INFO);
		f->va_lo = rte_cpu_to_le_32(id);
		_mm_storeu_si128((__m128i *)&f->va_hi, _mm_or_si128(_mm_slli_si128(pa, 4),
								   rxf_len));
		if (wrap)
			fp = rxf + tn40_ring_advance(rxf, QT2025_FIFO_BYTES, fp - rxf,
						     sizeof(struct tn40_rxf));
		else
			fp += sizeof(struct tn40_rxf);
	}
	w->src = src;
	w->rptr = dp - rxd;
	w->wptr = fp - rxf;
	w->avail = avail;
	/* 64-bit lane of packet_type + pkt_len << 32: the packet types sum below 2^32 */
#ifdef QT2025_VEC_AVX2
	*bytes = _mm_add_epi64(*bytes, _mm256_extracti128_si256(acc, 1));
#else
	*bytes = _mm_add_epi64(*bytes, acc);
#endif
	return out;
}

uint16_t
VEC_FN(qt2025_recv_pkts)(void *rx, struct rte_mbuf **pkts, uint16_t n)
{
	struct qt2025_rxq *q = rx;
	const struct qt_hw *hw = qt2025_burst_hw(q->port_id);
	struct rte_mbuf *fresh[RX_BURST_MAX], **out;
	struct rte_mempool_cache *cache;
	__m128i bytes = _mm_setzero_si128();
	struct walk w = { .rptr = q->rxd.rptr, .wptr = q->rxf.wptr, .avail = q->avail };
	uint32_t lim;
	uint16_t nb, nb_fresh = 0;

	RTE_BUILD_BUG_ON(offsetof(struct rte_mbuf, ol_flags) !=
			 offsetof(struct rte_mbuf, rearm_data) + 8);
	RTE_BUILD_BUG_ON(offsetof(struct rte_mbuf, rx_descriptor_fields1) !=
			 offsetof(struct rte_mbuf, rearm_data) + 16);
	RTE_BUILD_BUG_ON(offsetof(struct rte_mbuf, pkt_len) !=
			 offsetof(struct rte_mbuf, rx_descriptor_fields1) + 4);
	RTE_BUILD_BUG_ON(offsetof(struct rte_mbuf, vlan_tci) !=
			 offsetof(struct rte_mbuf, rx_descriptor_fields1) + 10);
	RTE_BUILD_BUG_ON(sizeof(struct tn40_rxf) != 24);

	if (unlikely(hw == NULL || !q->running))
		return qt2025_recv_pkts(rx, pkts, n);   /* says why, returns 0 */
	n = RTE_MIN(n, RX_BURST_MAX);
	/* the pointer register only when what it said last time is used up (4.2) */
	if (w.avail < (uint32_t)n * sizeof(struct tn40_rxf))
		w.avail = tn40_fifo_rd_avail(hw, &q->rxd, TN40_PTR_MASK);
	if (w.avail < RXD_MIN_LEN) {
		q->avail = w.avail;
		return 0;
	}
	lim = RTE_MIN((uint32_t)n, w.avail / RXD_MIN_LEN);
	/* fresh mbufs: from the top of this lcore's cache when it holds the burst's worth,
	 * else a bulk get as the scalar burst does (all or nothing: when short, less)
	 */
	cache = rte_mempool_default_cache(q->mp, rte_lcore_id());
	if (likely(cache != NULL && cache->len >= lim)) {
		w.src = (struct rte_mbuf **)&cache->objs[cache->len];
	} else {
		cache = NULL;
		nb_fresh = (uint16_t)lim;
		while (nb_fresh > 0 &&
		       rte_mempool_get_bulk(q->mp, (void **)fresh, nb_fresh) != 0)
			nb_fresh /= 2;
		w.src = &fresh[nb_fresh];
		if (nb_fresh < lim) {
			lim = nb_fresh;
			w.rest = true;  /* the scalar burst recycles what finds no mbuf */
		}
	}
	/* neither ring passes its end in this burst: the walk without wrap checks */
	if (likely(w.rptr + w.avail + RXD_MIN_LEN <= QT2025_FIFO_BYTES &&
		   w.wptr + lim * sizeof(struct tn40_rxf) < QT2025_FIFO_BYTES))
		out = walk(q, &w, pkts, pkts + lim, &bytes, false);
	else
		out = walk(q, &w, pkts, pkts + lim, &bytes, true);
	nb = (uint16_t)(out - pkts);
	if (cache != NULL)
		cache->len -= nb;       /* its top nb went to the NIC */
	else if (w.src > fresh)
		rte_mempool_put_bulk(q->mp, (void **)fresh, w.src - fresh);
	q->rxd.rptr = w.rptr;
	q->rxf.wptr = w.wptr;
	q->avail = w.avail;
	q->st.packets += nb;
	q->st.bytes += (uint64_t)_mm_cvtsi128_si64(bytes) >> 32;
	if (nb > 0) {
		tn40_fifo_rd_doorbell(hw, &q->rxd);
		tn40_fifo_wr_doorbell(hw, &q->rxf);
	}
	if (unlikely(w.rest) && nb < n)
		return nb + qt2025_recv_pkts(rx, pkts + nb, n - nb);
	return nb;
}
