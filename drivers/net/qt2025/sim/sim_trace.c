/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * What the device model lets a test see: the access trace ring, strictness violations and
 * the fail reason they leave, and the observation snapshot. Everything a test reads is
 * copied out under the model lock, so that no pointer into the model outlives it.
 */

#include <stdio.h>
#include <stdlib.h>

#include "sim_nic.h"

void
sim_trace_at(struct qt_sim *sim, uint64_t t_ns, enum qt_sim_trace_kind kind, uint8_t prtad,
	     uint8_t mmd, uint16_t reg, uint32_t off, uint32_t val)
{
	struct qt_sim_trace_entry *e;

	if (!sim->trace_on || sim->trace == NULL)
		return;
	e = &sim->trace[(sim->trace_head + sim->trace_count) % SIM_TRACE_LEN];
	if (sim->trace_count < SIM_TRACE_LEN)
		sim->trace_count++;
	else
		sim->trace_head = (sim->trace_head + 1) % SIM_TRACE_LEN;
	e->t_ns = t_ns;
	e->kind = (uint8_t)kind;
	e->prtad = prtad;
	e->mmd = mmd;
	e->reg = reg;
	e->off = off;
	e->val = val;
}

void
sim_trace(struct qt_sim *sim, enum qt_sim_trace_kind kind, uint8_t prtad, uint8_t mmd,
	  uint16_t reg, uint32_t off, uint32_t val)
{
	sim_trace_at(sim, sim_now(sim), kind, prtad, mmd, reg, off, val);
}

void
sim_violation(struct qt_sim *sim, const char *reason)
{
	snprintf(sim->reason, sizeof(sim->reason), "%s", reason);
	sim->violations++;
	sim_trace(sim, QT_SIM_TR_EVENT, 0, 0, 0, 0, QT_SIM_EV_VIOLATION);
}

/* ---- the observation snapshot ---- */

void
qt_sim_observe(struct qt_sim *sim, struct qt_sim_obs *out)
{
	const char *reason;

	sim_enter(sim);
	out->phy_state = sim_phy_state(sim->phy);
	/* the PHY's account of its current attempt first (a hold starts it afresh), else the
	 * last violation seen by the NIC side
	 */
	reason = sim_phy_fail_reason(sim->phy);
	if (reason == NULL || reason[0] == '\0')
		reason = sim->reason;
	snprintf(out->fail_reason, sizeof(out->fail_reason), "%s", reason);
	out->line_up = sim_phy_rx_up(sim->phy);
	out->mac_link = sim->mac_link;
	out->cable = sim->cable;
	out->module = sim_phy_module(sim->phy);
	out->nic_init_status = sim->init_status;
	out->mac_speed = sim->mac_speed;
	out->mdio_frames = sim->mdio.frames;
	out->irq_count = sim->irq_count;
	out->led = SIM_REG(sim, SIM_BLNK_LED);
	sim_dma_observe(sim, out);
	sim_leave(sim);
}

/* ---- trace ---- */

void
qt_sim_trace_enable(struct qt_sim *sim, bool on, bool rw)
{
	sim_lock();
	if (on && sim->trace == NULL)
		sim->trace = calloc(SIM_TRACE_LEN, sizeof(*sim->trace));
	sim->trace_on = on && sim->trace != NULL;
	sim->trace_rw = sim->trace_on && rw;
	sim->trace_wr = false;
	sim_unlock();
}

void
qt_sim_trace_writes(struct qt_sim *sim)
{
	sim_lock();
	if (sim->trace == NULL)
		sim->trace = calloc(SIM_TRACE_LEN, sizeof(*sim->trace));
	sim->trace_head = 0;
	sim->trace_count = 0;
	sim->trace_on = sim->trace != NULL;
	sim->trace_rw = false;
	sim->trace_wr = sim->trace_on;
	sim_unlock();
}

size_t
qt_sim_trace_get(struct qt_sim *sim, struct qt_sim_trace_entry *out, size_t max)
{
	size_t i, n;

	sim_lock();
	n = sim->trace_count < max ? sim->trace_count : max;
	for (i = 0; i < n; i++)
		out[i] = sim->trace[(sim->trace_head + i) % SIM_TRACE_LEN];
	sim_unlock();
	return n;
}

void
qt_sim_trace_clear(struct qt_sim *sim)
{
	sim_lock();
	sim->trace_head = 0;
	sim->trace_count = 0;
	sim_unlock();
}
