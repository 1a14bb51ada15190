/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * net_qt2025: the PCI transport. base/ reaches the card through BAR0, inline; the link
 * interrupt is the vfio MSI.
 */

#include <ethdev_pci.h>

#include "qt2025_devargs.h"
#include "qt2025_ethdev.h"

#define QT2025_PCI_VENDOR 0x1FC9
#define QT2025_PCI_DEVICE 0x4022
#define QT2025_BAR0_LEN 0x10000         /* hardware.md 2 */

/* The QT2025 boards of hardware.md 1.1, by PCI subsystem; names in the same order. */
#define QT2025_PCI_ID(sv, sd) { .class_id = RTE_CLASS_ANY_ID, \
	.vendor_id = QT2025_PCI_VENDOR, .device_id = QT2025_PCI_DEVICE, \
	.subsystem_vendor_id = (sv), .subsystem_device_id = (sd) }
static const struct rte_pci_id qt2025_pci_ids[] = {
	QT2025_PCI_ID(0x1FC9, 0x3015),
	QT2025_PCI_ID(0x1186, 0x4D00),
	QT2025_PCI_ID(0x1043, 0x8709),
	QT2025_PCI_ID(0x1432, 0x8103),
	{ .vendor_id = 0 },
};
static const char *const board_names[] = {
	"Tehuti TN9310",
	"D-Link DXE-810S",
	"ASUS XG-C100F",
	"Edimax EN-9320SFP+",
};

static const char *
board_name(const struct rte_pci_id *id)
{
	unsigned int i;

	RTE_BUILD_BUG_ON(RTE_DIM(board_names) != RTE_DIM(qt2025_pci_ids) - 1);
	for (i = 0; i < RTE_DIM(board_names); i++)
		if (id->subsystem_vendor_id == qt2025_pci_ids[i].subsystem_vendor_id &&
		    id->subsystem_device_id == qt2025_pci_ids[i].subsystem_device_id)
			return board_names[i];
	return "unknown board";
}

static int
qt2025_pci_dev_init(struct rte_eth_dev *dev)
{
	struct rte_pci_device *pci = container_of(dev->device, struct rte_pci_device, device);
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt_hw *hw = &qt2025_proc(dev)->hw;
	const char *args = NULL;
	int rc;

	qt_hw_init_bar(hw, pci->device.name, pci->mem_resource[0].addr);
	if (rte_eal_process_type() != RTE_PROC_PRIMARY) {
		qt2025_dev_attach_secondary(dev);
		return 0;
	}
	snprintf(ad->name, sizeof(ad->name), "%s", pci->device.name);
	if (pci->mem_resource[0].addr == NULL || pci->mem_resource[0].len < QT2025_BAR0_LEN) {
		QT_INIT_LOG(ERR, ad->name, "BAR0 not mapped or smaller than 64 KiB");
		return -ENODEV;
	}
	if (pci->device.devargs != NULL)
		args = pci->device.devargs->args;
	rc = qt2025_devargs_parse(ad->name, args, false, &ad->args);
	if (rc != 0)
		return rc;
	QT_INIT_LOG(INFO, ad->name, "%s", board_name(&pci->id));
	return qt2025_dev_init(dev, pci->intr_handle, NULL);
}

static int
qt2025_pci_probe(struct rte_pci_driver *drv, struct rte_pci_device *pci)
{
	int rc;

	RTE_SET_USED(drv);
	if (rte_eal_process_type() == RTE_PROC_PRIMARY) {
		rc = qt2025_port_available(pci->device.name);
		if (rc != 0)
			return rc;
	}
	return rte_eth_dev_pci_generic_probe(pci, sizeof(struct qt2025_adapter),
					     qt2025_pci_dev_init);
}

static int
qt2025_pci_remove(struct rte_pci_device *pci)
{
	return rte_eth_dev_pci_generic_remove(pci, qt2025_dev_remove);
}

static struct rte_pci_driver qt2025_pci_driver = {
	.id_table = qt2025_pci_ids,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING | RTE_PCI_DRV_INTR_LSC,
	.probe = qt2025_pci_probe,
	.remove = qt2025_pci_remove,
};

RTE_PMD_REGISTER_PCI(net_qt2025, qt2025_pci_driver);
RTE_PMD_REGISTER_PCI_TABLE(net_qt2025, qt2025_pci_ids);
RTE_PMD_REGISTER_KMOD_DEP(net_qt2025, "* vfio-pci");
RTE_PMD_REGISTER_PARAM_STRING(net_qt2025, QT2025_PCI_PARAMS);
