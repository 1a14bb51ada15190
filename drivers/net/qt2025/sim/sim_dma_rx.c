/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The RX engine of queue 0 (hardware.md 3.10, 4.5, 4.6, 12.4): each frame that has arrived at
 * the receiver goes through the MAC checks (RX enable, link, runt, FCS, length) and filters
 * (promiscuous, broadcast, multicast, unicast address, VLAN table), takes one 24-byte RXF
 * descriptor, is written without FCS and without its outer 802.1Q tag (the NIC always
 * strips) to the buffer, checked (PKT_ID, ERR with the 4.6 errata) and reported by one RXD
 * descriptor. Model choices where the note is silent:
 *  - a bad FCS drops the frame (InErrors) unless ACRC, which delivers it with ERR 0x04;
 *  - runts (below 64 bytes with FCS) are dropped (InErrors) unless ARUNT; below 14 always;
 *  - MAC control frames (EtherType 0x8808) are dropped unless ACF;
 *  - a tagged frame whose VID bit is clear in the VLAN table is dropped unless PRM; VID 0
 *    (priority tag) passes;
 *  - MAX_FRAME_A is compared with the frame as delivered plus FCS (a stripped tag does not
 *    count), so MTU+18 fits a tagged full-MTU frame; 0 (never written) drops every frame;
 *  - a frame longer than its RXF buffer is dropped (InDropped) and the buffer stays posted;
 *  - counters count delivered frames (In*), octets with FCS; they are free-running.
 */

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sim_nic.h"

#define RXF_DESC_LEN	24u
#define RXF_INFO	0x00010003u	/* BC 3, INFO 1 (hardware.md 4.5) */
#define RXD_ERR_CRC	0x04u		/* 4.6 */
#define RXD_VTAG	0x80000000u
#define MAX_FRAME_MASK	0x3FFFu		/* 3.4 */
#define ETH_MIN_FCS	64u
#define ETYPE_MAC_CTRL	0x8808u

static void
rx_fail(struct qt_sim *sim, const char *fmt, ...)
{
	char buf[SIM_REASON_LEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	sim_violation(sim, buf);
	sim->dma.rx_stopped = true;
}

/* Destination address filters (hardware.md 3.4, 3.10). */
static bool
addr_ok(struct qt_sim *sim, const uint8_t *f, uint32_t rxf_a)
{
	static const uint8_t bcast[6] = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };
	uint32_t m2 = SIM_REG(sim, SIM_UNC_MAC2), m1 = SIM_REG(sim, SIM_UNC_MAC1);
	uint32_t m0 = SIM_REG(sim, SIM_UNC_MAC0), h;

	if (rxf_a & SIM_RXF_PRM)
		return true;
	if (memcmp(f, bcast, 6) == 0)
		return (rxf_a & SIM_RXF_AB) != 0;
	if (f[0] & 1) {
		/* AM gates the hash (ALLMULTI is a full hash: hardware.md 3.10) */
		if (!(rxf_a & SIM_RXF_AM))
			return false;
		h = f[0] ^ f[1] ^ f[2] ^ f[3] ^ f[4] ^ f[5];
		return (SIM_REG(sim, SIM_MCST_HASH + (h >> 5) * 4) >> (h & 31)) & 1;
	}
	/* MAC2 = b0<<8|b1, MAC1 = b2<<8|b3, MAC0 = b4<<8|b5 (hardware.md 3.4) */
	return f[0] == ((m2 >> 8) & 0xFF) && f[1] == (m2 & 0xFF) &&
	       f[2] == ((m1 >> 8) & 0xFF) && f[3] == (m1 & 0xFF) &&
	       f[4] == ((m0 >> 8) & 0xFF) && f[5] == (m0 & 0xFF);
}

static void
count_in(struct sim_dma *d, const uint8_t *f, uint32_t wire_len, bool tagged)
{
	uint64_t oct = wire_len + 4u;
	bool bcast = memcmp(f, "\xff\xff\xff\xff\xff\xff", 6) == 0;

	d->stats[ST_IN_PKTS]++;
	d->stats[ST_IN_OCT] += oct;
	if (bcast) {
		d->stats[ST_IN_BCAST]++;
		d->stats[ST_IN_BCAST_OCT] += oct;
	} else if (f[0] & 1) {
		d->stats[ST_IN_MCAST]++;
	} else {
		d->stats[ST_IN_UCAST]++;
		d->stats[ST_IN_UCAST_OCT] += oct;
	}
	if (tagged)
		d->stats[ST_IN_VLAN]++;
}

/* The RXF descriptor at the NIC's position: false when none is published. */
static bool
rxf_peek(struct qt_sim *sim, uint8_t *desc)
{
	struct sim_fifo *rxf = &sim->dma.fifo[SIM_RXF];
	uint32_t avail;

	if (rxf->host >= rxf->size) {
		rx_fail(sim, "RXF_WPTR 0x%x beyond the %u-byte RXF FIFO", rxf->host, rxf->size);
		return false;
	}
	avail = (rxf->host + rxf->size - rxf->pos) % rxf->size;
	if (avail < RXF_DESC_LEN)
		return false;   /* empty, or a descriptor only partly published */
	sim_fifo_read(rxf, rxf->pos, desc, RXF_DESC_LEN);
	if (le32(desc) != RXF_INFO) {
		rx_fail(sim, "RXF 0x%x: info 0x%08x, must be 0x%08x", rxf->pos, le32(desc),
			RXF_INFO);
		return false;
	}
	return true;
}

/* Room for one more RXD descriptor of len bytes: a full FIFO would look empty (hardware.md 4.2). */
static bool
rxd_room(struct sim_fifo *rxd, uint32_t len)
{
	uint32_t used = (rxd->pos + rxd->size - (rxd->host % rxd->size)) % rxd->size;

	return used + len < rxd->size;
}

static void
drop(struct sim_dma *d, uint64_t *why, enum sim_stat st)
{
	(*why)++;
	if (st != ST_COUNT)
		d->stats[st]++;
}

/* One frame: 1 when it was handled (delivered or dropped), 0 to keep it for the next run. */
static int
rx_frame(struct qt_sim *sim, struct sim_wframe *fr)
{
	struct sim_dma *d = &sim->dma;
	struct sim_fifo *rxf = &d->fifo[SIM_RXF], *rxd = &d->fifo[SIM_RXD];
	uint32_t rxf_a = SIM_REG(sim, SIM_GMAC_RXF_A), len = fr->len, dlen, blen, bc;
	uint32_t pkt_id, err = 0, tci = 0, w0;
	const uint8_t *f = fr->buf;
	uint8_t rdesc[RXF_DESC_LEN], desc[RXF_DESC_LEN] = { 0 };
	bool tagged, bad_fcs = fr->bad_fcs;
	uint8_t *buf;

	if (d->rxd_split_pending)
		return 0;
	if (sim_dma_halted(sim) || d->rx_stopped || d->rx_cfg_err ||
	    !(rxf_a & SIM_RXF_OSEN) || !sim->mac_link) {
		drop(d, &d->drop_disabled, ST_COUNT);
		return 1;
	}
	if (d->bad_crc_n > 0) {
		d->bad_crc_n--;
		bad_fcs = true;
	}
	if (len < 14 || (len + 4 < ETH_MIN_FCS && !(rxf_a & SIM_RXF_ARUNT))) {
		drop(d, &d->drop_runt, ST_IN_ERRORS);
		return 1;
	}
	if (bad_fcs && !(rxf_a & SIM_RXF_ACRC)) {
		drop(d, &d->drop_crc, ST_IN_ERRORS);
		return 1;
	}
	tagged = len >= 18 && f[12] == 0x81 && f[13] == 0x00;
	if (tagged)
		tci = (uint32_t)f[14] << 8 | f[15];
	if (!addr_ok(sim, f, rxf_a) ||
	    (!tagged && ((uint32_t)f[12] << 8 | f[13]) == ETYPE_MAC_CTRL &&
	     !(rxf_a & SIM_RXF_ACF)) ||
	    (tagged && (tci & 0xFFF) != 0 && !(rxf_a & SIM_RXF_PRM) &&
	     !((SIM_REG(sim, SIM_VLAN_TABLE + ((tci & 0xFFF) / 32) * 4) >> (tci % 32)) & 1))) {
		drop(d, &d->drop_filter, ST_COUNT);
		return 1;
	}
	dlen = tagged ? len - 4 : len;
	if (dlen + 4 > (SIM_REG(sim, SIM_MAX_FRAME_A) & MAX_FRAME_MASK)) {
		drop(d, &d->drop_long, ST_FRAME_TOO_LONG);
		return 1;
	}
	if (d->rxf_starve || sim_fifo_ring(sim, SIM_RXF) == NULL ||
	    sim_fifo_ring(sim, SIM_RXD) == NULL) {
		if (!d->rxf_starve)
			d->rx_cfg_err = true;
		drop(d, &d->drop_no_rxf, ST_IN_DROPPED);
		return 1;
	}
	if (!rxf_peek(sim, rdesc)) {
		drop(d, &d->drop_no_rxf, ST_IN_DROPPED);
		return 1;
	}
	bc = sim->cfg.variants.rxd_bc != 0 ? sim->cfg.variants.rxd_bc : 3;       /* 4.6 variant */
	if (!rxd_room(rxd, bc * 8)) {
		drop(d, &d->drop_rxd_full, ST_IN_DROPPED);
		return 1;
	}
	blen = le32(rdesc + 20);
	if (dlen > blen) {
		drop(d, &d->drop_buf_small, ST_IN_DROPPED);
		return 1;
	}
	buf = sim_dma_buf(sim, (uint64_t)le32(rdesc + 16) << 32 | le32(rdesc + 12), dlen,
			  "RXF buffer");
	if (buf == NULL) {
		d->rx_stopped = true;
		drop(d, &d->drop_disabled, ST_COUNT);
		return 1;
	}
	/* the one copy of the frame into host memory, FCS and outer tag left out */
	if (tagged) {
		memcpy(buf, f, 12);
		memcpy(buf + 12, f + 16, len - 16);
	} else {
		memcpy(buf, f, len);
	}
	if (d->bad_l4_n > 0 && sim_frame_break_l4(buf, dlen))
		d->bad_l4_n--;
	sim_frame_rx_csum(buf, dlen, &pkt_id, &err);
	if (bad_fcs)
		err |= RXD_ERR_CRC;
	rxf->pos = (rxf->pos + RXF_DESC_LEN) % rxf->size;      /* pop */
	rxf->pub = rxf->pos;
	/* our own RXD layout (hardware.md 4.6) */
	w0 = bc | err << 21 | pkt_id << 28 | (tagged ? RXD_VTAG : 0);
	put_le32(desc, w0);
	put_le32(desc + 4, dlen | tci << 16);
	memcpy(desc + 8, rdesc + 4, 8);                         /* va_lo, va_hi echoed */
	sim_fifo_write(rxd, rxd->pos, desc, bc * 8);
	if (d->rxd_split) {
		rxd->pub = (rxd->pos + 8) % rxd->size;          /* word 0 and len first */
		d->rxd_split_pending = true;
	}
	rxd->pos = (rxd->pos + bc * 8) % rxd->size;
	if (!d->rxd_split)
		rxd->pub = rxd->pos;
	sim->pending |= SIM_IR_RX_DESC0;                        /* 3.8 */
	count_in(d, f, len, tagged);
	d->rx_frames++;
	return 1;
}

unsigned int
sim_rx_run(struct qt_sim *sim)
{
	struct sim_dma *d = &sim->dma;
	struct sim_fq *q = &d->rxq;
	unsigned int n = 0;
	uint64_t now_ps;

	/* the rest of a split descriptor, once the host has seen the first step */
	if (d->rxd_split_pending && d->rxd_split_seen && !sim_dma_halted(sim)) {
		d->fifo[SIM_RXD].pub = d->fifo[SIM_RXD].pos;   /* the rest of it */
		d->rxd_split_pending = false;
		d->rxd_split_seen = false;
		sim->pending |= SIM_IR_RX_DESC0;
		n++;
	}
	if (q->count == 0)
		return n;
	now_ps = sim_now_ps(sim);
	while (q->count > 0) {
		struct sim_wframe *fr = &q->f[q->head];

		if (fr->arrive_ps > now_ps || rx_frame(sim, fr) == 0)
			break;
		q->head = (q->head + 1) % q->n;
		q->count--;
		n++;
	}
	return n;
}
