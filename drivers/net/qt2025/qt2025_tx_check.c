/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * What the NIC can carry out, packet by packet: the one judgement behind tx_prepare and
 * behind the Tx burst's guard for packets off its fast path (an application may skip
 * tx_prepare). The TXD carries no header lengths (hardware.md 4.3): for checksums and
 * TSO the NIC parses the frame itself, so the frame's own headers must say what the
 * offload flags and lengths say. A descriptor the NIC refuses stops its Tx engine, which
 * is why nothing that fails here may reach the ring.
 */

#include <rte_byteorder.h>
#include <rte_errno.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_tcp.h>

#include "qt2025_rxtx.h"

#define TX_TSO_MAX_LEN          65535   /* the TXD's u16 length field (hardware.md 4.3) */
#define TX_TSO_MSS_MIN          64      /* a floor as other NICs keep (ice: 64) */
#define TX_HDR_MAX              (RTE_ETHER_HDR_LEN + 4 + 60 + 60)

#define TX_OL_CSUM              (RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_L4_MASK)
#define TX_OL_SUPPORTED         (TX_OL_CSUM | RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_VLAN | \
				 RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IPV6)

/* The chain against its own accounting: every segment holds bytes, the lengths add up. */
static int
chain_check(const struct rte_mbuf *m)
{
	const struct rte_mbuf *s;
	uint32_t n = 0, sum = 0;

	for (s = m; s != NULL; s = s->next) {
		if (s->data_len == 0)
			return -EINVAL;
		sum += s->data_len;
		n++;
	}
	if (n != m->nb_segs || sum != m->pkt_len)
		return -EINVAL;
	/* a runt takes one more PBL entry for its padding (hardware.md 4.3 SHORT_PKT_FIX) */
	if (n + (m->pkt_len < QT2025_MIN_FRAME ? 1 : 0) > QT2025_TX_SEG_MAX)
		return -EINVAL;
	return 0;
}

/* The IPv4 header at l2_len, as the NIC will find it; NULL when the frame says otherwise. */
static const struct rte_ipv4_hdr *
ipv4_at(const struct rte_mbuf *m, const uint8_t *f, uint32_t flen)
{
	const struct rte_ipv4_hdr *ip;
	uint16_t etype;

	/* the NIC sees one 802.1Q tag at most (hardware.md 4.6): l2_len is 14 or 18 */
	if (m->l2_len == RTE_ETHER_HDR_LEN + 4) {
		if (rte_be_to_cpu_16(*(const rte_be16_t *)(f + 12)) != RTE_ETHER_TYPE_VLAN)
			return NULL;
	} else if (m->l2_len != RTE_ETHER_HDR_LEN) {
		return NULL;
	}
	etype = rte_be_to_cpu_16(*(const rte_be16_t *)(f + m->l2_len - 2));
	if (etype != RTE_ETHER_TYPE_IPV4 || flen < m->l2_len + sizeof(*ip))
		return NULL;
	ip = (const struct rte_ipv4_hdr *)(f + m->l2_len);
	if ((ip->version_ihl >> 4) != 4 || rte_ipv4_hdr_len(ip) != m->l3_len)
		return NULL;
	return ip;
}

/* TSO on the IPv4/TCP packet at ip: the IP packet ends with the frame, the TCP header is
 * as long as l4_len says, segments fit a frame.
 */
static int
tso_check(const struct rte_mbuf *m, const struct rte_ipv4_hdr *ip, const uint8_t *f,
	  uint32_t flen)
{
	const struct rte_tcp_hdr *th;
	uint32_t hdr = m->l2_len + m->l3_len + m->l4_len;
	uint32_t tag = (m->ol_flags & RTE_MBUF_F_TX_VLAN) ? 4 : 0;

	if (ip->next_proto_id != IPPROTO_TCP || m->pkt_len > TX_TSO_MAX_LEN ||
	    m->l4_len < sizeof(*th) || hdr > flen ||
	    (rte_be_to_cpu_16(ip->fragment_offset) & (RTE_IPV4_HDR_MF_FLAG |
						       RTE_IPV4_HDR_OFFSET_MASK)) != 0 ||
	    (uint32_t)m->l2_len + rte_be_to_cpu_16(ip->total_length) != m->pkt_len)
		return -EINVAL;
	th = (const struct rte_tcp_hdr *)(f + m->l2_len + m->l3_len);
	if ((uint32_t)(th->data_off >> 4) * 4 != m->l4_len)
		return -EINVAL;
	if (m->tso_segsz < TX_TSO_MSS_MIN || hdr + m->tso_segsz + tag > QT2025_TX_MAX_FRAME)
		return -EINVAL;
	return 0;
}

/* Checksum and TSO flags against the headers: the NIC sums IPv4, TCP and UDP and
 * segments IPv4/TCP, nothing else (hardware.md 4.7).
 */
static int
l3l4_check(const struct rte_mbuf *m, const uint8_t *f, uint32_t flen)
{
	uint64_t ol = m->ol_flags;
	uint64_t l4 = ol & RTE_MBUF_F_TX_L4_MASK;
	const struct rte_ipv4_hdr *ip;

	if (l4 == RTE_MBUF_F_TX_SCTP_CKSUM || (ol & RTE_MBUF_F_TX_IPV6))
		return -ENOTSUP;
	if ((ol & RTE_MBUF_F_TX_IPV4) == 0)
		return -EINVAL;
	ip = ipv4_at(m, f, flen);
	if (ip == NULL)
		return -EINVAL;
	if ((l4 == RTE_MBUF_F_TX_TCP_CKSUM && ip->next_proto_id != IPPROTO_TCP) ||
	    (l4 == RTE_MBUF_F_TX_UDP_CKSUM && ip->next_proto_id != IPPROTO_UDP))
		return -EINVAL;
	return (ol & RTE_MBUF_F_TX_TCP_SEG) ? tso_check(m, ip, f, flen) : 0;
}

int
qt2025_tx_check(const struct rte_mbuf *m)
{
	uint8_t copy[TX_HDR_MAX];
	uint64_t ol = m->ol_flags;
	const uint8_t *f;
	uint32_t flen;
	int rc;

	if (ol & RTE_MBUF_F_TX_OFFLOAD_MASK & ~TX_OL_SUPPORTED)
		return -ENOTSUP;
	/* shorter than an Ethernet header is no frame: padding would make one up */
	if (m->pkt_len < RTE_ETHER_HDR_LEN)
		return -EINVAL;
	rc = chain_check(m);
	if (rc != 0)
		return rc;
	if ((ol & (TX_OL_CSUM | RTE_MBUF_F_TX_TCP_SEG)) == 0)
		return m->pkt_len <= QT2025_TX_MAX_FRAME ? 0 : -EINVAL;
	if ((ol & RTE_MBUF_F_TX_TCP_SEG) == 0 && m->pkt_len > QT2025_TX_MAX_FRAME)
		return -EINVAL;
	flen = RTE_MIN(m->pkt_len, (uint32_t)sizeof(copy));
	f = rte_pktmbuf_read(m, 0, flen, copy);
	if (f == NULL)
		return -EINVAL;
	return l3l4_check(m, f, flen);
}

uint16_t
qt2025_prep_pkts(void *tx, struct rte_mbuf **pkts, uint16_t n)
{
	struct qt2025_txq *q = tx;
	uint16_t i;
	int rc;

	for (i = 0; i < n; i++) {
		rc = qt2025_tx_check(pkts[i]);
		if (unlikely(rc != 0)) {
			rte_errno = -rc;
			q->st.refused++;
			return i;
		}
	}
	return i;
}
