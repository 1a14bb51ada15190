/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Device model of a TN40xx (TN4010) NIC with an AMCC QT2025 SFP+ PHY.
 *
 * Plain C11, no DPDK header and no driver header: the model keeps its own register map,
 * written from doc/hardware.md (section 12 above all), so that a
 * wrong offset or bit in the driver is caught by the model and the other way round.
 *
 * Everything the driver sees goes through qt_sim_rd32()/qt_sim_wr32() on the 64 KiB BAR0
 * register file. Time comes from an injected clock; with the fake clock tests are
 * deterministic and waits cost nothing. All entry points are thread-safe.
 */

#ifndef QT_SIM_H
#define QT_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "qt_sim_variants.h"

#ifdef __cplusplus
extern "C" {
#endif

struct qt_sim;

/* Injected time source. now_ns() is monotonic; sleep_ns() blocks (real clock) or advances
 * the clock (fake clock); spin_ns() busy-waits (real) or advances (fake).
 */
struct qt_sim_clock {
	uint64_t (*now_ns)(void *ctx);
	void (*sleep_ns)(void *ctx, uint64_t ns);
	void (*spin_ns)(void *ctx, uint64_t ns);
	void *ctx;
};

/* The real monotonic clock (CLOCK_MONOTONIC, nanosleep, busy loop). */
const struct qt_sim_clock *qt_sim_real_clock(void);

/* A fake clock: starts at 1 s, moves only when slept/spun on or advanced by the test. */
struct qt_sim_fake_clock {
	uint64_t now;                   /* ns, read and written under the clock's own lock */
	struct qt_sim_clock clock;      /* points at this fake clock; pass &fc.clock */
};
void qt_sim_fake_clock_init(struct qt_sim_fake_clock *fc);
void qt_sim_fake_clock_advance(struct qt_sim_fake_clock *fc, uint64_t ns);

enum qt_sim_timing {
	QT_SIM_TIMING_FAST = 0,         /* MDIO frames and other hardware delays take no time */
	QT_SIM_TIMING_REAL,             /* MDIO frames last their wire time at the set MDC clock */
};

/* SFP module types as the QT2025 firmware reports them in 3.D70C (hardware.md 8.5). */
enum qt_sim_module {
	QT_SIM_MODULE_NONE = 0,
	QT_SIM_MODULE_LRM = 1,
	QT_SIM_MODULE_SR = 2,
	QT_SIM_MODULE_LR = 3,
	QT_SIM_MODULE_DAC = 4,          /* passive direct attach */
	QT_SIM_MODULE_1G_SX = 5,
	QT_SIM_MODULE_1G_LX = 6,
	QT_SIM_MODULE_INVALID = 7,
	QT_SIM_MODULE_1G_CX = 8,
	QT_SIM_MODULE_1G_T = 9,
	QT_SIM_MODULE_ER = 10,
	QT_SIM_MODULE_ACTIVE_DAC = 11,
};

struct qt_sim_config {
	/* Ports created with the same non-empty wire name are cabled together (two at most).
	 * NULL or "" gives a loopback plug: the port receives what it sends.
	 */
	const char *wire;
	enum qt_sim_module module;      /* module in the cage at power-on */
	enum qt_sim_timing timing;
	uint8_t phy_addr;               /* QT2025 MDIO address, 0..31 (the Edimax card uses 1) */
	uint8_t mac[6];                 /* factory MAC address in UNC_MAC0..2 */
	uint32_t boot_ms;               /* 8051 boot time after "run from SRAM"; 0 = 200 ms */
	const struct qt_sim_clock *clock;       /* NULL = qt_sim_real_clock() */

	/* Called, with no model lock held, when the interrupt line asserts (MSI edge):
	 * !held && (pending & IMR) != 0. May be NULL.
	 */
	void (*irq)(void *arg);
	void *irq_arg;

	/* Device DMA: translate a bus address range to host memory, NULL if unmapped.
	 * May be NULL when no ring is ever configured.
	 */
	void *(*dma_map)(void *arg, uint64_t iova, size_t len);
	void *dma_arg;

	struct qt_sim_variants variants;        /* qt_sim_variants.h */
};

/* Creates a powered-on card. Returns NULL (errno set) on bad config, on a wire that already
 * holds two ports (EBUSY), or when out of memory.
 */
struct qt_sim *qt_sim_create(const struct qt_sim_config *cfg);
void qt_sim_destroy(struct qt_sim *sim);

/* BAR0: 32-bit little-endian registers at 4-byte aligned offsets below 0x10000. */
uint32_t qt_sim_rd32(struct qt_sim *sim, uint32_t off);
void qt_sim_wr32(struct qt_sim *sim, uint32_t off, uint32_t val);

/* The model's clock, for the driver's delays on the simulated transport. */
uint64_t qt_sim_now_ns(struct qt_sim *sim);
void qt_sim_sleep_ns(struct qt_sim *sim, uint64_t ns);
void qt_sim_spin_ns(struct qt_sim *sim, uint64_t ns);

/* ---- the outside world: cable, module, link partner ---- */

/* Plugs or pulls this port's cable (or loopback plug). Both ends of a wire see it. */
void qt_sim_set_cable(struct qt_sim *sim, bool plugged);
/* Inserts a module of the given type, or pulls it (QT_SIM_MODULE_NONE). */
void qt_sim_set_module(struct qt_sim *sim, enum qt_sim_module type);
/* The module in the cage (also in struct qt_sim_obs; kept for the vdev's one look). */
enum qt_sim_module qt_sim_module(struct qt_sim *sim);

/* ---- fault knobs ---- */

enum qt_sim_fault {
	QT_SIM_FAULT_MDIO_STUCK_BUSY,   /* arg != 0: BUSY never clears; 0: heals */
	/* arg = number of next MDIO frames that end with the error bit set (read data 0xFFFF, write
	 * not done)
	 */
	QT_SIM_FAULT_MDIO_ERROR,
	QT_SIM_FAULT_MDIO_ERROR_AFTER,  /* arg = n: the frame after the next n frames errors once */
	QT_SIM_FAULT_PHY_ABSENT,        /* arg != 0: no PHY answers at any address */
	QT_SIM_FAULT_WRONG_REVISION,    /* arg = revision byte reported in 1.D001[15:8]; 0 heals */
	QT_SIM_FAULT_FW_NEVER_BOOTS,    /* arg != 0: status stays 0x10 after "run from SRAM" */
	/* arg != 0: the running 8051 crashes now: heartbeat freezes, line goes down; cleared by
	 * holding the 8051
	 */
	QT_SIM_FAULT_HEARTBEAT_STOPS,
	QT_SIM_FAULT_RX_BAD_CRC,        /* arg = the next arg received frames have a bad FCS */
	/* arg = the next arg received TCP/UDP frames arrive with a damaged L4 checksum field */
	QT_SIM_FAULT_RX_BAD_L4_CSUM,
	/* arg != 0: the NIC pops no RXF descriptor: frames are dropped and counted InDropped; 0
	 * heals
	 */
	QT_SIM_FAULT_RXF_STARVE,
	/* arg = ns between sending a packet and writing its TXF descriptor; 0 heals */
	QT_SIM_FAULT_TXF_SLOW,
	/* QT2025C erratum (hardware.md 8.7 bug 17689): the next arg boots run (heartbeat ticking)
	 * with 3.D7FD stuck at 0x00; a restart from RAM (3.E854 0xC0, 0x40) boots again
	 */
	QT_SIM_FAULT_STATUS_STUCK,
	/* QT2025C erratum (hardware.md 8.7 bug 17190): arg != 0: the PCS has no block lock though
	 * PMA and PHY XS are up, until a PMA loopback pulse (1.0000 bit 0 set, then clear)
	 */
	QT_SIM_FAULT_PCS_STUCK,
	/* arg != 0: each RXD descriptor is published in two steps: RXD_WPTR first covers its first
	 * 8 bytes only, the rest at the first engine run after the host read RXD_WPTR; later frames
	 * wait behind it
	 */
	QT_SIM_FAULT_RXD_SPLIT,
	QT_SIM_FAULT_SFP_MIRROR,        /* arg = enum qt_sim_sfp_mirror: what 3.D000+ shows */
	/* arg != 0: the TX engine stops now, as after a TXD it refuses, with no violation: it
	 * takes no TXD until the next SW reset (6.2); 0 does nothing
	 */
	QT_SIM_FAULT_TX_WEDGE,
};
void qt_sim_set_fault(struct qt_sim *sim, enum qt_sim_fault fault, uint32_t arg);

/* The module EEPROM mirror at 3.D000 + n (hardware.md 8.2, UNCERTAIN on TN40 boards): the
 * module's SFF-8472 A0h page while the firmware runs (as the QT2025C does), or a board
 * whose firmware mirrors nothing (reads 0), or one that shows garbage there.
 */
enum qt_sim_sfp_mirror {
	QT_SIM_SFP_MIRROR_PAGE = 0,
	QT_SIM_SFP_MIRROR_NONE,
	QT_SIM_SFP_MIRROR_GARBAGE,
};
#define QT_SIM_SFP_PAGE_LEN 256
/* The A0h page the model gives a module type (zeros for none; type 7 has a bad CC_BASE). */
void qt_sim_sfp_page(enum qt_sim_module m, uint8_t page[QT_SIM_SFP_PAGE_LEN]);

/* ---- datapath (hardware.md 4, 12.4) ---- */

/* Runs this port's DMA engines once: TXD to the wire and TXF, arrived frames to RXF/RXD.
 * Returns the descriptors, completions and frames handled (0: nothing to do). The only way
 * the engines run with manual_dma.
 */
unsigned int qt_sim_dma_step(struct qt_sim *sim);
/* A frame (len bytes, without FCS) arrives at this port's receiver now, as from the wire.
 * Returns 0, or -1 (errno EINVAL) for len 0 or above 65535.
 */
int qt_sim_wire_inject(struct qt_sim *sim, const void *frame, size_t len);
/* While on, keeps a copy of each frame this port transmits (they still go on the wire).
 * Turning it off discards what was kept.
 */
void qt_sim_tx_capture(struct qt_sim *sim, bool on);
/* Takes the oldest captured frame: copies at most max bytes, returns its full length
 * (without FCS), 0 when none is left.
 */
size_t qt_sim_tx_pop(struct qt_sim *sim, void *buf, size_t max);

/* ---- observation, for tests ---- */

enum qt_sim_phy_state {
	QT_SIM_PHY_IDLE,        /* power-on: boot ROM idle, no firmware (status 0x00) */
	QT_SIM_PHY_HELD,        /* 1.C300 = 0 */
	QT_SIM_PHY_RELEASED,    /* 1.C300 = 2 after a hold */
	QT_SIM_PHY_BOOT_ROM,    /* 3.E854 = 0xC0: program memory accepts the download */
	QT_SIM_PHY_BOOTING,     /* 3.E854 = 0x40: status 0x10 for boot_ms */
	QT_SIM_PHY_RUNNING,     /* status 0x70, heartbeat ticking */
	QT_SIM_PHY_FAILED,      /* bad bring-up or image: status stays 0x10, never runs */
	QT_SIM_PHY_CRASHED,     /* heartbeat stopped */
};
const char *qt_sim_phy_state_name(enum qt_sim_phy_state st);

struct qt_sim_obs {
	enum qt_sim_phy_state phy_state;
	/* Why the PHY's current bring-up attempt failed, else the last strictness violation
	 * of the NIC side; copied under the lock; "" when none.
	 */
	char fail_reason[160];
	bool line_up;                   /* PHY receive side up */
	bool mac_link;                  /* MAC_LNK_STAT bit 2 */
	bool cable;
	enum qt_sim_module module;
	uint32_t nic_init_status;       /* INIT_STATUS as the NIC holds it */
	uint32_t mac_speed;             /* 10000, 1000 or 0 as set by the 6.3 sequences */
	uint64_t mdio_frames;           /* MDIO frames started since create */
	uint64_t irq_count;             /* interrupt assertions */
	/* datapath (hardware.md 12.4) */
	uint64_t tx_frames;             /* frames the MAC sent (a TSO descriptor: its segments) */
	uint64_t tx_descs;              /* packet descriptors consumed from TXD */
	uint64_t tx_lost;               /* frames sent while the MAC link was down */
	uint64_t rx_frames;             /* frames delivered through RXD */
	uint64_t rx_drop_disabled;      /* OSEN 0, MAC link down or queue disabled */
	uint64_t rx_drop_filter;        /* address or VLAN filter */
	uint64_t rx_drop_too_long;      /* longer than MAX_FRAME_A (FrameTooLong) */
	uint64_t rx_drop_runt;          /* shorter than 64 bytes with FCS, ARUNT clear */
	uint64_t rx_drop_crc;           /* bad FCS, ACRC clear */
	uint64_t rx_drop_no_rxf;        /* RXF empty or starved (InDropped) */
	uint64_t rx_drop_rxd_full;      /* no room for one RXD descriptor (InDropped) */
	uint64_t rx_drop_buf_small;     /* frame longer than the RXF buffer (InDropped) */
	uint64_t rx_drop_wire;          /* receive queue overflow on the wire */
	uint64_t violations;            /* strictness violations since create */
	bool tx_stopped;                /* TX engine stopped by a violation until SW reset */
	bool rx_stopped;                /* RX engine stopped by a violation until SW reset */
	uint32_t rx_queued;             /* frames on the wire not yet taken by the receiver */
	uint32_t led;                   /* BLNK_LED (hardware.md 3.4): 4 = identification LED on */
};
/* One consistent snapshot of the model, taken under its lock. */
void qt_sim_observe(struct qt_sim *sim, struct qt_sim_obs *out);

/* Access trace: a ring of the most recent accesses while enabled. */
enum qt_sim_trace_kind {
	QT_SIM_TR_RD32,         /* off, val */
	QT_SIM_TR_WR32,         /* off, val */
	QT_SIM_TR_MDIO_RD,      /* prtad, mmd, reg, val (completed C45 read) */
	QT_SIM_TR_MDIO_WR,      /* prtad, mmd, reg, val (completed C45 write) */
	QT_SIM_TR_EVENT,        /* val = enum qt_sim_event */
};
enum qt_sim_event {
	QT_SIM_EV_PHY_STATE,    /* reg = new enum qt_sim_phy_state */
	QT_SIM_EV_LINK,         /* reg = new MAC link (0/1) */
	QT_SIM_EV_IRQ,
	QT_SIM_EV_NIC_FW_DONE,
	QT_SIM_EV_VIOLATION,    /* a strictness rule was broken (see fail reason) */
};
struct qt_sim_trace_entry {
	uint64_t t_ns;
	uint8_t kind;           /* enum qt_sim_trace_kind */
	uint8_t prtad;
	uint8_t mmd;
	uint16_t reg;
	uint32_t off;
	uint32_t val;
};
/* Register accesses (RD32/WR32) are only recorded when rw is true: MDIO polling is loud. */
void qt_sim_trace_enable(struct qt_sim *sim, bool on, bool rw);
/* A bring-up's trace: the MDIO transactions and the register writes, but not the writes of
 * MDIO_CMD/DATA/ADDR (the transactions say what they did) nor any read (polls are loud):
 * a cold bring-up fits the ring. Clears the ring.
 */
void qt_sim_trace_writes(struct qt_sim *sim);
/* Copies up to max oldest-first entries, returns how many were copied. */
size_t qt_sim_trace_get(struct qt_sim *sim, struct qt_sim_trace_entry *out, size_t max);
void qt_sim_trace_clear(struct qt_sim *sim);

/* ---- synthetic firmware images (generated at build time; test data for the model only,
 * never for a real card) ----
 */
extern const uint8_t qt_sim_phy_fw[];   /* 8051-shaped QT2025 image */
extern const size_t qt_sim_phy_fw_len;
extern const uint8_t qt_sim_nic_fw[];   /* TN40xx init-descriptor stream */
extern const size_t qt_sim_nic_fw_len;
/* sha256 of the synthetic PHY image and the version it reports ("a.b.c.d" digits). */
extern const uint8_t qt_sim_phy_fw_sha256[32];
extern const uint8_t qt_sim_phy_fw_version[4];

#ifdef __cplusplus
}
#endif

#endif /* QT_SIM_H */
