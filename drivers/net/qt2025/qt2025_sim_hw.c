/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * base/'s transport ops on the device model: the simulator vdev and the model-level tests
 * reach the model's BAR0 and clock through this one table.
 */

#include "qt2025_sim.h"

static uint32_t
sim_rd32(void *ctx, uint32_t off)
{
	return qt_sim_rd32(ctx, off);
}

static void
sim_wr32(void *ctx, uint32_t off, uint32_t val)
{
	qt_sim_wr32(ctx, off, val);
}

static uint64_t
sim_now_ns(void *ctx)
{
	return qt_sim_now_ns(ctx);
}

static void
sim_spin_ns(void *ctx, uint64_t ns)
{
	qt_sim_spin_ns(ctx, ns);
}

static void
sim_sleep_ns(void *ctx, uint64_t ns)
{
	qt_sim_sleep_ns(ctx, ns);
}

static const struct qt_hw_ops qt2025_sim_hw_ops = {
	.rd32 = sim_rd32,
	.wr32 = sim_wr32,
	.now_ns = sim_now_ns,
	.spin_ns = sim_spin_ns,
	.sleep_ns = sim_sleep_ns,
};

void
qt2025_sim_hw_init(struct qt_hw *hw, const char *name, struct qt_sim *sim)
{
	qt_hw_init_ops(hw, name, &qt2025_sim_hw_ops, sim);
}
