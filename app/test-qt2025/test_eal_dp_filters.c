/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * eal_dp_filters: the receive filters of GMAC_RXF_A (hardware.md 3.10) as the model plays them
 * (sim_dma_rx.c: unicast address, broadcast, multicast hash, promiscuous, VLAN table), the
 * MTU (MAX_FRAME_A, 3.4), the MAC address, and the NIC's statistics (hardware.md 3.11) in xstats.
 * Frames are injected at the port's receiver (qt_sim_wire_inject) or sent through the
 * loopback plug.
 */

#include <stdio.h>
#include <stdlib.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_eal_dp.h"
#include "test_eal_util.h"

QT_EAL_SUITE(eal_dp_filters, NULL, NULL);

static struct dp_port port;
static uint8_t frame[10240];

static const uint8_t bcast[6] = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };
static const uint8_t mc1[6] = { 0x01, 0x00, 0x5E, 0x00, 0x00, 0x01 };   /* hash 0x5E */
static const uint8_t mc2[6] = { 0x01, 0x00, 0x5E, 0x00, 0x00, 0x02 };   /* hash 0x5D */

/* A frame to dst (vid < 0: untagged) of len bytes: delivered or not. */
static int
expect(const uint8_t *dst, int vid, uint16_t len, bool delivered)
{
	dp_raw_frame(frame, dst, vid, len, (uint8_t)len);
	if (dp_inject_expect(&port, frame, len, delivered) != 0) {
		fprintf(stderr, "    (dst %02x:%02x:%02x:%02x:%02x:%02x, vid %d, %u bytes)\n",
			dst[0], dst[1], dst[2], dst[3], dst[4], dst[5], vid, len);
		return -1;
	}
	return 0;
}

/* Unicast to us and broadcast pass, unicast to another MAC does not, unless promiscuous;
 * multicast passes when listed, with allmulticast, or promiscuous.
 */
QT_EAL_TEST(eal_dp_filters, address_filters)
{
	const struct dp_cfg c = { .name = "net_qt2025_sim_x0" };
	struct rte_ether_addr own, mcl[1];
	uint8_t other[6];

	QT_CHECK(dp_port_up(&c, &port));
	QT_ASSERT_EQ(rte_eth_macaddr_get(port.id, &own), 0);
	memcpy(other, own.addr_bytes, 6);
	other[5] ^= 0x01;
	QT_ASSERT_EQ(rte_eth_promiscuous_disable(port.id), 0);
	QT_ASSERT_EQ(rte_eth_allmulticast_disable(port.id), 0);
	QT_CHECK(expect(own.addr_bytes, -1, 100, true));
	QT_CHECK(expect(other, -1, 100, false));
	QT_CHECK(expect(bcast, -1, 100, true));
	QT_CHECK(expect(mc1, -1, 100, false));

	memcpy(mcl[0].addr_bytes, mc1, 6);
	QT_ASSERT_EQ(rte_eth_dev_set_mc_addr_list(port.id, mcl, 1), 0);
	QT_CHECK(expect(mc1, -1, 100, true));
	QT_ASSERT_EQ(rte_eth_dev_set_mc_addr_list(port.id, NULL, 0), 0);
	QT_CHECK(expect(mc1, -1, 100, false));

	QT_ASSERT_EQ(rte_eth_allmulticast_enable(port.id), 0);
	QT_CHECK(expect(mc1, -1, 100, true));
	QT_CHECK(expect(mc2, -1, 100, true));
	QT_CHECK(expect(other, -1, 100, false));
	QT_ASSERT_EQ(rte_eth_allmulticast_disable(port.id), 0);
	QT_CHECK(expect(mc2, -1, 100, false));

	QT_ASSERT_EQ(rte_eth_promiscuous_enable(port.id), 0);
	QT_CHECK(expect(other, -1, 100, true));
	QT_CHECK(expect(mc2, -1, 100, true));
	QT_CHECK(expect(own.addr_bytes, -1, 100, true));
	QT_CHECK(expect(bcast, -1, 100, true));
	QT_CHECK(expect(other, 300, 100, true));
	QT_ASSERT_EQ(rte_eth_promiscuous_disable(port.id), 0);
	QT_CHECK(expect(other, -1, 100, false));
	QT_CHECK(expect(own.addr_bytes, -1, 100, true));
	/* the filters survive a stop/start (written again after the SW reset) */
	QT_ASSERT_EQ(rte_eth_dev_set_mc_addr_list(port.id, mcl, 1), 0);
	QT_ASSERT_EQ(rte_eth_dev_stop(port.id), 0);
	QT_ASSERT_EQ(rte_eth_dev_start(port.id), 0);
	QT_CHECK(qtt_wait_link(port.id, 1, 5000));
	QT_CHECK(expect(mc1, -1, 100, true));
	QT_CHECK(expect(other, -1, 100, false));
	QT_ASSERT_EQ(dp_violations(&port), 0);
	/* a listed address lets in its own hash bit only (hardware.md 3.10), not another group */
	QT_CHECK(expect(mc2, -1, 100, false));
	QT_CHECK(dp_port_down(&port));
	return 0;
}

/* The default MAC address set changes which unicast frames are ours. */
QT_EAL_TEST(eal_dp_filters, mac_addr_set)
{
	const struct dp_cfg c = { .name = "net_qt2025_sim_x0" };
	struct rte_ether_addr old, nw = { { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 } }, now;

	QT_CHECK(dp_port_up(&c, &port));
	QT_ASSERT_EQ(rte_eth_macaddr_get(port.id, &old), 0);
	QT_ASSERT_EQ(rte_eth_promiscuous_disable(port.id), 0);
	QT_CHECK(expect(nw.addr_bytes, -1, 80, false));
	QT_ASSERT_EQ(rte_eth_dev_default_mac_addr_set(port.id, &nw), 0);
	QT_ASSERT_EQ(rte_eth_macaddr_get(port.id, &now), 0);
	QT_ASSERT(rte_is_same_ether_addr(&now, &nw), "address not taken");
	QT_CHECK(expect(nw.addr_bytes, -1, 80, true));
	QT_CHECK(expect(old.addr_bytes, -1, 80, false));
	/* kept across stop/start */
	QT_ASSERT_EQ(rte_eth_dev_stop(port.id), 0);
	QT_ASSERT_EQ(rte_eth_dev_start(port.id), 0);
	QT_CHECK(qtt_wait_link(port.id, 1, 5000));
	QT_CHECK(expect(nw.addr_bytes, -1, 80, true));
	QT_CHECK(expect(old.addr_bytes, -1, 80, false));
	QT_ASSERT_EQ(rte_eth_dev_default_mac_addr_set(port.id, &old), 0);
	QT_CHECK(expect(old.addr_bytes, -1, 80, true));
	QT_CHECK(dp_port_down(&port));
	return 0;
}

/* With the VLAN filter offload only VIDs in the table pass; without it, every VID. */
QT_EAL_TEST(eal_dp_filters, vlan_filter)
{
	struct dp_cfg c = { .name = "net_qt2025_sim_x0",
			    .rx_offloads = RTE_ETH_RX_OFFLOAD_VLAN_FILTER |
					   RTE_ETH_RX_OFFLOAD_VLAN_STRIP };
	struct rte_ether_addr own;

	QT_CHECK(dp_port_up(&c, &port));
	QT_ASSERT_EQ(rte_eth_macaddr_get(port.id, &own), 0);
	QT_ASSERT_EQ(rte_eth_dev_vlan_filter(port.id, 100, 1), 0);
	QT_CHECK(expect(own.addr_bytes, 100, 200, true));
	QT_CHECK(expect(own.addr_bytes, 200, 200, false));
	QT_CHECK(expect(bcast, 200, 200, false));
	QT_CHECK(expect(own.addr_bytes, -1, 200, true));       /* untagged: no VID to filter */
	QT_ASSERT_EQ(rte_eth_dev_vlan_filter(port.id, 200, 1), 0);
	QT_CHECK(expect(own.addr_bytes, 200, 200, true));
	QT_ASSERT_EQ(rte_eth_dev_vlan_filter(port.id, 100, 0), 0);
	QT_CHECK(expect(own.addr_bytes, 100, 200, false));
	QT_CHECK(dp_port_down(&port));

	c.name = "net_qt2025_sim_x0";
	c.rx_offloads = 0;
	QT_CHECK(dp_port_up(&c, &port));
	QT_ASSERT_EQ(rte_eth_macaddr_get(port.id, &own), 0);
	QT_ASSERT_EQ(rte_eth_dev_vlan_filter(port.id, 100, 1), -ENOSYS);
	QT_CHECK(expect(own.addr_bytes, 100, 200, true));
	QT_CHECK(expect(own.addr_bytes, 200, 200, true));
	QT_CHECK(expect(own.addr_bytes, 4095, 200, true));
	QT_CHECK(dp_port_down(&port));
	return 0;
}

/* Log lines written while fn runs, and those naming "MTU". */
static unsigned int
log_lines(int (*fn)(uint16_t, uint16_t), uint16_t a, uint16_t b, int *rc,
	  unsigned int *mtu_lines)
{
	char *buf = NULL, *p, *e;
	size_t len = 0;
	unsigned int n = 0;
	FILE *f = open_memstream(&buf, &len);

	*mtu_lines = 0;
	if (f == NULL)
		return 0;
	rte_openlog_stream(f);
	*rc = fn(a, b);
	rte_openlog_stream(NULL);
	fclose(f);
	fputs(buf, stderr);
	for (p = buf; p != NULL && *p != '\0'; p = e != NULL ? e + 1 : NULL) {
		e = strchr(p, '\n');
		if (e != NULL)
			*e = '\0';
		n++;
		if (strstr(p, "MTU") != NULL)
			(*mtu_lines)++;
	}
	free(buf);
	return n;
}

/*
 * MTU: the frames a 1500-byte MTU admits are MTU + 18 bytes on the wire (14 without the
 * FCS, which the NIC strips), 4 more with a VLAN tag; a longer one is not delivered and is
 * counted (mac_rx_too_long, ierrors). An MTU whose frames the pool's buffers cannot hold
 * is refused with one log line.
 */
QT_EAL_TEST(eal_dp_filters, mtu)
{
	const struct dp_cfg c = { .name = "net_qt2025_sim_x0" };
	struct rte_ether_addr own;
	struct rte_eth_stats st;
	unsigned int lines, mtu_lines;
	uint16_t mtu;
	int rc = 0;

	QT_CHECK(dp_port_up(&c, &port));
	QT_ASSERT_EQ(rte_eth_macaddr_get(port.id, &own), 0);
	QT_ASSERT_EQ(rte_eth_dev_get_mtu(port.id, &mtu), 0);
	QT_ASSERT_EQ(mtu, 1500);
	QT_ASSERT_EQ(rte_eth_stats_reset(port.id), 0);
	QT_CHECK(expect(own.addr_bytes, -1, 1514, true));
	QT_CHECK(expect(own.addr_bytes, 100, 1518, true));
	QT_CHECK(expect(own.addr_bytes, -1, 1600, false));
	QT_CHECK(expect(own.addr_bytes, 100, 1600, false));
	QT_ASSERT_EQ(dp_xstat(port.id, "mac_rx_too_long"), 2);
	memset(&st, 0, sizeof(st));
	QT_ASSERT_EQ(rte_eth_stats_get(port.id, &st), 0);
	QT_ASSERT_EQ(st.ierrors, 2);

	/* a smaller MTU, set while started, takes effect at once */
	QT_ASSERT_EQ(rte_eth_dev_set_mtu(port.id, 1000), 0);
	QT_CHECK(expect(own.addr_bytes, -1, 1014, true));
	QT_CHECK(expect(own.addr_bytes, -1, 1100, false));
	QT_ASSERT_EQ(rte_eth_dev_set_mtu(port.id, 1500), 0);

	/* 2048-byte buffers hold a frame of MTU 2034 + 14 (no FCS, no tag: the NIC strips
	 * both), not 2035 + 14: refused, one line said why
	 */
	lines = log_lines(rte_eth_dev_set_mtu, port.id, 2035, &rc, &mtu_lines);
	QT_ASSERT_EQ(rc, -EINVAL);
	QT_ASSERT_EQ(lines, 1);
	QT_ASSERT_EQ(mtu_lines, 1);
	QT_ASSERT_EQ(rte_eth_dev_get_mtu(port.id, &mtu), 0);
	QT_ASSERT_EQ(mtu, 1500);
	QT_ASSERT_EQ(rte_eth_dev_set_mtu(port.id, 2034), 0);
	QT_ASSERT_EQ(rte_eth_dev_set_mtu(port.id, 1500), 0);

	/* the exact limits: one byte over is not delivered */
	QT_CHECK(expect(own.addr_bytes, -1, 1515, false));
	QT_CHECK(expect(own.addr_bytes, 100, 1519, false));
	QT_CHECK(dp_port_down(&port));
	return 0;
}

/* A 9000-byte MTU on a pool of 10 KiB buffers: jumbo frames both ways, bytes compared. */
QT_EAL_TEST(eal_dp_filters, jumbo_9000)
{
	const struct dp_cfg c = { .name = "net_qt2025_sim_x0", .mtu = 9000, .nb_mbufs = 2048,
				  .buf_size = 10240 + RTE_PKTMBUF_HEADROOM };
	struct rte_ether_addr own;
	unsigned int in_use;

	QT_CHECK(dp_port_up(&c, &port));
	QT_ASSERT_EQ(rte_eth_macaddr_get(port.id, &own), 0);
	in_use = dp_in_use(&port);
	QT_ASSERT_EQ(rte_eth_xstats_reset(port.id), 0);
	QT_CHECK(dp_traffic(&port, 100, 9014, 3));
	QT_CHECK(dp_traffic(&port, 100, 4000, 4));
	QT_CHECK(expect(own.addr_bytes, 7, 9018, true));
	QT_CHECK(expect(own.addr_bytes, -1, 9100, false));
	QT_ASSERT_EQ(dp_xstat(port.id, "mac_rx_too_long"), 1);
	QT_ASSERT_EQ(rte_eth_dev_set_mtu(port.id, 10300), -EINVAL);
	QT_ASSERT_EQ(dp_in_use(&port), in_use);
	QT_ASSERT_EQ(dp_violations(&port), 0);
	QT_CHECK(dp_port_down(&port));
	return 0;
}

/* Sends n frames of len bytes to dst through the loopback plug and takes them back. */
static int
loop_n(const uint8_t *dst, unsigned int n, uint16_t len)
{
	struct rte_mbuf *m[32], *r[32];
	unsigned int i;

	for (i = 0; i < n; i++)
		m[i] = dp_frame(port.mp, dst, len, (uint8_t)i);
	if (dp_send(port.id, m, (uint16_t)n) != n || dp_recv(port.id, r, (uint16_t)n, 1000) != n) {
		fprintf(stderr, "    %u frames of %u bytes: no round trip\n", n, len);
		return -1;
	}
	dp_free(r, (uint16_t)n);
	return rte_eth_tx_done_cleanup(port.id, 0, 0) == (int)n ? 0 : -1;
}

/* The NIC's counters (xstats mac_rx_* / mac_tx_*) agree with what went; resets zero them. */
QT_EAL_TEST(eal_dp_filters, hw_stats)
{
	const struct dp_cfg c = { .name = "net_qt2025_sim_x0" };
	static const char *const names[] = {
		"mac_rx_unicast_packets", "mac_rx_multicast_packets", "mac_rx_broadcast_packets",
		"mac_rx_packets", "mac_rx_octets", "mac_tx_unicast_packets",
		"mac_tx_multicast_packets", "mac_tx_broadcast_packets", "mac_tx_packets",
		"mac_tx_octets", "mac_rx_errors", "mac_rx_dropped", "mac_rx_too_long",
	};
	/* 10 broadcast of 100 bytes, 5 unicast of 200, 3 multicast of 300; octets with FCS */
	const uint64_t want[] = { 5, 3, 10, 18, 10 * 104 + 5 * 204 + 3 * 304,
				  5, 3, 10, 18, 10 * 104 + 5 * 204 + 3 * 304, 0, 0, 0 };
	struct rte_ether_addr own;
	struct rte_eth_stats st;
	unsigned int i;

	QT_CHECK(dp_port_up(&c, &port));
	QT_ASSERT_EQ(rte_eth_macaddr_get(port.id, &own), 0);
	QT_ASSERT_EQ(rte_eth_allmulticast_enable(port.id), 0);
	QT_ASSERT_EQ(rte_eth_stats_reset(port.id), 0);
	QT_ASSERT_EQ(rte_eth_xstats_reset(port.id), 0);
	for (i = 0; i < RTE_DIM(names); i++)
		QT_ASSERT(dp_xstat(port.id, names[i]) == 0, "%s not reset", names[i]);
	QT_CHECK(loop_n(bcast, 10, 100));
	QT_CHECK(loop_n(own.addr_bytes, 5, 200));
	QT_CHECK(loop_n(mc1, 3, 300));
	for (i = 0; i < RTE_DIM(names); i++)
		QT_ASSERT(dp_xstat(port.id, names[i]) == want[i], "%s = %" PRIu64
			  ", expected %" PRIu64, names[i], dp_xstat(port.id, names[i]), want[i]);
	memset(&st, 0, sizeof(st));
	QT_ASSERT_EQ(rte_eth_stats_get(port.id, &st), 0);
	QT_ASSERT_EQ(st.ipackets, 18);
	QT_ASSERT_EQ(st.opackets, 18);
	QT_ASSERT_EQ(st.ibytes, 10 * 100 + 5 * 200 + 3 * 300);  /* without FCS */
	QT_ASSERT_EQ(st.obytes, 10 * 100 + 5 * 200 + 3 * 300);

	/* rte_eth_stats_reset zeroes the basic stats and the NIC counters they show */
	QT_ASSERT_EQ(rte_eth_stats_reset(port.id), 0);
	memset(&st, 0, sizeof(st));
	QT_ASSERT_EQ(rte_eth_stats_get(port.id, &st), 0);
	QT_ASSERT_EQ(st.ipackets + st.opackets + st.ibytes + st.obytes, 0);
	QT_CHECK(loop_n(bcast, 4, 100));
	QT_ASSERT_EQ(dp_xstat(port.id, "mac_rx_packets"), 4);
	/* xstats_reset zeroes every mac_* counter */
	QT_ASSERT_EQ(rte_eth_xstats_reset(port.id), 0);
	for (i = 0; i < RTE_DIM(names); i++)
		QT_ASSERT(dp_xstat(port.id, names[i]) == 0, "%s not reset", names[i]);
	QT_CHECK(loop_n(own.addr_bytes, 2, 64));
	QT_ASSERT_EQ(dp_xstat(port.id, "mac_tx_unicast_packets"), 2);
	QT_ASSERT_EQ(dp_xstat(port.id, "mac_rx_octets"), 2 * 68);
	QT_CHECK(dp_port_down(&port));
	return 0;
}
