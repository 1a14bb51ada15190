/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Model tests of the QT2025's line side, driven only through the BAR (test_sim_client):
 * latching-low status bits, XAUI alignment against the MAC speed, low power, loopback,
 * TX disable, module pull and 1G modules, two ports on one wire.
 */

#include <stdbool.h>
#include <stdint.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_sim_client.h"

/* ---- (4) line side and latching-low status ---- */

QT_TEST(sim_qt2025, latch_cable_flap)
{
	struct qt_sim_fake_clock fc;
	struct simc_port p;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(simc_port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));       /* loopback plug */
	qt_sim_set_cable(p.sim, true);
	QT_CHECK(simc_phy_boot(&p));
	QT_ASSERT(simc_obs(p.sim).line_up, "line down");
	QT_ASSERT_EQ(simc_ll_pair(&p, 1), 1);        /* latched low since power-on, then up */
	QT_ASSERT_EQ(simc_ll_pair(&p, 3), 1);
	QT_ASSERT_EQ(simc_rd(&p, 1, 0x0001), 0x0006);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0x0001), 0x0006);
	QT_ASSERT_EQ(simc_rd(&p, 1, 0x0008), 0x80C1);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0x0020), 0x1001);
	QT_ASSERT_EQ(simc_rd(&p, 1, 0x000A) & 1, 1);

	/* pull and re-plug between two reads: the first read shows the flap */
	qt_sim_set_cable(p.sim, false);
	qt_sim_set_cable(p.sim, true);
	QT_ASSERT_EQ(simc_ll_pair(&p, 1), 1);
	QT_ASSERT_EQ(simc_ll_pair(&p, 3), 1);
	QT_ASSERT_EQ(simc_ll_pair(&p, 1), 3);

	/* while pulled: faults, real-time bits down at once */
	qt_sim_set_cable(p.sim, false);
	QT_ASSERT(!simc_obs(p.sim).line_up, "line up without cable");
	QT_ASSERT_EQ(simc_rd(&p, 3, 0x0020), 0);
	QT_ASSERT_EQ(simc_rd(&p, 1, 0x000A) & 1, 0);
	QT_ASSERT_EQ(simc_rd(&p, 1, 0x0008), 0x84C1);        /* RX fault */
	QT_ASSERT_EQ(simc_rd(&p, 1, 0x0001), 0x0082);
	QT_ASSERT_EQ(simc_rd(&p, 1, 0x0001), 0x0082);
	qt_sim_set_cable(p.sim, true);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0x0020), 0x1001);
	QT_ASSERT_EQ(simc_ll_pair(&p, 3), 1);
	QT_ASSERT_EQ(p.err, 0);
	qt_sim_destroy(p.sim);
	return 0;
}

QT_TEST(sim_qt2025, xaui_follows_mac_speed)
{
	struct qt_sim_fake_clock fc;
	struct simc_port p;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(simc_port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	QT_CHECK(simc_phy_boot(&p));
	QT_ASSERT_EQ(simc_rd(&p, 4, 0x0018), 0);
	QT_ASSERT_EQ(simc_ll_pair(&p, 4), 0);
	QT_ASSERT_EQ(simc_rd(&p, 4, 0x0008) & 0x0400, 0x0400);
	QT_CHECK(simc_mac_speed(p.sim, 10000, true));
	QT_ASSERT_EQ(simc_rd(&p, 4, 0x0018), 0x1C0F);
	QT_ASSERT_EQ(simc_ll_pair(&p, 4), 1);
	QT_ASSERT_EQ(simc_rd(&p, 4, 0x0001), 0x0006);
	QT_ASSERT(simc_obs(p.sim).mac_link, "MAC link down");
	/* link-down sequence and back: the drop is latched */
	QT_CHECK(simc_mac_speed(p.sim, 0, true));
	QT_ASSERT_EQ(simc_rd(&p, 4, 0x0018), 0);
	QT_CHECK(simc_mac_speed(p.sim, 10000, true));
	QT_ASSERT_EQ(simc_rd(&p, 4, 0x0018), 0x1C0F);
	QT_ASSERT_EQ(simc_ll_pair(&p, 4), 1);
	/* a 1G MAC does not align with a 10G module */
	QT_CHECK(simc_mac_speed(p.sim, 1000, true));
	QT_ASSERT_EQ(simc_rd(&p, 4, 0x0018), 0);
	QT_ASSERT(!simc_obs(p.sim).mac_link, "MAC link up at the wrong speed");
	QT_ASSERT_EQ(p.err, 0);
	qt_sim_destroy(p.sim);
	return 0;
}

QT_TEST(sim_qt2025, low_power_and_loopback)
{
	static const uint8_t mmds[] = { 1, 3, 4 };
	struct qt_sim_fake_clock fc;
	struct simc_port p;
	unsigned int i;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(simc_port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	QT_CHECK(simc_phy_boot(&p));
	QT_ASSERT(simc_obs(p.sim).line_up, "line down");
	for (i = 0; i < sizeof(mmds); i++) {
		simc_wr(&p, mmds[i], 0x0000, 0x2840);        /* low power, bit 11 */
		QT_ASSERT(!simc_obs(p.sim).line_up, "MMD %u low power: line up", mmds[i]);
		QT_ASSERT_EQ(simc_rd(&p, 3, 0x0020), 0);
		QT_ASSERT_EQ(simc_rd(&p, 1, 0x0008) & 0x0C00, 0x0C00);  /* TX and RX fault */
		simc_wr(&p, mmds[i], 0x0000, 0x2040);
		QT_ASSERT(simc_obs(p.sim).line_up, "MMD %u back to normal: line down", mmds[i]);
		QT_ASSERT_EQ(simc_ll_pair(&p, 1), 1);
	}
	/* TX disable: nothing comes back through the loopback plug */
	simc_wr(&p, 1, 0x0009, 0x0001);
	QT_ASSERT(!simc_obs(p.sim).line_up, "1.0009 TX disable: line up");
	QT_ASSERT_EQ(simc_rd(&p, 1, 0x0008) & 0x0800, 0x0800);
	simc_wr(&p, 1, 0x0009, 0x0000);
	simc_wr(&p, 1, 0xC309, 0x2000);
	QT_ASSERT(!simc_obs(p.sim).line_up, "1.C309 static mode: line up");
	simc_wr(&p, 1, 0xC309, 0x0000);
	QT_ASSERT(simc_obs(p.sim).line_up, "TX enabled again: line down");

	/* without a cable, PCS or PMA loopback brings the receive side up */
	qt_sim_set_cable(p.sim, false);
	QT_ASSERT(!simc_obs(p.sim).line_up, "line up without cable");
	simc_wr(&p, 3, 0x0000, 0x6040);
	QT_ASSERT(simc_obs(p.sim).line_up, "PCS loopback: line down");
	QT_ASSERT_EQ(simc_rd(&p, 3, 0x0020), 0x1001);
	QT_ASSERT_EQ(simc_ll_pair(&p, 3), 1);
	simc_wr(&p, 3, 0x0000, 0x2040);
	QT_ASSERT(!simc_obs(p.sim).line_up, "PCS loopback off: line up");
	simc_wr(&p, 1, 0x0000, 0x2041);
	QT_ASSERT(simc_obs(p.sim).line_up, "PMA loopback: line down");
	QT_ASSERT_EQ(simc_rd(&p, 1, 0x0000), 0x2041);
	QT_ASSERT_EQ(p.err, 0);
	qt_sim_destroy(p.sim);
	return 0;
}

QT_TEST(sim_qt2025, module_pull_and_1g)
{
	struct qt_sim_fake_clock fc;
	struct simc_port p;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(simc_port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	QT_CHECK(simc_phy_boot(&p));
	QT_CHECK(simc_mac_speed(p.sim, 10000, true));
	QT_ASSERT(simc_obs(p.sim).mac_link, "MAC link down");
	QT_ASSERT_EQ(simc_ll_pair(&p, 1), 1);

	qt_sim_set_module(p.sim, QT_SIM_MODULE_NONE);
	QT_ASSERT(!simc_obs(p.sim).line_up, "line up without module");
	QT_ASSERT(!simc_obs(p.sim).mac_link, "MAC link up without module");
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD70C), 0);
	QT_ASSERT_EQ(simc_rd(&p, 1, 0x000A) & 1, 0);
	QT_ASSERT_EQ(simc_rd(&p, 4, 0x0018), 0);
	QT_ASSERT_EQ(simc_ll_pair(&p, 1), 0);
	QT_ASSERT_EQ(simc_rd(&p, 1, 0x0008) & 0x0C00, 0x0C00);

	/* a 1G module: line at 1G, the XAUI side needs the 1G MAC sequence */
	qt_sim_set_module(p.sim, QT_SIM_MODULE_1G_SX);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD70C), 5);
	QT_ASSERT(simc_obs(p.sim).line_up, "line down with a 1G module");
	QT_ASSERT_EQ(simc_rd(&p, 4, 0x0018), 0);
	QT_ASSERT(!simc_obs(p.sim).mac_link, "MAC link up at 10G with a 1G module");
	QT_CHECK(simc_mac_speed(p.sim, 1000, true));
	QT_ASSERT_EQ(simc_rd(&p, 4, 0x0018), 0x1C0F);
	QT_ASSERT(simc_obs(p.sim).mac_link, "MAC link down at 1G");

	qt_sim_set_module(p.sim, QT_SIM_MODULE_SR);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD70C), 2);
	QT_ASSERT_EQ(simc_rd(&p, 4, 0x0018), 0);
	QT_ASSERT_EQ(p.err, 0);
	qt_sim_destroy(p.sim);
	return 0;
}

/* ---- (5) two ports on one wire ---- */

QT_TEST(sim_qt2025, two_ports_one_wire)
{
	struct qt_sim_fake_clock fc;
	struct simc_port a, b;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(simc_port_open(&a, &fc, "qt2025-phy-wire", QT_SIM_MODULE_SR));
	QT_CHECK(simc_port_open(&b, &fc, "qt2025-phy-wire", QT_SIM_MODULE_LR));
	QT_CHECK(simc_phy_boot(&a));
	/* the far PHY does not transmit yet: no light at either end */
	QT_ASSERT(!simc_obs(a.sim).line_up, "A up with B idle");
	QT_ASSERT(!simc_obs(b.sim).line_up, "B up while idle");
	QT_CHECK(simc_phy_boot(&b));
	QT_ASSERT(simc_obs(a.sim).line_up, "A down");
	QT_ASSERT(simc_obs(b.sim).line_up, "B down");
	QT_ASSERT_EQ(simc_ll_pair(&a, 1), 1);
	QT_ASSERT_EQ(simc_ll_pair(&b, 1), 1);

	/* either cable pulled: both ends down */
	qt_sim_set_cable(b.sim, false);
	QT_ASSERT(!simc_obs(a.sim).line_up, "A up with B's cable pulled");
	QT_ASSERT(!simc_obs(b.sim).line_up, "B up with its cable pulled");
	qt_sim_set_cable(b.sim, true);
	QT_ASSERT(simc_obs(a.sim).line_up && simc_obs(b.sim).line_up, "not up after re-plug");
	QT_ASSERT_EQ(simc_ll_pair(&a, 1), 1);        /* the flap was latched at A */
	QT_ASSERT_EQ(simc_ll_pair(&b, 1), 1);

	/* the far PHY stops transmitting (low power): A's receive side drops */
	simc_wr(&b, 1, 0x0000, 0x2840);
	QT_ASSERT(!simc_obs(a.sim).line_up, "A up with B in low power");
	simc_wr(&b, 1, 0x0000, 0x2040);
	QT_ASSERT(simc_obs(a.sim).line_up, "A down after B left low power");
	QT_ASSERT_EQ(simc_ll_pair(&a, 1), 1);

	/* far module pulled: no light to A, no receiver at B */
	qt_sim_set_module(b.sim, QT_SIM_MODULE_NONE);
	QT_ASSERT(!simc_obs(a.sim).line_up, "A up with B's module pulled");
	QT_ASSERT(!simc_obs(b.sim).line_up, "B up without module");
	qt_sim_set_module(b.sim, QT_SIM_MODULE_SR);
	QT_ASSERT(simc_obs(a.sim).line_up && simc_obs(b.sim).line_up, "not up after insert");

	/* A's PHY held: neither end receives */
	simc_wr(&a, 1, 0xC300, 0x0000);
	QT_ASSERT(!simc_obs(b.sim).line_up, "B up with A's PHY held");
	QT_ASSERT_EQ(a.err + b.err, 0);
	qt_sim_destroy(a.sim);
	qt_sim_destroy(b.sim);
	return 0;
}
