/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Module EEPROM: the SFP+ module's A0h page (SFF-8472 bytes 0..255) as the QT2025 firmware
 * mirrors it at 3.D000 + n (hardware.md 8.2). That mirror is known from the QT2025C only and is
 * UNCERTAIN on TN40 boards, so the PHY thread validates what it reads (identifier 0x03,
 * CC_BASE over bytes 0..62, base/qt_phy.c) and these ops answer -ENOTSUP, with one line
 * saying why, when the page is absent or invalid. Only the A0h page is mirrored: the module
 * is reported as SFF-8079 (256 bytes) even when it declares SFF-8472 diagnostics, whose A2h
 * page no source says the PHY mirrors.
 *
 * The PHY thread reads the mirror (qt2025_sfp_refresh) at its next poll after an application
 * asked (sfp_req), never on its own: 512 MDIO frames are 33 ms at 1 MHz, which would delay
 * a warm start's first link report. It forgets the page when the module type changes, and
 * publishes each state into dev_private behind a sequence counter (as the PHY info,
 * qt2025.h): these ops only read, ask and wait, so they issue no MDIO, work in secondaries
 * too, and a secondary killed while reading leaves nothing held.
 */

#include <rte_pause.h>

#include "qt2025_ops.h"
#include "qt_phy.h"

#define FIRST_READ_SLACK_MS 500 /* beyond two polls: the first read after bring-up */

/* The PHY thread's publication: the only writer. */
static void
sfp_publish(struct qt2025_adapter *ad, const struct qt_sfp_state *st)
{
	qt2025_seq_write_begin(&ad->sfp_seq);
	memcpy(&ad->sfp, st, sizeof(*st));
	qt2025_seq_write_end(&ad->sfp_seq);
}

/* The PHY thread asks whether someone waits for the page (and takes the request). */
static bool
sfp_wanted(struct qt2025_adapter *ad)
{
	uint32_t req = rte_atomic_load_explicit(&ad->sfp_req, rte_memory_order_acquire);

	if (req == ad->sfp_served)
		return false;
	ad->sfp_served = req;
	return true;
}

void
qt2025_sfp_init(struct rte_eth_dev *dev)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct qt_hw *hw = &qt2025_proc(dev)->hw;

	memset(&hw->phy.sfp, 0, sizeof(hw->phy.sfp));
	hw->phy.sfp.status = -EAGAIN;
	ad->sfp_served = rte_atomic_load_explicit(&ad->sfp_req, rte_memory_order_relaxed);
	sfp_publish(ad, &hw->phy.sfp);
}

void
qt2025_sfp_refresh(struct qt2025_adapter *ad, struct qt_hw *hw, uint8_t module)
{
	enum qt_sfp_need need;
	bool changed;

	need = qt_phy_sfp_track(hw, module, &changed);
	if (changed)
		sfp_publish(ad, &hw->phy.sfp);
	if (need == QT_SFP_NEED_READ || (need == QT_SFP_NEED_IF_ASKED && sfp_wanted(ad))) {
		qt_phy_sfp_read_page(hw);
		sfp_publish(ad, &hw->phy.sfp);
	}
}

int
qt2025_sfp_get(const struct qt2025_adapter *ad, struct qt_sfp_state *out)
{
	if (qt2025_seq_read(&ad->sfp_seq, out, &ad->sfp, sizeof(*out)) == 0)
		return 0;
	out->status = -EAGAIN;
	return -EAGAIN;
}

struct sfp_wait {
	struct rte_eth_dev *dev;
	struct qt_sfp_state *out;
	bool asked;
};

/* Done when a page (or an error) is published or the PHY does not run; asks once. */
static bool
sfp_ready(void *arg)
{
	struct sfp_wait *s = arg;
	struct qt2025_adapter *ad = qt2025_adapter(s->dev);

	qt2025_sfp_get(ad, s->out);
	if (s->out->status != -EAGAIN || qt2025_state_get(ad) != QT2025_ST_RUNNING)
		return true;
	if (!s->asked) {
		/* seen at the PHY thread's next periodic poll */
		rte_atomic_fetch_add_explicit(&ad->sfp_req, 1, rte_memory_order_release);
		s->asked = true;
	}
	return false;
}

/* A copy of the published state; a page not read yet is asked for and waited for (at most
 * two polls and a little more), if the PHY runs. The OS's sleep: the wait is for the PHY
 * thread, not on the card.
 */
static void
sfp_copy(struct rte_eth_dev *dev, struct qt_sfp_state *out)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);
	struct sfp_wait s = { .dev = dev, .out = out, .asked = false };
	const struct qt_wait w = {
		.cond = sfp_ready,
		.arg = &s,
		.flags = QT_WAIT_OS | QT_WAIT_STEPS,
		.step_ns = 10 * QT_NS_PER_MS,
		.timeout_ns = (2ull * ad->args.link_poll_ms + FIRST_READ_SLACK_MS) * QT_NS_PER_MS,
	};

	qt_wait(NULL, &w);      /* no transport used: a secondary may ask too */
}

/* 0, or the errno and one line saying why there is no page to give. */
static int
sfp_usable(struct rte_eth_dev *dev, const struct qt_sfp_state *c)
{
	struct qt2025_adapter *ad = qt2025_adapter(dev);

	switch (c->status) {
	case 0:
		return 0;
	case -ENODEV:
		QT_DRV_LOG(ERR, ad, "module EEPROM: no SFP+ module in the cage");
		return -ENOTSUP;
	case -ENOTSUP:
		QT_DRV_LOG(ERR, ad, "module EEPROM: no valid SFP A0h mirror at PHY 3.D000 (%s): "
			   "this board's PHY firmware does not show the module EEPROM", c->why);
		return -ENOTSUP;
	case -EIO:
		QT_DRV_LOG(ERR, ad, "module EEPROM: the last read failed (MDIO): read again at "
			   "the next link poll");
		return -EIO;
	default:
		QT_DRV_LOG(ERR, ad, "module EEPROM: not read yet, the PHY is not running");
		return -EAGAIN;
	}
}

int
qt2025_get_module_info(struct rte_eth_dev *dev, struct rte_eth_dev_module_info *mi)
{
	struct qt_sfp_state c;
	int rc;

	sfp_copy(dev, &c);
	rc = sfp_usable(dev, &c);
	if (rc != 0)
		return rc;
	mi->type = RTE_ETH_MODULE_SFF_8079;
	mi->eeprom_len = RTE_ETH_MODULE_SFF_8079_LEN;
	return 0;
}

int
qt2025_get_module_eeprom(struct rte_eth_dev *dev, struct rte_dev_eeprom_info *info)
{
	struct qt_sfp_state c;
	int rc;

	if (info->offset >= QT_SFP_PAGE_LEN || info->length > QT_SFP_PAGE_LEN - info->offset) {
		QT_DRV_LOG(ERR, qt2025_adapter(dev), "module EEPROM: offset %u length %u is "
			   "beyond the %u bytes of the A0h page", info->offset, info->length,
			   QT_SFP_PAGE_LEN);
		return -EINVAL;
	}
	sfp_copy(dev, &c);
	rc = sfp_usable(dev, &c);
	if (rc != 0)
		return rc;
	memcpy(info->data, c.page + info->offset, info->length);
	return 0;
}
