/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Transport set-up, waits and the poll helper shared by every block of base/.
 */

#include <stdarg.h>

#include "qt_hw.h"

#define DELAY_SLICE_NS  (10 * QT_NS_PER_MS)    /* how long a stop request may wait */

static void
hw_init(struct qt_hw *hw, const char *name)
{
	memset(hw, 0, sizeof(*hw));
	hw->phy.addr = -1;
	snprintf(hw->name, sizeof(hw->name), "%s", name);
}

void
qt_hw_init_bar(struct qt_hw *hw, const char *name, void *bar)
{
	hw_init(hw, name);
	hw->bar = bar;
}

void
qt_hw_init_ops(struct qt_hw *hw, const char *name, const struct qt_hw_ops *ops, void *ctx)
{
	hw_init(hw, name);
	hw->ops = ops;
	hw->ctx = ctx;
}

void
qt_hw_set_stop(struct qt_hw *hw, bool (*stop)(void *arg), void *arg)
{
	hw->stop = stop;
	hw->stop_arg = arg;
}

static bool
stopped(const struct qt_hw *hw)
{
	return hw->stop != NULL && hw->stop(hw->stop_arg);
}

int
qt_delay_ns(struct qt_hw *hw, uint64_t ns)
{
	while (ns > 0) {
		uint64_t slice = RTE_MIN(ns, DELAY_SLICE_NS);

		if (stopped(hw))
			return -EINTR;
		qt_sleep_ns(hw, slice);
		ns -= slice;
	}
	return stopped(hw) ? -EINTR : 0;
}

void
qt_hw_why(struct qt_hw *hw, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(hw->why, sizeof(hw->why), fmt, ap);
	va_end(ap);
}

static int
bar_rd(struct qt_hw *hw, uint32_t reg, uint32_t *val)
{
	*val = qt_rd32(hw, reg);
	return 0;
}

/* One step of qt_wait: 0, or -EINTR when a stoppable sleep was stopped. */
static int
wait_step(struct qt_hw *hw, uint32_t flags, uint64_t ns)
{
	if (flags & QT_WAIT_OS) {
		qt_os_sleep_ns(ns);
		return 0;
	}
	if (flags & QT_WAIT_SPIN) {
		qt_spin_ns(hw, ns);
		return 0;
	}
	return qt_delay_ns(hw, ns);
}

int
qt_wait(struct qt_hw *hw, const struct qt_wait *w)
{
	bool steps = (w->flags & QT_WAIT_STEPS) != 0;
	uint64_t deadline = 0, waited = 0;

	for (;;) {
		if (w->cond(w->arg))
			return 0;
		if (w->timeout_ns != QT_WAIT_FOREVER) {
			if (steps) {
				if (waited >= w->timeout_ns)
					return -ETIMEDOUT;
			} else if (deadline == 0) {
				/* the clock is read only once the first ask failed */
				deadline = qt_now_ns(hw) + w->timeout_ns;
			} else if (qt_now_ns(hw) >= deadline) {
				return -ETIMEDOUT;
			}
		}
		if (wait_step(hw, w->flags, w->step_ns) != 0)
			return -EINTR;
		waited += w->step_ns;
	}
}

struct poll_ctx {
	struct qt_hw *hw;
	const struct qt_poll *p;
	uint32_t v;
	int rc;
};

/* Done when the register matches or its read failed (poll_ctx.rc says which). */
static bool
poll_cond(void *arg)
{
	struct poll_ctx *c = arg;
	qt_rd_fn rd = c->p->rd != NULL ? c->p->rd : bar_rd;
	bool ne = (c->p->flags & QT_POLL_NE) != 0;

	c->rc = rd(c->hw, c->p->reg, &c->v);
	return c->rc != 0 || ((c->v & c->p->mask) == c->p->val) != ne;
}

int
qt_poll(struct qt_hw *hw, const struct qt_poll *p, uint32_t *last)
{
	struct poll_ctx c = { .hw = hw, .p = p, .v = 0, .rc = 0 };
	const struct qt_wait w = {
		.cond = poll_cond,
		.arg = &c,
		.flags = p->step_ns < QT_NS_PER_MS ? QT_WAIT_SPIN : 0,
		.step_ns = p->step_ns,
		.timeout_ns = p->timeout_ns,
	};
	int rc = qt_wait(hw, &w);

	if (last != NULL)
		*last = c.v;
	return rc != 0 ? rc : c.rc;
}
