/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The fixture around every EAL case (qt_test.h): a case starts with no port and no PHY
 * thread, and whatever ports it or its suite's setup left are closed after it. And the
 * check that the PHY thread counter sees both spellings of the thread names, without which
 * every "no PHY thread left" would pass whatever the driver leaves.
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE             /* pthread_setname_np */
#endif
#include <pthread.h>
#include <unistd.h>

#include <rte_ethdev.h>

#include "qt_test.h"
#include "test_eal_util.h"

int
qt_eal_case_begin(void)
{
	int ports = rte_eth_dev_count_total(), threads = qtt_count_phy_threads();

	if (ports == 0 && threads == 0)
		return 0;
	fprintf(stderr, "    %d ports and %d PHY threads before the case: closing them\n",
		ports, threads);
	qtt_port_destroy_all();
	return -1;
}

int
qt_eal_case_end(void)
{
	int ports = rte_eth_dev_count_total(), threads = qtt_count_phy_threads(), rc = 0;

	/* every live port has its PHY thread, from probe to close: the counter must see them
	 * all, or its "0" after the close below would prove nothing
	 */
	if (threads != ports) {
		fprintf(stderr, "    %d live ports but %d PHY threads counted\n", ports, threads);
		rc = -1;
	}
	if (qtt_port_destroy_all() != 0)
		rc = -1;
	ports = rte_eth_dev_count_total();
	threads = qtt_count_phy_threads();
	if (ports != 0 || threads != 0) {
		fprintf(stderr, "    %d ports and %d PHY threads left after closing every port\n",
			ports, threads);
		rc = -1;
	}
	return rc;
}

/* ---- the thread counter, on threads named as 22.11 and as 23.11+ name the PHY's ---- */

struct named {
	pthread_t tid;
	int fd;         /* read end of a pipe: the thread ends when it is closed */
};

static void *
wait_closed(void *arg)
{
	char c;

	while (read(*(int *)arg, &c, 1) > 0)
		;
	return NULL;
}

QT_TEST(test_util, phy_thread_names)
{
	static const char *const live[] = { "qt-phy-7", "dpdk-qt-phy-8" };
	static const char *const others[] = { "qt-phy", "dpdk-qt-phy", "xqt-phy-1",
					      "dpdk-intr", "dpdk-qt-phyx" };
	struct named t[RTE_DIM(live)];
	int p[2], base;
	unsigned int i;

	QT_ASSERT(qtt_is_phy_thread("qt-phy-0\n"), "qt-phy-0");
	QT_ASSERT(qtt_is_phy_thread("dpdk-qt-phy-12\n"), "dpdk-qt-phy-12");
	for (i = 0; i < RTE_DIM(others); i++)
		QT_ASSERT(!qtt_is_phy_thread(others[i]), "%s", others[i]);

	base = qtt_count_phy_threads();
	QT_ASSERT_EQ(base, 0);
	QT_ASSERT_EQ(pipe(p), 0);
	for (i = 0; i < RTE_DIM(live); i++) {
		t[i].fd = p[0];
		QT_ASSERT_EQ(pthread_create(&t[i].tid, NULL, wait_closed, &t[i].fd), 0);
		QT_ASSERT_EQ(pthread_setname_np(t[i].tid, live[i]), 0);
	}
	QT_ASSERT_EQ(qtt_count_phy_threads(), (int)RTE_DIM(live));
	close(p[1]);
	for (i = 0; i < RTE_DIM(live); i++)
		pthread_join(t[i].tid, NULL);
	close(p[0]);
	QT_ASSERT_EQ(qtt_count_phy_threads(), 0);
	return 0;
}
