/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Queues and bursts (qt2025_rx.c, qt2025_tx.c). One Rx and one Tx queue: only queue 0 of
 * the TN40's four FIFO sets is used, as by both reference drivers (hardware.md 3.1).
 *
 * Queues live in memory shared with secondary processes: they hold DMA memory (mapped at
 * the same address in every process), the port id and register offsets, never a pointer of
 * one process. A burst looks its process's register transport up once (qt2025_burst_hw).
 */

#ifndef QT2025_RXTX_H
#define QT2025_RXTX_H

#include <rte_mbuf.h>

#include "qt2025.h"
#include "tn40_desc.h"
#include "tn40_fifo.h"

#define QT2025_RING_MAX         4096    /* descriptors an application may ask for */
#define QT2025_RING_MIN         64
#define QT2025_RXF_MAX          1364    /* buffers the RXF holds at most (hardware.md 4.5) */
#define QT2025_TX_SEG_MAX       TN40_TXD_MAX_PBL
#define QT2025_MIN_FRAME        60      /* runts padded (hardware.md 4.3 SHORT_PKT_FIX) */
#define QT2025_TX_MAX_FRAME     16352   /* FRM_LENGTH (hardware.md 3.5), TSO segments too */
#define QT2025_FIFO_CODE        TN40_FIFO_CODE_32K      /* all four FIFOs, as both drivers */
#define QT2025_FIFO_BYTES       TN40_FIFO_SIZE(QT2025_FIFO_CODE)        /* each ring's */

struct qt2025_queue_stats {
	uint64_t packets;
	uint64_t bytes;
	uint64_t errors;        /* rx: frames the NIC flagged (CRC); tx: dropped by the burst */
	uint64_t nombuf;        /* rx: frames dropped for want of an mbuf (recycled) */
	uint64_t refused;       /* tx: packets tx_prepare refused (handed back, not sent) */
	/* tx: packets counted in packets that did not leave, freed: ... */
	uint64_t stall_drops;   /* ... by a Tx watchdog recovery (the NIC never sent them) */
	uint64_t stall_bytes;
	uint64_t link_down;     /* ... completed while the port reported no link */
	uint64_t link_down_bytes;
};

/* A row of the vector Rx burst's table: an mbuf's 32 bytes from rearm_data, one AVX2 load */
struct __rte_aligned(32) qt2025_vec_row {
	uint64_t w[4];
};

struct qt2025_rxq {
	struct tn40_fifo rxd;           /* NIC-written: received packets */
	struct tn40_fifo rxf;           /* host-written: free buffers */
	struct rte_mempool *mp;
	struct rte_mbuf **bufs;         /* by buffer id (RXF va_lo, echoed in RXD) */
	uint32_t avail;                 /* RXD bytes seen published and not yet read */
	uint64_t rearm;                 /* mbuf rearm_data of a received frame */
	uint16_t nb_bufs;               /* buffers posted: min(nb_desc, QT2025_RXF_MAX) */
	uint16_t nb_desc;
	uint16_t port_id;
	uint16_t queue_id;
	uint16_t buf_len;               /* bytes a buffer takes (RXF len) */
	bool vlan_strip;                /* else the stripped tag is put back (hardware.md 4.7) */
	bool deferred;                  /* rx_deferred_start */
	bool started;                   /* FIFOs programmed, buffers posted (dev_start) */
	bool running;                   /* bursts read it (queue started) */
	struct qt2025_queue_stats st;
	const struct rte_memzone *mz;
	/* vector bursts: by val1 >> 28 (VTAG, PKT_ID), the mbuf's 32 bytes from rearm_data
	 * that do not come from the RXD: rearm, ol_flags, packet_type (qt2025_vec_select.c)
	 */
	struct qt2025_vec_row vec_mbuf[16];
};

struct qt2025_tx_slot {
	struct rte_mbuf *m;
	uint32_t end;                   /* TXD write position after its descriptor */
	uint32_t segs;
};

struct qt2025_txq {
	struct tn40_fifo txd;           /* host-written: packets */
	struct tn40_fifo txf;           /* NIC-written: completions */
	struct qt2025_tx_slot *slots;   /* outstanding packets, in completion order */
	uint16_t nb_slots;              /* power of two */
	uint16_t head;                  /* oldest outstanding */
	uint16_t tail;                  /* next free */
	uint32_t done_end;              /* TXD position after the last completed packet */
	uint32_t txf_avail;             /* TXF bytes seen published and not yet taken */
	uint32_t segs_out;              /* mbufs held: at most nb_desc, as the ring promises */
	uint16_t free_thresh;           /* free when fewer than this many descriptors are left */
	bool fast_free;                 /* MBUF_FAST_FREE: one pool, plain mbufs */
	uint16_t nb_desc;
	uint16_t port_id;
	uint16_t queue_id;
	bool deferred;                  /* tx_deferred_start */
	bool started;                   /* FIFOs programmed (dev_start) */
	bool running;                   /* bursts feed it (queue started) */
	uint64_t offloads;
	rte_iova_t zero_iova;           /* 60 zero bytes for runt padding */
	struct qt2025_queue_stats st;
	const struct rte_memzone *mz;
};

/* qt2025_rx.c */
int qt2025_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
			  unsigned int socket, const struct rte_eth_rxconf *conf,
			  struct rte_mempool *mp);
void qt2025_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid);
/* 0 when buffers of buf_len bytes hold a frame of that MTU, else -EINVAL after the one line
 * that mtu_set, rx_queue_setup and dev_start give.
 */
int qt2025_rx_buf_check(const struct rte_eth_dev *dev, uint16_t mtu, uint32_t buf_len,
			struct rte_mempool *mp);
int qt2025_rx_queue_start(struct rte_eth_dev *dev, uint16_t qid);
int qt2025_rx_queue_stop(struct rte_eth_dev *dev, uint16_t qid);
uint16_t qt2025_recv_pkts(void *rxq, struct rte_mbuf **pkts, uint16_t n);
int qt2025_rx_queue_count(void *rxq);
int qt2025_rx_descriptor_status(void *rxq, uint16_t offset);
/* The FIFOs programmed and the buffers posted (dev_start); the buffers back (dev_stop). */
int qt2025_rxq_hw_start(struct qt2025_rxq *q, struct qt_hw *hw);
void qt2025_rxq_hw_stop(struct qt2025_rxq *q);

/* qt2025_tx.c */
int qt2025_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
			  unsigned int socket, const struct rte_eth_txconf *conf);
void qt2025_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid);
int qt2025_tx_queue_start(struct rte_eth_dev *dev, uint16_t qid);
int qt2025_tx_queue_stop(struct rte_eth_dev *dev, uint16_t qid);
uint16_t qt2025_xmit_pkts(void *txq, struct rte_mbuf **pkts, uint16_t n);
uint16_t qt2025_prep_pkts(void *txq, struct rte_mbuf **pkts, uint16_t n);
int qt2025_tx_done_cleanup(void *txq, uint32_t free_cnt);
int qt2025_tx_descriptor_status(void *txq, uint16_t offset);
/* The n packets from head on completed while the port reported no link (both Tx bursts). */
void qt2025_tx_count_link_down(struct qt2025_txq *q, uint32_t n);
/* qt2025_tx_check.c: 0 when the NIC can carry m out, else -EINVAL or -ENOTSUP */
int qt2025_tx_check(const struct rte_mbuf *m);
void qt2025_txq_hw_start(struct qt2025_txq *q, struct qt_hw *hw);
void qt2025_txq_hw_stop(struct qt2025_txq *q);

/* Burst side: the register transport of this process, or NULL where the port has none
 * (a simulated port seen from a secondary process: its model lives in the primary).
 */
static inline const struct qt_hw *
qt2025_burst_hw(uint16_t port_id)
{
	const struct qt_hw *hw = &qt2025_procs[port_id].hw;

	return likely(hw->bar != NULL || hw->ops != NULL) ? hw : NULL;
}

#endif /* QT2025_RXTX_H */
