/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Clause-45 MDIO through the TN40xx BAR (hardware.md 5).
 *
 * Return codes: 0, -ETIMEDOUT (BUSY never cleared), -EIO (the controller's error bit),
 * -EINVAL (bad argument), -EINTR (hw->stop asked during a clock settle). Each failure is
 * counted in hw->mdio and described in hw->why.
 */

#ifndef TN40_MDIO_H
#define TN40_MDIO_H

#include "qt_hw.h"

enum tn40_mdio_clock {
	TN40_MDIO_CLK_1MHZ,     /* 0x3EC8: reset default, run time (tn40_priv_init, vendor) */
	TN40_MDIO_CLK_6MHZ,     /* 0x0A48: 6.25 MHz: the bus scan and the PHY download */
};

/* Writes the clock setting; the next transaction waits until it has settled (100 ms after
 * the write, section 5).
 */
int tn40_mdio_set_clock(struct qt_hw *hw, enum tn40_mdio_clock clk);

int tn40_mdio_read(struct qt_hw *hw, int prtad, int mmd, uint16_t reg, uint16_t *val);
int tn40_mdio_write(struct qt_hw *hw, int prtad, int mmd, uint16_t reg, uint16_t val);

/*
 * One write transaction in steps that never wait, for a thread that drives several cards'
 * buses at once (each card has its own controller, one frame on its wire at a time).
 * tn40_mdio_start_addr and tn40_mdio_start_data start a frame on an idle bus (the caller
 * saw BUSY clear) and return when it ends on the wire; tn40_mdio_frame_end, called at or
 * after that time, returns 0, -EIO (error bit), -EBUSY (not over yet: call again) or
 * -ETIMEDOUT (BUSY stuck far past the frame's end). Counted as tn40_mdio_write counts.
 */
uint64_t tn40_mdio_start_addr(struct qt_hw *hw, int prtad, int mmd, uint16_t reg);
uint64_t tn40_mdio_start_data(struct qt_hw *hw, uint16_t val);
int tn40_mdio_frame_end(struct qt_hw *hw, uint64_t due_ns, uint64_t now);

/* Appends one transaction to hw->mdio_ring, if any (qt_hw.h). */
void tn40_mdio_ring_add(struct qt_hw *hw, bool write, int prtad, int mmd, uint16_t reg,
			uint16_t val, int rc);
/* The same with a time the caller has already read (the download, once a byte). */
void tn40_mdio_ring_add_at(struct qt_hw *hw, uint64_t t_ns, bool write, int prtad, int mmd,
			   uint16_t reg, uint16_t val, int rc);

/* Scans addresses 0..31 reading 1.0002/1.0003; returns the first address whose ID is
 * neither 0x0000 nor 0xFFFF (and *phy_id), -ENODEV when none answers, or an MDIO error
 * that is not an absent address.
 */
int tn40_mdio_scan(struct qt_hw *hw, uint32_t *phy_id);

#endif /* TN40_MDIO_H */
