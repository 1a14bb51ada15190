/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Model tests of the datapath around the engines: SW reset (hardware.md 3.7, 6.2), the fault
 * knobs (bad CRC, bad L4 checksum, RXF starvation, slow TXF, split RXD), two ports on a
 * wire, the line rate with timing=real on the fake clock, manual engine stepping.
 */

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_sim_client.h"

static struct qt_sim_fake_clock fc;
static struct simc_nic nic, nic2;

static int
open_knobs(enum qt_sim_timing timing, bool manual, enum qt_sim_module module)
{
	struct qt_sim_config cfg;

	qt_sim_fake_clock_init(&fc);
	simc_nic_config(&cfg, &nic, &fc, NULL);
	cfg.timing = timing;
	cfg.variants.manual_dma = manual;
	cfg.module = module;
	QT_CHECK(simc_nic_open_nolink(&nic, &cfg, 3));
	QT_CHECK(simc_phy_boot(&nic.port));
	QT_CHECK(simc_mac_speed(nic.sim, module == QT_SIM_MODULE_1G_SX ? 1000 : 10000, true));
	QT_ASSERT(simc_obs(nic.sim).mac_link, "no link");
	return 0;
}

QT_TEST(sim_dma, sw_reset)
{
	uint8_t f[100];
	uint32_t len;
	struct simc_rxd d;

	QT_CHECK(open_knobs(QT_SIM_TIMING_FAST, false, QT_SIM_MODULE_SR));
	simc_rx_fill(&nic, 0, 10, SIMC_RX_BUF);
	len = simc_udp_frame(f, simc_mac, 40);
	simc_tx(&nic, f, len, 0, 0, 1, 1);
	QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 1);
	QT_ASSERT_NE(qt_sim_rd32(nic.sim, R_TXD_RPTR), 0);
	QT_ASSERT_NE(qt_sim_rd32(nic.sim, R_TXF_WPTR), 0);
	QT_ASSERT_NE(qt_sim_rd32(nic.sim, R_RXF_RPTR), 0);
	/* RST_PORT reads 1 only while port and queues are disabled (hardware.md 3.7) */
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_RST_PORT) & 1, 0);
	qt_sim_wr32(nic.sim, R_DIS_PORT, 1);
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_RST_PORT) & 1, 0);
	qt_sim_wr32(nic.sim, R_DIS_QU, 1);
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_RST_PORT) & 1, 1);
	/* disabled queues move nothing */
	simc_tx(&nic, f, len, 0, 0, 1, 2);
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_TXD_RPTR), 32);
	qt_sim_wr32(nic.sim, R_DIS_PORT, 0);
	qt_sim_wr32(nic.sim, R_DIS_QU, 0);
	simc_sw_reset(nic.sim);
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_TXD_RPTR), 0);
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_TXF_WPTR), 0);
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_RXF_RPTR), 0);
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_RXD_WPTR), 0);
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_GMAC_RXF_A), 0);
	/* hw_start again, the rings restart at 0 */
	simc_rings_cfg(&nic, 3);
	simc_hw_start(&nic);
	simc_rx_fill(&nic, 0, 10, SIMC_RX_BUF);
	simc_tx(&nic, f, len, 0, 0, 2, 3);
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_TXD_RPTR), 40);
	QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 1);
	QT_ASSERT_EQ(d.pos, 0);
	QT_ASSERT_EQ(simc_obs(nic.sim).violations, 0);
	simc_nic_close(&nic);
	return 0;
}

QT_TEST(sim_dma, knob_bad_crc_and_l4)
{
	uint8_t f[200];
	uint32_t len;
	struct simc_rxd d;

	QT_CHECK(open_knobs(QT_SIM_TIMING_FAST, false, QT_SIM_MODULE_SR));
	simc_rx_fill(&nic, 0, 32, SIMC_RX_BUF);
	len = simc_udp_frame(f, simc_mac, 100);
	qt_sim_set_fault(nic.sim, QT_SIM_FAULT_RX_BAD_CRC, 2);
	QT_ASSERT_EQ(qt_sim_wire_inject(nic.sim, f, len), 0);
	QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 0);        /* dropped: ACRC clear */
	QT_ASSERT_EQ(simc_obs(nic.sim).rx_drop_crc, 1);
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_IN_ERRORS), 1);
	qt_sim_wr32(nic.sim, R_GMAC_RXF_A, RXF_HW_START | RXF_ACRC);
	QT_ASSERT_EQ(qt_sim_wire_inject(nic.sim, f, len), 0);
	QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 1);
	QT_ASSERT_EQ(d.err, 0x04);
	QT_ASSERT_EQ(qt_sim_wire_inject(nic.sim, f, len), 0);  /* the knob is spent */
	QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 1);
	QT_ASSERT_EQ(d.err, 0);
	qt_sim_set_fault(nic.sim, QT_SIM_FAULT_RX_BAD_L4_CSUM, 1);
	f[12] = 0x88;                                   /* non-IP frames do not count */
	QT_ASSERT_EQ(qt_sim_wire_inject(nic.sim, f, len), 0);
	QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 1);
	QT_ASSERT_EQ(d.err, 0);
	f[12] = 0x08;
	QT_ASSERT_EQ(qt_sim_wire_inject(nic.sim, f, len), 0);
	QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 1);
	QT_ASSERT_EQ(d.err, 0x08);
	QT_ASSERT(!simc_csum_ok(d.data, d.len), "the damage is in the data too");
	QT_ASSERT_EQ(qt_sim_wire_inject(nic.sim, f, len), 0);
	QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 1);
	QT_ASSERT_EQ(d.err, 0);
	simc_nic_close(&nic);
	return 0;
}

QT_TEST(sim_dma, knob_rxf_starve_and_rxd_split)
{
	uint8_t f[200];
	uint32_t len;
	struct simc_rxd d;

	QT_CHECK(open_knobs(QT_SIM_TIMING_FAST, false, QT_SIM_MODULE_SR));
	simc_rx_fill(&nic, 0, 32, SIMC_RX_BUF);
	len = simc_udp_frame(f, simc_mac, 100);
	qt_sim_set_fault(nic.sim, QT_SIM_FAULT_RXF_STARVE, 1);
	QT_ASSERT_EQ(qt_sim_wire_inject(nic.sim, f, len), 0);
	QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 0);
	QT_ASSERT_EQ(simc_stat(nic.sim, ST_IN_DROPPED), 1);
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_RXF_RPTR), 0);
	qt_sim_set_fault(nic.sim, QT_SIM_FAULT_RXF_STARVE, 0);
	qt_sim_set_fault(nic.sim, QT_SIM_FAULT_RXD_SPLIT, 1);
	QT_ASSERT_EQ(qt_sim_wire_inject(nic.sim, f, len), 0);
	QT_ASSERT_EQ(qt_sim_wire_inject(nic.sim, f, len), 0);
	/* the first descriptor is published by its first 8 bytes only; the rest follows
	 * once the host has seen that; the second frame waits behind it
	 */
	QT_ASSERT_EQ(simc_obs(nic.sim).rx_frames, 1);
	QT_ASSERT_EQ(simc_rxd_get(&nic, &d), -1);
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_RXD_WPTR), 24 + 8);
	QT_ASSERT_EQ(simc_obs(nic.sim).rx_frames, 2);
	QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 1);
	QT_ASSERT_EQ(d.va_lo, 0);
	QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 1);
	QT_ASSERT_EQ(d.va_lo, 1);
	QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 0);
	simc_nic_close(&nic);
	return 0;
}

QT_TEST(sim_dma, knob_txf_slow)
{
	uint8_t f[100];
	uint32_t len;

	QT_CHECK(open_knobs(QT_SIM_TIMING_FAST, false, QT_SIM_MODULE_SR));
	len = simc_udp_frame(f, simc_mac, 40);
	qt_sim_set_fault(nic.sim, QT_SIM_FAULT_TXF_SLOW, 5000);
	simc_tx(&nic, f, len, 0, 0, 1, 1);
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_TXD_RPTR), 32);     /* sent */
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_TXF_WPTR), 0);
	qt_sim_fake_clock_advance(&fc, 4999);
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_TXF_WPTR), 0);
	qt_sim_fake_clock_advance(&fc, 1);
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_TXF_WPTR), 16);
	simc_nic_close(&nic);
	return 0;
}

QT_TEST(sim_dma, manual_step)
{
	uint8_t f[100];
	uint32_t len;
	struct simc_rxd d;

	QT_CHECK(open_knobs(QT_SIM_TIMING_FAST, true, QT_SIM_MODULE_SR));
	simc_rx_fill(&nic, 0, 8, SIMC_RX_BUF);
	len = simc_udp_frame(f, simc_mac, 40);
	simc_tx(&nic, f, len, 0, 0, 1, 1);
	qt_sim_fake_clock_advance(&fc, 1000000);
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_TXD_RPTR), 0);      /* nobody stepped */
	QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 0);
	/* one TXD, its TXF completion, the frame back in through the loopback plug */
	QT_ASSERT_EQ(qt_sim_dma_step(nic.sim), 3);
	QT_ASSERT_EQ(qt_sim_dma_step(nic.sim), 0);
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_TXD_RPTR), 32);
	QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 1);
	QT_ASSERT_EQ(simc_txf_drain(&nic), 1);
	simc_nic_close(&nic);
	return 0;
}

/* N minimum frames (60 B + FCS) leave a port back to back: arrival i at (i + 1) x 67.2 ns
 * at 10 Gb/s (preamble+SFD 8, IFG 12, FCS 4), x 672 ns at 1 Gb/s.
 */
static int
line_rate(enum qt_sim_module module, uint64_t ps_per_frame)
{
	const uint32_t n = 100;
	uint8_t f[100];
	uint64_t t0, last_ps = n * ps_per_frame;
	uint32_t len, i;

	QT_CHECK(open_knobs(QT_SIM_TIMING_REAL, false, module));
	simc_rx_fill(&nic, 0, n, SIMC_RX_BUF);
	len = simc_udp_frame(f, simc_mac, 18);
	QT_ASSERT_EQ(len, 60);
	memcpy(nic.tx, f, len);
	for (i = 0; i < n; i++) {
		uint64_t pa = nic.tx_iova;
		uint32_t bl = len;

		simc_txd_put(&nic, 0, 0, (uint16_t)len, i, 0, &pa, &bl, 1);
	}
	t0 = qt_sim_now_ns(nic.sim);
	simc_txd_kick(&nic);
	QT_ASSERT_EQ(qt_sim_now_ns(nic.sim), t0);
	QT_ASSERT_EQ(simc_obs(nic.sim).tx_descs, 1);    /* the line is busy after one */
	qt_sim_fake_clock_advance(&fc, (last_ps - 1) / 1000);
	QT_ASSERT_EQ(simc_obs(nic.sim).rx_frames, n - 1);
	QT_ASSERT_EQ(simc_obs(nic.sim).tx_descs, n);
	qt_sim_fake_clock_advance(&fc, (last_ps + 999) / 1000 - (last_ps - 1) / 1000);
	QT_ASSERT_EQ(simc_obs(nic.sim).rx_frames, n);
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_TXD_RPTR), nic.txd.pos);
	simc_nic_close(&nic);
	return 0;
}

QT_TEST(sim_dma, line_rate_10g)
{
	return line_rate(QT_SIM_MODULE_SR, 67200);
}

QT_TEST(sim_dma, line_rate_1g)
{
	return line_rate(QT_SIM_MODULE_1G_SX, 672000);
}

QT_TEST(sim_dma, two_ports_on_a_wire)
{
	struct qt_sim_config c1, c2;
	uint8_t f[300], mac2[6];
	struct simc_rxd d;
	uint32_t len;

	qt_sim_fake_clock_init(&fc);
	simc_nic_config(&c1, &nic, &fc, "dmawire");
	simc_nic_config(&c2, &nic2, &fc, "dmawire");
	c2.mac[5] = 0x99;
	memcpy(mac2, c2.mac, 6);
	QT_CHECK(simc_nic_open(&nic, &c1, 3));
	QT_CHECK(simc_nic_open(&nic2, &c2, 3));
	/* simc_hw_start wrote simc_mac to nic2: give it its own address back */
	qt_sim_wr32(nic2.sim, R_UNC_MAC0, (uint32_t)mac2[4] << 8 | mac2[5]);
	QT_ASSERT(simc_obs(nic.sim).mac_link && simc_obs(nic2.sim).mac_link, "no link");
	simc_rx_fill(&nic, 0, 8, SIMC_RX_BUF);
	simc_rx_fill(&nic2, 0, 8, SIMC_RX_BUF);
	len = simc_udp_frame(f, mac2, 200);
	simc_tx(&nic, f, len, 0, 0, 2, 1);
	QT_ASSERT_EQ(simc_rxd_get(&nic2, &d), 1);
	QT_ASSERT(memcmp(d.data, f, len) == 0, "data");
	QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 0);        /* not to itself */
	len = simc_udp_frame(f, simc_mac, 100);
	simc_tx(&nic2, f, len, 0, 0, 1, 1);
	QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 1);
	/* the far end's cable out: no light, frames are lost */
	qt_sim_set_cable(nic2.sim, false);
	simc_tx(&nic, f, len, 0, 0, 1, 2);
	QT_ASSERT_EQ(simc_obs(nic.sim).tx_lost, 1);
	qt_sim_destroy(nic2.sim);
	nic2.sim = NULL;
	simc_nic_close(&nic2);
	simc_nic_close(&nic);
	return 0;
}
