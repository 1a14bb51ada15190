/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The driver's Tx side (qt2025_xmit_pkts, or its vector twin that QT2025_DATAPATH names,
 * and its TXF completion walk) fed by a hostile card:
 * TXF_WPTR says anything, completions arrive in any number, the application sends chains
 * of 1..24 segments (empty ones too) with any Tx offload flags, header lengths, MSS and
 * header bytes, through tx_prepare or not, with MBUF_FAST_FREE on or off. The driver must
 * stay inside its TXD ring (ASan), free only mbufs it accepted (or dropped) and each once,
 * never more than it holds, and free all of them at stop: the pool whole again.
 */

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
		fn = qt2025_xmit_pkts;
#ifdef RTE_ARCH_X86_64
		if (strcmp(fz_path(), "sse") == 0)
			fn = qt2025_xmit_pkts_sse;
		else if (strcmp(fz_path(), "avx2") == 0)
			fn = qt2025_xmit_pkts_avx2;
#endif
	}
	return fn(q, pkts, n);
}

static const uint16_t ring_sizes[] = { 64, 256, 512, 1024, 4096 };
static const uint64_t ol_choices[] = {
	0,
	RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_IPV4,
	RTE_MBUF_F_TX_TCP_CKSUM | RTE_MBUF_F_TX_IPV4,
	RTE_MBUF_F_TX_VLAN,
	RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV4,
	RTE_MBUF_F_TX_VLAN | RTE_MBUF_F_TX_UDP_CKSUM | RTE_MBUF_F_TX_IPV4,
	RTE_MBUF_F_TX_OUTER_IPV4,       /* an offload the port lacks */
	RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV6 | RTE_MBUF_F_TX_TCP_CKSUM,
	RTE_MBUF_F_TX_SCTP_CKSUM | RTE_MBUF_F_TX_IPV4,
	0,      /* any flags: fuzz bits below */
};
static struct fz_regs regs;
static struct rte_eth_dev_data port_data;      /* the port's link, as the burst reads it */

/* A packet of segs mbufs and len bytes as an application builds it; NULL: pool empty. */
static struct rte_mbuf *
packet(struct fz_in *in)
{
	uint8_t segs = fz_u8(in) % 24 + 1, i;
	uint64_t ol = ol_choices[fz_u8(in) % RTE_DIM(ol_choices)];
	struct rte_mbuf *head = NULL, *last = NULL;

	for (i = 0; i < segs; i++) {
		struct rte_mbuf *m = rte_pktmbuf_alloc(fz_pool());

		if (m == NULL) {
			rte_pktmbuf_free(head);
			return NULL;
		}
		fz_set_owner(fz_mbuf_index(m), FZ_APP);
		m->data_len = fz_u16(in) % (FZ_ROOM + 1);
		if (head == NULL) {
			head = m;
		} else {
			last->next = m;
			head->nb_segs++;
			head->pkt_len += m->data_len;
		}
		if (head == m)
			head->pkt_len = m->data_len;
		last = m;
	}
	if (ol == 0 && (fz_u8(in) & 1))         /* any of the Tx flags at all */
		ol = ((uint64_t)fz_u32(in) << 32 | fz_u32(in)) & RTE_MBUF_F_TX_OFFLOAD_MASK;
	head->ol_flags = ol;
	head->vlan_tci = fz_u16(in);
	head->tso_segsz = fz_u16(in);
	head->l2_len = fz_u8(in);
	head->l3_len = fz_u8(in);
	head->l4_len = fz_u8(in);
	/* the headers the NIC would parse, as the input says (an IPv4/TCP frame or garbage) */
	if (head->data_len > 0)
		fz_bytes(in, rte_pktmbuf_mtod(head, void *), RTE_MIN(head->data_len, 64));
	return head;
}

/* Frees what the application still holds: the mbufs of pkts[from..n). */
static void
app_free(struct rte_mbuf **pkts, uint16_t from, uint16_t n)
{
	uint16_t i;

	for (i = from; i < n; i++)
		rte_pktmbuf_free(pkts[i]);
}

/* Marks the mbufs of pkts[from..n) as owned by o; those of a packet the driver did not
 * take must not have been freed by it (they were marked the driver's during the burst).
 */
static void
mark(struct rte_mbuf **pkts, uint16_t from, uint16_t n, enum fz_owner o)
{
	uint16_t i;

	for (i = from; i < n; i++) {
		struct rte_mbuf *m;

		FZ_CHECK(fz_owner(fz_mbuf_index(pkts[i])) != FZ_POOL,
			 "packet %u of %u not taken, yet freed", i, n);
		for (m = pkts[i]; m != NULL; m = m->next)
			fz_set_owner(fz_mbuf_index(m), o);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz_in in = { data, size };
	const uint32_t ring = RTE_ALIGN(TN40_FIFO_DMA_LEN(QT2025_FIFO_CODE), 4096);
	struct qt_hw *hw = &qt2025_procs[0].hw;
	struct rte_mbuf *pkts[48];
	struct qt2025_txq *q;
	unsigned int ops = 0;
	uint8_t cfg = fz_u8(&in);

	fz_quiet_logs();
	memset(&regs, 0, sizeof(regs));
	qt_hw_init_ops(hw, "fuzz_tx", &fz_hostile_ops, &regs);
	q = calloc(1, sizeof(*q));
	FZ_CHECK(q != NULL, "out of memory");
	q->nb_slots = (uint16_t)rte_align32pow2(TN40_FIFO_SIZE(QT2025_FIFO_CODE) /
						tn40_txd_size(1));
	q->slots = calloc(q->nb_slots, sizeof(q->slots[0]));
	tn40_fifo_init(&q->txd, TN40_FIFO_TXD, malloc(ring), 0x100000, QT2025_FIFO_CODE);
	tn40_fifo_init(&q->txf, TN40_FIFO_TXF, malloc(ring), 0x200000, QT2025_FIFO_CODE);
	FZ_CHECK(q->slots != NULL && q->txd.va != NULL && q->txf.va != NULL, "out of memory");
	memset(q->txd.va, 0, ring);
	memset(q->txf.va, 0, ring);
	q->zero_iova = 0x300000;
	q->nb_desc = ring_sizes[cfg % RTE_DIM(ring_sizes)];
	q->port_id = 0;
	rte_eth_devices[0].data = &port_data;
	port_data.dev_link.link_status = (cfg & 0x40) ? RTE_ETH_LINK_DOWN : RTE_ETH_LINK_UP;
	/* one pool, refcount 1: what MBUF_FAST_FREE promises, chains included */
	q->fast_free = (cfg & 0x80) != 0;
	q->free_thresh = RTE_MIN(64, q->nb_desc / 2);
	qt2025_txq_hw_start(q, hw);

	while (fz_more(&in) && ops++ < 256) {
		uint8_t op = fz_u8(&in);
		uint16_t n, i, sent;

		switch (op % 6) {
		case 5:         /* tx_prepare first, then what it passed */
		case 0:
			n = fz_u8(&in) % RTE_DIM(pkts);
			for (i = 0; i < n; i++) {
				pkts[i] = packet(&in);
				if (pkts[i] == NULL)
					break;
			}
			n = i;
			if (op % 6 == 5) {
				uint16_t ok = qt2025_prep_pkts(q, pkts, n);

				FZ_CHECK(ok <= n, "prepared %u of %u", ok, n);
				app_free(pkts, ok, n);
				n = ok;
			}
			/* the driver may complete a packet in the burst that sent it */
			mark(pkts, 0, n, FZ_DRIVER);
			sent = burst(q, pkts, n);
			FZ_CHECK(sent <= n, "sent %u of %u", sent, n);
			mark(pkts, sent, n, FZ_APP);
			app_free(pkts, sent, n);
			FZ_CHECK(q->txd.wptr < q->txd.size, "TXD wptr %u", q->txd.wptr);
			break;
		case 1:         /* TXF_WPTR a few completions ahead */
			regs.v[q->txf.reg_wptr / 4] = q->txf.rptr + 16 * fz_u8(&in);
			break;
		case 2:         /* TXF_WPTR anything */
			regs.v[q->txf.reg_wptr / 4] = fz_u32(&in);
			break;
		case 3:
			(void)qt2025_tx_done_cleanup(q, fz_u8(&in));
			break;
		case 4:
			(void)qt2025_tx_descriptor_status(q, fz_u16(&in));
			break;
		}
		FZ_CHECK(q->segs_out <= q->nb_desc, "%u mbufs held, ring of %u", q->segs_out,
			 q->nb_desc);
	}
	qt2025_txq_hw_stop(q);
	FZ_CHECK(fz_pool_out() == 0, "%u mbufs never came back", fz_pool_out());
	free(q->txd.va);
	free(q->txf.va);
	free(q->slots);
	free(q);
	rte_eth_devices[0].data = NULL;
	return 0;
}
