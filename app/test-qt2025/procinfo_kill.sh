#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# Secondaries come and go. A primary (Debian's
# dpdk-testpmd with the plugin, two simulated ports on one wire, hugepages this script
# reserves) serves dpdk-proc-info: first one normal run per option, each output checked;
# then RUNS secondaries reading every port as monitoring tools do ("test-qt2025 reader",
# the driver built into the plugin's test program), each SIGKILLed at a random moment of
# its reads (proc-info itself lives in EAL init and cleanup, see below). Afterwards the
# primary must still deliver link events (a cable pulled through telemetry), answer
# telemetry and testpmd commands, have idle PHY threads, and quit in time.
# Secondaries need a primary with hugepages (DPDK 22.11 with --no-huge: no shared memory
# to attach to), so without a few 2 MB pages the test skips with one line.
#
# Usage: procinfo_kill.sh PLUGIN
#   QT2025_KILL_RUNS   SIGKILLed readers (default 200)
#   QT2025_READER      the reader (default: app/test-qt2025/test-qt2025 beside PLUGIN)
#   QT2025_PROCINFO    the proc-info to run (default /usr/bin/dpdk-proc-info)
#   QT2025_TESTPMD     the primary (default dpdk-testpmd on PATH)
# The read side of the PHY info is a few hundred nanoseconds; a plugin built with
# -Dqt2025_debug_window=true makes it 20 ms, so that kills land there often:
#   meson setup build-win -Dqt2025_debug_window=true && ninja -C build-win
#   app/test-qt2025/procinfo_kill.sh build-win/librte_net_qt2025.so
set -uo pipefail

plugin=$(realpath "$1")
runs=${QT2025_KILL_RUNS:-200}
procinfo=${QT2025_PROCINFO:-/usr/bin/dpdk-proc-info}
# the test program of the plugin's build: it has the driver built in (no -d)
reader=${QT2025_READER:-$(dirname "$plugin")/app/test-qt2025/test-qt2025}
testpmd=${QT2025_TESTPMD:-dpdk-testpmd}
telemetry=$(cd "$(dirname "$0")/../.." && pwd)/devtools/qt2025-telemetry.py
label=procinfo_kill
pages=64                        # 128 MB: the primary takes -m 96
hp=/sys/kernel/mm/hugepages/hugepages-2048kB
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $label.$1"; }
ko() { fail=$((fail + 1)); echo "FAIL $label.$1: $2"; }
skip() {
	echo "skip $label: $1"
	echo "qt-test $label: 0 passed, 0 failed"
	exit 77                 # meson: SKIP
}

command -v "$procinfo" >/dev/null || skip "no $procinfo (Debian's dpdk package)"
command -v "$testpmd" >/dev/null || skip "no $testpmd"
[ -w "$hp/nr_hugepages" ] || skip "cannot reserve 2 MB hugepages (not root, or no $hp)"

tmp=$(mktemp -d)
added=0
mounted=
tpid=
cleanup() {
	exec 3>&- 2>/dev/null
	if [ -n "$tpid" ]; then          # testpmd first (it holds the pages), then timeout
		local t i
		t=$(pgrep -P "$tpid")
		kill -9 $t "$tpid" 2>/dev/null
		wait "$tpid" 2>/dev/null
		for i in $(seq 100); do
			[ -n "$t" ] && kill -0 $t 2>/dev/null || break
			sleep 0.1
		done
	fi
	[ -n "$mounted" ] && umount "$mounted"
	if [ "$added" -gt 0 ]; then      # what this script added, whatever others did since
		local now
		now=$(cat "$hp/nr_hugepages")
		echo $((now > added ? now - added : 0)) >"$hp/nr_hugepages"
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT

# the pages: reserved on top of what is there, in a hugetlbfs of our own (no other
# process's files are touched), both given back at exit
before=$(cat "$hp/nr_hugepages")
echo $((before + pages)) >"$hp/nr_hugepages" 2>/dev/null
added=$(($(cat "$hp/nr_hugepages") - before))
[ "$added" -ge "$pages" ] && [ "$(cat "$hp/free_hugepages")" -ge "$pages" ] ||
	skip "only $added of $pages 2 MB hugepages could be reserved"
mkdir "$tmp/huge"
mount -t hugetlbfs -o pagesize=2M nodev "$tmp/huge" 2>/dev/null ||
	skip "cannot mount hugetlbfs"
mounted=$tmp/huge

prefix="qt2025-kill-$$"
eal=(-d "$plugin" --no-pci --file-prefix "$prefix")
reader_eal=(--proc-type=secondary --no-pci --file-prefix "$prefix" --log-level=lib.eal:error)
mkfifo "$tmp/in"
timeout 900 stdbuf -oL "$testpmd" "${eal[@]}" --huge-dir "$tmp/huge" -m 96 \
	--vdev net_qt2025_sim0,wire=kill,timing=fast \
	--vdev net_qt2025_sim1,wire=kill,timing=fast -- -i --total-num-mbufs=2048 \
	<"$tmp/in" >"$tmp/out" 2>&1 &
tpid=$!
exec 3>"$tmp/in"
cmd() { echo "$*" >&3; }
tel() { timeout 5 "$telemetry" -f "$prefix" "$@" 2>&1; }
wait_link() {   # port, 0|1: 30 s at most
	local end=$((SECONDS + 30))
	while [ "$SECONDS" -lt "$end" ]; do
		tel "/qt2025/phy,$1" | grep -q "\"link\": $2," && return 0
		sleep 0.2
	done
	return 1
}
lsc_events() { grep -c 'link state change event' "$tmp/out"; }
phy_ticks() {   # utime + stime of the primary's PHY threads, in clock ticks
	local pid t sum=0
	pid=$(pgrep -P "$tpid" | head -n 1)
	for t in /proc/"${pid:-0}"/task/*; do
		grep -q 'qt-phy' "$t/comm" 2>/dev/null || continue
		# fields 14 and 15 after the "(comm)" field, which may hold blanks
		sum=$((sum + $(sed -E 's/^.*\) //' "$t/stat" | awk '{print $12 + $13}')))
	done
	echo "$sum"
}

if ! wait_link 0 1 || ! wait_link 1 1; then
	ko primary_up "no link on both ports after 30 s: $(tail -n 5 "$tmp/out")"
	echo "qt-test $label: $pass passed, $fail failed"
	exit 1
fi
sleep 0.5
ok primary_up
grep -q 'debug build: PHY info readers sleep' "$tmp/out" && window=on || window=off
echo "     read-side window (qt2025_debug_window): $window"

# ---- one normal run per option, output checked ----
pi() { timeout 30 "$procinfo" "${eal[@]}" -- "$@" 2>&1; }
fw=$(tel /qt2025/phy,0 | sed -nE 's/.*"fw_version": "([^"]*)".*/\1/p')
out=$(pi --stats)
[ "$(echo "$out" | grep -cE 'NIC statistics for port [01] ')" -eq 2 ] && ok stats ||
	ko stats "$(echo "$out" | tail -n 3)"
out=$(pi --xstats)
[ "$(echo "$out" | grep -cE 'NIC extended statistics for port [01] ')" -eq 2 ] &&
	[ "$(echo "$out" | grep -cE '^link_up_events: [1-9]')" -eq 2 ] && ok xstats ||
	ko xstats "$(echo "$out" | grep -E 'link_up|statistics for' | head -n 4)"
out=$(pi --show-port)
[ "$(echo "$out" | grep -cE 'driver net_qt2025_sim device net_qt2025_sim[01]')" -eq 2 ] &&
	[ "$(echo "$out" | grep -c 'Link up at 10 Gbps')" -eq 2 ] && ok show_port ||
	ko show_port "$(echo "$out" | grep -E 'driver|Link' | head -n 4)"
out=$(pi --firmware-version)
[ -n "$fw" ] && [ "$(echo "$out" |
	grep -cE "^Ethdev port [01] firmware version: PHY $fw, NIC 0x[0-9a-f]+\$")" -eq 2 ] &&
	ok firmware_version || ko firmware_version "telemetry says '$fw': $(echo "$out" | tail -n 2)"
# module EEPROM (the model's SR module: the page starts 03 04 07) and register dump (the
# primary reads the registers for a secondary of a simulated port)
out=$(pi --show-module-eeprom); rc=$?
[ "$rc" -eq 0 ] && [ "$(echo "$out" | grep -ciE '^0+: 03 04 07')" -eq 2 ] &&
	ok module_eeprom || ko module_eeprom "exit $rc: $(echo "$out" | tail -n 3)"
out=$(cd "$tmp" && pi --dump-regs="$tmp/regs"); rc=$?
regs=$(cat "$tmp"/regs* 2>/dev/null | wc -c)
if [ "$rc" -eq 0 ] && [ "$regs" -gt 100 ] && ! echo "$out" | grep -q 'reg info: -'
then
	ok dump_regs
else
	ko dump_regs "exit $rc: $(echo "$out" | tail -n 2)"
fi

# ---- the SIGKILL loop ----
sleep 1
ticks0=$(phy_ticks); t0=$(date +%s%N)
sleep 2
idle_before=$(($(phy_ticks) - ticks0)); idle_ns=$(($(date +%s%N) - t0))
# Kills at random moments of a secondary's life in the driver. dpdk-proc-info lives almost
# all its life in rte_eal_init and rte_eal_cleanup, where a kill can leave one of DPDK
# 22.11's own locks in the shared memory config held (memory hotplug lock, seen: every later
# secondary then hangs in its init and the primary in its rte_eal_cleanup): not the
# driver's to fix, and its driver calls last microseconds. So the kills go to a secondary
# that reads every port as monitoring tools do, over and over ("test-qt2025 reader":
# fw_version, stats, xstats, link, module EEPROM), 0-29 ms after its EAL init (0-99 ms
# with the debug window, whose reads take 20 ms).
d_max=30
[ "$window" = on ] && d_max=100
killed=0 finished=0 stuck= rounds=
start=$(date +%s%N)
exec 4>&2 2>/dev/null           # no "Killed" line from the shell for each run
for i in $(seq "$runs"); do
	timeout 10 "$reader" reader 5 "${reader_eal[@]}" >"$tmp/rd" 2>&1 &
	p=$!
	for w in $(seq 400); do         # 2 s at most
		grep -q 'reader ready' "$tmp/rd" && break
		kill -0 "$p" 2>/dev/null || break
		sleep 0.005
	done
	if ! grep -q 'reader ready' "$tmp/rd"; then
		kill -9 "$p"; wait "$p"
		stuck=$i        # EAL itself wedged, or the reader could not attach
		break
	fi
	d=$((RANDOM % d_max))
	sleep "0.$(printf '%03d' "$d")"
	if kill -9 "$p" 2>/dev/null; then
		killed=$((killed + 1))
	else
		finished=$((finished + 1))
	fi
	wait "$p"
done
exec 2>&4 4>&-
loop_ms=$((($(date +%s%N) - start) / 1000000))
rounds=$(timeout 10 "$reader" reader 1 "${reader_eal[@]}" 2>&1 | sed -nE 's/^reader done: ([0-9]+) rounds.*/\1/p')
echo "     ${stuck:-$runs} readers in $loop_ms ms: $killed killed inside their reads," \
	"$finished finished first; an unkilled reader then did ${rounds:-?} rounds in 1 s"
[ -z "$stuck" ] && [ "$killed" -eq "$runs" ] && [ -n "$rounds" ] && ok kill_loop ||
	ko kill_loop "run ${stuck:-?} did not attach; $killed of $runs kills landed; rounds ${rounds:-?}: $(tail -n 3 "$tmp/rd")"

# ---- the primary afterwards ----
sleep 1
ticks0=$(phy_ticks); t0=$(date +%s%N)
sleep 2
idle_after=$(($(phy_ticks) - ticks0)); idle_ns2=$(($(date +%s%N) - t0))
echo "     PHY threads: $idle_before ticks in $((idle_ns / 1000000)) ms before the loop," \
	"$idle_after in $((idle_ns2 / 1000000)) ms after"
# a thread spinning on a wedged lock takes ~100 ticks a second
[ "$idle_after" -le $((idle_before + 10)) ] && ok phy_threads_idle ||
	ko phy_threads_idle "$idle_after ticks in 2 s (before the loop: $idle_before)"

phy=$(tel /qt2025/phy,0)
echo "$phy" | grep -q '"state": "running"' && echo "$phy" | grep -q '"info": "ok"' &&
	ok telemetry || ko telemetry "$phy"

n0=$(lsc_events)
tel /qt2025/sim/cable,1,unplug >/dev/null
wait_link 0 0 && wait_link 1 0 && sleep 0.5
tel /qt2025/sim/cable,1,plug >/dev/null
wait_link 0 1 && wait_link 1 1 && sleep 0.5
n1=$(lsc_events)
[ $((n1 - n0)) -ge 4 ] && ok link_events ||
	ko link_events "$((n1 - n0)) LSC events for a cable pulled and plugged (expected 4)"

cmd "show port summary all"
sleep 0.5
[ "$(grep -cE '^[01] +[0-9A-F:]{17} +net_qt2025_sim[01] .* up +10 Gbps' "$tmp/out")" -eq 2 ] &&
	ok testpmd_cmd || ko testpmd_cmd "$(grep -A3 'summary' "$tmp/out" | tail -n 4)"

t0=$(date +%s%N)
cmd "quit"
exec 3>&-
for i in $(seq 200); do kill -0 "$tpid" 2>/dev/null || break; sleep 0.1; done
quit_ms=$((($(date +%s%N) - t0) / 1000000))
if kill -0 "$tpid" 2>/dev/null; then
	# Still there after 20 s. DPDK 22.11's EAL keeps rwlocks and spinlocks in the shared
	# memory config (memory hotplug, memzones, tailqs, malloc heaps): a secondary killed
	# inside one of those, in its rte_eal_init or an allocation, leaves the primary
	# spinning at its next allocation or free, which quit does. Said apart from a wedge
	# in the driver, where gdb can tell.
	where=$(timeout 30 gdb -p "$(pgrep -P "$tpid" | head -n 1)" -batch -ex "bt 6" 2>/dev/null |
		grep -E '^#[0-9]' | head -n 3 | sed -E 's/ \(.*//; s/.* in //' | tr '\n' ' ')
	if echo "$where" | grep -qE 'rte_mcfg_|malloc_heap|rte_memzone|rte_eal_' &&
		! echo "$where" | grep -q qt2025; then
		echo "xfail $label.quit: wedged in DPDK's EAL (a lock in its shared memory config" \
			"held by a killed secondary: a DPDK 22.11 limit, not the driver): $where"
	else
		ko quit "no exit 20 s after quit, in: ${where:-? (no gdb)}"
	fi
else
	wait "$tpid"
	rc=$?
	tpid=
	echo "     quit took $quit_ms ms"
	[ "$rc" -eq 0 ] && ok quit || ko quit "exit $rc: $(tail -n 3 "$tmp/out")"
fi
# the driver's part of quit: both ports closed (PHY threads joined), whatever EAL did next
[ "$(grep -cE '^Port [01] is closed' "$tmp/out")" -eq 2 ] && ok ports_closed ||
	ko ports_closed "$(grep -cE '^Port [01] is closed' "$tmp/out") ports closed"

echo "qt-test $label: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
