/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The TX engine of queue 0 (hardware.md 4.3, 4.4, 12.4): consumes TXD descriptors from the
 * NIC's read position up to TXD_WPTR (the NIC-firmware init stream while INIT_STATUS is 0,
 * packets after), gathers each packet from its page-buffer list, applies the offloads
 * (checksum, VLAN insertion, TSO), hands the frames to the wire and writes one 16-byte TXF
 * completion per packet. A broken packet descriptor is a strictness violation and stops
 * the engine until a SW reset (hardware.md 6.2), as a card would misbehave from there on.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_nic.h"

/* Our own TXD layout (hardware.md 4.3): word at 0 = bitfields, u16 MSS at 4, u16 length at 6,
 * va_lo at 8, va_hi at 12, then k x {addr_lo, addr_hi, len} and padding to 8 bytes.
 */
#define TXD_HDR_LEN	16u
#define TXD_PBL_LEN	12u
#define TXD_MAX_PBL	19u
#define TXD_BC(w)	((w) & 0x1Fu)
#define TXD_CSUM(w)	(((w) >> 5) & 0x7u)	/* 7 = IP + TCP/UDP, 0 = none */
#define TXD_VTAG	0x100u
#define TXD_LGSND(w)	(((w) >> 9) & 0xFu)
#define TXD_PCP(w)	(((w) >> 13) & 0x7u)
#define TXD_TYPE(w)	(((w) >> 16) & 0xFu)	/* 3 for packets, 0xF init stream */
#define TXD_VID(w)	((w) >> 20)
#define TXF_DESC_LEN	16u			/* 4.4 */
#define TXD_MAX_LEN	65535u			/* u16 length field */

/* k buffers for a BC, from the size table of 4.3 (16 + 12k bytes padded to 8); 0: none. */
static uint32_t
txd_k(uint32_t bc)
{
	uint32_t k;

	for (k = 1; k <= TXD_MAX_PBL; k++)
		if (((TXD_HDR_LEN + TXD_PBL_LEN * k + 7) & ~7u) == bc * 8)
			return k;
	return 0;
}

static void
tx_fail(struct qt_sim *sim, const char *fmt, ...)
{
	char buf[SIM_REASON_LEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	sim_violation(sim, buf);
	sim->dma.tx_stopped = true;
}

/* ---- completions ---- */

/* Writes the TXF descriptors that are due (their room was reserved when the packet went). */
static unsigned int
txc_flush(struct qt_sim *sim, uint64_t now)
{
	struct sim_dma *d = &sim->dma;
	struct sim_fifo *txf = &d->fifo[SIM_TXF];
	unsigned int n = 0;

	/* the TXF ring may have been configured anew since the packet went */
	if (txf->mem == NULL) {
		if (txf->base == 0 || d->tx_cfg_err)
			return 0;
		if (sim_fifo_ring(sim, SIM_TXF) == NULL) {
			d->tx_cfg_err = true;
			return 0;
		}
	}
	while (d->txc_count > 0 && d->txc[d->txc_head].due_ns <= now) {
		const struct sim_txc *c = &d->txc[d->txc_head];
		uint8_t desc[TXF_DESC_LEN] = { 0 };     /* status 0, pad 0 */

		put_le32(desc + 4, c->va_lo);
		put_le32(desc + 8, c->va_hi);
		sim_fifo_write(txf, txf->pos, desc, TXF_DESC_LEN);
		txf->pos = (txf->pos + TXF_DESC_LEN) % txf->size;
		txf->pub = txf->pos;
		d->txc_head = (d->txc_head + 1) % d->txc_n;
		d->txc_count--;
		n++;
	}
	if (n > 0)
		sim->pending |= SIM_IR_TX_FREE0;        /* 3.8 */
	return n;
}

/* Is there TXF room for one more completion besides those pending? The NIC never lets the
 * FIFO fill completely: a full one would look empty (hardware.md 4.2).
 */
static bool
txf_room(struct sim_dma *d)
{
	const struct sim_fifo *txf = &d->fifo[SIM_TXF];
	uint32_t used = (txf->pos + txf->size - (txf->host % txf->size)) % txf->size;

	return used + TXF_DESC_LEN * (d->txc_count + 1) < txf->size &&
	       d->txc_count < d->txc_n;
}

/* ---- one packet ---- */

struct txd {
	uint32_t w0, mss, len, va_lo, va_hi, k;
	const uint8_t *buf[TXD_MAX_PBL];
	uint32_t blen[TXD_MAX_PBL];
};

/* Checks every rule of 4.3 on the descriptor bytes; false after a violation. */
static bool
txd_parse(struct qt_sim *sim, uint32_t pos, const uint8_t *b, struct txd *t)
{
	uint32_t i, sum = 0;

	t->w0 = le32(b);
	t->mss = (uint32_t)b[4] | (uint32_t)b[5] << 8;
	t->len = (uint32_t)b[6] | (uint32_t)b[7] << 8;
	t->va_lo = le32(b + 8);
	t->va_hi = le32(b + 12);
	t->k = txd_k(TXD_BC(t->w0));
	if (TXD_CSUM(t->w0) != 0 && TXD_CSUM(t->w0) != 7) {
		tx_fail(sim, "TXD 0x%x: checksum field %u (drivers use 0 or 7)", pos,
			TXD_CSUM(t->w0));
		return false;
	}
	if (TXD_LGSND(t->w0) > 1 || (TXD_LGSND(t->w0) == 1 && t->mss == 0)) {
		tx_fail(sim, "TXD 0x%x: LGSND %u with MSS %u", pos, TXD_LGSND(t->w0), t->mss);
		return false;
	}
	for (i = 0; i < t->k; i++) {
		const uint8_t *e = b + TXD_HDR_LEN + TXD_PBL_LEN * i;
		uint64_t pa = (uint64_t)le32(e + 4) << 32 | le32(e);

		t->blen[i] = le32(e + 8);
		sum += t->blen[i] <= TXD_MAX_LEN ? t->blen[i] : TXD_MAX_LEN + 1;
		if (sum > TXD_MAX_LEN)
			break;
		t->buf[i] = t->blen[i] == 0 ? NULL : sim_dma_buf(sim, pa, t->blen[i], "TXD PBL");
		if (t->blen[i] != 0 && t->buf[i] == NULL) {
			sim->dma.tx_stopped = true;
			return false;
		}
	}
	if (sum != t->len || t->len == 0) {
		tx_fail(sim, "TXD 0x%x: length field %u, PBL lengths sum to %u", pos, t->len,
			sum);
		return false;
	}
	return true;
}

static void
gather(const struct txd *t, uint8_t *out)
{
	uint32_t i;

	for (i = 0; i < t->k; i++) {
		if (t->blen[i] != 0)
			memcpy(out, t->buf[i], t->blen[i]);
		out += t->blen[i];
	}
}

/* 802.1Q tag after the addresses; the frame was built 4 bytes into f (hardware.md 4.3 VTAG). */
static void
vlan_insert(uint8_t *f, uint32_t w0)
{
	uint32_t tci = TXD_PCP(w0) << 13 | TXD_VID(w0);        /* CFI/DEI not carried */

	memmove(f, f + 4, 12);
	f[12] = 0x81;
	f[13] = 0x00;
	f[14] = (uint8_t)(tci >> 8);
	f[15] = (uint8_t)tci;
}

static bool
send_one(struct qt_sim *sim, const struct txd *t)
{
	uint32_t tag = (t->w0 & TXD_VTAG) ? 4 : 0;
	uint8_t *out = sim_wire_tx_begin(sim, t->len + tag);

	if (out == NULL)
		return false;
	gather(t, out + tag);
	if (TXD_CSUM(t->w0) == 7)
		sim_frame_tx_csum(out + tag, t->len);
	if (tag)
		vlan_insert(out, t->w0);
	/* shorter than 60 bytes goes out as a runt: the MAC does not pad (hardware.md 4.3, 11.7) */
	sim_wire_tx_end(sim, t->len + tag);
	return true;
}

static bool
send_tso(struct qt_sim *sim, uint32_t pos, const struct txd *t)
{
	struct sim_dma *d = &sim->dma;
	uint32_t tag = (t->w0 & TXD_VTAG) ? 4 : 0;
	uint32_t hdr, payload, nseg, i;

	if (d->scratch_cap < t->len) {
		uint8_t *p = realloc(d->scratch, TXD_MAX_LEN);

		if (p == NULL)
			return false;
		d->scratch = p;
		d->scratch_cap = TXD_MAX_LEN;
	}
	gather(t, d->scratch);
	hdr = sim_frame_tso_hdr(d->scratch, t->len, &payload);
	if (hdr == 0) {
		tx_fail(sim, "TXD 0x%x: LGSND on a frame that is not TCP/IPv4", pos);
		return false;
	}
	nseg = payload == 0 ? 1 : (payload + t->mss - 1) / t->mss;
	for (i = 0; i < nseg; i++) {
		uint8_t *out = sim_wire_tx_begin(sim, hdr + t->mss + tag);
		uint32_t n;

		if (out == NULL)
			return false;
		n = sim_frame_tso_seg(d->scratch, t->len, hdr, t->mss, i, nseg, out + tag);
		if (tag)
			vlan_insert(out, t->w0);
		sim_wire_tx_end(sim, n + tag);
	}
	return true;
}

/* ---- the engine ---- */

static bool
tx_rings(struct qt_sim *sim, struct sim_fifo *txd)
{
	struct sim_dma *d = &sim->dma;

	if (d->tx_cfg_err)
		return false;
	if (txd->base == 0) {
		sim_violation(sim, "TXD_WPTR written while the TXD FIFO is not configured");
		d->tx_cfg_err = true;
		return false;
	}
	if (sim_fifo_ring(sim, SIM_TXD) == NULL) {
		d->tx_cfg_err = true;
		return false;
	}
	if (txd->host >= txd->size) {
		tx_fail(sim, "TXD_WPTR 0x%x beyond the %u-byte TXD FIFO", txd->host, txd->size);
		return false;
	}
	return true;
}

/* A packet descriptor at pos with avail bytes published: bytes consumed, 0 to wait. */
static uint32_t
tx_packet(struct qt_sim *sim, uint32_t pos, uint32_t avail, uint32_t w0)
{
	struct sim_dma *d = &sim->dma;
	struct sim_fifo *txd = &d->fifo[SIM_TXD];
	uint8_t b[TXD_HDR_LEN + TXD_PBL_LEN * TXD_MAX_PBL + 4];
	uint32_t len = TXD_BC(w0) * 8;
	struct sim_txc *c;
	struct txd t;

	if ((TXD_TYPE(w0)) != 3) {
		tx_fail(sim, "TXD 0x%x: word0 0x%08x, type bits 19:16 must be 3", pos, w0);
		return 0;
	}
	if (txd_k(TXD_BC(w0)) == 0) {
		tx_fail(sim, "TXD 0x%x: BC %u is no size of the 4.3 table", pos, TXD_BC(w0));
		return 0;
	}
	if (avail < len)
		return 0;       /* partially published */
	if (sim_fifo_ring(sim, SIM_TXF) == NULL) {
		d->tx_cfg_err = true;
		return 0;
	}
	if (!txf_room(d))
		return 0;       /* stall until the host frees TXF */
	sim_fifo_read(txd, pos, b, len);
	if (!txd_parse(sim, pos, b, &t))
		return 0;
	if (TXD_LGSND(t.w0) ? !send_tso(sim, pos, &t) : !send_one(sim, &t))
		return 0;
	c = &d->txc[(d->txc_head + d->txc_count) % d->txc_n];
	c->va_lo = sim->cfg.variants.txf_zero_cookie ? 0 : t.va_lo;     /* 4.4 variant */
	c->va_hi = sim->cfg.variants.txf_zero_cookie ? 0 : t.va_hi;
	c->due_ns = sim_now(sim) + d->txf_delay_ns;
	d->txc_count++;
	d->tx_descs++;
	return len;
}

unsigned int
sim_tx_run(struct qt_sim *sim)
{
	struct sim_dma *d = &sim->dma;
	struct sim_fifo *txd = &d->fifo[SIM_TXD];
	bool real = sim->cfg.timing == QT_SIM_TIMING_REAL;
	unsigned int n = 0;
	uint64_t now_ps;

	if (sim_dma_halted(sim))
		return 0;
	if (d->txc_count > 0)
		n += txc_flush(sim, sim_now(sim));
	if (txd->pos == txd->host || d->tx_stopped || !tx_rings(sim, txd))
		return n;
	now_ps = sim_now_ps(sim);
	/* an idle line starts now; a backlog keeps its frames back to back (timing=real) */
	if (!d->tx_backlog && d->line_free_ps < now_ps)
		d->line_free_ps = now_ps;
	d->tx_backlog = false;
	while (txd->pos != txd->host && !d->tx_stopped) {
		uint32_t avail = (txd->host + txd->size - txd->pos) % txd->size;
		uint8_t w[8];
		uint32_t w0, c;
		bool fw;

		/* pointers move in qwords: the first 8 bytes never straddle the end */
		sim_fifo_read(txd, txd->pos, w, 8);
		w0 = le32(w);
		fw = sim->init_status == 0 || TXD_TYPE(w0) == 0xF;
		if (!fw && real && d->line_free_ps > now_ps) {
			d->tx_backlog = true;   /* the line is busy until line_free_ps */
			break;
		}
		c = fw ? sim_nicfw_desc(sim, txd->pos, w0, le32(w + 4), avail) :
			 tx_packet(sim, txd->pos, avail, w0);
		if (c == 0)
			break;
		txd->pos = (txd->pos + c) % txd->size;
		n++;
	}
	txd->pub = txd->pos;    /* TXD_RPTR */
	if (d->txc_count > 0)
		n += txc_flush(sim, sim_now(sim));
	return n;
}
