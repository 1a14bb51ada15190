/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Clause-45 MDIO through the TN40xx MDIO controller (hardware.md 5).
 *
 * A frame takes 64 bit times on the wire, so after starting one we spin for that long and
 * only then poll BUSY in short spins: the QT2025 download is 2 x 24,543 frames and runs at
 * the wire limit this way. Not thread-safe: the PHY control thread owns the bus.
 */

#include "tn40_mdio.h"
#include "tn40_regs.h"

#define MDIO_POLL_NS            100     /* spin between BUSY polls once a frame is due */
#define MDIO_UNKNOWN_POLL_NS    2000    /* BUSY polled this often at a clock we did not set */
/* Linux's tn40_mdio_wait_nobusy gives BUSY 10 ms (readx_poll_timeout_atomic, 10 us, 10 ms);
 * the vendor 1024 reads. The same 10 ms here, or 20 frames where a frame is longer.
 */
#define MDIO_MIN_DEADLINE_NS    (10 * QT_NS_PER_MS)
#define MDIO_DEADLINE_FRAMES    20

#define PHY_ID1_REG             0x0002  /* 1.0002 / 1.0003 (hardware.md 9) */
#define PHY_ID2_REG             0x0003
#define MMD_PMAPMD              1
#define MDIO_MAX_ADDR           31

static uint32_t
frame_ns_of(uint32_t clk)
{
	/* 64 bits x divider x 8 ns (125 MHz reference, hardware.md 5) */
	return TN40_MDIO_FRAME_BITS * TN40_MDIO_CLK_DIV(clk) * TN40_MDIO_REF_NS;
}

static uint32_t
frame_ns(struct qt_hw *hw)
{
	/* Before any tn40_mdio_set_clock the controller runs at its reset default, which both
	 * drivers treat as the 1 MHz setting (hardware.md 5).
	 */
	if (unlikely(hw->mdio_frame_ns == 0))
		hw->mdio_frame_ns = frame_ns_of(TN40_MDIO_CLK_1MHZ_VAL);
	return hw->mdio_frame_ns;
}

/* Waits for BUSY to clear; started: a frame was just started, so spin its wire time first.
 * *stat is the last MDIO_CMD_STAT value. 0 or -ETIMEDOUT.
 */
static int
mdio_wait(struct qt_hw *hw, bool started, uint32_t *stat)
{
	uint64_t fns = frame_ns(hw);
	struct qt_poll p = {
		.reg = TN40_MDIO_CMD_STAT,
		.mask = TN40_MDIO_STAT_BUSY,
		.val = 0,
		.step_ns = MDIO_POLL_NS,
		.timeout_ns = RTE_MAX(MDIO_DEADLINE_FRAMES * fns, MDIO_MIN_DEADLINE_NS),
	};

	if (started && hw->mdio_clk != 0) {
		qt_spin_ns(hw, fns);
	} else if (started) {
		/* The clock is one we did not set (a warm start looks at the PHY before setting
		 * it): the 1 MHz reset default and run-time setting, or the 6 MHz a run stopped
		 * during its download left. Wait for the faster frame and then poll, so that a
		 * 6 MHz bus is not read at 1 MHz pace.
		 */
		qt_spin_ns(hw, frame_ns_of(TN40_MDIO_CLK_6MHZ_VAL));
		p.step_ns = MDIO_UNKNOWN_POLL_NS;
	}
	if (likely(qt_poll(hw, &p, stat) == 0))
		return 0;
	hw->mdio.timeouts++;
	qt_hw_why(hw, "MDIO controller stuck busy (MDIO_CMD_STAT 0x%08x)", *stat);
	QT_LOG(DEBUG, phy, hw->name, "%s", hw->why);
	return -ETIMEDOUT;
}

/* ---- one write transaction in steps that never wait (tn40_mdio.h) ---- */

static uint64_t
frame_deadline(struct qt_hw *hw)
{
	return RTE_MAX(MDIO_DEADLINE_FRAMES * (uint64_t)frame_ns(hw), MDIO_MIN_DEADLINE_NS);
}

uint64_t
tn40_mdio_start_addr(struct qt_hw *hw, int prtad, int mmd, uint16_t reg)
{
	uint32_t cmd = (uint32_t)mmd | (uint32_t)prtad << TN40_MDIO_CMD_PRTAD_SHIFT;

	hw->mdio.writes++;
	qt_wr32(hw, TN40_MDIO_CMD, cmd);
	qt_wr32(hw, TN40_MDIO_ADDR, reg);       /* starts the address frame (step 3) */
	return qt_now_ns(hw) + frame_ns(hw);
}

uint64_t
tn40_mdio_start_data(struct qt_hw *hw, uint16_t val)
{
	qt_wr32(hw, TN40_MDIO_DATA, val);       /* starts the write frame (step 5) */
	return qt_now_ns(hw) + frame_ns(hw);
}

int
tn40_mdio_frame_end(struct qt_hw *hw, uint64_t due_ns, uint64_t now)
{
	uint32_t stat = qt_rd32(hw, TN40_MDIO_CMD_STAT);

	if (stat & TN40_MDIO_STAT_BUSY) {
		if (now < due_ns + frame_deadline(hw))
			return -EBUSY;
		hw->mdio.timeouts++;
		qt_hw_why(hw, "MDIO controller stuck busy (MDIO_CMD_STAT 0x%08x)", stat);
		return -ETIMEDOUT;
	}
	if (stat & TN40_MDIO_STAT_ERR) {
		hw->mdio.errors++;
		return -EIO;
	}
	return 0;
}

/*
 * Address frame (steps 1..4 of both transactions). The error bit is also checked after the
 * address frame: a failed address frame means the data frame would hit the wrong register.
 * The check is free, the status word is read for BUSY anyway.
 */
static int
mdio_address(struct qt_hw *hw, uint32_t cmd, uint16_t reg)
{
	uint32_t stat;
	int rc;

	if (unlikely(hw->mdio_settle_ns != 0)) {
		uint64_t now = qt_now_ns(hw);

		if (now < hw->mdio_settle_ns && qt_delay_ns(hw, hw->mdio_settle_ns - now) != 0)
			return -EINTR;
		hw->mdio_settle_ns = 0;
	}
	rc = mdio_wait(hw, false, &stat);
	if (rc != 0)
		return rc;
	qt_wr32(hw, TN40_MDIO_CMD, cmd);
	qt_wr32(hw, TN40_MDIO_ADDR, reg);
	rc = mdio_wait(hw, true, &stat);
	if (rc != 0)
		return rc;
	return (stat & TN40_MDIO_STAT_ERR) ? -EIO : 0;
}

static int
mdio_read(struct qt_hw *hw, int prtad, int mmd, uint16_t reg, uint16_t *val, bool count_err)
{
	uint32_t cmd, stat;
	int rc;

	if (prtad < 0 || prtad > MDIO_MAX_ADDR || mmd < 0 || mmd > 31 || val == NULL)
		return -EINVAL;
	hw->mdio.reads++;
	cmd = (uint32_t)mmd | (uint32_t)prtad << TN40_MDIO_CMD_PRTAD_SHIFT;
	rc = mdio_address(hw, cmd, reg);
	if (rc == 0) {
		qt_wr32(hw, TN40_MDIO_CMD, cmd | TN40_MDIO_CMD_READ);
		rc = mdio_wait(hw, true, &stat);
		if (rc == 0 && (stat & TN40_MDIO_STAT_ERR))
			rc = -EIO;
	}
	if (rc == -EIO) {
		tn40_mdio_ring_add(hw, false, prtad, mmd, reg, 0xFFFF, rc);
		if (count_err) {
			hw->mdio.errors++;
			qt_hw_why(hw, "MDIO read of %d.%04X at address %d ended with the error bit",
				  mmd, reg, prtad);
		}
		return rc;
	}
	if (rc == 0)
		*val = (uint16_t)(qt_rd32(hw, TN40_MDIO_DATA) & 0xFFFF);
	tn40_mdio_ring_add(hw, false, prtad, mmd, reg, rc == 0 ? *val : 0, rc);
	return rc;
}

int
tn40_mdio_read(struct qt_hw *hw, int prtad, int mmd, uint16_t reg, uint16_t *val)
{
	return mdio_read(hw, prtad, mmd, reg, val, true);
}

int
tn40_mdio_write(struct qt_hw *hw, int prtad, int mmd, uint16_t reg, uint16_t val)
{
	uint32_t cmd, stat;
	int rc;

	if (prtad < 0 || prtad > MDIO_MAX_ADDR || mmd < 0 || mmd > 31)
		return -EINVAL;
	hw->mdio.writes++;
	cmd = (uint32_t)mmd | (uint32_t)prtad << TN40_MDIO_CMD_PRTAD_SHIFT;
	rc = mdio_address(hw, cmd, reg);
	if (rc == 0) {
		/* writing the data starts the write frame (hardware.md 5, step 5) */
		qt_wr32(hw, TN40_MDIO_DATA, val);
		rc = mdio_wait(hw, true, &stat);
		if (rc == 0 && (stat & TN40_MDIO_STAT_ERR))
			rc = -EIO;
	}
	tn40_mdio_ring_add(hw, true, prtad, mmd, reg, val, rc);
	if (rc == -EIO) {
		hw->mdio.errors++;
		qt_hw_why(hw, "MDIO write of %d.%04X at address %d ended with the error bit",
			  mmd, reg, prtad);
	}
	return rc;
}

int
tn40_mdio_set_clock(struct qt_hw *hw, enum tn40_mdio_clock clk)
{
	uint32_t v;

	switch (clk) {
	case TN40_MDIO_CLK_1MHZ:
		v = TN40_MDIO_CLK_1MHZ_VAL;
		break;
	case TN40_MDIO_CLK_6MHZ:
		v = TN40_MDIO_CLK_6MHZ_VAL;
		break;
	default:
		return -EINVAL;
	}
	qt_wr32(hw, TN40_MDIO_CMD_STAT, v);
	hw->mdio_clk = v;
	hw->mdio_frame_ns = frame_ns_of(v);
	/* Linux's tn40_mdio_set_speed sleeps 100 ms after the write (hardware.md 5). The
	 * settle is kept, but it is the next MDIO transaction that waits for it, so MMIO-only
	 * work (MAC set-up, NIC firmware) can overlap it.
	 */
	hw->mdio_settle_ns = qt_now_ns(hw) + 100 * QT_NS_PER_MS;
	return 0;
}

void
tn40_mdio_ring_add(struct qt_hw *hw, bool write, int prtad, int mmd, uint16_t reg,
		   uint16_t val, int rc)
{
	if (hw->mdio_ring != NULL)
		tn40_mdio_ring_add_at(hw, qt_now_ns(hw), write, prtad, mmd, reg, val, rc);
}

void
tn40_mdio_ring_add_at(struct qt_hw *hw, uint64_t t_ns, bool write, int prtad, int mmd,
		      uint16_t reg, uint16_t val, int rc)
{
	struct qt_mdio_ring *r = hw->mdio_ring;
	struct qt_mdio_rec *e;
	uint32_t h;

	if (r == NULL)
		return;
	h = r->head;
	e = &r->rec[h % QT_MDIO_RING_LEN];
	e->t_ns = t_ns;
	e->reg = reg;
	e->val = val;
	e->write = write;
	e->prtad = (uint8_t)prtad;
	e->mmd = (uint8_t)mmd;
	e->rc = (int8_t)RTE_MAX(rc, -127);
	qt_wmb();       /* the record before the head that publishes it */
	*(volatile uint32_t *)&r->head = h + 1;
}

static bool
id_half_valid(uint16_t v)
{
	return v != 0x0000 && v != 0xFFFF;
}

/*
 * An absent address may answer 0xFFFF with or without the error bit (hardware.md 11, open
 * question 10). A scan read ending in -EIO therefore means "nobody there": it is counted in
 * hw->mdio.reads but not in hw->mdio.errors, so that a healthy probe on a card that sets the
 * error bit for absent addresses does not report 31 MDIO errors. -ETIMEDOUT is a controller
 * failure and aborts the scan.
 */
int
tn40_mdio_scan(struct qt_hw *hw, uint32_t *phy_id)
{
	uint16_t id1, id2;
	int addr, rc;

	for (addr = 0; addr <= MDIO_MAX_ADDR; addr++) {
		rc = mdio_read(hw, addr, MMD_PMAPMD, PHY_ID1_REG, &id1, false);
		if (rc == -EIO || (rc == 0 && !id_half_valid(id1)))
			continue;
		if (rc != 0)
			return rc;
		rc = mdio_read(hw, addr, MMD_PMAPMD, PHY_ID2_REG, &id2, false);
		if (rc == -EIO || (rc == 0 && !id_half_valid(id2)))
			continue;
		if (rc != 0)
			return rc;
		if (phy_id != NULL)
			*phy_id = (uint32_t)id1 << 16 | id2;
		return addr;
	}
	return -ENODEV;
}
