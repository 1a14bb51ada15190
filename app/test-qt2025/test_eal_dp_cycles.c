/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * eal_dp_cycles: the datapath across port and queue stops: 100 dev_stop / dev_start cycles
 * with frames in flight and no mbuf lost, queue stop/start, rx_queue_count and the
 * descriptor status answers, and Rx interrupts. A dev_stop costs ~100 ms (the SW reset's
 * drain, hardware.md 6.2): one loopback port does the 100 cycles.
 */

#include <rte_interrupts.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_eal_dp.h"
#include "test_eal_util.h"

QT_EAL_SUITE(eal_dp_cycles, NULL, NULL);

static struct dp_port port;

static int
send_n(unsigned int n, uint16_t len, uint8_t seed)
{
	struct rte_mbuf *m[32];
	unsigned int i;

	if (n > RTE_DIM(m))
		return -1;
	for (i = 0; i < n; i++) {
		m[i] = dp_frame(port.mp, NULL, len, (uint8_t)(seed + i));
		if (m[i] == NULL) {
			dp_free(m, (uint16_t)i);
			return -1;
		}
	}
	return dp_send(port.id, m, (uint16_t)n) == n ? 0 : -1;
}

/*
 * Each cycle: 24 frames sent, 8 taken, the rest left in the RXD FIFO and the last burst
 * possibly not yet completed; then dev_stop (every mbuf back in the pool: the test holds
 * none) and dev_start (the ring posted again). After 100, traffic flows and the pool's
 * in-use count is where it started.
 */
QT_EAL_TEST(eal_dp_cycles, stop_start_100)
{
	const struct dp_cfg c = { .name = "net_qt2025_sim_c0", .nb_rxd = 256 };
	struct rte_mbuf *r[8];
	unsigned int cycle, in_use, got;
	uint64_t t0 = qtt_now_ms();

	QT_CHECK(dp_port_up(&c, &port));
	dp_knobs_clear(port.sim);
	in_use = dp_in_use(&port);
	QT_ASSERT_EQ(in_use, 256);
	for (cycle = 0; cycle < 100; cycle++) {
		QT_ASSERT(send_n(16, (uint16_t)(60 + cycle * 14), (uint8_t)cycle) == 0,
			  "cycle %u: not sent (%s)", cycle, qtt_sim_reason(port.sim));
		got = dp_recv(port.id, r, 8, 1000);
		QT_ASSERT(got == 8, "cycle %u: %u received", cycle, got);
		QT_CHECK(dp_check_frame(r[0], (uint16_t)(60 + cycle * 14), (uint8_t)cycle));
		dp_free(r, 8);
		QT_ASSERT(send_n(8, 1514, 0) == 0, "cycle %u: not sent", cycle);
		QT_ASSERT_EQ(rte_eth_dev_stop(port.id), 0);
		QT_ASSERT(dp_in_use(&port) == 0, "cycle %u: %u mbufs out after dev_stop", cycle,
			  dp_in_use(&port));
		QT_ASSERT_EQ(rte_eth_dev_start(port.id), 0);
		QT_ASSERT_EQ(dp_in_use(&port), in_use);
	}
	QT_CHECK(qtt_wait_link(port.id, 1, 5000));
	QT_CHECK(dp_traffic(&port, 256, 1000, 7));
	QT_ASSERT_EQ(dp_in_use(&port), in_use);
	QT_ASSERT_EQ(dp_violations(&port), 0);
	printf("    100 cycles in %" PRIu64 " ms\n", qtt_now_ms() - t0);
	QT_CHECK(dp_port_down(&port));
	return 0;
}

/* A stopped Rx queue delivers nothing and keeps what arrives; a stopped Tx queue takes
 * nothing; both resume.
 */
QT_EAL_TEST(eal_dp_cycles, queue_stop_start)
{
	const struct dp_cfg c = { .name = "net_qt2025_sim_c0" };
	struct rte_mbuf *m, *r[16];
	unsigned int in_use, i;

	QT_CHECK(dp_port_up(&c, &port));
	dp_knobs_clear(port.sim);
	in_use = dp_in_use(&port);
	QT_ASSERT_EQ(rte_eth_dev_rx_queue_stop(port.id, 0), 0);
	QT_CHECK(send_n(10, 200, 0));
	QT_ASSERT_EQ(dp_recv(port.id, r, 10, 200), 0);
	QT_ASSERT_EQ(rte_eth_dev_rx_queue_start(port.id, 0), 0);
	QT_ASSERT_EQ(dp_recv(port.id, r, 10, 1000), 10);
	for (i = 0; i < 10; i++)
		QT_CHECK(dp_check_frame(r[i], 200, (uint8_t)i));
	dp_free(r, 10);

	QT_ASSERT_EQ(rte_eth_dev_tx_queue_stop(port.id, 0), 0);
	m = dp_frame(port.mp, NULL, 100, 1);
	QT_ASSERT(m != NULL, "alloc");
	QT_ASSERT_EQ(rte_eth_tx_burst(port.id, 0, &m, 1), 0);
	QT_ASSERT_EQ(rte_eth_dev_tx_queue_start(port.id, 0), 0);
	QT_ASSERT_EQ(dp_send(port.id, &m, 1), 1);
	QT_ASSERT_EQ(dp_recv(port.id, r, 1, 1000), 1);
	QT_CHECK(dp_check_frame(r[0], 100, 1));
	rte_pktmbuf_free(r[0]);
	QT_CHECK(dp_traffic(&port, 64, 300, 2));
	QT_ASSERT_EQ(dp_in_use(&port), in_use);
	QT_ASSERT_EQ(dp_violations(&port), 0);
	QT_CHECK(dp_port_down(&port));
	return 0;
}

static unsigned int want_count;

static bool
count_reached(void *arg)
{
	return rte_eth_rx_queue_count(*(uint16_t *)arg, 0) >= (int)want_count;
}

/* rx_queue_count and the descriptor status answers: frames waiting are DONE, the rest of
 * the posted ring AVAIL; Tx descriptors FULL until completed and reclaimed, then DONE.
 */
QT_EAL_TEST(eal_dp_cycles, descriptor_status)
{
	const struct dp_cfg c = { .name = "net_qt2025_sim_c0", .nb_rxd = 128, .nb_txd = 128 };
	struct rte_mbuf *r[8];
	unsigned int i;

	QT_CHECK(dp_port_up(&c, &port));
	dp_knobs_clear(port.sim);
	QT_ASSERT_EQ(rte_eth_rx_queue_count(port.id, 0), 0);
	QT_ASSERT_EQ(rte_eth_rx_descriptor_status(port.id, 0, 0), RTE_ETH_RX_DESC_AVAIL);
	QT_ASSERT_EQ(rte_eth_rx_descriptor_status(port.id, 0, 127), RTE_ETH_RX_DESC_AVAIL);
	QT_ASSERT_EQ(rte_eth_rx_descriptor_status(port.id, 0, 128), -EINVAL);
	QT_ASSERT_EQ(rte_eth_tx_descriptor_status(port.id, 0, 0), RTE_ETH_TX_DESC_DONE);

	qt_sim_set_fault(port.sim, QT_SIM_FAULT_TXF_SLOW, 200 * 1000 * 1000);
	QT_CHECK(send_n(5, 100, 0));
	want_count = 5;
	QT_CHECK(qtt_wait(count_reached, &port.id, 1000));
	QT_ASSERT_EQ(rte_eth_rx_queue_count(port.id, 0), 5);
	for (i = 0; i < 5; i++)
		QT_ASSERT_EQ(rte_eth_rx_descriptor_status(port.id, 0, (uint16_t)i),
			     RTE_ETH_RX_DESC_DONE);
	QT_ASSERT_EQ(rte_eth_rx_descriptor_status(port.id, 0, 5), RTE_ETH_RX_DESC_AVAIL);
	/* the completions are 200 ms away: the 5 packets are outstanding */
	QT_ASSERT_EQ(rte_eth_tx_descriptor_status(port.id, 0, 4), RTE_ETH_TX_DESC_FULL);
	QT_ASSERT_EQ(rte_eth_tx_descriptor_status(port.id, 0, 5), RTE_ETH_TX_DESC_DONE);

	QT_ASSERT_EQ(dp_recv(port.id, r, 3, 1000), 3);
	dp_free(r, 3);
	QT_ASSERT_EQ(rte_eth_rx_queue_count(port.id, 0), 2);
	QT_ASSERT_EQ(rte_eth_rx_descriptor_status(port.id, 0, 1), RTE_ETH_RX_DESC_DONE);
	QT_ASSERT_EQ(rte_eth_rx_descriptor_status(port.id, 0, 2), RTE_ETH_RX_DESC_AVAIL);
	QT_ASSERT_EQ(dp_recv(port.id, r, 2, 1000), 2);
	dp_free(r, 2);
	QT_ASSERT_EQ(rte_eth_rx_queue_count(port.id, 0), 0);
	QT_ASSERT_EQ(rte_eth_rx_descriptor_status(port.id, 0, 0), RTE_ETH_RX_DESC_AVAIL);

	qtt_sleep_ms(300);
	QT_ASSERT_EQ(rte_eth_tx_done_cleanup(port.id, 0, 0), 5);
	QT_ASSERT_EQ(rte_eth_tx_descriptor_status(port.id, 0, 0), RTE_ETH_TX_DESC_DONE);
	qt_sim_set_fault(port.sim, QT_SIM_FAULT_TXF_SLOW, 0);
	QT_ASSERT_EQ(dp_violations(&port), 0);
	QT_CHECK(dp_port_down(&port));
	return 0;
}

/*
 * Arms the Rx interrupt of a queue with nothing arriving. RX_DESC_0 latched while it was
 * masked (a frame taken meanwhile) may wake the thread once on the unmask, as a card would:
 * a spurious wake-up, which the API allows; the driver disarms after each wake-up. That one
 * consumed and the interrupt armed again, an idle queue must not wake.
 */
static int
arm_idle(struct rte_epoll_event *ev, unsigned int nev)
{
	int n;

	QT_ASSERT_EQ(rte_eth_dev_rx_intr_enable(port.id, 0), 0);
	n = rte_epoll_wait(RTE_EPOLL_PER_THREAD, ev, (int)nev, 200);
	if (n == 1) {
		printf("    a spurious wake-up on arming (RX_DESC_0 latched while masked)\n");
		QT_ASSERT_EQ(rte_eth_dev_rx_intr_enable(port.id, 0), 0);
	}
	n = rte_epoll_wait(RTE_EPOLL_PER_THREAD, ev, (int)nev, 200);
	QT_ASSERT(n == 0, "armed, idle: epoll_wait %d", n);
	return 0;
}

/* Rx interrupts: armed, a frame wakes rte_epoll_wait within a second; disarmed, it does
 * not; armed again, it does.
 */
QT_EAL_TEST(eal_dp_cycles, rx_interrupt)
{
	const struct dp_cfg c = { .name = "net_qt2025_sim_c0", .rxq_intr = true };
	struct rte_epoll_event ev[4];
	struct rte_mbuf *r;
	uint64_t t0;
	int n;

	QT_CHECK(dp_port_up(&c, &port));
	dp_knobs_clear(port.sim);
	QT_ASSERT_EQ(rte_eth_dev_rx_intr_ctl_q(port.id, 0, RTE_EPOLL_PER_THREAD,
					       RTE_INTR_EVENT_ADD, NULL), 0);
	/* armed */
	QT_CHECK(arm_idle(ev, RTE_DIM(ev)));
	QT_CHECK(send_n(1, 100, 1));
	t0 = qtt_now_ms();
	n = rte_epoll_wait(RTE_EPOLL_PER_THREAD, ev, RTE_DIM(ev), 1000);
	QT_ASSERT(n == 1, "armed: epoll_wait %d after %" PRIu64 " ms", n, qtt_now_ms() - t0);
	QT_ASSERT_EQ(dp_recv(port.id, &r, 1, 1000), 1);
	QT_CHECK(dp_check_frame(r, 100, 1));
	rte_pktmbuf_free(r);
	/* disarmed */
	QT_ASSERT_EQ(rte_eth_dev_rx_intr_disable(port.id, 0), 0);
	QT_CHECK(send_n(1, 100, 2));
	n = rte_epoll_wait(RTE_EPOLL_PER_THREAD, ev, RTE_DIM(ev), 300);
	QT_ASSERT(n == 0, "disarmed: epoll_wait %d", n);
	QT_ASSERT_EQ(dp_recv(port.id, &r, 1, 1000), 1);
	rte_pktmbuf_free(r);
	/* armed again */
	QT_CHECK(arm_idle(ev, RTE_DIM(ev)));
	QT_CHECK(send_n(1, 100, 3));
	n = rte_epoll_wait(RTE_EPOLL_PER_THREAD, ev, RTE_DIM(ev), 1000);
	QT_ASSERT(n == 1, "armed again: epoll_wait %d", n);
	QT_ASSERT_EQ(dp_recv(port.id, &r, 1, 1000), 1);
	rte_pktmbuf_free(r);
	QT_ASSERT_EQ(rte_eth_dev_rx_intr_ctl_q(port.id, 0, RTE_EPOLL_PER_THREAD,
					       RTE_INTR_EVENT_DEL, NULL), 0);
	QT_CHECK(dp_port_down(&port));
	return 0;
}
