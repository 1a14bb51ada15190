/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The datapath state of the NIC half of the model: the four FIFOs of queue 0, the TX and RX
 * engines, the wire between ports and the hardware counters (hardware.md 3.1, 3.10, 3.11, 4,
 * 12.4). The model's own descriptor layouts are written here from the note, independently of
 * the driver's (double entry). Embedded in struct qt_sim (sim_nic.h); only sim_nic.h
 * includes this header.
 */

#ifndef SIM_DMA_H
#define SIM_DMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "qt_sim.h"

/* ---- registers of the datapath (hardware.md 3.1, 3.4, 3.5, 3.10, 3.11) ---- */
#define SIM_FIFO_REGS		0x4000u	/* CFG1 x4, CFG0 x4, then 8 pointers, stride 0x10 */
#define SIM_FIFO_REGS_END	0x4100u
#define SIM_GMAC_RXF_A		0x1240u
#define SIM_RXF_OSEN		0x1000u	/* RX enable */
#define SIM_RXF_ACF		0x0040u	/* accept MAC control frames */
#define SIM_RXF_ARUNT		0x0020u
#define SIM_RXF_ACRC		0x0010u
#define SIM_RXF_AM		0x0008u
#define SIM_RXF_AB		0x0004u
#define SIM_RXF_PRM		0x0003u	/* bits 1:0 */
#define SIM_MAX_FRAME_A		0x12C0u	/* bits 13:0 */
#define SIM_VLAN_TABLE		0x1800u	/* + (vid / 32) * 4, bit vid % 32 */
#define SIM_MCST_HASH		0x1A00u	/* 8 registers, 256 bits */
#define SIM_STATS		0x7200u	/* 32 counters, stride 0x10, hi word at +8 */
#define SIM_STATS_END		0x7400u
#define SIM_IR_RX_DESC0		0x00000800u	/* 3.8 */
#define SIM_IR_TX_FREE0		0x00008000u

/* FIFO index = (register offset >> 4) & 3 in the CFG and pointer blocks (hardware.md 3.1) */
enum sim_fifo_id { SIM_TXD = 0, SIM_RXF = 1, SIM_RXD = 2, SIM_TXF = 3 };

/* Counter index = (offset - 0x7200) / 0x10 (hardware.md 3.11). */
enum sim_stat {
	ST_IN_UCAST = 0, ST_IN_MCAST = 1, ST_IN_BCAST = 2, ST_IN_PKTS = 3, ST_IN_ERRORS = 4,
	ST_IN_DROPPED = 5, ST_FRAME_TOO_LONG = 6, ST_IN_VLAN = 8,
	ST_OUT_UCAST = 15, ST_OUT_MCAST = 16, ST_OUT_BCAST = 17, ST_OUT_PKTS = 18,
	ST_OUT_VLAN = 23, ST_IN_UCAST_OCT = 24, ST_OUT_UCAST_OCT = 25,
	ST_IN_BCAST_OCT = 28, ST_OUT_BCAST_OCT = 29, ST_IN_OCT = 30, ST_OUT_OCT = 31,
	ST_COUNT = 32,
};

/* One FIFO as the NIC sees it. Positions are byte offsets below size. */
struct sim_fifo {
	uint64_t base;                  /* CFG1 << 32 | CFG0 & 0xFFFFF000 */
	uint32_t size;                  /* 4096 << (CFG0 & 3) */
	uint8_t *mem;                   /* host view of the ring, mapped once per CFG write */
	uint32_t host;                  /* the host-written pointer (WPTR or RPTR) */
	uint32_t pos;                   /* the NIC's position */
	uint32_t pub;                   /* the NIC-owned pointer register as published */
};

/* A frame travelling on a wire, waiting for its arrival time at the receiver. */
struct sim_wframe {
	uint8_t *buf;
	uint32_t cap;
	uint32_t len;                   /* without FCS */
	uint64_t arrive_ps;
	bool bad_fcs;
};

struct sim_fq {                         /* ring of frames, growing buffers reused */
	struct sim_wframe *f;
	uint32_t n;                     /* slots (power of two) */
	uint32_t head;
	uint32_t count;
};

/* A TXF completion waiting for its write time (slow-completion knob). */
struct sim_txc {
	uint32_t va_lo, va_hi;
	uint64_t due_ns;
};

struct sim_dma {
	struct sim_fifo fifo[4];
	bool tx_stopped;                /* a TX strictness violation: until SW reset */
	bool rx_stopped;                /* an RX strictness violation: until SW reset */
	bool tx_cfg_err;                /* TXD/TXF ring unusable: until a CFG write */
	bool rx_cfg_err;                /* RXF/RXD ring unusable: until a CFG write */
	bool tx_backlog;                /* TX held back by the line rate at the last run */
	uint64_t line_free_ps;          /* when the transmitter's line is free (timing=real) */
	struct sim_txc *txc;            /* pending completions, txc_n slots */
	uint32_t txc_n, txc_head, txc_count;
	bool rxd_split_pending;         /* RXD_SPLIT knob: rest of a descriptor unpublished */
	bool rxd_split_seen;            /* the host read RXD_WPTR since */
	struct sim_fq rxq;              /* frames arriving at this port's receiver */
	struct sim_fq cap;              /* capture of what this port transmits */
	bool capture;
	int tap_fd;                     /* wire=tap:NAME, else -1 */
	uint8_t *scratch;               /* gathered TSO super-frame */
	uint32_t scratch_cap;
	uint8_t *txbuf;                 /* a frame that goes nowhere (no light, TAP) */
	uint32_t txbuf_cap;
	struct sim_wframe *tx_slot;     /* the frame being gathered in the receiver's queue */
	struct qt_sim *tx_far;          /* its receiver */
	uint64_t stats[ST_COUNT];
	/* fault knobs */
	uint32_t bad_crc_n, bad_l4_n;
	bool rxf_starve, rxd_split;
	uint64_t txf_delay_ns;
	/* observation */
	uint64_t tx_frames, tx_descs, tx_lost, rx_frames, drop_disabled, drop_filter, drop_long;
	uint64_t drop_runt, drop_crc, drop_no_rxf, drop_rxd_full, drop_buf_small, drop_wire;
};

/* Descriptors are little-endian (hardware.md 4), whatever the host. */
static inline uint32_t
le32(const uint8_t *b)
{
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	       (uint32_t)b[3] << 24;
}

static inline void
put_le32(uint8_t *b, uint32_t v)
{
	b[0] = (uint8_t)v;
	b[1] = (uint8_t)(v >> 8);
	b[2] = (uint8_t)(v >> 16);
	b[3] = (uint8_t)(v >> 24);
}

#endif /* SIM_DMA_H */
