#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# DPDK's own sample applications, unmodified, on simulated ports: l2fwd and
# skeleton (basicfwd) are built once from the DPDK source tarball the build fetched
# (config/sdk-headers.sh) with their own Makefiles against the installed libdpdk, into
# ${XDG_CACHE_HOME:-~/.cache}/net_qt2025/examples, and run in a network namespace of their
# own on two simulated ports cabled to two TAPs (qtA, qtB). Frames scapy sends into one
# TAP must come out of the other: with the MACs rewritten as l2fwd does, unchanged through
# basicfwd. l2fwd must see both links up and exit cleanly on SIGINT.
# Skipped with one line when the samples cannot be built. Usage: sample_apps.sh PLUGIN
set -uo pipefail

plugin=$(realpath "$1")
here=$(dirname "$(realpath "$0")")
qt_suite=sample_apps
# shellcheck source=user_lib.sh
. "$here/user_lib.sh"

py=/usr/bin/python3
scapy_py="$here/tap_scapy.py"
ns=qt2025-$$
skip() {
	echo "skip $qt_suite: $1"
	qt_summary
	exit 0
}

# ---- the samples, built once per DPDK release ----

ver=$(pkg-config --modversion libdpdk 2>/dev/null) || skip "no libdpdk for pkg-config"
tarball=$(ls "$(dirname "$plugin")"/config/sdk-include/.cache/dpdk_"$ver".orig.tar.* \
	2>/dev/null | head -n 1)
[ -n "$tarball" ] || skip "no DPDK $ver source tarball in the build's sdk-include cache"
cache=${XDG_CACHE_HOME:-$HOME/.cache}/net_qt2025/examples/dpdk-$ver
for app in l2fwd skeleton; do
	[ -x "$cache/$app/build/$app-shared" ] || [ -x "$cache/$app/build/basicfwd-shared" ] &&
		continue
	mkdir -p "$cache" || skip "cannot create $cache"
	tmp=$(mktemp -d "$cache/.build.XXXXXX")
	if tar -xf "$tarball" -C "$tmp" --strip-components=2 --wildcards "*/examples/$app" &&
		make -C "$tmp/$app" >"$tmp/make.log" 2>&1; then
		rm -rf "${cache:?}/$app"
		mv "$tmp/$app" "$cache/$app"
		rm -rf "$tmp"
	else
		tail -n 5 "$tmp/make.log" 2>/dev/null
		rm -rf "$tmp"
		skip "DPDK $ver's examples/$app does not build here"
	fi
done
l2fwd=$cache/l2fwd/build/l2fwd-shared
basicfwd=$cache/skeleton/build/basicfwd-shared
for t in ip tcpdump stdbuf; do
	command -v "$t" >/dev/null || ko tools "$t missing (devtools/setup.sh)"
done
"$py" -c 'import scapy' 2>/dev/null || ko tools "no scapy for $py (python3-scapy)"
[ "$qt_fail" -eq 0 ] || { qt_summary; exit; }

# ---- helpers ----

# app_start NAME BINARY [APP OPTIONS]: the sample in the namespace, ports on qtA and qtB;
# sets app_pid and app_log, waits for both TAPs and brings them up
app_start() {
	local name=$1 bin=$2
	shift 2
	app_log=$qt_tmp/$name.log
	ip netns exec "$ns" timeout 60 stdbuf -oL "$bin" -d "$plugin" --no-huge -m 512 --no-pci \
		--file-prefix "qt2025-$name-$$" \
		--vdev net_qt2025_sim0,wire=tap:qtA,timing=fast \
		--vdev net_qt2025_sim1,wire=tap:qtB,timing=fast "$@" >"$app_log" 2>&1 &
	app_pid=$!
	app_t0=$SECONDS
	qt_pids+=("$app_pid")
	for _ in $(seq 100); do
		quiet ip netns exec "$ns" ip link show qtB && break
		kill -0 "$app_pid" 2>/dev/null || break
		sleep 0.1
	done
	ip netns exec "$ns" ip link set qtA up 2>/dev/null &&
		ip netns exec "$ns" ip link set qtB up 2>/dev/null
}

# app_stop SIGNAL: signals the sample (through timeout) and returns its exit status
app_stop() {
	local rc
	kill -"$1" "$app_pid" 2>/dev/null
	wait "$app_pid"
	rc=$?
	qt_forget "$app_pid"
	return "$rc"
}

# through NAME FROM TO DST SRC OUT_DST OUT_SRC: 5 frames from SRC to DST into TAP FROM (and
# one to a MAC no port has, which l2fwd, not promiscuous, must not forward); TAP TO must
# show exactly the 5, from OUT_SRC to OUT_DST, with the payload unchanged
through() {
	local name=$1 from=$2 to=$3 dst=$4 src=$5 odst=$6 osrc=$7 dump sent got
	ip netns exec "$ns" timeout 20 tcpdump -i "$to" -nn -U --immediate-mode -Z root \
		-w "$qt_tmp/$name.pcap" "ether src $osrc" 2>"$qt_tmp/$name.tcpdump" &
	dump=$!
	qt_pids+=("$dump")
	if ! qt_wait_grep "$qt_tmp/$name.tcpdump" 'listening on' 1 10; then
		ko "$name" "tcpdump did not start: $(tr '\n' ' ' <"$qt_tmp/$name.tcpdump")"
		return
	fi
	ip netns exec "$ns" "$py" "$scapy_py" burst "$from" "$dst" "$src" 5 \
		>"$qt_tmp/$name.sent" 2>&1
	ip netns exec "$ns" "$py" "$scapy_py" burst "$from" 02:00:00:00:ee:ee 02:00:00:00:ee:01 1 \
		>/dev/null 2>&1
	sleep 0.5
	kill -INT "$dump"
	wait "$dump"
	qt_forget "$dump"
	sent=$(awk '{print 142, "'"$osrc $odst"'", "-", $1}' "$qt_tmp/$name.sent" | sort)
	got=$("$py" "$scapy_py" read "$qt_tmp/$name.pcap" 2>&1 | sort)
	if [ "$(echo "$sent" | grep -c .)" -eq 5 ] && [ "$got" = "$sent" ]; then
		ok "$name"
	else
		ko "$name" "into $from: $(echo "$sent" | grep -c .) frames to $dst; out of $to:\
 $(echo "$got" | grep -c .) frames, expected 5 from $osrc to $odst: $(echo "$got" |
			cut -c 1-60 | head -n 3 | tr '\n' ';')"
	fi
}

# links_wait: both PHYs up (the driver's notice), 20 s at most after the sample started
links_wait() {
	qt_wait_grep "$app_log" 'qt2025 net_qt2025_sim[01]: PHY up' 2 $((20 - SECONDS + app_t0)) &&
		sleep 0.2
}

# the port's MAC as the sample printed it
port_mac() {
	sed -n "s/^Port $1[,:] *MAC\(.address\)\{0,1\}: *\([0-9A-Fa-f:]\{17\}\).*/\2/p" \
		"$app_log" | head -n 1 | tr 'A-F' 'a-f'
}

if ! qt_netns_add "$ns"; then
	ko netns "ip netns add $ns failed"
	qt_summary
	exit
fi

# ---- l2fwd -p 0x3 ----

app_start l2fwd "$l2fwd" -- -p 0x3
if qt_wait_grep "$app_log" '^Port [01] Link up' 2 15; then
	ok l2fwd.links_up
else
	ko l2fwd.links_up "$(grep -E '^Port [01] Link|Checking|EAL: Error|rte_eth|Cannot|error' \
		"$app_log" | head -n 4 | tr '\n' ';')"
fi
# whatever its link check said, the forwarding is tried once the PHYs are up (driver log)
if qt_wait_grep "$app_log" 'entering main loop' 1 5 && links_wait; then
	m0=$(port_mac 0)
	m1=$(port_mac 1)
	# l2fwd: source MAC = the out port's, destination 02:00:00:00:00:<out port>
	through l2fwd.qtA_to_qtB qtA qtB "$m0" 02:00:00:00:aa:01 02:00:00:00:00:01 "$m1"
	through l2fwd.qtB_to_qtA qtB qtA "$m1" 02:00:00:00:aa:02 02:00:00:00:00:00 "$m0"
else
	ko l2fwd.forwarding "not forwarding, or PHYs not up 20 s after start: $(grep -E \
		'PHY up|main loop' "$app_log" | tr '\n' ';')"
fi
app_stop INT
rc=$?
if [ "$rc" -eq 0 ] && grep -q '^Bye' "$app_log" &&
	[ "$(grep -cE 'Closing port [01]\.\.\. *Done' "$app_log")" -eq 2 ]; then
	ok l2fwd.sigint_clean_exit
else
	ko l2fwd.sigint_clean_exit "exit status $rc; $(tail -n 4 "$app_log" | tr '\n' ';')"
fi
check l2fwd.taps_gone "qtA or qtB still in $ns after l2fwd exited" \
	not quiet ip netns exec "$ns" ip link show qtA

# ---- skeleton (basicfwd): no link check, no signal handler; frames pass unchanged ----

app_start basicfwd "$basicfwd"
if qt_wait_grep "$app_log" 'forwarding packets' 1 15 && links_wait; then
	ok basicfwd.started
	through basicfwd.qtA_to_qtB qtA qtB 02:00:00:00:bb:01 02:00:00:00:aa:03 \
		02:00:00:00:bb:01 02:00:00:00:aa:03
	through basicfwd.qtB_to_qtA qtB qtA 02:00:00:00:bb:02 02:00:00:00:aa:04 \
		02:00:00:00:bb:02 02:00:00:00:aa:04
else
	ko basicfwd.started "not forwarding, or PHYs not up 20 s after start: $(grep -E \
		'EAL: Error|Cannot|rror|PHY up|forwarding' "$app_log" | head -n 3 | tr '\n' ';')"
fi
app_stop INT
rc=$?
check basicfwd.sigint_exit "exit status $rc (130: ended by SIGINT, it has no handler)" \
	test "$rc" -eq 130 -o "$rc" -eq 0

ip netns del "$ns"
check netns_gone "$ns still listed" not quiet ip netns pids "$ns"
qt_summary
