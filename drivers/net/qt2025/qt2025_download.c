/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * One thread drives the PHY firmware downloads of every card of the process at once.
 *
 * A download is 24,543 MDIO writes of two frames each, 10.24 us a frame at 6.25 MHz
 * (hardware.md 5, 8.3): its thread must issue a frame the moment the previous one ends, so it
 * busy-waits for 0.5 s. Each card has its own MDIO controller, so N cards can download
 * in the time of one; N threads spinning would need N CPUs for that, where one thread can
 * start a frame on each bus in turn while the others' frames are on their wires. So the
 * PHY thread that asks first drives every queued download (base/'s qt_phy_dl_poll never
 * waits); the others sleep until theirs is over. The driver leaves when its own download
 * is over and the others' are not nearly over (its port goes on while its 8051 boots), and
 * a waiting thread takes over.
 *
 * Also here: the one line at probe when the PHY threads have no CPU of their own, since
 * the download is what such a CPU costs (qt2025_phy_cpu_check).
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE     /* CPU sets, sched_getaffinity */
#endif
#include <sched.h>

#include <rte_lcore.h>
#include <rte_pause.h>
#include <rte_spinlock.h>
#include <rte_tailq.h>

#include "qt2025_link.h"
#include "qt2025_ethdev.h"

/*
 * A waiting thread looks this often whether its download is over or the driver left. Each
 * look preempts the driving thread where they share a CPU: at 500 us, a cabled pair's
 * downloads took 40 ms longer (bench-qt2025's cold steps, 590 against 551 ms).
 */
#define FOLLOW_STEP_US 5000
/* The driver finishes the others' downloads when none has more than this left: its own
 * port loses nothing (its 8051 boots for 200 ms, hardware.md 12.5), the others no look.
 */
#define FINISH_OTHERS_NS (2ull * FOLLOW_STEP_US * 1000)
#define DRIVE_SPIN_MAX_NS 2000 /* the longest wait for one bus while others may be due */
#define DL_QUEUED 1             /* rc of a download not over yet */

struct dl_job {
	struct qt_phy_dl dl;
	TAILQ_ENTRY(dl_job) next;
	RTE_ATOMIC(int) rc;     /* DL_QUEUED, then what qt_phy_dl_poll ended with */
};

TAILQ_HEAD(dl_list, dl_job);

/*
 * Downloads queued and not yet taken by the driving thread, under dl_lock (held for a
 * list operation only: a thread that waits for it may share the CPU of the holder).
 * dl_driven (also under dl_lock): a thread drives; it alone touches the jobs it took until it
 * ends them.
 */
static struct dl_list dl_pending = TAILQ_HEAD_INITIALIZER(dl_pending);
static rte_spinlock_t dl_lock = RTE_SPINLOCK_INITIALIZER;
static bool dl_driven;
static RTE_ATOMIC(uint32_t) dl_most;    /* the most downloads one thread drove at once */

/* One pass over the downloads taken: each whose frame is over gets its next frame.
 * Returns how many ended; *next: the job whose frame ends first of those still on their
 * wires, if any.
 */
static uint32_t
sweep(struct dl_list *mine, struct dl_job **next)
{
	struct dl_job *j, *tmp;
	uint32_t ended = 0;
	uint64_t left = 0;
	int rc;

	*next = NULL;
	RTE_TAILQ_FOREACH_SAFE(j, mine, next, tmp) {
		uint64_t now = qt_now_ns(j->dl.hw);

		if (now < j->dl.due_ns) {
			if (*next == NULL || j->dl.due_ns - now < left) {
				*next = j;
				left = j->dl.due_ns - now;
			}
			continue;
		}
		rc = qt_phy_dl_poll(&j->dl);
		/* step 14 at once (two frames): the 8051 boots whenever its thread wakes */
		if (rc == 0)
			rc = qt_phy_dl_end(&j->dl);
		if (rc <= 0) {
			TAILQ_REMOVE(mine, j, next);
			/* its thread may return at once: j is not touched after this */
			rte_atomic_store_explicit(&j->rc, rc, rte_memory_order_release);
			ended++;
		}
	}
	return ended;
}

static bool
over(struct dl_job *job)
{
	return rte_atomic_load_explicit(&job->rc, rte_memory_order_acquire) != DL_QUEUED;
}

/* The driver of own goes on: own is not over, or every other download taken nearly is. */
static bool
go_on(struct dl_job *own, const struct dl_list *mine)
{
	const struct dl_job *j;

	if (!over(own))
		return true;
	if (TAILQ_EMPTY(mine))
		return false;
	TAILQ_FOREACH(j, mine, next)
		if (qt_phy_dl_left_ns(&j->dl) > FINISH_OTHERS_NS)
			return false;
	return true;
}

/* Drives every queued download until own is over (go_on), then hands the rest back. */
static void
drive(struct dl_job *own)
{
	struct dl_list mine = TAILQ_HEAD_INITIALIZER(mine);
	struct dl_job *j, *next;
	uint32_t n = 0;                 /* downloads in mine */

	while (go_on(own, &mine)) {
		/* new downloads join between passes, without waiting for the lock */
		if (!TAILQ_EMPTY(&dl_pending) && rte_spinlock_trylock(&dl_lock)) {
			while ((j = TAILQ_FIRST(&dl_pending)) != NULL) {
				TAILQ_REMOVE(&dl_pending, j, next);
				TAILQ_INSERT_TAIL(&mine, j, next);
				n++;
			}
			rte_spinlock_unlock(&dl_lock);
			if (n > rte_atomic_load_explicit(&dl_most, rte_memory_order_relaxed))
				rte_atomic_store_explicit(&dl_most, n, rte_memory_order_relaxed);
		}
		n -= sweep(&mine, &next);
		/* wait through the card's transport, whose clock may be the model's own (a
		 * card's BAR: a plain busy-wait); a few us at most, so new jobs join soon
		 */
		if (next != NULL) {
			uint64_t now = qt_now_ns(next->dl.hw);

			if (next->dl.due_ns > now)
				qt_spin_ns(next->dl.hw, RTE_MIN(next->dl.due_ns - now,
								(uint64_t)DRIVE_SPIN_MAX_NS));
		} else {
			rte_pause();
		}
	}
	rte_spinlock_lock(&dl_lock);
	while ((j = TAILQ_FIRST(&mine)) != NULL) {
		TAILQ_REMOVE(&mine, j, next);
		TAILQ_INSERT_TAIL(&dl_pending, j, next);
	}
	dl_driven = false;
	rte_spinlock_unlock(&dl_lock);
}

/* Done when the job is over, or when no thread drives: then this one drives until it is. */
static bool
follow(void *arg)
{
	struct dl_job *job = arg;
	bool take;

	if (over(job))
		return true;
	rte_spinlock_lock(&dl_lock);
	take = !dl_driven;
	dl_driven = true;
	rte_spinlock_unlock(&dl_lock);
	if (take)
		drive(job);
	return take;
}

int
qt2025_download_shared(struct qt_hw *hw, const uint8_t *img, size_t len)
{
	struct dl_job job;
	/* another thread's work: the OS's sleep, as long as the driver takes */
	const struct qt_wait w = {
		.cond = follow,
		.arg = &job,
		.flags = QT_WAIT_OS,
		.step_ns = FOLLOW_STEP_US * 1000ull,
		.timeout_ns = QT_WAIT_FOREVER,
	};
	int rc;

	rc = qt_phy_dl_begin(&job.dl, hw, img, len);
	if (rc != 0)
		return rc;
	rte_atomic_store_explicit(&job.rc, DL_QUEUED, rte_memory_order_relaxed);
	rte_spinlock_lock(&dl_lock);
	TAILQ_INSERT_TAIL(&dl_pending, &job, next);
	rte_spinlock_unlock(&dl_lock);
	qt_wait(hw, &w);
	return rte_atomic_load_explicit(&job.rc, rte_memory_order_acquire);
}

unsigned int
qt2025_download_most_driven(void)
{
	return rte_atomic_load_explicit(&dl_most, rte_memory_order_relaxed);
}

/* The lcore whose CPU set holds cpu, or -1 (any role: main, worker, service, registered). */
static int
lcore_on(unsigned int cpu)
{
	unsigned int i;

	for (i = 0; i < RTE_MAX_LCORE; i++) {
		rte_cpuset_t set;

		if (rte_lcore_has_role(i, ROLE_OFF))
			continue;
		set = rte_lcore_cpuset(i);
		if (CPU_ISSET(cpu, &set))
			return (int)i;
	}
	return -1;
}

/*
 * Called by each PHY thread as it starts: one line per process when no CPU the thread may
 * run on is free of lcores (DPDK puts control threads on the main lcore's CPUs when the
 * lcores take every CPU, as testpmd's default does). A busy-polling lcore there gets half
 * of that CPU from the scheduler, and the download with it: the controller holds one
 * frame, so the bus idles whenever the thread is off the CPU, and a frame (10.24 us) is
 * shorter than a sleep's wake-up, so waiting by sleeping is slower still.
 */
void
qt2025_phy_cpu_check(const struct qt2025_adapter *ad)
{
	static RTE_ATOMIC(uint32_t) told;
	char list[64] = "";
	rte_cpuset_t mine;
	unsigned int cpu, n = 0;
	size_t off = 0;
	int lc;

	if (sched_getaffinity(0, sizeof(mine), &mine) != 0)
		return;
	for (cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		if (!CPU_ISSET(cpu, &mine))
			continue;
		lc = lcore_on(cpu);
		if (lc < 0)
			return;         /* a CPU of its own */
		if (n++ < 4 && off < sizeof(list))
			off += snprintf(list + off, sizeof(list) - off, "%sCPU %u: lcore %d",
					off != 0 ? ", " : "", cpu, lc);
	}
	if (n == 0 || rte_atomic_exchange_explicit(&told, 1, rte_memory_order_relaxed) != 0)
		return;
	QT_PHY_LOG(NOTICE, ad, "the PHY threads have no CPU of their own (%s%s): while an "
		   "lcore busy-polls there a firmware download takes about twice as long; leave a "
		   "CPU out of -l/--lcores to give them one", list, n > 4 ? ", ..." : "");
}
