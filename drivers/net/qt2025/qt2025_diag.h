/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Bring-up step times and the MDIO transaction ring, as the private dump, telemetry and
 * devtools/qt2025-report.sh show them (qt2025_diag.c).
 */

#ifndef QT2025_DIAG_H
#define QT2025_DIAG_H

#include <stdio.h>

#include "qt2025.h"

/* ms after the probe of a step of the last bring-up, negative when it was skipped. */
double qt2025_step_ms(const struct qt2025_adapter *ad, enum qt2025_step s);
/* Copies the ring's records, oldest first, into out[QT_MDIO_RING_LEN]; returns how many. */
unsigned int qt2025_mdio_ring_read(const struct qt2025_adapter *ad, struct qt_mdio_rec *out);
/* "ms op prtad mmd.reg value [error]" */
void qt2025_mdio_rec_format(const struct qt2025_adapter *ad, const struct qt_mdio_rec *e,
			    char *buf, size_t len);
/* The steps and the ring, for the private dump. */
void qt2025_diag_dump(const struct qt2025_adapter *ad, FILE *f);

#endif /* QT2025_DIAG_H */
