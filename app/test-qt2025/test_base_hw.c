/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * base_hw: TN40xx MAC functions of base/tn40_hw.c against the device model, and SHA-256.
 */

#include "test_base.h"
#include "qt_sha256.h"

static struct tb_rig rig;
static uint8_t *dma_buf;

QT_TEST(base_hw, pll_reset_and_mac)
{
	uint8_t mac[6] = { 0 };
	uint64_t t0;

	QT_CHECK(tb_start(&rig));
	t0 = tb_now(&rig);
	QT_ASSERT_EQ(tn40_pll_reset(&rig.hw), 0);
	QT_ASSERT(tb_now(&rig) - t0 < 700 * QT_NS_PER_MS, "lock took %" PRIu64 " ns",
		  tb_now(&rig) - t0);
	QT_ASSERT_EQ(qt_sim_rd32(rig.sim, 0x5000) & 0x301, 0x300);
	tn40_read_mac(&rig.hw, mac);
	QT_ASSERT_EQ(memcmp(mac, tb_mac, 6), 0);
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_hw, speed_10g_links_mac)
{
	QT_CHECK(tb_start(&rig));
	QT_ASSERT_EQ(tn40_pll_reset(&rig.hw), 0);
	QT_CHECK(tb_phy_up(&rig));
	QT_ASSERT(!tn40_mac_link(&rig.hw), "MAC link before speed setting");
	QT_ASSERT_EQ(tn40_set_speed(&rig.hw, 10000), 0);
	qt_sim_sleep_ns(rig.sim, 100 * QT_NS_PER_MS);
	QT_ASSERT(tb_obs(&rig).mac_link, "model MAC link down after speed(10000)");
	QT_ASSERT(tn40_mac_link(&rig.hw), "MAC_LNK_STAT bit 2 clear");

	QT_ASSERT_EQ(tn40_set_speed(&rig.hw, 0), 0);
	qt_sim_sleep_ns(rig.sim, 100 * QT_NS_PER_MS);
	QT_ASSERT(!tb_obs(&rig).mac_link, "model MAC link up after speed(0)");
	QT_ASSERT(!tn40_mac_link(&rig.hw), "MAC_LNK_STAT bit 2 set after speed(0)");

	QT_ASSERT_EQ(tn40_set_speed(&rig.hw, 1234), -EINVAL);
	QT_ASSERT_EQ(tn40_set_speed(&rig.hw, 100), -EINVAL);
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_hw, speed_1g_for_1g_module)
{
	tb_config(&rig);
	rig.cfg.module = QT_SIM_MODULE_1G_SX;
	QT_CHECK(tb_create(&rig));
	QT_CHECK(tb_phy_up(&rig));
	QT_ASSERT_EQ(tn40_set_speed(&rig.hw, 1000), 0);
	qt_sim_sleep_ns(rig.sim, 100 * QT_NS_PER_MS);
	QT_ASSERT(tb_obs(&rig).mac_link, "model MAC link down after speed(1000)");
	QT_ASSERT(tn40_mac_link(&rig.hw), "MAC_LNK_STAT bit 2 clear");
	qt_sim_destroy(rig.sim);
	return 0;
}

QT_TEST(base_hw, link_change_interrupt)
{
	uint64_t irqs;

	QT_CHECK(tb_start(&rig));
	QT_CHECK(tb_phy_up(&rig));
	tn40_gpio_init(&rig.hw);
	(void)tn40_irq_ack(&rig.hw);
	tn40_irq_mask_set(&rig.hw, TN40_IRQ_LNKCHG0);
	irqs = tb_obs(&rig).irq_count;
	QT_ASSERT_EQ(tn40_set_speed(&rig.hw, 10000), 0);
	qt_sim_sleep_ns(rig.sim, 100 * QT_NS_PER_MS);
	QT_ASSERT(tb_obs(&rig).mac_link, "no MAC link");
	QT_ASSERT_EQ(tn40_irq_ack(&rig.hw), TN40_IRQ_LNKCHG0);
	QT_ASSERT(tb_obs(&rig).irq_count > irqs, "no interrupt asserted");
	QT_ASSERT_EQ(tn40_irq_ack(&rig.hw), 0);
	tn40_irq_mask_set(&rig.hw, 0);
	qt_sim_destroy(rig.sim);
	return 0;
}

static void *
test_dma_map(void *arg, uint64_t iova, size_t len)
{
	uintptr_t base = (uintptr_t)arg;

	(void)arg;
	if (iova < base || iova + len > base + TN40_FW_DMA_LEN)
		return NULL;
	return (void *)(uintptr_t)iova;
}

static int
nic_rig(struct tn40_dma *dma)
{
	dma_buf = aligned_alloc(4096, TN40_FW_DMA_LEN);
	QT_ASSERT(dma_buf != NULL, "no memory");
	memset(dma_buf, 0, TN40_FW_DMA_LEN);
	tb_config(&rig);
	rig.cfg.dma_map = test_dma_map;
	rig.cfg.dma_arg = dma_buf;
	QT_CHECK(tb_create(&rig));
	QT_ASSERT_EQ(tn40_pll_reset(&rig.hw), 0);
	dma->va = dma_buf;
	dma->iova = (uintptr_t)dma_buf;
	dma->len = TN40_FW_DMA_LEN;
	return 0;
}

static size_t
count_wptr_pushes(void)
{
	static struct qt_sim_trace_entry tr[4096];
	size_t n, i, k = 0;

	n = qt_sim_trace_get(rig.sim, tr, RTE_DIM(tr));
	for (i = 0; i < n; i++)
		if (tr[i].kind == QT_SIM_TR_WR32 && tr[i].off == 0x4080 && tr[i].val != 0)
			k++;
	return k;
}

QT_TEST(base_hw, nic_fw_load)
{
	struct tn40_dma dma;

	QT_CHECK(nic_rig(&dma));
	QT_ASSERT(!tn40_nic_fw_loaded(&rig.hw), "INIT_STATUS set before the load");
	qt_sim_trace_enable(rig.sim, true, true);
	QT_ASSERT_EQ(tn40_nic_fw_load(&rig.hw, qt_sim_nic_fw, qt_sim_nic_fw_len, &dma), 0);
	QT_ASSERT_EQ(tb_obs(&rig).nic_init_status, 1);
	QT_ASSERT(tn40_nic_fw_loaded(&rig.hw), "INIT_STATUS clear");
	/* the image needs more than one chunk when it is larger than the ring */
	if (qt_sim_nic_fw_len > 32768 - 8)
		QT_ASSERT(count_wptr_pushes() >= 2, "one chunk only");
	else
		QT_ASSERT(count_wptr_pushes() >= 1, "nothing pushed");

	/* again: INIT_STATUS is set, nothing may be pushed; the semaphore was released */
	qt_sim_trace_clear(rig.sim);
	QT_ASSERT_EQ(tn40_nic_fw_load(&rig.hw, qt_sim_nic_fw, qt_sim_nic_fw_len, &dma), 0);
	QT_ASSERT_EQ(count_wptr_pushes(), 0);
	QT_ASSERT_EQ(qt_sim_rd32(rig.sim, 0x4080), 0);
	QT_ASSERT_NE(qt_sim_rd32(rig.sim, 0x5170), 0);
	qt_sim_destroy(rig.sim);
	free(dma_buf);
	return 0;
}

QT_TEST(base_hw, nic_fw_corrupt_stream)
{
	struct tn40_dma dma;
	uint8_t *bad;
	uint64_t t0;

	QT_CHECK(nic_rig(&dma));
	bad = malloc(qt_sim_nic_fw_len);
	QT_ASSERT(bad != NULL, "no memory");
	memcpy(bad, qt_sim_nic_fw, qt_sim_nic_fw_len);
	/* word 0 of the first descriptor: not an init descriptor any more */
	bad[0] ^= 0xFF;
	bad[2] ^= 0x0F;
	t0 = tb_now(&rig);
	QT_ASSERT_EQ(tn40_nic_fw_load(&rig.hw, bad, qt_sim_nic_fw_len, &dma), -ETIMEDOUT);
	QT_ASSERT(tb_now(&rig) - t0 < 1000 * QT_NS_PER_MS, "took %" PRIu64 " ns",
		  tb_now(&rig) - t0);
	QT_ASSERT_EQ(tb_obs(&rig).nic_init_status, 0);
	/* the semaphore is released on failure too */
	QT_ASSERT_NE(qt_sim_rd32(rig.sim, 0x5170), 0);
	free(bad);
	qt_sim_destroy(rig.sim);
	free(dma_buf);
	return 0;
}

QT_TEST(base_hw, nic_fw_bad_arguments)
{
	struct tn40_dma dma, d;

	QT_CHECK(nic_rig(&dma));
	d = dma;
	d.va = NULL;
	QT_ASSERT_EQ(tn40_nic_fw_load(&rig.hw, qt_sim_nic_fw, qt_sim_nic_fw_len, &d), -EINVAL);
	d = dma;
	d.iova += 8;
	QT_ASSERT_EQ(tn40_nic_fw_load(&rig.hw, qt_sim_nic_fw, qt_sim_nic_fw_len, &d), -EINVAL);
	d = dma;
	d.len = TN40_FW_DMA_LEN - 1;
	QT_ASSERT_EQ(tn40_nic_fw_load(&rig.hw, qt_sim_nic_fw, qt_sim_nic_fw_len, &d), -EINVAL);
	QT_ASSERT_EQ(tn40_nic_fw_load(&rig.hw, qt_sim_nic_fw, qt_sim_nic_fw_len, NULL), -EINVAL);
	QT_ASSERT_EQ(tn40_nic_fw_load(&rig.hw, qt_sim_nic_fw, qt_sim_nic_fw_len - 4, &dma),
		     -EINVAL);
	QT_ASSERT_EQ(tn40_nic_fw_load(&rig.hw, qt_sim_nic_fw, 0, &dma), -EINVAL);
	QT_ASSERT_EQ(tn40_nic_fw_load(&rig.hw, NULL, 64, &dma), -EINVAL);
	QT_ASSERT_EQ(tb_obs(&rig).nic_init_status, 0);
	/* nothing was touched: the semaphore is still free for the real load */
	QT_ASSERT_EQ(tn40_nic_fw_load(&rig.hw, qt_sim_nic_fw, qt_sim_nic_fw_len, &dma), 0);
	QT_ASSERT_EQ(tb_obs(&rig).nic_init_status, 1);
	qt_sim_destroy(rig.sim);
	free(dma_buf);
	return 0;
}

static int
sha_hex_eq(const void *data, size_t len, const char *hex)
{
	uint8_t d[QT_SHA256_LEN];
	char s[2 * QT_SHA256_LEN + 1];
	int i;

	qt_sha256(data, len, d);
	for (i = 0; i < QT_SHA256_LEN; i++)
		snprintf(&s[2 * i], 3, "%02x", d[i]);
	if (strcmp(s, hex) != 0)
		QT_FAIL("sha256 of %zu bytes is %s, expected %s", len, s, hex);
	return 0;
}

/* FIPS 180-4 examples (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf") */
QT_TEST(base_hw, sha256_vectors)
{
	static const char m448[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	static const char m896[] = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
		"hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
	uint8_t *a;

	QT_CHECK(sha_hex_eq("abc", 3,
		"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
	QT_CHECK(sha_hex_eq("", 0,
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
	QT_CHECK(sha_hex_eq(m448, 56,
		"248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
	QT_CHECK(sha_hex_eq(m896, 112,
		"cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"));
	a = malloc(1000000);
	QT_ASSERT(a != NULL, "no memory");
	memset(a, 'a', 1000000);
	QT_CHECK(sha_hex_eq(a, 1000000,
		"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
	/* padding boundaries: 55, 56, 63 and 64 bytes */
	QT_CHECK(sha_hex_eq(a, 55,
		"9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"));
	QT_CHECK(sha_hex_eq(a, 56,
		"b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"));
	QT_CHECK(sha_hex_eq(a, 63,
		"7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"));
	QT_CHECK(sha_hex_eq(a, 64,
		"ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"));
	free(a);
	return 0;
}

QT_TEST(base_hw, sha256_model_image)
{
	uint8_t d[QT_SHA256_LEN];

	qt_sha256(qt_sim_phy_fw, qt_sim_phy_fw_len, d);
	QT_ASSERT_EQ(memcmp(d, qt_sim_phy_fw_sha256, QT_SHA256_LEN), 0);
	return 0;
}
