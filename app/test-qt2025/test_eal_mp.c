/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * eal_mp: what other processes and threads may do to a port. The PHY info
 * sequence counter never hands out a torn copy and gives up within a bound when a writer
 * died inside a publication, while telemetry and fw_version still answer; PHY threads block
 * signals and their join is bounded; telemetry racing a close never reads a closing port;
 * close cuts a firmware download short.
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE             /* CPU_SET, pthread_setaffinity_np */
#endif
#include <inttypes.h>
#include <sched.h>
#include <unistd.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <rte_ethdev.h>

#include "qt2025_link.h"
#include "qt_test.h"
#include "test_eal_util.h"

#define TORN_MS 300

struct torn_ctx {
	struct qt2025_adapter *ad;
	RTE_ATOMIC(uint32_t) stop;
	unsigned int writes;
};

static void
other_cpu(void)
{
	cpu_set_t set;
	long n = sysconf(_SC_NPROCESSORS_ONLN), i;

	CPU_ZERO(&set);
	for (i = 0; i < n && i < CPU_SETSIZE; i++)
		if (i != sched_getcpu() || n == 1)
			CPU_SET(i, &set);
	pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
}

/* Publishes k everywhere: a reader that sees two different values read a torn copy. */
static void *
torn_writer(void *arg)
{
	struct torn_ctx *c = arg;
	struct qt_phy_fw_state fs;
	unsigned int k;

	/* EAL pinned the main thread, which this thread inherited: off its CPU, or the two
	 * would take turns and never overlap
	 */
	other_cpu();
	memset(&fs, 0, sizeof(fs));
	for (k = 0; !rte_atomic_load_explicit(&c->stop, rte_memory_order_acquire); k++) {
		memset(fs.version, (uint8_t)k, sizeof(fs.version));
		fs.module = (uint8_t)k;
		fs.heartbeat = (uint8_t)k;
		qt2025_pub_fw(c->ad, &fs, (uint8_t)k, k & 1 ? "odd ........................" :
			      "even");
		c->writes++;
	}
	return NULL;
}

static bool
info_agrees(const struct qt2025_phy_info *i)
{
	uint8_t k = i->module;

	return i->fw_version[0] == k && i->fw_version[1] == k && i->fw_version[2] == k &&
	       i->fw_version[3] == k && i->heartbeat == k && i->phy_addr == k &&
	       strcmp(i->reason, k & 1 ? "odd ........................" : "even") == 0;
}

QT_EAL_TEST(eal_mp, seq_no_torn_read)
{
	static struct qt2025_adapter ad;
	static const struct qt_phy_fw_state zero;
	struct torn_ctx c = { .ad = &ad };
	unsigned long ok = 0, busy = 0, torn = 0;
	struct qt2025_phy_info info;
	uint64_t end;
	pthread_t w;

	memset(&ad, 0, sizeof(ad));
	qt2025_pub_fw(&ad, &zero, 0, "even");   /* k = 0 before the reader starts */
	QT_ASSERT_EQ(pthread_create(&w, NULL, torn_writer, &c), 0);
	end = qtt_now_ms() + TORN_MS;
	while (qtt_now_ms() < end) {
		if (qt2025_info_get(&ad, &info) != 0)
			busy++;
		else if (info_agrees(&info))
			ok++;
		else if (torn++ == 0)
			printf("    torn: version %u.%u.%u.%u module %u heartbeat %u address %d "
			       "reason \"%s\"\n", info.fw_version[0], info.fw_version[1],
			       info.fw_version[2], info.fw_version[3], info.module, info.heartbeat,
			       info.phy_addr, info.reason);
	}
	rte_atomic_store_explicit(&c.stop, 1, rte_memory_order_release);
	pthread_join(w, NULL);
	printf("    %lu consistent reads, %lu busy, %lu torn, against %u publications\n", ok,
	       busy, torn, c.writes);
	QT_ASSERT(torn == 0, "%lu torn copies returned as consistent", torn);
	QT_ASSERT(ok > 1000 && c.writes > 1000, "reader and writer did not overlap");
	return 0;
}

QT_EAL_TEST(eal_mp, seq_dead_writer)
{
	static struct qt2025_adapter ad;
	struct qt_phy_fw_state fs = { .version = { 1, 2, 3, 4 }, .module = 5 };
	struct qt2025_phy_info info;
	uint64_t t0, ms;

	memset(&ad, 0, sizeof(ad));
	qt2025_pub_fw(&ad, &fs, 7, "");
	QT_ASSERT_EQ(qt2025_info_get(&ad, &info), 0);
	/* a writer gone inside its publication */
	rte_atomic_fetch_add_explicit(&ad.info_seq, 1, rte_memory_order_release);
	t0 = qtt_now_ms();
	QT_ASSERT_EQ(qt2025_info_get(&ad, &info), -EAGAIN);
	ms = qtt_now_ms() - t0;
	printf("    -EAGAIN after %" PRIu64 " ms\n", ms);
	QT_ASSERT(ms < 50, "a reader facing a dead writer took %" PRIu64 " ms", ms);
	/* the next publication starts from the odd value and ends even */
	qt2025_pub_fw(&ad, &fs, 8, "");
	QT_ASSERT_EQ(qt2025_info_get(&ad, &info), 0);
	QT_ASSERT_EQ(info.phy_addr, 8);
	return 0;
}

/* A live port whose PHY thread is quiet (10 s polls, link up and held). */
QT_EAL_TEST(eal_mp, busy_telemetry_fw_version)
{
	char s[64], fw[64];
	struct qt2025_adapter *ad;
	long long link;
	uint64_t t0, ms;
	uint16_t p;

	QT_CHECK(qtt_port_up("net_qt2025_sim_mp0", "timing=fast,link_poll_ms=10000", 0, &p));
	QT_CHECK(qtt_wait_link(p, 1, 5000));
	qtt_sleep_ms(100);
	QT_ASSERT_EQ(rte_eth_dev_fw_version_get(p, fw, sizeof(fw)), 0);
	QT_CHECK(qtt_phy_str(p, "info", s, sizeof(s)));
	QT_ASSERT(strcmp(s, "ok") == 0, "info is \"%s\"", s);

	ad = rte_eth_devices[p].data->dev_private;
	rte_atomic_fetch_add_explicit(&ad->info_seq, 1, rte_memory_order_release);
	t0 = qtt_now_ms();
	QT_ASSERT_EQ(rte_eth_dev_fw_version_get(p, s, sizeof(s)), -EAGAIN);
	QT_CHECK(qtt_phy_str(p, "info", s, sizeof(s)));
	QT_ASSERT(strcmp(s, "busy") == 0, "info is \"%s\" with a publication never ended", s);
	QT_CHECK(qtt_phy_str(p, "fw_version", s, sizeof(s)));
	QT_ASSERT(strcmp(s, "busy") == 0, "fw_version is \"%s\"", s);
	QT_CHECK(qtt_phy_int(p, "link", &link));
	QT_ASSERT_EQ(link, 1);          /* dev_link and the counters are not behind it */
	ms = qtt_now_ms() - t0;
	printf("    fw_version_get and two telemetry calls answered in %" PRIu64 " ms\n", ms);
	QT_ASSERT(ms < 500, "%" PRIu64 " ms", ms);

	rte_atomic_fetch_add_explicit(&ad->info_seq, 1, rte_memory_order_release);
	QT_CHECK(qtt_phy_str(p, "info", s, sizeof(s)));
	QT_ASSERT(strcmp(s, "ok") == 0, "info is \"%s\" once the publication ended", s);
	QT_ASSERT_EQ(rte_eth_dev_fw_version_get(p, s, sizeof(s)), 0);
	QT_ASSERT(strcmp(s, fw) == 0, "version %s, was %s", s, fw);
	return 0;
}

/* ---- PHY threads: signals and a bounded join ---- */

static RTE_ATOMIC(uint32_t) thr_done;
static sigset_t thr_mask;

static uint32_t
thr_slow(void *arg)
{
	qtt_sleep_ms(*(unsigned int *)arg);
	pthread_sigmask(SIG_BLOCK, NULL, &thr_mask);
	rte_atomic_store_explicit(&thr_done, 1, rte_memory_order_release);
	return 0;
}

QT_EAL_TEST(eal_mp, thread_join_bounded)
{
	static unsigned int slow = 300, quick;
	qt_thread_t t;
	uint64_t t0, ms;
	int rc;

	rte_atomic_store_explicit(&thr_done, 0, rte_memory_order_relaxed);
	QT_ASSERT_EQ(qt_ctrl_thread_start(&t, "qt-tst-0", thr_slow, &slow), 0);
	t0 = qtt_now_ms();
	rc = qt_ctrl_thread_join(&t, 50);
	ms = qtt_now_ms() - t0;
	QT_ASSERT_EQ(rc, -ETIMEDOUT);
	QT_ASSERT(ms >= 50 && ms < 200, "join gave up after %" PRIu64 " ms", ms);
	/* the detached thread is done with its (static) argument before the next case */
	for (ms = 0; ms < 2000 && !rte_atomic_load_explicit(&thr_done, rte_memory_order_acquire);
	     ms++)
		qtt_sleep_ms(1);
	QT_ASSERT(ms < 2000, "the slow thread never ended");

	rte_atomic_store_explicit(&thr_done, 0, rte_memory_order_relaxed);
	QT_ASSERT_EQ(qt_ctrl_thread_start(&t, "qt-tst-1", thr_slow, &quick), 0);
	t0 = qtt_now_ms();
	QT_ASSERT_EQ(qt_ctrl_thread_join(&t, 1000), 0);
	ms = qtt_now_ms() - t0;
	QT_ASSERT(ms < 100, "join of a quick thread took %" PRIu64 " ms", ms);
	return 0;
}

QT_EAL_TEST(eal_mp, thread_signals_blocked)
{
	static unsigned int quick;
	static const int blocked[] = { SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGPIPE,
				       SIGCHLD, SIGALRM };
	unsigned int i;
	qt_thread_t t;

	QT_ASSERT_EQ(qt_ctrl_thread_start(&t, "qt-tst-2", thr_slow, &quick), 0);
	QT_ASSERT_EQ(qt_ctrl_thread_join(&t, 1000), 0);
	for (i = 0; i < RTE_DIM(blocked); i++)
		QT_ASSERT(sigismember(&thr_mask, blocked[i]) == 1, "signal %d not blocked",
			  blocked[i]);
	/* a fault on the thread must still kill the process */
	QT_ASSERT_EQ(sigismember(&thr_mask, SIGSEGV), 0);
	QT_ASSERT_EQ(sigismember(&thr_mask, SIGBUS), 0);
	return 0;
}

/* ---- telemetry against close ---- */

struct tel_ctx {
	uint16_t port;
	RTE_ATOMIC(uint32_t) stop;
	unsigned int replies, dicts, closing;
};

static void *
tel_hammer(void *arg)
{
	static char out[QTT_TEL_MAX];
	struct tel_ctx *c = arg;
	char cmd[32];

	snprintf(cmd, sizeof(cmd), "/qt2025/phy,%u", c->port);
	while (!rte_atomic_load_explicit(&c->stop, rte_memory_order_acquire)) {
		if (qtt_tel(cmd, out, sizeof(out)) != 0)
			continue;
		c->replies++;
		if (strstr(out, "\"state\"") != NULL)
			c->dicts++;
		/* "stopped" is published by close itself: seen, it was read while closing */
		if (strstr(out, "\"stopped\"") != NULL)
			c->closing++;
	}
	return NULL;
}

/* ethdev's last word before it frees the port: held open a while, so that a handler that
 * does not know the port is closing would read it there
 */
static int
destroy_slow(uint16_t port, enum rte_eth_event_type ev, void *arg, void *ret)
{
	RTE_SET_USED(port);
	RTE_SET_USED(ev);
	RTE_SET_USED(arg);
	RTE_SET_USED(ret);
	qtt_sleep_ms(5);
	return 0;
}

QT_EAL_TEST(eal_mp, telemetry_vs_close)
{
	struct tel_ctx c;
	pthread_t th;
	uint16_t p;
	int i;

	memset(&c, 0, sizeof(c));
	QT_ASSERT_EQ(rte_eth_dev_callback_register(RTE_ETH_ALL, RTE_ETH_EVENT_DESTROY,
						   destroy_slow, NULL), 0);
	QT_CHECK(qtt_port_create("net_qt2025_sim_mp1", "timing=fast", &p));
	c.port = p;
	QT_ASSERT_EQ(pthread_create(&th, NULL, tel_hammer, &c), 0);
	for (i = 0; i < 40; i++) {
		uint16_t q;

		qtt_sleep_ms(i % 7);
		QT_CHECK(qtt_port_destroy(p));
		QT_CHECK(qtt_port_create("net_qt2025_sim_mp1", "timing=fast", &q));
		QT_ASSERT_EQ(q, p);     /* the same id, so the telemetry thread keeps asking */
	}
	rte_atomic_store_explicit(&c.stop, 1, rte_memory_order_release);
	pthread_join(th, NULL);
	rte_eth_dev_callback_unregister(RTE_ETH_ALL, RTE_ETH_EVENT_DESTROY, destroy_slow, NULL);
	printf("    %u replies (%u with a port), %u read a closing port\n", c.replies, c.dicts,
	       c.closing);
	QT_ASSERT(c.dicts > 0, "telemetry never answered");
	QT_ASSERT_EQ(c.closing, 0);
	return 0;
}

/* ---- close against a firmware download ---- */

QT_EAL_TEST(eal_mp, close_during_download)
{
	uint64_t t0, ms;
	uint16_t p;

	QT_CHECK(qtt_port_create("net_qt2025_sim_mp2", "timing=real,fw_force=1", &p));
	QT_CHECK(qtt_wait_state(p, "firmware-download", 5000));
	qtt_sleep_ms(100);
	t0 = qtt_now_ms();
	QT_CHECK(qtt_port_destroy(p));
	ms = qtt_now_ms() - t0;
	printf("    close during the download took %" PRIu64 " ms\n", ms);
	QT_ASSERT(ms < 100, "close waited %" PRIu64 " ms for the download", ms);
	return 0;
}
