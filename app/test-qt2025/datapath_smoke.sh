#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# The datapath tried as a user would: Debian's dpdk-testpmd with two simulated
# ports on one wire (timing=fast), "start tx_first", a second and a half of io forwarding,
# "stop", then the counters: packets went both ways, what one port sent the other
# received (exactly, counting what still waits in its Rx ring), no error counter moved,
# and the mac_* xstats agree. Three runs: the rings the driver offers by default,
# --rxd=2048 --txd=2048 and --rxd=4096 --txd=4096 (sizes applications ask for).
# Usage: datapath_smoke.sh PLUGIN
set -uo pipefail

plugin=$(realpath "$1")
here=$(dirname "$(realpath "$0")")
qt_suite=datapath
# shellcheck source=user_lib.sh
. "$here/user_lib.sh"

declare -A st xs

# parse_stats: "show port stats all" on stdin into st[PORT.KEY]
parse_stats() {
	local k v p=
	while read -r k v; do
		case $k in
		port) p=$v ;;
		*) st[$p.$k]=$v ;;
		esac
	done < <(awk '
		/NIC statistics for port/ { print "port", $(NF - 1) }
		/RX-packets:/ { print "rx", $2; print "rx_missed", $4; print "rx_bytes", $6 }
		/RX-errors:/ { print "rx_errors", $2 }
		/RX-nombuf:/ { print "rx_nombuf", $2 }
		/TX-packets:/ { print "tx", $2; print "tx_errors", $4; print "tx_bytes", $6 }')
}

# parse_xstats PORT: "show port xstats PORT" on stdin into xs[PORT.NAME]
parse_xstats() {
	local k v
	while read -r k v; do
		xs[$1.${k%:}]=$v
	done < <(grep -E '^[a-z0-9_]+: [0-9]+$')
}

# run NAME RXD TXD [TESTPMD OPTIONS]: one testpmd session and its checks
run() {
	local name=$1 rxd=$2 txd=$3 p q v k bad out rc inflight=()
	shift 3
	st=()
	xs=()
	if ! tp_start "$qt_tmp/$name.log" timeout 120 dpdk-testpmd -d "$plugin" --no-huge -m 512 \
		--no-pci --file-prefix "qt2025-dp-$name-$$" \
		--vdev "net_qt2025_sim0,wire=dp$$,timing=fast" \
		--vdev "net_qt2025_sim1,wire=dp$$,timing=fast" \
		-- -i --total-num-mbufs=16384 "$@"; then
		ko "$name.start" "testpmd $*: no prompt; $(grep -iE 'fail|error|invalid' \
			"$qt_tmp/$name.log" | head -n 3 | tr '\n' ' ')"
		tp_quit
		return
	fi
	if grep -qE 'Fail to|failed' "$qt_tmp/$name.log"; then
		ko "$name.start" "testpmd $*: $(grep -E 'Invalid|Fail to|failed' \
			"$qt_tmp/$name.log" | head -n 3 | tr '\n' ';')"
		tp_quit
		return
	fi
	if ! tp_links_up 2 15; then
		ko "$name.links_up" "both ports not up at 10 Gbps within 15 s"
		tp_quit
		return
	fi
	ok "$name.links_up"

	# the rings as asked: descriptor N-1 has a status, descriptor N is out of the ring (the
	# driver has no rxq_info_get for "show rxq info")
	v=
	for p in 0 1; do
		for k in rxq txq; do
			[ "$k" = rxq ] && q=$rxd || q=$txd
			out="$(tp "show port $p $k 0 desc $((q - 1)) status")$(tp \
				"show port $p $k 0 desc $q status")"
			grep -q 'Desc status =' <<<"$out" && grep -q 'Invalid input' <<<"$out" ||
				v+=" port $p $k: $(echo "$out" | grep -vF 'testpmd>' | tr '\n' ' ')"
		done
	done
	check "$name.ring_sizes" "asked $rxd/$txd:$v" test -z "$v"

	tp "start tx_first" >/dev/null
	sleep 1.5
	out=$(tp stop)
	v=$(echo "$out" | awk '/TX-dropped:/ { s += $4 } END { print s + 0 }')
	check "$name.fwd_no_drop" "testpmd's forward statistics show $v TX-dropped" \
		test "$v" -eq 0
	for p in 0 1; do
		inflight[p]=$(tp "show port $p rxq 0 desc used count" |
			sed -n 's/.*[Uu]sed desc count = *\([0-9]*\).*/\1/p')
	done
	parse_stats < <(tp "show port stats all")
	for p in 0 1; do
		parse_xstats "$p" < <(tp "show port xstats $p")
	done
	tp_quit
	rc=$?
	check "$name.exit" "testpmd exited with $rc" test "$rc" -eq 0

	# packets went both ways, many rounds of the 64 that tx_first sent
	check "$name.flow_both_ways" "RX-packets ${st[0.rx]:-?} / ${st[1.rx]:-?} (want >= 10000)" \
		test "${st[0.rx]:-0}" -ge 10000 -a "${st[1.rx]:-0}" -ge 10000

	for p in 0 1; do
		q=$((1 - p))
		# what p sent, q's MAC received; q's application got all but its ring's backlog
		v="RX-packets ${st[$q.rx]:-?} + ${inflight[q]:-?} in port $q's Rx ring,"
		v+=" port $q mac_rx_packets ${xs[$q.mac_rx_packets]:-?},"
		v+=" port $p TX-packets ${st[$p.tx]:-?}"
		check "$name.rx${q}_eq_tx$p" "$v" test -n "${inflight[q]}" -a \
			"$((${st[$q.rx]:-0} + ${inflight[q]:-0}))" = "${st[$p.tx]:-x}" -a \
			"${xs[$q.mac_rx_packets]:-y}" = "${st[$p.tx]:-x}"

		bad=
		for k in rx_missed rx_errors rx_nombuf tx_errors; do
			[ "${st[$p.$k]:-x}" = 0 ] || bad+=" $k=${st[$p.$k]:-?}"
		done
		for k in rx_missed_errors rx_errors tx_errors rx_mbuf_allocation_errors \
			mac_rx_errors mac_rx_dropped mac_rx_too_long; do
			[ "${xs[$p.$k]:-x}" = 0 ] || bad+=" $k=${xs[$p.$k]:-?}"
		done
		check "$name.port${p}_no_errors" "counters moved:$bad" test -z "$bad"

		# the MAC's counters: FCS included in its octets, testpmd's frames are unicast
		bad=
		[ "${xs[$p.mac_tx_packets]:-x}" = "${st[$p.tx]:-y}" ] ||
			bad+=" mac_tx_packets=${xs[$p.mac_tx_packets]:-?}, TX-packets=${st[$p.tx]};"
		[ "${xs[$p.mac_tx_unicast_packets]:-x}" = "${xs[$p.mac_tx_packets]:-y}" ] ||
			bad+=" mac_tx_unicast_packets=${xs[$p.mac_tx_unicast_packets]:-?};"
		v=$((${st[$p.tx_bytes]:-0} + 4 * ${st[$p.tx]:-0}))
		[ "${xs[$p.mac_tx_octets]:-x}" = "$v" ] ||
			bad+=" mac_tx_octets=${xs[$p.mac_tx_octets]:-?}, expected $v;"
		[ "${xs[$q.mac_rx_octets]:-x}" = "${xs[$p.mac_tx_octets]:-y}" ] ||
			bad+=" port $q mac_rx_octets=${xs[$q.mac_rx_octets]:-?};"
		[ "${xs[$q.mac_rx_unicast_packets]:-x}" = "${xs[$q.mac_rx_packets]:-y}" ] ||
			bad+=" port $q mac_rx_unicast_packets=${xs[$q.mac_rx_unicast_packets]:-?};"
		[ "${xs[$p.rx_good_packets]:-x}" = "${st[$p.rx]:-y}" ] ||
			bad+=" rx_good_packets=${xs[$p.rx_good_packets]:-?};"
		check "$name.port${p}_mac_xstats" "$bad" test -z "$bad"

		# one queue: its xstats (ethdev fills them from the per-queue stats, the driver
		# asks it to) are the port's; once, they do not depend on the ring sizes
		[ "$name" = default ] || continue
		bad=
		for k in rx_q0_packets:rx_good_packets rx_q0_bytes:rx_good_bytes \
			tx_q0_packets:tx_good_packets tx_q0_bytes:tx_good_bytes; do
			[ "${xs[$p.${k%:*}]:-x}" = "${xs[$p.${k#*:}]:-y}" ] ||
				bad+=" ${k%:*}=${xs[$p.${k%:*}]:-?} ${k#*:}=${xs[$p.${k#*:}]:-?};"
		done
		check "$name.port${p}_queue_xstats" "$bad" test -z "$bad"
	done
}

run default 512 512
run rxd2048 2048 2048 --rxd=2048 --txd=2048
run rxd4096 4096 4096 --rxd=4096 --txd=4096
qt_summary
