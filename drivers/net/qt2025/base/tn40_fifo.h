/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * One object for the four descriptor FIFOs of queue 0 (hardware.md 4.1, 4.2), as Linux's
 * tn40.c keeps one: the ring (memsz bytes, then a 1 KiB scratch area), its registers and
 * the host's shadow pointers.
 *
 * Host-written FIFOs (TXD, RXF): a descriptor is written contiguously at the write
 * position, even past the end into the scratch area; advancing copies what ran past the
 * end to offset 0 (the NIC reads modulo memsz). NIC-written FIFOs (RXD, TXF): a descriptor
 * that wraps is made contiguous by copying its head-of-ring part into the scratch area.
 * The NIC's progress is learnt only from its pointer registers (hardware.md 4.2).
 *
 * The ring is DMA memory shared by every process; the register offsets are plain numbers:
 * the object holds nothing that is valid in one process only.
 */

#ifndef TN40_FIFO_H
#define TN40_FIFO_H

#include "qt_hw.h"
#include "tn40_regs.h"

enum tn40_fifo_kind {           /* register order of 3.1 */
	TN40_FIFO_TXD = 0,
	TN40_FIFO_RXF = 1,
	TN40_FIFO_RXD = 2,
	TN40_FIFO_TXF = 3,
};

struct tn40_fifo {
	uint8_t *va;            /* memsz + TN40_FIFO_EXTRA bytes */
	uint64_t iova;          /* 4 KiB aligned */
	uint32_t size;          /* memsz */
	uint32_t wptr;          /* host-written: next write; bytes */
	uint32_t rptr;          /* NIC-written: next read; bytes */
	uint16_t reg_wptr;
	uint16_t reg_rptr;
	uint16_t reg_cfg0;
	uint16_t reg_cfg1;
};

/* DMA bytes a FIFO of that size code needs (ring + scratch, 4 KiB aligned start). */
#define TN40_FIFO_DMA_LEN(code) (TN40_FIFO_SIZE(code) + TN40_FIFO_EXTRA)

void tn40_fifo_init(struct tn40_fifo *f, enum tn40_fifo_kind kind, void *va, uint64_t iova,
		    uint32_t code);
/* CFG0/CFG1 (hardware.md 3.1) and the host's pointers to 0; the NIC's are zeroed by the SW reset.
 */
void tn40_fifo_program(struct qt_hw *hw, struct tn40_fifo *f);
/* Raw bytes at the write position, split at the end (the NIC-firmware stream). */
void tn40_fifo_write(struct tn40_fifo *f, const void *src, uint32_t len);

/* ---- fast path ---- */

/* Makes the len bytes at pos contiguous: a wrapped tail is copied into the scratch (hardware.md
 * 4.2).
 */
static inline void
tn40_ring_join(uint8_t *va, uint32_t size, uint32_t pos, uint32_t len)
{
	if (unlikely(pos + len > size))
		memcpy(va + size, va, pos + len - size);
}

/* The write position len bytes after w; what was written past the end goes to 0 (hardware.md 4.2).
 */
static inline uint32_t
tn40_ring_advance(uint8_t *va, uint32_t size, uint32_t w, uint32_t len)
{
	w += len;
	if (w >= size) {
		w -= size;
		if (w != 0)
			memcpy(va, va + size, w);
	}
	return w;
}

static inline void *
tn40_fifo_wr_at(const struct tn40_fifo *f)
{
	return f->va + f->wptr;
}

static inline void
tn40_fifo_wr_advance(struct tn40_fifo *f, uint32_t len)
{
	f->wptr = tn40_ring_advance(f->va, f->size, f->wptr, len);
}

/* Descriptor stores, then the doorbell (hardware.md 4.2: wmb before WPTR). */
static inline void
tn40_fifo_wr_doorbell(const struct qt_hw *hw, const struct tn40_fifo *f)
{
	qt_wmb();
	qt_wr32(hw, f->reg_wptr, f->wptr & TN40_PTR_MASK);
}

/* Bytes the NIC has published since rptr; mask: TN40_PTR_MASK, TXF TN40_TXF_WPTR_MASK. */
static inline uint32_t
tn40_fifo_rd_avail(const struct qt_hw *hw, const struct tn40_fifo *f, uint32_t mask)
{
	uint32_t w = qt_rd32(hw, f->reg_wptr) & mask;

	qt_rmb();       /* descriptor reads after the pointer read (hardware.md 4.2) */
	return (w - f->rptr) & (f->size - 1);
}

/* Where the NIC has read a host-written FIFO to (TXD_RPTR, RXF_RPTR: 3.1). */
static inline uint32_t
tn40_fifo_nic_pos(const struct qt_hw *hw, const struct tn40_fifo *f)
{
	return qt_rd32(hw, f->reg_rptr) & TN40_PTR_MASK;
}

static inline void
tn40_fifo_rd_advance(struct tn40_fifo *f, uint32_t len)
{
	f->rptr = (f->rptr + len) & (f->size - 1);
}

static inline void
tn40_fifo_rd_doorbell(const struct qt_hw *hw, const struct tn40_fifo *f)
{
	qt_wr32(hw, f->reg_rptr, f->rptr & TN40_PTR_MASK);
}

#endif /* TN40_FIFO_H */
