/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * qt2025-report [EAL args]: what devtools/qt2025-report.sh puts in a report, for the first
 * port of this driver the EAL arguments give (-a <PCI address>, or --vdev
 * net_qt2025_sim0). It waits for the PHY bring-up to end, then prints the PHY state and
 * firmware versions, the private dump (bring-up steps with their times, the last MDIO
 * transactions, a snapshot of the PHY registers the driver reads), the module and its
 * EEPROM decoded, the register dump (offset, name, value) and the xstats. Beyond what any
 * application does (probe, one queue each way, start) it only reads.
 */

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_version.h>

#include "rte_pmd_qt2025.h"
#include "tn40_dump.h"

#define WAIT_S 10               /* the bring-up takes about 1 s; a stuck one says so */

static const char *const states[] = {
	"probing", "identify", "firmware-download", "firmware-boot", "nic-firmware", "running",
	"failed", "stopped",
};

static void
section(const char *title)
{
	printf("\n== %s ==\n", title);
}

static uint16_t
find_port(void)
{
	struct rte_pmd_qt2025_phy phy;
	uint16_t port;

	RTE_ETH_FOREACH_DEV(port)
		if (rte_pmd_qt2025_phy_get(port, &phy) == 0)
			return port;
	return RTE_MAX_ETHPORTS;
}

/* As an application starts a port: the PHY thread then watches the link and reports it. */
static void
start_port(uint16_t port)
{
	struct rte_eth_conf conf;
	struct rte_mempool *mp;
	int rc;

	memset(&conf, 0, sizeof(conf));
	mp = rte_pktmbuf_pool_create("qt2025_report", 1024, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
				     rte_socket_id());
	rc = mp == NULL ? -ENOMEM : rte_eth_dev_configure(port, 1, 1, &conf);
	if (rc == 0)
		rc = rte_eth_rx_queue_setup(port, 0, 256, rte_socket_id(), NULL, mp);
	if (rc == 0)
		rc = rte_eth_tx_queue_setup(port, 0, 256, rte_socket_id(), NULL);
	if (rc == 0)
		rc = rte_eth_dev_start(port);
	if (rc != 0)
		printf("port %u not started: %s\n", port, strerror(-rc));
}

/* The PHY state once the bring-up is over (running or failed), or after WAIT_S. */
static void
wait_bringup(uint16_t port, struct rte_pmd_qt2025_phy *phy)
{
	unsigned int i;

	for (i = 0; i < WAIT_S * 100; i++) {
		if (rte_pmd_qt2025_phy_get(port, phy) == 0 &&
		    (phy->state == RTE_PMD_QT2025_PHY_RUNNING ||
		     phy->state == RTE_PMD_QT2025_PHY_FAILED) && (i >= 300 || phy->mac_link))
			return;
		usleep(10000);
	}
}

static void
print_phy(uint16_t port, const struct rte_pmd_qt2025_phy *p)
{
	char fw[64] = "not known";

	section("PHY state");
	printf("state: %s\n", (unsigned int)p->state < RTE_DIM(states) ? states[p->state] :
	       "unknown");
	printf("no-link reason: %s\n", p->reason[0] != '\0' ? p->reason : "-");
	printf("PHY firmware: %u.%u.%u.%u, MDIO address %d, heartbeat %u\n", p->fw_version[0],
	       p->fw_version[1], p->fw_version[2], p->fw_version[3], p->phy_addr, p->heartbeat);
	if (rte_eth_dev_fw_version_get(port, fw, sizeof(fw)) < 0)
		snprintf(fw, sizeof(fw), "-");
	printf("firmware versions (ethdev): %s\n", fw);
	printf("module: %s (3.D70C = %u)\n", p->module_name, p->module);
	printf("link: PHY %s, MAC %s, MAC speed %u Mb/s\n", p->phy_link ? "up" : "down",
	       p->mac_link ? "up" : "down", p->mac_speed);
	printf("counters: fw_loads %" PRIu64 " fw_load_us %" PRIu64 " link_up %" PRIu64
	       " link_down %" PRIu64 " mdio_errors %" PRIu64 " mdio_timeouts %" PRIu64
	       " mac_link_resets %" PRIu64 " fw_crashes %" PRIu64 "\n", p->fw_loads,
	       p->fw_load_us, p->link_up_events, p->link_down_events, p->mdio_errors,
	       p->mdio_timeouts, p->mac_link_resets, p->fw_crashes);
}

static void
print_str(const char *label, const uint8_t *b, unsigned int len)
{
	unsigned int i;

	printf("%s: \"", label);
	for (i = 0; i < len; i++)
		putchar(b[i] >= 0x20 && b[i] < 0x7F ? b[i] : '.');
	printf("\"\n");
}

/* SFF-8472 A0h: identifier, connector, 10G compliance codes, vendor, part, serial, date. */
static void
print_module(uint16_t port)
{
	static const char *const tengig[] = { "10GBASE-SR", "10GBASE-LR", "10GBASE-LRM",
					      "10GBASE-ER" };
	struct rte_eth_dev_module_info mi;
	struct rte_dev_eeprom_info ee;
	uint8_t page[512];
	unsigned int i;
	int rc;

	section("module EEPROM (SFF-8472 A0h)");
	rc = rte_eth_dev_get_module_info(port, &mi);
	if (rc != 0) {
		printf("not available: %s\n", strerror(-rc));
		return;
	}
	memset(&ee, 0, sizeof(ee));
	ee.data = page;
	ee.length = RTE_MIN(mi.eeprom_len, (uint32_t)sizeof(page));
	rc = rte_eth_dev_get_module_eeprom(port, &ee);
	if (rc != 0 || ee.length < 96) {
		printf("read failed: %s\n", strerror(rc < 0 ? -rc : EIO));
		return;
	}
	printf("type %u, %u bytes; identifier 0x%02x (%s), connector 0x%02x\n", mi.type,
	       ee.length, page[0], page[0] == 3 ? "SFP/SFP+" : "other", page[2]);
	printf("10G compliance (byte 3): 0x%02x", page[3]);
	for (i = 0; i < RTE_DIM(tengig); i++)
		if (page[3] & (0x10 << i))
			printf(" %s", tengig[i]);
	printf("; wavelength %u nm\n", (unsigned int)page[60] << 8 | page[61]);
	print_str("vendor", page + 20, 16);
	print_str("part number", page + 40, 16);
	print_str("serial number", page + 68, 16);
	print_str("date code", page + 84, 8);
	for (i = 0; i < ee.length; i++)
		printf("%s%02x%s", i % 16 == 0 ? "  " : "", page[i], i % 16 == 15 ? "\n" : " ");
}

static void
print_regs(uint16_t port)
{
	struct rte_dev_reg_info ri;
	uint32_t *data;
	unsigned int i;

	section("register dump (BAR0 offset, name, value)");
	memset(&ri, 0, sizeof(ri));
	if (rte_eth_dev_get_reg_info(port, &ri) != 0 || ri.length != tn40_dump_nregs ||
	    ri.width != sizeof(uint32_t)) {
		printf("not available (%u registers, the report knows %u)\n", ri.length,
		       tn40_dump_nregs);
		return;
	}
	data = calloc(ri.length, sizeof(*data));
	ri.data = data;
	if (data == NULL || rte_eth_dev_get_reg_info(port, &ri) != 0) {
		printf("read failed\n");
		free(data);
		return;
	}
	printf("dump version 0x%x\n", ri.version);
	for (i = 0; i < ri.length; i++)
		printf("0x%04x %-20s 0x%08x\n", tn40_dump_regs[i].off, tn40_dump_regs[i].name,
		       data[i]);
	free(data);
}

static void
print_xstats(uint16_t port)
{
	struct rte_eth_xstat_name *names;
	struct rte_eth_xstat *vals;
	int n, i;

	section("xstats");
	n = rte_eth_xstats_get_names(port, NULL, 0);
	if (n <= 0)
		return;
	names = calloc(n, sizeof(*names));
	vals = calloc(n, sizeof(*vals));
	if (names != NULL && vals != NULL && rte_eth_xstats_get_names(port, names, n) == n &&
	    rte_eth_xstats_get(port, vals, n) == n)
		for (i = 0; i < n; i++)
			printf("%s %" PRIu64 "\n", names[vals[i].id].name, vals[i].value);
	free(names);
	free(vals);
}

int
main(int argc, char **argv)
{
	struct rte_pmd_qt2025_phy phy;
	char name[RTE_ETH_NAME_MAX_LEN] = "";
	struct rte_eth_dev_info info;
	uint16_t port;

	if (rte_eal_init(argc, argv) < 0) {
		fprintf(stderr, "qt2025-report: EAL init failed\n");
		return 1;
	}
	port = find_port();
	if (port == RTE_MAX_ETHPORTS) {
		fprintf(stderr, "qt2025-report: no port of net_qt2025 or net_qt2025_sim was "
			"probed\n");
		rte_eal_cleanup();
		return 1;
	}
	start_port(port);
	wait_bringup(port, &phy);
	section("versions");
	printf("DPDK: %s\n", rte_version());
	rte_eth_dev_get_name_by_port(port, name);
	if (rte_eth_dev_info_get(port, &info) == 0)
		printf("port %u: driver %s, device %s\n", port, info.driver_name, name);
	print_phy(port, &phy);
	section("private dump (bring-up steps, MDIO transactions, PHY registers)");
	fflush(stdout);
	rte_eth_dev_priv_dump(port, stdout);
	print_module(port);
	print_regs(port);
	print_xstats(port);
	rte_eth_dev_stop(port);
	rte_eth_dev_close(port);
	rte_eal_cleanup();
	return 0;
}
