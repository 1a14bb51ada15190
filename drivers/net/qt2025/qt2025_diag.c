/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * What a card's first user sends back (devtools/qt2025-report.sh): the times of the last
 * bring-up's steps and the last MDIO transactions, in the private dump and through
 * telemetry (/qt2025/bringup). Both live in dev_private, so any process reads them; both
 * only read what the PHY thread wrote, never the card.
 */

#include <inttypes.h>
#include <stdio.h>

#include "qt2025_diag.h"
#include "qt2025_telemetry.h"

static const char *const step_names[] = {
	[QT2025_STEP_CLOCK_6M] = "mdio-6mhz",
	[QT2025_STEP_PHY_FOUND] = "phy-found",
	[QT2025_STEP_PHY_BOOT] = "phy-downloaded",
	[QT2025_STEP_NIC_INIT] = "nic-init-mdio-1mhz",
	[QT2025_STEP_NIC_FW_DONE] = "nic-firmware-done",
	[QT2025_STEP_PHY_READY] = "phy-ready",
	[QT2025_STEP_RUNNING] = "running",
};

const char *
qt2025_step_name(enum qt2025_step s)
{
	return (unsigned int)s < RTE_DIM(step_names) ? step_names[s] : "unknown";
}

/* ms since the probe of a step, or a negative value when the last bring-up skipped it */
double
qt2025_step_ms(const struct qt2025_adapter *ad, enum qt2025_step s)
{
	uint32_t v = rte_atomic_load_explicit(&ad->step_us[s], rte_memory_order_relaxed);

	return v == 0 ? -1.0 : (v - 1) / 1e3;
}

unsigned int
qt2025_mdio_ring_read(const struct qt2025_adapter *ad, struct qt_mdio_rec *out)
{
	const struct qt_mdio_ring *r = &ad->mdio_ring;
	uint32_t head, after, first, i, n;

	head = *(const volatile uint32_t *)&r->head;
	rte_rmb();
	first = head > QT_MDIO_RING_LEN ? head - QT_MDIO_RING_LEN : 0;
	for (i = first; i < head; i++)
		out[i - first] = r->rec[i % QT_MDIO_RING_LEN];
	rte_rmb();
	after = *(const volatile uint32_t *)&r->head;
	/* records the writer reused while they were copied are dropped, oldest first */
	n = head - first;
	if (after - head >= n)
		return 0;
	if (after > head) {
		memmove(out, out + (after - head), (n - (after - head)) * sizeof(*out));
		n -= after - head;
	}
	return n;
}

void
qt2025_mdio_rec_format(const struct qt2025_adapter *ad, const struct qt_mdio_rec *e,
		       char *buf, size_t len)
{
	snprintf(buf, len, "%.3f %s %u %u.%04X 0x%04x%s%s", (double)(int64_t)(e->t_ns -
		 ad->probe_ns) / 1e6, e->write ? "wr" : "rd", e->prtad, e->mmd, e->reg, e->val,
		 e->rc != 0 ? " " : "", e->rc != 0 ? strerror(-e->rc) : "");
}

void
qt2025_diag_dump(const struct qt2025_adapter *ad, FILE *f)
{
	struct qt_mdio_rec rec[QT_MDIO_RING_LEN];
	unsigned int s, i, n;
	char line[96];

	fprintf(f, "  bring-up steps (ms after probe):");
	for (s = 0; s < QT2025_STEP_MAX; s++) {
		double ms = qt2025_step_ms(ad, (enum qt2025_step)s);

		if (ms >= 0)
			fprintf(f, " %s %.1f", qt2025_step_name((enum qt2025_step)s), ms);
	}
	n = qt2025_mdio_ring_read(ad, rec);
	fprintf(f, "\n  last %u MDIO transactions (ms after probe, op, address, MMD.register, "
		"value):\n", n);
	for (i = 0; i < n; i++) {
		qt2025_mdio_rec_format(ad, &rec[i], line, sizeof(line));
		fprintf(f, "    %s\n", line);
	}
	/* the newest value of each PHY register in the ring: what the driver last saw */
	fprintf(f, "  PHY registers as last read (address MMD.register value):");
	for (i = n; i-- > 0;) {
		unsigned int j;

		for (j = i + 1; j < n; j++)
			if (rec[j].prtad == rec[i].prtad && rec[j].mmd == rec[i].mmd &&
			    rec[j].reg == rec[i].reg && !rec[j].write && rec[j].rc == 0)
				break;
		if (j == n && !rec[i].write && rec[i].rc == 0)
			fprintf(f, " %u:%u.%04X=0x%04x", rec[i].prtad, rec[i].mmd, rec[i].reg,
				rec[i].val);
	}
	fprintf(f, "\n");
}

/* /qt2025/bringup,<port>: the steps and the MDIO ring. */
static int
qt_tel_bringup(const char *cmd __rte_unused, const char *params, struct rte_tel_data *d)
{
	struct qt_mdio_rec rec[QT_MDIO_RING_LEN];
	const struct qt2025_adapter *ad;
	struct rte_tel_data *steps, *mdio;
	struct rte_eth_dev *dev;
	unsigned int s, i, n;
	const char *end;
	uint16_t port;
	char line[96];

	if (qt2025_tel_parse_port(params, &end, &port) != 0 || *end != '\0')
		return -EINVAL;
	steps = rte_tel_data_alloc();
	mdio = rte_tel_data_alloc();
	if (steps == NULL || mdio == NULL) {
		rte_tel_data_free(steps);
		rte_tel_data_free(mdio);
		return -ENOMEM;
	}
	rte_tel_data_start_dict(steps);
	rte_tel_data_start_array(mdio, RTE_TEL_STRING_VAL);
	qt2025_tel_lock();
	dev = qt2025_tel_dev(port, false);
	if (dev == NULL) {
		qt2025_tel_unlock();
		rte_tel_data_free(steps);
		rte_tel_data_free(mdio);
		return -EINVAL;
	}
	ad = qt2025_adapter(dev);
	for (s = 0; s < QT2025_STEP_MAX; s++) {
		double ms = qt2025_step_ms(ad, (enum qt2025_step)s);

		char key[32];
		unsigned int c;

		if (ms < 0)
			continue;
		/* telemetry names take letters, digits and '_' */
		snprintf(key, sizeof(key), "%s", qt2025_step_name((enum qt2025_step)s));
		for (c = 0; key[c] != '\0'; c++)
			key[c] = key[c] == '-' ? '_' : key[c];
		qt_tel_add_u64(steps, key, (uint64_t)(ms * 1000));
	}
	n = qt2025_mdio_ring_read(ad, rec);
	for (i = 0; i < n; i++) {
		qt2025_mdio_rec_format(ad, &rec[i], line, sizeof(line));
		rte_tel_data_add_array_string(mdio, line);
	}
	qt2025_tel_unlock();
	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_string(d, "steps_unit", "us after probe");
	rte_tel_data_add_dict_container(d, "steps", steps, 0);
	rte_tel_data_add_dict_container(d, "mdio", mdio, 0);
	return 0;
}

static const struct qt2025_tel_cmd qt_diag_cmds[] = {
	{ "/qt2025/bringup", qt_tel_bringup,
	  "Returns the last bring-up's step times (us after probe) and MDIO transactions. "
	  "Parameters: int port_id" },
};

RTE_INIT(qt2025_diag_init)
{
	qt2025_tel_register(qt_diag_cmds, RTE_DIM(qt_diag_cmds));
}
