/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * eal_ops: the ethdev ops tools reach for, through the ethdev API against the
 * model: module EEPROM (each module type's A0h page, a board without the mirror, garbage,
 * no module), register dump (and that it reads no clear-on-read register), private dump,
 * identification LED, flow control, link speeds the module cannot do, firmware version
 * while booting and running, port reset.
 */

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <rte_ethdev.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_eal_util.h"

#define ARGS "timing=fast,link_poll_ms=20"
#define EE_LEN 256
/* generous: the bring-up and the PHY thread share two CPUs with whatever else runs */
#define BRINGUP_MS 30000
#define WAIT_MS 10000

QT_EAL_SUITE(eal_ops, NULL, NULL);

static int
port_running(const char *name, const char *args, uint16_t *p)
{
	if (qtt_port_up(name, args, 0, p) != 0)
		return -1;
	return qtt_wait_state(*p, "running", BRINGUP_MS);
}

/* The module's page as the port reports it; rc of the failing call otherwise. */
static int
read_ee(uint16_t p, uint8_t *ee)
{
	struct rte_eth_dev_module_info mi;
	struct rte_dev_eeprom_info info = { .data = ee, .offset = 0, .length = EE_LEN };
	int rc;

	rc = rte_eth_dev_get_module_info(p, &mi);
	if (rc != 0)
		return rc;
	if (mi.type != RTE_ETH_MODULE_SFF_8079 || mi.eeprom_len != EE_LEN) {
		fprintf(stderr, "    module info type 0x%x len %u\n", mi.type, mi.eeprom_len);
		return -1000;
	}
	return rte_eth_dev_get_module_eeprom(p, &info);
}

/* Waits until the port reports the page with part number pn, or rc (pn NULL). */
static int
wait_ee(uint16_t p, const char *pn, int rc_want, uint8_t *ee)
{
	uint64_t end = qtt_now_ms() + WAIT_MS;
	int rc;

	do {
		rc = read_ee(p, ee);
		if (pn == NULL ? rc == rc_want : rc == 0 && memcmp(ee + 40, pn, strlen(pn)) == 0)
			return 0;
		qtt_sleep_ms(10);
	} while (qtt_now_ms() < end);
	fprintf(stderr, "    module EEPROM: rc %d, wanted %s %d\n", rc, pn ? pn : "rc", rc_want);
	return -1;
}

/* SFF-8472 checks written from the spec, independently of the model's page builder. */
static int
check_page(const uint8_t *ee, const char *pn, uint8_t code_byte, uint8_t code)
{
	unsigned int i, sum = 0;

	QT_ASSERT_EQ(ee[0], 0x03);
	for (i = 0; i < 63; i++)
		sum += ee[i];
	QT_ASSERT_EQ(ee[63], sum & 0xFF);
	for (sum = 0, i = 64; i < 95; i++)
		sum += ee[i];
	QT_ASSERT_EQ(ee[95], sum & 0xFF);
	QT_ASSERT(memcmp(ee + 20, "QTSIM OPTICS    ", 16) == 0, "vendor %.16s", ee + 20);
	QT_ASSERT(memcmp(ee + 40, pn, strlen(pn)) == 0, "part number %.16s", ee + 40);
	QT_ASSERT_EQ(ee[code_byte] & code, code);
	return 0;
}

QT_EAL_TEST(eal_ops, module_eeprom_types)
{
	static const struct {
		enum qt_sim_module m;
		const char *pn;
		uint8_t byte, code;
	} types[] = {
		{ QT_SIM_MODULE_LR, "QTS-10G-LR", 3, 0x20 },
		{ QT_SIM_MODULE_LRM, "QTS-10G-LRM", 3, 0x40 },
		{ QT_SIM_MODULE_ER, "QTS-10G-ER", 3, 0x80 },
		{ QT_SIM_MODULE_DAC, "QTS-10G-DAC3M", 8, 0x04 },
		{ QT_SIM_MODULE_ACTIVE_DAC, "QTS-10G-AOC7M", 8, 0x08 },
		{ QT_SIM_MODULE_1G_SX, "QTS-1G-SX", 6, 0x01 },
		{ QT_SIM_MODULE_1G_LX, "QTS-1G-LX", 6, 0x02 },
		{ QT_SIM_MODULE_1G_CX, "QTS-1G-CX5M", 6, 0x04 },
		{ QT_SIM_MODULE_1G_T, "QTS-1G-T", 6, 0x08 },
		{ QT_SIM_MODULE_SR, "QTS-10G-SR", 3, 0x10 },
	};
	uint8_t ee[EE_LEN], model[QT_SIM_SFP_PAGE_LEN];
	struct qt_sim *sim;
	unsigned int i;
	uint16_t p;

	QT_CHECK(port_running("net_qt2025_sim_o0", ARGS, &p));
	sim = qtt_sim(p);
	QT_ASSERT(sim != NULL, "no model");
	QT_CHECK(wait_ee(p, "QTS-10G-SR", 0, ee));
	QT_CHECK(check_page(ee, "QTS-10G-SR", 3, 0x10));
	for (i = 0; i < RTE_DIM(types); i++) {
		qt_sim_set_module(sim, QT_SIM_MODULE_NONE);
		QT_CHECK(wait_ee(p, NULL, -ENOTSUP, ee));
		qt_sim_set_module(sim, types[i].m);
		QT_CHECK(wait_ee(p, types[i].pn, 0, ee));
		QT_CHECK(check_page(ee, types[i].pn, types[i].byte, types[i].code));
		qt_sim_sfp_page(types[i].m, model);
		QT_ASSERT(memcmp(ee, model, EE_LEN) == 0, "page of %s differs", types[i].pn);
	}
	/* a part of the page, at an offset */
	{
		struct rte_dev_eeprom_info info = { .data = ee, .offset = 40, .length = 16 };

		QT_ASSERT_EQ(rte_eth_dev_get_module_eeprom(p, &info), 0);
		QT_ASSERT(memcmp(ee, "QTS-10G-SR", 10) == 0, "%.16s", ee);
		info.offset = 200;
		info.length = 100;
		QT_ASSERT_EQ(rte_eth_dev_get_module_eeprom(p, &info), -EINVAL);
	}
	/* a damaged page (type 7: CC_BASE wrong) is refused */
	qt_sim_set_module(sim, QT_SIM_MODULE_INVALID);
	QT_CHECK(wait_ee(p, NULL, -ENOTSUP, ee));
	return 0;
}

QT_EAL_TEST(eal_ops, module_eeprom_no_mirror)
{
	uint8_t ee[EE_LEN];
	struct qt_sim *sim;
	uint16_t p;

	QT_CHECK(port_running("net_qt2025_sim_o1", ARGS, &p));
	sim = qtt_sim(p);
	QT_ASSERT(sim != NULL, "no model");
	QT_CHECK(wait_ee(p, "QTS-10G-SR", 0, ee));
	/* a board whose PHY firmware mirrors nothing, then one that shows garbage */
	qt_sim_set_fault(sim, QT_SIM_FAULT_SFP_MIRROR, QT_SIM_SFP_MIRROR_NONE);
	qt_sim_set_module(sim, QT_SIM_MODULE_NONE);
	QT_CHECK(wait_ee(p, NULL, -ENOTSUP, ee));
	qt_sim_set_module(sim, QT_SIM_MODULE_LR);
	qtt_sleep_ms(200);      /* ten polls: every retry of the page */
	QT_ASSERT_EQ(read_ee(p, ee), -ENOTSUP);
	qt_sim_set_fault(sim, QT_SIM_FAULT_SFP_MIRROR, QT_SIM_SFP_MIRROR_GARBAGE);
	qt_sim_set_module(sim, QT_SIM_MODULE_NONE);
	qtt_sleep_ms(100);      /* the answer was -ENOTSUP already: five polls see "none" */
	qt_sim_set_module(sim, QT_SIM_MODULE_SR);
	qtt_sleep_ms(200);
	QT_ASSERT_EQ(read_ee(p, ee), -ENOTSUP);
	/* the mirror back: the next module change reads it */
	qt_sim_set_fault(sim, QT_SIM_FAULT_SFP_MIRROR, QT_SIM_SFP_MIRROR_PAGE);
	qt_sim_set_module(sim, QT_SIM_MODULE_LR);
	QT_CHECK(wait_ee(p, "QTS-10G-LR", 0, ee));
	return 0;
}

/* The dump has the documented shape, shows what the driver set, reads no ISR. */
QT_EAL_TEST(eal_ops, get_reg)
{
	struct rte_dev_reg_info info = { 0 };
	struct qt_sim_trace_entry *tr;
	uint32_t *data;
	struct qt_sim *sim;
	size_t n, i;
	unsigned int frm = 0;
	uint32_t bad = 0;
	uint16_t p;

	QT_CHECK(port_running("net_qt2025_sim_o2", ARGS, &p));
	sim = qtt_sim(p);
	QT_ASSERT(sim != NULL, "no model");
	QT_ASSERT_EQ(rte_eth_dev_get_reg_info(p, &info), 0);
	QT_ASSERT_EQ(info.width, 4);
	QT_ASSERT(info.length >= 40 && info.length < 16384, "length %u", info.length);
	QT_ASSERT_EQ(info.version, 1);
	/* stopped: IMR is 0, so the interrupt thread reads no ISR_MSK0 meanwhile (the PHY
	 * thread's MDIO reads of MDIO_DATA go on, so that register is not checked here)
	 */
	QT_CHECK(qtt_port_stop(p));
	data = calloc(info.length, 4);
	tr = calloc(4096, sizeof(*tr));
	QT_ASSERT(data != NULL && tr != NULL, "out of memory");
	info.data = data;
	qt_sim_trace_clear(sim);
	qt_sim_trace_enable(sim, true, true);
	QT_ASSERT_EQ(rte_eth_dev_get_reg_info(p, &info), 0);
	qt_sim_trace_enable(sim, false, false);
	n = qt_sim_trace_get(sim, tr, 4096);
	for (i = 0; i < n; i++) {
		if (tr[i].kind == QT_SIM_TR_RD32 &&
		    (tr[i].off == 0x5100 || tr[i].off == 0x5140 || tr[i].off == 0x5170 ||
		     (tr[i].off >= 0x7200 && tr[i].off < 0x7400)))
			bad = tr[i].off;
	}
	for (i = 0; i < info.length; i++)
		frm += data[i] == 0x3FE0;       /* FRM_LENGTH from hw_start (hardware.md 6.5) */
	free(data);
	free(tr);
	QT_ASSERT(bad == 0, "the dump read 0x%x, a register it must leave alone", bad);
	QT_ASSERT_EQ(frm, 1);
	return 0;
}

QT_EAL_TEST(eal_ops, priv_dump_and_fw_version)
{
	char fw[64], want[64], *buf = NULL;
	size_t len = 0;
	FILE *f;
	uint16_t p;

	/* real MDIO timing: the download takes a while, the version is not known meanwhile */
	QT_CHECK(qtt_port_create("net_qt2025_sim_o3", "timing=real,fw_force=1", &p));
	QT_ASSERT_EQ(rte_eth_dev_fw_version_get(p, fw, sizeof(fw)), -EAGAIN);
	QT_CHECK(qtt_wait_state(p, "running", 2 * BRINGUP_MS));
	snprintf(want, sizeof(want), "PHY %u.%u.%u.%u, NIC 0x30617", qt_sim_phy_fw_version[0],
		 qt_sim_phy_fw_version[1], qt_sim_phy_fw_version[2], qt_sim_phy_fw_version[3]);
	QT_ASSERT_EQ(rte_eth_dev_fw_version_get(p, fw, sizeof(fw)), 0);
	QT_ASSERT(strcmp(fw, want) == 0, "'%s', expected '%s'", fw, want);
	QT_ASSERT_EQ(rte_eth_dev_fw_version_get(p, fw, 4), (int)strlen(want) + 1);
	f = open_memstream(&buf, &len);
	QT_ASSERT(f != NULL, "open_memstream");
	QT_ASSERT_EQ(rte_eth_dev_priv_dump(p, f), 0);
	fclose(f);
	QT_ASSERT(strstr(buf, "phy state: running") != NULL && strstr(buf, want) != NULL &&
		  strstr(buf, "module: 10GBASE-SR") != NULL && strstr(buf, "fw_loads 1") != NULL,
		  "dump:\n%s", buf);
	free(buf);
	return 0;
}

QT_EAL_TEST(eal_ops, led)
{
	struct qt_sim_obs o;
	struct qt_sim *sim;
	uint16_t p;

	QT_CHECK(port_running("net_qt2025_sim_o4", ARGS, &p));
	sim = qtt_sim(p);
	QT_ASSERT(sim != NULL, "no model");
	QT_ASSERT_EQ(rte_eth_led_on(p), 0);
	qt_sim_observe(sim, &o);
	QT_ASSERT_EQ(o.led, 4);
	/* stop/start (hw_start) keeps what the application asked for */
	QT_CHECK(qtt_port_stop(p));
	QT_CHECK(qtt_port_start(p));
	qt_sim_observe(sim, &o);
	QT_ASSERT_EQ(o.led, 4);
	QT_ASSERT_EQ(rte_eth_led_off(p), 0);
	qt_sim_observe(sim, &o);
	QT_ASSERT_EQ(o.led, 0);
	return 0;
}

#define RXF_TXFC 0x0400u        /* GMAC_RXF_A (hardware.md 3.10) */

QT_EAL_TEST(eal_ops, flow_ctrl)
{
	struct rte_eth_fc_conf fc;
	struct qt_sim *sim;
	uint16_t p;

	QT_CHECK(port_running("net_qt2025_sim_o5", ARGS, &p));
	sim = qtt_sim(p);
	QT_ASSERT(sim != NULL, "no model");
	QT_ASSERT_EQ(rte_eth_dev_flow_ctrl_get(p, &fc), 0);
	QT_ASSERT_EQ(fc.mode, RTE_ETH_FC_TX_PAUSE);
	QT_ASSERT_EQ(fc.pause_time, 0xFFFF);
	QT_ASSERT(qt_sim_rd32(sim, 0x1240) & RXF_TXFC, "TXFC off after start");

	fc.mode = RTE_ETH_FC_NONE;
	QT_ASSERT_EQ(rte_eth_dev_flow_ctrl_set(p, &fc), 0);
	QT_ASSERT((qt_sim_rd32(sim, 0x1240) & RXF_TXFC) == 0, "TXFC still on");
	/* a receive-filter change rewrites GMAC_RXF_A: flow control stays as set */
	QT_ASSERT_EQ(rte_eth_promiscuous_enable(p), 0);
	QT_ASSERT((qt_sim_rd32(sim, 0x1240) & RXF_TXFC) == 0, "TXFC back after promisc");

	fc.mode = RTE_ETH_FC_TX_PAUSE;
	fc.pause_time = 0x1234;
	QT_ASSERT_EQ(rte_eth_dev_flow_ctrl_set(p, &fc), 0);
	QT_ASSERT_EQ(qt_sim_rd32(sim, 0x6054), 0x1234);
	QT_ASSERT(qt_sim_rd32(sim, 0x1240) & RXF_TXFC, "TXFC off");
	QT_CHECK(qtt_port_stop(p));
	QT_CHECK(qtt_port_start(p));
	QT_ASSERT_EQ(qt_sim_rd32(sim, 0x6054), 0x1234);

	/* what the card cannot do is refused, and changes nothing */
	fc.mode = RTE_ETH_FC_FULL;
	QT_ASSERT_EQ(rte_eth_dev_flow_ctrl_set(p, &fc), -ENOTSUP);
	fc.mode = RTE_ETH_FC_RX_PAUSE;
	QT_ASSERT_EQ(rte_eth_dev_flow_ctrl_set(p, &fc), -ENOTSUP);
	fc.mode = RTE_ETH_FC_TX_PAUSE;
	fc.autoneg = 1;
	QT_ASSERT_EQ(rte_eth_dev_flow_ctrl_set(p, &fc), -ENOTSUP);
	fc.autoneg = 0;
	fc.high_water = 100;
	QT_ASSERT_EQ(rte_eth_dev_flow_ctrl_set(p, &fc), -ENOTSUP);
	QT_ASSERT_EQ(rte_eth_dev_flow_ctrl_get(p, &fc), 0);
	QT_ASSERT_EQ(fc.mode, RTE_ETH_FC_TX_PAUSE);
	QT_ASSERT_EQ(fc.pause_time, 0x1234);
	return 0;
}

/* Waits until the PHY thread has seen the module (telemetry). */
static int
wait_module(uint16_t p, const char *name)
{
	uint64_t end = qtt_now_ms() + WAIT_MS;
	char m[64] = "";

	do {
		if (qtt_phy_str(p, "module", m, sizeof(m)) == 0 && strcmp(m, name) == 0)
			return 0;
		qtt_sleep_ms(10);
	} while (qtt_now_ms() < end);
	fprintf(stderr, "    module '%s', expected '%s'\n", m, name);
	return -1;
}

static int
configure_speeds(uint16_t p, uint32_t speeds)
{
	struct rte_eth_conf conf = { .link_speeds = speeds };

	return rte_eth_dev_configure(p, 1, 1, &conf);
}

QT_EAL_TEST(eal_ops, link_speeds)
{
	struct qt_sim *sim;
	uint16_t p;

	QT_CHECK(port_running("net_qt2025_sim_o6", ARGS, &p));
	sim = qtt_sim(p);
	QT_ASSERT(sim != NULL, "no model");
	QT_CHECK(qtt_port_stop(p));
	/* 10GBASE-SR module */
	QT_ASSERT_EQ(configure_speeds(p, RTE_ETH_LINK_SPEED_FIXED | RTE_ETH_LINK_SPEED_1G),
		     -EINVAL);
	QT_ASSERT_EQ(configure_speeds(p, RTE_ETH_LINK_SPEED_1G), -EINVAL);
	QT_ASSERT_EQ(configure_speeds(p, RTE_ETH_LINK_SPEED_100M), -EINVAL);
	QT_ASSERT_EQ(configure_speeds(p, RTE_ETH_LINK_SPEED_25G), -EINVAL);
	QT_ASSERT_EQ(configure_speeds(p, RTE_ETH_LINK_SPEED_FIXED), -EINVAL);
	QT_ASSERT_EQ(configure_speeds(p, RTE_ETH_LINK_SPEED_FIXED | RTE_ETH_LINK_SPEED_1G |
				      RTE_ETH_LINK_SPEED_10G), -EINVAL);
	QT_ASSERT_EQ(configure_speeds(p, RTE_ETH_LINK_SPEED_1G | RTE_ETH_LINK_SPEED_10G), 0);
	QT_ASSERT_EQ(configure_speeds(p, RTE_ETH_LINK_SPEED_FIXED | RTE_ETH_LINK_SPEED_10G), 0);
	QT_ASSERT_EQ(configure_speeds(p, RTE_ETH_LINK_SPEED_AUTONEG), 0);
	/* configured for 10G fixed, then a 1G module goes in: dev_start refuses */
	QT_ASSERT_EQ(configure_speeds(p, RTE_ETH_LINK_SPEED_FIXED | RTE_ETH_LINK_SPEED_10G), 0);
	qt_sim_set_module(sim, QT_SIM_MODULE_1G_SX);
	QT_CHECK(wait_module(p, "1000BASE-SX"));
	QT_ASSERT_EQ(rte_eth_dev_start(p), -EINVAL);
	QT_ASSERT_EQ(configure_speeds(p, RTE_ETH_LINK_SPEED_FIXED | RTE_ETH_LINK_SPEED_1G), 0);
	return 0;
}

QT_EAL_TEST(eal_ops, dev_reset)
{
	uint64_t loads0, loads1;
	uint16_t p;

	QT_CHECK(port_running("net_qt2025_sim_o7", ARGS, &p));
	QT_CHECK(qtt_wait_link(p, 1, WAIT_MS));
	QT_CHECK(qtt_xstat(p, "phy_fw_loads", &loads0));
	QT_ASSERT_EQ(rte_eth_dev_reset(p), 0);
	QT_ASSERT_EQ(qtt_count_phy_threads(), 1);
	/* the queues went with the reset: a start without configuring is refused */
	QT_ASSERT_EQ(rte_eth_dev_start(p), -EINVAL);
	QT_CHECK(qtt_port_configure(p, 0));
	QT_CHECK(qtt_port_start(p));
	QT_CHECK(qtt_wait_state(p, "running", BRINGUP_MS));
	QT_CHECK(qtt_wait_link(p, 1, WAIT_MS));
	/* the PHY firmware still ran: a warm start, no second download */
	QT_CHECK(qtt_xstat(p, "phy_fw_loads", &loads1));
	QT_ASSERT_EQ(loads1, loads0);
	/* twice more, stopped and started in between */
	QT_ASSERT_EQ(rte_eth_dev_reset(p), 0);
	QT_ASSERT_EQ(rte_eth_dev_reset(p), 0);
	QT_CHECK(qtt_port_configure(p, 0));
	QT_CHECK(qtt_port_start(p));
	QT_CHECK(qtt_wait_link(p, 1, WAIT_MS));
	QT_ASSERT_EQ(qtt_count_phy_threads(), 1);
	return 0;
}

/* A reset whose probe fails (the firmware file went away) leaves a port that refuses to
 * start with one line and closes cleanly.
 */
QT_EAL_TEST(eal_ops, dev_reset_fails_safe)
{
	char dir[] = "/tmp/qtt-ops-XXXXXX", path[64], args[160];
	uint8_t *img;
	uint16_t p;
	FILE *f;
	int rc;

	QT_ASSERT(mkdtemp(dir) != NULL, "mkdtemp");
	snprintf(path, sizeof(path), "%s/phy.fw", dir);
	img = malloc(24543);
	f = fopen(path, "wb");
	if (img != NULL && f != NULL) {
		memset(img, 0x55, 24543);
		img[0] = 0x02;          /* LJMP 0x0100: an image the model boots */
		img[1] = 0x01;
		img[2] = 0x00;
		rc = fwrite(img, 1, 24543, f) == 24543 ? 0 : -1;
	} else {
		rc = -1;
	}
	if (f != NULL)
		fclose(f);
	free(img);
	snprintf(args, sizeof(args), ARGS ",phy_fw=%s", path);
	if (rc == 0)
		rc = port_running("net_qt2025_sim_o8", args, &p);
	unlink(path);
	rmdir(dir);
	QT_ASSERT_EQ(rc, 0);
	QT_ASSERT(rte_eth_dev_reset(p) < 0, "reset succeeded without its firmware file");
	QT_CHECK(qtt_port_configure(p, 0));
	QT_ASSERT_EQ(rte_eth_dev_start(p), -EIO);
	QT_ASSERT_EQ(qtt_count_phy_threads(), 0);
	/* closed here: the case fixture holds every live port to have its PHY thread */
	QT_CHECK(qtt_port_destroy(p));
	return 0;
}

/* Counts the MDIO reads of the module EEPROM mirror (3.D000..3.D0FF) in the model's trace. */
static int
mirror_reads(struct qt_sim *sim, size_t *n)
{
	struct qt_sim_trace_entry *tr = calloc(65536, sizeof(*tr));
	size_t i, got;

	if (tr == NULL)
		return -1;
	got = qt_sim_trace_get(sim, tr, 65536);
	for (*n = 0, i = 0; i < got; i++)
		*n += tr[i].kind == QT_SIM_TR_MDIO_RD && tr[i].mmd == 3 &&
			(tr[i].reg & 0xFF00) == 0xD000;
	free(tr);
	return 0;
}

/* The page is read when asked for, never on the bring-up's way to a link (512 MDIO frames:
 * 33 ms at 1 MHz in front of a warm start's first link report).
 */
QT_EAL_TEST(eal_ops, module_eeprom_on_demand)
{
	uint8_t ee[EE_LEN];
	struct qt_sim *sim;
	size_t n;
	uint16_t p;

	QT_CHECK(qtt_port_create("net_qt2025_sim_o9", ARGS, &p));
	sim = qtt_sim(p);
	QT_ASSERT(sim != NULL, "no model");
	qt_sim_trace_clear(sim);
	qt_sim_trace_enable(sim, true, false);
	QT_CHECK(qtt_port_configure(p, 0));
	QT_CHECK(qtt_port_start(p));
	QT_CHECK(qtt_wait_link(p, 1, BRINGUP_MS));
	qtt_sleep_ms(200);      /* ten polls */
	QT_CHECK(mirror_reads(sim, &n));
	QT_ASSERT_EQ(n, 0);
	QT_CHECK(wait_ee(p, "QTS-10G-SR", 0, ee));
	QT_CHECK(mirror_reads(sim, &n));
	qt_sim_trace_enable(sim, false, false);
	QT_ASSERT_EQ(n, EE_LEN);
	return 0;
}
