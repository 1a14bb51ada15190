/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Out-of-tree builds only. DPDK's own eal_export.h (25.07 and later, not installed) marks
 * the symbols a library exports for its generated version map; here the plugin is built
 * with hidden visibility, so a mark makes its symbol visible, and config/gen-version-map.sh
 * writes the version script from the same marks.
 */

#ifndef QT2025_OOT_EAL_EXPORT_H
#define QT2025_OOT_EAL_EXPORT_H

#define RTE_EXPORT_EXPERIMENTAL_SYMBOL(symbol, ver) \
	extern __typeof__(symbol) symbol __attribute__((visibility("default")));
#define RTE_EXPORT_INTERNAL_SYMBOL(symbol) \
	extern __typeof__(symbol) symbol __attribute__((visibility("default")));
#define RTE_EXPORT_SYMBOL(symbol) \
	extern __typeof__(symbol) symbol __attribute__((visibility("default")));

#endif /* QT2025_OOT_EAL_EXPORT_H */
