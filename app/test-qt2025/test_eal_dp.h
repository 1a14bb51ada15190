/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Helpers of the datapath suites (test_eal_dp*.c): ports with a configuration of their own,
 * frames built byte by byte, bursts with a time limit, and the mbuf count of a pool so that
 * a case can show it leaked nothing.
 */

#ifndef TEST_EAL_DP_H
#define TEST_EAL_DP_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_ethdev.h>
#include <rte_mbuf.h>

struct qt_sim;

#define DP_ARGS "timing=fast,link_poll_ms=50"

struct dp_port {
	uint16_t id;
	struct rte_mempool *mp;
	struct qt_sim *sim;
};

struct dp_cfg {
	const char *name;
	const char *args;               /* NULL: DP_ARGS (loopback plug) */
	uint64_t rx_offloads;
	uint64_t tx_offloads;
	uint16_t nb_rxd;                /* 0: 512 */
	uint16_t nb_txd;
	uint32_t nb_mbufs;              /* 0: 8192 */
	uint16_t buf_size;              /* data room; 0: RTE_MBUF_DEFAULT_BUF_SIZE */
	uint16_t mtu;                   /* 0: leave the default */
	bool rxq_intr;
	bool no_wait;                   /* do not wait for the link */
};

/* Creates, configures (a pool of its own), starts and waits for link. */
int dp_port_up(const struct dp_cfg *cfg, struct dp_port *p);
int dp_port_down(struct dp_port *p);    /* closes it and frees its pool */

/* An Ethernet frame of len bytes to dst (NULL: broadcast) from the port's address,
 * ethertype 0x88B5 (local experimental), payload byte i = seed + i.
 */
struct rte_mbuf *dp_frame(struct rte_mempool *mp, const uint8_t *dst, uint16_t len,
			  uint8_t seed);
/* An IPv4 UDP (proto 17) or TCP (6) frame of len bytes, checksums right, or left 0. */
struct rte_mbuf *dp_ip_frame(struct rte_mempool *mp, uint8_t proto, uint16_t len,
			     bool csum);

/* Sends all n (retrying for up to 1 s); returns how many went. */
uint16_t dp_send(uint16_t port, struct rte_mbuf **m, uint16_t n);
/* Receives until want frames arrived or timeout_ms passed; returns how many. */
uint16_t dp_recv(uint16_t port, struct rte_mbuf **m, uint16_t want, unsigned int timeout_ms);
/* Receives and frees whatever comes for ms. */
unsigned int dp_drain(uint16_t port, unsigned int ms);
void dp_free(struct rte_mbuf **m, uint16_t n);

/* Frame bytes equal to what dp_frame(len, seed) made (after the source address). */
int dp_check_frame(const struct rte_mbuf *m, uint16_t len, uint8_t seed);

unsigned int dp_in_use(const struct dp_port *p);

#endif /* TEST_EAL_DP_H */
