/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Private to the QT2025 half of the model: the layout of struct sim_phy, shared by its
 * register file and line side (sim_qt2025_regs.c) and its 8051 life cycle
 * (sim_qt2025_8051.c). The NIC half only sees sim_internal.h. Every function here runs with
 * the model lock held.
 */

#ifndef SIM_PHY_H
#define SIM_PHY_H

#include <stdbool.h>
#include <stdint.h>

#include "sim_internal.h"

#define SIM_DIM(a) (sizeof(a) / sizeof((a)[0]))
#define SIM_PHY_REASON_LEN 128

#define MMD_PMA		1
#define MMD_PCS		3
#define MMD_PHYXS	4
#define MMD_COUNT	32

/* 8051 program memory (hardware.md 8.2, 8.4): 16 KiB at 3.8000, 8 KiB at 4.8000 */
#define PROG_PCS_BASE	0x8000
#define PROG_PCS_LEN	16384u
#define PROG_XS_BASE	0x8000
#define PROG_XS_LEN	8192u
#define PROG_MAX	(PROG_PCS_LEN + PROG_XS_LEN)

#define NS_PER_MS	1000000ull
#define REVISION_B3	0xB3    /* 1.D001[15:8] (hardware.md 8.1) */

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
	uint8_t sfp_mirror;             /* enum qt_sim_sfp_mirror */
	uint8_t revision;
	uint32_t stuck_boots;           /* erratum 17689 knob: boots left with status 0x00 */
	bool status_stuck;              /* this run reports 3.D7FD = 0x00 */
	bool pcs_stuck;                 /* erratum 17190 knob: no block lock until a kick */

	/* current bring-up attempt */
	bool clean;                     /* no violation since the last hold */
	char reason[SIM_PHY_REASON_LEN]; /* why the attempt failed, "" if it did not */
	uint32_t cfg_written;           /* bit i: configuration step i written with its value */
	bool image_ok;
	char image_why[96];
	uint64_t boot_end;
	uint8_t ver[3];                 /* D7F3/4/5 of the booted image */

	uint64_t run_start;             /* heartbeat reference while running */
	uint8_t hb_base;                /* heartbeat at run_start, frozen value otherwise */

	bool ll[LL_COUNT];              /* latching-low link bits */

	uint8_t prog[PROG_MAX];
	uint8_t prog_map[PROG_MAX / 8]; /* bytes written since the hold */
};

/* sim_qt2025_regs.c: sparse register storage and the latching-low bits. */
uint16_t sim_phy_reg_get(const struct sim_phy *phy, uint8_t mmd, uint16_t reg);
void sim_phy_reg_set(struct sim_phy *phy, uint8_t mmd, uint16_t reg, uint16_t val);
/* A drop of a condition clears its latched bit until the next read (hardware.md 9 "LL"). */
void sim_phy_update_latches(struct sim_phy *phy);

/* sim_qt2025_8051.c: the registers the 8051 and its firmware own (bring-up controls,
 * program memory, status, heartbeat, version, module type). Return false for the others.
 */
bool sim_8051_read(struct sim_phy *phy, uint8_t mmd, uint16_t reg, uint16_t *val);
bool sim_8051_write(struct sim_phy *phy, uint8_t mmd, uint16_t reg, uint16_t val);

/* sim_sfp.c: 3.D000 + n, the module EEPROM mirror (hardware.md 8.2). */
uint16_t sim_sfp_mirror_read(const struct sim_phy *phy, uint16_t n);

#endif /* SIM_PHY_H */
