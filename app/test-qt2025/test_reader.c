/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * "test-qt2025 reader SECONDS [EAL args]": a secondary process that reads what monitoring
 * tools read (firmware version, stats, xstats, link, module EEPROM) of every port, over
 * and over, for at most SECONDS; procinfo_kill.sh SIGKILLs it at random moments inside
 * those reads. dpdk-proc-info spends nearly all its life in rte_eal_init and
 * rte_eal_cleanup, where a kill wedges DPDK 22.11's own shared locks, and only
 * microseconds in the driver: this process spends its life in the driver's read side.
 */

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_ethdev.h>

#include "qt_test.h"

#define READER_XSTATS 128

int
qt_test_reader(int argc, char **argv)
{
	struct rte_eth_xstat xs[READER_XSTATS];
	struct rte_dev_eeprom_info ee;
	struct rte_eth_dev_module_info mi;
	struct rte_eth_stats st;
	struct rte_eth_link link;
	uint8_t page[256];
	char fw[64];
	uint64_t end, loops = 0;
	uint16_t port;
	int secs;

	if (argc < 2 || (secs = atoi(argv[1])) <= 0) {
		fprintf(stderr, "usage: test-qt2025 reader SECONDS [EAL args]\n");
		return 2;
	}
	argv[1] = argv[0];
	if (rte_eal_init(argc - 1, argv + 1) < 0) {
		fprintf(stderr, "reader: rte_eal_init failed\n");
		return 1;
	}
	printf("reader ready: %u ports\n", rte_eth_dev_count_avail());
	end = rte_get_timer_cycles() + (uint64_t)secs * rte_get_timer_hz();
	while (rte_get_timer_cycles() < end) {
		RTE_ETH_FOREACH_DEV(port) {
			if (rte_eth_dev_fw_version_get(port, fw, sizeof(fw)) < 0)
				fw[0] = '\0';
			if (rte_eth_stats_get(port, &st) != 0 ||
			    rte_eth_xstats_get(port, xs, READER_XSTATS) < 0 ||
			    rte_eth_link_get_nowait(port, &link) != 0)
				continue;
			if (rte_eth_dev_get_module_info(port, &mi) == 0) {
				memset(&ee, 0, sizeof(ee));
				ee.length = RTE_MIN(mi.eeprom_len, (uint32_t)sizeof(page));
				ee.data = page;
				if (rte_eth_dev_get_module_eeprom(port, &ee) != 0)
					page[0] = 0;
			}
		}
		loops++;
	}
	printf("reader done: %" PRIu64 " rounds, firmware \"%s\"\n", loops, fw);
	rte_eal_cleanup();
	return 0;
}
