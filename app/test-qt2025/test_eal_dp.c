/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Helpers of the datapath suites (test_eal_dp.h).
 */

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <ethdev_driver.h>
#include <rte_bus_vdev.h>
#include <rte_cpuflags.h>
#include <rte_ip.h>
#include <rte_tcp.h>
#include <rte_udp.h>
#include <rte_vect.h>

#include "qt_sim.h"
#include "test_eal_dp.h"
#include "test_eal_util.h"

/* The burst mode a datapath devarg gives: AVX2 falls back to SSE where the CPU or the EAL's
 * SIMD limit says no (said once).
 */
static const char *
dp_path_mode(const char *path)
{
	static bool told;

	if (strcmp(path, "scalar") == 0)
		return "Scalar";
	if (strcmp(path, "avx2") == 0 && rte_cpu_get_flag_enabled(RTE_CPUFLAG_AVX2) == 1 &&
	    rte_vect_get_max_simd_bitwidth() >= RTE_VECT_SIMD_256)
		return "Vector AVX2";
	if (strcmp(path, "avx2") == 0 && !told) {
		told = true;
		printf("    datapath=avx2: this CPU or the EAL allows SSE at most: SSE checked\n");
	}
	return "Vector SSE";
}

int
dp_path_check(uint16_t port, uint64_t tx_offloads)
{
	const char *path = getenv("QT2025_DATAPATH"), *rx_want, *tx_want;
	struct rte_eth_burst_mode rx = { .info = "" }, tx = { .info = "" };

	if (path == NULL || path[0] == '\0')
		return 0;
	rx_want = dp_path_mode(path);
	tx_want = (tx_offloads & (RTE_ETH_TX_OFFLOAD_TCP_TSO | RTE_ETH_TX_OFFLOAD_MULTI_SEGS)) ?
		  "Scalar" : rx_want;
	if (rte_eth_rx_burst_mode_get(port, 0, &rx) != 0 ||
	    rte_eth_tx_burst_mode_get(port, 0, &tx) != 0 ||
	    strcmp(rx.info, rx_want) != 0 || strcmp(tx.info, tx_want) != 0) {
		fprintf(stderr, "    QT2025_DATAPATH=%s: bursts Rx \"%s\", Tx \"%s\"; expected "
			"\"%s\", \"%s\"\n", path, rx.info, tx.info, rx_want, tx_want);
		return -1;
	}
	return 0;
}

int
dp_port_up(const struct dp_cfg *c, struct dp_port *p)
{
	struct rte_eth_conf conf;
	char pool[RTE_MEMPOOL_NAMESIZE];
	static unsigned int pools;
	int rc;

	memset(p, 0, sizeof(*p));
	snprintf(pool, sizeof(pool), "dp_pool_%u", pools++);
	p->mp = rte_pktmbuf_pool_create(pool, c->nb_mbufs != 0 ? c->nb_mbufs : 8192, 0, 0,
					c->buf_size != 0 ? c->buf_size :
					RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	if (p->mp == NULL) {
		fprintf(stderr, "    pool: %s\n", rte_strerror(rte_errno));
		return -1;
	}
	if (qtt_port_create(c->name, c->args != NULL ? c->args : DP_ARGS, &p->id) != 0)
		goto fail_pool;
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.offloads = c->rx_offloads;
	conf.txmode.offloads = c->tx_offloads;
	conf.intr_conf.lsc = 1;
	conf.intr_conf.rxq = c->rxq_intr;
	rc = rte_eth_dev_configure(p->id, 1, 1, &conf);
	if (rc == 0 && c->mtu != 0)
		rc = rte_eth_dev_set_mtu(p->id, c->mtu);
	if (rc == 0)
		rc = rte_eth_rx_queue_setup(p->id, 0, c->nb_rxd != 0 ? c->nb_rxd : 512,
					    SOCKET_ID_ANY, NULL, p->mp);
	if (rc == 0)
		rc = rte_eth_tx_queue_setup(p->id, 0, c->nb_txd != 0 ? c->nb_txd : 512,
					    SOCKET_ID_ANY, NULL);
	if (rc == 0)
		rc = rte_eth_dev_start(p->id);
	if (rc != 0) {
		fprintf(stderr, "    port %s: set-up failed: %d\n", c->name, rc);
		goto fail_port;
	}
	p->sim = qtt_sim(p->id);
	if (dp_path_check(p->id, c->tx_offloads) != 0)
		goto fail_port;
	if (!c->no_wait && qtt_wait_link(p->id, 1, c->link_ms != 0 ? c->link_ms : 5000) != 0)
		goto fail_port;
	return 0;
fail_port:
	qtt_port_destroy(p->id);
fail_pool:
	rte_mempool_free(p->mp);
	p->mp = NULL;
	return -1;
}

int
dp_port_down(struct dp_port *p)
{
	int rc = qtt_port_destroy(p->id);

	rte_mempool_free(p->mp);
	p->mp = NULL;
	return rc;
}

struct rte_mbuf *
dp_frame(struct rte_mempool *mp, const uint8_t *dst, uint16_t len, uint8_t seed)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(mp);
	struct rte_ether_hdr *eh;
	uint8_t *b;
	uint16_t i;

	if (m == NULL || rte_pktmbuf_append(m, len) == NULL) {
		rte_pktmbuf_free(m);
		return NULL;
	}
	b = rte_pktmbuf_mtod(m, uint8_t *);
	eh = (struct rte_ether_hdr *)b;
	if (dst != NULL)
		memcpy(&eh->dst_addr, dst, RTE_ETHER_ADDR_LEN);
	else
		memset(&eh->dst_addr, 0xFF, RTE_ETHER_ADDR_LEN);
	memset(&eh->src_addr, 0x02, RTE_ETHER_ADDR_LEN);
	eh->ether_type = rte_cpu_to_be_16(0x88B5);
	for (i = sizeof(*eh); i < len; i++)
		b[i] = (uint8_t)(seed + i);
	return m;
}

struct rte_mbuf *
dp_ip_frame(struct rte_mempool *mp, uint8_t proto, uint16_t len, bool csum)
{
	struct rte_mbuf *m = dp_frame(mp, NULL, len, 0x5A);
	struct rte_ether_hdr *eh;
	struct rte_ipv4_hdr *ip;
	uint16_t l4len;

	if (m == NULL)
		return NULL;
	eh = rte_pktmbuf_mtod(m, struct rte_ether_hdr *);
	eh->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
	ip = (struct rte_ipv4_hdr *)(eh + 1);
	memset(ip, 0, sizeof(*ip));
	ip->version_ihl = RTE_IPV4_VHL_DEF;
	ip->total_length = rte_cpu_to_be_16(len - sizeof(*eh));
	ip->time_to_live = 64;
	ip->next_proto_id = proto;
	ip->src_addr = rte_cpu_to_be_32(0xC0A80001);
	ip->dst_addr = rte_cpu_to_be_32(0xC0A80002);
	l4len = len - sizeof(*eh) - sizeof(*ip);
	if (proto == IPPROTO_UDP) {
		struct rte_udp_hdr *u = (struct rte_udp_hdr *)(ip + 1);

		u->src_port = rte_cpu_to_be_16(1024);
		u->dst_port = rte_cpu_to_be_16(4789);
		u->dgram_len = rte_cpu_to_be_16(l4len);
		u->dgram_cksum = 0;
		if (csum)
			u->dgram_cksum = rte_ipv4_udptcp_cksum(ip, u);
	} else {
		struct rte_tcp_hdr *t = (struct rte_tcp_hdr *)(ip + 1);

		memset(t, 0, sizeof(*t));
		t->src_port = rte_cpu_to_be_16(1024);
		t->dst_port = rte_cpu_to_be_16(80);
		t->sent_seq = rte_cpu_to_be_32(1);
		t->data_off = (sizeof(*t) / 4) << 4;
		t->tcp_flags = RTE_TCP_ACK_FLAG;
		t->rx_win = rte_cpu_to_be_16(512);
		if (csum)
			t->cksum = rte_ipv4_udptcp_cksum(ip, t);
	}
	if (csum)
		ip->hdr_checksum = rte_ipv4_cksum(ip);
	m->l2_len = sizeof(*eh);
	m->l3_len = sizeof(*ip);
	return m;
}

uint16_t
dp_send(uint16_t port, struct rte_mbuf **m, uint16_t n)
{
	uint64_t deadline = qtt_now_ms() + 1000;
	uint16_t sent = 0;

	while (sent < n && qtt_now_ms() < deadline) {
		uint16_t k = rte_eth_tx_burst(port, 0, m + sent, n - sent);

		sent += k;
		if (k == 0)
			qtt_sleep_us(10);
	}
	return sent;
}

uint16_t
dp_recv(uint16_t port, struct rte_mbuf **m, uint16_t want, unsigned int timeout_ms)
{
	uint64_t deadline = qtt_now_ms() + timeout_ms;
	uint16_t got = 0;

	while (got < want && qtt_now_ms() < deadline) {
		uint16_t k = rte_eth_rx_burst(port, 0, m + got, RTE_MIN(want - got, 32));

		got += k;
		if (k == 0)
			qtt_sleep_us(10);
	}
	return got;
}

unsigned int
dp_drain(uint16_t port, unsigned int ms)
{
	uint64_t deadline = qtt_now_ms() + ms;
	struct rte_mbuf *m[32];
	unsigned int total = 0;

	while (qtt_now_ms() < deadline) {
		uint16_t k = rte_eth_rx_burst(port, 0, m, RTE_DIM(m));

		total += k;
		dp_free(m, k);
		if (k == 0)
			qtt_sleep_us(50);
	}
	return total;
}

void
dp_free(struct rte_mbuf **m, uint16_t n)
{
	uint16_t i;

	for (i = 0; i < n; i++)
		rte_pktmbuf_free(m[i]);
}

int
dp_check_frame(const struct rte_mbuf *m, uint16_t len, uint8_t seed)
{
	const uint8_t *b = rte_pktmbuf_mtod(m, const uint8_t *);
	uint16_t i;

	if (m->pkt_len != len || m->data_len != len || m->nb_segs != 1) {
		fprintf(stderr, "    frame of %u bytes (data %u, %u segs), expected %u\n",
			m->pkt_len, m->data_len, m->nb_segs, len);
		return -1;
	}
	for (i = sizeof(struct rte_ether_hdr); i < len; i++)
		if (b[i] != (uint8_t)(seed + i)) {
			fprintf(stderr, "    byte %u of %u is 0x%02x, expected 0x%02x\n", i, len,
				b[i], (uint8_t)(seed + i));
			return -1;
		}
	return 0;
}

unsigned int
dp_in_use(const struct dp_port *p)
{
	return rte_mempool_in_use_count(p->mp);
}

/* ---- more helpers of the later datapath suites ---- */

struct qt2025_rxq *
dp_rxq(uint16_t port)
{
	return rte_eth_devices[port].data->rx_queues[0];
}

struct qt2025_txq *
dp_txq(uint16_t port)
{
	return rte_eth_devices[port].data->tx_queues[0];
}

int
dp_traffic(const struct dp_port *p, unsigned int n, uint16_t len, uint8_t seed)
{
	struct rte_mbuf *m[32], *r[32];
	unsigned int done = 0, i;
	uint16_t k, got;

	while (done < n) {
		k = (uint16_t)RTE_MIN(n - done, RTE_DIM(m));
		for (i = 0; i < k; i++) {
			m[i] = dp_frame(p->mp, NULL, len, (uint8_t)(seed + done + i));
			if (m[i] == NULL) {
				dp_free(m, (uint16_t)i);
				fprintf(stderr, "    traffic: no mbuf after %u frames\n", done);
				return -1;
			}
		}
		if (dp_send(p->id, m, k) != k) {
			fprintf(stderr, "    traffic: frame %u not sent (%s)\n", done,
				qtt_sim_reason(p->sim));
			return -1;
		}
		got = dp_recv(p->id, r, k, 1000);
		for (i = 0; i < got; i++)
			if (dp_check_frame(r[i], RTE_MAX(len, 60),
					   (uint8_t)(seed + done + i)) != 0) {
				fprintf(stderr, "    traffic: frame %u of %u\n", done + i, n);
				dp_free(r, got);
				return -1;
			}
		dp_free(r, got);
		if (got != k) {
			fprintf(stderr, "    traffic: %u of frames %u..%u received (%s)\n", got,
				done, done + k - 1, qtt_sim_reason(p->sim));
			return -1;
		}
		done += k;
	}
	return rte_eth_tx_done_cleanup(p->id, 0, 0) >= 0 ? 0 : -1;
}

uint64_t
dp_xstat(uint16_t port, const char *name)
{
	uint64_t v = 0;

	if (qtt_xstat(port, name, &v) != 0)
		fprintf(stderr, "    port %u has no xstat %s\n", port, name);
	return v;
}

uint64_t
dp_violations(const struct dp_port *p)
{
	struct qt_sim_obs o;

	qt_sim_observe(p->sim, &o);
	if (o.violations != 0)
		fprintf(stderr, "    model: %" PRIu64 " violations: %s\n", o.violations,
			o.fail_reason);
	return o.violations;
}

uint64_t
dp_rx_handled(const struct dp_port *p)
{
	struct qt_sim_obs o;

	qt_sim_observe(p->sim, &o);
	return o.rx_frames + o.rx_drop_disabled + o.rx_drop_filter + o.rx_drop_too_long +
	       o.rx_drop_runt + o.rx_drop_crc + o.rx_drop_no_rxf + o.rx_drop_rxd_full +
	       o.rx_drop_buf_small + o.rx_drop_wire;
}

uint16_t
dp_raw_frame(uint8_t *b, const uint8_t *dst, int vid, uint16_t len, uint8_t seed)
{
	uint16_t i, h = 12;

	memcpy(b, dst, 6);
	memset(b + 6, 0x02, 6);
	if (vid >= 0) {
		b[h++] = 0x81;
		b[h++] = 0x00;
		b[h++] = (uint8_t)(vid >> 8);
		b[h++] = (uint8_t)vid;
	}
	b[h++] = 0x88;
	b[h++] = 0xB5;
	for (i = h; i < len; i++)
		b[i] = (uint8_t)(seed + i);
	return len;
}

/* The frame as delivered: bytes equal, or equal but for a tag stripped into the mbuf. */
static int
inject_match(const struct rte_mbuf *r, const uint8_t *f, uint16_t len)
{
	const uint8_t *b = rte_pktmbuf_mtod(r, const uint8_t *);
	bool tagged = len >= 18 && f[12] == 0x81 && f[13] == 0;

	if ((r->ol_flags & RTE_MBUF_F_RX_VLAN_STRIPPED) && tagged) {
		if (r->pkt_len != len - 4u || r->vlan_tci != (f[14] << 8 | f[15]) ||
		    memcmp(b, f, 12) != 0 || memcmp(b + 12, f + 16, len - 16) != 0)
			return -1;
		return 0;
	}
	return r->pkt_len == len && r->data_len == len && memcmp(b, f, len) == 0 ? 0 : -1;
}

int
dp_inject_expect(const struct dp_port *p, const uint8_t *f, uint16_t len, bool delivered)
{
	uint64_t before = dp_rx_handled(p), deadline = qtt_now_ms() + 1000;
	struct rte_mbuf *r[4];
	uint16_t got = 0;
	int rc = 0;

	if (qt_sim_wire_inject(p->sim, f, len) != 0) {
		fprintf(stderr, "    inject of %u bytes refused\n", len);
		return -1;
	}
	/* until the model has handled it, then 5 ms more for the driver to see it */
	while (qtt_now_ms() < deadline && got == 0) {
		got = rte_eth_rx_burst(p->id, 0, r, RTE_DIM(r));
		if (got == 0 && dp_rx_handled(p) > before) {
			qtt_sleep_ms(5);
			got = rte_eth_rx_burst(p->id, 0, r, RTE_DIM(r));
			break;
		}
		if (got == 0)
			qtt_sleep_us(20);
	}
	if (dp_rx_handled(p) == before) {
		fprintf(stderr, "    the model never handled the injected frame\n");
		rc = -1;
	} else if (got != (delivered ? 1 : 0)) {
		fprintf(stderr, "    %u-byte frame to %02x:..:%02x: %u delivered, expected %u\n",
			len, f[0], f[5], got, delivered);
		rc = -1;
	} else if (delivered && inject_match(r[0], f, len) != 0) {
		fprintf(stderr, "    %u-byte frame delivered as %u bytes (flags 0x%" PRIx64
			"), not as sent\n", len, r[0]->pkt_len, r[0]->ol_flags);
		rc = -1;
	}
	dp_free(r, got);
	return rc;
}

void
dp_knobs_clear(struct qt_sim *sim)
{
	qt_sim_set_fault(sim, QT_SIM_FAULT_RX_BAD_CRC, 0);
	qt_sim_set_fault(sim, QT_SIM_FAULT_RX_BAD_L4_CSUM, 0);
	qt_sim_set_fault(sim, QT_SIM_FAULT_RXF_STARVE, 0);
	qt_sim_set_fault(sim, QT_SIM_FAULT_TXF_SLOW, 0);
	qt_sim_set_fault(sim, QT_SIM_FAULT_RXD_SPLIT, 0);
}
