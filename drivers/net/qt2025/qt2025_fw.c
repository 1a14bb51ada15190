/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 net_qt2025 authors
 */

/*
 * Firmware files, read once at probe: the QT2025 8051 image and the TN40 init stream.
 * Search order as the kernel's (design.md "Firmware"): the devarg, the firmware_class path
 * parameter, /lib/firmware/updates, /lib/firmware. A transport with built-in images (the
 * simulator's synthetic test data) hands them over; a card has none.
 */

#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rte_byteorder.h>

#include "qt2025_fw.h"
#include "qt_phy.h"
#include "qt_sha256.h"

/* The QT2025 2.0.3.3 release image (hardware.md 8.4). */
static const uint8_t qt2025_release_sha256[32] = {
	0x95, 0x59, 0x4c, 0xa0, 0x80, 0x74, 0x3e, 0x9c, 0x8e, 0x8a, 0x46, 0x74, 0x3e, 0x6e,
	0x41, 0x3d, 0xd4, 0x52, 0x15, 0x21, 0x00, 0xca, 0x9a, 0x3c, 0xd8, 0x17, 0x61, 0x7e,
	0x5a, 0xc7, 0x18, 0x7b,
};
static const uint8_t qt2025_release_version[4] = { 2, 0, 3, 3 };

#define PHY_FW_MIN 3            /* an 8051 image starts with a 3-byte LJMP (hardware.md 8.4) */
#define NIC_FW_MIN 16           /* one init descriptor: BC 2, 16 bytes (hardware.md 4.8) */

/*
 * Reads a whole regular file of min..max bytes; -errno with one log line naming it. Opened
 * without blocking (a FIFO or a device would hang the probe, and with it rte_eal_init) and
 * checked with fstat before any read; the read must return exactly the size fstat gave.
 */
static int
read_file(const char *name, const char *what, const char *path, size_t min, size_t max,
	  struct qt2025_fw *fw)
{
	struct stat st;
	size_t got = 0;
	ssize_t n;
	int fd, rc = 0;

	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		rc = -errno;
		QT_INIT_LOG(ERR, name, "%s %.64s: cannot open: %s", what, path, strerror(errno));
		return rc;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		QT_INIT_LOG(ERR, name, "%s %.64s: not a regular file", what, path);
		rc = -EINVAL;
	} else if ((size_t)st.st_size < min) {
		QT_INIT_LOG(ERR, name, "%s %.64s: %" PRId64
			    " bytes, too small to be one (at least %zu)",
			    what, path, (int64_t)st.st_size, min);
		rc = -EINVAL;
	} else if ((size_t)st.st_size > max) {
		QT_INIT_LOG(ERR, name, "%s %.64s: %" PRId64
			    " bytes, more than the %zu the device holds",
			    what, path, (int64_t)st.st_size, max);
		rc = -EFBIG;
	} else {
		fw->len = (size_t)st.st_size;
		fw->data = malloc(fw->len + 1);         /* + 1: a file that grew shows */
		if (fw->data == NULL)
			rc = -ENOMEM;
		while (rc == 0 && (n = read(fd, fw->data + got, fw->len + 1 - got)) > 0)
			got += (size_t)n;
		if (rc == 0 && got != fw->len) {
			QT_INIT_LOG(ERR, name, "%s %.64s: read %zu bytes of the %zu it has", what,
				    path, got, fw->len);
			rc = -EIO;
		}
	}
	close(fd);
	if (rc != 0) {
		free(fw->data);
		fw->data = NULL;
		fw->len = 0;
	}
	return rc;
}

/* Finds a file by the kernel's search order; fills path; false when nowhere. */
static bool
search(const char *fname, char *path, size_t len)
{
	char custom[PATH_MAX] = "";
	const char *dirs[3];
	unsigned int i;
	FILE *f;

	f = fopen("/sys/module/firmware_class/parameters/path", "r");
	if (f != NULL) {
		if (fgets(custom, sizeof(custom), f) == NULL)
			custom[0] = '\0';
		custom[strcspn(custom, "\n")] = '\0';
		fclose(f);
	}
	dirs[0] = custom;
	dirs[1] = "/lib/firmware/updates";
	dirs[2] = "/lib/firmware";
	for (i = 0; i < RTE_DIM(dirs); i++) {
		if (dirs[i][0] == '\0')
			continue;
		if (snprintf(path, len, "%s/%s", dirs[i], fname) >= (int)len)
			continue;
		if (access(path, F_OK) == 0)
			return true;
	}
	return false;
}

static int
locate(const char *name, const char *what, const char *devarg, const char *fname, char *path,
	size_t len)
{
	if (devarg[0] != '\0') {
		snprintf(path, len, "%s", devarg);
		return 0;
	}
	if (search(fname, path, len))
		return 0;
	QT_INIT_LOG(ERR, name, "%s %s not found (looked in the firmware_class path, "
		    "/lib/firmware/updates and /lib/firmware; or give its path with the devarg)",
		    what, fname);
	return -ENOENT;
}

static void
identify_phy_image(struct qt2025_fw *fw, const struct qt2025_builtin_fw *builtin)
{
	uint8_t sum[32];

	qt_sha256(fw->data, fw->len, sum);
	if (memcmp(sum, qt2025_release_sha256, sizeof(sum)) == 0) {
		fw->version_known = true;
		memcpy(fw->version, qt2025_release_version, sizeof(fw->version));
	} else if (builtin != NULL && builtin->phy_sha256 != NULL &&
		   memcmp(sum, builtin->phy_sha256, sizeof(sum)) == 0) {
		fw->version_known = true;
		memcpy(fw->version, builtin->phy_version, sizeof(fw->version));
	}
}

/* The devarg's file, else the built-in image if the transport has one, else the search. */
static int
acquire(const struct qt2025_adapter *ad, const char *what, const char *devarg, const char *fname,
	size_t min, size_t max, const uint8_t *builtin, size_t builtin_len, struct qt2025_fw *fw)
{
	char path[PATH_MAX];
	int rc;

	if (builtin != NULL && devarg[0] == '\0') {
		fw->data = (uint8_t *)(uintptr_t)builtin;
		fw->len = builtin_len;
		fw->builtin = true;
		snprintf(fw->desc, sizeof(fw->desc), "(built-in)");
		return 0;
	}
	rc = locate(ad->name, what, devarg, fname, path, sizeof(path));
	if (rc == 0)
		rc = read_file(ad->name, what, path, min, max, fw);
	if (rc == 0)
		snprintf(fw->desc, sizeof(fw->desc), "%.80s", path);
	return rc;
}

static int
load_phy(const struct qt2025_adapter *ad, struct qt2025_fw *fw,
	 const struct qt2025_builtin_fw *builtin)
{
	int rc;

	rc = acquire(ad, "PHY firmware", ad->args.phy_fw, QT2025_PHY_FW_NAME, PHY_FW_MIN,
		     QT2025_FW_MAX_LEN,
		     builtin != NULL ? builtin->phy : NULL, builtin != NULL ? builtin->phy_len : 0,
		     fw);
	if (rc != 0)
		return rc;
	/* An 8051 image starts with LJMP (opcode 0x02) at address 0 (hardware.md 8.4). */
	if (fw->len < 3 || fw->data[0] != 0x02) {
		QT_INIT_LOG(ERR, ad->name, "PHY firmware %s: not an 8051 image (no LJMP at 0)",
			    fw->desc);
		return -EINVAL;
	}
	identify_phy_image(fw, builtin);
	if (fw->version_known)
		QT_INIT_LOG(INFO, ad->name, "PHY firmware %s: %zu bytes, QT2025 %u.%u.%u.%u%s",
			    fw->desc, fw->len, fw->version[0], fw->version[1], fw->version[2],
			    fw->version[3], fw->builtin ? " (simulator test data)" :
			    " (sha256 recognised)");
	else
		QT_INIT_LOG(WARNING, ad->name, "PHY firmware %s: %zu bytes, unrecognised image "
			    "(not the 2.0.3.3 release); it will be downloaded at every probe",
			    fw->desc, fw->len);
	return 0;
}

static int
load_nic(const struct qt2025_adapter *ad, struct qt2025_fw *fw,
	 const struct qt2025_builtin_fw *builtin)
{
	uint32_t w0;
	int rc;

	rc = acquire(ad, "NIC firmware", ad->args.nic_fw, QT2025_NIC_FW_NAME, NIC_FW_MIN,
		     QT2025_NIC_FW_MAX,
		     builtin != NULL ? builtin->nic : NULL, builtin != NULL ? builtin->nic_len : 0,
		     fw);
	if (rc != 0)
		return rc;
	/* A stream of TXD-format init descriptors: 8-byte units, type 0xF in word 0 bits
	 * 19:16 (hardware.md 4.8).
	 */
	if (fw->len >= 8)
		memcpy(&w0, fw->data, sizeof(w0));
	if (fw->len < 8 || fw->len % 8 != 0 || ((rte_le_to_cpu_32(w0) >> 16) & 0xF) != 0xF) {
		QT_INIT_LOG(ERR, ad->name, "NIC firmware %s: not a TN40 init-descriptor stream",
			    fw->desc);
		return -EINVAL;
	}
	QT_INIT_LOG(INFO, ad->name, "NIC firmware %s: %zu bytes", fw->desc, fw->len);
	return 0;
}

static void
fw_release(struct qt2025_fw *fw)
{
	if (!fw->builtin)
		free(fw->data);
	memset(fw, 0, sizeof(*fw));
}

int
qt2025_fw_load(const struct qt2025_adapter *ad, struct qt2025_proc *proc,
	       const struct qt2025_builtin_fw *builtin)
{
	int rc;

	rc = load_phy(ad, &proc->phy_fw, builtin);
	if (rc == 0)
		rc = load_nic(ad, &proc->nic_fw, builtin);
	if (rc != 0)
		qt2025_fw_free(proc);
	return rc;
}

void
qt2025_fw_free(struct qt2025_proc *proc)
{
	fw_release(&proc->phy_fw);
	fw_release(&proc->nic_fw);
}
