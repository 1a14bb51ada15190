/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * PMD-specific xstats: the PHY thread's cached counters (qt2025_xstats.c).
 */

#ifndef QT2025_XSTATS_H
#define QT2025_XSTATS_H

#include "qt2025.h"

int qt2025_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xstats, unsigned int n);
int qt2025_xstats_get_names(struct rte_eth_dev *dev, struct rte_eth_xstat_name *names,
			    unsigned int n);
int qt2025_xstats_reset(struct rte_eth_dev *dev);

#endif /* QT2025_XSTATS_H */
