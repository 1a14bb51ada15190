/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The device model's view of this process's memory: a DMA address (IOVA) into a pointer,
 * for every buffer the model's engines read or write.
 *
 * rte_mem_iova2virt walks every memory segment under the memory lock: cheap with
 * --no-huge (one VA-contiguous range, legacy memory) but one segment per 2 MiB page with
 * hugepages, which made the simulated datapath ten times slower there. In IOVA-as-VA mode
 * the translation is the identity; otherwise each thread keeps the last few segments it
 * found, dropped whenever memory is freed (a freed page's IOVA may come back elsewhere).
 */

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_memory.h>

#include "qt2025_sim.h"

#define MAP_CACHE 8     /* segments a thread remembers: pools, rings, the zero buffer */

struct map_ent {
	uint64_t iova;
	uint64_t len;
	uint8_t *va;
};

struct map_cache {
	uint32_t gen;
	uint32_t next;
	struct map_ent e[MAP_CACHE];
};

static RTE_ATOMIC(uint32_t) map_gen = 1;        /* 0: a thread's cache never filled */
static RTE_DEFINE_PER_LCORE(struct map_cache, map_cache);

static void
mem_event(enum rte_mem_event type, const void *addr, size_t len, void *arg)
{
	RTE_SET_USED(addr);
	RTE_SET_USED(len);
	RTE_SET_USED(arg);
	if (type == RTE_MEM_EVENT_FREE)
		rte_atomic_fetch_add_explicit(&map_gen, 1, rte_memory_order_release);
}

void
qt2025_sim_dma_init(void)
{
	static bool done;

	/* once per process; legacy memory (--no-huge) is never freed and refuses callbacks */
	if (done)
		return;
	done = true;
	if (rte_mem_event_callback_register("qt2025_sim_dma", mem_event, NULL) != 0 &&
	    rte_errno != ENOTSUP)
		QT_LOG(WARNING, sim, "net_qt2025_sim", "no memory event callback (%s): "
		       "translations are not cached", rte_strerror(rte_errno));
}

void *
qt2025_sim_dma_map(void *arg, uint64_t iova, size_t len)
{
	struct map_cache *c = &RTE_PER_LCORE(map_cache);
	uint32_t gen = rte_atomic_load_explicit(&map_gen, rte_memory_order_acquire);
	const struct rte_memseg *ms;
	struct map_ent *e;
	unsigned int i;
	void *va;

	RTE_SET_USED(arg);
	if (rte_eal_iova_mode() == RTE_IOVA_VA)
		return (void *)(uintptr_t)iova;
	if (c->gen != gen) {
		memset(c, 0, sizeof(*c));
		c->gen = gen;
	}
	for (i = 0; i < MAP_CACHE; i++) {
		e = &c->e[i];
		if (iova - e->iova < e->len && len <= e->len - (iova - e->iova))
			return e->va + (iova - e->iova);
	}
	va = rte_mem_iova2virt(iova);
	if (va == NULL)
		return NULL;
	ms = rte_mem_virt2memseg(va, NULL);
	if (ms != NULL && ms->iova != RTE_BAD_IOVA && iova - ms->iova < ms->len) {
		e = &c->e[c->next++ % MAP_CACHE];
		e->iova = ms->iova;
		e->len = ms->len;
		e->va = ms->addr;
	}
	return va;
}
