/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The register dump of get_reg: a documented, versioned list of BAR0 registers (the rst
 * lists them in this order). Entry i of a dump is the register tn40_dump_regs[i].off.
 */

#ifndef TN40_DUMP_H
#define TN40_DUMP_H

#include "qt_hw.h"

#define TN40_DUMP_VERSION 1     /* bump when the list changes */

struct tn40_dump_reg {
	uint32_t off;
	const char *name;
};
extern const struct tn40_dump_reg tn40_dump_regs[];
extern const unsigned int tn40_dump_nregs;

/* Reads the tn40_dump_nregs registers of the list into data. */
void tn40_dump(struct qt_hw *hw, uint32_t *data);

#endif /* TN40_DUMP_H */
