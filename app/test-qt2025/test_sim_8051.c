/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Model tests of the QT2025's 8051 life cycle, driven only through the BAR (test_sim_client):
 * the bring-up of hardware.md 8.3 step by step and with each single deviation, the image check,
 * boot time, heartbeat and version, the never-boots and heartbeat-stops knobs.
 */

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_sim_client.h"

#define BOOT_NS		(200 * MS)      /* default boot_ms */

/* ---- the 8.3 bring-up, with one deviation at a time ---- */

enum dev {
	DEV_NONE,
	DEV_SKIP_CFG,           /* config step idx not written */
	DEV_BAD_CFG,            /* config step idx written with a wrong value */
	DEV_CFG_MMD,            /* config step idx written to the wrong MMD */
	DEV_CFG_LATE,           /* config step idx written again after the release */
	DEV_A30A,               /* mainline's 1.A30A instead of 1.C30A (accepted) */
	DEV_BOTH_30A,           /* both 1.C30A and 1.A30A (accepted) */
	DEV_PROG_MMD1,          /* first 16 KiB to 1.8000 instead of 3.8000 */
	DEV_PROG_HELD,          /* a full download while held, then the normal one */
	DEV_SRAM_EARLY,         /* 3.E854 = 0x40 before 0xC0 */
	DEV_ROM_EARLY,          /* 3.E854 = 0xC0 before the release */
	DEV_RELEASE_FIRST,      /* 1.C300 = 2 at step 2, 1.C300 = 0 at step 11 */
	DEV_ZERO_IMG,
	DEV_SHORT_IMG,          /* 1000 bytes */
	DEV_GAP_IMG,            /* byte 5000 never written */
	DEV_BAD_ENTRY,          /* 0xFF at the LJMP target */
	DEV_BIG_BYTE,           /* a program write of 0x0102 */
	DEV_NO_ID_BLOCK,        /* valid 8051 image without "QT2025SM" (reports 2.0.3.3) */
	DEV_VERSION_1234,       /* the synthetic image with version digits 1.2.3.4 */
};

/* Step 13 with an optional wrong MMD for the first 16 KiB, a byte left out (skip) and a
 * byte written as 0x0102 (big).
 */
static void
download(struct simc_port *p, const uint8_t *img, size_t len, uint8_t pcs_mmd, size_t skip,
	 size_t big)
{
	size_t i;

	for (i = 0; i < len && p->err == 0; i++) {
		uint16_t v = i == big ? 0x0102 : img[i];
		uint16_t reg;
		uint8_t mmd;

		if (i == skip)
			continue;
		simc_prog_addr(i, &mmd, &reg);
		simc_wr(p, mmd == 3 ? pcs_mmd : mmd, reg, v);
	}
}

static void
write_cfg(struct simc_port *p, enum dev d, unsigned int idx)
{
	unsigned int i;

	for (i = 0; i < SIMC_CFG_STEPS; i++) {
		const struct simc_step *c = &simc_cfg_steps[i];
		uint16_t reg = c->reg;

		if (d == DEV_SKIP_CFG && i == idx)
			continue;
		if (reg == 0xC30A && (d == DEV_A30A || d == DEV_BOTH_30A)) {
			if (d == DEV_BOTH_30A)
				simc_wr(p, 1, 0xC30A, c->val);
			reg = 0xA30A;
		}
		if (d == DEV_BAD_CFG && i == idx)
			simc_wr(p, c->mmd, reg, c->val ^ 0x0100);
		else if (d == DEV_CFG_MMD && i == idx)
			simc_wr(p, c->mmd == 1 ? 3 : 1, reg, c->val);
		else
			simc_wr(p, c->mmd, reg, c->val);
	}
}

/* Steps 2..14 of hardware.md 8.3 (step 1, the revision check, is a read) with deviation d. */
static void
bring_up(struct simc_port *p, enum dev d, unsigned int idx)
{
	const uint8_t *img = qt_sim_phy_fw;
	size_t len = qt_sim_phy_fw_len, skip = (size_t)-1, big = (size_t)-1;
	const struct simc_step *late = &simc_cfg_steps[idx % SIMC_CFG_STEPS];
	uint8_t *buf = NULL;

	if (d == DEV_ZERO_IMG || d == DEV_BAD_ENTRY || d == DEV_NO_ID_BLOCK ||
	    d == DEV_VERSION_1234) {
		buf = calloc(1, len);
		if (buf == NULL) {
			p->err++;
			return;
		}
		if (d != DEV_ZERO_IMG)
			memcpy(buf, img, len);
		if (d == DEV_BAD_ENTRY)
			buf[0x100] = 0xFF;      /* the LJMP target (0x0100) */
		if (d == DEV_NO_ID_BLOCK)
			memset(&buf[3], 0x00, 8);
		if (d == DEV_VERSION_1234)
			memcpy(&buf[11], (const uint8_t[]){ 1, 2, 3, 4 }, 4);
		img = buf;
	}
	if (d == DEV_SHORT_IMG)
		len = 1000;
	if (d == DEV_GAP_IMG)
		skip = 5000;
	if (d == DEV_BIG_BYTE)
		big = 7;

	simc_wr(p, 1, 0xC300, d == DEV_RELEASE_FIRST ? 0x0002 : 0x0000);        /* step 2 */
	if (d == DEV_PROG_HELD)
		download(p, img, len, 3, skip, big);
	write_cfg(p, d, idx);                                                   /* 3..10 */
	if (d == DEV_ROM_EARLY)
		simc_wr(p, 3, 0xE854, 0x00C0);
	simc_wr(p, 1, 0xC300, d == DEV_RELEASE_FIRST ? 0x0000 : 0x0002);        /* step 11 */
	if (d == DEV_CFG_LATE)
		simc_wr(p, late->mmd, late->reg, late->val);
	if (d == DEV_SRAM_EARLY)
		simc_wr(p, 3, 0xE854, 0x0040);
	simc_wr(p, 3, 0xE854, 0x00C0);                                          /* step 12 */
	download(p, img, len, d == DEV_PROG_MMD1 ? 1 : 3, skip, big);           /* step 13 */
	simc_wr(p, 3, 0xE854, 0x0040);                                          /* step 14 */
	free(buf);
}

/* ---- (1) the bring-up of hardware.md 8.3 ---- */

QT_TEST(sim_qt2025, bringup_exact_sequence)
{
	struct qt_sim_fake_clock fc;
	struct qt_sim_trace_entry tr[64];
	struct simc_port p;
	uint64_t t0;
	uint16_t hb0;
	size_t n, i;
	int ev = 0;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(simc_port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	QT_ASSERT_EQ(simc_obs(p.sim).phy_state, QT_SIM_PHY_IDLE);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7FD), 0x00);
	QT_ASSERT_EQ(simc_rd(&p, 1, 0xD001) >> 8, 0xB3);                     /* step 1 */
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD70C), 0);     /* no firmware yet */

	simc_phy_load(&p);
	QT_ASSERT_EQ(p.err, 0);
	t0 = qt_sim_now_ns(p.sim);
	QT_ASSERT_EQ(simc_obs(p.sim).phy_state, QT_SIM_PHY_BOOTING);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7FD), 0x10);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7F3), 0);
	qt_sim_trace_clear(p.sim);
	qt_sim_trace_enable(p.sim, true, false);

	/* not before the boot time ... */
	qt_sim_fake_clock_advance(&fc, t0 + BOOT_NS - MS - qt_sim_now_ns(p.sim));
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7FD), 0x10);
	QT_ASSERT_EQ(simc_obs(p.sim).phy_state, QT_SIM_PHY_BOOTING);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7EE), 0);
	/* ... but right after it */
	qt_sim_fake_clock_advance(&fc, MS);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7FD), 0x70);
	QT_ASSERT_EQ(simc_obs(p.sim).phy_state, QT_SIM_PHY_RUNNING);
	QT_ASSERT_EQ(simc_obs(p.sim).fail_reason[0], '\0');

	/* heartbeat: one tick per 100 ms */
	hb0 = simc_rd(&p, 3, 0xD7EE);
	qt_sim_fake_clock_advance(&fc, 100 * MS);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7EE), (hb0 + 1) & 0xFF);
	qt_sim_fake_clock_advance(&fc, 350 * MS);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7EE), (hb0 + 4) & 0xFF);

	/* version 0.1.0.0 of the synthetic image, module type SR (hardware.md 8.2, 8.5) */
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7F3), 0x01);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7F4), 0x00);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7F5), 0x00);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD70C), 2);
	QT_ASSERT_EQ(p.err, 0);

	n = qt_sim_trace_get(p.sim, tr, 64);
	for (i = 0; i < n; i++)
		if (tr[i].kind == QT_SIM_TR_EVENT && tr[i].val == QT_SIM_EV_PHY_STATE)
			ev = tr[i].reg;
	QT_ASSERT_EQ(ev, QT_SIM_PHY_RUNNING);
	qt_sim_destroy(p.sim);
	return 0;
}

/* The version registers are those of the image the 8051 booted, each time it boots: not a
 * constant, not the first image's (hardware.md 8.2: 3.D7F3 = a.b, 3.D7F4 = c, 3.D7F5 = d).
 */
QT_TEST(sim_qt2025, version_of_booted_image)
{
	struct qt_sim_fake_clock fc;
	struct simc_port p;
	uint16_t st = 0;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(simc_port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	bring_up(&p, DEV_VERSION_1234, 0);
	QT_ASSERT_EQ(simc_phy_wait_ready(&p, &st), 0);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7F3), 0x12);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7F4), 0x03);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7F5), 0x04);

	/* the same PHY, held and loaded with the generated image: its 0.1.0.0 */
	QT_CHECK(simc_phy_boot(&p));
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7F3), (qt_sim_phy_fw_version[0] << 4) |
		     qt_sim_phy_fw_version[1]);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7F4), qt_sim_phy_fw_version[2]);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7F5), qt_sim_phy_fw_version[3]);
	QT_ASSERT_EQ(p.err, 0);
	qt_sim_destroy(p.sim);
	return 0;
}

QT_TEST(sim_qt2025, bringup_states_in_order)
{
	static const enum qt_sim_phy_state want[] = {
		QT_SIM_PHY_HELD, QT_SIM_PHY_RELEASED, QT_SIM_PHY_BOOT_ROM,
	};
	struct qt_sim_fake_clock fc;
	struct simc_port p;
	unsigned int i;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(simc_port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	simc_wr(&p, 1, 0xC300, 0x0000);
	QT_ASSERT_EQ(simc_obs(p.sim).phy_state, want[0]);
	simc_cfg_write(&p);
	QT_ASSERT_EQ(simc_obs(p.sim).phy_state, want[0]);
	simc_wr(&p, 1, 0xC300, 0x0002);
	QT_ASSERT_EQ(simc_obs(p.sim).phy_state, want[1]);
	simc_wr(&p, 3, 0xE854, 0x00C0);
	QT_ASSERT_EQ(simc_obs(p.sim).phy_state, want[2]);
	for (i = 0; i < 3; i++)
		QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7FD), 0x00);
	QT_ASSERT_EQ(p.err, 0);
	qt_sim_destroy(p.sim);
	return 0;
}

/* ---- (2) every single deviation fails ---- */

struct dev_case {
	enum dev d;
	unsigned int idx;
	bool runs;              /* accepted variant */
	const char *why;        /* expected in the fail reason */
};

static int
run_case(const struct dev_case *c, char *name, size_t nlen)
{
	struct qt_sim_fake_clock fc;
	struct qt_sim_obs o;
	const char *reason = o.fail_reason;
	struct simc_port p;
	uint16_t st = 0;
	int ready;

	snprintf(name, nlen, "deviation %d idx %u", (int)c->d, c->idx);
	qt_sim_fake_clock_init(&fc);
	QT_CHECK(simc_port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	bring_up(&p, c->d, c->idx);
	QT_ASSERT_EQ(p.err, 0);
	ready = simc_phy_wait_ready(&p, &st);
	qt_sim_observe(p.sim, &o);
	if (c->runs) {
		QT_ASSERT(ready == 0, "%s: not running, reason '%s'", name, reason);
		QT_ASSERT_EQ(simc_obs(p.sim).phy_state, QT_SIM_PHY_RUNNING);
		if (c->d == DEV_NO_ID_BLOCK) {
			/* 2.0.3.3 for an image without the synthetic ID block */
			QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7F3), 0x20);
			QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7F4), 0x03);
			QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7F5), 0x03);
		}
	} else {
		QT_ASSERT(ready != 0, "%s: reached RUNNING (status 0x%x)", name, st);
		QT_ASSERT(st == 0x00 || st == 0x10, "%s: status 0x%x", name, st);
		QT_ASSERT(simc_obs(p.sim).phy_state != QT_SIM_PHY_RUNNING, "%s", name);
		QT_ASSERT(strstr(reason, c->why) != NULL, "%s: reason '%s', expected '%s'",
			  name, reason, c->why);
		QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7EE), 0);     /* never ticked */
		/* a new hold starts a clean attempt */
		QT_CHECK(simc_phy_boot(&p));
	}
	QT_ASSERT_EQ(p.err, 0);
	qt_sim_destroy(p.sim);
	return 0;
}

QT_TEST(sim_qt2025, bringup_each_deviation_fails)
{
	static const struct dev_case fixed[] = {
		{ DEV_CFG_MMD, 0, false, "1.C302 not written" },
		{ DEV_CFG_MMD, 3, false, "3.0026 not written" },
		{ DEV_CFG_LATE, 2, false, "1.C31A written while released" },
		{ DEV_A30A, 0, true, "" },
		{ DEV_BOTH_30A, 0, true, "" },
		{ DEV_NO_ID_BLOCK, 0, true, "" },
		/* byte 0x230A lands on 1.A30A, 1.C30A's accepted alias (hardware.md 8.6 item 1) */
		{ DEV_PROG_MMD1, 0, false, "1.A30A written while boot_rom" },
		{ DEV_PROG_HELD, 0, false, "program write 3.8000 while held" },
		{ DEV_SRAM_EARLY, 0, false, "3.E854 = 0x0040" },
		{ DEV_ROM_EARLY, 0, false, "3.E854 = 0x00C0" },
		{ DEV_RELEASE_FIRST, 0, false, "3.E854 = 0x00C0" },
		{ DEV_ZERO_IMG, 0, false, "byte 0 is 0x00" },
		{ DEV_SHORT_IMG, 0, false, "shorter than 1024" },
		{ DEV_GAP_IMG, 0, false, "gap at byte 5000" },
		{ DEV_BAD_ENTRY, 0, false, "LJMP target 0x0100" },
		{ DEV_BIG_BYTE, 0, false, "0x0102" },
	};
	struct dev_case c;
	char name[64], why[64];
	unsigned int i;

	for (i = 0; i < SIMC_CFG_STEPS; i++) {
		c.d = DEV_SKIP_CFG;
		c.idx = i;
		c.runs = false;
		snprintf(why, sizeof(why), "%s%s not written with 0x%04x", simc_cfg_steps[i].name,
			 i == SIMC_CFG_STEPS - 1 ? " (or 1.A30A)" : "", simc_cfg_steps[i].val);
		c.why = why;
		if (run_case(&c, name, sizeof(name)) != 0)
			QT_FAIL("config step %s skipped", simc_cfg_steps[i].name);
		c.d = DEV_BAD_CFG;
		snprintf(why, sizeof(why), "%s written with 0x%04x", simc_cfg_steps[i].name,
			 simc_cfg_steps[i].val ^ 0x0100);
		if (run_case(&c, name, sizeof(name)) != 0)
			QT_FAIL("config step %s written wrong", simc_cfg_steps[i].name);
	}
	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (run_case(&fixed[i], name, sizeof(name)) != 0)
			QT_FAIL("case %u (%s)", i, fixed[i].why);
	return 0;
}

/* ---- (3) life-cycle knobs ---- */

QT_TEST(sim_qt2025, knob_fw_never_boots)
{
	struct qt_sim_fake_clock fc;
	struct simc_port p;
	uint16_t st = 0;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(simc_port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	qt_sim_set_fault(p.sim, QT_SIM_FAULT_FW_NEVER_BOOTS, 1);
	simc_phy_load(&p);
	QT_ASSERT_EQ(p.err, 0);
	QT_ASSERT_EQ(simc_obs(p.sim).phy_state, QT_SIM_PHY_BOOTING);
	QT_ASSERT(simc_phy_wait_ready(&p, &st) != 0, "status 0x%x", st);
	QT_ASSERT_EQ(st, 0x10);
	QT_ASSERT_EQ(simc_obs(p.sim).phy_state, QT_SIM_PHY_FAILED);
	QT_ASSERT(strstr(simc_obs(p.sim).fail_reason, "never booted") != NULL, "'%s'",
		  simc_obs(p.sim).fail_reason);
	QT_ASSERT(!simc_obs(p.sim).line_up, "line up");
	qt_sim_set_fault(p.sim, QT_SIM_FAULT_FW_NEVER_BOOTS, 0);
	QT_CHECK(simc_phy_boot(&p));
	qt_sim_destroy(p.sim);
	return 0;
}

QT_TEST(sim_qt2025, knob_heartbeat_stops)
{
	struct qt_sim_fake_clock fc;
	struct simc_port p;
	uint16_t hb;

	qt_sim_fake_clock_init(&fc);
	QT_CHECK(simc_port_open(&p, &fc, NULL, QT_SIM_MODULE_SR));
	QT_CHECK(simc_phy_boot(&p));
	QT_ASSERT(simc_obs(p.sim).line_up, "line down after boot");
	qt_sim_sleep_ns(p.sim, 300 * MS);
	QT_ASSERT_EQ(simc_ll_pair(&p, 1), 1);
	QT_ASSERT_EQ(simc_ll_pair(&p, 1), 3);

	qt_sim_set_fault(p.sim, QT_SIM_FAULT_HEARTBEAT_STOPS, 1);
	QT_ASSERT_EQ(simc_obs(p.sim).phy_state, QT_SIM_PHY_CRASHED);
	hb = simc_rd(&p, 3, 0xD7EE);
	QT_ASSERT(hb >= 3, "heartbeat %u", hb);
	qt_sim_sleep_ns(p.sim, 1000 * MS);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7EE), hb);            /* frozen */
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7FD), 0x70);          /* the status does not show it */
	QT_ASSERT(!simc_obs(p.sim).line_up, "line up after the crash");
	QT_ASSERT_EQ(simc_ll_pair(&p, 1), 0);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0x0020), 0);

	/* holding the 8051 clears the crash; a new download runs again */
	simc_wr(&p, 1, 0xC300, 0x0000);
	QT_ASSERT_EQ(simc_obs(p.sim).phy_state, QT_SIM_PHY_HELD);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7FD), 0x00);
	QT_CHECK(simc_phy_boot(&p));
	hb = simc_rd(&p, 3, 0xD7EE);
	qt_sim_sleep_ns(p.sim, 200 * MS);
	QT_ASSERT_EQ(simc_rd(&p, 3, 0xD7EE), (hb + 2) & 0xFF);
	QT_ASSERT(simc_obs(p.sim).line_up, "line down after the re-boot");
	qt_sim_destroy(p.sim);
	return 0;
}

QT_TEST(sim_qt2025, firmware_image_shape)
{
	size_t i, nz = 0;

	/* the synthetic image the model boots (gen_fw_images.py) */
	QT_ASSERT_EQ(qt_sim_phy_fw_len, 24543);
	QT_ASSERT_EQ(qt_sim_phy_fw[0], 0x02);
	QT_ASSERT_EQ(qt_sim_phy_fw[1] << 8 | qt_sim_phy_fw[2], 0x0100);
	QT_ASSERT(memcmp(&qt_sim_phy_fw[3], "QT2025SM", 8) == 0, "no ID block");
	QT_ASSERT_EQ(qt_sim_phy_fw[0x100], 0x75);
	QT_ASSERT(memcmp(&qt_sim_phy_fw[11], qt_sim_phy_fw_version, 4) == 0, "version");
	QT_ASSERT_EQ(qt_sim_phy_fw_version[1], 1);
	for (i = 0; i < qt_sim_phy_fw_len; i++)
		nz += qt_sim_phy_fw[i] != 0;
	QT_ASSERT(nz > qt_sim_phy_fw_len / 2, "%zu non-zero bytes", nz);
	QT_ASSERT_EQ(qt_sim_nic_fw_len, 2600 * 16 + 2 * 120 + 16);
	QT_ASSERT_EQ(qt_sim_nic_fw[0] | qt_sim_nic_fw[2] << 16, 0x000F0002);
	QT_ASSERT_EQ(qt_sim_nic_fw[7], 0x40);                   /* word1 bit 30 */
	QT_ASSERT_EQ(qt_sim_nic_fw[qt_sim_nic_fw_len - 9], 0x80); /* FINISH bit 31 */
	return 0;
}
