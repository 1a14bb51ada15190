/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The devargs parser (qt2025_devargs.c, with DPDK's rte_kvargs under it) on any string,
 * for either transport. Accepted: every field within its documented range and every string
 * terminated; refused: nothing half-applied (the defaults, whole).
 */

#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "qt2025_devargs.h"

static bool
terminated(const char *s, size_t len)
{
	return memchr(s, '\0', len) != NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct qt2025_devargs a, d;
	bool is_sim;
	char *args;
	int rc;

	fz_quiet_logs();
	if (size < 1)
		return 0;
	is_sim = (data[0] & 1) != 0;
	args = malloc(size);            /* exactly: a read past the NUL is ASan's */
	FZ_CHECK(args != NULL, "out of memory");
	memcpy(args, data + 1, size - 1);
	args[size - 1] = '\0';
	rc = qt2025_devargs_parse("fuzz", args, is_sim, &a);
	FZ_CHECK(rc == 0 || rc == -EINVAL, "rc %d", rc);
	if (rc == 0) {
		FZ_CHECK(a.link_poll_ms >= 10 && a.link_poll_ms <= 10000, "link_poll_ms %u",
			 a.link_poll_ms);
		FZ_CHECK(terminated(a.phy_fw, sizeof(a.phy_fw)) &&
			 terminated(a.nic_fw, sizeof(a.nic_fw)) &&
			 terminated(a.wire, sizeof(a.wire)), "a string without its NUL");
		FZ_CHECK(a.variants.rxd_bc == 2 || a.variants.rxd_bc == 3, "rxd_bc %u",
			 a.variants.rxd_bc);
		FZ_CHECK(strcmp(qt2025_module_name(a.module), "reserved") != 0, "module %u",
			 a.module);
		FZ_CHECK(is_sim || (a.wire[0] == '\0' && !a.variants.manual_dma &&
				    a.variants.rxd_bc == 3),
			 "a simulator key accepted for a card");
		if (strncmp(a.wire, "tap:", 4) == 0)
			FZ_CHECK(strlen(a.wire + 4) > 0 && strlen(a.wire + 4) < 16,
				 "TAP name of %zu characters", strlen(a.wire + 4));
	} else {
		FZ_CHECK(qt2025_devargs_parse("fuzz", NULL, is_sim, &d) == 0, "defaults");
		FZ_CHECK(memcmp(&a, &d, sizeof(a)) == 0, "refused, yet half applied");
	}
	free(args);
	return 0;
}
