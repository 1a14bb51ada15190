/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The MAC side of the TN40xx in the device model: CLKPLL soft reset and relock (hardware.md 6.1),
 * the init semaphore and INIT_STATUS, the interrupt registers ISR / IMR / ISR_MSK0 (hardware.md
 * 12.3), the port resets (hardware.md 3.7), the ETHSD handshake and MAC speed state of the 6.3
 * sequences, and the MAC link that follows from it (hardware.md 12.2).
 */

#include "sim_nic.h"

/* low 12 bits != 308: stats supported (hardware.md 3.2) */
#define SIM_FPGA_VER_VAL	0x00000135u
#define SIM_SROM_VER_VAL	0x00000102u	/* any constant (hardware.md 3.2) */
#define SIM_CLKPLL_RESET_VAL	0x00000300u	/* locked, reset ended (hardware.md 12.1) */
#define SIM_PLL_RELOCK_NS	1000000u	/* model choice within 12.1's 1-20 ms */
#define SIM_ETHSD_GO		0x43u		/* 6.3 step 5 */
#define SIM_ETHSD_FINISH	0x3u
#define SIM_ETHSD_READY		0x200u		/* bit 9 */
#define SIM_ETHSD_READY_NS	100000u		/* 12.1: ~100 us */
#define SIM_MAC_RST_ON		0x7FFu		/* 3.6 */
#define SIM_CTRLST_UP		0xC13u		/* 3.5 */
#define SIM_CTRLST_DOWN		0x800u
#define SIM_REFCLK_10G		0x217u		/* 3.6 */
#define SIM_REFCLK_1G		0x613u
#define SIM_PCS_10G		0x0400u		/* 3.5 */
#define SIM_PCS_1G		0x1140u

void
sim_mac_power_on(struct qt_sim *sim)
{
	const uint8_t *mac = sim->cfg.mac;

	SIM_REG(sim, SIM_CLKPLL) = SIM_CLKPLL_RESET_VAL;
	SIM_REG(sim, SIM_FPGA_VER) = SIM_FPGA_VER_VAL;
	SIM_REG(sim, SIM_SROM_VER) = SIM_SROM_VER_VAL;
	/* 3.4: MAC2 = b0<<8|b1, MAC1 = b2<<8|b3, MAC0 = b4<<8|b5 */
	SIM_REG(sim, SIM_UNC_MAC2) = (uint32_t)mac[0] << 8 | mac[1];
	SIM_REG(sim, SIM_UNC_MAC1) = (uint32_t)mac[2] << 8 | mac[3];
	SIM_REG(sim, SIM_UNC_MAC0) = (uint32_t)mac[4] << 8 | mac[5];
}

uint32_t
sim_mac_speed(struct qt_sim *sim)
{
	return sim->mac_speed;
}

void
sim_mac_advance(struct qt_sim *sim, uint64_t now)
{
	if (sim->pll_relock && now >= sim->pll_lock_ns) {
		SIM_REG(sim, SIM_CLKPLL) |= SIM_CLKPLL_LOCKED;
		sim->pll_relock = false;
	}
}

void
sim_mac_link_eval(struct qt_sim *sim)
{
	uint32_t speed = sim->mac_speed;
	/* hardware.md 12.2: MAC configured for the PHY's line rate and the PHY line side up */
	bool link = speed != 0 && sim_phy_rx_up(sim->phy) &&
		speed == sim_phy_line_speed(sim->phy);

	if (link != sim->mac_link) {
		sim->mac_link = link;
		sim->pending |= SIM_IR_LNKCHG0;
		sim_trace(sim, QT_SIM_TR_EVENT, 0, 0, link, 0, QT_SIM_EV_LINK);
	}
}

void
sim_irq_eval(struct qt_sim *sim)
{
	bool cond = !sim->held && (sim->pending & sim->imr) != 0;

	/* MSI: only the rising edge of the condition sends a message (hardware.md 12.3) */
	if (cond && !sim->line) {
		sim->irq_count++;
		sim->irq_due = true;
		sim_trace(sim, QT_SIM_TR_EVENT, 0, 0, 0, 0, QT_SIM_EV_IRQ);
	}
	sim->line = cond;
}

/* MAC_RST_CNT back to 0 ends the reset pulse: the speed the 6.3 sequence configured, if it
 * was complete, takes effect.
 */
static void
mac_speed_pulse(struct qt_sim *sim)
{
	uint32_t ctrl = SIM_REG(sim, SIM_CTRLST);
	uint32_t ref = SIM_REG(sim, SIM_ETHSD_REFCLK);
	uint32_t pcs = SIM_REG(sim, SIM_PCS_CTRL);
	uint32_t sref = ref == SIM_REFCLK_10G ? 10000 : ref == SIM_REFCLK_1G ? 1000 : 0;
	uint32_t spcs = pcs == SIM_PCS_10G ? 10000 : pcs == SIM_PCS_1G ? 1000 : 0;

	sim->mac_speed = 0;
	if (ctrl == SIM_CTRLST_DOWN)
		return;         /* 6.3 link-down sequence */
	if (ctrl != SIM_CTRLST_UP)
		sim_violationf(sim, "MAC speed sequence incomplete: CTRLST 0x%x at the MAC reset",
			       ctrl);
	else if (sref == 0 || sref != spcs)
		sim_violationf(sim,
			       "MAC speed sequence incomplete: REFCLK_CONF 0x%x, PCS_CTRL 0x%x",
			       ref, pcs);
	else if (!sim->ethsd_done)
		sim_violation(sim, "MAC speed sequence incomplete: no INIT_STAT handshake since "
			      "REFCLK_CONF");
	else
		sim->mac_speed = sref;
}

static void
ethsd_write(struct qt_sim *sim, uint32_t val)
{
	uint64_t now = sim_now(sim);

	SIM_REG(sim, SIM_ETHSD_INIT_STAT) = val & ~SIM_ETHSD_READY;
	if (val == SIM_ETHSD_GO) {
		sim->ethsd_started = true;
		sim->ethsd_ready_ns = now + SIM_ETHSD_READY_NS;
		return;
	}
	if (val == SIM_ETHSD_FINISH) {
		/* the driver must have seen bit 9 first (hardware.md 6.3 step 5) */
		if (sim->ethsd_started && now >= sim->ethsd_ready_ns)
			sim->ethsd_done = true;
		else
			sim_violation(sim, "ETHSD INIT_STAT 0x3 written before bit 9 was set");
	}
	sim->ethsd_started = false;
}

static void
clkpll_write(struct qt_sim *sim, uint32_t val)
{
	uint32_t cur = SIM_REG(sim, SIM_CLKPLL);

	/* bits 8/9 are status: the written value never sets them (hardware.md 6.1) */
	if (val & SIM_CLKPLL_SFTRST) {
		SIM_REG(sim, SIM_CLKPLL) = val & ~SIM_CLKPLL_LOCKED;
		sim->pll_relock = false;
		/*
		 * Open question 9, model choice: the soft reset forgets the MAC speed (the driver
		 * must run a 6.3 sequence again) and a failed NIC firmware stream, but keeps
		 * INIT_STATUS: the NIC firmware stays loaded.
		 */
		sim->mac_speed = 0;
		sim->mac_rst = false;
		sim_nicfw_soft_reset(sim);
	} else if (cur & SIM_CLKPLL_SFTRST) {
		SIM_REG(sim, SIM_CLKPLL) = val & ~SIM_CLKPLL_LOCKED;
		sim->pll_relock = true;
		sim->pll_lock_ns = sim_now(sim) + SIM_PLL_RELOCK_NS;
	} else {
		SIM_REG(sim, SIM_CLKPLL) = (val & ~SIM_CLKPLL_LOCKED) | (cur & SIM_CLKPLL_LOCKED);
	}
}

bool
sim_mac_rd(struct qt_sim *sim, uint32_t off, uint32_t *val)
{
	switch (off) {
	case SIM_MAC_LNK_STAT:
		*val = sim->mac_link ? SIM_MAC_LNK_BIT : 0;
		return true;
	case SIM_ETHSD_INIT_STAT:
		*val = SIM_REG(sim, off);
		if (sim->ethsd_started && sim_now(sim) >= sim->ethsd_ready_ns)
			*val |= SIM_ETHSD_READY;
		return true;
	case SIM_ISR:
		*val = sim->pending;
		if (sim->cfg.variants.isr_read != QT_SIM_ISR_RAW)       /* 3.8 variant */
			sim->pending = 0;
		return true;
	case SIM_IMR:
		*val = sim->imr;
		return true;
	case SIM_ISR_MSK0:
		/* acknowledges what it reports and holds the line until IMR is written (hardware.md
		 * 12.3)
		 */
		*val = sim->pending & sim->imr;
		/* 3.8 variant: every pending bit goes, the masked ones too */
		sim->pending &= sim->cfg.variants.isr_read == QT_SIM_ISR_MSK0_ALL ? 0 : ~*val;
		sim->held = true;
		return true;
	case SIM_INIT_SEMAPHORE:
		*val = sim->sem_taken ? 0 : 1;
		sim->sem_taken = true;
		return true;
	case SIM_INIT_STATUS:
		*val = sim->init_status;
		return true;
	case SIM_RST_PORT:
		/* "HW disabled" once port and queues are disabled (hardware.md 3.7, 12.1) */
		*val = SIM_REG(sim, SIM_DIS_PORT) == 1 && SIM_REG(sim, SIM_DIS_QU) == 1 ? 1 : 0;
		return true;
	default:
		return false;
	}
}

bool
sim_mac_wr(struct qt_sim *sim, uint32_t off, uint32_t val)
{
	switch (off) {
	case SIM_MAC_LNK_STAT:
	case SIM_SROM_VER:
	case SIM_FPGA_VER:
	case SIM_ISR:
	case SIM_ISR_MSK0:
	case SIM_INIT_STATUS:
		return true;    /* read-only */
	case SIM_CLKPLL:
		clkpll_write(sim, val);
		return true;
	case SIM_IMR:
		sim->imr = val;
		sim->held = false;
		return true;    /* the settle after the access raises the line if due */
	case SIM_INIT_SEMAPHORE:
		if (val == 1)
			sim->sem_taken = false;
		return true;
	case SIM_ETHSD_REFCLK:
		SIM_REG(sim, off) = val;
		sim->ethsd_done = false;
		return true;
	case SIM_ETHSD_INIT_STAT:
		ethsd_write(sim, val);
		return true;
	case SIM_MAC_RST_CNT:
		SIM_REG(sim, off) = val;
		if (val == SIM_MAC_RST_ON) {
			sim->mac_rst = true;
		} else if (val == 0 && sim->mac_rst) {
			sim->mac_rst = false;
			mac_speed_pulse(sim);
		} else {
			sim->mac_rst = false;
		}
		return true;
	case SIM_RST_PORT:
	case SIM_RST_QU:
		SIM_REG(sim, off) = val;
		/* asserted: engines stop, FIFO positions start afresh; they resume when the
		 * resets drop (hardware.md 12.1)
		 */
		if (val & 1)
			sim_dma_reset(sim);
		return true;
	default:
		return false;
	}
}
