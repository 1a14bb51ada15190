/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * eal_judge: the link judgement and the PHY recoveries as applications see them:
 * transient MDIO errors give no LSC event and no restart, a crash
 * gives RTE_ETH_EVENT_ERR_RECOVERING then RECOVERY_SUCCESS or RECOVERY_FAILED on the EAL
 * interrupt thread, telemetry's reason says why a running port has no link, and the
 * QT2025C errata of hardware.md 8.7 are recovered from.
 */

#include <stdlib.h>

#include <rte_ethdev.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_eal_util.h"

QT_EAL_SUITE(eal_judge, NULL, NULL);

/* A cold bring-up takes about 0.5 s; on a loaded CI machine (2 CPUs shared by several
 * jobs) it has been seen to take 7 s: waits for it are generous, they cost nothing when
 * it is quick.
 */
#define BRINGUP_MS 20000

static int
xstat_is(uint16_t port, const char *name, uint64_t want)
{
	uint64_t v = 0;

	if (qtt_xstat(port, name, &v) != 0)
		return -1;
	if (v != want) {
		fprintf(stderr, "    port %u: %s = %" PRIu64 ", expected %" PRIu64 "\n", port,
			name, v, want);
		return -1;
	}
	return 0;
}

/* One and two failed MDIO frames at many points of the polls: nothing reaches the
 * application, nothing restarts (once, one unreadable heartbeat restarted a PHY polled
 * every second, one failed status read was a flap).
 */
static int
transient_mdio(const char *name, uint32_t poll_ms)
{
	char args[64];
	struct qt_sim *sim;
	uint64_t e0 = 0, e1 = 0;
	uint32_t at;
	uint16_t p;

	snprintf(args, sizeof(args), "timing=fast,link_poll_ms=%u", poll_ms);
	QT_CHECK(qtt_port_create(name, args, &p));
	QT_CHECK(qtt_port_configure(p, 1));
	QT_CHECK(qtt_lsc_register(p));
	QT_CHECK(qtt_port_start(p));
	QT_CHECK(qtt_wait_link(p, 1, BRINGUP_MS));
	QT_CHECK(qtt_wait_lsc(p, 1, 1000));
	qtt_sleep_ms(poll_ms + 50);
	qtt_lsc_reset(p);
	sim = qtt_sim(p);
	QT_ASSERT(sim != NULL, "no model");
	QT_ASSERT_EQ(qtt_xstat(p, "phy_mdio_errors", &e0), 0);
	for (at = 0; at < 8; at++) {
		if (at % 2 == 0)
			qt_sim_set_fault(sim, QT_SIM_FAULT_MDIO_ERROR, 1 + at / 4);
		else
			qt_sim_set_fault(sim, QT_SIM_FAULT_MDIO_ERROR_AFTER, at);
		qtt_sleep_ms(poll_ms + poll_ms / 2);
	}
	qtt_sleep_ms(poll_ms);
	QT_ASSERT_EQ(qtt_xstat(p, "phy_mdio_errors", &e1), 0);
	QT_ASSERT(e1 > e0, "no MDIO error happened (%" PRIu64 ")", e1);
	QT_ASSERT_EQ(qtt_lsc_count(p), 0);
	QT_ASSERT_EQ(qtt_link(p), 1);
	QT_CHECK(xstat_is(p, "link_down_events", 0));
	QT_CHECK(xstat_is(p, "phy_fw_crashes", 0));
	QT_CHECK(xstat_is(p, "phy_fw_loads", 1));
	QT_CHECK(qtt_port_destroy(p));
	return 0;
}

QT_EAL_TEST(eal_judge, transient_mdio_200ms)
{
	return transient_mdio("net_qt2025_sim_j0", 200);
}

QT_EAL_TEST(eal_judge, transient_mdio_1s)
{
	return transient_mdio("net_qt2025_sim_j1", 1000);
}

/* ---- recovery events ---- */

#define EV_MAX 8

static struct {
	int ev[EV_MAX];
	unsigned int n;
	unsigned int foreign;           /* callbacks off the EAL interrupt thread */
	pthread_t intr;
} rec;

static int
rec_cb(uint16_t port, enum rte_eth_event_type type, void *arg, void *ret)
{
	RTE_SET_USED(port);
	RTE_SET_USED(arg);
	RTE_SET_USED(ret);
	if (!pthread_equal(pthread_self(), rec.intr))
		rec.foreign++;
	if (rec.n < EV_MAX)
		rec.ev[rec.n] = type;
	rec.n++;
	return 0;
}

static const enum rte_eth_event_type rec_types[] = {
	RTE_ETH_EVENT_ERR_RECOVERING, RTE_ETH_EVENT_RECOVERY_SUCCESS,
	RTE_ETH_EVENT_RECOVERY_FAILED,
};

static int
rec_register(uint16_t p, bool on)
{
	unsigned int i;

	memset(&rec.ev, 0, sizeof(rec.ev));
	rec.n = 0;
	rec.foreign = 0;
	if (on && qtt_intr_thread(&rec.intr) != 0)
		return -1;
	for (i = 0; i < RTE_DIM(rec_types); i++) {
		int rc = on ? rte_eth_dev_callback_register(p, rec_types[i], rec_cb, NULL) :
			rte_eth_dev_callback_unregister(p, rec_types[i], rec_cb, NULL);

		if (rc != 0) {
			fprintf(stderr, "    callback (un)register %d: %d\n", rec_types[i], rc);
			return -1;
		}
	}
	return 0;
}

static bool
rec_two(void *arg)
{
	RTE_SET_USED(arg);
	return __atomic_load_n(&rec.n, __ATOMIC_ACQUIRE) >= 2;
}

/* A crash: link down, ERR_RECOVERING, then the outcome, each once, on the interrupt
 * thread; fault (with arg) is set before the crash to make the recovery fail.
 */
static int
crash_events(const char *name, enum qt_sim_fault fault, uint32_t arg, int outcome)
{
	struct qt_sim *sim;
	uint16_t p;

	QT_CHECK(qtt_port_create(name, "timing=fast,link_poll_ms=50", &p));
	QT_CHECK(qtt_port_configure(p, 1));
	QT_CHECK(qtt_lsc_register(p));
	QT_CHECK(rec_register(p, true));
	QT_CHECK(qtt_port_start(p));
	QT_CHECK(qtt_wait_link(p, 1, BRINGUP_MS));
	QT_ASSERT_EQ(rec.n, 0);
	sim = qtt_sim(p);
	QT_ASSERT(sim != NULL, "no model");
	if (arg != 0)
		qt_sim_set_fault(sim, fault, arg);
	qt_sim_set_fault(sim, QT_SIM_FAULT_HEARTBEAT_STOPS, 1);
	QT_CHECK(qtt_wait_link(p, 0, 3000));
	QT_CHECK(qtt_wait(rec_two, NULL, 3000 + BRINGUP_MS));
	qtt_sleep_ms(200);
	if (arg != 0)
		qt_sim_set_fault(sim, fault, 0);
	QT_ASSERT_EQ(rec.n, 2);
	QT_ASSERT_EQ(rec.ev[0], RTE_ETH_EVENT_ERR_RECOVERING);
	QT_ASSERT_EQ(rec.ev[1], outcome);
	QT_ASSERT_EQ(rec.foreign, 0);
	QT_CHECK(xstat_is(p, "phy_fw_crashes", 1));
	if (outcome == RTE_ETH_EVENT_RECOVERY_SUCCESS)
		QT_CHECK(qtt_wait_link(p, 1, BRINGUP_MS));
	QT_CHECK(rec_register(p, false));
	QT_CHECK(qtt_port_destroy(p));
	return 0;
}

QT_EAL_TEST(eal_judge, crash_recovery_success)
{
	return crash_events("net_qt2025_sim_j2", QT_SIM_FAULT_PHY_ABSENT, 0,
			    RTE_ETH_EVENT_RECOVERY_SUCCESS);
}

QT_EAL_TEST(eal_judge, crash_recovery_failed)
{
	return crash_events("net_qt2025_sim_j3", QT_SIM_FAULT_PHY_ABSENT, 1,
			    RTE_ETH_EVENT_RECOVERY_FAILED);
}

/* ---- why no link ---- */

static int
reason_is(uint16_t port, const char *want, unsigned int timeout_ms)
{
	uint64_t end = qtt_now_ms() + timeout_ms;
	char reason[160] = "";

	do {
		if (qtt_phy_str(port, "reason", reason, sizeof(reason)) != 0)
			return -1;
		if (strcmp(reason, want) == 0)
			return 0;
		qtt_sleep_ms(10);
	} while (qtt_now_ms() < end);
	fprintf(stderr, "    port %u: reason \"%s\", expected \"%s\"\n", port, reason, want);
	return -1;
}

QT_EAL_TEST(eal_judge, no_link_reason)
{
	struct qt_sim *sim;
	uint16_t p;

	QT_CHECK(qtt_port_up("net_qt2025_sim_j4", "timing=fast,link_poll_ms=50", 1, &p));
	QT_CHECK(qtt_wait_link(p, 1, BRINGUP_MS));
	QT_CHECK(reason_is(p, "", 0));
	sim = qtt_sim(p);
	QT_ASSERT(sim != NULL, "no model");
	qt_sim_set_cable(sim, false);
	QT_CHECK(reason_is(p, "no light: no cable, or the link partner sends nothing", 3000));
	qt_sim_set_cable(sim, true);
	QT_CHECK(qtt_wait_link(p, 1, 2000));
	QT_CHECK(reason_is(p, "", 1000));
	qt_sim_set_module(sim, QT_SIM_MODULE_NONE);
	QT_CHECK(reason_is(p, "no SFP+ module", 3000));
	qt_sim_set_module(sim, QT_SIM_MODULE_SR);
	QT_CHECK(qtt_wait_link(p, 1, 2000));
	QT_ASSERT_EQ(rte_eth_dev_set_link_down(p), 0);
	QT_CHECK(reason_is(p, "low power: set_link_down", 1000));
	QT_ASSERT_EQ(rte_eth_dev_set_link_up(p), 0);
	QT_CHECK(qtt_wait_link(p, 1, 2000));
	QT_CHECK(qtt_port_stop(p));
	QT_CHECK(reason_is(p, "low power: port stopped", 1000));
	QT_CHECK(qtt_port_start(p));
	QT_CHECK(qtt_wait_link(p, 1, 2000));
	QT_CHECK(reason_is(p, "", 1000));
	QT_CHECK(qtt_port_destroy(p));
	return 0;
}

/* A 1G module facing a 10G one: light, no link on either side, and a reason that says so
 * (hardware.md 8.5); the PCS kick of 8.7 does not make a flap of it.
 */
QT_EAL_TEST(eal_judge, module_speed_mismatch)
{
	static const char *const names[2] = { "net_qt2025_sim_j5", "net_qt2025_sim_j6" };
	uint16_t pp[2];
	int i;

	QT_CHECK(qtt_port_create(names[0], "timing=fast,link_poll_ms=50,wire=jmis,module=1g-sx",
				 &pp[0]));
	QT_CHECK(qtt_port_create(names[1], "timing=fast,link_poll_ms=50,wire=jmis,module=sr",
				 &pp[1]));
	for (i = 0; i < 2; i++) {
		QT_CHECK(qtt_port_configure(pp[i], 1));
		QT_CHECK(qtt_lsc_register(pp[i]));
		QT_CHECK(qtt_port_start(pp[i]));
	}
	for (i = 0; i < 2; i++) {
		QT_CHECK(qtt_wait_state(pp[i], "running", BRINGUP_MS));
		QT_CHECK(reason_is(pp[i], "light but no PCS block lock: link partner at "
				   "another speed?", 2000));
	}
	qtt_sleep_ms(2500);     /* past the first 8.7 kick */
	for (i = 0; i < 2; i++) {
		QT_ASSERT_EQ(qtt_link(pp[i]), 0);
		QT_ASSERT_EQ(qtt_lsc_count(pp[i]), 0);
		QT_CHECK(xstat_is(pp[i], "link_up_events", 0));
	}
	/* the same module on both ends: link */
	qt_sim_set_module(qtt_sim(pp[0]), QT_SIM_MODULE_SR);
	for (i = 0; i < 2; i++)
		QT_CHECK(qtt_wait_link(pp[i], 1, BRINGUP_MS));
	QT_CHECK(qtt_pair_destroy(pp));
	return 0;
}

/* ---- QT2025C errata (hardware.md 8.7) ---- */

/* Bug 17190: PCS without block lock, PMA and PHY XS up: a PMA loopback pulse after 2 s. */
QT_EAL_TEST(eal_judge, erratum_pcs_stuck)
{
	struct qt_sim *sim;
	uint64_t t0;
	uint16_t p;

	QT_CHECK(qtt_port_up("net_qt2025_sim_j7", "timing=fast,link_poll_ms=50", 1, &p));
	QT_CHECK(qtt_wait_link(p, 1, BRINGUP_MS));
	sim = qtt_sim(p);
	QT_ASSERT(sim != NULL, "no model");
	qt_sim_set_fault(sim, QT_SIM_FAULT_PCS_STUCK, 1);
	t0 = qtt_now_ms();
	QT_CHECK(qtt_wait_link(p, 0, 1000));
	QT_CHECK(reason_is(p, "light but no PCS block lock: link partner at another speed?",
			   1000));
	QT_CHECK(qtt_wait_link(p, 1, 8000));
	QT_ASSERT(qtt_now_ms() - t0 >= 2000, "back after %" PRIu64 " ms, before the 2 s",
		  qtt_now_ms() - t0);
	QT_CHECK(xstat_is(p, "phy_fw_crashes", 0));
	QT_CHECK(qtt_port_destroy(p));
	return 0;
}

/* Bug 17689: after a crash the firmware boots with the heartbeat running and the status at
 * 0x00; one restart from RAM recovers (without it the bring-up fails after 3 s).
 */
QT_EAL_TEST(eal_judge, erratum_status_stuck)
{
	struct qt_sim *sim;
	uint16_t p;

	QT_CHECK(qtt_port_up("net_qt2025_sim_j8", "timing=fast,link_poll_ms=50", 1, &p));
	QT_CHECK(qtt_wait_link(p, 1, BRINGUP_MS));
	sim = qtt_sim(p);
	QT_ASSERT(sim != NULL, "no model");
	qt_sim_set_fault(sim, QT_SIM_FAULT_STATUS_STUCK, 1);
	qt_sim_set_fault(sim, QT_SIM_FAULT_HEARTBEAT_STOPS, 1);
	QT_CHECK(qtt_wait_xstat(p, "phy_fw_crashes", 1, 3000));
	/* download, the 3 s ready wait, the restart from RAM */
	QT_CHECK(qtt_wait_link(p, 1, 3000 + BRINGUP_MS));
	QT_CHECK(qtt_wait_state(p, "running", 0));
	QT_CHECK(xstat_is(p, "phy_fw_loads", 2));
	QT_CHECK(qtt_port_destroy(p));
	return 0;
}

/* Polls of 1 s: a real crash is still found, after two still polls (2 to 3 s), and the
 * PHY restarts.
 */
QT_EAL_TEST(eal_judge, crash_found_with_1s_polls)
{
	struct qt_sim *sim;
	uint64_t t0, dt;
	uint16_t p;

	QT_CHECK(qtt_port_up("net_qt2025_sim_j9", "timing=fast,link_poll_ms=1000", 1, &p));
	QT_CHECK(qtt_wait_link(p, 1, BRINGUP_MS));
	sim = qtt_sim(p);
	QT_ASSERT(sim != NULL, "no model");
	qt_sim_set_fault(sim, QT_SIM_FAULT_HEARTBEAT_STOPS, 1);
	t0 = qtt_now_ms();
	QT_CHECK(qtt_wait_xstat(p, "phy_fw_crashes", 1, 5000));
	dt = qtt_now_ms() - t0;
	/* at the second still poll, 2 s after the last move; before the change: the first
	 * poll more than 1 s after it, 1.0 to 1.1 s after the fault
	 */
	QT_ASSERT(dt >= 1500 && dt <= 4500, "crash found after %" PRIu64 " ms", dt);
	QT_CHECK(qtt_wait_link(p, 1, BRINGUP_MS));
	QT_CHECK(xstat_is(p, "phy_fw_loads", 2));
	QT_CHECK(qtt_port_destroy(p));
	return 0;
}
