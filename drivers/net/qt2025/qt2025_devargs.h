/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Devargs of both transports and the SFP module types, each from one table: the parser,
 * the error hints, the PARAM_STRING that dpdk-pmdinfo.py shows and the telemetry's module
 * names all come from the lists below (X-macros: X(entry...) then S between entries).
 */

#ifndef QT2025_DEVARGS_H
#define QT2025_DEVARGS_H

#include "qt2025.h"

/* X(token, 3.D70C code, name): the module types the QT2025 reports (hardware.md 8.5). */
#define QT2025_MODULES(X, S) \
	X("none", 0, "none") S \
	X("lrm", 1, "10GBASE-LRM") S \
	X("sr", 2, "10GBASE-SR") S \
	X("lr", 3, "10GBASE-LR") S \
	X("dac", 4, "SFP+ DAC") S \
	X("1g-sx", 5, "1000BASE-SX") S \
	X("1g-lx", 6, "1000BASE-LX") S \
	X("invalid", 7, "invalid") S \
	X("1g-cx", 8, "1000BASE-CX") S \
	X("1g-t", 9, "1000BASE-T") S \
	X("er", 10, "10GBASE-ER") S \
	X("active-dac", 11, "SFP+ active DAC")
#define QT2025_MODULE_TOKEN_(tok, code, name) tok
#define QT2025_MODULE_CHOICES QT2025_MODULES(QT2025_MODULE_TOKEN_, "|")

/* X(key, kind, value help): keys of both transports, then of the simulator only. */
#define QT2025_DEVARGS_COMMON(X, S) \
	X(phy_fw, PATH, "<path>") S \
	X(nic_fw, PATH, "<path>") S \
	X(link_poll_ms, POLL_MS, "<10-10000>") S \
	X(fw_force, BOOL, "<0|1>") S \
	X(datapath, DATAPATH, "auto|scalar|sse|avx2") S \
	X(trace, PATH, "<path>")
#define QT2025_DEVARGS_SIM(X, S) \
	X(wire, WIRE, "<name>|tap:<ifname>") S \
	X(module, MODULE, QT2025_MODULE_CHOICES) S \
	X(timing, TIMING, "real|fast") S \
	X(rxd_bc, RXD_BC, "2|3") S \
	X(txf_cookie, TXF_COOKIE, "echo|zero") S \
	X(mdio_absent, MDIO_ABSENT, "ffff-err|ffff|zero") S \
	X(isr_read, ISR_READ, "msk0|raw|msk0-all") S \
	X(dma, DMA, "auto|manual")
#define QT2025_DEVARG_PARAM_(key, kind, help) #key "=" help
#define QT2025_PCI_PARAMS QT2025_DEVARGS_COMMON(QT2025_DEVARG_PARAM_, " ")
#define QT2025_SIM_PARAMS \
	QT2025_DEVARGS_SIM(QT2025_DEVARG_PARAM_, " ") " " QT2025_PCI_PARAMS

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
