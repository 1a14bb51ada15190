/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The QT2025 part of the device model, driven only through the public model API: BAR0
 * MDIO registers (hw note 5), the 8.3 bring-up, the fault knobs, latching-low status bits
 * and the line side.
 */

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "qt_sim.h"
#include "qt_test.h"

/* A snapshot of the model, for one-line checks. */
static struct qt_sim_obs
obs(struct qt_sim *sim)
{
	struct qt_sim_obs o;

	qt_sim_observe(sim, &o);
	return o;
}

/* BAR0 registers (hw note 5, 6.1, 6.3) */
#define MDIO_CMD_STAT	0x6030
#define MDIO_CMD	0x6034
#define MDIO_DATA	0x6038
#define MDIO_ADDR	0x603C
#define MDIO_BUSY	0x1
#define MDIO_ERR	0x2
#define MDIO_READ	0x8000
#define MDIO_6MHZ	0x0A48
#define CLKPLL		0x5000

#define MS		1000000ull
#define PRTAD		1
#define BOOT_NS		(200 * MS)      /* default boot_ms */

struct port {
	struct qt_sim_fake_clock *fc;
	struct qt_sim *sim;
	int err;                        /* MDIO errors or timeouts seen */
	int st;                         /* MDIO_CMD_STAT after the last frame */
};

/* ---- Clause-45 MDIO through the BAR (hw note 5) ---- */

static int
mdio_wait(struct port *p)
{
	int i;

	for (i = 0; i < 10000; i++) {
		uint32_t st = qt_sim_rd32(p->sim, MDIO_CMD_STAT);

		if (!(st & MDIO_BUSY)) {
			p->st = (int)st;
			return (st & MDIO_ERR) ? 1 : 0;
		}
		qt_sim_spin_ns(p->sim, 1000);
	}
	return -1;
}

static int
c45_read(struct port *p, uint8_t prtad, uint8_t mmd, uint16_t reg, uint16_t *val)
{
	uint32_t cmd = mmd | (uint32_t)prtad << 5;

	if (mdio_wait(p) < 0)
		return -1;
	qt_sim_wr32(p->sim, MDIO_CMD, cmd);
	qt_sim_wr32(p->sim, MDIO_ADDR, reg);
	if (mdio_wait(p) < 0)
		return -1;
	qt_sim_wr32(p->sim, MDIO_CMD, cmd | MDIO_READ);
	if (mdio_wait(p) < 0)
		return -1;
	*val = (uint16_t)qt_sim_rd32(p->sim, MDIO_DATA);
	return (p->st & MDIO_ERR) ? 1 : 0;
}

static int
c45_write(struct port *p, uint8_t prtad, uint8_t mmd, uint16_t reg, uint16_t val)
{
	uint32_t cmd = mmd | (uint32_t)prtad << 5;

	if (mdio_wait(p) < 0)
		return -1;
	qt_sim_wr32(p->sim, MDIO_CMD, cmd);
	qt_sim_wr32(p->sim, MDIO_ADDR, reg);
	if (mdio_wait(p) < 0)
		return -1;
	qt_sim_wr32(p->sim, MDIO_DATA, val);
	return mdio_wait(p) != 0 ? -1 : 0;
}

/* Terse forms for the PHY at PRTAD; a failed frame is counted in p->err. */
static uint16_t
rd(struct port *p, uint8_t mmd, uint16_t reg)
{
	uint16_t v = 0xDEAD;

	if (c45_read(p, PRTAD, mmd, reg, &v) != 0)
		p->err++;
	return v;
}

static void
wr(struct port *p, uint8_t mmd, uint16_t reg, uint16_t val)
{
	if (c45_write(p, PRTAD, mmd, reg, val) != 0)
		p->err++;
}

/* ---- MAC side (hw note 6.1, 6.3) ---- */

static void
pll_reset(struct port *p)
{
	uint32_t v = qt_sim_rd32(p->sim, CLKPLL);
	int i;

	qt_sim_wr32(p->sim, CLKPLL, (v | 0x1) + 0x8);
	qt_sim_spin_ns(p->sim, 50000);
	v = qt_sim_rd32(p->sim, CLKPLL);
	qt_sim_wr32(p->sim, CLKPLL, v & ~0x1u);
	for (i = 0; i < 70; i++) {
		if ((qt_sim_rd32(p->sim, CLKPLL) & 0x300) == 0x300)
			break;
		qt_sim_sleep_ns(p->sim, 10 * MS);
	}
	qt_sim_spin_ns(p->sim, 50000);
	(void)qt_sim_rd32(p->sim, 0x4060);
}

static void
mac_init_stat(struct port *p)
{
	int i;

	qt_sim_wr32(p->sim, 0x1014, 0x43);
	for (i = 0; i < 1000; i++) {
		qt_sim_spin_ns(p->sim, 50000);
		if (qt_sim_rd32(p->sim, 0x1014) & 0x200) {
			qt_sim_wr32(p->sim, 0x1014, 0x3);
			(void)qt_sim_rd32(p->sim, 0x1014);
			break;
		}
	}
}

static void
mac_reset_pulse(struct port *p)
{
	qt_sim_wr32(p->sim, 0x111C, 0x7FF);
	qt_sim_sleep_ns(p->sim, 2 * MS);
	qt_sim_wr32(p->sim, 0x111C, 0);
}

/* speed 10000, 1000 or 0 (link down) */
static void
mac_speed(struct port *p, uint32_t speed)
{
	uint32_t off;

	if (speed == 10000) {
		qt_sim_wr32(p->sim, 0x1010, 0x217);
		for (off = 0x104C; off <= 0x1058; off += 4)
			qt_sim_wr32(p->sim, off, 0x4C);
		for (off = 0x102C; off <= 0x1038; off += 4)
			qt_sim_wr32(p->sim, off, 0x434);
		qt_sim_wr32(p->sim, 0x6300, 0x0400);
		qt_sim_wr32(p->sim, 0x1018, 0x00);
		qt_sim_spin_ns(p->sim, 5000);
		qt_sim_wr32(p->sim, 0x1018, 0x04);
		qt_sim_spin_ns(p->sim, 5000);
		qt_sim_wr32(p->sim, 0x1018, 0x06);
		qt_sim_spin_ns(p->sim, 5000);
		for (off = 0x103C; off <= 0x1048; off += 4)
			qt_sim_wr32(p->sim, off, 0x81644);
		mac_init_stat(p);
		qt_sim_wr32(p->sim, 0x6350, 0x0);
		qt_sim_wr32(p->sim, 0x6008, 0xC13);
		mac_reset_pulse(p);
	} else if (speed == 1000) {
		qt_sim_wr32(p->sim, 0x1010, 0x613);
		qt_sim_wr32(p->sim, 0x104C, 0x4D);
		for (off = 0x1050; off <= 0x1058; off += 4)
			qt_sim_wr32(p->sim, off, 0);
		qt_sim_wr32(p->sim, 0x102C, 0x35);
		for (off = 0x1030; off <= 0x1038; off += 4)
			qt_sim_wr32(p->sim, off, 0);
		qt_sim_wr32(p->sim, 0x6300, 0x1140);
		mac_init_stat(p);
		qt_sim_wr32(p->sim, 0x6350, 0x2B);
		qt_sim_wr32(p->sim, 0x6310, 0x9801);
		qt_sim_wr32(p->sim, 0x6314, 0x1);
		qt_sim_wr32(p->sim, 0x6348, 0xC8);
		qt_sim_wr32(p->sim, 0x634C, 0xC8);
		qt_sim_spin_ns(p->sim, 50000);
		qt_sim_wr32(p->sim, 0x6008, 0xC13);
		mac_reset_pulse(p);
		qt_sim_wr32(p->sim, 0x6300, 0x1140);
	} else {
		for (off = 0x104C; off <= 0x1058; off += 4)
			qt_sim_wr32(p->sim, off, 0);
		for (off = 0x102C; off <= 0x1038; off += 4)
			qt_sim_wr32(p->sim, off, 0);
		qt_sim_wr32(p->sim, 0x6008, 0x800);
		mac_reset_pulse(p);
	}
}

/* ---- ports ---- */

static int
port_open(struct port *p, struct qt_sim_fake_clock *fc, const char *wire,
	  enum qt_sim_module module)
{
	struct qt_sim_config cfg;

	memset(&cfg, 0, sizeof(cfg));
	cfg.wire = wire;
	cfg.module = module;
	cfg.timing = QT_SIM_TIMING_FAST;
	cfg.phy_addr = PRTAD;
	cfg.clock = &fc->clock;
	memset(p, 0, sizeof(*p));
	p->fc = fc;
	p->sim = qt_sim_create(&cfg);
	if (p->sim == NULL)
		return -1;
	pll_reset(p);
	qt_sim_wr32(p->sim, MDIO_CMD_STAT, MDIO_6MHZ);
	qt_sim_sleep_ns(p->sim, 100 * MS);
	return 0;
}

/* ---- the 8.3 bring-up, with one deviation at a time ---- */

struct cfg_step {
	uint8_t mmd;
	uint16_t reg;
	uint16_t val;
	const char *name;
};

/* hw note 8.3 steps 3..10 */
static const struct cfg_step cfg_steps[] = {
	{ 1, 0xC302, 0x0004, "1.C302" },
	{ 1, 0xC319, 0x0038, "1.C319" },
	{ 1, 0xC31A, 0x0098, "1.C31A" },
	{ 3, 0x0026, 0x0E00, "3.0026" },
	{ 3, 0x0027, 0x0893, "3.0027" },
	{ 3, 0x0028, 0xA528, "3.0028" },
	{ 3, 0x0029, 0x0003, "3.0029" },
	{ 1, 0xC30A, 0x06E1, "1.C30A" },
};
#define NCFG	(sizeof(cfg_steps) / sizeof(cfg_steps[0]))

enum dev {
	DEV_NONE,
	DEV_SKIP_CFG,           /* config step idx not written */
	DEV_BAD_CFG,            /* config step idx written with a wrong value */
	DEV_CFG_MMD,            /* config step idx written to the wrong MMD */
	DEV_CFG_LATE,           /* config step idx written again after the release */
	DEV_A30A,               /* mainline's 1.A30A instead of 1.C30A (accepted) */
	DEV_BOTH_30A,           /* both 1.C30A and 1.A30A (accepted) */
	DEV_PROG_MMD1,          /* first 16 KiB to 1.8000 instead of 3.8000 */
	DEV_PROG_HELD,          /* a full download while held, then the normal one */
	DEV_SRAM_EARLY,         /* 3.E854 = 0x40 before 0xC0 */
	DEV_ROM_EARLY,          /* 3.E854 = 0xC0 before the release */
	DEV_RELEASE_FIRST,      /* 1.C300 = 2 at step 2, 1.C300 = 0 at step 11 */
	DEV_ZERO_IMG,
	DEV_SHORT_IMG,          /* 1000 bytes */
	DEV_GAP_IMG,            /* byte 5000 never written */
	DEV_BAD_ENTRY,          /* 0xFF at the LJMP target */
	DEV_BIG_BYTE,           /* a program write of 0x0102 */
	DEV_NO_ID_BLOCK,        /* valid 8051 image without "QT2025SM" (reports 2.0.3.3) */
};

static void
download(struct port *p, const uint8_t *img, size_t len, uint8_t pcs_mmd, size_t skip,
	 size_t big)
{
	size_t i;

	for (i = 0; i < len && p->err == 0; i++) {
		uint16_t v = i == big ? 0x0102 : img[i];

		if (i == skip)
			continue;
		if (i < 16384)
			wr(p, pcs_mmd, (uint16_t)(0x8000 + i), v);
		else
			wr(p, 4, (uint16_t)(0x8000 + i - 16384), v);
	}
}

static void
write_cfg(struct port *p, enum dev d, unsigned int idx)
{
	unsigned int i;

	for (i = 0; i < NCFG; i++) {
		const struct cfg_step *c = &cfg_steps[i];
		uint16_t reg = c->reg;

		if (d == DEV_SKIP_CFG && i == idx)
			continue;
		if (reg == 0xC30A && (d == DEV_A30A || d == DEV_BOTH_30A)) {
			if (d == DEV_BOTH_30A)
				wr(p, 1, 0xC30A, c->val);
			reg = 0xA30A;
		}
		if (d == DEV_BAD_CFG && i == idx)
			wr(p, c->mmd, reg, c->val ^ 0x0100);
		else if (d == DEV_CFG_MMD && i == idx)
			wr(p, c->mmd == 1 ? 3 : 1, reg, c->val);
		else
			wr(p, c->mmd, reg, c->val);
	}
}

/* Steps 2..14 of hw note 8.3 (step 1, the revision check, is a read). */
static void
bring_up(struct port *p, enum dev d, unsigned int idx)
{
	const uint8_t *img = qt_sim_phy_fw;
	size_t len = qt_sim_phy_fw_len, skip = (size_t)-1, big = (size_t)-1;
	uint8_t *buf = NULL;

	if (d == DEV_ZERO_IMG || d == DEV_BAD_ENTRY || d == DEV_NO_ID_BLOCK) {
		buf = calloc(1, len);
		if (buf == NULL) {
			p->err++;
			return;
		}
		if (d != DEV_ZERO_IMG)
			memcpy(buf, img, len);
		if (d == DEV_BAD_ENTRY)
			buf[0x100] = 0xFF;      /* the LJMP target (0x0100) */
		if (d == DEV_NO_ID_BLOCK)
			memset(&buf[3], 0x00, 8);
		img = buf;
	}
	if (d == DEV_SHORT_IMG)
		len = 1000;
	if (d == DEV_GAP_IMG)
		skip = 5000;
	if (d == DEV_BIG_BYTE)
		big = 7;

	wr(p, 1, 0xC300, d == DEV_RELEASE_FIRST ? 0x0002 : 0x0000);     /* step 2 */
	if (d == DEV_PROG_HELD)
		download(p, img, len, 3, skip, big);
	write_cfg(p, d, idx);                                           /* steps 3..10 */
	if (d == DEV_ROM_EARLY)
		wr(p, 3, 0xE854, 0x00C0);
	wr(p, 1, 0xC300, d == DEV_RELEASE_FIRST ? 0x0000 : 0x0002);     /* step 11 */
	if (d == DEV_CFG_LATE)
		wr(p, cfg_steps[idx].mmd, cfg_steps[idx].reg, cfg_steps[idx].val);
	if (d == DEV_SRAM_EARLY)
		wr(p, 3, 0xE854, 0x0040);
	wr(p, 3, 0xE854, 0x00C0);                                       /* step 12 */
	download(p, img, len, d == DEV_PROG_MMD1 ? 1 : 3, skip, big);   /* step 13 */
	wr(p, 3, 0xE854, 0x0040);                                       /* step 14 */
	free(buf);
}

/* Step 15: poll 3.D7FD every 50 ms for 3 s until it leaves {0x00, 0x10}. */
static int
wait_ready(struct port *p, uint16_t *status)
{
	int i;

	for (i = 0; i <= 60; i++) {
		*status = rd(p, 3, 0xD7FD);
		if (*status != 0x00 && *status != 0x10)
			return 0;
		qt_sim_sleep_ns(p->sim, 50 * MS);
	}
	return -1;
}

/* A clean bring-up that must reach RUNNING. */
static int
boot_ok(struct port *p)
{
	uint16_t st;

	bring_up(p, DEV_NONE, 0);
	QT_ASSERT_EQ(p->err, 0);
	QT_ASSERT(wait_ready(p, &st) == 0, "status 0x%x, reason '%s'", st,
		  obs(p->sim).fail_reason);
	QT_ASSERT_EQ(st, 0x70);
	QT_ASSERT_EQ(obs(p->sim).phy_state, QT_SIM_PHY_RUNNING);
	return 0;
}

/* Link bit of x.0001 as two back-to-back reads see it (latched, then current). */
static int
ll_pair(struct port *p, uint8_t mmd)
{
	int a = (rd(p, mmd, 0x0001) >> 2) & 1;
	int b = (rd(p, mmd, 0x0001) >> 2) & 1;

	return a << 1 | b;
}

/* ---- (1) the bring-up of hw note 8.3 ---- */

QT_TEST(sim_qt2025, bringup_exact_sequence)
{
	struct qt_sim_fake_clock fc;
	struct qt_sim_trace_entry tr[64];
	struct port p;
	uint64_t t0;
	uint16_t hb0;
	size_t n, i;
	int ev = 0;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	QT_ASSERT_EQ(obs(p.sim).phy_state, QT_SIM_PHY_IDLE);
	QT_ASSERT_EQ(rd(&p, 3, 0xD7FD), 0x00);
	QT_ASSERT_EQ(rd(&p, 1, 0xD001) >> 8, 0xB3);                     /* step 1 */
	QT_ASSERT_EQ(rd(&p, 3, 0xD70C), 0);     /* no firmware yet */

	bring_up(&p, DEV_NONE, 0);
	QT_ASSERT_EQ(p.err, 0);
	t0 = qt_sim_now_ns(p.sim);
	QT_ASSERT_EQ(obs(p.sim).phy_state, QT_SIM_PHY_BOOTING);
	QT_ASSERT_EQ(rd(&p, 3, 0xD7FD), 0x10);
	QT_ASSERT_EQ(rd(&p, 3, 0xD7F3), 0);
	qt_sim_trace_clear(p.sim);
	qt_sim_trace_enable(p.sim, true, false);

	/* not before the boot time ... */
	qt_sim_fake_clock_advance(&fc, t0 + BOOT_NS - MS - qt_sim_now_ns(p.sim));
	QT_ASSERT_EQ(rd(&p, 3, 0xD7FD), 0x10);
	QT_ASSERT_EQ(obs(p.sim).phy_state, QT_SIM_PHY_BOOTING);
	QT_ASSERT_EQ(rd(&p, 3, 0xD7EE), 0);
	/* ... but right after it */
	qt_sim_fake_clock_advance(&fc, MS);
	QT_ASSERT_EQ(rd(&p, 3, 0xD7FD), 0x70);
	QT_ASSERT_EQ(obs(p.sim).phy_state, QT_SIM_PHY_RUNNING);
	QT_ASSERT_EQ(obs(p.sim).fail_reason[0], '\0');

	/* heartbeat: one tick per 100 ms */
	hb0 = rd(&p, 3, 0xD7EE);
	qt_sim_fake_clock_advance(&fc, 100 * MS);
	QT_ASSERT_EQ(rd(&p, 3, 0xD7EE), (hb0 + 1) & 0xFF);
	qt_sim_fake_clock_advance(&fc, 350 * MS);
	QT_ASSERT_EQ(rd(&p, 3, 0xD7EE), (hb0 + 4) & 0xFF);

	/* version 0.1.0.0 of the synthetic image, module type SR (hw note 8.2, 8.5) */
	QT_ASSERT_EQ(rd(&p, 3, 0xD7F3), 0x01);
	QT_ASSERT_EQ(rd(&p, 3, 0xD7F4), 0x00);
	QT_ASSERT_EQ(rd(&p, 3, 0xD7F5), 0x00);
	QT_ASSERT_EQ(rd(&p, 3, 0xD70C), 2);
	QT_ASSERT_EQ(p.err, 0);

	n = qt_sim_trace_get(p.sim, tr, 64);
	for (i = 0; i < n; i++)
		if (tr[i].kind == QT_SIM_TR_EVENT && tr[i].val == QT_SIM_EV_PHY_STATE)
			ev = tr[i].reg;
	QT_ASSERT_EQ(ev, QT_SIM_PHY_RUNNING);
	qt_sim_destroy(p.sim);
	return 0;
}

QT_TEST(sim_qt2025, bringup_states_in_order)
{
	static const enum qt_sim_phy_state want[] = {
		QT_SIM_PHY_HELD, QT_SIM_PHY_RELEASED, QT_SIM_PHY_BOOT_ROM,
	};
	struct qt_sim_fake_clock fc;
	struct port p;
	unsigned int i;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	wr(&p, 1, 0xC300, 0x0000);
	QT_ASSERT_EQ(obs(p.sim).phy_state, want[0]);
	write_cfg(&p, DEV_NONE, 0);
	QT_ASSERT_EQ(obs(p.sim).phy_state, want[0]);
	wr(&p, 1, 0xC300, 0x0002);
	QT_ASSERT_EQ(obs(p.sim).phy_state, want[1]);
	wr(&p, 3, 0xE854, 0x00C0);
	QT_ASSERT_EQ(obs(p.sim).phy_state, want[2]);
	for (i = 0; i < 3; i++)
		QT_ASSERT_EQ(rd(&p, 3, 0xD7FD), 0x00);
	QT_ASSERT_EQ(p.err, 0);
	qt_sim_destroy(p.sim);
	return 0;
}

/* ---- (2) every single deviation fails ---- */

struct dev_case {
	enum dev d;
	unsigned int idx;
	bool runs;              /* accepted variant */
	const char *why;        /* expected in the fail reason */
};

static int
run_case(const struct dev_case *c, char *name, size_t nlen)
{
	struct qt_sim_fake_clock fc;
	struct qt_sim_obs o;
	const char *reason = o.fail_reason;
	struct port p;
	uint16_t st = 0;
	int ready;

	snprintf(name, nlen, "deviation %d idx %u", (int)c->d, c->idx);
	qt_sim_fake_clock_init(&fc);
	QT_CHECK(port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	bring_up(&p, c->d, c->idx);
	QT_ASSERT_EQ(p.err, 0);
	ready = wait_ready(&p, &st);
	qt_sim_observe(p.sim, &o);
	if (c->runs) {
		QT_ASSERT(ready == 0, "%s: not running, reason '%s'", name, reason);
		QT_ASSERT_EQ(obs(p.sim).phy_state, QT_SIM_PHY_RUNNING);
		if (c->d == DEV_NO_ID_BLOCK) {
			/* 2.0.3.3 for an image without the synthetic ID block */
			QT_ASSERT_EQ(rd(&p, 3, 0xD7F3), 0x20);
			QT_ASSERT_EQ(rd(&p, 3, 0xD7F4), 0x03);
			QT_ASSERT_EQ(rd(&p, 3, 0xD7F5), 0x03);
		}
	} else {
		QT_ASSERT(ready != 0, "%s: reached RUNNING (status 0x%x)", name, st);
		QT_ASSERT(st == 0x00 || st == 0x10, "%s: status 0x%x", name, st);
		QT_ASSERT(obs(p.sim).phy_state != QT_SIM_PHY_RUNNING, "%s", name);
		QT_ASSERT(strstr(reason, c->why) != NULL, "%s: reason '%s', expected '%s'",
			  name, reason, c->why);
		QT_ASSERT_EQ(rd(&p, 3, 0xD7EE), 0);     /* never ticked */
		/* a new hold starts a clean attempt */
		QT_CHECK(boot_ok(&p));
	}
	QT_ASSERT_EQ(p.err, 0);
	qt_sim_destroy(p.sim);
	return 0;
}

QT_TEST(sim_qt2025, bringup_each_deviation_fails)
{
	static const struct dev_case fixed[] = {
		{ DEV_CFG_MMD, 0, false, "1.C302 not written" },
		{ DEV_CFG_MMD, 3, false, "3.0026 not written" },
		{ DEV_CFG_LATE, 2, false, "1.C31A written while released" },
		{ DEV_A30A, 0, true, "" },
		{ DEV_BOTH_30A, 0, true, "" },
		{ DEV_NO_ID_BLOCK, 0, true, "" },
		/* byte 0x230A lands on 1.A30A, the accepted alias of 1.C30A (8.6 item 1) */
		{ DEV_PROG_MMD1, 0, false, "1.A30A written while boot_rom" },
		{ DEV_PROG_HELD, 0, false, "program write 3.8000 while held" },
		{ DEV_SRAM_EARLY, 0, false, "3.E854 = 0x0040" },
		{ DEV_ROM_EARLY, 0, false, "3.E854 = 0x00C0" },
		{ DEV_RELEASE_FIRST, 0, false, "3.E854 = 0x00C0" },
		{ DEV_ZERO_IMG, 0, false, "byte 0 is 0x00" },
		{ DEV_SHORT_IMG, 0, false, "shorter than 1024" },
		{ DEV_GAP_IMG, 0, false, "gap at byte 5000" },
		{ DEV_BAD_ENTRY, 0, false, "LJMP target 0x0100" },
		{ DEV_BIG_BYTE, 0, false, "0x0102" },
	};
	struct dev_case c;
	char name[64], why[64];
	unsigned int i;

	for (i = 0; i < NCFG; i++) {
		c.d = DEV_SKIP_CFG;
		c.idx = i;
		c.runs = false;
		snprintf(why, sizeof(why), "%s%s not written with 0x%04x", cfg_steps[i].name,
			 i == NCFG - 1 ? " (or 1.A30A)" : "", cfg_steps[i].val);
		c.why = why;
		if (run_case(&c, name, sizeof(name)) != 0)
			QT_FAIL("config step %s skipped", cfg_steps[i].name);
		c.d = DEV_BAD_CFG;
		snprintf(why, sizeof(why), "%s written with 0x%04x", cfg_steps[i].name,
			 cfg_steps[i].val ^ 0x0100);
		if (run_case(&c, name, sizeof(name)) != 0)
			QT_FAIL("config step %s written wrong", cfg_steps[i].name);
	}
	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (run_case(&fixed[i], name, sizeof(name)) != 0)
			QT_FAIL("case %u (%s)", i, fixed[i].why);
	return 0;
}

/* ---- (3) knobs ---- */

QT_TEST(sim_qt2025, knob_phy_absent)
{
	struct qt_sim_fake_clock fc;
	struct port p;
	uint16_t v = 0;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	QT_ASSERT_EQ(c45_read(&p, PRTAD, 1, 0x0002, &v), 0);
	QT_ASSERT_EQ(v, 0x0043);
	/* another address: nobody answers */
	QT_ASSERT_EQ(c45_read(&p, 5, 1, 0x0002, &v), 1);
	QT_ASSERT_EQ(v, 0xFFFF);
	qt_sim_set_fault(p.sim, QT_SIM_FAULT_PHY_ABSENT, 1);
	QT_ASSERT_EQ(c45_read(&p, PRTAD, 1, 0x0002, &v), 1);
	QT_ASSERT_EQ(v, 0xFFFF);
	QT_ASSERT(p.st & MDIO_ERR, "MDIO_CMD_STAT 0x%x", p.st);
	/* a write to an absent PHY does not land */
	(void)c45_write(&p, PRTAD, 1, 0xC300, 0x0000);
	qt_sim_set_fault(p.sim, QT_SIM_FAULT_PHY_ABSENT, 0);
	QT_ASSERT_EQ(obs(p.sim).phy_state, QT_SIM_PHY_IDLE);
	QT_ASSERT_EQ(c45_read(&p, PRTAD, 1, 0x0003, &v), 0);
	QT_ASSERT_EQ(v, 0xA400);
	qt_sim_destroy(p.sim);
	return 0;
}

QT_TEST(sim_qt2025, knob_wrong_revision)
{
	struct qt_sim_fake_clock fc;
	struct port p;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	QT_ASSERT_EQ(rd(&p, 1, 0xD001), 0xB300);
	qt_sim_set_fault(p.sim, QT_SIM_FAULT_WRONG_REVISION, 0x3B);
	QT_ASSERT_EQ(rd(&p, 1, 0xD001), 0x3B00);
	QT_ASSERT_EQ(rd(&p, 1, 0x0002), 0x0043);        /* ID unchanged */
	qt_sim_set_fault(p.sim, QT_SIM_FAULT_WRONG_REVISION, 0);
	QT_ASSERT_EQ(rd(&p, 1, 0xD001), 0xB300);
	QT_ASSERT_EQ(p.err, 0);
	qt_sim_destroy(p.sim);
	return 0;
}

QT_TEST(sim_qt2025, knob_fw_never_boots)
{
	struct qt_sim_fake_clock fc;
	struct port p;
	uint16_t st = 0;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	qt_sim_set_fault(p.sim, QT_SIM_FAULT_FW_NEVER_BOOTS, 1);
	bring_up(&p, DEV_NONE, 0);
	QT_ASSERT_EQ(p.err, 0);
	QT_ASSERT_EQ(obs(p.sim).phy_state, QT_SIM_PHY_BOOTING);
	QT_ASSERT(wait_ready(&p, &st) != 0, "status 0x%x", st);
	QT_ASSERT_EQ(st, 0x10);
	QT_ASSERT_EQ(obs(p.sim).phy_state, QT_SIM_PHY_FAILED);
	QT_ASSERT(strstr(obs(p.sim).fail_reason, "never booted") != NULL, "'%s'",
		  obs(p.sim).fail_reason);
	QT_ASSERT(!obs(p.sim).line_up, "line up");
	qt_sim_set_fault(p.sim, QT_SIM_FAULT_FW_NEVER_BOOTS, 0);
	QT_CHECK(boot_ok(&p));
	qt_sim_destroy(p.sim);
	return 0;
}

QT_TEST(sim_qt2025, knob_heartbeat_stops)
{
	struct qt_sim_fake_clock fc;
	struct port p;
	uint16_t hb;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	QT_CHECK(boot_ok(&p));
	QT_ASSERT(obs(p.sim).line_up, "line down after boot");
	qt_sim_sleep_ns(p.sim, 300 * MS);
	QT_ASSERT_EQ(ll_pair(&p, 1), 1);
	QT_ASSERT_EQ(ll_pair(&p, 1), 3);

	qt_sim_set_fault(p.sim, QT_SIM_FAULT_HEARTBEAT_STOPS, 1);
	QT_ASSERT_EQ(obs(p.sim).phy_state, QT_SIM_PHY_CRASHED);
	hb = rd(&p, 3, 0xD7EE);
	QT_ASSERT(hb >= 3, "heartbeat %u", hb);
	qt_sim_sleep_ns(p.sim, 1000 * MS);
	QT_ASSERT_EQ(rd(&p, 3, 0xD7EE), hb);            /* frozen */
	QT_ASSERT_EQ(rd(&p, 3, 0xD7FD), 0x70);          /* the status does not show it */
	QT_ASSERT(!obs(p.sim).line_up, "line up after the crash");
	QT_ASSERT_EQ(ll_pair(&p, 1), 0);
	QT_ASSERT_EQ(rd(&p, 3, 0x0020), 0);

	/* holding the 8051 clears the crash; a new download runs again */
	wr(&p, 1, 0xC300, 0x0000);
	QT_ASSERT_EQ(obs(p.sim).phy_state, QT_SIM_PHY_HELD);
	QT_ASSERT_EQ(rd(&p, 3, 0xD7FD), 0x00);
	QT_CHECK(boot_ok(&p));
	hb = rd(&p, 3, 0xD7EE);
	qt_sim_sleep_ns(p.sim, 200 * MS);
	QT_ASSERT_EQ(rd(&p, 3, 0xD7EE), (hb + 2) & 0xFF);
	QT_ASSERT(obs(p.sim).line_up, "line down after the re-boot");
	qt_sim_destroy(p.sim);
	return 0;
}

/* ---- identity and register semantics ---- */

QT_TEST(sim_qt2025, identity_registers)
{
	static const uint8_t mmds[] = { 1, 3, 4 };
	struct qt_sim_fake_clock fc;
	struct port p;
	unsigned int i;
	uint16_t v;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	for (i = 0; i < sizeof(mmds); i++) {
		QT_ASSERT_EQ(rd(&p, mmds[i], 0x0002), 0x0043);
		QT_ASSERT_EQ(rd(&p, mmds[i], 0x0003), 0xA400);
		QT_ASSERT_EQ(rd(&p, mmds[i], 0x0005), 0x001A);
		QT_ASSERT_EQ(rd(&p, mmds[i], 0x0006), 0x0000);
		QT_ASSERT_EQ(rd(&p, mmds[i], 0x0008) >> 14, 2);
		QT_ASSERT_EQ(rd(&p, mmds[i], 0x0001) & 0x0002, 0x0002);
	}
	v = rd(&p, 1, 0x0008);
	QT_ASSERT_EQ(v & 0xC0C1, 0x80C1);       /* present, SR, LR, PMA loopback */
	QT_ASSERT_EQ(rd(&p, 1, 0x0004) & 1, 1);
	QT_ASSERT_EQ(rd(&p, 1, 0x0000), 0x2040);
	QT_ASSERT_EQ(rd(&p, 3, 0x0000), 0x2040);
	QT_ASSERT_EQ(rd(&p, 1, 0xD001), 0xB300);
	QT_ASSERT_EQ(rd(&p, 1, 0x0007), 7);     /* 10GBASE-SR */
	/* MMDs outside the package read 0 and ignore writes */
	wr(&p, 7, 0x0000, 0x1200);
	QT_ASSERT_EQ(rd(&p, 7, 0x0000), 0);
	QT_ASSERT_EQ(rd(&p, 2, 0x0002), 0);
	QT_ASSERT_EQ(rd(&p, 5, 0x0005), 0);
	/* plain registers keep what is written; reset bits self-clear */
	wr(&p, 1, 0xD006, 0x000A);
	QT_ASSERT_EQ(rd(&p, 1, 0xD006), 0x000A);
	wr(&p, 1, 0x0000, 0xA040);
	QT_ASSERT_EQ(rd(&p, 1, 0x0000), 0x2040);
	wr(&p, 3, 0x0000, 0xE040);
	QT_ASSERT_EQ(rd(&p, 3, 0x0000), 0x6040);
	QT_ASSERT_EQ(p.err, 0);
	qt_sim_destroy(p.sim);
	return 0;
}

QT_TEST(sim_qt2025, c45_address_no_increment)
{
	struct qt_sim_fake_clock fc;
	struct port p;
	uint32_t cmd = 1 | PRTAD << 5;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	/* one address frame, two read frames: both read 1.0002 */
	qt_sim_wr32(p.sim, MDIO_CMD, cmd);
	qt_sim_wr32(p.sim, MDIO_ADDR, 0x0002);
	QT_ASSERT_EQ(mdio_wait(&p), 0);
	qt_sim_wr32(p.sim, MDIO_CMD, cmd | MDIO_READ);
	QT_ASSERT_EQ(mdio_wait(&p), 0);
	QT_ASSERT_EQ(qt_sim_rd32(p.sim, MDIO_DATA) & 0xFFFF, 0x0043);
	qt_sim_wr32(p.sim, MDIO_CMD, cmd | MDIO_READ);
	QT_ASSERT_EQ(mdio_wait(&p), 0);
	QT_ASSERT_EQ(qt_sim_rd32(p.sim, MDIO_DATA) & 0xFFFF, 0x0043);
	/* the address pointer is per MMD */
	qt_sim_wr32(p.sim, MDIO_CMD, 3 | PRTAD << 5);
	qt_sim_wr32(p.sim, MDIO_ADDR, 0x0003);
	QT_ASSERT_EQ(mdio_wait(&p), 0);
	qt_sim_wr32(p.sim, MDIO_CMD, cmd | MDIO_READ);
	QT_ASSERT_EQ(mdio_wait(&p), 0);
	QT_ASSERT_EQ(qt_sim_rd32(p.sim, MDIO_DATA) & 0xFFFF, 0x0043);
	qt_sim_destroy(p.sim);
	return 0;
}

QT_TEST(sim_qt2025, module_pma_type)
{
	static const struct {
		enum qt_sim_module m;
		uint16_t type;
	} t[] = {
		{ QT_SIM_MODULE_SR, 7 }, { QT_SIM_MODULE_LR, 6 }, { QT_SIM_MODULE_ER, 5 },
		{ QT_SIM_MODULE_LRM, 8 }, { QT_SIM_MODULE_DAC, 7 },
	};
	struct qt_sim_fake_clock fc;
	struct port p;
	unsigned int i;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		qt_sim_set_module(p.sim, t[i].m);
		QT_ASSERT_EQ(rd(&p, 1, 0x0007), t[i].type);
	}
	qt_sim_destroy(p.sim);
	return 0;
}

/* ---- (4) line side and latching-low status ---- */

QT_TEST(sim_qt2025, latch_cable_flap)
{
	struct qt_sim_fake_clock fc;
	struct port p;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));       /* loopback plug */
	qt_sim_set_cable(p.sim, true);
	QT_CHECK(boot_ok(&p));
	QT_ASSERT(obs(p.sim).line_up, "line down");
	QT_ASSERT_EQ(ll_pair(&p, 1), 1);        /* latched low since power-on, then up */
	QT_ASSERT_EQ(ll_pair(&p, 3), 1);
	QT_ASSERT_EQ(rd(&p, 1, 0x0001), 0x0006);
	QT_ASSERT_EQ(rd(&p, 3, 0x0001), 0x0006);
	QT_ASSERT_EQ(rd(&p, 1, 0x0008), 0x80C1);
	QT_ASSERT_EQ(rd(&p, 3, 0x0020), 0x1001);
	QT_ASSERT_EQ(rd(&p, 1, 0x000A) & 1, 1);

	/* pull and re-plug between two reads: the first read shows the flap */
	qt_sim_set_cable(p.sim, false);
	qt_sim_set_cable(p.sim, true);
	QT_ASSERT_EQ(ll_pair(&p, 1), 1);
	QT_ASSERT_EQ(ll_pair(&p, 3), 1);
	QT_ASSERT_EQ(ll_pair(&p, 1), 3);

	/* while pulled: faults, real-time bits down at once */
	qt_sim_set_cable(p.sim, false);
	QT_ASSERT(!obs(p.sim).line_up, "line up without cable");
	QT_ASSERT_EQ(rd(&p, 3, 0x0020), 0);
	QT_ASSERT_EQ(rd(&p, 1, 0x000A) & 1, 0);
	QT_ASSERT_EQ(rd(&p, 1, 0x0008), 0x84C1);        /* RX fault */
	QT_ASSERT_EQ(rd(&p, 1, 0x0001), 0x0082);
	QT_ASSERT_EQ(rd(&p, 1, 0x0001), 0x0082);
	qt_sim_set_cable(p.sim, true);
	QT_ASSERT_EQ(rd(&p, 3, 0x0020), 0x1001);
	QT_ASSERT_EQ(ll_pair(&p, 3), 1);
	QT_ASSERT_EQ(p.err, 0);
	qt_sim_destroy(p.sim);
	return 0;
}

QT_TEST(sim_qt2025, xaui_follows_mac_speed)
{
	struct qt_sim_fake_clock fc;
	struct port p;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	QT_CHECK(boot_ok(&p));
	QT_ASSERT_EQ(rd(&p, 4, 0x0018), 0);
	QT_ASSERT_EQ(ll_pair(&p, 4), 0);
	QT_ASSERT_EQ(rd(&p, 4, 0x0008) & 0x0400, 0x0400);
	mac_speed(&p, 10000);
	QT_ASSERT_EQ(rd(&p, 4, 0x0018), 0x1C0F);
	QT_ASSERT_EQ(ll_pair(&p, 4), 1);
	QT_ASSERT_EQ(rd(&p, 4, 0x0001), 0x0006);
	QT_ASSERT(obs(p.sim).mac_link, "MAC link down");
	/* link-down sequence and back: the drop is latched */
	mac_speed(&p, 0);
	QT_ASSERT_EQ(rd(&p, 4, 0x0018), 0);
	mac_speed(&p, 10000);
	QT_ASSERT_EQ(rd(&p, 4, 0x0018), 0x1C0F);
	QT_ASSERT_EQ(ll_pair(&p, 4), 1);
	/* a 1G MAC does not align with a 10G module */
	mac_speed(&p, 1000);
	QT_ASSERT_EQ(rd(&p, 4, 0x0018), 0);
	QT_ASSERT(!obs(p.sim).mac_link, "MAC link up at the wrong speed");
	QT_ASSERT_EQ(p.err, 0);
	qt_sim_destroy(p.sim);
	return 0;
}

QT_TEST(sim_qt2025, low_power_and_loopback)
{
	static const uint8_t mmds[] = { 1, 3, 4 };
	struct qt_sim_fake_clock fc;
	struct port p;
	unsigned int i;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	QT_CHECK(boot_ok(&p));
	QT_ASSERT(obs(p.sim).line_up, "line down");
	for (i = 0; i < sizeof(mmds); i++) {
		wr(&p, mmds[i], 0x0000, 0x2840);        /* low power, bit 11 */
		QT_ASSERT(!obs(p.sim).line_up, "MMD %u low power: line up", mmds[i]);
		QT_ASSERT_EQ(rd(&p, 3, 0x0020), 0);
		QT_ASSERT_EQ(rd(&p, 1, 0x0008) & 0x0C00, 0x0C00);  /* TX and RX fault */
		wr(&p, mmds[i], 0x0000, 0x2040);
		QT_ASSERT(obs(p.sim).line_up, "MMD %u back to normal: line down", mmds[i]);
		QT_ASSERT_EQ(ll_pair(&p, 1), 1);
	}
	/* TX disable: nothing comes back through the loopback plug */
	wr(&p, 1, 0x0009, 0x0001);
	QT_ASSERT(!obs(p.sim).line_up, "1.0009 TX disable: line up");
	QT_ASSERT_EQ(rd(&p, 1, 0x0008) & 0x0800, 0x0800);
	wr(&p, 1, 0x0009, 0x0000);
	wr(&p, 1, 0xC309, 0x2000);
	QT_ASSERT(!obs(p.sim).line_up, "1.C309 static mode: line up");
	wr(&p, 1, 0xC309, 0x0000);
	QT_ASSERT(obs(p.sim).line_up, "TX enabled again: line down");

	/* without a cable, PCS or PMA loopback brings the receive side up */
	qt_sim_set_cable(p.sim, false);
	QT_ASSERT(!obs(p.sim).line_up, "line up without cable");
	wr(&p, 3, 0x0000, 0x6040);
	QT_ASSERT(obs(p.sim).line_up, "PCS loopback: line down");
	QT_ASSERT_EQ(rd(&p, 3, 0x0020), 0x1001);
	QT_ASSERT_EQ(ll_pair(&p, 3), 1);
	wr(&p, 3, 0x0000, 0x2040);
	QT_ASSERT(!obs(p.sim).line_up, "PCS loopback off: line up");
	wr(&p, 1, 0x0000, 0x2041);
	QT_ASSERT(obs(p.sim).line_up, "PMA loopback: line down");
	QT_ASSERT_EQ(rd(&p, 1, 0x0000), 0x2041);
	QT_ASSERT_EQ(p.err, 0);
	qt_sim_destroy(p.sim);
	return 0;
}

QT_TEST(sim_qt2025, module_pull_and_1g)
{
	struct qt_sim_fake_clock fc;
	struct port p;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	QT_CHECK(boot_ok(&p));
	mac_speed(&p, 10000);
	QT_ASSERT(obs(p.sim).mac_link, "MAC link down");
	QT_ASSERT_EQ(ll_pair(&p, 1), 1);

	qt_sim_set_module(p.sim, QT_SIM_MODULE_NONE);
	QT_ASSERT(!obs(p.sim).line_up, "line up without module");
	QT_ASSERT(!obs(p.sim).mac_link, "MAC link up without module");
	QT_ASSERT_EQ(rd(&p, 3, 0xD70C), 0);
	QT_ASSERT_EQ(rd(&p, 1, 0x000A) & 1, 0);
	QT_ASSERT_EQ(rd(&p, 4, 0x0018), 0);
	QT_ASSERT_EQ(ll_pair(&p, 1), 0);
	QT_ASSERT_EQ(rd(&p, 1, 0x0008) & 0x0C00, 0x0C00);

	/* a 1G module: line at 1G, the XAUI side needs the 1G MAC sequence */
	qt_sim_set_module(p.sim, QT_SIM_MODULE_1G_SX);
	QT_ASSERT_EQ(rd(&p, 3, 0xD70C), 5);
	QT_ASSERT(obs(p.sim).line_up, "line down with a 1G module");
	QT_ASSERT_EQ(rd(&p, 4, 0x0018), 0);
	QT_ASSERT(!obs(p.sim).mac_link, "MAC link up at 10G with a 1G module");
	mac_speed(&p, 1000);
	QT_ASSERT_EQ(rd(&p, 4, 0x0018), 0x1C0F);
	QT_ASSERT(obs(p.sim).mac_link, "MAC link down at 1G");

	qt_sim_set_module(p.sim, QT_SIM_MODULE_SR);
	QT_ASSERT_EQ(rd(&p, 3, 0xD70C), 2);
	QT_ASSERT_EQ(rd(&p, 4, 0x0018), 0);
	QT_ASSERT_EQ(p.err, 0);
	qt_sim_destroy(p.sim);
	return 0;
}

/* ---- (5) two ports on one wire ---- */

QT_TEST(sim_qt2025, two_ports_one_wire)
{
	struct qt_sim_fake_clock fc;
	struct port a, b;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(port_open(&a, &fc, "qt2025-phy-wire", QT_SIM_MODULE_SR));
	QT_CHECK(port_open(&b, &fc, "qt2025-phy-wire", QT_SIM_MODULE_LR));
	QT_CHECK(boot_ok(&a));
	/* the far PHY does not transmit yet: no light at either end */
	QT_ASSERT(!obs(a.sim).line_up, "A up with B idle");
	QT_ASSERT(!obs(b.sim).line_up, "B up while idle");
	QT_CHECK(boot_ok(&b));
	QT_ASSERT(obs(a.sim).line_up, "A down");
	QT_ASSERT(obs(b.sim).line_up, "B down");
	QT_ASSERT_EQ(ll_pair(&a, 1), 1);
	QT_ASSERT_EQ(ll_pair(&b, 1), 1);

	/* either cable pulled: both ends down */
	qt_sim_set_cable(b.sim, false);
	QT_ASSERT(!obs(a.sim).line_up, "A up with B's cable pulled");
	QT_ASSERT(!obs(b.sim).line_up, "B up with its cable pulled");
	qt_sim_set_cable(b.sim, true);
	QT_ASSERT(obs(a.sim).line_up && obs(b.sim).line_up, "not up after re-plug");
	QT_ASSERT_EQ(ll_pair(&a, 1), 1);        /* the flap was latched at A */
	QT_ASSERT_EQ(ll_pair(&b, 1), 1);

	/* the far PHY stops transmitting (low power): A's receive side drops */
	wr(&b, 1, 0x0000, 0x2840);
	QT_ASSERT(!obs(a.sim).line_up, "A up with B in low power");
	wr(&b, 1, 0x0000, 0x2040);
	QT_ASSERT(obs(a.sim).line_up, "A down after B left low power");
	QT_ASSERT_EQ(ll_pair(&a, 1), 1);

	/* far module pulled: no light to A, no receiver at B */
	qt_sim_set_module(b.sim, QT_SIM_MODULE_NONE);
	QT_ASSERT(!obs(a.sim).line_up, "A up with B's module pulled");
	QT_ASSERT(!obs(b.sim).line_up, "B up without module");
	qt_sim_set_module(b.sim, QT_SIM_MODULE_SR);
	QT_ASSERT(obs(a.sim).line_up && obs(b.sim).line_up, "not up after insert");

	/* A's PHY held: neither end receives */
	wr(&a, 1, 0xC300, 0x0000);
	QT_ASSERT(!obs(b.sim).line_up, "B up with A's PHY held");
	QT_ASSERT_EQ(a.err + b.err, 0);
	qt_sim_destroy(a.sim);
	qt_sim_destroy(b.sim);
	return 0;
}

QT_TEST(sim_qt2025, firmware_image_shape)
{
	size_t i, nz = 0;

	/* the synthetic image the model boots (gen_fw_images.py) */
	QT_ASSERT_EQ(qt_sim_phy_fw_len, 24543);
	QT_ASSERT_EQ(qt_sim_phy_fw[0], 0x02);
	QT_ASSERT_EQ(qt_sim_phy_fw[1] << 8 | qt_sim_phy_fw[2], 0x0100);
	QT_ASSERT(memcmp(&qt_sim_phy_fw[3], "QT2025SM", 8) == 0, "no ID block");
	QT_ASSERT_EQ(qt_sim_phy_fw[0x100], 0x75);
	QT_ASSERT(memcmp(&qt_sim_phy_fw[11], qt_sim_phy_fw_version, 4) == 0, "version");
	QT_ASSERT_EQ(qt_sim_phy_fw_version[1], 1);
	for (i = 0; i < qt_sim_phy_fw_len; i++)
		nz += qt_sim_phy_fw[i] != 0;
	QT_ASSERT(nz > qt_sim_phy_fw_len / 2, "%zu non-zero bytes", nz);
	QT_ASSERT_EQ(qt_sim_nic_fw_len, 2600 * 16 + 2 * 120 + 16);
	QT_ASSERT_EQ(qt_sim_nic_fw[0] | qt_sim_nic_fw[2] << 16, 0x000F0002);
	QT_ASSERT_EQ(qt_sim_nic_fw[7], 0x40);                   /* word1 bit 30 */
	QT_ASSERT_EQ(qt_sim_nic_fw[qt_sim_nic_fw_len - 9], 0x80); /* FINISH bit 31 */
	return 0;
}
