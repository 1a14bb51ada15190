# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
# shellcheck shell=bash
#
# Helpers of the "tried as a user would" scripts (datapath_smoke.sh, tap_scapy.sh,
# sample_apps.sh), sourced by them: ok/FAIL lines and the summary test.sh counts, an
# interactive dpdk-testpmd driven through a FIFO (one command at a time, each answered
# before the next), and cleanup of everything a script started, on every exit path.
# The sourcing script sets qt_suite (the summary's name) before sourcing.

: "${qt_suite:?set by the sourcing script}"
qt_pass=0
qt_fail=0
qt_tmp=$(mktemp -d /tmp/qt2025-user.XXXXXX)
qt_pids=()      # processes to end at exit (timeout wrappers: they pass the signal on)
qt_netns=()     # network namespaces to delete at exit
tp_pid=
tp_log=
tp_fd=
tp_sent=0

ok() { qt_pass=$((qt_pass + 1)); echo "ok   $qt_suite.$1"; }
ko() { qt_fail=$((qt_fail + 1)); echo "FAIL $qt_suite.$1: $2"; }
# check NAME DETAIL CONDITION...: ok when the condition (a command) succeeds
check() {
	local name=$1 detail=$2
	shift 2
	if "$@"; then ok "$name"; else ko "$name" "$detail"; fi
}
# quiet COMMAND...: the command's status, its output dropped (for check)
quiet() { "$@" >/dev/null 2>&1; }
not() { ! "$@"; }
qt_summary() {
	echo "qt-test $qt_suite: $qt_pass passed, $qt_fail failed"
	[ "$qt_fail" -eq 0 ]
}

qt_cleanup() {
	local p n
	if [ -n "$tp_fd" ]; then
		exec {tp_fd}>&-
		tp_fd=
	fi
	for p in "${qt_pids[@]}"; do
		kill -TERM "$p" 2>/dev/null
	done
	for p in "${qt_pids[@]}"; do
		wait "$p" 2>/dev/null
	done
	qt_pids=()
	for n in "${qt_netns[@]}"; do
		ip netns del "$n" 2>/dev/null
	done
	qt_netns=()
	rm -rf "$qt_tmp"
}
trap qt_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# qt_wait_grep FILE PATTERN COUNT SECONDS: until FILE has COUNT lines matching PATTERN
qt_wait_grep() {
	local end=$((SECONDS + $4)) n
	while :; do
		n=$(grep -cE -- "$2" "$1" 2>/dev/null)
		[ "${n:-0}" -ge "$3" ] && return 0
		[ "$SECONDS" -ge "$end" ] && return 1
		sleep 0.1
	done
}

# qt_forget PID: a process that has ended, no longer to end at exit
qt_forget() {
	local p keep=()
	for p in "${qt_pids[@]}"; do
		[ "$p" = "$1" ] || keep+=("$p")
	done
	qt_pids=("${keep[@]}")
}

# tp_start LOG COMMAND...: starts an interactive testpmd (COMMAND includes timeout and
# "-i"), its output line-buffered into LOG; waits for its first prompt (30 s)
tp_start() {
	tp_log=$1
	shift
	local fifo
	fifo=$(mktemp -u "$qt_tmp/tp.XXXXXX")
	mkfifo "$fifo"
	exec {tp_fd}<>"$fifo"
	tp_sent=0
	stdbuf -oL "$@" <"$fifo" >"$tp_log" 2>&1 &
	tp_pid=$!
	qt_pids+=("$tp_pid")
	qt_wait_grep "$tp_log" 'testpmd> ' 1 30
}

# tp_prompts: prompts testpmd printed so far (one per command it finished)
tp_prompts() { grep -o 'testpmd> ' "$tp_log" 2>/dev/null | wc -l; }

# tp CMD [SECONDS]: sends one command, waits until testpmd has answered it (the next
# prompt), and prints what it answered; 1 when testpmd did not answer in time (20 s)
tp() {
	local from end base
	from=$(($(stat -c %s "$tp_log") + 1))
	# the prompts so far, counted afresh: testpmd may have printed one of its own since
	# the last command (an event redrawing the line), which would end the wait early
	base=$(tp_prompts)
	tp_sent=$((tp_sent + 1))
	echo "$1" >&"$tp_fd"
	end=$((SECONDS + ${2:-20}))
	while [ "$(tp_prompts)" -le "$base" ]; do
		if [ "$SECONDS" -ge "$end" ] || ! kill -0 "$tp_pid" 2>/dev/null; then
			tail -c +"$from" "$tp_log"
			return 1
		fi
		sleep 0.05
	done
	tail -c +"$from" "$tp_log"
}

# tp_links_up N SECONDS: until "show port summary all" shows N ports up at 10 Gbps
tp_links_up() {
	local end=$((SECONDS + $2))
	while [ "$(tp "show port summary all" | grep -cE ' up +10 Gbps')" -lt "$1" ]; do
		[ "$SECONDS" -ge "$end" ] && return 1
		sleep 0.2
	done
	return 0
}

# tp_quit: "quit", then testpmd's exit status (124 and above: it had to be killed)
tp_quit() {
	local rc
	echo quit >&"$tp_fd"
	exec {tp_fd}>&-
	tp_fd=
	wait "$tp_pid"
	rc=$?
	qt_forget "$tp_pid"
	return "$rc"
}

# qt_netns_add NAME: a fresh network namespace, deleted at exit
qt_netns_add() {
	ip netns add "$1" || return 1
	qt_netns+=("$1")
	ip netns exec "$1" ip link set lo up
	# no IPv6 autoconfiguration chatter on the TAPs
	ip netns exec "$1" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1 >/dev/null
}
