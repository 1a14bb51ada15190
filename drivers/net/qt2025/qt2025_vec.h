/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The burst functions of each datapath (scalar in qt2025_rx.c and qt2025_tx.c, SSE4.2 and
 * AVX2 in qt2025_rx_vec.c and qt2025_tx_vec.c, each built twice) and the one place that
 * chooses among them (qt2025_vec_select.c).
 *
 * The vector bursts take the common case only: well-formed RXDs with a fresh mbuf for each,
 * single-segment Tx packets with checksum or VLAN requests. The first descriptor or packet
 * outside it ends their loop and the scalar burst takes the rest of the burst, so that every
 * hostile case has one implementation.
 */

#ifndef QT2025_VEC_H
#define QT2025_VEC_H

#include "qt2025_rxtx.h"

/* The datapath devarg's values, in the order of its choices. */
enum qt2025_path {
	QT2025_PATH_AUTO = 0,
	QT2025_PATH_SCALAR,
	QT2025_PATH_SSE,
	QT2025_PATH_AVX2,
};
#define QT2025_PATH_CHOICES "auto|scalar|sse|avx2"

uint16_t qt2025_recv_pkts_sse(void *rxq, struct rte_mbuf **pkts, uint16_t n);
uint16_t qt2025_recv_pkts_avx2(void *rxq, struct rte_mbuf **pkts, uint16_t n);
uint16_t qt2025_xmit_pkts_sse(void *txq, struct rte_mbuf **pkts, uint16_t n);
uint16_t qt2025_xmit_pkts_avx2(void *txq, struct rte_mbuf **pkts, uint16_t n);

/* Chooses the Rx and Tx bursts from the datapath devarg, the CPU, the EAL's SIMD limit and
 * the offloads configured, sets them in dev and logs the choice once per change.
 */
void qt2025_bursts_select(struct rte_eth_dev *dev);
/* The vector Rx burst's rows of q (vec_mbuf), from its rearm word. */
void qt2025_rxq_vec_init(struct qt2025_rxq *q);
/* The name of a path ("scalar", "sse", "avx2"). */
const char *qt2025_path_name(enum qt2025_path p);
int qt2025_rx_burst_mode_get(struct rte_eth_dev *dev, uint16_t qid,
			     struct rte_eth_burst_mode *mode);
int qt2025_tx_burst_mode_get(struct rte_eth_dev *dev, uint16_t qid,
			     struct rte_eth_burst_mode *mode);

#endif /* QT2025_VEC_H */
