/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Model tests of the RX engine (hardware.md 3.10, 3.11, 4.5, 4.6, 12.4): delivery and the RXD
 * descriptor, the filters, checksum verification and both errata, VLAN stripping, length
 * limits, missing buffers, RXF strictness, ring wrap with RXD BC 2 and 3, counters.
 */

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_sim_client.h"

static struct qt_sim_fake_clock fc;
static struct simc_nic nic;
static const uint8_t bcast[6] = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };

static int
open_rx(unsigned int code, uint8_t rxd_bc, uint32_t nbufs)
{
	struct qt_sim_config cfg;

	qt_sim_fake_clock_init(&fc);
	simc_nic_config(&cfg, &nic, &fc, NULL);
	cfg.variants.rxd_bc = rxd_bc;
	QT_CHECK(simc_nic_open(&nic, &cfg, code));
	QT_ASSERT(simc_obs(nic.sim).mac_link, "no link");
	simc_rx_fill(&nic, 0, nbufs, SIMC_RX_BUF);
	return 0;
}

/* Injects a frame and expects exactly one RXD for it. */
static int
rx_one(const uint8_t *f, uint32_t len, struct simc_rxd *d)
{
	QT_ASSERT_EQ(qt_sim_wire_inject(nic.sim, f, len), 0);
	QT_ASSERT_EQ(simc_rxd_get(&nic, d), 1);
	QT_ASSERT(d->data != NULL, "RXD va_lo %u names no buffer", d->va_lo);
	return 0;
}

static int
rx_none(const uint8_t *f, uint32_t len)
{
	struct simc_rxd d;

	QT_ASSERT_EQ(qt_sim_wire_inject(nic.sim, f, len), 0);
	QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 0);
	return 0;
}

QT_TEST(sim_dma, rx_deliver)
{
	uint8_t f[2000];
	struct simc_rxd d;
	uint32_t len, isr;

	QT_CHECK(open_rx(3, 0, 8));
	len = simc_udp_frame(f, simc_mac, 200);
	(void)qt_sim_rd32(nic.sim, R_ISR);
	QT_CHECK(rx_one(f, len, &d));
	QT_ASSERT_EQ(d.bc, 3);                          /* default variant: 24 bytes */
	QT_ASSERT_EQ(d.len, len);                       /* FCS not included */
	QT_ASSERT_EQ(d.va_lo, 0);
	QT_ASSERT_EQ(d.va_hi, 0);
	QT_ASSERT_EQ(d.pkt_id, 2);
	QT_ASSERT_EQ(d.err, 0);
	QT_ASSERT(!d.vtag, "VTAG on an untagged frame");
	QT_ASSERT(memcmp(d.data, f, len) == 0, "data");
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_RXF_RPTR), 24);
	isr = qt_sim_rd32(nic.sim, R_ISR);
	QT_ASSERT(isr & IR_RX_DESC0, "ISR 0x%x", isr);
	len = simc_tcp_frame(f, simc_mac, 1000, 5, 0x10);
	QT_CHECK(rx_one(f, len, &d));
	QT_ASSERT_EQ(d.va_lo, 1);
	QT_ASSERT_EQ(d.pkt_id, 1);
	QT_ASSERT_EQ(d.err, 0);
	/* a non-IP frame is not checked */
	f[12] = 0x88;
	f[13] = 0xB5;
	QT_CHECK(rx_one(f, 100, &d));
	QT_ASSERT_EQ(d.pkt_id, 0);
	QT_ASSERT_EQ(d.err, 0);
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_IN_PKTS), 3);
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_IN_UCAST), 3);
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_IN_OCTETS), (242 + 4) + (1054 + 4) + (100 + 4));
	/* free-running: reading does not clear */
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_IN_PKTS), 3);
	QT_ASSERT_EQ(simc_obs(nic.sim).rx_frames, 3);
	simc_nic_close(&nic);
	return 0;
}

QT_TEST(sim_dma, rx_filters)
{
	uint8_t f[200], other[6] = { 0x00, 0x1F, 0xC6, 0x12, 0x34, 0x57 };
	uint8_t mc[6] = { 0x01, 0x00, 0x5E, 0x00, 0x00, 0x05 };
	uint32_t len, h;
	struct simc_rxd d;

	QT_CHECK(open_rx(3, 0, 64));
	len = simc_udp_frame(f, other, 50);
	QT_CHECK(rx_none(f, len));                      /* another station's */
	QT_ASSERT_EQ(simc_obs(nic.sim).rx_drop_filter, 1);
	qt_sim_wr32(nic.sim, R_GMAC_RXF_A, RXF_HW_START | RXF_PRM);
	QT_CHECK(rx_one(f, len, &d));
	qt_sim_wr32(nic.sim, R_GMAC_RXF_A, RXF_OSEN);   /* no AB, no AM */
	simc_udp_frame(f, bcast, 50);
	QT_CHECK(rx_none(f, len));
	qt_sim_wr32(nic.sim, R_GMAC_RXF_A, RXF_OSEN | RXF_AB);
	QT_CHECK(rx_one(f, len, &d));
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_IN_BCAST), 1);
	/* multicast: AM gates the hash of 3.10; all-multicast is a full hash */
	simc_udp_frame(f, mc, 50);
	QT_CHECK(rx_none(f, len));
	h = mc[0] ^ mc[1] ^ mc[2] ^ mc[3] ^ mc[4] ^ mc[5];
	qt_sim_wr32(nic.sim, R_MCST_HASH0 + (h >> 5) * 4, 1u << (h & 31));
	QT_CHECK(rx_none(f, len));                      /* a hash hit without AM */
	qt_sim_wr32(nic.sim, R_GMAC_RXF_A, RXF_OSEN | RXF_AB | RXF_AM);
	QT_CHECK(rx_one(f, len, &d));
	mc[5] = 0x06;                                   /* another hash bit */
	simc_udp_frame(f, mc, 50);
	QT_CHECK(rx_none(f, len));
	for (h = 0; h < 8; h++)
		qt_sim_wr32(nic.sim, R_MCST_HASH0 + h * 4, ~0u);
	QT_CHECK(rx_one(f, len, &d));
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_IN_MCAST), 2);
	/* RX disabled: nothing, whatever the address */
	qt_sim_wr32(nic.sim, R_GMAC_RXF_A, 0);
	simc_udp_frame(f, simc_mac, 50);
	QT_CHECK(rx_none(f, len));
	QT_ASSERT_EQ(simc_obs(nic.sim).rx_drop_disabled, 1);
	simc_nic_close(&nic);
	return 0;
}

/* The tagged copy of an untagged frame. */
static uint32_t
tagged(uint8_t *t, const uint8_t *f, uint32_t len, uint16_t tci)
{
	memcpy(t, f, 12);
	t[12] = 0x81;
	t[13] = 0x00;
	t[14] = (uint8_t)(tci >> 8);
	t[15] = (uint8_t)tci;
	memcpy(t + 16, f + 12, len - 12);
	return len + 4;
}

QT_TEST(sim_dma, rx_vlan_strip_and_filter)
{
	uint8_t f[200], t[204];
	uint32_t len, tlen;
	struct simc_rxd d;

	QT_CHECK(open_rx(3, 0, 64));
	len = simc_udp_frame(f, simc_mac, 100);
	tlen = tagged(t, f, len, 0xB123);               /* PCP 5, CFI 1, VID 0x123 */
	QT_CHECK(rx_none(t, tlen));                     /* VID 0x123 not in the table */
	qt_sim_wr32(nic.sim, R_VLAN_0 + (0x123 / 32) * 4, 1u << (0x123 % 32));
	QT_CHECK(rx_one(t, tlen, &d));
	QT_ASSERT(d.vtag, "VTAG clear");
	QT_ASSERT_EQ(d.vlan, 0xB123);
	QT_ASSERT_EQ(d.len, len);
	QT_ASSERT(memcmp(d.data, f, len) == 0, "tag not stripped");
	QT_ASSERT_EQ(d.pkt_id, 2);
	QT_ASSERT_EQ(d.err, 0);
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_IN_VLAN), 1);
	tlen = tagged(t, f, len, 0x6000);               /* priority tag, VID 0: passes */
	QT_CHECK(rx_one(t, tlen, &d));
	QT_ASSERT_EQ(d.vlan, 0x6000);
	tlen = tagged(t, f, len, 0x0124);
	QT_CHECK(rx_none(t, tlen));
	qt_sim_wr32(nic.sim, R_GMAC_RXF_A, RXF_HW_START | RXF_PRM);
	QT_CHECK(rx_one(t, tlen, &d));                  /* promiscuous ignores the table */
	simc_nic_close(&nic);
	return 0;
}

QT_TEST(sim_dma, rx_checksum_and_errata)
{
	uint8_t f[200];
	uint32_t len;
	struct simc_rxd d;

	QT_CHECK(open_rx(3, 0, 64));
	len = simc_tcp_frame(f, simc_mac, 100, 1, 0x10);
	f[60] ^= 1;                                     /* payload damaged */
	QT_CHECK(rx_one(f, len, &d));
	QT_ASSERT_EQ(d.pkt_id, 1);
	QT_ASSERT_EQ(d.err, 0x10);
	len = simc_udp_frame(f, simc_mac, 100);
	f[50] ^= 1;
	QT_CHECK(rx_one(f, len, &d));
	QT_ASSERT_EQ(d.pkt_id, 2);
	QT_ASSERT_EQ(d.err, 0x08);
	/* erratum 1: UDP checksum 0 ("none", valid) is flagged */
	len = simc_udp_frame(f, simc_mac, 100);
	f[40] = 0;
	f[41] = 0;
	QT_CHECK(rx_one(f, len, &d));
	QT_ASSERT_EQ(d.err, 0x08);
	/* erratum 2: correct frames below 70 bytes are flagged, 70 is not */
	len = simc_udp_frame(f, simc_mac, 69 - 42);
	QT_ASSERT_EQ(len, 69);
	QT_CHECK(rx_one(f, len, &d));
	QT_ASSERT_EQ(d.err, 0x08);
	len = simc_tcp_frame(f, simc_mac, 69 - 54, 1, 0x10);
	QT_CHECK(rx_one(f, len, &d));
	QT_ASSERT_EQ(d.err, 0x10);
	len = simc_udp_frame(f, simc_mac, 70 - 42);
	QT_CHECK(rx_one(f, len, &d));
	QT_ASSERT_EQ(d.err, 0);
	QT_ASSERT_EQ(d.pkt_id, 2);
	/* a bad IP header checksum: left unchecked (model choice) */
	len = simc_udp_frame(f, simc_mac, 100);
	f[24] ^= 0xFF;
	QT_CHECK(rx_one(f, len, &d));
	QT_ASSERT_EQ(d.pkt_id, 0);
	QT_ASSERT_EQ(d.err, 0);
	simc_nic_close(&nic);
	return 0;
}

QT_TEST(sim_dma, rx_lengths)
{
	uint8_t f[2100], t[2104];
	uint32_t len;
	struct simc_rxd d;

	QT_CHECK(open_rx(3, 0, 0));
	simc_rxf_put(&nic, 0, 100);                     /* a small buffer first */
	simc_rx_fill(&nic, 1, 8, SIMC_RX_BUF);
	len = simc_udp_frame(f, simc_mac, 200);
	QT_CHECK(rx_none(f, len));                      /* does not fit: buffer stays */
	QT_ASSERT_EQ(simc_obs(nic.sim).rx_drop_buf_small, 1);
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_IN_DROPPED), 1);
	len = simc_udp_frame(f, simc_mac, 50);
	QT_CHECK(rx_one(f, len, &d));
	QT_ASSERT_EQ(d.va_lo, 0);
	/* MAX_FRAME_A = 1518 with FCS: 1514 passes, 1515 is too long; a tag is not counted */
	len = simc_udp_frame(f, simc_mac, 1514 - 42);
	QT_CHECK(rx_one(f, len, &d));
	QT_CHECK(rx_one(t, tagged(t, f, len, 0), &d));
	QT_ASSERT_EQ(d.len, 1514);
	len = simc_udp_frame(f, simc_mac, 1515 - 42);
	QT_CHECK(rx_none(f, len));
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_FRAME_TOO_LONG), 1);
	/* runts: dropped as errors unless ARUNT */
	len = simc_udp_frame(f, simc_mac, 17);
	QT_CHECK(rx_none(f, len));
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_IN_ERRORS), 1);
	qt_sim_wr32(nic.sim, R_GMAC_RXF_A, RXF_HW_START | RXF_ARUNT);
	QT_CHECK(rx_one(f, len, &d));
	QT_ASSERT_EQ(d.len, 59);
	simc_nic_close(&nic);
	return 0;
}

QT_TEST(sim_dma, rx_no_buffers_and_rxd_full)
{
	uint8_t f[200];
	uint32_t len, i;
	struct simc_rxd d;

	QT_CHECK(open_rx(0, 0, 0));                     /* 4 KiB rings */
	len = simc_udp_frame(f, simc_mac, 50);
	QT_CHECK(rx_none(f, len));
	QT_ASSERT_EQ(simc_obs(nic.sim).rx_drop_no_rxf, 1);
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_IN_DROPPED), 1);
	simc_rx_fill(&nic, 0, 170, SIMC_RX_BUF);        /* 170 x 24 = 4080 < 4096 */
	for (i = 0; i < 171; i++)
		QT_ASSERT_EQ(qt_sim_wire_inject(nic.sim, f, len), 0);
	QT_ASSERT_EQ(simc_obs(nic.sim).rx_frames, 170);
	QT_ASSERT_EQ(simc_obs(nic.sim).rx_drop_no_rxf, 2);
	/* RXD now has 16 bytes left: one more would fill it, and a full FIFO looks empty */
	simc_rx_fill(&nic, 170, 10, SIMC_RX_BUF);
	QT_ASSERT_EQ(qt_sim_wire_inject(nic.sim, f, len), 0);
	QT_ASSERT_EQ(simc_obs(nic.sim).rx_drop_rxd_full, 1);
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_IN_DROPPED), 3);
	for (i = 0; i < 170; i++)
		QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 1);
	QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 0);
	simc_nic_close(&nic);
	return 0;
}

QT_TEST(sim_dma, rx_bad_rxf_descriptor)
{
	uint8_t f[200];
	uint32_t len;
	struct simc_rxd d;

	QT_CHECK(open_rx(3, 0, 0));
	simc_rxf_put(&nic, 3, SIMC_RX_BUF);
	nic.rxf.mem[0] = 0x02;                          /* info 0x00010002 */
	simc_rxf_kick(&nic);
	len = simc_udp_frame(f, simc_mac, 50);
	QT_CHECK(rx_none(f, len));
	QT_ASSERT(simc_reason_is(nic.sim, "RXF 0x0: info 0x00010002, must be 0x00010003"),
		  "%s", simc_obs(nic.sim).fail_reason);
	QT_ASSERT(simc_obs(nic.sim).rx_stopped, "RX engine still running");
	simc_sw_reset(nic.sim);
	simc_rings_cfg(&nic, 3);
	simc_hw_start(&nic);
	simc_rx_fill(&nic, 0, 4, SIMC_RX_BUF);
	QT_CHECK(rx_one(f, len, &d));
	simc_nic_close(&nic);
	return 0;
}

/* 900 frames through 4 KiB RXF and RXD rings: every wrap the descriptors can make. */
static int
rx_wrap(uint8_t bc)
{
	uint8_t f[300];
	uint32_t i, straddle = 0, rxd_wrap = 0, next = 0;
	struct simc_rxd d;

	QT_CHECK(open_rx(0, bc, 0));
	simc_rx_fill(&nic, 0, 160, SIMC_RX_BUF);
	next = 160;
	for (i = 0; i < 900; i++) {
		uint32_t len = simc_udp_frame(f, simc_mac, 20 + i % 200);
		uint32_t rpos = nic.rxf.pos;

		QT_CHECK(rx_one(f, len, &d));
		QT_ASSERT_EQ(d.bc, bc);
		QT_ASSERT_EQ(d.len, len);
		QT_ASSERT_EQ(d.va_lo, i % SIMC_RX_BUFS);
		QT_ASSERT(memcmp(d.data, f, len) == 0, "frame %u", i);
		if (d.pos + bc * 8 >= nic.rxd.size)
			rxd_wrap++;
		/* repost: the host writes the RXF descriptor with wrap */
		if (rpos + 24 > nic.rxf.size)
			straddle++;
		simc_rxf_put(&nic, next++ % SIMC_RX_BUFS, SIMC_RX_BUF);
		simc_rxf_kick(&nic);
	}
	QT_ASSERT(straddle >= 3, "RXF straddled the end %u times", straddle);
	QT_ASSERT(rxd_wrap >= 3, "RXD wrapped %u times", rxd_wrap);
	QT_ASSERT_EQ(simc_obs(nic.sim).violations, 0);
	simc_nic_close(&nic);
	return 0;
}

QT_TEST(sim_dma, rx_wrap_bc3)
{
	return rx_wrap(3);
}

QT_TEST(sim_dma, rx_wrap_bc2)
{
	return rx_wrap(2);
}

QT_TEST(sim_dma, loopback_tx_to_rx)
{
	uint8_t f[1600];
	uint32_t len, i;
	struct simc_rxd d;

	QT_CHECK(open_rx(3, 0, 64));
	for (i = 0; i < 32; i++) {
		len = simc_tcp_frame(f, simc_mac, 100 + i * 40, i, 0x18);
		simc_tx(&nic, f, len, TXD_CSUM7, 0, 1 + i % 19, i);
		QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 1);
		QT_ASSERT_EQ(d.len, len);
		QT_ASSERT_EQ(d.pkt_id, 1);
		QT_ASSERT_EQ(d.err, 0);
		QT_ASSERT(memcmp(d.data, f, len) == 0, "frame %u", i);
	}
	QT_ASSERT_EQ(simc_txf_drain(&nic), 32);
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_OUT_PKTS), 32);
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_IN_PKTS), 32);
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_OUT_OCTETS), simc_stat(nic.sim, ST_IN_OCTETS));
	simc_nic_close(&nic);
	return 0;
}
