/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The card's one interrupt (MSI, or the model's eventfd), primary process only: the IMR,
 * the callback on the EAL interrupt thread, and its two uses (hardware.md 3.8): LNKCHG0
 * tells a MAC link drop at once (qt2025_link_drop_intr) and wakes the PHY thread through the
 * eventfd it was handed (the thread does the MDIO), RX_DESC0 goes to the Rx interrupt's
 * eventfd that applications wait on.
 */

#include <sys/eventfd.h>
#include <unistd.h>

#include <rte_interrupts.h>

#include "qt2025_intr.h"
#include "qt2025_link.h"
#include "tn40_hw.h"

#define UNREGISTER_TRIES        1000    /* x 1 ms: the callback may be running */

void
qt2025_imr_update(struct rte_eth_dev *dev, uint32_t set, uint32_t clear)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	uint32_t v;

	v = rte_atomic_fetch_or_explicit(&ad->imr, set, rte_memory_order_acq_rel) | set;
	if (clear != 0)
		v = rte_atomic_fetch_and_explicit(&ad->imr, ~clear, rte_memory_order_acq_rel) &
		    ~clear;
	tn40_irq_mask_set(&qt2025_proc(dev)->hw, v);
}

static void
eventfd_signal(int fd, struct rte_eth_dev *dev, const char *what)
{
	uint64_t one = 1;

	if (write(fd, &one, sizeof(one)) != sizeof(one))
		QT_DRV_LOG(ERR, qt2025_adapter(dev), "cannot signal the %s", what);
}

/* RX_DESC_0 was pending: the application's epoll wakes, once per enable. */
static void
rx_intr_signal(struct rte_eth_dev *dev)
{
	struct qt2025_proc *proc = qt2025_proc(dev);

	qt2025_imr_update(dev, 0, TN40_IRQ_RX_DESC0);
	if (proc->rx_intr != NULL)
		eventfd_signal(proc->rx_efd, dev, "Rx interrupt");
}

static void
card_intr(void *arg)
{
	struct rte_eth_dev *dev = arg;
	struct qt2025_proc *proc = qt2025_proc(dev);
	struct qt2025_link_ctx *ctx = proc->link;
	bool lsc = false;
	uint32_t isr;
	uint64_t v;

	if (ctx == NULL)
		return;
	if (rte_intr_type_get(proc->intr) == RTE_INTR_HANDLE_EXT &&
	    read(rte_intr_fd_get(proc->intr), &v, sizeof(v)) < 0)
		v = 0;  /* the model's eventfd: drained, nothing else to learn from it */
	isr = tn40_irq_ack(&proc->hw);
	if (isr & TN40_IRQ_LNKCHG0)
		lsc = qt2025_link_drop_intr(ctx);
	if (isr & TN40_IRQ_RX_DESC0)
		rx_intr_signal(dev);
	qt2025_imr_update(dev, 0, 0);   /* reading ISR_MSK0 held the line (hardware.md 3.8) */
	if (rte_intr_type_get(proc->intr) != RTE_INTR_HANDLE_EXT)
		rte_intr_ack(proc->intr);
	if (lsc) {
		/* before the PHY thread's wake-up: at a raised priority on this CPU, it would
		 * run its MDIO first. The application may close the port in its callback.
		 */
		rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_LSC, NULL);
		if (proc->link != ctx)
			return;
	}
	if (isr & TN40_IRQ_LNKCHG0)
		eventfd_signal(proc->wake_fd, dev, "PHY thread");
}

void
qt2025_intr_setup(struct rte_eth_dev *dev, struct rte_intr_handle *intr, int wake_fd)
{
	const struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt2025_proc *proc = qt2025_proc(dev);

	proc->intr = intr;
	proc->wake_fd = wake_fd;
	if (intr == NULL)
		return;
	if (rte_intr_callback_register(intr, card_intr, dev) != 0) {
		QT_PHY_LOG(NOTICE, ad, "no link interrupt: polling every %u ms",
			   ad->args.link_poll_ms);
		return;
	}
	if (rte_intr_type_get(intr) != RTE_INTR_HANDLE_EXT && rte_intr_enable(intr) != 0) {
		QT_PHY_LOG(NOTICE, ad, "link interrupt cannot be enabled (uio_pci_generic?): "
			   "polling every %u ms", ad->args.link_poll_ms);
		rte_intr_callback_unregister(intr, card_intr, dev);
		return;
	}
	proc->intr_on = true;
}

static bool
unregistered(void *arg)
{
	struct rte_eth_dev *dev = arg;

	return rte_intr_callback_unregister(qt2025_proc(dev)->intr, card_intr, dev) != -EAGAIN;
}

void
qt2025_intr_teardown(struct rte_eth_dev *dev)
{
	struct qt2025_proc *proc = qt2025_proc(dev);
	/* -EAGAIN while the callback runs on the interrupt thread: retry, bounded (the OS's
	 * sleep: the wait is on that thread, not on the card)
	 */
	const struct qt_wait w = {
		.cond = unregistered,
		.arg = dev,
		.flags = QT_WAIT_OS | QT_WAIT_STEPS,
		.step_ns = QT_NS_PER_MS,
		.timeout_ns = (UNREGISTER_TRIES - 1) * QT_NS_PER_MS,
	};

	if (!proc->intr_on)
		return;
	qt2025_imr_update(dev, 0, ~0u);
	if (rte_intr_type_get(proc->intr) != RTE_INTR_HANDLE_EXT)
		rte_intr_disable(proc->intr);
	qt_wait(&proc->hw, &w);
	proc->intr_on = false;
}

/* ---- Rx interrupts: RX_DESC_0 through the one vector, an eventfd per port ---- */

int
qt2025_rx_intr_setup(struct rte_eth_dev *dev)
{
	struct qt2025_proc *proc = qt2025_proc(dev);
	struct rte_intr_handle *h;
	int fd;

	h = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (h == NULL || fd < 0 || rte_intr_type_set(h, RTE_INTR_HANDLE_VDEV) != 0 ||
	    rte_intr_efd_counter_size_set(h, sizeof(uint64_t)) != 0 ||
	    rte_intr_nb_efd_set(h, 1) != 0 || rte_intr_efds_index_set(h, 0, fd) != 0 ||
	    rte_intr_vec_list_alloc(h, "qt2025_rx_intr", 1) != 0 ||
	    rte_intr_vec_list_index_set(h, 0, RTE_INTR_VEC_RXTX_OFFSET) != 0) {
		rte_intr_instance_free(h);
		if (fd >= 0)
			close(fd);
		return -ENOMEM;
	}
	proc->rx_intr = h;
	proc->rx_efd = fd;
	dev->intr_handle = h;
	return 0;
}

void
qt2025_rx_intr_teardown(struct rte_eth_dev *dev)
{
	struct qt2025_proc *proc = qt2025_proc(dev);

	if (proc->rx_intr == NULL)
		return;
	if (dev->intr_handle == proc->rx_intr)
		dev->intr_handle = NULL;
	rte_intr_vec_list_free(proc->rx_intr);
	rte_intr_instance_free(proc->rx_intr);
	close(proc->rx_efd);
	proc->rx_intr = NULL;
}

int
qt2025_rx_queue_intr_enable(struct rte_eth_dev *dev, uint16_t qid)
{
	RTE_SET_USED(qid);
	qt2025_imr_update(dev, TN40_IRQ_RX_DESC0, 0);
	return 0;
}

int
qt2025_rx_queue_intr_disable(struct rte_eth_dev *dev, uint16_t qid)
{
	RTE_SET_USED(qid);
	qt2025_imr_update(dev, 0, TN40_IRQ_RX_DESC0);
	return 0;
}
