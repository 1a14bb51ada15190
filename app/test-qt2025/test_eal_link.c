/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * eal_link: the link contract (design.md "DPDK conventions"): LSC callbacks, one per change
 * and port, on the EAL interrupt thread; link changes made by the application
 * (set_link_down/up), by the outside world (cable, module: through the model and through
 * telemetry), polling without LSC, the blocking and the non-blocking link get, flap storms.
 *
 * Each case gets a started port pair on one wire from the suite's setup, link up and the
 * start's LSC callback seen on both ports (re-probes of the same two powered cards: warm
 * starts after the first); a case that needs another intr_conf.lsc re-probes it.
 */

#include <stdlib.h>

#include <rte_ethdev.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_eal_util.h"

#define PAIR_ARGS "wire=link-w0,timing=fast,link_poll_ms=50"
#define SETTLE_MS 200           /* time given to extra, unwanted events to show up */
#define STORM_TOGGLES 1000
#define STORM_GAP_US 500
#define STORM_MAX_EVENTS 6
#define NOWAIT_CALLS 1000
#define NOWAIT_GAP_US 50
#define WINDOW_MS 200           /* a link_get_nowait window: four link polls of PAIR_ARGS */
#define QUIET_MS 20
#define QUIET_POLL_MS 10000     /* the largest link_poll_ms */

static const char *const names[2] = { "net_qt2025_sim_l0", "net_qt2025_sim_l1" };
static uint16_t pp[2];

/* Both ports have exactly n LSC callbacks, SETTLE_MS after the n-th arrived, and link up. */
static int
expect_events(unsigned int n, int up)
{
	int i;

	for (i = 0; i < 2; i++)
		if (qtt_wait_lsc(pp[i], n, 3000) != 0)
			return -1;
	qtt_sleep_ms(SETTLE_MS);
	for (i = 0; i < 2; i++) {
		if (qtt_lsc_count(pp[i]) != n) {
			fprintf(stderr, "    port %u: %u LSC callbacks, expected %u\n", pp[i],
				qtt_lsc_count(pp[i]), n);
			return -1;
		}
		if (qtt_link(pp[i]) != up) {
			fprintf(stderr, "    port %u: link %d after %u events, expected %d\n",
				pp[i], qtt_link(pp[i]), n, up);
			return -1;
		}
	}
	return 0;
}

static void
reset_events(void)
{
	qtt_lsc_reset(pp[0]);
	qtt_lsc_reset(pp[1]);
}

static int
tel_ok(const char *cmd, const char *want)
{
	char *reply = malloc(QTT_TEL_MAX + 1);
	int rc = -1;

	if (reply == NULL)
		return -1;
	if (qtt_tel(cmd, reply, QTT_TEL_MAX + 1) == 0) {
		if (strstr(reply, want) != NULL)
			rc = 0;
		else
			fprintf(stderr, "    %s answered %s (no %s)\n", cmd, reply, want);
	}
	free(reply);
	return rc;
}

static int
link_setup(void)
{
	int i;

	if (qtt_pair_up(names, PAIR_ARGS, 1, true, pp) != 0)
		return -1;
	for (i = 0; i < 2; i++)
		if (qtt_wait_lsc(pp[i], 1, 3000) != 0)
			return -1;
	return 0;
}

QT_EAL_SUITE(eal_link, link_setup, NULL);

QT_EAL_TEST(eal_link, pair_up_with_lsc)
{
	/* the setup's start: link-up is one event per port */
	QT_CHECK(expect_events(1, 1));
	return 0;
}

QT_EAL_TEST(eal_link, set_link_down_up)
{
	reset_events();
	QT_ASSERT_EQ(rte_eth_dev_set_link_down(pp[0]), 0);
	QT_CHECK(expect_events(1, 0));
	QT_ASSERT_EQ(rte_eth_dev_set_link_up(pp[0]), 0);
	QT_CHECK(expect_events(2, 1));
	return 0;
}

QT_EAL_TEST(eal_link, lsc_on_interrupt_thread)
{
	pthread_t intr;
	int i;

	QT_CHECK(qtt_intr_thread(&intr));
	for (i = 0; i < 2; i++) {
		QT_ASSERT(qtt_lsc_count(pp[i]) > 0, "no callback ran on port %u", pp[i]);
		QT_ASSERT_EQ(qtt_lsc_foreign(pp[i]), 0);
		QT_ASSERT(pthread_equal(qtt_lsc_thread(pp[i]), intr),
			  "port %u: LSC callback not on the EAL interrupt thread", pp[i]);
		QT_ASSERT(!pthread_equal(qtt_lsc_thread(pp[i]), pthread_self()),
			  "port %u: LSC callback on the application thread", pp[i]);
	}
	return 0;
}

QT_EAL_TEST(eal_link, cable_through_model)
{
	struct qt_sim *sim = qtt_sim(pp[0]);

	QT_ASSERT(sim != NULL, "no model");
	reset_events();
	qt_sim_set_cable(sim, false);
	QT_CHECK(expect_events(1, 0));
	qt_sim_set_cable(sim, true);
	QT_CHECK(expect_events(2, 1));
	return 0;
}

QT_EAL_TEST(eal_link, cable_through_telemetry)
{
	char cmd[64];

	reset_events();
	snprintf(cmd, sizeof(cmd), "/qt2025/sim/cable,%u,unplug", pp[0]);
	QT_CHECK(tel_ok(cmd, "\"unplugged\""));
	QT_CHECK(expect_events(1, 0));
	snprintf(cmd, sizeof(cmd), "/qt2025/sim/cable,%u,plug", pp[0]);
	QT_CHECK(tel_ok(cmd, "\"plugged\""));
	QT_CHECK(expect_events(2, 1));
	/* bad words and ports are refused (null) and change nothing */
	snprintf(cmd, sizeof(cmd), "/qt2025/sim/cable,%u,pull", pp[0]);
	QT_CHECK(tel_ok(cmd, "null"));
	QT_CHECK(tel_ok("/qt2025/sim/cable,999,unplug", "null"));
	QT_CHECK(tel_ok("/qt2025/sim/cable, 0,unplug", "null"));
	qtt_sleep_ms(SETTLE_MS);
	QT_ASSERT_EQ(qtt_lsc_count(pp[0]), 2);
	QT_ASSERT_EQ(qtt_link(pp[0]), 1);
	return 0;
}

QT_EAL_TEST(eal_link, module_through_telemetry)
{
	char cmd[64], mod[64];

	reset_events();
	snprintf(cmd, sizeof(cmd), "/qt2025/sim/module,%u,none", pp[0]);
	QT_CHECK(tel_ok(cmd, "\"module\""));
	QT_CHECK(expect_events(1, 0));
	snprintf(cmd, sizeof(cmd), "/qt2025/sim/module,%u,sr", pp[0]);
	QT_CHECK(tel_ok(cmd, "10GBASE-SR"));
	QT_CHECK(expect_events(2, 1));
	QT_CHECK(qtt_phy_str(pp[0], "module", mod, sizeof(mod)));
	QT_ASSERT(strcmp(mod, "10GBASE-SR") == 0, "module %s", mod);
	snprintf(cmd, sizeof(cmd), "/qt2025/sim/module,%u,xx", pp[0]);
	QT_CHECK(tel_ok(cmd, "null"));
	return 0;
}

/* On a port of its own that downloads the firmware (the pair's re-probes are warm starts). */
QT_EAL_TEST(eal_link, telemetry_phy)
{
	static const char *const ints[] = {
		"fw_loads", "fw_load_us", "mdio_errors", "mdio_timeouts",
	};
	static char reply[QTT_TEL_MAX + 1];
	char s[64], cmd[32];
	uint16_t p;
	long long v;
	unsigned int i;

	QT_CHECK(qtt_port_up("net_qt2025_sim_lt", "timing=fast,fw_force=1", 0, &p));
	QT_CHECK(qtt_wait_link(p, 1, 5000));
	snprintf(cmd, sizeof(cmd), "/qt2025/phy,%u", p);
	QT_CHECK(qtt_tel(cmd, reply, sizeof(reply)));
	QT_ASSERT(qtt_json_str(reply, "state", s, sizeof(s)) == 0 && strcmp(s, "running") == 0,
		  "state in %s", reply);
	QT_ASSERT(qtt_json_int(reply, "link", &v) == 0 && v == 1, "link in %s", reply);
	QT_ASSERT(qtt_json_str(reply, "fw_version", s, sizeof(s)) == 0 &&
		  strcmp(s, "0.1.0.0") == 0, "fw_version in %s", reply);
	QT_ASSERT(qtt_json_str(reply, "module", s, sizeof(s)) == 0 &&
		  strcmp(s, "10GBASE-SR") == 0, "module in %s", reply);
	for (i = 0; i < RTE_DIM(ints); i++)
		QT_ASSERT(qtt_json_int(reply, ints[i], &v) == 0 && v >= 0, "%s in %s", ints[i],
			  reply);
	QT_ASSERT(qtt_json_int(reply, "fw_loads", &v) == 0 && v == 1, "fw_loads in %s", reply);
	QT_ASSERT(qtt_json_int(reply, "port", &v) == 0 && v == p, "port in %s", reply);
	QT_CHECK(tel_ok("/qt2025/phy,abc", "null"));
	QT_CHECK(tel_ok("/qt2025/phy,1x", "null"));
	QT_CHECK(tel_ok("/qt2025/phy,999", "null"));
	QT_CHECK(tel_ok("/qt2025/ports", "["));
	return 0;
}

/* The setup's pair re-probed with intr_conf.lsc = 0. */
static int
pair_without_lsc(void)
{
	if (qtt_pair_destroy(pp) != 0)
		return -1;
	return qtt_pair_up(names, PAIR_ARGS, 0, true, pp);
}

/* intr_conf.lsc = 0: no callback, but the link read without waiting follows the cable. */
QT_EAL_TEST(eal_link, no_lsc_polling)
{
	struct qt_sim *sim;
	int i;

	QT_CHECK(pair_without_lsc());
	sim = qtt_sim(pp[1]);
	QT_ASSERT(sim != NULL, "no model");
	qt_sim_set_cable(sim, false);
	for (i = 0; i < 2; i++)
		QT_CHECK(qtt_wait_link(pp[i], 0, 3000));
	qt_sim_set_cable(sim, true);
	for (i = 0; i < 2; i++)
		QT_CHECK(qtt_wait_link(pp[i], 1, 3000));
	qtt_sleep_ms(SETTLE_MS);
	QT_ASSERT_EQ(qtt_lsc_count(pp[0]), 0);
	QT_ASSERT_EQ(qtt_lsc_count(pp[1]), 0);
	return 0;
}

static uint64_t
mdio_frames(struct qt_sim *sim)
{
	struct qt_sim_obs obs;

	qt_sim_observe(sim, &obs);
	return obs.mdio_frames;
}

/* MDIO frames a port's model carries while rte_eth_link_get_nowait is called NOWAIT_CALLS
 * times and for at least min_ms, link up at every call.
 */
static int
nowait_frames(uint16_t port, unsigned int min_ms, uint64_t *frames)
{
	struct qt_sim *sim = qtt_sim(port);
	struct rte_eth_link link;
	uint64_t f0, t0;
	unsigned int i;

	if (sim == NULL)
		return -1;
	f0 = mdio_frames(sim);
	t0 = qtt_now_ms();
	for (i = 0; i < NOWAIT_CALLS || qtt_now_ms() - t0 < min_ms; i++) {
		memset(&link, 0, sizeof(link));
		if (rte_eth_link_get_nowait(port, &link) != 0 ||
		    link.link_status != RTE_ETH_LINK_UP) {
			fprintf(stderr, "    port %u: call %u: no link\n", port, i);
			return -1;
		}
		qtt_sleep_us(NOWAIT_GAP_US);
	}
	*frames = mdio_frames(sim) - f0;
	return 0;
}

struct frames_cond {
	struct qt_sim *sim;
	uint64_t last;
	uint64_t since_ms;
};

/* The frame count has not moved for QUIET_MS. */
static bool
frames_quiet(void *arg)
{
	struct frames_cond *c = arg;
	uint64_t f = mdio_frames(c->sim);

	if (f != c->last) {
		c->last = f;
		c->since_ms = qtt_now_ms();
	}
	return qtt_now_ms() - c->since_ms >= QUIET_MS;
}

/*
 * link_update(dev, 0) reads what the PHY thread published and does no MDIO: not one frame
 * in NOWAIT_CALLS calls. The control: on the setup's pair (polling every 50 ms) the same
 * window counts the frames of the thread's polls. Then the pair is re-probed to poll every
 * QUIET_POLL_MS: its thread polls first when it starts watching, before the link comes up,
 * and not again until QUIET_POLL_MS later, so its own MDIO cannot fall in the window.
 */
QT_EAL_TEST(eal_link, link_get_nowait_no_mdio)
{
	struct frames_cond c = { NULL, 0, 0 };
	uint64_t n, t0;
	char args[64];

	QT_CHECK(nowait_frames(pp[0], WINDOW_MS, &n));
	QT_ASSERT(n > 0, "no MDIO frame counted in %u ms of link polls every 50 ms", WINDOW_MS);

	QT_CHECK(qtt_pair_destroy(pp));
	snprintf(args, sizeof(args), "wire=link-w0,timing=fast,link_poll_ms=%u", QUIET_POLL_MS);
	t0 = qtt_now_ms();
	QT_CHECK(qtt_pair_up(names, args, 0, true, pp));
	c.sim = qtt_sim(pp[0]);
	QT_ASSERT(c.sim != NULL, "no model");
	c.since_ms = qtt_now_ms();
	QT_CHECK(qtt_wait(frames_quiet, &c, 2000));
	QT_CHECK(nowait_frames(pp[0], WINDOW_MS, &n));
	QT_ASSERT(qtt_now_ms() - t0 < QUIET_POLL_MS / 2,
		  "the window ended %" PRIu64 " ms after the probe: it may hold a thread poll",
		  qtt_now_ms() - t0);
	QT_ASSERT(n == 0, "%" PRIu64 " MDIO frames during %u rte_eth_link_get_nowait", n,
		  NOWAIT_CALLS);
	return 0;
}

/* The blocking link get on a port with no link gives up within the ethdev 9 s. Without
 * intr_conf.lsc: with it, ethdev answers from dev_link and never calls link_update(dev, 1).
 */
QT_EAL_TEST(eal_link, link_get_blocking_bounded)
{
	struct rte_eth_link link;
	struct qt_sim *sim;
	uint64_t t0, dt;
	int rc;

	QT_CHECK(pair_without_lsc());
	sim = qtt_sim(pp[0]);
	QT_ASSERT(sim != NULL, "no model");
	qt_sim_set_cable(sim, false);
	QT_CHECK(qtt_wait_link(pp[0], 0, 3000));
	t0 = qtt_now_ms();
	memset(&link, 0xff, sizeof(link));
	rc = rte_eth_link_get(pp[0], &link);
	dt = qtt_now_ms() - t0;
	qt_sim_set_cable(sim, true);
	QT_ASSERT_EQ(rc, 0);
	QT_ASSERT(dt < 9500, "rte_eth_link_get blocked %" PRIu64 " ms", dt);
	QT_ASSERT_EQ(link.link_status, RTE_ETH_LINK_DOWN);
	QT_CHECK(qtt_wait_link(pp[0], 1, 3000));
	/* with link, the blocking get answers at once */
	t0 = qtt_now_ms();
	QT_ASSERT_EQ(rte_eth_link_get(pp[0], &link), 0);
	dt = qtt_now_ms() - t0;
	QT_ASSERT_EQ(link.link_status, RTE_ETH_LINK_UP);
	QT_ASSERT(dt < 1000, "rte_eth_link_get with link up blocked %" PRIu64 " ms", dt);
	return 0;
}

/* Toggles port 0's cable STORM_TOGGLES times, STORM_GAP_US apart, from plugged. */
static uint64_t
storm(struct qt_sim *sim, unsigned int toggles)
{
	uint64_t t0 = qtt_now_ms();
	bool plugged = true;
	unsigned int i;

	for (i = 0; i < toggles; i++) {
		plugged = !plugged;
		qt_sim_set_cable(sim, plugged);
		qtt_sleep_us(STORM_GAP_US);
	}
	return qtt_now_ms() - t0;
}

static int
storm_test(unsigned int toggles, int final_up)
{
	struct qt_sim *sim = qtt_sim(pp[0]);
	uint64_t dt;
	int i;

	if (sim == NULL)
		return -1;
	reset_events();
	dt = storm(sim, toggles);
	printf("    %u cable toggles in %" PRIu64 " ms\n", toggles, dt);
	for (i = 0; i < 2; i++)
		if (qtt_wait_link(pp[i], final_up, 2000) != 0)
			return -1;
	qtt_sleep_ms(SETTLE_MS);
	for (i = 0; i < 2; i++) {
		printf("    port %u: %u LSC callbacks\n", pp[i], qtt_lsc_count(pp[i]));
		if (qtt_lsc_count(pp[i]) > STORM_MAX_EVENTS) {
			fprintf(stderr, "    port %u: %u LSC callbacks for one storm, more "
				"than %u\n",
				pp[i], qtt_lsc_count(pp[i]), STORM_MAX_EVENTS);
			return -1;
		}
		if (qtt_link(pp[i]) != final_up) {
			fprintf(stderr, "    port %u: link %d after the storm\n", pp[i],
				qtt_link(pp[i]));
			return -1;
		}
	}
	return 0;
}

QT_EAL_TEST(eal_link, flap_storm_ends_plugged)
{
	QT_CHECK(storm_test(STORM_TOGGLES, 1));
	return 0;
}

QT_EAL_TEST(eal_link, flap_storm_ends_unplugged)
{
	struct qt_sim *sim = qtt_sim(pp[0]);

	QT_ASSERT(sim != NULL, "no model");
	QT_CHECK(storm_test(STORM_TOGGLES - 1, 0));
	reset_events();
	qt_sim_set_cable(sim, true);
	QT_CHECK(expect_events(1, 1));
	return 0;
}

QT_EAL_TEST(eal_link, close_pair)
{
	QT_ASSERT_EQ(qtt_count_phy_threads(), 2);
	QT_CHECK(qtt_pair_destroy(pp));
	QT_ASSERT_EQ(qtt_count_phy_threads(), 0);
	return 0;
}
