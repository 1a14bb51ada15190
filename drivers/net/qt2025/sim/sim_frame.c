/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * What the NIC does to frame bytes (hardware.md 4.3, 4.6, 4.7): the TX checksum offload and TSO
 * segmentation, the RX checksum check with the two errata the vendor works around (hardware.md
 * 4.6), and the damage of the bad-L4-checksum knob. Raw frames: Ethernet, at most one 802.1Q tag in
 * the data, IPv4 (the offloads of 4.7 are IPv4 only; other frames pass unchanged and are reported
 * unchecked, PKT_ID 0).
 */

#include <string.h>

#include "sim_nic.h"

#define ETH_HLEN	14u
#define TPID_8021Q	0x8100u
#define ETYPE_IPV4	0x0800u
#define PROTO_TCP	6u
#define PROTO_UDP	17u
#define TCP_FIN		0x01u
#define TCP_PSH		0x08u
#define RX_PKT_TCP	1u	/* PKT_ID (hardware.md 4.6, inferred) */
#define RX_PKT_UDP	2u
#define RX_ERR_UDP	0x08u	/* ERR bits (hardware.md 4.6) */
#define RX_ERR_TCP	0x10u
#define ERRATA_SHORT	70u	/* 4.6: false L4 errors below 70 bytes */

static uint16_t
be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static void
put_be16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

/* Ones' complement sum of big-endian 16-bit words (RFC 1071), not folded. */
static uint32_t
csum_add(uint32_t sum, const uint8_t *p, uint32_t n)
{
	uint32_t i;

	for (i = 0; i + 1 < n; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (n & 1)
		sum += (uint32_t)p[n - 1] << 8;
	return sum;
}

static uint16_t
csum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xFFFF) + (sum >> 16);
	return (uint16_t)sum;
}

uint32_t
sim_frame_l2_len(const uint8_t *f, uint32_t len)
{
	if (len >= ETH_HLEN + 4 && be16(f + 12) == TPID_8021Q)
		return ETH_HLEN + 4;
	return ETH_HLEN;
}

/* An IPv4 packet in f: its header at l3, ihl bytes; l4 bytes of payload inside the frame. */
struct ip4 {
	uint32_t l3, ihl, l4len;
	uint8_t proto;
	bool frag;
};

static bool
ip4_parse(const uint8_t *f, uint32_t len, struct ip4 *ip)
{
	uint32_t l3 = sim_frame_l2_len(f, len), tot;

	if (len < l3 + 20 || be16(f + l3 - 2) != ETYPE_IPV4 || (f[l3] >> 4) != 4)
		return false;
	ip->l3 = l3;
	ip->ihl = (uint32_t)(f[l3] & 0xF) * 4;
	tot = be16(f + l3 + 2);
	if (ip->ihl < 20 || tot < ip->ihl || l3 + tot > len)
		return false;   /* malformed or truncated: nothing to offload or check */
	ip->l4len = tot - ip->ihl;
	ip->proto = f[l3 + 9];
	ip->frag = (be16(f + l3 + 6) & 0x3FFF) != 0;   /* MF or an offset */
	return true;
}

/* The TCP/UDP checksum field of a non-fragment, or -1. */
static int
l4_csum_off(const struct ip4 *ip)
{
	uint32_t l4 = ip->l3 + ip->ihl;

	if (ip->frag)
		return -1;
	if (ip->proto == PROTO_TCP && ip->l4len >= 20)
		return (int)(l4 + 16);
	if (ip->proto == PROTO_UDP && ip->l4len >= 8)
		return (int)(l4 + 6);
	return -1;
}

/* Sum of the IPv4 pseudo header and the L4 segment as it stands. */
static uint32_t
l4_sum(const uint8_t *f, const struct ip4 *ip)
{
	uint32_t sum = csum_add(0, f + ip->l3 + 12, 8);         /* source, destination */

	sum += ip->proto + ip->l4len;
	return csum_add(sum, f + ip->l3 + ip->ihl, ip->l4len);
}

void
sim_frame_tx_csum(uint8_t *f, uint32_t len)
{
	struct ip4 ip;
	uint16_t c;
	int off;

	if (!ip4_parse(f, len, &ip))
		return;
	put_be16(f + ip.l3 + 10, 0);
	put_be16(f + ip.l3 + 10, (uint16_t)~csum_fold(csum_add(0, f + ip.l3, ip.ihl)));
	off = l4_csum_off(&ip);
	if (off < 0)
		return;
	put_be16(f + off, 0);
	c = (uint16_t)~csum_fold(l4_sum(f, &ip));
	if (ip.proto == PROTO_UDP && c == 0)
		c = 0xFFFF;     /* 0 would mean "no checksum" (RFC 768) */
	put_be16(f + off, c);
}

uint32_t
sim_frame_tso_hdr(const uint8_t *f, uint32_t len, uint32_t *payload)
{
	struct ip4 ip;
	uint32_t l4, doff;

	if (!ip4_parse(f, len, &ip) || ip.frag || ip.proto != PROTO_TCP || ip.l4len < 20)
		return 0;
	l4 = ip.l3 + ip.ihl;
	doff = (uint32_t)(f[l4 + 12] >> 4) * 4;
	if (doff < 20 || doff > ip.l4len)
		return 0;
	*payload = ip.l4len - doff;
	return l4 + doff;
}

uint32_t
sim_frame_tso_seg(const uint8_t *sf, uint32_t len, uint32_t hdr, uint32_t mss, uint32_t i,
		  uint32_t nseg, uint8_t *out)
{
	uint32_t l3 = sim_frame_l2_len(sf, len), l4, off = i * mss, plen, seq;
	uint32_t l4end = l3 + be16(sf + l3 + 2);      /* payload ends with the IP packet */

	plen = hdr + off >= l4end ? 0 : l4end - hdr - off < mss ? l4end - hdr - off : mss;
	memcpy(out, sf, hdr);
	memcpy(out + hdr, sf + hdr + off, plen);
	l4 = l3 + (uint32_t)(sf[l3] & 0xF) * 4;
	put_be16(out + l3 + 2, (uint16_t)(hdr - l3 + plen));                  /* total length */
	put_be16(out + l3 + 4, (uint16_t)(be16(sf + l3 + 4) + i));           /* id */
	seq = (uint32_t)be16(sf + l4 + 4) << 16 | be16(sf + l4 + 6);
	seq += off;
	put_be16(out + l4 + 4, (uint16_t)(seq >> 16));
	put_be16(out + l4 + 6, (uint16_t)seq);
	if (i + 1 != nseg)
		out[l4 + 13] &= (uint8_t)~(TCP_FIN | TCP_PSH);     /* only on the last */
	sim_frame_tx_csum(out, hdr + plen);
	return hdr + plen;
}

void
sim_frame_rx_csum(const uint8_t *f, uint32_t len, uint32_t *pkt_id, uint32_t *err)
{
	struct ip4 ip;
	bool bad;
	int off;

	*pkt_id = 0;
	*err = 0;
	/* model choice: a bad IPv4 header checksum leaves the frame unchecked (PKT_ID 0): the
	 * note knows no IP error bit
	 */
	if (!ip4_parse(f, len, &ip) || csum_fold(csum_add(0, f + ip.l3, ip.ihl)) != 0xFFFF)
		return;
	off = l4_csum_off(&ip);
	if (off < 0)
		return;
	bad = csum_fold(l4_sum(f, &ip)) != 0xFFFF;
	/* erratum 2 (hardware.md 4.6): any TCP/UDP frame below 70 bytes (as delivered) is flagged
	 */
	if (len < ERRATA_SHORT)
		bad = true;
	if (ip.proto == PROTO_TCP) {
		*pkt_id = RX_PKT_TCP;
		*err = bad ? RX_ERR_TCP : 0;
	} else {
		/* erratum 1 (hardware.md 4.6): a UDP checksum field of 0 ("none") is flagged */
		if (be16(f + off) == 0)
			bad = true;
		*pkt_id = RX_PKT_UDP;
		*err = bad ? RX_ERR_UDP : 0;
	}
}

bool
sim_frame_break_l4(uint8_t *f, uint32_t len)
{
	struct ip4 ip;
	uint16_t c;
	int off;

	if (!ip4_parse(f, len, &ip))
		return false;
	off = l4_csum_off(&ip);
	if (off < 0)
		return false;
	c = be16(f + off) ^ 0x5A5A;
	if (c == 0 || c == 0xFFFF)
		c = 0x1234;     /* stays wrong, and a UDP field stays "present" */
	put_be16(f + off, c);
	return true;
}
