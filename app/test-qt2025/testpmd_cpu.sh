#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# dpdk-testpmd as most users start it: EAL on every CPU (DPDK then puts the PHY threads on
# the main lcore's CPU) and --no-lsc-interrupt (the main lcore busy-waits on the link for
# up to 9 s while the PHY firmware downloads at real MDIO speed). testpmd's own link check
# must report both ports up, and the driver must say once at probe that the PHY threads
# have no CPU of their own; with the lcores all on CPU 0 it says nothing.
# Usage: testpmd_cpu.sh PLUGIN
#   QT2025_TESTPMD     the testpmd to run (default: dpdk-testpmd on PATH)
set -uo pipefail

plugin=$1
testpmd=${QT2025_TESTPMD:-dpdk-testpmd}
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   testpmd_cpu.$1"; }
ko() { fail=$((fail + 1)); echo "FAIL testpmd_cpu.$1: $2"; }

ncpu=$(nproc)
# run NAME LCORES: testpmd's output in $out, its exit status in $rc, seconds in $secs
run() {
	local start
	start=$(date +%s%N)
	# stdin at EOF: testpmd forwards, finds "Press enter to exit" answered, stops, exits
	out=$(timeout 60 "$testpmd" -d "$plugin" --no-huge -m 512 --no-pci \
		--file-prefix "qt2025-cpu-$$-$1" $2 \
		--vdev "net_qt2025_sim0,wire=cpu$$$1,timing=real" \
		--vdev "net_qt2025_sim1,wire=cpu$$$1,timing=real" \
		--log-level='pmd.net.qt2025*:info' -- --no-lsc-interrupt --total-num-mbufs=2048 \
		</dev/null 2>&1)
	rc=$?
	secs=$(( ($(date +%s%N) - start) / 1000000000 ))
}

# check NAME NOTICES: both links up in testpmd's own check, NOTICES "no CPU" lines
check() {
	local c n p dl
	[ "$rc" -eq 0 ] && ok "$1.exit_status" || ko "$1.exit_status" "testpmd exited with $rc"
	# testpmd's check_all_ports_link_status: from "Checking link statuses..." to "Done"
	c=$(echo "$out" | sed -n '/^Checking link statuses/,/^Done/p')
	for p in 0 1; do
		echo "$c" | grep -q "^Port $p Link up at 10 Gbps" && ok "$1.port${p}_link_up" ||
			ko "$1.port${p}_link_up" "testpmd's link check did not see port $p up"
	done
	echo "$c" | grep -q "Link down" && ko "$1.no_link_down" "the link check gave up:
$(echo "$c" | grep 'Link down')" || ok "$1.no_link_down"
	n=$(echo "$out" | grep -c "PHY threads have no CPU of their own")
	[ "$n" -eq "$2" ] && ok "$1.cpu_notice" ||
		ko "$1.cpu_notice" "$n lines saying the PHY threads share a CPU, expected $2"
	dl=$(echo "$out" | sed -nE 's/.*downloaded in ([0-9]+) ms.*/\1/p' | sort -n | tail -n 1)
	echo "info: $1: PHY firmware download ${dl:-?} ms, testpmd ran ${secs} s"
	[ -n "$dl" ] || echo "$out" | tail -n 30
}

# every CPU an lcore, as testpmd's default: the PHY threads share the busy main lcore's CPU
run shared "-l 0-$((ncpu - 1))"
check shared 1
# both lcores on CPU 0 (testpmd needs a forwarding one): the PHY threads have the others
if [ "$ncpu" -ge 2 ]; then
	run own "--lcores 0@0,1@0"
	check own 0
fi

echo "qt-test testpmd_cpu: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
