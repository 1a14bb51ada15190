/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The model suites' one client of the device model: Clause-45 MDIO through the BAR0
 * registers (hardware.md 5), the PLL reset (6.1), the MAC speed sequences (6.3) and the QT2025
 * bring-up (hardware.md 8.3), all on qt_sim_rd32/qt_sim_wr32 and written from hardware.md alone.
 * It never includes or calls base/: base/ is tested against the model and the model against
 * the note, so the two register maps check each other (double entry).
 */

#ifndef TEST_SIM_CLIENT_H
#define TEST_SIM_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "qt_sim.h"

/* BAR0 registers (hardware.md 3, 5, 6) */
#define R_MAC_LNK_STAT	0x0200
#define R_REFCLK	0x1010
#define R_INIT_STAT	0x1014
#define R_MAC_RST_CNT	0x111C
#define R_UNC_MAC0	0x1250
#define R_UNC_MAC1	0x1260
#define R_UNC_MAC2	0x1270
#define R_TXD_CFG1	0x4000
#define R_TXD_CFG0	0x4040
#define R_TXD_WPTR	0x4080
#define R_TXD_RPTR	0x40C0
#define R_CLKPLL	0x5000
#define R_SROM_VER	0x5020
#define R_FPGA_VER	0x5030
#define R_ISR		0x5100
#define R_IMR		0x5110
#define R_ISR_MSK0	0x5140
#define R_SEMAPHORE	0x5170
#define R_INIT_STATUS	0x5180
#define R_CTRLST	0x6008
#define R_MDIO_STAT	0x6030
#define R_MDIO_CMD	0x6034
#define R_MDIO_DATA	0x6038
#define R_MDIO_ADDR	0x603C
#define R_PCS_CTRL	0x6300
#define R_PCS_IF_MODE	0x6350
#define R_RST_PORT	0x7000
#define R_DIS_PORT	0x7010
#define R_RST_QU	0x7020
#define R_DIS_QU	0x7030
#define LNKCHG0		0x08000000u	/* ISR bit (hardware.md 3.8) */
#define MDIO_BUSY	0x1		/* MDIO_CMD_STAT (5) */
#define MDIO_ERR	0x2
#define MDIO_READ	0x8000		/* MDIO_CMD */
#define MDIO_6MHZ	0x0A48		/* MDIO_CMD_STAT clock setting */

#define US		1000ull
#define MS		1000000ull
#define SIMC_PRTAD	1		/* QT2025 MDIO address of the cards (hardware.md 12.5) */

/* A configuration step of hardware.md 8.3 (steps 3..10), written while the 8051 is held. */
struct simc_step {
	uint8_t mmd;
	uint16_t reg;
	uint16_t val;
	const char *name;
};
#define SIMC_CFG_STEPS	8
extern const struct simc_step simc_cfg_steps[SIMC_CFG_STEPS];
extern const uint8_t simc_mac[6];       /* factory MAC of simc_config() */

/* A port driven through its BAR: the model and the MDIO failures its terse forms saw. */
struct simc_port {
	struct qt_sim *sim;
	int err;
};

/* A config with the PHY at SIMC_PRTAD and simc_mac, on the given fake clock. */
void simc_config(struct qt_sim_config *cfg, struct qt_sim_fake_clock *fc, const char *wire,
		 enum qt_sim_module module, enum qt_sim_timing timing);
/* Creates a port as a driver would find it after probe: PLL reset, MDIO at 6 MHz. */
/* A card on fc with an SR module, cabled to wire (NULL: loopback plug); NULL if refused. */
struct qt_sim *simc_create(struct qt_sim_fake_clock *fc, enum qt_sim_timing timing,
			   const char *wire);
/* fc started again, then a card with a loopback plug. */
struct qt_sim *simc_setup(struct qt_sim_fake_clock *fc, enum qt_sim_timing timing);
int simc_port_open(struct simc_port *p, struct qt_sim_fake_clock *fc, const char *wire,
		   enum qt_sim_module module);
struct qt_sim_obs simc_obs(struct qt_sim *sim);
/* Does the model's fail reason start with prefix? */
bool simc_reason_is(struct qt_sim *sim, const char *prefix);

/* ---- MDIO (hardware.md 5): 0 done, 1 done with the error bit, -1 BUSY never cleared ---- */
int simc_mdio_wait(struct qt_sim *sim);
int simc_c45_read(struct qt_sim *sim, uint8_t prtad, uint8_t mmd, uint16_t reg,
		  uint16_t *val);
int simc_c45_write(struct qt_sim *sim, uint8_t prtad, uint8_t mmd, uint16_t reg,
		   uint16_t val);
/* Terse forms for the PHY at SIMC_PRTAD; a failed frame is counted in p->err. */
uint16_t simc_rd(struct simc_port *p, uint8_t mmd, uint16_t reg);
void simc_wr(struct simc_port *p, uint8_t mmd, uint16_t reg, uint16_t val);
/* Link bit of x.0001 as two back-to-back reads see it: latched << 1 | current. */
int simc_ll_pair(struct simc_port *p, uint8_t mmd);

/* ---- MAC side ---- */
void simc_pll_reset(struct qt_sim *sim);                /* 6.1 */
int simc_ethsd_handshake(struct qt_sim *sim);           /* 6.3 step 5 */
/* 6.3 sequence for 10000, 1000 or 0 (link down); handshake false leaves out step 5. */
int simc_mac_speed(struct qt_sim *sim, uint32_t speed, bool handshake);

/* ---- QT2025 bring-up (hardware.md 8.3) ---- */
/* Where program byte i goes: 16 KiB at 3.8000, the rest at 4.8000 (hardware.md 8.2, 8.4). */
void simc_prog_addr(size_t i, uint8_t *mmd, uint16_t *reg);
void simc_download(struct simc_port *p, const uint8_t *img, size_t len);
void simc_cfg_write(struct simc_port *p);               /* steps 3..10 */
void simc_phy_load(struct simc_port *p);                /* steps 2..14, synthetic image */
/* Step 15: polls 3.D7FD every 50 ms for 3 s until it leaves {0x00, 0x10}; 0 when it did. */
int simc_phy_wait_ready(struct simc_port *p, uint16_t *status);
/* Load and wait: 0 when the 8051 runs (status 0x70) with no MDIO failure. */
int simc_phy_boot(struct simc_port *p);
/* The same for a bare model, MDIO left at its reset clock. */
int simc_boot(struct qt_sim *sim);

/* ---- datapath (hardware.md 3.1, 3.10, 3.11, 4, 6.2, 6.5; test_sim_ring.c) ---- */
#define R_GMAC_RXF_A	0x1240
#define R_MAX_FRAME_A	0x12C0
#define R_VLAN_0	0x1800
#define R_MCST_HASH0	0x1A00
#define R_RXF_CFG1	0x4010
#define R_RXD_CFG1	0x4020
#define R_TXF_CFG1	0x4030
#define R_RXF_CFG0	0x4050
#define R_RXD_CFG0	0x4060
#define R_TXF_CFG0	0x4070
#define R_RXF_WPTR	0x4090
#define R_RXD_WPTR	0x40A0
#define R_TXF_WPTR	0x40B0
#define R_RXF_RPTR	0x40D0
#define R_RXD_RPTR	0x40E0
#define R_TXF_RPTR	0x40F0
#define R_STATS		0x7200		/* + 0x10 * counter, hi word at +8 */
#define IR_RX_DESC0	0x00000800u
#define IR_TX_FREE0	0x00008000u
#define RXF_OSEN	0x1000u		/* GMAC_RXF_A bits (hardware.md 3.10) */
#define RXF_ARUNT	0x0020u
#define RXF_ACRC	0x0010u
#define RXF_AM		0x0008u
#define RXF_AB		0x0004u
#define RXF_PRM		0x0001u
#define RXF_HW_START	0x140Cu		/* OSEN | TXFC | AM | AB (hardware.md 6.5) */
/* TXD word at offset 0 (hardware.md 4.3): type 3 and BC are added by simc_txd_put */
#define TXD_CSUM7	(7u << 5)
#define TXD_VTAG	(1u << 8)
#define TXD_LGSND	(1u << 9)
#define TXD_VLAN(vid, pcp)	((uint32_t)(vid) << 20 | (uint32_t)(pcp) << 13)

/* Counters (hardware.md 3.11), by offset */
enum {
	ST_IN_UCAST = 0x7200, ST_IN_MCAST = 0x7210, ST_IN_BCAST = 0x7220, ST_IN_PKTS = 0x7230,
	ST_IN_ERRORS = 0x7240, ST_IN_DROPPED = 0x7250, ST_FRAME_TOO_LONG = 0x7260,
	ST_IN_VLAN = 0x7280, ST_OUT_UCAST = 0x72F0, ST_OUT_MCAST = 0x7300,
	ST_OUT_BCAST = 0x7310, ST_OUT_PKTS = 0x7320, ST_OUT_VLAN = 0x7370,
	ST_IN_OCTETS = 0x73E0, ST_OUT_OCTETS = 0x73F0,
};

#define SIMC_ARENA_IOVA	0x712340000ull	/* DMA memory of a test port */
#define SIMC_RX_BUF	2048u		/* RX buffer slot size */
#define SIMC_RX_BUFS	1024u
#define SIMC_TX_AREA	(2u << 20)

/* One FIFO as the host sees it: its memory and the host's own position. */
struct simc_ring {
	uint8_t *mem;
	uint64_t iova;
	uint32_t size;
	uint32_t pos;           /* host write (TXD, RXF) or read (RXD, TXF) position */
	uint32_t cfg1;          /* CFG1 register; CFG0 at +0x40 */
};

/* A port with DMA memory: rings, RX buffer slots, a TX buffer area. */
struct simc_nic {
	struct simc_port port;
	struct qt_sim *sim;
	uint8_t *arena;
	size_t arena_len;
	struct simc_ring txd, txf, rxf, rxd;
	uint8_t *rx;            /* SIMC_RX_BUFS slots of SIMC_RX_BUF */
	uint64_t rx_iova;
	uint8_t *tx;            /* SIMC_TX_AREA bytes, used round robin */
	uint64_t tx_iova;
	uint32_t tx_off;
	uint32_t rxd_bc_seen;
};

/* A received packet as the RXD descriptor reports it (hardware.md 4.6). */
struct simc_rxd {
	uint32_t w0, bc, err, pkt_id, len, vlan, va_lo, va_hi, pos;
	bool vtag;
	const uint8_t *data;    /* the RX buffer slot of va_lo */
};

void *simc_dma_map(void *arg, uint64_t iova, size_t len);
/* A config for simc_nic_open: simc_config() plus the DMA map of n. */
void simc_nic_config(struct qt_sim_config *cfg, struct simc_nic *n,
		     struct qt_sim_fake_clock *fc, const char *wire);
/* Creates the port from cfg, loads both firmwares, SW reset, rings of size code `code`,
 * hw_start, 10G MAC: a port with link (when its far end is up too). 0 on success.
 */
int simc_nic_open(struct simc_nic *n, const struct qt_sim_config *cfg, unsigned int code);
/* The same without link: firmware pushed, SW reset, rings, hw_start, no PHY / MAC speed. */
int simc_nic_open_nolink(struct simc_nic *n, const struct qt_sim_config *cfg,
			 unsigned int code);
int simc_nic_link(struct simc_nic *n);          /* PHY boot and 10G MAC speed */
void simc_nic_close(struct simc_nic *n);
void simc_sw_reset(struct qt_sim *sim);         /* 6.2 */
void simc_hw_start(struct simc_nic *n);         /* 6.5 step 7 */
void simc_rings_cfg(struct simc_nic *n, unsigned int code);
uint64_t simc_stat(struct qt_sim *sim, uint32_t off);

/* TXD: writes a descriptor of k PBL entries at the host position, wrapping modulo the ring
 * (hardware.md 4.2, 4.3); returns its size. simc_txd_kick publishes TXD_WPTR.
 */
uint32_t simc_txd_put(struct simc_nic *n, uint32_t w1, uint16_t mss, uint16_t len,
		      uint32_t va_lo, uint32_t va_hi, const uint64_t *pa, const uint32_t *blen,
		      unsigned int k);
void simc_txd_kick(struct simc_nic *n);
/* Copies a frame into the TX area split over k buffers, puts its descriptor and kicks. */
uint32_t simc_tx(struct simc_nic *n, const void *frame, uint32_t len, uint32_t w1,
		 uint16_t mss, unsigned int k, uint32_t cookie);
/* Takes one TXF completion (hardware.md 4.4); 1 when there was one. */
int simc_txf_get(struct simc_nic *n, uint32_t *va_lo, uint32_t *va_hi);
int simc_txf_drain(struct simc_nic *n);
/* RXF: posts buffer slot id with length len, wrapping; simc_rxf_kick publishes. */
void simc_rxf_put(struct simc_nic *n, uint32_t id, uint32_t len);
void simc_rxf_kick(struct simc_nic *n);
void simc_rx_fill(struct simc_nic *n, uint32_t first, uint32_t count, uint32_t len);
/* RXD: one descriptor (1), none (0), or one only partly published (-1) (hardware.md 4.6). */
int simc_rxd_get(struct simc_nic *n, struct simc_rxd *d);

/* Frames: Ethernet + IPv4 + UDP or TCP with correct checksums, payload bytes i & 0xFF. */
uint32_t simc_udp_frame(uint8_t *f, const uint8_t dst[6], uint32_t payload);
uint32_t simc_tcp_frame(uint8_t *f, const uint8_t dst[6], uint32_t payload, uint32_t seq,
			uint8_t flags);
/* Does the frame's IPv4 header and TCP/UDP checksum verify? (the test's own check) */
bool simc_csum_ok(const uint8_t *f, uint32_t len);

#endif /* TEST_SIM_CLIENT_H */
