/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The ethdev ops around the datapath that tools reach for: module EEPROM
 * (qt2025_module.c), register dump (qt2025_regs_dump.c), firmware version, private dump,
 * identification LED, flow control and link speeds (qt2025_ops.c). The
 * read-only ones also sit in the secondary table: they copy what the primary's PHY thread
 * published in dev_private and issue no MDIO.
 */

#ifndef QT2025_OPS_H
#define QT2025_OPS_H

#include "qt2025.h"

/* Probe: the module EEPROM unknown, published so into dev_private. */
void qt2025_sfp_init(struct rte_eth_dev *dev);
/* The PHY thread, at each poll that read the module type: follows the module EEPROM
 * (base/qt_phy_sfp.c), reads it when due or asked for, publishes each new state.
 */
void qt2025_sfp_refresh(struct qt2025_adapter *ad, struct qt_hw *hw, uint8_t module);
/* A consistent copy of the published module EEPROM state: 0, or -EAGAIN (out->status too). */
int qt2025_sfp_get(const struct qt2025_adapter *ad, struct qt_sfp_state *out);
int qt2025_get_module_info(struct rte_eth_dev *dev, struct rte_eth_dev_module_info *mi);
int qt2025_get_module_eeprom(struct rte_eth_dev *dev, struct rte_dev_eeprom_info *info);

/* The documented, versioned register list (QT2025_REGS_VERSION) of qt2025_regs_dump.c. */
int qt2025_get_reg(struct rte_eth_dev *dev, struct rte_dev_reg_info *regs);
/* Primary: answers secondaries' register dumps of simulated ports (EAL IPC). */
void qt2025_regs_mp_init(void);

int qt2025_fw_version_get(struct rte_eth_dev *dev, char *fw, size_t len);
int qt2025_priv_dump(struct rte_eth_dev *dev, FILE *f);
int qt2025_dev_led_on(struct rte_eth_dev *dev);
int qt2025_dev_led_off(struct rte_eth_dev *dev);
int qt2025_flow_ctrl_get(struct rte_eth_dev *dev, struct rte_eth_fc_conf *fc);
int qt2025_flow_ctrl_set(struct rte_eth_dev *dev, struct rte_eth_fc_conf *fc);
/* dev_configure's check of link_speeds against what the module can do: 0 or -EINVAL. */
int qt2025_link_speeds_check(struct rte_eth_dev *dev);
/* dev_start's: every queue set up, link_speeds against the module in the cage now. */
int qt2025_start_check(struct rte_eth_dev *dev);

/* dev_start, after the rings, and flow_ctrl_set on a started port: applies LED and flow
 * control as set (hw_start wrote its defaults).
 */
void qt2025_ops_restore(struct rte_eth_dev *dev);

#endif /* QT2025_OPS_H */
