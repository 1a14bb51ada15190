/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * AddressSanitizer eyes on DPDK's heap, for devtools/test-sanitize.sh. DPDK (Debian's, not
 * built with ASan) hands out rte_malloc memory that ASan knows nothing of, so a driver
 * that reads past its queue's buffer array there goes unseen. Preloaded after libasan,
 * this library interposes the rte_malloc family: each block gets a red zone that ASan
 * poisons, made addressable again before DPDK takes the block back (rte_free zeroes it).
 * Built by test-sanitize.sh: gcc -shared -fPIC -fsanitize=address ... -ldl.
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <string.h>

#include <sanitizer/asan_interface.h>

#include <rte_malloc.h>

#define RED_ZONE 64     /* bytes after each block; a cache line, DPDK's own granule */

typedef void *(*alloc_fn)(const char *, size_t, unsigned int, int);
typedef void (*free_fn)(void *);
typedef int (*validate_fn)(const void *, size_t *);

static alloc_fn real_malloc_socket;
static free_fn real_free;
static validate_fn real_validate;

static void
resolve(void)
{
	if (real_malloc_socket != NULL)
		return;
	real_malloc_socket = (alloc_fn)dlsym(RTLD_NEXT, "rte_malloc_socket");
	real_free = (free_fn)dlsym(RTLD_NEXT, "rte_free");
	real_validate = (validate_fn)dlsym(RTLD_NEXT, "rte_malloc_validate");
}

/* The whole element addressable again (its data area as DPDK knows it). */
static void
unpoison(const void *p)
{
	size_t sz = 0;

	if (p != NULL && real_validate(p, &sz) == 0)
		ASAN_UNPOISON_MEMORY_REGION(p, sz);
}

static void *
alloc(const char *type, size_t size, unsigned int align, int socket, int zero)
{
	void *p;

	resolve();
	if (size > SIZE_MAX - RED_ZONE)
		return NULL;
	p = real_malloc_socket(type, size + RED_ZONE, align, socket);
	if (p == NULL)
		return NULL;
	if (zero)
		memset(p, 0, size);
	ASAN_POISON_MEMORY_REGION((char *)p + size, RED_ZONE);
	return p;
}

void *
rte_malloc_socket(const char *type, size_t size, unsigned int align, int socket)
{
	return alloc(type, size, align, socket, 0);
}

void *
rte_zmalloc_socket(const char *type, size_t size, unsigned int align, int socket)
{
	return alloc(type, size, align, socket, 1);
}

void *
rte_calloc_socket(const char *type, size_t num, size_t size, unsigned int align, int socket)
{
	if (size != 0 && num > SIZE_MAX / size)
		return NULL;
	return alloc(type, num * size, align, socket, 1);
}

void *
rte_malloc(const char *type, size_t size, unsigned int align)
{
	return alloc(type, size, align, SOCKET_ID_ANY, 0);
}

void *
rte_zmalloc(const char *type, size_t size, unsigned int align)
{
	return alloc(type, size, align, SOCKET_ID_ANY, 1);
}

void *
rte_calloc(const char *type, size_t num, size_t size, unsigned int align)
{
	return rte_calloc_socket(type, num, size, align, SOCKET_ID_ANY);
}

void
rte_free(void *p)
{
	resolve();
	unpoison(p);
	real_free(p);
}

/* A new block, the old contents copied (as much as the old data area held). */
void *
rte_realloc_socket(void *old, size_t size, unsigned int align, int socket)
{
	size_t old_sz = 0;
	void *p;

	resolve();
	if (old == NULL)
		return alloc("realloc", size, align, socket, 0);
	if (real_validate(old, &old_sz) != 0)
		return NULL;
	p = alloc("realloc", size, align, socket, 0);
	if (p == NULL)
		return NULL;
	ASAN_UNPOISON_MEMORY_REGION(old, old_sz);
	memcpy(p, old, old_sz < size ? old_sz : size);
	real_free(old);
	return p;
}

void *
rte_realloc(void *old, size_t size, unsigned int align)
{
	return rte_realloc_socket(old, size, align, SOCKET_ID_ANY);
}
