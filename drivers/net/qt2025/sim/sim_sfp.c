/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The SFP+ module's identification page (SFF-8472 address A0h, bytes 0..255) as the QT2025
 * firmware mirrors it at 3.D000 + n, one byte per register (hardware.md 8.2, from the Solarflare
 * QT2025C driver; whether TN40 boards' firmware does it is UNCERTAIN, so a knob turns the
 * mirror off or fills it with garbage). One plausible page per module type of hardware.md 8.5:
 * transceiver codes, encoding, bit rate, lengths, vendor strings, wavelength, both
 * checksums. The vendor is fictional; type 7 ("invalid module") has a damaged page.
 */

#include <stdio.h>
#include <string.h>

#include "sim_phy.h"

/* SFF-8472 A0h byte offsets */
#define A0_ID           0
#define A0_EXT_ID       1
#define A0_CONNECTOR    2
#define A0_10G_CODES    3       /* bit 4 SR, 5 LR, 6 LRM, 7 ER */
#define A0_1G_CODES     6       /* bit 0 SX, 1 LX, 2 CX, 3 1000BASE-T */
#define A0_CABLE_TECH   8       /* bit 2 passive, 3 active */
#define A0_ENCODING     11
#define A0_BR_NOMINAL   12      /* units of 100 MBd */
#define A0_LEN_SMF_KM   14
#define A0_LEN_SMF_100M 15
#define A0_LEN_OM2      16      /* units of 10 m */
#define A0_LEN_OM1      17
#define A0_LEN_COPPER   18      /* metres */
#define A0_LEN_OM3      19
#define A0_VENDOR_NAME  20      /* 16 bytes, space padded */
#define A0_VENDOR_OUI   37
#define A0_VENDOR_PN    40      /* 16 bytes */
#define A0_VENDOR_REV   56      /* 4 bytes */
#define A0_WAVELENGTH   60      /* nm, big endian; cable compliance for copper */
#define A0_CC_BASE      63      /* low byte of the sum of bytes 0..62 */
#define A0_OPTIONS      64
#define A0_VENDOR_SN    68      /* 16 bytes */
#define A0_DATE_CODE    84      /* 8 bytes YYMMDDLL */
#define A0_DIAG_TYPE    92
#define A0_ENH_OPTIONS  93
#define A0_SFF8472_REV  94
#define A0_CC_EXT       95      /* low byte of the sum of bytes 64..94 */

#define ID_SFP          0x03
#define EXT_ID_SFP      0x04
#define CONN_LC         0x07
#define CONN_COPPER     0x21    /* copper pigtail */
#define CONN_RJ45       0x22
#define ENC_8B10B       0x01
#define ENC_64B66B      0x06

struct sfp_type {
	uint8_t code10, code1g, cable, connector;
	uint8_t br;             /* 100 MBd */
	uint16_t wavelength;
	uint8_t len_byte, len_val;
	const char *pn;
};

static const struct sfp_type sfp_types[] = {
	[QT_SIM_MODULE_LRM] = { 0x40, 0, 0, CONN_LC, 103, 1310, A0_LEN_OM2, 22, "QTS-10G-LRM" },
	[QT_SIM_MODULE_SR] = { 0x10, 0, 0, CONN_LC, 103, 850, A0_LEN_OM3, 30, "QTS-10G-SR" },
	[QT_SIM_MODULE_LR] = { 0x20, 0, 0, CONN_LC, 103, 1310, A0_LEN_SMF_KM, 10,
			       "QTS-10G-LR" },
	[QT_SIM_MODULE_DAC] = { 0, 0, 0x04, CONN_COPPER, 103, 0x0001, A0_LEN_COPPER, 3,
				"QTS-10G-DAC3M" },
	[QT_SIM_MODULE_1G_SX] = { 0, 0x01, 0, CONN_LC, 13, 850, A0_LEN_OM2, 55, "QTS-1G-SX" },
	[QT_SIM_MODULE_1G_LX] = { 0, 0x02, 0, CONN_LC, 13, 1310, A0_LEN_SMF_KM, 10,
				  "QTS-1G-LX" },
	[QT_SIM_MODULE_INVALID] = { 0, 0, 0, 0, 0, 0, A0_LEN_COPPER, 0, "QTS-UNKNOWN" },
	[QT_SIM_MODULE_1G_CX] = { 0, 0x04, 0, CONN_COPPER, 13, 0, A0_LEN_COPPER, 5,
				  "QTS-1G-CX5M" },
	[QT_SIM_MODULE_1G_T] = { 0, 0x08, 0, CONN_RJ45, 13, 0, A0_LEN_COPPER, 100,
				 "QTS-1G-T" },
	[QT_SIM_MODULE_ER] = { 0x80, 0, 0, CONN_LC, 103, 1550, A0_LEN_SMF_KM, 40,
			       "QTS-10G-ER" },
	[QT_SIM_MODULE_ACTIVE_DAC] = { 0, 0, 0x08, CONN_COPPER, 103, 0x0004, A0_LEN_COPPER, 7,
				       "QTS-10G-AOC7M" },
};

static void
put_str(uint8_t *page, unsigned int off, unsigned int len, const char *s)
{
	size_t n = strlen(s);

	memset(page + off, ' ', len);
	memcpy(page + off, s, n < len ? n : len);
}

static uint8_t
sum(const uint8_t *page, unsigned int from, unsigned int to)
{
	unsigned int i, s = 0;

	for (i = from; i <= to; i++)
		s += page[i];
	return (uint8_t)s;
}

void
qt_sim_sfp_page(enum qt_sim_module m, uint8_t page[QT_SIM_SFP_PAGE_LEN])
{
	const struct sfp_type *t;
	char sn[17];

	memset(page, 0, QT_SIM_SFP_PAGE_LEN);
	if ((unsigned int)m >= SIM_DIM(sfp_types) ||
	    sfp_types[m].pn == NULL)
		return;         /* no module: nothing answers on the module's I2C bus */
	t = &sfp_types[m];
	page[A0_ID] = ID_SFP;
	page[A0_EXT_ID] = EXT_ID_SFP;
	page[A0_CONNECTOR] = t->connector;
	page[A0_10G_CODES] = t->code10;
	page[A0_1G_CODES] = t->code1g;
	page[A0_CABLE_TECH] = t->cable;
	page[A0_ENCODING] = t->br > 13 ? ENC_64B66B : ENC_8B10B;
	page[A0_BR_NOMINAL] = t->br;
	page[t->len_byte] = t->len_val;
	if (t->len_byte == A0_LEN_SMF_KM)
		page[A0_LEN_SMF_100M] = t->len_val >= 25 ? 255 : (uint8_t)(t->len_val * 10);
	put_str(page, A0_VENDOR_NAME, 16, "QTSIM OPTICS");
	page[A0_VENDOR_OUI] = 0x02;     /* a locally administered OUI: fictional vendor */
	page[A0_VENDOR_OUI + 1] = 0x51;
	page[A0_VENDOR_OUI + 2] = 0x20;
	put_str(page, A0_VENDOR_PN, 16, t->pn);
	put_str(page, A0_VENDOR_REV, 4, "A");
	page[A0_WAVELENGTH] = (uint8_t)(t->wavelength >> 8);
	page[A0_WAVELENGTH + 1] = (uint8_t)t->wavelength;
	page[A0_CC_BASE] = sum(page, 0, A0_CC_BASE - 1);
	page[A0_OPTIONS + 1] = 0x1A;    /* RX_LOS, TX_FAULT, TX_DISABLE implemented */
	snprintf(sn, sizeof(sn), "QTS%02u2611220001", (unsigned int)m);
	put_str(page, A0_VENDOR_SN, 16, sn);
	memcpy(page + A0_DATE_CODE, "261122  ", 8);
	if (t->connector == CONN_LC) {
		page[A0_DIAG_TYPE] = 0x68;      /* DDM, internally calibrated, average power */
		page[A0_ENH_OPTIONS] = 0xF0;
		page[A0_SFF8472_REV] = 0x06;    /* SFF-8472 rev 11.3 */
	}
	page[A0_CC_EXT] = sum(page, A0_OPTIONS, A0_CC_EXT - 1);
	if (m == QT_SIM_MODULE_INVALID)
		page[A0_CC_BASE] ^= 0x5A;       /* a damaged EEPROM: the base checksum fails */
}

/* 3.D000 + n: what the running firmware mirrors, per the sfp_mirror knob. */
uint16_t
sim_sfp_mirror_read(const struct sim_phy *phy, uint16_t n)
{
	uint8_t page[QT_SIM_SFP_PAGE_LEN];

	if (sim_phy_state(phy) != QT_SIM_PHY_RUNNING || n >= QT_SIM_SFP_PAGE_LEN)
		return 0;
	switch (phy->sfp_mirror) {
	case QT_SIM_SFP_MIRROR_NONE:
		return 0;               /* unknown registers read 0 (hardware.md 12.5) */
	case QT_SIM_SFP_MIRROR_GARBAGE:
		return (uint16_t)(0xA5u ^ (n * 37u));
	default:
		qt_sim_sfp_page(phy->module, page);
		return page[n];
	}
}
