/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * An access trace of one card: a transport that wraps the card's own (BAR0 or ops), passes
 * every access on, and writes it to a file with its time, decoding the MDIO transactions
 * the accesses make. Only a port with the trace devarg has it; any other port keeps its
 * inline BAR0 accesses, untouched.
 *
 * Format (one line per access, times in us since the trace began):
 *   # net_qt2025 access trace 1: <source> <device>
 *   <us> rd32 0x<off> 0x<val> [*<n>]   n identical reads in a row (a poll), one line
 *   <us> wr32 0x<off> 0x<val>
 *   <us> mdio_rd <prtad> <mmd>.<REG> 0x<val>   (0xffff: data not read, error bit)
 *   <us> mdio_wr <prtad> <mmd>.<REG> 0x<val>
 *   <us> event <text>                  (the model's own events)
 *   # end: <n> lines
 */

#ifndef QT_TRACE_H
#define QT_TRACE_H

#include "qt_hw.h"

struct qt_trace;

/* Wraps hw's transport and starts writing to f (owned by the trace from now on).
 * NULL (and hw untouched) when out of memory.
 */
struct qt_trace *qt_trace_start(struct qt_hw *hw, FILE *f, const char *source);
/* Stops writing and closes the file; accesses still pass through. at_end, when not NULL, runs
 * with no access between the trace's last line and it (another record of the same accesses
 * can stop there too).
 */
void qt_trace_end(struct qt_trace *t, void (*at_end)(void *arg), void *arg);
/* Sets hw's transport to the one the trace wraps (hw may be a copy). */
void qt_trace_inner(const struct qt_trace *t, struct qt_hw *hw);
/* Gives hw its own transport back and frees the trace (ends it first if needed). */
void qt_trace_free(struct qt_trace *t, struct qt_hw *hw);

#endif /* QT_TRACE_H */
