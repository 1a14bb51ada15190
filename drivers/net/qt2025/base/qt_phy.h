/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * AMCC QT2025 10G SFP+ PHY over Clause-45 MDIO (hardware.md 8).
 * Every function issues MDIO: only the PHY control thread calls them.
 * Return codes: 0, negative errno (MDIO errors pass through unchanged).
 */

#ifndef QT_PHY_H
#define QT_PHY_H

#include "qt_hw.h"

#define QT2025_PHY_ID           0x0043A400u
#define QT2025_REVISION         0xB3    /* 1.D001[15:8] (hardware.md 8.1) */
#define QT2025_FW_MAX_LEN       24576   /* 16 KiB at 3.8000 + 8 KiB at 4.8000 (hardware.md 8.3) */
#define QT2025_FW_READY_MS      3000    /* ready wait on 3.D7FD (hardware.md 8.3 step 15) ... */
#define QT2025_FW_READY_STEP_MS 50      /* ... polled every 50 ms by both drivers */

/* MDIO scan; sets hw->phy.addr when the first PHY found is a QT2025 (else -1). Quiet: the
 * detail of a failure is in hw->why. -ENODEV: nothing answers or another PHY; or an MDIO
 * error. *phy_id (may be NULL) gets the ID found, 0 if none.
 */
int qt_phy_find(struct qt_hw *hw, uint32_t *phy_id);

/* qt_phy_find, then the revision: -ENOTSUP for a QT2025 of another revision. */
int qt_phy_identify(struct qt_hw *hw);

struct qt_phy_fw_state {
	uint8_t status;         /* 3.D7FD[7:0] */
	uint8_t heartbeat;      /* 3.D7EE[7:0] */
	uint8_t version[4];     /* a.b.c.d from 3.D7F3..5 (hardware.md 8.2) */
	uint8_t module;         /* 3.D70C[7:0] (hardware.md 8.5) */
};

/* Reads status, heartbeat, version and module type. */
int qt_phy_read_fw_state(struct qt_hw *hw, struct qt_phy_fw_state *st);
/* Status register says the 8051 firmware runs: not 0x00 and not 0x10 (hardware.md 8.2). */
static inline bool
qt_phy_fw_status_running(uint8_t status)
{
	return status != 0x00 && status != 0x10;
}

/* Heartbeat (3.D7EE) and module type (3.D70C) only: the per-poll part of link watching. */
int qt_phy_read_watch(struct qt_hw *hw, uint8_t *heartbeat, uint8_t *module);

/* Steps 2..14 of 8.3: hold the 8051, configure, release, boot ROM, program download,
 * run from SRAM. The caller sets the 6 MHz MDIO clock first and waits with
 * qt_phy_wait_ready() afterwards. -EINVAL for an empty or oversized image; -EINTR when
 * hw->stop asked for it (checked every 1 KiB).
 */
int qt_phy_download(struct qt_hw *hw, const uint8_t *img, size_t len);

/*
 * The same download in three parts, so that one thread can drive several cards' downloads
 * at once (each card has its own MDIO bus): qt_phy_dl_begin does steps 2..12 (waiting, a
 * few frames); qt_phy_dl_poll writes the program (step 13) as far as it can without
 * waiting and returns 1 while there is more (next call at or after dl->due_ns, on hw's
 * clock), 0 when all bytes are written, or an error as qt_phy_download; qt_phy_dl_end is
 * step 14. qt_phy_download is these three with a busy-wait in between.
 */
struct qt_phy_dl {
	struct qt_hw *hw;
	const uint8_t *img;
	size_t len;
	size_t n;               /* bytes written */
	uint64_t due_ns;        /* the frame on the wire ends (hw's clock) */
	uint8_t phase;          /* no frame, address frame or data frame on the wire */
};
int qt_phy_dl_begin(struct qt_phy_dl *dl, struct qt_hw *hw, const uint8_t *img, size_t len);
int qt_phy_dl_poll(struct qt_phy_dl *dl);
int qt_phy_dl_end(struct qt_phy_dl *dl);
/* The wire time the bytes not yet written still take: two frames each. */
uint64_t qt_phy_dl_left_ns(const struct qt_phy_dl *dl);

/* Step 15, the one ready wait: polls 3.D7FD every step_ms until the firmware runs (0),
 * timeout_ms passed (-ETIMEDOUT), hw->stop asked (-EINTR), or an MDIO error.
 */
int qt_phy_wait_ready(struct qt_hw *hw, uint32_t step_ms, uint32_t timeout_ms);

/* Line status of the three MMDs; each latching-low bit is read twice so the answer is the
 * state now; *latched_drop is set when any first read showed a drop since the last call.
 */
struct qt_phy_link {
	bool pma;               /* 1.0001 bit 2 */
	bool pcs;               /* 3.0001 bit 2 */
	bool phy_xs;            /* 4.0001 bit 2 (XAUI side) */
	bool latched_drop;
};
int qt_phy_link_status(struct qt_hw *hw, struct qt_phy_link *st);
static inline bool
qt_phy_link_up(const struct qt_phy_link *st)
{
	return st->pma && st->pcs;
}

/* len bytes of the module EEPROM mirror from A0h offset off (3.D000 + off, 8.2): -ENOTSUP
 * when a register holds more than a byte (no mirror there), -EINVAL past 256 bytes.
 */
int qt_phy_sfp_read(struct qt_hw *hw, uint16_t off, uint8_t *buf, size_t len);
/* An A0h page is an SFP's: identifier 0x03 and CC_BASE right; -ENOTSUP and why otherwise. */
int qt_phy_sfp_check(const uint8_t *page, char *why, size_t len);
/* The module EEPROM mirror (hardware.md 8.2), followed by the PHY thread (qt_phy_sfp.c):
 * qt_phy_sfp_track() takes the module type of a poll (a change makes the page unknown, no
 * MDIO; *changed says hw->phy.sfp changed) and says whether a read is due: always (a
 * failed read, an invalid page tried fewer than a few times), only if an application asked
 * (a page not read yet), or not. qt_phy_sfp_read_page() reads and checks the page into
 * hw->phy.sfp. Publishing the state is the caller's.
 */
enum qt_sfp_need {
	QT_SFP_NEED_NONE = 0,
	QT_SFP_NEED_READ,
	QT_SFP_NEED_IF_ASKED,
};
enum qt_sfp_need qt_phy_sfp_track(struct qt_hw *hw, uint8_t module, bool *changed);
void qt_phy_sfp_read_page(struct qt_hw *hw);

int qt_phy_set_loopback(struct qt_hw *hw, bool on);     /* PCS loopback, 3.0000 bit 14 */
int qt_phy_set_low_power(struct qt_hw *hw, bool on);    /* 1.0000 bit 11 */

/* Line rate implied by a module type (hardware.md 8.5): 1000 for types 5, 6, 8, 9, else 10000. */
uint32_t qt_phy_module_speed(uint8_t module);

#endif /* QT_PHY_H */
