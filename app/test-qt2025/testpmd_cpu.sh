#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# dpdk-testpmd as most users start it: EAL on every CPU (DPDK then puts the PHY threads on
# the main lcore's CPU) and --no-lsc-interrupt (the main lcore busy-waits on the link for
# up to 9 s while the PHY firmware downloads at real MDIO speed). testpmd's own link check
# must report both ports up, and the driver must say once at probe that the PHY threads
# have no CPU of their own. Usage: testpmd_cpu.sh PLUGIN
#   QT2025_TESTPMD     the testpmd to run (default: dpdk-testpmd on PATH)
set -uo pipefail

plugin=$1
testpmd=${QT2025_TESTPMD:-dpdk-testpmd}
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   testpmd_cpu.$1"; }
ko() { fail=$((fail + 1)); echo "FAIL testpmd_cpu.$1: $2"; }

ncpu=$(nproc)
start=$(date +%s%N)
# stdin at EOF: testpmd forwards, finds "Press enter to exit" answered, stops and exits
out=$(timeout 60 "$testpmd" -d "$plugin" --no-huge -m 512 --no-pci \
	--file-prefix "qt2025-cpu-$$" -l "0-$((ncpu - 1))" \
	--vdev "net_qt2025_sim0,wire=cpu$$,timing=real" \
	--vdev "net_qt2025_sim1,wire=cpu$$,timing=real" \
	--log-level='pmd.net.qt2025*:info' -- --no-lsc-interrupt --total-num-mbufs=2048 \
	</dev/null 2>&1)
rc=$?
secs=$(( ($(date +%s%N) - start) / 1000000000 ))

[ "$rc" -eq 0 ] && ok exit_status || ko exit_status "testpmd exited with $rc"

# testpmd's check_all_ports_link_status: between "Checking link statuses..." and "Done"
check=$(echo "$out" | sed -n '/^Checking link statuses/,/^Done/p')
for p in 0 1; do
	echo "$check" | grep -q "^Port $p Link up at 10 Gbps" && ok "port${p}_link_up" ||
		ko "port${p}_link_up" "testpmd's link check did not see port $p up"
done
echo "$check" | grep -q "Link down" && ko no_link_down "the link check gave up:
$(echo "$check" | grep 'Link down')" || ok no_link_down

n=$(echo "$out" | grep -c "PHY threads have no CPU of their own")
[ "$n" -eq 1 ] && ok cpu_notice || ko cpu_notice "$n lines saying the PHY threads share a CPU"

dl=$(echo "$out" | sed -nE 's/.*downloaded in ([0-9]+) ms.*/\1/p' | sort -n | tail -n 1)
echo "info: PHY firmware download ${dl:-?} ms with the main lcore busy on the PHY threads' CPU;" \
	"testpmd ran ${secs} s"
[ -n "$dl" ] || echo "$out" | tail -n 30

echo "qt-test testpmd_cpu: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
