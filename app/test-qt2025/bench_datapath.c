/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * bench-qt2025's datapath figures, each against a peer or a physical limit:
 *  - driver cost per packet, Rx and Tx apart, 64-byte frames, bursts of 32, on a loopback
 *    plug. The model stays outside the bursts: its DMA engines run when the benchmark
 *    steps them (dma=manual); in the bursts the port's transport is a shadow of the FIFO
 *    registers (writes posted, pointer reads from the last step), handed to the model
 *    between bursts as posted writes reach a card. TSC cycles here, instructions from
 *    callgrind (it runs itself under valgrind); DPDK's net_ring in the same harness;
 *  - io forwarding between two simulated ports (timing=fast) on one core, in Mpps;
 *  - timing=real: the wire's rate for 64 and 1518-byte frames against line rate.
 */

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <rte_bus_vdev.h>
#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "bench.h"
#include "qt2025_sim.h"

#define FIFO_REGS 0x4000        /* the FIFO registers of queue 0 (hardware.md 3.1) */
#define FIFO_NREGS 64
static const uint32_t nic_owned[] = { 0x40A0, 0x40B0, 0x40C0, 0x40D0 }; /* NIC's pointers */

#define BURST 32
#define COST_ITERS 20000
#define COST_ITERS_VG 2000      /* under callgrind */
#define LINE_PPS(len) (10e9 / (((len) + 4 + 8 + 12) * 8.0))    /* FCS, preamble, IFG */

struct cost {
	double rx_cyc, tx_cyc;          /* per packet */
	double sim_cyc;                 /* the model's DMA and wire, per packet */
	uint64_t pkts;
};

static struct rte_mempool *dp_pool;
static double io_forward_mpps(double seconds);

/* The shadow transport of the measured bursts. */
struct shadow {
	struct qt_sim *sim;
	const struct qt_hw_ops *ops;    /* the port's own, put back by shadow_detach */
	void *ctx;
	uint32_t reg[FIFO_NREGS];
	uint64_t dirty;
};
static struct shadow shadow;

static uint32_t
shadow_rd32(void *ctx, uint32_t off)
{
	struct shadow *x = ctx;

	if (off - FIFO_REGS >= FIFO_NREGS * 4)
		return qt_sim_rd32(x->sim, off);
	return x->reg[(off - FIFO_REGS) / 4];
}

static void
shadow_wr32(void *ctx, uint32_t off, uint32_t val)
{
	struct shadow *x = ctx;

	if (off - FIFO_REGS >= FIFO_NREGS * 4) {
		qt_sim_wr32(x->sim, off, val);
		return;
	}
	x->reg[(off - FIFO_REGS) / 4] = val;
	x->dirty |= 1ULL << ((off - FIFO_REGS) / 4);
}

static uint64_t
shadow_now(void *ctx)
{
	return qt_sim_now_ns(((struct shadow *)ctx)->sim);
}

static void
shadow_spin(void *ctx, uint64_t ns)
{
	qt_sim_spin_ns(((struct shadow *)ctx)->sim, ns);
}

static void
shadow_sleep(void *ctx, uint64_t ns)
{
	qt_sim_sleep_ns(((struct shadow *)ctx)->sim, ns);
}

static const struct qt_hw_ops shadow_ops = {
	.rd32 = shadow_rd32,
	.wr32 = shadow_wr32,
	.now_ns = shadow_now,
	.spin_ns = shadow_spin,
	.sleep_ns = shadow_sleep,
};

/* Posted writes to the model, its engines run dry, the NIC's pointers read back.
 * Returns what the engines did. Not inlined: callgrind counts the model's cost on it.
 */
__rte_noinline unsigned int shadow_sync(struct shadow *x);

__rte_noinline unsigned int
shadow_sync(struct shadow *x)
{
	unsigned int i, work = 0, k;

	for (i = 0; i < FIFO_NREGS; i++)
		if (x->dirty & (1ULL << i))
			qt_sim_wr32(x->sim, FIFO_REGS + 4 * i, x->reg[i]);
	x->dirty = 0;
	while ((k = qt_sim_dma_step(x->sim)) != 0)
		work += k;
	for (i = 0; i < RTE_DIM(nic_owned); i++)
		x->reg[(nic_owned[i] - FIFO_REGS) / 4] = qt_sim_rd32(x->sim, nic_owned[i]);
	return work;
}

/* Puts the shadow between the port and its model (after dev_start). */
static void
shadow_attach(uint16_t port, struct qt_sim *sim)
{
	struct qt_hw *hw = &qt2025_procs[port].hw;
	unsigned int i;

	shadow.sim = sim;
	shadow.dirty = 0;
	for (i = 0; i < FIFO_NREGS; i++)
		shadow.reg[i] = qt_sim_rd32(sim, FIFO_REGS + 4 * i);
	/* only the transport changes: the PHY thread goes on using this qt_hw */
	shadow.ops = hw->ops;
	shadow.ctx = hw->ctx;
	hw->ctx = &shadow;
	hw->ops = &shadow_ops;
}

static void
shadow_detach(uint16_t port)
{
	struct qt_hw *hw = &qt2025_procs[port].hw;

	shadow_sync(&shadow);
	hw->ops = shadow.ops;
	hw->ctx = shadow.ctx;
}

/* The measured calls: not inlined, so that callgrind can toggle on them. */
__rte_noinline uint16_t bench_rx_burst(uint16_t port, struct rte_mbuf **m, uint16_t n);
__rte_noinline uint16_t bench_tx_burst(uint16_t port, struct rte_mbuf **m, uint16_t n);

__rte_noinline uint16_t
bench_rx_burst(uint16_t port, struct rte_mbuf **m, uint16_t n)
{
	return rte_eth_rx_burst(port, 0, m, n);
}

__rte_noinline uint16_t
bench_tx_burst(uint16_t port, struct rte_mbuf **m, uint16_t n)
{
	return rte_eth_tx_burst(port, 0, m, n);
}

static int
wait_link(const char *name, uint16_t port)
{
	uint64_t t0 = rte_get_timer_cycles();
	struct rte_eth_link link;

	do {
		if (rte_eth_link_get_nowait(port, &link) == 0 && link.link_status)
			return 0;
		rte_delay_us_sleep(5000);       /* the PHY thread may share this CPU */
	} while (rte_get_timer_cycles() - t0 < 60 * rte_get_timer_hz());      /* valgrind: slow */
	printf("%s: no link\n", name);
	return -1;
}

/* A started port; wait: and its link up (a port on a wire needs its peer started). */
static int
port_open(const char *name, const char *args, uint16_t *port, uint64_t rx_ol, uint64_t tx_ol,
	  bool wait)
{
	struct rte_eth_conf conf = { .rxmode.offloads = rx_ol, .txmode.offloads = tx_ol };

	int rc = rte_vdev_init(name, args);

	if (rc == 0)
		rc = rte_eth_dev_get_port_by_name(name, port);
	if (rc == 0)
		rc = rte_eth_dev_configure(*port, 1, 1, &conf);
	if (rc == 0)
		rc = rte_eth_rx_queue_setup(*port, 0, 1024, 0, NULL, dp_pool);
	if (rc == 0)
		rc = rte_eth_tx_queue_setup(*port, 0, 1024, 0, NULL);
	if (rc == 0)
		rc = rte_eth_dev_start(*port);
	if (rc != 0) {
		printf("%s: set-up failed: %s\n", name, rte_strerror(-rc));
		return -1;
	}
	return wait ? wait_link(name, *port) : 0;
}

static void
port_gone(const char *name, uint16_t port)
{
	rte_eth_dev_stop(port);
	rte_eth_dev_close(port);
	rte_vdev_uninit(name);
}

/* Frames of len bytes for a loop; offloads asked per mbuf as an application would. */
static int
make_frames(struct rte_mbuf **m, unsigned int n, uint16_t len, bool offloads)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		m[i] = rte_pktmbuf_alloc(dp_pool);
		if (m[i] == NULL || rte_pktmbuf_append(m[i], len) == NULL)
			return -1;
		memset(rte_pktmbuf_mtod(m[i], void *), 0xFF, 12);       /* broadcast */
		rte_pktmbuf_mtod_offset(m[i], uint16_t *, 12)[0] = rte_cpu_to_be_16(0x0800);
		if (offloads) {
			m[i]->ol_flags = RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM |
					 RTE_MBUF_F_TX_UDP_CKSUM | RTE_MBUF_F_TX_VLAN;
			m[i]->vlan_tci = 100;
			m[i]->l2_len = 14;
			m[i]->l3_len = 20;
		}
	}
	return 0;
}

/* Tx a burst, step the model (sim) until it comes back, Rx it: the same mbufs go round. */
static int
cost_loop(uint16_t port, struct qt_sim *sim, unsigned int iters, bool offloads,
	  struct cost *c)
{
	struct rte_mbuf *m[BURST];
	uint64_t rx = 0, tx = 0, sm = 0, t;
	unsigned int i, sent, got, work;

	memset(c, 0, sizeof(*c));
	if (make_frames(m, BURST, 60, offloads) != 0)
		return -1;
	if (sim != NULL)
		shadow_attach(port, sim);
	for (i = 0; i < iters; i++) {
		t = rte_rdtsc_precise();
		sent = bench_tx_burst(port, m, BURST);
		tx += rte_rdtsc_precise() - t;
		if (sent != BURST) {
			printf("iteration %u: %u of %u sent\n", i, sent, BURST);
			goto fail;
		}
		if (sim != NULL) {
			t = rte_rdtsc_precise();
			shadow_sync(&shadow);
			sm += rte_rdtsc_precise() - t;
		}
		for (got = 0; got < BURST;) {
			t = rte_rdtsc_precise();
			got += bench_rx_burst(port, m + got, BURST - got);
			rx += rte_rdtsc_precise() - t;
			if (sim == NULL || got >= BURST)
				continue;
			t = rte_rdtsc_precise();
			work = shadow_sync(&shadow);
			sm += rte_rdtsc_precise() - t;
			if (work == 0) {
				struct qt_sim_obs obs;

				qt_sim_observe(sim, &obs);
				printf("iteration %u: %u of %u received (model: %s; rx drops "
				       "no_rxf %" PRIu64 ", rxd_full %" PRIu64 ", filter %" PRIu64
				       ")\n", i, got, BURST, obs.fail_reason, obs.rx_drop_no_rxf,
				       obs.rx_drop_rxd_full, obs.rx_drop_filter);
				goto fail;
			}
		}
		if (offloads)   /* as an application forwarding them would set again */
			for (got = 0; got < BURST; got++)
				m[got]->ol_flags |= RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM |
					RTE_MBUF_F_TX_UDP_CKSUM | RTE_MBUF_F_TX_VLAN;
	}
	rte_pktmbuf_free_bulk(m, BURST);
	if (sim != NULL)
		shadow_detach(port);
	c->pkts = (uint64_t)iters * BURST;
	c->rx_cyc = (double)rx / c->pkts;
	c->tx_cyc = (double)tx / c->pkts;
	c->sim_cyc = (double)sm / c->pkts;
	return 0;
fail:
	if (sim != NULL)
		shadow_detach(port);
	return -1;
}

/* "qt2025[-ol][:PATH]" (with checksum and VLAN offloads; PATH the datapath devarg) or
 * "ring": the port and its model.
 */
static int
cost_port(const char *which, uint16_t *port, struct qt_sim **sim, bool *ol)
{
	const char *path = strchr(which, ':');
	char args[96];

	*ol = strncmp(which, "qt2025-ol", 9) == 0;
	*sim = NULL;
	if (strcmp(which, "ring") == 0)
		return port_open("net_ring0", "", port, 0, 0, true);
	snprintf(args, sizeof(args), "timing=fast,dma=manual%s%s", path != NULL ? ",datapath=" :
		 "", path != NULL ? path + 1 : "");
	if (port_open("net_qt2025_sim_cost", args, port,
		       *ol ? RTE_ETH_RX_OFFLOAD_VLAN_STRIP | RTE_ETH_RX_OFFLOAD_CHECKSUM : 0,
		       RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE | (*ol ? RTE_ETH_TX_OFFLOAD_VLAN_INSERT |
		       RTE_ETH_TX_OFFLOAD_IPV4_CKSUM | RTE_ETH_TX_OFFLOAD_UDP_CKSUM : 0), true))
		return -1;
	*sim = qt2025_sim_of_port(*port);
	return *sim != NULL ? 0 : -1;
}

/* bench-qt2025 fwd [EAL args]: io forwarding alone, for a profiler. */
int
bench_fwd_main(void)
{
	dp_pool = rte_pktmbuf_pool_create("fwd", 4096, 256, 0, RTE_MBUF_DEFAULT_BUF_SIZE, 0);
	if (dp_pool == NULL)
		return 1;
	printf("io forwarding: %.3f Mpps\n", io_forward_mpps(5.0));
	return 0;
}

/* The bursts the port runs, as rte_eth_*_burst_mode_get names them: "Rx X, Tx Y". */
static void
burst_modes(uint16_t port, char *out, size_t len)
{
	struct rte_eth_burst_mode rx = { .info = "?" }, tx = { .info = "?" };

	rte_eth_rx_burst_mode_get(port, 0, &rx);
	rte_eth_tx_burst_mode_get(port, 0, &tx);
	snprintf(out, len, "Rx %s, Tx %s", rx.info, tx.info);
}

/* bench-qt2025 cost <which>: the loop alone, for callgrind. */
int
bench_cost_main(const char *which)
{
	struct qt_sim *sim;
	struct cost c;
	uint16_t port;
	bool ol;

	dp_pool = rte_pktmbuf_pool_create("cost", 4096, 256, 0, RTE_MBUF_DEFAULT_BUF_SIZE, 0);
	if (dp_pool == NULL || cost_port(which, &port, &sim, &ol) != 0 ||
	    cost_loop(port, sim, COST_ITERS_VG, ol, &c) != 0)
		return 1;
	printf("cycles per packet: rx %.1f, tx %.1f, model %.1f (%.0f ns)\n", c.rx_cyc, c.tx_cyc,
	       c.sim_cyc, c.sim_cyc * 1e9 / rte_get_tsc_hz());
	return 0;
}

/* Instructions per packet inside the functions toggles names (callgrind); part, when not
 * NULL, gets those of the function part_fn (and what it calls) among them.
 */
static double
callgrind_ipp(const char *self, const char *which, const char *eal_prefix, const char *toggles,
	      const char *part_fn, double *part)
{
	char cmd[1024], out[256], line[512], pat[64];
	double total = 0, sub = 0;
	FILE *f;

	snprintf(out, sizeof(out), "/tmp/qt2025-callgrind-%d.out", (int)getpid());
	snprintf(cmd, sizeof(cmd), "valgrind --tool=callgrind --callgrind-out-file=%s "
		 "%s %s cost %s --no-huge -m 256 --no-pci --file-prefix=%s-vg --log-level=3 "
		 ">/dev/null 2>&1 && callgrind_annotate --inclusive=yes %s 2>/dev/null",
		 out, toggles, self, which, eal_prefix, out);
	snprintf(pat, sizeof(pat), ":%s [", part_fn != NULL ? part_fn : "");
	f = popen(cmd, "r");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		char *p = line;
		char num[64];
		size_t k = 0;

		while (*p == ' ')
			p++;
		for (; (*p >= '0' && *p <= '9') || *p == ','; p++)
			if (*p != ',' && k < sizeof(num) - 1)
				num[k++] = *p;
		num[k] = '\0';
		if (k == 0)
			continue;
		if (strstr(line, "PROGRAM TOTALS") != NULL)
			total = atof(num);
		else if (part_fn != NULL && strstr(line, pat) != NULL && sub == 0)
			sub = atof(num);        /* its inclusive count: the first line naming it */
	}
	pclose(f);
	unlink(out);
	if (part != NULL)
		*part = sub / ((double)COST_ITERS_VG * BURST);
	return total > 0 ? total / ((double)COST_ITERS_VG * BURST) : -1;
}

/* io forwarding 0 <-> 1 as testpmd does it, one core, model engines running by themselves */
static double
io_forward_mpps(double seconds)
{
	struct rte_mbuf *m[BURST];
	uint16_t p[2], i, n, k;
	uint64_t t0, pkts = 0, hz = rte_get_timer_hz();
	struct rte_mbuf *seed[2 * 64];

	if (port_open("net_qt2025_sim_f0", "wire=fwd,timing=fast", &p[0], 0, 0, false) != 0 ||
	    port_open("net_qt2025_sim_f1", "wire=fwd,timing=fast", &p[1], 0, 0, false) != 0 ||
	    wait_link("net_qt2025_sim_f0", p[0]) != 0 ||
	    wait_link("net_qt2025_sim_f1", p[1]) != 0 ||
	    make_frames(seed, RTE_DIM(seed), 60, false) != 0) {
		printf("io forwarding: set-up failed\n");
		return -1;
	}
	bench_tx_burst(p[0], seed, 64);
	bench_tx_burst(p[1], seed + 64, 64);
	t0 = rte_get_timer_cycles();
	while (rte_get_timer_cycles() - t0 < seconds * hz) {
		for (i = 0; i < 2; i++) {
			n = rte_eth_rx_burst(p[i], 0, m, BURST);
			k = rte_eth_tx_burst(p[i ^ 1], 0, m, n);
			pkts += k;
			if (k < n)
				rte_pktmbuf_free_bulk(m + k, n - k);
		}
	}
	port_gone("net_qt2025_sim_f0", p[0]);
	port_gone("net_qt2025_sim_f1", p[1]);
	return pkts / seconds / 1e6;
}

static double
mono_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* timing=real: port 0 sends as fast as the wire takes, port 1 receives; frames per second
 * of the model's clock (CLOCK_MONOTONIC; the TSC's calibration would add its own error).
 */
static double
wire_rate(uint16_t len, double seconds)
{
	struct rte_mbuf *m[BURST];
	uint16_t p[2], n;
	uint64_t got = 0;
	double t0, t;

	if (port_open("net_qt2025_sim_w0", "wire=rate,timing=real", &p[0], 0, 0, false) != 0 ||
	    port_open("net_qt2025_sim_w1", "wire=rate,timing=real", &p[1], 0, 0, false) != 0 ||
	    wait_link("net_qt2025_sim_w0", p[0]) != 0 || wait_link("net_qt2025_sim_w1", p[1]) != 0)
		return -1;
	t0 = mono_s();
	do {
		if (make_frames(m, BURST, len, false) == 0) {
			n = rte_eth_tx_burst(p[0], 0, m, BURST);
			if (n < BURST)
				rte_pktmbuf_free_bulk(m + n, BURST - n);
		}
		n = rte_eth_rx_burst(p[1], 0, m, BURST);
		got += n;
		rte_pktmbuf_free_bulk(m, n);
		t = mono_s();
	} while (t - t0 < seconds);
	port_gone("net_qt2025_sim_w0", p[0]);
	port_gone("net_qt2025_sim_w1", p[1]);
	return got / (t - t0);
}

/* The configurations measured: each datapath without and with offloads, then the peer. */
static const struct {
	const char *which;
	const char *label;
	double goal;            /* instructions per packet, Rx + Tx; 0: none */
} cost_runs[] = {
	{ "qt2025:scalar", "scalar", 0 },
	{ "qt2025-ol:scalar", "scalar +csum+vlan", 0 },
	{ "qt2025:sse", "sse", 100 },
	{ "qt2025-ol:sse", "sse +csum+vlan", 130 },
	{ "qt2025:avx2", "avx2", 100 },
	{ "qt2025-ol:avx2", "avx2 +csum+vlan", 130 },
	{ "ring", "net_ring (peer)", 0 },
};
#define NB_COST RTE_DIM(cost_runs)

void
bench_datapath(const char *self, const char *eal_prefix)
{
	struct cost c[NB_COST];
	double ipp[NB_COST], r, load = -1, sim_ipp = -1, map_ipp = 0;
	char modes[NB_COST][80];
	struct qt_sim *sim;
	unsigned int i;
	uint16_t port;
	bool ol;
	FILE *la;

	dp_pool = rte_pktmbuf_pool_create("bench_dp", 16384, 256, 0,
					  RTE_MBUF_DEFAULT_BUF_SIZE, 0);
	if (dp_pool == NULL)
		return;
	for (i = 0; i < NB_COST; i++) {
		struct cost best = { .rx_cyc = 1e9, .tx_cyc = 1e9 };
		unsigned int r;

		if (cost_port(cost_runs[i].which, &port, &sim, &ol) != 0)
			return;
		burst_modes(port, modes[i], sizeof(modes[i]));
		/* a first run that warms pages and caches, then the least of 5: this
		 * machine's other load only ever adds cycles
		 */
		best.sim_cyc = 1e9;
		for (r = 0; r < 6; r++) {
			if (cost_loop(port, sim, COST_ITERS, ol, &c[i]) != 0) {
				printf("%s: cost loop failed\n", cost_runs[i].which);
				return;
			}
			if (r == 0)
				continue;
			best.rx_cyc = RTE_MIN(best.rx_cyc, c[i].rx_cyc);
			best.tx_cyc = RTE_MIN(best.tx_cyc, c[i].tx_cyc);
			best.sim_cyc = RTE_MIN(best.sim_cyc, c[i].sim_cyc);
		}
		best.pkts = c[i].pkts;
		c[i] = best;
		port_gone(i == NB_COST - 1 ? "net_ring0" : "net_qt2025_sim_cost", port);
		ipp[i] = callgrind_ipp(self, cost_runs[i].which, eal_prefix,
				       "--toggle-collect=bench_rx_burst "
				       "--toggle-collect=bench_tx_burst", NULL, NULL);
		if (i == 0)
			sim_ipp = callgrind_ipp(self, cost_runs[i].which, eal_prefix,
						"'--toggle-collect=*shadow_sync*'",
						"qt2025_sim_dma_map", &map_ipp);
	}
	la = fopen("/proc/loadavg", "r");
	if (la != NULL && fscanf(la, "%lf", &load) != 1)
		load = -1;
	if (la != NULL)
		fclose(la);
	printf("driver cost per packet (64 B, bursts of 32, model DMA outside; TSC cycles at "
	       "%.2f GHz, least of 5 runs; instructions from callgrind; load average %.1f on "
	       "%ld CPUs; the datapath devarg chooses the path, burst mode info says what ran):\n",
	       rte_get_tsc_hz() / 1e9, load, sysconf(_SC_NPROCESSORS_ONLN));
	for (i = 0; i < NB_COST; i++) {
		printf("  %-20s rx %5.1f + tx %5.1f = %5.1f cycles, %6.1f instructions",
		       cost_runs[i].label, c[i].rx_cyc, c[i].tx_cyc, c[i].rx_cyc + c[i].tx_cyc,
		       ipp[i]);
		if (cost_runs[i].goal > 0)
			printf(" (goal <= %.0f: %s)", cost_runs[i].goal,
			       ipp[i] < 0 ? "not measured" : ipp[i] <= cost_runs[i].goal ?
			       "met" : "NOT met");
		if (i < NB_COST - 1)
			printf(" [%s]", modes[i]);
		printf("\n");
	}
	/* 3,753 and 461: these figures before the model's datapath entries skipped the line */
	printf("model cost per frame (its Tx and Rx DMA engines and the wire, 64 B, bursts of "
	       "32, timing=fast, least of 5): %.0f ns, %.0f instructions (callgrind), of which "
	       "%.0f the glue's IOVA translation (qt2025_sim_dma_map): the model's own %.0f "
	       "(goal: <= 1,097, a third of its 3,291 before its datapath fast path)\n",
	       c[0].sim_cyc * 1e9 / rte_get_tsc_hz(), sim_ipp, map_ipp, sim_ipp - map_ipp);
	r = io_forward_mpps(2.0);
	printf("io forwarding between two simulated ports (timing=fast), one core: %.2f Mpps, "
	       "model DMA included: %.3f of a 10G line's 64-byte rate (1.15 Mpps before the "
	       "model's datapath fast path, on an idle machine)\n", r, r * 1e6 / LINE_PPS(60));
	for (i = 0; i < 2; i++) {
		uint16_t len = i == 0 ? 60 : 1514;

		r = wire_rate(len, 2.0);
		printf("wire rate, timing=real, %u-byte frames: %.3f Mpps, line rate %.3f Mpps: "
		       "ratio %.3f (never above 1)\n", len + 4, r / 1e6, LINE_PPS(len) / 1e6,
		       r / LINE_PPS(len));
	}
}
