/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The soak's clock (soak_warp.h): a fake clock that jumps when every waiter is idle.
 */

#include <dirent.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <ethdev_driver.h>
#include <rte_interrupts.h>

#include "qt2025_link.h"
#include "qt2025_sim.h"
#include "soak_warp.h"
#include "test_eal_util.h"

#define NS_PER_MS UINT64_C(1000000)
#define NO_DEADLINE UINT64_MAX

void
soak_warp_init(struct soak_warp *w)
{
	memset(w, 0, sizeof(*w));
	w->intr_fd = -1;
	qt_sim_fake_clock_init(&w->fc);
	qt2025_sim_clock_set(&w->fc.clock);
}

void
soak_warp_release(struct soak_warp *w)
{
	RTE_SET_USED(w);
	qt2025_sim_clock_set(NULL);
}

uint64_t
soak_warp_now(struct soak_warp *w)
{
	return w->fc.clock.now_ns(w->fc.clock.ctx);
}

/* The syscall file of the first thread whose name passes match(comm, arg), or -1. */
static int
open_thread(bool (*match)(const char *comm, const void *arg), const void *arg)
{
	char path[320], comm[32];
	struct dirent *e;
	DIR *d = opendir("/proc/self/task");
	int fd = -1;

	if (d == NULL)
		return -1;
	while (fd < 0 && (e = readdir(d)) != NULL) {
		FILE *f;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/proc/self/task/%s/comm", e->d_name);
		f = fopen(path, "r");
		if (f == NULL)
			continue;
		if (fgets(comm, sizeof(comm), f) != NULL) {
			comm[strcspn(comm, "\n")] = '\0';
			if (match(comm, arg)) {
				snprintf(path, sizeof(path), "/proc/self/task/%s/syscall",
					 e->d_name);
				fd = open(path, O_RDONLY | O_CLOEXEC);
			}
		}
		fclose(f);
	}
	closedir(d);
	return fd;
}

static bool
is_phy_of(const char *comm, const void *arg)
{
	char a[24], b[24];

	snprintf(a, sizeof(a), "qt-phy-%u", *(const uint16_t *)arg);
	snprintf(b, sizeof(b), "dpdk-qt-phy-%u", *(const uint16_t *)arg);
	return strcmp(comm, a) == 0 || strcmp(comm, b) == 0;
}

/* "eal-intr-thread" (22.11) or "dpdk-intr" (23.11 and later) */
static bool
is_intr(const char *comm, const void *arg)
{
	RTE_SET_USED(arg);
	return strcmp(comm, "eal-intr-thread") == 0 || strcmp(comm, "dpdk-intr") == 0;
}

int
soak_warp_attach(struct soak_warp *w, uint16_t port)
{
	if (w->nports == SOAK_WARP_PORTS) {
		snprintf(w->why, sizeof(w->why), "more than %d ports", SOAK_WARP_PORTS);
		return -1;
	}
	if (w->intr_fd < 0)
		w->intr_fd = open_thread(is_intr, NULL);
	w->phy_fd[w->nports] = open_thread(is_phy_of, &port);
	if (w->intr_fd < 0 || w->phy_fd[w->nports] < 0) {
		snprintf(w->why, sizeof(w->why), "port %u: %s thread not found in /proc", port,
			 w->intr_fd < 0 ? "EAL interrupt" : "PHY");
		if (w->phy_fd[w->nports] >= 0)
			close(w->phy_fd[w->nports]);
		return -1;
	}
	w->port[w->nports++] = port;
	return 0;
}

void
soak_warp_detach_all(struct soak_warp *w)
{
	unsigned int i;

	for (i = 0; i < w->nports; i++)
		close(w->phy_fd[i]);
	if (w->intr_fd >= 0)
		close(w->intr_fd);
	w->nports = 0;
	w->intr_fd = -1;
}

/* The thread's system call: number and arguments; false when it runs (not blocked in one). */
static bool
read_syscall(int fd, long *nr, uint64_t a[6], char *line, size_t len)
{
	ssize_t n = pread(fd, line, len - 1, 0);

	if (n <= 0)
		return false;
	line[n] = '\0';
	line[strcspn(line, "\n")] = '\0';
	return sscanf(line, "%ld %" SCNx64 " %" SCNx64 " %" SCNx64 " %" SCNx64 " %" SCNx64
		      " %" SCNx64, nr, &a[0], &a[1], &a[2], &a[3], &a[4], &a[5]) == 7;
}

static uint64_t
ts_ns(uint64_t ptr)
{
	const struct timespec *ts = (const struct timespec *)(uintptr_t)ptr;

	/* the waiter's own argument, in this process: the thread is blocked on it */
	if (ts == NULL)
		return NO_DEADLINE;
	return (uint64_t)ts->tv_sec * 1000000000ull + (uint64_t)ts->tv_nsec;
}

static uint64_t
ms_ns(uint64_t ms)
{
	return (int)ms < 0 ? NO_DEADLINE : (uint64_t)(int)ms * NS_PER_MS;
}

/* A wait's time-out in ns (NO_DEADLINE: none); 0 when the call is no wait we know. */
static uint64_t
wait_timeout(long nr, const uint64_t a[6])
{
	switch (nr) {
#ifdef SYS_poll
	case SYS_poll:
		return ms_ns(a[2]);
#endif
	case SYS_ppoll:
		return ts_ns(a[2]);
#ifdef SYS_epoll_wait
	case SYS_epoll_wait:
		return ms_ns(a[3]);
#endif
	case SYS_epoll_pwait:
		return ms_ns(a[3]);
	default:
		return 0;
	}
}

static bool
fd_quiet(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	return fd < 0 || poll(&p, 1, 0) == 0;
}

/* Whether every waiter is idle; *deadline: the earliest PHY thread's time-out. */
static bool
all_idle(struct soak_warp *w, uint64_t *deadline)
{
	char line[256];
	uint64_t a[6], t;
	unsigned int i;
	long nr;

	*deadline = NO_DEADLINE;
	for (i = 0; i < w->nports; i++) {
		struct rte_eth_dev *dev = &rte_eth_devices[w->port[i]];
		struct qt2025_link_ctx *ctx = qt2025_proc(dev)->link;

		if (!read_syscall(w->phy_fd[i], &nr, a, line, sizeof(line))) {
			snprintf(w->why, sizeof(w->why), "PHY thread of port %u: \"%.100s\"",
				 w->port[i], line);
			return false;
		}
		t = wait_timeout(nr, a);
		if (t == 0) {
			snprintf(w->why, sizeof(w->why),
				 "PHY thread of port %u in system call \"%.100s\"", w->port[i],
				 line);
			return false;
		}
		if (ctx == NULL || !fd_quiet(ctx->wake_fd) ||
		    !fd_quiet(rte_intr_fd_get(qt2025_proc(dev)->intr)) ||
		    rte_atomic_load_explicit(&qt2025_adapter(dev)->lsc_pending,
					     rte_memory_order_acquire) != 0) {
			snprintf(w->why, sizeof(w->why), "port %u: a wake, interrupt or LSC "
				 "alarm pending", w->port[i]);
			return false;
		}
		*deadline = RTE_MIN(*deadline, t);
	}
	if (!read_syscall(w->intr_fd, &nr, a, line, sizeof(line)) ||
	    (nr != SYS_epoll_pwait
#ifdef SYS_epoll_wait
	     && nr != SYS_epoll_wait
#endif
	     )) {
		snprintf(w->why, sizeof(w->why), "EAL interrupt thread: \"%.100s\"", line);
		return false;
	}
	return true;
}

/* Waits (real time) until every waiter is idle; -1 after stall_ms. */
static int
wait_idle(struct soak_warp *w, uint64_t *deadline)
{
	uint64_t limit = qtt_now_ms() + (w->stall_ms != 0 ? w->stall_ms : 30000);
	unsigned int spins = 0;

	while (!all_idle(w, deadline)) {
		if (qtt_now_ms() > limit)
			return -1;
		/* the threads run on the CPUs we share: give them ours */
		if (++spins > 50)
			qtt_sleep_us(20);
		else
			sched_yield();
	}
	return 0;
}

uint64_t
soak_warp(struct soak_warp *w, uint64_t ns, bool (*done)(void *arg), void *arg)
{
	uint64_t start = soak_warp_now(w), now, deadline, step;
	unsigned int i;

	for (;;) {
		if (wait_idle(w, &deadline) != 0)
			return UINT64_MAX;
		/* the driver's own sleeps (a bring-up's) moved the clock too */
		now = soak_warp_now(w);
		/* asked at a quiet point: the driver has reacted to everything up to now */
		if (done != NULL && done(arg))
			break;
		if (now - start >= ns)
			break;
		step = RTE_MIN(deadline, ns - (now - start));
		qt_sim_fake_clock_advance(&w->fc, step);
		w->steps++;
		for (i = 0; i < w->nports; i++) {
			qt2025_link_wake(qt2025_proc(&rte_eth_devices[w->port[i]])->link);
			w->wakes++;
		}
	}
	return soak_warp_now(w) - start;
}
