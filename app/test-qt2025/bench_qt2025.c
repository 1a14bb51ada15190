/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * bench-qt2025: figures on the model, each as a ratio to a physical limit or to a peer
 * measured in the same run: PHY management with timing=real here, the datapath in
 * bench_datapath.c. Prints figures; asserts nothing.
 *
 *   bench-qt2025 [link|datapath|all] [EAL args]
 *                (default: all; --no-huge -m 512 --no-pci, unique file prefix)
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <pthread.h>
#include <unistd.h>

#include <rte_bus_vdev.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "bench.h"
#include "qt2025_sim.h"
#include "qt2025_link.h"
#include "qt2025_phy.h"
#include "tn40_mdio.h"

#define WRITES 24543u                   /* QT2025 image bytes: one MDIO write each */
#define FRAME_NS_6M (64 * 20 * 8)       /* 64 bit times at 125 MHz / 20 (hw note 5) */
#define BOOT_MS 200                     /* the model's 8051 boot time */

static struct rte_mempool *pool;
static volatile uint64_t lsc_ns[RTE_MAX_ETHPORTS];

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static int
on_lsc(uint16_t port, enum rte_eth_event_type ev, void *arg, void *out)
{
	RTE_SET_USED(ev);
	RTE_SET_USED(arg);
	RTE_SET_USED(out);
	lsc_ns[port] = now_ns();
	return 0;
}

/* Download on a bare model instance: base/ alone, no EAL port around it. */
static double
bench_download(void)
{
	struct qt_sim_config cfg = { .module = QT_SIM_MODULE_SR, .timing = QT_SIM_TIMING_REAL,
				     .phy_addr = 1 };
	struct qt_sim *sim = qt_sim_create(&cfg);
	struct qt_hw hw;
	uint64_t t0, t1;

	if (sim == NULL)
		return -1;
	qt2025_sim_hw_init(&hw, "bench", sim);
	if (tn40_mdio_set_clock(&hw, TN40_MDIO_CLK_6MHZ) != 0 || qt2025_identify(&hw) != 0)
		return -1;
	t0 = now_ns();
	if (qt2025_download(&hw, qt_sim_phy_fw, qt_sim_phy_fw_len) != 0)
		return -1;
	t1 = now_ns();
	qt_sim_destroy(sim);
	return (t1 - t0) / 1e6;
}

struct dl_arg {
	struct qt_hw hw;
	struct qt_sim *sim;
	int rc;
};

static void *
dl_thread(void *p)
{
	struct dl_arg *a = p;

	a->rc = qt2025_download_shared(&a->hw, qt_sim_phy_fw, qt_sim_phy_fw_len);
	return NULL;
}

/* n bare cards, each downloaded by a thread of its own as PHY threads do: ms for all. */
static double
bench_download_n(unsigned int n)
{
	struct qt_sim_config cfg = { .module = QT_SIM_MODULE_SR, .timing = QT_SIM_TIMING_REAL,
				     .phy_addr = 1 };
	struct dl_arg a[4];
	pthread_t t[4];
	uint64_t t0;
	unsigned int i;
	int bad = 0;

	for (i = 0; i < n; i++) {
		a[i].sim = qt_sim_create(&cfg);
		if (a[i].sim == NULL)
			return -1;
		qt2025_sim_hw_init(&a[i].hw, "bench", a[i].sim);
		if (tn40_mdio_set_clock(&a[i].hw, TN40_MDIO_CLK_6MHZ) != 0 ||
		    qt2025_identify(&a[i].hw) != 0)
			return -1;
	}
	t0 = now_ns();
	for (i = 0; i < n; i++)
		pthread_create(&t[i], NULL, dl_thread, &a[i]);
	for (i = 0; i < n; i++) {
		pthread_join(t[i], NULL);
		bad |= a[i].rc;
		qt_sim_destroy(a[i].sim);
	}
	return bad ? -1 : (now_ns() - t0) / 1e6;
}

static int
port_up(uint16_t port)
{
	struct rte_eth_link link;

	return rte_eth_link_get_nowait(port, &link) == 0 && link.link_status == RTE_ETH_LINK_UP;
}

static int
add_port(const char *name, const char *args, uint16_t *port)
{
	struct rte_eth_conf conf = { .intr_conf = { .lsc = 1 } };

	if (rte_vdev_init(name, args) != 0 || rte_eth_dev_get_port_by_name(name, port) != 0)
		return -1;
	if (rte_eth_dev_configure(*port, 1, 1, &conf) != 0 ||
	    rte_eth_rx_queue_setup(*port, 0, 512, 0, NULL, pool) != 0 ||
	    rte_eth_tx_queue_setup(*port, 0, 512, 0, NULL) != 0 ||
	    rte_eth_dev_callback_register(*port, RTE_ETH_EVENT_INTR_LSC, on_lsc, NULL) != 0)
		return -1;
	return rte_eth_dev_start(*port);
}

static void
del_port(const char *name, uint16_t port)
{
	rte_eth_dev_callback_unregister(port, RTE_ETH_EVENT_INTR_LSC, on_lsc, NULL);
	rte_eth_dev_stop(port);
	rte_eth_dev_close(port);
	rte_vdev_uninit(name);
}

/* Probes n cards named prefix0.. (pairs cabled together) at once; ms until all are up. */
static double
bring_up(const char *prefix, unsigned int n, const char *extra, uint16_t *ports)
{
	char name[64], args[128];
	uint64_t t0 = now_ns(), deadline = t0 + 20000000000ULL;
	unsigned int i, up;

	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "net_qt2025_sim%s%u", prefix, i);
		/* a lone port gets a loopback plug, pairs a wire */
		if (n == 1)
			snprintf(args, sizeof(args), "timing=real%s", extra);
		else
			snprintf(args, sizeof(args), "wire=%s%u,timing=real%s", prefix, i / 2,
				 extra);
		if (add_port(name, args, &ports[i]) != 0)
			return -1;
	}
	do {
		for (i = 0, up = 0; i < n; i++)
			up += port_up(ports[i]);
		if (up < n)
			usleep(200);
	} while (up < n && now_ns() < deadline);
	return up == n ? (now_ns() - t0) / 1e6 : -1;
}

static void
take_down(const char *prefix, unsigned int n, uint16_t *ports)
{
	char name[64];
	unsigned int i;

	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "net_qt2025_sim%s%u", prefix, i);
		del_port(name, ports[i]);
	}
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
bench_link(void)
{
	double limit_ms = WRITES * 2.0 * FRAME_NS_6M / 1e6, dl, cold, warm, one, four;
	double lat[20];
	uint16_t ports[4];
	uint64_t f0, f1, t0;
	struct qt_sim_obs obs;
	struct qt_sim *sim;
	unsigned int i;

	pool = rte_pktmbuf_pool_create("bench", 8192, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE, 0);
	if (pool == NULL)
		return;

	dl = bench_download();
	printf("firmware download: %.1f ms, wire limit %.1f ms (24,543 writes x 2 frames x "
	       "64 bits at 6.25 MHz): ratio %.3f (goal <= 1.10)\n", dl, limit_ms, dl / limit_ms);

	if (getenv("BENCH_DL_ONLY") != NULL) {
		{
			struct qt_sim_config c2 = { .module = QT_SIM_MODULE_SR,
				.timing = QT_SIM_TIMING_REAL, .phy_addr = 1 };
			struct qt_sim *s1 = qt_sim_create(&c2);
			uint64_t a0 = now_ns();
			for (i = 0; i < 100000; i++)
				qt_sim_rd32(s1, 0x6030);
			printf("rd32: %.1f ns\n", (now_ns() - a0) / 1e5);
			a0 = now_ns();
			for (i = 0; i < 100000; i++)
				qt_sim_now_ns(s1);
			printf("now: %.1f ns\n", (now_ns() - a0) / 1e5);
			qt_sim_destroy(s1);
		}
		for (i = 0; i < 3; i++)
			printf("bare: 1 card %.1f ms, 4 cards %.1f ms\n", bench_download_n(1),
			       bench_download_n(4));
		return;
	}
	cold = bring_up("c", 2, "", ports);
	take_down("c", 2, ports);
	warm = bring_up("c", 2, "", ports);
	printf("probe to link up, cold: %.1f ms = %.2f x (download limit + boot %d ms) "
	       "(goal <= 1.2)\n", cold, cold / (limit_ms + BOOT_MS), BOOT_MS);
	printf("probe to link up, warm (firmware running): %.1f ms (goal <= 50 ms)\n", warm);

	/* cable pulled -> LSC callback in the application, interrupts on */
	sim = qt2025_sim_of_port(ports[0]);
	for (i = 0; i < RTE_DIM(lat) && sim != NULL; i++) {
		lsc_ns[ports[0]] = 0;
		t0 = now_ns();
		qt_sim_set_cable(sim, false);
		while (lsc_ns[ports[0]] == 0 && now_ns() - t0 < 2000000000ULL)
			usleep(20);
		lat[i] = lsc_ns[ports[0]] ? (lsc_ns[ports[0]] - t0) / 1e6 : -1;
		qt_sim_set_cable(sim, true);
		while (!port_up(ports[0]) && now_ns() - t0 < 4000000000ULL)
			usleep(100);
	}
	qsort(lat, RTE_DIM(lat), sizeof(lat[0]), cmp_double);
	printf("cable pulled to LSC callback: median %.2f ms, max %.2f ms over %zu pulls "
	       "(goal <= 5 ms)\n", lat[RTE_DIM(lat) / 2], lat[RTE_DIM(lat) - 1], RTE_DIM(lat));

	/* MDIO spent on watching a running port */
	if (sim != NULL) {
		qt_sim_observe(sim, &obs);
		f0 = obs.mdio_frames;
		sleep(5);
		qt_sim_observe(sim, &obs);
		f1 = obs.mdio_frames;
		printf("link watching: %.1f MDIO transactions/s per port (2 frames each, "
		       "%.3f%% of the bus at 6.25 MHz)\n", (f1 - f0) / 2.0 / 5,
		       (f1 - f0) / 5.0 * FRAME_NS_6M / 1e9 * 100);
	}
	take_down("c", 2, ports);

	one = bring_up("o", 1, ",fw_force=1", ports);
	take_down("o", 1, ports);
	four = bring_up("f", 4, ",fw_force=1", ports);
	take_down("f", 4, ports);
	printf("bring-up of 4 ports together: %.1f ms, 1 port: %.1f ms: ratio %.2f "
	       "(goal <= 1.2; %ld cores here)\n", four, one, four / one,
	       sysconf(_SC_NPROCESSORS_ONLN));
}

int
main(int argc, char **argv)
{
	char prefix[64], name[48];
	char *def[] = { argv[0], (char *)"--no-huge", (char *)"-m", (char *)"512",
			(char *)"--no-pci", prefix, NULL };
	const char *mode = "all";
	int rc;

	if (argc >= 3 && strcmp(argv[1], "cost") == 0) {
		const char *which = argv[2];

		argv[2] = argv[0];      /* argv[1..2] are ours, the rest is EAL's */
		rc = rte_eal_init(argc - 2, argv + 2);
		return rc < 0 ? 1 : bench_cost_main(which);
	}
	if (argc >= 2 && (strcmp(argv[1], "link") == 0 || strcmp(argv[1], "datapath") == 0 ||
			  strcmp(argv[1], "all") == 0)) {
		mode = argv[1];
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	snprintf(name, sizeof(name), "qt2025-bench-%d", (int)getpid());
	snprintf(prefix, sizeof(prefix), "--file-prefix=%s", name);
	if (rte_eal_init(argc > 1 ? argc : 6, argc > 1 ? argv : def) < 0)
		return 1;
	if (strcmp(mode, "datapath") != 0)
		bench_link();
	if (strcmp(mode, "link") != 0)
		bench_datapath(def[0], name);
	rte_eal_cleanup();
	return 0;
}
