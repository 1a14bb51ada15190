/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The access trace transport (qt_trace.h). The MDIO transactions are decoded from the
 * accesses as the controller sees them (hardware.md 5): MDIO_CMD names the PHY and MMD
 * (and starts a read frame with its read bit), MDIO_ADDR the register, a write of
 * MDIO_DATA is the write frame, a read of MDIO_DATA after a read frame its result (a read
 * frame whose data is never read, after an error, is written as 0xFFFF).
 * Accesses from several threads go to one FILE, whose own lock keeps lines whole.
 */

#include <inttypes.h>
#include <stdlib.h>

#include "qt_trace.h"
#include "tn40_regs.h"

struct qt_trace {
	struct qt_hw inner;     /* the card's own transport */
	/* an access and its line together: threads' accesses (the PHY thread's bring-up, an
	 * application's dev_start) are written in the order the card saw them
	 */
	qt_lock_t lock;
	FILE *f;
	uint64_t t0_ns;
	uint64_t lines;
	/* the last read, not written yet while it repeats */
	uint32_t rd_off, rd_val, rd_n;
	uint64_t rd_ns;
	/* MDIO decode */
	uint32_t cmd;
	uint16_t reg;
	bool rd_pending;
};

static double
us(const struct qt_trace *t, uint64_t ns)
{
	return (double)(ns - t->t0_ns) / 1e3;
}

static void
flush_read(struct qt_trace *t)
{
	if (t->rd_n == 0)
		return;
	if (t->rd_n == 1)
		fprintf(t->f, "%.3f rd32 0x%04x 0x%08x\n", us(t, t->rd_ns), t->rd_off, t->rd_val);
	else
		fprintf(t->f, "%.3f rd32 0x%04x 0x%08x *%u\n", us(t, t->rd_ns), t->rd_off,
			t->rd_val, t->rd_n);
	t->lines++;
	t->rd_n = 0;
}

static void
mdio_line(struct qt_trace *t, uint64_t ns, const char *op, uint16_t val)
{
	fprintf(t->f, "%.3f %s %u %u.%04X 0x%04x\n", us(t, ns), op,
		(t->cmd >> TN40_MDIO_CMD_PRTAD_SHIFT) & 0x1F, t->cmd & 0x1F, t->reg, val);
	t->lines++;
}

static uint32_t
tr_rd32(void *ctx, uint32_t off)
{
	struct qt_trace *t = ctx;
	uint32_t val;
	uint64_t ns;

	qt_lock(&t->lock);
	val = qt_rd32(&t->inner, off);
	if (t->f == NULL) {
		qt_unlock(&t->lock);
		return val;
	}
	ns = qt_now_ns(&t->inner);
	if (t->rd_n != 0 && (off != t->rd_off || val != t->rd_val))
		flush_read(t);
	if (t->rd_n++ == 0) {
		t->rd_off = off;
		t->rd_val = val;
		t->rd_ns = ns;
	}
	if (off == TN40_MDIO_DATA && t->rd_pending) {
		flush_read(t);
		mdio_line(t, ns, "mdio_rd", (uint16_t)val);
		t->rd_pending = false;
	}
	qt_unlock(&t->lock);
	return val;
}

static void
tr_wr32(void *ctx, uint32_t off, uint32_t val)
{
	struct qt_trace *t = ctx;
	uint64_t ns;

	qt_lock(&t->lock);
	qt_wr32(&t->inner, off, val);
	if (t->f == NULL) {
		qt_unlock(&t->lock);
		return;
	}
	ns = qt_now_ns(&t->inner);
	flush_read(t);
	/* a read frame whose data was never read (its error bit was set): the bus read
	 * nothing, as the model's 0xFFFF says
	 */
	if (off == TN40_MDIO_CMD && t->rd_pending) {
		mdio_line(t, ns, "mdio_rd", 0xFFFF);
		t->rd_pending = false;
	}
	fprintf(t->f, "%.3f wr32 0x%04x 0x%08x\n", us(t, ns), off, val);
	t->lines++;
	switch (off) {
	case TN40_MDIO_CMD:
		t->cmd = val;
		t->rd_pending = (val & TN40_MDIO_CMD_READ) != 0;
		break;
	case TN40_MDIO_ADDR:
		t->reg = (uint16_t)val;
		break;
	case TN40_MDIO_DATA:
		mdio_line(t, ns, "mdio_wr", (uint16_t)val);
		break;
	default:
		break;
	}
	qt_unlock(&t->lock);
}

static uint64_t
tr_now_ns(void *ctx)
{
	return qt_now_ns(&((struct qt_trace *)ctx)->inner);
}

static void
tr_spin_ns(void *ctx, uint64_t ns)
{
	qt_spin_ns(&((struct qt_trace *)ctx)->inner, ns);
}

static void
tr_sleep_ns(void *ctx, uint64_t ns)
{
	qt_sleep_ns(&((struct qt_trace *)ctx)->inner, ns);
}

static const struct qt_hw_ops tr_ops = {
	.rd32 = tr_rd32,
	.wr32 = tr_wr32,
	.now_ns = tr_now_ns,
	.spin_ns = tr_spin_ns,
	.sleep_ns = tr_sleep_ns,
};

struct qt_trace *
qt_trace_start(struct qt_hw *hw, FILE *f, const char *source)
{
	struct qt_trace *t = calloc(1, sizeof(*t));

	if (t == NULL)
		return NULL;
	t->inner = *hw;
	qt_lock_init(&t->lock);
	t->f = f;
	t->t0_ns = qt_now_ns(hw);
	fprintf(f, "# net_qt2025 access trace 1: %s %s\n", source, hw->name);
	hw->bar = NULL;
	hw->ops = &tr_ops;
	hw->ctx = t;
	return t;
}

void
qt_trace_end(struct qt_trace *t, void (*at_end)(void *arg), void *arg)
{
	if (t == NULL)
		return;
	qt_lock(&t->lock);
	if (t->f != NULL) {
		flush_read(t);
		fprintf(t->f, "# end: %" PRIu64 " lines\n", t->lines);
		fclose(t->f);
		t->f = NULL;
		if (at_end != NULL)
			at_end(arg);
	}
	qt_unlock(&t->lock);
}

void
qt_trace_inner(const struct qt_trace *t, struct qt_hw *hw)
{
	hw->bar = t->inner.bar;
	hw->ops = t->inner.ops;
	hw->ctx = t->inner.ctx;
}

void
qt_trace_free(struct qt_trace *t, struct qt_hw *hw)
{
	if (t == NULL)
		return;
	qt_trace_end(t, NULL, NULL);
	qt_trace_inner(t, hw);
	free(t);
}
