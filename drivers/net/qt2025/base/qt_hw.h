/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * One card as base/ sees it: register access and time, for a real BAR0 or for the model.
 */

#ifndef QT_HW_H
#define QT_HW_H

#include "qt_osdep.h"
#include "qt_sim.h"

#define QT_HW_NAME_LEN 64

struct qt_mdio_counters {
	uint64_t reads;
	uint64_t writes;
	uint64_t errors;        /* transactions that ended with the error bit (-EIO) */
	uint64_t timeouts;      /* transactions whose BUSY bit never cleared (-ETIMEDOUT) */
};

struct qt_hw {
	uint8_t *bar;           /* BAR0 of a PCI card; NULL on the simulator */
	struct qt_sim *sim;     /* the model instance on the simulator; NULL on a card */
	char name[QT_HW_NAME_LEN];

	/* MDIO engine state (tn40_mdio.c) */
	uint32_t mdio_clk;      /* last value written to MDIO_CMD_STAT */
	uint32_t mdio_frame_ns; /* wire time of one 64-bit frame at that clock */
	uint64_t mdio_settle_ns; /* no frame before this time: the new clock settles */
	struct qt_mdio_counters mdio;

	/* QT2025 (qt2025_phy.c) */
	int phy_addr;           /* -1 until found */
};

static inline void
qt_hw_init_bar(struct qt_hw *hw, const char *name, void *bar)
{
	memset(hw, 0, sizeof(*hw));
	hw->bar = bar;
	hw->phy_addr = -1;
	snprintf(hw->name, sizeof(hw->name), "%s", name);
}

static inline void
qt_hw_init_sim(struct qt_hw *hw, const char *name, struct qt_sim *sim)
{
	memset(hw, 0, sizeof(*hw));
	hw->sim = sim;
	hw->phy_addr = -1;
	snprintf(hw->name, sizeof(hw->name), "%s", name);
}

static inline uint32_t
qt_rd32(const struct qt_hw *hw, uint32_t off)
{
	if (likely(hw->bar != NULL))
		return rte_read32(hw->bar + off);
	return qt_sim_rd32(hw->sim, off);
}

static inline void
qt_wr32(const struct qt_hw *hw, uint32_t off, uint32_t val)
{
	if (likely(hw->bar != NULL))
		rte_write32(val, hw->bar + off);
	else
		qt_sim_wr32(hw->sim, off, val);
}

/* Monotonic time in ns: the TSC on a card, the model's (possibly fake) clock otherwise. */
static inline uint64_t
qt_now_ns(const struct qt_hw *hw)
{
	if (hw->bar != NULL) {
		uint64_t c = rte_get_timer_cycles(), hz = rte_get_timer_hz();

		return c / hz * 1000000000ULL + c % hz * 1000000000ULL / hz;
	}
	return qt_sim_now_ns(hw->sim);
}

/* Busy-wait: for waits shorter than a scheduler tick (MDIO frames, SerDes steps). */
static inline void
qt_spin_ns(const struct qt_hw *hw, uint64_t ns)
{
	if (hw->bar != NULL)
		rte_delay_us_block((unsigned int)((ns + 999) / 1000));
	else
		qt_sim_spin_ns(hw->sim, ns);
}

/* Sleep: for everything of a millisecond or more. */
static inline void
qt_sleep_us(const struct qt_hw *hw, uint64_t us)
{
	if (hw->bar != NULL)
		rte_delay_us_sleep((unsigned int)us);
	else
		qt_sim_sleep_ns(hw->sim, us * QT_NS_PER_US);
}

#endif /* QT_HW_H */
