/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The model suites' one client of the device model: Clause-45 MDIO through the BAR0
 * registers (hw note 5), the PLL reset (6.1), the MAC speed sequences (6.3) and the QT2025
 * bring-up (8.3), all on qt_sim_rd32/qt_sim_wr32 and written from the hardware note alone.
 * It never includes or calls base/: base/ is tested against the model and the model against
 * the note, so the two register maps check each other (double entry).
 */

#ifndef TEST_SIM_CLIENT_H
#define TEST_SIM_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "qt_sim.h"

/* BAR0 registers (hw note 3, 5, 6) */
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
#define LNKCHG0		0x08000000u	/* ISR bit (3.8) */
#define MDIO_BUSY	0x1		/* MDIO_CMD_STAT (5) */
#define MDIO_ERR	0x2
#define MDIO_READ	0x8000		/* MDIO_CMD */
#define MDIO_6MHZ	0x0A48		/* MDIO_CMD_STAT clock setting */

#define US		1000ull
#define MS		1000000ull
#define SIMC_PRTAD	1		/* QT2025 MDIO address of the cards (12.5) */

/* A configuration step of hw note 8.3 (steps 3..10), written while the 8051 is held. */
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
int simc_port_open(struct simc_port *p, struct qt_sim_fake_clock *fc, const char *wire,
		   enum qt_sim_module module);
struct qt_sim_obs simc_obs(struct qt_sim *sim);
/* Does the model's fail reason start with prefix? */
bool simc_reason_is(struct qt_sim *sim, const char *prefix);

/* ---- MDIO (hw note 5): 0 done, 1 done with the error bit, -1 BUSY never cleared ---- */
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

/* ---- QT2025 bring-up (hw note 8.3) ---- */
/* Where program byte i goes: 16 KiB at 3.8000, the rest at 4.8000 (8.2, 8.4). */
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

#endif /* TEST_SIM_CLIENT_H */
