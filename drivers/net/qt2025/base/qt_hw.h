/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * One card as base/ sees it. A PCI card is its BAR0, read and written inline. Anything
 * else (the device model, a test harness) is a per-process transport: a const ops table
 * and its context, as virtio keeps its VIRTIO_OPS per process. struct qt_hw holds
 * pointers of one process, so it lives in per-process memory, never in dev_private.
 */

#ifndef QT_HW_H
#define QT_HW_H

#include "qt_osdep.h"

#define QT_HW_NAME_LEN 64
#define QT_HW_WHY_LEN 96

struct qt_hw_ops {
	uint32_t (*rd32)(void *ctx, uint32_t off);
	void (*wr32)(void *ctx, uint32_t off, uint32_t val);
	uint64_t (*now_ns)(void *ctx);
	void (*spin_ns)(void *ctx, uint64_t ns);        /* busy-wait */
	void (*sleep_ns)(void *ctx, uint64_t ns);       /* give the CPU away */
};

struct qt_mdio_counters {
	uint64_t reads;
	uint64_t writes;
	uint64_t errors;        /* transactions that ended with the error bit (-EIO) */
	uint64_t timeouts;      /* transactions whose BUSY bit never cleared (-ETIMEDOUT) */
};

/*
 * The module EEPROM (SFF-8472 A0h page) as the PHY thread last read it from the QT2025's
 * mirror at 3.D000 (hardware.md 8.2), kept by qt_phy_sfp_track() / qt_phy_sfp_read_page()
 * (qt_phy_sfp.c). The glue decides when to read (the read costs 512 MDIO frames, 33 ms at
 * 1 MHz: never on the bring-up's path to link) and publishes each new state.
 */
#define QT_SFP_PAGE_LEN 256
struct qt_sfp_state {
	int status;             /* 0: page valid; -EAGAIN: not read yet; -ENODEV: no module;
				 * -ENOTSUP: no valid mirror; -EIO: the read failed (retried)
				 */
	uint8_t module;         /* 3.D70C the state is about */
	bool module_known;      /* module holds a value read */
	uint32_t tries;         /* reads of this module's page */
	uint32_t reads;         /* completed refreshes */
	char why[QT_HW_WHY_LEN]; /* what made the page invalid */
	uint8_t page[QT_SFP_PAGE_LEN];
};

/*
 * The last MDIO transactions, for a report: base/ appends one record per C45 transaction
 * where hw->mdio_ring points (shared memory, so any process may read it). One writer (the
 * thread that owns the bus); head counts records ever written and is published after its
 * record, so a reader copies rec[] and keeps those whose slot was not reused meanwhile.
 */
#define QT_MDIO_RING_LEN 64
struct qt_mdio_rec {
	uint64_t t_ns;          /* on hw's clock, at the end of the transaction */
	uint16_t reg;
	uint16_t val;           /* read: the value; write: the value written */
	uint8_t write;          /* 1: write, 0: read */
	uint8_t prtad;
	uint8_t mmd;
	int8_t rc;              /* 0, or -errno of a failed transaction */
};
struct qt_mdio_ring {
	uint32_t head;          /* records written; stored after its record (qt_wmb) */
	struct qt_mdio_rec rec[QT_MDIO_RING_LEN];
};

/* The QT2025's state, as ngbe keeps hw->phy: what base/ learnt of the PHY, no transport. */
struct qt_phy {
	int addr;                       /* MDIO address, -1 until found */
	struct qt_sfp_state sfp;        /* module EEPROM (qt_phy_sfp.c) */
};

/* The transport and the MDIO engine; the PHY in phy. */
struct qt_hw {
	uint8_t *bar;                   /* BAR0 of a PCI card; NULL on another transport */
	const struct qt_hw_ops *ops;    /* the other transport */
	void *ctx;
	char name[QT_HW_NAME_LEN];

	/* Optional: asked between the steps of every long wait; true aborts it (-EINTR). */
	bool (*stop)(void *arg);
	void *stop_arg;

	/* Detail of the last failure, for the caller's one log line ("" when none). */
	char why[QT_HW_WHY_LEN];

	/* MDIO engine state (tn40_mdio.c) */
	uint32_t mdio_clk;      /* last value written to MDIO_CMD_STAT */
	uint32_t mdio_frame_ns; /* wire time of one 64-bit frame at that clock */
	uint64_t mdio_settle_ns; /* no frame before this time: the new clock settles */
	struct qt_mdio_counters mdio;
	struct qt_mdio_ring *mdio_ring; /* NULL: none kept */

	struct qt_phy phy;      /* the PHY behind the MDIO bus (qt_phy.c) */
};

void qt_hw_init_bar(struct qt_hw *hw, const char *name, void *bar);
void qt_hw_init_ops(struct qt_hw *hw, const char *name, const struct qt_hw_ops *ops, void *ctx);
/* The stop hook of long waits (NULL: none). */
void qt_hw_set_stop(struct qt_hw *hw, bool (*stop)(void *arg), void *arg);

static inline uint32_t
qt_rd32(const struct qt_hw *hw, uint32_t off)
{
	if (likely(hw->bar != NULL))
		return qt_os_read32(hw->bar, off);
	return hw->ops->rd32(hw->ctx, off);
}

static inline void
qt_wr32(const struct qt_hw *hw, uint32_t off, uint32_t val)
{
	if (likely(hw->bar != NULL))
		qt_os_write32(hw->bar, off, val);
	else
		hw->ops->wr32(hw->ctx, off, val);
}

/* Monotonic time in ns: the TSC on a card, the transport's clock otherwise. */
static inline uint64_t
qt_now_ns(const struct qt_hw *hw)
{
	return hw->bar != NULL ? qt_os_now_ns() : hw->ops->now_ns(hw->ctx);
}

/* Busy-wait: for waits shorter than a scheduler tick (MDIO frames, SerDes steps). */
static inline void
qt_spin_ns(const struct qt_hw *hw, uint64_t ns)
{
	if (hw->bar != NULL)
		qt_os_spin_ns(ns);
	else
		hw->ops->spin_ns(hw->ctx, ns);
}

/* Sleeps, whatever is asked of the thread: for steps that must complete (a reset pulse). */
static inline void
qt_sleep_ns(const struct qt_hw *hw, uint64_t ns)
{
	if (hw->bar != NULL)
		qt_os_sleep_ns(ns);
	else
		hw->ops->sleep_ns(hw->ctx, ns);
}

/* Sleeps ns in slices of at most 10 ms, asking hw->stop between them: 0, or -EINTR. */
int qt_delay_ns(struct qt_hw *hw, uint64_t ns);

/* Records the detail of a failure in hw->why (logged by the caller, once). */
void qt_hw_why(struct qt_hw *hw, const char *fmt, ...) __rte_format_printf(2, 3);

/*
 * The one wait loop of the driver: asks cond(arg) until it returns true, or the timeout.
 * The first ask comes before any wait or clock read, so a ready condition costs one call.
 * flags choose how each step waits and how the timeout is measured:
 *  - default: sleeps on the transport in slices of at most 10 ms, asking hw->stop between
 *    them (qt_delay_ns); the timeout runs on the transport's clock;
 *  - QT_WAIT_SPIN: busy-waits each step on the transport (qt_spin_ns), never stopped;
 *  - QT_WAIT_OS: sleeps on the OS (qt_os_sleep_ns), never stopped: for waits on another
 *    thread of this process rather than on the device, which must not move the device's time
 *    (the model's fake clock moves only through the transport's sleep and spin);
 *  - QT_WAIT_STEPS: the timeout is the sum of the steps waited, no clock is read (as a loop
 *    counting its sleeps); with QT_WAIT_OS, hw may be NULL.
 * timeout_ns QT_WAIT_FOREVER: no timeout. Returns 0, -ETIMEDOUT or -EINTR.
 */
#define QT_WAIT_SPIN    0x1u
#define QT_WAIT_OS      0x2u
#define QT_WAIT_STEPS   0x4u
#define QT_WAIT_FOREVER UINT64_MAX
struct qt_wait {
	bool (*cond)(void *arg);
	void *arg;
	uint32_t flags;
	uint64_t step_ns;
	uint64_t timeout_ns;
};
int qt_wait(struct qt_hw *hw, const struct qt_wait *w);

/*
 * The register form of qt_wait: reads a register through rd until (value & mask) == val,
 * or != val with QT_POLL_NE. Steps under 1 ms spin, longer ones sleep (and may be stopped).
 * Returns 0, -ETIMEDOUT, -EINTR, or what rd returned; *last (if not NULL) is the last value.
 */
typedef int (*qt_rd_fn)(struct qt_hw *hw, uint32_t reg, uint32_t *val);
#define QT_POLL_NE 0x1u
struct qt_poll {
	qt_rd_fn rd;            /* NULL: qt_rd32 on BAR0 */
	uint32_t reg;
	uint32_t mask;
	uint32_t val;
	uint32_t flags;
	uint64_t step_ns;
	uint64_t timeout_ns;
};
int qt_poll(struct qt_hw *hw, const struct qt_poll *p, uint32_t *last);

#endif /* QT_HW_H */
