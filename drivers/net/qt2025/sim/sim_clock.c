/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Time in the model: the real monotonic clock, a fake clock that only moves when someone
 * sleeps or spins on it or a test advances it, and an instance's view of its clock (sim_now
 * and the public now/sleep/spin). The fake clock has its own lock so that it can be read with
 * the model lock held while another thread advances it.
 */

#include <errno.h>
#include <pthread.h>
#include <time.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "sim_nic.h"

#define NS_PER_S 1000000000ull

static uint64_t
real_now_ns(void *ctx)
{
	struct timespec ts;

	(void)ctx;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
}

static void
real_sleep_ns(void *ctx, uint64_t ns)
{
	struct timespec req, rem;

	(void)ctx;
	req.tv_sec = (time_t)(ns / NS_PER_S);
	req.tv_nsec = (long)(ns % NS_PER_S);
	/* signals must not shorten a modelled delay */
	while (nanosleep(&req, &rem) != 0 && errno == EINTR)
		req = rem;
}

/* The CPU's spin-loop hint, as in any busy-wait (x86-64's PAUSE; elsewhere none). */
static inline void
spin_hint(void)
{
#if defined(__x86_64__)
	_mm_pause();
#endif
}

static void
real_spin_ns(void *ctx, uint64_t ns)
{
	uint64_t end = real_now_ns(ctx) + ns;

	/* A busy-wait, as the driver's on a card (rte_delay_us_block): the model gives the driver
	 * no scheduling advantage hardware would not (design.md "The device model (sim/)").
	 * Yielding here made each MDIO frame of a thread sharing its CPU with a busy-polling lcore
	 * cost a whole scheduler slice.
	 */
	while (real_now_ns(ctx) < end)
		spin_hint();
}

static const struct qt_sim_clock real_clock = {
	.now_ns = real_now_ns,
	.sleep_ns = real_sleep_ns,
	.spin_ns = real_spin_ns,
	.ctx = NULL,
};

const struct qt_sim_clock *
qt_sim_real_clock(void)
{
	return &real_clock;
}

/* One lock for every fake clock: they are only used by tests, contention does not matter. */
static pthread_mutex_t fake_lock = PTHREAD_MUTEX_INITIALIZER;

static uint64_t
fake_now_ns(void *ctx)
{
	struct qt_sim_fake_clock *fc = ctx;
	uint64_t now;

	pthread_mutex_lock(&fake_lock);
	now = fc->now;
	pthread_mutex_unlock(&fake_lock);
	return now;
}

static void
fake_pass_ns(void *ctx, uint64_t ns)
{
	qt_sim_fake_clock_advance(ctx, ns);
}

void
qt_sim_fake_clock_init(struct qt_sim_fake_clock *fc)
{
	pthread_mutex_lock(&fake_lock);
	fc->now = NS_PER_S;
	pthread_mutex_unlock(&fake_lock);
	fc->clock.now_ns = fake_now_ns;
	fc->clock.sleep_ns = fake_pass_ns;
	fc->clock.spin_ns = fake_pass_ns;
	fc->clock.ctx = fc;
}

void
qt_sim_fake_clock_advance(struct qt_sim_fake_clock *fc, uint64_t ns)
{
	pthread_mutex_lock(&fake_lock);
	fc->now += ns;
	pthread_mutex_unlock(&fake_lock);
}

/* The instance's clock. The clock pointer never changes after create, so none of these
 * takes the model lock: a sleeping driver thread must not stall the other port of its wire.
 */
uint64_t
sim_now(struct qt_sim *sim)
{
	/* under the model lock: one clock read per instance and hold (sim_epoch) */
	if (sim->now_epoch != sim_epoch) {
		sim->now_epoch = sim_epoch;
		sim->now_cache = sim->clock->now_ns(sim->clock->ctx);
	}
	return sim->now_cache;
}

uint64_t
qt_sim_now_ns(struct qt_sim *sim)
{
	return sim->clock->now_ns(sim->clock->ctx);    /* without the lock: the clock itself */
}

void
qt_sim_sleep_ns(struct qt_sim *sim, uint64_t ns)
{
	sim->clock->sleep_ns(sim->clock->ctx, ns);
}

void
qt_sim_spin_ns(struct qt_sim *sim, uint64_t ns)
{
	sim->clock->spin_ns(sim->clock->ctx, ns);
}
