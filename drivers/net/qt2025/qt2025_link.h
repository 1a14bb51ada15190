/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Link management: the PHY control thread (qt2025_link.c), the bring-up it runs
 * (qt2025_bringup.c) and the link judgement it applies (qt2025_watch.c).
 */

#ifndef QT2025_LINK_H
#define QT2025_LINK_H

#include "qt2025.h"
#include <pthread.h>

#include "qt_phy.h"
#include "qt2025_tx_watch.h"

#define QT2025_LINK_WAIT_MS 9000        /* link_update(dev, 1): the ethdev 9 s contract */
#define QT2025_LINK_HOLD_MS 10          /* link must stay up this long to be reported */
#define QT2025_HEARTBEAT_DEAD_MS 1000   /* a heartbeat frozen this long is a crashed 8051 */
#define QT2025_CRASH_POLLS 2            /* ... seen by at least this many polls in a row */
#define QT2025_POLL_SLACK_MS 250        /* a poll later than 2 periods + this restarts them */
#define QT2025_POLL_GAP_MAX_MS 20000    /* under the heartbeat's 25.6 s wrap (8 bits, 100 ms) */
#define QT2025_READ_TRIES 3             /* a failed status read is retried at once, twice */
#define QT2025_MAC_RECOVER_POLLS 12     /* 7.1: the 12th down evaluation resets the MAC */

/* ---- ethdev side (qt2025_link.c, qt2025_link_ctl.c); primary process only ---- */

/* The PHY thread's context (proc->link) and its eventfd (ctx->wake_fd), no thread yet. */
int qt2025_link_init(struct rte_eth_dev *dev);
/* The PHY thread, once the interrupt that wakes it is set up (qt2025_ethdev.c's order). */
int qt2025_link_thread_start(struct rte_eth_dev *dev);
/* Stops the PHY thread (the card's interrupt already torn down) and frees the context: 0,
 * or -ETIMEDOUT when it did not stop within QT2025_JOIN_MS and was left behind with what it
 * uses (the caller then frees nothing of the process's port).
 */
int qt2025_link_uninit(struct rte_eth_dev *dev);
int qt2025_link_update(struct rte_eth_dev *dev, int wait_to_complete);
int qt2025_dev_set_link_up(struct rte_eth_dev *dev);
int qt2025_dev_set_link_down(struct rte_eth_dev *dev);
void qt2025_link_start(struct rte_eth_dev *dev);        /* dev_start */
void qt2025_link_stop(struct rte_eth_dev *dev);         /* dev_stop */

/* ---- link judgement (qt2025_watch.c): what one look at the hardware shows, and a pure
 * function of such looks and the hardware clock (qt_now_ns) that decides what to report.
 */

struct qt2025_obs {
	uint64_t now_ns;
	bool periodic;          /* a poll: heartbeat and module were read too */
	bool mac;               /* MAC_LNK_STAT bit 2 */
	bool phy_ok;            /* the PHY status reads succeeded */
	struct qt_phy_link phy;
	bool watch_ok;          /* heartbeat and module were read */
	uint8_t heartbeat;
	uint8_t module;
	bool signal;            /* 1.000A bit 0: light at the receiver (read when no link) */
};
void qt2025_observe(struct qt_hw *hw, bool periodic, struct qt2025_obs *o);
/* The same in two steps: the MAC bit (MMIO) first, then the PHY (MDIO). */
void qt2025_observe_mac(struct qt_hw *hw, bool periodic, struct qt2025_obs *o);
void qt2025_observe_phy(struct qt_hw *hw, struct qt2025_obs *o);

struct qt2025_judge {
	bool up;                        /* as reported */
	uint64_t up_since_ns;           /* link seen up continuously since; 0: not holding */
	uint8_t heartbeat;
	uint64_t heartbeat_ns;          /* when the heartbeat last moved (or evidence restarted) */
	uint64_t poll_ns;               /* the poll period */
	uint64_t last_poll_ns;          /* the last periodic look */
	unsigned int stale_polls;       /* polls in a row with the heartbeat still or unreadable */
	unsigned int mac_down_polls;    /* polls with PHY link and no MAC link */
	uint64_t pcs_stuck_ns;          /* 8.7 bug 17190: PMA and XS up, PCS down since; 0 no */
	uint32_t pcs_kick_ms;           /* ... for this long before the next kick (backs off) */
};

#define QT2025_ACT_DOWN         0x1u    /* report link down */
#define QT2025_ACT_UP           0x2u    /* report link up */
#define QT2025_ACT_CRASH        0x4u    /* heartbeat stopped: bring the PHY up again */
#define QT2025_ACT_MAC_RESET    0x8u    /* 7.1: reset the MAC side */
#define QT2025_ACT_PCS_KICK     0x10u   /* 8.7 bug 17190: pulse PMA loopback */
#define QT2025_PCS_KICK_MAX_MS  60000   /* the kick backs off up to this period */

/* After a bring-up: nothing reported up, the heartbeat as read then, polls every poll_ms. */
void qt2025_judge_init(struct qt2025_judge *j, uint64_t now_ns, uint8_t heartbeat,
		       uint32_t poll_ms);
/* The MAC look alone: QT2025_ACT_DOWN at once when the MAC link is gone (hardware.md 7.3). */
unsigned int qt2025_judge_mac(struct qt2025_judge *j, const struct qt2025_obs *o);
/* One observation in, QT2025_ACT_* out. */
unsigned int qt2025_judge(struct qt2025_judge *j, const struct qt2025_obs *o);
/* When the judge wants its next look (the end of an up hold), or UINT64_MAX. */
uint64_t qt2025_judge_due(const struct qt2025_judge *j);
/* Why a running port has no link, from a poll ("" when the judge reports it up). */
const char *qt2025_no_link_reason(const struct qt2025_judge *j, const struct qt2025_obs *o,
				  bool low_power, bool admin_down);

/* qt_phy_download, with one thread driving every card's download of the process at once
 * (qt2025_download.c).
 */
int qt2025_download_shared(struct qt_hw *hw, const uint8_t *img, size_t len);
/* The most downloads one thread has driven at once in this process (tests, bench). */
unsigned int qt2025_download_most_driven(void);
/* On the PHY thread as it starts: one line per process when it has no CPU of its own. */
void qt2025_phy_cpu_check(const struct qt2025_adapter *ad);

/* ---- the PHY thread (qt2025_link.c), and the bring-up it runs (qt2025_bringup.c) ---- */

struct qt2025_link_ctx {
	struct rte_eth_dev *dev;
	struct qt_hw *hw;
	qt_thread_t thread;
	int wake_fd;
	RTE_ATOMIC(uint32_t) stop;
	bool thread_on;                 /* qt2025_link_thread_start succeeded */
	rte_spinlock_t pub_lock;        /* publications into dev_link vs start/stop */

	/* PHY thread only */
	struct qt2025_judge judge;
	uint32_t mac_speed;
	uint32_t applied_gen;
	bool low_power;
	bool loopback;
	bool clock_pending;             /* warm start: 1 MHz to be set once the link is up */
	uint64_t running_ns;            /* when the last bring-up completed */

	RTE_ATOMIC(uint32_t) rec_pending;       /* QT2025_REC_* not yet delivered */

	pthread_mutex_t dp_lock;        /* dev_start, dev_stop vs a Tx recovery */
	struct qt2025_tx_watch tx_watch;        /* PHY thread, under dp_lock */
};

/* Recovery events (qt2025_publish.c), delivered in this order from an alarm. */
#define QT2025_REC_RECOVERING   0x1u    /* RTE_ETH_EVENT_ERR_RECOVERING */
#define QT2025_REC_SUCCESS      0x2u    /* RTE_ETH_EVENT_RECOVERY_SUCCESS */
#define QT2025_REC_FAILED       0x4u    /* RTE_ETH_EVENT_RECOVERY_FAILED */
void qt2025_link_recovery_event(struct qt2025_link_ctx *ctx, uint32_t ev);
void qt2025_link_recovery_cancel(struct qt2025_link_ctx *ctx);
/* The link struct as the driver reports it: 10G SFP+, full duplex, fixed speed. */
static inline void
qt_link_fill(struct rte_eth_link *link, int up, uint32_t speed)
{
	memset(link, 0, sizeof(*link));
	link->link_status = up ? RTE_ETH_LINK_UP : RTE_ETH_LINK_DOWN;
	link->link_speed = up ? speed : RTE_ETH_SPEED_NUM_NONE;
	link->link_duplex = RTE_ETH_LINK_FULL_DUPLEX;
	link->link_autoneg = RTE_ETH_LINK_FIXED;
	qt_link_connector_set(link);
}

/* The judged link into dev_link (while started) and an LSC alarm; the event counters. */
void qt2025_link_publish(struct qt2025_link_ctx *ctx);
void qt2025_link_count(struct qt2025_link_ctx *ctx, unsigned int act);
/* On the interrupt thread after LNKCHG0: a MAC link drop into dev_link at once; true when
 * the LSC callbacks are owed (the caller runs them, with no lock held).
 */
bool qt2025_link_drop_intr(struct qt2025_link_ctx *ctx);

/* Brings the PHY and the NIC up: 0 when the firmware runs (fs as read then), -EINTR when
 * the thread is asked to stop, another -errno after one log line and the FAILED state.
 */
int qt2025_bringup(struct qt2025_link_ctx *ctx, bool after_crash, struct qt_phy_fw_state *fs);

/* Wakes the PHY thread (it then applies requests and looks at the link). */
void qt2025_link_wake(struct qt2025_link_ctx *ctx);
/* Cancels an LSC alarm not yet delivered. */
void qt2025_link_lsc_cancel(struct rte_eth_dev *dev);

/* Publications of the PHY thread (qt2025_publish.c). */
void qt2025_pub_state(struct qt2025_adapter *ad, enum qt2025_state st);
void qt2025_pub_fw(struct qt2025_adapter *ad, const struct qt_phy_fw_state *fs, int phy_addr,
		   const char *reason);
/* The MAC follows the module's line rate (hardware.md 8.5, 6.3). */
void qt2025_configure_mac(struct qt2025_link_ctx *ctx, uint8_t module);

#endif /* QT2025_LINK_H */
