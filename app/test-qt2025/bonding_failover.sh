#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# The rst's net_bonding recipe, as a user runs it: dpdk-testpmd with DPDK's net_bonding in
# active-backup (mode 1) over two simulated ports, each cabled to a peer port of its own
# (wire=bond-a, wire=bond-b), so that both members have link. Pulling the active member's
# cable through telemetry (qt2025-telemetry.py /qt2025/sim/cable) makes the bond fail over
# to the other member, which then carries the bond's traffic; plugging it back makes the
# primary active again. Ends with "qt-test bonding: N passed, N failed".
# Usage: bonding_failover.sh PLUGIN
#   QT2025_TESTPMD     the testpmd to run (default: dpdk-testpmd on PATH, Debian's)
set -uo pipefail

plugin=$1
testpmd=${QT2025_TESTPMD:-dpdk-testpmd}
telemetry=$(cd "$(dirname "$0")/../.." && pwd)/devtools/qt2025-telemetry.py
label=bonding
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $label.$1"; }
ko() { fail=$((fail + 1)); echo "FAIL $label.$1: $2"; }
prefix="qt2025-bond-$$"
tel() { "$telemetry" -f "$prefix" "$@" 2>/dev/null; }

# net_bonding's devarg for a member: "slave" until 23.07, "member" since 23.11 (EAL ABI 24)
eal_abi=$(readelf -d "$plugin" | sed -nE 's/.*NEEDED.*\[librte_eal\.so\.([0-9]+)\].*/\1/p')
m=slave
[ "${eal_abi:-0}" -ge 24 ] && m=member

# ports 0 and 1: the bond's members; 2 and 3: their peers (the switch side); 4: the bond
sim=timing=fast,link_poll_ms=50
tmp=$(mktemp -d)
rundir=${XDG_RUNTIME_DIR:-/tmp}/dpdk/$prefix
[ "$(id -u)" -eq 0 ] && rundir=/var/run/dpdk/$prefix
trap 'exec 3>&-; rm -rf "$tmp" "$rundir"' EXIT
mkfifo "$tmp/in"
# stdout unbuffered: the script reads "show bonding config" while testpmd runs. Only the
# bond forwards (--portlist), so a burst is the bond's own and nothing loops.
timeout 90 stdbuf -o0 "$testpmd" -d "$plugin" --no-huge -m 512 --no-pci --file-prefix "$prefix" \
	--vdev "net_qt2025_sim0,wire=bond-a,$sim" --vdev "net_qt2025_sim1,wire=bond-b,$sim" \
	--vdev "net_qt2025_sim2,wire=bond-a,$sim" --vdev "net_qt2025_sim3,wire=bond-b,$sim" \
	--vdev "net_bonding0,mode=1,$m=net_qt2025_sim0,$m=net_qt2025_sim1,primary=net_qt2025_sim0" \
	-- -i --total-num-mbufs=8192 --portlist=4 <"$tmp/in" >"$tmp/out" 2>&1 &
tpid=$!
exec 3>"$tmp/in"
cmd() { echo "$*" >&3; }

# waits (30 s at most) until telemetry reports link $2 on port $1
wait_link() {
	local i
	for i in $(seq 150); do
		tel "/qt2025/phy,$1" | grep -q "\"link\": $2," && return 0
		sleep 0.2
	done
	echo "port $1: no link $2 after 30 s"
	return 1
}
# the bond's active member, as "show bonding config" prints it after the command's output
# has settled
primary() {
	local n
	n=$(grep -c 'Primary: \[' "$tmp/out")
	cmd "show bonding config 4"
	for _ in $(seq 50); do
		[ "$(grep -c 'Primary: \[' "$tmp/out")" -gt "$n" ] && break
		sleep 0.1
	done
	grep 'Primary: \[' "$tmp/out" | tail -n 1 | sed -E 's/.*Primary: \[([0-9]+)\].*/\1/'
}
mac() {
	tel "/ethdev/info,$1" | sed -nE 's/.*"mac_addr": "([0-9A-Fa-f:]+)".*/\1/p'
}
opackets() {
	tel "/ethdev/stats,$1" | sed -nE 's/.*"opackets": ([0-9]+).*/\1/p'
}
# the bond (port 4) sends a burst, forwarding stops; prints "<member 0 tx> <member 1 tx>"
burst() {
	local a0 a1
	a0=$(opackets 0); a1=$(opackets 1)
	cmd "start tx_first"; sleep 0.5; cmd "stop"; sleep 0.5
	echo "$(($(opackets 0) - a0)) $(($(opackets 1) - a1))"
}

up=0
for p in 0 1 2 3; do wait_link $p 1 && up=$((up + 1)); done
sleep 0.5       # the bond's own LSC handling
[ "$up" -eq 4 ] && ok members_up || ko members_up "$up of 4 ports have link"
before=$(primary)
[ "$before" = 0 ] && ok primary_active || ko primary_active "active member '$before'"
grep -qE 'Active (Slaves|Members) \(2\)' "$tmp/out" && ok two_active ||
	ko two_active "$(grep -E 'Active (Slaves|Members)' "$tmp/out" | tail -n 1)"
read -r t0 t1 < <(burst)
[ "${t0:-0}" -gt 0 ] && [ "${t1:-1}" -eq 0 ] && ok traffic_on_primary ||
	ko traffic_on_primary "members sent $t0 and $t1 packets"

# the active member's cable is pulled from outside the application
tel /qt2025/sim/cable,0,unplug >/dev/null || ko unplug "the telemetry command was refused"
wait_link 0 0
sleep 0.5
after=$(primary)
[ "$after" = 1 ] && ok failover || ko failover "active member '$after' after the pull"
# the bond gives its MAC address to the member it makes active (the driver's mac_addr_set)
m1=$(mac 1); m4=$(mac 4)
[ -n "$m4" ] && [ "$m1" = "$m4" ] && ok backup_has_bond_mac ||
	ko backup_has_bond_mac "member 1 has '$m1', the bond '$m4'"
read -r t0 t1 < <(burst)
[ "${t0:-1}" -eq 0 ] && [ "${t1:-0}" -gt 0 ] && ok traffic_on_backup ||
	ko traffic_on_backup "members sent $t0 and $t1 packets"

tel /qt2025/sim/cable,0,plug >/dev/null
wait_link 0 1
sleep 0.5
back=$(primary)
[ "$back" = 0 ] && ok primary_back || ko primary_back "active member '$back' after the plug"

cmd "quit"
exec 3>&-
wait "$tpid"
rc=$?
[ "$rc" -eq 0 ] && ok exit_status || ko exit_status "testpmd exited with $rc"
[ "$fail" -eq 0 ] || tail -n 30 "$tmp/out"

echo "qt-test $label: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
