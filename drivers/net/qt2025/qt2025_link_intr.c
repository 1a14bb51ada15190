/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The card's one interrupt (MSI, or the model's eventfd), primary process only: LNKCHG0
 * tells a MAC link drop at once (qt2025_link_drop_intr) and wakes the PHY thread, which does
 * the MDIO; RX_DESC0 goes to the Rx interrupt's eventfd (hardware.md 3.8). Runs on the EAL
 * interrupt thread.
 */

#include <unistd.h>

#include <rte_interrupts.h>

#include "qt2025_link.h"
#include "qt2025_ethdev.h"
#include "qt2025_port.h"
#include "tn40_hw.h"

static void
link_intr(void *arg)
{
	struct rte_eth_dev *dev = arg;
	struct qt2025_proc *proc = qt2025_proc(dev);
	struct qt2025_link_ctx *ctx = proc->link;
	bool lsc = false;
	uint32_t isr;
	uint64_t v;

	if (ctx == NULL)
		return;
	if (rte_intr_type_get(ctx->intr) == RTE_INTR_HANDLE_EXT &&
	    read(rte_intr_fd_get(ctx->intr), &v, sizeof(v)) < 0)
		v = 0;  /* the model's eventfd: drained, nothing else to learn from it */
	isr = tn40_irq_ack(ctx->hw);
	if (isr & TN40_IRQ_LNKCHG0)
		lsc = qt2025_link_drop_intr(ctx);
	if (isr & TN40_IRQ_RX_DESC0)
		qt2025_rx_intr_signal(dev);
	qt2025_imr_update(dev, 0, 0);   /* reading ISR_MSK0 held the line (hardware.md 3.8) */
	if (rte_intr_type_get(ctx->intr) != RTE_INTR_HANDLE_EXT)
		rte_intr_ack(ctx->intr);
	if (lsc) {
		/* before the PHY thread's wake-up: at a raised priority on this CPU, it would
		 * run its MDIO first. The application may close the port in its callback.
		 */
		rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_LSC, NULL);
		if (proc->link != ctx)
			return;
	}
	if (isr & TN40_IRQ_LNKCHG0)
		qt2025_link_wake(ctx);
}

void
qt2025_link_intr_setup(struct qt2025_link_ctx *ctx)
{
	const struct qt2025_adapter *ad = qt2025_adapter(ctx->dev);

	if (ctx->intr == NULL)
		return;
	if (rte_intr_callback_register(ctx->intr, link_intr, ctx->dev) != 0) {
		QT_PHY_LOG(NOTICE, ad, "no link interrupt: polling every %u ms",
			   ad->args.link_poll_ms);
		return;
	}
	if (rte_intr_type_get(ctx->intr) != RTE_INTR_HANDLE_EXT &&
	    rte_intr_enable(ctx->intr) != 0) {
		QT_PHY_LOG(NOTICE, ad, "link interrupt cannot be enabled (uio_pci_generic?): "
			   "polling every %u ms", ad->args.link_poll_ms);
		rte_intr_callback_unregister(ctx->intr, link_intr, ctx->dev);
		return;
	}
	ctx->intr_on = true;
}

void
qt2025_link_intr_teardown(struct qt2025_link_ctx *ctx)
{
	int i, rc;

	if (!ctx->intr_on)
		return;
	qt2025_imr_update(ctx->dev, 0, ~0u);
	if (rte_intr_type_get(ctx->intr) != RTE_INTR_HANDLE_EXT)
		rte_intr_disable(ctx->intr);
	/* -EAGAIN while the callback runs on the interrupt thread: retry, bounded */
	for (i = 0; i < 1000; i++) {
		rc = rte_intr_callback_unregister(ctx->intr, link_intr, ctx->dev);
		if (rc != -EAGAIN)
			break;
		rte_delay_us_sleep(1000);
	}
	ctx->intr_on = false;
}
