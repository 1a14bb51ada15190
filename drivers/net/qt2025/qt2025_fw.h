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

/* Images a transport carries itself (the simulator's synthetic test data), used when no
 * devarg names a file. A PCI card has none: its files are searched as the kernel does.
 */
struct qt2025_builtin_fw {
	const uint8_t *phy;
	size_t phy_len;
	const uint8_t *phy_sha256;      /* 32 bytes: recognises the image in a file too */
	const uint8_t *phy_version;     /* 4 bytes: what the PHY reports once it runs it */
	const uint8_t *nic;
	size_t nic_len;
};

/* Loads both images into proc (builtin may be NULL); -errno with one log line. */
int qt2025_fw_load(const struct qt2025_adapter *ad, struct qt2025_proc *proc,
		   const struct qt2025_builtin_fw *builtin);
void qt2025_fw_free(struct qt2025_proc *proc);

#endif /* QT2025_FW_H */
