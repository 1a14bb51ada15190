/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The one place that chooses the burst functions, at probe and again at each dev_start
 * (the offloads are known by then), as ixgbe and i40e choose theirs: a vector path needs
 * the CPU's flag (SSE4.2, AVX2) and the EAL's SIMD limit (--force-max-simd-bitwidth,
 * rte_vect_get_max_simd_bitwidth: 128 for SSE, 256 for AVX2) and offloads it handles; the
 * datapath devarg asks for one path or leaves it to this (auto, the widest allowed).
 * A secondary process takes what its primary chose, limited by its own CPU and EAL.
 */

#include <rte_cpuflags.h>
#include <rte_vect.h>

#include "qt2025_vec.h"

#define RX_OL_GOOD (RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_GOOD)
#define RX_PT_L3 (RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4)

/*
 * The vector Rx burst's rows, by val1 >> 28 (VTAG, PKT_ID, hardware.md 4.6), as the scalar
 * burst reads them: PKT_ID non-zero without an error bit is IPv4 with both checksums
 * right, 1 TCP, 2 UDP; VTAG a tag stripped (rows of a queue that puts tags back are never
 * used: such descriptors go to the scalar burst).
 */
void
qt2025_rxq_vec_init(struct qt2025_rxq *q)
{
	static const uint32_t ptype[8] = {
		[0] = RTE_PTYPE_L2_ETHER,
		[TN40_RXD_PKT_TCP] = RX_PT_L3 | RTE_PTYPE_L4_TCP,
		[TN40_RXD_PKT_UDP] = RX_PT_L3 | RTE_PTYPE_L4_UDP,
		[3 ... 7] = RX_PT_L3,
	};
	unsigned int k;

	for (k = 0; k < 16; k++) {
		q->vec_mbuf[k].w[0] = q->rearm;
		q->vec_mbuf[k].w[1] = ((k & 7) != 0 ? RX_OL_GOOD : 0) |
				    ((k & 8) != 0 ? RTE_MBUF_F_RX_VLAN |
				     RTE_MBUF_F_RX_VLAN_STRIPPED : 0);
		q->vec_mbuf[k].w[2] = ptype[k & 7];
		q->vec_mbuf[k].w[3] = 0;
	}
}

/* Tx offloads the vector burst does not take on: the port then uses the scalar one. */
#define TX_SCALAR_ONLY (RTE_ETH_TX_OFFLOAD_TCP_TSO | RTE_ETH_TX_OFFLOAD_MULTI_SEGS)

const char *
qt2025_path_name(enum qt2025_path p)
{
	switch (p) {
	case QT2025_PATH_SSE:
		return "sse";
	case QT2025_PATH_AVX2:
		return "avx2";
	case QT2025_PATH_SCALAR:
		return "scalar";
	default:
		return "auto";
	}
}

/* The widest path this CPU and the EAL allow. */
static enum qt2025_path
path_max(void)
{
#if defined(RTE_ARCH_X86) && defined(QT2025_WITH_VEC)
	uint16_t bits = rte_vect_get_max_simd_bitwidth();

	if (bits >= RTE_VECT_SIMD_256 && rte_cpu_get_flag_enabled(RTE_CPUFLAG_AVX2) == 1)
		return QT2025_PATH_AVX2;
	if (bits >= RTE_VECT_SIMD_128 && rte_cpu_get_flag_enabled(RTE_CPUFLAG_SSE4_2) == 1)
		return QT2025_PATH_SSE;
#endif
	return QT2025_PATH_SCALAR;
}

static eth_rx_burst_t
rx_fn(enum qt2025_path p)
{
#ifdef QT2025_WITH_VEC
	if (p == QT2025_PATH_AVX2)
		return qt2025_recv_pkts_avx2;
	if (p == QT2025_PATH_SSE)
		return qt2025_recv_pkts_sse;
#endif
	RTE_SET_USED(p);
	return qt2025_recv_pkts;
}

static eth_tx_burst_t
tx_fn(enum qt2025_path p)
{
#ifdef QT2025_WITH_VEC
	if (p == QT2025_PATH_AVX2)
		return qt2025_xmit_pkts_avx2;
	if (p == QT2025_PATH_SSE)
		return qt2025_xmit_pkts_sse;
#endif
	RTE_SET_USED(p);
	return qt2025_xmit_pkts;
}

void
qt2025_bursts_select(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	enum qt2025_path want = (enum qt2025_path)ad->args.datapath, max = path_max(), rx, tx;
	uint64_t tx_ol = dev->data->dev_conf.txmode.offloads;
	const struct qt2025_txq *txq = dev->data->nb_tx_queues > 0 ?
				       dev->data->tx_queues[0] : NULL;
	unsigned int i;

	if (rte_eal_process_type() != RTE_PROC_PRIMARY) {
		rx = ad->rx_path > max ? max : (enum qt2025_path)ad->rx_path;
		tx = ad->tx_path > max ? max : (enum qt2025_path)ad->tx_path;
		dev->rx_pkt_burst = rx_fn(rx);
		dev->tx_pkt_burst = tx_fn(tx);
		return;
	}
	if (want == QT2025_PATH_AUTO) {
		want = max;
	} else if (want > max && ad->path_warned != want) {
		ad->path_warned = want;
		QT_DRV_LOG(WARNING, ad, "datapath=%s: this CPU or the EAL's SIMD limit (%u bits) "
			   "allows %s at most: %s used", qt2025_path_name(want),
			   rte_vect_get_max_simd_bitwidth(), qt2025_path_name(max),
			   qt2025_path_name(max));
	}
	rx = want > max ? max : want;
	for (i = 0; i < dev->data->nb_rx_queues; i++)
		if (dev->data->rx_queues[i] != NULL)
			qt2025_rxq_vec_init(dev->data->rx_queues[i]);
	tx = rx;
	if (txq != NULL)
		tx_ol |= txq->offloads;
	if (tx != QT2025_PATH_SCALAR && (tx_ol & TX_SCALAR_ONLY) != 0)
		tx = QT2025_PATH_SCALAR;        /* TSO and chains: the scalar burst */
	dev->rx_pkt_burst = rx_fn(rx);
	dev->tx_pkt_burst = tx_fn(tx);
	if (ad->rx_path != rx || ad->tx_path != tx)
		QT_DRV_LOG(INFO, ad, "datapath: Rx %s, Tx %s%s", qt2025_path_name(rx),
			   qt2025_path_name(tx), tx != rx ? " (Tx offloads TSO or multi-segment "
			   "ask for the scalar burst)" : "");
	ad->rx_path = (uint8_t)rx;
	ad->tx_path = (uint8_t)tx;
}

static int
burst_mode(enum qt2025_path p, struct rte_eth_burst_mode *mode)
{
	snprintf(mode->info, sizeof(mode->info), "%s",
		 p == QT2025_PATH_AVX2 ? "Vector AVX2" : p == QT2025_PATH_SSE ? "Vector SSE" :
		 "Scalar");
	return 0;
}

int
qt2025_rx_burst_mode_get(struct rte_eth_dev *dev, uint16_t qid,
			 struct rte_eth_burst_mode *mode)
{
	eth_rx_burst_t f = dev->rx_pkt_burst;

	RTE_SET_USED(qid);
	return burst_mode(f == qt2025_recv_pkts ? QT2025_PATH_SCALAR :
			  f == rx_fn(QT2025_PATH_AVX2) ? QT2025_PATH_AVX2 : QT2025_PATH_SSE, mode);
}

int
qt2025_tx_burst_mode_get(struct rte_eth_dev *dev, uint16_t qid,
			 struct rte_eth_burst_mode *mode)
{
	eth_tx_burst_t f = dev->tx_pkt_burst;

	RTE_SET_USED(qid);
	return burst_mode(f == qt2025_xmit_pkts ? QT2025_PATH_SCALAR :
			  f == tx_fn(QT2025_PATH_AVX2) ? QT2025_PATH_AVX2 : QT2025_PATH_SSE, mode);
}
