/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The TN40xx Clause-45 MDIO controller (hardware.md 5, 12.1). One frame is on the wire at a time;
 * it reaches the PHY when it starts and its read data, error bit and trace entry appear when
 * it ends (evaluated lazily by sim_mdio_advance).
 */

#include <string.h>

#include "sim_nic.h"

#define MDIO_STAT_BUSY		0x1u	/* MDIO_CMD_STAT read, bit 0 */
#define MDIO_STAT_ERR		0x2u	/* bit 1 */
#define MDIO_CLK_DEFAULT	0x3EC8u	/* "1 MHz" setting (5) */
#define MDIO_FRAME_BITS		64u	/* preamble + frame, bit-times per frame (5) */
#define MDIO_REF_PERIOD_NS	8u	/* the divider counts a 125 MHz reference [inferred] */

enum sim_mdio_frame {
	SIM_MDIO_FR_ADDR,
	SIM_MDIO_FR_READ,
	SIM_MDIO_FR_WRITE,
};

void
sim_mdio_reset(struct qt_sim *sim)
{
	memset(&sim->mdio, 0, sizeof(sim->mdio));
	sim->mdio.clk = MDIO_CLK_DEFAULT;
}

static uint64_t
frame_ns(const struct qt_sim *sim)
{
	uint64_t div = (sim->mdio.clk >> 7) & 0x1FF;    /* bits 15:7 */

	if (sim->cfg.timing == QT_SIM_TIMING_FAST)
		return 0;
	if (div == 0)
		div = 1;
	/* 0x0A48: divider 20 -> 10.24 us; 0x3EC8: divider 125 -> 64 us */
	return MDIO_FRAME_BITS * div * MDIO_REF_PERIOD_NS;
}

/* Frames that have ended are retired by sim_mdio_advance before every access. */
static bool
mdio_busy(const struct sim_mdio *m)
{
	return m->stuck || m->in_flight;
}

static void
frame_start(struct qt_sim *sim, enum sim_mdio_frame kind, uint16_t val)
{
	struct sim_mdio *m = &sim->mdio;
	uint8_t prtad = (m->cmd >> 5) & 0x1F;
	uint8_t devad = m->cmd & 0x1F;
	bool here, ferr = false;

	if (mdio_busy(m)) {
		/* the controller drops it; the frame on the wire goes on */
		sim_violation(sim, "MDIO frame started while busy");
		m->err = true;
		return;
	}
	m->frames++;
	m->err = false;
	if (m->err_n > 0) {
		m->err_n--;
		ferr = true;
	}
	if (m->err_after_armed) {
		if (m->err_after_n == 0) {
			m->err_after_armed = false;
			ferr = true;
		} else {
			m->err_after_n--;
		}
	}
	here = prtad == sim_phy_addr(sim->phy) && sim_phy_present(sim->phy);
	m->kind = (uint8_t)kind;
	m->prtad = prtad;
	m->devad = devad;
	m->val = val;
	m->reg = m->ptr[prtad][devad];
	switch (kind) {
	case SIM_MDIO_FR_ADDR:
		if (ferr)
			break;
		m->ptr[prtad][devad] = val;
		m->reg = val;
		/* nobody acknowledges an address frame: no error for an absent address */
		if (here)
			sim_phy_c45_address(sim->phy, devad, val);
		break;
	case SIM_MDIO_FR_READ:
		/*
		 * Open question 10, model choice by default: a read nobody answers gives
		 * 0xFFFF AND sets the error bit, so both the vendor (error bit) and the
		 * mainline (0xFFFF) absent-PHY checks see it; cfg.variants.mdio_absent plays the
		 * other answers.
		 */
		if (ferr) {
			m->val = 0xFFFF;
		} else if (!here || !sim_phy_c45_read(sim->phy, devad, &m->val)) {
			/* the variants of hardware.md 1 (UNCERTAIN): what nobody's answer reads */
			m->val = sim->cfg.variants.mdio_absent == QT_SIM_ABSENT_ZERO ?
				 0x0000 : 0xFFFF;
			ferr = sim->cfg.variants.mdio_absent == QT_SIM_ABSENT_FFFF_ERR;
		}
		break;
	case SIM_MDIO_FR_WRITE:
		/* writes are not acknowledged on the wire: absent address, no error */
		if (here && !ferr)
			sim_phy_c45_write(sim->phy, devad, val);
		break;
	}
	m->ferr = ferr;
	m->in_flight = true;
	m->end_ns = sim_now(sim) + frame_ns(sim);
}

static void
frame_end(struct qt_sim *sim)
{
	struct sim_mdio *m = &sim->mdio;

	m->in_flight = false;
	if (m->ferr)
		m->err = true;
	if (m->kind == SIM_MDIO_FR_READ) {
		m->data = m->val;
		sim_trace_at(sim, m->end_ns, QT_SIM_TR_MDIO_RD, m->prtad, m->devad, m->reg, 0,
			     m->val);
	} else if (m->kind == SIM_MDIO_FR_WRITE) {
		sim_trace_at(sim, m->end_ns, QT_SIM_TR_MDIO_WR, m->prtad, m->devad, m->reg, 0,
			     m->val);
	}
}

void
sim_mdio_advance(struct qt_sim *sim, uint64_t now)
{
	struct sim_mdio *m = &sim->mdio;

	if (m->in_flight && !m->stuck && now >= m->end_ns)
		frame_end(sim);
}

bool
sim_mdio_rd(struct qt_sim *sim, uint32_t off, uint32_t *val)
{
	struct sim_mdio *m = &sim->mdio;

	switch (off) {
	case SIM_MDIO_CMD_STAT:
		*val = (mdio_busy(m) ? MDIO_STAT_BUSY : 0) | (m->err ? MDIO_STAT_ERR : 0);
		return true;
	case SIM_MDIO_CMD:
		*val = m->cmd;
		return true;
	case SIM_MDIO_DATA:
		*val = m->data;
		return true;
	case SIM_MDIO_ADDR:
		*val = m->addr;
		return true;
	default:
		return false;
	}
}

bool
sim_mdio_wr(struct qt_sim *sim, uint32_t off, uint32_t val)
{
	struct sim_mdio *m = &sim->mdio;

	switch (off) {
	case SIM_MDIO_CMD_STAT:
		m->clk = val;   /* applies from the next frame */
		return true;
	case SIM_MDIO_CMD:
		m->cmd = val & 0xFFFF;
		if (val & SIM_MDIO_CMD_READ)
			frame_start(sim, SIM_MDIO_FR_READ, 0);
		return true;
	case SIM_MDIO_DATA:
		frame_start(sim, SIM_MDIO_FR_WRITE, val & 0xFFFF);
		return true;
	case SIM_MDIO_ADDR:
		m->addr = val & 0xFFFF;
		frame_start(sim, SIM_MDIO_FR_ADDR, val & 0xFFFF);
		return true;
	default:
		return false;
	}
}

void
sim_mdio_set_fault(struct qt_sim *sim, enum qt_sim_fault fault, uint32_t arg)
{
	struct sim_mdio *m = &sim->mdio;
	uint64_t now;

	switch (fault) {
	case QT_SIM_FAULT_MDIO_STUCK_BUSY:
		m->stuck = arg != 0;
		now = sim_now(sim);
		/* a frame held past its end finishes when the knob heals */
		if (!m->stuck && m->in_flight && m->end_ns < now)
			m->end_ns = now;
		break;
	case QT_SIM_FAULT_MDIO_ERROR:
		m->err_n = arg;
		break;
	case QT_SIM_FAULT_MDIO_ERROR_AFTER:
		m->err_after_armed = true;
		m->err_after_n = arg;
		break;
	default:
		break;
	}
}
