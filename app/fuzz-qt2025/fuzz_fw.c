/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Firmware images, end to end: the fuzzer's bytes become the phy_fw= and nic_fw= files
 * (memfds, opened by path as the driver opens any file), qt2025_fw_load reads and checks
 * them (size, LJMP, init-descriptor stream, sha256 recognition), and an image it accepts
 * goes where a probe sends it: base/'s downloaders into a fresh device model (QT2025 program
 * memory over MDIO for small PHY images, the TXD init stream for the NIC image), whose own
 * checks then parse it. Input: flags, u16 PHY length, PHY bytes, NIC bytes.
 */

#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "qt2025_fw.h"
#include "qt_phy.h"
#include "qt2025_sim.h"
#include "tn40_hw.h"
#include "tn40_mdio.h"

#define PHY_SIM_MAX     2048    /* larger images: loader checks only (MDIO time) */
#define DMA_IOVA        0x40000000ull

static struct qt2025_adapter ad;
static struct qt2025_proc proc;
static uint8_t *dma_mem;

static int
memfd_with(const uint8_t *b, size_t len, char *path, size_t plen)
{
	int fd = memfd_create("qt2025_fuzz_fw", MFD_CLOEXEC);

	FZ_CHECK(fd >= 0, "memfd_create");
	FZ_CHECK(len == 0 || write(fd, b, len) == (ssize_t)len, "write");
	snprintf(path, plen, "/proc/self/fd/%d", fd);
	return fd;
}

static void *
dma_map(void *arg __rte_unused, uint64_t iova, size_t len)
{
	if (iova < DMA_IOVA || len > TN40_FW_DMA_LEN || iova - DMA_IOVA > TN40_FW_DMA_LEN - len)
		return NULL;
	return dma_mem + (iova - DMA_IOVA);
}

static struct qt_sim *
card(struct qt_sim_fake_clock *fc, struct qt_hw *hw)
{
	struct qt_sim_config cfg;
	struct qt_sim *sim;

	memset(&cfg, 0, sizeof(cfg));
	qt_sim_fake_clock_init(fc);
	cfg.clock = &fc->clock;
	cfg.module = QT_SIM_MODULE_SR;
	cfg.timing = QT_SIM_TIMING_FAST;
	cfg.phy_addr = 1;
	cfg.dma_map = dma_map;
	sim = qt_sim_create(&cfg);
	FZ_CHECK(sim != NULL, "qt_sim_create");
	qt2025_sim_hw_init(hw, "fuzz_fw", sim);
	FZ_CHECK(tn40_pll_reset(hw) == 0, "PLL reset: %s", hw->why);
	return sim;
}

static void
phy_to_model(const struct qt2025_fw *fw)
{
	struct qt_sim_fake_clock fc;
	struct qt_sim_obs o;
	struct qt_hw hw;
	struct qt_sim *sim = card(&fc, &hw);

	hw.phy.addr = -1;
	tn40_mdio_set_clock(&hw, TN40_MDIO_CLK_6MHZ);
	if (qt_phy_download(&hw, fw->data, fw->len) == 0)
		qt_sim_sleep_ns(sim, 500000000ull);     /* the 8051 boots, or says why not */
	qt_sim_observe(sim, &o);        /* the model's view, taken whole */
	qt_sim_destroy(sim);
}

static void
nic_to_model(const struct qt2025_fw *fw)
{
	const struct tn40_dma dma = { dma_mem, DMA_IOVA, TN40_FW_DMA_LEN };
	struct qt_sim_fake_clock fc;
	struct qt_hw hw;
	struct qt_sim *sim = card(&fc, &hw);
	int rc;

	rc = tn40_nic_fw_load(&hw, fw->data, fw->len, &dma);
	FZ_CHECK(rc == 0 || rc == -ETIMEDOUT, "tn40_nic_fw_load: %d (%s)", rc, hw.why);
	qt_sim_destroy(sim);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz_in in = { data, size };
	uint8_t flags = fz_u8(&in), *phy;
	size_t phy_len = fz_u16(&in), nic_len;
	int fd_phy, fd_nic, rc;

	fz_quiet_logs();
	if (dma_mem == NULL)
		dma_mem = malloc(TN40_FW_DMA_LEN);
	FZ_CHECK(dma_mem != NULL, "out of memory");
	phy_len = RTE_MIN(phy_len, in.n);
	phy = malloc(phy_len + 1);
	FZ_CHECK(phy != NULL, "out of memory");
	fz_bytes(&in, phy, phy_len);
	nic_len = in.n;
	memset(&ad, 0, sizeof(ad));
	snprintf(ad.name, sizeof(ad.name), "fuzz_fw");
	fd_phy = memfd_with(phy, phy_len, ad.args.phy_fw, sizeof(ad.args.phy_fw));
	fd_nic = memfd_with(in.p, nic_len, ad.args.nic_fw, sizeof(ad.args.nic_fw));

	rc = qt2025_fw_load(&ad, &proc, NULL);
	if (rc == 0) {
		FZ_CHECK(proc.phy_fw.len == phy_len && memcmp(proc.phy_fw.data, phy, phy_len) == 0,
			 "PHY image of %zu bytes read as %zu", phy_len, proc.phy_fw.len);
		FZ_CHECK(proc.nic_fw.len == nic_len &&
			 memcmp(proc.nic_fw.data, in.p, nic_len) == 0,
			 "NIC image of %zu bytes read as %zu", nic_len, proc.nic_fw.len);
		FZ_CHECK(phy_len >= 3 && phy_len <= QT2025_FW_MAX_LEN && phy[0] == 0x02,
			 "PHY image of %zu bytes accepted", phy_len);
		FZ_CHECK(nic_len >= 16 && nic_len % 8 == 0 && nic_len <= QT2025_NIC_FW_MAX,
			 "NIC image of %zu bytes accepted", nic_len);
		if ((flags & 1) && phy_len <= PHY_SIM_MAX)
			phy_to_model(&proc.phy_fw);
		if (flags & 2)
			nic_to_model(&proc.nic_fw);
	} else {
		FZ_CHECK(proc.phy_fw.data == NULL && proc.nic_fw.data == NULL,
			 "refused (%d), yet an image kept", rc);
	}
	qt2025_fw_free(&proc);
	close(fd_phy);
	close(fd_nic);
	free(phy);
	return 0;
}
