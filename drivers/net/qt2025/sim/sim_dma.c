/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The datapath's registers and life cycle: the FIFO registers of queue 0 (hardware.md 3.1, 4.2),
 * the hardware counters (hardware.md 3.11), what the port resets do to the engines (3.7, 6.2,
 * 12.1), when the engines run (design.md "The device model (sim/)": on register accesses and clock
 * moves, or only on qt_sim_dma_step() with manual_dma), the datapath fault knobs and observation.
 *
 * Pointer registers hold byte offsets masked with 0x7FF8 (hardware.md 3.1). A host write of 0 to a
 * pointer the NIC owns (TXD_RPTR, RXF_RPTR, RXD_WPTR, TXF_WPTR) resets that FIFO's internal
 * position (hardware.md 12.1); a host-owned pointer written 0 is an ordinary advance to the ring
 * start (hardware.md 4.2), except while the queue is held in reset (6.2 step 6), where it resets
 * too.
 */

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "sim_nic.h"

#define PTR_MASK	0x7FF8u		/* 3.1 */
#define CFG0_BASE	0xFFFFF000u
#define RXQ_SLOTS	1024u		/* frames in flight towards one receiver */
#define TXC_SLOTS	2048u		/* 32 KiB of 16-byte TXF descriptors at most */

static const char *const fifo_name[4] = { "TXD", "RXF", "RXD", "TXF" };

uint64_t
sim_now_ps(struct qt_sim *sim)
{
	return sim_now(sim) * 1000u;
}

int
sim_dma_init(struct qt_sim *sim)
{
	struct sim_dma *d = &sim->dma;

	d->tap_fd = -1;
	d->rxq.n = RXQ_SLOTS;
	d->rxq.f = calloc(RXQ_SLOTS, sizeof(*d->rxq.f));
	d->txc_n = TXC_SLOTS;
	d->txc = calloc(TXC_SLOTS, sizeof(*d->txc));
	if (d->rxq.f == NULL || d->txc == NULL) {
		sim_dma_fini(sim);
		return -1;
	}
	return sim_wire_open(sim);
}

static void
fq_free(struct sim_fq *q)
{
	uint32_t i;

	for (i = 0; q->f != NULL && i < q->n; i++)
		free(q->f[i].buf);
	free(q->f);
	memset(q, 0, sizeof(*q));
}

void
sim_dma_fini(struct qt_sim *sim)
{
	struct sim_dma *d = &sim->dma;

	sim_wire_close(sim);
	fq_free(&d->rxq);
	fq_free(&d->cap);
	free(d->txc);
	d->txc = NULL;
	free(d->scratch);
	d->scratch = NULL;
}

bool
sim_dma_halted(struct qt_sim *sim)
{
	return ((SIM_REG(sim, SIM_RST_QU) | SIM_REG(sim, SIM_RST_PORT) |
		 SIM_REG(sim, SIM_DIS_QU) | SIM_REG(sim, SIM_DIS_PORT)) & 1) != 0;
}

void
sim_dma_reset(struct qt_sim *sim)
{
	struct sim_dma *d = &sim->dma;
	int i;

	for (i = 0; i < 4; i++) {
		d->fifo[i].host = 0;
		d->fifo[i].pos = 0;
		d->fifo[i].pub = 0;
	}
	d->tx_stopped = false;
	d->rx_stopped = false;
	d->tx_backlog = false;
	d->txc_head = 0;
	d->txc_count = 0;
	d->rxd_split_pending = false;
	d->rxd_split_seen = false;
}

/* ---- the rings ---- */

uint8_t *
sim_fifo_map(struct qt_sim *sim, enum sim_fifo_id id)
{
	struct sim_fifo *f = &sim->dma.fifo[id];

	if (f->mem != NULL)
		return f->mem;
	if (f->base == 0) {
		sim_violationf(sim, "%s FIFO used while not configured", fifo_name[id]);
		return NULL;
	}
	if (sim->cfg.dma_map != NULL)
		f->mem = sim->cfg.dma_map(sim->cfg.dma_arg, f->base, f->size);
	if (f->mem == NULL)
		sim_violationf(sim, "DMA to unmapped address 0x%" PRIx64 " (%s)", f->base,
			       fifo_name[id]);
	return f->mem;
}

void *
sim_dma_buf(struct qt_sim *sim, uint64_t iova, uint32_t len, const char *what)
{
	void *p = NULL;

	if (sim->cfg.dma_map != NULL && iova != 0)
		p = sim->cfg.dma_map(sim->cfg.dma_arg, iova, len);
	if (p == NULL)
		sim_violationf(sim, "DMA to unmapped address 0x%" PRIx64 " (%s)", iova, what);
	return p;
}

/* ---- registers ---- */

/* Is the pointer at group 8..15 of the FIFO block written by the host (hardware.md 4.1)? */
static bool
host_owned(uint32_t group)
{
	enum sim_fifo_id id = (enum sim_fifo_id)(group & 3);

	return group < 12 ? (id == SIM_TXD || id == SIM_RXF) : (id == SIM_RXD || id == SIM_TXF);
}

bool
sim_dma_rd(struct qt_sim *sim, uint32_t off, uint32_t *val)
{
	uint32_t group;
	struct sim_fifo *f;

	if (off >= SIM_STATS && off < SIM_STATS_END) {
		uint64_t c = sim->dma.stats[(off - SIM_STATS) >> 4];

		/* lo at the offset, hi at +8 (hardware.md 3.11); free-running, not clear-on-read */
		*val = (off & 0xF) == 0 ? (uint32_t)c : (off & 0xF) == 8 ? (uint32_t)(c >> 32) : 0;
		return true;
	}
	if (off < SIM_FIFO_REGS || off >= SIM_FIFO_REGS_END || (off & 0xC) != 0)
		return false;   /* queues 1..3 are plain storage */
	group = (off - SIM_FIFO_REGS) >> 4;
	f = &sim->dma.fifo[group & 3];
	if (group < 8)
		*val = SIM_REG(sim, off);
	else
		*val = host_owned(group) ? f->host : f->pub;
	if (group == 8 + SIM_RXD && sim->dma.rxd_split_pending)
		sim->dma.rxd_split_seen = true;
	return true;
}

static void
cfg_write(struct qt_sim *sim, uint32_t off, uint32_t val, uint32_t group)
{
	enum sim_fifo_id id = (enum sim_fifo_id)(group & 3);
	struct sim_fifo *f = &sim->dma.fifo[id];
	uint32_t cfg0, cfg1;

	SIM_REG(sim, off) = val;
	cfg1 = SIM_REG(sim, SIM_FIFO_REGS + id * 0x10);
	cfg0 = SIM_REG(sim, SIM_FIFO_REGS + 0x40 + id * 0x10);
	f->base = (uint64_t)cfg1 << 32 | (cfg0 & CFG0_BASE);   /* 3.1 */
	f->size = 4096u << (cfg0 & 3);
	f->mem = NULL;  /* mapped once, at the first use after the CFG writes */
	if (id == SIM_TXD || id == SIM_TXF)
		sim->dma.tx_cfg_err = false;
	else
		sim->dma.rx_cfg_err = false;
}

static void
ptr_write(struct qt_sim *sim, uint32_t group, uint32_t val)
{
	struct sim_dma *d = &sim->dma;
	enum sim_fifo_id id = (enum sim_fifo_id)(group & 3);
	struct sim_fifo *f = &d->fifo[id];

	val &= PTR_MASK;
	if (host_owned(group)) {
		f->host = val;
		if (val == 0 && sim_dma_halted(sim)) {
			f->pos = 0;
			f->pub = 0;
		}
		return;
	}
	if (val != 0)
		return;         /* the NIC owns it: only a reset to 0 matters (hardware.md 12.1) */
	f->pos = 0;
	f->pub = 0;
	if (id == SIM_RXD) {
		d->rxd_split_pending = false;
		d->rxd_split_seen = false;
	}
	/* both TXD pointers at 0 also forget a failed init stream */
	if (id == SIM_TXD && d->fifo[SIM_TXD].host == 0)
		sim_nicfw_soft_reset(sim);
}

bool
sim_dma_wr(struct qt_sim *sim, uint32_t off, uint32_t val)
{
	uint32_t group;

	if (off >= SIM_STATS && off < SIM_STATS_END)
		return true;    /* read-only counters */
	if (off < SIM_FIFO_REGS || off >= SIM_FIFO_REGS_END || (off & 0xC) != 0)
		return false;
	group = (off - SIM_FIFO_REGS) >> 4;
	if (group < 8)
		cfg_write(sim, off, val, group);
	else
		ptr_write(sim, group, val);
	return true;
}

/* ---- when the engines run ---- */

static unsigned int
dma_run(struct qt_sim *sim, bool init_only)
{
	unsigned int n = sim_tx_run(sim);

	if (!init_only) {
		sim_wire_poll(sim);
		n += sim_rx_run(sim);
	}
	return n;
}

void
sim_dma_settle(struct qt_sim *sim)
{
	/* manual_dma leaves the datapath to qt_sim_dma_step(); the NIC-firmware stream still
	 * runs on its doorbell, as bring-up has nobody to step it
	 */
	if (!sim->cfg.variants.manual_dma)
		dma_run(sim, false);
	else if (sim->init_status == 0)
		dma_run(sim, true);
}

unsigned int
qt_sim_dma_step(struct qt_sim *sim)
{
	unsigned int n;

	sim_enter_dp(sim);
	n = dma_run(sim, false);
	sim_irq_eval(sim);
	sim_leave(sim);
	return n;
}

/* ---- knobs and observation ---- */

void
sim_dma_set_fault(struct qt_sim *sim, enum qt_sim_fault fault, uint32_t arg)
{
	struct sim_dma *d = &sim->dma;

	switch (fault) {
	case QT_SIM_FAULT_RX_BAD_CRC:
		d->bad_crc_n = arg;
		break;
	case QT_SIM_FAULT_RX_BAD_L4_CSUM:
		d->bad_l4_n = arg;
		break;
	case QT_SIM_FAULT_RXF_STARVE:
		d->rxf_starve = arg != 0;
		break;
	case QT_SIM_FAULT_TXF_SLOW:
		d->txf_delay_ns = arg;
		break;
	case QT_SIM_FAULT_RXD_SPLIT:
		d->rxd_split = arg != 0;
		break;
	case QT_SIM_FAULT_TX_WEDGE:
		if (arg != 0)
			d->tx_stopped = true;
		break;
	default:
		break;
	}
}

void
sim_dma_observe(struct qt_sim *sim, struct qt_sim_obs *out)
{
	const struct sim_dma *d = &sim->dma;

	out->tx_frames = d->tx_frames;
	out->tx_descs = d->tx_descs;
	out->tx_lost = d->tx_lost;
	out->rx_frames = d->rx_frames;
	out->rx_drop_disabled = d->drop_disabled;
	out->rx_drop_filter = d->drop_filter;
	out->rx_drop_too_long = d->drop_long;
	out->rx_drop_runt = d->drop_runt;
	out->rx_drop_crc = d->drop_crc;
	out->rx_drop_no_rxf = d->drop_no_rxf;
	out->rx_drop_rxd_full = d->drop_rxd_full;
	out->rx_drop_buf_small = d->drop_buf_small;
	out->rx_drop_wire = d->drop_wire;
	out->violations = sim->violations;
	out->tx_stopped = d->tx_stopped;
	out->rx_stopped = d->rx_stopped;
	out->rx_queued = d->rxq.count;
}
