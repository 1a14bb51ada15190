/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Transmit, vector path: built twice, with -msse4.2 (qt2025_xmit_pkts_sse) and with -mavx2
 * (qt2025_xmit_pkts_avx2, QT2025_VEC_AVX2 defined). A single-segment packet of 60 bytes or
 * more, with no request beyond IP/L4 checksum and VLAN insertion, takes a 32-byte TXD: the
 * 16-byte header and one PBL entry (hardware.md 4.3), one 32-byte store with AVX2. The burst
 * is sized once against the byte budget and the mbufs held, so that the loop has no room
 * check; completions come back as a gather of the slots' mbuf pointers (two or four per
 * step) put straight into the pool's per-lcore cache when MBUF_FAST_FREE holds.
 *
 * The first packet it does not take on (segments, runts, TSO, other requests, lengths that
 * disagree, a full ring) ends its loop and qt2025_xmit_pkts takes the rest of the burst;
 * the queue state (slots, byte budget, mbufs held) is the scalar burst's own.
 */

#include <rte_mempool.h>
#include <rte_vect.h>

#include "qt2025_vec.h"

#ifdef QT2025_VEC_AVX2
#define VEC_FN(name) name##_avx2
#else
#define VEC_FN(name) name##_sse
#endif

#define TX_RECLAIM_BELOW        (8 * 1024)      /* as the scalar burst */
#define TX_FREE_BULK            64
#define TXD1_BYTES              32              /* tn40_txd_size(1) */

#define TX_CSUM (RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_L4_MASK)
#define TX_FAST (TX_CSUM | RTE_MBUF_F_TX_VLAN | RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IPV6)

/* n > 0 mbuf pointers of the slots from head on (no wrap) into out; returns the sum of
 * their segment counts.
 */
static inline uint32_t
gather(const struct qt2025_tx_slot *s, struct rte_mbuf **out, uint32_t n)
{
	uint32_t i = 0, segs = 0;
#ifdef QT2025_VEC_AVX2
	__m256i acc = _mm256_setzero_si256();

	for (; i + 4 <= n; i += 4) {
		__m256i a = _mm256_loadu_si256((const __m256i *)&s[i]);
		__m256i b = _mm256_loadu_si256((const __m256i *)&s[i + 2]);

		/* m0 m2 | m1 m3, then in order */
		_mm256_storeu_si256((__m256i *)&out[i],
				    _mm256_permute4x64_epi64(_mm256_unpacklo_epi64(a, b), 0xD8));
		/* the high quadwords are end | segs << 32: their sum keeps segs in the top
		 * half (ends are below 2^15, at most 64 of them)
		 */
		acc = _mm256_add_epi64(acc, _mm256_add_epi64(a, b));
	}
	segs = (uint32_t)((_mm256_extract_epi64(acc, 1) + _mm256_extract_epi64(acc, 3)) >> 32);
#else
	__m128i acc = _mm_setzero_si128();

	for (; i + 2 <= n; i += 2) {
		__m128i a = _mm_loadu_si128((const __m128i *)&s[i]);
		__m128i b = _mm_loadu_si128((const __m128i *)&s[i + 1]);

		_mm_storeu_si128((__m128i *)&out[i], _mm_unpacklo_epi64(a, b));
		acc = _mm_add_epi64(acc, _mm_add_epi64(a, b));  /* as above */
	}
	segs = (uint32_t)((uint64_t)_mm_extract_epi64(acc, 1) >> 32);
#endif
	for (; i < n; i++) {
		out[i] = s[i].m;
		segs += s[i].segs;
	}
	return segs;
}

/* Frees what the NIC has completed (one TXF entry per packet, in order, hardware.md 4.4),
 * at most max packets; returns how many.
 */
static uint32_t
reclaim(struct qt2025_txq *q, const struct qt_hw *hw, uint32_t max)
{
	const uint16_t smask = q->nb_slots - 1;
	struct rte_mbuf *done[TX_FREE_BULK];
	uint32_t n, k, segs, total = 0;
	uint16_t head = q->head;

	if (q->txf_avail < TX_FREE_BULK * sizeof(struct tn40_txf))
		q->txf_avail = tn40_fifo_rd_avail(hw, &q->txf, TN40_TXF_WPTR_MASK);
	n = q->txf_avail / sizeof(struct tn40_txf);
	n = RTE_MIN(n, (uint32_t)((q->tail - head) & smask));
	n = RTE_MIN(n, max);
	if (n == 0)
		return 0;
	if (unlikely(rte_eth_devices[q->port_id].data->dev_link.link_status ==
		     RTE_ETH_LINK_DOWN))
		qt2025_tx_count_link_down(q, n);
	while (total < n) {
		struct rte_mempool_cache *c = NULL;
		struct rte_mbuf **out = done;

		/* two steps: a nested RTE_MIN shadows its own locals (-Wshadow in DPDK's tree) */
		k = RTE_MIN((uint32_t)TX_FREE_BULK, (uint32_t)q->nb_slots - head);
		k = RTE_MIN(n - total, k);
		if (q->fast_free) {
			/* straight into the cache when it has the room a put would use */
			c = rte_mempool_default_cache(q->slots[head].m->pool, rte_lcore_id());
			if (c != NULL && c->len + k <= c->flushthresh)
				out = (struct rte_mbuf **)&c->objs[c->len];
			else
				c = NULL;
		}
		segs = gather(&q->slots[head], out, k);
		if (likely(segs == k && q->fast_free)) {
			if (c != NULL)
				c->len += k;
			else
				rte_mempool_put_bulk(done[0]->pool, (void **)done, k);
		} else {
			/* chains or plain mbufs without fast free: the general free */
			if (out != done)
				memcpy(done, out, k * sizeof(done[0]));
			rte_pktmbuf_free_bulk(done, k);
		}
		q->done_end = q->slots[(head + k - 1) & smask].end;
		q->segs_out -= segs;
		head = (head + k) & smask;
		total += k;
	}
	q->head = head;
	q->txf_avail -= n * sizeof(struct tn40_txf);
	tn40_fifo_rd_advance(&q->txf, n * sizeof(struct tn40_txf));
	tn40_fifo_rd_doorbell(hw, &q->txf);
	return total;
}

/* TXD bytes free: the ring less what is not completed, less 16 (4.2, 4.3). */
static inline uint32_t
room(const struct qt2025_txq *q)
{
	return q->txd.size - 16 - ((q->txd.wptr - q->done_end) & (q->txd.size - 1));
}

/* Packets the loop may take without a room check: bytes and mbufs held (one each). */
static inline uint32_t
fits(const struct qt2025_txq *q, uint32_t n)
{
	uint32_t m = RTE_MIN(room(q) / TXD1_BYTES, (uint32_t)(q->nb_desc - q->segs_out));

	return RTE_MIN(n, m);
}

/*
 * The loop over pkts up to end; wrap: whether the TXD write position or the slot index may
 * pass the end of its ring in this burst (else no check for either). Returns where it
 * stopped.
 */
static inline struct rte_mbuf **
post(struct qt2025_txq *q, struct rte_mbuf **in, struct rte_mbuf **end, uint64_t *bytes,
	const bool wrap)
{
	const uint32_t smask = q->nb_slots - 1;
	uint8_t *va = q->txd.va;
	uint32_t wptr = q->txd.wptr;
	uint64_t tail = q->tail;        /* 64-bit: the TXD cookie's store as it is */
	struct qt2025_tx_slot *sp = &q->slots[tail];
	uint64_t *d = (uint64_t *)(va + wptr);
	uint64_t sum = 0;

	for (; in != end; in++) {
		struct rte_mbuf *m = *in;
		uint64_t ol = m->ol_flags, w1;
		uint32_t len = m->pkt_len;
		uint16_t dlen = m->data_len;

		/* the scalar burst's one-buffer case (the rest it checks, drops or takes on) */
		if (unlikely((ol & (RTE_MBUF_F_TX_OFFLOAD_MASK & ~TX_FAST)) != 0 ||
			     m->nb_segs != 1 ||
			     len - QT2025_MIN_FRAME > QT2025_TX_MAX_FRAME - QT2025_MIN_FRAME))
			break;
		w1 = (TXD1_BYTES / 8) | TN40_TXD_TYPE;
		if (ol & (TX_CSUM | RTE_MBUF_F_TX_VLAN)) {
			uint32_t tci = m->vlan_tci;

			if (ol & TX_CSUM)
				w1 |= TN40_TXD_CSUM_ALL;
			/* PCP and VID; the DEI bit is not carried (4.3) */
			if (ol & RTE_MBUF_F_TX_VLAN)
				w1 |= TN40_TXD_VTAG | (tci & 0xE000) << (TN40_TXD_PCP_SHIFT - 13) |
				      (tci & 0xFFF) << TN40_TXD_VID_SHIFT;
		}
		/* header (w1, mss 0, len; cookie), PBL (pa, len, pad 0): plain stores are
		 * fewer instructions than building the 32 bytes in a register
		 */
		d[0] = w1;
		memcpy((uint8_t *)d + 6, &dlen, sizeof(dlen));
		d[1] = tail;
		d[2] = rte_mbuf_data_iova(m);
		d[3] = dlen;
		sp->m = m;
		sp->segs = 1;
		sum += len;
		if (wrap) {
			wptr = tn40_ring_advance(va, QT2025_FIFO_BYTES, wptr, TXD1_BYTES);
			d = (uint64_t *)(va + wptr);
			tail = (tail + 1) & smask;
			sp->end = wptr;
			sp = &q->slots[tail];
		} else {
			wptr += TXD1_BYTES;
			d += TXD1_BYTES / 8;
			tail++;
			sp->end = wptr;
			sp++;
		}
	}
	q->txd.wptr = wptr;
	q->tail = (uint16_t)tail;
	*bytes = sum;
	return in;
}

uint16_t
VEC_FN(qt2025_xmit_pkts)(void *tx, struct rte_mbuf **pkts, uint16_t n)
{
	struct qt2025_txq *q = tx;
	const struct qt_hw *hw = qt2025_burst_hw(q->port_id);
	uint32_t lim, i;
	uint64_t bytes;

	if (unlikely(hw == NULL || !q->running))
		return qt2025_xmit_pkts(tx, pkts, n);   /* says why, returns 0 */
	/* a little at a time, so that freed mbufs stay in the per-lcore cache (as scalar) */
	if (room(q) < TX_RECLAIM_BELOW || q->segs_out + q->free_thresh > q->nb_desc)
		reclaim(q, hw, TX_FREE_BULK);
	lim = fits(q, n);
	if (unlikely(lim < n)) {
		reclaim(q, hw, UINT32_MAX);
		lim = fits(q, n);
	}
	/* neither ring passes its end in this burst: the loop without wrap checks */
	if (likely(q->txd.wptr + lim * TXD1_BYTES < QT2025_FIFO_BYTES &&
		   q->tail + lim < q->nb_slots))
		i = (uint32_t)(post(q, pkts, pkts + lim, &bytes, false) - pkts);
	else
		i = (uint32_t)(post(q, pkts, pkts + lim, &bytes, true) - pkts);
	q->segs_out += i;
	if (i > 0)
		tn40_fifo_wr_doorbell(hw, &q->txd);
	q->st.packets += i;
	q->st.bytes += bytes;
	if (unlikely(i < n))
		return (uint16_t)(i + qt2025_xmit_pkts(tx, pkts + i, (uint16_t)(n - i)));
	return (uint16_t)i;
}
