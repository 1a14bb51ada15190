/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Model tests of the NIC firmware stream through the TXD FIFO (hardware.md 4.2, 4.8, 12.4):
 * init descriptors across the ring end, bad and partial descriptors, unmapped rings.
 */

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_sim_client.h"

#define RING_IOVA	0x123450000ull	/* CFG1 = 1, CFG0 = 0x23450000 | 3 */
#define RING_SIZE	32768u

static struct qt_sim_fake_clock fc;
static uint8_t *ring;

static void *
dma_map(void *arg, uint64_t iova, size_t len)
{
	(void)arg;
	if (ring == NULL || iova < RING_IOVA || iova + len > RING_IOVA + RING_SIZE)
		return NULL;
	return ring + (iova - RING_IOVA);
}

static struct qt_sim *
setup(enum qt_sim_timing timing)
{
	struct qt_sim_config cfg;

	qt_sim_fake_clock_init(&fc);
	simc_config(&cfg, &fc, NULL, QT_SIM_MODULE_SR, timing);
	cfg.dma_map = dma_map;
	return qt_sim_create(&cfg);
}

static void
put32(uint8_t *b, uint32_t v)
{
	b[0] = (uint8_t)v;
	b[1] = (uint8_t)(v >> 8);
	b[2] = (uint8_t)(v >> 16);
	b[3] = (uint8_t)(v >> 24);
}

/* One 120-byte descriptor first, so that a 16-byte one straddles the 32 KiB ring end. */
static uint8_t *
build_stream(size_t n16, size_t *len)
{
	size_t i, off = 0;
	uint8_t *b;

	*len = 120 + n16 * 16;
	b = calloc(1, *len);
	if (b == NULL)
		return NULL;
	put32(b, 0x000F000F);
	put32(b + 4, 0x00719000);
	off = 120;
	for (i = 0; i < n16; i++, off += 16) {
		put32(b + off, 0x000F0002);
		put32(b + off + 4, (i == n16 - 1 ? 0x80000000u : 0) | (uint32_t)(0x00718000 + i));
		put32(b + off + 8, (uint32_t)i);
	}
	return b;
}

static void
ring_setup(struct qt_sim *s)
{
	qt_sim_wr32(s, R_TXD_CFG0, (uint32_t)RING_IOVA | 3);    /* 32 KiB */
	qt_sim_wr32(s, R_TXD_CFG1, (uint32_t)(RING_IOVA >> 32));
}

/* Pushes len bytes at the host's write pointer, at most chunk bytes per TXD_WPTR write. */
static uint32_t
push(struct qt_sim *s, uint32_t wptr, const uint8_t *src, size_t len, size_t chunk)
{
	while (len > 0) {
		uint32_t rptr = qt_sim_rd32(s, R_TXD_RPTR) & 0x7FF8;
		size_t space = (rptr + RING_SIZE - wptr - 8) % RING_SIZE;
		size_t n = len < chunk ? len : chunk, i;

		if (n > space)
			n = space;
		if (n == 0)
			break;          /* the NIC stopped consuming */
		for (i = 0; i < n; i++)
			ring[(wptr + i) % RING_SIZE] = src[i];
		wptr = (uint32_t)((wptr + n) % RING_SIZE);
		qt_sim_wr32(s, R_TXD_WPTR, wptr);
		src += n;
		len -= n;
	}
	return wptr;
}

static int
nicfw_begin(struct qt_sim **s)
{
	ring = calloc(1, RING_SIZE);
	QT_ASSERT(ring != NULL, "calloc");
	*s = setup(QT_SIM_TIMING_FAST);
	ring_setup(*s);
	return 0;
}

static void
nicfw_end(struct qt_sim *s, uint8_t *stream)
{
	qt_sim_destroy(s);
	free(stream);
	free(ring);
	ring = NULL;
}

QT_TEST(sim_core, nicfw_stream)
{
	struct qt_sim_trace_entry tr[16];
	struct qt_sim *s;
	uint8_t *stream;
	size_t len, n, i;
	uint32_t wptr;
	uint64_t t0;
	bool done = false;

	QT_CHECK(nicfw_begin(&s));
	stream = build_stream(2600, &len);     /* 41,720 bytes > 32 KiB */
	QT_ASSERT(stream != NULL, "calloc");
	qt_sim_trace_enable(s, true, false);
	/* 3000-byte chunks end in the middle of descriptors */
	wptr = push(s, 0, stream, len, 3000);
	QT_ASSERT_EQ(wptr, len % RING_SIZE);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), wptr);
	QT_ASSERT(strcmp(simc_obs(s).fail_reason, "") == 0, "%s", simc_obs(s).fail_reason);
	t0 = qt_sim_now_ns(s);
	qt_sim_fake_clock_advance(&fc, 10 * MS - 1);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_INIT_STATUS), 0);
	QT_ASSERT_EQ(simc_obs(s).nic_init_status, 0);
	qt_sim_fake_clock_advance(&fc, 1);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_INIT_STATUS), 1);
	QT_ASSERT_EQ(simc_obs(s).nic_init_status, 1);
	n = qt_sim_trace_get(s, tr, 16);
	for (i = 0; i < n; i++) {
		if (tr[i].kind == QT_SIM_TR_EVENT && tr[i].val == QT_SIM_EV_NIC_FW_DONE) {
			QT_ASSERT_EQ(tr[i].t_ns, t0 + 10 * MS);
			done = true;
		}
	}
	QT_ASSERT(done, "no NIC_FW_DONE event in %zu trace entries", n);
	/* after init, descriptors are packets for the TX engine: this one finds no TXF FIFO
	 * (test_sim_dma_tx.c has the rest); INIT_STATUS stays
	 */
	ring[wptr] = 0x04;
	ring[wptr + 2] = 0x03;
	qt_sim_wr32(s, R_TXD_WPTR, wptr + 32);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), wptr);
	QT_ASSERT(simc_reason_is(s, "TXF FIFO used while not configured"), "%s",
		  simc_obs(s).fail_reason);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_INIT_STATUS), 1);
	nicfw_end(s, stream);
	return 0;
}

QT_TEST(sim_core, nicfw_bad_descriptor)
{
	struct qt_sim *s;
	uint8_t *stream;
	size_t len;
	uint32_t wptr;

	QT_CHECK(nicfw_begin(&s));
	stream = build_stream(100, &len);
	QT_ASSERT(stream != NULL, "calloc");
	put32(stream + 120 + 16 * 10, 0x00030002);      /* a packet type inside the stream */
	wptr = push(s, 0, stream, len, 4096);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), wptr);  /* drained */
	QT_ASSERT(simc_reason_is(s, "bad NIC init descriptor at TXD 0x"), "%s",
		  simc_obs(s).fail_reason);
	qt_sim_fake_clock_advance(&fc, 1000 * MS);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_INIT_STATUS), 0);
	/* zeroing both pointers forgets the failure; a good stream then loads */
	qt_sim_wr32(s, R_TXD_WPTR, 0);
	qt_sim_wr32(s, R_TXD_RPTR, 0);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), 0);
	put32(stream + 120 + 16 * 10, 0x000F0002);
	push(s, 0, stream, len, 4096);
	qt_sim_fake_clock_advance(&fc, 10 * MS);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_INIT_STATUS), 1);
	nicfw_end(s, stream);
	return 0;
}

QT_TEST(sim_core, nicfw_bad_bc_and_pll_reset)
{
	struct qt_sim *s;
	uint8_t *stream;
	size_t len;

	QT_CHECK(nicfw_begin(&s));
	stream = build_stream(4, &len);
	QT_ASSERT(stream != NULL, "calloc");
	put32(stream + 120, 0x000F0001);                /* BC 1 < 2 */
	push(s, 0, stream, len, 4096);
	QT_ASSERT(simc_reason_is(s, "bad NIC init descriptor"), "%s", simc_obs(s).fail_reason);
	qt_sim_fake_clock_advance(&fc, 20 * MS);
	QT_ASSERT_EQ(simc_obs(s).nic_init_status, 0);
	/* a CLKPLL soft reset also forgets the failure */
	qt_sim_wr32(s, R_CLKPLL, 0x309);
	qt_sim_wr32(s, R_CLKPLL, 0x008);
	put32(stream + 120, 0x000F0002);
	push(s, (uint32_t)len, stream, len, 4096);
	qt_sim_fake_clock_advance(&fc, 10 * MS);
	QT_ASSERT_EQ(simc_obs(s).nic_init_status, 1);
	nicfw_end(s, stream);
	return 0;
}

QT_TEST(sim_core, nicfw_partial_descriptor)
{
	struct qt_sim *s;
	uint8_t *stream;
	size_t len;

	QT_CHECK(nicfw_begin(&s));
	stream = build_stream(1, &len);                 /* 120 + 16 (FINISH) */
	QT_ASSERT(stream != NULL, "calloc");
	memcpy(ring, stream, len);
	qt_sim_wr32(s, R_TXD_WPTR, 64);                 /* part of the 120-byte one */
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), 0);
	qt_sim_wr32(s, R_TXD_WPTR, 128);                /* + half of FINISH */
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), 120);
	qt_sim_fake_clock_advance(&fc, 20 * MS);
	QT_ASSERT_EQ(simc_obs(s).nic_init_status, 0);
	qt_sim_wr32(s, R_TXD_WPTR, 136);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), 136);
	qt_sim_fake_clock_advance(&fc, 10 * MS);
	QT_ASSERT_EQ(simc_obs(s).nic_init_status, 1);
	QT_ASSERT(strcmp(simc_obs(s).fail_reason, "") == 0, "%s", simc_obs(s).fail_reason);
	nicfw_end(s, stream);
	return 0;
}

QT_TEST(sim_core, nicfw_unconfigured_and_unmapped)
{
	struct qt_sim *s = setup(QT_SIM_TIMING_FAST);

	ring = NULL;
	qt_sim_wr32(s, R_TXD_WPTR, 16);
	QT_ASSERT(simc_reason_is(s, "TXD_WPTR written while the TXD FIFO is not configured"), "%s",
		  simc_obs(s).fail_reason);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), 0);
	ring_setup(s);                                  /* dma_map finds no ring */
	qt_sim_wr32(s, R_TXD_WPTR, 32);
	QT_ASSERT(simc_reason_is(s, "DMA to unmapped address 0x123450000"), "%s",
		  simc_obs(s).fail_reason);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), 0);
	qt_sim_destroy(s);
	return 0;
}
