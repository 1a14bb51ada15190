/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * The leaf header of the PMD: the adapter, the per-process state, accessors and log
 * macros. It includes no other header of the PMD but the compat header and base/'s qt_hw.h;
 * each module (link, firmware, devargs, simulator, rx/tx, ...) has its own header on top.
 *
 * struct qt2025_adapter is dev_private: it lives in memory shared with secondary
 * processes, so it holds data only, never a pointer of one process. What is per process
 * (the register transport, the firmware images, the PHY thread) is struct qt2025_proc.
 */

#ifndef QT2025_H
#define QT2025_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

#include <ethdev_driver.h>
#include <rte_atomic.h>
#include <rte_cycles.h>
#include <rte_pause.h>

#include "qt2025_compat.h"
#include "qt2025_thread.h"
#include "qt_hw.h"
#include "qt_sim_variants.h"

#define QT2025_DRV_PCI "net_qt2025"
#define QT2025_DRV_SIM "net_qt2025_sim"

#define QT2025_LINK_POLL_MS_DEFAULT 200
#define QT2025_MC_MAX 128               /* multicast hash list (hardware.md 3.10) */
#define QT2025_HW_STATS 32              /* hardware counters of 3.11 */

#define QT_DRV_LOG(level, ad, fmt, ...) QT_LOG(level, driver, (ad)->name, fmt, ##__VA_ARGS__)
#define QT_INIT_LOG(level, name, fmt, ...) QT_LOG(level, init, name, fmt, ##__VA_ARGS__)
#define QT_PHY_LOG(level, ad, fmt, ...) QT_LOG(level, phy, (ad)->name, fmt, ##__VA_ARGS__)

/* Devargs as parsed (qt2025_devargs.h); every key is in the PARAM_STRING and the rst. */
struct qt2025_devargs {
	char phy_fw[PATH_MAX];          /* "" = search (design.md "Firmware") */
	char nic_fw[PATH_MAX];
	uint32_t link_poll_ms;
	bool fw_force;                  /* download even if the PHY runs the same firmware */
	uint8_t datapath;               /* enum qt2025_path (qt2025_vec.h): auto, or one */
	char trace[PATH_MAX];           /* "" = none: the bring-up's accesses (qt2025_trace.c) */
	/* simulator only */
	char wire[32];
	uint8_t module;                 /* SFP module type, the 3.D70C code (hardware.md 8.5) */
	bool timing_real;
	struct qt_sim_variants variants; /* the model's, defined in sim/qt_sim_variants.h */
};

/* PHY control thread states (a cold bring-up goes identify, firmware-download, firmware-boot,
 * nic-firmware, running).
 */
enum qt2025_state {
	QT2025_ST_PROBING = 0,  /* thread starting */
	QT2025_ST_IDENTIFY,     /* MDIO scan, ID and revision */
	QT2025_ST_FW_LOAD,      /* QT2025 program download */
	QT2025_ST_FW_WAIT,      /* waiting for the 8051 to report ready */
	QT2025_ST_NIC_FW,       /* TN40 firmware through the TXD FIFO */
	QT2025_ST_RUNNING,      /* watching the link */
	QT2025_ST_FAILED,       /* bring-up failed: reason says why; retried never */
	QT2025_ST_STOPPED,      /* thread gone (close) */
};

/* Bring-up steps whose time the PHY thread records (qt2025_bringup.c), in their order. */
enum qt2025_step {
	QT2025_STEP_CLOCK_6M,   /* MDIO clock 6 MHz written (its settle follows) */
	QT2025_STEP_PHY_FOUND,  /* QT2025 found and its revision checked */
	QT2025_STEP_PHY_BOOT,   /* program written, 8051 told to run it */
	QT2025_STEP_NIC_INIT,   /* MAC speed 0, GPIO, MDIO clock 1 MHz */
	QT2025_STEP_NIC_FW_DONE, /* NIC firmware running (INIT_STATUS) */
	QT2025_STEP_PHY_READY,  /* 3.D7FD says the firmware runs */
	QT2025_STEP_RUNNING,    /* link watching starts */
	QT2025_STEP_MAX
};
const char *qt2025_step_name(enum qt2025_step s);

/* Written by the PHY thread alone, inside an odd info_seq; read by anyone (qt2025_info_get). */
struct qt2025_phy_info {
	uint8_t fw_version[4];
	uint8_t module;                 /* 3.D70C */
	uint8_t heartbeat;
	int phy_addr;
	bool phy_link;                  /* PMA && PCS */
	bool mac_link;                  /* MAC_LNK_STAT bit 2 */
	uint32_t mac_speed;             /* configured by 6.3 */
	char reason[128];               /* why bring-up failed, "" otherwise */
	char no_link[96];               /* running: why there is no link, "" when up */
};

struct qt2025_counters {
	RTE_ATOMIC(uint64_t) link_up_events;
	RTE_ATOMIC(uint64_t) link_down_events;
	RTE_ATOMIC(uint64_t) fw_loads;
	RTE_ATOMIC(uint64_t) fw_load_us;        /* last download, 0 when skipped */
	RTE_ATOMIC(uint64_t) mdio_errors;
	RTE_ATOMIC(uint64_t) mdio_timeouts;
	RTE_ATOMIC(uint64_t) mac_resets;        /* 7.1 recovery */
	RTE_ATOMIC(uint64_t) fw_crashes;        /* heartbeat stopped */
	RTE_ATOMIC(uint64_t) tx_stalls;         /* Tx watchdog recoveries */
};

struct qt2025_adapter {
	char name[RTE_DEV_NAME_MAX_LEN];
	uint16_t port_id;
	bool is_sim;
	struct qt2025_devargs args;

	RTE_ATOMIC(uint32_t) state;             /* enum qt2025_state */
	RTE_ATOMIC(uint32_t) started;           /* dev_start .. dev_stop */
	RTE_ATOMIC(uint32_t) admin_down;        /* set_link_down asked for */
	RTE_ATOMIC(uint32_t) loopback;          /* lpbk_mode 1 asked for */
	RTE_ATOMIC(uint32_t) req_gen;           /* bumped by each request to the thread */
	RTE_ATOMIC(uint32_t) ack_gen;           /* req_gen the thread has applied */
	RTE_ATOMIC(uint32_t) lsc_pending;       /* an LSC alarm is armed */

	RTE_ATOMIC(uint32_t) nic_fw_done;       /* the PHY thread is done with the TXD FIFO */
	RTE_ATOMIC(uint32_t) imr;               /* interrupts wanted: link, Rx (hardware.md 3.8) */
	bool hw_quiet;                          /* SW reset since the FIFOs were last used */
	bool hw_stats;                          /* the NIC has the counters of 3.11 */
	uint8_t rx_path;                        /* bursts chosen (enum qt2025_path) */
	uint8_t tx_path;
	uint8_t path_warned;                    /* datapath asked beyond the CPU: said once */

	/* receive filters as set, applied again after each reset (hardware.md 3.4, 3.10) */
	uint32_t vfta[128];
	uint16_t nb_mc;
	struct rte_ether_addr mc[QT2025_MC_MAX];
	uint64_t hw_stats_base[QT2025_HW_STATS];

	/* a sequence counter, not a lock: a reader in any process only reads, so a secondary
	 * killed while reading cannot wedge the PHY thread (odd: a publication in progress)
	 */
	RTE_ATOMIC(uint32_t) info_seq;
	struct qt2025_phy_info info;
	struct qt2025_counters cnt;
	RTE_ATOMIC(uint64_t) xstats_base[32];   /* PHY counters at the last xstats_reset */
	uint64_t probe_ns;                      /* for the bring-up time log */

	/* extra ops (qt2025_ops.h) */
	RTE_ATOMIC(uint32_t) sfp_seq;           /* odd: the PHY thread writes sfp */
	struct qt_sfp_state sfp;                /* module EEPROM (qt2025_module.c) */
	RTE_ATOMIC(uint32_t) sfp_req;           /* bumped by readers wanting the page */
	uint32_t sfp_served;                    /* sfp_req the PHY thread took, its own */
	uint32_t led;                           /* identification LED on (BLNK_LED, 3.4) */
	uint32_t fc_mode;                       /* enum rte_eth_fc_mode as set */
		uint16_t pause_time;                    /* PAUSE_QUANT as set (hardware.md 3.5) */
	/* FW_VER (hardware.md 3.2), read by the PHY thread */
	RTE_ATOMIC(uint32_t) nic_fw_ver;

	/* diagnostics: us since the probe + 1 of each step of the last bring-up (0: not
	 * reached), and the last MDIO transactions (base/ writes it through hw->mdio_ring)
	 */
	RTE_ATOMIC(uint32_t) step_us[QT2025_STEP_MAX];
	struct qt_mdio_ring mdio_ring;
};

/* A firmware image as loaded at probe (qt2025_fw.h). */
struct qt2025_fw {
	uint8_t *data;          /* malloc'ed copy, or the transport's built-in image */
	size_t len;
	bool builtin;
	bool version_known;     /* recognised image: version[] is what the PHY will report */
	uint8_t version[4];
	char desc[96];          /* for the log: path and what it is */
};

/* Images a transport carries itself (the simulator's synthetic test data), used when no
 * devarg names a file. A PCI card has none: its files are searched as the kernel does.
 */
struct qt2025_builtin_fw {
	const uint8_t *phy;
	size_t phy_len;
	const uint8_t *phy_sha256;      /* 32 bytes: recognises the image in a file too */
	const uint8_t *phy_version;     /* 4 bytes: what the PHY reports once it runs it */
	const uint8_t *nic;
	size_t nic_len;
};

struct qt2025_probe_args {
	struct rte_intr_handle *intr;
	struct qt2025_builtin_fw builtin;
	bool has_builtin;
};

struct qt2025_link_ctx;

/*
 * Per process, per port: pointers of this process only, in one record (qt2025_procs[port]).
 * dev_close zeroes it; dev_reset keeps hw and probe across.
 */
struct qt2025_proc {
	struct qt_hw hw;
	struct qt2025_probe_args probe; /* what the probe got, for dev_reset (primary) */
	struct qt2025_fw phy_fw;
	struct qt2025_fw nic_fw;
	struct qt2025_link_ctx *link;   /* PHY thread, primary only */
	struct rte_intr_handle *intr;   /* the card's interrupt (qt2025_intr.c), or NULL */
	bool intr_on;                   /* its callback is registered and enabled */
	int wake_fd;                    /* the PHY thread's eventfd, woken on LNKCHG0 */
	struct rte_intr_handle *rx_intr; /* dev->intr_handle: the Rx interrupt's eventfd */
	int rx_efd;
	bool told_no_hw;                /* qt2025_burst_no_hw said it once */
	bool tel_readable;              /* telemetry may read the port (under its lock) */
};
/* Defined in qt2025_proc.c, the glue's leaf object, with the log types. */
extern struct qt2025_proc qt2025_procs[RTE_MAX_ETHPORTS];
/* Burst side: logs once per port and process why its bursts return 0. */
void qt2025_burst_no_hw(uint16_t port_id);

static inline struct qt2025_adapter *
qt2025_adapter(const struct rte_eth_dev *dev)
{
	return dev->data->dev_private;
}

static inline struct qt2025_proc *
qt2025_proc(const struct rte_eth_dev *dev)
{
	return &qt2025_procs[dev->data->port_id];
}

#define QT2025_SEQ_TRIES 10000          /* a publication takes well under a microsecond */

/*
 * Sequence counters (the PHY info, the module page): one writer, the PHY thread; readers in
 * any process only read, so that none can wedge it (a secondary killed while reading).
 * A consistent copy of src: 0, or -EAGAIN when every try met a publication in progress (a
 * writer gone inside one, or a reader starved); dst then holds a copy possibly torn.
 */
static inline int
qt2025_seq_read(const RTE_ATOMIC(uint32_t) *seq, void *dst, const void *src, size_t len)
{
	unsigned int i;

	for (i = 0; i < QT2025_SEQ_TRIES; i++) {
		uint32_t s = rte_atomic_load_explicit(seq, rte_memory_order_acquire);

		if (s & 1) {
			rte_pause();
			continue;
		}
#ifdef QT2025_DEBUG_WINDOW_US
		/* -Dqt2025_debug_window=true: a reader spends most of its time between the two
		 * loads, where a SIGKILL once left the primary wedged (procinfo_kill.sh)
		 */
		rte_delay_us_sleep(QT2025_DEBUG_WINDOW_US);
#endif
		memcpy(dst, src, len);
		rte_atomic_thread_fence(rte_memory_order_acquire);
		if (rte_atomic_load_explicit(seq, rte_memory_order_relaxed) == s)
			return 0;
	}
	return -EAGAIN;
}

/* The writer's side. An odd value found at the start was left by a publication that never
 * ended (a writer gone, or a test playing one): this one starts from it and ends even, so
 * that readers recover.
 */
static inline void
qt2025_seq_write_begin(RTE_ATOMIC(uint32_t) *seq)
{
	uint32_t s = rte_atomic_load_explicit(seq, rte_memory_order_relaxed);

	rte_atomic_store_explicit(seq, (s + 2) | 1, rte_memory_order_relaxed);
	rte_atomic_thread_fence(rte_memory_order_release);
}

static inline void
qt2025_seq_write_end(RTE_ATOMIC(uint32_t) *seq)
{
	uint32_t s = rte_atomic_load_explicit(seq, rte_memory_order_relaxed);

	rte_atomic_store_explicit(seq, s + 1, rte_memory_order_release);
}

/* A consistent copy of what the PHY thread published (qt2025_seq_read). */
static inline int
qt2025_info_get(const struct qt2025_adapter *ad, struct qt2025_phy_info *out)
{
	return qt2025_seq_read(&ad->info_seq, out, &ad->info, sizeof(*out));
}

static inline enum qt2025_state
qt2025_state_get(const struct qt2025_adapter *ad)
{
	return (enum qt2025_state)rte_atomic_load_explicit(&ad->state, rte_memory_order_acquire);
}

#endif /* QT2025_H */
