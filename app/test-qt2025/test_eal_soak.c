/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * eal_soak: a simulated week on the model's fake clock (soak_warp.h), in seconds of real
 * time. A seeded PRNG picks events: cable pulled and plugged, modules swapped (none, 10G,
 * 1G), PHY firmware crashes, MDIO errors, set_link_down/up, port stop/start, traffic with
 * bad frames and RX starvation. After each event the clock runs until the driver agrees
 * with the model (the reaction time, on the model's clock, must stay within its bound),
 * then everything is compared with the model: the reported link and speed, the LSC
 * callbacks, the PHY counters (xstats), the packet counters and the mempool.
 *
 * Environment: QT2025_SOAK_DAYS (simulated days, default 7, fractions allowed),
 * QT2025_SOAK_SEED (default: from the time; printed), QT2025_SOAK_GAP_S (mean quiet time
 * between events, default 600), QT2025_SOAK_POLL_MS (link_poll_ms, default 1000: the run's
 * cost is one clock jump per poll, and a week at the driver's default of 200 ms takes five
 * times as long), QT2025_SOAK_STRICT=0 (a transient MDIO error that flaps the link or
 * restarts the PHY is counted and reported instead of failing the run),
 * QT2025_SOAK_TIMING=real (the card's timing= devarg; the driver spins each MDIO frame's
 * wire time on the model's clock either way), QT2025_SOAK_VERBOSE=1 (one line per event).
 */

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <rte_log.h>

#include "qt2025_sim.h"
#include "qt_test.h"
#include "soak_check.h"
#include "test_eal_dp.h"
#include "test_eal_util.h"

QT_EAL_SUITE(eal_soak, NULL, NULL);

static bool env_bad;

/* A number from the environment, def when unset; junk gets one line and fails the case. */
static uint64_t
env_u64(const char *name, uint64_t def)
{
	const char *v = getenv(name);
	char *end;
	uint64_t n;

	if (v == NULL || *v == '\0')
		return def;
	errno = 0;
	n = strtoull(v, &end, 0);
	if (errno != 0 || *end != '\0' || *v == '-' || *v == ' ' || *v == '+') {
		fprintf(stderr, "    %s: \"%.64s\" is not a number\n", name, v);
		env_bad = true;
		return def;
	}
	return n;
}

static double
env_days(void)
{
	const char *v = getenv("QT2025_SOAK_DAYS");
	char *end;
	double d;

	if (v == NULL || *v == '\0')
		return 7.0;
	d = strtod(v, &end);
	if (*end != '\0' || !(d > 0 && d <= 3650)) {
		fprintf(stderr, "    QT2025_SOAK_DAYS: \"%.64s\" is not a number of days in "
			"(0, 3650]\n", v);
		env_bad = true;
		return 7.0;
	}
	return d;
}

/* splitmix64: small, seedable, the same on every platform */
static uint64_t
rnd(struct soak *s)
{
	uint64_t z = (s->rng += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static uint32_t
rnd_in(struct soak *s, uint32_t lo, uint32_t hi)
{
	return lo + (uint32_t)(rnd(s) % (hi - lo + 1));
}

static const enum qt_sim_module modules[] = {
	QT_SIM_MODULE_NONE, QT_SIM_MODULE_SR, QT_SIM_MODULE_LR, QT_SIM_MODULE_LRM,
	QT_SIM_MODULE_DAC, QT_SIM_MODULE_ACTIVE_DAC, QT_SIM_MODULE_ER, QT_SIM_MODULE_1G_SX,
	QT_SIM_MODULE_1G_LX, QT_SIM_MODULE_1G_CX, QT_SIM_MODULE_1G_T,
};

static int
ev_cable(struct soak *s, bool plug)
{
	s->ev = SOAK_EV_CABLE;
	s->cable = plug;
	qt_sim_set_cable(s->p.sim, plug);
	snprintf(s->what, sizeof(s->what), "cable %s", plug ? "plugged" : "pulled");
	return 0;
}

static int
ev_module(struct soak *s, enum qt_sim_module m)
{
	s->ev = SOAK_EV_MODULE;
	s->module = m;
	qt_sim_set_module(s->p.sim, m);
	snprintf(s->what, sizeof(s->what), "module %d", m);
	return 0;
}

static int
ev_admin(struct soak *s, bool down)
{
	s->ev = SOAK_EV_ADMIN;
	if (!s->started) {
		snprintf(s->what, sizeof(s->what), "set_link_%s skipped (stopped)",
			 down ? "down" : "up");
		return 0;
	}
	s->admin_down = down;
	snprintf(s->what, sizeof(s->what), "set_link_%s", down ? "down" : "up");
	return down ? rte_eth_dev_set_link_down(s->p.id) : rte_eth_dev_set_link_up(s->p.id);
}

static int
ev_start(struct soak *s, bool start)
{
	s->ev = SOAK_EV_STARTSTOP;
	s->started = start;
	/* dev_start forgets an earlier set_link_down (as ixgbe) */
	s->admin_down = false;
	snprintf(s->what, sizeof(s->what), "port %s", start ? "started" : "stopped");
	return start ? rte_eth_dev_start(s->p.id) : rte_eth_dev_stop(s->p.id);
}

static enum qt_sim_module
any_module(struct soak *s, bool none_too)
{
	return modules[rnd_in(s, none_too ? 0 : 1, RTE_DIM(modules) - 1)];
}

/* Half the time a broken world is mended first: a week of link down tests little. */
static int
heal(struct soak *s)
{
	if (!s->cable)
		return ev_cable(s, true);
	if (s->module == QT_SIM_MODULE_NONE)
		return ev_module(s, any_module(s, false));
	if (!s->started)
		return ev_start(s, true);
	return ev_admin(s, false);
}

/* One event picked by weight; what it did goes into s->what. */
static int
event(struct soak *s)
{
	bool broken = !s->cable || s->module == QT_SIM_MODULE_NONE || !s->started ||
		      s->admin_down;
	uint32_t r = rnd_in(s, 0, 99);
	int rc = 0;

	if (broken && (r & 1))
		rc = heal(s);
	else if (r < 12)
		rc = ev_cable(s, !s->cable);
	else if (r < 22)
		rc = ev_module(s, any_module(s, true));
	else if (r < 30) {
		s->ev = SOAK_EV_CRASH;
		qt_sim_set_fault(s->p.sim, QT_SIM_FAULT_HEARTBEAT_STOPS, 1);
		s->crashes++;
		snprintf(s->what, sizeof(s->what), "PHY firmware crash");
	} else if (r < 42) {
		uint32_t n = rnd_in(s, 1, 2), after = rnd_in(s, 0, 40);

		s->ev = SOAK_EV_MDIO;
		if (n == 1 && (after & 1))
			qt_sim_set_fault(s->p.sim, QT_SIM_FAULT_MDIO_ERROR_AFTER, after);
		else
			qt_sim_set_fault(s->p.sim, QT_SIM_FAULT_MDIO_ERROR, n);
		s->mdio_errors += n;
		snprintf(s->what, sizeof(s->what), "%u MDIO error(s)%s", n,
			 n == 1 && (after & 1) ? " later" : "");
	} else if (r < 50) {
		rc = ev_admin(s, !s->admin_down);
	} else if (r < 56) {
		rc = ev_start(s, !s->started);
	} else if (r < 62) {
		s->ev = SOAK_EV_STARVE;
		s->starve = !s->starve;
		qt_sim_set_fault(s->p.sim, QT_SIM_FAULT_RXF_STARVE, s->starve);
		snprintf(s->what, sizeof(s->what), "RX starvation %s", s->starve ? "on" : "off");
	} else {
		uint32_t n = rnd_in(s, 1, 64), bad = (r & 3) == 0 ? rnd_in(s, 1, n) : 0;

		s->ev = SOAK_EV_TRAFFIC;
		if (bad != 0)
			qt_sim_set_fault(s->p.sim, QT_SIM_FAULT_RX_BAD_CRC, bad);
		snprintf(s->what, sizeof(s->what), "traffic: %u frames, %u bad FCS%s", n, bad,
			 s->starve ? ", starved" : "");
		if (s->started)
			rc = soak_traffic(s, n, (uint16_t)rnd_in(s, 60, 1514), (uint8_t)rnd(s));
	}
	if (rc != 0)
		snprintf(s->why, sizeof(s->why), "%s returned %d", s->what, rc);
	return rc;
}

QT_EAL_TEST(eal_soak, week)
{
	static struct soak s;
	double days = env_days();
	uint64_t seed = env_u64("QT2025_SOAK_SEED", (uint64_t)time(NULL) ^ (uint64_t)getpid());
	uint64_t gap_ns = env_u64("QT2025_SOAK_GAP_S", 600) * UINT64_C(1000000000), end, t0;
	unsigned int poll_ms = (unsigned int)env_u64("QT2025_SOAK_POLL_MS", 1000);
	bool verbose = env_u64("QT2025_SOAK_VERBOSE", 0) != 0;
	char args[64];
	int rc;

	memset(&s, 0, sizeof(s));
	s.rng = seed;
	s.poll_ms = poll_ms;
	s.strict = env_u64("QT2025_SOAK_STRICT", 1) != 0;
	QT_ASSERT(!env_bad && gap_ns != 0 && poll_ms >= 10 && poll_ms <= 10000,
		  "bad QT2025_SOAK_* settings (QT2025_SOAK_GAP_S >= 1, "
		  "QT2025_SOAK_POLL_MS 10..10000)");
	printf("    soak: seed %" PRIu64 " (QT2025_SOAK_SEED to replay), %.2f simulated days, "
	       "link_poll_ms %u, one event every %" PRIu64 " s on average\n", seed, days,
	       poll_ms, gap_ns / UINT64_C(1000000000));
	fflush(stdout);
	t0 = qtt_now_ms();
	/* a week's link lines (thousands) would cost more than the driver's work */
	if (!verbose)
		rte_log_set_level_pattern("pmd.net.qt2025*", RTE_LOG_WARNING);
	snprintf(args, sizeof(args), "timing=%s,link_poll_ms=%u",
		 getenv("QT2025_SOAK_TIMING") != NULL ? getenv("QT2025_SOAK_TIMING") : "fast",
		 poll_ms);
	soak_warp_init(&s.w);
	/* a card of its own: a card keeps the clock it was powered with */
	rc = soak_begin(&s, "net_qt2025_sim_soak0", args);
	soak_warp_release(&s.w);        /* later cards (other suites) keep real time */
	QT_CHECK(rc);
	end = soak_warp_now(&s.w) + (uint64_t)(days * 86400.0 * 1e9);
	while (soak_warp_now(&s.w) < end) {
		uint64_t gap = rnd(&s) % (2 * gap_ns) + UINT64_C(1000000000);

		if (soak_idle(&s, RTE_MIN(gap, end - soak_warp_now(&s.w))) != 0)
			break;
		s.events++;
		s.link_before = qtt_link(s.p.id) == 1;
		rc = event(&s);
		if (verbose)
			printf("    %10.3f s  #%" PRIu64 " %s\n", (double)s.model_ns / 1e9,
			       s.events, s.what);
		if (rc != 0 || soak_settle(&s) != 0 || soak_check(&s) != 0)
			break;
	}
	soak_report(&s, seed, qtt_now_ms() - t0);
	rte_log_set_level_pattern("pmd.net.qt2025*", RTE_LOG_INFO);
	soak_warp_detach_all(&s.w);
	QT_ASSERT(s.why[0] == '\0', "seed %" PRIu64 ", event %" PRIu64 " (%s) at %.3f s: %s",
		  seed, s.events, s.what, (double)s.model_ns / 1e9, s.why);
	QT_CHECK(dp_port_down(&s.p));
	return 0;
}

/* The warp's promise, checked on the model's own trace: on a quiet link the driver reads
 * the heartbeat every link_poll_ms of model time, never later (a stalled thread) and never
 * earlier, across two simulated hours cut into steps as the week's quiet times are.
 */
QT_EAL_TEST(eal_soak, on_time)
{
	static struct soak s;
	static struct qt_sim_trace_entry tr[4096];
	const unsigned int poll_ms = 1000, step_s = 600;
	uint64_t last = 0, gap, lo = UINT64_MAX, hi = 0, reads = 0;
	unsigned int chunk;
	size_t n, i;
	int rc;

	memset(&s, 0, sizeof(s));
	s.poll_ms = poll_ms;
	soak_warp_init(&s.w);
	rc = soak_begin(&s, "net_qt2025_sim_soak1", "timing=fast,link_poll_ms=1000");
	soak_warp_release(&s.w);
	QT_CHECK(rc);
	for (chunk = 0; chunk < 2 * 3600 / step_s; chunk++) {
		qt_sim_trace_clear(s.p.sim);
		qt_sim_trace_enable(s.p.sim, true, false);
		QT_ASSERT(soak_idle(&s, (uint64_t)step_s * 1000000000ull) == 0, "%s", s.why);
		qt_sim_trace_enable(s.p.sim, false, false);
		n = qt_sim_trace_get(s.p.sim, tr, RTE_DIM(tr));
		QT_ASSERT(n < RTE_DIM(tr), "trace full: %zu entries", n);
		for (i = 0; i < n; i++) {
			/* the 8051 heartbeat, 3.D7EE (hardware.md 8.2): periodic polls only */
			if (tr[i].kind != QT_SIM_TR_MDIO_RD || tr[i].mmd != 3 ||
			    tr[i].reg != 0xD7EE)
				continue;
			reads++;
			if (last != 0) {
				gap = tr[i].t_ns - last;
				lo = RTE_MIN(lo, gap);
				hi = RTE_MAX(hi, gap);
			}
			last = tr[i].t_ns;
		}
	}
	printf("    on_time: %" PRIu64 " heartbeat reads, gaps %.3f to %.3f ms (poll %u ms), "
	       "%" PRIu64 " clock jumps\n", reads, lo / 1e6, hi / 1e6, poll_ms, s.w.steps);
	soak_warp_detach_all(&s.w);
	/* one read a poll, each poll late by its MDIO frames at most (64 us each at the
	 * run-time 1 MHz clock, hardware.md 5): no fewer than two hours hold at poll + 2 ms
	 */
	QT_ASSERT(reads >= 2 * 3600 * 1000 / (poll_ms + 2) - 2,
		  "%" PRIu64 " heartbeat reads in two hours", reads);
	/* the thread's wait is rounded up to whole ms; MDIO frames cost their time */
	QT_ASSERT(lo >= poll_ms * 1000000ull && hi <= (poll_ms + 2) * 1000000ull,
		  "heartbeat read gaps %" PRIu64 " to %" PRIu64 " ns, poll %u ms", lo, hi,
		  poll_ms);
	QT_CHECK(dp_port_down(&s.p));
	return 0;
}
