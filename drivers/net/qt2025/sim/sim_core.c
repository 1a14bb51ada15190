/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The core of the device model: the model lock, the entry points' enter/settle/leave, the
 * dispatch of BAR0 accesses to the NIC blocks (MDIO, NIC firmware, MAC), the life cycle of a
 * card and the wire registry that cables two ports together, and the outside world (cable,
 * module, fault knobs).
 *
 * Evaluation is lazy: time-driven state (PLL relock, ETHSD ready, MDIO frame end, NIC
 * firmware done, the PHY's own timers) is brought up to date on every entry point, before
 * and after the access, for this port and its peer on the wire.
 */

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_nic.h"

/* One lock for every instance: the two ports of a wire look at each other's state. */
static pthread_mutex_t sim_mutex = PTHREAD_MUTEX_INITIALIZER;
static struct qt_sim *sim_all;          /* wire registry */
/* Under the lock. sim_epoch: one per hold of the lock, the model's time stands still within
 * it (sim_now reads the clock once per instance and hold: an access is instantaneous).
 * sim_gen: bumped by every entry but the datapath's (qt_sim_datapath_reg), so that those
 * know whether the line may have changed since an instance was last settled in full.
 */
uint64_t sim_epoch = 1;         /* never 0: a new instance's now_epoch */
static uint64_t sim_gen = 1;

void
sim_lock(void)
{
	pthread_mutex_lock(&sim_mutex);
	sim_epoch++;
}

void
sim_unlock(void)
{
	pthread_mutex_unlock(&sim_mutex);
}

bool
sim_signal_in(struct qt_sim *sim)
{
	/* no wire name: a loopback plug brings this port's own light back */
	struct qt_sim *far = sim->wire[0] != '\0' ? sim->peer : sim;

	if (sim->dma.tap_fd >= 0)
		return sim->cable;      /* a TAP's far end is always connected */
	if (!sim->cable || far == NULL || !far->cable || far->phy == NULL)
		return false;
	return sim_phy_transmitting(far->phy);
}

uint32_t
sim_rate_in(struct qt_sim *sim)
{
	struct qt_sim *far = sim->wire[0] != '\0' ? sim->peer : sim;

	if (!sim_signal_in(sim))
		return 0;
	if (sim->dma.tap_fd >= 0 || far == NULL)
		return sim_phy_line_speed(sim->phy);    /* a TAP talks at any rate */
	return sim_phy_line_speed(far->phy);
}

/* ---- lazy evaluation ---- */

/* The next time-driven change outside the datapath and the MDIO controller: PLL relock,
 * NIC firmware done, PHY boot end; UINT64_MAX when none is pending.
 */
static uint64_t
sim_due_off_mdio(const struct qt_sim *p)
{
	uint64_t due = sim_phy_due(p->phy);

	if (p->pll_relock && p->pll_lock_ns < due)
		due = p->pll_lock_ns;
	if (p->nicfw.finish_seen && !p->nicfw.failed && p->init_status == 0 &&
	    p->nicfw.done_ns < due)
		due = p->nicfw.done_ns;
	return due;
}

/* Nothing but the datapath can have changed since p was last settled in full. */
static bool
sim_quiet(struct qt_sim *p)
{
	return p == NULL || (p->gen_seen == sim_gen && sim_now(p) < p->due_ns);
}

/* Nothing but the datapath and the MDIO controller can have changed since then. */
static inline bool
sim_quiet_off_mdio(struct qt_sim *p)
{
	return p == NULL || (p->gen_seen == sim_gen && sim_now(p) < p->due_off_mdio_ns);
}

/* Brings this port and its peer up to now and propagates line and link changes. */
static void
sim_settle(struct qt_sim *sim)
{
	struct qt_sim *port[2] = { sim, sim->peer };
	int n = sim->peer != NULL ? 2 : 1;
	int i, pass;

	for (i = 0; i < n; i++) {
		uint64_t now = sim_now(port[i]);

		sim_mac_advance(port[i], now);
		sim_mdio_advance(port[i], now);
		sim_nicfw_advance(port[i], now);
		sim_phy_advance(port[i]->phy, now);
	}
	/* a few passes: one port's PHY reacting may change what the other receives */
	for (pass = 0; pass < 4; pass++) {
		bool changed = false;

		for (i = 0; i < n; i++) {
			struct qt_sim *p = port[i];
			bool sig = sim_signal_in(p);
			uint32_t rate = sim_rate_in(p);

			if (sig != p->sig_seen || p->mac_speed != p->speed_seen ||
			    rate != p->rate_seen) {
				p->sig_seen = sig;
				p->speed_seen = p->mac_speed;
				p->rate_seen = rate;
				sim_phy_inputs_changed(p->phy);
				changed = true;
			}
		}
		for (i = 0; i < n; i++)
			sim_mac_link_eval(port[i]);
		if (!changed)
			break;
	}
	/* the DMA engines: every access and every clock move
	 * (design.md "The device model (sim/)")
	 */
	for (i = 0; i < n; i++)
		sim_dma_settle(port[i]);
	for (i = 0; i < n; i++) {
		sim_irq_eval(port[i]);
		port[i]->gen_seen = sim_gen;
		port[i]->due_off_mdio_ns = sim_due_off_mdio(port[i]);
		port[i]->due_ns = port[i]->due_off_mdio_ns;
		if (port[i]->mdio.in_flight && !port[i]->mdio.stuck &&
		    port[i]->mdio.end_ns < port[i]->due_ns)
			port[i]->due_ns = port[i]->mdio.end_ns;
	}
}

/* sim_settle for a datapath access: the DMA engines and the interrupt line alone while no
 * other entry ran and no timer fell due since both ports were last settled in full (the
 * line and the MAC link then cannot have changed), in full otherwise.
 */
void
sim_settle_dp(struct qt_sim *sim)
{
	struct qt_sim *peer = sim->peer;

	if (!sim_quiet(sim) || !sim_quiet(peer)) {
		sim_settle(sim);
		return;
	}
	sim_dma_settle(sim);
	if (peer != NULL)
		sim_dma_settle(peer);
	sim_irq_eval(sim);
	if (peer != NULL)
		sim_irq_eval(peer);
}

void
sim_enter(struct qt_sim *sim)
{
	sim_lock();
	sim_gen++;
	sim_settle(sim);
}

void
sim_enter_dp(struct qt_sim *sim)
{
	sim_lock();
	sim_settle_dp(sim);
}

struct sim_irq_call {
	void (*fn)(void *arg);
	void *arg;
};

static void
irq_collect(struct qt_sim *p, struct sim_irq_call *calls, int *n)
{
	if (p == NULL || !p->irq_due)
		return;
	p->irq_due = false;
	if (p->cfg.irq != NULL) {
		calls[*n].fn = p->cfg.irq;
		calls[*n].arg = p->cfg.irq_arg;
		(*n)++;
	}
}

void
sim_leave(struct qt_sim *sim)
{
	struct sim_irq_call calls[2];
	int n = 0, i;

	irq_collect(sim, calls, &n);
	irq_collect(sim->peer, calls, &n);
	sim_unlock();
	for (i = 0; i < n; i++)
		calls[i].fn(calls[i].arg);
}

/* ---- BAR0 ---- */

static uint32_t
reg_read(struct qt_sim *sim, uint32_t off)
{
	uint32_t val;

	if (off >= SIM_BAR0_SIZE || (off & 3) != 0) {
		sim_violationf(sim, "BAR0 read at bad offset 0x%x", off);
		return 0xFFFFFFFFu;
	}
	if (sim_mdio_rd(sim, off, &val) || sim_dma_rd(sim, off, &val) ||
	    sim_mac_rd(sim, off, &val))
		return val;
	return SIM_REG(sim, off);       /* plain storage */
}

static void
reg_write(struct qt_sim *sim, uint32_t off, uint32_t val)
{
	if (off >= SIM_BAR0_SIZE || (off & 3) != 0) {
		sim_violationf(sim, "BAR0 write at bad offset 0x%x", off);
		return;
	}
	if (sim_mdio_wr(sim, off, val) || sim_dma_wr(sim, off, val) ||
	    sim_mac_wr(sim, off, val))
		return;
	SIM_REG(sim, off) = val;
}

/* The queue registers (hardware.md 3.1): what the datapath reads and writes on every burst.
 * They only move the DMA engines, never the line.
 */
static inline bool
datapath_reg(uint32_t off)
{
	return off >= SIM_FIFO_REGS && off < SIM_FIFO_REGS_END;
}

/* An MDIO access that starts no frame (a read, a clock or plain CMD write) changes the
 * controller alone: while nothing else fell due, just it is brought up to now (3 of the 5
 * accesses of each download write). Returns true with the lock held.
 */
static bool
mdio_enter(struct qt_sim *sim, uint32_t off, bool write, uint32_t val)
{
	if (off < SIM_MDIO_CMD_STAT || off > SIM_MDIO_ADDR ||
	    (write && (off == SIM_MDIO_DATA || off == SIM_MDIO_ADDR ||
		       (off == SIM_MDIO_CMD && (val & SIM_MDIO_CMD_READ) != 0))))
		return false;
	sim_lock();
	if (!sim_quiet_off_mdio(sim) || !sim_quiet_off_mdio(sim->peer)) {
		sim_unlock();
		return false;
	}
	sim_mdio_advance(sim, sim_now(sim));
	return true;
}

uint32_t
qt_sim_rd32(struct qt_sim *sim, uint32_t off)
{
	bool dp = datapath_reg(off);
	uint32_t val;

	if (mdio_enter(sim, off, false, 0)) {
		val = reg_read(sim, off);
		if (sim->trace_rw)
			sim_trace(sim, QT_SIM_TR_RD32, 0, 0, 0, off, val);
		sim_unlock();
		return val;
	}
	dp ? sim_enter_dp(sim) : sim_enter(sim);
	val = reg_read(sim, off);
	if (sim->trace_rw)
		sim_trace(sim, QT_SIM_TR_RD32, 0, 0, 0, off, val);
	dp ? sim_settle_dp(sim) : sim_settle(sim);
	sim_leave(sim);
	return val;
}

void
qt_sim_wr32(struct qt_sim *sim, uint32_t off, uint32_t val)
{
	bool dp = datapath_reg(off);
	bool trace = sim->trace_rw ||
		     (sim->trace_wr && (off < SIM_MDIO_CMD || off > SIM_MDIO_ADDR));

	if (mdio_enter(sim, off, true, val)) {
		if (trace)
			sim_trace(sim, QT_SIM_TR_WR32, 0, 0, 0, off, val);
		reg_write(sim, off, val);
		sim_unlock();
		return;
	}
	dp ? sim_enter_dp(sim) : sim_enter(sim);
	if (trace)
		sim_trace(sim, QT_SIM_TR_WR32, 0, 0, 0, off, val);
	reg_write(sim, off, val);
	dp ? sim_settle_dp(sim) : sim_settle(sim);
	sim_leave(sim);
}

/* ---- life cycle and wire registry ---- */

struct qt_sim *
qt_sim_create(const struct qt_sim_config *cfg)
{
	struct qt_sim *sim, *peer = NULL, *p;

	if (cfg == NULL || cfg->phy_addr > 31 ||
	    (unsigned int)cfg->module > QT_SIM_MODULE_ACTIVE_DAC ||
	    (unsigned int)cfg->timing > QT_SIM_TIMING_REAL ||
	    (cfg->wire != NULL && strlen(cfg->wire) >= sizeof(sim->wire))) {
		errno = EINVAL;
		return NULL;
	}
	sim = calloc(1, sizeof(*sim));
	if (sim == NULL) {
		errno = ENOMEM;
		return NULL;
	}
	sim->cfg = *cfg;
	if (cfg->wire != NULL)
		snprintf(sim->wire, sizeof(sim->wire), "%s", cfg->wire);
	sim->cfg.wire = sim->wire;
	sim->clock = cfg->clock != NULL ? cfg->clock : qt_sim_real_clock();
	sim->cfg.clock = sim->clock;
	if (cfg->variants.rxd_bc != 0 && cfg->variants.rxd_bc != 2 && cfg->variants.rxd_bc != 3) {
		free(sim);
		errno = EINVAL;
		return NULL;
	}
	if (sim_dma_init(sim) != 0) {
		int err = errno != 0 ? errno : ENOMEM;

		sim_dma_fini(sim);
		free(sim);
		errno = err;
		return NULL;
	}
	sim_mac_power_on(sim);
	sim->cable = true;
	sim_mdio_reset(sim);

	sim_lock();
	for (p = sim_all; p != NULL && sim->wire[0] != '\0' && sim->dma.tap_fd < 0; p = p->next) {
		if (strcmp(p->wire, sim->wire) == 0) {
			peer = p;
			break;
		}
	}
	if (peer != NULL && peer->peer != NULL) {
		sim_unlock();
		sim_dma_fini(sim);
		free(sim);
		errno = EBUSY;  /* a wire has two ends */
		return NULL;
	}
	sim->phy = sim_phy_create(sim, &sim->cfg);
	if (sim->phy == NULL) {
		sim_unlock();
		sim_dma_fini(sim);
		free(sim);
		errno = ENOMEM;
		return NULL;
	}
	sim->next = sim_all;
	sim_all = sim;
	if (peer != NULL) {
		sim->peer = peer;
		peer->peer = sim;
	}
	sim_settle(sim);
	sim_leave(sim);
	return sim;
}

void
qt_sim_destroy(struct qt_sim *sim)
{
	struct qt_sim **pp, *peer;

	if (sim == NULL)
		return;
	sim_lock();
	for (pp = &sim_all; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == sim) {
			*pp = sim->next;
			break;
		}
	}
	peer = sim->peer;
	sim->peer = NULL;
	sim_phy_destroy(sim->phy);
	if (peer == NULL) {
		sim_unlock();
	} else {
		/* the far end goes dark for the peer */
		peer->peer = NULL;
		sim_settle(peer);
		sim_leave(peer);
	}
	sim_dma_fini(sim);
	free(sim->trace);
	free(sim);
}

/* ---- the outside world ---- */

void
qt_sim_set_cable(struct qt_sim *sim, bool plugged)
{
	sim_enter(sim);
	sim->cable = plugged;
	sim_settle(sim);
	sim_leave(sim);
}

void
qt_sim_set_module(struct qt_sim *sim, enum qt_sim_module type)
{
	if ((unsigned int)type > QT_SIM_MODULE_ACTIVE_DAC)
		return;
	sim_enter(sim);
	sim_phy_set_module(sim->phy, type);
	sim_settle(sim);
	sim_leave(sim);
}

enum qt_sim_module
qt_sim_module(struct qt_sim *sim)
{
	enum qt_sim_module type;

	sim_enter(sim);
	type = sim_phy_module(sim->phy);
	sim_leave(sim);
	return type;
}

void
qt_sim_set_fault(struct qt_sim *sim, enum qt_sim_fault fault, uint32_t arg)
{
	sim_enter(sim);
	switch (fault) {
	case QT_SIM_FAULT_MDIO_STUCK_BUSY:
	case QT_SIM_FAULT_MDIO_ERROR:
	case QT_SIM_FAULT_MDIO_ERROR_AFTER:
		sim_mdio_set_fault(sim, fault, arg);
		break;
	case QT_SIM_FAULT_PHY_ABSENT:
	case QT_SIM_FAULT_WRONG_REVISION:
	case QT_SIM_FAULT_FW_NEVER_BOOTS:
	case QT_SIM_FAULT_HEARTBEAT_STOPS:
	case QT_SIM_FAULT_STATUS_STUCK:
	case QT_SIM_FAULT_PCS_STUCK:
	case QT_SIM_FAULT_SFP_MIRROR:
		sim_phy_set_fault(sim->phy, fault, arg);
		break;
	case QT_SIM_FAULT_RX_BAD_CRC:
	case QT_SIM_FAULT_RX_BAD_L4_CSUM:
	case QT_SIM_FAULT_RXF_STARVE:
	case QT_SIM_FAULT_TXF_SLOW:
	case QT_SIM_FAULT_RXD_SPLIT:
	case QT_SIM_FAULT_TX_WEDGE:
		sim_dma_set_fault(sim, fault, arg);
		break;
	default:
		break;
	}
	sim_settle(sim);
	sim_leave(sim);
}
