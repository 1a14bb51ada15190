/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The PHY control thread and the link state (design.md "Who runs what").
 *
 * One thread per port, primary process only, owns the MDIO bus: it brings the PHY up
 * (qt2025_bringup.c), then watches the link (qt2025_watch.c judges). It sleeps on an eventfd
 * that the link-change interrupt (LNKCHG0) and the control ops write, with the poll period
 * as time-out, so polling covers what interrupts miss (module pulled, firmware crash). What
 * the judge reports goes into dev_link, and the application's LSC callback runs on the EAL
 * interrupt thread, from an alarm, with no driver lock held (a drop is told sooner by the
 * interrupt handler itself, qt2025_link_drop_intr in qt2025_publish.c).
 */

#include <poll.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <rte_interrupts.h>

#include "qt_phy_errata.h"
#include "qt2025_link.h"
#include "qt2025_devargs.h"
#include "qt2025_ethdev.h"
#include "qt2025_ops.h"
#include "qt2025_port.h"
#include "qt2025_telemetry.h"
#include "tn40_hw.h"
#include "tn40_mdio.h"

#define WARM_CLOCK_DEADLINE_MS 1000     /* warm start: 1 MHz at link up, or after this */
/* close waits this long for the PHY thread: every wait in it checks stop within a few ms */
/* every PHY-thread wait checks stop at least each 10 ms (qt_delay_ns, the download every
 * KiB); a thread not gone by then is stuck on a bug: close must not hang with it
 */
#define QT2025_JOIN_MS 10000

/* ---- what the watch publishes (qt2025_publish.c publishes state and firmware) ---- */

/* no_link: why the running port has no link ("" when up), NULL to keep the last one */
static void
pub_watch(struct qt2025_adapter *ad, const struct qt2025_obs *o, uint32_t mac_speed,
	  const char *no_link)
{
	qt2025_seq_write_begin(&ad->info_seq);
	if (no_link != NULL)
		snprintf(ad->info.no_link, sizeof(ad->info.no_link), "%s", no_link);
	if (o->watch_ok) {
		ad->info.module = o->module;
		ad->info.heartbeat = o->heartbeat;
	}
	ad->info.phy_link = o->phy_ok && qt_phy_link_up(&o->phy);
	ad->info.mac_link = o->mac;
	ad->info.mac_speed = mac_speed;
	qt2025_seq_write_end(&ad->info_seq);
}

static void
sync_mdio_counters(struct qt2025_adapter *ad, const struct qt_hw *hw)
{
	rte_atomic_store_explicit(&ad->cnt.mdio_errors, hw->mdio.errors,
				  rte_memory_order_relaxed);
	rte_atomic_store_explicit(&ad->cnt.mdio_timeouts, hw->mdio.timeouts,
				  rte_memory_order_relaxed);
}

/* ---- thread plumbing ---- */

static bool
stop_requested(void *arg)
{
	struct qt2025_link_ctx *ctx = arg;

	return rte_atomic_load_explicit(&ctx->stop, rte_memory_order_acquire) != 0;
}

void
qt2025_link_wake(struct qt2025_link_ctx *ctx)
{
	uint64_t one = 1;

	if (write(ctx->wake_fd, &one, sizeof(one)) != sizeof(one))
		QT_LOG(ERR, phy, ctx->hw->name, "cannot wake the PHY thread");
}

/* Sleeps up to ms, returning early when woken; true when the thread must stop. */
static bool
wait_event(struct qt2025_link_ctx *ctx, uint64_t ms)
{
	struct pollfd pfd = { .fd = ctx->wake_fd, .events = POLLIN };
	uint64_t v;

	if (stop_requested(ctx))
		return true;
	if (poll(&pfd, 1, (int)RTE_MIN(ms, (uint64_t)INT32_MAX)) > 0 &&
	    read(ctx->wake_fd, &v, sizeof(v)) < 0)
		v = 0;
	return stop_requested(ctx);
}

/* ---- link watching ---- */

/* What set_link_up/down and lpbk_mode ask for, into the PHY. force: whatever the thread
 * believes, as after a bring-up (a warm start finds the PHY as the last process left it).
 */
static int
apply_requests(struct qt2025_link_ctx *ctx, bool force)
{
	struct qt2025_adapter *ad = qt2025_adapter(ctx->dev);
	uint32_t gen = rte_atomic_load_explicit(&ad->req_gen, rte_memory_order_acquire);
	/* as ixgbe, i40e, txgbe: a stopped port's transmitter is off, the peer sees no link */
	bool low = rte_atomic_load_explicit(&ad->admin_down, rte_memory_order_relaxed) != 0 ||
		   rte_atomic_load_explicit(&ad->started, rte_memory_order_acquire) == 0;
	bool lpbk = rte_atomic_load_explicit(&ad->loopback, rte_memory_order_relaxed) != 0;
	int rc = 0;

	if (gen == ctx->applied_gen && !force)
		return 0;
	if (low != ctx->low_power || force) {
		rc = qt_phy_set_low_power(ctx->hw, low);
		if (rc == 0 && low != ctx->low_power)
			QT_PHY_LOG(INFO, ad, "PHY %s", low ? "in low power (link down)" :
				   "powered (link up)");
		if (rc == 0)
			ctx->low_power = low;
	}
	if (rc == 0 && (lpbk != ctx->loopback || force)) {
		rc = qt_phy_set_loopback(ctx->hw, lpbk);
		if (rc == 0)
			ctx->loopback = lpbk;
	}
	if (rc == 0) {
		ctx->applied_gen = gen;
		rte_atomic_store_explicit(&ad->ack_gen, gen, rte_memory_order_release);
	}
	return rc;
}

/* One look at the link; returns false when the firmware crashed. */
static bool
check_link(struct qt2025_link_ctx *ctx, bool periodic)
{
	struct qt2025_adapter *ad = qt2025_adapter(ctx->dev);
	struct qt2025_obs o;
	unsigned int act;

	/* a failed request is retried next time; the watch below still runs */
	apply_requests(ctx, false);
	/* a MAC link gone is told before any MDIO (which may wait for a clock settle) */
	qt2025_observe_mac(ctx->hw, periodic, &o);
	act = qt2025_judge_mac(&ctx->judge, &o);
	if (act != 0) {
		qt2025_link_count(ctx, act);
		qt2025_link_publish(ctx);
	}
	qt2025_observe_phy(ctx->hw, &o);
	if (o.watch_ok)
		qt2025_sfp_refresh(ad, ctx->hw, o.module);
	act = qt2025_judge(&ctx->judge, &o);
	qt2025_link_count(ctx, act);
	if (act & QT2025_ACT_CRASH) {
		QT_PHY_LOG(ERR, ad, "PHY firmware heartbeat %s: restarting the PHY",
			   o.watch_ok ? "stopped" : "unreadable");
		rte_atomic_fetch_add_explicit(&ad->cnt.fw_crashes, 1, rte_memory_order_relaxed);
		qt2025_link_publish(ctx);
		sync_mdio_counters(ad, ctx->hw);
		return false;
	}
	if (o.watch_ok) {
		if (o.module != ad->info.module)
			QT_PHY_LOG(INFO, ad, "SFP+ module: %s", qt2025_module_name(o.module));
		qt2025_configure_mac(ctx, o.module);
	}
	if (act & QT2025_ACT_MAC_RESET) {
		QT_PHY_LOG(NOTICE, ad, "MAC link stays down with PHY link up: MAC reset");
		rte_atomic_fetch_add_explicit(&ad->cnt.mac_resets, 1, rte_memory_order_relaxed);
		tn40_set_speed(ctx->hw, 0);
		ctx->mac_speed = 0;
		qt2025_configure_mac(ctx, ad->info.module);
	}
	if (act & QT2025_ACT_PCS_KICK) {
		/* harmless without the erratum: the loopback is gone before the next look */
		QT_PHY_LOG(NOTICE, ad, "light but no PCS block lock: PMA loopback pulse "
			   "(hardware.md 8.7), next in %u s if it lasts",
			   ctx->judge.pcs_kick_ms / 1000);
		qt_phy_errata_pcs_kick(ctx->hw);
	}
	pub_watch(ad, &o, ctx->mac_speed, periodic || ctx->judge.up ?
		  qt2025_no_link_reason(&ctx->judge, &o, ctx->low_power,
					rte_atomic_load_explicit(&ad->admin_down,
								 rte_memory_order_relaxed))
		  : NULL);
	/* idempotent: catches a dev_start that raced with a change */
	qt2025_link_publish(ctx);
	sync_mdio_counters(ad, ctx->hw);
	return true;
}

/* Watches until the firmware crashes (false) or the thread must stop (true). */
static bool
watch(struct qt2025_link_ctx *ctx)
{
	struct qt2025_adapter *ad = qt2025_adapter(ctx->dev);
	uint64_t poll_ns = (uint64_t)ad->args.link_poll_ms * QT_NS_PER_MS, next_poll = 0;

	for (;;) {
		uint64_t now = qt_now_ns(ctx->hw), wake_at;
		bool periodic = now >= next_poll;

		if (periodic)
			next_poll = now + poll_ns;
		if (!check_link(ctx, periodic))
			return false;
		if (periodic)
			qt2025_tx_watch(ctx, now);
		/* warm start: the clock change (and its settle) waits for the link */
		if (ctx->clock_pending && (ctx->judge.up || now - ctx->running_ns >
					   WARM_CLOCK_DEADLINE_MS * QT_NS_PER_MS)) {
			tn40_mdio_set_clock(ctx->hw, TN40_MDIO_CLK_1MHZ);  /* tn40_priv_init */
			ctx->clock_pending = false;
		}
		now = qt_now_ns(ctx->hw);
		wake_at = RTE_MIN(next_poll, qt2025_judge_due(&ctx->judge));
		/* rounded up: a wait of 0 ms would spin on the link until it is due */
		if (wait_event(ctx, (wake_at - RTE_MIN(wake_at, now) + QT_NS_PER_MS - 1) /
				    QT_NS_PER_MS))
			return true;
	}
}

/*
 * Watching wakes for a few MDIO frames at a time: at a raised priority where the process
 * may raise one, so that a busy-polling lcore on the same CPU does not hold a link event
 * for its time slice (design.md "Who runs what"). Said once per process when it may not.
 */
static void
watch_prio(struct qt2025_link_ctx *ctx)
{
	static RTE_ATOMIC(uint32_t) told;
	const char *how = qt_thread_raise_prio();

	if (how == NULL && rte_atomic_exchange_explicit(&told, 1, rte_memory_order_relaxed) == 0)
		QT_PHY_LOG(NOTICE, qt2025_adapter(ctx->dev), "PHY thread at the default priority "
			   "(SCHED_FIFO and nice -10 need CAP_SYS_NICE or RLIMIT_RTPRIO/NICE): "
			   "a link event may wait for a busy CPU's time slice");
	else if (how != NULL)
		QT_PHY_LOG(DEBUG, qt2025_adapter(ctx->dev), "PHY thread watches at %s priority",
			   how);
}

static uint32_t
phy_thread(void *arg)
{
	struct qt2025_link_ctx *ctx = arg;
	struct qt2025_adapter *ad = qt2025_adapter(ctx->dev);
	struct qt_phy_fw_state fs;
	bool crashed = false;

	qt2025_phy_cpu_check(ad);
	while (qt2025_bringup(ctx, crashed, &fs) == 0) {
		if (crashed)
			qt2025_link_recovery_event(ctx, QT2025_REC_SUCCESS);
		qt2025_judge_init(&ctx->judge, qt_now_ns(ctx->hw), fs.heartbeat,
				  ad->args.link_poll_ms);
		apply_requests(ctx, true);
		watch_prio(ctx);
		crashed = !watch(ctx);
		/* a bring-up is 0.5 s of MDIO: at the default priority, as it shares a CPU */
		qt_thread_default_prio();
		if (!crashed)
			break;
		qt2025_link_recovery_event(ctx, QT2025_REC_RECOVERING);
	}
	/* a bring-up after a crash that failed (not one the close interrupted) */
	if (crashed && qt2025_state_get(ad) == QT2025_ST_FAILED)
		qt2025_link_recovery_event(ctx, QT2025_REC_FAILED);
	/* a failed bring-up leaves nothing to watch: sleep until the port is closed; the
	 * TXD FIFO is the rings' whatever happened
	 */
	rte_atomic_store_explicit(&ad->nic_fw_done, 1, rte_memory_order_release);
	while (!stop_requested(ctx) && !wait_event(ctx, UINT32_MAX))
		;
	sync_mdio_counters(ad, ctx->hw);
	return 0;
}

/* ---- ethdev side ---- */

int
qt2025_link_init(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt2025_proc *proc = qt2025_proc(dev);
	struct qt2025_link_ctx *ctx;

	ctx = calloc(1, sizeof(*ctx));
	if (ctx == NULL)
		return -ENOMEM;
	ctx->dev = dev;
	ctx->hw = &proc->hw;
	rte_spinlock_init(&ctx->pub_lock);
	pthread_mutex_init(&ctx->dp_lock, NULL);
	ctx->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (ctx->wake_fd < 0) {
		free(ctx);
		return -errno;
	}
	qt_hw_set_stop(&proc->hw, stop_requested, ctx);
	ad->probe_ns = qt_now_ns(&proc->hw);
	qt2025_pub_state(ad, QT2025_ST_PROBING);
	proc->link = ctx;
	return 0;
}

int
qt2025_link_thread_start(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt2025_link_ctx *ctx = qt2025_proc(dev)->link;
	char tname[16];
	int rc;

	snprintf(tname, sizeof(tname), "qt-phy-%u", dev->data->port_id);
	rc = qt_ctrl_thread_start(&ctx->thread, tname, phy_thread, ctx);
	if (rc != 0) {
		QT_INIT_LOG(ERR, ad->name, "cannot start the PHY control thread: %s",
			    strerror(rc < 0 ? -rc : rc));
		return rc < 0 ? rc : -rc;
	}
	ctx->thread_on = true;
#ifdef QT2025_DEBUG_WINDOW_US
	QT_INIT_LOG(WARNING, ad->name, "debug build: PHY info readers sleep %u us between "
		    "their sequence loads (qt2025_debug_window)", QT2025_DEBUG_WINDOW_US);
#endif
	return 0;
}

int
qt2025_link_uninit(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt2025_proc *proc = qt2025_proc(dev);
	struct qt2025_link_ctx *ctx = proc->link;

	if (ctx == NULL)
		return 0;
	if (!ctx->thread_on)
		goto free_ctx;
	/* Order matters (design.md "DPDK conventions"): the caller took the interrupt away;
	 * no thread, no alarm, then free.
	 */
	rte_atomic_store_explicit(&ctx->stop, 1, rte_memory_order_release);
	qt2025_link_wake(ctx);
	if (qt_ctrl_thread_join(&ctx->thread, QT2025_JOIN_MS) != 0) {
		/* A thread stuck past every stop check (a bug, or a wait on the hardware that
		 * never ends): close must not hang with it. Its context, eventfd and stop hook
		 * are left to it (leaked), so that when it wakes it sees stop and exits.
		 */
		QT_PHY_LOG(ERR, ad, "PHY thread did not stop within %u ms (a driver bug): left "
			   "behind with this process's port state, which is not freed",
			   QT2025_JOIN_MS);
		qt2025_link_lsc_cancel(dev);
		qt2025_link_recovery_cancel(ctx);
		qt2025_pub_state(ad, QT2025_ST_STOPPED);
		proc->link = NULL;
		return -ETIMEDOUT;
	}
	qt2025_link_lsc_cancel(dev);
	qt2025_link_recovery_cancel(ctx);
	qt2025_pub_state(ad, QT2025_ST_STOPPED);
free_ctx:
	close(ctx->wake_fd);
	qt_hw_set_stop(&proc->hw, NULL, NULL);
	proc->link = NULL;
	pthread_mutex_destroy(&ctx->dp_lock);
	free(ctx);
	return 0;
}
