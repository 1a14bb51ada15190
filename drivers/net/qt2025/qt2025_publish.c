/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * What the PHY thread publishes: its state and the firmware it found into dev_private
 * (read by ethdev ops, xstats, telemetry and other processes), and what it tells
 * applications: the link into dev_link with an LSC event, and a
 * PHY firmware crash as RTE_ETH_EVENT_ERR_RECOVERING, then RTE_ETH_EVENT_RECOVERY_SUCCESS
 * (the firmware runs again) or RTE_ETH_EVENT_RECOVERY_FAILED (the bring-up after it failed:
 * the port keeps no link until it is closed). Every callback runs on the EAL interrupt
 * thread with no driver lock held (design.md "DPDK conventions"): a drop from the interrupt
 * handler itself (qt2025_link_drop_intr), the rest from an alarm, in the order the thread
 * raised the events: one alarm per kind, each armed once until it fired.
 *
 * Recovery here is the PHY's: the datapath keeps its queues and configuration (the
 * firmware crash only took the link), so the application has nothing to restore; a port
 * that gets RECOVERY_FAILED should be closed, as ethdev says.
 */

#include <rte_alarm.h>

#include "qt2025_link.h"
#include "qt2025_port.h"
#include "tn40_hw.h"

#define EVENT_ALARM_US 1

/* ---- state and firmware ---- */

void
qt2025_pub_state(struct qt2025_adapter *ad, enum qt2025_state st)
{
	rte_atomic_store_explicit(&ad->state, st, rte_memory_order_release);
}

void
qt2025_pub_fw(struct qt2025_adapter *ad, const struct qt_phy_fw_state *fs, int phy_addr,
	      const char *reason)
{
	qt2025_seq_write_begin(&ad->info_seq);
	if (fs != NULL) {
		memcpy(ad->info.fw_version, fs->version, sizeof(fs->version));
		ad->info.module = fs->module;
		ad->info.heartbeat = fs->heartbeat;
		ad->info.phy_addr = phy_addr;
	}
	snprintf(ad->info.reason, sizeof(ad->info.reason), "%s", reason);
	ad->info.no_link[0] = '\0';
	qt2025_seq_write_end(&ad->info_seq);
}

/* ---- LSC ---- */

static void
lsc_alarm(void *arg)
{
	struct rte_eth_dev *dev = arg;
	struct qt2025_adapter *ad;

	/* close cancels the alarm before it frees anything (qt2025_link_uninit); this
	 * catches an alarm of a port closed in this process (a generation check)
	 */
	if (qt2025_proc(dev)->link == NULL)
		return;
	ad = qt2025_adapter(dev);
	rte_atomic_store_explicit(&ad->lsc_pending, 0, rte_memory_order_release);
	if (rte_atomic_load_explicit(&ad->started, rte_memory_order_acquire))
		rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_LSC, NULL);
}

void
qt2025_link_lsc_cancel(struct rte_eth_dev *dev)
{
	rte_eal_alarm_cancel(lsc_alarm, dev);
	rte_atomic_store_explicit(&qt2025_adapter(dev)->lsc_pending, 0,
				  rte_memory_order_release);
}

void
qt2025_link_publish(struct qt2025_link_ctx *ctx)
{
	struct rte_eth_dev *dev = ctx->dev;
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct rte_eth_link link;

	/* under pub_lock, so that dev_start/dev_stop never interleave with a publication */
	rte_spinlock_lock(&ctx->pub_lock);
	if (!rte_atomic_load_explicit(&ad->started, rte_memory_order_acquire))
		goto out;
	/* an up judged before a drop that the interrupt already told (qt2025_link_drop_intr)
	 * waits for the thread's next look, which that interrupt asked for
	 */
	if (ctx->judge.up && !tn40_mac_link(ctx->hw))
		goto out;
	qt_link_fill(&link, ctx->judge.up, ctx->mac_speed);
	if (rte_eth_linkstatus_set(dev, &link) != 0)
		goto out;
	if (dev->data->dev_conf.intr_conf.lsc &&
	    rte_atomic_exchange_explicit(&ad->lsc_pending, 1, rte_memory_order_acq_rel) == 0 &&
	    rte_eal_alarm_set(EVENT_ALARM_US, lsc_alarm, dev) != 0) {
		rte_atomic_store_explicit(&ad->lsc_pending, 0, rte_memory_order_release);
		QT_PHY_LOG(ERR, ad, "cannot arm the LSC alarm");
	}
out:
	rte_spinlock_unlock(&ctx->pub_lock);
}

/*
 * A drop told by the interrupt itself: the MAC bit is MMIO and a drop is reported at once
 * (hardware.md 7.3), so the EAL interrupt thread that took LNKCHG0 publishes it and runs the
 * LSC callbacks, with no lock held. One hand-off between threads from the interrupt to the
 * application instead of three (interrupt thread, PHY thread, alarm on the interrupt
 * thread), each a wake-up that waits for a CPU. The PHY thread still counts the drop.
 * Returns true when the caller must run the callbacks (after everything else it does).
 */
bool
qt2025_link_drop_intr(struct qt2025_link_ctx *ctx)
{
	struct rte_eth_dev *dev = ctx->dev;
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct rte_eth_link link;
	bool told = false;

	rte_spinlock_lock(&ctx->pub_lock);
	if (rte_atomic_load_explicit(&ad->started, rte_memory_order_acquire) &&
	    !tn40_mac_link(ctx->hw)) {
		qt_link_fill(&link, 0, 0);
		told = rte_eth_linkstatus_set(dev, &link) == 0;
	}
	rte_spinlock_unlock(&ctx->pub_lock);
	return told && dev->data->dev_conf.intr_conf.lsc;
}

void
qt2025_link_count(struct qt2025_link_ctx *ctx, unsigned int act)
{
	struct qt2025_adapter *ad = qt2025_adapter(ctx->dev);

	if (act & QT2025_ACT_UP) {
		rte_atomic_fetch_add_explicit(&ad->cnt.link_up_events, 1,
					      rte_memory_order_relaxed);
		QT_PHY_LOG(INFO, ad, "link up, %u Mbps full duplex", ctx->mac_speed);
	} else if (act & QT2025_ACT_DOWN) {
		rte_atomic_fetch_add_explicit(&ad->cnt.link_down_events, 1,
					      rte_memory_order_relaxed);
		QT_PHY_LOG(INFO, ad, "link down");
	}
}

/* ---- recovery events ---- */

#define REC_ARMED       0x80000000u

static void
rec_alarm(void *arg)
{
	struct qt2025_link_ctx *ctx = arg;
	uint32_t ev = rte_atomic_exchange_explicit(&ctx->rec_pending, 0,
						   rte_memory_order_acq_rel);

	/* raised in this order by the thread: recovering first, then its outcome */
	if (ev & QT2025_REC_RECOVERING)
		rte_eth_dev_callback_process(ctx->dev, RTE_ETH_EVENT_ERR_RECOVERING, NULL);
	if (ev & QT2025_REC_SUCCESS)
		rte_eth_dev_callback_process(ctx->dev, RTE_ETH_EVENT_RECOVERY_SUCCESS, NULL);
	if (ev & QT2025_REC_FAILED)
		rte_eth_dev_callback_process(ctx->dev, RTE_ETH_EVENT_RECOVERY_FAILED, NULL);
}

void
qt2025_link_recovery_event(struct qt2025_link_ctx *ctx, uint32_t ev)
{
	struct qt2025_adapter *ad = qt2025_adapter(ctx->dev);
	uint32_t old = rte_atomic_fetch_or_explicit(&ctx->rec_pending, ev | REC_ARMED,
						    rte_memory_order_acq_rel);

	if ((old & REC_ARMED) == 0 && rte_eal_alarm_set(EVENT_ALARM_US, rec_alarm, ctx) != 0) {
		rte_atomic_store_explicit(&ctx->rec_pending, 0, rte_memory_order_release);
		QT_PHY_LOG(ERR, ad, "cannot arm the recovery event alarm");
	}
}

void
qt2025_link_recovery_cancel(struct qt2025_link_ctx *ctx)
{
	rte_eal_alarm_cancel(rec_alarm, ctx);
	rte_atomic_store_explicit(&ctx->rec_pending, 0, rte_memory_order_release);
}
