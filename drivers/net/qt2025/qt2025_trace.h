/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The trace=PATH devarg (qt2025_trace.c): every BAR0 and MDIO access of the bring-up, with
 * its time, in base/qt_trace.h's format; on the simulator also the model's own trace of the
 * same bring-up in PATH.model, for devtools/qt2025-trace-diff.sh. Without the devarg
 * nothing here runs and the card keeps its inline BAR0 accesses.
 */

#ifndef QT2025_TRACE_H
#define QT2025_TRACE_H

#include <stdio.h>

#include "qt2025.h"

/* Probe, before the first access: starts the trace when the devarg asks (0, or -errno with
 * one log line).
 */
int qt2025_trace_start(struct rte_eth_dev *dev);
/* End of the bring-up (PHY thread): closes the file(s). */
void qt2025_trace_bringup_done(struct rte_eth_dev *dev);
/* Close, once the PHY thread is gone: the card's own transport back, the trace freed. */
void qt2025_trace_close(struct rte_eth_dev *dev);
/* hw with the card's own transport in place of the trace's (a port reset keeps it). */
void qt2025_trace_inner(struct rte_eth_dev *dev, struct qt_hw *hw);
/* The simulator transport: writes the model's trace of the bring-up to f; f NULL: stops the
 * model's recording (called where the driver's trace ends, before the trace is written).
 */
typedef void (*qt2025_trace_model_fn)(struct rte_eth_dev *dev, FILE *f);
void qt2025_trace_set_model(struct rte_eth_dev *dev, qt2025_trace_model_fn fn);

#endif /* QT2025_TRACE_H */
