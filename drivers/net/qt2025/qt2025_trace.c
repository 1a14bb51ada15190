/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The trace=PATH devarg: a traced transport (base/qt_trace.c) from the probe's first
 * access to the end of the first bring-up, so that a card's accesses can be held against
 * the model's, line by line (devtools/qt2025-trace-diff.sh). Per process, primary only.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "qt2025_trace.h"
#include "qt_trace.h"

struct port_trace {
	struct qt_trace *t;
	qt2025_trace_model_fn model;
};
static struct port_trace traces[RTE_MAX_ETHPORTS];

int
qt2025_trace_start(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct port_trace *pt = &traces[dev->data->port_id];
	FILE *f;

	if (ad->args.trace[0] == '\0' || pt->t != NULL)
		return 0;
	f = fopen(ad->args.trace, "w");
	if (f == NULL) {
		QT_INIT_LOG(ERR, ad->name, "trace=%s: %s", ad->args.trace, strerror(errno));
		return -errno;
	}
	pt->t = qt_trace_start(&qt2025_proc(dev)->hw, f, "driver");
	if (pt->t == NULL) {
		fclose(f);
		QT_INIT_LOG(ERR, ad->name, "trace=%s: out of memory", ad->args.trace);
		return -ENOMEM;
	}
	QT_INIT_LOG(NOTICE, ad->name, "tracing the bring-up's accesses to %s%s", ad->args.trace,
		    pt->model != NULL ? " (the model's: .model)" : "");
	return 0;
}

static void
model_stop(void *arg)
{
	struct rte_eth_dev *dev = arg;
	struct port_trace *pt = &traces[dev->data->port_id];

	if (pt->model != NULL)
		pt->model(dev, NULL);
}

void
qt2025_trace_bringup_done(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct port_trace *pt = &traces[dev->data->port_id];
	char path[PATH_MAX + 8];
	FILE *f;

	if (pt->t == NULL)
		return;
	/* the model stops recording where the driver's trace ends, no access in between */
	qt_trace_end(pt->t, model_stop, dev);
	if (pt->model == NULL)
		return;
	snprintf(path, sizeof(path), "%s.model", ad->args.trace);
	f = fopen(path, "w");
	if (f == NULL) {
		QT_PHY_LOG(ERR, ad, "trace: %s: %s", path, strerror(errno));
		return;
	}
	pt->model(dev, f);
	fclose(f);
	pt->model = NULL;       /* the first bring-up only, as the driver's */
}

void
qt2025_trace_close(struct rte_eth_dev *dev)
{
	struct port_trace *pt = &traces[dev->data->port_id];

	qt_trace_free(pt->t, &qt2025_proc(dev)->hw);
	pt->t = NULL;
	pt->model = NULL;
}

void
qt2025_trace_inner(struct rte_eth_dev *dev, struct qt_hw *hw)
{
	struct port_trace *pt = &traces[dev->data->port_id];

	if (pt->t != NULL)
		qt_trace_inner(pt->t, hw);
}

void
qt2025_trace_set_model(struct rte_eth_dev *dev, qt2025_trace_model_fn fn)
{
	traces[dev->data->port_id].model = fn;
}
