/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The NIC-firmware side of the TXD FIFO (hardware.md 4.8, 12.4). Until INIT_STATUS is set,
 * every TXD descriptor must be an init descriptor (type 0xF, BC >= 2); the one whose word1
 * has bit 31 set finishes the stream and INIT_STATUS becomes 1 10 ms later. The TX engine
 * (sim_dma_tx.c) reads the FIFO and hands each init descriptor here.
 */

#include "sim_nic.h"

/* model choice: 10 ms after FINISH (hardware.md 12.4) */
#define NICFW_DONE_NS		10000000u
#define TXD_BC_MASK		0x1Fu		/* word0 bits 4:0, in qwords (hardware.md 4.3) */
#define TXD_TYPE(w0)		(((w0) >> 16) & 0xFu)
#define TXD_TYPE_INIT		0xFu		/* 4.8 */
#define TXD_INIT_FINISH		0x80000000u	/* word1 bit 31 (hardware.md 4.8) */

uint32_t
sim_nicfw_desc(struct qt_sim *sim, uint32_t pos, uint32_t w0, uint32_t w1, uint32_t avail)
{
	struct sim_nicfw *nf = &sim->nicfw;
	uint32_t len = (w0 & TXD_BC_MASK) * 8;

	if (nf->failed)
		return avail;   /* a wedged init engine just drains the FIFO */
	if (TXD_TYPE(w0) != TXD_TYPE_INIT || (w0 & TXD_BC_MASK) < 2) {
		sim_violationf(sim, "bad NIC init descriptor at TXD 0x%x: word0 0x%08x", pos, w0);
		nf->failed = true;
		return avail;
	}
	if (avail < len)
		return 0;       /* partially published: wait for the next WPTR write */
	if (sim->init_status == 0 && (w1 & TXD_INIT_FINISH) && !nf->finish_seen) {
		nf->finish_seen = true;
		nf->done_ns = sim_now(sim) + NICFW_DONE_NS;
	}
	return len;
}

void
sim_nicfw_soft_reset(struct qt_sim *sim)
{
	sim->nicfw.failed = false;
	sim->nicfw.finish_seen = false;
}

void
sim_nicfw_advance(struct qt_sim *sim, uint64_t now)
{
	struct sim_nicfw *nf = &sim->nicfw;

	if (nf->finish_seen && !nf->failed && sim->init_status == 0 && now >= nf->done_ns) {
		sim->init_status = 1;
		SIM_REG(sim, SIM_FW_VER) = SIM_FW_VER_VAL;
		nf->finish_seen = false;
		sim_trace_at(sim, nf->done_ns, QT_SIM_TR_EVENT, 0, 0, 0, 0,
			     QT_SIM_EV_NIC_FW_DONE);
	}
}
