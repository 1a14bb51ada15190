/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The PHY control thread and the link state (DESIGN.md "Who runs what").
 *
 * One thread per port, primary process only, owns the MDIO bus: it brings the QT2025 up
 * (firmware download, ready wait), loads the NIC firmware, then watches the link. It sleeps
 * on an eventfd that the link-change interrupt (LNKCHG0) and the control ops write, with
 * the poll period as time-out, so polling covers what interrupts miss (module pulled,
 * firmware crash). A link change is published into dev_link at once when the link drops
 * and after a stable hold when it comes up; the application's LSC callback then runs on
 * the EAL interrupt thread, from an alarm, with no driver lock held.
 */

#include <poll.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <rte_alarm.h>
#include <rte_interrupts.h>
#include <rte_memzone.h>

#include "qt2025_ethdev.h"
#include "qt2025_phy.h"
#include "tn40_hw.h"
#include "tn40_mdio.h"

#define LINK_HOLD_MS 20                 /* link must stay up this long before it is reported */
#define HEARTBEAT_DEAD_MS 1000          /* a frozen heartbeat this long is a crashed 8051 */
#define MAC_RECOVER_POLLS 12            /* 7.1: the 12th down evaluation resets the MAC */
#define LSC_ALARM_US 1

struct qt2025_link_ctx {
	struct rte_eth_dev *dev;
	struct qt_hw *hw;
	qt_thread_t thread;
	int wake_fd;
	RTE_ATOMIC(uint32_t) stop;
	struct rte_intr_handle *intr;
	bool intr_on;
	rte_spinlock_t pub_lock;        /* publications into dev_link vs start/stop */

	/* PHY thread only */
	bool reported_up;
	uint64_t up_since_ns;           /* 0: not holding */
	uint8_t last_heartbeat;
	uint64_t heartbeat_ns;          /* when the heartbeat last moved */
	unsigned int mac_down_polls;
	uint32_t mac_speed;
	uint32_t applied_gen;
	bool low_power;
	bool loopback;
	bool clock_pending;             /* warm start: 6 MHz to be set once the link is up */
	uint64_t running_ns;            /* when the last bring-up completed */
};

static const char *const state_names[] = {
	[QT2025_ST_PROBING] = "probing",
	[QT2025_ST_IDENTIFY] = "identify",
	[QT2025_ST_FW_LOAD] = "firmware-download",
	[QT2025_ST_FW_WAIT] = "firmware-boot",
	[QT2025_ST_NIC_FW] = "nic-firmware",
	[QT2025_ST_RUNNING] = "running",
	[QT2025_ST_FAILED] = "failed",
	[QT2025_ST_STOPPED] = "stopped",
};

const char *
qt2025_state_name(enum qt2025_state st)
{
	return (unsigned int)st < RTE_DIM(state_names) ? state_names[st] : "unknown";
}

static uint64_t
mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static void
set_state(struct qt2025_adapter *ad, enum qt2025_state st)
{
	rte_atomic_store_explicit(&ad->state, st, rte_memory_order_release);
}

static void
set_reason(struct qt2025_adapter *ad, const char *reason)
{
	rte_spinlock_lock(&ad->info_lock);
	snprintf(ad->info.reason, sizeof(ad->info.reason), "%s", reason);
	rte_spinlock_unlock(&ad->info_lock);
}

static void
wake(struct qt2025_link_ctx *ctx)
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

	if (rte_atomic_load_explicit(&ctx->stop, rte_memory_order_acquire))
		return true;
	if (poll(&pfd, 1, (int)RTE_MIN(ms, (uint64_t)INT32_MAX)) > 0 &&
	    read(ctx->wake_fd, &v, sizeof(v)) < 0)
		v = 0;
	return rte_atomic_load_explicit(&ctx->stop, rte_memory_order_acquire) != 0;
}

static void
sync_mdio_counters(struct qt2025_adapter *ad, const struct qt_hw *hw)
{
	rte_atomic_store_explicit(&ad->cnt.mdio_errors, hw->mdio.errors,
				  rte_memory_order_relaxed);
	rte_atomic_store_explicit(&ad->cnt.mdio_timeouts, hw->mdio.timeouts,
				  rte_memory_order_relaxed);
}

/* ---- LSC delivery ---- */

static void
lsc_alarm(void *arg)
{
	struct rte_eth_dev *dev = arg;
	struct qt2025_adapter *ad = qt2025_adapter(dev);

	rte_atomic_store_explicit(&ad->lsc_pending, 0, rte_memory_order_release);
	if (rte_atomic_load_explicit(&ad->started, rte_memory_order_acquire))
		rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_LSC, NULL);
}

/* Publishes the link into dev_link (only while started) and arms one LSC alarm. */
static void
publish(struct qt2025_link_ctx *ctx, bool up, uint32_t speed)
{
	struct rte_eth_dev *dev = ctx->dev;
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct rte_eth_link link;

	/* under pub_lock, so that dev_start/dev_stop never interleave with a publication */
	rte_spinlock_lock(&ctx->pub_lock);
	if (!rte_atomic_load_explicit(&ad->started, rte_memory_order_acquire))
		goto out;
	qt_link_fill(&link, up, speed);
	if (rte_eth_linkstatus_set(dev, &link) != 0)
		goto out;
	if (dev->data->dev_conf.intr_conf.lsc &&
	    rte_atomic_exchange_explicit(&ad->lsc_pending, 1, rte_memory_order_acq_rel) == 0 &&
	    rte_eal_alarm_set(LSC_ALARM_US, lsc_alarm, dev) != 0) {
		rte_atomic_store_explicit(&ad->lsc_pending, 0, rte_memory_order_release);
		QT_LOG(ERR, phy, ad->name, "cannot arm the LSC alarm");
	}
out:
	rte_spinlock_unlock(&ctx->pub_lock);
}

static void
report(struct qt2025_link_ctx *ctx, bool up)
{
	struct qt2025_adapter *ad = qt2025_adapter(ctx->dev);

	if (ctx->reported_up == up)
		return;
	ctx->reported_up = up;
	if (up) {
		rte_atomic_fetch_add_explicit(&ad->cnt.link_up_events, 1,
					      rte_memory_order_relaxed);
		QT_LOG(INFO, phy, ad->name, "link up, %u Mbps full duplex", ctx->mac_speed);
	} else {
		rte_atomic_fetch_add_explicit(&ad->cnt.link_down_events, 1,
					      rte_memory_order_relaxed);
		QT_LOG(INFO, phy, ad->name, "link down");
	}
	publish(ctx, up, ctx->mac_speed);
}

/* The MAC follows the module's line rate (hw note 8.5, 6.3); it stays configured while
 * the link is down, so that the link coming back raises LNKCHG0.
 */
static void
configure_mac(struct qt2025_link_ctx *ctx, uint8_t module)
{
	uint32_t want = qt2025_module_speed(module);

	if (ctx->mac_speed == want)
		return;
	if (tn40_set_speed(ctx->hw, want) == 0)
		ctx->mac_speed = want;
	rte_spinlock_lock(&qt2025_adapter(ctx->dev)->info_lock);
	qt2025_adapter(ctx->dev)->info.mac_speed = ctx->mac_speed;
	rte_spinlock_unlock(&qt2025_adapter(ctx->dev)->info_lock);
}

/* ---- bring-up ---- */

static void
fail(struct qt2025_link_ctx *ctx, const char *fmt, int rc)
{
	struct qt2025_adapter *ad = qt2025_adapter(ctx->dev);
	char msg[128];

	snprintf(msg, sizeof(msg), fmt, rc < 0 ? strerror(-rc) : "");
	set_reason(ad, msg);
	set_state(ad, QT2025_ST_FAILED);
	QT_LOG(ERR, phy, ad->name, "PHY bring-up failed: %s; the port has no link", msg);
}

static void
store_fw_state(struct qt2025_adapter *ad, const struct qt2025_fw_state *fs, int addr)
{
	rte_spinlock_lock(&ad->info_lock);
	memcpy(ad->info.fw_version, fs->version, sizeof(fs->version));
	ad->info.module = fs->module;
	ad->info.heartbeat = fs->heartbeat;
	ad->info.phy_addr = addr;
	rte_spinlock_unlock(&ad->info_lock);
}

/* The NIC firmware needs DMA memory only while it is pushed (hw note 4.8, 6.4 step 10). */
static int
load_nic_fw(struct qt2025_link_ctx *ctx)
{
	struct qt2025_proc *proc = qt2025_proc(ctx->dev);
	const struct rte_memzone *mz;
	struct tn40_dma dma;
	char name[RTE_MEMZONE_NAMESIZE];
	int rc;

	if (tn40_nic_fw_loaded(ctx->hw))
		return 0;
	snprintf(name, sizeof(name), "qt2025_nicfw_%u", ctx->dev->data->port_id);
	mz = rte_memzone_reserve_aligned(name, TN40_FW_DMA_LEN, ctx->dev->data->numa_node,
					 RTE_MEMZONE_IOVA_CONTIG, 4096);
	if (mz == NULL)
		return -ENOMEM;
	dma.va = mz->addr;
	dma.iova = mz->iova;
	dma.len = mz->len;
	rc = tn40_nic_fw_load(ctx->hw, proc->nic_fw.data, proc->nic_fw.len, &dma);
	rte_memzone_free(mz);
	return rc;
}

/* 3.D7FD ready wait (hw note 8.3 step 15), polled every 10 ms and interruptible. */
static int
wait_fw_ready(struct qt2025_link_ctx *ctx, struct qt2025_fw_state *fs)
{
	uint64_t deadline = mono_ns() + QT2025_FW_READY_MS * QT_NS_PER_MS;
	int rc;

	for (;;) {
		rc = qt2025_read_fw_state(ctx->hw, fs);
		if (rc != 0)
			return rc;
		if (qt2025_fw_status_running(fs->status))
			return 0;
		if (mono_ns() >= deadline)
			return -ETIMEDOUT;
		if (wait_event(ctx, 10))
			return -EINTR;
	}
}

static bool
same_firmware(const struct qt2025_fw *img, const struct qt2025_fw_state *fs)
{
	return qt2025_fw_status_running(fs->status) && img->version_known &&
	       memcmp(img->version, fs->version, sizeof(fs->version)) == 0;
}

/*
 * A PHY that already runs the firmware this port would load needs no download and no
 * clock change before the link is up: look at it at whatever MDIO clock the controller has
 * (the 6 MHz a previous run left, or the reset default at which Linux scanned for years).
 * Quiet: failing here only means the normal path, which sets the clock first.
 */
static bool
warm_check(struct qt2025_link_ctx *ctx, const struct qt2025_fw *img, struct qt2025_fw_state *fs)
{
	uint32_t id;
	int addr;

	if (!img->version_known)
		return false;
	addr = tn40_mdio_scan(ctx->hw, &id);
	if (addr < 0 || id != QT2025_PHY_ID)
		return false;
	ctx->hw->phy_addr = addr;
	if (qt2025_read_fw_state(ctx->hw, fs) == 0 && same_firmware(img, fs))
		return true;
	ctx->hw->phy_addr = -1;
	return false;
}

/* The PHY runs what we would load (DESIGN.md "Firmware"): only the NIC may need its own. */
static int
skip_download(struct qt2025_link_ctx *ctx, const struct qt2025_fw_state *fs)
{
	struct qt2025_adapter *ad = qt2025_adapter(ctx->dev);
	int rc;

	QT_LOG(INFO, phy, ad->name, "PHY already runs firmware %u.%u.%u.%u: download skipped",
	       fs->version[0], fs->version[1], fs->version[2], fs->version[3]);
	rte_atomic_store_explicit(&ad->cnt.fw_load_us, 0, rte_memory_order_relaxed);
	rc = load_nic_fw(ctx);
	if (rc != 0)
		fail(ctx, "NIC firmware load failed: %s", rc);
	return rc;
}

/* Brings the PHY and the NIC up; 0 when running, -EINTR when asked to stop. */
static int
bring_up(struct qt2025_link_ctx *ctx, bool after_crash)
{
	struct rte_eth_dev *dev = ctx->dev;
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt2025_proc *proc = qt2025_proc(dev);
	bool may_skip = !after_crash && !ad->args.fw_force;
	struct qt2025_fw_state fs;
	uint64_t t0;
	int rc;

	set_state(ad, QT2025_ST_IDENTIFY);
	if (may_skip && warm_check(ctx, &proc->phy_fw, &fs)) {
		ctx->clock_pending = true;
		rc = skip_download(ctx, &fs);
		if (rc != 0)
			return rc;
		goto running;
	}
	rc = tn40_mdio_set_clock(ctx->hw, TN40_MDIO_CLK_6MHZ);
	if (rc == 0)
		rc = qt2025_identify(ctx->hw);
	if (rc != 0) {
		fail(ctx, rc == -ENODEV ? "no QT2025 answers on MDIO%s" :
		     rc == -ENOTSUP ? "QT2025 of an unsupported revision%s" :
		     "MDIO failed while looking for the PHY: %s", rc);
		return rc;
	}
	rc = qt2025_read_fw_state(ctx->hw, &fs);
	if (rc != 0) {
		fail(ctx, "MDIO failed reading the PHY firmware state: %s", rc);
		return rc;
	}
	if (may_skip && same_firmware(&proc->phy_fw, &fs)) {
		rc = skip_download(ctx, &fs);
		if (rc != 0)
			return rc;
		goto running;
	}

	set_state(ad, QT2025_ST_FW_LOAD);
	t0 = mono_ns();
	rc = qt2025_download(ctx->hw, proc->phy_fw.data, proc->phy_fw.len);
	if (rc != 0) {
		fail(ctx, "PHY firmware download failed: %s", rc);
		return rc;
	}
	rte_atomic_store_explicit(&ad->cnt.fw_load_us, (mono_ns() - t0) / 1000,
				  rte_memory_order_relaxed);
	rte_atomic_fetch_add_explicit(&ad->cnt.fw_loads, 1, rte_memory_order_relaxed);
	set_state(ad, QT2025_ST_NIC_FW);
	/* hw note 6.4 step 10 (MAC link down, GPIO, NIC firmware), done while the 8051
	 * boots since none of it touches the PHY. The MDIO clock stays at 6 MHz: mainline
	 * dropped its switch back to 1 MHz in 2025 ("The PHYs of all currently supported
	 * TN4010 cards support 6 MHz operation"), which also spares a 100 ms settle.
	 */
	tn40_set_speed(ctx->hw, 0);
	ctx->mac_speed = 0;
	tn40_gpio_init(ctx->hw);
	rc = load_nic_fw(ctx);
	if (rc != 0) {
		fail(ctx, "NIC firmware load failed: %s", rc);
		return rc;
	}
	set_state(ad, QT2025_ST_FW_WAIT);
	rc = wait_fw_ready(ctx, &fs);
	if (rc == -EINTR)
		return rc;
	if (rc != 0) {
		fail(ctx, rc == -ETIMEDOUT ?
		     "PHY firmware did not start within 3 s (unbootable image?)%s" :
		     "MDIO failed while waiting for the PHY firmware: %s", rc);
		return rc;
	}
	QT_LOG(INFO, phy, ad->name, "PHY firmware %u.%u.%u.%u running, downloaded in "
	       "%" PRIu64 " ms", fs.version[0], fs.version[1], fs.version[2],
	       fs.version[3], rte_atomic_load_explicit(&ad->cnt.fw_load_us,
						       rte_memory_order_relaxed) / 1000);
running:
	store_fw_state(ad, &fs, ctx->hw->phy_addr);
	configure_mac(ctx, fs.module);
	ctx->last_heartbeat = fs.heartbeat;
	ctx->heartbeat_ns = mono_ns();
	ctx->mac_down_polls = 0;
	ctx->running_ns = mono_ns();
	set_reason(ad, "");
	set_state(ad, QT2025_ST_RUNNING);
	if (ctx->intr_on)
		tn40_irq_mask_set(ctx->hw, TN40_IRQ_LNKCHG0);
	QT_LOG(NOTICE, phy, ad->name, "PHY up %.1f ms after probe, module %s",
	       (mono_ns() - ad->probe_ns) / 1e6, qt2025_module_name(fs.module));
	return 0;
}

/* ---- link watching ---- */

static int
apply_requests(struct qt2025_link_ctx *ctx)
{
	struct qt2025_adapter *ad = qt2025_adapter(ctx->dev);
	uint32_t gen = rte_atomic_load_explicit(&ad->req_gen, rte_memory_order_acquire);
	bool low = rte_atomic_load_explicit(&ad->admin_down, rte_memory_order_relaxed) != 0;
	bool lpbk = rte_atomic_load_explicit(&ad->loopback, rte_memory_order_relaxed) != 0;
	int rc = 0;

	if (gen == ctx->applied_gen)
		return 0;
	if (low != ctx->low_power) {
		rc = qt2025_set_low_power(ctx->hw, low);
		if (rc == 0)
			ctx->low_power = low;
		QT_LOG(INFO, phy, ad->name, "PHY %s", low ? "in low power (link down)" :
		       "powered (link up)");
	}
	if (rc == 0 && lpbk != ctx->loopback) {
		rc = qt2025_set_loopback(ctx->hw, lpbk);
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
	struct qt2025_link st = { 0 };
	uint8_t hb = 0, module = 0;
	bool mac, up, dropped, seen;
	uint64_t now = mono_ns();

	/* a failed request is counted and retried next time; the watch below still runs */
	apply_requests(ctx);
	/* MAC_LNK_STAT is MMIO: a down MAC link is reported before any MDIO (hw note 7.3) */
	mac = tn40_mac_link(ctx->hw);
	if (!mac)
		report(ctx, false);
	if (qt2025_link_status(ctx->hw, &st) != 0)
		st = (struct qt2025_link){ .latched_drop = true };
	up = mac && qt2025_link_up(&st);
	dropped = st.latched_drop || !up;

	/* A heartbeat that cannot be read did not move either: a PHY gone silent is a crash */
	seen = periodic && qt2025_read_watch(ctx->hw, &hb, &module) == 0;
	if (seen && hb != ctx->last_heartbeat) {
		ctx->last_heartbeat = hb;
		ctx->heartbeat_ns = now;
	} else if (periodic && now - ctx->heartbeat_ns > HEARTBEAT_DEAD_MS * QT_NS_PER_MS) {
		QT_LOG(ERR, phy, ad->name, "PHY firmware heartbeat %s: restarting the PHY",
		       seen ? "stopped" : "unreadable");
		rte_atomic_fetch_add_explicit(&ad->cnt.fw_crashes, 1, rte_memory_order_relaxed);
		report(ctx, false);
		sync_mdio_counters(ad, ctx->hw);
		return false;
	}
	if (seen) {
		if (module != ad->info.module)
			QT_LOG(INFO, phy, ad->name, "SFP+ module: %s", qt2025_module_name(module));
		rte_spinlock_lock(&ad->info_lock);
		ad->info.module = module;
		ad->info.heartbeat = hb;
		rte_spinlock_unlock(&ad->info_lock);
		configure_mac(ctx, module);
	}

	/* 7.1: the PHY has light but the MAC never follows: reset the MAC side */
	if (periodic && qt2025_link_up(&st) && !mac &&
	    ++ctx->mac_down_polls >= MAC_RECOVER_POLLS) {
		QT_LOG(NOTICE, phy, ad->name, "MAC link stays down with PHY link up: MAC reset");
		rte_atomic_fetch_add_explicit(&ad->cnt.mac_resets, 1, rte_memory_order_relaxed);
		tn40_set_speed(ctx->hw, 0);
		ctx->mac_speed = 0;
		configure_mac(ctx, ad->info.module);
		ctx->mac_down_polls = 0;
	} else if (mac) {
		ctx->mac_down_polls = 0;
	}

	rte_spinlock_lock(&ad->info_lock);
	ad->info.phy_link = qt2025_link_up(&st);
	ad->info.mac_link = mac;
	rte_spinlock_unlock(&ad->info_lock);

	if (dropped) {
		report(ctx, false);
		ctx->up_since_ns = up ? now : 0;
	} else if (ctx->up_since_ns == 0) {
		ctx->up_since_ns = now;
	}
	if (up && ctx->up_since_ns != 0 && now - ctx->up_since_ns >= LINK_HOLD_MS * QT_NS_PER_MS)
		report(ctx, true);
	/* idempotent: catches a dev_start that raced with a change */
	publish(ctx, ctx->reported_up, ctx->mac_speed);
	sync_mdio_counters(ad, ctx->hw);
	return true;
}

static uint32_t
phy_thread(void *arg)
{
	struct qt2025_link_ctx *ctx = arg;
	struct qt2025_adapter *ad = qt2025_adapter(ctx->dev);
	uint64_t poll_ns = (uint64_t)ad->args.link_poll_ms * QT_NS_PER_MS, next_poll;
	bool crashed = false;

	for (;;) {
		if (bring_up(ctx, crashed) != 0) {
			sync_mdio_counters(ad, ctx->hw);
			/* failed: keep answering requests until closed; nothing to watch */
			while (!wait_event(ctx, UINT32_MAX))
				;
			break;
		}
		crashed = false;
		next_poll = 0;
		while (!crashed) {
			uint64_t now = mono_ns(), wait_ms;
			bool periodic = now >= next_poll;

			if (periodic)
				next_poll = now + poll_ns;
			crashed = !check_link(ctx, periodic);
			/* warm start: the clock change (and its settle) waits for the link */
			if (ctx->clock_pending && (ctx->reported_up ||
						   now - ctx->running_ns > 1000 * QT_NS_PER_MS)) {
				tn40_mdio_set_clock(ctx->hw, TN40_MDIO_CLK_6MHZ);
				ctx->clock_pending = false;
			}
			now = mono_ns();
			/* rounded up: a wait of 0 ms would spin on the link until the poll */
			wait_ms = (next_poll - RTE_MIN(next_poll, now) + QT_NS_PER_MS - 1) /
				  QT_NS_PER_MS;
			if (ctx->up_since_ns != 0 && !ctx->reported_up)
				wait_ms = RTE_MIN(wait_ms, (uint64_t)LINK_HOLD_MS);
			if (wait_event(ctx, wait_ms))
				goto out;
		}
	}
out:
	sync_mdio_counters(ad, ctx->hw);
	return 0;
}

/* ---- interrupt: LNKCHG0 only wakes the thread; the thread does the MDIO ---- */

static void
link_intr(void *arg)
{
	struct rte_eth_dev *dev = arg;
	struct qt2025_proc *proc = qt2025_proc(dev);
	struct qt2025_link_ctx *ctx = proc->link;
	uint64_t v;

	if (ctx == NULL)
		return;
	if (rte_intr_type_get(ctx->intr) == RTE_INTR_HANDLE_EXT &&
	    read(rte_intr_fd_get(ctx->intr), &v, sizeof(v)) < 0)
		v = 0;  /* the model's eventfd: drained, nothing else to learn from it */
	if (tn40_irq_ack(ctx->hw) & TN40_IRQ_LNKCHG0)
		wake(ctx);
	tn40_irq_mask_set(ctx->hw, TN40_IRQ_LNKCHG0);
	if (rte_intr_type_get(ctx->intr) != RTE_INTR_HANDLE_EXT)
		rte_intr_ack(ctx->intr);
}

static void
intr_setup(struct qt2025_link_ctx *ctx)
{
	const char *name = ctx->hw->name;

	if (ctx->intr == NULL)
		return;
	if (rte_intr_callback_register(ctx->intr, link_intr, ctx->dev) != 0) {
		QT_LOG(NOTICE, phy, name, "no link interrupt: polling every %u ms",
		       qt2025_adapter(ctx->dev)->args.link_poll_ms);
		return;
	}
	if (rte_intr_type_get(ctx->intr) != RTE_INTR_HANDLE_EXT &&
	    rte_intr_enable(ctx->intr) != 0) {
		QT_LOG(NOTICE, phy, name, "link interrupt cannot be enabled (uio_pci_generic?): "
		       "polling every %u ms", qt2025_adapter(ctx->dev)->args.link_poll_ms);
		rte_intr_callback_unregister(ctx->intr, link_intr, ctx->dev);
		return;
	}
	ctx->intr_on = true;
}

static void
intr_teardown(struct qt2025_link_ctx *ctx)
{
	int i, rc;

	if (!ctx->intr_on)
		return;
	tn40_irq_mask_set(ctx->hw, 0);
	if (rte_intr_type_get(ctx->intr) != RTE_INTR_HANDLE_EXT)
		rte_intr_disable(ctx->intr);
	/* -EAGAIN while the callback runs on the interrupt thread: retry, bounded */
	for (i = 0; i < 1000; i++) {
		rc = rte_intr_callback_unregister(ctx->intr, link_intr, ctx->dev);
		if (rc != -EAGAIN)
			break;
		rte_delay_us_sleep(1000);
	}
	ctx->intr_on = false;
}

/* ---- ethdev side ---- */

int
qt2025_link_init(struct rte_eth_dev *dev, struct rte_intr_handle *intr)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt2025_proc *proc = qt2025_proc(dev);
	struct qt2025_link_ctx *ctx;
	char tname[16];
	int rc;

	ctx = calloc(1, sizeof(*ctx));
	if (ctx == NULL)
		return -ENOMEM;
	ctx->dev = dev;
	ctx->hw = &proc->hw;
	ctx->intr = intr;
	rte_spinlock_init(&ctx->pub_lock);
	ctx->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (ctx->wake_fd < 0) {
		free(ctx);
		return -errno;
	}
	ad->probe_ns = mono_ns();
	set_state(ad, QT2025_ST_PROBING);
	proc->link = ctx;
	intr_setup(ctx);

	snprintf(tname, sizeof(tname), "qt-phy-%u", dev->data->port_id);
	rc = qt_ctrl_thread_start(&ctx->thread, tname, phy_thread, ctx);
	if (rc != 0) {
		QT_INIT_LOG(ERR, ad->name, "cannot start the PHY control thread: %s",
			    strerror(-rc));
		intr_teardown(ctx);
		close(ctx->wake_fd);
		proc->link = NULL;
		free(ctx);
		return rc < 0 ? rc : -rc;
	}
	return 0;
}

void
qt2025_link_uninit(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt2025_proc *proc = qt2025_proc(dev);
	struct qt2025_link_ctx *ctx = proc->link;

	if (ctx == NULL)
		return;
	/* Order matters (conventions 6.8): no interrupt, no thread, no alarm, then free. */
	intr_teardown(ctx);
	rte_atomic_store_explicit(&ctx->stop, 1, rte_memory_order_release);
	wake(ctx);
	qt_ctrl_thread_join(ctx->thread);
	rte_eal_alarm_cancel(lsc_alarm, dev);
	rte_atomic_store_explicit(&ad->lsc_pending, 0, rte_memory_order_release);
	set_state(ad, QT2025_ST_STOPPED);
	close(ctx->wake_fd);
	proc->link = NULL;
	free(ctx);
}

/* Asks the thread to apply admin_down / loopback, and waits (bounded) until it has. */
static int
request(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt2025_link_ctx *ctx = qt2025_proc(dev)->link;
	uint32_t gen;
	int i;

	if (ctx == NULL)
		return -E_RTE_SECONDARY;
	gen = rte_atomic_fetch_add_explicit(&ad->req_gen, 1, rte_memory_order_acq_rel) + 1;
	if (rte_atomic_load_explicit(&ad->state, rte_memory_order_acquire) != QT2025_ST_RUNNING)
		return 0;       /* applied when the bring-up completes */
	wake(ctx);
	for (i = 0; i < 200; i++) {
		if ((int32_t)(rte_atomic_load_explicit(&ad->ack_gen, rte_memory_order_acquire) -
			      gen) >= 0)
			return 0;
		rte_delay_us_sleep(5000);
	}
	QT_DRV_LOG(WARNING, ad, "PHY thread busy: the request is applied later");
	return 0;
}

int
qt2025_dev_set_link_up(struct rte_eth_dev *dev)
{
	if (qt2025_proc(dev)->link == NULL)
		return -E_RTE_SECONDARY;
	rte_atomic_store_explicit(&qt2025_adapter(dev)->admin_down, 0, rte_memory_order_relaxed);
	return request(dev);
}

int
qt2025_dev_set_link_down(struct rte_eth_dev *dev)
{
	if (qt2025_proc(dev)->link == NULL)
		return -E_RTE_SECONDARY;
	rte_atomic_store_explicit(&qt2025_adapter(dev)->admin_down, 1, rte_memory_order_relaxed);
	return request(dev);
}

void
qt2025_link_start(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt2025_link_ctx *ctx = qt2025_proc(dev)->link;
	struct rte_eth_link link;

	rte_atomic_store_explicit(&ad->loopback, dev->data->dev_conf.lpbk_mode == 1,
				  rte_memory_order_relaxed);
	if (ctx == NULL)
		return;
	/* the current state at once, without an event; later changes come as events */
	rte_spinlock_lock(&ctx->pub_lock);
	qt_link_fill(&link, ctx->reported_up, ctx->mac_speed);
	rte_eth_linkstatus_set(dev, &link);
	rte_atomic_store_explicit(&ad->started, 1, rte_memory_order_release);
	rte_spinlock_unlock(&ctx->pub_lock);
	request(dev);
	wake(ctx);
}

void
qt2025_link_stop(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt2025_link_ctx *ctx = qt2025_proc(dev)->link;
	struct rte_eth_link link;

	if (ctx != NULL)
		rte_spinlock_lock(&ctx->pub_lock);
	rte_atomic_store_explicit(&ad->started, 0, rte_memory_order_release);
	qt_link_fill(&link, 0, 0);
	rte_eth_linkstatus_set(dev, &link);
	if (ctx != NULL)
		rte_spinlock_unlock(&ctx->pub_lock);
	/* a stopped port reports link down without an event (as ixgbe does) */
	rte_eal_alarm_cancel(lsc_alarm, dev);
	rte_atomic_store_explicit(&ad->lsc_pending, 0, rte_memory_order_release);
}

int
qt2025_link_update(struct rte_eth_dev *dev, int wait_to_complete)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct rte_eth_link link;
	uint64_t deadline;

	/* dev_link is kept current by the PHY thread: nothing to read, nothing to copy */
	if (!wait_to_complete || rte_eal_process_type() != RTE_PROC_PRIMARY ||
	    !rte_atomic_load_explicit(&ad->started, rte_memory_order_acquire))
		return -1;
	deadline = mono_ns() + QT2025_LINK_WAIT_MS * QT_NS_PER_MS;
	for (;;) {
		uint32_t st = rte_atomic_load_explicit(&ad->state, rte_memory_order_acquire);

		rte_eth_linkstatus_get(dev, &link);
		if (link.link_status == RTE_ETH_LINK_UP || st == QT2025_ST_FAILED ||
		    st == QT2025_ST_STOPPED || mono_ns() >= deadline)
			return -1;
		rte_delay_us_sleep(10000);
	}
}

void
qt2025_link_info(const struct rte_eth_dev *dev, struct qt2025_phy_info *out)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);

	rte_spinlock_lock(&ad->info_lock);
	*out = ad->info;
	rte_spinlock_unlock(&ad->info_lock);
}
