#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# Fuzzing leg: builds the libFuzzer harnesses of app/fuzz-qt2025 with Debian's
# clang (-Dfuzz=true: coverage, ASan, UBSan) in BUILD-fuzz, then runs each one for
# QT2025_FUZZ_SECONDS (default 5) from its committed seeds (app/fuzz-qt2025/corpus/NAME) and
# what earlier runs found (BUILD-fuzz/corpus/NAME, kept between runs). A crash, a sanitizer
# report, a harness check, a hang (-timeout) or a leak fails that harness; its input is left
# in BUILD-fuzz/artifacts/ (to replay: BUILD-fuzz/app/fuzz-qt2025/fuzz-NAME FILE; a fixed
# bug's input goes into the corpus folder as a regression seed).
# Ends with "qt-test fuzz: N passed, N failed" (one case per harness; rx and tx once per
# datapath, QT2025_FUZZ_PATHS="scalar sse avx2" by default).
# Usage: test-fuzz.sh [BUILD [NAME...]]   (BUILD: the main build folder, default build)
#   QT2025_FUZZ_SECONDS=600 devtools/test-fuzz.sh build rx    fuzzes the Rx walk 10 minutes
set -uo pipefail
cd "$(dirname "$0")/.."

main=${1:-build}
shift || true
dir="$main-fuzz"
secs=${QT2025_FUZZ_SECONDS:-5}
harnesses=${*:-devargs fw telemetry rx tx sim-txd}
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   fuzz.$1"; }
ko() { fail=$((fail + 1)); echo "FAIL fuzz.$1: $2"; }
summary() { echo "qt-test fuzz: $pass passed, $fail failed"; [ "$fail" -eq 0 ]; exit; }

if ! command -v clang >/dev/null; then
	ko build "clang not installed (devtools/setup.sh installs it)"; summary
fi
sdk=$main/config/sdk-include
opts=(-Dfuzz=true)
[ -f "$sdk/ethdev_driver.h" ] && opts+=("-Dsdk_headers=$PWD/$sdk")
if [ ! -f "$dir/build.ninja" ]; then
	rm -rf "$dir"
	CC=clang meson setup "$dir" "${opts[@]}" >"$main-fuzz.setup.log" 2>&1 || {
		tail -n 20 "$main-fuzz.setup.log"; rm -rf "$dir"
		ko build "meson setup failed (log: $main-fuzz.setup.log)"; summary; }
	mv "$main-fuzz.setup.log" "$dir/setup.log"
fi
# a compiler's warning fails the leg; meson's own advice on a reconfigure does not
if ! log=$(ninja -C "$dir" 2>&1) ||
	echo "$log" | grep -v 'Consider using the built-in option' | grep -qi 'warning:'; then
	echo "$log" | grep -iE -A3 'warning:|error' | head -n 30
	ko build "clang build failed or warned"; summary
fi
ok build

mkdir -p "$dir/artifacts"
# the burst harnesses once per datapath (QT2025_DATAPATH: scalar, sse, avx2): rx:sse ...
jobs=()
for h in $harnesses; do
	case $h in
	rx | tx) for p in ${QT2025_FUZZ_PATHS:-scalar sse avx2}; do jobs+=("$h:$p"); done ;;
	*) jobs+=("$h") ;;
	esac
done
for job in "${jobs[@]}"; do
	h=${job%%:*}
	path=${job#"$h"}
	path=${path#:}
	name=$h${path:+-$path}
	bin=$dir/app/fuzz-qt2025/fuzz-$h
	seeds=app/fuzz-qt2025/corpus/$h
	work=$dir/corpus/$h
	log=$dir/fuzz-$name.log
	mkdir -p "$work"
	[ -x "$bin" ] || { ko "$name" "no harness $bin"; continue; }
	# -timeout: one input may take 10 s at most (a loop that never ends fails);
	# -error_exitcode/-timeout_exitcode: any finding is a non-zero exit
	QT2025_DATAPATH=$path "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$dir/artifacts/$name-" "$work" "$seeds" \
		>"$log" 2>&1
	rc=$?
	runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log")
	cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -n 1)
	if [ "$rc" -eq 0 ]; then
		ok "$name ($runs runs in ${secs} s, $cov, corpus $(ls "$work" | wc -l))"
	else
		grep -E 'fuzz check failed|ERROR: |SUMMARY: |runtime error|#[0-9]+ 0x.* in ' "$log" |
			grep -v 'in fuzzer::' | head -n 15 | sed 's/^/    /'
		ko "$name" "exit $rc after $runs runs (log: $log; input: $(ls -t "$dir"/artifacts/"$name"-* \
			2>/dev/null | head -n 1))"
	fi
done
summary
