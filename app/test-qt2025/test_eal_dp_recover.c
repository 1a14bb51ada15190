/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * eal_dp_recover: what the datapath does when the NIC or the link lets it down.
 * A Tx engine that stops (the model's TX_WEDGE knob) is noticed by the PHY thread's
 * watchdog, logged, counted and recovered with ERR_RECOVERING then RECOVERY_SUCCESS, the
 * unsent packets back in their pool; frames sent while the cable is out are counted
 * (tx_link_down_packets) and not as transmitted; Rx buffers too small for the MTU are
 * refused at rx_queue_setup and dev_start.
 */

#include <inttypes.h>

#include <rte_pmd_qt2025.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_eal_dp.h"
#include "test_eal_util.h"

QT_EAL_SUITE(eal_dp_recover, NULL, NULL);

#define RC_NAME "net_qt2025_sim_rc0"

static struct {
	int ev[8];
	unsigned int n;
} rec;

static int
rec_cb(uint16_t port, enum rte_eth_event_type type, void *arg, void *ret)
{
	unsigned int i;

	RTE_SET_USED(port);
	RTE_SET_USED(arg);
	RTE_SET_USED(ret);
	i = __atomic_fetch_add(&rec.n, 1, __ATOMIC_ACQ_REL);
	if (i < RTE_DIM(rec.ev))
		rec.ev[i] = type;
	return 0;
}

static const enum rte_eth_event_type rec_types[] = {
	RTE_ETH_EVENT_ERR_RECOVERING, RTE_ETH_EVENT_RECOVERY_SUCCESS,
	RTE_ETH_EVENT_RECOVERY_FAILED,
};

static int
rec_register(uint16_t p, bool on)
{
	unsigned int i;

	memset(&rec, 0, sizeof(rec));
	for (i = 0; i < RTE_DIM(rec_types); i++)
		if ((on ? rte_eth_dev_callback_register(p, rec_types[i], rec_cb, NULL) :
		     rte_eth_dev_callback_unregister(p, rec_types[i], rec_cb, NULL)) != 0)
			return -1;
	return 0;
}

static bool
rec_two(void *arg)
{
	RTE_SET_USED(arg);
	return __atomic_load_n(&rec.n, __ATOMIC_ACQUIRE) >= 2;
}

static bool
rec_four(void *arg)
{
	RTE_SET_USED(arg);
	return __atomic_load_n(&rec.n, __ATOMIC_ACQUIRE) >= 4;
}

static int
send_frames(const struct dp_port *p, unsigned int n, uint16_t len)
{
	struct rte_mbuf *m[64];
	unsigned int i;

	for (i = 0; i < n; i++) {
		m[i] = dp_frame(p->mp, NULL, len, (uint8_t)i);
		if (m[i] == NULL) {
			dp_free(m, (uint16_t)i);
			return -1;
		}
	}
	return rte_eth_tx_burst(p->id, 0, m, (uint16_t)n) == n ? 0 : -1;
}

/* The Tx engine stops with 16 packets pending: within the watchdog's second (plus a
 * poll) the port recovers on its own, the events come in order, the 16 packets are back
 * in the pool and counted, and traffic flows again with the link never lost.
 */
QT_EAL_TEST(eal_dp_recover, tx_stall_recovered)
{
	const struct dp_cfg c = { .name = RC_NAME };
	struct dp_port p;
	struct rte_eth_stats st;
	char cmd[64], out[256];
	unsigned int in_use;
	uint64_t t0;

	QT_CHECK(dp_port_up(&c, &p));
	dp_knobs_clear(p.sim);
	QT_CHECK(rec_register(p.id, true));
	QT_CHECK(dp_traffic(&p, 64, 128, 1));
	in_use = dp_in_use(&p);
	QT_ASSERT_EQ(rte_eth_stats_reset(p.id), 0);
	QT_ASSERT_EQ(rte_pmd_qt2025_sim_fault(p.id, RTE_PMD_QT2025_SIM_TX_WEDGE, 1), 0);
	QT_CHECK(send_frames(&p, 16, 100));
	t0 = qtt_now_ms();
	QT_CHECK(qtt_wait(rec_two, NULL, 5000));
	qtt_sleep_ms(100);
	printf("    recovered %" PRIu64 " ms after the stall began\n", qtt_now_ms() - t0);
	QT_ASSERT_EQ(__atomic_load_n(&rec.n, __ATOMIC_ACQUIRE), 2);
	QT_ASSERT_EQ(rec.ev[0], RTE_ETH_EVENT_ERR_RECOVERING);
	QT_ASSERT_EQ(rec.ev[1], RTE_ETH_EVENT_RECOVERY_SUCCESS);
	QT_ASSERT_EQ(dp_xstat(p.id, "tx_stalls"), 1);
	QT_ASSERT_EQ(dp_xstat(p.id, "tx_stall_dropped_packets"), 16);
	QT_ASSERT_EQ(dp_in_use(&p), in_use);
	QT_ASSERT_EQ(rte_eth_stats_get(p.id, &st), 0);
	QT_ASSERT_EQ(st.opackets, 0);
	QT_ASSERT_EQ(st.oerrors, 16);
	QT_ASSERT_EQ(qtt_link(p.id), 1);
	QT_CHECK(dp_traffic(&p, 256, 300, 7));
	QT_ASSERT_EQ(dp_in_use(&p), in_use);
	QT_ASSERT_EQ(dp_xstat(p.id, "tx_stalls"), 1);
	/* again, wedged from outside through telemetry: recovered again */
	snprintf(cmd, sizeof(cmd), "/qt2025/sim/tx,%u,wedge", p.id);
	QT_CHECK(qtt_tel(cmd, out, sizeof(out)));
	QT_CHECK(send_frames(&p, 8, 100));
	QT_CHECK(qtt_wait_xstat(p.id, "tx_stalls", 2, 5000));
	QT_CHECK(qtt_wait(rec_four, NULL, 2000));
	QT_ASSERT_EQ(rec.ev[3], RTE_ETH_EVENT_RECOVERY_SUCCESS);
	QT_CHECK(dp_traffic(&p, 64, 300, 9));
	QT_ASSERT_EQ(dp_in_use(&p), in_use);
	QT_ASSERT_EQ(dp_violations(&p), 0);
	QT_CHECK(rec_register(p.id, false));
	QT_CHECK(dp_port_down(&p));
	return 0;
}

/* Pending packets with the link down are not a stall (nothing can leave); nor is an
 * idle ring: no event, no count, over three watchdog periods.
 */
QT_EAL_TEST(eal_dp_recover, no_stall_when_idle)
{
	const struct dp_cfg c = { .name = RC_NAME };
	struct dp_port p;

	QT_CHECK(dp_port_up(&c, &p));
	dp_knobs_clear(p.sim);
	QT_CHECK(rec_register(p.id, true));
	QT_CHECK(dp_traffic(&p, 32, 64, 3));
	qtt_sleep_ms(3 * 1000 + 200);
	QT_ASSERT_EQ(__atomic_load_n(&rec.n, __ATOMIC_ACQUIRE), 0);
	QT_ASSERT_EQ(dp_xstat(p.id, "tx_stalls"), 0);
	QT_CHECK(rec_register(p.id, false));
	QT_CHECK(dp_port_down(&p));
	return 0;
}

/* Cable out: tx_burst keeps taking frames (as ixgbe and i40e), the NIC completes them and
 * the MAC drops them; each is counted in tx_link_down_packets and not in opackets, and
 * goes back to the pool. With the cable back, traffic flows and the count stays.
 */
QT_EAL_TEST(eal_dp_recover, tx_link_down_counted)
{
	const struct dp_cfg c = { .name = RC_NAME };
	struct rte_eth_stats st;
	struct dp_port p;
	unsigned int in_use, i;

	QT_CHECK(dp_port_up(&c, &p));
	dp_knobs_clear(p.sim);
	QT_CHECK(dp_traffic(&p, 32, 64, 3));
	in_use = dp_in_use(&p);
	QT_ASSERT_EQ(rte_eth_stats_reset(p.id), 0);
	QT_ASSERT_EQ(rte_eth_xstats_reset(p.id), 0);
	qt_sim_set_cable(p.sim, false);
	QT_CHECK(qtt_wait_link(p.id, 0, 3000));
	/* no cleanup between bursts: the bursts' own reclaim (of each path) counts too */
	for (i = 0; i < 10; i++) {
		QT_CHECK(send_frames(&p, 50, 200));
		qtt_sleep_ms(5);
	}
	for (i = 0; i < 3; i++) {      /* a pointer read moves the model: more may follow */
		qtt_sleep_ms(10);
		QT_ASSERT(rte_eth_tx_done_cleanup(p.id, 0, 0) >= 0, "cleanup");
	}
	QT_ASSERT_EQ(dp_xstat(p.id, "tx_link_down_packets"), 500);
	QT_ASSERT_EQ(rte_eth_stats_get(p.id, &st), 0);
	QT_ASSERT_EQ(st.opackets, 0);
	QT_ASSERT_EQ(st.obytes, 0);
	QT_ASSERT_EQ(dp_in_use(&p), in_use);
	QT_ASSERT_EQ(dp_drain(p.id, 50), 0);
	qt_sim_set_cable(p.sim, true);
	QT_CHECK(qtt_wait_link(p.id, 1, 5000));
	QT_CHECK(dp_traffic(&p, 64, 64, 9));
	QT_ASSERT_EQ(rte_eth_stats_get(p.id, &st), 0);
	QT_ASSERT_EQ(st.opackets, 64);
	QT_ASSERT_EQ(dp_xstat(p.id, "tx_link_down_packets"), 500);
	QT_ASSERT_EQ(dp_in_use(&p), in_use);
	QT_CHECK(dp_port_down(&p));
	return 0;
}

/* 256-byte buffers cannot hold a 1514-byte frame (no scatter Rx): rx_queue_setup refuses
 * them at MTU 1500; set up at MTU 200, then configured again at 1500, dev_start refuses.
 */
QT_EAL_TEST(eal_dp_recover, rx_buffers_vs_mtu)
{
	struct rte_eth_conf conf;
	struct rte_mempool *mp;
	uint16_t id;

	mp = rte_pktmbuf_pool_create("rc_small", 1024, 0, 0, 256 + RTE_PKTMBUF_HEADROOM,
				     SOCKET_ID_ANY);
	QT_ASSERT(mp != NULL, "pool");
	QT_CHECK(qtt_port_create(RC_NAME, DP_ARGS, &id));
	memset(&conf, 0, sizeof(conf));
	QT_ASSERT_EQ(rte_eth_dev_configure(id, 1, 1, &conf), 0);
	QT_ASSERT_EQ(rte_eth_rx_queue_setup(id, 0, 512, SOCKET_ID_ANY, NULL, mp), -EINVAL);
	conf.rxmode.mtu = 200;
	QT_ASSERT_EQ(rte_eth_dev_configure(id, 1, 1, &conf), 0);
	QT_ASSERT_EQ(rte_eth_rx_queue_setup(id, 0, 512, SOCKET_ID_ANY, NULL, mp), 0);
	QT_ASSERT_EQ(rte_eth_tx_queue_setup(id, 0, 512, SOCKET_ID_ANY, NULL), 0);
	QT_ASSERT_EQ(rte_eth_dev_set_mtu(id, 1500), -EINVAL);
	QT_ASSERT_EQ(rte_eth_dev_set_mtu(id, 242), 0);         /* 256 - 14: fits exactly */
	QT_ASSERT_EQ(rte_eth_dev_set_mtu(id, 243), -EINVAL);
	conf.rxmode.mtu = 1500;
	QT_ASSERT_EQ(rte_eth_dev_configure(id, 1, 1, &conf), 0);
	QT_ASSERT_EQ(rte_eth_dev_start(id), -EINVAL);
	QT_ASSERT_EQ(rte_mempool_in_use_count(mp), 0);
	conf.rxmode.mtu = 242;
	QT_ASSERT_EQ(rte_eth_dev_configure(id, 1, 1, &conf), 0);
	QT_ASSERT_EQ(rte_eth_dev_start(id), 0);
	QT_CHECK(qtt_port_destroy(id));
	QT_ASSERT_EQ(rte_mempool_in_use_count(mp), 0);
	rte_mempool_free(mp);
	return 0;
}

/* Frames longer than the MTU allows are dropped by the NIC and counted as errors
 * (ierrors, mac_rx_too_long), never as missed (imissed is for want of a buffer).
 */
QT_EAL_TEST(eal_dp_recover, rx_too_long_is_an_error)
{
	const struct dp_cfg c = { .name = RC_NAME, .mtu = 1000 };
	static const uint8_t bcast[6] = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };
	static uint8_t f[2048];
	struct rte_eth_stats st;
	struct dp_port p;
	uint16_t len;

	QT_CHECK(dp_port_up(&c, &p));
	dp_knobs_clear(p.sim);
	QT_ASSERT_EQ(rte_eth_stats_reset(p.id), 0);
	len = dp_raw_frame(f, bcast, -1, 1200, 3);
	QT_CHECK(dp_inject_expect(&p, f, len, false));
	QT_CHECK(dp_inject_expect(&p, f, len, false));
	len = dp_raw_frame(f, bcast, -1, 1014, 4);      /* MTU + 14: delivered */
	QT_CHECK(dp_inject_expect(&p, f, len, true));
	QT_ASSERT_EQ(rte_eth_stats_get(p.id, &st), 0);
	QT_ASSERT_EQ(st.ierrors, 2);
	QT_ASSERT_EQ(st.imissed, 0);
	QT_ASSERT_EQ(dp_xstat(p.id, "mac_rx_too_long"), 2);
	QT_CHECK(dp_port_down(&p));
	return 0;
}
