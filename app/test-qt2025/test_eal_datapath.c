/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * eal_datapath: frames through the driver and the model's DMA engines: sizes, segments,
 * runt padding, VLAN, checksum offloads and their errata, ring sizes, ring wrap, queue
 * start/stop and descriptor status, stop/start cycles without an mbuf lost.
 */

#include <rte_ip.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_eal_dp.h"
#include "test_eal_util.h"

QT_EAL_SUITE(eal_datapath, NULL, NULL);

#define BURST 32

static struct dp_port port;

/* One frame of each length out and back through the loopback plug, bytes compared. */
static int
roundtrip(uint16_t len, uint8_t seed)
{
	struct rte_mbuf *m = dp_frame(port.mp, NULL, len, seed), *r = NULL;
	int rc;

	if (m == NULL || dp_send(port.id, &m, 1) != 1) {
		rte_pktmbuf_free(m);
		fprintf(stderr, "    len %u: not sent\n", len);
		return -1;
	}
	if (dp_recv(port.id, &r, 1, 1000) != 1) {
		fprintf(stderr, "    len %u: nothing received\n", len);
		return -1;
	}
	rc = dp_check_frame(r, RTE_MAX(len, (uint16_t)RTE_ETHER_MIN_LEN - RTE_ETHER_CRC_LEN),
			    seed);
	rte_pktmbuf_free(r);
	return rc;
}

QT_EAL_TEST(eal_datapath, loopback_sizes)
{
	const struct dp_cfg c = { .name = "net_qt2025_sim_d0" };
	unsigned int in_use;
	uint16_t len;

	QT_CHECK(dp_port_up(&c, &port));
	in_use = dp_in_use(&port);
	for (len = 60; len <= 1514; len += 29)
		QT_CHECK(roundtrip(len, (uint8_t)len));
	QT_CHECK(roundtrip(1514, 7));
	QT_ASSERT(rte_eth_tx_done_cleanup(port.id, 0, 0) >= 0, "tx_done_cleanup");
	QT_ASSERT_EQ(dp_in_use(&port), in_use);
	QT_CHECK(dp_port_down(&port));
	return 0;
}

/* The MAC does not pad (hardware.md 4.3): the driver sends 60 bytes, the tail zeros. */
QT_EAL_TEST(eal_datapath, runt_padded)
{
	const struct dp_cfg c = { .name = "net_qt2025_sim_d1" };
	struct rte_mbuf *m, *r;
	uint16_t len, i;

	QT_CHECK(dp_port_up(&c, &port));
	for (len = 14; len < 60; len += 5) {
		m = dp_frame(port.mp, NULL, len, 1);
		QT_ASSERT(m != NULL && dp_send(port.id, &m, 1) == 1, "len %u not sent", len);
		QT_ASSERT_EQ(dp_recv(port.id, &r, 1, 1000), 1);
		QT_ASSERT_EQ(r->pkt_len, 60);
		for (i = len; i < 60; i++)
			QT_ASSERT_EQ(rte_pktmbuf_mtod(r, uint8_t *)[i], 0);
		rte_pktmbuf_free(r);
	}
	QT_CHECK(dp_port_down(&port));
	return 0;
}

/* A frame in k segments (k up to 19, hardware.md 4.3) arrives whole; 20 are refused. */
QT_EAL_TEST(eal_datapath, multi_segment)
{
	const struct dp_cfg c = { .name = "net_qt2025_sim_d2",
				  .tx_offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS };
	struct rte_mbuf *head, *seg, *r;
	unsigned int k, i;
	uint16_t len;

	QT_CHECK(dp_port_up(&c, &port));
	for (k = 1; k <= 20; k++) {
		len = (uint16_t)(64 * k);
		head = dp_frame(port.mp, NULL, len, (uint8_t)k);
		QT_ASSERT(head != NULL, "alloc");
		/* split the frame into k segments of 64 bytes */
		head->data_len = 64;
		head->pkt_len = 64;
		for (i = 1; i < k; i++) {
			seg = rte_pktmbuf_alloc(port.mp);
			QT_ASSERT(seg != NULL, "alloc");
			memcpy(rte_pktmbuf_append(seg, 64),
			       rte_pktmbuf_mtod_offset(head, uint8_t *, 64 * i), 64);
			QT_ASSERT_EQ(rte_pktmbuf_chain(head, seg), 0);
		}
		if (k == 20) {
			QT_ASSERT_EQ(rte_eth_tx_prepare(port.id, 0, &head, 1), 0);
			QT_ASSERT_EQ(rte_errno, EINVAL);
			rte_pktmbuf_free(head);
			break;
		}
		QT_ASSERT_EQ(rte_eth_tx_prepare(port.id, 0, &head, 1), 1);
		QT_ASSERT_EQ(dp_send(port.id, &head, 1), 1);
		QT_ASSERT(dp_recv(port.id, &r, 1, 1000) == 1, "%u segments: nothing received (%s)",
			  k, qtt_sim_reason(port.sim));
		QT_CHECK(dp_check_frame(r, len, (uint8_t)k));
		rte_pktmbuf_free(r);
	}
	QT_CHECK(dp_port_down(&port));
	return 0;
}

/* Tx inserts PCP and VID (DEI is not carried, 4.3); Rx strips into the mbuf when asked,
 * else puts the tag back in the data.
 */
static int
vlan_case(bool strip)
{
	struct dp_cfg c = { .name = "net_qt2025_sim_d3",
			    .tx_offloads = RTE_ETH_TX_OFFLOAD_VLAN_INSERT };
	struct rte_mbuf *m, *r;
	const uint16_t tci = 5 << 13 | 1 << 12 | 123;
	int rc = -1;

	c.rx_offloads = strip ? RTE_ETH_RX_OFFLOAD_VLAN_STRIP : 0;
	if (dp_port_up(&c, &port) != 0)
		return -1;
	m = dp_frame(port.mp, NULL, 200, 9);
	if (m == NULL)
		goto out;
	m->ol_flags |= RTE_MBUF_F_TX_VLAN;
	m->vlan_tci = tci;
	if (dp_send(port.id, &m, 1) != 1 || dp_recv(port.id, &r, 1, 1000) != 1)
		goto out;
	if (strip) {
		rc = (r->ol_flags & RTE_MBUF_F_RX_VLAN_STRIPPED) && (r->ol_flags &
		     RTE_MBUF_F_RX_VLAN) && r->vlan_tci == (tci & ~(1 << 12)) &&
		     r->pkt_len == 200 ? 0 : -1;
	} else {
		const struct rte_vlan_hdr *v = rte_pktmbuf_mtod_offset(r, struct rte_vlan_hdr *,
								      2 * RTE_ETHER_ADDR_LEN + 2);

		rc = !(r->ol_flags & RTE_MBUF_F_RX_VLAN_STRIPPED) && r->pkt_len == 204 &&
		     rte_be_to_cpu_16(v->vlan_tci) == (tci & ~(1 << 12)) ? 0 : -1;
	}
	if (rc != 0)
		fprintf(stderr, "    strip %d: len %u, flags 0x%" PRIx64 ", tci 0x%x\n", strip,
			r->pkt_len, r->ol_flags, r->vlan_tci);
	rte_pktmbuf_free(r);
out:
	if (dp_port_down(&port) != 0)
		rc = -1;
	return rc;
}

QT_EAL_TEST(eal_datapath, vlan_insert_strip)
{
	QT_CHECK(vlan_case(true));
	QT_CHECK(vlan_case(false));
	return 0;
}

/* Checksums computed by the NIC (Tx offload) verify on Rx, in the data and in the flags. */
QT_EAL_TEST(eal_datapath, checksum_offload)
{
	const struct dp_cfg c = { .name = "net_qt2025_sim_d4",
				  .rx_offloads = RTE_ETH_RX_OFFLOAD_CHECKSUM,
				  .tx_offloads = RTE_ETH_TX_OFFLOAD_IPV4_CKSUM |
						 RTE_ETH_TX_OFFLOAD_UDP_CKSUM |
						 RTE_ETH_TX_OFFLOAD_TCP_CKSUM };
	static const uint8_t protos[2] = { IPPROTO_UDP, IPPROTO_TCP };
	struct rte_mbuf *m, *r;
	unsigned int i;

	QT_CHECK(dp_port_up(&c, &port));
	for (i = 0; i < 2; i++) {
		const struct rte_ipv4_hdr *ip;

		m = dp_ip_frame(port.mp, protos[i], 300, false);
		QT_ASSERT(m != NULL, "alloc");
		m->ol_flags |= RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM |
			(protos[i] == IPPROTO_UDP ? RTE_MBUF_F_TX_UDP_CKSUM :
			 RTE_MBUF_F_TX_TCP_CKSUM);
		QT_ASSERT_EQ(dp_send(port.id, &m, 1), 1);
		QT_ASSERT_EQ(dp_recv(port.id, &r, 1, 1000), 1);
		ip = rte_pktmbuf_mtod_offset(r, struct rte_ipv4_hdr *,
					     sizeof(struct rte_ether_hdr));
		QT_ASSERT_EQ(rte_ipv4_cksum(ip), 0);    /* the sum over a right header */
		QT_ASSERT_EQ(rte_ipv4_udptcp_cksum_verify(ip, ip + 1), 0);
		QT_ASSERT_EQ(r->ol_flags & RTE_MBUF_F_RX_IP_CKSUM_MASK,
			     RTE_MBUF_F_RX_IP_CKSUM_GOOD);
		QT_ASSERT_EQ(r->ol_flags & RTE_MBUF_F_RX_L4_CKSUM_MASK,
			     RTE_MBUF_F_RX_L4_CKSUM_GOOD);
		QT_ASSERT_EQ(r->packet_type & RTE_PTYPE_L4_MASK,
			     protos[i] == IPPROTO_UDP ? RTE_PTYPE_L4_UDP : RTE_PTYPE_L4_TCP);
		rte_pktmbuf_free(r);
	}
	QT_CHECK(dp_port_down(&port));
	return 0;
}

/* Ring sizes applications ask for by default are accepted; the counts add up. */
QT_EAL_TEST(eal_datapath, ring_sizes)
{
	static const uint16_t sizes[] = { 64, 1024, 2048, 4096 };
	struct rte_mbuf *m[BURST], *r[BURST];
	unsigned int s, i;

	for (s = 0; s < RTE_DIM(sizes); s++) {
		const struct dp_cfg c = { .name = "net_qt2025_sim_d5", .nb_rxd = sizes[s],
					  .nb_txd = sizes[s], .nb_mbufs = 16384 };
		struct rte_eth_stats st;

		QT_CHECK(dp_port_up(&c, &port));
		for (i = 0; i < BURST; i++)
			m[i] = dp_frame(port.mp, NULL, 64, (uint8_t)i);
		QT_ASSERT_EQ(dp_send(port.id, m, BURST), BURST);
		QT_ASSERT_EQ(dp_recv(port.id, r, BURST, 1000), BURST);
		dp_free(r, BURST);
		QT_ASSERT_EQ(rte_eth_stats_get(port.id, &st), 0);
		QT_ASSERT_EQ(st.ipackets, BURST);
		QT_ASSERT_EQ(st.opackets, BURST);
		QT_ASSERT_EQ(st.ierrors + st.imissed + st.rx_nombuf + st.oerrors, 0);
		QT_CHECK(dp_port_down(&port));
	}
	return 0;
}

/* TSO (hardware.md 4.3 LGSND): one 3,054-byte TCP frame out, three segments of MSS 1000 in,
 * each with its own right checksums.
 */
QT_EAL_TEST(eal_datapath, tso)
{
	const struct dp_cfg c = { .name = "net_qt2025_sim_d6",
				  .rx_offloads = RTE_ETH_RX_OFFLOAD_CHECKSUM,
				  .tx_offloads = RTE_ETH_TX_OFFLOAD_TCP_TSO |
						 RTE_ETH_TX_OFFLOAD_IPV4_CKSUM |
						 RTE_ETH_TX_OFFLOAD_TCP_CKSUM,
				  .buf_size = 4096 + RTE_PKTMBUF_HEADROOM };
	const uint16_t hdrs = sizeof(struct rte_ether_hdr) + sizeof(struct rte_ipv4_hdr) +
			      sizeof(struct rte_tcp_hdr);
	struct rte_mbuf *m, *r[4];
	unsigned int i;

	QT_CHECK(dp_port_up(&c, &port));
	m = dp_ip_frame(port.mp, IPPROTO_TCP, hdrs + 3000, false);
	QT_ASSERT(m != NULL, "alloc");
	m->ol_flags |= RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_TCP_CKSUM |
		       RTE_MBUF_F_TX_TCP_SEG;
	m->l4_len = sizeof(struct rte_tcp_hdr);
	m->tso_segsz = 1000;
	QT_ASSERT_EQ(rte_eth_tx_prepare(port.id, 0, &m, 1), 1);
	QT_ASSERT_EQ(dp_send(port.id, &m, 1), 1);
	QT_ASSERT(dp_recv(port.id, r, 3, 1000) == 3, "segments missing (%s)",
		  qtt_sim_reason(port.sim));
	for (i = 0; i < 3; i++) {
		const struct rte_ipv4_hdr *ip = rte_pktmbuf_mtod_offset(r[i],
			struct rte_ipv4_hdr *, sizeof(struct rte_ether_hdr));

		QT_ASSERT_EQ(r[i]->pkt_len, hdrs + 1000);
		QT_ASSERT_EQ(rte_ipv4_cksum(ip), 0);
		QT_ASSERT_EQ(rte_ipv4_udptcp_cksum_verify(ip, ip + 1), 0);
		QT_ASSERT_EQ(r[i]->ol_flags & RTE_MBUF_F_RX_L4_CKSUM_MASK,
			     RTE_MBUF_F_RX_L4_CKSUM_GOOD);
	}
	dp_free(r, 3);
	QT_CHECK(dp_port_down(&port));
	return 0;
}
