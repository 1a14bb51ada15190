/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The soak's port, its settle rule and its agreement checks (soak_check.c), driven by the
 * event loop of test_eal_soak.c on the fake clock of soak_warp.h.
 */

#ifndef SOAK_CHECK_H
#define SOAK_CHECK_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_ethdev.h>

#include "qt_sim.h"
#include "soak_warp.h"
#include "test_eal_dp.h"

enum soak_ev {
	SOAK_EV_CABLE,
	SOAK_EV_MODULE,
	SOAK_EV_CRASH,
	SOAK_EV_MDIO,
	SOAK_EV_ADMIN,
	SOAK_EV_STARTSTOP,
	SOAK_EV_STARVE,
	SOAK_EV_TRAFFIC,
	SOAK_EV_N
};

enum soak_x {
	SOAK_X_UP,
	SOAK_X_DOWN,
	SOAK_X_LOADS,
	SOAK_X_CRASHES,
	SOAK_X_MDIO_ERR,
	SOAK_X_MDIO_TMO,
	SOAK_X_MAC_RESETS,
	SOAK_X_N
};

struct soak {
	struct soak_warp w;
	struct dp_port p;
	uint64_t rng;
	unsigned int poll_ms;
	bool strict;                            /* MDIO errors may not flap or restart */

	/* the world as the soak made it */
	bool started, admin_down, cable, starve;
	enum qt_sim_module module;
	uint64_t crashes, mdio_errors;          /* injected */
	uint64_t sent, received;                /* frames the application sent and got */

	/* baselines, taken once the port first had link */
	uint64_t t0_ns;
	uint64_t xid[SOAK_X_N], x0[SOAK_X_N];
	struct qt_sim_obs o0;
	struct rte_eth_stats st0;
	uint64_t link_down0;            /* tx_link_down_packets at st0 */
	unsigned int in_use[2];                 /* [started]: UINT32_MAX until first seen */

	/* at the last check */
	int link;
	unsigned int lsc;
	uint64_t link_events;

	/* the current event */
	enum soak_ev ev;
	bool link_before;
	char what[96];
	char why[320];

	/* figures */
	uint64_t events, model_ns;
	uint64_t count[SOAK_EV_N], worst_ns[SOAK_EV_N], flaps, restarts;
};

/* The port on the fake clock: created, started, link up, baselines taken. */
int soak_begin(struct soak *s, const char *name, const char *args);
/* Quiet time: nothing may change (no event, no restart, no LSC). */
int soak_idle(struct soak *s, uint64_t ns);
/* Runs the clock until the driver agrees with the model, within the event's bound. */
int soak_settle(struct soak *s);
/* Link, LSC, PHY counters, packet counters, mempool against the model. */
int soak_check(struct soak *s);
/* n frames out through the loopback plug, everything that comes back taken. */
int soak_traffic(struct soak *s, unsigned int n, uint16_t len, uint8_t seed);
void soak_report(const struct soak *s, uint64_t seed, uint64_t real_ms);

#endif /* SOAK_CHECK_H */
