#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# Builds one upstream DPDK release from ../shared/dpdk/dpdk-<VERSION>.tar.xz into a cache
# folder outside the clone, once, and prints its folder on the last line of stdout:
#   <dir>/install   prefix (lib/<triplet>/pkgconfig/libdpdk.pc, bin/dpdk-testpmd)
#   <dir>/src       the unpacked tree (buildtools/ for pmdinfogen)
# The folder is keyed by the tarball's checksum, so a changed tarball builds again.
#   QT2025_DPDK_SRC    folder with the tarballs (default: <repo>/../shared/dpdk)
#   QT2025_DPDK_CACHE  cache folder (default: ~/.cache/net_qt2025/dpdk)
# Usage: dpdk-build.sh VERSION     (e.g. 24.11.4); progress goes to stderr and a log file.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
ver=${1:?usage: dpdk-build.sh VERSION}
srcdir=${QT2025_DPDK_SRC:-$repo/../shared/dpdk}
cache=${QT2025_DPDK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/net_qt2025/dpdk}
tarball=$srcdir/dpdk-$ver.tar.xz
[ -f "$tarball" ] || { echo "dpdk-build: no $tarball" >&2; exit 1; }

sum=$(sha256sum "$tarball" | cut -c1-16)
dir=$cache/$ver-$sum
mkdir -p "$cache"

# one builder per version at a time; the others wait for its result
exec 9>"$cache/$ver.lock"
flock 9
if [ -f "$dir/.done" ]; then
	echo "$dir"
	exit 0
fi

rm -rf "$dir"
mkdir -p "$dir"
log=$dir/build.log
echo "dpdk-build: building DPDK $ver into $dir (a few minutes, log: $log)" >&2
start=$(date +%s)
tar -xf "$tarball" -C "$dir"
mv "$dir/dpdk-$ver" "$dir/src" 2>/dev/null || mv "$dir"/dpdk-* "$dir/src"

# DPDK's meson runs python3 with pyelftools: Debian's, not another one earlier in PATH.
# Only the libraries DPDK cannot do without (enable_libs names one of them): testpmd and the
# plugin need no other, and a full 26.07 takes three times as long.
if ! (export PATH=/usr/bin:$PATH
	cd "$dir/src" &&
	meson setup "$dir/build" --prefix="$dir/install" -Dplatform=generic \
		-Ddefault_library=shared -Denable_driver_sdk=true -Denable_apps=test-pmd \
		-Denable_libs=kvargs \
		-Denable_drivers=bus/pci,bus/vdev,mempool/ring,net/ring,net/null \
		-Dtests=false -Dexamples= -Denable_docs=false &&
	ninja -C "$dir/build" install) >"$log" 2>&1; then
	tail -n 30 "$log" >&2
	echo "dpdk-build: DPDK $ver failed to build (log: $log)" >&2
	exit 1
fi
# the install is all the plugin needs; drop the objects
rm -rf "$dir/build"
touch "$dir/.done"
echo "dpdk-build: DPDK $ver built in $(($(date +%s) - start)) s" >&2
echo "$dir"
