/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The PHY and NIC bring-up the PHY control thread runs at probe and after a firmware
 * crash, in Linux's order (hardware.md 6.4): the MDIO clock at 6 MHz (tn40_mdiobus_init),
 * the QT2025 probe (qt2025.rs probe: identify, configure, download, run from SRAM), then
 * tn40_priv_init (MAC speed 0, GPIO, MDIO back to 1 MHz, NIC firmware), then the wait for
 * the PHY firmware. The steps are base/'s; this file is the order, the time-outs, the step
 * times and the one log line a failure gets.
 */

#include <rte_memzone.h>

#include "qt_phy_errata.h"
#include "qt2025_link.h"
#include "qt2025_fw.h"
#include "qt2025_devargs.h"
#include "qt2025_intr.h"
#include "qt2025_trace.h"
#include "tn40_hw.h"
#include "tn40_mdio.h"
#include "tn40_port.h"

/*
 * The ready wait (hardware.md 8.3 step 15) polls 3.D7FD every 2 ms where qt2025.rs probe
 * (read_poll_timeout, 50 ms, 3 s) and the vendor's QT2025_mdio_reset (60 x 50 ms) poll
 * every 50 ms: the same read and the same 3 s limit; a poll is two 10 us frames on a bus
 * that is otherwise idle, and the 50 ms period would add up to 50 ms to every cold start.
 */
#define FW_READY_STEP_MS 2

/*
 * The MAC is configured for the module's speed as soon as the PHY runs and stays so while
 * the link is down, as the vendor does (QT2025_mdio_reset ends with bdx_speed_set, and
 * bdx_link_changed only resets it): the MAC's own link bit (MAC_LNK_STAT, hardware.md 3.4)
 * is what raises LNKCHG0 when the link comes back. Linux sets it in tn40_link_up and
 * clears it in tn40_link_down because phylink, not the MAC, tells it the link state.
 */
void
qt2025_configure_mac(struct qt2025_link_ctx *ctx, uint8_t module)
{
	uint32_t want = qt_phy_module_speed(module);

	if (ctx->mac_speed != want && tn40_set_speed(ctx->hw, want) == 0)
		ctx->mac_speed = want;
}

/* The time of a bring-up step, in us since the probe (telemetry, private dump, report). */
static void
step(struct qt2025_link_ctx *ctx, enum qt2025_step s)
{
	struct qt2025_adapter *ad = qt2025_adapter(ctx->dev);

	rte_atomic_store_explicit(&ad->step_us[s],
				  (uint32_t)((qt_now_ns(ctx->hw) - ad->probe_ns) / 1000) + 1,
				  rte_memory_order_relaxed);
}

/* One line, one reason: the reason is the step that failed, the log adds base/'s detail. */
static int
fail(struct qt2025_link_ctx *ctx, const char *reason, int rc)
{
	struct qt2025_adapter *ad = qt2025_adapter(ctx->dev);

	if (rc == -EINTR)
		return rc;
	qt2025_pub_fw(ad, NULL, -1, reason);
	qt2025_pub_state(ad, QT2025_ST_FAILED);
	QT_PHY_LOG(ERR, ad, "PHY bring-up failed: %s (%s); the port has no link", reason,
		   ctx->hw->why[0] != '\0' ? ctx->hw->why : strerror(-rc));
	return rc;
}

/* The NIC firmware needs DMA memory only while it is pushed (hardware.md 4.8, 6.4 step 10). */
static int
load_nic_fw(struct qt2025_link_ctx *ctx)
{
	struct qt2025_proc *proc = qt2025_proc(ctx->dev);
	const struct rte_memzone *mz;
	struct tn40_dma dma;
	char name[RTE_MEMZONE_NAMESIZE];
	int rc;

	if (tn40_nic_fw_loaded(ctx->hw))
		return 0;
	snprintf(name, sizeof(name), "qt2025_nicfw_%u", ctx->dev->data->port_id);
	mz = rte_memzone_reserve_aligned(name, TN40_FW_DMA_LEN, ctx->dev->data->numa_node,
					 RTE_MEMZONE_IOVA_CONTIG, 4096);
	if (mz == NULL) {
		qt_hw_why(ctx->hw, "no %d bytes of IOVA-contiguous memory", TN40_FW_DMA_LEN);
		return -ENOMEM;
	}
	dma.va = mz->addr;
	dma.iova = mz->iova;
	dma.len = mz->len;
	rc = tn40_nic_fw_load(ctx->hw, proc->nic_fw.data, proc->nic_fw.len, &dma);
	rte_memzone_free(mz);
	return rc;
}

/* The TXD FIFO is free for the rings (dev_start waits for this). */
static int
nic_fw_settled(struct qt2025_link_ctx *ctx, int rc)
{
	struct qt2025_adapter *ad = qt2025_adapter(ctx->dev);

	/* read once here, where it is known to run: fw_version_get reads no register */
	if (rc == 0)
		rte_atomic_store_explicit(&ad->nic_fw_ver, tn40_fw_version(ctx->hw),
					  rte_memory_order_relaxed);
	rte_atomic_store_explicit(&ad->nic_fw_done, 1, rte_memory_order_release);
	return rc;
}

static bool
same_firmware(const struct qt2025_fw *img, const struct qt_phy_fw_state *fs)
{
	return qt_phy_fw_status_running(fs->status) && img->version_known &&
	       memcmp(img->version, fs->version, sizeof(fs->version)) == 0;
}

/*
 * A PHY that already runs the firmware this port would load needs no download and no
 * clock change before the link is up. Linux writes the 6 MHz clock and sleeps 100 ms
 * (tn40_mdio_set_speed in tn40_mdiobus_init) before its first PHY read; this look comes
 * before any clock write, at the clock the controller has: the 1 MHz setting that reset
 * and every run of this driver and of Linux leave (tn40_priv_init), at which the vendor
 * (bdx_mdio_look_for_phy) and Linux before its TN9510 change scanned the bus without a
 * clock write or a settle. The 100 ms would be most of a warm start (hardware.md 5).
 * Quiet: failing here only means the cold path, which writes the clock and settles first.
 */
static bool
warm_check(struct qt2025_link_ctx *ctx, const struct qt2025_fw *img, struct qt_phy_fw_state *fs)
{
	return img->version_known && qt_phy_find(ctx->hw, NULL) == 0 &&
	       qt_phy_read_fw_state(ctx->hw, fs) == 0 && same_firmware(img, fs);
}

/*
 * tn40.c tn40_priv_init, after the PHY probe: MAC speed 0 (hardware.md 6.3), GPIO[9:0]
 * outputs (3.12), MDIO_CMD_STAT = 0x3EC8 (1 MHz, section 5), the NIC firmware (4.8). The
 * 1 MHz clock's settle is over before the next MDIO frame: tn40_nic_fw_load sleeps 100 ms
 * after its push, as tn40_fw_load does. A warm start (clock false) keeps the clock it found
 * until the link is up (qt2025_link.c).
 */
static int
nic_init(struct qt2025_link_ctx *ctx, bool clock)
{
	struct qt2025_adapter *ad = qt2025_adapter(ctx->dev);
	int rc = 0;

	qt2025_pub_state(ad, QT2025_ST_NIC_FW);
	step(ctx, QT2025_STEP_NIC_INIT);
	tn40_set_speed(ctx->hw, 0);
	ctx->mac_speed = 0;
	tn40_gpio_init(ctx->hw);
	if (clock)
		rc = tn40_mdio_set_clock(ctx->hw, TN40_MDIO_CLK_1MHZ);
	rc = nic_fw_settled(ctx, rc != 0 ? rc : load_nic_fw(ctx));
	step(ctx, QT2025_STEP_NIC_FW_DONE);
	return rc != 0 ? fail(ctx, "NIC firmware load failed", rc) : 0;
}

/* The PHY runs what we would load (design.md "Firmware"): only the NIC may need its own. */
static int
skip_download(struct qt2025_link_ctx *ctx, const struct qt_phy_fw_state *fs, bool clock)
{
	struct qt2025_adapter *ad = qt2025_adapter(ctx->dev);

	QT_PHY_LOG(INFO, ad, "PHY already runs firmware %u.%u.%u.%u: download skipped",
		   fs->version[0], fs->version[1], fs->version[2], fs->version[3]);
	rte_atomic_store_explicit(&ad->cnt.fw_load_us, 0, rte_memory_order_relaxed);
	return nic_init(ctx, clock);
}

/* hardware.md 6.4 steps 5 and 10: tn40_mdiobus_init (6 MHz, the QT2025 probe of 8.3),
 * then tn40_priv_init.
 */
static int
cold_start(struct qt2025_link_ctx *ctx, bool may_skip, struct qt_phy_fw_state *fs)
{
	struct qt2025_adapter *ad = qt2025_adapter(ctx->dev);
	struct qt2025_proc *proc = qt2025_proc(ctx->dev);
	bool restarted;
	uint64_t t0;
	int rc;

	/* tn40_mdio_set_speed(6 MHz): its 100 ms settle is waited by the first frame */
	qt2025_pub_state(ad, QT2025_ST_IDENTIFY);
	rc = tn40_mdio_set_clock(ctx->hw, TN40_MDIO_CLK_6MHZ);
	step(ctx, QT2025_STEP_CLOCK_6M);
	if (rc == 0)
		rc = qt_phy_identify(ctx->hw);
	if (rc != 0)
		return fail(ctx, rc == -ENODEV ? "no QT2025 answers on MDIO" :
			    rc == -ENOTSUP ? "QT2025 of an unsupported revision" :
			    "MDIO failed while looking for the PHY", rc);
	step(ctx, QT2025_STEP_PHY_FOUND);
	/* reads only: the firmware a previous run left (design.md "Firmware") */
	rc = qt_phy_read_fw_state(ctx->hw, fs);
	if (rc != 0)
		return fail(ctx, "MDIO failed reading the PHY firmware state", rc);
	if (may_skip && same_firmware(&proc->phy_fw, fs))
		return skip_download(ctx, fs, true);

	qt2025_pub_state(ad, QT2025_ST_FW_LOAD);
	t0 = qt_now_ns(ctx->hw);
	rc = qt2025_download_shared(ctx->hw, proc->phy_fw.data, proc->phy_fw.len);
	if (rc != 0)
		return fail(ctx, "PHY firmware download failed", rc);
	step(ctx, QT2025_STEP_PHY_BOOT);
	rte_atomic_store_explicit(&ad->cnt.fw_load_us, (qt_now_ns(ctx->hw) - t0) / 1000,
				  rte_memory_order_relaxed);
	rte_atomic_fetch_add_explicit(&ad->cnt.fw_loads, 1, rte_memory_order_relaxed);
	/*
	 * tn40_priv_init while the 8051 boots (200 ms on the model, hardware.md 12.5), as Linux
	 * 6.12 to 6.18 ran it: their qt2025.rs probe ended with step 14 ("TODO: sleep here until
	 * the hw becomes ready", hardware.md 8.6 item 3). The ready wait mainline added later
	 * comes after it here, at 1 MHz: none of tn40_priv_init's steps touches the PHY, and the
	 * NIC firmware's 100 ms then costs no time of its own.
	 */
	rc = nic_init(ctx, true);
	if (rc != 0)
		return rc;
	qt2025_pub_state(ad, QT2025_ST_FW_WAIT);
	/* with the QT2025C erratum 17689 recovery (hardware.md 8.7; qt_phy_errata.h) */
	rc = qt_phy_errata_wait_ready(ctx->hw, FW_READY_STEP_MS, QT2025_FW_READY_MS, &restarted);
	if (restarted)
		QT_PHY_LOG(NOTICE, ad, "PHY status stuck at 0x00 with the heartbeat running: "
			   "restarted from RAM (hardware.md 8.7)");
	/* the vendor's step 16: version and module, still at 6 MHz */
	if (rc == 0)
		rc = qt_phy_read_fw_state(ctx->hw, fs);
	if (rc != 0)
		return fail(ctx, rc == -ETIMEDOUT ? "PHY firmware did not start within 3 s" :
			    "MDIO failed while waiting for the PHY firmware", rc);
	step(ctx, QT2025_STEP_PHY_READY);
	QT_PHY_LOG(INFO, ad, "PHY firmware %u.%u.%u.%u running, downloaded in %" PRIu64 " ms",
		   fs->version[0], fs->version[1], fs->version[2], fs->version[3],
		   rte_atomic_load_explicit(&ad->cnt.fw_load_us, rte_memory_order_relaxed) / 1000);
	return 0;
}

static int
bringup(struct qt2025_link_ctx *ctx, bool after_crash, struct qt_phy_fw_state *fs)
{
	struct qt2025_adapter *ad = qt2025_adapter(ctx->dev);
	struct qt2025_proc *proc = qt2025_proc(ctx->dev);
	bool may_skip = !after_crash && !ad->args.fw_force;
	unsigned int s;
	int rc;

	for (s = 0; s < QT2025_STEP_MAX; s++)
		rte_atomic_store_explicit(&ad->step_us[s], 0, rte_memory_order_relaxed);

	qt2025_pub_state(ad, QT2025_ST_IDENTIFY);
	if (may_skip && warm_check(ctx, &proc->phy_fw, fs)) {
		ctx->clock_pending = true;
		rc = skip_download(ctx, fs, false);
	} else {
		qt_hw_why(ctx->hw, "%s", "");  /* the warm check's misses are no failure */
		rc = cold_start(ctx, may_skip, fs);
	}
	if (rc != 0)
		return rc;
	qt2025_pub_fw(ad, fs, ctx->hw->phy.addr, "");
	qt2025_configure_mac(ctx, fs->module);
	ctx->running_ns = qt_now_ns(ctx->hw);
	step(ctx, QT2025_STEP_RUNNING);
	qt2025_pub_state(ad, QT2025_ST_RUNNING);
	if (qt2025_proc(ctx->dev)->intr_on)
		qt2025_imr_update(ctx->dev, TN40_IRQ_LNKCHG0, 0);
	QT_PHY_LOG(NOTICE, ad, "PHY up %.1f ms after probe, module %s",
		   (ctx->running_ns - ad->probe_ns) / 1e6, qt2025_module_name(fs->module));
	return 0;
}

int
qt2025_bringup(struct qt2025_link_ctx *ctx, bool after_crash, struct qt_phy_fw_state *fs)
{
	int rc = bringup(ctx, after_crash, fs);

	qt2025_trace_bringup_done(ctx->dev);
	return rc;
}
