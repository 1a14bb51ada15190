/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * net_qt2025_sim: the same PMD on the device model instead of a PCI BAR.
 *
 * A simulated card stays powered while the process lives, as a real card stays powered
 * across application restarts: removing and probing net_qt2025_sim0 again finds its PHY
 * still running its firmware (the warm start). The model's interrupt line is an eventfd
 * that the EAL interrupt thread watches, as it watches a vfio MSI eventfd for a card.
 */

#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <bus_vdev_driver.h>
#include <ethdev_vdev.h>
#include <rte_malloc.h>
#include <rte_memory.h>
#include <rte_rwlock.h>
#include <rte_spinlock.h>

#include "qt2025_devargs.h"
#include "qt2025_ethdev.h"
#include "qt2025_sim.h"

#define SIM_CARDS_MAX 32

/* One powered simulated card, found again by its device name. */
struct sim_card {
	char name[RTE_DEV_NAME_MAX_LEN];
	char wire[32];
	struct qt_sim_variants variants; /* the card's make: another one is a new card */
	struct qt_sim *sim;
	int irq_fd;             /* the model's MSI: written by the model, read by EAL */
	struct rte_intr_handle *intr;
	int port_id;            /* -1 while no ethdev is bound */
	uint64_t born;          /* creation order, for reclaiming the oldest unbound slot */
};

static struct sim_card sim_cards[SIM_CARDS_MAX];
static rte_spinlock_t sim_cards_lock = RTE_SPINLOCK_INITIALIZER;
static uint64_t sim_cards_born;
/*
 * The model raises its interrupt after dropping its own lock, on whatever thread touched
 * it (this port's, or the peer's on the wire), so a call may arrive after the card was
 * freed and its slot reused. Writers of a slot's irq_fd and sim hold this lock (of this
 * process) for writing: a late call finds no model and writes nothing, or signals the
 * slot's new card (a spurious interrupt, which the driver tolerates: it reads ISR), never
 * an fd that was closed.
 */
static rte_rwlock_t sim_irq_lock = RTE_RWLOCK_INITIALIZER;
/* the clock of cards powered from now on; NULL: the real one (tests only, see the .h) */
static const struct qt_sim_clock *sim_clock;

static void
sim_irq(void *arg)
{
	struct sim_card *card = arg;
	uint64_t one = 1;
	ssize_t n = sizeof(one);

	rte_rwlock_read_lock(&sim_irq_lock);
	if (card->sim != NULL && card->irq_fd >= 0)
		n = write(card->irq_fd, &one, sizeof(one));
	rte_rwlock_read_unlock(&sim_irq_lock);
	if (n != sizeof(one))
		QT_LOG(ERR, sim, card->name, "cannot signal the interrupt eventfd");
}

/* wire=tap:NAME on an interface that exists without the tun driver's tun_flags (lo, a
 * veth, ...): TUNSETIFF only says EINVAL.
 */
static bool
tap_not_tap(const char *wire)
{
	char path[64];

	if (strncmp(wire, "tap:", 4) != 0 || if_nametoindex(wire + 4) == 0)
		return false;
	snprintf(path, sizeof(path), "/sys/class/net/%.*s/tun_flags", IFNAMSIZ, wire + 4);
	return access(path, F_OK) != 0;
}

static struct sim_card *
card_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < SIM_CARDS_MAX; i++)
		if (sim_cards[i].sim != NULL && strcmp(sim_cards[i].name, name) == 0)
			return &sim_cards[i];
	return NULL;
}

/* Empties a slot (sim_irq_lock held for writing): no model, no fd. */
static void
card_clear(struct sim_card *card)
{
	memset(card, 0, sizeof(*card));
	card->irq_fd = -1;
}

static void
card_free(struct sim_card *card)
{
	struct qt_sim *sim = card->sim;
	struct rte_intr_handle *intr = card->intr;

	rte_rwlock_write_lock(&sim_irq_lock);
	if (card->irq_fd >= 0)
		close(card->irq_fd);
	card_clear(card);
	rte_rwlock_write_unlock(&sim_irq_lock);
	/* not under the lock: destroying may raise a last interrupt */
	qt_sim_destroy(sim);
	rte_intr_instance_free(intr);
}

static bool
card_bound(const struct sim_card *c)
{
	const struct rte_eth_dev *dev;

	if (c->port_id < 0 || c->port_id >= RTE_MAX_ETHPORTS)
		return false;
	dev = &rte_eth_devices[c->port_id];
	return dev->state != RTE_ETH_DEV_UNUSED && dev->data != NULL &&
	       strcmp(dev->data->name, c->name) == 0;
}

/* A free slot, else the one of the card left unbound longest ago, powered off: a card
 * stays powered for warm starts, but no longer than its slot is wanted.
 */
static struct sim_card *
card_slot(void)
{
	struct sim_card *victim = NULL;
	unsigned int i;

	for (i = 0; i < SIM_CARDS_MAX; i++) {
		struct sim_card *c = &sim_cards[i];

		if (c->sim == NULL)
			return c;
		if (!card_bound(c) && (victim == NULL || c->born < victim->born))
			victim = c;
	}
	if (victim != NULL)
		card_free(victim);
	return victim;
}

/* Finds the powered card of this name, or powers a new one. A changed wire= recables it,
 * which is a new card; a changed module= swaps the module.
 */
static struct sim_card *
card_get(const char *name, const struct qt2025_devargs *a)
{
	struct qt_sim_config cfg;
	struct sim_card *card;
	struct qt_sim *sim;
	unsigned int i, h = 0;
	int fd;

	card = card_find(name);
	if (card != NULL && (strcmp(card->wire, a->wire) != 0 ||
			     !qt_sim_variants_equal(&card->variants, &a->variants))) {
		card_free(card);
		card = NULL;
	}
	if (card != NULL) {
		if ((uint8_t)qt_sim_module(card->sim) != a->module)
			qt_sim_set_module(card->sim, (enum qt_sim_module)a->module);
		return card;
	}
	card = card_slot();
	if (card == NULL) {
		QT_INIT_LOG(ERR, name, "%d simulated cards are in use", SIM_CARDS_MAX);
		return NULL;
	}
	snprintf(card->name, sizeof(card->name), "%s", name);
	snprintf(card->wire, sizeof(card->wire), "%s", a->wire);
	card->variants = a->variants;
	card->port_id = -1;
	card->born = ++sim_cards_born;
	fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	rte_rwlock_write_lock(&sim_irq_lock);
	card->irq_fd = fd;
	rte_rwlock_write_unlock(&sim_irq_lock);
	card->intr = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	if (card->irq_fd < 0 || card->intr == NULL ||
	    rte_intr_type_set(card->intr, RTE_INTR_HANDLE_EXT) != 0 ||
	    rte_intr_fd_set(card->intr, card->irq_fd) != 0) {
		QT_INIT_LOG(ERR, name, "cannot create the simulated interrupt");
		goto fail;
	}

	memset(&cfg, 0, sizeof(cfg));
	/* wire=none: nothing in the cage's cable socket (as module=none is nothing in the
	 * cage); plugging a cable in later gives the loopback plug of a port without wire=
	 */
	cfg.wire = strcmp(a->wire, "none") == 0 ? "" : a->wire;
	/* the model's module types are the 3.D70C codes (hardware.md 8.5) */
	cfg.module = (enum qt_sim_module)a->module;
	cfg.timing = a->timing_real ? QT_SIM_TIMING_REAL : QT_SIM_TIMING_FAST;
	cfg.variants = a->variants;
	cfg.phy_addr = 1;       /* as on the Edimax EN-9320SFP+ (hardware.md 1.2) */
	/* a locally administered MAC address that differs per card name */
	for (i = 0; name[i] != '\0'; i++)
		h = h * 31 + (unsigned char)name[i];
	cfg.mac[0] = 0x02;
	cfg.mac[1] = 0x1f;
	cfg.mac[2] = 0xc9;
	cfg.mac[3] = (uint8_t)(h >> 16);
	cfg.mac[4] = (uint8_t)(h >> 8);
	cfg.mac[5] = (uint8_t)h;
	cfg.irq = sim_irq;
	cfg.irq_arg = card;
	qt2025_sim_dma_init();
	cfg.dma_map = qt2025_sim_dma_map;
	cfg.clock = sim_clock;
	/* not under sim_irq_lock: creating may raise an interrupt (dropped, no driver yet) */
	sim = qt_sim_create(&cfg);
	rte_rwlock_write_lock(&sim_irq_lock);
	card->sim = sim;
	rte_rwlock_write_unlock(&sim_irq_lock);
	if (card->sim == NULL) {
		if (errno == EBUSY)
			QT_INIT_LOG(ERR, name, "wire \"%s\" already has two ports", a->wire);
		else if (tap_not_tap(a->wire))
			QT_INIT_LOG(ERR, name, "wire=%s: interface %s exists and is not a TAP "
				    "interface", a->wire, a->wire + 4);
		else
			QT_INIT_LOG(ERR, name, "cannot create the device model: %s",
				    strerror(errno));
		goto fail;
	}
	if (strcmp(a->wire, "none") == 0)
		qt_sim_set_cable(card->sim, false);
	return card;
fail:
	rte_intr_instance_free(card->intr);
	rte_rwlock_write_lock(&sim_irq_lock);
	if (card->irq_fd >= 0)
		close(card->irq_fd);
	card_clear(card);
	rte_rwlock_write_unlock(&sim_irq_lock);
	return NULL;
}

static int
qt2025_sim_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	/* the model's synthetic images: test data, never for a card (design.md "Firmware") */
	const struct qt2025_builtin_fw builtin = {
		.phy = qt_sim_phy_fw,
		.phy_len = qt_sim_phy_fw_len,
		.phy_sha256 = qt_sim_phy_fw_sha256,
		.phy_version = qt_sim_phy_fw_version,
		.nic = qt_sim_nic_fw,
		.nic_len = qt_sim_nic_fw_len,
	};
	struct qt2025_devargs args;
	struct qt2025_adapter *ad;
	struct rte_eth_dev *dev;
	struct sim_card *card;
	int rc;

	if (rte_eal_process_type() != RTE_PROC_PRIMARY) {
		dev = rte_eth_dev_attach_secondary(name);
		if (dev == NULL)
			return -ENODEV;
		/* no model in this process: the read-only ops serve cached state */
		qt2025_dev_attach_secondary(dev);
		dev->device = &vdev->device;
		rte_eth_dev_probing_finish(dev);
		return 0;
	}

	rc = qt2025_devargs_parse(name, rte_vdev_device_args(vdev), true, &args);
	if (rc != 0)
		return rc;
	rc = qt2025_port_available(name);
	if (rc != 0)
		return rc;
	dev = rte_eth_vdev_allocate(vdev, sizeof(struct qt2025_adapter));
	if (dev == NULL)
		return -ENOMEM;
	ad = qt2025_adapter(dev);
	snprintf(ad->name, sizeof(ad->name), "%s", name);
	ad->is_sim = true;
	ad->args = args;

	rte_spinlock_lock(&sim_cards_lock);
	card = card_get(name, &args);
	if (card != NULL)
		card->port_id = dev->data->port_id;
	rte_spinlock_unlock(&sim_cards_lock);
	if (card == NULL) {
		rte_eth_dev_release_port(dev);
		return -ENODEV;
	}
	qt2025_sim_hw_init(&qt2025_proc(dev)->hw, name, card->sim);
	qt2025_sim_trace_setup(dev, card->sim);

	rc = qt2025_dev_init(dev, card->intr, &builtin);
	if (rc != 0) {
		card->port_id = -1;
		memset(qt2025_proc(dev), 0, sizeof(struct qt2025_proc));
		rte_eth_dev_release_port(dev);
		return rc;
	}
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
qt2025_sim_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev;
	struct sim_card *card;

	dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));
	if (dev == NULL)
		return 0;       /* already closed by the application */
	qt2025_dev_remove(dev);
	rte_spinlock_lock(&sim_cards_lock);
	card = card_find(rte_vdev_device_name(vdev));
	if (card != NULL)
		card->port_id = -1;
	rte_spinlock_unlock(&sim_cards_lock);
	return rte_eth_dev_release_port(dev);
}

/* The card bound to a live port. A port closed by the application without a vdev remove
 * leaves its card's port_id behind, and the id may since belong to another card: the
 * device name decides.
 */
static struct qt_sim *
sim_of_port(uint16_t port_id)
{
	const struct rte_eth_dev *dev;
	unsigned int i;

	if (port_id >= RTE_MAX_ETHPORTS)
		return NULL;
	dev = &rte_eth_devices[port_id];
	if (dev->state == RTE_ETH_DEV_UNUSED || dev->data == NULL)
		return NULL;
	for (i = 0; i < SIM_CARDS_MAX; i++)
		if (sim_cards[i].sim != NULL && sim_cards[i].port_id == port_id &&
		    strcmp(sim_cards[i].name, dev->data->name) == 0)
			return sim_cards[i].sim;
	return NULL;
}

int
qt2025_sim_cable(uint16_t port_id, bool plugged)
{
	struct qt_sim *sim;

	rte_spinlock_lock(&sim_cards_lock);
	sim = sim_of_port(port_id);
	if (sim != NULL)
		qt_sim_set_cable(sim, plugged);
	rte_spinlock_unlock(&sim_cards_lock);
	return sim != NULL ? 0 : -ENODEV;
}

int
qt2025_sim_module(uint16_t port_id, uint8_t module)
{
	struct qt_sim *sim;

	rte_spinlock_lock(&sim_cards_lock);
	sim = sim_of_port(port_id);
	if (sim != NULL)
		qt_sim_set_module(sim, (enum qt_sim_module)module);
	rte_spinlock_unlock(&sim_cards_lock);
	return sim != NULL ? 0 : -ENODEV;
}

int
qt2025_sim_fault(uint16_t port_id, enum qt_sim_fault fault, uint32_t arg)
{
	struct qt_sim *sim;

	rte_spinlock_lock(&sim_cards_lock);
	sim = sim_of_port(port_id);
	if (sim != NULL)
		qt_sim_set_fault(sim, fault, arg);
	rte_spinlock_unlock(&sim_cards_lock);
	return sim != NULL ? 0 : -ENODEV;
}

void
qt2025_sim_clock_set(const struct qt_sim_clock *clock)
{
	rte_spinlock_lock(&sim_cards_lock);
	sim_clock = clock;
	rte_spinlock_unlock(&sim_cards_lock);
}

/* For tests in this process: the model behind a simulated port, NULL otherwise. */
struct qt_sim *
qt2025_sim_of_port(uint16_t port_id)
{
	struct qt_sim *sim;

	rte_spinlock_lock(&sim_cards_lock);
	sim = sim_of_port(port_id);
	rte_spinlock_unlock(&sim_cards_lock);
	return sim;
}

static struct rte_vdev_driver qt2025_sim_driver = {
	.probe = qt2025_sim_probe,
	.remove = qt2025_sim_remove,
};

RTE_PMD_REGISTER_VDEV(net_qt2025_sim, qt2025_sim_driver);
RTE_PMD_REGISTER_PARAM_STRING(net_qt2025_sim, QT2025_SIM_PARAMS);
