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

#include "qt2025_ethdev.h"

#define KEY_PHY_FW "phy_fw"
#define KEY_NIC_FW "nic_fw"
#define KEY_POLL "link_poll_ms"
#define KEY_FORCE "fw_force"
#define KEY_WIRE "wire"
#define KEY_MODULE "module"
#define KEY_TIMING "timing"

static const char *const sim_only_keys[] = { KEY_WIRE, KEY_MODULE, KEY_TIMING, NULL };
static const char *const common_keys[] = { KEY_PHY_FW, KEY_NIC_FW, KEY_POLL, KEY_FORCE, NULL };

static bool
key_in(const char *key, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(key, *list) == 0)
			return true;
	return false;
}

static int
parse_u32(const char *v, uint32_t lo, uint32_t hi, uint32_t *out)
{
	unsigned long x;
	char *end;

	if (v == NULL || *v == '\0')
		return -EINVAL;
	errno = 0;
	x = strtoul(v, &end, 10);
	if (errno != 0 || *end != '\0' || x < lo || x > hi)
		return -EINVAL;
	*out = (uint32_t)x;
	return 0;
}

static int
parse_path(const char *v, char *out, size_t len)
{
	if (v == NULL || *v == '\0' || strlen(v) >= len)
		return -EINVAL;
	strcpy(out, v);
	return 0;
}

static int
parse_wire(const char *v, char *out, size_t len)
{
	const char *c;

	if (v == NULL || strlen(v) >= len)
		return -EINVAL;
	for (c = v; *c != '\0'; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		      (*c >= '0' && *c <= '9') || *c == '_' || *c == '-'))
			return -EINVAL;
	strcpy(out, v);
	return 0;
}

static int
parse_pair(const char *key, const char *v, struct qt2025_devargs *a)
{
	uint32_t u;
	int rc;

	if (strcmp(key, KEY_PHY_FW) == 0)
		return parse_path(v, a->phy_fw, sizeof(a->phy_fw));
	if (strcmp(key, KEY_NIC_FW) == 0)
		return parse_path(v, a->nic_fw, sizeof(a->nic_fw));
	if (strcmp(key, KEY_POLL) == 0)
		return parse_u32(v, 10, 10000, &a->link_poll_ms);
	if (strcmp(key, KEY_FORCE) == 0) {
		rc = parse_u32(v, 0, 1, &u);
		a->fw_force = u == 1;
		return rc;
	}
	if (strcmp(key, KEY_WIRE) == 0)
		return parse_wire(v, a->wire, sizeof(a->wire));
	if (strcmp(key, KEY_MODULE) == 0) {
		rc = qt2025_sim_module_parse(v);
		if (rc < 0)
			return rc;
		a->module = rc;
		return 0;
	}
	if (strcmp(key, KEY_TIMING) == 0) {
		if (v != NULL && strcmp(v, "real") == 0)
			a->timing = QT_SIM_TIMING_REAL;
		else if (v != NULL && strcmp(v, "fast") == 0)
			a->timing = QT_SIM_TIMING_FAST;
		else
			return -EINVAL;
		return 0;
	}
	return -ENOENT;
}

static const char *
hint(const char *key)
{
	if (strcmp(key, KEY_POLL) == 0)
		return "an integer from 10 to 10000";
	if (strcmp(key, KEY_FORCE) == 0)
		return "0 or 1";
	if (strcmp(key, KEY_WIRE) == 0)
		return "up to 31 of [A-Za-z0-9_-]";
	if (strcmp(key, KEY_MODULE) == 0)
		return "none, sr, lr, lrm, er, dac, active-dac, 1g-sx, 1g-lx, 1g-cx, 1g-t, invalid";
	if (strcmp(key, KEY_TIMING) == 0)
		return "real or fast";
	return "a file path";
}

int
qt2025_devargs_parse(const char *name, const char *args, bool is_sim,
		     struct qt2025_devargs *out)
{
	struct rte_kvargs *kv;
	unsigned int i;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	out->link_poll_ms = QT2025_LINK_POLL_MS_DEFAULT;
	out->module = QT_SIM_MODULE_SR;
	out->timing = QT_SIM_TIMING_REAL;
	if (args == NULL || *args == '\0')
		return 0;

	kv = rte_kvargs_parse(args, NULL);
	if (kv == NULL) {
		QT_INIT_LOG(ERR, name, "cannot parse devargs \"%s\"", args);
		return -EINVAL;
	}
	for (i = 0; i < kv->count && rc == 0; i++) {
		const char *key = kv->pairs[i].key, *val = kv->pairs[i].value;

		if (!key_in(key, common_keys) && !key_in(key, sim_only_keys)) {
			QT_INIT_LOG(ERR, name, "unknown devarg \"%s\" (known: phy_fw, nic_fw, "
				    "link_poll_ms, fw_force%s)", key,
				    is_sim ? ", wire, module, timing" : "");
			rc = -EINVAL;
		} else if (!is_sim && key_in(key, sim_only_keys)) {
			QT_INIT_LOG(ERR, name, "devarg \"%s\" is for the simulator only", key);
			rc = -EINVAL;
		} else if (parse_pair(key, val, out) != 0) {
			QT_INIT_LOG(ERR, name, "bad value \"%s\" for devarg \"%s\": expected %s",
				    val != NULL ? val : "", key, hint(key));
			rc = -EINVAL;
		}
	}
	rte_kvargs_free(kv);
	return rc;
}
