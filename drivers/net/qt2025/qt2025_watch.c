/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Link judgement. qt2025_observe() takes one look at the hardware; qt2025_judge() is a
 * pure function of such looks and the hardware clock, so debounce, crash detection and
 * MAC recovery are tested on the model's fake clock in milliseconds (test_base_watch.c).
 *
 * The rules: a drop is reported at once (the MAC bit is MMIO and judged before any MDIO,
 * hardware.md 7.3; the PHY's latching-low bits show a drop even when it healed before the
 * look, hardware.md 9); a link is reported up
 * after it stayed up QT2025_LINK_HOLD_MS; a PHY with light whose MAC never follows gets a
 * MAC reset on the 12th poll (hardware.md 7.1).
 *
 * One bad MDIO frame must not look like a flap or a crash: a failed status read
 * is retried at once (QT2025_READ_TRIES), and a look whose PHY stays unreadable reports
 * nothing but the MAC bit. A crash needs consecutive evidence: QT2025_CRASH_POLLS polls in
 * a row or more that find the heartbeat still or unreadable, spanning more than
 * max(QT2025_HEARTBEAT_DEAD_MS, 2 polls). The heartbeat is 8 bits ticking every 100 ms, so
 * it comes back to the same value after 25.6 s: a poll later than 2 periods (a stalled
 * thread, SIGSTOP, a paused VM) restarts the evidence instead of comparing across the gap.
 */

#include "qt_phy_errata.h"
#include "qt2025_link.h"
#include "tn40_hw.h"

void
qt2025_observe_mac(struct qt_hw *hw, bool periodic, struct qt2025_obs *o)
{
	memset(o, 0, sizeof(*o));
	o->periodic = periodic;
	o->mac = tn40_mac_link(hw);
	o->now_ns = qt_now_ns(hw);
}

void
qt2025_observe_phy(struct qt_hw *hw, struct qt2025_obs *o)
{
	int i;

	o->phy_ok = false;
	o->watch_ok = false;
	for (i = 0; i < QT2025_READ_TRIES && !o->phy_ok; i++)
		o->phy_ok = qt_phy_link_status(hw, &o->phy) == 0;
	for (i = 0; o->periodic && i < QT2025_READ_TRIES && !o->watch_ok; i++)
		o->watch_ok = qt_phy_read_watch(hw, &o->heartbeat, &o->module) == 0;
	/* why there is no link: light or none (a poll's extra frame, only while down) */
	o->signal = o->phy_ok && o->phy.pma;
	if (o->periodic && o->phy_ok && !o->phy.pma && qt_phy_rx_signal(hw, &o->signal) != 0)
		o->signal = false;
	o->now_ns = qt_now_ns(hw);
}

void
qt2025_observe(struct qt_hw *hw, bool periodic, struct qt2025_obs *o)
{
	qt2025_observe_mac(hw, periodic, o);
	qt2025_observe_phy(hw, o);
}

void
qt2025_judge_init(struct qt2025_judge *j, uint64_t now_ns, uint8_t heartbeat,
		  uint32_t poll_ms)
{
	memset(j, 0, sizeof(*j));
	j->heartbeat = heartbeat;
	j->heartbeat_ns = now_ns;
	j->poll_ns = (uint64_t)poll_ms * QT_NS_PER_MS;
	j->last_poll_ns = now_ns;
	j->pcs_kick_ms = QT2025_PCS_STUCK_MS;
}

/* The heartbeat part of a poll: true when the evidence of a crash is complete. */
static bool
heartbeat_dead(struct qt2025_judge *j, const struct qt2025_obs *o)
{
	uint64_t gap_max = RTE_MIN(2 * j->poll_ns + QT2025_POLL_SLACK_MS * QT_NS_PER_MS,
				   (uint64_t)QT2025_POLL_GAP_MAX_MS * QT_NS_PER_MS);
	uint64_t dead = RTE_MAX((uint64_t)QT2025_HEARTBEAT_DEAD_MS * QT_NS_PER_MS,
				2 * j->poll_ns);
	bool late = o->now_ns - j->last_poll_ns > gap_max;

	j->last_poll_ns = o->now_ns;
	if (late || (o->watch_ok && o->heartbeat != j->heartbeat)) {
		/* moved; or a gap the 8-bit heartbeat may have wrapped in: start afresh */
		if (o->watch_ok)
			j->heartbeat = o->heartbeat;
		j->heartbeat_ns = o->now_ns;
		j->stale_polls = 0;
		return false;
	}
	j->stale_polls++;
	return j->stale_polls >= QT2025_CRASH_POLLS && o->now_ns - j->heartbeat_ns >= dead;
}

static unsigned int
report(struct qt2025_judge *j, bool up)
{
	if (j->up == up)
		return 0;
	j->up = up;
	return up ? QT2025_ACT_UP : QT2025_ACT_DOWN;
}

unsigned int
qt2025_judge_mac(struct qt2025_judge *j, const struct qt2025_obs *o)
{
	if (o->mac)
		return 0;
	j->up_since_ns = 0;
	return report(j, false);
}

/*
 * hardware.md 8.7 bug 17190: light (PMA) and XAUI (PHY XS) up, PCS without block lock. After
 * QT2025_PCS_STUCK_MS of it, a PMA loopback pulse; the wait doubles after each pulse that
 * did not help (a link partner at another speed looks the same and is not cured), and
 * starts over once the PCS locks.
 */
static unsigned int
pcs_stuck(struct qt2025_judge *j, const struct qt2025_obs *o)
{
	if (!o->phy.pma || !o->phy.phy_xs || o->phy.pcs) {
		j->pcs_stuck_ns = 0;
		if (o->phy.pcs)
			j->pcs_kick_ms = QT2025_PCS_STUCK_MS;
		return 0;
	}
	if (j->pcs_stuck_ns == 0) {
		j->pcs_stuck_ns = o->now_ns;
		return 0;
	}
	if (o->now_ns - j->pcs_stuck_ns < (uint64_t)j->pcs_kick_ms * QT_NS_PER_MS)
		return 0;
	j->pcs_stuck_ns = 0;
	j->pcs_kick_ms = RTE_MIN(2 * j->pcs_kick_ms, (uint32_t)QT2025_PCS_KICK_MAX_MS);
	return QT2025_ACT_PCS_KICK;
}

unsigned int
qt2025_judge(struct qt2025_judge *j, const struct qt2025_obs *o)
{
	bool phy_up = o->phy_ok && qt_phy_link_up(&o->phy);
	bool up = o->mac && phy_up;
	bool dropped = o->phy.latched_drop || !up;
	unsigned int act = 0;

	if (o->periodic && heartbeat_dead(j, o)) {
		j->up_since_ns = 0;
		return report(j, false) | QT2025_ACT_CRASH;
	}
	if (!o->phy_ok) {
		/* unreadable after the retries: not a drop, the MAC bit alone can tell one;
		 * an up hold in progress waits for a readable look
		 */
		if (o->mac)
			return 0;
		j->up_since_ns = 0;
		return report(j, false);
	}

	if (o->periodic)
		act |= pcs_stuck(j, o);
	if (o->periodic && phy_up && !o->mac) {
		if (++j->mac_down_polls >= QT2025_MAC_RECOVER_POLLS) {
			j->mac_down_polls = 0;
			act |= QT2025_ACT_MAC_RESET;
		}
	} else if (o->mac) {
		j->mac_down_polls = 0;
	}

	if (dropped) {
		act |= report(j, false);
		/* a drop that already healed starts a new hold now */
		j->up_since_ns = up ? o->now_ns : 0;
	} else if (j->up_since_ns == 0) {
		j->up_since_ns = o->now_ns;
	}
	if (up && j->up_since_ns != 0 &&
	    o->now_ns - j->up_since_ns >= QT2025_LINK_HOLD_MS * QT_NS_PER_MS)
		act |= report(j, true);
	return act;
}

uint64_t
qt2025_judge_due(const struct qt2025_judge *j)
{
	if (j->up || j->up_since_ns == 0)
		return UINT64_MAX;
	return j->up_since_ns + QT2025_LINK_HOLD_MS * QT_NS_PER_MS;
}

const char *
qt2025_no_link_reason(const struct qt2025_judge *j, const struct qt2025_obs *o,
		      bool low_power, bool admin_down)
{
	if (j->up)
		return "";
	if (low_power)
		return admin_down ? "low power: set_link_down" : "low power: port stopped";
	if (!o->phy_ok)
		return "PHY status unreadable on MDIO";
	if (o->watch_ok && o->module == 0)
		return "no SFP+ module";
	if (!o->signal)
		return "no light: no cable, or the link partner sends nothing";
	if (!o->phy.pcs)
		return "light but no PCS block lock: link partner at another speed?";
	if (!qt_phy_link_up(&o->phy))
		return "PHY line side down";
	if (!o->mac)
		return "PHY link up, MAC (XAUI) link down";
	return "link coming up";
}
