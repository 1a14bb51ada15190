/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Inside the device model: the seam between its NIC half and its QT2025 half. Not for the
 * driver, not for tests.
 *
 * The model's headers form a tree; each file includes the one header of its half:
 *
 *   qt_sim.h          public API (driver glue, tests)
 *   `- sim_internal.h this seam: what each half offers the other
 *      |- sim_nic.h   NIC half: struct qt_sim, the BAR0 register map, lock and services
 *      |  |           sim_core.c sim_mac.c sim_trace.c sim_clock.c sim_mdio.c sim_nic_fw.c
 *      |  |           datapath: sim_dma.c (FIFO registers, counters, resets, when engines
 *      |  |           run) sim_dma_tx.c sim_dma_rx.c sim_frame.c (offloads) sim_wire.c
 *      |  `- sim_dma.h  the datapath's state and descriptor-side register map
 *      `- sim_phy.h   QT2025 half: struct sim_phy, its MMD map
 *                     sim_qt2025_regs.c sim_qt2025_8051.c
 *
 * Neither half sees the other's struct: the NIC reaches the PHY through the sim_phy_*
 * functions below, the PHY reaches the NIC through sim_now, sim_trace, sim_violation,
 * sim_signal_in and sim_mac_speed.
 *
 * Locking: one model-wide mutex (sim_nic.h) guards every qt_sim and every sim_phy, because
 * two ports on one wire see each other's state. Every function declared here is called with
 * it held. Interrupt callbacks are collected under the lock and run after it is dropped.
 */

#ifndef SIM_INTERNAL_H
#define SIM_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "qt_sim.h"

struct sim_phy;

/* ---- provided by the NIC half ---- */

uint64_t sim_now(struct qt_sim *sim);   /* model clock (sim_clock.c) */
/* Appends a trace entry, a no-op when tracing is off (sim_trace.c). */
void sim_trace(struct qt_sim *sim, enum qt_sim_trace_kind kind, uint8_t prtad, uint8_t mmd,
	       uint16_t reg, uint32_t off, uint32_t val);
/* Records a strictness violation: trace event + the reason kept for the fail reason. */
void sim_violation(struct qt_sim *sim, const char *reason);
/* Does light arrive at this port's receiver? Cable plugged at both ends and the far PHY
 * (the peer on the wire, or this PHY through a loopback plug) transmitting (sim_core.c).
 */
bool sim_signal_in(struct qt_sim *sim);
/* The line rate of the light arriving (the far module's, hardware.md 8.5), 0 when none. */
uint32_t sim_rate_in(struct qt_sim *sim);
/* MAC speed currently configured by the 6.3 sequences: 10000, 1000 or 0 (sim_mac.c). */
uint32_t sim_mac_speed(struct qt_sim *sim);

/* ---- provided by the QT2025 half ---- */

struct sim_phy *sim_phy_create(struct qt_sim *sim, const struct qt_sim_config *cfg);
void sim_phy_destroy(struct sim_phy *phy);
uint8_t sim_phy_addr(const struct sim_phy *phy);

/* Clause-45 frames addressed to this PHY, at the end of the frame. read returns false when
 * the PHY does not answer (absent-PHY knob): the controller then reads 0xFFFF.
 */
void sim_phy_c45_address(struct sim_phy *phy, uint8_t mmd, uint16_t reg);
bool sim_phy_c45_read(struct sim_phy *phy, uint8_t mmd, uint16_t *val);
void sim_phy_c45_write(struct sim_phy *phy, uint8_t mmd, uint16_t val);
bool sim_phy_present(const struct sim_phy *phy);

/* Brings time-driven state (boot timer, heartbeat, latched bits) up to now. */
void sim_phy_advance(struct sim_phy *phy, uint64_t now_ns);
/* When sim_phy_advance next has something to do (the boot's end), or UINT64_MAX. */
uint64_t sim_phy_due(const struct sim_phy *phy);

/* Line side: transmitting light (running firmware, module in, not low power, TX enabled);
 * receive link up (the above plus signal in, or the PHY's own loopback).
 */
bool sim_phy_transmitting(const struct sim_phy *phy);
bool sim_phy_rx_up(const struct sim_phy *phy);
/* The module type that determines the line rate: 10000 or 1000 (hardware.md 8.5), 0 without module.
 */
uint32_t sim_phy_line_speed(const struct sim_phy *phy);
/* Called by the core whenever the signal-in or MAC speed inputs may have changed, so that
 * the PHY can latch status bits low on a drop.
 */
void sim_phy_inputs_changed(struct sim_phy *phy);

void sim_phy_set_module(struct sim_phy *phy, enum qt_sim_module type);
enum qt_sim_module sim_phy_module(const struct sim_phy *phy);
void sim_phy_set_fault(struct sim_phy *phy, enum qt_sim_fault fault, uint32_t arg);
enum qt_sim_phy_state sim_phy_state(const struct sim_phy *phy);
/* Why the current bring-up attempt failed, "" if it did not. Points into the PHY: valid
 * only while the lock is held, so callers copy it before leaving.
 */
const char *sim_phy_fail_reason(const struct sim_phy *phy);

#endif /* SIM_INTERNAL_H */
