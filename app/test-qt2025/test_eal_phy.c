/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * eal_phy: the PHY control thread's failure paths and recoveries, through the ethdev API,
 * xstats and telemetry: firmware files that fail the probe, an image that does not boot,
 * firmware that never reports ready, a PHY that is gone or of the wrong revision when the
 * thread re-identifies it after a crash, a crash it recovers from, MDIO errors and time-outs,
 * and the warm start (download skipped) of a re-probed card.
 *
 * Each test probes its own card name, so that it starts cold: simulated cards stay powered
 * in the process and are found again by name. Firmware files live in a directory of the
 * case, removed after it.
 */

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rte_bus_vdev.h>
#include <rte_ethdev.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_eal_util.h"

#define RUN_ARGS "timing=fast,link_poll_ms=50"
#define FW_LEN 24543            /* the size of a QT2025 image */
#define FW_MAX 24576            /* what the PHY holds */

static char tmpdir[64];

/* Removes the case's firmware directory, with the files a failed case did not unlink. */
static int
phy_teardown(void)
{
	char path[sizeof(tmpdir) + 256 + 1];
	struct dirent *e;
	int rc = 0;
	DIR *d;

	if (tmpdir[0] == '\0')
		return 0;
	d = opendir(tmpdir);
	while (d != NULL && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", tmpdir, e->d_name);
		unlink(path);
	}
	if (d != NULL)
		closedir(d);
	if (rmdir(tmpdir) != 0) {
		fprintf(stderr, "    cannot remove %s: %s\n", tmpdir, strerror(errno));
		rc = -1;
	}
	tmpdir[0] = '\0';
	return rc;
}

QT_EAL_SUITE(eal_phy, NULL, phy_teardown);

/* Writes len bytes made by fill() to tmpdir/name; path receives the file's path. */
static int
write_fw(const char *name, size_t len, void (*fill)(uint8_t *img, size_t len), char *path,
	 size_t plen)
{
	uint8_t *img;
	FILE *f;
	int rc = 0;

	if (tmpdir[0] == '\0') {
		snprintf(tmpdir, sizeof(tmpdir), "/tmp/qtt-phy-XXXXXX");
		if (mkdtemp(tmpdir) == NULL) {
			fprintf(stderr, "    mkdtemp: %s\n", strerror(errno));
			tmpdir[0] = '\0';
			return -1;
		}
	}
	snprintf(path, plen, "%s/%s", tmpdir, name);
	img = calloc(1, len + 1);
	f = fopen(path, "wb");
	if (img == NULL || f == NULL) {
		fprintf(stderr, "    cannot write %s\n", path);
		rc = -1;
	} else {
		if (fill != NULL)
			fill(img, len);
		if (fwrite(img, 1, len, f) != len)
			rc = -1;
	}
	if (f != NULL && fclose(f) != 0)
		rc = -1;
	free(img);
	return rc;
}

static void
fill_ljmp(uint8_t *img, size_t len)
{
	static const uint8_t ljmp[3] = { 0x02, 0x01, 0x00 };      /* LJMP 0x0100 */

	memset(img, 0x55, len);
	memcpy(img, ljmp, len < sizeof(ljmp) ? len : sizeof(ljmp));     /* 1-2 bytes: a part */
}

static void
fill_not_8051(uint8_t *img, size_t len)
{
	fill_ljmp(img, len);
	img[0] = 0x00;
}

/* LJMP 0x0100, and at 0x0100 an opcode (0xFF) the boot never gets past. */
static void
fill_unbootable(uint8_t *img, size_t len)
{
	fill_ljmp(img, len);
	img[0x100] = 0xFF;
}

/* rte_vdev_init must fail and leave neither a port nor a PHY thread. */
static int
probe_fails(const char *name, const char *args)
{
	uint16_t avail = rte_eth_dev_count_avail(), p;
	int threads = qtt_count_phy_threads();
	int rc;

	rc = rte_vdev_init(name, args);
	if (rc == 0) {
		fprintf(stderr, "    rte_vdev_init(%s, \"%s\") succeeded\n", name, args);
		if (rte_eth_dev_get_port_by_name(name, &p) == 0)
			qtt_port_destroy(p);
		return -1;
	}
	if (rte_eth_dev_get_port_by_name(name, &p) == 0) {
		fprintf(stderr, "    the failed probe left port %u\n", p);
		return -1;
	}
	if (rte_eth_dev_count_avail() != avail || qtt_count_phy_threads() != threads) {
		fprintf(stderr, "    ports %u -> %u, qt-phy threads %d -> %d\n", avail,
			rte_eth_dev_count_avail(), threads, qtt_count_phy_threads());
		return -1;
	}
	return 0;
}

/* The reason telemetry gives is exactly want (the rst lists them). */
static int
reason_is(uint16_t port, const char *want)
{
	char reason[160];

	if (qtt_phy_str(port, "reason", reason, sizeof(reason)) != 0)
		return -1;
	if (strcmp(reason, want) != 0) {
		fprintf(stderr, "    port %u: reason \"%s\", expected \"%s\"\n", port, reason,
			want);
		return -1;
	}
	return 0;
}

static int
xstat_is(uint16_t port, const char *name, uint64_t want)
{
	uint64_t v = ~0ULL;

	if (qtt_xstat(port, name, &v) != 0 || v != want) {
		fprintf(stderr, "    port %u: %s = %" PRIu64 ", expected %" PRIu64 "\n", port,
			name, v, want);
		return -1;
	}
	return 0;
}

QT_EAL_TEST(eal_phy, fw_missing)
{
	QT_CHECK(probe_fails("net_qt2025_sim_p1", "timing=fast,phy_fw=/nonexistent"));
	return 0;
}

QT_EAL_TEST(eal_phy, fw_empty)
{
	char path[128], args[160];

	QT_CHECK(write_fw("empty.fw", 0, NULL, path, sizeof(path)));
	snprintf(args, sizeof(args), "timing=fast,phy_fw=%s", path);
	QT_CHECK(probe_fails("net_qt2025_sim_p2", args));
	unlink(path);
	return 0;
}

QT_EAL_TEST(eal_phy, fw_oversized)
{
	char path[128], args[160];

	QT_CHECK(write_fw("big.fw", FW_MAX + 1, fill_ljmp, path, sizeof(path)));
	snprintf(args, sizeof(args), "timing=fast,phy_fw=%s", path);
	QT_CHECK(probe_fails("net_qt2025_sim_p3", args));
	unlink(path);
	return 0;
}

QT_EAL_TEST(eal_phy, fw_not_8051)
{
	char path[128], args[160];

	QT_CHECK(write_fw("zero.fw", FW_LEN, fill_not_8051, path, sizeof(path)));
	snprintf(args, sizeof(args), "timing=fast,phy_fw=%s", path);
	QT_CHECK(probe_fails("net_qt2025_sim_p4", args));
	unlink(path);
	return 0;
}

/* A FIFO as firmware file (or found under /lib/firmware) must not block the probe, and
 * with it rte_eal_init: one line, well under a second.
 */
QT_EAL_TEST(eal_phy, fw_fifo)
{
	char path[128], args[192];
	uint64_t t0;

	QT_CHECK(write_fw("fifo.fw", 3, fill_ljmp, path, sizeof(path)));
	unlink(path);
	QT_ASSERT(mkfifo(path, 0600) == 0, "mkfifo: %s", strerror(errno));
	snprintf(args, sizeof(args), "timing=fast,phy_fw=%s", path);
	t0 = qtt_now_ms();
	QT_CHECK(probe_fails("net_qt2025_sim_p9", args));
	QT_ASSERT(qtt_now_ms() - t0 < 1000, "the probe took %" PRIu64 " ms",
		  qtt_now_ms() - t0);
	snprintf(args, sizeof(args), "timing=fast,nic_fw=%s", path);
	QT_CHECK(probe_fails("net_qt2025_sim_p9", args));
	unlink(path);
	return 0;
}

/* Images too small to be one fail the probe (an 8051 image starts with a 3-byte LJMP). */
QT_EAL_TEST(eal_phy, fw_tiny)
{
	char path[128], args[160];
	size_t len;

	for (len = 1; len < 3; len++) {
		QT_CHECK(write_fw("tiny.fw", len, fill_ljmp, path, sizeof(path)));
		snprintf(args, sizeof(args), "timing=fast,phy_fw=%s", path);
		QT_CHECK(probe_fails("net_qt2025_sim_p10", args));
		unlink(path);
	}
	return 0;
}

/* Probe succeeds (the image looks right), the 8051 never runs it: no link, a reason, and
 * one error line (design.md "Firmware"), with base/'s detail in it, caught from the log stream.
 */
QT_EAL_TEST(eal_phy, fw_unbootable)
{
	static const char want[] = "qt2025 net_qt2025_sim_p5: PHY bring-up failed: PHY firmware "
		"did not start within 3 s (3.D7FD = 0x10 after 3000 ms); the port has no link\n";
	uint32_t level = rte_log_get_global_level();
	char path[128], args[192], *log = NULL;
	size_t log_len = 0;
	FILE *f;
	uint16_t p;
	int rc;

	QT_CHECK(write_fw("unbootable.fw", FW_LEN, fill_unbootable, path, sizeof(path)));
	snprintf(args, sizeof(args), RUN_ARGS ",phy_fw=%s", path);
	f = open_memstream(&log, &log_len);
	QT_ASSERT(f != NULL, "open_memstream");
	rte_openlog_stream(f);
	rte_log_set_global_level(RTE_LOG_ERR);
	rc = qtt_port_up("net_qt2025_sim_p5", args, 1, &p);
	unlink(path);
	if (rc == 0)
		rc = qtt_wait_state(p, "failed", 8000);
	rte_log_set_global_level(level);
	rte_openlog_stream(NULL);
	fclose(f);
	QT_ASSERT(rc == 0 && log != NULL, "no failed state");
	QT_ASSERT(strcmp(log, want) == 0, "error lines:\n%s", log);
	free(log);
	QT_CHECK(reason_is(p, "PHY firmware did not start within 3 s"));
	QT_ASSERT_EQ(qtt_link(p), 0);
	QT_CHECK(xstat_is(p, "link_up_events", 0));
	/* a request the PHY thread will never apply is refused, not acknowledged */
	QT_ASSERT_EQ(rte_eth_dev_set_link_down(p), -EIO);
	QT_ASSERT_EQ(rte_eth_dev_set_link_up(p), -EIO);
	QT_CHECK(qtt_port_destroy(p));
	QT_ASSERT_EQ(qtt_count_phy_threads(), 0);
	return 0;
}

/* The download (about 0.5 s with timing=real) is still running when the knob is set. */
QT_EAL_TEST(eal_phy, fw_never_ready)
{
	struct qt_sim *sim;
	uint16_t p;

	QT_CHECK(qtt_port_create("net_qt2025_sim_p6", "timing=real,link_poll_ms=50", &p));
	sim = qtt_sim(p);
	if (sim != NULL)
		qt_sim_set_fault(sim, QT_SIM_FAULT_FW_NEVER_BOOTS, 1);
	QT_ASSERT(sim != NULL, "no model");
	QT_CHECK(qtt_port_configure(p, 1));
	QT_CHECK(qtt_port_start(p));
	QT_CHECK(qtt_wait_state(p, "failed", 8000));
	QT_CHECK(reason_is(p, "PHY firmware did not start within 3 s"));
	QT_ASSERT_EQ(qtt_link(p), 0);
	QT_CHECK(qtt_port_destroy(p));
	return 0;
}

/* A running port whose firmware crashes while the faults are set: the thread re-runs the
 * bring-up and fails at identify.
 */
static int
crash_then_fail(const char *name, enum qt_sim_fault fault, uint32_t arg, const char *why)
{
	struct qt_sim *sim;
	uint16_t p;
	int rc = -1;

	if (qtt_port_up(name, RUN_ARGS, 1, &p) != 0)
		return -1;
	sim = qtt_sim(p);
	if (sim == NULL || qtt_wait_link(p, 1, 5000) != 0)
		goto out;
	qt_sim_set_fault(sim, fault, arg);
	qt_sim_set_fault(sim, QT_SIM_FAULT_HEARTBEAT_STOPS, 1);
	if (qtt_wait_link(p, 0, 3000) != 0 || qtt_wait_state(p, "failed", 4000) != 0 ||
	    reason_is(p, why) != 0 || xstat_is(p, "phy_fw_crashes", 1) != 0 ||
	    xstat_is(p, "link_down_events", 1) != 0)
		goto out;
	if (qtt_link(p) != 0) {
		fprintf(stderr, "    port %u: link up with a failed PHY\n", p);
		goto out;
	}
	rc = 0;
out:
	if (sim != NULL)
		qt_sim_set_fault(sim, fault, 0);
	if (qtt_port_destroy(p) != 0)
		rc = -1;
	return rc;
}

QT_EAL_TEST(eal_phy, phy_gone_after_crash)
{
	QT_CHECK(crash_then_fail("net_qt2025_sim_p7", QT_SIM_FAULT_PHY_ABSENT, 1,
				 "no QT2025 answers on MDIO"));
	return 0;
}

QT_EAL_TEST(eal_phy, wrong_revision_after_crash)
{
	QT_CHECK(crash_then_fail("net_qt2025_sim_p8", QT_SIM_FAULT_WRONG_REVISION, 0xB2,
				 "QT2025 of an unsupported revision"));
	return 0;
}

/* The heartbeat stops: link down, the firmware is loaded again, link back. */
QT_EAL_TEST(eal_phy, heartbeat_stops)
{
	struct qt_sim *sim;
	uint16_t p;

	QT_CHECK(qtt_port_create("net_qt2025_sim_p9", RUN_ARGS, &p));
	QT_CHECK(qtt_port_configure(p, 1));
	QT_CHECK(qtt_lsc_register(p));
	QT_CHECK(qtt_port_start(p));
	QT_CHECK(qtt_wait_link(p, 1, 5000));
	QT_CHECK(qtt_wait_lsc(p, 1, 1000));
	qtt_lsc_reset(p);
	QT_CHECK(xstat_is(p, "phy_fw_loads", 1));
	sim = qtt_sim(p);
	QT_ASSERT(sim != NULL, "no model");

	qt_sim_set_fault(sim, QT_SIM_FAULT_HEARTBEAT_STOPS, 1);
	QT_CHECK(qtt_wait_link(p, 0, 3000));
	QT_CHECK(qtt_wait_xstat(p, "phy_fw_crashes", 1, 3000));
	QT_CHECK(qtt_wait_link(p, 1, 5000));
	QT_CHECK(qtt_wait_lsc(p, 2, 1000));
	qtt_sleep_ms(200);
	QT_ASSERT_EQ(qtt_lsc_count(p), 2);      /* down, up */
	QT_CHECK(xstat_is(p, "phy_fw_crashes", 1));
	QT_CHECK(xstat_is(p, "phy_fw_loads", 2));
	QT_CHECK(xstat_is(p, "link_down_events", 1));
	QT_CHECK(xstat_is(p, "link_up_events", 2));
	QT_CHECK(qtt_wait_state(p, "running", 0));
	QT_CHECK(qtt_port_destroy(p));
	return 0;
}

QT_EAL_TEST(eal_phy, mdio_errors)
{
	struct qt_sim *sim;
	uint64_t e0 = 0, e1 = 0;
	uint16_t p;

	QT_CHECK(qtt_port_up("net_qt2025_sim_p10", RUN_ARGS, 1, &p));
	QT_CHECK(qtt_wait_link(p, 1, 5000));
	sim = qtt_sim(p);
	QT_ASSERT(sim != NULL, "no model");
	QT_ASSERT_EQ(qtt_xstat(p, "phy_mdio_errors", &e0), 0);
	qt_sim_set_fault(sim, QT_SIM_FAULT_MDIO_ERROR, 3);
	QT_CHECK(qtt_wait_xstat(p, "phy_mdio_errors", e0 + 1, 2000));
	qtt_sleep_ms(300);
	QT_ASSERT_EQ(qtt_xstat(p, "phy_mdio_errors", &e1), 0);
	/* one count per failed frame at most: three frames failed */
	QT_ASSERT(e1 - e0 >= 1 && e1 - e0 <= 3, "phy_mdio_errors %" PRIu64 " -> %" PRIu64,
		  e0, e1);
	QT_CHECK(qtt_wait_link(p, 1, 3000));
	QT_CHECK(qtt_wait_state(p, "running", 0));
	QT_CHECK(xstat_is(p, "phy_fw_crashes", 0));
	QT_CHECK(xstat_is(p, "phy_fw_loads", 1));
	QT_CHECK(qtt_port_destroy(p));
	return 0;
}

QT_EAL_TEST(eal_phy, mdio_stuck_busy)
{
	struct qt_sim *sim;
	uint64_t t0 = 0;
	uint16_t p;

	QT_CHECK(qtt_port_up("net_qt2025_sim_p11", RUN_ARGS, 1, &p));
	QT_CHECK(qtt_wait_link(p, 1, 5000));
	sim = qtt_sim(p);
	QT_ASSERT(sim != NULL, "no model");
	QT_ASSERT_EQ(qtt_xstat(p, "phy_mdio_timeouts", &t0), 0);
	qt_sim_set_fault(sim, QT_SIM_FAULT_MDIO_STUCK_BUSY, 1);
	qtt_sleep_ms(300);
	qt_sim_set_fault(sim, QT_SIM_FAULT_MDIO_STUCK_BUSY, 0);
	QT_CHECK(qtt_wait_xstat(p, "phy_mdio_timeouts", t0 + 1, 2000));
	QT_CHECK(qtt_wait_link(p, 1, 3000));
	QT_CHECK(qtt_wait_state(p, "running", 0));
	QT_CHECK(xstat_is(p, "phy_fw_crashes", 0));
	QT_CHECK(xstat_is(p, "phy_fw_loads", 1));
	QT_CHECK(qtt_port_destroy(p));
	return 0;
}

/* Re-probing a powered card finds its PHY running the same firmware: no download. */
QT_EAL_TEST(eal_phy, warm_start)
{
	const char *name = "net_qt2025_sim_p12";
	long long us = -1;
	uint16_t p;

	QT_CHECK(qtt_port_up(name, RUN_ARGS, 1, &p));
	QT_CHECK(qtt_wait_link(p, 1, 5000));
	QT_CHECK(xstat_is(p, "phy_fw_loads", 1));
	QT_CHECK(qtt_port_destroy(p));

	QT_CHECK(qtt_port_up(name, RUN_ARGS, 1, &p));
	QT_CHECK(qtt_wait_link(p, 1, 5000));
	QT_CHECK(xstat_is(p, "phy_fw_loads", 0));
	QT_CHECK(xstat_is(p, "phy_fw_load_us", 0));
	QT_CHECK(qtt_phy_int(p, "fw_load_us", &us));
	QT_ASSERT_EQ(us, 0);
	QT_CHECK(qtt_phy_int(p, "fw_loads", &us));
	QT_ASSERT_EQ(us, 0);
	QT_CHECK(qtt_port_destroy(p));

	QT_CHECK(qtt_port_up(name, RUN_ARGS ",fw_force=1", 1, &p));
	QT_CHECK(qtt_wait_link(p, 1, 5000));
	QT_CHECK(xstat_is(p, "phy_fw_loads", 1));
	QT_CHECK(qtt_phy_int(p, "fw_load_us", &us));
	QT_ASSERT(us > 0, "fw_load_us %lld after a forced download", us);
	QT_CHECK(qtt_port_destroy(p));
	QT_ASSERT_EQ(qtt_count_phy_threads(), 0);
	return 0;
}

/* A port closed while set down leaves its PHY in low power; the next probe of that card
 * (a warm start) must power it again, and the same for PCS loopback.
 */
QT_EAL_TEST(eal_phy, warm_start_after_link_down)
{
	const char *name = "net_qt2025_sim_p13";
	uint16_t p;

	QT_CHECK(qtt_port_up(name, RUN_ARGS, 1, &p));
	QT_CHECK(qtt_wait_link(p, 1, 5000));
	QT_ASSERT_EQ(rte_eth_dev_set_link_down(p), 0);
	QT_CHECK(qtt_wait_link(p, 0, 2000));
	QT_CHECK(qtt_port_destroy(p));

	QT_CHECK(qtt_port_up(name, RUN_ARGS, 1, &p));
	QT_CHECK(qtt_wait_link(p, 1, 5000));
	QT_CHECK(xstat_is(p, "phy_fw_loads", 0));
	QT_CHECK(qtt_port_destroy(p));
	return 0;
}
