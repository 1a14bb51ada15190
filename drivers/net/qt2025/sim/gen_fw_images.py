#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
"""Placeholder: writes empty images (to be replaced)."""
import sys
with open(sys.argv[1], "w") as f:
    f.write('#include <stddef.h>\n#include <stdint.h>\n')
    f.write('const uint8_t qt_sim_phy_fw[1];\nconst size_t qt_sim_phy_fw_len = 0;\n')
    f.write('const uint8_t qt_sim_nic_fw[1];\nconst size_t qt_sim_nic_fw_len = 0;\n')
    f.write('const uint8_t qt_sim_phy_fw_sha256[32];\nconst uint8_t qt_sim_phy_fw_version[4];\n')
