/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Model tests of the NIC half of the device model: register file, PLL, semaphore,
 * interrupts, MAC speed sequences, MDIO controller and its knobs, NIC firmware stream, wire,
 * trace. Always on a fake clock, so every time below is exact.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

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

/* the model's register map, written again here from the hardware note (double entry) */
#define R_MAC_LNK_STAT	0x0200
#define R_REFCLK	0x1010
#define R_INIT_STAT	0x1014
#define R_MAC_RST_CNT	0x111C
#define R_UNC_MAC0	0x1250
#define R_UNC_MAC1	0x1260
#define R_UNC_MAC2	0x1270
#define R_TXD_CFG1	0x4000
#define R_TXD_CFG0	0x4040
#define R_TXD_WPTR	0x4080
#define R_TXD_RPTR	0x40C0
#define R_CLKPLL	0x5000
#define R_SROM_VER	0x5020
#define R_FPGA_VER	0x5030
#define R_ISR		0x5100
#define R_IMR		0x5110
#define R_ISR_MSK0	0x5140
#define R_SEMAPHORE	0x5170
#define R_INIT_STATUS	0x5180
#define R_CTRLST	0x6008
#define R_MDIO_STAT	0x6030
#define R_MDIO_CMD	0x6034
#define R_MDIO_DATA	0x6038
#define R_MDIO_ADDR	0x603C
#define R_PCS_CTRL	0x6300
#define R_PCS_IF_MODE	0x6350
#define R_RST_PORT	0x7000
#define R_DIS_PORT	0x7010
#define R_RST_QU	0x7020
#define R_DIS_QU	0x7030
#define LNKCHG0		0x08000000u

#define US		1000ull
#define MS		1000000ull
#define PHY_ADDR	1

#define RING_IOVA	0x123450000ull	/* CFG1 = 1, CFG0 = 0x23450000 | 3 */
#define RING_SIZE	32768u

static struct qt_sim_fake_clock fc;
static struct qt_sim *irq_sim;
static int irq_calls;
static uint8_t *ring;
static const uint8_t test_mac[6] = { 0x00, 0x1F, 0xC6, 0x12, 0x34, 0x56 };

static void
on_irq(void *arg)
{
	(void)arg;
	irq_calls++;
	/* runs with no model lock held: calling back in must not deadlock */
	if (irq_sim != NULL)
		(void)obs(irq_sim).irq_count;
}

static void *
dma_map(void *arg, uint64_t iova, size_t len)
{
	(void)arg;
	if (ring == NULL || iova < RING_IOVA || iova + len > RING_IOVA + RING_SIZE)
		return NULL;
	return ring + (iova - RING_IOVA);
}

static struct qt_sim *
make(enum qt_sim_timing timing, const char *wire)
{
	struct qt_sim_config cfg = {
		.wire = wire,
		.module = QT_SIM_MODULE_SR,
		.timing = timing,
		.phy_addr = PHY_ADDR,
		.clock = &fc.clock,
		.irq = on_irq,
		.dma_map = dma_map,
	};

	memcpy(cfg.mac, test_mac, sizeof(cfg.mac));
	return qt_sim_create(&cfg);
}

static struct qt_sim *
setup(enum qt_sim_timing timing)
{
	qt_sim_fake_clock_init(&fc);
	irq_calls = 0;
	irq_sim = make(timing, NULL);
	return irq_sim;
}

static bool
reason_is(struct qt_sim *s, const char *prefix)
{
	return strncmp(obs(s).fail_reason, prefix, strlen(prefix)) == 0;
}

/* ---- MDIO helpers (hw note 5) ---- */

static int
mdio_wait(struct qt_sim *s)
{
	int i;

	for (i = 0; i < 1000; i++) {
		uint32_t st = qt_sim_rd32(s, R_MDIO_STAT);

		if (!(st & 1))
			return (int)(st >> 1) & 1;
		qt_sim_fake_clock_advance(&fc, 1 * US);
	}
	return -1;
}

/* Returns the error bit after the read (0/1), -1 when BUSY never clears. */
static int
c45_read(struct qt_sim *s, unsigned int prtad, unsigned int mmd, uint16_t reg, uint16_t *val)
{
	int rc;

	qt_sim_wr32(s, R_MDIO_CMD, mmd | prtad << 5);
	qt_sim_wr32(s, R_MDIO_ADDR, reg);
	if (mdio_wait(s) < 0)
		return -1;
	qt_sim_wr32(s, R_MDIO_CMD, mmd | prtad << 5 | 0x8000);
	rc = mdio_wait(s);
	*val = (uint16_t)qt_sim_rd32(s, R_MDIO_DATA);
	return rc;
}

static int
c45_write(struct qt_sim *s, unsigned int prtad, unsigned int mmd, uint16_t reg, uint16_t val)
{
	qt_sim_wr32(s, R_MDIO_CMD, mmd | prtad << 5);
	qt_sim_wr32(s, R_MDIO_ADDR, reg);
	if (mdio_wait(s) < 0)
		return -1;
	qt_sim_wr32(s, R_MDIO_DATA, val);
	return mdio_wait(s);
}

/* QT2025 bring-up of hw note 8.3 with the synthetic image, then the 8051 boot time. */
static int
phy_bringup(struct qt_sim *s)
{
	static const uint16_t steps[][3] = {
		{ 1, 0xC300, 0x0000 }, { 1, 0xC302, 0x0004 }, { 1, 0xC319, 0x0038 },
		{ 1, 0xC31A, 0x0098 }, { 3, 0x0026, 0x0E00 }, { 3, 0x0027, 0x0893 },
		{ 3, 0x0028, 0xA528 }, { 3, 0x0029, 0x0003 }, { 1, 0xC30A, 0x06E1 },
		{ 1, 0xC300, 0x0002 }, { 3, 0xE854, 0x00C0 },
	};
	size_t i;

	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		QT_ASSERT_EQ(c45_write(s, PHY_ADDR, steps[i][0], steps[i][1], steps[i][2]), 0);
	for (i = 0; i < qt_sim_phy_fw_len; i++) {
		unsigned int mmd = i < 16384 ? 3 : 4;
		uint16_t reg = (uint16_t)(0x8000 + (i < 16384 ? i : i - 16384));

		QT_ASSERT_EQ(c45_write(s, PHY_ADDR, mmd, reg, qt_sim_phy_fw[i]), 0);
	}
	QT_ASSERT_EQ(c45_write(s, PHY_ADDR, 3, 0xE854, 0x0040), 0);
	qt_sim_fake_clock_advance(&fc, 200 * MS);
	QT_ASSERT(obs(s).phy_state == QT_SIM_PHY_RUNNING, "PHY %s: %s",
		  qt_sim_phy_state_name(obs(s).phy_state), obs(s).fail_reason);
	return 0;
}

/* ---- MAC sequences (hw note 6.3) ---- */

static void
wr_range(struct qt_sim *s, uint32_t first, uint32_t last, uint32_t v0, uint32_t rest)
{
	uint32_t off;

	for (off = first; off <= last; off += 4)
		qt_sim_wr32(s, off, off == first ? v0 : rest);
}

static int
ethsd_handshake(struct qt_sim *s)
{
	int i;

	qt_sim_wr32(s, R_INIT_STAT, 0x43);
	for (i = 0; i < 1000; i++) {
		qt_sim_fake_clock_advance(&fc, 50 * US);
		if (qt_sim_rd32(s, R_INIT_STAT) & 0x200) {
			qt_sim_wr32(s, R_INIT_STAT, 0x3);
			(void)qt_sim_rd32(s, R_INIT_STAT);
			return 0;
		}
	}
	return -1;
}

static int
mac_10g(struct qt_sim *s, bool handshake)
{
	qt_sim_wr32(s, R_REFCLK, 0x217);
	wr_range(s, 0x104C, 0x1058, 0x4C, 0x4C);
	wr_range(s, 0x102C, 0x1038, 0x434, 0x434);
	qt_sim_wr32(s, R_PCS_CTRL, 0x0400);
	qt_sim_wr32(s, 0x1018, 0x00);
	qt_sim_fake_clock_advance(&fc, 5 * US);
	qt_sim_wr32(s, 0x1018, 0x04);
	qt_sim_fake_clock_advance(&fc, 5 * US);
	qt_sim_wr32(s, 0x1018, 0x06);
	qt_sim_fake_clock_advance(&fc, 5 * US);
	wr_range(s, 0x103C, 0x1048, 0x81644, 0x81644);
	if (handshake && ethsd_handshake(s) != 0)
		return -1;
	qt_sim_wr32(s, R_PCS_IF_MODE, 0);
	qt_sim_wr32(s, R_CTRLST, 0xC13);
	qt_sim_wr32(s, R_MAC_RST_CNT, 0x7FF);
	qt_sim_fake_clock_advance(&fc, 2 * MS);
	qt_sim_wr32(s, R_MAC_RST_CNT, 0);
	return 0;
}

static int
mac_1g(struct qt_sim *s)
{
	qt_sim_wr32(s, R_REFCLK, 0x613);
	wr_range(s, 0x104C, 0x1058, 0x4D, 0);
	wr_range(s, 0x102C, 0x1038, 0x35, 0);
	qt_sim_wr32(s, R_PCS_CTRL, 0x1140);
	if (ethsd_handshake(s) != 0)
		return -1;
	qt_sim_wr32(s, R_PCS_IF_MODE, 0x2B);
	qt_sim_wr32(s, 0x6310, 0x9801);
	qt_sim_wr32(s, 0x6314, 0x1);
	qt_sim_wr32(s, 0x6348, 0xC8);
	qt_sim_wr32(s, 0x634C, 0xC8);
	qt_sim_fake_clock_advance(&fc, 50 * US);
	qt_sim_wr32(s, R_CTRLST, 0xC13);
	qt_sim_wr32(s, R_MAC_RST_CNT, 0x7FF);
	qt_sim_fake_clock_advance(&fc, 2 * MS);
	qt_sim_wr32(s, R_MAC_RST_CNT, 0);
	qt_sim_wr32(s, R_PCS_CTRL, 0x1140);
	return 0;
}

static void
mac_down(struct qt_sim *s)
{
	wr_range(s, 0x104C, 0x1058, 0, 0);
	wr_range(s, 0x102C, 0x1038, 0, 0);
	qt_sim_wr32(s, R_CTRLST, 0x800);
	qt_sim_wr32(s, R_MAC_RST_CNT, 0x7FF);
	qt_sim_fake_clock_advance(&fc, 2 * MS);
	qt_sim_wr32(s, R_MAC_RST_CNT, 0);
}

/* ---- register file ---- */

QT_TEST(sim_core, reset_values)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);

	QT_ASSERT(s != NULL, "create: errno %d", errno);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_CLKPLL), 0x300);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_FPGA_VER), 0x135);
	QT_ASSERT_NE(qt_sim_rd32(s, R_FPGA_VER) & 0xFFF, 308);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_UNC_MAC2), 0x001F);       /* b0<<8 | b1 (3.4) */
	QT_ASSERT_EQ(qt_sim_rd32(s, R_UNC_MAC1), 0xC612);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_UNC_MAC0), 0x3456);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_INIT_STATUS), 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_ISR), 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_IMR), 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_STAT), 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_RST_PORT), 0);
	QT_ASSERT_EQ(obs(s).nic_init_status, 0);
	QT_ASSERT_EQ(obs(s).mac_link, false);
	QT_ASSERT_EQ(obs(s).cable, true);
	QT_ASSERT_EQ(qt_sim_module(s), QT_SIM_MODULE_SR);
	QT_ASSERT_EQ(obs(s).phy_state, QT_SIM_PHY_IDLE);
	/* unknown offsets are plain storage; read-only registers ignore writes */
	QT_ASSERT_EQ(qt_sim_rd32(s, 0x2340), 0);
	qt_sim_wr32(s, 0x2340, 0xDEADBEEF);
	QT_ASSERT_EQ(qt_sim_rd32(s, 0x2340), 0xDEADBEEF);
	qt_sim_wr32(s, R_FPGA_VER, 0);
	qt_sim_wr32(s, R_INIT_STATUS, 1);
	qt_sim_wr32(s, R_MAC_LNK_STAT, 4);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_FPGA_VER), 0x135);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_INIT_STATUS), 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_SROM_VER), qt_sim_rd32(s, R_SROM_VER));
	QT_ASSERT(strcmp(obs(s).fail_reason, "") == 0, "%s", obs(s).fail_reason);
	qt_sim_destroy(s);
	return 0;
}

QT_TEST(sim_core, bad_offsets)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);

	QT_ASSERT_EQ(qt_sim_rd32(s, 0x5002), 0xFFFFFFFF);
	QT_ASSERT(reason_is(s, "BAR0 read at bad offset 0x5002"), "%s",
		  obs(s).fail_reason);
	QT_ASSERT_EQ(qt_sim_rd32(s, 0x10000), 0xFFFFFFFF);
	qt_sim_wr32(s, 0x10000, 1);
	QT_ASSERT(reason_is(s, "BAR0 write at bad offset 0x10000"), "%s",
		  obs(s).fail_reason);
	qt_sim_wr32(s, 0x5001, 0);      /* must not touch CLKPLL */
	QT_ASSERT_EQ(qt_sim_rd32(s, R_CLKPLL), 0x300);
	QT_ASSERT_EQ(qt_sim_rd32(s, 0xFFFC), 0);
	qt_sim_destroy(s);
	return 0;
}

QT_TEST(sim_core, pll_reset)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);
	uint32_t v;

	/* hw note 6.1 */
	v = qt_sim_rd32(s, R_CLKPLL);
	qt_sim_wr32(s, R_CLKPLL, (v | 1) + 8);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_CLKPLL), 0x009);
	qt_sim_fake_clock_advance(&fc, 50 * US);
	v = qt_sim_rd32(s, R_CLKPLL);
	qt_sim_wr32(s, R_CLKPLL, v & ~1u);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_CLKPLL), 0x008);
	qt_sim_fake_clock_advance(&fc, 1 * MS - 1);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_CLKPLL) & 0x300, 0);
	qt_sim_fake_clock_advance(&fc, 1);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_CLKPLL), 0x308);
	/* held in reset, the PLL never relocks */
	qt_sim_wr32(s, R_CLKPLL, 0x301);
	qt_sim_fake_clock_advance(&fc, 100 * MS);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_CLKPLL), 0x001);
	qt_sim_wr32(s, R_CLKPLL, 0);
	qt_sim_fake_clock_advance(&fc, 1 * MS);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_CLKPLL), 0x300);
	qt_sim_destroy(s);
	return 0;
}

QT_TEST(sim_core, semaphore)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);

	QT_ASSERT_EQ(qt_sim_rd32(s, R_SEMAPHORE), 1);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_SEMAPHORE), 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_SEMAPHORE), 0);
	qt_sim_wr32(s, R_SEMAPHORE, 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_SEMAPHORE), 0);
	qt_sim_wr32(s, R_SEMAPHORE, 1);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_SEMAPHORE), 1);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_SEMAPHORE), 0);
	qt_sim_destroy(s);
	return 0;
}

QT_TEST(sim_core, rst_port)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);

	qt_sim_wr32(s, R_DIS_PORT, 1);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_RST_PORT), 0);
	qt_sim_wr32(s, R_DIS_QU, 1);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_RST_PORT), 1);
	qt_sim_wr32(s, R_RST_QU, 1);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_RST_QU), 1);
	qt_sim_wr32(s, R_DIS_PORT, 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_RST_PORT), 0);
	qt_sim_destroy(s);
	return 0;
}

QT_TEST(sim_core, ethsd_handshake)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);

	qt_sim_wr32(s, R_INIT_STAT, 0x43);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_INIT_STAT), 0x43);
	qt_sim_fake_clock_advance(&fc, 100 * US - 1);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_INIT_STAT), 0x43);
	qt_sim_fake_clock_advance(&fc, 1);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_INIT_STAT), 0x243);
	qt_sim_wr32(s, R_INIT_STAT, 0x3);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_INIT_STAT), 0x3);
	QT_ASSERT(strcmp(obs(s).fail_reason, "") == 0, "%s", obs(s).fail_reason);
	/* finishing before bit 9 is a violation */
	qt_sim_wr32(s, R_INIT_STAT, 0x43);
	qt_sim_wr32(s, R_INIT_STAT, 0x3);
	QT_ASSERT(reason_is(s, "ETHSD INIT_STAT 0x3 written before bit 9"), "%s",
		  obs(s).fail_reason);
	qt_sim_destroy(s);
	return 0;
}

/* ---- MAC speed and link (6.3, 12.2) ---- */

QT_TEST(sim_core, mac_speed_10g_and_down)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);

	QT_CHECK(phy_bringup(s));
	QT_ASSERT_EQ(obs(s).line_up, true);  /* loopback plug */
	QT_ASSERT_EQ(obs(s).mac_link, false);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_ISR), 0);
	QT_CHECK(mac_10g(s, true));
	QT_ASSERT(strcmp(obs(s).fail_reason, "") == 0, "%s", obs(s).fail_reason);
	QT_ASSERT_EQ(obs(s).mac_link, true);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 4);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_ISR), LNKCHG0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_ISR), 0);
	mac_down(s);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_ISR), LNKCHG0);
	QT_ASSERT(strcmp(obs(s).fail_reason, "") == 0, "%s", obs(s).fail_reason);
	/* up again, then a PLL soft reset forgets the MAC speed (open question 9) */
	QT_CHECK(mac_10g(s, true));
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 4);
	qt_sim_wr32(s, R_CLKPLL, 0x309);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 0);
	qt_sim_destroy(s);
	return 0;
}

QT_TEST(sim_core, mac_speed_needs_handshake)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);

	QT_CHECK(phy_bringup(s));
	QT_CHECK(mac_10g(s, false));
	QT_ASSERT(reason_is(s, "MAC speed sequence incomplete: "), "%s",
		  obs(s).fail_reason);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 0);
	/* a handshake before the REFCLK write does not count either */
	QT_CHECK(ethsd_handshake(s));
	QT_CHECK(mac_10g(s, false));
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 0);
	/* wrong CTRLST at the pulse */
	QT_CHECK(mac_10g(s, true));
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 4);
	qt_sim_wr32(s, R_CTRLST, 0xC03);
	qt_sim_wr32(s, R_MAC_RST_CNT, 0x7FF);
	qt_sim_wr32(s, R_MAC_RST_CNT, 0);
	QT_ASSERT(reason_is(s, "MAC speed sequence incomplete: CTRLST 0xc03"), "%s",
		  obs(s).fail_reason);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 0);
	qt_sim_destroy(s);
	return 0;
}

QT_TEST(sim_core, mac_speed_1g)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);

	QT_CHECK(phy_bringup(s));
	qt_sim_set_module(s, QT_SIM_MODULE_1G_SX);
	QT_ASSERT_EQ(qt_sim_module(s), QT_SIM_MODULE_1G_SX);
	/* MAC at 10G, line at 1G: no link */
	QT_CHECK(mac_10g(s, true));
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 0);
	QT_CHECK(mac_1g(s));
	QT_ASSERT(strcmp(obs(s).fail_reason, "") == 0, "%s", obs(s).fail_reason);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 4);
	/* pulling the module drops the link */
	qt_sim_set_module(s, QT_SIM_MODULE_NONE);
	QT_ASSERT_EQ(obs(s).mac_link, false);
	qt_sim_destroy(s);
	return 0;
}

/* ---- interrupts (12.3) ---- */

QT_TEST(sim_core, interrupts)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);

	QT_CHECK(phy_bringup(s));
	qt_sim_wr32(s, R_IMR, 0x08088CC0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_IMR), 0x08088CC0);
	QT_ASSERT_EQ(obs(s).irq_count, 0);
	QT_CHECK(mac_10g(s, true));
	QT_ASSERT_EQ(obs(s).irq_count, 1);
	QT_ASSERT_EQ(irq_calls, 1);
	/* the handler's read acknowledges and holds the line */
	QT_ASSERT_EQ(qt_sim_rd32(s, R_ISR_MSK0), LNKCHG0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_ISR_MSK0), 0);
	qt_sim_set_cable(s, false);
	QT_ASSERT_EQ(obs(s).mac_link, false);
	QT_ASSERT_EQ(obs(s).irq_count, 1);    /* held */
	qt_sim_wr32(s, R_IMR, 0x08088CC0);      /* re-arms: pending bit asserts at once */
	QT_ASSERT_EQ(obs(s).irq_count, 2);
	QT_ASSERT_EQ(irq_calls, 2);
	/* no new edge while the condition stays true */
	qt_sim_set_cable(s, true);
	QT_ASSERT_EQ(obs(s).mac_link, true);
	QT_ASSERT_EQ(obs(s).irq_count, 2);
	/* ISR read clears everything: no edge on the next IMR write */
	QT_ASSERT_EQ(qt_sim_rd32(s, R_ISR), LNKCHG0);
	qt_sim_wr32(s, R_IMR, 0x08088CC0);
	QT_ASSERT_EQ(obs(s).irq_count, 2);
	/* masked: pending but no interrupt, until unmasked */
	qt_sim_wr32(s, R_IMR, 0);
	qt_sim_set_cable(s, false);
	QT_ASSERT_EQ(obs(s).irq_count, 2);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_ISR_MSK0), 0);
	qt_sim_wr32(s, R_IMR, LNKCHG0);
	QT_ASSERT_EQ(obs(s).irq_count, 3);
	QT_ASSERT_EQ(irq_calls, 3);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_ISR_MSK0), LNKCHG0);
	qt_sim_destroy(s);
	return 0;
}

/* ---- MDIO (5, 12.1) ---- */

QT_TEST(sim_core, mdio_read_write)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);
	uint16_t v = 0;

	QT_ASSERT_EQ(c45_read(s, PHY_ADDR, 1, 0x0002, &v), 0);
	QT_ASSERT_EQ(v, 0x0043);
	QT_ASSERT_EQ(c45_read(s, PHY_ADDR, 1, 0x0003, &v), 0);
	QT_ASSERT_EQ(v, 0xA400);
	QT_ASSERT_EQ(c45_write(s, PHY_ADDR, 3, 0xC123, 0x5A5A), 0);
	QT_ASSERT_EQ(c45_read(s, PHY_ADDR, 3, 0xC123, &v), 0);
	QT_ASSERT_EQ(v, 0x5A5A);
	QT_ASSERT_EQ(obs(s).mdio_frames, 8);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_CMD), 3 | PHY_ADDR << 5 | 0x8000);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_ADDR), 0xC123);
	qt_sim_destroy(s);
	return 0;
}

QT_TEST(sim_core, mdio_absent)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);
	uint16_t v = 0;

	QT_ASSERT_EQ(c45_read(s, PHY_ADDR + 1, 1, 0x0002, &v), 1);
	QT_ASSERT_EQ(v, 0xFFFF);
	/* ERR clears when the next frame starts; writes are not acknowledged */
	QT_ASSERT_EQ(c45_write(s, PHY_ADDR + 1, 1, 0x0000, 0x1234), 0);
	QT_ASSERT_EQ(c45_read(s, PHY_ADDR, 1, 0x0002, &v), 0);
	QT_ASSERT_EQ(v, 0x0043);
	qt_sim_set_fault(s, QT_SIM_FAULT_PHY_ABSENT, 1);
	QT_ASSERT_EQ(c45_read(s, PHY_ADDR, 1, 0x0002, &v), 1);
	QT_ASSERT_EQ(v, 0xFFFF);
	qt_sim_set_fault(s, QT_SIM_FAULT_PHY_ABSENT, 0);
	QT_ASSERT_EQ(c45_read(s, PHY_ADDR, 1, 0x0003, &v), 0);
	QT_ASSERT_EQ(v, 0xA400);
	qt_sim_destroy(s);
	return 0;
}

static int
busy_time(struct qt_sim *s, uint32_t clk, uint64_t expect_ns)
{
	if (clk != 0)
		qt_sim_wr32(s, R_MDIO_STAT, clk);
	qt_sim_wr32(s, R_MDIO_CMD, 1 | PHY_ADDR << 5);
	qt_sim_wr32(s, R_MDIO_ADDR, 0x0002);
	if (expect_ns == 0) {
		QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_STAT), 0);
		return 0;
	}
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_STAT), 1);
	qt_sim_fake_clock_advance(&fc, expect_ns - 1);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_STAT), 1);
	qt_sim_fake_clock_advance(&fc, 1);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_STAT), 0);
	return 0;
}

QT_TEST(sim_core, mdio_timing)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_REAL);
	struct qt_sim *f;

	QT_CHECK(busy_time(s, 0, 64000));       /* reset default 0x3EC8 */
	QT_CHECK(busy_time(s, 0x0A48, 10240));  /* divider 20 */
	QT_CHECK(busy_time(s, 0x3EC8, 64000));  /* divider 125 */
	QT_CHECK(busy_time(s, 0x0048, 512));    /* divider 0 counts as 1 */
	f = make(QT_SIM_TIMING_FAST, NULL);
	QT_CHECK(busy_time(f, 0x3EC8, 0));
	qt_sim_destroy(f);
	qt_sim_destroy(s);
	return 0;
}

QT_TEST(sim_core, mdio_start_while_busy)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_REAL);
	uint16_t v = 0;

	qt_sim_wr32(s, R_MDIO_STAT, 0x0A48);
	qt_sim_wr32(s, R_MDIO_CMD, 1 | PHY_ADDR << 5);
	qt_sim_wr32(s, R_MDIO_ADDR, 0x0002);
	qt_sim_wr32(s, R_MDIO_DATA, 0x1234);    /* dropped */
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_STAT), 3);
	QT_ASSERT(reason_is(s, "MDIO frame started while busy"), "%s",
		  obs(s).fail_reason);
	QT_ASSERT_EQ(obs(s).mdio_frames, 1);
	qt_sim_fake_clock_advance(&fc, 10240);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_STAT), 2);   /* ERR stays until the next frame */
	QT_ASSERT_EQ(c45_read(s, PHY_ADDR, 1, 0x0002, &v), 0);
	QT_ASSERT_EQ(v, 0x0043);
	qt_sim_destroy(s);
	return 0;
}

QT_TEST(sim_core, mdio_stuck_busy)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_REAL);
	uint16_t v = 0;

	qt_sim_set_fault(s, QT_SIM_FAULT_MDIO_STUCK_BUSY, 1);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_STAT), 1);
	QT_ASSERT_EQ(c45_read(s, PHY_ADDR, 1, 0x0002, &v), -1);
	QT_ASSERT_EQ(obs(s).mdio_frames, 0);
	qt_sim_set_fault(s, QT_SIM_FAULT_MDIO_STUCK_BUSY, 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_STAT), 2);   /* the dropped frames left ERR */
	/* a read frame caught by the knob completes only when it heals */
	qt_sim_wr32(s, R_MDIO_CMD, 1 | PHY_ADDR << 5);
	qt_sim_wr32(s, R_MDIO_ADDR, 0x0003);
	QT_ASSERT_EQ(mdio_wait(s), 0);
	qt_sim_wr32(s, R_MDIO_CMD, 1 | PHY_ADDR << 5 | 0x8000);
	qt_sim_set_fault(s, QT_SIM_FAULT_MDIO_STUCK_BUSY, 1);
	qt_sim_fake_clock_advance(&fc, 1000 * MS);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_STAT), 1);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_DATA), 0);  /* not completed yet */
	qt_sim_set_fault(s, QT_SIM_FAULT_MDIO_STUCK_BUSY, 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_STAT), 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_DATA), 0xA400);
	qt_sim_destroy(s);
	return 0;
}

QT_TEST(sim_core, mdio_error_knobs)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);
	uint16_t v = 0;

	/* N frames: the address frame and the read frame of one read */
	qt_sim_set_fault(s, QT_SIM_FAULT_MDIO_ERROR, 2);
	QT_ASSERT_EQ(c45_read(s, PHY_ADDR, 1, 0x0002, &v), 1);
	QT_ASSERT_EQ(v, 0xFFFF);
	QT_ASSERT_EQ(c45_read(s, PHY_ADDR, 1, 0x0002, &v), 0);
	QT_ASSERT_EQ(v, 0x0043);
	/* an errored write is not applied */
	QT_ASSERT_EQ(c45_write(s, PHY_ADDR, 3, 0xC123, 0x1111), 0);
	qt_sim_set_fault(s, QT_SIM_FAULT_MDIO_ERROR, 1);
	qt_sim_wr32(s, R_MDIO_DATA, 0x2222);
	QT_ASSERT_EQ(mdio_wait(s), 1);
	QT_ASSERT_EQ(c45_read(s, PHY_ADDR, 3, 0xC123, &v), 0);
	QT_ASSERT_EQ(v, 0x1111);
	/* after n = 2 frames, the third errors, once */
	qt_sim_set_fault(s, QT_SIM_FAULT_MDIO_ERROR_AFTER, 2);
	QT_ASSERT_EQ(c45_read(s, PHY_ADDR, 1, 0x0003, &v), 0);  /* frames 1, 2 */
	QT_ASSERT_EQ(v, 0xA400);
	qt_sim_wr32(s, R_MDIO_CMD, 1 | PHY_ADDR << 5);
	qt_sim_wr32(s, R_MDIO_ADDR, 0x0002);                     /* frame 3 */
	QT_ASSERT_EQ(mdio_wait(s), 1);
	QT_ASSERT_EQ(c45_read(s, PHY_ADDR, 1, 0x0002, &v), 0);
	QT_ASSERT_EQ(v, 0x0043);
	QT_ASSERT_EQ(c45_read(s, PHY_ADDR, 1, 0x0003, &v), 0);
	QT_ASSERT_EQ(v, 0xA400);
	qt_sim_destroy(s);
	return 0;
}

/* ---- NIC firmware stream (4.2, 4.8, 12.4) ---- */

static void
put32(uint8_t *b, uint32_t v)
{
	b[0] = (uint8_t)v;
	b[1] = (uint8_t)(v >> 8);
	b[2] = (uint8_t)(v >> 16);
	b[3] = (uint8_t)(v >> 24);
}

/* One 120-byte descriptor first, so that a 16-byte one straddles the 32 KiB ring end. */
static uint8_t *
build_stream(size_t n16, size_t *len)
{
	size_t i, off = 0;
	uint8_t *b;

	*len = 120 + n16 * 16;
	b = calloc(1, *len);
	if (b == NULL)
		return NULL;
	put32(b, 0x000F000F);
	put32(b + 4, 0x00719000);
	off = 120;
	for (i = 0; i < n16; i++, off += 16) {
		put32(b + off, 0x000F0002);
		put32(b + off + 4, (i == n16 - 1 ? 0x80000000u : 0) | (uint32_t)(0x00718000 + i));
		put32(b + off + 8, (uint32_t)i);
	}
	return b;
}

static void
ring_setup(struct qt_sim *s)
{
	qt_sim_wr32(s, R_TXD_CFG0, (uint32_t)RING_IOVA | 3);    /* 32 KiB */
	qt_sim_wr32(s, R_TXD_CFG1, (uint32_t)(RING_IOVA >> 32));
}

/* Pushes len bytes at the host's write pointer, at most chunk bytes per TXD_WPTR write. */
static uint32_t
push(struct qt_sim *s, uint32_t wptr, const uint8_t *src, size_t len, size_t chunk)
{
	while (len > 0) {
		uint32_t rptr = qt_sim_rd32(s, R_TXD_RPTR) & 0x7FF8;
		size_t space = (rptr + RING_SIZE - wptr - 8) % RING_SIZE;
		size_t n = len < chunk ? len : chunk, i;

		if (n > space)
			n = space;
		if (n == 0)
			break;          /* the NIC stopped consuming */
		for (i = 0; i < n; i++)
			ring[(wptr + i) % RING_SIZE] = src[i];
		wptr = (uint32_t)((wptr + n) % RING_SIZE);
		qt_sim_wr32(s, R_TXD_WPTR, wptr);
		src += n;
		len -= n;
	}
	return wptr;
}

static int
nicfw_begin(struct qt_sim **s)
{
	ring = calloc(1, RING_SIZE);
	QT_ASSERT(ring != NULL, "calloc");
	*s = setup(QT_SIM_TIMING_FAST);
	ring_setup(*s);
	return 0;
}

static void
nicfw_end(struct qt_sim *s, uint8_t *stream)
{
	qt_sim_destroy(s);
	free(stream);
	free(ring);
	ring = NULL;
}

QT_TEST(sim_core, nicfw_stream)
{
	struct qt_sim_trace_entry tr[16];
	struct qt_sim *s;
	uint8_t *stream;
	size_t len, n, i;
	uint32_t wptr;
	uint64_t t0;
	bool done = false;

	QT_CHECK(nicfw_begin(&s));
	stream = build_stream(2600, &len);     /* 41,720 bytes > 32 KiB */
	QT_ASSERT(stream != NULL, "calloc");
	qt_sim_trace_enable(s, true, false);
	/* 3000-byte chunks end in the middle of descriptors */
	wptr = push(s, 0, stream, len, 3000);
	QT_ASSERT_EQ(wptr, len % RING_SIZE);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), wptr);
	QT_ASSERT(strcmp(obs(s).fail_reason, "") == 0, "%s", obs(s).fail_reason);
	t0 = qt_sim_now_ns(s);
	qt_sim_fake_clock_advance(&fc, 10 * MS - 1);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_INIT_STATUS), 0);
	QT_ASSERT_EQ(obs(s).nic_init_status, 0);
	qt_sim_fake_clock_advance(&fc, 1);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_INIT_STATUS), 1);
	QT_ASSERT_EQ(obs(s).nic_init_status, 1);
	n = qt_sim_trace_get(s, tr, 16);
	for (i = 0; i < n; i++) {
		if (tr[i].kind == QT_SIM_TR_EVENT && tr[i].val == QT_SIM_EV_NIC_FW_DONE) {
			QT_ASSERT_EQ(tr[i].t_ns, t0 + 10 * MS);
			done = true;
		}
	}
	QT_ASSERT(done, "no NIC_FW_DONE event in %zu trace entries", n);
	/* after init, descriptors are packets: consumed, INIT_STATUS stays */
	ring[wptr] = 0x04;
	ring[wptr + 2] = 0x03;
	wptr += 32;
	qt_sim_wr32(s, R_TXD_WPTR, wptr);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), wptr);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_INIT_STATUS), 1);
	nicfw_end(s, stream);
	return 0;
}

QT_TEST(sim_core, nicfw_bad_descriptor)
{
	struct qt_sim *s;
	uint8_t *stream;
	size_t len;
	uint32_t wptr;

	QT_CHECK(nicfw_begin(&s));
	stream = build_stream(100, &len);
	QT_ASSERT(stream != NULL, "calloc");
	put32(stream + 120 + 16 * 10, 0x00030002);      /* a packet type inside the stream */
	wptr = push(s, 0, stream, len, 4096);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), wptr);  /* drained */
	QT_ASSERT(reason_is(s, "bad NIC init descriptor at TXD 0x"), "%s",
		  obs(s).fail_reason);
	qt_sim_fake_clock_advance(&fc, 1000 * MS);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_INIT_STATUS), 0);
	/* zeroing both pointers forgets the failure; a good stream then loads */
	qt_sim_wr32(s, R_TXD_WPTR, 0);
	qt_sim_wr32(s, R_TXD_RPTR, 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), 0);
	put32(stream + 120 + 16 * 10, 0x000F0002);
	push(s, 0, stream, len, 4096);
	qt_sim_fake_clock_advance(&fc, 10 * MS);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_INIT_STATUS), 1);
	nicfw_end(s, stream);
	return 0;
}

QT_TEST(sim_core, nicfw_bad_bc_and_pll_reset)
{
	struct qt_sim *s;
	uint8_t *stream;
	size_t len;

	QT_CHECK(nicfw_begin(&s));
	stream = build_stream(4, &len);
	QT_ASSERT(stream != NULL, "calloc");
	put32(stream + 120, 0x000F0001);                /* BC 1 < 2 */
	push(s, 0, stream, len, 4096);
	QT_ASSERT(reason_is(s, "bad NIC init descriptor"), "%s", obs(s).fail_reason);
	qt_sim_fake_clock_advance(&fc, 20 * MS);
	QT_ASSERT_EQ(obs(s).nic_init_status, 0);
	/* a CLKPLL soft reset also forgets the failure */
	qt_sim_wr32(s, R_CLKPLL, 0x309);
	qt_sim_wr32(s, R_CLKPLL, 0x008);
	put32(stream + 120, 0x000F0002);
	push(s, (uint32_t)len, stream, len, 4096);
	qt_sim_fake_clock_advance(&fc, 10 * MS);
	QT_ASSERT_EQ(obs(s).nic_init_status, 1);
	nicfw_end(s, stream);
	return 0;
}

QT_TEST(sim_core, nicfw_partial_descriptor)
{
	struct qt_sim *s;
	uint8_t *stream;
	size_t len;

	QT_CHECK(nicfw_begin(&s));
	stream = build_stream(1, &len);                 /* 120 + 16 (FINISH) */
	QT_ASSERT(stream != NULL, "calloc");
	memcpy(ring, stream, len);
	qt_sim_wr32(s, R_TXD_WPTR, 64);                 /* part of the 120-byte one */
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), 0);
	qt_sim_wr32(s, R_TXD_WPTR, 128);                /* + half of FINISH */
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), 120);
	qt_sim_fake_clock_advance(&fc, 20 * MS);
	QT_ASSERT_EQ(obs(s).nic_init_status, 0);
	qt_sim_wr32(s, R_TXD_WPTR, 136);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), 136);
	qt_sim_fake_clock_advance(&fc, 10 * MS);
	QT_ASSERT_EQ(obs(s).nic_init_status, 1);
	QT_ASSERT(strcmp(obs(s).fail_reason, "") == 0, "%s", obs(s).fail_reason);
	nicfw_end(s, stream);
	return 0;
}

QT_TEST(sim_core, nicfw_unconfigured_and_unmapped)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);

	ring = NULL;
	qt_sim_wr32(s, R_TXD_WPTR, 16);
	QT_ASSERT(reason_is(s, "TXD_WPTR written while the TXD FIFO is not configured"), "%s",
		  obs(s).fail_reason);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), 0);
	ring_setup(s);                                  /* dma_map finds no ring */
	qt_sim_wr32(s, R_TXD_WPTR, 32);
	QT_ASSERT(reason_is(s, "DMA to unmapped address 0x123450000"), "%s",
		  obs(s).fail_reason);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), 0);
	qt_sim_destroy(s);
	return 0;
}

/* ---- wire, life cycle, trace ---- */

QT_TEST(sim_core, create_invalid)
{
	struct qt_sim_config cfg = { .clock = NULL };

	errno = 0;
	QT_ASSERT(qt_sim_create(NULL) == NULL, "NULL config accepted");
	QT_ASSERT_EQ(errno, EINVAL);
	cfg.phy_addr = 32;
	errno = 0;
	QT_ASSERT(qt_sim_create(&cfg) == NULL, "phy_addr 32 accepted");
	QT_ASSERT_EQ(errno, EINVAL);
	cfg.phy_addr = 0;
	cfg.module = (enum qt_sim_module)12;
	errno = 0;
	QT_ASSERT(qt_sim_create(&cfg) == NULL, "module 12 accepted");
	QT_ASSERT_EQ(errno, EINVAL);
	cfg.module = QT_SIM_MODULE_NONE;
	cfg.timing = (enum qt_sim_timing)2;
	errno = 0;
	QT_ASSERT(qt_sim_create(&cfg) == NULL, "timing 2 accepted");
	QT_ASSERT_EQ(errno, EINVAL);
	return 0;
}

QT_TEST(sim_core, wire)
{
	struct qt_sim *a, *b, *c, *d;

	qt_sim_fake_clock_init(&fc);
	a = make(QT_SIM_TIMING_FAST, "w0");
	b = make(QT_SIM_TIMING_FAST, "w0");
	QT_ASSERT(a != NULL && b != NULL, "create: errno %d", errno);
	errno = 0;
	c = make(QT_SIM_TIMING_FAST, "w0");
	QT_ASSERT(c == NULL, "third port on a wire accepted");
	QT_ASSERT_EQ(errno, EBUSY);
	d = make(QT_SIM_TIMING_FAST, "w1");    /* another wire, alone: no light */
	QT_ASSERT(d != NULL, "create: errno %d", errno);
	QT_CHECK(phy_bringup(a));
	QT_ASSERT_EQ(obs(a).line_up, false); /* b does not transmit yet */
	QT_CHECK(phy_bringup(b));
	QT_ASSERT_EQ(obs(a).line_up, true);
	QT_ASSERT_EQ(obs(b).line_up, true);
	QT_CHECK(phy_bringup(d));
	QT_ASSERT_EQ(obs(d).line_up, false);
	/* either end's cable breaks the line both ways */
	qt_sim_set_cable(b, false);
	QT_ASSERT_EQ(obs(b).cable, false);
	QT_ASSERT_EQ(obs(a).line_up, false);
	QT_ASSERT_EQ(obs(b).line_up, false);
	qt_sim_set_cable(b, true);
	QT_ASSERT_EQ(obs(a).line_up, true);
	/* the MAC link of a follows its peer's light */
	QT_CHECK(mac_10g(a, true));
	QT_ASSERT_EQ(obs(a).mac_link, true);
	QT_ASSERT_EQ(obs(b).mac_link, false);
	qt_sim_destroy(b);
	QT_ASSERT_EQ(obs(a).line_up, false);
	QT_ASSERT_EQ(obs(a).mac_link, false);
	QT_ASSERT_EQ(qt_sim_rd32(a, R_ISR), LNKCHG0);
	c = make(QT_SIM_TIMING_FAST, "w0");     /* the wire has a free end again */
	QT_ASSERT(c != NULL, "create: errno %d", errno);
	qt_sim_destroy(c);
	qt_sim_destroy(d);
	qt_sim_destroy(a);
	return 0;
}

QT_TEST(sim_core, trace)
{
	struct qt_sim_trace_entry tr[8];
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);
	uint16_t v;
	size_t n;
	int i;

	QT_ASSERT_EQ(qt_sim_trace_get(s, tr, 8), 0);    /* off by default */
	qt_sim_trace_enable(s, true, true);
	qt_sim_wr32(s, 0x2340, 7);
	qt_sim_fake_clock_advance(&fc, 5);
	QT_ASSERT_EQ(qt_sim_rd32(s, 0x2340), 7);
	(void)qt_sim_rd32(s, 0x2342);
	n = qt_sim_trace_get(s, tr, 8);
	QT_ASSERT_EQ(n, 4);
	QT_ASSERT_EQ(tr[0].kind, QT_SIM_TR_WR32);
	QT_ASSERT_EQ(tr[0].off, 0x2340);
	QT_ASSERT_EQ(tr[0].val, 7);
	QT_ASSERT_EQ(tr[0].t_ns, 1000000000ull);
	QT_ASSERT_EQ(tr[1].kind, QT_SIM_TR_RD32);
	QT_ASSERT_EQ(tr[1].t_ns, 1000000005ull);
	QT_ASSERT_EQ(tr[2].kind, QT_SIM_TR_EVENT);
	QT_ASSERT_EQ(tr[2].val, QT_SIM_EV_VIOLATION);
	QT_ASSERT_EQ(tr[3].kind, QT_SIM_TR_RD32);
	QT_ASSERT_EQ(tr[3].val, 0xFFFFFFFF);
	QT_ASSERT_EQ(qt_sim_trace_get(s, tr, 2), 2);
	/* without rw only MDIO frames and events */
	qt_sim_trace_clear(s);
	qt_sim_trace_enable(s, true, false);
	QT_ASSERT_EQ(c45_write(s, PHY_ADDR, 3, 0xC123, 0xBEEF), 0);
	QT_ASSERT_EQ(c45_read(s, PHY_ADDR + 2, 1, 0x0005, &v), 1);
	n = qt_sim_trace_get(s, tr, 8);
	QT_ASSERT_EQ(n, 2);
	QT_ASSERT_EQ(tr[0].kind, QT_SIM_TR_MDIO_WR);
	QT_ASSERT_EQ(tr[0].prtad, PHY_ADDR);
	QT_ASSERT_EQ(tr[0].mmd, 3);
	QT_ASSERT_EQ(tr[0].reg, 0xC123);
	QT_ASSERT_EQ(tr[0].val, 0xBEEF);
	QT_ASSERT_EQ(tr[1].kind, QT_SIM_TR_MDIO_RD);
	QT_ASSERT_EQ(tr[1].prtad, PHY_ADDR + 2);
	QT_ASSERT_EQ(tr[1].mmd, 1);
	QT_ASSERT_EQ(tr[1].reg, 0x0005);
	QT_ASSERT_EQ(tr[1].val, 0xFFFF);
	/* the ring keeps the newest 65536 entries, oldest first */
	qt_sim_trace_clear(s);
	qt_sim_trace_enable(s, true, true);
	for (i = 0; i < 65536 + 3; i++)
		qt_sim_wr32(s, 0x2340, (uint32_t)i);
	QT_ASSERT_EQ(qt_sim_trace_get(s, tr, 1), 1);
	QT_ASSERT_EQ(tr[0].val, 3);
	qt_sim_trace_enable(s, false, false);
	(void)qt_sim_rd32(s, 0x2340);
	qt_sim_trace_clear(s);
	QT_ASSERT_EQ(qt_sim_trace_get(s, tr, 8), 0);
	qt_sim_destroy(s);
	return 0;
}
