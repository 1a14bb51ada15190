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
	target="PCI device ${1%%,*}"
	ports=(0)
	why="see the EAL and qt2025 lines above"
	addr=${1%%,*}
	[[ $addr == ????:* ]] || addr="0000:$addr"
	drv=$(basename "$(readlink "/sys/bus/pci/devices/$addr/driver" 2>/dev/null)" 2>/dev/null)
	if [ ! -e "/sys/bus/pci/devices/$addr" ]; then
		why="there is no such device (lspci -d 1fc9:4022 lists the cards)"
	elif [[ ! $drv =~ ^(vfio-pci|uio_pci_generic|igb_uio)$ ]]; then
		why="it is bound to ${drv:-no driver}, not to vfio-pci (README, Using a card)"
	fi
	shift
else
	eal+=(--no-huge -m 512 --no-pci
	      --vdev "net_qt2025_sim0,wire=run" --vdev "net_qt2025_sim1,wire=run")
	target="simulated ports"
	ports=(0 1)
	why="see the EAL and qt2025 lines above"
fi
# shellcheck disable=SC2206
eal+=(${QT2025_EAL_ARGS:-})
pmd=(-i --total-num-mbufs=4096 "$@")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# testpmd goes on without a port when none was probed (a PCI address with no card or
# none bound to vfio-pci, a vdev refused): run.sh stops it as soon as its log (stderr)
# says so, and fails with one line of its own. testpmd acts on SIGTERM once its prompt
# runs (before, it only notes it): TERM every half second, KILL after five seconds.
stop() {
	local i

	for i in $(seq 10); do
		kill -TERM "$1" 2>/dev/null || return 0
		sleep 0.5
	done
	kill -KILL "$1" 2>/dev/null
}
testpmd() {
	local rc=0

	sh -c 'echo $$ >"$0"; exec "$@"' "$tmp/pid" dpdk-testpmd "${eal[@]}" -- "${pmd[@]}" \
		2> >(while IFS= read -r l; do
			printf '%s\n' "$l" >&2
			case $l in *"No probed ethernet devices"*)
				: >"$tmp/noport"; stop "$(cat "$tmp/pid")" & ;;
			esac
		done) || rc=$?
	wait 2>/dev/null || true
	if [ -e "$tmp/noport" ]; then
		[ -t 1 ] && stty sane 2>/dev/null
		echo "run.sh: no port was probed on the $target: $why" >&2
		return 1
	fi
	return "$rc"
}

if [ -t 0 ]; then
	testpmd
	exit
fi

# No terminal: bring the links up, take port 0 down and up again, forward traffic both
# ways for a second, show, quit. The PHYs come up in the background, in a second or in
# several on a loaded machine: the script waits for telemetry to report each link change
# (30 s at most), then half a second for the event to be printed.
wait_link() {           # link state 0|1, ports
	local want=$1 p

	shift
	for p in "$@"; do
		for _ in $(seq 150); do
			[ -e "$tmp/noport" ] && exit 0         # testpmd is being stopped
			./devtools/qt2025-telemetry.py -f "$prefix" "/qt2025/phy,$p" 2>/dev/null |
				grep -q "\"link\": $want," && break
			sleep 0.2
		done
	done
	sleep 0.5
}
script() {
	wait_link 1 "${ports[@]}"
	echo "show port summary all"
	echo "set link-down port 0"
	wait_link 0 "${ports[@]}"
	echo "show port summary all"
	echo "set link-up port 0"
	wait_link 1 "${ports[@]}"
	echo "show port summary all"
	echo "start tx_first"
	sleep 1
	echo "stop"
	echo "show port stats all"
	echo "show port xstats 0"
	echo "quit"
}
script | testpmd
