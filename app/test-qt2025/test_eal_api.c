/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * eal_api: the public API of rte_pmd_qt2025.h as an application's test suite uses it: the
 * PHY snapshot agrees with telemetry and with the model, the simulator's cable, module and
 * fault controls script link events (LSC callbacks on both ports of a wire), and a port
 * that is not this driver's, or a bad argument, is refused with the documented errno.
 *
 * Each case gets a started port pair on one wire, link up, from the suite's setup.
 */

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include <bus_vdev_driver.h>
#include <rte_ethdev.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "rte_pmd_qt2025.h"
#include "test_eal_util.h"

#define PAIR_ARGS "wire=api-w0,timing=fast,link_poll_ms=50"
#define EVENT_MS 3000

static const char *const names[2] = { "net_qt2025_sim_api0", "net_qt2025_sim_api1" };
static uint16_t pp[2];

static int
api_setup(void)
{
	int i;

	/* the first case's cards start cold: a firmware download, slow on a loaded machine */
	if (qtt_pair_up(names, PAIR_ARGS, 1, false, pp) != 0)
		return -1;
	for (i = 0; i < 2; i++)
		if (qtt_wait_link(pp[i], 1, 30000) != 0 || qtt_wait_lsc(pp[i], 1, EVENT_MS) != 0)
			return -1;
	qtt_lsc_reset(pp[0]);
	qtt_lsc_reset(pp[1]);
	return 0;
}

QT_EAL_SUITE(eal_api, api_setup, NULL);

static int
phy(uint16_t port, struct rte_pmd_qt2025_phy *p)
{
	int rc = rte_pmd_qt2025_phy_get(port, p);

	if (rc != 0)
		fprintf(stderr, "    rte_pmd_qt2025_phy_get(%u): %d\n", port, rc);
	return rc;
}

/* Both ports' LSC callbacks reach n and their links are up (1) or down (0). */
static int
both(unsigned int n, int up)
{
	int i;

	for (i = 0; i < 2; i++)
		if (qtt_wait_lsc(pp[i], n, EVENT_MS) != 0 ||
		    qtt_wait_link(pp[i], up, EVENT_MS) != 0)
			return -1;
	return 0;
}

QT_EAL_TEST(eal_api, phy_get_matches_telemetry_and_model)
{
	struct rte_pmd_qt2025_phy p;
	long long v;
	char s[64], fw[20];

	QT_CHECK(phy(pp[0], &p));
	QT_ASSERT_EQ(p.state, RTE_PMD_QT2025_PHY_RUNNING);
	QT_ASSERT(p.reason[0] == '\0', "reason \"%s\" on a running port", p.reason);
	/* the version the model's image carries: what the 8051 runs */
	QT_ASSERT(memcmp(p.fw_version, qt_sim_phy_fw_version, 4) == 0, "fw %u.%u.%u.%u",
		  p.fw_version[0], p.fw_version[1], p.fw_version[2], p.fw_version[3]);
	QT_ASSERT_EQ(p.module, RTE_PMD_QT2025_MODULE_SR);
	QT_ASSERT(strcmp(p.module_name, "10GBASE-SR") == 0, "module %s", p.module_name);
	QT_ASSERT_EQ(p.phy_addr, 1);
	QT_ASSERT(p.phy_link && p.mac_link, "phy_link %d mac_link %d", p.phy_link, p.mac_link);
	QT_ASSERT_EQ(p.mac_speed, 10000);
	QT_ASSERT(p.link_up_events >= 1, "%" PRIu64 " link-up events", p.link_up_events);

	/* the same numbers as /qt2025/phy: one source, two doors */
	QT_CHECK(qtt_phy_str(pp[0], "state", s, sizeof(s)));
	QT_ASSERT(strcmp(s, "running") == 0, "telemetry state %s", s);
	QT_CHECK(qtt_phy_str(pp[0], "fw_version", s, sizeof(s)));
	snprintf(fw, sizeof(fw), "%u.%u.%u.%u", p.fw_version[0], p.fw_version[1],
		 p.fw_version[2], p.fw_version[3]);
	QT_ASSERT(strcmp(s, fw) == 0, "telemetry fw %s, API %s", s, fw);
	QT_CHECK(qtt_phy_int(pp[0], "fw_loads", &v));
	QT_ASSERT_EQ(v, p.fw_loads);
	QT_CHECK(qtt_phy_int(pp[0], "link_up_events", &v));
	QT_ASSERT_EQ(v, p.link_up_events);
	return 0;
}

static bool
phy_link_is(void *arg)
{
	struct rte_pmd_qt2025_phy p;

	return rte_pmd_qt2025_phy_get(pp[0], &p) == 0 && p.phy_link == *(bool *)arg;
}

QT_EAL_TEST(eal_api, cable_pull_gives_lsc)
{
	struct rte_pmd_qt2025_phy before, p;
	bool phy_link = false;
	int i;

	QT_CHECK(phy(pp[0], &before));
	QT_ASSERT_EQ(rte_pmd_qt2025_sim_cable(pp[0], 0), 0);
	QT_CHECK(both(1, 0));
	/* the MAC link's drop is told first; the PHY's status at the thread's next MDIO look */
	QT_CHECK(qtt_wait(phy_link_is, &phy_link, EVENT_MS));
	QT_CHECK(phy(pp[0], &p));
	QT_ASSERT_EQ(p.link_down_events, before.link_down_events + 1);
	QT_ASSERT_EQ(p.state, RTE_PMD_QT2025_PHY_RUNNING);

	QT_ASSERT_EQ(rte_pmd_qt2025_sim_cable(pp[0], 1), 0);
	QT_CHECK(both(2, 1));
	for (i = 0; i < 2; i++)
		QT_ASSERT_EQ(qtt_lsc_count(pp[i]), 2);
	QT_CHECK(phy(pp[0], &p));
	QT_ASSERT(p.phy_link && p.mac_link, "no link after the plug");
	QT_ASSERT_EQ(p.link_up_events, before.link_up_events + 1);
	return 0;
}

static bool
module_is(void *arg)
{
	struct rte_pmd_qt2025_phy p;

	return rte_pmd_qt2025_phy_get(pp[1], &p) == 0 && p.module == *(uint8_t *)arg;
}

QT_EAL_TEST(eal_api, module_swap)
{
	struct rte_pmd_qt2025_phy p;
	uint8_t m = RTE_PMD_QT2025_MODULE_NONE;

	/* the link goes at once; the module type is read at the PHY thread's next look */
	QT_ASSERT_EQ(rte_pmd_qt2025_sim_module(pp[1], RTE_PMD_QT2025_MODULE_NONE), 0);
	QT_CHECK(both(1, 0));
	QT_CHECK(qtt_wait(module_is, &m, EVENT_MS));
	QT_CHECK(phy(pp[1], &p));
	QT_ASSERT(strcmp(p.module_name, "none") == 0, "module %s", p.module_name);

	m = RTE_PMD_QT2025_MODULE_LR;
	QT_ASSERT_EQ(rte_pmd_qt2025_sim_module(pp[1], RTE_PMD_QT2025_MODULE_LR), 0);
	QT_CHECK(both(2, 1));
	QT_CHECK(qtt_wait(module_is, &m, EVENT_MS));
	return 0;
}

static bool
mdio_error_counted(void *arg)
{
	struct rte_pmd_qt2025_phy p;

	return rte_pmd_qt2025_phy_get(pp[0], &p) == 0 && p.mdio_errors > *(uint64_t *)arg;
}

static bool
crash_recovered(void *arg)
{
	struct rte_pmd_qt2025_phy p;

	return rte_pmd_qt2025_phy_get(pp[0], &p) == 0 && p.fw_crashes > *(uint64_t *)arg &&
	       p.state == RTE_PMD_QT2025_PHY_RUNNING && p.phy_link && qtt_link(pp[0]) == 1;
}

QT_EAL_TEST(eal_api, faults)
{
	struct rte_pmd_qt2025_phy p;
	uint64_t n;

	/* one MDIO frame ends in error: the link watch counts it, the link stays */
	QT_CHECK(phy(pp[0], &p));
	n = p.mdio_errors;
	QT_ASSERT_EQ(rte_pmd_qt2025_sim_fault(pp[0], RTE_PMD_QT2025_SIM_MDIO_ERROR, 1), 0);
	QT_CHECK(qtt_wait(mdio_error_counted, &n, EVENT_MS));

	/* the PHY firmware crashes: counted, and the port comes back */
	n = p.fw_crashes;
	QT_ASSERT_EQ(rte_pmd_qt2025_sim_fault(pp[0], RTE_PMD_QT2025_SIM_FW_CRASH, 1), 0);
	QT_CHECK(qtt_wait(crash_recovered, &n, 10000));
	return 0;
}

QT_EAL_TEST(eal_api, refusals)
{
	struct rte_pmd_qt2025_phy p;
	uint16_t ring, none = RTE_MAX_ETHPORTS - 1;

	QT_ASSERT_EQ(rte_pmd_qt2025_phy_get(pp[0], NULL), -EINVAL);
	QT_ASSERT_EQ(rte_pmd_qt2025_sim_module(pp[0], (enum rte_pmd_qt2025_module)12), -EINVAL);
	QT_ASSERT_EQ(rte_pmd_qt2025_sim_fault(pp[0], RTE_PMD_QT2025_SIM_FAULT_MAX, 1), -EINVAL);
	QT_ASSERT_EQ(rte_pmd_qt2025_sim_fault(pp[0], (enum rte_pmd_qt2025_sim_fault)-1, 1),
		     -EINVAL);

	/* no port at all */
	QT_ASSERT_EQ(rte_pmd_qt2025_phy_get(none, &p), -ENODEV);
	QT_ASSERT_EQ(rte_pmd_qt2025_sim_cable(none, 0), -ENODEV);
	QT_ASSERT_EQ(rte_pmd_qt2025_sim_module(none, RTE_PMD_QT2025_MODULE_SR), -ENODEV);
	QT_ASSERT_EQ(rte_pmd_qt2025_sim_fault(none, RTE_PMD_QT2025_SIM_MDIO_ERROR, 1), -ENODEV);

	/* another driver's port (net_ring): refused, and its link untouched */
	QT_ASSERT_EQ(rte_vdev_init("net_ring_api0", NULL), 0);
	QT_ASSERT_EQ(rte_eth_dev_get_port_by_name("net_ring_api0", &ring), 0);
	QT_ASSERT_EQ(rte_pmd_qt2025_phy_get(ring, &p), -ENODEV);
	QT_ASSERT_EQ(rte_pmd_qt2025_sim_cable(ring, 0), -ENODEV);
	QT_ASSERT_EQ(rte_pmd_qt2025_sim_module(ring, RTE_PMD_QT2025_MODULE_NONE), -ENODEV);
	QT_ASSERT_EQ(rte_pmd_qt2025_sim_fault(ring, RTE_PMD_QT2025_SIM_PHY_ABSENT, 1), -ENODEV);
	QT_ASSERT_EQ(rte_eth_dev_close(ring), 0);
	QT_ASSERT_EQ(rte_vdev_uninit("net_ring_api0"), 0);

	/* nothing happened to the simulated pair */
	qtt_sleep_ms(200);
	QT_ASSERT_EQ(qtt_lsc_count(pp[0]), 0);
	QT_ASSERT_EQ(qtt_link(pp[0]), 1);
	return 0;
}

static bool
running(void *arg)
{
	struct rte_pmd_qt2025_phy p;

	return rte_pmd_qt2025_phy_get(*(uint16_t *)arg, &p) == 0 &&
	       p.state == RTE_PMD_QT2025_PHY_RUNNING;
}

/* A port loaded from a file (phy_fw=) reports the version of that image, as the model's
 * 8051 booted it: the synthetic image with its version digits changed to 1.2.3.4.
 */
QT_EAL_TEST(eal_api, fw_version_of_the_image_booted)
{
	char path[] = "/tmp/qt2025-api-fw-XXXXXX", args[96];
	struct rte_pmd_qt2025_phy p;
	uint8_t *img;
	uint16_t port;
	int fd, rc;

	img = malloc(qt_sim_phy_fw_len);
	QT_ASSERT(img != NULL, "no memory");
	memcpy(img, qt_sim_phy_fw, qt_sim_phy_fw_len);
	memcpy(&img[11], (const uint8_t[]){ 1, 2, 3, 4 }, 4);   /* gen_fw_images.py layout */
	fd = mkstemp(path);
	rc = fd >= 0 && write(fd, img, qt_sim_phy_fw_len) == (ssize_t)qt_sim_phy_fw_len ? 0 : -1;
	free(img);
	if (fd >= 0)
		close(fd);
	QT_ASSERT(rc == 0, "cannot write %s", path);

	snprintf(args, sizeof(args), "phy_fw=%s,timing=fast", path);
	rc = qtt_port_create("net_qt2025_sim_apiv", args, &port);
	unlink(path);
	QT_ASSERT_EQ(rc, 0);
	QT_CHECK(qtt_wait(running, &port, 10000));
	QT_CHECK(phy(port, &p));
	QT_ASSERT(memcmp(p.fw_version, (const uint8_t[]){ 1, 2, 3, 4 }, 4) == 0,
		  "fw %u.%u.%u.%u", p.fw_version[0], p.fw_version[1], p.fw_version[2],
		  p.fw_version[3]);
	QT_ASSERT_EQ(p.fw_loads, 1);
	return qtt_port_destroy(port);
}

/* wire=none is no cable at all (README, rst): no link until one is plugged, and then the
 * loopback plug of a port without wire=; not a wire named "none" that a second port
 * could share.
 */
QT_EAL_TEST(eal_api, wire_none_is_no_cable)
{
	uint16_t port, other;

	/* rte_vdev_init: qtt_port_create plugs the cable of the cards it finds again */
	QT_ASSERT_EQ(rte_vdev_init("net_qt2025_sim_apin0", "wire=none,timing=fast"), 0);
	QT_ASSERT_EQ(rte_vdev_init("net_qt2025_sim_apin1", "wire=none,timing=fast"), 0);
	QT_ASSERT_EQ(rte_eth_dev_get_port_by_name("net_qt2025_sim_apin0", &port), 0);
	QT_ASSERT_EQ(rte_eth_dev_get_port_by_name("net_qt2025_sim_apin1", &other), 0);
	QT_CHECK(qtt_port_configure(port, 0));
	QT_CHECK(qtt_port_configure(other, 0));
	QT_CHECK(qtt_port_start(port));
	QT_CHECK(qtt_port_start(other));
	QT_CHECK(qtt_wait(running, &port, 10000));
	QT_CHECK(qtt_wait(running, &other, 10000));
	qtt_sleep_ms(300);      /* six link polls */
	QT_ASSERT_EQ(qtt_link(port), 0);
	QT_ASSERT_EQ(qtt_link(other), 0);

	QT_ASSERT_EQ(rte_pmd_qt2025_sim_cable(port, 1), 0);
	QT_CHECK(qtt_wait_link(port, 1, EVENT_MS));
	qtt_sleep_ms(300);
	QT_ASSERT_EQ(qtt_link(other), 0);
	QT_CHECK(qtt_port_destroy(other));
	return qtt_port_destroy(port);
}
