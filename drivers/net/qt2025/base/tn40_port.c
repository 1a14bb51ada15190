/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * TN40xx port: SW reset (hardware.md 6.2), hw_start (6.5), receive filters (3.10), statistics.
 */

#include "tn40_port.h"
#include "tn40_regs.h"

#define RX_DRAIN_NS             (100 * QT_NS_PER_MS)    /* 6.2 step 1 */
#define DISABLE_POLL_NS         (10 * QT_NS_PER_MS)     /* 6.2 step 3: every 10 ms ... */
#define DISABLE_TIMEOUT_NS      (500 * QT_NS_PER_MS)    /* ... up to 500 ms */
#define TX_DCNT_VAL             0x81644u                /* "MikeFix1" (hardware.md 3.6) */
#define STATS_UNSUPPORTED_FPGA  308

void
tn40_sw_reset(struct qt_hw *hw, bool drain)
{
	const struct qt_poll disabled = {
		.reg = TN40_RST_PORT,
		.mask = TN40_RST_PORT_DISABLED,
		.val = TN40_RST_PORT_DISABLED,
		.step_ns = DISABLE_POLL_NS,
		.timeout_ns = DISABLE_TIMEOUT_NS,
	};
	uint32_t off;

	qt_wr32(hw, TN40_GMAC_RXF_A, 0);
	if (drain)
		qt_sleep_ns(hw, RX_DRAIN_NS);
	qt_wr32(hw, TN40_DIS_PORT, 1);
	qt_wr32(hw, TN40_DIS_QU, 1);
	/* a timeout is only logged, as both drivers do */
	if (qt_poll(hw, &disabled, NULL) != 0)
		QT_LOG(WARNING, driver, hw->name, "port not disabled after 500 ms (RST_PORT 0x%x)",
		       qt_rd32(hw, TN40_RST_PORT));
	qt_wr32(hw, TN40_RDINTCM0, 0);
	qt_wr32(hw, TN40_TDINTCM0, 0);
	qt_wr32(hw, TN40_IMR, 0);
	(void)qt_rd32(hw, TN40_ISR);
	qt_wr32(hw, TN40_RST_QU, 1);
	qt_wr32(hw, TN40_RST_PORT, 1);
	/* the eight pointers of queue 0: 0x4080..0x40F0 in steps of 0x10 (step 6) */
	for (off = TN40_TXD_WPTR_0; off <= TN40_TXF_RPTR_0; off += 0x10)
		qt_wr32(hw, off, 0);
	qt_wr32(hw, TN40_DIS_PORT, 0);
	qt_wr32(hw, TN40_DIS_QU, 0);
	qt_wr32(hw, TN40_RST_QU, 0);
	qt_wr32(hw, TN40_RST_PORT, 0);
}

void
tn40_set_mac(struct qt_hw *hw, const uint8_t m[6])
{
	qt_wr32(hw, TN40_UNC_MAC2_A, (uint32_t)m[0] << 8 | m[1]);
	qt_wr32(hw, TN40_UNC_MAC1_A, (uint32_t)m[2] << 8 | m[3]);
	qt_wr32(hw, TN40_UNC_MAC0_A, (uint32_t)m[4] << 8 | m[5]);
	qt_wr32(hw, TN40_MAC_ADDR_0, (uint32_t)m[3] << 24 | (uint32_t)m[2] << 16 |
		(uint32_t)m[1] << 8 | m[0]);
	qt_wr32(hw, TN40_MAC_ADDR_1, (uint32_t)m[5] << 8 | m[4]);
}

void
tn40_set_max_frame(struct qt_hw *hw, uint32_t frame)
{
	qt_wr32(hw, TN40_MAX_FRAME_A, frame & TN40_MAX_FRAME_MASK);
}

void
tn40_hw_start(struct qt_hw *hw, const uint8_t mac[6], uint32_t frame, uint32_t imr)
{
	unsigned int l;

	qt_wr32(hw, TN40_FRM_LENGTH, TN40_FRM_LENGTH_VAL);
	qt_wr32(hw, TN40_GMAC_RXF_A, TN40_GMAC_RXF_START);
	for (l = 0; l < 4; l++)
		qt_wr32(hw, TN40_ETHSD_TX_DCNT(l), TX_DCNT_VAL);
	qt_wr32(hw, TN40_RX_FIFO_SECTION, 0x10);
	qt_wr32(hw, TN40_TX_FIFO_SECTION, 0xE00010);
	qt_wr32(hw, TN40_RX_FULLNESS, 0);
	qt_wr32(hw, TN40_TX_FULLNESS, 0);
	qt_wr32(hw, TN40_VGLB, 0);
	tn40_set_max_frame(hw, frame);
	qt_wr32(hw, TN40_RDINTCM0, TN40_RDINTCM_DEFAULT);
	qt_wr32(hw, TN40_RDINTCM2, 0);
	qt_wr32(hw, TN40_TDINTCM0, TN40_TDINTCM_DEFAULT);
	tn40_set_mac(hw, mac);
	qt_wr32(hw, TN40_PAUSE_CFG, 0x28);
	qt_wr32(hw, TN40_PAUSE_QUANT, 0xFFFF);
	qt_wr32(hw, TN40_PAUSE_6064, 0xF);
	tn40_rx_mode(hw, false, false, NULL, 0, true);
	qt_wr32(hw, TN40_IMR, imr);
}

void
tn40_hw_stop(struct qt_hw *hw)
{
	qt_wr32(hw, TN40_IMR, 0);
	tn40_sw_reset(hw, true);
}

uint8_t
tn40_mc_hash(const uint8_t a[6])
{
	return a[0] ^ a[1] ^ a[2] ^ a[3] ^ a[4] ^ a[5];
}

void
tn40_rx_mode(struct qt_hw *hw, bool promisc, bool allmulti, const uint8_t mc[][6],
	     unsigned int n, bool txfc)
{
	uint32_t rxf = TN40_GMAC_RXF_OSEN | TN40_GMAC_RXF_AB;
	uint32_t hash[8] = { 0 };
	unsigned int i;

	/* as Linux's tn40_setmulti: all-multicast is a full hash, AM gates the hash */
	if (allmulti)
		memset(hash, 0xFF, sizeof(hash));
	for (i = 0; i < n; i++) {
		uint8_t h = tn40_mc_hash(mc[i]);

		hash[h >> 5] |= 1u << (h & 31);
	}
	if (allmulti || n > 0)
		rxf |= TN40_GMAC_RXF_AM;
	if (promisc)
		rxf |= TN40_GMAC_RXF_PRM;
	if (txfc)
		rxf |= TN40_GMAC_RXF_TXFC;
	for (i = 0; i < 8; i++)
		qt_wr32(hw, TN40_RX_MCST_HASH0 + 4 * i, hash[i]);
	for (i = 0; i < TN40_RX_MAC_MCST_N; i++) {
		qt_wr32(hw, TN40_RX_MAC_MCST0 + 8 * i, 0);
		qt_wr32(hw, TN40_RX_MAC_MCST0 + 8 * i + 4, 0);
	}
	qt_wr32(hw, TN40_GMAC_RXF_A, rxf);
}

void
tn40_vlan_filter(struct qt_hw *hw, uint16_t vid, bool on)
{
	uint32_t reg = TN40_VLAN_0 + (vid / 32) * 4, bit = 1u << (vid % 32);
	uint32_t v = qt_rd32(hw, reg);

	qt_wr32(hw, reg, on ? v | bit : v & ~bit);
}

void
tn40_vlan_word(struct qt_hw *hw, unsigned int idx, uint32_t bits)
{
	qt_wr32(hw, TN40_VLAN_0 + idx * 4, bits);
}

uint64_t
tn40_stat_read(struct qt_hw *hw, uint32_t off)
{
	uint32_t hi, lo;

	/* a carry between the two reads shows as a changed high word: read again */
	do {
		hi = qt_rd32(hw, off + 8);
		lo = qt_rd32(hw, off);
	} while (qt_rd32(hw, off + 8) != hi);
	return (uint64_t)hi << 32 | lo;
}

bool
tn40_stats_supported(struct qt_hw *hw)
{
	return (qt_rd32(hw, TN40_FPGA_VER) & 0xFFF) != STATS_UNSUPPORTED_FPGA;
}

void
tn40_flow_ctrl(struct qt_hw *hw, bool txfc, uint16_t quanta)
{
	uint32_t rxf = qt_rd32(hw, TN40_GMAC_RXF_A);

	/* PAUSE_QUANT first: the first pause frame TXFC lets out carries the new time */
	qt_wr32(hw, TN40_PAUSE_QUANT, quanta);
	qt_wr32(hw, TN40_GMAC_RXF_A, txfc ? rxf | TN40_GMAC_RXF_TXFC : rxf & ~TN40_GMAC_RXF_TXFC);
}

void
tn40_led_set(struct qt_hw *hw, bool on)
{
	qt_wr32(hw, TN40_BLNK_LED, on ? TN40_BLNK_LED_ON : 0);
}

uint32_t
tn40_fw_version(struct qt_hw *hw)
{
	return qt_rd32(hw, TN40_FW_VER);
}
