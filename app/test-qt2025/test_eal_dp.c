/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Helpers of the datapath suites (test_eal_dp.h).
 */

#include <stdio.h>
#include <string.h>

#include <rte_bus_vdev.h>
#include <rte_ip.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "qt_sim.h"
#include "test_eal_dp.h"
#include "test_eal_util.h"

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
	if (!c->no_wait && qtt_wait_link(p->id, 1, 5000) != 0)
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
