#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# Sanitizer leg: the plugin and the test program built with
# -Db_sanitize=address,undefined (gcc) in BUILD-asan; the model suites, every EAL suite and
# the testpmd smoke test run instrumented (Debian's dpdk-testpmd is not: libasan and
# libubsan are preloaded into it, and into it only). DPDK's heap is not instrumented
# either: devtools/asan_rte_malloc.c, preloaded into every run, gives each rte_malloc block
# a poisoned red zone, so that a driver reading past its queue arrays is reported. Then
# valgrind memcheck runs the model suites of the ordinary build (BUILD), in two halves side
# by side. Each program run has a time limit. Any AddressSanitizer, LeakSanitizer, UBSan or
# valgrind report fails its case: DPDK's own, if it ever has any, are suppressed by
# devtools/lsan.supp, ubsan.supp and valgrind.supp, which name DPDK frames only.
# Reports are kept in BUILD-asan/sanitizer-logs/CASE/. Ends with
# "qt-test sanitize: N passed, N failed" (one case per program run).
# Usage: test-sanitize.sh [BUILD]   (BUILD: the main build folder, default build; its SDK
#   headers are reused and its test program is the one valgrind runs)
#   QT2025_VALGRIND=0 leaves valgrind out.
set -uo pipefail
cd "$(dirname "$0")/.."

main=${1:-build}
dir="$main-asan"
logs=$PWD/$dir/sanitizer-logs
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   sanitize.$1"; }
ko() { fail=$((fail + 1)); echo "FAIL sanitize.$1: $2"; }
summary() { echo "qt-test sanitize: $pass passed, $fail failed"; [ "$fail" -eq 0 ]; exit; }

sdk=$main/config/sdk-include
opts=(-Db_sanitize=address,undefined)
[ -f "$sdk/ethdev_driver.h" ] && opts+=("-Dsdk_headers=$PWD/$sdk")
if [ ! -f "$dir/build.ninja" ]; then
	rm -rf "$dir"
	CC=gcc meson setup "$dir" "${opts[@]}" >"$main-asan.setup.log" 2>&1 || {
		tail -n 20 "$main-asan.setup.log"; rm -rf "$dir"
		ko build "meson setup failed (log: $main-asan.setup.log)"; summary; }
	mv "$main-asan.setup.log" "$dir/setup.log"
fi
if ! log=$(ninja -C "$dir" 2>&1); then
	echo "$log" | grep -iE -A3 'error' | head -n 30
	ko build "ninja -C $dir failed"; summary
fi
# DPDK's heap seen by ASan: the rte_malloc family interposed with red zones
shim=$dir/librte_malloc_asan.so
if [ ! -f "$shim" ] || [ devtools/asan_rte_malloc.c -nt "$shim" ]; then
	# shellcheck disable=SC2046
	gcc -shared -fPIC -O1 -fsanitize=address -Wall -Wextra -Werror -o "$shim" \
		devtools/asan_rte_malloc.c $(pkg-config --cflags libdpdk) -ldl 2>&1 ||
		{ ko build "devtools/asan_rte_malloc.c did not build"; summary; }
fi
ok build
preload="$(gcc -print-file-name=libasan.so) $PWD/$shim"
rm -rf "$logs"
mkdir -p "$logs"

export LSAN_OPTIONS="suppressions=$PWD/devtools/lsan.supp:print_suppressions=0"
# each case writes its reports into a folder of its own
san_env() {
	mkdir -p "$logs/$1"
	export ASAN_OPTIONS="log_path=$logs/$1/asan:detect_leaks=1:halt_on_error=1:strict_string_checks=1:check_initialization_order=1"
	# gcc's UBSan ignores log_path: its reports go to stderr, which judge reads
	export UBSAN_OPTIONS="print_stacktrace=1:suppressions=$PWD/devtools/ubsan.supp"
}
judge() {        # case, exit status, output
	local rep
	rep=$(cat "$logs/$1"/* 2>/dev/null; echo "$3" | grep -A12 -E 'runtime error:|ERROR: ')
	if [ "$2" -eq 0 ] && ! echo "$rep" | grep -qE 'runtime error:|ERROR: '; then
		ok "$1"
		return
	fi
	echo "$rep" | grep -E 'ERROR: |SUMMARY: |runtime error|^ *#[0-9]+ ' | head -n 25 |
		sed 's/^/    /'
	echo "$3" | grep -E '^FAIL|^    ' | head -n 10 | sed 's/^/    /'
	ko "$1" "exit $2, $(echo "$rep" | grep -cE 'runtime error:|ERROR: ') sanitizer report(s) (also in $logs/$1)"
}

bin=$dir/app/test-qt2025/test-qt2025
san_env model
out=$(timeout 600 env LD_PRELOAD="$preload" "$bin" model 2>&1)
judge model $? "$out"
# A suite that failed with no sanitizer report runs once more: the instrumented build is
# slower, and a cold bring-up may miss a test's link wait on a busy machine. A report is
# never given a second chance.
for s in $("$bin" list | awk '$1 == "eal" { split($2, a, "."); print a[1] }' | sort -u); do
	san_env "$s"
	out=$(timeout 300 env LD_PRELOAD="$preload" "$bin" eal "$s" 2>&1)
	rc=$?
	if [ "$rc" -ne 0 ] && ! echo "$out" | grep -qE 'runtime error:|ERROR: ' &&
		[ -z "$(ls "$logs/$s")" ]; then
		echo "     sanitize.$s failed without a sanitizer report; once more"
		out=$(timeout 300 env LD_PRELOAD="$preload" "$bin" eal "$s" 2>&1)
		rc=$?
	fi
	judge "$s" $rc "$out"
done

# Debian's testpmd with the instrumented plugin: the sanitizer runtimes preloaded into it
# alone (not into the smoke test's shell, python and grep)
wrap=$PWD/$dir/testpmd-asan
san_env testpmd
cat >"$wrap" <<WRAP
#!/bin/bash
# testpmd's stderr also goes to a file: UBSan writes its reports there
exec env LD_PRELOAD="$preload $(gcc -print-file-name=libubsan.so)" \\
	${QT2025_TESTPMD:-dpdk-testpmd} "\$@" 2> >(tee -a "$logs/testpmd/stderr" >&2)
WRAP
chmod +x "$wrap"
out=$(QT2025_TESTPMD=$wrap QT2025_TEST_LABEL=sanitize-testpmd \
	app/test-qt2025/testpmd_smoke.sh "$PWD/$dir/librte_net_qt2025.so" 2>&1)
rc=$?
judge testpmd $rc "$out
$(cat "$logs/testpmd/stderr" 2>/dev/null)"

# valgrind memcheck on the model suites of the ordinary build, in two halves side by side
if [ "${QT2025_VALGRIND:-1}" != 0 ]; then
	vbin=$main/app/test-qt2025/test-qt2025
	if [ -x "$vbin" ] && command -v valgrind >/dev/null; then
		suites=$("$vbin" list | awk '$1 == "model" { split($2, a, "."); print a[1] }' |
			sort -u)
		pids=()
		for half in 0 1; do
			QT2025_TEST_TIMEOUT_S=900 valgrind -q --error-exitcode=99 --leak-check=full \
				--errors-for-leak-kinds=definite --show-leak-kinds=definite \
				--suppressions=devtools/valgrind.supp "$vbin" model \
				$(echo "$suites" | awk -v h=$half 'NR % 2 == h') \
				>"$dir/valgrind-model-$half.log" 2>&1 &
			pids+=($!)
		done
		rc=0
		for p in "${pids[@]}"; do
			wait "$p" || rc=$?
		done
		if [ "$rc" -eq 0 ] && [ "$(cat "$dir"/valgrind-model-[01].log |
			grep -cE '^qt-test model: [0-9]+ passed, 0 failed$')" -eq 2 ]; then
			ok valgrind_model
		else
			grep -hE '^==[0-9]+==|^FAIL' "$dir"/valgrind-model-[01].log | head -n 25 |
				sed 's/^/    /'
			ko valgrind_model "exit $rc (logs: $dir/valgrind-model-[01].log)"
		fi
	else
		ko valgrind_model "no $vbin or no valgrind"
	fi
fi

summary
