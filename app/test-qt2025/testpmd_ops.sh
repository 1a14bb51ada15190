#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# The ethdev ops tools reach for (module EEPROM, register dump, LED, flow control...) through Debian's dpdk-testpmd, as a user types them: module
# EEPROM of an SR module (and the one clear line of a port without module), the firmware
# version in "show port info", Rx queue info, flow control, port reset then start.
# testpmd 22.11 has no LED command and no private dump (eal_ops tests those).
# Usage: testpmd_ops.sh PLUGIN
set -uo pipefail

plugin=$1
testpmd=${QT2025_TESTPMD:-dpdk-testpmd}
label=${QT2025_TEST_LABEL:-testpmd_ops}
telemetry=$(cd "$(dirname "$0")/../.." && pwd)/devtools/qt2025-telemetry.py
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $label.$1"; }
ko() { fail=$((fail + 1)); echo "FAIL $label.$1: $2"; }
prefix="qt2025-ops-$$"

tmp=$(mktemp -d)
trap 'exec 3>&-; rm -rf "$tmp"' EXIT
mkfifo "$tmp/in"
timeout 90 "$testpmd" -d "$plugin" --no-huge -m 512 --no-pci --file-prefix "$prefix" \
	--vdev net_qt2025_sim_ops0,timing=fast \
	--vdev net_qt2025_sim_ops1,timing=fast,module=none -- -i --total-num-mbufs=2048 \
	<"$tmp/in" >"$tmp/out" 2>&1 &
tpid=$!
exec 3>"$tmp/in"
cmd() { echo "$*" >&3; }
# waits (30 s at most) until telemetry shows "$2" for port $1
wait_tel() {
	local i
	for i in $(seq 150); do
		"$telemetry" -f "$prefix" "/qt2025/phy,$1" 2>/dev/null | grep -q "$2" &&
			{ sleep 0.3; return 0; }
		sleep 0.2
	done
	echo "port $1: no $2 after 30 s"
}

wait_tel 0 '"link": 1,'; wait_tel 1 '"state": "running"'
cmd "show port 0 module_eeprom"
cmd "show port 1 module_eeprom"
cmd "show port info 0"
cmd "show rxq info 0 0"
cmd "set flow_ctrl rx off tx on 0 0 1000 0 mac_ctrl_frame_fwd off autoneg off 0"
cmd "show port 0 flow_ctrl"
cmd "set flow_ctrl rx on tx on 0 0 1000 0 mac_ctrl_frame_fwd off autoneg off 0"
cmd "port stop 0"
cmd "port reset 0"
cmd "port start 0"
sleep 1; wait_tel 0 '"link": 1,'
cmd "show port summary all"
cmd "port stop all"; cmd "port close all"; cmd "quit"
exec 3>&-
wait "$tpid"
rc=$?
out=$(cat "$tmp/out")
[ "$rc" -eq 0 ] && ok exit_status || ko exit_status "testpmd exited with $rc"

# the SR module's page: identifier 03, ext 04, LC connector 07, 10GBASE-SR code 10 (SFF-8472)
ee=$(echo "$out" | sed -n '/show port 0 module_eeprom/,/testpmd>/p')
echo "$ee" | grep -qiE '^0+: 03 04 07 10 ' && echo "$ee" | grep -q 'len=256' &&
	ok module_eeprom || ko module_eeprom "$(echo "$ee" | head -5)"
n=$(echo "$out" | grep -c 'module EEPROM: no SFP+ module in the cage')
[ "$n" -eq 1 ] && ok module_eeprom_none || ko module_eeprom_none "$n lines for port 1"

echo "$out" | grep -qE '^Firmware-version: PHY [0-9]+\.[0-9]+\.[0-9]+\.[0-9]+, NIC 0x[0-9a-f]+$' &&
	ok fw_version || ko fw_version "$(echo "$out" | grep Firmware-version)"
echo "$out" | grep -q 'Number of RXDs: 512' && ok rxq_info || ko rxq_info "no Rx queue info"
echo "$out" | grep -q 'Pause time: 0x3e8' && ok flow_ctrl_set || ko flow_ctrl_set "pause time"
n=$(echo "$out" | grep -c 'flow control: rx pause not supported')
[ "$n" -eq 1 ] && ok flow_ctrl_refused || ko flow_ctrl_refused "$n refusal lines"
echo "$out" | grep -q 'port reset: the bring-up runs again' &&
	! echo "$out" | grep -qi 'reset.*fail' && ok port_reset || ko port_reset "no reset"
up=$(echo "$out" | grep -E '^0 +[0-9A-F:]{17} +net_qt2025_sim_ops0' | tail -n 1)
echo "$up" | grep -q '10 Gbps' && ok link_after_reset || ko link_after_reset "$up"

echo "qt-test $label: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
