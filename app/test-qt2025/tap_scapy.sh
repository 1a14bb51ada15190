#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# A simulated port cabled to a Linux TAP, tried as a user would: in a network
# namespace of its own, Debian's dpdk-testpmd runs one port with wire=tap:qt2025t0 in
# rxonly mode with "set verbose 1"; scapy (Debian's /usr/bin/python3) sends frames into
# the TAP and testpmd's verbose lines must show the right length (FCS not included), the
# VLAN tag stripped or kept as the application asked, and L4 checksum flags GOOD/BAD as
# they should be (the NIC's two checksum errata, UDP checksum 0 and frames under 70
# bytes, never BAD). Then testpmd transmits and tcpdump on the TAP sees the frames.
# The namespace and the TAP are gone afterwards. Usage: tap_scapy.sh PLUGIN
set -uo pipefail

plugin=$(realpath "$1")
here=$(dirname "$(realpath "$0")")
qt_suite=tap
# shellcheck source=user_lib.sh
. "$here/user_lib.sh"

ns=qt2025-$$
tap=qt2025t0
py=/usr/bin/python3
scapy_py="$here/tap_scapy.py"
eal=(-d "$plugin" --no-huge -m 512 --no-pci --file-prefix "qt2025-tap-$$")

for tool in ip tcpdump stdbuf; do
	command -v "$tool" >/dev/null || { ko tools "$tool missing (devtools/setup.sh)"; }
done
"$py" -c 'import scapy' 2>/dev/null || ko tools "no scapy for $py (python3-scapy)"
[ "$qt_fail" -eq 0 ] || { qt_summary; exit; }

if ! qt_netns_add "$ns"; then
	ko netns "ip netns add $ns failed"
	qt_summary
	exit
fi
ok netns_created

if ! tp_start "$qt_tmp/testpmd.log" ip netns exec "$ns" timeout 90 dpdk-testpmd "${eal[@]}" \
	--vdev "net_qt2025_sim0,wire=tap:$tap,timing=fast" -- -i --total-num-mbufs=4096; then
	ko testpmd_start "no prompt; log: $(tail -n 5 "$qt_tmp/testpmd.log" | tr '\n' ' ')"
	qt_summary
	exit
fi
check tap_in_netns "no $tap in $ns" quiet ip netns exec "$ns" ip link show "$tap"
check tap_not_in_host "$tap exists outside the namespace" not quiet ip link show "$tap"
ip netns exec "$ns" ip link set "$tap" up
check link_up "port 0 not up at 10 Gbps within 15 s" tp_links_up 1 15
mac=$(tp "show port info 0" | sed -n 's/^MAC address: //p' | tr 'A-F' 'a-f')

# rx_frames FROM: "src len type tci flags..." per frame testpmd printed after byte FROM
rx_frames() {
	tail -c +"$1" "$qt_tmp/testpmd.log" | awk '
		/ src=.* - length=/ {
			src = ""; len = ""; type = ""; tci = "-"
			n = split($0, f, " - ")
			for (i = 1; i <= n; i++) {
				sub(/^ +/, "", f[i])
				if (f[i] ~ /^src=/) src = substr(f[i], 5)
				else if (f[i] ~ /^length=/) len = substr(f[i], 8)
				else if (f[i] ~ /^type=/) type = substr(f[i], 6)
				else if (f[i] ~ /^VLAN tci=/) tci = substr(f[i], 10)
			}
			want = 1
			next
		}
		want && /ol_flags:/ {
			sub(/^ *ol_flags: */, "")
			print tolower(src), len, type, tci, $0
			want = 0
		}'
}

# rx_phase NAME STRIP: scapy sends the frames of tap_scapy.py into the TAP; each is
# checked against what testpmd printed (STRIP: on when the app asked VLAN strip)
rx_phase() {
	local phase=$1 strip=$2 from n line len type tci flags l4 exp_len what
	from=$(($(stat -c %s "$qt_tmp/testpmd.log") + 1))
	if ! ip netns exec "$ns" "$py" "$scapy_py" send "$tap" "$mac" 2>"$qt_tmp/scapy.err"; then
		ko "$phase.scapy_send" "$(tail -n 2 "$qt_tmp/scapy.err" | tr '\n' ' ')"
		return
	fi
	# 8 frames; a lost one costs at most 2 s of waiting
	local end=$((SECONDS + 2))
	while [ "$(rx_frames "$from" | wc -l)" -lt 8 ] && [ "$SECONDS" -lt "$end" ]; do
		sleep 0.1
	done
	rx_frames "$from" >"$qt_tmp/$phase.frames"
	for n in 01 02 03 04 05 06 07 08; do
		line=$(grep "^02:00:00:00:10:$n " "$qt_tmp/$phase.frames")
		what=${names[$n]}
		if [ "$(echo "$line" | grep -c .)" -ne 1 ]; then
			ko "$phase.f$n.$what" "seen $(grep -c . <<<"$line") times, expected once"
			continue
		fi
		read -r _ len type tci flags <<<"$line"
		l4=$(echo "$flags" | grep -oE 'RTE_MBUF_F_RX_L4_CKSUM_[A-Z]+' | head -n 1)
		exp_len=${lens[$n]}
		[ "$n" = 02 ] && [ "$strip" = off ] && exp_len=118
		if [ "$len" -ne "$exp_len" ]; then
			ko "$phase.f$n.$what" "length=$len, expected $exp_len"
		elif ! echo "$flags" | grep -q RTE_MBUF_F_RX_IP_CKSUM_GOOD; then
			ko "$phase.f$n.$what" "IP checksum not GOOD: $flags"
		elif [ "${l4s[$n]}" = NOT_BAD ] && [ "$l4" = RTE_MBUF_F_RX_L4_CKSUM_BAD ]; then
			ko "$phase.f$n.$what" "L4 checksum reported BAD (erratum): $flags"
		elif [ "${l4s[$n]}" != NOT_BAD ] &&
			[ "$l4" != "RTE_MBUF_F_RX_L4_CKSUM_${l4s[$n]}" ]; then
			ko "$phase.f$n.$what" "L4 flag ${l4:-none}, expected ${l4s[$n]}"
		elif [ "$n" = 02 ] && [ "$strip" = on ] && { [ "$tci" != 0x6064 ] ||
			[ "$type" != 0x0800 ] || ! echo "$flags" | grep -q RX_VLAN_STRIPPED; }; then
			ko "$phase.f$n.$what" "strip asked: tci=$tci type=$type flags: $flags"
		elif [ "$n" = 02 ] && [ "$strip" = off ] && { [ "$type" != 0x8100 ] ||
			echo "$flags" | grep -q RX_VLAN_STRIPPED; }; then
			ko "$phase.f$n.$what" "no strip asked: type=$type flags: $flags"
		else
			ok "$phase.f$n.$what"
		fi
	done
}
declare -A names=([01]=udp [02]=vlan_tcp [03]=udp_bad_csum [04]=udp_csum0
	[05]=short_unpadded [06]=short [07]=short_bad_csum [08]=tcp_bad_csum)
declare -A lens=([01]=142 [02]=114 [03]=142 [04]=142 [05]=60 [06]=60 [07]=60 [08]=114)
declare -A l4s=([01]=GOOD [02]=GOOD [03]=BAD [04]=NOT_BAD [05]=NOT_BAD [06]=NOT_BAD
	[07]=BAD [08]=BAD)

tp "set fwd rxonly" >/dev/null
tp "set verbose 1" >/dev/null
tp start >/dev/null
rx_phase strip_off off
tp stop >/dev/null

# VLAN strip asked as an application does: configured on the stopped port
tp "port stop 0" >/dev/null
tp "port config 0 rx_offload vlan_strip on" >/dev/null
tp "port start 0" >/dev/null
if tp_links_up 1 15; then
	tp start >/dev/null
	rx_phase strip_on on
	tp stop >/dev/null
else
	ko strip_on.link_up "port 0 not up again within 15 s after port start"
fi
tp "set verbose 0" >/dev/null

# Transmit: a burst of 32 txonly frames of 100 bytes, then 32 of 42 bytes that the driver
# must pad to 60 (the MAC does not pad, hardware.md 4.3); tcpdump on the TAP sees them
ip netns exec "$ns" timeout 30 tcpdump -i "$tap" -nn -U --immediate-mode -Z root \
	-w "$qt_tmp/tx.pcap" "ether src $mac" 2>"$qt_tmp/tcpdump.err" &
dump=$!
qt_pids+=("$dump")
if qt_wait_grep "$qt_tmp/tcpdump.err" 'listening on' 1 10; then
	for len in 100 42; do
		tp "set txpkts $len" >/dev/null
		tp "start tx_first" >/dev/null
		sleep 0.3
		tp stop >/dev/null
	done
	sleep 0.3
	kill -INT "$dump"
	wait "$dump"
	qt_forget "$dump"
	"$py" "$scapy_py" read "$qt_tmp/tx.pcap" >"$qt_tmp/tx.frames" 2>"$qt_tmp/scapy.err"
	seen=$(awk '$2 == "'"$mac"'" {print $1}' "$qt_tmp/tx.frames" | uniq -c | xargs)
	check tx.seen_on_tap "tcpdump saw (count length): ${seen:-nothing}; expected 32 100 32 60" \
		test "$seen" = "32 100 32 60"
	txp=$(tp "show port stats 0" | awk '/TX-packets:/ {print $2}')
	check tx.port_stats "TX-packets $txp, expected 64" test "$txp" = 64
else
	ko tx.seen_on_tap "tcpdump did not start: $(tr '\n' ' ' <"$qt_tmp/tcpdump.err")"
fi

tp_quit
rc=$?
check testpmd_exit "testpmd exited with $rc" test "$rc" -eq 0
check tap_gone "$tap still in $ns after testpmd exited" \
	not quiet ip netns exec "$ns" ip link show "$tap"
ip netns del "$ns"
check netns_gone "$ns still listed" not quiet ip netns pids "$ns"
qt_summary
