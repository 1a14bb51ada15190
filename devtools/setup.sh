#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Installs what the build, the run script and the tests need, from Debian's packages.
# Non-interactive and idempotent: a second run installs nothing and takes a second.
set -euo pipefail

pkgs=(dpdk dpdk-dev libdpdk-dev meson ninja-build pkg-config gcc python3
      python3-pyelftools libnuma-dev xz-utils dpkg-dev
      iproute2 python3-scapy tcpdump make
      clang libclang-rt-14-dev valgrind      # test-fuzz.sh (libFuzzer), test-sanitize.sh
      openvswitch-switch-dpdk iputils-ping)  # the ovs suite (Open vSwitch recipe)

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$p")
done

SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo

if [ ${#missing[@]} -gt 0 ]; then
	echo "setup: installing ${missing[*]}"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
		"${missing[@]}" >/dev/null
fi

# The driver-SDK headers come from the source package of the installed DPDK (see
# config/sdk-headers.sh); apt needs a deb-src entry for that.
if ! grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then
	echo "setup: enabling deb-src for the DPDK source package"
	src=/etc/apt/sources.list.d/qt2025-deb-src.sources
	if [ -f /etc/apt/sources.list.d/debian.sources ]; then
		sed -e 's/^Types: *deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources |
			$SUDO tee "$src" >/dev/null
	else
		grep -hE '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' |
			$SUDO tee /etc/apt/sources.list.d/qt2025-deb-src.list >/dev/null
	fi
	$SUDO apt-get update -qq
fi
