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
	unsigned int link_ms;           /* link wait; 0: 5000 (a new card downloads ~2 s) */
};

/* QT2025_DATAPATH set (scalar, sse, avx2): 0 when the port's bursts are that path's
 * (rte_eth_*_burst_mode_get), -1 with a message otherwise; 0 when unset.
 */
int dp_path_check(uint16_t port, uint64_t tx_offloads);

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

/* ---- more helpers of the later datapath suites ---- */

struct qt2025_rxq;
struct qt2025_txq;
/* The driver's queue 0 structures, to see its FIFO positions (in-process only). */
struct qt2025_rxq *dp_rxq(uint16_t port);
struct qt2025_txq *dp_txq(uint16_t port);

/* n frames of len >= 60 bytes (seeds seed, seed + 1, ...) out through the loopback plug and
 * back, in order and byte for byte; Tx completions reclaimed. 0, or -1 with a message.
 */
int dp_traffic(const struct dp_port *p, unsigned int n, uint16_t len, uint8_t seed);
/* One xstat by name (0 and a message when the port has none). */
uint64_t dp_xstat(uint16_t port, const char *name);
/* The model's strictness violations since create (0 is the only right answer). */
uint64_t dp_violations(const struct dp_port *p);
/* The model's frames dropped for any reason plus delivered: grows once a frame is handled. */
uint64_t dp_rx_handled(const struct dp_port *p);
/* Injects a raw frame at the port's receiver (as from the wire) and checks what the driver
 * makes of it: delivered (one frame, bytes equal but for a tag stripped into the mbuf) or
 * not (the model handled it, nothing arrives). 0 or -1 with a message.
 */
int dp_inject_expect(const struct dp_port *p, const uint8_t *f, uint16_t len, bool delivered);
/* A raw frame: dst, src 02:02:.., optional 802.1Q tag (vid < 0: none), type 0x88B5,
 * payload bytes i + seed; returns len.
 */
uint16_t dp_raw_frame(uint8_t *buf, const uint8_t *dst, int vid, uint16_t len, uint8_t seed);

/* Turns every datapath fault knob of the model off: a card keeps its knobs while its name
 * lives on, and cases of one suite share a card (each new card downloads PHY firmware).
 */
void dp_knobs_clear(struct qt_sim *sim);

#endif /* TEST_EAL_DP_H */
