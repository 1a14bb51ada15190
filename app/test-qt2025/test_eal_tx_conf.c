/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * eal_tx_conf: Tx conformance. Every Tx offload the port advertises, alone and combined
 * (IPv4, UDP and TCP checksums, TSO, VLAN insertion), on chains of 1..19 segments, with
 * MBUF_FAST_FREE on and off: each packet passes tx_prepare, and what leaves the wire (the
 * model's capture) equals, byte for byte, what a reference computed here says the
 * offloads make of it (checksums filled, the tag inserted after the addresses, TSO
 * segments with IP id + i, sequence + offset, FIN/PSH on the last, lengths and checksums
 * of each); runts leave padded with zeros. Then the malformed requests tx_prepare refuses
 * and tx_burst drops: nothing of them on the wire, the good packet after them leaves.
 * After each case the pool's in-use count is back where it started.
 */

#include <rte_ip.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_eal_dp.h"
#include "test_eal_util.h"

QT_EAL_SUITE(eal_tx_conf, NULL, NULL);

#define TC_NAME         "net_qt2025_sim_tc0"
#define SEGS_MAX        19
#define FRAME_MAX       9000
#define WIRE_MAX        16
#define TSO_MSS         700
#define TSO_PAYLOAD     2000    /* three segments */
#define VLAN_TCI        0xA123  /* PCP 5, VID 0x123, DEI 0: the NIC does not carry DEI */

enum { OL_IP = 1, OL_UDP = 2, OL_TCP = 4, OL_TSO = 8, OL_VLAN = 16 };

/* the offload sets: each alone, then combined (VLAN is added to each below) */
static const unsigned int ol_sets[] = {
	0, OL_IP, OL_UDP, OL_TCP, OL_IP | OL_UDP, OL_IP | OL_TCP, OL_TSO | OL_TCP,
	OL_TSO | OL_TCP | OL_IP,
};

static struct dp_port port;
static uint8_t wire[WIRE_MAX][FRAME_MAX];
static uint32_t wire_len[WIRE_MAX];

/* A canonical IPv4 frame, checksums right: TCP (with PSH|FIN) or UDP, payload i * 7 + k. */
static uint32_t
ref_frame(uint8_t *f, bool tcp, uint32_t payload, uint8_t k)
{
	struct rte_ether_hdr *eh = (struct rte_ether_hdr *)f;
	struct rte_ipv4_hdr *ip = (struct rte_ipv4_hdr *)(eh + 1);
	uint32_t l4 = tcp ? sizeof(struct rte_tcp_hdr) : sizeof(struct rte_udp_hdr);
	uint32_t len = sizeof(*eh) + sizeof(*ip) + l4 + payload, i;
	uint8_t *p = (uint8_t *)(ip + 1) + l4;

	memset(f, 0, sizeof(*eh) + sizeof(*ip) + l4);
	memset(&eh->dst_addr, 0xFF, RTE_ETHER_ADDR_LEN);
	memset(&eh->src_addr, 0x02, RTE_ETHER_ADDR_LEN);
	eh->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
	ip->version_ihl = RTE_IPV4_VHL_DEF;
	ip->total_length = rte_cpu_to_be_16((uint16_t)(len - sizeof(*eh)));
	ip->packet_id = rte_cpu_to_be_16(0x1000 + k);
	ip->time_to_live = 64;
	ip->next_proto_id = tcp ? IPPROTO_TCP : IPPROTO_UDP;
	ip->src_addr = rte_cpu_to_be_32(0x0A000001);
	ip->dst_addr = rte_cpu_to_be_32(0x0A000002);
	for (i = 0; i < payload; i++)
		p[i] = (uint8_t)(i * 7 + k);
	if (tcp) {
		struct rte_tcp_hdr *th = (struct rte_tcp_hdr *)(ip + 1);

		th->src_port = rte_cpu_to_be_16(1234);
		th->dst_port = rte_cpu_to_be_16(80);
		th->sent_seq = rte_cpu_to_be_32(0xFFFFF000u + k);    /* wraps in TSO */
		th->data_off = 5 << 4;
		th->tcp_flags = RTE_TCP_PSH_FLAG | RTE_TCP_FIN_FLAG | RTE_TCP_ACK_FLAG;
		th->rx_win = rte_cpu_to_be_16(8192);
		th->cksum = rte_ipv4_udptcp_cksum(ip, th);
	} else {
		struct rte_udp_hdr *uh = (struct rte_udp_hdr *)(ip + 1);

		uh->src_port = rte_cpu_to_be_16(1234);
		uh->dst_port = rte_cpu_to_be_16(4321);
		uh->dgram_len = rte_cpu_to_be_16((uint16_t)(l4 + payload));
		uh->dgram_cksum = rte_ipv4_udptcp_cksum(ip, uh);
	}
	ip->hdr_checksum = rte_ipv4_cksum(ip);
	return len;
}

/* The tag after the addresses, as VLAN insertion puts it (hardware.md 4.3 VTAG). */
static uint32_t
ref_tag(uint8_t *f, uint32_t len)
{
	memmove(f + 16, f + 12, len - 12);
	f[12] = 0x81;
	f[13] = 0x00;
	f[14] = VLAN_TCI >> 8;
	f[15] = VLAN_TCI & 0xFF;
	return len + 4;
}

/* Segment i of n of the canonical TCP frame f (hdr bytes of headers), as TSO makes it. */
static uint32_t
ref_tso_seg(const uint8_t *f, uint32_t len, uint32_t i, uint32_t n, uint8_t *out)
{
	const uint32_t hdr = sizeof(struct rte_ether_hdr) + sizeof(struct rte_ipv4_hdr) +
			     sizeof(struct rte_tcp_hdr);
	uint32_t off = i * TSO_MSS, plen = RTE_MIN((uint32_t)TSO_MSS, len - hdr - off);
	struct rte_ipv4_hdr *ip = (struct rte_ipv4_hdr *)(out + sizeof(struct rte_ether_hdr));
	struct rte_tcp_hdr *th = (struct rte_tcp_hdr *)(ip + 1);

	memcpy(out, f, hdr);
	memcpy(out + hdr, f + hdr + off, plen);
	ip->total_length = rte_cpu_to_be_16((uint16_t)(hdr - sizeof(struct rte_ether_hdr) +
						       plen));
	ip->packet_id = rte_cpu_to_be_16((uint16_t)(rte_be_to_cpu_16(ip->packet_id) + i));
	ip->hdr_checksum = 0;
	ip->hdr_checksum = rte_ipv4_cksum(ip);
	th->sent_seq = rte_cpu_to_be_32(rte_be_to_cpu_32(th->sent_seq) + off);
	if (i + 1 != n)
		th->tcp_flags &= (uint8_t)~(RTE_TCP_PSH_FLAG | RTE_TCP_FIN_FLAG);
	th->cksum = 0;
	th->cksum = rte_ipv4_udptcp_cksum(ip, th);
	return hdr + plen;
}

/* An mbuf chain of k segments holding f, the last taking the rest. */
static struct rte_mbuf *
chain(const uint8_t *f, uint32_t len, unsigned int k)
{
	struct rte_mbuf *head = NULL, *seg;
	uint32_t part = len / k, off = 0;
	unsigned int i;

	for (i = 0; i < k; i++) {
		uint32_t n = i + 1 == k ? len - off : part;

		seg = rte_pktmbuf_alloc(port.mp);
		if (seg == NULL || rte_pktmbuf_append(seg, (uint16_t)n) == NULL) {
			rte_pktmbuf_free(seg);
			rte_pktmbuf_free(head);
			return NULL;
		}
		memcpy(rte_pktmbuf_mtod(seg, void *), f + off, n);
		off += n;
		if (head == NULL) {
			head = seg;
		} else if (rte_pktmbuf_chain(head, seg) != 0) {
			rte_pktmbuf_free(seg);
			rte_pktmbuf_free(head);
			return NULL;
		}
	}
	return head;
}

/* Takes what the port transmitted: want frames within 1 s; returns how many came. */
static unsigned int
wire_take(unsigned int want)
{
	uint64_t deadline = qtt_now_ms() + 1000;
	unsigned int n = 0;
	size_t l;

	while (n < want && qtt_now_ms() < deadline) {
		l = qt_sim_tx_pop(port.sim, wire[n % WIRE_MAX], FRAME_MAX);
		if (l == 0) {
			rte_eth_tx_done_cleanup(port.id, 0, 0);
			qtt_sleep_us(50);
			continue;
		}
		wire_len[n % WIRE_MAX] = (uint32_t)l;
		n++;
	}
	/* and nothing more */
	qtt_sleep_us(200);
	while (qt_sim_tx_pop(port.sim, wire[0], 0) != 0)
		n++;
	return n;
}

/* Back to the start: Tx completions freed, the looped-back frames received and freed. */
static int
settle(unsigned int in_use)
{
	uint64_t deadline = qtt_now_ms() + 1000;

	do {
		rte_eth_tx_done_cleanup(port.id, 0, 0);
		dp_drain(port.id, 1);
		if (dp_in_use(&port) == in_use)
			return 0;
	} while (qtt_now_ms() < deadline);
	fprintf(stderr, "    pool: %u in use, %u at the start\n", dp_in_use(&port), in_use);
	return -1;
}

static int
cmp_wire(unsigned int i, const uint8_t *want, uint32_t len, const char *what)
{
	uint32_t j;

	if (wire_len[i] != len) {
		fprintf(stderr, "    %s: frame %u is %u bytes on the wire, want %u\n", what, i,
			wire_len[i], len);
		return -1;
	}
	for (j = 0; j < len; j++)
		if (wire[i][j] != want[j]) {
			fprintf(stderr, "    %s: frame %u byte %u is 0x%02x, want 0x%02x\n", what,
				i, j, wire[i][j], want[j]);
			return -1;
		}
	return 0;
}

/* One packet with the offloads ol on k segments: tx_prepare passes it, the wire carries
 * what the reference says, the pool is whole again.
 */
static int
one_case(unsigned int ol, unsigned int k, unsigned int in_use)
{
	static uint8_t f[FRAME_MAX], want[FRAME_MAX];
	bool tcp = (ol & (OL_TCP | OL_TSO)) != 0;
	uint32_t len, n = 1, i, wl;
	struct rte_mbuf *m;
	char what[64];
	uint8_t *l4;

	snprintf(what, sizeof(what), "offloads 0x%x, %u segments", ol, k);
	len = ref_frame(f, tcp, (ol & OL_TSO) ? TSO_PAYLOAD : 40 + 37 * k, (uint8_t)k);
	m = chain(f, len, k);
	QT_ASSERT(m != NULL, "%s: alloc", what);
	/* what the offloads fill in is left wrong in the mbuf */
	l4 = rte_pktmbuf_mtod_offset(m, uint8_t *, 0);
	m->l2_len = RTE_ETHER_HDR_LEN;
	m->l3_len = sizeof(struct rte_ipv4_hdr);
	m->l4_len = tcp ? sizeof(struct rte_tcp_hdr) : sizeof(struct rte_udp_hdr);
	if (ol & (OL_IP | OL_UDP | OL_TCP | OL_TSO))
		m->ol_flags |= RTE_MBUF_F_TX_IPV4;
	if (ol & OL_IP)
		m->ol_flags |= RTE_MBUF_F_TX_IP_CKSUM;
	if (ol & OL_UDP)
		m->ol_flags |= RTE_MBUF_F_TX_UDP_CKSUM;
	if (ol & OL_TCP)
		m->ol_flags |= RTE_MBUF_F_TX_TCP_CKSUM;
	if (ol & OL_TSO) {
		m->ol_flags |= RTE_MBUF_F_TX_TCP_SEG;
		m->tso_segsz = TSO_MSS;
		n = (TSO_PAYLOAD + TSO_MSS - 1) / TSO_MSS;
	}
	if (ol & OL_VLAN) {
		m->ol_flags |= RTE_MBUF_F_TX_VLAN;
		m->vlan_tci = VLAN_TCI;
	}
	if (m->data_len >= 26 && (ol & OL_IP))
		l4[24] = l4[25] = 0;    /* IPv4 header checksum, when in the first segment */
	QT_ASSERT(rte_eth_tx_prepare(port.id, 0, &m, 1) == 1, "%s: tx_prepare: %s", what,
		  rte_strerror(rte_errno));
	QT_ASSERT_EQ(dp_send(port.id, &m, 1), 1);
	QT_ASSERT(wire_take(n) == n, "%s: %u frames on the wire, want %u", what,
		  wire_take(0), n);
	for (i = 0; i < n; i++) {
		wl = (ol & OL_TSO) ? ref_tso_seg(f, len, i, n, want) : len;
		if ((ol & OL_TSO) == 0)
			memcpy(want, f, len);
		if (ol & OL_VLAN)
			wl = ref_tag(want, wl);
		QT_CHECK(cmp_wire(i, want, wl, what));
	}
	QT_CHECK(settle(in_use));
	return 0;
}

static int
matrix(bool fast_free)
{
	const struct dp_cfg c = {
		.name = TC_NAME,
		.tx_offloads = RTE_ETH_TX_OFFLOAD_VLAN_INSERT | RTE_ETH_TX_OFFLOAD_IPV4_CKSUM |
			       RTE_ETH_TX_OFFLOAD_UDP_CKSUM | RTE_ETH_TX_OFFLOAD_TCP_CKSUM |
			       RTE_ETH_TX_OFFLOAD_TCP_TSO | RTE_ETH_TX_OFFLOAD_MULTI_SEGS |
			       (fast_free ? RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE : 0),
		.nb_mbufs = 4096,
		.buf_size = 4096 + RTE_PKTMBUF_HEADROOM,
	};
	struct rte_eth_dev_info info;
	unsigned int s, v, k, in_use, cases = 0;

	QT_CHECK(dp_port_up(&c, &port));
	dp_knobs_clear(port.sim);
	/* the matrix covers what the port advertises, no more and no less */
	QT_ASSERT_EQ(rte_eth_dev_info_get(port.id, &info), 0);
	QT_ASSERT_EQ(info.tx_offload_capa, c.tx_offloads | RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE);
	qt_sim_tx_capture(port.sim, true);
	in_use = dp_in_use(&port);
	for (s = 0; s < RTE_DIM(ol_sets); s++)
		for (v = 0; v < 2; v++)
			for (k = 1; k <= SEGS_MAX; k++) {
				QT_CHECK(one_case(ol_sets[s] | (v ? OL_VLAN : 0), k, in_use));
				cases++;
			}
	printf("    %u cases, fast free %s\n", cases, fast_free ? "on" : "off");
	QT_ASSERT_EQ(dp_violations(&port), 0);
	qt_sim_tx_capture(port.sim, false);
	QT_CHECK(dp_port_down(&port));
	return 0;
}

QT_EAL_TEST(eal_tx_conf, offloads_chains_fast_free)
{
	return matrix(true);
}

QT_EAL_TEST(eal_tx_conf, offloads_chains)
{
	return matrix(false);
}

/* Runts of 1..18 segments (the padding takes the 19th PBL entry) leave as 60 bytes, the
 * padding zero.
 */
QT_EAL_TEST(eal_tx_conf, runts_padded)
{
	const struct dp_cfg c = { .name = TC_NAME,
				  .tx_offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS };
	static uint8_t f[64];
	struct rte_mbuf *m;
	unsigned int k, in_use;
	uint32_t i;

	QT_CHECK(dp_port_up(&c, &port));
	qt_sim_tx_capture(port.sim, true);
	in_use = dp_in_use(&port);
	for (k = 1; k < SEGS_MAX; k++) {
		memset(f, 0, sizeof(f));
		memset(f, 0xFF, 6);
		memset(f + 6, 0x02, 6);
		f[12] = 0x88;
		f[13] = 0xB5;
		for (i = 14; i < 40; i++)
			f[i] = (uint8_t)(i + k);
		m = chain(f, 40 > k ? 40 : k, k);
		QT_ASSERT(m != NULL, "alloc");
		QT_ASSERT_EQ(rte_eth_tx_prepare(port.id, 0, &m, 1), 1);
		QT_ASSERT_EQ(dp_send(port.id, &m, 1), 1);
		QT_ASSERT_EQ(wire_take(1), 1);
		QT_CHECK(cmp_wire(0, f, 60, "runt"));
		QT_CHECK(settle(in_use));
	}
	qt_sim_tx_capture(port.sim, false);
	QT_CHECK(dp_port_down(&port));
	return 0;
}

/* ---- malformed requests: refused by tx_prepare, dropped by tx_burst ---- */

enum bad { BAD_V6_TSO, BAD_DOFF2, BAD_L4_LEN, BAD_MSS0, BAD_NO_LENS, BAD_EMPTY, BAD_ONE_BYTE,
	   BAD_EMPTY_SEG, BAD_20_SEGS, BAD_COUNT };

static struct rte_mbuf *
bad_request(enum bad b)
{
	static uint8_t f[FRAME_MAX];
	uint32_t len = ref_frame(f, true, TSO_PAYLOAD, 1);
	struct rte_mbuf *m, *s;

	if (b == BAD_V6_TSO) {
		f[12] = 0x86;   /* the frame says IPv6 */
		f[13] = 0xDD;
	}
	if (b == BAD_DOFF2)
		f[14 + 20 + 12] = 2 << 4;
	m = chain(f, b == BAD_EMPTY ? 1 : b == BAD_ONE_BYTE ? 1 : len,
		  b == BAD_20_SEGS ? 20 : 2);
	if (m == NULL)
		return NULL;
	m->l2_len = b == BAD_NO_LENS ? 0 : RTE_ETHER_HDR_LEN;
	m->l3_len = b == BAD_NO_LENS ? 0 : sizeof(struct rte_ipv4_hdr);
	m->l4_len = b == BAD_DOFF2 ? 8 : b == BAD_L4_LEN ? 32 :
		    b == BAD_NO_LENS ? 0 : sizeof(struct rte_tcp_hdr);
	m->ol_flags = RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_TCP_CKSUM |
		      (b == BAD_V6_TSO ? RTE_MBUF_F_TX_IPV6 : RTE_MBUF_F_TX_IPV4);
	m->tso_segsz = b == BAD_MSS0 ? 0 : TSO_MSS;
	if (b == BAD_EMPTY) {
		m->pkt_len = 0;
		m->data_len = 0;
		m->ol_flags = 0;
	}
	if (b == BAD_ONE_BYTE)
		m->ol_flags = 0;
	if (b == BAD_EMPTY_SEG) {
		s = rte_pktmbuf_alloc(port.mp);
		if (s == NULL || rte_pktmbuf_chain(m, s) != 0) {
			rte_pktmbuf_free(s);
			rte_pktmbuf_free(m);
			return NULL;
		}
	}
	return m;
}

QT_EAL_TEST(eal_tx_conf, malformed_dropped)
{
	const struct dp_cfg c = { .name = TC_NAME,
				  .tx_offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS |
						 RTE_ETH_TX_OFFLOAD_TCP_TSO |
						 RTE_ETH_TX_OFFLOAD_TCP_CKSUM };
	static uint8_t good[FRAME_MAX];
	struct rte_mbuf *m[2];
	struct rte_eth_stats st;
	unsigned int b, in_use;
	uint32_t glen;

	QT_CHECK(dp_port_up(&c, &port));
	dp_knobs_clear(port.sim);
	qt_sim_tx_capture(port.sim, true);
	QT_ASSERT_EQ(rte_eth_stats_reset(port.id), 0);
	in_use = dp_in_use(&port);
	for (b = 0; b < BAD_COUNT; b++) {
		m[0] = bad_request(b);
		QT_ASSERT(m[0] != NULL, "alloc %u", b);
		rte_errno = 0;
		QT_ASSERT(rte_eth_tx_prepare(port.id, 0, m, 1) == 0 && rte_errno != 0,
			  "bad request %u passed tx_prepare", b);
		/* then without tx_prepare, followed by a good frame: only that one leaves */
		glen = ref_frame(good, false, 100 + b, (uint8_t)b);
		m[1] = chain(good, glen, 1);
		QT_ASSERT(m[1] != NULL, "alloc");
		QT_ASSERT_EQ(dp_send(port.id, m, 2), 2);
		QT_ASSERT(wire_take(1) == 1, "bad request %u: not one frame on the wire", b);
		QT_CHECK(cmp_wire(0, good, glen, "after a bad request"));
		QT_CHECK(settle(in_use));
	}
	QT_ASSERT_EQ(rte_eth_stats_get(port.id, &st), 0);
	QT_ASSERT_EQ(st.oerrors, BAD_COUNT);
	QT_ASSERT_EQ(st.opackets, BAD_COUNT);
	QT_ASSERT_EQ(dp_xstat(port.id, "tx_bad_packets_dropped"), BAD_COUNT);
	QT_ASSERT_EQ(dp_violations(&port), 0);
	qt_sim_tx_capture(port.sim, false);
	QT_CHECK(dp_port_down(&port));
	return 0;
}
