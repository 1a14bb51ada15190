/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The SFP+ module's EEPROM as the QT2025 firmware mirrors it (hardware.md 8.2): the A0h page at
 * 3.D000 + n, one byte per register, known from the QT2025C; UNCERTAIN on TN40 boards, so
 * validated before use. Called by the PHY thread only (its link watch).
 */

#include "qt_phy.h"
#include "tn40_mdio.h"

#define MMD_PCS                 3

/* Module EEPROM mirror (hardware.md 8.2) and the SFF-8472 A0h fields that validate it */
#define REG_SFP_MIRROR          0xD000  /* 3.D000 + n = A0h byte n, one byte per register */
#define SFP_ID_SFP              0x03    /* byte 0: SFP/SFP+ */
#define SFP_CC_BASE             63      /* byte 63 = low byte of the sum of bytes 0..62 */
/* polls an invalid page is read again: a module just inserted may not be mirrored yet */
#define SFP_TRIES               3

int
qt_phy_sfp_read(struct qt_hw *hw, uint16_t off, uint8_t *buf, size_t len)
{
	uint16_t v;
	size_t i;
	int rc;

	if (off + len > QT_SFP_PAGE_LEN)
		return -EINVAL;
	rc = hw->phy.addr >= 0 ? 0 : -ENODEV;
	for (i = 0; rc == 0 && i < len; i++) {
		rc = tn40_mdio_read(hw, hw->phy.addr, MMD_PCS, REG_SFP_MIRROR + off + i, &v);
		if (rc == 0 && v > 0xFF) {
			qt_hw_why(hw, "3.%04zX reads 0x%04x: not a byte mirror",
				  REG_SFP_MIRROR + off + i, v);
			return -ENOTSUP;
		}
		buf[i] = (uint8_t)v;
	}
	return rc;
}

int
qt_phy_sfp_check(const uint8_t *page, char *why, size_t len)
{
	unsigned int i, sum = 0;

	if (page[0] != SFP_ID_SFP) {
		snprintf(why, len, "identifier 0x%02x, not SFP (0x03)", page[0]);
		return -ENOTSUP;
	}
	for (i = 0; i < SFP_CC_BASE; i++)
		sum += page[i];
	if ((uint8_t)sum != page[SFP_CC_BASE]) {
		snprintf(why, len, "CC_BASE 0x%02x, bytes 0..62 sum to 0x%02x",
			 page[SFP_CC_BASE], sum & 0xFF);
		return -ENOTSUP;
	}
	return 0;
}

enum qt_sfp_need
qt_phy_sfp_track(struct qt_hw *hw, uint8_t module, bool *changed)
{
	struct qt_sfp_state *c = &hw->phy.sfp;

	*changed = false;
	if (!c->module_known || c->module != module) {
		c->module = module;
		c->module_known = true;
		c->tries = 0;
		c->status = module != 0 ? -EAGAIN : -ENODEV;
		c->why[0] = '\0';
		*changed = true;
	}
	if (module == 0)
		return QT_SFP_NEED_NONE;
	if (c->status == -EIO || (c->status == -ENOTSUP && c->tries < SFP_TRIES))
		return QT_SFP_NEED_READ;
	return c->status == -EAGAIN ? QT_SFP_NEED_IF_ASKED : QT_SFP_NEED_NONE;
}

/* A board without the mirror costs one MDIO read per try: byte 0 is read first. */
void
qt_phy_sfp_read_page(struct qt_hw *hw)
{
	struct qt_sfp_state *c = &hw->phy.sfp;
	uint8_t page[QT_SFP_PAGE_LEN] = { 0 };
	char why[sizeof(c->why)] = "";
	int rc;

	rc = qt_phy_sfp_read(hw, 0, page, 1);
	if (rc == 0 && page[0] == SFP_ID_SFP)
		rc = qt_phy_sfp_read(hw, 1, page + 1, QT_SFP_PAGE_LEN - 1);
	if (rc == 0)
		rc = qt_phy_sfp_check(page, why, sizeof(why));
	else if (rc == -ENOTSUP)
		snprintf(why, sizeof(why), "%s", hw->why);
	else
		rc = -EIO;
	c->status = rc;
	c->tries++;
	c->reads++;
	snprintf(c->why, sizeof(c->why), "%s", why);
	memcpy(c->page, page, sizeof(page));
}
