/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Telemetry helpers shared by the PMD's commands (qt2025_telemetry.c) and the simulator's
 * (qt2025_sim_telemetry.c).
 */

#ifndef QT2025_TELEMETRY_H
#define QT2025_TELEMETRY_H

#include <rte_telemetry.h>

#include "qt2025.h"

/* A port id at s: decimal digits only, below RTE_MAX_ETHPORTS; *end after the digits. */
int qt2025_tel_parse_port(const char *s, const char **end, uint16_t *port);
/* The port's device if this PMD drives it; sim_only: the simulator transport only. */
struct rte_eth_dev *qt2025_tel_dev(uint16_t port, bool sim_only);
/* Registers cmds at start-up; one warning line for a command that cannot be. */
struct qt2025_tel_cmd {
	const char *cmd;
	telemetry_cb fn;
	const char *help;       /* < RTE_TEL_MAX_STRING_LEN */
};
void qt2025_tel_register(const struct qt2025_tel_cmd *cmds, unsigned int n);

#endif /* QT2025_TELEMETRY_H */
