/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Model tests of the FIFO registers of queue 0 (hardware.md 3.1, 4.2, 12.1) and the small print
 * of the datapath: pointer masks, who owns which pointer, queues 1..3, read-only counters,
 * a packet descriptor published in two parts, a receiver without link, inject arguments.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_sim_client.h"

static struct qt_sim_fake_clock fc;
static struct simc_nic nic;

static int
open_fifo(void)
{
	struct qt_sim_config cfg;

	qt_sim_fake_clock_init(&fc);
	simc_nic_config(&cfg, &nic, &fc, NULL);
	QT_CHECK(simc_nic_open(&nic, &cfg, 3));
	return 0;
}

QT_TEST(sim_dma, fifo_registers)
{
	struct qt_sim *s;

	QT_CHECK(open_fifo());
	s = nic.sim;
	QT_ASSERT_EQ(qt_sim_rd32(s, R_RXD_CFG0), (uint32_t)nic.rxd.iova | 3);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_RXD_CFG1), nic.rxd.iova >> 32);
	/* host-written pointers keep bits 14:3 only */
	qt_sim_wr32(s, R_RXF_WPTR, 0xFFFF800F);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_RXF_WPTR), 0x0008);
	qt_sim_wr32(s, R_RXD_RPTR, 0x7FFF);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_RXD_RPTR), 0x7FF8);
	/* the NIC's pointers ignore the host, except a reset to 0 */
	qt_sim_wr32(s, R_RXF_RPTR, 0x100);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_RXF_RPTR), 0);
	qt_sim_wr32(s, R_TXF_WPTR, 0x100);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXF_WPTR), 0);
	/* queue 1 is plain storage, untouched by queue 0's engines */
	qt_sim_wr32(s, R_TXD_WPTR + 4, 0x1234);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_WPTR + 4), 0x1234);
	QT_ASSERT_EQ(qt_sim_rd32(s, R_TXD_RPTR), 0);
	/* counters are read-only */
	qt_sim_wr32(s, ST_IN_PKTS, 55);
	QT_ASSERT_EQ(qt_sim_rd32(s, ST_IN_PKTS), 0);
	QT_ASSERT_EQ(simc_obs(s).violations, 0);
	simc_nic_close(&nic);
	return 0;
}

QT_TEST(sim_dma, tx_partial_descriptor)
{
	uint8_t f[300];
	uint64_t pa[3];
	uint32_t bl[3], len, i;

	QT_CHECK(open_fifo());
	qt_sim_tx_capture(nic.sim, true);
	len = simc_udp_frame(f, simc_mac, 150);
	memcpy(nic.tx, f, len);
	for (i = 0; i < 3; i++) {
		bl[i] = i < 2 ? 60 : len - 120;
		pa[i] = nic.tx_iova + 60 * i;
	}
	QT_ASSERT_EQ(simc_txd_put(&nic, 0, 0, (uint16_t)len, 1, 0, pa, bl, 3), 56);
	qt_sim_wr32(nic.sim, R_TXD_WPTR, 32);           /* the header and one PBL entry */
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_TXD_RPTR), 0);
	QT_ASSERT_EQ(qt_sim_tx_pop(nic.sim, f, sizeof(f)), 0);
	qt_sim_wr32(nic.sim, R_TXD_WPTR, 56);
	QT_ASSERT_EQ(qt_sim_rd32(nic.sim, R_TXD_RPTR), 56);
	QT_ASSERT_EQ(qt_sim_tx_pop(nic.sim, f, sizeof(f)), len);
	QT_ASSERT_EQ(simc_obs(nic.sim).violations, 0);
	simc_nic_close(&nic);
	return 0;
}

QT_TEST(sim_dma, rx_without_link_and_inject_args)
{
	uint8_t f[200];
	uint32_t len;
	struct simc_rxd d;

	QT_CHECK(open_fifo());
	simc_rx_fill(&nic, 0, 8, SIMC_RX_BUF);
	len = simc_udp_frame(f, simc_mac, 100);
	qt_sim_set_cable(nic.sim, false);
	QT_ASSERT_EQ(qt_sim_wire_inject(nic.sim, f, len), 0);
	QT_ASSERT_EQ(simc_rxd_get(&nic, &d), 0);
	QT_ASSERT_EQ(simc_obs(nic.sim).rx_drop_disabled, 1);
	errno = 0;
	QT_ASSERT_EQ(qt_sim_wire_inject(nic.sim, f, 0), -1);
	QT_ASSERT_EQ(errno, EINVAL);
	QT_ASSERT_EQ(qt_sim_wire_inject(nic.sim, NULL, 10), -1);
	QT_ASSERT_EQ(qt_sim_wire_inject(nic.sim, f, 70000), -1);
	simc_nic_close(&nic);
	return 0;
}

QT_TEST(sim_dma, rxd_bc_variant_invalid)
{
	struct qt_sim_config cfg;

	qt_sim_fake_clock_init(&fc);
	simc_nic_config(&cfg, &nic, &fc, NULL);
	cfg.variants.rxd_bc = 4;
	errno = 0;
	QT_ASSERT(qt_sim_create(&cfg) == NULL, "RXD BC 4 accepted");
	QT_ASSERT_EQ(errno, EINVAL);
	return 0;
}
