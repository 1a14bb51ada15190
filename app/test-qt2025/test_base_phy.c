/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * base_phy: QT2025 identify, firmware download (traced against hardware.md 8.3), ready wait,
 * status, link, loopback and low power, against the device model.
 */

#include "qt2025_devargs.h"
#include "test_base.h"
#include "qt2025_link.h"

#include <pthread.h>

#define CFG_STEPS       11      /* 8.3 steps 2..12, before the program bytes */

static struct tb_rig rig;

struct exp_wr {
	uint8_t mmd;
	uint16_t reg;
	uint16_t val;
};

/* hardware.md 8.3 steps 2..12, written out again here (double entry with qt_phy.c) */
static const struct exp_wr exp_cfg[CFG_STEPS] = {
	{ 1, 0xC300, 0x0000 }, { 1, 0xC302, 0x0004 }, { 1, 0xC319, 0x0038 },
	{ 1, 0xC31A, 0x0098 }, { 3, 0x0026, 0x0E00 }, { 3, 0x0027, 0x0893 },
	{ 3, 0x0028, 0xA528 }, { 3, 0x0029, 0x0003 }, { 1, 0xC30A, 0x06E1 },
	{ 1, 0xC300, 0x0002 }, { 3, 0xE854, 0x00C0 },
};

QT_TEST(base_phy, identify)
{
	QT_CHECK(tb_start(&rig));
	QT_ASSERT_EQ(rig.hw.phy.addr, -1);
	QT_ASSERT_EQ(qt_phy_identify(&rig.hw), 0);
	QT_ASSERT_EQ(rig.hw.phy.addr, 1);
	qt_sim_destroy(rig.sim);

	tb_config(&rig);
	rig.cfg.phy_addr = 5;
	QT_CHECK(tb_create(&rig));
	QT_ASSERT_EQ(qt_phy_identify(&rig.hw), 0);
	QT_ASSERT_EQ(rig.hw.phy.addr, 5);
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_phy, identify_failures)
{
	QT_CHECK(tb_start(&rig));
	qt_sim_set_fault(rig.sim, QT_SIM_FAULT_WRONG_REVISION, 0xB2);
	QT_ASSERT_EQ(qt_phy_identify(&rig.hw), -ENOTSUP);
	QT_ASSERT_EQ(rig.hw.phy.addr, -1);
	qt_sim_set_fault(rig.sim, QT_SIM_FAULT_WRONG_REVISION, 0);
	qt_sim_set_fault(rig.sim, QT_SIM_FAULT_PHY_ABSENT, 1);
	QT_ASSERT_EQ(qt_phy_identify(&rig.hw), -ENODEV);
	QT_ASSERT_EQ(rig.hw.phy.addr, -1);
	/* no identified PHY: the other calls refuse without MDIO */
	QT_ASSERT_EQ(qt_phy_download(&rig.hw, qt_sim_phy_fw, qt_sim_phy_fw_len), -ENODEV);
	QT_ASSERT_EQ(qt_phy_wait_ready(&rig.hw, QT2025_FW_READY_STEP_MS, 100), -ENODEV);
	qt_sim_set_fault(rig.sim, QT_SIM_FAULT_PHY_ABSENT, 0);
	qt_sim_set_fault(rig.sim, QT_SIM_FAULT_MDIO_STUCK_BUSY, 1);
	QT_ASSERT_EQ(qt_phy_identify(&rig.hw), -ETIMEDOUT);
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_phy, bring_up)
{
	struct qt_phy_fw_state st;

	QT_CHECK(tb_start(&rig));
	QT_CHECK(tb_phy_up(&rig));
	QT_ASSERT_EQ(qt_phy_read_fw_state(&rig.hw, &st), 0);
	QT_ASSERT(qt_phy_fw_status_running(st.status), "status 0x%02x", st.status);
	QT_ASSERT_EQ(st.version[0], 0);
	QT_ASSERT_EQ(st.version[1], 1);
	QT_ASSERT_EQ(st.version[2], 0);
	QT_ASSERT_EQ(st.version[3], 0);
	QT_ASSERT_EQ(memcmp(st.version, qt_sim_phy_fw_version, 4), 0);
	QT_ASSERT_EQ(st.module, 2);
	QT_ASSERT_EQ(rig.hw.mdio.errors, 0);
	QT_ASSERT_EQ(rig.hw.mdio.timeouts, 0);
	qt_sim_destroy(rig.sim);
	return 0;
}

/* Every MDIO write of the download, in order, against 8.3 steps 2..14. */
QT_TEST(base_phy, download_trace)
{
	struct qt_sim_trace_entry *tr = NULL;
	size_t n, i, len = qt_sim_phy_fw_len;

	QT_CHECK(tb_start(&rig));
	QT_CHECK(tb_identified(&rig));
	qt_sim_trace_enable(rig.sim, true, false);
	QT_ASSERT_EQ(qt_phy_download(&rig.hw, qt_sim_phy_fw, len), 0);
	qt_sim_trace_enable(rig.sim, false, false);
	n = tb_mdio_writes(&rig, &tr);
	QT_ASSERT_EQ(n, CFG_STEPS + len + 1);
	for (i = 0; i < n; i++) {
		uint8_t mmd;
		uint16_t reg, val;

		if (i < CFG_STEPS) {
			mmd = exp_cfg[i].mmd;
			reg = exp_cfg[i].reg;
			val = exp_cfg[i].val;
		} else if (i < CFG_STEPS + len) {
			size_t b = i - CFG_STEPS;

			mmd = b < 16384 ? 3 : 4;
			reg = (uint16_t)(0x8000 + b % 16384);
			val = qt_sim_phy_fw[b];
		} else {
			mmd = 3;
			reg = 0xE854;
			val = 0x0040;
		}
		if (tr[i].prtad != 1 || tr[i].mmd != mmd || tr[i].reg != reg ||
		    tr[i].val != val)
			QT_FAIL("write %zu is %u.%04X = 0x%04X at %u, expected %u.%04X = 0x%04X",
				i, tr[i].mmd, tr[i].reg, tr[i].val, tr[i].prtad, mmd, reg, val);
	}
	free(tr);
	QT_ASSERT_EQ(qt_phy_wait_ready(&rig.hw, QT2025_FW_READY_STEP_MS, QT2025_FW_READY_MS), 0);
	QT_ASSERT_EQ(tb_obs(&rig).phy_state, QT_SIM_PHY_RUNNING);
	qt_sim_destroy(rig.sim);
	return 0;
}

/* At 6 MHz with timing=real the download runs at the wire limit: 2 frames per byte. */
QT_TEST(base_phy, download_wire_time)
{
	uint64_t t0, dt, ideal;

	tb_config(&rig);
	rig.cfg.timing = QT_SIM_TIMING_REAL;
	QT_CHECK(tb_create(&rig));
	QT_CHECK(tb_identified(&rig));
	t0 = tb_now(&rig);
	QT_ASSERT_EQ(qt_phy_download(&rig.hw, qt_sim_phy_fw, qt_sim_phy_fw_len), 0);
	dt = tb_now(&rig) - t0;
	ideal = (uint64_t)(CFG_STEPS + qt_sim_phy_fw_len + 1) * 2 * 10240;
	QT_ASSERT(dt >= ideal && dt <= ideal + ideal / 100,
		  "download took %" PRIu64 " ns, wire limit %" PRIu64, dt, ideal);
	qt_sim_destroy(rig.sim);
	return 0;
}

/* One case: the frame after n frames of the download fails with the error bit. */
static int
download_error_case(uint32_t n)
{
	uint64_t f0;
	int rc;

	QT_CHECK(tb_start(&rig));
	QT_CHECK(tb_identified(&rig));
	f0 = tb_obs(&rig).mdio_frames;
	qt_sim_set_fault(rig.sim, QT_SIM_FAULT_MDIO_ERROR_AFTER, n);
	rc = qt_phy_download(&rig.hw, qt_sim_phy_fw, qt_sim_phy_fw_len);
	if (rc != -EIO)
		QT_FAIL("error after %u frames: download returned %d, expected -EIO", n, rc);
	QT_ASSERT_EQ(rig.hw.mdio.errors, 1);
	/* the sequence stopped at the failed frame, address or data */
	QT_ASSERT_EQ(tb_obs(&rig).mdio_frames - f0, n + 1);
	qt_sim_sleep_ns(rig.sim, 5ULL * 1000 * QT_NS_PER_MS);
	if (tb_obs(&rig).phy_state == QT_SIM_PHY_RUNNING)
		QT_FAIL("error after %u frames: PHY runs anyway", n);
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_phy, download_error_every_step)
{
	const uint32_t len = (uint32_t)qt_sim_phy_fw_len;
	const uint32_t cfg_frames = 2 * CFG_STEPS;
	const uint32_t inside[] = {
		cfg_frames, cfg_frames + 1,                     /* first program byte */
		cfg_frames + 2 * 1000 + 1,
		cfg_frames + 2 * 16383 + 1,                     /* last byte into 3.BFFF */
		cfg_frames + 2 * 16384, cfg_frames + 2 * 16384 + 1,     /* first into 4.8000 */
		cfg_frames + 2 * (len - 1) + 1,                 /* last byte */
		cfg_frames + 2 * len, cfg_frames + 2 * len + 1, /* step 14 */
	};
	uint32_t n;
	size_t i;

	for (n = 0; n < cfg_frames; n++)
		QT_CHECK(download_error_case(n));
	for (i = 0; i < RTE_DIM(inside); i++)
		QT_CHECK(download_error_case(inside[i]));
	return 0;
}

QT_TEST(base_phy, download_stuck_busy)
{
	uint64_t t0;

	QT_CHECK(tb_start(&rig));
	QT_CHECK(tb_identified(&rig));
	qt_sim_set_fault(rig.sim, QT_SIM_FAULT_MDIO_STUCK_BUSY, 1);
	t0 = tb_now(&rig);
	QT_ASSERT_EQ(qt_phy_download(&rig.hw, qt_sim_phy_fw, qt_sim_phy_fw_len), -ETIMEDOUT);
	QT_ASSERT(tb_now(&rig) - t0 <= 11 * QT_NS_PER_MS, "took %" PRIu64 " ns",
		  tb_now(&rig) - t0);
	QT_ASSERT_EQ(rig.hw.mdio.timeouts, 1);
	QT_ASSERT_NE(tb_obs(&rig).phy_state, QT_SIM_PHY_RUNNING);
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_phy, bad_images_issue_no_frames)
{
	uint64_t frames;

	QT_CHECK(tb_start(&rig));
	QT_CHECK(tb_identified(&rig));
	frames = tb_obs(&rig).mdio_frames;
	QT_ASSERT_EQ(qt_phy_download(&rig.hw, qt_sim_phy_fw, 0), -EINVAL);
	QT_ASSERT_EQ(qt_phy_download(&rig.hw, qt_sim_phy_fw, QT2025_FW_MAX_LEN + 1), -EINVAL);
	QT_ASSERT_EQ(qt_phy_download(&rig.hw, NULL, 100), -EINVAL);
	QT_ASSERT_EQ(tb_obs(&rig).mdio_frames, frames);
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_phy, wait_ready_timeout)
{
	uint64_t t0, dt;

	QT_CHECK(tb_start(&rig));
	QT_CHECK(tb_identified(&rig));
	qt_sim_set_fault(rig.sim, QT_SIM_FAULT_FW_NEVER_BOOTS, 1);
	QT_ASSERT_EQ(qt_phy_download(&rig.hw, qt_sim_phy_fw, qt_sim_phy_fw_len), 0);
	t0 = tb_now(&rig);
	QT_ASSERT_EQ(qt_phy_wait_ready(&rig.hw, QT2025_FW_READY_STEP_MS, QT2025_FW_READY_MS),
		     -ETIMEDOUT);
	dt = tb_now(&rig) - t0;
	QT_ASSERT(dt >= 3000 * QT_NS_PER_MS && dt < 3100 * QT_NS_PER_MS,
		  "gave up after %" PRIu64 " ns", dt);
	QT_ASSERT_NE(tb_obs(&rig).phy_state, QT_SIM_PHY_RUNNING);
	qt_sim_destroy(rig.sim);
	return 0;
}

static int
link_expect(bool pma, bool pcs, bool xs, bool drop)
{
	struct qt_phy_link l;

	QT_ASSERT_EQ(qt_phy_link_status(&rig.hw, &l), 0);
	if (l.pma != pma || l.pcs != pcs || l.phy_xs != xs || l.latched_drop != drop)
		QT_FAIL("link pma %d pcs %d phy_xs %d drop %d, expected %d %d %d %d", l.pma,
			l.pcs, l.phy_xs, l.latched_drop, pma, pcs, xs, drop);
	QT_ASSERT_EQ(qt_phy_link_up(&l), pma && pcs);
	return 0;
}

QT_TEST(base_phy, link_status_latching)
{
	struct qt_phy_link l;
	uint64_t reads;

	QT_CHECK(tb_start(&rig));
	QT_CHECK(tb_phy_up(&rig));
	QT_ASSERT_EQ(tn40_set_speed(&rig.hw, 10000), 0);
	qt_sim_sleep_ns(rig.sim, 100 * QT_NS_PER_MS);
	QT_ASSERT_EQ(qt_phy_link_status(&rig.hw, &l), 0);   /* clears bring-up latches */
	reads = rig.hw.mdio.reads;
	QT_CHECK(link_expect(true, true, true, false));
	/* all up: one read per MMD */
	QT_ASSERT_EQ(rig.hw.mdio.reads - reads, 3);

	qt_sim_set_cable(rig.sim, false);
	qt_sim_set_cable(rig.sim, true);
	qt_sim_sleep_ns(rig.sim, 100 * QT_NS_PER_MS);
	QT_CHECK(link_expect(true, true, true, true));
	QT_CHECK(link_expect(true, true, true, false));

	qt_sim_set_cable(rig.sim, false);
	qt_sim_sleep_ns(rig.sim, 100 * QT_NS_PER_MS);
	QT_ASSERT_EQ(qt_phy_link_status(&rig.hw, &l), 0);
	QT_ASSERT(!l.pma && !l.pcs && !l.latched_drop, "pma %d pcs %d drop %d", l.pma, l.pcs,
		  l.latched_drop);
	qt_sim_set_cable(rig.sim, true);
	qt_sim_sleep_ns(rig.sim, 100 * QT_NS_PER_MS);
	/* whether a bit read low while down stays latched until the next read after the link
	 * returns (the model) or follows the link at once (IEEE reading) is the PHY's business:
	 * the state is up either way, and the flag is clear on the call after
	 */
	QT_ASSERT_EQ(qt_phy_link_status(&rig.hw, &l), 0);
	QT_ASSERT(l.pma && l.pcs && l.phy_xs, "pma %d pcs %d xs %d", l.pma, l.pcs, l.phy_xs);
	QT_CHECK(link_expect(true, true, true, false));
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_phy, low_power_and_loopback)
{
	struct qt_phy_link l;
	uint16_t v;

	QT_CHECK(tb_start(&rig));
	QT_CHECK(tb_phy_up(&rig));
	QT_ASSERT_EQ(tn40_set_speed(&rig.hw, 10000), 0);
	qt_sim_sleep_ns(rig.sim, 100 * QT_NS_PER_MS);
	QT_ASSERT_EQ(qt_phy_link_status(&rig.hw, &l), 0);
	QT_ASSERT(qt_phy_link_up(&l), "link down after bring-up");

	QT_ASSERT_EQ(qt_phy_set_low_power(&rig.hw, true), 0);
	QT_ASSERT_EQ(tn40_mdio_read(&rig.hw, 1, 1, 0x0000, &v), 0);
	QT_ASSERT_EQ(v & 0x0800, 0x0800);
	qt_sim_sleep_ns(rig.sim, 100 * QT_NS_PER_MS);
	QT_ASSERT_EQ(qt_phy_link_status(&rig.hw, &l), 0);
	QT_ASSERT(!l.pma, "PMA link up in low power");
	QT_ASSERT(!tb_obs(&rig).line_up, "model line up in low power");

	QT_ASSERT_EQ(qt_phy_set_low_power(&rig.hw, false), 0);
	QT_ASSERT_EQ(tn40_mdio_read(&rig.hw, 1, 1, 0x0000, &v), 0);
	QT_ASSERT_EQ(v & 0x0800, 0);
	qt_sim_sleep_ns(rig.sim, 100 * QT_NS_PER_MS);
	QT_ASSERT_EQ(qt_phy_link_status(&rig.hw, &l), 0);
	QT_ASSERT(qt_phy_link_up(&l), "link still down after low power off");

	QT_ASSERT_EQ(qt_phy_set_loopback(&rig.hw, true), 0);
	QT_ASSERT_EQ(tn40_mdio_read(&rig.hw, 1, 3, 0x0000, &v), 0);
	QT_ASSERT_EQ(v & 0x4000, 0x4000);
	QT_ASSERT_EQ(qt_phy_set_loopback(&rig.hw, false), 0);
	QT_ASSERT_EQ(tn40_mdio_read(&rig.hw, 1, 3, 0x0000, &v), 0);
	QT_ASSERT_EQ(v & 0x4000, 0);
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_phy, module_table)
{
	static const char * const names[] = {
		"none", "10GBASE-LRM", "10GBASE-SR", "10GBASE-LR", "SFP+ DAC", "1000BASE-SX",
		"1000BASE-LX", "invalid", "1000BASE-CX", "1000BASE-T", "10GBASE-ER",
		"SFP+ active DAC",
	};
	unsigned int m;

	for (m = 0; m < 256; m++) {
		uint32_t exp = (m == 5 || m == 6 || m == 8 || m == 9) ? 1000 : 10000;

		QT_ASSERT_EQ(qt_phy_module_speed((uint8_t)m), exp);
		if (m < RTE_DIM(names))
			QT_ASSERT(strcmp(qt2025_module_name((uint8_t)m), names[m]) == 0,
				  "module %u is \"%s\"", m, qt2025_module_name((uint8_t)m));
		else
			QT_ASSERT(strcmp(qt2025_module_name((uint8_t)m), "reserved") == 0,
				  "module %u", m);
	}
	return 0;
}

QT_TEST(base_phy, fw_state_module)
{
	struct qt_phy_fw_state st;

	tb_config(&rig);
	rig.cfg.module = QT_SIM_MODULE_1G_LX;
	QT_CHECK(tb_create(&rig));
	QT_CHECK(tb_phy_up(&rig));
	QT_ASSERT_EQ(qt_phy_read_fw_state(&rig.hw, &st), 0);
	QT_ASSERT_EQ(st.module, 6);
	QT_ASSERT_EQ(qt_phy_module_speed(st.module), 1000);
	qt_sim_destroy(rig.sim);
	return 0;
}

/* ---- several cards' downloads driven by one thread (qt_phy_download.c) ---- */

#define SHARED_CARDS 3

struct shared_card {
	struct tb_rig rig;
	int rc;
};

static void *
shared_download(void *arg)
{
	struct shared_card *c = arg;

	c->rc = qt2025_download_shared(&c->rig.hw, qt_sim_phy_fw, qt_sim_phy_fw_len);
	return NULL;
}

/* Three PHY threads ask at once: all three images arrive whole and boot, and one thread
 * drove at least two of them together (each card has its own bus).
 */
QT_TEST(base_phy, shared_download_one_driver)
{
	static struct shared_card c[SHARED_CARDS];
	pthread_t t[SHARED_CARDS];
	unsigned int i;

	for (i = 0; i < SHARED_CARDS; i++) {
		tb_config(&c[i].rig);
		c[i].rig.cfg.timing = QT_SIM_TIMING_REAL;
		c[i].rig.cfg.clock = NULL;      /* real time: the threads run side by side */
		QT_CHECK(tb_create(&c[i].rig));
		QT_CHECK(tb_identified(&c[i].rig));
	}
	for (i = 0; i < SHARED_CARDS; i++)
		QT_ASSERT_EQ(pthread_create(&t[i], NULL, shared_download, &c[i]), 0);
	for (i = 0; i < SHARED_CARDS; i++)
		pthread_join(t[i], NULL);
	for (i = 0; i < SHARED_CARDS; i++) {
		QT_ASSERT_EQ(c[i].rc, 0);
		QT_ASSERT_EQ(qt_phy_wait_ready(&c[i].rig.hw, 10, 3000), 0);
		QT_ASSERT_EQ(c[i].rig.hw.mdio.errors + c[i].rig.hw.mdio.timeouts, 0);
	}
	QT_ASSERT(qt2025_download_most_driven() >= 2, "one thread drove %u downloads at most",
		  qt2025_download_most_driven());
	for (i = 0; i < SHARED_CARDS; i++)
		qt_sim_destroy(c[i].rig.sim);
	return 0;
}
