/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * bench-qt2025's parts: link figures (bench_qt2025.c), datapath figures (bench_datapath.c).
 */

#ifndef BENCH_H
#define BENCH_H

/* Prints the datapath figures; self is this program's path (it runs itself under
 * callgrind), eal_prefix a file prefix of its own for those runs.
 */
void bench_datapath(const char *self, const char *eal_prefix);
/* "bench-qt2025 cost <qt2025|qt2025-ol|ring> [EAL args]": the cost loop alone. */
int bench_cost_main(const char *which);
/* "bench-qt2025 fwd [EAL args]": io forwarding alone (for a profiler). */
int bench_fwd_main(void);

#endif /* BENCH_H */
