/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * eal_ethdev: the ethdev face of net_qt2025_sim: probe, dev_infos, MAC addresses, link,
 * firmware version, supported packet types, xstats names, devargs that fail the probe
 * cleanly, a full wire, unsupported link speeds and PHY loopback.
 *
 * Each case probes the ports it needs; the fixture closes them after it. The pair e0/e1
 * stays on one wire, so that its re-probes are warm starts (no firmware download); cases
 * about a download probe a pair of cold cards instead (x0/x1, recabled each time).
 */

#include <stdlib.h>

#include <rte_bus_vdev.h>
#include <rte_ethdev.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_eal_util.h"

#define PAIR_ARGS "wire=eth-w0,timing=fast,link_poll_ms=50"

static const char *const pair_names[2] = { "net_qt2025_sim_e0", "net_qt2025_sim_e1" };
static const char *const cold_names[2] = { "net_qt2025_sim_x0", "net_qt2025_sim_x1" };
static uint16_t pair[2];

/* Started, with link on both ports. */
static int
pair_up(void)
{
	return qtt_pair_up(pair_names, PAIR_ARGS, 1, true, pair);
}

/* Cards that never ran firmware: a wire of a new name makes new cards. */
static int
cold_pair_up(void)
{
	static unsigned int wires;
	char args[64];

	snprintf(args, sizeof(args), "wire=eth-c%u,timing=fast,link_poll_ms=50", wires++);
	return qtt_pair_up(cold_names, args, 1, true, pair);
}

QT_EAL_TEST(eal_ethdev, probe_two_ports)
{
	struct rte_ether_addr mac[2];
	struct rte_eth_dev_info info;
	uint16_t avail = rte_eth_dev_count_avail();
	int i;

	for (i = 0; i < 2; i++) {
		QT_CHECK(qtt_port_create(pair_names[i], PAIR_ARGS, &pair[i]));
		QT_ASSERT_EQ(rte_eth_dev_info_get(pair[i], &info), 0);
		QT_ASSERT(strcmp(info.driver_name, "net_qt2025_sim") == 0, "driver %s",
			  info.driver_name);
		QT_ASSERT((info.speed_capa & RTE_ETH_LINK_SPEED_10G) != 0, "speed_capa 0x%x",
			  info.speed_capa);
		QT_ASSERT(info.max_rx_queues >= 1 && info.max_tx_queues >= 1, "queues %u/%u",
			  info.max_rx_queues, info.max_tx_queues);
		QT_ASSERT_EQ(rte_eth_macaddr_get(pair[i], &mac[i]), 0);
		QT_ASSERT(!rte_is_zero_ether_addr(&mac[i]), "port %u has a zero MAC", pair[i]);
		QT_ASSERT(rte_is_unicast_ether_addr(&mac[i]), "port %u MAC is multicast",
			  pair[i]);
	}
	QT_ASSERT_NE(pair[0], pair[1]);
	QT_ASSERT(!rte_is_same_ether_addr(&mac[0], &mac[1]), "both ports have one MAC");
	QT_ASSERT_EQ(rte_eth_dev_count_avail(), avail + 2);
	QT_ASSERT_EQ(qtt_count_phy_threads(), 2);
	return 0;
}

/* The packet types the Rx paths set: exactly four, whichever release's op signature. */
QT_EAL_TEST(eal_ethdev, supported_ptypes)
{
	static const uint32_t want[] = {
		RTE_PTYPE_L2_ETHER, RTE_PTYPE_L3_IPV4, RTE_PTYPE_L4_TCP, RTE_PTYPE_L4_UDP,
	};
	uint32_t got[8];
	unsigned int i;

	QT_CHECK(qtt_port_create(pair_names[0], PAIR_ARGS, &pair[0]));
	QT_ASSERT_EQ(rte_eth_dev_get_supported_ptypes(pair[0], RTE_PTYPE_ALL_MASK, got,
						      RTE_DIM(got)), (int)RTE_DIM(want));
	for (i = 0; i < RTE_DIM(want); i++)
		QT_ASSERT(got[i] == want[i], "ptype %u: 0x%x", i, got[i]);
	/* a mask keeps the layer asked for */
	QT_ASSERT_EQ(rte_eth_dev_get_supported_ptypes(pair[0], RTE_PTYPE_L4_MASK, got,
						      RTE_DIM(got)), 2);
	return 0;
}

QT_EAL_TEST(eal_ethdev, link_up_10g)
{
	struct rte_eth_link link;
	int i;

	for (i = 0; i < 2; i++) {
		QT_CHECK(qtt_port_create(pair_names[i], PAIR_ARGS, &pair[i]));
		QT_CHECK(qtt_port_configure(pair[i], 1));
		QT_CHECK(qtt_port_start(pair[i]));
	}
	for (i = 0; i < 2; i++) {
		QT_CHECK(qtt_wait_link(pair[i], 1, 5000));
		QT_ASSERT_EQ(rte_eth_link_get_nowait(pair[i], &link), 0);
		QT_ASSERT_EQ(link.link_speed, RTE_ETH_SPEED_NUM_10G);
		QT_ASSERT_EQ(link.link_duplex, RTE_ETH_LINK_FULL_DUPLEX);
	}
	return 0;
}

QT_EAL_TEST(eal_ethdev, fw_version)
{
	static const char want[] = "PHY 0.1.0.0, NIC 0x30617";  /* model's PHY and NIC */
	char buf[32];
	int i, rc;

	QT_CHECK(pair_up());
	for (i = 0; i < 2; i++) {
		memset(buf, 0, sizeof(buf));
		rc = rte_eth_dev_fw_version_get(pair[i], buf, sizeof(buf));
		QT_ASSERT_EQ(rc, 0);
		QT_ASSERT(strcmp(buf, want) == 0, "fw_version \"%s\"", buf);
		/* too small: the size needed, terminating NUL included */
		rc = rte_eth_dev_fw_version_get(pair[i], buf, 4);
		QT_ASSERT_EQ(rc, (int)strlen(want) + 1);
	}
	return 0;
}

QT_EAL_TEST(eal_ethdev, xstats_names)
{
	static const char *const want[] = {
		"link_up_events", "link_down_events", "phy_fw_loads", "phy_fw_load_us",
		"phy_mdio_errors", "phy_mdio_timeouts",
	};
	struct rte_eth_xstat_name *names;
	unsigned int i, j;
	uint64_t v;
	int n;

	QT_CHECK(cold_pair_up());
	n = rte_eth_xstats_get_names(pair[0], NULL, 0);
	QT_ASSERT(n > 0, "%d xstats", n);
	names = calloc(n, sizeof(*names));
	QT_ASSERT(names != NULL, "calloc");
	QT_ASSERT_EQ(rte_eth_xstats_get_names(pair[0], names, n), n);
	for (i = 0; i < RTE_DIM(want); i++) {
		for (j = 0; j < (unsigned int)n; j++)
			if (strcmp(names[j].name, want[i]) == 0)
				break;
		if (j == (unsigned int)n) {
			free(names);
			QT_FAIL("no xstat named %s", want[i]);
		}
	}
	free(names);
	for (i = 0; i < 2; i++) {
		QT_ASSERT_EQ(qtt_xstat(pair[i], "phy_fw_loads", &v), 0);
		QT_ASSERT_EQ(v, 1);     /* a cold probe downloads once */
		QT_ASSERT_EQ(qtt_xstat(pair[i], "phy_fw_load_us", &v), 0);
		QT_ASSERT(v > 0, "phy_fw_load_us 0 after a download");
		QT_ASSERT_EQ(qtt_xstat(pair[i], "link_up_events", &v), 0);
		QT_ASSERT_EQ(v, 1);
		QT_ASSERT_EQ(qtt_xstat(pair[i], "link_down_events", &v), 0);
		QT_ASSERT_EQ(v, 0);
	}
	return 0;
}

/* Reset zeroes the event counters (seen by this and every process: the baselines are in the
 * shared adapter) and leaves the firmware counters; events after it count from zero.
 */
QT_EAL_TEST(eal_ethdev, xstats_reset)
{
	uint64_t up, down, loads;

	QT_CHECK(cold_pair_up());
	QT_ASSERT_EQ(qtt_xstat(pair[0], "link_up_events", &up), 0);
	QT_ASSERT(up >= 1, "link_up_events %" PRIu64 " with the link up", up);
	QT_ASSERT_EQ(rte_eth_xstats_reset(pair[0]), 0);
	QT_ASSERT_EQ(qtt_xstat(pair[0], "link_up_events", &up), 0);
	QT_ASSERT_EQ(up, 0);
	QT_ASSERT_EQ(qtt_xstat(pair[0], "phy_fw_loads", &loads), 0);
	QT_ASSERT_EQ(loads, 1);

	QT_ASSERT_EQ(rte_eth_dev_set_link_down(pair[0]), 0);
	QT_CHECK(qtt_wait_xstat(pair[0], "link_down_events", 1, 2000));
	QT_ASSERT_EQ(rte_eth_dev_set_link_up(pair[0]), 0);
	QT_CHECK(qtt_wait_link(pair[0], 1, 5000));
	QT_ASSERT_EQ(qtt_xstat(pair[0], "link_up_events", &up), 0);
	QT_ASSERT_EQ(qtt_xstat(pair[0], "link_down_events", &down), 0);
	QT_ASSERT_EQ(up, 1);
	QT_ASSERT_EQ(down, 1);
	return 0;
}

QT_EAL_TEST(eal_ethdev, stop_close)
{
	uint16_t avail, p;
	int i;

	QT_CHECK(pair_up());
	avail = rte_eth_dev_count_avail();
	QT_ASSERT_EQ(qtt_count_phy_threads(), 2);
	for (i = 0; i < 2; i++) {
		QT_CHECK(qtt_port_stop(pair[i]));
		QT_ASSERT_EQ(qtt_link(pair[i]), 0);
	}
	for (i = 0; i < 2; i++)
		QT_CHECK(qtt_port_destroy(pair[i]));
	QT_ASSERT_EQ(rte_eth_dev_count_avail(), avail - 2);
	QT_ASSERT(rte_eth_dev_get_port_by_name(pair_names[0], &p) != 0, "port still named");
	QT_ASSERT_EQ(qtt_count_phy_threads(), 0);
	return 0;
}

/* Each must fail rte_vdev_init and leave no port and no thread behind. */
QT_EAL_TEST(eal_ethdev, bad_devargs)
{
	static const char *const bad[] = {
		"bogus=1",
		"timing=fast,bogus=1",
		"module=xx",
		"timing=slow",
		"link_poll_ms=5",
		"link_poll_ms=10001",
		"link_poll_ms=abc",
		"fw_force=2",
		"wire=a b",
		"wire=a.b",
		"wire=0123456789012345678901234567890123",
		"phy_fw=",
	};
	const char *name = "net_qt2025_sim_bad";
	uint16_t avail = rte_eth_dev_count_avail(), p;
	int threads = qtt_count_phy_threads();
	unsigned int i;

	for (i = 0; i < RTE_DIM(bad); i++) {
		int rc = rte_vdev_init(name, bad[i]);

		if (rc == 0)
			rte_vdev_uninit(name);
		QT_ASSERT(rc != 0, "rte_vdev_init with \"%s\" succeeded", bad[i]);
		QT_ASSERT(rte_eth_dev_get_port_by_name(name, &p) != 0,
			  "\"%s\" left port %u", bad[i], p);
		QT_ASSERT_EQ(rte_eth_dev_count_avail(), avail);
		QT_ASSERT_EQ(qtt_count_phy_threads(), threads);
	}
	/* the name is still usable after all these failures */
	QT_CHECK(qtt_port_create(name, "timing=fast", &p));
	QT_CHECK(qtt_port_destroy(p));
	QT_ASSERT_EQ(rte_eth_dev_count_avail(), avail);
	QT_ASSERT_EQ(qtt_count_phy_threads(), threads);
	return 0;
}

QT_EAL_TEST(eal_ethdev, third_port_full_wire)
{
	uint16_t avail, p[2], p3;
	int threads;

	QT_CHECK(qtt_port_create("net_qt2025_sim_f0", "wire=eth-full,timing=fast", &p[0]));
	QT_CHECK(qtt_port_create("net_qt2025_sim_f1", "wire=eth-full,timing=fast", &p[1]));
	avail = rte_eth_dev_count_avail();
	threads = qtt_count_phy_threads();
	QT_ASSERT(rte_vdev_init("net_qt2025_sim_f2", "wire=eth-full,timing=fast") != 0,
		  "a third port joined a full wire");
	QT_ASSERT(rte_eth_dev_get_port_by_name("net_qt2025_sim_f2", &p3) != 0,
		  "the third port exists");
	QT_ASSERT_EQ(rte_eth_dev_count_avail(), avail);
	QT_ASSERT_EQ(qtt_count_phy_threads(), threads);
	QT_CHECK(qtt_port_destroy(p[0]));
	QT_CHECK(qtt_port_destroy(p[1]));
	return 0;
}

QT_EAL_TEST(eal_ethdev, link_speeds_100m_fixed)
{
	struct rte_eth_conf conf;
	uint16_t p;
	int rc, rc10;

	QT_CHECK(qtt_port_create("net_qt2025_sim_s0", "timing=fast", &p));
	memset(&conf, 0, sizeof(conf));
	conf.link_speeds = RTE_ETH_LINK_SPEED_100M | RTE_ETH_LINK_SPEED_FIXED;
	rc = rte_eth_dev_configure(p, 1, 1, &conf);
	/* 10G fixed is what the module gives: accepted */
	conf.link_speeds = RTE_ETH_LINK_SPEED_10G | RTE_ETH_LINK_SPEED_FIXED;
	rc10 = rte_eth_dev_configure(p, 1, 1, &conf);
	QT_CHECK(qtt_port_destroy(p));
	QT_ASSERT_EQ(rc10, 0);
	QT_ASSERT_EQ(rc, -EINVAL);
	return 0;
}

/* A port with a loopback plug, the plug pulled: lpbk_mode 1 (PHY PCS loopback) gives link. */
QT_EAL_TEST(eal_ethdev, phy_loopback)
{
	struct rte_eth_conf conf;
	struct qt_sim_obs obs;
	struct qt_sim *sim;
	uint16_t p;
	int i;

	QT_CHECK(qtt_port_create("net_qt2025_sim_lb0", "timing=fast,link_poll_ms=50", &p));
	sim = qtt_sim(p);
	QT_ASSERT(sim != NULL, "no model");
	qt_sim_set_cable(sim, false);

	/* without loopback the PHY runs and the link stays down */
	QT_CHECK(qtt_port_configure(p, 0));
	QT_CHECK(qtt_port_start(p));
	QT_CHECK(qtt_wait_state(p, "running", 5000));
	for (i = 0; i < 300; i++) {     /* six link polls */
		QT_ASSERT_EQ(qtt_link(p), 0);
		qtt_sleep_ms(1);
	}
	QT_CHECK(qtt_port_stop(p));

	memset(&conf, 0, sizeof(conf));
	conf.lpbk_mode = 1;
	QT_ASSERT_EQ(rte_eth_dev_configure(p, 1, 1, &conf), 0);
	QT_CHECK(qtt_port_start(p));
	QT_CHECK(qtt_wait_link(p, 1, 5000));
	qt_sim_observe(sim, &obs);
	QT_ASSERT_EQ(obs.cable, false);
	QT_CHECK(qtt_port_stop(p));

	/* loopback off again: no link */
	conf.lpbk_mode = 0;
	QT_ASSERT_EQ(rte_eth_dev_configure(p, 1, 1, &conf), 0);
	QT_CHECK(qtt_port_start(p));
	for (i = 0; i < 300; i++) {
		if (qtt_link(p) == 0)
			break;
		qtt_sleep_ms(10);
	}
	QT_ASSERT_EQ(qtt_link(p), 0);

	qt_sim_set_cable(sim, true);
	QT_CHECK(qtt_wait_link(p, 1, 5000));
	QT_CHECK(qtt_port_destroy(p));
	return 0;
}

/*
 * A port id freed by rte_eth_dev_close + rte_vdev_uninit and given to another simulated
 * card: the model reached through that port id (tests, telemetry /qt2025/sim/cable and
 * /module) must be the new card's, not the closed one's.
 */
QT_EAL_TEST(eal_ethdev, port_id_reused_by_other_card)
{
	struct qt_sim *sim;
	uint16_t a, b;
	int rc;

	QT_CHECK(qtt_port_up("net_qt2025_sim_r0", "timing=fast,link_poll_ms=50", 0, &a));
	QT_CHECK(qtt_wait_link(a, 1, 5000));
	QT_CHECK(qtt_port_destroy(a));
	QT_CHECK(qtt_port_up("net_qt2025_sim_r1", "timing=fast,link_poll_ms=50", 0, &b));
	QT_CHECK(qtt_wait_link(b, 1, 5000));
	QT_ASSERT_EQ(b, a);     /* the lowest free port id: the one just freed */
	sim = qtt_sim(b);
	QT_ASSERT(sim != NULL, "no model");
	qt_sim_set_cable(sim, false);
	rc = qtt_wait_link(b, 0, 2000);
	qt_sim_set_cable(sim, true);
	QT_CHECK(qtt_port_destroy(b));
	QT_ASSERT(rc == 0, "pulling the cable of port %u's model did not take its link down: "
		  "the model is another card's", b);
	return 0;
}

/*
 * Every ethdev port taken (net_null fills them): probing a simulated port fails with
 * -ENOSPC and one line that names the device and the limit, and leaves no PHY thread.
 */
QT_EAL_TEST(eal_ethdev, no_port_left)
{
	char name[32], *buf = NULL;
	unsigned int n = 0, i;
	size_t len = 0;
	FILE *f;
	int rc, lines = 0;
	const char *p;

	while (rte_eth_dev_count_total() < RTE_MAX_ETHPORTS) {
		snprintf(name, sizeof(name), "net_null%u", n);
		if (rte_vdev_init(name, NULL) != 0)
			break;
		n++;
	}
	f = open_memstream(&buf, &len);
	QT_ASSERT(f != NULL, "open_memstream");
	rte_openlog_stream(f);
	rc = rte_vdev_init("net_qt2025_sim_full", "timing=fast");
	rte_openlog_stream(NULL);
	fclose(f);
	fputs(buf, stderr);
	for (p = buf; (p = strstr(p, "no ethdev port left")) != NULL; p++)
		lines++;
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "net_null%u", i);
		rte_vdev_uninit(name);
	}
	QT_ASSERT(rte_eth_dev_count_total() + n >= RTE_MAX_ETHPORTS,
		  "only %u net_null ports could be made", n);
	QT_ASSERT(rc == -ENOSPC, "probe with no port left returned %d, not -ENOSPC", rc);
	QT_ASSERT(lines == 1 && strstr(buf, "net_qt2025_sim_full") != NULL &&
		  strstr(buf, "RTE_MAX_ETHPORTS") != NULL, "want one line naming the device "
		  "and RTE_MAX_ETHPORTS, got: %s", buf);
	free(buf);
	QT_ASSERT_EQ(qtt_count_phy_threads(), 0);
	return 0;
}
