/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * eal_dp_wrap: descriptors that straddle the end of their 32 KiB FIFO (hardware.md 4.2), at
 * every start offset where one can, seen in the driver's own FIFO positions (the queue
 * structures of qt2025_rxtx.h, in-process) and checked by the frames' bytes.
 *
 * Descriptors start at multiples of 8 (hardware.md 4.2). One of S bytes straddles when it starts at
 * 32768 - 8 j for 1 <= j < S / 8:
 *  - RXD, 24 bytes (BC 3): 32752 and 32760. RXD, 16 bytes (BC 2): every descriptor has the
 *    same size, so they start at multiples of 16 and never straddle; the ring still wraps.
 *  - RXF, 24 bytes: 32752 and 32760.
 *  - TXD, 32..248 bytes (k = 1..19 segments, 4.3): S / 8 - 1 offsets each, 309 in all.
 *  - TXF, 16 bytes: 32768 is a multiple of 16 and every completion is 16 bytes, so no TXF
 *    descriptor ever straddles; the ring wraps, its read position stays a multiple of 16.
 */

#include "qt2025_rxtx.h"
#include "qt_sim.h"
#include "qt_test.h"
#include "test_eal_dp.h"
#include "test_eal_util.h"

QT_EAL_SUITE(eal_dp_wrap, NULL, NULL);

#define RING            32768u
#define SEG_MAX         19

static struct dp_port port;

/* ---- Rx: RXD and RXF ---- */

static uint16_t
rx_len(unsigned int i)
{
	return (uint16_t)(60 + (i * 37) % 1455);
}

/*
 * Frames go out in bursts of 32 and come back one rx_burst of 1 at a time, so that the
 * driver's positions before each call name the one RXD descriptor it reads (rxd.rptr)
 * and the one RXF descriptor it posts in exchange (rxf.wptr).
 */
static int
rx_wrap(const char *args, uint32_t rxd_size, unsigned int nb_rxd_straddles)
{
	const struct dp_cfg c = { .name = "net_qt2025_sim_w0", .args = args, .nb_rxd = 64,
				  .link_ms = 15000 };
	const unsigned int frames = 2731 + 100;         /* 2 laps of 24 bytes, then 64+ more */
	unsigned int rxd_seen = 0, rxf_seen = 0, rxd_laps = 0, i = 0, k, in_use;
	struct rte_mbuf *m[32], *r;
	struct qt2025_rxq *q;

	QT_CHECK(dp_port_up(&c, &port));
	q = dp_rxq(port.id);
	in_use = dp_in_use(&port);
	while (i < frames) {
		unsigned int n = RTE_MIN(32u, frames - i);

		for (k = 0; k < n; k++) {
			m[k] = dp_frame(port.mp, NULL, rx_len(i + k), (uint8_t)(i + k));
			QT_ASSERT(m[k] != NULL, "alloc");
		}
		QT_ASSERT_EQ(dp_send(port.id, m, (uint16_t)n), n);
		for (k = 0; k < n; k++) {
			uint32_t rptr = q->rxd.rptr, wptr = q->rxf.wptr;
			uint64_t deadline = qtt_now_ms() + 1000;
			uint16_t got;

			while ((got = rte_eth_rx_burst(port.id, 0, &r, 1)) == 0 &&
			       qtt_now_ms() < deadline)
				;
			QT_ASSERT(got == 1, "frame %u not received (%s)", i,
				  qtt_sim_reason(port.sim));
			QT_CHECK(dp_check_frame(r, rx_len(i), (uint8_t)i));
			rte_pktmbuf_free(r);
			QT_ASSERT_EQ(q->rxd.rptr, (rptr + rxd_size) % RING);
			QT_ASSERT_EQ(q->rxf.wptr, (wptr + 24) % RING);
			if (rptr + rxd_size > RING) {
				/* 24 j mod 32768 from 0: 32760 first, then 32752 */
				QT_ASSERT_EQ(rptr, RING - 8 * (1 + rxd_seen % 2));
				rxd_seen++;
			}
			if (rptr + rxd_size >= RING)
				rxd_laps++;
			if (wptr + 24 > RING) {
				QT_ASSERT_EQ(wptr, RING - 8 * (1 + rxf_seen % 2));
				rxf_seen++;
			}
			i++;
		}
		QT_ASSERT(rte_eth_tx_done_cleanup(port.id, 0, 0) >= 0, "cleanup");
	}
	QT_ASSERT_EQ(rxd_seen, nb_rxd_straddles);
	QT_ASSERT_EQ(rxd_laps, frames * rxd_size / RING);    /* 2 laps (BC 3), 1 (BC 2) */
	QT_ASSERT_EQ(rxf_seen, 2);
	/* the buffers of the straddling RXF descriptors were filled since (64 frames later) */
	QT_ASSERT_EQ(dp_in_use(&port), in_use);
	QT_ASSERT_EQ(dp_violations(&port), 0);
	QT_CHECK(dp_port_down(&port));
	return 0;
}

QT_EAL_TEST(eal_dp_wrap, rx_bc3)
{
	return rx_wrap(DP_ARGS ",rxd_bc=3", 24, 2);
}

/* ---- Tx: TXD and TXF ---- */

/* TXD bytes of a packet in k buffers: 16 + 12 k, padded to a qword (hardware.md 4.3). */
static uint32_t
txd_size(unsigned int k)
{
	return (16 + 12 * k + 7) & ~7u;
}

static unsigned int
qwords_to_segs(unsigned int q)
{
	unsigned int k;

	for (k = 1; k <= SEG_MAX; k++)
		if (txd_size(k) == q * 8)
			return k;
	return 0;
}

/* A frame of len bytes (dp_frame's bytes) in k segments. */
static struct rte_mbuf *
seg_frame(unsigned int k, uint16_t len, uint8_t seed)
{
	struct rte_mbuf *head = dp_frame(port.mp, NULL, len, seed), *seg;
	uint16_t per = len / k, first = len - per * (k - 1);
	unsigned int i;

	if (head == NULL)
		return NULL;
	head->data_len = first;
	head->pkt_len = first;
	for (i = 1; i < k; i++) {
		seg = rte_pktmbuf_alloc(port.mp);
		if (seg == NULL) {
			rte_pktmbuf_free(head);
			return NULL;
		}
		memcpy(rte_pktmbuf_append(seg, per),
		       rte_pktmbuf_mtod_offset(head, uint8_t *, first + per * (i - 1)), per);
		rte_pktmbuf_chain(head, seg);
	}
	return head;
}

struct tx_state {
	struct qt2025_txq *q;
	unsigned int sent;              /* frames, also their seeds */
	unsigned int txf_laps;
	uint32_t txf_last;
};

static uint16_t
tx_len(unsigned int k, unsigned int i)
{
	return (uint16_t)RTE_MAX(60u, 8 * k + (i * 13) % 300);
}

/* Frames of k[0..n-1] segments out and back, bytes compared; completions reclaimed. */
static int
tx_frames(struct tx_state *s, const unsigned int *k, unsigned int n)
{
	struct rte_mbuf *m[8], *r[8];
	unsigned int i;
	uint16_t got;

	for (i = 0; i < n; i++) {
		m[i] = seg_frame(k[i], tx_len(k[i], s->sent + i), (uint8_t)(s->sent + i));
		QT_ASSERT(m[i] != NULL, "alloc");
		QT_ASSERT_EQ(m[i]->nb_segs, k[i]);
	}
	QT_ASSERT_EQ(dp_send(port.id, m, (uint16_t)n), n);
	got = dp_recv(port.id, r, (uint16_t)n, 1000);
	QT_ASSERT(got == n, "%u of %u frames received (%s)", got, n, qtt_sim_reason(port.sim));
	for (i = 0; i < n; i++) {
		QT_CHECK(dp_check_frame(r[i], tx_len(k[i], s->sent + i), (uint8_t)(s->sent + i)));
		rte_pktmbuf_free(r[i]);
	}
	s->sent += n;
	QT_ASSERT(rte_eth_tx_done_cleanup(port.id, 0, 0) >= 0, "cleanup");
	QT_ASSERT_EQ(s->q->txf.rptr % 16, 0);
	if (s->q->txf.rptr < s->txf_last)
		s->txf_laps++;
	s->txf_last = s->q->txf.rptr;
	return 0;
}

/* At most 3 descriptor sizes (qwords, each of some k) summing to q, in out[]; how many. */
static unsigned int
split3(unsigned int q, unsigned int out[3])
{
	unsigned int a, b;

	for (a = 0; a <= 31 && a <= q; a++)
		for (b = 0; b <= 31 && a + b <= q; b++) {
			unsigned int c = q - a - b;

			if (c > 31 || (a && !qwords_to_segs(a)) || (b && !qwords_to_segs(b)) ||
			    (c && !qwords_to_segs(c)))
				continue;
			out[0] = a;
			out[1] = b;
			out[2] = c;
			return 3;
		}
	return 0;
}

/* Fills the TXD FIFO with frames until the driver's write position is target. */
static int
tx_goto(struct tx_state *s, uint32_t target)
{
	unsigned int q = ((target - s->q->txd.wptr) % RING) / 8, parts[3], k[8], n, i;

	/* 3 sizes make any sum in 61..91 qwords (not 92): 248-byte frames bring q there */
	if (q != 0 && q < 61)
		q += RING / 8;  /* not enough room to get there exactly: one lap more */
	while (q > 91) {
		n = 0;
		while (q > 91 && n < RTE_DIM(k)) {
			k[n++] = SEG_MAX;       /* 248 bytes */
			q -= 31;
		}
		QT_CHECK(tx_frames(s, k, n));
	}
	if (q == 0)
		return 0;
	QT_ASSERT(split3(q, parts) == 3, "%u qwords: no 3 descriptor sizes add up", q);
	for (i = 0, n = 0; i < 3; i++)
		if (parts[i] != 0)
			k[n++] = qwords_to_segs(parts[i]);
	QT_CHECK(tx_frames(s, k, n));
	QT_ASSERT_EQ(s->q->txd.wptr, target);
	return 0;
}

/* Every straddle offset of every TXD size: 309 descriptors across the end of the ring. */
QT_EAL_TEST(eal_dp_wrap, txd_every_offset)
{
	const struct dp_cfg c = { .name = "net_qt2025_sim_w0",
				  .tx_offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS };
	struct tx_state s = { 0 };
	unsigned int k, j, straddles = 0, in_use;

	QT_CHECK(dp_port_up(&c, &port));
	s.q = dp_txq(port.id);
	in_use = dp_in_use(&port);
	for (k = 1; k <= SEG_MAX; k++) {
		uint32_t size = txd_size(k);

		for (j = 1; j < size / 8; j++) {
			uint32_t at = RING - 8 * j;

			QT_CHECK(tx_goto(&s, at));
			QT_CHECK(tx_frames(&s, &k, 1));
			/* the descriptor ran past the end: its tail went to offset 0 */
			QT_ASSERT(s.q->txd.wptr == size - 8 * j, "k %u at %u: wptr %u", k, at,
				  s.q->txd.wptr);
			straddles++;
		}
	}
	QT_ASSERT_EQ(straddles, 309);
	/* TXF: 16-byte completions never straddle (checked at each reclaim); it wrapped */
	QT_ASSERT(s.txf_laps >= 10, "TXF wrapped %u times", s.txf_laps);
	QT_ASSERT_EQ(dp_in_use(&port), in_use);
	QT_ASSERT_EQ(dp_violations(&port), 0);
	printf("    %u frames, %u TXD straddles, TXF wrapped %u times\n", s.sent, straddles,
	       s.txf_laps);
	QT_CHECK(dp_port_down(&port));
	return 0;
}

/* after the Tx case: a BC 2 card is another card (a firmware download more) */
QT_EAL_TEST(eal_dp_wrap, rx_bc2)
{
	return rx_wrap(DP_ARGS ",rxd_bc=2", 16, 0);
}
