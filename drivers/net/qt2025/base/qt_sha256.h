/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * SHA-256 (FIPS 180-4), to recognise firmware images by their digest.
 */

#ifndef QT_SHA256_H
#define QT_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define QT_SHA256_LEN 32

/* sha256 of qt2025-2.0.3.3.fw (hardware.md 8.4) */
#define QT2025_FW_2033_SHA256 \
	"95594ca080743e9c8e8a46743d6e413dd452152100ca9a3cd817617e5ac7187b"

void qt_sha256(const void *data, size_t len, uint8_t out[QT_SHA256_LEN]);

#endif /* QT_SHA256_H */
