/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * get_reg: a documented list of BAR0 registers (32 bits each), version TN40_DUMP_VERSION;
 * the rst lists them in this order. Entry i of the dump is the register tn40_dump_regs[i].off, so
 * the dump is not a linear image of BAR0: a tool reads the list, not offsets.
 *
 * The list and what it leaves out (registers whose read changes the card) are in
 * base/tn40_dump.c. PHY registers are not dumped: MDIO belongs to the PHY thread (its state
 * is in eth_dev_priv_dump).
 */

#include <rte_string_fns.h>

#include "qt2025_ops.h"
#include "tn40_dump.h"

#define REGS_MP_NAME "qt2025_regs"      /* the primary reads the registers for a secondary */
#define REGS_MP_TIMEOUT_S 2

/* Primary: one port's dump as the reply's parameter (empty when the port is not ours). */
static int
regs_mp_action(const struct rte_mp_msg *msg, const void *peer)
{
	struct rte_mp_msg reply;
	uint16_t port;

	memset(&reply, 0, sizeof(reply));
	strlcpy(reply.name, msg->name, sizeof(reply.name));
	if (msg->len_param == sizeof(port)) {
		memcpy(&port, msg->param, sizeof(port));
		if (rte_eth_dev_is_valid_port(port) && rte_eth_devices[port].dev_ops != NULL &&
		    rte_eth_devices[port].dev_ops->get_reg == qt2025_get_reg &&
		    tn40_dump_nregs * sizeof(uint32_t) <= sizeof(reply.param)) {
			uint32_t data[RTE_MP_MAX_PARAM_LEN / sizeof(uint32_t)];

			tn40_dump(&qt2025_proc(&rte_eth_devices[port])->hw, data);
			memcpy(reply.param, data, tn40_dump_nregs * sizeof(uint32_t));
			reply.len_param = tn40_dump_nregs * sizeof(uint32_t);
		}
	}
	return rte_mp_reply(&reply, peer);
}

void
qt2025_regs_mp_init(void)
{
	static bool done;

	/* EEXIST from a second registration, ENOTSUP without multi-process: both fine */
	if (!done && rte_mp_action_register(REGS_MP_NAME, regs_mp_action) == 0)
		done = true;
}

/* Secondary of a simulated port: the primary reads them (its process holds the model). */
static int
regs_from_primary(struct rte_eth_dev *dev, uint32_t *data)
{
	struct rte_mp_msg req;
	struct rte_mp_reply reply = { 0 };
	struct timespec ts = { .tv_sec = REGS_MP_TIMEOUT_S };
	uint16_t port = dev->data->port_id;
	int rc = -ENOTSUP;

	memset(&req, 0, sizeof(req));
	strlcpy(req.name, REGS_MP_NAME, sizeof(req.name));
	memcpy(req.param, &port, sizeof(port));
	req.len_param = sizeof(port);
	if (rte_mp_request_sync(&req, &reply, &ts) == 0 && reply.nb_received == 1 &&
	    reply.msgs[0].len_param == (int)(tn40_dump_nregs * sizeof(uint32_t))) {
		memcpy(data, reply.msgs[0].param, tn40_dump_nregs * sizeof(uint32_t));
		rc = 0;
	}
	free(reply.msgs);
	if (rc != 0)
		QT_DRV_LOG(ERR, qt2025_adapter(dev), "register dump: the primary process did "
			   "not answer (a simulated port's model lives there)");
	return rc;
}

int
qt2025_get_reg(struct rte_eth_dev *dev, struct rte_dev_reg_info *info)
{
	struct qt_hw *hw = &qt2025_proc(dev)->hw;
	uint32_t n = tn40_dump_nregs;

	info->width = sizeof(uint32_t);
	info->version = TN40_DUMP_VERSION;
	if (info->data == NULL) {
		info->length = n;
		return 0;
	}
	if ((info->length != 0 && info->length != n) || info->offset != 0) {
		QT_DRV_LOG(ERR, qt2025_adapter(dev), "register dump: the whole list only "
			   "(offset 0, length %u or 0)", n);
		return -ENOTSUP;
	}
	if (hw->bar == NULL && hw->ops == NULL) {
		int rc = regs_from_primary(dev, info->data);

		if (rc != 0)
			return rc;
	} else {
		tn40_dump(hw, info->data);
	}
#ifdef QT_HAVE_REG_NAMES
	if (info->names != NULL) {
		uint32_t i;

		for (i = 0; i < n; i++)
			snprintf(info->names[i].name, sizeof(info->names[i].name), "%s",
				 tn40_dump_regs[i].name);
	}
#endif
	info->length = n;
	return 0;
}
