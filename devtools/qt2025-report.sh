#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# qt2025-report.sh [PCI address[,devargs] | --sim]: runs the driver on one port with debug
# logging and writes one report file for whoever helps with a card: DPDK and driver
# versions, lspci -vvv of the card, the firmware files found with their sha256, then what
# the driver saw (qt2025-report: PHY state, firmware versions, bring-up steps with their
# times, the last MDIO transactions, the PHY registers it reads, module and EEPROM,
# register dump, xstats) and its debug log. The card is probed, configured and started as
# any application does; nothing else is written to it. The last line is the report's path.
#
# Environment: QT2025_BUILD (default build/), QT2025_REPORT_DIR (default .),
# QT2025_FW_DIRS (default "/lib/firmware/updates /lib/firmware"), QT2025_EAL_ARGS (extra).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${QT2025_BUILD:-$root/build}
bin=$build/app/test-qt2025/qt2025-report
target=${1:-}

if [ $# -ne 1 ] || [ -z "$target" ] || [ "$target" = -h ] || [ "$target" = --help ]; then
	echo "usage: $0 <PCI address[,devargs]> | --sim" >&2
	exit 2
fi
if [ ! -x "$bin" ]; then
	[ -d "$build" ] || meson setup "$build" "$root" >/dev/null
	ninja -C "$build" >/dev/null
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
if [ "$target" = --sim ]; then
	name=sim
	eal=(--no-huge -m 512 --no-pci --vdev "net_qt2025_sim0,timing=real")
else
	addr=${target%%,*}
	name=${addr//:/-}
	eal=(-a "$target")
fi
dir=${QT2025_REPORT_DIR:-.}
mkdir -p "$dir"
out=$(cd "$dir" && pwd)/qt2025-report-$name-$stamp.txt

{
	echo "# net_qt2025 report, $stamp, target $target"
	echo
	echo "== host =="
	uname -a
	echo
	echo "== versions =="
	echo "DPDK (pkg-config libdpdk): $(pkg-config --modversion libdpdk 2>/dev/null || echo unknown)"
	ver=$(sed -n "s/^ *version: '\(.*\)',/\1/p" "$root/meson.build" | head -1)
	rev=$(git -C "$root" describe --always --dirty 2>/dev/null || echo "not a git tree")
	echo "driver: net_qt2025 $ver ($rev)"
	echo
	echo "== lspci -vvv =="
	if [ "$target" = --sim ]; then
		echo "simulated port: no PCI device"
	elif command -v lspci >/dev/null; then
		lspci -vvv -nn -s "$addr" 2>&1 || true
	else
		echo "lspci not installed (Debian package pciutils)"
	fi
	echo
	echo "== firmware files (as the driver searches them, first found is used) =="
	for d in ${QT2025_FW_DIRS:-/lib/firmware/updates /lib/firmware}; do
		for f in "$d/qt2025-2.0.3.3.fw" "$d/tehuti/bdx.bin"; do
			if [ -f "$f" ]; then
				echo "$(sha256sum "$f" | cut -d' ' -f1) $(stat -c %s "$f") bytes $f"
			else
				echo "absent $f"
			fi
		done
	done
	for kv in ${target//,/ }; do
		case $kv in
		phy_fw=*|nic_fw=*)
			f=${kv#*=}
			if [ -f "$f" ]; then
				echo "$(sha256sum "$f" | cut -d' ' -f1) $(stat -c %s "$f") bytes $f (devarg)"
			else
				echo "absent $f (devarg)"
			fi ;;
		esac
	done
	[ "$target" != --sim ] || echo "the simulated port uses the model's built-in images"
	echo
	echo "== driver run: qt2025-report ${eal[*]} (debug log interleaved) =="
	set +e
	# shellcheck disable=SC2086
	"$bin" "${eal[@]}" --file-prefix "qt2025-report-$$" \
		--log-level='pmd.net.qt2025*:debug' ${QT2025_EAL_ARGS:-} 2>&1
	rc=$?
	set -e
	echo
	echo "== end: qt2025-report exit status $rc =="
} >"$out"

if grep -q '^state: running' "$out"; then
	echo "report written; send this file:"
else
	echo "report written (the driver did not reach running: the file says why); send this file:"
fi
echo "$out"
