/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The wire (design.md "The device model (sim/)"): a frame a port transmits reaches its peer on the
 * same wire, or itself through a loopback plug, only while the sender's MAC link is up and
 * the receiver sees light (cable plugged at both ends, far PHY transmitting). With
 * timing=real the line carries at most its rate: each frame occupies it for preamble+SFD
 * 8 B + frame + FCS 4 B + inter-frame gap 12 B, and arrives when its last bit has; with
 * timing=fast frames arrive at once. wire=tap:NAME cables the port to a Linux TAP interface.
 * Also the test hooks: inject at a receiver, capture what a port transmits.
 *
 * A transmitted frame is gathered straight into a slot of the receiver's queue, so its bytes
 * are copied once per direction (TX gather, RX delivery).
 */

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/if.h>
#include <linux/if_tun.h>

#include "sim_nic.h"

#define SIM_WIRE_MIN_FRAME 60  /* 64 with the FCS: Ethernet's minimum */

#define WIRE_OVERHEAD	24u		/* preamble+SFD 8, FCS 4, IFG 12 */
#define PS_PER_BYTE_10G	800u		/* 8 bits at 10 Gb/s */
#define PS_PER_BYTE_1G	8000u
#define CAP_SLOTS	4096u
#define TAP_PREFIX	"tap:"
#define TAP_BURST	32u		/* frames taken from a TAP per engine run */
#define FRAME_MAX	65536u
#define TAP_FRAME_MAX	(16384u + 64u)	/* MTU 16384 (hardware.md 4.7) and headers */

/* ---- frame queues ---- */

static struct sim_wframe *
fq_slot(struct sim_fq *q, uint32_t len)
{
	struct sim_wframe *w;

	if (q->f == NULL || q->count == q->n)
		return NULL;
	w = &q->f[(q->head + q->count) % q->n];
	if (w->cap < len) {
		uint32_t cap = len < 2048 ? 2048 : len;
		uint8_t *p = realloc(w->buf, cap);

		if (p == NULL)
			return NULL;
		w->buf = p;
		w->cap = cap;
	}
	return w;
}

bool
sim_fq_push(struct sim_fq *q, const void *frame, uint32_t len, uint64_t arrive_ps)
{
	struct sim_wframe *w = fq_slot(q, len);

	if (w == NULL)
		return false;
	memcpy(w->buf, frame, len);
	w->len = len;
	w->arrive_ps = arrive_ps;
	w->bad_fcs = false;
	q->count++;
	return true;
}

/* ---- transmit ---- */

/* The port whose receiver this port's frames reach now, NULL when they reach none. */
static struct qt_sim *
tx_far(struct qt_sim *sim)
{
	struct qt_sim *far = sim->wire[0] != '\0' ? sim->peer : sim;

	/* sig_seen: the light at far as last settled, which the DMA engines only run after */
	if (!sim->mac_link || sim->dma.tap_fd >= 0 || far == NULL || !far->sig_seen)
		return NULL;
	return far;
}

uint8_t *
sim_wire_tx_begin(struct qt_sim *sim, uint32_t len)
{
	struct sim_dma *d = &sim->dma;

	d->tx_far = tx_far(sim);
	d->tx_slot = d->tx_far != NULL ? fq_slot(&d->tx_far->dma.rxq, len) : NULL;
	if (d->tx_slot != NULL)
		return d->tx_slot->buf;
	if (d->txbuf_cap < len) {
		uint8_t *p = realloc(d->txbuf, FRAME_MAX);

		if (p == NULL)
			return NULL;
		d->txbuf = p;
		d->txbuf_cap = FRAME_MAX;
	}
	return d->txbuf;
}

static void
count_out(struct sim_dma *d, const uint8_t *f, uint32_t len)
{
	uint64_t oct = len + 4u;        /* octets as on the wire, FCS included */
	bool bcast = len >= 6 && memcmp(f, "\xff\xff\xff\xff\xff\xff", 6) == 0;

	d->stats[ST_OUT_PKTS]++;
	d->stats[ST_OUT_OCT] += oct;
	if (bcast) {
		d->stats[ST_OUT_BCAST]++;
		d->stats[ST_OUT_BCAST_OCT] += oct;
	} else if (len >= 1 && (f[0] & 1)) {
		d->stats[ST_OUT_MCAST]++;
	} else {
		d->stats[ST_OUT_UCAST]++;
		d->stats[ST_OUT_UCAST_OCT] += oct;
	}
	if (len >= 14 && f[12] == 0x81 && f[13] == 0x00)
		d->stats[ST_OUT_VLAN]++;
}

void
sim_wire_tx_end(struct qt_sim *sim, uint32_t len)
{
	struct sim_dma *d = &sim->dma;
	struct sim_wframe *w = d->tx_slot;
	const uint8_t *f = w != NULL ? w->buf : d->txbuf;
	uint64_t arrive = sim_now_ps(sim);

	d->tx_slot = NULL;
	if (!sim->mac_link) {
		d->tx_lost++;   /* the MAC sends into a dead link */
		return;
	}
	d->tx_frames++;
	count_out(d, f, len);
	if (sim->cfg.timing == QT_SIM_TIMING_REAL) {
		uint32_t ps = sim->mac_speed == 1000 ? PS_PER_BYTE_1G : PS_PER_BYTE_10G;

		/* the engine starts line_free_ps no earlier than now (sim_dma_tx.c) */
		d->line_free_ps += (uint64_t)(len + WIRE_OVERHEAD) * ps;
		arrive = d->line_free_ps;
	}
	if (d->capture)
		(void)sim_fq_push(&d->cap, f, len, arrive);
	if (d->tap_fd >= 0) {
		/* a full TAP queue loses the frame, as a line would */
		if (write(d->tap_fd, f, len) < 0)
			d->tx_lost++;
		return;
	}
	if (w != NULL) {
		w->len = len;
		w->arrive_ps = arrive;
		w->bad_fcs = false;
		d->tx_far->dma.rxq.count++;
	} else if (d->tx_far != NULL) {
		d->tx_far->dma.drop_wire++;     /* its receive queue is full */
	} else {
		d->tx_lost++;                   /* no light at the far end */
	}
}

/* ---- test hooks ---- */

int
qt_sim_wire_inject(struct qt_sim *sim, const void *frame, size_t len)
{
	if (frame == NULL || len == 0 || len >= FRAME_MAX) {
		errno = EINVAL;
		return -1;
	}
	sim_enter(sim);
	if (!sim_fq_push(&sim->dma.rxq, frame, (uint32_t)len, sim_now_ps(sim)))
		sim->dma.drop_wire++;
	sim_dma_settle(sim);
	sim_irq_eval(sim);
	sim_leave(sim);
	return 0;
}

void
qt_sim_tx_capture(struct qt_sim *sim, bool on)
{
	struct sim_fq *q = &sim->dma.cap;
	uint32_t i;

	sim_lock();
	if (on && q->f == NULL) {
		q->f = calloc(CAP_SLOTS, sizeof(*q->f));
		q->n = q->f != NULL ? CAP_SLOTS : 0;
	}
	if (!on && q->f != NULL) {
		for (i = 0; i < q->n; i++)
			free(q->f[i].buf);
		free(q->f);
		memset(q, 0, sizeof(*q));
	}
	sim->dma.capture = on && q->f != NULL;
	sim_unlock();
}

size_t
qt_sim_tx_pop(struct qt_sim *sim, void *buf, size_t max)
{
	struct sim_fq *q = &sim->dma.cap;
	size_t len = 0;

	sim_lock();
	if (q->count > 0) {
		const struct sim_wframe *w = &q->f[q->head];

		len = w->len;
		if (max > 0)
			memcpy(buf, w->buf, len < max ? len : max);
		q->head = (q->head + 1) % q->n;
		q->count--;
	}
	sim_unlock();
	return len;
}

/* ---- TAP ---- */

int
sim_wire_open(struct qt_sim *sim)
{
	struct ifreq ifr;
	int fd;

	if (strncmp(sim->wire, TAP_PREFIX, strlen(TAP_PREFIX)) != 0)
		return 0;
	if (strlen(sim->wire + strlen(TAP_PREFIX)) == 0 ||
	    strlen(sim->wire + strlen(TAP_PREFIX)) >= IFNAMSIZ) {
		errno = EINVAL;
		return -1;
	}
	fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -1;
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
	memcpy(ifr.ifr_name, sim->wire + strlen(TAP_PREFIX),
	       strlen(sim->wire + strlen(TAP_PREFIX)));
	if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
		int err = errno;

		close(fd);
		errno = err;
		return -1;
	}
	sim->dma.tap_fd = fd;
	return 0;
}

void
sim_wire_close(struct qt_sim *sim)
{
	if (sim->dma.tap_fd >= 0)
		close(sim->dma.tap_fd);
	sim->dma.tap_fd = -1;
	free(sim->dma.txbuf);
	sim->dma.txbuf = NULL;
	sim->dma.txbuf_cap = 0;
}

void
sim_wire_poll(struct qt_sim *sim)
{
	struct sim_dma *d = &sim->dma;
	uint32_t i;

	if (d->tap_fd < 0)
		return;
	for (i = 0; i < TAP_BURST; i++) {
		struct sim_wframe *w = fq_slot(&d->rxq, TAP_FRAME_MAX);
		ssize_t n;

		if (w == NULL)
			return;         /* the TAP keeps them until there is room */
		n = read(d->tap_fd, w->buf, TAP_FRAME_MAX);
		if (n <= 0)
			return;
		/* the host's frames arrive as its NIC would send them: padded to 60 bytes */
		if (n < SIM_WIRE_MIN_FRAME) {
			memset(w->buf + n, 0, SIM_WIRE_MIN_FRAME - n);
			n = SIM_WIRE_MIN_FRAME;
		}
		w->len = (uint32_t)n;
		w->arrive_ps = sim_now_ps(sim);
		w->bad_fcs = false;
		d->rxq.count++;
	}
}
