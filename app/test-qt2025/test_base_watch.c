/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * base_watch: the link judgement (qt2025_watch.c) on the model's fake clock: link up after
 * the hold, drops at once (a healed one too), a stopped or unreadable heartbeat after
 * 1 s and not before, the 7.1 MAC reset on the 12th poll. What the PHY thread does with
 * each QT2025_ACT_* is the EAL suites' business; here each millisecond is exact.
 */

#include "qt2025_link.h"
#include "test_base.h"

#define MS QT_NS_PER_MS

static struct tb_rig rig;
static struct qt2025_judge judge;

/* Advances the fake clock by ms, takes one look, returns what the judge says. */
static unsigned int
look(uint64_t ms, bool periodic)
{
	struct qt2025_obs o;

	qt_sim_fake_clock_advance(&rig.fc, ms * MS);
	qt2025_observe(&rig.hw, periodic, &o);
	return qt2025_judge(&judge, &o);
}

/* PHY firmware running, MAC at 10G, loopback plug: the state after a bring-up. */
static int
running(void)
{
	struct qt_phy_fw_state fs;

	if (tb_start(&rig) != 0 || tb_phy_up(&rig) != 0)
		return -1;
	if (tn40_set_speed(&rig.hw, 10000) != 0 || qt_phy_read_fw_state(&rig.hw, &fs) != 0)
		return -1;
	qt2025_judge_init(&judge, qt_now_ns(&rig.hw), fs.heartbeat, 100);
	return 0;
}

/* Looks every 5 ms until the judge reports up; the time it took, or -1. */
static int
until_up(void)
{
	int ms;

	for (ms = 0; ms <= 200; ms += 5)
		if (look(5, false) & QT2025_ACT_UP)
			return ms + 5;
	return -1;
}

QT_TEST(base_watch, up_after_hold)
{
	QT_CHECK(running());
	QT_ASSERT_EQ(look(0, true), 0);         /* up now: the hold starts */
	QT_ASSERT_EQ(look(QT2025_LINK_HOLD_MS - 1, false), 0);
	QT_ASSERT_EQ(look(1, false), QT2025_ACT_UP);
	QT_ASSERT_EQ(look(1, true), 0);         /* reported once */
	QT_ASSERT_EQ(qt2025_judge_due(&judge), UINT64_MAX);
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_watch, due_is_end_of_hold)
{
	QT_CHECK(running());
	QT_ASSERT_EQ(qt2025_judge_due(&judge), UINT64_MAX);
	QT_ASSERT_EQ(look(0, true), 0);
	QT_ASSERT_EQ(qt2025_judge_due(&judge), qt_now_ns(&rig.hw) + QT2025_LINK_HOLD_MS * MS);
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_watch, drop_at_once)
{
	QT_CHECK(running());
	QT_ASSERT(until_up() > 0, "never up");
	qt_sim_set_cable(rig.sim, false);
	QT_ASSERT_EQ(look(0, false), QT2025_ACT_DOWN);
	QT_ASSERT_EQ(look(100, true), 0);       /* reported once */
	qt_sim_set_cable(rig.sim, true);
	QT_ASSERT_EQ(until_up(), QT2025_LINK_HOLD_MS + 5);
	qt_sim_destroy(rig.sim);
	return 0;
}

/* A drop that healed between two looks is still a drop (latching-low bits, hardware.md 9). */
QT_TEST(base_watch, healed_drop_reported)
{
	QT_CHECK(running());
	QT_ASSERT(until_up() > 0, "never up");
	qt_sim_set_cable(rig.sim, false);
	qt_sim_fake_clock_advance(&rig.fc, MS);
	qt_sim_set_cable(rig.sim, true);
	QT_ASSERT_EQ(look(1, false), QT2025_ACT_DOWN);
	QT_ASSERT_EQ(look(QT2025_LINK_HOLD_MS - 1, false), 0);
	QT_ASSERT_EQ(look(1, false), QT2025_ACT_UP);
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_watch, heartbeat_alive)
{
	int i;

	QT_CHECK(running());
	for (i = 0; i < 100; i++)
		QT_ASSERT((look(200, true) & QT2025_ACT_CRASH) == 0, "crash at poll %d", i);
	qt_sim_destroy(rig.sim);
	return 0;
}

/* Crashed: reported only once the heartbeat stood still for more than 1 s. */
QT_TEST(base_watch, heartbeat_stops)
{
	uint64_t moved = 0;
	unsigned int act = 0, all;
	int i;

	QT_CHECK(running());
	QT_ASSERT(until_up() > 0, "never up");
	/* a poll that sees the heartbeat move, then the 8051 crashes */
	while (moved == 0) {
		uint8_t hb = judge.heartbeat;

		QT_ASSERT_EQ(look(50, true) & QT2025_ACT_CRASH, 0);
		if (judge.heartbeat != hb)
			moved = judge.heartbeat_ns;
	}
	qt_sim_set_fault(rig.sim, QT_SIM_FAULT_HEARTBEAT_STOPS, 1);
	for (i = 1, all = 0; i <= 20; i++) {
		act = look(100, true);
		all |= act;
		if (act & QT2025_ACT_CRASH)
			break;
	}
	QT_ASSERT(act & QT2025_ACT_CRASH, "no crash reported");
	/* on the first poll more than 1 s after the last move (each look adds its MDIO time) */
	QT_ASSERT_EQ(i, QT2025_HEARTBEAT_DEAD_MS / 100);
	QT_ASSERT(qt_now_ns(&rig.hw) - moved > QT2025_HEARTBEAT_DEAD_MS * MS, "too early");
	/* the crashed 8051 drops the line: down was reported at once, before the crash */
	QT_ASSERT((all & QT2025_ACT_DOWN) && !judge.up, "link still reported up");
	qt_sim_destroy(rig.sim);
	return 0;
}

/* A PHY that stops answering: nothing while the MAC link holds (an unreadable PHY is not a
 * drop), then down with the crash once 1 s passed without a readable heartbeat.
 */
QT_TEST(base_watch, phy_silent)
{
	uint64_t t0;
	unsigned int act = 0;

	QT_CHECK(running());
	QT_ASSERT(until_up() > 0, "never up");
	QT_ASSERT_EQ(look(0, true) & QT2025_ACT_CRASH, 0);
	t0 = judge.heartbeat_ns;
	qt_sim_set_fault(rig.sim, QT_SIM_FAULT_PHY_ABSENT, 1);
	QT_ASSERT_EQ(look(1, false), 0);
	while (!(act & QT2025_ACT_CRASH) && qt_now_ns(&rig.hw) - t0 < 3000 * MS) {
		act = look(100, true);
		QT_ASSERT(act == 0 || act == (QT2025_ACT_CRASH | QT2025_ACT_DOWN),
			  "act 0x%x before the crash", act);
	}
	QT_ASSERT(act & QT2025_ACT_CRASH, "no crash reported");
	QT_ASSERT(qt_now_ns(&rig.hw) - t0 >= QT2025_HEARTBEAT_DEAD_MS * MS, "crash too early");
	QT_ASSERT(qt_now_ns(&rig.hw) - t0 <= (QT2025_HEARTBEAT_DEAD_MS + 101) * MS,
		  "crash too late");
	qt_sim_destroy(rig.sim);
	return 0;
}

/* One or two failed MDIO frames, at any point of a look, with polls of 200 ms and 1 s:
 * no drop, no crash; the link stays reported up throughout.
 */
static int
transient_errors(uint32_t poll_ms, uint32_t nerr)
{
	struct qt_phy_fw_state fs;
	uint32_t at;
	int i;

	QT_CHECK(running());
	QT_CHECK(qt_phy_read_fw_state(&rig.hw, &fs));
	qt2025_judge_init(&judge, qt_now_ns(&rig.hw), fs.heartbeat, poll_ms);
	QT_ASSERT(until_up() > 0, "never up");
	for (at = 0; at < 16; at++) {
		if (at == 0)
			qt_sim_set_fault(rig.sim, QT_SIM_FAULT_MDIO_ERROR, nerr);
		else
			qt_sim_set_fault(rig.sim, QT_SIM_FAULT_MDIO_ERROR_AFTER, at);
		for (i = 0; i < 3; i++) {
			unsigned int act = look(poll_ms, true);

			if (at > 0 && nerr == 2 && i == 0)      /* a second error, next frame */
				qt_sim_set_fault(rig.sim, QT_SIM_FAULT_MDIO_ERROR, 1);
			QT_ASSERT(act == 0, "%u error(s) at frame %u, poll %d: act 0x%x", nerr,
				  at, i, act);
		}
	}
	QT_ASSERT(judge.up, "link no longer reported up");
	QT_ASSERT(rig.hw.mdio.errors > 0, "no MDIO error was injected");
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_watch, one_mdio_error_200ms)
{
	return transient_errors(200, 1);
}

QT_TEST(base_watch, two_mdio_errors_200ms)
{
	return transient_errors(200, 2);
}

QT_TEST(base_watch, one_mdio_error_1s)
{
	return transient_errors(1000, 1);
}

QT_TEST(base_watch, two_mdio_errors_1s)
{
	return transient_errors(1000, 2);
}

/* A synthetic poll: PHY and MAC up, the heartbeat given or unreadable (hb < 0). */
static unsigned int
poll_at(uint64_t t_ms, int hb)
{
	struct qt2025_obs o = {
		.now_ns = t_ms * MS, .periodic = true, .mac = true, .phy_ok = true,
		.phy = { .pma = true, .pcs = true, .phy_xs = true },
		.watch_ok = hb >= 0, .heartbeat = (uint8_t)(hb & 0xFF), .module = 2,
		.signal = true,
	};

	return qt2025_judge(&judge, &o);
}

/* Polls of 1 s: one unreadable heartbeat is no crash; two in a row are (once, with
 * polls of 1 s and more one unreadable heartbeat restarted the PHY).
 */
QT_TEST(base_watch, crash_needs_two_polls)
{
	uint64_t t;

	qt2025_judge_init(&judge, 1000 * MS, 10, 1000);
	QT_ASSERT_EQ(poll_at(1000, 10) & QT2025_ACT_CRASH, 0);
	QT_ASSERT_EQ(poll_at(2000, 20) & QT2025_ACT_CRASH, 0);
	QT_ASSERT_EQ(poll_at(3000, -1) & QT2025_ACT_CRASH, 0);         /* one unreadable */
	QT_ASSERT_EQ(poll_at(4000, 40) & QT2025_ACT_CRASH, 0);
	QT_ASSERT_EQ(poll_at(5000, 40) & QT2025_ACT_CRASH, 0);         /* one still */
	QT_ASSERT_EQ(poll_at(6000, 60) & QT2025_ACT_CRASH, 0);
	QT_ASSERT_EQ(poll_at(7000, -1) & QT2025_ACT_CRASH, 0);
	QT_ASSERT(poll_at(8000, 60) & QT2025_ACT_CRASH, "no crash after two stale polls");
	/* polls of 100 ms: 1 s of them */
	qt2025_judge_init(&judge, 1000 * MS, 10, 100);
	QT_ASSERT_EQ(poll_at(1100, 11) & QT2025_ACT_CRASH, 0);
	QT_ASSERT_EQ(poll_at(1200, 11) & QT2025_ACT_CRASH, 0);
	QT_ASSERT_EQ(poll_at(1300, -1) & QT2025_ACT_CRASH, 0);
	QT_ASSERT_EQ(poll_at(2100, 11) & QT2025_ACT_CRASH, 0);         /* late: restarts */
	for (t = 2200; t < 3100; t += 100)
		QT_ASSERT_EQ(poll_at(t, 11) & QT2025_ACT_CRASH, 0);
	QT_ASSERT(poll_at(3100, 11) & QT2025_ACT_CRASH, "no crash after 1 s of still polls");
	return 0;
}

/* A PHY thread stalled for the heartbeat's whole 8-bit turn (25.6 s: SIGSTOP, a paused VM)
 * finds the same value: evidence starts afresh, no crash; a real crash after it still is.
 */
QT_TEST(base_watch, stall_over_heartbeat_wrap)
{
	int i;

	QT_CHECK(running());
	qt2025_judge_init(&judge, qt_now_ns(&rig.hw), judge.heartbeat, 200);
	QT_ASSERT(until_up() > 0, "never up");
	for (i = 0; i < 5; i++)
		QT_ASSERT_EQ(look(200, true), 0);
	QT_ASSERT_EQ(look(25600, true), 0);     /* the heartbeat went round once */
	for (i = 0; i < 20; i++)
		QT_ASSERT_EQ(look(200, true), 0);
	/* and a stall of 30 s that ends with a crashed 8051: reported, 1 s later */
	qt_sim_fake_clock_advance(&rig.fc, 30000 * MS);
	qt_sim_set_fault(rig.sim, QT_SIM_FAULT_HEARTBEAT_STOPS, 1);
	for (i = 0; i < 10 && !(look(200, true) & QT2025_ACT_CRASH); i++)
		;
	QT_ASSERT(i >= 4 && i < 10, "crash at poll %d after the stall", i);
	qt_sim_destroy(rig.sim);
	return 0;
}

/* hardware.md 7.1: light at the PHY, none at the MAC: the 12th poll resets the MAC; looks in
 * between that are not polls do not count.
 */
QT_TEST(base_watch, mac_recovery_12th_poll)
{
	int i;

	QT_CHECK(running());
	QT_CHECK(tn40_set_speed(&rig.hw, 0));
	for (i = 1; i < QT2025_MAC_RECOVER_POLLS; i++) {
		QT_ASSERT_EQ(look(100, true) & QT2025_ACT_MAC_RESET, 0);
		QT_ASSERT_EQ(look(1, false) & QT2025_ACT_MAC_RESET, 0);
	}
	QT_ASSERT(look(100, true) & QT2025_ACT_MAC_RESET, "no MAC reset on poll 12");
	QT_ASSERT_EQ(look(100, true) & QT2025_ACT_MAC_RESET, 0);        /* count restarts */
	/* a MAC that follows stops the count */
	QT_CHECK(tn40_set_speed(&rig.hw, 10000));
	for (i = 0; i < 2 * QT2025_MAC_RECOVER_POLLS; i++)
		QT_ASSERT_EQ(look(100, true) & QT2025_ACT_MAC_RESET, 0);
	qt_sim_destroy(rig.sim);
	return 0;
}

/* The MAC bit alone reports a drop, before the PHY is read (hardware.md 7.3). */
QT_TEST(base_watch, mac_drop_before_mdio)
{
	struct qt2025_obs o;

	QT_CHECK(running());
	QT_ASSERT(until_up() > 0, "never up");
	qt_sim_set_cable(rig.sim, false);
	qt2025_observe_mac(&rig.hw, false, &o);
	QT_ASSERT_EQ(qt2025_judge_mac(&judge, &o), QT2025_ACT_DOWN);
	QT_ASSERT_EQ(qt2025_judge_mac(&judge, &o), 0);          /* told once */
	qt2025_observe_phy(&rig.hw, &o);
	QT_ASSERT_EQ(qt2025_judge(&judge, &o), 0);
	qt_sim_destroy(rig.sim);
	return 0;
}
