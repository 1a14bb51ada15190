#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# The rst's Open vSwitch recipe, as written there: Debian's ovs-vswitchd-dpdk and an
# ovsdb-server started by hand in a throwaway run directory, the plugin given with -d in
# dpdk-extra (--no-huge with --legacy-mem, and the -m that OVS's default shared pool of
# 262,144 mbufs needs: 2048; QT2025_OVS_MEM tries another), OVS's default queue sizes
# (2048 descriptors), two simulated ports on TAPs in network
# namespaces of their own, added by dpdk-devargs: a ping crosses OVS, a cable pulled
# through telemetry shows in OVS as LINK_DOWN and comes back, and the teardown leaves no
# process, namespace, run directory or EAL runtime directory behind (about 20 s).
# Without openvswitch-switch-dpdk (setup.sh installs it) or without root it says so in
# one line and counts nothing.
# Ends with "qt-test ovs: N passed, N failed". Usage: ovs_recipe.sh PLUGIN
set -uo pipefail

plugin=$(realpath "$1")
telemetry=$(cd "$(dirname "$0")/../.." && pwd)/devtools/qt2025-telemetry.py
vswitchd=/usr/lib/openvswitch-switch-dpdk/ovs-vswitchd-dpdk
label=ovs
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $label.$1${2:+ ($2)}"; }
ko() { fail=$((fail + 1)); echo "FAIL $label.$1: $2"; }
summary() { echo "qt-test $label: $pass passed, $fail failed"; [ "$fail" -eq 0 ]; exit; }

if [ ! -x "$vswitchd" ] || ! command -v ovsdb-server >/dev/null || ! command -v ping >/dev/null
then
	echo "ovs: skipped: needs openvswitch-switch-dpdk and iputils-ping (apt-get install)"
	summary
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "ovs: skipped: needs root (network namespaces)"
	summary
fi

# names of this run only: other runs may go on beside it
id=$$
prefix="qt2025-ovs-$id"
ns=(qo"$id"a qo"$id"b)
br=qob$id
R=$(mktemp -d)
export OVS_RUNDIR=$R OVS_DBDIR=$R OVS_LOGDIR=$R
# add-port creates OVS's shared pool: 262,144 mbufs written one by one without hugepages,
# about a minute on a loaded 2-CPU machine
V="ovs-vsctl --timeout=120 --db=unix:$R/db.sock"
# both daemons asked to exit, waited for (ovs-vswitchd takes up to 2 s), killed after 10 s
stop_daemon() {         # name as in its pidfile, ovs-appctl command
	local pid

	[ -f "$R/$1.pid" ] || return 0
	pid=$(cat "$R/$1.pid")
	ovs-appctl -t "$1" $2 >/dev/null 2>&1
	for _ in $(seq 100); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null
}
cleanup() {
	stop_daemon ovs-vswitchd-dpdk "exit --cleanup"
	stop_daemon ovsdb-server exit
	for n in "${ns[@]}"; do ip netns del "$n" 2>/dev/null; done
	# the bridge's own port is a persistent TAP that only "exit --cleanup" removes
	ip link del "$br" 2>/dev/null
	rm -rf "$R" "/var/run/dpdk/$prefix"
}
trap cleanup EXIT
t0=$(date +%s%N)
elapsed() { echo "$((($(date +%s%N) - t0) / 1000000)) ms"; }

ovsdb-tool create "$R/conf.db" /usr/share/openvswitch/vswitch.ovsschema
ovsdb-server "$R/conf.db" --remote="punix:$R/db.sock" --pidfile --detach --log-file \
	>/dev/null 2>&1
$V --no-wait init
$V --no-wait set Open_vSwitch . other_config:dpdk-init=true other_config:pmd-cpu-mask=0x1 \
	"other_config:dpdk-extra=-d $plugin --no-huge -m ${QT2025_OVS_MEM:-2048} --legacy-mem --no-pci \
--file-prefix $prefix --vdev net_qt2025_sim0,wire=tap:${ns[0]} \
--vdev net_qt2025_sim1,wire=tap:${ns[1]}"
"$vswitchd" "unix:$R/db.sock" --pidfile --detach --log-file >/dev/null 2>&1
[ "$($V get Open_vSwitch . dpdk_initialized 2>/dev/null)" = true ] && ok dpdk_initialized ||
	{ ko dpdk_initialized "$(grep -E 'ERR|EMER' "$R"/*.log | head -n 3)"; summary; }

out=$($V add-br "$br" -- set bridge "$br" datapath_type=netdev 2>&1 &&
	$V add-port "$br" qt0 -- set Interface qt0 type=dpdk \
		options:dpdk-devargs=net_qt2025_sim0 options:dpdk-lsc-interrupt=true 2>&1 &&
	$V add-port "$br" qt1 -- set Interface qt1 type=dpdk \
		options:dpdk-devargs=net_qt2025_sim1 options:dpdk-lsc-interrupt=true 2>&1)
[ $? -eq 0 ] && [ -z "$out" ] && ok ports_added || ko ports_added "$out"

for i in 0 1; do
	ip netns add "${ns[$i]}" && ip link set "${ns[$i]}" netns "${ns[$i]}" &&
		ip -n "${ns[$i]}" addr add "10.9.$((id % 250)).$((i + 1))/24" dev "${ns[$i]}" &&
		ip -n "${ns[$i]}" link set "${ns[$i]}" up || ko "netns_$i" "cannot set up ${ns[$i]}"
done

# ports' state as OVS sees it (OpenFlow port status)
state() { ovs-ofctl show "$br" 2>/dev/null | grep -A2 "($1)" | sed -nE 's/.*state: +//p'; }
wait_state() {          # port, "up" or "down", seconds
	local i s
	for i in $(seq $(($3 * 10))); do
		s=$(state "$1")
		[ "$2" = up ] && [ -n "$s" ] && ! [[ $s == *LINK_DOWN* ]] && return 0
		[ "$2" = down ] && [[ $s == *LINK_DOWN* ]] && return 0
		sleep 0.1
	done
	return 1
}
wait_state qt0 up 20 && wait_state qt1 up 20 && ok links_up "$(elapsed)" ||
	ko links_up "qt0 '$(state qt0)', qt1 '$(state qt1)' after 20 s"

# OVS's default shared pool and queues, created at the first attempt
err=$(grep -hE 'Failed to create mempool|could not add network device|unable to setup' "$R"/*.log |
	head -n 3)
[ -z "$err" ] && ok default_pool_and_queues || ko default_pool_and_queues "$err"
ip netns exec "${ns[0]}" ping -c 3 -i 0.2 -W 2 "10.9.$((id % 250)).2" >/dev/null &&
	ok ping_through_ovs || ko ping_through_ovs "no answer across OVS"

"$telemetry" -f "$prefix" /qt2025/sim/cable,1,unplug >/dev/null
wait_state qt1 down 10 && ok unplug_seen || ko unplug_seen "qt1 '$(state qt1)' 10 s after"
"$telemetry" -f "$prefix" /qt2025/sim/cable,1,plug >/dev/null
wait_state qt1 up 10 && ok plug_seen || ko plug_seen "qt1 '$(state qt1)' 10 s after"
ip netns exec "${ns[0]}" ping -c 2 -i 0.2 -W 2 "10.9.$((id % 250)).2" >/dev/null &&
	ok ping_after_plug || ko ping_after_plug "no answer across OVS"

cleanup
trap - EXIT
left=$( (pgrep -f "unix:$R/db.sock"; ip netns list | grep -E "^qo$id[ab]"
	ls -d "$R" "/var/run/dpdk/$prefix"; ip -o link show "$br") 2>/dev/null)
[ -z "$left" ] && ok clean_teardown "$(elapsed)" || ko clean_teardown "left: $left"
summary
