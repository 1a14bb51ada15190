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
 *   bench-qt2025 shared [EAL args]   (run by "link": one shared-CPU download)
 *   bench-qt2025 lsc [EAL args]      (run by "link": cable pulls, main lcore busy-polling)
 *   bench-qt2025 cold [EAL args]     (run by "link": one cold bring-up of a cabled pair)
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE     /* CPU sets, sched_setaffinity */
#endif
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <rte_bus_vdev.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_pause.h>

#include "bench.h"
#include "qt2025_diag.h"
#include "qt2025_sim.h"
#include "qt_phy.h"
#include "tn40_mdio.h"

#define WRITES 24543u                   /* QT2025 image bytes: one MDIO write each */
#define FRAME_NS_6M (64 * 20 * 8)       /* 64 bit times at 125 MHz / 20 (hardware.md 5) */
#define FRAME_NS_1M (64 * 125 * 8)      /* at 125 MHz / 125, the run-time clock */
#define BOOT_MS 200                     /* the model's 8051 boot time */
#define SETTLE_MS 100                   /* the MDIO clock change (hardware.md 5) */

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
	if (tn40_mdio_set_clock(&hw, TN40_MDIO_CLK_6MHZ) != 0 || qt_phy_identify(&hw) != 0)
		return -1;
	t0 = now_ns();
	if (qt_phy_download(&hw, qt_sim_phy_fw, qt_sim_phy_fw_len) != 0)
		return -1;
	t1 = now_ns();
	qt_sim_destroy(sim);
	return (t1 - t0) / 1e6;
}

static int
port_up(uint16_t port)
{
	struct rte_eth_link link;

	return rte_eth_link_get_nowait(port, &link) == 0 && link.link_status == RTE_ETH_LINK_UP;
}

/* Probes one simulated card: the PHY thread starts its bring-up at once. */
static int
probe_port(const char *name, const char *args, uint16_t *port)
{
	return rte_vdev_init(name, args) != 0 || rte_eth_dev_get_port_by_name(name, port) != 0 ?
	       -1 : 0;
}

/* dev_start waits until the port's NIC firmware runs (the last step of a bring-up). */
static int
start_port(uint16_t port)
{
	struct rte_eth_conf conf = { .intr_conf = { .lsc = 1 } };

	if (rte_eth_dev_configure(port, 1, 1, &conf) != 0 ||
	    rte_eth_rx_queue_setup(port, 0, 512, 0, NULL, pool) != 0 ||
	    rte_eth_tx_queue_setup(port, 0, 512, 0, NULL) != 0 ||
	    rte_eth_dev_callback_register(port, RTE_ETH_EVENT_INTR_LSC, on_lsc, NULL) != 0)
		return -1;
	return rte_eth_dev_start(port);
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

	/* every card probed before any is started, as EAL probes its devices at init */
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "net_qt2025_sim%s%u", prefix, i);
		/* a lone port gets a loopback plug, pairs a wire */
		if (n == 1)
			snprintf(args, sizeof(args), "timing=real%s", extra);
		else
			snprintf(args, sizeof(args), "wire=%s%u,timing=real%s", prefix, i / 2,
				 extra);
		if (probe_port(name, args, &ports[i]) != 0)
			return -1;
	}
	for (i = 0; i < n; i++)
		if (start_port(ports[i]) != 0)
			return -1;
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

static double
least(const double *v, unsigned int n)
{
	double m = v[0];
	unsigned int i;

	for (i = 1; i < n; i++)
		if (v[i] >= 0 && (m < 0 || v[i] < m))
			m = v[i];
	return m;
}

/*
 * "bench-qt2025 shared [EAL args]": two cabled ports brought up cold while the main lcore
 * busy-polls their link as testpmd --no-lsc-interrupt does (rte_delay_ms spins); prints
 * the longer of the two downloads. The caller chooses with the EAL arguments whether the
 * PHY thread shares the main lcore's CPU (-l 0-1) or has one of its own (--lcores 0@0,1@0).
 */
static int
bench_shared_main(void)
{
	uint64_t id, v, worst = 0, deadline = now_ns() + 30000000000ULL;
	uint16_t ports[2];
	unsigned int i;

	pool = rte_pktmbuf_pool_create("bench", 4096, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE, 0);
	if (pool == NULL || probe_port("net_qt2025_simsh0", "wire=sh,timing=real", &ports[0]) ||
	    probe_port("net_qt2025_simsh1", "wire=sh,timing=real", &ports[1]) ||
	    start_port(ports[0]) || start_port(ports[1]))
		return 1;
	while (!(port_up(ports[0]) && port_up(ports[1])) && now_ns() < deadline)
		rte_delay_us_block(100);
	for (i = 0; i < 2; i++) {
		if (rte_eth_xstats_get_id_by_name(ports[i], "phy_fw_load_us", &id) != 0 ||
		    rte_eth_xstats_get_by_id(ports[i], &id, &v, 1) != 1 || v == 0)
			return 1;
		worst = RTE_MAX(worst, v);
	}
	printf("shared-dl-ms %.1f\n", worst / 1e3);
	del_port("net_qt2025_simsh0", ports[0]);
	del_port("net_qt2025_simsh1", ports[1]);
	return 0;
}

#define PULLS 100

/* PULLS cable pulls of ports[0] (cabled to ports[1]) into lat (ms); spin: wait by spinning,
 * as a busy-polling lcore, instead of sleeping.
 */
static void
pulls(uint16_t *ports, bool spin, double *lat)
{
	struct qt_sim *sim = qt2025_sim_of_port(ports[0]);
	uint64_t t0;
	unsigned int i;

	for (i = 0; i < PULLS; i++) {
		lat[i] = 1e9;
		if (sim == NULL)
			continue;
		lsc_ns[ports[0]] = 0;
		t0 = now_ns();
		qt_sim_set_cable(sim, false);
		while (lsc_ns[ports[0]] == 0 && now_ns() - t0 < 2000000000ULL)
			spin ? rte_pause() : (void)usleep(20);
		if (lsc_ns[ports[0]] != 0)
			lat[i] = (lsc_ns[ports[0]] - t0) / 1e6;
		/* the next pull starts once the link-up event has reached the callback too */
		lsc_ns[ports[0]] = 0;
		qt_sim_set_cable(sim, true);
		while (!(port_up(ports[0]) && lsc_ns[ports[0]] != 0) &&
		       now_ns() - t0 < 4000000000ULL)
			spin ? rte_pause() : (void)usleep(100);
	}
	qsort(lat, PULLS, sizeof(lat[0]), cmp_double);
}

/*
 * "bench-qt2025 lsc [EAL args]": two cabled ports, then PULLS cable pulls while the main
 * lcore busy-polls for the LSC callback as a datapath lcore would; prints "lsc-ms median
 * 99th worst". The caller chooses with the EAL arguments whether the PHY and interrupt
 * threads share the busy lcore's CPU (-l 0-1) or have one of their own (--lcores 0@0,1@0).
 */
static int
bench_lsc_main(void)
{
	uint64_t deadline = now_ns() + 30000000000ULL;
	double lat[PULLS];
	uint16_t ports[2];

	pool = rte_pktmbuf_pool_create("bench", 4096, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE, 0);
	if (pool == NULL || probe_port("net_qt2025_simls0", "wire=ls,timing=real", &ports[0]) ||
	    probe_port("net_qt2025_simls1", "wire=ls,timing=real", &ports[1]) ||
	    start_port(ports[0]) || start_port(ports[1]))
		return 1;
	while (!(port_up(ports[0]) && port_up(ports[1])) && now_ns() < deadline)
		rte_delay_us_block(100);
	pulls(ports, true, lat);
	printf("lsc-ms %.3f %.3f %.3f\n", lat[PULLS / 2], lat[PULLS - 2], lat[PULLS - 1]);
	del_port("net_qt2025_simls0", ports[0]);
	del_port("net_qt2025_simls1", ports[1]);
	return 0;
}

/* This process may run on every online CPU again (sched_setaffinity). */
static int
all_cpus(void)
{
	long i, n = sysconf(_SC_NPROCESSORS_ONLN);
	cpu_set_t set;

	CPU_ZERO(&set);
	for (i = 0; i < n && i < CPU_SETSIZE; i++)
		CPU_SET(i, &set);
	return sched_setaffinity(0, sizeof(set), &set);
}

/* Where a cold bring-up's time went: its steps, as the PHY thread recorded them. */
static void
print_steps(uint16_t port, double link_ms)
{
	const struct qt2025_adapter *ad = rte_eth_devices[port].data->dev_private;
	double prev = 0, ms;
	unsigned int s;

	printf("  cold bring-up of port %u, ms after probe (step: time, + since the previous):",
	       port);
	for (s = 0; s < QT2025_STEP_MAX; s++) {
		ms = qt2025_step_ms(ad, (enum qt2025_step)s);
		if (ms < 0)
			continue;
		printf("%s %s %.1f (+%.1f)", s == 0 ? "" : ",", qt2025_step_name(s), ms,
		       ms - prev);
		prev = ms;
	}
	printf(", link up (both ports) %.1f (+%.1f)\n", link_ms, link_ms - prev);
}

/*
 * "bench-qt2025 cold [EAL args]": a cabled pair brought up cold, in a process whose model
 * has never run, the application sleeping; prints "cold-ms" and the steps of port 0.
 */
static int
bench_cold_main(void)
{
	uint16_t ports[2];
	double ms;

	pool = rte_pktmbuf_pool_create("bench", 4096, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE, 0);
	ms = pool == NULL ? -1 : bring_up("c", 2, "", ports);
	if (ms < 0)
		return 1;
	print_steps(ports[0], ms);
	printf("cold-ms %.1f\n", ms);
	take_down("c", 2, ports);
	return 0;
}

/* Three runs of "self MODE [EAL args] LCORES": every line they print to fn. */
static void
child_runs(const char *self, const char *mode, const char *lcores,
	   void (*fn)(const char *line, void *arg), void *arg)
{
	char cmd[512], line[1024];
	unsigned int i;
	FILE *f;

	for (i = 0; i < 3; i++) {
		snprintf(cmd, sizeof(cmd), "%s %s --no-huge -m 512 --no-pci --file-prefix="
			 "qt2025-bench-%s-%d %s --log-level=3 2>/dev/null", self, mode, mode,
			 (int)getpid(), lcores);
		f = popen(cmd, "r");
		if (f == NULL)
			continue;
		while (fgets(line, sizeof(line), f) != NULL)
			fn(line, arg);
		pclose(f);
	}
}

/* "lsc": the run with the least worst (median, 99th, worst in ms; worst < 0: none). */
static void
lsc_line(const char *line, void *arg)
{
	double *m = arg, v[3];

	if (sscanf(line, "lsc-ms %lf %lf %lf", &v[0], &v[1], &v[2]) == 3 &&
	    (m[2] < 0 || v[2] < m[2]))
		memcpy(m, v, sizeof(v));
}

/* "shared": the least download (ms; < 0: none). */
static void
shared_line(const char *line, void *arg)
{
	double *best = arg, ms;

	if (sscanf(line, "shared-dl-ms %lf", &ms) == 1 && (*best < 0 || ms < *best))
		*best = ms;
}

/* "cold": the least bring-up and the steps of that run */
struct cold_best {
	double ms;              /* < 0: none */
	char steps[1024];
	char last[1024];        /* the steps line of the run being read */
};

static void
cold_line(const char *line, void *arg)
{
	struct cold_best *c = arg;
	double ms;

	if (strstr(line, "cold bring-up of port") != NULL)
		snprintf(c->last, sizeof(c->last), "%s", line);
	else if (sscanf(line, "cold-ms %lf", &ms) == 1 && (c->ms < 0 || ms < c->ms)) {
		c->ms = ms;
		memcpy(c->steps, c->last, sizeof(c->steps));
	}
}

#define RUNS 5

static void
bench_link(const char *self)
{
	double limit_ms = WRITES * 2.0 * FRAME_NS_6M / 1e6, cold_ms, r[RUNS], lat[PULLS];
	double dl, warm, one, four, sh = -1, own = -1;
	struct cold_best cold;
	const char *lc[2];
	uint16_t ports[4];
	uint64_t f0, f1;
	struct qt_sim_obs obs;
	struct qt_sim *sim;
	unsigned int i;
	FILE *la;

	la = fopen("/proc/loadavg", "r");
	if (la != NULL && fscanf(la, "%lf", &dl) == 1)
		printf("machine: %ld CPUs, load average %.1f (figures marked 'least of' take the "
		       "best run: load only adds)\n", sysconf(_SC_NPROCESSORS_ONLN), dl);
	if (la != NULL)
		fclose(la);
	pool = rte_pktmbuf_pool_create("bench", 8192, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE, 0);
	if (pool == NULL)
		return;

	for (i = 0; i < 3; i++)
		r[i] = bench_download();
	dl = least(r, 3);
	printf("firmware download: %.1f ms (least of 3), wire limit %.1f ms (24,543 writes x 2 "
	       "frames x 64 bits at 6.25 MHz): ratio %.3f (goal <= 1.10)\n", dl, limit_ms,
	       dl / limit_ms);

	/* the warm runs below: the first bring-up of these ports is a cold one */
	if (bring_up("c", 2, "", ports) < 0)
		return;
	for (i = 0; i < RUNS; i++) {
		take_down("c", 2, ports);
		r[i] = bring_up("c", 2, "", ports);
	}
	warm = least(r, RUNS);
	qsort(r, RUNS, sizeof(r[0]), cmp_double);
	/* cold: the wire limit, the 8051's boot and the MDIO clock's settle (hardware.md 5),
	 * in fresh processes (a model that has never run), in both placements of the PHY thread
	 */
	cold_ms = limit_ms + BOOT_MS + SETTLE_MS;
	/* a machine whose CPU 0 is busy with other work can run both on CPU 1:
	 * QT2025_BENCH_OWN="--lcores 0@0" QT2025_BENCH_SHARED="--lcores 0@1,1@0"
	 */
	lc[0] = getenv("QT2025_BENCH_SHARED") != NULL ? getenv("QT2025_BENCH_SHARED") : "-l 0-1";
	lc[1] = getenv("QT2025_BENCH_OWN") != NULL ? getenv("QT2025_BENCH_OWN") :
		"--lcores 0@0,1@0";
	for (i = 0; i < 2; i++) {
		cold.ms = -1;
		cold.last[0] = '\0';
		child_runs(self, "cold", lc[i], cold_line, &cold);
		if (cold.ms < 0)
			printf("probe to link up, cold (%s): no figure (a run failed)\n", lc[i]);
		else
			printf("probe to link up, cold, 2 cabled ports, PHY thread %s (%s): %.1f "
			       "ms (least of 3) = %.2f x (download limit + boot %d ms + clock "
			       "settle %d ms) (goal <= 1.10)\n%s", i == 0 ? "sharing the main "
			       "lcore's CPU" : "on a CPU of its own", lc[i], cold.ms,
			       cold.ms / cold_ms, BOOT_MS, SETTLE_MS, cold.steps);
	}
	printf("probe to link up, warm (firmware running), 2 cabled ports probed, then "
	       "started: %.1f ms (least of %d, median %.1f) (goal <= 25 ms)\n", warm, RUNS,
	       r[RUNS / 2]);

	/* cable pulled -> LSC callback in the application, interrupts on */
	sim = qt2025_sim_of_port(ports[0]);
	pulls(ports, false, lat);
	printf("cable pulled to LSC callback, application sleeping: worst %.2f ms of %d pulls, "
	       "median %.2f ms, 99th %.2f ms (goal: worst <= 2 ms)\n", lat[PULLS - 1], PULLS,
	       lat[PULLS / 2], lat[PULLS - 2]);

	/* MDIO spent on watching a running port */
	if (sim != NULL) {
		qt_sim_observe(sim, &obs);
		f0 = obs.mdio_frames;
		sleep(5);
		qt_sim_observe(sim, &obs);
		f1 = obs.mdio_frames;
		printf("link watching: %.1f MDIO transactions/s per port (2 frames each, "
		       "%.3f%% of the bus at its run-time 1 MHz)\n", (f1 - f0) / 2.0 / 5,
		       (f1 - f0) / 5.0 * FRAME_NS_1M / 1e9 * 100);
	}
	take_down("c", 2, ports);

	one = bring_up("o", 1, ",fw_force=1", ports);
	for (i = 0; i < RUNS; i++) {
		take_down("o", 1, ports);
		r[i] = bring_up("o", 1, "", ports);
	}
	take_down("o", 1, ports);
	warm = least(r, RUNS);
	qsort(r, RUNS, sizeof(r[0]), cmp_double);
	printf("probe to link up, warm, 1 port (loopback plug): %.1f ms (least of %d, median "
	       "%.1f) (goal <= 25 ms)\n", warm, RUNS, r[RUNS / 2]);
	four = bring_up("f", 4, ",fw_force=1", ports);
	take_down("f", 4, ports);
	printf("bring-up of 4 ports together: %.1f ms, 1 port: %.1f ms: ratio %.2f "
	       "(goal <= 1.2; one thread drives every download)\n", four, one, four / one);

	/* the same with the main lcore busy-polling, in both placements of the threads */
	for (i = 0; i < 2; i++) {
		lat[2] = -1;
		child_runs(self, "lsc", lc[1 - i], lsc_line, lat);
		if (lat[2] >= 0)
			printf("cable pulled to LSC callback, main lcore busy-polling, PHY and "
			       "interrupt threads %s (%s): worst %.2f ms of %d pulls, median %.2f "
			       "ms, 99th %.2f ms (best of 3 runs; goal: worst <= 2 ms)\n",
			       i == 0 ? "on a CPU of their own" : "sharing its CPU", lc[1 - i],
			       lat[2], PULLS, lat[0], lat[1]);
		else
			printf("cable pulled to LSC callback (%s): no figure (a run failed)\n",
			       lc[1 - i]);
	}
	child_runs(self, "shared", lc[1], shared_line, &own);
	child_runs(self, "shared", lc[0], shared_line, &sh);
	printf("download with the PHY thread's CPU shared with a busy-polling lcore (%s): "
	       "%.1f ms, on a CPU of its own (%s): %.1f ms: ratio %.2f (least of 3 each; 2.0 "
	       "is a fair scheduler's half CPU)\n", lc[0], sh, lc[1], own, sh / own);
}

/* The modes "link" runs as child processes, and the one run by hand (fwd). */
static const struct {
	const char *mode;
	int (*fn)(void);
	bool all_cpus;
} children[] = {
	{ "shared", bench_shared_main, true },
	{ "cold", bench_cold_main, true },
	{ "lsc", bench_lsc_main, false },
	{ "fwd", bench_fwd_main, false },
};

int
main(int argc, char **argv)
{
	char prefix[64], name[48];
	char *def[] = { argv[0], (char *)"--no-huge", (char *)"-m", (char *)"512",
			(char *)"--no-pci", prefix, NULL };
	const char *mode = "all";
	unsigned int i;
	int rc;

	for (i = 0; argc >= 2 && i < RTE_DIM(children); i++) {
		if (strcmp(argv[1], children[i].mode) != 0)
			continue;
		/* popen'ed by "link", whose main thread is pinned to its lcore's CPU: without
		 * this the child inherits that one CPU, and EAL puts the PHY threads there
		 * whatever --lcores says, so "a CPU of its own" was shared too
		 */
		if (children[i].all_cpus && all_cpus() != 0)
			return 1;
		argv[1] = argv[0];
		rc = rte_eal_init(argc - 1, argv + 1);
		rc = rc < 0 ? 1 : children[i].fn();
		rte_eal_cleanup();
		return rc;
	}
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
		bench_link(def[0]);
	if (strcmp(mode, "link") != 0)
		bench_datapath(def[0], name);
	rte_eal_cleanup();
	return 0;
}
