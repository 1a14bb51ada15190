#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# The Tx path tried as a user would, with Debian's dpdk-testpmd and its defaults:
# 1. txonly with "set txpkts 60,16", then "40,20,20", then "64" (chains with
#    MBUF_FAST_FREE, on by default), a second each: every phase sends over 10,000 packets
#    and, with the ports stopped, the pool's free count is where it was before.
# 2. Two ports cabled to TAPs in a network namespace, the csum engine with TSO 1460: scapy
#    sends an IPv6/TCP and a data-offset-2 TSO frame, then 200 UDP frames and a good TCP
#    frame into the first TAP (3000 bytes of TCP payload: port 0 at MTU 3500 on 4 KiB
#    mbufs); the UDP frames and the good frame's three segments leave the second port
#    (tcpdump on its TAP) and the two bad ones are counted (tx_prepare_refused or
#    tx_bad_packets_dropped).
# 3. 256-byte mbufs at MTU 1500: the port does not start, and one line names both sizes.
# And wire=tap:lo (an interface that is not a TAP) fails with a line that says so.
# Usage: tx_user.sh PLUGIN
set -uo pipefail

plugin=$(realpath "$1")
here=$(dirname "$(realpath "$0")")
qt_suite=tx_user
# shellcheck source=user_lib.sh
. "$here/user_lib.sh"

py=/usr/bin/python3
eal=(-d "$plugin" --no-huge -m 512 --no-pci)

# pool_free: free mbufs of mb_pool_0 (common pool + per-lcore caches), from dump_mempool
pool_free() {
	tp dump_mempool | awk '/common_pool_count=/ { split($1, a, "="); c += a[2] }
		/total_cache_count=/ { split($1, a, "="); c += a[2] } END { print c + 0 }'
}

# ---- 1. txonly, chains, fast free ----
if tp_start "$qt_tmp/txonly.log" timeout 120 dpdk-testpmd "${eal[@]}" \
	--file-prefix "qt2025-txu-$$" --vdev "net_qt2025_sim0,wire=txu$$,timing=fast" \
	--vdev "net_qt2025_sim1,wire=txu$$,timing=fast" -- -i --total-num-mbufs=16384; then
	check txonly.links_up "both ports not up within 15 s" tp_links_up 2 15
	tp "port stop all" >/dev/null
	before=$(pool_free)
	tp "port start all" >/dev/null
	tp_links_up 2 15
	tp "set fwd txonly" >/dev/null
	for spec in 60,16 40,20,20 64; do
		tp "set txpkts $spec" >/dev/null
		tp "clear port stats all" >/dev/null
		tp start >/dev/null
		sleep 1
		tp stop >/dev/null
		sent=$(tp "show port stats 0" | awk '/TX-packets:/ { print $2 }')
		tp "port stop all" >/dev/null
		after=$(pool_free)
		check "txonly.$spec.sent" "port 0 sent ${sent:-?} packets (want > 10000)" \
			test "${sent:-0}" -gt 10000
		check "txonly.$spec.pool" "pool free ${after:-?} after, ${before:-?} before" \
			test "${after:-x}" = "$before"
		tp "port start all" >/dev/null
		tp_links_up 2 15
	done
	tp_quit
else
	ko txonly.start "no prompt: $(tail -n 3 "$qt_tmp/txonly.log" | tr '\n' ' ')"
fi

# ---- 3. 256-byte mbufs at MTU 1500 ----
timeout 60 dpdk-testpmd "${eal[@]}" --file-prefix "qt2025-txs-$$" \
	--vdev "net_qt2025_sim0,timing=fast" -- -i --mbuf-size=256 --total-num-mbufs=4096 \
	</dev/null >"$qt_tmp/small.log" 2>&1
lines=$(grep -cE 'MTU 1500 refused: frames of 1514 bytes do not fit the 128-byte buffers .*256-byte' \
	"$qt_tmp/small.log")
check small_mbufs.one_line "$(grep -i refused "$qt_tmp/small.log" | head -n 2 | tr '\n' ' ')" \
	test "$lines" -ge 1
check small_mbufs.not_started "the port started" \
	quiet grep -E 'Fail to configure port 0 rx queues|Fail to start port 0' "$qt_tmp/small.log"

# ---- wire=tap: on an interface that is not a TAP says so ----
timeout 60 dpdk-testpmd "${eal[@]}" --file-prefix "qt2025-txl-$$" \
	--vdev "net_qt2025_sim0,wire=tap:lo,timing=fast" -- -i </dev/null >"$qt_tmp/lo.log" 2>&1
check tap_lo.says_so "$(grep -i 'net_qt2025_sim0' "$qt_tmp/lo.log" | head -n 2 | tr '\n' ' ')" \
	quiet grep -F 'wire=tap:lo: interface lo exists and is not a TAP interface' "$qt_tmp/lo.log"

# ---- 2. csum engine with TSO between two TAP-cabled ports ----
if ! "$py" -c 'import scapy' 2>/dev/null || ! command -v tcpdump >/dev/null; then
	ko tso.tools "scapy for $py or tcpdump missing (devtools/setup.sh)"
	qt_summary
	exit
fi
ns=qt2025x-$$
if ! qt_netns_add "$ns"; then
	ko tso.netns "ip netns add $ns failed"
	qt_summary
	exit
fi
if tp_start "$qt_tmp/csum.log" ip netns exec "$ns" timeout 120 dpdk-testpmd "${eal[@]}" \
	--file-prefix "qt2025-txc-$$" --vdev "net_qt2025_sim0,wire=tap:qtx0,timing=fast" \
	--vdev "net_qt2025_sim1,wire=tap:qtx1,timing=fast" -- -i --total-num-mbufs=8192 \
	--mbuf-size=4096; then
	ip netns exec "$ns" ip link set qtx0 mtu 3500 up
	ip netns exec "$ns" ip link set qtx1 up
	check tso.links_up "both ports not up within 15 s" tp_links_up 2 15
	mac0=$(tp "show port info 0" | sed -n 's/^MAC address: //p' | tr 'A-F' 'a-f')
	tp "port stop all" >/dev/null
	for c in "port config mtu 0 3500" "csum set ip hw 1" "csum set tcp hw 1" \
		"csum set udp hw 1" "tso set 1460 1"; do
		tp "$c" >/dev/null
	done
	tp "port start all" >/dev/null
	tp_links_up 2 15
	tp "set fwd csum" >/dev/null
	tp start >/dev/null
	ip netns exec "$ns" timeout 60 tcpdump -i qtx1 -nn -U --immediate-mode -Z root \
		-w "$qt_tmp/tso.pcap" "ip or ip6" 2>"$qt_tmp/tcpdump.err" &
	qt_pids+=("$!")
	if qt_wait_grep "$qt_tmp/tcpdump.err" 'listening on' 1 10; then
		ip netns exec "$ns" "$py" "$here/tx_user.py" send qtx0 "$mac0" \
			2>"$qt_tmp/scapy.err" || ko tso.scapy "$(tail -n 2 "$qt_tmp/scapy.err")"
		sleep 2
		tp stop >/dev/null
		seen=$("$py" "$here/tx_user.py" count "$qt_tmp/tso.pcap" 2>&1)
		check tso.after_bad_frames_all_leave "tcpdump saw: $seen; want udp 200 tcp 3" \
			test "$seen" = "udp 200 tcp 3"
		xs=$(tp "show port xstats 1")
		bad=$(echo "$xs" | awk '/tx_prepare_refused:|tx_bad_packets_dropped:/ { s += $2 }
			END { print s + 0 }')
		check tso.bad_frames_counted "refused + dropped on port 1: $bad (want 2)" \
			test "$bad" = 2
		[ -n "${QT_TXU_DEBUG:-}" ] && { echo "$xs"; tp "show port stats all"; tp "show port xstats 0"; } >&2
		stall=$(echo "$xs" | awk '/tx_stalls:/ { print $2 }')
		check tso.no_stall "tx_stalls ${stall:-?}" test "${stall:-x}" = 0
	else
		ko tso.tcpdump "tcpdump did not start: $(tr '\n' ' ' <"$qt_tmp/tcpdump.err")"
	fi
	tp_quit
else
	ko tso.start "no prompt: $(tail -n 3 "$qt_tmp/csum.log" | tr '\n' ' ')"
fi
qt_summary
