#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# dpdk-testpmd with the plugin, as a user runs it: two simulated ports on one wire come up
# at 10G, "set link-down/up port 0" gives each port one event, everything closes, exit 0;
# the PHY threads, log types and telemetry commands carry their documented names; a bad
# devarg gives one clear line and no crash. Usage: testpmd_smoke.sh PLUGIN
#   QT2025_TESTPMD     the testpmd to run (default: dpdk-testpmd on PATH, Debian's); the
#                      caller sets LD_LIBRARY_PATH for one of another DPDK
#   QT2025_TEST_LABEL  name in the summary line (default: testpmd)
set -uo pipefail

plugin=$1
testpmd=${QT2025_TESTPMD:-dpdk-testpmd}
label=${QT2025_TEST_LABEL:-testpmd}
telemetry=$(cd "$(dirname "$0")/../.." && pwd)/devtools/qt2025-telemetry.py
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $label.$1"; }
ko() { fail=$((fail + 1)); echo "FAIL $label.$1: $2"; }
eal=(-d "$plugin" --no-huge -m 512 --no-pci)
prefix="qt2025-smoke-$$"

# Since 23.11 (EAL ABI 24) DPDK names internal control threads "dpdk-<name>".
eal_abi=$(readelf -d "$plugin" | sed -nE 's/.*NEEDED.*\[librte_eal\.so\.([0-9]+)\].*/\1/p')
tpfx=
[ "${eal_abi:-0}" -ge 24 ] && tpfx=dpdk-

tmp=$(mktemp -d)
trap 'exec 3>&-; rm -rf "$tmp"' EXIT
mkfifo "$tmp/in"
timeout 60 "$testpmd" "${eal[@]}" --file-prefix "$prefix" \
	--vdev net_qt2025_sim0,wire=smoke,timing=fast \
	--vdev net_qt2025_sim1,wire=smoke,timing=fast -- -i --total-num-mbufs=2048 \
	<"$tmp/in" >"$tmp/out" 2>&1 &
tpid=$!
exec 3>"$tmp/in"
cmd() { echo "$*" >&3; }
# waits (30 s at most) until telemetry reports link $2 on port $1, then lets the event out
wait_link() {
	local i
	for i in $(seq 150); do
		"$telemetry" -f "$prefix" "/qt2025/phy,$1" 2>/dev/null | grep -q "\"link\": $2," &&
			{ sleep 0.5; return 0; }
		sleep 0.2
	done
	echo "port $1: no link $2 after 30 s"
}

wait_link 0 1; wait_link 1 1
cmd "show port summary all"
cmd "dump_log_types"; cmd "dump log_types"     # 22.11 and 24.11 spelling; 25.11
pid=$(pgrep -P "$tpid" | head -n 1)
threads=$(cat /proc/"${pid:-0}"/task/*/comm 2>/dev/null | grep 'qt-phy' | sort | tr '\n' ' ')
tel_list=$("$telemetry" -f "$prefix" / 2>&1)
tel_phy=$("$telemetry" -f "$prefix" /qt2025/phy,1 2>&1)
cmd "help config"; cmd "set port 0 led on"; cmd "set port 0 led off"   # 23.07 and later
cmd "set link-down port 0"; wait_link 0 0; wait_link 1 0
cmd "show port summary all"; cmd "set link-up port 0"; wait_link 0 1; wait_link 1 1
cmd "show port summary all"; cmd "port stop all"; cmd "port close all"; cmd "quit"
exec 3>&-
wait "$tpid"
rc=$?
out=$(cat "$tmp/out")
[ "$rc" -eq 0 ] && ok exit_status || ko exit_status "testpmd exited with $rc"

drivers=$(echo "$out" | grep -cE '^[01] +[0-9A-F:]{17} +net_qt2025_sim[01] +net_qt2025_sim ')
[ "$drivers" -eq 6 ] && ok two_ports_listed || ko two_ports_listed "$drivers summary lines"

links=$(echo "$out" | grep -E '^[01] +[0-9A-F:]{17} +net_qt2025_sim' | awk '{print $NF}' | tr '\n' ' ')
[ "$links" = "Gbps Gbps None None Gbps Gbps " ] && ok link_sequence ||
	ko link_sequence "links were: $links (expected up, up / down, down / up, up)"
speed=$(echo "$out" | grep -cE 'net_qt2025_sim +up +10 Gbps')
[ "$speed" -eq 4 ] && ok ten_gbps || ko ten_gbps "$speed lines at 10 Gbps"

# events until "port stop all": a stopped port turns its transmitter off, so its peer on
# the wire may see one more (link down) while the ports stop
pre=$(echo "$out" | sed '/^Stopping ports/,$d')
for p in 0 1; do
	n=$(echo "$pre" | grep -c "Port $p: link state change event")
	[ "$n" -eq 3 ] && ok "lsc_events_port$p" ||
		ko "lsc_events_port$p" "$n events, expected 3 (up, down, up)"
done
closed=$(echo "$out" | grep -cE 'Port [01] is closed')
[ "$closed" -ge 2 ] && ok closed || ko closed "$closed ports closed"

want="${tpfx}qt-phy-0 ${tpfx}qt-phy-1 "
[ "$threads" = "$want" ] && ok thread_names ||
	ko thread_names "PHY threads '$threads', expected '$want' (EAL ABI ${eal_abi:-?})"

logtypes=$(echo "$out" | sed -nE 's/^id [0-9]+: (pmd\.net\.qt2025[a-z.]*), level is .*/\1/p' |
	sort | tr '\n' ' ')
want="pmd.net.qt2025 pmd.net.qt2025.init pmd.net.qt2025.phy pmd.net.qt2025.sim "
[ "$logtypes" = "$want" ] && ok log_types || ko log_types "log types '$logtypes'"

missing=
for c in /qt2025/ports /qt2025/phy /qt2025/sim/cable /qt2025/sim/module; do
	echo "$tel_list" | grep -qF "\"$c\"" || missing="$missing $c"
done
[ -z "$missing" ] && ok telemetry_cmds || ko telemetry_cmds "not listed:$missing: $tel_list"
echo "$tel_phy" | grep -qE '"link": 1\b' && echo "$tel_phy" | grep -qE '"fw_version": "[0-9.]+"' &&
	ok telemetry_phy || ko telemetry_phy "/qt2025/phy,1: $tel_phy"

# testpmd learnt "set port N led on|off" after 22.11: where its help lists it, both work
if echo "$out" | grep -qF 'led (on|off)'; then
	n=$(echo "$out" | grep -c 'Unable to change LED state')
	[ "$n" -eq 0 ] && ok led_on_off || ko led_on_off "$n LED commands refused"
else
	echo "skip $label.led_on_off: this testpmd has no LED command"
fi

out=$(timeout 30 "$testpmd" "${eal[@]}" --file-prefix "qt2025-smoke-bad-$$" \
	--vdev net_qt2025_sim0,bogus=1 -- -i </dev/null 2>&1)
rc=$?
lines=$(echo "$out" | grep -c 'devarg "bogus": unknown')
if [ "$rc" -ne 0 ] && [ "$rc" -lt 124 ] && [ "$lines" -eq 1 ]; then
	ok bad_devarg
else
	ko bad_devarg "exit $rc, $lines lines naming the key"
fi

echo "qt-test $label: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
