/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Helpers of the EAL suites but telemetry (test_eal_tel.c); see test_eal_util.h.
 */

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <bus_vdev_driver.h>
#include <ethdev_driver.h>
#include <rte_alarm.h>
#include <rte_bus_vdev.h>
#include <rte_eal.h>
#include <rte_mbuf.h>
#include <rte_memzone.h>

#include "qt2025_sim.h"
#include "test_eal_util.h"

#define QTT_NB_MBUF 1024
#define QTT_NB_DESC 128

/* ---- time ---- */

uint64_t
qtt_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

void
qtt_sleep_us(unsigned int us)
{
	struct timespec ts = { .tv_sec = us / 1000000, .tv_nsec = (long)(us % 1000000) * 1000 };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

void
qtt_sleep_ms(unsigned int ms)
{
	qtt_sleep_us(ms * 1000);
}

int
qtt_wait(bool (*cond)(void *arg), void *arg, unsigned int timeout_ms)
{
	uint64_t deadline = qtt_now_ms() + timeout_ms;

	for (;;) {
		if (cond(arg))
			return 0;
		if (qtt_now_ms() >= deadline)
			return -1;
		qtt_sleep_ms(1);
	}
}

/* ---- ports ---- */

static struct rte_mempool *
qtt_mempool(void)
{
	static struct rte_mempool *mp;

	if (mp == NULL)
		mp = rte_pktmbuf_pool_create("qtt_mbufs", QTT_NB_MBUF, 32, 0,
					     RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	if (mp == NULL)
		fprintf(stderr, "    cannot create the mbuf pool: %s\n",
			rte_strerror(rte_errno));
	return mp;
}

/* QT2025_SIM_VARIANT (e.g. "mdio_absent=zero,isr_read=raw") is appended to the devargs of
 * every simulated port: the suites run under each model variant of an UNCERTAIN fact; and
 * QT2025_DATAPATH (scalar, sse, avx2) as datapath=: the suites run on each burst path.
 */
int
qtt_port_create(const char *name, const char *args, uint16_t *port)
{
	const char *variant = getenv("QT2025_SIM_VARIANT"), *path = getenv("QT2025_DATAPATH");
	char all[1024];
	struct qt_sim *sim;
	int rc;

	if (strncmp(name, "net_qt2025_sim", strlen("net_qt2025_sim")) == 0 &&
	    ((variant != NULL && variant[0] != '\0') || (path != NULL && path[0] != '\0'))) {
		int k = snprintf(all, sizeof(all), "%s", args != NULL ? args : "");

		if (variant != NULL && variant[0] != '\0')
			k += snprintf(all + k, sizeof(all) - k, "%s%s", k > 0 ? "," : "", variant);
		if (path != NULL && path[0] != '\0')
			snprintf(all + k, sizeof(all) - k, "%sdatapath=%s", k > 0 ? "," : "", path);
		args = all;
	}
	rc = rte_vdev_init(name, args);
	if (rc != 0) {
		fprintf(stderr, "    rte_vdev_init(%s, \"%s\") = %d\n", name, args, rc);
		return -1;
	}
	rc = rte_eth_dev_get_port_by_name(name, port);
	if (rc != 0) {
		fprintf(stderr, "    no port named %s after rte_vdev_init: %d\n", name, rc);
		rte_vdev_uninit(name);
		return -1;
	}
	/* a card found again by name keeps the cable an earlier case left it with */
	sim = qt2025_sim_of_port(*port);
	if (sim != NULL)
		qt_sim_set_cable(sim, true);
	return 0;
}

int
qtt_port_configure(uint16_t port, int lsc)
{
	struct rte_eth_conf conf;
	struct rte_mempool *mp = qtt_mempool();
	int rc;

	if (mp == NULL)
		return -1;
	memset(&conf, 0, sizeof(conf));
	conf.intr_conf.lsc = lsc ? 1 : 0;
	rc = rte_eth_dev_configure(port, 1, 1, &conf);
	if (rc != 0) {
		fprintf(stderr, "    rte_eth_dev_configure(%u) = %d\n", port, rc);
		return -1;
	}
	rc = rte_eth_rx_queue_setup(port, 0, QTT_NB_DESC, rte_eth_dev_socket_id(port), NULL,
				    mp);
	if (rc != 0) {
		fprintf(stderr, "    rte_eth_rx_queue_setup(%u) = %d\n", port, rc);
		return -1;
	}
	rc = rte_eth_tx_queue_setup(port, 0, QTT_NB_DESC, rte_eth_dev_socket_id(port), NULL);
	if (rc != 0) {
		fprintf(stderr, "    rte_eth_tx_queue_setup(%u) = %d\n", port, rc);
		return -1;
	}
	return 0;
}

int
qtt_port_start(uint16_t port)
{
	int rc = rte_eth_dev_start(port);

	if (rc != 0) {
		fprintf(stderr, "    rte_eth_dev_start(%u) = %d\n", port, rc);
		return -1;
	}
	return 0;
}

int
qtt_port_stop(uint16_t port)
{
	int rc = rte_eth_dev_stop(port);

	if (rc != 0) {
		fprintf(stderr, "    rte_eth_dev_stop(%u) = %d\n", port, rc);
		return -1;
	}
	return 0;
}

int
qtt_port_up(const char *name, const char *args, int lsc, uint16_t *port)
{
	if (qtt_port_create(name, args, port) != 0)
		return -1;
	if (qtt_port_configure(*port, lsc) != 0 || qtt_port_start(*port) != 0) {
		qtt_port_destroy(*port);
		return -1;
	}
	return 0;
}

int
qtt_port_destroy(uint16_t port)
{
	char name[RTE_ETH_NAME_MAX_LEN];
	int rc;

	if (rte_eth_dev_get_name_by_port(port, name) != 0) {
		fprintf(stderr, "    port %u does not exist\n", port);
		return -1;
	}
	qtt_lsc_unregister(port);
	if (rte_eth_devices[port].data->dev_started && qtt_port_stop(port) != 0)
		return -1;
	rc = rte_eth_dev_close(port);
	if (rc != 0) {
		fprintf(stderr, "    rte_eth_dev_close(%u) = %d\n", port, rc);
		return -1;
	}
	rc = rte_vdev_uninit(name);
	if (rc != 0) {
		fprintf(stderr, "    rte_vdev_uninit(%s) = %d\n", name, rc);
		return -1;
	}
	return 0;
}

int
qtt_port_destroy_all(void)
{
	uint16_t port;
	int rc = 0;

	RTE_ETH_FOREACH_DEV(port)
		if (qtt_port_destroy(port) != 0)
			rc = -1;
	return rc;
}

struct qt_sim *
qtt_sim(uint16_t port)
{
	struct qt_sim *sim = qt2025_sim_of_port(port);

	if (sim == NULL)
		fprintf(stderr, "    port %u has no device model\n", port);
	return sim;
}

int
qtt_link(uint16_t port)
{
	struct rte_eth_link link;

	memset(&link, 0, sizeof(link));
	if (rte_eth_link_get_nowait(port, &link) != 0)
		return -1;
	return link.link_status == RTE_ETH_LINK_UP;
}

struct link_cond {
	uint16_t port;
	int up;
};

static bool
link_is(void *arg)
{
	const struct link_cond *c = arg;

	return qtt_link(c->port) == c->up;
}

int
qtt_wait_link(uint16_t port, int up, unsigned int timeout_ms)
{
	struct link_cond c = { port, up };

	if (qtt_wait(link_is, &c, timeout_ms) != 0) {
		fprintf(stderr, "    port %u: link not %s within %u ms\n", port,
			up ? "up" : "down", timeout_ms);
		return -1;
	}
	return 0;
}

int
qtt_xstat(uint16_t port, const char *name, uint64_t *val)
{
	uint64_t id;

	if (rte_eth_xstats_get_id_by_name(port, name, &id) != 0)
		return -1;
	if (rte_eth_xstats_get_by_id(port, &id, val, 1) != 1)
		return -1;
	return 0;
}

struct xstat_cond {
	uint16_t port;
	const char *name;
	uint64_t min;
};

static bool
xstat_at_least(void *arg)
{
	const struct xstat_cond *c = arg;
	uint64_t v;

	return qtt_xstat(c->port, c->name, &v) == 0 && v >= c->min;
}

int
qtt_wait_xstat(uint16_t port, const char *name, uint64_t min, unsigned int timeout_ms)
{
	struct xstat_cond c = { port, name, min };
	uint64_t v = 0;

	if (qtt_wait(xstat_at_least, &c, timeout_ms) != 0) {
		qtt_xstat(port, name, &v);
		fprintf(stderr, "    port %u: %s = %" PRIu64 ", not >= %" PRIu64
			" within %u ms\n", port, name, v, min, timeout_ms);
		return -1;
	}
	return 0;
}

/* ---- LSC callbacks ---- */

static struct {
	bool registered;
	unsigned int count;             /* __atomic */
	unsigned int foreign;           /* __atomic */
	pthread_t thread;               /* the last callback's */
} qtt_lsc[RTE_MAX_ETHPORTS];

static pthread_t qtt_intr_tid;
static unsigned int qtt_intr_known;     /* __atomic */

static void
intr_tid_alarm(void *arg)
{
	RTE_SET_USED(arg);
	qtt_intr_tid = pthread_self();
	__atomic_store_n(&qtt_intr_known, 1, __ATOMIC_RELEASE);
}

static bool
intr_known(void *arg)
{
	RTE_SET_USED(arg);
	return __atomic_load_n(&qtt_intr_known, __ATOMIC_ACQUIRE) != 0;
}

int
qtt_intr_thread(pthread_t *out)
{
	if (!intr_known(NULL)) {
		if (rte_eal_alarm_set(1, intr_tid_alarm, NULL) != 0 ||
		    qtt_wait(intr_known, NULL, 2000) != 0) {
			fprintf(stderr, "    the alarm callback did not run\n");
			return -1;
		}
	}
	*out = qtt_intr_tid;
	return 0;
}

static int
lsc_cb(uint16_t port, enum rte_eth_event_type type, void *cb_arg, void *ret_param)
{
	RTE_SET_USED(cb_arg);
	RTE_SET_USED(ret_param);
	if (type != RTE_ETH_EVENT_INTR_LSC || port >= RTE_MAX_ETHPORTS)
		return 0;
	qtt_lsc[port].thread = pthread_self();
	if (!intr_known(NULL) || !pthread_equal(qtt_lsc[port].thread, qtt_intr_tid))
		__atomic_fetch_add(&qtt_lsc[port].foreign, 1, __ATOMIC_RELAXED);
	__atomic_fetch_add(&qtt_lsc[port].count, 1, __ATOMIC_RELEASE);
	return 0;
}

int
qtt_lsc_register(uint16_t port)
{
	pthread_t tid;
	int rc;

	/* the interrupt thread must be known before any callback can be judged */
	if (qtt_intr_thread(&tid) != 0)
		return -1;
	qtt_lsc_reset(port);
	rc = rte_eth_dev_callback_register(port, RTE_ETH_EVENT_INTR_LSC, lsc_cb, NULL);
	if (rc != 0) {
		fprintf(stderr, "    cannot register the LSC callback on port %u: %d\n", port,
			rc);
		return -1;
	}
	qtt_lsc[port].registered = true;
	return 0;
}

void
qtt_lsc_unregister(uint16_t port)
{
	int i, rc;

	if (port >= RTE_MAX_ETHPORTS || !qtt_lsc[port].registered)
		return;
	/* -EAGAIN while the callback runs */
	for (i = 0; i < 1000; i++) {
		rc = rte_eth_dev_callback_unregister(port, RTE_ETH_EVENT_INTR_LSC, lsc_cb, NULL);
		if (rc != -EAGAIN)
			break;
		qtt_sleep_ms(1);
	}
	qtt_lsc[port].registered = false;
}

void
qtt_lsc_reset(uint16_t port)
{
	__atomic_store_n(&qtt_lsc[port].count, 0, __ATOMIC_RELEASE);
	__atomic_store_n(&qtt_lsc[port].foreign, 0, __ATOMIC_RELEASE);
}

unsigned int
qtt_lsc_count(uint16_t port)
{
	return __atomic_load_n(&qtt_lsc[port].count, __ATOMIC_ACQUIRE);
}

unsigned int
qtt_lsc_foreign(uint16_t port)
{
	return __atomic_load_n(&qtt_lsc[port].foreign, __ATOMIC_ACQUIRE);
}

pthread_t
qtt_lsc_thread(uint16_t port)
{
	return qtt_lsc[port].thread;
}

struct lsc_cond {
	uint16_t port;
	unsigned int n;
};

static bool
lsc_at_least(void *arg)
{
	const struct lsc_cond *c = arg;

	return qtt_lsc_count(c->port) >= c->n;
}

int
qtt_wait_lsc(uint16_t port, unsigned int n, unsigned int timeout_ms)
{
	struct lsc_cond c = { port, n };

	if (qtt_wait(lsc_at_least, &c, timeout_ms) != 0) {
		fprintf(stderr, "    port %u: %u LSC callbacks, not >= %u within %u ms\n", port,
			qtt_lsc_count(port), n, timeout_ms);
		return -1;
	}
	return 0;
}

/* ---- what the process holds ---- */

bool
qtt_is_phy_thread(const char *comm)
{
	/* DPDK 23.11 and later name control threads "dpdk-" + the name the driver gave */
	if (strncmp(comm, "dpdk-", 5) == 0)
		comm += 5;
	return strncmp(comm, "qt-phy-", 7) == 0;
}

int
qtt_count_phy_threads(void)
{
	struct dirent *e;
	char path[300], comm[64];
	int n = 0;
	DIR *d;

	d = opendir("/proc/self/task");
	if (d == NULL) {
		fprintf(stderr, "    cannot open /proc/self/task: %s\n", strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		FILE *f;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/proc/self/task/%s/comm", e->d_name);
		f = fopen(path, "r");
		if (f == NULL)
			continue;       /* the thread just ended */
		if (fgets(comm, sizeof(comm), f) != NULL && qtt_is_phy_thread(comm))
			n++;
		fclose(f);
	}
	closedir(d);
	return n;
}

int
qtt_count_fds(void)
{
	struct dirent *e;
	int n = 0;
	DIR *d;

	d = opendir("/proc/self/fd");
	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n - 1;   /* the directory stream's own descriptor */
}

static void
count_mz(const struct rte_memzone *mz, void *arg)
{
	RTE_SET_USED(mz);
	(*(int *)arg)++;
}

int
qtt_count_memzones(void)
{
	int n = 0;

	rte_memzone_walk(count_mz, &n);
	return n;
}

int
qtt_pair_up(const char *const names[2], const char *args, int lsc, bool wait, uint16_t pp[2])
{
	int i;

	for (i = 0; i < 2; i++)
		if (qtt_port_create(names[i], args, &pp[i]) != 0 ||
		    qtt_port_configure(pp[i], lsc) != 0 || qtt_lsc_register(pp[i]) != 0 ||
		    qtt_port_start(pp[i]) != 0)
			return -1;
	for (i = 0; wait && i < 2; i++)
		if (qtt_wait_link(pp[i], 1, 5000) != 0)
			return -1;
	return 0;
}

int
qtt_pair_destroy(const uint16_t pp[2])
{
	int i, rc = 0;

	for (i = 0; i < 2; i++)
		if (qtt_port_destroy(pp[i]) != 0)
			rc = -1;
	return rc;
}

const char *
qtt_sim_reason(struct qt_sim *sim)
{
	static struct qt_sim_obs obs;

	if (sim == NULL)
		return "no model";
	qt_sim_observe(sim, &obs);
	return obs.fail_reason;
}
