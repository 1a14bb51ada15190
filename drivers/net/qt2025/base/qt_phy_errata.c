/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * QT2025C errata recoveries (hardware.md 8.7) and the receive-signal read. Kept apart from
 * qt_phy.c: these are the Solarflare driver's workarounds, applied to a PHY that may
 * not need them (UNCERTAIN for the TN40's QT2025), each only on its own symptom.
 */

#include "qt_phy_errata.h"
#include "qt_phy.h"
#include "tn40_mdio.h"

#define MMD_PMA                 1
#define MMD_PCS                 3
#define REG_CTRL1               0x0000
#define CTRL1_PMA_LOOPBACK      0x0001  /* 1.0000 bit 0 (hardware.md 9) */
#define REG_SIGNAL_DETECT       0x000A  /* 1.000A bit 0: global signal detect */
#define REG_BOOT_CTRL           0xE854  /* 3.E854 (hardware.md 8.2) */
#define BOOT_FROM_ROM           0x00C0
#define BOOT_FROM_SRAM          0x0040
#define REG_FW_STATUS           0xD7FD
#define REG_FW_HEARTBEAT        0xD7EE
#define HEARTBEAT_LOOK_MS       250     /* heartbeat: 100 ms (hardware.md 8.7, 12.5) */

int
qt_phy_rx_signal(struct qt_hw *hw, bool *signal)
{
	uint16_t v;
	int rc;

	if (hw->phy.addr < 0)
		return -ENODEV;
	rc = tn40_mdio_read(hw, hw->phy.addr, MMD_PMA, REG_SIGNAL_DETECT, &v);
	if (rc == 0 && v == 0xFFFF)
		rc = -EIO;      /* nobody answered (absent: 0xFFFF, hardware.md 1) */
	if (rc == 0)
		*signal = (v & 1) != 0;
	return rc;
}

static int
pma_loopback(struct qt_hw *hw, bool on)
{
	uint16_t v;
	int rc;

	rc = tn40_mdio_read(hw, hw->phy.addr, MMD_PMA, REG_CTRL1, &v);
	if (rc != 0)
		return rc;
	v = on ? (v | CTRL1_PMA_LOOPBACK) : (v & ~CTRL1_PMA_LOOPBACK);
	return tn40_mdio_write(hw, hw->phy.addr, MMD_PMA, REG_CTRL1, v);
}

int
qt_phy_errata_pcs_kick(struct qt_hw *hw)
{
	int rc, rc2;

	if (hw->phy.addr < 0)
		return -ENODEV;
	rc = pma_loopback(hw, true);
	if (rc != 0)
		return rc;
	rc = qt_delay_ns(hw, QT2025_PCS_KICK_MS * QT_NS_PER_MS);
	rc2 = pma_loopback(hw, false);
	return rc2 != 0 ? rc2 : rc;
}

/* Status 0x00 with a heartbeat that moves: the 8051 runs but never reported (bug 17689). */
static bool
status_stuck(struct qt_hw *hw)
{
	uint16_t st, hb0, hb1;

	if (tn40_mdio_read(hw, hw->phy.addr, MMD_PCS, REG_FW_STATUS, &st) != 0 ||
	    (st & 0xFF) != 0x00 ||
	    tn40_mdio_read(hw, hw->phy.addr, MMD_PCS, REG_FW_HEARTBEAT, &hb0) != 0 ||
	    qt_delay_ns(hw, HEARTBEAT_LOOK_MS * QT_NS_PER_MS) != 0 ||
	    tn40_mdio_read(hw, hw->phy.addr, MMD_PCS, REG_FW_HEARTBEAT, &hb1) != 0)
		return false;
	return hb0 != 0xFFFF && (hb0 & 0xFF) != (hb1 & 0xFF);
}

int
qt_phy_errata_wait_ready(struct qt_hw *hw, uint32_t step_ms, uint32_t timeout_ms,
			 bool *restarted)
{
	char why[sizeof(hw->why)];
	int rc;

	*restarted = false;
	rc = qt_phy_wait_ready(hw, step_ms, timeout_ms);
	if (rc != -ETIMEDOUT)
		return rc;
	memcpy(why, hw->why, sizeof(why));
	if (!status_stuck(hw)) {
		memcpy(hw->why, why, sizeof(why));
		return rc;
	}
	/* the Solarflare recovery, once: restart the loaded image from RAM */
	*restarted = true;
	rc = tn40_mdio_write(hw, hw->phy.addr, MMD_PCS, REG_BOOT_CTRL, BOOT_FROM_ROM);
	if (rc == 0)
		rc = tn40_mdio_write(hw, hw->phy.addr, MMD_PCS, REG_BOOT_CTRL, BOOT_FROM_SRAM);
	if (rc == 0)
		rc = qt_delay_ns(hw, QT2025_RAM_RESTART_MS * QT_NS_PER_MS);
	if (rc == 0)
		rc = qt_phy_wait_ready(hw, step_ms, timeout_ms);
	if (rc == -ETIMEDOUT)
		qt_hw_why(hw, "3.D7FD stayed 0x00 with the heartbeat running, also after a "
			  "restart from RAM (hardware.md 8.7)");
	return rc;
}
