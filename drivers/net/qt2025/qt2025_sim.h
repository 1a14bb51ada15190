/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The simulator transport (built with -Dsim=true only): base/'s register and time ops on
 * the device model, and the simulated card's cable and module for telemetry and tests.
 */

#ifndef QT2025_SIM_H
#define QT2025_SIM_H

#include "qt2025.h"
#include "qt_sim.h"

/* A qt_hw whose registers and clock are the model's (qt2025_sim_hw.c). */
void qt2025_sim_hw_init(struct qt_hw *hw, const char *name, struct qt_sim *sim);

/* The simulated card bound to a live port (NULL if none), and its knobs: 0, or -ENODEV
 * for a port that is not a simulated one.
 */
struct qt_sim *qt2025_sim_of_port(uint16_t port_id);
int qt2025_sim_cable(uint16_t port_id, bool plugged);
int qt2025_sim_module(uint16_t port_id, uint8_t module);
int qt2025_sim_fault(uint16_t port_id, enum qt_sim_fault fault, uint32_t arg);

/* trace=PATH on a simulated port: the model traces the bring-up too (qt2025_sim_trace.c). */
void qt2025_sim_trace_setup(struct rte_eth_dev *dev, struct qt_sim *sim);
/* The model's DMA address translation (qt2025_sim_dma.c); init once before the first card. */
void qt2025_sim_dma_init(void);
void *qt2025_sim_dma_map(void *arg, uint64_t iova, size_t len);

/* For tests in this process (the soak): cards powered after this call keep time by clock
 * (NULL: the real clock, the default); a card found again by name keeps the clock it was
 * made with. Not reachable through devargs: an application never runs on a fake clock.
 */
void qt2025_sim_clock_set(const struct qt_sim_clock *clock);

#endif /* QT2025_SIM_H */
