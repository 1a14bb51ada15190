/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * TN40xx descriptor layouts (hardware.md 4.3-4.6). All fields little-endian; the burst code
 * converts with qt_le32/qt_le16 (free on x86).
 */

#ifndef TN40_DESC_H
#define TN40_DESC_H

#include "qt_osdep.h"

/* TXD header (hardware.md 4.3), followed by k PBL entries and zero padding to 8 bytes */
struct tn40_txd {
	uint32_t w1;
	uint16_t mss;
	uint16_t len;           /* sum of the PBL lengths */
	uint32_t va_lo;         /* cookie, echoed in TXF (UNCERTAIN, 4.4) */
	uint32_t va_hi;
};

struct tn40_pbl {
	uint32_t pa_lo;
	uint32_t pa_hi;
	uint32_t len;
};

#define TN40_TXD_MAX_PBL        19      /* BC is 5 bits: 31 qwords at most (hardware.md 4.3) */
#define TN40_TXD_TYPE           (3u << 16)      /* "type = 3 for regular Tx packet" */
#define TN40_TXD_CSUM_ALL       (7u << 5)       /* IP + TCP + UDP checksum by the NIC */
#define TN40_TXD_VTAG           (1u << 8)
#define TN40_TXD_LGSND          (1u << 9)
#define TN40_TXD_PCP_SHIFT      13
#define TN40_TXD_VID_SHIFT      20

/* Bytes of a TXD with k buffers: 16 + 12 k, padded to 8 (the table of 4.3). */
static inline uint32_t
tn40_txd_size(uint32_t k)
{
	return (16 + 12 * k + 7) & ~7u;
}

/* TXF completion (hardware.md 4.4) */
struct tn40_txf {
	uint32_t status;
	uint32_t va_lo;
	uint32_t va_hi;
	uint32_t pad;
};

/* RXF free buffer (hardware.md 4.5) */
struct tn40_rxf {
	uint32_t info;          /* TN40_RXF_INFO */
	uint32_t va_lo;         /* buffer id, echoed in RXD */
	uint32_t va_hi;
	uint32_t pa_lo;
	uint32_t pa_hi;
	uint32_t len;
};
#define TN40_RXF_INFO           0x00010003u     /* BC 3, INFO 1 */

/* RXD received packet (hardware.md 4.6): 16 bytes always there; rss words only when BC is 3 */
struct tn40_rxd {
	uint32_t val1;
	uint16_t len;           /* frame length without FCS */
	uint16_t vlan;          /* TCI when VTAG */
	uint32_t va_lo;
	uint32_t va_hi;
};
#define TN40_RXD_BC(v)          ((v) & 0x1Fu)
#define TN40_RXD_ERR(v)         (((v) >> 21) & 0x3Fu)
#define TN40_RXD_ERR_CRC        0x04u
#define TN40_RXD_ERR_UDP        0x08u
#define TN40_RXD_ERR_TCP        0x10u
#define TN40_RXD_ERR_L4_MASK    ((TN40_RXD_ERR_UDP | TN40_RXD_ERR_TCP) << 21)
#define TN40_RXD_PKT_ID(v)      (((v) >> 28) & 0x7u)
#define TN40_RXD_PKT_ID_MASK    0x70000000u
#define TN40_RXD_PKT_TCP        1       /* inferred (hardware.md 4.6) */
#define TN40_RXD_PKT_UDP        2
#define TN40_RXD_VTAG           0x80000000u

#endif /* TN40_DESC_H */
