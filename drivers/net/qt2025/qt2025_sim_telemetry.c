/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The simulator's telemetry commands (design.md "Stable interfaces"): a simulated port's
 * cable and module, changed at run time from outside the application.
 */

#include <string.h>

#include "qt2025_devargs.h"
#include "qt2025_sim.h"
#include "qt2025_telemetry.h"

/*
 * "<port>,<word>" for the simulator commands: -EINVAL for bad syntax, -ENODEV for a port
 * that is not a simulated qt2025 port. *word points into params. On 0 the telemetry lock is
 * held (close safety, qt2025_telemetry.h): the caller releases it.
 */
static int
qt_tel_sim_params(const char *params, uint16_t *port, const char **word)
{
	const char *end;

	if (qt2025_tel_parse_port(params, &end, port) != 0 || *end != ',' || end[1] == '\0')
		return -EINVAL;
	*word = end + 1;
	qt2025_tel_lock();
	if (qt2025_tel_dev(*port, true) == NULL) {
		qt2025_tel_unlock();
		return -ENODEV;
	}
	return 0;
}

/* /qt2025/sim/cable,<port>,plug|unplug */
static int
qt_tel_sim_cable(const char *cmd __rte_unused, const char *params, struct rte_tel_data *d)
{
	const char *word;
	uint16_t port;
	bool plugged;
	int rc;

	rc = qt_tel_sim_params(params, &port, &word);
	if (rc != 0)
		return rc;
	plugged = strcmp(word, "plug") == 0;
	if (plugged || strcmp(word, "unplug") == 0)
		rc = qt2025_sim_cable(port, plugged);
	else
		rc = -EINVAL;
	qt2025_tel_unlock();
	if (rc != 0)
		return rc;

	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_int(d, "port", port);
	rte_tel_data_add_dict_string(d, "cable", plugged ? "plugged" : "unplugged");
	return 0;
}

/* /qt2025/sim/module,<port>,<type>|none */
static int
qt_tel_sim_module(const char *cmd __rte_unused, const char *params, struct rte_tel_data *d)
{
	const char *word;
	uint16_t port;
	int module;
	int rc;

	rc = qt_tel_sim_params(params, &port, &word);
	if (rc != 0)
		return rc;
	module = qt2025_module_parse(word);
	rc = module < 0 ? -EINVAL : qt2025_sim_module(port, (uint8_t)module);
	qt2025_tel_unlock();
	if (rc != 0)
		return rc;

	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_int(d, "port", port);
	rte_tel_data_add_dict_string(d, "module", qt2025_module_name((uint8_t)module));
	return 0;
}

/* /qt2025/sim/tx,<port>,wedge: the Tx engine stops, as on a descriptor it refuses */
static int
qt_tel_sim_tx(const char *cmd __rte_unused, const char *params, struct rte_tel_data *d)
{
	const char *word;
	uint16_t port;
	int rc;

	rc = qt_tel_sim_params(params, &port, &word);
	if (rc != 0)
		return rc;
	rc = strcmp(word, "wedge") == 0 ? qt2025_sim_fault(port, QT_SIM_FAULT_TX_WEDGE, 1) :
	     -EINVAL;
	qt2025_tel_unlock();
	if (rc != 0)
		return rc;

	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_int(d, "port", port);
	rte_tel_data_add_dict_string(d, "tx", "wedged");
	return 0;
}

static const struct qt2025_tel_cmd qt_tel_sim_cmds[] = {
	{ "/qt2025/sim/cable", qt_tel_sim_cable,
	  "Plugs or pulls a simulated port's cable. Parameters: int port_id,plug|unplug" },
	{ "/qt2025/sim/module", qt_tel_sim_module,
	  "Sets a simulated port's SFP+ module. Parameters: int port_id,<type>|none" },
	{ "/qt2025/sim/tx", qt_tel_sim_tx,
	  "Wedges a simulated port's Tx engine until the driver resets it. Parameters: "
	  "int port_id,wedge" },
};

RTE_INIT(qt2025_sim_telemetry_init)
{
	qt2025_tel_register(qt_tel_sim_cmds, RTE_DIM(qt_tel_sim_cmds));
}
