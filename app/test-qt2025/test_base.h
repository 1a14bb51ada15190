/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Helpers of the base_* suites: a model instance on a fake clock with a qt_hw on top.
 * Each model-level test runs in its own process, so one static rig per test is enough.
 */

#ifndef TEST_BASE_H
#define TEST_BASE_H

#include <stdlib.h>

#include "qt_test.h"
#include "qt2025_sim.h"
#include "tn40_mdio.h"
#include "qt_phy.h"
#include "tn40_hw.h"

struct tb_rig {
	struct qt_sim_fake_clock fc;
	struct qt_sim_config cfg;
	struct qt_sim *sim;
	struct qt_hw hw;
};

static const uint8_t tb_mac[6] = { 0x00, 0x1B, 0x21, 0xAB, 0xCD, 0xEF };

/* Defaults: loopback plug, SR module, fast timing, PHY at address 1. */
static inline void
tb_config(struct tb_rig *r)
{
	memset(r, 0, sizeof(*r));
	qt_sim_fake_clock_init(&r->fc);
	r->cfg.wire = NULL;
	r->cfg.module = QT_SIM_MODULE_SR;
	r->cfg.timing = QT_SIM_TIMING_FAST;
	r->cfg.phy_addr = 1;
	memcpy(r->cfg.mac, tb_mac, sizeof(tb_mac));
	r->cfg.clock = &r->fc.clock;
}

static inline int
tb_create(struct tb_rig *r)
{
	r->sim = qt_sim_create(&r->cfg);
	if (r->sim == NULL) {
		fprintf(stderr, "    qt_sim_create failed: %s\n", strerror(errno));
		return -1;
	}
	qt2025_sim_hw_init(&r->hw, "base_test", r->sim);
	return 0;
}

static inline int
tb_start(struct tb_rig *r)
{
	tb_config(r);
	return tb_create(r);
}

/* 6 MHz clock, identify: the state before qt_phy_download. */
static inline int
tb_identified(struct tb_rig *r)
{
	int rc;

	rc = tn40_mdio_set_clock(&r->hw, TN40_MDIO_CLK_6MHZ);
	if (rc == 0)
		rc = qt_phy_identify(&r->hw);
	if (rc != 0)
		fprintf(stderr, "    bring-up to identify failed: %d\n", rc);
	return rc;
}

/* A snapshot of the model, for one-line checks. */
static inline struct qt_sim_obs
tb_obs(struct tb_rig *r)
{
	struct qt_sim_obs obs;

	qt_sim_observe(r->sim, &obs);
	return obs;
}

/* The whole PHY bring-up (hardware.md 13 items 4-5); 0 when the model's 8051 runs. */
static inline int
tb_phy_up(struct tb_rig *r)
{
	struct qt_sim_obs obs;
	int rc;

	if (tb_identified(r) != 0)
		return -1;
	rc = qt_phy_download(&r->hw, qt_sim_phy_fw, qt_sim_phy_fw_len);
	if (rc == 0)
		rc = qt_phy_wait_ready(&r->hw, QT2025_FW_READY_STEP_MS, QT2025_FW_READY_MS);
	qt_sim_observe(r->sim, &obs);
	if (rc != 0 || obs.phy_state != QT_SIM_PHY_RUNNING) {
		fprintf(stderr, "    bring-up failed: %d, model state %s (%s)\n", rc,
			qt_sim_phy_state_name(obs.phy_state), obs.fail_reason);
		return -1;
	}
	return 0;
}

static inline uint64_t
tb_now(struct tb_rig *r)
{
	return qt_sim_now_ns(r->sim);
}

/* Trace of MDIO writes only, oldest first; returns the count (buffer is malloc'ed). */
static inline size_t
tb_mdio_writes(struct tb_rig *r, struct qt_sim_trace_entry **out)
{
	const size_t max = 1 << 17;
	struct qt_sim_trace_entry *tr = calloc(max, sizeof(*tr));
	size_t n, i, k = 0;

	if (tr == NULL)
		return 0;
	n = qt_sim_trace_get(r->sim, tr, max);
	for (i = 0; i < n; i++)
		if (tr[i].kind == QT_SIM_TR_MDIO_WR)
			tr[k++] = tr[i];
	*out = tr;
	return k;
}

#endif /* TEST_BASE_H */
