#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# The README's main command: sets up what is missing, builds, and starts Debian's
# dpdk-testpmd with the plugin.
#
#   ./devtools/run.sh [testpmd args]              two simulated ports cabled together
#   ./devtools/run.sh 0000:03:00.0[,devargs] [testpmd args]
#                                                 a card bound to vfio-pci
#
# EAL options can be added with QT2025_EAL_ARGS (for a card: hugepages, lcores...).
# Without a terminal on standard input it runs a short scripted session and exits with
# testpmd's status.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${QT2025_BUILD:-build}
./devtools/setup.sh
[ -f "$build/build.ninja" ] || meson setup "$build" >/dev/null
ninja -C "$build" >/dev/null

plugin="$PWD/$build/librte_net_qt2025.so"
prefix="qt2025-run-$$"
eal=(-d "$plugin" --file-prefix "$prefix")

if [[ $# -gt 0 && $1 =~ ^([0-9a-fA-F]{4}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7](,.*)?$ ]]; then
	eal+=(-a "$1")
	shift
else
	eal+=(--no-huge -m 512 --no-pci
	      --vdev "net_qt2025_sim0,wire=run" --vdev "net_qt2025_sim1,wire=run")
fi
# shellcheck disable=SC2206
eal+=(${QT2025_EAL_ARGS:-})
pmd=(-i --total-num-mbufs=4096 "$@")

if [ -t 0 ]; then
	exec dpdk-testpmd "${eal[@]}" -- "${pmd[@]}"
fi

# No terminal: bring the links up, take port 0 down and up again, forward traffic both
# ways for a second, show, quit.
script() {
	sleep 3
	echo "show port summary all"
	echo "set link-down port 0"
	sleep 1
	echo "show port summary all"
	echo "set link-up port 0"
	sleep 1
	echo "show port summary all"
	echo "start tx_first"
	sleep 1
	echo "stop"
	echo "show port stats all"
	echo "show port xstats 0"
	echo "quit"
}
script | dpdk-testpmd "${eal[@]}" -- "${pmd[@]}"
