/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The model suites' BAR-level client of the device model (test_sim_client.h). Waits spin on
 * the model's clock, which the suites make a fake clock: each costs model time, not time.
 */

#include <string.h>

#include "qt_test.h"
#include "test_sim_client.h"

#define MDIO_POLLS	10000           /* x 1 us: far beyond the slowest frame (64 us) */

const struct simc_step simc_cfg_steps[SIMC_CFG_STEPS] = {
	{ 1, 0xC302, 0x0004, "1.C302" },
	{ 1, 0xC319, 0x0038, "1.C319" },
	{ 1, 0xC31A, 0x0098, "1.C31A" },
	{ 3, 0x0026, 0x0E00, "3.0026" },
	{ 3, 0x0027, 0x0893, "3.0027" },
	{ 3, 0x0028, 0xA528, "3.0028" },
	{ 3, 0x0029, 0x0003, "3.0029" },
	{ 1, 0xC30A, 0x06E1, "1.C30A" },
};

const uint8_t simc_mac[6] = { 0x00, 0x1F, 0xC6, 0x12, 0x34, 0x56 };

void
simc_config(struct qt_sim_config *cfg, struct qt_sim_fake_clock *fc, const char *wire,
	    enum qt_sim_module module, enum qt_sim_timing timing)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->wire = wire;
	cfg->module = module;
	cfg->timing = timing;
	cfg->phy_addr = SIMC_PRTAD;
	cfg->clock = &fc->clock;
	memcpy(cfg->mac, simc_mac, sizeof(cfg->mac));
}

int
simc_port_open(struct simc_port *p, struct qt_sim_fake_clock *fc, const char *wire,
	       enum qt_sim_module module)
{
	struct qt_sim_config cfg;

	simc_config(&cfg, fc, wire, module, QT_SIM_TIMING_FAST);
	memset(p, 0, sizeof(*p));
	p->sim = qt_sim_create(&cfg);
	if (p->sim == NULL)
		return -1;
	simc_pll_reset(p->sim);
	qt_sim_wr32(p->sim, R_MDIO_STAT, MDIO_6MHZ);
	qt_sim_sleep_ns(p->sim, 100 * MS);
	return 0;
}

struct qt_sim_obs
simc_obs(struct qt_sim *sim)
{
	struct qt_sim_obs o;

	qt_sim_observe(sim, &o);
	return o;
}

bool
simc_reason_is(struct qt_sim *sim, const char *prefix)
{
	struct qt_sim_obs o;

	qt_sim_observe(sim, &o);
	return strncmp(o.fail_reason, prefix, strlen(prefix)) == 0;
}

/* ---- MDIO (hardware.md 5) ---- */

int
simc_mdio_wait(struct qt_sim *sim)
{
	int i;

	for (i = 0; i < MDIO_POLLS; i++) {
		uint32_t st = qt_sim_rd32(sim, R_MDIO_STAT);

		if (!(st & MDIO_BUSY))
			return (st & MDIO_ERR) ? 1 : 0;
		qt_sim_spin_ns(sim, 1 * US);
	}
	return -1;
}

/* Like a driver, waits for the controller before each frame: a frame started while BUSY is
 * dropped (tests that want that write the registers themselves).
 */
static int
c45_address(struct qt_sim *sim, uint32_t cmd, uint16_t reg)
{
	if (simc_mdio_wait(sim) < 0)
		return -1;
	qt_sim_wr32(sim, R_MDIO_CMD, cmd);
	qt_sim_wr32(sim, R_MDIO_ADDR, reg);
	return simc_mdio_wait(sim) < 0 ? -1 : 0;
}

int
simc_c45_read(struct qt_sim *sim, uint8_t prtad, uint8_t mmd, uint16_t reg, uint16_t *val)
{
	uint32_t cmd = mmd | (uint32_t)prtad << 5;
	int rc;

	if (c45_address(sim, cmd, reg) < 0)
		return -1;
	qt_sim_wr32(sim, R_MDIO_CMD, cmd | MDIO_READ);
	rc = simc_mdio_wait(sim);
	*val = (uint16_t)qt_sim_rd32(sim, R_MDIO_DATA);
	return rc;
}

int
simc_c45_write(struct qt_sim *sim, uint8_t prtad, uint8_t mmd, uint16_t reg, uint16_t val)
{
	if (c45_address(sim, mmd | (uint32_t)prtad << 5, reg) < 0)
		return -1;
	qt_sim_wr32(sim, R_MDIO_DATA, val);
	return simc_mdio_wait(sim);
}

uint16_t
simc_rd(struct simc_port *p, uint8_t mmd, uint16_t reg)
{
	uint16_t v = 0xDEAD;

	if (simc_c45_read(p->sim, SIMC_PRTAD, mmd, reg, &v) != 0)
		p->err++;
	return v;
}

void
simc_wr(struct simc_port *p, uint8_t mmd, uint16_t reg, uint16_t val)
{
	if (simc_c45_write(p->sim, SIMC_PRTAD, mmd, reg, val) != 0)
		p->err++;
}

int
simc_ll_pair(struct simc_port *p, uint8_t mmd)
{
	int a = (simc_rd(p, mmd, 0x0001) >> 2) & 1;
	int b = (simc_rd(p, mmd, 0x0001) >> 2) & 1;

	return a << 1 | b;
}

/* ---- MAC side (hardware.md 6.1, 6.3) ---- */

void
simc_pll_reset(struct qt_sim *sim)
{
	uint32_t v = qt_sim_rd32(sim, R_CLKPLL);
	int i;

	qt_sim_wr32(sim, R_CLKPLL, (v | 0x1) + 0x8);
	qt_sim_spin_ns(sim, 50 * US);
	v = qt_sim_rd32(sim, R_CLKPLL);
	qt_sim_wr32(sim, R_CLKPLL, v & ~0x1u);
	for (i = 0; i < 70; i++) {      /* bits 8 and 9: reset ended, PLL locked */
		if ((qt_sim_rd32(sim, R_CLKPLL) & 0x300) == 0x300)
			break;
		qt_sim_sleep_ns(sim, 10 * MS);
	}
	qt_sim_spin_ns(sim, 50 * US);
	(void)qt_sim_rd32(sim, 0x4060);
}

int
simc_ethsd_handshake(struct qt_sim *sim)
{
	int i;

	qt_sim_wr32(sim, R_INIT_STAT, 0x43);
	for (i = 0; i < 1000; i++) {
		qt_sim_spin_ns(sim, 50 * US);
		if (qt_sim_rd32(sim, R_INIT_STAT) & 0x200) {    /* bit 9: SerDes ready */
			qt_sim_wr32(sim, R_INIT_STAT, 0x3);
			(void)qt_sim_rd32(sim, R_INIT_STAT);
			return 0;
		}
	}
	return -1;
}

static void
wr_range(struct qt_sim *sim, uint32_t first, uint32_t last, uint32_t v0, uint32_t rest)
{
	uint32_t off;

	for (off = first; off <= last; off += 4)
		qt_sim_wr32(sim, off, off == first ? v0 : rest);
}

static void
mac_reset_pulse(struct qt_sim *sim)
{
	qt_sim_wr32(sim, R_MAC_RST_CNT, 0x7FF);
	qt_sim_sleep_ns(sim, 2 * MS);
	qt_sim_wr32(sim, R_MAC_RST_CNT, 0);
}

int
simc_mac_speed(struct qt_sim *sim, uint32_t speed, bool handshake)
{
	if (speed == 10000) {
		qt_sim_wr32(sim, R_REFCLK, 0x217);
		wr_range(sim, 0x104C, 0x1058, 0x4C, 0x4C);
		wr_range(sim, 0x102C, 0x1038, 0x434, 0x434);
		qt_sim_wr32(sim, R_PCS_CTRL, 0x0400);
		qt_sim_wr32(sim, 0x1018, 0x00);
		qt_sim_spin_ns(sim, 5 * US);
		qt_sim_wr32(sim, 0x1018, 0x04);
		qt_sim_spin_ns(sim, 5 * US);
		qt_sim_wr32(sim, 0x1018, 0x06);
		qt_sim_spin_ns(sim, 5 * US);
		wr_range(sim, 0x103C, 0x1048, 0x81644, 0x81644);
		if (handshake && simc_ethsd_handshake(sim) != 0)
			return -1;
		qt_sim_wr32(sim, R_PCS_IF_MODE, 0);
		qt_sim_wr32(sim, R_CTRLST, 0xC13);
		mac_reset_pulse(sim);
	} else if (speed == 1000) {
		qt_sim_wr32(sim, R_REFCLK, 0x613);
		wr_range(sim, 0x104C, 0x1058, 0x4D, 0);
		wr_range(sim, 0x102C, 0x1038, 0x35, 0);
		qt_sim_wr32(sim, R_PCS_CTRL, 0x1140);
		if (handshake && simc_ethsd_handshake(sim) != 0)
			return -1;
		qt_sim_wr32(sim, R_PCS_IF_MODE, 0x2B);
		qt_sim_wr32(sim, 0x6310, 0x9801);
		qt_sim_wr32(sim, 0x6314, 0x1);
		qt_sim_wr32(sim, 0x6348, 0xC8);
		qt_sim_wr32(sim, 0x634C, 0xC8);
		qt_sim_spin_ns(sim, 50 * US);
		qt_sim_wr32(sim, R_CTRLST, 0xC13);
		mac_reset_pulse(sim);
		qt_sim_wr32(sim, R_PCS_CTRL, 0x1140);
	} else {
		wr_range(sim, 0x104C, 0x1058, 0, 0);
		wr_range(sim, 0x102C, 0x1038, 0, 0);
		qt_sim_wr32(sim, R_CTRLST, 0x800);
		mac_reset_pulse(sim);
	}
	return 0;
}

/* ---- QT2025 bring-up (hardware.md 8.3) ---- */

void
simc_prog_addr(size_t i, uint8_t *mmd, uint16_t *reg)
{
	*mmd = i < 16384 ? 3 : 4;
	*reg = (uint16_t)(0x8000 + (i < 16384 ? i : i - 16384));
}

void
simc_download(struct simc_port *p, const uint8_t *img, size_t len)
{
	size_t i;

	for (i = 0; i < len && p->err == 0; i++) {
		uint8_t mmd;
		uint16_t reg;

		simc_prog_addr(i, &mmd, &reg);
		simc_wr(p, mmd, reg, img[i]);
	}
}

void
simc_cfg_write(struct simc_port *p)
{
	unsigned int i;

	for (i = 0; i < SIMC_CFG_STEPS; i++)
		simc_wr(p, simc_cfg_steps[i].mmd, simc_cfg_steps[i].reg, simc_cfg_steps[i].val);
}

void
simc_phy_load(struct simc_port *p)
{
	simc_wr(p, 1, 0xC300, 0x0000);                  /* step 2: hold the 8051 */
	simc_cfg_write(p);                              /* steps 3..10 */
	simc_wr(p, 1, 0xC300, 0x0002);                  /* step 11: release */
	simc_wr(p, 3, 0xE854, 0x00C0);                  /* step 12: boot ROM */
	simc_download(p, qt_sim_phy_fw, qt_sim_phy_fw_len);     /* step 13 */
	simc_wr(p, 3, 0xE854, 0x0040);                  /* step 14: run from SRAM */
}

int
simc_phy_wait_ready(struct simc_port *p, uint16_t *status)
{
	int i;

	for (i = 0; i <= 60; i++) {
		*status = simc_rd(p, 3, 0xD7FD);
		if (*status != 0x00 && *status != 0x10)
			return 0;
		qt_sim_sleep_ns(p->sim, 50 * MS);
	}
	return -1;
}

int
simc_phy_boot(struct simc_port *p)
{
	struct qt_sim_obs o;
	uint16_t st = 0;
	int rc;

	simc_phy_load(p);
	QT_ASSERT_EQ(p->err, 0);
	rc = simc_phy_wait_ready(p, &st);
	qt_sim_observe(p->sim, &o);
	QT_ASSERT(rc == 0 && st == 0x70, "status 0x%x, PHY %s, reason '%s'", st,
		  qt_sim_phy_state_name(o.phy_state), o.fail_reason);
	QT_ASSERT_EQ(o.phy_state, QT_SIM_PHY_RUNNING);
	QT_ASSERT_EQ(p->err, 0);
	return 0;
}

int
simc_boot(struct qt_sim *sim)
{
	struct simc_port p = { .sim = sim, .err = 0 };

	return simc_phy_boot(&p);
}

struct qt_sim *
simc_create(struct qt_sim_fake_clock *fc, enum qt_sim_timing timing, const char *wire)
{
	struct qt_sim_config cfg;

	simc_config(&cfg, fc, wire, QT_SIM_MODULE_SR, timing);
	return qt_sim_create(&cfg);
}

struct qt_sim *
simc_setup(struct qt_sim_fake_clock *fc, enum qt_sim_timing timing)
{
	qt_sim_fake_clock_init(fc);
	return simc_create(fc, timing, NULL);
}
