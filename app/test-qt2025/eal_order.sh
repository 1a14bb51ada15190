#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# Proof that no EAL case depends on file order, run by hand (test.sh runs each suite once,
# in file order): every EAL suite in reverse order, then every EAL case alone in its own
# process. Ends with "qt-test eal_order: N passed, N failed" counting cases.
#
#   app/test-qt2025/eal_order.sh [path/to/test-qt2025] [--reverse-only]
set -uo pipefail

bin=${1:-build/app/test-qt2025/test-qt2025}
mode=${2:-}
pass=0
fail=0
summary='^qt-test \S+: ([0-9]+) passed, ([0-9]+) failed$'

# run LABEL ARGS...: one test-qt2025 process, its case counts added to the totals
run() {
	local label=$1 out line st
	shift
	out=$("$bin" eal "$@" 2>&1)
	st=$?
	line=$(grep -E "$summary" <<<"$out" | tail -n 1)
	if [[ $line =~ $summary ]]; then
		pass=$((pass + BASH_REMATCH[1]))
		fail=$((fail + BASH_REMATCH[2]))
		[ "$st" -ne 0 ] && [ "${BASH_REMATCH[2]}" -eq 0 ] && fail=$((fail + 1))
	else
		fail=$((fail + 1))
		line="no summary (exit status $st)"
	fi
	echo "$label: $line"
	grep -E '^(FAIL|    )' <<<"$out" | grep -v '^    [0-9]* cable toggles\|^    port [0-9]*: [0-9]* LSC'
}

suites=$("$bin" list | awk '$1 == "eal" { split($2, a, "."); print a[1] }' | sort -u)
for s in $suites; do
	run "$s --reverse" "$s" --reverse
done
if [ "$mode" != "--reverse-only" ]; then
	for c in $("$bin" list | awk '$1 == "eal" { print $2 }'); do
		run "$c alone" "${c%%.*}" "${c#*.}"
	done
fi
echo "qt-test eal_order: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
