/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The telemetry commands' parameter parsing (qt2025_telemetry.c, qt2025_sim_telemetry.c)
 * on any string. The commands are taken from the driver's own registration: this harness
 * defines rte_telemetry_register_cmd, which the driver's constructors call before main.
 * No port exists, so every command must refuse (a negative value) or answer for none;
 * the port parser must take digits only, below RTE_MAX_ETHPORTS.
 */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <rte_telemetry.h>

#include "fuzz_common.h"
#include "qt2025_telemetry.h"

#define MAX_CMDS 16
static struct {
	const char *name;
	telemetry_cb fn;
} cmds[MAX_CMDS];
static unsigned int nb_cmds;

int
rte_telemetry_register_cmd(const char *cmd, telemetry_cb fn, const char *help)
{
	FZ_CHECK(help != NULL && strlen(help) < RTE_TEL_MAX_STRING_LEN, "%s: help text", cmd);
	/* DPDK's own commands register here too: only the driver's are fuzzed */
	if (strncmp(cmd, "/qt2025/", 8) == 0 && nb_cmds < MAX_CMDS) {
		cmds[nb_cmds].name = cmd;
		cmds[nb_cmds].fn = fn;
		nb_cmds++;
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rte_tel_data *d;
	const char *end = NULL;
	uint16_t port = 0;
	char *params;
	unsigned int i;
	int rc;

	fz_quiet_logs();
	FZ_CHECK(nb_cmds >= 3, "%u commands registered", nb_cmds);
	params = malloc(size + 1);      /* exactly: a read past the NUL is ASan's */
	FZ_CHECK(params != NULL, "out of memory");
	memcpy(params, data, size);
	params[size] = '\0';

	rc = qt2025_tel_parse_port(params, &end, &port);
	if (rc == 0) {
		const char *c;

		FZ_CHECK(port < RTE_MAX_ETHPORTS, "port %u", port);
		FZ_CHECK(end > params && end <= params + size, "end outside the string");
		for (c = params; c < end; c++)
			FZ_CHECK(isdigit((unsigned char)*c), "accepted '%c'", *c);
	}
	for (i = 0; i < nb_cmds; i++) {
		d = rte_tel_data_alloc();
		FZ_CHECK(d != NULL, "out of memory");
		rc = cmds[i].fn(cmds[i].name, params, d);
		/* no port: only /qt2025/ports answers, with an empty list, and only without
		 * parameters
		 */
		FZ_CHECK(rc < 0 || (strcmp(cmds[i].name, "/qt2025/ports") == 0 && params[0] == 0),
			 "%s \"%.40s\": %d with no port", cmds[i].name, params, rc);
		rte_tel_data_free(d);
	}
	free(params);
	return 0;
}
