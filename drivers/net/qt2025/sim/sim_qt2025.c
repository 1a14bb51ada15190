/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The QT2025 PHY of the device model: Clause-45 register file of MMDs 1/3/4, the 8051
 * life cycle with a strict bring-up checker (hw note 8.3, 8.6, 12.5), firmware status,
 * heartbeat and version registers, latching-low link bits and the line side (module, low
 * power, loopback, TX disable).
 *
 * Every function here runs with the model-wide lock held (sim_internal.h); it only calls
 * back into the core through sim_now, sim_trace, sim_violation, sim_signal_in and
 * sim_mac_speed.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_internal.h"

#define MMD_PMA		1
#define MMD_PCS		3
#define MMD_PHYXS	4
#define MMD_COUNT	32

/* 8051 program memory (hw note 8.2, 8.4): 16 KiB at 3.8000, 8 KiB at 4.8000 */
#define PROG_PCS_BASE	0x8000
#define PROG_PCS_LEN	16384u
#define PROG_XS_BASE	0x8000
#define PROG_XS_LEN	8192u
#define PROG_MAX	(PROG_PCS_LEN + PROG_XS_LEN)
#define PROG_MIN	1024u   /* model choice: smaller images are refused */

#define NS_PER_MS	1000000ull
#define HEARTBEAT_NS	(100 * NS_PER_MS)       /* 3.D7EE tick (hw note 8.7, 12.5) */
#define BOOT_MS_DEFAULT	200

/* Standard bits (hw note 9) */
#define CTRL1_RESET	0x8000
#define CTRL1_PCS_LPBK	0x4000
#define CTRL1_LOWPOWER	0x0800
#define CTRL1_PMA_LPBK	0x0001
#define STAT1_FAULT	0x0080
#define STAT1_LINK	0x0004
#define STAT1_LP_ABLE	0x0002
#define STAT2_PRESENT	0x8000  /* bits 15:14 = binary 10 */
#define STAT2_TXFAULT	0x0800
#define STAT2_RXFAULT	0x0400
#define PMA_STAT2_ABIL	0x00C1  /* 10GBASE-SR, -LR, PMA loopback */
#define DEVS_IN_PKG	0x001A  /* PMA/PMD, PCS, PHY XS (hw note 9) */
#define PHY_ID_HI	0x0043
#define PHY_ID_LO	0xA400
#define PRODUCT_CODE	0x2025  /* 1.D000: model choice, the real value is not known */
#define REVISION_B3	0xB3    /* 1.D001[15:8] (hw note 8.1) */
#define XGXS_ALIGNED	0x1C0F  /* 4.0018: lanes aligned + sync (hw note 9, 12.5) */
#define C309_STATIC	0x2000  /* 1.C309 bit 13 forces TX off (hw note 8.7) */

/* Vendor registers of the bring-up (hw note 8.2, 8.3) */
#define REG_MICRO_RESETN 0xC300
#define REG_BOOT_CTRL	0xE854
#define BOOT_ROM_CMD	0x00C0
#define BOOT_SRAM_CMD	0x0040
#define REG_FW_STATUS	0xD7FD
#define REG_HEARTBEAT	0xD7EE
#define REG_FW_VER0	0xD7F3
#define REG_MODULE	0xD70C
#define FW_ST_BOOTING	0x10
#define FW_ST_RUNNING	0x70    /* any value >= 0x20 and != 0x10 means running (hw note 8.2) */

/* Version reported by an image without the synthetic ID block: 2.0.3.3, the only public
 * QT2025 image (hw note 8.4). A model choice: the real firmware computes it itself.
 */
static const uint8_t ver_public[3] = { 0x20, 0x03, 0x03 };
static const char synth_id[8] = { 'Q', 'T', '2', '0', '2', '5', 'S', 'M' };

/* Configuration writes required while the 8051 is held (hw note 8.3 steps 3..10) */
struct cfg_step {
	uint8_t mmd;
	uint16_t reg;
	uint16_t val;
	const char *name;
};
static const struct cfg_step cfg_steps[] = {
	{ MMD_PMA, 0xC302, 0x0004, "1.C302" },
	{ MMD_PMA, 0xC319, 0x0038, "1.C319" },
	{ MMD_PMA, 0xC31A, 0x0098, "1.C31A" },
	{ MMD_PCS, 0x0026, 0x0E00, "3.0026" },
	{ MMD_PCS, 0x0027, 0x0893, "3.0027" },
	{ MMD_PCS, 0x0028, 0xA528, "3.0028" },
	{ MMD_PCS, 0x0029, 0x0003, "3.0029" },
	{ MMD_PMA, 0xC30A, 0x06E1, "1.C30A" },
};
#define CFG_STEPS	(sizeof(cfg_steps) / sizeof(cfg_steps[0]))
#define CFG_C30A_IDX	7
#define REG_A30A	0xA30A  /* mainline's spelling of 1.C30A, accepted (hw note 8.6 item 1) */

enum { LL_PMA, LL_PCS, LL_XS, LL_COUNT };

struct reg_ent {
	uint16_t reg;
	uint16_t val;
};

struct mmd_regs {
	struct reg_ent *ent;
	uint32_t n;
	uint32_t cap;
};

struct sim_phy {
	struct qt_sim *sim;
	uint8_t addr;
	uint64_t boot_ns;
	uint16_t ptr[MMD_COUNT];                /* C45 address pointer per MMD */
	struct mmd_regs regs[MMD_COUNT];        /* sparse storage, MMDs 1/3/4 only */

	enum qt_sim_phy_state state;
	enum qt_sim_module module;
	enum qt_sim_module crash_module;        /* 3.D70C frozen by a crash */
	bool absent;
	bool never_boots;
	uint8_t revision;

	/* current bring-up attempt */
	bool clean;                     /* no violation since the last hold */
	char reason[128];               /* why the attempt failed, "" if it did not */
	uint32_t cfg_written;           /* bit i: cfg_steps[i] written with its value */
	bool image_ok;
	char image_why[96];
	uint64_t boot_end;
	uint8_t ver[3];                 /* D7F3/4/5 of the booted image */

	uint64_t run_start;             /* heartbeat reference while RUNNING */
	uint8_t hb_base;                /* heartbeat at run_start, frozen value otherwise */

	bool ll[LL_COUNT];              /* latching-low link bits */

	uint8_t prog[PROG_MAX];
	uint8_t prog_map[PROG_MAX / 8]; /* bytes written since the hold */
};

static const char *const state_names[] = {
	"IDLE", "HELD", "RELEASED", "BOOT_ROM", "BOOTING", "RUNNING", "FAILED", "CRASHED",
};

static const char *
st_name(enum qt_sim_phy_state st)
{
	return (unsigned int)st < sizeof(state_names) / sizeof(state_names[0]) ?
		state_names[st] : "?";
}

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

static uint16_t
reg_get(const struct sim_phy *phy, uint8_t mmd, uint16_t reg)
{
	const struct mmd_regs *m = &phy->regs[mmd];
	uint32_t i = reg_pos(m, reg);

	return i < m->n && m->ent[i].reg == reg ? m->ent[i].val : 0;
}

static void
reg_set(struct sim_phy *phy, uint8_t mmd, uint16_t reg, uint16_t val)
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

/* ---- derived state ---- */

static bool
boot_ok(const struct sim_phy *phy)
{
	return phy->clean && phy->image_ok && !phy->never_boots;
}

/* The state as of now: a finished boot counts even before sim_phy_advance() saw it, so
 * that the const queries (asked for the peer on a wire too) are never stale.
 */
static enum qt_sim_phy_state
state_now(const struct sim_phy *phy)
{
	if (phy->state == QT_SIM_PHY_BOOTING && sim_now(phy->sim) >= phy->boot_end)
		return boot_ok(phy) ? QT_SIM_PHY_RUNNING : QT_SIM_PHY_FAILED;
	return phy->state;
}

static bool
running(const struct sim_phy *phy)
{
	return state_now(phy) == QT_SIM_PHY_RUNNING;
}

static bool
low_power(const struct sim_phy *phy)
{
	return ((reg_get(phy, MMD_PMA, 0) | reg_get(phy, MMD_PCS, 0) |
		 reg_get(phy, MMD_PHYXS, 0)) & CTRL1_LOWPOWER) != 0;
}

static bool
tx_disabled(const struct sim_phy *phy)
{
	return (reg_get(phy, MMD_PMA, 0x0009) & 0x0001) != 0 ||
		(reg_get(phy, MMD_PMA, 0xC309) & C309_STATIC) != 0;
}

static bool
xaui_aligned(const struct sim_phy *phy)
{
	uint32_t mac = sim_mac_speed(phy->sim);

	return running(phy) && mac != 0 && mac == sim_phy_line_speed(phy);
}

static uint8_t
heartbeat(const struct sim_phy *phy, uint64_t now)
{
	if (phy->state != QT_SIM_PHY_RUNNING || now < phy->run_start)
		return phy->hb_base;
	return (uint8_t)(phy->hb_base + (now - phy->run_start) / HEARTBEAT_NS);
}

/* A drop of a condition clears its latched bit until the next read (hw note 9 "LL"). */
static void
update_latches(struct sim_phy *phy)
{
	if (!sim_phy_rx_up(phy)) {
		phy->ll[LL_PMA] = false;
		phy->ll[LL_PCS] = false;
	}
	if (!xaui_aligned(phy))
		phy->ll[LL_XS] = false;
}

static void
set_state(struct sim_phy *phy, enum qt_sim_phy_state st)
{
	if (phy->state == st)
		return;
	if (phy->state == QT_SIM_PHY_RUNNING)
		phy->hb_base = heartbeat(phy, sim_now(phy->sim));
	phy->state = st;
	sim_trace(phy->sim, QT_SIM_TR_EVENT, phy->addr, 0, (uint16_t)st, 0,
		  QT_SIM_EV_PHY_STATE);
}

/* A strictness violation: the attempt can no longer run the 8051; a firmware that is
 * booting or running is disturbed and stops. The first reason of an attempt is kept.
 */
static void __attribute__((format(printf, 2, 3)))
phy_fail(struct sim_phy *phy, const char *fmt, ...)
{
	va_list ap;

	if (!phy->clean)
		return;
	phy->clean = false;
	va_start(ap, fmt);
	vsnprintf(phy->reason, sizeof(phy->reason), fmt, ap);
	va_end(ap);
	sim_violation(phy->sim, phy->reason);
	if (phy->state == QT_SIM_PHY_BOOTING || phy->state == QT_SIM_PHY_RUNNING ||
	    phy->state == QT_SIM_PHY_CRASHED)
		set_state(phy, QT_SIM_PHY_FAILED);
}

static void
advance(struct sim_phy *phy, uint64_t now)
{
	if (phy->state == QT_SIM_PHY_BOOTING && now >= phy->boot_end) {
		if (boot_ok(phy)) {
			phy->run_start = phy->boot_end;
			set_state(phy, QT_SIM_PHY_RUNNING);
		} else {
			if (phy->clean && !phy->image_ok)
				phy_fail(phy, "%s", phy->image_why);
			else if (phy->clean)
				snprintf(phy->reason, sizeof(phy->reason),
					 "firmware never booted (knob)");
			set_state(phy, QT_SIM_PHY_FAILED);
		}
	}
	update_latches(phy);
}

/* ---- 8051 life cycle (hw note 8.3) ---- */

static bool
prog_written(const struct sim_phy *phy, uint32_t a)
{
	return (phy->prog_map[a / 8] >> (a % 8)) & 1;
}

/* Image validity (model rule): one contiguous run from address 0, 1024..24576 bytes,
 * starting with an LJMP (0x02) whose target lies inside and holds neither 0x00 nor 0xFF.
 */
static void
check_image(struct sim_phy *phy)
{
	uint32_t len = 0, a, target;
	char *why = phy->image_why;
	size_t n = sizeof(phy->image_why);

	phy->image_ok = false;
	for (a = PROG_MAX; a > 0; a--) {
		if (prog_written(phy, a - 1)) {
			len = a;
			break;
		}
	}
	for (a = 0; a < len; a++) {
		if (!prog_written(phy, a)) {
			snprintf(why, n, "program memory has a gap at byte %u (image of %u bytes)",
				 a, len);
			return;
		}
	}
	if (len < PROG_MIN) {
		snprintf(why, n, "program image of %u bytes is shorter than %u", len, PROG_MIN);
		return;
	}
	if (phy->prog[0] != 0x02) {
		snprintf(why, n, "program byte 0 is 0x%02x, not an 8051 LJMP (0x02)",
			 phy->prog[0]);
		return;
	}
	target = (uint32_t)phy->prog[1] << 8 | phy->prog[2];
	if (target >= len) {
		snprintf(why, n, "LJMP target 0x%04x beyond the %u-byte image", target, len);
		return;
	}
	if (phy->prog[target] == 0x00 || phy->prog[target] == 0xFF) {
		snprintf(why, n, "no code at LJMP target 0x%04x (byte 0x%02x)", target,
			 phy->prog[target]);
		return;
	}
	phy->image_ok = true;
	why[0] = '\0';
	/* synthetic ID block "QT2025SM" at byte 3, version digits at 11..14 */
	if (len >= 15 && memcmp(&phy->prog[3], synth_id, sizeof(synth_id)) == 0) {
		phy->ver[0] = (uint8_t)((phy->prog[11] & 0xF) << 4 | (phy->prog[12] & 0xF));
		phy->ver[1] = phy->prog[13];
		phy->ver[2] = phy->prog[14];
	} else {
		memcpy(phy->ver, ver_public, sizeof(phy->ver));
	}
}

static void
hold_8051(struct sim_phy *phy)
{
	phy->clean = true;
	phy->reason[0] = '\0';
	phy->cfg_written = 0;
	phy->image_ok = false;
	phy->image_why[0] = '\0';
	memset(phy->prog, 0, sizeof(phy->prog));
	memset(phy->prog_map, 0, sizeof(phy->prog_map));
	set_state(phy, QT_SIM_PHY_HELD);
}

static void
write_micro_resetn(struct sim_phy *phy, uint16_t val)
{
	uint32_t i;

	if (val == 0x0000) {            /* step 2: hold, from any state */
		hold_8051(phy);
		return;
	}
	if (val != 0x0002) {
		phy_fail(phy, "1.C300 written with 0x%04x (0x0000 holds, 0x0002 releases)", val);
		return;
	}
	if (phy->state != QT_SIM_PHY_HELD) {    /* step 11 needs step 2 first */
		phy_fail(phy, "1.C300 = 0x0002 (release) while %s, not held",
			 st_name(phy->state));
		return;
	}
	for (i = 0; i < CFG_STEPS; i++) {
		if (!(phy->cfg_written & (1u << i))) {
			phy_fail(phy, "%s%s not written with 0x%04x before release",
				 cfg_steps[i].name, i == CFG_C30A_IDX ? " (or 1.A30A)" : "",
				 cfg_steps[i].val);
			break;
		}
	}
	set_state(phy, QT_SIM_PHY_RELEASED);
}

static void
write_boot_ctrl(struct sim_phy *phy, uint16_t val)
{
	if (val == BOOT_ROM_CMD) {              /* step 12 */
		if (phy->state != QT_SIM_PHY_RELEASED) {
			phy_fail(phy, "3.E854 = 0x00C0 (boot ROM) while %s, not released",
				 st_name(phy->state));
			return;
		}
		set_state(phy, QT_SIM_PHY_BOOT_ROM);
	} else if (val == BOOT_SRAM_CMD) {      /* step 14 */
		if (phy->state != QT_SIM_PHY_BOOT_ROM) {
			phy_fail(phy, "3.E854 = 0x0040 (run from SRAM) while %s, not in boot ROM",
				 st_name(phy->state));
			return;
		}
		check_image(phy);
		phy->boot_end = sim_now(phy->sim) + phy->boot_ns;
		set_state(phy, QT_SIM_PHY_BOOTING);
	} else {
		phy_fail(phy, "3.E854 written with 0x%04x (0x00C0 or 0x0040 expected)", val);
	}
}

static void
write_prog(struct sim_phy *phy, uint8_t mmd, uint16_t reg, uint32_t a, uint16_t val)
{
	if (phy->state != QT_SIM_PHY_BOOT_ROM) {        /* step 13 needs step 12 */
		phy_fail(phy, "program write %u.%04X while %s, not in boot ROM", mmd, reg,
			 st_name(phy->state));
		return;
	}
	if (val > 0xFF) {
		phy_fail(phy, "program write %u.%04X with 0x%04x (> 0xFF)", mmd, reg, val);
		return;
	}
	phy->prog[a] = (uint8_t)val;
	phy->prog_map[a / 8] |= (uint8_t)(1u << (a % 8));
}

/* Steps 3..10: returns true when (mmd, reg) is a configuration register. */
static bool
write_cfg(struct sim_phy *phy, uint8_t mmd, uint16_t reg, uint16_t val)
{
	const char *name;
	uint32_t i;

	for (i = 0; i < CFG_STEPS; i++)
		if (cfg_steps[i].mmd == mmd && cfg_steps[i].reg == reg)
			break;
	if (i == CFG_STEPS && mmd == MMD_PMA && reg == REG_A30A)
		i = CFG_C30A_IDX;
	if (i == CFG_STEPS)
		return false;
	name = reg == REG_A30A ? "1.A30A" : cfg_steps[i].name;
	reg_set(phy, mmd, reg, val);
	if (phy->state != QT_SIM_PHY_HELD)
		phy_fail(phy, "%s written while %s, not held", name, st_name(phy->state));
	else if (val != cfg_steps[i].val)
		phy_fail(phy, "%s written with 0x%04x, expected 0x%04x", name, val,
			 cfg_steps[i].val);
	else
		phy->cfg_written |= 1u << i;
	return true;
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
	/* 1.0007 type select (hw note 9): 7 SR, 6 LR, 5 ER, 8 LRM */
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
	enum qt_sim_phy_state st = phy->state;
	bool fw = st == QT_SIM_PHY_RUNNING || st == QT_SIM_PHY_CRASHED;

	if (mmd != MMD_PMA && mmd != MMD_PCS && mmd != MMD_PHYXS)
		return 0;       /* not in the package (hw note 9) */
	switch (reg) {
	case 0x0001:
		if (mmd == MMD_PHYXS)
			return read_stat1(phy, LL_XS, xaui_aligned(phy), read_stat2(phy, mmd));
		return read_stat1(phy, mmd == MMD_PMA ? LL_PMA : LL_PCS, sim_phy_rx_up(phy),
				  read_stat2(phy, mmd));
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
	if (mmd == MMD_PMA) {
		switch (reg) {
		case 0x0004:
			return 0x0001;          /* 10G capable */
		case 0x0007:
			return pma_type(phy->module);
		case 0x000A:
			return phy->module != QT_SIM_MODULE_NONE && sim_signal_in(phy->sim);
		case 0xD000:
			return PRODUCT_CODE;
		case 0xD001:
			return (uint16_t)(phy->revision << 8);
		default:
			break;
		}
	} else if (mmd == MMD_PCS) {
		if (reg >= PROG_PCS_BASE && reg < PROG_PCS_BASE + PROG_PCS_LEN)
			return phy->prog[reg - PROG_PCS_BASE];
		switch (reg) {
		case 0x0020:            /* 10GBASE-R status: bit 12 link, bit 0 block lock */
			return sim_phy_rx_up(phy) ? 0x1001 : 0;
		case REG_FW_STATUS:
			if (fw)
				return FW_ST_RUNNING;
			return st == QT_SIM_PHY_BOOTING || st == QT_SIM_PHY_FAILED ?
				FW_ST_BOOTING : 0;
		case REG_HEARTBEAT:
			return heartbeat(phy, sim_now(phy->sim));
		case REG_FW_VER0:
		case REG_FW_VER0 + 1:
		case REG_FW_VER0 + 2:
			return fw ? phy->ver[reg - REG_FW_VER0] : 0;
		case REG_MODULE:
			if (st == QT_SIM_PHY_RUNNING)
				return (uint16_t)(phy->module & 0xFF);
			return st == QT_SIM_PHY_CRASHED ? (uint16_t)(phy->crash_module & 0xFF) : 0;
		default:
			break;
		}
	} else {
		if (reg >= PROG_XS_BASE && reg < PROG_XS_BASE + PROG_XS_LEN)
			return phy->prog[PROG_PCS_LEN + reg - PROG_XS_BASE];
		if (reg == 0x0018)
			return xaui_aligned(phy) ? XGXS_ALIGNED : 0;
	}
	return reg_get(phy, mmd, reg);
}

static void
phy_write(struct sim_phy *phy, uint8_t mmd, uint16_t reg, uint16_t val)
{
	if (mmd != MMD_PMA && mmd != MMD_PCS && mmd != MMD_PHYXS)
		return;
	if (mmd == MMD_PMA && reg == REG_MICRO_RESETN) {
		reg_set(phy, mmd, reg, val);
		write_micro_resetn(phy, val);
	} else if (mmd == MMD_PCS && reg == REG_BOOT_CTRL) {
		reg_set(phy, mmd, reg, val);
		write_boot_ctrl(phy, val);
	} else if (mmd == MMD_PCS && reg >= PROG_PCS_BASE &&
		   reg < PROG_PCS_BASE + PROG_PCS_LEN) {
		write_prog(phy, mmd, reg, reg - PROG_PCS_BASE, val);
	} else if (mmd == MMD_PHYXS && reg >= PROG_XS_BASE &&
		   reg < PROG_XS_BASE + PROG_XS_LEN) {
		write_prog(phy, mmd, reg, PROG_PCS_LEN + reg - PROG_XS_BASE, val);
	} else if (write_cfg(phy, mmd, reg, val)) {
		/* handled */
	} else if (reg == 0x0000) {
		reg_set(phy, mmd, reg, val & ~CTRL1_RESET);     /* reset self-clears */
	} else {
		reg_set(phy, mmd, reg, val);
	}
	update_latches(phy);
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
	/* control 1 reset value 0x2040: 10 Gb/s speed selection (hw note 9) */
	reg_set(phy, MMD_PMA, 0x0000, 0x2040);
	reg_set(phy, MMD_PCS, 0x0000, 0x2040);
	reg_set(phy, MMD_PHYXS, 0x0000, 0x2040);
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
	advance(phy, sim_now(phy->sim));
	*val = phy_read(phy, mmd, phy->ptr[mmd]);
	return true;
}

void
sim_phy_c45_write(struct sim_phy *phy, uint8_t mmd, uint16_t val)
{
	if (phy->absent)
		return;
	mmd %= MMD_COUNT;
	advance(phy, sim_now(phy->sim));
	phy_write(phy, mmd, phy->ptr[mmd], val);
}

bool
sim_phy_present(const struct sim_phy *phy)
{
	return !phy->absent;
}

void
sim_phy_advance(struct sim_phy *phy, uint64_t now_ns)
{
	advance(phy, now_ns);
}

bool
sim_phy_transmitting(const struct sim_phy *phy)
{
	return running(phy) && phy->module != QT_SIM_MODULE_NONE && !low_power(phy) &&
		!tx_disabled(phy);
}

bool
sim_phy_rx_up(const struct sim_phy *phy)
{
	if (!running(phy) || phy->module == QT_SIM_MODULE_NONE || low_power(phy))
		return false;
	return (reg_get(phy, MMD_PCS, 0) & CTRL1_PCS_LPBK) != 0 ||
		(reg_get(phy, MMD_PMA, 0) & CTRL1_PMA_LPBK) != 0 ||
		sim_signal_in(phy->sim);
}

uint32_t
sim_phy_line_speed(const struct sim_phy *phy)
{
	/* hw note 8.5: 1G for 1000BASE-SX/LX/CX/T, 10G for every other module */
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
sim_phy_inputs_changed(struct sim_phy *phy)
{
	update_latches(phy);
}

void
sim_phy_set_module(struct sim_phy *phy, enum qt_sim_module type)
{
	advance(phy, sim_now(phy->sim));
	phy->module = type;
	update_latches(phy);
}

enum qt_sim_module
sim_phy_module(const struct sim_phy *phy)
{
	return phy->module;
}

void
sim_phy_set_fault(struct sim_phy *phy, enum qt_sim_fault fault, uint32_t arg)
{
	advance(phy, sim_now(phy->sim));
	switch (fault) {
	case QT_SIM_FAULT_PHY_ABSENT:
		phy->absent = arg != 0;
		break;
	case QT_SIM_FAULT_WRONG_REVISION:
		phy->revision = arg != 0 ? (uint8_t)arg : REVISION_B3;
		break;
	case QT_SIM_FAULT_FW_NEVER_BOOTS:
		phy->never_boots = arg != 0;
		break;
	case QT_SIM_FAULT_HEARTBEAT_STOPS:
		if (arg != 0 && phy->state == QT_SIM_PHY_RUNNING) {
			phy->crash_module = phy->module;
			set_state(phy, QT_SIM_PHY_CRASHED);
		}
		break;
	default:
		break;          /* MDIO faults belong to the controller */
	}
	update_latches(phy);
}

enum qt_sim_phy_state
sim_phy_state(const struct sim_phy *phy)
{
	return state_now(phy);
}

const char *
sim_phy_fail_reason(const struct sim_phy *phy)
{
	return phy->reason;
}
