/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * TN40xx BAR0 register map and bit fields, from tn40xx-qt2025-hardware.md ("hardware.md").
 * The device model keeps its own copy (sim/); a mismatch between the two shows up in tests.
 */

#ifndef TN40_REGS_H
#define TN40_REGS_H

/* Descriptor FIFOs, queue 0 (hardware.md 3.1, 4.2) */
#define TN40_TXD_CFG1_0         0x4000
#define TN40_RXF_CFG1_0         0x4010
#define TN40_RXD_CFG1_0         0x4020
#define TN40_TXF_CFG1_0         0x4030
#define TN40_TXD_CFG0_0         0x4040
#define TN40_RXF_CFG0_0         0x4050
#define TN40_RXD_CFG0_0         0x4060
#define TN40_TXF_CFG0_0         0x4070
#define TN40_TXD_WPTR_0         0x4080
#define TN40_RXF_WPTR_0         0x4090
#define TN40_RXD_WPTR_0         0x40A0
#define TN40_TXF_WPTR_0         0x40B0
#define TN40_TXD_RPTR_0         0x40C0
#define TN40_RXF_RPTR_0         0x40D0
#define TN40_RXD_RPTR_0         0x40E0
#define TN40_TXF_RPTR_0         0x40F0

#define TN40_CFG0_BASE_MASK     0xFFFFF000u     /* base address bits 31:12 */
#define TN40_FIFO_CODE_32K      3               /* memsz = 4096 << code */
#define TN40_FIFO_SIZE(code)    (4096u << (code))
#define TN40_FIFO_EXTRA         1024u           /* scratch after the ring (hardware.md 4.2) */
#define TN40_PTR_MASK           0x7FF8u         /* WPTR/RPTR bits 14:3 */
#define TN40_TXF_WPTR_MASK      0x7FF0u

/* Version / identification (hardware.md 3.2) */
#define TN40_FW_VER             0x5010
#define TN40_SROM_VER           0x5020
#define TN40_FPGA_VER           0x5030
#define TN40_FPGA_SEED          0x5040

/* Clock/PLL, interrupts, init (hardware.md 3.3) */
#define TN40_CLKPLL             0x5000
#define TN40_CLKPLL_SFTRST      0x00000001u
#define TN40_CLKPLL_RSTEND      0x00000100u
#define TN40_CLKPLL_PLLLKD      0x00000200u
#define TN40_CLKPLL_LOCKED      (TN40_CLKPLL_RSTEND | TN40_CLKPLL_PLLLKD)
#define TN40_ISR                0x5100
#define TN40_IMR                0x5110
#define TN40_RDINTCM0           0x5120
#define TN40_RDINTCM2           0x5128
#define TN40_TDINTCM0           0x5130
#define TN40_ISR_MSK0           0x5140
#define TN40_GTMR0              0x5150
#define TN40_GTMR1              0x5154
#define TN40_INIT_SEMAPHORE     0x5170
#define TN40_INIT_STATUS        0x5180
#define TN40_GPIO_CMD           0x51E0
#define TN40_GPIO_DATA          0x51F0

/* GPIO (hardware.md 3.12): "write GPIO register 6 (direction)" with data 0 = all outputs */
#define TN40_GPIO_CMD_WRITE     0x30010000u
#define TN40_GPIO_REG_DIR       6

/* MAC, link, LED (hardware.md 3.4) */
#define TN40_MAC_LNK_STAT       0x0200
#define TN40_MAC_LINK_UP        0x00000004u
#define TN40_BLNK_LED           0x0210
#define TN40_BLNK_LED_ON        0x4u            /* vendor "LED on" (identify), 0 = off */
#define TN40_GMAC_RXF_A         0x1240
#define TN40_UNC_MAC0_A         0x1250          /* bytes 4, 5 */
#define TN40_UNC_MAC1_A         0x1260          /* bytes 2, 3 */
#define TN40_UNC_MAC2_A         0x1270          /* bytes 0, 1 */
#define TN40_GMAC_RXF_OSEN      0x1000u         /* RX enable (hardware.md 3.10) */
#define TN40_GMAC_RXF_TXFC      0x0400u
#define TN40_GMAC_RXF_AM        0x0008u         /* multicast that hits the hash */
#define TN40_GMAC_RXF_AB        0x0004u
#define TN40_GMAC_RXF_PRM       0x0001u
#define TN40_GMAC_RXF_START     0x10FDu         /* hw_start's first value (hardware.md 6.5) */
#define TN40_MAX_FRAME_A        0x12C0
#define TN40_MAX_FRAME_MASK     0x3FFFu
#define TN40_PAUSE_CFG          0x12E0          /* 0x28 in hw_start ("Pause frame") */
#define TN40_VLAN_0             0x1800          /* + (vid / 32) * 4, bit vid % 32 */
#define TN40_RX_MCST_HASH0      0x1A00          /* 8 registers, 256 bits */
#define TN40_RX_MAC_MCST0       0x1A80          /* + 8 i, i < 15 (and MCST1 at + 4) */
#define TN40_RX_MAC_MCST_N      15
#define TN40_VPC                0x2300
#define TN40_VIC                0x2320
#define TN40_VGLB               0x2340

/* 10G MAC and PCS (hardware.md 3.5) */
#define TN40_CTRLST             0x6008
#define TN40_CTRLST_UP          0x00000C13u
#define TN40_CTRLST_DOWN        0x00000800u
#define TN40_MAC_ADDR_0         0x600C
#define TN40_MAC_ADDR_1         0x6010
#define TN40_FRM_LENGTH         0x6014
#define TN40_FRM_LENGTH_VAL     0x3FE0u         /* 16352, "10G overall max length" */
#define TN40_RX_FIFO_SECTION    0x601C
#define TN40_TX_FIFO_SECTION    0x6020
#define TN40_RX_FULLNESS        0x6024
#define TN40_TX_FULLNESS        0x6028
#define TN40_PAUSE_QUANT        0x6054
#define TN40_PAUSE_6064         0x6064          /* 0xF in hw_start (hardware.md 3.5) */
#define TN40_PCS_CTRL           0x6300
#define TN40_PCS_CTRL_10G       0x0400u
#define TN40_PCS_CTRL_1G        0x1140u
#define TN40_PCS_DEV_AB         0x6310
#define TN40_PCS_PART_AB        0x6314
#define TN40_PCS_LINK_LO        0x6348
#define TN40_PCS_LINK_HI        0x634C
#define TN40_PCS_IF_MODE        0x6350

/* MDIO controller (hardware.md 5) */
#define TN40_MDIO_CMD_STAT      0x6030
#define TN40_MDIO_CMD           0x6034
#define TN40_MDIO_DATA          0x6038
#define TN40_MDIO_ADDR          0x603C
#define TN40_MDIO_STAT_BUSY     0x0001u
#define TN40_MDIO_STAT_ERR      0x0002u
#define TN40_MDIO_CMD_PRTAD_SHIFT 5
#define TN40_MDIO_CMD_READ      0x8000u
#define TN40_MDIO_CLK_1MHZ_VAL  0x3EC8u         /* (125 << 7) | 0x48 */
#define TN40_MDIO_CLK_6MHZ_VAL  0x0A48u         /* (20 << 7) | 0x48 */
#define TN40_MDIO_CLK_DIV(v)    (((v) >> 7) & 0x1FFu)
#define TN40_MDIO_REF_NS        8               /* 125 MHz reference (5, inferred) */
#define TN40_MDIO_FRAME_BITS    64

/* Ethernet SerDes and MAC reset (hardware.md 3.6) */
#define TN40_ETHSD_REFCLK_CONF  0x1010
#define TN40_ETHSD_INIT_STAT    0x1014
#define TN40_ETHSD_INIT_START   0x43u
#define TN40_ETHSD_INIT_DONE    0x0200u         /* bit 9 */
#define TN40_ETHSD_INIT_ACK     0x3u
#define TN40_ETHSD_MIKE2        0x1018
#define TN40_ETHSD_TX_PCNT(l)   (0x102C + 4 * (l))
#define TN40_ETHSD_TX_DCNT(l)   (0x103C + 4 * (l))
#define TN40_ETHSD_RX_PCNT(l)   (0x104C + 4 * (l))
#define TN40_MAC_RST_CNT        0x111C
#define TN40_MAC_RST_CNT_ON     0x7FFu

/* Reset / disable (hardware.md 3.7) */
#define TN40_RST_PORT           0x7000
#define TN40_DIS_PORT           0x7010
#define TN40_RST_QU             0x7020
#define TN40_DIS_QU             0x7030
#define TN40_RST_PORT_DISABLED  0x1u            /* read: the hardware is disabled */

/* Hardware statistics (hardware.md 3.11): 64-bit, low word at the offset, high at + 8 */
#define TN40_STAT_BASE          0x7200
#define TN40_STAT_END           0x73F0
#define TN40_STAT_STRIDE        0x10

/* Interrupt bits of queue 0 (hardware.md 3.8) */
#define TN40_IR_RX_DESC_0       0x00000800u
#define TN40_IR_TX_FREE_0       0x00008000u

/* Interrupt coalescing defaults (hardware.md 3.9) */
#define TN40_RDINTCM_DEFAULT    0x00C48020u
#define TN40_TDINTCM_DEFAULT    0x00C08020u

#endif /* TN40_REGS_H */
