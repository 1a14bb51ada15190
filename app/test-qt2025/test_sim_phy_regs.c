/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Model tests of the QT2025's register file, driven only through the BAR (test_sim_client):
 * identity and standard registers, the C45 address pointer, PMA type, the absent-PHY and
 * wrong-revision knobs, the module EEPROM mirror.
 */

#include <stdbool.h>
#include <stdint.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_sim_client.h"

QT_TEST(sim_qt2025, knob_phy_absent)
{
	struct qt_sim_fake_clock fc;
	struct simc_port p;
	uint16_t v = 0;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(simc_port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	QT_ASSERT_EQ(simc_c45_read(p.sim, SIMC_PRTAD, 1, 0x0002, &v), 0);
	QT_ASSERT_EQ(v, 0x0043);
	/* another address: nobody answers */
	QT_ASSERT_EQ(simc_c45_read(p.sim, 5, 1, 0x0002, &v), 1);
	QT_ASSERT_EQ(v, 0xFFFF);
	qt_sim_set_fault(p.sim, QT_SIM_FAULT_PHY_ABSENT, 1);
	QT_ASSERT_EQ(simc_c45_read(p.sim, SIMC_PRTAD, 1, 0x0002, &v), 1);
	QT_ASSERT_EQ(v, 0xFFFF);
	QT_ASSERT_EQ(qt_sim_rd32(p.sim, R_MDIO_STAT), MDIO_ERR);
	/* a write to an absent PHY does not land */
	(void)simc_c45_write(p.sim, SIMC_PRTAD, 1, 0xC300, 0x0000);
	qt_sim_set_fault(p.sim, QT_SIM_FAULT_PHY_ABSENT, 0);
	QT_ASSERT_EQ(simc_obs(p.sim).phy_state, QT_SIM_PHY_IDLE);
	QT_ASSERT_EQ(simc_c45_read(p.sim, SIMC_PRTAD, 1, 0x0003, &v), 0);
	QT_ASSERT_EQ(v, 0xA400);
	qt_sim_destroy(p.sim);
	return 0;
}

QT_TEST(sim_qt2025, knob_wrong_revision)
{
	struct qt_sim_fake_clock fc;
	struct simc_port p;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(simc_port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	QT_ASSERT_EQ(simc_rd(&p, 1, 0xD001), 0xB300);
	qt_sim_set_fault(p.sim, QT_SIM_FAULT_WRONG_REVISION, 0x3B);
	QT_ASSERT_EQ(simc_rd(&p, 1, 0xD001), 0x3B00);
	QT_ASSERT_EQ(simc_rd(&p, 1, 0x0002), 0x0043);        /* ID unchanged */
	qt_sim_set_fault(p.sim, QT_SIM_FAULT_WRONG_REVISION, 0);
	QT_ASSERT_EQ(simc_rd(&p, 1, 0xD001), 0xB300);
	QT_ASSERT_EQ(p.err, 0);
	qt_sim_destroy(p.sim);
	return 0;
}

QT_TEST(sim_qt2025, identity_registers)
{
	static const uint8_t mmds[] = { 1, 3, 4 };
	struct qt_sim_fake_clock fc;
	struct simc_port p;
	unsigned int i;
	uint16_t v;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(simc_port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	for (i = 0; i < sizeof(mmds); i++) {
		QT_ASSERT_EQ(simc_rd(&p, mmds[i], 0x0002), 0x0043);
		QT_ASSERT_EQ(simc_rd(&p, mmds[i], 0x0003), 0xA400);
		QT_ASSERT_EQ(simc_rd(&p, mmds[i], 0x0005), 0x001A);
		QT_ASSERT_EQ(simc_rd(&p, mmds[i], 0x0006), 0x0000);
		QT_ASSERT_EQ(simc_rd(&p, mmds[i], 0x0008) >> 14, 2);
		QT_ASSERT_EQ(simc_rd(&p, mmds[i], 0x0001) & 0x0002, 0x0002);
	}
	v = simc_rd(&p, 1, 0x0008);
	QT_ASSERT_EQ(v & 0xC0C1, 0x80C1);       /* present, SR, LR, PMA loopback */
	QT_ASSERT_EQ(simc_rd(&p, 1, 0x0004) & 1, 1);
	QT_ASSERT_EQ(simc_rd(&p, 1, 0x0000), 0x2040);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0x0000), 0x2040);
	QT_ASSERT_EQ(simc_rd(&p, 1, 0xD001), 0xB300);
	QT_ASSERT_EQ(simc_rd(&p, 1, 0x0007), 7);     /* 10GBASE-SR */
	/* MMDs outside the package read 0 and ignore writes */
	simc_wr(&p, 7, 0x0000, 0x1200);
	QT_ASSERT_EQ(simc_rd(&p, 7, 0x0000), 0);
	QT_ASSERT_EQ(simc_rd(&p, 2, 0x0002), 0);
	QT_ASSERT_EQ(simc_rd(&p, 5, 0x0005), 0);
	/* plain registers keep what is written; reset bits self-clear */
	simc_wr(&p, 1, 0xD006, 0x000A);
	QT_ASSERT_EQ(simc_rd(&p, 1, 0xD006), 0x000A);
	simc_wr(&p, 1, 0x0000, 0xA040);
	QT_ASSERT_EQ(simc_rd(&p, 1, 0x0000), 0x2040);
	simc_wr(&p, 3, 0x0000, 0xE040);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0x0000), 0x6040);
	QT_ASSERT_EQ(p.err, 0);
	qt_sim_destroy(p.sim);
	return 0;
}

QT_TEST(sim_qt2025, c45_address_no_increment)
{
	struct qt_sim_fake_clock fc;
	struct simc_port p;
	uint32_t cmd = 1 | SIMC_PRTAD << 5;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(simc_port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	/* one address frame, two read frames: both read 1.0002 */
	qt_sim_wr32(p.sim, R_MDIO_CMD, cmd);
	qt_sim_wr32(p.sim, R_MDIO_ADDR, 0x0002);
	QT_ASSERT_EQ(simc_mdio_wait(p.sim), 0);
	qt_sim_wr32(p.sim, R_MDIO_CMD, cmd | MDIO_READ);
	QT_ASSERT_EQ(simc_mdio_wait(p.sim), 0);
	QT_ASSERT_EQ(qt_sim_rd32(p.sim, R_MDIO_DATA) & 0xFFFF, 0x0043);
	qt_sim_wr32(p.sim, R_MDIO_CMD, cmd | MDIO_READ);
	QT_ASSERT_EQ(simc_mdio_wait(p.sim), 0);
	QT_ASSERT_EQ(qt_sim_rd32(p.sim, R_MDIO_DATA) & 0xFFFF, 0x0043);
	/* the address pointer is per MMD */
	qt_sim_wr32(p.sim, R_MDIO_CMD, 3 | SIMC_PRTAD << 5);
	qt_sim_wr32(p.sim, R_MDIO_ADDR, 0x0003);
	QT_ASSERT_EQ(simc_mdio_wait(p.sim), 0);
	qt_sim_wr32(p.sim, R_MDIO_CMD, cmd | MDIO_READ);
	QT_ASSERT_EQ(simc_mdio_wait(p.sim), 0);
	QT_ASSERT_EQ(qt_sim_rd32(p.sim, R_MDIO_DATA) & 0xFFFF, 0x0043);
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
	struct simc_port p;
	unsigned int i;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(simc_port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		qt_sim_set_module(p.sim, t[i].m);
		QT_ASSERT_EQ(simc_rd(&p, 1, 0x0007), t[i].type);
	}
	qt_sim_destroy(p.sim);
	return 0;
}

/* SFF-8472: byte 63 = low byte of the sum of bytes 0..62, byte 95 of bytes 64..94. */
static int
sfp_sums_ok(const uint8_t *pg)
{
	unsigned int i, base = 0, ext = 0;

	for (i = 0; i < 63; i++)
		base += pg[i];
	for (i = 64; i < 95; i++)
		ext += pg[i];
	return pg[0] == 0x03 && pg[63] == (base & 0xFF) && pg[95] == (ext & 0xFF);
}

/* The module EEPROM mirror at 3.D000 (hardware.md 8.2): the page of the module in the cage
 * while the firmware runs, nothing before, and the two board variants of the knob.
 */
QT_TEST(sim_qt2025, sfp_mirror)
{
	uint8_t pg[QT_SIM_SFP_PAGE_LEN];
	struct qt_sim_fake_clock fc;
	struct simc_port p;
	unsigned int m, i;

	for (m = QT_SIM_MODULE_LRM; m <= QT_SIM_MODULE_ACTIVE_DAC; m++) {
		qt_sim_sfp_page((enum qt_sim_module)m, pg);
		QT_ASSERT(sfp_sums_ok(pg) == (m != QT_SIM_MODULE_INVALID), "module %u", m);
	}
	qt_sim_sfp_page(QT_SIM_MODULE_NONE, pg);
	QT_ASSERT_EQ(pg[0], 0);

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(simc_port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD000), 0);        /* no firmware, no mirror */
	QT_CHECK(simc_phy_boot(&p));
	qt_sim_sfp_page(QT_SIM_MODULE_SR, pg);
	for (i = 0; i < QT_SIM_SFP_PAGE_LEN; i++)
		QT_ASSERT_EQ(simc_rd(&p, 3, 0xD000 + i), pg[i]);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD000 + 40), 'Q');  /* part number "QTS-10G-SR" */
	qt_sim_set_module(p.sim, QT_SIM_MODULE_NONE);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD000), 0);
	qt_sim_set_module(p.sim, QT_SIM_MODULE_1G_SX);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD006), 0x01);     /* 1000BASE-SX code */
	qt_sim_set_fault(p.sim, QT_SIM_FAULT_SFP_MIRROR, QT_SIM_SFP_MIRROR_NONE);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD000), 0);
	qt_sim_set_fault(p.sim, QT_SIM_FAULT_SFP_MIRROR, QT_SIM_SFP_MIRROR_GARBAGE);
	QT_ASSERT_NE(simc_rd(&p, 3, 0xD000), 0x03);
	qt_sim_set_fault(p.sim, QT_SIM_FAULT_SFP_MIRROR, QT_SIM_SFP_MIRROR_PAGE);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD000), 0x03);
	QT_ASSERT_EQ(p.err, 0);
	qt_sim_destroy(p.sim);
	return 0;
}
