/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Private to the NIC half of the model (sim_core.c, sim_mac.c, sim_trace.c, sim_clock.c,
 * sim_mdio.c, sim_nic_fw.c and the datapath: sim_dma*.c, sim_frame.c, sim_wire.c): the
 * layout of struct qt_sim and the model's own register map, written from the hardware
 * note; the datapath's state is in sim_dma.h. The QT2025 half only sees sim_internal.h.
 * Every function here runs with the model lock held, except the lock functions themselves.
 */

#ifndef SIM_NIC_H
#define SIM_NIC_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "sim_dma.h"
#include "sim_internal.h"

#define SIM_BAR0_SIZE		0x10000u

/* Registers the model gives meaning to (hardware.md 3). */
#define SIM_MAC_LNK_STAT	0x0200u	/* bit 2 = MAC link (hardware.md 3.4) */
#define SIM_MAC_LNK_BIT		0x4u
#define SIM_FW_VER		0x5010u	/* NIC firmware version, once it runs (hardware.md 3.2) */
#define SIM_FW_VER_VAL		0x00030617u	/* model choice: the real value is unknown */
#define SIM_BLNK_LED		0x0210u	/* identification LED, 4 = on (hardware.md 3.4) */
#define SIM_ETHSD_REFCLK	0x1010u	/* 0x217 10G family, 0x613 1G (hardware.md 3.6) */
#define SIM_ETHSD_INIT_STAT	0x1014u	/* 0x43 start, bit 9 ready, 0x3 finish (hardware.md 6.3) */
#define SIM_MAC_RST_CNT		0x111Cu	/* 0x7FF then 0: MAC reset pulse (hardware.md 3.6) */
#define SIM_UNC_MAC0		0x1250u	/* factory MAC bytes 4,5 (hardware.md 3.4) */
#define SIM_UNC_MAC1		0x1260u	/* bytes 2,3 */
#define SIM_UNC_MAC2		0x1270u	/* bytes 0,1 */
#define SIM_TXD_CFG1		0x4000u	/* FIFO registers of queue 0 (hardware.md 3.1) */
#define SIM_TXD_CFG0		0x4040u
#define SIM_TXD_WPTR		0x4080u
#define SIM_TXD_RPTR		0x40C0u
#define SIM_PTR_MASK		0x7FF8u
#define SIM_CLKPLL		0x5000u	/* bit 0 SFTRST, 8 RSTEND, 9 PLLLKD (hardware.md 3.3) */
#define SIM_CLKPLL_SFTRST	0x1u
#define SIM_CLKPLL_LOCKED	0x300u
#define SIM_SROM_VER		0x5020u
#define SIM_FPGA_VER		0x5030u
#define SIM_ISR			0x5100u	/* 3.8, 12.3 */
#define SIM_IMR			0x5110u
#define SIM_ISR_MSK0		0x5140u
#define SIM_INIT_SEMAPHORE	0x5170u
#define SIM_INIT_STATUS		0x5180u
#define SIM_CTRLST		0x6008u	/* 0xC13 link up, 0x800 link down (hardware.md 3.5) */
#define SIM_MDIO_CMD_STAT	0x6030u	/* section 5 */
#define SIM_MDIO_CMD		0x6034u
#define SIM_MDIO_DATA		0x6038u
#define SIM_MDIO_ADDR		0x603Cu
#define SIM_MDIO_CMD_READ	0x8000u	/* MDIO_CMD bit 15: starts a read frame */
#define SIM_PCS_CTRL		0x6300u	/* 0x0400 10G, 0x1140 1G (hardware.md 3.5) */
#define SIM_RST_PORT		0x7000u	/* 3.7 */
#define SIM_DIS_PORT		0x7010u
#define SIM_RST_QU		0x7020u
#define SIM_DIS_QU		0x7030u

#define SIM_IR_LNKCHG0		0x08000000u	/* 3.8 */

#define SIM_TRACE_LEN		65536u
#define SIM_REASON_LEN		160

/* The MDIO controller (hardware.md 5, 12.1). */
struct sim_mdio {
	uint32_t clk;                   /* MDIO_CMD_STAT setting as written */
	uint32_t cmd;                   /* MDIO_CMD as written */
	uint32_t addr;                  /* MDIO_ADDR as written */
	uint16_t data;                  /* read data of the last completed read frame */
	bool err;                       /* MDIO_CMD_STAT bit 1 */
	/* the frame on the wire */
	bool in_flight;
	uint8_t kind;                   /* enum sim_mdio_frame in sim_mdio.c */
	uint8_t prtad, devad;
	uint16_t reg;                   /* register the PHY's address pointer held */
	uint16_t val;                   /* read result or written value */
	bool ferr;                      /* the frame ends with ERR */
	uint64_t end_ns;
	/* the controller's view of each PHY's per-MMD address pointer, for the trace */
	uint16_t ptr[32][32];
	/* fault knobs */
	bool stuck;
	uint32_t err_n;                 /* MDIO_ERROR: frames left that end with ERR */
	bool err_after_armed;           /* MDIO_ERROR_AFTER */
	uint32_t err_after_n;
	uint64_t frames;
};

/* The NIC firmware engine behind the TXD FIFO (hardware.md 4.8, 12.4). */
struct sim_nicfw {
	bool failed;                    /* a bad init descriptor was seen */
	bool finish_seen;
	uint64_t done_ns;               /* INIT_STATUS sets at this time */
};

struct qt_sim {
	struct qt_sim_config cfg;       /* cfg.wire points at wire[] */
	char wire[64];
	const struct qt_sim_clock *clock;
	struct sim_phy *phy;
	struct qt_sim *peer;            /* the other port on the wire, or NULL */
	struct qt_sim *next;            /* all instances, for the wire registry */

	uint32_t regs[SIM_BAR0_SIZE / 4];       /* plain storage */

	/* CLKPLL (hardware.md 6.1) */
	bool pll_relock;
	uint64_t pll_lock_ns;
	bool sem_taken;                 /* INIT_SEMAPHORE */
	uint32_t init_status;           /* INIT_STATUS, set by the NIC firmware */

	/* interrupts (hardware.md 12.3) */
	uint32_t pending;
	uint32_t imr;
	bool held;
	bool line;
	bool irq_due;                   /* callback owed once the lock is dropped */
	uint64_t irq_count;

	/* MAC/SerDes speed (hardware.md 6.3, 12.2) */
	bool ethsd_started;
	uint64_t ethsd_ready_ns;
	bool ethsd_done;                /* handshake completed since REFCLK_CONF was written */
	bool mac_rst;                   /* MAC_RST_CNT holds 0x7FF */
	uint32_t mac_speed;

	/* line and link */
	bool cable;
	bool sig_seen;                  /* signal-in and speed last told to the PHY */
	uint32_t speed_seen;
	uint32_t rate_seen;             /* line rate of the light in, as last told */
	bool mac_link;
	uint64_t gen_seen;              /* sim_gen at the last full settle */
	uint64_t due_ns;                /* ... and the next timer then pending (sim_due) */
	uint64_t due_off_mdio_ns;       /* ... the same but the MDIO frame's end */
	uint64_t now_epoch;             /* sim_epoch of now_cache (sim_now) */
	uint64_t now_cache;

	struct sim_mdio mdio;
	struct sim_nicfw nicfw;
	struct sim_dma dma;
	uint64_t violations;

	/* trace and fail reason */
	struct qt_sim_trace_entry *trace;
	uint32_t trace_head;
	uint32_t trace_count;
	bool trace_on;
	bool trace_rw;
	bool trace_wr;          /* writes but those starting MDIO frames (qt_sim_trace_writes) */
	char reason[SIM_REASON_LEN];
};

#define SIM_REG(sim, off)	((sim)->regs[(off) / 4])

/* sim_core.c: the model lock. sim_lock/sim_unlock only guard; sim_enter also brings this
 * port and its peer up to now, and sim_leave drops the lock, then runs the interrupt
 * callbacks owed to both.
 */
void sim_lock(void);
void sim_unlock(void);
void sim_enter(struct qt_sim *sim);
void sim_leave(struct qt_sim *sim);
/* The same for an entry of the datapath (queue registers, qt_sim_dma_step): the line is
 * evaluated only when something else ran or a timer fell due since it last was.
 */
void sim_enter_dp(struct qt_sim *sim);
void sim_settle_dp(struct qt_sim *sim);
extern uint64_t sim_epoch;      /* one per hold of the model lock (sim_core.c) */

/* sim_trace.c */
/* sim_violation with a printf-style reason: snprintf's own checks cover the format */
#define sim_violationf(sim, ...) do { \
	char sim_reason_[SIM_REASON_LEN]; \
	snprintf(sim_reason_, sizeof(sim_reason_), __VA_ARGS__); \
	sim_violation(sim, sim_reason_); \
} while (0)
void sim_trace_at(struct qt_sim *sim, uint64_t t_ns, enum qt_sim_trace_kind kind,
		  uint8_t prtad, uint8_t mmd, uint16_t reg, uint32_t off, uint32_t val);

/* sim_mac.c: PLL, semaphore, interrupts, resets, MAC speed and link. rd/wr return false for
 * offsets that are not theirs.
 */
void sim_mac_power_on(struct qt_sim *sim);
bool sim_mac_rd(struct qt_sim *sim, uint32_t off, uint32_t *val);
bool sim_mac_wr(struct qt_sim *sim, uint32_t off, uint32_t val);
void sim_mac_advance(struct qt_sim *sim, uint64_t now);
/* Sets the MAC link from the line and the MAC speed; a change raises LNKCHG0. */
void sim_mac_link_eval(struct qt_sim *sim);
/* Sends the MSI owed to a rising interrupt condition (callback run by sim_leave). */
void sim_irq_eval(struct qt_sim *sim);

/* sim_mdio.c: rd/wr return false for offsets that are not MDIO registers. */
void sim_mdio_reset(struct qt_sim *sim);
bool sim_mdio_rd(struct qt_sim *sim, uint32_t off, uint32_t *val);
bool sim_mdio_wr(struct qt_sim *sim, uint32_t off, uint32_t val);
void sim_mdio_advance(struct qt_sim *sim, uint64_t now);
void sim_mdio_set_fault(struct qt_sim *sim, enum qt_sim_fault fault, uint32_t arg);

/* sim_nic_fw.c: a descriptor of the init stream starts at TXD offset pos (word0, word1)
 * with avail bytes published: returns the bytes the NIC consumes, 0 to wait for the rest
 * of the descriptor, avail to drain a failed stream.
 */
uint32_t sim_nicfw_desc(struct qt_sim *sim, uint32_t pos, uint32_t w0, uint32_t w1,
			uint32_t avail);
void sim_nicfw_advance(struct qt_sim *sim, uint64_t now);
void sim_nicfw_soft_reset(struct qt_sim *sim);

/* sim_dma.c: the FIFO registers, counters, resets, knobs and when the engines run. */
int sim_dma_init(struct qt_sim *sim);
void sim_dma_fini(struct qt_sim *sim);
bool sim_dma_rd(struct qt_sim *sim, uint32_t off, uint32_t *val);
bool sim_dma_wr(struct qt_sim *sim, uint32_t off, uint32_t val);
/* RST_QU / RST_PORT / DIS_QU / DIS_PORT asserted: the engines stand still (hardware.md 3.7, 12.1).
 */
bool sim_dma_halted(struct qt_sim *sim);
/* RST_QU or RST_PORT asserted: internal FIFO positions and engine state start afresh. */
void sim_dma_reset(struct qt_sim *sim);
/* Runs the engines if register accesses may (not manual_dma, or the init stream). */
void sim_dma_settle(struct qt_sim *sim);
void sim_dma_set_fault(struct qt_sim *sim, enum qt_sim_fault fault, uint32_t arg);
void sim_dma_observe(struct qt_sim *sim, struct qt_sim_obs *out);
/* The ring of a FIFO, mapped on first use after a CFG write; NULL (violation) if not.
 * Inline: the engines ask for it several times a frame.
 */
uint8_t *sim_fifo_map(struct qt_sim *sim, enum sim_fifo_id id);
static inline uint8_t *
sim_fifo_ring(struct qt_sim *sim, enum sim_fifo_id id)
{
	uint8_t *mem = sim->dma.fifo[id].mem;

	return mem != NULL ? mem : sim_fifo_map(sim, id);
}

/* Every descriptor access wraps modulo the ring size (hardware.md 4.2). */
static inline void
sim_fifo_read(const struct sim_fifo *f, uint32_t pos, void *dst, uint32_t len)
{
	uint32_t n = len < f->size - pos ? len : f->size - pos;

	memcpy(dst, f->mem + pos, n);
	if (n < len)
		memcpy((uint8_t *)dst + n, f->mem, len - n);
}

static inline void
sim_fifo_write(struct sim_fifo *f, uint32_t pos, const void *src, uint32_t len)
{
	uint32_t n = len < f->size - pos ? len : f->size - pos;

	memcpy(f->mem + pos, src, n);
	if (n < len)
		memcpy(f->mem, (const uint8_t *)src + n, len - n);
}
/* A packet buffer named by a descriptor; NULL (violation naming what) if unmapped. */
void *sim_dma_buf(struct qt_sim *sim, uint64_t iova, uint32_t len, const char *what);
uint64_t sim_now_ps(struct qt_sim *sim);

/* sim_dma_tx.c: TXD consumption (init stream and packets), TXF completions. Returns the
 * number of descriptors and completions handled.
 */
unsigned int sim_tx_run(struct qt_sim *sim);
/* sim_dma_rx.c: frames that have arrived, through filters into RXF buffers and RXD. */
unsigned int sim_rx_run(struct qt_sim *sim);

/* sim_frame.c: frame parsing and the offloads (hardware.md 4.3, 4.6). */
uint32_t sim_frame_l2_len(const uint8_t *f, uint32_t len);
void sim_frame_tx_csum(uint8_t *f, uint32_t len);
/* TSO: the length of the Ethernet+IPv4+TCP headers and of the TCP payload; 0 when the
 * frame is not TCP/IPv4.
 */
uint32_t sim_frame_tso_hdr(const uint8_t *f, uint32_t len, uint32_t *payload);
/* Builds segment i of a TSO super-frame into out; returns its length. */
uint32_t sim_frame_tso_seg(const uint8_t *sf, uint32_t len, uint32_t hdr, uint32_t mss,
			   uint32_t i, uint32_t nseg, uint8_t *out);
/* RX checksum check of a frame without its outer tag: PKT_ID and ERR (hardware.md 4.6). */
void sim_frame_rx_csum(const uint8_t *f, uint32_t len, uint32_t *pkt_id, uint32_t *err);
/* Damages the TCP/UDP checksum of a frame; false if it carries none. */
bool sim_frame_break_l4(uint8_t *f, uint32_t len);

/* sim_wire.c: the line between ports, capture, inject and TAP. */
int sim_wire_open(struct qt_sim *sim);
void sim_wire_close(struct qt_sim *sim);
/* The buffer to gather the next transmitted frame (at most len bytes) into. */
uint8_t *sim_wire_tx_begin(struct qt_sim *sim, uint32_t len);
/* Sends the frame gathered by sim_wire_tx_begin, len bytes without FCS. */
void sim_wire_tx_end(struct qt_sim *sim, uint32_t len);
/* Takes frames from a TAP into the receive queue. */
void sim_wire_poll(struct qt_sim *sim);
bool sim_fq_push(struct sim_fq *q, const void *frame, uint32_t len, uint64_t arrive_ps);

#endif /* SIM_NIC_H */
