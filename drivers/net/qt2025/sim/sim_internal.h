/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Inside the device model: the seam between the NIC part (sim_core.c, sim_mdio.c,
 * sim_nic_fw.c) and the QT2025 part (sim_qt2025.c). Not for the driver, not for tests.
 *
 * Locking: one model-wide mutex (sim_lock) guards every qt_sim and every sim_phy, because
 * two ports on one wire see each other's state. Every sim_phy_* function is called with it
 * held. Interrupt callbacks are collected under the lock and run after it is dropped.
 */

#ifndef SIM_INTERNAL_H
#define SIM_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "qt_sim.h"

struct sim_phy;

/* ---- provided by sim_core.c ---- */

uint64_t sim_now(struct qt_sim *sim);   /* model clock, lock held */
/* Appends a trace entry (no-op when tracing is off). */
void sim_trace(struct qt_sim *sim, enum qt_sim_trace_kind kind, uint8_t prtad, uint8_t mmd,
	       uint16_t reg, uint32_t off, uint32_t val);
/* Records a strictness violation: trace event + the reason kept for qt_sim_phy_fail_reason. */
void sim_violation(struct qt_sim *sim, const char *reason);
/* Does light arrive at this port's receiver? Cable plugged at both ends and the far PHY
 * (the peer on the wire, or this PHY through a loopback plug) transmitting.
 */
bool sim_signal_in(struct qt_sim *sim);
/* MAC speed currently configured by the 6.3 sequences: 10000, 1000 or 0. */
uint32_t sim_mac_speed(struct qt_sim *sim);

/* ---- provided by sim_qt2025.c ---- */

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

/* Line side: transmitting light (running firmware, module in, not low power, TX enabled);
 * receive link up (the above plus signal in, or the PHY's own loopback).
 */
bool sim_phy_transmitting(const struct sim_phy *phy);
bool sim_phy_rx_up(const struct sim_phy *phy);
/* The module type that determines the line rate: 10000 or 1000 (8.5), 0 without module. */
uint32_t sim_phy_line_speed(const struct sim_phy *phy);
/* Called by the core whenever the signal-in or MAC speed inputs may have changed, so that
 * the PHY can latch status bits low on a drop.
 */
void sim_phy_inputs_changed(struct sim_phy *phy);

void sim_phy_set_module(struct sim_phy *phy, enum qt_sim_module type);
enum qt_sim_module sim_phy_module(const struct sim_phy *phy);
void sim_phy_set_fault(struct sim_phy *phy, enum qt_sim_fault fault, uint32_t arg);
enum qt_sim_phy_state sim_phy_state(const struct sim_phy *phy);
const char *sim_phy_fail_reason(const struct sim_phy *phy);

#endif /* SIM_INTERNAL_H */
