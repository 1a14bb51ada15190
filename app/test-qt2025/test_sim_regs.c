/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Model tests of the NIC's own registers: reset values, BAR0 bounds, PLL, semaphore, port
 * reset, the ETHSD handshake and MAC speed sequences of hardware.md 6.3, interrupts (12.3).
 * Always on a fake clock, so every time below is exact.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_sim_client.h"

static struct qt_sim_fake_clock fc;
static struct qt_sim *irq_sim;
static int irq_calls;

static void
on_irq(void *arg)
{
	struct qt_sim_obs o;

	(void)arg;
	irq_calls++;
	/* runs with no model lock held: calling back in must not deadlock */
	if (irq_sim != NULL)
		qt_sim_observe(irq_sim, &o);
}

static struct qt_sim *
setup(enum qt_sim_timing timing)
{
	struct qt_sim_config cfg;

	qt_sim_fake_clock_init(&fc);
	irq_calls = 0;
	simc_config(&cfg, &fc, NULL, QT_SIM_MODULE_SR, timing);
	cfg.irq = on_irq;
	irq_sim = qt_sim_create(&cfg);
	return irq_sim;
}

/* ---- register file ---- */

QT_TEST(sim_core, reset_values)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);

	QT_ASSERT(s != NULL, "create: errno %d", errno);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_CLKPLL), 0x300);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_FPGA_VER), 0x135);
	QT_ASSERT_NE(qt_sim_rd32(s, R_FPGA_VER) & 0xFFF, 308);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_UNC_MAC2), 0x001F);       /* b0<<8 | b1 (hardware.md 3.4) */
	QT_ASSERT_EQ(qt_sim_rd32(s, R_UNC_MAC1), 0xC612);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_UNC_MAC0), 0x3456);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_INIT_STATUS), 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_ISR), 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_IMR), 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_STAT), 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_RST_PORT), 0);
	QT_ASSERT_EQ(simc_obs(s).nic_init_status, 0);
	QT_ASSERT_EQ(simc_obs(s).mac_link, false);
	QT_ASSERT_EQ(simc_obs(s).cable, true);
	QT_ASSERT_EQ(qt_sim_module(s), QT_SIM_MODULE_SR);
	QT_ASSERT_EQ(simc_obs(s).phy_state, QT_SIM_PHY_IDLE);
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
	QT_ASSERT(strcmp(simc_obs(s).fail_reason, "") == 0, "%s", simc_obs(s).fail_reason);
	qt_sim_destroy(s);
	return 0;
}

QT_TEST(sim_core, bad_offsets)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);

	QT_ASSERT_EQ(qt_sim_rd32(s, 0x5002), 0xFFFFFFFF);
	QT_ASSERT(simc_reason_is(s, "BAR0 read at bad offset 0x5002"), "%s",
		  simc_obs(s).fail_reason);
	QT_ASSERT_EQ(qt_sim_rd32(s, 0x10000), 0xFFFFFFFF);
	qt_sim_wr32(s, 0x10000, 1);
	QT_ASSERT(simc_reason_is(s, "BAR0 write at bad offset 0x10000"), "%s",
		  simc_obs(s).fail_reason);
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

	/* hardware.md 6.1 */
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
	QT_ASSERT(strcmp(simc_obs(s).fail_reason, "") == 0, "%s", simc_obs(s).fail_reason);
	/* finishing before bit 9 is a violation */
	qt_sim_wr32(s, R_INIT_STAT, 0x43);
	qt_sim_wr32(s, R_INIT_STAT, 0x3);
	QT_ASSERT(simc_reason_is(s, "ETHSD INIT_STAT 0x3 written before bit 9"), "%s",
		  simc_obs(s).fail_reason);
	qt_sim_destroy(s);
	return 0;
}

/* ---- MAC speed and link (hardware.md 6.3, 12.2) ---- */

QT_TEST(sim_core, mac_speed_10g_and_down)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);

	QT_CHECK(simc_boot(s));
	QT_ASSERT_EQ(simc_obs(s).line_up, true);  /* loopback plug */
	QT_ASSERT_EQ(simc_obs(s).mac_link, false);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_ISR), 0);
	QT_CHECK(simc_mac_speed(s, 10000, true));
	QT_ASSERT(strcmp(simc_obs(s).fail_reason, "") == 0, "%s", simc_obs(s).fail_reason);
	QT_ASSERT_EQ(simc_obs(s).mac_link, true);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 4);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_ISR), LNKCHG0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_ISR), 0);
	QT_CHECK(simc_mac_speed(s, 0, true));
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_ISR), LNKCHG0);
	QT_ASSERT(strcmp(simc_obs(s).fail_reason, "") == 0, "%s", simc_obs(s).fail_reason);
	/* up again, then a PLL soft reset forgets the MAC speed (open question 9) */
	QT_CHECK(simc_mac_speed(s, 10000, true));
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 4);
	qt_sim_wr32(s, R_CLKPLL, 0x309);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 0);
	qt_sim_destroy(s);
	return 0;
}

QT_TEST(sim_core, mac_speed_needs_handshake)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);

	QT_CHECK(simc_boot(s));
	QT_CHECK(simc_mac_speed(s, 10000, false));
	QT_ASSERT(simc_reason_is(s, "MAC speed sequence incomplete: "), "%s",
		  simc_obs(s).fail_reason);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 0);
	/* a handshake before the REFCLK write does not count either */
	QT_CHECK(simc_ethsd_handshake(s));
	QT_CHECK(simc_mac_speed(s, 10000, false));
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 0);
	/* wrong CTRLST at the pulse */
	QT_CHECK(simc_mac_speed(s, 10000, true));
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 4);
	qt_sim_wr32(s, R_CTRLST, 0xC03);
	qt_sim_wr32(s, R_MAC_RST_CNT, 0x7FF);
	qt_sim_wr32(s, R_MAC_RST_CNT, 0);
	QT_ASSERT(simc_reason_is(s, "MAC speed sequence incomplete: CTRLST 0xc03"), "%s",
		  simc_obs(s).fail_reason);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 0);
	qt_sim_destroy(s);
	return 0;
}

QT_TEST(sim_core, mac_speed_1g)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);

	QT_CHECK(simc_boot(s));
	qt_sim_set_module(s, QT_SIM_MODULE_1G_SX);
	QT_ASSERT_EQ(qt_sim_module(s), QT_SIM_MODULE_1G_SX);
	/* MAC at 10G, line at 1G: no link */
	QT_CHECK(simc_mac_speed(s, 10000, true));
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 0);
	QT_CHECK(simc_mac_speed(s, 1000, true));
	QT_ASSERT(strcmp(simc_obs(s).fail_reason, "") == 0, "%s", simc_obs(s).fail_reason);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MAC_LNK_STAT), 4);
	/* pulling the module drops the link */
	qt_sim_set_module(s, QT_SIM_MODULE_NONE);
	QT_ASSERT_EQ(simc_obs(s).mac_link, false);
	qt_sim_destroy(s);
	return 0;
}

/* ---- interrupts (hardware.md 12.3) ---- */

QT_TEST(sim_core, interrupts)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);

	QT_CHECK(simc_boot(s));
	qt_sim_wr32(s, R_IMR, 0x08088CC0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_IMR), 0x08088CC0);
	QT_ASSERT_EQ(simc_obs(s).irq_count, 0);
	QT_CHECK(simc_mac_speed(s, 10000, true));
	QT_ASSERT_EQ(simc_obs(s).irq_count, 1);
	QT_ASSERT_EQ(irq_calls, 1);
	/* the handler's read acknowledges and holds the line */
	QT_ASSERT_EQ(qt_sim_rd32(s, R_ISR_MSK0), LNKCHG0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_ISR_MSK0), 0);
	qt_sim_set_cable(s, false);
	QT_ASSERT_EQ(simc_obs(s).mac_link, false);
	QT_ASSERT_EQ(simc_obs(s).irq_count, 1);    /* held */
	qt_sim_wr32(s, R_IMR, 0x08088CC0);      /* re-arms: pending bit asserts at once */
	QT_ASSERT_EQ(simc_obs(s).irq_count, 2);
	QT_ASSERT_EQ(irq_calls, 2);
	/* no new edge while the condition stays true */
	qt_sim_set_cable(s, true);
	QT_ASSERT_EQ(simc_obs(s).mac_link, true);
	QT_ASSERT_EQ(simc_obs(s).irq_count, 2);
	/* ISR read clears everything: no edge on the next IMR write */
	QT_ASSERT_EQ(qt_sim_rd32(s, R_ISR), LNKCHG0);
	qt_sim_wr32(s, R_IMR, 0x08088CC0);
	QT_ASSERT_EQ(simc_obs(s).irq_count, 2);
	/* masked: pending but no interrupt, until unmasked */
	qt_sim_wr32(s, R_IMR, 0);
	qt_sim_set_cable(s, false);
	QT_ASSERT_EQ(simc_obs(s).irq_count, 2);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_ISR_MSK0), 0);
	qt_sim_wr32(s, R_IMR, LNKCHG0);
	QT_ASSERT_EQ(simc_obs(s).irq_count, 3);
	QT_ASSERT_EQ(irq_calls, 3);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_ISR_MSK0), LNKCHG0);
	qt_sim_destroy(s);
	return 0;
}
