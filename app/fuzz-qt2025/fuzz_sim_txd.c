/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The device model's TX engine (sim/sim_dma_tx.c, sim_nic_fw.c) fed by a hostile driver:
 * any bytes in the TXD FIFO, any TXD_WPTR and TXF_RPTR values, FIFOs configured anew in
 * flight, SW resets at any moment, before or after the NIC-firmware init stream. The card
 * is brought up by base/ on the model's transport; the model must stay inside the DMA
 * memory it was given (ASan) and inside its own buffers, and come to rest (the engine
 * runs on each doorbell; libFuzzer's -timeout catches one that never stops).
 */

#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "qt2025_sim.h"
#include "tn40_desc.h"
#include "tn40_fifo.h"
#include "tn40_hw.h"
#include "tn40_port.h"

#define IOVA            0x50000000ull
#define RING            RTE_ALIGN(TN40_FIFO_DMA_LEN(TN40_FIFO_CODE_32K), 4096)
#define BUFS_OFF        (TN40_FW_DMA_LEN + 4 * RING)
#define BUFS_LEN        (64u * 1024)
#define ARENA           (BUFS_OFF + BUFS_LEN)

static uint8_t *arena;
static const uint8_t mac[6] = { 0x00, 0x1F, 0xC6, 0x12, 0x34, 0x56 };

static void *
dma_map(void *arg __rte_unused, uint64_t iova, size_t len)
{
	if (iova < IOVA || len > ARENA || iova - IOVA > ARENA - len)
		return NULL;
	return arena + (iova - IOVA);
}

static void
txd_put(struct tn40_fifo *f, uint32_t *pos, const uint8_t *b, uint32_t len)
{
	uint32_t i;

	for (i = 0; i < len; i++)
		f->va[(*pos + i) & (f->size - 1)] = b[i];
	*pos = (*pos + len) & (f->size - 1);
}

/* A descriptor of the 4.3 shape with fuzzer fields: k PBL entries into the buffer area. */
static uint32_t
txd_shaped(struct fz_in *in, uint8_t op, uint8_t *d)
{
	uint32_t k = fz_u8(in) % 19 + 1, size = tn40_txd_size(k), sum = 0, i, w1;

	memset(d, 0, size);
	w1 = (fz_u32(in) & ~0xF001Fu) | 3u << 16 | size / 8;
	if (op & 0x20)
		w1 &= ~(0xFu << 5 | 0xFu << 9);         /* no offload: a plain packet */
	memcpy(d, &w1, 4);
	d[4] = fz_u8(in);               /* MSS */
	d[5] = fz_u8(in) & 0x7;
	for (i = 0; i < k; i++) {
		uint64_t pa = IOVA + BUFS_OFF + fz_u16(in) % BUFS_LEN;
		uint32_t len = fz_u16(in) % 2048;

		memcpy(d + 16 + 12 * i, &pa, 8);
		memcpy(d + 16 + 12 * i + 8, &len, 4);
		sum += len;
	}
	if (op & 0x40)
		sum = fz_u16(in);       /* a length that may not add up */
	d[6] = (uint8_t)sum;
	d[7] = (uint8_t)(sum >> 8);
	return size;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct tn40_dma dma = { NULL, IOVA, TN40_FW_DMA_LEN };
	struct fz_in in = { data, size };
	struct tn40_fifo f[4];
	struct qt_sim_fake_clock fc;
	struct qt_sim_config cfg;
	struct qt_sim *sim;
	struct qt_hw hw;
	uint32_t pos = 0, i;
	unsigned int ops = 0;
	uint8_t flags = fz_u8(&in);
	struct tn40_dma fwdma = dma;

	fz_quiet_logs();
	if (arena == NULL)
		arena = malloc(ARENA);          /* exactly: the model's edges are ASan's */
	FZ_CHECK(arena != NULL, "out of memory");
	memset(arena, 0, ARENA);
	fwdma.va = arena;
	memset(&cfg, 0, sizeof(cfg));
	qt_sim_fake_clock_init(&fc);
	cfg.clock = &fc.clock;
	cfg.module = QT_SIM_MODULE_SR;
	cfg.phy_addr = 1;
	cfg.dma_map = dma_map;
	cfg.variants.rxd_bc = (flags & 2) ? 2 : 3;
	cfg.variants.txf_zero_cookie = (flags & 4) != 0;
	memcpy(cfg.mac, mac, sizeof(mac));
	sim = qt_sim_create(&cfg);
	FZ_CHECK(sim != NULL, "qt_sim_create");
	qt2025_sim_hw_init(&hw, "fuzz_sim_txd", sim);
	FZ_CHECK(tn40_pll_reset(&hw) == 0, "PLL reset: %s", hw.why);
	/* flags bit 0: the NIC firmware runs (packets); else the TXD carries the init stream */
	if (flags & 1)
		FZ_CHECK(tn40_nic_fw_load(&hw, qt_sim_nic_fw, qt_sim_nic_fw_len, &fwdma) == 0,
			 "NIC firmware: %s", hw.why);
	tn40_sw_reset(&hw, false);
	for (i = 0; i < 4; i++) {
		uint64_t off = TN40_FW_DMA_LEN + (uint64_t)i * RING;

		tn40_fifo_init(&f[i], (enum tn40_fifo_kind)i, arena + off, IOVA + off,
			       TN40_FIFO_CODE_32K);
		tn40_fifo_program(&hw, &f[i]);
	}
	tn40_hw_start(&hw, mac, 1518, 0);
	if (flags & 8)
		qt_sim_set_fault(sim, QT_SIM_FAULT_TXF_SLOW, 1000000);

	while (fz_more(&in) && ops++ < 256) {
		uint8_t op = fz_u8(&in), b[256];
		uint32_t len;

		switch (op % 8) {
		case 0:         /* any bytes at the host's write position */
			len = fz_u8(&in);
			txd_put(&f[TN40_FIFO_TXD], &pos, b, (uint32_t)fz_bytes(&in, b, len));
			break;
		case 1:
			len = txd_shaped(&in, op, b);
			txd_put(&f[TN40_FIFO_TXD], &pos, b, len);
			break;
		case 2:         /* publish what was written */
			qt_sim_wr32(sim, f[TN40_FIFO_TXD].reg_wptr, pos);
			break;
		case 3:         /* TXD_WPTR anything */
			qt_sim_wr32(sim, f[TN40_FIFO_TXD].reg_wptr, fz_u32(&in));
			break;
		case 4:         /* time passes; the engines run */
			qt_sim_sleep_ns(sim, (uint64_t)fz_u16(&in) * 1000);
			(void)qt_sim_dma_step(sim);
			break;
		case 5:         /* TXF_RPTR: where the host says it has read to */
			qt_sim_wr32(sim, f[TN40_FIFO_TXF].reg_rptr,
				    (op & 0x10) ? fz_u32(&in) :
				    qt_sim_rd32(sim, f[TN40_FIFO_TXF].reg_wptr));
			break;
		case 6:         /* a FIFO register (CFG0/CFG1/pointers) rewritten in flight */
			qt_sim_wr32(sim, 0x4000 + (fz_u8(&in) & 0xFCu), fz_u32(&in));
			break;
		case 7:
			tn40_sw_reset(&hw, (op & 0x10) != 0);
			pos = 0;
			break;
		}
	}
	qt_sim_destroy(sim);
	return 0;
}
