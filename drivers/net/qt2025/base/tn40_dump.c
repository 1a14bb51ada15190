/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The registers get_reg dumps (tn40_dump.h), BAR0 offsets of tn40_regs.h.
 *
 * Left out because reading them changes the card (or might: hardware.md 3.3, 3.8, 3.11):
 * ISR (0x5100, read to clear pending status), ISR_MSK0 (0x5140, a read acknowledges and
 * holds the interrupt line until IMR is written), INIT_SEMAPHORE (0x5170, a read takes
 * the firmware-load semaphore), MDIO_CMD/MDIO_DATA (0x6034/0x6038, the PHY thread's
 * transaction in flight), GPIO_DATA (0x51F0, indirect) and the statistics block
 * (0x7200..0x73F8, clear-on-read UNCERTAIN; xstats has them).
 */

#include "tn40_dump.h"
#include "tn40_regs.h"

const struct tn40_dump_reg tn40_dump_regs[] = {
	{ TN40_MAC_LNK_STAT, "MAC_LNK_STAT" },
	{ TN40_BLNK_LED, "BLNK_LED" },
	{ TN40_ETHSD_REFCLK_CONF, "ETHSD_REFCLK_CONF" },
	{ TN40_ETHSD_INIT_STAT, "ETHSD_INIT_STAT" },
	{ TN40_MAC_RST_CNT, "MAC_RST_CNT" },
	{ TN40_GMAC_RXF_A, "GMAC_RXF_A" },
	{ TN40_UNC_MAC0_A, "UNC_MAC0_A" },
	{ TN40_UNC_MAC1_A, "UNC_MAC1_A" },
	{ TN40_UNC_MAC2_A, "UNC_MAC2_A" },
	{ TN40_MAX_FRAME_A, "MAX_FRAME_A" },
	{ TN40_PAUSE_CFG, "PAUSE_CFG" },
	{ TN40_VGLB, "VGLB" },
	{ TN40_TXD_CFG1_0, "TXD_CFG1_0" },
	{ TN40_RXF_CFG1_0, "RXF_CFG1_0" },
	{ TN40_RXD_CFG1_0, "RXD_CFG1_0" },
	{ TN40_TXF_CFG1_0, "TXF_CFG1_0" },
	{ TN40_TXD_CFG0_0, "TXD_CFG0_0" },
	{ TN40_RXF_CFG0_0, "RXF_CFG0_0" },
	{ TN40_RXD_CFG0_0, "RXD_CFG0_0" },
	{ TN40_TXF_CFG0_0, "TXF_CFG0_0" },
	{ TN40_TXD_WPTR_0, "TXD_WPTR_0" },
	{ TN40_RXF_WPTR_0, "RXF_WPTR_0" },
	{ TN40_RXD_WPTR_0, "RXD_WPTR_0" },
	{ TN40_TXF_WPTR_0, "TXF_WPTR_0" },
	{ TN40_TXD_RPTR_0, "TXD_RPTR_0" },
	{ TN40_RXF_RPTR_0, "RXF_RPTR_0" },
	{ TN40_RXD_RPTR_0, "RXD_RPTR_0" },
	{ TN40_TXF_RPTR_0, "TXF_RPTR_0" },
	{ TN40_CLKPLL, "CLKPLL" },
	{ TN40_FW_VER, "FW_VER" },
	{ TN40_SROM_VER, "SROM_VER" },
	{ TN40_FPGA_VER, "FPGA_VER" },
	{ TN40_FPGA_SEED, "FPGA_SEED" },
	{ TN40_IMR, "IMR" },
	{ TN40_RDINTCM0, "RDINTCM0" },
	{ TN40_RDINTCM2, "RDINTCM2" },
	{ TN40_TDINTCM0, "TDINTCM0" },
	{ TN40_GTMR0, "GTMR0" },
	{ TN40_GTMR1, "GTMR1" },
	{ TN40_INIT_STATUS, "INIT_STATUS" },
	{ TN40_CTRLST, "CTRLST" },
	{ TN40_MAC_ADDR_0, "MAC_ADDR_0" },
	{ TN40_MAC_ADDR_1, "MAC_ADDR_1" },
	{ TN40_FRM_LENGTH, "FRM_LENGTH" },
	{ TN40_RX_FIFO_SECTION, "RX_FIFO_SECTION" },
	{ TN40_TX_FIFO_SECTION, "TX_FIFO_SECTION" },
	{ TN40_MDIO_CMD_STAT, "MDIO_CMD_STAT" },
	{ TN40_PAUSE_QUANT, "PAUSE_QUANT" },
	{ TN40_PAUSE_6064, "PAUSE_6064" },
	{ TN40_PCS_CTRL, "PCS_CTRL" },
	{ TN40_PCS_IF_MODE, "PCS_IF_MODE" },
	{ TN40_RST_PORT, "RST_PORT" },
	{ TN40_DIS_PORT, "DIS_PORT" },
	{ TN40_RST_QU, "RST_QU" },
	{ TN40_DIS_QU, "DIS_QU" },
};

const unsigned int tn40_dump_nregs = RTE_DIM(tn40_dump_regs);

void
tn40_dump(struct qt_hw *hw, uint32_t *data)
{
	unsigned int i;

	for (i = 0; i < tn40_dump_nregs; i++)
		data[i] = qt_rd32(hw, tn40_dump_regs[i].off);
}
