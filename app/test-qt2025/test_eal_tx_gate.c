/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * eal_tx_gate: what an application may legally hand the Tx path. Chains of 1..19
 * segments with MBUF_FAST_FREE go back to their pool whole; tx_prepare refuses what the
 * NIC cannot carry out (hardware.md 4.3, 4.7), and tx_burst, called without tx_prepare,
 * drops and counts the same packets and goes on sending: the model's Tx engine, which
 * stops on a descriptor the NIC would refuse, sees none of them.
 */

#include <rte_ip.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_eal_dp.h"
#include "test_eal_util.h"

QT_EAL_SUITE(eal_tx_gate, NULL, NULL);

#define SEGS_MAX        19

static struct dp_port port;

/* A dp_frame of len bytes split into k segments (the last takes the rest). */
static struct rte_mbuf *
chain_frame(uint16_t len, unsigned int k, uint8_t seed)
{
	struct rte_mbuf *head = dp_frame(port.mp, NULL, len, seed), *seg;
	uint16_t part = len / k, off;
	unsigned int i;

	if (head == NULL)
		return NULL;
	head->data_len = part;
	head->pkt_len = part;
	for (i = 1, off = part; i < k; i++, off += part) {
		uint16_t n = i + 1 == k ? len - off : part;

		seg = rte_pktmbuf_alloc(port.mp);
		if (seg == NULL || rte_pktmbuf_append(seg, n) == NULL) {
			rte_pktmbuf_free(seg);
			rte_pktmbuf_free(head);
			return NULL;
		}
		memcpy(rte_pktmbuf_mtod(seg, void *),
		       rte_pktmbuf_mtod_offset(head, uint8_t *, off), n);
		if (rte_pktmbuf_chain(head, seg) != 0) {
			rte_pktmbuf_free(seg);
			rte_pktmbuf_free(head);
			return NULL;
		}
	}
	return head;
}

/* Chains of every length with fast free (and without): every segment back in the pool. */
static int
chains(uint64_t tx_offloads, const char *name)
{
	const struct dp_cfg c = { .name = name, .tx_offloads = tx_offloads };
	struct rte_mbuf *m[8], *r[8];
	unsigned int in_use, k, i, round;

	QT_CHECK(dp_port_up(&c, &port));
	in_use = dp_in_use(&port);
	for (round = 0; round < 40; round++) {
		for (k = 1; k <= SEGS_MAX; k++) {
			uint16_t len = (uint16_t)(60 + 37 * k);

			for (i = 0; i < RTE_DIM(m); i++) {
				m[i] = chain_frame(len, k, (uint8_t)(k + i));
				QT_ASSERT(m[i] != NULL, "alloc");
			}
			QT_ASSERT_EQ(rte_eth_tx_prepare(port.id, 0, m, RTE_DIM(m)), RTE_DIM(m));
			QT_ASSERT_EQ(dp_send(port.id, m, RTE_DIM(m)), RTE_DIM(m));
			QT_ASSERT(dp_recv(port.id, r, RTE_DIM(r), 1000) == RTE_DIM(r),
				  "%u segments: frames missing (%s)", k, qtt_sim_reason(port.sim));
			for (i = 0; i < RTE_DIM(r); i++)
				QT_CHECK(dp_check_frame(r[i], len, (uint8_t)(k + i)));
			dp_free(r, RTE_DIM(r));
		}
	}
	QT_ASSERT(rte_eth_tx_done_cleanup(port.id, 0, 0) >= 0, "tx_done_cleanup");
	QT_ASSERT_EQ(dp_in_use(&port), in_use);
	QT_ASSERT_EQ(dp_violations(&port), 0);
	QT_CHECK(dp_port_down(&port));
	return 0;
}

QT_EAL_TEST(eal_tx_gate, fast_free_chains)
{
	return chains(RTE_ETH_TX_OFFLOAD_MULTI_SEGS | RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE,
		      "net_qt2025_sim_g0");
}

QT_EAL_TEST(eal_tx_gate, chains_no_fast_free)
{
	return chains(RTE_ETH_TX_OFFLOAD_MULTI_SEGS, "net_qt2025_sim_g1");
}

/* ---- malformed requests ---- */

enum bad {
	BAD_IPV6_TSO,           /* TSO asked for IPv6 */
	BAD_DOFF2,              /* TCP data offset 2 (8 bytes) */
	BAD_L4LEN,              /* l4_len says 32, the header 20 */
	BAD_NO_LENS,            /* TSO with no header lengths */
	BAD_MSS0,               /* TSO with MSS 0 */
	BAD_MSS_BIG,            /* segments longer than a frame */
	BAD_TSO_UDP,            /* TSO on a UDP packet */
	BAD_TOTLEN,             /* IP total length shorter than the frame */
	BAD_UDP_ON_TCP,         /* UDP checksum asked on a TCP packet */
	BAD_SCTP,               /* SCTP checksum */
	BAD_V6_CSUM,            /* L4 checksum on IPv6 */
	BAD_EMPTY,              /* zero-length packet */
	BAD_ONE_BYTE,           /* one byte: no Ethernet header */
	BAD_EMPTY_SEG,          /* a zero-length segment in a chain */
	BAD_LEN_SUM,            /* pkt_len not the sum of the segments */
	BAD_SEGS_20,            /* 20 segments */
	BAD_COUNT
};

static const int bad_errno[BAD_COUNT] = {
	[BAD_IPV6_TSO] = ENOTSUP, [BAD_SCTP] = ENOTSUP, [BAD_V6_CSUM] = ENOTSUP,
	[BAD_DOFF2] = EINVAL, [BAD_L4LEN] = EINVAL, [BAD_NO_LENS] = EINVAL,
	[BAD_MSS0] = EINVAL, [BAD_MSS_BIG] = EINVAL, [BAD_TSO_UDP] = EINVAL,
	[BAD_TOTLEN] = EINVAL, [BAD_UDP_ON_TCP] = EINVAL, [BAD_EMPTY] = EINVAL,
	[BAD_ONE_BYTE] = EINVAL, [BAD_EMPTY_SEG] = EINVAL, [BAD_LEN_SUM] = EINVAL,
	[BAD_SEGS_20] = EINVAL,
};

static struct rte_tcp_hdr *
tcp_of(struct rte_mbuf *m)
{
	return rte_pktmbuf_mtod_offset(m, struct rte_tcp_hdr *,
				       sizeof(struct rte_ether_hdr) + sizeof(struct rte_ipv4_hdr));
}

/* A good IPv4/TCP TSO request, 3000 bytes of payload in segments of 1000. */
static struct rte_mbuf *
tso_frame(void)
{
	const uint16_t hdrs = sizeof(struct rte_ether_hdr) + sizeof(struct rte_ipv4_hdr) +
			      sizeof(struct rte_tcp_hdr);
	struct rte_mbuf *m = dp_ip_frame(port.mp, IPPROTO_TCP, hdrs + 3000, false);

	if (m == NULL)
		return NULL;
	m->ol_flags |= RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_TCP_CKSUM |
		       RTE_MBUF_F_TX_TCP_SEG;
	m->l4_len = sizeof(struct rte_tcp_hdr);
	m->tso_segsz = 1000;
	return m;
}

static struct rte_mbuf *
bad_frame(enum bad b)
{
	struct rte_mbuf *m = b <= BAD_TOTLEN ? tso_frame() : dp_ip_frame(port.mp,
		b == BAD_UDP_ON_TCP ? IPPROTO_TCP : IPPROTO_UDP, 300, false);

	if (m == NULL)
		return NULL;
	switch (b) {
	case BAD_IPV6_TSO:
		m->ol_flags = (m->ol_flags & ~RTE_MBUF_F_TX_IPV4 & ~RTE_MBUF_F_TX_IP_CKSUM) |
			      RTE_MBUF_F_TX_IPV6;
		break;
	case BAD_DOFF2:
		tcp_of(m)->data_off = 2 << 4;
		m->l4_len = 8;
		break;
	case BAD_L4LEN:
		m->l4_len = 32;
		break;
	case BAD_NO_LENS:
		m->l2_len = 0;
		m->l3_len = 0;
		m->l4_len = 0;
		break;
	case BAD_MSS0:
		m->tso_segsz = 0;
		break;
	case BAD_MSS_BIG:
		m->tso_segsz = 16352;  /* FRM_LENGTH (hardware.md 3.5): no room for headers */
		break;
	case BAD_TSO_UDP:
		rte_pktmbuf_mtod_offset(m, struct rte_ipv4_hdr *,
					sizeof(struct rte_ether_hdr))->next_proto_id = IPPROTO_UDP;
		break;
	case BAD_TOTLEN:
		rte_pktmbuf_mtod_offset(m, struct rte_ipv4_hdr *,
					sizeof(struct rte_ether_hdr))->total_length =
			rte_cpu_to_be_16(1000);
		break;
	case BAD_UDP_ON_TCP:
		m->ol_flags |= RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_UDP_CKSUM;
		break;
	case BAD_SCTP:
		m->ol_flags |= RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_SCTP_CKSUM;
		break;
	case BAD_V6_CSUM:
		m->ol_flags |= RTE_MBUF_F_TX_IPV6 | RTE_MBUF_F_TX_UDP_CKSUM;
		break;
	case BAD_EMPTY:
		m->data_len = 0;
		m->pkt_len = 0;
		break;
	case BAD_ONE_BYTE:
		m->data_len = 1;
		m->pkt_len = 1;
		break;
	case BAD_EMPTY_SEG: {
		struct rte_mbuf *e = rte_pktmbuf_alloc(port.mp);

		if (e == NULL || rte_pktmbuf_chain(m, e) != 0) {
			rte_pktmbuf_free(e);
			rte_pktmbuf_free(m);
			return NULL;
		}
		break;
	}
	case BAD_LEN_SUM:
		m->pkt_len += 8;
		break;
	case BAD_SEGS_20:
		rte_pktmbuf_free(m);
		m = chain_frame(20 * 64, 20, 3);
		break;
	default:
		break;
	}
	return m;
}

/* A good frame after the bad ones still leaves: the Tx engine never stopped. */
static int
good_after(uint8_t seed)
{
	struct rte_mbuf *m = dp_frame(port.mp, NULL, 200, seed), *r;

	QT_ASSERT(m != NULL, "alloc");
	QT_ASSERT_EQ(dp_send(port.id, &m, 1), 1);
	QT_ASSERT(dp_recv(port.id, &r, 1, 1000) == 1, "good frame lost (%s)",
		  qtt_sim_reason(port.sim));
	QT_CHECK(dp_check_frame(r, 200, seed));
	rte_pktmbuf_free(r);
	return 0;
}

QT_EAL_TEST(eal_tx_gate, prepare_refuses)
{
	const struct dp_cfg c = { .name = "net_qt2025_sim_g2",
				  .tx_offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS |
						 RTE_ETH_TX_OFFLOAD_TCP_TSO,
				  .buf_size = 4096 + RTE_PKTMBUF_HEADROOM };
	struct rte_mbuf *m, *r[4];
	unsigned int in_use, b;

	QT_CHECK(dp_port_up(&c, &port));
	in_use = dp_in_use(&port);
	for (b = 0; b < BAD_COUNT; b++) {
		m = bad_frame(b);
		QT_ASSERT(m != NULL, "alloc %u", b);
		rte_errno = 0;
		QT_ASSERT(rte_eth_tx_prepare(port.id, 0, &m, 1) == 0,
			  "bad request %u passed tx_prepare", b);
		QT_ASSERT(rte_errno == bad_errno[b], "bad request %u: rte_errno %d, want %d",
			  b, rte_errno, bad_errno[b]);
		rte_pktmbuf_free(m);
	}
	QT_ASSERT_EQ(dp_xstat(port.id, "tx_prepare_refused"), BAD_COUNT);
	/* the good request passes and is segmented */
	m = tso_frame();
	QT_ASSERT(m != NULL, "alloc");
	QT_ASSERT_EQ(rte_eth_tx_prepare(port.id, 0, &m, 1), 1);
	QT_ASSERT_EQ(dp_send(port.id, &m, 1), 1);
	QT_ASSERT(dp_recv(port.id, r, 3, 1000) == 3, "TSO segments missing");
	dp_free(r, 3);
	QT_ASSERT(rte_eth_tx_done_cleanup(port.id, 0, 0) >= 0, "tx_done_cleanup");
	QT_ASSERT_EQ(dp_in_use(&port), in_use);
	QT_CHECK(dp_port_down(&port));
	return 0;
}

QT_EAL_TEST(eal_tx_gate, burst_drops_unprepared)
{
	const struct dp_cfg c = { .name = "net_qt2025_sim_g3",
				  .tx_offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS |
						 RTE_ETH_TX_OFFLOAD_TCP_TSO,
				  .buf_size = 4096 + RTE_PKTMBUF_HEADROOM };
	struct rte_mbuf *m[BAD_COUNT + 1];
	struct rte_eth_stats st;
	unsigned int in_use, b, drops = 0;

	QT_CHECK(dp_port_up(&c, &port));
	in_use = dp_in_use(&port);
	for (b = 0; b < BAD_COUNT; b++) {
		m[b] = bad_frame(b);
		QT_ASSERT(m[b] != NULL, "alloc %u", b);
		/* single segments the NIC takes as they are (it sums what it finds; the
		 * fast path describes data_len bytes): sent, not dropped
		 */
		if (b != BAD_UDP_ON_TCP && b != BAD_V6_CSUM && b != BAD_SCTP &&
		    b != BAD_LEN_SUM)
			drops++;
	}
	m[BAD_COUNT] = dp_frame(port.mp, NULL, 100, 9);
	QT_ASSERT(m[BAD_COUNT] != NULL, "alloc");
	/* one burst, no tx_prepare: every packet consumed */
	QT_ASSERT_EQ(dp_send(port.id, m, BAD_COUNT + 1), BAD_COUNT + 1);
	dp_drain(port.id, 200);
	QT_CHECK(good_after(0x33));
	QT_ASSERT_EQ(dp_violations(&port), 0);
	QT_ASSERT_EQ(dp_xstat(port.id, "tx_bad_packets_dropped"), drops);
	QT_ASSERT_EQ(rte_eth_stats_get(port.id, &st), 0);
	QT_ASSERT_EQ(st.oerrors, drops);
	QT_ASSERT(rte_eth_tx_done_cleanup(port.id, 0, 0) >= 0, "tx_done_cleanup");
	QT_ASSERT_EQ(dp_in_use(&port), in_use);
	QT_CHECK(dp_port_down(&port));
	return 0;
}
