/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Devargs, for both transports. A key this driver does not know, or a value it cannot use,
 * fails the probe with one line that names it.
 */

#include <stdlib.h>
#include <string.h>

#include <rte_kvargs.h>

#include "qt2025_devargs.h"
#include "qt2025_vec.h"

enum devarg_kind {
	PATH, POLL_MS, BOOL, WIRE, MODULE, TIMING, RXD_BC, TXF_COOKIE, MDIO_ABSENT, ISR_READ, DMA,
	DATAPATH
};

/* The index of v in the '|'-separated choices, or -EINVAL. */
static int
parse_choice(const char *v, const char *choices)
{
	size_t n = v != NULL ? strlen(v) : 0;
	int i = 0;

	while (n > 0 && *choices != '\0') {
		const char *end = strchr(choices, '|');
		size_t len = end != NULL ? (size_t)(end - choices) : strlen(choices);

		if (len == n && strncmp(v, choices, n) == 0)
			return i;
		if (end == NULL)
			break;
		choices = end + 1;
		i++;
	}
	return -EINVAL;
}

/* A key of QT2025_SIM_PARAMS, how its value parses, and its help there. */
struct devarg {
	const char *key;
	enum devarg_kind kind;
	const char *help;       /* up to the next blank */
	bool sim_only;          /* not in QT2025_PCI_PARAMS */
};

static const struct {
	const char *key;
	enum devarg_kind kind;
} kinds[] = {
	{ "phy_fw", PATH }, { "nic_fw", PATH }, { "link_poll_ms", POLL_MS },
	{ "fw_force", BOOL }, { "datapath", DATAPATH }, { "trace", PATH },
	{ "wire", WIRE }, { "module", MODULE }, { "timing", TIMING }, { "rxd_bc", RXD_BC },
	{ "txf_cookie", TXF_COOKIE }, { "mdio_absent", MDIO_ABSENT },
	{ "isr_read", ISR_READ }, { "dma", DMA },
};

/* The module types the QT2025 reports: devarg token, 3.D70C code, name (hardware.md 8.5). */
static const struct {
	const char *token;
	uint8_t code;
	const char *name;
} modules[] = {
	{ "none", 0, "none" },
	{ "lrm", 1, "10GBASE-LRM" },
	{ "sr", 2, "10GBASE-SR" },
	{ "lr", 3, "10GBASE-LR" },
	{ "dac", 4, "SFP+ DAC" },
	{ "1g-sx", 5, "1000BASE-SX" },
	{ "1g-lx", 6, "1000BASE-LX" },
	{ "invalid", 7, "invalid" },
	{ "1g-cx", 8, "1000BASE-CX" },
	{ "1g-t", 9, "1000BASE-T" },
	{ "er", 10, "10GBASE-ER" },
	{ "active-dac", 11, "SFP+ active DAC" },
};

int
qt2025_module_parse(const char *token)
{
	unsigned int i;

	for (i = 0; token != NULL && i < RTE_DIM(modules); i++)
		if (strcmp(token, modules[i].token) == 0)
			return modules[i].code;
	return -EINVAL;
}

const char *
qt2025_module_name(uint8_t code)
{
	unsigned int i;

	for (i = 0; i < RTE_DIM(modules); i++)
		if (modules[i].code == code)
			return modules[i].name;
	return "reserved";
}

/* Decimal digits only: no blank, no sign, no wrap (strtoul takes all three). */
static int
parse_u32(const char *v, uint32_t lo, uint32_t hi, uint32_t *out)
{
	uint64_t x = 0;
	const char *c;

	if (v == NULL || *v == '\0')
		return -EINVAL;
	for (c = v; *c != '\0'; c++) {
		if (*c < '0' || *c > '9')
			return -EINVAL;
		x = x * 10 + (uint64_t)(*c - '0');
		if (x > hi)
			return -EINVAL;
	}
	if (x < lo)
		return -EINVAL;
	*out = (uint32_t)x;
	return 0;
}

static int
parse_str(const char *v, char *out, size_t len, bool name_chars)
{
	const char *c;

	if (v == NULL || *v == '\0' || strlen(v) >= len)
		return -EINVAL;
	for (c = v; name_chars && *c != '\0'; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		      (*c >= '0' && *c <= '9') || *c == '_' || *c == '-'))
			return -EINVAL;
	strcpy(out, v);
	return 0;
}

static int
parse_pair(const struct devarg *d, const char *v, struct qt2025_devargs *a)
{
	uint32_t u = 0;
	int rc;

	switch (d->kind) {
	case PATH:
		return parse_str(v, strcmp(d->key, "phy_fw") == 0 ? a->phy_fw :
				 strcmp(d->key, "trace") == 0 ? a->trace : a->nic_fw,
				 PATH_MAX, false);
	case POLL_MS:
		return parse_u32(v, 10, 10000, &a->link_poll_ms);
	case BOOL:
		rc = parse_u32(v, 0, 1, &u);
		if (rc == 0)
			a->fw_force = u == 1;
		return rc;
	case WIRE:
		/* a name, or tap:IFNAME (a Linux TAP interface of at most 15 characters) */
		if (v != NULL && strncmp(v, "tap:", 4) == 0)
			return strlen(v + 4) < 16 && parse_str(v + 4, a->wire, 16, true) == 0 ?
			       parse_str(v, a->wire, sizeof(a->wire), false) : -EINVAL;
		return parse_str(v, a->wire, sizeof(a->wire), true);
	case MODULE:
		rc = qt2025_module_parse(v);
		if (rc < 0)
			return rc;
		a->module = (uint8_t)rc;
		return 0;
	case TIMING:
		if (v == NULL || (strcmp(v, "real") != 0 && strcmp(v, "fast") != 0))
			return -EINVAL;
		a->timing_real = strcmp(v, "real") == 0;
		return 0;
	case RXD_BC:
		return parse_u32(v, 2, 3, &u) == 0 ? (a->variants.rxd_bc = (uint8_t)u, 0) : -EINVAL;
	case TXF_COOKIE:
		if (v == NULL || (strcmp(v, "echo") != 0 && strcmp(v, "zero") != 0))
			return -EINVAL;
		a->variants.txf_zero_cookie = strcmp(v, "zero") == 0;
		return 0;
	case MDIO_ABSENT:       /* the model's variants, in the order of qt_sim.h */
		rc = parse_choice(v, "ffff-err|ffff|zero");
		return rc < 0 ? rc : (a->variants.mdio_absent = (enum qt_sim_mdio_absent)rc, 0);
	case ISR_READ:
		rc = parse_choice(v, "msk0|raw|msk0-all");
		return rc < 0 ? rc : (a->variants.isr_read = (enum qt_sim_isr_read)rc, 0);
	case DATAPATH:         /* in the order of enum qt2025_path */
		rc = parse_choice(v, QT2025_PATH_CHOICES);
		return rc < 0 ? rc : (a->datapath = (uint8_t)rc, 0);
	case DMA:
		if (v == NULL || (strcmp(v, "auto") != 0 && strcmp(v, "manual") != 0))
			return -EINVAL;
		a->variants.manual_dma = strcmp(v, "manual") == 0;
		return 0;
	}
	return -EINVAL;
}

/* key=value pairs in args as rte_kvargs counts them (it refuses more than RTE_KVARGS_MAX
 * with no word of why).
 */
static unsigned int
pairs(const char *args)
{
	unsigned int n = 1, depth = 0;

	for (; *args != '\0'; args++) {
		depth += *args == '[';
		depth -= *args == ']' && depth > 0;
		n += *args == ',' && depth == 0;
	}
	return n;
}

/* "key=" at the start of a word of params: its help, up to the next blank; else NULL. */
static const char *
help_in(const char *params, const char *key)
{
	size_t n = strlen(key);
	const char *p = params;

	while (p != NULL) {
		if (strncmp(p, key, n) == 0 && p[n] == '=')
			return p + n + 1;
		p = strchr(p, ' ');
		if (p != NULL)
			p++;
	}
	return NULL;
}

/* Fills d for key; false for a key that is not in QT2025_SIM_PARAMS or has no kind. */
static bool
find(const char *key, struct devarg *d)
{
	unsigned int i;

	d->help = help_in(QT2025_SIM_PARAMS, key);
	for (i = 0; d->help != NULL && i < RTE_DIM(kinds); i++) {
		if (strcmp(key, kinds[i].key) == 0) {
			d->key = kinds[i].key;
			d->kind = kinds[i].kind;
			d->sim_only = help_in(QT2025_PCI_PARAMS, key) == NULL;
			return true;
		}
	}
	return false;
}

static void
defaults(struct qt2025_devargs *a)
{
	memset(a, 0, sizeof(*a));
	a->link_poll_ms = QT2025_LINK_POLL_MS_DEFAULT;
	a->module = (uint8_t)qt2025_module_parse("sr");
	a->timing_real = true;
	a->variants.rxd_bc = 3;
}

int
qt2025_devargs_parse(const char *name, const char *args, bool is_sim,
		     struct qt2025_devargs *out)
{
	struct rte_kvargs *kv;
	unsigned int i;
	int rc = 0;

	defaults(out);
	if (args == NULL || *args == '\0')
		return 0;

	if (pairs(args) > RTE_KVARGS_MAX) {
		QT_INIT_LOG(ERR, name, "devargs: more than %d key=value pairs", RTE_KVARGS_MAX);
		return -EINVAL;
	}
	kv = rte_kvargs_parse(args, NULL);
	if (kv == NULL) {
		QT_INIT_LOG(ERR, name, "devargs: cannot parse \"%.64s\"", args);
		return -EINVAL;
	}
	for (i = 0; i < kv->count && rc == 0; i++) {
		const char *key = kv->pairs[i].key, *val = kv->pairs[i].value;
		struct devarg d;
		unsigned int j;

		for (j = 0; j < i && strcmp(kv->pairs[j].key, key) != 0; j++)
			;
		if (!find(key, &d)) {
			QT_INIT_LOG(ERR, name, "devarg \"%.64s\": unknown (known: %s)", key,
				    is_sim ? QT2025_SIM_PARAMS : QT2025_PCI_PARAMS);
			rc = -EINVAL;
		} else if (j < i) {
			QT_INIT_LOG(ERR, name, "devarg \"%s\": given twice", key);
			rc = -EINVAL;
		} else if (!is_sim && d.sim_only) {
			QT_INIT_LOG(ERR, name, "devarg \"%s\": for the simulator only", key);
			rc = -EINVAL;
		} else if (parse_pair(&d, val, out) != 0) {
			QT_INIT_LOG(ERR, name,
				    "devarg \"%s\": bad value \"%.64s\"%s, expected %.*s", key,
				    val != NULL ? val : "",
				    val != NULL && strlen(val) > 64 ? "..." : "",
				    (int)strcspn(d.help, " "), d.help);
			rc = -EINVAL;
		}
	}
	rte_kvargs_free(kv);
	if (rc != 0)
		defaults(out);  /* nothing half-applied */
	return rc;
}
