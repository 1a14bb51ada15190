/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The harnesses' common parts (fuzz_common.h). The mempool is hand-made, with no EAL: a
 * struct rte_mempool without a cache whose ops hand out the harness's own slots, so that
 * DPDK's inline get/put reach the checks below and ASan guards every slot.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sanitizer/asan_interface.h>

#include <rte_cpuflags.h>
#include <rte_log.h>
#include <rte_mempool.h>

#include "fuzz_common.h"

void
fz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "fuzz check failed at %s:%d: '%s': ", file, line, cond);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	abort();
}

void
fz_quiet_logs(void)
{
	const char *keep = getenv("QT2025_FUZZ_LOG");
	static bool done;
	FILE *null;

	if (done || (keep != NULL && strcmp(keep, "1") == 0))
		return;
	done = true;
	null = fopen("/dev/null", "w");
	if (null != NULL)
		rte_openlog_stream(null);
	rte_log_set_global_level(RTE_LOG_EMERG);
}

uint8_t
fz_u8(struct fz_in *in)
{
	uint8_t v = 0;

	fz_bytes(in, &v, 1);
	return v;
}

uint16_t
fz_u16(struct fz_in *in)
{
	uint8_t b[2];

	fz_bytes(in, b, 2);
	return (uint16_t)(b[0] | b[1] << 8);
}

uint32_t
fz_u32(struct fz_in *in)
{
	uint8_t b[4];

	fz_bytes(in, b, 4);
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	       (uint32_t)b[3] << 24;
}

size_t
fz_bytes(struct fz_in *in, void *out, size_t len)
{
	size_t k = len < in->n ? len : in->n;

	memcpy(out, in->p, k);
	memset((uint8_t *)out + k, 0, len - k);
	in->p += k;
	in->n -= k;
	return k;
}

/* ---- the mempool ---- */

#define SLOT_DATA       (sizeof(struct rte_mbuf) + RTE_PKTMBUF_HEADROOM + FZ_ROOM)
#define SLOT_SIZE       (RTE_ALIGN_CEIL(SLOT_DATA, 64) + 64)    /* + a poisoned red zone */

static struct {
	struct rte_mempool *mp;
	uint8_t *slots;
	uint8_t owner[FZ_MBUFS];
	uint32_t free_ids[FZ_MBUFS];    /* a stack of the slots in the pool */
	uint32_t nb_free;
	bool starve;
} P;

int
fz_mbuf_index(const struct rte_mbuf *m)
{
	uintptr_t off = (uintptr_t)m - (uintptr_t)P.slots;

	if ((uintptr_t)m < (uintptr_t)P.slots || off % SLOT_SIZE != 0 ||
	    off / SLOT_SIZE >= FZ_MBUFS)
		return -1;
	return (int)(off / SLOT_SIZE);
}

enum fz_owner
fz_owner(int idx)
{
	return (enum fz_owner)P.owner[idx];
}

void
fz_set_owner(int idx, enum fz_owner o)
{
	P.owner[idx] = (uint8_t)o;
}

void
fz_pool_starve(bool on)
{
	P.starve = on;
}

unsigned int
fz_pool_out(void)
{
	fz_pool();
	return FZ_MBUFS - P.nb_free;
}

static int
ops_alloc(struct rte_mempool *mp __rte_unused)
{
	return 0;
}

static void
ops_free(struct rte_mempool *mp __rte_unused)
{
}

/* Back to the pool: only an mbuf of the pool, only one that is out. */
static int
ops_enqueue(struct rte_mempool *mp __rte_unused, void * const *objs, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		int idx = fz_mbuf_index(objs[i]);

		FZ_CHECK(idx >= 0, "freed %p: not an mbuf of the pool", objs[i]);
		FZ_CHECK(P.owner[idx] != FZ_POOL, "mbuf %d freed twice", idx);
		P.owner[idx] = FZ_POOL;
		P.free_ids[P.nb_free++] = (uint32_t)idx;
		ASAN_POISON_MEMORY_REGION(P.slots + (size_t)idx * SLOT_SIZE, SLOT_DATA);
	}
	return 0;
}

/* All or nothing, as a mempool driver must be. */
static int
ops_dequeue(struct rte_mempool *mp __rte_unused, void **objs, unsigned int n)
{
	unsigned int i;

	if (P.starve || n > P.nb_free)
		return -ENOENT;
	for (i = 0; i < n; i++) {
		uint32_t idx = P.free_ids[--P.nb_free];

		ASAN_UNPOISON_MEMORY_REGION(P.slots + (size_t)idx * SLOT_SIZE, SLOT_DATA);
		P.owner[idx] = FZ_DRIVER;
		objs[i] = P.slots + (size_t)idx * SLOT_SIZE;
	}
	return 0;
}

static unsigned int
ops_count(const struct rte_mempool *mp __rte_unused)
{
	return P.nb_free;
}

static struct rte_mempool_ops fz_ops = {
	.name = "qt2025_fuzz",
	.alloc = ops_alloc,
	.free = ops_free,
	.enqueue = ops_enqueue,
	.dequeue = ops_dequeue,
	.get_count = ops_count,
};

struct rte_mempool *
fz_pool(void)
{
	struct rte_pktmbuf_pool_private *priv;
	unsigned int i;
	int ops;

	if (P.mp != NULL)
		return P.mp;
	ops = rte_mempool_register_ops(&fz_ops);
	FZ_CHECK(ops >= 0, "rte_mempool_register_ops: %d", ops);
	P.mp = aligned_alloc(RTE_CACHE_LINE_SIZE, RTE_ALIGN_CEIL(sizeof(*P.mp) +
				sizeof(*priv), RTE_CACHE_LINE_SIZE));
	P.slots = aligned_alloc(RTE_CACHE_LINE_SIZE, (size_t)FZ_MBUFS * SLOT_SIZE);
	FZ_CHECK(P.mp != NULL && P.slots != NULL, "out of memory");
	memset(P.mp, 0, sizeof(*P.mp) + sizeof(*priv));
	snprintf(P.mp->name, sizeof(P.mp->name), "fz_pool");
	P.mp->size = FZ_MBUFS;
	P.mp->elt_size = SLOT_DATA;
	P.mp->ops_index = ops;
	P.mp->private_data_size = sizeof(*priv);
	priv = rte_mempool_get_priv(P.mp);
	priv->mbuf_data_room_size = RTE_PKTMBUF_HEADROOM + FZ_ROOM;
	priv->mbuf_priv_size = 0;
	for (i = 0; i < FZ_MBUFS; i++) {
		struct rte_mbuf *m = (struct rte_mbuf *)(P.slots + (size_t)i * SLOT_SIZE);

		/* what rte_pktmbuf_init makes of a pool's object */
		memset(m, 0, SLOT_DATA);
		m->buf_addr = (uint8_t *)m + sizeof(*m);
		m->buf_iova = (rte_iova_t)(uintptr_t)m->buf_addr;
		m->buf_len = RTE_PKTMBUF_HEADROOM + FZ_ROOM;
		m->data_off = RTE_PKTMBUF_HEADROOM;
		m->pool = P.mp;
		m->nb_segs = 1;
		m->port = RTE_MBUF_PORT_INVALID;
		rte_mbuf_refcnt_set(m, 1);
		P.free_ids[i] = FZ_MBUFS - 1 - i;
		ASAN_POISON_MEMORY_REGION((uint8_t *)m + SLOT_DATA, SLOT_SIZE - SLOT_DATA);
		ASAN_POISON_MEMORY_REGION(m, SLOT_DATA);
	}
	P.nb_free = FZ_MBUFS;
	return P.mp;
}

/* ---- the hostile card ---- */

static uint32_t
hostile_rd32(void *ctx, uint32_t off)
{
	const struct fz_regs *r = ctx;

	return off < sizeof(r->v) ? r->v[off / 4] : 0xFFFFFFFFu;
}

static void
hostile_wr32(void *ctx, uint32_t off __rte_unused, uint32_t val __rte_unused)
{
	struct fz_regs *r = ctx;

	r->writes++;
}

static uint64_t hostile_ns;

static uint64_t
hostile_now(void *ctx __rte_unused)
{
	return hostile_ns += 1000;
}

static void
hostile_wait(void *ctx __rte_unused, uint64_t ns)
{
	hostile_ns += ns;
}

const struct qt_hw_ops fz_hostile_ops = {
	.rd32 = hostile_rd32,
	.wr32 = hostile_wr32,
	.now_ns = hostile_now,
	.spin_ns = hostile_wait,
	.sleep_ns = hostile_wait,
};

const char *
fz_path(void)
{
	static const char *path;
	const char *v;

	if (path != NULL)
		return path;
	v = getenv("QT2025_DATAPATH");
	path = "scalar";
#ifdef RTE_ARCH_X86_64
	if (v != NULL && strcmp(v, "sse") == 0)
		path = "sse";
	if (v != NULL && strcmp(v, "avx2") == 0)
		path = rte_cpu_get_flag_enabled(RTE_CPUFLAG_AVX2) == 1 ? "avx2" : "sse";
#endif
	if (v != NULL && strcmp(v, path) != 0)
		fprintf(stderr, "QT2025_DATAPATH=%s: the %s bursts\n", v, path);
	return path;
}
