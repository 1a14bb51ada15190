/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The NIC-firmware side of the TXD FIFO (hw note 3.1, 4.2, 4.8, 12.4). Until INIT_STATUS is
 * set, every TXD descriptor must be an init descriptor (type 0xF, BC >= 2); the one whose
 * word1 has bit 31 set finishes the stream and INIT_STATUS becomes 1 10 ms later. The NIC
 * consumes descriptors as soon as TXD_WPTR is written, so TXD_RPTR moves at once.
 */

#include <inttypes.h>
#include <string.h>

#include "sim_nic.h"

#define NICFW_DONE_NS		10000000u	/* model choice: 10 ms after FINISH (12.4) */
#define TXD_BC_MASK		0x1Fu		/* word0 bits 4:0, in qwords (4.3) */
#define TXD_TYPE(w0)		(((w0) >> 16) & 0xFu)
#define TXD_TYPE_INIT		0xFu		/* 4.8 */
#define TXD_INIT_FINISH		0x80000000u	/* word1 bit 31 (4.8) */
#define TXD_DESC_MAX		(TXD_BC_MASK * 8)

static uint32_t
le32(const uint8_t *b)
{
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	       (uint32_t)b[3] << 24;
}

static bool
txd_stopped(struct qt_sim *sim)
{
	/* RST_QU / RST_PORT asserted stop the DMA engines (12.1) */
	return ((sim->regs[SIM_RST_QU / 4] | sim->regs[SIM_RST_PORT / 4]) & 1) != 0;
}

/* Copies len bytes at ring offset pos, wrapping modulo the ring size. */
static bool
ring_read(struct qt_sim *sim, uint64_t base, uint32_t size, uint32_t pos, uint8_t *dst,
	  uint32_t len)
{
	while (len > 0) {
		uint32_t n = len < size - pos ? len : size - pos;
		void *src = NULL;

		if (sim->cfg.dma_map != NULL)
			src = sim->cfg.dma_map(sim->cfg.dma_arg, base + pos, n);
		if (src == NULL) {
			sim_violationf(sim, "DMA to unmapped address 0x%" PRIx64 " (TXD)",
				       base + pos);
			return false;
		}
		memcpy(dst, src, n);
		dst += n;
		len -= n;
		pos = (pos + n) % size;
	}
	return true;
}

static void
txd_consume(struct qt_sim *sim)
{
	struct sim_nicfw *nf = &sim->nicfw;
	uint32_t cfg0 = sim->regs[SIM_TXD_CFG0 / 4];
	uint32_t cfg1 = sim->regs[SIM_TXD_CFG1 / 4];
	uint64_t base = (uint64_t)cfg1 << 32 | (cfg0 & 0xFFFFF000u);    /* 3.1 */
	uint32_t size = 4096u << (cfg0 & 3);
	uint32_t wptr = sim->regs[SIM_TXD_WPTR / 4];
	uint32_t pos = nf->pos % size;
	uint8_t desc[TXD_DESC_MAX];

	/* publishing nothing (e.g. a pointer reset to 0 at 0) needs no ring */
	if (txd_stopped(sim) || wptr == nf->pos)
		return;
	if (base == 0) {
		sim_violation(sim, "TXD_WPTR written while the TXD FIFO is not configured");
		return;
	}
	if (wptr >= size) {
		sim_violationf(sim, "TXD_WPTR 0x%x beyond the %u-byte TXD FIFO", wptr, size);
		return;
	}
	while (pos != wptr) {
		uint32_t avail = (wptr + size - pos) % size;
		uint32_t w0, w1, len;

		if (nf->failed) {
			pos = wptr;     /* a wedged init engine just drains the FIFO */
			break;
		}
		/* pointers move in qwords, so the first 8 bytes never straddle the end */
		if (!ring_read(sim, base, size, pos, desc, 8))
			break;
		w0 = le32(desc);
		w1 = le32(desc + 4);
		len = (w0 & TXD_BC_MASK) * 8;
		if (sim->init_status == 0 &&
		    (TXD_TYPE(w0) != TXD_TYPE_INIT || (w0 & TXD_BC_MASK) < 2)) {
			sim_violationf(sim, "bad NIC init descriptor at TXD 0x%x: word0 0x%08x",
				       pos, w0);
			nf->failed = true;
			continue;
		}
		if (len == 0) {
			sim_violationf(sim, "TXD descriptor with BC 0 at 0x%x", pos);
			pos = wptr;
			break;
		}
		if (avail < len)
			break;  /* partially published: wait for the next WPTR write */
		if (!ring_read(sim, base, size, pos, desc, len))
			break;
		if (sim->init_status == 0 && (w1 & TXD_INIT_FINISH) && !nf->finish_seen) {
			nf->finish_seen = true;
			nf->done_ns = sim_now(sim) + NICFW_DONE_NS;
		}
		/*
		 * With INIT_STATUS set the descriptor is a packet. The datapath is not modelled
		 * yet: it is consumed and dropped, without a TXF completion.
		 */
		pos = (pos + len) % size;
	}
	nf->pos = pos;
}

void
sim_nicfw_kick(struct qt_sim *sim)
{
	txd_consume(sim);
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
		nf->finish_seen = false;
		sim_trace_at(sim, nf->done_ns, QT_SIM_TR_EVENT, 0, 0, 0, 0,
			     QT_SIM_EV_NIC_FW_DONE);
	}
}

bool
sim_nicfw_rd(struct qt_sim *sim, uint32_t off, uint32_t *val)
{
	if (off != SIM_TXD_RPTR)
		return false;
	*val = sim->nicfw.pos;
	return true;
}

bool
sim_nicfw_wr(struct qt_sim *sim, uint32_t off, uint32_t val)
{
	struct sim_nicfw *nf = &sim->nicfw;

	switch (off) {
	case SIM_TXD_WPTR:
		sim->regs[off / 4] = val & SIM_PTR_MASK;
		/*
		 * A write of 0 is an ordinary advance when the host's last chunk ended exactly
		 * at the end of the ring (4.2); only while the queue is held in reset (6.2 step
		 * 6) does it reset the FIFO.
		 */
		if (txd_stopped(sim)) {
			if ((val & SIM_PTR_MASK) == 0)
				nf->pos = 0;
			return true;
		}
		txd_consume(sim);
		return true;
	case SIM_TXD_RPTR:
		/*
		 * The NIC owns TXD_RPTR: a host write only matters as a reset to 0 (12.1). Both
		 * pointers at 0 also forget a failed init stream.
		 */
		if ((val & SIM_PTR_MASK) == 0) {
			nf->pos = 0;
			if (sim->regs[SIM_TXD_WPTR / 4] == 0)
				sim_nicfw_soft_reset(sim);
		}
		return true;
	default:
		return false;
	}
}
