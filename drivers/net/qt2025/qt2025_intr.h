/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The card's one interrupt (qt2025_intr.c): IMR, the callback, link and Rx-interrupt
 * dispatch. Primary process only; calls no other glue object.
 */

#ifndef QT2025_INTR_H
#define QT2025_INTR_H

#include "qt2025.h"

/* IMR = the interrupts wanted now, set and clear applied (TN40_IRQ_* of tn40_hw.h). */
void qt2025_imr_update(struct rte_eth_dev *dev, uint32_t set, uint32_t clear);

/* Registers the callback on intr (NULL: none, the PHY thread polls); LNKCHG0 writes
 * wake_fd, the PHY thread's eventfd. Without an interrupt it logs one line and polls.
 */
void qt2025_intr_setup(struct rte_eth_dev *dev, struct rte_intr_handle *intr, int wake_fd);
/* IMR 0, the callback unregistered (retried while it runs): nothing calls back after. */
void qt2025_intr_teardown(struct rte_eth_dev *dev);

/* Rx interrupts: an eventfd per port that the callback writes on RX_DESC_0. */
int qt2025_rx_intr_setup(struct rte_eth_dev *dev);
void qt2025_rx_intr_teardown(struct rte_eth_dev *dev);
int qt2025_rx_queue_intr_enable(struct rte_eth_dev *dev, uint16_t qid);
int qt2025_rx_queue_intr_disable(struct rte_eth_dev *dev, uint16_t qid);

#endif /* QT2025_INTR_H */
