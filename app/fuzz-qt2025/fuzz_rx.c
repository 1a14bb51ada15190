/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The driver's RXD walk (qt2025_recv_pkts, or its vector twin that QT2025_DATAPATH names,
 * and the queue-count walk) fed by a hostile card:
 * the fuzzer writes any bytes into the RXD ring and the frames' buffers, and makes RXD_WPTR
 * say anything. The driver must stay inside its rings and buffers (ASan), loop a bounded
 * number of times (libFuzzer's -timeout), hand the application only mbufs it took from
 * the pool and still holds, each one whole and single, post to RXF only buffers it owns,
 * and give every mbuf back at stop.
 */

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "qt2025_vec.h"

/* The burst of the path QT2025_DATAPATH names (fz_path). */
static uint16_t
burst(void *q, struct rte_mbuf **pkts, uint16_t n)
{
	static uint16_t (*fn)(void *, struct rte_mbuf **, uint16_t);

	if (fn == NULL) {
		fn = qt2025_recv_pkts;
#ifdef RTE_ARCH_X86_64
		if (strcmp(fz_path(), "sse") == 0)
			fn = qt2025_recv_pkts_sse;
		else if (strcmp(fz_path(), "avx2") == 0)
			fn = qt2025_recv_pkts_avx2;
#endif
	}
	return fn(q, pkts, n);
}

static const uint16_t ring_sizes[] = { 64, 256, 1024, QT2025_RXF_MAX, 4096 };
static struct fz_regs regs;

static void
ring_put(struct tn40_fifo *f, uint32_t pos, const uint8_t *b, uint32_t len)
{
	uint32_t i;

	for (i = 0; i < len; i++)
		f->va[(pos + i) & (f->size - 1)] = b[i];
}

static void
ring_get(const struct tn40_fifo *f, uint32_t pos, uint8_t *b, uint32_t len)
{
	uint32_t i;

	for (i = 0; i < len; i++)
		b[i] = f->va[(pos + i) & (f->size - 1)];
}

/* Every buffer id names a distinct mbuf of the pool that the driver holds. */
static void
check_bufs(const struct qt2025_rxq *q)
{
	static uint32_t seen[FZ_MBUFS], gen;
	uint16_t i;

	gen++;
	for (i = 0; i < q->nb_bufs; i++) {
		int idx = fz_mbuf_index(q->bufs[i]);

		FZ_CHECK(idx >= 0, "bufs[%u] = %p: no mbuf of the pool", i, (void *)q->bufs[i]);
		FZ_CHECK(fz_owner(idx) == FZ_DRIVER, "bufs[%u]: mbuf %d not the driver's (%d)",
			 i, idx, fz_owner(idx));
		FZ_CHECK(seen[idx] != gen, "mbuf %d under two buffer ids", idx);
		seen[idx] = gen;
	}
}

/* The RXF descriptors the driver wrote from pos on (hardware.md 4.5): buffers of the pool only,
 * ids it posted, and an id's last descriptor names the buffer bufs[id] holds (a card that
 * reports an id twice makes the driver post that id twice in one burst).
 */
static void
check_rxf(const struct qt2025_rxq *q, uint32_t pos)
{
	static uint64_t last_pa[QT2025_RXF_MAX];
	static uint32_t seen[QT2025_RXF_MAX], gen;
	unsigned int guard = 0;
	uint16_t i;

	gen++;
	while (pos != q->rxf.wptr) {
		uint8_t d[sizeof(struct tn40_rxf)];
		struct tn40_rxf e;
		uint64_t pa;

		FZ_CHECK(++guard <= QT2025_RXF_MAX + 64, "RXF write position runs away");
		ring_get(&q->rxf, pos, d, sizeof(d));
		memcpy(&e, d, sizeof(e));
		FZ_CHECK(e.info == TN40_RXF_INFO, "RXF info 0x%x", e.info);
		FZ_CHECK(e.va_lo < q->nb_bufs, "RXF posts id %u of %u", e.va_lo, q->nb_bufs);
		pa = (uint64_t)e.pa_hi << 32 | e.pa_lo;
		FZ_CHECK(fz_mbuf_index((const struct rte_mbuf *)(uintptr_t)(pa -
			 RTE_PKTMBUF_HEADROOM - sizeof(struct rte_mbuf))) >= 0,
			 "RXF id %u posts 0x%" PRIx64 ": no buffer of the pool", e.va_lo, pa);
		FZ_CHECK(e.len == q->buf_len, "RXF len %u", e.len);
		last_pa[e.va_lo] = pa;
		seen[e.va_lo] = gen;
		pos = (pos + sizeof(struct tn40_rxf)) % q->rxf.size;
	}
	for (i = 0; i < q->nb_bufs; i++)
		FZ_CHECK(seen[i] != gen ||
			 last_pa[i] == q->bufs[i]->buf_iova + RTE_PKTMBUF_HEADROOM,
			 "RXF id %u last posts a buffer that is not bufs[id]'s", i);
}

/* What an application may do with what it got: read every byte, then free it. */
static void
take(struct rte_mbuf **pkts, uint16_t nb, const struct qt2025_rxq *q)
{
	static volatile uint8_t sink;
	uint16_t i;

	for (i = 0; i < nb; i++) {
		struct rte_mbuf *m = pkts[i];
		int idx = fz_mbuf_index(m);
		const uint8_t *p;
		uint32_t k, sum = 0;

		FZ_CHECK(idx >= 0, "the application got %p: no mbuf of the pool", (void *)m);
		FZ_CHECK(fz_owner(idx) == FZ_DRIVER, "the application got mbuf %d, owner %d",
			 idx, fz_owner(idx));
		fz_set_owner(idx, FZ_APP);
		FZ_CHECK(m->nb_segs == 1 && m->next == NULL, "mbuf %d: %u segments", idx,
			 m->nb_segs);
		FZ_CHECK(m->pkt_len == m->data_len, "pkt_len %u, data_len %u", m->pkt_len,
			 m->data_len);
		FZ_CHECK((uint32_t)m->data_off + m->data_len <= m->buf_len,
			 "mbuf %d: %u bytes at %u in a %u-byte buffer (buf_len of the queue %u)",
			 idx, m->data_len, m->data_off, m->buf_len, q->buf_len);
		FZ_CHECK(m->port == q->port_id, "port %u", m->port);
		p = rte_pktmbuf_mtod(m, const uint8_t *);
		for (k = 0; k < m->data_len; k++)
			sum += p[k];
		sink = (uint8_t)sum;
		(void)sink;
		rte_pktmbuf_free(m);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz_in in = { data, size };
	const uint32_t ring = TN40_FIFO_DMA_LEN(QT2025_FIFO_CODE);
	struct qt_hw *hw = &qt2025_procs[0].hw;
	struct rte_mbuf **pkts;
	struct qt2025_rxq *q;
	unsigned int ops = 0;
	uint8_t cfg = fz_u8(&in);

	fz_quiet_logs();
	memset(&regs, 0, sizeof(regs));
	qt_hw_init_ops(hw, "fuzz_rx", &fz_hostile_ops, &regs);
	q = aligned_alloc(RTE_CACHE_LINE_SIZE, RTE_ALIGN(sizeof(*q), RTE_CACHE_LINE_SIZE));
	FZ_CHECK(q != NULL, "out of memory");   /* as rte_zmalloc gives it: aligned */
	memset(q, 0, sizeof(*q));
	q->nb_desc = ring_sizes[cfg % RTE_DIM(ring_sizes)];
	q->nb_bufs = RTE_MIN(q->nb_desc, QT2025_RXF_MAX);
	q->bufs = malloc(q->nb_bufs * sizeof(q->bufs[0]));     /* exactly: ASan's edges */
	tn40_fifo_init(&q->rxd, TN40_FIFO_RXD, malloc(ring), 0x100000, QT2025_FIFO_CODE);
	tn40_fifo_init(&q->rxf, TN40_FIFO_RXF, malloc(ring), 0x200000, QT2025_FIFO_CODE);
	FZ_CHECK(q->bufs != NULL && q->rxd.va != NULL && q->rxf.va != NULL, "out of memory");
	memset(q->rxd.va, 0, ring);
	memset(q->rxf.va, 0, ring);
	q->mp = fz_pool();
	q->buf_len = FZ_ROOM;
	q->port_id = 0;
	q->vlan_strip = (cfg & 0x80) != 0;
	{       /* the rearm word as rx_queue_setup computes it */
		struct rte_mbuf mb;

		memset(&mb, 0, sizeof(mb));
		mb.data_off = RTE_PKTMBUF_HEADROOM;
		rte_mbuf_refcnt_set(&mb, 1);
		mb.nb_segs = 1;
		mb.port = q->port_id;
		memcpy(&q->rearm, &mb.rearm_data, sizeof(q->rearm));
	}
	qt2025_rxq_vec_init(q);         /* as dev_start's burst choice does */
	FZ_CHECK(qt2025_rxq_hw_start(q, hw) == 0, "hw_start");
	check_rxf(q, 0);

	while (fz_more(&in) && ops++ < 512) {
		uint8_t op = fz_u8(&in), b[256];
		uint32_t pos, len, old;
		uint16_t nb, id, want;

		switch (op % 8) {
		case 0:         /* any bytes where the driver reads next */
			len = fz_u8(&in);
			pos = q->rxd.rptr + 8 * (fz_u8(&in) & 7);
			ring_put(&q->rxd, pos, b, (uint32_t)fz_bytes(&in, b, len));
			break;
		case 1:         /* a descriptor that looks right, with an id near the edge */
			pos = q->rxd.rptr + 8 * (fz_u8(&in) & 7);
			len = (op & 0x10) ? 24 : 16;
			fz_bytes(&in, b, len);
			b[0] = (uint8_t)((b[0] & ~0x1Fu) | len / 8);
			id = fz_u16(&in) % (q->nb_bufs + 4);
			b[8] = (uint8_t)id;
			b[9] = (uint8_t)(id >> 8);
			b[10] = b[11] = 0;
			if (op & 0x20) {        /* a plausible frame length */
				b[4] = (uint8_t)(60 + b[4]);
				b[5] = b[5] & 0x7;
			}
			ring_put(&q->rxd, pos, b, len);
			break;
		case 2:         /* RXD_WPTR a few qwords ahead */
			regs.v[q->rxd.reg_wptr / 4] = q->rxd.rptr + 8 * fz_u8(&in);
			break;
		case 3:         /* RXD_WPTR anything */
			regs.v[q->rxd.reg_wptr / 4] = fz_u32(&in);
			break;
		case 4:
			want = fz_u8(&in) % 96;
			/* exactly want entries: a write past them is ASan's */
			pkts = malloc((want + 1) * sizeof(*pkts));
			FZ_CHECK(pkts != NULL, "out of memory");
			old = q->rxf.wptr;
			nb = burst(q, pkts + 1, want);
			FZ_CHECK(nb <= want, "burst of %u returned %u", want, nb);
			FZ_CHECK(q->rxd.rptr < q->rxd.size && q->rxf.wptr < q->rxf.size,
				 "pointers beyond the ring: %u %u", q->rxd.rptr, q->rxf.wptr);
			take(pkts + 1, nb, q);
			free(pkts);
			check_bufs(q);
			check_rxf(q, old);
			break;
		case 5:
			fz_pool_starve((op & 0x10) != 0);
			break;
		case 6:
			(void)qt2025_rx_queue_count(q);
			(void)qt2025_rx_descriptor_status(q, fz_u16(&in));
			break;
		case 7:         /* frame bytes in a posted buffer (as the NIC DMAs them) */
			id = fz_u16(&in) % q->nb_bufs;
			len = fz_u8(&in);
			fz_bytes(&in, (uint8_t *)q->bufs[id]->buf_addr + RTE_PKTMBUF_HEADROOM,
				 RTE_MIN(len, FZ_ROOM));
			break;
		}
	}
	fz_pool_starve(false);
	check_bufs(q);
	qt2025_rxq_hw_stop(q);
	FZ_CHECK(fz_pool_out() == 0, "%u mbufs never came back", fz_pool_out());
	free(q->rxd.va);
	free(q->rxf.va);
	free(q->bufs);
	free(q);
	return 0;
}
