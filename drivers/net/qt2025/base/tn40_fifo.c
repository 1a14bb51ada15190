/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The FIFO object's slow path: geometry, registers (hardware.md 3.1, 4.2).
 */

#include "tn40_fifo.h"

#define FIFO_REG_STRIDE 0x10    /* TXD, RXF, RXD, TXF registers of queue 0, 3.1 */

void
tn40_fifo_init(struct tn40_fifo *f, enum tn40_fifo_kind kind, void *va, uint64_t iova,
	       uint32_t code)
{
	memset(f, 0, sizeof(*f));
	f->va = va;
	f->iova = iova;
	f->size = TN40_FIFO_SIZE(code);
	f->reg_cfg1 = TN40_TXD_CFG1_0 + FIFO_REG_STRIDE * kind;
	f->reg_cfg0 = TN40_TXD_CFG0_0 + FIFO_REG_STRIDE * kind;
	f->reg_wptr = TN40_TXD_WPTR_0 + FIFO_REG_STRIDE * kind;
	f->reg_rptr = TN40_TXD_RPTR_0 + FIFO_REG_STRIDE * kind;
}

void
tn40_fifo_program(struct qt_hw *hw, struct tn40_fifo *f)
{
	uint32_t code = (uint32_t)rte_log2_u32(f->size / 4096);

	qt_wr32(hw, f->reg_cfg0, ((uint32_t)f->iova & TN40_CFG0_BASE_MASK) | code);
	qt_wr32(hw, f->reg_cfg1, (uint32_t)(f->iova >> 32));
	f->wptr = 0;
	f->rptr = 0;
}

void
tn40_fifo_write(struct tn40_fifo *f, const void *src, uint32_t len)
{
	uint32_t first = RTE_MIN(len, f->size - f->wptr);

	memcpy(f->va + f->wptr, src, first);
	if (len > first)
		memcpy(f->va, (const uint8_t *)src + first, len - first);
	f->wptr = (f->wptr + len) & (f->size - 1);
}
