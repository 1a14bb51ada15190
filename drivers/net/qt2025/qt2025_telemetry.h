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

/* The state's name as telemetry and the private dump give it. */
const char *qt2025_state_name(enum qt2025_state st);
/* A port id at s: decimal digits only, below RTE_MAX_ETHPORTS; *end after the digits. */
int qt2025_tel_parse_port(const char *s, const char **end, uint16_t *port);
/*
 * Close safety. Handlers run on the telemetry thread while the application may close the
 * port: they hold qt2025_tel_lock() (a lock of this process, never in shared memory) from
 * qt2025_tel_dev() to their last read of the port, and close clears the port's readable
 * mark under the same lock before anything is freed (qt2025_link_uninit).
 */
void qt2025_tel_lock(void);
void qt2025_tel_unlock(void);
/* Marks the port readable (probe done) or not (close begun); primary process. */
void qt2025_tel_port_set(uint16_t port, bool readable);
/* The port's device if this PMD drives it and it is readable; sim_only: the simulator
 * transport only. Call with qt2025_tel_lock() held.
 */
struct rte_eth_dev *qt2025_tel_dev(uint16_t port, bool sim_only);
/* Registers cmds at start-up; one warning line for a command that cannot be. */
struct qt2025_tel_cmd {
	const char *cmd;
	telemetry_cb fn;
	const char *help;       /* < RTE_TEL_MAX_STRING_LEN */
};
void qt2025_tel_register(const struct qt2025_tel_cmd *cmds, unsigned int n);

#endif /* QT2025_TELEMETRY_H */
