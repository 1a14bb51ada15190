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

int
qt_poll(struct qt_hw *hw, const struct qt_poll *p, uint32_t *last)
{
	qt_rd_fn rd = p->rd != NULL ? p->rd : bar_rd;
	bool ne = (p->flags & QT_POLL_NE) != 0;
	uint64_t deadline = 0;
	uint32_t v = 0;
	int rc;

	for (;;) {
		rc = rd(hw, p->reg, &v);
		if (rc != 0)
			break;
		if (((v & p->mask) == p->val) != ne)
			break;
		/* the clock is read only once the first read failed: a ready device costs
		 * one register read
		 */
		if (deadline == 0)
			deadline = qt_now_ns(hw) + p->timeout_ns;
		else if (qt_now_ns(hw) >= deadline) {
			rc = -ETIMEDOUT;
			break;
		}
		if (p->step_ns < QT_NS_PER_MS)
			qt_spin_ns(hw, p->step_ns);
		else if (qt_delay_ns(hw, p->step_ns) != 0) {
			rc = -EINTR;
			break;
		}
	}
	if (last != NULL)
		*last = v;
	return rc;
}
