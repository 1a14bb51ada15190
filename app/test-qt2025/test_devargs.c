/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * devargs: the parser and its tables, without EAL. The expected strings are written out
 * here again (double entry with qt2025_devargs.h): pmdinfo users and the rst rely on them.
 */

#include <string.h>

#include <rte_kvargs.h>

#include "qt2025_devargs.h"
#include "qt_test.h"

static const char pci_params[] =
	"phy_fw=<path> nic_fw=<path> link_poll_ms=<10-10000> fw_force=<0|1> "
	"datapath=auto|scalar|sse|avx2 trace=<path>";
static const char sim_params[] =
	"wire=<name>|tap:<ifname> "
	"module=none|lrm|sr|lr|dac|1g-sx|1g-lx|invalid|1g-cx|1g-t|er|active-dac "
	"timing=real|fast rxd_bc=2|3 txf_cookie=echo|zero mdio_absent=ffff-err|ffff|zero "
	"isr_read=msk0|raw|msk0-all dma=auto|manual "
	"phy_fw=<path> nic_fw=<path> link_poll_ms=<10-10000> fw_force=<0|1> "
	"datapath=auto|scalar|sse|avx2 trace=<path>";

QT_TEST(devargs, param_strings)
{
	QT_ASSERT(strcmp(QT2025_PCI_PARAMS, pci_params) == 0, "\"%s\"", QT2025_PCI_PARAMS);
	QT_ASSERT(strcmp(QT2025_SIM_PARAMS, sim_params) == 0, "\"%s\"", QT2025_SIM_PARAMS);
	return 0;
}

QT_TEST(devargs, defaults)
{
	struct qt2025_devargs a;

	memset(&a, 0xA5, sizeof(a));
	QT_ASSERT_EQ(qt2025_devargs_parse("t", NULL, true, &a), 0);
	QT_ASSERT_EQ(a.link_poll_ms, QT2025_LINK_POLL_MS_DEFAULT);
	QT_ASSERT_EQ(a.fw_force, false);
	QT_ASSERT_EQ(a.module, 2);
	QT_ASSERT_EQ(a.timing_real, true);
	QT_ASSERT(a.phy_fw[0] == '\0' && a.nic_fw[0] == '\0' && a.wire[0] == '\0', "paths");
	return 0;
}

QT_TEST(devargs, every_key)
{
	struct qt2025_devargs a;

	QT_ASSERT_EQ(qt2025_devargs_parse("t", "phy_fw=/a,nic_fw=/b,link_poll_ms=10,"
					  "fw_force=1,wire=w-1_x,module=1g-t,timing=fast",
					  true, &a), 0);
	QT_ASSERT(strcmp(a.phy_fw, "/a") == 0 && strcmp(a.nic_fw, "/b") == 0, "paths");
	QT_ASSERT_EQ(a.link_poll_ms, 10);
	QT_ASSERT_EQ(a.fw_force, true);
	QT_ASSERT(strcmp(a.wire, "w-1_x") == 0, "wire %s", a.wire);
	QT_ASSERT_EQ(a.module, 9);
	QT_ASSERT_EQ(a.timing_real, false);
	QT_ASSERT_EQ(qt2025_devargs_parse("t", "wire=tap:qt0-tap_1", true, &a), 0);
	QT_ASSERT(strcmp(a.wire, "tap:qt0-tap_1") == 0, "wire %s", a.wire);
	QT_ASSERT_EQ(qt2025_devargs_parse("t", "link_poll_ms=10000,fw_force=0", false, &a), 0);
	QT_ASSERT_EQ(a.link_poll_ms, 10000);
	QT_ASSERT_EQ(a.fw_force, false);
	QT_ASSERT_EQ(a.datapath, 0);            /* auto */
	QT_ASSERT_EQ(qt2025_devargs_parse("t", "datapath=scalar", false, &a), 0);
	QT_ASSERT_EQ(a.datapath, 1);
	QT_ASSERT_EQ(qt2025_devargs_parse("t", "datapath=avx2", true, &a), 0);
	QT_ASSERT_EQ(a.datapath, 3);
	return 0;
}

/* A value that does not parse changes nothing: the field keeps its default. */
QT_TEST(devargs, bad_values)
{
	static const char *const bad[] = {
		"link_poll_ms=9", "link_poll_ms=10001", "link_poll_ms=", "link_poll_ms=1x",
		"fw_force=2", "fw_force=", "fw_force=yes", "wire=a.b",
		"wire=0123456789012345678901234567890123", "module=xx", "module=", "wire=tap:",
		"wire=tap:a:b", "wire=tap:0123456789abcdef", "timing=slow", "rxd_bc=4",
		"txf_cookie=no",
		"mdio_absent=0xffff",
		"isr_read=isr", "datapath=avx512", "datapath=", "datapath=SSE",
		"phy_fw=", "nic_fw=", "bogus=1", "link_poll_ms", "link_poll_ms= 100",
		"link_poll_ms=+100", "link_poll_ms=-18446744073709551606",
		"link_poll_ms=18446744073709551626", "fw_force=0x1", "rxd_bc= 3",
		"link_poll_ms=100,link_poll_ms=200", "fw_force=1,fw_force=1",
	};
	struct qt2025_devargs a;
	unsigned int i;

	for (i = 0; i < RTE_DIM(bad); i++) {
		memset(&a, 0xA5, sizeof(a));
		QT_ASSERT_EQ(qt2025_devargs_parse("t", bad[i], true, &a), -EINVAL);
		QT_ASSERT(a.fw_force == false && a.link_poll_ms == QT2025_LINK_POLL_MS_DEFAULT &&
			  a.module == 2 && a.timing_real && a.datapath == 0,
			  "%s changed a field", bad[i]);
	}
	return 0;
}

/* More pairs than rte_kvargs takes: refused with a line that says so. */
QT_TEST(devargs, too_many_pairs)
{
	char args[40 * 12] = "";
	struct qt2025_devargs a;
	unsigned int i;

	for (i = 0; i < RTE_KVARGS_MAX + 1; i++)
		strcat(args, i == 0 ? "fw_force=0" : ",fw_force=0");
	QT_ASSERT_EQ(qt2025_devargs_parse("t", args, true, &a), -EINVAL);
	return 0;
}

QT_TEST(devargs, sim_keys_refused_on_pci)
{
	struct qt2025_devargs a;

	QT_ASSERT_EQ(qt2025_devargs_parse("t", "wire=x", false, &a), -EINVAL);
	QT_ASSERT_EQ(qt2025_devargs_parse("t", "module=sr", false, &a), -EINVAL);
	QT_ASSERT_EQ(qt2025_devargs_parse("t", "timing=fast", false, &a), -EINVAL);
	return 0;
}

QT_TEST(devargs, module_table)
{
	static const char *const tokens[] = {
		"none", "lrm", "sr", "lr", "dac", "1g-sx", "1g-lx", "invalid", "1g-cx", "1g-t",
		"er", "active-dac",
	};
	unsigned int i;

	for (i = 0; i < RTE_DIM(tokens); i++)
		QT_ASSERT_EQ(qt2025_module_parse(tokens[i]), i);
	QT_ASSERT_EQ(qt2025_module_parse("SR"), -EINVAL);
	QT_ASSERT_EQ(qt2025_module_parse(NULL), -EINVAL);
	QT_ASSERT(strcmp(qt2025_module_name(12), "reserved") == 0, "code 12");
	return 0;
}

/* The module= choices of the PARAM_STRING are the module table's tokens, in code order. */
QT_TEST(devargs, module_choices)
{
	const char *p = strstr(QT2025_SIM_PARAMS, " module=");
	char tok[16];
	int i = 0;

	QT_ASSERT(p != NULL, "no module= in \"%s\"", QT2025_SIM_PARAMS);
	for (p += strlen(" module="); *p != ' ' && *p != '\0'; i++) {
		size_t n = strcspn(p, "| ");

		QT_ASSERT(n < sizeof(tok), "choice %d too long", i);
		memcpy(tok, p, n);
		tok[n] = '\0';
		QT_ASSERT_EQ(qt2025_module_parse(tok), i);
		p += n + (p[n] == '|');
	}
	QT_ASSERT_EQ(i, 12);
	return 0;
}

/* The model variants of UNCERTAIN PHY and interrupt facts (hardware.md 1, 3.8). */
QT_TEST(devargs, variants)
{
	struct qt2025_devargs a;
	const struct qt_sim_variants *v = &a.variants;

	QT_ASSERT_EQ(qt2025_devargs_parse("t", "", true, &a), 0);
	QT_ASSERT(v->mdio_absent == 0 && v->isr_read == 0, "defaults %u %u", v->mdio_absent,
		  v->isr_read);
	QT_ASSERT_EQ(qt2025_devargs_parse("t", "mdio_absent=zero,isr_read=msk0-all", true, &a),
		     0);
	QT_ASSERT(v->mdio_absent == 2 && v->isr_read == 2, "got %u %u", v->mdio_absent,
		  v->isr_read);
	QT_ASSERT_EQ(qt2025_devargs_parse("t", "mdio_absent=ffff,isr_read=raw", true, &a), 0);
	QT_ASSERT(v->mdio_absent == 1 && v->isr_read == 1, "got %u %u", v->mdio_absent,
		  v->isr_read);
	QT_ASSERT_EQ(qt2025_devargs_parse("t", "mdio_absent=ffff", false, &a), -EINVAL);
	return 0;
}
