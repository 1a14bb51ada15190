/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The datapath half of the model suites' BAR-level client (test_sim_client.h): DMA memory,
 * the four FIFOs of queue 0 driven as hardware.md describes them (hardware.md 3.1, 4.2-4.6), the
 * SW reset and hw_start sequences (hardware.md 6.2, 6.5) and frame builders. Written from the note
 * alone, like the rest of the client: never from base/ or the model's sources.
 */

#include <stdlib.h>
#include <string.h>

#include "qt_test.h"
#include "test_sim_client.h"

#define ARENA_RINGS	0x20000u        /* 4 rings of up to 32 KiB, 4 KiB aligned */
#define ARENA_LEN	(ARENA_RINGS + SIMC_RX_BUFS * SIMC_RX_BUF + SIMC_TX_AREA)

static void
put32(uint8_t *b, uint32_t v)
{
	b[0] = (uint8_t)v;
	b[1] = (uint8_t)(v >> 8);
	b[2] = (uint8_t)(v >> 16);
	b[3] = (uint8_t)(v >> 24);
}

static uint32_t
get32(const uint8_t *b)
{
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	       (uint32_t)b[3] << 24;
}

static void
ring_write(struct simc_ring *r, uint32_t pos, const uint8_t *src, uint32_t len)
{
	uint32_t i;

	for (i = 0; i < len; i++)
		r->mem[(pos + i) % r->size] = src[i];
}

static void
ring_read(const struct simc_ring *r, uint32_t pos, uint8_t *dst, uint32_t len)
{
	uint32_t i;

	for (i = 0; i < len; i++)
		dst[i] = r->mem[(pos + i) % r->size];
}

void *
simc_dma_map(void *arg, uint64_t iova, size_t len)
{
	struct simc_nic *n = arg;

	if (n->arena == NULL || iova < SIMC_ARENA_IOVA ||
	    iova + len > SIMC_ARENA_IOVA + n->arena_len)
		return NULL;
	return n->arena + (iova - SIMC_ARENA_IOVA);
}

void
simc_nic_config(struct qt_sim_config *cfg, struct simc_nic *n, struct qt_sim_fake_clock *fc,
		const char *wire)
{
	simc_config(cfg, fc, wire, QT_SIM_MODULE_SR, QT_SIM_TIMING_FAST);
	cfg->dma_map = simc_dma_map;
	cfg->dma_arg = n;
}

uint64_t
simc_stat(struct qt_sim *sim, uint32_t off)
{
	return (uint64_t)qt_sim_rd32(sim, off + 8) << 32 | qt_sim_rd32(sim, off);
}

void
simc_rings_cfg(struct simc_nic *n, unsigned int code)
{
	struct simc_ring *r[4] = { &n->txd, &n->rxf, &n->rxd, &n->txf };   /* 3.1 order */
	unsigned int i;

	for (i = 0; i < 4; i++) {
		r[i]->mem = n->arena + i * 0x8000u;
		r[i]->iova = SIMC_ARENA_IOVA + i * 0x8000u;
		r[i]->size = 4096u << code;
		r[i]->pos = 0;
		r[i]->cfg1 = 0x4000 + i * 0x10;
		qt_sim_wr32(n->sim, r[i]->cfg1 + 0x40, (uint32_t)r[i]->iova | code);
		qt_sim_wr32(n->sim, r[i]->cfg1, (uint32_t)(r[i]->iova >> 32));
	}
}

void
simc_sw_reset(struct qt_sim *sim)
{
	uint32_t off;
	int i;

	qt_sim_wr32(sim, R_GMAC_RXF_A, 0);
	qt_sim_sleep_ns(sim, 100 * MS);
	qt_sim_wr32(sim, R_DIS_PORT, 1);
	qt_sim_wr32(sim, R_DIS_QU, 1);
	for (i = 0; i < 50 && !(qt_sim_rd32(sim, R_RST_PORT) & 1); i++)
		qt_sim_sleep_ns(sim, 10 * MS);
	qt_sim_wr32(sim, 0x5120, 0);    /* RDINTCM0 */
	qt_sim_wr32(sim, 0x5130, 0);    /* TDINTCM0 */
	qt_sim_wr32(sim, R_IMR, 0);
	(void)qt_sim_rd32(sim, R_ISR);
	qt_sim_wr32(sim, R_RST_QU, 1);
	qt_sim_wr32(sim, R_RST_PORT, 1);
	for (off = 0x4080; off <= 0x40F0; off += 0x10)
		qt_sim_wr32(sim, off, 0);
	qt_sim_wr32(sim, R_DIS_PORT, 0);
	qt_sim_wr32(sim, R_DIS_QU, 0);
	qt_sim_wr32(sim, R_RST_QU, 0);
	qt_sim_wr32(sim, R_RST_PORT, 0);
}

void
simc_hw_start(struct simc_nic *n)
{
	struct qt_sim *s = n->sim;
	const uint8_t *m = simc_mac;
	uint32_t off;

	qt_sim_wr32(s, 0x6014, 0x3FE0);                 /* FRM_LENGTH */
	qt_sim_wr32(s, R_GMAC_RXF_A, 0x10FD);
	for (off = 0x103C; off <= 0x1048; off += 4)
		qt_sim_wr32(s, off, 0x81644);
	qt_sim_wr32(s, 0x601C, 0x10);
	qt_sim_wr32(s, 0x6020, 0xE00010);
	qt_sim_wr32(s, 0x6024, 0);
	qt_sim_wr32(s, 0x6028, 0);
	qt_sim_wr32(s, 0x2340, 0);                      /* VGLB */
	qt_sim_wr32(s, R_MAX_FRAME_A, (1500 + 18) & 0x3FFF);
	qt_sim_wr32(s, 0x5120, 0x00C48020);
	qt_sim_wr32(s, 0x5128, 0);
	qt_sim_wr32(s, 0x5130, 0x00C08020);
	qt_sim_wr32(s, R_UNC_MAC2, (uint32_t)m[0] << 8 | m[1]);
	qt_sim_wr32(s, R_UNC_MAC1, (uint32_t)m[2] << 8 | m[3]);
	qt_sim_wr32(s, R_UNC_MAC0, (uint32_t)m[4] << 8 | m[5]);
	qt_sim_wr32(s, 0x600C, (uint32_t)m[3] << 24 | m[2] << 16 | m[1] << 8 | m[0]);
	qt_sim_wr32(s, 0x6010, (uint32_t)m[5] << 8 | m[4]);
	qt_sim_wr32(s, 0x12E0, 0x28);
	qt_sim_wr32(s, 0x6054, 0xFFFF);
	qt_sim_wr32(s, 0x6064, 0xF);
	qt_sim_wr32(s, R_GMAC_RXF_A, RXF_HW_START);
	qt_sim_wr32(s, R_IMR, 0x08088CC0);
}

/* 4.8: push the init stream through TXD, chunks of at most free - 8 bytes. */
static int
nic_fw_load(struct simc_nic *n)
{
	const uint8_t *src = qt_sim_nic_fw;
	size_t len = qt_sim_nic_fw_len;
	int i;

	while (len > 0) {
		uint32_t rptr = qt_sim_rd32(n->sim, R_TXD_RPTR) & 0x7FF8;
		uint32_t space = (rptr + n->txd.size - n->txd.pos - 8) % n->txd.size;
		uint32_t c = len < space ? (uint32_t)len : space;

		QT_ASSERT(c > 0, "TXD full during the NIC firmware push");
		ring_write(&n->txd, n->txd.pos, src, c);
		n->txd.pos = (n->txd.pos + c) % n->txd.size;
		qt_sim_wr32(n->sim, R_TXD_WPTR, n->txd.pos);
		src += c;
		len -= c;
	}
	qt_sim_sleep_ns(n->sim, 100 * MS);
	for (i = 0; i < 200 && qt_sim_rd32(n->sim, R_INIT_STATUS) == 0; i++)
		qt_sim_sleep_ns(n->sim, 2 * MS);
	QT_ASSERT(qt_sim_rd32(n->sim, R_INIT_STATUS) != 0, "NIC firmware: %s",
		  simc_obs(n->sim).fail_reason);
	return 0;
}

int
simc_nic_open_nolink(struct simc_nic *n, const struct qt_sim_config *cfg, unsigned int code)
{
	n->arena_len = ARENA_LEN;
	n->arena = calloc(1, ARENA_LEN);
	QT_ASSERT(n->arena != NULL, "calloc");
	n->rx = n->arena + ARENA_RINGS;
	n->rx_iova = SIMC_ARENA_IOVA + ARENA_RINGS;
	n->tx = n->rx + SIMC_RX_BUFS * SIMC_RX_BUF;
	n->tx_iova = n->rx_iova + SIMC_RX_BUFS * SIMC_RX_BUF;
	n->sim = qt_sim_create(cfg);
	QT_ASSERT(n->sim != NULL, "qt_sim_create");
	n->port.sim = n->sim;
	n->port.err = 0;
	simc_pll_reset(n->sim);
	qt_sim_wr32(n->sim, R_MDIO_STAT, MDIO_6MHZ);
	simc_rings_cfg(n, code);
	QT_CHECK(nic_fw_load(n));
	simc_sw_reset(n->sim);
	simc_rings_cfg(n, code);
	simc_hw_start(n);
	return 0;
}

int
simc_nic_link(struct simc_nic *n)
{
	QT_CHECK(simc_phy_boot(&n->port));
	QT_CHECK(simc_mac_speed(n->sim, 10000, true));
	return 0;
}

int
simc_nic_open(struct simc_nic *n, const struct qt_sim_config *cfg, unsigned int code)
{
	QT_CHECK(simc_nic_open_nolink(n, cfg, code));
	return simc_nic_link(n);
}

void
simc_nic_close(struct simc_nic *n)
{
	qt_sim_destroy(n->sim);
	free(n->arena);
	memset(n, 0, sizeof(*n));
}

/* ---- TXD / TXF (hardware.md 4.3, 4.4) ---- */

uint32_t
simc_txd_put(struct simc_nic *n, uint32_t w1, uint16_t mss, uint16_t len, uint32_t va_lo,
	     uint32_t va_hi, const uint64_t *pa, const uint32_t *blen, unsigned int k)
{
	uint8_t d[256] = { 0 };
	uint32_t size = (16 + 12 * k + 7) & ~7u, i;

	put32(d, w1 | size / 8 | 3u << 16);
	put32(d + 4, (uint32_t)mss | (uint32_t)len << 16);
	put32(d + 8, va_lo);
	put32(d + 12, va_hi);
	for (i = 0; i < k; i++) {
		put32(d + 16 + 12 * i, (uint32_t)pa[i]);
		put32(d + 20 + 12 * i, (uint32_t)(pa[i] >> 32));
		put32(d + 24 + 12 * i, blen[i]);
	}
	ring_write(&n->txd, n->txd.pos, d, size);
	n->txd.pos = (n->txd.pos + size) % n->txd.size;
	return size;
}

void
simc_txd_kick(struct simc_nic *n)
{
	qt_sim_wr32(n->sim, R_TXD_WPTR, n->txd.pos);
}

uint32_t
simc_tx(struct simc_nic *n, const void *frame, uint32_t len, uint32_t w1, uint16_t mss,
	unsigned int k, uint32_t cookie)
{
	uint64_t pa[19];
	uint32_t blen[19], i, off = 0, size;

	if (n->tx_off + len > SIMC_TX_AREA)
		n->tx_off = 0;
	memcpy(n->tx + n->tx_off, frame, len);
	for (i = 0; i < k; i++) {
		blen[i] = i + 1 < k ? len / k : len - off;
		pa[i] = n->tx_iova + n->tx_off + off;
		off += blen[i];
	}
	n->tx_off = (n->tx_off + len + 63) & ~63u;
	size = simc_txd_put(n, w1, mss, (uint16_t)len, cookie, ~cookie, pa, blen, k);
	simc_txd_kick(n);
	return size;
}

int
simc_txf_get(struct simc_nic *n, uint32_t *va_lo, uint32_t *va_hi)
{
	uint32_t wptr = qt_sim_rd32(n->sim, R_TXF_WPTR) & 0x7FF0;
	uint8_t d[16];

	if (wptr == n->txf.pos)
		return 0;
	ring_read(&n->txf, n->txf.pos, d, 16);
	*va_lo = get32(d + 4);
	*va_hi = get32(d + 8);
	n->txf.pos = (n->txf.pos + 16) % n->txf.size;
	qt_sim_wr32(n->sim, R_TXF_RPTR, n->txf.pos);
	return 1;
}

int
simc_txf_drain(struct simc_nic *n)
{
	uint32_t lo, hi;
	int c = 0;

	while (simc_txf_get(n, &lo, &hi))
		c++;
	return c;
}

/* ---- RXF / RXD (hardware.md 4.5, 4.6) ---- */

void
simc_rxf_put(struct simc_nic *n, uint32_t id, uint32_t len)
{
	uint64_t pa = n->rx_iova + (uint64_t)id * SIMC_RX_BUF;
	uint8_t d[24];

	put32(d, 0x00010003);
	put32(d + 4, id);
	put32(d + 8, 0);
	put32(d + 12, (uint32_t)pa);
	put32(d + 16, (uint32_t)(pa >> 32));
	put32(d + 20, len);
	ring_write(&n->rxf, n->rxf.pos, d, 24);
	n->rxf.pos = (n->rxf.pos + 24) % n->rxf.size;
}

void
simc_rxf_kick(struct simc_nic *n)
{
	qt_sim_wr32(n->sim, R_RXF_WPTR, n->rxf.pos);
}

void
simc_rx_fill(struct simc_nic *n, uint32_t first, uint32_t count, uint32_t len)
{
	uint32_t i;

	for (i = 0; i < count; i++)
		simc_rxf_put(n, (first + i) % SIMC_RX_BUFS, len);
	simc_rxf_kick(n);
}

int
simc_rxd_get(struct simc_nic *n, struct simc_rxd *d)
{
	uint32_t wptr = qt_sim_rd32(n->sim, R_RXD_WPTR) & 0x7FF8;
	uint32_t avail = (wptr + n->rxd.size - n->rxd.pos) % n->rxd.size;
	uint8_t b[32] = { 0 };

	if (avail == 0)
		return 0;
	ring_read(&n->rxd, n->rxd.pos, b, 8);  /* the first 8 bytes never wrap (hardware.md 4.2) */
	d->bc = get32(b) & 0x1F;
	if (d->bc * 8 > avail || d->bc < 2 || d->bc > 3)
		return -1;
	ring_read(&n->rxd, n->rxd.pos, b, d->bc * 8);
	d->w0 = get32(b);
	d->err = (d->w0 >> 21) & 0x3F;
	d->pkt_id = (d->w0 >> 28) & 7;
	d->vtag = (d->w0 >> 31) != 0;
	d->len = get32(b + 4) & 0xFFFF;
	d->vlan = get32(b + 4) >> 16;
	d->va_lo = get32(b + 8);
	d->va_hi = get32(b + 12);
	d->pos = n->rxd.pos;
	d->data = d->va_lo < SIMC_RX_BUFS ? n->rx + d->va_lo * SIMC_RX_BUF : NULL;
	n->rxd.pos = (n->rxd.pos + d->bc * 8) % n->rxd.size;
	qt_sim_wr32(n->sim, R_RXD_RPTR, n->rxd.pos);
	return 1;
}

/* ---- frames ---- */

static uint16_t
csum16(uint32_t sum, const uint8_t *p, uint32_t n)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		sum += (i & 1) ? p[i] : (uint32_t)p[i] << 8;
	while (sum >> 16)
		sum = (sum & 0xFFFF) + (sum >> 16);
	return (uint16_t)sum;
}

static uint32_t
l4_pseudo(const uint8_t *ip, uint32_t l4len)
{
	return csum16(ip[9] + l4len, ip + 12, 8);
}

static uint32_t
ip_frame(uint8_t *f, const uint8_t dst[6], uint8_t proto, uint32_t l4len)
{
	static const uint8_t src[6] = { 0x02, 0, 0, 0, 0, 0x01 };
	static const uint8_t ip[20] = { 0x45, 0, 0, 0, 0x12, 0x34, 0x40, 0, 64, 0, 0, 0,
					10, 0, 0, 1, 10, 0, 0, 2 };
	uint16_t c;

	memcpy(f, dst, 6);
	memcpy(f + 6, src, 6);
	f[12] = 0x08;
	f[13] = 0x00;
	memcpy(f + 14, ip, 20);
	f[14 + 2] = (uint8_t)((20 + l4len) >> 8);
	f[14 + 3] = (uint8_t)(20 + l4len);
	f[14 + 9] = proto;
	c = (uint16_t)~csum16(0, f + 14, 20);
	f[14 + 10] = (uint8_t)(c >> 8);
	f[14 + 11] = (uint8_t)c;
	return 34 + l4len;
}

uint32_t
simc_udp_frame(uint8_t *f, const uint8_t dst[6], uint32_t payload)
{
	uint8_t *u = f + 34;
	uint32_t i, len = ip_frame(f, dst, 17, 8 + payload);
	uint16_t c;

	memset(u, 0, 8);
	u[0] = 0x03;                    /* ports 1000 -> 2000 */
	u[1] = 0xE8;
	u[2] = 0x07;
	u[3] = 0xD0;
	u[4] = (uint8_t)((8 + payload) >> 8);
	u[5] = (uint8_t)(8 + payload);
	for (i = 0; i < payload; i++)
		u[8 + i] = (uint8_t)i;
	c = (uint16_t)~csum16(l4_pseudo(f + 14, 8 + payload), u, 8 + payload);
	if (c == 0)
		c = 0xFFFF;
	u[6] = (uint8_t)(c >> 8);
	u[7] = (uint8_t)c;
	return len;
}

uint32_t
simc_tcp_frame(uint8_t *f, const uint8_t dst[6], uint32_t payload, uint32_t seq,
	       uint8_t flags)
{
	uint8_t *t = f + 34;
	uint32_t i, len = ip_frame(f, dst, 6, 20 + payload);
	uint16_t c;

	memset(t, 0, 20);
	t[0] = 0x03;
	t[1] = 0xE8;
	t[2] = 0x07;
	t[3] = 0xD0;
	t[4] = (uint8_t)(seq >> 24);
	t[5] = (uint8_t)(seq >> 16);
	t[6] = (uint8_t)(seq >> 8);
	t[7] = (uint8_t)seq;
	t[12] = 5 << 4;
	t[13] = flags;
	t[14] = 0xFF;
	t[15] = 0xFF;
	for (i = 0; i < payload; i++)
		t[20 + i] = (uint8_t)(i * 7);
	c = (uint16_t)~csum16(l4_pseudo(f + 14, 20 + payload), t, 20 + payload);
	t[16] = (uint8_t)(c >> 8);
	t[17] = (uint8_t)c;
	return len;
}

bool
simc_csum_ok(const uint8_t *f, uint32_t len)
{
	const uint8_t *ip = f + 14;
	uint32_t ihl, tot;

	if (len < 34 || f[12] != 0x08 || f[13] != 0x00)
		return false;
	ihl = (ip[0] & 0xF) * 4u;
	tot = (uint32_t)ip[2] << 8 | ip[3];
	if (csum16(0, ip, ihl) != 0xFFFF || 14 + tot > len)
		return false;
	if (ip[9] != 6 && ip[9] != 17)
		return true;
	return csum16(l4_pseudo(ip, tot - ihl), ip + ihl, tot - ihl) == 0xFFFF;
}
