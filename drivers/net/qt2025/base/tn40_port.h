/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * TN40xx port: software reset, start, receive filters, frame size, hardware statistics
 * (hardware.md 3.4, 3.5, 3.7, 3.10, 3.11, 6.2, 6.5).
 */

#ifndef TN40_PORT_H
#define TN40_PORT_H

#include "qt_hw.h"

/* 6.2: stops and resets queue 0; every FIFO pointer of the NIC is 0 afterwards. drain:
 * wait the 100 ms both drivers give frames in flight after disabling Rx; needless when
 * Rx was never enabled since the last reset.
 */
void tn40_sw_reset(struct qt_hw *hw, bool drain);

/* 6.5 step 7, with frame the largest frame accepted (bytes with FCS, MAX_FRAME_A) and imr the
 * interrupts to enable. Receive filters stay as tn40_rx_mode() last set them (broadcast and
 * the unicast address only, by default).
 */
void tn40_hw_start(struct qt_hw *hw, const uint8_t mac[6], uint32_t frame, uint32_t imr);
void tn40_hw_stop(struct qt_hw *hw);            /* IMR = 0, SW reset (hardware.md 6.5 stop) */

/* The unicast address (UNC_MAC0..2 and MAC_ADDR_0/1, 3.4, 3.5). */
void tn40_set_mac(struct qt_hw *hw, const uint8_t mac[6]);
void tn40_set_max_frame(struct qt_hw *hw, uint32_t frame);

/* 3.10: promiscuous, all-multicast, else the n multicast addresses by the 8-bit XOR hash;
 * txfc: the MAC sends pause frames (TXFC, set by hw_start as both drivers do).
 */
void tn40_rx_mode(struct qt_hw *hw, bool promisc, bool allmulti, const uint8_t mc[][6],
		  unsigned int n, bool txfc);

/* Flow control (hardware.md 3.5, 3.10, 6.5): TXFC on or off, pause frames of quanta (PAUSE_QUANT).
 */
#define TN40_PAUSE_QUANT_DEFAULT 0xFFFFu        /* hw_start's value */
void tn40_flow_ctrl(struct qt_hw *hw, bool txfc, uint16_t quanta);
/* The identification LED (BLNK_LED, 3.4). */
void tn40_led_set(struct qt_hw *hw, bool on);
/* FW_VER (hardware.md 3.2): the NIC firmware's version once it ran, 0 before. */
uint32_t tn40_fw_version(struct qt_hw *hw);
uint8_t tn40_mc_hash(const uint8_t addr[6]);

/* VLAN filter table bit of vid (hardware.md 3.4). */
void tn40_vlan_filter(struct qt_hw *hw, uint16_t vid, bool on);
/* VIDs 32 * idx .. 32 * idx + 31 at once (bit n: VID 32 * idx + n), idx 0..127. */
void tn40_vlan_word(struct qt_hw *hw, unsigned int idx, uint32_t bits);

/* 3.11: the 64-bit counter at off (TN40_STAT_BASE + n x TN40_STAT_STRIDE). */
uint64_t tn40_stat_read(struct qt_hw *hw, uint32_t off);
#define TN40_STAT(n)            (TN40_STAT_BASE + (n) * TN40_STAT_STRIDE)
enum tn40_stat {                /* index of 3.11's counter */
	TN40_STAT_IN_UCAST = 0,
	TN40_STAT_IN_MCAST = 1,
	TN40_STAT_IN_BCAST = 2,
	TN40_STAT_IN_PKTS = 3,
	TN40_STAT_IN_ERRORS = 4,
	TN40_STAT_IN_DROPPED = 5,
	TN40_STAT_TOO_LONG = 6,
	TN40_STAT_SEQ_ERRORS = 7,
	TN40_STAT_IN_VLAN = 8,
	TN40_STAT_IN_DROPPED_DFE = 9,
	TN40_STAT_IN_DROPPED_FULL = 10,
	TN40_STAT_ALIGN_ERRORS = 11,
	TN40_STAT_OUT_UCAST = 15,
	TN40_STAT_OUT_MCAST = 16,
	TN40_STAT_OUT_BCAST = 17,
	TN40_STAT_OUT_PKTS = 18,
	TN40_STAT_OUT_VLAN = 23,
	TN40_STAT_IN_UCAST_OCTETS = 24,
	TN40_STAT_OUT_UCAST_OCTETS = 25,
	TN40_STAT_IN_BCAST_OCTETS = 28,
	TN40_STAT_OUT_BCAST_OCTETS = 29,
	TN40_STAT_IN_OCTETS = 30,
	TN40_STAT_OUT_OCTETS = 31,
};
/* The statistics block exists unless FPGA_VER & 0xFFF is 308 (hardware.md 3.2). */
bool tn40_stats_supported(struct qt_hw *hw);

#endif /* TN40_PORT_H */
