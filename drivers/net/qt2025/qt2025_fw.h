/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Firmware files, read once at probe (design.md "Firmware").
 */

#ifndef QT2025_FW_H
#define QT2025_FW_H

#include "qt2025.h"

#define QT2025_PHY_FW_NAME "qt2025-2.0.3.3.fw"
#define QT2025_NIC_FW_NAME "tehuti/bdx.bin"
#define QT2025_NIC_FW_MAX (256 * 1024)

/* Loads both images into proc (builtin may be NULL); -errno with one log line. */
int qt2025_fw_load(const struct qt2025_adapter *ad, struct qt2025_proc *proc,
		   const struct qt2025_builtin_fw *builtin);
void qt2025_fw_free(struct qt2025_proc *proc);

#endif /* QT2025_FW_H */
