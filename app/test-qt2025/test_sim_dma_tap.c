/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Model test of wire=tap:NAME (design.md "The device model (sim/)"): the port cabled to a Linux TAP
 * interface. The test runs in its own forked process (qt_test.h), so it moves that process
 * into a fresh network namespace: the TAP and everything it sees die with it. Where the
 * namespace cannot be made (no privilege), the test says so and passes without checking.
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_sim_client.h"

#define TAP_NAME	"qtsimtap0"

static struct qt_sim_fake_clock fc;
static struct simc_nic nic;

/* Brings the interface up and opens a packet socket bound to it. */
static int
tap_socket(void)
{
	struct sockaddr_ll sll;
	struct ifreq ifr;
	int s = socket(AF_INET, SOCK_DGRAM, 0), ps;

	if (s < 0)
		return -1;
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", TAP_NAME);
	if (ioctl(s, SIOCGIFFLAGS, &ifr) < 0)
		goto fail;
	ifr.ifr_flags |= IFF_UP;
	if (ioctl(s, SIOCSIFFLAGS, &ifr) < 0)
		goto fail;
	close(s);
	ps = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	if (ps < 0)
		return -1;
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	sll.sll_ifindex = (int)if_nametoindex(TAP_NAME);
	if (bind(ps, (struct sockaddr *)&sll, sizeof(sll)) < 0) {
		close(ps);
		return -1;
	}
	return ps;
fail:
	close(s);
	return -1;
}

/* Reads frames from the packet socket until one equals want (the kernel may add its own). */
static bool
sock_sees(int ps, const uint8_t *want, uint32_t len)
{
	uint8_t got[2048];
	int i;

	for (i = 0; i < 50; i++) {
		struct pollfd p = { .fd = ps, .events = POLLIN };
		ssize_t n;

		if (poll(&p, 1, 100) <= 0)
			continue;
		n = recv(ps, got, sizeof(got), 0);
		if (n == (ssize_t)len && memcmp(got, want, len) == 0)
			return true;
	}
	return false;
}

QT_TEST(sim_dma, tap_wire)
{
	struct qt_sim_config cfg;
	uint8_t f[200];
	struct simc_rxd d;
	uint32_t len;
	int ps, i;
	bool found = false;

	if (unshare(CLONE_NEWNET) != 0) {
		printf("    (no network namespace: %s; TAP not checked)\n", strerror(errno));
		return 0;
	}
	qt_sim_fake_clock_init(&fc);
	simc_nic_config(&cfg, &nic, &fc, "tap:" TAP_NAME);
	QT_CHECK(simc_nic_open(&nic, &cfg, 3));
	QT_ASSERT(simc_obs(nic.sim).mac_link, "no link on a TAP: %s",
		  simc_obs(nic.sim).fail_reason);
	ps = tap_socket();
	QT_ASSERT(ps >= 0, "packet socket on %s: %s", TAP_NAME, strerror(errno));
	/* the port transmits: the frame comes out of the TAP */
	len = simc_udp_frame(f, simc_mac, 100);
	simc_tx(&nic, f, len, TXD_CSUM7, 0, 2, 1);
	QT_ASSERT(sock_sees(ps, f, len), "frame not seen on %s", TAP_NAME);
	QT_ASSERT_EQ(simc_txf_drain(&nic), 1);
	/* the host sends into the TAP: the port receives it */
	simc_rx_fill(&nic, 0, 64, SIMC_RX_BUF);
	f[40] ^= 0x55;                                  /* tell it from the first */
	f[41] ^= 0x55;
	QT_ASSERT_EQ(send(ps, f, len, 0), (ssize_t)len);
	for (i = 0; i < 200 && !found; i++) {
		int r = simc_rxd_get(&nic, &d);

		if (r == 1)
			found = d.len == len && memcmp(d.data, f, len) == 0;
		else
			usleep(1000);
	}
	QT_ASSERT(found, "frame sent into %s not received", TAP_NAME);
	close(ps);
	simc_nic_close(&nic);
	return 0;
}
