/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * QT2025C errata known from the Solarflare driver (hardware.md 8.7), and the line-side reads the
 * link watch uses to say why there is no link. Whether the TN40's QT2025 (rev B3) has these
 * errata is UNCERTAIN: each recovery is only tried on the symptom it cures, and does no harm
 * on a PHY without the erratum. MDIO: PHY control thread only.
 */

#ifndef QT_PHY_ERRATA_H
#define QT_PHY_ERRATA_H

#include "qt_hw.h"

#define QT2025_PCS_STUCK_MS     2000    /* 8.7 bug 17190: PCS down this long, then kick */
#define QT2025_PCS_KICK_MS      100     /* PMA loopback held this long */
#define QT2025_RAM_RESTART_MS   50      /* 8.7 bug 17689: wait after the restart */

/* 1.000A bit 0 (hardware.md 9): light at the receiver. */
int qt_phy_rx_signal(struct qt_hw *hw, bool *signal);

/* Bug 17190 (hardware.md 8.7): PMA/PMD loopback (1.0000 bit 0) on for QT2025_PCS_KICK_MS, then off.
 * The loopback is cleared even when asked to stop; -EINTR then.
 */
int qt_phy_errata_pcs_kick(struct qt_hw *hw);

/* qt_phy_wait_ready, and bug 17689 (hardware.md 8.7): when it timed out with the status at 0x00 and
 * the heartbeat moving, the 8051 is restarted from RAM (3.E854 = 0xC0, 0x40, 50 ms) once and waited
 * for again. *restarted tells whether that happened.
 */
int qt_phy_errata_wait_ready(struct qt_hw *hw, uint32_t step_ms, uint32_t timeout_ms,
			     bool *restarted);

#endif /* QT_PHY_ERRATA_H */
