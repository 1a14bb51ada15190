/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * eal_cycles: what applications do again and again. Stop/start cycles on a port pair (no
 * LSC callback while stopped, even when the link changes then; link back at the end), and
 * close/re-probe cycles that must leave nothing behind: no PHY thread, no file descriptor,
 * no memzone. Each case probes its own pair.
 */

#include <rte_bus_vdev.h>
#include <rte_ethdev.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_eal_util.h"

#define PAIR_ARGS "wire=cyc-w0,timing=fast,link_poll_ms=50"
#define STOP_START_CYCLES 100
#define REPROBE_CYCLES 20

static const char *const names[2] = { "net_qt2025_sim_c0", "net_qt2025_sim_c1" };
static uint16_t pp[2];

/* A stopped port's transmitter is off (as ixgbe): its peer loses the link, and the PHY
 * thread sees it, without an LSC callback while the ports are stopped.
 */
static int
seen_down_while_stopped(uint64_t down_before)
{
	return qtt_wait_xstat(pp[1], "link_down_events", down_before + 1, 2000);
}

QT_EAL_TEST(eal_cycles, stop_start_100)
{
	unsigned int before[2];
	uint64_t down = 0;
	int c, i;

	QT_CHECK(qtt_pair_up(names, PAIR_ARGS, 1, false, pp));
	for (i = 0; i < 2; i++)
		QT_CHECK(qtt_wait_link(pp[i], 1, 5000));
	for (c = 0; c < STOP_START_CYCLES; c++) {
		if (c % 10 == 9) {
			QT_CHECK(qtt_wait_link(pp[1], 1, 2000));
			QT_CHECK(qtt_xstat(pp[1], "link_down_events", &down));
		}
		for (i = 0; i < 2; i++) {
			QT_ASSERT_EQ(rte_eth_dev_stop(pp[i]), 0);
			before[i] = qtt_lsc_count(pp[i]);
		}
		for (i = 0; i < 2; i++)
			QT_ASSERT_EQ(qtt_link(pp[i]), 0);       /* a stopped port has no link */
		if (c % 10 == 9)
			QT_CHECK(seen_down_while_stopped(down));
		else
			qtt_sleep_ms(1);
		for (i = 0; i < 2; i++)
			QT_ASSERT(qtt_lsc_count(pp[i]) == before[i],
				  "cycle %d: port %u got %u LSC callbacks while stopped", c,
				  pp[i], qtt_lsc_count(pp[i]) - before[i]);
		for (i = 0; i < 2; i++)
			QT_ASSERT_EQ(rte_eth_dev_start(pp[i]), 0);
	}
	for (i = 0; i < 2; i++)
		QT_CHECK(qtt_wait_link(pp[i], 1, 5000));
	QT_CHECK(qtt_pair_destroy(pp));
	QT_ASSERT_EQ(qtt_count_phy_threads(), 0);
	return 0;
}

QT_EAL_TEST(eal_cycles, close_reprobe_20)
{
	uint16_t avail = rte_eth_dev_count_avail();
	int c, i, fds, mzs;

	/* what stays after the first probe: the cards (powered, with their interrupt eventfd)
	 * and the mbuf pool; the cycles must add nothing to it
	 */
	QT_CHECK(qtt_pair_up(names, PAIR_ARGS, 1, false, pp));
	QT_CHECK(qtt_pair_destroy(pp));
	fds = qtt_count_fds();
	mzs = qtt_count_memzones();
	QT_ASSERT(fds > 0, "cannot count fds");
	QT_ASSERT_EQ(qtt_count_phy_threads(), 0);
	for (c = 0; c < REPROBE_CYCLES; c++) {
		QT_CHECK(qtt_pair_up(names, PAIR_ARGS, 1, false, pp));
		QT_ASSERT_EQ(qtt_count_phy_threads(), 2);
		/* even cycles close with link up, odd ones right away (bring-up running) */
		if (c % 2 == 0)
			for (i = 0; i < 2; i++)
				QT_CHECK(qtt_wait_link(pp[i], 1, 5000));
		QT_CHECK(qtt_pair_destroy(pp));
		QT_ASSERT(qtt_count_phy_threads() == 0, "cycle %d: %d qt-phy threads left",
			  c, qtt_count_phy_threads());
		QT_ASSERT(qtt_count_fds() == fds, "cycle %d: %d fds, %d before", c,
			  qtt_count_fds(), fds);
		QT_ASSERT(qtt_count_memzones() == mzs, "cycle %d: %d memzones, %d before", c,
			  qtt_count_memzones(), mzs);
		QT_ASSERT_EQ(rte_eth_dev_count_avail(), avail);
	}
	QT_CHECK(qtt_pair_up(names, PAIR_ARGS, 1, false, pp));
	for (i = 0; i < 2; i++)
		QT_CHECK(qtt_wait_link(pp[i], 1, 5000));
	QT_CHECK(qtt_pair_destroy(pp));
	QT_ASSERT_EQ(qtt_count_phy_threads(), 0);
	QT_ASSERT_EQ(qtt_count_fds(), fds);
	QT_ASSERT_EQ(qtt_count_memzones(), mzs);
	return 0;
}

/* More simulated cards over time than the 32 slots: the oldest unbound card's slot comes
 * back, so the 33rd attach works.
 */
QT_EAL_TEST(eal_cycles, sim_slots_reclaimed)
{
	char name[48];
	unsigned int i;
	uint16_t p;

	for (i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "net_qt2025_sim_s%u", i);
		QT_CHECK(qtt_port_create(name, "timing=fast", &p));
		QT_CHECK(qtt_port_destroy(p));
	}
	return 0;
}
