/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * eal_parity: the cold bring-up of one simulated port, as the device model traced it
 * access by access (trace=PATH writes the model's trace to PATH.model), held against
 * Linux mainline's sequence written as data in parity_linux.txt. Any access the reference
 * does not expect there fails the case, unless the reference lists it as a departure with
 * its reason. The matcher is also run on two altered copies of the real trace (the 1 MHz
 * write gone; the NIC firmware moved before the PHY), which it must reject.
 */

#include <stdlib.h>
#include <unistd.h>

#include <rte_bus_vdev.h>

#include "qt_sim.h"
#include "qt_test.h"
#include "test_eal_util.h"

#define REF_PATH QT_TEST_SRCDIR "/parity_linux.txt"
#define MAX_STEPS 160
#define MAX_TRACE 70000
#define PART1 16384             /* program bytes at 3.8000 (8.3 step 13) */

enum tr_kind { TR_WR32, TR_RD, TR_WR };

struct tr {
	double us;
	enum tr_kind kind;
	uint32_t off, val;      /* wr32; val also of rd/wr */
	uint32_t mmd, reg;
};

struct step {
	char tag;               /* L, D, O */
	char op[8];
	uint32_t a, b, mmd, reg, v1, v2;
	bool any, has_val;
	double min_ms;
	int line;
	char text[200];
};

static struct step steps[MAX_STEPS];
static unsigned int nsteps;
static struct tr *trace;
static unsigned int ntrace;

static int
parse_mmd_reg(const char *s, uint32_t *mmd, uint32_t *reg)
{
	return sscanf(s, "%u.%x", mmd, reg) == 2 ? 0 : -1;
}

/* One reference line into s; -1 on a malformed line. */
static int
parse_step(char *line, int no, struct step *s)
{
	char *src = strchr(line, ';'), *at, arg1[32] = "", arg2[32] = "";
	int n;

	memset(s, 0, sizeof(*s));
	s->line = no;
	if (src == NULL)
		return -1;
	*src = '\0';
	snprintf(s->text, sizeof(s->text), "%s", src + 1 + strspn(src + 1, " "));
	s->text[strcspn(s->text, "\n")] = '\0';
	at = strstr(line, "@>=");
	if (at != NULL) {
		s->min_ms = atof(at + 3);
		*at = '\0';
	}
	n = sscanf(line, " %c %7s %31s %31s", &s->tag, s->op, arg1, arg2);
	if (n < 2 || strchr("LDO", s->tag) == NULL)
		return -1;
	if (strcmp(s->op, "wr32") == 0) {
		s->a = strtoul(arg1, NULL, 0);
		s->any = strcmp(arg2, "*") == 0;
		s->b = strtoul(arg2, NULL, 0);
		return n == 4 ? 0 : -1;
	}
	if (strcmp(s->op, "wr32+") == 0) {
		s->a = strtoul(arg1, NULL, 0);
		s->b = strtoul(arg2, NULL, 0);
		return n == 4 ? 0 : -1;
	}
	if (strcmp(s->op, "scan") == 0)
		return 0;
	if (n < 3 || parse_mmd_reg(arg1, &s->mmd, &s->reg) != 0)
		return -1;
	s->has_val = n == 4;
	if (strcmp(s->op, "wrseq") == 0)
		s->v1 = strcmp(arg2, "rest") == 0 ? (uint32_t)(qt_sim_phy_fw_len - PART1) :
			strtoul(arg2, NULL, 0);
	else if (strcmp(s->op, "poll") == 0)
		return sscanf(arg2, "%x,%x", &s->v1, &s->v2) == 2 ? 0 : -1;
	else
		s->v1 = strtoul(arg2, NULL, 0);
	return strcmp(s->op, "rd") == 0 || strcmp(s->op, "rdhi") == 0 ||
	       strcmp(s->op, "wr") == 0 || strcmp(s->op, "wrseq") == 0 ? 0 : -1;
}

static int
load_ref(void)
{
	char line[512];
	int no = 0;
	FILE *f = fopen(REF_PATH, "r");

	if (f == NULL)
		QT_FAIL("%s: %s", REF_PATH, strerror(errno));
	nsteps = 0;
	while (fgets(line, sizeof(line), f) != NULL) {
		no++;
		if (line[0] == '#' || line[strspn(line, " \t")] == '\n')
			continue;
		if (nsteps == MAX_STEPS || parse_step(line, no, &steps[nsteps]) != 0) {
			fclose(f);
			QT_FAIL("%s:%d: cannot use this line", REF_PATH, no);
		}
		nsteps++;
	}
	fclose(f);
	return 0;
}

/* The model's trace file (base/qt_trace.h format): writes and MDIO transactions. */
static int
load_trace(const char *path)
{
	char line[256], op[16], a[32];
	struct tr *t;
	double us;
	FILE *f = fopen(path, "r");

	if (f == NULL)
		QT_FAIL("%s: %s", path, strerror(errno));
	ntrace = 0;
	while (fgets(line, sizeof(line), f) != NULL && ntrace < MAX_TRACE) {
		if (line[0] == '#' || sscanf(line, "%lf %15s", &us, op) != 2)
			continue;
		t = &trace[ntrace];
		t->us = us;
		if (strcmp(op, "wr32") == 0 &&
		    sscanf(line, "%*f %*s %x %x", &t->off, &t->val) == 2)
			t->kind = TR_WR32;
		else if ((strcmp(op, "mdio_rd") == 0 || strcmp(op, "mdio_wr") == 0) &&
			 sscanf(line, "%*f %*s %*u %31s %x", a, &t->val) == 2 &&
			 parse_mmd_reg(a, &t->mmd, &t->reg) == 0)
			t->kind = op[5] == 'r' ? TR_RD : TR_WR;
		else
			continue;       /* events, and reads of registers */
		ntrace++;
	}
	fclose(f);
	return ntrace > 0 ? 0 : -1;
}

static bool
is_rd(const struct tr *t, uint32_t mmd, uint32_t reg)
{
	return t->kind == TR_RD && t->mmd == mmd && t->reg == reg;
}

/* How many trace entries from i the step takes (0: it does not match there). */
static unsigned int
match(const struct step *s, const struct tr *t, unsigned int i, unsigned int n)
{
	unsigned int k = 0;

	if (i >= n)
		return 0;
	switch (s->op[0] == 'w' && s->op[1] == 'r' && s->op[2] == '3' ? (s->op[4] == '+') :
		s->op[0] == 'w' ? (s->op[2] == 's' ? 3 : 2) : s->op[0] == 'r' ? 4 :
		s->op[0] == 'p' ? 5 : 6) {
	case 0:         /* wr32 */
		return t[i].kind == TR_WR32 && t[i].off == s->a && (s->any || t[i].val == s->b);
	case 1:         /* wr32+ */
		while (i + k < n && t[i + k].kind == TR_WR32 && t[i + k].off >= s->a &&
		       t[i + k].off <= s->b)
			k++;
		return k;
	case 2:         /* wr */
		return t[i].kind == TR_WR && t[i].mmd == s->mmd && t[i].reg == s->reg &&
		       t[i].val == s->v1;
	case 3:         /* wrseq */
		while (k < s->v1 && i + k < n && t[i + k].kind == TR_WR &&
		       t[i + k].mmd == s->mmd && t[i + k].reg == s->reg + k)
			k++;
		return k == s->v1 ? k : 0;
	case 4:         /* rd, rdhi */
		if (!is_rd(&t[i], s->mmd, s->reg))
			return 0;
		if (strcmp(s->op, "rdhi") == 0)
			return (t[i].val >> 8) == s->v1;
		return !s->has_val || t[i].val == s->v1;
	case 5:         /* poll */
		while (i + k < n && is_rd(&t[i + k], s->mmd, s->reg) &&
		       (t[i + k].val == s->v1 || t[i + k].val == s->v2))
			k++;
		return i + k < n && is_rd(&t[i + k], s->mmd, s->reg) ? k + 1 : 0;
	default:        /* scan */
		while (i + k < n && (is_rd(&t[i + k], 1, 2) || is_rd(&t[i + k], 1, 3)))
			k++;
		return k > 0 && is_rd(&t[i + k - 1], 1, 3) ? k : 0;
	}
}

/* 0 when t[0..n) follows the reference; -1 with the first departure not listed. */
static int
check(const struct tr *t, unsigned int n, bool verbose)
{
	unsigned int i = 0, j, k;
	double prev_us = 0;

	for (j = 0; j < nsteps; j++) {
		const struct step *s = &steps[j];

		k = match(s, t, i, n);
		if (k == 0 && s->tag == 'O')
			continue;
		if (k == 0) {
			if (verbose && i < n && t[i].kind == TR_WR32)
				fprintf(stderr, "    departure not listed: parity_linux.txt:"
					"%d (%c %s: %s) expected; trace entry %u is wr32 "
					"0x%04x 0x%x\n", s->line, s->tag, s->op, s->text, i,
					t[i].off, t[i].val);
			else if (verbose && i < n)
				fprintf(stderr, "    departure not listed: parity_linux.txt:"
					"%d (%c %s: %s) expected; trace entry %u is %s "
					"%u.%04X 0x%04x\n", s->line, s->tag, s->op, s->text, i,
					t[i].kind == TR_RD ? "mdio_rd" : "mdio_wr", t[i].mmd,
					t[i].reg, t[i].val);
			else if (verbose)
				fprintf(stderr, "    trace ends before parity_linux.txt:%d\n",
					s->line);
			return -1;
		}
		if (s->min_ms > 0 && i > 0 && t[i].us - prev_us < s->min_ms * 1000) {
			if (verbose)
				fprintf(stderr, "    parity_linux.txt:%d: %.3f ms after the "
					"previous step, Linux waits %.3f ms (%s)\n", s->line,
					(t[i].us - prev_us) / 1000, s->min_ms, s->text);
			return -1;
		}
		/* one line per group of departures (their first step says why) */
		if (verbose && s->tag != 'L' && (j == 0 || steps[j - 1].tag == 'L'))
			printf("    listed departure (parity_linux.txt:%d): %s\n", s->line,
			       s->text);
		i += k;
		prev_us = t[i - 1].us;
	}
	return 0;
}

static unsigned int
find_wr32(uint32_t off, uint32_t val)
{
	unsigned int i;

	for (i = 0; i < ntrace; i++)
		if (trace[i].kind == TR_WR32 && trace[i].off == off && trace[i].val == val)
			return i;
	return ntrace;
}

/* The traced cold bring-up of a fresh card: PATH.model loaded into trace[]. */
static int
traced_bringup(void)
{
	char dir[] = "/tmp/qt2025-parity-XXXXXX", args[128], path[96], line[128];
	unsigned int tries;
	uint16_t port;
	bool done = false;
	FILE *f;
	int rc;

	if (mkdtemp(dir) == NULL)
		QT_FAIL("mkdtemp: %s", strerror(errno));
	snprintf(args, sizeof(args), "timing=fast,trace=%s/t", dir);
	rc = qtt_port_create("net_qt2025_sim_parity", args, &port);
	if (rc == 0)
		rc = qtt_wait_state(port, "running", 30000);
	snprintf(path, sizeof(path), "%s/t.model", dir);
	/* written as the bring-up ends, just after the state says running */
	for (tries = 0; rc == 0 && !done && tries < 500; tries++) {
		f = fopen(path, "r");
		while (f != NULL && fgets(line, sizeof(line), f) != NULL)
			done = strncmp(line, "# end:", 6) == 0;
		if (f != NULL)
			fclose(f);
		if (!done)
			qtt_sleep_ms(10);
	}
	if (rc == 0)
		rc = qtt_port_destroy(port);
	if (rc == 0 && done)
		rc = load_trace(path);
	unlink(path);
	snprintf(path, sizeof(path), "%s/t", dir);
	unlink(path);
	rmdir(dir);
	QT_ASSERT(rc == 0 && done, "no model trace of the bring-up (rc %d)", rc);
	return 0;
}

QT_EAL_SUITE(eal_parity, NULL, NULL);

QT_EAL_TEST(eal_parity, cold_bringup_follows_linux)
{
	static struct tr altered[MAX_TRACE];
	unsigned int clk6, nic0, nic1, clk1, m;
	int rc;

	trace = calloc(MAX_TRACE, sizeof(*trace));
	QT_ASSERT(trace != NULL, "out of memory");
	rc = load_ref() == 0 && traced_bringup() == 0 ? 0 : -1;
	if (rc == 0) {
		printf("    %u reference steps, %u traced accesses\n", nsteps, ntrace);
		rc = check(trace, ntrace, true);
	}
	/* the matcher rejects each departure this bring-up once made */
	clk6 = find_wr32(0x6030, 0x0A48);
	clk1 = find_wr32(0x6030, 0x3EC8);
	nic0 = find_wr32(0x104C, 0);
	nic1 = find_wr32(0x5170, 1);
	if (rc == 0 && (clk6 >= nic0 || nic0 >= clk1 || clk1 >= nic1 || nic1 >= ntrace)) {
		fprintf(stderr, "    landmarks of the trace not found in order\n");
		rc = -1;
	}
	if (rc == 0) {
		/* the MDIO clock left at 6 MHz: no 0x3EC8 write */
		memcpy(altered, trace, clk1 * sizeof(*trace));
		memcpy(altered + clk1, trace + clk1 + 1, (ntrace - clk1 - 1) * sizeof(*trace));
		if (check(altered, ntrace - 1, false) == 0) {
			fprintf(stderr, "    the matcher took a bring-up that keeps 6 MHz\n");
			rc = -1;
		}
		/* the NIC firmware (speed 0 .. INIT_SEMAPHORE) before the 6 MHz write */
		m = nic1 + 1 - nic0;
		memcpy(altered, trace, clk6 * sizeof(*trace));
		memcpy(altered + clk6, trace + nic0, m * sizeof(*trace));
		memcpy(altered + clk6 + m, trace + clk6, (nic0 - clk6) * sizeof(*trace));
		memcpy(altered + nic1 + 1, trace + nic1 + 1,
		       (ntrace - nic1 - 1) * sizeof(*trace));
		if (check(altered, ntrace, false) == 0) {
			fprintf(stderr, "    the matcher took the NIC firmware before the PHY\n");
			rc = -1;
		}
	}
	free(trace);
	trace = NULL;
	return rc;
}

/* /qt2025/bringup and the private dump: the step times and the MDIO ring of a bring-up. */
QT_EAL_TEST(eal_parity, bringup_steps_and_mdio_ring)
{
	char cmd[64], reply[16384], *dump = NULL;
	long long running, found, boot;
	size_t dlen = 0;
	uint16_t port;
	FILE *f;

	QT_CHECK(qtt_port_create("net_qt2025_sim_steps", "timing=fast", &port));
	QT_CHECK(qtt_wait_state(port, "running", 30000));
	snprintf(cmd, sizeof(cmd), "/qt2025/bringup,%u", port);
	QT_CHECK(qtt_tel(cmd, reply, sizeof(reply)));
	QT_ASSERT(qtt_json_int(reply, "phy_found", &found) == 0 &&
		  qtt_json_int(reply, "phy_downloaded", &boot) == 0 &&
		  qtt_json_int(reply, "running", &running) == 0, "%s", reply);
	/* in their order, the download (24,543 writes) between found and downloaded */
	QT_ASSERT(0 < found && found < boot && boot < running, "%s", reply);
	QT_ASSERT(strstr(reply, " rd 1 1.0001 0x") != NULL || strstr(reply, " rd 1 3.D7FD 0x") !=
		  NULL, "no MDIO transaction in %s", reply);
	f = open_memstream(&dump, &dlen);
	QT_ASSERT(f != NULL, "open_memstream");
	rte_eth_dev_priv_dump(port, f);
	fclose(f);
	QT_ASSERT(strstr(dump, "bring-up steps (ms after probe): mdio-6mhz ") != NULL &&
		  strstr(dump, "last 64 MDIO transactions") != NULL &&
		  strstr(dump, "PHY registers as last read") != NULL, "%s", dump);
	free(dump);
	/* a bad port answers null */
	QT_CHECK(qtt_tel("/qt2025/bringup,77", reply, sizeof(reply)));
	QT_ASSERT(strstr(reply, "null") != NULL, "%s", reply);
	return qtt_port_destroy(port);
}
