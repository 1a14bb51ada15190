/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The EAL suites' telemetry client: this process's own socket, the few JSON lookups the
 * tests need, and /qt2025/phy; see test_eal_util.h.
 */

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <rte_eal.h>

#include "test_eal_util.h"

int
qtt_tel(const char *cmd, char *out, size_t len)
{
	struct sockaddr_un sun;
	ssize_t n;
	int fd;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	if (snprintf(sun.sun_path, sizeof(sun.sun_path), "%s/dpdk_telemetry.v2",
		     rte_eal_get_runtime_dir()) >= (int)sizeof(sun.sun_path)) {
		fprintf(stderr, "    telemetry socket path too long\n");
		return -1;
	}
	fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		fprintf(stderr, "    socket: %s\n", strerror(errno));
		return -1;
	}
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) != 0) {
		fprintf(stderr, "    cannot connect to %s: %s (telemetry off?)\n", sun.sun_path,
			strerror(errno));
		goto fail;
	}
	/* the greeting: {"version": ..., "pid": ..., "max_output_len": ...} */
	n = recv(fd, out, len - 1, 0);
	if (n <= 0) {
		fprintf(stderr, "    no telemetry greeting\n");
		goto fail;
	}
	if (send(fd, cmd, strlen(cmd), 0) != (ssize_t)strlen(cmd)) {
		fprintf(stderr, "    cannot send \"%s\": %s\n", cmd, strerror(errno));
		goto fail;
	}
	n = recv(fd, out, len - 1, 0);
	if (n <= 0) {
		fprintf(stderr, "    no telemetry reply to \"%s\"\n", cmd);
		goto fail;
	}
	out[n] = '\0';
	close(fd);
	return 0;
fail:
	close(fd);
	return -1;
}

/* Points at the value of "key", NULL when the key is not there. */
static const char *
json_value(const char *json, const char *key)
{
	char pat[80];
	const char *p;

	snprintf(pat, sizeof(pat), "\"%s\"", key);
	for (p = strstr(json, pat); p != NULL; p = strstr(p + 1, pat)) {
		const char *v = p + strlen(pat);

		while (isspace((unsigned char)*v))
			v++;
		if (*v != ':')
			continue;       /* the pattern was a value, not a key */
		v++;
		while (isspace((unsigned char)*v))
			v++;
		return v;
	}
	return NULL;
}

int
qtt_json_str(const char *json, const char *key, char *out, size_t len)
{
	const char *v = json_value(json, key);
	size_t i = 0;

	if (v == NULL || *v != '"') {
		fprintf(stderr, "    no string \"%s\" in %s\n", key, json);
		return -1;
	}
	for (v++; *v != '\0' && *v != '"' && i + 1 < len; v++) {
		if (*v == '\\' && v[1] != '\0')
			v++;
		out[i++] = *v;
	}
	out[i] = '\0';
	return 0;
}

int
qtt_json_int(const char *json, const char *key, long long *out)
{
	const char *v = json_value(json, key);
	char *end;

	if (v == NULL || !(isdigit((unsigned char)*v) || *v == '-')) {
		fprintf(stderr, "    no integer \"%s\" in %s\n", key, json);
		return -1;
	}
	*out = strtoll(v, &end, 10);
	return 0;
}

int
qtt_phy_str(uint16_t port, const char *key, char *out, size_t len)
{
	char cmd[32], *reply = malloc(QTT_TEL_MAX + 1);
	int rc = -1;

	if (reply == NULL)
		return -1;
	snprintf(cmd, sizeof(cmd), "/qt2025/phy,%u", port);
	if (qtt_tel(cmd, reply, QTT_TEL_MAX + 1) == 0)
		rc = qtt_json_str(reply, key, out, len);
	free(reply);
	return rc;
}

int
qtt_phy_int(uint16_t port, const char *key, long long *out)
{
	char cmd[32], *reply = malloc(QTT_TEL_MAX + 1);
	int rc = -1;

	if (reply == NULL)
		return -1;
	snprintf(cmd, sizeof(cmd), "/qt2025/phy,%u", port);
	if (qtt_tel(cmd, reply, QTT_TEL_MAX + 1) == 0)
		rc = qtt_json_int(reply, key, out);
	free(reply);
	return rc;
}

int
qtt_wait_state(uint16_t port, const char *state, unsigned int timeout_ms)
{
	uint64_t deadline = qtt_now_ms() + timeout_ms;
	char st[64] = "";

	for (;;) {
		if (qtt_phy_str(port, "state", st, sizeof(st)) != 0)
			return -1;
		if (strcmp(st, state) == 0)
			return 0;
		if (qtt_now_ms() >= deadline)
			break;
		qtt_sleep_ms(5);        /* a telemetry round trip costs a thread on the server */
	}
	fprintf(stderr, "    port %u: PHY state \"%s\", not \"%s\" within %u ms\n", port, st,
		state, timeout_ms);
	return -1;
}
