/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Model tests of the QT2025C errata knobs (hardware.md 8.7), the 1G/10G module mismatch
 * (hardware.md 8.5) and the variants of what an absent MDIO address reads (1) and of ISR/ISR_MSK0
 * clear-on-read (hardware.md 3.8), driven only through the BAR (test_sim_client).
 */

#include <stdbool.h>
#include <stdint.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_sim_client.h"

#define R_ISR           0x5100
#define R_IMR           0x5110
#define R_ISR_MSK0      0x5140
#define IR_LNKCHG0      0x08000000u     /* hardware.md 3.8 */

/* Bug 17689: the firmware runs (heartbeat moves) with 3.D7FD at 0x00; 3.E854 = 0xC0 then
 * 0x40 restarts it, and this boot reports running.
 */
QT_TEST(sim_qt2025, erratum_status_stuck)
{
	struct qt_sim_fake_clock fc;
	struct simc_port p;
	uint16_t st = 0, hb;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(simc_port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	qt_sim_set_fault(p.sim, QT_SIM_FAULT_STATUS_STUCK, 1);
	simc_phy_load(&p);
	QT_ASSERT(simc_phy_wait_ready(&p, &st) != 0, "ready with the status stuck");
	QT_ASSERT_EQ(st, 0x00);
	QT_ASSERT_EQ(simc_obs(p.sim).phy_state, QT_SIM_PHY_RUNNING);
	hb = simc_rd(&p, 3, 0xD7EE);
	qt_sim_sleep_ns(p.sim, 300 * MS);
	QT_ASSERT(simc_rd(&p, 3, 0xD7EE) != hb, "heartbeat still");
	simc_wr(&p, 3, 0xE854, 0x00C0);
	simc_wr(&p, 3, 0xE854, 0x0040);
	QT_ASSERT_EQ(simc_phy_wait_ready(&p, &st), 0);
	QT_ASSERT_EQ(st, 0x70);
	QT_ASSERT_EQ(p.err, 0);
	QT_ASSERT_EQ(simc_obs(p.sim).violations, 0);
	qt_sim_destroy(p.sim);
	return 0;
}

/* Bug 17190: PMA and PHY XS up, PCS without block lock, until a PMA loopback pulse. */
QT_TEST(sim_qt2025, erratum_pcs_stuck)
{
	struct qt_sim_fake_clock fc;
	struct simc_port p;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(simc_port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	QT_CHECK(simc_phy_boot(&p));
	QT_CHECK(simc_mac_speed(p.sim, 10000, true));
	QT_ASSERT(simc_obs(p.sim).mac_link, "no link before the fault");
	qt_sim_set_fault(p.sim, QT_SIM_FAULT_PCS_STUCK, 1);
	QT_ASSERT(!simc_obs(p.sim).mac_link, "MAC link with the PCS stuck");
	QT_ASSERT_EQ(simc_ll_pair(&p, 1) & 1, 1);       /* PMA: light */
	QT_ASSERT_EQ(simc_ll_pair(&p, 3) & 1, 0);       /* PCS: no lock */
	QT_ASSERT_EQ(simc_ll_pair(&p, 4) & 1, 1);       /* XAUI aligned */
	QT_ASSERT_EQ(simc_rd(&p, 1, 0x000A) & 1, 1);    /* signal detect */
	QT_ASSERT_EQ(simc_rd(&p, 3, 0x0020) & 1, 0);    /* no block lock */
	qt_sim_sleep_ns(p.sim, 3000 * MS);
	QT_ASSERT(!simc_obs(p.sim).mac_link, "healed by itself");
	simc_wr(&p, 1, 0x0000, simc_rd(&p, 1, 0x0000) | 1);
	qt_sim_sleep_ns(p.sim, 100 * MS);
	simc_wr(&p, 1, 0x0000, simc_rd(&p, 1, 0x0000) & ~1);
	QT_ASSERT(simc_obs(p.sim).mac_link, "no link after the PMA loopback pulse");
	QT_ASSERT_EQ(p.err, 0);
	qt_sim_destroy(p.sim);
	return 0;
}

/* A 1G module facing a 10G one: light, no block lock, no link on either side. */
QT_TEST(sim_qt2025, module_speed_mismatch)
{
	struct qt_sim_fake_clock fc;
	struct simc_port a, b;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(simc_port_open(&a, &fc, "mis", QT_SIM_MODULE_1G_SX));
	QT_CHECK(simc_port_open(&b, &fc, "mis", QT_SIM_MODULE_SR));
	QT_CHECK(simc_phy_boot(&a));
	QT_CHECK(simc_phy_boot(&b));
	QT_CHECK(simc_mac_speed(a.sim, 1000, true));
	QT_CHECK(simc_mac_speed(b.sim, 10000, true));
	QT_ASSERT(!simc_obs(a.sim).mac_link && !simc_obs(b.sim).mac_link, "link 1G-10G");
	QT_ASSERT_EQ(simc_rd(&a, 1, 0x000A) & 1, 1);
	QT_ASSERT_EQ(simc_ll_pair(&a, 3) & 1, 0);
	QT_ASSERT_EQ(simc_ll_pair(&b, 3) & 1, 0);
	qt_sim_set_module(a.sim, QT_SIM_MODULE_LR);
	QT_CHECK(simc_mac_speed(a.sim, 10000, true));
	QT_ASSERT(simc_obs(a.sim).mac_link && simc_obs(b.sim).mac_link, "no link 10G-10G");
	qt_sim_destroy(a.sim);
	qt_sim_destroy(b.sim);
	return 0;
}

static struct qt_sim *
variant_sim(struct qt_sim_fake_clock *fc, enum qt_sim_mdio_absent absent,
	    enum qt_sim_isr_read isr)
{
	struct qt_sim_config cfg;

	qt_sim_fake_clock_init(fc);
	simc_config(&cfg, fc, NULL, QT_SIM_MODULE_SR, QT_SIM_TIMING_FAST);
	cfg.variants.mdio_absent = absent;
	cfg.variants.isr_read = isr;
	return qt_sim_create(&cfg);
}

QT_TEST(sim_qt2025, variant_mdio_absent)
{
	static const struct {
		enum qt_sim_mdio_absent v;
		int rc;
		uint16_t val;
	} want[] = {
		{ QT_SIM_ABSENT_FFFF_ERR, 1, 0xFFFF },
		{ QT_SIM_ABSENT_FFFF, 0, 0xFFFF },
		{ QT_SIM_ABSENT_ZERO, 0, 0x0000 },
	};
	struct qt_sim_fake_clock fc;
	unsigned int i;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		struct qt_sim *sim = variant_sim(&fc, want[i].v, QT_SIM_ISR_DEFAULT);
		uint16_t v = 0x1234;

		QT_ASSERT(sim != NULL, "create");
		QT_ASSERT_EQ(simc_c45_read(sim, 7, 1, 0x0002, &v), want[i].rc);
		QT_ASSERT_EQ(v, want[i].val);
		QT_ASSERT_EQ(simc_c45_read(sim, SIMC_PRTAD, 1, 0x0002, &v), 0);
		QT_ASSERT_EQ(v, 0x0043);
		qt_sim_destroy(sim);
	}
	return 0;
}

/* A link change pends LNKCHG0; what each read of ISR and ISR_MSK0 leaves behind. */
QT_TEST(sim_qt2025, variant_isr_read)
{
	struct qt_sim_fake_clock fc;
	struct qt_sim *sim;

	/* default: ISR_MSK0 clears what it reports; ISR clears all */
	sim = variant_sim(&fc, QT_SIM_ABSENT_FFFF_ERR, QT_SIM_ISR_DEFAULT);
	QT_ASSERT(sim != NULL, "create");
	qt_sim_wr32(sim, R_IMR, IR_LNKCHG0);
	qt_sim_set_cable(sim, false);
	QT_CHECK(simc_boot(sim));
	QT_CHECK(simc_mac_speed(sim, 10000, true));
	qt_sim_set_cable(sim, true);
	QT_ASSERT(qt_sim_rd32(sim, R_ISR_MSK0) & IR_LNKCHG0, "no LNKCHG0");
	QT_ASSERT_EQ(qt_sim_rd32(sim, R_ISR_MSK0) & IR_LNKCHG0, 0);
	qt_sim_destroy(sim);

	/* raw: reading ISR clears nothing, ISR_MSK0 still does */
	sim = variant_sim(&fc, QT_SIM_ABSENT_FFFF_ERR, QT_SIM_ISR_RAW);
	QT_ASSERT(sim != NULL, "create");
	qt_sim_wr32(sim, R_IMR, IR_LNKCHG0);
	QT_CHECK(simc_boot(sim));
	QT_CHECK(simc_mac_speed(sim, 10000, true));
	QT_ASSERT(qt_sim_rd32(sim, R_ISR) & IR_LNKCHG0, "no LNKCHG0");
	QT_ASSERT(qt_sim_rd32(sim, R_ISR) & IR_LNKCHG0, "ISR cleared on read");
	QT_ASSERT(qt_sim_rd32(sim, R_ISR_MSK0) & IR_LNKCHG0, "no LNKCHG0 in ISR_MSK0");
	QT_ASSERT_EQ(qt_sim_rd32(sim, R_ISR) & IR_LNKCHG0, 0);
	qt_sim_destroy(sim);

	/* msk0-all: ISR_MSK0 with LNKCHG0 masked still clears it */
	sim = variant_sim(&fc, QT_SIM_ABSENT_FFFF_ERR, QT_SIM_ISR_MSK0_ALL);
	QT_ASSERT(sim != NULL, "create");
	qt_sim_wr32(sim, R_IMR, 0);
	QT_CHECK(simc_boot(sim));
	QT_CHECK(simc_mac_speed(sim, 10000, true));
	QT_ASSERT_EQ(qt_sim_rd32(sim, R_ISR_MSK0), 0);
	QT_ASSERT_EQ(qt_sim_rd32(sim, R_ISR) & IR_LNKCHG0, 0);
	qt_sim_destroy(sim);
	return 0;
}
