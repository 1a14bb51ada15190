/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The model's side of trace=PATH: the simulated card records its own trace of the
 * bring-up (qt_sim_trace_writes: MDIO transactions and register writes) and it is written
 * to PATH.model, in the driver trace's format (base/qt_trace.h), when the bring-up ends.
 */

#include <inttypes.h>
#include <stdlib.h>

#include "qt2025_sim.h"
#include "qt2025_trace.h"

#define MODEL_TRACE_MAX 65536u  /* the model's ring */

/* the card each traced port's bring-up runs on (the vdev keeps it powered meanwhile) */
static struct qt_sim *traced[RTE_MAX_ETHPORTS];

static const char *
event_name(uint32_t ev)
{
	switch (ev) {
	case QT_SIM_EV_PHY_STATE:
		return "phy-state";
	case QT_SIM_EV_LINK:
		return "mac-link";
	case QT_SIM_EV_IRQ:
		return "irq";
	case QT_SIM_EV_NIC_FW_DONE:
		return "nic-firmware-done";
	case QT_SIM_EV_VIOLATION:
		return "violation";
	default:
		return "unknown";
	}
}

static void
model_dump(struct rte_eth_dev *dev, FILE *f)
{
	struct qt_sim *sim = traced[dev->data->port_id];
	struct qt_sim_trace_entry *tr, *e;
	size_t i, n;
	double us;

	if (f == NULL) {
		if (sim != NULL)
			qt_sim_trace_enable(sim, false, false);
		return;
	}
	tr = sim != NULL ? calloc(MODEL_TRACE_MAX, sizeof(*tr)) : NULL;
	if (tr == NULL) {
		fprintf(f, "# no model trace\n");
		return;
	}
	n = qt_sim_trace_get(sim, tr, MODEL_TRACE_MAX);
	qt_sim_trace_enable(sim, false, false);
	fprintf(f, "# net_qt2025 access trace 1: model %s\n", qt2025_adapter(dev)->name);
	for (i = 0; i < n; i++) {
		e = &tr[i];
		us = (double)(e->t_ns - tr[0].t_ns) / 1e3;
		switch (e->kind) {
		case QT_SIM_TR_RD32:
		case QT_SIM_TR_WR32:
			fprintf(f, "%.3f %s 0x%04x 0x%08x\n", us,
				e->kind == QT_SIM_TR_RD32 ? "rd32" : "wr32", e->off, e->val);
			break;
		case QT_SIM_TR_MDIO_RD:
		case QT_SIM_TR_MDIO_WR:
			fprintf(f, "%.3f %s %u %u.%04X 0x%04x\n", us,
				e->kind == QT_SIM_TR_MDIO_RD ? "mdio_rd" : "mdio_wr", e->prtad,
				e->mmd, e->reg, e->val & 0xFFFF);
			break;
		default:
			fprintf(f, "%.3f event %s %u\n", us, event_name(e->val), e->reg);
			break;
		}
	}
	fprintf(f, "# end: %zu lines%s\n", n, n == MODEL_TRACE_MAX ? " (the ring was full: the "
		"oldest are missing)" : "");
	free(tr);
	traced[dev->data->port_id] = NULL;
}

void
qt2025_sim_trace_setup(struct rte_eth_dev *dev, struct qt_sim *sim)
{
	if (qt2025_adapter(dev)->args.trace[0] == '\0')
		return;
	qt_sim_trace_writes(sim);
	traced[dev->data->port_id] = sim;
	qt2025_trace_set_model(dev, model_dump);
}
