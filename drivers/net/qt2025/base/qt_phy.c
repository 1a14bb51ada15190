/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * AMCC QT2025 PHY (hardware.md 8): identification, 8051 firmware download, ready wait, status.
 */

#include "qt_phy.h"
#include "tn40_mdio.h"

#define MMD_PMA         1
#define MMD_PCS         3
#define MMD_PHYXS       4

/* Clause-45 standard registers (hardware.md 9) */
#define REG_CTRL1               0x0000
#define REG_STAT1               0x0001
#define CTRL1_LOW_POWER         0x0800  /* bit 11 */
#define CTRL1_PCS_LOOPBACK      0x4000  /* 3.0000 bit 14 */
#define STAT1_LINK              0x0004  /* bit 2, latching low */

/* QT2025 vendor registers (hardware.md 8.2) */
#define REG_REVISION            0xD001  /* 1.D001[15:8] */
#define REG_BOOT_CTRL           0xE854  /* 3.E854 */
#define BOOT_FROM_ROM           0x00C0
#define BOOT_FROM_SRAM          0x0040
#define REG_FW_STATUS           0xD7FD
#define REG_FW_HEARTBEAT        0xD7EE
#define REG_FW_VER0             0xD7F3
#define REG_FW_VER1             0xD7F4
#define REG_FW_VER2             0xD7F5
#define REG_MODULE              0xD70C
#define PROG_MEM_BASE           0x8000  /* 3.8000.. then 4.8000.. (hardware.md 8.3 step 13) */
#define PROG_MEM_PART1          16384

#define STOP_CHECK_BYTES        1024    /* ~20 ms of download at 6 MHz */
#define MDIO_POLL_NS            100     /* BUSY read again after a frame overran */


struct qt2025_step {
	uint8_t mmd;
	uint16_t reg;
	uint16_t val;
};

/* Steps 2..12 of the table in hardware.md 8.3, in that order. */
static const struct qt2025_step qt2025_cfg_steps[] = {
	{ MMD_PMA, 0xC300, 0x0000 },    /* 2: hold the 8051 in reset */
	{ MMD_PMA, 0xC302, 0x0004 },    /* 3: 8051 reference clock */
	{ MMD_PMA, 0xC319, 0x0038 },    /* 4: SFP+ self-configure (non-loopback) mode */
	{ MMD_PMA, 0xC31A, 0x0098 },    /* 5: LAN, not WAN/WIS */
	{ MMD_PCS, 0x0026, 0x0E00 },    /* 6..9: undocumented, as both drivers */
	{ MMD_PCS, 0x0027, 0x0893 },
	{ MMD_PCS, 0x0028, 0xA528 },
	{ MMD_PCS, 0x0029, 0x0003 },
	/* 10: transmit and recovered clock. 1.C30A as the vendor writes it: mainline's 0xa30a
	 * came from a lowercase-hex edit in patch v7 and is a transcription typo
	 * (hardware.md 8.6 item 1).
	 */
	{ MMD_PMA, 0xC30A, 0x06E1 },
	{ MMD_PMA, 0xC300, 0x0002 },    /* 11: release the 8051 */
	{ MMD_PCS, REG_BOOT_CTRL, BOOT_FROM_ROM },      /* 12: boot ROM accepts the download */
};

static int
phy_found(struct qt_hw *hw)
{
	if (hw->phy.addr >= 0)
		return 0;
	qt_hw_why(hw, "no QT2025 found yet");
	return -ENODEV;
}

int
qt_phy_find(struct qt_hw *hw, uint32_t *phy_id)
{
	uint32_t id = 0;
	int addr;

	hw->phy.addr = -1;
	addr = tn40_mdio_scan(hw, &id);
	if (phy_id != NULL)
		*phy_id = addr >= 0 ? id : 0;
	if (addr == -ENODEV) {
		qt_hw_why(hw, "no PHY answers on MDIO addresses 0..31");
		return -ENODEV;
	}
	if (addr < 0)
		return addr;
	if (id != QT2025_PHY_ID) {
		qt_hw_why(hw, "the PHY at MDIO address %d has ID 0x%08x, not 0x%08x", addr, id,
			  QT2025_PHY_ID);
		return -ENODEV;
	}
	hw->phy.addr = addr;
	return 0;
}

int
qt_phy_identify(struct qt_hw *hw)
{
	uint16_t rev;
	int rc;

	rc = qt_phy_find(hw, NULL);
	if (rc != 0)
		return rc;
	rc = tn40_mdio_read(hw, hw->phy.addr, MMD_PMA, REG_REVISION, &rev);
	if (rc == 0 && (rev >> 8) != QT2025_REVISION) {
		qt_hw_why(hw, "revision 0x%02X at MDIO address %d, not 0x%02X", rev >> 8,
			  hw->phy.addr, QT2025_REVISION);
		rc = -ENOTSUP;
	}
	if (rc != 0) {
		hw->phy.addr = -1;
		return rc;
	}
	QT_LOG(INFO, phy, hw->name, "QT2025 found at MDIO address %d, revision 0x%02X",
	       hw->phy.addr, rev >> 8);
	return 0;
}

int
qt_phy_dl_begin(struct qt_phy_dl *dl, struct qt_hw *hw, const uint8_t *img, size_t len)
{
	unsigned int i;
	int rc;

	if (img == NULL || len == 0 || len > QT2025_FW_MAX_LEN) {
		qt_hw_why(hw, "image of %zu bytes rejected (1..%d)", img == NULL ? 0 : len,
			  QT2025_FW_MAX_LEN);
		return -EINVAL;
	}
	rc = phy_found(hw);
	if (rc != 0)
		return rc;

	for (i = 0; i < RTE_DIM(qt2025_cfg_steps); i++) {
		const struct qt2025_step *s = &qt2025_cfg_steps[i];

		rc = tn40_mdio_write(hw, hw->phy.addr, s->mmd, s->reg, s->val);
		if (rc != 0) {
			qt_hw_why(hw, "step %u (%u.%04X = 0x%04X): %s", i + 2, s->mmd, s->reg,
				  s->val, strerror(-rc));
			return rc;
		}
	}
	memset(dl, 0, sizeof(*dl));
	dl->hw = hw;
	dl->img = img;
	dl->len = len;
	return 0;
}

enum { DL_IDLE, DL_ADDR, DL_DATA };     /* which frame of a byte's write is on the wire */

/* Step 13: one write per byte; 16 KiB into PCS program memory, the rest into PHY XS. */
int
qt_phy_dl_poll(struct qt_phy_dl *dl)
{
	struct qt_hw *hw = dl->hw;
	int mmd = dl->n < PROG_MEM_PART1 ? MMD_PCS : MMD_PHYXS;
	uint16_t reg = (uint16_t)(PROG_MEM_BASE + dl->n % PROG_MEM_PART1);
	int rc;

	for (;;) {
		uint64_t now = qt_now_ns(hw);

		if (dl->phase == DL_IDLE) {
			if (dl->n == dl->len)
				return 0;
			/* a close must not wait for the rest of a 0.5 s download */
			if (dl->n % STOP_CHECK_BYTES == 0 && hw->stop != NULL &&
			    hw->stop(hw->stop_arg))
				return -EINTR;
			mmd = dl->n < PROG_MEM_PART1 ? MMD_PCS : MMD_PHYXS;
			reg = (uint16_t)(PROG_MEM_BASE + dl->n % PROG_MEM_PART1);
			dl->due_ns = tn40_mdio_start_addr(hw, hw->phy.addr, mmd, reg);
			dl->phase = DL_ADDR;
			return 1;
		}
		if (now < dl->due_ns)
			return 1;
		rc = tn40_mdio_frame_end(hw, dl->due_ns, now);
		if (rc == -EBUSY)
			return 1;       /* BUSY is read again at the next call */
		if (rc != 0) {
			qt_hw_why(hw, "byte %zu (%d.%04X): %s", dl->n, mmd, reg, strerror(-rc));
			tn40_mdio_ring_add_at(hw, now, true, hw->phy.addr, mmd, reg,
					      dl->img[dl->n], rc);
			return rc;
		}
		if (dl->phase == DL_ADDR) {
			dl->due_ns = tn40_mdio_start_data(hw, dl->img[dl->n]);
			dl->phase = DL_DATA;
			return 1;
		}
		tn40_mdio_ring_add_at(hw, now, true, hw->phy.addr, mmd, reg, dl->img[dl->n], 0);
		dl->phase = DL_IDLE;
		dl->n++;
	}
}

uint64_t
qt_phy_dl_left_ns(const struct qt_phy_dl *dl)
{
	return (uint64_t)(dl->len - dl->n) * 2 * dl->hw->mdio_frame_ns;
}

/* Step 14: run from SRAM. */
int
qt_phy_dl_end(struct qt_phy_dl *dl)
{
	int rc = tn40_mdio_write(dl->hw, dl->hw->phy.addr, MMD_PCS, REG_BOOT_CTRL,
				 BOOT_FROM_SRAM);

	if (rc != 0)
		qt_hw_why(dl->hw, "step 14 (3.%04X = 0x%04X): %s", REG_BOOT_CTRL,
			  BOOT_FROM_SRAM, strerror(-rc));
	return rc;
}

int
qt_phy_download(struct qt_hw *hw, const uint8_t *img, size_t len)
{
	struct qt_phy_dl dl;
	int rc;

	rc = qt_phy_dl_begin(&dl, hw, img, len);
	if (rc != 0)
		return rc;
	while ((rc = qt_phy_dl_poll(&dl)) > 0) {
		uint64_t now = qt_now_ns(hw);

		/* a frame is 10.24 us at 6.25 MHz: shorter than any sleep, so busy-wait, as
		 * the controller's wire does not wait for the thread (hardware.md 5)
		 */
		qt_spin_ns(hw, dl.due_ns > now ? dl.due_ns - now : MDIO_POLL_NS);
	}
	return rc == 0 ? qt_phy_dl_end(&dl) : rc;
}

/* qt_poll reader for a PCS register of the PHY: reg is the register number. */
static int
pcs_rd(struct qt_hw *hw, uint32_t reg, uint32_t *val)
{
	uint16_t v;
	int rc;

	rc = tn40_mdio_read(hw, hw->phy.addr, MMD_PCS, (uint16_t)reg, &v);
	*val = v;
	return rc;
}

int
qt_phy_wait_ready(struct qt_hw *hw, uint32_t step_ms, uint32_t timeout_ms)
{
	/* running: 3.D7FD[7:0] is neither 0x00 nor 0x10, i.e. a bit other than bit 4 is set */
	const struct qt_poll ready = {
		.rd = pcs_rd,
		.reg = REG_FW_STATUS,
		.mask = 0xEF,
		.val = 0,
		.flags = QT_POLL_NE,
		.step_ns = (uint64_t)step_ms * QT_NS_PER_MS,
		.timeout_ns = (uint64_t)timeout_ms * QT_NS_PER_MS,
	};
	uint32_t v = 0;
	int rc;

	rc = phy_found(hw);
	if (rc == 0)
		rc = qt_poll(hw, &ready, &v);
	if (rc == -ETIMEDOUT)
		qt_hw_why(hw, "3.D7FD = 0x%02X after %u ms", v & 0xFF, timeout_ms);
	return rc;
}

int
qt_phy_read_fw_state(struct qt_hw *hw, struct qt_phy_fw_state *st)
{
	static const uint16_t regs[] = {
		REG_FW_STATUS, REG_FW_HEARTBEAT, REG_FW_VER0, REG_FW_VER1, REG_FW_VER2,
		REG_MODULE,
	};
	uint16_t v[RTE_DIM(regs)];
	unsigned int i;
	int rc;

	rc = phy_found(hw);
	if (rc != 0)
		return rc;
	for (i = 0; i < RTE_DIM(regs); i++) {
		rc = tn40_mdio_read(hw, hw->phy.addr, MMD_PCS, regs[i], &v[i]);
		if (rc != 0)
			return rc;
	}
	st->status = v[0] & 0xFF;
	st->heartbeat = v[1] & 0xFF;
	/* "a.b.c.d" as the vendor prints it (hardware.md 8.2) */
	st->version[0] = (v[2] >> 4) & 0xF;
	st->version[1] = v[2] & 0xF;
	st->version[2] = v[3] & 0xFF;
	st->version[3] = v[4] & 0xFF;
	st->module = v[5] & 0xFF;
	return 0;
}

/* What link watching needs each poll: heartbeat and module type, two reads. */
int
qt_phy_read_watch(struct qt_hw *hw, uint8_t *heartbeat, uint8_t *module)
{
	uint16_t hb, mod;
	int rc;

	rc = phy_found(hw);
	if (rc == 0)
		rc = tn40_mdio_read(hw, hw->phy.addr, MMD_PCS, REG_FW_HEARTBEAT, &hb);
	if (rc == 0)
		rc = tn40_mdio_read(hw, hw->phy.addr, MMD_PCS, REG_MODULE, &mod);
	if (rc == 0 && (hb == 0xFFFF || mod == 0xFFFF))
		rc = -EIO;      /* 8-bit registers: nobody answered (hardware.md 1) */
	if (rc != 0)
		return rc;
	*heartbeat = hb & 0xFF;
	*module = mod & 0xFF;
	return 0;
}

/*
 * Link bits latch low (hardware.md 9): a first read of 0 shows a drop since the previous read,
 * the second read is the state now. A first read of 1 is already "now", so the second read
 * is only issued after a 0. latched_drop reports a drop the current state hides (first read
 * 0, second 1): a link that is simply down shows as down, not as a drop as well.
 */
static int
read_ll_link(struct qt_hw *hw, int mmd, bool *now, bool *dropped)
{
	uint16_t v;
	int rc;

	rc = tn40_mdio_read(hw, hw->phy.addr, mmd, REG_STAT1, &v);
	/* an address nobody answers may read 0xFFFF without an error (hardware.md 1): reserved
	 * bits set, no answer (a model variant plays it)
	 */
	if (rc == 0 && v == 0xFFFF)
		rc = -EIO;
	if (rc != 0)
		return rc;
	if (v & STAT1_LINK) {
		*now = true;
		return 0;
	}
	rc = tn40_mdio_read(hw, hw->phy.addr, mmd, REG_STAT1, &v);
	if (rc == 0 && v == 0xFFFF)
		rc = -EIO;
	if (rc != 0)
		return rc;
	*now = (v & STAT1_LINK) != 0;
	if (*now)
		*dropped = true;
	return 0;
}

int
qt_phy_link_status(struct qt_hw *hw, struct qt_phy_link *st)
{
	struct qt_phy_link l = { 0 };
	int rc;

	rc = phy_found(hw);
	if (rc != 0)
		return rc;
	rc = read_ll_link(hw, MMD_PMA, &l.pma, &l.latched_drop);
	if (rc == 0)
		rc = read_ll_link(hw, MMD_PCS, &l.pcs, &l.latched_drop);
	if (rc == 0)
		rc = read_ll_link(hw, MMD_PHYXS, &l.phy_xs, &l.latched_drop);
	if (rc != 0)
		return rc;
	*st = l;
	return 0;
}

static int
rmw_bit(struct qt_hw *hw, int mmd, uint16_t reg, uint16_t bit, bool on)
{
	uint16_t v, nv;
	int rc;

	rc = phy_found(hw);
	if (rc != 0)
		return rc;
	rc = tn40_mdio_read(hw, hw->phy.addr, mmd, reg, &v);
	if (rc != 0)
		return rc;
	nv = on ? (v | bit) : (v & ~bit);
	if (nv == v)
		return 0;
	return tn40_mdio_write(hw, hw->phy.addr, mmd, reg, nv);
}

int
qt_phy_set_loopback(struct qt_hw *hw, bool on)
{
	return rmw_bit(hw, MMD_PCS, REG_CTRL1, CTRL1_PCS_LOOPBACK, on);
}

/* Low power only (1.0000 bit 11); the PMD transmit disable 1.0009 is left alone. */
int
qt_phy_set_low_power(struct qt_hw *hw, bool on)
{
	return rmw_bit(hw, MMD_PMA, REG_CTRL1, CTRL1_LOW_POWER, on);
}

uint32_t
qt_phy_module_speed(uint8_t module)
{
	/* 1G modules (hardware.md 8.5); everything else, unknown types included, is 10G */
	switch (module) {
	case 5:
	case 6:
	case 8:
	case 9:
		return 1000;
	default:
		return 10000;
	}
}
