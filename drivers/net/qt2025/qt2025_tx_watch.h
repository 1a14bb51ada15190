/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The Tx stall watchdog (qt2025_tx_watch.c): run by the PHY thread at each poll, nothing
 * on the bursts' path.
 */

#ifndef QT2025_TX_WATCH_H
#define QT2025_TX_WATCH_H

#include "qt2025.h"

#define QT2025_TX_STALL_MS      1000    /* no Tx progress this long, link up: a stall */
#define QT2025_DP_GRACE_US      10000   /* bursts already inside the driver finish by then */

struct qt2025_link_ctx;

/* What the watchdog remembers between polls (PHY thread only). */
struct qt2025_tx_watch {
	uint32_t nic_pos;       /* TXD_RPTR at the last look */
	uint64_t since_ns;      /* the NIC has not moved since; 0: nothing pending */
	bool gave_up;           /* a recovery failed: no more until the next dev_start */
};

/* One look at the Tx ring; a stall is logged, counted and recovered from. */
void qt2025_tx_watch(struct qt2025_link_ctx *ctx, uint64_t now_ns);

/* dev_start and dev_stop take it: a recovery never runs inside either (primary only). */
void qt2025_dp_lock(struct rte_eth_dev *dev);
void qt2025_dp_unlock(struct rte_eth_dev *dev);

#endif /* QT2025_TX_WATCH_H */
