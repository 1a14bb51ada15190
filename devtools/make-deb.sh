#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# Builds a Debian package of the plugin for the DPDK of a build folder (Debian 12's 22.11
# by default): `meson install` into a staging root puts librte_net_qt2025.so into that
# DPDK's PMD directory (/usr/lib/x86_64-linux-gnu/dpdk/pmds-23.0 for 22.11), where EAL
# loads it without -d, and rte_pmd_qt2025.h beside DPDK's headers; the driver guide and
# features file go to /usr/share/doc/dpdk-qt2025/ with a README.firmware that names the
# firmware files and the folders searched for them (neither file may be redistributed).
# Depends: the packages of the DPDK libraries the plugin links, at their installed version.
# Usage: make-deb.sh [BUILD [OUTDIR]]   (defaults: build, .); prints the .deb's path last.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$repo/build}" && pwd)
outdir=$(mkdir -p "${2:-.}" && cd "${2:-.}" && pwd)
pkg=dpdk-qt2025
ver=$(meson introspect "$build" --projectinfo | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

ninja -C "$build" >/dev/null
meson install -C "$build" --destdir "$stage" --no-rebuild --quiet
plugin=$(find "$stage" -name 'librte_net_qt2025.so' | head -n 1)
[ -n "$plugin" ] || { echo "make-deb: meson install gave no plugin" >&2; exit 1; }
doc=$stage/usr/share/doc/$pkg
mkdir -p "$doc"
cp "$repo/doc/guides/nics/qt2025.rst" "$repo/doc/guides/nics/features/qt2025.ini" "$doc/"
cat >"$doc/README.firmware" <<'EOF'
A card needs two firmware files, which this package does not carry:

  qt2025-2.0.3.3.fw   the QT2025 PHY's 8051 firmware (from the vendor's tn40xx driver)
  tehuti/bdx.bin      the TN40xx NIC firmware (Debian: firmware-misc-nonfree)

The driver looks for each one as the kernel does: the path given in the phy_fw / nic_fw
devargs, else the folder in /sys/module/firmware_class/parameters/path (when set), then
/lib/firmware/updates, then /lib/firmware. See qt2025.rst, "Prerequisites".
The simulated device (--vdev net_qt2025_sim0) needs neither.
EOF
cp "$repo/README.md" "$doc/README.md"

# Depends: the package of each DPDK library the plugin needs, at its installed version
deps=$(readelf -d "$plugin" | sed -nE 's/.*NEEDED.*\[(librte_[^]]*)\].*/\1/p' |
	while read -r lib; do
		path=$(ldconfig -p | awk -v l="$lib" '$1 == l { print $NF; exit }')
		[ -n "$path" ] || { echo "make-deb: $lib is not installed" >&2; exit 1; }
		p=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -n 1 | cut -d: -f1)
		[ -n "$p" ] || p=$(dpkg -S "$path" | head -n 1 | cut -d: -f1)
		echo "$p (>= $(dpkg-query -W -f='${Version}' "$p"))"
	done | sort -u | paste -sd, | sed 's/,/, /g')
size=$(du -sk "$stage" | cut -f1)
mkdir -p "$stage/DEBIAN"
cat >"$stage/DEBIAN/control" <<EOF
Package: $pkg
Version: $ver
Architecture: $arch
Maintainer: $(git -C "$repo" config user.name || echo net_qt2025) <$(git -C "$repo" config user.email || echo root@localhost)>
Installed-Size: $size
Depends: $deps
Section: libs
Priority: optional
Description: DPDK poll-mode driver for Tehuti TN40xx / AMCC QT2025 10G SFP+ cards
 The net_qt2025 PMD, installed in DPDK's PMD directory so that every DPDK
 application, secondary processes included, loads it without -d; with the
 net_qt2025_sim virtual device, which runs the driver on a model of the card.
EOF
deb=$outdir/${pkg}_${ver}_$arch.deb
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "make-deb: $(dpkg-deb -c "$deb" | grep -c '^-') files, Depends: $deps"
echo "$deb"
