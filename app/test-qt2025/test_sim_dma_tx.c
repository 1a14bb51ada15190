/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Model tests of the TX engine (hardware.md 4.2-4.4, 12.4): descriptors of every size, every
 * strictness rule, TXF completions and their stall, ring wrap at every offset, the offloads
 * (checksum, VLAN insertion, TSO), runts, the TXF cookie variant, a dead link.
 */

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_sim_client.h"

static struct qt_sim_fake_clock fc;
static struct simc_nic nic;
static const uint8_t bcast[6] = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };

static int
open_nic(unsigned int code, bool zero_cookie)
{
	struct qt_sim_config cfg;

	qt_sim_fake_clock_init(&fc);
	simc_nic_config(&cfg, &nic, &fc, NULL);
	cfg.variants.txf_zero_cookie = zero_cookie;
	QT_CHECK(simc_nic_open(&nic, &cfg, code));
	QT_ASSERT(simc_obs(nic.sim).mac_link, "no link: %s", simc_obs(nic.sim).fail_reason);
	qt_sim_tx_capture(nic.sim, true);
	return 0;
}

/* Pops one captured frame and compares it with want. */
static int
expect_frame(const uint8_t *want, uint32_t len)
{
	static uint8_t got[70000];
	size_t n = qt_sim_tx_pop(nic.sim, got, sizeof(got));

	QT_ASSERT_EQ(n, len);
	QT_ASSERT(memcmp(got, want, len) == 0, "frame content differs");
	return 0;
}

static int
expect_stopped(const char *reason, uint32_t rptr)
{
	QT_ASSERT(simc_reason_is(nic.sim, reason), "reason '%s', expected '%s'",
		  simc_obs(nic.sim).fail_reason, reason);
	QT_ASSERT(simc_obs(nic.sim).tx_stopped, "TX engine still running");
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_TXD_RPTR), rptr);
	return 0;
}

QT_TEST(sim_dma, tx_every_pbl_count)
{
	uint8_t f[600];
	uint32_t len, lo, hi, k, isr;

	QT_CHECK(open_nic(3, false));
	(void)qt_sim_rd32(nic.sim, R_ISR);
	for (k = 1; k <= 19; k++) {
		len = simc_udp_frame(f, bcast, 100 + k * 20);
		simc_tx(&nic, f, len, 0, 0, k, 0x1000 + k);
		QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_TXD_RPTR), nic.txd.pos);
		QT_CHECK(expect_frame(f, len));
		QT_ASSERT_EQ(simc_txf_get(&nic, &lo, &hi), 1);
		QT_ASSERT_EQ(lo, 0x1000 + k);   /* the TXD cookie, echoed (hardware.md 4.4) */
		QT_ASSERT_EQ(hi, ~(0x1000 + k));
	}
	isr = qt_sim_rd32(nic.sim, R_ISR);
	QT_ASSERT(isr & IR_TX_FREE0, "ISR 0x%x", isr);
	QT_ASSERT_EQ(simc_obs(nic.sim).tx_descs, 19);
	QT_ASSERT_EQ(simc_obs(nic.sim).tx_frames, 19);
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_OUT_PKTS), 19);
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_OUT_BCAST), 19);
	QT_ASSERT_EQ(simc_obs(nic.sim).violations, 0);
	simc_nic_close(&nic);
	return 0;
}

QT_TEST(sim_dma, tx_zero_cookie_variant)
{
	uint8_t f[100];
	uint32_t lo, hi;

	QT_CHECK(open_nic(3, true));
	simc_tx(&nic, f, simc_udp_frame(f, bcast, 30), 0, 0, 1, 0xABCD);
	QT_ASSERT_EQ(simc_txf_get(&nic, &lo, &hi), 1);
	QT_ASSERT_EQ(lo, 0);
	QT_ASSERT_EQ(hi, 0);
	simc_nic_close(&nic);
	return 0;
}

/* Raw descriptor bytes at the host position, published. */
static void
raw_txd(uint32_t w0, uint32_t lenword, uint64_t pa, uint32_t blen, uint32_t size)
{
	uint8_t d[64] = { 0 };
	uint32_t i;

	d[0] = (uint8_t)w0;
	d[1] = (uint8_t)(w0 >> 8);
	d[2] = (uint8_t)(w0 >> 16);
	d[3] = (uint8_t)(w0 >> 24);
	for (i = 0; i < 4; i++) {
		d[4 + i] = (uint8_t)(lenword >> (8 * i));
		d[16 + i] = (uint8_t)(pa >> (8 * i));
		d[20 + i] = (uint8_t)(pa >> (32 + 8 * i));
		d[24 + i] = (uint8_t)(blen >> (8 * i));
	}
	for (i = 0; i < size; i++)
		nic.txd.mem[(nic.txd.pos + i) % nic.txd.size] = d[i];
	nic.txd.pos = (nic.txd.pos + size) % nic.txd.size;
	simc_txd_kick(&nic);
}

QT_TEST(sim_dma, tx_strict_rules)
{
	static const struct {
		uint32_t w0, lenword, blen, size;
		uint64_t pa_off;
		const char *reason;
	} bad[] = {
		{ 0x00010004, 60u << 16, 60, 32, 0, "TXD 0x0: word0 0x00010004, type bits" },
		{ 0x00070004, 60u << 16, 60, 32, 0, "TXD 0x0: word0 0x00070004, type bits" },
		{ 0x00030006, 60u << 16, 60, 48, 0, "TXD 0x0: BC 6 is no size" },
		{ 0x00030003, 60u << 16, 60, 24, 0, "TXD 0x0: BC 3 is no size" },
		{ 0x00030004, 61u << 16, 60, 32, 0, "TXD 0x0: length field 61, PBL lengths" },
		{ 0x00030004, 0, 0, 32, 0, "TXD 0x0: length field 0" },
		{ 0x00030064, 60u << 16, 60, 32, 0, "TXD 0x0: checksum field 3" },
		{ 0x00030204, 60u << 16, 60, 32, 0, "TXD 0x0: LGSND 1 with MSS 0" },
		{ 0x00030404, 60u << 16, 60, 32, 0, "TXD 0x0: LGSND 2" },
		{ 0x00030004, 60u << 16, 60, 32, 1ull << 40, "DMA to unmapped address" },
	};
	uint8_t f[100];
	uint32_t i, len;

	QT_CHECK(open_nic(3, false));
	len = simc_udp_frame(f, bcast, 18);
	QT_ASSERT_EQ(len, 60);
	memcpy(nic.tx, f, len);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		raw_txd(bad[i].w0, bad[i].lenword, nic.tx_iova + bad[i].pa_off, bad[i].blen,
			bad[i].size);
		QT_CHECK(expect_stopped(bad[i].reason, 0));
		/* a later good descriptor waits for the SW reset */
		simc_tx(&nic, f, len, 0, 0, 1, 7);
		QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_TXD_RPTR), 0);
		QT_ASSERT_EQ(simc_obs(nic.sim).tx_frames, i);
		simc_sw_reset(nic.sim);
		simc_rings_cfg(&nic, 3);
		simc_hw_start(&nic);
		QT_ASSERT(!simc_obs(nic.sim).tx_stopped, "still stopped after SW reset");
		simc_tx(&nic, f, len, 0, 0, 1, 7);
		QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_TXD_RPTR), 32);
		QT_ASSERT_EQ(simc_obs(nic.sim).tx_frames, i + 1);
		simc_sw_reset(nic.sim);
		simc_rings_cfg(&nic, 3);
		simc_hw_start(&nic);
	}
	QT_ASSERT_EQ(simc_obs(nic.sim).violations, sizeof(bad) / sizeof(bad[0]));
	simc_nic_close(&nic);
	return 0;
}

QT_TEST(sim_dma, tx_txf_full_stalls)
{
	uint8_t f[100];
	uint32_t len = 0, i, sent = 0;

	QT_CHECK(open_nic(0, false));                   /* 4 KiB: 255 TXF entries at most */
	len = simc_udp_frame(f, bcast, 30);
	for (i = 0; i < 3; i++) {
		uint32_t j;

		for (j = 0; j < 100; j++)
			simc_tx(&nic, f, len, 0, 0, 1, sent++);
		while (qt_sim_rd32(nic.sim, R_TXD_RPTR) != nic.txd.pos && i < 2)
			QT_FAIL("TXD not consumed with TXF room");
	}
	/* 255 completions fit (a full FIFO would look empty); the engine waits for room */
	QT_ASSERT_EQ(simc_obs(nic.sim).tx_descs, 255);
	QT_ASSERT_EQ((qt_sim_rd32(nic.sim, R_TXF_WPTR) & 0x7FF0), 255 * 16 % 4096);
	QT_ASSERT(qt_sim_rd32(nic.sim, R_TXD_RPTR) != nic.txd.pos, "TXF overrun");
	/* each TXF_RPTR write makes room: the engine goes on while the host drains */
	QT_ASSERT_EQ(simc_txf_drain(&nic), 300);
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_TXD_RPTR), nic.txd.pos);
	QT_ASSERT_EQ(simc_obs(nic.sim).violations, 0);
	simc_nic_close(&nic);
	return 0;
}

/* Moves the host TXD position to target with 32- and 40-byte descriptors (hardware.md 4.3 k = 1,
 * 2).
 */
static int
tx_fill_to(uint32_t target, uint8_t *f, uint32_t len)
{
	uint32_t d = (target + nic.txd.size - nic.txd.pos) % nic.txd.size;

	if (d < 96)
		d += nic.txd.size;
	while (d > 0) {
		unsigned int k = d % 32 == 0 ? 1 : 2;

		simc_tx(&nic, f, len, 0, 0, k, 0);
		d -= k == 1 ? 32 : 40;
		QT_ASSERT_EQ(qt_sim_tx_pop(nic.sim, NULL, 0), len);
		simc_txf_drain(&nic);
	}
	QT_ASSERT_EQ(nic.txd.pos, target);
	return 0;
}

QT_TEST(sim_dma, tx_wrap_every_offset)
{
	static const unsigned int ks[] = { 1, 2, 3, 10, 19 };
	uint8_t fill[100], f[2000];
	uint32_t flen, i, j, checked = 0;

	QT_CHECK(open_nic(0, false));
	flen = simc_udp_frame(fill, bcast, 20);
	for (i = 0; i < sizeof(ks) / sizeof(ks[0]); i++) {
		uint32_t size = (16 + 12 * ks[i] + 7) & ~7u;

		for (j = 8; j < size; j += 8) {         /* j bytes before the end */
			uint32_t len = simc_udp_frame(f, bcast, 100 + j);

			QT_CHECK(tx_fill_to(nic.txd.size - j, fill, flen));
			simc_tx(&nic, f, len, 0, 0, ks[i], j);
			QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_TXD_RPTR), size - j);
			QT_CHECK(expect_frame(f, len));
			simc_txf_drain(&nic);
			checked++;
		}
	}
	QT_ASSERT_EQ(checked, 3 + 4 + 6 + 16 + 30);
	QT_ASSERT_EQ(simc_obs(nic.sim).violations, 0);
	simc_nic_close(&nic);
	return 0;
}

QT_TEST(sim_dma, tx_checksum_offload)
{
	uint8_t f[1600], want[1600];
	uint32_t len;

	QT_CHECK(open_nic(3, false));
	len = simc_udp_frame(want, bcast, 333);
	memcpy(f, want, len);
	memset(f + 24, 0, 2);                           /* IP header checksum */
	memset(f + 40, 0, 2);                           /* UDP checksum */
	simc_tx(&nic, f, len, TXD_CSUM7, 0, 3, 0);
	QT_CHECK(expect_frame(want, len));
	len = simc_tcp_frame(want, bcast, 1000, 0x11223344, 0x18);
	memcpy(f, want, len);
	memset(f + 24, 0x55, 2);
	memset(f + 50, 0, 2);                           /* TCP checksum */
	simc_tx(&nic, f, len, TXD_CSUM7, 0, 5, 0);
	QT_CHECK(expect_frame(want, len));
	/* without the offload the bytes go out as they are */
	simc_tx(&nic, f, len, 0, 0, 1, 0);
	QT_CHECK(expect_frame(f, len));
	simc_nic_close(&nic);
	return 0;
}

QT_TEST(sim_dma, tx_vlan_insert)
{
	uint8_t f[200], want[204];
	uint32_t len;

	QT_CHECK(open_nic(3, false));
	len = simc_udp_frame(f, bcast, 100);
	memcpy(want, f, 12);
	want[12] = 0x81;
	want[13] = 0x00;
	want[14] = (uint8_t)((5 << 5) | 0x0A);         /* PCP 5, no CFI, VID 0xABC */
	want[15] = 0xBC;
	memcpy(want + 16, f + 12, len - 12);
	simc_tx(&nic, f, len, TXD_VTAG | TXD_VLAN(0xABC, 5), 0, 2, 0);
	QT_CHECK(expect_frame(want, len + 4));
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_OUT_VLAN), 1);
	simc_nic_close(&nic);
	return 0;
}

QT_TEST(sim_dma, tx_tso)
{
	static uint8_t f[5000], seg[1600];
	uint32_t len, i, off = 0, lo, hi;
	const uint32_t mss = 1000, payload = 3500;

	QT_CHECK(open_nic(3, false));
	len = simc_tcp_frame(f, bcast, payload, 1000000, 0x19);        /* FIN PSH ACK */
	simc_tx(&nic, f, len, TXD_LGSND | TXD_CSUM7, mss, 4, 0x77);
	for (i = 0; i < 4; i++) {
		uint32_t n = (uint32_t)qt_sim_tx_pop(nic.sim, seg, sizeof(seg));
		uint32_t plen = i < 3 ? mss : payload - 3 * mss, seq;

		QT_ASSERT_EQ(n, 54 + plen);
		QT_ASSERT(simc_csum_ok(seg, n), "segment %u checksums", i);
		QT_ASSERT_EQ((seg[16] << 8 | seg[17]), 40 + plen);     /* IP total length */
		QT_ASSERT_EQ((seg[18] << 8 | seg[19]), 0x1234 + i);    /* IP id */
		seq = (uint32_t)seg[38] << 24 | seg[39] << 16 | seg[40] << 8 | seg[41];
		QT_ASSERT_EQ(seq, 1000000 + off);
		QT_ASSERT_EQ(seg[47], i < 3 ? 0x10 : 0x19);             /* FIN/PSH last */
		QT_ASSERT(memcmp(seg + 54, f + 54 + off, plen) == 0, "segment %u payload", i);
		QT_ASSERT(memcmp(seg, f, 14) == 0, "segment %u L2 header", i);
		off += plen;
	}
	QT_ASSERT_EQ(qt_sim_tx_pop(nic.sim, seg, sizeof(seg)), 0);
	QT_ASSERT_EQ(simc_txf_get(&nic, &lo, &hi), 1);                 /* one per packet */
	QT_ASSERT_EQ(simc_txf_get(&nic, &lo, &hi), 0);
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_OUT_PKTS), 4);
	/* LGSND on a UDP frame is no TSO the NIC knows */
	len = simc_udp_frame(f, bcast, 3000);
	simc_tx(&nic, f, len, TXD_LGSND, mss, 3, 0);
	QT_CHECK(expect_stopped("TXD 0x", nic.txd.pos - 56));
	QT_ASSERT(strstr(simc_obs(nic.sim).fail_reason, "not TCP/IPv4") != NULL, "%s",
		  simc_obs(nic.sim).fail_reason);
	simc_nic_close(&nic);
	return 0;
}

QT_TEST(sim_dma, tx_runt_and_dead_link)
{
	uint8_t f[100];
	uint32_t lo, hi;
	struct qt_sim_obs o;

	QT_CHECK(open_nic(3, false));
	simc_udp_frame(f, bcast, 18);
	simc_tx(&nic, f, 42, 0, 0, 1, 1);               /* not padded: a runt */
	QT_CHECK(expect_frame(f, 42));
	o = simc_obs(nic.sim);
	QT_ASSERT_EQ(o.rx_drop_runt, 1);                /* the loopback receiver drops it */
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_IN_ERRORS), 1);
	qt_sim_set_cable(nic.sim, false);
	QT_ASSERT(!simc_obs(nic.sim).mac_link, "link with the cable pulled");
	simc_tx(&nic, f, 60, 0, 0, 1, 2);
	o = simc_obs(nic.sim);
	QT_ASSERT_EQ(o.tx_lost, 1);
	QT_ASSERT_EQ(o.tx_frames, 1);
	QT_ASSERT_EQ(qt_sim_tx_pop(nic.sim, f, sizeof(f)), 0);
	QT_ASSERT_EQ(simc_txf_drain(&nic), 2);          /* completed all the same */
	(void)lo;
	(void)hi;
	simc_nic_close(&nic);
	return 0;
}
