/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * soak-qt2025: hours of real time on two simulated ports cabled together (timing=real:
 * MDIO frames and the wire take their hardware time), traffic both ways, and a seeded PRNG
 * picking events: cable pulled and plugged, modules swapped, PHY firmware crashes, MDIO
 * errors, set_link_down/up, port stop/start, bad frames and RX starvation. Every report
 * period it prints what the process holds (mempool in use after a drain, RSS, file
 * descriptors, threads) and what it saw (events, LSC callbacks, PHY counters, frames), and
 * at once any stall: a link that stays other than the world implies longer than its
 * bound, or a port that receives nothing for too long while traffic flows to it.
 * Not run by the tests (eal_soak is the CI soak, on the fake clock).
 *
 *   soak-qt2025 [--minutes M] [--report-s S] [--event-s E] [--seed N] [--poll-ms P]
 *               [--verbose] [-- EAL args]
 *   (default EAL args: --no-huge -m 512 --no-pci, a file prefix of its own)
 *
 * Exit status: 0 when no stall was seen and the process held no more at the end than at
 * the first report (mbufs, file descriptors, threads), else 1.
 */

#include <dirent.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <rte_bus_vdev.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "qt2025_sim.h"

#define NPORTS 2
#define BURST 32
#define FRAME_LEN 256
#define NS_PER_MS 1000000ull

struct rt_port {
	uint16_t id;
	char name[32];
	struct qt_sim *sim;
	bool started, admin_down, cable;       /* cable: this end plugged */
	enum qt_sim_module module;
	volatile uint32_t lsc;          /* LSC callbacks (EAL interrupt thread) */
	uint64_t sent, received;
	uint64_t last_rx_ns;            /* last frame received while traffic flowed */
	uint64_t wrong_since;           /* reported link other than expected since (0: no) */
	uint64_t up_ns;                 /* reported link up since (0: down) */
};

static struct rt_port ports[NPORTS];
static struct rte_mempool *pool;
static uint64_t rng;
static bool starve;
static uint64_t ev_ns;                  /* last event */
static char ev_what[96];
static uint64_t stalls, events;
static unsigned int poll_ms = 200;
static bool verbose;
static uint64_t t_start;

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint64_t
rnd(void)
{
	uint64_t z = (rng += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static int
on_lsc(uint16_t port, enum rte_eth_event_type ev, void *arg, void *out)
{
	struct rt_port *p = arg;

	RTE_SET_USED(port);
	RTE_SET_USED(ev);
	RTE_SET_USED(out);
	p->lsc++;
	return 0;
}

static uint64_t
xstat(const struct rt_port *p, const char *name)
{
	uint64_t id, v = 0;

	if (rte_eth_xstats_get_id_by_name(p->id, name, &id) != 0 ||
	    rte_eth_xstats_get_by_id(p->id, &id, &v, 1) != 1)
		return 0;
	return v;
}

static int
port_open(struct rt_port *p, unsigned int i)
{
	struct rte_eth_conf conf;
	char args[96];

	snprintf(p->name, sizeof(p->name), "net_qt2025_sim_rt%u", i);
	snprintf(args, sizeof(args), "wire=soak_rt,timing=real,link_poll_ms=%u", poll_ms);
	if (rte_vdev_init(p->name, args) != 0 ||
	    rte_eth_dev_get_port_by_name(p->name, &p->id) != 0) {
		fprintf(stderr, "soak-qt2025: cannot create %s\n", p->name);
		return -1;
	}
	memset(&conf, 0, sizeof(conf));
	conf.intr_conf.lsc = 1;
	if (rte_eth_dev_configure(p->id, 1, 1, &conf) != 0 ||
	    rte_eth_rx_queue_setup(p->id, 0, 512, SOCKET_ID_ANY, NULL, pool) != 0 ||
	    rte_eth_tx_queue_setup(p->id, 0, 512, SOCKET_ID_ANY, NULL) != 0 ||
	    rte_eth_dev_callback_register(p->id, RTE_ETH_EVENT_INTR_LSC, on_lsc, p) != 0 ||
	    rte_eth_dev_start(p->id) != 0) {
		fprintf(stderr, "soak-qt2025: cannot start %s\n", p->name);
		return -1;
	}
	p->sim = qt2025_sim_of_port(p->id);
	p->module = qt_sim_module(p->sim);
	p->started = p->cable = true;
	return p->sim != NULL ? 0 : -1;
}

static bool
link_of(const struct rt_port *p)
{
	struct rte_eth_link l;

	memset(&l, 0, sizeof(l));
	return rte_eth_link_get_nowait(p->id, &l) == 0 && l.link_status != 0;
}

static bool
lights(enum qt_sim_module m)
{
	return m != QT_SIM_MODULE_NONE && m != QT_SIM_MODULE_INVALID;
}

static bool
world_up(void)
{
	unsigned int i;

	for (i = 0; i < NPORTS; i++)
		if (!ports[i].started || ports[i].admin_down || !lights(ports[i].module) ||
		    !ports[i].cable)
			return false;
	return true;
}

static const enum qt_sim_module modules[] = {
	QT_SIM_MODULE_NONE, QT_SIM_MODULE_SR, QT_SIM_MODULE_LR, QT_SIM_MODULE_LRM,
	QT_SIM_MODULE_DAC, QT_SIM_MODULE_ACTIVE_DAC, QT_SIM_MODULE_ER,
};

/* One event on a random port; a broken world is mended half the time. */
static void
event(void)
{
	struct rt_port *p = &ports[rnd() % NPORTS];
	uint32_t r = (uint32_t)(rnd() % 100);
	int rc = 0;

	if (!world_up() && (r & 1)) {
		if (!ports[0].cable || !ports[1].cable)
			p = !ports[0].cable ? &ports[0] : &ports[1], r = 0;
		else if (!lights(ports[0].module) || !lights(ports[1].module))
			p = !lights(ports[0].module) ? &ports[0] : &ports[1], r = 15;
		else if (!ports[0].started || !ports[1].started)
			p = !ports[0].started ? &ports[0] : &ports[1], r = 50;
		else
			p = ports[0].admin_down ? &ports[0] : &ports[1], r = 40;
	}
	if (r < 12) {
		/* either end of the cable: no light either way while one is out */
		p->cable = !p->cable;
		qt_sim_set_cable(p->sim, p->cable);
		snprintf(ev_what, sizeof(ev_what), "%s: cable %s", p->name,
			 p->cable ? "plugged" : "pulled");
	} else if (r < 22) {
		p->module = r == 15 ? QT_SIM_MODULE_SR : modules[rnd() % RTE_DIM(modules)];
		qt_sim_set_module(p->sim, p->module);
		snprintf(ev_what, sizeof(ev_what), "%s: module %d", p->name, p->module);
	} else if (r < 28) {
		qt_sim_set_fault(p->sim, QT_SIM_FAULT_HEARTBEAT_STOPS, 1);
		snprintf(ev_what, sizeof(ev_what), "%s: PHY firmware crash", p->name);
	} else if (r < 38) {
		qt_sim_set_fault(p->sim, QT_SIM_FAULT_MDIO_ERROR_AFTER, (uint32_t)(rnd() % 40));
		snprintf(ev_what, sizeof(ev_what), "%s: an MDIO error", p->name);
	} else if (r < 46) {
		if (!p->started)
			return;
		p->admin_down = !p->admin_down;
		rc = p->admin_down ? rte_eth_dev_set_link_down(p->id) :
				     rte_eth_dev_set_link_up(p->id);
		snprintf(ev_what, sizeof(ev_what), "%s: set_link_%s", p->name,
			 p->admin_down ? "down" : "up");
	} else if (r < 54) {
		p->started = !p->started;
		p->admin_down = false;
		rc = p->started ? rte_eth_dev_start(p->id) : rte_eth_dev_stop(p->id);
		snprintf(ev_what, sizeof(ev_what), "%s: %s", p->name,
			 p->started ? "started" : "stopped");
	} else if (r < 60) {
		starve = !starve;
		qt_sim_set_fault(ports[0].sim, QT_SIM_FAULT_RXF_STARVE, starve);
		qt_sim_set_fault(ports[1].sim, QT_SIM_FAULT_RXF_STARVE, starve);
		snprintf(ev_what, sizeof(ev_what), "RX starvation %s", starve ? "on" : "off");
	} else {
		uint32_t n = (uint32_t)(rnd() % 64) + 1;

		qt_sim_set_fault(p->sim, QT_SIM_FAULT_RX_BAD_CRC, n);
		snprintf(ev_what, sizeof(ev_what), "%s: next %u frames with a bad FCS", p->name,
			 n);
	}
	if (rc != 0)
		printf("soak-qt2025: %s returned %d\n", ev_what, rc);
	events++;
	ev_ns = now_ns();
	if (verbose)
		printf("soak-qt2025: %8.1f s: %s\n", (ev_ns - t_start) / 1e9, ev_what);
}

/* Link bound: a drop is seen within a poll; a link may need a PHY restart first (a
 * crash: a heartbeat frozen 1 s, a firmware download at the MDIO wire's pace, the boot).
 */
static uint64_t
link_bound_ns(bool up)
{
	return up ? 2ull * poll_ms * NS_PER_MS + 15000 * NS_PER_MS :
		    2ull * poll_ms * NS_PER_MS + 500 * NS_PER_MS;
}

static void
check_link(struct rt_port *p, uint64_t now)
{
	struct rte_eth_link l;
	bool expect = p->started && world_up();

	memset(&l, 0, sizeof(l));
	if (rte_eth_link_get_nowait(p->id, &l) != 0)
		l.link_status = 0;      /* read as down: a stall if it lasts */
	if (!l.link_status)
		p->up_ns = 0;
	else if (p->up_ns == 0)
		p->up_ns = now;
	if (l.link_status == expect) {
		p->wrong_since = 0;
		return;
	}
	if (p->wrong_since == 0)
		p->wrong_since = RTE_MAX(now, ev_ns);
	if (p->wrong_since != UINT64_MAX && now > p->wrong_since &&
	    now - p->wrong_since > link_bound_ns(expect)) {
		struct qt_sim_obs o;

		qt_sim_observe(p->sim, &o);
		stalls++;
		printf("soak-qt2025: STALL %s: link %u, the world implies %d for %.1f s "
		       "(last event %.1f s ago: %s); model: PHY %s, line %d, MAC link %d at %u, "
		       "cable %d, module %d\n", p->name, l.link_status, expect,
		       (now - p->wrong_since) / 1e9, (now - ev_ns) / 1e9, ev_what,
		       qt_sim_phy_state_name(o.phy_state), o.line_up, o.mac_link, o.mac_speed,
		       o.cable, o.module);
		p->wrong_since = UINT64_MAX;    /* once per episode */
	}
}

static void
traffic(struct rt_port *from, struct rt_port *to, uint64_t now, unsigned int rx_stall_ms)
{
	struct rte_mbuf *m[BURST];
	uint16_t n, k, i;

	if (from->started && rte_pktmbuf_alloc_bulk(pool, m, BURST) == 0) {
		for (i = 0; i < BURST; i++) {
			uint8_t *d = rte_pktmbuf_mtod(m[i], uint8_t *);

			rte_pktmbuf_append(m[i], FRAME_LEN);
			memset(d, 0xff, 6);             /* broadcast */
			memset(d + 6, 0x02, 6);
			d[12] = 0x88;                   /* local experimental ethertype */
			d[13] = 0xb5;
		}
		n = rte_eth_tx_burst(from->id, 0, m, BURST);
		from->sent += n;
		rte_pktmbuf_free_bulk(m + n, BURST - n);
	}
	if (!to->started)
		return;
	k = rte_eth_rx_burst(to->id, 0, m, BURST);
	rte_pktmbuf_free_bulk(m, k);
	to->received += k;
	/* traffic flows to it when both have reported link a while, unstarved */
	if (k != 0 || starve || !from->started || from->up_ns == 0 || to->up_ns == 0 ||
	    now < RTE_MAX(from->up_ns, to->up_ns) + 1000 * NS_PER_MS) {
		to->last_rx_ns = now;
		return;
	}
	if (to->last_rx_ns != 0 && now - to->last_rx_ns > rx_stall_ms * NS_PER_MS) {
		stalls++;
		printf("soak-qt2025: STALL %s: nothing received for %.1f s while traffic flows "
		       "(last event %.1f s ago: %s)\n", to->name, (now - to->last_rx_ns) / 1e9,
		       (now - ev_ns) / 1e9, ev_what);
		to->last_rx_ns = now;
	}
}

struct holdings {
	unsigned int in_use;
	long rss_kb;
	int fds, threads;
};

static void
hold(struct holdings *h)
{
	unsigned int i;
	struct dirent *e;
	long pages = 0, rss = 0;
	char line[128];
	FILE *f;
	DIR *d;

	/* what is in flight comes back first: the rings' own mbufs stay */
	for (i = 0; i < 8; i++) {
		struct rte_mbuf *m[BURST];
		unsigned int j;

		for (j = 0; j < NPORTS; j++)
			if (ports[j].started) {
				uint16_t k = rte_eth_rx_burst(ports[j].id, 0, m, BURST);

				rte_pktmbuf_free_bulk(m, k);
				ports[j].received += k;
				rte_eth_tx_done_cleanup(ports[j].id, 0, 0);
			}
		usleep(1000);
	}
	h->in_use = rte_mempool_in_use_count(pool);
	f = fopen("/proc/self/statm", "r");
	if (f != NULL && fscanf(f, "%ld %ld", &pages, &rss) != 2)
		rss = 0;
	if (f != NULL)
		fclose(f);
	h->rss_kb = rss * (sysconf(_SC_PAGESIZE) / 1024);
	h->fds = 0;
	d = opendir("/proc/self/fd");
	while (d != NULL && (e = readdir(d)) != NULL)
		h->fds += e->d_name[0] != '.';
	if (d != NULL)
		closedir(d);
	h->threads = 0;
	f = fopen("/proc/self/status", "r");
	while (f != NULL && fgets(line, sizeof(line), f) != NULL)
		if (sscanf(line, "Threads: %d", &h->threads) == 1)
			break;
	if (f != NULL)
		fclose(f);
}

static void
report(uint64_t t0, const struct holdings *h)
{
	unsigned int i;

	printf("soak-qt2025: %7.1f min: mempool in use %u, RSS %ld kB, fds %d, threads %d, "
	       "events %" PRIu64 ", stalls %" PRIu64 "\n", (now_ns() - t0) / 60e9, h->in_use,
	       h->rss_kb, h->fds, h->threads, events, stalls);
	for (i = 0; i < NPORTS; i++) {
		const struct rt_port *p = &ports[i];

		printf("soak-qt2025:   %s: LSC %u, link up/down %" PRIu64 "/%" PRIu64
		       ", PHY loads %" PRIu64 ", crashes %" PRIu64 ", MDIO errors %" PRIu64
		       ", frames sent %" PRIu64 ", received %" PRIu64 "\n", p->name, p->lsc,
		       xstat(p, "link_up_events"), xstat(p, "link_down_events"),
		       xstat(p, "phy_fw_loads"), xstat(p, "phy_fw_crashes"),
		       xstat(p, "phy_mdio_errors"), p->sent, p->received);
	}
	fflush(stdout);
}

static unsigned int
opt(int argc, char **argv, int *i, const char *name)
{
	if (strcmp(argv[*i], name) != 0 || *i + 1 >= argc)
		return 0;
	return (unsigned int)strtoul(argv[++*i], NULL, 0);
}

int
main(int argc, char **argv)
{
	unsigned int minutes = 60, report_s = 60, event_s = 10, rx_stall_ms = 1000, v;
	char prefix[64], *eal[64] = { argv[0] };
	struct holdings first, h;
	uint64_t t0, next_ev, next_rep, end;
	int i, n = 1, rc = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	rng = (uint64_t)time(NULL) ^ (uint64_t)getpid();
	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if ((v = opt(argc, argv, &i, "--minutes")) != 0)
			minutes = v;
		else if ((v = opt(argc, argv, &i, "--report-s")) != 0)
			report_s = v;
		else if ((v = opt(argc, argv, &i, "--event-s")) != 0)
			event_s = v;
		else if ((v = opt(argc, argv, &i, "--poll-ms")) != 0)
			poll_ms = v;
		else if (strcmp(argv[i], "--verbose") == 0)
			verbose = true;
		else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
			rng = strtoull(argv[++i], NULL, 0);
		else {
			fprintf(stderr, "usage: soak-qt2025 [--minutes M] [--report-s S] "
				"[--event-s E] [--seed N] [--poll-ms P] [--verbose] "
				"[-- EAL args]\n");
			return 2;
		}
	}
	if (i < argc) {
		for (i++; i < argc && n < 62; i++)
			eal[n++] = argv[i];
	} else {
		snprintf(prefix, sizeof(prefix), "--file-prefix=soak-qt2025-%d", (int)getpid());
		eal[n++] = (char *)"--no-huge";
		eal[n++] = (char *)"-m";
		eal[n++] = (char *)"512";
		eal[n++] = (char *)"--no-pci";
		eal[n++] = (char *)"--log-level=pmd.net.qt2025*:warning";
		eal[n++] = prefix;
	}
	printf("soak-qt2025: seed %" PRIu64 " (--seed to replay the events), %u min, an event "
	       "every %u s on average, a report every %u s, link_poll_ms %u\n", rng, minutes,
	       event_s, report_s, poll_ms);
	if (rte_eal_init(n, eal) < 0) {
		fprintf(stderr, "soak-qt2025: rte_eal_init failed\n");
		return 1;
	}
	pool = rte_pktmbuf_pool_create("soak_rt", 4096, 64, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
				       SOCKET_ID_ANY);
	if (pool == NULL || port_open(&ports[0], 0) != 0 || port_open(&ports[1], 1) != 0)
		return 1;
	/* the first bring-up (a firmware download at the MDIO wire's pace) is no event */
	for (i = 0; i < 300 && (!link_of(&ports[0]) || !link_of(&ports[1])); i++)
		usleep(100000);
	t0 = t_start = now_ns();
	ev_ns = t0;
	snprintf(ev_what, sizeof(ev_what), "start");
	next_ev = t0 + (rnd() % (2ull * event_s * 1000) + 1) * NS_PER_MS;
	next_rep = t0 + report_s * 1000000000ull;
	end = t0 + minutes * 60000000000ull;
	hold(&first);
	report(t0, &first);
	for (;;) {
		uint64_t now = now_ns();

		if (now >= end)
			break;
		if (now >= next_ev) {
			event();
			next_ev = now + (rnd() % (2ull * event_s * 1000) + 1) * NS_PER_MS;
		}
		traffic(&ports[0], &ports[1], now, rx_stall_ms);
		traffic(&ports[1], &ports[0], now, rx_stall_ms);
		check_link(&ports[0], now);
		check_link(&ports[1], now);
		if (now >= next_rep) {
			hold(&h);
			report(t0, &h);
			next_rep = now + report_s * 1000000000ull;
		}
		usleep(200);    /* the PHY threads share the CPUs: leave them some */
	}
	hold(&h);
	report(t0, &h);
	if (stalls != 0 || h.fds > first.fds || h.threads > first.threads ||
	    (ports[0].started && ports[1].started && h.in_use > first.in_use))
		rc = 1;
	printf("soak-qt2025: %s: %" PRIu64 " stalls; since the first report: mempool %+d, "
	       "RSS %+ld kB, fds %+d, threads %+d\n", rc == 0 ? "ok" : "FAILED", stalls,
	       (int)h.in_use - (int)first.in_use, h.rss_kb - first.rss_kb, h.fds - first.fds,
	       h.threads - first.threads);
	for (i = 0; i < NPORTS; i++) {
		rte_eth_dev_stop(ports[i].id);
		rte_eth_dev_close(ports[i].id);
	}
	rte_eal_cleanup();
	return rc;
}
