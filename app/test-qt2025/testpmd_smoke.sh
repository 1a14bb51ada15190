#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# Debian's dpdk-testpmd with the plugin, as a user runs it: two simulated ports on one wire
# come up, "set link-down/up port 0" gives each port one event, everything closes, exit 0;
# a bad devarg gives one clear line and no crash. Usage: testpmd_smoke.sh PLUGIN
set -uo pipefail

plugin=$1
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   testpmd.$1"; }
ko() { fail=$((fail + 1)); echo "FAIL testpmd.$1: $2"; }
eal=(-d "$plugin" --no-huge -m 512 --no-pci)

out=$( (sleep 4; echo "show port summary all"; echo "set link-down port 0"; sleep 1
	echo "show port summary all"; echo "set link-up port 0"; sleep 2
	echo "show port summary all"; echo "port stop all"; echo "port close all"; echo "quit") |
	timeout 60 dpdk-testpmd "${eal[@]}" --file-prefix "qt2025-smoke-$$" \
		--vdev net_qt2025_sim0,wire=smoke,timing=fast \
		--vdev net_qt2025_sim1,wire=smoke,timing=fast -- -i --total-num-mbufs=2048 2>&1)
rc=$?
[ "$rc" -eq 0 ] && ok exit_status || ko exit_status "testpmd exited with $rc"

drivers=$(echo "$out" | grep -cE '^[01] +[0-9A-F:]{17} +net_qt2025_sim[01] +net_qt2025_sim ')
[ "$drivers" -eq 6 ] && ok two_ports_listed || ko two_ports_listed "$drivers summary lines"

links=$(echo "$out" | grep -E '^[01] +[0-9A-F:]{17} +net_qt2025_sim' | awk '{print $NF}' | tr '\n' ' ')
[ "$links" = "Gbps Gbps None None Gbps Gbps " ] && ok link_sequence ||
	ko link_sequence "links were: $links (expected up, up / down, down / up, up)"
speed=$(echo "$out" | grep -cE 'net_qt2025_sim +up +10 Gbps')
[ "$speed" -eq 4 ] && ok ten_gbps || ko ten_gbps "$speed lines at 10 Gbps"

for p in 0 1; do
	n=$(echo "$out" | grep -c "Port $p: link state change event")
	[ "$n" -eq 3 ] && ok "lsc_events_port$p" ||
		ko "lsc_events_port$p" "$n events, expected 3 (up, down, up)"
done
closed=$(echo "$out" | grep -cE 'Port [01] is closed')
[ "$closed" -ge 2 ] && ok closed || ko closed "$closed ports closed"

out=$(timeout 30 dpdk-testpmd "${eal[@]}" --file-prefix "qt2025-smoke-bad-$$" \
	--vdev net_qt2025_sim0,bogus=1 -- -i </dev/null 2>&1)
rc=$?
lines=$(echo "$out" | grep -c 'unknown devarg "bogus"')
if [ "$rc" -ne 0 ] && [ "$rc" -lt 124 ] && [ "$lines" -eq 1 ]; then
	ok bad_devarg
else
	ko bad_devarg "exit $rc, $lines lines naming the key"
fi

echo "qt-test testpmd: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
