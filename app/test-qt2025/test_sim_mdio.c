/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Model tests of the MDIO controller (hardware.md 5, 12.1): frames, absent PHY addresses, frame
 * timing at the configured MDC clock, BUSY and error bits and their fault knobs.
 */

#include <stdbool.h>
#include <stdint.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_sim_client.h"

static struct qt_sim_fake_clock fc;

QT_TEST(sim_core, mdio_read_write)
{
	struct qt_sim *s = simc_setup(&fc, QT_SIM_TIMING_FAST);
	uint16_t v = 0;

	QT_ASSERT_EQ(simc_c45_read(s, SIMC_PRTAD, 1, 0x0002, &v), 0);
	QT_ASSERT_EQ(v, 0x0043);
	QT_ASSERT_EQ(simc_c45_read(s, SIMC_PRTAD, 1, 0x0003, &v), 0);
	QT_ASSERT_EQ(v, 0xA400);
	QT_ASSERT_EQ(simc_c45_write(s, SIMC_PRTAD, 3, 0xC123, 0x5A5A), 0);
	QT_ASSERT_EQ(simc_c45_read(s, SIMC_PRTAD, 3, 0xC123, &v), 0);
	QT_ASSERT_EQ(v, 0x5A5A);
	QT_ASSERT_EQ(simc_obs(s).mdio_frames, 8);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_CMD), 3 | SIMC_PRTAD << 5 | 0x8000);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_ADDR), 0xC123);
	qt_sim_destroy(s);
	return 0;
}

QT_TEST(sim_core, mdio_absent)
{
	struct qt_sim *s = simc_setup(&fc, QT_SIM_TIMING_FAST);
	uint16_t v = 0;

	QT_ASSERT_EQ(simc_c45_read(s, SIMC_PRTAD + 1, 1, 0x0002, &v), 1);
	QT_ASSERT_EQ(v, 0xFFFF);
	/* ERR clears when the next frame starts; writes are not acknowledged */
	QT_ASSERT_EQ(simc_c45_write(s, SIMC_PRTAD + 1, 1, 0x0000, 0x1234), 0);
	QT_ASSERT_EQ(simc_c45_read(s, SIMC_PRTAD, 1, 0x0002, &v), 0);
	QT_ASSERT_EQ(v, 0x0043);
	qt_sim_set_fault(s, QT_SIM_FAULT_PHY_ABSENT, 1);
	QT_ASSERT_EQ(simc_c45_read(s, SIMC_PRTAD, 1, 0x0002, &v), 1);
	QT_ASSERT_EQ(v, 0xFFFF);
	qt_sim_set_fault(s, QT_SIM_FAULT_PHY_ABSENT, 0);
	QT_ASSERT_EQ(simc_c45_read(s, SIMC_PRTAD, 1, 0x0003, &v), 0);
	QT_ASSERT_EQ(v, 0xA400);
	qt_sim_destroy(s);
	return 0;
}

static int
busy_time(struct qt_sim *s, uint32_t clk, uint64_t expect_ns)
{
	if (clk != 0)
		qt_sim_wr32(s, R_MDIO_STAT, clk);
	qt_sim_wr32(s, R_MDIO_CMD, 1 | SIMC_PRTAD << 5);
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
	struct qt_sim *s = simc_setup(&fc, QT_SIM_TIMING_REAL);
	struct qt_sim *f;

	QT_CHECK(busy_time(s, 0, 64000));       /* reset default 0x3EC8 */
	QT_CHECK(busy_time(s, 0x0A48, 10240));  /* divider 20 */
	QT_CHECK(busy_time(s, 0x3EC8, 64000));  /* divider 125 */
	QT_CHECK(busy_time(s, 0x0048, 512));    /* divider 0 counts as 1 */
	f = simc_create(&fc, QT_SIM_TIMING_FAST, NULL);
	QT_CHECK(busy_time(f, 0x3EC8, 0));
	qt_sim_destroy(f);
	qt_sim_destroy(s);
	return 0;
}

QT_TEST(sim_core, mdio_start_while_busy)
{
	struct qt_sim *s = simc_setup(&fc, QT_SIM_TIMING_REAL);
	uint16_t v = 0;

	qt_sim_wr32(s, R_MDIO_STAT, 0x0A48);
	qt_sim_wr32(s, R_MDIO_CMD, 1 | SIMC_PRTAD << 5);
	qt_sim_wr32(s, R_MDIO_ADDR, 0x0002);
	qt_sim_wr32(s, R_MDIO_DATA, 0x1234);    /* dropped */
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_STAT), 3);
	QT_ASSERT(simc_reason_is(s, "MDIO frame started while busy"), "%s",
		  simc_obs(s).fail_reason);
	QT_ASSERT_EQ(simc_obs(s).mdio_frames, 1);
	qt_sim_fake_clock_advance(&fc, 10240);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_STAT), 2);   /* ERR stays until the next frame */
	QT_ASSERT_EQ(simc_c45_read(s, SIMC_PRTAD, 1, 0x0002, &v), 0);
	QT_ASSERT_EQ(v, 0x0043);
	qt_sim_destroy(s);
	return 0;
}

QT_TEST(sim_core, mdio_stuck_busy)
{
	struct qt_sim *s = simc_setup(&fc, QT_SIM_TIMING_REAL);
	uint16_t v = 0;

	qt_sim_set_fault(s, QT_SIM_FAULT_MDIO_STUCK_BUSY, 1);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_STAT), 1);
	QT_ASSERT_EQ(simc_c45_read(s, SIMC_PRTAD, 1, 0x0002, &v), -1);
	/* a frame started anyway is dropped */
	qt_sim_wr32(s, R_MDIO_CMD, 1 | SIMC_PRTAD << 5);
	qt_sim_wr32(s, R_MDIO_ADDR, 0x0002);
	QT_ASSERT_EQ(simc_obs(s).mdio_frames, 0);
	qt_sim_set_fault(s, QT_SIM_FAULT_MDIO_STUCK_BUSY, 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_MDIO_STAT), 2);   /* the dropped frames left ERR */
	/* a read frame caught by the knob completes only when it heals */
	qt_sim_wr32(s, R_MDIO_CMD, 1 | SIMC_PRTAD << 5);
	qt_sim_wr32(s, R_MDIO_ADDR, 0x0003);
	QT_ASSERT_EQ(simc_mdio_wait(s), 0);
	qt_sim_wr32(s, R_MDIO_CMD, 1 | SIMC_PRTAD << 5 | 0x8000);
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
	struct qt_sim *s = simc_setup(&fc, QT_SIM_TIMING_FAST);
	uint16_t v = 0;

	/* N frames: the address frame and the read frame of one read */
	qt_sim_set_fault(s, QT_SIM_FAULT_MDIO_ERROR, 2);
	QT_ASSERT_EQ(simc_c45_read(s, SIMC_PRTAD, 1, 0x0002, &v), 1);
	QT_ASSERT_EQ(v, 0xFFFF);
	QT_ASSERT_EQ(simc_c45_read(s, SIMC_PRTAD, 1, 0x0002, &v), 0);
	QT_ASSERT_EQ(v, 0x0043);
	/* an errored write is not applied */
	QT_ASSERT_EQ(simc_c45_write(s, SIMC_PRTAD, 3, 0xC123, 0x1111), 0);
	qt_sim_set_fault(s, QT_SIM_FAULT_MDIO_ERROR, 1);
	qt_sim_wr32(s, R_MDIO_DATA, 0x2222);
	QT_ASSERT_EQ(simc_mdio_wait(s), 1);
	QT_ASSERT_EQ(simc_c45_read(s, SIMC_PRTAD, 3, 0xC123, &v), 0);
	QT_ASSERT_EQ(v, 0x1111);
	/* after n = 2 frames, the third errors, once */
	qt_sim_set_fault(s, QT_SIM_FAULT_MDIO_ERROR_AFTER, 2);
	QT_ASSERT_EQ(simc_c45_read(s, SIMC_PRTAD, 1, 0x0003, &v), 0);  /* frames 1, 2 */
	QT_ASSERT_EQ(v, 0xA400);
	qt_sim_wr32(s, R_MDIO_CMD, 1 | SIMC_PRTAD << 5);
	qt_sim_wr32(s, R_MDIO_ADDR, 0x0002);                     /* frame 3 */
	QT_ASSERT_EQ(simc_mdio_wait(s), 1);
	QT_ASSERT_EQ(simc_c45_read(s, SIMC_PRTAD, 1, 0x0002, &v), 0);
	QT_ASSERT_EQ(v, 0x0043);
	QT_ASSERT_EQ(simc_c45_read(s, SIMC_PRTAD, 1, 0x0003, &v), 0);
	QT_ASSERT_EQ(v, 0xA400);
	qt_sim_destroy(s);
	return 0;
}
