/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * eal_dp_paths: which burst functions a port runs (the datapath devarg, the CPU, the EAL's
 * SIMD limit, the Tx offloads), and bursts that mix what a vector burst takes on with what
 * it hands to the scalar one, in one call, on each path. The other datapath suites run on
 * each path through QT2025_DATAPATH (meson suite "paths").
 */

#include <rte_cpuflags.h>
#include <rte_vect.h>

#include "qt_test.h"
#include "test_eal_dp.h"
#include "test_eal_util.h"

QT_EAL_SUITE(eal_dp_paths, NULL, NULL);

static struct dp_port port;

static bool
have(enum rte_cpu_flag_t flag, uint16_t bits)
{
	return rte_cpu_get_flag_enabled(flag) == 1 && rte_vect_get_max_simd_bitwidth() >= bits;
}

/* A port with args and tx offloads; its Rx and Tx burst modes compared with rx, tx. */
static int
modes(const char *args, uint64_t tx_ol, const char *rx, const char *tx)
{
	const struct dp_cfg c = { .name = "net_qt2025_sim_p0", .args = args,
				  .tx_offloads = tx_ol, .no_wait = true };
	struct rte_eth_burst_mode r = { .info = "" }, t = { .info = "" };
	int rc = 0;

	if (dp_port_up(&c, &port) != 0)
		return -1;
	if (rte_eth_rx_burst_mode_get(port.id, 0, &r) != 0 ||
	    rte_eth_tx_burst_mode_get(port.id, 0, &t) != 0 || strcmp(r.info, rx) != 0 ||
	    strcmp(t.info, tx) != 0) {
		fprintf(stderr, "    %s: Rx \"%s\", Tx \"%s\"; expected \"%s\", \"%s\"\n", args,
			r.info, t.info, rx, tx);
		rc = -1;
	}
	dp_port_down(&port);
	return rc;
}

QT_EAL_TEST(eal_dp_paths, selection)
{
	const char *best = have(RTE_CPUFLAG_AVX2, RTE_VECT_SIMD_256) ? "Vector AVX2" :
			   have(RTE_CPUFLAG_SSE4_2, RTE_VECT_SIMD_128) ? "Vector SSE" : "Scalar";
	const char *sse = have(RTE_CPUFLAG_SSE4_2, RTE_VECT_SIMD_128) ? "Vector SSE" : "Scalar";
	uint16_t bits = rte_vect_get_max_simd_bitwidth();

	if (getenv("QT2025_DATAPATH") != NULL) {
		printf("    QT2025_DATAPATH set: this case sets the devarg itself; skipped\n");
		return 0;
	}
	QT_CHECK(modes(DP_ARGS ",datapath=scalar", 0, "Scalar", "Scalar"));
	QT_CHECK(modes(DP_ARGS ",datapath=sse", 0, sse, sse));
	QT_CHECK(modes(DP_ARGS ",datapath=auto", 0, best, best));
	QT_CHECK(modes(DP_ARGS, 0, best, best));
	/* TSO or chains configured: the scalar Tx burst, the vector Rx one */
	QT_CHECK(modes(DP_ARGS, RTE_ETH_TX_OFFLOAD_MULTI_SEGS, best, "Scalar"));
	QT_CHECK(modes(DP_ARGS ",datapath=avx2", RTE_ETH_TX_OFFLOAD_TCP_TSO |
		       RTE_ETH_TX_OFFLOAD_TCP_CKSUM | RTE_ETH_TX_OFFLOAD_IPV4_CKSUM, best,
		       "Scalar"));
	/* the EAL's limit (--force-max-simd-bitwidth does the same): AVX2 asked, SSE given */
	if (rte_vect_set_max_simd_bitwidth(RTE_VECT_SIMD_128) == 0) {
		int rc = modes(DP_ARGS ",datapath=avx2", 0, sse, sse);

		rc |= modes(DP_ARGS, 0, sse, sse);
		rte_vect_set_max_simd_bitwidth(bits);
		QT_CHECK(rc);
		QT_ASSERT_EQ(rte_vect_set_max_simd_bitwidth(RTE_VECT_SIMD_DISABLED), 0);
		rc = modes(DP_ARGS ",datapath=sse", 0, "Scalar", "Scalar");
		rte_vect_set_max_simd_bitwidth(bits);
		QT_CHECK(rc);
	} else {
		printf("    the EAL's SIMD limit was forced on the command line: not changed\n");
	}
	return 0;
}

/* Frame k of mixed(): lengths and segment counts that a vector burst takes on (one segment,
 * 60 bytes or more) and that it does not (runts, chains without MULTI_SEGS configured).
 */
static const struct {
	uint16_t len;
	uint16_t segs;
} mix[] = {
	{ 60, 1 }, { 1514, 1 }, { 128, 2 }, { 100, 1 }, { 30, 1 }, { 64, 1 }, { 600, 3 },
	{ 61, 1 }, { 14, 1 }, { 1000, 1 }, { 256, 4 }, { 60, 1 },
};

static struct rte_mbuf *
mixed_frame(unsigned int k)
{
	struct rte_mbuf *head = dp_frame(port.mp, NULL, mix[k].len, (uint8_t)(k * 7)), *seg;
	uint16_t each = mix[k].len / mix[k].segs, i;

	if (head == NULL || mix[k].segs == 1)
		return head;
	head->data_len = each;
	for (i = 1; i < mix[k].segs; i++) {
		uint16_t n = i + 1 < mix[k].segs ? each : mix[k].len - each * i;

		seg = rte_pktmbuf_alloc(port.mp);
		if (seg == NULL || rte_pktmbuf_append(seg, n) == NULL) {
			rte_pktmbuf_free(seg);
			rte_pktmbuf_free(head);
			return NULL;
		}
		memcpy(rte_pktmbuf_mtod(seg, void *),
		       rte_pktmbuf_mtod_offset(head, uint8_t *, each * i), n);
		head->pkt_len -= n;
		if (rte_pktmbuf_chain(head, seg) != 0) {
			rte_pktmbuf_free(seg);
			rte_pktmbuf_free(head);
			return NULL;
		}
	}
	return head;
}

/* One burst of the mix, 40 times: every frame back in order, byte for byte, the pool whole. */
QT_EAL_TEST(eal_dp_paths, mixed_bursts)
{
	const struct dp_cfg c = { .name = "net_qt2025_sim_p1",
				  .tx_offloads = RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE };
	struct rte_mbuf *m[RTE_DIM(mix)], *r[RTE_DIM(mix)];
	unsigned int in_use, round, k;

	QT_CHECK(dp_port_up(&c, &port));
	in_use = dp_in_use(&port);
	for (round = 0; round < 40; round++) {
		for (k = 0; k < RTE_DIM(mix); k++) {
			m[k] = mixed_frame(k);
			QT_ASSERT(m[k] != NULL, "frame %u", k);
		}
		QT_ASSERT_EQ(rte_eth_tx_burst(port.id, 0, m, RTE_DIM(mix)), RTE_DIM(mix));
		QT_ASSERT(dp_recv(port.id, r, RTE_DIM(mix), 1000) == RTE_DIM(mix),
			  "round %u: frames missing", round);
		for (k = 0; k < RTE_DIM(mix); k++) {
			QT_ASSERT_EQ(r[k]->nb_segs, 1);
			if (mix[k].len < 60)    /* padded by the driver (runt_padded) */
				QT_ASSERT_EQ(r[k]->pkt_len, 60);
			else
				QT_CHECK(dp_check_frame(r[k], mix[k].len, (uint8_t)(k * 7)));
		}
		dp_free(r, RTE_DIM(mix));
	}
	/* completions come when the model says (one cleanup frees what TXF said last) */
	for (k = 0; k < 100 && dp_in_use(&port) != in_use; k++) {
		QT_ASSERT(rte_eth_tx_done_cleanup(port.id, 0, 0) >= 0, "tx_done_cleanup");
		rte_delay_us_sleep(10000);
	}
	QT_ASSERT_EQ(dp_in_use(&port), in_use);
	QT_CHECK(dp_port_down(&port));
	return 0;
}
