/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * What the libFuzzer harnesses share: a cursor over the fuzzer's bytes, the driver's logs
 * silenced, a mempool of mbufs the harness owns one by one (ASan sees every byte past a
 * buffer and every touch of a freed mbuf), and a hostile register transport whose pointer
 * registers say what the fuzzer wants.
 */

#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <rte_mbuf.h>

#include "qt_hw.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A harness's own check failed: one line, then abort() so that libFuzzer keeps the input. */
#define FZ_CHECK(cond, fmt, ...) do { \
	if (!(cond)) \
		fz_fail(__FILE__, __LINE__, #cond, fmt, ##__VA_ARGS__); \
} while (0)
void fz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 4, 5)));

/* The driver's log lines go nowhere (QT2025_FUZZ_LOG=1 keeps them). */
void fz_quiet_logs(void);

/* QT2025_DATAPATH (scalar, the default; sse; avx2): the burst path a harness drives;
 * avx2 on a CPU without it is sse (said once).
 */
const char *fz_path(void);

/* ---- the fuzzer's bytes ---- */
struct fz_in {
	const uint8_t *p;
	size_t n;
};
static inline bool
fz_more(const struct fz_in *in)
{
	return in->n > 0;
}
uint8_t fz_u8(struct fz_in *in);        /* 0 once exhausted */
uint16_t fz_u16(struct fz_in *in);
uint32_t fz_u32(struct fz_in *in);
/* Up to len bytes into out (the rest zero); returns how many came from the input. */
size_t fz_bytes(struct fz_in *in, void *out, size_t len);

/* ---- mbufs: every one its own ASan-guarded slot, poisoned while in the pool ---- */
#define FZ_ROOM         2048u   /* data room after the headroom */
#define FZ_MBUFS        2048u
enum fz_owner { FZ_POOL = 0, FZ_DRIVER, FZ_APP };
struct rte_mempool *fz_pool(void);      /* created on first use */
/* The slot of m, or -1 when m is no mbuf of the pool (a wild pointer). */
int fz_mbuf_index(const struct rte_mbuf *m);
enum fz_owner fz_owner(int idx);
void fz_set_owner(int idx, enum fz_owner o);
/* Dequeues fail while on (an empty pool). */
void fz_pool_starve(bool on);
/* Mbufs not in the pool (0 after a clean tear-down). */
unsigned int fz_pool_out(void);

/* ---- a hostile card: rd32 answers from a register file the harness fills ---- */
struct fz_regs {
	uint32_t v[0x10000 / 4];
	uint32_t writes;
};
extern const struct qt_hw_ops fz_hostile_ops;

#endif /* FUZZ_COMMON_H */
