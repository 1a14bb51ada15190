/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * TN40xx MAC: PLL reset (hardware.md 6.1), MAC address (3.4), MAC/SerDes speed (6.3), link bit,
 * GPIO (hardware.md 3.12), interrupts (3.8) and the NIC firmware push through the TXD FIFO (4.8).
 */

#include "tn40_fifo.h"
#include "tn40_hw.h"

#define PLL_POLL_NS             QT_NS_PER_MS    /* 6.1 step 4 (10 ms in both drivers, */
#define PLL_TIMEOUT_NS          (700 * QT_NS_PER_MS)    /* up to 700 ms): 1 ms saves 9 ms a probe */
#define PLL_SETTLE_NS           (50 * QT_NS_PER_US)
#define ETHSD_INIT_POLL_NS      (50 * QT_NS_PER_US)      /* 6.3 step 5: 1000 x 50 us */
#define ETHSD_INIT_TIMEOUT_NS   (50 * QT_NS_PER_MS)
#define MIKE2_STEP_NS           (5 * QT_NS_PER_US)
#define MAC_RST_NS              (2 * QT_NS_PER_MS)      /* MAC reset pulse (hardware.md 6.3) */
#define ETHSD_LANES             4

#define FW_TXF_OFFSET           RTE_ALIGN_CEIL(TN40_FIFO_DMA_LEN(TN40_FIFO_CODE_32K), 4096)
#define FW_FULL_WAIT_NS         (55 * QT_NS_PER_US)     /* 4.8: 50-60 us when full */
#define FW_FULL_RETRIES         300
#define FW_SETTLE_NS            (100 * QT_NS_PER_MS)    /* after the push */
#define FW_POLL_NS              (2 * QT_NS_PER_MS)      /* INIT_STATUS every 2 ms ... */
#define FW_TIMEOUT_NS           (400 * QT_NS_PER_MS)    /* ... for 400 ms */

int
tn40_pll_reset(struct qt_hw *hw)
{
	const struct qt_poll lock = {
		.reg = TN40_CLKPLL,
		.mask = TN40_CLKPLL_LOCKED,
		.val = TN40_CLKPLL_LOCKED,
		.step_ns = PLL_POLL_NS,
		.timeout_ns = PLL_TIMEOUT_NS,
	};
	uint32_t v;
	int rc;

	/* "+ 8" as in both drivers (hardware.md 6.1 step 1) */
	v = qt_rd32(hw, TN40_CLKPLL);
	qt_wr32(hw, TN40_CLKPLL, (v | TN40_CLKPLL_SFTRST) + 8);
	qt_spin_ns(hw, PLL_SETTLE_NS);
	v = qt_rd32(hw, TN40_CLKPLL);
	qt_wr32(hw, TN40_CLKPLL, v & ~TN40_CLKPLL_SFTRST);

	rc = qt_poll(hw, &lock, &v);
	if (rc != 0) {
		if (rc == -ETIMEDOUT)
			qt_hw_why(hw, "PLL not locked after 700 ms (CLKPLL 0x%08x)", v);
		return rc;
	}
	qt_spin_ns(hw, PLL_SETTLE_NS);
	(void)qt_rd32(hw, TN40_RXD_CFG0_0);     /* any PCIe read (hardware.md 6.1 step 5) */
	return 0;
}

void
tn40_read_mac(struct qt_hw *hw, uint8_t mac[6])
{
	static const uint32_t regs[3] = { TN40_UNC_MAC2_A, TN40_UNC_MAC1_A, TN40_UNC_MAC0_A };
	unsigned int i;
	uint32_t v;

	/* MAC2 = b0 b1, MAC1 = b2 b3, MAC0 = b4 b5 (hardware.md 3.4); the vendor reads each
	 * register twice and keeps the second value, which costs nothing at probe.
	 */
	for (i = 0; i < 3; i++) {
		(void)qt_rd32(hw, regs[i]);
		v = qt_rd32(hw, regs[i]);
		mac[2 * i] = (uint8_t)(v >> 8);
		mac[2 * i + 1] = (uint8_t)v;
	}
}

static void
mac_reset_pulse(struct qt_hw *hw)
{
	qt_wr32(hw, TN40_MAC_RST_CNT, TN40_MAC_RST_CNT_ON);
	qt_sleep_ns(hw, MAC_RST_NS);
	qt_wr32(hw, TN40_MAC_RST_CNT, 0);
}

/* SerDes init handshake (hardware.md 6.3 10G step 5). A timeout is only logged, as both drivers do.
 */
static void
ethsd_init(struct qt_hw *hw)
{
	const struct qt_poll done = {
		.reg = TN40_ETHSD_INIT_STAT,
		.mask = TN40_ETHSD_INIT_DONE,
		.val = TN40_ETHSD_INIT_DONE,
		.step_ns = ETHSD_INIT_POLL_NS,
		.timeout_ns = ETHSD_INIT_TIMEOUT_NS,
	};

	qt_wr32(hw, TN40_ETHSD_INIT_STAT, TN40_ETHSD_INIT_START);
	if (qt_poll(hw, &done, NULL) != 0) {
		QT_LOG(WARNING, phy, hw->name,
		       "MAC init timeout (ETHSD INIT_STAT bit 9 never set)");
		return;
	}
	qt_wr32(hw, TN40_ETHSD_INIT_STAT, TN40_ETHSD_INIT_ACK);
	(void)qt_rd32(hw, TN40_ETHSD_INIT_STAT);
}

static void
set_speed_10g(struct qt_hw *hw)
{
	int l;

	qt_wr32(hw, TN40_ETHSD_REFCLK_CONF, 0x217);
	for (l = 0; l < ETHSD_LANES; l++)
		qt_wr32(hw, TN40_ETHSD_RX_PCNT(l), 0x4C);
	for (l = 0; l < ETHSD_LANES; l++)
		qt_wr32(hw, TN40_ETHSD_TX_PCNT(l), 0x434);
	qt_wr32(hw, TN40_PCS_CTRL, TN40_PCS_CTRL_10G);
	qt_wr32(hw, TN40_ETHSD_MIKE2, 0x00);
	qt_spin_ns(hw, MIKE2_STEP_NS);
	qt_wr32(hw, TN40_ETHSD_MIKE2, 0x04);
	qt_spin_ns(hw, MIKE2_STEP_NS);
	qt_wr32(hw, TN40_ETHSD_MIKE2, 0x06);
	qt_spin_ns(hw, MIKE2_STEP_NS);
	for (l = 0; l < ETHSD_LANES; l++)
		qt_wr32(hw, TN40_ETHSD_TX_DCNT(l), 0x81644);
	ethsd_init(hw);
	qt_wr32(hw, TN40_PCS_IF_MODE, 0x0);
	qt_wr32(hw, TN40_CTRLST, TN40_CTRLST_UP);
	mac_reset_pulse(hw);
}

static void
set_speed_1g(struct qt_hw *hw)
{
	int l;

	qt_wr32(hw, TN40_ETHSD_REFCLK_CONF, 0x613);
	for (l = 0; l < ETHSD_LANES; l++)
		qt_wr32(hw, TN40_ETHSD_RX_PCNT(l), l == 0 ? 0x4D : 0);
	for (l = 0; l < ETHSD_LANES; l++)
		qt_wr32(hw, TN40_ETHSD_TX_PCNT(l), l == 0 ? 0x35 : 0);
	qt_wr32(hw, TN40_PCS_CTRL, TN40_PCS_CTRL_1G);
	ethsd_init(hw);
	qt_wr32(hw, TN40_PCS_IF_MODE, 0x2B);
	qt_wr32(hw, TN40_PCS_DEV_AB, 0x9801);
	qt_wr32(hw, TN40_PCS_PART_AB, 0x1);
	qt_wr32(hw, TN40_PCS_LINK_LO, 0xC8);
	qt_wr32(hw, TN40_PCS_LINK_HI, 0xC8);
	qt_spin_ns(hw, 50 * QT_NS_PER_US);
	qt_wr32(hw, TN40_CTRLST, TN40_CTRLST_UP);
	mac_reset_pulse(hw);
	qt_wr32(hw, TN40_PCS_CTRL, TN40_PCS_CTRL_1G);
}

static void
set_speed_down(struct qt_hw *hw)
{
	int l;

	for (l = 0; l < ETHSD_LANES; l++)
		qt_wr32(hw, TN40_ETHSD_RX_PCNT(l), 0);
	for (l = 0; l < ETHSD_LANES; l++)
		qt_wr32(hw, TN40_ETHSD_TX_PCNT(l), 0);
	qt_wr32(hw, TN40_CTRLST, TN40_CTRLST_DOWN);
	mac_reset_pulse(hw);
}

int
tn40_set_speed(struct qt_hw *hw, uint32_t mbps)
{
	switch (mbps) {
	case 10000:
		set_speed_10g(hw);
		return 0;
	case 1000:
		set_speed_1g(hw);
		return 0;
	case 0:
		set_speed_down(hw);
		return 0;
	default:
		qt_hw_why(hw, "MAC speed %u Mb/s not supported (10000, 1000 or 0)", mbps);
		return -EINVAL;
	}
}

bool
tn40_mac_link(struct qt_hw *hw)
{
	return (qt_rd32(hw, TN40_MAC_LNK_STAT) & TN40_MAC_LINK_UP) != 0;
}

void
tn40_gpio_init(struct qt_hw *hw)
{
	/* direction register 6 = 0: GPIO[9:0] outputs (hardware.md 3.12) */
	qt_wr32(hw, TN40_GPIO_CMD, TN40_GPIO_CMD_WRITE | TN40_GPIO_REG_DIR);
	qt_wr32(hw, TN40_GPIO_DATA, 0);
}

void
tn40_irq_mask_set(struct qt_hw *hw, uint32_t mask)
{
	qt_wr32(hw, TN40_IMR, mask);
}

uint32_t
tn40_irq_ack(struct qt_hw *hw)
{
	return qt_rd32(hw, TN40_ISR_MSK0);
}

bool
tn40_nic_fw_loaded(struct qt_hw *hw)
{
	return qt_rd32(hw, TN40_INIT_STATUS) != 0;
}

/*
 * Raw bytes into the TXD FIFO, in chunks of at most (free - 8) bytes so the ring never looks empty
 * when full (hardware.md 4.2, 4.8); free space from the NIC's TXD_RPTR. The retry budget counts
 * consecutive waits without progress: a slow but moving NIC never fails, a stuck one fails after
 * ~300 x 55 us.
 */
static int
fw_push(struct qt_hw *hw, struct tn40_fifo *txd, const uint8_t *fw, size_t len)
{
	uint32_t rptr, free_b, chunk;
	int waits = 0;
	size_t off = 0;

	while (off < len) {
		rptr = qt_rd32(hw, txd->reg_rptr) & TN40_PTR_MASK;
		free_b = (rptr - txd->wptr) & (txd->size - 1);
		if (free_b == 0)
			free_b = txd->size;
		if (free_b <= 8) {
			if (++waits > FW_FULL_RETRIES) {
				qt_hw_why(hw, "TXD FIFO stuck at byte %zu of %zu (RPTR 0x%x, "
					  "WPTR 0x%x)", off, len, rptr, txd->wptr);
				return -ETIMEDOUT;
			}
			qt_spin_ns(hw, FW_FULL_WAIT_NS);
			continue;
		}
		waits = 0;
		chunk = (uint32_t)RTE_MIN((size_t)(free_b - 8), len - off);
		tn40_fifo_write(txd, fw + off, chunk);
		off += chunk;
		tn40_fifo_wr_doorbell(hw, txd);
	}
	return 0;
}

int
tn40_nic_fw_load(struct qt_hw *hw, const uint8_t *fw, size_t len, const struct tn40_dma *dma)
{
	const struct qt_poll done = {
		.reg = TN40_INIT_STATUS,
		.mask = ~0u,
		.val = 0,
		.flags = QT_POLL_NE,
		.step_ns = FW_POLL_NS,
		.timeout_ns = FW_TIMEOUT_NS,
	};
	struct tn40_fifo txd, txf;
	uint32_t st;
	bool master;
	int rc = 0;

	if (fw == NULL || len == 0 || len % 8 != 0) {
		qt_hw_why(hw, "image of %zu bytes rejected (not a multiple of 8)",
			  fw == NULL ? 0 : len);
		return -EINVAL;
	}
	if (dma == NULL || dma->va == NULL || (dma->iova & 0xFFF) != 0 ||
	    dma->len < TN40_FW_DMA_LEN) {
		qt_hw_why(hw, "DMA area unusable (want 4 KiB aligned, %d B)", TN40_FW_DMA_LEN);
		return -EINVAL;
	}

	/* TXD at the start, TXF on the next 4 KiB boundary after TXD + extra (hardware.md 4.2, 4.8)
	 */
	tn40_fifo_init(&txd, TN40_FIFO_TXD, dma->va, dma->iova, TN40_FIFO_CODE_32K);
	tn40_fifo_init(&txf, TN40_FIFO_TXF, (uint8_t *)dma->va + FW_TXF_OFFSET,
		       dma->iova + FW_TXF_OFFSET, TN40_FIFO_CODE_32K);
	tn40_fifo_program(hw, &txd);
	tn40_fifo_program(hw, &txf);
	qt_wr32(hw, txd.reg_wptr, 0);
	qt_wr32(hw, txd.reg_rptr, 0);
	qt_wr32(hw, txf.reg_wptr, 0);
	qt_wr32(hw, txf.reg_rptr, 0);

	master = qt_rd32(hw, TN40_INIT_SEMAPHORE) != 0;
	if (master && qt_rd32(hw, TN40_INIT_STATUS) == 0) {
		rc = fw_push(hw, &txd, fw, len);
		if (rc == 0)
			rc = qt_delay_ns(hw, FW_SETTLE_NS);
	}
	if (rc == 0) {
		rc = qt_poll(hw, &done, &st);
		if (rc == -ETIMEDOUT)
			qt_hw_why(hw, "not initialised after 400 ms (VPC 0x%08x, VIC 0x%08x, "
				  "INIT_STATUS 0x%08x)", qt_rd32(hw, TN40_VPC),
				  qt_rd32(hw, TN40_VIC), st);
	}
	/* released on failure too, or the next load on this card never becomes master */
	if (master)
		qt_wr32(hw, TN40_INIT_SEMAPHORE, 1);
	return rc;
}
