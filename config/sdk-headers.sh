#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Puts DPDK's driver-SDK headers into $1 (a build-local folder, never committed), and
# DPDK's pmdinfogen (buildtools/pmdinfogen.py and the coff.py it imports) into
# $1/buildtools. Debian's libdpdk-dev lacks them (design.md "DPDK conventions"): they are
# taken from the source package of exactly the installed version, fetched once with apt
# into $1/.cache.
set -euo pipefail

out=$1
headers="ethdev_driver.h ethdev_pci.h ethdev_vdev.h bus_pci_driver.h bus_vdev_driver.h dev_driver.h"
ver=$(dpkg-query -W -f='${Version}' libdpdk-dev 2>/dev/null) || {
	echo "sdk-headers: libdpdk-dev is not installed (run ./devtools/setup.sh)" >&2; exit 1; }

tools="pmdinfogen.py coff.py"
stamp="$out/.version"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$ver +buildtools" ]; then
	exit 0
fi

mkdir -p "$out/.cache"
cd "$out/.cache"
upver=${ver#*:}
upver=${upver%-*}
tarball=$(ls dpdk_"$upver".orig.tar.* 2>/dev/null | head -n1 || true)
if [ -z "$tarball" ]; then
	apt-get source --download-only -qq "dpdk=$ver" >/dev/null 2>apt.err || {
		echo "sdk-headers: 'apt-get source dpdk=$ver' failed; is deb-src enabled?" \
			"(./devtools/setup.sh does it)" >&2
		cat apt.err >&2; exit 1; }
	tarball=$(ls dpdk_"$upver".orig.tar.* | head -n1)
fi

list=$(tar -tf "$tarball")
members=$(echo "$list" | grep -E "/(lib/ethdev|lib/eal/include|drivers/bus/pci|drivers/bus/vdev)/($(echo "$headers" | tr ' ' '|'))$")
n=$(echo "$members" | wc -l)
[ "$n" -eq 6 ] || { echo "sdk-headers: found $n of 6 headers in $tarball" >&2; exit 1; }
tools_members=$(echo "$list" | grep -E "^[^/]+/buildtools/($(echo "$tools" | tr ' ' '|'))$")
n=$(echo "$tools_members" | wc -l)
[ "$n" -eq 2 ] || { echo "sdk-headers: found $n of 2 pmdinfogen files in $tarball" >&2; exit 1; }
tmp=$(mktemp -d "$out/.x.XXXXXX")
tar -xf "$tarball" -C "$tmp" $members $tools_members
for m in $members; do cp "$tmp/$m" "$out/"; done
mkdir -p "$out/buildtools"
for m in $tools_members; do cp "$tmp/$m" "$out/buildtools/"; done
rm -rf "$tmp"
echo "$ver +buildtools" > "$stamp"
echo "sdk-headers: extracted 6 driver-SDK headers and pmdinfogen of DPDK $ver"
