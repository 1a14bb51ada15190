/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The link ops of the primary process: requests to the PHY thread (set_link_up/down,
 * loopback), dev_start/dev_stop's part of the link, and link_update. None issues MDIO: the
 * PHY thread applies requests and keeps dev_link current.
 */

#include "qt2025_link.h"

struct req_wait {
	struct qt2025_adapter *ad;
	uint32_t gen;
};

static bool
req_acked(void *arg)
{
	const struct req_wait *r = arg;

	return (int32_t)(rte_atomic_load_explicit(&r->ad->ack_gen, rte_memory_order_acquire) -
			 r->gen) >= 0;
}

/* Asks the thread to apply admin_down, started and loopback, and waits (bounded) for it. */
static int
request(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt2025_link_ctx *ctx = qt2025_proc(dev)->link;
	struct req_wait r = { .ad = ad };
	/* for the PHY thread, not the card: the OS's sleep, 200 steps of 5 ms */
	const struct qt_wait w = {
		.cond = req_acked,
		.arg = &r,
		.flags = QT_WAIT_OS | QT_WAIT_STEPS,
		.step_ns = 5 * QT_NS_PER_MS,
		.timeout_ns = 200 * 5 * QT_NS_PER_MS,
	};

	r.gen = rte_atomic_fetch_add_explicit(&ad->req_gen, 1, rte_memory_order_acq_rel) + 1;
	if (qt2025_state_get(ad) != QT2025_ST_RUNNING)
		return 0;       /* applied when the bring-up completes */
	qt2025_link_wake(ctx);
	if (qt_wait(&qt2025_proc(dev)->hw, &w) == 0)
		return 0;
	QT_DRV_LOG(WARNING, ad, "PHY thread busy: applied when it gets to it");
	return 0;
}

/* A port whose bring-up failed will never apply a request: say so instead of 0. */
static int
refuse_failed(struct rte_eth_dev *dev, const char *what)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);

	if (qt2025_state_get(ad) != QT2025_ST_FAILED)
		return 0;
	QT_DRV_LOG(ERR, ad, "%s refused: the PHY bring-up failed (%s)", what, ad->info.reason);
	return -EIO;
}

int
qt2025_dev_set_link_up(struct rte_eth_dev *dev)
{
	if (refuse_failed(dev, "set_link_up") != 0)
		return -EIO;
	rte_atomic_store_explicit(&qt2025_adapter(dev)->admin_down, 0, rte_memory_order_relaxed);
	return request(dev);
}

int
qt2025_dev_set_link_down(struct rte_eth_dev *dev)
{
	if (refuse_failed(dev, "set_link_down") != 0)
		return -EIO;
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
	/* dev_start turns the transmitter on and forgets an earlier set_link_down (as ixgbe) */
	rte_atomic_store_explicit(&ad->admin_down, 0, rte_memory_order_relaxed);
	/* the current state at once, without an event; later changes come as events */
	rte_spinlock_lock(&ctx->pub_lock);
	qt_link_fill(&link, ctx->judge.up, ctx->mac_speed);
	rte_eth_linkstatus_set(dev, &link);
	rte_atomic_store_explicit(&ad->started, 1, rte_memory_order_release);
	rte_spinlock_unlock(&ctx->pub_lock);
	request(dev);
	qt2025_link_wake(ctx);
}

void
qt2025_link_stop(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt2025_link_ctx *ctx = qt2025_proc(dev)->link;
	struct rte_eth_link link;

	rte_spinlock_lock(&ctx->pub_lock);
	rte_atomic_store_explicit(&ad->started, 0, rte_memory_order_release);
	qt_link_fill(&link, 0, 0);
	rte_eth_linkstatus_set(dev, &link);
	rte_spinlock_unlock(&ctx->pub_lock);
	/* a stopped port reports link down without an event (as ixgbe does) */
	qt2025_link_lsc_cancel(dev);
	request(dev);   /* transmitter off */
}

static bool
link_settled(void *arg)
{
	struct rte_eth_dev *dev = arg;
	enum qt2025_state st = qt2025_state_get(qt2025_adapter(dev));
	struct rte_eth_link link;

	rte_eth_linkstatus_get(dev, &link);
	return link.link_status == RTE_ETH_LINK_UP || st == QT2025_ST_FAILED ||
	       st == QT2025_ST_STOPPED;
}

int
qt2025_link_update(struct rte_eth_dev *dev, int wait_to_complete)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt_hw *hw = &qt2025_proc(dev)->hw;
	/* the deadline on the card's clock, the OS's sleep (the PHY thread moves the link) */
	const struct qt_wait w = {
		.cond = link_settled,
		.arg = dev,
		.flags = QT_WAIT_OS,
		.step_ns = 10 * QT_NS_PER_MS,
		.timeout_ns = QT2025_LINK_WAIT_MS * QT_NS_PER_MS,
	};

	/* dev_link is kept current by the PHY thread: nothing to read, nothing to copy */
	if (!wait_to_complete || !rte_atomic_load_explicit(&ad->started, rte_memory_order_acquire))
		return -1;
	qt_wait(hw, &w);
	return -1;
}
