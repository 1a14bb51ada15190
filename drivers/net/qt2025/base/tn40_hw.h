/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * TN40xx MAC: PLL reset, MAC address, MAC/SerDes speed, link bit, interrupts, NIC firmware.
 */

#ifndef TN40_HW_H
#define TN40_HW_H

#include "qt_hw.h"

/* 6.1: PLL soft reset and lock wait (700 ms at most); -ETIMEDOUT if it never locks, -EINTR
 * if hw->stop asked.
 */
int tn40_pll_reset(struct qt_hw *hw);

/* Factory MAC address from UNC_MAC0..2 (hardware.md 3.4). */
void tn40_read_mac(struct qt_hw *hw, uint8_t mac[6]);

/* 6.3: speed 10000, 1000 or 0 (link down). -EINVAL for anything else. */
int tn40_set_speed(struct qt_hw *hw, uint32_t mbps);

/* MAC_LNK_STAT bit 2 (hardware.md 3.4). */
bool tn40_mac_link(struct qt_hw *hw);

/* GPIO[9:0] to output 0, as both drivers do at init (hardware.md 3.12). */
void tn40_gpio_init(struct qt_hw *hw);

/* Interrupts (hardware.md 3.8): IMR write; ISR_MSK0 read (acknowledges what it returns). */
void tn40_irq_mask_set(struct qt_hw *hw, uint32_t mask);
uint32_t tn40_irq_ack(struct qt_hw *hw);
#define TN40_IRQ_LNKCHG0 0x08000000u
#define TN40_IRQ_RX_DESC0 0x00000800u

/* DMA memory the caller provides for the NIC-firmware push: 4 KiB aligned, at least
 * 2 x (32 KiB + 1 KiB) (TXD and TXF FIFOs, 4.2).
 */
struct tn40_dma {
	void *va;
	uint64_t iova;
	size_t len;
};
#define TN40_FW_DMA_LEN (2 * 36864)       /* 2 x 4 KiB-aligned (32 KiB + 1 KiB) */

/* 4.8: pushes the NIC firmware through the TXD FIFO with the semaphore protocol, waits for
 * INIT_STATUS. Returns 0 (also when INIT_STATUS was already set and nothing was pushed),
 * -EINVAL (bad image or DMA area), -ETIMEDOUT (FIFO stuck or INIT_STATUS never set), -EINTR
 * (hw->stop asked). The detail of a failure is in hw->why.
 */
int tn40_nic_fw_load(struct qt_hw *hw, const uint8_t *fw, size_t len, const struct tn40_dma *dma);
bool tn40_nic_fw_loaded(struct qt_hw *hw);

#endif /* TN40_HW_H */
