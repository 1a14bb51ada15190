/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The soak's settle rule and agreement checks (soak_check.h).
 *
 * Settled: the model's PHY runs its firmware, its MAC link is what the world the soak made
 * implies (cable in, a module in the cage, port started, not set down), the driver reports
 * that link and the MAC's speed, and the PHY counters count what was injected (one firmware
 * load and one crash per crash, every MDIO error, link up minus link down events = link).
 * Each event must settle within its bound on the model's clock (the "reaction time"):
 *   a drop: seen at the next look, interrupt or poll: link_poll_ms;
 *   a link: the next poll, the MAC speed sequence, the 20 ms hold: 2 polls + 1 s;
 *   a module change: read at a periodic poll only (hardware.md 8.5): as a link;
 *   a crash: a heartbeat frozen 1 s (QT2025_HEARTBEAT_DEAD_MS) seen at a poll, then a
 *   full bring-up (firmware download, 8051 boot 200 ms) and a link: 2 polls + 5 s;
 *   an MDIO error armed "after n frames": a few polls until the frame is issued: 2 s.
 * The bounds are generous next to what the soak measures (the report prints the worst):
 * they catch a driver that forgets, not one that is slow by a poll.
 */

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "qt2025_link.h"
#include "soak_check.h"
#include "test_eal_util.h"

#define NS_PER_MS UINT64_C(1000000)

static const char *const ev_names[SOAK_EV_N] = {
	"cable", "module", "crash", "mdio", "admin", "startstop", "starve", "traffic",
};

static const char *const x_names[SOAK_X_N] = {
	"link_up_events", "link_down_events", "phy_fw_loads", "phy_fw_crashes",
	"phy_mdio_errors", "phy_mdio_timeouts", "mac_link_resets",
};

static uint64_t
xs(const struct soak *s, enum soak_x x)
{
	uint64_t v = UINT64_MAX;

	if (rte_eth_xstats_get_by_id(s->p.id, &s->xid[x], &v, 1) != 1)
		return UINT64_MAX;
	return v;
}

static bool
lights(enum qt_sim_module m)
{
	return m != QT_SIM_MODULE_NONE && m != QT_SIM_MODULE_INVALID;
}

/* Why the driver and the model do not agree yet ("" when they do). */
static const char *
disagreement(struct soak *s, char *buf, size_t len)
{
	bool expect = s->cable && lights(s->module) && s->started && !s->admin_down;
	struct rte_eth_link l;
	struct qt_sim_obs o;
	uint64_t up = xs(s, SOAK_X_UP), down = xs(s, SOAK_X_DOWN);

	qt_sim_observe(s->p.sim, &o);
	memset(&l, 0, sizeof(l));
	buf[0] = '\0';
	if (rte_eth_link_get_nowait(s->p.id, &l) != 0)
		snprintf(buf, len, "rte_eth_link_get_nowait failed");
	else if (o.phy_state != QT_SIM_PHY_RUNNING)
		snprintf(buf, len, "model PHY %s (%.100s)", qt_sim_phy_state_name(o.phy_state),
			 o.fail_reason);
	else if (o.mac_link != expect)
		snprintf(buf, len, "model MAC link %d, the world says %d (speed %u)",
			 o.mac_link, expect, o.mac_speed);
	else if (l.link_status != (s->started && o.mac_link))
		snprintf(buf, len, "reported link %u, model %d (started %d)", l.link_status,
			 o.mac_link, s->started);
	else if (l.link_status && l.link_speed != o.mac_speed)
		snprintf(buf, len, "reported speed %u, model %u", l.link_speed, o.mac_speed);
	else if (xs(s, SOAK_X_LOADS) != s->x0[SOAK_X_LOADS] + s->crashes ||
		 xs(s, SOAK_X_CRASHES) != s->x0[SOAK_X_CRASHES] + s->crashes)
		snprintf(buf, len, "phy_fw_loads +%" PRIu64 ", phy_fw_crashes +%" PRIu64
			 ", crashes injected %" PRIu64, xs(s, SOAK_X_LOADS) - s->x0[SOAK_X_LOADS],
			 xs(s, SOAK_X_CRASHES) - s->x0[SOAK_X_CRASHES], s->crashes);
	else if (xs(s, SOAK_X_MDIO_ERR) != s->x0[SOAK_X_MDIO_ERR] + s->mdio_errors)
		snprintf(buf, len, "phy_mdio_errors +%" PRIu64 ", injected %" PRIu64,
			 xs(s, SOAK_X_MDIO_ERR) - s->x0[SOAK_X_MDIO_ERR], s->mdio_errors);
	else if (up - down != (uint64_t)o.mac_link)
		snprintf(buf, len, "link_up_events %" PRIu64 " - link_down_events %" PRIu64
			 " != model link %d", up, down, o.mac_link);
	return buf;
}

static bool
settled(void *arg)
{
	char buf[160];

	return disagreement(arg, buf, sizeof(buf))[0] == '\0';
}

static uint64_t
bound_ns(const struct soak *s)
{
	uint64_t poll = (uint64_t)s->poll_ms * NS_PER_MS;

	switch (s->ev) {
	case SOAK_EV_CRASH:
		return 2 * poll + 6000 * NS_PER_MS;
	case SOAK_EV_MDIO:
		return 2 * poll + 2000 * NS_PER_MS;
	default:
		return 2 * poll + 1000 * NS_PER_MS;
	}
}

static void
note_time(struct soak *s)
{
	s->model_ns = soak_warp_now(&s->w) - s->t0_ns;
}

/* A transient MDIO error restarted the PHY (before the watch retried failed reads, with
 * link_poll_ms >= 1000 one unreadable heartbeat was a crash): counted; a failure when
 * strict (the default).
 */
static int
mdio_restarts(struct soak *s)
{
	uint64_t crashes = xs(s, SOAK_X_CRASHES) - s->x0[SOAK_X_CRASHES], t;

	/* a crash is only declared after the heartbeat looked frozen for a second */
	t = soak_warp(&s->w, 1000 * NS_PER_MS + 2ull * s->poll_ms * NS_PER_MS, NULL, NULL);
	if (t == UINT64_MAX)
		return 0;
	crashes = xs(s, SOAK_X_CRASHES) - s->x0[SOAK_X_CRASHES];
	if (crashes <= s->crashes)
		return 0;
	s->restarts += crashes - s->crashes;
	if (s->strict) {
		snprintf(s->why, sizeof(s->why), "%" PRIu64 " PHY restart(s) after a transient "
			 "MDIO error", crashes - s->crashes);
		return -1;
	}
	s->crashes = crashes;
	return 0;
}

int
soak_settle(struct soak *s)
{
	uint64_t t;
	char buf[160];

	if (s->ev == SOAK_EV_MDIO && mdio_restarts(s) != 0)
		return -1;
	t = soak_warp(&s->w, bound_ns(s), settled, s);

	note_time(s);
	if (t == UINT64_MAX) {
		snprintf(s->why, sizeof(s->why), "stall: %s", s->w.why);
		return -1;
	}
	if (disagreement(s, buf, sizeof(buf))[0] != '\0') {
		snprintf(s->why, sizeof(s->why), "not settled after %" PRIu64 " ms: %s",
			 t / NS_PER_MS, buf);
		return -1;
	}
	s->count[s->ev]++;
	if (t > s->worst_ns[s->ev])
		s->worst_ns[s->ev] = t;
	return 0;
}

int
soak_idle(struct soak *s, uint64_t ns)
{
	uint64_t t = soak_warp(&s->w, ns, NULL, NULL);
	char buf[160];

	note_time(s);
	if (t == UINT64_MAX) {
		snprintf(s->why, sizeof(s->why), "stall while quiet: %s", s->w.why);
		return -1;
	}
	snprintf(s->what, sizeof(s->what), "quiet %" PRIu64 " s", ns / UINT64_C(1000000000));
	s->ev = SOAK_EV_N;
	if (disagreement(s, buf, sizeof(buf))[0] != '\0') {
		snprintf(s->why, sizeof(s->why), "changed while nothing happened: %s", buf);
		return -1;
	}
	if (xs(s, SOAK_X_UP) + xs(s, SOAK_X_DOWN) != s->link_events ||
	    qtt_lsc_count(s->p.id) != s->lsc) {
		snprintf(s->why, sizeof(s->why), "a link event while nothing happened");
		return -1;
	}
	return 0;
}

int
soak_traffic(struct soak *s, unsigned int n, uint16_t len, uint8_t seed)
{
	struct rte_mbuf *m[64], *r[64];
	unsigned int i, sent = 0, tries, empty;
	uint16_t k;

	for (i = 0; i < n && i < RTE_DIM(m); i++) {
		m[i] = dp_frame(s->p.mp, NULL, len, (uint8_t)(seed + i));
		if (m[i] == NULL) {
			dp_free(m, (uint16_t)i);
			return -ENOBUFS;
		}
	}
	n = i;
	for (tries = 0; sent < n && tries < 4; tries++)
		sent += rte_eth_tx_burst(s->p.id, 0, m + sent, (uint16_t)(n - sent));
	dp_free(m + sent, (uint16_t)(n - sent));
	s->sent += sent;
	/* the loopback plug brings them back as the DMA engines run; they run on the
	 * driver's register accesses and on the clock
	 */
	for (empty = 0; empty < 4; ) {
		k = rte_eth_rx_burst(s->p.id, 0, r, RTE_DIM(r));
		if (k == 0) {
			if (++empty == 2 && soak_warp(&s->w, NS_PER_MS, NULL, NULL) == UINT64_MAX)
				return -EBUSY;
			continue;
		}
		empty = 0;
		s->received += k;
		dp_free(r, k);
	}
	rte_eth_tx_done_cleanup(s->p.id, 0, 0);
	return 0;
}

/* Packet counters: the driver's against the model's and the application's. */
static int
check_packets(struct soak *s)
{
	struct rte_eth_stats st;
	struct qt_sim_obs o;
	uint64_t missed, errors, drops, in_use, sent_ok, lost, arrived, link_down = 0;

	qt_sim_observe(s->p.sim, &o);
	memset(&st, 0, sizeof(st));
	rte_eth_stats_get(s->p.id, &st);
	/* what completed while the port reported no link is not in opackets */
	qtt_xstat(s->p.id, "tx_link_down_packets", &link_down);
	link_down -= s->link_down0;
	missed = (o.rx_drop_no_rxf - s->o0.rx_drop_no_rxf) +
		 (o.rx_drop_rxd_full - s->o0.rx_drop_rxd_full) +
		 (o.rx_drop_buf_small - s->o0.rx_drop_buf_small);
	errors = (o.rx_drop_crc - s->o0.rx_drop_crc) + (o.rx_drop_runt - s->o0.rx_drop_runt) +
		 (o.rx_drop_too_long - s->o0.rx_drop_too_long);
	drops = missed + errors + (o.rx_drop_disabled - s->o0.rx_drop_disabled) +
		(o.rx_drop_filter - s->o0.rx_drop_filter) +
		(o.rx_drop_wire - s->o0.rx_drop_wire);
	sent_ok = o.tx_frames - s->o0.tx_frames;
	lost = o.tx_lost - s->o0.tx_lost;
	arrived = (o.rx_frames - s->o0.rx_frames) + drops + o.rx_queued;
	if (o.violations != 0 || o.tx_stopped || o.rx_stopped)
		snprintf(s->why, sizeof(s->why), "model: %" PRIu64 " violations (%.100s)",
			 o.violations, o.fail_reason);
	else if (st.ipackets - s->st0.ipackets != o.rx_frames - s->o0.rx_frames ||
		 st.ipackets - s->st0.ipackets != s->received)
		snprintf(s->why, sizeof(s->why), "ipackets +%" PRIu64 ", model delivered +%"
			 PRIu64 ", application got %" PRIu64, st.ipackets - s->st0.ipackets,
			 o.rx_frames - s->o0.rx_frames, s->received);
	else if (st.opackets - s->st0.opackets + link_down != s->sent ||
		 o.tx_descs - s->o0.tx_descs != s->sent)
		snprintf(s->why, sizeof(s->why), "opackets +%" PRIu64 " (+%" PRIu64 " with the "
			 "link down), model took +%" PRIu64 ", application sent %" PRIu64,
			 st.opackets - s->st0.opackets, link_down, o.tx_descs - s->o0.tx_descs,
			 s->sent);
	else if (st.imissed - s->st0.imissed != missed)
		snprintf(s->why, sizeof(s->why), "imissed +%" PRIu64 ", model dropped +%" PRIu64
			 " for want of buffers", st.imissed - s->st0.imissed, missed);
	else if (st.ierrors - s->st0.ierrors != errors)
		snprintf(s->why, sizeof(s->why), "ierrors +%" PRIu64 ", model bad frames +%"
			 PRIu64, st.ierrors - s->st0.ierrors, errors);
	else if (arrived > sent_ok || sent_ok > arrived + lost || s->sent > sent_ok + lost)
		/* a frame the MAC sends on a live link arrives (a loopback plug) or is lost
		 * for want of light at the far end; one sent on a dead link is lost
		 */
		snprintf(s->why, sizeof(s->why), "frames vanished: taken %" PRIu64 ", sent %"
			 PRIu64 ", lost %" PRIu64 ", arrived %" PRIu64, s->sent, sent_ok, lost,
			 arrived);
	if (s->why[0] != '\0')
		return -1;
	in_use = rte_mempool_in_use_count(s->p.mp);
	if (s->in_use[s->started] == UINT32_MAX)
		s->in_use[s->started] = (unsigned int)in_use;
	if (in_use != s->in_use[s->started]) {
		snprintf(s->why, sizeof(s->why), "mempool: %" PRIu64 " mbufs in use, %u when "
			 "last %s", in_use, s->in_use[s->started],
			 s->started ? "started" : "stopped");
		return -1;
	}
	return 0;
}

int
soak_check(struct soak *s)
{
	uint64_t events = xs(s, SOAK_X_UP) + xs(s, SOAK_X_DOWN), dev = events - s->link_events;
	unsigned int lsc = qtt_lsc_count(s->p.id), dl = lsc - s->lsc;
	int link = qtt_link(s->p.id);

	if (xs(s, SOAK_X_MDIO_TMO) != s->x0[SOAK_X_MDIO_TMO]) {
		snprintf(s->why, sizeof(s->why), "phy_mdio_timeouts +%" PRIu64 " (none injected)",
			 xs(s, SOAK_X_MDIO_TMO) - s->x0[SOAK_X_MDIO_TMO]);
		return -1;
	}
	/* an MDIO error on a link that stayed up is no link event */
	if (s->ev == SOAK_EV_MDIO && s->link_before && dev != 0) {
		s->flaps++;
		if (s->strict) {
			snprintf(s->why, sizeof(s->why), "%" PRIu64 " link events after a "
				 "transient MDIO error on an up link", dev);
			return -1;
		}
	}
	/* while started throughout: one callback per reported change at most (an alarm
	 * not yet delivered takes the next change along), at least one if the link changed
	 */
	if (s->ev != SOAK_EV_STARTSTOP && s->started &&
	    (dl > dev || (link != s->link && dl == 0))) {
		snprintf(s->why, sizeof(s->why), "%u LSC callbacks for %" PRIu64 " link events, "
			 "link %d -> %d", dl, dev, s->link, link);
		return -1;
	}
	if (!s->started && dl != 0) {
		snprintf(s->why, sizeof(s->why), "%u LSC callbacks on a stopped port", dl);
		return -1;
	}
	s->link = link;
	s->lsc = lsc;
	s->link_events = events;
	return check_packets(s);
}

int
soak_begin(struct soak *s, const char *name, const char *args)
{
	const struct dp_cfg c = { .name = name, .args = args, .no_wait = true };
	unsigned int i;

	s->started = s->cable = true;
	s->module = QT_SIM_MODULE_SR;   /* the vdev's default module (devargs) */
	s->in_use[0] = s->in_use[1] = UINT32_MAX;
	if (dp_port_up(&c, &s->p) != 0)
		return -1;
	if (soak_warp_attach(&s->w, s->p.id) != 0 || qtt_lsc_register(s->p.id) != 0) {
		fprintf(stderr, "    %s\n", s->w.why);
		return -1;
	}
	for (i = 0; i < SOAK_X_N; i++)
		if (rte_eth_xstats_get_id_by_name(s->p.id, x_names[i], &s->xid[i]) != 0) {
			fprintf(stderr, "    no xstat %s\n", x_names[i]);
			return -1;
		}
	qt_sim_observe(s->p.sim, &s->o0);
	s->module = s->o0.module;
	/* x0 stays 0 until the first settle: the first bring-up is one load, no crash */
	s->crashes = 0;
	s->x0[SOAK_X_LOADS] = 1;
	s->ev = SOAK_EV_CABLE;
	if (soak_settle(s) != 0) {
		fprintf(stderr, "    first link: %s\n", s->why);
		return -1;
	}
	for (i = 0; i < SOAK_X_N; i++)
		s->x0[i] = xs(s, (enum soak_x)i);
	s->t0_ns = soak_warp_now(&s->w);
	qt_sim_observe(s->p.sim, &s->o0);
	rte_eth_stats_get(s->p.id, &s->st0);
	qtt_xstat(s->p.id, "tx_link_down_packets", &s->link_down0);
	s->link = qtt_link(s->p.id);
	s->lsc = qtt_lsc_count(s->p.id);
	s->link_events = xs(s, SOAK_X_UP) + xs(s, SOAK_X_DOWN);
	s->count[SOAK_EV_CABLE] = 0;
	return check_packets(s);
}

void
soak_report(const struct soak *s, uint64_t seed, uint64_t real_ms)
{
	unsigned int i;

	printf("    soak: seed %" PRIu64 ": %.3f simulated days in %.1f s real, %" PRIu64
	       " events, %" PRIu64 " clock jumps, %" PRIu64 " frames sent, %" PRIu64
	       " received\n", seed, (double)s->model_ns / 86400e9, (double)real_ms / 1000,
	       s->events, s->w.steps, s->sent, s->received);
	for (i = 0; i < SOAK_EV_N; i++)
		printf("    soak:   %-10s %6" PRIu64 " settled, worst reaction %6.1f ms\n",
		       ev_names[i], s->count[i], (double)s->worst_ns[i] / NS_PER_MS);
	printf("    soak: mac_link_resets +%" PRIu64 ", phy_mdio_timeouts +%" PRIu64 "\n",
	       xs(s, SOAK_X_MAC_RESETS) - s->x0[SOAK_X_MAC_RESETS],
	       xs(s, SOAK_X_MDIO_TMO) - s->x0[SOAK_X_MDIO_TMO]);
	printf("    soak: after a transient MDIO error: %" PRIu64 " link flaps, %" PRIu64
	       " PHY restarts (counted, not failed, with QT2025_SOAK_STRICT=0)\n",
	       s->flaps, s->restarts);
	fflush(stdout);
}
