/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Helpers shared by the EAL suites (test_eal_*.c): simulated ports, waits, LSC callback
 * counters, this process's own telemetry socket, and what the process holds (threads,
 * file descriptors, memzones) so that tests can see what a port leaves behind.
 *
 * Functions that can fail print why on stderr and return -1 (0 on success), so that a
 * test wraps them in QT_CHECK().
 */

#ifndef TEST_EAL_UTIL_H
#define TEST_EAL_UTIL_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include <rte_ethdev.h>

struct qt_sim;

#define QTT_TEL_MAX 16384               /* the telemetry library's largest reply */

/* ---- time ---- */

uint64_t qtt_now_ms(void);
void qtt_sleep_ms(unsigned int ms);
void qtt_sleep_us(unsigned int us);

/* Polls cond(arg) every 1 ms until it is true (0) or timeout_ms passed (-1). */
int qtt_wait(bool (*cond)(void *arg), void *arg, unsigned int timeout_ms);

/* ---- ports ---- */

/* rte_vdev_init(name, args) and the port id of the new port. */
int qtt_port_create(const char *name, const char *args, uint16_t *port);
/* 1 rx / 1 tx queue of 128 descriptors on the process's one mempool; intr_conf.lsc = lsc. */
int qtt_port_configure(uint16_t port, int lsc);
int qtt_port_start(uint16_t port);
int qtt_port_stop(uint16_t port);
/* create + configure + start */
int qtt_port_up(const char *name, const char *args, int lsc, uint16_t *port);
/* Unregisters the LSC counter, rte_eth_dev_close and rte_vdev_uninit. */
int qtt_port_destroy(uint16_t port);

/* Destroys every port of the process (the fixture after each EAL case). */
int qtt_port_destroy_all(void);
/* Two ports (configured with lsc, LSC callback counted, started), optionally waiting for
 * link on both; and their removal.
 */
int qtt_pair_up(const char *const names[2], const char *args, int lsc, bool wait,
		uint16_t pp[2]);
int qtt_pair_destroy(const uint16_t pp[2]);

/* The model behind a simulated port (NULL and a message when there is none). */
struct qt_sim *qtt_sim(uint16_t port);
/* The model's fail reason (a static buffer), for messages. */
const char *qtt_sim_reason(struct qt_sim *sim);

/* Link as rte_eth_link_get_nowait reports it: 1 up, 0 down, -1 error. */
int qtt_link(uint16_t port);
/* Waits until the port's link is up (up = 1) or down (up = 0). */
int qtt_wait_link(uint16_t port, int up, unsigned int timeout_ms);

/* One xstat by name; -1 when the port has none of that name. */
int qtt_xstat(uint16_t port, const char *name, uint64_t *val);
/* Waits until the xstat is at least min. */
int qtt_wait_xstat(uint16_t port, const char *name, uint64_t min, unsigned int timeout_ms);

/* ---- LSC callbacks ---- */

/* Registers the counting callback for RTE_ETH_EVENT_INTR_LSC and zeroes the counts. */
int qtt_lsc_register(uint16_t port);
void qtt_lsc_unregister(uint16_t port);
void qtt_lsc_reset(uint16_t port);
unsigned int qtt_lsc_count(uint16_t port);
/* How many callbacks ran on a thread other than the EAL interrupt thread. */
unsigned int qtt_lsc_foreign(uint16_t port);
/* The thread the last callback ran on. */
pthread_t qtt_lsc_thread(uint16_t port);
/* Waits until the port's callback count is at least n. */
int qtt_wait_lsc(uint16_t port, unsigned int n, unsigned int timeout_ms);

/* The EAL interrupt thread, found by running an alarm callback on it. */
int qtt_intr_thread(pthread_t *out);

/* ---- telemetry, through this process's own socket (test_eal_tel.c) ---- */

/* Sends cmd ("/qt2025/phy,0"), puts the JSON reply in out (QTT_TEL_MAX + 1 bytes). */
int qtt_tel(const char *cmd, char *out, size_t len);
/* The value of "key" in a JSON reply: a string (unquoted into out) or an integer. */
int qtt_json_str(const char *json, const char *key, char *out, size_t len);
int qtt_json_int(const char *json, const char *key, long long *out);
/* /qt2025/phy,<port> and one string / integer field of it. */
int qtt_phy_str(uint16_t port, const char *key, char *out, size_t len);
int qtt_phy_int(uint16_t port, const char *key, long long *out);
/* Waits until /qt2025/phy,<port> reports the given state. */
int qtt_wait_state(uint16_t port, const char *state, unsigned int timeout_ms);

/* ---- what the process holds ---- */

/* A PHY thread's name (comm): "qt-phy-N", or "dpdk-qt-phy-N" as DPDK 23.11 and later
 * name control threads. Every live port has one PHY thread.
 */
bool qtt_is_phy_thread(const char *comm);
/* The PHY threads of this process (-1 when /proc cannot be read). */
int qtt_count_phy_threads(void);
int qtt_count_fds(void);
int qtt_count_memzones(void);

#endif /* TEST_EAL_UTIL_H */
