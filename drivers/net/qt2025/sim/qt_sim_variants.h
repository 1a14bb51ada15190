/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The model's variants: for each fact hardware.md leaves UNCERTAIN that the driver relies
 * on, the answers the model can play (default in brackets), and how its DMA engines run.
 * Defined once, here: the simulator transport's devargs parse straight into this struct
 * (struct qt2025_devargs), and struct qt_sim_config takes it as it is.
 */

#ifndef QT_SIM_VARIANTS_H
#define QT_SIM_VARIANTS_H

#include <stdbool.h>
#include <stdint.h>

struct qt_sim_variants {
	uint8_t rxd_bc;                 /* RXD size, qwords: 2 or [3] (0 = 3) (hardware.md 4.6) */
	bool txf_zero_cookie;           /* TXF va_lo/va_hi: [echo the TXD's] or zeros (4.4) */
	enum qt_sim_mdio_absent {       /* a read of an MDIO address nobody answers (1) */
		QT_SIM_ABSENT_FFFF_ERR = 0, /* [0xFFFF and the error bit] */
		QT_SIM_ABSENT_FFFF,     /* 0xFFFF, no error */
		QT_SIM_ABSENT_ZERO,     /* 0x0000, no error */
	} mdio_absent;
	enum qt_sim_isr_read {          /* clear-on-read of ISR and ISR_MSK0 (hardware.md 3.8) */
		QT_SIM_ISR_DEFAULT = 0, /* [ISR_MSK0 clears what it reports, ISR clears all] */
		QT_SIM_ISR_RAW,         /* ISR is a raw view: reading it clears nothing */
		QT_SIM_ISR_MSK0_ALL,    /* ISR_MSK0 clears every pending bit, masked ones too */
	} isr_read;
	/* The DMA engines run only in qt_sim_dma_step(), not on register accesses or clock
	 * moves (the NIC-firmware init stream still runs on its doorbell).
	 */
	bool manual_dma;
};

static inline bool
qt_sim_variants_equal(const struct qt_sim_variants *a, const struct qt_sim_variants *b)
{
	return a->rxd_bc == b->rxd_bc && a->txf_zero_cookie == b->txf_zero_cookie &&
	       a->mdio_absent == b->mdio_absent && a->isr_read == b->isr_read &&
	       a->manual_dma == b->manual_dma;
}

#endif /* QT_SIM_VARIANTS_H */
