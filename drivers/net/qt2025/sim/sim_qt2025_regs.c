/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The QT2025 PHY of the device model, outside its 8051: the Clause-45 register file of MMDs
 * 1/3/4 (identity, standard control and status, latching-low link bits, hardware.md 9) and the
 * line side (module, low power, loopback, TX disable, line rate). The registers the 8051 owns
 * are handed to sim_qt2025_8051.c.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sim_phy.h"

#define BOOT_MS_DEFAULT	200

/* Standard bits (hardware.md 9) */
#define CTRL1_RESET	0x8000
#define CTRL1_PCS_LPBK	0x4000
#define CTRL1_LOWPOWER	0x0800
#define CTRL1_PMA_LPBK	0x0001
#define CTRL1_RESET_VAL	0x2040  /* 10 Gb/s speed selection */
#define STAT1_FAULT	0x0080
#define STAT1_LINK	0x0004
#define STAT1_LP_ABLE	0x0002
#define STAT2_PRESENT	0x8000  /* bits 15:14 = binary 10 */
#define STAT2_TXFAULT	0x0800
#define STAT2_RXFAULT	0x0400
#define PMA_STAT2_ABIL	0x00C1  /* 10GBASE-SR, -LR, PMA loopback */
#define DEVS_IN_PKG	0x001A  /* PMA/PMD, PCS, PHY XS (hardware.md 9) */
#define PHY_ID_HI	0x0043
#define PHY_ID_LO	0xA400
#define PRODUCT_CODE	0x2025  /* 1.D000: model choice, the real value is not known */
#define XGXS_ALIGNED	0x1C0F  /* 4.0018: lanes aligned + sync (hardware.md 9, 12.5) */
#define C309_STATIC	0x2000  /* 1.C309 bit 13 forces TX off (hardware.md 8.7) */
#define SFP_MIRROR_BASE	0xD000  /* 3.D000 + n: module A0h byte n (hardware.md 8.2) */

/* ---- sparse register storage ---- */

/* Entries are kept sorted by register number: binary search, appends are cheap. */
static uint32_t
reg_pos(const struct mmd_regs *m, uint16_t reg)
{
	uint32_t lo = 0, hi = m->n;

	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;

		if (m->ent[mid].reg < reg)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

uint16_t
sim_phy_reg_get(const struct sim_phy *phy, uint8_t mmd, uint16_t reg)
{
	const struct mmd_regs *m = &phy->regs[mmd];
	uint32_t i = reg_pos(m, reg);

	return i < m->n && m->ent[i].reg == reg ? m->ent[i].val : 0;
}

void
sim_phy_reg_set(struct sim_phy *phy, uint8_t mmd, uint16_t reg, uint16_t val)
{
	struct mmd_regs *m = &phy->regs[mmd];
	uint32_t i = reg_pos(m, reg);

	if (i < m->n && m->ent[i].reg == reg) {
		m->ent[i].val = val;
		return;
	}
	if (m->n == m->cap) {
		uint32_t cap = m->cap != 0 ? m->cap * 2 : 32;
		struct reg_ent *ne = realloc(m->ent, cap * sizeof(*ne));

		if (ne == NULL)
			return;         /* out of memory: the write is lost */
		m->ent = ne;
		m->cap = cap;
	}
	memmove(&m->ent[i + 1], &m->ent[i], (m->n - i) * sizeof(m->ent[0]));
	m->ent[i].reg = reg;
	m->ent[i].val = val;
	m->n++;
}

/* ---- line side ---- */

static bool
running(const struct sim_phy *phy)
{
	return sim_phy_state(phy) == QT_SIM_PHY_RUNNING;
}

static bool
low_power(const struct sim_phy *phy)
{
	return ((sim_phy_reg_get(phy, MMD_PMA, 0) | sim_phy_reg_get(phy, MMD_PCS, 0) |
		 sim_phy_reg_get(phy, MMD_PHYXS, 0)) & CTRL1_LOWPOWER) != 0;
}

static bool
tx_disabled(const struct sim_phy *phy)
{
	return (sim_phy_reg_get(phy, MMD_PMA, 0x0009) & 0x0001) != 0 ||
		(sim_phy_reg_get(phy, MMD_PMA, 0xC309) & C309_STATIC) != 0;
}

static bool
xaui_aligned(const struct sim_phy *phy)
{
	uint32_t mac = sim_mac_speed(phy->sim);

	return running(phy) && mac != 0 && mac == sim_phy_line_speed(phy);
}

bool
sim_phy_transmitting(const struct sim_phy *phy)
{
	return running(phy) && phy->module != QT_SIM_MODULE_NONE && !low_power(phy) &&
		!tx_disabled(phy);
}

static bool
looped(const struct sim_phy *phy)
{
	return (sim_phy_reg_get(phy, MMD_PCS, 0) & CTRL1_PCS_LPBK) != 0 ||
		(sim_phy_reg_get(phy, MMD_PMA, 0) & CTRL1_PMA_LPBK) != 0;
}

/* PMA/PMD: light at the receiver, whatever its rate (1.0001 bit 2, 1.000A bit 0). */
static bool
pma_up(const struct sim_phy *phy)
{
	if (!running(phy) || phy->module == QT_SIM_MODULE_NONE || low_power(phy))
		return false;
	return looped(phy) || sim_signal_in(phy->sim);
}

/* The receive side up to the PCS: block lock, which light at another line rate (a 1G
 * module facing a 10G one) or the 17190 erratum never gives (hardware.md 8.5, 8.7).
 */
bool
sim_phy_rx_up(const struct sim_phy *phy)
{
	if (!pma_up(phy))
		return false;
	if (looped(phy))
		return true;
	return !phy->pcs_stuck && sim_rate_in(phy->sim) == sim_phy_line_speed(phy);
}

uint32_t
sim_phy_line_speed(const struct sim_phy *phy)
{
	/* hardware.md 8.5: 1G for 1000BASE-SX/LX/CX/T, 10G for every other module */
	switch (phy->module) {
	case QT_SIM_MODULE_NONE:
		return 0;
	case QT_SIM_MODULE_1G_SX:
	case QT_SIM_MODULE_1G_LX:
	case QT_SIM_MODULE_1G_CX:
	case QT_SIM_MODULE_1G_T:
		return 1000;
	default:
		return 10000;
	}
}

void
sim_phy_update_latches(struct sim_phy *phy)
{
	if (!pma_up(phy))
		phy->ll[LL_PMA] = false;
	if (!sim_phy_rx_up(phy))
		phy->ll[LL_PCS] = false;
	if (!xaui_aligned(phy))
		phy->ll[LL_XS] = false;
}

void
sim_phy_inputs_changed(struct sim_phy *phy)
{
	sim_phy_update_latches(phy);
}

void
sim_phy_set_module(struct sim_phy *phy, enum qt_sim_module type)
{
	sim_phy_advance(phy, sim_now(phy->sim));
	phy->module = type;
	sim_phy_update_latches(phy);
}

enum qt_sim_module
sim_phy_module(const struct sim_phy *phy)
{
	return phy->module;
}

/* ---- register access ---- */

static uint16_t
read_stat1(struct sim_phy *phy, int ll, bool cond, uint16_t stat2)
{
	uint16_t v = STAT1_LP_ABLE;

	if (phy->ll[ll])
		v |= STAT1_LINK;
	if (stat2 & (STAT2_TXFAULT | STAT2_RXFAULT))
		v |= STAT1_FAULT;
	phy->ll[ll] = cond;     /* re-arm to the current condition */
	return v;
}

static uint16_t
read_stat2(const struct sim_phy *phy, uint8_t mmd)
{
	uint16_t v = STAT2_PRESENT;

	if (mmd == MMD_PMA)
		v |= PMA_STAT2_ABIL;
	if (!sim_phy_transmitting(phy))
		v |= STAT2_TXFAULT;
	if (mmd == MMD_PHYXS ? !xaui_aligned(phy) : !sim_phy_rx_up(phy))
		v |= STAT2_RXFAULT;
	return v;
}

static uint16_t
pma_type(enum qt_sim_module m)
{
	/* 1.0007 type select (hardware.md 9): 7 SR, 6 LR, 5 ER, 8 LRM */
	switch (m) {
	case QT_SIM_MODULE_LR:
		return 6;
	case QT_SIM_MODULE_ER:
		return 5;
	case QT_SIM_MODULE_LRM:
		return 8;
	default:
		return 7;
	}
}

static uint16_t
phy_read(struct sim_phy *phy, uint8_t mmd, uint16_t reg)
{
	uint16_t v;

	if (mmd != MMD_PMA && mmd != MMD_PCS && mmd != MMD_PHYXS)
		return 0;       /* not in the package (hardware.md 9) */
	switch (reg) {
	case 0x0001:
		if (mmd == MMD_PHYXS)
			return read_stat1(phy, LL_XS, xaui_aligned(phy), read_stat2(phy, mmd));
		if (mmd == MMD_PMA)
			return read_stat1(phy, LL_PMA, pma_up(phy), read_stat2(phy, mmd));
		return read_stat1(phy, LL_PCS, sim_phy_rx_up(phy), read_stat2(phy, mmd));
	case 0x0002:
		return PHY_ID_HI;
	case 0x0003:
		return PHY_ID_LO;
	case 0x0005:
		return DEVS_IN_PKG;
	case 0x0006:
		return 0;
	case 0x0008:
		return read_stat2(phy, mmd);
	default:
		break;
	}
	if (sim_8051_read(phy, mmd, reg, &v))
		return v;
	if (mmd == MMD_PMA) {
		switch (reg) {
		case 0x0004:
			return 0x0001;          /* 10G capable */
		case 0x0007:
			return pma_type(phy->module);
		case 0x000A:
			return pma_up(phy) && !looped(phy);
		case 0xD000:
			return PRODUCT_CODE;
		case 0xD001:
			return (uint16_t)(phy->revision << 8);
		default:
			break;
		}
	} else if (mmd == MMD_PCS) {
		if (reg == 0x0020)      /* 10GBASE-R status: bit 12 link, bit 0 block lock */
			return sim_phy_rx_up(phy) ? 0x1001 : 0;
		if (reg >= SFP_MIRROR_BASE && reg < SFP_MIRROR_BASE + QT_SIM_SFP_PAGE_LEN)
			return sim_sfp_mirror_read(phy, reg - SFP_MIRROR_BASE);
	} else {
		if (reg == 0x0018)
			return xaui_aligned(phy) ? XGXS_ALIGNED : 0;
	}
	return sim_phy_reg_get(phy, mmd, reg);
}

static void
phy_write(struct sim_phy *phy, uint8_t mmd, uint16_t reg, uint16_t val)
{
	if (mmd != MMD_PMA && mmd != MMD_PCS && mmd != MMD_PHYXS)
		return;
	/* bring-up controls, program memory and configuration steps go to the 8051 */
	if (!sim_8051_write(phy, mmd, reg, val)) {
		/* 17190: the end of a PMA loopback pulse brings the block lock back
		 * (hardware.md 8.7)
		 */
		if (mmd == MMD_PMA && reg == 0x0000 && !(val & CTRL1_PMA_LPBK) &&
		    (sim_phy_reg_get(phy, mmd, reg) & CTRL1_PMA_LPBK))
			phy->pcs_stuck = false;
		if (reg == 0x0000)      /* reset self-clears */
			sim_phy_reg_set(phy, mmd, reg, val & ~CTRL1_RESET);
		else
			sim_phy_reg_set(phy, mmd, reg, val);
	}
	sim_phy_update_latches(phy);
}

/* ---- the seam (sim_internal.h) ---- */

struct sim_phy *
sim_phy_create(struct qt_sim *sim, const struct qt_sim_config *cfg)
{
	struct sim_phy *phy;

	if (cfg->phy_addr > 31) {
		errno = EINVAL;
		return NULL;
	}
	phy = calloc(1, sizeof(*phy));
	if (phy == NULL) {
		errno = ENOMEM;
		return NULL;
	}
	phy->sim = sim;
	phy->addr = cfg->phy_addr;
	phy->boot_ns = (uint64_t)(cfg->boot_ms != 0 ? cfg->boot_ms : BOOT_MS_DEFAULT) *
		NS_PER_MS;
	phy->state = QT_SIM_PHY_IDLE;
	phy->module = cfg->module;
	phy->revision = REVISION_B3;
	phy->clean = true;
	sim_phy_reg_set(phy, MMD_PMA, 0x0000, CTRL1_RESET_VAL);
	sim_phy_reg_set(phy, MMD_PCS, 0x0000, CTRL1_RESET_VAL);
	sim_phy_reg_set(phy, MMD_PHYXS, 0x0000, CTRL1_RESET_VAL);
	return phy;
}

void
sim_phy_destroy(struct sim_phy *phy)
{
	int i;

	if (phy == NULL)
		return;
	for (i = 0; i < MMD_COUNT; i++)
		free(phy->regs[i].ent);
	free(phy);
}

uint8_t
sim_phy_addr(const struct sim_phy *phy)
{
	return phy->addr;
}

bool
sim_phy_present(const struct sim_phy *phy)
{
	return !phy->absent;
}

void
sim_phy_c45_address(struct sim_phy *phy, uint8_t mmd, uint16_t reg)
{
	if (phy->absent)
		return;
	phy->ptr[mmd % MMD_COUNT] = reg;
}

bool
sim_phy_c45_read(struct sim_phy *phy, uint8_t mmd, uint16_t *val)
{
	if (phy->absent)
		return false;
	mmd %= MMD_COUNT;
	sim_phy_advance(phy, sim_now(phy->sim));
	*val = phy_read(phy, mmd, phy->ptr[mmd]);
	return true;
}

void
sim_phy_c45_write(struct sim_phy *phy, uint8_t mmd, uint16_t val)
{
	if (phy->absent)
		return;
	mmd %= MMD_COUNT;
	sim_phy_advance(phy, sim_now(phy->sim));
	phy_write(phy, mmd, phy->ptr[mmd], val);
}
