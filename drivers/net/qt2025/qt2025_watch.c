/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Link judgement. qt2025_observe() takes one look at the hardware; qt2025_judge() is a
 * pure function of such looks and the hardware clock, so debounce, crash detection and
 * MAC recovery are tested on the model's fake clock in milliseconds (test_base_watch.c).
 *
 * The rules: a drop is reported at once (the MAC bit is MMIO and judged before any MDIO,
 * hw note 7.3; the PHY's latching-low bits show a drop even when it healed before the
 * look, hw note 9); a link is reported up
 * after it stayed up QT2025_LINK_HOLD_MS; a heartbeat that does not move (or cannot be
 * read) for QT2025_HEARTBEAT_DEAD_MS is a crashed 8051; a PHY with light whose MAC never
 * follows gets a MAC reset on the 12th poll (hw note 7.1).
 */

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
	o->phy_ok = qt2025_link_status(hw, &o->phy) == 0;
	o->watch_ok = o->periodic && qt2025_read_watch(hw, &o->heartbeat, &o->module) == 0;
	o->now_ns = qt_now_ns(hw);
}

void
qt2025_observe(struct qt_hw *hw, bool periodic, struct qt2025_obs *o)
{
	qt2025_observe_mac(hw, periodic, o);
	qt2025_observe_phy(hw, o);
}

void
qt2025_judge_init(struct qt2025_judge *j, uint64_t now_ns, uint8_t heartbeat)
{
	memset(j, 0, sizeof(*j));
	j->heartbeat = heartbeat;
	j->heartbeat_ns = now_ns;
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

unsigned int
qt2025_judge(struct qt2025_judge *j, const struct qt2025_obs *o)
{
	/* a PHY that cannot be read counts as a drop */
	bool phy_up = o->phy_ok && qt2025_link_up(&o->phy);
	bool up = o->mac && phy_up;
	bool dropped = !o->phy_ok || o->phy.latched_drop || !up;
	unsigned int act = 0;

	if (o->watch_ok && o->heartbeat != j->heartbeat) {
		j->heartbeat = o->heartbeat;
		j->heartbeat_ns = o->now_ns;
	} else if (o->periodic &&
		   o->now_ns - j->heartbeat_ns > QT2025_HEARTBEAT_DEAD_MS * QT_NS_PER_MS) {
		j->up_since_ns = 0;
		return report(j, false) | QT2025_ACT_CRASH;
	}

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
