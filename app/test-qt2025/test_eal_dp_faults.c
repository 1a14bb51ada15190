/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * eal_dp_faults: the model's datapath fault knobs (bad FCS, bad L4 checksum, RXF starvation,
 * slow TXF completions, RXD published in two steps), the checksum errata of hardware.md 4.6,
 * a pool that runs dry (rx_nombuf), and the model variants of what the note leaves
 * UNCERTAIN (RXD BC 2 or 3, TXF echoing the TXD cookie or zeros). The cases share one card
 * (a new one downloads PHY firmware, ~2 s) and turn its knobs off first: a simulated card
 * keeps its knobs while its name lives on.
 */

#include <rte_cycles.h>
#include <rte_ip.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "qt2025_rxtx.h"
#include "qt_sim.h"
#include "qt_test.h"
#include "test_eal_dp.h"
#include "test_eal_util.h"

QT_EAL_SUITE(eal_dp_faults, NULL, NULL);

#define DP_F_NAME "net_qt2025_sim_f0"    /* one card: one PHY firmware download */

static struct dp_port port;

/* dp_port_up on the suite's card, its knobs off (a failed case may have left one on). */
static int
up(const struct dp_cfg *c)
{
	if (dp_port_up(c, &port) != 0)
		return -1;
	dp_knobs_clear(port.sim);
	return 0;
}

static int
stats(uint16_t id, struct rte_eth_stats *st)
{
	memset(st, 0, sizeof(*st));
	return rte_eth_stats_get(id, st);
}

/* Sends n broadcast frames of len bytes, seeds seed + i; 0 when all went. */
static int
send_n(const struct dp_port *p, unsigned int n, uint16_t len, uint8_t seed)
{
	struct rte_mbuf *m[64];
	unsigned int i;

	if (n > RTE_DIM(m))
		return -1;
	for (i = 0; i < n; i++) {
		m[i] = dp_frame(p->mp, NULL, len, (uint8_t)(seed + i));
		if (m[i] == NULL) {
			dp_free(m, (uint16_t)i);
			return -1;
		}
	}
	return dp_send(p->id, m, (uint16_t)n) == n ? 0 : -1;
}

/* Frames with a bad FCS are not delivered and counted in ierrors; the rest flows, nothing
 * is lost.
 */
QT_EAL_TEST(eal_dp_faults, bad_crc)
{
	const struct dp_cfg c = { .name = DP_F_NAME };
	struct rte_mbuf *r[16];
	struct rte_eth_stats st;
	unsigned int in_use, i;

	QT_CHECK(up(&c));
	in_use = dp_in_use(&port);
	QT_ASSERT_EQ(rte_eth_stats_reset(port.id), 0);
	qt_sim_set_fault(port.sim, QT_SIM_FAULT_RX_BAD_CRC, 3);
	QT_CHECK(send_n(&port, 8, 200, 10));
	QT_ASSERT_EQ(dp_recv(port.id, r, 8, 300), 5);
	for (i = 0; i < 5; i++)                 /* the first three were the bad ones */
		QT_CHECK(dp_check_frame(r[i], 200, (uint8_t)(13 + i)));
	dp_free(r, 5);
	QT_ASSERT_EQ(stats(port.id, &st), 0);
	QT_ASSERT_EQ(st.ipackets, 5);
	QT_ASSERT_EQ(dp_xstat(port.id, "mac_rx_errors"), 3);
	QT_CHECK(dp_traffic(&port, 100, 300, 1));
	QT_ASSERT_EQ(dp_in_use(&port), in_use);
	QT_ASSERT_EQ(dp_violations(&port), 0);
	/* the NIC counted them (InErrors, 3.11): so must ierrors */
	QT_ASSERT_EQ(stats(port.id, &st), 0);
	QT_ASSERT_EQ(st.ierrors, 3);
	QT_CHECK(dp_port_down(&port));
	return 0;
}

/* An IPv4 TCP/UDP frame of len bytes with right checksums, sent and received back. */
static struct rte_mbuf *
ip_roundtrip(uint8_t proto, uint16_t len, bool udp_zero)
{
	struct rte_mbuf *m = dp_ip_frame(port.mp, proto, len, true), *r = NULL;
	struct rte_udp_hdr *u;

	if (m == NULL)
		return NULL;
	if (udp_zero) {         /* "no checksum" (RFC 768); the IP header stays right */
		u = rte_pktmbuf_mtod_offset(m, struct rte_udp_hdr *,
					    sizeof(struct rte_ether_hdr) +
					    sizeof(struct rte_ipv4_hdr));
		u->dgram_cksum = 0;
	}
	if (dp_send(port.id, &m, 1) != 1 || dp_recv(port.id, &r, 1, 1000) != 1) {
		fprintf(stderr, "    proto %u, %u bytes: no round trip\n", proto, len);
		return NULL;
	}
	return r;
}

/* What the driver reports for one frame: IP GOOD and this L4 verdict. */
static int
l4_flag(uint8_t proto, uint16_t len, bool udp_zero, uint64_t want)
{
	struct rte_mbuf *r = ip_roundtrip(proto, len, udp_zero);
	uint64_t ip, l4;

	if (r == NULL)
		return -1;
	ip = r->ol_flags & RTE_MBUF_F_RX_IP_CKSUM_MASK;
	l4 = r->ol_flags & RTE_MBUF_F_RX_L4_CKSUM_MASK;
	rte_pktmbuf_free(r);
	if (ip != RTE_MBUF_F_RX_IP_CKSUM_GOOD || l4 != want) {
		fprintf(stderr, "    proto %u, %u bytes%s: ip 0x%" PRIx64 ", l4 0x%" PRIx64
			", expected l4 0x%" PRIx64 "\n", proto, len, udp_zero ? ", UDP csum 0" : "",
			ip, l4, want);
		return -1;
	}
	return 0;
}

/* The knob damages the L4 checksum of the next frames: reported BAD (frames >= 70 bytes,
 * where the NIC's verdict is trusted); then GOOD again.
 */
QT_EAL_TEST(eal_dp_faults, bad_l4_csum)
{
	const struct dp_cfg c = { .name = DP_F_NAME,
				  .rx_offloads = RTE_ETH_RX_OFFLOAD_CHECKSUM };
	const uint64_t bad = RTE_MBUF_F_RX_L4_CKSUM_BAD, good = RTE_MBUF_F_RX_L4_CKSUM_GOOD;

	QT_CHECK(up(&c));
	qt_sim_set_fault(port.sim, QT_SIM_FAULT_RX_BAD_L4_CSUM, 4);
	QT_CHECK(l4_flag(IPPROTO_UDP, 70, false, bad));
	QT_CHECK(l4_flag(IPPROTO_TCP, 70, false, bad));
	QT_CHECK(l4_flag(IPPROTO_UDP, 1514, false, bad));
	QT_CHECK(l4_flag(IPPROTO_TCP, 300, false, bad));
	QT_CHECK(l4_flag(IPPROTO_UDP, 300, false, good));
	QT_CHECK(l4_flag(IPPROTO_TCP, 1514, false, good));
	QT_ASSERT_EQ(dp_violations(&port), 0);
	QT_CHECK(dp_port_down(&port));
	return 0;
}

/*
 * The errata of hardware.md 4.6, which the model reproduces (sim_frame.c, sim_frame_rx_csum):
 * the NIC flags a UDP datagram whose checksum field is 0, and any TCP/UDP frame under
 * 70 bytes. Neither is reported BAD when the checksum is right; a short frame whose
 * checksum is really wrong still is.
 */
QT_EAL_TEST(eal_dp_faults, csum_errata)
{
	const struct dp_cfg c = { .name = DP_F_NAME,
				  .rx_offloads = RTE_ETH_RX_OFFLOAD_CHECKSUM };
	const uint64_t bad = RTE_MBUF_F_RX_L4_CKSUM_BAD, good = RTE_MBUF_F_RX_L4_CKSUM_GOOD;
	uint16_t len;

	QT_CHECK(up(&c));
	/* erratum 1: UDP checksum field 0, at every kind of length */
	QT_CHECK(l4_flag(IPPROTO_UDP, 60, true, good));
	QT_CHECK(l4_flag(IPPROTO_UDP, 200, true, good));
	QT_CHECK(l4_flag(IPPROTO_UDP, 1514, true, good));
	/* erratum 2: right checksums under 70 bytes (54: a bare TCP header, padded to 60) */
	for (len = 54; len < 70; len++) {
		QT_CHECK(l4_flag(IPPROTO_TCP, len, false, good));
		if (len >= 42 + 1)
			QT_CHECK(l4_flag(IPPROTO_UDP, len, false, good));
	}
	/* a short frame that is really damaged stays BAD */
	qt_sim_set_fault(port.sim, QT_SIM_FAULT_RX_BAD_L4_CSUM, 2);
	QT_CHECK(l4_flag(IPPROTO_TCP, 64, false, bad));
	QT_CHECK(l4_flag(IPPROTO_UDP, 64, false, bad));
	QT_ASSERT_EQ(dp_violations(&port), 0);
	QT_CHECK(dp_port_down(&port));
	return 0;
}

/* With RXF starved the NIC drops what arrives (imissed, mac_rx_dropped); it heals. */
QT_EAL_TEST(eal_dp_faults, rxf_starve)
{
	const struct dp_cfg c = { .name = DP_F_NAME };
	struct rte_eth_stats st;
	unsigned int in_use;

	QT_CHECK(up(&c));
	in_use = dp_in_use(&port);
	QT_ASSERT_EQ(rte_eth_stats_reset(port.id), 0);
	qt_sim_set_fault(port.sim, QT_SIM_FAULT_RXF_STARVE, 1);
	QT_CHECK(send_n(&port, 20, 100, 0));
	QT_ASSERT_EQ(dp_drain(port.id, 200), 0);
	QT_ASSERT_EQ(rte_eth_tx_done_cleanup(port.id, 0, 0), 20);
	QT_ASSERT_EQ(dp_xstat(port.id, "mac_rx_dropped"), 20);
	QT_ASSERT_EQ(stats(port.id, &st), 0);
	QT_ASSERT_EQ(st.imissed, 20);
	QT_ASSERT_EQ(st.ipackets, 0);
	QT_ASSERT_EQ(st.opackets, 20);
	QT_ASSERT_EQ(dp_in_use(&port), in_use);
	qt_sim_set_fault(port.sim, QT_SIM_FAULT_RXF_STARVE, 0);
	QT_CHECK(dp_traffic(&port, 100, 500, 3));
	QT_ASSERT_EQ(stats(port.id, &st), 0);
	QT_ASSERT_EQ(st.imissed, 20);
	QT_ASSERT_EQ(st.ipackets, 100);
	QT_ASSERT_EQ(dp_in_use(&port), in_use);
	QT_ASSERT_EQ(dp_violations(&port), 0);
	QT_CHECK(dp_port_down(&port));
	return 0;
}

/* Slow TXF completions: the frames go, their mbufs come back once the completions do. */
QT_EAL_TEST(eal_dp_faults, txf_slow)
{
	const struct dp_cfg c = { .name = DP_F_NAME };
	const uint64_t slow_ms = 300;
	struct rte_mbuf *r[16];
	unsigned int in_use;
	uint64_t t0, deadline;
	int done = 0, k, st;

	QT_CHECK(up(&c));
	in_use = dp_in_use(&port);
	qt_sim_set_fault(port.sim, QT_SIM_FAULT_TXF_SLOW, (uint32_t)(slow_ms * 1000000));
	t0 = qtt_now_ms();
	QT_CHECK(send_n(&port, 10, 400, 0));
	QT_ASSERT_EQ(dp_recv(port.id, r, 10, 1000), 10);        /* sent on time */
	dp_free(r, 10);
	k = rte_eth_tx_done_cleanup(port.id, 0, 0);
	st = rte_eth_tx_descriptor_status(port.id, 0, 0);
	if (qtt_now_ms() - t0 < slow_ms - 50) {  /* no completion yet: nothing to free */
		QT_ASSERT_EQ(k, 0);
		QT_ASSERT_EQ(st, RTE_ETH_TX_DESC_FULL);
		QT_ASSERT_EQ(dp_in_use(&port), in_use + 10);
	}
	done = k;
	deadline = qtt_now_ms() + 3000;
	while (done < 10 && qtt_now_ms() < deadline) {
		k = rte_eth_tx_done_cleanup(port.id, 0, 0);
		QT_ASSERT(k >= 0, "tx_done_cleanup %d", k);
		done += k;
		qtt_sleep_ms(5);
	}
	QT_ASSERT_EQ(done, 10);
	QT_ASSERT(qtt_now_ms() - t0 >= slow_ms - 20, "completed after %" PRIu64 " ms",
		  qtt_now_ms() - t0);
	QT_ASSERT_EQ(rte_eth_tx_descriptor_status(port.id, 0, 0), RTE_ETH_TX_DESC_DONE);
	QT_ASSERT_EQ(dp_in_use(&port), in_use);
	/* traffic keeps flowing while completions stay slow; then at speed */
	QT_CHECK(dp_traffic(&port, 64, 100, 5));
	qt_sim_set_fault(port.sim, QT_SIM_FAULT_TXF_SLOW, 0);
	deadline = qtt_now_ms() + 3000;
	while (dp_in_use(&port) != in_use && qtt_now_ms() < deadline) {
		rte_eth_tx_done_cleanup(port.id, 0, 0);
		qtt_sleep_ms(5);
	}
	QT_ASSERT_EQ(dp_in_use(&port), in_use);
	QT_CHECK(dp_traffic(&port, 64, 100, 6));
	QT_ASSERT_EQ(dp_in_use(&port), in_use);
	QT_ASSERT_EQ(dp_violations(&port), 0);
	QT_CHECK(dp_port_down(&port));
	return 0;
}

/* RXD descriptors published in two steps: every frame still arrives, whole, in order. */
QT_EAL_TEST(eal_dp_faults, rxd_split)
{
	const struct dp_cfg c = { .name = DP_F_NAME };
	unsigned int in_use;
	uint16_t len;

	QT_CHECK(up(&c));
	in_use = dp_in_use(&port);
	qt_sim_set_fault(port.sim, QT_SIM_FAULT_RXD_SPLIT, 1);
	for (len = 60; len <= 1514; len += 97)
		QT_CHECK(dp_traffic(&port, 40, len, (uint8_t)len));
	qt_sim_set_fault(port.sim, QT_SIM_FAULT_RXD_SPLIT, 0);
	QT_CHECK(dp_traffic(&port, 40, 1514, 9));
	QT_ASSERT_EQ(dp_in_use(&port), in_use);
	QT_ASSERT_EQ(dp_violations(&port), 0);
	QT_CHECK(dp_port_down(&port));
	return 0;
}

/* The RXD descriptor of one frame, published and then overwritten at byte off with val (as
 * a broken card would write it): the burst must give the application nothing and count it.
 */
static int
rxd_patched(unsigned int off, uint32_t val)
{
	struct qt2025_rxq *q = dp_rxq(port.id);
	struct rte_eth_stats st;
	struct rte_mbuf *r[4];
	uint8_t *d;
	unsigned int i;

	QT_ASSERT_EQ(rte_eth_stats_reset(port.id), 0);
	QT_CHECK(send_n(&port, 1, 200, 1));
	for (i = 0; i < 1000 && rte_eth_rx_queue_count(port.id, 0) < 1; i++)
		rte_delay_us_sleep(1000);
	QT_ASSERT_EQ(rte_eth_rx_queue_count(port.id, 0), 1);
	d = q->rxd.va + q->rxd.rptr;
	if (off == 4)           /* the frame length, u16 (hardware.md 4.6) */
		memcpy(d + 4, &(uint16_t){ rte_cpu_to_le_16((uint16_t)val) }, 2);
	else                    /* the buffer id, va_lo */
		memcpy(d + off, &(uint32_t){ rte_cpu_to_le_32(val) }, 4);
	QT_ASSERT_EQ(rte_eth_rx_burst(port.id, 0, r, RTE_DIM(r)), 0);
	QT_ASSERT_EQ(stats(port.id, &st), 0);
	QT_ASSERT_EQ(st.ipackets, 0);
	QT_ASSERT_EQ(st.ierrors, 1);
	return 0;
}

/*
 * A card that writes nonsense into an RXD descriptor (what app/fuzz-qt2025's fuzz-rx found
 * reached the application: a 16 KiB frame in a 2 KiB buffer): a length beyond the buffer
 * the RXF gave, a buffer id never posted. Neither reaches the application, both count in
 * ierrors, the first one's buffer goes back to the NIC; traffic flows on.
 */
QT_EAL_TEST(eal_dp_faults, rxd_hostile)
{
	const struct dp_cfg c = { .name = DP_F_NAME };
	unsigned int in_use;

	QT_CHECK(up(&c));
	in_use = dp_in_use(&port);
	QT_CHECK(rxd_patched(4, 0xFFFF));
	QT_CHECK(rxd_patched(4, RTE_MBUF_DEFAULT_DATAROOM + 1));
	QT_CHECK(dp_traffic(&port, 40, 1514, 3));
	QT_ASSERT_EQ(dp_in_use(&port), in_use);
	QT_CHECK(rxd_patched(8, dp_rxq(port.id)->nb_bufs));
	QT_CHECK(rxd_patched(8, 0xFFFFFFFF));
	QT_CHECK(dp_traffic(&port, 40, 1514, 4));
	QT_ASSERT_EQ(dp_violations(&port), 0);
	QT_CHECK(dp_port_down(&port));
	return 0;
}

/*
 * A pool just big enough for the ring (64 buffers) and 32 more, which the test takes: the
 * pool is dry, frames are dropped (rx_nombuf), the ring keeps its buffers (recycled). Tx
 * frames come from a pool of their own. Once the test gives its mbufs back, traffic flows.
 */
QT_EAL_TEST(eal_dp_faults, rx_nombuf)
{
	const struct dp_cfg c = { .name = DP_F_NAME, .nb_rxd = 64, .nb_mbufs = 96 };
	struct rte_mbuf *held[32], *m[16], *r[16];
	struct rte_mempool *txp;
	struct rte_eth_stats st;
	unsigned int i, in_use, handled = 0, round;

	QT_CHECK(up(&c));
	txp = rte_pktmbuf_pool_create("dp_nombuf_tx", 256, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
				      SOCKET_ID_ANY);
	QT_ASSERT(txp != NULL, "tx pool");
	in_use = dp_in_use(&port);
	QT_ASSERT_EQ(in_use, 64);
	QT_ASSERT_EQ(rte_pktmbuf_alloc_bulk(port.mp, held, 32), 0);
	QT_ASSERT_EQ(rte_mempool_avail_count(port.mp), 0);
	QT_ASSERT_EQ(rte_eth_stats_reset(port.id), 0);
	/* 5 rounds of 16: more frames than the ring has buffers, all dropped */
	for (round = 0; round < 5; round++) {
		for (i = 0; i < 16; i++)
			m[i] = dp_frame(txp, NULL, 128, (uint8_t)i);
		QT_ASSERT_EQ(dp_send(port.id, m, 16), 16);
		QT_ASSERT_EQ(dp_recv(port.id, r, 16, 100), 0);
		QT_ASSERT_EQ(stats(port.id, &st), 0);
		handled = (unsigned int)(st.rx_nombuf + st.imissed);
		QT_ASSERT(handled == 16 * (round + 1), "round %u: rx_nombuf %" PRIu64
			  ", imissed %" PRIu64, round, st.rx_nombuf, st.imissed);
	}
	QT_ASSERT_EQ(st.rx_nombuf, 80);
	QT_ASSERT_EQ(st.ipackets, 0);
	QT_ASSERT_EQ(dp_in_use(&port), in_use + 32);           /* the ring kept its 64 */
	dp_free(held, 32);
	for (i = 0; i < 16; i++)
		m[i] = dp_frame(txp, NULL, 128, (uint8_t)(40 + i));
	QT_ASSERT_EQ(dp_send(port.id, m, 16), 16);
	QT_ASSERT_EQ(dp_recv(port.id, r, 16, 1000), 16);
	for (i = 0; i < 16; i++)
		QT_CHECK(dp_check_frame(r[i], 128, (uint8_t)(40 + i)));
	dp_free(r, 16);
	QT_ASSERT(rte_eth_tx_done_cleanup(port.id, 0, 0) >= 0, "cleanup");
	QT_ASSERT_EQ(dp_in_use(&port), in_use);
	QT_ASSERT_EQ(dp_violations(&port), 0);
	QT_CHECK(dp_port_down(&port));
	QT_ASSERT_EQ(rte_mempool_in_use_count(txp), 0);
	rte_mempool_free(txp);
	return 0;
}

/* The model variants (RXD BC 2 or 3, TXF cookie echoed or zero): traffic of every size,
 * bytes compared, counts right, under each combination.
 */
QT_EAL_TEST(eal_dp_faults, variants)
{
	static const char *const args[4] = {
		DP_ARGS ",rxd_bc=2,txf_cookie=echo", DP_ARGS ",rxd_bc=2,txf_cookie=zero",
		DP_ARGS ",rxd_bc=3,txf_cookie=echo", DP_ARGS ",rxd_bc=3,txf_cookie=zero",
	};
	static const uint16_t lens[] = { 60, 61, 64, 127, 128, 511, 1000, 1513, 1514 };
	static const uint32_t rxd_len[4] = { 16, 16, 24, 24 };
	unsigned int v, l, in_use, frames;

	for (v = 0; v < RTE_DIM(args); v++) {
		struct dp_cfg c = { .name = "net_qt2025_sim_f7", .args = args[v],
				  .link_ms = 15000 };
		struct rte_eth_stats st;
		struct qt_sim_obs o;

		QT_CHECK(up(&c));
		in_use = dp_in_use(&port);
		frames = 0;
		for (l = 0; l < RTE_DIM(lens); l++) {
			QT_ASSERT(dp_traffic(&port, 150, lens[l], (uint8_t)l) == 0, "%s, %u bytes",
				  args[v], lens[l]);
			frames += 150;
		}
		QT_ASSERT_EQ(stats(port.id, &st), 0);
		QT_ASSERT_EQ(st.ipackets, frames);
		QT_ASSERT_EQ(st.opackets, frames);
		QT_ASSERT_EQ(st.ierrors + st.imissed + st.rx_nombuf + st.oerrors, 0);
		qt_sim_observe(port.sim, &o);
		QT_ASSERT_EQ(o.rx_frames, frames);
		/* the variant is in force: the driver read descriptors of its size */
		QT_ASSERT_EQ(dp_rxq(port.id)->rxd.rptr, frames * rxd_len[v] % 32768);
		QT_ASSERT_EQ(dp_in_use(&port), in_use);
		QT_ASSERT_EQ(dp_violations(&port), 0);
		QT_CHECK(dp_port_down(&port));
	}
	return 0;
}
