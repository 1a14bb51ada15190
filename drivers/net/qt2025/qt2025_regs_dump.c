/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * get_reg: a documented list of BAR0 registers (32 bits each), version TN40_DUMP_VERSION;
 * the rst lists them in this order. Entry i of the dump is the register tn40_dump_regs[i].off, so
 * the dump is not a linear image of BAR0: a tool reads the list, not offsets.
 *
 * The list and what it leaves out (registers whose read changes the card) are in
 * base/tn40_dump.c. PHY registers are not dumped: MDIO belongs to the PHY thread (its state
 * is in eth_dev_priv_dump).
 */

#include "qt2025_ops.h"
#include "tn40_dump.h"

int
qt2025_get_reg(struct rte_eth_dev *dev, struct rte_dev_reg_info *info)
{
	struct qt_hw *hw = &qt2025_proc(dev)->hw;
	uint32_t n = tn40_dump_nregs;

	info->width = sizeof(uint32_t);
	info->version = TN40_DUMP_VERSION;
	if (info->data == NULL) {
		info->length = n;
		return 0;
	}
	if ((info->length != 0 && info->length != n) || info->offset != 0) {
		QT_DRV_LOG(ERR, qt2025_adapter(dev), "register dump: the whole list only "
			   "(offset 0, length %u or 0)", n);
		return -ENOTSUP;
	}
	if (hw->bar == NULL && hw->ops == NULL) {
		QT_DRV_LOG(ERR, qt2025_adapter(dev), "register dump: this process has no path "
			   "to the registers (a simulated port's model lives in the primary)");
		return -ENOTSUP;
	}
	tn40_dump(hw, info->data);
#ifdef QT_HAVE_REG_NAMES
	if (info->names != NULL) {
		uint32_t i;

		for (i = 0; i < n; i++)
			snprintf(info->names[i].name, sizeof(info->names[i].name), "%s",
				 tn40_dump_regs[i].name);
	}
#endif
	info->length = n;
	return 0;
}
