/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The 8051 inside the QT2025 of the device model: hold and release, boot ROM, program
 * download, image check, boot, running firmware with its status, heartbeat, version and
 * module-type registers, and crash; a strict checker of the bring-up order (hardware.md 8.3,
 * 8.6, 12.5). Also the model's one table of PHY state names.
 */

#include <stdio.h>
#include <string.h>

#include "sim_phy.h"

#define PROG_MIN	1024u   /* model choice: smaller images are refused */
#define HEARTBEAT_NS	(100 * NS_PER_MS)       /* 3.D7EE tick (hardware.md 8.7, 12.5) */

/* Vendor registers of the bring-up (hardware.md 8.2, 8.3) */
#define REG_MICRO_RESETN 0xC300
#define REG_BOOT_CTRL	0xE854
#define BOOT_ROM_CMD	0x00C0
#define BOOT_SRAM_CMD	0x0040
#define REG_FW_STATUS	0xD7FD
#define REG_HEARTBEAT	0xD7EE
#define REG_FW_VER0	0xD7F3
#define REG_MODULE	0xD70C
#define FW_ST_BOOTING	0x10
#define FW_ST_RUNNING	0x70    /* any value >= 0x20 and != 0x10 means running (hardware.md 8.2) */

/* Version reported by an image without the synthetic ID block: 2.0.3.3, the only public
 * QT2025 image (hardware.md 8.4). A model choice: the real firmware computes it itself.
 */
static const uint8_t ver_public[3] = { 0x20, 0x03, 0x03 };
static const char synth_id[8] = { 'Q', 'T', '2', '0', '2', '5', 'S', 'M' };

/* Configuration writes required while the 8051 is held (hardware.md 8.3 steps 3..10) */
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
#define CFG_STEPS	SIM_DIM(cfg_steps)
#define CFG_C30A_IDX	7
/* mainline's spelling of 1.C30A, accepted (hardware.md 8.6 item 1) */
#define REG_A30A	0xA30A

/* The one table of state names: the public API and the fail reasons both use it. */
const char *
qt_sim_phy_state_name(enum qt_sim_phy_state st)
{
	static const char *const names[] = {
		[QT_SIM_PHY_IDLE] = "idle",
		[QT_SIM_PHY_HELD] = "held",
		[QT_SIM_PHY_RELEASED] = "released",
		[QT_SIM_PHY_BOOT_ROM] = "boot_rom",
		[QT_SIM_PHY_BOOTING] = "booting",
		[QT_SIM_PHY_RUNNING] = "running",
		[QT_SIM_PHY_FAILED] = "failed",
		[QT_SIM_PHY_CRASHED] = "crashed",
	};

	if ((unsigned int)st >= SIM_DIM(names))
		return "unknown";
	return names[st];
}

/* ---- state ---- */

static bool
boot_ok(const struct sim_phy *phy)
{
	return phy->clean && phy->image_ok && !phy->never_boots;
}

/* The state as of now: a finished boot counts even before sim_phy_advance() saw it, so
 * that the const queries (asked for the peer on a wire too) are never stale.
 */
enum qt_sim_phy_state
sim_phy_state(const struct sim_phy *phy)
{
	if (phy->state == QT_SIM_PHY_BOOTING && sim_now(phy->sim) >= phy->boot_end)
		return boot_ok(phy) ? QT_SIM_PHY_RUNNING : QT_SIM_PHY_FAILED;
	return phy->state;
}

const char *
sim_phy_fail_reason(const struct sim_phy *phy)
{
	return phy->reason;
}

static uint8_t
heartbeat(const struct sim_phy *phy, uint64_t now)
{
	if (phy->state != QT_SIM_PHY_RUNNING || now < phy->run_start)
		return phy->hb_base;
	return (uint8_t)(phy->hb_base + (now - phy->run_start) / HEARTBEAT_NS);
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
static void
phy_fail_reason(struct sim_phy *phy, const char *reason)
{
	if (!phy->clean)
		return;
	phy->clean = false;
	snprintf(phy->reason, sizeof(phy->reason), "%s", reason);
	sim_violation(phy->sim, phy->reason);
	if (phy->state == QT_SIM_PHY_BOOTING || phy->state == QT_SIM_PHY_RUNNING ||
	    phy->state == QT_SIM_PHY_CRASHED)
		set_state(phy, QT_SIM_PHY_FAILED);
}

/* phy_fail_reason with a printf-style reason: snprintf's own checks cover the format */
#define phy_fail(phy, ...) do { \
	char phy_reason_[SIM_PHY_REASON_LEN]; \
	snprintf(phy_reason_, sizeof(phy_reason_), __VA_ARGS__); \
	phy_fail_reason(phy, phy_reason_); \
} while (0)

void
sim_phy_advance(struct sim_phy *phy, uint64_t now_ns)
{
	if (phy->state == QT_SIM_PHY_BOOTING && now_ns >= phy->boot_end) {
		if (boot_ok(phy)) {
			phy->run_start = phy->boot_end;
			phy->status_stuck = phy->stuck_boots > 0;
			if (phy->stuck_boots > 0)
				phy->stuck_boots--;
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
	sim_phy_update_latches(phy);
}

uint64_t
sim_phy_due(const struct sim_phy *phy)
{
	return phy->state == QT_SIM_PHY_BOOTING ? phy->boot_end : UINT64_MAX;
}

void
sim_phy_set_fault(struct sim_phy *phy, enum qt_sim_fault fault, uint32_t arg)
{
	sim_phy_advance(phy, sim_now(phy->sim));
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
	case QT_SIM_FAULT_STATUS_STUCK:
		phy->stuck_boots = arg;
		break;
	case QT_SIM_FAULT_PCS_STUCK:
		phy->pcs_stuck = arg != 0;
		break;
	case QT_SIM_FAULT_SFP_MIRROR:
		phy->sfp_mirror = arg <= QT_SIM_SFP_MIRROR_GARBAGE ? (uint8_t)arg : 0;
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
	sim_phy_update_latches(phy);
}

/* ---- program image (hardware.md 8.3 step 13) ---- */

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

/* ---- bring-up writes (hardware.md 8.3) ---- */

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
			 qt_sim_phy_state_name(phy->state));
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
		/* the Solarflare restart from RAM (hardware.md 8.7): a booted image runs again */
		if (phy->image_ok && phy->clean && (phy->state == QT_SIM_PHY_RUNNING ||
						    phy->state == QT_SIM_PHY_CRASHED)) {
			set_state(phy, QT_SIM_PHY_BOOT_ROM);
			return;
		}
		if (phy->state != QT_SIM_PHY_RELEASED) {
			phy_fail(phy, "3.E854 = 0x00C0 (boot ROM) while %s, not released",
				 qt_sim_phy_state_name(phy->state));
			return;
		}
		set_state(phy, QT_SIM_PHY_BOOT_ROM);
	} else if (val == BOOT_SRAM_CMD) {      /* step 14 */
		if (phy->state != QT_SIM_PHY_BOOT_ROM) {
			phy_fail(phy, "3.E854 = 0x0040 (run from SRAM) while %s, not in boot ROM",
				 qt_sim_phy_state_name(phy->state));
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
			 qt_sim_phy_state_name(phy->state));
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
	sim_phy_reg_set(phy, mmd, reg, val);
	if (phy->state != QT_SIM_PHY_HELD)
		phy_fail(phy, "%s written while %s, not held", name,
			 qt_sim_phy_state_name(phy->state));
	else if (val != cfg_steps[i].val)
		phy_fail(phy, "%s written with 0x%04x, expected 0x%04x", name, val,
			 cfg_steps[i].val);
	else
		phy->cfg_written |= 1u << i;
	return true;
}

/* ---- the registers the 8051 owns (sim_phy.h) ---- */

bool
sim_8051_write(struct sim_phy *phy, uint8_t mmd, uint16_t reg, uint16_t val)
{
	if (mmd == MMD_PMA && reg == REG_MICRO_RESETN) {
		sim_phy_reg_set(phy, mmd, reg, val);
		write_micro_resetn(phy, val);
	} else if (mmd == MMD_PCS && reg == REG_BOOT_CTRL) {
		sim_phy_reg_set(phy, mmd, reg, val);
		write_boot_ctrl(phy, val);
	} else if (mmd == MMD_PCS && reg >= PROG_PCS_BASE &&
		   reg < PROG_PCS_BASE + PROG_PCS_LEN) {
		write_prog(phy, mmd, reg, reg - PROG_PCS_BASE, val);
	} else if (mmd == MMD_PHYXS && reg >= PROG_XS_BASE &&
		   reg < PROG_XS_BASE + PROG_XS_LEN) {
		write_prog(phy, mmd, reg, PROG_PCS_LEN + reg - PROG_XS_BASE, val);
	} else {
		return write_cfg(phy, mmd, reg, val);
	}
	return true;
}

bool
sim_8051_read(struct sim_phy *phy, uint8_t mmd, uint16_t reg, uint16_t *val)
{
	enum qt_sim_phy_state st = phy->state;
	bool fw = st == QT_SIM_PHY_RUNNING || st == QT_SIM_PHY_CRASHED;

	if (mmd == MMD_PHYXS && reg >= PROG_XS_BASE && reg < PROG_XS_BASE + PROG_XS_LEN) {
		*val = phy->prog[PROG_PCS_LEN + reg - PROG_XS_BASE];
		return true;
	}
	if (mmd != MMD_PCS)
		return false;
	if (reg >= PROG_PCS_BASE && reg < PROG_PCS_BASE + PROG_PCS_LEN) {
		*val = phy->prog[reg - PROG_PCS_BASE];
		return true;
	}
	switch (reg) {
	case REG_FW_STATUS:
		if (fw)
			*val = phy->status_stuck ? 0x00 : FW_ST_RUNNING;
		else
			*val = st == QT_SIM_PHY_BOOTING || st == QT_SIM_PHY_FAILED ?
				FW_ST_BOOTING : 0;
		return true;
	case REG_HEARTBEAT:
		*val = heartbeat(phy, sim_now(phy->sim));
		return true;
	case REG_FW_VER0:
	case REG_FW_VER0 + 1:
	case REG_FW_VER0 + 2:
		*val = fw ? phy->ver[reg - REG_FW_VER0] : 0;
		return true;
	case REG_MODULE:
		if (st == QT_SIM_PHY_RUNNING)
			*val = (uint16_t)(phy->module & 0xFF);
		else
			*val = st == QT_SIM_PHY_CRASHED ? (uint16_t)(phy->crash_module & 0xFF) : 0;
		return true;
	default:
		return false;
	}
}
