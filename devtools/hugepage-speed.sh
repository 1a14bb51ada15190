#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# The simulated datapath with and without hugepages: Debian's dpdk-testpmd, two simulated
# ports on one wire, io forwarding from "start tx_first" for SECONDS (default 3), once with
# --no-huge and once on 2 MB hugepages this script reserves (as root) in a hugetlbfs of its
# own and gives back at exit. Prints each run's forwarded packets per second and their
# ratio (the model's DMA translation must not cost more with hugepages: 1.0 is the goal).
# Figures only, no assertion. Usage: hugepage-speed.sh [BUILD [SECONDS]]
set -euo pipefail
cd "$(dirname "$0")/.."

build=${1:-build}
secs=${2:-3}
plugin=$(realpath "$build/librte_net_qt2025.so")
hp=/sys/kernel/mm/hugepages/hugepages-2048kB
pages=64
tmp=$(mktemp -d)
added=0
mounted=
cleanup() {
	[ -n "$mounted" ] && umount "$mounted"
	if [ "$added" -gt 0 ]; then
		local now
		now=$(cat "$hp/nr_hugepages")
		echo $((now > added ? now - added : 0)) >"$hp/nr_hugepages"
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT

# run NAME EAL...: forwarded packets per second (both ports' Rx) over secs
run() {
	local name=$1 rx
	shift
	(sleep 7; echo "start tx_first"; sleep "$secs"; echo stop; sleep 1; echo quit) |
		timeout 60 dpdk-testpmd -d "$plugin" --no-pci --file-prefix "qt2025-hs-$name-$$" \
		"$@" --vdev "net_qt2025_sim0,wire=hs$$,timing=fast" \
		--vdev "net_qt2025_sim1,wire=hs$$,timing=fast" -- -i --total-num-mbufs=8192 \
		>"$tmp/$name.log" 2>&1 || true
	[ -n "${QT2025_HS_DEBUG:-}" ] && tail -n 20 "$tmp/$name.log" >&2
	rx=$(awk '/Accumulated forward statistics/ { a = 1 }
		a && /RX-packets:/ { print $2; exit }' "$tmp/$name.log")
	echo $(( ${rx:-0} / secs ))
}

nohuge=$(run nohuge --no-huge -m 512)
echo "no hugepages: $nohuge packets/s forwarded"
if [ ! -w "$hp/nr_hugepages" ]; then
	echo "hugepages: cannot reserve 2 MB pages (not root, or no $hp)"
	echo "hugepage-speed: no hugepage figure"
	exit 0
fi
before=$(cat "$hp/nr_hugepages")
echo $((before + pages)) >"$hp/nr_hugepages" 2>/dev/null || true
added=$(($(cat "$hp/nr_hugepages") - before))
mkdir "$tmp/huge"
if [ "$added" -lt "$pages" ] || ! mount -t hugetlbfs -o pagesize=2M nodev "$tmp/huge"; then
	echo "hugepages: only $added of $pages 2 MB pages, or no hugetlbfs mount"
	echo "hugepage-speed: no hugepage figure"
	exit 0
fi
mounted=$tmp/huge
huge=$(run huge --huge-dir "$tmp/huge" -m 96)
echo "hugepages:    $huge packets/s forwarded"
echo "hugepage-speed: hugepages / no hugepages = $(awk -v a="$huge" -v b="$nohuge" \
	'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
