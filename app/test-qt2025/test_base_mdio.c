/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * base_mdio: Clause-45 transactions of base/tn40_mdio.c against the device model.
 */

#include "test_base.h"
#include "tn40_regs.h"

#define FRAME_6MHZ_NS   10240   /* 64 x 20 x 8 ns (hardware.md 5) */
#define FRAME_1MHZ_NS   64000   /* 64 x 125 x 8 ns */
#define POLL_SLACK_NS   1000    /* per-transaction polling overhead allowed on top */

static struct tb_rig rig;

static size_t
tb_count_rd32(struct tb_rig *r)
{
	struct qt_sim_trace_entry tr[64];
	size_t n, i, k = 0;

	n = qt_sim_trace_get(r->sim, tr, RTE_DIM(tr));
	for (i = 0; i < n; i++)
		k += tr[i].kind == QT_SIM_TR_RD32;
	return k;
}

QT_TEST(base_mdio, read_write_roundtrip)
{
	struct qt_sim_trace_entry *tr = NULL;
	uint16_t v = 0;
	size_t n;

	QT_CHECK(tb_start(&rig));
	QT_ASSERT_EQ(tn40_mdio_read(&rig.hw, 1, 1, 0x0002, &v), 0);
	QT_ASSERT_EQ(v, 0x0043);
	QT_ASSERT_EQ(tn40_mdio_read(&rig.hw, 1, 1, 0x0003, &v), 0);
	QT_ASSERT_EQ(v, 0xA400);

	qt_sim_trace_enable(rig.sim, true, false);
	QT_ASSERT_EQ(tn40_mdio_write(&rig.hw, 1, 1, 0xC319, 0x0038), 0);
	n = tb_mdio_writes(&rig, &tr);
	QT_ASSERT_EQ(n, 1);
	QT_ASSERT_EQ(tr[0].prtad, 1);
	QT_ASSERT_EQ(tr[0].mmd, 1);
	QT_ASSERT_EQ(tr[0].reg, 0xC319);
	QT_ASSERT_EQ(tr[0].val, 0x0038);
	free(tr);
	QT_ASSERT_EQ(tn40_mdio_read(&rig.hw, 1, 1, 0xC319, &v), 0);
	QT_ASSERT_EQ(v, 0x0038);

	QT_ASSERT_EQ(rig.hw.mdio.reads, 3);
	QT_ASSERT_EQ(rig.hw.mdio.writes, 1);
	QT_ASSERT_EQ(rig.hw.mdio.errors, 0);
	QT_ASSERT_EQ(rig.hw.mdio.timeouts, 0);
	/* two frames per transaction: address + data */
	QT_ASSERT_EQ(tb_obs(&rig).mdio_frames, 8);
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_mdio, bad_arguments)
{
	uint16_t v;

	QT_CHECK(tb_start(&rig));
	QT_ASSERT_EQ(tn40_mdio_read(&rig.hw, 32, 1, 2, &v), -EINVAL);
	QT_ASSERT_EQ(tn40_mdio_read(&rig.hw, 1, 32, 2, &v), -EINVAL);
	QT_ASSERT_EQ(tn40_mdio_write(&rig.hw, -1, 1, 2, 0), -EINVAL);
	QT_ASSERT_EQ(tn40_mdio_write(&rig.hw, 1, 40, 2, 0), -EINVAL);
	QT_ASSERT_EQ(tb_obs(&rig).mdio_frames, 0);
	QT_ASSERT_EQ(rig.hw.mdio.errors, 0);
	qt_sim_destroy(rig.sim);
	return 0;
}

/* With timing=real on the fake clock, a transaction costs exactly its two frames of wire
 * time plus polling slack: the spin follows the configured clock.
 */
QT_TEST(base_mdio, frame_time_follows_clock)
{
	uint64_t t0, dt;
	uint16_t v;

	tb_config(&rig);
	rig.cfg.timing = QT_SIM_TIMING_REAL;
	QT_CHECK(tb_create(&rig));

	/* before any set_clock: the reset default is treated as the 1 MHz setting */
	t0 = tb_now(&rig);
	QT_ASSERT_EQ(tn40_mdio_write(&rig.hw, 1, 1, 0xC319, 0x38), 0);
	dt = tb_now(&rig) - t0;
	QT_ASSERT_EQ(rig.hw.mdio_frame_ns, FRAME_1MHZ_NS);
	QT_ASSERT(dt >= 2 * FRAME_1MHZ_NS && dt <= 2 * FRAME_1MHZ_NS + POLL_SLACK_NS,
		  "write at reset clock took %" PRIu64 " ns", dt);

	/* the settle is taken by the next transaction, not by the clock write */
	t0 = tb_now(&rig);
	QT_ASSERT_EQ(tn40_mdio_set_clock(&rig.hw, TN40_MDIO_CLK_6MHZ), 0);
	QT_ASSERT_EQ(tb_now(&rig) - t0, 0);
	QT_ASSERT_EQ(rig.hw.mdio_clk, 0x0A48);
	QT_ASSERT_EQ(rig.hw.mdio_frame_ns, FRAME_6MHZ_NS);
	qt_sim_fake_clock_advance(&rig.fc, 40 * QT_NS_PER_MS);
	QT_ASSERT_EQ(tn40_mdio_write(&rig.hw, 1, 1, 0xC319, 0x38), 0);
	dt = tb_now(&rig) - t0;
	QT_ASSERT(dt >= 100 * QT_NS_PER_MS + 2 * FRAME_6MHZ_NS &&
		  dt <= 100 * QT_NS_PER_MS + 2 * FRAME_6MHZ_NS + POLL_SLACK_NS + 1000,
		  "first write after the clock change ended %" PRIu64 " ns after it", dt);

	t0 = tb_now(&rig);
	QT_ASSERT_EQ(tn40_mdio_write(&rig.hw, 1, 1, 0xC319, 0x38), 0);
	dt = tb_now(&rig) - t0;
	QT_ASSERT(dt >= 2 * FRAME_6MHZ_NS && dt <= 2 * FRAME_6MHZ_NS + POLL_SLACK_NS,
		  "write at 6 MHz took %" PRIu64 " ns, expected 20480", dt);
	t0 = tb_now(&rig);
	QT_ASSERT_EQ(tn40_mdio_read(&rig.hw, 1, 1, 0x0002, &v), 0);
	dt = tb_now(&rig) - t0;
	QT_ASSERT_EQ(v, 0x0043);
	QT_ASSERT(dt >= 2 * FRAME_6MHZ_NS && dt <= 2 * FRAME_6MHZ_NS + POLL_SLACK_NS,
		  "read at 6 MHz took %" PRIu64 " ns", dt);

	/* no redundant register reads: per transaction one idle check and one status read
	 * per frame, plus MDIO_DATA for a read; the spin covers the frame, polls are not needed
	 */
	qt_sim_trace_enable(rig.sim, true, true);
	QT_ASSERT_EQ(tn40_mdio_write(&rig.hw, 1, 1, 0xC319, 0x38), 0);
	QT_ASSERT_EQ(tb_count_rd32(&rig), 3);
	qt_sim_trace_clear(rig.sim);
	QT_ASSERT_EQ(tn40_mdio_read(&rig.hw, 1, 1, 0x0002, &v), 0);
	QT_ASSERT_EQ(tb_count_rd32(&rig), 4);
	qt_sim_trace_enable(rig.sim, false, false);

	QT_ASSERT_EQ(tn40_mdio_set_clock(&rig.hw, TN40_MDIO_CLK_1MHZ), 0);
	QT_ASSERT_EQ(rig.hw.mdio_clk, 0x3EC8);
	QT_ASSERT_EQ(rig.hw.mdio_frame_ns, FRAME_1MHZ_NS);
	qt_sim_fake_clock_advance(&rig.fc, 100 * QT_NS_PER_MS);        /* settled */
	t0 = tb_now(&rig);
	QT_ASSERT_EQ(tn40_mdio_read(&rig.hw, 1, 1, 0x0003, &v), 0);
	dt = tb_now(&rig) - t0;
	QT_ASSERT_EQ(v, 0xA400);
	QT_ASSERT(dt >= 2 * FRAME_1MHZ_NS && dt <= 2 * FRAME_1MHZ_NS + POLL_SLACK_NS,
		  "read at 1 MHz took %" PRIu64 " ns", dt);
	qt_sim_destroy(rig.sim);
	return 0;
}

/* A warm start looks at the PHY before setting the clock: a bus a previous run left at
 * 6.25 MHz answers at that pace, not at the 1 MHz the driver must assume.
 */
QT_TEST(base_mdio, unknown_clock_polled_at_6mhz_pace)
{
	uint64_t t0, dt;
	uint16_t v;

	tb_config(&rig);
	rig.cfg.timing = QT_SIM_TIMING_REAL;
	QT_CHECK(tb_create(&rig));
	qt_wr32(&rig.hw, TN40_MDIO_CMD_STAT, 0x0A48);   /* as a previous process left it */
	QT_ASSERT_EQ(rig.hw.mdio_clk, 0);
	t0 = tb_now(&rig);
	QT_ASSERT_EQ(tn40_mdio_read(&rig.hw, 1, 1, 0x0002, &v), 0);
	dt = tb_now(&rig) - t0;
	QT_ASSERT_EQ(v, 0x0043);
	QT_ASSERT(dt >= 2 * FRAME_6MHZ_NS && dt <= 2 * FRAME_6MHZ_NS + 2 * 2000,
		  "read at an unset 6 MHz clock took %" PRIu64 " ns", dt);
	/* and at the reset default the same wait still ends with the 1 MHz frame */
	qt_wr32(&rig.hw, TN40_MDIO_CMD_STAT, 0x3EC8);
	t0 = tb_now(&rig);
	QT_ASSERT_EQ(tn40_mdio_write(&rig.hw, 1, 1, 0xC319, 0x38), 0);
	dt = tb_now(&rig) - t0;
	QT_ASSERT(dt >= 2 * FRAME_1MHZ_NS && dt <= 2 * FRAME_1MHZ_NS + 2 * 2000,
		  "write at an unset 1 MHz clock took %" PRIu64 " ns", dt);
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_mdio, stuck_busy_times_out)
{
	uint64_t t0, dt;
	uint16_t v;

	QT_CHECK(tb_start(&rig));
	QT_ASSERT_EQ(tn40_mdio_set_clock(&rig.hw, TN40_MDIO_CLK_6MHZ), 0);
	qt_sim_fake_clock_advance(&rig.fc, 100 * QT_NS_PER_MS);        /* settled */
	qt_sim_set_fault(rig.sim, QT_SIM_FAULT_MDIO_STUCK_BUSY, 1);
	t0 = tb_now(&rig);
	QT_ASSERT_EQ(tn40_mdio_read(&rig.hw, 1, 1, 0x0002, &v), -ETIMEDOUT);
	dt = tb_now(&rig) - t0;
	/* max(20 frames, 10 ms: Linux's tn40_mdio_wait_nobusy) at 6 MHz is 10 ms */
	QT_ASSERT(dt >= 10 * QT_NS_PER_MS && dt <= 11 * QT_NS_PER_MS, "gave up after %" PRIu64
		  " ns", dt);
	QT_ASSERT_EQ(rig.hw.mdio.timeouts, 1);
	QT_ASSERT_EQ(tn40_mdio_write(&rig.hw, 1, 1, 0xC319, 0x38), -ETIMEDOUT);
	QT_ASSERT_EQ(rig.hw.mdio.timeouts, 2);
	QT_ASSERT_EQ(rig.hw.mdio.errors, 0);

	qt_sim_set_fault(rig.sim, QT_SIM_FAULT_MDIO_STUCK_BUSY, 0);
	QT_ASSERT_EQ(tn40_mdio_read(&rig.hw, 1, 1, 0x0002, &v), 0);
	QT_ASSERT_EQ(v, 0x0043);
	QT_ASSERT_EQ(rig.hw.mdio.timeouts, 2);
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_mdio, error_bit_gives_eio)
{
	uint16_t v = 0x1234;

	QT_CHECK(tb_start(&rig));
	qt_sim_set_fault(rig.sim, QT_SIM_FAULT_MDIO_ERROR, 1);
	QT_ASSERT_EQ(tn40_mdio_read(&rig.hw, 1, 1, 0x0002, &v), -EIO);
	QT_ASSERT_EQ(v, 0x1234);        /* untouched on error */
	QT_ASSERT_EQ(rig.hw.mdio.errors, 1);
	QT_ASSERT_EQ(tn40_mdio_read(&rig.hw, 1, 1, 0x0002, &v), 0);
	QT_ASSERT_EQ(v, 0x0043);

	qt_sim_set_fault(rig.sim, QT_SIM_FAULT_MDIO_ERROR, 1);
	QT_ASSERT_EQ(tn40_mdio_write(&rig.hw, 1, 1, 0xC319, 0x38), -EIO);
	QT_ASSERT_EQ(rig.hw.mdio.errors, 2);
	QT_ASSERT_EQ(rig.hw.mdio.timeouts, 0);
	QT_ASSERT_EQ(rig.hw.mdio.reads, 2);
	QT_ASSERT_EQ(rig.hw.mdio.writes, 1);

	/* an error on the data frame alone (address frame fine) */
	qt_sim_set_fault(rig.sim, QT_SIM_FAULT_MDIO_ERROR_AFTER, 1);
	QT_ASSERT_EQ(tn40_mdio_write(&rig.hw, 1, 1, 0xC319, 0x38), -EIO);
	QT_ASSERT_EQ(rig.hw.mdio.errors, 3);
	QT_ASSERT_EQ(tn40_mdio_write(&rig.hw, 1, 1, 0xC319, 0x38), 0);
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_mdio, scan_finds_phy_at_address_5)
{
	uint32_t id = 0;

	tb_config(&rig);
	rig.cfg.phy_addr = 5;
	QT_CHECK(tb_create(&rig));
	QT_ASSERT_EQ(tn40_mdio_set_clock(&rig.hw, TN40_MDIO_CLK_6MHZ), 0);
	QT_ASSERT_EQ(tn40_mdio_scan(&rig.hw, &id), 5);
	QT_ASSERT_EQ(id, 0x0043A400);
	/* absent addresses 0..4 are scan misses, never MDIO errors */
	QT_ASSERT_EQ(rig.hw.mdio.errors, 0);
	QT_ASSERT_EQ(rig.hw.mdio.timeouts, 0);
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_mdio, scan_absent_phy)
{
	uint32_t id = 0xDEADBEEF;

	QT_CHECK(tb_start(&rig));
	qt_sim_set_fault(rig.sim, QT_SIM_FAULT_PHY_ABSENT, 1);
	QT_ASSERT_EQ(tn40_mdio_scan(&rig.hw, &id), -ENODEV);
	QT_ASSERT_EQ(id, 0xDEADBEEF);
	QT_ASSERT_EQ(rig.hw.mdio.reads, 32);    /* 1.0002 at each address, nothing more */
	QT_ASSERT_EQ(rig.hw.mdio.errors, 0);
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_mdio, scan_ignores_error_bit_misses)
{
	uint32_t id = 0;

	/* absent addresses that answer with the error bit (open question 10) */
	tb_config(&rig);
	rig.cfg.phy_addr = 5;
	QT_CHECK(tb_create(&rig));
	qt_sim_set_fault(rig.sim, QT_SIM_FAULT_MDIO_ERROR, 2);
	QT_ASSERT_EQ(tn40_mdio_scan(&rig.hw, &id), 5);
	QT_ASSERT_EQ(id, 0x0043A400);
	QT_ASSERT_EQ(rig.hw.mdio.errors, 0);
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_mdio, scan_aborts_on_timeout)
{
	uint32_t id;

	QT_CHECK(tb_start(&rig));
	qt_sim_set_fault(rig.sim, QT_SIM_FAULT_MDIO_STUCK_BUSY, 1);
	QT_ASSERT_EQ(tn40_mdio_scan(&rig.hw, &id), -ETIMEDOUT);
	QT_ASSERT_EQ(rig.hw.mdio.timeouts, 1);
	QT_ASSERT_EQ(rig.hw.mdio.reads, 1);
	qt_sim_destroy(rig.sim);
	return 0;
}
