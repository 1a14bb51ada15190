/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The soak's clock: the model keeps time by a fake clock that moves only when the driver
 * sleeps or spins on it (a bring-up's waits) or when this warp moves it. The warp moves it
 * only when every waiter is idle, and only as far as the earliest waiter asked to sleep:
 *
 *   idle = the port's PHY thread is blocked in its wait (poll/ppoll/epoll on its wake
 *          eventfd, seen in /proc/self/task/TID/syscall) with a finite time-out, its wake
 *          eventfd and the model's interrupt eventfd hold nothing, the EAL interrupt thread
 *          is blocked in epoll, and no LSC alarm is pending;
 *   then the clock jumps by the PHY thread's own time-out (or less, to end a step) and the
 *          thread is woken, so that it runs when the model's clock says its wait is over.
 *
 * A waiter is therefore never late on the model's clock: the driver sees no stalled
 * thread, no late interrupt, no gap between polls a card would not give it. It is never
 * early either, but for a wake after a partial step (as an interrupt would wake it), after
 * which it computes its remaining wait again. The model gets no kindness either: MDIO
 * frames, boots and heartbeats take the model time they take on a card (timing=fast only
 * makes an MDIO frame's own wire time zero).
 *
 * The PHY thread's wait is read from the kernel, not from the driver's private state: the
 * warp depends only on the driver waiting in one of those system calls with a time-out;
 * if it does not, the warp reports the system call it found instead (a "stall").
 */

#ifndef SOAK_WARP_H
#define SOAK_WARP_H

#include <stdbool.h>
#include <stdint.h>

#include "qt_sim.h"

#define SOAK_WARP_PORTS 4

struct soak_warp {
	struct qt_sim_fake_clock fc;
	unsigned int nports;
	uint16_t port[SOAK_WARP_PORTS];
	int phy_fd[SOAK_WARP_PORTS];    /* /proc/self/task/TID/syscall of each PHY thread */
	int intr_fd;                    /* the same file of the EAL interrupt thread */
	unsigned int stall_ms;          /* real time a waiter may stay busy (0: 30 s: a bring-up
					 * on a loaded CI machine takes seconds) */
	uint64_t steps;                 /* jumps made */
	uint64_t wakes;                 /* PHY thread wakes made */
	char why[160];                  /* why the last call failed */
};

/* The fake clock, installed as the clock of simulated cards powered from now on. */
void soak_warp_init(struct soak_warp *w);
/* Cards powered from now on keep real time again. */
void soak_warp_release(struct soak_warp *w);
/* Watches this (probed) port's PHY thread; 0 or -1 (why in w->why). */
int soak_warp_attach(struct soak_warp *w, uint16_t port);
void soak_warp_detach_all(struct soak_warp *w);

uint64_t soak_warp_now(struct soak_warp *w);

/* Moves the model's clock forward by ns, waiter by waiter (see above), and after each jump
 * asks done(arg) whether to stop early. Returns the model ns that passed (>= ns when done
 * never said yes), or UINT64_MAX when a waiter stayed busy longer than stall_ms of real
 * time (w->why says which and where).
 */
uint64_t soak_warp(struct soak_warp *w, uint64_t ns, bool (*done)(void *arg), void *arg);

#endif /* SOAK_WARP_H */
