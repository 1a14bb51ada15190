/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The TN40xx NIC around the QT2025: BAR0 register file, PLL and semaphore, interrupts, the
 * MAC speed state of hw note 6.3, the MAC link, the wire between two ports, the trace.
 *
 * Evaluation is lazy: time-driven state (PLL relock, ETHSD ready, MDIO frame end, NIC
 * firmware done, the PHY's own timers) is brought up to date on every entry point, before
 * and after the access, for this port and its peer on the wire.
 */

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_nic.h"

/* One lock for every instance: the two ports of a wire look at each other's state. */
static pthread_mutex_t sim_lock = PTHREAD_MUTEX_INITIALIZER;
static struct qt_sim *sim_all;          /* wire registry */

#define SIM_FPGA_VER_VAL	0x00000135u	/* low 12 bits != 308: stats supported (3.2) */
#define SIM_SROM_VER_VAL	0x00000102u	/* any constant (3.2) */
#define SIM_CLKPLL_RESET_VAL	0x00000300u	/* locked, reset ended (12.1) */
#define SIM_PLL_RELOCK_NS	1000000u	/* model choice within 12.1's 1-20 ms */
#define SIM_ETHSD_GO		0x43u		/* 6.3 step 5 */
#define SIM_ETHSD_FINISH	0x3u
#define SIM_ETHSD_READY		0x200u		/* bit 9 */
#define SIM_ETHSD_READY_NS	100000u		/* 12.1: ~100 us */
#define SIM_MAC_RST_ON		0x7FFu		/* 3.6 */
#define SIM_CTRLST_UP		0xC13u		/* 3.5 */
#define SIM_CTRLST_DOWN		0x800u
#define SIM_REFCLK_10G		0x217u		/* 3.6 */
#define SIM_REFCLK_1G		0x613u
#define SIM_PCS_10G		0x0400u		/* 3.5 */
#define SIM_PCS_1G		0x1140u

#define REG(sim, off) ((sim)->regs[(off) / 4])

/* ---- services for the other model files (sim_internal.h, sim_nic.h) ---- */

uint64_t
sim_now(struct qt_sim *sim)
{
	return sim->clock->now_ns(sim->clock->ctx);
}

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
	sim_trace(sim, QT_SIM_TR_EVENT, 0, 0, 0, 0, QT_SIM_EV_VIOLATION);
}

void
sim_violationf(struct qt_sim *sim, const char *fmt, ...)
{
	char buf[SIM_REASON_LEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	sim_violation(sim, buf);
}

bool
sim_signal_in(struct qt_sim *sim)
{
	/* no wire name: a loopback plug brings this port's own light back */
	struct qt_sim *far = sim->wire[0] != '\0' ? sim->peer : sim;

	if (!sim->cable || far == NULL || !far->cable || far->phy == NULL)
		return false;
	return sim_phy_transmitting(far->phy);
}

uint32_t
sim_mac_speed(struct qt_sim *sim)
{
	return sim->mac_speed;
}

/* ---- lazy evaluation ---- */

static bool
mac_link_now(struct qt_sim *sim)
{
	uint32_t speed = sim->mac_speed;

	/* hw note 12.2: MAC configured for the PHY's line rate and the PHY line side up */
	return speed != 0 && sim_phy_rx_up(sim->phy) && speed == sim_phy_line_speed(sim->phy);
}

static void
irq_eval(struct qt_sim *sim)
{
	bool cond = !sim->held && (sim->pending & sim->imr) != 0;

	/* MSI: only the rising edge of the condition sends a message (12.3) */
	if (cond && !sim->line) {
		sim->irq_count++;
		sim->irq_due = true;
		sim_trace(sim, QT_SIM_TR_EVENT, 0, 0, 0, 0, QT_SIM_EV_IRQ);
	}
	sim->line = cond;
}

static void
nic_advance(struct qt_sim *sim, uint64_t now)
{
	if (sim->pll_relock && now >= sim->pll_lock_ns) {
		REG(sim, SIM_CLKPLL) |= SIM_CLKPLL_LOCKED;
		sim->pll_relock = false;
	}
	sim_mdio_advance(sim, now);
	sim_nicfw_advance(sim, now);
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

		nic_advance(port[i], now);
		sim_phy_advance(port[i]->phy, now);
	}
	/* a few passes: one port's PHY reacting may change what the other receives */
	for (pass = 0; pass < 4; pass++) {
		bool changed = false;

		for (i = 0; i < n; i++) {
			struct qt_sim *p = port[i];
			bool sig = sim_signal_in(p);

			if (sig != p->sig_seen || p->mac_speed != p->speed_seen) {
				p->sig_seen = sig;
				p->speed_seen = p->mac_speed;
				sim_phy_inputs_changed(p->phy);
				changed = true;
			}
		}
		for (i = 0; i < n; i++) {
			struct qt_sim *p = port[i];
			bool link = mac_link_now(p);

			if (link != p->mac_link) {
				p->mac_link = link;
				p->pending |= SIM_IR_LNKCHG0;
				sim_trace(p, QT_SIM_TR_EVENT, 0, 0, link, 0, QT_SIM_EV_LINK);
			}
		}
		if (!changed)
			break;
	}
	for (i = 0; i < n; i++)
		irq_eval(port[i]);
}

static void
sim_enter(struct qt_sim *sim)
{
	pthread_mutex_lock(&sim_lock);
	sim_settle(sim);
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

/* Drops sim_lock, then runs the interrupt callbacks owed to this port and its peer. */
static void
sim_leave(struct qt_sim *sim)
{
	struct sim_irq_call calls[2];
	int n = 0, i;

	irq_collect(sim, calls, &n);
	irq_collect(sim->peer, calls, &n);
	pthread_mutex_unlock(&sim_lock);
	for (i = 0; i < n; i++)
		calls[i].fn(calls[i].arg);
}

/* ---- registers ---- */

static void
mac_speed_pulse(struct qt_sim *sim)
{
	uint32_t ctrl = REG(sim, SIM_CTRLST);
	uint32_t ref = REG(sim, SIM_ETHSD_REFCLK);
	uint32_t pcs = REG(sim, SIM_PCS_CTRL);
	uint32_t sref = ref == SIM_REFCLK_10G ? 10000 : ref == SIM_REFCLK_1G ? 1000 : 0;
	uint32_t spcs = pcs == SIM_PCS_10G ? 10000 : pcs == SIM_PCS_1G ? 1000 : 0;

	sim->mac_speed = 0;
	if (ctrl == SIM_CTRLST_DOWN)
		return;         /* 6.3 link-down sequence */
	if (ctrl != SIM_CTRLST_UP)
		sim_violationf(sim, "MAC speed sequence incomplete: CTRLST 0x%x at the MAC reset",
			       ctrl);
	else if (sref == 0 || sref != spcs)
		sim_violationf(sim, "MAC speed sequence incomplete: REFCLK_CONF 0x%x, PCS_CTRL 0x%x",
			       ref, pcs);
	else if (!sim->ethsd_done)
		sim_violation(sim, "MAC speed sequence incomplete: no INIT_STAT handshake since "
			      "REFCLK_CONF");
	else
		sim->mac_speed = sref;
}

static void
ethsd_write(struct qt_sim *sim, uint32_t val)
{
	uint64_t now = sim_now(sim);

	REG(sim, SIM_ETHSD_INIT_STAT) = val & ~SIM_ETHSD_READY;
	if (val == SIM_ETHSD_GO) {
		sim->ethsd_started = true;
		sim->ethsd_ready_ns = now + SIM_ETHSD_READY_NS;
		return;
	}
	if (val == SIM_ETHSD_FINISH) {
		/* the driver must have seen bit 9 first (6.3 step 5) */
		if (sim->ethsd_started && now >= sim->ethsd_ready_ns)
			sim->ethsd_done = true;
		else
			sim_violation(sim, "ETHSD INIT_STAT 0x3 written before bit 9 was set");
	}
	sim->ethsd_started = false;
}

static void
clkpll_write(struct qt_sim *sim, uint32_t val)
{
	uint32_t cur = REG(sim, SIM_CLKPLL);

	/* bits 8/9 are status: the written value never sets them (6.1) */
	if (val & SIM_CLKPLL_SFTRST) {
		REG(sim, SIM_CLKPLL) = val & ~SIM_CLKPLL_LOCKED;
		sim->pll_relock = false;
		/*
		 * Open question 9, model choice: the soft reset forgets the MAC speed (the driver
		 * must run a 6.3 sequence again) and a failed NIC firmware stream, but keeps
		 * INIT_STATUS: the NIC firmware stays loaded.
		 */
		sim->mac_speed = 0;
		sim->mac_rst = false;
		sim_nicfw_soft_reset(sim);
	} else if (cur & SIM_CLKPLL_SFTRST) {
		REG(sim, SIM_CLKPLL) = val & ~SIM_CLKPLL_LOCKED;
		sim->pll_relock = true;
		sim->pll_lock_ns = sim_now(sim) + SIM_PLL_RELOCK_NS;
	} else {
		REG(sim, SIM_CLKPLL) = (val & ~SIM_CLKPLL_LOCKED) | (cur & SIM_CLKPLL_LOCKED);
	}
}

static uint32_t
reg_read(struct qt_sim *sim, uint32_t off)
{
	uint32_t val;

	if (off >= SIM_BAR0_SIZE || (off & 3) != 0) {
		sim_violationf(sim, "BAR0 read at bad offset 0x%x", off);
		return 0xFFFFFFFFu;
	}
	if (sim_mdio_rd(sim, off, &val) || sim_nicfw_rd(sim, off, &val))
		return val;
	switch (off) {
	case SIM_MAC_LNK_STAT:
		return sim->mac_link ? SIM_MAC_LNK_BIT : 0;
	case SIM_ETHSD_INIT_STAT:
		val = REG(sim, off);
		if (sim->ethsd_started && sim_now(sim) >= sim->ethsd_ready_ns)
			val |= SIM_ETHSD_READY;
		return val;
	case SIM_ISR:
		val = sim->pending;
		sim->pending = 0;
		return val;
	case SIM_IMR:
		return sim->imr;
	case SIM_ISR_MSK0:
		/* acknowledges what it reports and holds the line until IMR is written (12.3) */
		val = sim->pending & sim->imr;
		sim->pending &= ~val;
		sim->held = true;
		return val;
	case SIM_INIT_SEMAPHORE:
		if (sim->sem_taken)
			return 0;
		sim->sem_taken = true;
		return 1;
	case SIM_INIT_STATUS:
		return sim->init_status;
	case SIM_RST_PORT:
		/* "HW disabled" once port and queues are disabled (3.7, 12.1) */
		return REG(sim, SIM_DIS_PORT) == 1 && REG(sim, SIM_DIS_QU) == 1 ? 1 : 0;
	default:
		return REG(sim, off);
	}
}

static void
reg_write(struct qt_sim *sim, uint32_t off, uint32_t val)
{
	if (off >= SIM_BAR0_SIZE || (off & 3) != 0) {
		sim_violationf(sim, "BAR0 write at bad offset 0x%x", off);
		return;
	}
	if (sim_mdio_wr(sim, off, val) || sim_nicfw_wr(sim, off, val))
		return;
	switch (off) {
	case SIM_MAC_LNK_STAT:
	case SIM_SROM_VER:
	case SIM_FPGA_VER:
	case SIM_ISR:
	case SIM_ISR_MSK0:
	case SIM_INIT_STATUS:
		return;         /* read-only */
	case SIM_CLKPLL:
		clkpll_write(sim, val);
		return;
	case SIM_IMR:
		sim->imr = val;
		sim->held = false;
		return;         /* the settle after the access raises the line if due */
	case SIM_INIT_SEMAPHORE:
		if (val == 1)
			sim->sem_taken = false;
		return;
	case SIM_ETHSD_REFCLK:
		REG(sim, off) = val;
		sim->ethsd_done = false;
		return;
	case SIM_ETHSD_INIT_STAT:
		ethsd_write(sim, val);
		return;
	case SIM_MAC_RST_CNT:
		REG(sim, off) = val;
		if (val == SIM_MAC_RST_ON) {
			sim->mac_rst = true;
		} else if (val == 0 && sim->mac_rst) {
			sim->mac_rst = false;
			mac_speed_pulse(sim);
		} else {
			sim->mac_rst = false;
		}
		return;
	case SIM_RST_PORT:
	case SIM_RST_QU:
		REG(sim, off) = val;
		sim_nicfw_kick(sim);    /* DMA resumes when the resets drop (12.1) */
		return;
	default:
		REG(sim, off) = val;
		return;
	}
}

uint32_t
qt_sim_rd32(struct qt_sim *sim, uint32_t off)
{
	uint32_t val;

	sim_enter(sim);
	val = reg_read(sim, off);
	if (sim->trace_rw)
		sim_trace(sim, QT_SIM_TR_RD32, 0, 0, 0, off, val);
	sim_settle(sim);
	sim_leave(sim);
	return val;
}

void
qt_sim_wr32(struct qt_sim *sim, uint32_t off, uint32_t val)
{
	sim_enter(sim);
	if (sim->trace_rw)
		sim_trace(sim, QT_SIM_TR_WR32, 0, 0, 0, off, val);
	reg_write(sim, off, val);
	sim_settle(sim);
	sim_leave(sim);
}

/* ---- life cycle ---- */

static void
sim_power_on(struct qt_sim *sim)
{
	const uint8_t *mac = sim->cfg.mac;

	REG(sim, SIM_CLKPLL) = SIM_CLKPLL_RESET_VAL;
	REG(sim, SIM_FPGA_VER) = SIM_FPGA_VER_VAL;
	REG(sim, SIM_SROM_VER) = SIM_SROM_VER_VAL;
	/* 3.4: MAC2 = b0<<8|b1, MAC1 = b2<<8|b3, MAC0 = b4<<8|b5 */
	REG(sim, SIM_UNC_MAC2) = (uint32_t)mac[0] << 8 | mac[1];
	REG(sim, SIM_UNC_MAC1) = (uint32_t)mac[2] << 8 | mac[3];
	REG(sim, SIM_UNC_MAC0) = (uint32_t)mac[4] << 8 | mac[5];
	sim->cable = true;
	sim_mdio_reset(sim);
}

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
	sim_power_on(sim);

	pthread_mutex_lock(&sim_lock);
	for (p = sim_all; p != NULL && sim->wire[0] != '\0'; p = p->next) {
		if (strcmp(p->wire, sim->wire) == 0) {
			peer = p;
			break;
		}
	}
	if (peer != NULL && peer->peer != NULL) {
		pthread_mutex_unlock(&sim_lock);
		free(sim);
		errno = EBUSY;  /* a wire has two ends */
		return NULL;
	}
	sim->phy = sim_phy_create(sim, &sim->cfg);
	if (sim->phy == NULL) {
		pthread_mutex_unlock(&sim_lock);
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
	pthread_mutex_lock(&sim_lock);
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
		pthread_mutex_unlock(&sim_lock);
	} else {
		/* the far end goes dark for the peer */
		peer->peer = NULL;
		sim_settle(peer);
		sim_leave(peer);
	}
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

bool
qt_sim_cable(struct qt_sim *sim)
{
	bool plugged;

	sim_enter(sim);
	plugged = sim->cable;
	sim_leave(sim);
	return plugged;
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
		sim_phy_set_fault(sim->phy, fault, arg);
		break;
	default:
		break;
	}
	sim_settle(sim);
	sim_leave(sim);
}

/* ---- observation ---- */

enum qt_sim_phy_state
qt_sim_phy_state(struct qt_sim *sim)
{
	enum qt_sim_phy_state st;

	sim_enter(sim);
	st = sim_phy_state(sim->phy);
	sim_leave(sim);
	return st;
}

const char *
qt_sim_phy_state_name(enum qt_sim_phy_state st)
{
	static const char *const names[] = {
		[QT_SIM_PHY_IDLE] = "idle",
		[QT_SIM_PHY_HELD] = "held",
		[QT_SIM_PHY_RELEASED] = "released",
		[QT_SIM_PHY_BOOT_ROM] = "boot_rom",
		[QT_SIM_PHY_BOOTING] = "booting",
		[QT_SIM_PHY_RUNNING] = "running",
		[QT_SIM_PHY_FAILED] = "failed",
		[QT_SIM_PHY_CRASHED] = "crashed",
	};

	if ((unsigned int)st >= sizeof(names) / sizeof(names[0]))
		return "unknown";
	return names[st];
}

const char *
qt_sim_phy_fail_reason(struct qt_sim *sim)
{
	const char *reason;

	/* the PHY's account of its current attempt first (a hold starts it afresh), else the
	 * last violation seen by the NIC side
	 */
	sim_enter(sim);
	reason = sim_phy_fail_reason(sim->phy);
	if (reason == NULL || reason[0] == '\0')
		reason = sim->reason;
	sim_leave(sim);
	return reason != NULL ? reason : "";
}

bool
qt_sim_line_up(struct qt_sim *sim)
{
	bool up;

	sim_enter(sim);
	up = sim_phy_rx_up(sim->phy);
	sim_leave(sim);
	return up;
}

bool
qt_sim_mac_link(struct qt_sim *sim)
{
	bool link;

	sim_enter(sim);
	link = sim->mac_link;
	sim_leave(sim);
	return link;
}

uint32_t
qt_sim_nic_init_status(struct qt_sim *sim)
{
	uint32_t st;

	sim_enter(sim);
	st = sim->init_status;
	sim_leave(sim);
	return st;
}

uint64_t
qt_sim_mdio_frames(struct qt_sim *sim)
{
	uint64_t n;

	sim_enter(sim);
	n = sim->mdio.frames;
	sim_leave(sim);
	return n;
}

uint64_t
qt_sim_irq_count(struct qt_sim *sim)
{
	uint64_t n;

	sim_enter(sim);
	n = sim->irq_count;
	sim_leave(sim);
	return n;
}

/* ---- trace ---- */

void
qt_sim_trace_enable(struct qt_sim *sim, bool on, bool rw)
{
	pthread_mutex_lock(&sim_lock);
	if (on && sim->trace == NULL)
		sim->trace = calloc(SIM_TRACE_LEN, sizeof(*sim->trace));
	sim->trace_on = on && sim->trace != NULL;
	sim->trace_rw = sim->trace_on && rw;
	pthread_mutex_unlock(&sim_lock);
}

size_t
qt_sim_trace_get(struct qt_sim *sim, struct qt_sim_trace_entry *out, size_t max)
{
	size_t i, n;

	pthread_mutex_lock(&sim_lock);
	n = sim->trace_count < max ? sim->trace_count : max;
	for (i = 0; i < n; i++)
		out[i] = sim->trace[(sim->trace_head + i) % SIM_TRACE_LEN];
	pthread_mutex_unlock(&sim_lock);
	return n;
}

void
qt_sim_trace_clear(struct qt_sim *sim)
{
	pthread_mutex_lock(&sim_lock);
	sim->trace_head = 0;
	sim->trace_count = 0;
	pthread_mutex_unlock(&sim_lock);
}
