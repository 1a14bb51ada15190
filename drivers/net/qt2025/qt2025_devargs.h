/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Devargs of both transports and the SFP module types. The PARAM_STRINGs below, which
 * dpdk-pmdinfo.py shows, are also the parser's list of keys and the help its errors give;
 * the module table is in qt2025_devargs.c.
 */

#ifndef QT2025_DEVARGS_H
#define QT2025_DEVARGS_H

#include "qt2025.h"

/* key=help of both transports, then of the simulator only */
#define QT2025_PCI_PARAMS \
	"phy_fw=<path> nic_fw=<path> link_poll_ms=<10-10000> fw_force=<0|1> " \
	"datapath=auto|scalar|sse|avx2 trace=<path>"
#define QT2025_SIM_PARAMS \
	"wire=<name>|tap:<ifname> " \
	"module=none|lrm|sr|lr|dac|1g-sx|1g-lx|invalid|1g-cx|1g-t|er|active-dac " \
	"timing=real|fast rxd_bc=2|3 txf_cookie=echo|zero mdio_absent=ffff-err|ffff|zero " \
	"isr_read=msk0|raw|msk0-all dma=auto|manual " QT2025_PCI_PARAMS

/* Parses args (may be NULL) into out, defaults first; -EINVAL with one line naming the
 * key for anything it cannot use.
 */
int qt2025_devargs_parse(const char *name, const char *args, bool is_sim,
			 struct qt2025_devargs *out);

/* "sr", "none", ... to the 3.D70C code, or -EINVAL. */
int qt2025_module_parse(const char *token);
/* The code's name ("10GBASE-SR"), "reserved" for codes the table lacks. */
const char *qt2025_module_name(uint8_t code);

#endif /* QT2025_DEVARGS_H */
