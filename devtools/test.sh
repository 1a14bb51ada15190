#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 net_qt2025 authors
#
# The README's test command: sets up what is missing, builds, runs every test (model-level
# suites, EAL suites on the simulator, testpmd with the plugin, pmdinfo, lint, and the
# compatibility leg against other DPDK releases when their sources are there) and ends with
# the line "N passed, N failed" counting test cases.
set -uo pipefail
cd "$(dirname "$0")/.."

build=${QT2025_BUILD:-build}
summary() { echo "$1 passed, $2 failed"; exit "$3"; }

./devtools/setup.sh || { echo "test.sh: setup failed"; summary 0 1 1; }
if [ ! -f "$build/build.ninja" ]; then
	meson setup "$build" >"$build.setup.log" 2>&1 || {
		cat "$build.setup.log"; echo "test.sh: meson setup failed"; summary 0 1 1; }
	rm -f "$build.setup.log"
fi
ninja -C "$build" || { echo "test.sh: build failed"; summary 0 1 1; }

# meson runs nothing and writes no log for a --suite or test name that matches none: the
# log of an earlier run must not be counted as this one's
rm -f "$build/meson-logs/testlog.json"
meson test -C "$build" --no-rebuild --print-errorlogs -v "$@"
mrc=$?
[ -f "$build/meson-logs/testlog.json" ] ||
	{ echo "test.sh: no test matches the arguments: $*"; summary 0 1 1; }

# Each test program prints "qt-test <suite>: N passed, N failed"; a program that died
# before its summary counts as one failed case.
count_testlog() {
	python3 - "$1" <<'PY'
import json, re, sys
p = f = 0
pat = re.compile(r"^qt-test \S+: (\d+) passed, (\d+) failed$", re.M)
for line in open(sys.argv[1]):
    t = json.loads(line)
    out = (t.get("stdout") or "") + (t.get("stderr") or "")
    m = pat.findall(out)
    if m:
        p += sum(int(a) for a, _ in m)
        f += sum(int(b) for _, b in m)
        if t["result"] != "OK" and not any(int(b) for _, b in m):
            f += 1
    elif t["result"] == "OK":
        p += 1
    else:
        f += 1
print(p, f)
PY
}
read -r passed failed < <(count_testlog "$build/meson-logs/testlog.json")

# The production plugin (-Dsim=false), in its own build folder.
nosim_out=$(./devtools/test-nosim.sh "$build" 2>&1)
echo "$nosim_out"
read -r np nf < <(echo "$nosim_out" | sed -n 's/^qt-test nosim: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p')
passed=$((${passed:-0} + ${np:-0}))
failed=$((${failed:-0} + ${nf:-1}))
[ "${nf:-1}" -eq 0 ] || mrc=1

# The README's main command, as CI would run it: no terminal, must exit 0.
if QT2025_BUILD="$build" ./devtools/run.sh </dev/null >"$build/run-sh.log" 2>&1 &&
	[ "$(grep -c 'link state change event' "$build/run-sh.log")" -ge 6 ] &&
	grep -qE 'RX-packets: +[1-9][0-9]* +RX-dropped: +0' "$build/run-sh.log"; then
	echo "ok   run.sh (log: $build/run-sh.log)"
	passed=$((${passed:-0} + 1))
else
	echo "FAIL run.sh: see $build/run-sh.log"; tail -n 20 "$build/run-sh.log"
	failed=$((${failed:-0} + 1))
	mrc=1
fi

# Compatibility leg: the plugin against every DPDK release whose sources are in
# ../shared/dpdk (CI has them; a clone elsewhere skips with one line). Each release is built
# once into a cache (devtools/dpdk-build.sh); the plugin is built with -Dwerror and only that
# DPDK's pkg-config, in build-dpdk-<release>; then: it NEEDs only that DPDK's libraries,
# that release's dpdk-testpmd runs the smoke tests, its dpdk-pmdinfo.py lists the drivers.
# QT2025_COMPAT=0 skips it, =1 runs it even when arguments select suites;
# QT2025_COMPAT_FULL=1 also runs the model and EAL suites of each compat build.
compat_src=${QT2025_DPDK_SRC:-$PWD/../shared/dpdk}
case_ok() { passed=$((${passed:-0} + 1)); echo "ok   $1"; }
case_ko() { failed=$((${failed:-0} + 1)); mrc=1; echo "FAIL $1: $2"; }
# adds the "qt-test <x>: N passed, N failed" lines of a script's output ($2: exit status)
add_counts() {
	local p f
	read -r p f < <(echo "$1" | sed -nE 's/^qt-test \S+: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' |
		awk '{p += $1; f += $2} END {print p + 0, f + 0}')
	[ "$2" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	passed=$((${passed:-0} + p)); failed=$((${failed:-0} + f))
	[ "$f" -eq 0 ] || mrc=1
}
compat_release() {        # VERSION, e.g. 24.11.4
	local ver=$1 rel=${1%.*} dir pcdir libdir bdir plugin abi bad out rc p f
	bdir=build-dpdk-$rel
	plugin=$bdir/librte_net_qt2025.so
	dir=$(QT2025_DPDK_SRC=$compat_src ./devtools/dpdk-build.sh "$ver" | tail -n 1) &&
		[ -d "$dir/install" ] || { case_ko "compat-$rel.dpdk" "DPDK $ver did not build"; return; }
	pcdir=$(dirname "$(find "$dir/install" -path '*/pkgconfig/libdpdk.pc' | head -n 1)")
	libdir=$(dirname "$pcdir")
	if [ "$(cat "$bdir/.qt2025-dpdk" 2>/dev/null)" != "$dir" ]; then
		rm -rf "$bdir"
		PKG_CONFIG_PATH=$pcdir meson setup "$bdir" -Dpkg_config_path="$pcdir" -Dwerror=true \
			-Ddpdk_buildtools="$dir/src/buildtools" >"$bdir.setup.log" 2>&1 || {
			tail -n 20 "$bdir.setup.log"
			case_ko "compat-$rel.build" "meson setup failed (log: $bdir.setup.log)"; return; }
		mv "$bdir.setup.log" "$bdir/setup.log"
		echo "$dir" >"$bdir/.qt2025-dpdk"
	fi
	if ninja -C "$bdir" >"$bdir/ninja.log" 2>&1 &&
		! grep -qi 'warning:' "$bdir/setup.log" "$bdir/ninja.log"; then
		case_ok "compat-$rel.build_no_warning"
	else
		grep -iE -A3 'warning:|error' "$bdir/ninja.log" | head -n 30
		case_ko "compat-$rel.build_no_warning" "DPDK $ver (log: $bdir/ninja.log)"; return
	fi
	abi=$(readelf -d "$libdir/librte_eal.so" |
		sed -nE 's/.*SONAME.*\[librte_eal\.so\.([0-9]+)\].*/\1/p')
	bad=$(readelf -d "$plugin" | sed -nE 's/.*NEEDED.*\[(librte_[^]]*)\].*/\1/p' |
		grep -v "\.so\.$abi\$"
		LD_LIBRARY_PATH=$libdir ldd "$plugin" | grep -E '^\s*librte_' | grep -vF "=> $libdir/")
	[ -n "$abi" ] && [ -z "$bad" ] && case_ok "compat-$rel.links_only_its_dpdk" ||
		case_ko "compat-$rel.links_only_its_dpdk" "ABI ${abi:-?}, foreign: $bad"
	out=$(LD_LIBRARY_PATH=$libdir QT2025_TESTPMD=$dir/install/bin/dpdk-testpmd \
		QT2025_TEST_LABEL=testpmd-$rel app/test-qt2025/testpmd_smoke.sh "$plugin" 2>&1)
	rc=$?
	echo "$out"
	add_counts "$out" "$rc"
	out=$(QT2025_TEST_LABEL=pmdinfo-$rel app/test-qt2025/pmdinfo_check.sh "$plugin" \
		"$dir/install/bin/dpdk-pmdinfo.py" 2>&1)
	rc=$?
	echo "$out"
	add_counts "$out" "$rc"
	if [ "${QT2025_COMPAT_FULL:-0}" = 1 ]; then
		LD_LIBRARY_PATH=$libdir meson test -C "$bdir" --no-rebuild --print-errorlogs \
			--suite model --suite eal || mrc=1
		read -r p f < <(count_testlog "$bdir/meson-logs/testlog.json")
		passed=$((${passed:-0} + p)); failed=$((${failed:-0} + f))
	fi
}
# Package leg: the Debian package (devtools/make-deb.sh) installed and removed in a private
# mount namespace; applications find the driver without -d. QT2025_PACKAGE=0 skips it.
if [ "${QT2025_PACKAGE:-}" = 0 ]; then
	echo "package leg skipped: QT2025_PACKAGE=0"
elif [ $# -gt 0 ] && [ "${QT2025_PACKAGE:-}" != 1 ]; then
	echo "package leg skipped: arguments select suites (QT2025_PACKAGE=1 runs it)"
else
	leg_start=$(date +%s)
	out=$(./devtools/test-package.sh "$build" 2>&1)
	rc=$?
	echo "$out"
	add_counts "$out" "$rc"
	echo "package leg: $(($(date +%s) - leg_start)) s"
fi

compat_releases=$(ls "$compat_src"/dpdk-*.tar.xz 2>/dev/null |
	sed -E 's|.*/dpdk-(.*)\.tar\.xz$|\1|')
if [ "${QT2025_COMPAT:-}" = 0 ]; then
	echo "compat leg skipped: QT2025_COMPAT=0"
elif [ $# -gt 0 ] && [ "${QT2025_COMPAT:-}" != 1 ]; then
	echo "compat leg skipped: arguments select suites (QT2025_COMPAT=1 runs it)"
elif [ -z "$compat_releases" ]; then
	echo "compat leg skipped: no DPDK sources at $compat_src"
else
	compat_start=$(date +%s)
	for v in $compat_releases; do
		compat_release "$v"
	done
	echo "compat leg: DPDK $(echo $compat_releases) in $(($(date +%s) - compat_start)) s"
fi

# Upstream leg: devtools/upstream-check.sh, the driver as a patch series built in-tree and
# checked as DPDK's maintainers do, on the full DPDK 26.07 source when it is there, and in
# 25.11's tree (about 5 min with its builds cached, 20 cold). QT2025_UPSTREAM=0 skips it;
# arguments that select suites skip it unless it is 1.
up_tar=$compat_src/dpdk-26.07.0.tar.xz
if [ "${QT2025_UPSTREAM:-}" = 0 ]; then
	echo "upstream leg skipped: QT2025_UPSTREAM=0"
elif [ $# -gt 0 ] && [ "${QT2025_UPSTREAM:-}" != 1 ]; then
	echo "upstream leg skipped: arguments select suites (QT2025_UPSTREAM=1 runs it)"
elif [ ! -f "$up_tar" ]; then
	echo "upstream leg skipped: no $up_tar"
else
	leg_start=$(date +%s)
	out=$(QT2025_DPDK_SRC=$compat_src ./devtools/upstream-check.sh 2>&1)
	rc=$?
	echo "$out"
	add_counts "$out" "$rc"
	echo "upstream leg: $(($(date +%s) - leg_start)) s"
fi

# Sanitizer leg (ASan/UBSan build in $build-asan: model and EAL suites, testpmd; valgrind on
# the model suites) and bounded libFuzzer runs ($build-fuzz, QT2025_FUZZ_SECONDS each).
# QT2025_SANITIZE=0 / QT2025_FUZZ=0 skip them; arguments that select suites skip both
# unless they are set to 1.
for leg in sanitize fuzz; do
	var=QT2025_${leg^^}
	if [ "${!var:-}" = 0 ]; then
		echo "$leg leg skipped: $var=0"
	elif [ $# -gt 0 ] && [ "${!var:-}" != 1 ]; then
		echo "$leg leg skipped: arguments select suites ($var=1 runs it)"
	else
		leg_start=$(date +%s)
		out=$(./devtools/test-$leg.sh "$build" 2>&1)
		rc=$?
		echo "$out"
		add_counts "$out" "$rc"
		echo "$leg leg: $(($(date +%s) - leg_start)) s"
	fi
done

if [ "$mrc" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then
	failed=1
fi
summary "${passed:-0}" "${failed:-1}" $(( mrc != 0 || ${failed:-1} != 0 ))
